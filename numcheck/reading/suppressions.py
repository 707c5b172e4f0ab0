"""Inline suppression: comments in a file that silence findings on some of its lines.

In Markdown the directives are HTML comments (code blocks and code spans are not read)::

    <!-- numcheck: disable NC101, story-disagreement -->   from here on
    <!-- numcheck: enable NC101 -->                        until here (no rules: all)
    <!-- numcheck: disable-next-line NC101 -->             the line after this one
    <!-- numcheck: disable-next-block NC101 -->            the block after this one
    text <!-- numcheck: disable-line -->                   this line
    <!-- numcheck: disable-file NC203 -->                  the whole file

In plain text the same words open a line of their own (``numcheck: disable NC101``),
optionally inside ``<!-- -->``, whose ``-->`` ends the directive (text after it on the line is
prose, as in Markdown). Rules are named by code, code prefix (``NC2``) or name,
separated by commas or spaces; no rule (or ``all``) means every rule.

Directives are read strictly: every comment that starts with ``numcheck:`` is one, and its
first word must be one of ``ACTIONS`` exactly (``disable-nextline`` is no directive and
silences nothing; the rule NC001 reports it, and unknown rule names, and directives that
silence nothing).

- ``disable`` silences the rules it names from the end of the comment on, until an
  ``enable`` that names the rule (or all rules); it works on positions, so it may share a
  line with prose.
- ``disable-next-block`` silences the block that follows the comment: in Markdown the next
  block markdown-it reads (a paragraph however many lines it is wrapped over, a list, a table,
  a blockquote, a heading); in plain text the next paragraph as numcheck reads it (up to the
  next line end that is not a soft break: the end of a hard-wrapped paragraph, else the line).
  Put before a paragraph, the comment changes nothing in the rendered article, where a comment
  inside the paragraph would split it.

A finding is silenced by a directive when its first character lies in what the directive
covers. This is a filter stage run after the checks: it marks findings ``suppressed`` and
records which directive silenced each, so that unused directives can be reported.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterable
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import replace

from numcheck.findings import Finding
from numcheck.reading.documents import Document
from numcheck.reading.documents import is_markdown_path
from numcheck.reading.wrapping import DIRECTIVE_LINE

ALL = "*"
ACTIONS = (
    "disable",
    "enable",
    "disable-line",
    "disable-next-line",
    "disable-next-block",
    "disable-file",
)
_BODY = r"(?P<body>[^\n]*?)"
_COMMENT = re.compile(r"<!--[ \t]*numcheck:" + _BODY + r"[ \t]*-->", re.IGNORECASE)
# A line that opens with the directive; a comment's ``-->`` ends it, and what follows on the
# line is prose again.
_PLAIN_LINE = re.compile(
    DIRECTIVE_LINE + r"(?P<body>(?:(?!-->)[^\n])*?)[ \t]*(?:-->|[ \t]*\r?$)",
    re.IGNORECASE | re.MULTILINE,
)
_SEPARATOR = re.compile(r"[\s,]+")


@dataclass(frozen=True)
class Directive:
    """One ``numcheck:`` comment. ``action`` is lower case as written: not one of ``ACTIONS``
    when the comment is no valid directive. ``rules`` are lower case (``ALL`` for every rule)
    and ``names`` the rules as written, in order. ``lines`` are the first and last line (1-based)
    that a ``-line`` or ``-next-`` directive covers."""

    action: str
    rules: frozenset[str]
    start: int
    end: int
    line: int
    names: tuple[str, ...] = ()
    lines: tuple[int, int] | None = None

    @property
    def valid(self) -> bool:
        return self.action in ACTIONS

    @property
    def text(self) -> str:
        """The directive as a message quotes it: ``disable-next-line NC101``."""
        return " ".join((self.action, ", ".join(self.names))).strip()

    def suggestion(self) -> str | None:
        """The action probably meant by an unknown one (``disable-nextline``), if any."""
        close = difflib.get_close_matches(self.action, ACTIONS, n=1, cutoff=0.7)
        return close[0] if close else None


def directives(document: Document) -> list[Directive]:
    """The ``numcheck:`` comments of a document, valid or not, in order."""
    if "numcheck:" not in document.source.lower():
        return []
    if is_markdown_path(document.path):
        found, blocks = _markdown_comments(document.source)
    else:
        found, blocks = list(_PLAIN_LINE.finditer(document.source)), None
    result = []
    for match in found:
        action, names = _parse(match.group("body"))
        written = match.group()
        start = match.start() + len(written) - len(written.lstrip())
        end = match.end() - len(written) + len(written.rstrip())
        line = document.position(start)[0]
        last_line = document.position(end)[0]
        covered = _covered(document, action, line, last_line, end, blocks)
        result.append(Directive(action, _rules(names), start, end, line, names, covered))
    return result


def _parse(body: str) -> tuple[str, tuple[str, ...]]:
    words = body.strip().split(None, 1)
    action = words[0].lower() if words else ""
    rest = words[1] if len(words) > 1 else ""
    return action, tuple(name for name in _SEPARATOR.split(rest) if name)


def _rules(names: tuple[str, ...]) -> frozenset[str]:
    lowered = frozenset(name.lower() for name in names)
    return frozenset({ALL}) if not lowered or "all" in lowered else lowered


def _covered(
    document: Document,
    action: str,
    line: int,
    last_line: int,
    end: int,
    blocks: list[tuple[int, int]] | None,
) -> tuple[int, int] | None:
    if action == "disable-line":
        return line, last_line
    if action == "disable-next-line":
        return last_line + 1, last_line + 1
    if action != "disable-next-block":
        return None
    if blocks is not None:  # Markdown: the next block markdown-it reads (0-based line maps)
        index = bisect.bisect_right(blocks, (last_line - 1, 1 << 30))
        return (blocks[index][0] + 1, -blocks[index][1]) if index < len(blocks) else None
    return _next_paragraph(document, end)


def _next_paragraph(document: Document, end: int) -> tuple[int, int] | None:
    """Plain text: the lines of the paragraph after ``end``, up to a line end that is kept."""
    source, prose = document.source, document.prose
    after_line = source.find("\n", end)
    if after_line < 0:
        return None
    start = after_line + 1
    while start < len(source) and source[start] in " \t\r\n":
        start += 1
    if start >= len(source):
        return None
    stop = prose.find("\n", start)
    first = document.position(start)[0]
    return first, document.position(stop if stop >= 0 else len(source))[0]


def _markdown_comments(source: str) -> tuple[list[re.Match[str]], list[tuple[int, int]]]:
    """Directive comments that Markdown reads as HTML (not those inside code), and the blocks
    for ``disable-next-block``: (first line, -end line), 0-based, end exclusive, so that of
    the blocks that start on one line the outermost (a list, not its first item) sorts first."""
    from numcheck.reading.markdown import markdown_parser

    work = source.replace("\r", " ")
    starts = [0] + [index + 1 for index, char in enumerate(work) if char == "\n"]
    found: list[re.Match[str]] = []
    blocks: list[tuple[int, int]] = []
    cursor = 0
    for token in markdown_parser().parse(work, {}):
        if token.map and token.nesting >= 0 and token.type not in ("inline", "html_block"):
            blocks.append((token.map[0], -token.map[1]))
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
    blocks.sort()
    return found, blocks


def block_start(document: Document, line: int) -> int:
    """The first line (1-based) of the block that holds ``line``: where a
    ``disable-next-block`` directive goes to cover it without changing how the document
    renders. In Markdown, the outermost block (a paragraph, a whole list or table or
    blockquote), since a comment between the items of a list would split it; in plain text,
    the first line of the paragraph (the lines joined by soft line breaks)."""
    if is_markdown_path(document.path):
        from numcheck.reading.markdown import markdown_parser

        work = document.source.replace("\r", " ")
        for token in markdown_parser().parse(work, {}):
            if token.level == 0 and token.map and token.map[0] < line <= token.map[1]:
                return token.map[0] + 1
        return line
    starts = document.line_starts
    while line > 1 and document.prose[starts[line - 1] - 1] == " ":
        line -= 1  # the line end before this line is a soft break
    return line


def _names(finding: Finding) -> tuple[str, str]:
    return finding.code.lower(), finding.name.lower()


def matching_rule(finding: Finding, rules: Iterable[str]) -> str | None:
    """The first of ``rules`` that names the finding's rule (``ALL`` names every rule)."""
    code, name = _names(finding)
    for rule in rules:
        if rule == ALL or rule == name or code.startswith(rule):
            return rule
    return None


