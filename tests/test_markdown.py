from __future__ import annotations

import re
from pathlib import Path

import pytest

from numcheck.reading.documents import Document
from numcheck.reading.documents import blank_text
from numcheck.reading.markdown import markdown_document
from numcheck.reading.markdown import markdown_parser
from numcheck.reading.markdown import plain_inline

FIXTURES = Path(__file__).parent / "fixtures" / "documents"


def blanked(source: str, pieces: list[str]) -> str:
    """``source`` with each piece, found in order from the previous one, blanked."""
    prose = source
    position = 0
    for piece in pieces:
        start = source.index(piece, position)
        prose = prose[:start] + blank_text(piece) + prose[start + len(piece) :]
        position = start + len(piece)
    return prose


def check_shape(document: Document) -> None:
    """Prose as long as the source, a line end (or, for a soft break, a space) at each of its
    line ends."""
    assert len(document.prose) == len(document.source)
    for index, char in enumerate(document.source):
        if char == "\n":
            assert document.prose[index] in "\n ", index
        elif document.prose[index] == "\n":
            raise AssertionError(f"a line end at {index} that the source does not have")


def softened(prose: str, soft: tuple[int, ...]) -> str:
    """``prose`` with the line ends numbered in ``soft`` (0 is the first) read as spaces."""
    ends = [index for index, char in enumerate(prose) if char == "\n"]
    for number in soft:
        prose = prose[: ends[number]] + " " + prose[ends[number] + 1 :]
    return prose


