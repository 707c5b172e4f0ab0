"""``--fix`` never loses data: not another process's write, not a hard link, not the owner,
not the encoding of text piped in; a fix it could not write is still reported."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import numcheck.fixes as fixes
from numcheck.cli import main
from numcheck.fixes import WriteError
from numcheck.fixes import write_fixed

NUMCHECK = str(Path(sys.executable).with_name("numcheck"))
WRONG = "Up to 190 miles (360 km).\n"
RIGHT = "Up to 190 miles (306 km).\n"


def _numcheck(*args: str, cwd: Path, stdin: bytes | None = None):
    return subprocess.run([NUMCHECK, *args], cwd=cwd, input=stdin, capture_output=True, check=False)


def test_a_write_made_while_fixing_is_kept(tmp_path: Path, monkeypatch) -> None:
    """Another process appends to the file after numcheck read it and before the rename."""
    path = tmp_path / "race.txt"
    path.write_text(WRONG, encoding="utf-8")
    make = fixes._temporary

    def temporary(target, data, info, shown):
        made = make(target, data, info, shown)
        with open(target, "a", encoding="utf-8") as other_writer:
            other_writer.write("A line another process wrote.\n")
        return made

    monkeypatch.setattr(fixes, "_temporary", temporary)
    with pytest.raises(WriteError, match="race.txt: changed since it was read, not fixed"):
        write_fixed(str(path), WRONG, RIGHT)
    assert path.read_text(encoding="utf-8") == WRONG + "A line another process wrote.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["race.txt"]  # no temporary file left


def test_a_touch_without_a_change_is_tried_again(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "touched.txt"
    path.write_text(WRONG, encoding="utf-8")
    make, touched = fixes._temporary, []

    def temporary(target, data, info, shown):
        made = make(target, data, info, shown)
        if not touched:
            touched.append(True)
            os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))
        return made

    monkeypatch.setattr(fixes, "_temporary", temporary)
    write_fixed(str(path), WRONG, RIGHT)
    assert path.read_text(encoding="utf-8") == RIGHT


def test_hard_links_stay_one_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(WRONG, encoding="utf-8")
    os.link(path, tmp_path / "b.txt")
    run = _numcheck("check", "--fix", "a.txt", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == RIGHT
    assert os.stat(path).st_ino == os.stat(tmp_path / "b.txt").st_ino


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0,
    reason="only root can give a file another owner, which this test needs",
)
def test_the_owner_stays(tmp_path: Path) -> None:
    path = tmp_path / "theirs.txt"
    path.write_text(WRONG, encoding="utf-8")
    os.chown(path, 12345, 23456)
    os.chmod(path, 0o640)
    run = _numcheck("check", "--fix", "theirs.txt", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    info = os.stat(path)
    assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (12345, 23456, 0o640)
    assert path.read_text(encoding="utf-8") == RIGHT


def test_a_fix_not_written_is_still_a_finding(
    tmp_path: Path, monkeypatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(WRONG, encoding="utf-8")
    (tmp_path / "b.txt").write_text(WRONG, encoding="utf-8")
    write = fixes.write_fixed

    def refuse_a(path: str, original: str, fixed: str) -> None:
        if path.endswith("a.txt"):
            raise WriteError(f"{path}: read-only file system, not fixed")
        write(path, original, fixed)

    monkeypatch.setattr(fixes, "write_fixed", refuse_a)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--fix", ".", "--format", "json"]) == 2
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert [(f["path"], f["code"]) for f in report["findings"]] == [("a.txt", "NC101")]
    assert report["summary"]["errors"] == 1
    assert captured.err.splitlines() == [
        "b.txt:1:18: NC101 fixed: '360 km' -> '306 km'",
        "numcheck: a.txt: read-only file system, not fixed",
    ]
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == WRONG
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == RIGHT


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + WRONG.encode(), codecs.BOM_UTF8 + RIGHT.encode()),
        (codecs.BOM_UTF8 + RIGHT.encode(), codecs.BOM_UTF8 + RIGHT.encode()),
        (WRONG.encode("utf-16"), RIGHT.encode("utf-16")),
        (RIGHT.encode("utf-16"), RIGHT.encode("utf-16")),
        (codecs.BOM_UTF16_BE + WRONG.encode("utf-16-be"), RIGHT.encode("utf-16-be")),
        (b"No figures here.\r\n\r\nNone.", b"No figures here.\r\n\r\nNone."),
    ],
)
def test_stdin_comes_back_in_its_own_encoding(tmp_path: Path, data: bytes, expected: bytes) -> None:
    if data.startswith(codecs.BOM_UTF16_BE):
        expected = codecs.BOM_UTF16_BE + expected
    run = _numcheck("check", "-", "--fix", "--stdin-filename", "d.md", cwd=tmp_path, stdin=data)
    assert run.returncode == 0, run.stderr
    assert run.stdout == expected


def test_binary_stdin_with_fix_is_skipped(tmp_path: Path) -> None:
    run = _numcheck("check", "-", "--fix", cwd=tmp_path, stdin=b"\x00\x01\x02")
    assert run.returncode == 2 and b"Traceback" not in run.stderr
    assert run.stdout == b""
    assert b"binary file (NUL bytes), skipped" in run.stderr
