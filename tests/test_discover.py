from __future__ import annotations

import codecs
import io
import sys
from pathlib import Path

import pytest

from numcheck.reading import discover as discover_module
from numcheck.reading.discover import DEFAULT_INCLUDE
from numcheck.reading.discover import DiscoveryError
from numcheck.reading.discover import InputError
from numcheck.reading.discover import ReadError
from numcheck.reading.discover import discover
from numcheck.reading.discover import read_path
from numcheck.reading.discover import read_text

TREE = [
    "a.md",
    "b.txt",
    "c.py",
    "notes.markdown",
    "drafts/d.md",
    "drafts/old/e.txt",
    "sub/deep/f.md",
    "sub/g.MD",
    ".git/h.md",
    ".venv/lib/i.md",
    "node_modules/pkg/readme.md",
    "sub/__pycache__/j.txt",
    ".hidden.md",
]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in TREE:
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Up to 190 miles (306 km).\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


ALL = [".hidden.md", "a.md", "b.txt", "drafts/d.md", "drafts/old/e.txt", "notes.markdown"]
ALL += ["sub/deep/f.md"]
NO_DRAFTS = [".hidden.md", "a.md", "b.txt", "notes.markdown", "sub/deep/f.md"]

# (name, include, exclude, expected files under docs/)
WALK_CASES = [
    ("defaults", DEFAULT_INCLUDE, (), ALL),
    ("exclude folder contents", DEFAULT_INCLUDE, ("drafts/*",), NO_DRAFTS),
    ("exclude folder name", DEFAULT_INCLUDE, ("drafts",), NO_DRAFTS),
    ("exclude suffix", DEFAULT_INCLUDE, ("*.txt",), [n for n in ALL if not n.endswith(".txt")]),
    (
        "exclude double star",
        DEFAULT_INCLUDE,
        ("**/*.md",),
        ["b.txt", "drafts/old/e.txt", "notes.markdown"],
    ),
    ("exclude shown path", DEFAULT_INCLUDE, ("docs/sub/**", ".*"), ALL[1:-1]),
    ("include other suffix", ("*.py",), (), ["c.py"]),
    (
        "character classes",
        ("*.[mM][dD]",),
        (),
        [".hidden.md", "a.md", "drafts/d.md", "sub/deep/f.md", "sub/g.MD"],
    ),
    ("include double star", ("sub/**/*.md",), (), ["sub/deep/f.md"]),
    ("include one level", ("drafts/*",), (), ["drafts/d.md"]),
    ("include and exclude", ("drafts/**",), ("e.*",), ["drafts/d.md"]),
    (
        "question mark",
        ("?.txt", "[!a-c].md"),
        (),
        ["b.txt", "drafts/d.md", "drafts/old/e.txt", "sub/deep/f.md"],
    ),
]


@pytest.mark.parametrize(
    ("include", "exclude", "expected"),
    [
        pytest.param(include, exclude, expected, id=name)
        for name, include, exclude, expected in WALK_CASES
    ],
)
def test_walk_with_include_and_exclude(
    tree: Path, include: tuple[str, ...], exclude: tuple[str, ...], expected: list[str]
) -> None:
    found = discover(["docs"], include=include, exclude=exclude)
    assert found == [f"docs/{name}" for name in expected]


def test_walk_order_is_sorted_by_path(tree: Path) -> None:
    found = discover(["docs/"])
    assert found == sorted(found, key=lambda path: path.split("/"))
    assert discover(["docs/"]) == found


def test_dot_paths_are_shown_without_a_leading_dot(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tree / "docs" / "sub")
    assert discover(["."]) == ["deep/f.md"]


def test_parent_folder_names_do_not_count_as_hidden(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tree / "docs" / "sub")
    assert discover(["../drafts"], exclude=[".*"]) == ["../drafts/d.md", "../drafts/old/e.txt"]


