"""The words of frames: events, role cues, demonyms, and the terms two clauses share.

The tables come from the rule packs of kind ``frames`` (``rules/frames.yaml`` and the user's
packs). A *term* is a word as clauses are compared: lower case, reduced to a base form by a
few plain English rules and the ``irregular`` table, then mapped to its event ("sent" and
"deployed" are both ``deployed``), its subject synonym ("soldiers" is ``troop``) or its name
("Korean" is ``korea``); function words and the ``common`` list are no terms at all.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from numcheck.extraction.subjects import FUNCTION_WORDS
from numcheck.rulepacks import load_kind
from numcheck.rulepacks import require
from numcheck.rulepacks import string_list

Phrase = tuple[str, ...]
WORD = re.compile(r"[^\W\d_]+(?:[’'.&-][^\W\d_]+)*\.?")


@dataclass(frozen=True)
class FrameTables:
    events: dict[Phrase, str]
    change_verbs: frozenset[str]
    change_nouns: frozenset[str]
    part_after: frozenset[Phrase]
    part_before: frozenset[Phrase]
    rate_after: frozenset[Phrase]
    rate_before: frozenset[Phrase]
    hypothetical: frozenset[Phrase]
    planned: frozenset[Phrase]
    comparison: frozenset[Phrase]
    means: frozenset[str]
    report_verbs: frozenset[str]
    owner_nouns: frozenset[str]
    demonyms: dict[str, str]
    owner_suffixes: frozenset[str]
    common: frozenset[str]
    irregular: dict[str, str]
    families: dict[str, str]  # event: the first event of its family of related events

    @functools.cached_property
    def longest_event(self) -> int:
        return max((len(phrase) for phrase in self.events), default=1)

    @functools.cached_property
    def mode_openers(self) -> frozenset[str]:
        """The words a phrase of a mode (comparison, hypothetical, planned) begins with."""
        return frozenset(p[0] for p in self.comparison | self.hypothetical | self.planned)


def phrase(text: str) -> Phrase:
    return tuple(text.lower().split())


def _phrases(name: str, data: dict[str, Any], key: str) -> set[Phrase]:
    return {phrase(text) for text in string_list(name, data.get(key), key) if text.strip()}


_built: tuple[Any, FrameTables] | None = None


def tables() -> FrameTables:
    """The frame tables of every pack of kind ``frames``, built once per set of packs."""
    global _built
    packs = load_kind("frames")
    if _built is not None and _built[0] is packs:
        return _built[1]
    events: dict[Phrase, str] = {}
    sets: dict[str, set[Phrase]] = {}
    cue_keys = ("part_after", "part_before", "rate_after", "rate_before", "hypothetical")
    cue_keys += ("planned", "comparison", "change_verbs", "change_nouns", "common", "means")
    cue_keys += ("report_verbs", "owner_nouns")
    demonyms: dict[str, str] = {}
    irregular: dict[str, str] = {}
    suffixes: set[str] = set()
    families: dict[str, str] = {}
    for name, data in packs:
        related = require(name, data.get("related_events", []), list, "related_events")
        for index, family in enumerate(related):
            members = [w.lower() for w in string_list(name, family, f"related_events.{index}")]
            first = families.get(members[0], members[0]) if members else ""
            for member in members:
                families[member] = first
        for event, words in require(name, data.get("events", {}), dict, "events").items():
            for text in string_list(name, words, f"events.{event}"):
                events[phrase(text)] = str(event).lower()
        for key in cue_keys:
            sets.setdefault(key, set()).update(_phrases(name, data, key))
        for written, form in require(name, data.get("demonyms", {}), dict, "demonyms").items():
            demonyms[str(written).lower()] = str(form).lower()
        for written, form in require(name, data.get("irregular", {}), dict, "irregular").items():
            irregular[str(written).lower()] = str(form).lower()
        suffixes.update(
            w.lower() for w in string_list(name, data.get("owner_suffixes"), "owner_suffixes")
        )
    words = {key: frozenset(p[0] for p in sets.get(key, ()) if len(p) == 1) for key in cue_keys}
    built = FrameTables(
        events=events,
        change_verbs=words["change_verbs"],
        change_nouns=words["change_nouns"],
        part_after=frozenset(sets.get("part_after", ())),
        part_before=frozenset(sets.get("part_before", ())),
        rate_after=frozenset(sets.get("rate_after", ())),
        rate_before=frozenset(sets.get("rate_before", ())),
        hypothetical=frozenset(sets.get("hypothetical", ())),
        planned=frozenset(sets.get("planned", ())),
        comparison=frozenset(sets.get("comparison", ())),
        means=words["means"],
        report_verbs=words["report_verbs"],
        owner_nouns=words["owner_nouns"],
        demonyms=demonyms,
        owner_suffixes=frozenset(suffixes),
        common=words["common"],
        irregular=irregular,
        families=families,
    )
    _built = (packs, built)
    term.cache_clear()
    name_form.cache_clear()
    name_terms.cache_clear()
    return built


def same_event(a: str | None, b: str | None) -> bool:
    """Whether two events are one, or of one family of ``related_events`` ("won" seats and
    the share of the vote that "voted" them are one election result)."""
    if a is None or b is None:
        return False
    families = tables().families
    return a == b or families.get(a, a) == families.get(b, b)


def base_form(word: str) -> str:
    """A crude, consistent base form: "deployed" and "deploys" are "deploy"."""
    irregular = tables().irregular
    if word in irregular:
        return irregular[word]
    if len(word) > 4 and word.endswith(("ies", "ied")):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        stem = word[:-3]
        return stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem
    if len(word) > 4 and word.endswith("ed"):
        stem = word[:-2]
        return stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem
    if word.endswith(("sses", "xes", "ches", "shes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=65_536)
def name_form(name: str) -> str:
    """An owner's or place's name as names are compared: lower case, demonym to country,
    trailing company suffixes dropped ("USX Corp." is ``usx``, "North Korean" ``north korea``)."""
    t = tables()
    words = name.lower().replace("’s", "").replace("'s", "").split()
    while len(words) > 1 and words[-1] in t.owner_suffixes:
        words.pop()
    while len(words) > 1 and words[0] in t.owner_suffixes:
        words.pop(0)
    joined = " ".join(words).strip(".,")
    if joined in t.demonyms:
        return t.demonyms[joined]
    return " ".join(t.demonyms.get(w, w.rstrip(".")) for w in words)


@functools.lru_cache(maxsize=65_536)
def term(word: str) -> str | None:
    """The term a word contributes to a clause's content, or None for a function word."""
    from numcheck.alignment.keys import singular
    from numcheck.alignment.keys import synonym

    lowered = word.lower().rstrip(".").removesuffix("’s").removesuffix("'s").rstrip("’'")
    t = tables()
    if len(lowered) < 2 or lowered in FUNCTION_WORDS or lowered in t.common:
        return None
    event = t.events.get((lowered,))
    if event is not None:
        return f"event:{event}"
    if lowered in t.demonyms:
        return t.demonyms[lowered]
    synonym_of = synonym(singular(lowered))
    if synonym_of is not None:
        return synonym_of
    base = base_form(lowered)
    return None if base in t.common else base


def terms(text: str) -> list[str]:
    """The terms of ``text``, in order."""
    found = []
    for match in WORD.finditer(text):
        value = term(match.group())
        if value is not None:
            found.append(value)
    return found


@functools.lru_cache(maxsize=16_384)
def name_terms(name: str) -> frozenset[str]:
    """The terms of a name, kept for names seen again."""
    return frozenset(terms(name))
