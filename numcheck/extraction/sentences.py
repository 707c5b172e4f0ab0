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
    for found in SENTENCE_END.finditer(prose, low, offset):
        start = found.end()
    return start


def sentence_end(prose: str, offset: int) -> int:
    """Where the sentence holding ``offset`` ends (looking ahead at most 300 characters)."""
    high = min(len(prose), offset + LOOK_BACK)
    found = SENTENCE_END.search(prose, offset, high)
    if found is None:
        return high
    return found.start() + (1 if prose[found.start()] in ".!?" else 0)
