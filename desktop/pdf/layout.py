"""Paper, margins, type sizes and the building blocks of the two-column page.

The page is cut in two halves on every section: English on the left, the
client's language on the right. Each item is one table row, so an item and
its English start at the same height and the client and the attorney can
point at the same line. The right half is also where Urdu, read from the
right, begins.

Black and white only: structure comes from black title bars, box rules and
bold type, never from colour, so a cheap monochrome printer loses nothing.
"""
from __future__ import annotations

import contextvars

from dataclasses import dataclass
from functools import partial

from reportlab.lib.colors import black, white
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table, TableStyle
from reportlab.platypus.flowables import Flowable

from .fonts import ARABIC, LATIN, SCRIPT_OF_LANG, font_set
from .script_text import LTR, RTL, Span, TextBlock, TextStyle

PAPERS = {"letter": LETTER, "a4": A4}
DEFAULT_PAPER = "letter"  # the app is used in US centers, whatever the language

MARGIN_X = 40.0
MARGIN_TOP = 40.0
MARGIN_BOTTOM = 54.0  # room for the footer; cheap printers lose ~0.25 in at the edges
PAD = 3.5  # cell padding


@dataclass(frozen=True)
class Sizes:
    body: float
    small: float
    heading: float
    title: float


# Indic letters look smaller than Latin ones at the same point size, and a
# client with weak eyesight reads this page: their column gets a larger size.
_SIZES = {
    LATIN: Sizes(body=8.5, small=7.4, heading=10.0, title=14.0),
    ARABIC: Sizes(body=9.5, small=8.2, heading=11.0, title=14.0),
}
_INDIC_SIZES = Sizes(body=9.8, small=8.4, heading=11.0, title=15.0)


def sizes(lang: str) -> Sizes:
    return _SIZES.get(SCRIPT_OF_LANG[lang], _INDIC_SIZES)


@dataclass(frozen=True)
class Column:
    """How one half of the page writes: its language, fonts and direction."""

    lang: str
    rtl: bool
    shaping: bool = True

    def style(self, size: str = "body", *, align: str = "start", bullet: bool = False,
              color=black) -> TextStyle:
        return TextStyle(font_set(self.lang), size=getattr(sizes(self.lang), size),
                         direction=RTL if self.rtl else LTR, align=align, color=color, lang=self.lang,
                         shaping=self.shaping, bullet=bullet)

    def text(self, spans, size: str = "body", **kw) -> TextBlock:
        if isinstance(spans, str):
            spans = [Span(spans)]
        return TextBlock(spans, self.style(size, **kw))


@dataclass(frozen=True)
class Geometry:
    paper: str
    pagesize: tuple[float, float]

    @property
    def width(self) -> float:
        return self.pagesize[0] - 2 * MARGIN_X

    @property
    def half(self) -> float:
        return self.width / 2


def geometry(paper: str | None) -> Geometry:
    name = paper or DEFAULT_PAPER
    return Geometry(name, PAPERS[name])


# -- tables -------------------------------------------------------------------

class SizedTable(Table):
    """A table sized once per width. reportlab sizes a table each time it
    is wrapped, split or drawn, and a table in a cell again each time its
    outer table is: three times for most of a summary's 210 tables, always
    at the same width and so to the same sizes (a cell's text is laid out by
    width alone). A table sized in part (with spanned rows reportlab stops
    at the rows that fill the height it was given) is sized again."""

    _sized_width: float | None = None

    def _calc(self, availWidth, availHeight):
        if availWidth == self._sized_width:
            return
        super()._calc(availWidth, availHeight)
        self._sized_width = availWidth if self._hmax == len(self._rowHeights) else None


def base_style(extra=()) -> TableStyle:
    return TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.0),
        *extra,
    ])


