"""Frames: which fact a figure states, read from the words of its clause.

Beside its subject, each claim gets (rules and the word lists of ``rules/frames.yaml``; no
model, no network):

* its **event**: the event word nearest the figure in its clause ("killed", "sent" is
  ``deployed``, "away" is ``range``);
* its **anchors**: the owner (a capitalised modifier of its subject, "North Korean"; a
  possessive before it, "Arsenal's"; for a measure, the acronym it belongs to, "ATACMS"; the
  name that is the subject of its clause, "North Korea has sent", "the far-right Golden Dawn
  party had"; or the name a relative clause hangs on, "Bethlehem Steel Corp., which posted";
  none before a means, "controlled via a 5.1-inch screen"; a figure joined to another by
  "and" shares its owner, "30 per cent of the vote and 129 seats"), the place ("in Kursk",
  "at the stadium") and the time ("in 2004", "last year", "1989-90", "fourth-quarter", "on
  Monday"; not a report's day, "results on Monday showed");
* its **role**: level or change ("rose 5%", "a 25% rise", "up by 12 cents"; "rose to 5%" is
  a level), whole or part ("three of the nine", "including 300 children"), a rate ("a
  month", "per", "an average of") and its mode (hypothetical "could", planned "plans to",
  comparison "down from", "than");
* its **terms**: the content words around the figure, as ``numcheck.alignment.lexicon``
  compares them, and whether it sits in a list item, a table row or a "Label: figure" line.

The frame is computed once per document, with the subject key (``keys.subject_key``); a
conversion written beside its source ("(306 km)") takes the key and frame of its source, and
a bare count in brackets after a figure the key of an earlier one in its sentence ("29.7%
(129 seats), Syriza 26.9% (71)").
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Container
from collections.abc import Iterable
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from dataclasses import fields
from dataclasses import replace
from itertools import chain
from itertools import filterfalse
from itertools import islice
from typing import NamedTuple
from typing import TypeVar

from numcheck.alignment import lexicon
from numcheck.alignment.keys import head_of
from numcheck.alignment.keys import subject_key
from numcheck.alignment.keys import tables as subject_tables
from numcheck.extraction.claims import Anchors
from numcheck.extraction.claims import Claim
from numcheck.extraction.claims import Frame
from numcheck.extraction.claims import Role
from numcheck.extraction.sentences import LOOK_BACK
from numcheck.extraction.sentences import sentence_end
from numcheck.extraction.sentences import sentence_start
from numcheck.extraction.subjects import FUNCTION_WORDS
from numcheck.extraction.subjects import VERBS
from numcheck.reading.documents import Document

WINDOW = 8  # content terms on each side of a figure that make its context
EVENT_REACH = 8  # words on each side of a figure searched for its event
MODE_REACH = 12  # words before a figure searched for a mode cue
RATE_REACH = 4  # words after a figure (or its subject) searched for a rate
NAME_EVIDENCE = 60  # distinct lower-case words a text needs before case tells names apart
OWNER_REACH = 6  # words before a figure searched for the name it is said of
# Words that, between a name and a figure, attach the figure to something else.
# Words that open an introductory phrase ending in a comma, before the clause's subject.
_INTRODUCTIONS = frozenset(
    "with after before in on at for during since while when although though as by despite "
    "following according".split()
)
_PRONOUNS = frozenset("it they he she its their his her".split())
_AUXILIARIES = frozenset(
    "has have had is are was were will would could can may might must did does do".split()
)
_OWNER_BARRIERS = frozenset(
    "via by in on at for from of with into under over through about than as like".split()
)

# A word: letters, digits, "&" and "-", with a "’", "'" or "." inside it ("U.S", "don’t"), and
# a full stop after it; the runs of word characters written as such, which the engine reads
# in a tight loop.
_TOKEN = re.compile(r"[^\W\d_][\w&-]*(?:[’'.](?=\w)[\w&-]*)*\.?|\d[\d,.]*|[,;:()\[\]—–]|--")


def _case_free(source: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A pattern whose letters are lower-case ASCII, compiled for a text as written
    (IGNORECASE) and for its lowered copy (``_lowered``), where it runs about twice as fast
    without the flag."""
    return re.compile(source, re.IGNORECASE), re.compile(source)


# (Each break opens with its first character, which the engine skips ahead to.)
_CLAUSE_BREAK, _CLAUSE_BREAK_LOWERED = _case_free(
    r"[;,\s](?:(?<=;)|(?<=,)\s+(?=(?:and|but|while|whereas|although|though)\b)"
    r"|(?<=\s)(?=(?:but|whereas)\s))"
)
# "Bethlehem Steel Corp., which posted a 54% drop": the claim belongs to the name before.
_RELATIVE = re.compile(r",\s+(?:which|who|whose)\b", re.IGNORECASE)
# "The US believes that ...": the name before these is a source, not an owner; before the
# weaker ones only when "that" follows ("X reported earnings of" is X's own figure).
_ATTRIBUTION_VERBS = frozenset(
    "said says say believes believe believed thinks think thought told tells according "
    "states stated writes wrote suggests suggested".split()
)
_WEAK_ATTRIBUTION_VERBS = frozenset(
    "reported reports announced announces estimated estimates claimed claims confirmed "
    "confirms added adds noted notes warned warns".split()
)
_CAPITAL = re.compile(r"[A-Z]")
_NAME_WORD = re.compile(r"[A-Z][\w’'.&-]*")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9-]*[A-Z0-9]s?")
_NOT_OWNERS = frozenset({"US", "UK", "EU", "UN", "USA", "AM", "PM", "GMT", "UTC", "TV", "CEO"})
_NAME_JOINERS = frozenset({"of", "&", "de", "von", "van", "la", "del"})
_POSSESSIVE_BEFORE = re.compile(
    r"((?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)['’]s\s+(?:[a-z][\w-]*\s+){0,3}(?:of\s+)?\Z"
)
_PLACE_PREPOSITIONS = frozenset("in at near outside inside off across throughout".split())
_PLACE_GENERIC = frozenset(
    "region province state city county area district town village country capital "
    "north south east west northern southern eastern western central".split()
)
_NOT_VENUES = frozenset(
    "end start beginning time moment same least most rate cost price height age top bottom "
    "outset expense hands behest request risk level point close peak turn heart".split()
)
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_COUNTS = "first|second|third|fourth|nine|six|three|twelve"
_RELATIVES = r"(?:last|this|next|previous|past|coming|current)\s+"
_RELATIVE_SPANS = "year|month|week|season|quarter|decade|century|weekend|night|summer|winter|"
_RELATIVE_SPANS += "spring|autumn"
_AGO_COUNTS = r"(?:a|one|two|three|four|five|ten|twenty|\d+)\s+"
_AGO_SPANS = "years?|months?|weeks?|days?|decades?"
_DAYS = "yesterday|today|tonight|tomorrow"
_TIME_FORMS = (
    # A cheap test before trying every form: each begins with a digit or one of these letters.
    r"\b(?=[\dacdfjlmnopqstwy])"
    r"(?:(?P<season>(?:19|20)?\d\d[-–/](?:19|20)?\d\d)(?![\d-])"
    r"|(?P<year>(?:1[89]|20)\d\d)(?!\d|,\d)"
    r"|(?P<period>(?:" + _COUNTS + r"|\d+)[- ]months?"
    r"|(?:first|second) half|(?:the|full|fiscal) year)"
    r"|(?P<quarter>(?:first|second|third|fourth)[- ]quarter|q[1-4])"
    r"|(?P<month>" + "|".join(_MONTHS) + r")\b\.?"
    r"|(?P<weekday>" + "|".join(_WEEKDAYS) + r")"
    r"|(?P<day>" + _DAYS + ")"
    r"|(?P<relative>" + _RELATIVES + "(?:" + _RELATIVE_SPANS + "))"
    r"|(?P<ago>" + _AGO_COUNTS + "(?:" + _AGO_SPANS + r")\s+(?:ago|earlier|before|later))"
    r")\b"
)
_TIME, _TIME_LOWERED = _case_free(_TIME_FORMS)
# How each time form opens, looked at before the forms are tried one by one: most words open
# none. With it, a time after a character that is not part of a word (``_TimeIndex._find``).
_TIME_OPENINGS = [r"\d", "q[1-4]", *_MONTHS, *_WEEKDAYS, _DAYS, f"(?:{_COUNTS})[- ]"]
_TIME_OPENINGS += ["(?:the|full|fiscal) year", f"{_RELATIVES}(?:{_RELATIVE_SPANS})"]
_TIME_OPENINGS += [f"{_AGO_COUNTS}(?:{_AGO_SPANS})"]


