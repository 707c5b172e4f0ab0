"""The concise format: one line a finding, related places on the same line.

``path:line:column: CODE [level] message (see path:line:column: message; ...)``, then the
summary line of the text format (left out with ``--quiet``). For editors and tools that read
one error a line (ALE, errorformat) and would take the text format's indented related lines
for errors of their own.
"""

from __future__ import annotations

from numcheck.api import Result
from numcheck.report.text import head
from numcheck.report.text import related_place
from numcheck.report.text import summary

LINES = True


def render_findings(result: Result, *, color: bool = False, summary_line: bool = True) -> str:
    lines = []
    for finding in result.findings:
        line = head(finding, color)
        if finding.related:
            line += f" (see {'; '.join(related_place(finding))})"
        lines.append(line)
    if summary_line:
        lines.append(summary(result))
    return "".join(line + "\n" for line in lines)
