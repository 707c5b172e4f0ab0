"""The public Python API: read paths, extract claims, run checks."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from typing import TYPE_CHECKING
from typing import Any

from numcheck.alignment.frame_cache import FrameCache
from numcheck.alignment.frames import frame_claims
from numcheck.alignment.stories import features
from numcheck.alignment.stories import regroup_stories
from numcheck.checks import Check
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
from numcheck.reading.discover import read_document
from numcheck.reading.discover import read_path
from numcheck.reading.documents import Document
from numcheck.reading.documents import blank_text
from numcheck.reading.documents import make_document
from numcheck.reading.scopes import mark_quotations
from numcheck.reading.scopes import scopes_at
from numcheck.reading.suppressions import mark_suppressed
from numcheck.reading.suppressions import suppress

if TYPE_CHECKING:
    from numcheck.cache import ClaimsCache


@dataclass
class Result:
    """What a run produced: findings, the claims read, and the inputs that were skipped.

    When only some documents were checked against a larger corpus (``report_on``) and the
    rest came from the claims cache, ``documents`` and ``claims`` hold those of the stories
    checked (the rest were never loaded); the Dask engine keeps them on its workers and
    brings back only the documents findings point at. The counts of everything read are
    then in ``read_total``, ``checked_total`` and ``checked_claim_total``; ``files``,
    ``corpus_files`` and ``claim_count`` give the counts either way."""

    findings: list[Finding] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    # The paths checked (None: every document); the others were read only as corpus.
    report_on: set[str] | None = None
    read_total: int | None = None
    checked_total: int | None = None
    checked_claim_total: int | None = None
    # Unexpected errors (bugs) met on some documents; each is also an NC000 finding.
    errors: list[InternalError] = field(default_factory=list)

    @property
    def checked(self) -> list[Document]:
        """The documents checked, without those read only to compare them with."""
        if self.report_on is None:
            return self.documents
        return [document for document in self.documents if document.path in self.report_on]

    @property
    def files(self) -> int:
        """How many files were checked (files read only as corpus not counted)."""
        return len(self.checked) if self.checked_total is None else self.checked_total

    @property
    def corpus_files(self) -> int:
        """How many files were read only to compare the checked ones with."""
        read = len(self.documents) if self.read_total is None else self.read_total
        return read - self.files

    @property
    def checked_claims(self) -> list[Claim]:
        if self.report_on is None:
            return self.claims
        return [claim for claim in self.claims if claim.path in self.report_on]

    @property
    def claim_count(self) -> int:
        """How many claims the files checked hold."""
        if self.checked_claim_total is not None:
            return self.checked_claim_total
        return len(self.checked_claims)

    def fixable(self, applicability: str = "safe") -> int:
        """Findings shown (not suppressed) whose fix has this applicability."""
        return sum(
            1
            for finding in self.findings
            if not finding.suppressed
            and finding.fix is not None
            and finding.fix.applicability == applicability
        )


class Extracted:
    """What one document yields on its own (the per-document step of a run): the document,
    its claims, and the features that story grouping compares. It may be made in another
    process or kept in the claims cache.

    One read from the cache is *deferred*: its path, story, features and number of claims are
    at hand, and the document and its claims are unpickled the first time they are asked for,
    so a run that checks a few files against a large corpus loads only the stories it checks.
    One sent by a worker process is *packed*: its document is at hand and its claims are kept
    pickled until first asked for, so a process that groups stories and hands them to other
    processes to check never builds them.

    ``error`` is the internal error (a bug) that stopped the step, if one did: the document
    then has no claims, and the run reports the error as an NC000 finding.
    """

    __slots__ = (
        "path", "story", "features", "claim_count", "error", "_document", "_claims", "_load"
    )  # fmt: skip

    def __init__(
        self,
        document: Document,
        claims: list[Claim],
        features: frozenset[str],
        error: InternalError | None = None,
    ):
        self.path, self.story = document.path, document.story
        self.features, self.claim_count = features, len(claims)
        self.error = error
        self._document: Document | None = document
        self._claims: list[Claim] | None = claims
        self._load: Callable[[], Extracted] | None = None

    @classmethod
    def deferred(
        cls,
        path: str,
        story: str | None,
        features: frozenset[str],
        claim_count: int,
        load: Callable[[], Extracted],
    ) -> Extracted:
        """A record whose document and claims ``load()`` gives when first asked for."""
        record = cls.__new__(cls)
        record.path, record.story = path, story
        record.features, record.claim_count = features, claim_count
        record.error = None
        record._document = record._claims = None
        record._load = load
        return record

    @classmethod
    def packed(
        cls, document: Document, features: frozenset[str], claim_count: int, claims: bytes
    ) -> Extracted:
        """A record whose claims are ``claims`` pickled (``numcheck.packing``), unpickled
        when first asked for."""
        from numcheck import packing

        def load() -> Extracted:
            return Extracted(document, packing.loads(claims), features)

        record = cls.deferred(document.path, document.story, features, claim_count, load)
        record._document = document
        return record

    @property
    def document(self) -> Document:
        if self._document is None:
            self._materialise()
        assert self._document is not None
        return self._document

    @property
    def claims(self) -> list[Claim]:
        if self._claims is None:
            self._materialise()
        assert self._claims is not None
        return self._claims

    def _materialise(self) -> None:
        assert self._load is not None
        loaded = self._load()
        if self._document is None:
            document = loaded.document
            if document.story != self.story:  # a story given since (by the config)
                document = replace(document, story=self.story)
            self._document = document
        self._claims, self._load = loaded.claims, None

    def with_document(self, document: Document) -> Extracted:
        """This record for ``document`` (the same text, read again or with a story given),
        its claims still to load if they were."""
        if self._load is None:
            return Extracted(document, self.claims, self.features, self.error)
        record = Extracted.deferred(
            document.path, document.story, self.features, self.claim_count, self._load
        )
        record._document, record.error = document, self.error
        return record

    def with_story(self, story: str) -> Extracted:
        """This record with the document's story set, loading nothing."""
        if self._document is not None:
            return self.with_document(replace(self._document, story=story))
        return Extracted.deferred(self.path, story, self.features, self.claim_count, self._load)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Extracted):
            return NotImplemented
        return (self.document, self.claims, self.features) == (
            other.document,
            other.claims,
            other.features,
        )

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:  # sent whole to other processes
        return (Extracted, (self.document, self.claims, self.features, self.error))

    def __repr__(self) -> str:
        state = "deferred" if self._load is not None else f"{self.claim_count} claims"
        return f"Extracted({self.path!r}, {state})"


