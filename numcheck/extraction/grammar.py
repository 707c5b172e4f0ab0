"""The pyparsing grammar of numeric claims.

A claim is an optional qualifier followed by one of:

    between  := "between" measure "and" measure
    range    := measure ("-" | "–" | "to") measure
    compound := measure measure            (only a unit and its part: "5ft 11in")
    measure  := amount [unit | "-" unit]   ("190 miles", "a 190-mile", "86F", "25%")
    amount   := [currency] number [scale]  ("$5bn", "£4.2m", "1.5 million", "5k")
    number   := digits | fraction | words  ("10,000", "1/4", "2 1/2", "twenty-five")

Unit words, currencies, scales and qualifiers come from the rule packs. The grammar is only
tried where a claim can begin (``candidate_starts``); what is *not* a quantity although it
parses (years, dates, model names...) is decided afterwards by ``exclusions``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from dataclasses import replace

import pyparsing as pp

from numcheck.extraction.numbers import DIGITS_PATTERN
from numcheck.extraction.numbers import FRACTION_PATTERN
from numcheck.extraction.numbers import WORD_NUMBER_PATTERN
from numcheck.extraction.numbers import Figure
from numcheck.extraction.numbers import digits_figure
from numcheck.extraction.numbers import fraction_figure
from numcheck.extraction.numbers import words_figure
from numcheck.extraction.patterns import alternation
from numcheck.extraction.qualifiers import postfix_table
from numcheck.extraction.qualifiers import qualifier_table
from numcheck.extraction.units import CURRENCY
from numcheck.extraction.units import Lexicon
from numcheck.extraction.units import UnitForm
from numcheck.extraction.units import lexicon

# The longest stretch of text one claim may cover; a window never crosses a blank line.
WINDOW = 160


@dataclass(frozen=True)
class UnitMention:
    start: int
    end: int
    form: UnitForm
    hyphenated: bool  # "190-mile": the unit is used as an adjective


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


def _number_action(maker):
    def action(s: str, loc: int, toks: pp.ParseResults):
        figure = maker(loc, toks[0])
        if figure is None:
            raise pp.ParseException(s, loc, "not a number")
        return figure

    return action


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


def _unit_pattern(forms: list[UnitForm]) -> str:
    """One alternation of unit surfaces, longest first whatever their style, so that "km per
    hour" wins over "km" and "° Celsius" over "°"; words match in any case, symbols exactly."""
    ordered = sorted({(f.surface, f.style) for f in forms}, key=lambda item: -len(item[0]))
    parts = []
    for surface, style in ordered:
        escaped = re.escape(surface).replace(r"\ ", r"\s+")
        parts.append(f"(?i:{escaped})" if style == "word" else escaped)
    return "(?:" + "|".join(parts) + r")(?![\w°])"


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
    """A figure: a fraction ("1/4", "2 1/2"), digits ("10,000", "1.5") or words
    ("twenty-five"), tried in that order in one step."""

    _fraction = re.compile(FRACTION_PATTERN)
    _digits = re.compile(DIGITS_PATTERN)

    def __init__(self) -> None:
        super().__init__()
        self.errmsg = "expected a number"
        self.mayReturnEmpty = False
        self._words = _WordNumber()

    def parseImpl(self, instring: str, loc: int, do_actions: bool = True):  # noqa: N802
        for pattern, maker in ((self._fraction, fraction_figure), (self._digits, digits_figure)):
            found = pattern.match(instring, loc)
            if found:
                figure = maker(loc, found.group())
                if figure is not None:
                    return found.end(), figure
        return self._words.parseImpl(instring, loc, do_actions)


class _Unit(pp.Token):
    """A unit after a figure: "-mile" (adjectival), "km" touching it, or " miles" after
    whitespace; gives a Token and whether it was hyphenated."""

    def __init__(self, touching: str, spaced: str) -> None:
        super().__init__()
        self.errmsg = "expected a unit"
        self.mayReturnEmpty = False
        self.skipWhitespace = False
        self._hyphen = re.compile(rf"-(?=\w)({touching})")
        self._touching = re.compile(touching)
        self._spaced = re.compile(rf"\s+({spaced})")

    def parseImpl(self, instring: str, loc: int, do_actions: bool = True):  # noqa: N802
        for pattern, hyphenated in (
            (self._hyphen, True),
            (self._touching, False),
            (self._spaced, False),
        ):
            found = pattern.match(instring, loc)
            if found:
                group = found.lastindex or 0
                start = found.start(group)
                return found.end(), UnitToken(start, found.end(), found.group(group), hyphenated)
        raise pp.ParseException(instring, loc, self.errmsg, self)


@dataclass(frozen=True)
class UnitToken(Token):
    hyphenated: bool = False


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
        scale_pattern = self._money_scale if currency else self._plain_scale
        found = scale_pattern.match(instring, end)
        scale = Token(end, found.end(), found.group()) if found else None
        return (found.end() if found else end), Amount(figure, currency, minus, scale)


def _build(lx: Lexicon) -> pp.ParserElement:
    spaced_units = _unit_pattern([f for f in lx.forms if f.style != "attached"])
    touching_units = _unit_pattern(list(lx.forms))

    amount = _Amount(lx)("amount")
    unit = _Unit(touching_units, spaced_units)("unit")
    measure = pp.Group(amount + pp.Opt(unit)).set_parse_action(
        lambda s, loc, toks: _measure(lx, toks[0])
    )
    separator = r"-[ \t]+to(?![\w])|[ \t]?–[ \t]?|—|-(?=[\d$£€.])|[ \t\n]+(?i:to|or)(?![\w])"
    money = alternation(list(lx.currency_prefixes))
    figure_start = rf"[\d.½¼¾⅓⅔⅛]|{money}|(?i:minus|and|{WORD_NUMBER_PATTERN})"
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
    compound_part = pp.Opt(pp.Suppress(pp.CaselessKeyword("and"))) + measure("compound_part")
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


