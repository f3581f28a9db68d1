"""Cross-document restoration: two versions of one sentence show what was substituted for what.

Relations already carry aligned sentence pairs. The words where an aligned pair differs are the
substitutions. Which side is the original is decided by the same bigram model the spinner detector
uses: summed over every differing word of a relation, the original's words fit their neighbours
better. Copies of the same text (near duplicate, derived) restore any short replacement; two
independent reports of one event restore only words that are thesaurus neighbours, since their
writers chose their own words.
"""

from __future__ import annotations

import dataclasses
from difflib import SequenceMatcher

from kickoff.integrity.collocations import Token, context_score, tokens
from kickoff.integrity.verdict import integrity_of
from kickoff.lexicon import replaced_by, synonyms
from kickoff.model import AlignedSentence, Document, Finding, Relation

# A replaced run longer than this is a rewritten clause, not a substitution.
_LONGEST_SUBSTITUTION = 3
# Total log-likelihood the source must win by before a direction is claimed.
_DIRECTION_MARGIN = 2.0
_COPY_KINDS = ("exact duplicate", "near duplicate", "derived")
_CONFIDENCE = {"copy": 0.95, "same event": 0.7}


@dataclasses.dataclass(frozen=True)
class _Difference:
    aligned: AlignedSentence
    left: tuple[Token, ...]
    right: tuple[Token, ...]
    left_fit: float
    right_fit: float


def restore_from_relations(
    documents: tuple[Document, ...], relations: tuple[Relation, ...]
) -> tuple[tuple[Document, ...], tuple[Relation, ...]]:
    by_path = {document.path: document for document in documents}
    extra: dict[str, list[Finding]] = {}
    updated: list[Relation] = []
    for relation in relations:
        differences = _differences(relation)
        if not differences:
            updated.append(relation)
            continue
        left_fit = sum(d.left_fit for d in differences)
        right_fit = sum(d.right_fit for d in differences)
        if abs(left_fit - right_fit) < _DIRECTION_MARGIN:
            updated.append(relation)
            continue
        source_is_left = left_fit > right_fit
        source, copy = (relation.left, relation.right) if source_is_left else (relation.right, relation.left)
        confidence = _CONFIDENCE["copy" if relation.kind in _COPY_KINDS else "same event"]
        for difference in differences:
            extra.setdefault(copy, []).append(_finding(difference, source_is_left, source, confidence))
        if relation.kind in _COPY_KINDS:
            why = (
                f"likely source: {source}; {copy} reads as the reworded copy: its {len(differences)} differing "
                f"word(s) fit English word-pair statistics worse ({abs(left_fit - right_fit):.1f} log-likelihood)"
            )
            relation = dataclasses.replace(relation, source=source, evidence=(*relation.evidence, why))
        updated.append(relation)
    return tuple(_with_restorations(by_path[path], extra.get(path, [])) for path in by_path), tuple(updated)


def _differences(relation: Relation) -> list[_Difference]:
    copy_of_same_text = relation.kind in _COPY_KINDS
    found: list[_Difference] = []
    for aligned in relation.aligned:
        left_tokens = [t for t in tokens(aligned.left) if t.is_word]
        right_tokens = [t for t in tokens(aligned.right) if t.is_word]
        left_words = [t.lower for t in left_tokens]
        right_words = [t.lower for t in right_tokens]
        matcher = SequenceMatcher(None, left_words, right_words, autojunk=False)
        for operation, i1, i2, j1, j2 in matcher.get_opcodes():
            if operation != "replace" or max(i2 - i1, j2 - j1) > _LONGEST_SUBSTITUTION:
                continue
            if not copy_of_same_text and not _neighbours(left_words[i1:i2], right_words[j1:j2]):
                continue
            found.append(
                _Difference(
                    aligned,
                    tuple(left_tokens[i1:i2]),
                    tuple(right_tokens[j1:j2]),
                    _fit(left_words, i1, i2),
                    _fit(right_words, j1, j2),
                )
            )
    return found


def _neighbours(left: list[str], right: list[str]) -> bool:
    if len(left) != 1 or len(right) != 1:
        return False
    a, b = left[0], right[0]
    return b in synonyms(a) or a in synonyms(b) or b in replaced_by(a) or a in replaced_by(b)


def _fit(words: list[str], start: int, end: int) -> float:
    """How well a run of words fits between its neighbours, word by word."""
    total = 0.0
    for position in range(start, end):
        previous = words[position - 1] if position > 0 else None
        following = words[position + 1] if position + 1 < len(words) else None
        total += context_score(previous, words[position], following)
    return total / max(1, end - start)


def _finding(difference: _Difference, source_is_left: bool, source: str, confidence: float) -> Finding:
    aligned = difference.aligned
    original_tokens, copy_tokens = (
        (difference.left, difference.right) if source_is_left else (difference.right, difference.left)
    )
    copy_text, location = (
        (aligned.right, aligned.right_location) if source_is_left else (aligned.left, aligned.left_location)
    )
    original_text = aligned.left if source_is_left else aligned.right
    start, end = copy_tokens[0].start, copy_tokens[-1].end
    original = original_text[original_tokens[0].start : original_tokens[-1].end]
    return Finding(
        copy_text[start:end],
        location,
        -1,
        start,
        "spinner substitution",
        original,
        confidence,
        f"the aligned sentence in {source} (similarity {aligned.similarity:.2f}) has '{original}' here",
    )


def _with_restorations(document: Document, restored: list[Finding]) -> Document:
    if not restored or document.integrity is None:
        return document
    by_place = {(f.sentence, f.offset): f for f in document.integrity.findings}
    for finding in restored:
        located = dataclasses.replace(finding, sentence=_sentence_index(finding, document))
        key = (located.sentence, located.offset)
        if key in by_place and by_place[key].confidence >= located.confidence:
            continue
        by_place[key] = located
    return dataclasses.replace(document, integrity=integrity_of(document, list(by_place.values())))


def _sentence_index(finding: Finding, document: Document) -> int:
    """The copy's sentence that holds the finding (the one whose text has it at that offset)."""
    for sentence in document.sentences:
        if sentence.location == finding.location and sentence.text[finding.offset :].startswith(finding.span):
            return sentence.index
    return -1