def document_claims(
    document: Document, cache: MatchCache | None = None, frames: FrameCache | None = None
) -> list[Claim]:
    """Everything numcheck learns from one document alone: its claims, in reading order.

    This is the per-document step of a run (it needs no other document), so it is the unit
    that may run in another process or be kept between runs. A caller that reads one
    document again and again (an editor buffer) passes the same ``cache`` and ``frames``
    each time: only the paragraphs an edit touched are parsed and framed again, and the
    claims are the same as without them."""
    claims = extract(document, cache)
    if frames is not None:
        return frames.frame_claims(document, claims)
    return frame_claims(document, claims)


def outside_scopes(document: Document, claims: list[Claim], skip: Sequence[str]) -> list[Claim]:
    """``claims`` but those that begin in a scope of a kind in ``skip``."""
    if not skip or not document.scopes:
        return claims
    return [claim for claim in claims if not scopes_at(document, claim.location.start) & set(skip)]


def safe_claims(
    document: Document, cache: MatchCache | None = None, frames: FrameCache | None = None
) -> tuple[list[Claim], InternalError | None]:
    """``document_claims``, or no claims and the internal error that stopped it."""
    try:
        return document_claims(document, cache, frames), None
    except EXPECTED:
        raise
    except Exception as error:
        return [], InternalError.of(error, document=document)


