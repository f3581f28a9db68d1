"""Cross-document restoration: two versions of one sentence show what was substituted for what.

Relations already carry aligned sentence pairs. The words where an aligned pair differs are the
substitutions. Which side is the original is decided by the same bigram model the spinner detector
uses: summed over every differing word of a relation, the original's words fit their neighbours
better. Copies of the same text (near duplicate, derived) restore any short replacement; two
independent reports of one event restore only words that are thesaurus neighbours, since their
writers chose their own words.

A reworded copy whose sentences were rebuilt rather than swapped word for word (words moved,
added or dropped, sentence after sentence, in the same order) is a machine paraphrase: a round-trip
translation or a paraphrasing tool. Its sentences are findings of their own, with the source
sentence as the original wording. Which side is the copy: the earlier publication date is the
source; without dates, the side whose differing words are the more frequent ones is the copy,
since translation loses lexical richness (Vanmassenhove, Shterionov & Way, 2019: "Lost in
Translation: Loss and Decay of Linguistic Richness in Machine Translation").
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from difflib import SequenceMatcher

from kickoff.integrity.collocations import Token, context_score, log_frequency, lower_words, tokens
from kickoff.integrity.verdict import integrity_of
from kickoff.lexicon import replaced_by, synonyms
from kickoff.model import AlignedSentence, Document, Finding, Relation, differing_pairs
from kickoff.profile.dates import MONTH_NAMES, WEEKDAY_NAMES
from kickoff.relate import publication_date
from kickoff.text import STOPWORDS

# A replaced run longer than this is a rewritten clause, not a substitution.
_LONGEST_SUBSTITUTION = 3
# Share of the differences that are names, numbers and dates at which two documents read as one
# template filled in twice (or two versions of one document), not as a spun copy.
_TEMPLATE_SHARE = 0.4
# Total log-likelihood the source must win by before word-pair fit counts as a signal of direction.
_DIRECTION_MARGIN = 2.0
# Independent signals that must agree, with none against, before a source is named.
_AGREEING_SIGNALS = 2
# Read-alone findings (debris, swaps, artefacts) one side must have more of before they count.
_TRACE_MARGIN = 2
_COPY_KINDS = ("exact duplicate", "near duplicate", "derived")
_CONFIDENCE = {"copy": 0.95, "same event": 0.7}
# A derived copy is a paraphrase when this many aligned sentences, and at least this share of them,
# were rebuilt: a content word moved, or words added or dropped.
PARAPHRASE_MINIMUM_SENTENCES = 3
PARAPHRASE_MINIMUM_SHARE = 0.5
_PARAPHRASE_MINIMUM_ADDED_OR_DROPPED = 2
# Mean natural-log frequency by which the copy's differing words must be the commoner ones.
_RICHNESS_MARGIN = 0.5
PARAPHRASE_CONFIDENCE = 0.6


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
        paraphrased = _paraphrased(relation)
        if paraphrased:
            relation = _paraphrase(relation, paraphrased, by_path, extra)
            updated.append(relation)
            continue
        differences = _differences(relation)
        if not differences:
            updated.append(relation)
            continue
        left_fit = sum(d.left_fit for d in differences)
        right_fit = sum(d.right_fit for d in differences)
        source_is_left, reasons = _direction(relation, by_path, (left_fit, right_fit), None)
        if source_is_left is None:
            why = "direction unknown: " + "; ".join(reasons) if reasons else "direction unknown: no signal"
            updated.append(dataclasses.replace(relation, evidence=(*relation.evidence, why)))
            continue
        source, copy = (relation.left, relation.right) if source_is_left else (relation.right, relation.left)
        confidence = _CONFIDENCE["copy" if relation.kind in _COPY_KINDS else "same event"]
        for difference in differences:
            extra.setdefault(copy, []).append(_finding(difference, source_is_left, source, confidence))
        if relation.kind in _COPY_KINDS:
            why = f"likely source: {source}; {copy} reads as the reworded copy; " + "; ".join(reasons)
            relation = dataclasses.replace(relation, source=source, evidence=(*relation.evidence, why))
        else:
            # Two reports of one event: neither copied the other, but where their aligned sentences
            # differ by a thesaurus neighbour, one wording is the original and the other a swap.
            why = (
                f"original wording: {source}; where aligned sentences differ by a synonym, {copy}'s words are "
                "marked as substitutions; " + "; ".join(reasons)
            )
            relation = dataclasses.replace(relation, evidence=(*relation.evidence, why))
        updated.append(relation)
    # The comparisons kept per pair of sentences (up to 131,072 of them) are of no use to the
    # stages that follow, and the report, where a data room's memory peaks, would hold them too.
    for cache in (_replaced_runs, _rebuilt_text, _word_opcodes):
        cache.cache_clear()
    return tuple(_with_restorations(by_path[path], extra.get(path, [])) for path in by_path), tuple(updated)


def _paraphrased(relation: Relation) -> list[AlignedSentence]:
    """The aligned sentences of a derived copy that were rebuilt, if enough were to call it a paraphrase."""
    if relation.kind != "derived":
        return []
    rebuilt = [aligned for aligned in differing_pairs(relation.aligned) if _rebuilt(aligned)]
    if len(rebuilt) < PARAPHRASE_MINIMUM_SENTENCES or len(rebuilt) < PARAPHRASE_MINIMUM_SHARE * len(relation.aligned):
        return []
    return rebuilt


def _rebuilt(aligned: AlignedSentence) -> bool:
    """Words moved, added or dropped: what a spinner, swapping words in place, never does."""
    if aligned.left == aligned.right:
        return False  # the common case in a data room of overlapping excerpts; nothing to compare
    return _rebuilt_text(aligned.left, aligned.right)


# Distinct pairs of differing sentences whose comparison is kept. In a data room one pair of
# sentences recurs in the relations of every copy of a copy (10,946 distinct pairs in 89,011
# comparisons at 10,000 documents); at 100,000 documents a smaller cache of whole token lists
# thrashed, and making tokens was most of the integrity stage. What is kept per pair is small:
# a flag, or the few replaced runs.
_PAIR_CACHE = 131_072


@functools.lru_cache(maxsize=_PAIR_CACHE)
def _rebuilt_text(left_text: str, right_text: str) -> bool:
    left, right, opcodes = _word_opcodes(left_text, right_text)
    matched_left: set[int] = set()
    matched_right: set[int] = set()
    added_or_dropped = 0
    for operation, i1, i2, j1, j2 in opcodes:
        if operation == "equal":
            matched_left.update(range(i1, i2))
            matched_right.update(range(j1, j2))
        elif operation in ("insert", "delete"):
            added_or_dropped += (i2 - i1) + (j2 - j1)
    unmatched_left = {w for i, w in enumerate(left) if i not in matched_left and w not in STOPWORDS}
    unmatched_right = {w for j, w in enumerate(right) if j not in matched_right and w not in STOPWORDS}
    moved = unmatched_left & unmatched_right
    return bool(moved) or added_or_dropped >= _PARAPHRASE_MINIMUM_ADDED_OR_DROPPED


def _paraphrase(
    relation: Relation,
    rebuilt: list[AlignedSentence],
    by_path: dict[str, Document],
    extra: dict[str, list[Finding]],
) -> Relation:
    """Mark the copy's rebuilt sentences, with the source's sentence as the original wording."""
    share = f"{len(rebuilt)} of {len(relation.aligned)} aligned sentences were rebuilt (words moved, added or dropped)"
    source_is_left, reasons = _direction(relation, by_path, None, rebuilt)
    if source_is_left is None:
        why = f"one is a sentence-by-sentence paraphrase of the other: {share}; direction unknown: " + (
            "; ".join(reasons) if reasons else "no signal"
        )
        return dataclasses.replace(relation, evidence=(*relation.evidence, why))
    reason = "; ".join(reasons)
    source, copy = (relation.left, relation.right) if source_is_left else (relation.right, relation.left)
    for aligned in rebuilt:
        copy_text, location = (
            (aligned.right, aligned.right_location) if source_is_left else (aligned.left, aligned.left_location)
        )
        original = aligned.left if source_is_left else aligned.right
        extra.setdefault(copy, []).append(
            Finding(
                copy_text,
                location,
                -1,
                0,
                "machine-translation artefact",
                original,
                PARAPHRASE_CONFIDENCE,
                f"rebuilt from the aligned sentence in {source} (similarity {aligned.similarity:.2f}): "
                "same content and order, words moved, added or dropped",
            )
        )
    why = f"likely source: {source}; {copy} reads as a machine paraphrase of it: {share}; {reason}"
    return dataclasses.replace(relation, source=source, evidence=(*relation.evidence, why))


def _direction(
    relation: Relation,
    by_path: dict[str, Document],
    fit: tuple[float, float] | None,
    rebuilt: list[AlignedSentence] | None,
) -> tuple[bool | None, list[str]]:
    """(source is the left document, the signals), or (None, the signals) when they do not agree.

    Naming the source accuses the other document of copying, so it takes at least two independent
    signals and none against: the earlier publication date; page debris and rewriting traces that
    each document shows read alone (a content farm's copy carries more of both); and one signal
    from the differences themselves. Where words were swapped in place (a spinner), the swapped
    words fit their neighbours worse. Where sentences were rebuilt (translation, paraphrase), the
    copy's words are the commoner ones (translation loses lexical richness, Vanmassenhove et al.
    2019); word fit says nothing there, since a translation is fluent. The two difference signals
    are never used together: a spinner makes the copy's words rarer and a translation commoner,
    so between two fluent versions they point opposite ways for the same pair. On the 23 real
    copies beside their originals, a single signal named the copy as the source 8 times
    (eval/content_farm.py)."""
    votes: list[tuple[bool, str]] = []
    left, right = by_path[relation.left], by_path[relation.right]
    left_date, right_date = publication_date(left), publication_date(right)
    if left_date and right_date and left_date != right_date:
        earlier = relation.left if left_date < right_date else relation.right
        votes.append((left_date < right_date, f"{earlier} was published first ({min(left_date, right_date)})"))
    if fit is not None and abs(fit[0] - fit[1]) >= _DIRECTION_MARGIN:
        worse = relation.right if fit[0] > fit[1] else relation.left
        votes.append(
            (fit[0] > fit[1], f"{worse}'s differing words fit English word pairs worse ({abs(fit[0] - fit[1]):.1f})")
        )
    if rebuilt is not None:
        left_frequency, right_frequency = _differing_word_frequency(rebuilt)
        if (left_frequency or right_frequency) and abs(left_frequency - right_frequency) >= _RICHNESS_MARGIN:
            commoner = relation.right if left_frequency < right_frequency else relation.left
            votes.append(
                (
                    commoner == relation.right,
                    f"the words where they differ are commoner in {commoner} "
                    f"(mean log-frequency {abs(left_frequency - right_frequency):.1f} higher): "
                    "rewording loses lexical richness",
                )
            )
    left_traces, right_traces = _traces(left), _traces(right)
    if abs(left_traces - right_traces) >= _TRACE_MARGIN:
        marked = relation.left if left_traces > right_traces else relation.right
        votes.append(
            (
                left_traces < right_traces,
                f"{marked} shows more page debris and rewriting traces read alone ({max(left_traces, right_traces)})",
            )
        )
    reasons = [why for _, why in votes]
    sides = {side for side, _ in votes}
    if len(votes) < _AGREEING_SIGNALS or len(sides) != 1:
        if len(sides) > 1:
            reasons = ["the signals disagree", *reasons]
        elif votes:
            reasons = [f"only {len(votes)} signal", *reasons]
        return None, reasons
    return sides.pop(), reasons


def _traces(document: Document) -> int:
    """Findings the document earned read alone: debris, swaps, artefacts (not restorations)."""
    if document.integrity is None:
        return 0
    return sum(
        1 for finding in document.integrity.findings if finding.sentence >= 0 or finding.kind == "scraping debris"
    )


def _differing_word_frequency(rebuilt: list[AlignedSentence]) -> tuple[float, float]:
    """Mean log relative frequency of each side's content words that the other side lacks."""
    left_logs: list[float] = []
    right_logs: list[float] = []
    for aligned in rebuilt:
        left = {t.lower for t in tokens(aligned.left) if t.is_word and t.lower not in STOPWORDS}
        right = {t.lower for t in tokens(aligned.right) if t.is_word and t.lower not in STOPWORDS}
        left_logs += [log_frequency(w) for w in sorted(left - right)]
        right_logs += [log_frequency(w) for w in sorted(right - left)]
    if not left_logs or not right_logs:
        return 0.0, 0.0
    return sum(left_logs) / len(left_logs), sum(right_logs) / len(right_logs)


