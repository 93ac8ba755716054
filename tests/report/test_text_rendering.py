"""Fonts per run of script, right-to-left order, Arabic joining, escaping: the pieces the
PDF uses to print any text as typed."""

import io
import unicodedata

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from collabdesk.report import fonts
from collabdesk.report.arabic import shape
from collabdesk.report.flowables import BidiParagraph, plain_paragraph
from collabdesk.report.markup import display_line, escape, font_markup, inline, levels


def test_each_script_goes_to_a_font_that_has_it():
    assert fonts.runs("Latin Ελληνικά русский עברית العربية") == (
        (fonts.SANS, "Latin Ελληνικά русский עברית العربية"),)
    assert fonts.runs("中文 日本語 한국어") == ((fonts.CJK, "中文 日本語 한국어"),)
    assert fonts.runs("note 中文") == ((fonts.SANS, "note "), (fonts.CJK, "中文"))
    assert fonts.runs("\u3400") == ((fonts.CJK_EXTRA, "\u3400"),)  # CJK Extension A: only Droid has it
    assert fonts.runs("bold", bold=True) == ((fonts.SANS_BOLD, "bold"),)


def test_an_emoji_no_font_has_is_one_square_and_keeps_its_characters():
    family = "\U0001f469\u200d\U0001f469\u200d\U0001f467"
    assert fonts.runs(family) == ((fonts.SANS, "\U0001f469"), (fonts.HIDDEN, "\u200d\U0001f469\u200d\U0001f467"))
    thumbs = fonts.runs("\U0001f44d\U0001f3fd")
    assert thumbs == ((fonts.SANS, "\U0001f44d"), (fonts.HIDDEN, "\U0001f3fd"))
    face = fonts._load(fonts.SANS).face
    assert face.charToGlyph[0x1F44D] == face.charToGlyph[ord(fonts.BOX)]
    hidden = fonts._load(fonts.HIDDEN).face
    assert hidden.charWidths[0x1F3FD] == 0
    assert fonts.runs("\u263a \u2713") == ((fonts.SANS, "\u263a \u2713"),)  # DejaVu has these: drawn as they are


def test_to_unicode_map_writes_characters_beyond_the_basic_plane_as_surrogate_pairs():
    cmap = fonts._to_unicode_cmap("X", [0x41, 0x1F44D])
    assert "<00> <0041>" in cmap and "<01> <D83DDC4D>" in cmap


def test_escape_makes_every_tag_text():
    assert escape('<b>&amp;</b> <img src="x">') == '&lt;b&gt;&amp;amp;&lt;/b&gt; &lt;img src="x"&gt;'
    markup = inline("<font color=red>x</font>\n中")
    assert markup == f'&lt;font color=red&gt;x&lt;/font&gt;<br/><font name="{fonts.CJK}">中</font>'


def test_right_to_left_lines_are_reordered_with_mirrored_brackets():
    assert levels("abc שלום", False) == [0, 0, 0, 0, 1, 1, 1, 1]
    assert display_line("שלום (abc) 123") == "123 (abc) םולש"
    assert display_line("abc (שלום) 123") == "abc (םולש) 123"
    assert display_line("plain text") == "plain text"


def test_marks_follow_their_letter_after_reordering():
    bet_with_points, resh, alef = "\u05d1\u05b0\u05bc", "\u05e8", "\u05d0"
    assert display_line(bet_with_points + resh + alef) == alef + resh + bet_with_points


def test_arabic_letters_take_their_joined_forms():
    assert shape("كتاب") == "\ufedb\ufe98\ufe8e\ufe8f"  # initial kaf, medial teh, final alef, isolated beh
    assert shape("لا") == "\ufefb"  # lam-alef ligature
    for text in ("التعاون يبدأ بالثقة", "لا إله", "فارسی پ چ گ"):
        assert unicodedata.normalize("NFKC", shape(text)) == text


def test_a_long_right_to_left_paragraph_breaks_in_reading_order():
    style = ParagraphStyle("t", fontName=fonts.SANS, fontSize=10, leading=13)
    words = [f"كلمة{i}" for i in range(40)]
    paragraph = BidiParagraph(" ".join(words), style)
    width, height = paragraph.wrap(150, 1000)
    lines = paragraph._laid_out[1].text.split("<br/>")
    assert len(lines) > 3 and height == len(lines) * 13
    first_line_read = unicodedata.normalize("NFKC", lines[0][::-1])  # displayed right to left
    assert first_line_read.startswith("كلمة0 كلمة1")


PLAIN_TEXTS = ["Note 1: plain words", "  spaces   inside\tand a tab  ", "Benedikt Sørensen · Ivo Kovač — ✓",
               "a " * 200, "note 中文 mixed", "\u00a0non-breaking\u00a0space", " a\u00a0 b ",
               "form\x0cfeed\x1fand\rreturn", "\u2003em\u3000ideographic\u2028spaces"]


def test_a_plain_paragraph_is_the_one_reportlab_parses_from_the_same_markup():
    style = _style_with_indent()
    for text in PLAIN_TEXTS:
        markup = font_markup(text)
        ours, parsed = plain_paragraph(markup, style), Paragraph(markup, style)
        assert [f.__dict__ for f in ours.frags] == [f.__dict__ for f in parsed.frags], text
        assert ours.text == parsed.text and ours.getPlainText() == parsed.getPlainText()
        assert ours.wrap(180, 1000) == parsed.wrap(180, 1000)
        assert _drawn(ours) == _drawn(parsed), text


def _drawn(paragraph) -> list[str]:
    """The PDF operators a paragraph draws."""
    canvas = Canvas(io.BytesIO())
    paragraph.drawOn(canvas, 20, 20)
    return canvas._code


def test_markup_with_a_tag_or_an_entity_is_parsed_and_keeps_its_pieces():
    style = _style_with_indent()
    paragraph = plain_paragraph(font_markup("<b>not bold</b> & more 中"), style)
    assert paragraph.getPlainText() == "<b>not bold</b> & more 中"
    assert {f.fontName for f in paragraph.frags} == {fonts.SANS, fonts.CJK}


def _style_with_indent():
    fonts.register()
    return ParagraphStyle("plain", fontName=fonts.SANS, fontSize=10, leading=13, leftIndent=12)
