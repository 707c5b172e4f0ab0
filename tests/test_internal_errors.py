"""One bad document never ends the run: an unexpected exception (a bug, injected here with
monkeypatch) is reported as one line on stderr and an NC000 finding, the other documents are
still checked, and the exit status is 2."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import numcheck.extraction.extract as extract_module
from numcheck.api import check_documents
from numcheck.checks.agreement import DocumentDisagreement
from numcheck.checks.conversion import ConversionMismatch
from numcheck.cli import main
from numcheck.reading.documents import plain_text_document

BAD = "One.\n\nThe range is 190 miles (360 km).\n\nA BOOM of 5 km here.\n"
GOOD = "It flew 190 miles (360 km).\n"
LINE = re.compile(
    r"numcheck: internal error in (?P<path>\S+) near line (?P<line>\d+): "
    r"ValueError: injected failure; please report"
)


@pytest.fixture
def failing_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction raises on the claim right after the word BOOM."""
    original = extract_module._claim

    def claim(document, match):
        if "BOOM" in document.prose[max(0, match.start - 8) : match.start]:
            raise ValueError("injected\nfailure")
        return original(document, match)

    monkeypatch.setattr(extract_module, "_claim", claim)


def _two_documents():
    return [plain_text_document("a.txt", BAD), plain_text_document("b.txt", GOOD)]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def test_the_other_documents_keep_their_findings(failing_extraction: None) -> None:
    result = check_documents(_two_documents())
    assert [(f.path, f.code, f.location.line) for f in result.findings] == [
        ("a.txt", "NC000", 5),
        ("b.txt", "NC101", 1),
    ]
    (error,) = result.errors
    assert error.message() == (
        "internal error in a.txt near line 5: ValueError: injected failure; please report"
    )
    assert [claim.path for claim in result.claims] == ["b.txt", "b.txt"]


def test_command_line_exits_2_with_one_line(
    failing_extraction: None, folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.chdir(folder)
    assert main(["check", ".", "--format", "json"]) == 2
    captured = capsys.readouterr()
    (line,) = captured.err.splitlines()
    assert LINE.fullmatch(line).group("path", "line") == ("a.txt", "5"), line
    findings = json.loads(captured.out)["findings"]
    assert [(f["path"], f["code"], f["line"]) for f in findings] == [
        ("a.txt", "NC000", 5),
        ("b.txt", "NC101", 1),
    ]
    assert findings[0]["name"] == "internal-error" and findings[0]["level"] == "error"


def test_sarif_says_the_run_was_not_successful(
    failing_extraction: None, folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.chdir(folder)
    assert main(["check", ".", "--format", "sarif"]) == 2
    run = json.loads(capsys.readouterr().out)["runs"][0]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert LINE.fullmatch("numcheck: " + note["message"]["text"])
    assert [r["ruleId"] for r in run["results"]] == ["NC000", "NC101"]
    assert run["tool"]["driver"]["rules"][0]["id"] == "NC000"


def test_neither_ignore_nor_comments_hide_it(
    failing_extraction: None, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    (tmp_path / "a.md").write_text("<!-- numcheck: disable-file -->\n\n" + BAD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "a.md", "--ignore", "NC000,NC1", "--format", "json"]) == 2
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["code"], f["line"]) for f in findings] == [("NC000", 7)]


def test_a_failing_check_leaves_the_other_documents(monkeypatch) -> None:
    original = ConversionMismatch.check_document

    def check_document(self, document, claims):
        if document.path == "a.txt":
            raise KeyError("injected")
        return original(self, document, claims)

    monkeypatch.setattr(ConversionMismatch, "check_document", check_document)
    result = check_documents(_two_documents())
    assert [(f.path, f.code) for f in result.findings] == [("a.txt", "NC000"), ("b.txt", "NC101")]
    assert result.errors[0].message() == (
        "internal error in a.txt (rule NC101): KeyError: 'injected'; please report"
    )


