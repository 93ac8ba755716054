"""Markdown and CSV: same structure as the PDF, user text escaped for each format."""

import csv
import io

from collabdesk.report.csv_export import COLUMNS, render_csv, safe_cell
from collabdesk.report.markdown import escape, render_markdown

from .builders import PEOPLE


def _unescape_markdown(text: str) -> str:
    """What a Markdown renderer shows for escaped text (enough for the characters escape() touches)."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append(text[i + 1])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out).replace("<br>", "\n").replace("&lt;", "<").replace("&amp;", "&")


def test_markdown_escape_keeps_markup_literal():
    for text in ["<b>x</b> & &amp;", '<img src="http://x/y.png">', "# heading\n- item\n1. one\n> quote",
                 "*a* _b_ `c` [d](e) | f ~g~ !h \\ i"]:
        escaped = escape(text)
        assert "<" not in escaped.replace("<br>", "")
        assert "\n" not in escaped
        assert _unescape_markdown(escaped) == text


def test_markdown_holds_every_note_action_and_title(adversarial):
    text = render_markdown(adversarial.content, adversarial.framework)
    assert "<img" not in text and "<b>" not in text and "<para>" not in text
    for note in adversarial.content.notes:
        assert escape(note.text) in text
    for action in adversarial.content.actions:
        assert escape(action.text) in text
    assert text.startswith("# " + escape(adversarial.content.workshop.title) + "\n")
    assert "skipped: not run" in text  # the empty exercise never ran


def test_markdown_follows_the_pdf_order(realistic):
    text = render_markdown(realistic.content, realistic.framework)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["## At a glance", "## 1. Head", "## 2. Heart", "## 3. Bones", "## 4. Limbs",
                        "## 5. Blood", "## Actions", "## Appendix: every note", "## Appendix: vote rounds"]


def test_anonymised_markdown_names_nobody(realistic):
    text = render_markdown(realistic.content, realistic.framework, anonymise=True)
    assert not [name for name in PEOPLE + ("Rosa Lindqvist",) if name in text]
    assert "Finance lead" in text  # roles stay


def _rows(text: str) -> list[dict]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_csv_has_a_row_per_note_and_action_as_typed(adversarial):
    rows = _rows(render_csv(adversarial.content, adversarial.framework))
    assert list(rows[0]) == list(COLUMNS)
    notes = [r for r in rows if r["record"] == "note"]
    assert sorted(r["text"] for r in notes) == sorted(safe_cell(n.text) for n in adversarial.content.notes)
    actions = [r for r in rows if r["record"] == "action"]
    assert [r["text"] for r in actions] == [safe_cell(a.text) for a in adversarial.content.actions]
    long_note = max(notes, key=lambda r: len(r["text"]))
    assert len(long_note["text"]) == 10_000


def test_csv_cells_never_start_a_formula(adversarial):
    rows = _rows(render_csv(adversarial.content, adversarial.framework))
    cells = [value for row in rows for value in row.values()]
    assert "'=SUM(A1:A9) looks like a formula" in cells
    assert "'+owner" in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]


def test_safe_cell_leaves_ordinary_text_and_numbers_alone():
    assert safe_cell("a = b") == "a = b"
    assert safe_cell(-3) == -3
    assert safe_cell("@mention") == "'@mention"


def test_anonymised_csv_names_nobody(realistic):
    text = render_csv(realistic.content, realistic.framework, anonymise=True)
    assert not [name for name in PEOPLE + ("Rosa Lindqvist",) if name in text]
    named = render_csv(realistic.content, realistic.framework)
    assert "Amara Okafor" in named
