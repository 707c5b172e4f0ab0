"""Regular-expression helpers shared by the grammar and the candidate scan."""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def alternation(items: Iterable[str], *, fold_case: bool = False, space: str = r"\s+") -> str:
    """A regex matching any of ``items``, longest first, built as a trie so that the engine
    tries one branch per character instead of every word. A space matches ``space`` (any
    whitespace by default)."""
    trie: dict = {}
    for item in items:
        node = trie
        for char in item.lower() if fold_case else item:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _render(trie, space) if trie else "(?!)"


def caseless_alternation(items: Iterable[str], *, space: str = r"\s+") -> str:
    """What ``(?i:{alternation(items)})`` matches, written so that a search tries a branch
    only where its first character fits.

    The engine enters a branch of a case-insensitive alternation to test even its first
    letter, but tests a plain character class in place. So each branch opens with one: the
    letter in both cases and any non-ASCII character, which a look-behind then checks
    exactly ("K", the Kelvin sign, is a "k" to a case-insensitive match)."""
    trie: dict = {}
    for item in items:
        node = trie
        for char in item.lower():
            node = node.setdefault(char, {})
        node[_END] = {}
    if not trie:
        return "(?!)"
    branches = []
    for char in sorted(trie):
        child = trie[char]
        if char == " ":
            first = space
        elif char.isascii() and not char.isalpha():
            first = re.escape(char)
        else:
            plain = re.escape(char.upper() + char) if char.isascii() else ""
            first = rf"[{plain}\x80-\U0010ffff](?<=(?i:{re.escape(char)}))"
        rest = _render(child, space) if any(k != _END for k in child) else ""
        if rest and _END in child:
            rest = f"(?:{rest})?"
        branches.append(f"{first}(?i:{rest})" if rest else first)
    return "(?:" + "|".join(branches) + ")"


def _render(node: dict, space: str) -> str:
    branches = []
    for char in sorted(k for k in node if k != _END):
        piece = space if char == " " else re.escape(char)
        child = node[char]
        rest = _render(child, space) if any(k != _END for k in child) else ""
        if rest and _END in child:
            rest = f"(?:{rest})?"
        branches.append(piece + rest)
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"
