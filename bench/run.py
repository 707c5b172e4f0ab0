"""Benchmark numcheck: every figure beside a reference measured in the same run.

    python bench/run.py                 # full run: 1, 4 and 16 MB; 10,000 articles / 300 stories
    python bench/run.py --quick         # smoke run: 0.25, 0.5 and 1 MB; 500 articles / 15 stories
    python bench/run.py --skip-quantulum

Wall times on a shared machine drift with its load, so each row is compared with a reference
run in the same session, at the same load: numcheck ``--jobs 1`` without the cache for the
throughput and corpus rows, quantulum3 on the same text for extraction speed, and Python's own
start-up for the start-up rows. Prints a Markdown table and writes bench/results/latest.json.

Corpora are generated into bench/corpus/ (git-ignored) by bench/generate.py, and regenerated
when missing or when the generator changed. Every measured command runs in its own child
process (in its own session); wall time is measured around it, and peak memory is the largest
total resident memory of all its processes (the parent and its workers), sampled every 0.1 s,
and never less than the parent's own maximum (from ``os.wait4``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
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
# Edits that a pre-commit run would see: a sentence with a figure appended (the article is
# extracted again), a figure of the article changed, or a name no article has added (the
# article's features change: the story grouping is made again from the last one).
ADDED = "\n\nOfficials said on Friday that {n} more flights had been cancelled.\n"
NAMED = "\n\nThe visit was led by deputy minister Oksana Vy{name}.\n"
FIGURE = re.compile(rb"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d{2,3})(?= [a-z])")  # "1,000 miles"

# Set from --max-memory: a child whose processes together pass this is killed, so that a
# runaway run reports "over memory" instead of starving the machine.
MEMORY_LIMIT_MB = 8192.0
# What the measured commands run with: this environment, less a setting that would make every
# run compile numcheck's modules again (an installed package has its bytecode written once).
CHILD_ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


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
    own_rss_mb: float = 0.0  # the child's own peak, without the processes it started
    cpu: float = 0.0  # user + system seconds of the child


def _group_rss_mb(group: int) -> float | None:
    """The resident memory of every process in the process group ``group``, summed."""
    total = 0
    found = False
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            if int(fields[2]) != group:  # the fields after the name: state, ppid, pgrp, ...
                continue
            with open(f"/proc/{entry}/statm", encoding="ascii") as statm:
                total += int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            found = True
        except (OSError, ValueError, IndexError):
            continue
    return total / (1024 * 1024) if found else None


def run_child(
    argv: list[str],
    *,
    stdout: Any = subprocess.DEVNULL,
    timeout: float = 1800.0,
    cwd: Path | None = None,
) -> Run:
    """Run ``argv``; its wall time, exit code and the peak memory of all its processes."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=err,
            start_new_session=True,
            cwd=cwd,
            env=CHILD_ENVIRONMENT,
        )
        done = threading.Event()
        reason: list[str] = []
        peak = [0.0]

        def kill(why: str) -> None:
            reason.append(why)
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        def watch() -> None:
            deadline = start + timeout
            while not done.wait(0.1):
                if time.perf_counter() > deadline:
                    kill("timeout")
                    return
                rss = _group_rss_mb(proc.pid)
                if rss is not None:
                    peak[0] = max(peak[0], rss)
                    if rss > MEMORY_LIMIT_MB:
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
        try:  # workers left behind by a killed run
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        tail = err.read().decode("utf-8", "replace")[-2000:]
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
    own = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return Run(
        argv,
        wall,
        max(own, peak[0]),
        proc.returncode,
        "timeout" in reason,
        "memory" in reason,
        tail,
        own,
        usage.ru_utime + usage.ru_stime,
    )


def run_captured(argv: list[str], *, timeout: float, cwd: Path | None = None) -> tuple[Run, bytes]:
    with tempfile.TemporaryFile() as out:
        run = run_child(argv, stdout=out, timeout=timeout, cwd=cwd)
        out.seek(0)
        return run, out.read()


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


def describe(corpus: Corpus) -> str:
    return f"{corpus.megabytes:.1f} MB, {corpus.files:,} files, {corpus.stories:,} stories"


# --------------------------------------------------------------------------------------------
# Rows
# --------------------------------------------------------------------------------------------


