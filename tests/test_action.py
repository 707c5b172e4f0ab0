"""The GitHub Action (``action.yml``): its steps' scripts, run as a runner runs them.

A composite action's steps are shell scripts whose ``env`` holds ``${{ inputs.* }}`` and
``${{ github.action_path }}`` expressions. The runner evaluates those, gives each step
``GITHUB_OUTPUT``, ``GITHUB_PATH`` and ``RUNNER_TEMP``, and puts what a step appends to
``GITHUB_PATH`` on the ``PATH`` of the steps after it. This test does the same with a copy of
the project as the action's checkout, installing it with pip as the action does, once for the
module.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from testing.project import ROOT
from testing.project import copy_project

STEP_TIMEOUT = 900
EXPRESSION = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")
WRONG = "Ukraine may use ATACMS missiles with a range of up to 190 miles (360 km).\n"
RIGHT = "Ukraine may use ATACMS missiles with a range of up to 190 miles (306 km).\n"


def _action() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


@dataclass
class StepRun:
    name: str
    returncode: int
    stdout: str
    stderr: str
    outputs: dict[str, str]


class Runner:
    """Runs the action's steps in order, in ``workspace``, the way a runner would."""

    def __init__(self, action_path: Path, workspace: Path, temp: Path) -> None:
        self.action_path = action_path
        self.workspace = workspace
        self.temp = temp
        self.path_entries: list[str] = []

    def _value(self, expression: str, inputs: dict[str, str]) -> str:
        if expression == "github.action_path":
            return str(self.action_path)
        if expression.startswith("inputs."):
            return inputs[expression.removeprefix("inputs.")]
        raise AssertionError(f"an expression the test does not know: {expression}")

    def run(self, step: dict[str, Any], inputs: dict[str, str]) -> StepRun:
        assert step["shell"] == "bash"
        output_file = self.temp / f"output-{step['name']}"
        path_file = self.temp / f"path-{step['name']}"
        output_file.write_text("")
        path_file.write_text("")
        env = {key: value for key, value in os.environ.items() if key != "VIRTUAL_ENV"}
        env["PATH"] = os.pathsep.join([*self.path_entries, env.get("PATH", "")])
        env.update(
            GITHUB_ACTION_PATH=str(self.action_path),
            GITHUB_WORKSPACE=str(self.workspace),
            GITHUB_OUTPUT=str(output_file),
            GITHUB_PATH=str(path_file),
            RUNNER_TEMP=str(self.temp),
            PIP_DISABLE_PIP_VERSION_CHECK="1",
        )
        for key, value in (step.get("env") or {}).items():
            env[key] = EXPRESSION.sub(lambda m: self._value(m.group(1), inputs), str(value))
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", step["run"]],
            cwd=self.workspace,
            env=env,
            capture_output=True,
            text=True,
            timeout=STEP_TIMEOUT,
            check=False,
        )
        self.path_entries = [
            line for line in path_file.read_text().splitlines() if line
        ] + self.path_entries
        outputs = dict(
            line.split("=", 1) for line in output_file.read_text().splitlines() if "=" in line
        )
        return StepRun(step["name"], done.returncode, done.stdout, done.stderr, outputs)


def _inputs(**given: str) -> dict[str, str]:
    declared = _action()["inputs"]
    values = {name: str(spec.get("default", "")) for name, spec in declared.items()}
    unknown = set(given) - set(declared)
    assert not unknown, f"not inputs of the action: {unknown}"
    return {**values, **given}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Runner:
    """The action's checkout (a copy of the project), installed by the action's first step."""
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    action_path = copy_project(tmp_path_factory.mktemp("action"))
    workspace = tmp_path_factory.mktemp("workspace")
    runner = Runner(action_path, workspace, tmp_path_factory.mktemp("runner-temp"))
    install = _action()["runs"]["steps"][0]
    done = runner.run(install, _inputs())
    assert done.returncode == 0, done
    assert done.stdout.strip().startswith("numcheck "), done
    assert runner.path_entries and Path(runner.path_entries[0], "numcheck").exists()
    return runner


def test_the_action_is_composite_and_documents_its_inputs() -> None:
    action = _action()
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) == {"paths", "args", "sarif-file", "version"}
    assert all(spec.get("description") for spec in action["inputs"].values())
    names = [step["name"] for step in action["runs"]["steps"]]
    assert names == ["Install numcheck", "Write SARIF", "Annotate"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in action["inputs"]:
        assert f"`{name}`" in readme, f"the README does not document the input {name}"


def _articles(workspace: Path, text: str) -> None:
    shutil.rmtree(workspace / "articles", ignore_errors=True)
    (workspace / "articles").mkdir()
    (workspace / "articles" / "a.md").write_text(text, encoding="utf-8")
    (workspace / "articles" / "b.md").write_text(RIGHT, encoding="utf-8")


def _steps(runner: Runner, **given: str) -> list[StepRun]:
    inputs = _inputs(**given)
    return [runner.run(step, inputs) for step in _action()["runs"]["steps"][1:]]


def test_annotations_and_sarif(installed: Runner) -> None:
    _articles(installed.workspace, WRONG)
    sarif, annotate = _steps(installed, paths="articles", **{"sarif-file": "numcheck.sarif"})
    assert sarif.returncode == 0, sarif  # the SARIF step never fails the job
    assert sarif.outputs == {"sarif-file": "numcheck.sarif"}
    log = json.loads((installed.workspace / "numcheck.sarif").read_text(encoding="utf-8"))
    (result,) = log["runs"][0]["results"]
    assert result["ruleId"] == "NC101"
    assert annotate.returncode == 1, annotate  # the findings fail the job
    column = WRONG.index("360") + 1
    assert annotate.stdout.startswith(
        f"::error file=articles/a.md,line=1,col={column},endLine=1,"
        f"endColumn={column + len('360 km')},title=NC101::'360 km' does not match"
    ), annotate


def test_a_clean_run_passes_without_sarif(installed: Runner) -> None:
    _articles(installed.workspace, RIGHT)
    (installed.workspace / "numcheck.sarif").unlink(missing_ok=True)
    sarif, annotate = _steps(installed, paths="articles")
    assert sarif.returncode == 0 and sarif.outputs == {}, sarif
    assert not (installed.workspace / "numcheck.sarif").exists()
    assert annotate.returncode == 0 and annotate.stdout == "", annotate


def test_args_are_passed_on(installed: Runner) -> None:
    _articles(installed.workspace, WRONG)
    (_, annotate) = _steps(installed, paths="articles/a.md articles/b.md", args="--ignore NC101")
    assert annotate.returncode == 0 and annotate.stdout == "", annotate
    (_, failing) = _steps(installed, paths="articles", args="--fail-level error")
    assert failing.returncode == 1 and "::error " in failing.stdout
