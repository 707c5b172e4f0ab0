"""The language server: ``numcheck lsp`` speaks the Language Server Protocol on stdio.

Markdown and plain-text documents get diagnostics when opened, changed (after a short pause,
``DEFAULT_DEBOUNCE``) and saved. A change re-checks every open document of its workspace
folder, since a figure edited in one article may now agree or disagree with another. The
debounce can be set in milliseconds with the ``debounceMs`` initialization option or the
``NUMCHECK_LSP_DEBOUNCE_MS`` environment variable (0 checks at once).

Checks run on one worker thread, so the server keeps answering while a long document is
checked; a change that comes during a check starts another once it ends, and diagnostics
of a version that has since changed are not sent. Everything that changes a workspace's
state runs on that thread too, in order. A buffer over ``MAX_CHARACTERS`` is not checked as
you type (one information diagnostic says so), a document gets at most ``MAX_DIAGNOSTICS``
diagnostics, and frames are read defensively (``numcheck.lsp.framing``).
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
import traceback
from collections.abc import Callable
from collections.abc import Iterable
from concurrent.futures import Future
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

from lsprotocol import types
from pygls.io_ import StdoutWriter
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path
from pygls.uris import to_fs_path

from numcheck import __version__
from numcheck.checks import CheckError
from numcheck.config import ConfigError
from numcheck.lsp.convert import Features
from numcheck.lsp.convert import Positions
from numcheck.lsp.convert import Published
from numcheck.lsp.convert import code_actions
from numcheck.lsp.convert import diagnostic
from numcheck.lsp.framing import INVALID_REQUEST
from numcheck.lsp.framing import FrameError
from numcheck.lsp.framing import LineReader
from numcheck.lsp.framing import read_frames
from numcheck.lsp.positions import UTF16
from numcheck.lsp.positions import apply_change
from numcheck.lsp.workspace import Buffer
from numcheck.lsp.workspace import Outcome
from numcheck.lsp.workspace import Workspace
from numcheck.lsp.workspace import is_config_path
from numcheck.lsp.workspace import is_text_path
from numcheck.lsp.workspace import within
from numcheck.reading.discover import InputError
from numcheck.rulepacks import RulePackError

DEFAULT_DEBOUNCE = 0.15
DEBOUNCE_ENV = "NUMCHECK_LSP_DEBOUNCE_MS"
WATCHED = ("**/.numcheck.toml", "**/pyproject.toml", "**/*.{md,markdown,txt}")

KNOWN_ERRORS = (CheckError, ConfigError, InputError, RulePackError)
# A buffer larger than this (in characters) is left to `numcheck check`; one check of it would
# keep the worker busy for seconds.
MAX_CHARACTERS = 2_000_000
# Diagnostics sent for one document at most, and characters of one message at most.
MAX_DIAGNOSTICS = 500
MAX_MESSAGE = 2000


def _debounce(value: object, default: float) -> float:
    """Seconds from a millisecond setting; the default when it is missing or not a number."""
    if value is None or isinstance(value, bool):
        return default
    try:
        milliseconds = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return max(milliseconds, 0.0) / 1000


class NumcheckServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "numcheck", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental
        )
        self.buffers: dict[str, Buffer] = {}
        self.published: dict[str, list[Published]] = {}
        self.features = Features()
        self.debounce = _debounce(os.environ.get(DEBOUNCE_ENV), DEFAULT_DEBOUNCE)
        self._folders: dict[str, Workspace] = {}
        self._loose: dict[str, Workspace] = {}
        self._pending: dict[int, asyncio.TimerHandle] = {}
        self._shown_error: str | None = None
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="numcheck-check")
        self._running: set[int] = set()  # workspaces being checked
        self._again: set[int] = set()  # ... that changed meanwhile
        self._writer: StdoutWriter | None = None

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or UTF16)

    # Workspaces

    def folders(self) -> list[Workspace]:
        roots = [to_fs_path(folder.uri) for folder in self.workspace.folders.values()]
        if not roots and self.workspace.root_path:
            roots = [self.workspace.root_path]
        known = {os.path.abspath(root) for root in roots if root}
        self._folders = {root: self._folders.get(root) or Workspace(root) for root in sorted(known)}
        return list(self._folders.values())

    def workspace_of(self, path: str) -> Workspace:
        """The innermost workspace folder holding ``path``; else the file's own folder."""
        holding = [ws for ws in self.folders() if ws.contains(path)]
        if holding:
            return max(holding, key=lambda ws: len(ws.root))
        folder = os.path.dirname(path)
        if folder not in self._loose:
            self._loose[folder] = Workspace(folder, scan=False)
        return self._loose[folder]

    def all_workspaces(self) -> list[Workspace]:
        return [*self.folders(), *self._loose.values()]

    # Checking

    def schedule(self, workspace: Workspace, delay: float) -> None:
        """Check the open documents of ``workspace`` after ``delay`` seconds, unless another
        change comes first (the last one wins)."""
        key = id(workspace)
        pending = self._pending.pop(key, None)
        if pending is not None:
            pending.cancel()
        loop = asyncio.get_running_loop()
        self._pending[key] = loop.call_later(max(delay, 0.0), self._start, workspace)

    def in_worker(self, job: Callable[[], Any]) -> None:
        """Run ``job`` on the worker thread, after the checks and jobs already queued."""
        self._worker.submit(job)

    def _start(self, workspace: Workspace) -> None:
        key = id(workspace)
        self._pending.pop(key, None)
        if key in self._running:
            self._again.add(key)
            return
        buffers = [b for b in self.buffers.values() if self.workspace_of(b.path) is workspace]
        checked = [b for b in buffers if len(b.text) <= MAX_CHARACTERS]
        for buffer in buffers:
            if len(buffer.text) > MAX_CHARACTERS:
                self._publish_too_large(buffer)
        if not checked:
            return
        self._running.add(key)
        loop = asyncio.get_running_loop()
        future = self._worker.submit(workspace.run, checked)

        def done(finished: Future) -> None:
            loop.call_soon_threadsafe(self._finished, workspace, checked, finished)

        future.add_done_callback(done)

    def _finished(self, workspace: Workspace, buffers: list[Buffer], future: Future) -> None:
        key = id(workspace)
        self._running.discard(key)
        if key in self._again:
            self._again.discard(key)
            self.schedule(workspace, 0)
        try:
            outcome: Outcome = future.result()
        except KNOWN_ERRORS as error:  # a broken rule pack, an unreadable file
            self._report_error(str(error))
            return
        except Exception:  # a bug must not take the editor's server down
            self._log(traceback.format_exc())
            return
        current = [b for b in buffers if self.buffers.get(b.uri) == b]  # not changed since
        try:
            for buffer in current:
                self._publish(workspace, buffer, outcome, buffers)
        except Exception:
            self._log(traceback.format_exc())
        for error in outcome.errors:
            self._log(f"numcheck: {error.message()}")
        self._report_error(outcome.error)

    def _log(self, message: str) -> None:
        self.window_log_message(types.LogMessageParams(types.MessageType.Error, message))

    def _publish_too_large(self, buffer: Buffer) -> None:
        size = len(buffer.text.encode("utf-8", "surrogatepass")) / 1e6
        limit = MAX_CHARACTERS / 1e6
        message = (
            f"numcheck: not checked as you type: this document is {size:.1f} MB, over the "
            f"{limit:g} MB limit; run `numcheck check` on it"
        )
        start = types.Position(0, 0)
        note = types.Diagnostic(
            range=types.Range(start, start),
            message=message,
            severity=types.DiagnosticSeverity.Information,
            source="numcheck",
        )
        self.published[buffer.uri] = []
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(buffer.uri, [note], version=buffer.version)
        )

    def _publish(
        self, workspace: Workspace, buffer: Buffer, outcome: Outcome, buffers: list[Buffer]
    ) -> None:
        texts = {workspace.label(b.path): b.text for b in buffers}
        uris = {workspace.label(b.path): b.uri for b in buffers}

        def text_of(label: str) -> str | None:
            if label in texts:
                return texts[label]
            document = outcome.documents.get(label)
            return document.source if document is not None else None

        def uri_of(label: str) -> str:
            return uris.get(label) or from_fs_path(workspace.path_of(label)) or label

        positions = Positions(self.encoding, text_of)
        source = buffer.text.removeprefix("\ufeff")
        published = []
        findings = outcome.findings.get(buffer.path, [])
        for finding in findings[:MAX_DIAGNOSTICS]:
            made = diagnostic(finding, positions, uri_of, self.features)
            if made is not None:
                made.message = _shortened(made.message)
                span = source[finding.location.start : finding.location.end]
                published.append(Published(made, finding, span))
        self.published[buffer.uri] = published
        diagnostics = [item.diagnostic for item in published]
        if len(findings) > MAX_DIAGNOSTICS:
            hidden = len(findings) - MAX_DIAGNOSTICS
            diagnostics.append(_note(f"{hidden} more findings in this document are not shown"))
        if buffer.path in outcome.limited:
            diagnostics.append(_note(outcome.limited[buffer.path]))
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=buffer.uri, diagnostics=diagnostics, version=buffer.version
            )
        )

    def _report_error(self, error: str | None) -> None:
        if error and error != self._shown_error:
            self.window_show_message(
                types.ShowMessageParams(types.MessageType.Error, f"numcheck: {error}")
            )
        self._shown_error = error

    def clear(self, uri: str) -> None:
        self.published.pop(uri, None)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    def config_changed(self, path: str) -> None:
        """Reload the config of every workspace the file at ``path`` may configure."""
        folder = os.path.dirname(path)
        for ws in self.all_workspaces():
            config_path = ws.config.path
            if (
                ws.contains(path)
                or within(ws.root, folder)
                or (config_path and os.path.abspath(config_path) == path)
            ):
                self.in_worker(ws.reload_config)
                self.schedule(ws, 0)

    def files_changed(self, paths: Iterable[str], *, created_or_deleted: bool) -> None:
        affected = set()
        for ws in self.all_workspaces():
            config = ws.config
            for path in paths:
                if ws.contains(path) or (config.corpus and within(path, config.root)):
                    affected.add(id(ws))
            if id(ws) in affected:
                if created_or_deleted:
                    self.in_worker(ws.forget_files)
                self.schedule(ws, self.debounce)

    # Transport

    def start_io(self, stdin=None, stdout=None) -> None:  # type: ignore[override]
        """Serve on stdin and stdout, reading frames defensively (``numcheck.lsp.framing``)."""
        self._stop_event = threading.Event()
        self._writer = StdoutWriter(stdout or sys.stdout.buffer)
        self.protocol.set_writer(self._writer)
        reader = LineReader(stdin or sys.stdin.buffer)
        try:
            asyncio.run(self._serve(reader))
        except BrokenPipeError:
            pass
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            self._worker.shutdown(wait=False, cancel_futures=True)
            self.shutdown()

    async def _serve(self, reader: LineReader) -> None:
        loop = asyncio.get_running_loop()
        pool = self.thread_pool

        def call(function, *args):
            return loop.run_in_executor(pool, function, *args)

        await read_frames(reader, call, self._receive, self._refuse)

    def _receive(self, message: dict[str, Any]) -> None:
        """Hand one JSON object to pygls; a message it cannot read is answered, not fatal."""
        if self._stop_event is not None and self._stop_event.is_set():
            return
        try:
            if message.get("jsonrpc") != "2.0":
                raise ValueError("not a JSON-RPC 2.0 message")
            structured = self.protocol.structure_message(message)
        except Exception as error:
            self._refuse(FrameError(INVALID_REQUEST, f"Invalid Request: {error}"), message)
            return
        try:
            self.protocol.handle_message(structured)
        except (SystemExit, KeyboardInterrupt):
            raise
        except Exception:
            self._log(traceback.format_exc())

    def _refuse(self, error: FrameError, message: dict[str, Any] | None = None) -> None:
        """Answer a bad frame: an error response to a request (a null id when unknown),
        nothing to a notification; the log says what happened either way."""
        self._log(f"numcheck: {error.message}")
        if message is not None and "method" in message and "id" not in message:
            return  # a notification gets no answer
        ident = message.get("id") if message is not None else None
        response = error.response(ident if isinstance(ident, int | str) else None)
        if response is not None and self._writer is not None:
            self._writer.write(response)


