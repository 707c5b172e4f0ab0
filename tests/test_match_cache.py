"""An editor buffer extracted again after each edit, with the cache, gives exactly the claims
a fresh extraction gives: reusing a paragraph's claims never changes a result."""

from __future__ import annotations

import random

import pytest

from numcheck.extraction.extract import MatchCache
from numcheck.extraction.extract import extract
from numcheck.extraction.extract import paragraphs
from numcheck.reading.discover import read_document

PARAGRAPHS = [
    "Russia deployed over 10,000 North Korean troops near Kursk, officials said.",
    "The missile has a range of up to 190 miles (306 km).",
    "A range of\n190 miles (360 km) was quoted by the ATACMS maker.",
    "About 3,000 North Korean troops were killed.",
    "killed",
    "132 people died when the 25-mile (40-km) dam failed.",
    "**190** miles (*306* km) and `5 km` in code.",
    "| 5 km (3 mi) | over 10,000 troops |\n|---|---|\n| 1 | 2 |",
    "> The general said 190 miles (360 km).",
]
EDITS = ["", "\n\n", "\n", " ", "360", "306", "ATACMS ", "people ", "of ", "the range of ", "#"]


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("path", ["a.md", "a.txt"])
def test_cached_extraction_is_a_fresh_extraction(seed: int, path: str) -> None:
    chooser = random.Random(seed)
    text = "\n\n".join(chooser.choice(PARAGRAPHS) for _ in range(8))
    cache = MatchCache()
    counts = [0]
    for _ in range(30):
        at = chooser.randrange(len(text) + 1)
        end = min(len(text), at + chooser.choice([0, 0, 1, 3, 12]))
        text = text[:at] + chooser.choice(EDITS) + text[end:]
        document = read_document(path, text)
        assert extract(document, cache) == extract(document), text
        counts.append(len(list(paragraphs(document.prose))))
        # this extraction and the one before: one parse and one claims entry a paragraph
        assert len(cache) <= 2 * (counts[-1] + counts[-2])
