"""The HTML builder: whatever a person types reads back exactly and only as text, and the
builder refuses what the reports promise never to contain."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collabdesk.report.html_kit import Markup, element, escape, user

from .html_reading import Page


@given(st.text())
def test_any_typed_text_reads_back_exactly_and_makes_no_element(text):
    page = Page(element("div", user(text), title=text))
    (outer, typed) = page.elements
    assert typed.text == text and typed.attributes["dir"] == "auto" and not typed.children
    assert outer.attributes["title"] == text


def test_markup_is_kept_and_everything_else_escaped():
    assert escape("<b>&") == "&lt;b&gt;&amp;" and escape(Markup("<b>")) == "<b>"
    assert element("p", "a < b", Markup("<br>"), 3, None, ["x", "&"]) == "<p>a &lt; b<br>3x&amp;</p>"
    assert element("td", "x", class_="num", aria_hidden="true", hidden=True, skip=None) == \
        '<td class="num" aria-hidden="true" hidden>x</td>'


@pytest.mark.parametrize("tag, attributes", [
    ("script", {}), ("img", {}), ("iframe", {}), ("link", {}), ("div", {"onclick": "x"}), ("div", {"onLoad": "x"}),
    ("span", {"src": "x"}), ("a", {"href": "http://127.0.0.1/"}), ("a", {"href": "javascript:x"}),
    ("div", {"bad name": "x"}), ("Script", {}),
])
def test_what_the_reports_never_contain_is_refused(tag, attributes):
    with pytest.raises(ValueError):
        element(tag, "x", **attributes)
