"""The compact pickled form of claims: the same objects back, numcheck's data classes only."""

from __future__ import annotations

import dataclasses
import pickle
import pickletools
from pathlib import Path

import pytest

from numcheck import packing
from numcheck.api import extract_text
from numcheck.extraction.claims import Claim
from numcheck.findings import Location
from numcheck.reading.documents import Document

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "text",
    [
        "The missile flies up to 190 miles (306 km), officials said.\n",
        "Over 10,000 North Korean troops were sent to Kursk in 2024.\n",
        "Sales rose 25% to $9.8 million, against $7.8m a year earlier.\n",
        "It was -18 °C to -34 °C, and the wind gusted at 60 mph (97 km/h).\n",
        "Three of the nine judges, about 1.5 billion people, tens of thousands of fans.\n",
        (ROOT / "seeds" / "000_28260951cb8ab5bc.txt").read_text(encoding="utf-8"),
    ],
    ids=["conversion", "troops", "money", "range", "words", "seed"],
)
def test_claims_come_back_equal(text: str) -> None:
    claims = extract_text("a.txt", text).claims
    assert claims
    back = packing.loads(packing.dumps(claims))
    assert back == claims
    assert [claim.frame for claim in back] == [claim.frame for claim in claims]
    assert [type(claim) for claim in back] == [Claim] * len(claims)


def test_a_claim_is_pickled_as_a_call_of_its_class() -> None:
    (claim, *_) = extract_text("a.txt", "It flew 190 miles (306 km).\n").claims
    opcodes = {op.name for op, _, _ in pickletools.genops(packing.dumps(claim))}
    assert "REDUCE" in opcodes and "BUILD" not in opcodes  # no __setstate__ field by field
    assert "BUILD" in {op.name for op, _, _ in pickletools.genops(pickle.dumps(claim))}


def test_objects_shared_within_a_dump_stay_shared() -> None:
    where = Location("a.txt", 1, 1, 1, 4, 0, 3)
    first, second = packing.loads(packing.dumps([where, where]))
    assert first is second and first == where


@dataclasses.dataclass(frozen=True)
class _Checked:
    value: int

    def __post_init__(self) -> None:
        if self.value < 0:
            raise ValueError("negative")


@dataclasses.dataclass(frozen=True)
class _Derived:
    value: int
    double: int = dataclasses.field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "double", 2 * self.value)


@dataclasses.dataclass(frozen=True, kw_only=True)
class _KeywordOnly:
    value: int


@pytest.mark.parametrize(
    ("cls", "compact"),
    [
        (Claim, True),
        (Location, True),
        (Document, True),
        (_Checked, False),  # a __post_init__: a call might not give the same object
        (_Derived, False),  # a field the call does not take
        (_KeywordOnly, False),  # fields taken by keyword only
        (dict, False),  # not a data class
    ],
)
def test_which_classes_take_the_compact_form(cls: type, compact: bool, monkeypatch) -> None:
    if cls.__module__ == __name__:  # as if it were one of numcheck's
        monkeypatch.setattr(cls, "__module__", "numcheck.example")
    assert (packing._compact_reducer(cls) is not None) is compact


def test_classes_outside_numcheck_are_pickled_as_python_pickles_them() -> None:
    assert packing._compact_reducer(_KeywordOnly) is None  # defined in the tests
    value = _Derived(3)
    assert packing.loads(packing.dumps(value)) == value
