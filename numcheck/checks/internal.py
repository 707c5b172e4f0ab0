"""NC000: numcheck's own failures, reported where they happened."""

from __future__ import annotations

from numcheck.checks import Check
from numcheck.checks import register
from numcheck.failures import CODE
from numcheck.failures import NAME


@register
class InternalFailure(Check):
    """numcheck failed on part of a document; that part was not checked.

    ## What it does
    Reports an unexpected error (a bug in numcheck) met while reading, extracting or checking
    one document, at the line where it happened: `numcheck: internal error in PATH near line
    L: ExceptionName: message; please report` on stderr, and an NC000 finding in every
    format. The other documents are still checked, and the exit status is 2. An error in a
    check that compares several documents names the rule instead of a line.

    ## Why is this bad?
    The claims of that part of the document were not read or not compared, so a real
    finding may be missing.

    ## Example
    A sentence that makes numcheck fail. Use instead: nothing to change in the text; report
    the message and the sentence.

    ## Fix safety
    No fix. NC000 is always reported: `--select`, `--ignore` and suppression comments do not
    hide it.
    """

    code, name, level = CODE, NAME, "error"
    configurable = False
