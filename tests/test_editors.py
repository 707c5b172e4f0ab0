"""Real editors: the README's configuration snippets, run in a headless Neovim and in Emacs
(eglot) against the installed language server, get the diagnostics and apply a quick fix.
Helix cannot be installed here: its snippet is read as TOML and its command must start a
server that answers ``initialize``."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EDITORS = ROOT / "tests" / "fixtures" / "editors"
ARTICLE = """\
# Range

Ukraine may use ATACMS rockets, a tactical ballistic missile with
a range of up to 190 miles (360 km), against targets in Russia.
"""


def readme_snippet(language: str, after: str) -> str:
    """The first ``language`` code block of the README after the line that starts with
    ``after``: the configuration users copy."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("\n" + after)
    found = re.search(rf"```{language}\n(.*?)```", text[start:], re.DOTALL)
    assert found, f"no {language} block after {after!r} in README.md"
    return found.group(1)


def editor(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (.ci/run installs it with apt-get)")
    return found


def run_editor(command: list[str], folder: Path) -> dict:
    """Run an editor in ``folder`` with the installed ``numcheck`` first on the PATH and a
    private home; return what its driver wrote."""
    out = folder / "out.json"
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(folder),
        "NUMCHECK_TEST_OUT": str(out),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "XDG_DATA_HOME": str(folder / "data"),
        "XDG_STATE_HOME": str(folder / "state"),
        "XDG_CACHE_HOME": str(folder / "cache"),
    }
    done = subprocess.run(
        command,
        cwd=folder,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert out.exists(), done
    return json.loads(out.read_text(encoding="utf-8"))


def test_neovim_applies_the_quick_fix(tmp_path: Path) -> None:
    nvim = editor("nvim")
    article = tmp_path / "article.md"
    article.write_text(ARTICLE, encoding="utf-8")
    init = tmp_path / "init.lua"
    init.write_text(readme_snippet("lua", "Neovim 0.7 or later"), encoding="utf-8")
    command = [nvim, "--headless", "-i", "NONE", "-u", str(init), "article.md"]
    result = run_editor([*command, "-c", f"luafile {EDITORS / 'quick_fix.lua'}"], tmp_path)
    assert "error" not in result, result
    diagnostic = result["diagnostic"]
    line = ARTICLE.splitlines()[3]
    assert (diagnostic["lnum"], diagnostic["col"]) == (3, line.index("360 km"))
    assert diagnostic["end_col"] == line.index("360 km") + len("360 km")
    assert diagnostic["source"] == "numcheck" and diagnostic["severity"] == 1  # an error
    assert diagnostic["message"].startswith("'360 km' does not match '190 miles'")
    assert result["chosen"] == "Replace with 306 km"
    assert "Disable NC101 for this block" in result["titles"]
    assert result["lines"] == ARTICLE.replace("360 km", "306 km").splitlines()
    assert result["cleared"] is True
    assert article.read_text(encoding="utf-8") == ARTICLE  # the buffer changed, not the file


def test_emacs_eglot_applies_the_quick_fix(tmp_path: Path) -> None:
    emacs = editor("emacs")
    check = subprocess.run(
        [emacs, "--batch", "--eval", "(require 'eglot)"], capture_output=True, check=False
    )
    if check.returncode != 0:
        pytest.skip("eglot is not installed (Emacs 29 has it; .ci/run installs elpa-eglot)")
    text = " ".join(ARTICLE.split("\n\n")[1].split()) + "\n"  # one line of plain text
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    init = tmp_path / "init.el"
    init.write_text(readme_snippet("elisp", "Emacs with eglot"), encoding="utf-8")
    driver = EDITORS / "quick_fix.el"
    result = run_editor([emacs, "--batch", "-l", str(init), "-l", str(driver)], tmp_path)
    assert "error" not in result, result
    assert "NC101" in result["message"]  # eglot writes "numcheck [NC101]: message"
    assert result["message"].endswith(
        "'360 km' does not match '190 miles', which is 305.8 km; write '306 km'"
    )
    begin = text.index("360 km") + 1  # Emacs positions count from 1
    assert (result["begin"], result["end"]) == (begin, begin + len("360 km"))
    assert result["type"] == "eglot-error"
    assert result["titles"] == ["Replace with 306 km", "Disable NC101 for this block"]
    assert result["text"] == text.replace("360 km", "306 km")
    assert result["modified"] is True
    assert article.read_text(encoding="utf-8") == text  # the buffer changed, not the file


def _message(body: dict) -> bytes:
    data = json.dumps(body).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n%s" % (len(data), data)


def test_helix_snippet_starts_the_server(tmp_path: Path) -> None:
    config = tomllib.loads(readme_snippet("toml", "Helix 23.10 or later"))
    server = config["language-server"]["numcheck"]
    (markdown,) = [language for language in config["language"] if language["name"] == "markdown"]
    assert "numcheck" in markdown["language-servers"]
    assert server["command"] == "numcheck"
    command = [str(Path(sys.executable).parent / server["command"]), *server["args"]]
    requests = _message(
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}}
    ) + _message({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}) + _message(
        {"jsonrpc": "2.0", "method": "exit"}
    )  # fmt: skip
    done = subprocess.run(
        command, input=requests, capture_output=True, timeout=120, check=False, cwd=tmp_path
    )
    assert done.returncode == 0, done
    header, _, body = done.stdout.partition(b"\r\n\r\n")
    fields = dict(line.split(b":", 1) for line in header.split(b"\r\n"))
    answer = json.loads(body[: int(fields[b"Content-Length"])])
    capabilities = answer["result"]["capabilities"]
    assert answer["result"]["serverInfo"]["name"] == "numcheck"
    assert capabilities["codeActionProvider"]
