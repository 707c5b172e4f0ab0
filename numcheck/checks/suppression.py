"""Suppression checks: comments that are meant to silence findings but are broken or idle."""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Sequence

from numcheck.checks import Check
from numcheck.checks import Corpus
from numcheck.checks import all_checks
from numcheck.checks import register
from numcheck.findings import Finding
from numcheck.findings import Location
from numcheck.reading.documents import Document
from numcheck.reading.suppressions import ALL
from numcheck.reading.suppressions import Directive
from numcheck.reading.suppressions import Suppression
from numcheck.reading.suppressions import directives


def _known(rule: str, checks: Sequence[type[Check]]) -> bool:
    return rule == ALL or any(c.code.lower().startswith(rule) or c.name == rule for c in checks)


def _names_rule(rule: str, check: type[Check]) -> bool:
    return rule == ALL or check.code.lower().startswith(rule) or check.name == rule


@register
class InvalidSuppression(Check):
    """A suppression comment is broken or silences nothing.

    ## What it does
    Reads every comment that starts with `numcheck:` (see "Suppressing findings") and
    reports three things, each at the comment:

    - a directive that is not one: `disable-nextline`, `disabel` (the closest directive is
      suggested). It silences nothing.
    - a rule that does not exist: `NC999`, `conversion-mismach`. The other rules of the
      comment still apply.
    - a directive, or one rule of it, that silenced no finding in this run, as ruff's RUF100
      reports an unused `noqa`: a comment left behind after the figure was corrected, or one
      that never covered the figure it was written for. A rule that did not run
      (`--select`, `--ignore`, `select` in the configuration) is never reported as unused,
      a directive for every rule only when every rule ran, and a directive that names this
      rule never.

    ## Why is this bad?
    A mistyped directive fails silently: the finding it was written for comes back, or
    worse, a directive read loosely silences more than it says. An idle one waits to hide
    the next real error on its line.

    ## Example
    `<!-- numcheck: disable-nextline NC101 -->`. Use instead:
    `<!-- numcheck: disable-next-line NC101 -->`.

    ## Fix safety
    No fix: only the writer knows which directive or rule was meant, and whether an idle
    comment should go.
    """

    code, name, level = "NC001", "invalid-suppression", "warning"

    def review(
        self, corpus: Corpus, suppression: Suppression, ran: Sequence[type[Check]]
    ) -> Iterator[Finding]:
        """Findings on the directives of the reported documents, once the other checks'
        findings have been marked suppressed."""
        checks = all_checks()
        used_by: dict[tuple[str, int], set[str]] = {}  # the rules each directive silenced
        for path, index, rule in suppression.used:
            used_by.setdefault((path, index), set()).add(rule)
        for document in corpus.documents:
            if corpus.report_on is not None and document.path not in corpus.report_on:
                continue
            found = suppression.directives.get(document.path)
            if found is None:
                found = directives(document)
            for index, directive in enumerate(found):
                yield from self._problems(document, directive, checks)
                if directive.valid and directive.action != "enable":
                    used = used_by.get((document.path, index), set())
                    yield from self._unused(document, directive, used, ran, checks)

    def _problems(
        self, document: Document, directive: Directive, checks: Sequence[type[Check]]
    ) -> Iterator[Finding]:
        where = _location(document, directive)
        if not directive.valid:
            shown = directive.action or "(nothing)"
            hint = directive.suggestion()
            meant = f" (did you mean '{hint}'?)" if hint else ""
            yield self.finding(
                where,
                f"'{shown}' is not a numcheck directive{meant}; the comment silences nothing",
            )
            return
        for name in directive.names:
            if not _known(name.lower(), checks) and name.lower() != "all":
                yield self.finding(
                    where,
                    f"'{name}' is not a numcheck rule (see `numcheck rules`); it silences nothing",
                )

    def _unused(
        self,
        document: Document,
        directive: Directive,
        used: set[str],
        ran: Sequence[type[Check]],
        checks: Sequence[type[Check]],
    ) -> Iterator[Finding]:
        if any(_names_rule(rule, type(self)) for rule in directive.rules if rule != ALL):
            return
        idle = []
        for rule in sorted(directive.rules - used):
            if rule == ALL and len(ran) < len(checks):
                continue  # some rules did not run: they might have been silenced
            if rule != ALL and not any(_names_rule(rule, check) for check in ran):
                continue  # unknown (reported above), or not run
            idle.append(rule)
        if not idle:
            return
        unused = [name for name in directive.names if name.lower() in idle]
        what = f"no {', '.join(unused)} finding" if unused and used else "no finding"
        yield self.finding(
            _location(document, directive),
            f"unused suppression: '{directive.text}' silenced {what}",
        )


def _location(document: Document, directive: Directive) -> Location:
    line, column = document.position(directive.start)
    end_line, end_column = document.position(directive.end)
    return Location(
        document.path, line, column, end_line, end_column, directive.start, directive.end
    )
