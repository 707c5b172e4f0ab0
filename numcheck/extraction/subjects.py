"""The subject of a claim: what the figure counts or measures.

A count or an adjectival measure takes the noun phrase that follows it ("10,000 North
Korean troops", "an 800-mile buffer zone"); any other measure takes the noun it is said of
("a range of up to 190 miles", "its NATO aspirations for 20 years"). Rule-based, no tagger:
a noun phrase is a run of up to four words that are not function words.
"""

from __future__ import annotations

import re

FUNCTION_WORDS = frozenset(
    """a an the and or but nor of to in on at by for from with without into onto over under as
    than then that which who whom whose this these those is are was were be been being am have
    has had will would could should may might must can do does did not no its their his her our
    your my it they he she we you i there here each every per if so such while when where after
    before since until about around some more most less least already also still just only even
    ago away later earlier across along between beyond during including like via within against
    toward towards near up down out off back now yet both either neither all any other another
    what how why whether though although because due said says say according reportedly
    approximately roughly nearly almost among amid upon whereas unless once whose familiar
    aware close briefed involved last next yesterday today tomorrow tonight annually daily
    weekly monthly yearly apiece""".split()
)
# Verbs that end a noun phrase and that the "-ed" rule misses: "40 villages lost power".
VERBS = frozenset(
    """lost won fell rose said told made took came went got left ran saw became
    began brought built bought caught drove fled fought found gave grew held hit kept knew led
    met paid put sent set sold spent stood struck swept thought threw wrote die died remain
    flew blew drew rode swam
    remain remains face faces need needs live""".split()
)
# A noun phrase ends at its plural head: "12 trucks crossed", "1.5 million jobs last year".
_PLURAL = re.compile(r"[a-z]{2,}[^isu]s")
_DETERMINER_NEXT = re.compile(
    r"[ \t]+(?:the|a|an|its|their|his|her|our|this|that|these|those|some|all|more|up|down)\b",
    re.IGNORECASE,
)
_NOT_PLURAL = frozenset("news series species means".split())
_NOT_VERBS = frozenset("speed seed need feed breed greed weed creed steed hundred sacred".split())
# "a 190-mile-long border", "a 10-year-old boy": the adjective a hyphenated unit takes.
UNIT_ADJECTIVES = frozenset("long wide high deep tall thick strong old plus odd".split())
_HYPHENATED_WORD = re.compile(r"-([^\W\d_]+)")
# A word of a noun phrase; "1080p", "4K" and "16MP" may stand in it as modifiers.
_FIRST_WORD = re.compile(r"[ \t]*-?[ \t]*([^\W\d_][\w’'.&-]*|\d+[^\W\d_][\w-]*)")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w’'.&-]*|\d+[^\W\d_][\w-]*)")
# "Snapdragon 801 processor", "Boeing 737 jets": a number that is part of a name.
_MODEL_NUMBER = re.compile(r"[ \t]+(\d+)(?=[ \t]+[^\W\d_])")
# "a 5.1-inch, 1080p AMOLED display": an adjectival figure may stand before a comma.
_ADJECTIVE_COMMA = re.compile(r",(?=[ \t]+[^\W_])")
# "40 percent fewer Galaxy S5 phones": a comparative before what a share is of.
_COMPARATIVE = re.compile(
    r"[ \t]+(?:fewer|more|less|higher|lower|larger|smaller|bigger)(?:[ \t]+of(?:[ \t]+the)?)?"
    r"(?=[ \t]+[^\W\d_])",
    re.IGNORECASE,
)
_OF_PHRASE = re.compile(
    r"[ \t]+of(?=[ \t]+(?!the\b|a\b|an\b|its\b|their\b)[^\W\d_])", re.IGNORECASE
)
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her|this|that)\s+\Z", re.IGNORECASE)
_SKIP_PARENTHESIS = re.compile(r"^\s*\([^()]{0,60}\)")
_MONEY_PREPOSITION = re.compile(r"[ \t]+(?:in|of|worth[ \t]+of)(?=[ \t]+[^\W\d_])", re.IGNORECASE)
_CONNECTOR_BEFORE = re.compile(
    r"(?<![\w’'&-])([^\W\d_][\w’'&-]*(?:\s+[^\W\d_][\w’'&-]*){0,2}?)\s+"
    r"(of|is|was|are|were|measuring|spanning|covering|reaching|totalling|totaling|for|at"
    r"|covers|measures|spans|stretches|reaches|weighs|weighed|totals|totalled|costs|cost"
    r"|(?:is|was|are|were|been)\s+(?:estimated|valued|put|priced|pegged|set|forecast|projected)\s+at"
    r"|(?:starts?|started|begins?|began)\s+at)\s+$",
    re.IGNORECASE,
)
_CONNECTOR_LAST_WORDS = frozenset(
    "of is was are were measuring spanning covering reaching totalling totaling for at covers "
    "measures spans stretches reaches weighs weighed totals totalled costs cost".split()
)
MAX_WORDS = 4


