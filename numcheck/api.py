"""The public Python API: read paths, extract claims, run checks."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from typing import Any

from numcheck.alignment.frames import frame_claims
from numcheck.alignment.stories import group_stories
from numcheck.checks import Corpus
from numcheck.checks import selected_checks
from numcheck.extraction.claims import Claim
from numcheck.extraction.extract import MatchCache
from numcheck.extraction.extract import extract
from numcheck.failures import EXPECTED
from numcheck.failures import InternalError
from numcheck.findings import Finding
from numcheck.findings import bounded
from numcheck.reading.discover import DEFAULT_INCLUDE
from numcheck.reading.discover import InputError
from numcheck.reading.discover import discover
from numcheck.reading.discover import read_path
from numcheck.reading.documents import Document
from numcheck.reading.suppressions import mark_suppressed


@dataclass
class Result:
    """What a run produced: findings, the claims read, and the inputs that were skipped."""

    findings: list[Finding] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    # Unexpected errors (bugs) met on some documents; each is also an NC000 finding.
    errors: list[InternalError] = field(default_factory=list)

    @property
    def files(self) -> int:
        return len(self.documents)


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
        except EXPECTED:
            raise
        except Exception as error:  # a bug in the reader: skip the file, say so
            skipped.append(InternalError.of(error, path=path).message())
    return documents, skipped


def document_claims(document: Document, cache: MatchCache | None = None) -> list[Claim]:
    """Everything numcheck learns from one document alone: its claims, in reading order.

    This is the per-document step of a run (it needs no other document), so it is the unit
    that may run in another process or be kept between runs."""
    return frame_claims(document, extract(document, cache))


def extract_claims(
    paths: Sequence[str], *, include: Sequence[str] = DEFAULT_INCLUDE, exclude: Sequence[str] = ()
) -> Result:
    documents, skipped = read_documents(paths, include=include, exclude=exclude)
    claims = [claim for document in documents for claim in document_claims(document)]
    return Result(claims=claims, documents=documents, skipped=skipped)


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
) -> Result:
    """Run the chosen checks over ``documents``; report findings on ``report_on`` paths only
    (all paths when None), although every document is read for cross-document checks.

    Findings silenced by inline comments (``numcheck.reading.suppressions``) are dropped, or
    kept and
    marked ``suppressed`` with ``show_suppressed``. ``progress(done, total)`` is called as
    each document's claims are extracted. ``extracted`` holds claims already extracted, by
    path (a caller's cache, as the language server keeps); the rest are extracted here."""
    # In the order of their paths, so that no result depends on the order they were given in.
    documents = sorted(documents, key=lambda document: document.path)
    claims: dict[str, list[Claim]] = {}
    errors: list[InternalError] = []
    for done, document in enumerate(documents, 1):
        known = extracted.get(document.path) if extracted else None
        if known is None:
            known, error = safe_claims(document)
            if error is not None:
                errors.append(error)
        claims[document.path] = known
        if progress is not None:
            progress(done, len(documents))
    stories = group_stories(documents, claims, story_groups)
    corpus = Corpus(documents, claims, stories, report_on=report_on)
    settings = settings or {}
    findings: list[Finding] = []
    for check_class in selected_checks(select, ignore):
        check = check_class(settings.get(check_class.name) or settings.get(check_class.code))
        try:
            findings.extend(check.run(corpus))
        except EXPECTED:
            raise
        except Exception as error:  # a check over several documents failed: say which
            corpus.failures.append(InternalError.of(error, rule=check.code))
    findings = [bounded(f) for f in findings if report_on is None or f.path in report_on]
    findings = list(mark_suppressed(findings, documents))
    if not show_suppressed:
        findings = [f for f in findings if not f.suppressed]
    errors += corpus.failures
    findings += _error_findings(errors, documents, report_on)
    findings.sort(key=Finding.sort_key)
    all_claims = [claim for document in documents for claim in claims[document.path]]
    return Result(findings=findings, claims=all_claims, documents=documents, errors=errors)


def safe_claims(
    document: Document, cache: MatchCache | None = None
) -> tuple[list[Claim], InternalError | None]:
    """``document_claims``, or no claims and the internal error that stopped it."""
    try:
        return document_claims(document, cache), None
    except EXPECTED:
        raise
    except Exception as error:
        return [], InternalError.of(error, document=document)


def _error_findings(
    errors: Sequence[InternalError], documents: Sequence[Document], report_on: set[str] | None
) -> list[Finding]:
    """An NC000 finding for each internal error, on a reported document (never suppressed)."""
    by_path = {document.path: document for document in documents}
    reported = [d.path for d in documents if report_on is None or d.path in report_on]
    found = []
    for error in errors:
        if error.path is not None and report_on is not None and error.path not in report_on:
            continue
        fallback = reported[0] if reported else "-"
        found.append(error.finding(by_path.get(error.path or fallback), fallback))
    return found


def check_paths(
    paths: Sequence[str],
    *,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    **options: Any,
) -> Result:
    documents, skipped = read_documents(paths, include=include, exclude=exclude)
    result = check_documents(documents, **options)
    result.skipped = skipped
    return result
