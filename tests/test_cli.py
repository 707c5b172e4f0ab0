"""The command line, run as the installed ``numcheck`` command: inputs, options, exit status."""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path

import pytest

WRONG = "The missile flies up to 190 miles (360 km) at most.\n"
WRONG_COLUMN = WRONG.index("360 km") + 1
RIGHT = "The missile flies up to 190 miles (306 km) at most.\n"
# A unit that may be read several ways (US or imperial gallon): a wrong conversion is a warning.
AMBIGUOUS = "The tank holds 10 gallons (20 litres) of fuel.\n"
AMBIGUOUS_COLUMN = AMBIGUOUS.index("20 litres") + 1


def one_line_error(run, *words: str) -> str:
    """The single stderr line of a failed run, checked for a ``numcheck:`` prefix and words."""
    assert "Traceback" not in run.stderr, run
    lines = run.stderr_lines
    assert len(lines) == 1, run
    assert lines[0].startswith("numcheck: "), run
    for word in words:
        assert word in lines[0], run
    return lines[0]


def finding_lines(run) -> list[str]:
    """The ``path:line:column: CODE [level] message`` lines of a text report."""
    return [line for line in run.stdout_lines if re.match(r"^\S.*:\d+:\d+: NC\d{3} \[", line)]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------------------
# Unreadable inputs: skipped with one line each, the rest still checked, exit 2.

BAD_FILES = {
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR up to 190 miles (360 km)", "binary"),
    "latin1.md": ("Caf\u00e9 range: up to 190 miles (360 km).\n".encode("latin-1"), "UTF-8"),
}


@pytest.mark.parametrize("output", ["text", "json"])
def test_unreadable_files_are_skipped_with_one_line_each(
    run_numcheck, tmp_path: Path, output: str
) -> None:
    for name, (data, _) in BAD_FILES.items():
        write(tmp_path / "articles" / name, data)
    write(tmp_path / "articles" / "good.md", WRONG)
    run = run_numcheck("check", "articles", "--format", output, cwd=tmp_path)
    assert run.returncode == 2, run
    assert "Traceback" not in run.stderr, run
    lines = run.stderr_lines
    assert len(lines) == len(BAD_FILES), run
    for (name, (_, word)), line in zip(sorted(BAD_FILES.items()), lines, strict=True):
        assert line.startswith(f"numcheck: articles/{name}: "), run
        assert word in line, run
    # The good file is still read and checked.
    if output == "json":
        payload = run.json()
        assert [(f["path"], f["line"], f["column"]) for f in payload["findings"]] == [
            ("articles/good.md", 1, WRONG_COLUMN)
        ]
        assert payload["summary"]["files"] == 1
        assert payload["summary"]["errors"] == 1
    else:
        assert finding_lines(run) == [
            line for line in run.stdout_lines if line.startswith("articles/good.md:1:")
        ]
        assert len(finding_lines(run)) == 1, run
        assert finding_lines(run)[0].startswith(f"articles/good.md:1:{WRONG_COLUMN}: NC101 "), run
        assert run.stdout_lines[-1].startswith("1 file checked, "), run


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_an_unreadable_file_named_alone(run_numcheck, tmp_path: Path, name: str) -> None:
    data, word = BAD_FILES[name]
    write(tmp_path / name, data)
    run = run_numcheck("check", name, cwd=tmp_path)
    assert run.returncode == 2, run
    one_line_error(run, f"{name}:", word)


def test_utf8_byte_order_mark_does_not_shift_columns(run_numcheck, tmp_path: Path) -> None:
    write(tmp_path / "bom.md", b"\xef\xbb\xbf" + WRONG.encode("utf-8"))
    run = run_numcheck("check", "bom.md", cwd=tmp_path)
    assert run.returncode == 1, run
    assert finding_lines(run)[0].startswith(f"bom.md:1:{WRONG_COLUMN}: NC101 [error] "), run


