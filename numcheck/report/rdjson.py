"""reviewdog's Diagnostic Result format (rdjson), for ``reviewdog -f=rdjson``.

Positions follow reviewdog's protocol: lines are 1-based and columns count UTF-8 bytes from 1
(not code points as in numcheck's other formats); ends are exclusive. Fixes become
``suggestions`` (reviewdog shows them as suggested changes), related places
``related_locations``. Suppressed findings are left out.
"""

from __future__ import annotations

from typing import Any

from numcheck.api import Result
from numcheck.findings import Finding
from numcheck.findings import Location
from numcheck.reading.documents import Document
from numcheck.report import dump_json
from numcheck.report.links import docs_url
from numcheck.report.links import rule_url
from numcheck.report.sources import documents_by_path
from numcheck.report.sources import unsuppressed
from numcheck.report.sources import utf8_columns

SEVERITY = {"error": "ERROR", "warning": "WARNING", "note": "INFO"}


def _range(documents: dict[str, Document], location: Location) -> dict[str, Any]:
    start, end = utf8_columns(documents, location)
    return {
        "start": {"line": location.line, "column": start},
        "end": {"line": location.end_line, "column": end},
    }


def _location(documents: dict[str, Document], location: Location) -> dict[str, Any]:
    return {"path": location.path, "range": _range(documents, location)}


def _diagnostic(documents: dict[str, Document], finding: Finding) -> dict[str, Any]:
    code: dict[str, str] = {"value": finding.code}
    url = rule_url(finding.code, finding.name)
    if url:
        code["url"] = url
    where = finding.location
    diagnostic: dict[str, Any] = {
        "message": finding.message,
        "location": _location(documents, where),
        "severity": SEVERITY[finding.level],
        "code": code,
        "original_output": (
            f"{where.path}:{where.line}:{where.column}: "
            f"{finding.code} [{finding.level}] {finding.message}"
        ),
    }
    if finding.fix is not None and finding.fix.applicability != "display-only":
        diagnostic["suggestions"] = [
            {"range": _range(documents, where), "text": finding.fix.replacement}
        ]
    if finding.related:
        diagnostic["related_locations"] = [
            {"message": related.message, "location": _location(documents, related.location)}
            for related in finding.related
        ]
    return diagnostic


def render_findings(result: Result) -> str:
    documents = documents_by_path(result)
    source: dict[str, str] = {"name": "numcheck"}
    if docs_url():
        source["url"] = docs_url() or ""
    payload = {
        "source": source,
        "diagnostics": [_diagnostic(documents, finding) for finding in unsuppressed(result)],
    }
    return dump_json(payload)
