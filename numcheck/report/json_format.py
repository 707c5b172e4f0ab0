"""The JSON format: one object, as fixed in DESIGN.md."""

from __future__ import annotations

import json
import math
from typing import Any

from numcheck import __version__
from numcheck.api import Result


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def render_findings(result: Result) -> str:
    counts = {level: sum(f.level == level for f in result.findings) for level in ("error", "warning", "note")}
    payload = {
        "tool": {"name": "numcheck", "version": __version__},
        "findings": [finding.to_dict() for finding in result.findings],
        "summary": {
            "files": result.files,
            "claims": len(result.claims),
            "errors": counts["error"],
            "warnings": counts["warning"],
            "notes": counts["note"],
            "skipped": result.skipped,
        },
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def render_claims(result: Result) -> str:
    claims = [{k: _finite(v) for k, v in claim.to_dict().items()} for claim in result.claims]
    return json.dumps({"claims": claims}, indent=2, ensure_ascii=False) + "\n"
