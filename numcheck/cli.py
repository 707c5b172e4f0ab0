"""The command line: argument parsing only; the work is done by numcheck.api."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from numcheck import __version__
from numcheck.findings import LEVEL_RANK
from numcheck.report import FORMATS

if TYPE_CHECKING:
    from numcheck.api import Result
    from numcheck.config import Config
    from numcheck.failures import InternalError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A problem with what the user asked for: printed as one line, exit 2."""


def _comma_list(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="numcheck", description="Check the numbers in prose: conversions and agreement."
    )
    parser.add_argument("--version", action="version", version=f"numcheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def reading(sub: argparse.ArgumentParser, formats: Sequence[str] = tuple(FORMATS)) -> None:
        sub.add_argument(
            "paths", nargs="*", default=["."], help="files or directories; - for stdin"
        )
        sub.add_argument("--format", choices=sorted(formats), default="text")
        sub.add_argument(
            "--include", action="append", metavar="GLOB", help="files to read in directories"
        )
        sub.add_argument("--exclude", action="append", metavar="GLOB", help="files to leave out")
        sub.add_argument("--stdin-filename", metavar="PATH", help="the path to report for stdin")
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

    check = commands.add_parser("check", help="report findings")
    reading(check)
    check.add_argument("--select", type=_comma_list, metavar="CODES", help="only these rules")
    check.add_argument("--ignore", type=_comma_list, metavar="CODES", help="not these rules")
    check.add_argument(
        "--fail-level", choices=["error", "warning", "note"], default=None,
        help="exit 1 when a finding is at this level or above (default: warning)",
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
    claims = commands.add_parser("claims", help="list the numeric claims found")
    reading(claims)
    stories = commands.add_parser("stories", help="show which documents form one story")
    reading(stories, formats=("text", "json", "markdown"))
    stories.add_argument(
        "--figures", action="store_true",
        help="show each fact of a story with the figure every document gives it",
    )  # fmt: skip
    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    explain = commands.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule", help="a rule code (NC101) or name (conversion-mismatch)")
    commands.add_parser("lsp", help="run the language server on stdio (needs numcheck[lsp])")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _raw_bytes_for_odd_names()
    from numcheck.checks import CheckError
    from numcheck.config import ConfigError
    from numcheck.reading.discover import InputError
    from numcheck.rulepacks import RulePackError

    try:
        return _COMMANDS[args.command](args)
    except (UsageError, CheckError, ConfigError, InputError, RulePackError) as error:
        print(f"numcheck: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away ("numcheck claims . | head"): not an error
        return EXIT_CLEAN


def _raw_bytes_for_odd_names() -> None:
    """A file name that is not valid UTF-8 is written out as the bytes it has on disk (as
    ``ls`` and ``grep`` write it) rather than ending the run; the JSON formats escape it."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", None) == "strict":
            reconfigure(errors="surrogateescape")


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
        allow_outside=args.allow_outside or None,
    )


def _read(args: argparse.Namespace, config: Config | None = None):
    from numcheck import api
    from numcheck.reading.discover import ReadError
    from numcheck.reading.discover import decode
    from numcheck.reading.discover import read_stdin_bytes
    from numcheck.reading.discover import read_text
    from numcheck.rulepacks import add_pack_dirs

    config = config or _config(args)
    if config.rules:
        add_pack_dirs(config.rules)
    if "-" in args.paths:
        if len(args.paths) > 1:
            raise UsageError("'-' (stdin) cannot be mixed with other paths")
        label = args.stdin_filename or "-"
        try:
            # Decoded as files are: binary and invalid UTF-8 input is refused, not guessed.
            args.stdin_bytes = read_stdin_bytes()
            if args.stdin_bytes is None:
                text = sys.stdin.read()
            else:
                text = decode("-", args.stdin_bytes)
        except ReadError as error:
            return [], [f"{label}: {str(error).removeprefix('-: ')}"]
        return [read_text(label, text)], []
    return api.read_documents(args.paths, include=config.include, exclude=config.exclude)


def _report_skipped(skipped: list[str], errors: Sequence[InternalError] = ()) -> None:
    for message in [*skipped, *(error.message() for error in errors)]:
        print(f"numcheck: {message}", file=sys.stderr)


def _check(args: argparse.Namespace) -> int:
    from numcheck import api
    from numcheck import progress
    from numcheck.document_set import gather
    from numcheck.report import formatter

    config = _config(args)
    documents, skipped = _read(args, config)
    document_set = gather(documents, config)
    _report_skipped(document_set.skipped)
    bar = progress.ProgressBar() if progress.wanted(len(document_set.documents)) else None

    def run(documents: list) -> api.Result:
        return api.check_documents(
            documents,
            select=list(config.select) if config.select is not None else None,
            ignore=list(config.ignore),
            settings=config.settings,
            report_on=document_set.report_on,
            # Fixes never touch suppressed findings: --fix and --diff do not list them.
            show_suppressed=args.show_suppressed and not (args.fix or args.diff),
            progress=bar,
        )

    try:
        if args.fix or args.diff:
            return _fix(args, document_set.documents, skipped, run, config.fail_level)
        result = run(document_set.documents)
    finally:
        if bar is not None:
            bar.close()
    result.skipped = skipped
    sys.stdout.write(formatter(args.format).render_findings(result))
    _report_skipped(skipped, result.errors)
    if skipped or result.errors:
        return EXIT_USAGE
    return _exit_status(result, config.fail_level)


def _exit_status(result: Result, fail_level: str) -> int:
    """1 when a finding (not suppressed) is at ``fail_level`` or above, else 0."""
    threshold = LEVEL_RANK[fail_level]
    failing = any(LEVEL_RANK[f.level] >= threshold and not f.suppressed for f in result.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _fix(
    args: argparse.Namespace, documents: list, skipped: list[str], run, fail_level: str
) -> int:
    """--fix and --diff: apply (or show) the fixes, then report what remains."""
    from numcheck import fixes
    from numcheck.report import formatter

    outcome = fixes.fix_documents(documents, run, unsafe=args.unsafe_fixes)
    if args.diff:
        for path, fixed in outcome.fixed.items():
            sys.stdout.write(fixes.unified_diff(path, outcome.original[path], fixed))
        count = len(outcome.applied)
        print(f"numcheck: would fix {count} finding{'s' if count != 1 else ''}", file=sys.stderr)
        _report_skipped(skipped)
        return EXIT_USAGE if skipped else EXIT_FINDINGS if outcome.fixed else EXIT_CLEAN
    stdin = "-" in args.paths
    log = sys.stdout if args.format == "text" and not stdin else sys.stderr
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
        if applied.finding.path not in failed:
            print(applied.describe(), file=log)
    result = outcome.unwritten(failed)  # a fix not written leaves its finding in the file
    result.skipped = skipped
    (sys.stderr if stdin else sys.stdout).write(formatter(args.format).render_findings(result))
    _report_skipped(skipped, result.errors)
    if skipped or result.errors:
        return EXIT_USAGE
    return _exit_status(result, fail_level)


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
    from numcheck.api import safe_claims
    from numcheck.report import formatter

    render = getattr(formatter(args.format), "render_claims", None)
    if render is None:
        raise UsageError(f"the {args.format} format lists findings, not claims (use text or json)")
    documents, skipped = _read(args)
    result = Result(documents=documents, skipped=skipped)
    for document in documents:
        claims, error = safe_claims(document)
        result.claims.extend(claims)
        result.errors.extend([error] if error else [])
    sys.stdout.write(render(result))
    _report_skipped(skipped, result.errors)
    return EXIT_USAGE if skipped or result.errors else EXIT_CLEAN


def _stories(args: argparse.Namespace) -> int:

    from numcheck.alignment.stories import group_stories
    from numcheck.api import safe_claims
    from numcheck.document_set import gather
    from numcheck.report import dump_json

    if args.format == "markdown" and not args.figures:
        raise UsageError("the markdown format shows story figures (add --figures)")
    config = _config(args)
    documents, skipped = _read(args, config)
    document_set = gather(documents, config)  # the config's corpus and stories apply too
    documents, skipped = document_set.documents, skipped + document_set.skipped
    claims, errors = {}, []
    for document in documents:
        claims[document.path], error = safe_claims(document)
        errors.extend([error] if error else [])
    stories = group_stories(documents, claims)
    if args.figures:
        from numcheck.checks import Corpus
        from numcheck.checks.agreement import story_figures
        from numcheck.report.figures import RENDERERS

        tables = story_figures(Corpus(documents, claims, stories))
        if document_set.report_on is not None:  # the stories of the files asked for
            wanted = {stories[path] for path in document_set.report_on if path in stories}
            tables = [table for table in tables if table.story in wanted]
        sys.stdout.write(RENDERERS[args.format](tables))
        _report_skipped(skipped, errors)
        return EXIT_USAGE if skipped or errors else EXIT_CLEAN
    groups: dict[str, list[str]] = {}
    for path, story in stories.items():
        groups.setdefault(story, []).append(path)
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    if args.format == "json":
        rows = [{"story": story, "documents": sorted(paths)} for story, paths in ordered]
        sys.stdout.write(dump_json({"stories": rows}))
    else:
        for story, paths in ordered:
            print(f"{story} ({len(paths)} document{'s' if len(paths) != 1 else ''})")
            for path in sorted(paths):
                print(f"    {path}")
    _report_skipped(skipped, errors)
    return EXIT_USAGE if skipped or errors else EXIT_CLEAN


def _rules(args: argparse.Namespace) -> int:
    import json

    from numcheck.checks import all_checks

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


def _explain(args: argparse.Namespace) -> int:
    from numcheck.checks import find_check

    check = find_check(args.rule)
    print(f"{check.code} {check.name} ({check.level})\n")
    print(check.documentation())
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
