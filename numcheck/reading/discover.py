"""Finding input files and reading them into Documents.

``discover`` turns the paths a user gives into a sorted, de-duplicated list of files;
``read_source`` decodes one input, refusing binary files, invalid UTF-8 and files larger than
the size limit (``max-file-size``, 10 MiB by default) with a one-line ``ReadError``;
``read_path`` and ``read_text`` turn an input into a Document.

Glob patterns (``include`` and ``exclude``) follow .gitignore habits (``numcheck.reading.globs``,
matched without backtracking): ``*`` and ``?`` stay within one path segment, ``**`` spans any
number of them, ``[...]`` is a character class.
A pattern without ``/`` is tried against the file name (and, for ``exclude``, against every
directory name on the way, so ``--exclude drafts`` skips a ``drafts`` folder). A pattern with
``/`` is tried against the path relative to the walked directory and against the path as shown
(for ``exclude`` also against each parent folder, so ``drafts/*`` skips all of ``drafts``).

A UTF-8 (or UTF-16) byte-order mark is removed while decoding: ``Document.source`` starts at
the first character after it, so first-line columns match what editors show.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from collections.abc import Iterable
from collections.abc import Iterator
from collections.abc import Sequence
from typing import IO

from numcheck.reading.documents import Document
from numcheck.reading.documents import is_markdown_path
from numcheck.reading.documents import plain_text_document
from numcheck.reading.gitignore import GitIgnore
from numcheck.reading.globs import Glob
from numcheck.reading.globs import compile_glob
from numcheck.reading.globs import has_magic

DEFAULT_INCLUDE: tuple[str, ...] = ("*.md", "*.markdown", "*.txt")
SKIPPED_DIRECTORIES = frozenset({"node_modules", "__pycache__"})
MAX_FILE_BYTES = 10 * 1024 * 1024
BINARY_SNIFF_BYTES = 8192
STDIN = "-"

_MEGABYTE = 1024 * 1024
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class InputError(Exception):
    """An input that cannot be used; the message is one line naming the path."""


class DiscoveryError(InputError):
    """A path given on the command line that does not lead to files."""


class ReadError(InputError):
    """A file that cannot be read as text; it is skipped."""


def discover(
    paths: Sequence[str],
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    *,
    respect_gitignore: bool = True,
) -> list[str]:
    """The files to check, in order: explicit files as given, directories walked sorted.

    Files named explicitly are taken whatever their suffix, unless an exclude pattern matches
    them. Walking a directory leaves out what git ignores (``numcheck.reading.gitignore``)
    unless ``respect_gitignore`` is False. ``-`` (standard input) is passed through. Raises
    ``DiscoveryError`` for a missing path.
    """
    found: list[str] = []
    seen: set[str] = set()
    real = _RealPaths()
    for path in paths:
        for candidate in _expand(path, include, exclude, respect_gitignore):
            key = candidate if candidate == STDIN else real.of(candidate)
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


class _RealPaths:
    """``os.path.realpath`` of files, their folders' resolved once: a file that is no link
    is its folder's real path and its name (one status read, where resolving the whole
    path reads one for each of its folders)."""

    def __init__(self) -> None:
        self.folders: dict[str, str] = {}

    def of(self, path: str) -> str:
        folder, name = os.path.split(path)
        if name in ("", ".", "..") or os.path.islink(path):
            return os.path.realpath(path)
        real = self.folders.get(folder)
        if real is None:
            real = self.folders[folder] = os.path.realpath(folder)
        return os.path.join(real, name)


def _expand(
    path: str, include: Sequence[str], exclude: Sequence[str], respect_gitignore: bool
) -> list[str]:
    if path == STDIN:
        return [path]
    if os.path.isdir(path):
        return _walk(path, include, exclude, GitIgnore(path) if respect_gitignore else None)
    if not os.path.lexists(path):
        raise DiscoveryError(f"{path}: no such file or directory")
    if excluded(_display(path), exclude):
        return []
    return [path]


def _walk(
    root: str, include: Sequence[str], exclude: Sequence[str], ignore: GitIgnore | None
) -> list[str]:
    files: list[tuple[tuple[str, ...], str]] = []
    for relative in _walk_files(root, ignore):
        shown = _display(os.path.join(root, relative))
        if not _included(relative, shown, include):
            continue
        if excluded(relative, exclude) or excluded(shown, exclude):
            continue
        files.append((tuple(relative.split("/")), shown))
    files.sort()
    return [shown for _, shown in files]


def _walk_files(root: str, ignore: GitIgnore | None = None) -> Iterator[str]:
    """Regular files under ``root`` as ``/``-separated relative paths, skipping hidden folders
    and what ``ignore`` says git ignores."""

    def fail(error: OSError) -> None:
        raise DiscoveryError(f"{error.filename or root}: {_os_reason(error)}") from error

    def kept(directory: str, name: str, is_dir: bool) -> bool:
        if ignore is None:
            return True
        return not ignore.ignored(os.path.abspath(os.path.join(directory, name)), is_dir=is_dir)

    for directory, subdirectories, names in os.walk(root, onerror=fail):
        subdirectories[:] = sorted(
            name
            for name in subdirectories
            if not _skipped(name) and kept(directory, name, is_dir=True)
        )
        relative = os.path.relpath(directory, root)
        for name in sorted(names):
            if os.path.isfile(os.path.join(directory, name)) and kept(directory, name, False):
                yield name if relative == "." else _display(os.path.join(relative, name))


def _skipped(directory_name: str) -> bool:
    return directory_name.startswith(".") or directory_name in SKIPPED_DIRECTORIES


def _display(path: str) -> str:
    """A path as shown in reports: normalized, ``/``-separated, without a leading ``./``."""
    return os.path.normpath(path).replace(os.sep, "/")


def _included(relative: str, shown: str, patterns: Sequence[str]) -> bool:
    name = relative.rsplit("/", 1)[-1]
    for pattern in patterns:
        if "/" in pattern.strip("/"):
            if _matches(pattern, relative) or _matches(pattern, shown):
                return True
        elif _matches(pattern, name):
            return True
    return False


def excluded(path: str, patterns: Sequence[str]) -> bool:
    """Whether ``path`` or one of its parent folders matches an exclude pattern."""
    parts = path.split("/")
    prefixes = ["/".join(parts[: index + 1]) for index in range(len(parts))]
    for pattern in patterns:
        if "/" in pattern.strip("/"):
            candidates: Iterable[str] = prefixes
        else:
            candidates = [part for part in parts if part not in (".", "..")]
        if any(_matches(pattern, candidate) for candidate in candidates):
            return True
    return False


def _matches(pattern: str, path: str) -> bool:
    return compile_glob(pattern).matches(path)


def glob_files(root: str, pattern: str) -> list[str]:
    """Files matching ``pattern`` (relative to ``root``, or absolute), sorted, as normalized
    paths under ``root``. As with ``glob``, wildcards skip hidden names unless the pattern
    names them with a dot. Symbolic links to folders are followed, but no folder is entered
    twice, so a link back to a parent ends no walk in a loop."""
    pattern = pattern.replace(os.sep, "/")
    if os.path.isabs(pattern):
        root, pattern = os.path.abspath(os.sep), pattern.lstrip("/")
    segments = [segment for segment in pattern.split("/") if segment not in ("", ".")]
    fixed = 0
    while fixed < len(segments) - 1 and not has_magic(segments[fixed]):
        fixed += 1
    start = os.path.normpath(os.path.join(root, *segments[:fixed]))
    rest = segments[fixed:]
    if not rest:
        return []
    if not any(has_magic(segment) for segment in rest):
        path = os.path.join(start, *rest)
        return [path] if os.path.isfile(path) else []
    matcher = compile_glob("/".join(rest))
    depth = None if any("**" in segment for segment in rest) else len(rest)
    hidden = any(segment.startswith(".") for segment in rest)
    found = [os.path.join(start, relative) for relative in _walk_all(start, depth, hidden, matcher)]
    return sorted(found)


def _walk_all(start: str, depth: int | None, hidden: bool, matcher: Glob) -> Iterator[str]:
    """Files under ``start`` that ``matcher`` matches, as ``/``-separated relative paths, at
    most ``depth`` segments deep; links followed, each folder entered once. A folder's
    entries say which are files without a status asked for each (links apart)."""
    seen: set[tuple[int, int]] = set()
    pending = [(start, "")]
    while pending:
        directory, relative = pending.pop()
        level = relative.count("/") + 1 if relative else 0
        try:
            info = os.stat(directory)
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(directory) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError:
            continue
        folders = []
        for entry in entries:
            if not hidden and entry.name.startswith("."):
                continue
            shown = f"{relative}/{entry.name}" if relative else entry.name
            if _is_folder(entry):
                if depth is None or level + 1 < depth:
                    folders.append((entry.path, shown))
            elif (depth is None or level < depth) and matcher.matches(shown) and entry.is_file():
                yield shown
        pending.extend(reversed(folders))


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def read_path(path: str, *, max_bytes: int | None = None) -> Document:
    """Read and decode one file (``-`` is standard input) into a Document (see
    ``read_source``)."""
    return read_document(path, read_source(path, max_bytes=max_bytes))


def read_source(path: str, *, max_bytes: int | None = None) -> str:
    """The decoded text of one file (``-`` is standard input), without a byte-order mark.

    Raises ``ReadError`` for a file that is missing, unreadable, binary (a NUL byte in its first
    8 KB), not valid UTF-8, or larger than ``max_bytes`` (default ``MAX_FILE_BYTES``).
    """
    limit = MAX_FILE_BYTES if max_bytes is None else max_bytes
    if path == STDIN:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            return sys.stdin.read().removeprefix("\ufeff")
        return _decode(STDIN, _read_limited(STDIN, stream, limit))
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(f"{path}: is a directory, skipped")
        _check_size(path, info.st_size, limit)
        with open(path, "rb") as handle:
            data = _read_limited(path, handle, limit)
    except OSError as error:
        raise ReadError(f"{path}: {_os_reason(error)}, skipped") from error
    return _decode(path, data)


def read_text(path_label: str, text: str) -> Document:
    """A Document for text already in memory; the label's suffix picks Markdown or plain text."""
    return read_document(path_label, text.removeprefix("\ufeff"))


