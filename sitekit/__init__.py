"""Build helpers for the live-code study site."""
