"""Measure numcheck's grammar against labelled quantity sentences of other extractors.

    python tools/devdata_eval.py [--devdata DIR] [--misses] [--false] [--reasons] [--set NAME]

The dev sets (see ``../shared/devdata/README.md``) are Microsoft Recognizers-Text's English
specification cases (NumberWithUnit Dimension, Currency, Temperature and Age models; Number,
Percent and NumberRange models; the Ordinal models as sentences where no quantity should be
found) and quantulum3's ``quantities.json``.

For each sentence, an expected quantity is *found* when a claim numcheck extracts from that
sentence has the same unit family (length, mass, currency, duration...) and the same value,
and covers the expected text where the set gives its position. Recall is found / expected.
Precision is computed over the claims of the families a set labels (a Currency sentence's
count of people is not counted against it): matched claims / claims. For the Ordinal sets the
table shows how many claims sit on an ordinal ("the 21st", "first"), all of them wrong.

A money rate ("$98 a share") also counts as the money it states, which the sets without rates
label as currency; amounts the sets give in cents, pence or dozens are compared in dollars,
pounds and units, as numcheck states them.

The sets label things numcheck leaves alone on purpose (years, the bare "2" of "Voyager 2"):
those are misses here, and the numbers say so. ``--reasons`` sorts the misses by why: an
exclusion rule of numcheck's that set the figure aside (``left alone: year``), no figure
written at all ("a gallon", "a baker's dozen"), one quantity read as separate figures ("from 44
mg to 50 mg" after a verb of change), the figure read without the unit or with another value,
or nothing read there.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Iterable
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from numcheck.extraction.candidates import next_start
from numcheck.extraction.claims import Claim
from numcheck.extraction.exclusions import exclusion_reason
from numcheck.extraction.extract import extract
from numcheck.extraction.grammar import parse_at
from numcheck.extraction.numbers import WORD_NUMBER_PATTERN
from numcheck.extraction.numbers import word_value
from numcheck.reading.documents import plain_text_document

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEVDATA = ROOT.parent / "shared" / "devdata"

# numcheck's dimensions as family names.
DIMENSION_FAMILIES = {
    "[length]": "length",
    "[length] ** 2": "area",
    "[length] ** 3": "volume",
    "[mass]": "mass",
    "[time]": "duration",
    "[temperature]": "temperature",
    "[length] / [time]": "speed",
    "[length] ** 2 * [mass] / [time] ** 2": "energy",
    "[length] ** 2 * [mass] / [time] ** 3": "power",
    "percent": "percent",
    "currency": "currency",
    "count": "count",
    "information": "information",
    "angle": "angle",
    "age": "age",
    "1 / [time]": "frequency",
    "[length] ** 2 / [time] ** 2": "radiation dose",
    "[mass] / [length] / [time] ** 2": "pressure",
    "[mass] / [time]": "mass rate",
    "[mass] / [length] ** 3": "density",
    "[length] / [time] ** 2": "acceleration",
    "information / [time]": "data rate",
    "1 / [length] ** 2": "integrated luminosity",
    "[length] ** 2 * [mass] / [time] ** 4": "power per time",
    "[mass] / [time] ** 3": "irradiance",
    "[length] ** 2 * [mass] / [time]": "action",
}

# The units the sets name, by family; a unit not listed is of a family numcheck lacks.
UNIT_FAMILIES: dict[str, tuple[str, ...]] = {
    "length": (
        "foot", "inch", "mile", "meter", "metre", "kilometer", "kilometre", "millimeter",
        "decimeter", "picometer", "picometre", "nanometre", "attometre", "centimetre",
    ),
    # "litre per kilometre" is an area to pint, as to numcheck
    "area": (
        "square meter", "square kilometer", "square kilometre", "square mile", "acre",
        "litre per kilometre",
    ),
    "volume": (
        "gallon", "milliliter", "barrel", "cubic foot", "tablespoon", "cup", "teaspoon", "litre",
        "cubic kilometre", "cubic centimetre", "centilitre",
    ),
    "mass": (
        "pound", "ton", "metric ton", "kilogram", "microgram", "ounce", "gram", "dram",
        "milligram", "tonne", "pound-mass",
    ),
    "speed": (
        "kilometer per hour", "mile per hour", "meter per millisecond",
        "centimeter per millisecond", "kilometer per millisecond", "kilometre per hour",
    ),
    "temperature": ("c", "f", "degree", "degree celsius", "degree fahrenheit", "kelvin"),
    "energy": (
        "electronvolt", "teraelectronvolt", "watt hour", "megawatt hour", "british thermal unit",
    ),
    "power": ("watt",),
    "action": ("joule second",),
    "percent": ("percentage",),
    "duration": ("year", "month", "week", "day", "hour", "minute", "megayear", "gigayear"),
    "age": ("age",),
    "information": (
        "bit", "byte", "kilobyte", "megabyte", "gigabyte", "terabyte", "exabyte", "kibibyte",
        "megabit", "kilobit",
    ),
    "angle": ("angle", "radian", "turn"),
    "frequency": ("hertz", "gigahertz", "megahertz", "inverse second", "count per week"),
    "irradiance": ("joule per square metre per year",),
    "acceleration": ("kilometre per square second",),
    "data rate": ("kilobit per second",),
    "integrated luminosity": ("inverse femtobarn",),
    "power per time": ("watt per minute",),
    "radiation dose": ("gray", "milligray"),
    "money rate": ("dollar per hour", "dollar per kilogram"),
    "currency": (
        "dollar", "united states dollar", "euro", "chinese yuan", "canadian dollar",
        "japanese yen", "franc", "australian dollar", "pence", "bitcoin", "turkish lira", "rupee",
        "british pound", "mexican peso", "finnish markka", "hong kong dollar", "peseta",
        "netherlands guilder", "penny", "swiss franc", "costa rican colón", "georgian lari",
        "lao kip", "sri lankan rupee", "sen", "satoshi", "new zealand dollar", "cent",
        "pound sterling", "dime",
    ),
    "count": ("dimensionless", "dozen", "baker's dozen"),
    "mass rate": ("ton per day",),
    "density": ("kilogram per cubic centimetre",),
}  # fmt: skip
UNITS = {name: family for family, names in UNIT_FAMILIES.items() for name in names}
# Units the sets count in that numcheck states in a larger one: "34 cents" is USD 0.34,
# "a dozen" is 12, "a baker's dozen" 13.
UNIT_FACTORS = {
    "cent": 0.01, "pence": 0.01, "penny": 0.01, "dime": 0.1, "satoshi": 1e-8, "dozen": 12.0,
    "baker's dozen": 13.0,
}  # fmt: skip


@dataclass(frozen=True)
class Expected:
    value: float | None
    family: str
    text: str
    start: int | None = None  # where the set gives it
    end: int | None = None


@dataclass
class Case:
    text: str
    expected: list[Expected]


@dataclass
class DevSet:
    name: str
    families: set[str] | None  # the families the set labels; None: every claim counts
    cases: list[Case] = field(default_factory=list)
    negative: bool = False  # a set of spans where no claim belongs (ordinals)


@dataclass
class Score:
    cases: int = 0
    expected: int = 0
    found: int = 0
    claims: int = 0
    matched: int = 0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)
    reasons: dict[str, list[str]] = field(default_factory=dict)


def _family(unit: str) -> str:
    return UNITS.get(unit.lower(), f"({unit.lower()})")


def _number(text: object) -> float | None:
    if text is None:
        return None
    try:
        return float(str(text).rstrip("%").replace(",", ""))
    except ValueError:
        return None


def _range_values(text: str) -> list[float]:
    inner = text.strip("[]()")
    return [float(part) for part in inner.split(",") if part.strip()]


def _load_json(path: Path) -> list:
    return json.loads(path.read_text(encoding="utf-8-sig"))


ORDINAL_MODELS = (
    "Number/English/OrdinalModel.json",
    "Number/English/OrdinalModelSuppressExtendedTypes.json",
)
QUANTULUM_SETS = (
    ("quantulum3", "quantities.json"),
    ("quantulum3 ambiguity", "quantities.ambiguity.json"),
)


def _cases(path: Path, skip_not_supported: bool) -> Iterator[dict]:
    """The cases of one Recognizers-Text file, without those the library itself fails when
    asked to."""
    for case in _load_json(path):
        if not (skip_not_supported and case.get("NotSupported")):
            yield case


def recognizers_sets(root: Path, *, skip_not_supported: bool) -> Iterator[DevSet]:
    base = root / "recognizers-text"
    unit_models = [  # the family every unit of a model has, if they share one
        ("Dimension", "NumberWithUnit/English/DimensionModel.json", None),
        ("Currency", "NumberWithUnit/English/CurrencyModel.json", "currency"),
        ("Temperature", "NumberWithUnit/English/TemperatureModel.json", "temperature"),
        ("Age", "NumberWithUnit/English/AgeModel.json", "age"),
    ]
    for name, relative, shared in unit_models:
        devset = DevSet(f"RT {name}", None)
        for case in _cases(base / relative, skip_not_supported):
            expected = []
            for result in case["Results"]:
                resolution = result.get("Resolution") or {}
                value = _number(resolution.get("value"))
                if value is None:  # a unit named without a figure ("convert to fahrenheit")
                    continue
                unit = str(resolution.get("unit", ""))
                if name == "Dimension" and resolution.get("subtype") == "Angle":
                    unit = "angle"  # the Dimension model's "Degree" is an angle
                family = shared or _family(unit)
                start = result.get("Start")
                end = result.get("End")
                value *= UNIT_FACTORS.get(unit.lower(), 1.0)
                expected.append(
                    Expected(value, family, result["Text"], start, None if end is None else end + 1)
                )
            devset.cases.append(Case(case["Input"], expected))
        devset.families = {e.family for c in devset.cases for e in c.expected}
        yield devset
    number_models = [
        ("Number", "Number/English/NumberModel.json", None),
        ("Percent", "Number/English/PercentModel.json", {"percent"}),
        ("NumberRange", "Number/English/NumberRangeModel.json", None),
    ]
    for name, relative, families in number_models:
        devset = DevSet(f"RT {name}", families)
        for case in _cases(base / relative, skip_not_supported):
            expected = []
            for result in case["Results"]:
                resolution = result.get("Resolution") or {}
                raw = str(resolution.get("value"))
                family = "percent" if families else "number"
                if name == "NumberRange":
                    for value in _range_values(raw):
                        expected.append(Expected(value, family, result["Text"]))
                    continue
                value = _number(raw)
                if value is not None:
                    expected.append(Expected(value, family, result["Text"]))
            devset.cases.append(Case(case["Input"], expected))
        yield devset
    devset = DevSet("RT Ordinal (none wanted)", None, negative=True)
    for relative in ORDINAL_MODELS:
        for case in _load_json(base / relative):
            spans = [Expected(None, "ordinal", r["Text"]) for r in case["Results"]]
            devset.cases.append(Case(case["Input"], spans))
    yield devset


def quantulum_sets(root: Path) -> Iterator[DevSet]:
    for name, relative in QUANTULUM_SETS:
        devset = DevSet(name, None)
        for case in _load_json(root / "quantulum3" / relative):
            expected = [
                Expected(
                    float(r["value"]) * UNIT_FACTORS.get(str(r["unit"]).lower(), 1.0),
                    _family(str(r["unit"])),
                    r["surface"],
                )
                for r in case["res"]
            ]
            devset.cases.append(Case(case["req"], expected))
        yield devset


def _claim_families(claim: Claim) -> set[str]:
    """The families a claim may be of; a money rate ("$98 a share") also states money, which
    the sets without rates label as currency."""
    dimensions = {r.dimension for r in claim.readings} or {claim.dimension}
    families = {DIMENSION_FAMILIES.get(dimension, dimension) for dimension in dimensions}
    if any(dimension.startswith("currency /") for dimension in dimensions):
        families |= {"money rate", "currency"}
    return families


def _claim_values(claim: Claim) -> list[float]:
    values = [m.figure.value for m in claim.measures]
    if claim.value is not None:
        values.append(claim.value)
    if claim.shape == "range":
        values.append((claim.measures[0].figure.value + claim.measures[-1].figure.value) / 2)
    return values


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _span(case: Case, expected: Expected) -> tuple[int, int] | None:
    if expected.start is not None and expected.end is not None:
        return expected.start, expected.end
    found = case.text.find(expected.text)
    if found == -1:
        found = case.text.lower().find(expected.text.lower())
    return (found, found + len(expected.text)) if found != -1 else None


def _matches(case: Case, expected: Expected, claim: Claim) -> bool:
    if expected.family != "number" and expected.family not in _claim_families(claim):
        return False
    if expected.value is None or not any(_close(expected.value, v) for v in _claim_values(claim)):
        return False
    span = _span(case, expected)
    if span is None:
        return True
    return _overlaps(claim, span)


def _overlaps(claim: Claim, span: tuple[int, int]) -> bool:
    return claim.location.start < span[1] and span[0] < claim.location.end


def _counts(devset: DevSet, claim: Claim) -> bool:
    """Whether a claim is of a family the set labels (so it counts for precision)."""
    if devset.families is None:
        return True
    return bool(_claim_families(claim) & devset.families)


def _describe(claim: Claim) -> str:
    families = "/".join(sorted(_claim_families(claim)))
    return f"'{claim.text}' {families} {_claim_values(claim)[0]:g}"


def score(devset: DevSet) -> Score:
    result = Score()
    for case in devset.cases:
        result.cases += 1
        claims = extract(plain_text_document("devdata.txt", case.text))
        if devset.negative:
            spans = [_span(case, e) for e in case.expected]
            for claim in claims:
                if any(s and _overlaps(claim, s) for s in spans):
                    result.claims += 1
                    result.false.append(f"{case.text!r}: {_describe(claim)}")
            continue
        for expected in case.expected:
            result.expected += 1
            if any(_matches(case, expected, claim) for claim in claims):
                result.found += 1
            else:
                got = ", ".join(_describe(c) for c in claims) or "nothing"
                wanted = f"'{expected.text}' {expected.family} {expected.value:g}"
                result.misses.append(f"{case.text!r}: wanted {wanted}; got {got}")
                reason = why_missed(case, expected, claims)
                result.reasons.setdefault(reason, []).append(f"{case.text!r}: {wanted}")
        for claim in claims:
            if not _counts(devset, claim):
                continue
            result.claims += 1
            if any(_matches(case, expected, claim) for expected in case.expected):
                result.matched += 1
            else:
                result.false.append(f"{case.text!r}: {_describe(claim)}")
    return result


_WORD_NUMBER = re.compile(WORD_NUMBER_PATTERN, re.IGNORECASE)


def why_missed(case: Case, expected: Expected, claims: list[Claim]) -> str:
    """Why no claim matched ``expected``, in numcheck's own terms."""
    span = _span(case, expected)
    if span is not None:
        over = [c for c in claims if _overlaps(c, span)]
        if len(over) > 1:
            return "read as separate figures"
        if over:
            same = any(_close(expected.value or 0.0, v) for v in _claim_values(over[0]))
            return "read without this unit" if same else "read with another value"
        position = span[0]
        while (start := next_start(case.text, position)) is not None and start[0] < span[1]:
            match = parse_at(case.text, start[0])
            reason = match and exclusion_reason(case.text, match)
            if reason:
                return f"left alone: {reason}"
            position = start[1]
    words = (found.group() for found in _WORD_NUMBER.finditer(expected.text))
    if not re.search(r"\d", expected.text) and all(word_value(w) is None for w in words):
        return "no figure written"
    return "not read"


