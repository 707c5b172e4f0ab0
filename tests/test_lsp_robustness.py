"""The language server under bad input: raw byte streams that break the framing, messages
that are not JSON-RPC, and documents too large or too odd. Every case is answered or ignored;
the server never exits and keeps serving the next request."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from numcheck.lsp.framing import MAX_HEADER_LINE
from numcheck.lsp.framing import decode
from numcheck.lsp.server import MAX_CHARACTERS
from numcheck.lsp.server import MAX_DIAGNOSTICS

WAIT = 60  # seconds before a silent server counts as hung


def frame(message: dict[str, Any], *, line_end: bytes = b"\r\n", length: int | None = None):
    body = json.dumps(message).encode("utf-8")
    size = len(body) if length is None else length
    return b"Content-Length: %d%s%s" % (size, line_end, line_end) + body


def request(ident: int, method: str, params: Any = None) -> dict[str, Any]:
    return {"jsonrpc": "2.0", "id": ident, "method": method, "params": params}


def notification(method: str, params: Any = None) -> dict[str, Any]:
    return {"jsonrpc": "2.0", "method": method, "params": params}


class RawServer:
    """``numcheck lsp`` with a byte pipe in and a frame reader out."""

    def __init__(self, folder: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "numcheck", "lsp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=folder,
            env={**os.environ, "NUMCHECK_LSP_DEBOUNCE_MS": "0"},
        )
        self.messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            assert length is not None
            self.messages.put(json.loads(stream.read(length)))

    def send(self, data: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def wait_for(self, wanted) -> dict[str, Any]:
        while True:
            message = self.messages.get(timeout=WAIT)
            assert message is not None, "the server closed its output"
            if "method" in message and "id" in message:  # a request to the client
                self.send(frame({"jsonrpc": "2.0", "id": message["id"], "result": None}))
            if wanted(message):
                return message

    def response(self, ident: int | None) -> dict[str, Any]:
        return self.wait_for(lambda m: "method" not in m and m.get("id") == ident)

    def initialize(self, folder: Path) -> None:
        params = {"processId": None, "rootUri": folder.as_uri(), "capabilities": {}}
        self.send(frame(request(1, "initialize", params)))
        assert "capabilities" in self.response(1)["result"]
        self.send(frame(notification("initialized", {})))

    def stop(self) -> int:
        self.send(frame(request(999, "shutdown")))
        self.response(999)
        self.send(frame(notification("exit")))
        assert self.process.stdin is not None
        self.process.stdin.close()
        return self.process.wait(timeout=WAIT)


@pytest.fixture
def server(tmp_path: Path):
    running = RawServer(tmp_path)
    running.initialize(tmp_path)
    yield running
    if running.process.poll() is None:
        running.process.kill()


def _alive(server: RawServer, ident: int) -> None:
    """The server still answers a request after what came before."""
    server.send(frame(request(ident, "workspace/executeCommand", {"command": "none"})))
    server.response(ident)


def test_invalid_json_is_answered_with_a_parse_error(server: RawServer) -> None:
    body = b'{"jsonrpc": "2.0", "id": 5, "method": '
    server.send(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    error = server.response(None)["error"]
    assert error["code"] == -32700 and error["message"].startswith("Parse error")
    _alive(server, 6)
    assert server.stop() == 0


@pytest.mark.parametrize(
    ("body", "ident"),
    [
        (b"[1, 2, 3]", None),
        (b'"just a string"', None),
        (b'{"id": 7, "method": "initialize"}', 7),  # no "jsonrpc"
        (b'{"jsonrpc": "2.0", "id": 8, "method": "textDocument/codeAction", "params": 5}', 8),
    ],
)
def test_messages_that_are_not_requests_are_refused(
    server: RawServer, body: bytes, ident: int | None
) -> None:
    server.send(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    assert server.response(ident)["error"]["code"] in (-32600, -32602, -32603)
    _alive(server, 20)
    assert server.stop() == 0


def test_a_huge_content_length_is_refused_and_the_next_frame_read(server: RawServer) -> None:
    server.send(b"Content-Length: 1000000000000\r\n\r\n")
    _alive(server, 2)
    assert server.stop() == 0


def test_a_short_content_length_loses_one_frame_only(server: RawServer) -> None:
    server.send(frame(request(3, "workspace/executeCommand", {"command": "x"}), length=20))
    assert server.response(None)["error"]["code"] == -32700
    _alive(server, 4)
    assert server.stop() == 0


def test_line_feed_headers_and_garbage_between_frames(server: RawServer) -> None:
    server.send(b"garbage without a header\r\n\r\n" + b"x" * (3 * MAX_HEADER_LINE) + b"\n\n")
    server.send(frame(request(2, "workspace/executeCommand", {"command": "y"}), line_end=b"\n"))
    server.response(2)
    server.send(b"Content-Type: application/vscode-jsonrpc\r\n")
    _alive(server, 3)
    assert server.stop() == 0


def test_a_notification_the_server_cannot_read_gets_no_answer(server: RawServer) -> None:
    server.send(frame(notification("textDocument/didOpen", {"textDocument": 5})))
    server.send(frame(notification("textDocument/didChange", None)))
    _alive(server, 2)
    assert server.stop() == 0


def test_edits_of_a_document_never_opened_or_out_of_range(
    server: RawServer, tmp_path: Path
) -> None:
    uri = (tmp_path / "a.md").as_uri()
    change = {"range": _range(900, 5, 1000, 0), "text": "190 miles (360 km)"}
    edit = {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [change]}
    server.send(frame(notification("textDocument/didChange", edit)))  # never opened
    document = {"uri": uri, "languageId": "markdown", "version": 1, "text": "Intro.\n"}
    server.send(frame(notification("textDocument/didOpen", {"textDocument": document})))
    server.send(frame(notification("textDocument/didChange", edit)))  # past the end: appended
    published = server.wait_for(_diagnostics_of(uri, version=2))
    assert [d["code"] for d in published["params"]["diagnostics"]] == ["NC101"]
    assert server.stop() == 0


def test_a_document_over_the_limit_is_left_to_the_command_line(
    server: RawServer, tmp_path: Path
) -> None:
    big = (tmp_path / "big.txt").as_uri()
    text = "It flew 190 miles (360 km).\n" * (MAX_CHARACTERS // 28 + 10)
    document = {"uri": big, "languageId": "plaintext", "version": 1, "text": text}
    server.send(frame(notification("textDocument/didOpen", {"textDocument": document})))
    (note,) = server.wait_for(_diagnostics_of(big))["params"]["diagnostics"]
    assert note["severity"] == 3 and "not checked as you type" in note["message"]
    small = (tmp_path / "small.txt").as_uri()
    document = {"uri": small, "languageId": "plaintext", "version": 1, "text": text[:28]}
    server.send(frame(notification("textDocument/didOpen", {"textDocument": document})))
    published = server.wait_for(_diagnostics_of(small))
    assert [d["code"] for d in published["params"]["diagnostics"]] == ["NC101"]
    assert server.stop() == 0


def test_requests_are_answered_while_a_long_document_is_checked(
    server: RawServer, tmp_path: Path
) -> None:
    """The check runs beside the protocol: a request sent right after a large document is
    opened is answered before that document's diagnostics arrive."""
    uri = (tmp_path / "long.txt").as_uri()
    text = "It flew 190 miles (360 km).\n\n" * 4500  # 9,000 figures: under the figure limit
    document = {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}
    server.send(frame(notification("textDocument/didOpen", {"textDocument": document})))
    server.send(frame(request(2, "workspace/executeCommand", {"command": "z"})))
    first = server.wait_for(lambda m: m.get("id") == 2 or _diagnostics_of(uri)(m))
    assert first.get("id") == 2, "the request waited for the whole check"
    published = server.wait_for(_diagnostics_of(uri))
    diagnostics = published["params"]["diagnostics"]
    assert len(diagnostics) == MAX_DIAGNOSTICS + 1
    assert (
        diagnostics[-1]["message"] == "numcheck: 4000 more findings in this document are not shown"
    )
    assert len(json.dumps(published)) < 2_000_000
    assert server.stop() == 0


