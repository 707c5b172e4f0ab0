"""The Dask engine: a run spread over the workers of a Dask cluster (``--engine dask``).

The files are split into partitions of about ``PARTITION_BYTES`` and each partition is read
and extracted on a worker (``numcheck.engine.run``) into a claims cache: the run's own, or,
with ``--no-cache``, a scratch folder removed at the end. Only each document's path, story
and features go on, to one worker that groups the corpus into stories; the client gets back
the story of each path and sends the stories, in batches of about ``PARTITION_BYTES``, to be
checked, each batch reading its documents' claims back from the cache one story at a time.
Only findings and counts come back (with the documents the output needs for the formats that
quote the text or list the files checked: SARIF, rdjson, GitLab, JUnit). No worker holds
more than a partition's or a story's claims at once, and no claim moves between workers.
Every check compares claims within one document or one story, so the findings are those of
the local engine, in the same order.

Without a scheduler address a ``LocalCluster`` of ``workers`` processes is started for the
run. With one (``--scheduler tcp://host:8786``), the workers must have numcheck (with the same
rule packs) installed and see the files at the same paths; the cache folder should be on a
disk they share (``--cache-dir``): a story checked on another worker than the one that
extracted its documents extracts them again.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from typing import TYPE_CHECKING
from typing import Any

from numcheck.api import Extracted
from numcheck.api import Result
from numcheck.api import check_extracted
from numcheck.engine import Work
from numcheck.engine import available_cores
from numcheck.failures import InternalError
from numcheck.findings import Finding
from numcheck.reading.discover import InputError
from numcheck.reading.documents import Document

if TYPE_CHECKING:
    from numcheck.cache import ClaimsCache
    from numcheck.config import Config

PARTITION_BYTES = 4 * 1024 * 1024


class DaskUnavailable(InputError):
    """Dask is not installed, or the scheduler cannot be reached; the message is one line."""


@dataclass
class DaskRun:
    """What a run on the cluster sends back."""

    result: Result
    skipped: list[str] = field(default_factory=list)
    corpus_skipped: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Options:
    """What every task needs to know of the run."""

    stories: dict[str, str]  # the stories the config gives, by path
    pack_dirs: tuple[str, ...]
    figures: int | None  # the figure limit (numcheck.extraction.limit)
    cache: ClaimsCache | None
    max_bytes: int | None
    report_on: frozenset[str] | None
    select: tuple[str, ...] | None
    ignore: tuple[str, ...]
    settings: Mapping[str, Mapping[str, Any]]
    show_suppressed: bool
    with_sources: bool
    skip_scopes: tuple[str, ...]


def check_on_dask(
    inputs: Sequence[Work],
    corpus: Sequence[str],
    config: Config,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    cache: ClaimsCache | None = None,
    show_suppressed: bool = False,
    with_sources: bool = True,
) -> DaskRun:
    """Check ``inputs`` (and the ``corpus`` paths, reported on only as the local engine does)
    on a Dask cluster; see the module's documentation. ``with_sources``: bring back the
    documents that findings point at (the output formats that quote the text need them)."""
    from numcheck.cache import ClaimsCache
    from numcheck.document_set import configured_stories
    from numcheck.extraction.limit import figure_limit
    from numcheck.rulepacks import pack_dirs

    # The workers may run in another folder: they read files by absolute path.
    work = [
        replace(item, file=os.path.abspath(item.path)) if item.text is None else item
        for item in [*inputs, *(Work(path) for path in corpus)]
    ]
    options = _Options(
        stories=configured_stories([item.path for item in work], config),
        pack_dirs=tuple(os.path.abspath(folder) for folder in pack_dirs()),
        figures=figure_limit(),
        cache=ClaimsCache(os.path.abspath(cache.folder)) if cache is not None else None,
        max_bytes=config.max_file_size,
        report_on=frozenset(item.path for item in inputs) if corpus else None,
        select=config.select,
        ignore=tuple(config.ignore),
        settings=config.settings,
        show_suppressed=show_suppressed,
        with_sources=with_sources,
        skip_scopes=tuple(config.skip_scopes),
    )
    with _client(scheduler, workers) as client:
        return _run(client, work, len(inputs), options)


@contextlib.contextmanager
def _client(scheduler: str | None, workers: int | None) -> Iterator[Any]:
    try:
        import logging

        from distributed import Client
        from distributed import LocalCluster
    except ImportError:
        raise DaskUnavailable("the Dask engine needs Dask: pip install 'numcheck[dask]'") from None
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=30)
        except (OSError, TimeoutError) as error:
            raise DaskUnavailable(f"cannot reach the Dask scheduler {scheduler}: {error}") from None
        with client:
            yield client
        return
    cluster = LocalCluster(
        n_workers=workers or available_cores(),
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    with cluster, Client(cluster) as client:
        yield client


def _run(client: Any, work: list[Work], given: int, options: _Options) -> DaskRun:
    import dask

    with _scratch(client, options) as options:
        parts = client.compute(
            [
                dask.delayed(_extract_part)(part, options)
                for part in _partitions(list(enumerate(work)))
            ]
        )
        # Only the story of each path comes back here; the outlines stay on the cluster.
        stories, failures = client.submit(_group, *parts).result()
        del parts
        checked = [
            dask.delayed(_check_stories)(batch, options) for batch in _batches(work, stories)
        ]
        outcomes = [outcome for found in dask.compute(*checked) for outcome in found]
    order = {item.path: index for index, item in enumerate(work)}
    findings: list[Finding] = []
    errors: list[InternalError] = []
    documents: dict[str, Document] = {}
    counts = [0, 0, 0]  # documents read, documents checked, claims in those
    for story_findings, story_documents, story_counts, story_errors in outcomes:
        findings.extend(story_findings)
        errors.extend(story_errors)
        documents.update((document.path, document) for document in story_documents)
        counts = [total + count for total, count in zip(counts, story_counts, strict=True)]
    findings.sort(key=Finding.sort_key)
    result = Result(
        findings,
        [],
        sorted(documents.values(), key=lambda document: order[document.path]),
        [],
        report_on=set(options.report_on) if options.report_on is not None else None,
        read_total=counts[0],
        checked_total=counts[1],
        checked_claim_total=counts[2],
        errors=errors,
    )
    run = DaskRun(result)
    for index, message in failures:
        if index < given:
            run.skipped.append(message)
        else:
            run.corpus_skipped.append(f"{message} (corpus file)")
    return run


@contextlib.contextmanager
def _scratch(client: Any, options: _Options) -> Iterator[_Options]:
    """``options`` with a claims cache for the run: the run's own, or, without one, a
    scratch folder removed at the end (on every worker too, should they not share the
    client's disk)."""
    if options.cache is not None:
        yield options
        return
    import shutil
    import tempfile

    from numcheck.cache import ClaimsCache

    folder = tempfile.mkdtemp(prefix="numcheck-dask-")
    try:
        yield replace(options, cache=ClaimsCache(folder))
    finally:
        with contextlib.suppress(Exception):
            client.run(shutil.rmtree, folder, True)
        shutil.rmtree(folder, ignore_errors=True)


def _batches(
    work: list[Work], stories: dict[str, str]
) -> list[list[tuple[dict[str, str], list[tuple[int, Work]]]]]:
    """The documents read, story by story (each with its stories by path), in batches of
    stories of about ``PARTITION_BYTES``."""
    members: dict[str, list[tuple[int, Work]]] = {}
    for index, item in enumerate(work):
        story = stories.get(item.path)
        if story is not None:
            members.setdefault(story, []).append((index, item))
    batches: list[list[tuple[dict[str, str], list[tuple[int, Work]]]]] = [[]]
    size = 0
    for story in sorted(members):
        if size >= PARTITION_BYTES:
            batches.append([])
            size = 0
        batches[-1].append(({item.path: story for _, item in members[story]}, members[story]))
        size += sum(_size(item) for _, item in members[story])
    return [batch for batch in batches if batch]


def _partitions(work: list[tuple[int, Work]]) -> list[list[tuple[int, Work]]]:
    """Consecutive runs of inputs of about ``PARTITION_BYTES`` each."""
    parts: list[list[tuple[int, Work]]] = [[]]
    size = 0
    for item in work:
        if size >= PARTITION_BYTES:
            parts.append([])
            size = 0
        parts[-1].append(item)
        size += _size(item[1])
    return [part for part in parts if part]


def _size(item: Work) -> int:
    if item.text is not None:
        return len(item.text)
    try:
        return os.stat(item.path).st_size
    except OSError:
        return 0


# -- tasks (run on the workers) --------------------------------------------------------------


def _extract_part(
    part: list[tuple[int, Work]], options: _Options
) -> tuple[list[tuple[int, str, str | None, frozenset[str]]], list[tuple[int, str]]]:
    """Extract a partition into the run's claims cache; send back only what story grouping
    needs of each document read (its outline), and the inputs that could not be read or
    were read only up to the figure limit (as messages)."""
    from numcheck.extraction.limit import limit_message

    outline: list[tuple[int, str, str | None, frozenset[str]]] = []
    failures: list[tuple[int, str]] = []
    for index, outcome in _extracted(part, options):
        if isinstance(outcome, Extracted):
            outline.append((index, outcome.path, outcome.story, outcome.features))
            message = limit_message(outcome.path, outcome.claim_count)
            if message is not None:
                failures.append((index, message))
        else:
            failures.append((index, str(outcome)))
    return outline, failures


def _extracted(
    part: list[tuple[int, Work]], options: _Options
) -> list[tuple[int, Extracted | InputError]]:
    """Each input's record as the local engine makes it, through the run's claims cache."""
    from numcheck import engine
    from numcheck.api import extract_document
    from numcheck.api import outside_scopes
    from numcheck.document_set import with_stories
    from numcheck.extraction.limit import set_figure_limit
    from numcheck.rulepacks import add_pack_dirs

    if options.pack_dirs:
        add_pack_dirs(options.pack_dirs)
    set_figure_limit(options.figures)
    work = [item for _, item in part]
    outcomes = engine.run(work, jobs=1, cache=options.cache, max_bytes=options.max_bytes)
    results: list[tuple[int, Extracted | InputError]] = []
    for (index, _), outcome in zip(part, outcomes, strict=True):
        if isinstance(outcome, Extracted):
            if options.skip_scopes:  # claims left out change the features too
                document = outcome.document
                kept = outside_scopes(document, outcome.claims, options.skip_scopes)
                outcome = extract_document(document, kept)
            (outcome,) = with_stories([outcome], options.stories)
        results.append((index, outcome))
    return results


def _group(
    *parts: tuple[list[tuple[int, str, str | None, frozenset[str]]], list[tuple[int, str]]],
) -> tuple[dict[str, str], list[tuple[int, str]]]:
    """Each path's story, from the paths, stories and features of the whole corpus, and the
    inputs that could not be read, in input order."""
    from numcheck.alignment.stories import group_stories

    outline = sorted(row for rows, _ in parts for row in rows)
    failures = sorted((failure for _, found in parts for failure in found), key=lambda x: x[0])
    documents = [Document(path, "", "", story) for _, path, story, _ in outline]
    features = {path: found for _, path, _, found in outline}
    return group_stories(documents, {}, features_of=features), failures


def _check_stories(
    batch: list[tuple[dict[str, str], list[tuple[int, Work]]]], options: _Options
) -> list[tuple[list[Finding], list[Document], tuple[int, int, int], list[InternalError]]]:
    """The outcome of each story of ``batch`` (``_check_story``), its records read back
    from the run's claims cache one story at a time."""
    outcomes = []
    for stories, members in batch:
        records = [
            outcome
            for _, outcome in _extracted(members, options)
            if isinstance(outcome, Extracted)  # gone since it was extracted: left out
        ]
        outcomes.append(_check_story(records, stories, options))
    return outcomes


def _check_story(
    records: list[Extracted], stories: dict[str, str], options: _Options
) -> tuple[list[Finding], list[Document], tuple[int, int, int], list[InternalError]]:
    """The findings of one story, the documents the output may need (those findings point
    at and those checked, when ``with_sources``), the counts of what the story holds, and
    the internal errors met."""
    report_on = options.report_on
    result = check_extracted(
        records,
        select=list(options.select) if options.select is not None else None,
        ignore=list(options.ignore),
        settings=options.settings,
        report_on=set(report_on) if report_on is not None else None,
        show_suppressed=options.show_suppressed,
        stories={record.path: stories[record.path] for record in records},
    )
    pointed = {finding.path for finding in result.findings} | {
        related.location.path for finding in result.findings for related in finding.related
    }
    checked = {document.path for document in result.checked}
    documents = [
        r.document for r in records if options.with_sources and r.path in pointed | checked
    ]
    counts = (result.corpus_files + result.files, result.files, result.claim_count)
    return result.findings, documents, counts, result.errors
