"""Colours for the HTML report: domain colours made readable, never trusted as typed.

A framework's domain colour is whatever someone put in its file, so it is parsed as
``#rrggbb`` (anything else becomes a neutral grey) and written back from numbers. Text in
a domain's colour is darkened until it reaches WCAG's 4.5:1 contrast on the page.
"""

import re

from ..domain.contrast import contrast_ratio

_HEX = re.compile(r"#?([0-9a-fA-F]{6})\Z")
NEUTRAL = (0x66, 0x71, 0x7C)
PAGE = (0xFF, 0xFF, 0xFF)
TEXT_CONTRAST = 4.5  # WCAG 2.2, 1.4.3 (normal text)
GRAPHIC_CONTRAST = 3.0  # WCAG 2.2, 1.4.11 (parts of graphics)

RGB = tuple[int, int, int]


def parse(value: str) -> RGB:
    found = _HEX.match(value.strip()) if isinstance(value, str) else None
    if not found:
        return NEUTRAL
    digits = found.group(1)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def css(rgb: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def contrast(a: RGB, b: RGB) -> float:
    return contrast_ratio(css(a), css(b))


def darkened(rgb: RGB, *, against: RGB = PAGE, ratio: float = TEXT_CONTRAST) -> RGB:
    """``rgb``, mixed with black just enough to reach ``ratio`` against ``against``."""
    for step in range(0, 101):
        keep = 1 - step / 100
        candidate = tuple(round(v * keep) for v in rgb)
        if contrast(candidate, against) >= ratio:
            return candidate
    return (0, 0, 0)


def tinted(rgb: RGB, strength: float) -> RGB:
    """``rgb`` mixed with white: 1.0 is the colour itself, 0.0 is white (as the PDF's tints)."""
    return tuple(round(255 - (255 - v) * strength) for v in rgb)


def domain_text(value: str) -> str:
    """A domain's colour as CSS, dark enough for text on the page."""
    return css(darkened(parse(value)))


def domain_graphic(value: str) -> str:
    """A domain's colour as CSS, strong enough for a bar or swatch to stand out from the page."""
    return css(darkened(parse(value), ratio=GRAPHIC_CONTRAST))


def domain_tint(value: str, strength: float) -> str:
    return css(tinted(parse(value), strength))
