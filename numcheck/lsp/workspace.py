"""One workspace folder as the language server sees it: its config, its corpus, its caches.

The documents of a story come from disk (the config's ``corpus`` globs, else every file the
folder holds that ``numcheck check`` would read there), except those open in the editor,
which are read from memory. A document's claims are extracted once per version: a file again
only when its mtime or size changes, a buffer only when its text does. Paths are shown
relative to the folder. Nothing here knows of pygls or the protocol.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace

from numcheck.alignment.frame_cache import FrameCache
from numcheck.api import check_documents
from numcheck.api import safe_claims
from numcheck.checks import CheckError
from numcheck.extraction.claims import Claim
from numcheck.extraction.extract import MatchCache
from numcheck.extraction.limit import limit_message
from numcheck.failures import InternalError
from numcheck.findings import Finding
from numcheck.reading.discover import InputError
from numcheck.reading.discover import discover
from numcheck.reading.discover import read_path
from numcheck.reading.discover import read_text
from numcheck.reading.documents import Document

CONFIG_NAMES = frozenset({".numcheck.toml", "pyproject.toml"})
TEXT_SUFFIXES = (".md", ".markdown", ".txt")


@dataclass(frozen=True)
class Buffer:
    """A document open in the editor: its text as the editor has it, unsaved changes and all."""

    uri: str
    path: str
    version: int
    text: str


@dataclass(frozen=True)
class _Entry:
    document: Document
    claims: list[Claim]
    error: InternalError | None = None  # a bug met while extracting its claims


@dataclass
class Outcome:
    """A run: the findings of each buffer (by absolute path) and every document read, by the
    path findings use, so related places in other files can be located."""

    findings: dict[str, list[Finding]] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    error: str | None = None
    errors: list[InternalError] = field(default_factory=list)  # bugs met on some documents
    # What is said of the buffers read only up to the figure limit, by path.
    limited: dict[str, str] = field(default_factory=dict)


def is_text_path(path: str) -> bool:
    return path.lower().endswith(TEXT_SUFFIXES)


def is_config_path(path: str) -> bool:
    return os.path.basename(path) in CONFIG_NAMES


def within(path: str, folder: str) -> bool:
    """Whether ``path`` is ``folder`` or lies under it (both absolute)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


