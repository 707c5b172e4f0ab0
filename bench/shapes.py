"""Hostile shapes of text, each made to any size: what a linter meets when it runs unattended.

Each shape is a function of a size in bytes that returns ``(file name, text)``; the text is a
unit repeated (with its figures varied where that matters) until it is about that many UTF-8
bytes. ``bench/growth.py`` times numcheck on every shape at several sizes; the property tests
and ``tools/fuzz.py`` read the shapes at small sizes.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterator

NEWS = (
    "Russia has deployed over 10,000 North Korean troops near Kursk, officials said. "
    "The missile has a range of up to 190 miles (306 km), about twice the old one. "
    "Temperatures reached 86F (30C) as 1,200 residents fled a 25-mile (40-km) zone. "
    "The $5bn package, a 25% rise, funds 300 miles (483 km) of new road by 2026. "
)
RTL = (
    "أرسلت روسيا أكثر من 10,000 جندي، وقال المسؤولون إن المدى يصل إلى 190 ميلا (306 كم). "
    "הצבא שלח 11,000 חיילים למרחק של 190 miles (306 km) מהגבול, כך נמסר. "
)
EMOJI = (
    "🚀 Over 10,000 👩‍👩‍👧‍👦 troops 🇺🇦 moved 190 miles (306 km) 🛰️; "
    "1️⃣ 2,000 👍🏽 drones\u200d‍ and 5\u200b000 tanks ❤️‍🔥. "
)


def _repeat(size: int, units: Iterator[str]) -> str:
    pieces: list[str] = []
    total = 0
    for piece in units:
        pieces.append(piece)
        total += len(piece.encode("utf-8"))
        if total >= size:
            break
    return "".join(pieces)


def _numbered(template: str) -> Iterator[str]:
    """``template`` again and again, ``{n}`` a figure that changes each time."""
    index = 0
    while True:
        index += 1
        yield template.format(n=f"{10 + index % 9000:,}")


def _cycle(*pieces: str) -> Iterator[str]:
    while True:
        yield from pieces


def long_line(size: int) -> tuple[str, str]:
    """One line of news sentences with figures and conversions, no line break at all."""
    return "long-line.txt", _repeat(size, _cycle(NEWS))


def one_subject(size: int) -> tuple[str, str]:
    """Paragraphs that give one subject again and again, in figures that disagree."""
    return "one-subject.md", _repeat(
        size,
        _cycle(
            "Over 10,000 North Korean troops were sent.\n\n",
            "Fewer than 12,000 North Korean troops were sent.\n\n",
            "About 11,000 North Korean troops were sent.\n\n",
        ),
    )


def alternating(size: int) -> tuple[str, str]:
    """Two figures for one subject in turn: every claim contradicts half of the others."""
    return "alternating.md", _repeat(
        size,
        _cycle(
            "Russia sent 11,000 North Korean troops.\n\n",
            "Russia sent 3,000 North Korean troops.\n\n",
        ),
    )


def no_paragraph_break(size: int) -> tuple[str, str]:
    """Sentences on lines of their own with no blank line: one paragraph of any length."""
    return "no-break.md", _repeat(size, _cycle(*(s + ".\n" for s in NEWS.split(". ") if s)))


def table(size: int) -> tuple[str, str]:
    """A Markdown table of figures, one row after another."""
    header = "| distance | force |\n|---|---|\n"
    return "table.md", header + _repeat(
        size, _numbered("| {n} km (3 mi) | over {n} troops, 5 km (3 mi) |\n")
    )


def rtl(size: int) -> tuple[str, str]:
    """Arabic and Hebrew sentences with figures, in one paragraph."""
    return "rtl.txt", _repeat(size, _cycle(RTL))


def emoji(size: int) -> tuple[str, str]:
    """Emoji, skin tones, flags, zero-width joiners and spaces around figures."""
    return "emoji.md", _repeat(size, _cycle(EMOJI, EMOJI + "\n"))


def lone_cr(size: int) -> tuple[str, str]:
    """Old Mac line endings: CR alone, never LF."""
    return "lone-cr.txt", _repeat(size, _cycle(*(s + ".\r" for s in NEWS.split(". ") if s)))


def between(size: int) -> tuple[str, str]:
    """``between 5 and `` again and again: a range that never closes."""
    return "between.txt", _repeat(size, _cycle("between 5 and "))


def huge_exponent(size: int) -> tuple[str, str]:
    """Figures far beyond a float, converted: ``10^400 miles (10^400 km)``."""
    return "exponent.txt", _repeat(size, _cycle("10^400 miles (10^400 km) 1e400 km (1e400 mi) "))


def unclosed_comment(size: int) -> tuple[str, str]:
    """An HTML comment opened and never closed, in plain text (where it is not markup)."""
    return "unclosed.txt", "<!-- " + _repeat(size, _cycle(NEWS))


def front_matter(size: int) -> tuple[str, str]:
    """YAML front matter as large as the file, then a short article."""
    lines = _repeat(size, _numbered("key{n}: [190 miles, 306 km, {n}]\n"))
    return "front-matter.md", f"---\nstory: big\n{lines}---\n\n{NEWS}\n"


def many_directives(size: int) -> tuple[str, str]:
    """A suppression comment on every line, each line with a wrong conversion."""
    return "directives.md", _repeat(
        size,
        _cycle(
            "<!-- numcheck: disable NC101 -->\nIt flew 190 miles (360 km).\n"
            "<!-- numcheck: enable NC101 -->\nIt flew 190 miles (360 km).\n\n"
        ),
    )


SHAPES: dict[str, Callable[[int], tuple[str, str]]] = {
    "long-line": long_line,
    "one-subject": one_subject,
    "alternating": alternating,
    "no-paragraph-break": no_paragraph_break,
    "table": table,
    "rtl": rtl,
    "emoji": emoji,
    "lone-cr": lone_cr,
    "between": between,
    "huge-exponent": huge_exponent,
    "unclosed-comment": unclosed_comment,
    "front-matter": front_matter,
    "many-directives": many_directives,
}
