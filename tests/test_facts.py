"""Fact alignment as a table of claim pairs: two documents of one story, one sentence each.

Each row says what numcheck makes of the first keyed claim of each sentence: one fact told
the same way (``SAME``: no finding), one fact told in figures that cannot both be true
(``CONFLICT``: an NC202 warning on both documents, since neither is backed by a third), one
fact told in different figures that can both be true (``VARIANCE``: an NC203 note on both),
or two different facts, named by the rule of ``numcheck.alignment.facts`` that keeps them
apart: ``subject`` (keys differ), ``event``, ``named``, ``owner``, ``place``, ``time``,
``role``, ``overlap`` (too little in common), ``nokey`` (one of them is never compared).
``CURRENCY``: money in two currencies is never compared.
"""

from __future__ import annotations

import pytest

from numcheck.alignment.facts import alignment
from numcheck.alignment.facts import may_restate
from numcheck.alignment.facts import rarity
from numcheck.alignment.facts import why_not_aligned
from numcheck.api import check_documents
from numcheck.api import document_claims
from numcheck.extraction.claims import Claim
from numcheck.reading.documents import Document
from numcheck.reading.documents import plain_text_document

SAME, CONFLICT, VARIANCE, CURRENCY = "same", "NC202", "NC203", "currency"

PAIRS = [
    # aligned, same figure
    (
        "Russia deployed 11,000 North Korean troops to Kursk.",
        "Russia has deployed 11,000 North Korean soldiers to Kursk.",
        SAME,
    ),
    (
        "Over 10,000 North Korean troops have been sent to Russia.",
        "Greater than 10,000 North Korean soldiers have been sent to Russia.",
        SAME,
    ),
    (
        "ATACMS missiles have a range of up to 190 miles.",
        "ATACMS rockets have a range of up to 306 km.",
        SAME,
    ),
    (
        "Ukraine will use ATACMS rockets, a missile with a range of up to 190 miles (306 km).",
        "The operation will employ ATACMS rockets, capable of engaging targets up to 190 miles "
        "(306 kilometers) away.",
        SAME,
    ),
    ("The crash killed 132 people.", "132 people died in the crash.", SAME),
    ("The crash killed 132 people.", "The crash killed about 130 people.", SAME),
    (
        "The earthquake killed 2,400 people in the province.",
        "Some 2,400 people were killed by the earthquake in the province.",
        SAME,
    ),
    (
        "Firefighters evacuated 30,000 residents as the fire spread.",
        "About 30,000 residents fled as the fire spread, firefighters said.",
        SAME,
    ),
    (
        "Congress approved a $5bn package for the region.",
        "Congress approved a $5 billion package for the region.",
        SAME,
    ),
    (
        "Police arrested 45 protesters outside parliament.",
        "Forty-five protesters were arrested outside parliament, police said.",
        SAME,
    ),
    ("The storm brought winds of 100 mph.", "The storm brought winds of 161 km/h.", SAME),
    ("Lake Victoria covers 1,000 square miles.", "Lake Victoria covers 2,590 km².", SAME),
    ("The plant has a capacity of 1,200 MW.", "The plant has a capacity of 1.2 GW.", SAME),
    (
        "Samsung sold 40 percent fewer Galaxy S5 phones than expected.",
        "Samsung sold 40% fewer Galaxy S5 smartphones than expected.",
        SAME,
    ),
    ("Prices saw a 25% rise this spring.", "Prices saw a 25 per cent rise this spring.", SAME),
    (
        "The S5 has a 5.1-inch Super AMOLED display.",
        "The phone comes with a 5.1-inch Super AMOLED screen.",
        SAME,
    ),
    (
        "Arsenal had just two players born outside the UK.",
        "Arsenal had only two players who were born outside the UK.",
        SAME,
    ),
    (
        "Golden Dawn won 18 seats in parliament.",
        "The Golden Dawn party got 18 seats in parliament.",
        SAME,
    ),
    (
        "The ship carries 2,000 passengers across the strait.",
        "The ship can carry about 2,000 passengers across the strait.",
        SAME,
    ),
    (
        "Officials said 400 homes were destroyed by the fire.",
        "The fire destroyed 400 homes, officials said.",
        SAME,
    ),
    # aligned, conflicting
    (
        "Russia deployed 11,000 North Korean troops to Kursk.",
        "Russia deployed 3,000 North Korean troops to Kursk.",
        CONFLICT,
    ),
    (
        "Russia deployed 11,000 North Korean troops.",
        "Russia deployed 12,000 North Korean troops.",
        CONFLICT,
    ),
    (
        "Russia deployed 10,000 North Korean troops.",
        "Russia deployed 14,000 North Korean troops.",
        CONFLICT,
    ),
    ("The crash killed 132 people.", "The crash killed 133 people.", CONFLICT),
    ("The crash killed 132 people.", "The crash killed more than 150 people.", CONFLICT),
    ("The crash killed 132 people.", "The crash killed fewer than 100 people.", CONFLICT),
    ("The crash killed 132 people.", "The crash killed between 140 and 160 people.", CONFLICT),
    (
        "Sources said over 10,000 North Korean troops were sent.",
        "Sources said about 3,000 North Korean troops were sent.",
        CONFLICT,
    ),
    (
        "Sources said over 10,000 North Korean troops were sent.",
        "Sources said fewer than 5,000 North Korean troops were sent.",
        CONFLICT,
    ),
    ("Police said about 3,000 people marched.", "Police said 4,000 people marched.", CONFLICT),
    (
        "Police said approximately 3,000 people marched.",
        "Police said almost 5,000 people marched.",
        CONFLICT,
    ),
    (
        "ATACMS missiles have a range of up to 190 miles.",
        "ATACMS missiles have a range of up to 120 miles.",
        CONFLICT,
    ),
    (
        "ATACMS missiles have a range of up to 190 miles.",
        "ATACMS missiles have a range of up to 193 km.",
        CONFLICT,
    ),
    (
        "ATACMS missiles have a range of up to 190 miles.",
        "ATACMS missiles have a range of at most 220 miles.",
        CONFLICT,
    ),
    (
        "Officials said up to 15,000 troops could be sent.",
        "Officials said 20,000 troops could be sent.",
        CONFLICT,
    ),
    ("The storm brought winds of 100 mph.", "The storm brought winds of 120 km/h.", CONFLICT),
    ("Lake Victoria covers 1,000 square miles.", "Lake Victoria covers 1,000 km².", CONFLICT),
    ("The plant has a capacity of 1,200 MW.", "The plant has a capacity of 2 GW.", CONFLICT),
    ("Congress approved a $5bn package.", "Congress approved a $6bn package.", CONFLICT),
    ("Prices saw a 25% rise this spring.", "Prices saw a 30% rise this spring.", CONFLICT),
    (
        "The ferry carried 300 passengers when it sank.",
        "The ferry carried 500 passengers when it sank.",
        CONFLICT,
    ),
    (
        "Ukraine will use ATACMS rockets, a missile with a range of up to 190 miles (306 km).",
        "The operation will employ ATACMS rockets, capable of engaging targets up to 120 miles "
        "(193 km) away.",
        VARIANCE,
    ),
    # aligned, compatible but different
    ("The crash killed 132 people.", "The crash killed more than 100 people.", VARIANCE),
    ("The crash killed 132 people.", "The crash killed fewer than 150 people.", VARIANCE),
    ("The crash killed 132 people.", "The crash killed between 120 and 140 people.", VARIANCE),
    (
        "Sources said over 10,000 North Korean troops were sent.",
        "Sources said 11,000 North Korean troops were sent.",
        VARIANCE,
    ),
    (
        "Sources said over 10,000 North Korean troops were sent.",
        "Sources said at least 12,000 North Korean troops were sent.",
        VARIANCE,
    ),
    (
        "Sources said over 10,000 North Korean troops were sent.",
        "Sources said fewer than 20,000 North Korean troops were sent.",
        VARIANCE,
    ),
    ("Police said about 3,000 people marched.", "Police said 3,200 people marched.", VARIANCE),
    (
        "Police said some 3,000 people marched.",
        "Police said around 2,800 people marched.",
        VARIANCE,
    ),
    (
        "ATACMS missiles have a range of up to 190 miles.",
        "ATACMS missiles have a range of about 120 miles.",
        VARIANCE,
    ),
    (
        "Officials said up to 15,000 troops could be sent.",
        "Officials said 11,000 troops could be sent.",
        VARIANCE,
    ),
    # not aligned: different subjects (keys)
    (
        "Russia deployed 11,000 North Korean troops.",
        "Russia deployed 3,000 North Korean tanks.",
        "subject",
    ),
    (
        "ATACMS missiles have a range of up to 190 miles.",
        "Trump proposed an 800-mile buffer zone.",
        "subject",
    ),
    ("The crash killed 132 people.", "The crash killed 40% of the passengers.", "nokey"),
    ("Congress approved a $5bn package.", "Congress approved a £6bn package.", CURRENCY),
    ("Prices saw a 25% rise.", "Prices saw a $25bn rise.", "subject"),
    (
        "Two U.S. officials confirmed the decision.",
        "Two months remain before the inauguration.",
        "nokey",
    ),
    # not aligned: different events
    ("The crash killed 132 people.", "The crash injured 40 people.", "subject"),
    ("30,000 residents fled the fire.", "300 residents were killed by the fire.", "subject"),
    (
        "Police arrested 45 protesters outside parliament.",
        "Police injured 12 protesters outside parliament.",
        "event",
    ),
    (
        "The company sold 3 million phones last year.",
        "The company bought 1 million phones last year.",
        "event",
    ),
    (
        "The firm employs 5,000 workers at the plant.",
        "The firm laid off 500 workers at the plant.",
        "subject",
    ),
    (
        "The earthquake killed 2,400 people.",
        "The earthquake left 40,000 people homeless.",
        "subject",
    ),
    # not aligned: different names
    (
        "Russia deployed 11,000 North Korean troops.",
        "Russia deployed 3,000 Russian troops.",
        "named",
    ),
    (
        "ATACMS missiles have a range of up to 190 miles.",
        "HIMARS rockets have a range of up to 50 miles.",
        "owner",
    ),
    (
        "The S5 has a 5.1-inch Super AMOLED display.",
        "The phone has a 4.7-inch Retina display.",
        "named",
    ),
    (
        "USX Corp. posted a 23% drop in third-quarter profit.",
        "Bethlehem Steel Corp. posted a 54% drop in third-quarter profit.",
        "owner",
    ),
    (
        "In 1989, Arsenal had just two players born outside the UK.",
        "In 1989, Liverpool had five players born outside the UK.",
        "owner",
    ),
    (
        "Federal Data Corp. got a $29.4 million Air Force contract.",
        "Martin Marietta Corp. was given a $29.9 million Air Force contract.",
        "owner",
    ),
    (
        "The Galaxy S4 shipped 10 million units in its first month.",
        "The Galaxy S5 shipped 11 million units in its first month.",
        "owner",
    ),
    ("In the election, Pasok won 33 seats.", "In the election, Syriza won 71 seats.", "owner"),
    # names of one family that end differently are different members of it
    (
        "The Samsung Galaxy S4 shipped 10 million units in 27 days.",
        "Samsung sold 11 million Galaxy S5 units in the first month.",
        "owner",
    ),
    (
        "The Boeing 737 Max carries 178 passengers.",
        "The Boeing 787 carries 242 passengers.",
        "owner",
    ),
    (
        "Samsung sold 11 million Galaxy S5 units in the first month.",
        "The Samsung Galaxy S5 sold 11 million units in its first month.",
        SAME,
    ),
    (
        "Samsung sold 11 million Galaxy S5 units in the first month.",
        "The Samsung Galaxy S5 sold 10 million units in its first month.",
        CONFLICT,
    ),
    ("Alexis Tsipras said Syriza won 71 seats.", "Mr Tsipras said Syriza won 72 seats.", CONFLICT),
    # not aligned: different places
    ("The storm killed 12 people in Manila.", "The storm killed 40 people in Cebu.", "place"),
    (
        "Police counted 5,000 protesters in Paris on Saturday.",
        "Police counted 2,000 protesters in Lyon on Saturday.",
        "place",
    ),
    (
        "Officials said 300 people attended the rally at the stadium.",
        "Officials said 900 people attended the rally at the cathedral.",
        "place",
    ),
    # not aligned: different times
    ("Sales rose to $3.2 billion in 2008.", "Sales rose to $4.1 billion in 2009.", "time"),
    (
        "At the start of the 1989-90 season, Arsenal had two foreign players.",
        "At the start of the 2009-10 season, Arsenal had 23 foreign players.",
        "time",
    ),
    (
        "The company earned $175 million in the third quarter.",
        "The company earned $228 million in the fourth quarter.",
        "time",
    ),
    (
        "The company earned $608,413 in the nine months.",
        "The company earned $158,666 in the third quarter.",
        "time",
    ),
    ("The city recorded 45 murders last year.", "The city recorded 30 murders this year.", "time"),
    ("The unemployment rate was 7% in March.", "The unemployment rate was 8% in April.", "time"),
    (
        "The match drew 14,000 spectators on Monday.",
        "The match drew 9,000 spectators on Tuesday.",
        "time",
    ),
    # not aligned: roles
    (
        "Apple's profit rose $1.2 billion in the quarter.",
        "Apple's profit was $8.5 billion in the quarter.",
        "role",
    ),
    (
        "The fire killed 12 children, among 40 people who died.",
        "The fire killed 30 children.",
        CONFLICT,
    ),
    ("Tickets cost $45 each.", "Tickets cost $90 in all.", "role"),
    ("Rent costs $2,800 a month.", "Rent costs $28,000.", "subject"),
    (
        "Players scored an average of 18 goals this season.",
        "Players scored 180 goals this season.",
        "role",
    ),
    (
        "If the deal goes through, the firm could save $5 million.",
        "The deal saved the firm $2 million.",
        "hypothetical",
    ),
    (
        "The company plans to cut 2,000 jobs next year.",
        "The company cut 500 jobs next year.",
        "role",
    ),
    (
        "The bill is larger than the $5bn package approved in May.",
        "Congress approved a $6bn package in May.",
        "role",
    ),
    ("Russia sent 11,000 troops this year.", "Russia sent 3,000 troops last year.", "time"),
    ("Including 12 children, the fire killed 40 people.", "The fire killed 12 children.", "role"),
    # not aligned: no event, no name, and too little in common
    (
        "The report listed 120 flu patients in the city.",
        "The hospital treated 150 flu patients from the region.",
        "overlap",
    ),
    (
        "The survey covered 2,000 homes in the north.",
        "Builders finished 500 homes this spring.",
        "overlap",
    ),
    (
        "The old bridge has 40 arches over the bay.",
        "The new design needs 60 arches for strength.",
        "overlap",
    ),
    # not aligned: a figure in another currency is never compared
    ("Congress approved a $5bn package.", "Congress approved a €6bn package.", CURRENCY),
    # aligned: rewrites
    (
        "The ministry said 1,500 migrants reached the island on Sunday.",
        "On Sunday, 1,500 migrants reached the island, the ministry said.",
        SAME,
    ),
    (
        "The ministry said 1,500 migrants reached the island on Sunday.",
        "On Sunday, 2,500 migrants reached the island, the ministry said.",
        CONFLICT,
    ),
    # names and times that match though written differently
    (
        "North Korea has sent about 3,000 soldiers to Russia.",
        "Greater than 10,000 North Korean soldiers have been sent to Russia.",
        CONFLICT,
    ),
    (
        "USX Corp. posted a 23% drop in third-quarter profit.",
        "USX posted a 23 per cent drop in third-quarter profit.",
        SAME,
    ),
    (
        "Some 2,000 troops were stationed in Kursk.",
        "About 2,000 troops were stationed in the Kursk region.",
        SAME,
    ),
    (
        "The club sold 12,000 season tickets in 2009.",
        "The club sold 12,000 season tickets in 2009-10.",
        SAME,
    ),
    (
        "The club sold 12,000 season tickets in 2009.",
        "The club sold 15,000 season tickets in 2009-10.",
        CONFLICT,
    ),
    ("Rent costs $2,800 a month in Berlin.", "In Berlin, rent costs $2,800 a month.", SAME),
    # a measure without a subject phrase is keyed by the noun phrase written after it
    (
        "The S5 has a faster, 2.5GHz quad-core processor and 2GB of RAM.",
        "The S5 has a 2.5GHz quad-core processor and 2GB of RAM.",
        SAME,
    ),
    (
        "The S5 has a faster, 2.5GHz quad-core processor and 2GB of RAM.",
        "The S5 has a 1.2GHz quad-core processor and 2GB of RAM.",
        CONFLICT,
    ),
    ("It runs a 2.5GHz quad-core processor.", "It has a 2.5GHz screen refresh.", "subject"),
    # a clause after the subject ("it has") is no part of it
    (
        "The 2GB of RAM it has is plenty for a phone.",
        "The 2GB of RAM it ships with is plenty for a phone.",
        SAME,
    ),
    (
        "The 2GB of RAM it has is plenty for a phone.",
        "The 3GB of RAM it ships with is plenty for a phone.",
        CONFLICT,
    ),
    # "and a big battery" is another phrase, not a rate ("2GB a battery")
    (
        "The S5 offers 2GB of RAM and a big battery.",
        "The S5 offers 2GB of RAM and a huge battery.",
        SAME,
    ),
    # related events ("related_events"): seats won and the vote that earned them
    (
        "Golden Dawn won 18 seats in parliament.",
        "Golden Dawn had 6.9 per cent of the vote, earning 18 seats in parliament.",
        SAME,
    ),
    (
        "Golden Dawn won 18 seats in parliament.",
        "Golden Dawn had 6.9 per cent of the vote, earning 21 seats in parliament.",
        CONFLICT,
    ),
    # ... but seats lost are a change, not the result
    ("Golden Dawn won 18 seats in parliament.", "Golden Dawn lost 18 seats in parliament.", "role"),
    # a promised figure is not a measured one
    (
        "Samsung promises 10 hours of web browsing on a single charge.",
        "Testers got 8 hours of web browsing on a single charge.",
        "role",
    ),
]


