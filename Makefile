# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HASH := $(shell cat pyproject.toml | cksum | cut -d' ' -f1)
# What serving needs (make run), and on top of it the test and lint tools (make test).
RUNTIME := $(VENV)/.runtime-$(HASH)
DEV := $(VENV)/.dev-$(HASH)
# The venv is made without pip of its own (no ensurepip: seconds saved on every fresh clone) and
# filled by the pip of the Python that made it (pip --python, pip 22.3+); a Python whose pip
# cannot do that gets a venv with its own pip.
OUTER_PIP = $(eval OUTER_PIP := $(shell $(PYTHON) -m pip --help 2>/dev/null | grep -q -- '--python <python>' && echo yes))$(OUTER_PIP)
VENV_ARGS = $(if $(OUTER_PIP),--without-pip)
PIP = $(if $(OUTER_PIP),$(PYTHON) -m pip --python $(BIN)/python,$(BIN)/python -m pip) install --quiet

.PHONY: run test install migrate demo migration bench lint clean messages

$(RUNTIME): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Relay needs Python 3.11+") if sys.version_info < (3, 11) else None'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV_ARGS) $(VENV)
	$(PIP) -e .
	rm -f $(VENV)/.runtime-* $(VENV)/.installed-*; touch $(RUNTIME)

$(DEV): $(RUNTIME)
	$(PIP) -e '.[dev]'
	rm -f $(VENV)/.dev-*; touch $(DEV)

## Everything: serving, tests, lint.
install: $(DEV)

migrate: $(RUNTIME)
	$(BIN)/relay migrate

demo: migrate
	$(BIN)/relay demo

## Create the venv, migrate the SQLite database, seed the demo merchant, serve.
run: demo
	$(BIN)/relay serve

## The whole test suite (SQLite by default; RELAY_TEST_DATABASE_URL=postgres://... for PostgreSQL).
test: $(DEV)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## New migration step for both engines: make migration NAME=add_something
migration: $(RUNTIME)
	$(BIN)/relay makemigrations $(NAME)

## Extract the consoles' strings into relay/pages/locale/*/LC_MESSAGES/*.po; lists what is left to translate.
messages: $(RUNTIME)
	$(BIN)/python -m relay.pages.catalogues

bench: $(DEV)
	$(BIN)/python bench/redirect.py

lint: $(DEV)
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) relay.sqlite3*
