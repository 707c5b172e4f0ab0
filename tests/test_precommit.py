"""The real pre-commit, running the project's own hook from ``.pre-commit-hooks.yaml``.

pre-commit clones a hook repository at a commit, so the working tree (committed or not) is
copied into a temporary git repository and committed there; that commit is the ``rev``. The
hook's environment is built by pre-commit itself (``pip install`` of that clone) under a
temporary ``PRE_COMMIT_HOME``, once for all the tests of this module.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from testing.project import copy_project

ROOT = Path(__file__).resolve().parent.parent
INSTALL_TIMEOUT = 900

CLEAN = """\
# Strikes approved

Ukraine may use ATACMS missiles with a range of up to 190 miles (306 km).
Officials said over 10,000 North Korean troops were sent to Russia.
"""


KOREA_STORY = """\
[tool.numcheck]
corpus = ["news/*.md"]

[tool.numcheck.stories]
korea = ["news/*.md"]
"""


def _git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    completed = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, f"git {' '.join(args)}: {completed.stderr}"
    return completed.stdout.strip()


def _clean_env(home: Path) -> dict[str, str]:
    """The environment without git variables a surrounding hook may set, git config isolated."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    (home / "gitconfig").write_text("[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n")
    env.update(
        GIT_CONFIG_GLOBAL=str(home / "gitconfig"),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="numcheck tests",
        GIT_AUTHOR_EMAIL="tests@example.com",
        GIT_COMMITTER_NAME="numcheck tests",
        GIT_COMMITTER_EMAIL="tests@example.com",
        PRE_COMMIT_HOME=str(home / "pre-commit"),
    )
    env.pop("PRE_COMMIT", None)
    return env


@pytest.fixture(scope="module")
def hook_source(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict[str, str]]:
    """A git repository holding the current working tree: (path, commit, environment)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    home = tmp_path_factory.mktemp("home")
    env = _clean_env(home)
    source = tmp_path_factory.mktemp("numcheck-source")
    copy_project(source)
    assert (source / ".pre-commit-hooks.yaml").is_file()
    _git("init", "-q", cwd=source, env=env)
    _git("add", "-A", cwd=source, env=env)
    _git("commit", "-q", "--no-verify", "-m", "working tree", cwd=source, env=env)
    return source, _git("rev-parse", "HEAD", cwd=source, env=env), env


def _repository(
    repo: Path,
    hook_source: tuple[Path, str, dict[str, str]],
    files: dict[str, str],
    config: str,
) -> Callable[..., subprocess.CompletedProcess[str]]:
    """A committed repository of ``files`` using the hook; returns ``run(*command)`` in it."""
    source, rev, env = hook_source
    repo.mkdir(parents=True)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {source.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: numcheck\n"
    )
    (repo / "pyproject.toml").write_text(config)
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    _git("init", "-q", cwd=repo, env=env)
    _git("add", "-A", cwd=repo, env=env)
    _git("commit", "-q", "--no-verify", "-m", "articles", cwd=repo, env=env)

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            list(command),
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT,
            check=False,
        )

    run.repo = repo  # type: ignore[attr-defined]
    return run


@pytest.fixture
def newsroom(
    tmp_path: Path, hook_source: tuple[Path, str, dict[str, str]]
) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Three copies of one article in one configured story."""
    return _repository(
        tmp_path / "newsroom",
        hook_source,
        {f"news/{name}": CLEAN for name in ("a.md", "b.md", "c.md")},
        KOREA_STORY,
    )


PRE_COMMIT = (sys.executable, "-m", "pre_commit")


def _output(completed: subprocess.CompletedProcess[str]) -> str:
    return completed.stdout + completed.stderr


def test_hook_blocks_a_commit_with_a_wrong_conversion(newsroom: Callable) -> None:
    repo: Path = newsroom.repo  # type: ignore[attr-defined]
    installed = newsroom(*PRE_COMMIT, "install")
    assert installed.returncode == 0, _output(installed)
    head = newsroom("git", "rev-parse", "HEAD").stdout

    article = repo / "news" / "a.md"
    article.write_text(CLEAN.replace("(306 km)", "(360 km)"))
    newsroom("git", "add", "news/a.md")
    blocked = newsroom("git", "commit", "-m", "wrong conversion")
    output = _output(blocked)
    assert blocked.returncode != 0, output
    assert "numcheck" in output and "Failed" in output
    assert "news/a.md:3:" in output and "NC101 [error]" in output
    assert "'360 km' does not match '190 miles'" in output and "write '306 km'" in output
    assert newsroom("git", "rev-parse", "HEAD").stdout == head

    article.write_text(CLEAN.replace("Ukraine may use", "Kyiv may now use"))
    newsroom("git", "add", "news/a.md")
    passed = newsroom("git", "commit", "-m", "clean change")
    assert passed.returncode == 0, _output(passed)
    assert "numcheck" in _output(passed) and "Passed" in _output(passed)
    assert newsroom("git", "rev-parse", "HEAD").stdout != head


def test_changed_file_is_compared_with_its_story(newsroom: Callable) -> None:
    """Only news/a.md is passed to the hook; b.md and c.md are read through the corpus."""
    repo: Path = newsroom.repo  # type: ignore[attr-defined]
    (repo / "news" / "a.md").write_text(CLEAN.replace("over 10,000", "about 3,000"))
    (repo / "notes.py").write_text("x = 1\n")
    completed = newsroom(*PRE_COMMIT, "run", "--files", "news/a.md", "notes.py")
    output = _output(completed)
    assert completed.returncode == 1, output
    assert "news/a.md:4:" in output and "NC202 [warning]" in output
    assert "news/b.md:4:" in output and "news/c.md:4:" in output


def test_findings_in_files_not_passed_are_not_reported(newsroom: Callable) -> None:
    repo: Path = newsroom.repo  # type: ignore[attr-defined]
    (repo / "news" / "b.md").write_text(CLEAN.replace("(306 km)", "(360 km)"))
    (repo / "news" / "a.md").write_text(CLEAN.replace("Officials said", "Officials say"))
    completed = newsroom(*PRE_COMMIT, "run", "--files", "news/a.md")
    assert completed.returncode == 0, _output(completed)
    assert "Passed" in _output(completed)
    failing = newsroom(*PRE_COMMIT, "run", "--files", "news/b.md")
    assert failing.returncode == 1
    assert "news/b.md:3:" in _output(failing) and "NC101" in _output(failing)


def test_hook_skips_other_file_types(newsroom: Callable) -> None:
    repo: Path = newsroom.repo  # type: ignore[attr-defined]
    (repo / "script.py").write_text("# up to 190 miles (360 km)\n")
    completed = newsroom(*PRE_COMMIT, "run", "--files", "script.py")
    assert completed.returncode == 0, _output(completed)
    assert "(no files to check)" in _output(completed)


def test_the_readme_snippet_works_and_can_be_pinned(
    tmp_path: Path, hook_source: tuple[Path, str, dict[str, str]]
) -> None:
    """The README's configuration (``rev: main``) runs, and ``pre-commit autoupdate --freeze
    --bleeding-edge``, as the README says, pins it to the commit ``main`` points at."""
    import re

    import yaml

    source, commit, env = hook_source
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## pre-commit hook") :]
    snippet = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert snippet is not None
    url = "https://github.com/OWNER/numcheck"
    assert url in snippet.group(1) and url in section[: section.index("## GitHub Actions")]
    repo = tmp_path / "newsroom"
    repo.mkdir()
    config = repo / ".pre-commit-config.yaml"
    config.write_text(snippet.group(1).replace(url, source.as_posix()))
    (repo / "a.md").write_text(CLEAN)
    _git("init", "-q", cwd=repo, env=env)
    _git("add", "-A", cwd=repo, env=env)

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*PRE_COMMIT, *command],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT,
            check=False,
        )

    first = run("run", "--files", "a.md")
    assert first.returncode == 0 and "Passed" in _output(first), _output(first)
    pinned = run("autoupdate", "--freeze", "--bleeding-edge", "--repo", source.as_posix())
    assert pinned.returncode == 0, _output(pinned)
    (entry,) = yaml.safe_load(config.read_text())["repos"]
    assert entry["rev"] == commit
    again = run("run", "--files", "a.md")
    assert again.returncode == 0 and "Passed" in _output(again), _output(again)


