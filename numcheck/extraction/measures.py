"""One measure: an amount and what is written against it, read in one step.

    measure  := amount ["±" number] [unit [rate] ["-old"]]
                                             ("190 miles", "a 190-mile", "86F", "25%",
                                              "760 metres per second", "$2,800 a month",
                                              "a 47-year-old", "20 (kg)")
              | amount "(" unit ")"
    amount   := [currency | "minus"] number [scale]  ("$5bn", "£4.2m", "1.5 million", "5k")
    number   := fraction | power of ten | digits | magnitude | fraction in words | words
                ("1/4", "2 1/2", "48 3⁄4", "2.48×10−5", "10,000", "tens of thousands",
                 "two thirds", "twenty-five", "twenty and three fifths")

Units are read from the closed vocabulary of the unit pack: touching the figure ("11in"),
after a space ("306 km") or a hyphen ("190-mile"), the longest surface winning. A unit followed
by "per", "/" or "-per-" and a unit of time, length, area, volume, mass, energy or data is read
as their quotient, once more for a physical rate ("20 J/m2 per year"); money also takes
"a"/"an" and a noun it is counted per ("$5 a share"); a bare figure "times" a unit of time is
how often ("four times per week"). A
guarded unit ("in") is read only where a measure is expected (see ``rules/units.yaml``).
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import replace

import pyparsing as pp

from numcheck.extraction.numbers import DIGITS_PATTERN
from numcheck.extraction.numbers import FRACTION_PATTERN
from numcheck.extraction.numbers import MULTIPLIERS
from numcheck.extraction.numbers import NUMBER_WORDS
from numcheck.extraction.numbers import SCIENTIFIC_PATTERN
from numcheck.extraction.numbers import VAGUE_PATTERN
from numcheck.extraction.numbers import VULGAR
from numcheck.extraction.numbers import WORD_FRACTION_PATTERN
from numcheck.extraction.numbers import WORD_NUMBER_PATTERN
from numcheck.extraction.numbers import Figure
from numcheck.extraction.numbers import digits_figure
from numcheck.extraction.numbers import fraction_figure
from numcheck.extraction.numbers import parsed_value
from numcheck.extraction.numbers import scientific_figure
from numcheck.extraction.numbers import vague_figure
from numcheck.extraction.numbers import word_fraction_figure
from numcheck.extraction.numbers import words_figure
from numcheck.extraction.patterns import alternation
from numcheck.extraction.patterns import openers
from numcheck.extraction.patterns import two_character_openers
from numcheck.extraction.subjects import FUNCTION_WORDS
from numcheck.extraction.units import AGE
from numcheck.extraction.units import COUNT
from numcheck.extraction.units import CURRENCY
from numcheck.extraction.units import Lexicon
from numcheck.extraction.units import Reading
from numcheck.extraction.units import UnitForm
from numcheck.extraction.units import lexicon
from numcheck.extraction.units import rate_readings


@parsed_value
class UnitMention:
    start: int
    end: int
    form: UnitForm
    hyphenated: bool  # "190-mile": the unit is used as an adjective
    age: bool = False  # "a 47-year-old": the time unit is an age

    def shifted(self, offset: int) -> UnitMention:
        """The same mention ``offset`` characters further on."""
        return UnitMention(
            self.start + offset, self.end + offset, self.form, self.hyphenated, self.age
        )


@parsed_value
class Measure:
    """One figure with what is written around it: currency, scale and unit."""

    start: int
    end: int
    figure: Figure
    currency: str | None = None
    unit: UnitMention | None = None
    words: bool = False  # the figure is written in words
    scale: float = 1.0  # "million", "bn", "k"

    def shifted(self, offset: int) -> Measure:
        """The same measure ``offset`` characters further on."""
        return Measure(
            self.start + offset,
            self.end + offset,
            self.figure.shifted(offset),
            self.currency,
            self.unit and self.unit.shifted(offset),
            self.words,
            self.scale,
        )


@parsed_value
class Token:
    start: int
    end: int
    text: str


_COMMA = re.compile(r",[ \t]+")
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
        return _or_raise(self.read(instring, loc), self, instring, loc)

    def read(self, instring: str, loc: int) -> tuple[int, Figure] | None:
        """The end and the number in words at ``loc``, or None."""
        best = self._longest(instring, loc)
        if best is None:
            return None
        best = self._with_comma_part(instring, best)
        return best.end, best

    def _longest(self, instring: str, loc: int) -> Figure | None:
        found = self._pattern.match(instring, loc)
        if found is None:
            return None
        text = found.group()
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
        return best

    def _with_comma_part(self, instring: str, head: Figure) -> Figure:
        """ "three million, two hundred and forty": after "thousand", "million"... a comma may
        part a number in words, when what follows is a number of more than one word below
        that multiplier. A list ("one thousand, two thousand") or a lone word after the comma
        ("a thousand, two more") is left as it is."""
        multiplier = MULTIPLIERS.get(head.text.rsplit(None, 1)[-1].lower(), 0)
        comma = _COMMA.match(instring, head.end)
        if multiplier < 1000 or comma is None:
            return head
        tail = self._longest(instring, comma.end())
        if tail is None or tail.value >= multiplier or len(self._cut.split(tail.text)) < 2:
            return head
        joined = words_figure(head.start, f"{head.text} {tail.text}")
        if joined is None:
            return head
        text = instring[head.start : tail.end]
        return replace(joined, end=tail.end, text=text)


def _or_raise(found, element: pp.ParserElement, instring: str, loc: int):
    """What an element's ``read`` found, or pyparsing's ParseException when it found nothing:
    the elements read without exceptions (a failed attempt is common, an exception costly)
    and raise only where pyparsing calls them."""
    if found is None:
        raise pp.ParseException(instring, loc, element.errmsg, element)
    return found


class _Number(pp.Token):
    """A figure: a fraction ("1/4", "2 1/2"), a power of ten ("2.48×10−5"), digits
    ("10,000", "1.5"), a magnitude ("tens of thousands") or words ("twenty-five"), tried in
    that order in one step."""

    # Figures in digits open with a digit, a fraction, a sign or a point, the others with a
    # letter: only the patterns that can open where the figure begins are tried.
    _in_digits = (
        (re.compile(FRACTION_PATTERN), fraction_figure),
        (re.compile(SCIENTIFIC_PATTERN), scientific_figure),
        (re.compile(DIGITS_PATTERN), digits_figure),
    )
    _in_words = (
        (re.compile(VAGUE_PATTERN), vague_figure),
        (re.compile(WORD_FRACTION_PATTERN), word_fraction_figure),
    )

    def __init__(self, *, articles: bool = False) -> None:
        super().__init__()
        self.errmsg = "expected a number"
        self.mayReturnEmpty = False
        self._words = _WordNumber()
        self._articles = articles  # "a mile (1.6 km)"

    def parseImpl(self, instring: str, loc: int, do_actions: bool = True):  # noqa: N802
        return _or_raise(self.read(instring, loc), self, instring, loc)

    def read(self, instring: str, loc: int) -> tuple[int, Figure] | None:
        """The end and the figure at ``loc``, or None."""
        words = loc < len(instring) and instring[loc].isalpha()
        if words and self._articles:
            figure = article_figure(instring, loc)
            if figure is not None:
                return figure.end, figure
        for pattern, maker in self._in_words if words else self._in_digits:
            found = pattern.match(instring, loc)
            if found:
                figure = maker(loc, found.group())
                if figure is not None:
                    return found.end(), figure
        found = self._words.read(instring, loc)
        return None if found is None else self._mixed(instring, *found)

    @staticmethod
    def _mixed(instring: str, end: int, whole: Figure) -> tuple[int, Figure]:
        """ "twenty and three fifths", "three and one fourth": a whole number and a fraction
        in words are one figure."""
        found = _AND_FRACTION.match(instring, end)
        if found is None:
            return end, whole
        part = word_fraction_figure(found.start(1), found.group(1))
        if part is None or part.value >= 1:
            return end, whole
        text = instring[whole.start : found.end()]
        return found.end(), replace(
            part, start=whole.start, text=text, value=whole.value + part.value
        )


_ARTICLE_UNIT = re.compile(
    r"(?i:(?:half[ \t]+)?an?)[ \t]+([^\W\d_]+(?:[ \t-]+[^\W\d_]+){0,2}?)[ \t]*\("
)


def article_figure(instring: str, loc: int) -> Figure | None:
    """ "a mile (1.6 km)", "an inch (2.5 cm)", "half a mile (800 m)": an article is one (or a
    half) of a unit word, but only where a conversion in brackets follows, which it is then
    checked against; elsewhere "a foot", "a bit" and "a stone" are idioms as often. It is
    exactly the unit, so the conversion is judged at its own precision (a tenth of the
    figure, as "1.0" would be)."""
    found = _ARTICLE_UNIT.match(instring, loc)
    if found is None or lexicon().form(found.group(1), spaced=True) not in lexicon().article_forms:
        return None
    text = instring[loc : found.start(1)].rstrip()
    value = 0.5 if text.lower().startswith("half") else 1.0
    return Figure(loc, loc + len(text), text, value, value / 10, value / 10, decimals=1)


_AND_FRACTION = re.compile(rf"[ \t]+and[ \t]+({WORD_FRACTION_PATTERN})")


@parsed_value
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
        self._number = _Number(articles=True)
        # The ASCII characters a currency or "minus" can begin with: elsewhere (at a digit,
        # most places) neither is tried.
        self._sign_openers = openers(lx.currency_prefixes) | openers(["minus"], fold_case=True)

    def parseImpl(self, instring: str, loc: int, do_actions: bool = True):  # noqa: N802
        return _or_raise(self.read(instring, loc), self, instring, loc)

    def read(self, instring: str, loc: int) -> tuple[int, Amount] | None:
        """The end and the amount at ``loc``, or None."""
        currency = minus = None
        position = loc
        char = instring[loc : loc + 1]
        signed = not char.isascii() or char in self._sign_openers
        for pattern in (self._currency, self._minus) if signed else ():
            found = pattern.match(instring, loc)
            if found:
                sign = Token(loc, found.end(), found.group())
                currency, minus = (sign, None) if pattern is self._currency else (None, sign)
                position = self._space.match(instring, found.end()).end()
                break
        number = self._number.read(instring, position)
        if number is None:
            return None
        end, figure = number
        if figure.vague:  # "thousands": no scale after a magnitude
            return end, Amount(figure, currency, minus, None)
        scale_pattern = self._money_scale if currency else self._plain_scale
        found = scale_pattern.match(instring, end)
        scale = Token(end, found.end(), found.group()) if found else None
        return (found.end() if found else end), Amount(figure, currency, minus, scale)


class _SurfacePattern:
    """One pattern for a set of unit surfaces, the longest that ends at a word boundary;
    words match in any case and with a hyphen or spaces between them ("square-foot").
    ``openers``: the characters one of the surfaces can begin with (``_SurfaceGroup`` tries
    the pattern only there: most figures are followed by a space or a word that begins no
    unit)."""

    def __init__(self, surfaces: set[str], *, fold_case: bool) -> None:
        body = alternation(surfaces, fold_case=fold_case, space=r"[\s-]+")
        flags = "(?i:" if fold_case else "(?:"
        self.pattern = re.compile(rf"{flags}{body})(?![\w°]|\.[A-Za-z])")
        self.openers = openers(surfaces, fold_case=fold_case, space=r"[\s-]+")
        self.starts = two_character_openers(surfaces, fold_case=fold_case, space=r"[\s-]+")


class _SurfaceGroup:
    """Surface patterns tried at one place, the longest match winning; at an ASCII character
    only those with a surface that can begin with it are tried (none at most places), and
    of those, where two ASCII characters stand there, only those with a surface that can
    begin with both (units begin with "t", none with "tr" of "troops"); past ASCII all of
    them."""

    def __init__(self, patterns: list[_SurfacePattern]) -> None:
        self._patterns = [pattern.pattern for pattern in patterns]
        openers = frozenset().union(*(pattern.openers for pattern in patterns))
        self._by_opener = {
            char: [(p.pattern, p.starts) for p in patterns if char in p.openers]
            for char in openers
            if char.isascii()
        }

    def longest(self, text: str, loc: int) -> re.Match[str] | None:
        if loc >= len(text):
            return None
        char = text[loc]
        if not char.isascii():
            tried = [(pattern, None) for pattern in self._patterns]
        else:
            tried = self._by_opener.get(char)
            if not tried:
                return None
        start = text[loc : loc + 2]
        known = start.isascii()  # two ASCII characters (or the last one) tell
        best = None
        for pattern, starts in tried:
            if known and start not in starts and char not in starts:
                continue
            found = pattern.match(text, loc)
            if found and (best is None or found.end() > best.end()):
                best = found
        return best


class _Surfaces:
    """Where a unit can be read: touching the figure ("11in", "km"), after a space ("306 km",
    "2 in)") or after a hyphen ("190-mile"); the longest surface wins."""

    def __init__(self, forms: list[UnitForm]) -> None:
        by_style: dict[str, set[str]] = {}
        for form in forms:
            by_style.setdefault(form.style, set()).add(form.surface)

        def compiled(*styles: str) -> _SurfaceGroup:
            return _SurfaceGroup(
                [
                    _SurfacePattern(by_style[style], fold_case=style == "word")
                    for style in styles
                    if by_style.get(style)
                ]
            )

        self.touching = compiled("attached", "symbol", "word")
        self.spaced = compiled("symbol", "word")
        self.guarded = compiled("guarded")


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
_TIMES = re.compile(r"[ \t]+((?i:times))(?![\w])")
FREQUENCY = "1 / [time]"
_PLUS_MINUS = re.compile(r"[ \t]*(?:±|\+/-|\+-)[ \t]*(?=\.?\d)")
_SPACE = re.compile(r"\s+")
# Where the claim being parsed begins ("a 14 in gun" needs the article before it), set by the
# caller of the grammar.
CLAIM_START: ContextVar[int] = ContextVar("claim_start", default=0)


def measure_opening(lx: Lexicon) -> re.Pattern[str]:
    """A quick test that every place a measure begins passes (and some where none does): a
    currency, a digit, a sign, a point or a vulgar fraction, an article, or the first letters
    of "minus", a number word ("ten" of "tens of thousands", "three" of "three-quarters", "one"
    of "one-half"), "baker's dozen", "half" or "quarter". Most words fail it at their first
    letters, so that a measure tried where none begins ("between", "and") costs one match."""
    words = alternation([*NUMBER_WORDS, "minus", "baker", "half", "quarter"], fold_case=True)
    money = alternation(list(lx.currency_prefixes))
    return re.compile(rf"{money}|[-\u2212.\d{VULGAR}]|(?i:{words}|an?\s)")


class MeasureToken(pp.Token):
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
        self._opening = measure_opening(lx)
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
        return _or_raise(self.attempt(instring, loc), self, instring, loc)

    def attempt(self, instring: str, loc: int) -> tuple[int, Measure] | None:
        """``parseImpl`` without the exception: the end and the measure at ``loc``, or None
        (most places a claim is tried where no measure begins are words: "between")."""
        if self._opening.match(instring, loc) is None:
            return None
        return self._read(instring, loc)

    def read(self, instring: str, loc: int) -> tuple[int, Measure]:
        """The measure at ``loc``, wherever it is tried (``parseImpl`` tries it only where
        ``measure_opening`` says one may begin); ParseException if there is none."""
        return _or_raise(self._read(instring, loc), self, instring, loc)

    def _read(self, instring: str, loc: int) -> tuple[int, Measure] | None:
        found = self._amount.read(instring, loc)
        if found is None:
            return None
        end, amount = self._uncertainty(instring, *found)
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
            if scale is None and is_money(unit.form.readings):  # "75 USD million"
                found = self._scale_after.match(instring, end)
                if found:
                    scale = Token(found.start() + 1, found.end(), found.group().strip())
                    end = found.end()
        rate = self._rated(instring, end, amount, unit)
        if rate is None and unit is None and amount.currency is None and amount.scale is None:
            rate = self._times_rate(instring, end, amount)
        if rate is not None:
            unit, end = rate, rate.end
            if not is_money(rate.form.readings) and amount.currency is None:
                again = self._rated(instring, end, amount, rate)  # "20 J/m2 per year"
                if again is not None:
                    unit, end = again, again.end
        if unit is not None:
            old = _OLD.match(instring, end)
            if old and any(r.dimension == "[time]" for r in unit.form.readings):
                unit = replace(unit, end=old.end(), age=True)  # "a 47-year-old man"
                end = old.end()
        if scale is not amount.scale:
            amount = replace(amount, scale=scale)
        return end, _measure(self._lx, amount, unit, end)

    def _uncertainty(self, instring: str, end: int, amount: Amount) -> tuple[int, Amount]:
        """ "2,000.45±0.01 pounds", "9.83e-3 +/- 1e-5 km/s2": the figure and how far it may be
        off, the unit written once after both."""
        sign = _PLUS_MINUS.match(instring, end)
        if sign is None or amount.figure.vague or amount.scale is not None:
            return end, amount
        found = self._amount._number.read(instring, sign.end())
        if found is None:
            return end, amount
        after, margin = found
        if margin.vague or margin.value < 0:
            return end, amount
        figure = replace(amount.figure, uncertainty=margin.value)
        return after, replace(amount, figure=figure)

    def _unit(self, instring: str, end: int, loc: int) -> UnitMention | None:
        if instring.startswith("-", end) and _HYPHEN.match(instring, end):
            found = self._unit_at(instring, end + 1, hyphenated=True, spaced=False, loc=loc)
            if found is not None:
                return found
        found = self._unit_at(instring, end, hyphenated=False, spaced=False, loc=loc)
        if found is not None:
            return found
        space = _SPACE.match(instring, end)
        if space is None:
            return None
        found = self._unit_at(instring, space.end(), hyphenated=False, spaced=True, loc=loc)
        return found or self._quotient_symbol(instring, space.end())

    def _quotient_symbol(self, instring: str, at: int) -> UnitMention | None:
        """ "5 W/m2", "10 l/km": a symbol read only against the figure ("5W", "10l") is read
        after a space too when a "/" and a unit to count it per follow."""
        if instring.find("/", at) == -1:
            return None
        found = self._units.touching.longest(instring, at)
        if found is None or not instring.startswith("/", found.end()):
            return None
        if self._per.spaced.longest(instring, found.end() + 1) is None:
            return None
        form = self._lx.form(found.group())
        return None if form is None else UnitMention(at, found.end(), form, False)

    def _unit_at(
        self, instring: str, at: int, *, hyphenated: bool, spaced: bool, loc: int
    ) -> UnitMention | None:
        surfaces = self._units.spaced if spaced else self._units.touching
        found = surfaces.longest(instring, at)
        guarded = self._units.guarded.longest(instring, at) if found is None and spaced else None
        if guarded is not None and self._bare_digits(instring, loc, at):
            if self._guard_holds(instring, loc, guarded.end()):
                found = guarded
        if found is None or (found.group() == '"' and not _inch_mark(instring, at)):
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
        return bool(_ARTICLE_BEFORE.search(instring[max(0, CLAIM_START.get() - 12) : loc]))

    def _bracketed(self, instring: str, end: int) -> UnitMention | None:
        """ "20 (kg)", "20 [kg]": a unit alone in brackets after the figure."""
        opening = _BRACKETED.match(instring, end)
        if opening is None:
            return None
        found = self._units.touching.longest(instring, opening.end())
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
        connector = self._rate.match(instring, end)
        if connector is None or (unit is not None and unit.age):
            return None
        numerator = unit.form.readings if unit is not None else ()
        if amount.currency is not None and (unit is None or not is_money(numerator)):
            numerator = (Reading(self._lx.currency_prefixes[amount.currency.text], CURRENCY),)
        money = is_money(numerator)
        if not numerator or not (money or all(r.is_physical for r in numerator)):
            return None
        found = self._per.spaced.longest(instring, connector.end())
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

    def _times_rate(self, instring: str, end: int, amount: Amount) -> UnitMention | None:
        """ "four times per week", "three times a day": how often, a count per unit of time."""
        times = _TIMES.match(instring, end)
        if times is None:
            return None
        form = UnitForm(times.group(1), "word", (Reading("1", "1"),))
        counted = UnitMention(times.start(1), times.end(), form, False)
        rate = self._rated(instring, times.end(), amount, counted)
        if rate is None or any(r.dimension != FREQUENCY for r in rate.form.readings):
            return None
        return rate

    def _per_form(self, surface: str) -> UnitForm | None:
        form = self._lx.form(surface, spaced=True)
        if form is not None:
            return form
        noun = self._lx.per_nouns.get(surface.lower())
        return None if noun is None else UnitForm(surface, "word", (Reading(noun, COUNT),))


def _inch_mark(instring: str, at: int) -> bool:
    """Whether the '"' at ``at`` is the inch mark: against a figure in digits ('9"', '2½"'),
    and not closing a quotation ('"we sold 5"', 'his number is "six"').  A quotation is open
    where an odd number of '"' stand before the mark in its paragraph (counted over the last
    ``QUOTATION_REACH`` characters, so that a long run of marks costs no more than a short one)."""
    before = instring[at - 1] if at else ""
    if not (before.isdigit() or before in VULGAR):
        return False
    return instring.count('"', max(0, at - QUOTATION_REACH), at) % 2 == 0


# How far back an open quotation is looked for: longer than any quotation a figure closes.
QUOTATION_REACH = 2000


def _per_noun_forms(lx: Lexicon) -> list[UnitForm]:
    return [UnitForm(noun, "word", (Reading(noun, COUNT),)) for noun in lx.per_nouns]


def is_money(readings: tuple[Reading, ...]) -> bool:
    return bool(readings) and all(r.dimension == CURRENCY for r in readings)


def _all_time(readings: tuple[Reading, ...]) -> bool:
    return all(r.dimension == "[time]" for r in readings)


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
