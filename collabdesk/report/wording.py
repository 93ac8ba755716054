"""Phrases every report format words the same way (no ReportLab here, so the HTML and
Markdown writers can use them without loading it)."""

EXCERPT_LIMIT = 280  # characters of a note shown among priorities and vote results; its section has it whole


def dots(count: int) -> str:
    return f"{count} dot" if count == 1 else f"{count} dots"


def counted(number: int, noun: str) -> str:
    """``1 note``, ``2,400 notes``."""
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"


def excerpt(text: str) -> str:
    """A note as priorities and vote results show it: whole up to :data:`EXCERPT_LIMIT`, else cut with "…"."""
    return text if len(text) <= EXCERPT_LIMIT else text[:EXCERPT_LIMIT].rstrip() + "…"


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    end = text.find(". ")
    return text[:end + 1] if end >= 0 else text


def placed(dots_by_item: tuple[tuple[str, int], ...]) -> str:
    """One participant's dots in a named round: ``Note 3 (2 dots), theme “Housing” (1 dot)``."""
    return ", ".join(f"{what} ({dots(count)})" for what, count in dots_by_item)
