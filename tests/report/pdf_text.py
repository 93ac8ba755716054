"""Reading a summary PDF back the way a reader's tools would, for the tests.

Comparisons are made on "squashed" text: NFKC-normalised (Arabic is printed in its
presentation forms, which NFKC folds back to the letters typed) with all whitespace
removed (line breaks fall between words, or inside long words and CJK runs).

Right-to-left text is written in display order. pypdf turns it back into reading order
by reversing each run of right-to-left characters, which is exact for a line in one
direction (every Arabic and Hebrew sentence of the tests). For a line that mixes
directions around brackets or numbers its simple rule differs from the Unicode
algorithm (brackets and punctuation at a run's edge move to its other side), so for
such text :func:`contains` checks each word, without its leading or trailing
punctuation, instead of the whole string.
"""

import re
import unicodedata
from pathlib import Path

import pypdf

FOOTER = "Workshop summary made with CollabDesk"
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_LTR_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")


def squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def body_text(path: Path) -> str:
    """Every page's text without the running header and footer (drawn first on each page,
    ending with the footer's right-hand words)."""
    reader = pypdf.PdfReader(path)
    return "\n".join(page.extract_text().split(FOOTER, 1)[-1] for page in reader.pages)


def mixes_directions(text: str) -> bool:
    return bool(_RTL.search(text)) and bool(_LTR_LETTER.search(text) or re.search(r"\d", text))


def contains(squashed_pdf: str, text: str) -> bool:
    if squash(text) in squashed_pdf:
        return True
    if not mixes_directions(text):
        return False
    words = [squash(_without_edge_punctuation(w)) for w in text.split()]
    return all(w in squashed_pdf for w in words if w)


def _without_edge_punctuation(word: str) -> str:
    chars = list(word)
    while chars and unicodedata.category(chars[0]).startswith("P"):
        chars.pop(0)
    while chars and unicodedata.category(chars[-1]).startswith("P"):
        chars.pop()
    return "".join(chars)
