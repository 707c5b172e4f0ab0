"""Frames: the event, anchors and role numcheck reads around a figure, as a table.

Each row names a sentence, the claim (by its text) and the parts of its frame that matter
there; parts a row does not name are not checked by that row.
"""

from __future__ import annotations

from typing import Any

import pytest

from numcheck.extraction.claims import Claim
from testing.claims import claims_of

FRAMES: list[tuple[str, str, dict[str, Any]]] = [
    # events: the nearest event word, the subject's own words only when there is no other
    ("The crash killed 132 people.", "132", {"event": "killed", "key": "count|person killed"}),
    ("132 people died in the crash.", "132", {"event": "killed", "key": "count|person killed"}),
    ("Police arrested 45 protesters outside parliament.", "45", {"event": "arrested"}),
    ("Forty-five protesters were arrested, police said.", "Forty-five", {"event": "arrested"}),
    ("Police injured 12 protesters outside parliament.", "12", {"event": "injured"}),
    ("The ferry carried 300 passengers when it sank.", "300", {"event": "carried"}),
    ("The concert was attended by 5,000 fans.", "5,000", {"event": "attended"}),
    ("Britain reported 5,000 deaths from the flu.", "5,000", {"event": "killed"}),
    ("Ukraine will use ATACMS rockets, capable of engaging targets up to 190 miles away.",
     "up to 190 miles", {"event": "range", "key": "[length]|range", "owner": ("ATACMS",)}),
    ("The company earned $175 million in the third quarter.", "$175 million",
     {"event": "earned", "key": "currency|earned"}),
    ("The city recorded 45 murders last year.", "45", {"event": None, "key": "count|murder"}),
    # names in the subject, and owners: possessive, relative clause, the clause's name
    ("Russia's deployment of over 10,000 North Korean troops alarmed Kyiv.", "over 10,000",
     {"named": ("North Korean",), "owner": ("Russia",), "participants": ("Kyiv",)}),
    ("North Korea has sent about 3,000 soldiers to Russia, officials now say.", "about 3,000",
     {"named": (), "owner": ("North Korea",), "key": "count|troop"}),
    ("The US believes that greater than 10,000 North Korean soldiers have been sent.",
     "greater than 10,000", {"named": ("North Korean",), "owner": ()}),
    ("Kenny Dalglish's side featured five players born outside the UK.", "five",
     {"owner": ("Kenny Dalglish",)}),
    ("USX fared better than Bethlehem Steel Corp., which posted a 54% drop in net income.",
     "54%", {"owner": ("Bethlehem Steel Corp.",), "participants": ("USX",)}),
    ("The Treasury said it plans to sell $30 billion in notes next week.", "$30 billion",
     {"owner": ("Treasury",), "key": "currency|note"}),
    ("With almost all ballots counted, New Democracy has 129 seats.", "129",
     {"owner": ("New Democracy",)}),
    ("Sources said on Sunday that 11,000 troops were sent.", "11,000",
     {"owner": (), "time": ()}),
    # a name with lower-case modifiers and a common noun ("party") before its verb
    ("Results came in, while the pro-bailout Socialist PASOK party came in third with 33 seats.",
     "33", {"owner": ("Socialist PASOK",)}),
    ("The leftist Syriza party, which surged on anger, won 71 seats.", "71",
     {"owner": ("Syriza",)}),
    ("Results came in, while the conservative party came in first with 129 seats.", "129",
     {"owner": ()}),
    # the second of two figures joined by "and" shares the first one's owner
    ("Results showed the New Democracy party gaining about 30 per cent of the vote and 129 "
     "seats.", "129", {"owner": ("New Democracy",)}),
    ("Results showed the New Democracy party gaining about 30 per cent of the vote, while 129 "
     "seats went to the others.", "129", {"owner": ()}),
    ("Reports say that Apple sold 5 million iPhones and Samsung sold 3 million phones.",
     "3 million", {"owner": ("Samsung",)}),
    ("The S5 has a 5.1-inch Super AMOLED display.", "5.1-inch",
     {"named": ("Super AMOLED",), "key": "[length]|display"}),
    # a name before a means word owns no figure after it: the figure is the means's
    ("The Android 4.4.2 OS is controlled via a 5.1-inch Super AMOLED touchscreen.", "5.1-inch",
     {"named": ("Super AMOLED",), "owner": (), "key": "[length]|display"}),
    ("The GS5 comes with a 5.1-inch screen.", "5.1-inch", {"owner": ("GS5",)}),
    ("Photos are shown through the GS5's 5.1-inch screen.", "5.1-inch", {"owner": ("GS5",)}),
    ("Reviewers say the GS5 was tested using a 2.5GHz chip.", "2.5GHz", {"owner": ()}),
    ("Reviewers say the GS5 ships with a 2.5GHz chip.", "2.5GHz", {"owner": ("GS5",)}),
    # a bare count in brackets after a figure counts what an earlier one in the sentence did
    ("New Democracy has 29.7% of the vote (129 seats), Syriza 26.9% (71) and Pasok 12.3% (33).",
     "71", {"key": "count|seat", "owner": ("Syriza",)}),
    ("New Democracy has 29.7% of the vote (129 seats), Syriza 26.9% (71) and Pasok 12.3% (33).",
     "33", {"key": "count|seat", "owner": ("Pasok",)}),
    ("Syriza won 26.9% (71) of the vote.", "71", {"key": None}),
    ("New Democracy won 129 seats, and Syriza 26.9% (71).", "71", {"key": None}),
    # places: a name or a venue right around the figure
    ("Russian forces killed 40 fighters in Kursk on Monday.", "40",
     {"place": ("Kursk",), "time": ("monday",)}),
    ("Officials said 300 people attended the rally at the stadium.", "300",
     {"place": ("the stadium",)}),
    ("Kenny Dalglish's side featured five players born outside the UK.", "five",
     {"place": ("UK",)}),
    # times: years, seasons, reporting periods, months, days, relative times
    ("At the start of the 1989-90 season, Arsenal had two foreign players.", "two",
     {"time": ("1989-90",), "owner": ("Arsenal",)}),
    ("At the start of the 89/90 season, Arsenal had two foreign players.", "two",
     {"time": ("1989-90",)}),
    ("For 1988, the utility reported earnings of $737.5 million.", "$737.5 million",
     {"time": ("1988",)}),
    ("The company earned $175 million in the third quarter.", "$175 million",
     {"time": ("third-quarter",)}),
    ("For the nine months, the firm lost $608,413.", "$608,413", {"time": ("nine months",)}),
    ("The city recorded 45 murders last year.", "45", {"time": ("last year",)}),
    ("The unemployment rate was 7% in March.", "7%", {"time": ("mar",)}),
    ("The firm hired 300 workers a decade ago.", "300", {"time": ("a decade ago",)}),
    # a day right before a verb of reporting is the report's, not the figure's
    ("Near complete results early on Monday showed New Democracy gaining 129 seats.", "129",
     {"time": ()}),
    ("Police on Sunday said 40 people were killed.", "40", {"time": ()}),
    ("Figures released yesterday revealed 300 jobs were lost.", "300", {"time": ()}),
    ("Police said 40 people were killed on Sunday.", "40", {"time": ("sunday",)}),
    ("Sales on Monday rose 5% to $20 million.", "$20 million", {"time": ("monday",)}),
    ("Results of the 2012 vote showed 129 seats for the party.", "129", {"time": ("2012",)}),
    # roles: level or change
    ("Sales rose 18% to $500 million.", "18%", {"measure": "change"}),
    ("Sales rose 18% to $500 million.", "$500 million", {"measure": "level"}),
    ("The company posted a 54% drop in profit.", "54%", {"measure": "change"}),
    ("Its diameter is about 700 kilometres larger than Pluto's.", "about 700 kilometres",
     {"measure": "change"}),
    ("Samsung beat last year's sales by 1 million units.", "1 million", {"measure": "change"}),
    ("The concert was attended by 5,000 fans.", "5,000", {"measure": "level"}),
    ("The price rose to $61.40 on Friday.", "$61.40", {"measure": "level"}),
    # whole or part
    ("Three of the nine suspects were arrested.", "Three", {"scope": "part", "key": None}),
    ("Three of the nine suspects were arrested.", "nine", {"scope": "whole"}),
    ("The fire killed 40 people, including 12 children.", "12", {"scope": "part"}),
    ("The fire killed 40 people, including 12 children.", "40", {"scope": "whole"}),
    # a part word may stand before an article and one word more
    ("It won 129 seats, including a bonus 50 seats for finishing first.", "50",
     {"scope": "part"}),
    ("It won 129 seats, including a bonus 50 seats for finishing first.", "129",
     {"scope": "whole"}),
    ("The fire killed 40 people, including the 12 children.", "12", {"scope": "part"}),
    ("A bonus 50 seats go to the party that finishes first.", "50", {"scope": "whole"}),
    # rates
    ("Rent costs $2,800 a month.", "$2,800 a month", {"rate": True}),
    ("Players scored 18 goals per game.", "18", {"rate": True}),
    ("Players scored an average of 18 goals.", "18", {"rate": True}),
    ("Sky pays £6.6m a fixture.", "£6.6m", {"rate": True}),
    ("Sky paid £4.2bn to show 126 matches per season.", "£4.2bn", {"rate": False}),
    # "a" after a function word opens another phrase, not a rate
    ("The S5 offers 2GB of RAM and a big battery.", "2GB", {"rate": False}),
    ("You can add 64GB via a microSD card.", "64GB", {"rate": False}),
    ("Farmers planted 5,000 trees a day.", "5,000", {"rate": True}),
    # a clause said of each one of something
    ("Each place in the table is worth around £750,000.", "around £750,000", {"rate": True}),
    ("The 20 clubs each received £50m from the deal.", "£50m", {"rate": True}),
    ("Each of the 20 clubs received £50m from the deal.", "£50m", {"rate": True}),
    ("Each of the 20 clubs received £50m from the deal.", "20", {"rate": False}),
    ("Every one of the 132 passengers died.", "132", {"rate": False}),
    ("The first TV deal was worth £304m over five years.", "£304m", {"rate": False}),
    ("The two sides accused each other of killing 40 people.", "40", {"rate": False}),
    ("The two sides accused each other of killing 40 people.", "two", {"rate": False}),
    # "promises" makes a figure expected, as "promised" does
    ("Samsung promises 10 hours of web browsing.", "10 hours", {"mode": "planned"}),
    # modes
    ("If the deal goes through, the firm could save $5 million.", "$5 million",
     {"mode": "hypothetical"}),
    ("The company plans to cut 2,000 jobs.", "2,000", {"mode": "planned"}),
    ("Unemployment is higher than the 7% of last year.", "7%", {"mode": "comparison"}),
    ("The price fell to $3.40, down from $4.10.", "$4.10", {"mode": "comparison"}),
    ("The price fell to $3.40, down from $4.10.", "$3.40", {"mode": "actual"}),
    ("ATACMS rockets, capable of engaging targets up to 190 miles away, will be used.",
     "up to 190 miles", {"mode": "actual"}),
    # lists, tables and label lines hold parallel facts
    ("- Hayne, New Orleans, $7,500 fine", "$7,500", {"listed": True}),
    ("1989-90: 19 players born in UK", "19", {"listed": True}),
    ("| Arsenal | 23 players |", "23", {"listed": True}),
    ("Arsenal had 23 players born abroad.", "23", {"listed": False}),
]  # fmt: skip


