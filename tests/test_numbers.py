"""Written figures: values, the precision the digits carry, numbers in words, fractions, and
writing a value back the way the writer wrote theirs."""

from __future__ import annotations

import re

import pytest

from numcheck.extraction.numbers import DIGITS_PATTERN
from numcheck.extraction.numbers import SCIENTIFIC_PATTERN
from numcheck.extraction.numbers import WORD_NUMBER_PATTERN
from numcheck.extraction.numbers import digits_figure
from numcheck.extraction.numbers import format_like
from numcheck.extraction.numbers import fraction_figure
from numcheck.extraction.numbers import is_whole
from numcheck.extraction.numbers import scientific_figure
from numcheck.extraction.numbers import word_value
from numcheck.extraction.numbers import words_figure
from numcheck.extraction.numbers import writing_place

# text, value, step, round_step, half_width, decimals, grouped
DIGITS = [
    ("306", 306, 1, 1, 0.5, 0, False),  # every digit counts
    ("190", 190, 1, 10, 5, 0, False),  # may be rounded to the ten
    ("300", 300, 1, 100, 15, 0, False),  # to the hundred, but by 5% at most
    ("100", 100, 1, 100, 5, 0, False),
    ("11,000", 11000, 1, 1000, 500, 0, True),
    ("10,000", 10000, 1, 10000, 500, 0, True),
    ("2,000", 2000, 1, 1000, 100, 0, True),
    ("1,234", 1234, 1, 1, 0.5, 0, True),
    ("1.5", 1.5, 0.1, 0.1, 0.05, 1, False),
    ("2.50", 2.5, 0.01, 0.01, 0.005, 2, False),  # a written trailing zero is a digit
    ("0.75", 0.75, 0.01, 0.01, 0.005, 2, False),
    (".25", 0.25, 0.01, 0.01, 0.005, 2, False),
    ("1,674.5", 1674.5, 0.1, 0.1, 0.05, 1, True),
    ("40 000", 40000, 1, 10000, 2000, 0, True),  # grouped with spaces
    ("40\u202f000", 40000, 1, 10000, 2000, 0, True),  # grouped with narrow spaces
    ("1\u00a0234\u00a0567.89", 1234567.89, 0.01, 0.01, 0.005, 2, True),
    ("-5", -5, 1, 1, 0.5, 0, False),
    ("\u221240", -40, 1, 10, 2, 0, False),  # the minus sign
    ("0", 0, 1, 1, 0.5, 0, False),
]


@pytest.mark.parametrize(
    ("text", "value", "step", "round_step", "half", "decimals", "grouped"), DIGITS
)
def test_digits_figure(
    text: str,
    value: float,
    step: float,
    round_step: float,
    half: float,
    decimals: int,
    grouped: bool,
) -> None:
    figure = digits_figure(7, text)
    assert (figure.start, figure.end, figure.text) == (7, 7 + len(text), text)
    assert figure.value == pytest.approx(value)
    assert (figure.step, figure.round_step) == pytest.approx((step, round_step))
    assert figure.half_width == pytest.approx(half)
    assert (figure.decimals, figure.grouped) == (decimals, grouped)


@pytest.mark.parametrize(
    ("text", "factor", "value", "half"),
    [
        ("1.5", 1e6, 1.5e6, 0.05e6),  # "1.5 million": known to the 100,000
        ("5", 1e9, 5e9, 0.5e9),  # "$5bn"
        ("4.2", 1e6, 4.2e6, 0.05e6),  # "£4.2m"
        ("11", 1000, 11000, 500),  # "11k"
        ("300", 1e6, 300e6, 15e6),
    ],
)
def test_scaled_figure_keeps_its_precision(
    text: str, factor: float, value: float, half: float
) -> None:
    figure = digits_figure(0, text).scaled(factor)
    assert figure.value == pytest.approx(value)
    assert figure.half_width == pytest.approx(half)


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        ("10,000", True), ("1,234,567", True), ("1.5", True), (".5", True), ("-5", True),
        ("40 000", True), ("1 234 567", True), ("12,34", False), ("1 23", False),
        ("10,00", False), ("--5", False),
    ],
)  # fmt: skip
def test_digits_pattern(text: str, matches: bool) -> None:
    assert bool(re.fullmatch(DIGITS_PATTERN, text)) is matches


