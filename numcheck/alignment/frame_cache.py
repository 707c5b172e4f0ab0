"""Frames kept between edits of one document: a paragraph keeps the subject keys and frames
of its claims while nothing they are read from has changed.

``numcheck.alignment.frames`` reads, for a claim, exactly this (and the cache keys a
paragraph's frames on all of it, so a frame it gives back is always the one ``frame_claims``
would make):

* **the paragraph's prose.** A claim, its sentence and its clause lie inside one paragraph
  (a sentence ends at every line end); the sentence before, whose times a sentence without
  its own takes (``context_time``), is in the same paragraph or gives none; a look one
  character back (a word boundary, the letter before an acronym) sees the blank line that
  opens every paragraph, or the start of the text, which read alike;
* **the claims, placed relative to the paragraph**: their offsets, sentence starts,
  subjects, dimensions, whether their figures are vague, whether they restate the claim
  before (and, so that a field read later cannot slip by, the rest of what they say);
* **the source line a claim starts on**, from its first character (a list item, a table
  row, a "Label:" line);
* **around the paragraph**: the 31 characters before it when only blanks come before its
  first claim ("another 3,000 troops" has no key); the blanks after it and the 12
  characters that follow them when only blanks follow its last claim ("3,000 more" has no
  key), else 2 when it ends in a closing mark or a blank after a full stop (whether its
  last sentence ends at ``arrived.”`` or at its line end depends on a capital after it);
* **the document's names** (``frames.document_names``, read from the whole text), but only
  those written in the paragraph: a name is looked up for a word of the paragraph only, so
  adding "sales" in lower case elsewhere changes the frames of exactly the paragraphs that
  write "Sales";
* **the conversion before**: a conversion that opens a paragraph restates a claim of an
  earlier one and takes its frame, which is given to it after every paragraph is framed;
* **the word tables of the rule packs**: when they change, everything is framed afresh.

Like ``numcheck.extraction.extract.MatchCache``, the cache keeps two generations (the
paragraphs of this framing and of the one before), so memory stays within twice the
document. Use one cache per document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import replace

from numcheck.alignment import lexicon
from numcheck.alignment.frames import document_names
from numcheck.alignment.frames import frame_claims
from numcheck.alignment.keys import tables as subject_tables
from numcheck.extraction.claims import Claim
from numcheck.extraction.extract import paragraphs
from numcheck.reading.documents import Document

# How far frames read around a paragraph (see above): a key looks 30 characters back for
# "another" and one more for a word boundary; after a figure for "additional" and a word
# boundary; whether a sentence ends at a paragraph's last full stop, at a quotation mark and
# a capital after the blank line.
BEFORE, AFTER, SENTENCE_AFTER = 31, 12, 2
_BLANKS = re.compile(r"\s*")
# A paragraph whose last sentence may end before its last character ("arrived.”"): whether
# it does depends on the characters after the blank line.
_CLOSED_SENTENCE = re.compile(r"[.!?][\"”’)]?\s*\Z")


@dataclass
class _Framed:
    """One paragraph's claims as last framed, and the names they were framed with."""

    claims: tuple[Claim, ...]
    framed: tuple[Claim, ...]
    names: frozenset[str]


class FrameCache:
    """What one document's paragraphs were framed to, for a caller that frames it again and
    again (an editor buffer)."""

    def __init__(self) -> None:
        self._current: dict[tuple, _Framed] = {}
        self._previous: dict[tuple, _Framed] = {}
        self._tables: tuple[object, ...] = ()
        self._names: frozenset[str] = frozenset()
        self.reused = self.framed = 0  # paragraphs, in the last framing

    def frame_claims(self, document: Document, claims: Sequence[Claim]) -> list[Claim]:
        """``frames.frame_claims(document, claims)``, framing only the paragraphs whose
        frames may have changed since the last call."""
        tables = (lexicon.tables(), subject_tables())
        if len(tables) != len(self._tables) or any(
            a is not b for a, b in zip(tables, self._tables, strict=True)
        ):
            self._current, self._previous, self._tables = {}, {}, tables
        self._previous, self._current = self._current, {}
        self.reused = self.framed = 0
        names = document_names(document.prose)
        if names == self._names:
            names = self._names  # the same object: paragraphs framed with it need no look
        self._names = names
        # The paragraphs in turn: (its key, its claims, how many conversions open it, what
        # was kept for it or None). Conversions that open a paragraph take the frame of a
        # claim before it, if any, and are not framed with it.
        paragraphs: list[tuple[tuple, list[Claim], int, _Framed | None]] = []
        for start, end, group in _by_paragraph(document.prose, claims):
            leading = 0
            if paragraphs:
                while leading < len(group) and group[leading].restates:
                    leading += 1
            key = _context(document, start, end, group, leading)
            found = self._current.get(key) or self._previous.get(key)
            text = document.prose[start:end]
            if found is not None and (
                found.names is not names and any(name in text for name in found.names ^ names)
            ):
                found = None
            paragraphs.append((key, group, leading, found))
        # Those to frame again, in one reading of the document.
        missing = [
            claim
            for _, group, leading, found in paragraphs
            if found is None
            for claim in group[leading:]
        ]
        made = iter(frame_claims(document, missing, names) if missing else ())
        framed: list[Claim] = []
        for key, group, leading, found in paragraphs:
            if found is None:
                self.framed += 1
                own = [next(made) for _ in range(leading, len(group))]
                found = _Framed(tuple(group), (*group[:leading], *own), names)
            else:
                self.reused += 1
                found.names = names
            self._current[key] = found
            framed.extend(_placed(found, group, leading))
        return _with_sources(framed)

    def __len__(self) -> int:
        return len(self._current) + len(self._previous)