@dataclass
class Row:
    section: str
    what: str
    input: str
    wall: float | None = None
    mb_per_s: float | None = None
    rss_mb: float | None = None
    reference: str = ""
    ratio: float | None = None  # the reference's wall time over this one's (> 1: faster)
    notes: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def measured(section: str, what: str, corpus: Corpus | None, run: Run, label: str = "") -> Row:
    row = Row(section, what, label or (describe(corpus) if corpus else ""))
    problem = failed(run)
    row.rss_mb = run.max_rss_mb
    if problem:
        row.notes = problem
        return row
    row.wall = run.wall
    if corpus is not None:
        row.mb_per_s = corpus.megabytes / run.wall
    row.extra["argv"] = " ".join(run.argv)
    return row


def compare(row: Row, reference: Row, name: str) -> Row:
    row.reference = name
    if row.wall and reference.wall:
        row.ratio = reference.wall / row.wall
    return row


QUANTULUM_SCRIPT = r"""
import json, sys, time, warnings
warnings.simplefilter("ignore")
try:
    from quantulum3 import parser
except ImportError as error:
    print(json.dumps({"error": f"quantulum3 is not installed ({error})"}))
    raise SystemExit(0)
parser.parse("It flew 190 miles (306 km) on 2 March.")  # loads its unit tables
texts = [open(p, encoding="utf-8").read() for p in sys.argv[1:]]
t0 = time.perf_counter()
found = sum(len(parser.parse(text)) for text in texts)
t1 = time.perf_counter()
print(json.dumps({"parse": t1 - t0, "quantities": found,
                  "bytes": sum(len(t.encode("utf-8")) for t in texts)}))
"""


def quantulum_row(corpus: Corpus, timeout: float) -> Row:
    """quantulum3 on every article of ``corpus``, timed around its parsing only."""
    files = sorted(str(p) for p in corpus.path.rglob("*") if p.is_file())
    run, out = run_captured([sys.executable, "-c", QUANTULUM_SCRIPT, *files], timeout=timeout)
    row = Row("throughput", "quantulum3 `parser.parse()` per article", describe(corpus))
    row.rss_mb = run.max_rss_mb
    text = out.decode("utf-8", "replace").strip()
    problem = failed(run) or (None if text else "no output")
    if problem:
        row.notes = problem
        return row
    data = json.loads(text.splitlines()[-1])
    if "error" in data:
        row.notes = f"n/a: {data['error']}"
        return row
    row.wall = data["parse"]
    row.mb_per_s = data["bytes"] / 1e6 / data["parse"]
    row.notes = f"{data['quantities']:,} quantities; its load time not counted"
    return row


def throughput_rows(
    command: list[str], corpora: list[Corpus], args: argparse.Namespace
) -> list[Row]:
    """``numcheck check`` on each corpus: one process (the reference), then every core; and
    quantulum3 on the smallest, as the yardstick for extraction speed."""
    rows: list[Row] = []
    yardstick = None
    if not args.skip_quantulum:
        progress("quantulum3")
        yardstick = quantulum_row(corpora[0], args.timeout)
        rows.append(yardstick)
    for corpus in corpora:
        base = [*command, "check", str(corpus.path), "--format", "json", "--no-cache"]
        progress(f"throughput {corpus.name}")
        one = measured("throughput", "`numcheck check`, `--jobs 1`", corpus, run_child(
            [*base, "--jobs", "1"], timeout=args.timeout
        ))  # fmt: skip
        if one.wall:
            one.notes = f"{one.wall / corpus.megabytes:.2f} s per MB"
        if yardstick is not None and yardstick.mb_per_s and one.mb_per_s:
            one.reference = f"quantulum3, {corpora[0].name}"
            one.ratio = one.mb_per_s / yardstick.mb_per_s
        every = measured("throughput", "`numcheck check`, every core", corpus, run_child(
            base, timeout=args.timeout
        ))  # fmt: skip
        rows += [one, compare(every, one, "`--jobs 1`")]
    return rows


