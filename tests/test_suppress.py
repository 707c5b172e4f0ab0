"""Inline suppression: which lines each directive silences, in Markdown and in plain text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from numcheck.api import check_documents
from numcheck.reading.discover import read_text
from numcheck.reading.suppressions import directives

WRONG = "A range of up to 190 miles (360 km)."


def _lines(path: str, text: str) -> dict[int, bool]:
    """Each NC101 finding's line, mapped to whether it is suppressed."""
    result = check_documents([read_text(path, text)], select=["NC101"], show_suppressed=True)
    return {finding.location.line: finding.suppressed for finding in result.findings}


def _doc(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# (source, lines with a wrong conversion, lines whose finding is suppressed)
MARKDOWN_CASES = [
    pytest.param(
        _doc(
            WRONG,
            "",
            "<!-- numcheck: disable NC101 -->",
            "",
            WRONG,
            "",
            "<!-- numcheck: enable -->",
            "",
            WRONG,
        ),
        {1, 5, 9},
        {5},
        id="disable-enable-blocks",
    ),
    pytest.param(
        _doc(
            WRONG,
            "<!-- numcheck: disable NC101 -->",
            WRONG,
            "<!-- numcheck: enable NC101 -->",
            WRONG,
        ),
        {1, 3, 5},
        {3},
        id="disable-enable-inside-a-paragraph",
    ),
    pytest.param(
        _doc(WRONG + " <!-- numcheck: disable -->", WRONG),
        {1, 2},
        {2},
        id="disable-starts-after-the-comment",
    ),
    pytest.param(
        _doc(WRONG, "", "<!-- numcheck: disable-next-line NC101 -->", WRONG, WRONG),
        {1, 4, 5},
        {4},
        id="disable-next-line",
    ),
    pytest.param(
        _doc(WRONG, WRONG + " <!-- numcheck: disable-line -->", WRONG),
        {1, 2, 3},
        {2},
        id="disable-line",
    ),
    pytest.param(
        _doc(WRONG, "", "<!-- numcheck: disable-file NC101 -->", "", WRONG),
        {1, 5},
        {1, 5},
        id="disable-file",
    ),
    pytest.param(
        _doc(WRONG, "", "<!-- numcheck: disable-file NC102 -->", "", WRONG),
        {1, 5},
        set(),
        id="disable-file-other-rule",
    ),
    pytest.param(
        _doc("<!-- numcheck: disable conversion-mismatch -->", "", WRONG),
        {3},
        {3},
        id="by-name",
    ),
    pytest.param(
        _doc("<!-- numcheck: disable NC102, NC101 -->", "", WRONG),
        {3},
        {3},
        id="several-codes",
    ),
    pytest.param(
        _doc("<!-- numcheck: disable NC1 -->", "", WRONG),
        {3},
        {3},
        id="code-prefix",
    ),
    pytest.param(
        _doc("<!-- numcheck: disable NC2 -->", "", WRONG),
        {3},
        set(),
        id="other-prefix",
    ),
    pytest.param(
        _doc(
            "<!-- numcheck: disable -->",
            "",
            WRONG,
            "",
            "<!-- numcheck: enable NC101 -->",
            "",
            WRONG,
        ),
        {3, 7},
        {3},
        id="enable-one-rule-after-disable-all",
    ),
    pytest.param(
        _doc("<!--numcheck:DISABLE-NEXT-LINE nc101-->", WRONG),
        {2},
        {2},
        id="spacing-and-case",
    ),
    pytest.param(
        _doc("```", "<!-- numcheck: disable-file -->", "```", "", WRONG),
        {5},
        set(),
        id="not-in-a-code-block",
    ),
    pytest.param(
        _doc("Write `<!-- numcheck: disable-file -->` to silence a file.", "", WRONG),
        {3},
        set(),
        id="not-in-a-code-span",
    ),
    pytest.param(
        _doc("    <!-- numcheck: disable-file -->", "", WRONG),
        {3},
        set(),
        id="not-in-an-indented-code-block",
    ),
    pytest.param(
        _doc("numcheck: disable-file", "", WRONG),
        {3},
        set(),
        id="markdown-needs-a-comment",
    ),
    pytest.param(
        _doc(
            "<!-- numcheck: disable-next-block NC101 -->",
            "The brochure said",
            WRONG,
            WRONG,
            "",
            WRONG,
        ),
        {3, 4, 6},
        {3, 4},
        id="disable-next-block-wrapped-paragraph",
    ),
    pytest.param(
        _doc("<!-- numcheck: disable-next-block -->", "- " + WRONG, "- " + WRONG, "", WRONG),
        {2, 3, 5},
        {2, 3},
        id="disable-next-block-whole-list",
    ),
    pytest.param(
        _doc(WRONG + " <!-- numcheck: disable-next-block -->", "", WRONG, "", WRONG),
        {1, 3, 5},
        {3},
        id="disable-next-block-after-text",
    ),
    pytest.param(
        _doc("<!-- numcheck: disable-nextline NC101 -->", WRONG, "", WRONG),
        {2, 4},
        set(),
        id="typo-silences-nothing",
    ),
    pytest.param(
        _doc("<!-- numcheck: disabel NC101 -->", WRONG),
        {2},
        set(),
        id="misspelt-silences-nothing",
    ),
    pytest.param(
        _doc("<!-- numcheck: disable-next-line NC999, NC101 -->", WRONG),
        {2},
        {2},
        id="unknown-rule-beside-a-known-one",
    ),
    pytest.param(
        _doc("<!-- numcheck: disable NC1 -->", WRONG, "<!-- numcheck: enable NC101 -->", WRONG),
        {2, 4},
        {2},
        id="enable-one-rule-after-a-prefix",
    ),
]


@pytest.mark.parametrize(("source", "found", "suppressed"), MARKDOWN_CASES)
def test_markdown_directives(source: str, found: set[int], suppressed: set[int]) -> None:
    lines = _lines("article.md", source)
    assert set(lines) == found
    assert {line for line, hidden in lines.items() if hidden} == suppressed


PLAIN_CASES = [
    pytest.param(
        _doc(WRONG, "numcheck: disable NC101", WRONG, "numcheck: enable", WRONG),
        {1, 3, 5},
        {3},
        id="disable-enable",
    ),
    pytest.param(
        _doc("  numcheck: disable-next-line  ", WRONG, WRONG),
        {2, 3},
        {2},
        id="disable-next-line",
    ),
    pytest.param(
        _doc(WRONG, "numcheck: disable-file conversion-mismatch", WRONG),
        {1, 3},
        {1, 3},
        id="disable-file",
    ),
    pytest.param(
        _doc("<!-- numcheck: disable-file -->", WRONG),
        {2},
        {2},
        id="comment-form",
    ),
    pytest.param(
        _doc("<!-- numcheck: disable-line -->" + WRONG, WRONG),
        {1, 2},
        {1},
        id="comment-then-prose-on-its-line",
    ),
    pytest.param(
        _doc(WRONG, "<!-- numcheck: disable NC101 -->" + WRONG, WRONG),
        {1, 2, 3},
        {2, 3},
        id="disable-from-the-end-of-the-comment",
    ),
    pytest.param(
        _doc("Notes: numcheck: disable-file", WRONG),
        {2},
        set(),
        id="only-on-a-line-of-its-own",
    ),
    pytest.param(
        _doc("numcheck: disable NC101\r", WRONG + "\r"),
        {2},
        {2},
        id="crlf",
    ),
    pytest.param(
        _doc("numcheck: disable-next-block", WRONG, WRONG),
        {2, 3},
        {2},
        id="disable-next-block-is-the-line-when-not-wrapped",
    ),
    pytest.param(
        _doc(
            "numcheck: disable-next-block",
            "The brochure of the manufacturer said that the missile had a range of up",
            "to 190 miles (360 km), which was not quite what the army had said before",
            "the test.",
            "",
            "A range of up to 190 miles (360 km) was what the army said in the end.",
        ),
        {3, 6},
        {3},
        id="disable-next-block-is-the-wrapped-paragraph",
    ),
    pytest.param(
        _doc("numcheck: disable-nextline", WRONG),
        {2},
        set(),
        id="typo-silences-nothing",
    ),
]


@pytest.mark.parametrize(("source", "found", "suppressed"), PLAIN_CASES)
def test_plain_text_directives(source: str, found: set[int], suppressed: set[int]) -> None:
    lines = _lines("article.txt", source)
    assert set(lines) == found
    assert {line for line, hidden in lines.items() if hidden} == suppressed


def test_suppressed_findings_are_dropped_by_default() -> None:
    source = _doc(WRONG, "<!-- numcheck: disable-next-line -->", WRONG)
    result = check_documents([read_text("a.md", source)], select=["NC101"])
    assert [finding.location.line for finding in result.findings] == [1]


def test_directives_are_read_from_the_source() -> None:
    document = read_text("a.md", _doc("<!-- numcheck: disable NC101, NC102 -->", WRONG))
    assert "numcheck" not in document.prose
    (found,) = directives(document)
    assert (found.action, found.rules, found.line) == ("disable", frozenset({"nc101", "nc102"}), 1)


def _invalid(path: str, text: str, **options: object) -> list[tuple[int, str]]:
    result = check_documents([read_text(path, text)], **options)  # type: ignore[arg-type]
    return [(f.location.line, f.message) for f in result.findings if f.code == "NC001"]


# (path, source, the NC001 findings: line and message)
INVALID_CASES = [
    pytest.param(
        "a.md",
        _doc("<!-- numcheck: disable-nextline NC101 -->", WRONG),
        [
            (
                1,
                "'disable-nextline' is not a numcheck directive (did you mean "
                "'disable-next-line'?); the comment silences nothing",
            )
        ],
        id="typo",
    ),
    pytest.param(
        "a.md",
        _doc("<!-- numcheck: disabel NC101 -->", WRONG),
        [
            (
                1,
                "'disabel' is not a numcheck directive (did you mean 'disable'?); "
                "the comment silences nothing",
            )
        ],
        id="misspelt",
    ),
    pytest.param(
        "a.txt",
        _doc("numcheck: silence everything", WRONG),
        [(1, "'silence' is not a numcheck directive; the comment silences nothing")],
        id="unknown-word",
    ),
    pytest.param(
        "a.md",
        _doc("<!-- numcheck: -->", WRONG),
        [(1, "'(nothing)' is not a numcheck directive; the comment silences nothing")],
        id="empty",
    ),
    pytest.param(
        "a.md",
        _doc("<!-- numcheck: disable-next-line NC999, NC101 -->", WRONG),
        [(1, "'NC999' is not a numcheck rule (see `numcheck rules`); it silences nothing")],
        id="unknown-code",
    ),
    pytest.param(
        "a.md",
        _doc("<!-- numcheck: disable-next-line conversion-mismach -->", WRONG),
        [
            (
                1,
                "'conversion-mismach' is not a numcheck rule (see `numcheck rules`); "
                "it silences nothing",
            ),
        ],
        id="unknown-name",
    ),
    pytest.param(
        "a.md",
        _doc("<!-- numcheck: disable-next-line NC101, NC202 -->", WRONG),
        [(1, "unused suppression: 'disable-next-line NC101, NC202' silenced no NC202 finding")],
        id="one-rule-unused",
    ),
    pytest.param(
        "a.md",
        _doc("<!-- numcheck: disable-next-line NC101 -->", "", WRONG),
        [(1, "unused suppression: 'disable-next-line NC101' silenced no finding")],
        id="next-line-is-blank",
    ),
    pytest.param(
        "a.txt",
        _doc("numcheck: disable-file", "190 miles (306 km) is right."),
        [(1, "unused suppression: 'disable-file' silenced no finding")],
        id="nothing-to-silence",
    ),
    pytest.param(
        "a.md",
        _doc("<!-- numcheck: disable-next-line NC101 -->", WRONG, "<!-- numcheck: enable -->"),
        [],
        id="used-and-enable",
    ),
    pytest.param(
        "a.md",
        _doc("<!-- numcheck: disable-file NC001 -->", "<!-- numcheck: disabel -->", WRONG),
        [],
        id="nc001-silenced",
    ),
    pytest.param(
        "a.md",
        _doc("Write `<!-- numcheck: disabel -->` to see NC001.", "", WRONG),
        [],
        id="not-in-code",
    ),
]


@pytest.mark.parametrize(("path", "source", "expected"), INVALID_CASES)
def test_invalid_suppressions(path: str, source: str, expected: list[tuple[int, str]]) -> None:
    assert _invalid(path, source) == expected


def test_rules_that_did_not_run_are_not_reported_unused() -> None:
    source = _doc(
        "<!-- numcheck: disable-next-line NC202 -->",
        WRONG,
        "<!-- numcheck: disable-next-line -->",
        "Nothing here.",
    )
    everything = _invalid("a.md", source)
    assert [line for line, _ in everything] == [1, 3]
    assert _invalid("a.md", source, select=["NC001", "NC101"]) == []
    assert _invalid("a.md", source, ignore=["NC001"]) == []


def test_directives_in_corpus_files_are_not_reported() -> None:
    source = _doc("<!-- numcheck: disabel -->", WRONG)
    documents = [read_text("checked.md", WRONG + "\n"), read_text("corpus.md", source)]
    result = check_documents(documents, report_on={"checked.md"})
    assert [f.code for f in result.findings] == ["NC101"]


def test_show_suppressed_end_to_end(tmp_path: Path, run_numcheck: Callable[..., object]) -> None:
    article = tmp_path / "a.md"
    article.write_text(_doc(WRONG, "", "<!-- numcheck: disable-next-line -->", WRONG))
    quiet = run_numcheck("check", str(article), cwd=tmp_path)
    assert quiet.returncode == 1, quiet
    assert [line.split(":")[1] for line in quiet.stdout_lines if "NC101" in line] == ["1"]
    shown = run_numcheck("check", "a.md", "--show-suppressed", cwd=tmp_path)
    assert shown.returncode == 1, shown
    flagged = [line for line in shown.stdout_lines if "NC101" in line]
    assert len(flagged) == 2
    assert flagged[1].startswith("a.md:4:") and flagged[1].endswith("[suppressed]")
    assert "1 error" in shown.stdout and "1 suppressed" in shown.stdout
    data = run_numcheck(
        "check", "a.md", "--show-suppressed", "--format", "json", cwd=tmp_path
    ).json()
    assert [f.get("suppressed", False) for f in data["findings"]] == [False, True]
    assert data["summary"]["errors"] == 1 and data["summary"]["suppressed"] == 1


def test_only_suppressed_findings_exit_clean(tmp_path: Path, run_numcheck) -> None:
    article = tmp_path / "a.txt"
    article.write_text(_doc("numcheck: disable-file", WRONG))
    run = run_numcheck("check", "a.txt", "--show-suppressed", cwd=tmp_path)
    assert run.returncode == 0, run
    assert "[suppressed]" in run.stdout


def test_a_mistyped_directive_end_to_end(tmp_path: Path, run_numcheck) -> None:
    article = tmp_path / "a.md"
    article.write_text(_doc("<!-- numcheck: disable-nextline NC101 -->", WRONG, "", WRONG))
    run = run_numcheck("check", "a.md", cwd=tmp_path)
    assert run.returncode == 1, run
    lines = [line for line in run.stdout_lines if not line.startswith(" ")]
    assert lines[0] == (
        "a.md:1:1: NC001 [warning] 'disable-nextline' is not a numcheck directive "
        "(did you mean 'disable-next-line'?); the comment silences nothing"
    )
    assert [line.split(":")[1] for line in lines if "NC101" in line] == ["2", "4"]
    assert lines[-1] == (
        "1 file checked, 4 claims: 2 errors, 1 warning, 0 notes, 2 fixable with --fix"
    )
    selected = run_numcheck("check", "a.md", "--select", "NC101", cwd=tmp_path)
    assert "NC001" not in selected.stdout
    payload = run_numcheck("check", "a.md", "--format", "json", cwd=tmp_path).json()
    (invalid,) = [f for f in payload["findings"] if f["code"] == "NC001"]
    assert (invalid["name"], invalid["level"], invalid["fix"]) == (
        "invalid-suppression",
        "warning",
        None,
    )
    assert (invalid["line"], invalid["column"], invalid["end_line"], invalid["end_column"]) == (
        1,
        1,
        1,
        len("<!-- numcheck: disable-nextline NC101 -->") + 1,
    )
    article.write_text("<!-- numcheck: disable-file NC001 -->\n" + article.read_text())
    quiet = run_numcheck("check", "a.md", "--format", "json", cwd=tmp_path).json()
    assert [f["code"] for f in quiet["findings"]] == ["NC101", "NC101"]
