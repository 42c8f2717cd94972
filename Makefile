# mealplan: `make run` sets everything up and serves the site; `make test` runs the suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

# The first Python >= 3.12: python3.13/python3.12 on PATH, then pyenv's installed 3.13/3.12.
find_python = $(shell \
	for c in python3.13 python3.12; do \
		p=$$(command -v $$c 2>/dev/null) && [ -n "$$p" ] && "$$p" -c 'import sys; assert sys.version_info >= (3, 12)' 2>/dev/null && { echo "$$p"; exit 0; }; \
	done; \
	root=$$(pyenv root 2>/dev/null || echo "$$HOME/.pyenv"); \
	for v in $$(ls -d "$$root"/versions/3.13* "$$root"/versions/3.12* 2>/dev/null | sort -rV); do \
		[ -x "$$v/bin/python3" ] && "$$v/bin/python3" -c 'import sys; assert sys.version_info >= (3, 12)' 2>/dev/null && { echo "$$v/bin/python3"; exit 0; }; \
	done)

.PHONY: help install setup run test lint format bench fixtures clean screenshots

help:
	@echo "make run    set up everything (venv, dependencies, database, fixtures, demo account) and serve on :$(PORT)"
	@echo "make setup  the same without serving"
	@echo "make test   run the whole test suite"
	@echo "make lint   ruff check and format check"
	@echo "make bench  benchmarks, written to docs/benchmarks.md"

$(STAMP): pyproject.toml requirements.lock
	@if [ ! -x "$(PY)" ]; then \
		PYTHON="$(find_python)"; \
		if [ -z "$$PYTHON" ]; then \
			echo "error: mealplan needs Python >= 3.12 (Django 6.1 requires it)." >&2; \
			echo "Install python3.12 or python3.13, or a 3.12/3.13 under pyenv (pyenv install 3.13), and run make again." >&2; \
			exit 1; \
		fi; \
		echo "Creating $(VENV) with $$PYTHON"; \
		"$$PYTHON" -m venv $(VENV); \
	fi
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

setup: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py load_catalogue
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py create_demo_user

run: setup
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install
	MEALPLAN_TESTING=1 $(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: install
	MEALPLAN_TESTING=1 $(PY) -m bench

screenshots: install
	$(PY) docs/screenshots.py

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles .pytest_cache
