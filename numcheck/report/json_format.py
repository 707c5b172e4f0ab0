"""The JSON format: one object, as the README's "Output formats" section describes it."""

from __future__ import annotations

import json
import math
from typing import Any

from numcheck import __version__
from numcheck.api import Result
from numcheck.findings import Finding


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _finding(finding: Finding) -> dict[str, Any]:
    """A finding as the README describes it; a suppressed one (``--show-suppressed``) says so."""
    data = finding.to_dict()
    if finding.suppressed:
        data["suppressed"] = True
    return data


def render_findings(result: Result) -> str:
    active = [f for f in result.findings if not f.suppressed]
    counts = {
        level: sum(f.level == level for f in active) for level in ("error", "warning", "note")
    }
    payload = {
        "tool": {"name": "numcheck", "version": __version__},
        "findings": [_finding(finding) for finding in result.findings],
        "summary": {
            "files": result.files,
            "corpus_files": result.corpus_files,
            "claims": result.claim_count,
            "errors": counts["error"],
            "warnings": counts["warning"],
            "notes": counts["note"],
            "suppressed": len(result.findings) - len(active),
            "fixable": result.fixable("safe"),
            "unsafe_fixable": result.fixable("unsafe"),
            "skipped": result.skipped,
        },
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def render_claims(result: Result) -> str:
    claims = [{k: _finite(v) for k, v in claim.to_dict().items()} for claim in result.claims]
    return json.dumps({"claims": claims}, indent=2, ensure_ascii=False) + "\n"
