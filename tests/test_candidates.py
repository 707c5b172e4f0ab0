"""The fast candidate scan finds exactly the starts its reference expression finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from numcheck.extraction.candidates import next_start
from numcheck.extraction.candidates import reference

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

SENTENCES = [
    "Russia has deployed over 10,000 North Korean troops to the Kursk region.",
    "ATACMS missiles can strike targets up to 190 miles (306 km) away.",
    "More than 1.5 million people, about two dozen of them children.",
    "Temperatures fell to minus 5.8 degrees, and minus three overnight.",
    "The shares rose 37.5 Canadian cents to C$9.625 and US $5 to USD 20.",
    "Half a million voters, a quarter of a billion dollars, three-quarters of a million.",
    "Tens of thousands of people, dozens of weapons and hundreds of millions of dollars.",
    "Between 5 and 10 km, between two and three hours.",
    "It was built c.1500 and weighs ~40 kg, approx. 3 kg more than the other.",
    "Prices of Rs500, €3bn, £4.2m, ¥200 and ½ mile; ⅜ cup of flour.",
    "The F-16s flew at -5 C; the score was 3 - 5 and 24/7 service.",
    "Someone said that often ten or eleven of the twelve were gone.",
    "A HUNDRED AND FIFTY MILES, An Eighty, a hundred, an estimated 300.",
    "Prices hit 5 K, and the ſome sign, and İstanbul's 12 İn tests, KM 5.",
    "It was 1.2-1.5 metres long, .5 inch thick and −3 °C at 0900 GMT.",
    "No fewer than 20, no more than 30, more or less 40 and well over 50.",
    "FIVE, Five and five; NINETEEN and Nineteen; a dozen eggs.",
    "\u00a0over\u00a05 and over\n5 and over\t\t5 and (about 7) and 'some 9'.",
]


def _fast_starts(text: str) -> list[tuple[int, int] | None]:
    return [next_start(text, position) for position in range(len(text) + 1)]


def _reference_starts(text: str) -> list[tuple[int, int] | None]:
    pattern = reference()
    found = [pattern.search(text, position) for position in range(len(text) + 1)]
    return [match.span() if match else None for match in found]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_scan_finds_the_reference_starts(sentence: str) -> None:
    assert _fast_starts(sentence) == _reference_starts(sentence)


STARTS = [
    ("Russia has deployed over 10,000 North Korean troops.", ["over", "10,000"]),
    ("up to 190 miles (306 km) away", ["up to", "190", "306"]),
    ("the F-16s flew 3.5 hours for $5bn", ["3.5", "$5bn"]),
    (
        "half a million, tens of thousands of people",
        ["half", "a million", "million", "tens", "thousands"],
    ),
    ("between 5 and 10 km, minus 3 C", ["between", "5", "10", "minus", "3"]),
    ("Someone said often ten or eleven", ["Some", "ten", "eleven"]),
    ("c.1500 and ~40 kg and Rs500", ["c.1500", "~40", "40", "Rs500"]),  # not "1500" after "c."
    (
        "a hundred, an eighty, a quarter of a billion",
        ["a hundred", "hundred", "eighty", "a quarter", "quarter", "a billion", "billion"],
    ),
]


@pytest.mark.parametrize(("sentence", "starts"), STARTS)
def test_scan_starts(sentence: str, starts: list[str]) -> None:
    found = sorted({span[0] for span in _fast_starts(sentence) if span})
    assert len(found) == len(starts), [sentence[i : i + 8] for i in found]
    for start, expected in zip(found, starts, strict=True):
        assert sentence.startswith(expected, start)


def test_scan_finds_the_reference_starts_in_the_seeds() -> None:
    for path in sorted(SEEDS.glob("*")):
        text = path.read_text(encoding="utf-8")
        position, fast, slow = 0, [], []
        while (span := next_start(text, position)) is not None:
            fast.append(span)
            position = span[0] + 1
        pattern = reference()
        position = 0
        while (match := pattern.search(text, position)) is not None:
            slow.append(match.span())
            position = match.start() + 1
        assert fast == slow, path.name
        assert fast, path.name
