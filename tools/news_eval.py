"""Measure the agreement rules on real news: how often they speak, and what they catch.

    python tools/news_eval.py [--devdata DIR] [--sets wsj,abc,stories] [--sample 40]
                              [--sample-file FILE] [--planted-runs N] [--seed 1]

The news of the development set (``../shared/devdata/news/``, see its README) is read where it
lies, never copied. Three measures:

1. **Findings per 100 articles** on ``wsj/``, ``abc/`` and ``stories/``, per rule, as a user
   would get them: ``wsj/`` and ``abc/`` with automatic stories, ``stories/`` with one story a
   topic folder (what a ``[tool.numcheck.stories]`` table naming each folder gives). The news
   is almost all right, so nearly every agreement finding here is a false alarm.
2. **A sample of findings** (``--sample``, seeded), each written with the sentences it
   compares, for a person to judge.
3. **Planted recall** on ``stories/``: a figure that two or more articles of a topic state
   identically (the same figure, the same word after it) is changed in one article to a
   clearly different value (×1.5 or ×0.5); it is caught when an NC2xx error or warning lands on
   the changed figure, and *noted* when only a new NC203 note does (one the unchanged story
   does not give there). Each run changes at most one article of a topic, and one figure in it.
   The figure is a claim numcheck reads, as written ("up to 190 miles"), so list markers,
   years and dates are never planted; "the word after" is the first word after it that is not
   a function word, past a conversion in brackets ("18 of the 38 matches": "matches"). Open
   bounds ("over 10,000") are not planted: changed, they still agree with the others.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import replace
from pathlib import Path

from numcheck.api import check_documents
from numcheck.api import document_claims
from numcheck.api import read_documents
from numcheck.extraction.claims import Claim
from numcheck.extraction.subjects import FUNCTION_WORDS
from numcheck.findings import Finding
from numcheck.reading.discover import read_document
from numcheck.reading.documents import Document

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEVDATA = ROOT.parent / "shared" / "devdata"
AGREEMENT = ("NC201", "NC202", "NC203")
# "over 10,000" and "over 15,000" can both be true: a bound changed either way may still agree.
OPEN_BOUNDS = ("lower-bound", "less-than")
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_NEXT_WORD = re.compile(r"[\W_]*?((?:[A-Za-z]|\d+[A-Za-z])[\w’'-]*)")
_ASIDE = re.compile(r"\s*\([^()]{0,40}\)")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n")


@dataclass
class SetResult:
    name: str
    documents: list[Document]
    findings: list[Finding]

    def count(self, code: str, levels: Iterable[str] = ("error", "warning", "note")) -> int:
        return sum(1 for f in self.findings if f.code == code and f.level in levels)

    def alarms(self) -> int:
        """NC2xx errors and warnings: what fails a pre-commit hook."""
        return sum(
            1 for f in self.findings if f.code in AGREEMENT and f.level in ("error", "warning")
        )


def topic_groups(stories_dir: Path) -> dict[str, list[str]]:
    """One story a topic folder, as a ``[tool.numcheck.stories]`` table would name them."""
    return {
        folder.name: [f"{folder}/*.txt"]
        for folder in sorted(stories_dir.iterdir())
        if folder.is_dir()
    }


def run_set(name: str, folder: Path, groups: dict[str, list[str]] | None) -> SetResult:
    documents, skipped = read_documents([str(folder)])
    for message in skipped:
        print(f"skipped: {message}", file=sys.stderr)
    result = check_documents(documents, story_groups=groups)
    return SetResult(name, documents, result.findings)


def rate_table(results: Sequence[SetResult]) -> str:
    lines = [
        "| text | articles | NC201 | NC202 | NC203 (notes) | NC2xx warnings+errors | per 100 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        articles = len(r.documents)
        alarms = r.alarms()
        lines.append(
            f"| `{r.name}/` | {articles:,} | {r.count('NC201')} | {r.count('NC202')} | "
            f"{r.count('NC203')} | {alarms} | {100 * alarms / max(articles, 1):.2f} |"
        )
    return "\n".join(lines)


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence around ``start:end``, on one line."""
    begin = 0
    for found in _SENTENCE_END.finditer(text, max(0, start - 400), start):
        begin = found.end()
    stop = _SENTENCE_END.search(text, end)
    sentence = text[begin : stop.start() if stop else min(len(text), end + 300)]
    return " ".join(sentence.split())


