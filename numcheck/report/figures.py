"""The story figure table (``numcheck stories --figures``): for each story, each fact two or
more documents give a figure for, with every document's figure and the discrepancies marked.
Text for people, Markdown for a pull request or a wiki, JSON for scripts."""

from __future__ import annotations

import json
from collections.abc import Sequence

from numcheck.checks.agreement import StoryFigures
from numcheck.extraction.claims import Claim
from numcheck.text import one_line

MARKS = {"same": "", "differ": "differs", "conflict": "DISAGREES"}


def _where(claim: Claim) -> str:
    return f"{claim.path}:{claim.location.line}"


def _documents(count: int) -> str:
    return f"{count} document{'s' if count != 1 else ''}"


def render_text(tables: Sequence[StoryFigures]) -> str:
    lines = []
    for table in tables:
        lines.append(f"{table.story} ({_documents(len(table.documents))})")
        if not table.figures:
            lines.append("    no fact is given a figure by two documents")
        for figure in table.figures:
            mark = MARKS[figure.status]
            lines.append(f"  {figure.fact}" + (f"  [{mark}]" if mark else ""))
            for claim in figure.claims:
                lines.append(f"    {_where(claim)}: {one_line(claim.text)}")
    return "\n".join(lines) + "\n" if lines else ""


def render_markdown(tables: Sequence[StoryFigures]) -> str:
    parts = []
    for table in tables:
        parts.append(f"### {table.story} ({_documents(len(table.documents))})\n")
        if not table.figures:
            parts.append("No fact is given a figure by two documents.\n")
            continue
        parts.append("| fact | figures | status |\n|---|---|---|")
        for figure in table.figures:
            cells = "<br>".join(
                f"`{_escape(one_line(c.text))}` {_escape(_where(c))}" for c in figure.claims
            )
            status = MARKS[figure.status] or "same"
            parts.append(f"| {_escape(figure.fact)} | {cells} | {status} |")
        parts.append("")
    return "\n".join(parts)


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def render_json(tables: Sequence[StoryFigures]) -> str:
    rows = [
        {
            "story": table.story,
            "documents": list(table.documents),
            "figures": [
                {
                    "fact": figure.fact,
                    "key": figure.key,
                    "status": figure.status,
                    "values": [
                        {**claim.location.to_dict(), "text": claim.text, "low": claim.low,
                         "high": claim.high}
                        for claim in figure.claims
                    ],
                }
                for figure in table.figures
            ],
        }
        for table in tables
    ]  # fmt: skip
    return json.dumps({"stories": rows}, indent=2, ensure_ascii=False) + "\n"


RENDERERS = {"text": render_text, "markdown": render_markdown, "json": render_json}