def bar(en: Column, native: Column | None, en_text: str, native_text: str, geo: Geometry,
        size: str = "heading") -> Table:
    """A black title bar with white bold text, the same title in both halves."""
    cells = [en.text([Span(en_text, True)], size, color=white)]
    widths = [geo.width]
    if native is not None:
        cells.append(native.text([Span(native_text, True)], size, color=white))
        widths = [geo.half, geo.half]
    t = SizedTable([cells], colWidths=widths)
    t.setStyle(base_style([("BACKGROUND", (0, 0), (-1, -1), black),
                           ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return t


# Rows are kept whole on a page, which reads best. A row taller than a page
# cannot be (an Urdu or Bengali TPS block with five long reasons is: Nastaliq
# and Bengali lines are tall), and reportlab then gives up on the whole
# summary. The summary is then built again with rows allowed to continue on
# the next page, splitting no piece shorter than this many points.
SPLIT_IN_ROW: contextvars.ContextVar[int] = contextvars.ContextVar("split_in_row", default=0)
SPLIT_IN_ROW_FALLBACK = 36


def parallel(rows: list[tuple[list, list]], geo: Geometry, *, bilingual: bool, rules: bool = False,
             box: float = 0, extra=(), repeat: int = 0) -> Table:
    """Rows of (English flowables, client-language flowables), side by side."""
    if bilingual:
        data = [[e, n] for e, n in rows]
        widths = [geo.half, geo.half]
        style = [("LINEAFTER", (0, 0), (0, -1), 0.5, black)]
    else:
        data = [[e] for e, _ in rows]
        widths = [geo.width]
        style = []
    if rules:
        style.append(("LINEBELOW", (0, 0), (-1, -2), 0.3, black))
    if box:
        style.append(("BOX", (0, 0), (-1, -1), box, black))
    # A table split over two pages repeats its first `repeat` rows (a title).
    t = SizedTable(data, colWidths=widths, repeatRows=repeat, splitInRow=SPLIT_IN_ROW.get())
    t.setStyle(base_style(style + list(extra)))
    return t


def sub_table(cells: list[list], widths: list[float], rtl: bool, extra=()) -> Table:
    """Columns inside one half; mirrored for a right-to-left half, so its
    first column is at the right where the reader starts."""
    if rtl:
        cells = [list(reversed(r)) for r in cells]
        widths = list(reversed(widths))
    t = SizedTable(cells, colWidths=widths)
    t.setStyle(base_style(list(extra)))
    return t


# -- small flowables ------------------------------------------------------------

class CheckBox(Flowable):
    """An empty square to tick with a pen."""

    def __init__(self, size: float = 8.5):
        super().__init__()
        self.size = size

    def wrap(self, availWidth, availHeight):
        return self.size + 1, self.size + 3

    def draw(self):
        self.canv.setLineWidth(0.9)
        self.canv.rect(0.5, 1, self.size, self.size, stroke=1, fill=0)


class WritingLines(Flowable):
    """Ruled lines for the attorney's handwriting."""

    def __init__(self, count: int, spacing: float = 20.0):
        super().__init__()
        self.count, self.spacing = count, spacing

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        return availWidth, self.count * self.spacing + 4

    def split(self, availWidth, availHeight):
        fit = int((availHeight - 4) // self.spacing)
        if fit <= 2 or fit >= self.count:
            return [] if fit <= 2 else [self]
        return [WritingLines(fit, self.spacing), WritingLines(self.count - fit, self.spacing)]

    def draw(self):
        self.canv.setLineWidth(0.5)
        for i in range(1, self.count + 1):
            y = self.count * self.spacing + 4 - i * self.spacing
            self.canv.line(0, y, self.width, y)


# -- page furniture (page x of y) ------------------------------------------------

class _NumberedCanvas(Canvas):
    """Holds every page until the end, so each footer can say "of N"."""

    def __init__(self, *args, furniture=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._furniture = furniture

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for number, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            if self._furniture:
                self._furniture(self, number, total)
            super().showPage()
        super().save()


def numbered_canvas(furniture):
    return partial(_NumberedCanvas, furniture=furniture)


def draw_block(canv: Canvas, block: TextBlock, x: float, y_top: float, width: float) -> None:
    """Draw a text block outside the story (page furniture), its top at y_top."""
    _, h = block.wrap(width, 10_000)
    block.drawOn(canv, x, y_top - h)
