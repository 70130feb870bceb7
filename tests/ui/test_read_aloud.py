"""The Read aloud button: disabled with a reason where there is no sound
device (as here, offscreen), and, with a recording player standing in for
the sound device, what it reads, when it stops, and that the keyboard
reaches it."""
from __future__ import annotations

import sys
import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui_driver import CASE, answer_all, choose_language, new_client, press_enter, set_passphrase, settle

from desktop.i18n import Translator
from desktop.ui.speech import playback
from desktop.ui.speech.espeak import RATE_NORMAL, RATE_SLOW, shared_engine
from desktop.ui.speech.playback import PipeSink, Sink
from desktop.ui.speech.reader import Reader


class RecordingSink(Sink):
    def __init__(self, log):
        self.log = log
        self.aborted = False

    def write(self, pcm: bytes) -> bool:
        if self.aborted:
            return False
        self.log.append(len(pcm))
        return True

    def abort(self) -> None:
        self.aborted = True


class RecordingPlayer:
    """A sound device that keeps the number of bytes it was given."""
    available = True
    reason = ""

    def __init__(self):
        self.log: list = []
        self.sinks: list[RecordingSink] = []

    def open(self):
        sink = RecordingSink(self.log)
        self.sinks.append(sink)
        return sink


class RecordingEngine:
    """The real engine, noting what it was asked to say."""

    def __init__(self):
        self.real = shared_engine()
        self.sample_rate = self.real.sample_rate
        self.said: list[tuple[str, str, int]] = []
        self.done = threading.Event()

    def synthesize(self, text, lang, rate=RATE_NORMAL, sink=None):
        self.said.append((text, lang, rate))
        out = self.real.synthesize(text, lang, rate, sink=sink)
        self.done.set()
        return out


