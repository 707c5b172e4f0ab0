"""The conversion evaluation (tools/conversion_eval.py) on the project's fixed sample: the
sentences written from editors' forms, the fixtures and the seed articles, corrupted with a
fixed seed. NC101/NC102 must catch at least 97% of the corruptions and raise at most one false
alarm per 100 right conversions."""

from __future__ import annotations

import random

import pytest

from testing.tools import load_tool

EVAL = load_tool("conversion_eval")


def test_the_fixed_sample_meets_the_bar() -> None:
    scores = EVAL.score(EVAL.harvest(EVAL.texts(None, [])), seed=1)
    recall, false_per_100, right = EVAL.summary(scores)
    assert right >= 250, EVAL.table(scores)  # the sample is not empty or trivial
    assert all(scores["written"].corrupted[kind] >= 200 for kind in EVAL.KINDS), EVAL.table(scores)
    assert recall >= 0.97, EVAL.table(scores)
    assert false_per_100 <= 1.0, EVAL.table(scores)


@pytest.mark.parametrize(
    ("line", "pairs"),
    [
        ("a range of 190 miles (306 km).", [("190 miles", "306 km")]),
        ("a 190-mile (306-km) range", [("190-mile", "306-km")]),
        ("21 knots (39 km/h; 24 mph)", [("21 knots", "39 km/h"), ("21 knots", "24 mph")]),
        ("950 mbar (hPa; 28.05 inHg)", [("950 mbar", "28.05 inHg")]),
        ("760 metres per second (2,490 ft/s)", [("760 metres per second", "2,490 ft/s")]),
        ("2 1/2 inches (64 mm)", [("2 1/2 inches", "64 mm")]),
        ("190 miles, or 306 km, away", []),  # not harvested
        ("300 people (40%)", []),
        ("the 5 in (12 cm)", [("5 in", "12 cm")]),
    ],
)
def test_harvest(line: str, pairs: list[tuple[str, str]]) -> None:
    found = [(p.text(p.source), p.text(p.target)) for p in EVAL.harvest([("test", line)])]
    assert found == pairs


@pytest.mark.parametrize(
    ("text", "half"),
    [
        ("306", 0.5), ("190", 5), ("300", 15), ("11,000", 500), ("1.5", 0.05), ("2.50", 0.005),
        ("145", 2.5), ("20", 1.0), ("25", 1.25), ("1/4", 1 / 16), ("7", 0.5),
    ],
)  # fmt: skip
def test_half_width(text: str, half: float) -> None:
    assert EVAL.half_width(text) == pytest.approx(half)


@pytest.mark.parametrize(("text", "half"), [("20", 2.0), ("25", 2.5), ("145", 2.5), ("7", 0.5)])
def test_half_width_of_a_converted_figure(text: str, half: float) -> None:
    """A converted figure may be rounded to 5 by up to 10% ("16 knots (20 mph)")."""
    assert EVAL.half_width(text, converted=True) == pytest.approx(half)


@pytest.mark.parametrize(
    ("source", "su", "target", "tu", "right"),
    [
        ("190", "mile", "306", "kilometer", True),
        ("190", "mile", "360", "kilometer", False),
        ("235", "kilometer / hour", "145", "mile / hour", True),
        ("100", "mile", "200", "kilometer", False),
        ("30", "degree_Celsius", "86", "degree_Fahrenheit", True),
        ("30", "degree_Celsius", "54", "degree_Fahrenheit", False),
    ],
)
def test_right(source: str, su: str, target: str, tu: str, right: bool) -> None:
    assert EVAL.right(source, su, target, tu) is right


def test_each_corruption_changes_the_pair_as_named() -> None:
    (pair,) = EVAL.harvest([("test", "The missile flew 190 miles (306 km) east.")])
    found = {c.kind: c for c in EVAL.corruptions(pair, random.Random(3))}
    assert set(found) == set(EVAL.KINDS)
    assert found["copied"].line == "The missile flew 190 miles (190 km) east."
    assert found["swapped"].line == "The missile flew 190 km (306 miles) east."
    assert found["transposed"].line in (
        "The missile flew 190 miles (036 km) east.",
        "The missile flew 190 miles (360 km) east.",
    )
    scaled = found["scaled"].line
    value = float(scaled.split("(")[1].split()[0])
    assert 306 * 1.25 - 1 <= value <= 306 * 1.6 + 1
    for corruption in found.values():
        start, end = corruption.span
        assert corruption.line[start:end].endswith(("km", "miles"))