def startup_rows(command: list[str], sample: Path, repeat: int) -> list[Row]:
    """One small file: Python's own start-up (the reference), numcheck without the cache,
    and numcheck with its cache warm (what a pre-commit hook or an editor pays)."""
    progress("start-up")
    label = f"{sample.name}, {sample.stat().st_size / 1000:.1f} KB"
    with tempfile.TemporaryDirectory() as cache:
        cases = [
            ("Python start-up (`python -c pass`)", [sys.executable, "-c", "pass"]),
            ("`numcheck check` one file, no cache", [*command, "check", str(sample), "--no-cache"]),
            (
                "`numcheck check` one file, warm cache",
                [*command, "check", str(sample), "--cache-dir", cache],
            ),
        ]
        run_child(cases[2][1], timeout=120)  # fills the cache
        walls: dict[str, list[float]] = {name: [] for name, _ in cases}
        rss: dict[str, float] = dict.fromkeys(walls, 0.0)
        problems: dict[str, str] = {}
        for _ in range(repeat):  # interleaved, so that drifting load touches all alike
            for name, argv in cases:
                run = run_child(argv, timeout=120)
                problems[name] = problems.get(name) or failed(run) or ""
                walls[name].append(run.wall)
                rss[name] = max(rss[name], run.max_rss_mb)
    rows = []
    for name, _ in cases:
        row = Row("start-up", f"{name}, median of {repeat}", label)
        row.wall, row.rss_mb = statistics.median(walls[name]), rss[name]
        row.notes = problems[name] or f"min {min(walls[name]):.3f} s, max {max(walls[name]):.3f} s"
        row.extra["walls"] = walls[name]
        rows.append(row)
    for row in rows[1:]:
        row.reference = "Python start-up"
        row.ratio = row.wall / rows[0].wall if row.wall and rows[0].wall else None
    return rows


def corpus_rows(
    command: list[str], corpus: Corpus, cache: Path, timeout: float
) -> tuple[list[Row], dict[str, Any]]:
    """The whole corpus, cold in one process (the reference), cold on every core with an
    empty cache, and again with the cache warm; the three reports must be the same."""
    base = [*command, "check", str(corpus.path), "--format", "json"]
    progress(f"corpus {corpus.name}: --jobs 1, no cache")
    run, reference_json = run_captured([*base, "--jobs", "1", "--no-cache"], timeout=timeout)
    reference = measured("corpus", "cold, `--jobs 1 --no-cache`", corpus, run)
    shutil.rmtree(cache, ignore_errors=True)
    progress(f"corpus {corpus.name}: every core, empty cache")
    run, cold_json = run_captured([*base, "--cache-dir", str(cache)], timeout=timeout)
    cold = compare(measured("corpus", "cold, every core, empty cache", corpus, run), reference,
                   "`--jobs 1 --no-cache`")  # fmt: skip
    progress(f"corpus {corpus.name}: every core, warm cache")
    run, warm_json = run_captured([*base, "--cache-dir", str(cache)], timeout=timeout)
    warm = compare(measured("corpus", "warm cache, every core", corpus, run), reference,
                   "`--jobs 1 --no-cache`")  # fmt: skip
    same = cold_json == reference_json and warm_json == reference_json
    for row in (cold, warm):
        row.notes = "same report as the reference" if same else "REPORT DIFFERS"
    if not same:  # kept for a look at what differs
        RESULTS.mkdir(parents=True, exist_ok=True)
        for name, report in (
            ("reference", reference_json),
            ("cold", cold_json),
            ("warm", warm_json),
        ):
            (RESULTS / f"corpus-{name}.json").write_bytes(report)
        for row in (cold, warm):
            row.notes += f" (the three reports are in {RESULTS.relative_to(ROOT)}/corpus-*.json)"
    scores: dict[str, Any] = {}
    try:
        report = json.loads(reference_json)
        summary = report["summary"]
        reference.notes = (
            f"{summary['claims']:,} claims, {summary['errors']} errors, "
            f"{summary['warnings']} warnings, {summary['notes']} notes"
        )
        scores = score(corpus, report["findings"])
    except (json.JSONDecodeError, KeyError):
        reference.notes = reference.notes or "output is not the JSON report"
    return [reference, cold, warm], scores


