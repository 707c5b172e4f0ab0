"""Reading Language Server Protocol frames defensively from a byte stream.

A frame is ``Content-Length: N`` (other headers ignored), a blank line, and N bytes of JSON.
What a client or a broken pipe may send instead never stops the server:

* a header line may end in ``\\r\\n`` or a bare ``\\n``;
* bytes that are not a header (the rest of a frame whose length was too short, garbage) are
  skipped until a line holds ``Content-Length:`` again, so the server resynchronizes;
* a header line longer than ``MAX_HEADER_LINE`` is garbage, read and dropped piece by piece;
* a length over ``MAX_CONTENT_LENGTH`` is refused (``on_error`` reports it) and its body is
  never read as one: what follows is skipped as garbage up to the next ``Content-Length``, so
  a client that sends a wrong length of a terabyte is not waited for;
* a body that is not JSON, or not a JSON object, is answered as JSON-RPC says (-32700 parse
  error, -32600 invalid request, with a null id).

This module knows nothing of pygls: it turns bytes into decoded messages or errors.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from typing import BinaryIO

MAX_HEADER_LINE = 8 * 1024
MAX_CONTENT_LENGTH = 64 * 1024 * 1024
_LENGTH = re.compile(rb"content-length[ \t]*:[ \t]*(\d{1,20})", re.IGNORECASE)

PARSE_ERROR, INVALID_REQUEST = -32700, -32600


@dataclass(frozen=True)
class FrameError:
    """What went wrong with one frame: a JSON-RPC error code and a message for the log."""

    code: int | None  # None: nothing to answer (an oversized frame is only logged)
    message: str

    def response(self, ident: int | str | None = None) -> bytes | None:
        """The JSON-RPC error response to send, framed; None when there is none to send."""
        if self.code is None:
            return None
        error = {"code": self.code, "message": self.message}
        body = json.dumps({"jsonrpc": "2.0", "id": ident, "error": error}).encode("utf-8")
        return b"Content-Length: %d\r\n\r\n" % len(body) + body


class LineReader:
    """A blocking reader of header lines (at most ``MAX_HEADER_LINE`` bytes each) and bodies,
    over a binary stream such as stdin."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream

    def readline(self) -> bytes:
        return self.stream.readline(MAX_HEADER_LINE)

    def read(self, size: int) -> bytes:
        """Up to ``size`` bytes; fewer only at the end of the stream."""
        pieces, wanted = [], size
        while wanted > 0:
            piece = self.stream.read(wanted)
            if not piece:
                break
            pieces.append(piece)
            wanted -= len(piece)
        return b"".join(pieces)


Call = Callable[..., Awaitable[Any]]


async def read_frames(
    reader: LineReader,
    call: Call,
    on_message: Callable[[dict[str, Any]], None],
    on_error: Callable[[FrameError], None],
    *,
    max_length: int = MAX_CONTENT_LENGTH,
) -> None:
    """Read frames until the stream ends, passing each JSON object to ``on_message`` and each
    bad frame to ``on_error``. ``call(function, *arguments)`` runs a blocking read (in a thread,
    so that the event loop keeps serving while the client is quiet)."""
    length: int | None = None
    while True:
        line = await call(reader.readline)
        if not line:
            return
        if len(line) >= MAX_HEADER_LINE and not line.endswith(b"\n"):
            continue  # part of an overlong line: garbage
        found = _LENGTH.search(line)
        if found is not None:
            length = int(found.group(1))
            continue
        if line.strip() or length is None:
            continue  # another header, or garbage between frames
        size, length = length, None
        if size > max_length:
            on_error(FrameError(None, f"a frame of {size:,} bytes was refused (over the limit)"))
            continue
        body = await call(reader.read, size)
        if len(body) < size:
            return
        message = decode(body)
        if isinstance(message, FrameError):
            on_error(message)
        else:
            on_message(message)


def decode(body: bytes) -> dict[str, Any] | FrameError:
    """The JSON object of a frame's body, or the error to answer it with."""
    try:
        message = json.loads(body)
    except (ValueError, RecursionError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        return FrameError(PARSE_ERROR, f"Parse error: {reason[:200]}")
    if not isinstance(message, dict):
        return FrameError(INVALID_REQUEST, "Invalid Request: a message must be a JSON object")
    return message
