"""The document set of a run: the files asked for, the rest of their corpus, their stories.

When the config names a ``corpus`` (globs relative to the config file), every file it matches
is read too, so a few changed files (as a pre-commit hook passes them) are still compared with
the rest of their story; findings are then reported on the files asked for only. The config's
``stories`` (story name = globs, relative to the config file) name the story of each matching
document that its front matter does not already name.

A config file must not make numcheck read files outside its project (the folder of the config
file): a ``corpus`` or ``stories`` glob that starts outside it (an absolute path, ``../``) is an
error, and a file it matches through a symbolic link to elsewhere is left out with a message,
unless the command line says ``--allow-outside``.
"""

from __future__ import annotations

import functools
import os
import stat
from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from typing import TYPE_CHECKING

from numcheck import engine
from numcheck.api import Extracted
from numcheck.config import Config
from numcheck.config import ConfigError
from numcheck.config import shown_path as _shown
from numcheck.engine import Work
from numcheck.extraction.limit import limit_message
from numcheck.reading.discover import STDIN
from numcheck.reading.discover import InputError
from numcheck.reading.discover import excluded
from numcheck.reading.discover import glob_files
from numcheck.reading.documents import Document

if TYPE_CHECKING:
    from numcheck.cache import ClaimsCache


@dataclass
class DocumentSet:
    """What the per-document step found in the files asked for and then in the rest of the
    corpus (stories assigned), the paths to report on (None: all), and a one-line message for
    each file asked for and each corpus file that could not be read."""

    extracted: list[Extracted]
    report_on: set[str] | None
    skipped: list[str] = field(default_factory=list)
    corpus_skipped: list[str] = field(default_factory=list)

    @property
    def documents(self) -> list[Document]:
        return [item.document for item in self.extracted]


def expand(
    config: Config,
    patterns: Sequence[str],
    *,
    key: str = "corpus",
    skipped: list[str] | None = None,
    statuses: dict[str, os.stat_result] | None = None,
) -> list[str]:
    """Files matching ``patterns`` (``**`` spans folders) under the config's folder, as
    absolute paths. Unless ``config.allow_outside``, a pattern that starts outside that folder
    raises ``ConfigError`` and a file found through a link to elsewhere is left out (with a
    message in ``skipped``). ``statuses`` is given the status of each file found that is no
    link (``os.lstat``, which looking for links asks for anyway)."""
    root = config.root
    project = os.path.realpath(root)
    inside = project.rstrip(os.sep) + os.sep  # real paths are absolute and normal already
    statuses = {} if statuses is None else statuses
    found: list[str] = []
    for pattern in patterns:
        if not config.allow_outside and not _inside(os.path.join(root, pattern), root):
            raise ConfigError(
                f"{_config_name(config)}: '{key}' pattern '{pattern}' reaches outside the "
                "folder of the config file; --allow-outside lets it"
            )
        outside = 0
        real_folder = functools.lru_cache(maxsize=None)(os.path.realpath)
        for path in glob_files(root, pattern):
            path = os.path.normpath(os.path.abspath(path))
            real = _realpath(path, real_folder, statuses) if not config.allow_outside else path
            if not config.allow_outside and not (real == project or real.startswith(inside)):
                outside += 1
                continue
            found.append(path)
        if outside and skipped is not None:
            files = "1 file lies" if outside == 1 else f"{outside} files lie"
            skipped.append(
                f"{_config_name(config)}: '{key}' pattern '{pattern}': {files} outside the "
                "folder of the config file (through links), not read (--allow-outside reads them)"
            )
    return found


def _realpath(
    path: str, real_folder: Callable[[str], str], statuses: dict[str, os.stat_result]
) -> str:
    """``os.path.realpath(path)`` with the folder resolved once for all its files (through
    ``real_folder``): a file that is no link lies in the real folder of its folder. The
    status of a file that is no link goes to ``statuses``."""
    try:
        info = os.lstat(path)
    except OSError:
        return os.path.realpath(path)
    if stat.S_ISLNK(info.st_mode):
        return os.path.realpath(path)
    statuses[path] = info
    folder, name = os.path.split(path)
    return os.path.join(real_folder(folder), name)