# (name, source, the pieces that must be blanked, in order); everything else is kept as is.
MARKDOWN_CASES = [
    ("paragraph", "Up to 190 miles (306 km) away.\n", []),
    ("atx heading", "## Range: 190 miles ##\n", ["##", "##"]),
    ("setext heading", "Range 190 miles\n===============\n", ["==============="]),
    (
        "ordered list numbers are markup",
        "1. First 190 miles\n2. Then 306 km\n\n10) Ten 5\n",
        ["1.", "2.", "10)"],
    ),
    ("list item that is a number", "1. 1\n2. 2 km\n\n- -5 km\n", ["1.", "2.", "-"]),
    ("bullets", "- over 10,000 troops\n  * about 11,000\n+ two\n", ["-", "*", "+"]),
    ("tab after bullet", "-\tItem\t190 miles\n", ["-\t"]),
    ("star bullet before emphasis", "* *190* miles\n", ["*", "*", "*"]),
    ("blockquote", "> Over 10,000 troops\n> > nested 5 km\n", [">", ">", ">"]),
    ("lazy blockquote list", "> 1. item 5\ncontinued 6\n", [">", "1."]),
    (
        "emphasis markers",
        "*190* miles, **306** km, _5_ m, __6__ ft, ***7***\n",
        ["*", "*", "**", "**", "_", "_", "__", "__", "***", "***"],
    ),
    ("unmatched stars stay", "5 * 3 = 15 and 2*3\n", []),
    ("strikethrough", "~~200~~ 190 miles\n", ["~~", "~~"]),
    (
        "code spans",
        "Run `x = 190 * 1.609` for 306 km, ``a ` 5``.\n",
        ["`x = 190 * 1.609`", "``a ` 5``"],
    ),
    (
        "fenced code",
        'Text 1.\n\n```python\nrange = "190 miles (360 km)"\n```\n\nText 2.\n',
        ["```python", 'range = "190 miles (360 km)"', "```"],
    ),
    ("tilde fence", "~~~\n5 km\n~~~\nAfter 6.\n", ["~~~", "5 km", "~~~"]),
    ("unclosed fence", "Before 1.\n```\n190 miles (360 km)\n", ["```", "190 miles (360 km)"]),
    ("indented code", "Text.\n\n    x = 190 # km\n\nMore.\n", ["x = 190 # km"]),
    (
        "html block",
        '<div class="x">\n<p>190 miles</p>\n</div>\n\nProse 5.\n',
        ['<div class="x">', "<p>190 miles</p>", "</div>"],
    ),
    (
        "custom tag block",
        "<custom-tag>\n190 miles\n</custom-tag>\n",
        ["<custom-tag>", "190 miles", "</custom-tag>"],
    ),
    (
        "comment block",
        "<!--\ndraft: 360 km\n-->\nKept 306 km.\n",
        ["<!--", "draft: 360 km", "-->"],
    ),
    ("inline comment", "About 190 miles <!-- was 200 --> away.\n", ["<!-- was 200 -->"]),
    (
        "inline html",
        'A <abbr title="5">190</abbr> mile range.\n',
        ['<abbr title="5">', "</abbr>"],
    ),
    (
        "multi-line inline html",
        '> A <span\n> data-x="5">190</span> miles\n',
        [">", "<span", ">", 'data-x="5">', "</span>"],
    ),
    (
        "link destination and title",
        '[the 2024 report](https://x.example/2024/1.html "Report 7") says 306 km.\n',
        ["[", '](https://x.example/2024/1.html "Report 7")'],
    ),
    ("text right after a link", "[a](/x/12)12 km\n", ["[", "](/x/12)"]),
    ("angle destination", "[b](</my file 5.md>) 5 km\n", ["[", "](</my file 5.md>)"]),
    (
        "parentheses in destination",
        "[w](https://w.example/A_(5)) 5 km\n",
        ["[", "](https://w.example/A_(5))"],
    ),
    (
        "link across lines",
        '[multi\nline](/u/5\n "title\n 6") after 7\n',
        ["[", "](/u/5", '"title', '6")'],
    ),
    (
        "reference links and definition",
        '[the report][r7] and [r7] say 5 km.\n\n[r7]: https://x.example/7 "Title 7"\n',
        ["[", "][r7]", "[", "]", '[r7]: https://x.example/7 "Title 7"'],
    ),
    (
        "definition with a title on later lines",
        '[r]: /u\n  "title\n  5"\n\nText.\n',
        ["[r]: /u", '"title', '5"'],
    ),
    (
        "autolinks",
        "See <https://x.example/306> and <press@x.example>.\n",
        ["<https://x.example/306>", "<press@x.example>"],
    ),
    ("bare url", "See https://x.example/306 now.\n", ["https://x.example/306"]),
    (
        "url as link text",
        "[https://x.example/5](https://x.example/5)\n",
        ["[https://x.example/5](https://x.example/5)"],
    ),
    ("bare address", "Mail desk2024@example.com today.\n", ["desk2024@example.com"]),
    (
        "image keeps its alt text",
        '![Map of 190-mile range](img/map-306.png "Fig 2") shown.\n',
        ["![", '](img/map-306.png "Fig 2")'],
    ),
    (
        "code and image in a link",
        "*[`x` 5 ![i 6](/i.png)](/u)*\n",
        ["*", "[", "`x`", "![", "](/i.png)", "](/u)", "*"],
    ),
    (
        "table",
        "| Missile | Range |\n|---|:---:|\n| ATACMS | 190 miles |\n",
        ["|", "|", "|", "|---|:---:|", "|", "|", "|"],
    ),
    ("escaped pipe in a cell", "| a \\| b | 5 |\n|--|--|\n", ["| ", "\\", " | ", " |", "|--|--|"]),
    ("escapes", "\\# not a heading, 5\\* stars, 1\\. not a list\n", ["\\", "\\", "\\"]),
    ("backslash hard break", "190 miles\\\n306 km\n", ["\\"]),
    (
        "front matter",
        "---\nstory: atacms\ndate: 2024-11-17\n---\n# Title 5\n",
        ["---", "story: atacms", "date: 2024-11-17", "---", "#"],
    ),
    ("footnotes", "Range 190 miles[^1].\n\n[^1]: Source 2024.\n", ["[^1]", "[^1]:"]),
    ("inline footnote", "Range^[note 5] ok\n", ["^[", "]"]),
    ("non-ascii", "# Київ: 190 миль 🚀 (306 км)\n\n- 东京 5 km\n", ["#", "-"]),
    (
        "crlf",
        "1. First 5\r\n2. Second 6\r\n\r\n```\r\ncode 7\r\n```\r\n",
        ["1.", "2.", "```", "code 7", "```"],
    ),
]