def test_explicit_files_are_taken_whatever_their_suffix(tree: Path) -> None:
    assert discover(["docs/c.py", "docs/.git/h.md"]) == ["docs/c.py", "docs/.git/h.md"]


@pytest.mark.parametrize("pattern", ["*.py", "c.py", "docs/*.py", "docs", "**/c.*"])
def test_excluded_explicit_files_are_dropped(tree: Path, pattern: str) -> None:
    assert discover(["docs/c.py", "docs/a.md"], exclude=[pattern]) == (
        [] if pattern == "docs" else ["docs/a.md"]
    )


def test_each_file_is_listed_once(tree: Path) -> None:
    found = discover(["docs/a.md", "docs", "./docs/a.md"], include=["a.md"])
    assert found == ["docs/a.md"]


# (name, links to make under docs/ as (link, target), paths given, expected list)
SAME_FILE_CASES = [
    ("a link to a file", [("link.md", "a.md")], ["docs/a.md", "docs/link.md"], ["docs/a.md"]),
    ("the link first", [("link.md", "a.md")], ["docs/link.md", "docs/a.md"], ["docs/link.md"]),
    (
        "a linked folder",
        [("view", "drafts")],
        ["docs/drafts/d.md", "docs/view/d.md"],
        ["docs/drafts/d.md"],
    ),
    ("through a parent", [], ["docs/sub/../a.md", "docs/a.md"], ["docs/sub/../a.md"]),
    (
        "a link to a link",
        [("one.md", "a.md"), ("two.md", "one.md")],
        ["docs/two.md", "docs/a.md", "docs/one.md"],
        ["docs/two.md"],
    ),
    (
        "links to different files",
        [("x.md", "a.md"), ("y.md", "b.txt")],
        ["docs/x.md", "docs/y.md"],
        ["docs/x.md", "docs/y.md"],
    ),
]


@pytest.mark.parametrize(("name", "links", "paths", "expected"), SAME_FILE_CASES)
def test_a_file_reached_two_ways_is_listed_once(
    tree: Path, name: str, links: list[tuple[str, str]], paths: list[str], expected: list[str]
) -> None:
    for link, target in links:
        (tree / "docs" / link).symlink_to(target)
    assert discover(paths) == expected


def test_stdin_marker_passes_through(tree: Path) -> None:
    assert discover(["-", "docs/a.md"]) == ["-", "docs/a.md"]


def test_missing_path_is_a_discovery_error(tree: Path) -> None:
    with pytest.raises(DiscoveryError) as caught:
        discover(["docs/a.md", "nope/missing.md"])
    assert str(caught.value) == "nope/missing.md: no such file or directory"
    assert isinstance(caught.value, InputError)


def write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def test_read_markdown_and_text_by_suffix(tmp_path: Path) -> None:
    markdown = read_path(write(tmp_path / "a.md", b"1. Up to 190 miles\n"))
    assert markdown.prose == "   Up to 190 miles\n"
    text = read_path(write(tmp_path / "a.txt", b"1. Up to 190 miles\n"))
    assert text.prose == text.source == "1. Up to 190 miles\n"
    assert markdown.path == str(tmp_path / "a.md")


def test_crlf_is_kept(tmp_path: Path) -> None:
    document = read_path(write(tmp_path / "a.txt", b"one\r\ntwo 5\r\n"))
    assert document.source == "one\r\ntwo 5\r\n"
    assert document.position(document.source.index("5")) == (2, 5)


def test_utf8_bom_is_removed_so_columns_match_editors(tmp_path: Path) -> None:
    data = codecs.BOM_UTF8 + b"---\nstory: s\n---\n# 190 miles\n"
    document = read_path(write(tmp_path / "a.md", data))
    assert document.source == "---\nstory: s\n---\n# 190 miles\n"
    assert document.story == "s"
    text = read_path(write(tmp_path / "b.txt", codecs.BOM_UTF8 + b"190 miles"))
    assert text.source == "190 miles"
    assert text.position(0) == (1, 1)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_decoded(tmp_path: Path, encoding: str) -> None:
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    data = bom + "Київ: 190 miles\r\n".encode(encoding)
    document = read_path(write(tmp_path / "a.txt", data))
    assert document.source == "Київ: 190 miles\r\n"


