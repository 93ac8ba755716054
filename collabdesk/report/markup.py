"""User text turned into ReportLab Paragraph markup: escaped, in display order, font per run.

Everything a participant typed goes through :func:`font_markup` (or :func:`inline`), so
``<b>``, ``<img src=...>``, ``<font color=...>``, ``&amp;`` and unbalanced tags are
escaped and shown literally; the only tags in the result are the ``<font name>`` and
``<br/>`` tags written here.

Right-to-left text: ReportLab's own bidi needs ``rlbidi``, which CollabDesk does not
depend on. Instead the embedding levels of each paragraph come from python-bidi (its
complete implementation of the Unicode bidi algorithm, brackets included), and each
displayed line is reordered here (rules L1 to L4: trailing spaces, reversal, marks after
their letter, mirrored brackets). Arabic is shaped into presentation forms first
(:mod:`.arabic`). The PDF therefore holds right-to-left text in visual order, as most
PDF generators write it; a text extractor returns each line as displayed, and reading
it back needs the same algorithm (see the report tests).
"""

import re
import unicodedata

from bidi import get_display

from . import arabic, fonts

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u202b\u202e\u2067"
                  "\U00010800-\U00010fff\U0001e800-\U0001efff]")
_CJK = re.compile("[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff"
                  "\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]")
_MIRRORS = dict(zip("()[]{}<>«»‹›⟨⟩⟪⟫≤≥≪≫⁅⁆", ")(][}{><»«›‹⟩⟨⟫⟪≥≤≫≪⁆⁅"))
_LEVELS = re.compile(r"Level\(\s*(\d+),?\s*\)")


def escape(text: str) -> str:
    """Text safe inside Paragraph markup: ``&``, ``<`` and ``>`` as entities, tabs as spaces."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\t", " ")


def has_rtl(text: str) -> bool:
    return not text.isascii() and _RTL.search(text) is not None


def has_cjk(text: str) -> bool:
    return not text.isascii() and _CJK.search(text) is not None


def font_markup(text: str, bold: bool = False) -> str:
    """Escaped markup for one line of text already in display order, a ``<font>`` per fallback run."""
    base = fonts.SANS_BOLD if bold else fonts.SANS
    parts = []
    for font, chunk in fonts.runs(text, bold):
        chunk = escape(chunk)
        parts.append(chunk if font == base else f'<font name="{font}">{chunk}</font>')
    return "".join(parts)


def inline(text: str, bold: bool = False) -> str:
    """Markup for a short piece of user text set inside CollabDesk's own left-to-right markup
    (a name, a theme title, a table cell): each line is reordered as a whole, like an
    isolated run, and line breaks become ``<br/>``."""
    return "<br/>".join(font_markup(display_line(line), bold) for line in text.split("\n"))


def display_line(line: str, rtl: bool | None = None) -> str:
    """One line (no line break inside) shaped and in display order. ``rtl`` None: the
    direction of its first strong character, as the bidi algorithm's rule P2 says."""
    if not has_rtl(line):
        return line
    shaped = arabic.shape(line)
    rtl = base_is_rtl(shaped) if rtl is None else rtl
    return reorder(shaped, levels(shaped, rtl), int(rtl))


def base_is_rtl(text: str) -> bool:
    """Whether a paragraph reads right to left (rule P2: its first strong character)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("L", "R", "AL"):
            return kind != "L"
    return False


def levels(text: str, rtl: bool) -> list[int]:
    """The resolved embedding level of each character of one paragraph.

    python-bidi 0.6 exposes levels only in its debug output (one per UTF-8 byte); this
    reads them from there. Should that output change shape, every character gets the
    paragraph's own level, so text still prints, right-to-left runs simply unreversed.
    """
    debug = get_display(text, base_dir="R" if rtl else "L", debug=True)
    start = debug.find("levels: [")
    end = debug.find("paragraphs:", start)
    by_byte = [int(n) for n in _LEVELS.findall(debug[start:end])] if start >= 0 and end >= 0 else []
    if len(by_byte) != len(text.encode("utf-8")):
        return [int(rtl)] * len(text)
    result, offset = [], 0
    for char in text:
        result.append(by_byte[offset])
        offset += len(char.encode("utf-8"))
    return result


def reorder(line: str, line_levels: list[int], base_level: int) -> str:
    """Characters of one displayed line, given their levels and the paragraph's level
    (0 left to right, 1 right to left), in left-to-right display order."""
    chars = list(line)
    lv = list(line_levels)
    i = len(chars)
    while i > 0 and chars[i - 1].isspace():  # L1: trailing spaces take the paragraph's level
        i -= 1
        lv[i] = base_level
    pairs = list(zip(chars, lv))
    highest = max(lv, default=0)
    lowest_odd = min((x for x in lv if x % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):  # L2: reverse runs at or above each level
        j = 0
        while j < len(pairs):
            if pairs[j][1] >= level:
                k = j
                while k < len(pairs) and pairs[k][1] >= level:
                    k += 1
                pairs[j:k] = reversed(pairs[j:k])
                j = k
            else:
                j += 1
    out: list[str] = []
    marks: list[str] = []
    for char, level in pairs:
        if level % 2 and unicodedata.category(char) in ("Mn", "Me"):
            marks.append(char)  # L3: in reversed text a mark arrives before its letter
            continue
        out.append(_MIRRORS.get(char, char) if level % 2 else char)  # L4
        if marks:
            out.extend(reversed(marks))
            marks = []
    out.extend(reversed(marks))
    return "".join(out)
