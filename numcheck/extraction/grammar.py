"""The pyparsing grammar of numeric claims.

A claim is an optional qualifier followed by one of:

    between  := "between" measure "and" measure
    range    := measure ("-" | "–" | "to" | "or") measure
    compound := measure ["and"] measure     (only a unit and its part: "5ft 11in", "3 dollars
                                              50 cents"); "45 and 50 mg": the first takes the unit
    measure  := amount [unit [rate] ["-old"]] ("190 miles", "a 190-mile", "86F", "25%",
                                              "760 metres per second", "$2,800 a month",
                                              "a 47-year-old", "20 (kg)")
    amount   := [currency] number [scale]  ("$5bn", "£4.2m", "1.5 million", "5k")
    number   := fraction | power of ten | digits | magnitude | words
                ("1/4", "2 1/2", "48 3⁄4", "2.48×10−5", "10,000", "tens of thousands",
                 "twenty-five")

Unit words, currencies, scales and qualifiers come from the rule packs. The grammar is only
tried where a claim can begin (``candidate_starts``); what is *not* a quantity although it
parses (years, dates, model names...) is decided afterwards by ``exclusions``.
"""

from __future__ import annotations

import functools
import re
from contextvars import ContextVar
from dataclasses import dataclass
from dataclasses import replace

import pyparsing as pp

from numcheck.extraction.numbers import DIGITS_PATTERN
from numcheck.extraction.numbers import FRACTION_PATTERN
from numcheck.extraction.numbers import SCIENTIFIC_PATTERN
from numcheck.extraction.numbers import VAGUE_PATTERN
from numcheck.extraction.numbers import VULGAR
from numcheck.extraction.numbers import WORD_NUMBER_PATTERN
from numcheck.extraction.numbers import Figure
from numcheck.extraction.numbers import digits_figure
from numcheck.extraction.numbers import fraction_figure
from numcheck.extraction.numbers import scientific_figure
from numcheck.extraction.numbers import vague_figure
from numcheck.extraction.numbers import words_figure
from numcheck.extraction.patterns import alternation
from numcheck.extraction.qualifiers import postfix_table
from numcheck.extraction.qualifiers import qualifier_table
from numcheck.extraction.subjects import FUNCTION_WORDS
from numcheck.extraction.units import AGE
from numcheck.extraction.units import COUNT
from numcheck.extraction.units import CURRENCY
from numcheck.extraction.units import Lexicon
from numcheck.extraction.units import Reading
from numcheck.extraction.units import UnitForm
from numcheck.extraction.units import lexicon
from numcheck.extraction.units import rate_readings

# The longest stretch of text one claim may cover; a window never crosses a blank line.
WINDOW = 160


@dataclass(frozen=True)
class UnitMention:
    start: int
    end: int
    form: UnitForm
    hyphenated: bool  # "190-mile": the unit is used as an adjective
    age: bool = False  # "a 47-year-old": the time unit is an age


@dataclass(frozen=True)
class Measure:
    """One figure with what is written around it: currency, scale and unit."""

    start: int
    end: int
    figure: Figure
    currency: str | None = None
    unit: UnitMention | None = None
    words: bool = False  # the figure is written in words
    scale: float = 1.0  # "million", "bn", "k"


@dataclass(frozen=True)
class Match:
    """What the grammar found: a qualifier and one, two (range) or more (compound) measures."""

    start: int
    end: int
    qualifier: str | None
    qualifier_text: str | None
    shape: str  # "single", "range" or "compound"
    measures: tuple[Measure, ...]


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


def _located(expression: pp.ParserElement) -> pp.ParserElement:
    """Give a terminal's matched text with its start and end offsets."""
    return expression.copy().set_parse_action(
        lambda s, loc, toks: Token(loc, loc + len(toks[0]), toks[0])
    )


# "twenty-one trillion three hundred and forty-five thousand six hundred and seventy-eight"
_MOST_WORDS = 20


