"""Positions as the Language Server Protocol counts them.

LSP lines end at ``\\n``, ``\\r\\n`` or ``\\r`` (nothing else), and a position's ``character``
counts code units of the negotiated encoding: UTF-16 unless the client offered another.
numcheck counts code points, so every offset that crosses the protocol goes through a
``LineIndex``. This module knows nothing of pygls.
"""

from __future__ import annotations

import bisect
import re

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def units(text: str, encoding: str = UTF16) -> int:
    """How many code units of ``encoding`` the text takes."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class LineIndex:
    """The lines of a text, to turn code-point offsets into (line, character) and back."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0, *(match.end() for match in _LINE_BREAK.finditer(text))]

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def line_end(self, line: int) -> int:
        """The offset where ``line``'s content ends (before its line break)."""
        if line + 1 >= len(self.starts):
            return len(self.text)
        end = self.starts[line + 1]
        if self.text[end - 2 : end] == "\r\n":
            return end - 2
        return end - 1

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character), both from 0, of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        line = self.line_of(offset)
        start = self.starts[line]
        return line, units(self.text[start:offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of an LSP position; out-of-range values are clamped (a
        character past the end of its line means the line's end)."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[line], self.line_end(line)
        content = self.text[start:end]
        if self.encoding == UTF32 or content.isascii():
            return start + max(0, min(character, len(content)))
        counted = 0
        for index, char in enumerate(content):
            if counted >= character:
                return start + index
            counted += units(char, self.encoding)
        return end


def apply_change(
    text: str,
    new_text: str,
    change_range: tuple[tuple[int, int], tuple[int, int]] | None,
    encoding: str = UTF16,
) -> str:
    """``text`` after one content change: the whole text when ``change_range`` is None, else
    ``new_text`` in place of ((start line, character), (end line, character))."""
    if change_range is None:
        return new_text
    index = LineIndex(text, encoding)
    (start_line, start_char), (end_line, end_char) = change_range
    start = index.offset(start_line, start_char)
    end = index.offset(end_line, end_char)
    if end < start:
        start, end = end, start
    return text[:start] + new_text + text[end:]