def write_sample(results: Sequence[SetResult], size: int, seed: int, out) -> None:
    findings = [
        (r, f) for r in results for f in r.findings if f.code in AGREEMENT and f.level != "note"
    ]
    notes = [
        (r, f) for r in results for f in r.findings if f.code in AGREEMENT and f.level == "note"
    ]
    rng = random.Random(seed)
    chosen = rng.sample(findings, min(size, len(findings)))
    if len(chosen) < size:
        chosen += rng.sample(notes, min(size - len(chosen), len(notes)))
    texts = {d.path: d.source for r in results for d in r.documents}
    print(f"\n## A sample of {len(chosen)} agreement findings, for a person to judge\n", file=out)
    for number, (r, f) in enumerate(chosen, 1):
        where = f.location
        print(f"{number}. [{r.name}] {f.code} [{f.level}] {where.path}:{where.line}", file=out)
        print(f"   message: {f.message}", file=out)
        print(f"   here:    {sentence_at(texts[where.path], where.start, where.end)}", file=out)
        for related in f.related[:3]:
            place = related.location
            sentence = sentence_at(texts[place.path], place.start, place.end)
            print(f"   there:   {sentence}  ({place.path}:{place.line})", file=out)
        print("   verdict: ", file=out)


@dataclass(frozen=True)
class Plant:
    path: str
    start: int  # the changed figure's span in the changed text
    end: int
    before: str
    after: str
    stated: tuple[str, str] = ("", "")  # the figure as written and the word after it
    others: int = 1  # how many other articles of the topic state it so

    @property
    def end_after(self) -> int:
        """Where the changed figure ends in the changed text."""
        return self.start + len(self.after)


def _figure_key(document: Document, claim: Claim) -> tuple[str, str] | None:
    """(figure as written, the word after it), for claims whose figure is in digits: the
    claim's text ("up to 190 miles"), and the first word after it that is not a function
    word, past a conversion in brackets ("(306 km)")."""
    found = _FIGURE.search(claim.text)
    if found is None or claim.shape == "range" or claim.qualifier in OPEN_BOUNDS:
        return None
    position = claim.location.end
    aside = _ASIDE.match(document.source, position)
    position = aside.end() if aside else position
    for _ in range(4):
        after = _NEXT_WORD.match(document.source, position, position + 60)
        if after is None:
            return None
        word = after.group(1).lower()
        if word not in FUNCTION_WORDS:
            return claim.text, word
        position = after.end()
    return None


def _changed_figure(figure: str, factor: float) -> str:
    decimals = len(figure.split(".")[1]) if "." in figure else 0
    value = float(figure.replace(",", "")) * factor
    if decimals == 0 and value < 2:
        decimals = 1
    text = f"{value:,.{decimals}f}" if "," in figure else f"{value:.{decimals}f}"
    return text


def plants(
    documents: Sequence[Document], claims: dict[str, list[Claim]], seed: int
) -> list[list[Plant]]:
    """For each topic, the articles that can take a plant, each with its one plant."""
    rng = random.Random(seed)
    by_topic: dict[str, list[Document]] = defaultdict(list)
    for document in documents:
        by_topic[Path(document.path).parent.name].append(document)
    per_topic: list[list[Plant]] = []
    for topic in sorted(by_topic):
        members = by_topic[topic]
        stated: Counter[tuple[str, str]] = Counter()
        for document in members:
            keys = {_figure_key(document, c) for c in claims[document.path]}
            stated.update(k for k in keys if k is not None)
        topic_plants = []
        for document in members:
            shared = [
                c
                for c in claims[document.path]
                if not c.restates and stated.get(_figure_key(document, c) or ("", ""), 0) >= 2
            ]
            if not shared:
                continue
            claim = rng.choice(shared)
            figure = _FIGURE.search(claim.text)
            assert figure is not None
            start = claim.location.start + figure.start()
            end = claim.location.start + figure.end()
            after = _changed_figure(figure.group(), rng.choice((1.5, 0.5)))
            key = _figure_key(document, claim) or ("", "")
            others = stated[key] - 1
            topic_plants.append(
                Plant(document.path, start, end, figure.group(), after, key, others)
            )
        per_topic.append(topic_plants)
    return per_topic


