"""Benchmark numcheck: throughput, cold start, memory, and a comparison with quantulum3.

    python bench/run.py                 # full run: 20 MB corpus, 10,000 articles / 300 stories
    python bench/run.py --quick         # smoke run: 2 MB corpus, 500 articles / 15 stories
    python bench/run.py --skip-quantulum

Prints a Markdown table and writes bench/results/latest.json. Corpora are generated into
bench/corpus/ (git-ignored) by bench/generate.py, and regenerated when missing or when the
generator changed. Every measured command runs in its own child process; wall time is measured
around it and peak memory is that child's maximum resident set size (from ``os.wait4``, the
per-child form of ``getrusage(RUSAGE_CHILDREN)``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CORPUS_ROOT = BENCH / "corpus"
RESULTS = BENCH / "results"
GENERATOR_FILES = (BENCH / "generate.py", BENCH / "newswords.py")
SEED = 1


# --------------------------------------------------------------------------------------------
# Running a child and measuring it
# --------------------------------------------------------------------------------------------


@dataclass
class Run:
    argv: list[str]
    wall: float
    max_rss_mb: float
    exit_code: int
    timed_out: bool = False
    over_memory: bool = False
    stderr_tail: str = ""
    cpu: float = 0.0  # user + system seconds of the child


# Set from --max-memory: a child whose resident memory passes this is killed, so that a
# runaway run reports "over memory" instead of starving the machine.
MEMORY_LIMIT_MB = 8192.0


def _rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        return None
    return None


def run_child(argv: list[str], *, stdout: Any = subprocess.DEVNULL, timeout: float = 1800.0) -> Run:
    """Run ``argv``, return its wall time, exit code and peak RSS (its own, not the sum)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=stdout, stderr=err, start_new_session=True
        )
        done = threading.Event()
        reason: list[str] = []

        def kill(why: str) -> None:
            reason.append(why)
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        def watch() -> None:
            deadline = start + timeout
            while not done.wait(0.2):
                if time.perf_counter() > deadline:
                    kill("timeout")
                    return
                rss = _rss_mb(proc.pid)
                if rss is not None and rss > MEMORY_LIMIT_MB:
                    kill("memory")
                    return

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            done.set()
            watcher.join()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        tail = err.read().decode("utf-8", "replace")[-2000:]
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
    rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    cpu = usage.ru_utime + usage.ru_stime
    return Run(argv, wall, rss, proc.returncode, "timeout" in reason, "memory" in reason, tail, cpu)


def numcheck_command() -> list[str]:
    """The installed ``numcheck`` next to this interpreter, else the one on PATH."""
    local = Path(sys.executable).parent / "numcheck"
    if local.exists():
        return [str(local)]
    found = shutil.which("numcheck")
    if found:
        return [found]
    sys.exit("bench: the numcheck command is not installed (pip install -e .)")


# --------------------------------------------------------------------------------------------
# Corpora
# --------------------------------------------------------------------------------------------


@dataclass
class Corpus:
    name: str
    path: Path
    files: int
    bytes: int
    stories: int
    manifest: dict[str, Any] = field(repr=False)

    @property
    def megabytes(self) -> float:
        return self.bytes / 1e6


def generator_digest() -> str:
    digest = hashlib.sha256()
    for path in GENERATOR_FILES:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def ensure_corpus(name: str, generate_args: list[str]) -> Corpus:
    path = CORPUS_ROOT / name
    manifest_path = path.with_name(name + ".manifest.json")
    stamp_path = path.with_name(name + ".stamp")
    stamp = f"{generator_digest()} {' '.join(generate_args)} seed={SEED}"
    fresh = (
        path.is_dir()
        and manifest_path.is_file()
        and stamp_path.is_file()
        and stamp_path.read_text(encoding="utf-8").strip() == stamp
    )
    if not fresh:
        print(f"bench: generating {path.relative_to(ROOT)} ...", file=sys.stderr)
        CORPUS_ROOT.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, str(BENCH / "generate.py"), str(path), *generate_args]
            + ["--seed", str(SEED)],
            check=True,
        )
        stamp_path.write_text(stamp + "\n", encoding="utf-8")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    return Corpus(
        name, path, manifest["articles"], manifest["bytes"], manifest["stories"], manifest
    )


