"""The built wheel works on its own: the rule packs travel inside it.

A pre-commit hook installs the package, not a checkout, so the wheel is built from a copy of
the project, installed (not editable) into a fresh virtual environment whose dependencies pip
resolves as a user's would, and that environment's ``numcheck`` is run outside the project.
One environment serves every test of this module.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT
from conftest import SEEDS
from conftest import Run
from conftest import installed_script
from conftest import run_command

STEP_TIMEOUT = 900
# Build output, caches and checkouts of other tools: never part of a build from a clean clone.
NOT_COPIED = shutil.ignore_patterns(
    ".git",
    ".venv",
    "venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    "corpus",
    "results",
)


@dataclass(frozen=True)
class Installed:
    wheel: Path
    names: frozenset[str]  # the files inside the wheel
    python: Path
    numcheck: Path
    work: Path  # a folder outside the project, with a copy of the seeds

    def run(self, *args: str, stdin: str | None = None) -> Run:
        return run_command(self.numcheck, *args, cwd=self.work, stdin=stdin)


def _environment() -> dict[str, str]:
    """The caller's environment without anything that points Python at this checkout."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")
    }
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _step(*command: str | Path, cwd: Path) -> None:
    completed = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=STEP_TIMEOUT,
        check=False,
    )
    if completed.returncode != 0:
        pytest.fail(
            f"{' '.join(map(str, command))} failed ({completed.returncode}):\n"
            f"{completed.stdout[-4000:]}\n{completed.stderr[-4000:]}"
        )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"
    shutil.copytree(ROOT, source, ignore=NOT_COPIED)
    dist = base / "dist"
    _step(sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", dist, source, cwd=base)
    wheels = sorted(dist.glob("numcheck-*.whl"))
    assert len(wheels) == 1, wheels
    with zipfile.ZipFile(wheels[0]) as archive:
        names = frozenset(archive.namelist())

    venv = base / "venv"
    _step(sys.executable, "-m", "venv", venv, cwd=base)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = installed_script(bin_dir, "python")
    _step(python, "-m", "pip", "install", wheels[0], cwd=base)

    work = base / "work"
    shutil.copytree(SEEDS, work / "seeds")
    return Installed(wheels[0], names, python, installed_script(bin_dir), work)


def test_the_wheel_holds_the_package_and_the_rule_packs(installed: Installed) -> None:
    packs = sorted(path.name for path in (ROOT / "rules").glob("*.yaml"))
    assert "units.yaml" in packs
    assert "numcheck/rules/units.yaml" in installed.names
    for pack in packs:
        assert f"numcheck/rules/{pack}" in installed.names
    package = ROOT / "numcheck"
    modules = sorted(path.relative_to(ROOT).as_posix() for path in package.rglob("*.py"))
    assert "numcheck/cli.py" in modules and "numcheck/checks/conversion.py" in modules
    missing = [module for module in modules if module not in installed.names]
    assert missing == [], "modules left out of the wheel (packages in pyproject.toml?)"
    entry_points = [
        name for name in installed.names if name.endswith(".dist-info/entry_points.txt")
    ]
    assert len(entry_points) == 1
    with zipfile.ZipFile(installed.wheel) as archive:
        assert "numcheck = numcheck.cli:main" in archive.read(entry_points[0]).decode("utf-8")


def test_the_installed_package_is_not_the_checkout(installed: Installed) -> None:
    completed = subprocess.run(
        [str(installed.python), "-c", "import numcheck; print(numcheck.__file__)"],
        cwd=installed.work,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=STEP_TIMEOUT,
        check=True,
    )
    location = Path(completed.stdout.strip()).resolve()
    assert "site-packages" in location.parts
    assert ROOT not in location.parents


def test_installed_numcheck_checks_the_seeds(installed: Installed) -> None:
    run = installed.run("check", "seeds", "--format", "json")
    assert run.returncode == 0, run
    assert run.stderr == "", run
    payload = run.json()
    assert payload["summary"]["files"] == 5
    assert payload["summary"]["errors"] == 0 and payload["summary"]["warnings"] == 0
    assert payload["summary"]["claims"] > 0
    text = installed.run("check", "seeds")
    assert text.returncode == 0, text
    assert text.stdout_lines[-1].startswith("5 files checked, "), text


def test_installed_numcheck_uses_the_unit_pack(installed: Installed) -> None:
    # "km2" and "nautical miles" are unknown to pint: only units.yaml names them.
    text = "The lake covers 100 square miles (360 km2).\nIt sailed 100 nautical miles (250 km).\n"
    run = installed.run("check", "-", "--stdin-filename", "lake.md", "--format", "json", stdin=text)
    assert run.returncode == 1, run
    findings = run.json()["findings"]
    assert [(f["code"], f["line"], f["column"]) for f in findings] == [
        ("NC101", 1, text.index("360 km2") + 1),
        ("NC101", 2, text.splitlines()[1].index("250 km") + 1),
    ]
    assert [f["fix"]["replacement"] for f in findings] == ["259 km2", "185 km"]


def test_installed_numcheck_explains_a_rule(installed: Installed) -> None:
    run = installed.run("explain", "NC101")
    assert run.returncode == 0, run
    assert run.stdout_lines[0] == "NC101 conversion-mismatch (error)"
    for section in ("What it does", "Why is this bad?", "Example", "Fix safety"):
        assert f"## {section}" in run.stdout_lines
    rules = installed.run("rules")
    assert rules.returncode == 0, rules
    assert {"NC101", "NC102"} <= {line.split()[0] for line in rules.stdout_lines if line.strip()}


def test_explain_names_the_installed_rule_packs(installed: Installed) -> None:
    run = installed.run("explain", "NC201")
    assert run.returncode == 0, run
    (note,) = [line for line in run.stdout_lines if line.startswith("rules/subjects.yaml is")]
    path = Path(note.split(" installed as ", 1)[1].split(" (", 1)[0])
    assert "site-packages" in path.parts and path.name == "subjects.yaml"
    assert path.read_text(encoding="utf-8") == (ROOT / "rules" / "subjects.yaml").read_text(
        encoding="utf-8"
    )
    assert note.endswith("(`numcheck rules --show-pack subjects` prints it).")
    shown = installed.run("rules", "--show-pack", "subjects")
    assert shown.returncode == 0, shown
    assert shown.stdout_lines[0] == f"# {path}"
    assert shown.stdout == f"# {path}\n" + path.read_text(encoding="utf-8")


def test_show_pack_lists_the_users_packs_too(installed: Installed) -> None:
    pack = installed.work / "style" / "newsroom.yaml"
    pack.parent.mkdir(exist_ok=True)
    pack.write_text("kind: subjects\nsynonyms:\n  troop: [grunt]\n", encoding="utf-8")
    shown = installed.run("rules", "--show-pack", "subjects", "--rules", "style")
    assert shown.returncode == 0, shown
    headers = [line for line in shown.stdout_lines if line.startswith("# ") and "/" in line]
    assert headers[0].endswith("numcheck/rules/subjects.yaml")
    assert headers[-1] == "# style/newsroom.yaml"
    assert shown.stdout.endswith("kind: subjects\nsynonyms:\n  troop: [grunt]\n")
