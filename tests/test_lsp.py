"""The language server, end to end: the real ``numcheck lsp`` driven by pytest-lsp."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from collections.abc import Callable
from collections.abc import Sequence
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig
from pytest_lsp import LanguageClient
from pytest_lsp import client_capabilities

from numcheck.report.links import rule_page

pytestmark = pytest.mark.asyncio(loop_scope="function")

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ROCKET = "Intro line.\n🚀🚀 The rocket flew up to 190 miles (360 km) on its first test.\nThe end.\n"
SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "numcheck", "lsp"])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "workspace"
    root.mkdir()
    return root


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, folder: Path):
    lsp_client.registrations = []  # type: ignore[attr-defined]

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def _register(params: types.RegistrationParams) -> None:
        lsp_client.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name="workspace")],
        )
    )
    yield
    await lsp_client.shutdown_session()


# The client's side of things, written independently of the server's code.


def utf16_index(text: str, position: types.Position) -> int:
    """The code-point index of an LSP position (UTF-16 character) in ``\\n``-separated text."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: position.line])
    line = lines[position.line] if position.line < len(lines) else ""
    head = line.encode("utf-16-le")[: position.character * 2].decode("utf-16-le")
    return start + len(head)


def utf16_range(text: str, needle: str) -> types.Range:
    index = text.index(needle)
    line = text.count("\n", 0, index)
    line_start = text.rfind("\n", 0, index) + 1

    def character(offset: int) -> int:
        return len(text[line_start:offset].encode("utf-16-le")) // 2

    return types.Range(
        types.Position(line, character(index)),
        types.Position(line, character(index + len(needle))),
    )


def apply_edits(text: str, edits: Sequence[types.TextEdit]) -> str:
    spans = [(utf16_index(text, e.range.start), utf16_index(text, e.range.end), e) for e in edits]
    for start, end, edit in sorted(spans, key=lambda item: item[0], reverse=True):
        text = text[:start] + edit.new_text + text[end:]
    return text


