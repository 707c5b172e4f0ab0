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


@dataclass(frozen=True, slots=True)
class Anchors:
    """What a figure is anchored to, each as written: the names its subject carries ("North
    Korean" troops), the owner it is said of ("Arsenal", "North Korea has sent"), the places
    ("Kursk", "the stadium") and the times ("2004", "last year", "1989-90")."""

    named: tuple[str, ...] = ()
    owner: tuple[str, ...] = ()
    place: tuple[str, ...] = ()
    time: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return self.named + self.owner

    def to_dict(self) -> dict[str, list[str]]:
        return {
            "named": list(self.named),
            "owner": list(self.owner),
            "place": list(self.place),
            "time": list(self.time),
        }


@dataclass(frozen=True, slots=True)
class Role:
    """What part a figure plays in its fact: a ``level`` or a ``change`` ("rose 5%"), the
    ``whole`` or a ``part`` ("three of the nine"), a ``rate`` or not ("a month", "per"), and
    its ``mode``: ``actual``, ``hypothetical`` ("could"), ``planned`` ("plans to") or
    ``comparison`` ("down from", "than")."""

    measure: str = "level"
    scope: str = "whole"
    rate: bool = False
    mode: str = "actual"

    def to_dict(self) -> dict[str, Any]:
        return {"measure": self.measure, "scope": self.scope, "rate": self.rate, "mode": self.mode}


@dataclass(frozen=True, slots=True)
class Frame:
    """Which fact a claim states, from the words of its clause (``numcheck.alignment``).

    ``terms`` are the content terms of the clause around the figure, ``sentence_terms``
    those of its whole sentence; ``listed`` says the claim is in a list item, a table row or
    a "Label: figure" line, where figures are parallel facts, not restatements;
    ``context_time`` holds the times of the sentence before, when the claim's own clause
    names none ("For the nine months, ... . Sales rose to $9.8 million"); ``participants``
    the other names of the clause ("signed Luis Suarez for a £22.7m fee"); ``context_owner``
    says a pronoun stands for the owner ("it sent 3,000 troops")."""

    event: str | None = None
    anchors: Anchors = Anchors()
    role: Role = Role()
    terms: frozenset[str] = frozenset()
    sentence_terms: frozenset[str] = frozenset()
    listed: bool = False
    context_time: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    context_owner: bool = False


@dataclass(frozen=True, slots=True)
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
    frame: Frame | None = None

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
            "event": self.frame.event if self.frame else None,
            "anchors": self.frame.anchors.to_dict() if self.frame else None,
            "role": self.frame.role.to_dict() if self.frame else None,
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
    if qualifier == "range":  # "-18 °C to -34 °C" may be written from either end
        low_end, high_end = sorted((first, last), key=lambda figure: figure.value)
        return low_end.value - low_end.half_width, high_end.value + high_end.half_width
    width = first.half_width
    if qualifier == "approximate":
        width = max(width, APPROXIMATE_SHARE * abs(first.value))
    if qualifier == "lower-bound":
        return first.value, None
    if qualifier == "less-than":
        return None, first.value
    return first.value - width, first.value + width
