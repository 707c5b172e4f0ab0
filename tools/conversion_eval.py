"""Measure the conversion checks (NC101, NC102) on conversions harvested from text.

    python tools/conversion_eval.py [--devdata DIR | --no-devdata] [--text PATH ...]
                                    [--seed N] [--misses] [--false]

Harvest: every ``NUMBER UNIT (NUMBER UNIT[; NUMBER UNIT])`` of the texts, a unit being any
form of the unit pack or a rate of two ("760 metres per second", "ft/s"), hyphenated or not
("a 190-mile (306-km) range"); "X, or Y," and ranges or compounds are left out. The texts are
the dev data (``../shared/devdata``: news, the Recognizers-Text and quantulum3 sentences), the
project's fixtures (``tests/fixtures``, among them ``conversions/editors.txt``: sentences
written from the forms editors use, each conversion computed with pint) and the seed articles,
one line a document.

Keep: the pairs pint says are right. A figure stands for what it may be a rounding of: half
its last digit, a whole number's trailing zeros read as rounding by at most 5% of it, one
ending in 5 or 0 as a rounding to 5 by at most 5% of it (10% for the converted figure): the
conventions numcheck documents for NC101, written again here. A pair is right when the
source converted and the target overlap, in some reading of an ambiguous unit. Temperatures
near a word of change ("by", "rose", "warmer") are converted as differences, without the
offset.

Corrupt: each right pair once in four ways: the target scaled by 1.25 to 1.6, two adjacent
digits of the target transposed, the source figure copied unconverted ("190 miles (190 km)"),
the two units swapped ("190 km (306 miles)"). A corruption pint still calls right is dropped.

Score: recall is the share of corruptions that get an NC101 or NC102 finding on the pair; a
false alarm is a finding (above a note) on the target of a right pair, counted per 100 right
pairs.
"""

from __future__ import annotations

import argparse
import functools
import math
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from numcheck.api import check_documents  # noqa: E402
from numcheck.extraction.units import Reading  # noqa: E402
from numcheck.extraction.units import UnitForm  # noqa: E402
from numcheck.extraction.units import convert  # noqa: E402
from numcheck.extraction.units import lexicon  # noqa: E402
from numcheck.extraction.units import rate_readings  # noqa: E402
from numcheck.reading.documents import plain_text_document  # noqa: E402

DEFAULT_DEVDATA = ROOT.parent / "shared" / "devdata"
FIXTURES = ROOT / "tests" / "fixtures"
WRITTEN = FIXTURES / "conversions" / "editors.txt"  # sentences written from editors' forms
SEEDS = ROOT / "seeds"
KINDS = ("scaled", "transposed", "copied", "swapped")

_FIGURE = (
    r"[-\u2212]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    r"(?:(?:[ \u00a0]+|-)\d{1,2}/\d{1,2}"
    r"|[ \u00a0]?\d{1,2}[ \u00a0]?\u2044[ \u00a0]?\d{1,2}|[½¼¾⅛⅜⅝⅞⅓⅔])?"
    r"|[½¼¾⅛⅜⅝⅞⅓⅔]"
)
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875,
           "⅓": 1 / 3, "⅔": 2 / 3}  # fmt: skip


@dataclass(frozen=True)
class Quantity:
    """A figure and its unit as written: spans into the line."""

    figure: tuple[int, int]
    unit: tuple[int, int]
    readings: tuple[Reading, ...]


@dataclass(frozen=True)
class Pair:
    line: str
    source: Quantity
    target: Quantity
    origin: str  # "dev data", "written", "fixtures", "seeds" or a folder given

    def text(self, quantity: Quantity) -> str:
        return self.line[quantity.figure[0] : quantity.unit[1]]


@dataclass
class Score:
    pairs: int = 0
    right: int = 0
    false_alarms: int = 0
    corrupted: Counter = field(default_factory=Counter)
    detected: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)


# --- harvest -------------------------------------------------------------------------------


