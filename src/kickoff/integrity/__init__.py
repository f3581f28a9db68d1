"""Integrity: can each document's wording be trusted? Spun, tortured, machine-paraphrased, debris.

Per document: phrase-level findings from the detectors (``suspects``: tortured phrases, spinner
substitutions, rewriting artefacts) and the scraping debris that ingest removed. Across documents,
aligned sentences of related documents give substitutions directly (``restore``). Then one verdict
per document (``verdict``).
"""

from __future__ import annotations

import dataclasses

from kickoff.integrity.restore import restore_from_relations
from kickoff.integrity.suspects import Suspect, find_suspects
from kickoff.integrity.verdict import integrity_of, verdict_of
from kickoff.model import Document, Finding, Location, Relation

__all__ = ["Suspect", "assess_document", "assess_integrity", "find_suspects", "verdict_of"]

REQUIRES = ("sentences", "profile", "relations")
PROVIDES = ("integrity",)

DEBRIS_CONFIDENCE = 0.9


def assess_integrity(
    documents: tuple[Document, ...], relations: tuple[Relation, ...]
) -> tuple[tuple[Document, ...], tuple[Relation, ...]]:
    """Check every document alone, then let related documents restore each other's wording."""
    # documents a worker process already assessed (pipeline, big bundles) are not assessed twice
    assessed = tuple(
        document if document.integrity is not None else assess_document(document) for document in documents
    )
    return restore_from_relations(assessed, relations)


# Code and data are not prose: a repeated cell or an escaped quote in them is not a rewriting trace.
_NOT_PROSE = ("code", "data")


def assess_document(document: Document) -> Document:
    findings = _debris_findings(document)
    prose = document.profile is None or document.profile.kind not in _NOT_PROSE
    sentences = document.sentences if prose else ()
    for sentence in sentences:
        for suspect in find_suspects(sentence.text):
            findings.append(
                Finding(
                    suspect.span,
                    sentence.location,
                    sentence.index,
                    suspect.start,
                    suspect.kind,
                    suspect.original,
                    suspect.confidence,
                    suspect.evidence,
                )
            )
    return dataclasses.replace(document, integrity=integrity_of(document, findings))


def _debris_findings(document: Document) -> list[Finding]:
    """What ingest cut away (loaders, share buttons, stray punctuation) is recorded, not hidden."""
    return [
        Finding(
            debris,
            Location(document.path),
            -1,
            0,
            "scraping debris",
            None,
            DEBRIS_CONFIDENCE,
            "page furniture left by a scraper; removed before analysis",
        )
        for debris in document.source.removed_debris
    ]
