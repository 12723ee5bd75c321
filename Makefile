# eventlake: `make run` runs the pipeline on the bundled samples, `make test` runs the tests.
# Each target sets up its own virtual environment first (Python 3.11+, make; nothing else).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
LAKE   ?= data/lake

.PHONY: run test lint bench clean-lake setup compile

run: $(STAMP)
	$(BIN)/eventlake run data/samples --lake $(LAKE)

test: $(STAMP)
	$(BIN)/ruff check eventlake tasks flows tests scripts
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check eventlake tasks flows tests scripts
	$(BIN)/ruff format --check eventlake tasks flows tests scripts

setup: $(STAMP)

# The extraction modules are compiled by mypyc at install (setup.py); after editing one, this
# rebuilds them (about 2 minutes; until then the Python sources run, with a warning).
compile: $(STAMP)
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .

# PYTHONWARNINGS=ignore: setuptools explains editable installs in a wall of build warnings.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

clean-lake:
	rm -rf $(LAKE)
