"""Tortured phrases: the Problematic Paper Screener's list, matched word for word.

"counterfeit consciousness" for *artificial intelligence* is not a synonym a reader would choose;
it is the fingerprint of a paraphrasing tool run over a scientific paper. The list (CC BY 4.0,
Cabanac, Labbé & Magazinov) is matched on lower-case word sequences, longest first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from kickoff.integrity.collocations import tokens
from kickoff.lexicon import tortured_phrases


@dataclass(frozen=True)
class TorturedPhrase:
    start: int
    end: int
    span: str
    original: str


# The list gives "first request", "second request" … for "differential equation and 1st order",
# "2nd order" …: "request" is a tortured "order" only where a differential equation is meant, and
# "the second request" of an HTTP client is plain English (RFC 2616 was judged tortured by them).
# Such an entry counts only in a sentence that speaks of equations.
_CONTEXT_PREFIX = "differential equation and "
_CONTEXT_WORDS = frozenset({"equation", "equations", "differential"})


@lru_cache(maxsize=1)
def _by_first_word() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for tortured, original in tortured_phrases().items():
        words = tuple(tortured.split(" "))
        index.setdefault(words[0], []).append((words, original))
    for entries in index.values():
        entries.sort(key=lambda entry: (-len(entry[0]), entry[0]))
    return index


@lru_cache(maxsize=1)
def _openings() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """The two-word phrases, and the first three words of the longer ones (every listed phrase has
    at least two words). Pairs alone would not do: "in the", "to be" open listed phrases."""
    pairs = frozenset(words for entries in _by_first_word().values() for words, _ in entries if len(words) == 2)
    triples = frozenset(words[:3] for entries in _by_first_word().values() for words, _ in entries if len(words) > 2)
    return pairs, triples


def find_tortured(sentence: str) -> Iterator[TorturedPhrase]:
    lowered = [token.lower for token in tokens(sentence) if token.is_word]
    pairs, triples = _openings()
    if pairs.isdisjoint(pairwise(lowered)) and triples.isdisjoint(zip(lowered, lowered[1:], lowered[2:], strict=False)):
        return  # no listed phrase anywhere here: nearly every sentence, found without a walk
    items = [token for token in tokens(sentence) if token.is_word]
    index = _by_first_word()  # (once per sentence, not once per word)
    position = 0
    while position < len(items):
        matched = None
        for words, original in index.get(lowered[position], ()):
            if tuple(lowered[position : position + len(words)]) != words:
                continue
            if not counts_here(
                sentence, items[position].start, items[position + len(words) - 1].end, original, lowered
            ):
                continue
            matched = (len(words), original)
            break
        if matched is None:
            position += 1
            continue
        length, original = matched
        start, end = items[position].start, items[position + length - 1].end
        span = sentence[start:end]
        yield TorturedPhrase(start, end, span, original.capitalize() if span[:1].isupper() else original)
        position += length


def counts_here(sentence: str, start: int, end: int, original: str, lowered: list[str]) -> bool:
    """Whether a listed phrase found at ``start:end`` of ``sentence`` (whose lower-cased words are
    ``lowered``) is a tortured phrase there. Not inside a hyphenated word: "Content-Disposition
    Issues" (an HTTP header's name) holds no "disposition issues", a tortured "mood disorders".
    Not a phrase the list gives for a context the sentence does not speak of (_CONTEXT_PREFIX)."""
    if (start > 0 and sentence[start - 1] in "-‐") or (end < len(sentence) and sentence[end] in "-‐"):
        return False
    return not original.startswith(_CONTEXT_PREFIX) or not _CONTEXT_WORDS.isdisjoint(lowered)
