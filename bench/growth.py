"""How numcheck's time and memory grow with the size of hostile text.

    python bench/growth.py                          # every shape at 0.1, 1 and 10 MB
    python bench/growth.py --sizes 0.1,1 --shapes long-line,table
    python bench/growth.py --formats json,sarif --shapes alternating --sizes 0.1

Each shape of ``bench/shapes.py`` is written at each size into a temporary folder and checked
by the installed command, ``numcheck check FILE --format json --no-cache`` (the work itself,
not a cached copy of it), in a child process of its own. For each run the table gives the
wall time, the CPU time (user + system: on a shared machine the steadier figure), the CPU
seconds per MB, the claims found and the CPU microseconds per claim (JSON reports only: the
cost of one figure, which is what a text dense in figures pays for), the peak resident
memory, the size of the report, and the growth: the CPU
time of the work (the run minus the start-up of numcheck on an empty file) divided by that
of the size before, over the ratio of the sizes, so 1.00 is linear and 1.20 is 20% worse
than linear. A run past ``--timeout`` is stopped and says so; one that met numcheck's figure
limit (``max-figures``: the rest of the file is not read) says "read to max-figures", and
``--max-figures 0`` measures every shape read whole. The first line gives the load average,
since wall times are only comparable at a similar load.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import run as runner  # noqa: E402
from shapes import SHAPES  # noqa: E402


@dataclass
class Row:
    shape: str
    megabytes: float
    wall: float
    cpu: float
    peak_mb: float
    output_mb: float
    exit_code: int
    claims: int | None = None
    stopped: str = ""
    limited: bool = False  # read up to the figure limit (numcheck's max-figures)
    growth: float | None = None

    def per_mb(self, startup: float) -> float:
        return max(self.cpu - startup, 0.0) / self.megabytes

    def per_claim(self, startup: float) -> str:
        """CPU microseconds per claim found, or a dash when the report did not say."""
        if not self.claims:
            return "–"
        return f"{max(self.cpu - startup, 0.0) / self.claims * 1e6:.0f}"


def measure(
    command: list[str], path: Path, output_format: str, timeout: float, flags: tuple[str, ...] = ()
) -> runner.Run:
    with tempfile.TemporaryFile() as out:
        result = runner.run_child(
            [*command, "check", str(path), "--format", output_format, "--no-cache", *flags],
            stdout=out,
            timeout=timeout,
        )
        out.seek(0, os.SEEK_END)
        result.output_bytes = out.tell()  # type: ignore[attr-defined]
        out.seek(max(0, result.output_bytes - 4096))  # type: ignore[attr-defined]
        found = _CLAIMS.findall(out.read())
        result.claims = int(found[-1]) if found else None  # type: ignore[attr-defined]
    return result


# The count of claims in the summary at the end of a JSON report.
_CLAIMS = re.compile(rb'"claims":\s*(\d+)')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="0.1,1,10", help="sizes in MB (default 0.1,1,10)")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="shapes, comma-separated")
    parser.add_argument("--formats", default="json", help="report formats (default json)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds for one run")
    parser.add_argument("--max-memory", type=float, default=6.0, help="GB before a run is killed")
    parser.add_argument(
        "--max-figures", help="numcheck's --max-figures (default: its own, 10000; 0: no limit)"
    )
    args = parser.parse_args(argv)
    flags = ("--max-figures", args.max_figures) if args.max_figures is not None else ()
    runner.MEMORY_LIMIT_MB = args.max_memory * 1024
    sizes = [float(size) for size in args.sizes.split(",")]
    shapes = [shape.strip() for shape in args.shapes.split(",") if shape.strip()]
    unknown = [shape for shape in shapes if shape not in SHAPES]
    if unknown:
        parser.error(f"unknown shape {unknown[0]!r} (known: {', '.join(SHAPES)})")
    command = runner.numcheck_command()

    load = os.getloadavg()[0]
    print(f"numcheck growth bench · {os.cpu_count()} CPUs · load average {load:.2f} at start")
    with tempfile.TemporaryDirectory(prefix="numcheck-growth-") as folder:
        empty = Path(folder, "empty.txt")
        empty.write_text("", encoding="utf-8")
        startup = min(measure(command, empty, "json", args.timeout).cpu for _ in range(3))
        print(f"start-up (empty file): {startup:.2f} s CPU, subtracted before growth ratios")
        print()
        print(
            "| shape | format | MB | wall s | CPU s | CPU s/MB | claims | CPU µs/claim "
            "| peak MB | report MB | growth |"
        )
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for shape in shapes:
            for output_format in args.formats.split(","):
                previous: Row | None = None
                for size in sizes:
                    name, text = SHAPES[shape](int(size * 1e6))
                    path = Path(folder, name)
                    path.write_text(text, encoding="utf-8", newline="")
                    megabytes = path.stat().st_size / 1e6
                    result = measure(command, path, output_format, args.timeout, flags)
                    row = Row(
                        shape,
                        megabytes,
                        result.wall,
                        result.cpu,
                        result.max_rss_mb,
                        result.output_bytes / 1e6,  # type: ignore[attr-defined]
                        result.exit_code,
                        result.claims,  # type: ignore[attr-defined]
                        "timed out" if result.timed_out else "over memory"
                        if result.over_memory else "",
                        "max-figures" in result.stderr_tail,
                    )  # fmt: skip
                    if previous is not None and not previous.stopped and not row.stopped:
                        work = max(row.cpu - startup, 1e-3) / max(previous.cpu - startup, 1e-3)
                        row.growth = work / (row.megabytes / previous.megabytes)
                    print(_line(row, output_format, startup), flush=True)
                    path.unlink()
                    previous = row
                    if row.stopped:
                        break
    end = os.getloadavg()[0]
    print()
    print(f"load average {end:.2f} at the end")
    return 0


def _line(row: Row, output_format: str, startup: float) -> str:
    growth = f"{row.growth:.2f}" if row.growth is not None else "–"
    if row.stopped:
        return (
            f"| {row.shape} | {output_format} | {row.megabytes:.1f} | {row.stopped} after "
            f"{row.wall:.0f} | {row.cpu:.1f} | – | – | – | {row.peak_mb:.0f} | – | – |"
        )
    if row.limited:
        status = " (read to max-figures)"
    else:
        status = "" if row.exit_code in (0, 1) else f" (exit {row.exit_code})"
    if output_format == "json" and row.claims is None:
        status += " (no report)"  # a crash exits 1 too, with nothing on stdout
    return (
        f"| {row.shape}{status} | {output_format} | {row.megabytes:.1f} | {row.wall:.1f} "
        f"| {row.cpu:.1f} | {row.per_mb(startup):.2f} | {row.claims or '–'} "
        f"| {row.per_claim(startup)} | {row.peak_mb:.0f} "
        f"| {row.output_mb:.2f} | {growth} |"
    )


if __name__ == "__main__":
    raise SystemExit(main())
