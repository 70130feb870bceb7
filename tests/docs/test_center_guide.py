"""The center guide in six languages says the same steps, names each button
as the volunteer sees it on screen, and keeps every command unchanged."""
import re
from pathlib import Path

import pytest

from desktop.i18n import Translator

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
LANGS = ("es", "bn", "hi", "pa", "ur")
ENGLISH = (DOCS / "center-guide.md").read_text(encoding="utf-8")

# Labels that Windows or the installer shows, not the app: the guide gives them
# as Windows words, so they are not looked up in the app's catalog.
NOT_APP_LABELS = {"More info", "Run anyway", "Next", "Finish", "Command Prompt", "Settings → Apps",
                  "Yes", "Relief Wizard guide", "Language"}


def headings(text):
    return [re.match(r"(#+) ?(\d+\.)?", line).groups() for line in text.splitlines() if line.startswith("#")]


def numbered(text):
    """The list numbers under each heading, e.g. [['1.', '2.'], ...]."""
    out = [[]]
    for line in text.splitlines():
        if line.startswith("## "):
            out.append([])
        m = re.match(r"(\d+)\. ", line)
        if m:
            out[-1].append(m.group(1))
    return out


def bullets(text):
    return sum(1 for line in text.splitlines() if line.startswith("- "))


def code_lines(text):
    return [line for line in text.splitlines() if re.match(r" {4}\S", line)]


def inline_code(text):
    return sorted(re.findall(r"`([^`]+)`", text))


def flat(text):
    return re.sub(r"\s+", " ", text)


def app_labels(text):
    labels = set(re.findall(r"(?<!\*)\*([^*\n][^*]*?)\*(?!\*)", flat(text)))
    return sorted(labels - NOT_APP_LABELS)


def guide(lang):
    path = DOCS / f"center-guide.{lang}.md"
    assert path.exists(), f"missing translation of the center guide: {path.name}"
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_same_sections_steps_and_commands(lang):
    text = guide(lang)
    assert headings(text) == headings(ENGLISH)
    assert numbered(text) == numbered(ENGLISH)
    assert bullets(text) == bullets(ENGLISH)
    assert code_lines(text) == code_lines(ENGLISH)
    assert inline_code(text) == inline_code(ENGLISH)


@pytest.mark.parametrize("lang", LANGS)
def test_buttons_are_named_as_the_app_shows_them(lang):
    t = Translator(lang)
    text = flat(guide(lang))
    english = app_labels(ENGLISH)
    assert "Copy for another center" in english and "Check your answers" in english  # the check looks at something
    missing = []
    for label in english:
        shown = t.gettext(label)
        assert shown != label, f"{label!r} is not an app label with a translation; list it in NOT_APP_LABELS"
        if f"*{flat(shown)}*" not in text:
            missing.append(f"{label} -> {shown}")
    assert not missing, missing


def test_english_labels_are_app_labels():
    """An English label the app does not have would send a volunteer looking
    for a button that is not there."""
    t = Translator("es")
    assert [label for label in app_labels(ENGLISH) if t.gettext(label) == label] == []


def test_the_uninstall_question_quoted_is_the_one_the_installer_asks():
    iss = (ROOT / "packaging" / "windows" / "relief-wizard.iss").read_text(encoding="utf-8-sig")
    messages = dict(re.findall(r"^(\w+\.\w+)=(.*)$", iss, re.M))
    asked = messages["english.AlsoDeleteRecords"].split("%n")[0]
    assert asked in flat(ENGLISH)
    spanish = messages["spanish.AlsoDeleteRecords"].split("%n")[0]
    assert spanish in flat(guide("es"))
    assert messages["english.ReallyDeleteRecords"].startswith("This cannot be undone")
