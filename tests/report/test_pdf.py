"""The PDF summary read back: everything typed is there as typed, in any script; fonts are
embedded; options work; the same workshop gives the same bytes."""

import pypdf
import pytest
from reportlab.lib.pagesizes import A4, LETTER

from collabdesk.report import pdf
from collabdesk.report.summary import build_summary

from .builders import PEOPLE
from .html_reading import pdf_outline
from .pdf_text import body_text, contains, squash

FACILITATORS = ("Rosa Lindqvist", "Zoë <Facilitator> Ångström")


@pytest.fixture(scope="module")
def adversarial_pdf(adversarial, tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "adversarial.pdf"
    pdf.write_pdf(adversarial.content, adversarial.framework, path)
    return path


@pytest.fixture(scope="module")
def adversarial_text(adversarial_pdf):
    return squash(body_text(adversarial_pdf))


def _names_in(path, names) -> list[str]:
    """Names found anywhere in the file: raw bytes (UTF-8, UTF-16), every inflated stream,
    the extracted text, the metadata and the outline."""
    raw = path.read_bytes()
    reader = pypdf.PdfReader(path)
    streams = b"".join(obj.get_data() for obj in _objects(reader) if isinstance(obj, pypdf.generic.StreamObject))
    text = squash(body_text(path))
    metadata = " ".join(str(v) for v in (reader.metadata or {}).values())
    outline = " ".join(item.title for item in _flatten(reader.outline))
    found = []
    for name in names:
        encodings = [name.encode("utf-8"), name.encode("utf-16-be"), name.encode("latin-1", "replace")]
        if (any(e in raw or e in streams for e in encodings) or squash(name) in text
                or name in metadata or name in outline):
            found.append(name)
    return found


def _objects(reader):
    for generation, numbers in reader.xref.items():
        for number in numbers:
            yield reader.get_object(pypdf.generic.IndirectObject(number, generation, reader))


def _flatten(outline):
    for item in outline:
        if isinstance(item, list):
            yield from _flatten(item)
        else:
            yield item


def test_every_note_quote_action_and_title_is_printed_as_typed(adversarial, adversarial_text):
    content = adversarial.content
    missing = [n.text[:60] for n in content.notes if not contains(adversarial_text, n.text)]
    missing += [a.text for a in content.actions if not contains(adversarial_text, a.text)]
    missing += [t for t in (content.workshop.title, content.workshop.purpose, content.workshop.location)
                if not contains(adversarial_text, t)]
    missing += [t.title for t in content.themes if not contains(adversarial_text, t.title)]
    missing += [e.title for e in content.exercises if not contains(adversarial_text, e.title)]
    assert missing == []
    assert len(max(content.notes, key=lambda n: len(n.text)).text) == 10_000


def test_markup_prints_literally_and_nothing_is_fetched(adversarial, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the export tried to open a file or URL")

    monkeypatch.setattr("reportlab.lib.utils.open_for_read", refuse)
    monkeypatch.setattr("urllib.request.urlopen", refuse)
    path = tmp_path / "markup.pdf"
    pdf.write_pdf(adversarial.content, adversarial.framework, path)
    text = squash(body_text(path))
    for literal in ('<img src="http://127.0.0.1:9/tracker.png"/>', '<font color="red">not red</font>',
                    "<para>a paragraph tag</para>", "&amp; &lt;escaped&gt;", "an unbalanced <b>tag"):
        assert squash(literal) in text
    reader = pypdf.PdfReader(path)
    for page in reader.pages:
        assert "/XObject" not in page["/Resources"] or all(
            x.get_object()["/Subtype"] != "/Image" for x in page["/Resources"]["/XObject"].values())


def test_every_font_is_embedded(adversarial_pdf):
    reader = pypdf.PdfReader(adversarial_pdf)
    seen = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            seen.add(str(font["/BaseFont"]))
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
    assert any("DejaVuSans" in name for name in seen)
    assert any("WenQuanYiMicroHei" in name for name in seen)  # the CJK notes used the fallback


def test_anonymised_pdf_names_no_participant_anywhere(realistic, tmp_path):
    path = tmp_path / "anonymous.pdf"
    pdf.write_pdf(realistic.content, realistic.framework, path, anonymise=True)
    assert _names_in(path, PEOPLE + FACILITATORS) == []
    assert pypdf.PdfReader(path).metadata.author == "CollabDesk"


def test_named_pdf_names_authors_and_facilitator(realistic, tmp_path):
    path = tmp_path / "named.pdf"
    pdf.write_pdf(realistic.content, realistic.framework, path)
    assert {"Dev Raman", "Gideon Levi", "Rosa Lindqvist"} <= set(_names_in(path, PEOPLE + FACILITATORS))
    assert pypdf.PdfReader(path).metadata.author == "Rosa Lindqvist"


def test_same_workshop_and_options_give_identical_bytes(realistic, adversarial, adversarial_pdf, tmp_path):
    again = tmp_path / "again.pdf"  # fallback fonts and emoji squares were set up by the first export
    pdf.write_pdf(adversarial.content, adversarial.framework, again)
    assert again.read_bytes() == adversarial_pdf.read_bytes()
    first, second, letter = tmp_path / "1.pdf", tmp_path / "2.pdf", tmp_path / "3.pdf"
    pdf.write_pdf(realistic.content, realistic.framework, first)
    pdf.write_pdf(realistic.content, realistic.framework, second)
    pdf.write_pdf(realistic.content, realistic.framework, letter, pagesize="letter")
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() != letter.read_bytes()


def test_page_size_option(realistic, tmp_path):
    for name, size in (("A4", A4), ("letter", LETTER)):
        path = tmp_path / f"{name}.pdf"
        pdf.write_pdf(realistic.content, realistic.framework, path, pagesize=name)
        box = pypdf.PdfReader(path).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (round(size[0]), round(size[1]))
    with pytest.raises(ValueError):
        pdf.write_pdf(realistic.content, realistic.framework, tmp_path / "x.pdf", pagesize="A5")


def test_appendix_can_be_left_out(realistic, tmp_path):
    full, short = tmp_path / "full.pdf", tmp_path / "short.pdf"
    pdf.write_pdf(realistic.content, realistic.framework, full)
    pdf.write_pdf(realistic.content, realistic.framework, short, appendix=False)
    assert "Vote rounds" in body_text(full) and "Vote rounds" not in body_text(short)
    assert len(pypdf.PdfReader(short).pages) < len(pypdf.PdfReader(full).pages)


def test_metadata_outline_and_page_numbers(realistic, tmp_path):
    path = tmp_path / "summary.pdf"
    pdf.write_pdf(realistic.content, realistic.framework, path)
    reader = pypdf.PdfReader(path)
    meta = reader.metadata
    assert meta.title == "Joining up care in Northfield"
    assert "Five domains of collaboration" in meta.subject and "14 March 2025" in meta.subject
    assert "Heart" in meta["/Keywords"]
    outline = pdf_outline(path)
    assert [title for title, level in outline if level == 0] == [
        "Cover", "At a glance", "1. Head", "2. Heart", "3. Bones", "4. Limbs", "5. Blood", "Actions", "Appendix"]
    assert ("Top priorities", 1) in outline and ("Money that pulls apart", 1) in outline  # every heading
    assert [title for title, level in outline if level == 1][-2:] == ["Every note", "Vote rounds"]
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en" and catalog["/PageMode"] == "/UseOutlines"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"]  # a reader shows the title, not the file name
    pages = len(reader.pages)
    assert f"Page 2 of\n{pages}" in reader.pages[1].extract_text()
    assert f"Page {pages} of\n{pages}" in reader.pages[-1].extract_text()


def test_sections_show_priorities_quotes_with_roles_and_actions(realistic, tmp_path):
    path = tmp_path / "summary.pdf"
    pdf.write_pdf(realistic.content, realistic.framework, path)
    text = squash(body_text(path))
    summary = build_summary(realistic.content, realistic.framework)
    assert squash("Money that pulls apart") in text
    assert squash("— Dev Raman, Finance lead") in text
    assert squash("— Participant") in text  # an unattributed quote shows its role only
    for action in summary.actions:
        assert squash(action.text) in text
    assert squash("Nothing was written down during this exercise.") in text  # Blood is empty


def test_workshop_without_votes_exports(unvoted, tmp_path):
    path = tmp_path / "unvoted.pdf"
    pdf.write_pdf(unvoted.content, unvoted.framework, path)
    text = squash(body_text(path))
    assert squash("No votes were cast, so no priorities were ranked.") in text
    assert squash("No vote rounds were held.") in text


def test_progress_rises_to_one(realistic, tmp_path):
    seen = []
    pdf.write_pdf(realistic.content, realistic.framework, tmp_path / "p.pdf", progress=seen.append)
    assert seen[-1] == 1.0
    assert seen == sorted(seen) and len(seen) > 3