def _differences(relation: Relation) -> list[_Difference]:
    """Short replacements between aligned sentences: the candidate substitutions of a reworded copy.

    None when the documents are filled in from one template or are versions of one document: where
    most of what differs is names, numbers and dates, the other differences are a form's other
    answers ("coast road" against "loading bay"), not a spinner's swaps."""
    copy_of_same_text = relation.kind in _COPY_KINDS
    found: list[_Difference] = []
    filled = 0
    for aligned in differing_pairs(relation.aligned):  # identical pairs have no replacement to find
        filled_here, replaced = _replaced_runs(aligned.left, aligned.right)
        filled += filled_here
        for left_run, right_run, neighbours, left_fit, right_fit in replaced:
            if copy_of_same_text or neighbours:
                found.append(_Difference(aligned, left_run, right_run, left_fit, right_fit))
    if filled >= _TEMPLATE_SHARE * (filled + len(found)):
        return []
    return found


# A short replaced run of two aligned sentences: its tokens on each side, whether the two are
# thesaurus neighbours, and how well each fits its neighbouring words.
_ReplacedRun = tuple[tuple[Token, ...], tuple[Token, ...], bool, float, float]


@functools.lru_cache(maxsize=_PAIR_CACHE)
def _replaced_runs(left_text: str, right_text: str) -> tuple[int, tuple[_ReplacedRun, ...]]:
    """(how many replaced runs are names, numbers or dates; the other short replaced runs) of
    two differing sentences: what _differences needs of them, whichever relation they are in."""
    left_words, right_words, opcodes = _word_opcodes(left_text, right_text)
    filled = 0
    replaced: list[_ReplacedRun] = []
    left_tokens: tuple[Token, ...] = ()
    right_tokens: tuple[Token, ...] = ()
    for operation, i1, i2, j1, j2 in opcodes:
        if operation != "replace" or max(i2 - i1, j2 - j1) > _LONGEST_SUBSTITUTION:
            continue
        if _same_letters(left_words[i1:i2], right_words[j1:j2]):
            # "specifica tion" against "specification": a PDF's text layer split the word (or a
            # hyphen joined two); the same letters are no substitution
            continue
        if not left_tokens:
            # the tokens, with their case and places, only for a pair with a short replacement
            left_tokens = tuple(t for t in tokens(left_text) if t.is_word)
            right_tokens = tuple(t for t in tokens(right_text) if t.is_word)
        if _filled_in(left_tokens[i1:i2]) or _filled_in(right_tokens[j1:j2]):
            filled += 1  # a name, a number or a date: what a form or a new version changes
            continue
        replaced.append(
            (
                left_tokens[i1:i2],
                right_tokens[j1:j2],
                _neighbours(left_words[i1:i2], right_words[j1:j2]),
                _fit(left_words, i1, i2),
                _fit(right_words, j1, j2),
            )
        )
    return filled, tuple(replaced)


