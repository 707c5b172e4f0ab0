"""The pyparsing grammar of numeric claims.

A claim is an optional qualifier followed by one of:

    between  := "between" measure "and" measure
    range    := measure ("-" | "–" | "to" | "or") measure
    compound := measure ["and"] measure     (only a unit and its part: "5ft 11in", "3 dollars
                                              50 cents"); "45 and 50 mg": the first takes the unit

and an optional qualifier after it ("10,000 or more"). A measure is one figure with its
currency, scale, unit, rate or age (``measures``). After a verb of change, "X to Y" is a change
and a level, not a range ("rose from 40 to 50", "increased by $12.5 billion to $260.3 billion").

Unit words, currencies, scales and qualifiers come from the rule packs. The grammar is only
tried where a claim can begin (``candidates``); what is *not* a quantity although it parses
(years, dates, model names...) is decided afterwards by ``exclusions``.

The grammar is tried at every place a claim may begin, so the common case costs few parser
elements: a claim is one element (``_Claim``) that reads its optional parts with one regular
expression each and its measure in one step (``MeasureToken``); the rarer second figure of a
range or a compound (``_Tail``) and "between X and Y" (``_Between``) are elements of their own
that call the measure and match their keywords in place, so that a failed attempt unwinds
through one element, not a tree of combinators. Each element also has an ``attempt`` that
answers None where nothing is found: most places a claim is tried, some part of it is not
there, and raising and catching pyparsing's exception there cost more than the reading.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

import pyparsing as pp

from numcheck.extraction.measures import CLAIM_START
from numcheck.extraction.measures import Measure
from numcheck.extraction.measures import MeasureToken
from numcheck.extraction.measures import Token
from numcheck.extraction.measures import UnitMention
from numcheck.extraction.measures import is_money
from numcheck.extraction.measures import measure_opening
from numcheck.extraction.measures import readings_of
from numcheck.extraction.numbers import VULGAR
from numcheck.extraction.numbers import WORD_NUMBER_PATTERN
from numcheck.extraction.numbers import parsed_value
from numcheck.extraction.patterns import alternation
from numcheck.extraction.qualifiers import postfix_table
from numcheck.extraction.qualifiers import qualifier_table
from numcheck.extraction.units import CURRENCY
from numcheck.extraction.units import Lexicon
from numcheck.extraction.units import Reading
from numcheck.extraction.units import UnitForm
from numcheck.extraction.units import lexicon

__all__ = ["Match", "Measure", "compound_units", "grammar", "parse_at", "shift_match"]

# The longest stretch of text one claim may cover; a window never crosses a blank line.
WINDOW = 160
LOOK_BEHIND = 200  # the grammar reads at most this far before a claim (it reads 80)
BLOCK = 65_536  # windows of a long paragraph begin at a multiple of this


@parsed_value
class Match:
    """What the grammar found: a qualifier and one, two (range) or more (compound) measures."""

    start: int
    end: int
    qualifier: str | None
    qualifier_text: str | None
    shape: str  # "single", "range" or "compound"
    measures: tuple[Measure, ...]


@functools.cache
def grammar() -> pp.ParserElement:
    return _build(lexicon())


@parsed_value
class Postfix:
    """A qualifier written after the figure: "10,000 or more", "20 or so"."""

    start: int
    end: int
    text: str


@parsed_value
class Separator:
    """What joins the two ends of a range: "-", "–", "to", "- to" ("8- to 16-metre")."""

    text: str

    @property
    def hyphen(self) -> bool:
        return self.text.strip() == "-"


class _Tail(pp.Token):
    """The optional second figure of a range or a compound: ``separator measure`` (a range)
    or else ``["and"] part`` (a compound, or a figure listed before a measure: "45 and 50
    mg"). It is tried only where a range separator or a figure follows, one regular
    expression (``ahead``) telling, and each part is read in place, the whitespace before it
    skipped, so that the words after most claims cost one match."""

    def __init__(self, ahead: str, separator: str, measure: MeasureToken, part: MeasureToken):
        super().__init__()
        self.errmsg = "never raised"
        self.mayReturnEmpty = True
        self.leave_whitespace()
        self._ahead = re.compile(ahead)
        self._separator = re.compile(separator)
        self._measure = measure
        self._part = part

    def parseImpl(self, instring: str, loc: int, do_actions: bool = True):  # noqa: N802
        if self._ahead.match(instring, loc) is None:
            return loc, []
        separator = self._separator.match(instring, loc)
        if separator is not None:
            try:
                found = self._measure.attempt(instring, self._skip(instring, separator.end()))
            except IndexError:
                found = None
            if found is not None:
                end, last = found
                return end, [Separator(separator.group().strip()), last]
        tokens: list = []
        at = self._skip(instring, loc)
        joined = keyword_end("and", instring, at)
        if joined is not None:
            tokens.append(Joiner("and"))
            at = self._skip(instring, joined)
        try:
            found = self._part.attempt(instring, at)
        except IndexError:
            found = None
        if found is None:
            return loc, []
        end, part = found
        return end, [*tokens, part]

    def _skip(self, instring: str, loc: int) -> int:
        """``loc`` after the whitespace a measure or a keyword may follow."""
        return self._measure.preParse(instring, loc)


@parsed_value
class Between:
    """The two ends of "between X and Y"."""

    first: Measure
    last: Measure


class _Between(pp.Token):
    """ "between X and Y": the two keywords and the two measures read in turn, each after
    the whitespace before it."""

    def __init__(self, measure: MeasureToken) -> None:
        super().__init__()
        self.errmsg = "expected between X and Y"
        self.mayReturnEmpty = False
        self._measure = measure

    def parseImpl(self, instring: str, loc: int, do_actions: bool = True):  # noqa: N802
        found = self.attempt(instring, loc)
        if found is None:
            raise pp.ParseException(instring, loc, self.errmsg, self)
        return found

    def attempt(self, instring: str, loc: int) -> tuple[int, Between] | None:
        """``parseImpl`` without the exception: the end and the two ends, or None."""
        skip = self._measure.preParse
        at = keyword_end("between", instring, skip(instring, loc))
        first = None if at is None else self._measure.attempt(instring, skip(instring, at))
        at = None if first is None else keyword_end("and", instring, skip(instring, first[0]))
        last = None if at is None else self._measure.attempt(instring, skip(instring, at))
        if first is None or last is None:
            return None
        return last[0], Between(first[1], last[1])


# The characters a keyword may not touch, as pyparsing's ``CaselessKeyword`` compares them.
_KEYWORD_CHARS = frozenset(pp.Keyword.DEFAULT_KEYWORD_CHARS.upper())


def keyword_end(word: str, instring: str, loc: int) -> int | None:
    """Where ``word`` ends if it stands at ``loc`` in any case, not touching a letter, a digit,
    "_" or "$" on either side, or None: pyparsing's ``CaselessKeyword(word)``, without the
    exception it raises where the word is not (at most places it is tried)."""
    end = loc + len(word)
    if instring[loc:end].upper() != word.upper():
        return None
    if loc and instring[loc - 1].upper() in _KEYWORD_CHARS:
        return None
    if end < len(instring) and instring[end].upper() in _KEYWORD_CHARS:
        return None
    return end


class _Claim(pp.Token):
    """A claim read as one element: ``[qualifier] (measure [tail] | between) [postfix]``. A
    qualifier and a postfix are each one regular expression, the measure is read in place
    and the tail after it (``_Tail``); "between X and Y" is tried only where no measure
    begins. Whitespace may stand between the parts."""

    def __init__(
        self,
        qualifier: str,
        measure: MeasureToken,
        tail: _Tail,
        between: _Between,
        postfix: str,
    ) -> None:
        super().__init__()
        self.errmsg = "expected a claim"
        self.mayReturnEmpty = False
        self._qualifier = re.compile(qualifier)
        self._measure = measure
        self._tail = tail
        self._between = between
        self._postfix = re.compile(postfix)

    def parseImpl(self, instring: str, loc: int, do_actions: bool = True):  # noqa: N802
        found = self.attempt(instring, loc)
        if found is None:
            raise pp.ParseException(instring, loc, self.errmsg, self)
        return found

    def attempt(self, instring: str, loc: int) -> tuple[int, list] | None:
        """``parseImpl`` without the exception: the end and the tokens of the claim at
        ``loc``, or None."""
        tokens: list = []
        found = self._qualifier.match(instring, loc)
        if found is not None:
            tokens.append(Token(loc, found.end(), found.group()))
            loc = found.end()
        loc = self.preParse(instring, loc)
        read = self._measure.attempt(instring, loc)
        if read is None:
            found = self._between.attempt(instring, loc)
            if found is None:
                return None
            end, between = found
            tokens.append(between)
        else:
            end, measure = read
            tokens.append(measure)
            end, tail = self._tail.parseImpl(instring, end)
            tokens.extend(tail)
        after = self.preParse(instring, end)
        found = self._postfix.match(instring, after)
        if found is not None:
            tokens.append(Postfix(after, found.end(), found.group()))
            end = found.end()
        return end, tokens


def _build(lx: Lexicon) -> pp.ParserElement:
    measure = MeasureToken(lx)
    part = MeasureToken(lx, part=True)
    separator = r"-[ \t]+to(?![\w])|[ \t]?–[ \t]?|—|-(?=[\d$£€.])|[ \t\n]+(?i:to|or)(?![\w])"
    money = alternation(list(lx.currency_prefixes))
    # "and" only where a measure may follow it: "5 feet and 2 inches", not "5 and between".
    joined_part = rf"(?i:and)(?![A-Za-z0-9_$])\s*(?:{measure_opening(lx).pattern})"
    figure_start = rf"[\d.{VULGAR}]|{money}|(?i:minus|{WORD_NUMBER_PATTERN})|{joined_part}"
    tail = _Tail(rf"{separator}|\s*(?:{figure_start})", separator, measure, part)
    claim = _Claim(
        # A qualifier ends at a word boundary, unless it ends in a sign: "~40", "c.1500".
        rf"(?i:{alternation(list(qualifier_table()))})(?:(?<=\W)|(?![\w]))",
        measure,
        tail,
        _Between(measure),
        rf"(?i:{alternation(list(postfix_table()))})(?![\w])",
    )
    claim.parse_with_tabs()
    claim.streamline()
    return claim


@parsed_value
class Joiner:
    """The "and" of "5 feet and 2 inches" or "45 and 50 mg"."""

    text: str


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
    """The claim that begins at ``offset`` of ``text``, or None. The grammar reads at most
    ``WINDOW`` characters from ``offset``, never across a blank line; positions are offsets
    into ``text``."""
    limit = text.find("\n\n", offset, offset + WINDOW)
    end = limit if limit != -1 else offset + WINDOW
    # In a very long paragraph the window begins at a block boundary well before the claim,
    # so that no claim copies the whole text before it.
    base = max(0, offset - LOOK_BEHIND) // BLOCK * BLOCK
    window = text if end >= len(text) and not base else text[base:end]
    claim = grammar()
    start = claim.preParse(window, offset - base)
    token = CLAIM_START.set(start)
    try:
        found = claim.attempt(window, start)
    finally:
        CLAIM_START.reset(token)
    if found is None:
        return None
    match = _match(found[1], start, window)
    return shift_match(match, base) if match is not None else None


def _after_change_from(text: str, offset: int) -> bool:
    """Whether the figure at ``offset`` follows "rose from" and its kin."""
    just_before = text[max(0, offset - 12) : offset].rstrip().lower()
    return just_before.endswith("from") and bool(
        _CHANGE_FROM.search(text, max(0, offset - 80), offset)
    )


def _after_change_by(text: str, offset: int) -> bool:
    """Whether the figure at ``offset`` follows "rose (by)" and its kin."""
    return bool(_CHANGE_BY.search(text, max(0, offset - 24), offset))


def _match(tokens: list, start: int, window: str) -> Match | None:
    """The grammar's tokens, read from ``start`` of ``window``, as a Match. After "rose
    from", "X to Y" is a change between two levels; after "rose (by)", "X to Y" with a unit
    on each side is a change and the level it led to."""
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
        elif isinstance(token, Between):
            measures.extend((token.first, token.last))
            if not _joins(measures[0], measures[-1], None):
                return None
            shape = "range"
            between = True
    if separator is not None:
        to = separator.text.lower() == "to"
        level = (
            to and _after_change_by(window, start) and _change_and_level(measures[0], measures[-1])
        )
        if _after_change_from(window, start) or level or not _joins(*measures, separator):
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
    return Match(start, end, qualifier, qualifier_text, shape, tuple(measures))


_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)]|\Z)")


def _spoken_cents(money: Measure, figure: Measure, window: str) -> Measure | None:
    """ "15 dollars 50.", "17 USD 25.", "thirteen dollars and forty-five": a whole amount in a
    currency's word and a bare figure under 100 that ends the clause are one amount, the
    figure in hundredths; None when they are not."""
    readings = readings_of(money)
    if not is_money(readings) or money.currency or money.scale != 1 or figure.unit:
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
    40" (a score, a change). Below zero the ends may come in either order ("lows of -5 to -10
    °C")."""
    first_kind, last_kind = _kind(_shared_rate(first, last)), _kind(last)
    if separator is not None and separator.text.lower() == "or" and first_kind is not None:
        if not _written_alike(_shared_rate(first, last), last):
            return False  # "two or three days", "16GB or 32GB"; not "190 miles or 306 km"
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
    below_zero = low < 0 and last.figure.value < 0  # "-18 °C to -34 °C", either way round
    return not comparable or low < last.figure.value or (below_zero and low != last.figure.value)


def _written_alike(first: Measure, last: Measure) -> bool:
    """Whether two measures carry the same currency, scale and unit as written ("16GB or
    32GB", "$5 or $10", "5% or 10%"): two choices of one quantity, where a different unit
    would restate the first ("190 miles or 306 km")."""
    if first.unit is None or last.unit is None:
        same_unit = first.unit is last.unit
    else:
        same_unit = first.unit.form.surface == last.unit.form.surface
    return same_unit and first.currency == last.currency and first.scale == last.scale


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
    measures = tuple(measure.shifted(offset) for measure in match.measures)
    return Match(
        match.start + offset,
        match.end + offset,
        match.qualifier,
        match.qualifier_text,
        match.shape,
        measures,
    )
