"""``--statistics``: how many findings each rule made, instead of the findings themselves.

Text: one line a rule, most findings first, ``COUNT  CODE  NAME  LEVEL`` and how many of them
``--fix`` would fix; JSON: ``{"statistics": [{"code", "name", "level", "count", "fixable"}]}``.
Suppressed findings are not counted.
"""

from __future__ import annotations

import json
from typing import Any

from numcheck.api import Result
from numcheck.report.sources import unsuppressed

FORMATS = ("text", "json")


def rows(result: Result) -> list[dict[str, Any]]:
    counts: dict[str, dict[str, Any]] = {}
    for finding in unsuppressed(result):
        row = counts.setdefault(
            finding.code,
            {"code": finding.code, "name": finding.name, "level": finding.level, "count": 0,
             "fixable": 0},
        )  # fmt: skip
        row["count"] += 1
        row["fixable"] += finding.fix is not None and finding.fix.applicability == "safe"
    return sorted(counts.values(), key=lambda row: (-row["count"], row["code"]))


def render(result: Result, output: str) -> str:
    found = rows(result)
    if output == "json":
        return json.dumps({"statistics": found}, indent=2) + "\n"
    width = max((len(str(row["count"])) for row in found), default=1)
    name_width = max((len(row["name"]) for row in found), default=0)
    lines = []
    for row in found:
        line = (
            f"{row['count']:>{width}}  {row['code']}  {row['name']:<{name_width}}  {row['level']}"
        )
        if row["fixable"]:
            line += f"  ({row['fixable']} fixable)"
        lines.append(line.rstrip())
    return "".join(line + "\n" for line in lines)
