"""Agreement verdicts: which restatements of one fact become NC201, NC202 or NC203.

Whether two claims state one fact is ``tests/test_facts.py``; these tables give several
documents of one story (or one document) and the findings expected on each.
"""

from __future__ import annotations

import random

import pytest

from numcheck.api import check_documents
from numcheck.checks import Corpus
from numcheck.checks.agreement import MAX_RELATED
from numcheck.checks.agreement import story_figures
from numcheck.reading.documents import plain_text_document
from testing.claims import claims_of

TROOPS = "Sources said {} North Korean troops were sent to Russia to fight in Kursk."
# Two reports of one election result, the second in a clause about another party too.
SEATS = [
    "Golden Dawn won 18 seats in parliament.",
    "The leftist Syriza party gained 71 seats, while the far-right Golden Dawn party had 6.9 "
    "per cent of the vote, earning 18 seats.",
]
# Three reports of one election, the last with Syriza's seats to fill in.
ELECTION = [
    "In the election, Syriza won 71 seats in parliament.",
    "With almost all ballots counted, New Democracy has 29.7% of the vote (129 seats), Syriza "
    "26.9% (71) and Pasok 12.3% (33).",
    "The leftist Syriza party, which surged on anti-austerity anger, was second, with 27 "
    "percent of the vote and {} seats.",
]
# A quotation told in two articles.
QUOTE = (
    '"He is the same man who drove me and our new baby daughter home from the hospital {} '
    'years ago this summer," she said in her speech.'
)
# Three reviews of one phone that give its memory one figure in other words.
RAM = [
    "The S5 offers 2GB of RAM and a big battery.",
    "Thanks to a quad-core chip and 2GB of RAM, it is fast.",
    "The phone has 2GB of RAM and 16GB of storage.",
]


def _story(*texts: str, order: list[int] | None = None):
    documents = [plain_text_document(f"{i}.txt", text) for i, text in enumerate(texts)]
    if order is not None:
        documents = [documents[i] for i in order]
    return check_documents(documents, story_groups={"story": ["*.txt"]})


def _found(result) -> list[tuple[str, str]]:
    return sorted((f.path, f.code) for f in result.findings if f.code.startswith("NC2"))


