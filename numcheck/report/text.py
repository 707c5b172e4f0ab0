"""The text format: ``path:line:column: CODE [level] message``, one finding a line.

Related places follow on indented lines; a one-line summary closes the output. Editors and
reviewdog read it with the errorformat ``%f:%l:%c: %m``.
"""

from __future__ import annotations

from numcheck.api import Result
from numcheck.findings import Finding
from numcheck.findings import one_line


def _line(finding: Finding) -> str:
    where = f"{finding.path}:{finding.location.line}:{finding.location.column}"
    text = f"{where}: {finding.code} [{finding.level}] {one_line(finding.message)}"
    if finding.suppressed:
        text += " [suppressed]"
    for related in finding.related:
        place = f"{related.location.path}:{related.location.line}:{related.location.column}"
        text += f"\n    {place}: {one_line(related.message)}"
    return text


def summary(result: Result) -> str:
    counts = {level: 0 for level in ("error", "warning", "note")}
    suppressed = 0
    for finding in result.findings:
        if finding.suppressed:
            suppressed += 1
        else:
            counts[finding.level] += 1
    files = f"{result.files} file{'s' if result.files != 1 else ''}"
    parts = [f"{counts[level]} {level}{'s' if counts[level] != 1 else ''}" for level in counts]
    claims = f"{len(result.claims)} claim{'s' if len(result.claims) != 1 else ''}"
    text = f"{files} checked, {claims}: " + ", ".join(parts)
    if suppressed:
        text += f", {suppressed} suppressed"
    if result.skipped:
        text += f" ({len(result.skipped)} skipped)"
    return text


def render_findings(result: Result) -> str:
    lines = [_line(finding) for finding in result.findings]
    lines.append(summary(result))
    return "\n".join(lines) + "\n"


def render_claims(result: Result) -> str:
    lines = []
    for claim in result.claims:
        low = "-inf" if claim.low is None else f"{claim.low:g}"
        high = "inf" if claim.high is None else f"{claim.high:g}"
        unit = claim.unit or ("/".join(str(r.unit) for r in claim.readings) or "count")
        subject = f" of {claim.subject}" if claim.subject else ""
        where = f"{claim.path}:{claim.location.line}:{claim.location.column}"
        shown = one_line(claim.text)
        lines.append(f"{where}: {shown!r} {claim.qualifier} [{low}, {high}] {unit}{subject}")
    return "\n".join(lines) + ("\n" if lines else "")
