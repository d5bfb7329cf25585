# lkjip: `make build` writes the 2024 report, `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
YEAR   ?= 2024
OUT    ?= build/$(YEAR)
FORMATS ?= docx,md,html

.DEFAULT_GOAL := help
.PHONY: help build check show test test-min lint schema docs bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(BIN)/lkjip: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.dev: $(BIN)/lkjip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

build: $(BIN)/lkjip ## Check data/$(YEAR) and write the report (DOCX, Markdown, HTML) to build/$(YEAR)
	$(BIN)/lkjip build $(YEAR) --out $(OUT) --format $(FORMATS)

check: $(BIN)/lkjip ## Check data/$(YEAR) for inconsistencies
	$(BIN)/lkjip check $(YEAR)

show: $(BIN)/lkjip ## Print the headline figures of data/$(YEAR)
	$(BIN)/lkjip show $(YEAR)

docs: $(BIN)/lkjip ## Regenerate docs/narasi.md (the narrative language) from the code
	$(BIN)/python -m lkjip_cli.docs_narasi > docs/narasi.md

test: $(VENV)/.dev ## Run the test suite
	$(BIN)/python -m pytest

test-min: ## Run the tests with every dependency at its lower bound (slow; not run by CI)
	rm -rf .venv-min
	$(PYTHON) -m venv .venv-min
	.venv-min/bin/python -m pip install --quiet --upgrade pip
	.venv-min/bin/python -m pip install --quiet $$($(PYTHON) scripts/lowest_deps.py) pytest hypothesis
	.venv-min/bin/python -m pip install --quiet --no-deps -e .
	.venv-min/bin/python -m pip check
	.venv-min/bin/python -m pip list --format=freeze
	.venv-min/bin/python -m pytest -p no:cacheprovider

lint: $(VENV)/.dev ## ruff (lint and format check) and mypy on src/
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy src

schema: $(BIN)/lkjip ## Regenerate schema/*.schema.json from the models
	$(BIN)/lkjip schema --out schema

bench: $(VENV)/.dev ## Time check and build (see README, Performance)
	$(BIN)/python scripts/bench.py

clean: ## Remove build outputs
	rm -rf build