STORIES = [
    # a lone figure against a consensus of two or more is the outlier
    (
        [TROOPS.format("over 10,000"), TROOPS.format("over 10,000"), TROOPS.format("about 3,000")],
        [("2.txt", "NC202")],
    ),
    (
        [TROOPS.format("11,000"), TROOPS.format("about 11,000"), TROOPS.format("over 10,000"),
         TROOPS.format("3,000")],
        [("2.txt", "NC203"), ("3.txt", "NC202")],
    ),
    # a lone figure that can be true with the consensus is a note
    (
        [TROOPS.format("over 10,000"), TROOPS.format("over 10,000"), TROOPS.format("11,000")],
        [("2.txt", "NC203")],
    ),
    # one against one: close rewrites that cannot both be true are both flagged
    ([TROOPS.format("11,000"), TROOPS.format("3,000")], [("0.txt", "NC202"), ("1.txt", "NC202")]),
    # two against two: the story may have changed, so notes at most
    (
        [TROOPS.format("11,000"), TROOPS.format("11,000"), TROOPS.format("3,000"),
         TROOPS.format("3,000")],
        [("0.txt", "NC203"), ("1.txt", "NC203"), ("2.txt", "NC203"), ("3.txt", "NC203")],
    ),
    # agreement everywhere: nothing
    ([TROOPS.format("over 10,000"), TROOPS.format("more than 10,000"),
      TROOPS.format("greater than 10,000")], []),
    # a figure dated by the calendar where the claim names no time may be an older one: it
    # joins no consensus against it ("May 2006: a £2.5bn deal" against a headline's "new
    # £625m deal"); a close rewrite still is one
    (["Premiership in new £625m TV deal",
      "BT bought a large slice of the rights, boosting the Premier League's next TV deal to "
      "a record £3bn over three years.",
      "May 2006: Scudamore secures a £2.5bn global TV deal for the Premier League."],
     [("0.txt", "NC203"), ("1.txt", "NC203"), ("2.txt", "NC203")]),
    ([TROOPS.format("over 10,000"),
      "In October, sources said over 10,000 North Korean troops were sent to Russia to fight "
      "in Kursk.", TROOPS.format("about 3,000")],
     [("2.txt", "NC202")]),
    # a figure about another fact of the same story is never compared
    ([TROOPS.format("11,000"), "Sources said 3,000 Russian troops were sent to Kursk."], []),
    ([TROOPS.format("11,000"), "In 2019, sources said 3,000 North Korean troops were sent."],
     [("0.txt", "NC203"), ("1.txt", "NC203")]),
    # a story that gives a fact one figure in three or more other documents, told in other
    # words each time, stands against a claim that may restate it
    ([*RAM, "Thanks to a fast processor and 3GB of RAM, the phone flies."], [("3.txt", "NC202")]),
    ([*RAM, "Its 3GB of RAM makes the phone fly."], [("3.txt", "NC202")]),
    # ... but not with two documents behind it, nor when the story gives other figures
    ([*RAM[:2], "Thanks to a fast processor and 3GB of RAM, the phone flies."], []),
    ([*RAM[:2], "The phone has 3GB of RAM and 16GB of storage.",
      "Thanks to a fast processor and 1GB of RAM, the phone flies."], []),
    # ... nor against a claim that names what the others do not, or dates its figure alone,
    # or states no fact
    ([*RAM, "The Note 3 packs 3GB of RAM into a bigger body."], []),
    ([*RAM, "Last year the phone shipped with 1GB of RAM."], []),
    ([*RAM, "If the phone had 3GB of RAM, it would fly."], []),
    ([*RAM, "The phone has 2GB of RAM and a 5.1-inch screen."], []),
    # two documents are enough when one of them is aligned with the claim; the clause's
    # other names must be told on both sides ("Golden Dawn party, known for ..., won")
    ([*SEATS, "The extreme right Golden Dawn party got 9 seats."], [("2.txt", "NC202")]),
    ([*SEATS, "In an election in which the neo-Nazi Golden Dawn party, known for its "
      "scuffles with immigrants, won 9 seats in Parliament, Mr. Samaras won."],
     [("2.txt", "NC202")]),
    # the owner of a figure read through "the Syriza party, which", and a count in brackets
    # ("Syriza 26.9% (71)") that counts the seats an earlier one in its sentence counts
    ([*ELECTION[:2], ELECTION[2].format(71)], []),
    ([*ELECTION[:2], ELECTION[2].format(36)], [("2.txt", "NC202")]),
    ([*ELECTION[:2], ELECTION[2].format(107)], [("2.txt", "NC202")]),
    # ... but a figure within 5% of the story's, in other words, is a revision: a note
    ([*ELECTION[:2], ELECTION[2].format(72)], [("2.txt", "NC203")]),
    # ... not when neither is aligned with it: another fact in other words
    (["Citrus canker destroyed 500,000 trees around Emerald.",
      "The outbreak led to the destruction of all citrus in the region, about 500,000 trees.",
      "Under a replacement project 5,000 trees will be planted every day for four months."],
     []),
    # a claim without a key in a close copy of a sentence of another document: a quotation
    ([QUOTE.format("10"), QUOTE.format("5")], [("0.txt", "NC202"), ("1.txt", "NC202")]),
    ([QUOTE.format("10"), QUOTE.format("5"), QUOTE.format("10")], [("1.txt", "NC202")]),
    ([QUOTE.format("10"), QUOTE.format("10")], []),
    ([QUOTE.format("10"), QUOTE.format("about 10")], []),
    # ... not other words around the figure, nor a line too short to call a copy
    (["She drove home from the hospital 10 years ago this summer, she said.",
      "The family moved to Chicago 5 years ago this summer, she said."], []),
    (["Body Dimensions 142 x 72.5 x 8.1 mm", "Body Dimensions 136.6 x 69.8 x 7.9 mm"], []),
    (["In a normal year almost 4,000 gigalitres of water flows down the system.",
      "It is designed to help supply 500 gigalitres of water under the Murray Initiative.",
      "The shortfall in the Murray River is some 500 gigalitres."], []),
]  # fmt: skip


@pytest.mark.parametrize(("texts", "expected"), STORIES)
def test_story(texts: list[str], expected: list[tuple[str, str]]) -> None:
    assert _found(_story(*texts)) == expected


