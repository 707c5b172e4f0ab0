"""What output formats need from the documents behind the findings."""

from __future__ import annotations

from numcheck.api import Result
from numcheck.findings import Finding
from numcheck.findings import Location
from numcheck.reading.documents import Document


def documents_by_path(result: Result) -> dict[str, Document]:
    return {document.path: document for document in result.documents}


def span_text(documents: dict[str, Document], finding: Finding) -> str:
    """The characters the finding points at ("360 km"), or "" if its document is unknown."""
    document = documents.get(finding.path)
    if document is None:
        return ""
    return document.source[finding.location.start : finding.location.end]


def utf8_columns(documents: dict[str, Document], location: Location) -> tuple[int, int]:
    """The location's start and end columns counted in UTF-8 bytes (1-based, end exclusive)."""
    document = documents.get(location.path)
    if document is None:
        return location.column, location.end_column
    return _utf8_column(document, location.start, location.column), _utf8_column(
        document, location.end, location.end_column
    )


def _utf8_column(document: Document, offset: int, column: int) -> int:
    line_start = offset - (column - 1)
    return len(document.source[line_start:offset].encode("utf-8", "surrogatepass")) + 1


def unsuppressed(result: Result) -> list[Finding]:
    return [finding for finding in result.findings if not finding.suppressed]
