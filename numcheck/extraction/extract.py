"""Extraction: every numeric claim of a Document.

The grammar is tried only where a claim can begin: a figure, a currency sign, a number word,
or a qualifier that is followed by one (a fast regular-expression scan). What the grammar
accepts then passes the exclusion rules, gets its unit readings, interval and subject.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import replace

from numcheck.extraction.candidates import next_start
from numcheck.extraction.claims import Claim
from numcheck.extraction.claims import interval
from numcheck.extraction.conversions import conversion_pairs
from numcheck.extraction.conversions import may_follow
from numcheck.extraction.exclusions import exclusion_reason
from numcheck.extraction.grammar import Match
from numcheck.extraction.grammar import compound_units
from numcheck.extraction.grammar import parse_at
from numcheck.extraction.grammar import shift_match
from numcheck.extraction.limit import figure_limit
from numcheck.extraction.measures import Measure
from numcheck.extraction.measures import readings_of
from numcheck.extraction.numbers import Figure
from numcheck.extraction.readings import in_context
from numcheck.extraction.sentences import sentence_start
from numcheck.extraction.subjects import subject_phrase
from numcheck.extraction.units import COUNT
from numcheck.extraction.units import CURRENCY
from numcheck.extraction.units import Reading
from numcheck.extraction.units import convert
from numcheck.failures import located
from numcheck.findings import Location
from numcheck.reading.documents import Document

_OF = re.compile(r"\s+of(?=\s)")


def extract(document: Document, cache: MatchCache | None = None) -> list[Claim]:
    """Every claim of ``document``, up to the figure limit (``numcheck.extraction.limit``);
    a conversion written beside its source ("190 miles (306 km)") takes the subject of its
    source and is marked ``restates``."""
    found = iter_claims(document, cache)
    limit = figure_limit()
    claims = list(itertools.islice(found, limit))
    kept = len(claims)
    if kept == limit:  # the claims that may finish a conversion the last one is part of
        claims += _conversion_rest(document.prose, claims[-1], found)
    index_of = {id(claim): index for index, claim in enumerate(claims)}
    for pair in list(conversion_pairs(document.prose, claims)):
        claims[index_of[id(pair.target)]] = replace(
            pair.target, subject=pair.source.subject, restates=True
        )
    return claims[:kept]


def _conversion_rest(prose: str, last: Claim, following: Iterator[Claim]) -> list[Claim]:
    """The claims right after ``last`` that may be part of a conversion with it: read, so
    that the claims before a cut are marked as a whole reading marks them."""
    rest = []
    for claim in following:
        if not may_follow(prose, last, claim):
            break
        rest.append(claim)
        last = claim
    return rest


_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")


def paragraphs(prose: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of each paragraph: no claim spans a blank line."""
    start = 0
    for found in _PARAGRAPH_BREAK.finditer(prose):
        if found.start() > start:
            yield start, found.start()
        start = found.end()
    if start < len(prose):
        yield start, len(prose)


def paragraph_matches(text: str) -> tuple[Match, ...]:
    """What the grammar finds in one paragraph and the exclusions let through, with offsets
    into ``text``."""
    return tuple(iter_matches(text))


def iter_matches(text: str) -> Iterator[Match]:
    """``paragraph_matches``, one at a time: a reader that stops early (at the figure limit)
    leaves the rest of the paragraph unparsed."""
    position = 0
    previous_end = -1
    while True:
        found = next_start(text, position)
        if found is None:
            return
        match = parse_at(text, found[0])
        if match is None or exclusion_reason(text, match):
            position = found[1]
            continue
        if previous_end >= 0 and not text[previous_end : match.start].strip():
            match = _preposition(match)
        yield match
        position = previous_end = match.end


# How far the making of a claim reads outside its paragraph (a subject, a key, a sentence
# start look at most this far): a paragraph's claims are reused only when the text this close
# around it is unchanged. Code that reads further around a figure must raise it.
CONTEXT = 400


class MatchCache:
    """What one document's paragraphs gave, for a caller that extracts it again and again (an
    editor buffer): a paragraph whose text is unchanged is not parsed again, and one that also
    sits where it was, on the same line, with the same text around it, keeps its claims.

    The cache keeps two generations: the paragraphs of the extraction under way and those of
    the one before it. Each extraction (``iter_claims``) starts a new generation, so what an
    edit replaced is dropped after the next extraction and memory stays within twice the
    document, however long the editing goes on. Use one cache per document."""

    def __init__(self) -> None:
        self._current: dict[object, object] = {}
        self._previous: dict[object, object] = {}

    def begin(self) -> None:
        """Start a new extraction: the paragraphs not seen since the last one are forgotten."""
        self._previous, self._current = self._current, {}

    def _get(self, key: object, make):
        found = self._current.get(key)
        if found is None:
            found = self._previous.get(key)
            if found is None:
                found = make()
            self._current[key] = found
        return found

    def matches(self, text: str) -> tuple[Match, ...]:
        return self._get(text, lambda: paragraph_matches(text))

    def claims(self, document: Document, start: int, end: int) -> tuple[Claim, ...]:
        key = (
            document.path,
            document.story,
            start,
            document.position(start)[0],
            document.source[start:end],
            document.prose[max(0, start - CONTEXT) : end + CONTEXT],
        )
        return self._get(key, lambda: tuple(_paragraph_claims(document, start, end, self)))

    def __len__(self) -> int:
        return len(self._current) + len(self._previous)


