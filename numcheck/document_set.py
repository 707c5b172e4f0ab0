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
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import replace

from numcheck.config import Config
from numcheck.config import shown_path as _shown
from numcheck.reading.discover import InputError
from numcheck.reading.discover import discover
from numcheck.reading.discover import read_path
from numcheck.reading.documents import Document


@dataclass
class DocumentSet:
    """The documents to check, the paths to report on (None: all), and corpus files skipped."""

    documents: list[Document]
    report_on: set[str] | None
    skipped: list[str]


def expand(root: str, patterns: Sequence[str]) -> list[str]:
    """Files matching ``patterns`` (``**`` spans folders) under ``root``, as absolute paths."""
    found: list[str] = []
    for pattern in patterns:
        matches = glob.glob(pattern, root_dir=root, recursive=True)
        found.extend(os.path.normpath(os.path.join(root, match)) for match in sorted(matches))
    return [path for path in found if os.path.isfile(path)]


def gather(documents: list[Document], config: Config) -> DocumentSet:
    """``documents`` plus the config's corpus (not read twice), stories assigned."""
    given = {os.path.realpath(d.path) for d in documents if d.path != "-"}
    extra: list[Document] = []
    skipped: list[str] = []
    if config.corpus:
        candidates = [_shown(path) for path in expand(config.root, config.corpus)]
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
        for path in expand(config.root, patterns):
            story_of.setdefault(os.path.realpath(path), name)
    assigned = []
    for document in documents:
        story = None if document.path == "-" else story_of.get(os.path.realpath(document.path))
        if story is not None and document.story is None:
            document = replace(document, story=story)
        assigned.append(document)
    return assigned
