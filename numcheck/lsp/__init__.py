"""``numcheck lsp``: the language server, an optional extra (``pip install 'numcheck[lsp]'``)."""

from __future__ import annotations

import sys

INSTALL_HINT = (
    "numcheck: the language server needs pygls 2 and lsprotocol: pip install 'numcheck[lsp]'"
)


def main() -> int:
    """Serve on stdin/stdout until the client exits; 2 when the extra is not installed."""
    try:
        import lsprotocol.types  # noqa: F401
        import pygls.lsp.server  # noqa: F401
    except ImportError:
        print(INSTALL_HINT, file=sys.stderr)
        return 2
    from numcheck.lsp.server import serve

    serve()
    return 0