def _first_keyed(document: Document) -> Claim | None:
    return next((c for c in document_claims(document) if c.key and not c.restates), None)


def _verdict(first: str, second: str) -> str:
    documents = [plain_text_document("a.txt", first), plain_text_document("b.txt", second)]
    a, b = (_first_keyed(document) for document in documents)
    if a is None or b is None:
        return "nokey"
    reason = why_not_aligned(a, b)
    if reason is not None:
        return reason
    assert a.frame is not None and b.frame is not None
    if alignment(a, b, rarity([a.frame.terms, b.frame.terms])) is None:
        return "overlap"
    result = check_documents(documents, story_groups={"story": ["*.txt"]})
    found = sorted((f.code, f.path) for f in result.findings if f.code.startswith("NC2"))
    if not found:
        return CURRENCY if a.unit != b.unit and "currency" in a.dimension else SAME
    codes = {code for code, _ in found}
    assert len(codes) == 1 and [path for _, path in found] == ["a.txt", "b.txt"], found
    return codes.pop()


@pytest.mark.parametrize(("first", "second", "expected"), PAIRS)
def test_pair(first: str, second: str, expected: str) -> None:
    assert _verdict(first, second) == expected


def test_at_least_a_hundred_pairs_of_every_kind() -> None:
    assert len(PAIRS) >= 100
    kinds = {expected for _, _, expected in PAIRS}
    assert kinds >= {
        SAME, CONFLICT, VARIANCE, CURRENCY, "subject", "event", "named", "owner", "place",
        "time", "role", "hypothetical", "overlap", "nokey",
    }  # fmt: skip


def test_a_name_is_told_by_the_name_the_other_claim_is_anchored_to() -> None:
    """ "Socialist PASOK" is told by a sentence anchored to "Pasok", not by one about Syriza."""
    ours = _keyed(
        "Results showed New Democracy first, while the pro-bailout Socialist PASOK party "
        "came in third with about 12 per cent and 16 seats."
    )
    pasok = _keyed("In the vote, Pasok placed third, with 12 percent of the vote and 33 seats.")
    syriza = _keyed("In the vote, Syriza placed third, with 12 percent of the vote and 33 seats.")
    assert may_restate(ours, pasok) and may_restate(pasok, ours)
    assert not may_restate(ours, syriza)


def _keyed(text: str) -> Claim:
    claim = _first_keyed(plain_text_document("a.txt", text))
    assert claim is not None
    return claim
