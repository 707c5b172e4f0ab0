"""Shared fixtures: the installed ``numcheck`` command, the seed articles, a runner."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
RUN_TIMEOUT = 120


def installed_script(bin_dir: Path, name: str = "numcheck") -> Path:
    """The console script ``name`` in an environment's bin (Scripts) folder."""
    suffix = ".exe" if os.name == "nt" else ""
    return bin_dir / f"{name}{suffix}"


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (code points) of ``offset`` in ``text``; CRLF ends a line."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def span_at(text: str, offset: int, length: int) -> dict[str, int]:
    """``line, column, end_line, end_column`` (as the JSON format gives them) of
    ``text[offset : offset + length]``."""
    line, column = line_column(text, offset)
    end_line, end_column = line_column(text, offset + length)
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column}


def span_of(text: str, needle: str, after: str | None = None) -> dict[str, int]:
    """The span of ``needle``: its one occurrence in ``text``, or the first one after the
    unique marker ``after``."""
    if after is None:
        assert text.count(needle) == 1, f"{needle!r} is not unique"
        return span_at(text, text.index(needle), len(needle))
    assert text.count(after) == 1, f"marker {after!r} is not unique"
    return span_at(text, text.index(needle, text.index(after) + len(after)), len(needle))


def text_at(text: str, line: int, column: int, end_line: int, end_column: int) -> str:
    """The characters of ``text`` between two 1-based positions (end exclusive)."""
    starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]
    return text[starts[line - 1] + column - 1 : starts[end_line - 1] + end_column - 1]


@dataclass(frozen=True)
class Run:
    """One run of the command: its exit status and both streams as text."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str

    @property
    def stdout_lines(self) -> list[str]:
        return self.stdout.splitlines()

    @property
    def stderr_lines(self) -> list[str]:
        return self.stderr.splitlines()

    def json(self) -> Any:
        return json.loads(self.stdout)

    def __str__(self) -> str:
        return (
            f"numcheck {' '.join(self.args)} -> exit {self.returncode}\n"
            f"--- stdout ---\n{self.stdout}--- stderr ---\n{self.stderr}"
        )


def run_command(
    command: Path | str,
    *args: str,
    cwd: Path | str | None = None,
    stdin: str | bytes | None = None,
) -> Run:
    """Run ``command args`` in a subprocess; ``stdin`` is fed as UTF-8 text or raw bytes."""
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    completed = subprocess.run(
        [str(command), *args],
        cwd=cwd,
        input=data if data is not None else b"",
        capture_output=True,
        timeout=RUN_TIMEOUT,
        check=False,
    )
    return Run(
        args=tuple(args),
        returncode=completed.returncode,
        stdout=completed.stdout.decode("utf-8"),
        stderr=completed.stderr.decode("utf-8"),
    )


@pytest.fixture(scope="session")
def numcheck_cmd() -> Path:
    """The ``numcheck`` script installed beside the Python running the tests."""
    script = installed_script(Path(sys.executable).parent)
    if not script.exists():
        pytest.fail(f"the numcheck command is not installed next to {sys.executable}")
    return script


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def e2e_fixtures() -> Path:
    return FIXTURES / "e2e"


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A fresh copy of the seed articles, as ``tmp_path/seeds``."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture(scope="session")
def run_numcheck(numcheck_cmd: Path) -> Callable[..., Run]:
    """``run_numcheck(*args, cwd=None, stdin=None)``: run the installed command."""

    def run(*args: str, cwd: Path | str | None = None, stdin: str | bytes | None = None) -> Run:
        return run_command(numcheck_cmd, *args, cwd=cwd, stdin=stdin)

    return run


@pytest.fixture(scope="session")
def where() -> SimpleNamespace:
    """Position helpers: ``span_at``, ``span_of``, ``text_at`` and ``line_column``."""
    return SimpleNamespace(
        span_at=span_at, span_of=span_of, text_at=text_at, line_column=line_column
    )