def reasons_table(name: str, result: Score) -> str:
    lines = [f"## {name}: misses by reason"]
    for reason, cases in sorted(result.reasons.items(), key=lambda item: -len(item[1])):
        lines.append(f"  {len(cases):>3}  {reason}")
        lines.extend(f"         {case}" for case in cases)
    return "\n".join(lines)


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:6.1%}" if whole else "     -"


def table(rows: Iterable[tuple[str, Score, bool]]) -> str:
    lines = [
        f"{'set':<26} {'cases':>5} {'expected':>8} {'found':>5} {'recall':>7} "
        f"{'claims':>6} {'right':>5} {'precision':>9}",
    ]
    for name, result, negative in rows:
        if negative:
            lines.append(
                f"{name:<26} {result.cases:>5} {'-':>8} {'-':>5} {'-':>7} "
                f"{result.claims:>6} {0:>5} {'(wrong)':>9}"
            )
            continue
        lines.append(
            f"{name:<26} {result.cases:>5} {result.expected:>8} {result.found:>5} "
            f"{_ratio(result.found, result.expected):>7} {result.claims:>6} {result.matched:>5} "
            f"{_ratio(result.matched, result.claims):>9}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devdata", type=Path, default=DEFAULT_DEVDATA, help="the devdata folder")
    parser.add_argument("--misses", action="store_true", help="list the expected quantities missed")
    parser.add_argument("--false", action="store_true", help="list the claims that match nothing")
    parser.add_argument("--reasons", action="store_true", help="sort the misses by why")
    parser.add_argument("--set", action="append", help="only sets whose name contains this")
    parser.add_argument(
        "--skip-not-supported", action="store_true",
        help="leave out Recognizers-Text cases its own implementations fail",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if not (args.devdata / "README.md").is_file():
        print(f"devdata_eval: no dev data at {args.devdata} (use --devdata DIR)", file=sys.stderr)
        return 2
    sets = [
        *recognizers_sets(args.devdata, skip_not_supported=args.skip_not_supported),
        *quantulum_sets(args.devdata),
    ]
    if args.set:
        sets = [s for s in sets if any(part.lower() in s.name.lower() for part in args.set)]
    rows = []
    for devset in sets:
        result = score(devset)
        rows.append((devset.name, result, devset.negative))
        if args.misses and result.misses:
            print(f"## {devset.name}: missed")
            print("\n".join(f"  {line}" for line in result.misses))
        if args.reasons and result.reasons:
            print(reasons_table(devset.name, result))
        if args.false and result.false:
            print(f"## {devset.name}: claims that match nothing")
            print("\n".join(f"  {line}" for line in result.false))
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
