"""The order of the paths on the command line changes nothing in the report."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

STORY = "---\nstory: troops\n---\n\n"
FILES = {
    "x-one.md": STORY + "Russia sent 11,000 North Korean troops to Kursk.\n",
    "a-two.md": STORY + "Russia sent 3,000 North Korean troops to Kursk.\n",
    "m-three.md": STORY + "Russia sent about 10,000 North Korean troops to Kursk.\n",
    "conversions.txt": "It flew 190 miles (360 km).\n\nThe lake covers 250 km² (120 sq mi).\n",
    "inside.txt": (
        "Officials said 11,000 North Korean troops were sent.\n\n"
        "Later, 3,000 North Korean troops were sent, officials said.\n"
    ),
    "pair-b.md": "---\nstory: pair\n---\n\nThe dam holds 40 million cubic metres of water.\n",
    "pair-a.md": "---\nstory: pair\n---\n\nThe dam holds 90 million cubic metres of water.\n",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    for seed in SEEDS.glob("*.txt"):
        shutil.copyfile(seed, tmp_path / seed.name)
    return tmp_path


@pytest.mark.parametrize("output", ["json", "sarif", "text"])
def test_shuffled_paths_give_the_same_report(folder: Path, run_numcheck, output: str) -> None:
    names = sorted(path.name for path in folder.iterdir())
    reports = set()
    chooser = random.Random(output)
    for _ in range(4):
        chooser.shuffle(names)
        run = run_numcheck("check", *names, "--format", output, cwd=folder)
        assert run.returncode == 1, str(run)
        reports.add(run.stdout)
    reversed_run = run_numcheck("check", *reversed(sorted(names)), "--format", output, cwd=folder)
    reports.add(reversed_run.stdout)
    assert len(reports) == 1
    if output == "json":
        codes = {f["code"] for f in reversed_run.json()["findings"]}
        assert {"NC101", "NC201", "NC202"} <= codes
