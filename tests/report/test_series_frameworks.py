"""A series whose workshops ran under different frameworks: each workshop is reported under
its own framework's domains, even where two frameworks use the same domain key."""

import pypdf
import pytest

from collabdesk.domain.model import Domain, Framework
from collabdesk.report import colours
from collabdesk.report.series import build_series, render_series_markdown, write_series_pdf
from collabdesk.report.series_html import write_series_html
from collabdesk.services import frameworks, health, library, notes, workshops
from collabdesk.store import Store

from .pdf_text import squash

RIVAL = Framework(key="rival-compass", name="Rival compass", domains=(
    Domain(key="heart", name="Courage", colour="#1B6E8A"), Domain(key="north", name="North star", colour="#6A5ACD")))
RIVAL_NOTE = "We speak up in the partnership board"
FIVE_NOTE = "Residents trust the ward team with their stories"


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """A series of a Rival compass workshop, then a five-domain one, each with a note under "heart"
    and a revealed show of hands rating "heart" (1 in the first, 5 in the second)."""
    with Store(tmp_path_factory.mktemp("mixed") / "mixed.sqlite") as store:
        frameworks.save_framework(store, RIVAL)
        rival = workshops.create_workshop(store, title="Compass day", date="2025-02-01", framework_key=RIVAL.key,
                                          participant_count=3)
        five = workshops.create_workshop(store, title="Five domains day", date="2025-03-01", participant_count=3)
        for workshop, text, score in ((rival, RIVAL_NOTE, 1), (five, FIVE_NOTE, 5)):
            heart = next(e for e in store.exercises(workshop.id) if e.domain_key == "heart")
            notes.add_note(store, heart.id, text)
            check = health.start_check(store, workshop.id, title="Closing check", mode="tally")
            health.set_tally(store, check.id, "heart", score, 2)
            health.reveal(store, check.id)
        made = library.create_series(store, "Mixed frameworks")
        library.add_to_series(store, [rival.id, five.id], made.id)
        return library.series_report_input(store, made.id)


def _five_heart() -> Domain:
    return frameworks.builtin_frameworks()[[f.key for f in frameworks.builtin_frameworks()].index(
        "five-domains")].domain("heart")


def test_each_workshop_is_reported_under_its_own_frameworks_domains(mixed):
    series = build_series(mixed.contents, mixed.framework, mixed.title, frameworks=mixed.frameworks)
    assert [f.name for f in series.frameworks] == ["Rival compass", "Five domains of collaboration"]
    hearts = [p for p in series.domains if p.domain.key == "heart"]
    assert [(p.domain.name, p.domain.colour) for p in hearts] == [("Courage", "#1B6E8A"),
                                                                   ("Heart", _five_heart().colour)]
    courage, heart = hearts
    assert [(s.workshop.title, [i.text for i in s.top]) for s in courage.said] == [("Compass day", [RIVAL_NOTE])]
    assert [(s.workshop.title, [i.text for i in s.top]) for s in heart.said] == [("Five domains day", [FIVE_NOTE])]
    assert len(series.domains) == len(RIVAL.domains) + 5


def test_pdf_prints_each_note_under_its_own_frameworks_domain(mixed, tmp_path):
    path = tmp_path / "mixed.pdf"
    write_series_pdf(mixed.contents, mixed.framework, mixed.title, path, frameworks=mixed.frameworks)
    pages = [squash(page.extract_text()) for page in pypdf.PdfReader(path).pages]
    assert squash("using the Rival compass and Five domains of collaboration frameworks") in pages[0]
    (five_page,) = [p for p in pages if squash(FIVE_NOTE) in p]
    (rival_page,) = [p for p in pages if squash(RIVAL_NOTE) in p]
    assert "Heart" in five_page and "Courage" not in five_page and "Compassday" not in five_page
    assert "Courage" in rival_page and "Heart" not in rival_page and "Fivedomainsday" not in rival_page
    assert squash("FIVE DOMAINS OF COLLABORATION FRAMEWORK") in five_page


def test_markdown_prints_each_note_under_its_own_frameworks_domain(mixed):
    markdown = render_series_markdown(mixed.contents, mixed.framework, mixed.title, frameworks=mixed.frameworks)
    sections = markdown.split("\n## ")
    (five,) = [s for s in sections if FIVE_NOTE in s]
    (rival,) = [s for s in sections if RIVAL_NOTE in s]
    assert five.startswith("Heart\n") and "A domain of the Five domains of collaboration framework" in five
    assert rival.startswith("Courage\n") and "Five domains day" not in rival


def test_html_prints_each_note_under_its_own_frameworks_domain_and_colour(mixed, tmp_path):
    path = tmp_path / "mixed.html"
    write_series_html(mixed.contents, mixed.framework, mixed.title, path, frameworks=mixed.frameworks)
    sections = path.read_text(encoding="utf-8").split("<section")
    (five,) = [s for s in sections if FIVE_NOTE in s]
    (rival,) = [s for s in sections if RIVAL_NOTE in s]
    assert ">Heart<" in five and "Courage" not in five and colours.domain_text(_five_heart().colour) in five
    assert ">Courage<" in rival and "Five domains day" not in rival and colours.domain_text("#1B6E8A") in rival


def test_health_trend_keeps_two_frameworks_heart_apart(mixed):
    trend = build_series(mixed.contents, mixed.framework, mixed.title, frameworks=mixed.frameworks).health
    assert len(trend.steps) == 2
    hearts = {line.domain.name: [r and r.median for r in line.results] for line in trend.trends
              if line.domain.key == "heart"}
    assert hearts == {"Courage": [1, None], "Heart": [None, 5]}
