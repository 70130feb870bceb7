"""Renders the pictures in this folder from the current code and catalogs.

    .venv/bin/python docs/pdf/render_pages.py

- summary-<lang>-page1.png      page 1 of the full sample case (tests/pdf/full_case.json)
- summary-<lang>-all-pages.png  every page, small, side by side
- scripts-shaping-on-off.png    the same sentences with HarfBuzz shaping on and off
- layout-side-by-side-vs-stacked.png  one option in the chosen layout and in the other
Needs pdftoppm. PNGs are written without Pillow (grayscale, zlib).
"""
from __future__ import annotations

import io
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from reportlab.lib.colors import black  # noqa: E402
from reportlab.platypus import SimpleDocTemplate, Spacer, Table  # noqa: E402

from desktop.i18n import FSI, PDI  # noqa: E402
from desktop.pdf.fonts import font_set  # noqa: E402
from desktop.pdf.layout import base_style, geometry  # noqa: E402
from desktop.pdf.script_text import AUTO, Span, TextBlock, TextStyle  # noqa: E402
from desktop.pdf.summary import _Summary, build_summary  # noqa: E402
from tests.pdf.helpers import CLIENT_LANGS, SAMPLES, request  # noqa: E402


def pgm_pages(pdf: bytes, dpi: int, first: int | None = None, last: int | None = None):
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        cmd = ["pdftoppm", "-gray", "-r", str(dpi)]
        if first:
            cmd += ["-f", str(first), "-l", str(last or first)]
        subprocess.run(cmd + [str(src), str(Path(tmp) / "p")], check=True)
        out = []
        for f in sorted(Path(tmp).glob("p*.pgm")):
            data = f.read_bytes()
            _, w, h, _ = data.split(maxsplit=4)[:4]
            w, h = int(w), int(h)
            out.append((w, h, data[len(data) - w * h:]))
        return out


def write_png(path: Path, images, gap: int = 6) -> None:
    width = sum(w for w, _, _ in images) + gap * (len(images) - 1)
    height = max(h for _, h, _ in images)
    rows = []
    for y in range(height):
        row = bytearray(b"\x00")
        for k, (w, h, px) in enumerate(images):
            row += px[y * w:(y + 1) * w] if y < h else b"\xff" * w
            if k < len(images) - 1:
                row += b"\x60" * gap
        rows.append(bytes(row))

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


def summaries() -> None:
    for lang in CLIENT_LANGS:
        built = build_summary(request(lang))
        write_png(HERE / f"summary-{lang}-page1.png", pgm_pages(built.pdf, 100, 1, 1))
        write_png(HERE / f"summary-{lang}-all-pages.png", pgm_pages(built.pdf, 40))
        print(f"{lang}: {built.pages} pages")


def _doc_png(story, path: Path, size=(612, 792), dpi: int = 110) -> None:
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=size, leftMargin=30, rightMargin=30, topMargin=30, bottomMargin=20,
                      invariant=1).build(story)
    write_png(path, pgm_pages(buf.getvalue(), dpi, 1, 1))


def shaping_on_off() -> None:
    label = TextStyle(font_set("en"), size=9)
    story = []
    mixed = f"آخری تاریخ {FSI}30 نومبر، 2026{PDI} ہے (فارم EOIR-26)، ابھی {FSI}7{PDI} دن باقی ہیں۔"
    for lang in ("bn", "hi", "pa", "ur"):
        for shaping in (True, False):
            story.append(TextBlock([Span(f"{lang}: shaping {'on' if shaping else 'off'}", True)], label))
            style = TextStyle(font_set(lang), size=12, direction=AUTO, lang=lang, shaping=shaping)
            story.append(TextBlock(SAMPLES[lang].split("। ")[0].split("۔ ")[0], style))
        story.append(Spacer(0, 6))
    story.append(TextBlock([Span("ur: a mixed line (a date and a number in isolates, a form name in brackets)",
                                 True)], label))
    story.append(TextBlock(mixed, TextStyle(font_set("ur"), size=12, direction=AUTO, lang="ur")))
    _doc_png(story, HERE / "scripts-shaping-on-off.png", size=(612, 600))


def layout_comparison() -> None:
    """The SIJS option of the sample case in Bengali, as printed (side by
    side) and as it would be with each item followed by its English."""
    req = request("bn")
    summary = _Summary(req)
    opt = summary.ev.option("sijs")
    chosen = summary._option_block(opt)  # noqa: SLF001
    geo = geometry(None)
    stacked_rows = []
    for en_cell, native_cell in chosen._cellvalues:  # noqa: SLF001
        stacked_rows += [[native_cell], [[TextBlock(b.spans, b.style) for b in en_cell]]]
    stacked = Table(stacked_rows, colWidths=[geo.width])
    stacked.setStyle(base_style([("BOX", (0, 0), (-1, -1), 1.2, black),
                                 ("LINEBELOW", (0, 1), (-1, -2), 0.3, black)]))
    label = TextStyle(font_set("en"), size=10)
    story = [TextBlock([Span("Chosen: side by side, English left, the client's language right, row by row", True)],
                       label), Spacer(0, 4), chosen, Spacer(0, 14),
             TextBlock([Span("Not chosen: each item followed by its English", True)], label), Spacer(0, 4),
             stacked]
    _doc_png(story, HERE / "layout-side-by-side-vs-stacked.png", size=(612, 792), dpi=100)


if __name__ == "__main__":
    summaries()
    shaping_on_off()
    layout_comparison()