@functools.cache
def _time_after_break(lowered: bool) -> re.Pattern[str]:
    """``_TIME`` (``lowered``: ``_TIME_LOWERED``) after a character that is not part of a
    word, compiled when first needed (it is long)."""
    source = r"\W(?=" + "|".join(_TIME_OPENINGS) + ")(?:" + _TIME_FORMS + ")"
    return re.compile(source) if lowered else re.compile(source, re.IGNORECASE)


_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|say|announced|reported|told|added|confirmed|stated)\s+(?:\w+\s+){0,2}\Z",
    re.IGNORECASE,
)
_LISTED_LINE = re.compile(  # matched at the start of a line
    r"\s*(?:[-*+•·–—]\s|\d{1,3}[.)]\s|\|"
    r"|[^\s:.][^:.\n]{0,40}?:\s)"
)
_ABBREVIATIONS = frozenset("corp. inc. co. ltd. bros. jr. sr. st. mt. ft. dr. mr. mrs. ms.".split())
_NOT_NAMES = FUNCTION_WORDS | frozenset(
    "however meanwhile still yet also now then instead nevertheless finally later today "
    "eventually only indeed overall first second third".split()
)
_SENTENCE_OPENERS = frozenset(
    "the a an this that these those it its he she they we i in on at for but and or if as "
    "while when after before since meanwhile however according some most many".split()
)


class _Token(NamedTuple):
    text: str
    lower: str
    start: int
    end: int


def frame_claims(
    document: Document, claims: Sequence[Claim], names: frozenset[str] | None = None
) -> list[Claim]:
    """``claims`` with their subject keys and frames; a conversion written beside its source
    takes the key and frame of its source. ``names``: the document's ``document_names``, when
    the caller has them. (What a frame reads outside its claim's paragraph is listed in
    ``numcheck.alignment.frame_cache``, which keeps frames between edits: keep the two in
    step.)"""
    if not claims:
        return []
    _forget_other_packs()
    reading = _Reading(document, names)
    framed: list[Claim] = []
    source: Claim | None = None
    bracketed: Claim | None = None  # the last "(129 seats)" after a figure in a sentence
    prose = document.prose
    for claim in claims:
        if claim.restates and source is not None:
            framed.append(_with_frame(claim, source.key, source.frame))
            continue
        frame = reading.frame(claim)  # one object for equal frames
        key = reading.shared(subject_key(claim, frame.event, prose))
        if source is not None and source.sentence == claim.sentence:
            coordinated = _coordinated_owner(prose, source, claim, frame)
            if coordinated is not frame:
                frame = reading.shared(coordinated)
            if key is None and bracketed is not None and bracketed.sentence == claim.sentence:
                key = _elided_key(prose, source, claim, bracketed)
        claim = _with_frame(claim, key, frame)
        framed.append(claim)
        if key is not None and source is not None and _bracketed_after(prose, source, claim):
            bracketed = claim
        source = claim
    return framed


# A claim's fields as its constructor takes them, read at once: ``dataclasses.replace``, which
# looks each field up by name, takes twice as long, for every claim of a run.
_CLAIM_FIELDS = [f.name for f in fields(Claim) if f.init]
_claim_values = operator.attrgetter(*_CLAIM_FIELDS)
_KEY, _FRAME = _CLAIM_FIELDS.index("key"), _CLAIM_FIELDS.index("frame")


def _with_frame(claim: Claim, key: str | None, frame: Frame | None) -> Claim:
    """``replace(claim, key=key, frame=frame)``."""
    values = list(_claim_values(claim))
    values[_KEY], values[_FRAME] = key, frame
    return Claim(*values)


# "30 per cent of the vote and 129 seats": the second figure of a pair joined by "and".
_AND_BETWEEN = re.compile(r"[^,;:()\n.!?]{0,40}\sand\s+\Z")


def _coordinated_owner(prose: str, before: Claim, claim: Claim, frame: Frame) -> Frame:
    """``frame``, given the owner of the figure ``before`` it when the two are joined by
    "and" in one clause and nothing names the second's own owner: "New Democracy party
    gaining 30 per cent of the vote and 129 seats" (both New Democracy's)."""
    first = before.frame
    if first is None or not first.anchors.owner or frame.anchors.names():
        return frame
    if not _AND_BETWEEN.match(prose, before.location.end, claim.location.start):
        return frame
    owner = first.anchors.owner
    taken = {lexicon.name_form(name) for name in owner}
    return replace(
        frame,
        anchors=replace(frame.anchors, owner=owner),
        participants=tuple(p for p in frame.participants if lexicon.name_form(p) not in taken),
        context_owner=False,
    )


_OPEN_BRACKET = re.compile(r"\s*\(\s*\Z")
_OPEN_BRACKET_AFTER_WORDS = re.compile(r"[^,;:()\n.!?]{0,30}\(\s*\Z")
_CLOSE_BRACKET = re.compile(r"\s*\)")


def _bracketed_after(prose: str, before: Claim, claim: Claim) -> bool:
    """Whether ``claim`` opens a bracket a few words after the figure ``before``: "29.7% of
    the vote (129 seats)"."""
    return bool(_OPEN_BRACKET_AFTER_WORDS.match(prose, before.location.end, claim.location.start))


def _in_brackets_after(prose: str, before: Claim, claim: Claim) -> bool:
    """Whether ``claim`` opens a bracket right after the figure ``before``: "29.7% (129
    seats)"."""
    return bool(_OPEN_BRACKET.match(prose, before.location.end, claim.location.start))


def _elided_key(prose: str, before: Claim, claim: Claim, bracketed: Claim) -> str | None:
    """The key of a bare count in brackets after a figure, in a sentence that gave an
    earlier such count its noun: "New Democracy has 29.7% (129 seats), Syriza 26.9% (71) and
    Pasok 12.3% (33)" counts seats three times."""
    if claim.subject or claim.dimension != "count" or bracketed.dimension != "count":
        return None
    if not _in_brackets_after(prose, before, claim):
        return None
    return bracketed.key if _CLOSE_BRACKET.match(prose, claim.location.end) else None


def document_names(prose: str) -> frozenset[str]:
    """The capitalised words of a text that are names: those that stand inside a sentence
    somewhere, and, in a text long enough to tell (``NAME_EVIDENCE`` lower-case words or
    more), those never written in lower case, so that a sentence-initial "Arsenal" or
    "Canepa" counts as a name and a sentence-initial "Sales" does not."""
    names = _Names(prose)
    return frozenset(word for word in names.listing()[1] if word in names)