server = NumcheckServer()


def _shortened(message: str) -> str:
    return message if len(message) <= MAX_MESSAGE else message[: MAX_MESSAGE - 1] + "…"


def _note(message: str) -> types.Diagnostic:
    """An information at the top of a document: something of it is not shown or not read."""
    start = types.Position(0, 0)
    return types.Diagnostic(
        range=types.Range(start, start),
        message=f"numcheck: {message}",
        severity=types.DiagnosticSeverity.Information,
        source="numcheck",
    )


def _path(uri: str) -> str | None:
    path = to_fs_path(uri)
    return os.path.abspath(path) if path else None


@server.feature(types.INITIALIZE)
def _initialize(ls: NumcheckServer, params: types.InitializeParams) -> None:
    options = params.initialization_options
    if isinstance(options, dict) and "debounceMs" in options:
        ls.debounce = _debounce(options["debounceMs"], ls.debounce)
    ls.features = Features.of(params.capabilities)


@server.feature(types.INITIALIZED)
def _initialized(ls: NumcheckServer, params: types.InitializedParams) -> None:
    workspace_caps = ls.client_capabilities.workspace
    watched = workspace_caps and workspace_caps.did_change_watched_files
    if not (watched and watched.dynamic_registration):
        return
    options = types.DidChangeWatchedFilesRegistrationOptions(
        watchers=[types.FileSystemWatcher(glob_pattern=pattern) for pattern in WATCHED]
    )
    registration = types.Registration(
        id="numcheck-watched-files",
        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
        register_options=options,
    )
    ls.client_register_capability(types.RegistrationParams(registrations=[registration]))


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def _did_open(ls: NumcheckServer, params: types.DidOpenTextDocumentParams) -> None:
    document = params.text_document
    path = _path(document.uri)
    if path is None or not is_text_path(path):
        return
    ls.buffers[document.uri] = Buffer(document.uri, path, document.version, document.text)
    ls.schedule(ls.workspace_of(path), 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def _did_change(ls: NumcheckServer, params: types.DidChangeTextDocumentParams) -> None:
    buffer = ls.buffers.get(params.text_document.uri)
    if buffer is None:
        return
    text = buffer.text
    for change in params.content_changes:
        if isinstance(change, types.TextDocumentContentChangePartial):
            where = change.range
            span = (
                (where.start.line, where.start.character),
                (where.end.line, where.end.character),
            )
            text = apply_change(text, change.text, span, ls.encoding)
        else:
            text = change.text
    ls.buffers[buffer.uri] = replace(buffer, version=params.text_document.version, text=text)
    ls.schedule(ls.workspace_of(buffer.path), ls.debounce)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def _did_save(ls: NumcheckServer, params: types.DidSaveTextDocumentParams) -> None:
    path = _path(params.text_document.uri)
    if path is None:
        return
    if is_config_path(path):
        ls.config_changed(path)
    elif is_text_path(path):
        workspace = ls.workspace_of(path)

        def look_again() -> None:
            if path not in workspace.files():
                workspace.forget_files()

        ls.in_worker(look_again)
        ls.schedule(workspace, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def _did_close(ls: NumcheckServer, params: types.DidCloseTextDocumentParams) -> None:
    buffer = ls.buffers.pop(params.text_document.uri, None)
    if buffer is None:
        return
    ls.clear(buffer.uri)
    ls.schedule(ls.workspace_of(buffer.path), 0)


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def _did_change_watched_files(
    ls: NumcheckServer, params: types.DidChangeWatchedFilesParams
) -> None:
    texts, created_or_deleted = [], False
    for change in params.changes:
        path = _path(change.uri)
        if path is None:
            continue
        if is_config_path(path):
            ls.config_changed(path)
        elif is_text_path(path):
            texts.append(path)
            created_or_deleted |= change.type != types.FileChangeType.Changed
    if texts:
        ls.files_changed(texts, created_or_deleted=created_or_deleted)


@server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
def _did_change_folders(ls: NumcheckServer, params: types.DidChangeWorkspaceFoldersParams) -> None:
    for buffer in ls.buffers.values():
        ls.schedule(ls.workspace_of(buffer.path), 0)


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def _code_action(ls: NumcheckServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    buffer = ls.buffers.get(params.text_document.uri)
    only = params.context.only
    if buffer is None or (only and not any(_wants_quickfix(kind) for kind in only)):
        return []
    published = ls.published.get(buffer.uri, [])
    wanted = list(params.context.diagnostics)
    if not wanted:
        wanted = [p.diagnostic for p in published if _overlaps(p.diagnostic.range, params.range)]
    return code_actions(buffer.uri, buffer.path, buffer.text, published, wanted, ls.encoding)


def _wants_quickfix(kind: str) -> bool:
    quickfix = str(types.CodeActionKind.QuickFix.value)
    return quickfix == kind or quickfix.startswith(f"{kind}.") or kind == ""


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(position: types.Position) -> tuple[int, int]:
        return position.line, position.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def serve() -> None:
    server.start_io()
