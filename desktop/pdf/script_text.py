"""Text in any of the six languages, laid out and drawn by us, not by Paragraph.

Why not reportlab's Paragraph: it shapes a whole word with the font of the
word's first character, so a word that mixes scripts ("I-589-এর", a Latin
form name in Urdu) comes out as wrong glyphs; and without `rlbidi` it does
no bidi, so Urdu lines with digits, brackets or Latin are misordered.

What this module does, per paragraph:
  1. bidi levels for the characters (bidi_text, python-bidi);
  2. a font per character: the first font of the column's FontSet that has
     it (the Indic fonts and Nastaliq have no Latin letters);
  3. words split at spaces, each cut into pieces of one font, one level and
     one weight, each piece shaped by HarfBuzz in its own direction;
  4. greedy line breaking on the shaped widths;
  5. per line, the pieces put in visual order (rule L2) and drawn as
     reportlab `ShapedStr`s, so subsetting and embedding stay reportlab's.
"""
from __future__ import annotations

import unicodedata
import weakref
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate

import uharfbuzz as hb
from reportlab.lib.colors import Color, black
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr, TTFont
from reportlab.platypus.flowables import Flowable

from .bidi_text import BIDI_CONTROLS, has_rtl, levels, visual_order
from .fonts import FontSet, covers

LTR, RTL, AUTO = "ltr", "rtl", "auto"
_JOINERS = frozenset("\u200c\u200d\u034f\ufe0e\ufe0f")
_NO_BREAK_SPACES = frozenset("\u00a0\u202f\u2007")
_FEATURES = {"kern": True, "liga": True}


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class TextStyle:
    fonts: FontSet
    size: float = 9.0
    direction: str = LTR  # AUTO: right to left when the text has RTL letters
    align: str = "start"  # start | end | center (start is the right edge in RTL)
    color: Color = black
    lang: str = "en"  # HarfBuzz language: picks Urdu digit forms, Hindi vs Marathi
    shaping: bool = True
    bullet: bool = False
    leading: float | None = None  # multiple of size; default from the FontSet

    @property
    def line_height(self) -> float:
        return self.size * (self.leading or self.fonts.leading)


@dataclass
class Piece:
    """One shaped run: one font, one direction, one weight; drawn as a unit."""

    text: str  # a ShapedStr when shaped
    font: str
    width: float  # at size 1
    level: int
    source: str = ""  # the logical characters, to cut an over-long word
    space: bool = False


@dataclass
class Line:
    pieces: list[Piece]
    width: float  # at size 1
    rtl: bool
    # The strings to draw, joined once: a laid-out line is kept between
    # summaries (see _layout) and drawn again in each.
    _runs: list | None = field(default=None, repr=False, compare=False)

    def runs(self) -> list[_Run]:
        if self._runs is None:
            self._runs = [_Run(font, text, width) for font, text, width in _runs(self.pieces)]
        return self._runs


class _Run:
    """One string of one font in a laid-out line, and the PDF operators it
    was last drawn as (see _draw_run)."""

    __slots__ = ("font", "text", "width", "plan", "drawn", "__weakref__")

    def __init__(self, font: str, text, width: float):
        self.font, self.text, self.width = font, text, width
        self.plan = _glyph_plan(text)
        self.drawn: dict = {}


# -- shaping ------------------------------------------------------------------

@lru_cache(maxsize=None)
def _hb_font(font_name: str):
    ttf: TTFont = pdfmetrics.getFont(font_name)
    return ttf, ttf.hbFont(1000)  # also arms ttf.hbAddPrivate for unmapped glyphs


