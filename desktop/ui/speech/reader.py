"""The reader the screens use: speak(parts, lang), stop(), is_available().

Synthesis and playback run on one worker thread at a time, so the window
never waits for a voice; stop() (a page change, a language change, a lock,
closing) ends the sound at once. A newer speak() replaces the one before.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable

from ...logic.spoken import spoken_parts
from .ear import vocabulary
from .espeak import RATE_NORMAL, RATE_SLOW, SAMPLE_RATE, Engine, SpeechUnavailable, library_paths, shared_engine
from .playback import NoSoundDevice, SystemPlayer


class Reader:
    def __init__(self, player=None, engine: Engine | None = None):
        self.slow = False
        self.reason = ""
        self._engine = engine
        self._player = player
        self._generation = 0
        self._sink = None
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        # For the benchmark: called (on the worker thread) with the time of
        # the first samples handed to the sound device.
        self.on_first_samples: Callable[[float], None] | None = None
        # The engine (library and voice data, 1.3 MiB) is loaded at the first
        # reading, not with the window: most people never press the button.
        # Here only whether its files are installed.
        self._no_voices = False
        try:
            if self._engine is None:
                library_paths()
            if self._player is None:
                self._player = SystemPlayer(self._engine.sample_rate if self._engine else SAMPLE_RATE)
            if not self._player.available:
                self.reason = self._player.reason
        except SpeechUnavailable as err:
            self._no_voices = True
            self.reason = str(err)

    @property
    def has_engine(self) -> bool:
        """The voices are installed (and, once loaded, loaded well)."""
        return not self._no_voices

    def is_available(self) -> bool:
        return not self._no_voices and self._player is not None and self._player.available

    def _loaded_engine(self) -> Engine | None:
        if self._engine is None and not self._no_voices:
            try:
                self._engine = shared_engine()
            except SpeechUnavailable as err:  # installed, but it would not load (a missing DLL)
                self._no_voices = True
                self.reason = str(err)
                return None
            if isinstance(self._player, SystemPlayer) and self._player.sample_rate != self._engine.sample_rate:
                self._player = SystemPlayer(self._engine.sample_rate)
        return self._engine

    @property
    def speaking(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def speak(self, parts: Iterable[str], lang: str) -> bool:
        """Start reading `parts` (screen texts) in `lang`; False if it cannot
        (then is_available() says whether it ever can)."""
        if not self.is_available() or self._loaded_engine() is None:
            return False
        said = spoken_parts(parts, lang, vocabulary(lang))
        self.stop()
        if not said:
            return False
        with self._lock:
            self._generation += 1
            generation = self._generation
        rate = RATE_SLOW if self.slow else RATE_NORMAL
        thread = threading.Thread(target=self._run, args=(said, lang, rate, generation),
                                  name="read-aloud", daemon=True)
        self._thread = thread
        thread.start()
        return True

    def stop(self) -> None:
        with self._lock:
            self._generation += 1
            sink, self._sink = self._sink, None
        if sink is not None:
            sink.abort()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=2)
        self._thread = None

    def _current(self, generation: int) -> bool:
        return generation == self._generation

    def _run(self, parts: list[str], lang: str, rate: int, generation: int) -> None:
        try:
            sink = self._player.open()
        except NoSoundDevice as err:
            self.reason = str(err)
            return
        with self._lock:
            if not self._current(generation):
                sink.abort()
                return
            self._sink = sink
        first = [True]

        def to_sink(block: bytes) -> bool:
            if not self._current(generation):
                return False
            if first[0]:
                first[0] = False
                if self.on_first_samples is not None:
                    self.on_first_samples(time.perf_counter())
            return sink.write(block)

        try:
            for part in parts:
                if not self._current(generation):
                    return
                self._engine.synthesize(part, lang, rate, sink=to_sink)
                sink.part_done()
            if self._current(generation):
                sink.drain()
        except (SpeechUnavailable, NoSoundDevice, OSError) as err:
            self.reason = str(err)
        finally:
            with self._lock:
                if self._sink is sink:
                    self._sink = None
