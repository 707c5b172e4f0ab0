"""The README's rule list is generated from the checks' docstrings and must be current."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from numcheck.checks import DOC_SECTIONS
from numcheck.checks import all_checks
from numcheck.rules_doc import END_MARKER
from numcheck.rules_doc import START_MARKER
from numcheck.rules_doc import current_block
from numcheck.rules_doc import replace_block
from numcheck.rules_doc import rules_markdown

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def test_readme_rule_list_is_up_to_date() -> None:
    block = current_block(README.read_text(encoding="utf-8"))
    assert block is not None, f"README.md lacks the {START_MARKER} ... {END_MARKER} markers"
    assert block == rules_markdown(), "README.md is out of date: run python tools/rules_doc.py"


def test_tool_check_mode_agrees() -> None:
    completed = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "rules_doc.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_every_rule_has_a_row_and_a_section() -> None:
    text = rules_markdown()
    for check in all_checks():
        anchor = f"{check.code.lower()}-{check.name}"
        assert f"| [{check.code}](#{anchor}) | `{check.name}` | {check.level} |" in text
        assert f"\n### {check.code} {check.name}\n" in text
        for section in DOC_SECTIONS:
            assert f"\n#### {section}\n" in text.split(f"### {check.code} ", 1)[1]


def test_options_are_listed_with_defaults() -> None:
    assert "[tool.numcheck.conversion-mismatch]\ntolerance = 0.0  # " in rules_markdown()


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            f"# T\n\n{START_MARKER}\n\n## Next\n",
            f"# T\n\n{START_MARKER}\n\nBODY\n\n{END_MARKER}\n\n## Next\n",
        ),
        (
            f"# T\n\n{START_MARKER}\n\nold\n{END_MARKER}\n\n## Next\n",
            f"# T\n\n{START_MARKER}\n\nBODY\n\n{END_MARKER}\n\n## Next\n",
        ),
    ],
)
def test_replace_block(before: str, after: str) -> None:
    assert replace_block(before, "BODY\n") == after
    assert replace_block(after, "BODY\n") == after
    assert current_block(after) == "BODY\n"


def test_rules_command_prints_the_same_markdown(run_numcheck: Callable) -> None:
    run = run_numcheck("rules", "--format", "markdown")
    assert run.returncode == 0, run
    assert run.stdout == rules_markdown()
