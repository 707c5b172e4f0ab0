"""What must hold for any text at all, and hypothesis strategies that make hostile text.

The texts mix news words, figures of every form, units, qualifiers, Markdown and HTML syntax,
URLs, suppression comments, random Unicode (combining marks, right-to-left scripts, emoji and
joiners, astral planes; never a lone surrogate, which no decoded file holds) and every line
ending. Each ``check_*`` function raises ``AssertionError`` naming the property a text
breaks. ``tests/test_properties.py`` runs them with a fixed seed and budget;
``tools/fuzz.py`` runs them for as long as it is told and keeps what fails.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

from hypothesis import HealthCheck
from hypothesis import settings
from hypothesis import strategies as st

from numcheck.alignment.frame_cache import FrameCache
from numcheck.api import Result
from numcheck.api import check_documents
from numcheck.api import document_claims
from numcheck.extraction.extract import MatchCache
from numcheck.extraction.extract import extract
from numcheck.findings import Finding
from numcheck.findings import Location
from numcheck.fixes import apply_fixes
from numcheck.reading.discover import read_document
from numcheck.reading.documents import Document
from numcheck.report import formatter

# The budget of every property test: fixed seeds, NUMCHECK_EXAMPLES examples a property.
FIXED = settings(
    max_examples=int(os.environ.get("NUMCHECK_EXAMPLES", "100")),
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

WORDS = (
    "troops soldiers North Korean Russia the a of in and to range missile miles mile km "
    "kilometres kilometers metres feet ft foot inches in cm mm mph km/h knots tonnes tons "
    "pounds lb ounces gallons litres acres hectares °C °F C F degrees percent per cent % "
    "percentage points million billion bn m k dozen hundred thousand people killed fled "
    "residents officials said about over up to nearly more than fewer than at least between "
    "around some roughly as much as under above below from rose fell by another more ATACMS "
    "HIMARS F-16s COVID-19 Boeing 737 version Article World War Three January March 2022 "
    "2024 one two three ten twenty-five half quarter a an or so 24/7 2:1 10:30 am"
).split()
FIGURES = [
    "190", "306", "360", "10,000", "11,000", "3,000", "1.5", ".5", "0", "00", "-5", "−5",
    "1/4", "½", "2 1/2", "5ft 11in", "1e5", "10^400", "1e400", "1,2,3", "1.2.3", "9" * 40,
    "$5bn", "£4.2m", "€3 billion", "5k", "US$10", "Rs 50", "10-12", "10–12", "5-10bn",
    "190-mile", "306-km", "30 to 55", "86F", "30C", "25%", "2×", "±3",
]  # fmt: skip
MARKUP = [
    "# ", "## ", "* ", "- ", "+ ", "1. ", "> ", ">> ", "```\n", "```", "~~~\n", "`", "``",
    "**", "__", "_", "*", "~~", "[", "]", "(", ")", "](http://x.org/1)", "![a](b.png)",
    "[^1]", "^[note 5 km]", "[1]: http://x.org/2\n", "| a | b |\n", "|---|---|\n", "| 5 km |",
    "---\n", "---\nstory: s\n---\n", "<!--", "-->", "<!-- 5 km -->", "<b>", "</b>", "<br>",
    "<div>\n", "</div>\n", "&amp;", "&#49;", "&nbsp;", "&#x31;", "\\", "\\|", "    ", "\t",
    "<https://x.org/5km>", "https://example.com/190-miles", "www.x.org/5km", "a@b.co",
    "<!-- numcheck: disable NC101 -->", "<!-- numcheck: enable -->",
    "<!-- numcheck: enable NC1 -->",
    "<!-- numcheck: disable-next-line -->", "<!-- numcheck: disable-line NC2 -->",
    "<!-- numcheck: disable-file all -->", "numcheck: disable-next-line NC101\n",
    "<!-- numcheck: disable-nextline NC101 -->", "numcheck: disable",
]  # fmt: skip
PUNCTUATION = list(" ,.;:!?()[]{}\"'“”‘’«»—–-/&@#+=~^|") + [", or ", " (", ") "]
LINE_ENDS = ["\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\r\r", "\u2028", "\u0085", "\f", "\v"]
ODD = [
    "\u200d", "\u200b", "\u200f", "\u200e", "\u202e", "\u0301", "\u0308\u0308", "\ufeff",
    "\u00a0", "\u2009", "\u3000", "👩‍👩‍👧‍👦", "🇺🇦", "👍🏽", "1️⃣", "🚀", "\U0001d7d9",
    "٣٠٠", "۳", "१२", "عربي", "עברית", "中文", "ﬁ", "Ⅻ", "²", "\x00", "\x7f", "\x1b[0m",
]  # fmt: skip

_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
PIECES = WORDS + FIGURES + MARKUP + PUNCTUATION + LINE_ENDS + ODD
UNITS = [
    "miles", "mile", "km", "kilometres", "feet", "ft", "m", "metres", "inches", "cm", "mph",
    "km/h", "knots", "kg", "lb", "pounds", "tons", "tonnes", "ounces", "gallons", "litres",
    "acres", "hectares", "sq mi", "km²", "°C", "°F", "C", "F", "degrees", "pounds sterling",
    "dollars", "ft 11in", "-mile", "-km", "%", "",
]  # fmt: skip
AMBIGUOUS = ["pounds", "pound", "tons", "ton", "gallons", "m", "degrees", "bn", "k"]
QUALIFIERS = ["", "", "up to ", "about ", "over ", "more than ", "nearly ", "between 5 and "]


def _claim(qualifier: str, figure: str, unit: str) -> str:
    return f"{qualifier}{figure}{'' if unit.startswith('-') else ' '}{unit}"


def conversions() -> st.SearchStrategy[str]:
    """A figure and its restatement, right or wrong, in another unit ("190 miles (360 km)")
    or in the same one, often a unit with several meanings ("100 pounds (120 pounds)")."""
    figures = st.one_of(
        st.sampled_from(FIGURES), st.integers(0, 10**6).map(str), st.floats(0, 1e4).map(str)
    )
    units = st.one_of(st.sampled_from(UNITS), st.sampled_from(AMBIGUOUS))
    qualifiers = st.sampled_from(QUALIFIERS)

    def restated(unit: str) -> st.SearchStrategy[str]:
        again = st.one_of(st.just(unit), units)
        return st.builds(_claim, qualifiers, figures, again).map(lambda b: (unit, b))

    pairs = units.flatmap(restated)
    joint = st.sampled_from([" (", "(", ", or ", " [", " ("])
    close = st.sampled_from([")", ")", "", ", ", "]", "; 5 km)"])
    return st.builds(
        lambda q, f, pair, j, c: f" {_claim(q, f, pair[0])}{j}{pair[1]}{c} ",
        qualifiers,
        figures,
        pairs,
        joint,
        close,
    )


def texts(max_pieces: int = 60) -> st.SearchStrategy[str]:
    """Hostile text: pieces of news and markup, spaced or not, and random Unicode."""
    piece = st.one_of(
        st.sampled_from(PIECES),
        st.sampled_from(WORDS).map(lambda word: word + " "),
        st.sampled_from(FIGURES).map(lambda figure: f" {figure} "),
        st.text(st.characters(exclude_categories=["Cs"]), max_size=4),
        st.integers(min_value=0, max_value=10**12).map(lambda n: f"{n:,}"),
        conversions(),
        conversions(),  # twice as likely: most fixes come from conversions
    )
    return st.lists(piece, max_size=max_pieces).map("".join)


def paths() -> st.SearchStrategy[str]:
    return st.sampled_from(["a.md", "a.txt", "a.markdown"])


def _documents(path: str, text: str) -> list[Document]:
    """The text, and the same text as a second file of its story, to exercise the checks
    across documents too."""
    return [read_document(path, text), read_document("z-" + path, text)]


def check_pipeline(path: str, text: str) -> Result:
    """No exception; the same report twice; every position inside its file, pointing at the
    text it quotes; every claim's text is its span."""
    documents = _documents(path, text)
    result = check_documents(documents)
    assert not result.errors, f"internal error: {result.errors[0].message()}"
    again = check_documents(_documents(path, text))
    for name in ("json", "sarif", "text", "github", "rdjson"):
        render = formatter(name).render_findings
        assert render(result) == render(again), f"{name}: two runs differ"
    by_path = {document.path: document for document in documents}
    for finding in result.findings:
        document = by_path[finding.path]
        _check_location(document, finding.location)
        for related in finding.related:
            _check_location(by_path[related.location.path], related.location)
        _check_quote(document, finding.location, finding.message, finding.code)
    for claim in result.claims:
        document = by_path[claim.path]
        _check_location(document, claim.location)
        span = document.source[claim.location.start : claim.location.end]
        assert claim.text == span, f"claim text {claim.text!r} is not its span {span!r}"
    return result


