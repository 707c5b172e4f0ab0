"""What parses as a quantity but is not one: years, dates, times, identifiers, phone numbers,
scores, ratios, fractions written as labels ("9/11"), ordinals, rates in units numcheck lacks,
video resolutions ("1080p").

Each rule is a small predicate of the grammar's match and the text around it (``Around``, read
once for all the rules), named for the reason it gives ("year", "date"...). They run after the
grammar, in order; the first that holds wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from numcheck.extraction.grammar import Match
from numcheck.extraction.numbers import NUMBER_WORDS
from numcheck.extraction.numbers import WORD_FRACTION_PATTERN
from numcheck.extraction.patterns import alternation
from numcheck.extraction.subjects import FUNCTION_WORDS
from numcheck.extraction.subjects import following_phrase

MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_MONTH_BEFORE = re.compile(rf"\b{MONTHS}\.?\s*$")
_MONTH_AFTER = re.compile(rf"^\s*(?:of\s+)?{MONTHS}\b")
_GLUED_AFTER = re.compile(r"^(?:[^\W_]|[.:/,]\d|[-–]\d|[\^×±]|-[^\W\d_]|\([^\W\d_]\))")
# Words that may follow a hyphenated unit: "a 10-year-old", "a 190-mile-long border".
_UNIT_ADJECTIVE = re.compile(
    r"^-(?:old|long|wide|high|deep|tall|thick|strong|plus|odd|deal|term)\b", re.IGNORECASE
)
_TIME_AFTER = re.compile(
    r"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock|GMT\b|UTC\b|BST\b|CET\b|EST\b|EDT\b|PST\b|ET\b|hrs\b)",
    re.IGNORECASE,
)
_PHONE_CHARS = "0123456789 .-()+"
_DIGIT_RUN = re.compile(r"\d+")
_OF_AFTER = re.compile(r"^\s+of\b")
_DAY = re.compile(r"0?[1-9]|[12]\d|3[01]")
_LABELS = (
    "No", "no", "Nos", "number", "version", "v", "Version", "model", "Model", "route", "Route",
    "flight", "Flight", "page", "p", "pp", "chapter", "Chapter", "section", "Section", "article",
    "Article", "room", "Room", "gate", "Gate", "platform", "level", "Level", "phase", "Phase",
    "season", "Season", "episode", "Episode", "volume", "Vol", "vol", "issue", "Issue", "item",
    "Item", "grade", "Grade", "category", "Category", "type", "Type", "class", "Class", "tier",
    "Tier", "stage", "Stage", "round", "Round", "game", "Game", "step", "Step", "line", "Line",
    "figure", "Figure", "fig", "Fig", "table", "Table", "exhibit", "Exhibit", "act", "Act", "size",
    "Size", "rule", "Rule", "title", "Title", "amendment", "Amendment", "resolution",
    "Resolution", "bill", "Bill", "code", "Code", "zone", "Zone", "district", "District",
    "channel", "Channel", "iPhone", "Windows", "Python",
)  # fmt: skip
_LABEL_BEFORE = re.compile(rf"(?:\b(?:{'|'.join(_LABELS)})\.?|#)\s*$")
# How far from the end of the text before a figure, its trailing space set aside, a label
# can begin: the search starts there (``\b`` still sees the character before).
_LABEL_REACH = max(map(len, _LABELS)) + 1
_CALENDAR_WORD = re.compile(
    rf"{MONTHS}\.?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Today|Yesterday|Tomorrow"
)
_CODE_BEFORE = re.compile(r"(?<![\w-])[A-Za-z]+\d+[A-Za-z\d]*[ \t]+$")
_CAPITALISED_BEFORE = re.compile(r"\b([A-Z][\w’'&.-]*|[a-z]+[A-Z][\w’'&.-]*)[ \t\u00a0]+$")
_ADDRESS_AFTER = re.compile(
    r"^[ \t]+(?:[A-Z][\w’'-]*[ \t]+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Boulevard|Blvd"
    r"|Drive|Way|Place|Square|Terrace|Court|Crescent|Highway|Parkway)\b"
)
_YEAR = re.compile(r"1\d{3}|20\d{2}")
# What a four-digit figure without its comma counts ("1500 staff", "2000 troops"), unlike
# the nouns a year modifies ("1988 sales", "the 2020 elections").
_COUNT_NOUNS = (
    "people|persons|staff|employees|workers|jobs|troops|soldiers|police|officers|personnel"
    "|students|pupils|children|teachers|nurses|doctors|patients|residents|families|households"
    "|homes|houses|buildings|vehicles|cars|trucks|tanks|aircraft|planes|ships|boats|missiles"
    "|rockets|drones|weapons|guns|deaths|cases|victims|refugees|migrants|prisoners|detainees"
    "|protesters|demonstrators|voters|members|delegates|fans|visitors|tourists|passengers"
    "|customers|users|subscribers|firms|companies|businesses|shops|stores|farms|schools"
    "|hospitals|beds|seats|animals|cattle|sheep|men|women|volunteers|civilians|fighters"
    "|rebels|militants|casualties|infections|arrests|flights|trains|buses|sites|villages"
    "|towns|acres|hectares|tonnes|tons"
)
_PLURAL_AFTER = re.compile(rf"^[ \t]+({_COUNT_NOUNS})\b", re.IGNORECASE)
_DETERMINER_AFTER = re.compile(
    r"[ \t]+(?:the|a|an|its|his|her|their|our|this|that|these|those|to\s+be)\b", re.IGNORECASE
)
_TIME_BEFORE = re.compile(
    r"\b(?:in|since|by|until|till|from|during|before|after|the|this|that|last|next|early|late"
    r"|mid|through|spring|summer|autumn|fall|winter|year|fiscal|its|their|his|her|our|your)"
    r"[ \t]+$",
    re.IGNORECASE,
)
_NOUN_AFTER = re.compile(r"^[ \t]+(?!(?:and|or|to|in|on|at|by|for|from|with|of|the|a|an)\b)[a-z]")
_ORDINAL_AFTER = re.compile(
    r"^\s+(?:and\s+(?:an?|one|two|three|four|five|six|seven|eight|nine)\s+)?"
    r"(?:thirds?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|elevenths?"
    r"|twelfths?|(?:thir|four|fif|six|seven|eigh|nine)teenths?|(?:twen|thir|for|fif|six|seven"
    r"|eigh|nine)tieths?|hundredths?|thousandths?|millionths?|billionths?|trillionths?|halves)\b",
    re.IGNORECASE,
)
_WORD_FRACTION = re.compile(WORD_FRACTION_PATTERN)
_NUMBER_WORD_BEFORE = re.compile(rf"\b(?i:{alternation(NUMBER_WORDS)})(?:[ \t]+(?i:and))?[ \t-]+$")
_COUNT_WORD = (
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty"
    r"|thirty|forty|fifty|a|an)"
)
_RATIO_BEFORE = re.compile(rf"(?i:\b{_COUNT_WORD})\s+(?:in|out\s+of)\s+$")
_RATIO_AFTER = re.compile(
    r"^\s+(?:in|out\s+of)\s+(?!(?:1\d{3}|20\d{2})\b)(?:\d|(?i:one|two|three|four|five|six"
    r"|seven|eight|nine|ten|a\s+(?:hundred|thousand|million))\b)"
)
_RATE_AFTER = re.compile(r"^\s*(?:/|per\b)", re.IGNORECASE)
# Units numcheck does not check, after which a figure is not a count: "20 dB", "5 ppm".
_UNCHECKED_UNIT_AFTER = re.compile(
    r"^[ \t]?(?:(?:Bq|kDa|dB|dBA|THz|mAh|kV|mV|ppm|ppb|mpg|mmHg|mb)(?![\w])"
    r"|(?i:decibels?|(?:kilo)?volts?|(?:milli)?amps?|amperes?|ohms?|pascals?|newtons?"
    r"|megapixels?|pixels?)\b)"
)
# Video modes: "1080p", "720p" are not pence.
_VIDEO_MODES = frozenset("144p 240p 360p 480p 540p 576p 720p 1080p 1440p 2160p 4320p".split())
_SCORE_CONTEXT = re.compile(
    r"\b(?:won|win|wins|winning|lost|lose|loses|losing|beat|beats|beaten|defeat(?:s|ed)?"
    r"|victory|victories|draw|drew|tied?|score[sd]?|scoring|scoreline|vote[sd]?|voting|margin"
    r"|lead|led|leads|trail(?:s|ed|ing)?|thrash(?:ed)?|edged?|clinched?|sealed?)\b",
    re.IGNORECASE,
)
_SENTENCE_ADVERBS = frozenset(
    "exactly precisely fully barely merely further overall total perhaps maybe possibly probably"
    " another just only".split()
)
_VULGAR_SIGNS = frozenset("½¼¾⅓⅔⅛")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]\s*|[.!?]\s*[\"“‘]\s*|^[\"“‘]\s*)$")


@dataclass(slots=True)
class Around:
    """A match and what the rules read around it, read once for all of them: whether it is
    ``bare`` (a figure with nothing around it: no unit, currency, scale or qualifier), the 40
    characters ``before`` it and the 20 ``after`` it (a rule that reads further slices the
    prose itself)."""

    prose: str
    match: Match
    bare: bool
    before: str
    after: str

    @classmethod
    def of(cls, prose: str, match: Match) -> Around:
        bare = match.qualifier is None and all(
            m.unit is None and m.currency is None and m.scale == 1 for m in match.measures
        )
        start, end = match.start, match.end
        return cls(prose, match, bare, prose[max(0, start - 40) : start], prose[end : end + 20])


Rule = Callable[[Around], bool]


def _before(around: Around, size: int) -> str:
    return around.prose[max(0, around.match.start - size) : around.match.start]


def _after(around: Around, size: int) -> str:
    return around.prose[around.match.end : around.match.end + size]


def _in_last_word(pattern: re.Pattern[str], before: str, spaces: str) -> re.Match[str] | None:
    """``pattern.search(before)`` for a pattern of one word (no character of ``spaces`` in
    it) and then a run of ``spaces`` up to the end: only the last word can match, so the
    search starts there (``\b`` and look-behinds still see the character before it)."""
    body = before[:-1] if before.endswith("\n") else before  # "$" matches before a last "\n"
    end = len(body.rstrip(spaces))
    return pattern.search(before, max(body.rfind(space, 0, end) for space in spaces) + 1)


def glued_to_text(around: Around) -> bool:
    """ "F-16s", "4G", "19th", "3.11.2", "10:30", "2:1", "24/7", "2021-06", "4km^2", "5-star",
    "twenty-fifth": part of a longer token. A hyphenated unit may take an adjective
    ("a 10-year-old", "a 190-mile-long border")."""
    after = around.after
    if not _GLUED_AFTER.match(after):
        return False
    last = around.match.measures[-1]
    return not (last.unit is not None and last.unit.hyphenated and _UNIT_ADJECTIVE.match(after))


def leading_zero(around: Around) -> bool:
    """ "007", "0900", "021": a whole number written with a leading zero is a code or a time."""
    text = around.match.measures[0].figure.text.lstrip("-\u2212")
    return len(text) > 1 and text[0] == "0" and text[1].isdigit()


def year(around: Around) -> bool:
    """ "2022", "by 2024", "2022-2024", "2022–23", "around 2030": four-digit whole numbers from
    1000 to 2099 with no unit, currency or scale. A qualified one that counts a noun is not a
    year ("around 2000 people"), nor one inside a sentence before a noun it counts ("sent 2000
    troops", "has 1500 staff"), unless a word of time or an owner comes before it ("in 1999
    voters", "the 2000 troops", "its 1500 staff") or a verb follows ("2000 troops the")."""
    match = around.match
    if not _YEAR.fullmatch(match.measures[0].figure.text):
        return False
    plain = all(m.unit is None and m.currency is None and m.scale == 1 for m in match.measures)
    if not plain:
        return False
    after = _after(around, 40)
    if match.qualifier is not None:
        return not _NOUN_AFTER.match(after)
    return not _counts_a_noun(around, after)


def _counts_a_noun(around: Around, after: str) -> bool:
    """ "sent 2000 troops", "has 1500 staff": a four-digit count without its comma."""
    if len(around.match.measures) != 1:
        return False
    noun = _PLURAL_AFTER.match(after)
    if noun is None or noun.group(1).lower() in FUNCTION_WORDS:
        return False
    if _DETERMINER_AFTER.match(after, noun.end()):
        return False  # "2024 marks the anniversary": a verb
    before = around.before
    return not (_SENTENCE_START.search(before) or _TIME_BEFORE.search(before))


def date(around: Around) -> bool:
    """ "November 5", "Jan. 20", "20 January", "5 of March": a day of a month (1 to 31)."""
    first = around.match.measures[0]
    if first.unit is not None or first.currency is not None or first.words:
        return False
    if not _DAY.fullmatch(first.figure.text):
        return False
    return bool(_MONTH_BEFORE.search(around.before) or _MONTH_AFTER.match(around.after))


def time_of_day(around: Around) -> bool:
    """ "10 a.m.", "3 pm", "10 o'clock", "0900 GMT"."""
    return around.bare and bool(_TIME_AFTER.match(around.after))


def phone_number(around: Around) -> bool:
    """ "555-123-4567", "(555) 123 4567", "+44 20 7946 0958": three or more groups of digits,
    seven or more digits in all, joined by spaces, dots, hyphens or brackets."""
    if not around.bare:
        return False
    prose, match = around.prose, around.match
    floor, ceiling = max(0, match.start - 24), match.end + 24  # a phone number is short
    before = prose[floor : match.start]
    low = floor + len(before.rstrip(_PHONE_CHARS))  # where the run of phone characters begins
    after = prose[match.end : ceiling]
    high = match.end + len(after) - len(after.lstrip(_PHONE_CHARS))
    nearby = _DIGIT_RUN.findall(prose[low : match.start] + " " + prose[match.end : high])
    if not nearby:  # "1 234 567" alone is a number grouped with spaces
        return False
    groups = [*nearby, *_DIGIT_RUN.findall(match.measures[0].figure.text)]
    return len(groups) >= 3 and sum(len(group) for group in groups) >= 7


def address(around: Around) -> bool:
    """A house number: "10 Downing Street", "1600 Pennsylvania Avenue"."""
    return around.bare and bool(_ADDRESS_AFTER.match(_after(around, 60)))


def labelled_identifier(around: Around) -> bool:
    """ "Article 5", "No. 10", "version 3.11", "Route 66", "#3": a number that names a thing."""
    if not around.bare:
        return False
    before = around.before.rstrip()
    return bool(_LABEL_BEFORE.search(before, max(0, len(before) - _LABEL_REACH)))


def name_with_number(around: Around) -> bool:
    """A name: "Boeing 737", "World War Three", "Windows 11", "a Boeing 777F". A bare figure
    (or one with a one-letter unit against it) after a capitalised word that is not a month
    or a day. To start a sentence the word must not be a function word and the figure must
    not count the noun after it ("Apollo 11 landed", but "Only 5 remain", "Add 3 eggs")."""
    match, bare = around.match, around.bare
    first = match.measures[0]
    lettered = (
        len(match.measures) == 1 and first.unit is not None and first.unit.form.surface.isalpha()
        and len(first.unit.form.surface) == 1 and first.unit.form.style == "attached"
        and match.qualifier is None
    )  # fmt: skip
    if not (bare or lettered) or first.figure.grouped:
        return False
    before = around.before
    if bare and _in_last_word(_CODE_BEFORE, before, " \t"):  # "Core i7 860", "A380 800"
        return True
    found = _in_last_word(_CAPITALISED_BEFORE, before, " \t\u00a0")
    if not found or _CALENDAR_WORD.fullmatch(found.group(1)):
        return False
    head = before[: found.start(1)]
    if not _SENTENCE_START.search(head):
        return True
    word = found.group(1).lower()
    if word in FUNCTION_WORDS or word in _SENTENCE_ADVERBS:
        return False
    return following_phrase(around.prose, match.end) is None


def label_fraction(around: Around) -> bool:
    """ "9/11", "the 3/11 bombings": a fraction with no unit is a quantity only as a share of
    something ("1/4 of the budget"); "1/4 mile" and "2 1/2 years" have their unit."""
    first = around.match.measures[0]
    if "/" not in first.figure.text and _VULGAR_SIGNS.isdisjoint(first.figure.text):
        return False
    if first.unit is not None or first.currency is not None:
        return False
    return not _OF_AFTER.match(around.after)


def ordinal_after(around: Around) -> bool:
    """ "two thirds", "three fifths", "forty two and a third": a fraction in words."""
    return around.bare and bool(_ORDINAL_AFTER.match(around.after))


def fraction_in_a_number(around: Around) -> bool:
    """ "one hundred thirty two fifths": a fraction in words right after number words is part
    of a number numcheck does not read, not a fraction of its own."""
    first = around.match.measures[0]
    if not first.words or not _WORD_FRACTION.fullmatch(first.figure.text):
        return False
    return bool(_NUMBER_WORD_BEFORE.search(around.before))


def ratio(around: Around) -> bool:
    """ "one in five adults", "4 in 10 Americans", "two out of three": a ratio, not counts."""
    if not around.bare:
        return False
    before = around.before
    if before.rstrip().endswith(("in", "of")) and _RATIO_BEFORE.search(before):
        return True
    return bool(_RATIO_AFTER.match(around.after))


def unknown_rate(around: Around) -> bool:
    """ "50 miles per gallon", "20 km/ms": a unit divided by one numcheck does not know."""
    last = around.match.measures[-1]
    if last.unit is None or not _RATE_AFTER.match(around.after):
        return False
    return any(r.is_physical for r in last.unit.form.readings)


def unknown_unit(around: Around) -> bool:
    """ "1.7 eV", "14 mGy": a figure in a unit numcheck does not know is not a count."""
    return around.bare and bool(_UNCHECKED_UNIT_AFTER.match(around.after))


def video_mode(around: Around) -> bool:
    """ "1080p", "720p": a video resolution, not an amount in pence."""
    first = around.match.measures[0]
    return around.prose[first.start : first.end] in _VIDEO_MODES


def score(around: Around) -> bool:
    """ "won 3-2", "a 2-1 victory", "the 5-4 vote": a result, not a range."""
    if len(around.match.measures) != 2 or not around.bare:
        return False
    first, last = around.match.measures
    if around.prose[first.end : last.start].strip() not in ("-", "–"):
        return False
    return bool(_SCORE_CONTEXT.search(_before(around, 30)) or _SCORE_CONTEXT.search(around.after))


def lone_one(around: Around) -> bool:
    """ "one of them", "a hand": the word one (or a) without a unit or scale counts nothing."""
    match = around.match
    first = match.measures[0]
    if match.shape != "single" or match.qualifier is not None:
        return False
    return first.words and first.figure.value == 1 and first.unit is None and first.scale == 1


def capitalised_word_number(around: Around) -> bool:
    """ "Three" in the middle of a sentence is part of a name ("World War Three")."""
    first = around.match.measures[0]
    if not first.words or not first.figure.text[:1].isupper() or around.match.qualifier:
        return False
    return not _SENTENCE_START.search(around.before)


RULES: tuple[Rule, ...] = (
    glued_to_text,
    leading_zero,
    year,
    date,
    time_of_day,
    phone_number,
    address,
    labelled_identifier,
    name_with_number,
    label_fraction,
    ordinal_after,
    fraction_in_a_number,
    ratio,
    unknown_rate,
    unknown_unit,
    video_mode,
    score,
    lone_one,
    capitalised_word_number,
)


def exclusion_reason(prose: str, match: Match) -> str | None:
    """The name of the first rule that holds for ``match`` in ``prose``, or None."""
    around = Around.of(prose, match)
    for rule in RULES:
        if rule(around):
            return rule.__name__
    return None
