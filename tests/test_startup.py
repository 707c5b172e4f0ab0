"""A short run loads only what it needs: no pint for the units of the built-in pack (their
conversion factors are in a table) nor for a user's units once their conversions are known, no
Markdown parser for plain text, no language server library, no process pool for one file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

LOADED = """
import json, sys
from numcheck.cli import main
status = main(sys.argv[1:])
heavy = ("pint", "markdown_it", "pygls", "lsprotocol", "multiprocessing")
print(json.dumps([name for name in heavy if name in sys.modules]))
"""


def _loaded(cwd: Path, *args: str) -> list[str]:
    run = subprocess.run(
        [sys.executable, "-c", LOADED, *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    return json.loads(run.stdout.splitlines()[-1])


@pytest.mark.parametrize(
    ("name", "text", "first", "again"),
    [
        ("a.txt", "Up to 190 miles (306 km).\n", [], []),
        ("a.txt", "It was 86F (30C) at noon.\n", [], []),
        ("a.txt", "A top speed of 60 mph (97 km/h).\n", [], []),
        ("a.txt", "He is 5ft 11in (1.8m) tall.\n", [], []),
        ("a.md", "# Range\n\nUp to 190 miles (306 km).\n", ["markdown_it"], []),
        ("a.txt", "Over 10,000 troops.\n", [], []),
        # money in two currencies is never converted, so never asked of pint
        ("a.txt", "The club paid £35m for Carroll.\n\nThe club paid $56m for Carroll.\n", [], []),
    ],
)
def test_modules_a_one_file_run_loads(
    tmp_path: Path, name: str, text: str, first: list[str], again: list[str]
) -> None:
    (tmp_path / name).write_text(text)
    assert _without_pints_own(_loaded(tmp_path, "check", name)) == first
    assert _loaded(tmp_path, "check", name) == again  # from the cache: no parsing, no pint
    assert _without_pints_own(_loaded(tmp_path, "check", name, "--no-cache")) == first


def _without_pints_own(loaded: list[str]) -> list[str]:
    """pint imports Dask when it is installed, and Dask multiprocessing."""
    return [name for name in loaded if "pint" not in loaded or name != "multiprocessing"]


USER_UNITS = """kind: units
quantities:
  length:
    dimension: "[length]"
    units:
      furlong: {words: [furlong, furlongs]}
"""


def test_a_users_unit_pack_loads_pint_until_its_conversions_are_known(tmp_path: Path) -> None:
    """The table holds the built-in pack only: a user's units are checked and converted by
    pint, and the cache then keeps their conversion lines."""
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "furlong.yaml").write_text(USER_UNITS)
    (tmp_path / "a.txt").write_text("The race is 8 furlongs (1.6 km) long.\n")
    run = ("check", "a.txt", "--rules", "packs")
    assert _without_pints_own(_loaded(tmp_path, *run, "--no-cache")) == ["pint"]