@lru_cache(maxsize=50_000)
def shape(text: str, font_name: str, rtl: bool, lang: str, shaping: bool = True) -> tuple[str, float]:
    """`text` in `font_name` as a drawable string and its width at size 1."""
    if not shaping:
        # What reportlab draws without HarfBuzz: one default glyph a character.
        # The visual order is still ours, so on/off differ only in shaping.
        plain = text[::-1] if rtl else text
        return plain, pdfmetrics.stringWidth(plain, font_name, 1.0)
    ttf, font = _hb_font(font_name)
    buf = hb.Buffer()
    buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.direction = "rtl" if rtl else "ltr"
    buf.language = lang
    hb.shape(font, buf, _FEATURES)
    face = ttf.face
    chars, data, total = [], [], 0.0
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions):
        gid = info.codepoint
        try:
            uchar = face.glyphToChar[gid][0]
        except (KeyError, IndexError):
            uchar = ttf.hbAddPrivate(font.glyph_to_string(gid), gid, pos.x_advance)
        adv = ttf.pdfScale(pos.x_advance)
        data.append(ShapeData(info.cluster, adv, ttf.pdfScale(pos.y_advance), ttf.pdfScale(pos.x_offset),
                              ttf.pdfScale(pos.y_offset), face.charWidths.get(uchar, adv)))
        chars.append(chr(uchar))
        total += adv
    return ShapedStr("".join(chars), shapeData=data), total / 1000.0


# -- itemizing ----------------------------------------------------------------

def _is_break_space(c: str) -> bool:
    return c not in _NO_BREAK_SPACES and (c == " " or unicodedata.category(c) == "Zs")


def _font_indexes(text: str, fonts: tuple[TTFont, ...]) -> list[int]:
    out: list[int] = []
    prev = 0
    for c in text:
        if out and (c in _JOINERS or c in BIDI_CONTROLS or unicodedata.category(c)[0] == "M"):
            out.append(prev)  # a mark or joiner stays with its base, or shaping breaks
            continue
        if out and covers(fonts[prev], c) and not c.isalpha():
            out.append(prev)  # punctuation and digits keep the run they are in
            continue
        idx = next((i for i, f in enumerate(fonts) if covers(f, c)), 0)
        out.append(idx)
        prev = idx
    return out


@dataclass
class _Word:
    pieces: list[Piece] = field(default_factory=list)
    width: float = 0.0


def _words(text: str, bolds: list[bool], style: TextStyle, rtl: bool) -> list[tuple[_Word, Piece | None]]:
    """(word, the space after it) in logical order."""
    lv = levels(text, rtl)
    regular, bold = style.fonts.fonts(False), style.fonts.fonts(True)
    fidx = _font_indexes(text, regular)
    out: list[tuple[_Word, Piece | None]] = []
    word = _Word()
    start = None

    def flush_piece(end: int) -> None:
        nonlocal start
        if start is None:
            return
        chunk = "".join(c for c in text[start:end] if c not in BIDI_CONTROLS)
        if chunk:
            font = (bold if bolds[start] else regular)[fidx[start]].fontName
            drawn, width = shape(chunk, font, bool(lv[start] % 2), style.lang, style.shaping)
            word.pieces.append(Piece(drawn, font, width, lv[start], chunk))
            word.width += width
        start = None

    for i, c in enumerate(text):
        if _is_break_space(c):
            flush_piece(i)
            # The space takes the font of the text before it, so that a line
            # can be drawn in few strings (see TextBlock.draw); between two
            # scripts, the wider of their spaces (Nastaliq's is half Latin's,
            # and "کوڈRW-7Q4K" reads as one word).
            fonts = bold if bolds[i] else regular
            after = next((fidx[j] for j in range(i + 1, len(text))
                          if not _is_break_space(text[j]) and text[j] not in BIDI_CONTROLS), fidx[i])
            font = fonts[fidx[i]].fontName
            drawn, width = shape(" ", font, bool(lv[i] % 2), style.lang, style.shaping)
            if after != fidx[i]:
                other = fonts[after].fontName
                drawn2, width2 = shape(" ", other, bool(lv[i] % 2), style.lang, style.shaping)
                if width2 > width:
                    font, drawn, width = other, drawn2, width2
            space = Piece(drawn, font, width, lv[i], " ", space=True)
            out.append((word, space))
            word = _Word()
            continue
        if c in BIDI_CONTROLS:
            continue
        if start is not None and (fidx[i], lv[i], bolds[i]) != (fidx[start], lv[start], bolds[start]):
            flush_piece(i)
        if start is None:
            start = i
    flush_piece(len(text))
    out.append((word, None))
    return [(w, s) for w, s in out if w.pieces or s]


