# eventlake: `make run` runs the pipeline on the bundled samples, `make test` runs the tests.
# Each target sets up its own virtual environment first (Python 3.11+, make; nothing else).

# The system's CPython 3.11+ when it has venv and headers, else python3 (why: scripts/pick-python).
ifndef PYTHON
PYTHON := $(shell scripts/pick-python)
endif
VENV   ?= .venv
BIN    := $(VENV)/bin
INTERP := $(VENV)/.python-$(shell echo "$(PYTHON)" | cksum | cut -d' ' -f1)
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
BUILT  := $(VENV)/.compiled
LAKE   ?= data/lake

.PHONY: run test lint bench clean-lake setup compile

run: $(BUILT)
	$(BIN)/eventlake run data/samples --lake $(LAKE)

test: $(BUILT)
	$(BIN)/ruff check eventlake tasks flows tests scripts
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check eventlake tasks flows tests scripts
	$(BIN)/ruff format --check eventlake tasks flows tests scripts

setup: $(BUILT)

# The extraction modules are compiled by mypyc at install (setup.py). After an edit to the package
# `make run`, `make test` and `make setup` rebuild them first (about 2 minutes); a build older than
# its sources is never run (eventlake/_compiled.py runs the sources instead, with a warning).
$(BUILT): $(STAMP) $(wildcard eventlake/*.py) setup.py
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

compile:
	rm -f $(BUILT)
	$(MAKE) $(BUILT)

# The environment is made anew for another interpreter: a venv cannot change its own.
$(INTERP):
	$(PYTHON) -m venv --clear $(VENV)
	touch $@

# PYTHONWARNINGS=ignore: setuptools explains editable installs in a wall of build warnings.
# The dependencies install without compiling; $(BUILT) compiles once.
$(STAMP): pyproject.toml $(INTERP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	EVENTLAKE_NO_COMPILE=1 PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

clean-lake:
	rm -rf $(LAKE)