def precommit_rows(
    command: list[str], corpus: Corpus, cache: Path, repeat: int, timeout: float
) -> list[Row]:
    """A pre-commit run: one changed article checked against the corpus named in the config.

    The reference reads and extracts the whole corpus in one process; the measured runs find
    everything but the changed article in the warm cache. Each repetition changes the article
    anew, so it is never in the cache: with a sentence with a figure appended, with one of its
    figures changed (its names and facts stay: the last story grouping is kept), and with a
    name no other article has added (its features change: the grouping is made again from the
    last one, over the part of the corpus the change reaches)."""
    article = min(path for path in corpus.path.rglob("*.txt"))
    original = article.read_bytes()
    with tempfile.NamedTemporaryFile("w", suffix=".toml", dir=CORPUS_ROOT, delete=False) as cfg:
        cfg.write(f'corpus = ["{corpus.name}/**/*.md", "{corpus.name}/**/*.txt"]\n')
    config = Path(cfg.name)
    base = [*command, "check", str(article), "--config", str(config), "--format", "json"]
    label = f"1 changed file, {corpus.files:,}-article corpus"
    edits = [
        ("a sentence added", lambda n: original + ADDED.format(n=n + 12).encode()),
        ("a figure changed", lambda n: _changed_figure(original, n)),
        ("a new name added", lambda n: original + NAMED.format(name=_letters(n)).encode()),
    ]
    try:
        alone = measured("pre-commit", "one file, no corpus, no cache", None, run_child(
            [*command, "check", str(article), "--no-cache"], timeout=timeout
        ), label=article.name)  # fmt: skip
        article.write_bytes(edits[0][1](0))
        progress("pre-commit: --jobs 1, no cache")
        run, expected = run_captured([*base, "--jobs", "1", "--no-cache"], timeout=timeout)
        reference = measured("pre-commit", "`--jobs 1 --no-cache`", None, run, label)
        rows = [alone, reference]
        for name, edit in edits:
            walls: list[float] = []
            peak = 0.0
            same = True
            for n in range(repeat):
                article.write_bytes(edit(n))
                progress(f"pre-commit: warm cache, {name} ({n + 1} of {repeat})")
                run, found = run_captured([*base, "--cache-dir", str(cache)], timeout=timeout)
                if failed(run):
                    walls = []
                    break
                if name == edits[0][0] and n == 0:
                    same = found == expected
                walls.append(run.wall)
                peak = max(peak, run.max_rss_mb)
            warm = Row("pre-commit", f"warm cache, {name}, median of {repeat}", label)
            warm.rss_mb = peak
            if walls:
                warm.wall = statistics.median(walls)
                warm.notes = f"min {min(walls):.2f} s, max {max(walls):.2f} s"
                if name == edits[0][0]:
                    warm.notes = ("same" if same else "REPORT DIFFERS from the") + (
                        f" report as the reference; {warm.notes}"
                    )
            rows.append(compare(warm, reference, "`--jobs 1 --no-cache`"))
    finally:
        article.write_bytes(original)
        config.unlink()
    return rows


STORIES_SCRIPT = r"""
import json, sys, time
from numcheck import engine
from numcheck.alignment.stories import group_stories
from numcheck.cache import ClaimsCache
from numcheck.reading.discover import discover
from numcheck.reading.documents import Document
paths = discover([sys.argv[2]])
found = engine.run([engine.Work(p) for p in paths], cache=ClaimsCache(sys.argv[1]), jobs=None)
records = [r for r in found if not isinstance(r, Exception)]
times = {}
for count in (len(records) // 4, len(records) // 2, len(records)):
    part = records[:count]
    documents = [Document(r.path, "", "", r.story) for r in part]
    features = {r.path: r.features for r in part}
    best = None
    for _ in range(3):
        start = time.perf_counter()
        group_stories(documents, {}, features_of=features)
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
    times[count] = best
print(json.dumps(times))
"""


def stories_rows(corpus: Corpus, cache: Path, timeout: float) -> list[Row]:
    """Story grouping alone (``group_stories`` on the features the cache holds) on the first
    quarter, half and all of the corpus, best of three each: linear when the time per 1,000
    documents stays the same."""
    progress("story grouping")
    run, out = run_captured(
        [sys.executable, "-c", STORIES_SCRIPT, str(cache), str(corpus.path)], timeout=timeout
    )
    problem = failed(run)
    text = out.decode("utf-8", "replace").strip()
    if problem or not text:
        return [Row("stories", "story grouping", describe(corpus), notes=problem or "no output")]
    rows: list[Row] = []
    first_per_document = None
    for count, took in json.loads(text.splitlines()[-1]).items():
        per_document = took / int(count)
        row = Row("stories", "story grouping alone, best of 3", f"{int(count):,} documents")
        row.wall = took
        row.notes = f"{per_document * 1000:.3f} s per 1,000 documents"
        if first_per_document is None:
            first_per_document = per_document
        else:
            row.reference = f"{rows[0].input}, per document"
            row.ratio = first_per_document / per_document
        rows.append(row)
    return rows


def _letters(n: int) -> str:
    """A word of its own for each n (and each run of the bench: a name no article has)."""
    return "".join(chr(ord("a") + int(digit)) for digit in f"{time.time_ns() // 1000}{n}")


