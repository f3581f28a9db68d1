"""Align the sentences two documents share, even when one was reworded (spun, translated)."""

from __future__ import annotations

import mmap
from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np
import numpy.typing as npt

from kickoff.model import AlignedIndexes, AlignedSentences, Document
from kickoff.text import STOPWORDS, words

# Word-sequence similarity above which two sentences are the same sentence, reworded.
# Spinners replace about a third of the words; 0.5 keeps those and drops mere topic overlap.
ALIGN_THRESHOLD = 0.5
_MINIMUM_WORDS = 6
_CANDIDATES_PER_SENTENCE = 4


@dataclass(frozen=True, slots=True)
class AlignmentFeatures:
    """What alignment needs of one document's sentences, computed once per document: a document
    meets up to ten partners, and tokenising its sentences again for each was most of relate's
    time on a data room (bench/data_room.py)."""

    # every sentence's text, and each alignable sentence's index among them
    texts: tuple[str, ...]
    indexes: tuple[int, ...]
    tokens: tuple[tuple[str, ...], ...]
    content: tuple[frozenset[str], ...]
    index: dict[str, tuple[int, ...]]
    # positions of each distinct sentence (as words): a sentence found once on each side is the
    # same sentence, with no search (most sentences of a near duplicate)
    exact: dict[tuple[str, ...], tuple[int, ...]]


def alignment_features(sentence_texts: Sequence[str]) -> AlignmentFeatures:
    """The features of a document whose sentences, in order, are ``sentence_texts``."""
    indexes = tuple(i for i, text in enumerate(sentence_texts) if len(text.split()) >= _MINIMUM_WORDS)
    tokens = tuple(tuple(w.lower() for w in words(sentence_texts[i])) for i in indexes)
    # content_words of each sentence, from the tokens already made (one regex pass, not two)
    content = tuple(frozenset(w for w in sentence if w not in STOPWORDS and len(w) > 1) for sentence in tokens)
    index: dict[str, list[int]] = defaultdict(list)
    for position, content_of_sentence in enumerate(content):
        for word in content_of_sentence:
            index[word].append(position)
    exact: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for position, tokens_of_sentence in enumerate(tokens):
        exact[tokens_of_sentence].append(position)
    return AlignmentFeatures(
        tuple(sentence_texts),
        indexes,
        tokens,
        content,
        {word: tuple(p) for word, p in index.items()},
        {sentence_tokens: tuple(p) for sentence_tokens, p in exact.items()},
    )


class PackedSentences:
    """Every document's sentence texts in one UTF-8 buffer, with where each sentence ends.

    Why: relate's worker processes read every document's sentences. A buffer and two integer
    arrays can be written to a file once and mapped by each worker (``write``, ``mapped``),
    where objects would have to be pickled to each, or inherited by forking a parent whose heap
    the workers then copy page by page (bench/data_room.py measured 3.7 GiB of proportional
    memory at 100,000 documents)."""

    def __init__(self, buffer: bytes | memoryview, ends: npt.NDArray[np.int64], firsts: npt.NDArray[np.int64]) -> None:
        self.buffer = memoryview(buffer)
        self.ends = ends
        self.firsts = firsts

    @staticmethod
    def write(documents: Iterable[Iterable[str]], folder: Path) -> None:
        """Every document's sentence texts packed into files in ``folder`` for ``mapped`` to read.
        Written a document at a time: packed in memory first, the buffer, its pieces and a list
        of every sentence's end were held at once, about 0.4 GiB at 100,000 documents."""
        ends = array("q")
        firsts = array("q", [0])
        offset = 0
        with (folder / "sentences.utf8").open("wb") as handle:
            for sentences in documents:
                data = [text.encode("utf-8", "surrogatepass") for text in sentences]
                for piece in data:
                    offset += len(piece)
                    ends.append(offset)
                handle.write(b"".join(data))
                firsts.append(len(ends))
        np.save(folder / "sentence-ends.npy", np.frombuffer(ends, dtype=np.int64))
        np.save(folder / "sentence-firsts.npy", np.frombuffer(firsts, dtype=np.int64))

    @classmethod
    def mapped(cls, folder: Path) -> PackedSentences:
        """The sentences ``write`` wrote, mapped from the files rather than read into memory: the
        operating system shares their pages between workers and can drop them when short."""
        path = folder / "sentences.utf8"
        buffer: bytes | memoryview = b""
        if path.stat().st_size:
            with path.open("rb") as handle:
                buffer = memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
        return cls(
            buffer,
            np.load(folder / "sentence-ends.npy", mmap_mode="r").view(np.ndarray),
            np.load(folder / "sentence-firsts.npy", mmap_mode="r").view(np.ndarray),
        )

    def __len__(self) -> int:
        return len(self.firsts) - 1

    def texts(self, document: int) -> list[str]:
        """The document's sentence texts, in order."""
        first, last = int(self.firsts[document]), int(self.firsts[document + 1])
        start = int(self.ends[first - 1]) if first else 0
        texts = []
        for end in self.ends[first:last].tolist():
            texts.append(str(self.buffer[start:end], "utf-8", "surrogatepass"))
            start = end
        return texts


