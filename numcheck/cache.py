"""The claims cache: what the per-document step learned from a text, kept between runs.

An entry holds everything ``numcheck.api.extract_document`` returns for one text, pickled
as it is (so the cache never needs to know the fields of a claim), in two parts: a head (the
document's story, its features for story grouping, its number of claims), read for every file
of a run, and a body (the document without its text, which the file holds, and its claims),
read only when the run checks that document's story. Entries are found by a hash of the text
and of the reader it needs (Markdown or plain text), inside a folder named by the
*fingerprint* of the run: numcheck's version, the hash of its own source files, the rule
packs in use (built-in and added) and the installed copies of the libraries extraction relies
on. Any change to one of these starts a new folder, so an entry is only ever read by the code
and rules that wrote it, and a cached run gives the same output as an uncached one.

The path of the document is not part of the entry: it is written as a placeholder and filled in
when the entry is read, so a renamed or moved file, or a run from another working folder, still
finds it. Writing goes through a temporary file in the same folder and ``os.replace``, so runs
that share the cache never see half an entry. Reading accepts numcheck's own data classes only:
an entry that asks for anything else (a cache folder planted in a repository, say) is ignored.

The folder of a fingerprint also keeps the file index (``numcheck.file_index``: the entry and
head of each file read, found by the file's status, so that a run reads and hashes only the
files changed since), the unit conversion lines that pint computed
(``conversions.json``), so that a later run whose conversions are all known there does not
load pint at all, and the last story grouping with the paths and features it was made from
(``stories.pickle``), so that a run whose documents' features are all as they were does not
group them again, and one where a few changed groups again only the part of the corpus they
can reach (``numcheck.alignment.stories.regroup``).

Layout: ``FOLDER/CACHEDIR.TAG``, ``FOLDER/.gitignore`` (``*``, so git never picks it up) and
``FOLDER/<version>-<fingerprint>/<2 hex>/<hash>``. Folders of other fingerprints that no run
has used for ``STALE_DAYS`` days are removed when a new folder is made.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import hashlib
import io
import json
import os
import pickle
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Any

from numcheck import __version__
from numcheck.reading.documents import is_markdown_path

if TYPE_CHECKING:
    from numcheck.alignment.stories import Grouping
    from numcheck.api import Extracted
    from numcheck.file_index import FileIndex

DEFAULT_FOLDER = ".numcheck_cache"
ENVIRONMENT_VARIABLE = "NUMCHECK_CACHE_DIR"
STALE_DAYS = 7
# The libraries whose behaviour is part of what a claim says (their module names).
LIBRARIES = ("pint", "pyparsing", "markdown_it", "mdit_py_plugins", "yaml")
CONVERSIONS = "conversions.json"  # unit conversion lines, beside the entries
STORIES = "stories.pickle"  # the last story grouping and what it was made from
STORIES_FORMAT = "numcheck-stories-1"
_PATH_PLACEHOLDER = "path"
_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by numcheck.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


class ClaimsCache:
    """Entries under ``folder``; a cache that cannot be written says so once, then stays
    silent (``warning``) and the run goes on without it."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self.warning: str | None = None
        self._ready = False
        self._restored: set[tuple[str, str]] = set()

    @functools.cached_property
    def entries(self) -> Path:
        """The folder of this run's fingerprint."""
        return self.folder / f"{__version__}-{fingerprint()}"

    @staticmethod
    def key(path: str, text: str) -> str:
        """The entry name for ``text`` read as the file ``path`` would be (Markdown or not)."""
        digest = hashlib.blake2b(digest_size=20)
        digest.update(b"markdown\0" if is_markdown_path(path) else b"text\0")
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def load(self, key: str, path: str, text: str) -> Extracted | None:
        """The entry ``key`` as the record of the file ``path`` whose text is ``text``, or
        None when there is none (or it cannot be read). Only the entry's head (story,
        features, number of claims) is read now; the document and claims when first asked
        for (from the entry again, or, should it be gone by then, by extracting ``text``)."""
        from numcheck.api import Extracted

        entry = self.entries / key[:2] / key
        try:
            with open(entry, "rb") as handle:
                head = _Unpickler(handle, path).load()
        except Exception:  # missing, damaged or foreign: a miss, overwritten later
            return None
        if not _is_head(head):
            return None
        story, features, count = head

        def load() -> Extracted:
            return _load_body(entry, path, text)

        return Extracted.deferred(path, story, features, count, load)

    def load_deferred(self, key: str, path: str, text: str | None) -> Extracted:
        """The record of the entry ``key`` for the file ``path`` read later as ``text``: the
        entry's body when ``text`` is still the entry's, else ``text`` extracted anew (the
        file changed since the file index was written). ``text`` None: the file could not be
        read again (removed during the run); the entry's body is taken, without the text."""
        from numcheck.api import extract_text

        if text is not None and self.key(path, text) != key:
            return extract_text(path, text)
        return _load_body(self.entries / key[:2] / key, path, text or "")

    @functools.cached_property
    def files(self) -> FileIndex:
        """The file index (``numcheck.file_index``): entry heads found by file status."""
        from numcheck.file_index import FileIndex

        return FileIndex(self)

    def write_file(self, name: str, data: bytes | memoryview) -> None:
        """Write the file ``name`` beside the entries, whole or not at all."""
        self._write(self.entries / name, data)

    def store(self, key: str, extracted: Extracted) -> None:
        """Write the entry of a record (its path replaced by a placeholder): a head (story,
        features, number of claims), then the body (the document without its text, which the
        file holds, and the claims); failures end in ``warning``."""
        if self.warning is not None:
            return
        path, buffer = extracted.path, io.BytesIO()
        _Pickler(buffer, path).dump((extracted.story, extracted.features, extracted.claim_count))
        body = (replace(extracted.document, source=""), extracted.claims)
        _Pickler(buffer, path).dump(body)  # a pickler of its own: the body reads alone
        self._write(self.entries / key[:2] / key, buffer.getbuffer())

    def _write(self, target: Path, data: bytes | memoryview) -> None:
        """Write ``target`` whole or not at all (a temporary file renamed over it)."""
        if self.warning is not None:
            return
        try:
            if not self._ready:
                self._prepare()
            target.parent.mkdir(exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                os.replace(temporary, target)
            except BaseException:
                _remove(temporary)
                raise
        except OSError as error:
            reason = (error.strerror or str(error)).lower()
            self.warning = f"cache not written to {self.folder} ({reason})"

    def restore_conversions(self) -> None:
        """Take the conversion lines an earlier run computed with pint (see ``units``), so
        that a run whose conversions are all known never loads pint."""
        from numcheck.extraction.units import remember_lines

        try:
            data = json.loads((self.entries / CONVERSIONS).read_text(encoding="utf-8"))
            lines = {
                (str(unit), str(target)): (float(scale), float(offset))
                for unit, target, scale, offset in data["lines"]
            }
        except (OSError, ValueError, KeyError, TypeError):
            return
        self._restored = set(lines)
        remember_lines(lines)

    def save_conversions(self) -> None:
        """Keep the conversion lines of this run for the next ones, if it found new ones."""
        from numcheck.extraction.units import conversion_lines

        lines = conversion_lines()
        if set(lines) <= self._restored or self.warning is not None:
            return
        rows = [[unit, target, *line] for (unit, target), line in sorted(lines.items())]
        self._write(self.entries / CONVERSIONS, json.dumps({"lines": rows}).encode())

    def load_grouping(self) -> Grouping | None:
        """The story grouping the last run kept, None when there is none (or it cannot be
        read)."""
        from numcheck.alignment.stories import Grouping

        try:
            with open(self.entries / STORIES, "rb") as handle:
                data = PlainUnpickler(handle).load()
            marker, paths, sets, names, components = data
            columns = (paths, sets, names, components)
            if marker != STORIES_FORMAT or len({len(c) for c in columns}) != 1:
                return None
            if not all(isinstance(column, tuple) for column in columns):
                return None
            count = len(paths)
            strings = frozenset().union(paths, names, *sets)
        except Exception:  # missing, damaged or foreign: grouped from scratch
            return None
        if not all(isinstance(string, str) for string in strings):
            return None
        if not all(isinstance(feature_set, frozenset) for feature_set in sets):
            return None
        if not all(isinstance(c, int) and 0 <= c < count for c in components):
            return None
        return Grouping(paths, sets, names, components)

    def store_grouping(self, grouping: Grouping, *, share: bool = True) -> None:
        """Keep this run's grouping (the last one only) for the next run. With ``share``,
        the features are made to share one string object each first, so that each is
        written once (see ``numcheck.file_index``); a grouping made from one read from the
        cache shares them already."""
        sets = grouping.sets
        if share:
            strings: dict[str, str] = {}
            sets = tuple(
                frozenset(strings.setdefault(feature, feature) for feature in feature_set)
                for feature_set in sets
            )
        data = (STORIES_FORMAT, grouping.paths, sets, grouping.names, grouping.components)
        self._write(self.entries / STORIES, pickle.dumps(data, pickle.HIGHEST_PROTOCOL))

    def touch(self) -> None:
        """Mark this fingerprint's folder as used now (stale folders are pruned by age)."""
        try:
            os.utime(self.entries)
        except OSError:
            pass

    def _prepare(self) -> None:
        fresh = not self.entries.is_dir()
        self.entries.mkdir(parents=True, exist_ok=True)
        for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", "# made by numcheck\n*\n")):
            marker = self.folder / name
            if not marker.exists():
                marker.write_text(text, encoding="utf-8")
        if fresh:
            _prune(self.folder, keep=self.entries.name)
        self._ready = True

    def __getstate__(self) -> dict[str, Any]:  # sent to worker processes without cached state
        return {"folder": self.folder, "warning": None, "_ready": False, "_restored": set()}


def cache_folder(root: str, *, given: str | None = None) -> str:
    """Where the cache lives: ``given`` (``--cache-dir``), else ``NUMCHECK_CACHE_DIR``, else
    ``.numcheck_cache`` in ``root`` (the folder of the config file, or the working folder)."""
    return given or os.environ.get(ENVIRONMENT_VARIABLE) or os.path.join(root, DEFAULT_FOLDER)


def fingerprint() -> str:
    """A hash of everything besides the text that decides what extraction finds."""
    from numcheck.extraction.limit import figure_limit
    from numcheck.rulepacks import pack_dirs

    return _fingerprint(pack_dirs(), figure_limit())


@functools.cache
def _fingerprint(pack_dirs: tuple[str, ...], figures: int | None) -> str:
    from numcheck.rulepacks import every_pack_file

    digest = hashlib.blake2b(digest_size=8)
    digest.update(f"{__version__}\0{sys.version_info[:2]}\0{figures}\0".encode())
    package = Path(__file__).resolve().parent
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode() + b"\0")
        digest.update(source.read_bytes())
    for name, text in every_pack_file():
        digest.update(f"\0{os.path.basename(name)}\0{text}".encode())
    for library in LIBRARIES:
        digest.update(f"\0{library}={_installed(library)}".encode())
    return digest.hexdigest()