def subset(corpus: Corpus, megabytes: float) -> tuple[list[Path], int]:
    """The first files of ``corpus`` (sorted) that add up to ``megabytes``."""
    files: list[Path] = []
    total = 0
    for path in sorted(corpus.path.rglob("*")):
        if path.is_file():
            files.append(path)
            total += path.stat().st_size
            if total >= megabytes * 1e6:
                break
    return files, total


# --------------------------------------------------------------------------------------------
# The measurements
# --------------------------------------------------------------------------------------------


@dataclass
class Row:
    what: str
    corpus: str
    wall: float | None = None
    mb_per_s: float | None = None
    max_rss_mb: float | None = None
    notes: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def failed(run: Run) -> str | None:
    if run.timed_out:
        return f"timed out after {run.wall:.0f} s"
    if run.over_memory:
        return (
            f"killed at {run.max_rss_mb:,.0f} MB resident (over --max-memory) "
            f"after {run.wall:.0f} s"
        )
    if run.exit_code not in (0, 1):
        last = run.stderr_tail.strip().splitlines()[-1:] or [""]
        return f"failed (exit {run.exit_code}): {last[0][:120]}"
    return None


def throughput_row(what: str, corpus: Corpus, argv: list[str], timeout: float) -> Row:
    run = run_child(argv, timeout=timeout)
    row = Row(what, describe(corpus), run.wall, None, run.max_rss_mb, f"exit {run.exit_code}")
    problem = failed(run)
    if problem:
        row.notes = problem
    else:
        row.mb_per_s = corpus.megabytes / run.wall
    row.extra["argv"] = " ".join(argv)
    return row


API_SCRIPT = r"""
import json, sys, time
t0 = time.perf_counter()
try:
    from numcheck.api import extract_claims
except ImportError as error:
    print(json.dumps({"error": f"numcheck.api.extract_claims: {error}"}))
    raise SystemExit(0)
t1 = time.perf_counter()
result = extract_claims([sys.argv[1]])
t2 = time.perf_counter()
claims = getattr(result, "claims", result)
print(json.dumps({"import": t1 - t0, "extract": t2 - t1, "claims": len(claims)}))
"""


def api_row(corpus: Corpus, timeout: float) -> Row:
    with tempfile.TemporaryFile() as out:
        run = run_child(
            [sys.executable, "-c", API_SCRIPT, str(corpus.path)], stdout=out, timeout=timeout
        )
        out.seek(0)
        text = out.read().decode("utf-8", "replace").strip()
    row = Row("`extract_claims()` (Python API, in-process)", describe(corpus))
    row.max_rss_mb = run.max_rss_mb
    problem = failed(run) or (None if text else "no output")
    if problem:
        row.notes = problem
        return row
    data = json.loads(text.splitlines()[-1])
    if "error" in data:
        row.notes = f"n/a: {data['error']}"
        return row
    row.wall = data["extract"]
    row.mb_per_s = corpus.megabytes / data["extract"]
    row.notes = f"{data['claims']:,} claims; import {data['import']:.2f} s not counted"
    row.extra.update(data)
    return row


def cold_start_row(command: list[str], sample: Path, repeat: int) -> Row:
    walls: list[float] = []
    rss: list[float] = []
    problem = None
    for _ in range(repeat):
        run = run_child([*command, "check", str(sample)], timeout=120)
        problem = problem or failed(run)
        walls.append(run.wall)
        rss.append(run.max_rss_mb)
    size = sample.stat().st_size
    row = Row(
        f"cold start: `numcheck check` one file (median of {repeat})",
        f"{sample.name}, {size / 1000:.1f} KB",
        statistics.median(walls),
        None,
        max(rss),
        problem or f"min {min(walls):.3f} s, max {max(walls):.3f} s",
    )
    row.extra["walls"] = walls
    return row