# The word-sequence similarity of two sentence texts (0.0 where the cheap bound already rules
# the pair out), kept across document pairs: a data room compares one pair of sentences in the
# pairs of every copy of a copy (10,000-document room: 68,724 full comparisons, of 13,472
# distinct pairs of sentences). The texts are the key, whose hashes Python keeps; emptied when full.
RATIOS_KEPT = 65_536
_RATIOS: dict[tuple[str, str], float] = {}


def align_indexes(lf: AlignmentFeatures, rf: AlignmentFeatures) -> tuple[tuple[int, int, float], ...]:
    """Best one-to-one sentence pairs above the threshold, in the left document's order, as
    (left sentence index, right sentence index, similarity): plain data that a worker process
    returns and the incremental store keeps."""
    right_index, right_tokens = rf.index, rf.tokens
    scored: list[tuple[float, int, int]] = []
    # One matcher per right sentence: SequenceMatcher indexes its second sequence, so that work
    # is done once however many left sentences it is compared with.
    matchers: dict[int, SequenceMatcher[str]] = {}
    for left_position, content in enumerate(lf.content):
        same = rf.exact.get(lf.tokens[left_position], ())
        if len(same) == 1 and len(lf.exact[lf.tokens[left_position]]) == 1 and len(content) >= 2:
            # Unique on both sides: this pair has the best score either sentence can get, and no
            # other sentence can claim either with 1.0, so the greedy choice below takes it.
            scored.append((1.0, left_position, same[0]))
            continue
        overlap: dict[int, int] = defaultdict(int)
        for word in content:
            for right_position in right_index.get(word, ()):
                overlap[right_position] += 1
        tokens = lf.tokens[left_position]
        # The partner of a reworded sentence shares the most content words with it; comparing
        # word sequences with only the few best candidates bounds the cost per sentence.
        best = sorted((-shared, position) for position, shared in overlap.items() if shared >= 2)
        for _, right_position in best[:_CANDIDATES_PER_SENTENCE]:
            other = right_tokens[right_position]
            if 2 * min(len(tokens), len(other)) < ALIGN_THRESHOLD * (len(tokens) + len(other)):
                continue  # the length bound alone keeps the ratio under the threshold
            if tokens == other:
                scored.append((1.0, left_position, right_position))
                continue
            key = (lf.texts[lf.indexes[left_position]], rf.texts[rf.indexes[right_position]])
            ratio = _RATIOS.get(key)
            if ratio is None:
                matcher = matchers.get(right_position)
                if matcher is None:
                    matcher = matchers[right_position] = SequenceMatcher(None, autojunk=False)
                    matcher.set_seq2(other)  # type: ignore[arg-type]  # a tuple of words is a sequence
                matcher.set_seq1(tokens)  # type: ignore[arg-type]
                # quick_ratio is an upper bound of ratio and much cheaper
                ratio = 0.0 if matcher.quick_ratio() < ALIGN_THRESHOLD else matcher.ratio()
                if len(_RATIOS) >= RATIOS_KEPT:
                    _RATIOS.clear()
                _RATIOS[key] = ratio
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
    return tuple((lf.indexes[lp], rf.indexes[rp], round(ratio, 3)) for lp, rp, ratio in chosen)


def aligned_from_indexes(left: Document, right: Document, indexes: AlignedIndexes) -> AlignedSentences:
    return AlignedSentences(left.sentences, right.sentences, indexes)


def aligned_share(aligned_count: int, left: AlignmentFeatures, right: AlignmentFeatures) -> float:
    """Share of the shorter document's (alignable) sentences that found a partner."""
    shorter = min(len(left.indexes), len(right.indexes))
    return aligned_count / shorter if shorter else 0.0
