"""Integrity: can each document's wording be trusted? (spun, machine-paraphrased, debris)."""

from __future__ import annotations

from kickoff.model import Document, Relation

__all__ = ["assess_integrity"]

REQUIRES = ("sentences", "profile", "relations")
PROVIDES = ("integrity",)


def assess_integrity(
    documents: tuple[Document, ...], relations: tuple[Relation, ...]
) -> tuple[tuple[Document, ...], tuple[Relation, ...]]:
    """Not built yet (issue 3): documents pass through unchanged and the report says 'not checked'."""
    return documents, relations