def _unit_pattern() -> str:
    words, symbols = set(), set()
    for form in lexicon().forms:
        (words if form.style == "word" else symbols).add(form.surface)
    word = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(words, key=len)[::-1])
    symbol = "|".join(re.escape(s) for s in sorted(symbols, key=len)[::-1])
    single = rf"(?:(?i:{word})|{symbol})"
    return rf"{single}(?:(?:\s*/\s*|\s+per\s+|-per-){single})?(?![\w°])"


def _pair_pattern() -> re.Pattern[str]:
    unit = _unit_pattern()
    quantity = rf"(?:{_FIGURE})(?:\s?|-)(?:{unit})"
    return re.compile(
        rf"(?<![\w.,/-])(?P<source>{quantity})\s*\(\s*(?:[A-Za-z]{{1,6}};\s*)?"
        rf"(?P<targets>{quantity}(?:\s*[;,]\s*{quantity})*)\s*\)"
    )


@functools.cache
def _quantity_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?P<figure>{_FIGURE})(?:\s?|-)(?P<unit>{_unit_pattern()})")


def _quantities(text: str, offset: int) -> Iterator[Quantity]:
    for found in _quantity_pattern().finditer(text):
        readings = _readings(found.group("unit"))
        if readings:
            yield Quantity(
                (offset + found.start("figure"), offset + found.end("figure")),
                (offset + found.start("unit"), offset + found.end("unit")),
                readings,
            )


def _readings(unit: str) -> tuple[Reading, ...]:
    """The physical readings of a unit as written: a form of the pack, or a rate of two."""
    lx = lexicon()
    whole = lx.form(unit) or lx.form(unit, spaced=True)
    parts = [unit] if whole else re.split(r"\s*/\s*|\s+per\s+|-per-", unit, maxsplit=1)
    forms: list[UnitForm | None] = [lx.form(part) or lx.form(part, spaced=True) for part in parts]
    if any(form is None for form in forms):
        return ()
    readings = forms[0].readings  # type: ignore[union-attr]
    if len(forms) == 2:
        readings = rate_readings(readings, forms[1].readings)  # type: ignore[union-attr]
    return tuple(r for r in readings if r.unit and r.is_physical)


def harvest(lines: Iterable[tuple[str, str]]) -> Iterator[Pair]:
    pattern = _pair_pattern()
    for origin, line in lines:
        for found in pattern.finditer(line):
            sources = list(_quantities(found.group("source"), found.start("source")))
            targets = list(_quantities(found.group("targets"), found.start("targets")))
            if len(sources) != 1:
                continue
            for target in targets:
                yield Pair(line, sources[0], target, origin)


# --- pint's verdict ------------------------------------------------------------------------


def value_of(text: str) -> float:
    text = text.replace(",", "").replace("\u2212", "-").replace("\u00a0", " ")
    if text[-1] in _VULGAR:
        return (float(text[:-1]) if text[:-1].strip() else 0.0) + _VULGAR[text[-1]]
    fraction = re.fullmatch(r"(-?\d+)?[ -]?(\d+)\s?[/\u2044]\s?(\d+)", text)
    if fraction and ("/" in text or "\u2044" in text):
        whole = float(fraction.group(1) or 0)
        return whole + int(fraction.group(2)) / int(fraction.group(3))
    return float(text)


def half_width(text: str, *, converted: bool = False) -> float:
    """What a written figure may be a rounding of, either way: half its last digit; a whole
    number's trailing zeros may be rounding, by at most 5% of it; one ending in 5 or 0 may be
    rounded to 5, by at most 5% of it, or 10% for the converted figure."""
    plain = text.replace(",", "").replace("\u2212", "-")
    if not re.fullmatch(r"-?\d+(?:\.\d+)?", plain):
        return 1 / 16  # a fraction: known to the sixteenth
    if "." in plain:
        return 0.5 * 10.0 ** -len(plain.split(".")[1])
    digits = plain.lstrip("-")
    value = int(digits)
    zeros = len(digits) - len(digits.rstrip("0")) if value else 0
    half = max(0.5, min(0.5 * 10.0**zeros, 0.05 * value))
    if value and value % 5 == 0:
        half = max(half, min(2.5, (0.10 if converted else 0.05) * value))
    return half