def _silencer(
    finding: Finding, found: list[Directive], blanket: bool = True
) -> tuple[int, str] | None:
    """The directive (by index) and the rule in it that silence ``finding``, if any; with
    ``blanket`` False only a directive that names the finding's rule does."""
    position = finding.location.start
    line = finding.location.line
    active: list[tuple[int, str]] = []  # disable directives in force, oldest first
    for index, directive in enumerate(found):
        if not directive.valid:
            continue
        action = directive.action
        rule = matching_rule(finding, directive.rules)
        if rule is None or (rule == ALL and not blanket):
            continue
        if action == "disable-file":
            return index, rule
        if directive.lines is not None and directive.lines[0] <= line <= directive.lines[1]:
            return index, rule
        if directive.end > position:
            continue
        if action == "disable":
            active.append((index, rule))
        elif action == "enable":
            active.clear()
    return active[-1] if active else None


class _Index:
    """``_silencer`` for many findings: a document's directives arranged, once for each rule
    (code and name) and ``blanket``, so that a finding is judged in logarithmic time, not by
    reading every directive again (a comment on every line and a finding on every line would
    otherwise cost their product). The answer is ``_silencer``'s to the letter: the first
    directive (in document order) that covers the whole file or the finding's line, else the
    last ``disable`` in force where the finding starts."""

    def __init__(self, found: list[Directive]) -> None:
        self.found = found
        self._tables: dict[tuple[str, str, bool], _RuleTable] = {}
        self._in_order = all(a.end <= b.end for a, b in zip(found, found[1:], strict=False))

    def silencer(self, finding: Finding, blanket: bool) -> tuple[int, str] | None:
        if not self._in_order:  # never seen: directives are found in document order
            return _silencer(finding, self.found, blanket)
        key = (*_names(finding), blanket)
        table = self._tables.get(key)
        if table is None:
            table = self._tables[key] = _RuleTable(self.found, finding, blanket)
        return table.silencer(finding.location.start, finding.location.line)