def wait_for(predicate, seconds=5.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        settle(1)
        if predicate():
            return True
        time.sleep(0.02)
    return False


def start(window, lang="en"):
    choose_language(window, lang)
    set_passphrase(window)
    new_client(window)


def with_recorder(window):
    engine, player = RecordingEngine(), RecordingPlayer()
    window.set_reader(Reader(player=player, engine=engine))
    return engine, player


def test_no_sound_device_disables_the_button_with_the_reason(window, monkeypatch):
    monkeypatch.setattr(playback, "find_player", lambda rate: (None, None, "no sound output device"))
    window.set_reader(Reader())
    start(window, "hi")
    q = window.screens["question"]
    assert window.view in window.session.flow.catalog
    reason = Translator("hi", strict=True).gettext("Reading aloud is off: no sound device was found on this computer.")
    assert not q.read.isEnabled() and q.read.toolTip() == reason
    assert q.read.accessibleName() == Translator("hi").gettext("Read aloud")
    assert not window.slow_speech.isEnabled()
    QTest.keyClick(window, Qt.Key_F5)  # nothing happens, nothing fails
    assert not window.reading
    window.set_reading(True)
    assert not window.reading
    # The rest of the wizard is unchanged: answer everything, see results.
    answer_all(window, CASE)
    press_enter(window)
    settle()
    assert window.view == "results" and not window.screens["results"].read.isEnabled()


def test_the_offscreen_test_machine_has_no_sound_device(window):
    # The real detection, here: no PulseAudio/PipeWire socket, no ALSA device.
    reader = window.reader
    if reader.is_available():
        pytest.skip("this machine has a sound device")
    assert reader.reason and not window.screens["question"].read.isEnabled()


def test_read_aloud_reads_question_help_and_choices_in_the_language(window):
    start(window, "bn")
    engine, player = with_recorder(window)
    q = window.screens["question"]
    t = Translator("bn")
    assert q.read.isEnabled() and q.read.accessibleName() == t.gettext("Read aloud")
    assert "F5" in q.read.toolTip()
    QTest.keyClick(window, Qt.Key_F5)
    assert window.reading and q.read.isChecked()
    assert wait_for(lambda: not window.reader.speaking and engine.said)
    question = window.session.flow.catalog[window.view]
    said = [text for text, _, _ in engine.said]
    assert all(lang == "bn" and rate == RATE_NORMAL for _, lang, rate in engine.said)
    assert said[0].startswith(t.gettext(question.prompt).split(" (")[0])
    assert len(said) == 2 + len(q.input.cards)  # question, help, each choice
    assert not any("(" in s and s.isascii() for s in said)
    assert all("(" not in s or not any(c.isascii() and c.isalpha() for c in s[s.index("("):]) for s in said)
    assert sum(player.log) > 0

    # A choice reached with the keyboard is read; one clicked is not.
    engine.said.clear()
    cards = list(q.input.cards.values())
    cards[0].setFocus(Qt.TabFocusReason)
    QTest.keyClick(cards[0], Qt.Key_Down)
    assert wait_for(lambda: engine.said)
    assert engine.said[-1][0].startswith(cards[1].card_text().split(" (")[0])


def test_reading_stops_on_a_page_change_and_reads_the_next_page(window):
    start(window)
    engine, player = with_recorder(window)
    window.set_reading(True)
    first = window.view
    answer_all(window, CASE, stop_after=first)
    assert window.view != first
    # Every sink of the first page was stopped when the page changed.
    assert player.sinks[0].aborted
    assert wait_for(lambda: not window.reader.speaking)
    prompt = window.session.flow.catalog[window.view].prompt
    assert any(text == prompt or text == prompt + "." for text, _, _ in engine.said)


def test_turning_off_closing_and_locking_silence_it(window):
    start(window)
    _, player = with_recorder(window)
    window.set_reading(True)
    window.set_reading(False)
    assert all(s.aborted for s in player.sinks) and not window.reader.speaking
    window.set_reading(True)
    window.close_client()
    assert not window.reading and all(s.aborted for s in player.sinks)
    assert not window.screens["question"].read.isChecked()


def test_slower_reading_is_used_and_kept_in_the_store(window):
    start(window)
    engine, _ = with_recorder(window)
    window.slow_speech.click()
    assert window.session.slow_speech()
    window.set_reading(True)
    assert wait_for(lambda: engine.said)
    assert engine.said[0][2] == RATE_SLOW
    window.set_reading(False)
    window.lock()
    set_passphrase(window)
    assert window.slow_speech.isChecked() and window.reader.slow


def test_the_button_is_reachable_with_tab(window):
    start(window)
    with_recorder(window)
    q = window.screens["question"]
    chain = q.tab_chain()
    assert q.read in chain
    target = chain[chain.index(q.read) - 1]
    target.setFocus(Qt.TabFocusReason)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
    assert QApplication.focusWidget() is q.read
    QTest.keyClick(q.read, Qt.Key_Space)
    assert window.reading


def test_results_read_the_urgent_box_then_each_option(window):
    start(window)
    answer_all(window, CASE)
    press_enter(window)
    settle()
    assert window.view == "results"
    engine, _ = with_recorder(window)
    r = window.screens["results"]
    QTest.keyClick(window, Qt.Key_F5)
    assert wait_for(lambda: not window.reader.speaking and engine.said)
    said = [text for text, _, _ in engine.said]
    from desktop.ui.screens.results import BANNER

    assert said[0] == BANNER  # the case's appeal is due in 10 days
    titles = [card.findChild(type(r.title), "title").text() for card in r.cards.values()]
    for title in titles:
        assert title + "." in said or title in said
    assert any(text.startswith("Last day to file:") for text in said)


def test_pipe_player_plays_and_stops_a_player_process():
    reads = [sys.executable, "-c", "import sys; sys.stdin.buffer.read()"]
    sink = PipeSink(reads)
    assert sink.write(b"\0\0" * 22050)
    sink.drain()
    assert sink.proc.returncode == 0
    slow = PipeSink([sys.executable, "-c", "import time; time.sleep(30)"])
    started = time.monotonic()
    slow.abort()
    assert time.monotonic() - started < 3 and slow.proc.returncode is not None
    assert not slow.write(b"\0\0")


def test_player_chosen_only_where_a_sound_server_or_device_exists(monkeypatch, tmp_path):
    if sys.platform == "win32":
        pytest.skip("Linux players")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    pacat = bin_dir / "pacat"
    pacat.write_text("#!/bin/sh\ncat >/dev/null\n")
    pacat.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.delenv("PULSE_SERVER", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    monkeypatch.setattr(playback, "_alsa_playback_device", lambda: False)
    kind, command, reason = playback.find_player(22050)
    assert kind is None and reason == "no sound output device"
    (tmp_path / "pulse").mkdir()
    (tmp_path / "pulse" / "native").touch()
    kind, command, reason = playback.find_player(22050)
    assert kind is PipeSink and command[0] == str(pacat) and "--rate=22050" in command


def test_windows_player_plays_wav_from_memory_and_stops(monkeypatch):
    import types
    import wave
    import io

    calls = []
    fake = types.SimpleNamespace(SND_MEMORY=4, SND_NODEFAULT=2, SND_PURGE=64,
                                 PlaySound=lambda data, flags: calls.append((data, flags)))
    monkeypatch.setitem(sys.modules, "winsound", fake)
    sink = playback.WinSoundSink(22050)
    sink.write(b"\1\0" * 100)
    sink.part_done()
    data, flags = calls[-1]
    assert flags == 6
    with wave.open(io.BytesIO(data)) as w:
        assert (w.getframerate(), w.getnchannels(), w.getnframes()) == (22050, 1, 100)
    sink.abort()
    assert calls[-1] == (None, 0) and not sink.write(b"\0\0")


def test_voices_load_at_the_first_reading_and_a_failure_then_disables_the_button(window, monkeypatch):
    from desktop.ui.speech import reader as reader_module
    from desktop.ui.speech.espeak import SpeechUnavailable

    start(window, "bn")
    reader = Reader(player=RecordingPlayer())
    assert reader._engine is None  # not loaded with the window
    loads = []

    def failing_engine():
        loads.append(1)
        raise SpeechUnavailable("cannot load libespeak-ng.dll")

    monkeypatch.setattr(reader_module, "shared_engine", failing_engine)
    window.set_reader(reader)
    q = window.screens["question"]
    assert q.read.isEnabled()  # installed: offered until it is tried
    QTest.keyClick(window, Qt.Key_F5)
    assert loads == [1] and not window.reading
    missing = Translator("bn", strict=True).gettext(
        "Reading aloud is off: the voices are missing from this installation.")
    assert not q.read.isEnabled() and q.read.toolTip() == missing
    assert not window.slow_speech.isEnabled()


def test_the_voices_are_loaded_by_the_first_reading_not_by_the_window(window):
    start(window)
    player = RecordingPlayer()
    reader = Reader(player=player)
    window.set_reader(reader)
    assert reader._engine is None
    window.set_reading(True)
    assert wait_for(lambda: player.log)  # it read
    assert reader._engine is not None
    window.set_reading(False)
