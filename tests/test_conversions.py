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

# The units careful editors' text needs: each right and each wrong.
SHIPS_ENGINES_DATA = [
    C("The ship made 21 knots (39 km/h)."),
    C("The ship made 21 knots (49 km/h).", "NC101", "39 km/h"),
    C("The shell left the barrel at 2,800 ft/s (850 m/s)."),
    C("The shell left the barrel at 2,800 ft/s (580 m/s).", "NC101", "853 m/s"),
    C("The engine turns at 3,600 rpm (60 Hz)."),
    C("The engine turns at 3,600 rpm (6 Hz).", "NC101", "60 Hz"),
    C("Her turbines gave 60,000 shp (45,000 kW)."),
    C("Her turbines gave 60,000 shp (54,000 kW).", "NC101", "44,742 kW"),
    C("The engines gave 12,000 ihp (8,900 kW)."),
    C("The plant adds 450 MW (450,000 kW)."),
    C("The plant adds 450 MW (45,000 kW).", "NC101", "450,000 kW"),
    C("Gas use fell 10 mmBTU (2,931 kWh)."),
    C("Gas use fell 10 mmBTU (3,931 kWh).", "NC101", "2,931 kWh"),
    C("The ship displaced 3,200 long tons (3,250 t)."),
    C("The ship displaced 3,200 long tons (3,520 t).", "NC101", "3,251 t"),
    C("The truck carries 2 short tons (1.81 t)."),
    C("The truck carries 2 short tons (2.81 t).", "NC101", "1.81 t"),
    C("The hull weighs 40 tonnes (39 long tons)."),
    C("The hold has 35 cu ft (0.99 m3) of space."),
    C("The hold has 35 cu ft (1.99 m3) of space.", "NC101", "0.99 m3"),
    C("The tank holds 0.8 cubic metres (28 cu ft)."),
    C("The tank holds 0.8 cubic metres (38 cu ft).", "NC101", "28 cu ft"),
    C("The patrol covered 200 nmi (370 km)."),
    C("The patrol covered 200 nmi (320 km).", "NC101", "370 km"),
    C("The engine makes 310 pound-feet (420 N·m) of torque."),
    C("The engine makes 310 pound-feet (520 N·m) of torque.", "NC101", "420 N·m"),
    C("It makes 310 lb-ft (420 Nm)."),
    C("The drive holds 2 TB (1.82 TiB)."),
    C("The drive holds 2 TB (2.82 TiB).", "NC101", "1.82 TiB"),
    C("The chip has 512GB (477 GiB) of storage."),
    C("The pressure was 950 mbar (hPa; 28.05 inHg)."),
    C("The pressure was 950 mbar (hPa; 29.05 inHg).", "NC101", "28.05 inHg"),
    C("The tyres run at 32 psi (220 kPa)."),
    C("The tyres run at 32 psi (320 kPa).", "NC101", "221 kPa"),
]