# Soft line breaks (numbered from 0 among the line ends) of the cases above: a paragraph's
# line ends are spaces in prose.
SOFT_BREAKS = {
    "lazy blockquote list": (0,),
    "link across lines": (0, 1, 2),
    "multi-line inline html": (0,),
}


@pytest.mark.parametrize(
    ("source", "pieces", "soft"),
    [
        pytest.param(source, pieces, SOFT_BREAKS.get(name, ()), id=name)
        for name, source, pieces in MARKDOWN_CASES
    ],
)
def test_markdown_prose(source: str, pieces: list[str], soft: tuple[int, ...]) -> None:
    document = markdown_document("a.md", source)
    check_shape(document)
    assert document.prose == softened(blanked(source, pieces), soft)


# (name, source, expected prose): a soft line break is a space, as on the rendered page; a
# hard break and the line ends between blocks are kept.
LINE_BREAK_CASES = [
    (
        "wrapped paragraph",
        "About 8,000 North Korean\ntroops arrived.\n",
        "About 8,000 North Korean troops arrived.\n",
    ),
    ("crlf", "About 8,000\r\ntroops.\r\n", "About 8,000  troops.\r\n"),
    ("blockquote", "> About 8,000\n> troops.\n", "  About 8,000   troops.\n"),
    ("list item", "- About 8,000\n  troops.\n- 5 km\n", "  About 8,000   troops.\n  5 km\n"),
    ("two trailing spaces", "Total 5  \nArea 6\n", "Total 5  \nArea 6\n"),
    ("backslash break", "Total 5\\\nArea 6\n", "Total 5 \nArea 6\n"),
    ("paragraphs", "About 8,000\n\ntroops.\n", "About 8,000\n\ntroops.\n"),
    ("heading then text", "# 5 km\nAbout 8,000\n", "  5 km\nAbout 8,000\n"),
    ("table rows", "| a | 5 |\n|---|---|\n| b | 6 |\n", "  a   5  \n         \n  b   6  \n"),
    ("code span", "About `x\ny` 5\ntroops\n", "About       5 troops\n"),
    ("emphasis", "*190*\n**miles**\n", " 190    miles  \n"),
]


@pytest.mark.parametrize(
    ("source", "prose"),
    [pytest.param(source, prose, id=name) for name, source, prose in LINE_BREAK_CASES],
)
def test_line_breaks(source: str, prose: str) -> None:
    document = markdown_document("a.md", source)
    check_shape(document)
    assert document.prose == prose


def test_entities_become_their_character_or_spaces() -> None:
    source = "5&nbsp;km &amp; 10&#8211;12 &copy;\n"
    expected = "5" + " " * 6 + "km " + "&" + " " * 4 + " 10" + "–" + " " * 6 + "12 " + "©" + " " * 5
    assert markdown_document("a.md", source).prose == expected + "\n"


# (source, word, occurrence, line, column): positions after CRLF, tabs and emoji.
CRLF_LIST = "---\r\nstory: s\r\n---\r\n# 🚀 Range\r\n\r\n-\tup to **190** miles (306 km)\r\n"
POSITION_CASES = [
    (CRLF_LIST, "190", 0, 6, 11),
    (CRLF_LIST, "306", 0, 6, 24),
    ("# 🚀🚀 Range\n\n> 👩‍👩‍👧 had 4 kids\n", "4", 0, 3, 13),
    ("| 東京 | 🚀 5 |\r\n|---|---|\r\n| Київ\t| 6 km |\r\n", "6", 0, 3, 10),
    ("Intro 😀 [map 😀](https://x/1) then 5 km\n", "5", 0, 1, 35),
]


@pytest.mark.parametrize(("source", "word", "occurrence", "line", "column"), POSITION_CASES)
def test_positions_map_back_to_the_source(
    source: str, word: str, occurrence: int, line: int, column: int
) -> None:
    document = markdown_document("a.md", source)
    offset = [match.start() for match in re.finditer(re.escape(word), source)][occurrence]
    assert document.prose[offset : offset + len(word)] == word
    assert document.position(offset) == (line, column)


