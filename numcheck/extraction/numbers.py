"""Written figures: their value and the precision their digits carry.

``Figure.step`` is the place of the last digit written ("306" -> 1, "1.5" -> 0.1) and
``round_step`` the place of the last non-zero digit of a whole number ("190" -> 10,
"11,000" -> 1,000); both are scaled with the figure ("1.5 million" -> 100,000).
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from dataclasses import replace

from numcheck.extraction.patterns import alternation

# A whole number written with trailing zeros may be rounded to its last non-zero digit, but
# rarely by more than this share of its value ("2,000" for 1,609 is wrong, "300" for 306 is not).
ROUNDING_SHARE = 0.05

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
DOZENS = {"dozen": 12, "bakers-dozen": 13}
MULTIPLIERS = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
VULGAR_FRACTIONS = {
    "½": 1 / 2, "¼": 1 / 4, "¾": 3 / 4, "⅓": 1 / 3, "⅔": 2 / 3, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
    "⅞": 7 / 8,
}  # fmt: skip
VULGAR = "".join(VULGAR_FRACTIONS)

NUMBER_WORDS = (*ONES, *TENS, *MULTIPLIERS, "dozen")
# "a baker's dozen" is thirteen, as "a dozen" is twelve.
BAKERS_DOZEN = r"baker['’]s\s+dozen"
_WORD = alternation(NUMBER_WORDS) + "|" + BAKERS_DOZEN
_MULTIPLIER = rf"(?:hundred|thousand|million|billion|trillion|dozen|{BAKERS_DOZEN})\b"
# "half a million", "a quarter million", "three-quarters of a billion": a share of a multiplier,
# by the letter it begins with and what follows that letter (read case-insensitively).
SHARE_LEADS = {
    "h": r"alf\s+(?:an?\s+)?",
    "a": r"n?\s+quarter\s+(?:of\s+an?\s+)?",
    "q": r"uarter\s+(?:of\s+an?\s+)?",
    "t": r"hree[\s-]quarters\s+(?:of\s+an?\s+)?",
}
SHARE_OF = "(?:" + "|".join(k + v for k, v in SHARE_LEADS.items()) + f")(?={_MULTIPLIER})"
# "and" joins the parts of a number in words; "&" is written for it ("two hundred & forty").
_AND = r"\s+(?:and|&)\s+"
# "two and a half", "one and a quarter million"
_AND_SHARE = rf"{_AND}(?:a\s+half|a\s+quarter|three[\s-]quarters)(?:\s+{_MULTIPLIER})?"
WORD_NUMBER_PATTERN = (
    rf"(?:{SHARE_OF}|an?\s+(?={_MULTIPLIER}))?"
    rf"(?:{_WORD})(?:(?:{_AND}|\s+|-)(?:{_WORD}))*(?![\w])(?:{_AND_SHARE})?(?![\w])"
)
SHARES = {"half": 0.5, "quarter": 0.25, "quarters": 0.75}
_GROUP_SEPARATORS = " \u00a0\u202f\u2009"
DIGITS_PATTERN = (
    r"[-\u2212]?(?:\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?(?![\d,])"  # Indian grouping: 12,34,567
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    rf"|\d{{1,3}}(?:[{_GROUP_SEPARATORS}]\d{{3}})+(?:\.\d+)?(?!\d)"
    r"|\d+(?:\.\d+)?|\.\d+)"
)
# "2.48×10−5", "6.02 x 10^23", "1e-3", "8×2^10", "10^6", "10⁶": a figure times a power of ten
# or of two, or such a power alone. Only ten and two are bases of quantities ("2^10 bytes");
# "3^4" is sums, and a bare power takes the caret or superscripts after a ten only ("10⁶"),
# never after other digits, where a superscript is a footnote mark ("in 2019¹").
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_TEN_TO = r"10(?:\^[-\u2212]?\d\d?|⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})"
_TWO_TO = r"2(?:\^\d\d?|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})"
SCIENTIFIC_PATTERN = (
    r"(?:[-\u2212]?\d+(?:\.\d+)?"
    rf"(?:[ \t]?[×x][ \t]?(?:10[-\u2212]\d\d?|{_TEN_TO}|{_TWO_TO})|e[-+]?\d\d?)"
    rf"|(?<![\d.,]){_TEN_TO}|(?<![\d.,])2\^\d\d?)"
    r"(?![\w.^])"
)
# "2 1/2", "48 3⁄4" (with the fraction slash), "2 1 ⁄ 2", "½", "4½"
FRACTION_PATTERN = (
    r"(?:\d+(?:[ \u00a0]+|-))?\d{1,2}(?:/|[ \u00a0]*\u2044[ \u00a0]*)\d{1,2}(?![\d/\u2044])"
    rf"|\d*[{VULGAR}]"
)
# "tens of thousands", "hundreds", "dozens", "millions": a magnitude, not a figure (see
# ``vague_figure``); only before "of" ("millions of Americans", "hundreds of miles").
MAGNITUDES = {
    "dozens": 12.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
    "trillions": 1e12,
}  # fmt: skip
_MAGNITUDE_TIMES = {"tens": 10.0, "dozens": 12.0, "hundreds": 100.0}
_NEXT_MAGNITUDE = {"dozens": 12.0, "hundreds": 10.0}  # else a thousand times more
VAGUE_PHRASES = (
    *(f"{times} of {magnitude}" for times in _MAGNITUDE_TIMES for magnitude in MAGNITUDES),
    *MAGNITUDES,
)
VAGUE_PATTERN = rf"(?i:{alternation(VAGUE_PHRASES)})(?=\s+of\s)"


# "two thirds", "one sixth", "three halves", "one-half": a fraction in words, a numerator from
# one to twelve and a denominator from halves to twelfths ("three quarters of a million" and
# "two and a half" are read as numbers in words; "two quarters" are periods of a year as often
# as a share, so quarters are left alone).
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "fourth": 4, "fourths": 4, "fifth": 5,
    "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8,
    "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10, "twelfth": 12,
    "twelfths": 12,
}  # fmt: skip
_NUMERATORS = alternation([word for word, value in ONES.items() if 1 <= value <= 12])
WORD_FRACTION_PATTERN = (
    rf"(?i:{_NUMERATORS})[ \t-]+(?i:{alternation(DENOMINATORS)})(?![\w-])"
    rf"(?!\s+(?:of\s+an?\s+)?{_MULTIPLIER})"
)


# What the grammar builds at every figure (figures, measures, their units, matches) is made of
# data classes that are not frozen: a frozen one is built through ``object.__setattr__``, one
# field at a time, about ten times slower, and extraction builds a dozen of them a claim. None
# is changed once built (``dataclasses.replace`` makes a new one), and each hashes by its
# fields, as a frozen one does.
parsed_value = dataclass(slots=True, unsafe_hash=True)


@parsed_value
class Figure:
    """One figure as written, with its span in the document."""

    start: int
    end: int
    text: str
    value: float
    step: float
    round_step: float
    decimals: int = 0
    grouped: bool = False
    vague: bool = False  # a magnitude ("thousands"): ``value`` is the middle of its span
    uncertainty: float = 0.0  # "2,000.45 ± 0.01": how far the writer says it may be off

    @property
    def half_width(self) -> float:
        """How far the true value may be from the figure, judging by its digits (and the
        uncertainty written after it)."""
        loose = min(self.round_step / 2, ROUNDING_SHARE * abs(self.value))
        return max(self.step / 2, loose, self.uncertainty)

    def scaled(self, factor: float) -> Figure:
        return Figure(
            self.start, self.end, self.text, self.value * factor, self.step * factor,
            self.round_step * factor, self.decimals, self.grouped, self.vague,
            self.uncertainty * abs(factor),
        )  # fmt: skip

    def shifted(self, offset: int) -> Figure:
        """The same figure ``offset`` characters further on. (Built field by field, as
        ``scaled`` is: ``dataclasses.replace`` costs several times more, once a claim.)"""
        return Figure(
            self.start + offset, self.end + offset, self.text, self.value, self.step,
            self.round_step, self.decimals, self.grouped, self.vague, self.uncertainty,
        )  # fmt: skip


def _whole_number_steps(value: float) -> tuple[float, float]:
    if value == 0:
        return 1.0, 1.0
    whole = int(round(abs(value)))
    zeros = len(str(whole)) - len(str(whole).rstrip("0"))
    return 1.0, float(10**zeros)


# A figure's digits as float() reads them: no group separators, an ASCII minus.
_PLAIN = str.maketrans({",": None, "\u2212": "-"} | dict.fromkeys(_GROUP_SEPARATORS))


def digits_figure(start: int, text: str) -> Figure:
    """ "10,000", "1.5", "-5", "40 000" (grouped with spaces): value and precision."""
    return Figure(start, start + len(text), text, *_digits_reading(text))


@functools.lru_cache(maxsize=4096)
def _digits_reading(text: str) -> tuple[float, float, float, int, bool]:
    """Value, step, rounding step, decimals and grouping of a figure in digits (the same
    figures come again and again: "5", "10,000", "2024")."""
    plain = text.translate(_PLAIN)
    value = float(plain)
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    if decimals:
        step = round_step = 10.0**-decimals
    else:
        step, round_step = _whole_number_steps(value)
    grouped = len(plain) < len(text)  # a separator was dropped
    return value, step, round_step, decimals, grouped


def word_value(text: str) -> float | None:
    """The value of a number in words ("twenty-five", "ten thousand", "half a million",
    "two and a half"); None if the words are not a number ("million" alone, "two three")."""
    plain = re.sub(BAKERS_DOZEN, "bakers-dozen", text.lower())
    tokens = ["and" if t == "&" else t for t in re.split(r"[\s]+|-(?!dozen)", plain) if t]
    share, tokens = _leading_share(tokens)
    if not tokens:
        return None
    if tokens[0] in ("a", "an"):
        tokens[0] = "one"
    elif share == 1 and (tokens[0] in MULTIPLIERS or tokens[0] in DOZENS):
        return None  # a multiplier needs a figure before it
    total, current, previous, last_multiplier = 0.0, 0.0, "", 1.0
    index = 0
    while index < len(tokens):
        token = tokens[index]
        part = _share_after(tokens, index)
        if part:
            if current:
                current += part
            else:  # "one million and a half"
                total += part * last_multiplier
            index += 3
            previous = "share"
            continue
        if token == "and":
            if previous not in MULTIPLIERS:
                return None
        elif token in ONES or token in TENS:
            small = ONES.get(token, TENS.get(token, 0))
            if previous in ONES or (previous in TENS and small >= 10) or previous == "share":
                return None
            current += small
        elif token in DOZENS:
            current = max(current, 1) * DOZENS[token]
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token in MULTIPLIERS:
            last_multiplier = MULTIPLIERS[token]
            total += max(current, 1) * last_multiplier
            current = 0
        else:
            return None
        previous = token
        index += 1
    return (total + current) * share


def _share_after(tokens: list[str], index: int) -> float:
    """0.5 where ``tokens[index:]`` reads "and a half", 0.25 "and a quarter", 0.75 "and three
    quarters"; else 0."""
    words = tokens[index : index + 3]
    if words in (["and", "a", "half"], ["and", "a", "quarter"], ["and", "three", "quarters"]):
        return SHARES[words[2]]
    return 0.0


