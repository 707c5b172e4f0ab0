"""Quotations and scopes through the installed command: ``--fix`` never rewrites what someone
said, and ``skip-scopes`` turns parts of a document off."""

from __future__ import annotations

from pathlib import Path

import pytest

ARTICLE = """\
# ATACMS: 190 miles (360 km)

> "Our missiles fly 190 miles (360 km)," the general said.

The range is 190 miles (360 km), and he added: “the new ones fly 190 miles (360 km)”.

| Weapon | Range |
|---|---|
| ATACMS | 190 miles (360 km) |

See the [report on 190 miles (360 km)](https://example.com/r).
"""
# The four quoted or scoped conversions and the one in running prose, by their line.
LINES = {"heading": 1, "quote": 3, "prose": 5, "table": 9, "link": 11}


def _findings(run) -> list[tuple[int, str, str | None]]:
    payload = run.json()
    return [
        (f["line"], f["message"], f["fix"]["applicability"] if f["fix"] else None)
        for f in payload["findings"]
    ]


def test_quotations_are_reported_but_never_fixed(run_numcheck, tmp_path: Path) -> None:
    path = tmp_path / "article.md"
    path.write_text(ARTICLE, encoding="utf-8")
    run = run_numcheck("check", "article.md", "--format", "json", cwd=tmp_path)
    assert run.returncode == 1, run
    found = _findings(run)
    quoted = [(line, fix) for line, message, fix in found if message.endswith("(in a quotation)")]
    assert quoted == [(3, "display-only"), (5, "display-only")], run
    assert sum(1 for line, _, fix in found if fix == "safe") == 4, run

    fixed = run_numcheck("check", "article.md", "--fix", cwd=tmp_path)
    assert fixed.returncode == 1, fixed
    text = path.read_text(encoding="utf-8")
    assert text.count("(306 km)") == 4
    assert '> "Our missiles fly 190 miles (360 km)," the general said.' in text
    assert "“the new ones fly 190 miles (360 km)”" in text
    remaining = [line for line in fixed.stdout_lines if "NC101 [error]" in line]
    assert len(remaining) == 2 and all(line.endswith("(in a quotation)") for line in remaining)


@pytest.mark.parametrize(
    ("skip", "left"),
    [
        ([], {1, 3, 5, 9, 11}),
        (["quote"], {1, 5, 9, 11}),
        (["table"], {1, 3, 5, 11}),
        (["heading"], {3, 5, 9, 11}),
        (["link"], {1, 3, 5, 9}),
        (["quote", "table", "heading", "link"], {5}),
    ],
)
def test_skip_scopes(run_numcheck, tmp_path: Path, skip: list[str], left: set[int]) -> None:
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    scopes = ", ".join(f'"{scope}"' for scope in skip)
    (tmp_path / ".numcheck.toml").write_text(f"skip-scopes = [{scopes}]\n", encoding="utf-8")
    run = run_numcheck("check", "article.md", "--format", "json", cwd=tmp_path)
    assert {line for line, _, _ in _findings(run)} == left, run
    claims = run_numcheck("claims", "article.md", "--format", "json", cwd=tmp_path)
    assert {claim["line"] for claim in claims.json()["claims"]} == left


def test_an_unknown_scope_is_a_config_error(run_numcheck, tmp_path: Path) -> None:
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".numcheck.toml").write_text('skip-scopes = ["tables"]\n', encoding="utf-8")
    run = run_numcheck("check", "article.md", cwd=tmp_path)
    assert run.returncode == 2, run
    assert run.stderr == (
        "numcheck: .numcheck.toml: unknown scope 'tables' in 'skip-scopes' "
        "(allowed: quote, table, heading, link)\n"
    )
    assert run.stdout == ""