WORDS = [
    ("two", 2),
    ("Seven", 7),
    ("twenty-five", 25),
    ("twenty five", 25),
    ("ninety-nine", 99),
    ("a hundred", 100),
    ("one hundred and six", 106),
    ("one hundred and sixty-one", 161),
    ("ten thousand", 10000),
    ("two hundred and two thousand", 202000),
    ("twenty-one trillion three hundred", 21e12 + 300),
    ("a dozen", 12),
    ("three dozen", 36),
    ("a baker's dozen", 13),  # thirteen, as "a dozen" is twelve
    ("a baker’s dozen", 13),
    ("two baker's dozen", 26),
    ("baker's dozen", None),  # like "dozen", it needs a figure
    ("two hundred & forty", 240),  # "&" is written for "and"
    ("one hundred & six", 106),
    ("two & a half", 2.5),
    ("five & six", None),  # as "five and six": two numbers
    ("half a dozen", 6),
    ("a million", 1e6),
    ("half a million", 5e5),
    ("a quarter million", 2.5e5),
    ("three quarters of a million", 7.5e5),
    ("three-quarters of a billion", 7.5e8),
    ("two and a half", 2.5),
    ("one and a quarter", 1.25),
    ("one and three quarters million", 1.75e6),
    ("two and a half million", 2.5e6),
    ("zero", 0),
    ("million", None),  # a multiplier needs a figure
    ("hundred", None),
    ("dozen", None),
    ("two three", None),  # not one number
    ("twenty thirty", None),
    ("five and six", None),
]


@pytest.mark.parametrize(("text", "value"), WORDS)
def test_word_value(text: str, value: float | None) -> None:
    assert word_value(text) == (None if value is None else pytest.approx(value))


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("twenty-five people", "twenty-five"),
        ("a dozen eggs", "a dozen"),
        ("half a million people", "half a million"),
        ("two and a half years", "two and a half"),
        ("one hundred and six tanks", "one hundred and six"),
        ("two hundred & forty people", "two hundred & forty"),
        ("a baker's dozen rolls", "a baker's dozen"),
        ("the baker's shop", None),
        ("an hour", None),  # "a" alone is not a number
        ("a third", None),
        ("twentieth", None),
        ("someone", None),
        ("often", None),
    ],
)
def test_word_number_pattern(text: str, matched: str | None) -> None:
    found = re.match(WORD_NUMBER_PATTERN, text, re.IGNORECASE)
    assert (found.group() if found else None) == matched


@pytest.mark.parametrize(
    ("text", "value", "half"),
    [
        ("two", 2, 0.5),
        ("ten thousand", 10000, 500),
        ("half a million", 5e5, 25000),
        ("two and a half", 2.5, 0.25),  # known to the half written
        ("two and a quarter million", 2.25e6, 125000),
    ],
)
def test_words_figure(text: str, value: float, half: float) -> None:
    figure = words_figure(3, text)
    assert figure is not None
    assert (figure.start, figure.end) == (3, 3 + len(text))
    assert figure.value == pytest.approx(value)
    assert figure.half_width == pytest.approx(half)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1/4", 0.25),
        ("3/4", 0.75),
        ("2 1/2", 2.5),
        ("2-1/2", 2.5),
        ("2\u00a01/2", 2.5),
        ("½", 0.5),
        ("2½", 2.5),
        ("¾", 0.75),
        ("9/11", 9 / 11),  # a proper fraction: "9/11" is left to the exclusions
        ("24/7", None),  # improper: not a fraction of anything
        ("3/2", None),
        ("1/1", None),
        ("0/5", None),
        ("5/0", None),
    ],
)
def test_fraction_figure(text: str, value: float | None) -> None:
    figure = fraction_figure(0, text)
    if value is None:
        assert figure is None
    else:
        assert figure is not None
        assert figure.value == pytest.approx(value)
        assert figure.half_width == pytest.approx(1 / 16)  # known to the eighth


