"""The table of the built-in unit pack gives the lines pint gives, and steps aside for pint
when it does not speak for the packs in use."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest

from numcheck import rulepacks
from numcheck.extraction import unit_factors
from numcheck.extraction import unit_table
from numcheck.extraction import units
from numcheck.rulepacks import load_kind


def _groups() -> dict[str, list[str]]:
    ((name, data),) = [(n, d) for n, d in load_kind("units") if n == "rules/units.yaml"]
    return {group: list(spec["units"]) for group, spec in data["quantities"].items()}


def _same(ours: tuple[float, float], pints: tuple[float, float]) -> bool:
    return all(
        math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9) for a, b in zip(ours, pints, strict=True)
    )


def test_the_table_is_made_from_the_pack_in_use() -> None:
    assert unit_factors.PACK_HASH == unit_table.pack_hash(), "run python tools/unit_table.py"


@pytest.mark.parametrize("group", sorted(_groups()))
def test_every_line_within_a_group_of_the_pack_is_pints(group: str) -> None:
    for unit, target in itertools.product(_groups()[group], repeat=2):
        line = unit_table.table_line(unit, target)
        assert line is not None, (unit, target)
        assert _same(line, units.pint_line(unit, target)), (unit, target)


@pytest.mark.parametrize(
    ("unit", "target"),
    [
        ("mile / hour", "kilometer / hour"),  # "60 mph (97 km/h)"
        ("meter / second", "foot / second"),  # "760 metres per second (2,500 ft/s)"
        ("kilometer / hour", "knot"),
        ("kilogram / hour", "pound / minute"),
        ("megabyte / second", "megabit / second"),
        ("hertz", "revolution_per_minute_turns"),
        ("degree_Celsius", "degree_Fahrenheit"),  # an offset: 0 °C is 32 °F
        ("degree_Fahrenheit", "kelvin"),
        ("kelvin", "degree_Celsius"),
    ],
)
def test_quotients_and_temperatures_are_pints(unit: str, target: str) -> None:
    line = unit_table.table_line(unit, target)
    assert line is not None
    assert _same(line, units.pint_line(unit, target))


@pytest.mark.parametrize(
    ("unit", "target"),
    [
        ("mile", "kilogram"),  # another dimension: pint says why
        ("mile / hour", "kilometer"),
        ("furlong", "mile"),  # not a unit of the pack
        ("degree_Celsius / hour", "kelvin / hour"),  # a scale with an offset in a quotient
        ("mile / hour / hour", "meter / second ** 2"),
    ],
)
def test_what_the_table_does_not_know_is_left_to_pint(unit: str, target: str) -> None:
    assert unit_table.table_line(unit, target) is None


def test_a_pack_edited_since_the_table_was_made_turns_the_table_off(monkeypatch) -> None:
    monkeypatch.setattr(unit_factors, "PACK_HASH", "0" * 64)
    unit_table._table.cache_clear()
    try:
        assert unit_table.table_line("mile", "kilometer") is None
    finally:
        monkeypatch.undo()
        unit_table._table.cache_clear()
    assert unit_table.table_line("mile", "kilometer") is not None


def test_a_users_unit_pack_turns_the_table_off(tmp_path: Path, monkeypatch) -> None:
    """A user's pack may define names of its own, so pint answers for every unit."""
    (tmp_path / "furlong.yaml").write_text(
        "kind: units\nquantities:\n  length:\n    dimension: '[length]'\n"
        "    units:\n      furlong: {words: [furlong, furlongs]}\n"
    )
    monkeypatch.setattr(rulepacks, "_extra_dirs", [])
    rulepacks.add_pack_dirs([str(tmp_path)])
    unit_table._table.cache_clear()
    try:
        assert unit_table.table_line("mile", "kilometer") is None
    finally:
        monkeypatch.undo()
        load_kind.cache_clear()
        unit_table._table.cache_clear()
    assert unit_table.table_line("mile", "kilometer") is not None
