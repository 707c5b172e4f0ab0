"""Edit-to-diagnostics latency of ``numcheck lsp``, and the server's peak memory.

    python bench/lsp_latency.py                       # 50 edits on a 5,000-word article
    python bench/lsp_latency.py --edits 200 --others 30

A 5,000-word news article is generated (deterministically) into a temporary workspace folder,
once alone and once among ``--others`` articles of the same story on disk; a dense article of
the same length, with a figure in almost every sentence (646 figures), is measured alone
too. The server runs with the debounce off (``initializationOptions: {"debounceMs": 0}``), so
what is measured is the check itself: each edit turns one conversion right or wrong ("190
miles (306 km)" and "(360 km)" in turn) with an incremental ``didChange``, and the latency is
the time from sending it to receiving the ``publishDiagnostics`` of that version. On the
dense article, a last scenario types instead: each edit adds a word at the start of the
article's first paragraph or takes it away again, so that every paragraph after it moves.
"open" is the first check after ``didOpen``, which also reads the folder and loads the unit
registry. "CPU ms" is the processor time the server spent an edit (user and system, from
``/proc``; Linux only), which depends less on the machine's other load than the latency does.
Peak memory is the server's maximum resident set size, from ``os.wait4`` once it has exited.

The client is a small JSON-RPC loop over the server's stdin and stdout (no client library),
so the figures are the server's own. Needs the ``lsp`` extra: ``pip install -e '.[lsp]'``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PLACES = ["Kyiv", "Kharkiv", "Odesa", "Kursk", "Belgorod", "Zaporizhzhia", "Dnipro", "Sumy"]
PEOPLE = ["Zelenskiy", "Sikorski", "Dzhabarov", "Austin", "Blinken", "Rutte", "Sybiha"]
NOUNS = (
    "tanks drones shells rockets generators ambulances trucks buses volunteers engineers medics "
    "interpreters refugees families homes schools hospitals bridges substations warehouses "
    "tractors ferries satellites radars launchers helicopters jets howitzers mortars mines "
    "vests helmets rations blankets tents stoves transformers cables pumps boilers"
).split()
THINGS = ["missile base", "drone depot", "rail bridge", "air base", "fuel depot", "dam"]
FILLER = (
    "officials said the decision followed months of debate in Washington and among allies "
    "while analysts warned that the shift could change the course of the fighting and the "
    "talks that may follow later this winter according to people familiar with the matter"
).split()
TARGET = "The missile has a range of up to 190 miles (306 km), officials said."
DENSE = 0.93  # the share of sentences with a figure in the dense article
RIGHT, WRONG = "306", "360"


def story_facts() -> list[str]:
    """The figures of one story, each subject with one figure, as sentences."""
    rng = random.Random(0)
    facts = []
    for noun in NOUNS:
        person, place = rng.choice(PEOPLE), rng.choice(PLACES)
        facts.append(f"{person} said {rng.randint(2, 90) * 10:,} {noun} had reached {place}.")
    for thing in THINGS:
        miles = rng.randint(5, 400)
        km = round(miles * 1.609344)
        facts.append(f"The {thing} lies {miles} miles ({km} km) from the border.")
    return facts


def article(words: int, seed: int, *, figures: float = 0.2) -> str:
    """About ``words`` words of news prose in paragraphs, with ``TARGET`` in the middle: mostly
    prose without figures, and a share ``figures`` of the sentences stating a figure of the
    story (one in five by default)."""
    rng = random.Random(seed)
    facts = story_facts()
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            if rng.random() < figures:
                sentences.append(rng.choice(facts))
            else:
                filler = " ".join(rng.choice(FILLER) for _ in range(rng.randint(12, 24)))
                sentences.append(f"In {rng.choice(PLACES)}, {filler}.")
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    paragraphs.insert(len(paragraphs) // 2, TARGET)
    return "# Long-range strikes\n\n" + "\n\n".join(paragraphs) + "\n"


class Server:
    """``numcheck lsp`` in a child process, spoken to over its stdin and stdout."""

    def __init__(self, folder: Path) -> None:
        command = [sys.executable, "-m", "numcheck", "lsp"]
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=folder
        )
        self._next_id = 0

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self._next_id += 1
        ident = self._next_id
        self.send({"id": ident, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == ident and "method" not in m).get("result")

    def read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        assert length is not None
        return json.loads(self.process.stdout.read(length))

    def wait(self, wanted) -> dict[str, Any]:
        """Read until a message ``wanted`` accepts; answer the server's requests meanwhile."""
        while True:
            message = self.read()
            if "method" in message and "id" in message:
                self.send({"id": message["id"], "result": None})
            if wanted(message):
                return message

    def stop(self) -> int:
        """Shut the server down; its peak resident set size in bytes."""
        self.request("shutdown", None)
        self.notify("exit", None)
        assert self.process.stdin is not None
        self.process.stdin.close()
        _, _, usage = os.wait4(self.process.pid, 0)
        self.process.returncode = 0
        scale = 1 if sys.platform == "darwin" else 1024
        return usage.ru_maxrss * scale