def _check_location(document: Document, where: Location) -> None:
    assert 0 <= where.start <= where.end <= len(document.source), f"span outside: {where}"
    assert document.position(where.start) == (where.line, where.column), f"start: {where}"
    assert document.position(where.end) == (where.end_line, where.end_column), f"end: {where}"


def _check_quote(document: Document, where: Location, message: str, code: str) -> None:
    """A message that starts by quoting a figure quotes the text the finding points at; one
    about a comment (NC0xx) points at the comment and quotes the word in it that is wrong."""
    if where.start == where.end or not message.startswith("'"):
        return
    span = " ".join(document.source[where.start : where.end].split())
    quoted = " ".join(message.split())
    if code.startswith("NC0"):
        word = quoted[1:].split("'", 1)[0]
        assert word in span, f"message {message!r} quotes nothing of {span!r}"
        return
    assert quoted.startswith(f"'{span}'"), f"message {message!r} does not quote {span!r}"


def check_fix(path: str, text: str) -> None:
    """``--fix`` changes only the spans of its fixes, and the fixed text has no finding left
    at a fixed span."""
    document = read_document(path, text)
    result = check_documents([document])
    fixed, applied = apply_fixes(text, result.findings)
    if not applied:
        assert fixed == text
        return
    cursor, shift, spans = 0, 0, []
    for fix in sorted(applied, key=lambda item: item.finding.location.start):
        start, end = fix.finding.location.start, fix.finding.location.end
        kept = text[cursor:start]
        assert fixed[cursor + shift : start + shift] == kept, "a byte outside a fix changed"
        assert fixed[start + shift : start + shift + len(fix.after)] == fix.after
        spans.append((start + shift, start + shift + len(fix.after), fix.finding.code))
        shift += len(fix.after) - (end - start)
        cursor = end
    assert fixed[cursor + shift :] == text[cursor:], "a byte after the last fix changed"
    again = check_documents([read_document(path, fixed)])
    left = {(f.location.start, f.location.end, f.code) for f in again.findings}
    for span in spans:
        assert span not in left, f"the fixed span {fixed[span[0] : span[1]]!r} is still {span[2]}"


