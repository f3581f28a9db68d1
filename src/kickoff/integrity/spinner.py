"""Spinner substitutions: a synonym that breaks a common collocation its original would complete.

For each word with thesaurus neighbours (WordNet synonyms, plus the replacements seen in the PPS
tortured phrases), compare how well the word and each neighbour fit between the words around it
(``collocations.context_score``). A neighbour is reported only when all of these hold:

* one of its bigrams with the surrounding words is a listed, common collocation while the same
  bigram with the word actually written is not listed at all (the collocation is *broken*);
* that collocation is a strong one: at least ``MINIMUM_ASSOCIATION`` (natural-log PMI), i.e. the
  pair occurs e^6 ≈ 400 times more often than its words' frequencies predict ("middle east" 7.5,
  "a trailer" does not count: pairs with function words are skipped altogether);
* the neighbour fits the whole context at least ``MARGIN`` (natural log) better than the written word.

Both thresholds were set on eval/integrity.py's clean text so that false findings stay under 0.5
per 1,000 words; the price is recall: only substitutions that break a very common collocation are
seen. Two grammatical traces of spinning are reported as well: "a" before a vowel ("a aircraft",
the noun was swapped after the article was written) and one word on both sides of "and"
("appreciation and appreciation", two synonyms mapped to the same word).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from kickoff.integrity.collocations import Token, context_score, pair_count, tokens, word_count
from kickoff.lexicon import is_common_word, parts_of_speech, replaced_by, synonyms, word_total
from kickoff.text import STOPWORDS

# log-likelihood ratio a neighbour must win by: e^10 ≈ 22,000 times likelier in this context.
MARGIN = 10.0
MINIMUM_ASSOCIATION = 6.0
# A capitalised word inside a sentence is a name unless it is this common as a plain word.
_COMMON_RANK = 20_000


@dataclass(frozen=True)
class Substitution:
    """A likely spun word: where it is, what it probably replaced, and the counts behind it."""

    start: int
    end: int
    span: str
    original: str
    margin: float
    evidence: str

    @property
    def confidence(self) -> float:
        """Logistic in the margin: 0.5 at MARGIN - 3, 0.95 about 3 nats above the margin."""
        return round(1.0 / (1.0 + math.exp(-(self.margin - MARGIN + 3.0) / 2.0)), 2)


def find_substitutions(sentence: str) -> Iterator[Substitution]:
    items = tokens(sentence)
    for position, token in enumerate(items):
        if not token.is_word or len(token.text) < 2:
            continue
        if not _may_be_spun(token, position):
            continue
        word = token.lower
        if word in STOPWORDS or parts_of_speech(word) == "r":
            # An adverb and nothing else ("overly", "truly", "roughly") modifies almost any word:
            # its pair with a neighbour missing from a list cut at 6.4 million occurrences says
            # nothing about a swap, and on real specifications such pairs were a fifth of the
            # false findings ("overly complex", "genuinely useful").
            continue
        previous = _neighbour_word(items, position - 1)
        following = _neighbour_word(items, position + 1)
        # Only a content-word neighbour whose pair with the written word is unlisted can show a
        # broken collocation; a word with none is judged without looking up its candidates (most
        # words of real text: the pairs they make are listed or hold a function word).
        previous_open = previous is not None and previous not in STOPWORDS and pair_count(previous, word) == 0
        following_open = following is not None and following not in STOPWORDS and pair_count(word, following) == 0
        if not previous_open and not following_open:
            continue
        candidates = _candidates(word)
        if not candidates:
            continue
        written: float | None = None
        best: Substitution | None = None
        for candidate, source in candidates:
            why = _broken_collocation(
                previous if previous_open else None, word, following if following_open else None, candidate
            )
            if why is None:
                continue
            if written is None:
                written = context_score(previous, word, following)
            margin = context_score(previous, candidate, following) - written
            if margin >= MARGIN and (best is None or margin > best.margin):
                best = Substitution(
                    token.start,
                    token.end,
                    token.text,
                    _match_case(candidate, token.text),
                    round(margin, 2),
                    f"{source}; {why}",
                )
        if best is not None:
            yield best


# Vowel letters that sound like a consonant ("a university", "a one-off", "a European").
_CONSONANT_SOUNDING = ("uni", "use", "usa", "usu", "uti", "ura", "uro", "eu", "one", "once", "ewe", "ubiq", "ufo", "u-")
_VOWEL_SOUNDING = ("hour", "honest", "honour", "honor", "heir", "herb", "unin", "unim", "unid")  # "un-install"
# English repeats some words for emphasis ("more and more", "again and again").
_IDIOMATIC_REPEATS = frozenset(["more", "less", "again", "over", "on", "round", "by", "through", "out", "up", "down"])
TRACE_CONFIDENCE = 0.7


def find_traces(sentence: str) -> Iterator[Substitution]:
    """Grammar that only a word swap leaves behind: 'a aircraft', 'appreciation and appreciation'."""
    items = tokens(sentence)
    for position in range(len(items) - 1):
        article, noun = items[position], items[position + 1]
        # A capital "A" inside a sentence is a name or a variable ("if crate A adds", "N/A"),
        # not an article; at the sentence's start it is one.
        trace: Substitution | None = None
        if _article_checkable(noun) and (article.text in ("a", "an") or position == 0):
            if article.text in ("a", "A") and _starts_with_vowel_sound(noun.lower):
                trace = _article_trace(items, position + 1, "an")
            elif article.text in ("an", "An") and not _starts_with_vowel_sound(noun.lower):
                trace = _article_trace(items, position + 1, "a")
        if trace is not None:
            yield trace
        if position + 2 < len(items) and noun.lower == "and":
            first, second = article, items[position + 2]
            word = first.lower
            if (
                first.is_word
                and len(word) > 1  # a letter is a name ("between L and L2"), not a swapped word
                and word == second.lower
                and word not in STOPWORDS
                and word not in _IDIOMATIC_REPEATS
                and not word.endswith(("er", "s"))
                and not _in_compound(sentence, items, position, position + 2)
            ):
                yield Substitution(
                    second.start,
                    second.end,
                    second.text,
                    "",
                    MARGIN,
                    f"'{word} and {word}' repeats one word: a spinner mapped two different words to the same synonym",
                )


_JOINERS = frozenset("-._/")


def _in_compound(sentence: str, items: Sequence[Token], first: int, second: int) -> bool:
    """Whether the repeated word is part of something longer at either place, as real text repeats
    it: an identifier or a compound ("foo and foo.pyp", "SPDX and SPDX-like", "cross-platform and
    platform-specific"), or the first word of a noun phrase ("Python and Python packages", "RFC
    and RFC 1445"). A spinner's double maps two whole words to one and leaves what follows alone."""
    before, after = items[first].start - 1, items[second].end
    for outside in (before, after):
        if 0 <= outside < len(sentence) and (sentence[outside] in _JOINERS or sentence[outside].isalnum()):
            return True  # "cclock and cclock2_1": a letter or digit glued on continues the name
    following = items[second + 1] if second + 1 < len(items) else None
    return (
        following is not None
        and following.start == after + 1
        and (following.text[0].isdigit() or (following.is_word and following.lower not in STOPWORDS))
    )


def _article_checkable(noun: Token) -> bool:
    """Only an ordinary English word after an article says the article is wrong: "an sdist", "an
    lvalue", "an f-string" are read letter by letter, and in "a is b" the "a" is a variable."""
    word = noun.lower
    return (
        noun.is_word
        and noun.text.islower()
        and len(word) >= 3
        and word not in STOPWORDS
        and is_common_word(word, _COMMON_RANK)
    )


def _starts_with_vowel_sound(word: str) -> bool:
    if word.startswith(_VOWEL_SOUNDING):
        return True
    return word[0] in "aeiou" and not word.startswith(_CONSONANT_SOUNDING)


def _article_trace(items: Sequence[Token], position: int, expected: str) -> Substitution | None:
    """The word after a mismatched article was swapped; the synonym that fits the article is what
    was written before the swap. When the thesaurus knows the noun's neighbours and none of them
    takes the article written, the mismatch is a slip of the writer's ("a application", "an
    parameter" in real specifications), not a trace; a noun it knows no neighbour of cannot be
    checked so, and stays a trace with its original unknown ("a aircraft" in a real spun copy)."""
    noun = items[position]
    previous = items[position - 1].lower
    following = _neighbour_word(items, position + 1)
    candidates = _candidates(noun.lower)
    fitting = [c for c, _ in candidates if _starts_with_vowel_sound(c) != (expected == "an")]
    if candidates and not fitting:
        return None
    article = "a" if expected == "an" else "an"
    best = max(fitting, key=lambda c: context_score(article, c, following), default="")
    hint = f"; '{best}' fits the article" if best else ""
    return Substitution(
        noun.start,
        noun.end,
        noun.text,
        best,
        MARGIN,
        f"'{previous} {noun.text}' needs '{expected}': the noun was replaced after the article was written{hint}",
    )


def _may_be_spun(token: Token, position: int) -> bool:
    text = token.text
    if text.isupper() and len(text) > 1:
        return False  # acronyms
    if text[0].isupper() and position > 0:
        return is_common_word(text, _COMMON_RANK)  # "Pacific Sea" yes, "Jensen" no
    return True


def _candidates(word: str) -> list[tuple[str, str]]:
    found: dict[str, str] = {}
    for other in replaced_by(word):
        found[other] = f"PPS tortured phrases show '{word}' replacing '{other}'"
    for other in synonyms(word):
        found.setdefault(other, f"'{other}' is a WordNet synonym of '{word}'")
    return list(found.items())


def _neighbour_word(items: Sequence[Token], position: int) -> str | None:
    if 0 <= position < len(items) and items[position].is_word:
        return items[position].lower
    return None


def _broken_collocation(previous: str | None, word: str, following: str | None, candidate: str) -> str | None:
    """Evidence line when a bigram of the candidate with a neighbour is listed, and strongly
    associated, where the written word's pair with that neighbour is not listed.

    Only pairs of content words count: "a trailer" against "a drone" says something about grammar
    and frequency, "middle east" against "center east" says that a fixed phrase was broken. The
    caller passes as ``previous`` and ``following`` only the content-word neighbours whose pair
    with the written word is unlisted (None for the others).
    """
    broken: tuple[str, str, str, int] | None = None  # written pair, candidate's pair, its count
    if previous is not None and (count := pair_count(previous, candidate)):
        broken = (f"{previous} {word}", previous, candidate, count)
    if following is not None and (count := pair_count(candidate, following)) and (broken is None or count > broken[3]):
        broken = (f"{word} {following}", candidate, following, count)  # the stronger pair; the earlier on a tie
    if broken is None:
        return None
    written_pair, first, second, candidate_count = broken
    association = math.log(candidate_count * word_total() / (word_count(first) * word_count(second)))
    if association < MINIMUM_ASSOCIATION:
        return None
    return f"'{written_pair}' is not a common collocation; '{first} {second}' occurs {candidate_count:,} times"


def _match_case(candidate: str, written: str) -> str:
    if written[:1].isupper():
        return candidate[:1].upper() + candidate[1:]
    return candidate


__all__ = ["MARGIN", "Substitution", "Token", "find_substitutions"]


def likely_original(sentence: str, start: int, end: int) -> str | None:
    """The thesaurus neighbour of the word at [start, end) that fits the words around it best, and
    better than the word written; None when none does (the word's original is then unknown)."""
    items = tokens(sentence)
    position = next((i for i, token in enumerate(items) if token.start == start and token.end == end), None)
    if position is None:
        return None
    word = items[position].lower
    previous = _neighbour_word(items, position - 1)
    following = _neighbour_word(items, position + 1)
    if previous is None and following is None:
        return None
    written = context_score(previous, word, following)
    scored = [(context_score(previous, candidate, following), candidate) for candidate, _ in _candidates(word)]
    best = max(scored, default=None)
    if best is None or best[0] <= written:
        return None
    return _match_case(best[1], items[position].text)