class _WordNumber(pp.Token):
    """A number in words: the longest run of number words that reads as one number, so that
    "Two thirty-year bonds" reads "Two" and then "thirty-year"."""

    _pattern = re.compile(WORD_NUMBER_PATTERN, re.IGNORECASE)
    _cut = re.compile(r"[\s-]+")

    def __init__(self) -> None:
        super().__init__()
        self.errmsg = "expected a number in words"
        self.mayReturnEmpty = False

    def parseImpl(self, instring: str, loc: int, do_actions: bool = True):  # noqa: N802
        found = self._pattern.match(instring, loc)
        text = found.group() if found else ""
        ends = [cut.start() for cut in self._cut.finditer(text)][:_MOST_WORDS] + [len(text)]
        best, misses = None, 0
        for end in ends:  # growing prefixes; "two and a" fails where "two and a half" reads
            figure = words_figure(loc, text[:end])
            if figure is not None:
                best, misses = figure, 0
            else:
                misses += 1
                if misses > 3:
                    break
        if best is None:
            raise pp.ParseException(instring, loc, self.errmsg, self)
        return best.end, best


@functools.cache
def grammar() -> pp.ParserElement:
    return _build(lexicon())


@dataclass(frozen=True)
class Postfix:
    """A qualifier written after the figure: "10,000 or more", "20 or so"."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Separator:
    """What joins the two ends of a range: "-", "–", "to", "- to" ("8- to 16-metre")."""

    text: str

    @property
    def hyphen(self) -> bool:
        return self.text.strip() == "-"


class _Number(pp.Token):
    """A figure: a fraction ("1/4", "2 1/2"), a power of ten ("2.48×10−5"), digits
    ("10,000", "1.5"), a magnitude ("tens of thousands") or words ("twenty-five"), tried in
    that order in one step."""

    _patterns = (
        (re.compile(FRACTION_PATTERN), fraction_figure),
        (re.compile(SCIENTIFIC_PATTERN), scientific_figure),
        (re.compile(DIGITS_PATTERN), digits_figure),
        (re.compile(VAGUE_PATTERN), vague_figure),
    )

    def __init__(self) -> None:
        super().__init__()
        self.errmsg = "expected a number"
        self.mayReturnEmpty = False
        self._words = _WordNumber()

    def parseImpl(self, instring: str, loc: int, do_actions: bool = True):  # noqa: N802
        for pattern, maker in self._patterns:
            found = pattern.match(instring, loc)
            if found:
                figure = maker(loc, found.group())
                if figure is not None:
                    return found.end(), figure
        return self._words.parseImpl(instring, loc, do_actions)


@dataclass(frozen=True)
class Amount:
    """The parts of an amount: the figure and what is written against it."""

    figure: Figure
    currency: Token | None
    minus: Token | None
    scale: Token | None


class _Amount(pp.Token):
    """An amount, read as one lexeme: ``[currency | "minus"] number [scale]`` ("$5bn",
    "£4.2m", "minus 12", "1.5 million", "5k"). A scale touching the figure ("bn", "m") is
    only read after money; without it only "5k" is ("4K" is a resolution, "5K" a race)."""

    def __init__(self, lx: Lexicon) -> None:
        super().__init__()
        self.errmsg = "expected an amount"
        self.mayReturnEmpty = False
        words = rf"\s*(?i:{alternation(list(lx.scale_words))})(?![\w])"
        self._currency = re.compile(alternation(list(lx.currency_prefixes)))
        self._minus = re.compile(r"(?i:minus)(?=\s+\d)")
        self._space = re.compile(r"\s*")
        touching = alternation(list(lx.scale_attached))
        self._money_scale = re.compile(rf"(?:{touching})(?![\w])|{words}")
        self._plain_scale = re.compile(rf"k(?![\w])|{words}")
        self._number = _Number()

    def parseImpl(self, instring: str, loc: int, do_actions: bool = True):  # noqa: N802
        currency = minus = None
        position = loc
        for pattern in (self._currency, self._minus):
            found = pattern.match(instring, loc)
            if found:
                sign = Token(loc, found.end(), found.group())
                currency, minus = (sign, None) if pattern is self._currency else (None, sign)
                position = self._space.match(instring, found.end()).end()
                break
        end, figure = self._number.parseImpl(instring, position, do_actions)
        if figure.vague:  # "thousands": no scale after a magnitude
            return end, Amount(figure, currency, minus, None)
        scale_pattern = self._money_scale if currency else self._plain_scale
        found = scale_pattern.match(instring, end)
        scale = Token(end, found.end(), found.group()) if found else None
        return (found.end() if found else end), Amount(figure, currency, minus, scale)


def _trie(forms: list[UnitForm], *, fold_case: bool) -> re.Pattern[str] | None:
    """One pattern for a set of unit surfaces, the longest that ends at a word boundary;
    words match in any case and with a hyphen or spaces between them ("square-foot")."""
    surfaces = {form.surface for form in forms}
    if not surfaces:
        return None
    body = alternation(surfaces, fold_case=fold_case, space=r"[\s-]+")
    flags = "(?i:" if fold_case else "(?:"
    return re.compile(rf"{flags}{body})(?![\w°]|\.[A-Za-z])")


class _Surfaces:
    """Where a unit can be read: touching the figure ("11in", "km"), after a space ("306 km",
    "2 in)") or after a hyphen ("190-mile"); the longest surface wins."""

    def __init__(self, forms: list[UnitForm]) -> None:
        by_style: dict[str, list[UnitForm]] = {}
        for form in forms:
            by_style.setdefault(form.style, []).append(form)

        def compiled(*styles: str) -> list[re.Pattern[str]]:
            patterns = [
                _trie(by_style.get(style, []), fold_case=style == "word") for style in styles
            ]
            return [pattern for pattern in patterns if pattern is not None]

        self.touching = compiled("attached", "symbol", "word")
        self.spaced = compiled("symbol", "word")
        self.guarded = compiled("guarded")

    @staticmethod
    def longest(patterns: list[re.Pattern[str]], text: str, loc: int) -> re.Match[str] | None:
        best = None
        for pattern in patterns:
            found = pattern.match(text, loc)
            if found and (best is None or found.end() > best.end()):
                best = found
        return best


# What may follow a guarded unit ("2 in"): a bracket or punctuation, the end, "of", "x", or a
# word of size ("12 in long"). Never another figure or a name ("5 in 10", "2 in Paris").
_NUMBER_WORD = re.compile(rf"(?i:{WORD_NUMBER_PATTERN})")
_GUARD_AFTER = re.compile(
    r"[ \t]*(?:[()\[\]{};:,.!?/]|\Z|[×x](?:[ \t]|\d)|(?:of|thick|long|wide|high|tall|deep|across"
    r"|diameter|in\s+diameter|barrel|bore|calibre|caliber|gauge|apart|away|deeper|longer|taller"
    r"|wider|shorter|higher|lower)\b)"
)
_ARTICLE_BEFORE = re.compile(r"(?:^|\W)(?:a|an|A|An)\s+\Z")
_NOUN_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
_OLD = re.compile(r"(?:-|[ \t]+)(?i:old)\b|[ \t]+of[ \t]+age\b")
_BARE_DIGITS = re.compile(rf"(?:{FRACTION_PATTERN}|{DIGITS_PATTERN})\s+")
_NOT_PER = re.compile(r"\s+(?i:earlier|ago|later|before|after|on|from|since|or\s+so)\b")
_FIGURE_NEXT = re.compile(r"\s*[-\u2212]?\.?\d")
_BRACKETED = re.compile(r"[ \t]*[(\[{<][ \t]*")
_BRACKET_CLOSE = re.compile(r"[ \t]*[)\]}>]")
_HYPHEN = re.compile(r"-(?=\w)")
_SPACE = re.compile(r"\s+")
# The text before the parsed window ("a 14 in gun" needs the article), set by ``parse_at``.
_LEAD: ContextVar[str] = ContextVar("lead", default="")


class _Measure(pp.Token):
    """A measure in one step: ``amount [unit [rate] [old]]``, ``amount (unit)`` or
    ``money [rate]`` ("190 miles", "a 190-mile", "86F", "25%", "760 metres per second",
    "$3.40 per gallon", "$2,800 a month", "a 47-year-old", "20 (kg)", "thousands of dollars").
    ``part`` reads the second figure of a compound ("5 ft 2 in"), where a guarded unit needs
    no guard."""

    def __init__(self, lx: Lexicon, *, part: bool = False) -> None:
        super().__init__()
        self.errmsg = "expected a measure"
        self.mayReturnEmpty = False
        self._lx = lx
        self._part = part
        self._amount = _Amount(lx)
        self._units = _Surfaces(list(lx.forms))
        self._per = _Surfaces([*lx.denominators, *_per_noun_forms(lx)])
        self._rate = re.compile(
            r"(?P<a>[ \t]+(?i:an?)[ \t]+|-(?i:an?)-)|[ \t]*/[ \t]*|\s+(?i:per)\s+|-(?i:per)-"
        )
        scale_words = alternation(list(lx.scale_words))
        self._scale_after = re.compile(rf"\s+(?i:{scale_words})(?![\w])")
        self._of = re.compile(r"\s+of\s+")

    def parseImpl(self, instring: str, loc: int, do_actions: bool = True):  # noqa: N802
        end, amount = self._amount.parseImpl(instring, loc, do_actions)
        unit: UnitMention | None = None
        if amount.figure.vague:  # "thousands of dollars": the unit comes after "of"
            of = self._of.match(instring, end)
            if of:
                unit = self._unit_at(instring, of.end(), hyphenated=False, spaced=True, loc=loc)
        else:
            unit = self._unit(instring, end, loc)
        if unit is None and amount.currency is None and not amount.figure.vague:
            unit = self._bracketed(instring, end)
        scale = amount.scale
        if unit is not None:
            end = unit.end
            if scale is None and _is_money(unit.form.readings):  # "75 USD million"
                found = self._scale_after.match(instring, end)
                if found:
                    scale = Token(found.start() + 1, found.end(), found.group().strip())
                    end = found.end()
        rate = self._rated(instring, end, amount, unit)
        if rate is not None:
            unit, end = rate, rate.end
        if unit is not None:
            old = _OLD.match(instring, end)
            if old and any(r.dimension == "[time]" for r in unit.form.readings):
                unit = replace(unit, end=old.end(), age=True)  # "a 47-year-old man"
                end = old.end()
        return end, _measure(self._lx, replace(amount, scale=scale), unit, end)

    def _unit(self, instring: str, end: int, loc: int) -> UnitMention | None:
        if _HYPHEN.match(instring, end):
            found = self._unit_at(instring, end + 1, hyphenated=True, spaced=False, loc=loc)
            if found is not None:
                return found
        found = self._unit_at(instring, end, hyphenated=False, spaced=False, loc=loc)
        if found is not None:
            return found
        space = _SPACE.match(instring, end)
        if space is None:
            return None
        return self._unit_at(instring, space.end(), hyphenated=False, spaced=True, loc=loc)

    def _unit_at(
        self, instring: str, at: int, *, hyphenated: bool, spaced: bool, loc: int
    ) -> UnitMention | None:
        patterns = self._units.spaced if spaced else self._units.touching
        found = _Surfaces.longest(patterns, instring, at)
        if found is None and spaced and self._bare_digits(instring, loc, at):
            guarded = _Surfaces.longest(self._units.guarded, instring, at)
            if guarded is not None and self._guard_holds(instring, loc, guarded.end()):
                found = guarded
        if found is None:
            return None
        form = self._lx.form(found.group(), spaced=spaced)
        if form is None:
            return None
        if found.group() in self._lx.currency_prefixes and _FIGURE_NEXT.match(
            instring, found.end()
        ):
            return None  # "$20,000.00 $37,305.97": the sign belongs to the next figure
        return UnitMention(at, found.end(), form, hyphenated)

    @staticmethod
    def _bare_digits(instring: str, loc: int, at: int) -> bool:
        """A guarded unit follows only a figure in digits with nothing against it: "2 in",
        never "$5bn in", "one in"."""
        return bool(_BARE_DIGITS.fullmatch(instring, loc, at))

    def _guard_holds(self, instring: str, loc: int, end: int) -> bool:
        """Whether a guarded unit ("in") is read: see ``rules/units.yaml``."""
        if self._part or _GUARD_AFTER.match(instring, end):
            return True
        noun = _NOUN_AFTER.match(instring, end)
        if noun is None or noun.group(1) in FUNCTION_WORDS or _NUMBER_WORD.fullmatch(noun.group(1)):
            return False
        return bool(_ARTICLE_BEFORE.search(_LEAD.get() + instring[:loc]))

    def _bracketed(self, instring: str, end: int) -> UnitMention | None:
        """ "20 (kg)", "20 [kg]": a unit alone in brackets after the figure."""
        opening = _BRACKETED.match(instring, end)
        if opening is None:
            return None
        found = _Surfaces.longest(self._units.touching, instring, opening.end())
        if found is None:
            return None
        closing = _BRACKET_CLOSE.match(instring, found.end())
        form = self._lx.form(found.group())
        if closing is None or form is None:
            return None
        return UnitMention(opening.end(), closing.end(), form, False)

    def _rated(
        self, instring: str, end: int, amount: Amount, unit: UnitMention | None
    ) -> UnitMention | None:
        """The unit of a rate ("metres per second", "$3.40 per gallon", "$2,800 a month") that
        begins at ``end``, or None. Money takes any connector and may be counted per a noun
        ("a share"); a physical unit takes "/", "per" or "-per-", or "a"/"an" before a time."""
        if unit is not None and unit.age:
            return None
        numerator = unit.form.readings if unit is not None else ()
        if amount.currency is not None and (unit is None or not _is_money(numerator)):
            numerator = (Reading(self._lx.currency_prefixes[amount.currency.text], CURRENCY),)
        money = _is_money(numerator)
        if not numerator or not (money or all(r.is_physical for r in numerator)):
            return None
        connector = self._rate.match(instring, end)
        if connector is None:
            return None
        found = _Surfaces.longest(self._per.spaced, instring, connector.end())
        if found is None or (connector.group("a") and _NOT_PER.match(instring, found.end())):
            return None  # "$1.17 billion a year earlier" is not a rate
        per = self._per_form(found.group())
        if per is None:
            return None
        if not money and (
            any(r.dimension == COUNT for r in per.readings)  # "miles per person"
            or (connector.group("a") and not _all_time(per.readings))
        ):
            return None
        if not money and {r.dimension for r in per.readings} & {r.dimension for r in numerator}:
            return None  # "micrograms per gram" is a ratio numcheck does not read
        readings = rate_readings(numerator, per.readings)
        if not readings:
            return None
        start = unit.start if unit is not None else connector.start()
        surface = instring[start : found.end()]
        hyphenated = (unit is not None and unit.hyphenated) or connector.group().startswith("-")
        return UnitMention(start, found.end(), UnitForm(surface, "rate", readings), hyphenated)

    def _per_form(self, surface: str) -> UnitForm | None:
        form = self._lx.form(surface, spaced=True)
        if form is not None:
            return form
        noun = self._lx.per_nouns.get(surface.lower())
        return None if noun is None else UnitForm(surface, "word", (Reading(noun, COUNT),))


def _per_noun_forms(lx: Lexicon) -> list[UnitForm]:
    return [UnitForm(noun, "word", (Reading(noun, COUNT),)) for noun in lx.per_nouns]


def _is_money(readings: tuple[Reading, ...]) -> bool:
    return bool(readings) and all(r.dimension == CURRENCY for r in readings)


def _all_time(readings: tuple[Reading, ...]) -> bool:
    return all(r.dimension == "[time]" for r in readings)


def _build(lx: Lexicon) -> pp.ParserElement:
    measure = _Measure(lx)
    part = _Measure(lx, part=True)
    separator = r"-[ \t]+to(?![\w])|[ \t]?–[ \t]?|—|-(?=[\d$£€.])|[ \t\n]+(?i:to|or)(?![\w])"
    money = alternation(list(lx.currency_prefixes))
    figure_start = rf"[\d.{VULGAR}]|{money}|(?i:minus|and|{WORD_NUMBER_PATTERN})"
    # Only look for a second figure where a range separator or a figure follows: one test
    # instead of trying every part of a range and a measure on the words after most claims.
    tail_ahead = pp.FollowedBy(pp.Regex(rf"{separator}|\s*(?:{figure_start})").leave_whitespace())

    range_separator = (
        pp.Regex(separator)
        .leave_whitespace()
        .set_parse_action(lambda toks: Separator(toks[0].strip()))
    )
    between = (
        pp.Suppress(pp.CaselessKeyword("between"))
        + measure
        + pp.Suppress(pp.CaselessKeyword("and"))
        + measure
    )
    joined = pp.CaselessKeyword("and").set_parse_action(lambda: Joiner("and"))
    compound_part = pp.Opt(joined) + part("compound_part")
    tail = (range_separator + measure)("range_end") | compound_part
    core = (measure + pp.Opt(tail_ahead + tail)) | pp.Group(between)("between")
    # A qualifier ends at a word boundary, unless it ends in a sign: "~40", "c.1500".
    qualifier_pattern = rf"(?i:{alternation(list(qualifier_table()))})(?:(?<=\W)|(?![\w]))"
    qualifier = _located(pp.Regex(qualifier_pattern))("qualifier")
    postfix = pp.Regex(rf"(?i:{alternation(list(postfix_table()))})(?![\w])").set_parse_action(
        lambda s, loc, toks: Postfix(loc, loc + len(toks[0]), toks[0])
    )
    claim = pp.Located(pp.Opt(qualifier) + core + pp.Opt(postfix))
    claim.parse_with_tabs()
    return claim


@dataclass(frozen=True)
class Joiner:
    """The "and" of "5 feet and 2 inches" or "45 and 50 mg"."""

    text: str


def _measure(lx: Lexicon, amount: Amount, unit: UnitMention | None, end: int) -> Measure:
    figure = amount.figure
    start = figure.start
    currency = None
    if amount.currency is not None:
        start = amount.currency.start
        currency = lx.currency_prefixes[amount.currency.text]
    factor = 1.0
    if amount.scale is not None:
        text = amount.scale.text.strip()
        factor = lx.scale_attached.get(text) or lx.scale_words[" ".join(text.lower().split())]
        figure = figure.scaled(factor)
    if unit is not None:
        shares = {r.scale for r in unit.form.readings}
        if len(shares) == 1 and all(r.dimension.startswith(CURRENCY) for r in unit.form.readings):
            share = shares.pop()  # "45 cents", "30 MUSD"
            if share != 1:
                figure = figure.scaled(share)
                factor *= share
    words = not any(char.isdigit() for char in figure.text)
    if amount.minus is not None:  # "minus 5C": the sign is part of the figure
        start = amount.minus.start
        text = f"{amount.minus.text} {figure.text}"
        figure = replace(figure, start=start, text=text, value=-figure.value)
    return Measure(start, end, figure, currency, unit, words, factor)


def readings_of(measure: Measure) -> tuple[Reading, ...]:
    """What a measure's unit may mean: a rate or unit's readings, else its currency."""
    if measure.unit is not None and (measure.currency is None or measure.unit.form.style == "rate"):
        readings = measure.unit.form.readings
        if measure.unit.age:
            return tuple(Reading(r.unit, AGE) for r in readings if r.dimension == "[time]")
        return readings
    if measure.currency:
        return (Reading(measure.currency, CURRENCY),)
    return ()


# Verbs and nouns of a change: "rose from 40 to 50", "increased by $12.5 billion to $260.3
# billion", "rose 25 cents to $61.40" are a change and a level, not a range.
_CHANGE_WORDS = (
    r"\b(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|increas(?:e[sd]?|ing)|decreas(?:e[sd]?|ing)"
    r"|gr[eo]w(?:s|n|ing)?|drop(?:s|ped|ping)?|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?|cut(?:s|ting)?"
    r"|rais(?:e[sd]?|ing)|reduc(?:e[sd]?|ing)|lower(?:s|ed|ing)?|lift(?:s|ed|ing)?"
    r"|boost(?:s|ed|ing)?|slip(?:s|ped|ping)?|sl[iu]d(?:es|ing)?|soar(?:s|ed|ing)?"
    r"|surg(?:e[sd]?|ing)|plung(?:e[sd]?|ing)|plummet(?:s|ed|ing)?|tumbl(?:e[sd]?|ing)"
    r"|declin(?:e[sd]?|ing)|doubl(?:e[sd]?|ing)|tripl(?:e[sd]?|ing)|went|go(?:es|ne|ing)?"
    r"|mov(?:e[sd]?|ing)|revis(?:e[sd]?|ing)|upgrad(?:e[sd]?|ing)|downgrad(?:e[sd]?|ing)"
    r"|expand(?:s|ed|ing)?|shr[iau]nk(?:s|ing)?|chang(?:e[sd]?|ing)|swung|swing(?:s|ing)?"
    r"|up|down|widen(?:s|ed|ing)?|narrow(?:s|ed|ing)?|extend(?:s|ed|ing)?|gain(?:s|ed|ing)?"
    r"|los(?:e|es|t|ing)|add(?:s|ed|ing)?|advanc(?:e[sd]?|ing)|dip(?:s|ped|ping)?|sank|sunk"
    r"|sink(?:s|ing)?|eas(?:e[sd]?|ing)|rall(?:y|ies|ied|ying)|shed(?:s|ding)?)\b"
)
_CHANGE_FROM = re.compile(rf"{_CHANGE_WORDS}[^.;:!?\n]{{0,60}}?\bfrom\s+\Z", re.IGNORECASE)
_CHANGE_BY = re.compile(rf"{_CHANGE_WORDS}(?:\s+(?:by|of))?\s+\Z", re.IGNORECASE)


def parse_at(text: str, offset: int) -> Match | None:
    """The claim that begins at ``offset`` of ``text``, or None."""
    limit = text.find("\n\n", offset, offset + WINDOW)
    window = text[offset : limit if limit != -1 else offset + WINDOW]
    token = _LEAD.set(text[max(0, offset - 12) : offset])
    try:
        result = grammar().parse_string(window)
    except pp.ParseException:
        return None
    finally:
        _LEAD.reset(token)
    just_before = text[max(0, offset - 12) : offset].rstrip().lower()
    low = max(0, offset - 80)
    change = just_before.endswith("from") and bool(_CHANGE_FROM.search(text, low, offset))
    changed_by = bool(_CHANGE_BY.search(text, max(0, offset - 24), offset))
    return _match(result, offset, change, changed_by, window)


def _match(
    located: pp.ParseResults,
    offset: int,
    change: bool = False,
    changed_by: bool = False,
    window: str = "",
) -> Match | None:
    """The grammar's tokens as a Match. ``change``: the figure follows "rose from", so "X to
    Y" is a change between two levels; ``changed_by``: it follows "rose (by)", so "X to Y"
    with a unit on each side is a change and the level it led to."""
    start, tokens, end = located[0], located[1], located[2]
    qualifier = qualifier_text = None
    measures: list[Measure] = []
    separator: Separator | None = None
    postfix: Postfix | None = None
    joined = False
    shape = "single"
    between = False
    for token in tokens:
        if isinstance(token, Postfix):
            postfix = token
        elif isinstance(token, Joiner):
            joined = True
        elif isinstance(token, Token):
            qualifier_text = token.text
            qualifier = qualifier_table()[" ".join(token.text.lower().split())]
        elif isinstance(token, Measure):
            measures.append(token)
        elif isinstance(token, Separator):
            separator = token
            shape = "range"
        elif isinstance(token, pp.ParseResults):  # the two ends of "between X and Y"
            measures.extend(m for m in token if isinstance(m, Measure))
            if not _joins(measures[0], measures[-1], None):
                return None
            shape = "range"
            between = True
    if separator is not None:
        to = separator.text.lower() == "to"
        level = changed_by and to and _change_and_level(measures[0], measures[-1])
        if change or level or not _joins(*measures, separator):
            shape = "split"
            measures[0] = _shared_rate(measures[0], measures[-1])
    elif len(measures) == 2 and not between:
        cents = _spoken_cents(measures[0], measures[1], window)
        if cents is not None:  # "15 dollars 50.", "thirteen dollars and forty-five"
            measures[1] = cents
        if _is_compound(measures[0], measures[1]):
            shape = "compound"
        else:
            shape = "split"
            if joined:  # "45 and 50 mg": the first figure takes the unit of the second
                measures[0] = _listed(measures[0], measures[1])
    if shape == "split":
        measures = measures[:1]
        shape = "single"
        postfix = None
    end = measures[-1].end
    if postfix is not None and shape == "single":  # "10,000 or more", "about 20 or so"
        end = postfix.end
        if qualifier is None:
            qualifier_text = postfix.text
            qualifier = postfix_table()[" ".join(postfix.text.lower().split())]
    shifted = tuple(_shift(m, offset) for m in measures)
    return Match(start + offset, end + offset, qualifier, qualifier_text, shape, shifted)


_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)]|\Z)")


def _spoken_cents(money: Measure, figure: Measure, window: str) -> Measure | None:
    """ "15 dollars 50.", "17 USD 25.", "thirteen dollars and forty-five": a whole amount in a
    currency's word and a bare figure under 100 that ends the clause are one amount, the
    figure in hundredths; None when they are not."""
    readings = readings_of(money)
    if not _is_money(readings) or money.currency or money.scale != 1 or figure.unit:
        return None
    if figure.currency or figure.scale != 1 or figure.figure.decimals or figure.figure.vague:
        return None
    whole = money.figure.value.is_integer() and figure.figure.value.is_integer()
    if not whole or not 0 < figure.figure.value < 100 or not _CLAUSE_END.match(window, figure.end):
        return None
    code = readings[0].unit
    form = UnitForm("", "word", (Reading(code, CURRENCY, 0.01),))
    unit = UnitMention(figure.end, figure.end, form, False)
    return replace(figure, figure=figure.figure.scaled(0.01), unit=unit, scale=0.01)


def _change_and_level(first: Measure, last: Measure) -> bool:
    """After "rose" or "increased by", whether "X to Y" is a change and the level it led to
    ("rose 25 cents to $61.40", "increased by $12.5 billion to $260.3 billion") rather than a
    range ("rise 10 to 12 percent", "fell 50% to 75%"): both figures carry their unit, and the
    level is at least three times the change."""
    if _kind(first) is None or _kind(last) is None:
        return False
    return abs(last.figure.value) >= 3 * abs(first.figure.value)


def _is_rate(measure: Measure) -> bool:
    return measure.unit is not None and measure.unit.form.style == "rate"


def _shared_rate(first: Measure, last: Measure) -> Measure:
    """ "from $1,200 to $1,000 a month": the first figure is a rate too."""
    if first.unit is None and first.currency and _is_rate(last) and last.currency == first.currency:
        return replace(first, unit=replace(last.unit, age=False))
    return first


def _listed(first: Measure, last: Measure) -> Measure:
    """ "45 and 50 mg": a bare figure listed before a measure is in its unit."""
    if _kind(first) is not None or last.unit is None or last.figure.vague or first.figure.vague:
        return first
    if not any(r.is_physical for r in readings_of(last)):
        return first
    return replace(first, unit=last.unit)


def _kind(measure: Measure) -> frozenset[str] | None:
    """What a measure is of: its currency (or money rate) or the dimensions its unit may
    have; None if bare."""
    readings = readings_of(measure)
    if not readings:
        return None
    return frozenset(
        r.unit if r.dimension.startswith(CURRENCY) and r.unit else r.dimension for r in readings
    )


def _units(measure: Measure) -> frozenset[str]:
    return frozenset(r.unit for r in readings_of(measure) if r.unit)


def _joins(first: Measure, last: Measure, separator: Separator | None) -> bool:
    """Whether two measures can be the ends of one range: "10-12", "10 to 12 km", "$5-10bn",
    "5% to 10%", "$5 to $10 a share"; not "25% to $5bn", "24703 L-202", "3-0", "0.2 percentage
    points to 3.1%", "300 metres to one kilometre" (two claims, each in its unit) or "50 to
    40" (a score, a change)."""
    first_kind, last_kind = _kind(_shared_rate(first, last)), _kind(last)
    if separator is not None and separator.text.lower() == "or" and first_kind is not None:
        return False  # "two or three days"; not "190 miles or 306 km"
    if separator is not None and separator.hyphen and first.unit is not None:
        if last.unit is None or last.unit.form.surface != first.unit.form.surface:
            return False
    if first_kind is not None:
        if last_kind is None and not (first.currency and first.unit is None):
            return False
        if last_kind is not None and not first_kind & last_kind:
            return False
        if separator is not None and first.unit and last.unit and not _units(first) & _units(last):
            return False  # "0.2 percentage points to 3.1%", "300 metres to one kilometre"
    low = first.figure.value * (last.scale if first.scale == 1 else 1)
    comparable = first.unit is None or (
        last.unit is not None and first.unit.form.surface == last.unit.form.surface
    )
    return not comparable or low < last.figure.value


