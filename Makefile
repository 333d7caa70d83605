# Everything runs inside .venv, created from requirements.txt on first use.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint clean bench

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

serve: $(STAMP)  ## set up, then serve the site on http://127.0.0.1:8000
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)  ## set up, then build the site into site/ (strict)
	$(VENV)/bin/mkdocs build --strict

test: $(STAMP)   ## set up, then lint and run every test (includes a strict build)
	$(VENV)/bin/ruff check snippets tests hooks sitekit
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check snippets tests hooks sitekit

clean:
	rm -rf site .cache .pytest_cache .ruff_cache

bench: $(STAMP)  ## build-speed benchmark: cold/warm/no-exec builds, serve rebuilds, import torch, tests
	$(PY) scripts/benchmark.py
