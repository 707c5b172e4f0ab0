"""The Dask engine: a run spread over the workers of a Dask cluster (``--engine dask``).

The files are split into partitions of about ``PARTITION_BYTES`` and each partition is read
and extracted on a worker (``numcheck.engine.run``, through the claims cache when there is
one), so the documents and claims stay on the workers. Only each document's path, story and
features go to one worker that groups the corpus into stories; the records are then shuffled
by story (``dask.bag.groupby``), every story is checked where it lands, and only findings
and counts come back (with the documents the output needs for the formats that quote the
text or list the files checked: SARIF, rdjson, GitLab, JUnit). Every check compares claims
within one document or one story, so the findings are those of the local engine, in the
same order.

Without a scheduler address a ``LocalCluster`` of ``workers`` processes is started for the
run. With one (``--scheduler tcp://host:8786``), the workers must have numcheck (with the same
rule packs) installed and see the files at the same paths.
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
    from numcheck.rulepacks import pack_dirs

    # The workers may run in another folder: they read files by absolute path.
    work = [
        replace(item, file=os.path.abspath(item.path)) if item.text is None else item
        for item in [*inputs, *(Work(path) for path in corpus)]
    ]
    options = _Options(
        stories=configured_stories([item.path for item in work], config),
        pack_dirs=tuple(os.path.abspath(folder) for folder in pack_dirs()),
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
    import dask.bag

    parts = [
        dask.delayed(_extract_part)(part, options) for part in _partitions(list(enumerate(work)))
    ]
    if not parts:  # nothing to read: a bag of no partitions cannot be grouped
        report_on = set(options.report_on) if options.report_on is not None else None
        return DaskRun(Result(report_on=report_on, read_total=0, checked_total=0))
    records = dask.bag.from_delayed(parts).persist()
    read = records.filter(_was_read)
    stories = dask.delayed(_group)(read.map(_outline))  # one task sees the whole corpus
    by_story = read.map(_with_story, stories).groupby(_story_key)
    checked = by_story.map(_check_story, stories=stories, options=options)
    outcomes, failures = dask.compute(checked, records.remove(_was_read))
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
    failures.sort(key=lambda item: item[0])
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
    for index, error in failures:
        if index < given:
            run.skipped.append(str(error))
        else:
            run.corpus_skipped.append(f"{error} (corpus file)")
    return run


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
) -> list[tuple[int, Extracted | InputError]]:
    from numcheck import engine
    from numcheck.api import extract_document
    from numcheck.api import outside_scopes
    from numcheck.document_set import with_stories
    from numcheck.rulepacks import add_pack_dirs

    if options.pack_dirs:
        add_pack_dirs(options.pack_dirs)
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


def _was_read(item: tuple[int, Extracted | InputError]) -> bool:
    return isinstance(item[1], Extracted)


def _with_story(
    item: tuple[int, Extracted], stories: dict[str, str]
) -> tuple[str, tuple[int, Extracted]]:
    return stories[item[1].path], item


def _story_key(pair: tuple[str, tuple[int, Extracted]]) -> str:
    return pair[0]


def _outline(item: tuple[int, Extracted]) -> tuple[int, str, str | None, frozenset[str]]:
    return item[0], item[1].path, item[1].story, item[1].features


def _group(outline: list[tuple[int, str, str | None, frozenset[str]]]) -> dict[str, str]:
    """Each path's story, from the paths, stories and features of the whole corpus."""
    from numcheck.alignment.stories import group_stories

    outline = sorted(outline)
    documents = [Document(path, "", "", story) for _, path, story, _ in outline]
    features = {path: found for _, path, _, found in outline}
    return group_stories(documents, {}, features_of=features)


def _check_story(
    group: tuple[str, list[tuple[str, tuple[int, Extracted]]]],
    stories: dict[str, str],
    options: _Options,
) -> tuple[list[Finding], list[Document], tuple[int, int, int], list[InternalError]]:
    """The findings of one story, the documents the output may need (those findings point
    at and those checked, when ``with_sources``), the counts of what the story holds, and
    the internal errors met."""
    records = [record for _, (_, record) in sorted(group[1], key=lambda pair: pair[1][0])]
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
