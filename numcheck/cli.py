"""The command line: argument parsing only; the work is done by numcheck.api."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING
from typing import Any
from typing import TextIO

from numcheck import __version__
from numcheck.findings import LEVEL_RANK
from numcheck.report import CLAIM_FORMATS
from numcheck.report import FORMATS
from numcheck.rulepacks import KINDS as PACK_KINDS

if TYPE_CHECKING:
    from numcheck.api import Result
    from numcheck.cache import ClaimsCache
    from numcheck.config import Config
    from numcheck.document_set import DocumentSet
    from numcheck.engine import Work
    from numcheck.failures import InternalError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A problem with what the user asked for: printed as one line, exit 2."""


def _comma_list(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


LEVELS = ("error", "warning", "note")


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a number of processes, 1 or more: {text!r}")
    return int(text)


def _size(text: str) -> int:
    from numcheck.config import parse_size

    try:
        return parse_size(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _figures(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be a whole number, 0 for no limit, not {text!r}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="numcheck", description="Check the numbers in prose: conversions and agreement."
    )
    parser.add_argument("--version", action="version", version=f"numcheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def reading(sub: argparse.ArgumentParser, formats: Sequence[str]) -> None:
        sub.add_argument("paths", nargs="*", help="files or directories; - for stdin (default: .)")
        sub.add_argument("--format", choices=list(formats), default="text")
        sub.add_argument(
            "-o", "--output-file", metavar="PATH", help="write the report to a file, not stdout"
        )
        sub.add_argument(
            "--include", action="append", metavar="GLOB", help="files to read in directories"
        )
        sub.add_argument("--exclude", action="append", metavar="GLOB", help="files to leave out")
        sub.add_argument(
            "--respect-gitignore",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="leave out the files git ignores when walking directories (default: on)",
        )
        sub.add_argument(
            "--stdin-filename", metavar="PATH", help="read stdin, and report it as PATH"
        )
        sub.add_argument(
            "--rules", action="append", metavar="DIR", help="an extra rule pack folder"
        )
        sub.add_argument(
            "--config", metavar="PATH", help="the config file (default: found from the paths)"
        )
        sub.add_argument(
            "--allow-outside",
            action="store_true",
            help="let the config's corpus and stories globs read files outside its folder",
        )
        sub.add_argument(
            "--jobs", "-j", type=_jobs, metavar="N",
            help="worker processes for reading and extraction (default: one per core; 1: none)",
        )  # fmt: skip
        sub.add_argument(
            "--cache-dir", metavar="DIR",
            help="where the claims cache lives (default: .numcheck_cache beside the config)",
        )  # fmt: skip
        sub.add_argument(
            "--no-cache", action="store_true", help="neither read nor write the claims cache"
        )
        sub.add_argument(
            "--max-file-size", type=_size, metavar="SIZE",
            help="skip files larger than this (default: 10MB; e.g. 500KB, 50MB)",
        )  # fmt: skip
        sub.add_argument(
            "--max-figures", type=_figures, metavar="N",
            help="read at most N figures of a file (default: 10000; 0: no limit)",
        )  # fmt: skip

    check = commands.add_parser("check", help="report findings")
    reading(check, list(FORMATS))
    check.add_argument(
        "--select", type=_comma_list, action="extend", metavar="CODES", help="only these rules"
    )
    check.add_argument(
        "--ignore", type=_comma_list, action="extend", metavar="CODES", help="not these rules"
    )
    check.add_argument(
        "--fail-level", choices=LEVELS, default=None,
        help="exit 1 when a finding is at this level or above (default: warning)",
    )  # fmt: skip
    check.add_argument(
        "--level", choices=LEVELS, default=None,
        help="show only findings at this level or above (the others do not count)",
    )  # fmt: skip
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when findings are reported"
    )
    check.add_argument(
        "-q", "--quiet", action="store_true", help="print the findings and nothing else"
    )
    check.add_argument(
        "--statistics", action="store_true", help="count the findings of each rule instead"
    )
    check.add_argument(
        "--color", choices=["auto", "always", "never"], default="auto",
        help="colour the text formats (auto: on a terminal, unless NO_COLOR is set)",
    )  # fmt: skip
    check.add_argument(
        "--show-suppressed", action="store_true", help="also list findings silenced by comments"
    )
    check.add_argument("--fix", action="store_true", help="apply the safe fixes in place")
    check.add_argument(
        "--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too"
    )
    check.add_argument(
        "--diff", action="store_true", help="print a diff of what --fix would change; write nothing"
    )
    check.add_argument(
        "--engine", choices=["local", "dask"], default="local",
        help="where documents are read and checked: this machine, or a Dask cluster",
    )  # fmt: skip
    check.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="with --engine dask, the scheduler to use (default: a local cluster, --jobs workers)",
    )  # fmt: skip
    claims = commands.add_parser("claims", help="list the numeric claims found")
    reading(claims, CLAIM_FORMATS)
    stories = commands.add_parser("stories", help="show which documents form one story")
    reading(stories, (*CLAIM_FORMATS, "markdown"))
    stories.add_argument(
        "--figures", action="store_true",
        help="show each fact of a story with the figure every document gives it",
    )  # fmt: skip
    rules = commands.add_parser("rules", help="list the rules, or print a rule pack")
    rules.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    rules.add_argument(
        "--show-pack", choices=PACK_KINDS, metavar="KIND",
        help=f"print the rule packs of a kind ({', '.join(PACK_KINDS)}) and where they are",
    )  # fmt: skip
    rules.add_argument("--rules", action="append", metavar="DIR", help="an extra rule pack folder")
    rules.add_argument(
        "--config", metavar="PATH", help="the config file (default: found from here)"
    )
    explain = commands.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule", help="a rule code (NC101) or name (conversion-mismatch)")
    lsp = commands.add_parser("lsp", help="run the language server on stdio (needs numcheck[lsp])")
    lsp.add_argument(
        "--stdio", action="store_true", help="talk on stdin and stdout (the only way; accepted)"
    )
    return parser


def _resolve_paths(args: argparse.Namespace) -> None:
    """No path: the working folder, or stdin when ``--stdin-filename`` names it."""
    if not hasattr(args, "paths"):
        return
    if not args.paths:
        args.paths = ["-"] if args.stdin_filename else ["."]
    elif args.stdin_filename and "-" not in args.paths:
        raise UsageError("--stdin-filename names standard input: give '-' or no path")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _raw_bytes_for_odd_names()
    _fewer_full_collections()
    from numcheck.checks import CheckError
    from numcheck.config import ConfigError
    from numcheck.reading.discover import InputError
    from numcheck.rulepacks import RulePackError

    try:
        _resolve_paths(args)
        return _COMMANDS[args.command](args)
    except (UsageError, CheckError, ConfigError, InputError, RulePackError) as error:
        print(f"numcheck: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away ("numcheck claims . | head"): not an error
        return EXIT_CLEAN
    except Exception as error:  # a bug outside any one document: one line, never a traceback
        from numcheck.failures import InternalError

        print(f"numcheck: {InternalError.of(error).message()}", file=sys.stderr)
        return EXIT_USAGE


def _raw_bytes_for_odd_names() -> None:
    """A file name that is not valid UTF-8 is written out as the bytes it has on disk (as
    ``ls`` and ``grep`` write it) rather than ending the run; the JSON formats escape it."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", None) == "strict":
            reconfigure(errors="surrogateescape")


def _fewer_full_collections() -> None:
    """A run keeps every document's claims to its end, and each of Python's full garbage
    collections walks all of them: on a large corpus they grew the time per MB by about a
    tenth. Run them a hundred times less often (young objects are collected as before), so
    that a run's time grows in proportion to its input."""
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, 1000)


def _config(args: argparse.Namespace) -> Config:
    """The config file found from the paths (or given), with the command line's flags on top."""
    from numcheck.config import load_config

    stdin_label = args.stdin_filename if "-" in args.paths else None
    config = load_config([stdin_label] if stdin_label else args.paths, config_file=args.config)
    return config.override(
        select=getattr(args, "select", None),
        ignore=getattr(args, "ignore", None),
        fail_level=getattr(args, "fail_level", None),
        include=args.include,
        exclude=args.exclude,
        rules=args.rules,
        respect_gitignore=args.respect_gitignore,
        max_file_size=args.max_file_size,
        max_figures=args.max_figures,
        allow_outside=args.allow_outside or None,
    )


def _inputs(args: argparse.Namespace, config: Config) -> tuple[list[Work], list[str]]:
    """The inputs named on the command line (standard input read already), and a message for
    standard input when it cannot be read."""
    from numcheck.engine import Work
    from numcheck.extraction.limit import set_figure_limit
    from numcheck.reading.discover import ReadError
    from numcheck.reading.discover import decode
    from numcheck.reading.discover import discover
    from numcheck.reading.discover import read_stdin_bytes
    from numcheck.rulepacks import add_pack_dirs

    if config.rules:
        add_pack_dirs(config.rules)
    set_figure_limit(config.max_figures)
    if "-" in args.paths:
        if len(args.paths) > 1:
            raise UsageError("'-' (stdin) cannot be mixed with other paths")
        label = args.stdin_filename or "-"
        try:
            # Decoded as files are: binary and invalid UTF-8 input is refused, not guessed.
            # The bytes are kept: --fix writes the text back in the encoding it came in.
            args.stdin_bytes = read_stdin_bytes(max_bytes=config.max_file_size)
            if args.stdin_bytes is None:
                text = sys.stdin.read().removeprefix("\ufeff")
            else:
                text = decode("-", args.stdin_bytes)
        except ReadError as error:
            return [], [f"{label}: {str(error).removeprefix('-: ')}"]
        return [Work(label, text=text)], []
    found = discover(
        args.paths,
        include=config.include,
        exclude=config.exclude,
        respect_gitignore=config.respect_gitignore,
    )
    return [Work(path) for path in found], []


def _gather(
    args: argparse.Namespace, config: Config, *, corpus: bool = True
) -> tuple[DocumentSet, ClaimsCache | None]:
    """Read and extract the inputs (and the config's corpus) as the flags say: in worker
    processes, through the claims cache, with a progress bar for long runs."""
    from numcheck import progress
    from numcheck.document_set import corpus_paths
    from numcheck.document_set import gather

    inputs, skipped = _inputs(args, config)
    outside: list[str] = []
    extra = corpus_paths([item.path for item in inputs], config, outside) if corpus else []
    cache = _cache(args, config)
    if cache is not None:
        cache.restore_conversions()
    wanted = progress.wanted(len(inputs) + len(extra))
    bar = progress.ProgressBar() if wanted else None
    try:
        document_set = gather(
            inputs,
            extra,
            config,
            jobs=args.jobs,
            cache=cache,
            max_bytes=config.max_file_size,
            progress=bar,
            keep=True,  # a command-line run keeps what it read to the end
        )
    finally:
        if bar is not None:
            bar.close()
    document_set.skipped[:0] = skipped
    document_set.corpus_skipped[:0] = outside
    return document_set, cache


def _finish(cache: ClaimsCache | None) -> None:
    """Keep what this run learned for the next ones; say once if the cache cannot be written."""
    if cache is None:
        return
    cache.save_conversions()
    if cache.warning:
        print(f"numcheck: warning: {cache.warning}", file=sys.stderr)


def _cache(args: argparse.Namespace, config: Config) -> ClaimsCache | None:
    from numcheck.cache import ClaimsCache
    from numcheck.cache import cache_folder

    if args.no_cache:
        return None
    return ClaimsCache(cache_folder(config.root, given=args.cache_dir))


def _report_skipped(skipped: list[str], errors: Sequence[InternalError] = ()) -> None:
    for message in [*skipped, *(error.message() for error in errors)]:
        print(f"numcheck: {message}", file=sys.stderr)


def _check(args: argparse.Namespace) -> int:
    from numcheck import api

    if args.statistics and args.format not in ("text", "json"):
        raise UsageError("--statistics is written as text or json")
    config = _config(args)
    if args.engine == "dask":
        return _check_on_dask(args, config)
    if args.scheduler is not None:
        raise UsageError("--scheduler needs --engine dask")
    document_set, cache = _gather(args, config)
    _report_skipped(document_set.corpus_skipped)
    skipped = document_set.skipped
    known = {item.path: item for item in document_set.extracted}
    options: dict[str, Any] = {
        "select": list(config.select) if config.select is not None else None,
        "ignore": list(config.ignore),
        "settings": config.settings,
        "report_on": document_set.report_on,
        "skip_scopes": config.skip_scopes,
        "cache": cache,
    }

    def run(documents: list) -> api.Result:
        # Fixes never touch suppressed findings: --fix and --diff do not list them.
        return api.check_documents(documents, known=known, jobs=args.jobs, **options)

    if args.fix or args.diff:
        status = _fix(args, document_set.documents, skipped, run, config.fail_level)
        _finish(cache)
        return status
    result = api.check_extracted(
        document_set.extracted,
        show_suppressed=args.show_suppressed,
        jobs=args.jobs,
        loaded="documents" if _quotes_sources(args) else "findings",
        **options,
    )
    _finish(cache)
    result.skipped = skipped
    _report(args, result)
    _report_skipped(skipped, result.errors)
    if skipped or result.errors:
        return EXIT_USAGE
    return _exit_status(args, result, config.fail_level)


def _check_on_dask(args: argparse.Namespace, config: Config) -> int:
    from numcheck.dask_engine import check_on_dask
    from numcheck.document_set import corpus_paths

    if args.fix or args.diff:
        raise UsageError("--fix and --diff run with the local engine only")
    inputs, skipped = _inputs(args, config)
    run = check_on_dask(
        inputs,
        corpus_paths([item.path for item in inputs], config),
        config,
        scheduler=args.scheduler,
        workers=args.jobs,
        cache=_cache(args, config),
        show_suppressed=args.show_suppressed,
        with_sources=_quotes_sources(args),
    )
    _report_skipped(run.corpus_skipped)
    result = run.result
    result.skipped = skipped + run.skipped
    _report(args, result)
    _report_skipped(result.skipped, result.errors)
    if result.skipped or result.errors:
        return EXIT_USAGE
    return _exit_status(args, result, config.fail_level)


def _quotes_sources(args: argparse.Namespace) -> bool:
    """Whether the output format quotes the text of findings or lists every file checked
    (and so needs the documents checked, not their findings alone)."""
    return args.format in ("sarif", "rdjson", "gitlab", "junit")


def _shown(args: argparse.Namespace, result: Result) -> Result:
    """``result`` without the findings below ``--level``: they are not reported, nor count."""
    if args.level is None:
        return result
    threshold = LEVEL_RANK[args.level]
    result.findings = [f for f in result.findings if LEVEL_RANK[f.level] >= threshold]
    return result


def _report(args: argparse.Namespace, result: Result, stream: TextIO | None = None) -> None:
    """Write the report of a check (findings or ``--statistics``) where it goes."""
    from numcheck.report import render_findings
    from numcheck.report.statistics import render as render_statistics

    result = _shown(args, result)
    if args.statistics:
        text = render_statistics(result, args.format)
    else:
        color = _color(args, stream or sys.stdout)
        text = render_findings(args.format, result, color=color, summary_line=not args.quiet)
    _write(args, text, stream)


def _color(args: argparse.Namespace, stream: TextIO) -> bool:
    """Colour for ``--color always``; for ``auto``, on a terminal unless ``NO_COLOR`` is set."""
    if args.color != "auto":
        return args.color == "always"
    if args.output_file or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _write(args: argparse.Namespace, text: str, stream: TextIO | None = None) -> None:
    """The report to ``--output-file`` when given, else to ``stream`` (stdout)."""
    if not args.output_file:
        (stream or sys.stdout).write(text)
        return
    try:
        with open(
            args.output_file, "w", encoding="utf-8", errors="surrogateescape", newline=""
        ) as handle:
            handle.write(text)
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        raise UsageError(f"{args.output_file}: cannot write the report ({reason})") from None


def _exit_status(args: argparse.Namespace, result: Result, fail_level: str) -> int:
    """1 when a finding shown (not suppressed) is at ``fail_level`` or above, else 0;
    always 0 with ``--exit-zero``."""
    if getattr(args, "exit_zero", False):
        return EXIT_CLEAN
    threshold = LEVEL_RANK[fail_level]
    failing = any(LEVEL_RANK[f.level] >= threshold and not f.suppressed for f in result.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _fix(
    args: argparse.Namespace, documents: list, skipped: list[str], run, fail_level: str
) -> int:
    """--fix and --diff: apply (or show) the fixes, then report what remains."""
    from numcheck import fixes

    outcome = fixes.fix_documents(documents, run, unsafe=args.unsafe_fixes)
    if args.diff:
        for path, fixed in outcome.fixed.items():
            sys.stdout.write(fixes.unified_diff(path, outcome.original[path], fixed))
        count = len(outcome.applied)
        if not args.quiet:
            print(
                f"numcheck: would fix {count} finding{'s' if count != 1 else ''}", file=sys.stderr
            )
        _report_skipped(skipped)
        if skipped:
            return EXIT_USAGE
        return EXIT_FINDINGS if outcome.fixed and not args.exit_zero else EXIT_CLEAN
    stdin = "-" in args.paths
    log = sys.stdout if args.format == "text" and not stdin and not args.output_file else sys.stderr
    if stdin and documents:
        _write_stdin_result(args, documents[0], outcome.fixed.get(documents[0].path))
    failed: set[str] = set()
    for path, fixed in outcome.fixed.items() if not stdin else ():
        try:
            fixes.write_fixed(path, outcome.original[path], fixed)
        except fixes.WriteError as error:
            skipped.append(str(error))
            failed.add(path)
    for applied in outcome.applied:
        if applied.finding.path not in failed and not args.quiet:
            print(applied.describe(), file=log)
    result = outcome.unwritten(failed)  # a fix not written leaves its finding in the file
    result.skipped = skipped
    _report(args, result, sys.stderr if stdin else None)
    _report_skipped(skipped, result.errors)
    if skipped or result.errors:
        return EXIT_USAGE
    return _exit_status(args, result, fail_level)


def _write_stdin_result(args: argparse.Namespace, document, fixed: str | None) -> None:
    """The text read from stdin, fixed, in the encoding (and with the byte-order mark) it came
    in; the very bytes that came in when nothing was fixed."""
    from numcheck import fixes

    raw = getattr(args, "stdin_bytes", None)
    if raw is None:
        sys.stdout.write(document.source if fixed is None else fixed)
        return
    bom, encoding = fixes.encoding_of(raw)
    data = raw if fixed is None else bom + fixed.encode(encoding, errors="surrogatepass")
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _claims(args: argparse.Namespace) -> int:
    from numcheck.api import Result
    from numcheck.api import outside_scopes
    from numcheck.report import formatter

    render = formatter(args.format).render_claims
    config = _config(args)
    document_set, cache = _gather(args, config, corpus=False)
    _finish(cache)
    claims = [
        claim
        for item in document_set.extracted
        for claim in outside_scopes(item.document, item.claims, config.skip_scopes)
    ]
    skipped = document_set.skipped
    errors = [item.error for item in document_set.extracted if item.error is not None]
    result = Result(claims=claims, documents=document_set.documents, skipped=skipped)
    _write(args, render(result))
    _report_skipped(skipped, errors)
    return EXIT_USAGE if skipped or errors else EXIT_CLEAN


def _stories(args: argparse.Namespace) -> int:
    from numcheck.api import group_extracted
    from numcheck.report import dump_json

    if args.format == "markdown" and not args.figures:
        raise UsageError("the markdown format shows story figures (add --figures)")
    document_set, cache = _gather(args, _config(args))  # the config's corpus and stories too
    extracted = document_set.extracted
    skipped = document_set.skipped + document_set.corpus_skipped
    errors = [item.error for item in extracted if item.error is not None]
    stories = group_extracted(extracted, cache=cache)
    _finish(cache)
    documents = document_set.documents
    claims = {item.path: item.claims for item in extracted}
    if args.figures:
        from numcheck.checks import Corpus
        from numcheck.checks.agreement import story_figures
        from numcheck.report.figures import RENDERERS

        tables = story_figures(Corpus(documents, claims, stories))
        if document_set.report_on is not None:  # the stories of the files asked for
            wanted = {stories[path] for path in document_set.report_on if path in stories}
            tables = [table for table in tables if table.story in wanted]
        _write(args, RENDERERS[args.format](tables))
        _report_skipped(skipped, errors)
        return EXIT_USAGE if skipped or errors else EXIT_CLEAN
    groups: dict[str, list[str]] = {}
    for path, story in stories.items():
        groups.setdefault(story, []).append(path)
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    if args.format == "json":
        rows = [{"story": story, "documents": sorted(paths)} for story, paths in ordered]
        text = dump_json({"stories": rows})
    else:
        lines = []
        for story, paths in ordered:
            lines.append(f"{story} ({len(paths)} document{'s' if len(paths) != 1 else ''})")
            lines.extend(f"    {path}" for path in sorted(paths))
        text = "".join(line + "\n" for line in lines)
    _write(args, text)
    _report_skipped(skipped, errors)
    return EXIT_USAGE if skipped or errors else EXIT_CLEAN


def _rules(args: argparse.Namespace) -> int:
    import json

    from numcheck.checks import all_checks

    if args.show_pack:
        return _show_pack(args)
    checks = all_checks()
    if args.format == "markdown":
        from numcheck.rules_doc import rules_markdown

        sys.stdout.write(rules_markdown())
    elif args.format == "json":
        rows = [
            {"code": c.code, "name": c.name, "level": c.level, "summary": c.summary()}
            for c in checks
        ]
        print(json.dumps({"rules": rows}, indent=2))
    else:
        for check in checks:
            print(f"{check.code}  {check.name:<24} {check.level:<8} {check.summary()}")
    return EXIT_CLEAN


def _show_pack(args: argparse.Namespace) -> int:
    """The packs of one kind (built-in, then the config's and ``--rules``), each under a line
    that says where it is."""
    from numcheck.config import load_config
    from numcheck.rulepacks import add_pack_dirs
    from numcheck.rulepacks import pack_files

    config = load_config(["."], config_file=args.config)
    add_pack_dirs([*config.rules, *(args.rules or [])])
    for index, (path, text) in enumerate(pack_files(args.show_pack)):
        print(("\n" if index else "") + f"# {path}")
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_CLEAN


def _explain(args: argparse.Namespace) -> int:
    import re

    from numcheck.checks import find_check
    from numcheck.rulepacks import installed_path

    check = find_check(args.rule)
    print(f"{check.code} {check.name} ({check.level})\n")
    print(check.documentation())
    # The docs name rule packs as the repository has them; say where this installation has them.
    packs = dict.fromkeys(re.findall(r"rules/(\w+)\.yaml", check.documentation()))
    for name in packs:
        print(
            f"\nrules/{name}.yaml is installed as {installed_path(name + '.yaml')} "
            f"(`numcheck rules --show-pack {name}` prints it)."
        )
    return EXIT_CLEAN


def _lsp(args: argparse.Namespace) -> int:
    from numcheck.lsp import main as serve

    return serve()


_COMMANDS = {
    "check": _check,
    "claims": _claims,
    "stories": _stories,
    "rules": _rules,
    "explain": _explain,
    "lsp": _lsp,
}


if __name__ == "__main__":
    raise SystemExit(main())