@dataclass
class Recall:
    """Planted changes: all of them, those caught by a warning or an error, those only
    noted (an NC203 note on the changed figure that the unchanged story does not give), and
    of those whose figure only one other article states (where, unless the two sentences are
    close rewrites, the rules give at most a note), how many and how many caught."""

    total: int = 0
    caught: int = 0
    noted: int = 0
    one_other: int = 0
    one_other_caught: int = 0


def planted_recall(stories_dir: Path, runs: int | None, seed: int, out, listing=None) -> Recall:
    """Plant changes in the stories and count what the agreement rules catch; the misses go
    to ``out``, and with ``listing`` every plant, caught or not, with the sentences that
    state its figure elsewhere."""
    groups = topic_groups(stories_dir)
    documents, _ = read_documents([str(stories_dir)])
    claims = {d.path: document_claims(d) for d in documents}
    unchanged = check_documents(documents, story_groups=groups, extracted=claims).findings
    noted_before = {(f.path, f.location.start) for f in unchanged if f.level == "note"}
    per_topic = plants(documents, claims, seed)
    rounds = max((len(p) for p in per_topic), default=0)
    if runs is not None:
        rounds = min(rounds, runs)
    recall = Recall()
    misses: list[tuple[Plant, str]] = []
    for round_number in range(rounds):
        planted = {
            p[round_number].path: p[round_number] for p in per_topic if len(p) > round_number
        }
        changed_documents = []
        extracted = dict(claims)
        for document in documents:
            plant = planted.get(document.path)
            if plant is not None:
                source = document.source
                text = source[: plant.start] + plant.after + source[plant.end :]
                document = replace(read_document(document.path, text), story=document.story)
                extracted[document.path] = document_claims(document)
            changed_documents.append(document)
        result = check_documents(changed_documents, story_groups=groups, extracted=extracted)
        for plant in planted.values():
            landed = _landed(plant, result.findings)
            hit = any(f.level in ("error", "warning") for f in landed)
            recall.total += 1
            recall.caught += hit
            recall.one_other += plant.others == 1
            recall.one_other_caught += plant.others == 1 and hit
            recall.noted += not hit and any(
                f.level == "note" and (f.path, f.location.start) not in noted_before for f in landed
            )
            source = next(d.source for d in changed_documents if d.path == plant.path)
            if not hit:
                misses.append((plant, sentence_at(source, plant.start, plant.end_after)))
            if listing is not None:
                texts = {d.path: d.source for d in documents}
                print(
                    describe_plant(plant, hit, landed, source, extracted, claims, texts),
                    file=listing,
                )
    if out is not None and misses:
        print(f"\n## Planted changes not caught ({len(misses)})\n", file=out)
        for plant, sentence in misses:
            print(f"- {plant.path}: {plant.before} -> {plant.after}: {sentence}", file=out)
    return recall


def _landed(plant: Plant, findings: Iterable[Finding]) -> list[Finding]:
    """The agreement findings, of any level, that land on the changed figure."""
    return [
        f
        for f in findings
        if f.code in AGREEMENT
        and f.path == plant.path
        and (
            f.location.start <= plant.start < f.location.end
            or plant.start <= f.location.start < plant.end_after
        )
    ]


def _claim_at(claims: Sequence[Claim], start: int) -> Claim | None:
    return next((c for c in claims if c.location.start <= start < c.location.end), None)


def _frame_line(claim: Claim | None) -> str:
    if claim is None or claim.frame is None:
        return "no claim"
    frame = claim.frame
    anchors = {k: v for k, v in frame.anchors.to_dict().items() if v}
    role = frame.role
    return (
        f"key={claim.key} event={frame.event} anchors={anchors} "
        f"role={role.measure}/{role.scope}/{'rate' if role.rate else '-'}/{role.mode}"
    )


