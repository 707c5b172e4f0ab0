"""Internal errors: a bug met while reading, extracting or checking one document is reported
for that document, and the run goes on with the others.

``located(offset)`` marks where in a document the work was when an unexpected exception
rose (extraction wraps each paragraph in it), so the report can say "near line L".
``InternalError`` is what the run keeps of the exception: one line for stderr, and an NC000
finding for the formats that list findings (JSON, SARIF, the editor's diagnostics).
"""

from __future__ import annotations

from dataclasses import dataclass

from numcheck.findings import Finding
from numcheck.findings import Location
from numcheck.reading.documents import Document
from numcheck.rulepacks import RulePackError

CODE, NAME = "NC000", "internal-error"
# Errors of the user's making, found while working on a document: they end the run with their
# own one-line message and are never reported as internal errors.
EXPECTED: tuple[type[Exception], ...] = (RulePackError,)
_MAX_DETAIL = 200


class Located(Exception):
    """An unexpected exception, with the offset in the document where it rose."""

    def __init__(self, offset: int, cause: BaseException) -> None:
        super().__init__(offset, cause)
        self.offset = offset
        self.cause = cause


class located:  # noqa: N801 (used as a function: ``with located(offset):``)
    """Tag any exception raised inside with ``offset`` (the innermost tag wins). A class,
    not a generator: extraction enters one for each claim."""

    __slots__ = ("offset",)

    def __init__(self, offset: int) -> None:
        self.offset = offset

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, error: BaseException | None, traceback: object) -> None:
        if isinstance(error, Exception) and not isinstance(error, (Located, *EXPECTED)):
            raise Located(self.offset, error) from error


@dataclass(frozen=True)
class InternalError:
    """An unexpected exception met on one document (``path``; ``line`` when known), or by a
    check over several documents (``path`` None, ``rule`` the check's code)."""

    exception: str
    detail: str
    path: str | None = None
    line: int | None = None
    rule: str | None = None

    @classmethod
    def of(
        cls,
        error: BaseException,
        *,
        path: str | None = None,
        document: Document | None = None,
        rule: str | None = None,
    ) -> InternalError:
        line = None
        if isinstance(error, Located):
            if document is not None and 0 <= error.offset <= len(document.source):
                line = document.position(error.offset)[0]
            error = error.cause
        detail = " ".join(str(error).split())
        if len(detail) > _MAX_DETAIL:
            detail = detail[: _MAX_DETAIL - 3] + "..."
        path = path if path is not None else document.path if document is not None else None
        return cls(type(error).__name__, detail, path, line, rule)

    @property
    def where(self) -> str:
        if self.path is None:
            return f"rule {self.rule}" if self.rule else "the run"
        near = f" near line {self.line}" if self.line is not None else ""
        rule = f" (rule {self.rule})" if self.rule else ""
        return f"{self.path}{near}{rule}"

    def message(self) -> str:
        """The one line printed on stderr (after ``numcheck: ``)."""
        detail = f": {self.detail}" if self.detail else ""
        return f"internal error in {self.where}: {self.exception}{detail}; please report"

    def finding(self, document: Document | None, fallback_path: str) -> Finding:
        """An NC000 finding at the start of the line where it happened (line 1 if unknown);
        ``fallback_path`` places an error of a check over several documents."""
        path = self.path if self.path is not None else fallback_path
        line = self.line or 1
        start = 0
        if document is not None and document.line_starts and line <= len(document.line_starts):
            start = document.line_starts[line - 1]
        where = Location(path, line, 1, line, 1, start, start)
        detail = f": {self.detail}" if self.detail else ""
        scope = f"{self.rule} " if self.rule else ""
        message = f"numcheck failed here ({scope}{self.exception}{detail}); please report"
        return Finding(where, CODE, NAME, "error", message)