class Workspace:
    """A folder and its state; ``scan`` is False for the folder of a file opened outside any
    workspace folder, whose other files are then not read (unless a config names a corpus)."""

    def __init__(self, root: str, *, scan: bool = True) -> None:
        self.root = os.path.abspath(root)
        self.scan = scan
        self.config_error: str | None = None
        self._config = None
        self._files: list[str] | None = None
        self._stories: dict[str, str] | None = None
        self._disk: dict[str, tuple[tuple[int, int], _Entry]] = {}
        self._memory: dict[str, tuple[str, _Entry]] = {}
        # One per open buffer: an edit re-parses and re-frames only the paragraphs it touched.
        self._matches: dict[str, MatchCache] = {}
        self._frames: dict[str, FrameCache] = {}
        # What the checks keep from one run to the next (numcheck.checks.kept).
        self._kept: dict[str, object] = {}
        # The server changes a workspace on its worker thread only; the first reading of the
        # config may come from either thread.
        self._first_config = threading.Lock()

    def contains(self, path: str) -> bool:
        return within(path, self.root)

    def label(self, path: str) -> str:
        """The path findings show: relative to the folder when inside it."""
        if self.contains(path) and path != self.root:
            return os.path.relpath(path, self.root).replace(os.sep, "/")
        return path

    def path_of(self, label: str) -> str:
        return label if os.path.isabs(label) else os.path.join(self.root, label)

    @property
    def config(self):  # numcheck.config.Config
        if self._config is None:
            with self._first_config:
                if self._config is None:
                    self.reload_config()
        return self._config

    def reload_config(self) -> None:
        """Read the config again (and forget what depended on it)."""
        from numcheck.config import Config
        from numcheck.config import ConfigError
        from numcheck.config import load_config
        from numcheck.extraction.limit import set_figure_limit
        from numcheck.rulepacks import RulePackError
        from numcheck.rulepacks import add_pack_dirs

        try:
            config = load_config([self.root])
            if config.rules:
                add_pack_dirs(config.rules)
            self.config_error = None
        except (ConfigError, RulePackError) as error:
            config, self.config_error = Config(), str(error)
        set_figure_limit(config.max_figures)
        self._config = config
        self._disk.clear()
        self._memory.clear()
        self._kept.clear()
        self.forget_files()

    def forget_files(self) -> None:
        """Look for the corpus files again at the next run (files were created or deleted)."""
        self._files = None
        self._stories = None

    def files(self) -> list[str]:
        """The corpus on disk, as absolute paths."""
        if self._files is None:
            self._files = self._find_files()
        return self._files

    def _find_files(self) -> list[str]:
        from numcheck.config import ConfigError
        from numcheck.document_set import expand

        config = self.config
        try:
            if config.corpus:
                found = discover(expand(config, config.corpus), exclude=config.exclude)
            elif self.scan and os.path.isdir(self.root):
                found = discover(
                    [self.root],
                    include=config.include,
                    exclude=config.exclude,
                    respect_gitignore=config.respect_gitignore,
                )
            else:
                found = []
        except ConfigError as error:
            self.config_error, found = str(error), []
        except InputError:
            found = []
        return [os.path.abspath(path) for path in found]

    def _story_of(self, path: str) -> str | None:
        if self._stories is None:
            from numcheck.config import ConfigError
            from numcheck.document_set import expand

            stories: dict[str, str] = {}
            try:
                for name, patterns in self.config.stories.items():
                    for match in expand(self.config, patterns, key=f"stories.{name}"):
                        stories.setdefault(os.path.realpath(match), name)
            except ConfigError as error:
                self.config_error = str(error)
            self._stories = stories
        return self._stories.get(os.path.realpath(path)) if self._stories else None

    def _entry(
        self,
        path: str,
        document: Document,
        cache: MatchCache | None = None,
        frames: FrameCache | None = None,
    ) -> _Entry:
        story = document.story or self._story_of(path)
        document = replace(document, path=self.label(path), story=story)
        claims, error = safe_claims(document, cache, frames)
        return _Entry(document, claims, error)

    def _from_disk(self, path: str) -> _Entry | None:
        try:
            info = os.stat(path)
        except OSError:
            return None
        key = (info.st_mtime_ns, info.st_size)
        cached = self._disk.get(path)
        if cached is not None and cached[0] == key:
            return cached[1]
        try:
            entry = self._entry(path, read_path(path))
        except InputError:
            return None
        self._disk[path] = (key, entry)
        return entry

    def _from_memory(self, buffer: Buffer) -> _Entry:
        cached = self._memory.get(buffer.path)
        if cached is not None and cached[0] == buffer.text:
            return cached[1]
        cache = self._matches.setdefault(buffer.path, MatchCache())
        frames = self._frames.setdefault(buffer.path, FrameCache())
        entry = self._entry(buffer.path, read_text(buffer.path, buffer.text), cache, frames)
        self._memory[buffer.path] = (buffer.text, entry)
        return entry

    def run(self, buffers: Sequence[Buffer]) -> Outcome:
        """Check the buffers against the rest of the corpus; findings on the buffers only."""
        open_paths = {buffer.path for buffer in buffers}
        entries: dict[str, _Entry] = {}
        for path in self.files():
            if path not in open_paths:
                entry = self._from_disk(path)
                if entry is not None:
                    entries[path] = entry
        for buffer in buffers:
            entries[buffer.path] = self._from_memory(buffer)
        self._forget_others(entries)
        documents = [entry.document for entry in entries.values()]
        outcome = Outcome(documents={document.path: document for document in documents})
        config = self.config
        try:
            result = check_documents(
                documents,
                select=list(config.select) if config.select is not None else None,
                ignore=list(config.ignore),
                settings=config.settings,
                report_on={self.label(path) for path in open_paths},
                extracted={entry.document.path: entry.claims for entry in entries.values()},
                skip_scopes=config.skip_scopes,
                kept=self._kept,
            )
        except CheckError as error:
            outcome.error = str(error)
            return outcome
        by_label: dict[str, list[Finding]] = {}
        for finding in result.findings:
            by_label.setdefault(finding.path, []).append(finding)
        for path in open_paths:
            entry = entries[path]
            found = by_label.get(self.label(path), [])
            if entry.error is not None:
                found = [entry.error.finding(entry.document, entry.document.path), *found]
            outcome.findings[path] = found
            message = limit_message(self.label(path), len(entry.claims))
            if message is not None:
                outcome.limited[path] = message
        outcome.errors = [e.error for e in entries.values() if e.error is not None]
        outcome.errors += result.errors
        outcome.error = self.config_error
        return outcome

    def _forget_others(self, entries: dict[str, _Entry]) -> None:
        for cache in (self._disk, self._memory, self._matches, self._frames):
            for path in [path for path in cache if path not in entries]:
                del cache[path]
