"""Where a claim can begin: the scan that tells the grammar where to look.

A claim can begin at a qualifier or "between" followed by money or a figure, at money
followed by digits, or at a figure (digits, a vulgar fraction, "minus 5", a number word, "half
a million", "tens of thousands"), never right after a letter, a digit or a sign that binds to
what follows ("F-16", "3.5", "$5", "50%"). ``reference()`` says this in one regular
expression; the scan reads the same starts with a faster one.

Most of a text is words that begin nothing, and a regular-expression engine tries every
branch of an alternation at each word, entering a case-insensitive branch even to compare its
first letter. So the scan (``_scan``) is written for the engine's two fast paths: it looks for
the character before a start (a space or a sign that does not bind), a plain character class
the engine skips ahead to without trying anything; and it then chooses on the first character
of the start among branches that each open with that character, which the engine compares in
place. A start whose first character is not ASCII ("€", "½") is read by the reference
expression itself.
"""

from __future__ import annotations

import functools
import re

from numcheck.extraction.numbers import _MULTIPLIER
from numcheck.extraction.numbers import NUMBER_WORDS
from numcheck.extraction.numbers import SHARE_LEADS
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
# "a hundred": an article counts as "one" only before these ("an eighty" is no figure).
_ARTICLE_REST = r"n?\s+(?=hundred|thousand|million|billion|dozen)"


@functools.cache
def reference() -> re.Pattern[str]:
    """Where a claim can begin, in one expression: what the scan finds, and the slow way."""
    return re.compile(rf"(?<![{_BINDING}])(?:{_alternatives()})")


def next_start(text: str, position: int) -> tuple[int, int] | None:
    """The first place at or after ``position`` where a claim can begin, as the span of
    ``reference()``'s match there; None if there is none."""
    if position == 0:
        found = _first().match(text)
        if found is not None:
            return 0, found.end()
    found = _scan().search(text, max(position - 1, 0))
    return None if found is None else (found.start() + 1, found.end())


def _alternatives() -> str:
    money = alternation(lexicon().currency_prefixes)
    number = _number_start()
    qualifiers = alternation([*qualifier_table(), "between"], fold_case=True)
    return (
        rf"(?i:{qualifiers})\s*(?=(?:{money})|{number})"
        rf"|(?:{money})\s*(?=[-\u2212]?\.?\d)|{number}"
    )


def _number_start() -> str:
    words = alternation(NUMBER_WORDS, fold_case=True)
    return (
        rf"\d|\.\d|(?<!\d[ \t])[-\u2212](?=\.?\d)|(?i:minus\s+(?=\d))|[{VULGAR}]"
        rf"|(?i:(?:{SHARE_OF}|a{_ARTICLE_REST})?{words})(?![\w])"
        rf"|{VAGUE_PATTERN}"
    )


@functools.cache
def _first() -> re.Pattern[str]:
    """A start at the very beginning of a text, where nothing stands before it."""
    return re.compile(_by_first_character())


@functools.cache
def _scan() -> re.Pattern[str]:
    """The character before a start, then the start."""
    return re.compile(rf"[^{_BINDING}](?:{_by_first_character()})")


def _by_first_character() -> str:
    """``reference()``'s alternatives after the look-behind, as one branch per ASCII first
    character holding every alternative that can begin with it, in their order; a non-ASCII
    first character goes to the alternatives themselves."""
    money = alternation(lexicon().currency_prefixes)
    number = _number_start()
    words = alternation(NUMBER_WORDS, fold_case=True)
    lead = {char: f"(?i:{rest}(?={_MULTIPLIER}))" for char, rest in SHARE_LEADS.items()}
    lead["a"] = f"(?:{lead['a']}|(?i:{_ARTICLE_REST}))"  # "a quarter", then "a hundred"
    shares = {
        char: f"{rest}(?i:{words})(?![\\w])"
        for first, rest in lead.items()
        for char in (first, first.upper())
    }
    # Each alternative of ``_alternatives`` and ``_number_start``, in order: what follows
    # each first character.
    alternatives = [
        _then(first_characters([*qualifier_table(), "between"], fold_case=True),
              rf"\s*(?=(?:{money})|{number})"),
        _then(first_characters(lexicon().currency_prefixes), r"\s*(?=[-\u2212]?\.?\d)"),
        {digit: "" for digit in "0123456789"},
        {".": r"\d"},
        {"-": r"(?<!\d[ \t]-)(?=\.?\d)"},
        _then(first_characters(["minus"], fold_case=True), r"\s+(?=\d)"),
        shares,
        _then(first_characters(NUMBER_WORDS, fold_case=True), r"(?![\w])"),
        _then(first_characters(VAGUE_PHRASES, fold_case=True), r"(?=\s+of\s)"),
    ]  # fmt: skip
    branches: dict[str, list[str]] = {}
    for follows in alternatives:
        for char, rest in follows.items():
            branches.setdefault(char, []).append(rest)
    dispatch = [
        re.escape(char) + "(?:" + "|".join(rests) + ")" for char, rests in sorted(branches.items())
    ]
    dispatch.append(rf"(?=[^\x00-\x7f])(?:{_alternatives()})")
    return "|".join(dispatch)


def _then(follows: dict[str, str], tail: str) -> dict[str, str]:
    return {char: rest + tail for char, rest in follows.items()}
