"""Letting go of a language's texts and CLDR data changes nothing a person
reads: the same dates, numbers, country names and plurals come back."""
import datetime as dt

from babel import localedata

from desktop import i18n
from desktop.i18n import Translator, release_language_data
from desktop.logic.text import N_


def _texts(t: Translator) -> tuple:
    return (t.format_date(dt.date(2026, 3, 15)), t.format_date(dt.date(2027, 1, 2), "medium"),
            t.format_number(12345), t.country_name("BD"), t.country_name("UA"),
            t.ngettext("{days} day left", "{days} days left", 3), t.gettext(N_("Back")))


def test_released_data_gives_the_same_texts_again():
    for lang in ("bn", "ur", "es"):
        t = Translator(lang)
        before = _texts(t)
        release_language_data()
        assert not localedata._cache  # babel holds no language now
        assert i18n._load.cache_info().currsize == 0
        assert _texts(t) == before  # the translator made before keeps working
        assert _texts(Translator(lang)) == before  # and a new one reads it all again
        assert before[5] != "{days} days left" and before[6] != "Back"  # translated, not English
