"""Regenerate tests/golden/voorbeeld/, the golden monitor of the bundled example register.

Run it (``make golden``) when a change to what users see is intended, then review the diff of
tests/golden/ like any other change and commit it with the code that caused it.

    python scripts/update_golden.py          # rewrite the golden files
    python scripts/update_golden.py --check  # only say whether they are up to date (exit 1 if not)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.golden import (  # noqa: E402  (needs the repository root on the path)
    GOLDEN,
    build_golden_monitor,
    golden_diff,
    golden_files,
    read_golden,
    write_golden,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; write nothing")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mvi-xl-golden-") as folder:
        files = golden_files(build_golden_monitor(Path(folder)))
    diff = golden_diff(read_golden() if GOLDEN.exists() else {}, files)
    if args.check:
        print(diff or "tests/golden/voorbeeld is up to date")
        return 1 if diff else 0
    write_golden(files)
    changed = sum(
        line.startswith("+++ ") or line.startswith("new part") for line in diff.splitlines()
    )
    print(f"wrote {len(files)} parts to {GOLDEN.relative_to(ROOT)} ({changed} changed or new)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
