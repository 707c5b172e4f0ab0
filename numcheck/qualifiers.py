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
    """Each qualifier phrase (lower case, single spaces) mapped to its meaning."""
    table: dict[str, str] = {}
    for name, data in load_kind("qualifiers"):
        groups = require(name, data.get("qualifiers", {}), dict, "qualifiers")
        for meaning, phrases in groups.items():
            if meaning not in MEANINGS:
                allowed = ", ".join(MEANINGS)
                raise RulePackError(f"{name}: 'qualifiers.{meaning}' is not one of {allowed}")
            for phrase in string_list(name, phrases, f"qualifiers.{meaning}"):
                table[" ".join(phrase.lower().split())] = meaning
    return table
