"""A short run loads only what it needs: no pint once its conversions are known, no Markdown
parser for plain text, no language server library, no process pool for one file."""

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
        ("a.txt", "Up to 190 miles (306 km).\n", ["pint"], []),
        ("a.md", "# Range\n\nUp to 190 miles (306 km).\n", ["pint", "markdown_it"], []),
        ("a.txt", "Over 10,000 troops.\n", [], []),
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
