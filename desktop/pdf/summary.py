"""The printable summary a client carries to an attorney.

One PDF, English on the left half of every section and the client's
language on the right, item by item in the same row. In order: header,
the deadline box, warnings, the options by urgency, the facts from the
answers, documents and questions to bring, lines for the attorney's notes,
the not-legal-advice notice with the rules version; "page x of y" on every
page.

`write_summary` builds the whole PDF in memory, then writes it to a
temporary file beside the destination and renames it: a failure leaves no
partial PDF, and client data sits in a temporary file only for the moment
of the write.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Mapping

from babel.lists import format_list
from reportlab import rl_config
from reportlab.lib.colors import black, white
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer
from reportlab.platypus.doctemplate import LayoutError

from ..errors import UsageError
from ..i18n import LANGUAGES, Translator
from ..logic.dates import parse_iso
from ..logic.evaluate import Evaluation, OptionResult
from ..logic.options import option_info
from ..logic.presentation import (
    ACT_NOW,
    ASK_LAWYER,
    NOT_LEGAL_ADVICE,
    STATUS_LABELS,
    URGENT_DAYS,
    by_urgency,
    data_age,
    data_is_old,
    data_old_message,
    days_left_message,
    deadlines,
    grouped,
    top_warnings,
    warning_message,
)
from ..logic.fees import fee_message, fees_for
from ..logic.questions import NOT_SURE, NOT_SURE_LABEL, Question, catalog, effective_answers
from ..logic.rules import LIKELY
from ..logic.text import Message
from . import strings as S
from .fonts import covers, font_set
from .layout import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAD,
    PAPERS,
    SPLIT_IN_ROW,
    SPLIT_IN_ROW_FALLBACK,
    CheckBox,
    Column,
    Geometry,
    WritingLines,
    bar,
    draw_block,
    geometry,
    numbered_canvas,
    parallel,
    sub_table,
)
from .script_text import Span, TextBlock

MAX_NAME = 80
MAX_CODE = 32
# Items of a list set one after another: a bullet, bound to the item after it.
BULLET = " \u2022\u00a0"


class SummaryError(UsageError):
    """Bad input to the summary: one line for the person, exit 2, no file."""


@dataclass(frozen=True)
class SummaryRequest:
    answers: Mapping[str, Any]
    evaluation: Evaluation
    lang: str
    today: dt.date
    paper: str | None = None
    name: str | None = None
    name_latin: str | None = None
    code: str | None = None
    shaping: bool = True  # off only to measure what shaping is worth (tests, benchmark)


# -- input checks -------------------------------------------------------------

def check_request(req: SummaryRequest) -> None:
    if req.lang not in LANGUAGES:
        raise SummaryError(f"--lang: {req.lang!r} is not one of {', '.join(LANGUAGES)}")
    if req.paper is not None and req.paper not in PAPERS:
        raise SummaryError(f"--paper: {req.paper!r} is not one of {', '.join(PAPERS)}")
    for flag, value, limit in (("--name", req.name, MAX_NAME), ("--name-latin", req.name_latin, MAX_NAME),
                               ("--code", req.code, MAX_CODE)):
        if value is None:
            continue
        if not value.strip():
            raise SummaryError(f"{flag}: is empty")
        if len(value) > limit:
            raise SummaryError(f"{flag}: longer than {limit} characters")
        bad = _unprintable(value)
        if bad:
            raise SummaryError(f"{flag}: the bundled fonts cannot print {bad!r}")
    if req.name_latin and any(c.isalpha() and not covers(font_set("en").fonts(False)[0], c)
                              for c in req.name_latin):
        raise SummaryError("--name-latin: use Latin letters, as on Form I-589")


def _unprintable(text: str) -> str:
    fonts = font_set("en").fonts(False)
    bad = [c for c in unicodedata.normalize("NFC", text)
           if unicodedata.category(c) in ("Cc", "Cs", "Co", "Cn")
           or (not c.isspace() and unicodedata.category(c) != "Cf" and not any(covers(f, c) for f in fonts))]
    return "".join(dict.fromkeys(bad))


def _check_destination(out_path: str) -> str:
    folder = os.path.dirname(os.path.abspath(out_path))
    if os.path.isdir(out_path):
        raise SummaryError(f"--out: {out_path} is a folder; give a file name")
    if not os.path.isdir(folder):
        raise SummaryError(f"--out: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise SummaryError(f"--out: cannot write in {folder}")
    return folder


# -- the two halves -------------------------------------------------------------

@dataclass
class _Halves:
    """Renders each text twice, English and the client's language, and keeps
    the client-language texts in drawing order (tests read them back)."""

    lang: str
    shaping: bool = True
    translator: Translator | None = None
    native_texts: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.en_tr = Translator("en")
        self.tr = self.translator or Translator(self.lang)
        self.bilingual = self.lang != "en"
        self.en = Column("en", False, self.shaping)
        self.nat = Column(self.lang, self.tr.is_rtl, self.shaping)

    def texts(self, msg) -> tuple[str, str]:
        return self.en_tr.render(msg), self.tr.render(msg)

    def _native(self, spans: list[Span], size: str, **kw) -> TextBlock:
        self.native_texts.append("".join(s.text for s in spans))
        return self.nat.text(spans, size, **kw)

    def pair(self, msg=None, *, texts: tuple[str, str] | None = None, size: str = "body", bold: bool = False,
             label=None, stacked: bool = False, **kw) -> tuple[TextBlock, TextBlock]:
        """One item in both languages; `label` (a msgid) is set bold before it,
        or above it when `stacked` (a bold label beside a bold value read as
        one run: "Name in Latin letters (as on Form I-589) KHAN, Abdul")."""
        en, nat = texts if texts is not None else self.texts(msg)
        if label and texts is not None:
            nat = self.tr.isolate(nat)  # a value beside a label keeps its own direction
        en_spans, nat_spans = [Span(en, bold)], [Span(nat, bold)]
        if label:
            en_label, nat_label = self.texts(label)
            gap = Span("\n" if stacked else " ")
            en_spans = [Span(en_label, True), gap] + en_spans
            nat_spans = [Span(nat_label, True), gap] + nat_spans
        return self.en.text(en_spans, size, **kw), self._native(nat_spans, size, **kw)

    def bar(self, msgid: str, geo: Geometry, size: str = "heading"):
        en, nat = self.texts(msgid)
        self.native_texts.append(nat)
        return bar(self.en, self.nat if self.bilingual else None, en, nat, geo, size)


# -- the document -----------------------------------------------------------------

class _Summary:
    def __init__(self, req: SummaryRequest, translator: Translator | None = None):
        self.req = req
        self.ev = req.evaluation
        self.geo = geometry(req.paper)
        self.h = _Halves(req.lang, req.shaping, translator)
        self.info = option_info()
        self.titles = {oid: o.title for oid, o in self.info.items()}  # for warning sentences

    # Header: who, when, in which language, and the decision that was denied.
    def header(self) -> list:
        h, req = self.h, self.req
        title = h.bar(S.TITLE, self.geo, "title")
        answers = effective_answers(req.answers, req.today)
        decided = parse_iso(answers.get("decision_date"))
        def field(*a, **kw):  # the value under its label
            return h.pair(*a, stacked=True, **kw)

        fields = [
            field(texts=(h.en_tr.format_date(req.today), h.tr.format_date(req.today)), label=S.PREPARED_ON),
            field(texts=(_english_language_name(req.lang), h.tr.language_name()), label=S.LANGUAGE),
            req.name and field(texts=(req.name, req.name), label=S.NAME_OWN_SCRIPT, bold=True),
            req.name_latin and field(texts=(req.name_latin, req.name_latin), label=S.NAME_LATIN, bold=True),
            "decision_stage" in answers and field(
                texts=self._answer_texts(catalog()["decision_stage"], answers["decision_stage"]),
                label=S.DENIED_BY, bold=True),
            decided and field(texts=(h.en_tr.format_date(decided), h.tr.format_date(decided)),
                               label=S.DENIED_ON, bold=True),
            req.code and field(texts=(req.code, req.code), label=S.CLIENT_CODE),
        ]
        fields = [f for f in fields if f]
        # Two fields a line in each half: the header leaves page one to the deadlines.
        rows = []
        for a, b in zip(fields[::2], fields[1::2] + [(Spacer(0, 0), Spacer(0, 0))]):
            rows.append(tuple(self._sub([[a[i], b[i]]], (0.5, 0.5), i == 1) for i in (0, 1)))
        # How old the legal data is, on a line of its own: every result depends on it.
        age = h.pair(data_age(self.ev), bold=data_is_old(self.ev))
        rows.append(([age[0]], [age[1]]))
        table = parallel(rows, self.geo, bilingual=h.bilingual, rules=True, box=0.8)
        return [title, table]

    def likely_options(self) -> list:
        """The likely options by name, right under the deadlines, so page one
        answers the attorney's first three questions: which decision, which
        deadlines, which paths."""
        h = self.h
        likely = [o for o in by_urgency(self.ev.options) if o.status == LIKELY]
        if not likely:
            return []
        head = h.pair(STATUS_LABELS[LIKELY], bold=True)
        names = [tuple(tr.gettext(self.info[o.id].title) for tr in (h.en_tr, h.tr)) for o in likely]
        listed = h.pair(texts=tuple(BULLET.join(n[i] for n in names) for i in (0, 1)), bold=True)
        return [Spacer(0, 6), parallel([([head[0], listed[0]], [head[1], listed[1]])], self.geo,
                                       bilingual=h.bilingual, box=1.2)]

    # The box nobody can miss: every deadline, soonest first.
    def deadline_box(self) -> list:
        h = self.h
        items = deadlines(self.ev)
        title = self._title(S.DEADLINES)
        rows: list[tuple[list, list]] = []
        # Detention, an earlier removal, a frivolous finding: above every date.
        for w in top_warnings(self.ev):
            e, n = h.pair(warning_message(w, self.titles), bold=True, bullet=True)
            rows.append(([e], [n]))
        if data_is_old(self.ev):
            e, n = h.pair(data_old_message(self.ev), bold=True, bullet=True)
            rows.append(([e], [n]))
        if not items:
            e, n = h.pair(S.NO_DEADLINES, bold=True)
            rows.append(([e], [n]))
        else:
            fractions = (0.68, 0.32)
            what_head = h.pair(S.DEADLINE_WHAT, size="small", bold=True)
            day_head = h.pair(S.DEADLINE_DAY, size="small", bold=True)
            rows.append(tuple(self._sub([[what_head[i], day_head[i]]], fractions, i == 1) for i in (0, 1)))
            for opt in items:
                rows.append(self._deadline_row(opt, fractions))
        # Split over two pages only if it must, its column heads repeated.
        return [self._titled(title, rows, box=2.4, repeat=1 if items else 0)]

    def _title(self, msgid: str) -> tuple[list, list]:
        """A section's title bar: white on black, in both halves."""
        e, n = self.h.pair(msgid, size="heading", bold=True, color=white)
        return [e], [n]

    def _titled(self, title: tuple[list, list], rows: list, *, box: float = 0.8, repeat: int = 0, extra=()):
        """A section's table with its title bar as the first row: the title
        is repeated on a page the section continues on, and never left alone
        at the foot of a page."""
        return parallel([title] + rows, self.geo, bilingual=self.h.bilingual, rules=True, box=box,
                        extra=[("BACKGROUND", (0, 0), (-1, 0), black), *extra], repeat=1 + repeat)

    def _sub(self, cells, fractions, native: bool):
        width = self.geo.half if self.h.bilingual else self.geo.width
        rtl = native and self.h.tr.is_rtl
        pad = [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]
        inner = width - 2 * PAD  # the outer cell's padding
        return [sub_table(cells, [inner * f for f in fractions], rtl, pad)]

    def _deadline_row(self, opt: OptionResult, fractions) -> tuple[list, list]:
        h, info = self.h, self.info[opt.id]
        title = h.pair(info.title, bold=True)
        what = h.pair(info.what, size="small", label=S.FILE)
        where = h.pair(info.where, size="small", label=S.WHERE)
        day = h.pair(texts=(h.en_tr.format_date(opt.deadline), h.tr.format_date(opt.deadline)), bold=True)
        left_msg = days_left_message(opt)
        urgent = opt.days_left is not None and opt.days_left <= URGENT_DAYS
        left = h.pair(left_msg, bold=urgent) if left_msg else (Spacer(0, 0), Spacer(0, 0))
        halves = []
        for i in (0, 1):
            halves.append(self._sub([[[title[i], what[i], where[i]], [day[i], left[i]]]], fractions, i == 1))
        return halves[0], halves[1]

    def warnings(self) -> list:
        if not self.ev.warnings:
            return []
        h = self.h
        title = self._title(S.WARNINGS)
        rows = []
        shown = set(top_warnings(self.ev))  # already in the deadline box
        for w in self.ev.warnings:
            if w in shown:
                continue
            e, n = h.pair(warning_message(w, self.titles), bold=w.severity == "urgent", bullet=True)
            rows.append(([e], [n]))
        return [Spacer(0, 8), self._titled(title, rows)] if rows else []

    # The options, grouped and in order of urgency.
    def options(self) -> list:
        out: list = []
        for gid, title, members in grouped(self.ev):
            if not members:
                continue
            if gid in (ACT_NOW, ASK_LAWYER):
                out.append(Spacer(0, 6))
                for n, opt in enumerate(members):
                    # The group's title bar rides in its first option's table,
                    # so it never ends a page alone.
                    out += [self._option_block(opt, title if n == 0 else None), Spacer(0, 3)]
            else:
                out += [Spacer(0, 6), self._compact_options(title, members)]
        return out

    def _option_block(self, opt: OptionResult, group_title: str | None = None):
        h, info = self.h, self.info[opt.id]
        group = self._title(group_title) if group_title else None
        head = [h.pair(info.title, size="heading", bold=True), h.pair(STATUS_LABELS[opt.status], bold=True)]
        if opt.deadline:
            head.append(h.pair(Message(S.LAST_DAY_TO_FILE, {"date": opt.deadline})))
            left = days_left_message(opt)
            if left:
                head.append(h.pair(left, bold=opt.days_left is not None and opt.days_left <= URGENT_DAYS))
        law = "; ".join(opt.citations)
        head.append(h.pair(texts=(law, law), label=S.LAW, size="small"))
        why = self._joined(S.WHY, opt.reasons, sentences=True)
        gives = h.pair(info.gives, label=S.GIVES)
        what, where = h.pair(info.what, label=S.FILE), h.pair(info.where, label=S.WHERE)
        bring = self._joined(S.BRING, info.bring)
        rows = [([p[0] for p in head], [p[1] for p in head]), ([why[0]], [why[1]]), ([gives[0]], [gives[1]]),
                ([what[0], where[0]], [what[1], where[1]])]
        fees = fees_for(opt.id)
        if fees:
            cost = self._joined(S.FEES, [fee_message(f) for f in fees], sentences=True)
            rows.append(([cost[0]], [cost[1]]))
        rows.append(([bring[0]], [bring[1]]))
        if group:
            return self._titled(group, rows, box=1.2, repeat=1,
                                extra=[("LINEBELOW", (0, 1), (-1, 1), 1.0, black)])
        return parallel(rows, self.geo, bilingual=h.bilingual, rules=True, box=1.2,
                        extra=[("LINEBELOW", (0, 0), (-1, 0), 1.0, black)], repeat=1)

    def _joined(self, label: str, items, sentences: bool = False) -> tuple[TextBlock, TextBlock]:
        """A bold label and its items in one paragraph: whole sentences one
        after another, or things to bring parted by bullets (each item is
        written to stand alone, capital first, so it is not run into a
        sentence)."""
        out = []
        for tr in (self.h.en_tr, self.h.tr):
            texts = [tr.render(i) for i in items]
            out.append(" ".join(texts) if sentences else BULLET.join(texts))
        return self.h.pair(texts=tuple(out), label=label)

    def _compact_options(self, group_title: str, members: list[OptionResult]):
        h = self.h
        title = self._title(group_title)
        rows = []
        for opt in members:
            title = h.pair(self.info[opt.id].title, bold=True)
            status = h.pair(STATUS_LABELS[opt.status], size="small", bold=True)
            en, nat = [title[0], status[0]], [title[1], status[1]]
            for reason in opt.reasons:
                e, n = h.pair(reason, size="small", bullet=True)
                en.append(e)
                nat.append(n)
            rows.append((en, nat))
        return self._titled(title, rows)

    # The facts, as the attorney would ask them.
    def facts(self) -> list:
        h, req = self.h, self.req
        cat = catalog()
        answers = effective_answers(req.answers, req.today)
        title = self._title(S.FACTS)
        rows = []
        head = [h.pair(S.QUESTION, size="small", bold=True), h.pair(S.ANSWER, size="small", bold=True)]
        rows.append(tuple(self._sub([[head[0][i], head[1][i]]], (0.62, 0.38), i == 1) for i in (0, 1)))
        section = None
        for q in cat.applicable(answers, req.today):
            if q.section != section:
                section = q.section
                e, n = h.pair(cat.section_of(q.id).title, bold=True)
                rows.append(([e], [n]))
            prompt = h.pair(q.prompt, size="small")
            answer = h.pair(texts=self._answer_texts(q, answers.get(q.id)), size="small", bold=True)
            rows.append(tuple(self._sub([[prompt[i], answer[i]]], (0.62, 0.38), i == 1) for i in (0, 1)))
        return [Spacer(0, 8), self._titled(title, rows, repeat=1)]

    def _answer_texts(self, q: Question, value) -> tuple[str, str]:
        return tuple(_answer_text(q, value, tr) for tr in (self.h.en_tr, self.h.tr))

    # What to bring, what to ask, and room for the attorney to write.
    def checklist(self) -> list:
        h, geo = self.h, self.geo
        items: list[str] = []
        for gid, _, members in grouped(self.ev):
            if gid in (ACT_NOW, ASK_LAWYER):
                for opt in members:
                    items += self.info[opt.id].bring
        items = list(dict.fromkeys(list(S.ALWAYS_BRING) + items))
        title = self._title(S.DOCUMENTS)
        rows = []
        for item in items:
            e, n = h.pair(item)
            rows.append(tuple(self._sub([[CheckBox(), x]], (0.07, 0.93), i == 1) for i, x in enumerate((e, n))))
        out = [Spacer(0, 8), self._titled(title, rows)]
        title = self._title(S.QUESTIONS_FOR_LAWYER)
        rows = []
        for number, question in enumerate(S.LAWYER_QUESTIONS, 1):
            e, n = h.pair(question)
            nums = h.pair(texts=(h.en_tr.format_number(number), h.tr.format_number(number)), bold=True)
            rows.append(tuple(self._sub([[nums[i], x]], (0.07, 0.93), i == 1) for i, x in enumerate((e, n))))
        out += [Spacer(0, 8), KeepTogether(self._titled(title, rows))]
        out += [Spacer(0, 8), KeepTogether([h.bar(S.LAWYER_NOTES, geo), Spacer(0, 4), WritingLines(12)])]
        return out

    def closing(self) -> list:
        h, ev = self.h, self.ev
        notice = h.pair(NOT_LEGAL_ADVICE, bold=True)
        version = h.pair(Message(S.RULES_AND_DATA, {"version": ev.rules_version, "date": ev.tps_data_as_of}),
                         size="small")
        return [Spacer(0, 10), KeepTogether(parallel([([notice[0], version[0]], [notice[1], version[1]])],
                                                      self.geo, bilingual=h.bilingual, box=2.0))]

    def story(self) -> list:
        return (self.header() + [Spacer(0, 8)] + self.deadline_box() + self.likely_options() + self.warnings()
                + self.options() + self.facts() + self.checklist() + self.closing())

    # Running header and footer, drawn once the page count is known.
    def furniture(self, canv, page: int, pages: int) -> None:
        h, geo = self.h, self.geo
        width, height = geo.pagesize
        canv.saveState()
        canv.setLineWidth(0.6)
        canv.line(MARGIN_X, MARGIN_BOTTOM - 8, width - MARGIN_X, MARGIN_BOTTOM - 8)
        number = Message(S.PAGE_OF, {"page": page, "pages": pages})
        en_page, nat_page = h.texts(number)
        en_note, nat_note = h.texts(S.NOT_ADVICE_SHORT)
        third = geo.width / 3
        # The client's half sits against the page's right edge, as the
        # English one against the left: in Urdu that edge is where lines start.
        outer = "start" if h.tr.is_rtl else "end"
        top = MARGIN_BOTTOM - 11
        draw_block(canv, h.en.text([Span(en_page, True), Span("\n" + en_note)], "small"), MARGIN_X, top, third)
        if h.bilingual:
            draw_block(canv, h.nat.text([Span(nat_page, True), Span("\n" + nat_note)], "small", align=outer),
                  width - MARGIN_X - third, top, third)
        if self.req.code:
            draw_block(canv, h.en.text([Span(self.req.code, True)], "small", align="center"), MARGIN_X + third, top,
                  third)
        if page > 1:
            en_title, nat_title = h.texts(S.TITLE)
            y = height - MARGIN_TOP + 24
            draw_block(canv, h.en.text(en_title, "small"), MARGIN_X, y, third)
            if h.bilingual:
                draw_block(canv, h.nat.text(nat_title, "small", align=outer), width - MARGIN_X - third, y, third)
            canv.line(MARGIN_X, height - MARGIN_TOP + 4, width - MARGIN_X, height - MARGIN_TOP + 4)
        canv.restoreState()


