"""Relate: duplicates, near duplicates, reworded copies and reports of the same event.

Candidate pairs come from a MinHash LSH index over word shingles and an inverted index of rare
names, so the cost grows with the number of related pairs, not with the square of the bundle.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import math
import multiprocessing
import sys
import tempfile
import typing
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from kickoff.engines.local import stopped_with_the_run
from kickoff.model import AlignedIndexes, AlignedSentence, Document, Relation, RelationKind
from kickoff.relate.align import (
    AlignmentFeatures,
    PackedSentences,
    align_indexes,
    aligned_from_indexes,
    aligned_share,
    alignment_features,
)
from kickoff.relate.candidates import (
    Banding,
    PackedShingles,
    Pairs,
    Shingles,
    document_shingles,
    entity_keys,
    local_buckets,
    merged_pairs,
    name_pairs,
    shingle_pairs,
    signatures_of,
    text_shingles,
)
from kickoff.relate.candidates import (
    jaccard as shingle_jaccard,
)
from kickoff.store import Store
from kickoff.text import content_words, normalise_space

__all__ = ["connected_groups", "near_duplicate_evidence", "publication_date", "relate"]

REQUIRES = ("sentences", "profile")
PROVIDES = ("relations",)

# Exact shingle Jaccard at or above this is a near duplicate (same text, light edits).
NEAR_DUPLICATE_JACCARD = 0.5
# A reworded copy shares at least this many aligned sentences and this share of the shorter one.
DERIVED_MINIMUM_SENTENCES = 3
DERIVED_MINIMUM_SHARE = 0.3
# Same event: IDF-weighted overlap of names, at least one shared person and three shared names.
SAME_EVENT_MINIMUM_SCORE = 0.15
SAME_EVENT_MINIMUM_SHARED = 3
# Two full publication dates further apart than this are two events, whatever the names say.
SAME_EVENT_MAXIMUM_DAYS = 14
# Content-word cosine at which one shared name is joined by a second signal. On the real event
# groups of eval/content_farm.py, reports of one event reach 0.31 to 0.7, reports of different
# events and decoys at most 0.20.
SAME_EVENT_MINIMUM_COSINE = 0.25

_KIND_ORDER = {"exact duplicate": 0, "near duplicate": 1, "derived": 2, "same event": 3}


def relate(
    documents: tuple[Document, ...],
    store: Store | None = None,
    workers: int = 1,
    banding: Banding = local_buckets,
    progress: Callable[[int], object] | None = None,
) -> tuple[Relation, ...]:
    """Every relation the candidate indexes lead to. With a store, the textual comparison of a pair
    whose two documents are unchanged is taken from it; with workers, the other pairs are compared
    in worker processes; ``banding`` makes the LSH buckets here or on a cluster. Either way the
    relations are the same. ``progress`` is told how many pairs were compared, as they are."""
    # The temporary folder the comparison's workers map their data from, when there are workers:
    # it lasts as long as relate, which reads the shingles from it too (_compare_pairs).
    with contextlib.ExitStack() as spill:
        return _relate(list(documents), store, workers, banding, progress, spill)


def _relate(
    documents_list: list[Document],
    store: Store | None,
    workers: int,
    banding: Banding,
    progress: Callable[[int], object] | None,
    spill: contextlib.ExitStack,
) -> tuple[Relation, ...]:
    relations: list[Relation] = []
    with _shingling(documents_list, workers) as shingled:
        # while worker processes make the shingles, this one finds the exact copies and the names
        exact = _exact_duplicates(documents_list)
        relations.extend(exact)
        position_of = {document.path: position for position, document in enumerate(documents_list)}
        exact_pairs = np.array([(position_of[r.left], position_of[r.right]) for r in exact], dtype=np.int64)
        exact_pairs = exact_pairs.reshape(-1, 2)
        del position_of
        key_sets = [entity_keys(d) for d in documents_list]
        names, weights = name_pairs(key_sets)
        shingle_sets, signatures = shingled()
    candidates = merged_pairs(shingle_pairs(shingle_sets, banding, signatures), names)
    if len(exact_pairs) and len(candidates):
        # an exact duplicate is already related: no textual comparison of it
        count = len(documents_list)
        candidates = candidates[
            ~np.isin(candidates[:, 0] * count + candidates[:, 1], exact_pairs[:, 0] * count + exact_pairs[:, 1])
        ]
    results = _textual_results(documents_list, shingle_sets, candidates, store, workers, progress or _ignore, spill)
    # Taken from the end, a result at a time, so each is let go once its relation is made: the
    # relations and every result were the cold data room's memory peak (bench/data_room.py).
    results.reverse()
    for first, second in _rows(candidates):
        kind, score, evidence, indexes = results.pop()
        left, right = documents_list[first], documents_list[second]
        aligned = aligned_from_indexes(left, right, indexes)
        relation: Relation | None = None
        if kind is not None:
            relation = Relation(kind, left.path, right.path, score, evidence, aligned)
        else:
            jaccard = shingle_jaccard(shingle_sets[first], shingle_sets[second])
            relation = _same_event(left, right, key_sets[first], key_sets[second], weights, jaccard, aligned)
        if relation is not None:
            relations.append(relation)
    return tuple(sorted(relations, key=lambda r: (_KIND_ORDER[r.kind], r.left, r.right)))


# From this many documents, and with workers, the shingles and MinHash signatures are made in
# worker processes (started afresh, as the comparison's are) while this process finds the exact
# copies and the shared names: relate's candidate search ran in one process on a two-core machine
# (100,000-document data room: shingles 12 s and signatures 7 s, bench/data_room.py). Below it,
# starting the workers costs about what they save.
SHINGLING_IN_WORKERS_FROM = 10_000
# Documents per shingling task.
SHINGLING_TASK = 2_000

# What the main process gets back from shingling: every document's shingles, and their MinHash
# signatures where the workers made them (None: shingle_pairs makes them).
Shingled = tuple[PackedShingles, npt.NDArray[np.uint32] | None]


@contextlib.contextmanager
def _shingling(documents: list[Document], workers: int) -> Iterator[Callable[[], Shingled]]:
    """A callable that gives every document's shingles: made in worker processes from the moment
    the with block starts, when the bundle is big and there are workers; made when called,
    here, otherwise. The workers read the texts from a temporary file, removed at the end."""
    if workers <= 1 or len(documents) < SHINGLING_IN_WORKERS_FROM:
        yield lambda: (PackedShingles(document_shingles(d) for d in documents), None)
        return
    with tempfile.TemporaryDirectory(prefix="kickoff-shingles-", ignore_cleanup_errors=True) as folder:
        PackedSentences.write(([d.source.text] for d in documents), Path(folder))
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
        with stopped_with_the_run(pool):
            tasks = [
                (folder, start, min(start + SHINGLING_TASK, len(documents)))
                for start in range(0, len(documents), SHINGLING_TASK)
            ]
            results = pool.map(_shingle_task, tasks)

            def shingled() -> Shingled:
                parts = list(results)
                return PackedShingles.joined(part for part, _ in parts), np.concatenate([s for _, s in parts])

            yield shingled


_TEXTS: dict[str, PackedSentences] = {}


def _shingle_task(task: tuple[str, int, int]) -> tuple[PackedShingles, npt.NDArray[np.uint32]]:
    """A worker's share of shingling: documents ``start`` to ``end`` of the texts in ``folder``
    (each written as one piece), their shingles and MinHash signatures."""
    folder, start, end = task
    if folder not in _TEXTS:
        _TEXTS.clear()
        _TEXTS[folder] = PackedSentences.mapped(Path(folder))
    texts = _TEXTS[folder]
    shingle_sets = [text_shingles(texts.texts(document)[0]) for document in range(start, end)]
    return PackedShingles(shingle_sets), signatures_of(shingle_sets)


def near_duplicate_evidence(jaccard: float) -> tuple[str, ...]:
    """What a near duplicate's evidence says: its shingle Jaccard similarity. The JSON leaves it
    out where it says just that of the relation's score (serial.encode_relation)."""
    return (f"3-word shingle Jaccard similarity {jaccard:.2f}",)


