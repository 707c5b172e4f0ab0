"""Conversion checks: a figure restated in another unit right beside it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from numcheck.checks import Check
from numcheck.checks import Corpus
from numcheck.checks import Option
from numcheck.checks import register
from numcheck.extraction.claims import Claim
from numcheck.extraction.conversions import ConversionPair
from numcheck.extraction.conversions import conversion_pairs
from numcheck.extraction.conversions import corrected_text
from numcheck.extraction.conversions import describe
from numcheck.extraction.conversions import dimensions_differ
from numcheck.extraction.conversions import judge
from numcheck.findings import Finding
from numcheck.findings import Fix
from numcheck.findings import Related
from numcheck.reading.documents import Document
from numcheck.text import one_line


def _figure_text(claim: Claim) -> str:
    """The claim without its qualifier: "190 miles" of "up to 190 miles"."""
    return one_line(claim.text[claim.measures[0].start - claim.location.start :])


def _unit_words(claim: Claim) -> str:
    measure = claim.measures[-1]
    return one_line(claim.text[measure.unit.start - claim.location.start :]) if measure.unit else ""


def _source_note(claim: Claim) -> Related:
    return Related(claim.location, f"the source figure: {one_line(claim.text)}")


class _ConversionRule(Check):
    """A rule on the conversions written beside their source. A run finds a document's pairs
    once, for every such rule, and keeps them in the corpus's cache."""

    _found: dict[str, list[ConversionPair]] | None = None

    def run(self, corpus: Corpus) -> Iterator[Finding]:
        found: dict[str, Any] = corpus.cache.setdefault("conversion pairs", {})
        self._found = found
        return super().run(corpus)

    def pairs(self, document: Document, claims: list[Claim]) -> list[ConversionPair]:
        if self._found is None:  # called outside a run
            return list(conversion_pairs(document.prose, claims))
        pairs = self._found.get(document.path)
        if pairs is None:
            pairs = self._found[document.path] = list(conversion_pairs(document.prose, claims))
        return pairs


@register
class ConversionMismatch(_ConversionRule):
    """The written conversion is wrong beyond rounding.

    ## What it does
    Finds a quantity followed by the same quantity in other units, in parentheses
    ("190 miles (306 km)", "a 190-mile (306-km) range", "30 to 55 km/h (19 to 34 mph)",
    "86F (30C)", "5ft 11in (180cm)", each of "21 knots (39 km/h; 24 mph)") or set off by "or"
    ("190 miles, or 306 km,"), converts the first with pint and checks that each other is a
    rounding of the result at the precision the writer used. A figure given to d decimals
    stands for ±0.5·10^-d (statcheck's rule); a whole number with trailing zeros may be
    rounded to its last non-zero digit, but by no more than 5% ("310 km" and "300 km" pass
    for 305.8 km, "2,000 km" for 1,609 km does not), and one ending in 5 or 0 to the nearest
    5, by no more than 5% for the source and 10% for the converted figure ("235 km/h (145
    mph)", and "16 knots (30 km/h; 20 mph)" as wind tables round), which covers Wikipedia's
    `{{convert}}` rounding. "about", "roughly" and the other approximate qualifiers allow 3%
    more. Temperatures convert with their offsets, unless the words say a difference
    ("warmed by 2 °F (1.1 °C)", "a rise of 3 °C (5.4 °F)", "2 °C (3.6 °F) warmer"). A unit
    with US and imperial readings (gallon, pint, quart, cup, fluid ounce, ton) passes when any
    reading does.

    ## Why is this bad?
    Readers trust both figures, and one of them is wrong: a mistyped digit, a conversion
    done with the wrong factor ("30C (54F)" converts a difference, not a temperature) or a
    figure edited on one side only.

    ## Example
    "a range of up to 190 miles (360 km)". Use instead: "a range of up to 190 miles (306 km)".

    ## Fix safety
    Safe: rewrites the figure in parentheses, rounded as the writer rounded it, and keeps the
    source figure. Display-only where a unit is ambiguous (ton, gallon, pound, degrees, m): the
    finding is then a warning, since another reading of the unit might be meant.

    ## Options
    `tolerance`: extra relative slack allowed on the converted figure (0.01 is 1%).

    ## References
    Nuijten et al., statcheck; Wikipedia, Template:Convert (rounding).
    """

    code, name, level = "NC101", "conversion-mismatch", "error"
    options = {"tolerance": Option("extra relative slack on the converted figure", 0.0, minimum=0)}

    def check_document(self, document: Document, claims: list[Claim]) -> Iterator[Finding]:
        extra = self.settings["tolerance"]
        for pair in self.pairs(document, claims):
            if dimensions_differ(pair):
                continue
            verdict = judge(pair, extra)
            if verdict is None or verdict.agrees:
                continue
            corrected = corrected_text(pair, verdict, extra)
            expected = " to ".join(describe(value) for value in verdict.expected)
            unit = _unit_words(pair.target) or verdict.target_unit
            message = (
                f"'{one_line(pair.target.text)}' does not match '{_figure_text(pair.source)}', "
                f"which is {expected} {unit}"
            )
            fix = None
            if corrected and corrected != pair.target.text:
                fix = Fix(corrected, "display-only" if verdict.ambiguous else "safe")
                message += f"; write '{one_line(corrected)}'"
            yield self.finding(
                pair.target.location,
                message,
                related=(_source_note(pair.source),),
                fix=fix,
                level="warning" if verdict.ambiguous else None,
            )