class _Names:
    """``word in names`` for the names of a text (``document_names``), for a reader that
    asks about a few words (the first words of the sentences with figures): where and how
    each is written is looked up for the words asked about only (once each), not by listing
    every capitalised and lower-case word of the text."""

    def __init__(self, prose: str) -> None:
        self.prose = prose
        self.lower = _LowerWords(prose)
        self.known: dict[object, bool] = {}
        self.listed: tuple[set[str], set[str]] | None = None  # when a look is unsure

    def listing(self) -> tuple[set[str], set[str]]:
        """The capitalised words written inside a sentence, and all the capitalised words."""
        if self.listed is None:
            prose = self.prose
            inside = {_bare_name(word) for word in set(_CAPITALISED_INSIDE.findall(prose))}
            self.listed = inside, inside | set(map(_bare_name, _CAPITALISED_WORD.findall(prose)))
        return self.listed

    def __contains__(self, word: object) -> bool:
        known = self.known.get(word)
        if known is None:
            known = self.known[word] = self._is_name(word)
        return known

    def _is_name(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        inside, capitalised = self._written(word)
        if inside:
            return True
        lowered = word.lower()
        return (
            capitalised
            and lowered not in _NOT_NAMES
            and self.lower.enough()
            and lowered not in self.lower
        )

    def _written(self, word: str) -> tuple[bool, bool]:
        """Whether ``word`` is, as ``listing`` lists them, a capitalised word written inside a
        sentence, and a capitalised word: a match of ``_CAPITALISED_WORD`` that begins with it
        and is it without a possessive (``_bare_name``), after a space after a lower-case
        letter, a comma or a semicolon for the first. No match of it can begin inside another
        but after a "&" ("AT&T"): there the listing decides."""
        if self.listed is not None:
            return word in self.listed[0], word in self.listed[1]
        if not "A" <= word[:1] <= "Z":
            return False, False
        prose = self.prose
        capitalised = False
        at = prose.find(word)
        while at >= 0:
            found = _CAPITALISED_WORD.match(prose, at)
            if found is not None and _bare_name(found.group()) == word:
                if prose[at - 1 : at] == "&":
                    inside, listed = self.listing()
                    return word in inside, word in listed
                capitalised = True
                if at >= 2 and prose[at - 1] == " " and _INSIDE_AFTER.match(prose, at - 2):
                    return True, True
            at = prose.find(word, at + 1)
        return False, capitalised


class _LowerWords:
    """Whether a text writes a word in lower case (``word in``: a match of ``_LOWER_WORD``,
    as ``set(_LOWER_WORD.findall(text))`` holds it), found by looking for that word alone."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.many: bool | None = None  # whether it writes NAME_EVIDENCE words, once counted
        self.listed: set[str] | None = None  # every lower-case word, when a look is unsure

    def enough(self) -> bool:
        """Whether the text writes ``NAME_EVIDENCE`` different words in lower case."""
        if self.many is None:
            seen: set[str] = set()
            for word in _LOWER_WORD.finditer(self.text):
                seen.add(word.group())
                if len(seen) >= NAME_EVIDENCE:
                    break
            self.many = len(seen) >= NAME_EVIDENCE
        return self.many

    def __contains__(self, word: str) -> bool:
        if not _LOWER_WORD.fullmatch(word):
            return False
        text = self.text
        at = text.find(word)
        while at >= 0:
            found = _LOWER_WORD.match(text, at)
            if found is not None and found.end() == at + len(word):
                if text[at - 1 : at] != "-":
                    return True
                # After a hyphen the word may be the end of a longer one ("long-term").
                if self.listed is None:
                    self.listed = set(_LOWER_WORD.findall(text))
                return word in self.listed
            at = text.find(word, at + 1)
        return False


@functools.lru_cache(maxsize=65_536)  # the names of one story come back in every article
def _bare_name(word: str) -> str:
    return word.rstrip(".’'").removesuffix("’s").removesuffix("'s")


# A word's first letter, then a look behind it at the character before: a pattern that opens
# with a set of letters lets the search skip ahead to them.
_LOWER_WORD = re.compile(r"[a-z](?<![\w’'][a-z])[a-z’'-]*")
_CAPITALISED_WORD = re.compile(r"[A-Z](?<![\w’'.-][A-Z])[\w’'.&-]*")
# "the Arsenal", "it, Canepa": the space first, so that a search skips ahead to spaces.
_CAPITALISED_INSIDE = re.compile(r" (?<=[a-z,;] )([A-Z][\w’'.&-]*)")
_INSIDE_AFTER = re.compile(r"[a-z,;]")  # the character before the space before a word inside


@dataclass(slots=True)
class _Sentence:
    """One sentence, read once for all its claims, and only as far as a frame needs it (a
    claim read like one framed before needs neither its words nor, when it has times, its
    times): its tokens, their terms, its times."""

    first: int
    last: int
    read: bool = False  # whether the fields up to ``capitalised`` are read
    tokens: list[_Token] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    terms: list[tuple[str, ...]] = field(default_factory=list)
    first_word: int = 0
    capitalised: bool = False  # whether a capital letter is written in it: else no word is a name
    times: list[tuple[int, int, str]] | None = None  # start, end, form of each not of a report
    previous_times: tuple[str, ...] | None = None  # those of the sentence before, once read
    all_terms: frozenset[str] | None = None  # every term of the sentence, once read


_Value = TypeVar("_Value")

READ_AROUND = 40  # characters past a sentence's end a frame may read (and one before it)
_MADE = 4_096  # frames kept for claims read alike, at most
_KEPT = 65_536  # values kept to give equal ones one object, at most


class _Alike(NamedTuple):
    """Everything a claim's frame is read from but the sentence before (whose times a
    sentence without its own takes) and the document's names: two claims alike get equal
    frames. A frame reads its sentence (as far as ``_Sentence.last``, which may reach past
    the claim's own sentence end ``last``) and, around it, the character before (a word's
    edge, the letter before an acronym) and up to ``READ_AROUND`` characters after (the
    words after a day, the first letter of a short sentence); offsets count from the
    sentence's start."""

    text: str
    first: int  # where the sentence starts in ``text``
    start: int
    end: int
    last: int
    sentence_last: int
    subject: str | None
    dimension: str
    listed: bool

    @classmethod
    def of(cls, prose: str, claim: Claim, sentence: _Sentence, last: int, listed: bool) -> _Alike:
        first = sentence.first
        low = max(0, first - 1)
        location = claim.location
        return tuple.__new__(  # without the generated constructor's Python frame
            cls,
            (
                prose[low : sentence.last + READ_AROUND],
                first - low,
                location.start - first,
                location.end - first,
                last - first,
                sentence.last - first,
                claim.subject,
                claim.dimension,
                listed,
            ),
        )