class _RuleTable:
    """The directives that name one rule: the first covering each line (or the whole file),
    and the ``disable`` in force after each ``disable``/``enable`` in document order."""

    def __init__(self, found: list[Directive], finding: Finding, blanket: bool) -> None:
        self.whole_file: tuple[int, str] | None = None
        self.by_line: dict[int, tuple[int, str]] = {}
        self.ends: list[int] = []
        self.in_force: list[tuple[int, str] | None] = []
        active: list[tuple[int, str]] = []
        for index, directive in enumerate(found):
            if not directive.valid:
                continue
            rule = matching_rule(finding, directive.rules)
            if rule is None or (rule == ALL and not blanket):
                continue
            if directive.action == "disable-file":
                self.whole_file = self.whole_file or (index, rule)
            elif directive.lines is not None:
                for line in range(directive.lines[0], directive.lines[1] + 1):
                    self.by_line.setdefault(line, (index, rule))
            if directive.action in ("disable", "enable"):
                if directive.action == "disable":
                    active.append((index, rule))
                else:
                    active.clear()
                self.ends.append(directive.end)
                self.in_force.append(active[-1] if active else None)

    def silencer(self, position: int, line: int) -> tuple[int, str] | None:
        named = [hit for hit in (self.whole_file, self.by_line.get(line)) if hit is not None]
        if named:
            return min(named)
        before = bisect.bisect_right(self.ends, position) - 1
        return self.in_force[before] if before >= 0 else None


@dataclass
class Suppression:
    """The outcome of the filter: findings marked, and which directive rules were used, as
    (path, directive index, rule) with the index into ``directives`` of that document."""

    findings: list[Finding]
    used: set[tuple[str, int, str]]
    directives: dict[str, list[Directive]]


def suppress(
    findings: Iterable[Finding], documents: Iterable[Document], *, blanket: bool = True
) -> Suppression:
    """``findings``, those that a directive silences marked ``suppressed``. With ``blanket``
    False (findings about the directives themselves), a directive for every rule silences
    none of them: only one that names their rule does."""
    by_path = {document.path: document for document in documents}
    found: dict[str, list[Directive]] = {}
    indexes: dict[str, _Index] = {}
    used: set[tuple[str, int, str]] = set()
    marked: list[Finding] = []
    for finding in findings:
        document = by_path.get(finding.path)
        if document is not None and finding.path not in found:
            found[finding.path] = directives(document)
            indexes[finding.path] = _Index(found[finding.path])
        silencer = (
            indexes[finding.path].silencer(finding, blanket) if document is not None else None
        )
        if silencer is not None:
            used.add((finding.path, *silencer))
            finding = replace(finding, suppressed=True)
        marked.append(finding)
    return Suppression(marked, used, found)


def mark_suppressed(
    findings: Iterable[Finding], documents: Iterable[Document], *, blanket: bool = True
) -> Iterator[Finding]:
    """``findings``, those that a directive silences marked ``suppressed``."""
    yield from suppress(findings, documents, blanket=blanket).findings
