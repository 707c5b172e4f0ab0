"""Conversions written beside their source: "190 miles (306 km)", "86F (30C)", "190 miles,
or 306 km,". Finding the pairs, and judging a written result at the writer's precision.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import dataclass

from numcheck.extraction.claims import Claim
from numcheck.extraction.grammar import Measure
from numcheck.extraction.grammar import compound_units
from numcheck.extraction.numbers import Figure
from numcheck.extraction.numbers import format_like
from numcheck.extraction.units import Reading
from numcheck.extraction.units import convert

_OPENS_ASIDE = re.compile(r"\s*[(\[]\s*\Z")
_CLOSES_ASIDE = re.compile(r"\s*[)\]]")
_OR_BETWEEN = re.compile(r"\s*,\s*or\s+\Z")
_OR_AFTER = re.compile(r"\s*(?:[,;:.)]|\Z)")
# "about 190 miles (310 km)": an approximate side may be rounded this much more loosely.
APPROXIMATE_SLACK = 0.03


@dataclass(frozen=True)
class ConversionPair:
    source: Claim
    target: Claim


@dataclass(frozen=True)
class Point:
    """One figure of a side in one unit: the value, the precision the writer gave it."""

    value: float
    step: float
    figure: Figure | None  # None for a compound ("5ft 11in"), which gets no fix


@dataclass(frozen=True)
class Verdict:
    agrees: bool
    source_unit: str
    target_unit: str
    expected: tuple[float, ...]  # the exact conversion of each source point
    ambiguous: bool


def conversion_pairs(prose: str, claims: Sequence[Claim]) -> Iterator[ConversionPair]:
    """Adjacent claims where the second restates the first in another unit."""
    for source, target in zip(claims, claims[1:], strict=False):
        between = prose[source.location.end : target.location.start]
        after = prose[target.location.end : target.location.end + 4]
        aside = _OPENS_ASIDE.fullmatch(between) and _CLOSES_ASIDE.match(after)
        restated = _OR_BETWEEN.fullmatch(between) and _OR_AFTER.match(after)
        if (aside or restated) and _is_measure(source) and _is_measure(target):
            yield ConversionPair(source, target)


def _is_measure(claim: Claim) -> bool:
    """A physical quantity, or a form that may be one ("1,312 m": metres or millions)."""
    return any(r.is_physical for r in claim.readings)


def dimensions_differ(pair: ConversionPair) -> bool:
    source = {r.dimension for r in pair.source.readings}
    target = {r.dimension for r in pair.target.readings}
    return not source & target


def _points(claim: Claim, reading: Reading) -> list[Point]:
    """The figures of one side in the unit of ``reading``; a compound is one point."""
    measures = claim.measures
    if claim.shape != "compound":
        return [Point(m.figure.value, m.figure.step, m.figure) for m in measures]
    unit = reading.unit or ""
    parts = compound_units(measures[0], measures[1]) or (unit, unit)
    total = 0.0
    step = 0.0
    for measure, part in zip(measures, parts, strict=True):
        total += convert(measure.figure.value, part, unit)
        step = abs(convert(measure.figure.step, part, unit) - convert(0, part, unit))
    return [Point(total, step, None)]


def _width(point: Point) -> float:
    """How far the value a figure was rounded from may lie: the precision of its digits, with
    trailing zeros read as rounding ("230 km/h" may be 225 to 235), as for any figure."""
    return point.figure.half_width if point.figure is not None else point.step / 2


def _tolerance(point: Point, claim: Claim, other: Claim, extra: float) -> float:
    width = _width(point)
    approximate = "approximate" in (claim.qualifier, other.qualifier)
    slack = extra + (APPROXIMATE_SLACK if approximate else 0)
    return width + slack * abs(point.value)


def judge(pair: ConversionPair, extra_tolerance: float = 0.0) -> Verdict | None:
    """Whether the target is a rounding of the converted source, trying every reading of an
    ambiguous unit; None when no reading pair can be compared.

    Only physical readings in two different units are converted: a currency is never handed
    to pint, and "100 pounds (120 pounds)" restates no figure in another unit."""
    first: Verdict | None = None
    readings = [
        (source_reading, target_reading)
        for source_reading in pair.source.readings
        for target_reading in pair.target.readings
        if source_reading.dimension == target_reading.dimension
        and source_reading.is_physical
        and source_reading.unit != target_reading.unit
    ]
    # "1,312 m" beside "400 feet" can only be metres: the other side settles the reading.
    ambiguous = len(readings) > 1
    for source_reading, target_reading in readings:
        verdict = _judge_units(pair, source_reading, target_reading, extra_tolerance, ambiguous)
        if verdict is None:
            continue
        if verdict.agrees:
            return verdict
        first = first or verdict
    return first


def _judge_units(
    pair: ConversionPair, source_reading: Reading, target_reading: Reading, extra: float,
    ambiguous: bool,
) -> Verdict | None:  # fmt: skip
    su, tu = source_reading.unit, target_reading.unit
    if su is None or tu is None:
        return None
    sources = _points(pair.source, source_reading)
    targets = _points(pair.target, target_reading)
    if len(sources) != len(targets):
        return None
    agrees = True
    expected = []
    for source, target in zip(sources, targets, strict=True):
        exact = convert(source.value, su, tu)
        ends = (
            convert(source.value - _width(source), su, tu),
            convert(source.value + _width(source), su, tu),
        )
        tolerance = _tolerance(target, pair.target, pair.source, extra)
        expected.append(exact)
        if target.value + tolerance < min(ends) or target.value - tolerance > max(ends):
            agrees = False
    return Verdict(agrees, su, tu, tuple(expected), ambiguous)


def corrected_text(pair: ConversionPair, verdict: Verdict, extra: float = 0.0) -> str | None:
    """The target as it should read, each figure rounded as the writer rounded it."""
    target = pair.target
    if target.shape == "compound":
        return None
    start = target.location.start
    text = target.text
    pieces = []
    cursor = 0
    for measure, exact in zip(target.measures, verdict.expected, strict=False):
        figure = measure.figure
        written = _rounded_like(exact, figure, measure, target, pair.source, extra)
        pieces.append(text[cursor : figure.start - start])
        pieces.append(written)
        cursor = figure.end - start
    pieces.append(text[cursor:])
    return "".join(pieces)


def _rounded_like(
    exact: float, figure: Figure, measure: Measure, target: Claim, source: Claim, extra: float
) -> str:
    """``exact`` written to the last digit the writer wrote ("360" -> "306"), or finer if
    that is not precise enough to pass."""
    value = exact / measure.scale
    raw = Figure(0, 0, figure.text, figure.value / measure.scale, figure.step / measure.scale,
                 figure.round_step / measure.scale, figure.decimals, figure.grouped)  # fmt: skip
    place = raw.step
    for _ in range(6):
        text = format_like(value, raw, place)
        candidate = float(text.replace(",", "")) * measure.scale
        point = Point(candidate, place * measure.scale, None)
        if abs(candidate - exact) <= _tolerance(point, target, source, extra) or place <= 1e-3:
            return text
        place /= 10
    return format_like(value, raw, place)


def describe(value: float) -> str:
    """A converted value for a message: four significant figures, no trailing zeros."""
    if value == 0:
        return "0"
    digits = max(0, 3 - int(math.floor(math.log10(abs(value)))))
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
