"""Where a claim can begin: the scan that tells the grammar where to look.

A claim can begin at a qualifier or "between" followed by money or a figure, at money
followed by digits, or at a figure (digits, a vulgar fraction, "minus 5", a number word, "half
a million", "tens of thousands"), never right after a letter, a digit or a sign that binds to
what follows ("F-16", "3.5", "$5", "50%"). ``reference()`` says this in one regular
expression.

Searching a text with it is slow: most of a text is words that begin nothing, and a
regular-expression engine tries every branch of an alternation at each of them, entering a
case-insensitive branch even to compare its first letter. So ``next_start`` first finds the
places where one of the words or signs a start opens with stands after a space or a sign that
does not bind, with an expression written for the engine's two fast paths: it opens with a
plain character class (the character before the start), which the engine skips ahead to
without trying anything, and then chooses among branches by their first character, which the
engine compares in place. ``reference()`` then decides at each such place.
"""

from __future__ import annotations

import functools
import re

from numcheck.extraction.numbers import BAKERS_DOZEN
from numcheck.extraction.numbers import NUMBER_WORDS
from numcheck.extraction.numbers import SHARE_OF
from numcheck.extraction.numbers import VAGUE_PATTERN
from numcheck.extraction.numbers import VAGUE_PHRASES
from numcheck.extraction.numbers import VULGAR
from numcheck.extraction.patterns import alternation
from numcheck.extraction.patterns import first_characters
from numcheck.extraction.qualifiers import qualifier_table
from numcheck.extraction.units import lexicon

# What may stand right before a claim: anything but these.
_BINDING = r"\w.,/:@#&+$£€¥₹%^×±–—-"
# An article counts as "one" before these: "a hundred" ("an eighty" is no figure).
_MULTIPLIERS = ("hundred", "thousand", "million", "billion", "dozen", "baker's", "baker’s")
# What a share of a multiplier opens with: "half a million", "a quarter of", "three-quarters".
_SHARES = ("half", "a quarter", "an quarter", "quarter", "three quarters", "three-quarters")


@functools.cache
def reference() -> re.Pattern[str]:
    """Where a claim can begin, in one expression."""
    money = alternation(lexicon().currency_prefixes)
    words = f"(?:{alternation(NUMBER_WORDS)}|{BAKERS_DOZEN})"
    article = rf"an?\s+(?={'|'.join(_MULTIPLIERS)})"
    number = (
        rf"\d|\.\d|(?<!\d[ \t])[-\u2212](?=\.?\d)|(?i:minus\s+(?=\d))|[{VULGAR}]"
        rf"|(?i:(?:{SHARE_OF}|{article})?{words})(?![\w])"
        rf"|{VAGUE_PATTERN}|{_article()}"
    )
    qualifiers = alternation([*qualifier_table(), "between"], fold_case=True)
    return re.compile(
        rf"(?<![{_BINDING}])(?:(?i:{qualifiers})\s*(?=(?:{money})|{number})"
        rf"|(?:{money})\s*(?=[-\u2212]?\.?\d)|{number})"
    )


def next_start(text: str, position: int) -> tuple[int, int] | None:
    """The first place at or after ``position`` where a claim can begin, as the span of
    ``reference()``'s match there; None if there is none."""
    starts = reference()
    if position == 0:  # nothing stands before the very beginning
        found = starts.match(text)
        if found is not None:
            return found.span()
    scan = _openings()
    at = max(position - 1, 0)
    while (opening := scan.search(text, at)) is not None:
        found = starts.match(text, opening.start() + 1)
        if found is not None:
            return found.span()
        at = opening.start() + 1
    return None


def _article() -> str:
    """ "a mile (1.6 km)", "half a mile (800 m)": an article before a word that may be a unit
    and a conversion in brackets (which words are units the grammar checks)."""
    unit = alternation(_unit_words(), fold_case=True)
    bracket = r"[^()\n]{0,40}?[ \t]*\([ \t]*(?:about[ \t]+)?[-\u2212]?\.?\d"
    return rf"(?i:(?:half[ \t]+)?an?)(?=[ \t]+(?i:{unit}){bracket})"


def _unit_words() -> set[str]:
    """How the unit words an article may stand for one of begin ("a mile (1.6 km)"): their
    first two letters, enough for the scan."""
    return {form.surface[:2] for form in lexicon().article_forms}


@functools.cache
def _openings() -> re.Pattern[str]:
    """A character that does not bind, then what a start may open with: every place
    ``reference()`` matches after such a character, and a few more."""
    caseless = [
        *qualifier_table(),
        "between",
        "minus",
        *NUMBER_WORDS,
        *_SHARES,
        *(f"{article} {multiplier}" for article in ("a", "an") for multiplier in _MULTIPLIERS),
        *VAGUE_PHRASES,
        *(f"{article} {word}" for article in ("a", "an", "half a") for word in _unit_words()),
    ]
    follows = [
        first_characters(caseless, fold_case=True),
        first_characters(lexicon().currency_prefixes),
        {digit: "" for digit in "0123456789"},
        {".": r"\d", "-": r"\.?\d"},
    ]
    branches: dict[str, list[str]] = {}
    for table in follows:
        for char, rest in table.items():
            branches.setdefault(char, []).append(rest)
    by_first = [
        re.escape(char) + ("(?:" + "|".join(rests) + ")" if any(rests) else "")
        for char, rests in sorted(branches.items())
    ]
    # Past ASCII, any letter or digit (a case-insensitive match may read "K", the Kelvin
    # sign, as "k"), a vulgar fraction, a currency sign or the minus sign.
    signs = {
        char for prefix in lexicon().currency_prefixes for char in prefix if not char.isascii()
    }
    other = re.escape("".join(sorted(signs)) + VULGAR + "\u2212")
    by_first.append(rf"(?=[^\x00-\x7f])(?:[^\W_]|[{other}])")
    return re.compile(rf"[^{_BINDING}](?:{'|'.join(by_first)})")