QUANTULUM_SCRIPT = r"""
import json, sys, time, warnings
warnings.simplefilter("ignore")
t0 = time.perf_counter()
try:
    from quantulum3 import parser
except ImportError as error:
    print(json.dumps({"error": f"quantulum3 is not installed ({error})"}))
    raise SystemExit(0)
parser.parse("It flew 190 miles (306 km) on 2 March.")  # loads its unit tables
t1 = time.perf_counter()
texts = [open(p, encoding="utf-8").read() for p in sys.argv[1:]]
t2 = time.perf_counter()
found = 0
for text in texts:
    found += len(parser.parse(text))
t3 = time.perf_counter()
print(json.dumps({"load": t1 - t0, "parse": t3 - t2, "quantities": found,
                  "bytes": sum(len(t.encode("utf-8")) for t in texts)}))
"""


def quantulum_row(corpus: Corpus, probe_mb: float, subset_mb: float, budget: float) -> Row:
    """quantulum3 on the whole corpus if a ``probe_mb`` sample projects it to fit ``budget``
    seconds, else on a ``subset_mb`` subset."""
    row = Row("quantulum3 `parser.parse()` per article", describe(corpus))
    probe, _ = subset(corpus, probe_mb)
    data, run = _quantulum(probe, timeout=max(budget, 600))
    if "error" in data:
        row.notes = f"n/a: {data['error']}"
        return row
    projected = corpus.megabytes / (data["bytes"] / 1e6 / data["parse"])
    whole = projected <= budget
    files = sorted(p for p in corpus.path.rglob("*") if p.is_file())
    if not whole:
        files, _ = subset(corpus, subset_mb)
    data, run = _quantulum(files, timeout=max(3 * projected, 600))
    if "error" in data:
        row.notes = f"n/a: {data['error']}"
        return row
    if not whole:
        row.corpus = f"{data['bytes'] / 1e6:.1f} MB subset ({len(files)} files) of {corpus.name}"
    row.wall = data["parse"]
    row.mb_per_s = data["bytes"] / 1e6 / data["parse"]
    row.max_rss_mb = run.max_rss_mb
    notes = [f"{data['quantities']:,} quantities", f"load {data['load']:.1f} s not counted"]
    if not whole:
        notes.append(
            f"subset only: the whole corpus would take ~{projected:.0f} s (over the "
            f"{budget:.0f} s budget)"
        )
    row.notes = "; ".join(notes)
    row.extra.update(data, files=len(files), whole_corpus=whole, projected_whole=projected)
    return row


def _quantulum(files: list[Path], timeout: float) -> tuple[dict[str, Any], Run]:
    with tempfile.TemporaryFile() as out:
        run = run_child(
            [sys.executable, "-c", QUANTULUM_SCRIPT, *map(str, files)], stdout=out, timeout=timeout
        )
        out.seek(0)
        text = out.read().decode("utf-8", "replace").strip()
    problem = failed(run)
    if problem or not text:
        return {"error": problem or "no output"}, run
    return json.loads(text.splitlines()[-1]), run


def stories_row(command: list[str], corpus: Corpus, timeout: float) -> tuple[Row, dict[str, Any]]:
    with tempfile.TemporaryFile() as out:
        argv = [*command, "check", str(corpus.path), "--format", "json"]
        run = run_child(argv, stdout=out, timeout=timeout)
        out.seek(0)
        raw = out.read()
    row = Row("`numcheck check` cross-document", describe(corpus), run.wall, None, run.max_rss_mb)
    problem = failed(run)
    if problem:
        row.notes = problem
        return row, {}
    row.mb_per_s = corpus.megabytes / run.wall
    try:
        report = json.loads(raw)
    except json.JSONDecodeError as error:
        row.notes = f"exit {run.exit_code}; output is not JSON ({error})"
        return row, {}
    summary = report.get("summary", {})
    row.notes = (
        f"exit {run.exit_code}; {summary.get('claims', 0):,} claims, "
        f"{summary.get('errors', 0)} errors, {summary.get('warnings', 0)} warnings, "
        f"{summary.get('notes', 0)} notes"
    )
    row.extra["summary"] = summary
    return row, score(corpus, report.get("findings", []))


