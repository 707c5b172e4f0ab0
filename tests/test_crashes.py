"""Inputs that once crashed or hung numcheck, run through the installed command: each now
gets its findings or a one-line error (exit 2), never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import RUN_TIMEOUT
from conftest import Run

WRONG = "It flew 190 miles (360 km).\n"
# pint's registry (and its cache folder) is used only for units beyond the built-in pack's
FURLONGS = (
    "kind: units\nquantities:\n  length:\n    dimension: '[length]'\n"
    "    units:\n      furlong: {words: [furlongs]}\n"
)
WRONG_IN_FURLONGS = "It ran 8 furlongs (3 km).\n"


def _no_traceback(run: Run) -> None:
    assert "Traceback" not in run.stderr, str(run)


def _one_line_error(run: Run, *parts: str) -> None:
    _no_traceback(run)
    assert run.returncode == 2, str(run)
    (line,) = run.stderr_lines
    assert line.startswith("numcheck: "), line
    for part in parts:
        assert part in line, line


@pytest.mark.parametrize(
    "sentence",
    [
        "He paid 100 pounds (120 pounds).",
        "He paid 100 pounds (120 pounds sterling).",
        "She won 5 pounds (6 pounds) and 7 pounds 6 ounces (3 pounds).",
    ],
)
def test_money_in_pounds_beside_pounds(tmp_path: Path, run_numcheck, sentence: str) -> None:
    (tmp_path / "a.txt").write_text(sentence + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(WRONG, encoding="utf-8")
    run = run_numcheck("check", ".", "--format", "json", cwd=tmp_path)
    _no_traceback(run)
    assert run.returncode == 1 and run.stderr == ""
    assert [(f["path"], f["code"]) for f in run.json()["findings"]] == [("b.txt", "NC101")]


def _run_with_env(numcheck_cmd: Path, cwd: Path, **env: str) -> Run:
    (cwd / "packs").mkdir(exist_ok=True)
    (cwd / "packs" / "furlongs.yaml").write_text(FURLONGS, encoding="utf-8")
    completed = subprocess.run(
        [str(numcheck_cmd), "check", "a.txt", "--rules", "packs"],
        cwd=cwd,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
        check=False,
    )
    return Run(("check", "a.txt"), completed.returncode, completed.stdout, completed.stderr)


def test_cache_folder_that_cannot_be_made(tmp_path: Path, numcheck_cmd: Path) -> None:
    (tmp_path / "a.txt").write_text(WRONG_IN_FURLONGS, encoding="utf-8")
    (tmp_path / "not-a-folder").write_text("", encoding="utf-8")
    run = _run_with_env(numcheck_cmd, tmp_path, XDG_CACHE_HOME=str(tmp_path / "not-a-folder"))
    _no_traceback(run)
    assert run.returncode == 1 and "a.txt:1:20: NC101" in run.stdout, str(run)
    (line,) = run.stderr_lines
    assert line.startswith("numcheck: cannot use pint's cache folder") and "without it" in line


def test_damaged_cache_files(tmp_path: Path, numcheck_cmd: Path) -> None:
    (tmp_path / "a.txt").write_text(WRONG_IN_FURLONGS, encoding="utf-8")
    cache = tmp_path / "cache"
    assert _run_with_env(numcheck_cmd, tmp_path, XDG_CACHE_HOME=str(cache)).returncode == 1
    damaged = [path for path in cache.rglob("*") if path.is_file() and "pint" in path.parts]
    assert damaged
    for path in damaged:
        path.write_bytes(b"garbage")
    run = _run_with_env(numcheck_cmd, tmp_path, XDG_CACHE_HOME=str(cache))
    _no_traceback(run)
    assert run.returncode == 1 and "a.txt:1:20: NC101" in run.stdout


@pytest.mark.parametrize(
    ("config", "parts"),
    [
        ("select = " + "[" * 100_000 + "]" * 100_000, ["nested too deeply"]),
        ("a = " + "{b=" * 100_000 + "1" + "}" * 100_000, ["nested too deeply"]),
        ('exclude = ["[z-a]"]', ["'exclude'", "bad character range z-a"]),
        ('corpus = ["x/[9-0]*.md"]', ["'corpus'", "bad character range 9-0"]),
        ('[stories]\nx = ["[b-a]"]', ["'stories.x'", "bad character range b-a"]),
        ("[conversion-mismatch]\ntolerance = nan", ["tolerance", "finite number, not nan"]),
        ("[conversion-mismatch]\ntolerance = inf", ["tolerance", "finite number, not inf"]),
        ("[conversion-mismatch]\ntolerance = -inf", ["tolerance", "finite number"]),
        ("include = " + repr(["x" * 5000]), ["glob pattern too long"]),
        ("fail-level = " + repr("e" * 5000), ["'fail-level'"]),
    ],
)
def test_bad_config_values(tmp_path: Path, run_numcheck, config: str, parts: list[str]) -> None:
    (tmp_path / ".numcheck.toml").write_text(config + "\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(WRONG, encoding="utf-8")
    run = run_numcheck("check", "a.txt", cwd=tmp_path)
    _one_line_error(run, ".numcheck.toml", *parts)
    assert len(run.stderr) < 400


@pytest.mark.parametrize("flag", ["--exclude", "--include"])
def test_bad_glob_on_the_command_line(tmp_path: Path, run_numcheck, flag: str) -> None:
    (tmp_path / "a.txt").write_text(WRONG, encoding="utf-8")
    run = run_numcheck("check", ".", flag, "[z-a]", cwd=tmp_path)
    _one_line_error(run, flag, "bad character range z-a")


UNIT_PACK = """kind: units
quantities:
  length:
    dimension: "{dimension}"
    units:
      {unit}: {{words: [zorbs]}}
