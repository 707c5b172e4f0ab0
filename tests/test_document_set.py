"""The document set of a run: the files asked for, plus the config's corpus and stories."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from numcheck.api import extract_text
from numcheck.config import Config
from numcheck.document_set import DocumentSet
from numcheck.document_set import assign_stories
from numcheck.document_set import corpus_paths
from numcheck.document_set import expand
from numcheck.document_set import gather
from numcheck.engine import Work
from numcheck.reading.discover import read_path


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
    found = expand(str(newsroom), patterns)
    assert [Path(path).relative_to(newsroom).as_posix() for path in found] == expected


def _gather(config: Config, *inputs: Work) -> DocumentSet:
    return gather(inputs, corpus_paths([item.path for item in inputs], config), config)


def test_without_corpus_the_documents_are_all_reported(newsroom: Path) -> None:
    result = _gather(_config(newsroom), Work("news/a.md"))
    assert result.documents == [read_path("news/a.md")]
    assert result.report_on is None and result.skipped == []


def test_corpus_adds_the_rest_once(newsroom: Path) -> None:
    config = _config(newsroom, corpus=("news/**/*.md",), exclude=("drafts",))
    result = _gather(config, Work("news/a.md"), Work(str(newsroom / "news" / "b.md")))
    assert [d.path for d in result.documents] == [
        "news/a.md",
        str(newsroom / "news" / "b.md"),
        "news/old/c.md",
    ]
    assert result.report_on == {"news/a.md", str(newsroom / "news" / "b.md")}


def test_corpus_from_a_subfolder(newsroom: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(newsroom / "news")
    result = _gather(_config(newsroom, corpus=("news/*.md",)), Work("a.md"))
    assert [d.path for d in result.documents] == ["a.md", "b.md"]


def test_stdin_label_stands_for_its_file(newsroom: Path) -> None:
    config = _config(newsroom, corpus=("news/*.md",))
    result = _gather(config, Work("news/a.md", text="unsaved text\n"))
    assert [d.path for d in result.documents] == ["news/a.md", "news/b.md"]
    assert result.documents[0].source == "unsaved text\n"


def test_unreadable_files_are_skipped_with_a_message(newsroom: Path) -> None:
    (newsroom / "news" / "e.md").write_bytes(b"bad \xff byte\n")
    (newsroom / "f.md").write_bytes(b"\0binary")
    result = _gather(_config(newsroom, corpus=("news/*.md",)), Work("news/a.md"), Work("f.md"))
    assert [d.path for d in result.documents] == ["news/a.md", "news/b.md"]
    assert result.skipped == ["f.md: binary file (NUL bytes), skipped"]
    assert result.corpus_skipped == [
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
    extracted = [extract_text(path, read_path(path).source) for path in ("news/a.md", "notes.txt")]
    assert [item.document.story for item in assign_stories(extracted, config)] == [expected, None]


def test_corpus_skips_do_not_fail_the_run(newsroom: Path, run_numcheck: Callable) -> None:
    (newsroom / ".numcheck.toml").write_text('corpus = ["news/*.md"]\n')
    (newsroom / "news" / "b.md").write_bytes(b"bad \xff byte\n")
    run = run_numcheck("check", "news/a.md", cwd=newsroom)
    assert run.returncode == 0, run
    assert run.stderr_lines == [
        "numcheck: news/b.md: not valid UTF-8 (byte 0xff at offset 4), skipped (corpus file)"
    ]
