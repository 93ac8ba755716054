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
