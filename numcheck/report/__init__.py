"""Output formats: one small module per format, each with ``render_findings`` and, where it
makes sense, ``render_claims``."""

from __future__ import annotations

import importlib
import json
from types import ModuleType
from typing import Any

FORMATS = {
    "text": "numcheck.report.text",
    "json": "numcheck.report.json_format",
    "sarif": "numcheck.report.sarif",
    "github": "numcheck.report.github",
    "rdjson": "numcheck.report.rdjson",
}


def formatter(name: str) -> ModuleType:
    return importlib.import_module(FORMATS[name])


def dump_json(payload: Any) -> str:
    """``payload`` as indented JSON, UTF-8 text kept as it is, and a path that was not valid
    UTF-8 on disk (its bytes decoded to lone surrogates) written as ``\\udcXX`` escapes, so the
    output is always valid UTF-8 JSON."""
    text = json.dumps(payload, indent=2, ensure_ascii=False)
    if not text.isascii():
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text + "\n"
