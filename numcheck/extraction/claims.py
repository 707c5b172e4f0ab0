"""The claim model: what one numeric mention asserts, as an interval of values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from numcheck.extraction.measures import Measure
from numcheck.extraction.units import Reading
from numcheck.findings import Location

# "about 3,000" may be this share away from 3,000 (or further, when its digits say so).
APPROXIMATE_SHARE = 0.10

QUALIFIERS = ("exact", "approximate", "lower-bound", "upper-bound", "less-than", "range")


@dataclass(frozen=True)
class Claim:
    """One numeric claim of a document.

    ``value`` is the figure as written (scaled, in ``unit``); ``low`` and ``high`` bound what
    the claim asserts (None: unbounded). ``readings`` holds every meaning of an ambiguous unit.
    """

    location: Location
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    qualifier_text: str | None
    unit: str | None
    dimension: str
    subject: str | None
    readings: tuple[Reading, ...]
    measures: tuple[Measure, ...]
    shape: str
    adjectival: bool = False
    key: str | None = None
    restates: bool = False  # a conversion of the claim just before it ("(306 km)")
    sentence: int = 0  # where its sentence begins, as an offset

    @property
    def path(self) -> str:
        return self.location.path

    @property
    def ambiguous(self) -> bool:
        return len(self.readings) > 1

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.location.to_dict(),
            "text": self.text,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier,
            "unit": self.unit,
            "dimension": self.dimension,
            "subject": self.subject,
            "key": self.key,
            "readings": [r.unit for r in self.readings] if self.ambiguous else None,
        }


def interval(measures: tuple[Measure, ...], qualifier: str) -> tuple[float | None, float | None]:
    """The values a claim allows, per its qualifier (see ``numcheck explain NC201``)."""
    first, last = measures[0].figure, measures[-1].figure
    if first.vague:  # "tens of thousands": its span, or the side of it a qualifier keeps
        low, high = first.value - first.half_width, first.value + first.half_width
        return (
            (low, None)
            if qualifier == "lower-bound"
            else (None, high)
            if qualifier == "less-than"
            else (low, high)
        )
    if qualifier == "range":
        return first.value - first.half_width, last.value + last.half_width
    width = first.half_width
    if qualifier == "approximate":
        width = max(width, APPROXIMATE_SHARE * abs(first.value))
    if qualifier == "lower-bound":
        return first.value, None
    if qualifier == "less-than":
        return None, first.value
    return first.value - width, first.value + width
