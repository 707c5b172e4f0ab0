"""The most claims numcheck reads from one document (``max-figures``).

A document's cost is linear in its claims, so this bounds what one file dense in figures
(a table of thousands of rows, a report pasted as one paragraph) costs a run: past the
limit, the rest of the document is not read, and the run says so in one line. The claims
kept are the first ones, exactly those a run without the limit finds there. The limit holds
for the whole process, as the rule packs do (``numcheck.rulepacks``), and is part of the
claims cache's fingerprint: a run with another limit extracts again.
"""

from __future__ import annotations

DEFAULT_FIGURE_LIMIT = 10_000

_limit: list[int | None] = [DEFAULT_FIGURE_LIMIT]


def set_figure_limit(limit: int | None) -> None:
    """Read at most ``limit`` claims from a document (None or 0: every claim)."""
    _limit[0] = limit or None


def figure_limit() -> int | None:
    return _limit[0]


def limit_message(path: str, claim_count: int) -> str | None:
    """What a run says of a document with ``claim_count`` claims: None unless it reached the
    limit (a document with exactly as many claims as the limit is said to have reached it:
    nothing was left unread, but the run cannot know)."""
    limit = _limit[0]
    if limit is None or claim_count < limit:
        return None
    return (
        f"{path}: {limit:,} figures or more: the rest of the file was not read "
        "(max-figures; 0 reads every figure)"
    )
