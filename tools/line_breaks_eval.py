"""Measure the plain-text rule for soft line breaks (``numcheck.reading.wrapping``).

    python tools/line_breaks_eval.py [--devdata DIR] [--show N]

Two measurements:

1. Real articles as they are (the project's ``seeds/`` and the development set's news:
   ``wsj``, ``abc`` and ``stories``). None of them is hard-wrapped (one paragraph or one
   sentence a line, headlines on lines of their own), so every line end the rule reads as a
   space there is a false join. ``--show N`` prints the first N of them.
2. The same articles hard-wrapped: each paragraph (each non-blank line) filled to a width by
   Python's ``textwrap`` (greedy, as editors and prettier fill) and by coreutils ``fmt``
   (which balances lines), with paragraphs set apart by a blank line, or by nothing at all.
   Recall is the share of the wrapping line ends read as spaces; false joins are paragraph
   ends read as spaces.
3. What it is for: the claims of the seeds and the ``stories`` articles, hard-wrapped at 72
   columns (paragraphs apart by a blank line), read as plain text and as Markdown, compared
   with the claims of the same text unwrapped (value, interval, unit, subject, key).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from numcheck.reading.wrapping import wrapped_line_breaks  # noqa: E402

DEFAULT_DEVDATA = ROOT.parent / "shared" / "devdata"
CORPORA = {
    "seeds": (ROOT / "seeds", "*.txt"),
    "wsj": (Path("news/wsj"), "*.txt"),
    "abc": (Path("news/abc"), "*/*.txt"),
    "stories": (Path("news/stories"), "*/*.txt"),
}
WIDTHS = (60, 72, 80, 100)


def _files(devdata: Path) -> Iterator[tuple[str, Path]]:
    for name, (folder, pattern) in CORPORA.items():
        base = folder if folder.is_absolute() else devdata / folder
        for path in sorted(base.glob(pattern)):
            yield name, path


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def _breaks_between_lines(text: str) -> int:
    lines = text.split("\n")
    return sum(1 for a, b in zip(lines, lines[1:], strict=False) if a.strip() and b.strip())


def real_articles(devdata: Path, show: int) -> None:
    print("## Real articles, as written (every soft break is a false join)\n")
    print("| corpus | files | line ends between lines | read as spaces | files affected |")
    print("|---|---:|---:|---:|---:|")
    shown = 0
    totals: dict[str, list[int]] = {}
    for name, path in _files(devdata):
        text = _read(path)
        soft = wrapped_line_breaks(text)
        row = totals.setdefault(name, [0, 0, 0, 0])
        row[0] += 1
        row[1] += _breaks_between_lines(text)
        row[2] += len(soft)
        row[3] += bool(soft)
        for offset in soft:
            if shown < show:
                shown += 1
                before = text[max(0, offset - 60) : offset].rsplit("\n", 1)[-1]
                print(f"    {path}: {before!r} + {text[offset + 1 : offset + 40]!r}")
    for name, (files, breaks, soft, affected) in totals.items():
        print(f"| {name} | {files:,} | {breaks:,} | {soft:,} | {affected:,} |")
    print()


def _fill_textwrap(paragraph: str, width: int) -> str:
    return textwrap.fill(paragraph, width=width, break_long_words=False, break_on_hyphens=False)


def _fill_fmt(paragraph: str, width: int) -> str:
    done = subprocess.run(
        ["fmt", "-w", str(width)], input=paragraph, capture_output=True, text=True, check=True
    )
    return done.stdout.rstrip("\n")


def wrapped_articles(devdata: Path) -> None:
    fillers: dict[str, Callable[[str, int], str]] = {"textwrap": _fill_textwrap}
    if shutil.which("fmt"):
        fillers["fmt"] = _fill_fmt
    paths = [path for name, path in _files(devdata) if name in ("seeds", "stories", "wsj")]
    print("## The same articles, hard-wrapped\n")
    print(f"{len(paths)} articles (seeds, stories, wsj).\n")
    print("| filler | width | paragraphs apart by | wrapping line ends | read as spaces "
          "| paragraph ends | read as spaces |")  # fmt: skip
    print("|---|---:|---|---:|---:|---:|---:|")
    for filler_name, fill in fillers.items():
        for width in WIDTHS:
            for separator, label in (("\n\n", "a blank line"), ("\n", "nothing")):
                wraps = found = ends = false = 0
                for path in paths:
                    paragraphs = [line.strip() for line in _read(path).split("\n") if line.strip()]
                    filled = [fill(paragraph, width) for paragraph in paragraphs]
                    text = separator.join(filled)
                    wrap_offsets, end_offsets, offset = set(), set(), 0
                    for index, block in enumerate(filled):
                        for line in block.split("\n")[:-1]:
                            offset += len(line)
                            wrap_offsets.add(offset)
                            offset += 1
                        offset += len(block.split("\n")[-1])
                        if index < len(filled) - 1 and separator == "\n":
                            end_offsets.add(offset)
                        offset += len(separator)
                    soft = set(wrapped_line_breaks(text))
                    wraps += len(wrap_offsets)
                    found += len(soft & wrap_offsets)
                    ends += len(end_offsets)
                    false += len(soft & end_offsets)
                share = f"{found / wraps:.1%}" if wraps else "-"
                print(f"| {filler_name} | {width} | {label} | {wraps:,} | {found:,} ({share}) "
                      f"| {ends:,} | {false:,} |")  # fmt: skip
    print()


def _claim_facts(path: str, text: str) -> list[tuple[object, ...]]:
    from numcheck.api import document_claims
    from numcheck.reading.discover import read_document

    return [
        (c.value, c.low, c.high, c.unit, c.qualifier, c.subject, c.key)
        for c in document_claims(read_document(path, text))
    ]


def claims_unchanged(devdata: Path) -> None:
    paths = [path for name, path in _files(devdata) if name in ("seeds", "stories")]
    print("## Claims of the wrapped articles against the unwrapped ones\n")
    print("| reader | articles | claims | claims that differ | articles that differ |")
    print("|---|---:|---:|---:|---:|")
    for suffix in (".txt", ".md"):
        claims = differ = articles = 0
        for path in paths:
            paragraphs = [line.strip() for line in _read(path).split("\n") if line.strip()]
            flat = "\n\n".join(paragraphs)
            wrapped = "\n\n".join(_fill_textwrap(paragraph, 72) for paragraph in paragraphs)
            before = _claim_facts("article" + suffix, flat)
            after = _claim_facts("article" + suffix, wrapped)
            claims += len(before)
            missing = sum(1 for fact in before if fact not in after)
            differ += missing
            articles += bool(missing) or len(before) != len(after)
        print(f"| {suffix} | {len(paths)} | {claims:,} | {differ:,} | {articles:,} |")
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devdata", type=Path, default=DEFAULT_DEVDATA)
    parser.add_argument("--show", type=int, default=0, help="print the first N false joins")
    args = parser.parse_args()
    real_articles(args.devdata, args.show)
    wrapped_articles(args.devdata)
    claims_unchanged(args.devdata)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
