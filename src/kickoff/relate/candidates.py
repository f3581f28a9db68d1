"""Candidate pairs from indexes, never from all pairs: MinHash LSH over shingles, and shared rare names."""

from __future__ import annotations

import hashlib
import math
import sys
import typing
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from kickoff.model import Document
from kickoff.text import words

SHINGLE_WORDS = 3
# LSH recall threshold: pairs sharing ~30% of their 3-word shingles reach the exact check.
LSH_THRESHOLD = 0.3
PERMUTATIONS = 128
# Per document, at most this many earlier documents are compared as textual copies.
MAX_TEXT_PARTNERS = 10
# A name shared by more documents than this says nothing about two of them (e.g. "United States").
MAX_NAME_DOCUMENT_FREQUENCY = 50
# Each document keeps only its strongest name-sharing partners, so the work grows with the
# bundle, not with its square, even when a few names recur everywhere (bench/throughput.py).
MAX_NAME_PARTNERS = 10


# LSH banding for the threshold above, as datasketch's MinHashLSH chooses it for 128
# permutations (false positives and negatives weighted equally): 37 bands of 3 rows.
BANDS, ROWS = 37, 3
# Per document and band, only the latest this many earlier documents of the bucket are
# considered: a templated bundle whose documents all collide stays linear, not quadratic.
MAX_BUCKET_LOOKBACK = 200

# A document's shingles: sorted, distinct 64-bit hashes (see document_shingles).
Shingles = npt.NDArray[np.uint64]

# Pairs of document positions, one row (first, second) each, first < second, sorted and distinct.
# An array, not a set of tuples: a data room of 100,000 documents has over a million candidate
# pairs, and a tuple of two integers costs about a hundred bytes, a row sixteen.
Pairs = npt.NDArray[np.int64]


_MASK = np.uint64(0xFFFFFFFF)
# Multiply-shift hashing, (a * x + b) mod 2**64 >> 32, one (a, b) per permutation; fixed seed.
_PERMUTATION_A = np.random.default_rng(1).integers(1, 2**63, PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
_PERMUTATION_B = np.random.default_rng(2).integers(0, 2**63, PERMUTATIONS, dtype=np.uint64)
_WORD_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F))
_WORD_HASHES: dict[str, int] = {}


def _word_hash(word: str) -> int:
    value = _WORD_HASHES.get(word)
    if value is None:
        if len(_WORD_HASHES) > 1_000_000:
            _WORD_HASHES.clear()  # a bound on memory, whatever the vocabulary
        value = int.from_bytes(hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")
        _WORD_HASHES[word] = value
    return value


def document_shingles(document: Document) -> Shingles:
    """The document's 3-word shingles as sorted, distinct 64-bit hashes (text_shingles)."""
    return text_shingles(document.source.text)


def text_shingles(text: str) -> Shingles:
    """A text's 3-word shingles as sorted, distinct 64-bit hashes.

    Hashes, not strings: a set of shingle strings per document was most of relate's memory on a
    data room, and numpy compares sorted hashes (exact Jaccard) and computes MinHash signatures
    without a Python call per shingle. A text shorter than three words is one shingle."""
    tokens = [word.lower() for word in words(text)]
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    hashes = np.fromiter((_word_hash(token) for token in tokens), dtype=np.uint64, count=len(tokens))
    with np.errstate(over="ignore"):
        if len(hashes) < SHINGLE_WORDS:
            combined = np.uint64(0)
            for value in hashes:
                combined = combined * _WORD_MIX[0] + value
            return np.array([combined], dtype=np.uint64)
        mixed = hashes[:-2] * _WORD_MIX[0] + hashes[1:-1] * _WORD_MIX[1] + hashes[2:]
    return np.unique(mixed)


class PackedShingles(Sequence[Shingles]):
    """Every document's shingles in one array, each document's a view of it.

    Why one array: relate's worker processes read every document's shingles, and two arrays are
    written to a file once and mapped by each worker (``write``, ``map_from``), where a hundred
    thousand array objects would be pickled to each."""

    def __init__(self, shingle_sets: Iterable[Shingles]) -> None:
        arrays = list(shingle_sets)
        self.starts = np.zeros(len(arrays) + 1, dtype=np.int64)
        np.cumsum([len(a) for a in arrays], out=self.starts[1:])
        self.values = np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.uint64)

    @classmethod
    def joined(cls, parts: Iterable[PackedShingles]) -> PackedShingles:
        """The documents of several packs, in order, as one pack."""
        parts = list(parts)
        joined = cls(())
        if parts:
            joined.values = np.concatenate([part.values for part in parts])
            offsets = np.cumsum([0] + [len(part.values) for part in parts[:-1]])
            joined.starts = np.concatenate(
                [np.zeros(1, dtype=np.int64)]
                + [part.starts[1:] + offset for part, offset in zip(parts, offsets, strict=True)]
            )
        return joined

    def write(self, folder: Path) -> None:
        """Written to ``folder`` for ``mapped`` to read."""
        np.save(folder / "shingle-starts.npy", self.starts)
        np.save(folder / "shingles.npy", self.values)

    def map_from(self, folder: Path) -> None:
        """Read from now on from the files ``write`` wrote, mapped: processes that map one file
        share its pages, and the arrays held before are let go."""
        # plain views of the maps: a slice of a np.memmap is a memmap, slower to make
        self.starts = np.load(folder / "shingle-starts.npy", mmap_mode="r").view(np.ndarray)
        self.values = np.load(folder / "shingles.npy", mmap_mode="r").view(np.ndarray)

    def __len__(self) -> int:
        return len(self.starts) - 1

    @typing.overload
    def __getitem__(self, document: int) -> Shingles: ...

    @typing.overload
    def __getitem__(self, document: slice) -> list[Shingles]: ...

    def __getitem__(self, document: int | slice) -> Shingles | list[Shingles]:
        if isinstance(document, slice):
            return [self[i] for i in range(*document.indices(len(self)))]
        if document < 0:
            document += len(self)
        return self.values[self.starts[document] : self.starts[document + 1]]


