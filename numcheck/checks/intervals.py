"""Agreement: when two claims about one subject cannot both be true.

Claims are compared in one unit (pint converts measures; counts are counts; money is only
compared in one currency). Each claim stands for an interval (``claims.interval``):

* an exact figure: its value ± the precision of its digits ("11,000" is 10,500 to 11,500,
  so "11,000" and "12,000" cannot both be right);
* ``about``/``around``/``roughly``…: at least ±10%;
* ``over``/``more than``/``at least``…: from the figure up;
* ``fewer than``/``under``…: up to the figure;
* ``up to``/``as much as``/``at most``: the stated maximum itself, so "up to 190 miles"
  and "up to 120 miles" disagree. Against a claim that is not itself a maximum it means
  "no more than" ("up to 15,000 troops" allows "11,000 troops"; so "up to 190 miles" and
  "about 120 miles" only differ, since numcheck cannot tell a maximum from a count);
* a range: from its low end to its high end.

Two claims *conflict* when their intervals do not meet. Two claims that do not conflict
*differ* when the figures they state are further apart than the precision of either.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from numcheck.extraction.claims import Claim
from numcheck.extraction.units import CURRENCY
from numcheck.extraction.units import convert

_EPSILON = 1e-9


@dataclass(frozen=True)
class Comparable:
    """A claim's interval and stated figure in a shared unit."""

    claim: Claim
    low: float
    high: float
    figure: tuple[float, float]  # the stated value (or range ends)
    width: float  # the precision of the stated figure
    qualifier: str


def comparable(claim: Claim, unit: str | None) -> Comparable | None:
    """``claim`` expressed in ``unit`` (None when it cannot be converted)."""
    factor_unit = claim.unit
    low = claim.low if claim.low is not None else float("-inf")
    high = claim.high if claim.high is not None else float("inf")
    first, last = claim.measures[0].figure, claim.measures[-1].figure
    figure = (first.value, last.value)
    width = max(first.half_width, last.half_width)
    if unit is not None and factor_unit is not None and factor_unit != unit:
        if claim.dimension.startswith(CURRENCY):
            return None  # money is never converted: "£5m" and "$6m" are not compared
        try:
            low, high = _convert_all((low, high), factor_unit, unit)
            figure = _convert_all(figure, factor_unit, unit)
            width = abs(_convert_all((width,), factor_unit, unit, delta=True)[0])
        except Exception:  # noqa: BLE001 - pint raises many kinds for an impossible conversion
            return None
    return Comparable(claim, low, high, figure, width, claim.qualifier)


def _convert_all(values, unit: str, target: str, delta: bool = False) -> tuple[float, ...]:
    converted = []
    for value in values:
        if value in (float("inf"), float("-inf")):
            converted.append(value)
        elif delta:
            converted.append(convert(value, unit, target) - convert(0, unit, target))
        else:
            converted.append(convert(value, unit, target))
    return tuple(converted)


def _bounds(a: Comparable, b: Comparable) -> tuple[float, float]:
    """The interval of ``a`` when compared with ``b``."""
    if a.qualifier == "upper-bound" and b.qualifier != "upper-bound":
        return float("-inf"), a.high
    return a.low, a.high


def conflict(a: Comparable, b: Comparable) -> bool:
    """Whether the intervals do not overlap. Intervals that only touch do not overlap: a
    figure rounded to "11,000" lies in [10,500, 11,500), one rounded to "12,000" does not."""
    a_low, a_high = _bounds(a, b)
    b_low, b_high = _bounds(b, a)
    return a_high <= b_low + _slack(b_low) or b_high <= a_low + _slack(a_low)


def _slack(value: float) -> float:
    return _EPSILON * max(1.0, abs(value)) if abs(value) != float("inf") else 0.0


def same_figure(a: Comparable, b: Comparable) -> bool:
    """Whether ``a`` and ``b`` state one figure, allowing for how precisely each is written."""
    width = max(a.width, b.width) + _EPSILON
    (a_first, a_last), (b_first, b_last) = a.figure, b.figure
    return abs(a_first - b_first) <= width and abs(a_last - b_last) <= width


def shared_unit(claims: Sequence[Claim]) -> str | None:
    for claim in claims:
        if claim.unit is not None:
            return claim.unit
    return None
