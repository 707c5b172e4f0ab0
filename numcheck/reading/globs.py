"""Glob patterns, matched in time proportional to the pattern times the path.

The syntax follows .gitignore habits: ``*`` is any run of characters within one path segment,
``?`` one character that is not ``/``, ``[...]`` a character class (``!`` or ``^`` first
negates it, ``a-z`` is a range, it never matches ``/``; a ``[`` that is not closed is an
ordinary character), ``**`` any run of characters across segments, and ``**/`` any number of
leading folders, none included.

A pattern with at most two wildcards that span runs (``*``, ``**``) becomes a regular
expression, whose backtracking is then at most quadratic in the path. A pattern with more is
matched by a small automaton instead: the path is read once, character by character, with the
set of pattern positions it may have reached, so ``*a*a*a*a*a*a*a*a*a*ab`` costs time in
proportion to the pattern times the path, never the exponential time a backtracking regular
expression may take. A malformed pattern (``[z-a]``) raises ``GlobError`` with one line
naming it.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass

MAX_PATTERN = 1000

MAX_REGEX_RUNS = 2
_TOKEN = re.compile(r"(\*\*/|\*\*|\*|\?|\[[!^]?\]?[^\]/]*\])")
_LITERAL, _ONE, _STAR, _ANY, _FOLDERS, _CLASS = range(6)
_RUNS = frozenset({_STAR, _ANY, _FOLDERS})


class GlobError(ValueError):
    """A glob pattern that cannot be read; the message is one line."""


@dataclass(frozen=True)
class _Step:
    kind: int
    text: str = ""  # the character of a literal
    ranges: tuple[tuple[str, str], ...] = ()  # a class: (first, last) pairs
    negated: bool = False

    def takes(self, char: str) -> bool:
        """Whether this step consumes ``char`` and moves on (``*``/``**`` stay put)."""
        if self.kind == _LITERAL:
            return char == self.text
        if self.kind == _ONE:
            return char != "/"
        if self.kind == _CLASS:
            inside = any(first <= char <= last for first, last in self.ranges)
            return char != "/" and inside != self.negated
        return False

    def regex(self) -> str:
        if self.kind == _LITERAL:
            return re.escape(self.text)
        if self.kind == _CLASS:
            members = "".join(
                re.escape(first) if first == last else f"{re.escape(first)}-{re.escape(last)}"
                for first, last in self.ranges
            )
            return f"(?!/)[{'^' if self.negated else ''}{members}]"
        return {_ONE: "[^/]", _STAR: "[^/]*", _ANY: ".*", _FOLDERS: "(?:.*/)?"}[self.kind]


@dataclass(frozen=True)
class Glob:
    """A compiled pattern; ``matches`` tells whether a ``/``-separated path matches whole."""

    pattern: str
    steps: tuple[_Step, ...]
    regex: re.Pattern[str] | None  # None: too many runs, the automaton matches

    def matches(self, path: str) -> bool:
        if self.regex is not None:
            return self.regex.fullmatch(path) is not None
        # A state is a step index; -(i + 1) is "inside the folders of the ``**/`` at i".
        states = self._closure({0})
        for char in path:
            following: set[int] = set()
            for index in states:
                following.update(self._next(index, char))
            if not following:
                return False
            states = self._closure(following)
        return len(self.steps) in states

    def _next(self, index: int, char: str) -> tuple[int, ...]:
        if index < 0:  # inside the folders of a ``**/``: a ``/`` ends one
            return (-index - 1,) if char == "/" else (index,)
        if index == len(self.steps):
            return ()
        step = self.steps[index]
        if step.kind == _STAR:
            return (index,) if char != "/" else ()
        if step.kind == _ANY:
            return (index,)
        if step.kind == _FOLDERS:
            return (index,) if char == "/" else (-index - 1,)
        return (index + 1,) if step.takes(char) else ()

    def _closure(self, states: set[int]) -> frozenset[int]:
        """``states`` and every position reachable from them without reading a character
        (``*`` and ``**`` may match nothing, and a ``**/`` may be passed at a folder's start)."""
        pending = list(states)
        reached = set(states)
        while pending:
            index = pending.pop()
            if 0 <= index < len(self.steps) and self.steps[index].kind in _RUNS:
                if index + 1 not in reached:
                    reached.add(index + 1)
                    pending.append(index + 1)
        return frozenset(reached)


def normalize(pattern: str) -> str:
    """The pattern as it is matched: ``/``-separated, without ``./`` or outer slashes."""
    return pattern.replace(os.sep, "/").removeprefix("./").strip("/")


@functools.lru_cache(maxsize=512)
def compile_glob(pattern: str) -> Glob:
    """The automaton of ``pattern``; ``GlobError`` when it is malformed or too long."""
    if len(pattern) > MAX_PATTERN:
        raise GlobError(f"glob pattern too long ({len(pattern)} characters, at most {MAX_PATTERN})")
    steps: list[_Step] = []
    for index, piece in enumerate(_TOKEN.split(normalize(pattern))):
        if index % 2 == 0:
            steps.extend(_Step(_LITERAL, char) for char in piece)
        elif piece == "**/":
            steps.append(_Step(_FOLDERS))
        elif piece == "**":
            steps.append(_Step(_ANY))
        elif piece == "*":
            steps.append(_Step(_STAR))
        elif piece == "?":
            steps.append(_Step(_ONE))
        else:
            steps.append(_character_class(pattern, piece[1:-1]))
    steps = _merge_stars(steps)
    runs = sum(step.kind in _RUNS for step in steps)
    regex = None
    if runs <= MAX_REGEX_RUNS:
        regex = re.compile("".join(step.regex() for step in steps), re.DOTALL)
    return Glob(pattern, tuple(steps), regex)


def _merge_stars(steps: list[_Step]) -> list[_Step]:
    """``***`` is ``**``, ``**`` then ``*`` is ``**``: runs of stars are one step."""
    merged: list[_Step] = []
    for step in steps:
        if merged and step.kind in (_STAR, _ANY) and merged[-1].kind in (_STAR, _ANY):
            if step.kind == _ANY:
                merged[-1] = step
            continue
        merged.append(step)
    return merged


def _character_class(pattern: str, body: str) -> _Step:
    negated = body[:1] in ("!", "^")
    if negated:
        body = body[1:]
    ranges: list[tuple[str, str]] = []
    index = 0
    while index < len(body):
        first = body[index]
        if index + 2 < len(body) and body[index + 1] == "-":
            last = body[index + 2]
            if last < first:
                raise GlobError(f"bad character range {first}-{last} in glob '{pattern}'")
            ranges.append((first, last))
            index += 3
        else:
            ranges.append((first, first))
            index += 1
    return _Step(_CLASS, ranges=tuple(ranges), negated=negated)


def check_glob(pattern: str) -> str | None:
    """None when ``pattern`` compiles, else the one-line reason it does not."""
    try:
        compile_glob(pattern)
    except GlobError as error:
        return str(error)
    return None


def has_magic(segment: str) -> bool:
    """Whether a path segment holds a wildcard (else it names itself)."""
    return any(char in segment for char in "*?[")
