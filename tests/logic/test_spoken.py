"""Text made for the ear (desktop.logic.spoken): what is left out, what is
changed, and what must stay."""
from desktop.i18n import FSI, PDI, Translator
from desktop.logic.spoken import english_vocabulary, for_the_ear, is_english_hint, spoken_parts, wizard_texts

VOCAB = english_vocabulary(["File a motion to reopen with the immigration judge.", "Asylum"])


def test_english_hint_left_out_in_non_latin_scripts():
    assert for_the_ear("আবার খোলার আবেদন (motion to reopen) করুন", "bn") == "আবার খোলার আবেদন করুন"
    assert for_the_ear("पनाह (asylum, INA 208) माँगें", "hi") == "पनाह माँगें"
    assert for_the_ear("ਅਰਜ਼ੀ (Form I-589) ਭਰੋ", "pa") == "ਅਰਜ਼ੀ ਭਰੋ"
    assert for_the_ear("আবেদন (panel rehearing, rehearing en banc; FRAP 40) করুন", "bn") == "আবেদন করুন"
    assert for_the_ear("پناہ (asylum) کی درخواست", "ur") == "پناہ کی درخواست"


def test_brackets_in_the_language_itself_are_read():
    # A bracket in the person's own script is part of the sentence.
    assert for_the_ear("তারিখ (যদি জানেন) দিন", "bn") == "তারিখ (যদি জানেন) দিন"
    # A citation glued to a word is not a hint either.
    assert "240(b)" in for_the_ear("ধারা 240(b) অনুযায়ী", "bn")


def test_spanish_keeps_its_own_asides_and_drops_english_hints():
    said = for_the_ear("Presente una moción para reabrir (motion to reopen) (huellas digitales y foto).", "es", VOCAB)
    assert said == "Presente una moción para reabrir (huellas digitales y foto)."
    # The gender ending is said once, not "casado a".
    assert for_the_ear("Si está casado(a), diga sí.", "es", VOCAB) == "Si está casado, diga sí."
    # Without the English vocabulary nothing is taken for a hint.
    assert not is_english_hint("motion to reopen", "es")


def test_english_text_keeps_its_brackets():
    text = "You could be removed quickly (expedited removal)."
    assert for_the_ear(text, "en", VOCAB) == text


def test_direction_marks_and_bullets_are_not_read():
    t = Translator("ur")
    value = t.format_value(1250)
    assert value.startswith(FSI) and value.endswith(PDI)
    said = for_the_ear(f"\u2022 فیس {value} ڈالر\u200f", "ur")
    assert FSI not in said and PDI not in said and "\u200f" not in said and "\u2022" not in said
    assert "1250" in said  # grouping comma removed: a number, not "one, two hundred fifty"


def test_urdu_extended_digits_become_digits_the_voice_reads():
    # eSpeak NG's Urdu voice is silent on U+06F0..U+06F9 (tests/ui/test_speech_voices.py).
    assert for_the_ear("۱۲ مارچ ۲۰۲۴", "ur") == "12 مارچ 2024"
    assert for_the_ear("۱۲", "bn") == "۱۲"  # only the Urdu voice needs it


def test_parts_end_with_the_languages_full_stop_and_empty_parts_go():
    assert spoken_parts(["Yes", "", "  ", "No."], "en") == ["Yes.", "No."]
    assert spoken_parts(["হ্যাঁ"], "bn") == ["হ্যাঁ।"]
    assert spoken_parts(["ہاں"], "ur") == ["ہاں۔"]


def test_wizard_texts_cover_questions_choices_and_options():
    from desktop.logic.options import option_info
    from desktop.logic.questions import catalog

    texts = set(wizard_texts())
    for q in catalog().questions:
        assert q.prompt in texts and q.help in texts
        assert all(o.label in texts for o in q.options)
    for info in option_info().values():
        assert info.title in texts