def _rows(pairs: Pairs, batch: int = 65536) -> Iterator[tuple[int, int]]:
    """The pairs as Python integers, a batch at a time (a list of all of them would be a copy of
    every pair as objects)."""
    for start in range(0, len(pairs), batch):
        yield from zip(pairs[start : start + batch, 0].tolist(), pairs[start : start + batch, 1].tolist(), strict=True)


# (copy kind or None, score, evidence, aligned sentence indexes): a pair's textual comparison as
# plain data, which a worker process returns and the store keeps.
TextualResult = tuple[RelationKind | None, float, tuple[str, ...], AlignedIndexes]

# Below this many candidate pairs, worker processes cost more to start than they save.
PARALLEL_PAIRS_FROM = 2000
# Workers map every document's sentences and shingles, so what they cost grows with the bundle,
# and what they save with the pairs. A warm run compares few pairs among many documents (1 % of a
# 100,000-document room changed: about 20,000 pairs), and there their start was the run's memory
# peak: two workers of about 0.27 GiB each beside the main process (bench/data_room.py). With
# fewer pairs than a quarter of the documents, the pairs are compared in the main process.
DOCUMENTS_PER_PARALLEL_PAIR = 4


# Pairs looked up in the store at a time: their keys are made, asked for and dropped, so no list
# of every pair's key is held (a data room has over a million).
STORE_BATCH = 20_000