# value, the writer's figure, the place (None: the writer's own), the text written
FORMAT = [
    (305.775, "360", None, "310"),  # the writer rounded to the ten
    (305.775, "306", None, "306"),
    (305.775, "310", None, "310"),
    (305.775, "360", 1, "306"),
    (305.775, "360", 0.1, "305.8"),
    (18.64, "19", None, "19"),
    (1609.3, "2,000", None, "2,000"),
    (88184.9, "40,000", 1, "88,185"),
    (3347.2, "800", 1, "3347"),  # no grouping where the writer used none
    (12345.6, "10000", 1, "12,346"),  # five-figure numbers are grouped when both are large
    (0.402, "0.4", None, "0.4"),
    (9.07, "12", None, "9"),
    (1234.5, "1,000.5", None, "1,234.5"),
    (-14.2, "-14", None, "-14"),
    (0.3, "100", None, "0"),
]


@pytest.mark.parametrize(("value", "written", "place", "text"), FORMAT)
def test_format_like(value: float, written: str, place: float | None, text: str) -> None:
    assert format_like(value, digits_figure(0, written), place) == text


@pytest.mark.parametrize(
    ("text", "place"), [("1.5", 0.1), ("310", 10), ("306", 1), ("11,000", 1000), ("2.50", 0.01)]
)
def test_writing_place(text: str, place: float) -> None:
    assert writing_place(digits_figure(0, text)) == pytest.approx(place)


@pytest.mark.parametrize(
    ("value", "whole"), [(3.0, True), (2.9999999999, True), (2.5, False), (-4.0, True)]
)
def test_is_whole(value: float, whole: bool) -> None:
    assert is_whole(value) is whole


@pytest.mark.parametrize(
    ("text", "matched", "value"),
    [
        ("2.48×10−5 in the test", "2.48×10−5", 2.48e-5),
        ("6.02 x 10^23 atoms", "6.02 x 10^23", 6.02e23),
        ("3 x 10^8 m/s", "3 x 10^8", 3e8),
        ("1.5×10⁻³ m", "1.5×10⁻³", 1.5e-3),
        ("1e-3 m", "1e-3", 1e-3),
        ("8x2^10 bits", "8x2^10", 8192),  # a power of two: bits and bytes
        ("8 × 2^10 bits", "8 × 2^10", 8192),
        ("2^10 bytes", "2^10", 1024),
        ("10^6 tonnes", "10^6", 1e6),  # a power alone
        ("10⁶ tonnes", "10⁶", 1e6),
        ("10^-3 m", "10^-3", 1e-3),
        ("3^4 is 81", None, None),  # arithmetic, not a quantity
        ("12^2 = 144", None, None),
        ("2^100", None, None),
        ("2019¹ was", None, None),  # a footnote mark, not a power
        ("4x4 vehicles", None, None),
        ("10x2 m", None, None),
    ],
)
def test_scientific_pattern_and_figure(text: str, matched: str | None, value: float | None) -> None:
    found = re.match(SCIENTIFIC_PATTERN, text)
    assert (found.group() if found else None) == matched
    if found is not None:
        assert scientific_figure(0, found.group()).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "step"),
    [
        ("8x2^10", 1024),  # the mantissa is known to the unit
        ("10^6", 1e6),  # a power alone is known to its own order
        ("6.02 x 10^23", 1e21),
    ],
)
def test_scientific_figure_precision(text: str, step: float) -> None:
    assert scientific_figure(0, text).step == pytest.approx(step)
