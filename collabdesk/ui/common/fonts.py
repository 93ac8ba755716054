"""The fonts CollabDesk ships, made available to its windows as well as its PDFs.

A machine without a CJK system font would otherwise draw Chinese, Japanese or Korean
notes as empty boxes on the board, although the same notes print in the PDF. Qt falls
back through the families a font names, so the bundled families are appended to the
application font's list after the system's own family: the system look is kept and
only characters it lacks come from the bundled fonts.

The CJK fonts are large (9 MB; registering them is a few milliseconds of every start), so
the app registers them only on a machine that has no font of its own for Chinese, Japanese
or Korean; where it has, Qt falls back to that one, as for any other script.
"""

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ...resource_files import resource_path

LATIN_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
CJK_FILES = ("wqy-microhei.ttc", "DroidSansFallbackFull.ttf")
FALLBACK_FAMILIES = ("DejaVu Sans", "WenQuanYi Micro Hei", "Droid Sans Fallback")
CJK_SYSTEMS = ("SimplifiedChinese", "TraditionalChinese", "Japanese", "Korean")


def register_bundled_fonts(files: tuple[str, ...] = LATIN_FILES + CJK_FILES) -> list[str]:
    """Register bundled fonts with Qt once; the families registered."""
    families: list[str] = []
    for name in files:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def system_draws_cjk() -> bool:
    """Whether the machine has fonts of its own for Chinese (both scripts), Japanese and Korean."""
    return all(QFontDatabase.families(getattr(QFontDatabase.WritingSystem, name)) for name in CJK_SYSTEMS)


def with_bundled_fallbacks(font: QFont) -> QFont:
    """``font`` with the bundled families after its own, for characters it cannot draw."""
    result = QFont(font)
    own = list(font.families()) or [font.family()]
    result.setFamilies(own + [family for family in FALLBACK_FAMILIES if family not in own])
    return result


def use_bundled_fonts(app: QApplication, base: QFont | None = None) -> None:
    """Register the bundled fonts and make them the fallbacks of ``app``'s font.

    ``base`` replaces the system font (the tests pin DejaVu Sans so layout does not
    depend on the machine), and then every bundled font is registered, the CJK ones too,
    so that CJK text looks the same on every machine as well.
    """
    register_bundled_fonts(LATIN_FILES if base is None and system_draws_cjk() else LATIN_FILES + CJK_FILES)
    app.setFont(with_bundled_fallbacks(base if base is not None else app.font()))