def _measure(lx: Lexicon, toks: pp.ParseResults) -> Measure:
    amount: Amount = toks["amount"]
    figure = amount.figure
    start, end = figure.start, figure.end
    currency = None
    if amount.currency is not None:
        start = amount.currency.start
        currency = lx.currency_prefixes[amount.currency.text]
    factor = 1.0
    if amount.scale is not None:
        end, text = amount.scale.end, amount.scale.text.strip()
        factor = lx.scale_attached.get(text) or lx.scale_words[" ".join(text.lower().split())]
        figure = figure.scaled(factor)
    unit = None
    if "unit" in toks:
        token = toks["unit"]
        form = lx.form(token.text)
        if form is not None:
            unit = UnitMention(token.start, token.end, form, token.hyphenated)
            end = token.end
    words = not any(char.isdigit() for char in figure.text)
    if amount.minus is not None:  # "minus 5C": the sign is part of the figure
        start = amount.minus.start
        text = f"{amount.minus.text} {figure.text}"
        figure = replace(figure, start=start, text=text, value=-figure.value)
    return Measure(start, end, figure, currency, unit, words, factor)


# "rose from 40 to 50", "was cut from $5bn to $4bn": a change between two figures, not a range.
_CHANGE_FROM = re.compile(
    r"\b(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|increas(?:e[sd]?|ing)|decreas(?:e[sd]?|ing)"
    r"|gr[eo]w(?:s|n|ing)?|drop(?:s|ped|ping)?|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?|cut(?:s|ting)?"
    r"|rais(?:e[sd]?|ing)|reduc(?:e[sd]?|ing)|lower(?:s|ed|ing)?|lift(?:s|ed|ing)?"
    r"|boost(?:s|ed|ing)?|slip(?:s|ped|ping)?|sl[iu]d(?:es|ing)?|soar(?:s|ed|ing)?"
    r"|surg(?:e[sd]?|ing)|plung(?:e[sd]?|ing)|plummet(?:s|ed|ing)?|tumbl(?:e[sd]?|ing)"
    r"|declin(?:e[sd]?|ing)|doubl(?:e[sd]?|ing)|tripl(?:e[sd]?|ing)|went|go(?:es|ne|ing)?"
    r"|mov(?:e[sd]?|ing)|revis(?:e[sd]?|ing)|upgrad(?:e[sd]?|ing)|downgrad(?:e[sd]?|ing)"
    r"|expand(?:s|ed|ing)?|shr[iau]nk(?:s|ing)?|chang(?:e[sd]?|ing)|swung|swing(?:s|ing)?"
    r"|up|down|widen(?:s|ed|ing)?|narrow(?:s|ed|ing)?|extend(?:s|ed|ing)?)\b"
    r"[^.;:!?\n]{0,60}?\bfrom\s+\Z",
    re.IGNORECASE,
)


def parse_at(text: str, offset: int) -> Match | None:
    """The claim that begins at ``offset`` of ``text``, or None."""
    limit = text.find("\n\n", offset, offset + WINDOW)
    window = text[offset : limit if limit != -1 else offset + WINDOW]
    try:
        result = grammar().parse_string(window)
    except pp.ParseException:
        return None
    just_before = text[max(0, offset - 12) : offset].rstrip().lower()
    change = just_before.endswith("from") and bool(
        _CHANGE_FROM.search(text, max(0, offset - 80), offset)
    )
    return _match(result, offset, change)


def _match(located: pp.ParseResults, offset: int, change: bool = False) -> Match | None:
    start, tokens, end = located[0], located[1], located[2]
    qualifier = qualifier_text = None
    measures: list[Measure] = []
    separator: Separator | None = None
    postfix: Postfix | None = None
    shape = "single"
    between = False
    for token in tokens:
        if isinstance(token, Postfix):
            postfix = token
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
        if change or not _joins(measures[0], measures[-1], separator):
            shape = "split"
    elif len(measures) == 2 and not between:
        shape = "compound" if _is_compound(measures[0], measures[1]) else "split"
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


def _kind(measure: Measure) -> frozenset[str] | None:
    """What a measure is of: its currency or the dimensions its unit may have; None if bare."""
    if measure.currency:
        return frozenset([measure.currency])
    if measure.unit is None:
        return None
    return frozenset(
        r.unit if r.dimension == CURRENCY and r.unit else r.dimension
        for r in measure.unit.form.readings
    )


def _joins(first: Measure, last: Measure, separator: Separator | None) -> bool:
    """Whether two measures can be the ends of one range: "10-12", "10 to 12 km", "$5-10bn",
    "5% to 10%"; not "25% to $5bn", "24703 L-202", "3-0" or "50 to 40" (a score, a change)."""
    first_kind, last_kind = _kind(first), _kind(last)
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
    low = first.figure.value * (last.scale if first.scale == 1 else 1)
    comparable = first.unit is None or (
        last.unit is not None and first.unit.form.surface == last.unit.form.surface
    )
    return not comparable or low < last.figure.value


def compound_units(big: Measure, small: Measure) -> tuple[str, str] | None:
    """The units of "5ft 11in", "3 hours 20 minutes": a unit followed by the part it is made
    of (``compounds`` in the unit pack), or None when the two are not such a pair."""
    if big.unit is None or small.unit is None or big.currency or small.currency:
        return None
    parts = lexicon().compounds
    for a in big.unit.form.readings:
        for b in small.unit.form.readings:
            if a.unit is not None and b.unit is not None and parts.get(a.unit) == b.unit:
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
