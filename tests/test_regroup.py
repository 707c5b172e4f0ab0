"""Story grouping made again from the last one (``regroup``) equals grouping from scratch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from numcheck.alignment import stories
from numcheck.alignment.stories import features
from numcheck.alignment.stories import grouping
from numcheck.alignment.stories import regroup
from numcheck.api import document_claims
from numcheck.api import read_documents

ROOT = Path(__file__).resolve().parent.parent

# Few features, some common and some rare, so that documents overlap in every way: pairs
# above and below the threshold, chains, components that split and join when one changes.
VOCABULARY = [f"name:n{number}" for number in range(12)] + [f"fact:f{n}" for n in range(6)]
feature_sets = st.frozensets(st.sampled_from(VOCABULARY), max_size=7)


@st.composite
def corpora_and_changes(draw: st.DrawFn):
    sets = draw(st.lists(feature_sets, min_size=2, max_size=40))
    changes = draw(
        st.lists(st.tuples(st.integers(0, len(sets) - 1), feature_sets), min_size=1, max_size=4)
    )
    limits = draw(st.sampled_from([(50, 24), (3, 2), (5, 1)]))  # MAX_POSTING, SEED_FEATURES
    return sets, changes, limits


def _paths(count: int) -> tuple[str, ...]:
    return tuple(f"news/{number:03}.txt" for number in range(count))


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(corpora_and_changes())
def test_regrouping_after_changes_equals_grouping_from_scratch(case) -> None:
    sets, changes, (max_posting, seed_features) = case
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(stories, "MAX_POSTING", max_posting)
        patch.setattr(stories, "SEED_FEATURES", seed_features)
        patch.setattr(stories, "REGROUP_SHARE", 1.0)  # never the fallback to a whole grouping
        paths = _paths(len(sets))
        previous = grouping(paths, sets)
        for index, feature_set in changes:  # one change after another, each from the last
            sets = [*sets[:index], feature_set, *sets[index + 1 :]]
            again = regroup(previous, paths, sets)
            assert again == grouping(paths, sets)
            previous = again


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[frozenset[str]]]:
    """The paths and features of 120 generated articles in 6 stories and the seed articles."""
    root = tmp_path_factory.mktemp("newsroom")
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "generate.py"), str(root / "articles")]
        + ["--articles", "120", "--stories", "6", "--seed", "3"],
        check=True,
        capture_output=True,
    )
    documents, _ = read_documents([str(root / "articles"), str(ROOT / "seeds")])
    return [d.path for d in documents], [features(d, document_claims(d)) for d in documents]


@pytest.mark.parametrize("share", [stories.REGROUP_SHARE, 1.0])
def test_edited_articles_are_regrouped_as_from_scratch(
    newsroom: tuple[list[str], list[frozenset[str]]], monkeypatch: pytest.MonkeyPatch, share: float
) -> None:
    """Real articles: one gains a name no other has, then the feature most articles have, then
    loses a name of its story; then one article of each story is rewritten as another's."""
    monkeypatch.setattr(stories, "REGROUP_SHARE", share)
    paths, sets = newsroom
    previous = grouping(paths, sets)
    common = max(set().union(*sets), key=lambda f: sum(f in s for s in sets))
    first = sets[0]
    story_name = sorted(f for f in first if f.startswith("name:") and f != common)[0]
    edits = [
        {0: first | {"name:zelensky-aide"}},
        {0: first | {"name:zelensky-aide", common}},
        {0: first - {story_name}},
        {i: sets[(i + 25) % len(sets)] for i in range(0, len(sets), 25)},
    ]
    for edit in edits:
        sets = [edit.get(index, feature_set) for index, feature_set in enumerate(sets)]
        again = regroup(previous, paths, sets)
        assert again == grouping(paths, sets)
        previous = again
    assert len(set(previous.names)) >= 6


def _set(*names: str) -> frozenset[str]:
    return frozenset(f"name:{name}" for name in names)


@pytest.mark.parametrize(
    ("sets", "changes"),
    [
        # b loses two names: it becomes similar to a (in a story with d until then), whose
        # features did not change: a's story is reached through its new pair with b.
        (
            [
                _set("n1", "x2", "x3", "x4"),
                _set("n1", "n3", "n4"),
                _set("n3", "n4", "n5"),
                _set("x2", "x3", "x4"),
            ],
            [(1, _set("n1"))],
        ),
        # a name shared by two stories' articles is added to one, then removed again
        (
            [_set("a", "b"), _set("a", "b", "c"), _set("d", "e"), _set("d", "e", "c")],
            [(0, _set("a", "b", "d")), (0, _set("a", "b"))],
        ),
        # an article leaves its story: the story splits into two components
        (
            [_set("a", "b"), _set("b", "c"), _set("c", "d"), _set("d", "e")],
            [(1, _set("z")), (2, _set("y"))],
        ),
    ],
)
def test_regrouping_cases(
    monkeypatch: pytest.MonkeyPatch,
    sets: list[frozenset[str]],
    changes: list[tuple[int, frozenset[str]]],
) -> None:
    monkeypatch.setattr(stories, "REGROUP_SHARE", 1.0)
    paths = _paths(len(sets))
    previous = grouping(paths, sets)
    for index, feature_set in changes:
        sets = [*sets[:index], feature_set, *sets[index + 1 :]]
        again = regroup(previous, paths, sets)
        assert again == grouping(paths, sets)
        previous = again


def test_another_set_of_documents_is_grouped_whole() -> None:
    sets = [frozenset({"name:a", "name:b"}), frozenset({"name:a", "name:b"}), frozenset()]
    previous = grouping(_paths(3), sets)
    assert regroup(previous, _paths(2), sets[:2]) == grouping(_paths(2), sets[:2])
    assert regroup(previous, _paths(3), sets) is previous  # nothing changed
