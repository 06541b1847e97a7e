"""The README's module map matches the tree: every module of the package is named in it, and
it names no module that is gone."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mvi_xl"
START = "The code runs one way"
END = "`templates/` is installed"


def module_map() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text[text.index(START) : text.index(END)]


def modules() -> list[Path]:
    """The package's modules, relative to it; ``__init__``/``__main__`` are the packages'."""
    return sorted(
        path.relative_to(PACKAGE)
        for path in PACKAGE.rglob("*.py")
        if path.name not in ("__init__.py", "__main__.py")
    )


def named(text: str) -> set[str]:
    """The modules a map names: `mvi_xl/x.py`, `reader/x.py` or, in a package's item, `x.py`."""
    return set(re.findall(r"`(?:mvi_xl/)?((?:\w+/)*\w+\.py)`", text))


def is_named(module: Path, text: str) -> bool:
    """Named with its path, or by its file name: a top-level module anywhere in the map, a
    module of a subpackage in the item of that package (``- `mvi_xl/reader/`: ...``)."""
    if module.as_posix() in named(text):
        return True
    if module.parent == Path():
        return module.name in named(text)
    package = f"`mvi_xl/{module.parent.as_posix()}/`"
    return any(package in item and module.name in named(item) for item in text.split("\n- "))


def test_every_module_is_on_the_map():
    text = module_map()
    missing = [module.as_posix() for module in modules() if not is_named(module, text)]
    assert not missing, f"README's module map (section {START!r}) lacks {missing}"


def test_the_map_names_no_module_that_is_gone():
    names = {module.name for module in modules()} | {m.as_posix() for m in modules()}
    gone = sorted(name for name in named(module_map()) if Path(name).name not in names)
    assert not gone, f"README's module map names modules that are not in mvi_xl: {gone}"