def _leading_share(tokens: list[str]) -> tuple[float, list[str]]:
    """ "half a million" -> (0.5, ["million"]); no share -> (1.0, tokens)."""
    for lead, share in ((["half"], 0.5), (["quarter"], 0.25), (["three", "quarters"], 0.75)):
        for prefix in (lead, ["a", *lead], ["an", *lead]):
            if tokens[: len(prefix)] == prefix and len(tokens) > len(prefix):
                rest = tokens[len(prefix) :]
                while rest and rest[0] in ("a", "an", "of") and len(rest) > 1:
                    rest = rest[1:]
                return share, rest
    return 1.0, tokens


def words_figure(start: int, text: str) -> Figure | None:
    reading = _words_reading(text)
    if reading is None:
        return None
    return Figure(start, start + len(text), text, *reading)


_ADDED_SHARE = re.compile(r"(?:\band|&)\s+(?:a|three)\s+(half|quarters?)\b(?:\s+(\w+))?", re.I)


@functools.lru_cache(maxsize=4096)
def _words_reading(text: str) -> tuple[float, float, float] | None:
    """Value, step and rounding step of a number in words; None if the words are not one."""
    value = word_value(text)
    if value is None:
        return None
    step, round_step = _whole_number_steps(value)
    added = _ADDED_SHARE.search(text)
    if added:  # "two and a half million": written to the nearest half million
        share = 0.5 if added.group(1).lower() == "half" else 0.25
        multiplier = MULTIPLIERS.get((added.group(2) or "").lower(), 1.0)
        step = round_step = share * multiplier
    return value, step, round_step


