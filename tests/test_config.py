"""Configuration: finding the file, validating it, and what it changes in a run."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from numcheck.config import Config
from numcheck.config import ConfigError
from numcheck.config import load_config
from numcheck.reading.discover import DEFAULT_INCLUDE

WRONG = "A range of up to 190 miles (360 km).\n"


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _pyproject(body: str) -> str:
    return "[project]\nname = 'x'\n\n[tool.numcheck]\n" + body


# (file name, contents, the error message expected, start to end)
BAD_CONFIGS = [
    (
        "pyproject.toml",
        _pyproject('selct = ["NC101"]\n'),
        "pyproject.toml: unknown key 'selct' in [tool.numcheck] (allowed: select, ignore, "
        "fail-level, include, exclude, corpus, rules, stories, skip-scopes, respect-gitignore, "
        "max-file-size, max-figures; rule tables: [invalid-suppression], [conversion-mismatch]",
    ),
    (
        ".numcheck.toml",
        'ignore = ["NC101"]\nfail_level = "error"\n',
        ".numcheck.toml: unknown key 'fail_level' (allowed: select, ignore, fail-level",
    ),
    (
        "pyproject.toml",
        _pyproject('fail-level = "fatal"\n'),
        "pyproject.toml: 'fail-level' in [tool.numcheck] must be one of error, warning, note, "
        "not 'fatal'",
    ),
    (
        "pyproject.toml",
        _pyproject('max-file-size = "big"\n'),
        "pyproject.toml: 'max-file-size' in [tool.numcheck] must be a size such as 20 "
        "(megabytes) or \"500KB\", not 'big'",
    ),
    (
        ".numcheck.toml",
        "max-file-size = 0\n",
        ".numcheck.toml: 'max-file-size' must be a positive size, not 0",
    ),
    (
        ".numcheck.toml",
        "max-figures = -1\n",
        ".numcheck.toml: 'max-figures' must be a whole number, 0 for no limit, not -1",
    ),
    (
        ".numcheck.toml",
        "max-figures = 1.5\n",
        ".numcheck.toml: 'max-figures' must be a whole number, 0 for no limit, not 1.5",
    ),
    (
        "pyproject.toml",
        _pyproject('max-figures = "many"\n'),
        "pyproject.toml: 'max-figures' in [tool.numcheck] must be a whole number, 0 for no "
        "limit, not 'many'",
    ),
    (
        ".numcheck.toml",
        "max-figures = true\n",
        ".numcheck.toml: 'max-figures' must be a whole number, 0 for no limit, not True",
    ),
    (
        "pyproject.toml",
        _pyproject('select = "NC101"\n'),
        "pyproject.toml: 'select' in [tool.numcheck] must be a list of strings, not 'NC101'",
    ),
    (
        "pyproject.toml",
        _pyproject('ignore = ["NC999"]\n'),
        "pyproject.toml: unknown rule 'NC999' in 'ignore' in [tool.numcheck]",
    ),
    (
        "pyproject.toml",
        _pyproject("[tool.numcheck.conversion-mismatch]\ntolerance = 'wide'\n"),
        "pyproject.toml: 'conversion-mismatch.tolerance' must be a float, not 'wide' "
        "(in [tool.numcheck.conversion-mismatch])",
    ),
    (
        "pyproject.toml",
        _pyproject("[tool.numcheck.NC101]\ntolerence = 0.01\n"),
        "pyproject.toml: conversion-mismatch: unknown option 'tolerence' (allowed: tolerance) "
        "(in [tool.numcheck.NC101])",
    ),
    (
        "pyproject.toml",
        _pyproject("[tool.numcheck.NC101]\ntolerance = -1\n"),
        "pyproject.toml: 'conversion-mismatch.tolerance' must be at least 0",
    ),
    (
        "pyproject.toml",
        _pyproject("[tool.numcheck.NC999]\ntolerance = 1\n"),
        "pyproject.toml: unknown key 'NC999' in [tool.numcheck] (allowed:",
    ),
    (
        "pyproject.toml",
        _pyproject('stories = ["news/*.md"]\n'),
        "pyproject.toml: 'stories' in [tool.numcheck] must be a table of story name = [globs]",
    ),
    (
        "pyproject.toml",
        _pyproject("[tool.numcheck.stories]\nstrike = 'news/*.md'\n"),
        "pyproject.toml: 'stories.strike' in [tool.numcheck] must be a list of strings",
    ),
    (
        "pyproject.toml",
        _pyproject('rules = ["packs"]\n'),
        "pyproject.toml: 'rules' in [tool.numcheck]: rule pack directory 'packs' not found",
    ),
    (
        "pyproject.toml",
        "[tool.numcheck\nselect = 1\n",
        "pyproject.toml: invalid TOML (",
    ),
    (
        ".numcheck.toml",
        "[conversion-mismatch]\ntolerance = 0.1\n[NC101]\ntolerance = 0.2\n",
        ".numcheck.toml: [NC101] repeats the settings of NC101 conversion-mismatch",
    ),
]


@pytest.mark.parametrize(("name", "contents", "message"), BAD_CONFIGS)
def test_bad_config_is_one_line_naming_file_and_key(
    in_tmp: Path, name: str, contents: str, message: str
) -> None:
    (in_tmp / name).write_text(contents)
    with pytest.raises(ConfigError) as raised:
        load_config(["."])
    text = str(raised.value)
    assert text.startswith(message), text
    assert "\n" not in text


def test_no_config_gives_defaults(in_tmp: Path) -> None:
    assert load_config(["."]) == Config()
    assert Config().include == DEFAULT_INCLUDE and Config().fail_level == "warning"


def test_every_key_is_read(in_tmp: Path) -> None:
    (in_tmp / "packs").mkdir()
    (in_tmp / "pyproject.toml").write_text(
        _pyproject(
            'select = ["NC1"]\nignore = ["NC102"]\nfail-level = "error"\ninclude = ["*.md"]\n'
            'exclude = ["drafts"]\ncorpus = ["news/**/*.md"]\nrules = ["packs"]\n'
            "[tool.numcheck.stories]\nstrike = ['news/a.md', 'news/b.md']\n"
            "[tool.numcheck.NC101]\ntolerance = 0.01\n"
        )
    )
    config = load_config(["."])
    assert config.path is not None and Path(config.path).name == "pyproject.toml"
    assert config.select == ("NC1",) and config.ignore == ("NC102",)
    assert config.fail_level == "error"
    assert config.include == ("*.md",) and config.exclude == ("drafts",)
    assert config.corpus == ("news/**/*.md",)
    assert config.rules == (str(in_tmp / "packs"),)
    assert dict(config.stories) == {"strike": ("news/a.md", "news/b.md")}
    assert dict(config.settings) == {"conversion-mismatch": {"tolerance": 0.01}}


# (files written: path -> contents, path to start from, the config file expected or None)
DISCOVERY_CASES = [
    ({"pyproject.toml": _pyproject("")}, "docs/a.md", "pyproject.toml"),
    ({".numcheck.toml": "", "pyproject.toml": _pyproject("")}, "a.md", ".numcheck.toml"),
    ({"pyproject.toml": "[project]\nname = 'x'\n", ".numcheck.toml": ""}, "a.md", ".numcheck.toml"),
    (
        {"pyproject.toml": _pyproject(""), "docs/pyproject.toml": "[project]\nname = 'docs'\n"},
        "docs/a.md",
        "pyproject.toml",
    ),
    (
        {"pyproject.toml": _pyproject(""), "docs/.numcheck.toml": ""},
        "docs/a.md",
        "docs/.numcheck.toml",
    ),
    ({"docs/.numcheck.toml": ""}, "docs", "docs/.numcheck.toml"),
    ({"other/.numcheck.toml": ""}, "docs/a.md", None),
]


@pytest.mark.parametrize(("files", "start", "expected"), DISCOVERY_CASES)
def test_config_is_found_walking_up(
    in_tmp: Path, files: dict[str, str], start: str, expected: str | None
) -> None:
    (in_tmp / "docs").mkdir()
    (in_tmp / "docs" / "a.md").write_text("text\n")
    for name, contents in files.items():
        (in_tmp / name).parent.mkdir(parents=True, exist_ok=True)
        (in_tmp / name).write_text(contents)
    found = load_config([start]).path
    assert (os.path.relpath(found, in_tmp) if found else None) == expected


def test_tool_table_accepted_in_numcheck_toml(in_tmp: Path) -> None:
    (in_tmp / ".numcheck.toml").write_text('[tool.numcheck]\nignore = ["NC101"]\n')
    assert load_config(["."]).ignore == ("NC101",)


def test_command_line_overrides_config(in_tmp: Path) -> None:
    (in_tmp / "packs").mkdir()
    (in_tmp / ".numcheck.toml").write_text('ignore = ["NC101"]\nrules = ["packs"]\n')
    config = load_config(["."]).override(
        ignore=["NC102"], select=None, fail_level="note", rules=["more"]
    )
    assert config.ignore == ("NC102",) and config.select is None and config.fail_level == "note"
    assert config.rules == (str(in_tmp / "packs"), "more")


# ---- end to end, with the installed command -------------------------------------------------


def test_typo_in_config_exits_2_naming_the_key(tmp_path: Path, run_numcheck: Callable) -> None:
    (tmp_path / "pyproject.toml").write_text(_pyproject('selct = ["NC101"]\n'))
    (tmp_path / "a.txt").write_text(WRONG)
    run = run_numcheck("check", "a.txt", cwd=tmp_path)
    assert run.returncode == 2, run
    assert run.stdout == ""
    (line,) = run.stderr_lines
    assert line.startswith(
        "numcheck: pyproject.toml: unknown key 'selct' in [tool.numcheck] (allowed: select, "
        "ignore, fail-level, include, exclude, corpus, rules, stories, skip-scopes, "
        "respect-gitignore, max-file-size, max-figures; rule tables: "
    )
    assert "[conversion-mismatch]" in run.stderr


@pytest.mark.parametrize(
    ("config", "args", "codes", "status"),
    [
        ("", (), ["NC101"], 1),
        ('ignore = ["NC101"]\n', (), [], 0),
        ('ignore = ["conversion-mismatch"]\n', (), [], 0),
        ('select = ["NC2"]\n', (), [], 0),
        ('ignore = ["NC101"]\n', ("--ignore", "NC102"), ["NC101"], 1),
        ('fail-level = "note"\n', (), ["NC101"], 1),
        ("[tool.numcheck.conversion-mismatch]\ntolerance = 0.2\n", (), [], 0),
    ],
)
def test_config_changes_the_run(
    tmp_path: Path,
    run_numcheck: Callable,
    config: str,
    args: tuple[str, ...],
    codes: list[str],
    status: int,
) -> None:
    (tmp_path / "pyproject.toml").write_text(_pyproject(config))
    (tmp_path / "a.txt").write_text(WRONG)
    run = run_numcheck("check", "a.txt", "--format", "json", *args, cwd=tmp_path)
    assert run.returncode == status, run
    assert [finding["code"] for finding in run.json()["findings"]] == codes


def test_config_fail_level_error_passes_warnings(tmp_path: Path, run_numcheck: Callable) -> None:
    (tmp_path / ".numcheck.toml").write_text('fail-level = "error"\n')
    (tmp_path / "a.txt").write_text("A 5 ton (6,000 kg) load.\n")
    run = run_numcheck("check", "a.txt", "--format", "json", cwd=tmp_path)
    levels = [finding["level"] for finding in run.json()["findings"]]
    assert levels == ["warning"], run
    assert run.returncode == 0, run
    assert run_numcheck("check", "a.txt", "--fail-level", "warning", cwd=tmp_path).returncode == 1


def test_explicit_config_flag(tmp_path: Path, run_numcheck: Callable) -> None:
    (tmp_path / "settings").mkdir()
    (tmp_path / "settings" / "numcheck.toml").write_text('ignore = ["NC101"]\n')
    (tmp_path / "a.txt").write_text(WRONG)
    run = run_numcheck("check", "a.txt", "--config", "settings/numcheck.toml", cwd=tmp_path)
    assert run.returncode == 0, run
    missing = run_numcheck("check", "a.txt", "--config", "nowhere.toml", cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr_lines == ["numcheck: nowhere.toml: config file not found"]


def test_config_include_exclude(tmp_path: Path, run_numcheck: Callable) -> None:
    (tmp_path / ".numcheck.toml").write_text('include = ["*.text"]\nexclude = ["drafts"]\n')
    for name in ("a.text", "b.txt", "drafts/c.text"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(WRONG)
    run = run_numcheck("check", ".", "--format", "json", cwd=tmp_path)
    assert [finding["path"] for finding in run.json()["findings"]] == ["a.text"], run


def test_config_found_from_the_checked_path(tmp_path: Path, run_numcheck: Callable) -> None:
    project = tmp_path / "project"
    (project / "news").mkdir(parents=True)
    (project / ".numcheck.toml").write_text('ignore = ["NC101"]\n')
    (project / "news" / "a.txt").write_text(WRONG)
    run = run_numcheck("check", str(project / "news" / "a.txt"), cwd=tmp_path)
    assert run.returncode == 0, run


def test_corpus_compares_passed_files_with_their_story(
    tmp_path: Path, run_numcheck: Callable
) -> None:
    """Only a.md is checked, but b.md and c.md (the corpus) are read to compare it with."""
    news = tmp_path / "news"
    news.mkdir()
    lines = {
        "a.md": "Officials said about 3,000 North Korean troops were sent to Russia.\n",
        "b.md": "Over 10,000 North Korean troops have been deployed to eastern Russia.\n",
        "c.md": "More than 10,000 North Korean troops are in Russia. " + WRONG,
    }
    for name, text in lines.items():
        (news / name).write_text(f"# {name}\n\n{text}")
    (tmp_path / "pyproject.toml").write_text(
        _pyproject('corpus = ["news/*.md"]\n[tool.numcheck.stories]\nkorea = ["news/*.md"]\n')
    )
    run = run_numcheck("check", "news/a.md", "--format", "json", cwd=tmp_path)
    findings = run.json()["findings"]
    assert [(f["path"], f["code"]) for f in findings] == [("news/a.md", "NC202")], run
    assert {r["path"] for r in findings[0]["related"]} == {"news/b.md", "news/c.md"}
    (tmp_path / "empty.toml").write_text("")
    alone = run_numcheck(
        "check", "news/a.md", "--format", "json", "--config", "empty.toml", cwd=tmp_path
    )
    assert alone.json()["findings"] == [], alone
    other = run_numcheck("check", "news/b.md", "--format", "json", cwd=tmp_path)
    assert other.json()["findings"] == [], other


def test_stories_group_documents_explicitly(tmp_path: Path, run_numcheck: Callable) -> None:
    for folder, text in (("one", "Over 10,000"), ("two", "About 3,000")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(f"{text} North Korean troops are in Russia.\n")
    shutil.copy(tmp_path / "one" / "a.txt", tmp_path / "one" / "b.txt")
    (tmp_path / ".numcheck.toml").write_text('[stories]\nkorea = ["one/*.txt", "two/*.txt"]\n')
    run = run_numcheck("check", ".", "--format", "json", cwd=tmp_path)
    codes = {(f["path"], f["code"]) for f in run.json()["findings"]}
    assert ("two/a.txt", "NC202") in codes, run
