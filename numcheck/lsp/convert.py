"""Findings as LSP diagnostics, and the code actions offered for them."""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass

from lsprotocol import types

from numcheck.findings import Finding
from numcheck.findings import Location
from numcheck.lsp.positions import LineIndex
from numcheck.reading.discover import read_text
from numcheck.reading.documents import is_markdown_path
from numcheck.reading.suppressions import block_start
from numcheck.report.links import rule_page

SOURCE = "numcheck"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "note": types.DiagnosticSeverity.Information,
}
_INDENT = re.compile(r"[ \t]*")


@dataclass(frozen=True)
class Features:
    """What the client said it can show."""

    related_information: bool = True
    code_description: bool = True

    @classmethod
    def of(cls, capabilities: types.ClientCapabilities) -> Features:
        publish = capabilities.text_document and capabilities.text_document.publish_diagnostics
        if publish is None:
            return cls(False, False)
        return cls(bool(publish.related_information), bool(publish.code_description_support))


@dataclass(frozen=True)
class Published:
    """A diagnostic as sent, with the finding it came from and the text of its span then
    (a fix is offered only while the span still holds that text)."""

    diagnostic: types.Diagnostic
    finding: Finding
    original: str


class Positions:
    """Ranges for the findings of one run: the buffer's own text, and other files' texts.

    Offsets of a ``Location`` count code points of the text without a leading byte-order
    mark; a buffer that keeps one is shifted by it.
    """

    def __init__(self, encoding: str, text_of: Callable[[str], str | None]) -> None:
        self.encoding = encoding
        self._text_of = text_of
        self._indexes: dict[str, tuple[LineIndex, int] | None] = {}

    def range(self, location: Location) -> types.Range | None:
        known = self._index(location.path)
        if known is None:
            return None
        index, shift = known
        start = index.position(location.start + shift)
        end = index.position(location.end + shift)
        return types.Range(types.Position(*start), types.Position(*end))

    def _index(self, path: str) -> tuple[LineIndex, int] | None:
        if path not in self._indexes:
            text = self._text_of(path)
            if text is None:
                self._indexes[path] = None
            else:
                shift = 1 if text.startswith("\ufeff") else 0
                self._indexes[path] = (LineIndex(text, self.encoding), shift)
        return self._indexes[path]


def diagnostic(
    finding: Finding,
    positions: Positions,
    uri_of: Callable[[str], str],
    features: Features,
) -> types.Diagnostic | None:
    where = positions.range(finding.location)
    if where is None:
        return None
    result = types.Diagnostic(
        range=where,
        message=finding.message,
        severity=SEVERITY[finding.level],
        code=finding.code,
        source=SOURCE,
    )
    url = rule_page(finding.code, finding.name)
    if url and features.code_description:
        result.code_description = types.CodeDescription(href=url)
    if features.related_information and finding.related:
        related = []
        for place in finding.related:
            place_range = positions.range(place.location)
            if place_range is not None:
                location = types.Location(uri=uri_of(place.location.path), range=place_range)
                related.append(types.DiagnosticRelatedInformation(location, place.message))
        result.related_information = related or None
    return result


def code_actions(
    uri: str,
    path: str,
    text: str,
    published: Sequence[Published],
    wanted: Sequence[types.Diagnostic],
    encoding: str,
) -> list[types.CodeAction]:
    """Quick fixes for the ``wanted`` diagnostics (those the client asks about) that this
    server published for the buffer: the finding's fix when it may be applied, and a comment
    that disables the rule for the block (the paragraph) that holds it."""
    index = LineIndex(text, encoding)
    actions: list[types.CodeAction] = []
    for item in _matching(published, wanted):
        replace = _fix_action(uri, text, index, item)
        if replace is not None:
            actions.append(replace)
        actions.append(_disable_action(uri, path, text, index, item))
    return actions


def _matching(
    published: Sequence[Published], wanted: Sequence[types.Diagnostic]
) -> list[Published]:
    keys = {(_key(d.range), str(d.code)) for d in wanted if d.source == SOURCE}
    return [p for p in published if (_key(p.diagnostic.range), p.diagnostic.code) in keys]


def _key(where: types.Range) -> tuple[int, int, int, int]:
    return (where.start.line, where.start.character, where.end.line, where.end.character)


def _fix_action(uri: str, text: str, index: LineIndex, item: Published) -> types.CodeAction | None:
    fix = item.finding.fix
    if fix is None or fix.applicability == "display-only":
        return None
    where = item.diagnostic.range
    start = index.offset(where.start.line, where.start.character)
    end = index.offset(where.end.line, where.end.character)
    if text[start:end] != item.original:
        return None
    edit = types.TextEdit(range=where, new_text=fix.replacement)
    return types.CodeAction(
        title=fix.message,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[item.diagnostic],
        edit=types.WorkspaceEdit(changes={uri: [edit]}),
        is_preferred=fix.applicability == "safe",
    )


def disable_comment(path: str, code: str) -> str:
    """The directive that silences ``code`` in the next block, as this kind of file writes it."""
    if is_markdown_path(path):
        return f"<!-- numcheck: disable-next-block {code} -->"
    return f"numcheck: disable-next-block {code}"


def _disable_action(
    uri: str, path: str, text: str, index: LineIndex, item: Published
) -> types.CodeAction:
    """Insert a ``disable-next-block`` directive on a line of its own before the block of the
    finding: inside a hard-wrapped paragraph a comment would split it (two paragraphs on the
    rendered page)."""
    document = read_text(path, text)
    line = block_start(document, item.diagnostic.range.start.line + 1) - 1
    start = index.starts[min(line, len(index.starts) - 1)]
    indent = _INDENT.match(text, start, index.line_end(line)).group()
    comment = indent + disable_comment(path, item.finding.code) + _line_break(text, index, line)
    at = types.Position(line=line, character=0)
    edit = types.TextEdit(range=types.Range(at, at), new_text=comment)
    return types.CodeAction(
        title=f"Disable {item.finding.code} for this block",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[item.diagnostic],
        edit=types.WorkspaceEdit(changes={uri: [edit]}),
    )


def _line_break(text: str, index: LineIndex, line: int) -> str:
    end = index.line_end(line)
    if end < len(text):
        return "\r\n" if text.startswith("\r\n", end) else text[end]
    for known in ("\r\n", "\n", "\r"):
        if known in text:
            return known
    return "\n"
