"""What the language server keeps between edits of an article in a story (claims, frames,
agreement results of unchanged key groups) gives the findings of a fresh run, also when an
edit far from a group changes what the group's verdicts read: an enumeration of its subject,
the rarity of its terms."""

from __future__ import annotations

from pathlib import Path

import pytest

from numcheck.lsp.workspace import Buffer
from numcheck.lsp.workspace import Workspace
from testing.properties import check_kept

# A paragraph with no claim, long enough that an edit after it leaves the claims before it
# as they were (extraction reads 400 characters around a paragraph).
TALKS = "In Kyiv, " + " ".join(
    ["the talks went on through the night while officials spoke of hope and of fear"] * 6
)
TROOPS = (
    "Rutte said 3,000 troops had reached Kursk. Zelenskiy said 4,000 troops had reached "
    "Kursk.\n\nThe Pentagon said 11,000 troops had reached Kursk."
)
DRONES = (
    "Kyiv officials said 3,000 drones were sent to Kharkiv. Kyiv officials said 3,000 drones "
    "were sent to Kharkiv. Rutte said 4,000 troops were sent to the front on Monday."
)


@pytest.mark.parametrize(
    ("texts", "others"),
    [
        pytest.param(
            [
                f"{TROOPS}\n\n{TALKS}.\n\nIts troops rose by {figure} troops, Rutte said."
                for figure in ("3,000", "2,000", "3,000")
            ],
            ["Rutte said 3,000 troops had reached Kursk."],
            # a fourth figure for troops (a change, in another key group) makes the three
            # levels an enumeration, whose figures do not contradict one another
            id="an enumeration made and unmade",
        ),
        pytest.param(
            [
                f"{DRONES}\n\n{TALKS}.\n\n{opening}said 3,000 tanks had reached Kharkiv."
                for opening in ("Kyiv officials ", " Kyiv officials Kyiv officials ")
            ],
            [
                "Kyiv officials said 3,000 drones had reached Kharkiv.",
                "Kyiv officials said 3,000 drones had reached Kharkiv. Rutte said 3,000 "
                "troops had reached the front.",
            ],
            # the tanks' clause keeps its terms, but the words before it change how rare
            # "Kyiv" and "officials" are among the article's claims
            id="the rarity of a group's terms changed by another claim",
        ),
    ],
)
def test_kept_results_are_fresh_results(texts, others):
    check_kept(texts, others)


def test_the_language_server_keeps_the_groups_an_edit_did_not_touch(tmp_path: Path):
    """Through the workspace the server runs: files of the story on disk, one open buffer
    edited figure by figure; each run against a fresh workspace."""
    for number, text in enumerate([TROOPS, DRONES, f"{TROOPS} {DRONES}"]):
        (tmp_path / f"other-{number}.md").write_text(text, encoding="utf-8")
    config = '[tool.numcheck]\nstories = { war = ["*.md"] }\n'
    (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
    path = str(tmp_path / "article.md")
    article = f"{TROOPS}\n\n{DRONES}\n\n{TALKS}.\n\nRutte said 3,000 tanks had reached Kharkiv."
    (tmp_path / "article.md").write_text(article, encoding="utf-8")
    workspace = Workspace(str(tmp_path))
    found, reused = [], []
    # figures of another length move the claims after them, which are then compared again
    for version, figure in enumerate(["3,000", "5,000", "11,000", "12,000", "3,000"], 1):
        text = article.replace("11,000", figure, 1)
        buffer = Buffer("file://" + path, path, version, text)
        kept = workspace.run([buffer]).findings[path]
        assert kept == Workspace(str(tmp_path)).run([buffer]).findings[path]
        found.append(tuple(finding.message for finding in kept))
        (memo,) = workspace._kept["agreement"].values()
        reused.append((memo.made, memo.reused))
    # from 3,000 to 5,000 and from 11,000 to 12,000 only the troops are compared again (the
    # drones, extracted again near the edit, are the same claims)
    assert reused[1] == reused[3] == (1, 2)
    assert len(set(found)) > 1  # the edits change the findings
