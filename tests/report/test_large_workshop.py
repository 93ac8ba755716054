"""A workshop with 2,000 notes: every note printed, in every format, built once for the module."""

import re
from collections import Counter

import pypdf
import pytest

from collabdesk.report.csv_export import render_csv
from collabdesk.report.markdown import render_markdown
from collabdesk.report.pdf import write_pdf

from . import builders
from .pdf_text import body_text, squash

COUNT = 2_000


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    return builders.built(tmp_path_factory.mktemp("large"), builders.bulk_workshop, COUNT)


def test_every_one_of_2000_notes_is_in_the_pdf(large, tmp_path):
    path = tmp_path / "large.pdf"
    write_pdf(large.content, large.framework, path)
    text = squash(body_text(path))
    assert len(large.content.notes) == COUNT
    expected = {squash(n.text).split(":", 1)[0]: squash(n.text) for n in large.content.notes}  # "Note17" -> text
    printed = Counter(m.group(1) for m in re.finditer(r"(Note\d+):", text)
                      if text.startswith(expected.get(m.group(1), "\0"), m.start()))
    assert [key for key in expected if printed[key] < 2] == []  # each in its section and in the appendix
    assert len(pypdf.PdfReader(path).pages) > 50


def test_every_one_of_2000_notes_is_in_markdown_and_csv(large):
    markdown = render_markdown(large.content, large.framework)
    rows = render_csv(large.content, large.framework).splitlines()
    assert len(rows) == COUNT + 2  # the header, a row per note, the vote round
    assert all(n.text in markdown for n in large.content.notes)