@pytest.mark.parametrize(("texts", "expected"), STORIES)
def test_the_order_of_the_documents_does_not_matter(
    texts: list[str], expected: list[tuple[str, str]]
) -> None:
    for seed in range(3):
        order = list(range(len(texts)))
        random.Random(seed).shuffle(order)
        assert _found(_story(*texts, order=order)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a restatement that cannot be true with the first statement
        ("The quake killed 120 people. Later reports said 250 people were killed.\n", ["NC201"]),
        ("Russia sent 11,000 troops.\n\nOfficials now say it sent 3,000 troops.\n", ["NC201"]),
        (
            "The US believes that greater than 10,000 North Korean soldiers have been sent to "
            "Russia.\n\nNorth Korea has sent about 3,000 soldiers to Russia, officials now say.\n",
            ["NC201"],
        ),
        ("Russia sent 11,000 troops to the front.\n\nLater it sent 11,000 troops again.\n", []),
        ("Russia sent over 10,000 troops.\n\nOfficials later said 11,000 troops were sent.\n", []),
        # one sentence contrasts its figures on purpose
        ("The firm cut 500 jobs in March and 1,200 jobs in June.\n", []),
        ("Russia sent 11,000 troops, not 3,000 troops as first reported.\n", []),
        # a part, an addition, or another fact
        ("Russia sent 11,000 troops.\n\nIt will send another 3,000 troops in May.\n", []),
        ("Russia sent 11,000 troops.\n\nIt will send 3,000 more troops in May.\n", []),
        ("Russia sent 11,000 troops.\n\nThe remaining 3,000 troops stayed home.\n", []),
        ("Russia sent 11,000 troops to the front.\n\nLater 3,000 troops had arrived.\n", []),
        ("Russia sent 11,000 troops.\n\nIt also sent 300 tanks and 3,000 trucks.\n", []),
        # a time, an owner or a place named on one side only, or other names taking part
        (
            "RMS had a loss of $158,666 in the third quarter. Sales rose to $3 million.\n\n"
            "For the nine months, RMS lost $608,413. Sales rose to $9.8 million.\n",
            [],
        ),
        (
            "USX posted a 23% drop in profit as sales rose 5% to $4.4 billion.\n\n"
            "Bethlehem Steel Corp., which posted a 54% drop in profit, saw sales rise 10%.\n",
            [],
        ),
        (
            "Liverpool signed Andy Carroll for a club record fee of about £35m.\n\n"
            "Liverpool also signed Luis Suarez for a £22.7m fee.\n",
            [],
        ),
        # lists, tables and label lines hold parallel facts
        ("1989-90: 19 players born in UK\n2009-10: four players born in UK\n", []),
        ("- Hayne, $7,500 fine\n- Canepa, $10,000 fine\n- Crane, $2,000 fine\n", []),
        ("| club | players |\n|---|---|\n| Arsenal | 23 players |\n| Chelsea | 12 players |\n", []),
        # four or more figures for one subject in one document enumerate parallel facts
        (
            "The 7.20% bonds are due 2009. The 7 3/8% bonds are due 2009.\n\n"
            "The 7.40% bonds are due 2009. The 7 5/8% bonds are due 2009.\n",
            [],
        ),
    ],
)
def test_within_one_document(text: str, expected: list[str]) -> None:
    result = check_documents([plain_text_document("one.md", text)])
    assert [f.code for f in result.findings] == expected


def test_messages_name_the_fact_and_the_related_places() -> None:
    result = _story(TROOPS.format("over 10,000"), TROOPS.format("over 10,000"),
                    TROOPS.format("about 3,000"))  # fmt: skip
    (finding,) = result.findings
    assert finding.code == "NC202" and finding.level == "warning"
    assert finding.message == (
        "North Korean troops deployed: 'about 3,000' disagrees with 2 other documents of this "
        "story, which say 'over 10,000'"
    )
    assert [(r.location.path, r.location.column) for r in finding.related] == [
        ("0.txt", 14), ("1.txt", 14)
    ]  # fmt: skip
    assert all(r.message == "says 'over 10,000'" for r in finding.related)


def test_a_soft_line_break_is_a_space_in_messages() -> None:
    result = _story(
        TROOPS.format("over 10,000"), TROOPS.format("over 10,000"),
        "Sources said about\n3,000 North Korean troops were sent to Russia to fight in Kursk.",
    )  # fmt: skip
    (finding,) = result.findings
    assert "'about 3,000'" in finding.message and "\n" not in finding.message


def test_related_places_are_bounded() -> None:
    texts = [TROOPS.format("over 10,000")] * 12 + [TROOPS.format("about 3,000")]
    (finding,) = _story(*texts).findings
    assert finding.path == "12.txt"
    assert len(finding.related) == MAX_RELATED
    assert finding.message.endswith(f"(and {12 - MAX_RELATED} more places)")


def test_story_figures_table() -> None:
    texts = [TROOPS.format("over 10,000"), TROOPS.format("11,000"), TROOPS.format("3,000")]
    documents = [plain_text_document(f"{i}.txt", text) for i, text in enumerate(texts)]
    claims = {d.path: claims_of(d.source, d.path) for d in documents}
    stories = {d.path: "korea" for d in documents}
    (table,) = story_figures(Corpus(documents, claims, stories))
    assert table.story == "korea" and table.documents == ("0.txt", "1.txt", "2.txt")
    (figure,) = table.figures
    assert figure.fact == "North Korean troops deployed"
    assert [c.text for c in figure.claims] == ["over 10,000", "11,000", "3,000"]
    assert figure.status == "conflict"
