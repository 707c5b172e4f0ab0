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