def _installed(module: str) -> str:
    """Where a library is installed and when its files were written (an upgrade rewrites
    them), found without importing it (importlib.metadata alone costs a short run 20 ms)."""
    from importlib.util import find_spec

    try:
        spec = find_spec(module)
        origin = spec.origin if spec is not None else None
        info = os.stat(origin) if origin else None
    except (ImportError, ValueError, OSError):
        return "none"
    return f"{origin}:{info.st_mtime_ns}:{info.st_size}" if info else "none"


def _prune(folder: Path, *, keep: str) -> None:
    """Remove the entry folders of other fingerprints unused for ``STALE_DAYS`` days."""
    oldest = time.time() - STALE_DAYS * 86400
    for entry in folder.iterdir():
        if entry.name == keep or not entry.is_dir() or "-" not in entry.name:
            continue
        try:
            if entry.stat().st_mtime < oldest:
                shutil.rmtree(entry, ignore_errors=True)
        except OSError:
            pass


def _is_head(head: Any) -> bool:
    return (
        isinstance(head, tuple)
        and len(head) == 3
        and isinstance(head[0], str | None)
        and isinstance(head[1], frozenset)
        and all(isinstance(feature, str) for feature in head[1])
        and isinstance(head[2], int)
    )


def _load_body(entry: Path, path: str, text: str) -> Extracted:
    from numcheck.api import Extracted
    from numcheck.api import extract_text

    try:
        with open(entry, "rb") as handle:
            head = _Unpickler(handle, path).load()
            document, claims = _Unpickler(handle, path).load()  # a pickle of its own
        if not _is_head(head) or len(claims) != head[2]:
            raise ValueError("not this entry")
        return Extracted(replace(document, source=text), claims, head[1])
    except Exception:  # gone or changed since its head was read: extract again
        return extract_text(path, text)


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


