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
from dataclasses import dataclass

from numcheck.extraction.claims import Claim
from numcheck.reading.documents import Document

THRESHOLD = 0.35
# A feature found in more documents than this is too common to suggest a pair.
MAX_POSTING = 50
# Each document suggests pairs through its rarest features only.
SEED_FEATURES = 24
# A change that touches more than this share of the documents has them all grouped again.
REGROUP_SHARE = 0.25
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
    a short rewrite of a long article still matches it. Sums are exact (``math.fsum``), so a
    value never depends on the order a set is walked in, which differs between processes."""
    smaller = min(total_a, total_b)
    return math.fsum(map(weight.__getitem__, a & b)) / smaller if smaller else 0.0


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
    return regroup_stories(None, documents, claims, groups, features_of=features_of)[0]


def regroup_stories(
    previous: Grouping | None,
    documents: Sequence[Document],
    claims: Mapping[str, Sequence[Claim]],
    groups: Mapping[str, Sequence[str]] | None = None,
    *,
    features_of: Mapping[str, frozenset[str]] | None = None,
) -> tuple[dict[str, str], Grouping]:
    """``group_stories``, and the grouping of the documents whose story comes from their
    content, made from ``previous`` (that of an earlier run, see ``regroup``) when given."""
    stories: dict[str, str] = {}
    automatic: list[Document] = []
    for document in documents:
        story = explicit_story(document.path, document, groups or {})
        if story is None:
            automatic.append(document)
        else:
            stories[document.path] = story
    known = features_of or {}
    paths = tuple(document.path for document in automatic)
    sets = tuple(
        known[d.path] if d.path in known else features(d, claims.get(d.path, ())) for d in automatic
    )
    grouping = regroup(previous, paths, sets)
    stories.update(zip(grouping.paths, grouping.names, strict=True))
    return stories, grouping


@dataclass(frozen=True)
class Grouping:
    """Documents grouped by their content, and what the grouping was made from: each one's
    path and features, its story, and its component (the lowest index of the documents it is
    joined to through similar pairs, directly or not). Enough to make the grouping again
    when a few documents' features changed (``regroup``)."""

    paths: tuple[str, ...]
    sets: tuple[frozenset[str], ...]
    names: tuple[str, ...]
    components: tuple[int, ...]


class _Space:
    """The features of a corpus: which documents have each (``postings``), its weight, and
    what each document's weights add up to and which pairs it suggests (found when asked)."""

    def __init__(self, sets: Sequence[frozenset[str]]) -> None:
        self.sets = sets
        self.postings: dict[str, list[int]] = defaultdict(list)
        for index, feature_set in enumerate(sets):
            for feature in feature_set:
                self.postings[feature].append(index)
        count = len(sets)
        self.weight = {f: math.log(1 + count / len(docs)) for f, docs in self.postings.items()}
        self._totals: dict[int, float] = {}
        self._seeds: dict[int, frozenset[str]] = {}

    def total(self, index: int) -> float:
        """The weight of a document's features (exact: ``math.fsum``)."""
        if index not in self._totals:
            self._totals[index] = math.fsum(map(self.weight.__getitem__, self.sets[index]))
        return self._totals[index]

    def value(self, a: int, b: int) -> float:
        return similarity(self.sets[a], self.sets[b], self.weight, self.total(a), self.total(b))

    def seeds(self, index: int) -> frozenset[str]:
        """The rarer features through which a document suggests pairs (``_seed_features``)."""
        if index not in self._seeds:
            self._seeds[index] = frozenset(
                _seed_features(self.sets[index], self.postings, self.weight)
            )
        return self._seeds[index]

    def partners(self, index: int) -> Iterable[int]:
        """The documents ``index`` suggests pairs with."""
        for feature in self.seeds(index):
            for other in self.postings[feature]:
                if other != index:
                    yield other


def grouping(paths: Sequence[str], sets: Sequence[frozenset[str]]) -> Grouping:
    """Group the documents ``paths`` whose features are ``sets`` (see the module's
    documentation)."""
    space = _Space(sets)
    weight = space.weight
    totals = [space.total(index) for index in range(len(sets))]
    similar: dict[tuple[int, int], float] = {}
    for a, b in _candidate_pairs(sets, space.postings, weight):
        value = similarity(sets[a], sets[b], weight, totals[a], totals[b])
        if value >= THRESHOLD:
            similar[(a, b)] = value
    names = [""] * len(paths)
    linked, components = _linkage(len(paths), similar)
    for indexes in linked:
        name = _story_name(paths[indexes[0]], len(indexes))
        for index in indexes:
            names[index] = name
    return Grouping(tuple(paths), tuple(sets), tuple(names), tuple(components))


