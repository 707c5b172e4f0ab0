"""What output formats need from the documents behind the findings."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

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


def fingerprinted(result: Result) -> Iterator[tuple[Finding, str]]:
    """Each finding with a fingerprint that survives moved lines: a hash of its path, its rule,
    the text it points at and its ordinal among findings with the same three."""
    documents = documents_by_path(result)
    seen: dict[tuple[str, str, str], int] = {}
    for finding in result.findings:
        text = span_text(documents, finding)
        ordinal = seen.get((finding.path, finding.code, text), 0)
        seen[(finding.path, finding.code, text)] = ordinal + 1
        key = "\0".join((finding.path, finding.code, text, str(ordinal)))
        yield finding, hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
