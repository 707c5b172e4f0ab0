"""The document set of a run: the files asked for, plus the config's corpus and stories."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from numcheck.config import Config
from numcheck.document_set import assign_stories
from numcheck.document_set import expand
from numcheck.document_set import gather
from numcheck.reading.discover import read_path
from numcheck.reading.discover import read_text


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("news/a.md", "news/b.md", "news/old/c.md", "news/drafts/d.md", "notes.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"{name}\n")
    (tmp_path / ".numcheck.toml").write_text("")
    return tmp_path


def _config(root: Path, **values: object) -> Config:
    return Config(path=str(root / ".numcheck.toml"), **values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("patterns", "expected"),
    [
        (["news/*.md"], ["news/a.md", "news/b.md"]),
        (["news/**/*.md"], ["news/a.md", "news/b.md", "news/drafts/d.md", "news/old/c.md"]),
        (["*.txt", "news/a.md"], ["notes.txt", "news/a.md"]),
        (["news"], []),
        (["missing/*.md"], []),
    ],
)
def test_expand_is_relative_to_the_root(
    newsroom: Path, patterns: list[str], expected: list[str]
) -> None:
    found = expand(_config(newsroom), patterns)
    assert [Path(path).relative_to(newsroom).as_posix() for path in found] == expected


def test_without_corpus_the_documents_are_all_reported(newsroom: Path) -> None:
    documents = [read_path("news/a.md")]
    result = gather(documents, _config(newsroom))
    assert result.documents == documents and result.report_on is None and result.skipped == []


def test_corpus_adds_the_rest_once(newsroom: Path) -> None:
    documents = [read_path("news/a.md"), read_path(str(newsroom / "news" / "b.md"))]
    config = _config(newsroom, corpus=("news/**/*.md",), exclude=("drafts",))
    result = gather(documents, config)
    assert [d.path for d in result.documents] == [
        "news/a.md",
        str(newsroom / "news" / "b.md"),
        "news/old/c.md",
    ]
    assert result.report_on == {"news/a.md", str(newsroom / "news" / "b.md")}


def test_corpus_from_a_subfolder(newsroom: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(newsroom / "news")
    result = gather([read_path("a.md")], _config(newsroom, corpus=("news/*.md",)))
    assert [d.path for d in result.documents] == ["a.md", "b.md"]


def test_stdin_label_stands_for_its_file(newsroom: Path) -> None:
    unsaved = read_text("news/a.md", "unsaved text\n")
    result = gather([unsaved], _config(newsroom, corpus=("news/*.md",)))
    assert [d.path for d in result.documents] == ["news/a.md", "news/b.md"]
    assert result.documents[0].source == "unsaved text\n"


def test_unreadable_corpus_file_is_skipped_with_a_message(newsroom: Path) -> None:
    (newsroom / "news" / "e.md").write_bytes(b"bad \xff byte\n")
    result = gather([read_path("news/a.md")], _config(newsroom, corpus=("news/*.md",)))
    assert [d.path for d in result.documents] == ["news/a.md", "news/b.md"]
    assert result.skipped == [
        "news/e.md: not valid UTF-8 (byte 0xff at offset 4), skipped (corpus file)"
    ]


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [("", "korea"), ("---\nstory: strikes\n---\n", "strikes")],
)
def test_stories_from_config_unless_front_matter_says(
    newsroom: Path, front_matter: str, expected: str
) -> None:
    (newsroom / "news" / "a.md").write_text(front_matter + "Text.\n")
    config = _config(newsroom, stories={"korea": ("news/*.md",)})
    documents = assign_stories([read_path("news/a.md"), read_path("notes.txt")], config)
    assert [d.story for d in documents] == [expected, None]


def test_corpus_skips_do_not_fail_the_run(newsroom: Path, run_numcheck: Callable) -> None:
    (newsroom / ".numcheck.toml").write_text('corpus = ["news/*.md"]\n')
    (newsroom / "news" / "b.md").write_bytes(b"bad \xff byte\n")
    run = run_numcheck("check", "news/a.md", cwd=newsroom)
    assert run.returncode == 0, run
    assert run.stderr_lines == [
        "numcheck: news/b.md: not valid UTF-8 (byte 0xff at offset 4), skipped (corpus file)"
    ]