class _Reading:
    """The frames of one document's claims, read in order of position.

    Text with no sentence end the frames can see (a script with no capital letters, a
    phrase repeated with no full stop) gives each claim a sentence of its own, reaching
    ``LOOK_BACK`` characters on either side, and those sentences overlap: each is made from
    the one before (its tokens and times kept, only its edges read again), and only the
    sentences a later claim can still reach are kept, so the work and the memory of a
    document grow with its length, never with the number of its claims times their reach."""

    def __init__(self, document: Document, names: frozenset[str] | None = None) -> None:
        self.prose = document.prose
        self.names: Container[str] = _Names(document.prose) if names is None else names
        self.sentences: dict[int, _Sentence] = {}  # by where they begin, in that order
        self.latest: _Sentence | None = None
        self.lowered = _lowered(document.prose)
        self.times = _TimeIndex(document.prose, self.lowered)
        self.lines = _Lines(document.source)
        self.kept: dict[object, object] = {}  # one of each value of a frame's parts
        self.made: dict[_Alike, Frame] = {}  # the frames made, by what they were read from
        # One object for equal anchors and frames, found by their fields (tuples of strings
        # and sets, which hash without calling Python code, as the frozen classes do).
        self.anchors: dict[tuple, Anchors] = {}
        self.frames: dict[tuple, Frame] = {}

    def frame(self, claim: Claim) -> Frame:
        """The frame of ``claim``, made once for all the claims that read the same (``_Alike``):
        text that repeats itself (a table of like rows, a phrase said over and over) frames each
        different stretch once."""
        start, end = claim.location.start, claim.location.end
        first = claim.sentence  # where extraction found its sentence to begin
        last = max(end, sentence_end(self.prose, end))
        sentence = self._sentence(first, last)
        listed = self.lines.listed(start)
        alike = _Alike.of(self.prose, claim, sentence, last, listed)
        frame = self.made.get(alike)
        if frame is None:
            if len(self.made) >= _MADE:
                self.made.clear()
            if len(self.frames) >= _KEPT:
                self.frames.clear()
                self.anchors.clear()
            frame = self.made[alike] = self._make(claim, sentence, last, listed)
        elif not frame.anchors.time:  # the times of the sentence before stand in for its own
            context_time = self._previous_times(sentence)
            if context_time != frame.context_time:
                frame = self.shared(replace(frame, context_time=context_time))
        return frame

    def _make(self, claim: Claim, sentence: _Sentence, last: int, listed: bool) -> Frame:
        prose, names = self.prose, self.names
        start, end = claim.location.start, claim.location.end
        first = sentence.first
        self._read_words(sentence)
        tokens = sentence.tokens
        before_end = bisect.bisect_left(sentence.starts, start)
        while before_end > 0 and tokens[before_end - 1].end > start:
            before_end -= 1
        after_start = bisect.bisect_left(sentence.starts, end)
        clause_start, clause_end = (
            _clause(prose, _CLAUSE_BREAK, first, last, start, end)
            if self.lowered is None
            else _clause(self.lowered, _CLAUSE_BREAK_LOWERED, first, last, start, end)
        )
        clause_first = bisect.bisect_left(sentence.starts, clause_start)
        clause_last = bisect.bisect_left(sentence.starts, clause_end)
        while clause_last > after_start and tokens[clause_last - 1].end > clause_end:
            clause_last -= 1
        clause_before = tokens[clause_first:before_end]
        clause_after = tokens[after_start:clause_last]
        event = _event(clause_before, clause_after, claim.subject)
        named = _named(claim)
        owners = (  # an owner is a name, an acronym or a possessive: each has a capital
            _owners(prose, claim, clause_start, sentence, clause_before, names)
            if sentence.capitalised
            else ()
        )
        times = _times_within(self._times(sentence), clause_start, clause_end, start, end)
        anchored = (named, owners, _places(clause_before, clause_after, named + owners), times)
        anchors = self.anchors.get(anchored)
        if anchors is None:
            anchors = self.anchors[anchored] = Anchors(*anchored)
        terms = sentence.terms
        before_terms = _terms_before(terms, clause_first, before_end)
        after_terms = _terms_after(terms, after_start, clause_last)
        role = _role(clause_before, clause_after, per=" / " in claim.dimension)
        fields = (
            event,
            anchored,
            (role.measure, role.scope, role.rate, role.mode),
            self.shared(frozenset(before_terms + after_terms)),
            self._all_terms(sentence),
            listed,
            () if times else self._previous_times(sentence),
            _participants(clause_before + clause_after, names, anchors, sentence.first_word)
            if sentence.capitalised
            else (),
            not named + owners and _pronoun_before(clause_before[-OWNER_REACH:]),
        )
        frame = self.frames.get(fields)
        if frame is None:
            frame = self.frames[fields] = Frame(event, anchors, role, *fields[3:])
        return frame

    def _sentence(self, first: int, last: int) -> _Sentence:
        sentence = self.sentences.get(first)
        if sentence is not None and sentence.last >= last:
            return sentence
        sentence = self.sentences[first] = _Sentence(first, last)
        # A later claim's sentence begins here or after, and the sentence before it (for its
        # times) at most LOOK_BACK characters earlier: those before that are done with.
        reach = first - LOOK_BACK - 1
        while self.sentences:
            oldest = next(iter(self.sentences))
            if oldest >= reach:
                break
            del self.sentences[oldest]
        self.times.forget_before(reach - LOOK_BACK)
        return sentence

    def _read_words(self, sentence: _Sentence) -> None:
        """Read the tokens of ``sentence``, their terms, where its first word starts and
        whether it writes a capital."""
        if sentence.read:
            return
        prose, first, last = self.prose, sentence.first, sentence.last
        sentence.tokens, sentence.starts, sentence.terms = _overlapping_tokens(
            prose, first, last, self.latest
        )
        sentence.first_word = _first_word_start(prose, first)
        sentence.capitalised = _CAPITAL.search(prose, first, last) is not None
        sentence.read = True
        self.latest = sentence

    def _times(self, sentence: _Sentence) -> list[tuple[int, int, str]]:
        if sentence.times is None:
            first = sentence.first
            sentence.times = _sentence_times(
                self.prose, first, self.times.within(first, sentence.last)
            )
        return sentence.times

    def _all_terms(self, sentence: _Sentence) -> frozenset[str]:
        if sentence.all_terms is None:
            sentence.all_terms = self.shared(frozenset().union(*sentence.terms))
        return sentence.all_terms

    def shared(self, value: _Value) -> _Value:
        """One object for equal values (a key, a role, a set of terms, a whole frame), so
        that the claims of a document that say alike keep one copy."""
        if len(self.kept) > _KEPT:
            self.kept.clear()
        return self.kept.setdefault(value, value)  # type: ignore[return-value]

    def _previous_times(self, sentence: _Sentence) -> tuple[str, ...]:
        """The times named in the sentence before ``sentence``, in the same paragraph: a
        sentence with no time of its own usually speaks of that one."""
        if sentence.previous_times is None:
            sentence.previous_times = self._times_before(sentence.first)
        return sentence.previous_times

    def _times_before(self, first: int) -> tuple[str, ...]:
        prose = self.prose
        if first <= 0:
            return ()
        previous = sentence_start(prose, first - 1)
        if _BLANK_LINE.search(prose, previous, first):
            return ()
        known = self.sentences.get(previous)
        times = (
            self._times(known)
            if known is not None
            else _sentence_times(prose, previous, self.times.within(previous, first))
        )
        return tuple(dict.fromkeys(form for _, _, form in times))


def _overlapping_tokens(
    prose: str, first: int, last: int, before: _Sentence | None
) -> tuple[list[_Token], list[int], list[tuple[str, ...]]]:
    """The tokens of ``prose[first:last]``, where they start and their terms, those of the
    part it shares with the sentence ``before`` taken from that one. No token holds a space,
    so the tokens between the first space of a stretch and its last are the same whatever
    the stretch's edges: only the edges are read again."""
    if before is not None and before.first < first < before.last:
        low = prose.find(" ", first, last)
        high = prose.rfind(" ", first, min(last, before.last))
        if 0 <= low <= high:
            lower = bisect.bisect_left(before.starts, low)
            upper = bisect.bisect_left(before.starts, high)
            head, head_starts, head_terms = _read_tokens(prose, first, low)
            tail, tail_starts, tail_terms = _read_tokens(prose, high, last)
            return (
                head + before.tokens[lower:upper] + tail,
                head_starts + before.starts[lower:upper] + tail_starts,
                head_terms + before.terms[lower:upper] + tail_terms,
            )
    return _read_tokens(prose, first, last)


class _TimeIndex:
    """The times of a text: ``within(first, last)`` gives what
    ``_TIME.finditer(prose, first, last)`` gives. A stretch that overlaps neither of the two
    read before it is read alone (sentences of prose: only those with claims are read); the
    others (the overlapping sentences of text without sentence ends), and all once the
    stretches read alone add up to the text's length, are taken from the matches of the
    whole text, found in one pass, away from the stretch's edges (where they cannot differ)
    and read again near its end. Matches behind the claims read so far are let go."""

    EDGE = 40  # characters before the end of a stretch read again (every time is shorter)

    def __init__(self, prose: str, lowered: str | None) -> None:
        self.prose = prose
        self.pattern, self.text = (_TIME, prose) if lowered is None else (_TIME_LOWERED, lowered)
        self.after_break = _time_after_break(lowered is not None)
        self.times = _Found(self.pattern, self.text)
        self.runs = _Found(_LONG_RUN, prose)
        self.recent: list[tuple[int, int]] = []  # the last two stretches read alone
        self.budget = len(prose)  # characters left to read alone

    def _alone(self, first: int, last: int) -> bool:
        """Whether to read a stretch alone (and count it as read)."""
        if last - first > self.budget or any(a < last and first < b for a, b in self.recent):
            return False
        self.budget -= last - first
        self.recent = [*self.recent[-1:], (first, last)]
        return True

    def forget_before(self, offset: int) -> None:
        self.times.forget_before(offset)
        self.runs.forget_before(offset)

    def within(self, first: int, last: int) -> list[re.Match[str]]:
        """The times of ``prose[first:last]``, matched in ``self.text`` (same offsets)."""
        times, runs = self.times, self.runs
        if (
            self._alone(first, last)
            or first < times.forgotten + LOOK_BACK
            or runs.any_between(first - 16, last)
        ):
            return self._find(first, last)
        times.read_to(last)
        low = bisect.bisect_left(times.starts, first)
        if low > 0 and times.matches[low - 1].end() > first:
            return self._find(first, last)  # a time across the start
        edge = max(first, last - self.EDGE)
        high = bisect.bisect_left(times.starts, edge, low)
        if high > low and times.matches[high - 1].end() > edge:
            high -= 1
            edge = times.matches[high].start()  # a time across the edge: read it again
        return times.matches[low:high] + self._find(edge, last)

    def _find(self, first: int, last: int) -> list[re.Match[str]]:
        """``list(self.pattern.finditer(self.text, first, last))``. A time opens a word: it begins
        where the one before it ended, or after a character that is not part of a word,
        which ``self.after_break`` (the pattern after such a character) lets the engine skip
        ahead to, instead of trying the pattern at every character."""
        pattern, after_break, text = self.pattern, self.after_break, self.text
        times = []
        at = first
        while at < last:
            time = pattern.match(text, at, last)
            if time is None:
                found = after_break.search(text, at, last)
                if found is None:
                    break
                time = pattern.match(text, found.start() + 1, last)
                assert time is not None  # the same pattern at the same place
            times.append(time)
            at = time.end()
        return times