def right(source: str, su: str, target: str, tu: str, *, difference: bool = False) -> bool:
    """Whether ``target`` in ``tu`` may be a rounding of ``source`` in ``su`` converted (as a
    difference of temperatures, without the offset, when ``difference``)."""

    def converted(value: float) -> float:
        offset = convert(0, su, tu) if difference else 0.0
        return convert(value, su, tu) - offset

    low, high = value_of(source) - half_width(source), value_of(source) + half_width(source)
    ends = sorted((converted(low), converted(high)))
    value, half = value_of(target), half_width(target, converted=True)
    return value + half >= ends[0] and value - half <= ends[1]


# "rose by 2 °C (3.6 °F)", "2 °C (3.6 °F) warmer": a difference of temperatures.
_DIFFERENCE = re.compile(
    r"\b(?:by|of|ris\w*|rose|warm\w*|cool\w*|increas\w*|difference|higher|lower|hotter|colder)\b",
    re.IGNORECASE,
)


def pair_is_right(
    source: str, s_readings, target: str, t_readings, *, difference: bool = False
) -> bool | None:
    """True or False by pint in some reading of each unit; None when no reading compares."""
    verdict = None
    for s in s_readings:
        for t in t_readings:
            if s.dimension != t.dimension:
                continue
            delta = difference and s.dimension == "[temperature]"
            if right(source, s.unit, target, t.unit, difference=delta):
                return True
            verdict = False
    return verdict


def _says_difference(pair: Pair) -> bool:
    line = pair.line
    around = line[max(0, pair.source.figure[0] - 30) : pair.source.figure[0]]
    around += " " + line[pair.target.unit[1] : pair.target.unit[1] + 20]
    return bool(_DIFFERENCE.search(around))


# --- corruptions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Corruption:
    kind: str
    line: str
    span: tuple[int, int]  # the pair's target in the corrupted line


def _replace(line: str, edits: list[tuple[tuple[int, int], str]]) -> tuple[str, list[int]]:
    """Apply non-overlapping edits; also give how far each original offset moved."""
    pieces, cursor, shift = [], 0, [0] * (len(line) + 1)
    moved = 0
    for (start, end), text in sorted(edits):
        pieces.append(line[cursor:start])
        for offset in range(cursor, start + 1):
            shift[offset] = moved
        pieces.append(text)
        moved += len(text) - (end - start)
        cursor = end
    pieces.append(line[cursor:])
    for offset in range(cursor, len(line) + 1):
        shift[offset] = moved
    return "".join(pieces), shift


def _written_like(value: float, original: str) -> str:
    plain = original.replace(",", "")
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    text = (
        f"{value:,.{decimals}f}" if "," in original or value >= 10_000 else f"{value:.{decimals}f}"
    )
    return text


def _transposed(figure: str, chooser: random.Random) -> str | None:
    digits = [i for i, char in enumerate(figure) if char.isdigit()]
    swaps = [
        (a, b) for a, b in zip(digits, digits[1:], strict=False)
        if b == a + 1 and figure[a] != figure[b] and not (a == digits[0] and figure[b] == "0")
    ]  # fmt: skip
    if not swaps:
        return None
    a, b = chooser.choice(swaps)
    chars = list(figure)
    chars[a], chars[b] = chars[b], chars[a]
    return "".join(chars)