def _inside(path: str, folder: str) -> bool:
    path, folder = os.path.normpath(os.path.abspath(path)), os.path.abspath(folder)
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _config_name(config: Config) -> str:
    return _shown(config.path) if config.path else "config"


def corpus_paths(
    given: Sequence[str], config: Config, skipped: list[str] | None = None
) -> list[str]:
    """The files of the config's corpus that are not among ``given`` (nor left out by
    ``exclude``), as paths are shown, in the order of the patterns (each one's files
    sorted); files a glob reaches outside the project are counted in ``skipped``."""
    seen = {_identity(path) for path in given if path != STDIN}
    extra: list[str] = []
    statuses: dict[str, os.stat_result] = {}  # those of files that are no links
    for pattern in config.corpus:
        for path in expand(config, [pattern], skipped=skipped, statuses=statuses):
            try:
                info = statuses.get(path) or os.stat(path)
            except OSError:
                continue
            if not stat.S_ISREG(info.st_mode) or (info.st_dev, info.st_ino) in seen:
                continue
            shown = _shown(path)
            if not excluded(shown, config.exclude):
                seen.add((info.st_dev, info.st_ino))
                extra.append(shown)
    return extra


def _identity(path: str) -> tuple[int, int] | str:
    """What tells one file from another whatever path leads to it (device and inode)."""
    try:
        info = os.stat(path)
    except OSError:
        return os.path.realpath(path)
    return info.st_dev, info.st_ino


def gather(
    inputs: Sequence[Work],
    corpus: Sequence[str],
    config: Config,
    *,
    jobs: int | None = 1,
    cache: ClaimsCache | None = None,
    max_bytes: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    keep: bool = False,
) -> DocumentSet:
    """Read and extract ``inputs`` and the ``corpus`` paths (see ``numcheck.engine.run``)."""
    work = [*inputs, *(Work(path) for path in corpus)]
    outcomes = engine.run(
        work,
        jobs=jobs,
        cache=cache,
        max_bytes=max_bytes,
        progress=progress,
        keep=keep,
        file_index=True,
    )
    given, extra = outcomes[: len(inputs)], outcomes[len(inputs) :]
    found = [item for item in given if not isinstance(item, InputError)]
    more = [item for item in extra if not isinstance(item, InputError)]
    return DocumentSet(
        assign_stories(found + more, config),
        {item.path for item in found} if more else None,
        [str(item) for item in given if isinstance(item, InputError)] + _limited(found),
        [f"{item} (corpus file)" for item in extra if isinstance(item, InputError)]
        + [f"{message} (corpus file)" for message in _limited(more)],
    )


def _limited(records: Sequence[Extracted]) -> list[str]:
    """A message for each document read only up to the figure limit."""
    messages = (limit_message(item.path, item.claim_count) for item in records)
    return [message for message in messages if message is not None]


def assign_stories(extracted: list[Extracted], config: Config) -> list[Extracted]:
    """The documents with the story the config gives them, unless their front matter names
    one."""
    return with_stories(extracted, configured_stories([item.path for item in extracted], config))


def configured_stories(paths: Sequence[str], config: Config) -> dict[str, str]:
    """The story the config's ``stories`` give each of ``paths`` that one matches."""
    if not config.stories:
        return {}
    story_of: dict[str, str] = {}
    for name, patterns in config.stories.items():
        for path in expand(config, patterns, key=f"stories.{name}"):
            story_of.setdefault(os.path.realpath(path), name)
    found = {}
    for path in paths:
        story = None if path == STDIN else story_of.get(os.path.realpath(path))
        if story is not None:
            found[path] = story
    return found


def with_stories(extracted: list[Extracted], stories: dict[str, str]) -> list[Extracted]:
    """The documents with the ``stories`` given by path, where their front matter names none."""
    assigned = []
    for item in extracted:
        story = stories.get(item.path)
        if story is not None and item.story is None:
            item = item.with_story(story)
        assigned.append(item)
    return assigned
