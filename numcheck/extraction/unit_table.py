"""Conversion lines of the built-in unit pack without loading pint.

Loading pint and building its registry is most of a short run's start-up, yet a news article
only ever converts between the few hundred units of ``rules/units.yaml``. Each of them is kept
in ``unit_factors.py`` as pint gives it: its factor to pint's root units and those root units
("mile" is 1609.344 "meter"). The line between two units, or two quotients of them ("mile /
hour"), is then the ratio of their factors, when their root units are the same. Temperature
scales have an offset, so their lines are kept pair by pair, as pint computes them.

The table speaks only for the pack it was made from: when the built-in pack's text has
another hash (it was edited and the table not made again) or a user's pack adds units, every
line comes from pint. ``python tools/unit_table.py`` makes the table again; a test compares
every line it gives with pint's.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from importlib import resources

from numcheck.rulepacks import is_builtin
from numcheck.rulepacks import load_kind

PACK = "units.yaml"

Powers = tuple[tuple[str, int], ...]


def pack_hash() -> str:
    """The hash of the built-in unit pack's text, which the table was made from."""
    text = (resources.files("numcheck.rules") / PACK).read_bytes()
    return hashlib.sha256(text).hexdigest()


@functools.cache
def _table():
    """The table (``unit_factors``) when it speaks for the packs in use, else None."""
    from numcheck.extraction import unit_factors

    only_builtin = all(is_builtin(name) for name, _ in load_kind("units"))
    return unit_factors if only_builtin and unit_factors.PACK_HASH == pack_hash() else None


def table_line(unit: str, target: str) -> tuple[float, float] | None:
    """The line (scale, offset) from ``unit`` to ``target``, or None when the table does not
    know it (then pint must be asked)."""
    table = _table()
    if table is None:
        return None
    pair = table.OFFSET_LINES.get((unit, target))
    if pair is not None:
        return pair
    ours, theirs = _factor(unit, table.FACTORS), _factor(target, table.FACTORS)
    if ours is None or theirs is None or ours[1] != theirs[1]:
        return None  # a unit the table lacks, or another dimension: pint says why
    return ours[0] / theirs[0], 0.0


def _factor(unit: str, factors: dict[str, tuple[float, Powers]]) -> tuple[float, Powers] | None:
    """The factor of ``unit`` ("mile" or "mile / hour") to its root units, and those units."""
    whole = factors.get(unit)
    top, quotient, bottom = unit.partition(" / ")
    if whole is not None or not quotient:
        return whole
    above, below = factors.get(top), factors.get(bottom)
    if above is None or below is None:
        return None
    powers = dict(above[1])
    for name, power in below[1]:
        powers[name] = powers.get(name, 0) - power
    return above[0] / below[0], tuple(sorted((n, p) for n, p in powers.items() if p))


def table_source(registry, pint_line: Callable[[str, str], tuple[float, float]]) -> str:
    """The text of ``unit_factors.py`` for the built-in pack, computed with pint's
    ``registry`` (``pint_line`` is how numcheck asks pint for one line)."""
    names = sorted(_builtin_units(registry))
    factors, offset_units = {}, []
    for name in names:
        factor, root = registry.get_root_units(name)
        if not root.dimensionless and pint_line(name, str(root))[1] != 0.0:
            offset_units.append(name)  # a temperature scale: 0 °C is not 0 K
            continue
        factors[name] = (float(factor), tuple(sorted(root._units.items())))

    def dimension(name: str):
        return registry.parse_units(name).dimensionality

    lines = {}
    for scale in offset_units:  # a temperature scale and every unit of temperature, both ways
        for other in names:
            if dimension(other) == dimension(scale):
                lines[(scale, other)] = pint_line(scale, other)
                lines[(other, scale)] = pint_line(other, scale)
    out = [
        '"""Conversion factors of the built-in unit pack, as pint gives them.',
        "",
        "Made by ``python tools/unit_table.py`` from ``rules/units.yaml``; do not edit. See",
        '``numcheck.extraction.unit_table``."""',
        "",
        f'PACK_HASH = "{pack_hash()}"',
        "",
        "# unit: (factor to pint's root units, the root units and their powers)",
        "FACTORS = {",
        *(f"    {name!r}: ({factor!r}, {root!r})," for name, (factor, root) in factors.items()),
        "}",
        "",
        "# the lines between temperature scales, (scale, offset), as pint computes them",
        "OFFSET_LINES = {",
        *(f"    {pair!r}: {line!r}," for pair, line in lines.items()),
        "}",
        "",
    ]
    return "\n".join(out)


def _builtin_units(registry) -> set[str]:
    """Every pint unit the built-in pack names: its units, the readings of its ambiguous
    forms, the parts of its compounds and the units it defines."""
    (name, data), *_ = load_kind("units")
    assert is_builtin(name)
    found: set[str] = set()
    for group in data.get("quantities", {}).values():
        found.update(group.get("units", {}))
    for spec in data.get("ambiguous", {}).values():
        found.update(spec.get("readings", []))
    for big, small in data.get("compounds", {}).items():
        found.update((big, small))
    for definition in data.get("definitions", []):
        found.add(definition.split("=")[0].strip())
    return {unit for unit in found if _is_unit(registry, unit)}


def _is_unit(registry, name: str) -> bool:
    try:
        registry.parse_units(name)
    except Exception:  # noqa: BLE001 - a scale reading ("million") is no unit of pint's
        return False
    return True