def score(corpus: Corpus, findings: list[dict[str, Any]]) -> dict[str, Any]:
    """Compare findings with the errors the generator injected (see the corpus manifest)."""
    root = corpus.path

    def key(path: str) -> str:
        p = Path(path)
        p = p if p.is_absolute() else (Path.cwd() / p)
        try:
            return p.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return path

    by_code: dict[str, int] = {}
    places: dict[str, set[tuple[str, int]]] = {}
    files_with: dict[str, set[str]] = {}
    for f in findings:
        code = f.get("code", "?")
        by_code[code] = by_code.get(code, 0) + 1
        spots = [(key(f["path"]), f["line"])]
        spots += [(key(r["path"]), r["line"]) for r in f.get("related") or []]
        places.setdefault(code, set()).update(spots)
        files_with.setdefault(code, set()).update(p for p, _ in spots)
    injections = corpus.manifest.get("injections", [])
    conv = [i for i in injections if i["kind"] == "conversion"]
    disagree = [i for i in injections if i["kind"] == "disagreement"]
    conv_hit = sum((i["path"], i["line"]) in places.get("NC101", set()) for i in conv)
    # A disagreement may be reported at any mention of the figure, or at the other article:
    # count it when a disagreement finding (or its related location) is in the injected file.
    disagree_files = files_with.get("NC201", set()) | files_with.get("NC202", set())
    disagree_hit = sum(i["path"] in disagree_files for i in disagree)
    injected_conv_spots = {(i["path"], i["line"]) for i in conv}
    nc101_spots = {(key(f["path"]), f["line"]) for f in findings if f.get("code") == "NC101"}
    return {
        "findings_by_code": dict(sorted(by_code.items())),
        "injected_conversions": len(conv),
        "conversions_found": conv_hit,
        "nc101_elsewhere": len(nc101_spots - injected_conv_spots),
        "injected_disagreements": len(disagree),
        "disagreements_found": disagree_hit,
    }


def describe(corpus: Corpus) -> str:
    return (
        f"{corpus.name}: {corpus.megabytes:.1f} MB, {corpus.files:,} files, "
        f"{corpus.stories:,} stories"
    )


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------


def fmt(value: float | None, spec: str) -> str:
    return "–" if value is None else format(value, spec)


def markdown(rows: list[Row], scores: dict[str, Any], meta: dict[str, Any]) -> str:
    lines = [
        f"numcheck {meta['numcheck_version']} · Python {meta['python']} · "
        f"{meta['cpu_count']} CPUs · {meta['date']} · load average "
        f"{meta['load_average_at_start']} at start, {meta['load_average_at_end']} at end",
        "",
        "| measurement | input | wall (s) | MB/s | peak RSS (MB) | notes |",
        "|---|---|---:|---:|---:|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r.what} | {r.corpus} | {fmt(r.wall, '.3f')} | {fmt(r.mb_per_s, '.2f')} | "
            f"{fmt(r.max_rss_mb, '.0f')} | {r.notes} |"
        )
    if scores:
        lines += [
            "",
            "Injected errors in the cross-document corpus and what `numcheck check` reported:",
            "",
            "| injected | count | reported |",
            "|---|---:|---:|",
            f"| wrong conversion (NC101) | {scores['injected_conversions']} | "
            f"{scores['conversions_found']} |",
            f"| disagreeing figure (NC201/NC202) | {scores['injected_disagreements']} | "
            f"{scores['disagreements_found']} |",
            "",
            "A wrong conversion counts as reported when NC101 is at its line; a disagreeing "
            "figure when NC201 or NC202 (or one of its related locations) is in its file. "
            f"NC101 findings at other lines: {scores['nc101_elsewhere']}. "
            f"Findings by code: {scores['findings_by_code'] or 'none'}.",
        ]
    return "\n".join(lines) + "\n"


