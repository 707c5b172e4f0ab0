"""The dev-set evaluation (tools/devdata_eval.py) on sentences of the sets' kinds: a labelled
quantity is found when a claim has its family, value and place, and a miss is put down to why
numcheck did not read it. The dev sets themselves live outside the repository."""

from __future__ import annotations

import pytest

from numcheck.extraction.extract import extract
from numcheck.reading.documents import plain_text_document
from testing.tools import load_tool

EVAL = load_tool("devdata_eval")


def _case(sentence: str, surface: str, unit: str, value: float):
    scaled = value * EVAL.UNIT_FACTORS.get(unit.lower(), 1.0)  # as the sets are read
    expected = EVAL.Expected(scaled, EVAL._family(unit), surface)
    return EVAL.Case(sentence, [expected]), expected


# (sentence, labelled surface, the set's unit name, value, found or the reason it is missed)
CASES = [
    ("Violet light oscillates at 4e14 s-1", "4e14 s-1", "inverse second", 4e14, None),
    ("It is used four times per week", "four times per week", "count per week", 4, None),
    ("Give me -1e-3 W/min, now!", "-1e-3 W/min", "watt per minute", -0.001, None),
    ("This car only uses 10 l/km.", "10 l/km", "litre per kilometre", 10, None),
    ("It moved only two kb per second.", "two kb per second", "kilobit per second", 2, None),
    ("They reached over 5 fb−1 of data.", "5 fb−1", "inverse femtobarn", 5, None),
    ("It weighs 2,000.45±0.01 pounds", "2,000.45±0.01 pounds", "pound", 2000.45, None),
    ("I'd like two thirds of the cake.", "two thirds", "dimensionless", 2 / 3, None),
    ("Voyager 2 flew past in 1979", "1979", "dimensionless", 1979, "left alone: year"),
    ("The class is English 101.", "101", "dimensionless", 101, "left alone: name_with_number"),
    ("The grid is 2.1 pm wide.", "2.1 pm", "picometre", 2.1, "left alone: time_of_day"),
    ("I want a gallon of beer", "a gallon", "gallon", 1, "no figure written"),
    ("A baker's dozen is 13", "A baker's dozen", "baker's dozen", 1, None),
    ("A gross is 144", "A gross", "gross", 1, "no figure written"),
    ("It was two hundred & forty, you say?", "two hundred & forty", "dimensionless", 240, None),
    ("A kibibyte is 8x2^10 bits", "8x2^10 bits", "bit", 8192, None),
    ("The spin is 45 Js", "45 Js", "joule second", 45, None),
    (
        "Treatment was reduced from 44 mg to 50 mg ethanol.", "44 mg to 50 mg", "milligram", 47,
        "read as separate figures",
    ),
    ("It is 30 C outside!", "30 C", "degree celsius", 30, "read without this unit"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "surface", "unit", "value", "reason"), CASES)
def test_found_or_why_missed(
    sentence: str, surface: str, unit: str, value: float, reason: str | None
) -> None:
    case, expected = _case(sentence, surface, unit, value)
    claims = extract(plain_text_document("devdata.txt", sentence))
    found = any(EVAL._matches(case, expected, claim) for claim in claims)
    assert found == (reason is None)
    if reason is not None:
        assert EVAL.why_missed(case, expected, claims) == reason


def test_every_unit_family_is_one_numcheck_can_state() -> None:
    """A family the sets' units map to must be one a claim's dimension can have, or no claim
    could ever match it."""
    claim_families = set(EVAL.DIMENSION_FAMILIES.values()) | {"money rate"}
    assert set(EVAL.UNIT_FAMILIES) <= claim_families
