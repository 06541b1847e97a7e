"""The colour arithmetic the accessibility checks rest on, against known values."""

from __future__ import annotations

import pytest

from mvi_xl import contrast


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [
        ("#000000", "#FFFFFF", 21.0),
        ("#FFFFFF", "#FFFFFF", 1.0),
        ("#767676", "#FFFFFF", 4.54),  # the lightest grey that passes AA for text
        ("#4F81BD", "#FFFFFF", 4.03),  # Excel 2007's blue table header: fails AA
        ("#F2A93B", "#FFFFFF", 2.00),  # mvi-xl's old lopend bar
        ("#9E9E9E", "#FFFFFF", 2.68),  # mvi-xl's old vervallen bar
    ],
)
def test_contrast_ratio(first: str, second: str, ratio: float):
    assert contrast.contrast_ratio(first, second) == pytest.approx(ratio, abs=0.005)
    assert contrast.contrast_ratio(second, first) == pytest.approx(ratio, abs=0.005)


@pytest.mark.parametrize("deficiency", sorted(contrast.DEFICIENCIES))
def test_simulation_keeps_grey_grey_and_white_white(deficiency: str):
    for grey in ("#000000", "#FFFFFF"):
        assert contrast.simulate(grey, deficiency) == grey
    seen = contrast.simulate("#808080", deficiency)
    assert contrast.distance(seen, "#808080") < 1.5


def test_red_and_green_meet_under_deuteranopia():
    assert contrast.distance("#FF0000", "#00FF00") > 80
    seen = [contrast.simulate(c, "deuteranopia") for c in ("#D00000", "#00A000")]
    assert contrast.distance(*seen) < contrast.distance("#D00000", "#00A000") / 3


def test_label_colour_reads_on_its_fill():
    for fill in ("#000000", "#FFFFFF", "#0072B2", "#D55E00", "#909090", "#FFFF00"):
        label = contrast.label_colour(fill)
        assert contrast.contrast_ratio(fill, label) >= 4.5


def test_the_old_palette_had_the_problems_the_reviewer_found():
    old = {
        "voltooid": "#4E9A43",
        "lopend": "#F2A93B",
        "gepland": "#5B8DB8",
        "vervallen": "#9E9E9E",
        "onbekend": "#C0392B",
    }
    problems = contrast.palette_problems(old)
    assert problems == [
        "lopend #F2A93B is 2.00:1 against #FFFFFF",
        "vervallen #9E9E9E is 2.68:1 against #FFFFFF",
        "onbekend and voltooid are 11.6 apart under deuteranopia",
        "gepland and voltooid are 11.8 apart under tritanopia",
    ]