def _lowered(prose: str) -> str | None:
    """``prose`` lowered, at the same offsets, for the patterns of ``_case_free``: None when
    lowering does not match the way IGNORECASE compares (a different length, so an "İ"; an
    "ı" or "ſ", which IGNORECASE takes for "i" and "s"). Lowering keeps every other
    character a word character, a digit or a space as it was."""
    lowered = prose.lower()
    if len(lowered) != len(prose) or "ı" in lowered or "ſ" in lowered:
        return None
    return lowered


class _Found:
    """The matches of a pattern in a whole text, found as far as they are asked for; those
    before an offset can be let go."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.found = pattern.finditer(text)
        self.matches: list[re.Match[str]] = []
        self.starts: list[int] = []
        self.done = False
        self.forgotten = 0  # matches that begin before this offset were let go

    def read_to(self, offset: int) -> None:
        """Find the matches that begin before ``offset`` and the one after."""
        while not self.done and (not self.starts or self.starts[-1] <= offset):
            match = next(self.found, None)
            if match is None:
                self.done = True
            else:
                self.matches.append(match)
                self.starts.append(match.start())

    def any_between(self, first: int, last: int) -> bool:
        self.read_to(last)
        index = bisect.bisect_left(self.starts, first)
        return index < len(self.starts) and self.starts[index] < last

    def forget_before(self, offset: int) -> None:
        keep = bisect.bisect_left(self.starts, offset)
        if keep > 256:
            del self.matches[:keep]
            del self.starts[:keep]
            self.forgotten = offset


# A run of spaces or digits a time could stretch across ("last      year"), which could reach
# from far before a stretch's end to past it: a stretch with one is read whole.
_LONG_RUN = re.compile(r"\s{8}|\d{16}")


class _Lines:
    """Whether a claim's line is a list item, a table row or a "Label: figure" line, for
    claims asked about in order of position: each line's start and first "|" are found
    once, so a file of one long line costs no more than one of many lines."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.start = 0  # the start of the line of the offset asked about last
        self.asked = 0  # the offset asked about last
        self.bar = -2  # the first "|" of that line (-1: none; -2: not looked for)

    def listed(self, offset: int) -> bool:
        source = self.source
        if offset < self.asked:
            self.start, self.bar = source.rfind("\n", 0, offset) + 1, -2
        else:
            newline = source.rfind("\n", self.asked, offset)
            if newline >= 0:
                self.start, self.bar = newline + 1, -2
        self.asked = offset
        if self.bar == -2:
            end = source.find("\n", self.start)
            self.bar = source.find("|", self.start, len(source) if end < 0 else end)
        if 0 <= self.bar < offset:
            return True
        return bool(_LISTED_LINE.match(source, self.start, offset))


def _tokens(prose: str, start: int, end: int) -> list[_Token]:
    return _read_tokens(prose, start, end)[0]


def _read_tokens(
    prose: str, start: int, end: int
) -> tuple[list[_Token], list[int], list[tuple[str, ...]]]:
    """The tokens of ``prose[start:end]``, where they start and their terms (each list made
    by ``map`` over functions written in C, with no Python frame a token)."""
    matches = list(_TOKEN.finditer(prose, start, end))
    texts = list(map(_first, matches))
    starts = list(map(re.Match.start, matches))
    words = list(map(_WORDS.__getitem__, texts))
    ends = map(re.Match.end, matches)
    tokens = list(map(_new_token, zip(texts, map(_first, words), starts, ends, strict=True)))
    return tokens, starts, list(map(_second, words))


# _Token((text, lower, start, end)) without the generated constructor's Python frame.
_new_token = functools.partial(tuple.__new__, _Token)
_first, _second = operator.itemgetter(0), operator.itemgetter(1)
_lower = operator.itemgetter(1)  # a token's lower-case form


def _terms_before(terms: list[tuple[str, ...]], first: int, end: int) -> list[str]:
    """The last ``WINDOW`` terms of the tokens ``first`` to ``end``."""
    found = list(islice(chain.from_iterable(map(reversed, reversed(terms[first:end]))), WINDOW))
    found.reverse()
    return found


def _terms_after(terms: list[tuple[str, ...]], start: int, end: int) -> list[str]:
    """The first ``WINDOW`` terms of the tokens ``start`` to ``end``."""
    return list(islice(chain.from_iterable(islice(terms, start, end)), WINDOW))


def _clause(
    text: str, breaks: re.Pattern[str], first: int, last: int, start: int, end: int
) -> tuple[int, int]:
    """The clause around the claim: the sentence cut at semicolons and at ", and", ", which"
    and their kin (``breaks``, a pattern of ``_CLAUSE_BREAK`` for ``text``, the prose or its
    lowered copy)."""
    clause_start, clause_end = first, last
    for found in breaks.finditer(text, first, last):
        if found.end() <= start:
            clause_start = found.end()
        elif found.start() >= end:
            clause_end = found.start()
            break
    return clause_start, clause_end


class _TokenWords(dict[str, tuple[str, tuple[str, ...]]]):
    """The lower-case form and the terms of each token text read so far (looked up as
    ``_WORDS[text]``), for the frame tables they were read with."""

    def __missing__(self, text: str) -> tuple[str, tuple[str, ...]]:
        if len(self) > 65_536:
            self.clear()
        found = self[text] = (text.lower().rstrip("."), _read_terms(text))
        return found


_WORDS = _TokenWords()
_READ_WITH: list[object] = []  # the tables of the rule packs _WORDS and _modifiers were read with


def _forget_other_packs() -> None:
    """Forget the terms and modifiers read with rule packs other than the current ones."""
    current = [lexicon.tables(), subject_tables()]
    if [id(tables) for tables in _READ_WITH] != [id(tables) for tables in current]:
        _WORDS.clear()
        _modifiers.cache_clear()
        _READ_WITH[:] = current


def _read_terms(text: str) -> tuple[str, ...]:
    """The content terms of one token ("deep-strike" gives two)."""
    found = []
    for part in text.split("-"):
        value = lexicon.term(part) if part[:1].isalpha() else None
        if value is not None:
            found.append(value)
    return tuple(found)


def _event(before: Sequence[_Token], after: Sequence[_Token], subject: str | None) -> str | None:
    """The event word nearest the figure, before or after it, in its clause; the words of
    the claim's own subject count only when no other word names an event ("45 protesters
    were arrested" is an arrest, "5,000 deaths" a killing)."""
    own = _lowered_words(subject) if subject else frozenset()
    near_before, near_after = before[-EVENT_REACH:], after[:EVENT_REACH]
    if not own or not any(token.lower in own for token in chain(near_before, near_after)):
        return _nearest_event(near_before, near_after) or None
    others_before = islice((t for t in reversed(before) if t.lower not in own), EVENT_REACH)
    others_after = islice((t for t in after if t.lower not in own), EVENT_REACH)
    found = _nearest_event(list(others_before)[::-1], list(others_after))
    return found or _nearest_event(near_before, near_after)


@functools.lru_cache(maxsize=65_536)
def _lowered_words(text: str) -> frozenset[str]:
    return frozenset(word.lower() for word in text.split())


