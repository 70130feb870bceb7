"""The center guide as web pages a volunteer opens by double-click, offline.

    python packaging/render_guide.py build/guide

writes index.html (the six languages, each named in its own script) and
center-guide.<lang>.html from docs/center-guide*.md. Every page stands alone:
its CSS is inline and, for Bengali, Hindi, Punjabi and Urdu, the bundled Noto
font is embedded as data, because a Windows PC may lack a Nastaliq font and a
browser refuses fonts loaded from file:// paths. Urdu pages are right to left;
commands and paths stay left to right inside them.
"""
from __future__ import annotations

import base64
import html
import sys
from pathlib import Path

import markdown

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FONTS = ROOT / "assets" / "fonts"

# lang: (name in its own script, font family, font file stem, right to left)
LANGUAGES = {
    "en": ("English", None, None, False),
    "es": ("Español", None, None, False),
    "bn": ("বাংলা", "Noto Sans Bengali", "NotoSansBengali", False),
    "hi": ("हिन्दी", "Noto Sans Devanagari", "NotoSansDevanagari", False),
    "pa": ("ਪੰਜਾਬੀ", "Noto Sans Gurmukhi", "NotoSansGurmukhi", False),
    "ur": ("اردو", "Noto Nastaliq Urdu", "NotoNastaliqUrdu", True),
}

CSS = """
body { font-family: %(family)s"Segoe UI", "Noto Sans", Arial, sans-serif; font-size: 18px;
       line-height: %(leading)s; max-width: 46em; margin: 1.5em auto; padding: 0 1em; color: #1b1b1b; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
pre { background: #f3f3f3; padding: .6em .8em; overflow-x: auto; font-size: 15px; line-height: 1.4; }
code, pre { font-family: Consolas, "Courier New", monospace; direction: ltr; unicode-bidi: isolate; }
pre { text-align: left; }
/* *Label* in the guide is a button or screen name: drawn like a key, not in
   italics, which Bengali, Devanagari, Gurmukhi and Nastaliq do not have. */
em { font-style: normal; background: #eef2f7; border: 1px solid #b9c4d0; border-radius: 4px;
     padding: 0 .25em; white-space: nowrap; }
nav { margin-bottom: 1em; font-size: 16px; }
nav a { margin-inline-end: 1em; }
@media print { nav { display: none; } }
"""


def font_faces(stem: str, family: str) -> str:
    faces = []
    for weight, style in ((400, "Regular"), (700, "Bold")):
        data = base64.b64encode((FONTS / f"{stem}-{style}.ttf").read_bytes()).decode("ascii")
        faces.append(f'@font-face {{ font-family: "{family}"; font-weight: {weight}; '
                     f'src: url(data:font/ttf;base64,{data}) format("truetype"); }}')
    return "\n".join(faces)


def source(lang: str) -> Path:
    return DOCS / ("center-guide.md" if lang == "en" else f"center-guide.{lang}.md")


def available() -> list[str]:
    """The languages the guide is written in (a missing translation is skipped)."""
    return [code for code in LANGUAGES if source(code).exists()]


def nav() -> str:
    links = [f'<a href="center-guide.{code}.html" lang="{code}">{html.escape(LANGUAGES[code][0])}</a>'
             for code in available()]
    return "<nav>" + "".join(links) + "</nav>"


def page(lang: str, title: str, body: str) -> str:
    _name, family, stem, rtl = LANGUAGES[lang]
    faces = font_faces(stem, family) if stem else ""
    css = CSS % {"family": f'"{family}", ' if family else "",
                 # Nastaliq stacks tall: the default leading lets lines touch.
                 "leading": "2.3" if lang == "ur" else "1.55"}
    direction = "rtl" if rtl else "ltr"
    return (f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<style>{faces}\n{css}</style>\n</head>\n"
            f"<body>\n{body}\n</body>\n</html>\n")


def render(lang: str) -> str:
    text = source(lang).read_text(encoding="utf-8")
    title = text.splitlines()[0].lstrip("# ").strip()
    body = markdown.markdown(text, extensions=["sane_lists"], output_format="html")
    # Client codes, paths and commands are left-to-right islands in an Urdu
    # sentence; <bdi> keeps them whole (the browser's bidi isolation).
    body = body.replace("<code>", "<bdi><code>").replace("</code>", "</code></bdi>")
    body = body.replace("<pre><bdi><code>", "<pre dir=\"ltr\"><code>").replace("</code></bdi></pre>", "</code></pre>")
    return page(lang, title, nav() + body)


def index() -> str:
    items = [f'<li><a href="center-guide.{code}.html" lang="{code}" '
             f'style="font-size: 1.6em">{html.escape(LANGUAGES[code][0])}</a></li>' for code in available()]
    body = ('<h1>Relief Wizard guide</h1>\n<ul style="list-style: none; padding: 0; line-height: 2.4">\n'
            + "\n".join(items) + "\n</ul>")
    return page("en", "Relief Wizard guide", body)


def main(out: str) -> int:
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    languages = available()
    for lang in languages:
        (folder / f"center-guide.{lang}.html").write_text(render(lang), encoding="utf-8")
    (folder / "index.html").write_text(index(), encoding="utf-8")
    print(f"guide: {len(languages)} languages in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "build/guide"))
