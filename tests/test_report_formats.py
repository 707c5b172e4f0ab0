"""SARIF, GitHub annotations and rdjson, from the installed command on a mutated seed article.

The seed ``000_*.txt`` says "up to 190 miles (306 km)"; the copy says "360 km", which gives
one NC101 finding whose fix is "306 km".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from numcheck.api import Result
from numcheck.findings import Finding
from numcheck.findings import Location
from numcheck.report import FORMATS
from numcheck.report import formatter
from numcheck.report.github import escape_data
from numcheck.report.github import escape_property

SCHEMAS = Path(__file__).resolve().parent / "schemas"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def mutated(tmp_path: Path) -> Path:
    """``tmp_path/article.txt``: seed 000 with "306 km" changed to "360 km"."""
    (seed,) = SEEDS.glob("000_*.txt")
    text = seed.read_text(encoding="utf-8")
    assert text.count("306 km") == 1
    article = tmp_path / "article.txt"
    article.write_text(text.replace("306 km", "360 km"), encoding="utf-8")
    return article


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def _span(text: str, needle: str) -> tuple[int, int, int]:
    """(line, column, end column) of the one ``needle`` in ``text``, in code points."""
    assert text.count(needle) == 1
    offset = text.index(needle)
    line_start = text.rfind("\n", 0, offset) + 1
    line = text.count("\n", 0, offset) + 1
    column = offset - line_start + 1
    return line, column, column + len(needle)


def test_formats_are_registered() -> None:
    assert {"text", "json", "sarif", "github", "rdjson"} <= set(FORMATS)
    for name in FORMATS:
        assert callable(formatter(name).render_findings)


# ---- SARIF ------------------------------------------------------------------------------------


def test_sarif_validates_and_carries_the_fix(
    mutated: Path, run_numcheck: Callable, sarif_validator: Any
) -> None:
    run = run_numcheck("check", "article.txt", "--format", "sarif", cwd=mutated.parent)
    assert run.returncode == 1, run
    log = run.json()
    sarif_validator.validate(log)
    assert log["version"] == "2.1.0"
    (sarif_run,) = log["runs"]
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    driver = sarif_run["tool"]["driver"]
    assert driver["name"] == "numcheck"
    rules = {rule["id"]: rule for rule in driver["rules"]}
    nc101 = rules["NC101"]
    assert nc101["name"] == "conversion-mismatch"
    assert nc101["shortDescription"]["text"] == "The written conversion is wrong beyond rounding."
    assert nc101["fullDescription"]["text"].startswith("Finds a quantity followed by")
    assert "## Why is this bad?" in nc101["help"]["markdown"]
    assert nc101["defaultConfiguration"] == {"level": "error"}

    text = mutated.read_text(encoding="utf-8")
    line, column, end = _span(text, "360 km")
    (result,) = sarif_run["results"]
    assert result["ruleId"] == "NC101" and result["level"] == "error"
    assert driver["rules"][result["ruleIndex"]]["id"] == "NC101"
    assert "write '306 km'" in result["message"]["text"]
    region = {"startLine": line, "startColumn": column, "endLine": line, "endColumn": end}
    (location,) = result["locations"]
    assert location["physicalLocation"]["artifactLocation"] == {
        "uri": "article.txt",
        "uriBaseId": "%SRCROOT%",
    }
    assert location["physicalLocation"]["region"] == region
    (related,) = result["relatedLocations"]
    source_line, source_column, source_end = _span(text, "up to 190 miles")
    assert related["physicalLocation"]["region"] == {
        "startLine": source_line,
        "startColumn": source_column,
        "endLine": source_line,
        "endColumn": source_end,
    }
    assert related["message"]["text"] == "the source figure: up to 190 miles"
    (fix,) = result["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "article.txt"
    (replacement,) = change["replacements"]
    assert replacement == {"deletedRegion": region, "insertedContent": {"text": "306 km"}}
    assert fix["description"]["text"] == "Replace with 306 km"


def test_sarif_fingerprint_survives_moved_lines(mutated: Path, run_numcheck: Callable) -> None:
    def fingerprint() -> dict[str, str]:
        run = run_numcheck("check", "article.txt", "--format", "sarif", cwd=mutated.parent)
        (result,) = run.json()["runs"][0]["results"]
        return result["partialFingerprints"]

    before = fingerprint()
    assert list(before) == ["numcheckClaimHash/v1"] and len(before["numcheckClaimHash/v1"]) == 32
    mutated.write_text("A new first paragraph.\n\n" + mutated.read_text(encoding="utf-8"))
    assert fingerprint() == before


def test_sarif_absolute_paths_suppressions_and_clean_runs(
    mutated: Path, run_numcheck: Callable, sarif_validator: Any
) -> None:
    mutated.write_text(
        mutated.read_text(encoding="utf-8") + "\nnumcheck: disable-file\n", encoding="utf-8"
    )
    run = run_numcheck("check", str(mutated), "--format", "sarif", "--show-suppressed")
    assert run.returncode == 0, run
    log = run.json()
    sarif_validator.validate(log)
    (result,) = log["runs"][0]["results"]
    assert result["suppressions"] == [{"kind": "inSource"}]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == mutated.as_uri()
    quiet = run_numcheck("check", str(mutated), "--format", "sarif").json()
    sarif_validator.validate(quiet)
    assert quiet["runs"][0]["results"] == []


def test_sarif_reports_skipped_files(tmp_path: Path, run_numcheck: Callable, sarif_validator: Any):
    (tmp_path / "binary.txt").write_bytes(b"\0\1\2")
    run = run_numcheck("check", "binary.txt", "--format", "sarif", cwd=tmp_path)
    assert run.returncode == 2
    log = run.json()
    sarif_validator.validate(log)
    (notice,) = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert "binary.txt: binary file" in notice["message"]["text"]


# ---- GitHub workflow commands ------------------------------------------------------------------


def test_github_annotation(mutated: Path, run_numcheck: Callable) -> None:
    run = run_numcheck("check", "article.txt", "--format", "github", cwd=mutated.parent)
    assert run.returncode == 1, run
    line, column, end = _span(mutated.read_text(encoding="utf-8"), "360 km")
    source_line, source_column, _ = _span(mutated.read_text(encoding="utf-8"), "up to 190 miles")
    assert run.stdout_lines == [
        f"::error file=article.txt,line={line},col={column},endLine={line},endColumn={end},"
        "title=NC101::'360 km' does not match '190 miles', which is 305.8 km; write '306 km' "
        f"(conversion-mismatch)%0Aarticle.txt:{source_line}:{source_column}: "
        "the source figure: up to 190 miles"
    ]


def test_github_escapes_file_names(tmp_path: Path, mutated: Path, run_numcheck: Callable) -> None:
    odd = tmp_path / "a,b:c%.txt"
    mutated.rename(odd)
    run = run_numcheck("check", odd.name, "--format", "github", cwd=tmp_path)
    (annotation,) = run.stdout_lines
    assert annotation.startswith("::error file=a%2Cb%3Ac%25.txt,line=2,")
    assert "%0Aa,b:c%25.txt:2:164: the source figure" in annotation


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("plain", "plain", "plain"),
        ("100%", "100%25", "100%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
        ("%0A", "%250A", "%250A"),
    ],
)
def test_github_escaping(text: str, data: str, prop: str) -> None:
    assert escape_data(text) == data
    assert escape_property(text) == prop


def _finding(level: str, suppressed: bool = False) -> Finding:
    location = Location("a.md", 1, 1, 1, 4, 0, 3)
    return Finding(location, "NC203", "story-variance", level, "m", suppressed=suppressed)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("level", "command"), [("error", "::error "), ("warning", "::warning "), ("note", "::notice ")]
)
def test_github_levels(level: str, command: str) -> None:
    result = Result(findings=[_finding(level), _finding(level, suppressed=True)])
    (line,) = formatter("github").render_findings(result).splitlines()
    assert line.startswith(command)


# ---- rdjson -----------------------------------------------------------------------------------


def test_rdjson(mutated: Path, run_numcheck: Callable) -> None:
    run = run_numcheck("check", "article.txt", "--format", "rdjson", cwd=mutated.parent)
    assert run.returncode == 1, run
    payload = run.json()
    assert payload["source"]["name"] == "numcheck"
    (diagnostic,) = payload["diagnostics"]
    text = mutated.read_text(encoding="utf-8")
    line, column, end = _span(text, "360 km")
    place = {"start": {"line": line, "column": column}, "end": {"line": line, "column": end}}
    assert diagnostic["location"] == {"path": "article.txt", "range": place}
    assert diagnostic["severity"] == "ERROR"
    assert diagnostic["code"]["value"] == "NC101"
    assert diagnostic["message"].startswith("'360 km' does not match '190 miles'")
    assert diagnostic["suggestions"] == [{"range": place, "text": "306 km"}]
    (related,) = diagnostic["related_locations"]
    assert related["message"] == "the source figure: up to 190 miles"
    assert related["location"]["path"] == "article.txt"
    assert diagnostic["original_output"].startswith(f"article.txt:{line}:{column}: NC101 [error]")


def test_rdjson_columns_are_utf8_bytes(tmp_path: Path, run_numcheck: Callable) -> None:
    (tmp_path / "a.txt").write_text("Київ 🚀: up to 190 miles (360 km).\n", encoding="utf-8")
    run = run_numcheck("check", "a.txt", "--format", "rdjson", cwd=tmp_path)
    (diagnostic,) = run.json()["diagnostics"]
    prefix = "Київ 🚀: up to 190 miles ("
    start = len(prefix.encode("utf-8")) + 1
    assert diagnostic["location"]["range"] == {
        "start": {"line": 1, "column": start},
        "end": {"line": 1, "column": start + len("360 km")},
    }
    code_points = run_numcheck("check", "a.txt", "--format", "json", cwd=tmp_path).json()
    assert code_points["findings"][0]["column"] == len(prefix) + 1


def test_rdjson_levels_and_suppressed() -> None:
    result = Result(findings=[_finding("note"), _finding("warning", suppressed=True)])
    payload = json.loads(formatter("rdjson").render_findings(result))
    assert [d["severity"] for d in payload["diagnostics"]] == ["INFO"]


def test_claims_and_stories_offer_only_the_formats_that_list_them(
    mutated: Path, run_numcheck: Callable
) -> None:
    for command, offered in (("claims", "{text,json}"), ("stories", "{text,json,markdown}")):
        usage = run_numcheck(command, "--help", cwd=mutated.parent)
        assert f"--format {offered}" in usage.stdout, usage
        for name in ("sarif", "github", "rdjson", "gitlab", "junit", "concise"):
            run = run_numcheck(command, "article.txt", "--format", name, cwd=mutated.parent)
            assert run.returncode == 2, run
            last = run.stderr_lines[-1]
            assert f"argument --format: invalid choice: '{name}'" in last, run
            assert all(choice in last for choice in offered.strip("{}").split(","))
            assert "Traceback" not in run.stderr
