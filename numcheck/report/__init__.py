"""Output formats: one small module per format, each with ``render_findings`` and, where it
makes sense, ``render_claims``. Formats that write lines for people (``LINES = True``) also
take ``color`` and ``summary_line``."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from numcheck.api import Result

FORMATS = {
    "text": "numcheck.report.text",
    "concise": "numcheck.report.concise",
    "json": "numcheck.report.json_format",
    "sarif": "numcheck.report.sarif",
    "github": "numcheck.report.github",
    "gitlab": "numcheck.report.gitlab",
    "junit": "numcheck.report.junit",
    "rdjson": "numcheck.report.rdjson",
}
# The formats that can list claims (``numcheck claims``) and stories (``numcheck stories``).
CLAIM_FORMATS = ("text", "json")


def formatter(name: str) -> ModuleType:
    return importlib.import_module(FORMATS[name])


def render_findings(
    name: str, result: Result, *, color: bool = False, summary_line: bool = True
) -> str:
    module = formatter(name)
    if getattr(module, "LINES", False):
        return module.render_findings(result, color=color, summary_line=summary_line)
    return module.render_findings(result)
