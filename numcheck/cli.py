"""The command line: argument parsing only; the work is done by numcheck.api."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from numcheck import __version__
from numcheck.findings import LEVEL_RANK
from numcheck.report import FORMATS

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

    def reading(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("paths", nargs="*", default=["."], help="files or directories; - for stdin")
        sub.add_argument("--format", choices=sorted(FORMATS), default="text")
        sub.add_argument("--include", action="append", metavar="GLOB", help="files to read in directories")
        sub.add_argument("--exclude", action="append", metavar="GLOB", help="files to leave out")
        sub.add_argument("--stdin-filename", metavar="PATH", help="the path to report for stdin")
        sub.add_argument("--rules", action="append", metavar="DIR", help="an extra rule pack folder")

    check = commands.add_parser("check", help="report findings")
    reading(check)
    check.add_argument("--select", type=_comma_list, metavar="CODES", help="only these rules")
    check.add_argument("--ignore", type=_comma_list, metavar="CODES", help="not these rules")
    check.add_argument(
        "--fail-level", choices=["error", "warning", "note"], default="warning",
        help="exit 1 when a finding is at this level or above (default: warning)",
    )  # fmt: skip
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
    reading(stories)
    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--format", choices=["text", "json"], default="text")
    explain = commands.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule", help="a rule code (NC101) or name (conversion-mismatch)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from numcheck.checks import CheckError
    from numcheck.discover import InputError
    from numcheck.rulepacks import RulePackError

    try:
        return _COMMANDS[args.command](args)
    except (UsageError, CheckError, InputError, RulePackError) as error:
        print(f"numcheck: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _read(args: argparse.Namespace):
    from numcheck import api
    from numcheck.discover import DEFAULT_INCLUDE
    from numcheck.discover import read_text
    from numcheck.rulepacks import add_pack_dirs

    if args.rules:
        add_pack_dirs(args.rules)
    if "-" in args.paths:
        if len(args.paths) > 1:
            raise UsageError("'-' (stdin) cannot be mixed with other paths")
        label = args.stdin_filename or "-"
        return [read_text(label, sys.stdin.read())], []
    include = tuple(args.include) if args.include else DEFAULT_INCLUDE
    return api.read_documents(args.paths, include=include, exclude=tuple(args.exclude or ()))


def _report_skipped(skipped: list[str]) -> None:
    for message in skipped:
        print(f"numcheck: {message}", file=sys.stderr)


def _check(args: argparse.Namespace) -> int:
    from numcheck import api
    from numcheck.report import formatter

    documents, skipped = _read(args)

    def run(documents: list) -> api.Result:
        return api.check_documents(documents, select=args.select, ignore=args.ignore)

    if args.fix or args.diff:
        return _fix(args, documents, skipped, run)
    result = run(documents)
    result.skipped = skipped
    sys.stdout.write(formatter(args.format).render_findings(result))
    _report_skipped(skipped)
    if skipped:
        return EXIT_USAGE
    threshold = LEVEL_RANK[args.fail_level]
    failing = any(LEVEL_RANK[f.level] >= threshold for f in result.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _fix(args: argparse.Namespace, documents: list, skipped: list[str], run) -> int:
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
    if stdin:
        document = documents[0]
        sys.stdout.write(outcome.fixed.get(document.path, document.source))
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
    result = outcome.result
    result.skipped = skipped
    (sys.stderr if stdin else sys.stdout).write(formatter(args.format).render_findings(result))
    _report_skipped(skipped)
    if skipped:
        return EXIT_USAGE
    threshold = LEVEL_RANK[args.fail_level]
    failing = any(LEVEL_RANK[f.level] >= threshold for f in result.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _claims(args: argparse.Namespace) -> int:
    from numcheck.api import Result
    from numcheck.extract import extract
    from numcheck.report import formatter

    documents, skipped = _read(args)
    claims = [claim for document in documents for claim in extract(document)]
    result = Result(claims=claims, documents=documents, skipped=skipped)
    sys.stdout.write(formatter(args.format).render_claims(result))
    _report_skipped(skipped)
    return EXIT_USAGE if skipped else EXIT_CLEAN


def _stories(args: argparse.Namespace) -> int:
    import json

    from numcheck.extract import extract
    from numcheck.stories import group_stories

    documents, skipped = _read(args)
    claims = {document.path: extract(document) for document in documents}
    groups: dict[str, list[str]] = {}
    for path, story in group_stories(documents, claims).items():
        groups.setdefault(story, []).append(path)
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    if args.format == "json":
        rows = [{"story": story, "documents": sorted(paths)} for story, paths in ordered]
        print(json.dumps({"stories": rows}, indent=2, ensure_ascii=False))
    else:
        for story, paths in ordered:
            print(f"{story} ({len(paths)} document{'s' if len(paths) != 1 else ''})")
            for path in sorted(paths):
                print(f"    {path}")
    _report_skipped(skipped)
    return EXIT_USAGE if skipped else EXIT_CLEAN


def _rules(args: argparse.Namespace) -> int:
    import json

    from numcheck.checks import all_checks

    checks = all_checks()
    if args.format == "json":
        rows = [
            {"code": c.code, "name": c.name, "level": c.level, "summary": c.summary()} for c in checks
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


_COMMANDS = {
    "check": _check,
    "claims": _claims,
    "stories": _stories,
    "rules": _rules,
    "explain": _explain,
}


if __name__ == "__main__":
    raise SystemExit(main())