def read_stdin_bytes(*, max_bytes: int | None = None) -> bytes | None:
    """Standard input as bytes (None when it is a text stream only), at most ``max_bytes``
    (default ``MAX_FILE_BYTES``)."""
    stream = getattr(sys.stdin, "buffer", None)
    limit = MAX_FILE_BYTES if max_bytes is None else max_bytes
    return None if stream is None else _read_limited(STDIN, stream, limit)


def _read_limited(path: str, handle: IO[bytes], limit: int) -> bytes:
    data = handle.read(limit + 1)
    _check_size(path, len(data), limit)
    return data


def _check_size(path: str, size: int, limit: int) -> None:
    if size > limit:
        raise ReadError(
            f"{path}: too large ({_size_text(size)}, over the max-file-size of "
            f"{_size_text(limit)}), skipped"
        )


def _size_text(size: int) -> str:
    if size >= _MEGABYTE:
        return f"{size / _MEGABYTE:.1f} MB"
    return f"{size / 1024:.1f} KB" if size >= 1024 else f"{size} bytes"


def _os_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    if isinstance(error, PermissionError):
        return "permission denied"
    return (error.strerror or str(error)).lower()


def decode(path: str, data: bytes) -> str:
    """The text of a file's bytes: UTF-8 (a byte-order mark dropped) or UTF-16 with its mark;
    ``ReadError`` for a binary file or bytes that are not valid UTF-8."""
    return _decode(path, data)


def _decode(path: str, data: bytes) -> str:
    if data.startswith(_UTF16_BOMS):
        return _decode_utf16(path, data)
    if b"\0" in data[:BINARY_SNIFF_BYTES]:
        raise ReadError(f"{path}: binary file (NUL bytes), skipped")
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = bom + error.start
        raise ReadError(
            f"{path}: not valid UTF-8 (byte 0x{data[offset]:02x} at offset {offset}), skipped"
        ) from None


def _decode_utf16(path: str, data: bytes) -> str:
    """Text saved as UTF-16 with a byte-order mark (as some Windows tools write it)."""
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        raise ReadError(f"{path}: not valid UTF-16 despite its byte-order mark, skipped") from None
    if "\0" in text[:BINARY_SNIFF_BYTES]:
        raise ReadError(f"{path}: binary file (NUL bytes), skipped")
    return text


def read_document(path: str, source: str) -> Document:
    """A Document for ``source``: Markdown when ``path`` has a Markdown suffix, else plain text."""
    if is_markdown_path(path):
        from numcheck.reading.markdown import markdown_document  # markdown-it only when needed

        return markdown_document(path, source)
    return plain_text_document(path, source)
