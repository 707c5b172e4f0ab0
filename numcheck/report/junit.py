"""JUnit XML, for CI systems that show test reports (Jenkins, GitLab, Azure Pipelines...).

One ``<testsuite>`` per file checked, named by its path. Each finding is a ``<testcase>``
(``name`` the rule code and name, ``classname`` the path, ``file`` and ``line``) holding a
``<failure>`` whose ``message`` is the finding's message, ``type`` its level, and whose text
is the finding in the text format with its related places. A file without findings has one
passing test case, so the report lists every file checked; files that could not be read are
skipped test cases in a suite of their own. Suppressed findings are left out.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from numcheck.api import Result
from numcheck.report.sources import unsuppressed
from numcheck.report.text import head
from numcheck.report.text import related_place

SKIPPED_SUITE = "unreadable files"


def render_findings(result: Result) -> str:
    findings = unsuppressed(result)
    root = ElementTree.Element("testsuites", name="numcheck")
    by_path: dict[str, list] = {document.path: [] for document in result.checked}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    for path, found in by_path.items():
        suite = ElementTree.SubElement(root, "testsuite", name=path)
        suite.set("tests", str(max(len(found), 1)))
        suite.set("failures", str(len(found)))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        if not found:
            ElementTree.SubElement(suite, "testcase", name="numcheck", classname=path, file=path)
        for finding in found:
            case = ElementTree.SubElement(
                suite,
                "testcase",
                name=f"{finding.code} {finding.name}",
                classname=path,
                file=path,
                line=str(finding.location.line),
            )
            failure = ElementTree.SubElement(
                case, "failure", message=finding.message, type=finding.level
            )
            failure.text = "\n".join([head(finding), *related_place(finding)])
    if result.skipped:
        suite = ElementTree.SubElement(root, "testsuite", name=SKIPPED_SUITE)
        for key, value in (("tests", len(result.skipped)), ("failures", 0), ("errors", 0)):
            suite.set(key, str(value))
        suite.set("skipped", str(len(result.skipped)))
        for message in result.skipped:
            case = ElementTree.SubElement(suite, "testcase", name=message, classname=SKIPPED_SUITE)
            ElementTree.SubElement(case, "skipped", message=message)
    cases = root.findall("testsuite/testcase")
    root.set("tests", str(len(cases)))
    root.set("failures", str(len(findings)))
    root.set("errors", "0")
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
