#!/usr/bin/env bash
# System packages the tests need, installed with apt-get when missing (Debian or Ubuntu):
# Chromium for the browser tests and the PDF (Playwright's own browser download does not work
# on these machines; Google Chrome, as on GitHub's runners, is used where it exists) and a
# TrueType CJK font that Chromium embeds as a subset in the PDF.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || [ -x /usr/bin/google-chrome ] || missing+=(chromium)
fc-list 2>/dev/null | grep -q "WenQuanYi Micro Hei" || missing+=(fonts-wqy-microhei fontconfig)
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
echo "Installing system packages: ${missing[*]}"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}"
