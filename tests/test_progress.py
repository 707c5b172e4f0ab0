"""The progress bar: stderr only, for long runs in a terminal, never in CI."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from numcheck import progress
from numcheck.progress import MIN_FILES
from numcheck.progress import ProgressBar


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("total", "tty", "env", "shown"),
    [
        (MIN_FILES, True, {}, True),
        (MIN_FILES - 1, True, {}, False),
        (MIN_FILES, False, {}, False),
        (MIN_FILES, True, {"CI": "true"}, False),
        (MIN_FILES, True, {"TERM": "dumb"}, False),
    ],
)
def test_wanted(
    monkeypatch: pytest.MonkeyPatch, total: int, tty: bool, env: dict[str, str], shown: bool
) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    stream = _Terminal() if tty else io.StringIO()
    assert progress.wanted(total, stream) is shown


def test_bar_draws_and_erases() -> None:
    stream = _Terminal()
    bar = ProgressBar(stream=stream)
    bar(1, 4)
    bar(2, 4)  # within the redraw interval: skipped
    bar(4, 4)  # the last step is always drawn
    drawn = stream.getvalue()
    assert drawn.count("\r") == 2
    assert "1/4 files" in drawn and "4/4 files" in drawn and "2/4" not in drawn
    assert "[" + "#" * progress.WIDTH + "]" in drawn
    bar.close()
    assert stream.getvalue().endswith("\r")
    assert stream.getvalue().rsplit("\r", 2)[1].strip() == ""


@pytest.fixture(scope="module")
def many_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    for index in range(MIN_FILES):
        (folder / f"{index:03}.txt").write_text(f"Article {index} names 12 towns.\n")
    (folder / "999.txt").write_text("A range of up to 190 miles (360 km).\n")
    return folder


def _numcheck() -> str:
    return str(Path(sys.executable).parent / "numcheck")


@pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal")
def test_bar_on_a_terminal_stderr_only(many_files: Path) -> None:
    import pty

    main, secondary = pty.openpty()
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    env["TERM"] = "xterm"
    try:
        completed = subprocess.run(
            [_numcheck(), "check", "."],
            cwd=many_files,
            stdout=subprocess.PIPE,
            stderr=secondary,
            env=env,
            timeout=120,
            check=False,
        )
        os.close(secondary)
        terminal = _read_all(main)
    finally:
        os.close(main)
    assert completed.returncode == 1
    assert f"/{MIN_FILES + 1} files" in terminal
    assert "[" in terminal and "#" in terminal
    stdout = completed.stdout.decode()
    assert "files\r" not in stdout and "#" not in stdout
    assert stdout.splitlines()[0].startswith("999.txt:1:")


def _read_all(fd: int) -> str:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks).decode("utf-8", "replace")


def test_no_bar_when_ci_is_set_or_stderr_is_a_pipe(many_files: Path) -> None:
    for env_ci in ("true", None):
        env = {key: value for key, value in os.environ.items() if key != "CI"}
        if env_ci:
            env["CI"] = env_ci
        completed = subprocess.run(
            [_numcheck(), "check", "."],
            cwd=many_files,
            capture_output=True,
            env=env,
            timeout=120,
            check=False,
        )
        assert completed.returncode == 1
        assert completed.stderr == b""