def _nearest_event(before: Sequence[_Token], after: Sequence[_Token]) -> str | None:
    tables = lexicon.tables()
    events = tables.events
    longest = tables.longest_event
    firsts, lasts = _event_edges(tables)
    best: tuple[int, str] | None = None
    near_before = list(map(_lower, before[-EVENT_REACH:]))
    near_after = list(map(_lower, after[:EVENT_REACH]))
    # Only where an event phrase begins (after the figure) or ends (before it).
    for index in [i for i, word in enumerate(near_after) if word in firsts]:
        for size in range(min(longest, len(near_after) - index), 0, -1):
            found = events.get(tuple(near_after[index : index + size]))
            if found is not None:
                best = (index, found)
                break
        if best is not None:
            break
    for index in [i for i in range(len(near_before) - 1, -1, -1) if near_before[i] in lasts]:
        distance = len(near_before) - 1 - index
        if best is not None and distance >= best[0]:
            break
        for size in range(min(longest, index + 1), 0, -1):
            found = events.get(tuple(near_before[index - size + 1 : index + 1]))
            if found is not None:
                best = (distance, found)
                break
        if best is not None and best[0] == distance:
            break
    return best[1] if best else None


_EDGES: list[tuple[lexicon.FrameTables, frozenset[str], frozenset[str]]] = []


def _event_edges(tables: lexicon.FrameTables) -> tuple[frozenset[str], frozenset[str]]:
    """The words event phrases begin with and those they end with."""
    if not _EDGES or _EDGES[0][0] is not tables:
        firsts = frozenset(phrase[0] for phrase in tables.events)
        lasts = frozenset(phrase[-1] for phrase in tables.events)
        _EDGES[:] = [(tables, firsts, lasts)]
    return _EDGES[0][1], _EDGES[0][2]


def _owners(
    prose: str,
    claim: Claim,
    clause_start: int,
    sentence: _Sentence,
    clause_before: Sequence[_Token],
    names: Container[str],
) -> tuple[str, ...]:
    owners: list[str] = []
    sentence_first = sentence.first
    start = claim.location.start
    means = _means_end(clause_before)
    if means is not None:  # "The OS is controlled via a 5.1-inch screen": not the OS's screen
        clause_before = [t for t in clause_before if t.start >= means]
        clause_start = max(clause_start, means)
    reach = sentence_first if means is None else max(sentence_first, means)
    window = max(reach, start - 80)
    possessive = (  # a possessive needs an "'s": a cheap test before the pattern
        _POSSESSIVE_BEFORE.search(prose, window, start)
        if prose.find("'s", window, start) >= 0 or prose.find("’s", window, start) >= 0
        else None
    )
    if possessive and not _TIME.fullmatch(possessive.group(1).lower()):
        owners.append(re.sub(r"^(?:The|A|An)\s+", "", possessive.group(1)))
    if claim.dimension not in ("count", "percent", "currency"):
        acronym = _acronym_before(prose, reach, start)
        if acronym:
            owners.append(acronym)
    subject = _clause_subject(prose, clause_start, sentence, clause_before, names)
    if subject:
        owners.append(subject)
    seen: dict[str, str] = {}
    for owner in owners:
        seen.setdefault(lexicon.name_form(owner), " ".join(owner.split()))
    return tuple(seen.values())


def _means_end(clause_before: Sequence[_Token]) -> int | None:
    """Where the last word of ``means`` (``rules/frames.yaml``) before a figure in its clause
    ends: what the figure measures is the means ("controlled via a 5.1-inch screen", "add
    128GB through a microSD card"), so no name before it owns the figure. None without one."""
    means = lexicon.tables().means
    for token in reversed(clause_before):
        if token.lower in means:
            return token.end
    return None


def _named(claim: Claim) -> tuple[str, ...]:
    """The capitalised modifiers of the claim's subject: "North Korean" in "North Korean
    troops"."""
    return _modifiers(claim.subject) if claim.subject else ()


@functools.lru_cache(maxsize=65_536)
def _modifiers(subject: str) -> tuple[str, ...]:
    return tuple(head_of(subject)[1])


def _acronym_before(prose: str, first: int, start: int) -> str | None:
    """The nearest acronym before a measure in its sentence: what it belongs to ("ATACMS")."""
    for found in reversed(list(_ACRONYM.finditer(prose, first, start))):
        name = found.group()
        bare = name[:-1] if name.endswith("s") and name[:-1].isupper() else name
        if len(bare) >= 3 and bare not in _NOT_OWNERS and not bare.isdigit():
            before = prose[found.start() - 1 : found.start()]
            if not before.isalnum():
                return bare
    return None


def _clause_subject(
    prose: str,
    clause_start: int,
    sentence: _Sentence,
    clause_before: Sequence[_Token],
    names: Container[str],
) -> str | None:
    """The name the claim's clause says it of: the name a relative clause hangs on
    ("Bethlehem Steel Corp., which posted a 54% drop"), else the nearest name before the
    figure with nothing between that ties the figure to something else ("North Korea has
    sent about 3,000"; not "The OS is controlled via a 5.1-inch screen"), else the name that
    opens the clause before a verb ("Pasok placed third in the voting, with 33 seats"). Never
    a place ("in Kursk"), a time ("Wednesday") or a source a report is credited to ("The US
    believes that ...")."""
    start = clause_before[-1].end if clause_before else clause_start
    relatives = list(_RELATIVE.finditer(prose, clause_start, start))
    if relatives:
        where = relatives[-1].start()
        preceding = _tokens(prose, max(sentence.first, where - 80), where)
        return _name_run_ending(preceding, names, sentence.first)
    first_word = sentence.first_word
    return _nearest_name(clause_before[-OWNER_REACH:], names, first_word) or _opening_name(
        clause_before, names, first_word
    )


def _nearest_name(window: Sequence[_Token], names: Container[str], first_word: int) -> str | None:
    if len(window) > 1 and window[-1].text == "(":  # "Fulham (£40m), Leeds United (£34m)"
        window = window[:-1]
    for index in range(len(window) - 1, -1, -1):
        token = window[index]
        if token.lower in _OWNER_BARRIERS or token.text in (",", ";", ":", "(", ")"):
            return None
        if not _is_name(token, names, token.start == first_word):
            continue
        run_start = index
        while run_start > 0 and (
            _is_name(window[run_start - 1], names, False)  # "North" before "Korea"
            or window[run_start - 1].lower in _NAME_JOINERS
        ):
            run_start -= 1
        while window[run_start].lower in _NAME_JOINERS:
            run_start += 1
        before = window[run_start - 1].lower if run_start > 0 else ""
        if before in _PLACE_PREPOSITIONS or before in ("to", "from", "into", "on", "via"):
            return None  # "in Kursk", "to Russia", "on LTE": a place or a means
        if _credited(window[index + 1 : index + 3]):
            return None
        return _without_possessive(" ".join(t.text for t in window[run_start : index + 1]))
    return None


def _pronoun_before(window: Sequence[_Token]) -> bool:
    """Whether a pronoun stands for the figure's owner ("Officials now say it sent 3,000")."""
    for token in reversed(window):
        if token.lower in _OWNER_BARRIERS or token.text in (",", ";", ":", "(", ")"):
            return False
        if token.lower in _PRONOUNS:
            return True
    return False


def _opening_name(
    clause_before: Sequence[_Token], names: Container[str], first_word: int
) -> str | None:
    tokens = clause_before
    skip = 0
    if tokens and tokens[0].lower in _INTRODUCTIONS:
        comma = next((i for i, t in enumerate(tokens[:12]) if t.text == ","), None)
        if comma is not None:
            skip = comma + 1  # "With almost all ballots counted, New Democracy has"
    # Two openers, a name of six words and the two words after it: ten words at most.
    words = list(islice((t for t in islice(tokens, skip, None) if t.text[:1].isalpha()), 10))
    index = 0
    while index < min(2, len(words)) and words[index].lower in _SENTENCE_OPENERS:
        index += 1
    if not any("A" <= word.text[:1] <= "Z" for word in words[index : index + 3]):
        return None  # a name opens within two modifiers, and every name word has a capital
    rest = _after_modifiers(words[index:], names, first_word)
    if not rest:
        return None
    run = _name_run(rest, names, rest[0].start == first_word)
    if run is None:
        return None
    following = rest[len(run.split()) : len(run.split()) + 3]
    if following and following[0].lower in lexicon.tables().owner_nouns:
        following = following[1:]  # "the Socialist PASOK party came in third with 33 seats"
    if not following or not _looks_like_verb(following[0].text) or _credited(following):
        return None
    return run