def check_suppression_index(path: str, text: str) -> None:
    """The suppression index silences exactly what reading every directive would, for a
    finding of each rule at each line."""
    from numcheck.checks import all_checks
    from numcheck.reading.suppressions import _Index
    from numcheck.reading.suppressions import _silencer
    from numcheck.reading.suppressions import directives

    document = read_document(path, text)
    found = directives(document)
    if not found:
        return
    index = _Index(found)
    starts = document.line_starts
    for check in all_checks():
        for number, start in enumerate(starts, 1):
            where = Location(path, number, 1, number, 1, start, start)
            finding = Finding(where, check.code, check.name, "error", "m")
            for blanket in (True, False):
                expected = _silencer(finding, found, blanket)
                assert index.silencer(finding, blanket) == expected, (check.code, number)


def check_cache(path: str, texts_in_turn: Sequence[str]) -> None:
    """Extracting one buffer edit after edit with a cache gives a fresh extraction's claims,
    and framing them with a frame cache too gives a fresh run's claims, keys and frames."""
    cache = MatchCache()
    claims_cache, frames = MatchCache(), FrameCache()
    for text in texts_in_turn:
        document = read_document(path, text)
        assert extract(document, cache) == extract(document), "the cache changed a claim"
        kept = document_claims(document, claims_cache, frames)
        fresh = document_claims(document)
        assert len(kept) == len(fresh), "the caches changed the claims"
        for mine, theirs in zip(kept, fresh, strict=True):
            assert mine == theirs, f"the frame cache changed {theirs.text!r}"


