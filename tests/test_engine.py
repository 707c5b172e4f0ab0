"""Many files at once: worker processes and the claims cache never change what a run says."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from numcheck import api
from numcheck import engine
from numcheck.alignment import stories
from numcheck.cache import ClaimsCache
from numcheck.engine import Work
from numcheck.extraction import limit as figure_limit
from numcheck.failures import InternalError
from numcheck.reading.discover import read_document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
WRONG = "The missile flies up to 190 miles (360 km).\n"


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated newsroom of 60 articles in 4 stories (wrong conversions and disagreeing
    figures planted), the seed articles, and files that cannot be read."""
    root = tmp_path_factory.mktemp("newsroom")
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "generate.py"), str(root / "articles")]
        + ["--articles", "60", "--stories", "4", "--seed", "7", "--error-rate", "0.1"],
        check=True,
        capture_output=True,
    )
    shutil.copytree(SEEDS, root / "articles" / "seeds")
    (root / "articles" / "broken.txt").write_bytes(b"bad \xff byte\n")
    (root / "articles" / "empty.md").write_text("")
    return root


def _same_run(first, second) -> None:
    assert (first.returncode, first.stdout, first.stderr) == (
        second.returncode,
        second.stdout,
        second.stderr,
    ), f"{first}\n{second}"


@pytest.mark.parametrize(
    "args",
    [
        ("check", "articles", "--format", "json"),
        ("check", "articles", "--format", "sarif"),
        ("claims", "articles", "--format", "json"),
        ("stories", "articles", "--format", "json"),
    ],
    ids=["check", "sarif", "claims", "stories"],
)
def test_every_number_of_jobs_and_the_cache_give_the_same_output(
    newsroom: Path, run_numcheck: Callable, args: tuple[str, ...]
) -> None:
    reference = run_numcheck(*args, "--jobs", "1", "--no-cache", cwd=newsroom)
    assert reference.returncode in (1, 2) and reference.stdout, reference
    cache = newsroom / f"cache-{args[0]}-{args[-1]}"
    for flags in (
        ("--jobs", "2", "--no-cache"),
        ("--jobs", "3", "--cache-dir", str(cache)),  # cold: fills the cache
        ("--jobs", "2", "--cache-dir", str(cache)),  # warm: reads it
        ("--jobs", "1", "--cache-dir", str(cache)),
    ):
        _same_run(reference, run_numcheck(*args, *flags, cwd=newsroom))
    # one entry for each file read: 60 articles, 5 seeds and the empty one
    assert len(list(cache.glob("*/*/*"))) == 66


def test_the_findings_are_the_planted_ones(newsroom: Path, run_numcheck: Callable) -> None:
    run = run_numcheck("check", "articles", "--format", "json", "--jobs", "2", cwd=newsroom)
    report = run.json()
    codes = {finding["code"] for finding in report["findings"]}
    assert {"NC101", "NC202"} <= codes, report["summary"]
    assert report["summary"]["skipped"] == [
        "articles/broken.txt: not valid UTF-8 (byte 0xff at offset 4), skipped"
    ]
    assert report["summary"]["files"] == 66


