"""The check framework: a registry of checks, each documented by its docstring.

A check is a class with a stable ``code``, a kebab-case ``name`` that names the problem, a
default ``level`` and declared ``options``. Its docstring is its documentation and must have
the sections of ``DOC_SECTIONS``; ``numcheck explain``, the README rule list and SARIF rule
help are all made from it.
"""

from __future__ import annotations

import importlib
import inspect
import math
import reprlib
from collections.abc import Iterator
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from typing import TYPE_CHECKING
from typing import Any
from typing import ClassVar

from numcheck.extraction.claims import Claim
from numcheck.failures import EXPECTED
from numcheck.failures import InternalError
from numcheck.findings import Finding
from numcheck.findings import Fix
from numcheck.findings import Level
from numcheck.findings import Location
from numcheck.findings import Related
from numcheck.reading.documents import Document

if TYPE_CHECKING:
    from numcheck.reading.suppressions import Suppression

CHECK_MODULES = (
    "numcheck.checks.internal",
    "numcheck.checks.suppression",
    "numcheck.checks.conversion",
    "numcheck.checks.agreement",
)
DOC_SECTIONS = ("What it does", "Why is this bad?", "Example", "Fix safety")
_REGISTRY: dict[str, type[Check]] = {}


class CheckError(Exception):
    """A bad option value or an unknown rule code/name."""


@dataclass(frozen=True)
class Option:
    description: str
    default: Any
    kind: type = float
    minimum: float | None = None

    def validate(self, key: str, value: Any) -> Any:
        if self.kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, self.kind) or isinstance(value, bool) != (self.kind is bool):
            raise CheckError(f"'{key}' must be a {self.kind.__name__}, not {reprlib.repr(value)}")
        if isinstance(value, float) and not math.isfinite(value):
            raise CheckError(f"'{key}' must be a finite number, not {value!r}")
        if self.minimum is not None and value < self.minimum:
            raise CheckError(f"'{key}' must be at least {self.minimum}, not {value!r}")
        return value


@dataclass
class Corpus:
    """What the checks see: every document read, with its claims, in reading order."""

    documents: list[Document]
    claims: dict[str, list[Claim]]
    stories: dict[str, str] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)
    # Paths whose findings are wanted (None: all); per-document checks skip the others.
    report_on: set[str] | None = None
    # Unexpected errors met while checking (numcheck.failures); the run goes on without them.
    failures: list[InternalError] = field(default_factory=list)
    # What a caller that checks the same documents again and again (the language server)
    # keeps between runs: checks keep there results that stay true while their claims do
    # (numcheck.checks.kept). None: nothing is kept.
    kept: dict[str, Any] | None = None


class Check:
    code: ClassVar[str]
    name: ClassVar[str]
    level: ClassVar[Level]
    options: ClassVar[Mapping[str, Option]] = {}
    # False for a rule that config tables cannot tune or turn off (NC000).
    configurable: ClassVar[bool] = True

    def __init__(self, settings: Mapping[str, Any] | None = None) -> None:
        settings = dict(settings or {})
        unknown = sorted(set(settings) - set(self.options))
        if unknown:
            allowed = ", ".join(sorted(self.options)) or "none"
            raise CheckError(f"{self.name}: unknown option '{unknown[0]}' (allowed: {allowed})")
        self.settings = {
            key: option.validate(f"{self.name}.{key}", settings.get(key, option.default))
            for key, option in self.options.items()
        }

    def run(self, corpus: Corpus) -> Iterator[Finding]:
        for document in corpus.documents:
            if corpus.report_on is None or document.path in corpus.report_on:
                claims = corpus.claims.get(document.path, [])
                try:
                    found = list(self.check_document(document, claims))
                except EXPECTED:
                    raise
                except Exception as error:  # a bug in one document must not end the run
                    corpus.failures.append(
                        InternalError.of(error, document=document, rule=self.code)
                    )
                    continue
                yield from found

    def check_document(self, document: Document, claims: list[Claim]) -> Iterator[Finding]:
        return iter(())

    def review(
        self, corpus: Corpus, suppression: Suppression, ran: Sequence[type[Check]]
    ) -> Iterator[Finding]:
        """Findings made once the findings of every check that ``ran`` have been through the
        suppression comments (which of them were used is in ``suppression``)."""
        return iter(())

    def finding(
        self,
        location: Location,
        message: str,
        *,
        related: tuple[Related, ...] = (),
        fix: Fix | None = None,
        level: Level | None = None,
    ) -> Finding:
        return Finding(location, self.code, self.name, level or self.level, message, related, fix)

    @classmethod
    def summary(cls) -> str:
        return cls.documentation().splitlines()[0]

    @classmethod
    def documentation(cls) -> str:

        return inspect.getdoc(cls) or ""

    @classmethod
    def sections(cls) -> dict[str, str]:
        """The docstring's ``## Section`` blocks by title."""
        found: dict[str, list[str]] = {}
        current = None
        for line in cls.documentation().splitlines()[1:]:
            if line.startswith("## "):
                current = line[3:].strip()
                found[current] = []
            elif current is not None:
                found[current].append(line)
        return {title: "\n".join(lines).strip() for title, lines in found.items()}


def register(check: type[Check]) -> type[Check]:
    _REGISTRY[check.code] = check
    return check


def all_checks() -> list[type[Check]]:
    for module in CHECK_MODULES:
        importlib.import_module(module)
    return [_REGISTRY[code] for code in sorted(_REGISTRY)]


def find_check(code_or_name: str) -> type[Check]:
    wanted = code_or_name.strip()
    for check in all_checks():
        if wanted.upper() == check.code or wanted.lower() == check.name:
            return check
    raise CheckError(f"unknown rule '{code_or_name}' (see `numcheck rules`)")


def selected_checks(
    select: list[str] | None = None, ignore: list[str] | None = None
) -> list[type[Check]]:
    """Checks chosen by code, code prefix ("NC1") or name; ``ignore`` wins over ``select``."""

    def matches(check: type[Check], patterns: list[str]) -> bool:
        return any(
            check.code.startswith(p.strip().upper()) or check.name == p.strip().lower()
            for p in patterns
        )

    checks = all_checks()
    for pattern in (select or []) + (ignore or []):
        if not any(matches(check, [pattern]) for check in checks) and pattern.upper() != "ALL":
            raise CheckError(f"unknown rule '{pattern}' (see `numcheck rules`)")
    chosen = [
        c
        for c in checks
        if not select or "ALL" in [s.upper() for s in select] or matches(c, select)
    ]
    return [c for c in chosen if not matches(c, ignore or [])]
