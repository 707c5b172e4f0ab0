"""The agreement checks and the story figure table end to end: the installed command on
copies of the seed articles."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
WILDFIRE = ROOT / "tests" / "fixtures" / "stories" / "wildfire.txt"
NUMCHECK = str(Path(sys.executable).with_name("numcheck"))


def run(*args: str) -> tuple[int, dict]:
    done = subprocess.run(
        [NUMCHECK, "check", *args, "--format", "json"], capture_output=True, text=True
    )
    return done.returncode, json.loads(done.stdout)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def _mutate(corpus: Path, name: str, old: str, new: str) -> Path:
    (path,) = corpus.glob(f"{name}_*.txt")
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_seeds_give_one_note_about_the_troops(corpus: Path) -> None:
    code, report = run(str(corpus))
    assert code == 0
    (note,) = report["findings"]
    assert (note["code"], note["level"]) == ("NC203", "note")
    assert note["message"].startswith("North Korean troops deployed: '11,000' differs from")
    assert "over 10,000" in note["message"]
    assert note["path"].endswith("002_ab0e237715eec68c.txt")
    assert sorted(Path(r["path"]).name[:3] for r in note["related"]) == ["000", "001", "003"]


TROOPS = {
    "000": "over 10,000 North Korean",
    "001": "over 10,000 North Korean",
    "002": "11,000 North Korean",
    "003": "greater than 10,000 North Korean",
}
RANGES = {
    "000": "up to 190 miles (306 km)",
    "001": "up to 190 miles (306 km)",
    "002": "about 190 miles",
    "004": "up to 190 miles (306 kilometers)",  # "capable of engaging targets ... away"
}


def _warnings(report: dict) -> list[tuple[str, str]]:
    return [(f["code"], f["path"]) for f in report["findings"] if f["level"] != "note"]


@pytest.mark.parametrize("name", sorted(TROOPS))
def test_a_troop_figure_that_cannot_be_true(corpus: Path, name: str) -> None:
    path = _mutate(corpus, name, TROOPS[name], "about 3,000 North Korean")
    code, report = run(str(corpus))
    assert code == 1
    assert _warnings(report) == [("NC202", str(path))]
    (warning,) = [f for f in report["findings"] if f["level"] == "warning"]
    related = {Path(r["path"]).name[:3] for r in warning["related"]}
    assert related == set(TROOPS) - {name}
    assert "North Korean" in warning["message"] and "'about 3,000'" in warning["message"]


@pytest.mark.parametrize("name", sorted(RANGES))
def test_a_shorter_range_with_a_right_conversion(corpus: Path, name: str) -> None:
    path = _mutate(corpus, name, RANGES[name], "up to 120 miles (193 km)")
    code, report = run(str(corpus))
    assert code == 1
    assert _warnings(report) == [("NC202", str(path))]
    (warning,) = [f for f in report["findings"] if f["level"] == "warning"]
    assert warning["message"].startswith("range of ATACMS: 'up to 120 miles' disagrees with")


def test_an_article_that_contradicts_itself(corpus: Path) -> None:
    path = _mutate(
        corpus,
        "003",
        "Russia is advancing",
        "North Korea has sent about 3,000 soldiers to Russia, officials now say.\n\n"
        "Russia is advancing",
    )
    code, report = run(str(corpus))
    assert code == 1
    assert _warnings(report) == [("NC201", str(path))]
    (warning,) = [f for f in report["findings"] if f["level"] == "warning"]
    assert (warning["line"], warning["column"]) == (33, 22)
    assert [(r["line"], r["column"]) for r in warning["related"]] == [(31, 22)]
    assert "'about 3,000' contradicts 'greater than 10,000'" in warning["message"]


def test_an_unrelated_article_changes_nothing(corpus: Path) -> None:
    _, before = run(str(corpus))
    shutil.copy(WILDFIRE, corpus / "wildfire.txt")
    code, after = run(str(corpus))
    assert code == 0
    assert after["findings"] == before["findings"]


def _stories(*args: str) -> str:
    done = subprocess.run([NUMCHECK, "stories", "--figures", *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_story_figures_of_the_seeds(corpus: Path) -> None:
    text = _stories(str(corpus))
    assert text.splitlines()[0].endswith("(5 documents)")
    assert "  range of ATACMS\n" in text
    assert "  North Korean troops deployed  [differs]\n" in text
    assert f"    {corpus}/002_ab0e237715eec68c.txt:3: 11,000\n" in text
    report = json.loads(_stories(str(corpus), "--format", "json"))
    (story,) = report["stories"]
    assert len(story["documents"]) == 5
    facts = {figure["fact"]: figure for figure in story["figures"]}
    troops = facts["North Korean troops deployed"]
    assert troops["status"] == "differ" and troops["key"] == "count|troop"
    assert [v["text"] for v in troops["values"]] == [
        "over 10,000", "over 10,000", "11,000", "greater than 10,000"
    ]  # fmt: skip
    assert facts["range of ATACMS"]["status"] == "same"
    markdown = _stories(str(corpus), "--format", "markdown")
    assert markdown.startswith("### ") and "| fact | figures | status |" in markdown
    assert "| North Korean troops deployed | `over 10,000`" in markdown


def test_story_figures_mark_the_outlier(corpus: Path) -> None:
    _mutate(corpus, "004", RANGES["004"], "up to 120 miles (193 km)")
    text = _stories(str(corpus))
    assert "  range of ATACMS  [DISAGREES]\n" in text
    assert "004_dc5528db860779ee.txt:7: up to 120 miles\n" in text
