"""Build plain-text documents from sentences and run extraction or the checks on them."""

from __future__ import annotations

from numcheck.api import check_documents
from numcheck.api import document_claims
from numcheck.extraction.claims import Claim
from numcheck.findings import Finding
from numcheck.reading.documents import plain_text_document


def claims_of(text: str, path: str = "sentence.txt") -> list[Claim]:
    """Every claim numcheck extracts from ``text`` read as a plain-text file, with its key
    and frame."""
    return document_claims(plain_text_document(path, text))


def findings_of(text: str, select: list[str] | None = None) -> list[Finding]:
    """The findings of the checks in ``select`` (all of them by default) on ``text``."""
    document = plain_text_document("sentence.txt", text)
    return check_documents([document], select=select).findings


def unit_of(claim: Claim) -> str | None:
    """The claim's pint unit or currency code; every reading joined by "|" when the unit is
    ambiguous ("short_ton|long_ton|metric_ton"); None for a plain count."""
    if claim.unit is not None:
        return claim.unit
    if claim.readings:
        return "|".join(reading.unit or "" for reading in claim.readings)
    return None
