# `make run` starts the app on the bundled Jakarta data; `make test` runs every test.
# Both set themselves up on a fresh machine: a virtual environment in .venv, the pinned
# packages, and (for the browser tests) Debian's Chromium.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test setup chromium fonts lint bench

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-* && touch $@

setup: $(STAMP)

chromium:
	@sh scripts/install-chromium.sh

fonts:
	@sh scripts/install-fonts.sh

run: setup
	$(VENV)/bin/streamlit run Home.py

test: setup chromium fonts
	$(PY) -m pytest -q -n 2

lint: setup
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

bench: setup
	$(PY) -m benchmarks.run
