"""Scopes: the parts of a document that are not the writer's running prose.

A scope is a kind and a span of the source (code-point offsets, end exclusive):

- ``quote``: what someone said. A Markdown blockquote, or text inside quotation marks (in
  Markdown and plain text alike): “…”, "…", «…», „…“, and ‘…’ where the ‘ opens a word and the
  ’ ends one (so the apostrophe of "don’t" closes nothing). A straight ``"`` right after a
  digit is an inch mark (``6'2"``), not a quotation mark. A quotation closes on the line it
  opens on (a paragraph's soft line breaks are spaces in prose, so a wrapped quotation does
  too); one left open is not a scope.
- ``table``, ``heading``: Markdown tables and headings (ATX and setext).
- ``link``: the text of a Markdown link (``[this text](https://…)``).

The Markdown reader finds the block scopes and link texts; quotations are found in the prose
by ``quotations``. Checks do not look at scopes: a finding in a quotation keeps its fix for
display only and says so (``mark_quotations``), and the ``skip-scopes`` setting leaves the
claims of the scopes it names out of a run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import replace
from typing import TYPE_CHECKING

from numcheck.findings import Finding

if TYPE_CHECKING:
    from numcheck.reading.documents import Document

QUOTE, TABLE, HEADING, LINK = "quote", "table", "heading", "link"
KINDS = (QUOTE, TABLE, HEADING, LINK)
IN_QUOTATION = " (in a quotation)"

_MARKS = re.compile('["“”«»„‘’]')
_CLOSING = {"“": "”", "«": "»", "„": "“", '"': '"', "‘": "’"}


@dataclass(frozen=True)
class Scope:
    kind: str
    start: int
    end: int

    def holds(self, offset: int) -> bool:
        return self.start <= offset < self.end


def quotations(prose: str) -> list[Scope]:
    """The spans of ``prose`` inside quotation marks, the marks included (rules above)."""
    if not any(mark in prose for mark in _CLOSING):
        return []
    found: list[Scope] = []
    opened_at, closing, line_end = -1, "", -1
    for mark in _MARKS.finditer(prose):
        char, at = mark.group(), mark.start()
        if opened_at >= 0 and 0 <= line_end < at:
            opened_at = -1  # a quotation left open at a line end is not one
        if opened_at < 0:
            if char in _CLOSING and _opens(prose, at):
                opened_at, closing = at, _CLOSING[char]
                line_end = prose.find("\n", at)
        elif char == closing and _closes(prose, at):
            found.append(Scope(QUOTE, opened_at, at + 1))
            opened_at = -1
    return found


def _opens(prose: str, at: int) -> bool:
    before = prose[at - 1] if at else " "
    after = prose[at + 1] if at + 1 < len(prose) else " "
    if after.isspace():
        return False
    if prose[at] in '"‘':
        return not before.isalnum()  # not the inch mark of 6'2", nor a closing quote
    return True


def _closes(prose: str, at: int) -> bool:
    if prose[at] not in '’"':
        return True
    after = prose[at + 1] if at + 1 < len(prose) else " "
    return not after.isalpha()  # the apostrophe of "don’t" is inside a word


def scopes_at(document: Document, offset: int) -> frozenset[str]:
    """The kinds of scope that hold ``offset``."""
    return frozenset(scope.kind for scope in document.scopes if scope.holds(offset))


def mark_quotations(
    findings: Iterable[Finding], documents: Iterable[Document]
) -> Iterator[Finding]:
    """``findings``, those in a quotation saying so, their fix shown but never applied:
    what someone said is quoted as they said it."""
    by_path = {document.path: document for document in documents}
    for finding in findings:
        document = by_path.get(finding.path)
        if document is not None and QUOTE in scopes_at(document, finding.location.start):
            fix = finding.fix and replace(finding.fix, applicability="display-only")
            finding = replace(finding, message=finding.message + IN_QUOTATION, fix=fix)
        yield finding
