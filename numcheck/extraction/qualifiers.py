"""Qualifier words ("over", "up to", "about") and the meaning each gives a figure."""

from __future__ import annotations

import functools

from numcheck.rulepacks import RulePackError
from numcheck.rulepacks import load_kind
from numcheck.rulepacks import require
from numcheck.rulepacks import string_list

MEANINGS = ("lower-bound", "upper-bound", "less-than", "approximate")


@functools.cache
def qualifier_table() -> dict[str, str]:
    """Each qualifier phrase written before a figure ("over", "up to"), lower case with single
    spaces, mapped to its meaning."""
    return _table("qualifiers")


@functools.cache
def postfix_table() -> dict[str, str]:
    """Each qualifier phrase written after a figure ("or more", "or so") mapped to its meaning."""
    return _table("after")


def _table(key: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for name, data in load_kind("qualifiers"):
        groups = require(name, data.get(key, {}), dict, key)
        for meaning, phrases in groups.items():
            if meaning not in MEANINGS:
                allowed = ", ".join(MEANINGS)
                raise RulePackError(f"{name}: '{key}.{meaning}' is not one of {allowed}")
            for phrase in string_list(name, phrases, f"{key}.{meaning}"):
                table[" ".join(phrase.lower().split())] = meaning
    return table
