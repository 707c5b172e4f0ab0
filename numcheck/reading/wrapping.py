"""Soft line breaks: the line ends that only wrap a paragraph, read as spaces.

A paragraph wrapped over several lines ("About 8,000 North Korean⏎troops") is one run of
words: its subjects, keys and sentences must not stop at the line end. The readers therefore
write a space in ``prose`` where the source has a soft line break (and its ``\\r``, if any),
keeping every offset: the source is untouched, so positions still point at the file.

Markdown says which breaks are soft (markdown-it's ``softbreak`` tokens, handled by the
Markdown reader). Plain text does not, and real plain-text articles come in two shapes: one
paragraph a line (no line is wrapped, and a line end ends a headline or a paragraph), and
hard-wrapped (every paragraph broken at a fixed width). ``wrapped_line_breaks`` tells them
apart, file by file:

1. The width of the file is its longest line that holds a space (a line that is one long
   word, a URL, cannot be wrapped and says nothing about the width). A file wider than
   ``MAX_WRAP_WIDTH`` is not hard-wrapped: its line ends are all kept.
2. A line of several words followed by another non-blank line is *full* when the next line's
   first word would have taken it past ``FULL_SHARE_OF_WIDTH`` of the width: that is why the
   line was broken (a greedy filler, as editors and prettier are, breaks only past the width;
   a balancing one, as ``fmt`` is, a little before it). A line of one word (a URL, a
   signature) is never full, and a suppression directive (``numcheck: disable…``) is not
   counted at all.
3. The file is hard-wrapped when at least ``MIN_FULL_SHARE`` of the lines followed by another
   are full, and at least ``MIN_FULL_LINES`` are (one line end is too little to go on).
   Headlines, lists and one-sentence lines are short of the width, so a file of them never
   qualifies.
4. In a hard-wrapped file, the line end after a full line is soft; the line end after a
   short line (a heading, a list item, the last line of a paragraph) is kept.
"""

from __future__ import annotations

import re
from collections.abc import Collection

# A line that is a suppression directive (``numcheck.reading.suppressions``) is no prose.
DIRECTIVE_LINE = r"^[ \t]*(?:<!--)?[ \t]*numcheck:"
_DIRECTIVE = re.compile(DIRECTIVE_LINE, re.IGNORECASE)

MAX_WRAP_WIDTH = 100
MIN_FULL_SHARE = 0.75
MIN_FULL_LINES = 2
FULL_SHARE_OF_WIDTH = 0.9


def wrapped_line_breaks(text: str) -> list[int]:
    """Offsets of the ``\\n`` of each soft line break of plain ``text`` (rules above)."""
    if "\n" not in text:
        return []
    lines = text.split("\n")
    lengths = [len(line.rstrip()) for line in lines]
    several = [len(line.split(None, 1)) > 1 and not _DIRECTIVE.match(line) for line in lines]
    width = max((n for n, many in zip(lengths, several, strict=True) if many), default=0)
    if not 0 < width <= MAX_WRAP_WIDTH:
        return []
    limit = FULL_SHARE_OF_WIDTH * width
    followed = [i for i in range(len(lines) - 1) if several[i] and lines[i + 1].strip()]
    full = {i for i in followed if lengths[i] + 1 + len(lines[i + 1].split(None, 1)[0]) > limit}
    if len(full) < max(MIN_FULL_LINES, MIN_FULL_SHARE * len(followed)):
        return []
    ends = []
    offset = 0
    for index, line in enumerate(lines[:-1]):
        offset += len(line)
        if index in full:
            ends.append(offset)
        offset += 1
    return ends


def soften(prose: str, breaks: Collection[int]) -> str:
    """``prose`` with a space for each ``\\n`` at ``breaks`` (and for a ``\\r`` just before)."""
    if not breaks:
        return prose
    characters = list(prose)
    for offset in breaks:
        if characters[offset] != "\n":
            continue
        characters[offset] = " "
        if offset and characters[offset - 1] == "\r":
            characters[offset - 1] = " "
    return "".join(characters)
