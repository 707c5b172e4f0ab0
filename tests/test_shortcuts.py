"""The quick tests reading and extraction make before their slower work give the answer the
slower work would: checked by hypothesis on hostile text (fixed seed and budget, as in
``test_properties``) against the work done without the shortcut."""

from __future__ import annotations

import re

import pyparsing as pp
import pytest
from hypothesis import given
from hypothesis import strategies as st

from numcheck.alignment import frames
from numcheck.extraction.exclusions import _CAPITALISED_BEFORE
from numcheck.extraction.exclusions import _CODE_BEFORE
from numcheck.extraction.exclusions import _LABEL_BEFORE
from numcheck.extraction.exclusions import _LABEL_REACH
from numcheck.extraction.exclusions import _LABELS
from numcheck.extraction.exclusions import _RATIO_BEFORE
from numcheck.extraction.exclusions import _in_last_word
from numcheck.extraction.grammar import grammar
from numcheck.extraction.grammar import keyword_end
from numcheck.extraction.measures import measure_opening
from numcheck.extraction.sentences import LOOK_BACK
from numcheck.extraction.sentences import SENTENCE_END
from numcheck.extraction.sentences import sentence_start
from numcheck.extraction.subjects import _CONNECTOR_BEFORE
from numcheck.extraction.subjects import _CONNECTOR_WORDS
from numcheck.extraction.subjects import _last_words_start
from numcheck.extraction.units import lexicon
from numcheck.reading.markdown import markdown_parser
from numcheck.reading.markdown import plain_inline
from numcheck.reading.scopes import _CLOSING
from numcheck.reading.scopes import _closes
from numcheck.reading.scopes import _opens
from numcheck.reading.scopes import quotations
from testing.properties import FIXED
from testing.properties import texts

# What stands before a figure: words the exclusions look for, codes, names, spaces.
BEFORE_PIECES = [
    *_LABELS, "#", ".", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "-", "(", "’", "'", "&",
    "in", "out", "of", "one", "a", "3", "A380", "i7", "B2B", "Boeing", "eBay", "Éclair", "the",
    "sub", "_", "x",
]  # fmt: skip


def befores() -> st.SearchStrategy[str]:
    """The 40 characters before a figure, as the exclusions cut them."""
    pieces = st.one_of(st.sampled_from(BEFORE_PIECES), st.text(max_size=3))
    return st.lists(pieces, max_size=14).map(lambda parts: "".join(parts)[-40:])


def _spans(found):
    return found and (found.span(), found.span(1) if found.re.groups else None)


@FIXED
@given(befores())
def test_a_word_before_the_figure_is_found_in_the_last_word(before: str) -> None:
    for pattern, spaces in ((_CODE_BEFORE, " \t"), (_CAPITALISED_BEFORE, " \t\u00a0")):
        assert _spans(_in_last_word(pattern, before, spaces)) == _spans(pattern.search(before))


@FIXED
@given(befores())
def test_a_label_is_found_near_the_end(before: str) -> None:
    stripped = before.rstrip()
    near_end = _LABEL_BEFORE.search(stripped, max(0, len(stripped) - _LABEL_REACH))
    assert bool(near_end) == bool(_LABEL_BEFORE.search(before))


@FIXED
@given(befores())
def test_a_ratio_ends_in_in_or_of(before: str) -> None:
    if _RATIO_BEFORE.search(before):
        assert before.rstrip().endswith(("in", "of"))


@FIXED
@given(texts(max_pieces=12))
def test_a_measure_begins_only_where_its_opening_does(text: str) -> None:
    """Wherever the quick test says no measure begins, reading one fails; where one is read,
    the whole claim reads the same through the grammar's element."""
    opening = measure_opening(lexicon())
    measure = grammar()._measure
    for loc in range(len(text) + 1):
        try:
            measure.read(text, loc)
        except (pp.ParseException, IndexError):
            continue
        assert opening.match(text, loc) is not None, (text, loc)


# The end of a sentence as first written, before it was arranged to open with one class.
PLAIN_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n")
SENTENCE_PIECES = [".", "!", "?", "\n", "\r", " ", "\t", "\u2003", "A", "a", "1", '"', "”", "’"]
SENTENCE_PIECES += [")", "(", "“", "‘", "x"]


@FIXED
@given(st.text(st.sampled_from(SENTENCE_PIECES), max_size=30), st.data())
def test_sentence_ends_are_found_where_the_plain_expression_finds_them(text: str, data) -> None:
    low = data.draw(st.integers(0, len(text)))
    high = data.draw(st.integers(low, len(text)))
    found = [m.span() for m in SENTENCE_END.finditer(text, low, high)]
    assert found == [m.span() for m in PLAIN_SENTENCE_END.finditer(text, low, high)]


