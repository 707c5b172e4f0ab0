"""Finding input files and reading them into Documents.

``discover`` turns the paths a user gives into a sorted, de-duplicated list of files;
``read_source`` decodes one input, refusing binary files, invalid UTF-8 and files larger than
the size limit (``max-file-size``, 10 MiB by default) with a one-line ``ReadError``;
``read_path`` and ``read_text`` turn an input into a Document.

Glob patterns (``include`` and ``exclude``) follow .gitignore habits: ``*`` and ``?`` stay
within one path segment, ``**`` spans any number of them, ``[...]`` is a character class.
A pattern without ``/`` is tried against the file name (and, for ``exclude``, against every
directory name on the way, so ``--exclude drafts`` skips a ``drafts`` folder). A pattern with
``/`` is tried against the path relative to the walked directory and against the path as shown
(for ``exclude`` also against each parent folder, so ``drafts/*`` skips all of ``drafts``).

A UTF-8 (or UTF-16) byte-order mark is removed while decoding: ``Document.source`` starts at
the first character after it, so first-line columns match what editors show.
"""

from __future__ import annotations

import codecs
import functools
import os
import re
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
    for path in paths:
        for candidate in _expand(path, include, exclude, respect_gitignore):
            key = candidate if candidate == STDIN else os.path.realpath(candidate)
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


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
    return _compile(pattern).fullmatch(path) is not None


_GLOB_TOKEN = re.compile(r"(\*\*/|\*\*|\*|\?|\[!?\]?[^\]/]*\])")
_GLOB_REGEX = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}


@functools.lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str]:
    """A regular expression for a glob: ``*``, ``?``, ``[...]`` within a segment, ``**`` across."""
    pattern = pattern.replace(os.sep, "/").removeprefix("./").strip("/")
    out: list[str] = []
    for index, piece in enumerate(_GLOB_TOKEN.split(pattern)):
        if index % 2 == 0:
            out.append(re.escape(piece))
        elif piece in _GLOB_REGEX:
            out.append(_GLOB_REGEX[piece])
        else:
            out.append(_character_class(piece[1:-1]))
    return re.compile("".join(out))


def _character_class(body: str) -> str:
    """``[...]`` of a glob as a regex class: ``!`` negates, ranges kept, never matches ``/``."""
    negate = body.startswith("!")
    body = body.removeprefix("!").replace("\\", "\\\\").replace("[", "\\[")
    if body.startswith("^"):
        body = "\\" + body
    return "(?!/)[" + ("^" if negate else "") + body + "]"


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
