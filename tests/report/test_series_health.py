"""Health across a series: the trend per domain, read back from the PDF and the Markdown."""

import pytest

from collabdesk.domain import health as rules
from collabdesk.report.series import build_series, render_series_markdown, write_series_pdf
from collabdesk.services import frameworks, health, workshops
from collabdesk.services import library as library_services
from collabdesk.store import Store

from .pdf_text import body_text, squash

PEOPLE = ("Ann", "Bo", "Cy", "Dee")
# Per workshop, per check: the room's ratings of head and heart (people in PEOPLE order).
SERIES = (
    ("2025-01-10", [("Start", {"head": (1, 2, 2, 1), "heart": (3, 3, 4, 2)})]),
    ("2025-04-10", [("Start", {"head": (2, 3, 3, 2), "heart": (4, 4, 4, 3)}),
                    ("End", {"head": (3, 3, 4, 4), "heart": (5, 4, 5, 5)})]),
    ("2025-07-10", [("Held back", {"head": (5, 5, 5, 5)})]),  # never revealed
)


@pytest.fixture(scope="module")
def series(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("trend") / "db.sqlite") as store:
        ids = []
        for date, checks in SERIES:
            w = workshops.create_workshop(store, title=f"Roundtable {date}", date=date, participants=PEOPLE)
            people = store.participants(w.id)
            for title, scores in checks:
                check = health.start_check(store, w.id, title=title)
                for index, person in enumerate(people):
                    health.cast_ballot(store, check.id, person.id, {d: s[index] for d, s in scores.items()})
                if title != "Held back":
                    health.reveal(store, check.id)
            ids.append(w.id)
        made = library_services.create_series(store, "Trend")
        library_services.add_to_series(store, ids, made.id)
        contents = library_services.series_contents(store, made.id)
        return contents, frameworks.framework_or_default(store, "five-domains")


def expected():
    steps = [scores for _, checks in SERIES for title, scores in checks if title != "Held back"]
    return {d: [rules.summarise(d, rules.distribution(s.get(d, ()))) for s in steps] for d in ("head", "heart")}


def test_each_revealed_check_is_a_step_and_each_rated_domain_a_trend(series):
    contents, framework = series
    trend = build_series(contents, framework, "Trend").health
    assert [(s.number, s.date, s.check) for s in trend.steps] == [
        (1, "2025-01-10", "Start"), (2, "2025-04-10", "Start"), (3, "2025-04-10", "End")]
    assert [t.domain.key for t in trend.trends] == ["head", "heart", "bones", "limbs", "blood"]
    by_key = {t.domain.key: t.results for t in trend.trends}
    for key, results in expected().items():
        assert list(by_key[key]) == results
    assert [r.raters for r in by_key["bones"]] == [0, 0, 0]


def test_the_pdf_trend_page_reads_back_every_domain_median_and_count_of_raters(series, tmp_path):
    contents, framework = series
    write_series_pdf(contents, framework, "Trend", tmp_path / "series.pdf")
    text = body_text(tmp_path / "series.pdf")
    page = squash(text[text.index("Health across the series"):text.index("The steps")])
    for name in ("Head", "Heart", "Bones", "Limbs", "Blood"):
        assert name in page
    medians = [rules.points(r.median) for results in expected().values() for r in results]
    assert medians == ["1.5", "2.5", "3.5", "3", "4", "5"]
    assert all(m in page for m in medians) and "4" in page
    steps = squash(text[text.index("The steps"):])
    assert squash("1 Roundtable 2025-01-10") in steps and "Heldback" not in squash(text)


def test_markdown_gives_the_same_numbers_step_by_step(series):
    contents, framework = series
    markdown = render_series_markdown(contents, framework, "Trend")
    part = markdown[markdown.index("## Health across the series"):]
    assert "| 1 | 4 | 1.5 | 1–2 | 2 | 2 | 0 | 0 | 0 |" in part  # head at the first step
    assert "| 3 | 4 | 5 | 4.5–5 | 0 | 0 | 0 | 1 | 3 |" in part  # heart at the end of the second workshop
    assert "Held back" not in markdown