def test_a_corpus_run_reads_unchanged_files_from_the_cache(
    newsroom: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = tmp_path / "articles"
    shutil.copytree(newsroom / "articles", articles)
    (articles / "broken.txt").unlink()
    paths = sorted(str(path) for path in articles.rglob("*.*"))
    cache = ClaimsCache(tmp_path / "cache")
    cold = api.extract_paths(paths, jobs=2, cache=cache)

    extracted: list[str] = []
    original = api.extract_text

    def counting(path: str, text: str) -> api.Extracted:
        extracted.append(path)
        return original(path, text)

    monkeypatch.setattr(api, "extract_text", counting)
    changed = Path(paths[10])
    changed.write_text(changed.read_text(encoding="utf-8") + "\n" + WRONG, encoding="utf-8")
    warm = api.extract_paths(paths, jobs=1, cache=cache)

    assert extracted == [str(changed)]
    assert [item.document.path for item in warm[0]] == paths
    for before, after in zip(cold[0], warm[0], strict=True):
        if before.document.path != str(changed):
            assert before == after
    assert [claim.text for claim in warm[0][10].claims[-2:]] == ["up to 190 miles", "360 km"]


def test_a_moved_file_is_found_under_its_new_path(tmp_path: Path) -> None:
    cache = ClaimsCache(tmp_path / "cache")
    (tmp_path / "a.txt").write_text(WRONG)
    (first,), _ = api.extract_paths([str(tmp_path / "a.txt")], cache=cache)
    os.rename(tmp_path / "a.txt", tmp_path / "b.txt")
    found = cache.load(cache.key("b.txt", WRONG), "b.txt", WRONG)
    assert found is not None
    assert found.document.path == "b.txt"
    assert [claim.location.path for claim in found.claims] == ["b.txt", "b.txt"]
    moved = [replace(c, location=replace(c.location, path="b.txt")) for c in first.claims]
    assert found.claims == moved
    assert cache.load(cache.key("b.md", WRONG), "b.md", WRONG) is None  # Markdown differs


def test_documents_made_in_memory_are_not_taken_from_the_cache(tmp_path: Path) -> None:
    from numcheck.reading.documents import make_document

    cache = ClaimsCache(tmp_path / "cache")
    engine.run([Work("a.txt", text=WRONG)], cache=cache)
    hidden = make_document("a.txt", WRONG, " " * len(WRONG))  # prose blanked by hand
    (result,) = engine.run([Work("a.txt", document=hidden)], cache=cache)
    assert result.claims == []


def test_no_cache_writes_nothing(tmp_path: Path, run_numcheck: Callable) -> None:
    (tmp_path / "a.txt").write_text(WRONG)
    run = run_numcheck("check", "a.txt", "--no-cache", cwd=tmp_path)
    assert run.returncode == 1
    assert [path.name for path in tmp_path.iterdir()] == ["a.txt"]


@pytest.mark.parametrize(
    ("config", "flags", "environment", "expected"),
    [
        (None, (), {}, ".numcheck_cache"),
        ("sub/.numcheck.toml", (), {}, "sub/.numcheck_cache"),
        ("sub/pyproject.toml", (), {}, "sub/.numcheck_cache"),
        (None, (), {"NUMCHECK_CACHE_DIR": "elsewhere"}, "elsewhere"),
        (None, ("--cache-dir", "given"), {"NUMCHECK_CACHE_DIR": "elsewhere"}, "given"),
    ],
)
def test_where_the_cache_lives(
    tmp_path: Path,
    numcheck_cmd: Path,
    config: str | None,
    flags: tuple[str, ...],
    environment: dict[str, str],
    expected: str,
) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(WRONG)
    if config is not None:
        body = "[tool.numcheck]\n" if config.endswith("pyproject.toml") else ""
        (tmp_path / config).write_text(body + 'fail-level = "error"\n')
    env = {k: v for k, v in os.environ.items() if k != "NUMCHECK_CACHE_DIR"} | environment
    run = subprocess.run(
        [str(numcheck_cmd), "check", "sub/a.txt", *flags],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    folder = tmp_path / expected
    assert (folder / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f")
    assert (folder / ".gitignore").read_text().endswith("*\n")
    assert len(list(folder.glob("*/*/*"))) == 1
    made = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("CACHEDIR.TAG")}
    assert made == {f"{expected}/CACHEDIR.TAG"}


def test_an_unwritable_cache_is_one_warning(tmp_path: Path, run_numcheck: Callable) -> None:
    (tmp_path / "a.txt").write_text(WRONG)
    (tmp_path / "cache").write_text("a file where the folder should be\n")
    run = run_numcheck("check", "a.txt", "--cache-dir", "cache", cwd=tmp_path)
    assert run.returncode == 1
    assert "a.txt:1:36: NC101 [error]" in run.stdout
    assert run.stderr_lines == ["numcheck: warning: cache not written to cache (not a directory)"]


@pytest.mark.parametrize(
    ("flags", "config", "status", "stderr"),
    [
        ((), "", 2, "numcheck: big.txt: too large (600 bytes, over the max-file-size of 500"),
        (("--max-file-size", "1KB"), "", 0, ""),
        ((), "max-file-size = 0.001\n", 0, ""),
        ((), 'max-file-size = "1.5kb"\n', 0, ""),
        (("--max-file-size", "10"), 'max-file-size = "100B"\n', 0, ""),
        (("--max-file-size", "big"), "", 2, "usage: numcheck"),
    ],
)
def test_max_file_size(
    tmp_path: Path,
    run_numcheck: Callable,
    flags: tuple[str, ...],
    config: str,
    status: int,
    stderr: str,
) -> None:
    (tmp_path / "big.txt").write_text("The river is 300 metres wide.\n" * 20)  # 600 bytes
    (tmp_path / ".numcheck.toml").write_text(config or 'max-file-size = "500B"\n')
    run = run_numcheck("check", "big.txt", *flags, cwd=tmp_path)
    assert run.returncode == status, run
    assert run.stderr.startswith(stderr), run


SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# 20 lines, each a wrong conversion: two figures and one NC101 error a line.
DENSE = "".join(f"Stage {n}: the missile flies up to 190 miles (360 km).\n" for n in range(20))
LIMITED = "numcheck: dense.txt: 10 figures or more: the rest of the file was not read"


@pytest.mark.parametrize(
    ("flags", "config", "status", "claims", "errors", "stderr"),
    [
        (("--max-figures", "10"), "", 2, 10, 5, LIMITED),
        (("--max-figures", "11"), "", 2, 11, 5, LIMITED.replace(" 10 ", " 11 ")),
        (("--max-figures", "40"), "", 2, 40, 20, LIMITED.replace(" 10 ", " 40 ")),
        (("--max-figures", "41"), "", 1, 40, 20, ""),
        (("--max-figures", "0"), "max-figures = 10\n", 1, 40, 20, ""),
        ((), "max-figures = 10\n", 2, 10, 5, LIMITED),
        ((), "", 1, 40, 20, ""),
        (("--max-figures", "-1"), "", 2, None, None, "usage: numcheck"),
    ],
)
def test_max_figures(
    tmp_path: Path,
    run_numcheck: Callable,
    flags: tuple[str, ...],
    config: str,
    status: int,
    claims: int | None,
    errors: int | None,
    stderr: str,
) -> None:
    """A file is read up to the figure limit: the claims and findings of its beginning, as a
    run without the limit finds them there, and a line that says the rest was not read."""
    (tmp_path / "dense.txt").write_text(DENSE)
    (tmp_path / ".numcheck.toml").write_text(config)
    run = run_numcheck("check", "dense.txt", "--format", "json", "--no-cache", *flags, cwd=tmp_path)
    assert run.returncode == status, run
    assert run.stderr.startswith(stderr), run
    if claims is not None:
        summary = json.loads(run.stdout)["summary"]
        assert (summary["claims"], summary["errors"]) == (claims, errors)
        assert summary["skipped"] == [line.removeprefix("numcheck: ") for line in run.stderr_lines]


LIMIT_TEXTS = [
    DENSE,
    "Wind speeds reached 21 knots (39 km/h; 24 mph), then 30 knots (56 km/h; 35 mph).\n",
    "Prices are £40 or £50, and 16GB or 32GB of storage costs $5 or $10 a month more.\n",
    "Over 10,000 troops moved 190 miles (306 km). It had 12,000 troops.\n\nIn 2024, 5% rose.\n",
    *(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))[:2]),
]