def numcheck_version(command: list[str]) -> str:
    try:
        out = subprocess.run(
            [*command, "--version"], capture_output=True, text=True, timeout=60
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return "?"
    return out.strip().split()[-1] if out.strip() else "?"


def git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


# --------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2 MB / 500 articles smoke run")
    parser.add_argument("--skip-quantulum", action="store_true", help="leave out quantulum3")
    parser.add_argument(
        "--quantulum-budget",
        type=float,
        default=None,
        help="run quantulum3 on the whole corpus only if a 0.2 MB sample projects it to take at "
        "most this many seconds; otherwise on a 1 MB subset (default 120, 30 with --quick)",
    )
    parser.add_argument("--repeat", type=int, default=10, help="cold start runs (default 10)")
    parser.add_argument(
        "--timeout", type=float, default=1800.0, help="limit for one command (seconds)"
    )
    parser.add_argument(
        "--max-memory",
        type=float,
        default=8.0,
        help="kill a measured command whose resident memory passes this many GB (default 8)",
    )
    parser.add_argument(
        "--output", type=Path, default=RESULTS / "latest.json", help="where to write the JSON"
    )
    args = parser.parse_args(argv)
    global MEMORY_LIMIT_MB
    MEMORY_LIMIT_MB = args.max_memory * 1024
    if args.quantulum_budget is None:
        args.quantulum_budget = 30.0 if args.quick else 120.0

    command = numcheck_command()
    if args.quick:
        text = ensure_corpus("text-2mb", ["--megabytes", "2"])
        stories = ensure_corpus("stories-500x15", ["--articles", "500", "--stories", "15"])
    else:
        text = ensure_corpus("text-20mb", ["--megabytes", "20"])
        stories = ensure_corpus("stories-10000x300", ["--articles", "10000", "--stories", "300"])
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    sample = seeds[0] if seeds else min(text.path.rglob("*.txt"))

    meta = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "load_average_at_start": round(os.getloadavg()[0], 2),
        "numcheck_version": numcheck_version(command),
        "numcheck": command[0],
        "commit": git_commit(),
        "quick": args.quick,
        "generator": generator_digest(),
        "seed": SEED,
    }
    rows: list[Row] = []
    steps = [
        (
            "end to end",
            lambda: throughput_row(
                "`numcheck check --format json` (end to end)",
                text,
                [*command, "check", str(text.path), "--format", "json"],
                args.timeout,
            ),
        ),
        (
            "claims CLI",
            lambda: throughput_row(
                "`numcheck claims --format json` (extraction, CLI)",
                text,
                [*command, "claims", str(text.path), "--format", "json"],
                args.timeout,
            ),
        ),
        ("claims API", lambda: api_row(text, args.timeout)),
        ("cold start", lambda: cold_start_row(command, sample, args.repeat)),
    ]
    if not args.skip_quantulum:
        steps.append(("quantulum3", lambda: quantulum_row(text, 0.2, 1.0, args.quantulum_budget)))
    for label, step in steps:
        print(f"bench: {label} ...", file=sys.stderr, flush=True)
        rows.append(step())
    print("bench: cross-document ...", file=sys.stderr, flush=True)
    cross, scores = stories_row(command, stories, args.timeout)
    rows.append(cross)
    meta["load_average_at_end"] = round(os.getloadavg()[0], 2)

    table = markdown(rows, scores, meta)
    print(table)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "meta": meta,
        "corpora": {
            c.name: {
                "path": str(c.path.relative_to(ROOT)),
                "files": c.files,
                "bytes": c.bytes,
                "stories": c.stories,
            }
            for c in (text, stories)
        },
        "rows": [asdict(r) for r in rows],
        "cross_document_scores": scores,
        "markdown": table,
    }
    args.output.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"bench: wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
