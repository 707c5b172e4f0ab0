"""Agreement checks: one fact given figures that cannot all be true.

All three checks read one analysis of the corpus (``disagreements``). Claims are compared
only with restatements of the same fact (``numcheck.alignment.facts``): within a story,
claims that share a subject key are aligned by their frames, and only aligned claims are
judged by their intervals (``numcheck.checks.intervals``).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections import defaultdict
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from typing import ClassVar

from numcheck.alignment.facts import COPY_SHARED
from numcheck.alignment.facts import Alignment
from numcheck.alignment.facts import Weights
from numcheck.alignment.facts import alignment
from numcheck.alignment.facts import calendar_dated
from numcheck.alignment.facts import candidates
from numcheck.alignment.facts import close_rewrites
from numcheck.alignment.facts import copies
from numcheck.alignment.facts import copy_context
from numcheck.alignment.facts import label
from numcheck.alignment.facts import may_restate
from numcheck.alignment.facts import rarity
from numcheck.checks import Check
from numcheck.checks import Corpus
from numcheck.checks import register
from numcheck.checks.intervals import Comparable
from numcheck.checks.intervals import comparable
from numcheck.checks.intervals import conflict
from numcheck.checks.intervals import same_figure
from numcheck.checks.intervals import shared_unit
from numcheck.checks.kept import StoryMemo
from numcheck.checks.kept import story_memos
from numcheck.extraction.claims import Claim
from numcheck.extraction.claims import Frame
from numcheck.findings import Finding
from numcheck.findings import Related
from numcheck.text import one_line

DOCUMENT, STORY_CONFLICT = "document", "story-conflict"
STORY_VARIANCE, STORY_UNSETTLED = "story-variance", "story-unsettled"
STORY_COPY = "story-copy"
# A finding lists at most this many related places ("and K more" for the rest), and a
# claim is listed as a related place in at most this many findings.
MAX_RELATED = 5
MAX_LISTED = 20
# A subject given this many different figures in one document is an enumeration.
ENUMERATION = 4
# A story whose other documents, this many or more (one fewer when one of them is aligned
# with the claim), all give a fact one figure stands against a claim that may restate it
# and cannot be true with that figure; key groups larger than UNANIMITY_GROUP give many
# figures and are not searched for such a story.
CONSENSUS = 3
UNANIMITY_GROUP = 64
# Figures of two documents this share apart or closer are a revision or a rounding: stories
# evolve ("72 seats" in projections, "71" in results), so at most a note.
REVISION = 0.05


@dataclass(frozen=True)
class Disagreement:
    kind: str
    claim: Claim
    others: tuple[Claim, ...]


def disagreements(corpus: Corpus) -> list[Disagreement]:
    """Every disagreement of the corpus, computed once and kept on the corpus."""
    cached = corpus.cache.get("disagreements")
    if cached is None:
        cached = corpus.cache["disagreements"] = list(_analyse(corpus))
    return cached


def comparable_claims(corpus: Corpus) -> dict[str, list[Claim]]:
    """The claims agreement compares, by story, in a fixed order (path, then position), so
    that no result depends on the order in which files were named."""
    stories: dict[str, list[Claim]] = defaultdict(list)
    for document in corpus.documents:
        story = corpus.stories.get(document.path, document.path)
        for claim in corpus.claims.get(document.path, []):
            if claim.key and claim.frame and not claim.restates and not claim.ambiguous:
                stories[story].append(claim)
    for claims in stories.values():
        claims.sort(key=lambda c: (c.path, c.location.start))
    return stories


def _analyse(corpus: Corpus) -> Iterator[Disagreement]:
    stories = comparable_claims(corpus)
    memos = story_memos(corpus.kept, list(stories))
    for story, claims in stories.items():
        yield from _story_disagreements(claims, memos.get(story))
    yield from _copied_disagreements(corpus)


def _copied_disagreements(corpus: Corpus) -> Iterator[Disagreement]:
    """Claims without a key that sit in close copies of one sentence in other documents of
    their story (``facts.copies``) and cannot be true with any of those copies: a quotation
    or a wire report told with another figure. Reported as NC202, as close rewrites are."""
    groups: dict[tuple[str, str, tuple[str, ...]], list[Claim]] = defaultdict(list)
    for document in corpus.documents:
        story = corpus.stories.get(document.path, document.path)
        for claim in corpus.claims.get(document.path, ()):
            frame = claim.frame
            if claim.key or frame is None or len(frame.sentence_terms) < COPY_SHARED:
                continue  # keyed claims are aligned by their frames; a short line is no copy
            if claim.restates or claim.ambiguous or frame.listed:
                continue
            if frame.role.mode != "hypothetical":
                context = copy_context(document.prose, claim)
                groups[(story, claim.dimension, context)].append(claim)
    for group in groups.values():
        if len(group) < 2:
            continue
        if len({(claim.low, claim.high, claim.unit) for claim in group}) < 2:
            continue  # one figure everywhere: nothing to compare
        if len({claim.path for claim in group}) < 2:
            continue
        group.sort(key=lambda c: (c.path, c.location.start))
        weights = rarity(c.frame.sentence_terms for c in group if c.frame)
        unit = shared_unit(group)
        items = [c for c in (comparable(claim, unit) for claim in group) if c is not None]
        intervals = _Intervals(items)
        for item in items:
            if not intervals.conflicting_documents(item):
                continue  # the usual case: every copy gives the same figure
            conflicting, compatible = intervals.split(item)
            copied = [o for o in conflicting if copies(item.claim, o.claim, weights)]
            if copied and not any(copies(item.claim, o.claim, weights) for o in compatible):
                yield Disagreement(STORY_COPY, item.claim, tuple(o.claim for o in copied))


def _story_disagreements(
    claims: Sequence[Claim], memo: StoryMemo | None = None
) -> Iterator[Disagreement]:
    """``memo``: what the last run found, for a caller that checks one story again and
    again (``numcheck.checks.kept``)."""
    by_path: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_path[claim.path].append(claim)
    story_weights = rarity(
        [term for c in members for term in c.frame.terms] for members in by_path.values()
    )
    document_weights = {
        path: rarity(c.frame.terms for c in members) for path, members in by_path.items()
    }
    if memo is not None:
        memo.begin()
    enumerated = _enumerations(claims, memo)
    if memo is not None:
        memo.compare_with(story_weights, document_weights, enumerated)
    for group in _candidate_groups(claims).values():
        found = functools.partial(
            _group_disagreements, group, story_weights, document_weights, enumerated
        )
        yield from memo.disagreements(group, found) if memo is not None else found()


def _group_disagreements(
    group: Sequence[Claim],
    story_weights: Weights,
    document_weights: dict[str, Weights],
    enumerated: set[tuple[str, str]],
) -> list[Disagreement]:
    unit = shared_unit(group)
    items = [c for c in (comparable(claim, unit) for claim in group) if c is not None]
    inside = list(_within_documents(items, document_weights, enumerated))
    contradicted = {id(found.claim) for found in inside}
    across = _across_documents(items, story_weights)
    # one finding a claim: the closer one
    return inside + [found for found in across if id(found.claim) not in contradicted]


def _candidate_groups(claims: Sequence[Claim]) -> dict[tuple[str, Any], list[Claim]]:
    """The claims that may state one fact, by subject key and role (claims of different
    roles never align); hypothetical figures state no fact and are left out."""
    groups: dict[tuple[str, Any], list[Claim]] = defaultdict(list)
    for claim in claims:
        assert claim.key is not None and claim.frame is not None
        if claim.frame.role.mode != "hypothetical":
            groups[(claim.key, claim.frame.role)].append(claim)
    return groups


def _enumerations(claims: Sequence[Claim], memo: StoryMemo | None = None) -> set[tuple[str, str]]:
    """The (path, key) pairs of subjects a document gives ``ENUMERATION`` or more different
    figures, whatever their roles: lists of parallel facts (fines, bond issues, seasons)."""
    by_document: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        assert claim.key is not None
        by_document[(claim.path, claim.key)].append(claim)
    found = set()
    for place, group in by_document.items():
        if len(group) >= ENUMERATION:
            enumerates = functools.partial(_enumerates, group)
            if memo.enumerates(group, enumerates) if memo is not None else enumerates():
                found.add(place)
    return found


def _enumerates(group: Sequence[Claim]) -> bool:
    unit = shared_unit(group)
    return _enumeration([c for c in (comparable(claim, unit) for claim in group) if c is not None])


def _within_documents(
    items: Sequence[Comparable], weights: dict[str, Weights], enumerated: set[tuple[str, str]]
) -> Iterator[Disagreement]:
    by_path: dict[str, list[Comparable]] = defaultdict(list)
    for item in items:
        by_path[item.claim.path].append(item)
    for path, same_document in by_path.items():
        key = same_document[0].claim.key
        if len(same_document) < 2 or (path, key) in enumerated:
            continue
        near = candidates([i.claim for i in same_document], weights[path])
        for index, later in enumerate(same_document):
            earlier = [
                same_document[j].claim
                for j in sorted(near[index])
                if j < index
                # two figures in one sentence are contrasted on purpose:
                # "500 jobs in March and 1,200 in June"
                and same_document[j].claim.sentence != later.claim.sentence
                and conflict(same_document[j], later)
                and alignment(same_document[j].claim, later.claim, weights[path]) is not None
            ]
            if earlier:
                yield Disagreement(DOCUMENT, later.claim, tuple(earlier))


def _enumeration(items: Sequence[Comparable]) -> bool:
    """Whether one document gives a subject ``ENUMERATION`` or more different figures: a
    list of parallel facts (fines, bond issues, seasons), not one fact told again."""
    distinct: list[Comparable] = []
    for item in items:
        if not any(same_figure(item, seen) for seen in distinct):
            distinct.append(item)
            if len(distinct) >= ENUMERATION:
                return True
    return False


@dataclass
class _Neighbours:
    """A claim and, for each other document of its story, its best restatement there."""

    item: Comparable
    others: dict[str, tuple[Alignment, Comparable]]

    @functools.cached_property
    def restatements(self) -> list[Comparable]:
        """The best restatement in each other document, by position (read once ``others``
        is complete)."""
        return [other for _, other in sorted(self.others.values(), key=_order)]

    def confident(self, other: Comparable) -> bool:
        found = self.others.get(other.claim.path)
        return found is not None and found[1] is other and found[0].confident

    @functools.cached_property
    def compatible_side(self) -> int:
        """The documents whose restatements can be true together with this claim, its own
        document included."""
        return 1 + sum(1 for o in self.restatements if not conflict(self.item, o))

    @functools.cached_property
    def same_side(self) -> int:
        """The documents whose restatements give this claim's figure, its own included."""
        return 1 + sum(1 for o in self.restatements if same_figure(self.item, o))


