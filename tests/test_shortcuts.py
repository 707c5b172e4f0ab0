"""The quick tests extraction makes before its slower work give the answer the slower work
would: checked by hypothesis on hostile text (fixed seed and budget, as in
``test_properties``) against the work done without the shortcut."""

from __future__ import annotations

import re

import pyparsing as pp
from hypothesis import given
from hypothesis import strategies as st

from numcheck.extraction.exclusions import _CAPITALISED_BEFORE
from numcheck.extraction.exclusions import _CODE_BEFORE
from numcheck.extraction.exclusions import _LABEL_BEFORE
from numcheck.extraction.exclusions import _LABEL_REACH
from numcheck.extraction.exclusions import _LABELS
from numcheck.extraction.exclusions import _RATIO_BEFORE
from numcheck.extraction.exclusions import _in_last_word
from numcheck.extraction.grammar import grammar
from numcheck.extraction.measures import measure_opening
from numcheck.extraction.sentences import SENTENCE_END
from numcheck.extraction.units import lexicon
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