def iter_claims(document: Document, cache: MatchCache | None = None) -> Iterator[Claim]:
    """The claims of each paragraph in turn; an unexpected error says which paragraph."""
    if cache is not None:
        cache.begin()
    for start, end in paragraphs(document.prose):
        if cache is not None:
            yield from cache.claims(document, start, end)
        else:
            yield from _paragraph_claims(document, start, end)


def _paragraph_claims(
    document: Document, start: int, end: int, cache: MatchCache | None = None
) -> Iterator[Claim]:
    with located(start):
        text = document.prose[start:end]
        matches = iter(cache.matches(text) if cache is not None else iter_matches(text))
    while True:
        with located(start):  # the paragraph is parsed as its claims are asked for
            match = next(matches, None)
        if match is None:
            return
        shifted = shift_match(match, start)
        with located(shifted.start):
            claim = _claim(document, shifted)
        yield claim


def _preposition(match: Match) -> Match:
    """Right after a figure, "over" and "under" are prepositions, not qualifiers: "$5bn over
    five years", "1 over 3"."""
    if (match.qualifier_text or "").lower() not in ("over", "under", "above", "below"):
        return match
    return replace(match, start=match.measures[0].start, qualifier=None, qualifier_text=None)


def _location(document: Document, start: int, end: int) -> Location:
    line, column = document.position(start)
    end_line, end_column = document.position(end)
    return Location(document.path, line, column, end_line, end_column, start, end)


def _shared_unit(measures: tuple[Measure, ...]) -> tuple[Measure, ...]:
    """In "10 to 12 km", "$5-10bn" and "$5 to $10 a share" the first figure takes the unit
    and scale of the last."""
    last = measures[-1]
    rate = last.unit is not None and last.unit.form.style == "rate"
    shared = []
    for measure in measures[:-1]:
        if measure.unit is None and measure.currency is None:
            measure = replace(measure, unit=last.unit, currency=last.currency)
        elif measure.unit is None and rate:
            measure = replace(measure, unit=last.unit)
        if measure.scale == 1 and last.scale != 1:
            measure = replace(measure, figure=measure.figure.scaled(last.scale), scale=last.scale)
        shared.append(measure)
    return (*shared, last)


def _compound_total(measures: tuple[Measure, ...]) -> Measure:
    """ "5ft 11in" as one measure in feet: 5.92 ft, known to the inch."""
    big = measures[0]
    unit, small_unit = compound_units(big, measures[1]) or (None, None)
    total, step = 0.0, big.figure.step
    for measure, part in zip(measures, (unit, small_unit), strict=True):
        factor = convert(1.0, part, unit) if part and unit and part != unit else 1.0
        total += measure.figure.value * factor
        step = measure.figure.step * factor
    last = measures[-1].figure
    figure = Figure(big.figure.start, last.end, big.figure.text, total, step, step, decimals=2)
    return replace(big, end=measures[-1].end, figure=figure)


def _claim(document: Document, match: Match) -> Claim:
    measures = _shared_unit(match.measures) if match.shape == "range" else match.measures
    first = measures[0]
    readings = in_context(document.prose, match, readings_of(first))
    if match.shape == "compound":  # "7 pounds 6 ounces" weighs: pounds are not money here
        part = {r.dimension for r in readings_of(measures[-1])}
        readings = tuple(r for r in readings if r.dimension in part) or readings
    unit = readings[0].unit if len(readings) == 1 else None
    dimension = readings[0].dimension if len(readings) == 1 else COUNT
    if len(readings) > 1 and len({r.dimension for r in readings}) == 1:
        dimension = readings[0].dimension
    qualifier = "range" if match.shape == "range" else (match.qualifier or "exact")
    if first.figure.vague and qualifier not in ("lower-bound", "less-than"):
        qualifier = "range"  # "tens of thousands": 10,000 to 100,000
    if match.shape == "compound":
        total = _compound_total(measures)
        low, high = interval((total,), qualifier)
        value = total.figure.value
    else:
        low, high = interval(measures, qualifier)
        value = None if qualifier == "range" else first.figure.value
    adjectival = any(m.unit is not None and m.unit.hyphenated for m in measures)
    subject = _subject(document.prose, match, readings, adjectival)
    return Claim(
        location=_location(document, match.start, match.end),
        text=document.source[match.start : match.end],
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        qualifier_text=match.qualifier_text,
        unit=unit,
        dimension=dimension,
        subject=subject,
        readings=readings,
        measures=measures,
        shape=match.shape,
        adjectival=adjectival,
        sentence=sentence_start(document.prose, match.start),
    )


def _subject(
    prose: str, match: Match, readings: tuple[Reading, ...], adjectival: bool
) -> str | None:
    end = match.end
    if match.measures[0].figure.vague:  # "millions of Americans": what follows "of"
        of = _OF.match(prose, end)
        end = of.end() if of else end
    return subject_phrase(
        prose,
        match.start,
        end,
        measured=any(r.is_physical for r in readings),
        money=any(r.dimension == CURRENCY for r in readings),
        adjectival=adjectival,
        share=any(r.dimension == "percent" for r in readings),
    )