def jaccard(left: Shingles, right: Shingles) -> float:
    """Exact Jaccard similarity of two shingle-hash sets (sorted and distinct)."""
    if not left.size and not right.size:
        return 0.0
    shared = np.intersect1d(left, right, assume_unique=True).size
    return shared / (left.size + right.size - shared)


def signature(shingle_hashes: Shingles) -> npt.NDArray[np.uint32]:
    """The MinHash signature: per permutation, the least hash of any shingle."""
    result = np.full(PERMUTATIONS, 0xFFFFFFFF, dtype=np.uint32)
    keys = shingle_hashes >> np.uint64(32)
    with np.errstate(over="ignore"):
        for start in range(0, keys.size, 4096):  # bounded temporary memory for a long document
            chunk = keys[start : start + 4096]
            values = (_PERMUTATION_A[:, None] * chunk[None, :] + _PERMUTATION_B[:, None]) >> np.uint64(32)
            result = np.minimum(result, (values & _MASK).min(axis=1).astype(np.uint32))
    return result


def band_keys(document_signature: npt.NDArray[np.uint32]) -> list[bytes]:
    """The LSH bucket of each band: two documents whose keys meet are candidates. (The Dask
    engine shuffles these keys across workers; here a dict does.)"""
    return [
        band.to_bytes(1, "little") + document_signature[band * ROWS : (band + 1) * ROWS].tobytes()
        for band in range(BANDS)
    ]


def signatures_of(shingle_sets: Sequence[Shingles]) -> npt.NDArray[np.uint32]:
    """One MinHash signature per document, as the rows of one array."""
    if not shingle_sets:
        return np.zeros((0, PERMUTATIONS), dtype=np.uint32)
    return np.stack([signature(hashes) for hashes in shingle_sets])


def local_buckets(signatures: npt.NDArray[np.uint32]) -> list[npt.NDArray[np.int64]]:
    """The LSH buckets with more than one document, each listing its documents in order.

    One band at a time, by sorting its rows: a dict keyed by every band of every document held
    3.7 million keys at once on a 100,000-document data room (about half a gigabyte); this holds
    one band's row order and the buckets' members, as integer arrays."""
    buckets: list[npt.NDArray[np.int64]] = []
    for band in range(BANDS):
        rows = np.ascontiguousarray(signatures[:, band * ROWS : (band + 1) * ROWS])
        if not len(rows):
            break
        first_of_key, inverse, counts = _row_groups(rows)
        shared = counts > 1
        if not shared.any():
            continue
        # documents of the shared keys, grouped by key and in document order within a key
        members = np.flatnonzero(shared[inverse])
        members = members[np.argsort(inverse[members], kind="stable")]
        ends = np.cumsum(counts[shared])
        # keys in order of their first document, as the dict this replaced listed them
        groups = np.split(members, ends[:-1])
        for position in np.argsort(first_of_key[shared], kind="stable"):
            buckets.append(groups[position])
    return buckets