def _order(entry: tuple[Alignment, Comparable]) -> tuple[str, int]:
    claim = entry[1].claim
    return claim.path, claim.location.start


def _neighbours(items: Sequence[Comparable], weights: Weights) -> list[_Neighbours]:
    """Each claim with its best restatement in every other document of its story (each
    pair of candidates aligned once, for both of its claims).

    The claims of a group share a key and a role, and across documents ``alignment`` reads
    nothing of a claim but its frame: two claims whose frames are equal to those of a pair
    aligned before align as that pair did (a story tells its facts again and again)."""
    near = candidates([i.claim for i in items], weights)
    pairs = {(i, j) if i < j else (j, i) for i, others in near.items() for j in others}
    neighbours = [_Neighbours(item, {}) for item in items]
    one_of_each: dict[Frame | None, Frame | None] = {}
    frames = [id(one_of_each.setdefault(i.claim.frame, i.claim.frame)) for i in items]
    paths = [item.claim.path for item in items]
    aligned: dict[tuple[int, int], Alignment | None] = {}  # by the ids of the two frames
    for i, j in sorted(pairs):
        if paths[i] == paths[j]:
            continue
        pair = (frames[i], frames[j])
        if pair in aligned:
            found = aligned[pair]
        else:
            found = aligned[pair] = alignment(items[i].claim, items[j].claim, weights)
        if found is None:
            continue
        for mine, other, path in (
            (neighbours[i], items[j], paths[j]),
            (neighbours[j], items[i], paths[i]),
        ):
            best = mine.others.get(path)
            if best is None or found.overlap > best[0].overlap:
                mine.others[path] = (found, other)
    return neighbours