def _after_modifiers(
    words: Sequence[_Token], names: Container[str], first_word: int
) -> Sequence[_Token]:
    """``words`` past up to two lower-case modifiers before a name ("the pro-bailout
    Socialist PASOK party", "the far-right Golden Dawn party"), when a name follows them."""
    for skip in range(min(2, len(words) - 1) + 1):
        if skip and not _modifier(words[skip - 1].text):
            break
        if _is_name(words[skip], names, words[skip].start == first_word):
            return words[skip:]
    return words


def _modifier(word: str) -> bool:
    lowered = word.lower()
    return (
        word.islower()
        and lowered not in FUNCTION_WORDS
        and lowered not in _AUXILIARIES
        and lowered not in VERBS
        and not lowered.endswith(("ed", "ing"))
    )


def _looks_like_verb(word: str) -> bool:
    lowered = word.lower()
    return word.islower() and (
        lowered in _AUXILIARIES or lowered in VERBS or lowered.endswith(("ed", "s"))
    )


def _without_possessive(name: str) -> str:
    """A name as written, without a possessive or a sentence's full stop ("UK." but not
    "Corp." or "U.S.")."""
    last = name.rsplit(None, 1)[-1] if name.strip() else ""
    if last.endswith(".") and last.count(".") == 1 and last.lower() not in _ABBREVIATIONS:
        name = name[:-1]
    return name.removesuffix("’s").removesuffix("'s")


def _credited(following: Sequence[_Token]) -> bool:
    """Whether a name followed by these words is a source a report is credited to ("The US
    believes that"), not one that speaks of itself ("The Treasury said it plans to sell")."""
    words = [t.lower for t in following]
    if not words:
        return False
    if words[0] in _ATTRIBUTION_VERBS:
        return words[1:2] not in (["it"], ["its"], ["they"], ["he"], ["she"])
    return words[0] in _WEAK_ATTRIBUTION_VERBS and words[1:] == ["that"]


def _first_word_start(prose: str, first: int) -> int:
    found = _LETTER.search(prose, first, first + 40)
    return found.start() if found else first


_LETTER = re.compile(r"[^\W\d_]")


def _is_name(token: _Token, names: Container[str], sentence_initial: bool) -> bool:
    if not "A" <= token.text[:1] <= "Z":  # as ``_NAME_WORD`` says, cheaply
        return False
    bare = _name_word(token.text)
    if bare is None:
        return False
    if not sentence_initial:
        return True
    return (
        bare in names or bool(_ACRONYM.fullmatch(bare)) or token.lower in lexicon.tables().demonyms
    )


@functools.lru_cache(maxsize=65_536)
def _name_word(text: str) -> str | None:
    """A capitalised word as a name is written, without a possessive; None for another word
    or a time ("Wednesday's volume": a time, not an owner)."""
    if not _NAME_WORD.fullmatch(text.rstrip(",")):
        return None
    bare = text.rstrip(".’'").removesuffix("’s").removesuffix("'s")
    return None if _TIME.fullmatch(bare.lower()) else bare


def _name_run(
    words: Sequence[_Token], names: Container[str], at_sentence_start: bool
) -> str | None:
    """The name the words open with ("North Korea", "Bethlehem Steel Corp."), if any."""
    run: list[_Token] = []
    for index, token in enumerate(words[:6]):
        initial = at_sentence_start and index == 0
        if _is_name(token, names, initial) or (
            initial and len(words) > 1 and _is_name(words[1], names, False)
        ):  # "Federal Data Corp.": a capitalised run at a sentence's start is a name
            run.append(token)
            if token.text.endswith(("’s", "'s")):
                break
        elif run and token.lower in _NAME_JOINERS and index + 1 < len(words):
            run.append(token)
        else:
            break
    while run and run[-1].lower in _NAME_JOINERS:
        run.pop()
    if not run:
        return None
    return " ".join(t.text for t in run).removesuffix("’s").removesuffix("'s").rstrip(",")


def _name_run_ending(tokens: Sequence[_Token], names: Container[str], first: int) -> str | None:
    """The name that ends ``tokens`` (before a ", which")."""
    words = [t for t in tokens if t.text not in (",",)]
    if len(words) > 1 and words[-1].lower in lexicon.tables().owner_nouns:
        words = words[:-1]  # "The leftist Syriza party, which gained 71 seats"
    run: list[_Token] = []
    for token in reversed(words):
        if _is_name(token, names, token.start == first):
            run.insert(0, token)
        elif run and token.lower in _NAME_JOINERS:
            run.insert(0, token)
        else:
            break
    while run and run[0].lower in _NAME_JOINERS:
        run.pop(0)
    return " ".join(t.text for t in run) if run else None


def _places(
    before: Sequence[_Token], after: Sequence[_Token], owners: tuple[str, ...]
) -> tuple[str, ...]:
    """Places named with a preposition right around the figure: "in Kursk", "at the stadium"."""
    found: list[str] = []
    for tokens in (after[:EVENT_REACH], before[-EVENT_REACH:]):
        for index, token in enumerate(tokens):
            if token.lower not in _PLACE_PREPOSITIONS or index + 1 >= len(tokens):
                continue
            rest = list(tokens[index + 1 : index + 5])
            article = rest[:1] and rest[0].lower == "the"
            if article:
                rest = rest[1:]
            place = _name_run(rest, frozenset(), at_sentence_start=False)
            if place and not _TIME.fullmatch(place.lower()):
                found.append(_without_possessive(place))
            elif (
                article
                and token.lower == "at"
                and rest
                and rest[0].lower.isalpha()
                and rest[0].text[:1].islower()
                and rest[0].lower not in _NOT_VENUES
            ):
                found.append(f"the {rest[0].lower}")
    owned = {lexicon.name_form(o) for o in owners}
    return tuple(dict.fromkeys(p for p in found if lexicon.name_form(p) not in owned))


def _participants(
    tokens: Sequence[_Token], names: Container[str], anchors: Anchors, first_word: int
) -> tuple[str, ...]:
    """The names of the clause that are none of its anchors: who else takes part."""
    runs = list(_name_runs(tokens, names, first_word))
    if not runs:
        return ()
    taken = [set(lexicon.name_form(n).split()) for n in anchors.names() + anchors.place]
    found: list[str] = []
    for run in runs:
        name = _without_possessive(" ".join(run))
        words = set(lexicon.name_form(name).split())
        if not any(words <= other for other in taken) and not _TIME.fullmatch(name.lower()):
            found.append(name)
    return tuple(dict.fromkeys(found))


def _name_runs(
    tokens: Sequence[_Token], names: Container[str], first_word: int
) -> Iterator[list[str]]:
    """The runs of name words of ``tokens``, as written ("Luis Suarez")."""
    run: list[str] = []
    following = -1  # the index of the token that would go on with the run
    # Every name word is capitalised: the other tokens are passed over in one comprehension,
    # and a gap between the indexes of two capitalised words ends a run.
    for index, token in [(i, t) for i, t in enumerate(tokens) if "A" <= t.text[:1] <= "Z"]:
        if run and index != following:
            yield run
            run = []
        if _is_name(token, names, token.start == first_word) or (
            run and _is_name(token, names, False)
        ):
            run.append(token.text)
            following = index + 1
        elif run:
            yield run
            run = []
    if run:
        yield run


def _sentence_times(
    prose: str, first: int, matches: Iterable[re.Match[str]]
) -> list[tuple[int, int, str]]:
    """The times a sentence beginning at ``first`` names (``matches``, found in ``prose`` or
    in its lowered text), apart from the time a report was made ("said on Monday") and
    months that are words ("may")."""
    found = []
    for match in matches:
        if _SAID_BEFORE.search(prose, max(first, match.start() - 40), match.start()):
            continue
        if (match.group("weekday") or match.group("day")) and _reported_after(prose, match.end()):
            continue
        if match.group("month") and not prose[match.start() : match.end()].istitle():
            continue
        found.append((match.start(), match.end(), _time_form(match)))
    return found


_NEXT_WORDS = re.compile(r"[\s,]*(\w+)(?:\s+(\w+))?")


