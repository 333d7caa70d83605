# Everything runs inside .venv, created from requirements.txt on first use.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

LINTED := snippets tests sitebuild sitekit scripts

.PHONY: serve build test test-fast lint clean bench system-deps

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

system-deps:  ## Chromium and a CJK font, via apt-get when missing (browser tests, PDF)
	bash scripts/system-deps.sh

# ProperDocs: the maintained fork of MkDocs 1.6, same mkdocs.yml, same output (plain `mkdocs
# serve` / `mkdocs build` work too)
serve: $(STAMP)  ## set up, then serve the site on http://127.0.0.1:8000
	$(VENV)/bin/properdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)  ## set up, then build the site into site/ (strict)
	$(VENV)/bin/properdocs build --strict

test: $(STAMP) system-deps  ## set up, then lint and run every test (strict build included)
	$(VENV)/bin/ruff check $(LINTED)
	$(PY) -m pytest

test-fast: $(STAMP)  ## the author's loop: lint, snippets and claims, no site build (about a minute)
	$(VENV)/bin/ruff check $(LINTED)
	$(PY) -m pytest -m "not site"

lint: $(STAMP)
	$(VENV)/bin/ruff check $(LINTED)

clean:
	rm -rf site .cache .pytest_cache .ruff_cache

bench: $(STAMP)  ## build-speed benchmark: cold/warm/no-exec builds, serve rebuilds, import torch, tests
	$(PY) scripts/benchmark.py

.PHONY: offline
offline: $(STAMP) system-deps  ## the offline edition: dist/nn-notes-offline/ (file://), .zip, PDF
	$(PY) scripts/offline.py --out dist $(if $(wildcard site/index.html),--site site)

# Browser checks (README "Browser checks"): Debian's Chromium, scripts/browser_support.py.
.PHONY: test-browser lighthouse screenshots
LIGHTHOUSE := .cache/node/node_modules/.bin/lighthouse

test-browser: $(STAMP)  ## only the browser tests (also part of `make test`)
	$(PY) -m pytest tests/test_browser.py

$(LIGHTHOUSE):  # npm lighthouse, pinned (newer ones need Node 22), into a git-ignored folder
	mkdir -p .cache/node
	cd .cache/node && (test -f package.json || echo '{"private": true}' > package.json) \
	  && npm install --no-audit --no-fund --save-exact lighthouse@12.2.3

lighthouse: $(STAMP) $(LIGHTHOUSE)  ## Lighthouse, mobile + desktop, every page served gzip'd: table
	CHROME_PATH=/usr/bin/chromium $(PY) scripts/lighthouse.py

screenshots: $(STAMP)  ## desktop + phone, light + dark, every page: .cache/screenshots/index.html
	$(PY) scripts/screenshots.py
