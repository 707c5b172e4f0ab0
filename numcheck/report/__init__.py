"""Output formats: one small module per format, each with ``render_findings`` and, where it
makes sense, ``render_claims``."""

from __future__ import annotations

import importlib
from types import ModuleType

FORMATS = {
    "text": "numcheck.report.text",
    "json": "numcheck.report.json_format",
    "sarif": "numcheck.report.sarif",
    "github": "numcheck.report.github",
    "rdjson": "numcheck.report.rdjson",
}


def formatter(name: str) -> ModuleType:
    return importlib.import_module(FORMATS[name])