def test_a_failing_check_over_the_corpus_names_the_rule(monkeypatch) -> None:
    def run(self, corpus):
        raise RuntimeError("injected")

    monkeypatch.setattr(DocumentDisagreement, "run", run)
    result = check_documents(_two_documents())
    assert [(f.path, f.code) for f in result.findings] == [
        ("a.txt", "NC000"),
        ("a.txt", "NC101"),
        ("b.txt", "NC101"),
    ]
    assert result.errors[0].message() == (
        "internal error in rule NC201: RuntimeError: injected; please report"
    )


def test_a_failing_reader_is_an_internal_error(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    import numcheck.reading.discover as discover

    original = discover.plain_text_document

    def reader(path: str, source: str):
        if "BOOM" in source:
            raise RecursionError("injected")
        return original(path, source)

    monkeypatch.setattr(discover, "plain_text_document", reader)
    monkeypatch.chdir(folder)
    assert main(["check", "."]) == 2
    captured = capsys.readouterr()
    assert captured.err == (
        "numcheck: internal error in a.txt: RecursionError: injected; please report\n"
    )
    lines = captured.out.splitlines()
    assert lines[0] == (
        "a.txt:1:1: NC000 [error] numcheck failed here (RecursionError: injected); please report"
    )
    assert lines[1].startswith("b.txt:1:20: NC101 [error]")


def test_claims_and_stories_report_it_too(
    failing_extraction: None, folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.chdir(folder)
    assert main(["claims", ".", "--format", "json"]) == 2
    captured = capsys.readouterr()
    assert [c["path"] for c in json.loads(captured.out)["claims"]] == ["b.txt", "b.txt"]
    assert LINE.fullmatch(captured.err.strip())
    assert main(["stories", "."]) == 2
    assert LINE.fullmatch(capsys.readouterr().err.strip())


def test_the_language_server_reports_it_on_the_buffer(failing_extraction: None, tmp_path) -> None:
    from numcheck.lsp.workspace import Buffer
    from numcheck.lsp.workspace import Workspace

    workspace = Workspace(str(tmp_path), scan=False)
    bad = Buffer("file:///a", str(tmp_path / "a.txt"), 1, BAD)
    good = Buffer("file:///b", str(tmp_path / "b.txt"), 1, GOOD)
    outcome = workspace.run([bad, good])
    assert [(f.code, f.location.line) for f in outcome.findings[bad.path]] == [("NC000", 5)]
    assert [f.code for f in outcome.findings[good.path]] == ["NC101"]
    assert [error.message() for error in outcome.errors] == [
        "internal error in a.txt near line 5: ValueError: injected failure; please report"
    ]


def test_a_failure_outside_any_document_is_one_line(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    """A bug in the run itself (here, in writing the report) ends it with one line, exit 2,
    never a traceback."""
    import numcheck.report as report

    def broken(*args, **kwargs):
        raise KeyError("injected")

    monkeypatch.setattr(report, "render_findings", broken)
    monkeypatch.chdir(folder)
    assert main(["check", "."]) == 2
    captured = capsys.readouterr()
    assert (
        captured.err == "numcheck: internal error in the run: KeyError: 'injected'; please report\n"
    )


@pytest.mark.parametrize("failing", ["document", "corpus"])
def test_a_failing_check_in_worker_processes_is_reported_as_in_one(monkeypatch, failing) -> None:
    """Stories checked in worker processes: the same findings and errors, in the same order,
    as in one process (a check over the corpus fails once for each part of it, said once)."""
    if failing == "document":
        original = ConversionMismatch.check_document

        def check_document(self, document, claims):
            if document.path in ("a.txt", "c.txt"):
                raise KeyError("injected")
            return original(self, document, claims)

        monkeypatch.setattr(ConversionMismatch, "check_document", check_document)
    else:

        def run(self, corpus):
            raise RuntimeError("injected")

        monkeypatch.setattr(DocumentDisagreement, "run", run)
    documents = [
        plain_text_document(name, text)
        for name, text in (("a.txt", BAD), ("b.txt", GOOD), ("c.txt", GOOD), ("d.txt", BAD))
    ]
    one = check_documents(documents, jobs=1)
    many = check_documents(documents, jobs=2)
    assert [error.message() for error in many.errors] == [e.message() for e in one.errors]
    assert [f.to_dict() for f in many.findings] == [f.to_dict() for f in one.findings]
    assert len(one.errors) == (2 if failing == "document" else 1)
