"""Markdown reader: a Document whose prose holds only the words a reader sees as text.

markdown-it-py (CommonMark, plus tables, strikethrough and YAML front matter) gives the
structure. Prose starts fully blanked; only the characters of ``text`` tokens (paragraphs,
headings, list items, table cells, link text, emphasis content, image alt text) are copied back
from the source. Everything else stays blank: front matter, code blocks and spans, HTML,
comments, link destinations and titles, reference definitions, autolinks, and markup characters
(``#``, ``*``, ``_``, ``>``, ``|``, list bullets and numbers, escape backslashes). Bare URLs and
e-mail addresses in the kept text are blanked afterwards.

Inline tokens carry no character offsets, so each inline token's children are located in the
source lines of their block in order, searching forward from the last position found.

An HTML entity (``&amp;``, ``&#49;``) is prose written in markup: it is replaced by its decoded
character followed by spaces when that is one visible character, and blanked otherwise (so
``&nbsp;`` becomes plain spaces).

The reader also records the document's scopes (``numcheck.reading.scopes``): blockquotes,
tables, headings and link texts.

A soft line break inside a paragraph (a hard-wrapped sentence) is a space in ``prose``, as it is
on the rendered page, and so is a line end inside markup that runs over lines within a paragraph
(a code span, inline HTML, a link's destination and title). A hard break (two trailing spaces or
a backslash: a ``<br>``) and the line ends between blocks stay line ends.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination
from markdown_it.helpers import parseLinkTitle
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from numcheck.reading.documents import Document
from numcheck.reading.documents import blank_text
from numcheck.reading.documents import blank_urls
from numcheck.reading.documents import line_offsets
from numcheck.reading.documents import make_document
from numcheck.reading.scopes import HEADING
from numcheck.reading.scopes import LINK
from numcheck.reading.scopes import QUOTE
from numcheck.reading.scopes import TABLE
from numcheck.reading.scopes import Scope
from numcheck.reading.wrapping import soften

_EMPHASIS = frozenset(
    {"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"},
)
_CELLS = frozenset({"th_open", "td_open"})
_BLOCK_SCOPES = {"blockquote_open": QUOTE, "table_open": TABLE, "heading_open": HEADING}
_SPACE = " \t"
_SPACE_OR_NEWLINE = " \t\n"


@functools.cache
def markdown_parser() -> MarkdownIt:
    """The parser of the reader: CommonMark, tables, strikethrough, front matter, footnotes."""
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.use(front_matter_plugin).use(footnote_plugin)
    # Keep escapes and entities as their own tokens: their markup is what the source holds.
    md.disable("text_join")
    if md.inline.ruler.get_active_rules() == list(_INLINE_RULES):
        md.core.ruler.at("inline", _inline)
    return md


# The inline rules of the parser and the characters they start at (``newline`` aside): inline
# content without these characters is text and line breaks, whatever the rules make of it.
_INLINE_RULES = {
    "text": "",
    "newline": "",
    "escape": "\\",
    "backticks": "`",
    "strikethrough": "~",
    "emphasis": "*_",
    "link": "[",
    "image": "!",
    "footnote_inline": "^",
    "footnote_ref": "[",
    "autolink": "<",
    "html_inline": "<",
    "entity": "&",
}
_INLINE_MARKUP = re.compile(f"[{re.escape(''.join(_INLINE_RULES.values()))}]")


def _inline(state: StateCore) -> None:
    """markdown-it's ``inline`` step, with the inline parser spared where content holds no
    inline markup (most paragraphs of an article): its tokens are then those of
    ``plain_inline``."""
    for token in state.tokens:
        if token.type == "inline":
            if token.children is None:
                token.children = []
            if _INLINE_MARKUP.search(token.content) is None:
                token.children.extend(plain_inline(token.content))
            else:
                state.md.inline.parse(token.content, state.md, state.env, token.children)


def plain_inline(content: str) -> list[Token]:
    """The tokens markdown-it's inline parser makes of content without inline markup: the text
    of each line, and a break between lines, hard after two spaces or more, the spaces at
    either side of it dropped (one space before a soft break, spaces and tabs after it)."""
    tokens: list[Token] = []
    lines = content.split("\n")
    text = lines[0]
    for line in lines[1:]:
        kind = "hardbreak" if text.endswith("  ") else "softbreak"
        text = text.rstrip(" ") if kind == "hardbreak" else text.removesuffix(" ")
        if text:
            tokens.append(Token("text", "", 0, content=text))
        tokens.append(Token(kind, "br", 0))
        text = line.lstrip(" \t")
    if text:
        tokens.append(Token("text", "", 0, content=text))
    return tokens


def markdown_document(path: str, source: str) -> Document:
    """A Document for Markdown ``source``; ``story`` comes from the front matter, if any."""
    # Same length as the source, and what markdown-it would make of it: it turns a CRLF into
    # one newline (a blank before the newline changes nothing) and NUL into U+FFFD.
    work = source.replace("\r", " ").replace("\0", "\ufffd")
    env: dict[str, Any] = {}
    tokens = markdown_parser().parse(work, env)
    starts = line_offsets(source)
    walker = _Walker(work, starts, _inline_footnotes(env))
    story = None
    previous = ""
    blocks: list[Scope] = []
    for token in tokens:
        if token.type == "front_matter":
            story = _story(token.content)
        elif token.type == "inline" and token.map:
            walker.inline(token, in_cell=previous in _CELLS)
        elif token.type in _BLOCK_SCOPES and token.map:
            first, last = token.map
            end = starts[last] if last < len(starts) else len(source)
            blocks.append(Scope(_BLOCK_SCOPES[token.type], starts[first], end))
        previous = token.type
    prose = soften(blank_urls(_assemble(source, walker.spans)), walker.soft_breaks)
    return make_document(path, source, prose, story, [*blocks, *walker.links])


def _inline_footnotes(env: dict[str, Any]) -> dict[int, list[Token]]:
    """Inline footnotes (``^[note]``) by id: their words sit where the note is written."""
    notes = env.get("footnotes", {}).get("list", {})
    return {key: note["tokens"] for key, note in notes.items() if "tokens" in note}


def _story(front_matter: str) -> str | None:
    """The ``story`` key of YAML front matter; None when absent, not a string or whole number,
    or when the YAML breaks before it (what comes after it, or values of other keys such as an
    impossible date, are not judged).

    The front matter is read as a stream of YAML events up to the top-level ``story`` key,
    never built into objects: a megabyte of front matter costs one pass of libyaml."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when it is there
    depth, expecting_key, wanted = 0, True, False
    try:
        for event in yaml.parse(front_matter, Loader=loader):
            if isinstance(event, yaml.CollectionStartEvent):
                if wanted or (depth == 0 and not isinstance(event, yaml.MappingStartEvent)):
                    return None
                depth += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                expecting_key = not expecting_key if depth == 1 else expecting_key
            elif isinstance(event, yaml.NodeEvent) and depth == 1:
                if wanted:
                    return _story_value(event) if isinstance(event, yaml.ScalarEvent) else None
                wanted = expecting_key and getattr(event, "value", None) == "story"
                expecting_key = not expecting_key
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError):
        return None
    return None