def subject_phrase(
    prose: str,
    start: int,
    end: int,
    *,
    measured: bool,
    money: bool,
    adjectival: bool,
    share: bool = False,
) -> str | None:
    """What the figure at ``start:end`` counts or measures. A count, money, a share or an
    adjectival measure takes the noun phrase that follows it ("10,000 North Korean troops",
    "$10 billion in bills", "an 800-mile buffer zone"); a measure takes what it is "of" ("10
    hours of web browsing"), the phrase after a determiner ("a 5km stretch"), or the noun it
    is said of ("a range of up to 190 miles")."""
    if adjectival or not measured:
        after = following_phrase(prose, end, money=money, adjectival=adjectival, share=share)
        if after and after.lower() == "of":
            return None
        if after or adjectival:
            return after
    else:
        of = _OF_PHRASE.match(prose, end)
        after = following_phrase(prose, of.end()) if of else None
        if after is None and _DETERMINER_BEFORE.search(prose, max(0, start - 8), start):
            after = following_phrase(prose, end)  # "a 5km stretch", "the 1.5C target"
        if after:
            return after
    return preceding_noun(prose, start)


def following_phrase(
    prose: str, end: int, *, money: bool = False, adjectival: bool = False, share: bool = False
) -> str | None:
    """The noun phrase right after ``end``: "North Korean ground troops", "buffer zone"; for
    money, also after "in" or "of": "$10 billion in cash management bills"; for a share, after
    a comparative: "40 percent fewer Galaxy S5 phones"."""
    rest = prose[end : end + 160]
    skipped = _SKIP_PARENTHESIS.match(rest)
    position = skipped.end() if skipped else 0
    if money:
        preposition = _MONEY_PREPOSITION.match(rest, position)
        position = preposition.end() if preposition else position
    if share:
        comparative = _COMPARATIVE.match(rest, position)
        position = comparative.end() if comparative else position
    adjective = _HYPHENATED_WORD.match(rest, position)
    if adjective and adjective.group(1).lower() in UNIT_ADJECTIVES:
        position = adjective.end()
    if adjectival:
        comma = _ADJECTIVE_COMMA.match(rest, position)
        position = comma.end() if comma else position
    words: list[str] = []
    while len(words) < MAX_WORDS:
        found = (_NEXT_WORD if words else _FIRST_WORD).match(rest, position)
        if not found and words and words[-1][:1].isupper():
            found = _MODEL_NUMBER.match(rest, position)  # "Snapdragon 801 processor"
        if not found:
            break
        word = found.group(1).rstrip("’'")
        sentence_ends = word.endswith(".") and word.count(".") == 1
        word = word.rstrip(".") if sentence_ends else word
        lowered = word.lower()
        if lowered in FUNCTION_WORDS or lowered == "old":
            break
        if (
            _is_verb(lowered)
            and not word[:1].isupper()  # "AMOLED" is no past tense
            and (words or not _noun_follows(rest, found.end()))
        ):
            break  # "40 percent agreed"; but "3 injured soldiers"
        if words and _PLURAL.fullmatch(lowered) and _DETERMINER_NEXT.match(rest, found.end()):
            break  # "a 3-metre wall surrounds the site": a verb, not a plural head
        words.append(word)
        position = found.end()
        if sentence_ends or (_PLURAL.fullmatch(word) and word not in _NOT_PLURAL):
            break
    return " ".join(words) if words else None


def _noun_follows(rest: str, position: int) -> bool:
    found = _NEXT_WORD.match(rest, position)
    return bool(found) and found.group(1).lower() not in FUNCTION_WORDS


def preceding_noun(prose: str, start: int) -> str | None:
    """The noun a measure is said of: "range" in "a range of up to 190 miles"."""
    before = prose[max(0, start - 80) : start]
    last_word = before[-16:].rsplit(None, 1)[-1:]
    if not last_word or last_word[0].lower() not in _CONNECTOR_LAST_WORDS:
        return None  # the connector is always the word just before: skip the search
    found = _CONNECTOR_BEFORE.search(before, _last_words_start(before, _CONNECTOR_WORDS))
    if not found:
        return None
    if re.search(r"\d[\d,.]*%?[ \t]*\Z", before[: found.start(1)]):
        return None  # "closed 17.5 points higher at 2160.1": a level after a change
    words = found.group(1).split()
    gerund = found.group(2).lower() != "of"  # "cruising at" is a verb, "funding of" a noun
    while words and (_is_verb(words[-1].lower()) or (gerund and _is_gerund(words[-1]))):
        words.pop()  # "the plane flew at", "the store was robbed of", "the jet was cruising at"
    kept: list[str] = []
    for word in reversed(words):
        if word.lower() in FUNCTION_WORDS or _is_verb(word.lower()):
            break  # "Beryl packed winds of": the noun phrase starts after the verb
        kept.insert(0, word)
    return " ".join(kept) if kept else None


# ``_CONNECTOR_BEFORE`` spans at most this many words: three of the noun and three of the
# connector ("was estimated at").
_CONNECTOR_WORDS = 6


def _last_words_start(text: str, count: int) -> int:
    """Where a search for a run of at most ``count`` words that ends ``text`` may start: before
    the whitespace in front of its last ``count + 1`` words, so that the search does not try
    every word of ``text`` (look-behinds still see the character before)."""
    parts = text.rsplit(None, count + 1)
    return len(parts[0]) if len(parts) > count + 1 else 0


def _is_gerund(word: str) -> bool:
    return len(word) > 5 and word.lower().endswith("ing")


def _is_verb(word: str) -> bool:
    """A past form ("deployed", "lost") or a common irregular verb; not "speed" or "hundred"."""
    if word in VERBS:
        return True
    return len(word) > 4 and word.endswith("ed") and word not in _NOT_VERBS
