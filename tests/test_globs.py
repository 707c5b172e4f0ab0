"""Glob patterns: what they match, and that no pattern can make matching blow up."""

from __future__ import annotations

import random

import pytest

from numcheck.reading.globs import Glob
from numcheck.reading.globs import GlobError
from numcheck.reading.globs import compile_glob

CASES = [
    ("*.md", ["a.md", ".md"], ["x/a.md", "a.mdx", "a.txt"]),
    ("**/*.md", ["a.md", "x/a.md", "x/y/z.md"], ["a.txt", "x/a.txt"]),
    ("news/**/*.md", ["news/a.md", "news/x/y/a.md"], ["a.md", "newsy/a.md"]),
    ("news/**", ["news/a.md", "news/x/y"], ["news", "a/news/b"]),
    ("drafts/*", ["drafts/a.md"], ["drafts/x/a.md", "drafts"]),
    ("?.md", ["a.md"], ["ab.md", "/.md"]),
    ("[ab].md", ["a.md", "b.md"], ["c.md"]),
    ("[!ab].md", ["c.md"], ["a.md", "/.md"]),
    ("[^ab].md", ["c.md"], ["b.md"]),
    ("[a-c]x", ["bx"], ["dx"]),
    ("[]]x", ["]x"], ["ax"]),
    ("x[", ["x["], ["x"]),
    ("a**b", ["ab", "a/x/b"], ["a/x/c"]),
    ("./news/*.md", ["news/a.md"], ["./news/a.md"]),
    ("*a*a*a*a*a*a*a*a*a*ab", ["aaaaaaaaaaab", "xaxaxaxaxaxaxaxaxaxab"], ["a" * 60 + "c"]),
    ("**/x/**/y/**/z/*.md", ["x/y/z/a.md", "q/x/r/y/s/z/a.md"], ["x/y/a.md"]),
]


@pytest.mark.parametrize(("pattern", "matching", "other"), CASES)
def test_matches(pattern: str, matching: list[str], other: list[str]) -> None:
    glob = compile_glob(pattern)
    automaton = Glob(glob.pattern, glob.steps, None)
    for path in matching:
        assert glob.matches(path) and automaton.matches(path), path
    for path in other:
        assert not glob.matches(path) and not automaton.matches(path), path


def test_many_wildcards_use_the_automaton() -> None:
    """A backtracking regular expression would take exponential time on these."""
    glob = compile_glob("*a" * 10 + "b")
    assert glob.regex is None
    assert not glob.matches("a" * 200 + "c")
    assert glob.matches("a" * 200 + "b")
    assert compile_glob("*.md").regex is not None


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("[z-a]", "bad character range z-a in glob '[z-a]'"),
        ("x/[9-0].md", "bad character range 9-0 in glob 'x/[9-0].md'"),
        ("*" * 1001, "glob pattern too long (1001 characters, at most 1000)"),
    ],
)
def test_malformed_patterns(pattern: str, message: str) -> None:
    with pytest.raises(GlobError) as raised:
        compile_glob(pattern)
    assert str(raised.value) == message


def test_regex_and_automaton_agree_on_random_patterns() -> None:
    pieces = ["a", "b", "/", "*", "**", "**/", "?", "[ab]", "[!a]", "."]
    chooser = random.Random(7)
    for _ in range(3000):
        pattern = "".join(chooser.choice(pieces) for _ in range(chooser.randint(1, 6)))
        glob = compile_glob(pattern)
        if glob.regex is None:
            continue
        automaton = Glob(glob.pattern, glob.steps, None)
        for _ in range(20):
            path = "".join(chooser.choice("ab/.c") for _ in range(chooser.randint(0, 10)))
            assert glob.matches(path) == automaton.matches(path), (pattern, path)