def test_a_missing_path_is_one_line_and_exit_2(run_numcheck, tmp_path: Path) -> None:
    write(tmp_path / "good.md", WRONG)
    run = run_numcheck("check", "good.md", "no-such-article.md", cwd=tmp_path)
    assert run.returncode == 2, run
    one_line_error(run, "no-such-article.md", "no such file")
    assert run.stdout == "", run


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--select", "XYZ"),
        ("check", "--ignore", "XYZ"),
        ("check", "--select", "NC101,XYZ"),
    ],
)
def test_an_unknown_rule_is_one_line_and_exit_2(run_numcheck, tmp_path: Path, args) -> None:
    write(tmp_path / "good.md", WRONG)
    run = run_numcheck(*args, "good.md", cwd=tmp_path)
    assert run.returncode == 2, run
    one_line_error(run, "XYZ")
    assert run.stdout == "", run


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--format", "yaml"),
        ("check", "--fail-level", "fatal"),
        ("frobnicate",),
    ],
)
def test_bad_arguments_exit_2_without_traceback(run_numcheck, tmp_path: Path, args) -> None:
    write(tmp_path / "good.md", WRONG)
    run = run_numcheck(*args, "good.md", cwd=tmp_path)
    assert run.returncode == 2, run
    assert "Traceback" not in run.stderr, run
    assert run.stderr_lines[-1].startswith("numcheck"), run
    assert run.stdout == "", run


# --------------------------------------------------------------------------------------
# Standard input.


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (("--stdin-filename", "draft.md"), "draft.md"),
        (("--stdin-filename", "notes/draft.txt"), "notes/draft.txt"),
        ((), "-"),
    ],
)
def test_stdin_reports_the_given_path(run_numcheck, tmp_path: Path, args, shown: str) -> None:
    run = run_numcheck("check", "-", *args, cwd=tmp_path, stdin="Intro.\n\n" + WRONG)
    assert run.returncode == 1, run
    assert run.stderr == "", run
    assert finding_lines(run) == [
        f"{shown}:3:{WRONG_COLUMN}: NC101 [error] '360 km' does not match '190 miles', "
        "which is 305.8 km; write '306 km'"
    ], run


def test_stdin_filename_picks_markdown(run_numcheck, tmp_path: Path) -> None:
    text = "```\n" + WRONG + "```\n\n" + WRONG
    as_markdown = run_numcheck(
        "check", "-", "--stdin-filename", "draft.md", "--format", "json", cwd=tmp_path, stdin=text
    )
    assert as_markdown.returncode == 1, as_markdown
    assert [(f["path"], f["line"]) for f in as_markdown.json()["findings"]] == [("draft.md", 5)]
    as_text = run_numcheck(
        "check", "-", "--stdin-filename", "draft.txt", "--format", "json", cwd=tmp_path, stdin=text
    )
    assert [(f["path"], f["line"]) for f in as_text.json()["findings"]] == [
        ("draft.txt", 2),
        ("draft.txt", 5),
    ]


def test_stdin_cannot_be_mixed_with_paths(run_numcheck, tmp_path: Path) -> None:
    write(tmp_path / "good.md", WRONG)
    run = run_numcheck("check", "-", "good.md", cwd=tmp_path, stdin=WRONG)
    assert run.returncode == 2, run
    one_line_error(run, "stdin")


@pytest.mark.parametrize(
    ("data", "word"),
    [(b"caf\xe9 up to 190 miles (360 km)\n", "not valid UTF-8"), (b"PK\x03\x04\x00\x00", "binary")],
)
@pytest.mark.parametrize(
    ("args", "shown"), [(("--stdin-filename", "draft.md"), "draft.md"), ((), "-")]
)
def test_unreadable_stdin_is_one_line(
    run_numcheck, tmp_path: Path, data: bytes, word: str, args, shown: str
) -> None:
    run = run_numcheck("check", "-", *args, cwd=tmp_path, stdin=data)
    assert run.returncode == 2, run
    line = one_line_error(run, word)
    assert line.startswith(f"numcheck: {shown}: "), run
    assert finding_lines(run) == [], run


def test_claims_skips_unreadable_files(run_numcheck, tmp_path: Path) -> None:
    for name, (data, _) in BAD_FILES.items():
        write(tmp_path / "articles" / name, data)
    write(tmp_path / "articles" / "good.md", WRONG)
    run = run_numcheck("claims", "articles", "--format", "json", cwd=tmp_path)
    assert run.returncode == 2, run
    assert len(run.stderr_lines) == len(BAD_FILES), run
    assert "Traceback" not in run.stderr, run
    claims = run.json()["claims"]
    assert [(c["path"], c["text"]) for c in claims] == [
        ("articles/good.md", "up to 190 miles"),
        ("articles/good.md", "360 km"),
    ]


