"""End-to-end runs of the installed ``numcheck`` command on the seed articles and on files.

Every expected position is computed from the text of the file that was checked, so a
finding must point at the exact characters that were changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

FINDING_KEYS = {
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "code",
    "name",
    "level",
    "message",
    "related",
    "fix",
}
SUMMARY_KEYS = {"files", "claims", "errors", "warnings", "notes"}
CLAIM_KEYS = {
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "text",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "dimension",
    "subject",
}
SEED_NAMES = {
    "000": "000_28260951cb8ab5bc.txt",
    "001": "001_f500410c32253f8e.txt",
    "002": "002_ab0e237715eec68c.txt",
    "003": "003_41769ed4a04bff94.txt",
    "004": "004_dc5528db860779ee.txt",
}
SUMMARY_LINE = re.compile(
    r"^(?P<files>\d+) files? checked, (?P<claims>\d+) claims?: "
    r"(?P<errors>\d+) errors?, (?P<warnings>\d+) warnings?, (?P<notes>\d+) notes?$"
)
FINDING_LINE = re.compile(
    r"^(?P<path>[^:\s][^:]*):(?P<line>\d+):(?P<column>\d+): "
    r"(?P<code>NC\d{3}) \[(?P<level>error|warning|note)\] (?P<message>.+)$"
)


def blocking(findings: list[dict]) -> list[dict]:
    """The findings at warning level or above (notes are allowed on the seeds)."""
    return [f for f in findings if f["level"] in ("error", "warning")]


# --------------------------------------------------------------------------------------
# 1. The seed articles are clean.


def test_seeds_are_clean_in_text_format(run_numcheck, seeds_dir: Path) -> None:
    run = run_numcheck("check", "seeds/", cwd=seeds_dir.parent)
    assert run.returncode == 0, run
    assert run.stderr == "", run
    *body, last = run.stdout_lines
    summary = SUMMARY_LINE.match(last)
    assert summary, run
    assert summary["files"] == "5"
    assert summary["errors"] == "0" and summary["warnings"] == "0", run
    assert int(summary["claims"]) > 0
    findings = [FINDING_LINE.match(line) for line in body if not line.startswith(" ")]
    assert all(findings), run
    assert all(f["level"] == "note" for f in findings), run
    assert all(f["path"].startswith("seeds/") for f in findings), run
    assert len(findings) == int(summary["notes"]), run


def test_seeds_are_clean_in_json_format(run_numcheck, seeds_dir: Path) -> None:
    run = run_numcheck("check", "seeds/", "--format", "json", cwd=seeds_dir.parent)
    assert run.returncode == 0, run
    assert run.stderr == "", run
    payload = run.json()
    assert payload["tool"]["name"] == "numcheck"
    assert isinstance(payload["tool"]["version"], str) and payload["tool"]["version"]
    assert blocking(payload["findings"]) == []
    summary = payload["summary"]
    assert SUMMARY_KEYS <= set(summary)
    assert summary["files"] == 5
    assert summary["errors"] == 0 and summary["warnings"] == 0
    assert summary["notes"] == len(payload["findings"])
    assert summary["claims"] > 0


# --------------------------------------------------------------------------------------
# 2. Mutated seed articles: one finding at the changed characters, or none.


@dataclass(frozen=True)
class Mutation:
    seed: str
    before: str  # the original text, unique in the article
    after: str  # what replaces it
    target: str  # the characters the finding must span (inside ``after``)
    source: str  # the source figure the finding relates to
    code: str | None  # None: the mutation is a right conversion, no finding
    replacement: str | None = None  # the expected fix


MUTATIONS = [
    # A wrong conversion: "360 km" for 190 miles (305.8 km).
    Mutation("000", "(306 km)", "(360 km)", "360 km", "up to 190 miles", "NC101", "306 km"),
    Mutation("001", "(306 km)", "(360 km)", "360 km", "up to 190 miles", "NC101", "306 km"),
    Mutation("003", "(306 km)", "(360 km)", "360 km", "as much as 190 miles", "NC101", "306 km"),
    Mutation(
        "004",
        "(306 kilometers)",
        "(360 kilometers)",
        "360 kilometers",
        "up to 190 miles",
        "NC101",
        "306 kilometers",
    ),  # fmt: skip
    Mutation(
        "002",
        "about 190 miles.",
        "about 190 miles (360 km).",
        "360 km",
        "about 190 miles",
        "NC101",
        "306 km",
    ),  # fmt: skip
    # Not a conversion at all: a length restated as a mass.
    Mutation("000", "(306 km)", "(306 kg)", "306 kg", "up to 190 miles", "NC102"),
    Mutation("001", "(306 km)", "(306 kg)", "306 kg", "up to 190 miles", "NC102"),
    Mutation("003", "(306 km)", "(306 kg)", "306 kg", "as much as 190 miles", "NC102"),
    Mutation(
        "004", "(306 kilometers)", "(306 kilograms)", "306 kilograms", "up to 190 miles", "NC102"
    ),
    Mutation(
        "002",
        "about 190 miles.",
        "about 190 miles (306 kg).",
        "306 kg",
        "about 190 miles",
        "NC102",
    ),  # fmt: skip
    # A right rounding of 305.8 km: nothing to report.
    Mutation("000", "(306 km)", "(310 km)", "310 km", "up to 190 miles", None),
    Mutation("001", "(306 km)", "(310 km)", "310 km", "up to 190 miles", None),
    Mutation("003", "(306 km)", "(310 km)", "310 km", "as much as 190 miles", None),
    Mutation(
        "004", "(306 kilometers)", "(310 kilometers)", "310 kilometers", "up to 190 miles", None
    ),
    Mutation(
        "002", "about 190 miles.", "about 190 miles (310 km).", "310 km", "about 190 miles", None
    ),
    Mutation(
        "002", "about 190 miles.", "about 190 miles (300 km).", "300 km", "about 190 miles", None
    ),
]


def mutation_id(mutation: Mutation) -> str:
    return f"{mutation.seed}:{mutation.after}->{mutation.code or 'clean'}"


def apply_mutation(seeds: Path, mutation: Mutation) -> tuple[str, str]:
    """Change one seed article in the copy; return its reported path and its new text."""
    path = seeds / SEED_NAMES[mutation.seed]
    text = path.read_text(encoding="utf-8")
    assert text.count(mutation.before) == 1, f"{mutation.before!r} not once in {path.name}"
    mutated = text.replace(mutation.before, mutation.after)
    path.write_bytes(mutated.encode("utf-8"))
    return f"seeds/{path.name}", mutated


def expected_spans(mutated: str, mutation: Mutation, where) -> tuple[dict, dict]:
    """The finding's span (the target, inside the changed text) and the source figure's span
    (the last occurrence of the source text before the target)."""
    assert mutated.count(mutation.after) == 1
    offset = mutated.index(mutation.after) + mutation.after.index(mutation.target)
    target = where.span_at(mutated, offset, len(mutation.target))
    source_offset = mutated.rindex(mutation.source, 0, offset)
    return target, where.span_at(mutated, source_offset, len(mutation.source))


@pytest.mark.parametrize("mutation", MUTATIONS, ids=mutation_id)
def test_mutated_seed_json(run_numcheck, seeds_copy: Path, where, mutation: Mutation) -> None:
    path, mutated = apply_mutation(seeds_copy, mutation)
    run = run_numcheck("check", "seeds", "--format", "json", cwd=seeds_copy.parent)
    payload = run.json()
    assert run.stderr == "", run
    findings = blocking(payload["findings"])
    summary = payload["summary"]
    assert summary["files"] == 5
    if mutation.code is None:
        assert findings == [], run
        assert run.returncode == 0, run
        assert summary["errors"] == 0 and summary["warnings"] == 0
        return
    assert run.returncode == 1, run
    assert len(findings) == 1, run
    finding = findings[0]
    assert set(finding) == FINDING_KEYS
    target, source = expected_spans(mutated, mutation, where)
    assert finding["path"] == path
    assert {key: finding[key] for key in target} == target
    assert finding["code"] == mutation.code
    assert (
        finding["name"]
        == {"NC101": "conversion-mismatch", "NC102": "conversion-dimension"}[mutation.code]
    )
    assert finding["level"] == "error"
    assert f"'{mutation.target}'" in finding["message"]
    assert summary["errors"] == 1 and summary["warnings"] == 0
    assert summary["claims"] > 0
    assert len(finding["related"]) == 1
    related = finding["related"][0]
    assert related["path"] == path
    assert {key: related[key] for key in source} == source
    assert isinstance(related["message"], str) and mutation.source in related["message"]
    if mutation.replacement is None:
        assert finding["fix"] is None
    else:
        assert finding["fix"]["replacement"] == mutation.replacement
        assert finding["fix"]["applicability"] == "safe"
        assert mutation.replacement in finding["message"]


@pytest.mark.parametrize("mutation", MUTATIONS, ids=mutation_id)
def test_mutated_seed_text(run_numcheck, seeds_copy: Path, where, mutation: Mutation) -> None:
    path, mutated = apply_mutation(seeds_copy, mutation)
    run = run_numcheck("check", "seeds", "--format", "text", cwd=seeds_copy.parent)
    assert run.stderr == "", run
    *body, last = run.stdout_lines
    summary = SUMMARY_LINE.match(last)
    assert summary, run
    assert summary["files"] == "5"
    findings = [FINDING_LINE.match(line) for line in body if not line.startswith(" ")]
    assert all(findings), run
    findings = [f for f in findings if f["level"] != "note"]
    if mutation.code is None:
        assert findings == [], run
        assert run.returncode == 0, run
        assert (summary["errors"], summary["warnings"]) == ("0", "0")
        return
    assert run.returncode == 1, run
    assert len(findings) == 1, run
    target, source = expected_spans(mutated, mutation, where)
    line = findings[0]
    assert line.group(0).startswith(
        f"{path}:{target['line']}:{target['column']}: {mutation.code} [error] "
    ), run
    assert f"'{mutation.target}'" in line["message"]
    if mutation.replacement is not None:
        assert mutation.replacement in line["message"]
    assert (summary["errors"], summary["warnings"]) == ("1", "0")
    # The source figure follows on an indented line, with its own position.
    index = body.index(line.group(0))
    assert body[index + 1] == (
        f"    {path}:{source['line']}:{source['column']}: the source figure: {mutation.source}"
    ), run
