# 运城市市长质量奖评选管理系统: developer entry points (see README.md).
#   make run   start the development server on http://127.0.0.1:8000 with demo data (SQLite)
#   make test  run the whole test suite (set DATABASE_URL to run it on PostgreSQL)
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV   := .venv
PYTHON := $(VENV)/bin/python
MANAGE := $(PYTHON) manage.py
HOST   ?= 127.0.0.1
PORT   ?= 8000
# Extra arguments for pytest, e.g. make test PYTEST_ARGS="tests/programs -x"
PYTEST_ARGS ?=

# Browser tests drive Debian's chromium; Playwright must never fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: help bootstrap messages run test lint bench

help:
	@echo "make run    start http://$(HOST):$(PORT) with demo data"
	@echo "make test   run the test suite (pytest, 2 workers)"
	@echo "make lint   ruff check"
	@echo "make bench  run the benchmarks (python -m bench)"

bootstrap:
	@bash scripts/bootstrap.sh

# Compiles translations when the tree has any; .mo files are build output.
messages: bootstrap
	@if find . \( -path ./$(VENV) -o -path ./.git -o -path ./node_modules \) -prune \
		-o -name '*.po' -print -quit | grep -q .; then \
		$(MANAGE) compilemessages --ignore=$(VENV) --ignore=node_modules; \
	fi

run: messages
	$(MANAGE) migrate --noinput

	$(MANAGE) load_demo --if-empty
	@# The background-task worker runs beside the web server and stops with it.
	$(MANAGE) db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(MANAGE) runserver $(HOST):$(PORT)

test: messages
	$(PYTHON) -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

lint: bootstrap
	$(VENV)/bin/ruff check .

bench: bootstrap
	@if [ -f bench/__main__.py ]; then \
		$(PYTHON) -m bench; \
	else \
		echo "no benchmarks yet (bench/__main__.py is missing)"; \
	fi
