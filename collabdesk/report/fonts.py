"""The bundled fonts, and how a string is split into runs that each font can draw.

ReportLab draws every character of a run with one font and does not fall back: a
character the font lacks becomes an empty box in the drawing and is lost from the text
layer. So each string is cut into runs by coverage, trying in order

1. DejaVu Sans (regular or bold): Latin, Greek, Cyrillic, Hebrew, Arabic and its
   presentation forms, many symbols and a few monochrome emoji;
2. WenQuanYi Micro Hei: Chinese, Japanese kana, Korean Hangul;
3. Droid Sans Fallback: the CJK Extension A ideographs and Bopomofo Micro Hei lacks.

The CJK fonts are large, so they are loaded the first time a string needs them.

A character no font has (colour emoji, most pictographs, scripts outside the list) is
drawn deliberately as a white square "□" from DejaVu, and its invisible companions
(skin-tone modifiers, variation selectors, the rest of a zero-width-joiner sequence such
as a family emoji) take no space, so "👩‍👩‍👧" is one square, not five. The PDF's text
layer still holds the original characters, so search and copy give back what was typed.
This is done by mapping those code points onto the square's glyph (or an empty
zero-width glyph) in the font's character map, so the subset written to the PDF carries
a ToUnicode entry for each of them.
"""

import re
import threading
import unicodedata
from functools import lru_cache, cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts

from ..resource_files import resource_path

SANS = "CollabDeskSans"
SANS_BOLD = "CollabDeskSans-Bold"
CJK = "CollabDeskCJK"
CJK_EXTRA = "CollabDeskCJK-Extra"
HIDDEN = "CollabDeskHidden"  # draws nothing: the tail of an emoji sequence already shown as one square

BOX = "\u25a1"  # WHITE SQUARE, drawn for characters no bundled font has
_ZERO_WIDTH = "\u200d"  # DejaVu's ZERO WIDTH JOINER glyph: empty and zero-width
_JOINER = 0x200D
_INVISIBLE_CATEGORIES = {"Mn", "Me", "Cf", "Sk"}  # marks, format characters, modifiers (skin tones)
_STICKY_CATEGORIES = {"Zs", "Mn", "Me", "Cf"}  # spaces and marks stay in the run they follow

_FILES = {
    SANS: ("DejaVuSans.ttf", 0),
    SANS_BOLD: ("DejaVuSans-Bold.ttf", 0),
    CJK: ("wqy-microhei.ttc", 0),
    CJK_EXTRA: ("DroidSansFallbackFull.ttf", 0),
    HIDDEN: ("DejaVuSans.ttf", 0),
}
_FALLBACKS = (CJK, CJK_EXTRA)

_lock = threading.RLock()
_loaded: dict[str, ttfonts.TTFont] = {}
_boxed: set[int] = set()  # code points drawn as the square


def register() -> None:
    """Register the two DejaVu faces (and fix ReportLab's ToUnicode maps); safe to call often."""
    if SANS_BOLD in _loaded:
        return
    with _lock:
        if SANS_BOLD in _loaded:
            return
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        _load(SANS)
        _load(SANS_BOLD)
        pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD)


def _load(name: str) -> ttfonts.TTFont:
    font = _loaded.get(name)
    if font is None:
        filename, index = _FILES[name]
        font = ttfonts.TTFont(name, str(resource_path("fonts", filename)), subfontIndex=index)
        if name == HIDDEN:
            # The PDF names a font subset after its face; a second DejaVu would share the
            # name (and ToUnicode map) of the first and overwrite it.
            font.face.name = HIDDEN.encode("ascii")
        pdfmetrics.registerFont(font)
        if name in (CJK, CJK_EXTRA, HIDDEN):  # no bold face: <b> around these runs keeps the same font
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(name, bold, italic, name)
        _loaded[name] = font
    return font


def covers(name: str, char: str) -> bool:
    return ord(char) in _load(name).face.charToGlyph


@lru_cache(maxsize=4096)
def runs(text: str, bold: bool = False) -> tuple[tuple[str, str], ...]:
    """``text`` cut into ``(font name, chunk)`` runs, each drawable by its font."""
    register()
    base = SANS_BOLD if bold else SANS
    if not text:
        return ()
    if text.isascii() or _all_in(base).fullmatch(text):  # the common case: one run
        return ((base, text),)
    with _lock:
        return tuple(_split(text, base))


@cache
def _all_in(name: str) -> re.Pattern:
    """A pattern matching text made only of characters font ``name`` has (as loaded)."""
    codes = sorted(c for c in _load(name).face.charToGlyph if c > 0x20 and c != 0x7F)
    ranges, start, previous = [], codes[0], codes[0]
    for code in codes[1:]:
        if code != previous + 1:
            ranges.append((start, previous))
            start = code
        previous = code
    ranges.append((start, previous))
    return re.compile(" *(?:[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "] *)*")


def _split(text: str, base: str) -> list[tuple[str, str]]:
    chunks: list[tuple[str, str]] = []
    current = base
    in_box = False  # inside an emoji cluster already drawn as one square
    after_joiner = False
    for char in text:
        code = ord(char)
        category = unicodedata.category(char)
        if in_box and (after_joiner or category in _INVISIBLE_CATEGORIES):
            font = _hide(char)
        else:
            font = _font_for(char, category, base, current if current != HIDDEN else base)
            in_box = code in _boxed
        after_joiner = code == _JOINER
        if chunks and chunks[-1][0] == font:
            chunks[-1] = (font, chunks[-1][1] + char)
        else:
            chunks.append((font, char))
        current = font
    return chunks


def _font_for(char: str, category: str, base: str, current: str) -> str:
    if category in _STICKY_CATEGORIES and covers(current, char):
        return current  # a space or mark stays with the run it belongs to
    if covers(base, char):
        return base
    for fallback in _FALLBACKS:
        if covers(fallback, char):
            return fallback
    invisible = category in _INVISIBLE_CATEGORIES
    _draw_as(base, ord(char), _ZERO_WIDTH if invisible else BOX)
    if not invisible:
        _boxed.add(ord(char))
    return base


def _hide(char: str) -> str:
    _draw_as(HIDDEN, ord(char), _ZERO_WIDTH)
    return HIDDEN


def _draw_as(name: str, code: int, stand_in: str) -> None:
    """Make font ``name`` draw code point ``code`` with the glyph of ``stand_in``.

    Both DejaVu faces get the same stand-in, so a character looks the same in bold.
    """
    names = (SANS, SANS_BOLD) if name in (SANS, SANS_BOLD) else (name,)
    for each in names:
        face = _load(each).face
        glyph = face.charToGlyph[ord(stand_in)]
        face.charToGlyph[code] = glyph
        face.charWidths[code] = face.charWidths[ord(stand_in)]


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with code points above U+FFFF written as UTF-16 pairs.

    ReportLab 5.1 writes them as five hex digits, which PDF readers reject, so text
    extraction and copying lose them. Output for other code points is unchanged.
    """
    def utf16(code: int) -> str:
        return "".join(f"{unit:04X}" for unit in _utf16_units(code))

    return "\n".join([
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{utf16(v)}>" for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ])


def _utf16_units(code: int) -> tuple[int, ...]:
    if code < 0x10000:
        return (code,)
    code -= 0x10000
    return (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF))