@functools.lru_cache(maxsize=1024)
def _word_opcodes(
    left_text: str, right_text: str
) -> tuple[list[str], list[str], tuple[tuple[str, int, int, int, int], ...]]:
    """The two sentences' lower-cased words and how one becomes the other (cached for the two
    callers that read one pair in turn)."""
    left, right = lower_words(left_text), lower_words(right_text)
    matcher = SequenceMatcher(None, left, right, autojunk=False)
    return left, right, tuple(matcher.get_opcodes())


_MONTHS_AND_DAYS = MONTH_NAMES | WEEKDAY_NAMES


def _filled_in(run: Sequence[Token]) -> bool:
    """A run a template leaves to be filled: a number, a date word, or a proper name (every word
    capitalised and not a sentence's first). Spinners swap common words; they do not renumber a
    form or rename the person who filled it in."""
    if not run:
        return False
    if any(any(c.isdigit() for c in t.text) or t.lower in _MONTHS_AND_DAYS for t in run):
        return True
    return all(t.text[:1].isupper() for t in run)


def _same_letters(left: list[str], right: list[str]) -> bool:
    return "".join(left).replace("-", "") == "".join(right).replace("-", "")


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
    by_place = {(f.sentence, f.offset, len(f.span)): f for f in document.integrity.findings}
    for finding in restored:
        located = dataclasses.replace(finding, sentence=_sentence_index(finding, document))
        key = (located.sentence, located.offset, len(located.span))
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