def _across_documents(items: Sequence[Comparable], weights: Weights) -> Iterator[Disagreement]:
    """Verdicts on the claims of one key group of a story (see ``StoryDisagreement``)."""
    if len({item.claim.path for item in items}) < 2:
        return
    neighbours = _neighbours(items, weights)
    by_claim = {id(n.item.claim): n for n in neighbours}
    restates: dict[tuple[int, int], bool] = {}
    intervals = _Intervals(items)
    for mine in neighbours:
        verdict = _verdict(mine, by_claim, weights)
        others = tuple(o.claim for o in mine.restatements)
        against: list[Comparable] = []
        if verdict != STORY_CONFLICT and len(items) <= UNANIMITY_GROUP:
            against = _one_figure_against(mine.item, weights, restates, intervals)
            if against:
                verdict, others = STORY_CONFLICT, tuple(o.claim for o in against)
        if verdict == STORY_CONFLICT and _revised(mine, against, weights):
            verdict = STORY_UNSETTLED
        if verdict is not None:
            yield Disagreement(verdict, mine.item.claim, others)


def _revised(mine: _Neighbours, against: Sequence[Comparable], weights: Weights) -> bool:
    """Whether every figure other documents give against ``mine`` is within ``REVISION`` of
    its own, none of them in a close rewrite of its sentence: a count revised as a story
    goes on (projections of 72 seats, results of 71), worth a note, not a warning. In a
    close rewrite ("killed 132 people", "killed 133 people") the figure was changed alone."""
    item = mine.item
    against = against or [o for o in mine.restatements if conflict(item, o)]
    if any(close_rewrites(item.claim, other.claim, weights) for other in against):
        return False
    return bool(against) and all(
        abs(x - y) <= REVISION * max(abs(x), abs(y))
        for other in against
        for x, y in zip(item.figure, other.figure, strict=True)
    )


