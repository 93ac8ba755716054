"""The contrast ratio the palette tests rely on, checked against WCAG's own figures."""

import pytest

from collabdesk.domain.contrast import blend, contrast_ratio, is_dark, relative_luminance


def test_black_on_white_is_21_and_a_colour_on_itself_is_1():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1)


def test_known_pairs_match_published_ratios():
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the lightest AA grey on white
    assert contrast_ratio("#0000ff", "#ffffff") == pytest.approx(8.59, abs=0.01)
    assert relative_luminance("#808080") == pytest.approx(0.2159, abs=0.0001)


def test_blend_and_darkness():
    assert blend("#000000", "#ffffff", 0.5) == "#808080"
    assert blend("#123456", "#abcdef", 1) == "#123456"
    assert is_dark("#1c1f24") and not is_dark("#fff4d6")


def test_a_malformed_colour_is_refused():
    with pytest.raises(ValueError):
        contrast_ratio("red", "#ffffff")
