"""Palette-aware colours: every ink the UI draws text in comes from the palette or from a
light / dark / high-contrast triple here, chosen by the palette it lands on.

Qt takes the system's palette on Windows and macOS (dark mode included), so a colour
written for a light window can vanish on a dark one. ``ink(role, palette)`` picks the
variant for the palette's window colour (and the high-contrast one when the system asks
for more contrast); ``SCHEMES`` are the reference palettes the contrast tests check every
ink against, and ``apply_scheme`` lets the app (and the screenshots) use one of them.
"""

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtCore import Qt

from ...domain.contrast import AA_TEXT, contrast_ratio, is_dark

Role = QPalette.ColorRole

# role: (light, dark, high contrast); each reaches 4.5:1 on its scheme's window and base.
INKS = {
    "muted": ("#575D66", "#AEB3BC", "#FFFFFF"),
    "prompt": ("#33363D", "#D5D8DD", "#FFFFFF"),
    "ok": ("#2E6B3A", "#7BD88F", "#7CFC7C"),
    "warning": ("#8A5300", "#FFB23F", "#FFFF00"),
    "error": ("#B3261E", "#FF8A80", "#FF9E9E"),
    "overtime": ("#B8321A", "#FF7A5C", "#FF9E9E"),
}

# The timer's phases, drawn large (3:1 would do; they reach 4.5:1 anyway).
TIMER_ROLES = {"idle": None, "running": None, "paused": "muted", "warning": "warning", "overtime": "overtime"}

_SCHEME_COLOURS = {
    "light": {Role.Window: "#EFF0F2", Role.WindowText: "#1F2126", Role.Base: "#FFFFFF", Role.AlternateBase: "#F5F6F8",
              Role.Text: "#1F2126", Role.Button: "#E6E8EB", Role.ButtonText: "#1F2126",
              Role.PlaceholderText: "#5F6670", Role.Highlight: "#1A5FB4", Role.HighlightedText: "#FFFFFF",
              Role.ToolTipBase: "#FFFFE1", Role.ToolTipText: "#1F2126", Role.Link: "#1A5FB4",
              Role.BrightText: "#FFFFFF", Role.Mid: "#B9BEC6", Role.Dark: "#8C929B", Role.Light: "#FFFFFF"},
    "dark": {Role.Window: "#26282C", Role.WindowText: "#E8EAED", Role.Base: "#1C1E21", Role.AlternateBase: "#2B2E33",
             Role.Text: "#E8EAED", Role.Button: "#33363B", Role.ButtonText: "#E8EAED",
             Role.PlaceholderText: "#A3A9B2", Role.Highlight: "#2F6BC6", Role.HighlightedText: "#FFFFFF",
             Role.ToolTipBase: "#3A3D42", Role.ToolTipText: "#F1F3F4", Role.Link: "#8AB4F8",
             Role.BrightText: "#FFFFFF", Role.Mid: "#4A4E55", Role.Dark: "#141518", Role.Light: "#55595F"},
    "high contrast": {Role.Window: "#000000", Role.WindowText: "#FFFFFF", Role.Base: "#000000",
                      Role.AlternateBase: "#000000", Role.Text: "#FFFFFF", Role.Button: "#000000",
                      Role.ButtonText: "#FFFFFF", Role.PlaceholderText: "#E0E0E0", Role.Highlight: "#FFFF00",
                      Role.HighlightedText: "#000000", Role.ToolTipBase: "#000000", Role.ToolTipText: "#FFFFFF",
                      Role.Link: "#FFFF00", Role.BrightText: "#FFFFFF", Role.Mid: "#FFFFFF", Role.Dark: "#FFFFFF",
                      Role.Light: "#FFFFFF"},
}
SCHEMES = tuple(_SCHEME_COLOURS)
# Text roles and the background each is drawn on, for the contrast checks.
TEXT_PAIRS = ((Role.WindowText, Role.Window), (Role.Text, Role.Base), (Role.ButtonText, Role.Button),
              (Role.PlaceholderText, Role.Base), (Role.HighlightedText, Role.Highlight),
              (Role.ToolTipText, Role.ToolTipBase), (Role.Link, Role.Base), (Role.Text, Role.AlternateBase))


def scheme_palette(name: str) -> QPalette:
    palette = QPalette()
    for role, colour in _SCHEME_COLOURS[name].items():
        palette.setColor(role, QColor(colour))
    disabled = QColor(_SCHEME_COLOURS[name][Role.PlaceholderText])
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def apply_scheme(name: str) -> None:
    """Use one of the reference palettes ("light", "dark", "high contrast"); "" follows the system."""
    app = QGuiApplication.instance()
    app.setPalette(scheme_palette(name) if name else QPalette())


def scheme_of(palette: QPalette | None = None) -> str:
    """Which of the three variants suits ``palette`` (the application's by default): light on a
    light window; on a dark one, high contrast when its text is near white on near black (or the
    system asks for more contrast), else dark. Black on white takes the light inks, which read there."""
    palette = palette or QGuiApplication.palette()
    window = palette.color(Role.Window).name()
    if not is_dark(window):
        return "light"
    text = palette.color(Role.WindowText).name()
    return "high contrast" if contrast_ratio(text, window) >= 19 or _system_wants_contrast() else "dark"


def _system_wants_contrast() -> bool:
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)  # Qt 6.10 and later
    return accessibility is not None and accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast


def ink(role: str, palette: QPalette | None = None) -> QColor:
    """The ``role``'s colour for the palette it is drawn on."""
    light, dark, high = INKS[role]
    return QColor({"light": light, "dark": dark, "high contrast": high}[scheme_of(palette)])


def timer_ink(phase: str, palette: QPalette | None = None) -> QColor:
    role = TIMER_ROLES.get(phase)
    return ink(role, palette) if role else (palette or QGuiApplication.palette()).color(Role.WindowText)


def readable(colour: str, palette: QPalette | None = None, ratio: float = AA_TEXT) -> QColor:
    """``colour`` (a domain's, say) mixed toward the window's text colour until it reads on the window."""
    palette = palette or QGuiApplication.palette()
    window = palette.color(Role.Window).name()
    toward = QColor(palette.color(Role.WindowText))
    start = QColor(colour)
    for step in range(0, 21):
        mixed = QColor.fromRgbF(*(a + (b - a) * step / 20 for a, b in zip(
            (start.redF(), start.greenF(), start.blueF()), (toward.redF(), toward.greenF(), toward.blueF()))))
        if contrast_ratio(mixed.name(), window) >= ratio:
            return mixed
    return toward


def tint(widget, role: str, *, bold: bool = False) -> None:
    """Draw ``widget``'s text in the ``role``'s ink for the palette it is on (a label saying why
    something was refused, a muted count)."""
    sheet = f"color: {ink(role, widget.palette()).name()};" + (" font-weight: bold;" if bold else "")
    if widget.styleSheet() != sheet:  # restyling costs more than a comparison
        widget.setStyleSheet(sheet)
