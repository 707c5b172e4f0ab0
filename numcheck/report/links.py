"""Where a rule's documentation lives on the web, if the package says so.

The base is the ``Documentation`` (else ``Homepage``) URL of the installed package's metadata
(``[project.urls]`` in pyproject.toml); a rule's page is the README anchor of its section,
as ``numcheck rules --format markdown`` writes it. Without such a URL the report formats
leave links out, and the language server links a local copy of the rule's documentation.
"""

from __future__ import annotations

import functools
import os
from importlib import metadata
from pathlib import Path

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


def rule_page(code: str, name: str) -> str | None:
    """A link an editor can open for a rule: its web page when the package names one, else a
    Markdown copy of its documentation written once to the user's cache folder (a file URI),
    else None when that folder cannot be written."""
    return rule_url(code, name) or _local_page(code)


@functools.cache
def _local_page(code: str) -> str | None:
    from numcheck import __version__
    from numcheck.checks import find_check

    check = find_check(code)
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(cache) / "numcheck" / __version__ / "rules"
    page = folder / f"{check.code}.md"
    text = f"# {check.code} {check.name} ({check.level})\n\n{check.documentation()}\n"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not page.exists() or page.read_text(encoding="utf-8") != text:
            page.write_text(text, encoding="utf-8")
    except OSError:
        return None
    return page.resolve().as_uri()
