"""The rule reference in Markdown, made from the checks' docstrings.

``numcheck rules --format markdown`` prints it; ``tools/rules_doc.py`` writes it into the
README between ``<!-- rules -->`` and ``<!-- /rules -->``. Each rule gets a row in a summary
table and a section (``### NC101 conversion-mismatch``) holding its docstring, whose ``##``
headings become ``####``.
"""

from __future__ import annotations

import re

from numcheck.checks import Check
from numcheck.checks import all_checks
from numcheck.report.links import rule_anchor

START_MARKER = "<!-- rules -->"
END_MARKER = "<!-- /rules -->"


def _table(checks: list[type[Check]]) -> list[str]:
    rows = ["| Code | Name | Level | Summary |", "|---|---|---|---|"]
    for check in checks:
        link = f"[{check.code}](#{rule_anchor(check.code, check.name)})"
        rows.append(f"| {link} | `{check.name}` | {check.level} | {check.summary()} |")
    return rows


def _section(check: type[Check]) -> list[str]:
    lines = [f"### {check.code} {check.name}", "", f"{check.summary()} Level: {check.level}."]
    for title, body in check.sections().items():
        lines += ["", f"#### {title}", "", _demote(body)]
    if check.options:
        lines += ["", "#### Configuration", "", "```toml", f"[tool.numcheck.{check.name}]"]
        for key, option in check.options.items():
            lines.append(f"{key} = {_toml(option.default)}  # {option.description}")
        lines.append("```")
    return lines


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return repr(value)


def _demote(body: str) -> str:
    return re.sub(
        r"^(#{1,3}) ", lambda match: "#" * (len(match.group(1)) + 3) + " ", body, flags=re.M
    )


def rules_markdown() -> str:
    checks = all_checks()
    lines = _table(checks)
    for check in checks:
        lines += ["", *_section(check)]
    return "\n".join(lines) + "\n"


def replace_block(text: str, block: str) -> str:
    """``text`` with what stands between the rule markers replaced by ``block``.

    A lone start marker (no end marker yet) gets the block and an end marker after it.
    """
    start = text.find(START_MARKER)
    if start < 0:
        raise ValueError(f"no {START_MARKER} marker")
    head = text[: start + len(START_MARKER)]
    end = text.find(END_MARKER, start)
    tail = text[end:] if end >= 0 else END_MARKER + text[start + len(START_MARKER) :]
    return f"{head}\n\n{block}\n{tail}"


def current_block(text: str) -> str | None:
    """What stands between the rule markers now, as ``replace_block`` wrote it."""
    start = text.find(START_MARKER)
    end = text.find(END_MARKER, start)
    if start < 0 or end < 0:
        return None
    return text[start + len(START_MARKER) : end].strip("\n") + "\n"
