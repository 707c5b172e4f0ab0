"""The language server under bad input, through a real client (pytest-lsp): what a careless
or broken editor sends is ignored or answered, and the other documents keep their
diagnostics."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from test_lsp import change_range
from test_lsp import client  # noqa: F401 - the fixture
from test_lsp import diagnostics_for
from test_lsp import folder  # noqa: F401 - the fixture
from test_lsp import has
from test_lsp import open_document

from numcheck.lsp.server import MAX_CHARACTERS

pytestmark = pytest.mark.asyncio(loop_scope="function")
WRONG = "It flew 190 miles (360 km).\n"


async def test_a_huge_buffer_beside_a_normal_one(client, folder: Path) -> None:  # noqa: F811
    big = open_document(client, folder / "big.md", WRONG * (MAX_CHARACTERS // len(WRONG) + 1))
    small = open_document(client, folder / "small.md", WRONG)
    assert [d.code for d in await diagnostics_for(client, small, has("NC101"))] == ["NC101"]
    (note,) = await diagnostics_for(client, big, lambda found: len(found) == 1)
    assert note.severity == types.DiagnosticSeverity.Information
    assert "not checked as you type" in note.message


async def test_edits_out_of_range_and_of_unknown_documents(client, folder: Path) -> None:  # noqa: F811
    uri = open_document(client, folder / "a.txt", "Intro.\n")
    far = types.Position(line=10_000, character=10_000)
    change_range(client, uri, 2, types.TextEdit(types.Range(far, far), WRONG))
    never = (folder / "never.txt").as_uri()
    change_range(client, never, 2, types.TextEdit(types.Range(far, far), "x"))
    backwards = types.Range(types.Position(0, 3), types.Position(0, 0))
    change_range(client, uri, 3, types.TextEdit(backwards, ""))
    found = await diagnostics_for(client, uri, has("NC101"))
    assert [d.code for d in found] == ["NC101"]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(never),
            range=types.Range(far, far),
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    assert not actions


async def test_odd_text_is_read_without_failing(client, folder: Path) -> None:  # noqa: F811
    text = "\x00\ufeff\u202e190 miles (360 km)\r\r\n\u2028👩‍👩‍👧 10^400 km (1e400 mi)\n" + WRONG
    uri = open_document(client, folder / "odd.md", text)
    found = await diagnostics_for(client, uri, has("NC101"))
    assert {d.code for d in found} == {"NC101"}
