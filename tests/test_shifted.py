"""What the grammar found in a piece of text, moved to where that piece sits in the whole:
every field is kept, only the positions move."""

from __future__ import annotations

from dataclasses import fields
from dataclasses import replace

import pytest

from numcheck.extraction.grammar import parse_at
from numcheck.extraction.grammar import shift_match
from numcheck.extraction.measures import Measure

SENTENCES = [
    ("The missile has a range of up to 190 miles (306 km).", "up to"),
    ("It weighs 2,000.45±0.01 pounds.", "2,000.45"),
    ("A 47-year-old man paid $2,800 a month.", "47"),
    ("Tens of thousands of people fled.", "Tens"),
    ("The $5bn-10bn package passed.", "$5bn"),
    ("He is 5ft 11in tall.", "5ft"),
    ("Between 10 and 12 km of road were built.", "Between"),
]


def _moved(value, offset: int):
    """``value`` moved by ``offset``, written with ``dataclasses.replace``."""
    changes = {}
    for field in fields(value):
        inner = getattr(value, field.name)
        if field.name in ("start", "end"):
            changes[field.name] = inner + offset
        elif field.name in ("figure", "unit") and inner is not None:
            changes[field.name] = _moved(inner, offset)
        elif field.name == "measures":
            changes[field.name] = tuple(_moved(measure, offset) for measure in inner)
    return replace(value, **changes)


@pytest.mark.parametrize(("sentence", "start"), SENTENCES)
@pytest.mark.parametrize("offset", [0, 1, 70_000])
def test_a_shifted_match_keeps_every_field(sentence: str, start: str, offset: int) -> None:
    match = parse_at(sentence, sentence.index(start))
    assert match is not None
    assert shift_match(match, offset) == _moved(match, offset)


def test_every_field_of_a_measure_survives_the_shift() -> None:
    """Each field set to something other than its default, so a field the shift forgot to
    copy would show."""
    sentence = "A 47-year-old man paid $2,800 a month."
    match = parse_at(sentence, sentence.index("$"))
    assert match is not None
    measure = match.measures[0]
    odd = replace(
        measure,
        figure=replace(measure.figure, decimals=3, grouped=True, vague=True, uncertainty=0.5),
        unit=replace(measure.unit, hyphenated=True, age=True),
        words=True,
        scale=1e6,
    )
    assert {field.name for field in fields(Measure)} == {
        "start", "end", "figure", "currency", "unit", "words", "scale"
    }  # fmt: skip
    assert odd.shifted(5) == _moved(odd, 5)
