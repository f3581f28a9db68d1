"""Align the sentences two documents share, even when one was reworded (spun, translated)."""

from __future__ import annotations

from collections import defaultdict
from difflib import SequenceMatcher

from kickoff.model import AlignedSentence, Document
from kickoff.text import content_words, words

# Word-sequence similarity above which two sentences are the same sentence, reworded.
# Spinners replace about a third of the words; 0.5 keeps those and drops mere topic overlap.
ALIGN_THRESHOLD = 0.5
_MINIMUM_WORDS = 6
_CANDIDATES_PER_SENTENCE = 4


def align_sentences(left: Document, right: Document) -> tuple[AlignedSentence, ...]:
    """Best one-to-one sentence pairs above the threshold, in the left document's order."""
    right_index: dict[str, list[int]] = defaultdict(list)
    right_sentences = [s for s in right.sentences if len(s.text.split()) >= _MINIMUM_WORDS]
    for position, sentence in enumerate(right_sentences):
        for word in set(content_words(sentence.text)):
            right_index[word].append(position)
    right_tokens = [[w.lower() for w in words(s.text)] for s in right_sentences]
    scored: list[tuple[float, int, int]] = []
    left_sentences = [s for s in left.sentences if len(s.text.split()) >= _MINIMUM_WORDS]
    # One matcher per right sentence: SequenceMatcher indexes its second sequence, so that work
    # is done once however many left sentences it is compared with.
    matchers: dict[int, SequenceMatcher[str]] = {}
    for left_position, sentence in enumerate(left_sentences):
        overlap: dict[int, int] = defaultdict(int)
        for word in set(content_words(sentence.text)):
            for right_position in right_index.get(word, ()):
                overlap[right_position] += 1
        tokens = [w.lower() for w in words(sentence.text)]
        # The partner of a reworded sentence shares the most content words with it; comparing
        # word sequences with only the few best candidates bounds the cost per sentence.
        best = sorted((-shared, position) for position, shared in overlap.items() if shared >= 2)
        for _, right_position in best[:_CANDIDATES_PER_SENTENCE]:
            other = right_tokens[right_position]
            if 2 * min(len(tokens), len(other)) < ALIGN_THRESHOLD * (len(tokens) + len(other)):
                continue  # the length bound alone keeps the ratio under the threshold
            matcher = matchers.get(right_position)
            if matcher is None:
                matcher = matchers[right_position] = SequenceMatcher(None, autojunk=False)
                matcher.set_seq2(other)
            matcher.set_seq1(tokens)
            # quick_ratio is an upper bound of ratio and much cheaper
            if matcher.quick_ratio() < ALIGN_THRESHOLD:
                continue
            ratio = matcher.ratio()
            if ratio >= ALIGN_THRESHOLD:
                scored.append((ratio, left_position, right_position))
    used_left: set[int] = set()
    used_right: set[int] = set()
    chosen: list[tuple[int, int, float]] = []
    for ratio, left_position, right_position in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if left_position in used_left or right_position in used_right:
            continue
        used_left.add(left_position)
        used_right.add(right_position)
        chosen.append((left_position, right_position, ratio))
    chosen.sort()
    return tuple(
        AlignedSentence(
            left=left_sentences[lp].text,
            right=right_sentences[rp].text,
            similarity=round(ratio, 3),
            left_location=left_sentences[lp].location,
            right_location=right_sentences[rp].location,
        )
        for lp, rp, ratio in chosen
    )


def aligned_share(aligned: tuple[AlignedSentence, ...], left: Document, right: Document) -> float:
    """Share of the shorter document's sentences that found a partner."""
    shorter = min(
        sum(1 for s in left.sentences if len(s.text.split()) >= _MINIMUM_WORDS),
        sum(1 for s in right.sentences if len(s.text.split()) >= _MINIMUM_WORDS),
    )
    return len(aligned) / shorter if shorter else 0.0
