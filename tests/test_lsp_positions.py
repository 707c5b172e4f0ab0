from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from numcheck.lsp.positions import UTF8
from numcheck.lsp.positions import UTF16
from numcheck.lsp.positions import UTF32
from numcheck.lsp.positions import LineIndex
from numcheck.lsp.positions import apply_change
from numcheck.lsp.positions import units

# (text, needle, encoding, expected (line, character) of the needle)
POSITION_CASES = [
    ("🚀🚀 The rocket flew up to 190 miles (360 km)", "360", UTF16, (0, 38)),
    ("🚀🚀 The rocket flew up to 190 miles (360 km)", "360", UTF32, (0, 36)),
    ("🚀🚀 The rocket flew up to 190 miles (360 km)", "360", UTF8, (0, 42)),
    ("Київ 东京 — about 11,000 troops", "11,000", UTF16, (0, 16)),
    ("Київ 东京 — about 11,000 troops", "11,000", UTF8, (0, 26)),
    ("a\r\nb\rc\nd 5 km", "5", UTF16, (3, 2)),
    ("𝟙 wide 👩‍👩‍👧 family of 4", "4", UTF16, (0, 27)),
    ("line\u2028same line 7", "7", UTF16, (0, 15)),
    ("", "", UTF16, (0, 0)),
]


@pytest.mark.parametrize(("text", "needle", "encoding", "expected"), POSITION_CASES)
def test_position_and_back(
    text: str, needle: str, encoding: str, expected: tuple[int, int]
) -> None:
    index = LineIndex(text, encoding)
    offset = text.index(needle)
    assert index.position(offset) == expected
    assert index.offset(*expected) == offset


# (text, line, character, expected offset): out-of-range positions are clamped.
CLAMP_CASES = [
    ("ab\r\ncd", 0, 99, 2),
    ("ab\r\ncd", 1, 99, 6),
    ("ab\r\ncd", 5, 0, 6),
    ("ab\r\ncd", -1, 3, 0),
    ("a🚀b", 0, 2, 2),
    ("a🚀b", 0, 3, 2),
    ("a🚀b", 0, 4, 3),
]


@pytest.mark.parametrize(("text", "line", "character", "expected"), CLAMP_CASES)
def test_offsets_are_clamped(text: str, line: int, character: int, expected: int) -> None:
    assert LineIndex(text, UTF16).offset(line, character) == expected


def test_units_count_code_units() -> None:
    assert [units("a🚀é", encoding) for encoding in (UTF8, UTF16, UTF32)] == [7, 4, 3]


# (before, new text, range or None, after)
CHANGE_CASES = [
    ("abc", "xyz", None, "xyz"),
    ("190 miles (360 km)", "306", ((0, 11), (0, 14)), "190 miles (306 km)"),
    ("🚀 up to 190\r\nnext", "😀", ((0, 2), (0, 2)), "🚀😀 up to 190\r\nnext"),
    ("one\r\ntwo\r\nthree", "", ((0, 3), (1, 3)), "one\r\nthree"),
    ("one\ntwo", "!", ((1, 99), (1, 99)), "one\ntwo!"),
    ("one\ntwo", "\n3", ((5, 0), (5, 0)), "one\ntwo\n3"),
    ("x\u2028y\nz", "Z", ((1, 0), (1, 1)), "x\u2028y\nZ"),
    ("abc", "-", ((0, 2), (0, 1)), "a-c"),
]


@pytest.mark.parametrize(("before", "new", "where", "after"), CHANGE_CASES)
def test_apply_change(
    before: str, new: str, where: tuple[tuple[int, int], tuple[int, int]] | None, after: str
) -> None:
    assert apply_change(before, new, where, UTF16) == after


def test_lsp_without_the_extra_says_how_to_install_it(tmp_path: Path) -> None:
    shadow = tmp_path / "pygls"
    shadow.mkdir()
    (shadow / "__init__.py").write_text("raise ImportError('no pygls here')\n", encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(root)])}
    run = subprocess.run(
        [sys.executable, "-m", "numcheck", "lsp"],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr == (
        "numcheck: the language server needs pygls 2 and lsprotocol: pip install 'numcheck[lsp]'\n"
    )