@register
class ConversionDimension(_ConversionRule):
    """The two sides of a conversion are not the same kind of quantity.

    ## What it does
    Finds a quantity followed by another in parentheses or after ", or" whose unit measures
    something else: a length restated as a mass ("190 miles (306 kg)"), a speed as a length.
    Durations are left alone, since "a 300 km (two-hour) drive" is an aside, not a conversion;
    so are counts, percentages, ages and money. A mass beside a volume ("80 kilograms (50
    litres) of fuel") is the weight and volume of one substance: a note, not an error.

    ## Why is this bad?
    The unit of one side is wrong, so at least one figure misleads the reader.

    ## Example
    "up to 190 miles (306 kg)". Use instead: "up to 190 miles (306 km)".

    ## Fix safety
    No fix: numcheck cannot know which unit was meant.
    """

    code, name, level = "NC102", "conversion-dimension", "error"

    def check_document(self, document: Document, claims: list[Claim]) -> Iterator[Finding]:
        for pair in self.pairs(document, claims):
            if (
                not dimensions_differ(pair)
                or _involves_time(pair.source)
                or _involves_time(pair.target)
            ):
                continue
            source = _dimension_name(pair.source)
            target = _dimension_name(pair.target)
            substance = {source, target} == {"mass", "volume"}
            ending = (
                "numcheck does not check a conversion that depends on the substance"
                if substance
                else "this is not a conversion"
            )
            yield self.finding(
                pair.target.location,
                f"'{one_line(pair.target.text)}' is a {target}, "
                f"but '{one_line(pair.source.text)}' is a {source}: {ending}",
                related=(_source_note(pair.source),),
                level="note" if substance else None,
            )


DIMENSION_NAMES = {
    "[length]": "length",
    "[mass]": "mass",
    "[time]": "duration",
    "[temperature]": "temperature",
    "[length] / [time]": "speed",
    "[length] ** 2": "area",
    "[length] ** 3": "volume",
    "[length] ** 2 * [mass] / [time] ** 2": "energy or torque",
    "[length] ** 2 * [mass] / [time] ** 3": "power",
    "[mass] / [length] / [time] ** 2": "pressure",
    "1 / [time]": "frequency",
    "information": "quantity of data",
    "information / [time]": "data rate",
    "[length] ** 2 / [time] ** 2": "radiation dose",
    "angle": "angle",
    "[length] ** 3 / [time]": "flow",
    "[mass] / [time]": "mass rate",
}


def _dimension_name(claim: Claim) -> str:
    return " or ".join(
        sorted({DIMENSION_NAMES.get(r.dimension, r.dimension) for r in claim.readings})
    )


def _involves_time(claim: Claim) -> bool:
    return any(r.dimension == "[time]" for r in claim.readings)
