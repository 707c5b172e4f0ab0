"""Where a rule's documentation lives on the web, if the package says so.

The base is the ``Documentation`` (else ``Homepage``) URL of the installed package's metadata
(``[project.urls]`` in pyproject.toml); a rule's page is the README anchor of its section,
as ``numcheck rules --format markdown`` writes it. Without such a URL formats leave links out.
"""

from __future__ import annotations

import functools
from importlib import metadata

_PREFERRED = ("documentation", "docs", "homepage", "home", "repository", "source")


@functools.cache
def docs_url() -> str | None:
    try:
        entries = metadata.metadata("numcheck").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    urls = {}
    for entry in entries:
        label, _, url = entry.partition(",")
        urls[label.strip().lower()] = url.strip()
    for label in _PREFERRED:
        if urls.get(label):
            return urls[label]
    return None


def rule_anchor(code: str, name: str) -> str:
    """The README heading anchor of a rule's section ("### NC101 conversion-mismatch")."""
    return f"{code.lower()}-{name}"


def rule_url(code: str, name: str) -> str | None:
    base = docs_url()
    return f"{base.split('#')[0]}#{rule_anchor(code, name)}" if base else None