def describe_plant(
    plant: Plant,
    hit: bool,
    landed: Sequence[Finding],
    source: str,
    extracted: dict[str, list[Claim]],
    original: dict[str, list[Claim]],
    texts: dict[str, str],
) -> str:
    """One plant for a person to classify: the changed sentence and frame, each sentence of
    another article of its topic that states the figure in the same words, and why each pair
    is or is not aligned."""
    from numcheck.alignment.facts import alignment
    from numcheck.alignment.facts import close_rewrites
    from numcheck.alignment.facts import rarity
    from numcheck.alignment.facts import why_not_aligned

    changed = _claim_at(extracted[plant.path], plant.start)
    status = "CAUGHT" if hit else "missed"
    shown = ", ".join(f"{f.code}/{f.level}" for f in landed) or "no finding"
    lines = [
        f"### {status}: {plant.path} {plant.before} -> {plant.after} "
        f"('{plant.stated[0]} {plant.stated[1]}'): {shown}",
        f"    changed: {sentence_at(source, plant.start, plant.end_after)}",
        f"             {_frame_line(changed)}",
    ]
    topic = str(Path(plant.path).parent)
    partners = [
        (path, claim)
        for path, found in original.items()
        if path != plant.path and str(Path(path).parent) == topic
        for claim in found
        if not claim.restates and _figure_key(_Text(path, texts[path]), claim) == plant.stated
    ]
    members = [
        [t for c in found if c.frame for t in c.frame.terms]
        for path, found in original.items()
        if str(Path(path).parent) == topic
    ]
    weights = rarity(members)
    for path, claim in partners:
        if changed is None or changed.frame is None or claim.frame is None:
            verdict = "not compared (no frame)"
        else:
            reason = why_not_aligned(changed, claim)
            found = None if reason else alignment(changed, claim, weights)
            if reason:
                verdict = f"apart: {reason}"
            elif found is None:
                verdict = "apart: overlap"
            else:
                rewrite = close_rewrites(changed, claim, weights)
                verdict = (
                    f"aligned overlap={found.overlap:.2f} identified={found.identified} "
                    f"confident={found.confident} rewrite={rewrite}"
                )
        where = claim.location
        lines.append(f"    other:   {sentence_at(texts[path], where.start, where.end)}")
        lines.append(f"             {Path(path).name}:{where.line} {_frame_line(claim)}")
        lines.append(f"             {verdict}")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class _Text:
    """What ``_figure_key`` reads of a document."""

    path: str
    source: str


def print_recall(recall: Recall) -> None:
    def share(part: int, whole: int) -> str:
        return f"{part} of {whole} ({100 * part / max(whole, 1):.0f}%)"

    print(f"\nplanted recall on stories/: {share(recall.caught, recall.total)} caught")
    print(f"and {recall.noted} more only noted (a new NC203 note on the changed figure)")
    many = recall.total - recall.one_other
    many_caught = recall.caught - recall.one_other_caught
    print(f"told by two or more other articles: {share(many_caught, many)} caught")
    print(
        f"told by one other article only: {share(recall.one_other_caught, recall.one_other)}"
        " caught (a warning needs a close rewrite; otherwise at most a note)"
    )
    ceiling = recall.total - recall.one_other + recall.one_other_caught
    print(
        f"most a run could catch under the verdict rules, all else caught: "
        f"{share(ceiling, recall.total)}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devdata", type=Path, default=DEFAULT_DEVDATA)
    parser.add_argument("--sets", default="wsj,abc,stories")
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--sample-file", type=Path, help="write the sample and misses here")
    parser.add_argument("--planted-runs", type=int, help="at most this many planting rounds")
    parser.add_argument("--no-planted", action="store_true")
    parser.add_argument(
        "--plants",
        type=Path,
        help="write every plant here, with the sentences that state its figure elsewhere",
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    news = args.devdata / "news"
    if not news.is_dir():
        print(f"news_eval: no news folder at {news}", file=sys.stderr)
        return 2
    results = []
    for name in args.sets.split(","):
        groups = topic_groups(news / name) if name == "stories" else None
        results.append(run_set(name, news / name, groups))
    print(rate_table(results))
    out = open(args.sample_file, "w", encoding="utf-8") if args.sample_file else sys.stdout
    try:
        if args.sample:
            write_sample(results, args.sample, args.seed, out)
        if not args.no_planted and "stories" in args.sets.split(","):
            listing = open(args.plants, "w", encoding="utf-8") if args.plants else None
            try:
                stories = news / "stories"
                recall = planted_recall(stories, args.planted_runs, args.seed, out, listing)
            finally:
                if listing is not None:
                    listing.close()
            print_recall(recall)
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
