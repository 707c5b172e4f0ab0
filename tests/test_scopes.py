"""Scopes: quotations, blockquotes, tables, headings and link texts, found by the readers."""

from __future__ import annotations

import pytest

from numcheck.api import check_documents
from numcheck.reading.discover import read_document
from numcheck.reading.scopes import quotations


def _quoted(text: str) -> list[str]:
    return [text[scope.start : scope.end] for scope in quotations(text)]


# (sentence, the quotations in it, marks included)
QUOTATION_CASES = [
    ('"Our missiles fly 190 miles," he said.', ['"Our missiles fly 190 miles,"']),
    ("“Our missiles fly 190 miles,” he said.", ["“Our missiles fly 190 miles,”"]),
    ("He said: «190 miles» and „306 km“.", ["«190 miles»", "„306 km“"]),
    ("The ‘190-mile’ figure", ["‘190-mile’"]),
    ("It’s 190 miles, the soldiers’ range.", []),  # apostrophes
    ("‘We don’t fly 190 miles,’ he said.", ["‘We don’t fly 190 miles,’"]),
    ('He is 6\'2" tall and said "5 km" twice.', ['"5 km"']),  # an inch mark
    ('A 12" pizza', []),
    ('"unclosed 190 miles\nand "closed 5 km" here', ['"closed 5 km"']),
    ("“one” and “two”", ["“one”", "“two”"]),
    ("“outer ‘inner 5’ still outer”", ["“outer ‘inner 5’ still outer”"]),
    ('" spaced" is no quotation', []),
    ("No quotation at all: 190 miles (306 km).", []),
]


@pytest.mark.parametrize(("text", "quoted"), QUOTATION_CASES)
def test_quotations(text: str, quoted: list[str]) -> None:
    assert _quoted(text) == quoted


MARKDOWN = """\
# Range: 190 miles

> Our missiles fly 190 miles (360 km), the general said.
> And more.

The [190-mile report](https://example.com/a) came out.

| Weapon | Range |
|---|---|
| ATACMS | 190 miles |

A "wrapped
quotation" goes on.
"""


def test_markdown_scopes() -> None:
    document = read_document("a.md", MARKDOWN)
    found = sorted((scope.kind, MARKDOWN[scope.start : scope.end]) for scope in document.scopes)
    assert found == [
        ("heading", "# Range: 190 miles\n"),
        ("link", "190-mile report"),
        ("quote", '"wrapped\nquotation"'),
        ("quote", "> Our missiles fly 190 miles (360 km), the general said.\n> And more.\n"),
        ("table", "| Weapon | Range |\n|---|---|\n| ATACMS | 190 miles |\n"),
    ]


def test_plain_text_has_only_quotations() -> None:
    text = "# Not a heading 5\n| not | a table |\nHe said “190 miles”.\n"
    document = read_document("a.txt", text)
    assert [(s.kind, text[s.start : s.end]) for s in document.scopes] == [("quote", "“190 miles”")]


# (text, skip-scopes, the texts of the claims kept)
SKIP_CASES = [
    (MARKDOWN, (), ["190 miles", "190 miles", "360 km", "190-mile", "190 miles"]),
    (MARKDOWN, ("heading",), ["190 miles", "360 km", "190-mile", "190 miles"]),
    (MARKDOWN, ("quote",), ["190 miles", "190-mile", "190 miles"]),
    (MARKDOWN, ("link",), ["190 miles", "190 miles", "360 km", "190 miles"]),
    (MARKDOWN, ("table",), ["190 miles", "190 miles", "360 km", "190-mile"]),
    (MARKDOWN, ("quote", "table", "heading", "link"), []),
]


@pytest.mark.parametrize(("text", "skip", "kept"), SKIP_CASES)
def test_skip_scopes_leave_claims_out(text: str, skip: tuple[str, ...], kept: list[str]) -> None:
    result = check_documents([read_document("a.md", text)], skip_scopes=skip)
    assert [claim.text for claim in result.claims] == kept


@pytest.mark.parametrize(
    ("path", "text", "quoted"),
    [
        ("a.md", "> Our missiles fly 190 miles (360 km), he said.\n", True),
        ("a.md", "He said “our missiles fly 190 miles (360 km)”.\n", True),
        ("a.txt", 'He said "our missiles fly 190 miles (360 km)".\n', True),
        ("a.txt", "Our missiles fly 190 miles (360 km), he said.\n", False),
        ("a.md", "The “ATACMS” flies 190 miles (360 km).\n", False),
    ],
)
def test_a_finding_in_a_quotation_says_so_and_its_fix_is_display_only(
    path: str, text: str, quoted: bool
) -> None:
    (finding,) = check_documents([read_document(path, text)]).findings
    assert finding.code == "NC101"
    assert finding.message.endswith(" (in a quotation)") == quoted
    assert finding.fix is not None
    assert finding.fix.replacement == "306 km"
    assert finding.fix.applicability == ("display-only" if quoted else "safe")
