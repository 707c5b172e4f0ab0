"""The project's own files, for tests that install it as a user would (a hook, an action)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Folders of a working tree that are never part of the project (when git cannot say).
_NOT_PROJECT = {".git", ".venv", "venv", "build", "dist", "__pycache__", ".pytest_cache"}
_NOT_PROJECT_SUFFIXES = (".egg-info", ".pyc")


def project_files() -> list[Path]:
    """The working tree's files: tracked and untracked but not ignored, as git sees them."""
    if (ROOT / ".git").exists() and shutil.which("git"):
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode()
        return [Path(name) for name in listed.split("\0") if name and (ROOT / name).is_file()]
    found = []
    for folder, subfolders, names in os.walk(ROOT):
        subfolders[:] = [
            name
            for name in subfolders
            if name not in _NOT_PROJECT and not name.endswith(_NOT_PROJECT_SUFFIXES)
        ]
        for name in names:
            if not name.endswith(_NOT_PROJECT_SUFFIXES):
                found.append(Path(folder, name).relative_to(ROOT))
    return found


def copy_project(target: Path) -> Path:
    """A copy of the project's files in ``target``."""
    for relative in project_files():
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / relative, destination)
    return target
