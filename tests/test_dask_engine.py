"""The Dask engine: the same findings as the local engine, with two workers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import LocalCluster

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """120 generated articles in 5 stories (errors planted), the seeds, a broken file, and a
    config whose corpus is all of them."""
    root = tmp_path_factory.mktemp("newsroom")
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "generate.py"), str(root / "articles")]
        + ["--articles", "120", "--stories", "5", "--seed", "11", "--error-rate", "0.1"],
        check=True,
        capture_output=True,
    )
    shutil.copytree(ROOT / "seeds", root / "articles" / "seeds")
    (root / "articles" / "broken.md").write_bytes(b"\x00binary")
    (root / ".numcheck.toml").write_text('corpus = ["articles/**/*.md", "articles/**/*.txt"]\n')
    return root


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A cluster of two worker processes, as a user's own cluster would be."""
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.mark.parametrize(
    "args",
    [
        ("check", "articles", "--format", "json"),
        ("check", "articles/story_0001", "--format", "sarif"),  # the rest read as corpus
        ("check", "articles/seeds", "--format", "text", "--select", "NC2"),
        ("check", "articles/story_0003", "--format", "github", "--show-suppressed"),
        ("check", "articles/story_0002", "--format", "rdjson"),
    ],
    ids=["all", "story-against-corpus", "seeds", "one-story", "rdjson"],
)
def test_same_output_as_the_local_engine(
    newsroom: Path, scheduler: str, run_numcheck: Callable, args: tuple[str, ...]
) -> None:
    local = run_numcheck(*args, "--no-cache", cwd=newsroom)
    assert "NC2" in local.stdout, local
    on_cluster = run_numcheck(*args, "--engine", "dask", "--scheduler", scheduler, cwd=newsroom)
    assert (on_cluster.returncode, on_cluster.stdout, on_cluster.stderr) == (
        local.returncode,
        local.stdout,
        local.stderr,
    ), on_cluster


def test_a_local_cluster_is_started_without_a_scheduler(
    newsroom: Path, run_numcheck: Callable
) -> None:
    local = run_numcheck("check", "articles", "--format", "json", "--no-cache", cwd=newsroom)
    dask = run_numcheck(
        "check", "articles", "--format", "json", "--engine", "dask", "--jobs", "2", cwd=newsroom
    )
    assert dask.returncode == local.returncode == 2  # the broken file
    assert dask.json() == local.json()
    summary = dask.json()["summary"]
    assert summary["files"] == 125 and summary["errors"] > 0 and summary["warnings"] > 0
    assert summary["skipped"] == ["articles/broken.md: binary file (NUL bytes), skipped"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--fix",), "numcheck: --fix and --diff run with the local engine only"),
        (("--scheduler", "tcp://127.0.0.1:1"), "numcheck: --scheduler needs --engine dask"),
        (
            ("--engine", "dask", "--scheduler", "tcp://127.0.0.1:1"),
            "numcheck: cannot reach the Dask scheduler tcp://127.0.0.1:1",
        ),
    ],
)
def test_usage_errors(
    tmp_path: Path, run_numcheck: Callable, args: tuple[str, ...], message: str
) -> None:
    (tmp_path / "a.txt").write_text("Up to 190 miles (360 km).\n")
    if args[0] == "--fix":
        args = ("--engine", "dask", *args)
    run = run_numcheck("check", "a.txt", *args, cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr_lines[-1].startswith(message), run
    assert (tmp_path / "a.txt").read_text() == "Up to 190 miles (360 km).\n"


def test_nothing_to_read_is_the_local_engine_s_empty_report(
    tmp_path: Path, scheduler: str, run_numcheck: Callable
) -> None:
    (tmp_path / "empty").mkdir()
    local = run_numcheck("check", "empty", "--format", "json", "--no-cache", cwd=tmp_path)
    dask = run_numcheck(
        "check",
        "empty",
        "--format",
        "json",
        "--engine",
        "dask",
        "--scheduler",
        scheduler,
        cwd=tmp_path,
    )
    assert (dask.returncode, dask.stdout, dask.stderr) == (0, local.stdout, ""), dask


def test_without_a_cache_a_scratch_cache_is_used_and_removed(
    newsroom: Path, scheduler: str, run_numcheck: Callable, numcheck_cmd: Path, tmp_path: Path
) -> None:
    """Claims wait on the workers' disk between extraction and the checks of their story,
    in a scratch folder when the run has no cache; nothing of it is left behind."""
    local = run_numcheck("check", "articles", "--format", "json", "--no-cache", cwd=newsroom)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    args = ["check", "articles", "--format", "json", "--no-cache", "--engine", "dask"]
    on_cluster = subprocess.run(
        [str(numcheck_cmd), *args, "--scheduler", scheduler],
        cwd=newsroom,
        capture_output=True,
        text=True,
        env={**os.environ, "TMPDIR": str(scratch)},
        check=False,
    )
    assert (on_cluster.returncode, on_cluster.stdout) == (local.returncode, local.stdout)
    assert list(scratch.iterdir()) == []