def regroup(
    previous: Grouping | None, paths: Sequence[str], sets: Sequence[frozenset[str]]
) -> Grouping:
    """The grouping of ``paths`` with features ``sets``, equal to ``grouping(paths, sets)``,
    made from ``previous`` where it can be: only the part of the corpus a change can reach
    is grouped again.

    Why the result is the same. Let *changed* be the documents whose features differ from
    ``previous`` (the documents themselves the same, in the same order) and *moved* the
    features they gained or lost. Only the weights of moved features change (a weight
    depends on the number of documents and the documents that have the feature), so only the
    documents that have a moved feature (*touched*: the changed ones among them) see their
    total weight, their seed features or their similarity to anyone change; a pair of
    untouched documents keeps its value to the last bit (sums are exact) and is suggested as
    before. So the graph of similar pairs differs only in pairs with a touched end. Average
    linkage joins only documents of one component of that graph, and what it does inside a
    component depends on that component's pairs alone. The components of ``previous`` that
    hold a touched document, with those of documents a touched one is now similar to, make
    a part of the corpus that no similar pair leaves: it is grouped again, and every other
    component keeps its pairs and so its stories. A change that touches more than
    ``REGROUP_SHARE`` of the corpus has it grouped whole."""
    if previous is None or previous.paths != tuple(paths):
        return grouping(paths, sets)
    changed = [
        i for i, (new, old) in enumerate(zip(sets, previous.sets, strict=True)) if new != old
    ]
    if not changed:
        return previous
    moved: set[str] = set()
    for index in changed:
        moved |= sets[index] ^ previous.sets[index]
    space = _Space(sets)
    touched = set(changed)
    for feature in moved:
        touched.update(space.postings.get(feature, ()))
    if len(touched) > REGROUP_SHARE * len(paths):
        return grouping(paths, sets)
    values: dict[tuple[int, int], float] = {}

    def compare(a: int, b: int) -> None:
        pair = (a, b) if a < b else (b, a)
        if pair not in values:
            values[pair] = space.value(*pair)

    for a in touched:  # the pairs a touched document suggests, and those suggested to it
        for b in space.partners(a):
            compare(a, b)
        for feature in sets[a]:
            others = space.postings[feature]
            if 1 < len(others) <= MAX_POSTING:
                for b in others:
                    if b not in touched and feature in space.seeds(b):
                        compare(a, b)
    reached = {previous.components[i] for i in touched}
    reached |= {
        previous.components[i] for pair, v in values.items() if v >= THRESHOLD for i in pair
    }
    part = [i for i, component in enumerate(previous.components) if component in reached]
    inside = set(part)
    for a in inside - touched:  # pairs of untouched documents in the part: as before
        for b in space.partners(a):
            if b in inside and b not in touched:
                compare(a, b)
    local = {index: number for number, index in enumerate(part)}
    similar = {
        (local[a], local[b]): value
        for (a, b), value in values.items()
        if value >= THRESHOLD and a in inside and b in inside
    }
    names, components = list(previous.names), list(previous.components)
    # The sets that did not change are kept as they were read: they share their strings.
    kept = [*previous.sets]
    for index in changed:
        kept[index] = sets[index]
    linked, found = _linkage(len(part), similar)
    for indexes in linked:
        name = _story_name(paths[part[indexes[0]]], len(indexes))
        for index in indexes:
            names[part[index]] = name
    for number, component in enumerate(found):
        components[part[number]] = part[component]
    return Grouping(tuple(paths), tuple(kept), tuple(names), tuple(components))


def _average_linkage(count: int, similar: Mapping[tuple[int, int], float]) -> list[list[int]]:
    """Join the most similar documents first; two groups join only when their documents are
    similar on average (pairs never compared count as 0), so one shared name cannot chain
    unrelated stories together. The similarity between two groups is kept as a running sum
    over their pairs, so each join costs the number of groups it touches, not the product
    of the groups' sizes."""
    return _linkage(count, similar)[0]


def _linkage(
    count: int, similar: Mapping[tuple[int, int], float]
) -> tuple[list[list[int]], list[int]]:
    """The groups of ``_average_linkage``, and each document's component in the graph of
    ``similar`` pairs (its lowest index): the groups still joined by a pair, once linkage
    is over, make one component."""
    groups = _Groups(count)
    members: dict[int, list[int]] = {index: [index] for index in range(count)}
    between: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), value in similar.items():
        between[a][b] = between[b][a] = value
    for _, a, b in sorted((-value, a, b) for (a, b), value in similar.items()):
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
    joined = _Groups(count)
    for group, others in between.items():
        for other in others:
            joined.join(group, other)
    lowest: dict[int, int] = {}
    components = [lowest.setdefault(joined.find(groups.find(i)), i) for i in range(count)]
    return sorted(sorted(group) for group in members.values()), components


def _candidate_pairs(
    sets: Sequence[frozenset[str]],
    postings: Mapping[str, list[int]],
    weight: Mapping[str, float] | None = None,
) -> Iterable[tuple[int, int]]:
    """Pairs of documents that share one of the rarer features of the first: at most
    ``SEED_FEATURES`` × ``MAX_POSTING`` pairs a document, whatever the size of the corpus."""
    seen: set[tuple[int, int]] = set()
    for a, feature_set in enumerate(sets):
        for feature in _seed_features(feature_set, postings, weight):
            for b in postings[feature]:
                pair = (a, b) if a < b else (b, a)
                if a != b and pair not in seen:
                    seen.add(pair)
                    yield pair


def _seed_features(
    feature_set: frozenset[str],
    postings: Mapping[str, list[int]],
    weight: Mapping[str, float] | None = None,
) -> list[str]:
    """The features a document suggests pairs through: its ``SEED_FEATURES`` rarest among
    those that more than one and at most ``MAX_POSTING`` documents have."""
    usable = [f for f in feature_set if 1 < len(postings[f]) <= MAX_POSTING]
    if weight is not None:
        usable.sort(key=lambda f: (-weight[f], f))
    return usable[:SEED_FEATURES]


def _story_name(first_path: str, size: int) -> str:
    return f"auto:{first_path}" if size > 1 else f"single:{first_path}"