def _row_groups(
    rows: npt.NDArray[np.uint32],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Per distinct row: the position of its first occurrence; per row, its distinct row's
    number; per distinct row, how many rows have it. What ``np.unique(rows, axis=0, ...)`` gives,
    by a stable sort on the columns. np.unique sorts the rows as structured records: on 100,000
    random rows, 0.06 s a band against 0.03 s, and relate bands 37 times."""
    order = np.lexsort(rows.T[::-1])  # by the first column, then the second, ...; stable
    ordered = rows[order]
    starts_key = np.ones(len(rows), dtype=bool)
    starts_key[1:] = (ordered[1:] != ordered[:-1]).any(axis=1)
    inverse = np.empty(len(rows), dtype=np.int64)
    inverse[order] = np.cumsum(starts_key) - 1
    starts = np.flatnonzero(starts_key)
    counts = np.diff(np.r_[starts, len(rows)])
    # the sort is stable, so a group's first row in sorted order is its first in the bundle
    return order[starts].astype(np.int64), inverse, counts.astype(np.int64)


# A bucket's documents, as a list (a cluster's shuffle) or an integer array (local_buckets).
BucketMembers = list[int] | npt.NDArray[np.int64]
# How the buckets are made: in this process (local_buckets) or as a shuffle on a cluster.
Banding = Callable[[npt.NDArray[np.uint32]], Iterable[BucketMembers]]


def shingle_pairs(
    shingle_sets: Sequence[Shingles],
    banding: Banding = local_buckets,
    signatures: npt.NDArray[np.uint32] | None = None,
) -> Pairs:
    """Pairs whose MinHash signatures collide in at least one LSH band. Each document keeps its
    closest earlier partners (by estimated Jaccard), and looks back at most MAX_BUCKET_LOOKBACK
    documents per bucket, so templated bundles stay linear. The result depends only on the
    buckets' members, not on how the buckets were made. ``signatures``: the shingle sets'
    signatures where they were made already (signatures_of)."""
    if signatures is None:
        signatures = signatures_of(shingle_sets)
    buckets = [np.sort(np.asarray(members, dtype=np.int64)) for members in banding(signatures)]
    if not buckets:
        return np.zeros((0, 2), dtype=np.int64)
    lengths = np.fromiter((len(members) for members in buckets), dtype=np.int64, count=len(buckets))
    member = np.concatenate(buckets)
    del buckets
    place = _places_in_runs(lengths)
    # every (document, place in the flat list of members, place in its bucket) but the buckets'
    # first members, by document: each looks back at the members before it in its bucket
    later = place > 0
    document, flat, place = member[later], np.flatnonzero(later), place[later]
    order = np.argsort(document, kind="stable")
    document, flat, place = document[order], flat[order], place[order]
    looked_back = np.minimum(place, MAX_BUCKET_LOOKBACK)
    firsts: list[npt.NDArray[np.int64]] = []
    seconds: list[npt.NDArray[np.int64]] = []
    for start, end in _runs_of_documents(document, looked_back):
        count = looked_back[start:end]
        others = member[np.repeat(flat[start:end] - count, count) + _places_in_runs(count)]
        documents = np.repeat(document[start:end], count)
        # distinct (document, earlier partner), by document, then partner
        keys = np.sort(documents * len(signatures) + others)
        keys = keys[np.r_[True, keys[1:] != keys[:-1]]]
        documents, others = keys // len(signatures), keys % len(signatures)
        estimates = _shared_permutations(signatures, documents, others)
        # per document, its partners closest first (ties: the earlier document), the first few
        ranked = np.lexsort((others, -estimates, documents))
        documents, others = documents[ranked], others[ranked]
        group_start = np.flatnonzero(np.r_[True, documents[1:] != documents[:-1]])
        kept = _places_in_runs(np.diff(np.r_[group_start, len(documents)])) < MAX_TEXT_PARTNERS
        firsts.append(others[kept])
        seconds.append(documents[kept])
    return ordered_pairs(np.concatenate(firsts), np.concatenate(seconds))


def _places_in_runs(lengths: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """For runs of the given lengths laid end to end, each element's place in its own run:
    [2, 3] gives [0, 1, 0, 1, 2]."""
    return np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)


# Candidate (document, earlier partner) rows made at a time: the documents' windows into their
# buckets are expanded a run of documents at a time, so a templated bundle whose documents all
# collide holds a bounded number of rows, not every document's 37 windows of 200 at once.
PAIR_ROWS_AT_A_TIME = 1 << 21


def _runs_of_documents(
    document: npt.NDArray[np.int64], looked_back: npt.NDArray[np.int64]
) -> Iterator[tuple[int, int]]:
    """Runs of the (sorted) document column whose windows hold about PAIR_ROWS_AT_A_TIME rows in
    all, never splitting a document's rows between two runs."""
    if not len(document):
        return
    boundaries = np.flatnonzero(np.r_[True, document[1:] != document[:-1]])
    rows_before = np.r_[0, np.cumsum(looked_back)][boundaries]
    start = 0
    while start < len(boundaries):
        end = int(np.searchsorted(rows_before, rows_before[start] + PAIR_ROWS_AT_A_TIME, side="left"))
        end = max(end, start + 1)
        yield int(boundaries[start]), int(boundaries[end]) if end < len(boundaries) else len(document)
        start = end


def _shared_permutations(
    signatures: npt.NDArray[np.uint32], documents: npt.NDArray[np.int64], others: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """Per pair, how many of the two signatures' permutations agree (the Jaccard estimate times
    PERMUTATIONS), a block of pairs at a time for a bounded temporary array."""
    estimates = np.empty(len(documents), dtype=np.int64)
    block = 1 << 16
    for start in range(0, len(documents), block):
        end = start + block
        estimates[start:end] = (signatures[documents[start:end]] == signatures[others[start:end]]).sum(axis=1)
    return estimates


def entity_keys(document: Document) -> set[str]:
    """Comparable name keys: a person by surname (so 'Berger' meets 'Anna Berger').

    Interned: relate holds every document's keys at once, and a name most documents share would
    otherwise be one string per document."""
    profile = document.profile
    if profile is None:
        return set()
    keys = {f"person:{p.name.split()[-1].split('-')[-1].lower()}" for p in profile.people}
    keys |= {f"place:{p.name.lower()}" for p in profile.places}
    keys |= {f"organisation:{o.name.lower()}" for o in profile.organisations}
    return {sys.intern(key) for key in keys}


def name_pairs(key_sets: list[set[str]]) -> tuple[Pairs, dict[str, float]]:
    """Pairs sharing a name, from an inverted index (each document's strongest partners only), and
    each name's IDF weight."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index, keys in enumerate(key_sets):
        # sorted: a set's order changes from run to run (string hashing is salted per process),
        # and the strengths below are float sums, whose last bits follow the order of addition
        for key in sorted(keys):
            postings[key].append(index)
    count = len(key_sets)
    weights = {key: math.log((count + 1) / (len(docs) + 1)) + 1.0 for key, docs in postings.items()}
    shared: dict[tuple[int, int], int] = defaultdict(int)
    strength: dict[tuple[int, int], float] = defaultdict(float)
    for key, docs in postings.items():
        if len(docs) > MAX_NAME_DOCUMENT_FREQUENCY:
            continue
        for position, first in enumerate(docs):
            for second in docs[position + 1 :]:
                shared[(first, second)] += 1
                strength[(first, second)] += weights[key]
    partners: dict[int, list[tuple[float, int]]] = defaultdict(list)
    # One shared name makes a candidate, not a relation: _same_event then asks for a second,
    # independent signal (more names, or the same content words), so each document keeps only
    # its strongest few partners.
    for (first, second), _ in shared.items():
        partners[first].append((strength[(first, second)], second))
        partners[second].append((strength[(first, second)], first))
    firsts: list[int] = []
    seconds: list[int] = []
    for document, candidates in partners.items():
        for _, other in sorted(candidates, key=lambda item: (-item[0], item[1]))[:MAX_NAME_PARTNERS]:
            firsts.append(min(document, other))
            seconds.append(max(document, other))
    return ordered_pairs(np.array(firsts, dtype=np.int64), np.array(seconds, dtype=np.int64)), weights


def ordered_pairs(firsts: npt.NDArray[np.int64], seconds: npt.NDArray[np.int64]) -> Pairs:
    """The distinct pairs (firsts[i], seconds[i]), sorted."""
    if not len(firsts):
        return np.zeros((0, 2), dtype=np.int64)
    rows = np.unique(np.stack([firsts, seconds], axis=1), axis=0)
    return rows.astype(np.int64, copy=False)


def merged_pairs(*pair_arrays: Pairs) -> Pairs:
    """The distinct pairs of all the arrays, sorted."""
    nonempty = [pairs for pairs in pair_arrays if len(pairs)]
    if not nonempty:
        return np.zeros((0, 2), dtype=np.int64)
    return ordered_pairs(*np.concatenate(nonempty).T)
