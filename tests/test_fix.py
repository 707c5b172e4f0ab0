from __future__ import annotations

import codecs
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from numcheck.findings import Finding
from numcheck.findings import Fix
from numcheck.findings import Location
from numcheck.fixes import WriteError
from numcheck.fixes import apply_fixes
from numcheck.fixes import unified_diff
from numcheck.fixes import write_fixed

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NUMCHECK = str(Path(sys.executable).with_name("numcheck"))
WRONG = "360 km"
RIGHT = "306 km"


def _numcheck(
    *args: str, cwd: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([NUMCHECK, *args], cwd=cwd, input=stdin, capture_output=True, check=False)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    """Copies of the seed articles, writable, with every "306 km" turned into "360 km"."""
    folder = tmp_path / "story"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        copy = folder / seed.name
        shutil.copyfile(seed, copy)
        os.chmod(copy, 0o644)
        data = seed.read_bytes()
        if RIGHT.encode() in data:
            copy.write_bytes(data.replace(RIGHT.encode(), WRONG.encode()))
    return folder


def _seeds_with(text: str) -> list[str]:
    return sorted(p.name for p in SEEDS.glob("*.txt") if text in p.read_text(encoding="utf-8"))


def test_fix_restores_the_seed_articles_exactly(story: Path) -> None:
    changed = _seeds_with(RIGHT)
    untouched = {p.name: os.stat(p) for p in story.iterdir() if p.name not in changed}
    assert len(changed) == 3 and untouched

    run = _numcheck("check", "--fix", "story", cwd=story.parent)

    assert run.returncode == 0, run.stderr.decode()
    out = run.stdout.decode()
    for name in changed:
        assert (story / name).read_bytes() == (SEEDS / name).read_bytes()
        lines = (SEEDS / name).read_text(encoding="utf-8").split("\n")
        line, text = next((n, t) for n, t in enumerate(lines, 1) if RIGHT in t)
        assert f"story/{name}:{line}:{text.index(RIGHT) + 1}: NC101 fixed:" in out
    assert out.count(f"NC101 fixed: '{WRONG}' -> '{RIGHT}'") == 3
    assert "0 errors, 0 warnings" in out and "NC101" not in out.replace("NC101 fixed", "")
    for name, before in untouched.items():
        after = os.stat(story / name)
        assert (story / name).read_bytes() == (SEEDS / name).read_bytes()
        assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_diff_shows_the_fix_and_writes_nothing(story: Path) -> None:
    before = {p.name: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in story.iterdir()}

    run = _numcheck("check", "--diff", "story", cwd=story.parent)

    assert run.returncode == 1
    out = run.stdout.decode()
    for name in _seeds_with(RIGHT):
        assert f"--- a/story/{name}\n+++ b/story/{name}\n" in out
    minus = [
        line for line in out.splitlines() if line.startswith("-") and not line.startswith("---")
    ]
    plus = [
        line for line in out.splitlines() if line.startswith("+") and not line.startswith("+++")
    ]
    assert len(minus) == len(plus) == 3
    assert all(WRONG in line and RIGHT not in line for line in minus)
    assert [line[1:].replace(WRONG, RIGHT) for line in minus] == [line[1:] for line in plus]
    assert "would fix 3 findings" in run.stderr.decode()
    after = {p.name: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in story.iterdir()}
    assert after == before


def test_diff_of_clean_files_is_empty_and_exits_0(tmp_path: Path) -> None:
    for seed in SEEDS.glob("*.txt"):
        shutil.copyfile(seed, tmp_path / seed.name)
    run = _numcheck("check", "--diff", ".", cwd=tmp_path)
    assert (run.returncode, run.stdout) == (0, b"")


def test_fix_keeps_crlf_bom_mode_and_missing_final_newline(tmp_path: Path) -> None:
    text = "Intro line\r\n\r\n🚀🚀 The rocket flew up to 190 miles (360 km)\r\nКиїв — the end"
    path = tmp_path / "crlf.md"
    path.write_bytes(codecs.BOM_UTF8 + text.encode())
    os.chmod(path, 0o640)

    run = _numcheck("check", "--fix", "crlf.md", cwd=tmp_path)

    assert run.returncode == 0, run.stderr.decode()
    assert path.read_bytes() == codecs.BOM_UTF8 + text.replace(WRONG, RIGHT).encode()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert "crlf.md:3:37: NC101 fixed: '360 km' -> '306 km'" in run.stdout.decode()
    left = [p.name for p in tmp_path.iterdir() if p.name != ".numcheck_cache"]
    assert left == ["crlf.md"]  # no temporary file left behind


def test_fix_keeps_utf16(tmp_path: Path) -> None:
    text = "It flew up to 190 miles (360 km).\r\n"
    path = tmp_path / "wide.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    run = _numcheck("check", "--fix", "wide.txt", cwd=tmp_path)
    assert run.returncode == 0, run.stderr.decode()
    assert path.read_bytes() == codecs.BOM_UTF16_LE + text.replace(WRONG, RIGHT).encode("utf-16-le")


def test_display_only_fixes_are_never_applied(tmp_path: Path) -> None:
    path = tmp_path / "tank.txt"
    path.write_bytes(b"The tank holds 10 gallons (60 litres) of fuel.\n")
    before = os.stat(path)
    for flags in (["--fix"], ["--fix", "--unsafe-fixes"]):
        run = _numcheck("check", *flags, "tank.txt", cwd=tmp_path)
        assert run.returncode == 1
        assert b"fixed" not in run.stdout and b"NC101 [warning]" in run.stdout
    after = os.stat(path)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_fix_from_stdin_prints_the_fixed_text(tmp_path: Path) -> None:
    text = "🚀 Up to 190 miles (360 km)\r\nnext"
    run = _numcheck(
        "check", "-", "--fix", "--stdin-filename", "draft.md", cwd=tmp_path, stdin=text.encode()
    )
    assert run.returncode == 0
    assert run.stdout.decode() == text.replace(WRONG, RIGHT)
    assert "draft.md:1:20: NC101 fixed: '360 km' -> '306 km'" in run.stderr.decode()


def test_fix_reports_a_file_it_cannot_write(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes a read-only file anyway, so this test cannot make a write fail")
    path = tmp_path / "locked.txt"
    path.write_bytes(b"Up to 190 miles (360 km).\n")
    os.chmod(path, 0o444)
    run = _numcheck("check", "--fix", "locked.txt", cwd=tmp_path)
    assert run.returncode == 2
    assert "locked.txt: permission denied, not fixed" in run.stderr.decode()
    assert path.read_bytes() == b"Up to 190 miles (360 km).\n"


def _finding(source: str, target: str, replacement: str, applicability: str = "safe") -> Finding:
    start = source.index(target)
    end = start + len(target)
    location = Location("a.txt", 1, start + 1, 1, end + 1, start, end)
    return Finding(
        location, "NC101", "conversion-mismatch", "error", "m", (), Fix(replacement, applicability)
    )


# (applicabilities of the three fixes, unsafe?, expected text)
APPLY_CASES = [
    (("safe", "safe", "safe"), False, "A 306 km, B 16 km, C 8 km."),
    (("safe", "unsafe", "display-only"), False, "A 306 km, B 10 miles, C 5 miles."),
    (("safe", "unsafe", "display-only"), True, "A 306 km, B 16 km, C 5 miles."),
    (("display-only", "display-only", "unsafe"), False, "A 360 km, B 10 miles, C 5 miles."),
]


@pytest.mark.parametrize(("kinds", "unsafe", "expected"), APPLY_CASES)
def test_apply_fixes_by_applicability(
    kinds: tuple[str, str, str], unsafe: bool, expected: str
) -> None:
    source = "A 360 km, B 10 miles, C 5 miles."
    findings = [
        _finding(source, "360 km", "306 km", kinds[0]),
        _finding(source, "10 miles", "16 km", kinds[1]),
        _finding(source, "5 miles", "8 km", kinds[2]),
    ]
    text, applied = apply_fixes(source, findings, unsafe=unsafe)
    assert text == expected
    assert [a.before for a in applied] == [
        f.location and source[f.location.start : f.location.end]
        for f in findings
        if f.fix and (f.fix.applicability == "safe" or (unsafe and f.fix.applicability == "unsafe"))
    ]


def test_overlapping_fixes_apply_one_per_pass() -> None:
    source = "up to 190 miles (360 km)"
    outer = _finding(source, "(360 km)", "(306 km)")
    inner = _finding(source, "360", "306")
    text, applied = apply_fixes(source, [inner, outer])
    assert text == "up to 190 miles (306 km)"
    assert len(applied) == 1


def test_suppressed_findings_are_not_fixed() -> None:
    source = "up to 190 miles (360 km)"
    finding = _finding(source, "360 km", "306 km")
    suppressed = Finding(**{**finding.__dict__, "suppressed": True})
    assert apply_fixes(source, [suppressed]) == (source, [])


def test_unified_diff_marks_a_missing_final_newline() -> None:
    diff = unified_diff("x.md", "a\r\n360 km", "a\r\n306 km")
    assert diff.startswith("--- a/x.md\n+++ b/x.md\n")
    assert diff.endswith(
        "-360 km\n\\ No newline at end of file\n+306 km\n\\ No newline at end of file\n"
    )


def test_a_file_changed_since_it_was_read_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "moved.txt"
    path.write_bytes(b"Up to 190 miles (360 km), edited meanwhile.\n")
    with pytest.raises(WriteError, match="moved.txt: changed since it was read, not fixed"):
        write_fixed(str(path), "Up to 190 miles (360 km).\n", "Up to 190 miles (306 km).\n")
    assert path.read_bytes() == b"Up to 190 miles (360 km), edited meanwhile.\n"


def test_suppressed_findings_are_left_alone_by_fix(tmp_path: Path) -> None:
    text = (
        "<!-- numcheck: disable-next-line NC101 -->\nThe 1960s brochure said 190 miles (360 km).\n"
    )
    path = tmp_path / "brochure.md"
    path.write_text(text, encoding="utf-8")
    run = _numcheck("check", "--fix", "brochure.md", cwd=tmp_path)
    assert run.returncode == 0
    assert b"fixed" not in run.stdout
    assert path.read_text(encoding="utf-8") == text
