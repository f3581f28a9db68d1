"""Candidate pairs from indexes, never from all pairs: MinHash LSH over shingles, and shared rare names."""

from __future__ import annotations

import hashlib
import math
import struct
from collections import defaultdict
from collections.abc import Iterable

from kickoff.model import Document
from kickoff.text import shingles, words

SHINGLE_WORDS = 3
# LSH recall threshold: pairs sharing ~30% of their 3-word shingles reach the exact check.
LSH_THRESHOLD = 0.3
PERMUTATIONS = 128
# A name shared by more documents than this says nothing about two of them (e.g. "United States").
MAX_NAME_DOCUMENT_FREQUENCY = 200


def _hash(data: bytes) -> int:
    """A stable 32-bit hash (datasketch's default is sha1 too; stated here for determinism)."""
    return struct.unpack("<I", hashlib.sha1(data).digest()[:4])[0]


def document_shingles(document: Document) -> set[str]:
    return shingles([w.lower() for w in words(document.source.text)], SHINGLE_WORDS)


def shingle_pairs(documents: list[Document], shingle_sets: list[set[str]]) -> set[tuple[int, int]]:
    """Pairs whose MinHash signatures collide in at least one LSH band."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=PERMUTATIONS)
    pairs: set[tuple[int, int]] = set()
    for index, shingle_set in enumerate(shingle_sets):
        signature = MinHash(num_perm=PERMUTATIONS, hashfunc=_hash, seed=1)
        signature.update_batch([s.encode("utf-8") for s in sorted(shingle_set)])
        for other in lsh.query(signature):
            pairs.add((int(other), index))
        lsh.insert(str(index), signature)
    del documents
    return {(min(a, b), max(a, b)) for a, b in pairs}


def entity_keys(document: Document) -> set[str]:
    """Comparable name keys: a person by surname (so 'Putin' meets 'Vladimir Putin')."""
    profile = document.profile
    if profile is None:
        return set()
    keys = {f"person:{p.name.split()[-1].split('-')[-1].lower()}" for p in profile.people}
    keys |= {f"place:{p.name.lower()}" for p in profile.places}
    keys |= {f"organisation:{o.name.lower()}" for o in profile.organisations}
    return keys


def name_pairs(key_sets: list[set[str]]) -> tuple[set[tuple[int, int]], dict[str, float]]:
    """Pairs sharing at least two names from an inverted index, and each name's IDF weight."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index, keys in enumerate(key_sets):
        for key in keys:
            postings[key].append(index)
    count = len(key_sets)
    weights = {key: math.log((count + 1) / (len(docs) + 1)) + 1.0 for key, docs in postings.items()}
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for docs in postings.values():
        if len(docs) > MAX_NAME_DOCUMENT_FREQUENCY:
            continue
        for position, first in enumerate(docs):
            for second in docs[position + 1 :]:
                shared[(first, second)] += 1
    return {pair for pair, n in shared.items() if n >= 2}, weights


def ordered(pairs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    return sorted(set(pairs))