def _claim(text: str, figure: str) -> Claim:
    return next(claim for claim in claims_of(text) if claim.text == figure)


def _part(claim: Claim, name: str) -> Any:
    frame = claim.frame
    assert frame is not None
    if name == "key":
        return claim.key
    if name in ("named", "owner", "place", "time"):
        return getattr(frame.anchors, name)
    if name in ("measure", "scope", "rate", "mode"):
        return getattr(frame.role, name)
    return getattr(frame, name)


@pytest.mark.parametrize(("text", "figure", "expected"), FRAMES)
def test_frame(text: str, figure: str, expected: dict[str, Any]) -> None:
    claim = _claim(text, figure)
    assert {name: _part(claim, name) for name in expected} == expected


def test_the_time_of_the_sentence_before_carries_over() -> None:
    text = "For the nine months, the firm lost $608,413. Sales rose to $9.8 million."
    claim = _claim(text, "$9.8 million")
    assert claim.frame is not None
    assert claim.frame.anchors.time == () and claim.frame.context_time == ("nine months",)
    after_a_paragraph = (
        "For the nine months, the firm lost $608,413.\n\nSales rose to $9.8 million."
    )
    assert _claim(after_a_paragraph, "$9.8 million").frame.context_time == ()  # type: ignore[union-attr]


