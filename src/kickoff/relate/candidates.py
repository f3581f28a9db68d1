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
# Per document, at most this many earlier documents are compared as textual copies.
MAX_TEXT_PARTNERS = 10
# A name shared by more documents than this says nothing about two of them (e.g. "United States").
MAX_NAME_DOCUMENT_FREQUENCY = 50
# Each document keeps only its strongest name-sharing partners, so the work grows with the
# bundle, not with its square, even when a few names recur everywhere (bench/throughput.py).
MAX_NAME_PARTNERS = 10


def _hash(data: bytes) -> int:
    """A stable 32-bit hash (datasketch's default is sha1 too; stated here for determinism)."""
    return struct.unpack("<I", hashlib.sha1(data).digest()[:4])[0]


def document_shingles(document: Document) -> set[str]:
    return shingles([w.lower() for w in words(document.source.text)], SHINGLE_WORDS)


def shingle_pairs(shingle_sets: list[set[str]]) -> set[tuple[int, int]]:
    """Pairs whose MinHash signatures collide in at least one LSH band."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=PERMUTATIONS)
    signatures: list[MinHash] = []
    pairs: set[tuple[int, int]] = set()
    for index, shingle_set in enumerate(shingle_sets):
        signature = MinHash(num_perm=PERMUTATIONS, hashfunc=_hash, seed=1)
        signature.update_batch([s.encode("utf-8") for s in sorted(shingle_set)])
        # Templated bundles can collide everywhere: keep each document's closest partners only.
        found = sorted(
            ((signature.jaccard(signatures[int(other)]), int(other)) for other in lsh.query(signature)),
            key=lambda item: (-item[0], item[1]),
        )
        for _, other in found[:MAX_TEXT_PARTNERS]:
            pairs.add((other, index))
        signatures.append(signature)
        lsh.insert(str(index), signature)
    return pairs


def entity_keys(document: Document) -> set[str]:
    """Comparable name keys: a person by surname (so 'Berger' meets 'Anna Berger')."""
    profile = document.profile
    if profile is None:
        return set()
    keys = {f"person:{p.name.split()[-1].split('-')[-1].lower()}" for p in profile.people}
    keys |= {f"place:{p.name.lower()}" for p in profile.places}
    keys |= {f"organisation:{o.name.lower()}" for o in profile.organisations}
    return keys


def name_pairs(key_sets: list[set[str]]) -> tuple[set[tuple[int, int]], dict[str, float]]:
    """Pairs sharing a name, from an inverted index (each document's strongest partners only), and
    each name's IDF weight."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index, keys in enumerate(key_sets):
        for key in keys:
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
    pairs: set[tuple[int, int]] = set()
    for document, candidates in partners.items():
        for _, other in sorted(candidates, key=lambda item: (-item[0], item[1]))[:MAX_NAME_PARTNERS]:
            pairs.add((min(document, other), max(document, other)))
    return pairs, weights


def ordered(pairs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    return sorted(set(pairs))
