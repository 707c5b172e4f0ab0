"""Units: the closed vocabulary of unit words from the rule packs, and pint for the arithmetic.

The grammar only ever matches unit *surfaces* listed in ``rules/units.yaml`` and
``rules/currencies.yaml``; pint never sees a whole phrase (pint reads "190 miles in km" as
inch × kilometre × mile). The pint registry is built once per process, lazily, the first time
a conversion must actually be computed that the table of the built-in pack (``unit_table``)
does not hold; pint itself is imported only then.
"""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass
from typing import Any

from numcheck.extraction.unit_table import table_line
from numcheck.rulepacks import RulePackError
from numcheck.rulepacks import is_builtin
from numcheck.rulepacks import load_kind
from numcheck.rulepacks import positive_number
from numcheck.rulepacks import require
from numcheck.rulepacks import string_list

COUNT = "count"
CURRENCY = "currency"
PERCENT = "percent"
AGE = "age"
ANGLE = "angle"
# What a unit can be counted per: "760 metres per second", "$3.40 per gallon", "$12 per gram".
DENOMINATOR_DIMENSIONS = frozenset(
    [
        "[time]",
        "[length]",
        "[length] ** 2",
        "[length] ** 3",
        "[mass]",
        "information",
        "[length] ** 2 * [mass] / [time] ** 2",
    ]
)


@dataclass(frozen=True, slots=True)
class Reading:
    """One meaning of a unit surface: a pint unit, a currency code (``scale`` is the share of
    the unit a subunit is: 0.01 for cents), or a scale word ("m" as million)."""

    unit: str | None
    dimension: str
    scale: float = 1.0

    @property
    def is_physical(self) -> bool:
        """Whether pint can convert it: not a count, money, a money rate, a percentage or an
        age."""
        return self.dimension not in (COUNT, PERCENT, AGE) and not self.dimension.startswith(
            CURRENCY
        )


def _dimension_powers(text: str) -> dict[str, int]:
    """ "[length] ** 2 * [mass] / [time] ** 2" -> {"[length]": 2, "[mass]": 1, "[time]": -2}."""
    powers: dict[str, int] = {}
    sign = 1
    for token in re.findall(r"\*\*\s*-?\d+|[*/]|[^\s*/]+", text):
        if token == "/":
            sign = -1
        elif token == "*":
            sign = 1
        elif token.startswith("**"):
            name = list(powers)[-1]
            powers[name] = powers[name] // abs(powers[name]) * int(token[2:]) if powers[name] else 0
        elif token != "1":
            powers[token] = powers.get(token, 0) + sign
    return {name: power for name, power in powers.items() if power}


def _dimension_text(powers: dict[str, int]) -> str:
    """The written form of a dimension, the same whichever order it was built in: factors
    with a positive power, names pint lacks ("currency") first, then the others by name; then
    "/" and those with a negative power."""

    def factor(name: str, power: int) -> str:
        return name if abs(power) == 1 else f"{name} ** {abs(power)}"

    ordered = sorted(powers.items(), key=lambda item: (item[0].startswith("["), item[0]))
    above = " * ".join(factor(n, p) for n, p in ordered if p > 0)
    below = [factor(n, p) for n, p in ordered if p < 0]
    return " / ".join([above or "1", *below]) if below else above or COUNT


def canonical_dimension(text: str) -> str:
    return _dimension_text(_dimension_powers(text))


def divided(numerator: str, denominator: str) -> str:
    """The dimension of a quotient: "[length]" / "[time]" is "[length] / [time]"."""
    powers = _dimension_powers(numerator)
    for name, power in _dimension_powers(denominator).items():
        powers[name] = powers.get(name, 0) - power
    return _dimension_text({name: power for name, power in powers.items() if power})


def rate_readings(
    numerator: tuple[Reading, ...], denominator: tuple[Reading, ...]
) -> tuple[Reading, ...]:
    """Every reading of "<numerator> per <denominator>": "miles per hour" is "mile / hour" of
    dimension "[length] / [time]"; "$ per gallon" is "USD / gallon" and "USD /
    imperial_gallon", of dimension "currency / [length] ** 3"."""
    readings = []
    for top in numerator:
        for bottom in denominator:
            if top.unit is None or bottom.unit is None:
                continue
            unit = f"{top.unit} / {bottom.unit}"
            reading = Reading(unit, divided(top.dimension, bottom.dimension), top.scale)
            if reading not in readings:
                readings.append(reading)
    return tuple(readings)