def test_claims_json_shows_the_frame() -> None:
    claim = _claim(
        "Russia's deployment of over 10,000 North Korean troops alarmed Kyiv.", "over 10,000"
    )
    shown = claim.to_dict()
    assert shown["event"] == "deployed"
    assert shown["anchors"] == {
        "named": ["North Korean"], "owner": ["Russia"], "place": [], "time": []
    }  # fmt: skip
    assert shown["role"] == {"measure": "level", "scope": "whole", "rate": False, "mode": "actual"}


def test_a_user_pack_adds_an_event(tmp_path) -> None:
    from numcheck.rulepacks import _extra_dirs
    from numcheck.rulepacks import add_pack_dirs
    from numcheck.rulepacks import load_kind

    (tmp_path / "events.yaml").write_text(
        "kind: frames\nevents:\n  grounded: [grounded, beached]\n"
    )
    before = _claim("Storms beached 40 ships.", "40").frame
    add_pack_dirs([str(tmp_path)])
    try:
        after = _claim("Storms beached 40 ships.", "40").frame
    finally:
        _extra_dirs.remove(str(tmp_path))
        load_kind.cache_clear()
    assert before is not None and before.event is None
    assert after is not None and after.event == "grounded"


# Names: a capitalised word that stands inside a sentence somewhere, or, in a text of
# NAME_EVIDENCE lower-case words or more, one never written in lower case.
_STORY = (
    "Sales at the firm rose 5% last year, and analysts expected further growth. Canepa said "
    "the plan was sound. Term limits were debated, but the long-term outlook stayed calm. "
    "Officials in the capital reported that officials elsewhere disagreed with the figures, "
    "while workers, managers and investors watched the market closely for any sign of a "
    "slowdown in orders, prices, wages or hiring across every region of the country, from "
    "small towns to big cities, where shops, banks and factories employ most people."
)
NAMES = [
    (_STORY, "Canepa", True),  # never in lower case
    (_STORY, "Sales", True),  # never in lower case either
    (_STORY + " Its sales fell.", "Sales", False),
    (_STORY, "Officials", False),  # written in lower case
    (_STORY, "Term", True),  # only "long-term" is written in lower case, one word
    (_STORY + " The term ended.", "Term", False),
    ("Canepa said the plan was sound.", "Canepa", False),  # too short a text to tell
    ("The plan, Canepa said, was sound.", "Canepa", True),  # inside a sentence
]


