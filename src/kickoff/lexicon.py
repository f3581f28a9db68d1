"""English word and word-pair frequencies, loaded lazily from data that ships in packages.

Word counts come from symspellpy's frequency dictionary (82,765 words; MIT, derived from Google
Books Ngram data); bigram counts from its 243,342-pair bigram dictionary. Loaded once, on first use.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def word_ranks() -> dict[str, int]:
    """Lower-case word -> frequency rank (1 = most frequent)."""
    ranks: dict[str, int] = {}
    text = resources.files("symspellpy").joinpath("frequency_dictionary_en_82_765.txt").read_text("utf-8")
    for rank, line in enumerate(text.splitlines(), start=1):
        word = line.split(" ", 1)[0]
        ranks.setdefault(word, rank)
    return ranks


@lru_cache(maxsize=1)
def word_counts() -> dict[str, int]:
    counts: dict[str, int] = {}
    text = resources.files("symspellpy").joinpath("frequency_dictionary_en_82_765.txt").read_text("utf-8")
    for line in text.splitlines():
        word, _, count = line.partition(" ")
        counts.setdefault(word, int(count))
    return counts


@lru_cache(maxsize=1)
def bigram_counts() -> dict[str, int]:
    """'first second' (lower case) -> count in the bigram dictionary."""
    counts: dict[str, int] = {}
    text = resources.files("symspellpy").joinpath("frequency_bigramdictionary_en_243_342.txt").read_text("utf-8")
    for line in text.splitlines():
        first, second, count = line.split(" ")
        counts[f"{first} {second}"] = int(count)
    return counts


def word_rank(word: str) -> int | None:
    return word_ranks().get(word.lower())


def is_common_word(word: str, within_rank: int) -> bool:
    """True when the lower-cased word is among the ``within_rank`` most frequent English words."""
    rank = word_rank(word)
    return rank is not None and rank <= within_rank


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Country, US state, continent and large-city names (GeoNames, CC BY 4.0; see data/SOURCE.md)."""
    text = resources.files("kickoff.data").joinpath("places.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


@lru_cache(maxsize=1)
def word_total() -> int:
    """Sum of all word counts: the denominator of a word's probability."""
    return sum(word_counts().values())


@lru_cache(maxsize=1)
def smallest_bigram_count() -> int:
    """The dictionary keeps only bigrams at least this frequent, so absence means 'rarer than this'."""
    return min(bigram_counts().values())


@lru_cache(maxsize=1)
def _synonym_table() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], dict[str, str]]:
    synonyms: dict[str, tuple[str, ...]] = {}
    replaced: dict[str, tuple[str, ...]] = {}
    parts: dict[str, str] = {}
    text = resources.files("kickoff.data").joinpath("synonyms.txt").read_text("utf-8")
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        word, near, seen, tags = line.split("\t")
        if near:
            synonyms[word] = tuple(near.split(" "))
        if seen:
            replaced[word] = tuple(seen.split(" "))
        if tags:
            parts[word] = tags
    return synonyms, replaced, parts


def synonyms(word: str) -> tuple[str, ...]:
    """WordNet synonyms of a lower-case word form, in the same inflection (see tools/build_thesaurus.py)."""
    return _synonym_table()[0].get(word, ())


def parts_of_speech(word: str) -> str:
    """The letters of the parts of speech WordNet knows a thesaurus word form as ("r" for "overly",
    "nv" for "scheme"; n noun, v verb, a adjective, r adverb); empty for a word WordNet lacks."""
    return _synonym_table()[2].get(word, "")


def replaced_by(word: str) -> tuple[str, ...]:
    """Words that the PPS tortured phrases show being replaced by ``word`` ('counterfeit' -> 'artificial')."""
    return _synonym_table()[1].get(word, ())


@lru_cache(maxsize=1)
def tortured_phrases() -> dict[str, str]:
    """Tortured phrase -> expected phrase, lower case (PPS, CC BY 4.0, Cabanac, Labbé & Magazinov)."""
    table: dict[str, str] = {}
    text = resources.files("kickoff.data").joinpath("tortured_phrases.txt").read_text("utf-8")
    for line in text.splitlines():
        if not line.startswith("#"):
            tortured, _, original = line.partition("\t")
            table[tortured] = original
    return table
