"""Small helpers for text shown to people."""

from __future__ import annotations


def one_line(text: str) -> str:
    """``text`` with every run of whitespace (line breaks included) as one space."""
    return " ".join(text.split())
