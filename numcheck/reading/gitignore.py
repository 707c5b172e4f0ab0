"""The files git ignores, which a walk through folders leaves out (as ruff and ripgrep do).

Inside a git repository (a folder holding ``.git``), the rules are those of the
``.gitignore`` files from the repository's root down to each file, and of
``.git/info/exclude``; outside one, those of the ``.gitignore`` files of the folders walked.
A deeper ``.gitignore`` wins over a shallower one and, within a file, the last pattern that
matches wins (``!`` re-includes), as in git. A folder that git ignores is still walked when it
is the one named on the command line; then only the ``.gitignore`` files inside it apply. The
patterns are read by pathspec's ``GitIgnoreSpec``. The user's global excludes file is not read.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec


def git_root(folder: str) -> str | None:
    """The repository folder that holds ``folder``, if any."""
    current = os.path.abspath(folder)
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


class GitIgnore:
    """The ignore rules that apply under ``root`` (a folder being walked)."""

    def __init__(self, root: str) -> None:
        self.root = os.path.abspath(root)
        self.top = git_root(self.root) or self.root
        self._specs: dict[str, GitIgnoreSpec | None] = {}
        if self.top != self.root and self.ignored(self.root, is_dir=True):
            # A folder named on the command line is walked even when git ignores it (as a
            # file named there is read): then only the .gitignore files inside it apply.
            self.top = self.root
            self._specs = {}

    def ignored(self, path: str, *, is_dir: bool = False) -> bool:
        """Whether git ignores ``path`` (absolute, under the root)."""
        folder = os.path.dirname(path)
        while True:
            spec = self._spec(folder)
            if spec is not None:
                relative = os.path.relpath(path, folder).replace(os.sep, "/")
                verdict = spec.check_file(relative + "/" if is_dir else relative).include
                if verdict is not None:
                    return verdict
            if folder == self.top or len(folder) <= len(self.top):
                return False
            folder = os.path.dirname(folder)

    def _spec(self, folder: str) -> GitIgnoreSpec | None:
        if folder not in self._specs:
            lines = _lines(os.path.join(folder, ".gitignore"))
            if folder == self.top:
                lines = _lines(os.path.join(folder, ".git", "info", "exclude")) + lines
            self._specs[folder] = _spec(lines) if lines else None
        return self._specs[folder]


def _lines(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read().splitlines()
    except OSError:
        return []


def _spec(lines: list[str]) -> GitIgnoreSpec:
    from pathspec import GitIgnoreSpec  # only when there is a .gitignore to read

    return GitIgnoreSpec.from_lines(lines)