def _placed(found: _Framed, group: list[Claim], leading: int) -> Sequence[Claim]:
    """The claims of a paragraph with the keys and frames ``found`` for them."""
    if all(a is b for a, b in zip(found.claims, group, strict=True)):
        return found.framed
    framed = list(group[:leading])
    for index in range(leading, len(group)):
        claim, made = group[index], found.framed[index]
        # A claim extraction made again as it was (near an edit) stays the same object, so
        # that what later steps keep for it holds; one that moved is made anew.
        if claim is not found.claims[index] and claim != found.claims[index]:
            made = replace(claim, key=made.key, frame=made.frame)
        framed.append(made)
    found.claims, found.framed = tuple(group), tuple(framed)
    return framed


def _by_paragraph(prose: str, claims: Sequence[Claim]) -> Iterator[tuple[int, int, list[Claim]]]:
    """Each paragraph that holds claims, and its claims (no claim spans a blank line)."""
    index = 0
    for start, end in paragraphs(prose):
        if index >= len(claims):
            return
        group = []
        while index < len(claims) and claims[index].location.start < end:
            group.append(claims[index])
            index += 1
        if group:
            yield start, end, group
    if index < len(claims):  # not expected: claims past the last paragraph go on their own
        yield len(prose), len(prose), list(claims[index:])


def _context(
    document: Document, start: int, end: int, group: Sequence[Claim], leading: int
) -> tuple:
    """Everything of the document the frames of ``group`` are read from, but the names."""
    prose, source = document.prose, document.source
    line_start = source.rfind("\n", 0, start) + 1
    framed = group[leading:]  # the conversions that open it take a frame made elsewhere
    first = framed[0].location.start if framed else end
    last = group[-1].location.end
    before = prose[max(0, start - BEFORE) : start] if not prose[start:first].strip() else None
    blanks = _BLANKS.match(prose, end).end()
    after = None
    if not prose[last:end].strip():
        after = prose[end : blanks + AFTER]
    elif _CLOSED_SENTENCE.search(prose, start, end) and prose[end - 1 : end] not in ".!?":
        after = prose[end : blanks + SENTENCE_AFTER]
    return (
        prose[start:end],
        source[line_start:end],
        start - line_start,
        before,
        after,
        leading,
        tuple(_relative(claim, start) for claim in framed),
    )


def _relative(claim: Claim, start: int) -> tuple:
    """What a claim says, placed relative to its paragraph's ``start``."""
    where = claim.location
    return (
        where.start - start,
        where.end - start,
        claim.sentence - start,
        claim.text,
        claim.subject,
        claim.dimension,
        claim.unit,
        claim.qualifier,
        claim.value,
        claim.shape,
        claim.adjectival,
        claim.restates,
        tuple(measure.figure.vague for measure in claim.measures),
    )


def _with_sources(claims: list[Claim]) -> list[Claim]:
    """Each conversion with the key and frame of the claim it restates, as ``frame_claims``
    gives them over the whole document."""
    source: Claim | None = None
    for index, claim in enumerate(claims):
        if claim.restates and source is not None:
            if claim.frame is not source.frame or claim.key != source.key:
                claims[index] = replace(claim, key=source.key, frame=source.frame)
        else:
            source = claim
    return claims
