"""Running the per-document step over many documents: from the cache, in worker processes,
or in this process.

Every input is read here (its text decides the cache entry); what the claims cache already
holds is taken from it, and the rest goes through ``numcheck.api.extract_document``: in this
process, or spread over a pool of ``jobs`` worker processes when there is enough to extract.
Results come back in input order whatever the number of processes, so the output of a run
does not depend on ``jobs`` or on the cache. Workers write their entries to the cache
themselves, and send each document's claims back pickled in a compact form
(``numcheck.packing``), which this process keeps as it is: the claims are built again only
where they are used (in the workers that check their stories, see ``map_shared``), so the
parent of a large run neither spends its time nor its memory on them.

``map_shared`` runs a step over parts of what this process already holds (the checks of a
run, story by story) in forked workers, which see those parts in the memory they share with
this process: only an index goes to a worker, and only the step's (small) result comes back.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Callable
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import replace
from typing import TYPE_CHECKING
from typing import Any
from typing import TypeVar

from numcheck.file_index import Status
from numcheck.reading.discover import MAX_FILE_BYTES
from numcheck.reading.discover import InputError
from numcheck.reading.discover import read_source
from numcheck.reading.documents import Document

if TYPE_CHECKING:
    from numcheck.api import Extracted
    from numcheck.cache import ClaimsCache

# With the default number of jobs, a run with less text than this to extract stays in this
# process: starting workers would cost more than they save.
POOL_MIN_CHARS = 256 * 1024

Part = TypeVar("Part")
Outcome = TypeVar("Outcome")


@dataclass(frozen=True)
class Work:
    """One input: a file to read, a text already read (standard input) under a path, or a
    Document already made (an editor buffer, a text being fixed). ``path`` is the path
    reported; ``file``, where given, is where the file is read (an absolute path, for a
    worker that runs in another folder)."""

    path: str
    text: str | None = None
    document: Document | None = None
    file: str | None = None  # where to read it when not at ``path`` (from another folder)


def available_cores() -> int:
    """The processors this process may run on."""
    if hasattr(os, "process_cpu_count"):  # Python 3.13
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def run(
    work: Sequence[Work],
    *,
    jobs: int | None = None,
    cache: ClaimsCache | None = None,
    max_bytes: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    keep: bool = False,
    file_index: bool = False,
) -> list[Extracted | InputError]:
    """The per-document step's result for each input, in order; an input that cannot be read
    gives its ``InputError`` instead. ``jobs`` None means every core, for runs with enough to
    extract. ``keep``: the results live as long as the process (a command-line run), so the
    garbage collector is told to leave them alone. ``file_index``: files whose status is as
    the cache's file index holds it are neither read nor hashed now (``numcheck.file_index``),
    only when their document is asked for."""
    results: list[Extracted | InputError | None] = [None] * len(work)
    pending: list[tuple[int, Work, str | None]] = []  # text None: read where extracted
    looked: dict[int, tuple[str, Status]] = {}  # index -> the file and its status, read
    index = cache.files if cache is not None and file_index else None
    limit = MAX_FILE_BYTES if max_bytes is None else max_bytes
    done = 0
    if cache is not None:
        cache.touch()
    if index is not None:
        index.begin()
    with collection_paused(keep):
        for number, item in enumerate(work):
            found = None
            if index is not None and item.document is None and item.text is None:
                file = os.path.abspath(item.file or item.path)
                status = index.look(file)
                if status is not None:
                    found = index.known(
                        file, status, item.path, limit, _reader(cache, item, max_bytes)
                    )
                    looked[number] = (file, status)
            if found is None:
                if cache is None and item.document is None and item.text is None:
                    pending.append((number, item, None))  # nothing to look up: read it later
                    continue
                try:
                    text = _text(item, max_bytes)
                except InputError as error:
                    results[number] = error
                    continue
                found = _cached(cache, item, text) if cache is not None else None
                if found is None:
                    pending.append((number, item, text))
                    continue
                if number in looked:
                    index.remember(*looked[number], cache.key(item.path, text), found)
            results[number] = found
            done += 1
            if progress is not None:
                progress(done, len(work))
    warnings: list[str] = []
    texts = {number: text for number, _, text in pending if number in looked}
    for number, extracted in _extract_all(pending, jobs, cache, warnings, keep, max_bytes):
        results[number] = extracted
        if number in looked and not isinstance(extracted, InputError) and extracted.error is None:
            key = cache.key(extracted.path, texts[number])
            index.remember(*looked[number], key, extracted)
        done += 1
        if progress is not None:
            progress(done, len(work))
    if index is not None:
        index.save()
    if cache is not None and cache.warning is None and warnings:
        cache.warning = warnings[0]
    return results  # type: ignore[return-value]


def _reader(cache: ClaimsCache, item: Work, max_bytes: int | None) -> Callable[[str], Extracted]:
    """What gives the record of a file the file index knows, when it is first asked for: its
    text read now, and the entry ``key`` (or the text extracted anew, should it differ)."""

    def load(key: str) -> Extracted:
        try:
            text: str | None = _text(item, max_bytes)
        except InputError:  # removed since: the entry as it was
            text = None
        return cache.load_deferred(key, item.path, text)

    return load


def _text(item: Work, max_bytes: int | None) -> str:
    if item.document is not None:
        return item.document.source
    if item.text is not None:
        return item.text
    if item.file is None:
        return read_source(item.path, max_bytes=max_bytes)
    try:
        return read_source(item.file, max_bytes=max_bytes)
    except InputError as error:  # named as the user named it
        raise type(error)(str(error).replace(item.file, item.path, 1)) from None


def _cached(cache: ClaimsCache, item: Work, text: str) -> Extracted | None:
    if item.document is not None:  # made in memory, perhaps not as reading its text would
        return None
    return cache.load(cache.key(item.path, text), item.path, text)


def _extract_all(
    pending: list[tuple[int, Work, str | None]],
    jobs: int | None,
    cache: ClaimsCache | None,
    warnings: list[str],
    keep: bool,
    max_bytes: int | None,
) -> Iterator[tuple[int, Extracted | InputError]]:
    """(index, result) of each pending input, in order; a worker's cache warning is added to
    ``warnings``. An input whose text is not given yet (None) is read first, in the worker
    that extracts it, and sent back whole; the text of the others stays here."""
    processes = _processes(jobs, pending)
    if processes <= 1:
        for index, item, text in pending:
            yield index, _read_and_extract(item, text, cache, max_bytes)
        return
    tasks = [(item, text) for _, item, text in pending]
    chunk = max(1, min(32, len(tasks) // (processes * 4)))
    context = _context()
    pool = context.Pool(processes, _start_worker, _worker_args(cache, max_bytes))
    with pool, collection_paused(keep):
        outcomes = pool.imap(_work_in_worker, tasks, chunksize=chunk)
        for (index, item, text), (outcome, warning) in zip(pending, outcomes, strict=True):
            if warning:
                warnings.append(warning)
            if isinstance(outcome, _Packed):
                outcome = outcome.unpacked(item, text)
            elif text is not None and not isinstance(outcome, InputError):
                document = item.document or replace(outcome.document, source=text)
                outcome = outcome.with_document(document)
            yield index, outcome


@contextlib.contextmanager
def collection_paused(keep: bool = False) -> Iterator[None]:
    """No cyclic garbage collection while results are unpickled: they make no cycles, and
    the collector would walk every object loaded so far again and again (most of the time of
    loading a large corpus from the cache). With ``keep``, what was loaded is then moved out
    of the collector's sight for good (``gc.freeze``)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if keep:
            gc.freeze()
        if enabled:
            gc.enable()


