"""A 2-3 sentence extractive summary: the sentences that carry the document's frequent words."""

from __future__ import annotations

from collections import Counter

from kickoff.text import content_words

SUMMARY_SENTENCES = 3
# Sentences shorter than this are captions or fragments, poor summaries.
_MINIMUM_WORDS = 8
_MAXIMUM_WORDS = 60


def summarise(sentences: list[str]) -> tuple[str, ...]:
    """Pick the best-scoring sentences, kept in document order; the lede gets a small bonus."""
    candidates = [
        (index, sentence)
        for index, sentence in enumerate(sentences)
        if _MINIMUM_WORDS <= len(sentence.split()) <= _MAXIMUM_WORDS
    ]
    if not candidates:
        return tuple(sentences[:SUMMARY_SENTENCES])
    # Each sentence's words once; with no more sentences than the summary takes, all of them are it.
    worded = [(index, sentence, words) for index, sentence in candidates if (words := set(content_words(sentence)))]
    if len(worded) <= SUMMARY_SENTENCES:
        return tuple(sentence for _, sentence, _ in worded)
    frequency = Counter(word for _, _, words in worded for word in words)
    scored = []
    for index, sentence, words in worded:
        score = sum(frequency[w] for w in words) / (len(words) ** 0.5)
        score *= 1.5 if index < 2 else 1.0
        scored.append((score, -index, index, sentence))
    chosen = sorted(scored, reverse=True)[:SUMMARY_SENTENCES]
    return tuple(sentence for _, _, _, sentence in sorted(chosen, key=lambda item: item[2]))