def corruptions(pair: Pair, chooser: random.Random) -> Iterator[Corruption]:
    line, source, target = pair.line, pair.source, pair.target
    figure = line[target.figure[0] : target.figure[1]]
    plain_figure = re.fullmatch(r"-?[\d,]+(?:\.\d+)?", figure) is not None
    new_figures: dict[str, str | None] = {
        "scaled": _written_like(value_of(figure) * chooser.uniform(1.25, 1.6), figure)
        if plain_figure
        else None,
        "transposed": _transposed(figure, chooser) if plain_figure else None,
        "copied": line[source.figure[0] : source.figure[1]],
    }
    for kind in KINDS[:3]:
        written = new_figures[kind]
        if written is None or written == figure:
            continue
        text, shift = _replace(line, [(target.figure, written)])
        yield Corruption(kind, text, (target.figure[0], target.unit[1] + shift[target.unit[1]]))
    source_unit = line[source.unit[0] : source.unit[1]]
    target_unit = line[target.unit[0] : target.unit[1]]
    if source_unit != target_unit:
        edits = [
            (_unit_span(line, source.figure, source.unit, target_unit), target_unit),
            (_unit_span(line, target.figure, target.unit, source_unit), source_unit),
        ]
        text, shift = _replace(line, edits)
        start = target.figure[0] + shift[target.figure[0]]
        yield Corruption("swapped", text, (start, target.unit[1] + shift[target.unit[1]]))


def _unit_span(
    line: str, figure: tuple[int, int], unit: tuple[int, int], new_unit: str
) -> tuple[int, int]:
    """Where a swapped-in unit goes: in place of the old one, and against the figure when it
    is a mark writers never put after a space ('12"', not '12 "')."""
    spaced = line[figure[1] : unit[0]]
    if spaced and not spaced.strip() and lexicon().form(new_unit, spaced=True) is None:
        return figure[1], unit[1]
    return unit


def _still_right(pair: Pair, corruption: Corruption) -> bool | None:
    """pint's verdict on the corrupted pair (the source figure is never changed)."""
    source_figure = pair.line[pair.source.figure[0] : pair.source.figure[1]]
    source_readings, target_readings = pair.source.readings, pair.target.readings
    if corruption.kind == "swapped":
        source_readings, target_readings = target_readings, source_readings
    span = corruption.span
    found = re.match(_FIGURE, corruption.line[span[0] : span[1]])
    if found is None:
        return None
    return pair_is_right(
        source_figure, source_readings, found.group(), target_readings,
        difference=_says_difference(pair),
    )  # fmt: skip


# --- scoring -------------------------------------------------------------------------------


def _findings(text: str) -> list[tuple[int, int]]:
    document = plain_text_document("conversion.txt", text)
    result = check_documents([document], select=["NC101", "NC102"])
    return [
        (f.location.start, f.location.end)
        for f in result.findings
        if f.level in ("error", "warning")
    ]


def _hits(findings: list[tuple[int, int]], span: tuple[int, int]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in findings)


def score(pairs: Iterable[Pair], seed: int) -> dict[str, Score]:
    scores: dict[str, Score] = {}
    seen: set[tuple[str, str]] = set()
    cache: dict[str, list[tuple[int, int]]] = {}
    for pair in pairs:
        key = (pair.text(pair.source), pair.text(pair.target))
        if key in seen:
            continue
        seen.add(key)
        result = scores.setdefault(pair.origin, Score())
        result.pairs += 1
        source_figure = pair.line[pair.source.figure[0] : pair.source.figure[1]]
        target_figure = pair.line[pair.target.figure[0] : pair.target.figure[1]]
        verdict = pair_is_right(
            source_figure, pair.source.readings, target_figure, pair.target.readings,
            difference=_says_difference(pair),
        )  # fmt: skip
        if not verdict:
            continue
        result.right += 1
        findings = cache.setdefault(pair.line, _findings(pair.line))
        if _hits(findings, (pair.target.figure[0], pair.target.unit[1])):
            result.false_alarms += 1
            result.alarms.append(f"{key[0]} ({key[1]}): {pair.line.strip()}")
        chooser = random.Random(f"{seed}:{key}")
        for corruption in corruptions(pair, chooser):
            if _still_right(pair, corruption) is not False:
                continue
            result.corrupted[corruption.kind] += 1
            if _hits(_findings(corruption.line), corruption.span):
                result.detected[corruption.kind] += 1
            else:
                result.misses.append(f"{corruption.kind}: {corruption.line.strip()}")
    return scores


# --- texts ---------------------------------------------------------------------------------