def _story_value(event: yaml.ScalarEvent) -> str | None:
    value: Any = event.value
    if event.implicit[0]:  # a plain scalar: resolve it as YAML would (true, 12, null...)
        value = yaml.safe_load(value) if value else None
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    return str(value).strip() or None


def _assemble(source: str, spans: Sequence[tuple[int, int, str | None]]) -> str:
    """Blank ``source``, then copy back each span (or write its replacement)."""
    blank = blank_text(source)
    pieces: list[str] = []
    last = 0
    for start, end, replacement in sorted(spans, key=lambda span: span[0]):
        if start < last and replacement is not None:
            continue
        start = max(start, last)
        if end <= start:
            continue
        pieces.append(blank[last:start])
        pieces.append(source[start:end] if replacement is None else replacement)
        last = end
    pieces.append(blank[last:])
    return "".join(pieces)


@dataclass
class _Walker:
    """Locates inline tokens in the source, in order, and records the spans that are prose."""

    work: str
    line_starts: tuple[int, ...]
    footnotes: dict[int, list[Token]]
    spans: list[tuple[int, int, str | None]] = field(default_factory=list)
    soft_breaks: list[int] = field(default_factory=list)
    links: list[Scope] = field(default_factory=list)
    link_start: int = -1
    cursor: int = 0
    end: int = 0
    line: int = -1

    def inline(self, token: Token, in_cell: bool) -> None:
        """Locate an inline token's children within the source lines of its block."""
        first, last = token.map or (0, 0)
        start = self._line_offset(first)
        # Table cells share a line: the next cell starts where the previous one ended.
        self.cursor = max(self.cursor, start) if first == self.line else start
        self.line = first
        self.end = self._line_offset(last)
        self._start_at_content(token.content.split("\n", 1)[0], in_cell, first)
        self.children(token.children or [])

    def _start_at_content(self, head: str, in_cell: bool, line: int) -> None:
        """Move past container markers: in ``1. 1`` the text is the second ``1``.

        Outside tables the first content line ends its source line (trailing blanks aside),
        so its last occurrence on that line is the right one.
        """
        if not head:
            return
        if in_cell:
            found = self._find(head)
        else:
            found = self.work.rfind(head, self.cursor, self._line_offset(line + 1))
        if found >= 0:
            self.cursor = found

    def _line_offset(self, line: int) -> int:
        return self.line_starts[line] if line < len(self.line_starts) else len(self.work)

    def children(self, tokens: Sequence[Token]) -> None:
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.type == "link_open" and token.markup in ("autolink", "linkify"):
                index = self._autolink(tokens, index)
                continue
            self.child(token)
            index += 1

    def child(self, token: Token) -> None:
        kind = token.type
        if kind == "text":
            self._text(token.content)
        elif kind == "text_special":
            self._special(token)
        elif kind == "softbreak":
            found = self._find("\n")
            if found >= 0:
                self.soft_breaks.append(found)
                self.cursor = found + 1
        elif kind == "hardbreak":
            self._skip_past("\n")
        elif kind == "code_inline":
            self._markup(self._code, token.markup)
        elif kind == "html_inline":
            self._markup(self._multiline, token.content)
        elif kind in _EMPHASIS:
            self._skip_past(token.markup)
        elif kind == "link_open":
            self._skip_past("[")
            self.link_start = self.cursor
        elif kind == "link_close":
            if self.link_start >= 0:
                self.links.append(Scope(LINK, self.link_start, self.cursor))
                self.link_start = -1
            self._markup(self._link_tail)
        elif kind == "image":
            self._skip_past("![")
            self.children(token.children or [])
            self._markup(self._link_tail)
        elif kind == "footnote_ref":
            self._footnote_ref(token)

    def _markup(self, skip: Callable[..., None], *args: str) -> None:
        """Skip markup that may run over lines (a code span, inline HTML, a link's destination
        and title): the paragraph goes on around it, so its line ends are soft."""
        start = self.cursor
        skip(*args)
        last = self.end - 1  # the line end that closes the block is not the paragraph's
        position = self.work.find("\n", start, min(self.cursor, last))
        while position >= 0:
            self.soft_breaks.append(position)
            position = self.work.find("\n", position + 1, min(self.cursor, last))

    def _find(self, needle: str) -> int:
        return self.work.find(needle, self.cursor, self.end) if needle else -1

    def _skip_past(self, needle: str) -> None:
        found = self._find(needle)
        if found >= 0:
            self.cursor = found + len(needle)

    def _text(self, content: str) -> None:
        if not content:
            return
        found = self._find(content)
        if found >= 0:
            self.spans.append((found, found + len(content), None))
            self.cursor = found + len(content)
            return
        self._loose_text(content)

    def _loose_text(self, content: str) -> None:
        """Text whose source differs from its content: ``\\|`` in table cells, tab expansion."""
        match = _loose_pattern(content).search(self.work, self.cursor, self.end)
        if match is None:
            return
        start = match.start()
        for backslash in re.finditer(r"\\(?=\|)", match.group()):
            self.spans.append((start, match.start() + backslash.start(), None))
            start = match.start() + backslash.end()
        self.spans.append((start, match.end(), None))
        self.cursor = match.end()

    def _special(self, token: Token) -> None:
        found = self._find(token.markup)
        if found < 0:
            return
        end = found + len(token.markup)
        if token.info == "escape":
            self.spans.append((found + 1, end, None))
        elif _visible_character(token.content):
            self.spans.append((found, end, token.content.ljust(len(token.markup))))
        self.cursor = end

    def _code(self, marker: str) -> None:
        run = re.compile(rf"(?<!`){re.escape(marker)}(?!`)")
        opening = run.search(self.work, self.cursor, self.end)
        if opening is None:
            return
        closing = run.search(self.work, opening.end(), self.end)
        self.cursor = closing.end() if closing else opening.end()

    def _multiline(self, content: str) -> None:
        """Skip raw content that may span lines (container markers may sit between them)."""
        lines = content.split("\n")
        self._skip_past(lines[0])
        for line in lines[1:]:
            self._skip_past(line.strip(_SPACE))

    def _autolink(self, tokens: Sequence[Token], index: int) -> int:
        """Skip ``<https://...>`` whole; return the index after its ``link_close``."""
        self._skip_past("<")
        self._skip_past(">")
        index += 1
        while index < len(tokens) and tokens[index].type != "link_close":
            index += 1
        return index + 1

    def _footnote_ref(self, token: Token) -> None:
        """Skip ``[^label]``; an inline ``^[note]`` keeps the note's words."""
        note = self.footnotes.get(token.meta.get("id", -1))
        if note is None:
            self._skip_past("[^")
            self._skip_past("]")
            return
        self._skip_past("^[")
        self.children(note)
        self._skip_past("]")

    def _link_tail(self) -> None:
        """Skip ``]`` and what follows it: ``(destination "title")`` or a ``[label]``."""
        self._skip_past("]")
        work, position = self.work, self.cursor
        if position < self.end and work[position] == "(":
            self.cursor = _inline_destination_end(work, position, self.end)
        elif position < self.end and work[position] == "[":
            self._skip_past("]")


