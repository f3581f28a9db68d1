"""A bigram language model over shipped counts, and the sentence tokens it scores.

The counts are symspellpy's bigram dictionary (Google Books Ngram, 242,342 pairs, each seen at least
6.4 million times). Such a list cannot say that a phrase is wrong, only that a phrase is *not among
the common ones*; that is enough to notice when a common collocation ("Middle East", "shook hands")
has been broken by a synonym, which is what spinners do.
"""

from __future__ import annotations

import functools
import math
import re
from typing import NamedTuple

from kickoff.lexicon import bigram_counts, smallest_bigram_count, word_counts, word_total

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|\d+(?:[.,]\d+)*|[^\sA-Za-z\d]")

# Words the dictionary never saw get this count: rare enough that nothing is concluded from them.
_UNSEEN_WORD_COUNT = 1_000
# Stupid-backoff weight (Brants et al. 2007) for a pair the dictionary does not list.
_BACKOFF = 0.4


class Token(NamedTuple):
    """A word or a punctuation mark of a sentence, with where it starts in that sentence.

    A named tuple with its lower-cased form worked out once: every check of every sentence makes
    and reads these, and a frozen dataclass with computed properties was a tenth of the
    per-document time."""

    text: str
    start: int
    lower: str
    is_word: bool

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@functools.lru_cache(maxsize=8192)
def tokens(sentence: str) -> tuple[Token, ...]:
    """A sentence's tokens; cached, since the spinner, tortured-phrase and translation checks
    each read every sentence of a document."""
    lowered = sentence.lower().replace("’", "'")
    if len(lowered) != len(sentence) or "Σ" in sentence:
        # A letter whose lower case is longer ("İ"), or one whose lower case depends on the
        # letters beside it (a final sigma): each token is lowered on its own.
        return tuple(
            Token(text, match.start(), text.lower().replace("’", "'"), text[0].isalpha())
            for match in _TOKEN.finditer(sentence)
            for text in (match.group(),)
        )
    # Lowered once for the sentence, and sliced: a quarter faster than lowering each token, and
    # the integrity stage of a data room makes tokens for hundreds of thousands of sentences.
    spans = [match.span() for match in _TOKEN.finditer(sentence)]
    make = tuple.__new__
    return tuple([make(Token, (sentence[s:e], s, lowered[s:e], sentence[s].isalpha())) for s, e in spans])


# A word token of lower-cased ASCII text: the tokens ``tokens`` marks as words, lowered.
_LOWER_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def lower_words(sentence: str) -> list[str]:
    """The lower-cased words of ``tokens(sentence)``, without making its tokens: comparing two
    sentences word by word needs only these, and the integrity stage of a data room compares
    hundreds of thousands of pairs (a hypothesis test checks both give the same words)."""
    if sentence.isascii():
        # lower-casing ASCII keeps every position, and a word token is a run of letters, with
        # one apostrophe inside, whatever surrounds it
        return _LOWER_WORD.findall(sentence.lower())
    return [token.lower for token in tokens(sentence) if token.is_word]


def pair_count(first: str, second: str) -> int:
    return bigram_counts().get(f"{first} {second}", 0)


def word_count(word: str) -> int:
    return word_counts().get(word, _UNSEEN_WORD_COUNT)


def log_frequency(word: str) -> float:
    """log P(word): how common a word is in English, with no context."""
    return math.log(word_count(word) / word_total())


def log_next(previous: str, word: str) -> float:
    """log P(word | previous word), backing off to the word's own frequency for unlisted pairs.

    An unlisted pair was seen fewer than the dictionary's cut-off times, so its conditional
    probability is capped at half the cut-off over the previous word's count: after a frequent
    word, absence is strong evidence; after a rare one, it says nothing.
    """
    together = pair_count(previous, word)
    before = word_count(previous)
    if together:
        return math.log(together / before)
    backoff = _BACKOFF * word_count(word) / word_total()
    cap = 0.5 * smallest_bigram_count() / before
    return math.log(min(backoff, cap, 1.0))


def context_score(previous: str | None, word: str, following: str | None) -> float:
    """log P(word | previous) + log P(following | word): how well a word fits between its neighbours."""
    score = 0.0
    if previous is not None:
        score += log_next(previous, word)
    else:
        score += log_frequency(word)
    if following is not None:
        score += log_next(word, following)
    return score
