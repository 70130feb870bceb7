"""Every catalog complete, in its script, with the glossary's terms; the
catalogs hold every string of the code; CLDR formats per language."""
import datetime as dt
import re
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po

from desktop.i18n import FSI, LANGUAGES, PDI, MissingTranslation, Translator
from desktop.i18n_checks import check_catalog, glossary, in_script, load_catalog
from desktop.logic.text import Message
from desktop.paths import locales_dir

TRANSLATED = LANGUAGES[1:]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalog_passes_every_check(lang):
    problems = check_catalog(lang)
    assert not problems, f"{len(problems)} problems, first: " + "; ".join(map(str, problems[:8]))


def test_catalogs_hold_every_string_of_the_code(tmp_path):
    """Extract afresh and compare: a string added without `update` fails here."""
    pot = tmp_path / "fresh.pot"
    from desktop.i18n_build import KEYWORDS

    args = [sys.executable, "-m", "babel.messages.frontend", "-q", "extract", "-F", str(locales_dir() / "babel.cfg"),
            "-o", str(pot), "--omit-header"]
    for k in KEYWORDS:
        args += ["-k", k]
    subprocess.run(args + ["desktop"], check=True, cwd=locales_dir().parent)
    with pot.open("rb") as fh:
        fresh = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}
    for lang in TRANSLATED:
        have = {m.id if isinstance(m.id, str) else m.id[0] for m in load_catalog(lang) if m.id}
        missing = fresh - have
        assert not missing, f"{lang}: {len(missing)} strings not in the catalog, e.g. {sorted(missing)[:3]}"


def test_glossary_is_complete_and_in_script():
    rows = glossary()
    assert len(rows) >= 60
    for row in rows:
        for lang in TRANSLATED:
            assert row[lang].strip(), (row["term_id"], lang)
            if lang != "es" and not re.fullmatch(r"[A-Z0-9-]+", row["en"]):
                assert in_script(row[lang], lang), (row["term_id"], lang)
            if row["keep_english"] == "yes":
                assert row["en"] in row[lang], (row["term_id"], lang)


def test_missing_translation_is_an_error_in_strict_mode():
    t = Translator("bn", strict=True)
    with pytest.raises(MissingTranslation):
        t.gettext("A sentence no catalog has.")
    assert Translator("bn", strict=False).gettext("A sentence no catalog has.") == "A sentence no catalog has."


def test_tests_run_strict():  # conftest.py sets RELIEF_WIZARD_STRICT_I18N
    assert Translator("hi").strict


@pytest.mark.parametrize("lang,expected", [
    ("en", "December 21, 2026"),
    ("es", "21 de diciembre de 2026"),
    ("bn", "২১ ডিসেম্বর, ২০২৬"),   # CLDR's default digits for Bengali are Bengali
    ("hi", "21 दिसंबर 2026"),
    ("pa", "21 ਦਸੰਬਰ 2026"),
    ("ur", "21 دسمبر، 2026"),
])
def test_dates_in_each_language(lang, expected):
    assert Translator(lang, strict=False).format_date(dt.date(2026, 12, 21)) == expected


def test_language_names_in_their_own_script():
    names = {lang: Translator("en").language_name(lang) for lang in LANGUAGES}
    assert names == {"en": "English", "es": "español", "bn": "বাংলা", "hi": "हिन्दी", "pa": "ਪੰਜਾਬੀ", "ur": "اردو"}


def test_only_urdu_is_right_to_left_and_isolates_values():
    assert [lang for lang in LANGUAGES if Translator(lang, strict=False).is_rtl] == ["ur"]
    ur = Translator("ur", strict=False)
    text = ur.format_value(dt.date(2026, 12, 21))
    assert text.startswith(FSI) and text.endswith(PDI)
    assert Translator("hi", strict=False).format_value(7) == "7"


def _countdowns(lang):
    from desktop.logic.presentation import days_left_message
    from desktop.logic.evaluate import OptionResult

    t = Translator(lang)
    out = []
    for days in range(-400, 401):
        opt = OptionResult("bia_appeal", "likely", dt.date(2026, 12, 21), days, [], [])
        out.append(t.render(days_left_message(opt)))
    return out


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_catalog_header_decides_plurals_not_babel(lang, monkeypatch):
    """Countdowns for 0-400 days read the same when babel's CLDR plural data
    is replaced by a wrong rule: a newer babel can never change the text."""
    import babel.messages.plurals as plurals

    from desktop import i18n

    i18n._load.cache_clear()
    before = _countdowns(lang)
    wrong = plurals._PluralTuple((6, "(n%6)"))
    monkeypatch.setattr(plurals, "get_plural", lambda *a, **k: wrong)
    monkeypatch.setattr(plurals, "PLURALS", {k: (6, "(n%6)") for k in plurals.PLURALS})
    i18n._load.cache_clear()
    try:
        after = _countdowns(lang)
    finally:
        i18n._load.cache_clear()
    assert after == before
    assert not any("day" in text for text in before), "a countdown fell back to English"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_plural_message_has_the_forms_its_header_declares(lang):
    cat = load_catalog(lang)
    plural = [m for m in cat if m.id and isinstance(m.id, tuple)]
    assert plural and all(len(m.string) == cat.num_plurals for m in plural)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_rule_reason_renders_translated_with_local_date(lang):
    t = Translator(lang)
    msg = Message("Your case was denied by {who} on {date}.",
                  {"who": Message("an immigration judge"), "date": dt.date(2026, 11, 2)})
    text = t.render(msg)
    assert t.format_date(dt.date(2026, 11, 2)) in text
    assert "{" not in text and "immigration judge" in text  # the bracketed glossary term