# "in" for inches, several targets in one bracket, compound units and mixed numbers as sources.
FORMS = [
    # powers of ten, numbers in words joined by "&", a baker's dozen
    C("Light travels at 3 x 10^8 m/s (670 million mph)."),
    C("Light travels at 3 x 10^8 m/s (900 million mph).", "NC101", "671 million mph"),
    C("The mine produced 10^6 tonnes (2.2 billion lb) of ore."),
    C("The mine produced 10^6 tonnes (22 billion lb) of ore.", "NC101", "2 billion lb"),
    C("The tank held two hundred & forty imperial gallons (1,091 litres)."),
    C("The tank held two hundred & forty imperial gallons (800 litres).", "NC101", "1091 litres"),
    C("The crate held a baker's dozen kilograms (29 lb) of fruit."),
    C("The crate held a baker's dozen kilograms (40 lb) of fruit.", "NC101", "29 lb"),
    C("The armour is 25 millimetres (0.98 in) thick."),
    C("The armour is 25 millimetres (0.89 in) thick.", "NC101", "0.98 in"),
    C("The blade is 30 cm (12 in) long."),
    C("The blade is 30 cm (21 in) long.", "NC101", "12 in"),
    C("The gun fired a 14 in (356 mm) shell."),
    C("The gun fired a 14 in (456 mm) shell.", "NC101", "356 mm"),
    C("The destroyer made 21 knots (39 km/h; 24 mph)."),
    C("The destroyer made 21 knots (39 km/h; 34 mph).", "NC101", "24 mph"),
    C("The destroyer made 21 knots (49 km/h; 24 mph).", "NC101", "39 km/h"),
    C("The ship displaced 4,480 lb (2,032 kg; 2.0 t)."),
    C("The ship displaced 4,480 lb (2,302 kg; 2.0 t).", "NC101", "2,032 kg"),
    C("A 60-mile-per-hour (97 km/h) wind blew."),
    C("A 60-mile-per-hour (79 km/h) wind blew.", "NC101", "97 km/h"),
    C("They built a 120,000-square-foot (11,000 m2) warehouse."),
    C("They built a 120,000-square-foot (21,000 m2) warehouse.", "NC101", "11,148 m2"),
    C("The shell flew at 760 metres per second (2,490 ft/s)."),
    C("The shell flew at 760 metres per second (2,940 ft/s).", "NC101", "2,493 ft/s"),
    C("The screen is 48 3⁄4 inches (124 cm) wide."),
    C("The screen is 48 3⁄4 inches (142 cm) wide.", "NC101", "124 cm"),
    C("The bore is 2 1 ⁄ 2 inches (64 mm) across."),
    C("The bore is 2 1 ⁄ 2 inches (46 mm) across.", "NC101", "64 mm"),
    C("The gun is a 4½ in (114 mm) piece."),
    C("The gun is a 4½ in (141 mm) piece.", "NC101", "114 mm"),
    C("The missile flew 190 miles (306 kg; 306 km).", "NC102"),  # each target checked
    C('The pizza is 12" (30 cm) across.'),
    C('The pizza is 12" (40 cm) across.', "NC101", "30 cm"),
    C('He said "the pizza was 12" and left (40 cm).'),  # a quotation mark, not inches
    C("Gravity pulls at 9.81 m/s2 (32.2 ft/s2)."),
    C("Gravity pulls at 9.81 m/s2 (23.2 ft/s2).", "NC101", "32.2 ft/s2"),
    C("The bar weighs 2,000.45±0.01 pounds (907.4 kg)."),
    C("The bar weighs 2,000.45±0.01 pounds (970.4 kg).", "NC101", "907.4 kg"),
    C("The rod is 25.0 ± 0.5 mm (0.98 in) thick."),
    C("The rod is 25.0 ± 0.5 mm (0.89 in) thick.", "NC101", "0.98 in"),
    C("The farm lies one-half mile (0.8 km) east."),
    C("The farm lies one-half mile (1.8 km) east.", "NC101", "0.8 km"),
    C("Nothing is colder than absolute zero (−273.15 °C)."),
    C("Nothing is colder than absolute zero (−200 °C).", "NC101", "-273 °C"),
    C("Lows of -18 °C to -34 °C (-0.4 °F to -29.2 °F) were recorded."),
    C(
        "Lows of -18 °C to -34 °C (-0.4 °F to -39.2 °F) were recorded.",
        "NC101",
        "-0.4 °F to -29.2 °F",
    ),
    C("The panel delivers 1,000 W/m2 (93 W/sq ft)."),
    C("The panel delivers 1,000 W/m2 (193 W/sq ft).", "NC101", "93 W/sq ft"),
    C("It lies about a mile (1.6 km) away."),
    C("It lies about a mile (2 km) away."),
    C("It lies about a mile (3 km) away.", "NC101", "2 km"),
    C("The bridge is half a mile (800 m) long."),
    C("The bridge is half a mile (1,800 m) long.", "NC101", "805 m"),
    C("He lost a stone (6.4 kg)."),
    C("He lost a stone (9 kg).", "NC101", "6 kg"),
    C("It weighs a ton (907 kg)."),  # short, long or metric: each reading kept
    C("It weighs a ton (1,016 kg)."),
    C("It weighs a ton (2,000 kg).", "NC101", "907 kg", **WARNING),  # wrong in every reading
]