def scientific_figure(start: int, text: str) -> Figure:
    """ "2.48×10−5", "6.02 x 10^23", "1e-3", "8×2^10", "10^6": the digits of the mantissa carry
    the precision; a power alone is exact to its own order ("10^6" to the million)."""
    plain = text.replace("\u2212", "-").translate(_SUPERSCRIPTS)
    found = re.fullmatch(r"(?:(-?[\d.]+)\s?(?:[×x]\s?(?=10|2)|(?=e)))?(10|2|e)\^?([-+]?\d+)", plain)
    assert found is not None  # the pattern guarantees the shape
    mantissa = digits_figure(start, found.group(1) or "1")
    base = 10 if found.group(2) in ("10", "e") else 2
    factor = float(base) ** int(found.group(3))
    return replace(
        mantissa.scaled(factor), end=start + len(text), text=text, round_step=mantissa.step * factor
    )


def vague_figure(start: int, text: str) -> Figure:
    """ "hundreds" is 100 to 1,000, "thousands" 1,000 to a million, "tens of thousands"
    10,000 to 100,000, "hundreds of millions" 100 million to a billion: from one of the
    magnitude named up to the next one news copy would name instead."""
    words = text.lower().split()
    low = MAGNITUDES[words[-1]]
    if len(words) > 1:  # "tens of thousands"
        low *= _MAGNITUDE_TIMES[words[0]]
        high = low * 10
    else:
        high = low * _NEXT_MAGNITUDE.get(words[-1], 1000.0)
    span = high - low
    return Figure(start, start + len(text), text, (low + high) / 2, span, span, vague=True)