# (file name, bytes, the one-line message)
UNREADABLE_CASES = [
    ("notes.bin", b"PK\x03\x04\x00\x00binary", "notes.bin: binary file (NUL bytes), skipped"),
    ("nul.md", b"Up to 190 miles\x00(306 km)", "nul.md: binary file (NUL bytes), skipped"),
    (
        "bad.txt",
        b"Range: 190 m\xffiles",
        "bad.txt: not valid UTF-8 (byte 0xff at offset 12), skipped",
    ),
    (
        "latin1.md",
        "Caf\u00e9 at 5 km".encode("latin-1"),
        "latin1.md: not valid UTF-8 (byte 0xe9 at offset 3), skipped",
    ),
    (
        "bom-bad.txt",
        codecs.BOM_UTF8 + b"ok \xc3",
        "bom-bad.txt: not valid UTF-8 (byte 0xc3 at offset 6), skipped",
    ),
    (
        "half.txt",
        codecs.BOM_UTF16_LE + b"a\x00b",
        "half.txt: not valid UTF-16 despite its byte-order mark, skipped",
    ),
]


@pytest.mark.parametrize(("name", "data", "message"), UNREADABLE_CASES)
def test_unreadable_files_raise_a_one_line_read_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, data: bytes, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_bytes(data)
    with pytest.raises(ReadError) as caught:
        read_path(name)
    assert str(caught.value) == message
    assert isinstance(caught.value, InputError)


def test_nul_after_the_first_8_kb_is_not_binary(tmp_path: Path) -> None:
    data = b"a" * 9000 + b"\x00 190 miles"
    document = read_path(write(tmp_path / "late.txt", data))
    assert document.source.endswith("\x00 190 miles")


def test_too_large_files_are_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(discover_module, "MAX_FILE_BYTES", 1024 * 1024)
    (tmp_path / "big.txt").write_bytes(b"190 miles\n" * 157287)
    with pytest.raises(ReadError) as caught:
        read_path("big.txt")
    assert str(caught.value) == (
        "big.txt: too large (1.5 MB, over the max-file-size of 1.0 MB), skipped"
    )


def test_default_size_limit_is_10_mb() -> None:
    assert discover_module.MAX_FILE_BYTES == 10 * 1024 * 1024


def test_missing_and_directory_paths_raise_read_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder").mkdir()
    with pytest.raises(ReadError, match=r"^gone\.md: no such file or directory, skipped$"):
        read_path("gone.md")
    with pytest.raises(ReadError, match=r"^folder: is a directory, skipped$"):
        read_path("folder")


def test_unreadable_file_is_a_read_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "locked.txt").write_text("190 miles")

    def refuse(path: str, mode: str = "r") -> io.BufferedReader:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(discover_module, "open", refuse, raising=False)
    with pytest.raises(ReadError, match=r"^locked\.txt: permission denied, skipped$"):
        read_path("locked.txt")


@pytest.mark.parametrize(
    ("label", "prose"),
    [
        ("-", "1. Up to 190 miles\n"),
        ("story.txt", "1. Up to 190 miles\n"),
        ("story.md", "   Up to 190 miles\n"),
        ("notes.markdown", "   Up to 190 miles\n"),
    ],
)
def test_read_text_picks_the_reader_by_label(label: str, prose: str) -> None:
    document = read_text(label, "1. Up to 190 miles\n")
    assert document.path == label
    assert document.prose == prose


def test_read_text_strips_a_bom() -> None:
    assert read_text("-", "\ufeff190 miles").source == "190 miles"


def test_read_path_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(codecs.BOM_UTF8 + b"Up to 190 miles\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    document = read_path("-")
    assert (document.path, document.source) == ("-", "Up to 190 miles\n")