def _range(line: int, character: int, end_line: int, end_character: int) -> dict[str, Any]:
    return {
        "start": {"line": line, "character": character},
        "end": {"line": end_line, "character": end_character},
    }


def _diagnostics_of(uri: str, version: int | None = None):
    def wanted(message: dict[str, Any]) -> bool:
        params = message.get("params") or {}
        return (
            message.get("method") == "textDocument/publishDiagnostics"
            and params.get("uri") == uri
            and (version is None or params.get("version") == version)
        )

    return wanted


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"{", -32700),
        (b"\xff\xfe", -32700),
        (b"[" * 100_000, -32700),
        (b"null", -32600),
        (b"3", -32600),
    ],
)
def test_decode_errors(body: bytes, code: int) -> None:
    error = decode(body)
    assert not isinstance(error, dict) and error.code == code


def test_editing_keeps_no_more_than_two_versions_of_the_paragraphs(tmp_path: Path) -> None:
    """What an edit replaced is freed: the match cache holds the paragraphs of the last two
    extractions, however many edits came before."""
    from numcheck.extraction.extract import paragraphs
    from numcheck.lsp.workspace import Buffer
    from numcheck.lsp.workspace import Workspace

    workspace = Workspace(str(tmp_path), scan=False)
    path = str(tmp_path / "a.md")
    body = "\n\n".join(f"Paragraph {n} says 190 miles (306 km)." for n in range(20))
    for version in range(200):
        text = f"{body}\n\nThe edited paragraph has {version} figures in it.\n"
        workspace.run([Buffer("file:///a.md", path, version, text)])
    cache = workspace._matches[path]
    # two extractions, each with one parse and one claims entry a paragraph
    assert len(cache) <= 4 * len(list(paragraphs(text)))


@pytest.mark.parametrize("line_end", ["\r", "\r\n", "\n"])
def test_command_line_and_server_agree_on_lines(
    server: RawServer, tmp_path: Path, line_end: str
) -> None:
    text = line_end.join(["One.", "It flew 190 miles (360 km).", "", "Four 5 km (9 mi)."])
    path = tmp_path / "lines.txt"
    path.write_bytes(text.encode("utf-8"))
    cli = subprocess.run(
        [sys.executable, "-m", "numcheck", "check", "lines.txt", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    expected = [(f["line"], f["column"]) for f in json.loads(cli.stdout)["findings"]]
    assert expected == [(2, 20), (4, 12)]
    document = {"uri": path.as_uri(), "languageId": "plaintext", "version": 1, "text": text}
    server.send(frame(notification("textDocument/didOpen", {"textDocument": document})))
    published = server.wait_for(_diagnostics_of(path.as_uri()))
    starts = [d["range"]["start"] for d in published["params"]["diagnostics"]]
    assert [(s["line"] + 1, s["character"] + 1) for s in starts] == expected
    assert server.stop() == 0
