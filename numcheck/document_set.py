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

import os
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import replace

from numcheck.config import Config
from numcheck.config import ConfigError
from numcheck.config import shown_path as _shown
from numcheck.reading.discover import InputError
from numcheck.reading.discover import discover
from numcheck.reading.discover import glob_files
from numcheck.reading.discover import read_path
from numcheck.reading.documents import Document


@dataclass
class DocumentSet:
    """The documents to check, the paths to report on (None: all), and corpus files skipped."""

    documents: list[Document]
    report_on: set[str] | None
    skipped: list[str]


def expand(
    config: Config,
    patterns: Sequence[str],
    *,
    key: str = "corpus",
    skipped: list[str] | None = None,
) -> list[str]:
    """Files matching ``patterns`` (``**`` spans folders) under the config's folder, as
    absolute paths. Unless ``config.allow_outside``, a pattern that starts outside that folder
    raises ``ConfigError`` and a file found through a link to elsewhere is left out (with a
    message in ``skipped``)."""
    root = config.root
    project = os.path.realpath(root)
    found: list[str] = []
    for pattern in patterns:
        if not config.allow_outside and not _inside(os.path.join(root, pattern), root):
            raise ConfigError(
                f"{_config_name(config)}: '{key}' pattern '{pattern}' reaches outside the "
                "folder of the config file; --allow-outside lets it"
            )
        outside = 0
        for path in glob_files(root, pattern):
            path = os.path.normpath(os.path.abspath(path))
            if not config.allow_outside and not _inside(os.path.realpath(path), project):
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


def _inside(path: str, folder: str) -> bool:
    path, folder = os.path.normpath(os.path.abspath(path)), os.path.abspath(folder)
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _config_name(config: Config) -> str:
    return _shown(config.path) if config.path else "config"


def gather(documents: list[Document], config: Config) -> DocumentSet:
    """``documents`` plus the config's corpus (not read twice), stories assigned."""
    given = {os.path.realpath(d.path) for d in documents if d.path != "-"}
    extra: list[Document] = []
    skipped: list[str] = []
    if config.corpus:
        candidates = [_shown(path) for path in expand(config, config.corpus, skipped=skipped)]
        for path in discover(candidates, exclude=config.exclude):
            if os.path.realpath(path) in given:
                continue
            given.add(os.path.realpath(path))
            try:
                extra.append(read_path(path))
            except InputError as error:
                skipped.append(f"{error} (corpus file)")
    report_on = {d.path for d in documents} if extra else None
    return DocumentSet(assign_stories(documents + extra, config), report_on, skipped)


def assign_stories(documents: list[Document], config: Config) -> list[Document]:
    """Documents with the story the config gives them, unless their front matter names one."""
    if not config.stories:
        return documents
    story_of: dict[str, str] = {}
    for name, patterns in config.stories.items():
        for path in expand(config, patterns, key=f"stories.{name}"):
            story_of.setdefault(os.path.realpath(path), name)
    assigned = []
    for document in documents:
        story = None if document.path == "-" else story_of.get(os.path.realpath(document.path))
        if story is not None and document.story is None:
            document = replace(document, story=story)
        assigned.append(document)
    return assigned
