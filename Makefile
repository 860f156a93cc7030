# The few commands people run.  `make demo` and `make test` are the README's two commands.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint typecheck unit bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -U pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed

## demo: install newsgraph and ingest the bundled examples/ into demo.db
demo: $(VENV)/.installed
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/newsgraph ingest demo.db examples/
	$(BIN)/newsgraph documents demo.db
	$(BIN)/newsgraph show demo.db examples/seed-2022-01-21-lavrov-blinken-it.txt
	$(BIN)/newsgraph timeline demo.db --actor Lavrov
	$(BIN)/newsgraph commitments demo.db
	$(BIN)/newsgraph contradictions demo.db
	$(BIN)/newsgraph stats demo.db

## test: install the test tools and run lint, type checks and the whole test suite
test: $(VENV)/.installed-test lint typecheck unit

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

unit: $(VENV)/.installed-test
	$(BIN)/pytest

## bench: the ingest benchmark (10,000 generated articles)
bench: $(VENV)/.installed
	$(BIN)/python bench/ingest_bench.py

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm .pytest_cache .mypy_cache .ruff_cache