def edits(
    inserted: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[list[tuple[int, float, int, str]]]:
    """Edits of a text, each (paragraph, where in it, characters deleted, text inserted);
    ``inserted`` adds to the texts inserted."""
    pieces = st.one_of(st.just(""), texts(4), st.sampled_from(["\n\n", " another ", "more "]))
    edit = st.tuples(
        st.integers(0, 8),
        st.floats(0, 1),
        st.integers(0, 12),
        pieces if inserted is None else st.one_of(pieces, inserted, inserted),
    )
    return st.lists(edit, min_size=1, max_size=6)


def edited(text: str, changes: Sequence[tuple[int, float, int, str]]) -> list[str]:
    """``text`` after each of ``changes`` in turn: an edit at a place in one of its
    paragraphs (the last if there are fewer), as an editor's buffer goes."""
    versions = [text]
    for paragraph, where, deleted, inserted in changes:
        starts = [0] + [found.end() for found in _BLANK_LINE.finditer(text)]
        start = starts[min(paragraph, len(starts) - 1)]
        following = [s for s in starts if s > start]
        end = following[0] if following else len(text)
        at = start + int(where * (end - start))
        text = text[:at] + inserted + text[at + deleted :]
        versions.append(text)
    return versions


PEOPLE = ["Kyiv officials", "Zelenskiy", "The Pentagon", "Rutte", "North Korea"]
PLACES = ["Kharkiv", "Kursk", "Odesa", "the front"]
NOUNS = ["drones", "tanks", "troops", "shells", "refugees", "rockets"]
VERBS = ["had reached", "were sent to", "were killed in", "arrived in", "fled"]
TIMES = ["", " last year", " in 2024", " on Monday"]


def story_sentences() -> st.SearchStrategy[str]:
    """Sentences of one story in which a few figures are told again, alike or not: "Rutte
    said 3,000 troops had reached Kursk last year."""
    return st.builds(
        "{} said {} {} {} {}{}.".format,
        st.sampled_from(PEOPLE),
        st.sampled_from(["3,000", "about 3,000", "4,000", "11,000", "25", "300"]),
        st.sampled_from(NOUNS),
        st.sampled_from(VERBS),
        st.sampled_from(PLACES),
        st.sampled_from(TIMES),
    )


def story_words() -> st.SearchStrategy[str]:
    """What an edit of a story's article types: its words, figures and sentences."""
    words = [*PEOPLE, *PLACES, *NOUNS, *VERBS, *TIMES, "rose by 2,000", "4,000", "25,000"]
    return st.one_of(
        st.sampled_from(words).map(lambda word: f" {word.strip()} "),
        story_sentences().map(lambda sentence: f" {sentence} "),
    )


def story_texts(max_paragraphs: int = 6) -> st.SearchStrategy[str]:
    paragraph = st.lists(
        st.one_of(story_sentences(), st.sampled_from(["In Kyiv, the talks went on.", "- "])),
        min_size=1,
        max_size=4,
    ).map(" ".join)
    return st.lists(paragraph, min_size=1, max_size=max_paragraphs).map("\n\n".join)


def check_kept(texts_in_turn: Sequence[str], others: Sequence[str]) -> None:
    """Checking one buffer edit after edit among other documents of its story, with every
    cache an editor's session keeps (claims, frames, agreement results), finds what a fresh
    run finds."""
    story = "---\nstory: s\n---\n"
    fixed = [read_document(f"other-{n}.md", story + text) for n, text in enumerate(others)]
    claims = {document.path: document_claims(document) for document in fixed}
    cache, frames, kept = MatchCache(), FrameCache(), {}
    for text in texts_in_turn:
        document = read_document("article.md", story + text)
        claims["article.md"] = document_claims(document, cache, frames)
        documents = [document, *fixed]
        again = check_documents(documents, report_on={"article.md"}, extracted=claims, kept=kept)
        fresh = check_documents(
            [read_document(d.path, d.source) for d in documents], report_on={"article.md"}
        )
        assert again.findings == fresh.findings, "kept results changed a finding"
