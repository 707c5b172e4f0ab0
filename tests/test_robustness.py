"""Random mixtures of the pieces numcheck reads (figures, units, markup, dates, emoji) never
make it fail: every text gives claims and findings, or none, and never an exception."""

from __future__ import annotations

import random

import pytest

from numcheck.api import check_documents
from numcheck.reading.documents import plain_text_document
from numcheck.reading.markdown import markdown_document

PIECES = [
    "190", " miles", " (", "306 km", ")", "-", "–", " to ", "between ", " and ", "$", "£5bn",
    "1/4", "½", "twenty-five", " over ", "up to ", "%", "\n\n", "\n", "```", "`", "<!-- ",
    " -->", "# ", "* ", "[x](http://a/1)", "km/h", "°C", "F", "m", "in", "5ft 11in", "troops",
    "North Korean", ",", ".", "10,000", "minus ", "k", "x", "×", "2:1", "24/7", "January 20",
    "F-16s", "🚀", "\t", "\r\n", "one", "a dozen", "1e5", "--", "|", "---\nstory: x\n---\n",
    "\\", "0", "00", "1.2.3", "(", "((", "))", "pounds", " 6 ounces", "gallons", " or ", "~",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(40))
def test_random_text_never_fails(seed: int) -> None:
    chooser = random.Random(seed)
    for _ in range(25):
        text = "".join(chooser.choice(PIECES) for _ in range(chooser.randint(1, 120)))
        for make in (plain_text_document, markdown_document):
            documents = [make("a.md", text), make("b.md", text[::-1])]
            result = check_documents(documents)
            for finding in result.findings:
                assert 0 <= finding.location.start <= finding.location.end <= len(text)