def _english_language_name(lang: str) -> str:
    from babel import Locale

    return Locale.parse(lang).get_display_name("en")


def _answer_text(q: Question, value, tr: Translator) -> str:
    if value is None:
        return tr.gettext(S.NOT_ANSWERED)
    if value == NOT_SURE and q.type in ("date", "country", "multi"):
        return tr.gettext(NOT_SURE_LABEL)
    if q.type in ("choice", "yes_no"):
        label = next((o.label for o in q.options if o.id == value), str(value))
        return tr.gettext(label)
    if q.type == "date":
        day = parse_iso(value)
        return tr.format_date(day) if day else str(value)
    if q.type == "country":
        return tr.country_name(str(value))
    if q.type == "multi":
        labels = [tr.gettext(o.label) for o in q.options if o.id in value]
        return format_list(labels, locale=tr.locale) if labels else tr.gettext(S.NONE_CHOSEN)
    return str(value)


# -- building and writing -------------------------------------------------------------

@dataclass
class Built:
    pdf: bytes
    pages: int
    native_texts: list[str]


def build_summary(req: SummaryRequest, translator: Translator | None = None) -> Built:
    """The PDF in memory, with what the tests and benchmark want to know.
    `translator` replaces the client-language one (tests count missing
    translations with it)."""
    check_request(req)
    try:
        return _build(req, translator)
    except LayoutError:
        token = SPLIT_IN_ROW.set(SPLIT_IN_ROW_FALLBACK)
        try:
            return _build(req, translator)
        finally:
            SPLIT_IN_ROW.reset(token)