class _Intervals:
    """The claims of one group by interval, so that which claims cannot be true with a
    claim is worked out once per pair of distinct intervals, not per pair of claims (most
    figures of a group recur)."""

    def __init__(self, items: Sequence[Comparable]) -> None:
        self.groups: dict[tuple, list[Comparable]] = defaultdict(list)
        for item in items:
            self.groups[self._interval(item)].append(item)
        self.known: dict[tuple[tuple, tuple], bool] = {}

    @staticmethod
    def _interval(item: Comparable) -> tuple:
        return (item.low, item.high, item.qualifier)

    def _conflicting(self, item: Comparable) -> Iterator[list[Comparable]]:
        ours = self._interval(item)
        for theirs, members in self.groups.items():
            found = self.known.get((ours, theirs))
            if found is None:
                found = self.known[(ours, theirs)] = conflict(item, members[0])
            if found:
                yield members

    def conflicting_documents(self, item: Comparable) -> set[str]:
        """The other documents with a claim that cannot be true with ``item``."""
        paths = {other.claim.path for members in self._conflicting(item) for other in members}
        paths.discard(item.claim.path)
        return paths

    def split(self, item: Comparable) -> tuple[list[Comparable], list[Comparable]]:
        """The claims of the other documents that cannot be true with ``item``, and the rest."""
        path = item.claim.path
        against = {id(o) for members in self._conflicting(item) for o in members}
        conflicting, compatible = [], []
        for members in self.groups.values():
            for other in members:
                if other.claim.path != path:
                    (conflicting if id(other) in against else compatible).append(other)
        return conflicting, compatible


