from __future__ import annotations

import pytest

from numcheck.reading.discover import read_document
from numcheck.reading.documents import Document
from numcheck.reading.documents import blank_text
from numcheck.reading.documents import blank_urls
from numcheck.reading.documents import line_offsets
from numcheck.reading.documents import make_document
from numcheck.reading.documents import plain_text_document


def test_position_maps_offsets_to_lines_and_columns() -> None:
    source = "ab\ncd\n\nef"
    document = plain_text_document("a.txt", source)
    expected = {0: (1, 1), 1: (1, 2), 2: (1, 3), 3: (2, 1), 5: (2, 3), 6: (3, 1), 7: (4, 1)}
    for offset, position in expected.items():
        assert document.position(offset) == position
    assert document.position(len(source)) == (4, 3)


# (source, word, line, column): columns in code points, a tab is one column, CRLF ends a line.
POSITION_CASES = [
    ("first line\r\nrange of 190 miles\r\n", "190", 2, 10),
    ("a\r\n\r\n\r\nover 10,000 troops", "10,000", 4, 6),
    ("\tindented\t306 km", "306", 1, 11),
    ("🚀🚀 launch: 190 miles (306 km)", "306", 1, 23),
    ("Київ 东京 — about 11,000 troops", "11,000", 1, 17),
    ("𝟙 wide 👩‍👩‍👧 family of 4", "4", 1, 24),
    ("line one\nline two 😀\n\tup to 190 miles", "190", 3, 8),
]


@pytest.mark.parametrize(("source", "word", "line", "column"), POSITION_CASES)
def test_position_counts_code_points(source: str, word: str, line: int, column: int) -> None:
    document = plain_text_document("a.txt", source)
    assert document.position(source.index(word)) == (line, column)


def test_position_rejects_offsets_outside_the_source() -> None:
    document = plain_text_document("a.txt", "abc")
    with pytest.raises(ValueError, match="outside"):
        document.position(4)
    with pytest.raises(ValueError, match="outside"):
        document.position(-1)


def test_position_works_without_precomputed_line_starts() -> None:
    document = Document("a.txt", "ab\ncd", "ab\ncd")
    assert document.position(4) == (2, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", (0,)),
        ("abc", (0,)),
        ("a\nb\n", (0, 2, 4)),
        ("a\r\nb", (0, 3)),
        ("\n\n", (0, 1, 2)),
    ],
)
def test_line_offsets(text: str, expected: tuple[int, ...]) -> None:
    assert line_offsets(text) == expected


def test_make_document_requires_equal_lengths() -> None:
    with pytest.raises(ValueError, match="as long as"):
        make_document("a.txt", "abc", "ab")


def test_blank_text_keeps_only_line_endings() -> None:
    assert blank_text("a\tb\r\nc😀\n") == "   \r\n  \n"


# (source, blanked substrings, kept substrings)
PLAIN_TEXT_CASES = [
    (
        "Read https://example.com/2024/11/17/atacms-190-miles.html for the range.",
        ["https://example.com/2024/11/17/atacms-190-miles.html"],
        ["Read ", " for the range."],
    ),
    (
        "The map (http://maps.example.org/?z=12&x=306) shows 306 km.",
        ["http://maps.example.org/?z=12&x=306"],
        ["The map (", ") shows 306 km."],
    ),
    (
        "See www.example.com/reports/2024. It says 10,000 troops.",
        ["www.example.com/reports/2024"],
        ["See ", ". It says 10,000 troops."],
    ),
    (
        "Source: bbc.co.uk/news/world-12345678, over 10,000 troops.",
        ["bbc.co.uk/news/world-12345678"],
        ["Source: ", ", over 10,000 troops."],
    ),
    (
        "Write to press.office2024@example.com or desk@news.example.co.uk today.",
        ["press.office2024@example.com", "desk@news.example.co.uk"],
        ["Write to ", " or ", " today."],
    ),
    (
        "Wikipedia (https://en.wikipedia.org/wiki/MGM-140_ATACMS_(missile)) gives 300 km.",
        ["https://en.wikipedia.org/wiki/MGM-140_ATACMS_(missile)"],
        ["Wikipedia (", ") gives 300 km."],
    ),
    (
        "He wrote “https://x.example/1”, then 5 km/h and U.S./NATO data and/or 3.5/5.",
        ["https://x.example/1"],
        ["He wrote “", "”, then 5 km/h and U.S./NATO data and/or 3.5/5."],
    ),
    (
        "Line one 190 miles\r\n\r\nftp://files.example.net/306.zip\r\n\r\nend",
        ["ftp://files.example.net/306.zip"],
        ["Line one 190 miles\r\n\r\n", "\r\n\r\nend"],
    ),
]


@pytest.mark.parametrize(("source", "blanked", "kept"), PLAIN_TEXT_CASES)
def test_plain_text_blanks_urls_and_addresses(
    source: str, blanked: list[str], kept: list[str]
) -> None:
    document = plain_text_document("notes.txt", source)
    assert len(document.prose) == len(document.source) == len(source)
    for text in blanked:
        start = source.index(text)
        assert document.prose[start : start + len(text)] == " " * len(text), text
    for text in kept:
        start = source.index(text)
        assert document.prose[start : start + len(text)] == text, text


def test_plain_text_without_urls_is_unchanged() -> None:
    source = "Ukraine plans to deploy ATACMS rockets with a range of up to 190 miles (306 km).\n"
    assert plain_text_document("a.txt", source).prose == source


def test_blank_urls_keeps_sentence_punctuation_after_a_url() -> None:
    url = "https://a.example/x1"
    assert blank_urls(f"at {url}.") == "at " + " " * len(url) + "."
    assert blank_urls(f"({url})") == "(" + " " * len(url) + ")"
    assert blank_urls(f"<{url}>, then") == "<" + " " * len(url) + ">, then"


@pytest.mark.parametrize(
    ("path", "markdown"),
    [("a.md", True), ("b.MARKDOWN", True), ("c.txt", False), ("-", False), ("d.md.txt", False)],
)
def test_read_document_picks_the_reader_by_suffix(path: str, markdown: bool) -> None:
    source = "# 190 miles\n"
    prose = read_document(path, source).prose
    assert prose == ("  190 miles\n" if markdown else source)