def _textual_results(
    documents: list[Document],
    shingle_sets: PackedShingles,
    pairs: Pairs,
    store: Store | None,
    workers: int,
    progress: Callable[[int], object],
    spill: contextlib.ExitStack,
) -> list[TextualResult]:
    """Each pair's textual comparison, in the pairs' order.

    A pair's comparison depends on the two texts only, not on the paths: exact copies (and copies
    of copies) would repeat it once per copy, so each distinct pair of texts is compared once (a
    data room's exact copies made about a fifth of its candidate pairs), and its copies share the
    result, the same objects. The first pair of each pair of texts stands for the others, in the
    store too: a warm run reads one result per pair of texts, and holds it once, as a cold run
    does (read per pair, a data room's warm run held a copy per pair, bench/data_room.py)."""
    texts = _content_ids(documents)
    codes = texts[pairs[:, 0]] * len(documents) + texts[pairs[:, 1]]
    # per distinct pair of texts (a code), the first pair that has it: its representative
    _, representatives, code_of_pair = np.unique(codes, return_index=True, return_inverse=True)
    del codes
    found: list[TextualResult | None] = [None] * len(representatives)
    # The same evidence reads the same in many results ("3-word shingle Jaccard similarity 0.90"):
    # one tuple for all of them, shared as each result comes in, not once they are all held
    # (10,000-document data room: 40,186 evidence tuples, 4,360 distinct).
    evidence_seen: dict[tuple[str, ...], tuple[str, ...]] = {}

    def shared(result: TextualResult) -> TextualResult:
        kind, score, evidence, indexes = result
        return kind, score, evidence_seen.setdefault(evidence, evidence), indexes

    if store is not None:
        for start in range(0, len(representatives), STORE_BATCH):
            keys = [
                _pair_key(store, documents, first, second)
                for first, second in _rows(pairs[representatives[start : start + STORE_BATCH]])
            ]
            cached = store.get_many(keys)
            for offset, key in enumerate(keys):
                value = cached.get(key)
                if value is not None:
                    found[start + offset] = shared(_result_from_json(value))
    missing = np.array([number for number, result in enumerate(found) if result is None], dtype=np.int64)
    progress(len(pairs) - len(missing))
    missing = missing[_locality_order(pairs[representatives[missing]], len(documents))]
    compared = _compare_pairs(documents, shingle_sets, pairs[representatives[missing]], workers, progress, spill)
    for number, result in zip(missing.tolist(), compared, strict=True):
        found[number] = shared(result)
        if store is not None:
            first, second = (int(position) for position in pairs[representatives[number]])
            store.put(_pair_key(store, documents, first, second), _result_to_json(result))
    return [typing.cast(TextualResult, found[code]) for code in code_of_pair.reshape(-1).tolist()]


