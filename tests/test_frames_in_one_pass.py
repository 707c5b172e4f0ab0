"""Frames read in one pass over a document equal frames read claim by claim.

A document's claims are framed in order, and overlapping sentences share their tokens and
times (``numcheck.alignment.frames._Reading``); each table row is a text where sentences
overlap (no sentence end the frames can see, long lines, times near a sentence's edge) and
the test compares every claim's frame with the frame read from scratch for that claim alone.
"""

from __future__ import annotations

import random
import re

import pytest

from numcheck.alignment import frames
from numcheck.extraction.extract import extract
from numcheck.reading.discover import read_document

NEWS = (
    "Russia has deployed over 10,000 North Korean troops near Kursk, officials said last "
    "year. The missile has a range of up to 190 miles (306 km), about twice the old one. "
)
TEXTS = [
    ("news.txt", NEWS * 12),
    ("one-line.txt", (NEWS + "In 2019 the army sent 4,000 men; two years ago it sent 300. ") * 10),
    ("between.txt", "between 5 and " * 200),
    ("no-capitals.txt", "the army sent 300 troops in march 2019 and 4,000 in 2020-21 then " * 40),
    (
        "rtl.txt",
        "أرسلت روسيا أكثر من 10,000 جندي، وقال المسؤولون إن المدى يصل إلى 190 ميلا (306 كم). "
        "הצבא שלח 11,000 חיילים למרחק של 190 miles (306 km) מהגבול, כך נמסר. " * 20,
    ),
    ("lone-cr.txt", NEWS.replace(". ", ".\r") * 12),
    ("spaces.txt", "sent 300 troops last        year and 4,000 " * 30),
    ("digits.txt", "sent 300 troops in 12345678901234567890-month terms and 4,000 " * 30),
    ("table.md", "| a | b |\n|---|---|\n" + "| 5 km (3 mi) | over 10,000 troops in 2019 |\n" * 40),
    ("list.md", "Key figures:\n\n" + "- Troops: 10,000 sent last year\n" * 30),
    ("label.txt", "Range: 190 miles (306 km)\nTroops: over 10,000\n" * 30),
    # Sentences written alike after sentences with other times, in a list item or not.
    (
        "context.txt",
        "".join(
            f"In {year} costs fell. Sales rose 5%. The rest of the figures stayed where they were. "
            for year in range(1990, 2020)
        ),
    ),
    ("listed.md", "- Sales rose 5% last year.\n\nSales rose 5% last year.\n\n" * 15),
]


def _alone(document, claim):
    """The frame of ``claim`` read from scratch: no sentence or time read before it."""
    return frames._Reading(document).frame(claim)


@pytest.mark.parametrize(("name", "text"), TEXTS, ids=[name for name, _ in TEXTS])
def test_frames_read_in_one_pass_equal_frames_read_alone(name: str, text: str) -> None:
    document = read_document(name, text)
    claims = extract(document)
    assert len(claims) > 20
    reading = frames._Reading(document)
    for claim in claims:
        assert reading.frame(claim) == _alone(document, claim), claim.text


def _found(prose: str, matches) -> list[tuple[int, int, str, tuple[str, ...]]]:
    """Where each time is, as written in ``prose``, and the forms it matched (the index
    matches in a lowered copy of the text)."""
    return [
        (
            m.start(),
            m.end(),
            prose[m.start() : m.end()],
            tuple(k for k, v in m.groupdict().items() if v),
        )
        for m in matches
    ]


def _times_alone(prose: str, first: int, last: int) -> list[tuple[int, int, str, tuple[str, ...]]]:
    return _found(prose, frames._TIME.finditer(prose, first, last))


@pytest.mark.parametrize("seed", range(5))
def test_times_of_a_stretch_are_those_found_in_it_alone(seed: int) -> None:
    pieces = [
        "in 2019 ", "last year ", "two years ago ", "1989-90 ", "March ", "on Monday ",
        "the fourth quarter ", "20191 ", "last  ", "year ", "troops ", "sent 300 ", "q3 ",
        "12345678901234567 ", "last         year ", "2019-", "last years ", "two weeks agony ",
    ]  # fmt: skip
    chooser = random.Random(seed)
    prose = "".join(chooser.choice(pieces) for _ in range(400))
    index = frames._TimeIndex(prose, frames._lowered(prose))
    first = 0
    while first < len(prose) - 10:
        last = min(len(prose), first + chooser.randint(1, 600))
        found = _found(prose, index.within(first, last))
        assert found == _times_alone(prose, first, last), (first, last)
        index.forget_before(first - 2 * frames.LOOK_BACK)
        first += chooser.randint(1, 40)


@pytest.mark.parametrize(
    "prose",
    [
        "In MARCH 2019 and last Year, two WEEKS AGO, Q3, on Monday; BUT Whereas ",
        "On \u212aelvin Monday, \u0130n 2019 and last year, And ",  # "İ" lowers to two characters
        "ſunday, thıs year, in March 2019 and the Fourth Quarter, ſo but ",  # IGNORECASE: "s", "i"
        "Το 2019, τον Μάρτιο ΣΑΣ, last year and 1989–90, Whereas ",
    ],
)
def test_patterns_find_in_lowered_text_what_ignorecase_finds(prose: str) -> None:
    prose *= 3
    lowered = frames._lowered(prose)
    index = frames._TimeIndex(prose, lowered)
    assert _found(prose, index.within(0, len(prose))) == _times_alone(prose, 0, len(prose))
    breaks = [m.span() for m in frames._CLAUSE_BREAK.finditer(prose)]
    if lowered is not None:
        assert [m.span() for m in frames._CLAUSE_BREAK_LOWERED.finditer(lowered)] == breaks


def _listed_alone(source: str, offset: int) -> bool:
    prefix = source[source.rfind("\n", 0, offset) + 1 : offset]
    return bool(re.match(frames._LISTED_LINE, prefix)) or "|" in prefix


@pytest.mark.parametrize("in_order", [True, False])
def test_a_line_is_listed_as_when_read_alone(in_order: bool) -> None:
    source = "".join(text for _, text in TEXTS[-3:]) + "Plain: a | b 5 km\n  - 3 km\n1. 4 km"
    offsets = list(range(len(source) + 1))
    if not in_order:
        random.Random(1).shuffle(offsets)
    lines = frames._Lines(source)
    for offset in offsets:
        assert lines.listed(offset) == _listed_alone(source, offset), offset


def test_a_reading_keeps_only_the_sentences_a_later_claim_can_reach() -> None:
    text = "between 5 and " * 1_000 + "in 2019 and " * 2_000 + "5 km in        2019 " * 1_000
    document = read_document("between.txt", text)
    reading = frames._Reading(document)
    for claim in extract(document):
        reading.frame(claim)
        assert len(reading.sentences) <= 2 * frames.LOOK_BACK
    assert len(reading.times.times.matches) <= 1024
    assert len(reading.times.runs.matches) <= 1024