STORY_CASES = [
    ("---\nstory: ukraine-atacms\n---\nText\n", "ukraine-atacms"),
    ("---\r\nstory: crlf-story\r\n---\r\nText\r\n", "crlf-story"),
    ("---\nstory: 2024\n---\n", "2024"),
    ("---\nstory: '  spaced  '\n---\n", "spaced"),
    ("---\ntitle: no story\n---\n", None),
    ("---\nstory: true\n---\n", None),
    ("---\nstory: [a, b]\n---\n", None),
    ("---\n- a list\n- not a mapping\n---\n", None),
    ("---\nstory: [unclosed\n---\n", None),
    ("---\nstory: s\ndate: 2024-02-30\n---\n", "s"),  # other keys' values are not read
    ("---\ndate: [unclosed\nstory: s\n---\n", None),  # broken before the story key
    ("---\nstory: 1.5\n---\n", None),
    ("---\nstory: null\n---\n", None),
    ('---\nstory: "true"\n---\n', "true"),
    ("---\ntags: {story: x}\nstory: y\n---\n", "y"),
    ("---\n- story\n---\n", None),
    ("---\n\t: bad\n---\n", None),
    ("No front matter.\n", None),
]


@pytest.mark.parametrize(("source", "story"), STORY_CASES)
def test_story_comes_from_front_matter(source: str, story: str | None) -> None:
    document = markdown_document("a.md", source)
    assert document.story == story
    end = source.index("---", 3) + 3 if source.startswith("---") else 0
    assert document.prose[:end].strip() == ""


def test_article_fixture() -> None:
    path = FIXTURES / "article.md"
    source = path.read_text(encoding="utf-8")
    document = markdown_document(str(path), source)
    check_shape(document)
    assert document.story == "ukraine-atacms-2024"
    numbers = re.findall(r"\d[\d,.]*\d|\d", document.prose)
    assert numbers == ["190", "306", "10,000", "190", "250", "2"]
    for word in ["Ukraine may use ATACMS", "two officials", "190 miles (306 km)", "Storm Shadow"]:
        offset = source.index(word)
        assert document.prose[offset : offset + len(word)] == word
    offset = source.index("10,000")
    assert document.position(offset) == (18, 9)
    for hidden in ["2023 draft", "305.8 km", "atacms-42", "Report 3", "desk2024", "[^troops]"]:
        assert hidden not in document.prose


def test_large_document_keeps_its_shape() -> None:
    block = "# Part 5\n\n1. Up to 190 miles (306 km)\n\n```\n360 km\n```\n\n| a | 5 |\n|---|---|\n"
    source = block * 2000
    document = markdown_document("big.md", source)
    check_shape(document)
    assert re.findall(r"\d+", document.prose) == ["5", "190", "306", "5"] * 2000


# Inline content without inline markup, as paragraphs, headings and table cells hold it: the
# reader makes its tokens without markdown-it's inline parser, and they must be the parser's.
PLAIN_INLINE = [
    "Russia has deployed over 10,000 North Korean troops near Kursk, officials said.",
    "The missile has a range of up to 190 miles (306 km).",
    "Temperatures reached 86F (30C) as 1,200 residents fled a 25-mile (40-km) zone.",
    "The $5bn package, a 25% rise, funds 300 miles (483 km) of new road by 2026.",
    "About 8,000 North Korean\ntroops were sent.",
    "A line ended by one space \nand the next.",
    "A hard break after two spaces  \nand the next line.",
    "Three spaces   \n   and an indented line after them.",
    "A tab before the line end\t\n\tand a tab after it.",
    "Score: 3-2 at 10:30 #1 + {note} = 5 @home > 4 ]",
    "",
    "   ",
    "  \n  ",
    "Lines\n\nthat\n \nmarkdown-it would never hand over, read all the same.",
]


@pytest.mark.parametrize("content", PLAIN_INLINE)
def test_plain_inline_tokens_are_the_parsers(content: str) -> None:
    parser = markdown_parser()
    expected = parser.inline.parse(content, parser, {}, [])
    assert [t.as_dict() for t in plain_inline(content)] == [t.as_dict() for t in expected]


def test_inline_markup_is_left_to_the_parser() -> None:
    document = markdown_document("a.md", "Up to **190 miles** (306 km) [away](https://x.org/5).\n")
    assert document.prose == "Up to   190 miles   (306 km)  away                  .\n"