def _inline_destination_end(work: str, opening: int, end: int) -> int:
    """The offset after the ``)`` that closes an inline link's ``(destination "title")``."""
    position = _skip_space(work, opening + 1, end)
    destination = parseLinkDestination(work, position, end)
    if destination.ok:
        position = _skip_space(work, destination.pos, end)
        if position < end and work[position] in "\"'(":
            title = parseLinkTitle(work, position, end)
            if title.ok:
                position = _skip_space(work, title.pos, end)
    if position < end and work[position] == ")":
        return position + 1
    closing = work.find(")", opening, end)
    return closing + 1 if closing >= 0 else opening + 1


def _visible_character(text: str) -> bool:
    return len(text) == 1 and text.isprintable() and not text.isspace()


def _skip_space(work: str, position: int, end: int) -> int:
    while position < end and work[position] in _SPACE_OR_NEWLINE:
        position += 1
    return position


@functools.lru_cache(maxsize=256)
def _loose_pattern(content: str) -> re.Pattern[str]:
    """A pattern for ``content`` allowing ``\\|`` for ``|`` and any blank run for a blank run."""
    parts = []
    for piece in re.split(r"([ \t]+|\|)", content):
        if not piece:
            continue
        if piece == "|":
            parts.append(r"\\?\|")
        elif piece.strip(_SPACE) == "":
            parts.append(r"[ \t]+")
        else:
            parts.append(re.escape(piece))
    return re.compile("".join(parts))