@pytest.mark.parametrize(("text", "word", "name"), NAMES)
def test_document_names(text: str, word: str, name: bool) -> None:
    from numcheck.alignment.frames import _Names
    from numcheck.alignment.frames import document_names

    assert (word in document_names(text)) is (word in _Names(text)) is name


def _names_by_definition(text: str) -> frozenset[str]:
    """``document_names`` as its docstring says it, listing every lower-case word."""
    from numcheck.alignment import frames

    lower = set(frames._LOWER_WORD.findall(text))
    found = {frames._bare_name(w) for w in frames._CAPITALISED_INSIDE.findall(text)}
    if len(lower) >= frames.NAME_EVIDENCE:
        for word in map(frames._bare_name, frames._CAPITALISED_WORD.findall(text)):
            if word.lower() not in lower and word.lower() not in frames._NOT_NAMES:
                found.add(word)
    return frozenset(found)


def test_the_names_of_real_articles_are_looked_up_as_defined() -> None:
    from pathlib import Path

    from numcheck.alignment.frames import _TOKEN
    from numcheck.alignment.frames import _Names
    from numcheck.alignment.frames import document_names

    for path in sorted(Path(__file__).parent.parent.joinpath("seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        expected = _names_by_definition(text)
        assert document_names(text) == expected
        names = _Names(text)
        for word in set(_TOKEN.findall(text)):
            assert (word in names) is (word in expected), (path.name, word)


_NAME_PIECES = (
    "AT&T ", "the AT&T deal ", "T&Ts ", "said, Canepa ", "; Sales ", "Sales ", "sales ",
    "the US’s ", "U.S. ", "Corp., ", "long-Term ", "term ", "Term ", "-Sales ", "x.Sales ",
    "The ", "the ", "Arsenal's ", "O’Neill ", "Wednesday’s ", "\nCanepa ", "e Canepa ",
    ". Quex ", "2 Quex ", "Q Quex ",
)  # fmt: skip


@pytest.mark.parametrize("seed", range(5))
def test_names_are_looked_up_as_defined_in_written_hostile_text(seed: int) -> None:
    import random

    from numcheck.alignment import frames

    chooser = random.Random(seed)
    lower = (f"w{chr(97 + n // 26)}{chr(97 + n % 26)} " for n in range(frames.NAME_EVIDENCE))
    words = "".join(lower) if seed % 2 else ""  # enough lower-case words to tell names, or not
    text = words + "".join(chooser.choice(_NAME_PIECES) for _ in range(200))
    expected = _names_by_definition(text)
    assert frames.document_names(text) == expected
    names = frames._Names(text)
    asked = set(frames._TOKEN.findall(text)) | set(frames._CAPITALISED_WORD.findall(text))
    for word in asked | {frames._bare_name(w) for w in asked}:
        assert (word in names) is (word in expected), word


TIMES = [
    "Sales rose 5% in 2019-20 and fell in the first half, on Monday and last week.",
    "2019 was a record: revenue in Jan.2020 beat Dec. 2019, three years ago.",
    "In May the firm may cut 10 jobs; a year later, in Q3, it hired 12 six months on.",
    "the fiscal year to Sept. 30 ended, two weeks earlier than the 1989-90 season.",
]


@pytest.mark.parametrize("text", TIMES)
def test_times_are_found_as_the_time_pattern_finds_them(text: str) -> None:
    from numcheck.alignment.frames import _TimeIndex

    for index in (_TimeIndex(text, None), _TimeIndex(text, text.lower())):
        for first in range(0, len(text), 7):
            for last in (first + 30, len(text)):
                expected = [m.span() for m in index.pattern.finditer(index.text, first, last)]
                assert [m.span() for m in index._find(first, last)] == expected
        assert [m.span() for m in index.within(0, len(text))] == [
            m.span() for m in index.pattern.finditer(index.text)
        ]