def _sentence_start_of_whole_look_back(text: str, offset: int) -> int:
    low = max(0, offset - LOOK_BACK)
    start = low
    for found in SENTENCE_END.finditer(text, low, offset):
        start = found.end()
    return start


# Line ends with a sentence end before them that runs over them, or none.
SENTENCE_STARTS = [
    "He said so. \nThen 5,000 troops came.",
    "“We will go.”\n  Some 300 left, and 20 more.",
    "It rose.\n\nBy 2026 it will reach 40%.",
    "He left.   \n  \nAbout 40 stayed.",
    "Up 5%.)\n The 6 others\nwent home.",
    "Up 5%.)\n the 6 others",
    "| 11 km (3 mi) | over 11 troops |\n| 12 km (3 mi) | over 12 troops |\n| 13 km |",
    "- 5 miles\n- 8 km\n-  3 feet",
    "Prices fell 3%!\r\n\u2003\u00a0Then 4% more.",
    "x" * 290 + ". \n\nA 5 km walk.",
]


@pytest.mark.parametrize("text", SENTENCE_STARTS)
def test_a_sentence_starts_where_the_whole_look_back_says(text: str) -> None:
    """``sentence_start`` searches from the last line end (or the end of a sentence that runs
    over it): the same start as a search of all it looks back over, at every offset."""
    for offset in range(len(text) + 1):
        assert sentence_start(text, offset) == _sentence_start_of_whole_look_back(text, offset)


@FIXED
@given(st.text(st.sampled_from(SENTENCE_PIECES), max_size=40), st.data())
def test_a_sentence_starts_where_the_whole_look_back_says_in_any_text(text: str, data) -> None:
    offset = data.draw(st.integers(0, len(text)))
    assert sentence_start(text, offset) == _sentence_start_of_whole_look_back(text, offset)


# The words before a figure, as the noun a measure is said of is looked for among them.
CONNECTOR_PIECES = [
    "of", "is", "was", "were", "been", "estimated", "valued", "at", "started", "for", "range",
    "the", "(range", "“Range", "x-y", "B's", "é", "a.b", "5", " ", "  ", "\t", "\n", "\u00a0",
]  # fmt: skip


CONNECTOR_BEFORES = [
    "The missile has a range of ",
    "officials said the total cost of the project was estimated at ",
    "the new stadium’s seating capacity is ",
    "In 2019 the company’s annual revenue was valued at ",
    "The line started at ",
    "a fund for (North Korean) troops of ",
    "it    was\n  put at ",
    "5 of ",
    "of ",
]


@pytest.mark.parametrize("before", CONNECTOR_BEFORES)
def test_the_noun_before_a_connector_is_found_among_the_last_words(before: str) -> None:
    start = _last_words_start(before, _CONNECTOR_WORDS)
    assert _spans(_CONNECTOR_BEFORE.search(before, start)) == _spans(
        _CONNECTOR_BEFORE.search(before)
    )


@FIXED
@given(st.lists(st.sampled_from(CONNECTOR_PIECES), max_size=16).map("".join))
def test_the_noun_before_a_connector_is_found_among_the_last_words_of_any(before: str) -> None:
    start = _last_words_start(before, _CONNECTOR_WORDS)
    assert _spans(_CONNECTOR_BEFORE.search(before, start)) == _spans(
        _CONNECTOR_BEFORE.search(before)
    )


QUOTE_PIECES = ['"', "“", "”", "«", "»", "„", "‘", "’", "\n", "a", " ", "5", "don’t", "6'2"]


def _quotations_mark_by_mark(prose: str) -> list[tuple[int, int]]:
    """The quotations of ``prose`` found by stopping at every mark and every line end."""
    found, opened_at, closing = [], -1, ""
    for mark in re.finditer('["“”«»„‘’\n]', prose):
        char, at = mark.group(), mark.start()
        if char == "\n":
            opened_at = -1
        elif opened_at < 0:
            if char in _CLOSING and _opens(prose, at):
                opened_at, closing = at, _CLOSING[char]
        elif char == closing and _closes(prose, at):
            found.append((opened_at, at + 1))
            opened_at = -1
    return found


@FIXED
@given(st.lists(st.sampled_from(QUOTE_PIECES), max_size=24).map("".join))
def test_quotations_are_found_as_mark_by_mark(prose: str) -> None:
    found = [(scope.start, scope.end) for scope in quotations(prose)]
    assert found == _quotations_mark_by_mark(prose)


