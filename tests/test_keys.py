"""Subject keys: phrasings of one thing share a key, different things do not."""

from __future__ import annotations

import pytest

from numcheck.alignment.keys import head_of
from numcheck.alignment.keys import singular
from testing.claims import claims_of


def keys_of(text: str) -> list[str | None]:
    return [claim.key for claim in claims_of(text, "k.txt")]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("troops", "troop"), ("soldiers", "soldier"), ("casualties", "casualty"),
        ("people", "person"), ("children", "child"), ("churches", "church"), ("boxes", "box"),
        ("missiles", "missile"), ("range", "range"), ("status", "status"), ("aircraft", "aircraft"),
        ("crisis", "crisis"), ("glass", "glass"),
    ],
)  # fmt: skip
def test_singular(word: str, expected: str) -> None:
    assert singular(word) == expected


@pytest.mark.parametrize(
    ("phrase", "head", "modifiers"),
    [
        ("North Korean troops", "troop", ["North Korean"]),
        ("North Korean ground troops", "troop", ["North Korean"]),
        ("North Korean soldiers", "troop", ["North Korean"]),
        ("U.S. officials", "official", ["U.S."]),
        ("US officials", "official", ["US"]),
        ("American officials", "official", ["American"]),
        ("new rescue loans", "bailout", []),
        ("second rescue package", "bailout", []),
        ("5.1-inch Super AMOLED touchscreen", "display", ["Super AMOLED"]),
        ("buffer zone", "zone", []),
        ("servicemen", "troop", []),
        ("people", "person", []),
        ("Russian troops", "troop", ["Russian"]),
    ],
)
def test_head_and_modifiers(phrase: str, head: str, modifiers: list[str]) -> None:
    assert head_of(phrase) == (head, modifiers)


SAME_KEY = [
    ("over 10,000 North Korean troops were sent", "11,000 North Korean soldiers were sent"),
    ("over 10,000 North Korean ground troops were sent", "11,000 North Korean troops were sent"),
    (
        "ATACMS rockets, which have a range of up to 190 miles",
        "the Army Tactical Missile System (ATACMS), which has a range of about 190 miles",
    ),
    (
        "ATACMS rockets, a U.S. tactical ballistic missile with a range of up to 190 miles",
        "ATACMS missiles, which have a range of 300 km",
    ),
    ("two U.S. troops were hurt", "Two US troops were hurt"),
    ("the crash killed 132 people", "132 people died in the crash"),
    ("the crash killed 132 people", "the crash killed 130 people"),
    ("over 10,000 North Korean troops", "over 10,000 Russian troops"),
    ("ATACMS have a range of up to 190 miles", "HIMARS have a range of up to 50 miles"),
    (
        "ATACMS rockets, which have a range of up to 190 miles",
        "ATACMS rockets, capable of engaging targets up to 190 miles away",
    ),
    ("Apple's profit was $8.5bn", "Apple earned $8.5bn"),
    ("it has a 2.5GHz quad-core CPU", "it has a 2.5GHz Snapdragon 801 processor"),
    ("the airline's revenue was $3bn", "the airline's revenues reached $3bn"),
    # a measure without a subject phrase: the short noun phrase written right after it
    ("it has a faster, 2.5GHz quad-core processor, and", "a 2.5GHz quad-core CPU"),
    ("we have a 2.5GHz, quad-core Qualcomm MSM8974 processor and", "its 2.5GHz processor"),
    ("at just 8.1mm thick.", "just 8.1mm thick, which"),
    # a clause after the subject is no part of it
    ("The 2GB of RAM it’s rockin’ is de rigeur.", "The phone has 2GB of RAM."),
    ("The 2GB of RAM it has is plenty.", "The S5 offers 2GB of RAM."),
]
# Names are not in the key (they are the frame's anchors, numcheck.alignment.facts).
DIFFERENT_KEY = [
    ("ATACMS rockets, which have a range of up to 190 miles", "secure an 800-mile buffer zone"),
    ("11,000 troops", "11,000 tanks"),
    ("a 25% rise", "a $25bn rise"),
    ("the crash killed 132 people", "the crash injured 132 people"),
    ("30,000 residents fled the fire", "30,000 residents were killed"),
    ("Apple earned $8.5bn", "Apple spent $8.5bn"),
]


@pytest.mark.parametrize(("first", "second"), SAME_KEY)
def test_same_key(first: str, second: str) -> None:
    (a,), (b,) = keys_of(first), keys_of(second)
    assert a is not None and a == b


@pytest.mark.parametrize(("first", "second"), DIFFERENT_KEY)
def test_different_key(first: str, second: str) -> None:
    (a,), (b,) = keys_of(first), keys_of(second)
    assert a != b


@pytest.mark.parametrize(
    "text",
    [
        "Two months remain before the inauguration.",
        "two U.S. officials said on Sunday",
        "three people familiar with the matter said",
        "The report counted 500 people.",
        "It can fight effectively next 12 months.",
        "It took some time: 3 hours.",
        # no noun phrase right after a measure: a function word or a verb comes first
        "you can add up to 128GB via a microSD card",
        "It is 145g and thin.",
        "The S5 was 2.5GHz, fast enough.",
        "the focal length in 35mm equivalent",
    ],
)
def test_no_key_without_a_subject(text: str) -> None:
    assert all(key is None for key in keys_of(text))


def test_conversion_takes_the_key_and_frame_of_its_source() -> None:
    claims = claims_of("ATACMS have a range of up to 190 miles (306 km).", "k.txt")
    assert [c.restates for c in claims] == [False, True]
    assert claims[0].key == claims[1].key == "[length]|range"
    assert claims[0].frame == claims[1].frame
    assert claims[0].frame is not None and claims[0].frame.anchors.owner == ("ATACMS",)