def _one_figure_against(
    item: Comparable,
    weights: Weights,
    restates: dict[tuple[int, int], bool],
    intervals: _Intervals,
) -> list[Comparable]:
    """The claims of the other documents that may restate ``item`` (``may_restate``), when
    ``CONSENSUS`` documents or more hold them (one fewer when one of them is aligned with
    it), they all give one figure, and ``item`` cannot be true with it: the story knows the
    fact by one figure, whatever the wording ("2GB of RAM" in ten reviews of one phone,
    "3GB of RAM" in the eleventh). Else none. ``restates`` keeps ``may_restate`` of each
    pair, by the ids of its claims, for the other claims of the group; ``intervals`` holds
    the group's claims by interval."""

    def may(other: Comparable) -> bool:
        pair = (id(item.claim), id(other.claim))
        pair = pair if pair[0] < pair[1] else (pair[1], pair[0])
        found = restates.get(pair)
        if found is None:
            found = restates[pair] = may_restate(item.claim, other.claim)
        return found

    if len(intervals.conflicting_documents(item)) < CONSENSUS - 1:
        return []
    conflicting, compatible = intervals.split(item)
    story: list[Comparable] = []
    for other in conflicting:
        if may(other):
            if story and not same_figure(story[0], other):
                return []  # the story gives the fact more than one figure
            story.append(other)
    documents = len({other.claim.path for other in story})
    if documents < CONSENSUS - 1:
        return []
    if any(map(may, compatible)):
        return []  # another document may restate it and agree with it
    if documents < CONSENSUS and not any(
        alignment(item.claim, other.claim, weights) for other in story
    ):
        return []
    return story


def _dated_alone(other: Comparable, item: Comparable) -> bool:
    """Whether ``other`` dates its figure by the calendar (a year or a month) and ``item``
    names no time ("May 2006: a £2.5bn TV deal" against a headline's "new £625m TV deal")."""
    assert other.claim.frame is not None and item.claim.frame is not None
    return not item.claim.frame.anchors.time and calendar_dated(other.claim.frame.anchors.time)


def _verdict(mine: _Neighbours, by_claim: dict[int, _Neighbours], weights: Weights) -> str | None:
    """NC202 for a claim no other document can agree with, that stands against a consensus
    of two or more other documents or against a close rewrite, confidently aligned; NC203 for
    a figure fewer documents give than another, or that a close rewrite or a confident
    restatement as well supported gives differently."""
    item = mine.item
    others = mine.restatements
    differing = [o for o in others if not same_figure(item, o)]
    if not differing:
        return None

    def side(other: Comparable, measure: str) -> int:
        theirs = by_claim.get(id(other.claim))
        return getattr(theirs, measure) if theirs is not None else 1

    def rewritten(other: Comparable) -> bool:
        return close_rewrites(item.claim, other.claim, weights)

    conflicting = [o for o in differing if conflict(item, o)]
    if conflicting and mine.compatible_side == 1:  # no other document can agree with it
        # a figure dated where this one is not may be an older one: it joins no consensus
        backing = [o for o in others if not _dated_alone(o, item)]
        consensus = (
            len(backing) >= 2
            and any(mine.confident(o) for o in backing)
            and not any(conflict(a, b) for i, a in enumerate(backing) for b in backing[i + 1 :])
        )
        if consensus or any(mine.confident(o) and rewritten(o) for o in conflicting):
            return STORY_CONFLICT
    mine_side = mine.same_side
    largest = max(side(o, "same_side") for o in differing)
    tied = [o for o in differing if side(o, "same_side") == mine_side]
    if (
        mine_side < largest
        or any(rewritten(o) for o in tied)
        or any(mine.confident(o) for o in tied if o in conflicting)
    ):
        # "the story may have changed" when it cannot be true with a side at least as large
        # as its own; else its figure is only another way to say what the others say
        contested = any(side(o, "compatible_side") >= mine.compatible_side for o in conflicting)
        return STORY_UNSETTLED if contested else STORY_VARIANCE
    return None


@dataclass(frozen=True)
class StoryFigure:
    """One fact of a story and the figure each document gives it."""

    fact: str
    key: str
    claims: tuple[Claim, ...]  # the first statement in each document, by path
    status: str  # "same", "differ" (compatible) or "conflict"


