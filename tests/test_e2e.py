"""End-to-end runs of the installed ``numcheck`` command on the seed articles and on files.

Every expected position is computed from the text of the file that was checked, so a
finding must point at the exact characters that were changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

FINDING_KEYS = {
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "code",
    "name",
    "level",
    "message",
    "related",
    "fix",
}
SUMMARY_KEYS = {"files", "claims", "errors", "warnings", "notes"}
CLAIM_KEYS = {
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "text",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "dimension",
    "subject",
}
SEED_NAMES = {
    "000": "000_28260951cb8ab5bc.txt",
    "001": "001_f500410c32253f8e.txt",
    "002": "002_ab0e237715eec68c.txt",
    "003": "003_41769ed4a04bff94.txt",
    "004": "004_dc5528db860779ee.txt",
}
SUMMARY_LINE = re.compile(
    r"^(?P<files>\d+) files? checked, (?P<claims>\d+) claims?: "
    r"(?P<errors>\d+) errors?, (?P<warnings>\d+) warnings?, (?P<notes>\d+) notes?"
    r"(?:, (?P<fixable>\d+) fixable with --fix)?$"
)
FINDING_LINE = re.compile(
    r"^(?P<path>[^:\s][^:]*):(?P<line>\d+):(?P<column>\d+): "
    r"(?P<code>NC\d{3}) \[(?P<level>error|warning|note)\] (?P<message>.+)$"
)


def blocking(findings: list[dict]) -> list[dict]:
    """The findings at warning level or above (notes are allowed on the seeds)."""
    return [f for f in findings if f["level"] in ("error", "warning")]


# --------------------------------------------------------------------------------------
# 1. The seed articles are clean.


def test_seeds_are_clean_in_text_format(run_numcheck, seeds_dir: Path) -> None:
    run = run_numcheck("check", "seeds/", cwd=seeds_dir.parent)
    assert run.returncode == 0, run
    assert run.stderr == "", run
    *body, last = run.stdout_lines
    summary = SUMMARY_LINE.match(last)
    assert summary, run
    assert summary["files"] == "5"
    assert summary["errors"] == "0" and summary["warnings"] == "0", run
    assert int(summary["claims"]) > 0
    findings = [FINDING_LINE.match(line) for line in body if not line.startswith(" ")]
    assert all(findings), run
    assert all(f["level"] == "note" for f in findings), run
    assert all(f["path"].startswith("seeds/") for f in findings), run
    assert len(findings) == int(summary["notes"]), run


def test_seeds_are_clean_in_json_format(run_numcheck, seeds_dir: Path) -> None:
    run = run_numcheck("check", "seeds/", "--format", "json", cwd=seeds_dir.parent)
    assert run.returncode == 0, run
    assert run.stderr == "", run
    payload = run.json()
    assert payload["tool"]["name"] == "numcheck"
    assert isinstance(payload["tool"]["version"], str) and payload["tool"]["version"]
    assert blocking(payload["findings"]) == []
    summary = payload["summary"]
    assert SUMMARY_KEYS <= set(summary)
    assert summary["files"] == 5
    assert summary["errors"] == 0 and summary["warnings"] == 0
    assert summary["notes"] == len(payload["findings"])
    assert summary["claims"] > 0


# --------------------------------------------------------------------------------------
# 2. Mutated seed articles: one finding at the changed characters, or none.


@dataclass(frozen=True)
class Mutation:
    seed: str
    before: str  # the original text, unique in the article
    after: str  # what replaces it
    target: str  # the characters the finding must span (inside ``after``)
    source: str  # the source figure the finding relates to
    code: str | None  # None: the mutation is a right conversion, no finding
    replacement: str | None = None  # the expected fix


MUTATIONS = [
    # A wrong conversion: "360 km" for 190 miles (305.8 km).
    Mutation("000", "(306 km)", "(360 km)", "360 km", "up to 190 miles", "NC101", "306 km"),
    Mutation("001", "(306 km)", "(360 km)", "360 km", "up to 190 miles", "NC101", "306 km"),
    Mutation("003", "(306 km)", "(360 km)", "360 km", "as much as 190 miles", "NC101", "306 km"),
    Mutation(
        "004",
        "(306 kilometers)",
        "(360 kilometers)",
        "360 kilometers",
        "up to 190 miles",
        "NC101",
        "306 kilometers",
    ),
    Mutation(
        "002",
        "about 190 miles.",
        "about 190 miles (360 km).",
        "360 km",
        "about 190 miles",
        "NC101",
        "306 km",
    ),
    # Not a conversion at all: a length restated as a mass.
    Mutation("000", "(306 km)", "(306 kg)", "306 kg", "up to 190 miles", "NC102"),
    Mutation("001", "(306 km)", "(306 kg)", "306 kg", "up to 190 miles", "NC102"),
    Mutation("003", "(306 km)", "(306 kg)", "306 kg", "as much as 190 miles", "NC102"),
    Mutation(
        "004", "(306 kilometers)", "(306 kilograms)", "306 kilograms", "up to 190 miles", "NC102"
    ),
    Mutation(
        "002",
        "about 190 miles.",
        "about 190 miles (306 kg).",
        "306 kg",
        "about 190 miles",
        "NC102",
    ),
    # A right rounding of 305.8 km: nothing to report.
    Mutation("000", "(306 km)", "(310 km)", "310 km", "up to 190 miles", None),
    Mutation("001", "(306 km)", "(310 km)", "310 km", "up to 190 miles", None),
    Mutation("003", "(306 km)", "(310 km)", "310 km", "as much as 190 miles", None),
    Mutation(
        "004", "(306 kilometers)", "(310 kilometers)", "310 kilometers", "up to 190 miles", None
    ),
    Mutation(
        "002", "about 190 miles.", "about 190 miles (310 km).", "310 km", "about 190 miles", None
    ),
    Mutation(
        "002", "about 190 miles.", "about 190 miles (300 km).", "300 km", "about 190 miles", None
    ),
]


def mutation_id(mutation: Mutation) -> str:
    return f"{mutation.seed}:{mutation.after}->{mutation.code or 'clean'}"


def apply_mutation(seeds: Path, mutation: Mutation) -> tuple[str, str]:
    """Change one seed article in the copy; return its reported path and its new text."""
    path = seeds / SEED_NAMES[mutation.seed]
    text = path.read_text(encoding="utf-8")
    assert text.count(mutation.before) == 1, f"{mutation.before!r} not once in {path.name}"
    mutated = text.replace(mutation.before, mutation.after)
    path.write_bytes(mutated.encode("utf-8"))
    return f"seeds/{path.name}", mutated


def expected_spans(mutated: str, mutation: Mutation, where) -> tuple[dict, dict]:
    """The finding's span (the target, inside the changed text) and the source figure's span
    (the last occurrence of the source text before the target)."""
    assert mutated.count(mutation.after) == 1
    offset = mutated.index(mutation.after) + mutation.after.index(mutation.target)
    target = where.span_at(mutated, offset, len(mutation.target))
    source_offset = mutated.rindex(mutation.source, 0, offset)
    return target, where.span_at(mutated, source_offset, len(mutation.source))


@pytest.mark.parametrize("mutation", MUTATIONS, ids=mutation_id)
def test_mutated_seed_json(run_numcheck, seeds_copy: Path, where, mutation: Mutation) -> None:
    path, mutated = apply_mutation(seeds_copy, mutation)
    run = run_numcheck("check", "seeds", "--format", "json", cwd=seeds_copy.parent)
    payload = run.json()
    assert run.stderr == "", run
    findings = blocking(payload["findings"])
    summary = payload["summary"]
    assert summary["files"] == 5
    if mutation.code is None:
        assert findings == [], run
        assert run.returncode == 0, run
        assert summary["errors"] == 0 and summary["warnings"] == 0
        return
    assert run.returncode == 1, run
    assert len(findings) == 1, run
    finding = findings[0]
    assert set(finding) == FINDING_KEYS
    target, source = expected_spans(mutated, mutation, where)
    assert finding["path"] == path
    assert {key: finding[key] for key in target} == target
    assert finding["code"] == mutation.code
    assert (
        finding["name"]
        == {"NC101": "conversion-mismatch", "NC102": "conversion-dimension"}[mutation.code]
    )
    assert finding["level"] == "error"
    assert f"'{mutation.target}'" in finding["message"]
    assert summary["errors"] == 1 and summary["warnings"] == 0
    assert summary["claims"] > 0
    assert len(finding["related"]) == 1
    related = finding["related"][0]
    assert related["path"] == path
    assert {key: related[key] for key in source} == source
    assert isinstance(related["message"], str) and mutation.source in related["message"]
    if mutation.replacement is None:
        assert finding["fix"] is None
    else:
        assert finding["fix"]["replacement"] == mutation.replacement
        assert finding["fix"]["applicability"] == "safe"
        assert mutation.replacement in finding["message"]


@pytest.mark.parametrize("mutation", MUTATIONS, ids=mutation_id)
def test_mutated_seed_text(run_numcheck, seeds_copy: Path, where, mutation: Mutation) -> None:
    path, mutated = apply_mutation(seeds_copy, mutation)
    run = run_numcheck("check", "seeds", "--format", "text", cwd=seeds_copy.parent)
    assert run.stderr == "", run
    *body, last = run.stdout_lines
    summary = SUMMARY_LINE.match(last)
    assert summary, run
    assert summary["files"] == "5"
    findings = [FINDING_LINE.match(line) for line in body if not line.startswith(" ")]
    assert all(findings), run
    findings = [f for f in findings if f["level"] != "note"]
    if mutation.code is None:
        assert findings == [], run
        assert run.returncode == 0, run
        assert (summary["errors"], summary["warnings"]) == ("0", "0")
        return
    assert run.returncode == 1, run
    assert len(findings) == 1, run
    target, source = expected_spans(mutated, mutation, where)
    line = findings[0]
    assert line.group(0).startswith(
        f"{path}:{target['line']}:{target['column']}: {mutation.code} [error] "
    ), run
    assert f"'{mutation.target}'" in line["message"]
    if mutation.replacement is not None:
        assert mutation.replacement in line["message"]
    assert (summary["errors"], summary["warnings"]) == ("1", "0")
    assert summary["fixable"] == ("1" if mutation.replacement is not None else None)
    # The source figure follows on an indented line, with its own position.
    index = body.index(line.group(0))
    assert body[index + 1] == (
        f"    {path}:{source['line']}:{source['column']}: the source figure: {mutation.source}"
    ), run


# --------------------------------------------------------------------------------------
# 3. Markdown: code, comments, URLs, HTML and front matter are not prose.

# (marker, target): the one wrong conversion in prose on the marker's line, after the marker.
# The same wrong conversions also sit in front matter, fenced (``` and ~~~) and indented code,
# inline code, link URLs and autolinks, a link definition, HTML comments and an HTML block.
MARKUP_FINDINGS = [
    ("Opening paragraph: the missile flies up to 190 miles", "360 km"),
    ("Right after the fence, the range is 100 miles", "200 km"),
    ("are code; prose has 100 miles", "200 km"),
    ("then 50 miles", "95 km"),
    ("a family, and a trip of 50 miles", "95 km"),
    ("Quoted: a range of up to 190 miles", "360 km"),
    # Entities, escapes and inline markup before the figure do not shift its column.
    ("&#169; say the range is 100 miles", "200 km"),
    ("\\_under\\_ make 100 miles", "200 km"),
    ("*emphasis* sit before 50 miles", "95 km"),
    ("Footnote[^1] before 100 miles", "200 km"),
    ("The footnote says 50 miles", "95 km"),
    ("Setext heading of 100 miles", "200 km"),
    ("and 50 miles", "95 km"),
    ("| ATACMS \\| M57 | 100 miles", "200 km"),
]


def markup_variants(e2e_fixtures: Path, tmp_path: Path) -> dict[str, str]:
    """The Markdown fixture as written (LF) and with CRLF line ends, in ``tmp_path``."""
    text = (e2e_fixtures / "markup.md").read_text(encoding="utf-8")
    assert "\r" not in text
    variants = {"markup.md": text, "markup-crlf.md": text.replace("\n", "\r\n")}
    for name, content in variants.items():
        (tmp_path / name).write_bytes(content.encode("utf-8"))
    return variants


@pytest.mark.parametrize("name", ["markup.md", "markup-crlf.md"])
def test_markdown_reports_prose_only(
    run_numcheck, e2e_fixtures: Path, tmp_path: Path, where, name: str
) -> None:
    text = markup_variants(e2e_fixtures, tmp_path)[name]
    run = run_numcheck("check", name, "--format", "json", cwd=tmp_path)
    assert run.returncode == 1, run
    assert run.stderr == "", run
    findings = run.json()["findings"]
    got = [
        (f["path"], f["code"], f["line"], f["column"], f["end_line"], f["end_column"])
        for f in findings
    ]
    expected = []
    for marker, target in MARKUP_FINDINGS:
        span = where.span_of(text, target, after=marker)
        expected.append((name, "NC101", *span.values()))
    assert got == expected, run
    for finding, (_, target) in zip(findings, MARKUP_FINDINGS, strict=True):
        span = [finding[key] for key in ("line", "column", "end_line", "end_column")]
        assert where.text_at(text, *span) == target


@pytest.mark.parametrize("name", ["markup.md", "markup-crlf.md"])
def test_markdown_claims_come_from_prose_only(
    run_numcheck, e2e_fixtures: Path, tmp_path: Path, where, name: str
) -> None:
    text = markup_variants(e2e_fixtures, tmp_path)[name]
    run = run_numcheck("claims", name, "--format", "json", cwd=tmp_path)
    assert run.returncode == 0, run
    claims = run.json()["claims"]
    prose_lines = {where.span_of(text, marker)["line"] for marker, _ in MARKUP_FINDINGS}
    assert {claim["line"] for claim in claims} == prose_lines
    assert len(claims) == 2 * len(MARKUP_FINDINGS)
    for claim in claims:
        span = [claim[key] for key in ("line", "column", "end_line", "end_column")]
        assert where.text_at(text, *span) == claim["text"]


def test_markdown_text_format_positions(
    run_numcheck, e2e_fixtures: Path, tmp_path: Path, where
) -> None:
    text = markup_variants(e2e_fixtures, tmp_path)["markup-crlf.md"]
    run = run_numcheck("check", "markup-crlf.md", cwd=tmp_path)
    assert run.returncode == 1, run
    lines = [line for line in run.stdout_lines if FINDING_LINE.match(line)]
    expected = []
    for marker, target in MARKUP_FINDINGS:
        span = where.span_of(text, target, after=marker)
        expected.append(f"markup-crlf.md:{span['line']}:{span['column']}: NC101 [error] ")
    assert len(lines) == len(expected), run
    for line, prefix in zip(lines, expected, strict=True):
        assert line.startswith(prefix), run


# --------------------------------------------------------------------------------------
# 5. The claims of the seed articles.


@dataclass(frozen=True)
class SeedClaim:
    seed: str
    after: str  # a unique marker just before the claim
    text: str
    value: float
    qualifier: str
    unit: str | None
    subject: str | None  # None: not asserted
    subject_part: str | None = None  # a part the subject must contain


NK = "North Korean"
SEED_CLAIMS = [
    SeedClaim("000", "with a range of ", "up to 190 miles", 190, "upper-bound", "mile", "range"),
    SeedClaim("001", "which have a range ", "up to 190 miles", 190, "upper-bound", "mile", "range"),
    SeedClaim("002", "which has a range ", "about 190 miles", 190, "approximate", "mile", "range"),
    SeedClaim("003", "a variety of ", "as much as 190 miles", 190, "upper-bound", "mile", None),
    SeedClaim("004", "engaging targets ", "up to 190 miles", 190, "upper-bound", "mile", None),
    SeedClaim("000", "Sources stated that ", "over 10,000", 10000, "lower-bound", None, None, NK),
    SeedClaim("001", "deployment of ", "over 10,000", 10000, "lower-bound", None, None, NK),
    SeedClaim("003", "believes that ", "greater than 10,000", 10000, "lower-bound", None, None, NK),
    SeedClaim("002", "included deploying ", "11,000", 11000, "exact", None, None, NK),
    SeedClaim("002", "secure an ", "800-mile", 800, "exact", "mile", "buffer zone"),
    SeedClaim("002", "NATO aspirations for ", "20 years", 20, "exact", "year", None),
    SeedClaim("003", "effectively next ", "12 months", 12, "exact", "month", None),
]

# Numbers that are not claims: names, years, dates, words in a proper name.
NOT_CLAIMS = [
    ("001", "F-16s"),
    ("003", "F-16s"),
    ("003", "since 2022"),
    ("002", "by 2024"),
    ("001", "January 20"),
    ("004", "January 20"),
    ("003", "Jan. 20"),
    ("003", "November 5"),
    ("000", "World War Three"),
    ("001", "World War Three"),
]
NOT_CLAIM_TEXTS = {
    "F-16s",
    "F-16",
    "16",
    "2022",
    "2024",
    "January 20",
    "Jan. 20",
    "20",
    "5",
    "Three",
}


@pytest.fixture(scope="module")
def seed_claims(run_numcheck, seeds_dir: Path) -> list[dict]:
    run = run_numcheck("claims", "seeds/", "--format", "json", cwd=seeds_dir.parent)
    assert run.returncode == 0, run
    assert run.stderr == "", run
    payload = run.json()
    assert set(payload) == {"claims"}
    return payload["claims"]


def test_every_claim_has_the_contract_fields_and_points_at_its_text(
    seed_claims: list[dict], seeds_dir: Path, where
) -> None:
    assert seed_claims
    texts = {name: (seeds_dir / name).read_text(encoding="utf-8") for name in SEED_NAMES.values()}
    for claim in seed_claims:
        assert CLAIM_KEYS <= set(claim), claim
        text = texts[claim["path"].removeprefix("seeds/")]
        span = [claim[key] for key in ("line", "column", "end_line", "end_column")]
        assert where.text_at(text, *span) == claim["text"], claim


@pytest.mark.parametrize(
    "expected", SEED_CLAIMS, ids=lambda c: f"{c.seed}:{c.text}".replace(" ", "_")
)
def test_seed_claim(seed_claims: list[dict], seeds_dir: Path, where, expected: SeedClaim) -> None:
    name = SEED_NAMES[expected.seed]
    text = (seeds_dir / name).read_text(encoding="utf-8")
    span = where.span_of(text, expected.text, after=expected.after)
    found = [
        claim
        for claim in seed_claims
        if claim["path"] == f"seeds/{name}"
        and (claim["line"], claim["column"]) == (span["line"], span["column"])
    ]
    assert len(found) == 1, found
    claim = found[0]
    assert claim["text"] == expected.text
    assert (claim["end_line"], claim["end_column"]) == (span["end_line"], span["end_column"])
    assert claim["value"] == expected.value
    assert claim["qualifier"] == expected.qualifier
    assert claim["unit"] == expected.unit
    if expected.subject is not None:
        assert claim["subject"] == expected.subject
    if expected.subject_part is not None:
        assert expected.subject_part in (claim["subject"] or "")
    low, high = claim["low"], claim["high"]
    if expected.qualifier == "lower-bound":
        assert low == expected.value and high is None
    else:
        assert low is not None and high is not None and low <= expected.value <= high


@pytest.mark.parametrize(("seed", "words"), NOT_CLAIMS)
def test_seed_non_claim(
    seed_claims: list[dict], seeds_dir: Path, where, seed: str, words: str
) -> None:
    name = SEED_NAMES[seed]
    text = (seeds_dir / name).read_text(encoding="utf-8")
    offsets = [match.start() for match in re.finditer(re.escape(words), text)]
    assert offsets
    claims = [claim for claim in seed_claims if claim["path"] == f"seeds/{name}"]
    for offset in offsets:
        start = where.line_column(text, offset)
        end = where.line_column(text, offset + len(words))
        for claim in claims:
            claim_start = (claim["line"], claim["column"])
            claim_end = (claim["end_line"], claim["end_column"])
            overlaps = claim_start < end and start < claim_end
            assert not overlaps, f"{words!r} read as a claim: {claim}"


def test_no_seed_claim_is_a_name_year_or_date(seed_claims: list[dict]) -> None:
    assert [c for c in seed_claims if c["text"] in NOT_CLAIM_TEXTS] == []