def extract_document(document: Document, claims: list[Claim] | None = None) -> Extracted:
    """The per-document step for a document already read (``claims`` if already known); a
    bug met on the way is kept as the record's ``error``, never raised."""
    error = None
    if claims is None:
        claims, error = safe_claims(document)
    return Extracted(document, claims, features(document, claims), error)


def extract_text(path: str, text: str) -> Extracted:
    """The per-document step for ``text`` read as the file ``path`` (Markdown or plain)."""
    try:
        document = read_document(path, text)
    except EXPECTED:
        raise
    except Exception as error:  # a bug in the reader: the text, unread, and the error
        unread = make_document(path, text, blank_text(text))
        return Extracted(unread, [], frozenset(), InternalError.of(error, path=path))
    return extract_document(document)


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
        except EXPECTED:
            raise
        except Exception as error:  # a bug in the reader: skip the file, say so
            skipped.append(InternalError.of(error, path=path).message())
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
    cache: ClaimsCache | None = None,
    skip_scopes: Sequence[str] = (),
    kept: dict[str, Any] | None = None,
) -> Result:
    """Run the chosen checks over ``documents``; report findings on ``report_on`` paths only
    (all paths when None), although every document is read for cross-document checks.

    Findings silenced by inline comments (``numcheck.reading.suppressions``) are dropped, or
    kept and marked ``suppressed`` with ``show_suppressed``. ``progress(done, total)`` is
    called as each document's claims are extracted. ``extracted`` holds claims already
    extracted, by path (a caller's cache, as the language server keeps), and ``known`` the
    per-document results of an earlier run, used for the very same document objects; the rest
    are extracted here. Both steps run in ``jobs`` processes at most. Claims in the
    ``skip_scopes`` (``quote``, ``table``, ``heading``, ``link``) are left out; findings in a
    quotation say so and keep their fix for display only. ``kept`` is a dict a caller that
    checks the same documents again and again keeps between runs: checks keep there what
    stays true while its claims are the same objects (``numcheck.checks.kept``); the findings
    are the same."""
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
        cache=cache,
        skip_scopes=skip_scopes,
        kept=kept,
        jobs=jobs,
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
    cache: ClaimsCache | None = None,
    skip_scopes: Sequence[str] = (),
    kept: dict[str, Any] | None = None,
    jobs: int | None = 1,
    loaded: str = "claims",
) -> Result:
    """Group the documents into stories (unless ``stories`` gives each path's story; through
    ``cache``, which keeps the last grouping) and run the chosen checks (see
    ``check_documents``), in ``jobs`` processes at most (None: every core, for runs with
    enough claims to check).

    Every check compares claims within one document or one story, so with ``report_on`` only
    the stories of those documents are checked (and only their documents are loaded from the
    cache), and the stories of a corpus may be checked apart (as the Dask engine does). The
    result's ``documents`` and ``claims`` are then those of the stories checked (see
    ``Result``). Parts of whole stories are checked in forked worker processes
    (``numcheck.engine.map_shared``) and only their findings come back: the findings are
    those of one process, in the same order. ``skip_scopes`` changes the claims and so the
    features of every document: every document is then loaded.

    ``loaded`` says what the result holds of the stories checked: their documents and claims
    (``"claims"``), their documents only (``"documents"``: what the output formats that quote
    the text or list the files checked need), or neither (``"findings"``: a report of
    findings alone; the documents of internal errors are still there). What a result does
    not hold is never loaded in this process when the checks run in workers: each worker
    loads the claims of its stories (from the claims cache, or as a worker process sent them
    back), so the parent of a large run builds none of them."""
    if loaded not in LOADED:
        raise ValueError(f"loaded must be one of {', '.join(LOADED)}, not {loaded!r}")
    if skip_scopes:
        records = [
            extract_document(r.document, outside_scopes(r.document, r.claims, skip_scopes))
            for r in records
        ]
    # In the order of their paths, so that no result depends on the order they were given in.
    records = sorted(records, key=lambda record: record.path)
    if stories is None:
        stories = group_extracted(records, story_groups, cache=cache)
    checked = list(records)
    if report_on is not None:
        wanted = {stories.get(path, path) for path in report_on}
        checked = [r for r in records if stories.get(r.path, r.path) in wanted]
    from numcheck import engine

    settings = settings or {}
    checks = [
        check_class(settings.get(check_class.name) or settings.get(check_class.code))
        for check_class in selected_checks(select, ignore)
    ]

    def check(part: Sequence[Extracted]) -> tuple[list[Finding], list[InternalError]]:
        return _check_records(part, stories, checks, report_on, show_suppressed, kept)

    processes = _check_processes(jobs, checked, kept)
    findings: list[Finding] = []
    failures: list[InternalError] = []
    for found, failed in engine.map_shared(
        check, _story_parts(checked, stories, processes), processes
    ):
        findings += found
        failures += failed
    errors = [record.error for record in checked if record.error is not None]
    errors += _in_order(failures, checks, checked)
    findings += _error_findings(errors, checked, report_on)
    with engine.collection_paused():  # loading from the cache (see numcheck.engine)
        failed = {error.path for error in errors}
        kept_records = [r for r in checked if loaded != "findings" or r.path in failed]
        documents = [record.document for record in kept_records]
        claims = [c for r in kept_records for c in r.claims] if loaded == "claims" else []
    findings.sort(key=Finding.sort_key)
    reported = [r for r in records if report_on is None or r.path in report_on]
    return Result(
        findings,
        claims,
        documents,
        report_on=report_on,
        read_total=len(records),
        checked_total=len(reported),
        checked_claim_total=sum(record.claim_count for record in reported),
        errors=errors,
    )


