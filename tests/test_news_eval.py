"""The agreement evaluation on news (tools/news_eval.py), run on a small folder laid out as
the development news is: the real news is not in the repository, so this checks that the
tool counts findings, samples them and plants figures as its documentation says."""

from __future__ import annotations

from pathlib import Path

from testing.tools import load_tool

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


EVAL = load_tool("news_eval")


def _news(tmp_path: Path) -> Path:
    news = tmp_path / "devdata" / "news"
    (news / "wsj").mkdir(parents=True)
    (news / "wsj" / "wsj_0001.txt").write_text(
        "The quake killed 120 people. Later reports said 250 people were killed.\n",
        encoding="utf-8",
    )
    (news / "abc").mkdir()
    (news / "abc" / "0001.txt").write_text("Farmers sold 300 tonnes of wheat.\n")
    topic = news / "stories" / "strikes"
    topic.mkdir(parents=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        (topic / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    crash = news / "stories" / "crash"
    crash.mkdir()
    for name in ("a", "b", "c"):
        (crash / f"{name}.txt").write_text(
            "The crash of the night train killed 132 people near the border, police said.\n"
        )
    return tmp_path / "devdata"


def test_counts_samples_and_plants(tmp_path: Path, capsys) -> None:
    devdata = _news(tmp_path)
    sample = tmp_path / "sample.txt"
    assert EVAL.main(["--devdata", str(devdata), "--sample-file", str(sample)]) == 0
    printed = capsys.readouterr().out
    rows = {line.split("|")[1].strip(): line for line in printed.splitlines() if "`" in line}
    assert rows["`wsj/`"].split("|")[2:7] == [" 1 ", " 1 ", " 0 ", " 0 ", " 1 "]
    assert rows["`abc/`"].split("|")[6] == " 0 "
    assert rows["`stories/`"].split("|")[4:6] == [" 0 ", " 1 "]  # the seeds' one note
    sampled = sample.read_text(encoding="utf-8")
    assert "NC201 [warning]" in sampled and "Later reports said 250 people were killed." in sampled
    # The seeds tell no figure in the same words twice (the troops are an open bound, the
    # range is followed by other words); the three copies of the crash report each take one
    # plant, and each is caught: the two others agree on 132.
    caught, total = (int(n) for n in printed.split("recall on stories/: ")[1].split()[0:3:2])
    assert (caught, total) == (3, 3)
    assert "told by two or more other articles: 3 of 3 (100%) caught" in printed
    assert "told by one other article only: 0 of 0 (0%) caught" in printed
    assert "Planted changes not caught" not in sampled


def test_a_changed_figure_keeps_its_format() -> None:
    assert EVAL._changed_figure("10,000", 1.5) == "15,000"
    assert EVAL._changed_figure("190", 0.5) == "95"
    assert EVAL._changed_figure("2.5", 1.5) == "3.8"
    assert EVAL._changed_figure("1", 0.5) == "0.5"


def test_the_plant_listing_shows_each_plant_with_its_other_statements(tmp_path: Path) -> None:
    devdata = _news(tmp_path)
    listing = tmp_path / "plants.txt"
    args = ["--devdata", str(devdata), "--sets", "stories", "--sample", "0"]
    assert EVAL.main([*args, "--plants", str(listing)]) == 0
    plants = listing.read_text(encoding="utf-8").split("### ")[1:]
    assert len(plants) == 3 and all(p.startswith("CAUGHT") for p in plants)
    first = plants[0]
    assert "('132 people')" in first and "NC202/warning" in first
    # the two other copies of the report, each with its frame and why it is aligned
    assert first.count("    other:   The crash of the night train killed 132 people") == 2
    assert first.count("key=count|person killed event=killed") == 3
    assert "aligned overlap=1.00" in first
