"""Everything suspicious in one sentence, from every detector, without overlaps."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from kickoff.integrity.spinner import TRACE_CONFIDENCE, find_substitutions, find_traces
from kickoff.integrity.tortured import find_tortured
from kickoff.integrity.translation import find_artefacts
from kickoff.model import FindingKind

# The PPS list is curated by people who read the papers: a match is strong evidence.
TORTURED_CONFIDENCE = 0.9


@dataclass(frozen=True)
class Suspect:
    """A suspicious span of one sentence: the part of a Finding that the sentence alone decides."""

    start: int
    end: int
    span: str
    kind: FindingKind
    original: str | None
    confidence: float
    evidence: str
    # True for a word judged only by how it fits its neighbours (the word-pair counts of
    # ``spinner.py``, the contextual model): a judgement that the rest of the document, and the
    # model, may overrule. Grammar traces ("a aircraft") and listed phrases stand on their own.
    judged_by_fit: bool = False


# A word the document uses more often than this is its own vocabulary ("graph" twenty times in a
# compiler RFC, "decorator" in a PEP), not a spinner's pick: a spinner draws a synonym afresh at
# each place. Without this rule the contextual model judged 15 of the 57 real specifications spun,
# and the word pairs flagged "graph" (for "chart") 20 times in one RFC.
MAXIMUM_REPEATS = 2
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def word_uses(sentences: Iterable[str]) -> Counter[str]:
    """How often the document uses each word, counted by ``word_key``: a term of art's singular,
    plural and possessive are one word ("booster shots", "the reformulated boosters")."""
    # Counted by spelling first (in C), then folded by key: a document spells each word a few
    # ways, so word_key runs once per spelling rather than once per word.
    uses: Counter[str] = Counter()
    for spelling, count in Counter(WORD.findall("\n".join(sentences))).items():
        uses[word_key(spelling)] += count
    return uses


def word_key(word: str) -> str:
    """The word lower-cased, without a possessive or a regular plural ending."""
    key = word.lower().removesuffix("'s").removesuffix("’s").rstrip("'’")
    if len(key) > 4 and key.endswith("ies"):
        return key[:-3] + "y"
    if len(key) > 4 and key.endswith(("ses", "xes", "ches", "shes")):
        return key[:-2]
    if len(key) > 3 and key.endswith("s") and not key.endswith(("ss", "us", "is")):
        return key[:-1]
    return key


def is_vocabulary(suspect: Suspect, uses: Counter[str]) -> bool:
    """Whether a suspect judged by fit is a word the document uses as its own (MAXIMUM_REPEATS)."""
    return suspect.judged_by_fit and uses[word_key(suspect.span)] > MAXIMUM_REPEATS


def find_suspects(sentence: str) -> list[Suspect]:
    """Most specific first: tortured phrases, translation artefacts, spinner substitutions, traces."""
    return list(_suspects(sentence))


# Bundles repeat sentences (copies, boilerplate, templates): each distinct one is judged once.
@lru_cache(maxsize=65_536)
def _suspects(sentence: str) -> tuple[Suspect, ...]:
    found = [
        Suspect(
            phrase.start,
            phrase.end,
            phrase.span,
            "tortured phrase",
            phrase.original,
            TORTURED_CONFIDENCE,
            f"listed by the Problematic Paper Screener as a tortured form of '{phrase.original}'",
        )
        for phrase in find_tortured(sentence)
    ]
    for artefact in find_artefacts(sentence):
        found.append(
            Suspect(
                artefact.start,
                artefact.end,
                artefact.span,
                "machine-translation artefact",
                artefact.original,
                artefact.confidence,
                artefact.evidence,
            )
        )
    for substitution in find_substitutions(sentence):
        found.append(
            Suspect(
                substitution.start,
                substitution.end,
                substitution.span,
                "spinner substitution",
                substitution.original,
                substitution.confidence,
                substitution.evidence,
                judged_by_fit=True,
            )
        )
    for trace in find_traces(sentence):
        found.append(
            Suspect(
                trace.start,
                trace.end,
                trace.span,
                "spinner substitution",
                trace.original or None,
                TRACE_CONFIDENCE,
                trace.evidence,
            )
        )
    kept: list[Suspect] = []
    for suspect in found:
        if not any(suspect.start < other.end and other.start < suspect.end for other in kept):
            kept.append(suspect)
    return tuple(sorted(kept, key=lambda suspect: suspect.start))
