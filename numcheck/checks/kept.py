"""Agreement results kept between runs over the same story (the language server checks one
story again at every edit): a key group of claims whose verdicts cannot have changed gives
them again without comparing a pair.

A group's disagreements (``agreement._group_disagreements``) are read from:

* **its claims**, and only them (compared by identity: claims are frozen, and a caller that
  keeps them, as the language server keeps those of unchanged files and paragraphs, gives
  the very same objects again);
* **which of its documents enumerate its subject** (given four figures or more, over every
  role, so a claim outside the group can change it); whether they do is kept too, for the
  very same claims of a subject in a document;
* **the rarity of the terms its claims carry** (their clause and sentence terms), in the
  story and in each of its documents: rarity is counted over every claim of a document or
  every document of a story, so an edit elsewhere changes it only when it adds a term to, or
  takes one from, a document (or a claim to one). A group is made again when one of its own
  terms changed rarity, or the rarity of an unseen term did.

The rest of the story is made again as before. Like the other caches of an editor's buffer,
a story keeps two generations (the groups of this run and of the run before).
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from numcheck.alignment.facts import Weights
from numcheck.extraction.claims import Claim


@dataclass
class _Group:
    claims: tuple[Claim, ...]
    enumerated: frozenset[str]
    terms: frozenset[str]
    found: list[Any]


class StoryMemo:
    """The disagreements of a story's key groups, as last found, and the rarity they were
    found with."""

    def __init__(self) -> None:
        self._current: dict[tuple[int, ...], _Group] = {}
        self._previous: dict[tuple[int, ...], _Group] = {}
        self._story: Weights | None = None
        self._documents: dict[str, Weights] = {}
        self._story_changed: frozenset[str] | None = None
        self._changed: dict[str, frozenset[str] | None] = {}
        self._enumerated: set[tuple[str, str]] = set()
        self._enumerations: dict[tuple[int, ...], tuple[tuple[Claim, ...], bool]] = {}
        self._current_enumerations: dict[tuple[int, ...], tuple[tuple[Claim, ...], bool]] = {}
        self.reused = self.made = 0  # groups, in the last run

    def begin(self) -> None:
        """Start a run: what the run before did not use is forgotten."""
        self._previous, self._current = self._current, {}
        self._enumerations = self._current_enumerations
        self._current_enumerations = {}
        self.reused = self.made = 0

    def enumerates(self, claims: Sequence[Claim], compute: Callable[[], bool]) -> bool:
        """``compute()``: whether one document's claims of one key are an enumeration; kept
        for the very same claims."""
        identity = tuple(id(claim) for claim in claims)
        found = self._enumerations.get(identity)
        if found is None:
            found = (tuple(claims), compute())
        self._current_enumerations[identity] = found
        return found[1]

    def compare_with(
        self,
        story: Weights,
        documents: Mapping[str, Weights],
        enumerated: set[tuple[str, str]],
    ) -> None:
        """The rarity and the enumerations of this run."""
        self._story_changed = changed_terms(self._story, story)
        self._changed = {
            path: changed_terms(self._documents.get(path), weights)
            for path, weights in documents.items()
        }
        self._story, self._documents = story, dict(documents)
        self._enumerated = enumerated

    def disagreements(self, group: Sequence[Claim], make: Callable[[], list[Any]]) -> list[Any]:
        """``make()``, or what it gave for these very claims when nothing it reads changed."""
        identity = tuple(id(claim) for claim in group)
        paths = {claim.path for claim in group}
        key = group[0].key
        enumerated = frozenset(path for path in paths if (path, key) in self._enumerated)
        found = self._current.get(identity) or self._previous.get(identity)
        if found is None or found.enumerated != enumerated or not self._same_rarity(found, paths):
            self.made += 1
            terms = frozenset().union(
                *(c.frame.terms | c.frame.sentence_terms for c in group if c.frame)
            )
            found = _Group(tuple(group), enumerated, terms, make())
        else:
            self.reused += 1
        self._current[identity] = found
        return found.found

    def _same_rarity(self, found: _Group, paths: set[str]) -> bool:
        for changed in (self._story_changed, *(self._changed.get(path) for path in paths)):
            if changed is None or not found.terms.isdisjoint(changed):
                return False
        return True


def changed_terms(before: Weights | None, after: Weights) -> frozenset[str] | None:
    """The terms whose rarity differs from ``before`` to ``after``; None when every term's
    may (the first run, or a change in the rarity of unseen terms)."""
    if before is None or before.unseen != after.unseen:
        return None
    old, new = before.table, after.table
    if old == new:
        return frozenset()
    found = {term for term, value in new.items() if old.get(term) != value}
    found.update(term for term in old if term not in new)
    return frozenset(found)


def story_memos(kept: dict[str, Any] | None, stories: Sequence[str]) -> dict[str, StoryMemo]:
    """The memo of each story in ``kept`` (a caller's dict, kept between runs), made for the
    stories new to it; those of stories no longer checked are dropped."""
    if kept is None:
        return {}
    known = kept.get("agreement", {})
    memos = {story: known.get(story) or StoryMemo() for story in stories}
    kept["agreement"] = memos
    return memos
