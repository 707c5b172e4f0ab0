"""Hard-wrapped prose through the installed command: a soft line break is a space in subjects,
keys and messages, and every position still points at the file."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.test_e2e import FINDING_LINE
from tests.test_e2e import SEED_NAMES

WRAPPED = """\
Ukraine plans to deploy ATACMS rockets, a tactical ballistic missile with
a range of up to 190
miles (360 km), against targets deep inside Russia.

Russia has deployed about 8,000 North Korean
troops to the Kursk region, officials said. About 8,000
troops are already there.
"""


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_a_wrapped_conversion_is_reported_on_one_line(
    run_numcheck, tmp_path: Path, where, suffix: str
) -> None:
    text = WRAPPED if suffix == ".md" else WRAPPED.replace("190\nmiles", "190 miles")
    if suffix == ".txt":  # hard-wrapped at 72 columns, as a plain-text editor writes it
        paragraphs = [" ".join(p.split()) for p in text.split("\n\n")]
        text = "\n\n".join(textwrap.fill(p, 72) for p in paragraphs) + "\n"
    (tmp_path / f"article{suffix}").write_text(text, encoding="utf-8")
    run = run_numcheck("check", f"article{suffix}", cwd=tmp_path)
    assert run.returncode == 1, run
    first, related, summary = run.stdout_lines
    found = FINDING_LINE.match(first)
    assert found, run
    span = where.span_of(text, "360 km")
    assert (int(found["line"]), int(found["column"])) == (span["line"], span["column"])
    assert found["message"] == (
        "'360 km' does not match '190 miles', which is 305.8 km; write '306 km'"
    )
    source = text.index("up to 190")
    line, column = where.line_column(text, source)
    assert related == f"    article{suffix}:{line}:{column}: the source figure: up to 190 miles"
    assert summary.startswith("1 file checked")


def test_wrapped_subjects_and_keys(run_numcheck, tmp_path: Path, where) -> None:
    """The claims of a hard-wrapped article are those of the same article unwrapped, and the
    subjects run across the line ends."""
    (tmp_path / "article.md").write_text(WRAPPED, encoding="utf-8")
    flat = "\n\n".join(" ".join(p.split()) for p in WRAPPED.split("\n\n")) + "\n"
    (tmp_path / "flat.md").write_text(flat, encoding="utf-8")

    def claims(name: str) -> list[dict]:
        run = run_numcheck("claims", name, "--format", "json", cwd=tmp_path)
        assert run.returncode == 0, run
        return run.json()["claims"]

    wrapped, unwrapped = claims("article.md"), claims("flat.md")
    assert [(c["subject"], c["key"]) for c in wrapped] == [
        (c["subject"], c["key"]) for c in unwrapped
    ]
    by_place = {(c["line"], c["column"]): c for c in wrapped}
    first = by_place[where.line_column(WRAPPED, WRAPPED.index("about 8,000"))]
    second = by_place[where.line_column(WRAPPED, WRAPPED.index("About 8,000"))]
    assert first["subject"] == "North Korean troops" and first["key"]
    assert second["subject"] == "troops" and second["key"] == first["key"]
    measure = by_place[where.line_column(WRAPPED, WRAPPED.index("up to 190"))]
    assert measure["text"] == "up to 190\nmiles"  # the characters of the file
    assert (measure["end_line"], measure["end_column"]) == (3, 6)
    assert measure["subject"] and measure["key"]


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_wrapped_seeds_give_the_claims_of_the_seeds(
    run_numcheck, tmp_path: Path, seeds_dir: Path, suffix: str
) -> None:
    """Each seed article, one paragraph a line, against the same article hard-wrapped at 72
    columns with a blank line between paragraphs: the same claims, subjects and keys."""
    flat, wrapped = tmp_path / "flat", tmp_path / "wrapped"
    flat.mkdir()
    wrapped.mkdir()
    for name in SEED_NAMES.values():
        lines = [line.strip() for line in (seeds_dir / name).read_text("utf-8").splitlines()]
        paragraphs = [line for line in lines if line]
        stem = Path(name).stem + suffix
        (flat / stem).write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        filled = "\n\n".join(textwrap.fill(p, 72) for p in paragraphs)
        (wrapped / stem).write_text(filled + "\n", encoding="utf-8")

    def facts(folder: str) -> list[tuple]:
        run = run_numcheck("claims", folder, "--format", "json", cwd=tmp_path)
        assert run.returncode == 0, run
        return [
            (Path(c["path"]).name, " ".join(c["text"].split()), c["subject"], c["key"])
            for c in run.json()["claims"]
        ]

    expected = facts("flat")
    assert len(expected) > 20
    assert facts("wrapped") == expected
