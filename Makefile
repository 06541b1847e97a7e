# Everyday commands. The README's two set-up commands work without make.
PYTHON ?= python3

.PHONY: test lint format example golden bench catalogues

test:
	$(PYTHON) -m pytest

# The checks .ci/run makes before the tests: ruff's lint and format, then mypy (setup.cfg).
lint:
	$(PYTHON) -m ruff check .
	$(PYTHON) -m ruff format --check .
	$(PYTHON) -m mypy

format:
	$(PYTHON) -m ruff check --fix .
	$(PYTHON) -m ruff format .

# Regenerate the bundled example register (committed; a test checks it is up to date).
example:
	$(PYTHON) scripts/make_example.py

# Bring the gettext catalogues (mvi_xl/locale/*/LC_MESSAGES/mvi_xl.po) in line with the code's
# msgids and click's, and compile the .mo beside them; translate what is new in the Dutch .po and
# run it again. Both .po and .mo are committed (needs the test extra: Babel).
catalogues:
	$(PYTHON) scripts/catalogues.py

# Regenerate the golden monitor of the example (tests/golden/voorbeeld) after an intended change
# to the workbook; review its diff and commit it with the change.
golden:
	$(PYTHON) scripts/update_golden.py

# Time and peak memory of mvi-xl build against its floors and the pandas peer (needs the bench
# extra: pip install -e '.[bench]'); exits non-zero when a target of BENCHMARKS.md is missed.
bench:
	$(PYTHON) benchmarks/run.py
