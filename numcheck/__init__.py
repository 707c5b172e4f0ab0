"""numcheck: a rule-based linter for the numbers in prose."""

from __future__ import annotations

__version__ = "0.1.0"