def utf16_position(text: str, index: int) -> dict[str, int]:
    line = text.count("\n", 0, index)
    start = text.rfind("\n", 0, index) + 1
    return {"line": line, "character": len(text[start:index].encode("utf-16-le")) // 2}


@dataclass
class Row:
    scenario: str
    documents: int
    edits: int
    open_ms: float
    median_ms: float
    p95_ms: float
    max_ms: float
    cpu_ms: float | None
    peak_mb: float


def cpu_seconds(pid: int) -> float | None:
    """The processor time a process has used so far (user and system), on Linux."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(scenario: str, folder: Path, text: str, edits: int, *, typing: bool = False) -> Row:
    path = folder / "article.md"
    uri = path.as_uri()
    server = Server(folder)
    server.request(
        "initialize",
        {
            "processId": os.getpid(),
            "rootUri": folder.as_uri(),
            "workspaceFolders": [{"uri": folder.as_uri(), "name": folder.name}],
            "capabilities": {},
            "initializationOptions": {"debounceMs": 0},
        },
    )
    server.notify("initialized", {})

    def published(version: int):
        def wanted(message: dict[str, Any]) -> bool:
            params = message.get("params") or {}
            return (
                message.get("method") == "textDocument/publishDiagnostics"
                and params.get("uri") == uri
                and params.get("version") == version
            )

        return wanted

    started = time.perf_counter()
    document = {"uri": uri, "languageId": "markdown", "version": 1, "text": text}
    server.notify("textDocument/didOpen", {"textDocument": document})
    server.wait(published(1))
    open_ms = (time.perf_counter() - started) * 1000

    index = text.index(TARGET) + TARGET.index(RIGHT)
    where = {"start": utf16_position(text, index), "end": utf16_position(text, index + 3)}
    top = utf16_position(text, text.index("\n\n") + 2)
    latencies = []
    cpu_before = cpu_seconds(server.process.pid)
    for version in range(2, edits + 2):
        figure = WRONG if version % 2 == 0 and not typing else RIGHT
        change = {"range": where, "text": figure}
        if typing:  # "Now " typed at the top, then taken away
            added = {"line": top["line"], "character": top["character"] + 4}
            span = {"start": top, "end": top if version % 2 == 0 else added}
            change = {"range": span, "text": "Now " if version % 2 == 0 else ""}
        identifier = {"uri": uri, "version": version}
        started = time.perf_counter()
        server.notify(
            "textDocument/didChange", {"textDocument": identifier, "contentChanges": [change]}
        )
        message = server.wait(published(version))
        latencies.append((time.perf_counter() - started) * 1000)
        codes = {d.get("code") for d in message["params"]["diagnostics"]}
        if ("NC101" in codes) != (figure == WRONG):
            raise SystemExit(f"{scenario}: unexpected diagnostics after '{figure}': {codes}")
    cpu_after = cpu_seconds(server.process.pid)
    cpu = None
    if cpu_before is not None and cpu_after is not None:
        cpu = (cpu_after - cpu_before) * 1000 / edits
    peak = server.stop()
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    documents = len(list(folder.glob("*.md")))
    return Row(
        scenario,
        documents,
        edits,
        open_ms,
        statistics.median(latencies),
        p95,
        max(latencies),
        cpu,
        peak / 2**20,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=5000, help="words in the edited article")
    parser.add_argument("--edits", type=int, default=50, help="edits measured per scenario")
    parser.add_argument("--others", type=int, default=14, help="other articles of the story")
    args = parser.parse_args(argv)

    text = article(args.words, seed=1)
    dense = article(args.words, seed=2, figures=DENSE)
    rows = []
    with tempfile.TemporaryDirectory(prefix="numcheck-lsp-bench-") as temporary:
        alone = Path(temporary, "alone")
        alone.mkdir()
        (alone / "article.md").write_text(text, encoding="utf-8")
        rows.append(measure("article alone", alone, text, args.edits))
        crowded = Path(temporary, "dense")
        crowded.mkdir()
        (crowded / "article.md").write_text(dense, encoding="utf-8")
        figures = len(re.findall(r"\d[\d,]*", dense))
        rows.append(measure(f"dense article alone ({figures} figures)", crowded, dense, args.edits))
        typed = measure("dense article, typing at its top", crowded, dense, args.edits, typing=True)
        rows.append(typed)
        story = Path(temporary, "story")
        story.mkdir()
        (story / "article.md").write_text(text, encoding="utf-8")
        for number in range(args.others):
            other = article(args.words, seed=100 + number)
            (story / f"other-{number:03d}.md").write_text(other, encoding="utf-8")
        rows.append(measure(f"with {args.others} other articles", story, text, args.edits))

    print(f"numcheck lsp: {args.words:,}-word article, {args.edits} edits, debounce off")
    print()
    print("| scenario | documents | open ms | median ms | p95 ms | max ms | CPU ms | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        cpu = f"{row.cpu_ms:.1f}" if row.cpu_ms is not None else "-"
        print(
            f"| {row.scenario} | {row.documents} | {row.open_ms:.0f} | {row.median_ms:.1f} "
            f"| {row.p95_ms:.1f} | {row.max_ms:.1f} | {cpu} | {row.peak_mb:.0f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
