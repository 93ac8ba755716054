"""How well text reads on its background: the WCAG 2 contrast ratio, without Qt.

The UI picks its inks from light/dark/high-contrast pairs and the tests check every pair
with :func:`contrast_ratio`; colours are ``#rrggbb`` strings (an alpha-blended ink is
first blended onto its background with :func:`blend`).
"""

AA_TEXT = 4.5  # body text
AA_LARGE = 3.0  # text of 18 pt, or 14 pt bold, and larger


def _channels(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return tuple(int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))


def relative_luminance(colour: str) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(ink: str, background: str) -> float:
    """From 1 (the same colour) to 21 (black on white); the order of the two does not matter."""
    a, b = sorted((relative_luminance(ink), relative_luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def blend(ink: str, background: str, alpha: float) -> str:
    """``ink`` drawn at ``alpha`` (0..1) over ``background``, as the eye sees it."""
    mixed = (round((alpha * i + (1 - alpha) * b) * 255) for i, b in zip(_channels(ink), _channels(background)))
    return "#{:02x}{:02x}{:02x}".format(*mixed)


def is_dark(background: str) -> bool:
    """Whether light text reads better than dark text on ``background``."""
    return contrast_ratio("#ffffff", background) > contrast_ratio("#000000", background)