# --------------------------------------------------------------------------------------
# --include and --exclude.

TREE = [
    "a.md",
    "b.txt",
    "c.rst",
    "d.markdown",
    "drafts/e.md",
    "drafts/old/f.txt",
    "notes/g.md",
    ".hidden/h.md",
]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), ["a.md", "b.txt", "d.markdown", "drafts/e.md", "drafts/old/f.txt", "notes/g.md"]),
        (("--include", "*.md"), ["a.md", "drafts/e.md", "notes/g.md"]),
        (("--include", "*.rst"), ["c.rst"]),
        (
            ("--include", "*.md", "--include", "*.rst"),
            ["a.md", "c.rst", "drafts/e.md", "notes/g.md"],
        ),
        (("--include", "drafts/**"), ["drafts/e.md", "drafts/old/f.txt"]),
        (("--exclude", "drafts"), ["a.md", "b.txt", "d.markdown", "notes/g.md"]),
        (("--exclude", "drafts/*"), ["a.md", "b.txt", "d.markdown", "notes/g.md"]),
        (("--exclude", "*.txt"), ["a.md", "d.markdown", "drafts/e.md", "notes/g.md"]),
        (
            ("--exclude", "old", "--exclude", "notes"),
            ["a.md", "b.txt", "d.markdown", "drafts/e.md"],
        ),
        (("--include", "*.md", "--exclude", "g.md"), ["a.md", "drafts/e.md"]),
        (("--include", "*.md", "--exclude", "*"), []),
    ],
)
def test_include_and_exclude(run_numcheck, tmp_path: Path, args, expected: list[str]) -> None:
    for name in TREE:
        write(tmp_path / "tree" / name, WRONG)
    run = run_numcheck("check", *args, "--format", "json", cwd=tmp_path / "tree")
    assert run.stderr == "", run
    payload = run.json()
    assert [f["path"] for f in payload["findings"]] == expected
    assert payload["summary"]["files"] == len(expected)
    assert run.returncode == (1 if expected else 0), run


def test_a_file_named_explicitly_is_read_whatever_its_suffix(run_numcheck, tmp_path: Path) -> None:
    write(tmp_path / "article.rst", WRONG)
    run = run_numcheck("check", "article.rst", cwd=tmp_path)
    assert run.returncode == 1, run
    assert finding_lines(run)[0].startswith(f"article.rst:1:{WRONG_COLUMN}: NC101 "), run


# --------------------------------------------------------------------------------------
# --fail-level and --select/--ignore.


@pytest.mark.parametrize(
    ("content", "fail_level", "status"),
    [
        (WRONG, "error", 1),
        (WRONG, "warning", 1),
        (WRONG, "note", 1),
        (WRONG, None, 1),
        (AMBIGUOUS, "error", 0),
        (AMBIGUOUS, "warning", 1),
        (AMBIGUOUS, "note", 1),
        (AMBIGUOUS, None, 1),
        (RIGHT, "error", 0),
        (RIGHT, "warning", 0),
        (RIGHT, "note", 0),
        (RIGHT, None, 0),
    ],
)
def test_fail_level(
    run_numcheck, tmp_path: Path, content: str, fail_level: str | None, status: int
) -> None:
    write(tmp_path / "article.md", content)
    options = ("--fail-level", fail_level) if fail_level else ()
    run = run_numcheck("check", "article.md", *options, cwd=tmp_path)
    assert run.returncode == status, run
    assert run.stderr == "", run


@pytest.mark.parametrize(
    ("fail_level", "status"), [("error", 0), ("warning", 0), ("note", 1), (None, 0)]
)
def test_fail_level_with_only_a_note(
    run_numcheck, seeds_dir: Path, fail_level: str | None, status: int
) -> None:
    # The seed articles give one note: "11,000" troops against "over 10,000" elsewhere.
    options = ("--fail-level", fail_level) if fail_level else ()
    run = run_numcheck("check", "seeds", *options, "--format", "json", cwd=seeds_dir.parent)
    assert run.returncode == status, run
    findings = run.json()["findings"]
    assert findings and {f["level"] for f in findings} == {"note"}, run