def _reported_after(prose: str, end: int) -> bool:
    """Whether the day that ends at ``end`` is when a report was made, not when its figure
    held: it is followed, at once or after one word, by a verb of ``report_verbs``
    (``rules/frames.yaml``): "results early on Monday showed 129 seats", "police on Sunday
    said". The words are those of its paragraph: a blank line ends what it can tell."""
    reach = end + 40
    gap = _BLANK_LINE.search(prose, end, reach)
    found = _NEXT_WORDS.match(prose, end, gap.start() if gap else reach)
    if found is None:
        return False
    verbs = lexicon.tables().report_verbs
    return any(word is not None and word.lower() in verbs for word in found.groups())


def _times_within(
    times: list[tuple[int, int, str]], clause_start: int, clause_end: int, start: int, end: int
) -> tuple[str, ...]:
    """The times of the claim's clause (of ``times``, its sentence's), outside the claim."""
    return tuple(
        dict.fromkeys(
            form
            for first, last, form in times
            if clause_start <= first and last <= clause_end and (last <= start or first >= end)
        )
    )


def _time_form(match: re.Match[str]) -> str:
    text = " ".join(match.group().lower().rstrip(".").split())
    if match.group("season"):
        first, second = re.split(r"[-–/]", text)
        century = first[:2] if len(first) == 4 else "19" if int(first) > 30 else "20"
        first = first if len(first) == 4 else century + first
        return f"{first}-{second[-2:]}"
    if match.group("quarter"):
        return text.replace(" ", "-")
    if match.group("ago"):
        words = text.split()
        return f"{words[0]} {words[1].rstrip('s')} {'ago' if words[2] != 'later' else 'later'}"
    if match.group("month"):
        return text[:3]
    return text


def _role(before: Sequence[_Token], after: Sequence[_Token], *, per: bool = False) -> Role:
    """``per``: the claim's own unit is a rate ("$2,800 a month", "$12 a share")."""
    t = lexicon.tables()
    # The words read: the mode's reach and the break before it, and after the figure a rate's
    # reach or the longest phrase of a part.
    words_before = _words(reversed(before), MODE_REACH + 1)[::-1]
    words_after = _words(after, max(RATE_REACH + 2, _longest(t.part_after)))
    previous = words_before[-1:] or [""]
    measure = "level"
    if previous[0] in t.change_verbs or (previous[0] == "by" and not _passive(words_before)):
        measure = "change"  # "rose 5%", "beat it by 1 million"; but "rose to 5%"
    elif words_after[:1] and words_after[0] in t.change_nouns:
        measure = "change"  # "a 54% drop", "60 percent fewer"
    elif words_after[1:2] and words_after[1] in t.change_nouns and words_after[0].isalpha():
        measure = "change"  # "a 25% pay rise"
    scope = (
        "part"
        if (
            _starts_with_any(words_after, t.part_after) or _part_before(words_before, t.part_before)
        )
        else "whole"
    )
    clause = _until_comma(words_before)  # the words after the last break before the figure
    rate = per or _is_rate(words_after, words_before, t) or _distributive(clause)
    mode = "actual"
    reach = clause[-MODE_REACH:]
    if previous[0] == "from":
        mode = "comparison"
    elif not t.mode_openers.isdisjoint(reach):  # most clauses hold no phrase of a mode
        mode = _mode(reach, t)
    return _role_of(measure, scope, rate, mode)


def _mode(reach: list[str], t: lexicon.FrameTables) -> str:
    """The mode the words before a figure (its clause's, up to ``MODE_REACH``) give it."""
    if _contains_any(reach, t.comparison):
        return "comparison"
    if _contains_any(reach, t.hypothetical):
        return "hypothetical"
    if _contains_any(reach, t.planned):
        return "planned"
    return "actual"


@functools.cache  # one object for each of the few roles
def _role_of(measure: str, scope: str, rate: bool, mode: str) -> Role:
    return Role(measure=measure, scope=scope, rate=rate, mode=mode)


_ARTICLES = frozenset(("a", "an", "the", "some"))


def _part_before(words_before: list[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    """Whether a word of a part ends the words before a figure ("including 300 children"),
    or comes right before an article and at most one word more ("including a bonus 50
    seats", "including an estimated 300", "including some 40")."""
    for skip in (0, 1, 2):
        end = len(words_before) - skip
        if skip and (end < 1 or words_before[end] not in _ARTICLES):
            continue
        if _ends_with_any(words_before[max(0, end - 2) : end], phrases):
            return True
    return False


def _words(tokens: Iterable[_Token], count: int) -> list[str]:
    """The lower-case forms of the first ``count`` tokens but brackets."""
    return list(islice(filterfalse(_BRACKETS.__contains__, map(_lower, tokens)), count))


_BRACKETS = frozenset("()")


def _passive(words_before: list[str]) -> bool:
    """Whether "by" before a figure names an agent ("was attended by 5,000"), not a margin
    ("rose by 5%", "beating last year's sales by 1 million")."""
    t = lexicon.tables()
    verb = words_before[-2] if len(words_before) > 1 else ""
    return verb not in t.change_verbs and (verb.endswith(("ed", "en")) or verb in ("made", "held"))


def _is_rate(words_after: list[str], words_before: list[str], t: lexicon.FrameTables) -> bool:
    """ "$3.40 a gallon", "18 tokens per round", "£6.6m a fixture", "an average of 40": a
    figure for each of something. The words after stop at the next figure."""
    near: list[str] = []
    for word in words_after[: RATE_REACH + 2]:
        if word[:1].isdigit() or word in (",", ";", ":"):
            break
        near.append(word)
    for index, word in enumerate(near[:RATE_REACH]):
        following = near[index + 1 : index + 2]
        if (word in ("per", "each", "every", "apiece") and following != ["other"]) or (
            word in ("a", "an")
            and (index == 0 or near[index - 1] not in FUNCTION_WORDS)  # not "and a", "via a"
            and following
            and following[0].isalpha()
            and following[0] not in ("few", "lot", "number", "total", "further", "record")
        ):
            return True
    return _contains_any(near, t.rate_after) or _ends_with_any(words_before[-4:], t.rate_before)


def _distributive(clause: list[str]) -> bool:
    """Whether the clause before a figure (its words after the last break) says it of each
    one of something ("Each place in the table is worth £750,000", "the 20 clubs each
    received £50m"): a rate. Not when the figure counts the group itself ("each of the 20
    clubs") or in "each other"."""
    for index, word in enumerate(clause):
        if word in ("each", "every") and clause[index + 1 : index + 2] != ["other"]:
            return clause[-1:] != ["of"] and clause[-2:-1] != ["of"]
    return False


def _until_comma(words: Sequence[str]) -> list[str]:
    """The words after the last break before the figure; ", or" restates what came before
    ("would have had a loss of $3.1 million, or seven cents a share") and is no break."""
    for index in range(len(words) - 1, -1, -1):
        if words[index] in (",", ";", ":", "—", "–", "--") and words[index + 1 : index + 2] != [
            "or"
        ]:
            return list(words[index + 1 :])
    return list(words)


@functools.lru_cache(maxsize=64)
def _longest(phrases: frozenset[tuple[str, ...]]) -> int:
    return max(map(len, phrases), default=0)


def _starts_with_any(words: Sequence[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    sizes = _sizes_by_edge_word(phrases, 0).get(words[0]) if words else None
    return bool(sizes) and any(tuple(words[:size]) in phrases for size in sizes)


def _ends_with_any(words: Sequence[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    sizes = _sizes_by_edge_word(phrases, -1).get(words[-1]) if words else None
    return bool(sizes) and any(
        len(words) >= size and tuple(words[-size:]) in phrases for size in sizes
    )


def _contains_any(words: Sequence[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    sizes = _sizes_by_edge_word(phrases, 0)
    if sizes.keys().isdisjoint(words):  # most word lists hold no first word of a phrase
        return False
    return any(
        tuple(words[index : index + size]) in phrases
        for index, word in enumerate(words)
        if word in sizes
        for size in sizes[word]
    )


@functools.lru_cache(maxsize=128)
def _sizes_by_edge_word(
    phrases: frozenset[tuple[str, ...]], edge: int
) -> dict[str, frozenset[int]]:
    """The lengths of the phrases that begin (``edge`` 0) or end (-1) with each word."""
    sizes: dict[str, set[int]] = {}
    for phrase in phrases:
        sizes.setdefault(phrase[edge], set()).add(len(phrase))
    return {word: frozenset(lengths) for word, lengths in sizes.items()}