def fraction_figure(start: int, text: str) -> Figure | None:
    """ "1/4", "2 1/2", "2-1/2", "48 3⁄4", "½", "2½": proper fractions only ("24/7" is not a
    quantity)."""
    whole = 0.0
    body = re.sub(r"[ \u00a0]*\u2044[ \u00a0]*", "/", text)
    if body[-1] in VULGAR_FRACTIONS:
        whole = float(body[:-1].strip()) if body[:-1].strip() else 0.0
        value = whole + VULGAR_FRACTIONS[body[-1]]
    else:
        head, _, tail = re.split(r"[ \u00a0-]+", body)[-1].partition("/")
        prefix = re.split(r"[ \u00a0-]+", body)[:-1]
        numerator, denominator = int(head), int(tail)
        if denominator < 2 or numerator == 0 or numerator >= denominator:
            return None
        whole = float(prefix[0]) if prefix else 0.0
        value = whole + numerator / denominator
    step = 1 / 8 if value % 1 else 1.0
    return Figure(start, start + len(text), text, value, step, step, decimals=2)


def word_fraction_figure(start: int, text: str) -> Figure | None:
    """ "two thirds", "one-half", "three halves": numerator over denominator, known to the
    eighth as "2 1/2" is. "one thirds" and "two third" are no fraction, and "the two halves"
    of a match are its parts, not a value of one."""
    numerator, denominator = re.split(r"[ \t-]+", text.lower())
    count, parts = ONES[numerator], DENOMINATORS[denominator]
    if denominator.endswith("s") != (count > 1) or count == parts:
        return None
    value = count / parts
    step = 1 / 8 if value % 1 else 1.0
    return Figure(start, start + len(text), text, value, step, step, decimals=2)


def writing_place(figure: Figure) -> float:
    """The place the writer rounded ``figure`` to (0.1 for "1.5", 10 for "310")."""
    return figure.round_step if figure.round_step > figure.step else figure.step


def format_like(value: float, figure: Figure, place: float | None = None) -> str:
    """``value`` written the way ``figure`` was: rounded to ``place`` (by default the writer's
    own), with the same decimals style and digit grouping."""
    place = writing_place(figure) if place is None else place
    if place < 1:
        decimals = max(figure.decimals, round(-math.log10(place)))
        return f"{value:,.{decimals}f}" if figure.grouped else f"{value:.{decimals}f}"
    rounded = round(value / place) * place
    if rounded == 0 and value != 0:
        rounded = round(value)
    number = int(rounded)
    grouped = figure.grouped or (abs(number) >= 10_000 and abs(figure.value) >= 10_000)
    return f"{number:,}" if grouped else str(number)


def is_whole(value: float) -> bool:
    return math.isclose(value, round(value), abs_tol=1e-9)
