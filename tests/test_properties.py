"""Properties of the whole pipeline on hostile text, checked by hypothesis with a fixed seed
and budget (``NUMCHECK_EXAMPLES`` examples a property, 100 unless set), so a run is the same
on every machine. ``tools/fuzz.py`` runs the same properties with fresh seeds for longer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testing.properties import FIXED
from testing.properties import check_cache
from testing.properties import check_fix
from testing.properties import check_kept
from testing.properties import check_pipeline
from testing.properties import check_suppression_index
from testing.properties import edited
from testing.properties import edits
from testing.properties import paths
from testing.properties import story_texts
from testing.properties import story_words
from testing.properties import texts


@FIXED
@given(paths(), texts())
def test_pipeline(path: str, text: str) -> None:
    check_pipeline(path, text)


@FIXED
@given(paths(), texts())
def test_fix_changes_only_its_spans(path: str, text: str) -> None:
    check_fix(path, text)


@FIXED
@given(paths(), st.lists(texts(20), min_size=1, max_size=4))
def test_cache_gives_fresh_claims(path: str, parts: list[str]) -> None:
    """Edits that keep, move, add and drop paragraphs of a buffer."""
    versions = ["\n\n".join(parts[: index + 1]) for index in range(len(parts))]
    check_cache(path, versions + versions[::-1] + ["\n\n".join(reversed(parts))])


@FIXED
@given(paths(), st.lists(texts(20), min_size=1, max_size=5), edits())
def test_caches_give_fresh_claims_edit_after_edit(
    path: str, parts: list[str], changes: list[tuple[int, float, int, str]]
) -> None:
    """Edits inside paragraphs, across their ends, and in one paragraph's words that frame
    another's ("another" before a figure, a name written in lower case elsewhere)."""
    check_cache(path, edited("\n\n".join(parts), changes))


@FIXED
@given(st.lists(story_texts(), min_size=1, max_size=3), story_texts(), edits(story_words()))
def test_kept_results_give_fresh_findings(
    others: list[str], text: str, changes: list[tuple[int, float, int, str]]
) -> None:
    """Figures, words and paragraphs edited in one article of a story."""
    check_kept(edited(text, changes), others)


FOUND = Path(__file__).resolve().parent / "fixtures" / "fuzz"
PROPERTIES = {"pipeline": check_pipeline, "fix": check_fix}


@pytest.mark.parametrize("reproducer", sorted(FOUND.glob("*.json")), ids=lambda path: path.stem)
def test_inputs_fuzzing_found(reproducer: Path) -> None:
    """Every input ``tools/fuzz.py`` found failing is kept here and must pass now."""
    record = json.loads(reproducer.read_text(encoding="utf-8"))
    if record["property"] == "cache":
        check_cache(record["arguments"][0], record["arguments"][1])
    else:
        PROPERTIES[record["property"]](*record["arguments"])


@FIXED
@given(paths(), texts())
def test_suppression_index_answers_as_the_reading_of_every_directive(path: str, text: str) -> None:
    check_suppression_index(path, text)
