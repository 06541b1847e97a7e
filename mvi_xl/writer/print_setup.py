"""How every sheet prints: A4, fit to the page's width, the header row repeated, and a header
and footer with the organisation, the sheet, the peildatum and "pagina N van M"; and the whole
numbers of the charts' value axes.

Header and footer text is Excel's code language: ``&`` starts a code (``&P`` the page number,
``&8`` a font size, ``&"Calibri,Bold"`` a font), so user text has its ampersands doubled, and
every section starts with a font code after its size code, so a name that starts with a digit
("1e Gemeente") cannot become part of the size (``&81e``). Excel allows 255 characters for the
whole string; longer user text is shortened with "…".
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Monitor
from ..words.i18n import Words
from .context import Worksheet

PAPER_A4 = 9
#: Excel's limit for a header or a footer string, in UTF-16 code units.
HEADER_LIMIT = 255
#: The font size of the header and footer, in points (LibreOffice scales it with the sheet).
HEADER_SIZE = 10
ELLIPSIS = "…"
#: Narrow margins (inches); the header and footer keep Excel's 0.3 from the paper's edge.
MARGINS = {"left": 0.3, "right": 0.3, "top": 0.7, "bottom": 0.7}
#: The width of an A4 landscape page inside MARGINS, in Excel's column-width characters at
#: 100%: 11.69 in less the margins, at 96 pixels per inch, 7 pixels per character plus 5 of
#: padding per column. Sheets whose notes or chart texts are 8 pt must fit it (no scaling).
LANDSCAPE_PX = int((11.69 - MARGINS["left"] - MARGINS["right"]) * 96)


@dataclass(frozen=True, kw_only=True)
class PageSetup:
    """One sheet's print setup: its title in the header, landscape or portrait, the row
    repeated at the top of every page (0-based) and the last printed column (None: all)."""

    title: str | None = None  # None: the sheet's name
    landscape: bool = True
    repeat_row: int | None = None
    print_columns: tuple[int, int] | None = None
    last_row: int | None = None
    #: True: printed at 100% with its manual page breaks (Excel ignores them when fitting)
    full_size: bool = False


def escape(text: str) -> str:
    """User text as literal header/footer text: ``&`` doubled, line breaks as spaces."""
    return " ".join(text.split()).replace("&", "&&")


def _length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def shorten(text: str, limit: int) -> str:
    """``text`` escaped, cut with "…" so that the escaped text is at most ``limit`` long."""
    escaped = escape(text)
    if _length(escaped) <= limit:
        return escaped
    plain = " ".join(text.split())
    while plain and _length(escape(plain) + ELLIPSIS) > limit:
        plain = plain[:-1]
    return escape(plain.rstrip()) + ELLIPSIS if limit > 0 else ""


def sections(left: str, centre: str, right: str, *, bold_centre: bool = False) -> str:
    """A header or footer string of three sections of user text, at HEADER_SIZE, kept within
    HEADER_LIMIT by shortening the longest user text first. A section's text is plain text,
    except that the codes ``&P`` and ``&N`` may be passed already escaped in ``right``."""
    style = {"L": "Regular", "C": "Bold" if bold_centre else "Regular", "R": "Regular"}
    texts = {"L": left, "C": centre, "R": right}

    def code(place: str) -> str:
        # the font code after the size: a leading digit of the text stays text
        return f'&{place}&{HEADER_SIZE}&"-,{style[place]}"'

    fixed = sum(_length(code(p)) for p in texts if texts[p])
    budget = HEADER_LIMIT - fixed
    escaped = {p: escape(t) if p != "R" else t for p, t in texts.items()}
    while sum(_length(t) for t in escaped.values()) > budget:
        longest = max((p for p in "LC"), key=lambda p: _length(escaped[p]))
        others = sum(_length(t) for p, t in escaped.items() if p != longest)
        escaped[longest] = shorten(texts[longest], max(budget - others, 0))
        if longest == "C" or not escaped[longest]:
            break
    return "".join(code(p) + escaped[p] for p in texts if escaped[p])


def header_and_footer(worksheet: Worksheet, monitor: Monitor, words: Words, title: str) -> None:
    """Header: the organisation, the sheet's title, "Peildatum dd-mm-jjjj"; footer: the
    monitor's title and "pagina N van M". Excel does not scale them with the sheet;
    LibreOffice does."""
    as_of = escape(f"{words['as_of']} {words.date(monitor.as_of)}")
    header = sections(monitor.organisation, title, as_of, bold_centre=True)
    page = escape(words["print.page"]).replace("{page}", "&P").replace("{pages}", "&N")
    footer = sections(words["title"], "", page)
    options = {"scale_with_doc": False}
    worksheet.set_header(header, options)
    worksheet.set_footer(footer, options)


def set_up_page(worksheet: Worksheet, monitor: Monitor, words: Words, setup: PageSetup) -> None:
    """A4, the margins, fit to the page's width (as many pages down as it takes) or at 100%,
    the repeated header row, the print area and the header and footer."""
    if setup.landscape:
        worksheet.set_landscape()
    else:
        worksheet.set_portrait()
    worksheet.set_paper(PAPER_A4)
    worksheet.set_margins(**MARGINS)
    if setup.full_size:
        worksheet.set_print_scale(100)
    else:
        worksheet.fit_to_pages(1, 0)
    if setup.repeat_row is not None:
        worksheet.repeat_rows(setup.repeat_row)
    if setup.print_columns is not None:
        first, last = setup.print_columns
        last_row = setup.last_row if setup.last_row is not None else worksheet.dim_rowmax or 0
        worksheet.print_area(0, first, max(last_row, 0), last)
    header_and_footer(worksheet, monitor, words, setup.title or worksheet.name)


def columns_px(widths: list[float]) -> int:
    """The printed width of columns at 100%, in pixels, as Excel computes a column's width."""
    return sum(int(w * 7 + 0.5) + 5 for w in widths)


def fitted_widths(
    widths: dict[str, float], narrow: dict[str, float], budget_px: int
) -> dict[str, float]:
    """Column widths that fit ``budget_px``: the columns in ``narrow`` (key -> smallest width)
    are narrowed in proportion to their room above that smallest width, as far as needed."""
    over = columns_px(list(widths.values())) - budget_px
    room = {k: widths[k] - m for k, m in narrow.items() if k in widths and widths[k] > m}
    total = sum(room.values())
    if over <= 0 or total <= 0:
        return dict(widths)
    share = over / 7 / total

    def narrowed(share: float) -> dict[str, float]:
        return {k: round(w - room.get(k, 0.0) * min(share, 1.0), 1) for k, w in widths.items()}

    while share < 1 and columns_px(list(narrowed(share).values())) > budget_px:
        share += 0.01  # the rounding of each column's pixels
    return narrowed(share)


def whole_number_axis(largest: float) -> dict[str, object]:
    """Value-axis options for counts up to ``largest``: from 0, whole numbers only, a step of
    1, 2, 5, 10, 20, 50, ... so that the axis has at most about 8 steps."""
    step = 1
    while largest / step > 8:
        for factor in (2, 5 / 2, 2):
            step = int(step * factor)
            if largest / step <= 8:
                break
    return {"min": 0, "major_unit": step, "num_format": "0"}


def move_last_chart(worksheet: Worksheet, row: int, col: int) -> None:
    """Anchor the chart inserted last on ``worksheet`` at another cell (0-based), e.g. below
    its table rather than beside it, so that the page needs no scaling. (XlsxWriter keeps a
    list [row, col, chart, ...] per inserted chart until the file is written.)"""
    worksheet.charts[-1][0:2] = [row, col]
