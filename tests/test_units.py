"""The unit and currency packs: every unit resolves in pint with its group's dimension, every
written form reads back as its unit, and a broken pack is refused with its file named."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from numcheck.extraction.units import COUNT
from numcheck.extraction.units import CURRENCY
from numcheck.extraction.units import convert
from numcheck.extraction.units import lexicon
from numcheck.extraction.units import registry
from numcheck.rulepacks import RulePackError
from numcheck.rulepacks import load_kind
from numcheck.rulepacks import parse_pack
from testing.claims import claims_of
from testing.claims import unit_of


def _pack() -> dict[str, Any]:
    ((name, data),) = [(n, d) for n, d in load_kind("units") if n == "rules/units.yaml"]
    return data


def _group_units() -> list[tuple[str, str, str]]:
    """(group, pint unit, declared dimension) for every unit of the built-in pack."""
    return [
        (group, unit, spec["dimension"])
        for group, spec in _pack()["quantities"].items()
        for unit in spec["units"]
    ]


def _dimension(declared: str):
    """pint's dimensionality of a declared dimension; the names pint lacks ("information",
    "percent", "angle") count as dimensionless."""
    ureg = registry()
    known = re.sub(r"(?<![\[\w])[a-z]+(?![\]\w])", "1", declared)
    return ureg.get_dimensionality(known) if "[" in known else ureg.get_dimensionality("")


@pytest.mark.parametrize(("group", "unit", "declared"), _group_units(), ids=lambda v: str(v))
def test_every_unit_resolves_with_its_group_dimension(group: str, unit: str, declared: str) -> None:
    ureg = registry()
    assert ureg.parse_units(unit).dimensionality == _dimension(declared), f"{group}.{unit}"


def _ambiguous() -> list[tuple[str, str]]:
    return [
        (name, reading)
        for name, spec in _pack()["ambiguous"].items()
        for reading in spec["readings"]
    ]


@pytest.mark.parametrize(("name", "reading"), _ambiguous(), ids=lambda v: str(v))
def test_every_ambiguous_reading_resolves(name: str, reading: str) -> None:
    spec = _pack()["ambiguous"][name]
    currencies = {code for _, data in load_kind("currencies") for code in data["currencies"]}
    if reading in spec.get("scale", {}) or reading in currencies:
        return
    units = {unit for _, unit, _ in _group_units()}
    assert reading in units, f"ambiguous.{name}: {reading} is in no quantity group"
    registry().parse_units(reading)


def test_ambiguous_forms_share_a_dimension_or_name_a_scale_or_currency() -> None:
    for form in lexicon().forms:
        if not form.ambiguous:
            continue
        kinds = {r.dimension for r in form.readings}
        assert len(kinds) == 1 or kinds & {COUNT, CURRENCY}, form.surface


@pytest.mark.parametrize(("big", "small"), list(_pack()["compounds"].items()))
def test_compounds_are_parts_of_one_dimension(big: str, small: str) -> None:
    ureg = registry()
    assert ureg.parse_units(big).dimensionality == ureg.parse_units(small).dimensionality
    assert convert(1, big, small) > 1  # the part is the smaller unit


@pytest.mark.parametrize(
    ("value", "unit", "target", "result"),
    [
        (1, "oil_barrel", "liter", 158.987),  # the oil barrel, not pint's 119 L barrel
        (1, "decade_of_years", "year", 10),
        (1, "short_ton", "kilogram", 907.185),
        (1, "long_ton", "kilogram", 1016.05),
        (1, "metric_ton", "kilogram", 1000),
        (1, "gallon", "liter", 3.78541),
        (1, "imperial_gallon", "liter", 4.54609),
        (30, "degree_Celsius", "degree_Fahrenheit", 86),  # offsets applied
        (1, "kilometer ** 2", "mile ** 2", 0.386102),
        (50, "basis_point", "percent", 0.5),
        (1, "nautical_mile", "kilometer", 1.852),
    ],
)
def test_conversions_pint_makes_for_news_units(
    value: float, unit: str, target: str, result: float
) -> None:
    assert convert(value, unit, target) == pytest.approx(result, rel=1e-4)


def _surfaces() -> list[tuple[str, str, str]]:
    """(surface, style, expected unit as unit_of gives it) for every written form."""
    found = []
    for form in lexicon().forms:
        readings = [r for r in form.readings if r.dimension != COUNT]
        if len(readings) != len(form.readings):
            continue  # "m": metres or million, read as a scale after money or a count
        expected = "|".join(r.unit or "" for r in form.readings)
        found.append((form.surface, form.style, expected))
    return found


@pytest.mark.parametrize(("surface", "style", "unit"), _surfaces(), ids=lambda v: str(v))
def test_every_written_form_reads_back_as_its_unit(surface: str, style: str, unit: str) -> None:
    tight = style == "attached" or surface.startswith(" ")  # " %" is "12 %"
    end = "." if style == "guarded" else " then."  # "in" is read where a measure is expected
    text = f"The figure was 12{'' if tight else ' '}{surface}{end}"
    claims = claims_of(text)
    assert [unit_of(c) for c in claims] == [unit], text


def test_currency_prefixes_name_one_code_each() -> None:
    seen: dict[str, str] = {}
    for name, data in load_kind("currencies"):
        for code, spec in data["currencies"].items():
            assert len(code) == 3 and code.isupper(), f"{name}: {code}"
            for prefix in spec.get("prefixes", []):
                assert seen.setdefault(prefix, code) == code, (
                    f"{prefix} is {seen[prefix]} and {code}"
                )


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("$5", "USD", 5), ("US$5", "USD", 5), ("£5", "GBP", 5), ("€5", "EUR", 5), ("¥5", "JPY", 5),
        ("₹5", "INR", 5), ("C$5", "CAD", 5), ("A$5", "AUD", 5), ("HK$5", "HKD", 5),
        ("5 dollars", "USD", 5), ("5 euros", "EUR", 5), ("5 yen", "JPY", 5), ("5 yuan", "CNY", 5),
        ("5 roubles", "RUB", 5), ("5 hryvnias", "UAH", 5), ("5 Swiss francs", "CHF", 5),
        ("5 pounds sterling", "GBP", 5), ("5 €", "EUR", 5), ("5 USD", "USD", 5),
        ("$5bn", "USD", 5e9), ("$5 billion", "USD", 5e9), ("£5m", "GBP", 5e6),
        ("$5 million", "USD", 5e6), ("$5k", "USD", 5000), ("$5tn", "USD", 5e12),
        ("5 lakh rupees", "INR", 5e5), ("5 crore rupees", "INR", 5e7),
    ],
)  # fmt: skip
def test_currency_forms(text: str, unit: str, value: float) -> None:
    (claim,) = claims_of(text)
    assert (claim.text, unit_of(claim), claim.value) == (text, unit, pytest.approx(value))


# Broken packs: each is refused with a one-line error naming its file.
BROKEN = [
    ("bad-yaml.yaml", "kind: units\nquantities: {length: [\n", "bad-yaml.yaml:3"),
    ("not-a-mapping.yaml", "- kind: units\n", "must be a mapping"),
    ("wrong-kind.yaml", "kind: unit\n", "'kind' must be one of"),
    (
        "unknown-reading.yaml",
        "kind: units\nambiguous:\n  stone:\n    words: [st]\n    readings: [stone_weight]\n",
        "'ambiguous.stone.readings' names 'stone_weight'",
    ),
    (
        "words-not-a-list.yaml",
        'kind: units\nquantities:\n  length:\n    dimension: "[length]"\n    units:\n'
        "      league: {words: league}\n",
        "'quantities.length.units.league.words' must be a list",
    ),
    (
        "bad-definition.yaml",
        'kind: units\ndefinitions: ["league 3 mile"]\n',
        "bad definition",
    ),
    (
        "bad-qualifier.yaml",
        "kind: qualifiers\nqualifiers:\n  sometimes: [perhaps]\n",
        "'qualifiers.sometimes' is not one of",
    ),
    (
        "bad-currency.yaml",
        "kind: currencies\ncurrencies:\n  XAU: gold\n",
        "'currencies.XAU' must be a dict",
    ),
]


@pytest.mark.parametrize(("name", "text", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_pack_is_refused_naming_its_file(
    tmp_path: Path, run_numcheck, name: str, text: str, message: str
) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / name).write_text(text, encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text("The range is 190 miles (306 km).\n", encoding="utf-8")
    run = run_numcheck("check", "--rules", str(packs), str(article))
    assert run.returncode == 2, run
    assert len(run.stderr_lines) == 1, run
    assert name in run.stderr and message in run.stderr, run
    assert "Traceback" not in run.stderr


def test_a_user_pack_extends_the_built_in_units(tmp_path: Path, run_numcheck) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "leagues.yaml").write_text(
        'kind: units\ndefinitions: ["league = 3 * mile"]\nquantities:\n  length:\n'
        '    dimension: "[length]"\n    units:\n      league: {words: [league, leagues]}\n',
        encoding="utf-8",
    )
    article = tmp_path / "article.txt"
    article.write_text(
        "They sailed 20 leagues (97 km) and 20 leagues (70 miles).\n", encoding="utf-8"
    )
    run = run_numcheck("check", "--rules", str(packs), "--select", "NC101", str(article))
    assert run.returncode == 1, run
    assert "'70 miles' does not match '20 leagues', which is 60 miles" in run.stdout, run
    assert "97 km" not in run.stdout


def test_parse_pack_names_the_line_of_a_yaml_error() -> None:
    with pytest.raises(RulePackError, match=r"^mine\.yaml:3: "):
        parse_pack("mine.yaml", "kind: units\nquantities: [\n")
