"""Agreement checks: one subject given figures that cannot all be true.

All three checks read one analysis of the corpus (``disagreements``): claims are indexed by
story and subject key, so only claims about the same thing in the same story are compared.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from numcheck.checks import Check
from numcheck.checks import Corpus
from numcheck.checks import register
from numcheck.checks.intervals import Comparable
from numcheck.checks.intervals import comparable
from numcheck.checks.intervals import conflict
from numcheck.checks.intervals import same_figure
from numcheck.checks.intervals import shared_unit
from numcheck.extraction.claims import Claim
from numcheck.findings import Finding
from numcheck.findings import Related

DOCUMENT, STORY_CONFLICT, STORY_VARIANCE = "document", "story-conflict", "story-variance"


@dataclass(frozen=True)
class Disagreement:
    kind: str
    claim: Claim
    others: tuple[Claim, ...]


def disagreements(corpus: Corpus) -> list[Disagreement]:
    """Every disagreement of the corpus, computed once and kept on the corpus."""
    cached = corpus.cache.get("disagreements")
    if cached is None:
        cached = corpus.cache["disagreements"] = list(_analyse(corpus))
    return cached


def _analyse(corpus: Corpus) -> Iterator[Disagreement]:
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for document in corpus.documents:
        story = corpus.stories.get(document.path, document.path)
        for claim in corpus.claims.get(document.path, []):
            if claim.key and not claim.restates and not claim.ambiguous:
                groups[(story, claim.key)].append(claim)
    for claims in groups.values():
        unit = shared_unit(claims)
        items = [c for c in (comparable(claim, unit) for claim in claims) if c is not None]
        inside = list(_within_documents(items))
        yield from inside
        contradicted = {id(found.claim) for found in inside}
        for found in _across_documents(items):
            if id(found.claim) not in contradicted:  # one finding a claim: the closer one
                yield found


def _within_documents(items: Sequence[Comparable]) -> Iterator[Disagreement]:
    by_path: dict[str, list[Comparable]] = defaultdict(list)
    for item in items:
        by_path[item.claim.path].append(item)
    for same_document in by_path.values():
        for index, later in enumerate(same_document):
            earlier = [
                e.claim
                for e in same_document[:index]
                # two figures for one subject in one sentence are contrasted on purpose:
                # "500 jobs in March and 1,200 in June"
                if e.claim.sentence != later.claim.sentence and conflict(e, later)
            ]
            if earlier:
                yield Disagreement(DOCUMENT, later.claim, tuple(earlier))


def _across_documents(items: Sequence[Comparable]) -> Iterator[Disagreement]:
    if len({item.claim.path for item in items}) < 2:
        return
    """Claims that do not state the figure most documents give: a conflict when they cannot
    be true together with it, a variance when they can."""
    clusters: list[list[Comparable]] = []
    for item in items:
        for cluster in clusters:
            if same_figure(cluster[0], item):
                cluster.append(item)
                break
        else:
            clusters.append([item])
    reference = max(clusters, key=lambda c: len({i.claim.path for i in c}))
    for cluster in clusters:
        if cluster is reference:
            continue
        for item in cluster:
            elsewhere = [o for o in items if o.claim.path != item.claim.path]
            if not elsewhere:
                continue
            standard = [o for o in reference if o.claim.path != item.claim.path]
            kind = STORY_CONFLICT if any(conflict(item, o) for o in standard) else STORY_VARIANCE
            yield Disagreement(kind, item.claim, tuple(o.claim for o in elsewhere))


def _said(claim: Claim) -> str:
    subject = f" {claim.subject}" if claim.subject and claim.dimension == "count" else ""
    return f"'{claim.text}'{subject}"


def _related(others: Sequence[Claim], *, prefix: str) -> tuple[Related, ...]:
    return tuple(Related(o.location, f"{prefix} {_said(o)}") for o in others)


class _AgreementCheck(Check):
    """The shared part of the agreement checks: each reports one kind of disagreement with
    its own ``message`` (placeholders: said, figures, documents)."""

    kind: ClassVar[str]
    message: ClassVar[str]
    related_prefix: ClassVar[str] = "says"

    def run(self, corpus: Corpus) -> Iterator[Finding]:
        for found in disagreements(corpus):
            if found.kind == self.kind:
                text = self.message.format(
                    said=_said(found.claim),
                    figures=_figures(found.others),
                    documents=_documents(found.others),
                )
                related = _related(found.others, prefix=self.related_prefix)
                yield self.finding(found.claim.location, text, related=related)


def _figures(claims: Sequence[Claim]) -> str:
    texts = list(dict.fromkeys(f"'{c.text}'" for c in claims))
    return ", ".join(texts[:3]) + (f" and {len(texts) - 3} more" if len(texts) > 3 else "")


def _documents(claims: Sequence[Claim]) -> str:
    count = len({c.path for c in claims})
    return f"{count} other document{'s' if count != 1 else ''}"


@register
class DocumentDisagreement(_AgreementCheck):
    """One document gives one subject two figures that cannot both be true.

    ## What it does
    Compares the claims of a document that share a subject key (see below) and reports a
    claim whose interval does not meet that of an earlier claim on the same subject:
    "11,000 troops" in one paragraph and "3,000 troops" in another. Two figures in one
    sentence are contrasted on purpose ("500 jobs in March and 1,200 in June") and a part or
    an addition ("another 3,000 troops", "3,000 more") is not the whole, so neither is
    compared.

    Subject keys: the head noun of the claim's subject, singular, through the synonym sets
    of `rules/subjects.yaml` (troops, soldiers and servicemen are one); the capitalised
    modifiers ("North Korean"); for a measure, the acronym it belongs to in its sentence
    ("ATACMS"); and the claim's dimension. Claims without a subject are never compared.

    Intervals: an exact figure carries the precision of its digits ("11,000" is 10,500 to
    11,500; a whole number with trailing zeros at most ±5%); "about" and its kin widen to
    ±10%; "over", "more than" are lower bounds; "fewer than", "under" upper bounds; "up to",
    "as much as" state a maximum, which disagrees with another maximum but not with a figure
    below it; ranges span their ends. Measures are compared in one unit with pint, so
    "190 miles" and "306 km" are one figure.

    ## Why is this bad?
    At most one of the two figures is right, and the reader cannot tell which.

    ## Example
    "Russia deployed 11,000 North Korean troops… the 3,000 North Korean troops in Kursk".
    Use instead: one figure, or say why they differ ("3,000 of them in Kursk").

    ## Fix safety
    No fix: only the writer knows which figure is right.
    """

    code, name, level = "NC201", "document-disagreement", "warning"
    kind = DOCUMENT
    message = "{said} contradicts {figures} earlier in this document"
    related_prefix = "earlier this document says"


@register
class StoryDisagreement(_AgreementCheck):
    """Documents about one story give one subject figures that cannot all be true.

    ## What it does
    Groups documents into stories (the `story:` front matter key, the `stories` groups of the
    configuration, or else strong overlap of the names and figures they mention; see
    `numcheck stories`), then compares the claims of the story that share a subject key, as
    NC201 does within a document. The figure most documents give is taken as the reference;
    a claim that cannot be true together with the claims elsewhere is reported, and the
    other places are listed as related locations.

    ## Why is this bad?
    Rewrites of one report should not change its facts; a disagreement means one of the
    versions was mistyped, misread or updated on one side only.

    ## Example
    Four articles say "over 10,000 North Korean troops" and one says "about 3,000 North
    Korean troops". Use instead: the figure the sources give.

    ## Fix safety
    No fix: only the writer knows which figure is right.
    """

    code, name, level = "NC202", "story-disagreement", "warning"
    kind = STORY_CONFLICT
    message = "{said} disagrees with {documents} of this story, which say {figures}"


@register
class StoryVariance(_AgreementCheck):
    """Documents about one story give one subject different figures that can both be true.

    ## What it does
    As NC202, for claims that differ from the figure most documents give but do not
    contradict it: "11,000 North Korean troops" against "over 10,000 North Korean troops".

    ## Why is this bad?
    It may be fine (a newer figure, a more precise source), but an editor should know that
    the versions of a story do not say the same thing.

    ## Example
    "11,000 North Korean troops" where the other versions say "over 10,000". Use instead:
    one figure across the versions, or a sourced reason for the difference.

    ## Fix safety
    No fix.
    """

    code, name, level = "NC203", "story-variance", "note"
    kind = STORY_VARIANCE
    message = (
        "{said} differs from {documents} of this story, which say {figures}; "
        "the figures are compatible"
    )
