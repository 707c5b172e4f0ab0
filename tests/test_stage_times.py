"""tools/stage_times.py: every stage of a check run is timed on the corpus it is given, and
the claims it counts are those a run extracts."""

from __future__ import annotations

from pathlib import Path

from numcheck.api import extract_claims
from testing.tools import load_tool

ROOT = Path(__file__).resolve().parent.parent
SEEDS = str(ROOT / "seeds")


STAGE_TIMES = load_tool("stage_times")


def test_every_stage_is_timed_on_the_seeds() -> None:
    times = STAGE_TIMES.stage_times(SEEDS, repeat=2)
    assert all(times[stage] >= 0 for stage in STAGE_TIMES.STAGES)
    assert times["files"] == 5
    assert times["claims"] == len(extract_claims([SEEDS]).claims)
    seeds_bytes = sum(len(p.read_text(encoding="utf-8").encode()) for p in Path(SEEDS).iterdir())
    assert abs(times["MB"] - seeds_bytes / 1e6) < 1e-9


def test_the_table_has_a_row_for_each_corpus(capsys) -> None:
    assert STAGE_TIMES.main([SEEDS, SEEDS]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("| corpus | MB | files | claims | read (s/MB) | extract (s/MB)")
    rows = [line for line in lines[2:] if line.startswith(f"| {SEEDS} |")]
    assert len(rows) == 2
    assert all(len(row.strip("|").split("|")) == 10 for row in rows)
