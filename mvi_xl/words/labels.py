"""The words of the workbook and the terminal, in English: the msgids of the catalogues.

Each key is the msgctxt of its entry in ``mvi_xl/locale/*/LC_MESSAGES/mvi_xl.po``, so that two
labels with the same English and different Dutch stay apart; ``Words(lang)[key]`` looks the
text up in the language's catalogue. A ``Plural`` is a pair of msgids chosen by a count
(``Words.plural``): "1 actie", "3 acties". Texts are filled with ``str.format``. After editing,
run ``make catalogues`` and translate what is new in the Dutch catalogue (README.md, "Words").
"""

from __future__ import annotations


class Plural:
    """A text that depends on a count: its singular and plural msgids, and the parameter that
    holds the count. (A plain class: a NamedTuple would cost start-up time.)"""

    __slots__ = ("n", "one", "other")

    def __init__(self, one: str, other: str, n: str = "count") -> None:
        self.one, self.other, self.n = one, other, n

    def __repr__(self) -> str:
        return f"Plural({self.one!r}, {self.other!r}, n={self.n!r})"


LABELS: dict[str, str | Plural] = {
    # sheets and the breakdown sheets
    "sheet.monitor": "Monitor",
    "sheet.actions": "Actions",
    "sheet.notes": "Notes",
    "sheet.history": "Trend",
    "sheet.department": "By department",
    "sheet.theme": "By theme",
    "sheet.source": "By source",
    "group.department": "Department",
    "group.theme": "Theme",
    "group.source": "Source",
    "group.none.department": "(no department)",
    "group.none.theme": "(no theme)",
    "group.none.source": "(no source)",
    "group.title.department": "Actions per department",
    "group.title.theme": "Actions per theme",
    "group.title.source": "Actions per source",
    "group.chart.department": "Actions per status per department",
    "group.chart.theme": "Actions per status per theme",
    "group.chart.source": "Actions per status per source",
    "col.done_share": "Share completed",
    # signals
    "signals": "Signals from the register",
    "signal.overdue": Plural(
        "{count} action past its due date and not completed",
        "{count} actions past their due date and not completed",
    ),
    "signal.short.overdue": "overdue",
    "signal.short.running_without_owner": "running without owner",
    "signal.short.date_not_done": "completion date, not completed",
    "signal.short.done_without_date": "completed without date",
    "signal.short.progress_attention": "progress orange/red",
    "signal.short.period_ending": "period ending",
    "field.signals": "Signals",
    "signal.running_without_owner": Plural(
        "{count} running action without an owner",
        "{count} running actions without an owner",
    ),
    "signal.date_not_done": Plural(
        "{count} action with a completion date but not completed",
        "{count} actions with a completion date but not completed",
    ),
    "signal.done_without_date": Plural(
        "{count} completed action without a completion date",
        "{count} completed actions without a completion date",
    ),
    "signal.progress_attention": Plural(
        "{count} action with progress orange or red",
        "{count} actions with progress orange or red",
    ),
    "signal.period_ending": Plural(
        "{period}: ends on {end} with {share} completed ({count} action open)",
        "{period}: ends on {end} with {share} completed ({count} actions open)",
    ),
    "scope": "Department {department}",
    "scope.year": "Year {year}",
    # the Historie sheet
    "history.title": "Progress over the monitors",
    "history.as_of": "Reference date",
    "history.continuous": "Continuous",
    "history.chart": "Actions per status per reference date",
    "change.header": "since {since}",
    "change.none": "no change",
    "change.no_snapshot": (
        "No snapshot on {since}: the counts are not compared; completed actions are counted by "
        "their completion date."
    ),
    "history.kind": "Kind",
    "history.kind.published": "published",
    "history.kind.refresh": "refresh",
    "notes.notices": "For information",
    # monitor page
    "title": "Socially Responsible Procurement",
    "as_of": "Reference date",
    "print.page": "page {page} of {pages}",  # a printed page's footer
    "chart.title": "Actions per status per period",
    "table.title": "Actions per status",
    "focus": "Focus points",
    "communication": "Communication",
    "communication.realised": "Done",
    "communication.planned": "Planned",
    "running": "Running actions",
    "planned": "Planned actions",
    "realised": "Completed actions",
    "realised.since": "Completed actions (since {since})",
    "realised.no_column": "The register has no completion date column.",
    "realised.year": "Completed actions in {year}",
    # the last line of a list the web page cuts that is none of the lists below
    "page.more.items": Plural("… and {count} more", "… and {count} more"),
    # the last line of a list the Monitor page cuts (monitor_lists.py)
    "page.more.actions": Plural(
        "… and {count} more action, see {sheet}", "… and {count} more actions, see {sheet}"
    ),
    "page.more.focus": Plural(
        "… and {count} more focus point in the register",
        "… and {count} more focus points in the register",
    ),
    "page.more.moments": Plural(
        "… and {count} more moment in the register", "… and {count} more moments in the register"
    ),
    "none": "None",
    "no_period": "(no period)",
    # status table columns
    "col.period": "Period",
    "col.total": "Total",
    "col.headline_status": "Measure",
    "col.headline": "Headline",
    "col.share": "Share",
    "col.complete": "Done",
    "col.trend": "Over time",
    "row.total": "Total",
    "table.note": (
        "Headline: number completed; for a continuous period the number running. ☑ = nothing "
        "planned or running any more."
    ),
    # the trend: the sparklines of the Statustabel and their table on the Historie sheet
    "trend.note": (
        "Over time: the headline in each published monitor and in this one (the last point); "
        "the points are on the sheet {sheet}."
    ),
    "trend.too_few": "{dash} = this period is in fewer than two monitors: no line yet.",
    "trend.title": "Headline per period in each monitor",
    # statuses
    "status.voltooid": "completed",
    "status.lopend": "running",
    "status.gepland": "planned",
    "status.vervallen": "cancelled",
    "status.onbekend": "unknown",
    # acties sheet columns
    "field.id": "No",
    "field.action": "Action",
    "field.period": "Period",
    "field.status": "Status",
    "field.status_text": "Status in register",
    "field.theme": "Theme",
    "field.department": "Department",
    "field.owner": "Owner",
    "field.start": "Start date",
    "field.end": "Due date",
    "field.completed": "Completed on",
    "field.progress": "Progress",
    "field.highlight": "On monitor",
    "field.notes": "Notes",
    "field.source": "Register row",
    "field.origin": "Source",
    "field.sheet": "Sheet",
    "field.section": "Section",
    "group.several_themes": Plural(
        (
            "An action with several themes counts under each of them: the column may add up to "
            "more than the {count} action."
        ),
        (
            "An action with several themes counts under each of them: the column may add up to "
            "more than the {count} actions."
        ),
    ),
    # toelichting sheet
    "yes": "yes",
    "no": "no",
    "notes.title": "Notes on this monitor",
    "notes.source": "Register",
    "notes.sheet": "Sheet",
    "notes.modified": "Register modified",
    "notes.as_of": "Reference date",
    "notes.since": "Compared with",
    "notes.kind": "Kind of monitor",
    "notes.kind.published": "published: the monitor of this reference date",
    "notes.kind.refresh": "refresh: updated since the last published monitor",
    "notes.kind.year": "year monitor: a view of the year, recorded nowhere",
    "notes.year": "Year",
    "notes.year.value": "{year}: completed in the year, the status on {date}",
    "notes.generated": "Generated on",
    "notes.version": "mvi-xl version",
    "notes.total": "Number of actions",
    "notes.warnings": "Warnings",
    "notes.no_warnings": "No warnings: the register was read without remarks.",
    "notes.where": "Where",
    "notes.message": "Warning",
    "notes.hint": "What to do",
    # document properties
    "doc.title": "Socially Responsible Procurement monitor {as_of}",
    "doc.subject": "Progress of the MVI action plan",
    "cli.written": "Monitor written: {path}",
    "cli.pdf_written": "PDF written: {path}",
    # terminal
    "count.actions": Plural(
        "{count} action",
        "{count} actions",
    ),
    "cli.warnings": Plural(
        "{count} warning:",
        "{count} warnings:",
    ),
    "cli.more_warnings": Plural(
        "... and {count} more warning; see the Notes sheet.",
        "... and {count} more warnings; see the Notes sheet.",
    ),
    "cli.clean": Plural(
        "Register read: {count} action, no warnings.",
        "Register read: {count} actions, no warnings.",
    ),
    "cli.read": Plural(
        "Register read: {actions}, {warnings} warning.",
        "Register read: {actions}, {warnings} warnings.",
        n="warnings",
    ),
    "cli.exists": "{path} already exists; choose another name (mvi-xl overwrites nothing).",
    "cli.created": "New register created: {path}",
    "cli.notice": "Note",
    "cli.up_to_date": "Monitor is up to date: {path} (nothing changed; --force rebuilds it).",
    "cli.watching": "Watching register {path} (every {interval} s); Ctrl-C stops.",
    "cli.stopped": "Stopped.",
    # mvi-xl schedule
    "schedule.cmd_written": "REM Task file written: {path}",
    "schedule.copy": "REM Copy it to {path} on the computer that runs the task.",
    "schedule.windows": (
        "REM Windows Task Scheduler; paste into cmd.exe (asks once for the account's password, "
        "so that the task also runs while nobody is logged on):"
    ),
    "schedule.powershell": "REM Or in PowerShell:",
    "schedule.cron": "# cron (Linux, macOS); add with crontab -e:",
    "cli.recorded": Plural(
        "Snapshot of {as_of} recorded in {path} ({count} action).",
        "Snapshot of {as_of} recorded in {path} ({count} actions).",
    ),
    "cli.removed": "Snapshot of {as_of} removed from {path}.",
    "cli.published": "Published as the monitor of {as_of}; kept in the archive: {path}",
    "cli.already_published": (
        "The monitor of {as_of} is published already; its archived copy: {path}. Nothing was "
        "changed (to publish again: --publish --force; the previous copy then stays in the "
        "archive)."
    ),
    "cli.already_published_no_copy": (
        "The monitor of {as_of} is published already (the history has its snapshot; the archive "
        "has no copy). Nothing was changed (to publish again: --publish --force)."
    ),
    "cli.already_recorded": (
        "The history has a published snapshot of {as_of} already; nothing was changed (--force "
        "replaces it)."
    ),
    "cli.marked_published": "Snapshot of {as_of} is published: the next monitors compare with it.",
    "cli.marked_archived": "Archived copy: {path}",
    "cli.marked_refresh": (
        "Snapshot of {as_of} is no longer published: the next monitors don't compare with it."
    ),
    "cli.was_published": "Snapshot of {as_of} was published already; nothing was changed.",
    "cli.was_refresh": "Snapshot of {as_of} was not published; nothing was changed.",
    # starter register (mvi-xl init)
    "starter.sheet": "Actions",
    "starter.lists": "Lists",
    "starter.focus_sheet": "Focus points",
    "starter.communication_sheet": "Communication",
    "starter.title": "Socially Responsible Procurement action plan: register",
    "starter.intro": (
        "One action per row. Pick status, period and theme from the list; the choices are on the "
        "hidden sheet Lists (unhide it to change periods or themes)."
    ),
    "starter.focus_header": "Focus points",
    "starter.communication_header": "Moment",
    "starter.date_header": "Date",
    "starter.status_header": "Status",
    "starter.list.status": "Status",
    "starter.list.period": "Period",
    "starter.list.theme": "Theme",
    "starter.list.progress": "Progress",
    "starter.list.flag": "On monitor",
    "starter.list.communication": "Communication",
    "starter.invalid": "Pick a value from the list (or add one on the Lists sheet).",
    # the web page, its chart and the tagged PDF (--html, --pdf), --ods
    "page.html.lang": "en-GB",
    "page.table.caption": "Number of actions per period and per status on {as_of}",
    "page.chart.kind": "Bar chart: per period the number of actions per status.",
    "page.chart.period": "{period}: {counts}",
    "page.chart.count": "{count} {status}",
    "page.chart.axis": "Number of actions",
    "page.trend.note": (
        "Over time: the headline in each published monitor and in this one (the last point, "
        "marked)."
    ),
    "page.trend.alt": "Over time ({status}): {points}.",
    "page.trend.point": "{date}: {count}",
    "page.yes": "yes",
    "page.no": "no",
    "page.no_periods": "The register has no actions yet.",
    "page.lists": "Actions",
    "page.made_by": "Made with mvi-xl {version} on {date}.",
    "cli.html_written": "Web page: {path}",
    "cli.ods_written": "OpenDocument spreadsheet: {path}",
    # alternative text of the charts and the logo (what a screen reader says of them)
    "alt.group.department": "Bar chart: per department the number of actions per status.",
    "alt.group.theme": "Bar chart: per theme the number of actions per status.",
    "alt.group.source": "Bar chart: per register the number of actions per status.",
    "alt.history": "Line chart: per reference date the number of actions per status.",
    "alt.explorer": (
        "Bar chart: the number of actions per status for the department and theme chosen in the "
        "drop-down lists; with (all) chosen"
    ),
    "alt.more_groups": Plural("And {count} more group.", "And {count} more groups."),
    "alt.logo": "Logo of {organisation}",
    "alt.logo.anonymous": "Logo of the organisation",
    # the summary for the college (summary.py): one sentence per count
    "summary.empty": "The register has no actions yet.",
    "summary.actions": Plural("{count} action", "{count} actions"),
    "summary.done": Plural(
        "Of the {actions}, {done} is completed ({share}%).",
        "Of the {actions}, {done} are completed ({share}%).",
        n="done",
    ),
    "summary.since": Plural(
        "Since {date}, {count} action has been realised",
        "Since {date}, {count} actions have been realised",
    ),
    "summary.year": Plural(
        "In {year}, {count} action was realised",
        "In {year}, {count} actions were realised",
    ),
    "summary.late": Plural("{count} action is running late", "{count} actions are running late"),
    # the Jaaroverzicht sheet (year_sheet.py)
    "year.sheet": "Year report",
    "year.title": "Year report",
    "year.year": "Year",
    "year.theme": "Theme",
    "year.completed": "Completed",
    "year.started": "Started",
    "year.running": "Running at year end",
    "year.no_theme": "(no theme)",
    "year.all": "(all actions)",
    "year.totals": "Per year, each action once",
    "year.lists": "Completed per year and theme",
    "year.none": "No actions completed.",
    "year.rule": (
        "Completed: in the year of the completion date; without a date in the year of the first "
        "published monitor showing the action completed, else in the peildatum's year. Started: "
        "in the year of the start date (a planned action has not started). Running at year end: "
        "started and not completed on 31-12, by today's status (running or completed); for {year}"
        " at the peildatum {as_of}."
    ),
    "year.several": "An action with several themes counts under each of them.",
    "year.more": Plural("… and {count} more action", "… and {count} more actions"),
    # the Verkenner sheet (explorer_sheet.py)
    "explorer.sheet": "Explorer",
    "explorer.title": "Explorer",
    "explorer.intro": (
        "Pick a department and a theme from the drop-down lists below: the table and the chart "
        "count the actions on the Actions sheet."
    ),
    "explorer.all": "(all)",
    "explorer.department": "Department",
    "explorer.theme": "Theme",
    "explorer.no_department": "(no department)",
    "explorer.no_theme": "(no theme)",
    "explorer.status": "Status",
    "explorer.count": "Count",
    "explorer.share": "Share",
    "explorer.total": "Total",
    "explorer.chart": "Actions per status",
    "explorer.choice": "Choice",
    "explorer.pick": "Pick from the list.",
    # the ambitions per theme on Per thema (ambitions.py, writer/ambition_table.py)
    "field.ambition": "Ambition level",
    "starter.list.ambition": "Ambition level (Manifest MVOI)",
    "ambition.basis": "basic",
    "ambition.significant": "significant",
    "ambition.ambitieus": "ambitious",
    "course.met": "met",
    "course.on_course": "on course",
    "course.behind": "behind",
    "course.not_met": "not met",
    "ambition.title": "Ambition per theme",
    "ambition.theme": "Theme",
    "ambition.level": "Ambition level",
    "ambition.share": "Share completed",
    "ambition.target": "Target",
    "ambition.start": "Start date",
    "ambition.target_date": "Target date",
    "ambition.expected": "Expected now",
    "ambition.course": "Course",
    "ambition.as_of": "Reference date",
    "ambition.rule": (
        "Expected now: the target in proportion to the time from the start date to the target "
        "date, at the reference date. Met: the share completed has reached the target; on "
        "course: it is at least the share expected now; behind: it is less; not met: on or "
        "after the target date the target has not been reached."
    ),
    "ambition.chart": "Share completed against the target per theme",
    "alt.ambition": (
        "Bar chart: per theme the share of its actions completed, the share expected now and "
        "the target."
    ),
    "alt.ambition.theme": "{theme}: {share} completed",
    "alt.ambition.target": "expected now {expected}, target {target} by {date}, {course}",
    "summary.behind": Plural(
        "{count} theme is behind its ambition: {themes}.",
        "{count} themes are behind their ambition: {themes}.",
    ),
}
