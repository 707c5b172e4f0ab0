"""Sentences and clauses: where the words around a figure begin and end."""

from __future__ import annotations

import re

# A sentence ends at . ! or ? before a capital, a digit or an opening quote, or at a line end.
# The expression opens with one character class, which the engine skips ahead to without
# trying the rest at every character.
SENTENCE_END = re.compile(r"[\n.!?](?:(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|(?<=\n))")
LOOK_BACK = 300


def sentence_start(prose: str, offset: int) -> int:
    """Where the sentence holding ``offset`` begins (looking back at most 300 characters)."""
    low = max(0, offset - LOOK_BACK)
    start = low
    for found in SENTENCE_END.finditer(prose, _last_break(prose, low, offset), offset):
        start = found.end()
    return start


def _last_break(prose: str, low: int, offset: int) -> int:
    """Where to look for the last sentence end before ``offset``: a line end always is one, so
    the search may start at the last one, or at the ". " whose end runs over it (". ⏎ A");
    none that ends later can start before (lines of a table or a list hold many)."""
    at = newline = prose.rfind("\n", low, offset)
    if newline < 0:
        return low
    while at > low and prose[at - 1].isspace():
        at -= 1
    if at > low and prose[at - 1] in '"”’)':
        at -= 1
    return at - 1 if at > low and prose[at - 1] in ".!?" else newline


def sentence_end(prose: str, offset: int) -> int:
    """Where the sentence holding ``offset`` ends (looking ahead at most 300 characters)."""
    high = min(len(prose), offset + LOOK_BACK)
    found = SENTENCE_END.search(prose, offset, high)
    if found is None:
        return high
    return found.start() + (1 if prose[found.start()] in ".!?" else 0)
