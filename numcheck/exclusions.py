"""What parses as a quantity but is not one: years, dates, times, identifiers, phone numbers.

Each rule is a small function of the prose and the grammar's match that returns a reason
("year", "date"...) or None. They run after the grammar, in order; the first reason wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from numcheck.grammar import Match

MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_MONTH_BEFORE = re.compile(rf"\b{MONTHS}\.?\s*$")
_MONTH_AFTER = re.compile(rf"^\s*(?:of\s+)?{MONTHS}\b")
_GLUED_AFTER = re.compile(r"^(?:[^\W_]|[.:/,]\d|-\d)")
_TIME_AFTER = re.compile(
    r"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock|GMT\b|UTC\b|BST\b|CET\b|EST\b|EDT\b|PST\b|ET\b|hrs\b)",
    re.IGNORECASE,
)
_PHONE = re.compile(r"^\+?\(?\d{2,4}\)?[ .-]\d{3,4}[ .-]\d{3,4}")
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:No|no|Nos|number|version|v|Version|model|Model|route|Route|flight|Flight|page|p|pp"
    r"|chapter|Chapter|section|Section|article|Article|room|Room|gate|Gate|platform|level|Level"
    r"|phase|Phase|season|Season|episode|Episode|volume|Vol|vol|issue|Issue|item|Item|grade"
    r"|Grade|category|Category|type|Type|class|Class|tier|Tier|stage|Stage|round|Round|game"
    r"|Game|step|Step|line|Line|figure|Figure|fig|Fig|table|Table|exhibit|Exhibit|act|Act"
    r"|size|Size|rule|Rule|title|Title|amendment|Amendment|resolution|Resolution|bill|Bill"
    r"|code|Code|zone|Zone|district|District|channel|Channel|iPhone|Windows|Python)\.?|#)\s*$"
)
_CAPITALISED_BEFORE = re.compile(r"\b([A-Z][\w’'&.-]*)[ \t\u00a0]+$")
_YEAR = re.compile(r"1\d{3}|20\d{2}")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]\s*|[.!?]\s*[\"“‘]\s*|^[\"“‘]\s*)$")

Rule = Callable[[str, Match], bool]


def _before(prose: str, match: Match, size: int = 40) -> str:
    return prose[max(0, match.start - size) : match.start]


def _after(prose: str, match: Match, size: int = 20) -> str:
    return prose[match.end : match.end + size]


def _bare(match: Match) -> bool:
    """A figure with nothing around it: no unit, currency, scale or qualifier."""
    return match.qualifier is None and all(
        m.unit is None and m.currency is None and m.scale == 1 for m in match.measures
    )


def glued_to_text(prose: str, match: Match) -> bool:
    """"F-16s", "4G", "19th", "3.11.2", "10:30", "2:1", "24/7", "2021-06": part of a token."""
    return bool(_GLUED_AFTER.match(_after(prose, match)))


def year(prose: str, match: Match) -> bool:
    """"2022", "by 2024", "2022-2024", "2022–23": four-digit whole numbers from 1000 to 2099."""
    return _bare(match) and bool(_YEAR.fullmatch(match.measures[0].figure.text))


def date(prose: str, match: Match) -> bool:
    """"November 5", "Jan. 20", "20 January", "5 of March"."""
    first = match.measures[0]
    if first.unit is not None or first.currency is not None or first.words:
        return False
    return bool(_MONTH_BEFORE.search(_before(prose, match)) or _MONTH_AFTER.match(_after(prose, match)))


def time_of_day(prose: str, match: Match) -> bool:
    """"10 a.m.", "3 pm", "10 o'clock", "0900 GMT"."""
    return _bare(match) and bool(_TIME_AFTER.match(_after(prose, match)))


def phone_number(prose: str, match: Match) -> bool:
    """"555-123-4567", "(555) 123 4567", "+44 20 7946 0958"."""
    start = match.start - 1 if prose[match.start - 1 : match.start] in "(+" else match.start
    return _bare(match) and bool(_PHONE.match(prose[start : start + 24]))


def labelled_identifier(prose: str, match: Match) -> bool:
    """"Article 5", "No. 10", "version 3.11", "Route 66", "#3": a number that names a thing."""
    return _bare(match) and bool(_LABEL_BEFORE.search(_before(prose, match)))


def name_with_number(prose: str, match: Match) -> bool:
    """"Boeing 737", "World War Three", "Windows 11": a bare figure after a capitalised word
    that does not start the sentence."""
    if not _bare(match) or match.measures[0].figure.grouped:
        return False
    before = _before(prose, match)
    found = _CAPITALISED_BEFORE.search(before)
    if not found:
        return False
    head = before[: found.start(1)]
    return not _SENTENCE_START.search(head)


def lone_one(prose: str, match: Match) -> bool:
    """"one of them", "a hand": the word one (or a) without a unit or scale counts nothing."""
    first = match.measures[0]
    return first.words and first.figure.value == 1 and first.unit is None and first.scale == 1


def capitalised_word_number(prose: str, match: Match) -> bool:
    """"Three" in the middle of a sentence is part of a name ("World War Three")."""
    first = match.measures[0]
    if not first.words or not first.figure.text[:1].isupper() or match.qualifier:
        return False
    return not _SENTENCE_START.search(_before(prose, match))


RULES: tuple[Rule, ...] = (
    glued_to_text,
    year,
    date,
    time_of_day,
    phone_number,
    labelled_identifier,
    name_with_number,
    lone_one,
    capitalised_word_number,
)


def exclusion_reason(prose: str, match: Match) -> str | None:
    for rule in RULES:
        if rule(prose, match):
            return rule.__name__
    return None