# Right conversions numcheck must not call wrong.
ROUNDING_AND_READINGS = [
    # rounding to the nearest 5: both may be roundings of one speed in knots
    C("Winds reached 235 km/h (145 mph)."),
    C("Winds reached 235 km/h (155 mph).", "NC101", "146 mph"),
    C("Winds of 125 knots (230 km/h; 145 mph) hit the coast."),
    C("Winds of 125 knots (230 km/h; 165 mph) hit the coast.", "NC101", "144 mph"),
    C("Gusts hit 185 km/h (115 mph)."),
    # temperature differences: the words say a change, so no offset
    C("Temperatures warmed by 2 °F (1.1 °C)."),
    C("Temperatures warmed by 2 °F (2.1 °C).", "NC101", "1.1 °C"),
    C("A rise of 3 °C (5.4 °F) is forecast."),
    C("A rise of 3 °C (8.4 °F) is forecast.", "NC101", "5.4 °F"),
    C("It is 2 °C (3.6 °F) warmer than last year."),
    C("Temperatures rose to 30 °C (54 °F).", "NC101", "86 °F"),  # a level, not a change
    # US and imperial readings, both kept: right in either, a warning when wrong in both
    C("Pour 500 ml (17.6 fl oz) of milk."),  # imperial ounces
    C("Pour 500 ml (16.9 fl oz) of milk."),  # US ounces
    C("Pour 500 ml (19.5 fl oz) of milk.", "NC101", "16.9 fl oz", **WARNING),
    C("Add 2 cups (470 ml) of stock."),  # US cups
    C("Add 2 cups (500 ml) of stock."),  # metric cups
    C("Add 2 cups (570 ml) of stock."),  # imperial cups
    C("Add 2 cups (750 ml) of stock.", "NC101", "473 ml", **WARNING),
    C("The jug holds 2 quarts (1.9 litres)."),
    C("The jug holds 2 quarts (2.3 litres)."),
    C("The jug holds 2 quarts (3.3 litres).", "NC101", "1.9 litres", **WARNING),
    C("He drank 2 pints (1.1 litres)."),
    C("The tank holds 10 imperial gallons (45 litres)."),
    C("The tank holds 10 imperial gallons (38 litres).", "NC101", "45 litres"),
    # a mass with the volume of a substance: a note, not an error
    C("He carried 80 kilograms (50 litres) of fuel.", "NC102", level="note"),
    C("The tank held 50 litres (80 kg) of fuel.", "NC102", level="note"),
]

# A correction is written as precisely as it must be to pass when it is read again: a figure in
# powers of ten rounds to one significant digit, but the zeros of "200,000" round by 5% only.
CORRECTIONS_THAT_HOLD = [
    C("It weighs 96 tonnes (1e5 lb).", "NC101", "210,000 lb"),
    C("It weighs 96 tonnes (3e5 lb).", "NC101", "210,000 lb"),
    C("A load of 50 tonnes (2e5 lb) was lifted.", "NC101", "110,000 lb"),
    C("A 50-tonne (2e5 lb) load was lifted.", "NC101", "110,000 lb"),
    C("It weighs 3 tonnes (5,000 lb).", "NC101", "6,614 lb"),
]

# Money is never converted (no exchange rates), nor are ages or money rates.
NOT_CONVERTED = [
    C("Shares closed at 212p ($2.70)."),
    C("Petrol costs $3.40 per gallon (90 cents per litre)."),
    C("A 47-year-old (born 1977) was hurt."),
]


def _cases() -> list:
    tables = {
        "length": LENGTH, "mass": MASS, "speed": SPEED, "area-volume": AREA_VOLUME,
        "temperature": TEMPERATURE, "energy-power": ENERGY_POWER, "dimension": DIMENSIONS,
        "not-a-conversion": NOT_CONVERSIONS, "ships-engines-data": SHIPS_ENGINES_DATA,
        "forms": FORMS, "rounding-and-readings": ROUNDING_AND_READINGS,
        "not-converted": NOT_CONVERTED, "corrections-that-hold": CORRECTIONS_THAT_HOLD,
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
        assert finding.level == case.level
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
        ("21 knots (39 km/h; 24 mph)", [("21 knots", "39 km/h"), ("21 knots", "24 mph")]),
        ("4,480 lb (2,032 kg, 2.0 t)", [("4,480 lb", "2,032 kg"), ("4,480 lb", "2.0 t")]),
        ("950 mbar (hPa; 28.05 inHg)", [("950 mbar", "28.05 inHg")]),
        ("21 knots (39 km/h; 24 mph of it)", []),
        ("21 knots (39 km/h) and 24 mph", [("21 knots", "39 km/h")]),
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
