"""Fact alignment: which claims are restatements of one fact.

Two claims state one fact only when all of these hold:

1. their subject keys are equal (``keys.subject_key``: same dimension, same head noun);
2. their events are equal or related (``related_events`` of ``rules/frames.yaml``: "won"
   seats and the vote that "voted" them), or, where either has none, both carry a name (an
   owner or a name in the subject: "North Korean troops", "ATACMS"): a named subject is specific
   enough alone; with neither, only a close rewrite (rule 5, at ``REWRITE``, with at least
   ``MIN_SHARED`` terms in common) is one fact;
3. no anchor conflicts: when both name an owner, a place or a time of one kind, the names
   must match ("USX" is "USX Corp.", "North Korean" is "North Korea"; "Kursk" is "the Kursk
   region"; "1989-90" is not "2009-10", "last year" not "this year"), and no name of one
   side is a sibling of the other's ("Galaxy S5" is not "Samsung Galaxy S4": two names that
   share a word but end in different ones). Within one document,
   where the context carries an owner or a time from sentence to sentence, an anchor named on
   one side only is a conflict too ("Sales rose 5% to $12.5 billion for the year" is not
   "Sales rose 4% to $3.3 billion"), and so are clauses whose other names have none in
   common or stand on one side only ("signed Luis Suarez for a £22.7m fee", "signed Andy
   Carroll for about £35m"; "Sky and BT pay £5.1bn", "BT paid £960m");
4. their roles are equal: level or change, whole or part, rate or not, and the mode (actual,
   planned, comparison); a hypothetical figure ("if 105 people send a letter") states no
   fact and is never compared;
5. their clauses say the same thing around the figure: the rarity-weighted overlap (Dice) of
   their content terms is at least ``ALIGN``, unless the two are *identified*: both name
   the same event and an owner, or both subjects carry the same name ("North Korean
   troops", "Super AMOLED display"), so that rewording ("a range of up to 190 miles",
   "capable of engaging targets up to 190 miles away") does not hide one fact. Rarity is counted
   over the documents of the story, or over the claims of the document when both are in
   one.

A claim *may restate* another when only the overlap of their clauses keeps them apart, each
names nothing the other's sentence (or the other's anchors) does not, and neither alone dates
its figure: within a
story that gives the fact one figure in every other document, that is enough
(``numcheck.checks.agreement``).

Two claims without a key are one fact only when they sit in close copies of one sentence
(``copies``): the same ``COPY_CONTEXT`` words on each side of the figure, sentences that
overlap by at least ``REWRITE`` and share ``COPY_SHARED`` terms or more: a quotation
("home from the hospital 10 years ago this summer") or a wire report told again.

An alignment is *confident* when the two are identified or their clauses overlap by at least
``CONFIDENT``; only confident alignments make a story disagreement a warning.

Two claims in list items, table rows or "Label: figure" lines of one document are parallel
facts ("1989-90: 19 players", "2009-10: four players"), never restatements. Two sentences
whose terms overlap by at least ``REWRITE`` are close rewrites of one another.

Comparisons are bounded: in a group of claims that share a key, each claim is compared with
at most ``MAX_CANDIDATES`` others, those that share its rarest terms (an inverted index), so
the work grows with the number of claims, not its square.
"""

from __future__ import annotations

import functools
import math
import re
import string
from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field

from numcheck.alignment import lexicon
from numcheck.extraction.claims import Anchors
from numcheck.extraction.claims import Claim
from numcheck.extraction.claims import Frame

ALIGN = 0.30
# Terms two clauses must share before a rewrite alone (no event, no name) makes one fact.
MIN_SHARED = 3
CONFIDENT = 0.45
REWRITE = 0.60
MAX_CANDIDATES = 32
# Words on each side of a figure, and terms two sentences share, that make them copies.
COPY_CONTEXT = 3
COPY_SHARED = 5
SEED_TERMS = 6
_PLACE_GENERIC = frozenset(
    "the region province state city county area district town village country capital "
    "north south east west northern southern eastern western central".split()
)
_MONTHS = frozenset("jan feb mar apr may jun jul aug sep oct nov dec".split())


@dataclass(frozen=True)
class Weights:
    """How rare each term is among some units (documents, or the clauses of a document):
    log(1 + n / df), where df is the number of units with the term."""

    table: dict[str, float]
    unseen: float
    totals: dict[frozenset[str], float] = field(default_factory=dict, compare=False)

    def __call__(self, term: str) -> float:
        return self.table.get(term, self.unseen)

    def total(self, terms: frozenset[str]) -> float:
        """The weight of a set of terms, kept for sets seen again."""
        found = self.totals.get(terms)
        if found is None:
            found = self.totals[terms] = sum(self(t) for t in terms)
        return found