@dataclass(frozen=True)
class UnitForm:
    """A written form of a unit and every reading it may have."""

    surface: str
    # "word" (any case), "symbol" (exact case), "attached" (exact, touching) or "guarded" (a
    # spaced symbol that is also a common word, read only where a measure is expected)
    style: str
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
    per_nouns: dict[str, str]  # "shares" -> "share": what money may be counted per

    def form(self, surface: str, *, spaced: bool = False) -> UnitForm | None:
        """The form written as ``surface``: exact symbols first, then words in any case (then
        a guarded form, after a space)."""
        styles = ("symbol", "word", "guarded") if spaced else ("attached", "symbol", "word")
        for style in styles:
            key = surface if style != "word" else _word_key(surface)
            found = self.by_surface.get((style, key))
            if found:
                return found
        return None

    @functools.cached_property
    def article_forms(self) -> frozenset[UnitForm]:
        """The unit words an article may be one of where a conversion follows ("a mile (1.6
        km)"): physical units, not units of time ("a year (2019)" names the year)."""
        return frozenset(
            form
            for form in self.forms
            if form.style == "word"
            and form.readings
            and all(r.is_physical and r.dimension != "[time]" for r in form.readings)
        )

    @functools.cached_property
    def denominators(self) -> tuple[UnitForm, ...]:
        """The forms a rate may be counted per ("per hour", "/s", "a gallon")."""
        return tuple(
            form
            for form in self.forms
            if form.style in ("word", "symbol")
            and all(r.dimension in DENOMINATOR_DIMENSIONS for r in form.readings)
        )


def _quantity_forms(name: str, data: dict[str, Any]) -> tuple[list[UnitForm], dict[str, str]]:
    forms: list[UnitForm] = []
    dimensions: dict[str, str] = {}
    groups = require(name, data.get("quantities", {}), dict, "quantities")
    for group_name, group in groups.items():
        where = f"quantities.{group_name}"
        group = require(name, group, dict, where)
        dimension = canonical_dimension(
            require(name, group.get("dimension"), str, f"{where}.dimension")
        )
        units = require(name, group.get("units", {}), dict, f"{where}.units")
        for unit, spec in units.items():
            spec = require(name, spec or {}, dict, f"{where}.units.{unit}")
            dimensions[str(unit)] = dimension
            reading = (Reading(str(unit), dimension),)
            forms.extend(_forms(name, spec, reading, f"{where}.units.{unit}"))
    return forms, dimensions


_STYLES = (
    ("words", "word"),
    ("symbols", "symbol"),
    ("attached", "attached"),
    ("guarded", "guarded"),
)


def _forms(name: str, spec: dict[str, Any], readings: tuple[Reading, ...], where: str):
    for key, style in _STYLES:
        for surface in string_list(name, spec.get(key), f"{where}.{key}"):
            text = _word_key(surface) if style == "word" else surface
            yield UnitForm(text, style, readings)


def _word_key(surface: str) -> str:
    """Words are matched in any case, with a hyphen or spaces between them ("square-foot")."""
    return " ".join(surface.lower().replace("-", " ").split())


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
                factor = positive_number(name, scales[unit], f"{where}.scale.{unit}")
                readings.append(Reading(None, COUNT, factor))
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


@dataclass
class _CurrencyTables:
    prefixes: dict[str, str]
    words: dict[str, str]
    scale_words: dict[str, float]
    scale_attached: dict[str, float]
    forms: list[UnitForm]  # subunits ("cents") and scaled codes ("MUSD")
    codes: set[str]
    per_nouns: dict[str, str]


def _currency_tables(packs) -> _CurrencyTables:
    tables = _CurrencyTables({}, {}, {}, {}, [], set(), {})
    code_prefixes: dict[str, float] = {}
    for name, data in packs:
        table = require(name, data.get("currencies", {}), dict, "currencies")
        for code, spec in table.items():
            where = f"currencies.{code}"
            spec = require(name, spec, dict, where)
            tables.codes.add(str(code))
            for prefix in string_list(name, spec.get("prefixes"), f"{where}.prefixes"):
                tables.prefixes[prefix] = str(code)
                letters = prefix.rstrip("$")
                if letters.isalpha() and letters.isupper():  # "USD 200", "usd 200", "usd$ 200"
                    tables.prefixes[prefix.lower()] = str(code)
            for word in string_list(name, spec.get("words"), f"{where}.words"):
                tables.words[" ".join(word.lower().split())] = str(code)
            subunits = require(name, spec.get("subunits", {}), dict, f"{where}.subunits")
            for share, forms in subunits.items():
                forms = require(name, forms, dict, f"{where}.subunits.{share}")
                factor = positive_number(name, share, f"{where}.subunits.{share}")
                reading = (Reading(str(code), CURRENCY, factor),)
                tables.forms.extend(_forms(name, forms, reading, f"{where}.subunits.{share}"))
        for factor, spec in require(name, data.get("scales", {}), dict, "scales").items():
            spec = require(name, spec, dict, f"scales.{factor}")
            value = positive_number(name, factor, f"scales.{factor}")
            for word in string_list(name, spec.get("words"), f"scales.{factor}.words"):
                tables.scale_words[word.lower()] = value
            for form in string_list(name, spec.get("attached"), f"scales.{factor}.attached"):
                tables.scale_attached[form] = value
            for prefix in string_list(
                name, spec.get("code_prefixes"), f"scales.{factor}.code_prefixes"
            ):
                code_prefixes[prefix] = value
        for noun, written in require(name, data.get("per", {}), dict, "per").items():
            for form in string_list(name, written, f"per.{noun}"):
                tables.per_nouns[form.lower()] = str(noun)
    for prefix, value in code_prefixes.items():  # "30 MUSD", "120 MEUR"
        for code in sorted(tables.codes):
            tables.forms.append(
                UnitForm(prefix + code, "symbol", (Reading(code, CURRENCY, value),))
            )
    return tables


