"""The public Python API: read paths, extract claims, run checks."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from typing import TYPE_CHECKING
from typing import Any

from numcheck.alignment.frames import frame_claims
from numcheck.alignment.stories import features
from numcheck.alignment.stories import group_stories
from numcheck.checks import Corpus
from numcheck.checks import selected_checks
from numcheck.extraction.claims import Claim
from numcheck.extraction.extract import MatchCache
from numcheck.extraction.extract import extract
from numcheck.findings import Finding
from numcheck.reading.discover import DEFAULT_INCLUDE
from numcheck.reading.discover import InputError
from numcheck.reading.discover import discover
from numcheck.reading.discover import read_document
from numcheck.reading.discover import read_path
from numcheck.reading.documents import Document
from numcheck.reading.suppressions import mark_suppressed

if TYPE_CHECKING:
    from numcheck.cache import ClaimsCache


@dataclass
class Result:
    """What a run produced: findings, the claims read, and the inputs that were skipped."""

    findings: list[Finding] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    # Counts of what was read where the documents and claims stayed elsewhere (on the
    # workers of a cluster): ``documents`` then holds only those that findings point at.
    file_total: int | None = None
    claim_total: int | None = None

    @property
    def files(self) -> int:
        return len(self.documents) if self.file_total is None else self.file_total

    @property
    def claim_count(self) -> int:
        return len(self.claims) if self.claim_total is None else self.claim_total


@dataclass(frozen=True)
class Extracted:
    """What one document yields on its own (the per-document step of a run): the document,
    its claims, and the features that story grouping compares. It may be made in another
    process or kept in the claims cache."""

    document: Document
    claims: list[Claim]
    features: frozenset[str]


def document_claims(document: Document, cache: MatchCache | None = None) -> list[Claim]:
    """Everything numcheck learns from one document alone: its claims, in reading order.

    This is the per-document step of a run (it needs no other document), so it is the unit
    that may run in another process or be kept between runs."""
    return frame_claims(document, extract(document, cache))


def extract_document(document: Document, claims: list[Claim] | None = None) -> Extracted:
    """The per-document step for a document already read (``claims`` if already known)."""
    if claims is None:
        claims = document_claims(document)
    return Extracted(document, claims, features(document, claims))


def extract_text(path: str, text: str) -> Extracted:
    """The per-document step for ``text`` read as the file ``path`` (Markdown or plain)."""
    return extract_document(read_document(path, text))


def read_documents(
    paths: Sequence[str], *, include: Sequence[str] = DEFAULT_INCLUDE, exclude: Sequence[str] = ()
) -> tuple[list[Document], list[str]]:
    """The documents under ``paths`` and a one-line message for each file skipped."""
    documents, skipped = [], []
    for path in discover(paths, include=include, exclude=exclude):
        try:
            documents.append(read_path(path))
        except InputError as error:
            skipped.append(str(error))
    return documents, skipped


def extract_paths(
    paths: Sequence[str],
    *,
    jobs: int | None = 1,
    cache: ClaimsCache | None = None,
    max_bytes: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[Extracted], list[str]]:
    """Read and extract the files ``paths`` (``jobs`` processes at most, None: every core,
    ``cache`` consulted and filled); the results in order, and a message for each file
    skipped."""
    from numcheck import engine

    outcomes = engine.run(
        [engine.Work(path) for path in paths],
        jobs=jobs,
        cache=cache,
        max_bytes=max_bytes,
        progress=progress,
    )
    extracted = [item for item in outcomes if isinstance(item, Extracted)]
    skipped = [str(item) for item in outcomes if isinstance(item, InputError)]
    return extracted, skipped


def extract_claims(
    paths: Sequence[str],
    *,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    jobs: int | None = 1,
    cache: ClaimsCache | None = None,
) -> Result:
    found = discover(paths, include=include, exclude=exclude)
    extracted, skipped = extract_paths(found, jobs=jobs, cache=cache)
    claims = [claim for item in extracted for claim in item.claims]
    return Result(claims=claims, documents=[item.document for item in extracted], skipped=skipped)


def check_documents(
    documents: Iterable[Document],
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    settings: Mapping[str, Mapping[str, Any]] | None = None,
    report_on: set[str] | None = None,
    story_groups: Mapping[str, Sequence[str]] | None = None,
    show_suppressed: bool = False,
    progress: Callable[[int, int], None] | None = None,
    extracted: Mapping[str, list[Claim]] | None = None,
    known: Mapping[str, Extracted] | None = None,
    jobs: int | None = 1,
) -> Result:
    """Run the chosen checks over ``documents``; report findings on ``report_on`` paths only
    (all paths when None), although every document is read for cross-document checks.

    Findings silenced by inline comments (``numcheck.reading.suppressions``) are dropped, or
    kept and marked ``suppressed`` with ``show_suppressed``. ``progress(done, total)`` is
    called as each document's claims are extracted. ``extracted`` holds claims already
    extracted, by path (a caller's cache, as the language server keeps), and ``known`` the
    per-document results of an earlier run, used for the very same document objects; the rest
    are extracted here (in ``jobs`` processes at most)."""
    from numcheck import engine

    documents = list(documents)
    records: list[Extracted | None] = []
    for document in documents:
        claims = extracted.get(document.path) if extracted else None
        earlier = known.get(document.path) if known else None
        if earlier is not None and earlier.document is document:
            records.append(earlier)
        elif claims is not None:
            records.append(extract_document(document, claims))
        else:
            records.append(None)
    missing = [
        engine.Work(document.path, document=document)
        for document, record in zip(documents, records, strict=True)
        if record is None
    ]
    fresh = iter(engine.run(missing, jobs=jobs, progress=progress))
    complete = [record or next(fresh) for record in records]
    return check_extracted(
        complete,  # type: ignore[arg-type]
        select=select,
        ignore=ignore,
        settings=settings,
        report_on=report_on,
        story_groups=story_groups,
        show_suppressed=show_suppressed,
    )


def check_extracted(
    records: Sequence[Extracted],
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    settings: Mapping[str, Mapping[str, Any]] | None = None,
    report_on: set[str] | None = None,
    story_groups: Mapping[str, Sequence[str]] | None = None,
    show_suppressed: bool = False,
    stories: Mapping[str, str] | None = None,
) -> Result:
    """Group the documents into stories (unless ``stories`` gives each path's story) and run
    the chosen checks (see ``check_documents``).

    Every check compares claims within one document or one story, so with ``report_on`` only
    the stories of those documents are checked, and the stories of a corpus may be checked
    apart (as the Dask engine does)."""
    documents = [record.document for record in records]
    claims = {record.document.path: record.claims for record in records}
    if stories is None:
        stories = group_stories(
            documents,
            claims,
            story_groups,
            features_of={record.document.path: record.features for record in records},
        )
    checked = documents
    if report_on is not None:
        wanted = {stories.get(path, path) for path in report_on}
        checked = [d for d in documents if stories.get(d.path, d.path) in wanted]
    corpus = Corpus(checked, claims, dict(stories), report_on=report_on)
    settings = settings or {}
    findings: list[Finding] = []
    for check_class in selected_checks(select, ignore):
        check = check_class(settings.get(check_class.name) or settings.get(check_class.code))
        findings.extend(check.run(corpus))
    if report_on is not None:
        findings = [f for f in findings if f.path in report_on]
    findings = list(mark_suppressed(findings, checked))
    if not show_suppressed:
        findings = [f for f in findings if not f.suppressed]
    findings.sort(key=Finding.sort_key)
    all_claims = [claim for record in records for claim in record.claims]
    return Result(findings=findings, claims=all_claims, documents=documents)


def check_paths(
    paths: Sequence[str],
    *,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    jobs: int | None = 1,
    cache: ClaimsCache | None = None,
    **options: Any,
) -> Result:
    found = discover(paths, include=include, exclude=exclude)
    extracted, skipped = extract_paths(found, jobs=jobs, cache=cache)
    result = check_extracted(extracted, **options)
    result.skipped = skipped
    return result
