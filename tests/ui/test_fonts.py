"""The bundled fonts as the app's fallbacks: CJK notes draw on a machine without a CJK font,
and a machine with one is spared registering 9 MB of fonts at every start.

Each case runs the app's font set-up in a process of its own, with fontconfig shown only the
fonts the case gives it as the machine's.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from collabdesk.resource_files import resource_path

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="fontconfig says which fonts the machine has")

ROOT = Path(__file__).resolve().parents[2]
CHECK = """
from PySide6.QtGui import QFontDatabase, QFontMetrics, QImage, QPainter, QColor
from PySide6.QtCore import Qt
from collabdesk.ui.shell.app import make_application

app = make_application()
image = QImage(120, 40, QImage.Format.Format_RGB32)
image.fill(QColor("white"))
painter = QPainter(image)
painter.setFont(app.font())
painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, "合作")
painter.end()
blank = QImage(120, 40, QImage.Format.Format_RGB32)
blank.fill(QColor("white"))
painter = QPainter(blank)
painter.setFont(app.font())
painter.drawText(blank.rect(), Qt.AlignmentFlag.AlignCenter, "\\ufffe\\ufffe")  # what no font has: boxes
painter.end()
print("REGISTERED", "Droid Sans Fallback" in QFontDatabase.families())
print("DRAWN", image != blank)
"""


def machine_with(tmp_path: Path, *fonts: str) -> dict:
    """The environment of a machine whose only fonts are these bundled files."""
    folder = tmp_path / "system-fonts"
    folder.mkdir()
    for name in fonts:
        (folder / name).symlink_to(resource_path("fonts", name))
    config = tmp_path / "fonts.conf"
    config.write_text(f'<?xml version="1.0"?><fontconfig><dir>{folder}</dir>'
                      f'<cachedir>{tmp_path / "cache"}</cachedir></fontconfig>')
    return {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT),
            "HOME": str(tmp_path), "FONTCONFIG_FILE": str(config)}


def font_check(env: dict) -> str:
    result = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_cjk_notes_draw_on_a_machine_without_a_cjk_font(tmp_path):
    out = font_check(machine_with(tmp_path, "DejaVuSans.ttf"))
    assert "REGISTERED True" in out and "DRAWN True" in out


def test_a_machine_with_a_cjk_font_draws_with_it_and_the_bundled_ones_wait(tmp_path):
    out = font_check(machine_with(tmp_path, "DejaVuSans.ttf", "wqy-microhei.ttc"))
    assert "REGISTERED False" in out and "DRAWN True" in out