# What the result of ``check_extracted`` may hold of the stories checked.
LOADED = ("claims", "documents", "findings")
# With the default number of jobs, a run whose stories hold fewer claims than this is checked
# in this process: starting workers would cost more than they save.
POOL_MIN_CLAIMS = 20_000
# Parts of a run's stories per worker: enough for a worker that finishes early to take more.
PARTS_PER_PROCESS = 4


def _check_records(
    records: Sequence[Extracted],
    stories: Mapping[str, str],
    checks: Sequence[Check],
    report_on: set[str] | None,
    show_suppressed: bool,
    kept: dict[str, Any] | None,
) -> tuple[list[Finding], list[InternalError]]:
    """The findings of ``checks`` on ``records`` (whole stories, in the order of their paths),
    through the suppression comments, and the internal errors the checks met."""
    from numcheck import engine

    # What is loaded here makes no cycles; a worker keeps it to its end (numcheck.engine).
    with engine.collection_paused(keep=engine.in_shared_worker()):
        documents = [record.document for record in records]
        claims = {record.path: record.claims for record in records}
    corpus = Corpus(documents, claims, dict(stories), report_on=report_on, kept=kept)
    findings: list[Finding] = []
    for check in checks:
        try:
            findings.extend(check.run(corpus))
        except EXPECTED:
            raise
        except Exception as error:  # a check over several documents failed: say which
            corpus.failures.append(InternalError.of(error, rule=check.code))
    findings = [bounded(f) for f in findings if report_on is None or f.path in report_on]
    suppression = suppress(mark_quotations(findings, documents), documents)
    ran = [type(check) for check in checks]
    reviewed = [finding for check in checks for finding in check.review(corpus, suppression, ran)]
    # Findings about the comments themselves: only a comment that names their rule hides them.
    findings = suppression.findings + list(mark_suppressed(reviewed, documents, blanket=False))
    if not show_suppressed:
        findings = [f for f in findings if not f.suppressed]
    return findings, corpus.failures


def _check_processes(
    jobs: int | None, checked: Sequence[Extracted], kept: dict[str, Any] | None
) -> int:
    """How many processes check ``checked``: one when told so, when the checks keep what
    they learn (``kept``, in this process) or, with the default (None), when there is
    little to check."""
    from numcheck import engine

    if kept is not None:
        return 1

    def claims() -> int:
        return sum(record.claim_count for record in checked)

    return engine.processes_for(jobs, claims, POOL_MIN_CLAIMS)


