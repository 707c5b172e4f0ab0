"""Soft line breaks in plain text: a hard-wrapped paragraph reads as one line, a file of one
paragraph (or headline, or list item) a line keeps its line ends."""

from __future__ import annotations

import textwrap

import pytest

from numcheck.api import document_claims
from numcheck.reading.documents import plain_text_document
from numcheck.reading.wrapping import soften
from numcheck.reading.wrapping import wrapped_line_breaks

PARAGRAPH = (
    "Russia has deployed about 8,000 North Korean troops to the Kursk region, where they "
    "are expected to join the fighting within days, according to two US officials familiar "
    "with the matter. Ukraine plans to deploy ATACMS rockets, a tactical ballistic missile "
    "with a range of up to 190 miles (306 km), against military installations."
)
SECOND = (
    "The decision marks a reversal of the previous stance, following months of requests "
    "from Kyiv, and comes as 11,000 troops gather near the border."
)


def _fill(width: int, separator: str = "\n\n") -> str:
    return separator.join(textwrap.fill(p, width) for p in (PARAGRAPH, SECOND)) + "\n"


def _joined(text: str) -> list[str]:
    """The pairs of lines whose line end is soft, as 'end of line|start of next'."""
    pairs = []
    for offset in wrapped_line_breaks(text):
        before = text[:offset].rsplit("\n", 1)[-1].split()[-1]
        after = text[offset + 1 :].split()[0]
        pairs.append(f"{before}|{after}")
    return pairs


@pytest.mark.parametrize("width", [40, 60, 72, 80, 100])
def test_a_hard_wrapped_file_reads_as_one_line_a_paragraph(width: int) -> None:
    text = _fill(width)
    breaks = wrapped_line_breaks(text)
    paragraph_end = text.index("\n\n")
    expected = [i for i, char in enumerate(text[:-1]) if char == "\n" and text[i + 1] != "\n"]
    expected = [i for i in expected if i != paragraph_end + 1 and text[i - 1] != "\n"]
    assert breaks == expected
    prose = soften(text, breaks)
    assert prose.replace("\n\n", "|").rstrip("\n") == f"{PARAGRAPH}|{SECOND}"


# (name, text, the line ends read as spaces, each as 'last word|next word')
CASES = [
    ("one paragraph a line", f"{PARAGRAPH}\n{SECOND}\n", []),
    ("one paragraph a line, blank lines", f"{PARAGRAPH}\n\n{SECOND}\n", []),
    (
        "headlines",
        "AWB payments to Saddam regime not bribes: ATO\n"
        "Cattle ID scheme issues being resolved: NLIS chairman\n"
        "Drought blamed for lucerne crop failure\nTurf grass producer bites the dust\n"
        "Darling River weirs may prolong water period\n",
        [],
    ),
    (
        "headline over its story",
        "Bull sale may have set records\n"
        "Despite the drought, 188 palgrove bulls sold for an average of $11,412 each.\n",
        [],
    ),
    (
        "a short list",
        "Figures:\n- 190 miles\n- 306 km\n- 10,000 troops\n",
        [],
    ),
    ("one wrapped line end is too little", "About 8,000 North Korean\ntroops were sent.\n", []),
    ("two equal lines", "A range of up to 190 miles (360 km).\n" * 2, []),
    (
        "three lines",
        "About 8,000 North Korean\ntroops were sent to\nthe region.\n",
        ["Korean|troops", "to|the"],
    ),
    (
        "crlf",
        "About 8,000 North Korean\r\ntroops were sent to\r\nthe region.\r\n",
        ["Korean|troops", "to|the"],
    ),
    (
        "a directive line is not counted",
        "numcheck: disable-next-block\n"
        "About 8,000 North Korean\ntroops were sent to\nthe region.\n",
        ["Korean|troops", "to|the"],
    ),
    (
        "a heading over a wrapped paragraph",
        "Kursk\n\nRussia has deployed about 8,000 North Korean\ntroops to the region,"
        " officials say,\nand 3,000 more are on the way.\n",
        ["Korean|troops", "say,|and"],
    ),
    (
        "a URL on a line of its own ends no line",
        "Read the report on the deployment of the\ntroops that was published at\n"
        "https://example.com/a/b/c/d\nfor details.\n",
        ["the|troops", "at|https://example.com/a/b/c/d"],
    ),
    ("no line end", "About 8,000 North Korean troops.", []),
    ("lines wider than any wrap", f"{PARAGRAPH[:150]}\n{PARAGRAPH[150:]}\n", []),
]


@pytest.mark.parametrize(
    ("text", "joined"), [pytest.param(text, joined, id=name) for name, text, joined in CASES]
)
def test_soft_line_breaks(text: str, joined: list[str]) -> None:
    assert _joined(text) == joined


def test_soften_keeps_length_and_writes_spaces_for_crlf() -> None:
    text = "About 8,000\r\ntroops\r\n"
    assert soften(text, [text.index("\n")]) == "About 8,000  troops\r\n"
    assert soften(text, []) is text


@pytest.mark.parametrize("separator", ["\n\n", "\n"])
def test_claims_of_a_wrapped_article_are_those_of_the_unwrapped_one(separator: str) -> None:
    def facts(text: str) -> list[tuple[object, ...]]:
        claims = document_claims(plain_text_document("a.txt", text))
        return [(c.text.split(), c.value, c.subject, c.key) for c in claims]

    flat = facts(f"{PARAGRAPH}\n\n{SECOND}\n")
    assert facts(_fill(60, separator)) == flat
    subjects = {subject for _, _, subject, _ in flat}
    assert {"North Korean troops", "range", "troops"} <= subjects
