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
from numcheck.findings import Finding
from numcheck.reading.discover import DEFAULT_INCLUDE
from numcheck.reading.discover import InputError
from numcheck.reading.discover import discover
from numcheck.reading.discover import read_path
from numcheck.reading.documents import Document
from numcheck.reading.scopes import mark_quotations
from numcheck.reading.scopes import scopes_at
from numcheck.reading.suppressions import mark_suppressed
from numcheck.reading.suppressions import suppress


@dataclass
class Result:
    """What a run produced: findings, the claims read, and the inputs that were skipped."""

    findings: list[Finding] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    # The paths checked (None: every document); the others were read only as corpus.
    report_on: set[str] | None = None

    @property
    def checked(self) -> list[Document]:
        """The documents checked, without those read only to compare them with."""
        if self.report_on is None:
            return self.documents
        return [document for document in self.documents if document.path in self.report_on]

    @property
    def files(self) -> int:
        """How many files were checked (files read only as corpus not counted)."""
        return len(self.checked)

    @property
    def corpus_files(self) -> int:
        """How many files were read only to compare the checked ones with."""
        return len(self.documents) - self.files

    @property
    def checked_claims(self) -> list[Claim]:
        if self.report_on is None:
            return self.claims
        return [claim for claim in self.claims if claim.path in self.report_on]

    def fixable(self, applicability: str = "safe") -> int:
        """Findings shown (not suppressed) whose fix has this applicability."""
        return sum(
            1
            for finding in self.findings
            if not finding.suppressed
            and finding.fix is not None
            and finding.fix.applicability == applicability
        )


def read_documents(
    paths: Sequence[str],
    *,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    respect_gitignore: bool = True,
) -> tuple[list[Document], list[str]]:
    """The documents under ``paths`` and a one-line message for each file skipped."""
    documents, skipped = [], []
    found = discover(paths, include=include, exclude=exclude, respect_gitignore=respect_gitignore)
    for path in found:
        try:
            documents.append(read_path(path))
        except InputError as error:
            skipped.append(str(error))
    return documents, skipped


def document_claims(document: Document, cache: MatchCache | None = None) -> list[Claim]:
    """Everything numcheck learns from one document alone: its claims, in reading order.

    This is the per-document step of a run (it needs no other document), so it is the unit
    that may run in another process or be kept between runs."""
    return frame_claims(document, extract(document, cache))


def outside_scopes(document: Document, claims: list[Claim], skip: Sequence[str]) -> list[Claim]:
    """``claims`` but those that begin in a scope of a kind in ``skip``."""
    if not skip or not document.scopes:
        return claims
    return [claim for claim in claims if not scopes_at(document, claim.location.start) & set(skip)]


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
    skip_scopes: Sequence[str] = (),
) -> Result:
    """Run the chosen checks over ``documents``; report findings on ``report_on`` paths only
    (all paths when None), although every document is read for cross-document checks.

    Findings silenced by inline comments (``numcheck.reading.suppressions``) are dropped, or
    kept and
    marked ``suppressed`` with ``show_suppressed``. ``progress(done, total)`` is called as
    each document's claims are extracted. ``extracted`` holds claims already extracted, by
    path (a caller's cache, as the language server keeps); the rest are extracted here.
    Claims in the ``skip_scopes`` (``quote``, ``table``, ``heading``, ``link``) are left out;
    findings in a quotation say so and keep their fix for display only."""
    documents = list(documents)
    claims: dict[str, list[Claim]] = {}
    for done, document in enumerate(documents, 1):
        known = extracted.get(document.path) if extracted else None
        found = known if known is not None else document_claims(document)
        claims[document.path] = outside_scopes(document, found, skip_scopes)
        if progress is not None:
            progress(done, len(documents))
    stories = group_stories(documents, claims, story_groups)
    corpus = Corpus(documents, claims, stories, report_on=report_on)
    settings = settings or {}
    findings: list[Finding] = []
    checks = [
        check_class(settings.get(check_class.name) or settings.get(check_class.code))
        for check_class in selected_checks(select, ignore)
    ]
    for check in checks:
        findings.extend(check.run(corpus))
    if report_on is not None:
        findings = [f for f in findings if f.path in report_on]
    suppression = suppress(mark_quotations(findings, documents), documents)
    ran = [type(check) for check in checks]
    reviewed = [finding for check in checks for finding in check.review(corpus, suppression, ran)]
    # Findings about the comments themselves: only a comment that names their rule hides them.
    findings = suppression.findings + list(mark_suppressed(reviewed, documents, blanket=False))
    if not show_suppressed:
        findings = [f for f in findings if not f.suppressed]
    findings.sort(key=Finding.sort_key)
    all_claims = [claim for document in documents for claim in claims[document.path]]
    return Result(findings, all_claims, documents, report_on=report_on)


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
