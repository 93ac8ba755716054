"""The fonts CollabDesk ships, made available to its windows as well as its PDFs.

A machine without a CJK system font would otherwise draw Chinese, Japanese or Korean
notes as empty boxes on the board, although the same notes print in the PDF. Qt falls
back through the families a font names, so the bundled families are appended to the
application font's list after the system's own family: the system look is kept and
only characters it lacks come from the bundled fonts.
"""

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ...resource_files import resource_path

BUNDLED_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "wqy-microhei.ttc", "DroidSansFallbackFull.ttf")
FALLBACK_FAMILIES = ("DejaVu Sans", "WenQuanYi Micro Hei", "Droid Sans Fallback")


def register_bundled_fonts() -> list[str]:
    """Register every bundled font with Qt once; the families registered."""
    families: list[str] = []
    for name in BUNDLED_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def with_bundled_fallbacks(font: QFont) -> QFont:
    """``font`` with the bundled families after its own, for characters it cannot draw."""
    result = QFont(font)
    own = list(font.families()) or [font.family()]
    result.setFamilies(own + [family for family in FALLBACK_FAMILIES if family not in own])
    return result


def use_bundled_fonts(app: QApplication, base: QFont | None = None) -> None:
    """Register the bundled fonts and make them the fallbacks of ``app``'s font.

    ``base`` replaces the system font (the tests pin DejaVu Sans so layout does not
    depend on the machine).
    """
    register_bundled_fonts()
    app.setFont(with_bundled_fallbacks(base if base is not None else app.font()))