def _story_parts(
    records: Sequence[Extracted], stories: Mapping[str, str], processes: int
) -> list[list[Extracted]]:
    """``records`` (in the order of their paths) cut into parts of whole stories, each part
    in that order: one part for one process, else about ``PARTS_PER_PROCESS`` a process of
    about as many claims, the largest first. Every check compares claims within one
    document or one story, so the parts can be checked apart."""
    by_story: dict[str, list[Extracted]] = {}
    for record in records:
        by_story.setdefault(stories.get(record.path, record.path), []).append(record)
    if processes <= 1 or len(by_story) <= 1:
        return [list(records)]
    weight = {story: 1 + sum(r.claim_count for r in group) for story, group in by_story.items()}
    count = min(len(by_story), processes * PARTS_PER_PROCESS)
    loads = [0] * count
    part_of: dict[str, int] = {}
    for story in sorted(by_story, key=lambda story: -weight[story]):  # stable: ties in order
        lightest = loads.index(min(loads))
        part_of[story] = lightest
        loads[lightest] += weight[story]
    parts: list[list[Extracted]] = [[] for _ in range(count)]
    for record in records:
        parts[part_of[stories.get(record.path, record.path)]].append(record)
    largest_first = sorted(range(count), key=lambda index: -loads[index])
    return [parts[index] for index in largest_first if parts[index]]


def _in_order(
    failures: Sequence[InternalError], checks: Sequence[Check], records: Sequence[Extracted]
) -> list[InternalError]:
    """The internal errors the checks met, once each, in an order that does not depend on
    how the stories were split: by check, then by document (an error of a check over
    several documents last)."""
    rank = {check.code: index for index, check in enumerate(checks)}
    place = {record.path: index for index, record in enumerate(records)}
    return sorted(
        dict.fromkeys(failures),
        key=lambda error: (
            rank.get(error.rule or "", len(rank)),
            error.path is None,
            place.get(error.path or "", -1),
        ),
    )


def _error_findings(
    errors: Sequence[InternalError], records: Sequence[Extracted], report_on: set[str] | None
) -> list[Finding]:
    """An NC000 finding for each internal error, on a reported document (never suppressed)."""
    by_path = {record.path: record for record in records}
    reported = [r.path for r in records if report_on is None or r.path in report_on]
    found = []
    for error in errors:
        if error.path is not None and report_on is not None and error.path not in report_on:
            continue
        fallback = reported[0] if reported else "-"
        record = by_path.get(error.path or fallback)
        found.append(error.finding(record.document if record else None, fallback))
    return found


def group_extracted(
    records: Sequence[Extracted],
    story_groups: Mapping[str, Sequence[str]] | None = None,
    *,
    cache: ClaimsCache | None = None,
) -> dict[str, str]:
    """Each document's story (``numcheck.alignment.stories.group_stories``). With a cache,
    the grouping is made from the last run's (``numcheck.alignment.stories.regroup``): kept
    when every document's features are as they were (editing a figure, or any words but
    names, changes none), made again over the part of the corpus a change can reach
    otherwise. Grouping reads a document's path, story and features only: no document is
    loaded."""
    documents = [Document(record.path, "", "", record.story) for record in records]
    features_of = {record.path: record.features for record in records}
    previous = cache.load_grouping() if cache is not None else None
    stories, grouping = regroup_stories(
        previous, documents, {}, story_groups, features_of=features_of
    )
    if cache is not None and grouping is not previous:
        cache.store_grouping(grouping, share=previous is None)
    return stories


def check_paths(
    paths: Sequence[str],
    *,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    respect_gitignore: bool = True,
    jobs: int | None = 1,
    cache: ClaimsCache | None = None,
    **options: Any,
) -> Result:
    found = discover(paths, include=include, exclude=exclude, respect_gitignore=respect_gitignore)
    extracted, skipped = extract_paths(found, jobs=jobs, cache=cache)
    result = check_extracted(extracted, cache=cache, jobs=jobs, **options)
    result.skipped = skipped
    return result