@pytest.mark.parametrize("text", LIMIT_TEXTS, ids=[text[:24] for text in LIMIT_TEXTS])
def test_the_claims_read_up_to_the_limit_are_the_first_of_a_whole_reading(text: str) -> None:
    """Cut anywhere, even between a figure and its conversion, the claims kept are those a
    reading without the limit gives first: the same figures, subjects, keys and frames."""
    document = read_document("article.txt", text)
    whole = api.document_claims(document)
    try:
        for limit in range(1, len(whole) + 2):
            figure_limit.set_figure_limit(limit)
            assert api.document_claims(document) == whole[:limit], limit
    finally:
        figure_limit.set_figure_limit(figure_limit.DEFAULT_FIGURE_LIMIT)


def test_the_figure_limit_is_the_same_in_workers_and_through_the_cache(
    tmp_path: Path, run_numcheck: Callable
) -> None:
    """The limit holds in worker processes, and a cache filled under one limit never gives
    its claims to a run under another (the limit is part of the cache's fingerprint)."""
    (tmp_path / "dense.txt").write_text(DENSE)
    (tmp_path / "corpus.txt").write_text(DENSE)
    (tmp_path / "short.txt").write_text(WRONG)
    ways = [
        ("--jobs", "1", "--no-cache"),
        ("--jobs", "2", "--no-cache"),
        ("--jobs", "2", "--cache-dir", "cache"),
        ("--jobs", "1", "--cache-dir", "cache"),
    ]
    runs = {
        (limit, flags): run_numcheck(
            "check", ".", "--format", "json", "--max-figures", limit, *flags, cwd=tmp_path
        )
        for flags in ways
        for limit in ("10", "0")
    }
    for (limit, _), run in runs.items():
        _same_run(runs[(limit, ("--jobs", "1", "--no-cache"))], run)
    limited = json.loads(runs[("10", ("--jobs", "1", "--no-cache"))].stdout)["summary"]
    assert (limited["claims"], len(limited["skipped"])) == (22, 2)
    assert json.loads(runs[("0", ("--jobs", "1", "--no-cache"))].stdout)["summary"]["claims"] == 82