@functools.cache
def lexicon() -> Lexicon:
    money = _currency_tables(load_kind("currencies"))
    forms: list[UnitForm] = []
    dimensions: dict[str, str] = {}
    compounds: dict[str, str] = {}
    packs = load_kind("units")
    for name, data in packs:
        found, dims = _quantity_forms(name, data)
        forms.extend(found)
        dimensions.update(dims)
        if not is_builtin(name):
            _check_units(name, dims)
    for name, data in packs:
        forms.extend(_ambiguous_forms(name, data, dimensions, money.codes))
        for big, small in require(name, data.get("compounds", {}), dict, "compounds").items():
            compounds[str(big)] = str(small)
    for word, code in money.words.items():
        forms.append(UnitForm(word, "word", (Reading(code, CURRENCY),)))
    forms.extend(money.forms)
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
        money.prefixes,
        money.words,
        money.scale_words,
        money.scale_attached,
        money.per_nouns,
    )


def _check_units(name: str, dimensions: dict[str, str]) -> None:
    """Every unit of a user's pack is one pint knows, of the dimension its group declares."""
    ureg = registry()
    for unit, dimension in dimensions.items():
        where = f"{name}: unit '{unit}'"
        try:
            found = ureg.parse_units(unit).dimensionality
        except Exception:  # pint raises many kinds for a name it cannot read
            raise RulePackError(f"{where} is not a unit pint knows") from None
        try:
            declared = (
                ureg.parse_units("").dimensionality
                if dimension == "percent"
                else ureg.get_dimensionality(dimension)
            )
        except Exception:
            raise RulePackError(f"{name}: dimension '{dimension}' is not one pint knows") from None
        if found != declared:
            raise RulePackError(f"{where} measures {found}, not {dimension}")


@functools.cache
def registry():
    """The process's one pint registry, built on first use. pint keeps a cache of its parsed
    definitions in the user's cache folder; when that folder cannot be written, the registry
    is built without it (slower to start) and stderr says so once."""
    import pint

    try:
        ureg = pint.UnitRegistry(cache_folder=":auto:")
    except Exception as error:  # unwritable (OSError) or a damaged cache file (anything)
        reason = (error.strerror or str(error)) if isinstance(error, OSError) else str(error)
        where = f" {error.filename}" if getattr(error, "filename", None) else ""
        print(
            f"numcheck: cannot use pint's cache folder{where} ({type(error).__name__}: "
            f"{reason}); running without it",
            file=sys.stderr,
        )
        ureg = pint.UnitRegistry()
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


def convert_difference(value: float, unit: str, target: str) -> float:
    """A difference of ``value`` in ``unit`` expressed in ``target``: the offset of a
    temperature scale does not apply (2 °F warmer is 1.1 °C warmer)."""
    scale, _ = _conversion(unit, target)
    return scale * value


# Every conversion between the units of the packs is affine (temperatures have an offset),
# so each pair of units is looked up once and its line (scale, offset) is kept here: in the
# table of the built-in pack (``unit_table``), else from pint. Lines known from an earlier run
# (``remember_lines``) spare pint for units the table lacks (a user's pack).
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
        line = table_line(unit, target) or pint_line(unit, target)
        _lines[(unit, target)] = line
    return line


def pint_line(unit: str, target: str) -> tuple[float, float]:
    """The line (scale, offset) from ``unit`` to ``target``, computed by pint."""
    ureg = registry()
    source, goal = ureg.parse_units(unit), ureg.parse_units(target)
    zero = float(ureg.Quantity(0.0, source).to(goal).m)
    one = float(ureg.Quantity(1.0, source).to(goal).m)
    return one - zero, zero
