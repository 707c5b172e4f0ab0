"""Subject keys: one normalized key that two phrasings of the same thing share.

``North Korean troops``, ``North Korean ground troops`` and ``North Korean soldiers`` share
``count|north korean|troop``; the range of ATACMS missiles is ``[length]|atacms|range``,
another key than ``an 800-mile buffer zone``. The rules:

1. The head noun is the last word of the subject phrase, lower case, made singular (plain
   English rules plus the ``irregular`` table), then mapped through ``synonyms``.
2. Capitalised modifiers before the head (nationalities, names) are kept, lower case, mapped
   through ``aliases``; lower-case modifiers ("ground", "additional") are dropped.
3. A measure (a length, a speed...) also takes the thing it belongs to: the nearest acronym
   before it in the same sentence ("ATACMS", "HIMARS"), if any.
4. The key starts with the claim's dimension, so counts are never compared with lengths,
   nor money with percentages. A claim without a subject, with a generic head ("time",
   "way") or with a head that attributes the report ("two officials said", "three people
   familiar with the matter": each mention may be another group) gets no key and is never
   compared; neither does a part or an addition ("another 3,000 troops", "3,000 more").

5. A head that says too little alone ("people", "residents") is compared only together with
   the event it counts, found beside the figure ("killed 132 people", "30,000 residents
   fled"); without one it gets no key.

The tables live in ``rules/subjects.yaml``; a user pack of kind ``subjects`` extends them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from numcheck.rulepacks import load_kind
from numcheck.rulepacks import require
from numcheck.rulepacks import string_list

_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9-]*[A-Z0-9]s?\b")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n")
_WORDS = re.compile(r"[a-z]+")
# "another 3,000 troops", "3,000 more troops": a part or an addition, not the whole figure.
_PART_BEFORE = re.compile(
    r"\b(?:another|additional|further|remaining|other|extra|last|latest|final|first|next)\s+\Z",
    re.IGNORECASE,
)
_PART_AFTER = re.compile(r"\s+(?:more|additional|other|extra|further)\b", re.IGNORECASE)
_NOT_OWNERS = frozenset({"US", "UK", "EU", "UN", "USA", "AM", "PM", "GMT", "UTC", "TV", "CEO"})


@dataclass(frozen=True)
class SubjectTables:
    synonyms: dict[str, str]
    aliases: dict[str, str]
    irregular: dict[str, str]
    generic: frozenset[str]
    attribution: frozenset[str]
    needs_event: frozenset[str]
    events: dict[str, str]


@functools.cache
def tables() -> SubjectTables:
    synonyms: dict[str, str] = {}
    aliases: dict[str, str] = {}
    irregular: dict[str, str] = {}
    generic: set[str] = set()
    attribution: set[str] = set()
    needs_event: set[str] = set()
    events: dict[str, str] = {}
    for name, data in load_kind("subjects"):
        for head, others in require(name, data.get("synonyms", {}), dict, "synonyms").items():
            synonyms[str(head).lower()] = str(head).lower()
            for other in string_list(name, others, f"synonyms.{head}"):
                synonyms[other.lower()] = str(head).lower()
        for written, form in require(name, data.get("aliases", {}), dict, "aliases").items():
            aliases[str(written).lower()] = str(form).lower()
        for plural, single in require(name, data.get("irregular", {}), dict, "irregular").items():
            irregular[str(plural).lower()] = str(single).lower()
        generic.update(word.lower() for word in string_list(name, data.get("generic"), "generic"))
        attribution.update(
            word.lower() for word in string_list(name, data.get("attribution"), "attribution")
        )
        needs_event.update(
            w.lower() for w in string_list(name, data.get("needs_event"), "needs_event")
        )
        for event, words in require(name, data.get("events", {}), dict, "events").items():
            for word in string_list(name, words, f"events.{event}"):
                events[word.lower()] = str(event).lower()
    return SubjectTables(
        synonyms, aliases, irregular, frozenset(generic), frozenset(attribution),
        frozenset(needs_event), events,
    )  # fmt: skip


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


def head_of(phrase: str) -> tuple[str, list[str]]:
    """The canonical head noun and the kept (capitalised) modifiers of a subject phrase."""
    t = tables()
    words = phrase.replace("’s", "").replace("'s", "").split()
    lowered_phrase = " ".join(words).lower()
    for written, form in t.synonyms.items():
        if " " in written and lowered_phrase.endswith(written):
            words = [*phrase.split()[: -len(written.split())], form]
            break
    head = singular(words[-1].lower().strip(".,"))
    head = t.synonyms.get(head, head)
    modifiers = []
    joined = " ".join(w for w in words[:-1] if w[:1].isupper())
    if joined:
        modifiers.append(t.aliases.get(joined.lower(), joined.lower().replace(".", "")))
    return head, modifiers


def sentence_start(prose: str, offset: int) -> int:
    """Where the sentence holding ``offset`` begins (looking back at most 300 characters)."""
    low = max(0, offset - 300)
    ends = list(_SENTENCE_END.finditer(prose, low, offset))
    return ends[-1].end() if ends else low


def owner_before(prose: str, start: int) -> str | None:
    """The nearest acronym before ``start`` in its sentence: what a measure belongs to."""
    sentence = prose[sentence_start(prose, start) : start]
    for found in reversed(list(_ACRONYM.finditer(sentence))):
        name = found.group()
        bare = name[:-1] if name.endswith("s") and name[:-1].isupper() else name
        if len(bare) >= 3 and bare not in _NOT_OWNERS and not bare.isdigit():
            return bare.lower()
    return None


def event_near(prose: str, start: int, end: int) -> str | None:
    """The event a count is for: a word of ``events`` just before the figure ("killed 132
    people") or within a few words after it ("132 people were killed", "people died")."""
    events = tables().events
    before = _WORDS.findall(prose[max(0, start - 30) : start].lower())[-2:]
    after = _WORDS.findall(prose[end : end + 60].lower())[:6]
    for word in [*reversed(before), *after]:
        if word in events:
            return events[word]
    return None


def subject_key(
    subject: str | None, dimension: str, prose: str, start: int, end: int, measured: bool
) -> str | None:
    """The key under which a claim is compared with others, or None."""
    if not subject:
        return None
    head, modifiers = head_of(subject)
    t = tables()
    if head in t.generic or head in t.attribution or not head.isalpha() or len(head) < 2:
        return None
    if _PART_BEFORE.search(prose, max(0, start - 30), start) or _PART_AFTER.match(prose, end):
        return None
    owner = owner_before(prose, start) if measured else None
    qualifiers = modifiers + ([owner] if owner and owner not in modifiers else [])
    if head in t.needs_event and not qualifiers:
        event = event_near(prose, start, end)
        if event is None:
            return None
        head = f"{head} {event}"
    return f"{dimension}|{' '.join(qualifiers)}|{head}"
