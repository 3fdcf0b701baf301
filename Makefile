# Two commands for a fresh machine (see README.md):
#   make demo  - venv, install, migrate, load the demo data and users, serve http://127.0.0.1:8000 (SQLite)
#   make test  - venv, install with test extras, run the test suite (pytest)
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo test install install-test fixtures

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"

demo: install
	DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DEBUG=1 $(BIN)/python manage.py load_demo
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

test: install-test
	$(BIN)/python fixtures/build_fixtures.py --check
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest $(PYTEST_ARGS)

fixtures: install
	$(BIN)/python fixtures/build_fixtures.py
