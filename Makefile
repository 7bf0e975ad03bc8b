# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test install migrate demo migration bench lint clean messages

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Relay needs Python 3.11+") if sys.version_info < (3, 11) else None'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*; touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/relay migrate

demo: migrate
	$(BIN)/relay demo

## Create the venv, migrate the SQLite database, seed the demo merchant, serve.
run: demo
	$(BIN)/relay serve

## The whole test suite (SQLite by default; RELAY_TEST_DATABASE_URL=postgres://... for PostgreSQL).
test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## New migration step for both engines: make migration NAME=add_something
migration: install
	$(BIN)/relay makemigrations $(NAME)

## Extract the consoles' strings into relay/pages/locale/*/LC_MESSAGES/*.po; lists what is left to translate.
messages: install
	$(BIN)/python -m relay.pages.catalogues

bench: install
	$(BIN)/python bench/redirect.py

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) relay.sqlite3*
