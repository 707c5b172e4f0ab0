"""A progress bar on stderr for long runs.

Shown only for runs of at least ``MIN_FILES`` files, when stderr is a terminal, ``CI`` is not
set and ``TERM`` is not ``dumb``; it never writes to stdout, redraws at most ten times a
second, and erases itself when the run is done.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

MIN_FILES = 300
WIDTH = 30
_INTERVAL = 0.1


def wanted(total: int, stream: TextIO | None = None) -> bool:
    stream = stream or sys.stderr
    if total < MIN_FILES or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class ProgressBar:
    """``bar(done, total)`` redraws the bar; ``bar.close()`` erases it."""

    def __init__(self, label: str = "checking", stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.last_draw = 0.0
        self.drawn = 0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last_draw < _INTERVAL:
            return
        self.last_draw = now
        filled = WIDTH * done // max(total, 1)
        bar = "#" * filled + "-" * (WIDTH - filled)
        text = f"\r{self.label} [{bar}] {done}/{total} files"
        self.drawn = len(text) - 1
        self.stream.write(text)
        self.stream.flush()

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r" + " " * self.drawn + "\r")
            self.stream.flush()
            self.drawn = 0