def test_files_read_in_worker_processes_are_limited_and_named_as_in_one(
    tmp_path: Path, run_numcheck: Callable
) -> None:
    """Without a cache the workers read the files they extract: the size limit, unreadable
    files and their messages are as when this process reads them."""
    (tmp_path / "big.txt").write_text("The river is 300 metres wide.\n" * 20)  # 600 bytes
    (tmp_path / "small.txt").write_text(WRONG)
    (tmp_path / "bad.txt").write_bytes(b"bad \xff byte\n")
    (tmp_path / ".numcheck.toml").write_text('max-file-size = "500B"\n')
    runs = [
        run_numcheck("check", ".", "--format", "json", *flags, cwd=tmp_path)
        for flags in (
            ("--jobs", "1", "--no-cache"),
            ("--jobs", "2", "--no-cache"),
            ("--jobs", "3", "--cache-dir", "cache"),
        )
    ]
    for run in runs[1:]:
        _same_run(runs[0], run)
    assert runs[0].returncode == 2
    assert [f["path"] for f in json.loads(runs[0].stdout)["findings"]] == ["small.txt"]
    assert [line.split(":")[1] for line in runs[0].stderr_lines] == [" bad.txt", " big.txt"]


def test_jobs_must_be_a_positive_number(run_numcheck: Callable, tmp_path: Path) -> None:
    run = run_numcheck("check", ".", "--jobs", "0", cwd=tmp_path)
    assert run.returncode == 2
    assert "argument --jobs/-j: must be a number of processes, 1 or more: '0'" in run.stderr


def test_json_of_cached_and_uncached_runs_is_equal(newsroom: Path, tmp_path: Path) -> None:
    paths = [str(newsroom / "articles")]
    uncached = api.check_paths(paths)
    cache = ClaimsCache(tmp_path / "cache")
    api.check_paths(paths, cache=cache, jobs=2)
    cached = api.check_paths(paths, cache=cache)
    from numcheck.report import json_format

    assert json.loads(json_format.render_findings(cached)) == json.loads(
        json_format.render_findings(uncached)
    )
    assert json_format.render_claims(cached) == json_format.render_claims(uncached)


def test_the_story_grouping_is_kept_while_names_and_facts_stay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from numcheck.report.json_format import render_findings

    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    cache = ClaimsCache(tmp_path / "cache")
    groupings: list[int] = []
    original = stories.grouping

    def counting(paths, *args, **kwargs):
        groupings.append(len(paths))
        return original(paths, *args, **kwargs)

    monkeypatch.setattr(stories, "grouping", counting)
    seed = sorted(articles.iterdir())[0]
    text = seed.read_text(encoding="utf-8")
    reports = []
    for edited in (
        text,
        text,  # nothing changed
        text.replace("190 miles (306 km)", "190 miles (360 km)"),  # a figure
        text.replace("Biden", "Bidden"),  # a name: the features change
    ):
        seed.write_text(edited, encoding="utf-8")
        cached = render_findings(api.check_paths([str(articles)], cache=cache))
        assert cached == render_findings(api.check_paths([str(articles)]))
        reports.append(cached)
    assert groupings == [5, 5, 5, 5, 5, 5]  # uncached each time, cached the first and last
    assert reports[1] == reports[0] and "NC101" in reports[2] and "NC101" not in reports[0]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("", "Deputy minister Oksana Vyhovska was there."),  # a name no other article has
        ("", "Officials in Kyiv and Washington said 12 more flights were cancelled."),
        (".", ". "),  # no name or fact changed: the grouping is kept
    ],
)
def test_one_edited_article_in_a_corpus_is_regrouped_as_from_scratch(
    newsroom: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str
) -> None:
    """A corpus run through the cache after one article changed (the grouping made from the
    last one, over the part of the corpus the change reaches) reports what a run without
    cache reports, stories and findings."""
    from numcheck.report.json_format import render_findings

    articles = tmp_path / "articles"
    shutil.copytree(newsroom / "articles", articles)
    cache = ClaimsCache(tmp_path / "cache")
    api.check_paths([str(articles)], cache=cache)
    full: list[int] = []
    original = stories.grouping
    monkeypatch.setattr(stories, "grouping", lambda *a: full.append(1) or original(*a))
    article = sorted(articles.glob("story_*/*.txt"))[0]
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace(old, new, 1) if old else text + f"\n{new}\n", "utf-8")
    records, skipped = api.extract_paths(api.discover([str(articles)]), cache=cache)
    assert not full
    cached = api.check_extracted(records, cache=cache)
    cached.skipped = skipped
    assert not full  # made from the last grouping, not from scratch
    uncached = api.check_paths([str(articles)])
    assert render_findings(cached) == render_findings(uncached)
    records = sorted(records, key=lambda record: record.path)
    assert api.group_extracted(records, cache=cache) == api.group_extracted(records)


