"""Agreement semantics as a table: two documents of one story, each with one sentence.

The first document gives the reference figure (it comes first), so a finding, if any, is on
the second: NC202 when the two cannot both be true, NC203 when they differ but can, nothing
when they state the same figure or are not about the same thing.
"""

from __future__ import annotations

import pytest

from numcheck.api import check_documents
from numcheck.reading.documents import plain_text_document

SAME, VARIANCE, CONFLICT = None, "NC203", "NC202"

PAIRS = [
    # counts: exact figures carry the precision of their digits
    (
        "Russia deployed 11,000 North Korean troops.",
        "Russia deployed 11,000 North Korean troops.",
        SAME,
    ),
    (
        "Russia deployed 11,000 North Korean troops.",
        "Russia deployed 3,000 North Korean troops.",
        CONFLICT,
    ),
    (
        "Russia deployed 11,000 North Korean troops.",
        "Russia deployed 12,000 North Korean troops.",
        CONFLICT,
    ),
    (
        "Russia deployed 10,000 North Korean troops.",
        "Russia deployed 11,000 North Korean troops.",
        CONFLICT,
    ),
    (
        "Russia deployed 10,000 North Korean troops.",
        "Russia deployed 10,200 North Korean troops.",
        SAME,
    ),
    (
        "Russia deployed 10,000 North Korean troops.",
        "Russia deployed 14,000 North Korean troops.",
        CONFLICT,
    ),
    ("The crash killed 132 people.", "The crash killed 133 people.", CONFLICT),
    ("The crash killed 132 people.", "The crash killed 132 people.", SAME),
    ("The crash killed 132 people.", "The crash killed about 130 people.", SAME),
    ("The crash killed 132 people.", "The crash killed more than 100 people.", VARIANCE),
    ("The crash killed 132 people.", "The crash killed more than 150 people.", CONFLICT),
    ("The crash killed 132 people.", "The crash killed fewer than 100 people.", CONFLICT),
    ("The crash killed 132 people.", "The crash killed fewer than 150 people.", VARIANCE),
    ("The crash killed 132 people.", "The crash killed between 120 and 140 people.", VARIANCE),
    ("The crash killed 132 people.", "The crash killed between 140 and 160 people.", CONFLICT),
    # lower bounds
    (
        "Sources said over 10,000 North Korean troops were sent.",
        "Sources said 11,000 North Korean troops were sent.",
        VARIANCE,
    ),
    (
        "Sources said over 10,000 North Korean troops were sent.",
        "Sources said about 3,000 North Korean troops were sent.",
        CONFLICT,
    ),
    (
        "Sources said over 10,000 North Korean troops were sent.",
        "Sources said more than 10,000 North Korean troops were sent.",
        SAME,
    ),
    (
        "Sources said over 10,000 North Korean troops were sent.",
        "Sources said greater than 10,000 North Korean soldiers were sent.",
        SAME,
    ),
    (
        "Sources said over 10,000 North Korean troops were sent.",
        "Sources said at least 12,000 North Korean troops were sent.",
        VARIANCE,
    ),
    (
        "Sources said over 10,000 North Korean troops were sent.",
        "Sources said fewer than 5,000 North Korean troops were sent.",
        CONFLICT,
    ),
    (
        "Sources said over 10,000 North Korean troops were sent.",
        "Sources said fewer than 20,000 North Korean troops were sent.",
        VARIANCE,
    ),
    (
        "Sources said over 10,000 North Korean troops were sent.",
        "Sources said 9,000 North Korean troops were sent.",
        CONFLICT,
    ),
    (
        "Sources said over 10,000 North Korean troops were sent.",
        "Sources said 10,000 North Korean troops were sent.",
        SAME,
    ),
    # approximate figures widen
    ("Police said about 3,000 people marched.", "Police said 3,200 people marched.", VARIANCE),
    ("Police said about 3,000 people marched.", "Police said 4,000 people marched.", CONFLICT),
    ("Police said about 3,000 people marched.", "Police said roughly 3,000 people marched.", SAME),
    ("Police said about 3,000 people marched.", "Police said nearly 3,000 people marched.", SAME),
    (
        "Police said some 3,000 people marched.",
        "Police said around 2,800 people marched.",
        VARIANCE,
    ),
    (
        "Police said approximately 3,000 people marched.",
        "Police said almost 5,000 people marched.",
        CONFLICT,
    ),
    # stated maxima: "up to" is the maximum itself
    (
        "ATACMS missiles have a range of up to 190 miles.",
        "ATACMS missiles have a range of up to 190 miles.",
        SAME,
    ),
    (
        "ATACMS missiles have a range of up to 190 miles.",
        "ATACMS missiles have a range of up to 120 miles.",
        CONFLICT,
    ),
    (
        "ATACMS missiles have a range of up to 190 miles.",
        "ATACMS missiles have a range of about 190 miles.",
        SAME,
    ),
    (
        "ATACMS missiles have a range of up to 190 miles.",
        "ATACMS missiles have a range of as much as 190 miles.",
        SAME,
    ),
    (
        "ATACMS missiles have a range of up to 190 miles.",
        "ATACMS missiles have a range of 300 km.",
        SAME,
    ),
    (
        "ATACMS missiles have a range of up to 190 miles.",
        "ATACMS missiles have a range of up to 306 km.",
        SAME,
    ),
    (
        "ATACMS missiles have a range of up to 190 miles.",
        "ATACMS missiles have a range of up to 193 km.",
        CONFLICT,
    ),
    (
        "ATACMS missiles have a range of up to 190 miles.",
        "ATACMS missiles have a range of about 120 miles.",
        VARIANCE,
    ),
    (
        "ATACMS missiles have a range of up to 190 miles.",
        "ATACMS missiles have a range of at most 220 miles.",
        CONFLICT,
    ),
    # "200" may be 190 rounded to the hundred (within 5%), so it states the same maximum
    (
        "ATACMS missiles have a range of up to 190 miles.",
        "ATACMS missiles have a range of at most 200 miles.",
        SAME,
    ),
    (
        "Officials said up to 15,000 troops could be sent.",
        "Officials said 11,000 troops could be sent.",
        VARIANCE,
    ),
    (
        "Officials said up to 15,000 troops could be sent.",
        "Officials said 20,000 troops could be sent.",
        CONFLICT,
    ),
    # measures are compared in one unit
    ("The storm brought winds of 100 mph.", "The storm brought winds of 161 km/h.", SAME),
    ("The storm brought winds of 100 mph.", "The storm brought winds of 120 km/h.", CONFLICT),
    ("The lake covers 1,000 square miles.", "The lake covers 2,590 km².", SAME),
    ("The lake covers 1,000 square miles.", "The lake covers 1,000 km².", CONFLICT),
    ("Temperatures reached 30C.", "Temperatures reached 86F.", None),
    ("The plant has a capacity of 1,200 MW.", "The plant has a capacity of 1.2 GW.", SAME),
    ("The plant has a capacity of 1,200 MW.", "The plant has a capacity of 2 GW.", CONFLICT),
    ("The ship has a weight of 9,000 tonnes.", "The ship has a weight of 9 million kg.", SAME),
    # money and percentages
    ("Congress approved a $5bn package.", "Congress approved a $5 billion package.", SAME),
    ("Congress approved a $5bn package.", "Congress approved a $6bn package.", CONFLICT),
    ("Congress approved a $5bn package.", "Congress approved a £5bn package.", None),
    ("Prices saw a 25% rise.", "Prices saw a 25 per cent rise.", SAME),
    ("Prices saw a 25% rise.", "Prices saw a 30% rise.", CONFLICT),
    # different subjects are never compared
    ("Russia deployed 11,000 North Korean troops.", "Russia deployed 3,000 Russian troops.", None),
    (
        "Russia deployed 11,000 North Korean troops.",
        "Russia deployed 3,000 North Korean tanks.",
        None,
    ),
    (
        "ATACMS missiles have a range of up to 190 miles.",
        "HIMARS rockets have a range of up to 50 miles.",
        None,
    ),
    (
        "ATACMS missiles have a range of up to 190 miles.",
        "Trump proposed an 800-mile buffer zone.",
        None,
    ),
    (
        "Ukraine may pause its NATO aspirations for 20 years.",
        "Ukraine can fight effectively next 12 months.",
        None,
    ),
    ("The crash killed 132 people.", "The crash injured 40 passengers.", None),
    (
        "Two U.S. officials confirmed the decision.",
        "Two months remain before the inauguration.",
        None,
    ),
    ("It lasted 12 months.", "It lasted 20 months.", None),
    ("The crash killed 132 people.", "The crash killed 40% of the passengers.", None),
]


