# Two commands for a fresh machine (see README.md):
#   make demo  - venv, install, migrate, load the demo data and users, serve http://127.0.0.1:8000 (SQLite)
#   make lint  - ruff (lint, then format check), import-linter's layer contract, mypy; .ci/run runs it first
#   make test  - venv, install with test extras, run the test suite (pytest, in parallel: one worker per core;
#                PYTEST_WORKERS=0 runs it in one process, PYTEST_ARGS="-k ..." passes options to pytest)
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
PYTEST_WORKERS ?= auto

.PHONY: demo test lint install install-test system-test fixtures

# What the tests need from the system: Debian's Chromium (driven by Playwright, never a downloaded browser),
# pdftotext (poppler-utils) to read PDFs, and fonts for WeasyPrint. Installed with apt when missing and root.
SYSTEM_TEST_CMDS = chromium pdftotext

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Installed once per venv and again only when pyproject.toml changes (a stamp file in the venv): pip's no-op
# re-install still asks the index for every package (about 25 s), and .ci/run calls make twice.
install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

demo: install
	DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DEBUG=1 $(BIN)/python manage.py load_demo
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

system-test:
	@missing=""; for c in $(SYSTEM_TEST_CMDS); do command -v $$c >/dev/null || missing="$$missing $$c"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing:$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      chromium poppler-utils fonts-dejavu-core fonts-liberation >/dev/null; \
	  else echo "missing:$$missing - install Debian packages chromium poppler-utils fonts-liberation"; exit 1; fi; \
	fi

# Fast checks first: .ci/run stops at the first failure, before the slow tests. Settings in pyproject.toml.
lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	PYTHONPATH=. $(BIN)/lint-imports
	$(BIN)/mypy

test: install-test system-test
	$(BIN)/python fixtures/build_fixtures.py --check
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

fixtures: install
	$(BIN)/python fixtures/build_fixtures.py