def _locality_order(pairs: Pairs, count: int) -> npt.NDArray[np.int64]:
    """An order of the pairs in which a document's partners come close together, so that the
    alignment features a worker keeps (FEATURES_KEPT) are found again rather than made again.

    The documents are numbered in breadth-first order over the pairs, and the pairs sorted by
    their two numbers: a document and its partners get near numbers. In the bundle's order a
    partner is anywhere, and a data room's workers made each document's features four times over
    (bench/data_room.py). Only the order of the work changes, not a result."""
    if len(pairs) == 0:
        return np.zeros(0, dtype=np.int64)
    ends = np.concatenate([pairs[:, 0], pairs[:, 1]])
    others = np.concatenate([pairs[:, 1], pairs[:, 0]])
    by_end = np.argsort(ends, kind="stable")
    neighbours = others[by_end].tolist()
    starts = np.searchsorted(ends[by_end], np.arange(count + 1)).tolist()
    number = [-1] * count
    next_number = 0
    for start in np.unique(ends).tolist():
        if number[start] >= 0:
            continue
        number[start] = next_number
        next_number += 1
        queue = deque([start])
        while queue:
            document = queue.popleft()
            for other in neighbours[starts[document] : starts[document + 1]]:
                if number[other] < 0:
                    number[other] = next_number
                    next_number += 1
                    queue.append(other)
    numbers = np.array(number, dtype=np.int64)
    left, right = numbers[pairs[:, 0]], numbers[pairs[:, 1]]
    return np.lexsort((np.maximum(left, right), np.minimum(left, right))).astype(np.int64)


def _pair_key(store: Store, documents: list[Document], first: int, second: int) -> bytes:
    left, right = documents[first], documents[second]
    return store.key("pair", left.path, left.source.sha256, right.path, right.source.sha256)


def _content_ids(documents: list[Document]) -> npt.NDArray[np.int64]:
    """Per document, a number that two documents share when what a pair's comparison reads of
    them is the same: their blocks' kinds and texts."""
    ids: dict[bytes, int] = {}
    numbers = np.empty(len(documents), dtype=np.int64)
    for position, document in enumerate(documents):
        digest = hashlib.sha256()
        for block in document.source.blocks:
            digest.update(f"{block.kind}\0{block.text}\0".encode("utf-8", "surrogatepass"))
        numbers[position] = ids.setdefault(digest.digest(), len(ids))
    return numbers


def _result_from_json(value: Any) -> TextualResult:
    """A stored result (a JSON list written by _result_to_json) as the tuple it was."""
    # one string per kind, not one per pair read back
    kind = typing.cast(RelationKind | None, value[0] and sys.intern(value[0]))
    indexes = AlignedIndexes(base64.b64decode(value[3]), int(value[4]), bool(value[5]))
    return kind, float(value[1]), tuple(str(line) for line in value[2]), indexes


def _result_to_json(result: TextualResult) -> list[Any]:
    """A result as the store keeps it: the aligned pairs as their packed bytes (base64), read
    back without unpacking a list per pair (a data room's warm run reads a million results)."""
    kind, score, evidence, indexes = result
    return [
        kind,
        score,
        list(evidence),
        base64.b64encode(indexes.data).decode("ascii"),
        indexes.count,
        indexes.knows_differing,
    ]


