"""Health-check labels in frameworks, and the built-in frameworks' colours."""

import pytest

from collabdesk.domain import health
from collabdesk.domain.errors import ValidationError
from collabdesk.domain.frameworks import framework_from_dict, framework_to_dict
from collabdesk.services.frameworks import builtin_frameworks


def _frame(labels):
    return {"name": "Mine", "domains": [{"name": "Trust", "labels": labels}]}


def test_labels_round_trip_and_fall_back_to_the_generic_ones():
    five = ["a", "b", "c", "d", "e"]
    framework = framework_from_dict(_frame(five))
    assert framework.domains[0].labels == tuple(five)
    assert framework_from_dict(framework_to_dict(framework)) == framework
    assert health.labels_of(framework_from_dict(_frame([])).domains[0]) == health.GENERIC_LABELS


@pytest.mark.parametrize("labels, message", [
    (["a", "b"], "needs 5 health-check labels"),
    (["a", "b", "c", "d", ""], "cannot be empty"),
    (["a", "b", "c", "d", "x" * 201], "most allowed is 200"),
    ("abcde", "needs 5 health-check labels"),
])
def test_malformed_labels_are_refused(labels, message):
    with pytest.raises(ValidationError, match=message):
        framework_from_dict(_frame(labels))


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_built_in_frameworks_label_every_domain_in_distinct_colours_white_text_can_sit_on():
    built = {f.key: f for f in builtin_frameworks()}
    assert [d.name for d in built["systems-change"].domains] == [
        "Vision", "Behaviours", "Learning", "Infrastructure", "Delivery", "Impact", "Systems change for citizens"]
    # WCAG AA: white text on the colour at 4.5:1 (3:1 for the older five domains, large text only)
    for key, contrast in (("five-domains", 3), ("systems-change", 4.5)):
        domains = built[key].domains
        assert all(len(d.labels) == 5 and d.description and d.prompts for d in domains)
        assert len({d.colour for d in domains}) == len(domains)
        for d in domains:
            assert 1.05 / (_luminance(d.colour) + 0.05) >= contrast, d.name
