import json

from pypdf import PdfReader

from collabdesk.services import actions, demo, library


def make_series(store):
    first = demo.create_demo_workshop(store)
    second = demo.create_demo_workshop(store)
    store.update_workshop(second.id, title="Home from hospital: second roundtable")
    actions.add_action(store, second.id, "Draft the joint discharge protocol", owner="Priya (ward lead)")
    series = library.create_series(store, "Home from hospital")
    library.add_to_series(store, [first.id, second.id], series.id)
    return series


def test_series_lists_ids_and_sizes(run, fresh_db):
    series = make_series(fresh_db)
    assert json.loads(run("series", "--json").out) == [
        {"id": series.id, "title": "Home from hospital", "workshops": 2}]
    assert "Home from hospital  (2 workshops)" in run("series").out


def test_export_series_writes_every_workshop_and_open_action(run, fresh_db, tmp_path):
    series = make_series(fresh_db)
    output = tmp_path / "series.pdf"
    result = run("export-series", "Home from hospital", "-o", output)
    assert result.code == 0, result.err
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(output).pages)
    assert "second roundtable" in text
    assert "Draft the joint discharge protocol" in text
    markdown = tmp_path / "series.md"
    assert run("export-series", str(series.id), "-o", markdown).code == 0
    assert "Draft the joint discharge protocol" in markdown.read_text(encoding="utf-8")
    page = tmp_path / "series.html"
    assert run("export-series", str(series.id), "-o", page).code == 0
    assert "Draft the joint discharge protocol" in page.read_text(encoding="utf-8")
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_an_unknown_series_is_one_clear_line(run, fresh_db):
    make_series(fresh_db)
    result = run("export-series", "No such series", "-o", "x.pdf")
    assert result.code == 1 and "No series has the id or name 'No such series'" in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_an_empty_series_is_refused_with_the_reason(run, fresh_db, tmp_path):
    from collabdesk.services import library

    library.create_series(fresh_db, "Not yet started")
    result = run("export-series", "Not yet started", "-o", tmp_path / "x.pdf")
    assert result.code == 1 and "has no workshops to report on" in result.err
    assert not (tmp_path / "x.pdf").exists()