def compound_units(big: Measure, small: Measure) -> tuple[str, str] | None:
    """The units of "5ft 11in", "3 hours 20 minutes", "3 dollars 50 cents": a unit followed
    by the part it is made of (``compounds`` in the unit pack; a currency and its subunit), or
    None when the two are not such a pair."""
    if big.unit is None or small.unit is None or big.currency or small.currency:
        return None
    if big.unit.age or small.unit.age or _is_rate(big) or _is_rate(small):
        return None
    parts = lexicon().compounds
    for a in big.unit.form.readings:
        for b in small.unit.form.readings:
            if a.unit is None or b.unit is None:
                continue
            if parts.get(a.unit) == b.unit:
                return a.unit, b.unit
            money = a.dimension == b.dimension == CURRENCY
            if money and a.unit == b.unit and a.scale == 1 and b.scale < 1:
                return a.unit, b.unit
    return None


def _is_compound(big: Measure, small: Measure) -> bool:
    return compound_units(big, small) is not None


def shift_match(match: Match, offset: int) -> Match:
    """``match`` found in a piece of text that starts at ``offset`` of the whole."""
    if not offset:
        return match
    measures = tuple(_shift(measure, offset) for measure in match.measures)
    return replace(match, start=match.start + offset, end=match.end + offset, measures=measures)


def _shift(measure: Measure, offset: int) -> Measure:
    figure = replace(
        measure.figure, start=measure.figure.start + offset, end=measure.figure.end + offset
    )
    unit = measure.unit and replace(
        measure.unit, start=measure.unit.start + offset, end=measure.unit.end + offset
    )
    return replace(
        measure, start=measure.start + offset, end=measure.end + offset, figure=figure, unit=unit
    )
