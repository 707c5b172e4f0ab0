"""Subject keys: the one normalized name that two phrasings of the same kind of thing share.

A key blocks: only claims with one key are ever aligned (``numcheck.alignment.facts``), and
the frame then decides whether they state one fact. ``North Korean troops``, ``soldiers`` and
``ground troops`` share ``count|troop``; the range of ATACMS missiles and "targets up to 190
miles away" share ``[length]|range``. The rules:

1. The head noun is the last word of the subject phrase, lower case, made singular (plain
   English rules plus the ``irregular`` table), then mapped through ``synonyms``.
2. The key starts with the claim's dimension, so counts are never compared with lengths,
   nor money with percentages.
3. A claim without a subject phrase takes its event as its subject when it measures
   something (not a duration) or is money: "capable of engaging targets up to 190 miles
   away" is a range; so does a measure or money whose head names an event ("Apple's profit
   was $8.5bn" and "Apple earned $8.5bn" are both ``currency|earned``).
   A measure without a subject phrase that has no event either takes the short noun
   phrase written right after it as its subject ("a faster, 2.5GHz quad-core processor,"
   is a processor's speed), when one follows before a punctuation mark or a function word.
4. A head that says too little alone ("people", "residents") is compared only together with
   the event it counts ("killed 132 people", "30,000 residents fled"); without one it gets no
   key.
5. No key, so never compared: a generic head ("time", "way"); a head that attributes the
   report ("two officials said", "three people familiar with the matter": each mention may
   be another group); a part or an addition ("another 3,000 troops", "3,000 more"); a
   magnitude ("thousands of people", "dozens of weapons").

Capitalised modifiers ("North Korean") are not in the key: they name the owner, one of the
frame's anchors, so "3,000 soldiers" sent by North Korea can be aligned with "10,000 North
Korean troops". The tables live in ``rules/subjects.yaml``; a pack of kind ``subjects``
extends them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from numcheck.extraction.claims import Claim
from numcheck.extraction.subjects import FUNCTION_WORDS
from numcheck.extraction.subjects import VERBS
from numcheck.rulepacks import load_kind
from numcheck.rulepacks import require
from numcheck.rulepacks import string_list

# "another 3,000 troops", "3,000 more troops": a part or an addition, not the whole figure.
_PART_BEFORE = re.compile(
    r"\b(?:another|additional|further|remaining|other|extra|last|latest|final|first|next)\s+\Z",
    re.IGNORECASE,
)
_PART_AFTER = re.compile(r"\s+(?:more|additional|other|extra|further)\b", re.IGNORECASE)
_NOUN_PHRASE_WORDS = 4


@dataclass(frozen=True)
class SubjectTables:
    synonyms: dict[str, str]
    irregular: dict[str, str]
    generic: frozenset[str]
    attribution: frozenset[str]
    needs_event: frozenset[str]


_built: tuple[Any, SubjectTables] | None = None


def tables() -> SubjectTables:
    """The subject tables of every pack of kind ``subjects``, built once per set of packs."""
    global _built
    packs = load_kind("subjects")
    if _built is not None and _built[0] is packs:
        return _built[1]
    synonyms: dict[str, str] = {}
    irregular: dict[str, str] = {}
    generic: set[str] = set()
    attribution: set[str] = set()
    needs_event: set[str] = set()
    for name, data in packs:
        for head, others in require(name, data.get("synonyms", {}), dict, "synonyms").items():
            synonyms[str(head).lower()] = str(head).lower()
            for other in string_list(name, others, f"synonyms.{head}"):
                synonyms[other.lower()] = str(head).lower()
        for plural, single in require(name, data.get("irregular", {}), dict, "irregular").items():
            irregular[str(plural).lower()] = str(single).lower()
        generic.update(word.lower() for word in string_list(name, data.get("generic"), "generic"))
        attribution.update(
            word.lower() for word in string_list(name, data.get("attribution"), "attribution")
        )
        needs_event.update(
            w.lower() for w in string_list(name, data.get("needs_event"), "needs_event")
        )
    built = SubjectTables(
        synonyms, irregular, frozenset(generic), frozenset(attribution), frozenset(needs_event)
    )
    _built = (packs, built)
    _head_of.cache_clear()
    return built


def singular(word: str) -> str:
    table = tables().irregular
    if word in table:
        return table[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def event_of(word: str) -> str | None:
    """The event a word names ("profit" is ``earned``, "sales" ``sold``), or None."""
    from numcheck.alignment.lexicon import tables as frame_tables

    events = frame_tables().events
    return events.get((word,)) or events.get((word + "s",))


def synonym(word: str) -> str | None:
    """The canonical head of a singular noun that a synonym set names, else None."""
    return tables().synonyms.get(word)


def head_of(phrase: str) -> tuple[str, list[str]]:
    """The canonical head noun and the capitalised modifiers of a subject phrase."""
    tables()  # built afresh, and the phrases read with the tables before forgotten, on a change
    head, modifiers = _head_of(phrase)
    return head, list(modifiers)


@functools.lru_cache(maxsize=65_536)
def _head_of(phrase: str) -> tuple[str, tuple[str, ...]]:
    t = tables()
    words = phrase.replace("’s", "").replace("'s", "").split()
    while len(words) > 1 and words[-1].lower() in FUNCTION_WORDS:
        words.pop()  # "the RAM it’s rockin’": a clause after the subject, not its head
    lowered_phrase = " ".join([*words[:-1], singular(words[-1].lower())]).lower()
    for written, form in t.synonyms.items():
        if " " in written and lowered_phrase.endswith(written):
            words = [*phrase.split()[: -len(written.split())], form]
            break
    head = singular(words[-1].lower().strip(".,"))
    head = t.synonyms.get(head, head)
    joined = " ".join(w for w in words[:-1] if w[:1].isupper())
    return head, (joined,) if joined else ()


def subject_key(claim: Claim, event: str | None, prose: str) -> str | None:
    """The key under which ``claim`` is compared with others, or None (never compared)."""
    start, end = claim.location.start, claim.location.end
    if _PART_BEFORE.search(prose, max(0, start - 30), start) or _PART_AFTER.match(prose, end):
        return None
    if any(measure.figure.vague for measure in claim.measures):
        return None  # "thousands of species": a magnitude, not a figure to hold a writer to
    subject = claim.subject
    if not subject and not event and claim.dimension not in ("count", "percent", "[time]"):
        subject = noun_after(prose, end)
    if not subject:
        # a duration without a subject is the span of another figure ("20 million in two
        # months"), never a fact of its own
        named_by_event = claim.dimension not in ("count", "percent", "[time]")
        return f"{claim.dimension}|{event}" if event and named_by_event else None
    head, _ = head_of(subject)
    t = tables()
    if head in t.generic or head in t.attribution or not head.isalpha() or len(head) < 2:
        return None
    if claim.dimension != "count":  # "Apple's profit was $8.5bn" is what Apple earned
        head = event_of(head) or head
    if head in t.needs_event:
        if event is None:
            return None
        head = f"{head} {event}"
    return f"{claim.dimension}|{head}"


def noun_after(prose: str, end: int) -> str | None:
    """The short noun phrase right after a figure, up to a punctuation mark or a function
    word: "quad-core processor" in "a 2.5GHz quad-core processor, 2GB of RAM"; None when a
    function word or a verb comes first ("128GB via a microSD card", "145g and")."""
    words: list[str] = []
    line_end = prose.find("\n", end)
    stop = min(len(prose) if line_end < 0 else line_end, end + 80)
    for match in _WORD_OR_MARK.finditer(prose, end, stop):
        text = match.group()
        if text == "," and not words and match.start() == end:
            continue  # "a 2.5GHz, quad-core processor": adjectives in a row
        if not text[:1].isalnum() or text.lower() in FUNCTION_WORDS:
            break
        words.append(text)
        if len(words) > _NOUN_PHRASE_WORDS:
            return None
    return _phrase(words)


def _phrase(words: list[str]) -> str | None:
    if not words:
        return None
    head = words[-1]
    if not re.fullmatch(r"[a-z][a-z-]{2,}", head) or head in VERBS or head.endswith("ed"):
        return None
    return " ".join(words)


_WORD_OR_MARK = re.compile(r"[\w’'-]+|[^\w\s]")
