"""The file index of the claims cache: what an entry's head says, found by a file's status.

Checking one changed file against a corpus of thousands would otherwise cost reading and
hashing every file of the corpus and opening every cache entry, far more than checking the
file. So, as git's index and ruff's cache do, the index keeps for each file a run read (by its
absolute path) the status ``os.stat`` gave just before it was read (size, modification and
change times in nanoseconds, inode, device and mode), the key of its cache entry and the
entry's head (story, features, number of claims). A later run whose ``os.stat`` of the file
gives the very same status takes the head from the index and opens neither the file nor the
entry. The file is read only if its story is checked, and its text is hashed again then: a
file found changed after all is extracted anew, as the run would have without the index. A
file whose status differs, or that the index does not hold, is read and hashed as without it.

When a status can be trusted: a file is entered only if its modification and change times are
more than ``RACY_NANOSECONDS`` (2 s) older than the moment the run began to look at files. A
write after that moment sets the change time to that moment or later, which no entry holds; a
program can set the modification time back, never the change time, so a file edited to the
same size and given back its modification time is read again too. A file written in the last
2 s before a run (saved, then committed at once) is read again by the next run, then entered:
git treats its "racily clean" entries alike, and 2 s covers file systems whose times are
coarse. Where no change time is kept, where the clock is set back, or on a network share whose
clock runs behind this machine's by more than the margin, the rule cannot hold: run with
``--no-cache`` there.

The index is one file in the folder of the cache's fingerprint (``files.pickle``), so a run of
another numcheck version or with other rule packs never reads it. It is written whole through a
temporary file and a rename when a run learned something new; runs that share the cache may
then lose each other's new rows, which costs the next run a read, never a wrong result. Rows
of files a run did not look at are kept (another corpus may share the cache), up to
``MAX_ROWS`` in all.
"""

from __future__ import annotations

import os
import pickle
import stat
import time
from collections.abc import Callable
from typing import TYPE_CHECKING
from typing import Any

from numcheck.cache import PlainUnpickler

if TYPE_CHECKING:
    from numcheck.api import Extracted
    from numcheck.cache import ClaimsCache

NAME = "files.pickle"
FORMAT = "numcheck-file-index-1"
RACY_NANOSECONDS = 2_000_000_000
MAX_ROWS = 200_000

# A file's status: size, modification and change times (ns), inode, device, mode.
Status = tuple[int, int, int, int, int, int]
# A row: the status, the entry's key, then its head (story, features, number of claims).
Row = tuple[Status, str, str | None, frozenset[str], int]


def now() -> int:
    """The time in nanoseconds, as the file system gives file times."""
    return time.time_ns()


def status_of(info: os.stat_result) -> Status:
    return (
        info.st_size,
        info.st_mtime_ns,
        info.st_ctime_ns,
        info.st_ino,
        info.st_dev,
        info.st_mode,
    )


class FileIndex:
    """The rows of one cache folder, read when first asked for; ``began`` is the moment (ns)
    before this run looked at any file."""

    def __init__(self, cache: ClaimsCache) -> None:
        self.cache = cache
        self.began = now()
        self._rows: dict[str, Row] | None = None
        self._seen: set[str] = set()
        self._new: set[str] = set()  # files entered anew by this run

    def begin(self) -> None:
        """Mark the moment a run begins to look at files (before its first ``os.stat``)."""
        self.began = now()

    @property
    def rows(self) -> dict[str, Row]:
        if self._rows is None:
            self._rows = _read(self.cache.entries / NAME)
        return self._rows

    def look(self, file: str) -> Status | None:
        """The status of ``file`` (an absolute path) now, None when it has none."""
        try:
            return status_of(os.stat(file))
        except (OSError, ValueError):
            return None

    def known(
        self, file: str, status: Status, path: str, limit: int, load: Callable[[str], Extracted]
    ) -> Extracted | None:
        """A deferred record of ``file`` (reported as ``path``) when the index holds it with
        ``status`` and it is no larger than ``limit`` bytes; ``load(key)`` gives the record
        of the entry ``key`` when the document is first asked for."""
        self._seen.add(file)
        row = self.rows.get(file)
        if row is None or row[0] != status or status[0] > limit:
            return None
        from numcheck.api import Extracted

        key = row[1]
        return Extracted.deferred(path, row[2], row[3], row[4], lambda: load(key))

    def remember(self, file: str, status: Status, key: str, extracted: Extracted) -> None:
        """Enter ``file``, read with ``status`` and found to be the entry ``key``, unless it
        was written too recently to be trusted (see the module's documentation)."""
        self._seen.add(file)
        size, modified, changed, _, _, mode = status
        if not stat.S_ISREG(mode) or max(modified, changed) >= self.began - RACY_NANOSECONDS:
            self.rows.pop(file, None)  # a racy row is never kept
            return
        row = (status, key, extracted.story, extracted.features, extracted.claim_count)
        if self.rows.get(file) != row:
            self.rows[file] = row
            self._new.add(file)

    def save(self) -> None:
        """Write the index when this run entered a file anew."""
        if not self._new or self._rows is None:
            return
        rows = self._rows
        if len(rows) > MAX_ROWS:
            rows = {file: row for file, row in rows.items() if file in self._seen}
        self.cache.write_file(NAME, _dumped(rows, self._new))
        self._new = set()


def _dumped(rows: dict[str, Row], new: set[str]) -> bytes:
    """The rows pickled with each feature written once: the ``new`` rows are given the string
    objects of the rows read from the index (which share theirs already), so that pickle's
    memo refers back to one object for each feature. A third of the size, read twice as fast."""
    strings = {feature: feature for file in rows.keys() - new for feature in rows[file][3]}
    for file in new & rows.keys():
        status, key, story, features, count = rows[file]
        shared = frozenset(strings.setdefault(feature, feature) for feature in features)
        rows[file] = (status, key, story, shared, count)
    return pickle.dumps((FORMAT, rows), protocol=pickle.HIGHEST_PROTOCOL)


def _read(where: os.PathLike[str]) -> dict[str, Row]:
    """The rows of the index file, or none when it is missing, damaged or not an index."""
    try:
        with open(where, "rb") as handle:
            data = PlainUnpickler(handle).load()
    except Exception:  # missing, damaged or foreign: an empty index, written again later
        return {}
    if not (isinstance(data, tuple) and len(data) == 2 and data[0] == FORMAT):
        return {}
    rows = data[1]
    if not isinstance(rows, dict) or not all(map(_is_row, rows.items())):
        return {}
    features = frozenset().union(*(row[3] for row in rows.values()))
    return rows if all(isinstance(feature, str) for feature in features) else {}


def _is_row(item: tuple[Any, Any]) -> bool:
    file, row = item
    return (
        isinstance(file, str)
        and isinstance(row, tuple)
        and len(row) == 5
        and isinstance(row[0], tuple)
        and len(row[0]) == 6
        and all(isinstance(number, int) for number in row[0])
        and isinstance(row[1], str)
        and isinstance(row[2], str | None)
        and isinstance(row[3], frozenset)
        and isinstance(row[4], int)
    )
