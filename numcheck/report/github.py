"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

``::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=NC101::message``; a note is a
``::notice``. As GitHub requires, ``%``, CR and LF are escaped in the message, and also ``:``
and ``,`` in property values. Related places follow the message on lines of their own.
Suppressed findings are left out.
"""

from __future__ import annotations

from numcheck.api import Result
from numcheck.findings import Finding
from numcheck.report.sources import unsuppressed

COMMANDS = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(finding: Finding) -> str:
    where = finding.location
    properties = {
        "file": where.path,
        "line": where.line,
        "col": where.column,
        "endLine": where.end_line,
        "endColumn": where.end_column,
        "title": finding.code,
    }
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    message = f"{finding.message} ({finding.name})"
    for related in finding.related:
        place = related.location
        message += f"\n{place.path}:{place.line}:{place.column}: {related.message}"
    return f"::{COMMANDS[finding.level]} {joined}::{escape_data(message)}"


def render_findings(result: Result) -> str:
    lines = [_annotation(finding) for finding in unsuppressed(result)]
    return "".join(line + "\n" for line in lines)
