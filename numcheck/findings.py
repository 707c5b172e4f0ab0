"""The finding model shared by every check and every output format."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from typing import Any
from typing import Literal

from numcheck.text import one_line

Level = Literal["error", "warning", "note"]
Applicability = Literal["safe", "unsafe", "display-only"]

LEVEL_RANK: dict[str, int] = {"note": 1, "warning": 2, "error": 3}
# A finding lists at most this many related places; the message says how many more there are.
MAX_RELATED = 5


@dataclass(frozen=True, slots=True)
class Location:
    """A span of a source file: 1-based lines and columns (code points), end exclusive.

    ``start`` and ``end`` are the same span as offsets (code points) into the file's text.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }


@dataclass(frozen=True)
class Related:
    """Another place involved in a finding, with what is said there."""

    location: Location
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {**self.location.to_dict(), "message": self.message}


@dataclass(frozen=True)
class Fix:
    """A replacement for the finding's span."""

    replacement: str
    applicability: Applicability = "safe"

    @property
    def message(self) -> str:
        return f"Replace with {one_line(self.replacement)}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "replacement": self.replacement,
            "applicability": self.applicability,
            "message": self.message,
        }


@dataclass(frozen=True)
class Finding:
    location: Location
    code: str
    name: str
    level: Level
    message: str
    related: tuple[Related, ...] = ()
    fix: Fix | None = None
    suppressed: bool = field(default=False, compare=False)

    @property
    def path(self) -> str:
        return self.location.path

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.location.path, self.location.line, self.location.column, self.code)

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.location.to_dict(),
            "code": self.code,
            "name": self.name,
            "level": self.level,
            "message": self.message,
            "related": [r.to_dict() for r in self.related],
            "fix": self.fix.to_dict() if self.fix else None,
        }


def bounded(finding: Finding, limit: int = MAX_RELATED) -> Finding:
    """``finding`` with at most ``limit`` related places, its message saying how many more
    there are, so that no finding grows with the number of claims it is compared with."""
    extra = len(finding.related) - limit
    if extra <= 0:
        return finding
    more = f"{extra} more place{'s' if extra != 1 else ''}"
    return replace(finding, related=finding.related[:limit], message=f"{finding.message} ({more})")
