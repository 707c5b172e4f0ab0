"""Fuzz numcheck: the properties of tests/test_properties.py, with fresh seeds, for N minutes.

    python tools/fuzz.py --minutes 30                 # writes failing inputs to fuzz-failures/
    python tools/fuzz.py --minutes 5 --out /tmp/found
    python tools/fuzz.py --replay tests/fixtures/fuzz # run stored reproducers again

Each round runs every property on a batch of inputs hypothesis makes from a new random seed.
An input that breaks a property is shrunk by hypothesis to a small one and written to the
output folder as ``PROPERTY-HASH.json`` (the property, the file name, the text and the
error), once for each distinct error; ``--replay`` reads such files back and reports the
ones that still fail. The last lines say how many inputs were tried and what failed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck  # noqa: E402
from hypothesis import given  # noqa: E402
from hypothesis import seed  # noqa: E402
from hypothesis import settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from testing.properties import check_cache  # noqa: E402
from testing.properties import check_fix  # noqa: E402
from testing.properties import check_pipeline  # noqa: E402
from testing.properties import paths  # noqa: E402
from testing.properties import texts  # noqa: E402

BATCH = 200


def _cache_versions(path: str, parts: list[str]) -> None:
    versions = ["\n\n".join(parts[: index + 1]) for index in range(len(parts))]
    check_cache(path, versions + versions[::-1] + ["\n\n".join(reversed(parts))])


PROPERTIES: dict[str, tuple[Callable[..., Any], tuple[Any, ...]]] = {
    "pipeline": (check_pipeline, (paths(), texts())),
    "fix": (check_fix, (paths(), texts())),
    "cache": (_cache_versions, (paths(), st.lists(texts(20), min_size=1, max_size=4))),
}


class Campaign:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.tried = 0
        self.found: dict[str, Path] = {}  # distinct error -> reproducer
        self.last_failure: tuple[str, tuple[Any, ...], str] | None = None

    def round(self, name: str, round_seed: int) -> None:
        check, strategies = PROPERTIES[name]

        def probe(path: str, value: Any) -> None:
            self.tried += 1
            try:
                check(path, value)
            except Exception:
                self.last_failure = (name, (path, value), traceback.format_exc(limit=6))
                raise

        test = settings(
            max_examples=BATCH,
            database=None,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            print_blob=False,
        )(seed(round_seed)(given(*strategies)(probe)))
        self.last_failure = None
        try:
            test()
        except Exception as error:  # the shrunk example ran last: it is self.last_failure
            if self.last_failure is None:  # not the text's doing: a fault of the campaign
                raise
            self.keep(error)

    def keep(self, error: Exception) -> None:
        assert self.last_failure is not None
        name, arguments, trace = self.last_failure
        signature = f"{name}: {type(error).__name__}: {str(error).splitlines()[0][:120]}"
        if signature in self.found:
            return
        record = {"property": name, "arguments": list(arguments), "error": trace}
        digest = hashlib.sha256(json.dumps(record["arguments"]).encode()).hexdigest()[:12]
        self.out.mkdir(parents=True, exist_ok=True)
        path = self.out / f"{name}-{digest}.json"
        path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", "utf-8")
        self.found[signature] = path
        print(f"fuzz: {signature}\n      kept as {path}", flush=True)


def replay(folder: Path) -> int:
    """Run every stored reproducer again; 1 if any still fails."""
    failing = 0
    files = sorted(folder.glob("*.json"))
    for path in files:
        record = json.loads(path.read_text("utf-8"))
        check = PROPERTIES[record["property"]][0]
        try:
            check(*record["arguments"])
        except Exception as error:
            failing += 1
            print(f"fuzz: {path.name} still fails: {type(error).__name__}: {error}")
    print(f"fuzz: {len(files)} reproducers replayed, {failing} failing")
    return 1 if failing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=1.0, help="how long to fuzz")
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"), help="reproducers")
    parser.add_argument("--seed", type=int, default=None, help="the first round's seed")
    parser.add_argument("--replay", type=Path, metavar="FOLDER", help="run reproducers again")
    args = parser.parse_args(argv)
    if args.replay is not None:
        return replay(args.replay)
    campaign = Campaign(args.out)
    chooser = random.Random(args.seed)
    started = time.monotonic()
    deadline = started + args.minutes * 60
    rounds = 0
    while time.monotonic() < deadline:
        for name in PROPERTIES:
            campaign.round(name, chooser.getrandbits(64))
        rounds += 1
    minutes = (time.monotonic() - started) / 60
    print(
        f"fuzz: {campaign.tried:,} inputs tried in {minutes:.1f} minutes ({rounds} rounds of "
        f"{BATCH} a property, {len(PROPERTIES)} properties); "
        f"{len(campaign.found)} distinct failures"
    )
    return 1 if campaign.found else 0


if __name__ == "__main__":
    raise SystemExit(main())