# Inline content without inline markup, in pieces: text, the marks that start no inline rule,
# and the spaces and line ends around which markdown-it's line breaks are made.
PLAIN_INLINE_PIECES = [
    "a", "5", "Word", ".", ",", "-", ":", "$", "%", "#", "+", "=", "@", "{", "}", "]", ">", "(",
    ")", "’", "é", " ", "  ", "   ", "\t", "\n", "\u00a0", "\r",
]  # fmt: skip


@FIXED
@given(st.lists(st.sampled_from(PLAIN_INLINE_PIECES), max_size=24).map("".join))
def test_plain_inline_content_gets_the_inline_parsers_tokens(content: str) -> None:
    parser = markdown_parser()
    expected = parser.inline.parse(content, parser, {}, [])
    assert [t.as_dict() for t in plain_inline(content)] == [t.as_dict() for t in expected]


@FIXED
@given(texts(max_pieces=12))
def test_a_unit_is_read_where_a_surface_begins_as_by_every_pattern(text: str) -> None:
    """Each group of unit surfaces tries only the patterns that can begin with the character
    there, and finds the longest match that trying every pattern finds."""
    surfaces = grammar()._measure._units
    groups = [surfaces.touching, surfaces.spaced, surfaces.guarded]
    for group in groups:
        for loc in range(len(text) + 1):
            every = [pattern.match(text, loc) for pattern in group._patterns]
            found = [match for match in every if match is not None]
            longest = max((match.end() for match in found), default=None)
            quick = group.longest(text, loc)
            assert (quick and quick.end()) == longest, (text, loc)


def _phrase_words() -> st.SearchStrategy[list[str]]:
    """Lists of words made of frame phrases, their words and others."""
    phrases = sorted({p for group in _frame_phrases(frames.lexicon.tables()) for p in group})
    words = sorted({word for phrase in phrases for word in phrase} | {"the", "x", ",", "5"})
    pieces = st.one_of(
        st.sampled_from(phrases).map(list), st.sampled_from(words).map(lambda w: [w])
    )
    return st.lists(pieces, max_size=5).map(lambda parts: [w for part in parts for w in part])


def _frame_phrases(tables) -> list[frozenset[tuple[str, ...]]]:
    return [tables.part_after, tables.part_before, tables.rate_after, tables.rate_before]


@FIXED
@given(_phrase_words())
def test_frame_phrases_are_found_from_their_edge_words(words: list[str]) -> None:
    """A phrase is found at the start, the end or anywhere in a list of words as by trying
    every phrase there."""
    for phrases in _frame_phrases(frames.lexicon.tables()):
        starts = any(tuple(words[: len(p)]) == p for p in phrases)
        ends = any(len(words) >= len(p) and tuple(words[-len(p) :]) == p for p in phrases)
        inside = any(tuple(words[i : i + len(p)]) == p for p in phrases for i in range(len(words)))
        assert frames._starts_with_any(words, phrases) == starts
        assert frames._ends_with_any(words, phrases) == ends
        assert frames._contains_any(words, phrases) == inside


KEYWORD_PIECES = ["and", "AND", "And", "between", "BETWEEN", " ", "_", "$", "a", "1", "-", "\n"]
KEYWORD_PIECES += ["ı", "İ", "ß", "ﬀ", "é", "Å"]


@FIXED
@given(
    st.lists(st.one_of(st.sampled_from(KEYWORD_PIECES), st.text(max_size=2)), max_size=8),
    st.sampled_from(["and", "between"]),
)
def test_a_keyword_is_found_where_pyparsing_finds_it(pieces: list[str], word: str) -> None:
    """The grammar matches "and" and "between" without pyparsing's exception, at the same
    places and to the same end as ``CaselessKeyword``."""
    text = "".join(pieces)
    keyword = pp.CaselessKeyword(word)
    for loc in range(len(text) + 1):
        try:
            expected = keyword.parseImpl(text, loc)[0]
        except pp.ParseException:
            expected = None
        assert keyword_end(word, text, loc) == expected, (text, loc)


@FIXED
@given(texts(max_pieces=12))
def test_a_currency_or_minus_is_tried_only_where_one_can_begin(text: str) -> None:
    """Where the character of an amount is ASCII and opens no currency and no "minus", neither
    expression matches."""
    amount = grammar()._measure._amount
    for loc in range(len(text) + 1):
        char = text[loc : loc + 1]
        if char.isascii() and char not in amount._sign_openers:
            assert amount._currency.match(text, loc) is None, (text, loc)
            assert amount._minus.match(text, loc) is None, (text, loc)
