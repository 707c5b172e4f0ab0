"""Units: the closed vocabulary of unit words from the rule packs, and pint for the arithmetic.

The grammar only ever matches unit *surfaces* listed in ``rules/units.yaml`` and
``rules/currencies.yaml``; pint never sees a whole phrase (pint reads "190 miles in km" as
inch × kilometre × mile). The pint registry is built once per process, lazily, the first time
a conversion must actually be computed; pint itself is imported only then.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from numcheck.rulepacks import RulePackError
from numcheck.rulepacks import load_kind
from numcheck.rulepacks import require
from numcheck.rulepacks import string_list

COUNT = "count"
CURRENCY = "currency"


@dataclass(frozen=True)
class Reading:
    """One meaning of a unit surface: a pint unit, a currency code, or a scale word."""

    unit: str | None
    dimension: str
    scale: float = 1.0

    @property
    def is_physical(self) -> bool:
        return self.dimension not in (COUNT, CURRENCY, "percent")


@dataclass(frozen=True)
class UnitForm:
    """A written form of a unit and every reading it may have."""

    surface: str
    style: str  # "word" (any case), "symbol" (exact case) or "attached" (exact, touching)
    readings: tuple[Reading, ...]

    @property
    def ambiguous(self) -> bool:
        return len(self.readings) > 1


@dataclass(frozen=True)
class Lexicon:
    forms: tuple[UnitForm, ...]
    by_surface: dict[tuple[str, str], UnitForm]
    compounds: dict[str, str]
    currency_prefixes: dict[str, str]
    currency_words: dict[str, str]
    scale_words: dict[str, float]
    scale_attached: dict[str, float]

    def form(self, surface: str) -> UnitForm | None:
        """The form written as ``surface``: exact symbols first, then words in any case."""
        for style in ("attached", "symbol"):
            found = self.by_surface.get((style, surface))
            if found:
                return found
        return self.by_surface.get(("word", " ".join(surface.lower().split())))


def _quantity_forms(name: str, data: dict[str, Any]) -> tuple[list[UnitForm], dict[str, str]]:
    forms: list[UnitForm] = []
    dimensions: dict[str, str] = {}
    groups = require(name, data.get("quantities", {}), dict, "quantities")
    for group_name, group in groups.items():
        where = f"quantities.{group_name}"
        group = require(name, group, dict, where)
        dimension = require(name, group.get("dimension"), str, f"{where}.dimension")
        units = require(name, group.get("units", {}), dict, f"{where}.units")
        for unit, spec in units.items():
            spec = require(name, spec, dict, f"{where}.units.{unit}")
            dimensions[str(unit)] = dimension
            reading = (Reading(str(unit), dimension),)
            forms.extend(_forms(name, spec, reading, f"{where}.units.{unit}"))
    return forms, dimensions


def _forms(name: str, spec: dict[str, Any], readings: tuple[Reading, ...], where: str):
    for key, style in (("words", "word"), ("symbols", "symbol"), ("attached", "attached")):
        for surface in string_list(name, spec.get(key), f"{where}.{key}"):
            text = " ".join(surface.lower().split()) if style == "word" else surface
            yield UnitForm(text, style, readings)


def _ambiguous_forms(
    name: str, data: dict[str, Any], dimensions: dict[str, str], currencies: set[str]
) -> list[UnitForm]:
    forms = []
    for entry, spec in require(name, data.get("ambiguous", {}), dict, "ambiguous").items():
        where = f"ambiguous.{entry}"
        spec = require(name, spec, dict, where)
        scales = require(name, spec.get("scale", {}), dict, f"{where}.scale")
        readings = []
        for unit in string_list(name, spec.get("readings"), f"{where}.readings"):
            if unit in scales:
                readings.append(Reading(None, COUNT, float(scales[unit])))
            elif unit in currencies:
                readings.append(Reading(unit, CURRENCY))
            elif unit in dimensions:
                readings.append(Reading(unit, dimensions[unit]))
            else:
                raise RulePackError(
                    f"{name}: '{where}.readings' names '{unit}', which no quantity group defines"
                )
        forms.extend(_forms(name, spec, tuple(readings), where))
    return forms


def _currency_tables(packs) -> tuple[dict[str, str], dict[str, str], dict[str, float], dict]:
    prefixes: dict[str, str] = {}
    words: dict[str, str] = {}
    scale_words: dict[str, float] = {}
    scale_attached: dict[str, float] = {}
    for name, data in packs:
        table = require(name, data.get("currencies", {}), dict, "currencies")
        for code, spec in table.items():
            spec = require(name, spec, dict, f"currencies.{code}")
            for prefix in string_list(name, spec.get("prefixes"), f"currencies.{code}.prefixes"):
                prefixes[prefix] = str(code)
            for word in string_list(name, spec.get("words"), f"currencies.{code}.words"):
                words[" ".join(word.lower().split())] = str(code)
        for factor, spec in require(name, data.get("scales", {}), dict, "scales").items():
            spec = require(name, spec, dict, f"scales.{factor}")
            value = float(factor)
            for word in string_list(name, spec.get("words"), f"scales.{factor}.words"):
                scale_words[word.lower()] = value
            for form in string_list(name, spec.get("attached"), f"scales.{factor}.attached"):
                scale_attached[form] = value
    return prefixes, words, scale_words, scale_attached


@functools.cache
def lexicon() -> Lexicon:
    prefixes, currency_words, scale_words, scale_attached = _currency_tables(
        load_kind("currencies")
    )
    forms: list[UnitForm] = []
    dimensions: dict[str, str] = {}
    compounds: dict[str, str] = {}
    packs = load_kind("units")
    for name, data in packs:
        found, dims = _quantity_forms(name, data)
        forms.extend(found)
        dimensions.update(dims)
    for name, data in packs:
        forms.extend(_ambiguous_forms(name, data, dimensions, set(prefixes.values())))
        for big, small in require(name, data.get("compounds", {}), dict, "compounds").items():
            compounds[str(big)] = str(small)
    for word, code in currency_words.items():
        forms.append(UnitForm(word, "word", (Reading(code, CURRENCY),)))
    by_surface: dict[tuple[str, str], UnitForm] = {}
    for form in forms:
        key = (form.style, form.surface)
        previous = by_surface.get(key)
        if previous is not None and previous.readings != form.readings:
            form = UnitForm(form.surface, form.style, previous.readings + form.readings)
        by_surface[key] = form
    return Lexicon(
        tuple(by_surface.values()),
        by_surface,
        compounds,
        prefixes,
        currency_words,
        scale_words,
        scale_attached,
    )


@functools.cache
def registry():
    """The process's one pint registry, built on first use."""
    import pint

    ureg = pint.UnitRegistry(cache_folder=":auto:")
    for name, data in load_kind("units"):
        for definition in string_list(name, data.get("definitions"), "definitions"):
            try:
                ureg.define(definition)
            except Exception as error:  # pint raises many kinds for a bad line
                raise RulePackError(f"{name}: bad definition {definition!r}: {error}") from None
    return ureg


