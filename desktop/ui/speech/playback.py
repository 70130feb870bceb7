"""Playing PCM on the PC's sound device, without Qt Multimedia.

PySide6-Essentials has no Qt Multimedia (it is in PySide6-Addons, hundreds
of megabytes), so playback uses what each system already has:
  Windows  winsound (the standard library): a whole WAV from memory, played
           synchronously on the reader's thread; PlaySound(None, 0) stops it.
  Linux    pacat (PulseAudio and PipeWire), pw-cat or aplay, fed raw PCM on
           stdin, so nothing is ever written to a file.
A sink takes PCM blocks with write(), plays what is left with drain(), and
stops at once with abort(), from any thread.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path


class NoSoundDevice(RuntimeError):
    pass


class Sink:
    def write(self, pcm: bytes) -> bool:
        """Queue samples; False once aborted."""
        raise NotImplementedError

    def part_done(self) -> None:
        """One sentence or block is complete (a sink that plays whole
        sounds plays it now)."""

    def drain(self) -> None:
        """Block until what was written has been played."""

    def abort(self) -> None:
        """Stop now (any thread)."""


class WinSoundSink(Sink):
    def __init__(self, sample_rate: int):
        self.sample_rate = sample_rate
        self._pending: list[bytes] = []
        self._aborted = False

    def write(self, pcm: bytes) -> bool:
        if self._aborted:
            return False
        self._pending.append(pcm)
        return True

    def part_done(self) -> None:
        self.drain()

    def drain(self) -> None:
        import winsound

        from .espeak import wav_bytes

        if self._aborted or not self._pending:
            return
        data = wav_bytes(b"".join(self._pending), self.sample_rate)
        self._pending = []
        # SND_MEMORY cannot be asynchronous; this thread waits while it plays.
        winsound.PlaySound(data, winsound.SND_MEMORY | winsound.SND_NODEFAULT)

    def abort(self) -> None:
        import winsound

        self._aborted = True
        self._pending = []
        # None stops whatever the process is playing, also a synchronous
        # sound on the reader's thread (SND_PURGE is ignored by modern Windows).
        winsound.PlaySound(None, 0)


class PipeSink(Sink):
    """A player process reading raw 16-bit mono PCM on stdin."""

    def __init__(self, command: list[str]):
        self._lock = threading.Lock()
        self._aborted = False
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)

    def write(self, pcm: bytes) -> bool:
        if self._aborted or self.proc.stdin is None:
            return False
        try:
            self.proc.stdin.write(pcm)
            return True
        except (BrokenPipeError, OSError, ValueError):
            return False

    def drain(self) -> None:
        """Played to the end once the player has read everything and exits."""
        if self._aborted:
            return
        try:
            self.proc.stdin.close()
        except (BrokenPipeError, OSError):
            pass
        self.proc.wait()

    def abort(self) -> None:
        with self._lock:
            self._aborted = True
            if self.proc.poll() is None:
                self.proc.kill()
        try:
            self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:  # pragma: no cover - a hung player
            pass


def _pipe_command(name: str, path: str, rate: int) -> list[str]:
    if name == "pacat":
        return [path, "--playback", "--raw", "--format=s16le", f"--rate={rate}", "--channels=1",
                "--client-name=Relief Wizard", "--latency-msec=60"]
    if name == "pw-cat":
        return [path, "--playback", "--format", "s16", "--rate", str(rate), "--channels", "1", "-"]
    return [path, "-q", "-t", "raw", "-f", "S16_LE", "-r", str(rate), "-c", "1", "-"]


def _sound_server() -> bool:
    """A PulseAudio or PipeWire server this user can reach."""
    if os.environ.get("PULSE_SERVER"):
        return True
    runtime = os.environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}"
    return any(Path(runtime, p).exists() for p in ("pulse/native", "pipewire-0"))


def _alsa_playback_device() -> bool:
    return any(p.name.endswith("p") for p in Path("/dev/snd").glob("pcmC*D*p")) if Path("/dev/snd").is_dir() else False


def find_player(sample_rate: int) -> tuple[type | None, list[str] | None, str]:
    """(sink kind, command, why not): what plays sound on this PC.

    A command is chosen only where a device or a sound server exists, so a
    PC with no sound (a test machine, a session over the network) gets a
    reason instead of a player that fails later."""
    if sys.platform == "win32":
        try:
            import ctypes

            if ctypes.windll.winmm.waveOutGetNumDevs() < 1:
                return None, None, "no sound output device"
        except (AttributeError, OSError):
            return None, None, "no sound output device"
        return WinSoundSink, None, ""
    server = _sound_server()
    if server:
        for name in ("pacat", "pw-cat"):
            path = shutil.which(name)
            if path:
                return PipeSink, _pipe_command(name, path, sample_rate), ""
    if _alsa_playback_device():
        path = shutil.which("aplay")
        if path:
            return PipeSink, _pipe_command("aplay", path, sample_rate), ""
        return None, None, "no sound player program (install pulseaudio-utils or alsa-utils)"
    if server:
        return None, None, "no sound player program (install pulseaudio-utils)"
    return None, None, "no sound output device"


class SystemPlayer:
    """Opens one sink per reading on the device find_player chose."""

    def __init__(self, sample_rate: int):
        self.sample_rate = sample_rate
        self.kind, self.command, self.reason = find_player(sample_rate)

    @property
    def available(self) -> bool:
        return self.kind is not None

    def open(self) -> Sink:
        if self.kind is None:
            raise NoSoundDevice(self.reason)
        if self.kind is WinSoundSink:
            return WinSoundSink(self.sample_rate)
        try:
            return PipeSink(self.command)
        except OSError as err:
            raise NoSoundDevice(str(err)) from err
