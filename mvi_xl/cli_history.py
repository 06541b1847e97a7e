"""``mvi-xl history``: the snapshots a monitor compares with, listed, added, marked and
removed. The pipeline and the history's upkeep are imported when a command runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from .cli_common import (
    DATE,
    EXIT_CODES,
    PATH,
    config_option,
    echo_json,
    guard,
    json_option,
    lang_option,
    sheet_option,
)
from .words.command_line import language
from .words.i18n import Words


@click.group(epilog=EXIT_CODES)
def history() -> None:
    """The snapshots a monitor compares with: one per peildatum, kept beside the monitor in
    '<monitor>-historie.csv'."""


@history.command("add", epilog=EXIT_CODES)
@click.argument("register", type=PATH)
@click.option(
    "--as-of", type=DATE, metavar="DATE", required=True, help="The peildatum of this copy."
)
@click.option(
    "-o",
    "--output",
    type=PATH,
    metavar="MONITOR",
    help="The monitor whose history this is (default: the one beside REGISTER).",
)
@config_option
@sheet_option
@lang_option
@click.option("--force", is_flag=True, help="Replace a published snapshot of this peildatum.")
def history_add(
    register: Path,
    as_of: dt.date,
    output: Path | None,
    config: Path | None,
    sheet: str | None,
    lang: str | None,
    force: bool,
) -> None:
    """Record a snapshot of REGISTER (e.g. a dated old copy) as a published one, without
    building a monitor."""
    from .pipeline import Options, record

    options = Options(
        register=register, output=output, as_of=as_of, config=config, sheet=sheet, lang=lang
    )
    result = guard(lambda: record(options, force=force), lang)
    words = Words(result.lang)
    if result.monitor is None:
        click.echo(words["cli.already_recorded"].format(as_of=words.date(as_of)))
        return
    for notice in result.monitor.notices:
        click.echo(f"{words['cli.notice']}: {notice.render(result.lang)[0]}", err=True)
    click.echo(
        words.plural(
            "cli.recorded",
            result.monitor.total_actions,
            as_of=words.date(as_of),
            path=result.output,
        )
    )


@history.command("list", epilog=EXIT_CODES)
@click.argument("monitor", type=PATH, required=False)
@lang_option
@json_option
def history_list(monitor: Path | None, lang: str | None, as_json: bool) -> None:
    """Show the snapshots of MONITOR (or of the one history file in this folder)."""
    from .history_upkeep import find_history
    from .report import history_json, history_table

    found = guard(lambda: find_history(monitor), lang)
    words = Words(lang or language())
    for notice in found.notices(None):  # what of the file could not be read
        click.echo(f"{words['cli.notice']}: {notice.render(words.lang)[0]}", err=True)
    if as_json:
        echo_json(history_json(found))
        return
    for line in history_table(found, lang or language()):
        click.echo(line)


@history.command("publish", epilog=EXIT_CODES)
@click.argument("date", metavar="DATE", type=DATE)
@click.argument("monitor", type=PATH, required=False)
@config_option
@lang_option
def history_publish(
    date: dt.date, monitor: Path | None, config: Path | None, lang: str | None
) -> None:
    """Mark the snapshot of DATE as published: the next monitors compare with it. When the
    monitor beside the history is of DATE, a copy goes into the archive."""
    from .history_upkeep import mark

    marked = guard(lambda: mark(monitor, date, published=True, config=config), lang)
    words = Words(lang or language())
    key = "cli.marked_published" if marked.changed else "cli.was_published"
    click.echo(words[key].format(as_of=words.date(date)))
    if marked.archived is not None:
        click.echo(words["cli.marked_archived"].format(path=marked.archived))


@history.command("unpublish", epilog=EXIT_CODES)
@click.argument("date", metavar="DATE", type=DATE)
@click.argument("monitor", type=PATH, required=False)
@lang_option
def history_unpublish(date: dt.date, monitor: Path | None, lang: str | None) -> None:
    """Mark the snapshot of DATE as a refresh: the next monitors no longer compare with it
    (its archived copy, if any, stays)."""
    from .history_upkeep import mark

    marked = guard(lambda: mark(monitor, date, published=False), lang)
    words = Words(lang or language())
    key = "cli.marked_refresh" if marked.changed else "cli.was_refresh"
    click.echo(words[key].format(as_of=words.date(date)))


@history.command("remove", epilog=EXIT_CODES)
@click.argument("date", metavar="DATE", type=DATE)
@click.argument("monitor", type=PATH, required=False)
@lang_option
def history_remove(date: dt.date, monitor: Path | None, lang: str | None) -> None:
    """Remove the snapshot of DATE from the history of MONITOR."""
    from .history_upkeep import forget

    found = guard(lambda: forget(monitor, date), lang)
    words = Words(lang or language())
    click.echo(words["cli.removed"].format(as_of=words.date(date), path=found.path))
