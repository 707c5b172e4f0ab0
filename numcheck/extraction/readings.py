"""Readings the words around a claim give its unit: an age, an angle.

The unit pack says what a written unit may mean; a few meanings are only told by the words
around the figure:

* an age: "aged 64", "age 64", "at the age of 64" (a bare figure is years; "aged 6 months"
  keeps its unit), like the "47-year-old" the grammar reads. An age is never compared with a
  duration ("20 years" of a war).
* an angle: a bare "degrees" or "°" near a word of turning or direction ("rotate 90
  degrees", "a 180-degree turn"); elsewhere it is a temperature.
* a temperature: "absolute zero" is zero kelvin, so "absolute zero (−273.15 °C)" converts.
"""

from __future__ import annotations

import re

from numcheck.extraction.grammar import Match
from numcheck.extraction.units import AGE
from numcheck.extraction.units import ANGLE
from numcheck.extraction.units import Reading

_ABSOLUTE_BEFORE = re.compile(r"\babsolute[ \t]+\Z", re.IGNORECASE)
_AGED_BEFORE = re.compile(r"\b(?:aged|age|ages|at\s+the\s+age\s+of)\s+\Z", re.IGNORECASE)
_BARE_DEGREES = ("degree", "degrees", "deg", "°", "º")
_ANGLE_CONTEXT = re.compile(
    r"\b(?:angles?|turns?|turned|U-turn|rotat\w*|tilt\w*|slopes?|inclin\w*|views?|pivot\w*"
    r"|spin\w*|arcs?|latitude|longitude|north|south|east|west|bearings?|heading|compass"
    r"|shift|reversal|about-face|swivel\w*|camera|panoram\w*|turnaround)\b",
    re.IGNORECASE,
)


_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")
_WEATHER = re.compile(
    r"\b(?:temperatures?|minus|celsius|fahrenheit|warm\w*|cold\w*|hot\w*|heat\w*|cool\w*"
    r"|frost\w*|freez\w*|weather|degrees?\s+(?:above|below)\s+(?:zero|average|normal))\b",
    re.IGNORECASE,
)


def in_context(prose: str, match: Match, readings: tuple[Reading, ...]) -> tuple[Reading, ...]:
    """``readings`` of the claim ``match``, as the words around it tell them."""
    if _aged(prose, match, readings):
        return tuple(Reading(r.unit, AGE) for r in readings) or (Reading("year", AGE),)
    if is_angle(prose, match):
        return (Reading("degree", ANGLE),)
    if _absolute_zero(prose, match, readings):
        return (Reading("kelvin", "[temperature]"),)
    return readings


def _absolute_zero(prose: str, match: Match, readings: tuple[Reading, ...]) -> bool:
    figure = match.measures[0].figure
    if readings or match.shape != "single" or figure.text.lower() != "zero":
        return False
    return bool(_ABSOLUTE_BEFORE.search(prose, max(0, match.start - 12), match.start))


def _aged(prose: str, match: Match, readings: tuple[Reading, ...]) -> bool:
    if match.qualifier is not None or match.shape == "compound":
        return False
    if readings and not all(r.dimension == "[time]" for r in readings):
        return False
    return bool(_AGED_BEFORE.search(prose, max(0, match.start - 20), match.start))


def is_angle(prose: str, match: Match) -> bool:
    """Degrees of an angle, not a temperature: "a 180-degree turn", "rotate 90°". Only a bare
    "degrees" or "°" is in doubt ("30 degrees Celsius" is not), and only words of its own
    sentence tell: a word of turning or direction, and none of weather."""
    last = match.measures[-1]
    if last.unit is None or last.unit.form.surface.lower() not in _BARE_DEGREES:
        return False
    before = _SENTENCE_BREAK.split(prose[max(0, match.start - 30) : match.start])[-1]
    after = _SENTENCE_BREAK.split(prose[match.end : match.end + 30])[0]
    near = f"{before} {after}"
    return bool(_ANGLE_CONTEXT.search(near)) and not _WEATHER.search(near)
