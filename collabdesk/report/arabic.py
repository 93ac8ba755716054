"""Arabic letters joined the way they are written, as Unicode presentation forms.

ReportLab can shape with HarfBuzz, but only as part of its own bidi pass (which needs
``rlbidi``); handed text that is already in visual order, HarfBuzz reverses it again and
joins each letter to the wrong neighbour. So CollabDesk shapes Arabic itself before
reordering: each letter becomes its isolated, initial, medial or final presentation form
(and lam + alef its ligature), which DejaVu Sans draws. The tables come from the Unicode
data Python ships (the ``<initial> 0628`` decompositions of the presentation forms), so
no letter list is typed by hand. Presentation forms fold back to the plain letters under
NFKC, which is how the tests compare what a PDF reader extracts.
"""

import unicodedata
from functools import cache

from . import fonts

_FORMS = ("isolated", "final", "initial", "medial")
_TATWEEL, _ZWJ = "\u0640", "\u200d"
_LAM = "\u0644"


@cache
def _tables() -> tuple[dict[str, dict[str, str]], dict[tuple[str, str], str]]:
    """(letter -> {form: presentation character}, (form, alef) -> lam-alef ligature),
    keeping only the presentation forms DejaVu Sans can draw."""
    forms: dict[str, dict[str, str]] = {}
    ligatures: dict[tuple[str, str], str] = {}
    for start, end in ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF)):
        for code in range(start, end + 1):
            parts = unicodedata.decomposition(chr(code)).split()
            if len(parts) < 2 or not fonts.covers(fonts.SANS, chr(code)) or parts[0].strip("<>") not in _FORMS:
                continue
            form = parts[0].strip("<>")
            letters = "".join(chr(int(p, 16)) for p in parts[1:])
            if len(letters) == 1:
                forms.setdefault(letters, {}).setdefault(form, chr(code))
            elif len(letters) == 2 and letters[0] == _LAM and form in ("isolated", "final"):
                ligatures.setdefault((form, letters[1]), chr(code))
    return forms, ligatures


def _joining(char: str) -> str:
    """"D" joins both sides, "R" only to the letter before it, "C" causes joining,
    "T" is transparent (marks), "U" does not join."""
    forms, _ = _tables()
    if char in (_TATWEEL, _ZWJ):
        return "C"
    if unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return "T"
    shapes = forms.get(char)
    if not shapes:
        return "U"
    return "D" if "initial" in shapes or "medial" in shapes else "R"


def has_arabic(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" for c in text)


def shape(text: str) -> str:
    """``text`` in logical order with Arabic letters replaced by their joined forms."""
    if not has_arabic(text):
        return text
    forms, ligatures = _tables()
    types = [_joining(c) for c in text]
    out = []
    i = 0
    while i < len(text):
        char, kind = text[i], types[i]
        if kind not in ("D", "R"):
            out.append(char)
            i += 1
            continue
        before = _neighbour(types, i, -1)
        joins_before = before is not None and types[before] in ("D", "C")
        after = _neighbour(types, i, +1)
        if char == _LAM and i + 1 < len(text):
            ligature = ligatures.get(("final" if joins_before else "isolated", text[i + 1]))
            if ligature:
                out.append(ligature)
                i += 2
                continue
        joins_after = kind == "D" and after is not None and types[after] in ("D", "R", "C")
        form = {(False, False): "isolated", (True, False): "final",
                (False, True): "initial", (True, True): "medial"}[(joins_before, joins_after)]
        shapes = forms[char]
        out.append(shapes.get(form) or shapes.get("isolated") or char)
        i += 1
    return "".join(out)


def _neighbour(types: list[str], i: int, step: int) -> int | None:
    """The nearest letter before or after ``i``, skipping transparent marks."""
    j = i + step
    while 0 <= j < len(types) and types[j] == "T":
        j += step
    return j if 0 <= j < len(types) else None
