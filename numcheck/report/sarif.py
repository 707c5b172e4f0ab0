"""SARIF 2.1.0: the format code scanning services (GitHub, Azure DevOps) read.

One run with numcheck's rules (from the checks' docstrings) and one result per finding.
Columns: numcheck counts columns in Unicode code points, so the run says
``"columnKind": "unicodeCodePoints"`` (SARIF's default would be UTF-16 code units); regions
are 1-based and ``endColumn`` is exclusive, as SARIF defines them. Relative paths are given
against ``%SRCROOT%``, the folder numcheck ran in. ``partialFingerprints`` hash the path, the
rule and the text of the claim (plus its ordinal among identical ones), so a finding keeps its
identity when lines move. Suppressed findings (``--show-suppressed``) carry an ``inSource``
suppression.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from numcheck import __version__
from numcheck.api import Result
from numcheck.checks import Check
from numcheck.checks import all_checks
from numcheck.findings import Finding
from numcheck.findings import Fix
from numcheck.findings import Location
from numcheck.report.links import docs_url
from numcheck.report.links import rule_url
from numcheck.report.sources import fingerprinted

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
FINGERPRINT = "numcheckClaimHash/v1"


def _rule(check: type[Check]) -> dict[str, Any]:
    sections = check.sections()
    rule: dict[str, Any] = {
        "id": check.code,
        "name": check.name,
        "shortDescription": {"text": check.summary()},
        "fullDescription": {"text": sections.get("What it does") or check.summary()},
        "help": {"text": check.documentation(), "markdown": check.documentation()},
        "defaultConfiguration": {"level": check.level},
    }
    url = rule_url(check.code, check.name)
    if url:
        rule["helpUri"] = url
    return rule


def _uri(path: str) -> dict[str, str]:
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path.replace(os.sep, "/")), "uriBaseId": "%SRCROOT%"}


def _region(location: Location) -> dict[str, int]:
    return {
        "startLine": location.line,
        "startColumn": location.column,
        "endLine": location.end_line,
        "endColumn": location.end_column,
    }


def _physical(location: Location) -> dict[str, Any]:
    return {
        "physicalLocation": {"artifactLocation": _uri(location.path), "region": _region(location)}
    }


def _fix(finding: Finding, fix: Fix) -> dict[str, Any]:
    return {
        "description": {"text": fix.message},
        "artifactChanges": [
            {
                "artifactLocation": _uri(finding.path),
                "replacements": [
                    {
                        "deletedRegion": _region(finding.location),
                        "insertedContent": {"text": fix.replacement},
                    }
                ],
            }
        ],
        "properties": {"applicability": fix.applicability},
    }


def _results(result: Result, rule_index: dict[str, int]) -> list[dict[str, Any]]:
    results = []
    for finding, fingerprint in fingerprinted(result):
        entry: dict[str, Any] = {
            "ruleId": finding.code,
            "level": finding.level,
            "message": {"text": finding.message},
            "locations": [_physical(finding.location)],
            "partialFingerprints": {FINGERPRINT: fingerprint},
        }
        if finding.code in rule_index:
            entry["ruleIndex"] = rule_index[finding.code]
        if finding.related:
            entry["relatedLocations"] = [
                {"id": index, **_physical(related.location), "message": {"text": related.message}}
                for index, related in enumerate(finding.related, 1)
            ]
        if finding.fix is not None:
            entry["fixes"] = [_fix(finding, finding.fix)]
        if finding.suppressed:
            entry["suppressions"] = [{"kind": "inSource"}]
        results.append(entry)
    return results


def render_findings(result: Result) -> str:
    checks = all_checks()
    driver: dict[str, Any] = {
        "name": "numcheck",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [_rule(check) for check in checks],
    }
    if docs_url():
        driver["informationUri"] = docs_url()
    rule_index = {check.code: index for index, check in enumerate(checks)}
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if result.skipped:
        invocation["toolExecutionNotifications"] = [
            {"level": "warning", "message": {"text": message}} for message in result.skipped
        ]
    run = {
        "tool": {"driver": driver},
        "invocations": [invocation],
        "originalUriBaseIds": {"%SRCROOT%": {"uri": _folder_uri(os.getcwd())}},
        "columnKind": "unicodeCodePoints",
        "results": _results(result, rule_index),
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _folder_uri(folder: str) -> str:
    uri = Path(folder).as_uri()
    return uri if uri.endswith("/") else uri + "/"