def _story_of_two(first: str, second: str):
    documents = [plain_text_document("a.txt", first), plain_text_document("b.txt", second)]
    return check_documents(documents, story_groups={"story": ["*.txt"]})


@pytest.mark.parametrize(("first", "second", "expected"), PAIRS)
def test_pair(first: str, second: str, expected: str | None) -> None:
    result = _story_of_two(first, second)
    found = [(f.path, f.code) for f in result.findings if f.code.startswith("NC2")]
    assert found == ([("b.txt", expected)] if expected else [])


def test_at_least_sixty_pairs() -> None:
    assert len(PAIRS) >= 60


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia sent 11,000 troops to the front.\n\nLater it said 3,000 troops had arrived.\n",
            ["NC201"],
        ),
        (
            "Russia sent 11,000 troops to the front.\n\nLater it said 11,000 troops had arrived.\n",
            [],
        ),
        ("Russia sent over 10,000 troops.\n\nOfficials later said 11,000 troops were there.\n", []),
        (
            "The range is up to 190 miles (306 km), and ATACMS have a range of up to 190 miles.\n",
            [],
        ),
        ("Russia sent 11,000 troops.\n\nIt also sent 300 tanks and 3,000 trucks.\n", []),
        ("The quake killed 120 people. Later reports said 250 people were killed.\n", ["NC201"]),
        # one sentence contrasts its figures on purpose
        ("The firm cut 500 jobs in March and 1,200 jobs in June.\n", []),
        ("Russia sent 11,000 troops, not 3,000 troops as first reported.\n", []),
        # a part or an addition is not the whole
        ("Russia sent 11,000 troops.\n\nIt will send another 3,000 troops in May.\n", []),
        ("Russia sent 11,000 troops.\n\nIt will send 3,000 more troops in May.\n", []),
        ("Russia sent 11,000 troops.\n\nAn additional 3,000 troops will follow.\n", []),
        ("Russia sent 11,000 troops.\n\nThe remaining 3,000 troops stayed home.\n", []),
        ("Russia sent 11,000 troops.\n\nOfficials now say it sent 3,000 troops.\n", ["NC201"]),
    ],
)
def test_within_one_document(text: str, expected: list[str]) -> None:
    result = check_documents([plain_text_document("one.txt", text)])
    assert [f.code for f in result.findings] == expected


def test_related_places_name_the_other_document() -> None:
    result = _story_of_two(
        "Sources said over 10,000 North Korean troops were sent.",
        "Sources said about 3,000 North Korean troops were sent.",
    )
    (finding,) = result.findings
    assert finding.code == "NC202" and finding.level == "warning"
    assert [(r.location.path, r.location.column) for r in finding.related] == [("a.txt", 14)]
    assert "over 10,000" in finding.related[0].message
    assert "about 3,000" in finding.message and "over 10,000" in finding.message