class _Pickler(pickle.Pickler):
    """Pickles with every string equal to the document's path left as a placeholder."""

    def __init__(self, file: io.BytesIO, path: str) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.path = path

    def persistent_id(self, obj: Any) -> str | None:
        if obj.__class__ is str and obj == self.path:
            return _PATH_PLACEHOLDER
        return None


class PlainUnpickler(pickle.Unpickler):
    """Builds Python's own containers, strings and numbers only (they need no class)."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name} is not plain data")


class _Unpickler(pickle.Unpickler):
    """Fills the placeholder in with ``path``, and builds numcheck's data classes only."""

    def __init__(self, file: io.BytesIO, path: str) -> None:
        super().__init__(file)
        self.path = path

    def persistent_load(self, pid: Any) -> str:
        if pid != _PATH_PLACEHOLDER:
            raise pickle.UnpicklingError(f"unknown placeholder {pid!r}")
        return self.path

    def find_class(self, module: str, name: str) -> Any:
        return _data_class(module, name)


@functools.cache
def _data_class(module: str, name: str) -> type:
    """A data class of numcheck's (a dataclass, an enum or a named tuple), else an error."""
    if module == "numcheck" or module.startswith("numcheck."):
        found = pickle.Unpickler(io.BytesIO()).find_class(module, name)
        if isinstance(found, type) and (
            dataclasses.is_dataclass(found) or issubclass(found, (enum.Enum, tuple))
        ):
            return found
    raise pickle.UnpicklingError(f"{module}.{name} is not numcheck data")
