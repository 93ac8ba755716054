"""Workshops shared by the report tests: built once per module through the store and services."""

import pytest

from . import builders
from .builders import Built


def _build(tmp_path_factory, build, *args, **kwargs) -> Built:
    return builders.built(tmp_path_factory.mktemp("report"), build, *args, **kwargs)


@pytest.fixture(scope="module")
def realistic(tmp_path_factory) -> Built:
    return _build(tmp_path_factory, builders.realistic_workshop)


@pytest.fixture(scope="module")
def adversarial(tmp_path_factory) -> Built:
    return _build(tmp_path_factory, builders.adversarial_workshop)


@pytest.fixture(scope="module")
def unvoted(tmp_path_factory) -> Built:
    return _build(tmp_path_factory, builders.adversarial_workshop, votes=False)


@pytest.fixture(scope="module")
def unrevealed(tmp_path_factory) -> Built:
    """The realistic workshop with its ballot never revealed."""
    return _build(tmp_path_factory, builders.realistic_workshop, reveal=False)


@pytest.fixture(scope="module")
def demo_series(tmp_path_factory):
    """Two demo workshops (each with a revealed health check) in a series: (contents, framework)."""
    from collabdesk.services import demo, frameworks, library
    from collabdesk.store import Store

    with Store(tmp_path_factory.mktemp("demo") / "demo.sqlite") as store:
        first, second = demo.create_demo_workshop(store), demo.create_demo_workshop(store)
        store.update_workshop(second.id, title="Home from hospital: second roundtable")
        series = library.create_series(store, "Home from hospital")
        library.add_to_series(store, [first.id, second.id], series.id)
        contents = library.series_contents(store, series.id)
        return contents, frameworks.framework_or_default(store, contents[0].workshop.framework_key)


@pytest.fixture(scope="module")
def series(tmp_path_factory):
    """Three workshops in a series (one adversarial, one with nothing written), plus one outside it:
    (contents, framework)."""
    from collabdesk.services import frameworks, library, workshops
    from collabdesk.store import Store

    path = tmp_path_factory.mktemp("series") / "series.sqlite"
    with Store(path) as store:
        first = builders.realistic_workshop(store)
        hostile = builders.adversarial_workshop(store)
        empty = workshops.create_workshop(store, title="Northfield follow-up (nothing written yet)",
                                          date="2025-09-01").id
        builders.realistic_workshop(store)  # the same workshop again, but not in the series
        made = library.create_series(store, "Northfield")
        library.add_to_series(store, [first, hostile, empty], made.id)
        contents = library.series_contents(store, made.id)
        framework = frameworks.framework_or_default(store, contents[0].workshop.framework_key)
    return contents, framework