@dataclass(frozen=True)
class StoryFigures:
    story: str
    documents: tuple[str, ...]
    figures: tuple[StoryFigure, ...]


def story_figures(corpus: Corpus) -> list[StoryFigures]:
    """For each story, each fact that two or more of its documents give a figure for, with
    the figure of each (after RIPTIDES' tables of comparable estimates across sources)."""
    tables = []
    members: dict[str, list[str]] = defaultdict(list)
    for document in corpus.documents:
        members[corpus.stories.get(document.path, document.path)].append(document.path)
    for story, claims in sorted(comparable_claims(corpus).items()):
        by_path: dict[str, list[Claim]] = defaultdict(list)
        for claim in claims:
            by_path[claim.path].append(claim)
        weights = rarity([t for c in group for t in c.frame.terms] for group in by_path.values())
        figures = []
        for (key, _), group in sorted(_candidate_groups(claims).items(), key=lambda g: str(g[0])):
            unit = shared_unit(group)
            items = [c for c in (comparable(claim, unit) for claim in group) if c is not None]
            if len({item.claim.path for item in items}) >= 2:
                figures.extend(_facts(key, items, weights))
        figures.sort(key=lambda f: (f.claims[0].path, f.claims[0].location.start))
        tables.append(StoryFigures(story, tuple(sorted(members[story])), tuple(figures)))
    return tables


