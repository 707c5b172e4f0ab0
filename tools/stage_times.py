"""CPU time of each stage of a check run, per MB of input.

    python tools/stage_times.py CORPUS [CORPUS ...] [--repeat N]    (after pip install -e .)

For each corpus (a file or folder, read as ``numcheck check`` reads it): reading, extraction
(``numcheck.extraction.extract``), frames (``numcheck.alignment.frames``), and the rest of
``check_documents`` (grouping into stories, the checks, suppressions), each the fastest of
``--repeat`` runs in one process, in CPU seconds per MB (10^6 bytes of UTF-8 input); then all
four together, and the throughput that makes on one core. Start-up (imports, rule packs,
compiled expressions) is left out: they are built before the first run is timed. A time per MB
that stays the same from a small corpus to a large one means the stage is linear in its input.
"""

from __future__ import annotations

import argparse
import time

from numcheck.alignment.frames import frame_claims
from numcheck.api import check_documents
from numcheck.api import read_documents
from numcheck.extraction.extract import extract

STAGES = ("read", "extract", "frames", "stories and checks")


def stage_times(path: str, repeat: int = 1) -> dict[str, float]:
    """The fastest CPU seconds of each stage over ``repeat`` runs, with ``MB``, ``files``
    and ``claims``."""
    _warm_up(path)
    best: dict[str, float] = {}
    for _ in range(repeat):
        marks = [time.process_time()]
        documents, _ = read_documents([path])
        marks.append(time.process_time())
        raw = [extract(document) for document in documents]
        marks.append(time.process_time())
        framed = [frame_claims(doc, found) for doc, found in zip(documents, raw, strict=True)]
        marks.append(time.process_time())
        claims = {doc.path: found for doc, found in zip(documents, framed, strict=True)}
        check_documents(documents, extracted=claims)
        marks.append(time.process_time())
        for stage, before, after in zip(STAGES, marks[:-1], marks[1:], strict=True):
            best[stage] = min(best.get(stage, after - before), after - before)
    best["MB"] = sum(len(document.source.encode("utf-8")) for document in documents) / 1e6
    best["files"] = len(documents)
    best["claims"] = sum(len(found) for found in framed)
    return best


def _warm_up(path: str) -> None:
    """Build the rule packs, the grammar and the checks before anything is timed."""
    documents, _ = read_documents([path])
    check_documents(documents[:1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="+", help="files or folders, one corpus each")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each stage (fastest kept)")
    args = parser.parse_args(argv)
    heads = ["corpus", "MB", "files", "claims", *(f"{s} (s/MB)" for s in STAGES)]
    print("| " + " | ".join([*heads, "total (s/MB)", "MB/s"]) + " |")
    print("|---|" + "---:|" * (len(heads) + 1))
    for path in args.corpus:
        times = stage_times(path, args.repeat)
        per_mb = [times[stage] / times["MB"] for stage in STAGES]
        cells = [path, f"{times['MB']:.2f}", f"{times['files']:,}", f"{times['claims']:,}"]
        cells += [f"{value:.3f}" for value in per_mb]
        cells += [f"{sum(per_mb):.3f}", f"{1 / sum(per_mb):.2f}"]
        print("| " + " | ".join(cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
