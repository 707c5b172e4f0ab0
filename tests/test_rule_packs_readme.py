"""The README's example rule packs, loaded by the installed command: each changes what it says."""

from __future__ import annotations

import re
from pathlib import Path

from testing.project import ROOT

TEXT = (
    "The wreck lies 10 fathoms (25 m) down.\n"
    "Give or take 5,000 troops came, and 3,000 Pyongyang grunts and 10,000 plus.\n"
)


def _example_packs(folder: Path) -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("An example pack folder") :]
    blocks = re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)[:3]
    names = []
    for block in blocks:
        path = block.splitlines()[0].removeprefix("# ").split(":")[0]
        assert path.startswith("style/numbers/"), block
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(block, encoding="utf-8")
        names.append(path)
    return names


def _claims(run_numcheck, folder: Path) -> list[tuple]:
    run = run_numcheck("claims", "a.txt", "--format", "json", cwd=folder)
    assert run.returncode == 0, run
    return [(c["text"], c["unit"], c["qualifier"], c["key"]) for c in run.json()["claims"]]


def test_the_example_packs_extend_the_built_in_ones(run_numcheck, tmp_path: Path) -> None:
    names = _example_packs(tmp_path)
    assert names == [
        "style/numbers/units.yaml",
        "style/numbers/qualifiers.yaml",
        "style/numbers/subjects.yaml",
    ]
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    without = _claims(run_numcheck, tmp_path)
    (tmp_path / ".numcheck.toml").write_text('rules = ["style/numbers"]\n', encoding="utf-8")
    with_packs = _claims(run_numcheck, tmp_path)
    by_text = {text: (unit, qualifier, key) for text, unit, qualifier, key in with_packs}
    assert ("10 fathoms", "fathom", "exact", None) not in without
    assert by_text["10 fathoms"][0] == "fathom"
    assert [c for c in without if c[0] == "5,000"][0][2] == "exact"
    assert by_text["Give or take 5,000"][1] == "approximate"
    grunts = [key for text, _, _, key in without if text == "3,000"]
    troops = [key for text, _, _, key in with_packs if text == "5,000" or text.endswith(" 5,000")]
    assert grunts and troops and grunts[0] != troops[0]  # "grunts" counted apart from troops
    assert by_text["3,000"][2] == troops[0]  # until the pack makes them one
    assert by_text["10,000 plus"][1] == "lower-bound"
    run = run_numcheck("check", "a.txt", cwd=tmp_path)
    assert run.stdout_lines[0].endswith(
        "NC101 [error] '25 m' does not match '10 fathoms', which is 18.29 m; write '18 m'"
    ), run
