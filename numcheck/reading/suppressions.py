"""Inline suppression: comments in a file that silence findings on some of its lines.

In Markdown the directives are HTML comments (code blocks and code spans are not read)::

    <!-- numcheck: disable NC101, story-disagreement -->   from here on
    <!-- numcheck: enable NC101 -->                        until here (no codes: all)
    <!-- numcheck: disable-next-line NC101 -->             the line after this one
    text <!-- numcheck: disable-line -->                   this line
    <!-- numcheck: disable-file NC203 -->                  the whole file

In plain text the same words stand on a line of their own (``numcheck: disable NC101``),
optionally inside ``<!-- -->``. Rules are named by code, code prefix (``NC2``) or name,
separated by commas or spaces; no rule (or ``all``) means every rule. A finding is suppressed
when its first character lies in a disabled range (``disable``/``enable`` work on positions, so
they may share a line with prose) or on a line a ``-line`` directive names.

This is a filter stage run after the checks: it marks findings ``suppressed`` and changes
nothing else.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import replace

from numcheck.findings import Finding
from numcheck.reading.documents import Document
from numcheck.reading.documents import is_markdown_path

ALL = "*"
_WORDS = (
    r"(?P<action>disable-next-line|disable-line|disable-file|disable|enable)\b(?P<rules>[^\n]*?)"
)
_COMMENT = re.compile(r"<!--\s*numcheck:\s*" + _WORDS + r"\s*-->", re.IGNORECASE)
_PLAIN_LINE = re.compile(
    r"^[ \t]*(?:<!--)?[ \t]*numcheck:[ \t]*" + _WORDS + r"[ \t]*(?:-->)?[ \t]*\r?$",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True)
class Directive:
    action: str
    rules: frozenset[str]
    start: int
    end: int
    line: int


def directives(document: Document) -> list[Directive]:
    """The suppression directives of a document, in order."""
    if "numcheck:" not in document.source.lower():
        return []
    if is_markdown_path(document.path):
        found = _markdown_comments(document.source)
    else:
        found = list(_PLAIN_LINE.finditer(document.source))
    return [
        Directive(
            match.group("action").lower(),
            _rules(match.group("rules")),
            match.start(),
            match.end(),
            document.position(match.start())[0],
        )
        for match in found
    ]


def _rules(text: str) -> frozenset[str]:
    names = frozenset(word.lower() for word in re.split(r"[\s,]+", text) if word)
    return frozenset({ALL}) if not names or "all" in names else names


def _markdown_comments(source: str) -> list[re.Match[str]]:
    """Directive comments that Markdown reads as HTML (not those inside code)."""
    from markdown_it import MarkdownIt

    work = source.replace("\r", " ")
    starts = [0] + [index + 1 for index, char in enumerate(work) if char == "\n"]
    found: list[re.Match[str]] = []
    cursor = 0
    for token in MarkdownIt("commonmark").parse(work):
        if token.type == "html_block":
            pieces = [token.content]
        elif token.type == "inline":
            pieces = [
                child.content for child in token.children or [] if child.type == "html_inline"
            ]
        else:
            continue
        block_start = starts[token.map[0]] if token.map and token.map[0] < len(starts) else 0
        cursor = max(cursor, block_start)
        for piece in pieces:
            for comment in _COMMENT.finditer(piece):
                index = work.find(comment.group(), cursor)
                match = _COMMENT.match(work, index) if index >= 0 else None
                if match is not None:
                    found.append(match)
                    cursor = match.end()
    return found


class _State:
    """Which rules are off at a point: all but some, or some."""

    def __init__(self) -> None:
        self.all_off = False
        self.off: set[str] = set()
        self.back_on: set[str] = set()

    def apply(self, action: str, rules: frozenset[str]) -> None:
        if action == "disable" and ALL in rules:
            self.all_off, self.back_on = True, set()
        elif action == "disable":
            self.off |= rules
            self.back_on -= rules
        elif ALL in rules:
            self.all_off, self.off, self.back_on = False, set(), set()
        else:
            self.off -= rules
            if self.all_off:
                self.back_on |= rules

    def snapshot(self) -> tuple[bool, frozenset[str], frozenset[str]]:
        return self.all_off, frozenset(self.off), frozenset(self.back_on)


def _names(finding: Finding) -> tuple[str, str]:
    return finding.code.lower(), finding.name.lower()


def _matches(finding: Finding, rules: Iterable[str]) -> bool:
    code, name = _names(finding)
    return any(rule == ALL or rule == name or code.startswith(rule) for rule in rules)


class _Index:
    """A document's directives, arranged so that each finding is judged in logarithmic time:
    the ``disable``/``enable`` state after each of them, and the ``-line`` ones by line."""

    def __init__(self, found: list[Directive]) -> None:
        self.file_rules = [d.rules for d in found if d.action == "disable-file"]
        self.by_line: dict[int, list[frozenset[str]]] = {}
        for directive in found:
            if directive.action in ("disable-line", "disable-next-line"):
                line = directive.line + (directive.action == "disable-next-line")
                self.by_line.setdefault(line, []).append(directive.rules)
        state = _State()
        self.ends: list[int] = []
        self.states: list[tuple[bool, frozenset[str], frozenset[str]]] = []
        for directive in sorted(
            (d for d in found if d.action in ("disable", "enable")), key=lambda d: d.end
        ):
            state.apply(directive.action, directive.rules)
            self.ends.append(directive.end)
            self.states.append(state.snapshot())

    def suppresses(self, finding: Finding) -> bool:
        named = self.file_rules + self.by_line.get(finding.location.line, [])
        if any(_matches(finding, rules) for rules in named):
            return True
        index = bisect.bisect_right(self.ends, finding.location.start) - 1
        if index < 0:
            return False
        all_off, off, back_on = self.states[index]
        return (all_off and not _matches_any(finding, back_on)) or _matches_any(finding, off)


def _matches_any(finding: Finding, rules: frozenset[str]) -> bool:
    return bool(rules) and _matches(finding, rules)


def mark_suppressed(
    findings: Iterable[Finding], documents: Iterable[Document]
) -> Iterator[Finding]:
    """``findings``, those that a directive silences marked ``suppressed``."""
    by_path = {document.path: document for document in documents}
    cache: dict[str, _Index | None] = {}
    for finding in findings:
        document = by_path.get(finding.path)
        if document is None:
            yield finding
            continue
        if finding.path not in cache:
            found = directives(document)
            cache[finding.path] = _Index(found) if found else None
        index = cache[finding.path]
        if index is not None and index.suppresses(finding):
            finding = replace(finding, suppressed=True)
        yield finding
