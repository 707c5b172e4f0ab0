"""The document set of a run: the files asked for, the rest of their corpus, their stories.

When the config names a ``corpus`` (globs relative to the config file), every file it matches
is read too, so a few changed files (as a pre-commit hook passes them) are still compared with
the rest of their story; findings are then reported on the files asked for only. The config's
``stories`` (story name = globs, relative to the config file) name the story of each matching
document that its front matter does not already name.
"""

from __future__ import annotations

import glob
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
from numcheck.config import shown_path as _shown
from numcheck.engine import Work
from numcheck.reading.discover import STDIN
from numcheck.reading.discover import InputError
from numcheck.reading.discover import excluded
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


def expand(root: str, patterns: Sequence[str]) -> list[str]:
    """Files matching ``patterns`` (``**`` spans folders) under ``root``, as absolute paths."""
    found: list[str] = []
    for pattern in patterns:
        matches = glob.glob(pattern, root_dir=root, recursive=True)
        found.extend(os.path.normpath(os.path.join(root, match)) for match in sorted(matches))
    return [path for path in found if os.path.isfile(path)]


def corpus_paths(given: Sequence[str], config: Config) -> list[str]:
    """The files of the config's corpus that are not among ``given`` (nor left out by
    ``exclude``), as paths are shown, in the order of the patterns (each one's files
    sorted)."""
    seen = {_identity(path) for path in given if path != STDIN}
    extra: list[str] = []
    for pattern in config.corpus:
        for match in sorted(glob.glob(pattern, root_dir=config.root, recursive=True)):
            path = os.path.normpath(os.path.join(config.root, match))
            try:
                info = os.stat(path)
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
        work, jobs=jobs, cache=cache, max_bytes=max_bytes, progress=progress, keep=keep
    )
    given, extra = outcomes[: len(inputs)], outcomes[len(inputs) :]
    found = [item for item in given if not isinstance(item, InputError)]
    more = [item for item in extra if not isinstance(item, InputError)]
    return DocumentSet(
        assign_stories(found + more, config),
        {item.path for item in found} if more else None,
        [str(item) for item in given if isinstance(item, InputError)],
        [f"{item} (corpus file)" for item in extra if isinstance(item, InputError)],
    )


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
        for path in expand(config.root, patterns):
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
