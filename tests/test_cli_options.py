"""The command-line options people expect from a linter, run as the installed command."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from tests.conftest import RUN_TIMEOUT

WRONG = "The missile flies up to 190 miles (360 km) at most.\n"
RIGHT = "The missile flies up to 190 miles (306 km) at most.\n"
AMBIGUOUS = "The tank holds 10 gallons (20 litres) of fuel.\n"  # a warning
DIMENSION = "The missile flies up to 190 miles (306 kg) at most.\n"  # NC102, no fix
ANSI = re.compile(r"\x1b\[[0-9;]*m")
SUMMARY = re.compile(r"^\d+ files? checked")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def codes(run) -> list[str]:
    return re.findall(r": (NC\d{3}) \[", run.stdout)


# --------------------------------------------------------------------------------------
# Options that combine, and stdin


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--select", "NC101", "--select", "NC102"], ["NC101", "NC102"]),
        (["--select", "NC101,NC102", "--ignore", "NC101"], ["NC102"]),
        (["--ignore", "NC101", "--ignore", "NC102"], []),
        (["--select", "NC1", "--ignore", "NC101", "--ignore", "conversion-dimension"], []),
    ],
)
def test_repeated_select_and_ignore_merge(
    run_numcheck, tmp_path: Path, args: list[str], expected: list[str]
) -> None:
    write(tmp_path, "a.txt", WRONG + "\n" + DIMENSION)
    run = run_numcheck("check", "a.txt", *args, cwd=tmp_path)
    assert codes(run) == expected, run


def test_stdin_filename_alone_reads_stdin(run_numcheck, tmp_path: Path) -> None:
    write(tmp_path, "other.md", RIGHT)  # in the folder, but not what is checked
    run = run_numcheck("check", "--stdin-filename", "draft.md", cwd=tmp_path, stdin=WRONG)
    assert run.returncode == 1, run
    assert run.stdout_lines[0].startswith("draft.md:1:"), run
    assert run.stdout_lines[-1].startswith("1 file checked"), run


def test_stdin_filename_with_other_paths_is_a_usage_error(run_numcheck, tmp_path: Path) -> None:
    write(tmp_path, "a.md", RIGHT)
    run = run_numcheck("check", "a.md", "--stdin-filename", "draft.md", cwd=tmp_path, stdin=WRONG)
    assert run.returncode == 2, run
    assert run.stderr == ("numcheck: --stdin-filename names standard input: give '-' or no path\n")


# --------------------------------------------------------------------------------------
# .gitignore


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / ".git" / "info").mkdir(parents=True)
    write(root, ".gitignore", "drafts/\n*.txt\n!keep.txt\n")
    write(root, ".git/info/exclude", "private.md\n")
    write(root, "articles/.gitignore", "old-*.md\n!old-but-kept.md\n")
    for name in (
        "a.md",
        "notes.txt",
        "keep.txt",
        "private.md",
        "drafts/b.md",
        "articles/c.md",
        "articles/old-d.md",
        "articles/old-but-kept.md",
    ):
        write(root, name, WRONG)
    return root


def paths_checked(run) -> list[str]:
    return sorted({line.split(":")[0] for line in run.stdout_lines if ": NC101 [" in line})


def test_gitignore_is_respected_when_walking(run_numcheck, repository: Path) -> None:
    run = run_numcheck("check", ".", cwd=repository)
    assert paths_checked(run) == ["a.md", "articles/c.md", "articles/old-but-kept.md", "keep.txt"]
    inner = run_numcheck("check", "articles", cwd=repository)  # the root's rules apply too
    assert paths_checked(inner) == ["articles/c.md", "articles/old-but-kept.md"]


def test_gitignore_can_be_turned_off(run_numcheck, repository: Path) -> None:
    everything = [
        "a.md",
        "articles/c.md",
        "articles/old-but-kept.md",
        "articles/old-d.md",
        "drafts/b.md",
        "keep.txt",
        "notes.txt",
        "private.md",
    ]
    run = run_numcheck("check", ".", "--no-respect-gitignore", cwd=repository)
    assert paths_checked(run) == everything
    write(repository, ".numcheck.toml", "respect-gitignore = false\n")
    assert paths_checked(run_numcheck("check", ".", cwd=repository)) == everything
    back = run_numcheck("check", ".", "--respect-gitignore", cwd=repository)
    assert "drafts/b.md" not in paths_checked(back)


def test_a_file_named_is_checked_even_when_ignored(run_numcheck, repository: Path) -> None:
    run = run_numcheck("check", "drafts/b.md", "notes.txt", cwd=repository)
    assert paths_checked(run) == ["drafts/b.md", "notes.txt"]


def test_a_folder_named_is_walked_even_when_ignored(run_numcheck, repository: Path) -> None:
    write(repository, "drafts/.gitignore", "scratch-*.md\n")
    for name in ("drafts/deep/e.md", "drafts/scratch-f.md", "articles/drafts/g.md"):
        write(repository, name, WRONG)
    run = run_numcheck("check", "drafts", cwd=repository)
    assert paths_checked(run) == ["drafts/b.md", "drafts/deep/e.md"]
    inside = run_numcheck("check", "drafts/deep", cwd=repository)
    assert paths_checked(inside) == ["drafts/deep/e.md"]
    # Walking from above, the ignored folders stay left out wherever they are.
    assert "articles/drafts/g.md" not in paths_checked(run_numcheck("check", ".", cwd=repository))
    assert paths_checked(run_numcheck("check", "articles", cwd=repository)) == [
        "articles/c.md",
        "articles/old-but-kept.md",
    ]


# --------------------------------------------------------------------------------------
# What is reported, and the exit status


def test_summary_counts_checked_files_apart_from_the_corpus(run_numcheck, tmp_path: Path) -> None:
    write(tmp_path, ".numcheck.toml", 'corpus = ["articles/*.md"]\n')
    write(tmp_path, "articles/one.md", WRONG)
    write(tmp_path, "articles/two.md", RIGHT + AMBIGUOUS)
    write(tmp_path, "articles/three.md", RIGHT)
    run = run_numcheck("check", "articles/one.md", cwd=tmp_path)
    assert run.stdout_lines[-1] == (
        "1 file checked (2 more read as corpus), 2 claims: 1 error, 0 warnings, 0 notes, "
        "1 fixable with --fix"
    ), run
    summary = run_numcheck("check", "articles/one.md", "--format", "json", cwd=tmp_path).json()[
        "summary"
    ]
    assert (summary["files"], summary["corpus_files"], summary["claims"]) == (1, 2, 2)
    alone = run_numcheck("check", "articles", "--format", "json", cwd=tmp_path).json()["summary"]
    assert (alone["files"], alone["corpus_files"], alone["claims"]) == (3, 0, 8)


def test_fixable_counts(run_numcheck, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", WRONG + "\n" + WRONG + "\n" + DIMENSION + "\n" + AMBIGUOUS)
    run = run_numcheck("check", "a.txt", cwd=tmp_path)
    assert run.stdout_lines[-1] == (
        "1 file checked, 8 claims: 3 errors, 1 warning, 0 notes, 2 fixable with --fix"
    ), run
    summary = run_numcheck("check", "a.txt", "--format", "json", cwd=tmp_path).json()["summary"]
    assert (summary["fixable"], summary["unsafe_fixable"]) == (2, 0)


def test_exit_zero(run_numcheck, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", WRONG)
    run = run_numcheck("check", "a.txt", "--exit-zero", cwd=tmp_path)
    assert run.returncode == 0 and codes(run) == ["NC101"], run
    diff = run_numcheck("check", "a.txt", "--diff", "--exit-zero", cwd=tmp_path)
    assert diff.returncode == 0 and "+The missile flies up to 190 miles (306 km)" in diff.stdout
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00binary")
    broken = run_numcheck("check", "a.txt", "bad.txt", "--exit-zero", cwd=tmp_path)
    assert broken.returncode == 2, broken  # an unreadable input is still an error


def test_quiet(run_numcheck, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", WRONG)
    run = run_numcheck("check", "a.txt", "-q", cwd=tmp_path)
    assert run.returncode == 1
    assert [line for line in run.stdout_lines if not line.startswith(" ")] == [
        f"a.txt:1:{WRONG.index('360') + 1}: NC101 [error] '360 km' does not match '190 miles', "
        "which is 305.8 km; write '306 km'"
    ]
    assert not any(SUMMARY.match(line) for line in run.stdout_lines)
    fixed = run_numcheck("check", "a.txt", "--fix", "--quiet", cwd=tmp_path)
    assert fixed.returncode == 0 and fixed.stdout == "" and fixed.stderr == "", fixed
    assert (tmp_path / "a.txt").read_text() == RIGHT


def test_output_file(run_numcheck, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", WRONG)
    run = run_numcheck("check", "a.txt", "--format", "json", "-o", "report.json", cwd=tmp_path)
    assert run.returncode == 1 and run.stdout == "", run
    payload = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert [f["code"] for f in payload["findings"]] == ["NC101"]
    claims = run_numcheck("claims", "a.txt", "--output-file", "claims.txt", cwd=tmp_path)
    assert claims.stdout == "" and "'up to 190 miles'" in (tmp_path / "claims.txt").read_text()
    missing = run_numcheck("check", "a.txt", "-o", "no/such/folder/r.txt", cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr.startswith("numcheck: no/such/folder/r.txt: cannot write the report")
    assert len(missing.stderr_lines) == 1


def test_statistics(run_numcheck, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", WRONG + "\n" + WRONG + "\n" + DIMENSION)
    run = run_numcheck("check", "a.txt", "--statistics", cwd=tmp_path)
    assert run.returncode == 1
    assert run.stdout_lines == [
        "2  NC101  conversion-mismatch   error  (2 fixable)",
        "1  NC102  conversion-dimension  error",
    ]
    data = run_numcheck("check", "a.txt", "--statistics", "--format", "json", cwd=tmp_path)
    assert data.json() == {
        "statistics": [
            {"code": "NC101", "name": "conversion-mismatch", "level": "error", "count": 2,
             "fixable": 2},
            {"code": "NC102", "name": "conversion-dimension", "level": "error", "count": 1,
             "fixable": 0},
        ]
    }  # fmt: skip
    sarif = run_numcheck("check", "a.txt", "--statistics", "--format", "sarif", cwd=tmp_path)
    assert sarif.returncode == 2
    assert sarif.stderr == "numcheck: --statistics is written as text or json\n"


@pytest.mark.parametrize(
    ("level", "shown", "status"),
    [(None, ["NC101", "NC101"], 1), ("warning", ["NC101", "NC101"], 1), ("error", ["NC101"], 1)],
)
def test_level_hides_findings_below_it(
    run_numcheck, tmp_path: Path, level: str | None, shown: list[str], status: int
) -> None:
    write(tmp_path, "a.txt", WRONG + "\n" + AMBIGUOUS)
    run = run_numcheck("check", "a.txt", *(["--level", level] if level else []), cwd=tmp_path)
    assert codes(run) == shown and run.returncode == status, run


def test_hidden_findings_do_not_fail_the_run(run_numcheck, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", AMBIGUOUS)
    assert run_numcheck("check", "a.txt", cwd=tmp_path).returncode == 1
    run = run_numcheck("check", "a.txt", "--level", "error", cwd=tmp_path)
    assert run.returncode == 0 and codes(run) == [], run
    assert run.stdout_lines[-1].startswith("1 file checked, 2 claims: 0 errors, 0 warnings")


# --------------------------------------------------------------------------------------
# Colour


def _in_terminal(numcheck_cmd: Path, cwd: Path, *args: str, env: dict[str, str]) -> str:
    """What the command prints when its stdout is a terminal."""
    main, child = pty.openpty()
    try:
        subprocess.run(
            [str(numcheck_cmd), *args],
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=child,
            stderr=subprocess.DEVNULL,
            env=env,
            timeout=RUN_TIMEOUT,
            check=False,
        )
        os.close(child)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(main)
    return b"".join(chunks).decode("utf-8")


@pytest.mark.parametrize(
    ("args", "no_color", "colored"),
    [
        ([], None, True),
        ([], "1", False),
        (["--color", "never"], None, False),
        (["--color", "always"], "1", True),
    ],
)
def test_colour_on_a_terminal(
    numcheck_cmd: Path, tmp_path: Path, args: list[str], no_color: str | None, colored: bool
) -> None:
    write(tmp_path, "a.txt", WRONG)
    env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "TERM")}
    env["TERM"] = "xterm"
    if no_color:
        env["NO_COLOR"] = no_color
    out = _in_terminal(numcheck_cmd, tmp_path, "check", "a.txt", *args, env=env)
    assert bool(ANSI.search(out)) == colored, out
    assert "NC101" in ANSI.sub("", out)


def test_colour_in_a_pipe(run_numcheck, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", WRONG)
    assert not ANSI.search(run_numcheck("check", "a.txt", cwd=tmp_path).stdout)
    forced = run_numcheck("check", "a.txt", "--color", "always", cwd=tmp_path).stdout
    first = forced.splitlines()[0]
    assert first.startswith("\x1b[1ma.txt:1:")
    assert ANSI.sub("", first).startswith("a.txt:1:")
    assert "\x1b[31m[error]\x1b[0m" in first


# --------------------------------------------------------------------------------------
# Formats


def test_concise_puts_related_places_on_the_line(run_numcheck, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", WRONG)
    run = run_numcheck("check", "a.txt", "--format", "concise", cwd=tmp_path)
    assert run.returncode == 1
    column, source = WRONG.index("360") + 1, WRONG.index("up to") + 1
    assert run.stdout_lines == [
        f"a.txt:1:{column}: NC101 [error] '360 km' does not match '190 miles', which is "
        f"305.8 km; write '306 km' (see a.txt:1:{source}: the source figure: up to 190 miles)",
        "1 file checked, 2 claims: 1 error, 0 warnings, 0 notes, 1 fixable with --fix",
    ]
    quiet = run_numcheck("check", "a.txt", "--format", "concise", "-q", cwd=tmp_path)
    assert quiet.stdout_lines == run.stdout_lines[:1]


def test_gitlab_code_quality(run_numcheck, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", WRONG + "\n" + AMBIGUOUS)
    run = run_numcheck("check", "a.txt", "--format", "gitlab", cwd=tmp_path)
    assert run.returncode == 1
    issues = run.json()
    assert [(i["check_name"], i["severity"]) for i in issues] == [
        ("NC101", "major"),
        ("NC101", "minor"),
    ]
    first = issues[0]
    assert first["description"].startswith("NC101 conversion-mismatch: '360 km' does not match")
    column = WRONG.index("360") + 1
    assert first["location"] == {
        "path": "a.txt",
        "positions": {
            "begin": {"line": 1, "column": column},
            "end": {"line": 1, "column": column + len("360 km")},
        },
    }
    assert re.fullmatch(r"[0-9a-f]{32}", first["fingerprint"])
    assert len({issue["fingerprint"] for issue in issues}) == 2
    # The fingerprint survives moved lines.
    write(tmp_path, "a.txt", "A new first line.\n\n" + WRONG + "\n" + AMBIGUOUS)
    moved = run_numcheck("check", "a.txt", "--format", "gitlab", cwd=tmp_path).json()
    assert [i["fingerprint"] for i in moved] == [i["fingerprint"] for i in issues]
    write(tmp_path, "a.txt", RIGHT)
    assert run_numcheck("check", "a.txt", "--format", "gitlab", cwd=tmp_path).json() == []


def test_junit(run_numcheck, tmp_path: Path) -> None:
    write(tmp_path, "wrong.txt", WRONG)
    write(tmp_path, "right.txt", RIGHT)
    run = run_numcheck("check", ".", "--format", "junit", cwd=tmp_path)
    assert run.returncode == 1
    root = ElementTree.fromstring(run.stdout)
    assert root.tag == "testsuites" and root.get("tests") == "2" and root.get("failures") == "1"
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    assert set(suites) == {"right.txt", "wrong.txt"}
    (passing,) = suites["right.txt"].findall("testcase")
    assert passing.find("failure") is None and suites["right.txt"].get("failures") == "0"
    (case,) = suites["wrong.txt"].findall("testcase")
    assert (case.get("name"), case.get("classname"), case.get("line")) == (
        "NC101 conversion-mismatch",
        "wrong.txt",
        "1",
    )
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "error"
    assert failure.get("message", "").startswith("'360 km' does not match '190 miles'")
    assert "the source figure: up to 190 miles" in (failure.text or "")


def test_lsp_accepts_stdio(run_numcheck, tmp_path: Path) -> None:
    run = run_numcheck("lsp", "--stdio", cwd=tmp_path, stdin="")
    assert run.returncode == 0, run
    assert "unrecognized" not in run.stderr