class _DocumentSentences:
    """The documents' sentence texts, read as PackedSentences gives them (``texts``)."""

    def __init__(self, documents: list[Document]) -> None:
        self.documents = documents

    def texts(self, document: int) -> list[str]:
        return [sentence.text for sentence in self.documents[document].sentences]


# What the comparison reads: every document's sentences and shingles; worker processes map them,
# packed, from files (_attach).
_SHARED: tuple[PackedSentences | _DocumentSentences, PackedShingles] | None = None
_FEATURES: dict[int, AlignmentFeatures] = {}


def _ignore(count: int) -> None:
    """No progress bar."""


def _compare_pairs(
    documents: list[Document],
    shingle_sets: PackedShingles,
    pairs: Pairs,
    workers: int,
    progress: Callable[[int], object],
    spill: contextlib.ExitStack,
) -> Iterator[TextualResult]:
    """Each pair's textual comparison, in order, as it is made (the caller stores each while the
    workers go on); in worker processes when there are many.

    The workers are started afresh ("spawn"), not forked, and map the packed sentences and
    shingles from a temporary folder that ``spill`` removes. Forked, they inherited the parent's
    heap of every document and relation made so far, and every object a worker made landed in a
    free slot of an inherited page, which the kernel then copied: on a 100,000-document data room
    each worker came to hold about 0.4 GiB of its own (bench/data_room.py). The parent maps the
    shingles from the same file, in place of its own copy: their pages are then held once for
    all processes, and can be dropped and read again when memory is short."""
    global _SHARED
    if workers <= 1 or len(pairs) < max(PARALLEL_PAIRS_FROM, len(documents) // DOCUMENTS_PER_PARALLEL_PAIR):
        # In this process the sentences are read from the documents: packing every document's
        # (a warm run compares the pairs of the few documents that changed) held a copy of all of
        # them while the pairs were compared.
        _SHARED = (_DocumentSentences(documents), shingle_sets)
        try:
            results = _compare_chunk(pairs)
        finally:
            _SHARED = None
            _FEATURES.clear()
        progress(len(pairs))
        yield from results
        return
    size = max(64, len(pairs) // (workers * 16))
    # (ignore_cleanup_errors: where a mapped file cannot be removed, Windows, it is left behind)
    folder = spill.enter_context(tempfile.TemporaryDirectory(prefix="kickoff-relate-", ignore_cleanup_errors=True))
    PackedSentences.write(([sentence.text for sentence in d.sentences] for d in documents), Path(folder))
    shingle_sets.write(Path(folder))
    shingle_sets.map_from(Path(folder))
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_attach, initargs=(folder,))
    with stopped_with_the_run(pool):
        chunks = (pairs[start : start + size] for start in range(0, len(pairs), size))
        for chunk_results in pool.map(_compare_chunk, chunks):
            progress(len(chunk_results))
            yield from chunk_results


def _attach(folder: str) -> None:
    """A worker's start: map what ``_compare_pairs`` wrote."""
    global _SHARED
    shingle_sets = PackedShingles(())
    shingle_sets.map_from(Path(folder))
    _SHARED = (PackedSentences.mapped(Path(folder)), shingle_sets)


# Documents whose alignment features a worker keeps, the oldest dropped first. Pairs come in an
# order that keeps a document's partners close (_locality_order). 10,000-document data room, one
# process: features made 9,178 times with 2,048 kept, 10,932 with 1,024, 14,981 with 256; in the
# bundle's order, with the cache emptied when full, 44,467. Memory, 100,000 documents, the bundle's
# order: 4,096 kept, relate 254 s and a peak of 1.87 GiB; 2,048 kept, 215 s and 1.72 GiB (README).
FEATURES_KEPT = 2048


def _compare_chunk(pairs: Pairs) -> list[TextualResult]:
    assert _SHARED is not None, "set by _compare_pairs"
    sentences, shingle_sets = _SHARED
    results = []
    for first, second in pairs.tolist():
        for position in (first, second):
            if position not in _FEATURES:
                _FEATURES[position] = alignment_features(sentences.texts(position))
        results.append(_textual(shingle_sets[first], shingle_sets[second], _FEATURES[first], _FEATURES[second]))
        while len(_FEATURES) > FEATURES_KEPT:
            # the oldest go first: pairs come in an order that keeps partners close (_locality_order)
            del _FEATURES[next(iter(_FEATURES))]
    return results


def _exact_duplicates(documents: list[Document]) -> list[Relation]:
    by_hash: dict[str, list[Document]] = {}
    for document in documents:
        digest = hashlib.sha256(normalise_space(document.source.text).lower().encode()).hexdigest()
        by_hash.setdefault(digest, []).append(document)
    relations = []
    for group in by_hash.values():
        first = group[0]
        for other in group[1:]:
            same_bytes = other.source.sha256 == first.source.sha256
            relations.append(
                Relation(
                    "exact duplicate",
                    first.path,
                    other.path,
                    1.0,
                    ("identical bytes (SHA-256)" if same_bytes else "identical text after normalising space and case",),
                )
            )
    return relations


def _textual(
    left_shingles: Shingles,
    right_shingles: Shingles,
    left_features: AlignmentFeatures,
    right_features: AlignmentFeatures,
) -> TextualResult:
    """A copy relation if the texts are one text; the aligned sentences either way, for reuse."""
    jaccard = shingle_jaccard(left_shingles, right_shingles)
    triples = align_indexes(left_features, right_features)
    differing = (
        position
        for position, (i, j, similarity) in enumerate(triples)
        if similarity < 1.0 or left_features.texts[i] != right_features.texts[j]
    )
    indexes = AlignedIndexes.of(triples, differing)
    if jaccard >= NEAR_DUPLICATE_JACCARD:
        return "near duplicate", round(jaccard, 3), near_duplicate_evidence(jaccard), indexes
    share = aligned_share(len(indexes), left_features, right_features)
    if len(indexes) >= DERIVED_MINIMUM_SENTENCES and share >= DERIVED_MINIMUM_SHARE:
        evidence = (
            f"{len(indexes)} sentences align ({share:.0%} of the shorter document), "
            f"while only {jaccard:.0%} of 3-word shingles are shared: reworded, not copied",
        )
        return "derived", round(share, 3), evidence, indexes
    return None, 0.0, (), indexes


def _same_event(
    left: Document,
    right: Document,
    left_keys: set[str],
    right_keys: set[str],
    weights: dict[str, float],
    jaccard: float,
    aligned: Sequence[AlignedSentence],
) -> Relation | None:
    shared = left_keys & right_keys
    union = left_keys | right_keys
    if not union:
        return None
    # fsum: exact whatever the order of the sets, which changes from run to run
    score = math.fsum(weights[k] for k in shared) / math.fsum(weights[k] for k in union)
    people = sorted(k.split(":", 1)[1] for k in shared if k.startswith("person:"))
    by_names = score >= SAME_EVENT_MINIMUM_SCORE and len(shared) >= SAME_EVENT_MINIMUM_SHARED and bool(people)
    # An earthquake's reports name its town and agencies, hardly a person; wire rewrites spell a
    # name three ways. Then a shared name and the same content words, two independent signals,
    # make the event. One shared name alone never does.
    # (News only: a specification and its meeting notes share names and words without being
    # reports of an event.)
    news = all(d.profile is not None and d.profile.kind == "news report" for d in (left, right))
    cosine = _cosine(left, right) if shared and news and not by_names else 0.0
    by_content = cosine >= SAME_EVENT_MINIMUM_COSINE
    if not by_names and not by_content:
        return None
    far_apart = _days_apart(left, right)
    if far_apart is not None and far_apart > SAME_EVENT_MAXIMUM_DAYS:
        return None
    evidence = [
        f"shared people: {', '.join(_display(left, right, 'person', people)) or 'none'}",
        f"shared places: {', '.join(_display(left, right, 'place', sorted(k.split(':', 1)[1] for k in shared if k.startswith('place:')))) or 'none'}",
        f"shared organisations: {', '.join(_display(left, right, 'organisation', sorted(k.split(':', 1)[1] for k in shared if k.startswith('organisation:')))) or 'none'}",
        f"IDF-weighted name overlap {score:.2f}; content-word cosine {_cosine(left, right):.2f}",
    ]
    evidence.append(_date_evidence(left, right))
    evidence.append(
        f"not duplicates: {jaccard:.0%} of 3-word shingles shared (near duplicates share {NEAR_DUPLICATE_JACCARD:.0%} or more)"
    )
    if aligned:
        evidence.append(f"{len(aligned)} sentence(s) say the same thing in other words (below)")
    return Relation("same event", left.path, right.path, round(score, 3), tuple(evidence), aligned)


def _display(left: Document, right: Document, kind: str, keys: list[str]) -> list[str]:
    """Show shared names as the documents wrote them, the fuller form first."""
    names: list[str] = []
    for key in keys:
        best = key
        for document in (left, right):
            assert document.profile is not None
            for entity in document.profile.entities:
                candidate = entity.name.split()[-1].split("-")[-1] if kind == "person" else entity.name
                if entity.kind == kind and candidate.lower() == key and len(entity.name) >= len(best):
                    best = entity.name
        names.append(best)
    return names


def connected_groups(paths: list[str], pairs: list[tuple[str, str]]) -> list[list[str]]:
    """Documents joined, directly or through others, by the pairs: each group in the order of its
    first document in ``paths``, its members in that order. Pairs naming other documents are
    ignored. (Union-find: linear in the pairs, where repeated scans were quadratic.)"""
    parent = {path: path for path in paths}

    def find(path: str) -> str:
        while parent[path] != path:
            parent[path] = parent[parent[path]]
            path = parent[path]
        return path

    for left, right in pairs:
        if left in parent and right in parent:
            parent[find(left)] = find(right)
    groups: dict[str, list[str]] = {}
    for path in paths:
        groups.setdefault(find(path), []).append(path)
    return list(groups.values())


def publication_date(document: Document) -> str | None:
    """The first full date in a document (dateline or metadata), if it has one."""
    assert document.profile is not None
    for mention in document.profile.dates:
        if len(mention.iso) == 10:
            return mention.iso
    return None


def _days_apart(left: Document, right: Document) -> int | None:
    from datetime import date

    first, second = publication_date(left), publication_date(right)
    if first is None or second is None:
        return None
    return abs((date.fromisoformat(first) - date.fromisoformat(second)).days)


def _date_evidence(left: Document, right: Document) -> str:
    assert left.profile is not None and right.profile is not None
    left_dates = {d.iso for d in left.profile.dates}
    right_dates = {d.iso for d in right.profile.dates}
    shared = sorted(left_dates & right_dates)
    dated = [f"{d.path} is dated {day}" for d in (left, right) if (day := publication_date(d))]
    parts = [f"shared dates: {', '.join(shared) if shared else 'none'}"]
    if dated:
        parts.append("; ".join(dated))
    return "; ".join(parts)


def _cosine(left: Document, right: Document) -> float:
    from collections import Counter

    a = Counter(content_words(left.source.text))
    b = Counter(content_words(right.source.text))
    dot = sum(a[w] * b[w] for w in a.keys() & b.keys())
    norm = (sum(v * v for v in a.values()) ** 0.5) * (sum(v * v for v in b.values()) ** 0.5)
    return dot / norm if norm else 0.0