def test_a_corpus_run_loads_only_the_stories_it_checks(newsroom: Path, tmp_path: Path) -> None:
    from numcheck.config import Config
    from numcheck.document_set import corpus_paths
    from numcheck.document_set import gather

    config = Config(path=str(newsroom / ".numcheck.toml"), corpus=("articles/**/*.txt",))
    cache = ClaimsCache(tmp_path / "cache")
    checked = Work(str(newsroom / "articles" / "seeds" / "000_28260951cb8ab5bc.txt"))
    extra = corpus_paths([checked.path], config)
    gather([checked], extra, config, cache=cache, jobs=2)  # fills the cache
    records = gather([checked], extra, config, cache=cache).extracted
    assert all(repr(record).endswith("deferred)") for record in records)
    result = api.check_extracted(records, report_on={checked.path}, cache=cache)
    stories = api.group_extracted(records, cache=cache)
    loaded = {r.path for r in records if not repr(r).endswith("deferred)")}
    assert loaded == {r.path for r in records if stories[r.path] == stories[checked.path]}
    assert 1 < len(loaded) < len(records)
    assert (result.files, result.corpus_files) == (1, len(records) - 1)
    assert [d.path for d in result.documents] == sorted(loaded)
    uncached = api.check_extracted(
        gather([checked], extra, config).extracted, report_on={checked.path}
    )
    assert result.findings == uncached.findings and result.claim_count == uncached.claim_count


# -- the checks in worker processes ------------------------------------------------------------


def _outcome(result: api.Result) -> tuple:
    return (
        [finding.to_dict() | {"suppressed": finding.suppressed} for finding in result.findings],
        [error.message() for error in result.errors],
        [claim.to_dict() for claim in result.claims],
        [document.path for document in result.documents],
        (result.files, result.corpus_files, result.claim_count),
    )


@pytest.mark.parametrize("jobs", [2, 3, None])
@pytest.mark.parametrize("show_suppressed", [False, True])
def test_stories_checked_in_workers_give_the_findings_of_one_process(
    newsroom: Path, jobs: int | None, show_suppressed: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api, "POOL_MIN_CLAIMS", 1)  # the default number of jobs forks too
    extracted, _ = api.extract_paths(
        [str(path) for path in sorted((newsroom / "articles").rglob("*.*"))]
    )
    stories = api.group_extracted(extracted)
    assert len(set(stories.values())) >= 4
    one = api.check_extracted(extracted, show_suppressed=show_suppressed, jobs=1)
    assert {f.code for f in one.findings} >= {"NC101", "NC202", "NC203"}
    shuffled = extracted[1::2] + extracted[::2]  # the order given never matters
    many = api.check_extracted(shuffled, show_suppressed=show_suppressed, jobs=jobs)
    assert _outcome(many) == _outcome(one)


def test_stories_checked_in_workers_report_on_the_paths_asked_for(newsroom: Path) -> None:
    extracted, _ = api.extract_paths(
        [str(path) for path in sorted((newsroom / "articles").rglob("*.txt"))]
    )
    stories = api.group_extracted(extracted)
    asked = {extracted[0].path, extracted[-1].path}
    one = api.check_extracted(extracted, report_on=asked, jobs=1)
    many = api.check_extracted(extracted, report_on=asked, jobs=2)
    assert _outcome(many) == _outcome(one)
    assert {f.path for f in one.findings} <= asked and one.findings
    wanted = {stories[path] for path in asked}
    assert {d.path for d in many.documents} == {p for p, s in stories.items() if s in wanted}