def convert(value: float, unit: str, target: str) -> float:
    """``value`` in ``unit`` expressed in ``target`` (offsets applied for temperatures)."""
    scale, offset = _conversion(unit, target)
    return scale * value + offset


# Every conversion between the units of the packs is affine (temperatures have an offset),
# so pint is asked once per pair of units and the line (scale, offset) is kept here. Lines
# known from an earlier run (``remember_lines``) spare a short run loading pint at all.
_lines: dict[tuple[str, str], tuple[float, float]] = {}


def conversion_lines() -> dict[tuple[str, str], tuple[float, float]]:
    """Every conversion line known in this process, by (unit, target)."""
    return dict(_lines)


def remember_lines(lines: dict[tuple[str, str], tuple[float, float]]) -> None:
    """Take conversion lines computed by pint in an earlier run with the same packs."""
    _lines.update(lines)


def _conversion(unit: str, target: str) -> tuple[float, float]:
    line = _lines.get((unit, target))
    if line is None:
        line = _lines[(unit, target)] = _pint_line(unit, target)
    return line


def _pint_line(unit: str, target: str) -> tuple[float, float]:
    ureg = registry()
    source, goal = ureg.parse_units(unit), ureg.parse_units(target)
    zero = float(ureg.Quantity(0.0, source).to(goal).m)
    one = float(ureg.Quantity(1.0, source).to(goal).m)
    return one - zero, zero