def _changed_figure(text: bytes, n: int) -> bytes:
    """``text`` with the last digit of its first figure changed (another one for each n)."""
    found = FIGURE.search(text)
    if found is None:
        return text + ADDED.format(n=n + 12).encode()
    digit = (int(chr(found.group()[-1])) + n + 1) % 10
    return text[: found.end() - 1] + str(digit).encode() + text[found.end() :]


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
        "| section | measurement | input | wall (s) | MB/s | peak RSS (MB) | reference | ratio | "
        "notes |",
        "|---|---|---|---:|---:|---:|---|---:|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r.section} | {r.what} | {r.input} | {fmt(r.wall, '.3f')} | "
            f"{fmt(r.mb_per_s, '.2f')} | {fmt(r.rss_mb, '.0f')} | {r.reference} | "
            f"{fmt(r.ratio, '.2f')} | {r.notes} |"
        )
    lines += [
        "",
        "ratio: the reference's wall time over the row's (above 1: faster than the reference); "
        "against quantulum3, numcheck's MB/s over quantulum3's; for start-up, the row's wall "
        "time over Python's own start-up.",
    ]
    if scores:
        lines += [
            "",
            "Injected errors in the corpus and what `numcheck check` reported: "
            f"{scores['conversions_found']} of {scores['injected_conversions']} wrong "
            f"conversions (NC101 elsewhere: {scores['nc101_elsewhere']}), "
            f"{scores['disagreements_found']} of {scores['injected_disagreements']} disagreeing "
            f"figures (NC201/NC202). Findings by code: {scores['findings_by_code'] or 'none'}.",
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


def progress(label: str) -> None:
    print(f"bench: {label} ...", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------


SECTIONS = ("startup", "throughput", "corpus", "precommit", "stories")


def _sections(value: str) -> tuple[str, ...]:
    names = tuple(name.strip() for name in value.split(",") if name.strip())
    unknown = [name for name in names if name not in SECTIONS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown section {', '.join(unknown) or repr(value)} (sections: {', '.join(SECTIONS)})"
        )
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small corpora, for a smoke run")
    parser.add_argument("--skip-quantulum", action="store_true", help="leave out quantulum3")
    parser.add_argument("--repeat", type=int, default=10, help="start-up runs (default 10)")
    parser.add_argument(
        "--precommit-repeat", type=int, default=3, help="pre-commit runs (default 3)"
    )
    parser.add_argument(
        "--timeout", type=float, default=1800.0, help="limit for one command (seconds)"
    )
    parser.add_argument(
        "--max-memory",
        type=float,
        default=8.0,
        help="kill a measured command whose processes together pass this many GB (default 8)",
    )
    parser.add_argument(
        "--output", type=Path, default=RESULTS / "latest.json", help="where to write the JSON"
    )
    parser.add_argument(
        "--only",
        type=_sections,
        default=SECTIONS,
        help=f"the sections to run, comma-separated (default all: {','.join(SECTIONS)})",
    )
    args = parser.parse_args(argv)
    global MEMORY_LIMIT_MB
    MEMORY_LIMIT_MB = args.max_memory * 1024

    command = numcheck_command()
    sizes = (0.25, 0.5, 1) if args.quick else (1, 4, 16)
    texts = [
        ensure_corpus(f"text-{size:g}mb", ["--megabytes", f"{size:g}"])
        for size in (sizes if "throughput" in args.only else ())
    ]
    if args.quick:
        stories = ensure_corpus("stories-500x15", ["--articles", "500", "--stories", "15"])
    else:
        stories = ensure_corpus("stories-10000x300", ["--articles", "10000", "--stories", "300"])
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    sample = seeds[0] if seeds else min(stories.path.rglob("*.txt"))

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
    scores: dict[str, Any] = {}
    if "startup" in args.only:
        rows += startup_rows(command, sample, args.repeat)
    if "throughput" in args.only:
        rows += throughput_rows(command, texts, args)
    with tempfile.TemporaryDirectory(prefix="numcheck-bench-cache-") as cache:
        if "corpus" in args.only:
            found, scores = corpus_rows(command, stories, Path(cache), args.timeout)
            rows += found
        elif {"precommit", "stories"} & set(args.only):
            progress(f"corpus {stories.name}: filling the cache (not measured)")
            run_child([*command, "check", str(stories.path), "--format", "json", "--cache-dir",
                       cache], timeout=args.timeout)  # fmt: skip
        if "precommit" in args.only:
            rows += precommit_rows(
                command, stories, Path(cache), args.precommit_repeat, args.timeout
            )
        if "stories" in args.only:
            rows += stories_rows(stories, Path(cache), args.timeout)
    meta["load_average_at_end"] = round(os.getloadavg()[0], 2)

    table = markdown(rows, scores, meta)
    print(table)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "meta": meta,
        "corpora": {
            c.name: {"path": str(c.path.relative_to(ROOT)), "files": c.files, "bytes": c.bytes}
            for c in (*texts, stories)
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
