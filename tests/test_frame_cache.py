"""The frame cache: an editor buffer framed edit after edit keeps the frames of the paragraphs
an edit did not touch, and every claim, key and frame it gives is the one a fresh run gives,
also when an edit changes what frames another paragraph (a name, a word just before or after
it, the claim a conversion restates)."""

from __future__ import annotations

import pytest

from numcheck.alignment.frame_cache import FrameCache
from numcheck.api import document_claims
from numcheck.extraction.extract import MatchCache
from numcheck.reading.discover import read_document

CLUB = (
    "The club said its new stadium would open next season after years of delays and a long "
    "fight with the city over roads parking noise and money while fans waited outside in the "
    "cold for news about tickets prices seats and the team itself which had played away from "
    "home for most of the decade and then some more people came to see what the fuss was "
    "all about on that day."
)
FIGURES = "Kyiv said 400 drones had reached Kharkiv. The 700 tanks came in March."
TWO = f"{FIGURES}\n\nOdesa said 90 ferries had reached Sumy."


def framed_in_turn(texts: list[str]) -> list[tuple[int, int]]:
    """Frame each text in turn as one buffer; check each run against a fresh one and give
    (paragraphs framed, paragraphs reused) of each run."""
    cache, frames = MatchCache(), FrameCache()
    counts = []
    for text in texts:
        document = read_document("article.md", text)
        assert document_claims(document, cache, frames) == document_claims(document)
        counts.append((frames.framed, frames.reused))
    return counts


def frames_of(text: str) -> list[tuple]:
    claims = document_claims(read_document("article.md", text))
    return [(claim.text, claim.key, claim.frame) for claim in claims]


# (before, after, paragraphs with claims framed again after the edit): the edit changes what
# frames another paragraph than the one it touches, so the fresh frames differ and the cache
# must see it.
CONTEXT_EDITS = [
    pytest.param(
        f"Arsenal signed 12 players last summer.\n\n{FIGURES}\n\n{CLUB}",
        f"Arsenal signed 12 players last summer.\n\n{FIGURES}\n\nThe arsenal of {CLUB}",
        # "Arsenal" opens its sentence: a name only while no "arsenal" is written elsewhere
        2,
        id="a name written in lower case elsewhere",
    ),
    pytest.param(
        f"{FIGURES}\n\nThey sent some\n\n3,000 troops to Kursk.",
        f"{FIGURES}\n\nThey sent another\n\n3,000 troops to Kursk.",
        # "another 3,000 troops" is a part: no key, though a blank line stands between (the
        # paragraph edited holds no claim)
        1,
        id="another at the end of the paragraph before",
    ),
    pytest.param(
        f"{FIGURES}\n\nThe rocket has a range of 190 miles\n\nor so.",
        f"{FIGURES}\n\nThe rocket has a range of 190 miles\n\nmore or less.",
        # "190 miles more" is an addition: no key, though a blank line stands between
        1,
        id="more at the start of the paragraph after",
    ),
    pytest.param(
        f"{FIGURES}\n\nThe rocket has a range of 190 miles\n\n(306 km) in 2024.",
        f"{FIGURES}\n\nThe missile flies 190 miles\n\n(306 km) in 2024.",
        # the conversion that opens a paragraph takes the frame of the claim it restates
        1,
        id="the claim a conversion restates",
    ),
]


@pytest.mark.parametrize(("before", "after", "framed"), CONTEXT_EDITS)
def test_an_edit_that_changes_another_paragraphs_frames(before, after, framed):
    assert frames_of(before) != frames_of(after)  # the case shows what it says it shows
    counts = framed_in_turn([before, after, before])
    assert counts[1][0] == framed


def test_the_paragraph_after_a_day_does_not_say_when_it_was_reported():
    """A day that ends a paragraph dates its figure whatever the next paragraph begins with
    ("said" after it would make it the day of a report within one paragraph)."""
    before, after = (
        "Sales rose 5% on Monday\n\nsaid the report.",
        "Sales rose 5% on Monday\n\nand the report.",
    )
    assert frames_of(before) == frames_of(after)
    assert frames_of(before)[0][2].anchors.time == ("monday",)
    assert frames_of("Sales rose 5% on Monday said the report.")[0][2].anchors.time == ()
    framed_in_turn([before, after, before])


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # a figure changed in the last paragraph: only it is framed again
        (f"{TWO}\n\nIt sent 3,000 troops.", f"{TWO}\n\nIt sent 4,000 troops."),
        # a word typed in the first paragraph moves the others: they keep their frames
        (f"{TWO}\n\nIt sent 3,000 troops.", f"Then {TWO}\n\nIt sent 3,000 troops."),
        # a paragraph added at the end
        (TWO, f"{TWO}\n\nIt sent 3,000 troops."),
    ],
)  # fmt: skip
def test_only_the_paragraphs_an_edit_touched_are_framed_again(before, after):
    counts = framed_in_turn([before, after])
    assert counts[1] == (1, len(after.split("\n\n")) - 1)


def test_markup_that_the_prose_does_not_show():
    """A comment is blanked out of the prose, but a colon in it makes a "Label:" line."""
    listed = f"{FIGURES}\n\nKyiv said <!-- note: check -->400 drones had reached Kharkiv."
    plain = listed.replace("note: check", "note; check")
    assert frames_of(listed) != frames_of(plain)
    assert framed_in_turn([listed, plain, listed])[1] == (1, 1)


@pytest.mark.parametrize(
    "text",
    [
        "- 400 drones\n- 700 tanks\n\nKyiv said 400 drones had reached Kharkiv.",
        "| drones | 400 |\n|---|---|\n| tanks | 700 |\n\nThe 700 tanks came in March.",
        "> He said 3,000 troops arrived.”\n\nthe end, in 2024, of 5 km.",
        "In 2024 sales rose.\nIt sold 300 cars.\n\nThe 700 tanks came in March.",
    ],
)
def test_lists_tables_quotations_and_line_ends(text):
    """Every paragraph edited in turn, then each edit undone: fresh frames every time."""
    parts = text.split("\n\n")
    versions = [text]
    for index in range(len(parts)):
        changed = list(parts)
        changed[index] = changed[index].replace("0", "1", 1) + " In 2020, 9 more."
        versions.append("\n\n".join(changed))
        versions.append(text)
    framed_in_turn(versions)


def test_a_rule_pack_change_frames_everything_again(tmp_path):
    from numcheck.rulepacks import _extra_dirs
    from numcheck.rulepacks import add_pack_dirs
    from numcheck.rulepacks import load_kind

    (tmp_path / "events.yaml").write_text(
        "kind: frames\nevents:\n  grounded: [grounded, beached]\n", encoding="utf-8"
    )
    document = read_document("article.md", f"{FIGURES}\n\nStorms beached 40 ships.")
    cache, frames = MatchCache(), FrameCache()
    before = document_claims(document, cache, frames)
    add_pack_dirs([str(tmp_path)])
    try:
        after = document_claims(document, cache, frames)
        assert after == document_claims(document)
        assert frames.reused == 0
    finally:
        _extra_dirs.remove(str(tmp_path))
        load_kind.cache_clear()
    assert before[-1].frame.event is None and after[-1].frame.event == "grounded"
