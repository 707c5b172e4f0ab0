"""Conversions written beside their source, through the real checks (NC101, NC102).

Each case is a sentence, the code numcheck must report on it (None: nothing), and for NC101
the fix it must offer. A written conversion is right when it is a rounding of the exact
conversion at the precision the writer used: 190 mi is 305.8 km, so "306 km" and "310 km"
pass and "360 km" does not.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from numcheck.extraction.conversions import conversion_pairs
from numcheck.extraction.conversions import describe
from numcheck.extraction.conversions import dimensions_differ
from testing.claims import claims_of
from testing.claims import findings_of


class Case(NamedTuple):
    sentence: str
    code: str | None = None
    fix: str | None = None
    level: str = "error"
    applicability: str = "safe"


C = Case
WARNING = {"level": "warning", "applicability": "display-only"}

LENGTH = [
    C("The missile has a range of up to 190 miles (306 km)."),
    C("The missile has a range of up to 190 miles (310 km)."),
    C("The missile has a range of up to 190 miles (300 km)."),
    C("The missile has a range of up to 190 miles (360 km).", "NC101", "306 km"),
    C("The missile has a range of up to 190 miles (2,000 km).", "NC101", "306 km"),
    C("The ATACMS has a 190-mile (306-km) range."),
    C("The ATACMS has a 190-mile (360-km) range.", "NC101", "306-km"),
    C("The missile can fly 190 miles, or 306 km, before it lands."),
    C("The missile can fly 190 miles, or 360 km, before it lands.", "NC101", "306 km"),
    C("The missile can fly 190 miles (306 kilometres)."),
    C("The missile can fly 190 miles (360 kilometres).", "NC101", "306 kilometres"),
    C("He is 5ft 11in (180cm) tall."),
    C("He is 5ft 11in (160cm) tall.", "NC101", "180cm"),
    C("He is 6 feet 2 inches (1.88 m) tall."),
    C("The plane flew at 35,000 feet (10,668 metres)."),
    C("The plane flew at 35,000 feet (10,700 metres)."),
    C("The plane flew at 35,000 feet (11,700 metres).", "NC101", "10,668 metres"),
    C("The storm dumped 20 inches (51 cm) of snow."),
    C("The storm dumped 20 inches (60 cm) of snow.", "NC101", "51 cm"),
    C("The border is 1,200 km (745 miles) long."),
    # both figures may be roundings of one original (1,249 km is 776 miles)
    C("The border is 1,200 km (800 miles) long.", None),
    C("The border is 1,200 km (900 miles) long.", "NC101", "746 miles"),
    C("Winds of 230 km/h (145 mph) were recorded.", None),
    C("The fire burned 19,000 ha (48,000 acres).", None),
    C("It cruised at 11,000 metres (35,000 feet).", None),
    C("The tower is 458 m (1,200 feet) tall.", "NC101", "1,503 feet"),
    C("The cliff is 400 feet (1,312 m) high.", "NC101", "122 m"),
    C("The gap is 1/4 mile (400 m) wide."),
    C("The gap is 1/4 mile (0.4 km) wide."),
    C("The crater is 2 1/2 miles (4 km) wide."),
    C("The crater is 2 1/2 miles (5 km) wide.", "NC101", "4 km"),
    C("The vessel sailed 200 nautical miles (370 km)."),
    C("The range is about 190 miles (300 km)."),
    C("The range is roughly 190 miles (320 km)."),
    C("The range is 190 miles (320 km).", "NC101", "306 km"),
    C("The range is about 190 miles (360 km).", "NC101", "306 km"),
]

MASS = [
    C("The boxer weighs 70 kg (154 lb)."),
    C("The boxer weighs 70 kg (170 lb).", "NC101", "154 lb"),
    C("The whale weighed 40 tonnes (88,000 lb)."),
    C("The whale weighed 40 tonnes (40,000 lb).", "NC101", "88,185 lb"),
    C("Police seized 2.5 kilograms (5.5 pounds) of cocaine."),
    C("The ship carried 10 tons (9.1 tonnes) of grain."),  # the short ton
    C("The ship carried 10 tons (10.2 tonnes) of grain."),  # the long ton
    C("The ship carried 10 tons (12 tonnes) of grain.", "NC101", "9 tonnes", **WARNING),
    C("The baby weighed 7 pounds 6 ounces (3.3 kg)."),
    C("The baby weighed 7 pounds 6 ounces (4.3 kg).", "NC101", "3.3 kg"),
    C("He is 180 cm (5ft 1in) tall.", "NC101", None),  # no fix is written for a compound
    # "pounds" is money or weight: the same unit on both sides restates nothing, and the
    # money reading is never converted
    C("He paid 100 pounds (120 pounds)."),
    C("He paid 100 pounds (100 pounds) for it."),
    C("It cost 100 pounds (120 pounds sterling)."),
    C("The parcel weighs 100 pounds (45 kg)."),
    C("The parcel weighs 100 pounds (65 kg).", "NC101", "45 kg"),
]

SPEED = [
    C("Winds of 30 to 55 km/h (19 to 34 mph) are expected."),
    C("Winds of 30 to 55 km/h (19 to 44 mph) are expected.", "NC101", "19 to 34 mph"),
    C("The car reached 120 mph (193 km/h)."),
    C("The car reached 120 mph (160 km/h).", "NC101", "193 km/h"),
    C("Winds reached 100 knots (185 km/h)."),
    C("Winds reached 100 knots (120 km/h).", "NC101", "185 km/h"),
    C("The storm moved at 15 miles an hour (24 km/h)."),
]

AREA_VOLUME = [
    C("The lake covers 250 km² (97 sq mi)."),
    C("The lake covers 250 km² (120 sq mi).", "NC101", "97 sq mi"),
    C("The flat is 85 square metres (915 sq ft)."),
    C("The flat is 85 square metres (600 sq ft).", "NC101", "915 sq ft"),
    C("The fire burned 4,000 hectares (9,900 acres)."),
    C("The fire burned 4,000 hectares (40 sq km)."),
    C("The fire burned 4,000 hectares (4,000 acres).", "NC101", "9,884 acres"),
    C("The tank holds 500 litres (132 US gallons)."),
    C("The tank holds 500 litres (110 gallons)."),  # the imperial gallon
    C("The tank holds 500 litres (150 gallons).", "NC101", "132 gallons", **WARNING),
    C("The tanker carried 2 million barrels (318,000 cubic metres) of oil."),
    C(
        "The tanker carried 2 million barrels (500,000 cubic metres).",
        "NC101",
        "317,975 cubic metres",
    ),
]

TEMPERATURE = [
    C("It was 30C (86F) in Madrid."),
    C("It was 30C (54F) in Madrid.", "NC101", "86F"),  # a difference converted, not a reading
    C("It was 86F (30C) in Miami."),
    C("It was 86F (35C) in Miami.", "NC101", "30C"),
    C("Highs of 40C (104F) are forecast."),
    C("Lows of -40C (-40F) are forecast."),
    C("Lows of -10C (14F) are forecast."),
    C("Lows of -10C (-14F) are forecast.", "NC101", "14F"),
    C("It reached 30 degrees Celsius (86 degrees Fahrenheit)."),
    C("It reached 30 degrees Celsius (96 degrees Fahrenheit).", "NC101", "86 degrees Fahrenheit"),
    C("It was 40 degrees (104F) in the shade."),
    C("Water boils at 100° Celsius (212°F)."),
]

ENERGY_POWER = [
    C("The plant generates 1,000 MW (1 GW)."),
    C("The plant generates 1,000 MW (10 GW).", "NC101", "1 GW"),
    C("The battery stores 75 kWh (270 MJ)."),
    C("The battery stores 75 kWh (300 MJ).", "NC101", "270 MJ"),
    C("The engine delivers 300 horsepower (224 kW)."),
    C("The engine delivers 300 horsepower (300 kW).", "NC101", "224 kW"),
    C("The meal contains 800 calories (3,350 kJ)."),
    C("The meal contains 800 calories (800 kJ).", "NC101", "3347 kJ"),
]

DIMENSIONS = [
    C("The missile has a range of up to 190 miles (306 kg).", "NC102"),
    C("The car goes 120 mph (193 km).", "NC102"),
    C("The plant generates 1,000 MW (1,000 km).", "NC102"),
    C("The lake covers 250 km² (250 km).", "NC102"),
    C("It was 30C (30 km) away.", "NC102"),
]

NOT_CONVERSIONS = [
    C("It is a 300 km (two-hour) drive."),  # a duration aside
    C("It rained for 3 hours (180 minutes)."),
    C("Prices rose 25% ($5bn) last year."),  # money and percentages are not converted
    C("The firm lost $5bn (£4bn) last year."),
    C("Some 300 people (40%) left."),
    C("The missile flew 190 miles; 360 km of it over sea."),
    C("The missile flew 190 miles (and then 360 km more)."),
]


def _cases() -> list:
    tables = {
        "length": LENGTH, "mass": MASS, "speed": SPEED, "area-volume": AREA_VOLUME,
        "temperature": TEMPERATURE, "energy-power": ENERGY_POWER, "dimension": DIMENSIONS,
        "not-a-conversion": NOT_CONVERSIONS,
    }  # fmt: skip
    return [
        pytest.param(case, id=f"{name}: {case.sentence[:60]}")
        for name, table in tables.items()
        for case in table
    ]


CASES = _cases()


def test_the_table_is_large() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize("case", CASES)
def test_conversion(case: Case) -> None:
    findings = findings_of(case.sentence, select=["NC101", "NC102"])
    assert [f.code for f in findings] == ([case.code] if case.code else [])
    if case.code is None:
        return
    (finding,) = findings
    if case.code == "NC102":
        assert finding.fix is None
        assert finding.level == "error"
        return
    assert finding.level == case.level
    if case.fix is None:
        assert finding.fix is None
    else:
        assert finding.fix is not None
        assert finding.fix.replacement == case.fix
        assert finding.fix.applicability == case.applicability
    # The finding points at the written conversion, and names its source.
    target = case.sentence[finding.location.start : finding.location.end]
    assert target in case.sentence.split("(", 1)[-1] or ", or " in case.sentence
    assert finding.related


@pytest.mark.parametrize(
    ("sentence", "pairs"),
    [
        ("a range of up to 190 miles (306 km)", [("up to 190 miles", "306 km")]),
        ("190 miles, or 306 km, away", [("190 miles", "306 km")]),
        ("190 miles, or 306 km.", [("190 miles", "306 km")]),
        ("30 to 55 km/h (19 to 34 mph)", [("30 to 55 km/h", "19 to 34 mph")]),
        ("5ft 11in (180cm)", [("5ft 11in", "180cm")]),
        ("a 190-mile (306-km) range", [("190-mile", "306-km")]),
        ("190 miles [306 km]", [("190 miles", "306 km")]),
        ("190 miles and 306 km", []),
        ("190 miles (306 km of it over sea)", []),
        ("300 people (40%)", []),
        ("a 300 km (two-hour) drive", [("300 km", "two-hour")]),
    ],
)
def test_conversion_pairs(sentence: str, pairs: list[tuple[str, str]]) -> None:
    """Which neighbouring claims are read as a figure and its conversion (before the checks
    decide what to make of a duration beside a length)."""
    claims = claims_of(sentence)
    found = [(p.source.text, p.target.text) for p in conversion_pairs(sentence, claims)]
    assert found == pairs


def test_a_duration_aside_is_a_pair_of_other_dimensions_but_no_finding() -> None:
    claims = claims_of("a 300 km (two-hour) drive")
    (pair,) = conversion_pairs("a 300 km (two-hour) drive", claims)
    assert dimensions_differ(pair)
    assert findings_of("a 300 km (two-hour) drive", select=["NC101", "NC102"]) == []


def test_restated_conversion_takes_the_subject_of_its_source() -> None:
    source, target = claims_of("The missile has a range of up to 190 miles (306 km).")
    assert target.subject == source.subject == "range"
    assert target.restates and not source.restates


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (305.775, "305.8"),
        (18.6411, "18.64"),
        (1609.344, "1,609"),
        (0.4023, "0.4023"),
        (0, "0"),
        (86, "86"),
    ],
)
def test_describe(value: float, text: str) -> None:
    assert describe(value) == text
