"""Conversions written beside their source: "190 miles (306 km)", "86F (30C)", "190 miles,
or 306 km,". Finding the pairs, and judging a written result at the writer's precision.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import dataclass

from numcheck.extraction.claims import Claim
from numcheck.extraction.grammar import compound_units
from numcheck.extraction.measures import Measure
from numcheck.extraction.numbers import ROUNDING_SHARE
from numcheck.extraction.numbers import Figure
from numcheck.extraction.numbers import digits_figure
from numcheck.extraction.numbers import format_like
from numcheck.extraction.units import Reading
from numcheck.extraction.units import convert
from numcheck.extraction.units import convert_difference

# "(306 km)", "[306 km]"; Wikipedia's "950 mbar (hPa; 28.05 inHg)" names the source's twin first.
_OPENS_ASIDE = re.compile(r"\s*[(\[]\s*(?:[^\W\d][^\d()\[\];,]{0,10};\s*)?\Z")
_CLOSES_ASIDE = re.compile(r"\s*[)\]]")
_NEXT_TARGET = re.compile(r"\s*[;,]\s*")  # "(39 km/h; 24 mph)", "(4,480 lb, 2,032 kg)"
_OR_BETWEEN = re.compile(r"\s*,\s*or\s+\Z")
_OR_AFTER = re.compile(r"\s*(?:[,;:.)]|\Z)")
# "about 190 miles (310 km)": an approximate side may be rounded this much more loosely.
APPROXIMATE_SLACK = 0.03
# "warmed by 2 °F (1.1 °C)", "a rise of 3 °C (5.4 °F)", "2 °C (3.6 °F) warmer": a temperature
# difference, converted without the offset.
_CHANGE_BEFORE = re.compile(
    r"\b(?:by|ris(?:e|es|en|ing)|rose|increas(?:e|es|ed|ing)|drop(?:s|ped)?|fall(?:s|en)?|fell"
    r"|warm(?:s|ed|ing)|cool(?:s|ed|ing)|chang(?:e|es|ed)|difference|anomaly|swing)"
    r"(?:\s+(?:of|by))?\s+\Z",
    re.IGNORECASE,
)
_CHANGE_AFTER = re.compile(
    r"\s*[)\]]?\s*(?:warmer|cooler|hotter|colder|higher|lower|above|below|more|less|rise"
    r"|increase|drop|fall|change|difference|warming|cooling)\b",
    re.IGNORECASE,
)
TEMPERATURE = "[temperature]"


@dataclass(frozen=True)
class ConversionPair:
    source: Claim
    target: Claim
    # the words say a temperature difference ("warmed by 2 °F (1.1 °C)"); read only for a
    # temperature, the one quantity whose differences convert otherwise than its levels
    change: bool = False


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
    """Each claim and the claims that restate it in other units right after it: one in
    brackets or after ", or", or several in one bracket ("21 knots (39 km/h; 24 mph)")."""
    for index, source in enumerate(claims[:-1]):
        if not _is_measure(source):
            continue
        for target in _targets(prose, claims, index):
            if _is_measure(target):
                yield ConversionPair(source, target, _says_change(prose, source, target))


def may_follow(prose: str, before: Claim, claim: Claim) -> bool:
    """Whether ``claim`` may be part of a conversion with the claim right ``before`` it: its
    conversion in brackets or after ", or", or the next conversion in one bracket."""
    between = prose[before.location.end : claim.location.start]
    return bool(
        _OPENS_ASIDE.fullmatch(between)
        or _OR_BETWEEN.fullmatch(between)
        or _NEXT_TARGET.fullmatch(between)
    )


def _targets(prose: str, claims: Sequence[Claim], index: int) -> list[Claim]:
    source, first = claims[index], claims[index + 1]
    between = prose[source.location.end : first.location.start]
    if _OR_BETWEEN.fullmatch(between):
        return [first] if _OR_AFTER.match(prose, first.location.end) else []
    if not _OPENS_ASIDE.fullmatch(between):
        return []
    targets = [first]
    for position in range(index + 2, len(claims)):  # no copy of the rest of the list
        following = claims[position]
        if _CLOSES_ASIDE.match(prose, targets[-1].location.end):
            break
        gap = prose[targets[-1].location.end : following.location.start]
        if not _NEXT_TARGET.fullmatch(gap):
            break
        targets.append(following)
    return targets if _CLOSES_ASIDE.match(prose, targets[-1].location.end) else []


def _says_change(prose: str, source: Claim, target: Claim) -> bool:
    """Whether the words around a conversion of a temperature say a difference (only a
    temperature converts a difference otherwise than a level)."""
    if not any(r.dimension == TEMPERATURE for r in source.readings):
        return False
    start = source.location.start
    before = _CHANGE_BEFORE.search(prose, max(0, start - 40), start)
    return bool(before or _CHANGE_AFTER.match(prose, target.location.end))


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


def _width(point: Point, fives_share: float = ROUNDING_SHARE) -> float:
    """How far the value a figure was rounded from may lie: the precision of its digits, with
    trailing zeros read as rounding ("230 km/h" may be 225 to 235), as for any figure, and a
    whole number ending in 5 or 0 as a rounding to 5 ("145 mph" may be 142.5 to 147.5, as
    Wikipedia's convert template and wind speeds in knots shown in km/h and mph round), by at
    most ``fives_share`` of it."""
    if point.figure is None:
        return point.step / 2
    return max(point.figure.half_width, _fives(point.figure, fives_share))


# A converted figure rounded to 5 may move by this share of it: wind tables show 20 knots as
# "35 km/h" and 16 knots as "20 mph". The source figure, the writer's own, by 5% as any.
CONVERTED_FIVES_SHARE = 0.10


def _fives(figure: Figure, share: float) -> float:
    """Half the step of a rounding to 5 of a whole number ending in 5 or 0 ("145", "20"), by
    at most ``share`` of it."""
    if figure.decimals or figure.vague or not figure.value or figure.step != 1:
        return 0.0
    if round(abs(figure.value)) % 5:
        return 0.0
    return min(2.5, share * abs(figure.value))


def _tolerance(point: Point, claim: Claim, other: Claim, extra: float) -> float:
    """How far a converted figure may be from the exact conversion."""
    width = _width(point, CONVERTED_FIVES_SHARE)
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
    verdict = _compare(pair, sources, targets, su, tu, extra, ambiguous, convert)
    if not verdict.agrees and pair.change and source_reading.dimension == TEMPERATURE:
        # "warmed by 2 °F (1.1 °C)": a difference, converted without the offset; when both
        # readings fail, the words say which one the writer meant
        return _compare(pair, sources, targets, su, tu, extra, ambiguous, convert_difference)
    return verdict


def _compare(
    pair: ConversionPair, sources: list[Point], targets: list[Point], su: str, tu: str,
    extra: float, ambiguous: bool, converter: Callable[[float, str, str], float],
) -> Verdict:  # fmt: skip
    agrees = True
    expected = []
    for source, target in zip(sources, targets, strict=True):
        exact = converter(source.value, su, tu)
        ends = (
            converter(source.value - _width(source), su, tu),
            converter(source.value + _width(source), su, tu),
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
    that is not precise enough to pass. Each candidate is judged as its digits will be read
    again: "1e5 lb" corrected to one significant figure is "200,000 lb", whose zeros may
    round by 5% only, so it takes "210,000"."""
    value = exact / measure.scale
    raw = Figure(0, 0, figure.text, figure.value / measure.scale, figure.step / measure.scale,
                 figure.round_step / measure.scale, figure.decimals, figure.grouped)  # fmt: skip
    place = raw.step
    for _ in range(12):
        text = format_like(value, raw, place)
        written = digits_figure(0, text).scaled(measure.scale)
        point = Point(written.value, written.step, written)
        if abs(written.value - exact) <= _tolerance(point, target, source, extra) or place <= 1e-3:
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