def _split_long(word: _Word, width: float, style: TextStyle) -> list[_Word]:
    """A word wider than the column (a long citation or number) is cut
    between characters rather than drawn past the edge."""
    out: list[_Word] = []
    cur = _Word()
    for p in word.pieces:
        if cur.width + p.width <= width:
            cur.pieces.append(p)
            cur.width += p.width
            continue
        text = p.source
        i = 0
        while i < len(text):
            j = len(text)
            while j > i + 1:
                drawn, w = shape(text[i:j], p.font, bool(p.level % 2), style.lang, style.shaping)
                if cur.width + w <= width or (not cur.pieces and j == i + 1):
                    break
                j -= 1
                while j > i + 1 and unicodedata.category(text[j])[0] == "M":
                    j -= 1
            drawn, w = shape(text[i:j], p.font, bool(p.level % 2), style.lang, style.shaping)
            if cur.pieces and cur.width + w > width:
                out.append(cur)
                cur = _Word()
                continue
            cur.pieces.append(Piece(drawn, p.font, w, p.level, text[i:j]))
            cur.width += w
            i = j
    if cur.pieces:
        out.append(cur)
    return out


# -- line breaking ------------------------------------------------------------

def layout(spans: list[Span], style: TextStyle, width: float) -> list[Line]:
    """Lines of the spans' text in `width` points (one line at least)."""
    return list(_layout(tuple(spans), style, width))


# Most of a summary is the same from one export to the next (the labels, the
# option texts, the bring lists) and is laid out at the same column widths
# again: itemizing, font choice, shaping and line breaking are done once per
# (text, style, width). Lines and pieces are never changed after layout.
@lru_cache(maxsize=4096)
def _layout(spans: tuple[Span, ...], style: TextStyle, width: float) -> tuple[Line, ...]:
    text = "".join(s.text for s in spans)
    bolds = [b for s in spans for b in [s.bold] * len(s.text)]
    unit_width = width / style.size
    lines: list[Line] = []
    at = 0
    for para in text.split("\n"):
        para_bolds = bolds[at:at + len(para)]
        at += len(para) + 1
        rtl = style.direction == RTL or (style.direction == AUTO and has_rtl(para))
        current: list[Piece] = []
        current_width = 0.0
        pending_space: Piece | None = None
        items = _words(para, para_bolds, style, rtl)
        if rtl:
            items = _keep_embedded_together(items, unit_width)
        for word, space in items:
            parts = [word] if word.width <= unit_width else _split_long(word, unit_width, style)
            for part in parts:
                if not part.pieces:
                    continue
                extra = (pending_space.width if pending_space and current else 0.0)
                if current and current_width + extra + part.width > unit_width:
                    lines.append(_line(current, current_width, rtl))
                    current, current_width, pending_space = [], 0.0, None
                    extra = 0.0
                if current and pending_space:
                    current.append(pending_space)
                current.extend(part.pieces)
                current_width += extra + part.width
                pending_space = None
            if space is not None:
                pending_space = space
        lines.append(_line(current, current_width, rtl))
    return tuple(lines)


def _keep_embedded_together(items, limit: float):
    """Words of a left-to-right phrase inside right-to-left text, such as
    "(Board of Immigration Appeals)", joined into one unit when they fit on
    a line. Broken over two lines, each half is reordered on its own line
    and the brackets end up where a reader does not expect them."""
    out: list[tuple[_Word, Piece | None]] = []
    for word, space in items:
        if out:
            before, gap = out[-1]
            if gap is not None and gap.level % 2 == 0 and before.width + gap.width + word.width <= limit:
                out[-1] = (_Word(before.pieces + [gap] + word.pieces, before.width + gap.width + word.width), space)
                continue
        out.append((word, space))
    return out


def _line(pieces: list[Piece], width: float, rtl: bool) -> Line:
    order = visual_order([p.level for p in pieces])
    return Line([pieces[i] for i in order], width, rtl)


# -- drawing ------------------------------------------------------------------

_BULLET_INDENT = 1.1  # of the font size


