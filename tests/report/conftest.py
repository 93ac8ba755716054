"""Workshops shared by the report tests: built once per module through the store and services."""

from dataclasses import dataclass

import pytest

from collabdesk.domain.model import Framework, WorkshopContent
from collabdesk.services.frameworks import framework_or_default
from collabdesk.store import Store

from . import builders


@dataclass(frozen=True)
class Built:
    content: WorkshopContent
    framework: Framework


def _build(tmp_path_factory, build, *args, **kwargs) -> Built:
    store = Store(tmp_path_factory.mktemp("report") / "collabdesk.sqlite")
    try:
        content = store.content(build(store, *args, **kwargs))
        return Built(content, framework_or_default(store, content.workshop.framework_key))
    finally:
        store.close()


@pytest.fixture(scope="module")
def realistic(tmp_path_factory) -> Built:
    return _build(tmp_path_factory, builders.realistic_workshop)


@pytest.fixture(scope="module")
def adversarial(tmp_path_factory) -> Built:
    return _build(tmp_path_factory, builders.adversarial_workshop)


@pytest.fixture(scope="module")
def unvoted(tmp_path_factory) -> Built:
    return _build(tmp_path_factory, builders.adversarial_workshop, votes=False)
