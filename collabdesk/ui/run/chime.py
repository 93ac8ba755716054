"""The chime at zero: the bundled WAV, played by what this machine has.

PySide6-Essentials has no QtMultimedia, so the chime goes through the platform:
``winsound`` on Windows, ``afplay`` on macOS, ``paplay``/``pw-play``/``aplay`` on Linux,
and the system beep when none of them is there.
"""

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ...resource_files import resource_path

CHIME = resource_path("sounds", "chime.wav")
_LINUX_PLAYERS = ("paplay", "pw-play", "aplay")


def system_player(path: Path = CHIME) -> Callable[[], None]:
    """A function that plays ``path`` without blocking."""
    if sys.platform == "win32":
        import winsound

        return lambda: winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)
    command = "afplay" if sys.platform == "darwin" else next(
        (p for p in _LINUX_PLAYERS if shutil.which(p)), None)
    if command is None or not path.exists():
        return QApplication.beep
    from PySide6.QtCore import QProcess  # loaded with the first chime, not at start

    arguments = [str(path)] if command != "aplay" else ["-q", str(path)]
    return lambda: QProcess.startDetached(command, arguments)


class Chime:
    """Plays unless muted; the mute choice is kept by the caller (QSettings)."""

    def __init__(self, player: Callable[[], None] | None = None, *, muted: bool = False):
        self._player = player
        self.muted = muted
        self.played = 0

    def play(self) -> None:
        if self.muted:
            return
        self.played += 1
        if self._player is None:
            self._player = system_player()
        self._player()
