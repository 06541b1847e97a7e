# Everyday commands. The README's two set-up commands work without make.
PYTHON ?= python3

.PHONY: test lint format example bench

test:
	$(PYTHON) -m pytest

lint:
	$(PYTHON) -m ruff check .
	$(PYTHON) -m ruff format --check mvi_xl

format:
	$(PYTHON) -m ruff check --fix .

# Regenerate the bundled example register (committed; a test checks it is up to date).
example:
	$(PYTHON) scripts/make_example.py
