"""Integrity: can each document's wording be trusted? Spun, tortured, machine-paraphrased, debris.

Per document: phrase-level findings from the detectors (``suspects``: tortured phrases, spinner
substitutions, rewriting artefacts) and the scraping debris that ingest removed. Across documents,
aligned sentences of related documents give substitutions directly (``restore``). Then one verdict
per document (``verdict``).
"""

from __future__ import annotations

import dataclasses

from kickoff.integrity.restore import restore_from_relations
from kickoff.integrity.suspects import Suspect, find_suspects, is_vocabulary, word_uses
from kickoff.integrity.verdict import integrity_of, verdict_of
from kickoff.model import Document, Finding, Location, Relation

__all__ = ["Suspect", "assess_document", "assess_integrity", "find_suspects", "verdict_of"]

REQUIRES = ("sentences", "profile", "relations")
PROVIDES = ("integrity",)

DEBRIS_CONFIDENCE = 0.9


def assess_integrity(
    documents: tuple[Document, ...], relations: tuple[Relation, ...], contextual: bool = False
) -> tuple[tuple[Document, ...], tuple[Relation, ...]]:
    """Check every document alone, then let related documents restore each other's wording."""
    # documents a worker process already assessed (pipeline, big bundles) are not assessed twice
    assessed = tuple(
        document if document.integrity is not None else assess_document(document, contextual) for document in documents
    )
    return restore_from_relations(assessed, relations)


# Code and data are not prose: a repeated cell or an escaped quote in them is not a rewriting trace.
_NOT_PROSE = ("code", "data")


def assess_document(document: Document, contextual: bool = False) -> Document:
    """One document read alone. ``contextual`` adds the replaced-token model's findings
    (``contextual.py``, an optional install); the caller decides, so that one run never mixes
    documents judged with and without it."""
    findings = _debris_findings(document)
    prose = document.profile is None or document.profile.kind not in _NOT_PROSE
    sentences = document.sentences if prose else ()
    texts = [sentence.text for sentence in sentences]
    per_sentence = [find_suspects(text) for text in texts]
    if any(suspect.judged_by_fit for suspects in per_sentence for suspect in suspects):
        # the document's word counts, only where a suspect asks for them: most documents have none
        uses = word_uses(texts)
        per_sentence = [[s for s in suspects if not is_vocabulary(s, uses)] for suspects in per_sentence]
    if contextual and sentences:
        from kickoff.integrity.contextual import confirmed, find_replaced_words, score_sentences, spun_document

        scores = score_sentences(texts)
        per_sentence = [
            [s for s in suspects if confirmed(s, words)] for suspects, words in zip(per_sentence, scores, strict=True)
        ]
        replaced_words = find_replaced_words(texts, scores)
        # The model's words are reported only where they are dense enough to make the verdict:
        # alone, each is weak evidence (contextual.py).
        kind = document.profile.kind if document.profile is not None else None
        if spun_document(replaced_words, sum(len(text.split()) for text in texts), kind):
            for suspects, replaced in zip(per_sentence, replaced_words, strict=True):
                suspects.extend(r for r in replaced if not any(r.start < s.end and s.start < r.end for s in suspects))
                suspects.sort(key=lambda suspect: suspect.start)
    for sentence, suspects in zip(sentences, per_sentence, strict=True):
        for suspect in suspects:
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
