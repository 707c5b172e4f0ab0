"""The text format: ``path:line:column: CODE [level] message``, one finding a line.

Related places follow on indented lines; a one-line summary closes the output (left out with
``summary=False``, the ``--quiet`` flag). Editors and reviewdog read it with the errorformat
``%f:%l:%c: %m``. With ``color`` the place, the rule code and the level are coloured (ANSI).
"""

from __future__ import annotations

from numcheck.api import Result
from numcheck.findings import Finding
from numcheck.text import one_line

# The formats that take ``color`` and ``summary`` (see ``numcheck.report.render_findings``).
LINES = True
_STYLES = {"place": "1", "code": "1", "error": "31", "warning": "33", "note": "36", "dim": "2"}


def paint(text: str, style: str, color: bool) -> str:
    """``text`` in an ANSI style (``_STYLES``) when ``color``, else as it is."""
    return f"\x1b[{_STYLES[style]}m{text}\x1b[0m" if color else text


def head(finding: Finding, color: bool = False) -> str:
    """``path:line:column: CODE [level] message`` of a finding."""
    where = paint(
        f"{finding.path}:{finding.location.line}:{finding.location.column}:", "place", color
    )
    level = paint(f"[{finding.level}]", finding.level, color)
    text = f"{where} {paint(finding.code, 'code', color)} {level} {one_line(finding.message)}"
    if finding.suppressed:
        text += " " + paint("[suppressed]", "dim", color)
    return text


def related_place(finding: Finding) -> list[str]:
    """``path:line:column: message`` of each related place."""
    return [
        f"{r.location.path}:{r.location.line}:{r.location.column}: {one_line(r.message)}"
        for r in finding.related
    ]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def summary(result: Result) -> str:
    """``2 files checked (8 more read as corpus), 15 claims: 1 error, ...``."""
    counts = {level: 0 for level in ("error", "warning", "note")}
    suppressed = 0
    for finding in result.findings:
        if finding.suppressed:
            suppressed += 1
        else:
            counts[finding.level] += 1
    files = f"{_plural(result.files, 'file')} checked"
    if result.corpus_files:
        files += f" ({result.corpus_files} more read as corpus)"
    parts = [_plural(counts[level], level) for level in counts]
    text = f"{files}, {_plural(result.claim_count, 'claim')}: " + ", ".join(parts)
    if suppressed:
        text += f", {suppressed} suppressed"
    fixable, unsafe = result.fixable("safe"), result.fixable("unsafe")
    if fixable:
        text += f", {fixable} fixable with --fix"
    if unsafe:
        text += (
            f" ({unsafe} more with --unsafe-fixes)"
            if fixable
            else (f", {unsafe} fixable with --fix --unsafe-fixes")
        )
    if result.skipped:
        text += f" ({len(result.skipped)} skipped)"
    return text


def render_findings(result: Result, *, color: bool = False, summary_line: bool = True) -> str:
    lines = []
    for finding in result.findings:
        lines.append(head(finding, color))
        lines.extend(f"    {place}" for place in related_place(finding))
    if summary_line:
        lines.append(summary(result))
    return "".join(line + "\n" for line in lines)


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
