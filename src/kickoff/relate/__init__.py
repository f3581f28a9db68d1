"""Relate: duplicates, near duplicates, reworded copies and reports of the same event.

Candidate pairs come from a MinHash LSH index over word shingles and an inverted index of rare
names, so the cost grows with the number of related pairs, not with the square of the bundle.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

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
    Shingles,
    document_shingles,
    entity_keys,
    local_buckets,
    name_pairs,
    ordered,
    shingle_pairs,
)
from kickoff.relate.candidates import (
    jaccard as shingle_jaccard,
)
from kickoff.store import Store
from kickoff.text import content_words, normalise_space

__all__ = ["connected_groups", "publication_date", "relate"]

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
    documents_list = list(documents)
    relations: list[Relation] = []
    exact = _exact_duplicates(documents_list)
    relations.extend(exact)
    exact_pairs = {(r.left, r.right) for r in exact}
    shingle_sets = PackedShingles(document_shingles(d) for d in documents_list)
    key_sets = [entity_keys(d) for d in documents_list]
    text_pairs = shingle_pairs(shingle_sets, banding)
    names, weights = name_pairs(key_sets)
    candidates = [
        (first, second)
        for first, second in ordered(text_pairs | names)
        if (documents_list[first].path, documents_list[second].path) not in exact_pairs
    ]
    results = _textual_results(documents_list, shingle_sets, candidates, store, workers, progress or _ignore)
    for (first, second), (kind, score, evidence, indexes) in zip(candidates, results, strict=True):
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


# (copy kind or None, score, evidence, aligned sentence indexes): a pair's textual comparison as
# plain data, which a worker process returns and the store keeps.
TextualResult = tuple[RelationKind | None, float, tuple[str, ...], AlignedIndexes]

# Below this many candidate pairs, worker processes cost more to start than they save.
PARALLEL_PAIRS_FROM = 2000


def _textual_results(
    documents: list[Document],
    shingle_sets: PackedShingles,
    pairs: list[tuple[int, int]],
    store: Store | None,
    workers: int,
    progress: Callable[[int], object],
) -> list[TextualResult]:
    keys: list[str] = []
    cached: dict[str, object] = {}
    if store is not None:
        for first, second in pairs:
            left, right = documents[first], documents[second]
            keys.append(store.key("pair", left.path, left.source.sha256, right.path, right.source.sha256))
        cached = store.get_many(keys)
    results: list[TextualResult | None] = [None] * len(pairs)
    missing: list[int] = []
    for position in range(len(pairs)):
        value = cached.get(keys[position]) if keys else None
        if value is None:
            missing.append(position)
        else:
            results[position] = _result_from_json(value)
    progress(len(pairs) - len(missing))
    # A pair's comparison depends on the two texts only, not on the paths: exact copies (and
    # copies of copies) would repeat it once per copy, so each distinct pair of texts is compared
    # once (a data room's exact copies made about a fifth of its candidate pairs).
    digests = _content_digests(documents)
    distinct: dict[tuple[str, str], int] = {}
    for position in missing:
        first, second = pairs[position]
        distinct.setdefault((digests[first], digests[second]), position)
    representatives = sorted(set(distinct.values()))
    compared = _compare_pairs(
        documents, shingle_sets, [pairs[position] for position in representatives], workers, progress
    )
    by_content = dict(zip(representatives, compared, strict=True))
    progress(len(missing) - len(representatives))
    for position in missing:
        first, second = pairs[position]
        result = by_content[distinct[(digests[first], digests[second])]]
        results[position] = result
        if store is not None:
            store.put(keys[position], _result_to_json(result))
    return [result for result in results if result is not None]


def _content_digests(documents: list[Document]) -> list[str]:
    """A digest of what a pair's comparison reads of a document: its blocks' kinds and texts."""
    digests = []
    for document in documents:
        digest = hashlib.sha256()
        for block in document.source.blocks:
            digest.update(f"{block.kind}\0{block.text}\0".encode("utf-8", "surrogatepass"))
        digests.append(digest.hexdigest())
    return digests


def _result_from_json(value: Any) -> TextualResult:
    """A stored result (a JSON list written by _textual_results) as the tuple it was."""
    kind: RelationKind | None = value[0]
    indexes = AlignedIndexes.of((int(i), int(j), float(s)) for i, j, s in value[3])
    return kind, float(value[1]), tuple(str(line) for line in value[2]), indexes


def _result_to_json(result: TextualResult) -> list[Any]:
    kind, score, evidence, indexes = result
    return [kind, score, list(evidence), [list(triple) for triple in indexes]]


# What worker processes read: set before the pool forks, so that no document is pickled, and
# packed, so that reading it copies no page of the parent's (PackedSentences, PackedShingles).
_SHARED: tuple[PackedSentences, PackedShingles] | None = None
_FEATURES: dict[int, AlignmentFeatures] = {}


def _ignore(count: int) -> None:
    """No progress bar."""


def _compare_pairs(
    documents: list[Document],
    shingle_sets: PackedShingles,
    pairs: list[tuple[int, int]],
    workers: int,
    progress: Callable[[int], object],
) -> list[TextualResult]:
    global _SHARED
    _SHARED = (PackedSentences(d.sentences for d in documents), shingle_sets)
    _FEATURES.clear()
    try:
        if workers <= 1 or len(pairs) < PARALLEL_PAIRS_FROM or "fork" not in multiprocessing.get_all_start_methods():
            results = _compare_chunk(pairs)
            progress(len(pairs))
            return results
        size = max(64, len(pairs) // (workers * 16))
        chunks = [pairs[start : start + size] for start in range(0, len(pairs), size)]
        context = multiprocessing.get_context("fork")
        # Frozen, the parent's objects are never visited by a worker's garbage collector, whose
        # visits would write to their pages, as reference counts do (see _SHARED).
        gc.freeze()
        with warnings.catch_warnings(), ProcessPoolExecutor(workers, mp_context=context) as pool:
            # (Python 3.12 warns about forking a process that has threads; the workers only read.)
            warnings.simplefilter("ignore", DeprecationWarning)
            results = []
            for chunk_results in pool.map(_compare_chunk, chunks):
                results.extend(chunk_results)
                progress(len(chunk_results))
            return results
    finally:
        gc.unfreeze()
        _SHARED = None
        _FEATURES.clear()


def _compare_chunk(pairs: list[tuple[int, int]]) -> list[TextualResult]:
    assert _SHARED is not None, "set by _compare_pairs"
    sentences, shingle_sets = _SHARED
    results = []
    for first, second in pairs:
        for position in (first, second):
            if position not in _FEATURES:
                _FEATURES[position] = alignment_features(sentences.texts(position))
        results.append(_textual(shingle_sets[first], shingle_sets[second], _FEATURES[first], _FEATURES[second]))
        if len(_FEATURES) > 4096:
            _FEATURES.clear()  # pairs come sorted by their first document: old features are done with
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
    indexes = AlignedIndexes.of(align_indexes(left_features, right_features))
    if jaccard >= NEAR_DUPLICATE_JACCARD:
        return "near duplicate", round(jaccard, 3), (f"3-word shingle Jaccard similarity {jaccard:.2f}",), indexes
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
    score = sum(weights[k] for k in shared) / sum(weights[k] for k in union)
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
