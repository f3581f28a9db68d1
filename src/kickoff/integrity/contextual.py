"""Replaced words found in context: a replaced-token detector over the MiniLM encoder.

Why a model: a synonym spinner swaps words for thesaurus neighbours without reading the
sentence ("weighty rain" for "heavy rain", "take a chair" for "take a seat"). The word-pair counts behind
``spinner.py`` can only judge a swap that breaks a very common collocation, which on real spun
copies found 7 of 439 swapped words. Whether a word fits its sentence needs a model of English
in context.

What it is: the all-MiniLM-L6-v2 encoder (``encoder.py``), whose top layers were fine-tuned,
with a two-layer head, to tell for each word piece whether it was put there by a spinner, the
way an ELECTRA discriminator is trained (Clark et al., 2020). The training text is real prose
(PURE requirements documents and BBC news articles, never the texts this is evaluated on), spun
by a WordNet and PPS spinner of our own (``tools/train_replaced_token_head.py``). Only the fine-tuned
layers and the head ship with kickoff (``data/replaced_token_head.npz``, float16); the frozen
lower layers come from the model package.

It is optional: without the model package the light path runs as before and says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from kickoff.integrity.encoder import Encoder, as_linear_layers, gelu, load_encoder
from kickoff.integrity.spinner import likely_original
from kickoff.integrity.suspects import MAXIMUM_REPEATS, WORD, Suspect, word_key, word_uses
from kickoff.integrity.verdict import SPECIFICATION_FACTOR
from kickoff.text import STOPWORDS

HEAD = "replaced_token_head.npz"
# Sentences encoded per batch, and the pieces kept per sentence (as in training).
BATCH = 64
MAX_PIECES = 128


@dataclass(frozen=True, slots=True)
class ScoredWord:
    """A word of a sentence and the probability that a spinner put it there."""

    start: int
    end: int
    text: str
    probability: float


class ReplacedTokenDetector:
    def __init__(self, encoder: Encoder) -> None:
        with resources.files("kickoff.data").joinpath(HEAD).open("rb") as handle:
            stored = dict(np.load(handle))
        stored.pop("first_tuned_layer")  # the layers it names are the ones stored
        self.encoder = encoder
        # The fine-tuned layers and the head replace the package's own, in this detector's copy
        # of the weights; the encoder's own stay as they are.
        self.weights = {**encoder.weights, **as_linear_layers(stored)}

    def score(self, sentences: Sequence[str]) -> list[list[ScoredWord]]:
        """Per sentence, each word with its probability of being a replacement."""
        results: list[list[ScoredWord]] = []
        for first in range(0, len(sentences), BATCH):
            results.extend(self._score_batch(sentences[first : first + BATCH]))
        return results

    def _score_batch(self, sentences: Sequence[str]) -> list[list[ScoredWord]]:
        encodings = [self.encoder.tokenizer.encode(sentence) for sentence in sentences]
        lengths = np.array([min(len(e.ids), MAX_PIECES) for e in encodings])
        ids = np.zeros((len(sentences), int(lengths.max())), dtype=np.int64)
        for row, encoding in enumerate(encodings):
            ids[row, : lengths[row]] = encoding.ids[: lengths[row]]
        hidden = self.encoder.forward(ids, lengths, self.weights)[-1]
        w = self.weights
        inner = gelu(hidden @ w["head.dense.weight"] + w["head.dense.bias"])
        logits = (inner @ w["head.out.weight"])[..., 0] + w["head.out.bias"][0]
        probabilities = 1.0 / (1.0 + np.exp(-logits))
        scored: list[list[ScoredWord]] = []
        for row, (sentence, encoding) in enumerate(zip(sentences, encodings, strict=True)):
            offsets = encoding.offsets[: lengths[row]]
            words: list[ScoredWord] = []
            for match in WORD.finditer(sentence):
                pieces = [
                    index
                    for index, (start, end) in enumerate(offsets)
                    if end > start and start >= match.start() and end <= match.end()
                ]
                if pieces:
                    probability = float(probabilities[row, pieces].max())
                    words.append(ScoredWord(match.start(), match.end(), match.group(0), round(probability, 4)))
            scored.append(words)
        return scored


@lru_cache(maxsize=1)
def load_detector() -> ReplacedTokenDetector:
    return ReplacedTokenDetector(load_encoder())


# A word counts as likely replaced from this probability on, and only where a thesaurus
# neighbour of it fits the words around it better (its likely original): a spinner's word was
# put in place of another, and the finding says which.
THRESHOLD = 0.4
# One such word is weak evidence: clean prose has a few per 1,000 words. A document is judged
# spun from this density of them on (the 97.5th percentile of held-out clean text of the
# training corpora, never of the texts kickoff is evaluated on: README), and only then are they
# reported, as that document's substitutions.
# (Counted as find_replaced_words counts, that percentile is 15.2 per 1,000 words, in the 210
# held-out BBC articles; it was 13.7 before repeated words counted once and sure words without a
# thesaurus original counted at all.)
DOCUMENT_DENSITY = 15.2
# A word the model is this sure of counts even where no thesaurus neighbour fits better: real
# spinners swap words WordNet does not list as synonyms ("possessing" for having, "discussion" for
# debate), and the finding then says the likely original is unknown. Chosen on the held-out
# documents of the training corpora (README): counting the model's words alone, with the bar at
# the clean articles' 97.5th percentile, the spun versions caught rose from 158 to 166 of 210 at
# 0.8 with no more clean articles over the bar (5 of 210); at 0.9, 0.7, 0.6 and 0.5 fewer were
# caught. Its cost is rare words of clean text ("enablers", "electability"), which the model
# takes for replacements.
SURE_WITHOUT_ORIGINAL = 0.8
# A document profiled as a specification needs stronger evidence, as for every kind of swap
# (verdict.SPECIFICATION_FACTOR). (Our own 385-word clinic example, clean, reached 18.)
SPECIFICATION_DENSITY = SPECIFICATION_FACTOR * DOCUMENT_DENSITY
DOCUMENT_MINIMUM = 3
# Sentences shorter than this give the model too little context to judge a word.
MINIMUM_WORDS = 6


def _judgeable(word: ScoredWord) -> bool:
    """Lower-case content words only: a capitalised word inside a sentence is a name, and names,
    numbers and function words are not what a synonym spinner replaces."""
    text = word.text
    if len(text) < 3 or not text.isalpha() or text.lower() in STOPWORDS:
        return False
    return not (text[0].isupper() and word.start > 0) and not text.isupper()


def spun_document(replaced: Sequence[Sequence[Suspect]], words: int, kind: str | None = None) -> bool:
    """Whether a document's likely replaced words are dense enough to call it spun."""
    count = sum(len(found) for found in replaced)
    density = SPECIFICATION_DENSITY if kind == "specification" else DOCUMENT_DENSITY
    return count >= DOCUMENT_MINIMUM and 1000 * count / max(1, words) >= density