def rarity(units: Iterable[Iterable[str]]) -> Weights:
    frequency: dict[str, int] = defaultdict(int)
    count = 0
    for unit in units:
        count += 1
        for term in set(unit):
            frequency[term] += 1
    table = {term: math.log(1 + count / seen) for term, seen in frequency.items()}
    return Weights(table, math.log(1 + max(count, 1)))


def overlap(a: frozenset[str], b: frozenset[str], weights: Weights) -> float:
    """Rarity-weighted Dice coefficient of two sets of terms."""
    total = weights.total(a) + weights.total(b)
    if not total:
        return 0.0
    return 2 * sum(map(weights, a & b)) / total


@functools.lru_cache(maxsize=16_384)
def _words(name: str, generic: frozenset[str] = frozenset()) -> frozenset[str]:
    return frozenset(w for w in lexicon.name_form(name).split() if w not in generic)


def _names_match(a: tuple[str, ...], b: tuple[str, ...], generic=frozenset()) -> bool:
    """Whether some name of ``a`` is some name of ``b``, or contains it word for word."""
    for first in a:
        x = _words(first, generic)
        for second in b:
            y = _words(second, generic)
            if x and y and (x <= y or y <= x):
                return True
    return False


@functools.lru_cache(maxsize=16_384)
def _siblings(a: str, b: str) -> bool:
    """Whether two names are different members of one family: they share a word but end in
    different ones ("Galaxy S5" and "Samsung Galaxy S4", "New Democracy" and "New York").
    Names that end alike ("Alexis Tsipras", "Mr Tsipras") may be one."""
    x, y = lexicon.name_form(a).split(), lexicon.name_form(b).split()
    return bool(x and y) and x[-1] != y[-1] and not set(x).isdisjoint(y)


