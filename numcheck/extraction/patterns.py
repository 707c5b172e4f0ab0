"""Regular-expression helpers shared by the grammar and the candidate scan."""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def alternation(items: Iterable[str], *, fold_case: bool = False, space: str = r"\s+") -> str:
    """A regex matching any of ``items``, longest first, built as a trie so that the engine
    tries one branch per character instead of every word. A space matches ``space`` (any
    whitespace by default)."""
    trie = _trie(items, fold_case)
    return _render(trie, space) if trie else "(?!)"


def first_characters(
    items: Iterable[str], *, fold_case: bool = False, space: str = r"\s+"
) -> dict[str, str]:
    """How ``alternation(items)`` goes on after each ASCII character it can begin with: the
    regex that must follow that character for the alternation to match, trying the same
    words in the same order. With ``fold_case`` the alternation is read case-insensitively,
    as ``(?i:...)`` reads it."""
    follows: dict[str, str] = {}
    flags = re.IGNORECASE if fold_case else 0
    for first, node in _trie(items, fold_case).items():
        rest = _render(node, space) if any(key != _END for key in node) else ""
        if rest:
            rest = f"(?i:{rest})" if fold_case else f"(?:{rest})"
            rest = f"{rest}?" if _END in node else rest
        more_space = f"(?:{space})?" if first == " " else ""  # the rest of a run of spaces
        for char in _ascii_openers(first, space, flags):
            follows[char] = more_space + rest
    return follows


def openers(
    items: Iterable[str], *, fold_case: bool = False, space: str = r"\s+"
) -> frozenset[str]:
    """The ASCII characters ``alternation(items)`` can begin with (``first_characters``'s
    keys, without writing what follows each)."""
    flags = re.IGNORECASE if fold_case else 0
    firsts = {(item.lower() if fold_case else item)[:1] for item in items} - {""}
    return frozenset(char for first in firsts for char in _ascii_openers(first, space, flags))


def two_character_openers(
    items: Iterable[str], *, fold_case: bool = False, space: str = r"\s+"
) -> frozenset[str]:
    """The ASCII pairs of characters ``alternation(items)`` can begin with, and the ASCII
    characters an item of one character is: where the text holds two ASCII characters that
    are neither, the alternation cannot match."""
    flags = re.IGNORECASE if fold_case else 0
    starts: set[str] = set()
    for item in {item.lower() if fold_case else item for item in items}:
        firsts = _ascii_openers(item[:1], space, flags) if item else set()
        if len(item) == 1:
            starts |= firsts
        elif item:
            seconds = _ascii_openers(item[1], space, flags)
            starts |= {first + second for first in firsts for second in seconds}
    return frozenset(starts)


def _ascii_openers(first: str, space: str, flags: int) -> set[str]:
    """The ASCII characters that match ``first`` (``space`` for a space) under ``flags``."""
    if first != " " and first.isascii():
        return {first.lower(), first.upper()} if flags & re.IGNORECASE else {first}
    opening = re.compile(space if first == " " else re.escape(first), flags)
    return {char for char in map(chr, range(128)) if opening.fullmatch(char)}


def _trie(items: Iterable[str], fold_case: bool) -> dict:
    trie: dict = {}
    for item in items:
        node = trie
        for char in item.lower() if fold_case else item:
            node = node.setdefault(char, {})
        node[_END] = {}
    return trie


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