@pytest.mark.parametrize(
    ("stories", "processes", "parts"),
    [
        # a.txt and c.txt tell one story: they stay in one part, in the order of their paths
        ({"a": "s", "b": "b", "c": "s", "d": "d"}, 2, [["a", "c"], ["b"], ["d"]]),
        ({"a": "s", "b": "b", "c": "s", "d": "d"}, 1, [["a", "b", "c", "d"]]),
        ({"a": "s", "b": "s", "c": "s", "d": "s"}, 4, [["a", "b", "c", "d"]]),
        ({}, 8, [["a"], ["b"], ["c"], ["d"]]),  # each document its own story
    ],
)
def test_stories_are_cut_into_parts_whole_largest_first(
    stories: dict[str, str], processes: int, parts: list[list[str]]
) -> None:
    records = [api.extract_text(path, "It flew 190 miles (306 km).\n") for path in "abcd"]
    cut = api._story_parts(records, stories, processes)
    assert [[record.path for record in part] for part in cut] == parts


def test_shared_steps_run_in_forked_workers_in_order() -> None:
    parts = [list(range(size)) for size in (5, 3, 1, 0)]
    outcomes = engine.map_shared(lambda part: (os.getpid(), sum(part)), parts, 2)
    assert [total for _, total in outcomes] == [10, 3, 0, 0]
    if engine.can_share():  # the parts are seen in the workers' shared memory, not sent
        assert os.getpid() not in {pid for pid, _ in outcomes}
    assert set(engine.map_shared(lambda part: os.getpid(), parts, 1)) == {os.getpid()}


def test_claims_sent_back_by_workers_are_built_only_where_they_are_checked(
    newsroom: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api, "POOL_MIN_CLAIMS", 1)
    paths = [str(path) for path in sorted((newsroom / "articles").rglob("*.txt"))]
    here, _ = api.extract_paths(paths, jobs=1)
    sent, _ = api.extract_paths(paths, jobs=2)
    assert all(repr(record).endswith("deferred)") for record in sent)  # kept packed
    assert [record.document for record in sent] == [record.document for record in here]
    one = api.check_extracted(here, jobs=1)
    many = api.check_extracted(sent, jobs=2, loaded="findings")
    if engine.can_share():  # the checks' workers built the claims, this process did not
        assert all(repr(record).endswith("deferred)") for record in sent)
    assert many.findings == one.findings and many.errors == one.errors
    assert (many.files, many.corpus_files, many.claim_count) == (
        one.files,
        one.corpus_files,
        one.claim_count,
    )
    assert sent == here  # the same claims, once built


@pytest.mark.parametrize(
    ("loaded", "documents", "claims"),
    [("claims", True, True), ("documents", True, False), ("findings", False, False)],
)
def test_a_result_holds_what_the_caller_asks_for(
    newsroom: Path, loaded: str, documents: bool, claims: bool
) -> None:
    extracted, _ = api.extract_paths(
        [str(path) for path in sorted((newsroom / "articles").rglob("*.txt"))]
    )
    full = api.check_extracted(extracted)
    result = api.check_extracted(extracted, loaded=loaded)
    assert result.findings == full.findings and result.findings
    assert (result.files, result.claim_count) == (full.files, full.claim_count)
    assert result.documents == (full.documents if documents else [])
    assert result.claims == (full.claims if claims else [])
    with pytest.raises(ValueError, match="loaded must be one of"):
        api.check_extracted(extracted, loaded="everything")


def test_a_document_that_failed_stays_in_a_result_of_findings(newsroom: Path) -> None:
    extracted, _ = api.extract_paths(
        [str(path) for path in sorted((newsroom / "articles").rglob("*.txt"))][:3]
    )
    broken = api.extract_text("broken.txt", "It flew 190 miles (360 km).\n")
    error = InternalError.of(RuntimeError("boom"), path="broken.txt")
    failed = api.Extracted(broken.document, [], frozenset(), error)
    result = api.check_extracted([*extracted, failed], loaded="findings")
    assert [document.path for document in result.documents] == ["broken.txt"]
    assert [f.path for f in result.findings if f.code == "NC000"] == ["broken.txt"]


def test_a_shared_worker_knows_it_is_one() -> None:
    assert not engine.in_shared_worker()
    outcomes = engine.map_shared(lambda part: engine.in_shared_worker(), [[1], [2]], 2)
    assert outcomes == [engine.can_share()] * 2
    assert not engine.in_shared_worker()
