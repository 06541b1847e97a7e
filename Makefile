# Everyday commands. The README's two set-up commands work without make.
PYTHON ?= python3

.PHONY: test lint format example golden bench

test:
	$(PYTHON) -m pytest

lint:
	$(PYTHON) -m ruff check .
	$(PYTHON) -m ruff format --check mvi_xl
	$(PYTHON) -m mypy

format:
	$(PYTHON) -m ruff check --fix .

# Regenerate the bundled example register (committed; a test checks it is up to date).
example:
	$(PYTHON) scripts/make_example.py

# Regenerate the golden monitor of the example (tests/golden/voorbeeld) after an intended change
# to the workbook; review its diff and commit it with the change.
golden:
	$(PYTHON) scripts/update_golden.py

# Time and peak memory of mvi-xl build against its floors and the pandas peer (needs the bench
# extra: pip install -e '.[bench]'); exits non-zero when a target of BENCHMARKS.md is missed.
bench:
	$(PYTHON) benchmarks/run.py
