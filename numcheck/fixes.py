"""Applying fixes: splice replacements into a file's text and write it back safely.

A fix replaces its finding's span (``Location.start``/``end``, code-point offsets into the
decoded text). Fixes are spliced into the original text from the end backwards, so nothing
else of the file changes: line endings, byte-order mark, encoding and every other byte stay
as they were. Overlapping fixes are left for the next pass; passes repeat until no fix
applies. Only safe fixes are applied unless unsafe ones are asked for; display-only fixes
never are. A file is written only when a fix changed it, through a temporary file in the same
directory and ``os.replace``, with the file's mode kept.
"""

from __future__ import annotations

import codecs
import difflib
import os
import stat
import tempfile
from collections.abc import Callable
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace

from numcheck.api import Result
from numcheck.findings import Finding
from numcheck.reading.discover import InputError
from numcheck.reading.discover import read_document
from numcheck.reading.documents import Document
from numcheck.text import one_line

MAX_PASSES = 10

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class WriteError(InputError):
    """A fixed file that could not be written back; the file is left as it was."""


@dataclass(frozen=True)
class AppliedFix:
    """A fix that was applied: the finding and the text its replacement took the place of."""

    finding: Finding
    before: str

    @property
    def after(self) -> str:
        assert self.finding.fix is not None
        return self.finding.fix.replacement

    def describe(self) -> str:
        where = self.finding.location
        return (
            f"{where.path}:{where.line}:{where.column}: {self.finding.code} fixed: "
            f"{one_line(self.before)!r} -> {one_line(self.after)!r}"
        )


@dataclass
class FixRun:
    """What fixing produced: the new text of each changed document, the fixes applied, and
    the findings that remain in the fixed text."""

    original: dict[str, str] = field(default_factory=dict)
    fixed: dict[str, str] = field(default_factory=dict)
    applied: list[AppliedFix] = field(default_factory=list)
    result: Result = field(default_factory=Result)


def applies(finding: Finding, *, unsafe: bool = False) -> bool:
    """Whether ``--fix`` applies this finding's fix (with ``--unsafe-fixes`` when ``unsafe``)."""
    if finding.fix is None or finding.suppressed:
        return False
    if finding.fix.applicability == "safe":
        return True
    return unsafe and finding.fix.applicability == "unsafe"


def apply_fixes(
    source: str, findings: Iterable[Finding], *, unsafe: bool = False
) -> tuple[str, list[AppliedFix]]:
    """``source`` with the applicable fixes spliced in, and the fixes applied.

    Fixes are applied from the end of the text backwards; one that overlaps a fix already
    applied is skipped (a later pass may apply it to the new text).
    """
    chosen = sorted(
        (f for f in findings if applies(f, unsafe=unsafe)),
        key=lambda f: (f.location.start, f.location.end),
        reverse=True,
    )
    text = source
    applied: list[AppliedFix] = []
    limit = len(source)
    for finding in chosen:
        start, end = finding.location.start, finding.location.end
        if not 0 <= start <= end <= limit:
            continue
        assert finding.fix is not None
        before = source[start:end]
        if before == finding.fix.replacement:
            continue
        text = text[:start] + finding.fix.replacement + text[end:]
        applied.append(AppliedFix(finding, before))
        limit = start
    applied.reverse()
    return text, applied


def fix_documents(
    documents: Iterable[Document],
    run: Callable[[list[Document]], Result],
    *,
    unsafe: bool = False,
) -> FixRun:
    """Check, fix and check again until no fix applies; nothing is written.

    ``run`` checks a list of documents (with the user's rule selection and settings); every
    document is passed each time, so checks across documents see the fixed text.
    """
    documents = list(documents)
    outcome = FixRun()
    result = run(documents)
    for _ in range(MAX_PASSES):
        by_path: dict[str, list[Finding]] = {}
        for finding in result.findings:
            by_path.setdefault(finding.path, []).append(finding)
        changed = False
        for index, document in enumerate(documents):
            text, applied = apply_fixes(
                document.source, by_path.get(document.path, ()), unsafe=unsafe
            )
            if not applied:
                continue
            outcome.original.setdefault(document.path, document.source)
            outcome.fixed[document.path] = text
            outcome.applied.extend(applied)
            fixed = read_document(document.path, text)
            documents[index] = replace(fixed, story=fixed.story or document.story)
            changed = True
        if not changed:
            break
        result = run(documents)
    outcome.result = result
    return outcome


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff (``--- a/path``, ``+++ b/path``) of one file's text."""
    lines = difflib.unified_diff(
        _diff_lines(before), _diff_lines(after), fromfile=f"a/{path}", tofile=f"b/{path}"
    )
    return "".join(lines)


def _diff_lines(text: str) -> list[str]:
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += "\n\\ No newline at end of file\n"
    return lines


def write_fixed(path: str, original: str, fixed: str) -> None:
    """Replace the file at ``path`` (whose decoded text was ``original``) with ``fixed``.

    The text is encoded as the file was (UTF-8 or UTF-16, with its byte-order mark if it had
    one) and written atomically. Raises ``WriteError`` when the file changed since it was
    read or cannot be written; the file is then left untouched.
    """
    target = os.path.realpath(path)
    try:
        with open(target, "rb") as handle:
            data = handle.read()
        info = os.stat(target)
    except OSError as error:
        raise WriteError(f"{path}: {_reason(error)}, not fixed") from error
    bom, encoding = _encoding_of(data)
    try:
        current = data[len(bom) :].decode(encoding)
    except UnicodeDecodeError:
        current = None
    if current != original:
        raise WriteError(f"{path}: changed since it was read, not fixed")
    if not os.access(target, os.W_OK):
        raise WriteError(f"{path}: permission denied, not fixed")
    _replace(target, bom + fixed.encode(encoding, errors="surrogatepass"), info, path)


def _encoding_of(data: bytes) -> tuple[bytes, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return bom, encoding
    return b"", "utf-8"


def _replace(target: str, data: bytes, info: os.stat_result, shown: str) -> None:
    directory = os.path.dirname(target) or "."
    try:
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{os.path.basename(target)}.", suffix=".numcheck", dir=directory
        )
    except OSError as error:
        raise WriteError(f"{shown}: {_reason(error)}, not fixed") from error
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
        os.replace(temporary, target)
    except OSError as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise WriteError(f"{shown}: {_reason(error)}, not fixed") from error


def _reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    return (error.strerror or str(error)).lower()