"""


@pytest.mark.parametrize(
    ("name", "text", "parts"),
    [
        ("u.yaml", UNIT_PACK.format(dimension="[length]", unit="furlongx"), ["'furlongx'"]),
        ("u.yaml", UNIT_PACK.format(dimension="[length]", unit="kilogram"), ["[mass]"]),
        ("u.yaml", UNIT_PACK.format(dimension="[lengthx]", unit="mile"), ["'[lengthx]'"]),
        ("c.yaml", "kind: currencies\nscales:\n  abc: {words: [zillion]}\n", ["'scales.abc'"]),
        ("c.yaml", "kind: currencies\nscales:\n  .nan: {words: [zillion]}\n", ["scales."]),
        ("c.yaml", "kind: currencies\nscales:\n  -5: {words: [zillion]}\n", ["'scales.-5'"]),
        (
            "u.yaml",
            "kind: units\nambiguous:\n  z:\n    words: [zorb]\n    readings: [mile, million]\n"
            "    scale: {million: abc}\n",
            ["'ambiguous.z.scale.million'"],
        ),
        ("u.yaml", "kind: units\ndefinitions: [[1, 2]]\n", ["'definitions'"]),
    ],
)
def test_bad_user_rule_packs(
    tmp_path: Path, run_numcheck, name: str, text: str, parts: list[str]
) -> None:
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / name).write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_text("It flew 190 zorbs (306 km). " + WRONG, encoding="utf-8")
    run = run_numcheck("check", "--rules", "pack", "a.txt", cwd=tmp_path)
    _one_line_error(run, f"pack/{name}", *parts)


NON_UTF8 = b"caf\xe9.txt"


@pytest.mark.skipif(
    sys.platform != "linux",
    reason="needs a file name that is not UTF-8, which only Linux file systems accept",
)
@pytest.mark.parametrize("output", ["text", "json", "sarif", "github", "rdjson"])
def test_file_name_that_is_not_utf8(tmp_path: Path, numcheck_cmd: Path, output: str) -> None:
    with open(os.path.join(os.fsencode(tmp_path), NON_UTF8), "wb") as handle:
        handle.write(WRONG.encode())
    completed = subprocess.run(
        [str(numcheck_cmd), "check", ".", "--format", output],
        cwd=tmp_path,
        env={**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        timeout=RUN_TIMEOUT,
        check=False,
    )
    assert completed.returncode == 1, completed.stderr
    assert completed.stderr == b""
    if output in ("text", "github"):
        assert NON_UTF8 + b":1:" in completed.stdout or b"file=" + NON_UTF8 in completed.stdout
        return
    document = json.loads(completed.stdout.decode("utf-8"))
    if output == "json":
        assert os.fsencode(document["findings"][0]["path"]) == NON_UTF8
    elif output == "sarif":
        location = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "caf%E9.txt"
    else:
        assert os.fsencode(document["diagnostics"][0]["location"]["path"]) == NON_UTF8


def _read(run: Run) -> int:
    """How many files a run read: those checked and those read only as corpus."""
    summary = run.json()["summary"]
    return summary["files"] + summary["corpus_files"]


def test_corpus_through_links_back_to_the_project(tmp_path: Path, run_numcheck) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.md").write_text("Over 10,000 North Korean troops came.\n")
    (tmp_path / "news" / "b.md").write_text("About 3,000 North Korean troops came.\n")
    os.symlink(".", tmp_path / "loop1")
    os.symlink(".", tmp_path / "loop2")
    os.symlink("..", tmp_path / "news" / "up")
    (tmp_path / ".numcheck.toml").write_text('corpus = ["**/*.md"]\n')
    run = run_numcheck("check", "news/a.md", "--format", "json", cwd=tmp_path)
    _no_traceback(run)
    assert _read(run) == 2, str(run)


def test_stories_through_a_link_loop(tmp_path: Path, run_numcheck) -> None:
    (tmp_path / "a.md").write_text("Over 10,000 North Korean troops came.\n")
    os.symlink(".", tmp_path / "loop")
    (tmp_path / ".numcheck.toml").write_text('[stories]\nx = ["**/a.md"]\n')
    run = run_numcheck("stories", ".", cwd=tmp_path)
    assert run.returncode == 0 and run.stdout_lines == ["x (1 document)", "    a.md"], str(run)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder and, beside it, a folder it must not read without being told to."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.md").write_text("Over 10,000 North Korean troops came.\n")
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "a.md").write_text("About 3,000 North Korean troops came.\n")
    return tmp_path / "project"


@pytest.mark.parametrize(
    ("key", "config"),
    [
        ("corpus", 'corpus = ["../outside/*.md"]'),
        ("corpus", 'corpus = ["{outside}/*.md"]'),
        ("corpus", 'corpus = ["sub/../../outside/*.md"]'),
        ("stories.x", '[stories]\nx = ["../outside/*.md"]'),
    ],
)
def test_config_may_not_read_outside_its_project(
    project: Path, run_numcheck, key: str, config: str
) -> None:
    text = config.format(outside=(project.parent / "outside").as_posix())
    (project / ".numcheck.toml").write_text(text + "\n")
    run = run_numcheck("check", "a.md", cwd=project)
    _one_line_error(run, ".numcheck.toml", f"'{key}'", "outside", "--allow-outside")
    assert "secret" not in run.stdout
    allowed = run_numcheck("check", "a.md", "--allow-outside", "--format", "json", cwd=project)
    assert allowed.returncode in (0, 1) and allowed.stderr == "", str(allowed)


def test_links_to_outside_are_left_out(project: Path, run_numcheck) -> None:
    os.symlink(project.parent / "outside", project / "elsewhere")
    (project / ".numcheck.toml").write_text('corpus = ["**/*.md"]\n')
    run = run_numcheck("check", "a.md", "--format", "json", cwd=project)
    assert _read(run) == 1 and run.json()["findings"] == []
    (line,) = run.stderr_lines
    assert "'**/*.md': 1 file lies outside" in line and "--allow-outside" in line
    allowed = run_numcheck("check", "a.md", "--allow-outside", "--format", "json", cwd=project)
    assert _read(allowed) == 2 and allowed.stderr == ""


def test_paths_given_on_the_command_line_are_read(project: Path, run_numcheck) -> None:
    run = run_numcheck("check", "a.md", "../outside/secret.md", "--format", "json", cwd=project)
    assert _read(run) == 2 and run.stderr == ""