def _facts(key: str, items: Sequence[Comparable], weights: Weights) -> list[StoryFigure]:
    """The facts of one key group: claims joined with their best restatements elsewhere."""
    neighbours = _neighbours(items, weights)
    index_of = {id(item.claim): index for index, item in enumerate(items)}
    parent = list(range(len(items)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for index, mine in enumerate(neighbours):
        for _, other in mine.others.values():
            parent[root(index)] = root(index_of[id(other.claim)])
    joined: dict[int, list[Comparable]] = defaultdict(list)
    for index, item in enumerate(items):
        joined[root(index)].append(item)
    facts = []
    for group in joined.values():
        first: dict[str, Comparable] = {}
        for item in group:
            first.setdefault(item.claim.path, item)
        if len(first) < 2:
            continue
        shown = [first[path] for path in sorted(first)]
        pairs = [(a, b) for i, a in enumerate(shown) for b in shown[i + 1 :]]
        status = "same"
        if any(conflict(a, b) for a, b in pairs):
            status = "conflict"
        elif any(not same_figure(a, b) for a, b in pairs):
            status = "differ"
        labels = Counter(one_line(label(item.claim)) for item in shown)
        fact = max(labels, key=lambda text: (labels[text], -len(text)))
        facts.append(StoryFigure(fact, key, tuple(i.claim for i in shown), status))
    return facts


def _said(claim: Claim) -> str:
    return f"'{one_line(claim.text)}'"


class _Places:
    """Chooses the related places of findings: at most ``MAX_RELATED`` a finding, and a claim
    in at most ``MAX_LISTED`` findings, so the output grows with the claims, not their square."""

    def __init__(self) -> None:
        self.listed: Counter[int] = Counter()

    def choose(self, others: Sequence[Claim]) -> tuple[list[Claim], int]:
        chosen = []
        for other in others:
            if len(chosen) < MAX_RELATED and self.listed[id(other)] < MAX_LISTED:
                chosen.append(other)
                self.listed[id(other)] += 1
        return chosen, len(others) - len(chosen)


class _AgreementCheck(Check):
    """The shared part of the agreement checks: each reports one kind of disagreement with
    its own ``message`` (placeholders: fact, said, figures, documents)."""

    messages: ClassVar[dict[str, str]]
    related_prefix: ClassVar[str] = "says"

    def run(self, corpus: Corpus) -> Iterator[Finding]:
        places = _Places()
        for found in disagreements(corpus):
            message = self.messages.get(found.kind)
            if message is None:
                continue
            if corpus.report_on is not None and found.claim.path not in corpus.report_on:
                continue
            shown, more = places.choose(found.others)
            text = message.format(
                fact=one_line(label(found.claim)),
                said=_said(found.claim),
                figures=_figures(found.others),
                documents=_documents(found.others),
            )
            if more:
                text += f" (and {more} more place{'s' if more != 1 else ''})"
            related = tuple(Related(o.location, f"{self.related_prefix} {_said(o)}") for o in shown)
            yield self.finding(found.claim.location, text, related=related)


def _figures(claims: Sequence[Claim]) -> str:
    texts = list(dict.fromkeys(_said(c) for c in claims))
    return ", ".join(texts[:3]) + (f" and {len(texts) - 3} more" if len(texts) > 3 else "")


def _documents(claims: Sequence[Claim]) -> str:
    count = len({c.path for c in claims})
    return f"{count} other document{'s' if count != 1 else ''}"


@register
class DocumentDisagreement(_AgreementCheck):
    """One document states one fact in two figures that cannot both be true.

    ## What it does
    Compares each claim with the earlier claims of its document that restate the same fact,
    and reports it when the two cannot both be true: "Russia has sent 11,000 North Korean
    troops... North Korea has sent about 3,000 soldiers to Russia, officials now say."

    Two claims are one fact only when all of these hold (see `numcheck claims --format
    json`: each claim's `key`, `event`, `anchors` and `role`):

    - their subject keys are equal: the dimension and the head noun, through the synonym
      sets of `rules/subjects.yaml` (troops, soldiers and servicemen are one); a claim
      without a subject is keyed by its event when it is money or a measure ("targets up to
      190 miles away" is a range), else never compared;
    - their events are equal ("killed", "deployed", "sold": `rules/frames.yaml`), or both
      carry a name (an owner such as "North Korea has sent", or a name in the subject, "North
      Korean troops"); with neither, only a close rewrite counts;
    - no anchor conflicts: the names, places ("in Kursk", "at the stadium") and times ("in
      2004", "1989-90", "third-quarter", "last year") they name match. Within one document,
      where context carries an owner or a time from sentence to sentence, an anchor named on
      one side only is a conflict too, and so are other names that take part on one side or
      differ ("signed Suarez for £22.7m", "signed Carroll for £35m");
    - their roles are equal: level or change ("rose 5%" against "to $6.3 billion"), whole or
      part ("including 12 children"), a rate or not ("a month", "per share"), and the mode
      (planned, or a past comparison such as "down from"); a hypothetical figure ("if 105
      people send a letter") states no fact and is never compared;
    - their clauses say the same thing around the figure: the rarity-weighted overlap of
      their content words is high enough, unless both name the same event and an owner or
      carry the same name, so that rewording does not hide one fact.

    Never compared: two figures in one sentence (contrasted on purpose: "500 jobs in March
    and 1,200 in June"), a part or an addition ("another 3,000 troops", "3,000 more"), a
    magnitude ("thousands of people"), figures in list items, table rows or "Label: figure"
    lines (parallel facts: "1989-90: 19 players", "2009-10: four players"), and a subject
    the document gives four or more different figures (an enumeration of fines, bond
    issues, seasons).

    Intervals: an exact figure carries the precision of its digits ("11,000" is 10,500 to
    11,500; a whole number with trailing zeros at most ±5%); "about" and its kin widen to
    ±10%; "over", "more than" are lower bounds; "fewer than", "under" upper bounds; "up to",
    "as much as" state a maximum, which disagrees with another maximum but not with a figure
    below it; ranges span their ends. Measures are compared in one unit with pint, so
    "190 miles" and "306 km" are one figure; money only in one currency.

    ## Why is this bad?
    At most one of the two figures is right, and the reader cannot tell which.

    ## Example
    "The quake killed 120 people. ... Later reports said 250 people were killed."
    Use instead: one figure, or say why they differ ("the toll rose to 250").

    ## Fix safety
    No fix: only the writer knows which figure is right.
    """

    code, name, level = "NC201", "document-disagreement", "warning"
    messages = {DOCUMENT: "{fact}: {said} contradicts {figures} earlier in this document"}
    related_prefix = "earlier this document says"


@register
class StoryDisagreement(_AgreementCheck):
    """An article states a fact of its story in a figure the other articles contradict.

    ## What it does
    Groups documents into stories (the `story:` front matter key, the `stories` groups of the
    configuration, or else strong overlap of the names they mention and the facts they give
    figures for; see `numcheck stories`), lines up each claim with its best restatement in
    every other document of the story (the alignment of NC201, with rarity counted over the
    story's documents), and reports a claim that no other document can agree with when:

    - it stands against a consensus: two or more other documents restate the fact, agree
      with each other, and at least one is aligned with confidence (same event and owner,
      same names, or clauses that overlap strongly); a figure dated by the calendar (a year,
      a month) where the claim names no time may be an older one and joins no consensus
      ("May 2006: ... a £2.5bn TV deal" against a headline's "new £625m TV deal"); or
    - it stands against a close rewrite: a document that tells it in nearly the same words
      (the seed articles are such rewrites), when neither dates the figure and the other
      does not; or
    - it stands against a story that knows the fact by one figure: three or more other
      documents (two, when one of them is aligned with it) give a claim that may restate it
      (same key, no event, anchor or role apart, each side's names told in the other's
      sentence or anchoring it, as "Pasok" does "Socialist PASOK", neither dated alone) and
      all give one figure, whatever their wording ("2GB of RAM" in ten reviews of a phone,
      "3GB of RAM" in the eleventh); or
    - it has no subject, and a copy of its sentence in another document (the same three
      words on each side of the figure, sentences that overlap strongly) gives a figure
      that cannot be true with it: a quotation ("home from the hospital 10 years ago this
      summer") or a wire report told again with another figure.

    A disagreement of one article with one other is reported on both, so which file was
    named first, or sorts first, never decides which is right, and a pre-commit hook given
    either file fails. Stories evolve (tolls rise, searches grow), so anything less (two
    sides of two articles each, a restatement that is aligned but not a rewrite) is at most
    an NC203 note, and so is a figure within 5% of every figure it stands against, none of
    them in a close rewrite of its sentence: a count revised as the story went on
    ("72 seats" in early projections, "71" in the results). The message names the fact in
    words ("range of ATACMS", "people killed at the stadium") and lists at most five of the
    other places, with the count of the rest; `numcheck stories --figures` shows every fact
    of a story with each article's figure.

    ## Why is this bad?
    Rewrites of one report should not change its facts; a disagreement means one of the
    versions was mistyped, misread or updated on one side only.

    ## Example
    Four articles say "over 10,000 North Korean troops" and one says "about 3,000 North
    Korean troops". Use instead: the figure the sources give.

    ## Fix safety
    No fix: only the writer knows which figure is right.
    """

    code, name, level = "NC202", "story-disagreement", "warning"
    messages = {
        STORY_CONFLICT: (
            "{fact}: {said} disagrees with {documents} of this story, which say {figures}"
        ),
        STORY_COPY: (
            "{said} disagrees with {documents} of this story that tell this sentence with {figures}"
        ),
    }


@register
class StoryVariance(_AgreementCheck):
    """An article gives a fact of its story a figure the other articles do not give.

    ## What it does
    As NC202, for the differences that are worth an editor's look but not a warning: a
    figure fewer documents give than another that can be true with it ("11,000 North Korean
    troops" where the other versions say "over 10,000"; the message says "the figures are
    compatible"), and a figure that cannot be true with one its story gives as often or
    more, or that is within 5% of the figures the others give, where the story may simply
    have changed ("the story may have changed").

    ## Why is this bad?
    It may be fine (a newer figure, a more precise source), but an editor should know that
    the versions of a story do not say the same thing.

    ## Example
    "11,000 North Korean troops" where the other versions say "over 10,000". Use instead:
    one figure across the versions, or a sourced reason for the difference.

    ## Fix safety
    No fix.
    """

    code, name, level = "NC203", "story-variance", "note"
    messages = {
        STORY_VARIANCE: (
            "{fact}: {said} differs from {documents} of this story, which say {figures}; "
            "the figures are compatible"
        ),
        STORY_UNSETTLED: (
            "{fact}: {said} differs from {documents} of this story, which say {figures}; "
            "the story may have changed"
        ),
    }
