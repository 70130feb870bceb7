"""eSpeak NG through ctypes: text in, 16-bit mono PCM out, no sound device.

The library and its voice data come from the `espeakng-loader` wheel (Linux
and Windows), so the voices are the same on every PC and inside the bundle.
Qt-free: the benchmark, the bundle's smoke test and the audio tests use it
directly.

eSpeak NG keeps one global state per process, so there is one Engine, and a
lock around each synthesis.
"""
from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from functools import lru_cache

# espeak_AUDIO_OUTPUT: SYNCHRONOUS hands every block of samples to our
# callback before espeak_Synth returns, and opens no sound device.
AUDIO_OUTPUT_SYNCHRONOUS = 2
POS_CHARACTER = 1
CHARS_UTF8 = 1
ESPEAK_RATE = 1
EE_OK = 0

# A voice per language. Spanish: the Latin American voice, the Spanish most
# people who come to the centers speak.
VOICES = {"en": "en-us", "es": "es-419", "bn": "bn", "hi": "hi", "pa": "pa", "ur": "ur"}
# What espeak_Initialize returns in synchronous mode for every voice; the
# player is chosen with it before the engine is loaded (Engine.sample_rate
# is the one used once it is).
SAMPLE_RATE = 22050
# Words per minute: eSpeak's default is 175; 160 is calm, 120 is for a person
# hearing legal words for the first time.
RATE_NORMAL = 160
RATE_SLOW = 120

# What the bundle carries of espeak-ng-data (19 MB, 100 languages): the
# phoneme tables, and the dictionaries and language files of the six
# languages (English too for Latin words inside another language's text,
# which eSpeak NG reads with its English voice).
_DICTS = {f"{lang}_dict" for lang in VOICES}
_LANG_FILES = {"gmw/en", "gmw/en-US", "roa/es", "roa/es-419", "inc/bn", "inc/hi", "inc/pa", "inc/ur"}


def bundled_data_file(relative: str) -> bool:
    """Whether a file of espeak-ng-data (path relative to it, with /) goes
    into the bundle."""
    parts = relative.split("/")
    if len(parts) == 1:
        return not parts[0].endswith("_dict") or parts[0] in _DICTS
    if parts[0] == "lang":
        return "/".join(parts[1:]) in _LANG_FILES
    return parts[0] == "voices"  # the voice variants, 0.4 MB


_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)


class SpeechUnavailable(RuntimeError):
    """No eSpeak NG library or voice data here; the message says which."""


def library_paths() -> tuple[str, str]:
    """The eSpeak NG library and its data directory, from espeakng-loader."""
    try:
        import espeakng_loader
    except ImportError as err:
        raise SpeechUnavailable("the espeakng-loader package is not installed") from err
    try:
        return espeakng_loader.get_library_path(), espeakng_loader.get_data_path()
    except RuntimeError as err:  # its data directory is missing
        raise SpeechUnavailable(str(err)) from err


class Engine:
    def __init__(self, library: str | None = None, data: str | None = None):
        if library is None or data is None:
            library, data = library_paths()
        try:
            lib = ctypes.CDLL(library)
        except OSError as err:
            raise SpeechUnavailable(f"cannot load {library}: {err}") from err
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_SetSynthCallback.argtypes = [_CALLBACK]
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_SetVoiceByName.restype = ctypes.c_int
        lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        lib.espeak_Synth.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
                                     ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p]
        lib.espeak_Synth.restype = ctypes.c_int
        # The data path goes in as bytes of the file system's encoding; a
        # path eSpeak cannot open makes it return -1 instead of a rate.
        import os

        rate = lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, os.fsencode(data), 0)
        if rate <= 0:
            raise SpeechUnavailable(f"eSpeak NG could not read its voice data in {data}")
        self.sample_rate = rate
        self._lib = lib
        self._lock = threading.Lock()
        self._sink: Callable[[bytes], bool] | None = None
        # Kept on self: ctypes frees a callback whose Python object is gone.
        self._callback = _CALLBACK(self._on_samples)
        lib.espeak_SetSynthCallback(self._callback)
        self._voice = None

    def _on_samples(self, wav, count, _events) -> int:
        if count > 0 and self._sink is not None:
            if not self._sink(ctypes.string_at(wav, count * 2)):
                return 1  # stop synthesis: the reader was stopped
        return 0

    def has_voice(self, lang: str) -> bool:
        with self._lock:
            return self._set_voice(lang)

    def _set_voice(self, lang: str) -> bool:
        name = VOICES.get(lang, lang)
        if self._voice == name:
            return True
        ok = self._lib.espeak_SetVoiceByName(name.encode()) == EE_OK
        self._voice = name if ok else None
        return ok

    def synthesize(self, text: str, lang: str, rate: int = RATE_NORMAL,
                   sink: Callable[[bytes], bool] | None = None) -> bytes:
        """PCM (signed 16-bit, mono, `sample_rate`) for `text`. With a sink,
        each block goes to it as soon as it is made (and is not returned);
        the sink returns False to stop."""
        blocks: list[bytes] = []

        def collect(block: bytes) -> bool:
            blocks.append(block)
            return True

        data = text.encode("utf-8")
        with self._lock:
            if not self._set_voice(lang):
                raise SpeechUnavailable(f"eSpeak NG has no voice for {lang!r}")
            self._lib.espeak_SetParameter(ESPEAK_RATE, int(rate), 0)
            self._sink = sink or collect
            try:
                err = self._lib.espeak_Synth(data, len(data) + 1, 0, POS_CHARACTER, 0, CHARS_UTF8, None, None)
            finally:
                self._sink = None
        if err != EE_OK:
            raise SpeechUnavailable(f"eSpeak NG failed to synthesize (error {err})")
        return b"".join(blocks)


_engine_lock = threading.Lock()


@lru_cache(maxsize=1)
def _shared() -> Engine:
    return Engine()


def shared_engine() -> Engine:
    """The process's one engine, made on first use (about 20 ms)."""
    with _engine_lock:
        return _shared()


def wav_bytes(pcm: bytes, sample_rate: int) -> bytes:
    """A WAV file's bytes for 16-bit mono PCM (for winsound and the samples)."""
    import io
    import wave

    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(sample_rate)
        w.writeframes(pcm)
    return out.getvalue()