def _lines(path: Path) -> Iterator[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            yield line


def _files(folder: Path) -> Iterator[Path]:
    for suffix in ("*.txt", "*.md"):
        yield from sorted(folder.rglob(suffix))


def _json_sentences(path: Path, key: str) -> Iterator[str]:
    import json

    for case in json.loads(path.read_text(encoding="utf-8-sig")):
        if isinstance(case, dict) and key in case:
            yield str(case[key])


def texts(devdata: Path | None, extra: list[Path]) -> Iterator[tuple[str, str]]:
    if devdata is not None:
        for path in _files(devdata / "news"):
            for line in _lines(path):
                yield "dev data", line
        for path in sorted((devdata / "recognizers-text").rglob("*.json")):
            for sentence in _json_sentences(path, "Input"):
                yield "dev data", sentence
        for name in ("quantities.json", "quantities.ambiguity.json"):
            for sentence in _json_sentences(devdata / "quantulum3" / name, "req"):
                yield "dev data", sentence
    for folder, origin in ((FIXTURES, "fixtures"), (SEEDS, "seeds")):
        for path in _files(folder):
            name = "written" if path == WRITTEN else origin
            for line in _lines(path):
                yield name, line
    for path in extra:
        for file in _files(path) if path.is_dir() else [path]:
            for line in _lines(file):
                yield str(path), line


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "-"


def table(scores: dict[str, Score]) -> str:
    total = Score()
    for result in scores.values():
        total.pairs += result.pairs
        total.right += result.right
        total.false_alarms += result.false_alarms
        total.corrupted.update(result.corrupted)
        total.detected.update(result.detected)
    rows = [*scores.items(), ("all", total)]
    head = f"{'texts':<12} {'pairs':>5} {'right':>5} {'false/100':>9} "
    head += " ".join(f"{kind:>12}" for kind in KINDS) + f" {'recall':>8}"
    lines = [head]
    for name, result in rows:
        per_100 = 100 * result.false_alarms / result.right if result.right else math.nan
        cells = " ".join(
            f"{result.detected[k]:>5}/{result.corrupted[k]:<6}" for k in KINDS
        )  # fmt: skip
        recall = _ratio(sum(result.detected.values()), sum(result.corrupted.values()))
        lines.append(
            f"{name:<12} {result.pairs:>5} {result.right:>5} {per_100:>9.2f} {cells} {recall:>8}"
        )
    return "\n".join(lines)


def summary(scores: dict[str, Score]) -> tuple[float, float, int]:
    """(recall, false alarms per 100 right pairs, right pairs) over every text."""
    right = sum(s.right for s in scores.values())
    alarms = sum(s.false_alarms for s in scores.values())
    corrupted = sum(sum(s.corrupted.values()) for s in scores.values())
    detected = sum(sum(s.detected.values()) for s in scores.values())
    return (
        detected / corrupted if corrupted else 0.0,
        100 * alarms / right if right else 0.0,
        right,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devdata", type=Path, default=DEFAULT_DEVDATA, help="the devdata folder")
    parser.add_argument("--no-devdata", action="store_true", help="only the project's texts")
    parser.add_argument("--text", type=Path, action="append", default=[], help="more texts")
    parser.add_argument("--seed", type=int, default=1, help="seed of the corruptions")
    parser.add_argument("--misses", action="store_true", help="list the corruptions missed")
    parser.add_argument("--false", action="store_true", help="list the false alarms")
    args = parser.parse_args(argv)
    devdata = None if args.no_devdata else args.devdata
    if devdata is not None and not (devdata / "README.md").is_file():
        print(f"conversion_eval: no dev data at {devdata} (use --devdata DIR or --no-devdata)",
              file=sys.stderr)  # fmt: skip
        return 2
    scores = score(harvest(texts(devdata, args.text)), args.seed)
    for name, result in scores.items():
        if args.misses and result.misses:
            print(f"## {name}: corruptions missed")
            print("\n".join(f"  {line}" for line in result.misses))
        if args.false and result.alarms:
            print(f"## {name}: false alarms")
            print("\n".join(f"  {line}" for line in result.alarms))
    print(table(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