async def diagnostics_for(
    client: LanguageClient,
    uri: str,
    until: Callable[[Sequence[types.Diagnostic]], bool],
    timeout: float = 20.0,
) -> Sequence[types.Diagnostic]:
    """The diagnostics of ``uri`` once ``until`` holds for them."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        found = client.diagnostics.get(uri)
        if found is not None and until(found):
            return found
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"diagnostics of {uri} never matched; last: {found}")
        await asyncio.sleep(0.02)


def has(code: str) -> Callable[[Sequence[types.Diagnostic]], bool]:
    return lambda found: any(d.code == code for d in found)


def has_not(code: str) -> Callable[[Sequence[types.Diagnostic]], bool]:
    return lambda found: not any(d.code == code for d in found)


def open_document(client: LanguageClient, path: Path, text: str, version: int = 1) -> str:
    uri = path.as_uri()
    language = "markdown" if path.suffix == ".md" else "plaintext"
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, language, version, text))
    )
    return uri


def change_all(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def change_range(client: LanguageClient, uri: str, version: int, edit: types.TextEdit) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [types.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)],
        )
    )


async def code_actions(
    client: LanguageClient, uri: str, diagnostic: types.Diagnostic
) -> list[types.CodeAction]:
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    return [action for action in result or [] if isinstance(action, types.CodeAction)]


def _story(folder: Path) -> tuple[Path, Path]:
    """Seed articles 000, 001 and 002 of one story; 002 changed to disagree about the troops
    with the two others."""
    first = folder / "000.txt"
    second = folder / "002.txt"
    shutil.copyfile(next(SEEDS.glob("000_*.txt")), first)
    shutil.copyfile(next(SEEDS.glob("001_*.txt")), folder / "001.txt")
    os.chmod(folder / "001.txt", 0o644)
    text = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    assert "11,000 North Korean troops" in text
    second.write_text(
        text.replace("11,000 North Korean troops", "about 3,000 North Korean troops"),
        encoding="utf-8",
    )
    os.chmod(first, 0o644)
    return first, second


# Tests


@pytest.mark.parametrize("name", ["rocket.txt", "rocket.md"])
async def test_wrong_conversion_after_emoji_has_a_utf16_range(
    client: LanguageClient, folder: Path, name: str
) -> None:
    uri = open_document(client, folder / name, ROCKET)

    found = await diagnostics_for(client, uri, has("NC101"))

    (diagnostic,) = found
    assert diagnostic.range == utf16_range(ROCKET, "360 km")
    assert diagnostic.range.start == types.Position(1, ROCKET.split("\n")[1].index("360") + 2)
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert diagnostic.source == "numcheck"
    assert "write '306 km'" in diagnostic.message
    url = rule_page("NC101", "conversion-mismatch")
    href = diagnostic.code_description.href if diagnostic.code_description else None
    assert href is not None and href == url
    if href.startswith("file://"):  # no web page configured: a local copy of the rule's docs
        page = Path(href.removeprefix("file://")).read_text(encoding="utf-8")
        assert page.startswith("# NC101 conversion-mismatch") and "## What it does" in page
    (related,) = diagnostic.related_information or []
    assert related.location.uri == uri
    assert related.location.range == utf16_range(ROCKET, "up to 190 miles")


async def test_quick_fix_replaces_the_figure_and_the_diagnostic_clears(
    client: LanguageClient, folder: Path
) -> None:
    uri = open_document(client, folder / "rocket.md", ROCKET)
    (diagnostic,) = await diagnostics_for(client, uri, has("NC101"))

    actions = await code_actions(client, uri, diagnostic)

    titles = [action.title for action in actions]
    assert titles == ["Replace with 306 km", "Disable NC101 for this block"]
    replace = actions[0]
    assert replace.kind == types.CodeActionKind.QuickFix
    assert replace.is_preferred is True
    assert list(replace.diagnostics or []) == [diagnostic]
    (edit,) = replace.edit.changes[uri]
    assert edit.range == diagnostic.range and edit.new_text == "306 km"
    fixed = apply_edits(ROCKET, [edit])
    assert fixed == ROCKET.replace("360 km", "306 km")

    change_range(client, uri, 2, edit)

    assert list(await diagnostics_for(client, uri, lambda found: not found)) == []


@pytest.mark.parametrize(
    ("name", "comment", "before"),
    [
        # In Markdown the three lines are one paragraph: the comment goes above all of them.
        ("rocket.md", "<!-- numcheck: disable-next-block NC101 -->", 0),
        # In plain text that is not hard-wrapped, each line is a paragraph of its own.
        ("rocket.txt", "numcheck: disable-next-block NC101", 1),
    ],
)
async def test_disable_action_inserts_a_directive_before_the_block(
    client: LanguageClient, folder: Path, name: str, comment: str, before: int
) -> None:
    uri = open_document(client, folder / name, ROCKET)
    (diagnostic,) = await diagnostics_for(client, uri, has("NC101"))

    actions = await code_actions(client, uri, diagnostic)

    disable = next(a for a in actions if a.title == "Disable NC101 for this block")
    (edit,) = disable.edit.changes[uri]
    silenced = apply_edits(ROCKET, [edit])
    lines = ROCKET.split("\n")
    assert silenced == "\n".join([*lines[:before], comment, *lines[before:]])

    change_all(client, uri, 2, silenced)

    assert list(await diagnostics_for(client, uri, lambda found: not found)) == []


WRAPPED = """\
# Range

- The first item.
- A long-range missile that, the
  brochure said, flies up to 190 miles
  (360 km) on a good day.

