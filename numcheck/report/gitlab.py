"""GitLab Code Quality: a JSON array of issues, shown in merge requests and pipelines.

Each finding is an issue with ``description`` (``NC101 conversion-mismatch: message``),
``check_name`` (the rule code), ``fingerprint`` (as SARIF's: stable when lines move),
``severity`` (an error is ``major``, a warning ``minor``, a note ``info``) and ``location``
(``path`` as numcheck shows it, ``positions`` with 1-based lines and columns). GitLab reads
paths from the repository root, so run numcheck there. Suppressed findings are left out.
"""

from __future__ import annotations

import json
from typing import Any

from numcheck.api import Result
from numcheck.findings import Finding
from numcheck.report.sources import fingerprinted

SEVERITY = {"error": "major", "warning": "minor", "note": "info"}


def _issue(finding: Finding, fingerprint: str) -> dict[str, Any]:
    where = finding.location
    return {
        "type": "issue",
        "description": f"{finding.code} {finding.name}: {finding.message}",
        "check_name": finding.code,
        "categories": ["Bug Risk"],
        "fingerprint": fingerprint,
        "severity": SEVERITY[finding.level],
        "location": {
            "path": where.path,
            "positions": {
                "begin": {"line": where.line, "column": where.column},
                "end": {"line": where.end_line, "column": where.end_column},
            },
        },
    }


def render_findings(result: Result) -> str:
    issues = [
        _issue(finding, fingerprint)
        for finding, fingerprint in fingerprinted(result)
        if not finding.suppressed
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
