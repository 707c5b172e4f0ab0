"""Output grows with the findings, never with the claims a finding is compared with: a finding
lists at most ``MAX_RELATED`` other places and says how many more there are."""

from __future__ import annotations

from pathlib import Path

import pytest

from numcheck.findings import MAX_RELATED
from numcheck.findings import Finding
from numcheck.findings import Location
from numcheck.findings import Related
from numcheck.findings import bounded

ALTERNATING = (
    "Russia sent 11,000 North Korean troops.\n\nRussia sent 3,000 North Korean troops.\n\n" * 60
)


def _finding(related: int) -> Finding:
    where = Location("a.md", 1, 1, 1, 2, 0, 1)
    places = tuple(Related(where, f"says {n}") for n in range(related))
    return Finding(where, "NC201", "document-disagreement", "warning", "m", places)


@pytest.mark.parametrize(
    ("related", "kept", "message"),
    [
        (0, 0, "m"),
        (MAX_RELATED, MAX_RELATED, "m"),
        (MAX_RELATED + 1, MAX_RELATED, "m (1 more place)"),
        (MAX_RELATED + 40, MAX_RELATED, "m (40 more places)"),
    ],
)
def test_bounded(related: int, kept: int, message: str) -> None:
    finding = bounded(_finding(related))
    assert len(finding.related) == kept and finding.message == message
    assert [r.message for r in finding.related] == [f"says {n}" for n in range(kept)]


@pytest.mark.parametrize("output", ["json", "sarif", "rdjson", "text", "github"])
def test_every_format_lists_a_bounded_number_of_places(
    tmp_path: Path, run_numcheck, output: str
) -> None:
    (tmp_path / "a.md").write_text(ALTERNATING, encoding="utf-8")
    run = run_numcheck("check", "a.md", "--format", output, cwd=tmp_path)
    assert run.returncode == 1, str(run)
    if output == "json":
        findings = run.json()["findings"]
        assert max(len(f["related"]) for f in findings) <= MAX_RELATED
        cut = [f for f in findings if f["message"].endswith(" more places)")]
        assert cut and all(len(f["related"]) == MAX_RELATED for f in cut)
    elif output == "sarif":
        results = run.json()["runs"][0]["results"]
        assert max(len(r.get("relatedLocations", [])) for r in results) <= MAX_RELATED
    elif output == "rdjson":
        diagnostics = run.json()["diagnostics"]
        assert max(len(d.get("related_locations", [])) for d in diagnostics) <= MAX_RELATED
    else:
        assert run.stdout.count("\n") <= 120 * (MAX_RELATED + 1) + 1
    assert len(run.stdout) < 120 * 6000, "a finding takes more than 6 KB"