The end.
"""


async def test_disabling_in_a_wrapped_list_keeps_the_rendering(
    client: LanguageClient, folder: Path
) -> None:
    from markdown_it import MarkdownIt

    uri = open_document(client, folder / "wrapped.md", WRAPPED)
    (diagnostic,) = await diagnostics_for(client, uri, has("NC101"))
    assert diagnostic.range.start.line == 5

    actions = await code_actions(client, uri, diagnostic)

    disable = next(a for a in actions if a.title == "Disable NC101 for this block")
    silenced = apply_edits(WRAPPED, disable.edit.changes[uri])
    comment = "<!-- numcheck: disable-next-block NC101 -->\n"
    assert silenced == WRAPPED.replace("- The first", comment + "- The first")
    render = MarkdownIt("commonmark").render
    assert render(silenced).replace(comment, "") == render(WRAPPED)

    change_all(client, uri, 2, silenced)

    assert list(await diagnostics_for(client, uri, lambda found: not found)) == []


async def test_incremental_changes_keep_positions_right(
    client: LanguageClient, folder: Path
) -> None:
    text = "Київ 东京 🚀 note.\r\nThe rocket flew up to 190 miles (306 km).\r\n"
    uri = open_document(client, folder / "crlf.txt", text)
    await diagnostics_for(client, uri, lambda found: not found)

    # Type "😀 " before the figure on line 1 (a character outside the BMP), then break it.
    at = types.Position(1, len("The rocket flew up to "))
    change_range(client, uri, 2, types.TextEdit(types.Range(at, at), "😀 "))
    start = types.Position(1, len("The rocket flew up to 😀 190 miles (".encode("utf-16-le")) // 2)
    end = types.Position(start.line, start.character + 3)
    change_range(client, uri, 3, types.TextEdit(types.Range(start, end), "360"))

    (diagnostic,) = await diagnostics_for(client, uri, has("NC101"))
    expected = text.replace("up to 190 miles (306", "up to 😀 190 miles (360")
    assert diagnostic.range == utf16_range(expected.replace("\r\n", "\n"), "360 km")


async def test_story_disagreement_points_at_the_other_file(
    client: LanguageClient, folder: Path
) -> None:
    first, second = _story(folder)
    text = second.read_text(encoding="utf-8")
    uri = open_document(client, second, text)

    found = await diagnostics_for(client, uri, has("NC202"))

    (diagnostic,) = [d for d in found if d.code == "NC202"]
    assert diagnostic.range == utf16_range(text, "about 3,000")
    assert diagnostic.severity == types.DiagnosticSeverity.Warning
    related, other = diagnostic.related_information or []
    assert related.location.uri == first.as_uri()
    assert related.location.range == utf16_range(first.read_text(encoding="utf-8"), "over 10,000")
    assert "over 10,000" in related.message
    assert other.location.uri == (folder / "001.txt").as_uri()

    # The unsaved buffer is what counts: agreeing in memory clears it, the file unchanged.
    change_all(client, uri, 2, text.replace("about 3,000 North Korean", "11,000 North Korean"))
    await diagnostics_for(client, uri, has_not("NC202"))
    assert "about 3,000" in second.read_text(encoding="utf-8")


async def test_a_change_in_one_document_updates_the_other(
    client: LanguageClient, folder: Path
) -> None:
    first, second = _story(folder)
    first_text = first.read_text(encoding="utf-8")
    second_text = second.read_text(encoding="utf-8")
    first_uri = open_document(client, first, first_text)
    second_uri = open_document(client, second, second_text)
    await diagnostics_for(client, second_uri, has("NC202"))

    # Editing the other article to agree clears the warning on this one.
    agreeing = first_text.replace("over 10,000 North Korean", "about 3,000 North Korean")
    change_all(client, first_uri, 2, agreeing)
    await diagnostics_for(client, second_uri, has_not("NC202"))
    assert not any(d.code == "NC202" for d in client.diagnostics[first_uri])

    change_all(client, first_uri, 3, first_text)
    await diagnostics_for(client, second_uri, has("NC202"))


async def test_saving_rereads_changed_files_of_the_story(
    client: LanguageClient, folder: Path
) -> None:
    first, second = _story(folder)
    text = second.read_text(encoding="utf-8")
    uri = open_document(client, second, text)
    await diagnostics_for(client, uri, has("NC202"))

    # The other article, not open, is corrected on disk; saving this one re-checks it.
    first_text = first.read_text(encoding="utf-8")
    first.write_text(
        first_text.replace("over 10,000 North Korean", "about 3,000 North Korean"),
        encoding="utf-8",
    )
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    await diagnostics_for(client, uri, has_not("NC202"))


async def test_config_changes_are_picked_up(client: LanguageClient, folder: Path) -> None:
    uri = open_document(client, folder / "rocket.md", ROCKET)
    await diagnostics_for(client, uri, has("NC101"))
    config = folder / ".numcheck.toml"

    config.write_text('ignore = ["NC101"]\n', encoding="utf-8")
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(config.as_uri()))
    )
    await diagnostics_for(client, uri, lambda found: not found)

    config.write_text('ignore = ["NC2"]\n', encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            [types.FileEvent(config.as_uri(), types.FileChangeType.Changed)]
        )
    )
    await diagnostics_for(client, uri, has("NC101"))
    watched = [r for r in client.registrations if r.method == "workspace/didChangeWatchedFiles"]
    options = watched[0].register_options  # arrives as plain JSON: the client has no type for it
    patterns = {watcher["globPattern"] for watcher in options["watchers"]}
    assert {"**/.numcheck.toml", "**/pyproject.toml"} <= patterns


async def test_the_config_corpus_is_what_is_read_from_disk(
    client: LanguageClient, folder: Path
) -> None:
    drafts = folder / "drafts"
    drafts.mkdir()
    first, draft = _story(drafts)
    articles = folder / "articles"
    articles.mkdir()
    published = articles / "000.txt"
    first.rename(published)
    (drafts / "001.txt").rename(articles / "001.txt")
    shutil.copyfile(draft, drafts / "copy.txt")
    (folder / ".numcheck.toml").write_text('corpus = ["articles/*.txt"]\n', encoding="utf-8")
    text = draft.read_text(encoding="utf-8")

    # Compared with the corpus only: with its copy in drafts/ the draft would be the majority.
    uri = open_document(client, draft, text)
    found = await diagnostics_for(client, uri, has("NC202"))

    (diagnostic,) = [d for d in found if d.code == "NC202"]
    places = {info.location.uri for info in diagnostic.related_information or []}
    assert places == {published.as_uri(), (articles / "001.txt").as_uri()}


async def test_a_bad_config_is_shown_and_the_defaults_apply(
    client: LanguageClient, folder: Path
) -> None:
    (folder / ".numcheck.toml").write_text('ignore = ["NC999"]\n', encoding="utf-8")
    uri = open_document(client, folder / "rocket.md", ROCKET)
    await diagnostics_for(client, uri, has("NC101"))
    for _ in range(100):
        if client.messages:
            break
        await asyncio.sleep(0.05)
    (message,) = client.messages
    assert message.type == types.MessageType.Error
    assert ".numcheck.toml" in message.message and "NC999" in message.message


async def test_closing_clears_the_diagnostics(client: LanguageClient, folder: Path) -> None:
    uri = open_document(client, folder / "rocket.txt", ROCKET)
    await diagnostics_for(client, uri, has("NC101"))
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    assert list(await diagnostics_for(client, uri, lambda found: not found)) == []


async def test_other_languages_are_left_alone(client: LanguageClient, folder: Path) -> None:
    uri = open_document(client, folder / "notes.py", "# up to 190 miles (360 km)\n")
    text_uri = open_document(client, folder / "rocket.txt", ROCKET)
    await diagnostics_for(client, text_uri, has("NC101"))
    assert uri not in client.diagnostics
