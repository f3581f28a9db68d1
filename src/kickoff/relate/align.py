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
    for left_position, sentence in enumerate(left_sentences):
        overlap: dict[int, int] = defaultdict(int)
        for word in set(content_words(sentence.text)):
            for right_position in right_index.get(word, ()):
                overlap[right_position] += 1
        tokens = [w.lower() for w in words(sentence.text)]
        for right_position, shared in overlap.items():
            if shared < 2:
                continue
            ratio = SequenceMatcher(None, tokens, right_tokens[right_position], autojunk=False).ratio()
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