def score_sentences(sentences: Sequence[str]) -> list[list[ScoredWord] | None]:
    """Per sentence, its words with the model's probabilities; None for one too short to judge."""
    detector = load_detector()
    judged = [i for i, sentence in enumerate(sentences) if len(sentence.split()) >= MINIMUM_WORDS]
    # Sentences of one length are encoded together: padding costs as much as text.
    judged.sort(key=lambda i: len(sentences[i]))
    scored: list[list[ScoredWord] | None] = [None] * len(sentences)
    for index, words in zip(judged, detector.score([sentences[i] for i in judged]), strict=True):
        scored[index] = words
    return scored


def find_replaced_words(
    sentences: Sequence[str], scores: Sequence[list[ScoredWord] | None] | None = None
) -> list[list[Suspect]]:
    """Per sentence, the words the model says a spinner put there, as spinner substitutions."""
    if scores is None:
        scores = score_sentences(sentences)
    uses = word_uses(sentences)
    repeated_found: set[str] = set()
    found: list[list[Suspect]] = [[] for _ in sentences]
    for index, (sentence, words) in enumerate(zip(sentences, scores, strict=True)):
        for word in words or ():
            if word.probability < THRESHOLD or not _judgeable(word):
                continue
            key = word_key(word.text)
            # A word the document uses more than MAXIMUM_REPEATS times is found once, not never.
            # A term of art repeats and must not pile up; but real spinners swap from a fixed
            # table, the same way each time (one real copy says "marketing campaign" for every
            # "campaign", five times), so the first such word is as much evidence as any other.
            if uses[key] > MAXIMUM_REPEATS and key in repeated_found:
                continue
            original = likely_original(sentence, word.start, word.end)
            if original is None and word.probability < SURE_WITHOUT_ORIGINAL:
                continue
            if uses[key] > MAXIMUM_REPEATS:
                repeated_found.add(key)
            found[index].append(
                Suspect(
                    word.start,
                    word.end,
                    word.text,
                    "spinner substitution",
                    original,
                    round(word.probability, 2),
                    f"the contextual model gives {word.probability:.2f} that a spinner put this word here; "
                    + (
                        f"'{original}' fits the words around it better"
                        if original is not None
                        else "no thesaurus neighbour of it says what it replaced"
                    ),
                    judged_by_fit=True,
                )
            )
    return found


# A word-pair finding (``spinner.py``) stands only where the model, too, finds the word at least
# this likely to be a replacement. The word pairs see two neighbours; the model reads the whole
# sentence, and a word it finds in place ("feasible" in "if it becomes feasible") is not a swap
# however rare the pair. Set on the training corpora's held-out documents (README).
CONFIRMATION = 0.1


def confirmed(suspect: Suspect, words: list[ScoredWord] | None) -> bool:
    """Whether the model lets a finding judged by word fit stand.

    Where the model has no opinion the finding stands: a sentence too short to judge, and a word
    it was never trained to judge (its training spinner left capitalised words alone as names, so
    it scores "Sea" in "the Pacific Sea" near 0 however wrong it is)."""
    if not suspect.judged_by_fit or words is None:
        return True
    overlapping = [w for w in words if w.start < suspect.end and suspect.start < w.end]
    if not any(_judgeable(w) for w in overlapping):
        return True
    return any(w.probability >= CONFIRMATION for w in overlapping)