def test_an_ambiguous_unit_gives_a_warning(run_numcheck, tmp_path: Path) -> None:
    write(tmp_path / "article.md", AMBIGUOUS)
    run = run_numcheck("check", "article.md", "--format", "json", cwd=tmp_path)
    findings = run.json()["findings"]
    assert [(f["code"], f["level"], f["line"], f["column"]) for f in findings] == [
        ("NC101", "warning", 1, AMBIGUOUS_COLUMN)
    ]
    assert findings[0]["fix"]["applicability"] == "display-only"


@pytest.mark.parametrize(
    ("args", "codes", "status"),
    [
        ((), ["NC101", "NC102"], 1),
        (("--select", "NC101"), ["NC101"], 1),
        (("--select", "conversion-dimension"), ["NC102"], 1),
        (("--select", "NC1"), ["NC101", "NC102"], 1),
        (("--ignore", "NC101"), ["NC102"], 1),
        (("--ignore", "NC101,NC102"), [], 0),
        (("--select", "NC101", "--ignore", "NC101"), [], 0),
    ],
)
def test_select_and_ignore(run_numcheck, tmp_path: Path, args, codes: list[str], status) -> None:
    write(tmp_path / "article.md", WRONG + "\nAnd up to 190 miles (306 kg) elsewhere.\n")
    run = run_numcheck("check", "article.md", *args, "--format", "json", cwd=tmp_path)
    assert run.returncode == status, run
    assert [f["code"] for f in run.json()["findings"]] == codes


# --------------------------------------------------------------------------------------
# rules and explain.


def test_rules_lists_the_conversion_rules(run_numcheck) -> None:
    run = run_numcheck("rules")
    assert run.returncode == 0, run
    rows = {line.split()[0]: line.split()[1:3] for line in run.stdout_lines if line.strip()}
    assert rows["NC101"] == ["conversion-mismatch", "error"]
    assert rows["NC102"] == ["conversion-dimension", "error"]
    assert all(re.fullmatch(r"NC\d{3}", code) for code in rows)


def test_rules_json(run_numcheck) -> None:
    from numcheck.checks import all_checks

    run = run_numcheck("rules", "--format", "json")
    assert run.returncode == 0, run
    rows = json.loads(run.stdout)["rules"]
    by_code = {row["code"]: row for row in rows}
    assert by_code["NC101"]["name"] == "conversion-mismatch"
    assert by_code["NC102"]["name"] == "conversion-dimension"
    assert [row["code"] for row in rows] == [check.code for check in all_checks()]
    for check in all_checks():
        assert by_code[check.code]["summary"] == inspect.getdoc(check).splitlines()[0]
        assert by_code[check.code]["level"] == check.level


@pytest.mark.parametrize("rule", ["NC101", "nc101", "conversion-mismatch"])
def test_explain_prints_the_docstring(run_numcheck, rule: str) -> None:
    from numcheck.checks import DOC_SECTIONS
    from numcheck.checks.conversion import ConversionMismatch

    run = run_numcheck("explain", rule)
    assert run.returncode == 0, run
    assert run.stderr == "", run
    assert run.stdout_lines[0] == "NC101 conversion-mismatch (error)"
    assert inspect.getdoc(ConversionMismatch) in run.stdout
    for section in DOC_SECTIONS:
        assert f"## {section}" in run.stdout_lines
    assert "190 miles (360 km)" in run.stdout


def test_explain_every_rule_has_the_sections(run_numcheck) -> None:
    from numcheck.checks import DOC_SECTIONS
    from numcheck.checks import all_checks

    for check in all_checks():
        run = run_numcheck("explain", check.code)
        assert run.returncode == 0, run
        assert run.stdout_lines[0] == f"{check.code} {check.name} ({check.level})"
        headings = [line[3:] for line in run.stdout_lines if line.startswith("## ")]
        assert headings[: len(DOC_SECTIONS)] == list(DOC_SECTIONS), run


@pytest.mark.parametrize("rule", ["NC999", "no-such-rule"])
def test_explain_an_unknown_rule(run_numcheck, rule: str) -> None:
    run = run_numcheck("explain", rule)
    assert run.returncode == 2, run
    one_line_error(run, rule)
    assert run.stdout == "", run


def test_version(run_numcheck) -> None:
    from numcheck import __version__

    run = run_numcheck("--version")
    assert run.returncode == 0, run
    assert run.stdout.strip() == f"numcheck {__version__}"
