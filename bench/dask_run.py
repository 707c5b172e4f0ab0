"""Benchmark the Dask engine: a large generated archive checked with 1, 2 and 4 workers.

    python bench/dask_run.py                        # 100,000 articles in 3,000 stories
    python bench/dask_run.py --articles 20000 --workers 1,2
    python bench/dask_run.py --scheduler tcp://host:8786 --workers 0   # an existing cluster

Each run is ``numcheck check ARCHIVE --engine dask --jobs N --no-cache --format json``: a
``LocalCluster`` of N worker processes started by numcheck (or, with ``--scheduler``, the
cluster given, whatever its size: ``--workers 0``). Reported: wall time, time per 10,000
articles, the peak memory of the client (the numcheck process itself, which holds only the
findings) and of all processes together, and whether every run gave the same report. With
``--local`` the local engine on every core runs first, as the reference the ratios are taken
against. Needs ``pip install 'numcheck[dask]'``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from run import RESULTS
from run import Row
from run import compare
from run import describe
from run import ensure_corpus
from run import failed
from run import fmt
from run import numcheck_command
from run import progress
from run import run_captured


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--stories", type=int, default=None, help="default: articles / 33")
    parser.add_argument("--workers", default="1,2,4", help="worker counts (0: the cluster's)")
    parser.add_argument("--scheduler", help="an existing scheduler instead of a LocalCluster")
    parser.add_argument("--local", action="store_true", help="also run the local engine")
    parser.add_argument("--timeout", type=float, default=7200.0)
    parser.add_argument("--output", type=Path, default=RESULTS / "dask.json")
    args = parser.parse_args(argv)
    stories = args.stories or max(1, args.articles // 33)
    corpus = ensure_corpus(
        f"stories-{args.articles}x{stories}",
        ["--articles", str(args.articles), "--stories", str(stories)],
    )
    command = numcheck_command()
    base = [*command, "check", str(corpus.path), "--format", "json", "--no-cache"]
    load = [round(os.getloadavg()[0], 2)]
    rows: list[Row] = []
    reports: set[bytes] = set()
    reference = None
    if args.local:
        progress("local engine, every core")
        run, out = run_captured(base, timeout=args.timeout)
        reference = _row("local engine, every core", corpus, run, out)
        rows.append(reference)
        reports.add(out)
    for count in [int(n) for n in args.workers.split(",")]:
        flags = ["--engine", "dask", *(["--jobs", str(count)] if count else [])]
        flags += ["--scheduler", args.scheduler] if args.scheduler else []
        label = f"Dask, {count} worker{'s' if count != 1 else ''}" if count else "Dask cluster"
        progress(label)
        run, out = run_captured([*base, *flags], timeout=args.timeout)
        row = _row(label, corpus, run, out)
        rows.append(compare(row, reference, "local engine") if reference else row)
        reports.add(out)
    load.append(round(os.getloadavg()[0], 2))
    same = "yes" if len(reports) == 1 else "NO"
    lines = [
        f"{describe(corpus)} · {os.cpu_count()} CPUs · load average {load[0]} at start, "
        f"{load[1]} at end · same report from every run: {same}",
        "",
        "| engine | wall (s) | s per 10,000 articles | client peak RSS (MB) | all processes "
        "peak RSS (MB) | ratio | notes |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        per = row.wall / (corpus.files / 10_000) if row.wall else None
        lines.append(
            f"| {row.what} | {fmt(row.wall, '.1f')} | {fmt(per, '.1f')} | "
            f"{fmt(row.extra.get('client_mb'), '.0f')} | {fmt(row.rss_mb, '.0f')} | "
            f"{fmt(row.ratio, '.2f')} | {row.notes} |"
        )
    table = "\n".join(lines) + "\n"
    print(table)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps({"rows": [row.__dict__ for row in rows], "markdown": table}, indent=2) + "\n"
    )
    return 0 if same == "yes" else 1


def _row(label: str, corpus, run, out: bytes) -> Row:
    row = Row("dask", label, describe(corpus), rss_mb=run.max_rss_mb)
    row.extra["client_mb"] = run.own_rss_mb
    problem = failed(run) or _short(out, corpus.files)
    if problem:
        row.notes = problem
    else:
        row.wall = run.wall
        row.mb_per_s = corpus.megabytes / run.wall
    return row


def _short(out: bytes, files: int) -> str | None:
    """Why a report that does not cover every file of the corpus is no measurement."""
    try:
        checked = json.loads(out)["summary"]["files"]
    except (ValueError, KeyError, TypeError):
        return "no JSON report"
    return None if checked == files else f"checked {checked:,} of {files:,} files"


if __name__ == "__main__":
    sys.exit(main())
