"""Stories: which documents report the same events and so are compared with each other.

A document's story comes, in order, from the ``story:`` key of its Markdown front matter,
from the ``stories`` groups of the configuration (globs), or else from its content: two
documents are in one story when the names they mention and the facts they give figures for
(their subject keys) overlap strongly. Overlap is the weight of the shared features over the
weight of the smaller document's features, each feature weighted by how rare it is in the
corpus (smoothed inverse document frequency). Documents are grouped by average linkage: the
most similar pairs join first, and two groups join only when their documents are similar on
average (at least ``THRESHOLD``), so a chain of loosely related articles does not become one
story.

Only pairs that share a rare feature are ever compared: each document looks up its
``SEED_FEATURES`` rarest features in an inverted index whose lists are capped at
``MAX_POSTING``, so grouping grows with the corpus, not with its square.
"""

from __future__ import annotations

import fnmatch
import functools
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Mapping
from collections.abc import Sequence

from numcheck.extraction.claims import Claim
from numcheck.reading.documents import Document

THRESHOLD = 0.35
# A feature found in more documents than this is too common to suggest a pair.
MAX_POSTING = 50
# Each document suggests pairs through its rarest features only.
SEED_FEATURES = 24
# "(?=[A-Z])" first: a cheap test that skips most places before the look-behinds.
_NAME = re.compile(r"(?=[A-Z])(?<![.!?\n]\s)(?<![\n\"“])\b[A-Z][\w’'-]*\w")
# Capitalised words that name no story: sentence openers and the calendar.
_NOT_NAMES = frozenset(
    "The A An This That These Those It He She They We I In On At For But And Or If As While "
    "When After Before Since Meanwhile However According Some Most Many Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct "
    "Nov Dec".split()
)


def features(document: Document, claims: Sequence[Claim]) -> frozenset[str]:
    """The names a document mentions and the facts it gives figures for (subject keys, not
    values: a changed figure must not move an article out of its story)."""
    facts = {f"fact:{claim.key}" for claim in claims if claim.key}
    return _names(document.prose) | facts


@functools.lru_cache(maxsize=4096)
def _names(prose: str) -> frozenset[str]:
    """The capitalised words of a text, sentence openers and the calendar left out; kept
    for texts seen again (an editor re-checks the unchanged documents of a story)."""
    words = _NAME.findall(prose)
    if _NAME.match(prose):
        del words[0]  # the word that opens the text
    return frozenset(
        "name:" + word.lower().replace("’s", "").replace("'s", "")
        for word in set(words)
        if word not in _NOT_NAMES
    )


class _Groups:
    """Union-find over document indexes."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def similarity(
    a: frozenset[str],
    b: frozenset[str],
    weight: Mapping[str, float],
    total_a: float,
    total_b: float,
) -> float:
    """Weighted overlap: the weight of the shared features over that of the smaller set, so
    a short rewrite of a long article still matches it."""
    smaller = min(total_a, total_b)
    return sum(map(weight.__getitem__, a & b)) / smaller if smaller else 0.0


def explicit_story(
    path: str, document: Document, groups: Mapping[str, Sequence[str]]
) -> str | None:
    if document.story:
        return document.story
    for name, globs in groups.items():
        if any(fnmatch.fnmatch(path, g) or fnmatch.fnmatch(path, f"*/{g}") for g in globs):
            return name
    return None


def group_stories(
    documents: Sequence[Document],
    claims: Mapping[str, Sequence[Claim]],
    groups: Mapping[str, Sequence[str]] | None = None,
    *,
    features_of: Mapping[str, frozenset[str]] | None = None,
) -> dict[str, str]:
    """Each document's path mapped to its story's name. ``features_of`` holds the
    ``features`` of documents, by path, where they are already known."""
    stories: dict[str, str] = {}
    automatic: list[Document] = []
    for document in documents:
        story = explicit_story(document.path, document, groups or {})
        if story is None:
            automatic.append(document)
        else:
            stories[document.path] = story
    stories.update(_automatic(automatic, claims, features_of or {}))
    return stories


def _automatic(
    documents: Sequence[Document],
    claims: Mapping[str, Sequence[Claim]],
    features_of: Mapping[str, frozenset[str]],
) -> dict[str, str]:
    sets = [
        features_of[d.path] if d.path in features_of else features(d, claims.get(d.path, ()))
        for d in documents
    ]
    postings: dict[str, list[int]] = defaultdict(list)
    for index, feature_set in enumerate(sets):
        for feature in feature_set:
            postings[feature].append(index)
    count = len(documents)
    weight = {f: math.log(1 + count / len(docs)) for f, docs in postings.items()}
    totals = [sum(map(weight.__getitem__, feature_set)) for feature_set in sets]
    similar: dict[tuple[int, int], float] = {}
    for a, b in _candidate_pairs(sets, postings, weight):
        value = similarity(sets[a], sets[b], weight, totals[a], totals[b])
        if value >= THRESHOLD:
            similar[(a, b)] = value
    members = _average_linkage(count, similar)
    stories = {}
    for indexes in members:
        name = _story_name(documents[indexes[0]].path, len(indexes))
        for index in indexes:
            stories[documents[index].path] = name
    return stories


def _average_linkage(count: int, similar: Mapping[tuple[int, int], float]) -> list[list[int]]:
    """Join the most similar documents first; two groups join only when their documents are
    similar on average (pairs never compared count as 0), so one shared name cannot chain
    unrelated stories together. The similarity between two groups is kept as a running sum
    over their pairs, so each join costs the number of groups it touches, not the product
    of the groups' sizes."""
    groups = _Groups(count)
    members: dict[int, list[int]] = {index: [index] for index in range(count)}
    between: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), value in similar.items():
        between[a][b] = between[b][a] = value
    for (a, b), _ in sorted(similar.items(), key=lambda item: (-item[1], item[0])):
        first, second = groups.find(a), groups.find(b)
        if first == second:
            continue
        left, right = members[first], members[second]
        total = between[first].get(second, 0.0)
        if total / (len(left) * len(right)) >= THRESHOLD:
            groups.join(first, second)
            members[second] = left + right
            del members[first]
            for other, value in between.pop(first).items():
                if other == second:
                    continue
                del between[other][first]
                between[second][other] = between[other][second] = (
                    between[second].get(other, 0.0) + value
                )
            between[second].pop(first, None)
    return sorted(sorted(group) for group in members.values())


def _candidate_pairs(
    sets: Sequence[frozenset[str]],
    postings: Mapping[str, list[int]],
    weight: Mapping[str, float] | None = None,
) -> Iterable[tuple[int, int]]:
    """Pairs of documents that share one of the rarer features of the first: at most
    ``SEED_FEATURES`` × ``MAX_POSTING`` pairs a document, whatever the size of the corpus."""
    seen: set[tuple[int, int]] = set()
    for a, feature_set in enumerate(sets):
        usable = [f for f in feature_set if 1 < len(postings[f]) <= MAX_POSTING]
        if weight is not None:
            usable.sort(key=lambda f: (-weight[f], f))
        for feature in usable[:SEED_FEATURES]:
            for b in postings[feature]:
                pair = (a, b) if a < b else (b, a)
                if a != b and pair not in seen:
                    seen.add(pair)
                    yield pair


def _story_name(first_path: str, size: int) -> str:
    return f"auto:{first_path}" if size > 1 else f"single:{first_path}"
