"""Written figures: their value and the precision their digits carry.

``Figure.step`` is the place of the last digit written ("306" -> 1, "1.5" -> 0.1) and
``round_step`` the place of the last non-zero digit of a whole number ("190" -> 10,
"11,000" -> 1,000); both are scaled with the figure ("1.5 million" -> 100,000).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from dataclasses import replace

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
MULTIPLIERS = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
VULGAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}

_WORD = "|".join(sorted([*ONES, *TENS, *MULTIPLIERS, "dozen"], key=len, reverse=True))
WORD_NUMBER_PATTERN = (
    rf"(?:an?\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?"
    rf"(?:{_WORD})(?:(?:\s+and\s+|\s+|-)(?:{_WORD}))*(?![\w])"
)
DIGITS_PATTERN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
FRACTION_PATTERN = r"(?:\d+(?:[ \u00a0]+|-))?\d{1,2}/\d{1,2}(?![\d/])|\d*[½¼¾⅓⅔⅛]"


@dataclass(frozen=True)
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

    @property
    def half_width(self) -> float:
        """How far the true value may be from the figure, judging by its digits alone."""
        loose = min(self.round_step / 2, ROUNDING_SHARE * abs(self.value))
        return max(self.step / 2, loose)

    def scaled(self, factor: float) -> Figure:
        return replace(
            self, value=self.value * factor, step=self.step * factor,
            round_step=self.round_step * factor,
        )  # fmt: skip


def _whole_number_steps(value: float) -> tuple[float, float]:
    if value == 0:
        return 1.0, 1.0
    whole = int(round(abs(value)))
    zeros = len(str(whole)) - len(str(whole).rstrip("0"))
    return 1.0, float(10**zeros)


def digits_figure(start: int, text: str) -> Figure:
    plain = text.replace(",", "")
    value = float(plain)
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    if decimals:
        step = round_step = 10.0**-decimals
    else:
        step, round_step = _whole_number_steps(value)
    return Figure(start, start + len(text), text, value, step, round_step, decimals, "," in text)


def word_value(text: str) -> float | None:
    """The value of a number in words ("twenty-five", "ten thousand"), None if not a number."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t]
    if tokens and tokens[0] in ("a", "an"):
        tokens[0] = "one"
    total, current, previous = 0.0, 0.0, ""
    for token in tokens:
        if token == "and":
            if previous not in MULTIPLIERS:
                return None
        elif token in ONES or token in TENS:
            small = ONES.get(token, TENS.get(token, 0))
            if previous in ONES or (previous in TENS and small >= 10):
                return None
            current += small
        elif token == "dozen":
            current = max(current, 1) * 12
        elif token == "hundred":
            current = max(current, 1) * 100
        else:
            total += max(current, 1) * MULTIPLIERS[token]
            current = 0
        previous = token
    return total + current


def words_figure(start: int, text: str) -> Figure | None:
    value = word_value(text)
    if value is None:
        return None
    step, round_step = _whole_number_steps(value)
    return Figure(start, start + len(text), text, value, step, round_step)


def fraction_figure(start: int, text: str) -> Figure | None:
    """"1/4", "2 1/2", "2-1/2", "½", "2½": proper fractions only ("24/7" is not a quantity)."""
    whole = 0.0
    body = text
    if body[-1] in VULGAR_FRACTIONS:
        whole = float(body[:-1]) if body[:-1] else 0.0
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
