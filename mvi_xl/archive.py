"""Published monitors, kept: a frozen copy of the workbook (and of its PDF) per published
peildatum, in an archive folder beside the monitor. The council may ask for the March monitor
in July, and a rebuild of March from July's register would not be it.

    Actieplan MVI-monitor.xlsx
    Actieplan MVI-monitor-archief/
        Actieplan MVI-monitor 2018-03-01.xlsx
        Actieplan MVI-monitor 2018-03-01.pdf
        Actieplan MVI-monitor 2018-07-01.xlsx
        Actieplan MVI-monitor 2018-07-01 (vervangen 2018-07-03 14.05).xlsx

A copy is never overwritten: a deliberate re-publish (``--publish --force``) first moves the
copy it replaces to a name that says when. ``[monitor] archive`` in mvi-xl.toml names another
folder (relative to the monitor's folder).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .errors import OutputError
from .safe_io import atomic_output, remove_stale_temporaries

ARCHIVE_SUFFIX = "-archief"
REPLACED = "vervangen"


@dataclass(frozen=True)
class Archive:
    """Where the published copies of one monitor go."""

    folder: Path
    stem: str  # the monitor's name without .xlsx: the copies are "<stem> <peildatum>.xlsx"

    @classmethod
    def of(cls, monitor: Path, setting: Path | None = None) -> Archive:
        """The archive of ``monitor``: ``[monitor] archive`` (relative to the monitor's folder),
        else ``<monitor name>-archief`` beside it."""
        folder = (
            monitor.parent / setting
            if setting
            else monitor.with_name(monitor.stem + ARCHIVE_SUFFIX)
        )
        return cls(folder, monitor.stem)

    def workbook(self, day: dt.date) -> Path:
        return self.folder / f"{self.stem} {day.isoformat()}.xlsx"

    def pdf(self, day: dt.date) -> Path:
        return self.folder / f"{self.stem} {day.isoformat()}.pdf"

    def copy_of(self, day: dt.date) -> Path | None:
        """The archived workbook of a published peildatum, if there is one."""
        found = self.workbook(day)
        return found if found.is_file() else None

    def keep(
        self,
        day: dt.date,
        workbook: Path,
        pdf: Path | None = None,
        *,
        now: dt.datetime | None = None,
    ) -> Kept:
        """Copy the published workbook (and PDF) into the archive. A copy already there is
        moved to ``<name> (vervangen <date time>)`` first, never overwritten. On failure
        nothing is left changed (OutputError, exit 4)."""
        self._make_folder()
        kept = Kept()
        pairs = [(workbook, self.workbook(day))] + ([(pdf, self.pdf(day))] if pdf else [])
        try:
            for source, target in pairs:
                remove_stale_temporaries(target)
                if target.exists():
                    replaced = _free_name(target, now or dt.datetime.now())
                    target.rename(replaced)
                    kept.moved.append((replaced, target))
                with atomic_output(target, replace=False) as temporary:
                    shutil.copyfile(source, temporary)
                kept.made.append(target)
        except OSError as exc:
            kept.undo()
            raise OutputError(
                "archive_failed", path=self.folder, reason=exc.strerror or str(exc)
            ) from None
        except BaseException:
            kept.undo()
            raise
        return kept

    def _make_folder(self) -> None:
        if self.folder.is_dir():
            return
        try:
            self.folder.mkdir()
        except OSError as exc:
            raise OutputError(
                "archive_failed", path=self.folder, reason=exc.strerror or str(exc)
            ) from None


@dataclass
class Kept:
    """What one ``Archive.keep`` did, so that it can be undone when publishing fails later."""

    made: list[Path] = field(default_factory=list)
    moved: list[tuple[Path, Path]] = field(default_factory=list)  # (moved to, moved from)

    @property
    def workbook(self) -> Path | None:
        return self.made[0] if self.made else None

    def undo(self) -> None:
        """Remove the copies made and move the replaced ones back (best effort)."""
        for path in self.made:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        for moved_to, moved_from in reversed(self.moved):
            if not moved_from.exists():
                with contextlib.suppress(OSError):
                    moved_to.rename(moved_from)
        self.made.clear()
        self.moved.clear()


def _free_name(target: Path, now: dt.datetime) -> Path:
    stamp = now.strftime("%Y-%m-%d %H.%M")
    candidate = target.with_name(f"{target.stem} ({REPLACED} {stamp}){target.suffix}")
    counter = 2
    while candidate.exists():
        candidate = target.with_name(f"{target.stem} ({REPLACED} {stamp}) {counter}{target.suffix}")
        counter += 1
    return candidate
