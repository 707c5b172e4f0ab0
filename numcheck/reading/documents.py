"""Readers: turn a file's text into a Document whose prose the grammar may read.

A Document keeps the source text and a ``prose`` string of exactly the same length in which
everything that is not prose (code, URLs, comments, front matter, markup) is blanked to spaces,
line endings (``\\n`` and ``\\r``) kept. Offsets into ``prose`` are therefore offsets into the
source text, and ``Document.position`` maps them to 1-based lines and columns counted in Unicode
code points. A line ends at ``\n``, ``\r\n`` or a lone ``\r`` (old Mac files), as editors and
the Language Server Protocol count lines.

``source`` is the decoded file text without a leading byte-order mark (the readers in
``numcheck.reading.discover`` strip it), so columns on the first line match what editors show.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field

from numcheck.reading.scopes import Scope
from numcheck.reading.scopes import quotations
from numcheck.reading.wrapping import soften
from numcheck.reading.wrapping import wrapped_line_breaks

MARKDOWN_SUFFIXES = (".md", ".markdown")

_NOT_LINE_END = re.compile(r"[^\r\n]+")
_NEWLINE = re.compile(r"\n")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# Bare URLs: a scheme, ``www.``, or a dotted host name directly followed by a path.
_URL = re.compile(
    r"""(?<![\w@.-])(?:(?:https?|ftp|file)://|www\.|(?:[a-z0-9-]+\.)+[a-z]{2,}/)[^\s<>"'`]*""",
    re.IGNORECASE,
)
# Only lines holding one of these can hold a URL or an address (a fast filter).
_URL_HINT = re.compile(r"[/@]|www\.", re.IGNORECASE)
_EMAIL = re.compile(r"(?<![\w.+-])(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL_TRAILING = ".,;:!?'\"*_\u2019\u201d\u00bb\u2026\u3002\uff0c"
_CLOSERS = {")": "(", "]": "[", "}": "{"}


@dataclass(frozen=True)
class Document:
    path: str
    source: str
    prose: str
    story: str | None = None
    line_starts: tuple[int, ...] = field(default=(), compare=False, repr=False)
    # Quotations, tables, headings, link texts (``numcheck.reading.scopes``).
    scopes: tuple[Scope, ...] = field(default=(), compare=False, repr=False)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of a code-point offset (``len(source)`` allowed)."""
        if not 0 <= offset <= len(self.source):
            raise ValueError(f"offset {offset} outside 0..{len(self.source)}")
        starts = self.line_starts or line_starts(self.source)
        index = bisect.bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1


def line_offsets(text: str) -> tuple[int, ...]:
    """Offsets at which each ``\\n``-ended line begins (the lines markdown-it counts, which
    reads a carriage return as a blank)."""
    return (0, *(match.end() for match in _NEWLINE.finditer(text)))


def line_starts(text: str) -> tuple[int, ...]:
    """Offsets at which each line begins; a line ends at ``\\n``, ``\\r\\n`` or a lone
    ``\\r``."""
    return (0, *(match.end() for match in _LINE_BREAK.finditer(text)))


def make_document(
    path: str,
    source: str,
    prose: str,
    story: str | None = None,
    scopes: Sequence[Scope] = (),
) -> Document:
    """A Document; its scopes are ``scopes`` and the quotations of its prose."""
    if len(prose) != len(source):
        raise ValueError("prose must be as long as its source")
    if prose == source:  # plain text: one string, held and sent to other processes once
        prose = source
    found = (*scopes, *quotations(prose))
    return Document(path, source, prose, story, line_starts(source), found)


def blank_text(text: str) -> str:
    """``text`` with every character but ``\\r`` and ``\\n`` replaced by a space."""
    return _NOT_LINE_END.sub(lambda match: " " * len(match.group()), text)


def blank_urls(prose: str) -> str:
    """Blank bare URLs and e-mail addresses: their digits are not quantities."""
    lines = prose.split("\n")
    for index, line in enumerate(lines):
        if _URL_HINT.search(line):
            line = _URL.sub(_blank_url_match, line)
            lines[index] = _EMAIL.sub(lambda match: " " * len(match.group()), line)
    return "\n".join(lines)


def _blank_url_match(match: re.Match[str]) -> str:
    url = match.group()
    kept = len(_trim_url(url))
    return " " * kept + url[kept:]


def _trim_url(url: str) -> str:
    """Drop sentence punctuation and unbalanced closing brackets from a URL's end."""
    while url:
        last = url[-1]
        if last in _URL_TRAILING:
            url = url[:-1]
        elif last in _CLOSERS and url.count(last) > url.count(_CLOSERS[last]):
            url = url[:-1]
        else:
            break
    return url


def plain_text_document(path: str, source: str) -> Document:
    """A plain-text file: all of it is prose except bare URLs and e-mail addresses; the line
    ends of a hard-wrapped file's paragraphs read as spaces (``numcheck.reading.wrapping``)."""
    prose = soften(blank_urls(source), wrapped_line_breaks(source))
    return make_document(path, source, prose)


def is_markdown_path(path: str) -> bool:
    return path.lower().endswith(MARKDOWN_SUFFIXES)