def _sibling_names(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether a name of one side, which the other side does not name, is a sibling of a
    name the other side does (``_siblings``): "units of the Galaxy S5", owned by Samsung,
    are not "units of the Samsung Galaxy S4"."""
    for one, other in ((a, b), (b, a)):
        for name in one:
            if not _names_match((name,), other) and any(_siblings(name, o) for o in other):
                return True
    return False


@functools.lru_cache(maxsize=4096)
def _time_kind(time: str) -> str:
    if re.fullmatch(r"\d{4}(-\d\d)?", time):
        return "year"
    if time in _MONTHS:
        return "month"
    if "quarter" in time or "month" in time or "half" in time or time.endswith(" year"):
        return "period"  # a reporting period: "third-quarter", "nine months", "the year"
    if time.endswith(("ago", "later")):
        return "ago"
    return "day" if " " not in time else "relative"


def calendar_dated(times: tuple[str, ...]) -> bool:
    """Whether a figure's times date it by the calendar: a year or a month ("May 2006")."""
    return any(_time_kind(t) in ("year", "month") for t in times)


def _times_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if _time_kind(a) == "year" == _time_kind(b):
        years_a = _years(a)
        return bool(years_a & _years(b))
    return False


def _years(time: str) -> set[int]:
    first = int(time[:4])
    if len(time) == 4:
        return {first}
    return {first, first + 1}


def anchor_conflict(
    a: Anchors,
    b: Anchors,
    a_time: tuple[str, ...] | None = None,
    b_time: tuple[str, ...] | None = None,
) -> str | None:
    """What anchors two claims to different facts ("named", "owner", "place", "time"), or
    None; ``a_time`` and ``b_time`` stand for the anchors' times when given."""
    compared = False
    for kind in ("named", "owner"):
        ours, theirs = getattr(a, kind), getattr(b, kind)
        if ours and theirs:
            compared = True
            if not _names_match(ours, theirs):
                return kind
    if not compared and a.names() and b.names() and not _names_match(a.names(), b.names()):
        return "owner"  # "the Galaxy S4 shipped" against "Galaxy S5 units"
    if _sibling_names(a.names(), b.names()):
        return "owner"  # "the Samsung Galaxy S4 shipped" against "Samsung's Galaxy S5 units"
    if a.place and b.place and not _names_match(a.place, b.place, _PLACE_GENERIC):
        return "place"
    a_time = a.time if a_time is None else a_time
    b_time = b.time if b_time is None else b_time
    for kind in {_time_kind(t) for t in a_time} & {_time_kind(t) for t in b_time}:
        ours = [t for t in a_time if _time_kind(t) == kind]
        theirs = [t for t in b_time if _time_kind(t) == kind]
        if not any(_times_match(x, y) for x in ours for y in theirs):
            return "time"
    return None


def why_not_aligned(a: Claim, b: Claim) -> str | None:
    """The first condition (1 to 4 of the module's rules) that keeps two claims apart, or
    None when only the overlap of their clauses is left to decide."""
    if a.key is None or a.key != b.key or a.frame is None or b.frame is None:
        return "subject"
    if "hypothetical" in (a.frame.role.mode, b.frame.role.mode):
        return "hypothetical"  # "if 105 people send a letter": a scenario, not a fact
    fa, fb = a.frame, b.frame
    if fa.event and fb.event and not lexicon.same_event(fa.event, fb.event):
        return "event"
    ours, theirs = fa.anchors, fb.anchors
    our_time, their_time = ours.time, theirs.time
    if a.path == b.path:  # the sentence before carries the time into one without its own
        our_time = our_time or fa.context_time
        their_time = their_time or fb.context_time
    conflict = anchor_conflict(ours, theirs, our_time, their_time)
    if conflict:
        return conflict
    if a.path == b.path:
        pronoun = fa.context_owner or fb.context_owner  # "it sent": the owner is carried
        if bool(ours.names()) != bool(theirs.names()) and not pronoun:
            return "one-sided owner"
        if (
            fa.participants
            and fb.participants
            and not _names_match(fa.participants, fb.participants)
        ):
            return "participants"  # "signed Suarez for £22.7m", "signed Carroll for £35m"
        if bool(ours.place) != bool(theirs.place):
            return "one-sided place"
        if bool(our_time) != bool(their_time):
            return "one-sided time"
    if fa.role != fb.role:
        return "role"
    if a.path == b.path and fa.listed and fb.listed:
        return "parallel"
    return None


@dataclass(frozen=True)
class Alignment:
    """How two claims were found to state one fact."""

    overlap: float  # of their clauses' terms
    identified: bool  # same event, and both name an owner

    @property
    def confident(self) -> bool:
        return self.identified or self.overlap >= CONFIDENT


def alignment(a: Claim, b: Claim, weights: Weights) -> Alignment | None:
    """How ``a`` and ``b`` state one fact, or None when they do not."""
    if why_not_aligned(a, b) is not None:
        return None
    assert a.frame is not None and b.frame is not None
    fa, fb = a.frame, b.frame
    same_event = lexicon.same_event(fa.event, fb.event)
    both_named = bool(fa.anchors.names() and fb.anchors.names())
    score = overlap(fa.terms, fb.terms, weights)
    if not (same_event or both_named):
        # Short of a shared event or names on both sides, only a close rewrite names one
        # fact ("The storm brought winds of 100 mph", "... of 161 km/h").
        enough = len(fa.terms & fb.terms) >= MIN_SHARED
        return Alignment(score, False) if score >= REWRITE and enough else None
    # the same event with names on both sides, or matching named subjects
    identified = (same_event and both_named) or bool(fa.anchors.named and fb.anchors.named)
    if not identified and score < ALIGN:
        return None
    return Alignment(score, identified)


def close_rewrites(a: Claim, b: Claim, weights: Weights) -> bool:
    """Whether two claims are told in close rewrites of one another: their sentences, or
    the clauses around their figures, overlap by at least ``REWRITE``, and neither names a
    time the other does not (a dated figure may be an older one)."""
    assert a.frame is not None and b.frame is not None
    if bool(a.frame.anchors.time) != bool(b.frame.anchors.time):
        return False
    return (
        overlap(a.frame.terms, b.frame.terms, weights) >= REWRITE
        or overlap(a.frame.sentence_terms, b.frame.sentence_terms, weights) >= REWRITE
    )


def may_restate(a: Claim, b: Claim) -> bool:
    """Whether ``b`` may restate ``a`` when the overlap of their clauses is left aside: no
    rule of 1 to 4 keeps them apart, each names nothing the other's sentence does not
    ("the Note 3's 3GB of RAM" is not "the phone's 2GB of RAM"), and neither dates the
    figure alone. Only a story that gives the fact one figure everywhere lets such a pair
    stand for one fact (``numcheck.checks.agreement``)."""
    if why_not_aligned(a, b) is not None:
        return False
    assert a.frame is not None and b.frame is not None
    fa, fb = a.frame, b.frame
    if bool(fa.anchors.time) != bool(fb.anchors.time):
        return False
    return _names_told(fa, fb.sentence_terms, fb.anchors.names()) and _names_told(
        fb, fa.sentence_terms, fa.anchors.names()
    )


def _names_told(frame: Frame, sentence_terms: frozenset[str], names: tuple[str, ...] = ()) -> bool:
    """Whether a sentence tells every name a frame is anchored to and, when its clause
    names others, one of those ("won 18 seats" in a clause about Golden Dawn). A name is
    told when its words are in the sentence, or when the other claim is anchored to it by a
    shorter or longer name ("Socialist PASOK" and "Pasok")."""

    def told(name: str) -> bool:
        return lexicon.name_terms(name) <= sentence_terms or _names_match((name,), names)

    others = [name for name in frame.participants if lexicon.name_terms(name)]  # not "Mr."
    return all(map(told, frame.anchors.names())) and (not others or any(map(told, others)))


def copy_context(prose: str, claim: Claim) -> tuple[str, ...]:
    """The ``COPY_CONTEXT`` words on each side of a claim in its sentence, lower case and
    without punctuation: two claims that sit between the same words of two close copies of
    one sentence state one fact ("home from the hospital 10 years ago this summer")."""
    start, end = claim.location.start, claim.location.end
    before = prose[max(claim.sentence, start - 60) : start].lower().split()[-COPY_CONTEXT:]
    after = prose[end : end + 60].lower().split()[:COPY_CONTEXT]
    return tuple(
        [w.strip(_PUNCTUATION) for w in before] + ["#"] + [w.strip(_PUNCTUATION) for w in after]
    )


def copies(a: Claim, b: Claim, weights: Weights) -> bool:
    """Whether two claims sit in close copies of one sentence: sentences that overlap by at
    least ``REWRITE`` and share at least ``COPY_SHARED`` terms (their words around the
    figure, ``copy_context``, are compared by the caller)."""
    assert a.frame is not None and b.frame is not None
    ours, theirs = a.frame.sentence_terms, b.frame.sentence_terms
    return len(ours & theirs) >= COPY_SHARED and overlap(ours, theirs, weights) >= REWRITE


_PUNCTUATION = string.punctuation + "“”‘’—–"


def candidates(claims: Sequence[Claim], weights: Weights) -> dict[int, list[int]]:
    """For each claim (by index), the indexes of the claims it is compared with: all of them
    in a small group, else those that share its rarest terms (at most ``MAX_CANDIDATES``)."""
    if len(claims) <= MAX_CANDIDATES + 1:
        everyone = list(range(len(claims)))
        return {i: [j for j in everyone if j != i] for i in everyone}
    postings: dict[str, list[int]] = defaultdict(list)
    seeds: list[list[str]] = []
    rarest: dict[frozenset[str], list[str]] = {}  # claims of a story share their terms
    for index, claim in enumerate(claims):
        terms = claim.frame.terms if claim.frame else frozenset()
        seed = rarest.get(terms)
        if seed is None:
            seed = rarest[terms] = sorted(terms, key=lambda t: (-weights(t), t))[:SEED_TERMS]
        seeds.append(seed)
        for term in seed:
            postings[term].append(index)
    found: dict[int, list[int]] = {}
    for index, terms in enumerate(seeds):
        shared: dict[int, float] = defaultdict(float)
        for term in terms:
            posting = postings[term]
            if len(posting) > 8 * MAX_CANDIDATES:
                continue  # a term most of the group shares tells no claim apart
            for other in posting:
                if other != index:
                    shared[other] += weights(term)
        ranked = sorted(shared, key=lambda other: (-shared[other], other))
        found[index] = ranked[:MAX_CANDIDATES]
    return found


def label(claim: Claim) -> str:
    """The fact a claim states, in words: "range of ATACMS", "people killed at the stadium",
    "North Korean troops deployed"."""
    frame = claim.frame
    subject = " ".join((claim.subject or "").split())
    event = frame.event if frame else None
    words = subject or (event or "")
    if subject and event and f"event:{event}" not in lexicon.terms(subject):
        words = f"{words} {event}"
    if frame:
        shown = subject.lower()
        owners = [o for o in frame.anchors.names() if o.lower() not in shown]
        if owners and claim.dimension != "count":
            words = f"{words} of {owners[0]}"
        elif owners:
            words = f"{words} ({owners[0]})"
        for place in frame.anchors.place[:1]:
            words += f" at {place}" if place.startswith("the ") else f" in {place}"
        if frame.anchors.time:
            words += f", {frame.anchors.time[0]}"
    return words or claim.dimension