SEEDS = ROOT / "seeds"


def test_a_staged_outlier_fails_against_the_seeds(
    tmp_path: Path, hook_source: tuple[Path, str, dict[str, str]]
) -> None:
    """The seeds as the corpus, stories found from their content; only the changed article is
    staged, and the hook points at it."""
    files = {f"articles/{p.name}": p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    run = _repository(
        tmp_path / "seeds", hook_source, files, '[tool.numcheck]\ncorpus = ["articles/*.txt"]\n'
    )
    outlier = run.repo / "articles" / "004_dc5528db860779ee.txt"  # type: ignore[attr-defined]
    outlier.write_text(
        outlier.read_text(encoding="utf-8").replace(
            "up to 190 miles (306 kilometers)", "up to 120 miles (193 km)"
        ),
        encoding="utf-8",
    )
    run("git", "add", "articles/004_dc5528db860779ee.txt")
    completed = run(*PRE_COMMIT, "run")
    output = _output(completed)
    assert completed.returncode == 1, output
    assert "articles/004_dc5528db860779ee.txt:7:" in output and "NC202 [warning]" in output
    assert "range of ATACMS" in output


def test_a_staged_change_fails_in_a_tie(
    tmp_path: Path, hook_source: tuple[Path, str, dict[str, str]]
) -> None:
    """Two rewrites of one article, no third to settle which is right: the staged one fails
    whichever it is (its name sorts first here)."""
    run = _repository(
        tmp_path / "tie",
        hook_source,
        {"news/a.md": CLEAN, "news/b.md": CLEAN},
        KOREA_STORY,
    )
    changed = run.repo / "news" / "a.md"  # type: ignore[attr-defined]
    changed.write_text(CLEAN.replace("over 10,000", "about 3,000"), encoding="utf-8")
    run("git", "add", "news/a.md")
    completed = run(*PRE_COMMIT, "run")
    output = _output(completed)
    assert completed.returncode == 1, output
    assert "news/a.md:4:" in output and "NC202 [warning]" in output