def _build(req: SummaryRequest, translator: Translator | None) -> Built:
    summary = _Summary(req, translator)
    buf = io.BytesIO()
    geo = summary.geo
    doc = SimpleDocTemplate(buf, pagesize=geo.pagesize, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
                            title=Translator("en").gettext(S.TITLE), author="Relief Wizard",
                            creator="Relief Wizard", invariant=1, pageCompression=1)
    pages = []

    def furniture(canv, page, total):
        pages.append(total)
        summary.furniture(canv, page, total)

    # Binary streams, not ASCII85: a fifth smaller, and reportlab's
    # pure-Python encoder took a third of the build time.
    a85, rl_config.useA85 = rl_config.useA85, 0
    try:
        doc.build(summary.story(), canvasmaker=numbered_canvas(furniture))
    finally:
        rl_config.useA85 = a85
    return Built(buf.getvalue(), pages[0] if pages else 0, summary.h.native_texts)


def render_summary(req: SummaryRequest) -> bytes:
    return build_summary(req).pdf


def write_summary(req: SummaryRequest, out_path: str | os.PathLike) -> None:
    """Write the summary PDF to `out_path`, whole or not at all."""
    out_path = os.fspath(out_path)
    folder = _check_destination(out_path)
    pdf = render_summary(req)  # every error of layout happens before a byte is written
    fd, tmp = tempfile.mkstemp(prefix=".summary-", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(pdf)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out_path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise SummaryError(f"--out: cannot write {out_path} ({exc.strerror or exc})") from None
        raise
