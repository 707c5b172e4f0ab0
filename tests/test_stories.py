"""Story grouping: rewrites of one report form a story, unrelated articles do not."""

from __future__ import annotations

import shutil
from pathlib import Path

from numcheck.alignment.stories import _candidate_pairs
from numcheck.alignment.stories import features
from numcheck.alignment.stories import group_stories
from numcheck.api import document_claims
from numcheck.api import read_documents
from numcheck.reading.documents import plain_text_document
from numcheck.reading.markdown import markdown_document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
WILDFIRE = ROOT / "tests" / "fixtures" / "stories" / "wildfire.txt"


def _stories(paths: list[str], groups=None) -> dict[str, str]:
    documents, skipped = read_documents(paths)
    assert not skipped
    claims = {d.path: document_claims(d) for d in documents}
    return group_stories(documents, claims, groups)


def test_the_seed_articles_form_one_story(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copy(WILDFIRE, tmp_path / "seeds" / "wildfire.txt")
    stories = _stories([str(tmp_path / "seeds")])
    seed_stories = {story for path, story in stories.items() if "wildfire" not in path}
    assert len(seed_stories) == 1
    assert stories[str(tmp_path / "seeds" / "wildfire.txt")] not in seed_stories


def test_front_matter_story_wins() -> None:
    first = markdown_document("a.md", "---\nstory: quake\n---\nThe quake killed 132 people.\n")
    second = markdown_document("b.md", "---\nstory: quake\n---\nOfficials reported rain.\n")
    stories = group_stories([first, second], {})
    assert stories == {"a.md": "quake", "b.md": "quake"}


def test_configured_groups() -> None:
    docs = [plain_text_document("news/a.txt", "One."), plain_text_document("news/b.txt", "Two.")]
    stories = group_stories(docs, {}, {"vote": ["news/*.txt"]})
    assert stories == {"news/a.txt": "vote", "news/b.txt": "vote"}


def test_unrelated_documents_are_alone() -> None:
    docs = [
        plain_text_document("a.txt", "The Bank of England raised rates to 5.25% on Thursday."),
        plain_text_document(
            "b.txt", "Heavy snow closed Denver airport, stranding 3,000 travellers."
        ),
    ]
    stories = group_stories(docs, {d.path: document_claims(d) for d in docs})
    assert stories["a.txt"] != stories["b.txt"]


def test_features_are_names_and_the_facts_given_figures() -> None:
    doc = plain_text_document(
        "a.txt", "Officials said Russia sent 11,000 North Korean troops to Kursk."
    )
    found = features(doc, document_claims(doc))
    assert {"name:russia", "name:kursk", "name:north", "name:korean", "fact:count|troop"} <= found
    changed = plain_text_document("b.txt", doc.source.replace("11,000", "3,000"))
    assert features(changed, document_claims(changed)) == found  # a changed figure stays


def test_common_features_do_not_make_pairs() -> None:
    sets = [frozenset({"name:common", f"name:own{i}"}) for i in range(500)]
    postings: dict[str, list[int]] = {}
    for index, feature_set in enumerate(sets):
        for feature in feature_set:
            postings.setdefault(feature, []).append(index)
    assert list(_candidate_pairs(sets, postings)) == []
