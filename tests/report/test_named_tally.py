"""A named show of hands in the appendix: who placed which dots, once revealed, and a heading
that says "counted by the facilitator" once."""

import re

import pytest

from collabdesk.report.html import render_html
from collabdesk.report.markdown import render_markdown
from collabdesk.report.pdf import write_pdf
from collabdesk.report.summary import build_summary
from collabdesk.services import notes, voting, workshops

from . import builders
from .pdf_text import body_text, squash

AMARA = "Amara Okafor: Note 1 (1 dot), Note 2 (2 dots)"  # Note 1, with 4 dots, is "Share one record"
DEV = "Dev Raman: Note 1 (3 dots)"


def _named_hands(store) -> str:
    """Two named shows of hands with the same hands recorded: "Hands up" revealed, "Still hidden" not."""
    workshop = workshops.create_workshop(store, title="Hands day", participants=("Amara Okafor", "Dev Raman",
                                                                                  "Farah Haddad"))
    people = {p.name: p.id for p in store.participants(workshop.id)}
    first = store.exercises(workshop.id)[0]
    one, two = (notes.add_note(store, first.id, text).id for text in ("Pool the budgets", "Share one record"))
    for title, reveal in (("Hands up", True), ("Still hidden", False)):
        round_ = voting.start_round(store, workshop.id, title=title, mode="tally", anonymous=False)
        voting.record_hands(store, round_.id, people["Amara Okafor"], {("note", one): 2, ("note", two): 1})
        voting.record_hands(store, round_.id, people["Dev Raman"], {("note", two): 3})
        if reveal:
            voting.reveal_round(store, round_.id)
    return workshop.id


@pytest.fixture(scope="module")
def hands(tmp_path_factory):
    return builders.built(tmp_path_factory.mktemp("hands"), _named_hands)


def test_a_revealed_named_show_of_hands_says_who_placed_which_dots(hands):
    revealed, hidden = build_summary(hands.content, hands.framework).rounds
    assert [(p.name, p.dots) for p in revealed.placed] == [("Amara Okafor", (("Note 1", 1), ("Note 2", 2))),
                                                          ("Dev Raman", (("Note 1", 3),))]
    assert hidden.placed == () and hidden.results == ()
    assert build_summary(hands.content, hands.framework, anonymise=True).rounds[0].placed == ()


def test_pdf_appendix_lists_each_participants_dots_and_says_counted_once(hands, tmp_path):
    path = tmp_path / "hands.pdf"
    write_pdf(hands.content, hands.framework, path)
    text = body_text(path)
    appendix = squash(text[text.rindex("Vote rounds"):])
    shown, hidden = appendix.split(squash("Still hidden"))
    assert squash("3 dots each, named show of hands · still open · Dots counted by the facilitator") in shown
    assert appendix.lower().count(squash("counted by the facilitator").lower()) == 2  # once for each round
    assert squash("Who placed which dots").upper() in shown.upper()
    assert squash(AMARA) in shown and squash(DEV) in shown
    assert "Amara" not in hidden and "Dev" not in hidden and "dots)" not in hidden


def test_markdown_and_html_appendices_list_the_same_dots(hands):
    markdown = render_markdown(hands.content, hands.framework)
    shown, hidden = markdown[markdown.index("## Appendix: vote rounds"):].split("### Still hidden")
    assert f"- **{AMARA.replace(':', '**:', 1)}" in shown and f"- **{DEV.replace(':', '**:', 1)}" in shown
    assert shown.count("counted by the facilitator") == 1 and "Amara" not in hidden
    html = render_html(hands.content, hands.framework)
    shown, hidden = re.sub("<[^>]+>", "", html[html.index('id="appendix-heading"'):]).split("Still hidden")
    assert "Who placed which dots" in shown and AMARA in shown and DEV in shown
    assert shown.count("counted by the facilitator") == 1 and "Amara" not in hidden
