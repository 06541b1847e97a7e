"""What the commands print about a build or a check: the summary, the warnings, the --json
object, and where a monitor went when its file was in use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from .cli_common import echo_json
from .words import i18n
from .words.i18n import Words

if TYPE_CHECKING:
    from .model import Monitor
    from .pipeline import Result

#: How many warnings the terminal shows after a build; all of them are on the Toelichting sheet.
SHOWN_WARNINGS = 20


def report_departments(results: list[Result], as_json: bool, quiet: bool) -> None:
    """``--per-afdeling``: one JSON object with every monitor, or a line per department."""
    if as_json:
        monitors = []
        for result in results:
            data = _result_json(result)
            data["department"] = result.department
            monitors.append(data)
        echo_json({"monitors": monitors})
        return
    if quiet:
        return
    for result in results:
        words = Words(result.lang)
        name = result.department or words["group.none.department"]
        if result.monitor is None:
            click.echo(f"{name}: {_already_published(result, words)}")
            continue
        key = "cli.up_to_date" if result.up_to_date else "cli.written"
        click.echo(
            f"{name} ({result.monitor.total_actions}): " + words[key].format(path=result.output)
        )
        _say_published(result, words)
        _say_in_use(result, words)


def _result_json(result: Result) -> dict[str, Any]:
    """The --json object of one build: the monitor's, with what the run did."""
    if result.monitor is None:
        data = {
            "as_of": result.already_published.isoformat() if result.already_published else None,
            "already_published": True,
            "output": None,
        }
    else:
        from .report import to_json

        data = to_json(result.monitor, result.lang, result.output)
        data["already_published"] = False
    data["published"] = result.published
    data["archived"] = str(result.archived) if result.archived is not None else None
    data["up_to_date"] = result.up_to_date or result.monitor is None
    data["output_in_use"] = result.fell_back
    if result.pdf is not None:
        data["pdf"] = str(result.pdf)
        data["pdf_in_use"] = result.pdf_fell_back
    _renderings_json(result, data)
    return data


def _renderings_json(result: Result, data: dict[str, Any]) -> None:
    """--html, --ods, and whether the PDF is tagged (renderings.py)."""
    if result.pdf is not None and result.pdf_tagged is not None:
        data["pdf_tagged"] = result.pdf_tagged
    for key, path in (("html", result.html), ("ods", result.ods)):
        if path is not None:
            data[key] = str(path)
    if result.html is not None or result.ods is not None:
        data["renderings_in_use"] = result.renderings_fell_back


def _already_published(result: Result, words: Words) -> str:
    as_of = words.date(result.already_published)
    if result.archived is None:
        return words["cli.already_published_no_copy"].format(as_of=as_of)
    return words["cli.already_published"].format(as_of=as_of, path=result.archived)


def _say_published(result: Result, words: Words) -> None:
    if result.published and result.monitor is not None:
        click.echo(
            words["cli.published"].format(
                as_of=words.date(result.monitor.as_of), path=result.archived
            )
        )


def report_result(result: Result, as_json: bool, check: bool) -> None:
    monitor, lang = result.monitor, result.lang
    words = Words(lang)
    if as_json:
        echo_json(_result_json(result))
        _say_in_use(result, words)
        _say_untagged(result, words)
        return
    if monitor is None:  # a published peildatum: nothing was read or written
        click.echo(_already_published(result, words))
        return
    from .report import summary_table

    for line in summary_table(monitor, lang):
        click.echo(line)
    off_course = _off_course(monitor, words)
    if off_course:
        click.echo(off_course)
    findings = monitor.findings
    if findings:
        click.echo(words.plural("cli.warnings", len(findings)), err=True)
        shown = findings if check else findings[:SHOWN_WARNINGS]
        for finding in shown:
            text, hint = finding.render(lang)
            where = f"{finding.where}: " if finding.where else ""
            click.echo(f"  {where}{text}" + (f". {hint}" if check else ""), err=True)
        if len(findings) > len(shown):
            click.echo(words.plural("cli.more_warnings", len(findings) - len(shown)), err=True)
    for notice in monitor.notices:
        text, _ = notice.render(lang)
        where = f"{notice.where}: " if notice.where else ""
        click.echo(f"{words['cli.notice']}: {where}{text}", err=True)
    if check:
        if findings:
            actions = words.plural("count.actions", monitor.total_actions)
            click.echo(words.plural("cli.read", len(findings), actions=actions))
        else:
            click.echo(words.plural("cli.clean", monitor.total_actions))
    elif result.up_to_date:
        click.echo(words["cli.up_to_date"].format(path=result.output))
    else:
        click.echo(words["cli.written"].format(path=result.output))
        if result.pdf is not None:
            click.echo(words["cli.pdf_written"].format(path=result.pdf))
        _say_renderings(result, words)
        _say_published(result, words)
    _say_in_use(result, words)


def _say_renderings(result: Result, words: Words) -> None:
    """Where the page and the .ods went, and a notice when the PDF is not tagged."""
    if result.html is not None:
        click.echo(words["cli.html_written"].format(path=result.html))
    if result.ods is not None:
        click.echo(words["cli.ods_written"].format(path=result.ods))
    _say_untagged(result, words)


def _say_renderings_in_use(result: Result, words: Words) -> None:
    """The page or the .ods was open: where the new one went (exit 5)."""
    if not result.renderings_fell_back or result.target is None:
        return
    from .ods import ods_path
    from .renderings import html_path

    for path, target in (
        (result.html, html_path(result.target)),
        (result.ods, ods_path(result.target)),
    ):
        if path is not None and path != target:
            text, hint = i18n.message(words.lang, "rendering_in_use", target=target, path=path)
            click.echo(f"{words['cli.notice']}: {text}. {hint}", err=True)


def _say_untagged(result: Result, words: Words) -> None:
    if result.pdf is not None and result.pdf_tagged is False:
        from .browser import BROWSER_ENV

        text, hint = i18n.message(words.lang, "pdf_untagged", path=result.pdf, env=BROWSER_ENV)
        click.echo(f"{words['cli.notice']}: {text}. {hint}", err=True)


def _say_in_use(result: Result, words: Words) -> None:
    """The monitor (or its PDF) was open: where the new one went (exit code 5 says it too)."""
    if result.fell_back:
        text, hint = i18n.message(
            words.lang, "monitor_in_use", target=result.target, path=result.output
        )
        click.echo(f"{words['cli.notice']}: {text}. {hint}", err=True)
    if result.pdf_fell_back and result.target is not None:
        from .outputs import pdf_target

        text, hint = i18n.message(
            words.lang,
            "pdf_in_use",
            target=pdf_target(result.target),
            path=result.pdf,
        )
        click.echo(f"{words['cli.notice']}: {text}. {hint}", err=True)
    _say_renderings_in_use(result, words)


def _off_course(monitor: Monitor, words: Words) -> str | None:
    """The line on the themes off course (ambitions.py, imported when there are ambitions)."""
    if not monitor.ambitions:
        return None
    from .ambitions import off_course_text

    return off_course_text(monitor.ambitions, words)