class TextBlock(Flowable):
    """A paragraph of spans in one column, laid out by `layout`."""

    def __init__(self, spans: list[Span] | str, style: TextStyle, *, _lines: list[Line] | None = None):
        super().__init__()
        self.spans = [Span(spans)] if isinstance(spans, str) else list(spans)
        self.style = style
        self._lines = _lines
        self._laid_width: float | None = None

    def _text_width(self, avail: float) -> float:
        return max(1.0, avail - (self.style.size * _BULLET_INDENT if self.style.bullet else 0))

    def wrap(self, availWidth, availHeight):
        if self._lines is None or self._laid_width != availWidth:
            if self._laid_width is None and self._lines is not None:
                self._laid_width = availWidth  # a split part keeps its lines
            else:
                self._lines = layout(self.spans, self.style, self._text_width(availWidth))
                self._laid_width = availWidth
        self.width = availWidth
        self.height = len(self._lines) * self.style.line_height
        return self.width, self.height

    def split(self, availWidth, availHeight):
        self.wrap(availWidth, availHeight)
        fit = int(availHeight // self.style.line_height)
        if fit <= 0 or fit >= len(self._lines):
            return [] if fit <= 0 else [self]
        head = TextBlock(self.spans, self.style, _lines=self._lines[:fit])
        tail = TextBlock(self.spans, replace(self.style, bullet=False), _lines=self._lines[fit:])
        return [head, tail]

    @property
    def lines(self) -> list[Line]:
        return self._lines or []

    def plain_text(self) -> str:
        return "".join(s.text for s in self.spans)

    def draw(self):
        canv, st = self.canv, self.style
        size = st.size
        indent = size * _BULLET_INDENT if st.bullet else 0.0
        lh = st.line_height
        # The baseline sits a little above the middle of the line box, so the
        # Indic vowel signs below and Nastaliq's deep tails stay inside it.
        rise = (lh - size) / 2 + size * 0.22
        canv.saveState()  # the colour is ours to set and to undo
        canv.setFillColor(st.color)
        for n, line in enumerate(self._lines or []):
            y = self.height - (n + 1) * lh + rise
            lw = line.width * size
            lo, hi = (0.0, self.width - indent) if line.rtl else (indent, self.width)
            if st.align == "center":
                x = lo + (hi - lo - lw) / 2
            elif (st.align == "start") != line.rtl:
                x = lo
            else:
                x = hi - lw
            if st.bullet and n == 0:
                cx = self.width - indent / 2 if line.rtl else indent / 2
                canv.circle(cx, y + size * 0.32, size * 0.16, stroke=0, fill=1)
            for run in line.runs():
                if run.text:
                    _draw_run(canv, run.font, size, x, y, run.text, run.plan, run)
                x += run.width * size
        canv.restoreState()


def _runs(pieces: list[Piece]):
    """Neighbouring pieces in one font joined into one string: a PDF text
    object per run instead of per word."""
    run: list[Piece] = []
    for p in pieces + [None]:
        if p is not None and (not run or p.font == run[0].font):
            run.append(p)
            continue
        if run:
            width = sum(q.width for q in run)
            drawn = list(run)
            while drawn and drawn[-1].space:  # a trailing space draws nothing
                drawn.pop()
            text = drawn[0].text if drawn else ""
            for q in drawn[1:]:
                text = text + q.text
            yield run[0].font, text, width
        run = [p] if p is not None else []


# Each byte as reportlab escapes it in a PDF string (escapePDF), looked up per
# byte: Nastaliq needs a text matrix, so a string, for nearly every glyph.
_PDF_ESCAPED = tuple(escapePDF(bytes([c])) for c in range(256))


def _glyph_plan(text) -> tuple[list[int], list[tuple[float, float]], list[float]] | None:
    """Which glyphs start a text matrix, with their (x, y) offsets in font
    units, and every glyph's advance. A glyph at its natural advance
    continues the stretch before it; any other glyph gets a matrix of its
    own, and so does the glyph after it. Independent of the document and of
    where the run is drawn, so worked out once per laid-out run (Line.runs)."""
    data = getattr(text, "__shapeData__", None)
    if data is None:
        return None
    starts: list[int] = []
    offsets: list[tuple[float, float]] = []
    advances: list[float] = []
    open_run = False
    for i, sd in enumerate(data):
        natural = sd.x_offset == 0 and sd.y_offset == 0 and abs(sd.x_advance - sd.width) < 0.01
        if not (natural and open_run):
            starts.append(i)
            offsets.append((sd.x_offset, sd.y_offset))
        open_run = natural
        advances.append(sd.x_advance)
    starts.append(len(data))  # a sentinel past the last glyph: no bounds checks when drawing
    return starts, offsets, advances


# Operators of one run kept per place and subset split (see _draw_run): one
# for each language's document the line was drawn in, and one or two more
# for a line drawn at another height (the tail of a split paragraph). Past
# this many the run's operators are dropped and written again.
_DRAWN_PER_RUN = 8
# All runs' operators together, in characters; with their keys they take
# about three times this in memory (at most ~8 MB). The full sample summary
# keeps 0.9 M in Urdu alone (2.2 MB), 1.6 M for all six languages (5.5 MB).
# Past it, every run forgets its operators.
_DRAWN_CHARS = 2_500_000
_drawn_chars = 0
_runs_with_operators: weakref.WeakSet = weakref.WeakSet()


def _keep_operators(run: _Run, key, ops: str) -> None:
    global _drawn_chars
    if _drawn_chars + len(ops) > _DRAWN_CHARS:
        forget_operators()
    if len(run.drawn) >= _DRAWN_PER_RUN:
        run.drawn.clear()  # still counted until the next forget_operators: it comes sooner
    run.drawn[key] = ops
    _runs_with_operators.add(run)
    _drawn_chars += len(ops)


def forget_operators() -> None:
    global _drawn_chars
    for run in list(_runs_with_operators):
        run.drawn.clear()
    _runs_with_operators.clear()
    _drawn_chars = 0


def _draw_run(canv, font_name: str, size: float, x: float, y: float, text: str, plan=None,
              run: _Run | None = None) -> None:
    """Glyphs at HarfBuzz's positions. reportlab's own ShapedStr drawing
    tracks the text rise (Ts) wrongly after a glyph with a vertical offset,
    and Nastaliq has many: the following letters and digits float up. So
    every glyph, or stretch of glyphs at their natural advance, gets its own
    text matrix here; subsetting and embedding stay reportlab's.

    Writing those operators was a third of a summary's time in Urdu. They
    depend only on the place in the block, the size and the subsets the
    document gave the glyphs, so `run` (the laid-out run) keeps them: the
    same line drawn again in the next summary costs a dictionary look-up.
    The subsets are asked of reportlab every time, as before, so each
    document still records every glyph it uses."""
    canv.setFont(font_name, size)  # registers the font with the document
    if plan is None:
        plan = _glyph_plan(text)
    if plan is None:
        canv.drawString(x, y, text)
        return
    font = pdfmetrics.getFont(font_name)
    doc = canv._doc
    split = tuple(font.splitString(str(text), doc))
    names = tuple(font.getSubsetInternalName(subset, doc) for subset, _ in split)
    key = (x, y, size, names, split)
    ops = run.drawn.get(key) if run is not None else None
    if ops is None:
        ops = _run_operators(size, x, y, plan, split, names)
        if run is not None:
            _keep_operators(run, key, ops)
    canv._code.append(ops)


def _run_operators(size: float, x: float, y: float, plan, split, names) -> str:
    starts, offsets, advances = plan
    scale = size / 1000.0
    # The pen before each glyph, summed in the same order as glyph by glyph.
    pens = list(accumulate(map(scale.__mul__, advances), initial=x))
    ops = ["BT"]
    k, i = 0, 0
    for (_, chars), name in zip(split, names):
        # A new subset starts a text matrix too, at the pen.
        ops.append(f"{name} {size:.2f} Tf")
        end = i + len(chars)
        a = i
        while a < end:
            if starts[k] == a:
                dx, dy = offsets[k]
                k += 1
            else:
                dx = dy = 0
            b = starts[k] if starts[k] < end else end
            ops.append(f"1 0 0 1 {pens[a] + dx * scale:.2f} {y + dy * scale:.2f} Tm "
                       f"({''.join(map(_PDF_ESCAPED.__getitem__, chars[a - i:b - i]))}) Tj")
            a = b
        i = end
    ops.append("ET")
    return " ".join(ops)