def can_share() -> bool:
    """Whether workers can be forked, and so see this process's memory (Linux)."""
    return sys.platform.startswith("linux")


def map_shared(
    step: Callable[[Part], Outcome], parts: Sequence[Part], processes: int
) -> list[Outcome]:
    """``step(part)`` for each of ``parts``, in order: in up to ``processes`` forked workers,
    each given the next part as it is free (so put the largest parts first), or in this
    process when there is one process or one part, or workers cannot be forked. The parts
    are not sent to the workers (they see them in the memory shared with this process);
    each outcome is sent back."""
    processes = min(processes, len(parts))
    if processes <= 1 or not can_share():
        return [step(part) for part in parts]
    _shared[0], _shared_parent[0] = (step, parts), os.getpid()
    try:
        pool = _context().Pool(processes)
        with pool:
            outcomes = pool.imap(_shared_step, range(len(parts)), chunksize=1)
            with collection_paused():
                return list(outcomes)
    finally:
        _shared[0] = None


_shared: list[tuple[Callable[[Any], Any], Sequence[Any]] | None] = [None]  # for forked workers


def _shared_step(index: int) -> Any:
    assert _shared[0] is not None, "map_shared's workers are forked after it is set"
    step, parts = _shared[0]
    return step(parts[index])


def in_shared_worker() -> bool:
    """Whether this process is a worker of ``map_shared``: it ends with the run, so what
    its step loads may be kept out of the garbage collector's sight for good (see
    ``collection_paused``)."""
    return _shared[0] is not None and os.getpid() != _shared_parent[0]


