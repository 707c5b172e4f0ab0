"""The agreement checks end to end: the installed command on copies of the seed articles."""

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
    assert "11,000" in note["message"] and "over 10,000" in note["message"]
    assert note["path"].endswith("002_ab0e237715eec68c.txt")
    assert sorted(Path(r["path"]).name[:3] for r in note["related"]) == ["000", "001", "003"]


@pytest.mark.parametrize("name", ["000", "001"])
def test_a_troop_figure_that_cannot_be_true(corpus: Path, name: str) -> None:
    path = _mutate(corpus, name, "over 10,000 North Korean", "about 3,000 North Korean")
    code, report = run(str(corpus))
    assert code == 1
    warnings = [f for f in report["findings"] if f["level"] == "warning"]
    assert [(f["code"], f["path"]) for f in warnings] == [("NC202", str(path))]
    related = {Path(r["path"]).name[:3] for r in warnings[0]["related"]}
    assert related == {"000", "001", "002", "003"} - {name}


@pytest.mark.parametrize("name", ["000", "001"])
def test_a_shorter_range_with_a_right_conversion(corpus: Path, name: str) -> None:
    path = _mutate(corpus, name, "up to 190 miles (306 km)", "up to 120 miles (193 km)")
    code, report = run(str(corpus))
    assert code == 1
    codes = [(f["code"], f["path"]) for f in report["findings"] if f["level"] != "note"]
    assert codes == [("NC202", str(path))]


def test_an_unrelated_article_changes_nothing(corpus: Path) -> None:
    _, before = run(str(corpus))
    shutil.copy(WILDFIRE, corpus / "wildfire.txt")
    code, after = run(str(corpus))
    assert code == 0
    assert after["findings"] == before["findings"]


def test_one_article_that_contradicts_itself(tmp_path: Path) -> None:
    article = tmp_path / "single.txt"
    article.write_text(
        "Russia has sent 11,000 troops to the Kursk region, officials said.\n\n"
        "By the end of the week, only 3,000 troops had reached the front.\n",
        encoding="utf-8",
    )
    code, report = run(str(article))
    assert code == 1
    (finding,) = report["findings"]
    assert (finding["code"], finding["line"], finding["column"]) == ("NC201", 3, 30)
    assert [(r["line"], r["column"]) for r in finding["related"]] == [(1, 17)]