_shared_parent: list[int | None] = [None]  # the process that forked map_shared's workers


def processes_for(jobs: int | None, size: Callable[[], int], minimum: int) -> int:
    """How many processes a step runs in: ``jobs`` when given; with the default (None),
    every core when the step's ``size()`` reaches ``minimum``, else this process alone
    (starting workers would cost more than they save)."""
    if jobs is None:
        return available_cores() if size() >= minimum else 1
    return max(1, jobs)


def _processes(jobs: int | None, pending: list[tuple[int, Work, str | None]]) -> int:
    def size() -> int:
        return sum(_size(item, text) for _, item, text in pending)

    return max(1, min(processes_for(jobs, size, POOL_MIN_CHARS), len(pending)))


def _size(item: Work, text: str | None) -> int:
    """The length of the text, or of the file not read yet (in bytes)."""
    if text is not None:
        return len(text)
    try:
        return os.stat(item.file or item.path).st_size
    except OSError:
        return 0


def _read_and_extract(
    item: Work, text: str | None, cache: ClaimsCache | None, max_bytes: int | None
) -> Extracted | InputError:
    """``_extract_one``, the text read first when not given."""
    if text is None:
        try:
            text = _text(item, max_bytes)
        except InputError as error:
            return error
    return _extract_one(item, text, cache)


def _extract_one(item: Work, text: str, cache: ClaimsCache | None) -> Extracted:
    from numcheck.api import extract_document
    from numcheck.api import extract_text

    if item.document is not None:
        return extract_document(item.document)
    extracted = extract_text(item.path, text)
    if cache is not None and extracted.error is None:  # a failure is tried again next time
        cache.store(cache.key(item.path, text), extracted)
    return extracted


# -- worker processes ------------------------------------------------------------------------

# Set in each worker by _start_worker: the claims cache, and the largest file to read.
_worker_cache: list[ClaimsCache | None] = [None]
_worker_max_bytes: list[int | None] = [None]


def _context():
    """Forked workers start at once with what this process has loaded; elsewhere the
    platform's default (spawn) is used."""
    import multiprocessing  # only when there is work for other processes

    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _worker_args(cache: ClaimsCache | None, max_bytes: int | None) -> tuple:
    from numcheck.extraction.limit import figure_limit
    from numcheck.rulepacks import pack_dirs

    return (cache, max_bytes, pack_dirs(), figure_limit())


def _start_worker(
    cache: ClaimsCache | None,
    max_bytes: int | None,
    pack_dirs: tuple[str, ...],
    figures: int | None,
) -> None:
    from numcheck.extraction.limit import set_figure_limit
    from numcheck.rulepacks import add_pack_dirs

    if pack_dirs:
        add_pack_dirs(pack_dirs)
    set_figure_limit(figures)
    _worker_cache[0] = cache
    _worker_max_bytes[0] = max_bytes


def _work_in_worker(
    task: tuple[Work, str | None],
) -> tuple[Extracted | _Packed | InputError, str | None]:
    """Extract in a worker, and send the result back packed (``_Packed``). A text given is
    sent back without the source the parent has; a file read here (a run without cache) is
    sent back whole (a plain text's prose is the very string of its source, sent and kept
    once: ``numcheck.reading.documents.make_document``). A document whose extraction failed
    is sent as it is."""
    item, text = task
    cache = _worker_cache[0]
    outcome = _read_and_extract(item, text, cache, _worker_max_bytes[0])
    warning = cache.warning if cache is not None else None
    if isinstance(outcome, InputError) or outcome.error is not None:
        return outcome, warning
    document = outcome.document
    if text is not None:
        document = replace(document, source="")
    return _Packed.of(outcome, document), warning


@dataclass(frozen=True)
class _Packed:
    """What a worker sends back of a document it extracted: the document (perhaps without
    its source), the features story grouping compares, and the claims pickled in their
    compact form (``numcheck.packing``), which the parent keeps as they are: they are
    unpickled only where they are checked (in the workers of ``map_shared``), so the parent
    of a large run never builds them."""

    document: Document
    features: frozenset[str]
    claim_count: int
    claims: bytes

    @classmethod
    def of(cls, extracted: Extracted, document: Document) -> _Packed:
        from numcheck import packing

        claims = packing.dumps(extracted.claims)
        return cls(document, extracted.features, extracted.claim_count, claims)

    def unpacked(self, item: Work, text: str | None) -> Extracted:
        """The record in the parent, the source put back when the parent has it."""
        from numcheck.api import Extracted

        document = self.document
        if item.document is not None:
            document = item.document
        elif text is not None:
            document = replace(document, source=text)
        return Extracted.packed(document, self.features, self.claim_count, self.claims)
