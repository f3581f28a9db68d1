"""Relate: duplicates, reworded copies, same event; candidates from indexes only."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import count_pair_comparisons, document_from_text
from kickoff.relate import relate

BASE = (
    "The city council in Aarhus approved the new harbour bridge on Monday after a long debate. "
    "Mayor Clara Jensen said the bridge would open in 2027 and cost 40 million euros. "
    "Opponents from the Ferry Association argued that the ferry service should be expanded instead of building the bridge. "
    "Construction workers will start clearing the northern pier in the spring, the council said. "
    "Local shops near the harbour expect more visitors once the bridge opens to traffic."
)
REWORDED = (
    "The town council in Aarhus accepted the brand new harbour bridge on Monday after a lengthy debate. "
    "Mayor Clara Jensen mentioned the bridge would open in 2027 and price 40 million euros. "
    "Opponents from the Ferry Association argued that the ferry service ought to be expanded as a substitute of building the bridge. "
    "Building employees will begin clearing the northern pier within the spring, the council mentioned. "
    "Native outlets close to the harbour anticipate extra guests as soon as the bridge opens to visitors."
)
SAME_EVENT = (
    "Clara Jensen, the mayor, celebrated the council vote with residents at the harbour in Aarhus. "
    "Jensen told the Aarhus Tribune that the harbour bridge was a promise kept. "
    "Critics from the Ferry Association said Jensen ignored the ferry workers at the harbour."
)
UNRELATED = (
    "A new species of frog was found in the rainforest of Borneo by biologists last year. "
    "The frog is bright green and only two centimetres long, the researchers said."
)


def test_exact_duplicates_by_content() -> None:
    relations = relate((document_from_text(BASE, "a.txt"), document_from_text(BASE + "\n", "b.txt")))
    assert [(r.kind, r.left, r.right) for r in relations] == [("exact duplicate", "a.txt", "b.txt")]


def test_near_duplicate_reports_its_jaccard() -> None:
    edited = BASE.replace("long debate", "very long debate")
    relations = relate((document_from_text(BASE, "a.txt"), document_from_text(edited, "b.txt")))
    assert relations[0].kind == "near duplicate" and 0.5 <= relations[0].score < 1.0
    assert "Jaccard" in relations[0].evidence[0]


def test_reworded_copy_is_derived_with_aligned_sentences() -> None:
    relations = relate((document_from_text(BASE, "a.txt"), document_from_text(REWORDED, "b.txt")))
    assert [r.kind for r in relations] == ["derived"]
    assert len(relations[0].aligned) >= 4
    first = relations[0].aligned[0]
    assert first.left.startswith("The city council") and first.right.startswith("The town council")


def test_same_event_from_shared_names_not_text() -> None:
    relations = relate((document_from_text(BASE, "a.txt"), document_from_text(SAME_EVENT, "c.txt")))
    assert [r.kind for r in relations] == ["same event"]
    assert any("Clara Jensen" in line for line in relations[0].evidence)


def test_unrelated_documents_have_no_relation() -> None:
    assert relate((document_from_text(BASE, "a.txt"), document_from_text(UNRELATED, "d.txt"))) == ()


def test_unrelated_pairs_are_never_compared(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Only index candidates reach the pairwise checks: 20 unrelated documents, zero comparisons."""
    import kickoff.relate as relate_module

    compared: list[tuple[str, str]] = []
    original = relate_module._textual

    def counting(left_shingles, right_shingles, *args):  # type: ignore[no-untyped-def]
        compared.append((left_shingles.tobytes(), right_shingles.tobytes()))
        return original(left_shingles, right_shingles, *args)

    monkeypatch.setattr(relate_module, "_textual", counting)
    topics = ["frogs", "volcanoes", "pianos", "tides", "orchids", "glaciers", "comets", "bees", "deserts", "owls"]
    documents = tuple(
        document_from_text(
            f"Notes number {i} about {topics[i % 10]} and {topics[(i * 3 + 1) % 10]} for study {i * 7919}.",
            f"{i:02d}.txt",
        )
        for i in range(20)
    )
    relate(documents)
    assert len(compared) < 190 // 4


def test_a_pair_of_texts_is_compared_once_whatever_its_copies(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 13: exact copies give the same comparison with a third document, made once and
    reported for each copy."""
    compared = count_pair_comparisons(monkeypatch)
    documents = (
        document_from_text(BASE, "a.txt"),
        document_from_text(BASE, "copy-of-a.txt"),
        document_from_text(REWORDED, "reworded.txt"),
    )
    relations = relate(documents)
    derived = sorted((r.left, r.right) for r in relations if r.kind == "derived")
    assert derived == [("a.txt", "reworded.txt"), ("copy-of-a.txt", "reworded.txt")]
    assert len(compared) == 1


def test_packed_aligned_sentences_are_the_tuple_they_stand_for() -> None:
    """A relation keeps its aligned pairs as indexes (memory on a data room); read back, they are
    the AlignedSentence objects a tuple would hold, and the JSON round trip keeps them."""
    from kickoff.model import AlignedSentence, AlignedSentences, differing_pairs
    from kickoff.serial import decode_relation, encode_relation

    left, right = document_from_text(BASE, "a.txt"), document_from_text(REWORDED, "b.txt")
    relation = relate((left, right))[0]
    aligned = relation.aligned
    assert isinstance(aligned, AlignedSentences) and len(aligned) >= 4
    as_tuple = tuple(
        AlignedSentence(
            left.sentences[i].text,
            right.sentences[j].text,
            similarity,
            left.sentences[i].location,
            right.sentences[j].location,
        )
        for i, j, similarity in aligned.indexes
    )
    assert aligned == as_tuple and as_tuple == aligned and hash(aligned) == hash(as_tuple)
    assert aligned[-1] == as_tuple[-1] and aligned[1:3] == as_tuple[1:3]
    documents = {"a.txt": left, "b.txt": right}
    decoded = decode_relation(encode_relation(relation, documents), documents)
    assert decoded == relation
    # the pairs that differ: as the aligner marked them, and as found again from the texts
    differing = [pair for pair in as_tuple if pair.left != pair.right]
    assert differing and list(differing_pairs(aligned)) == differing
    assert isinstance(decoded.aligned, AlignedSentences) and decoded.aligned.indexes.differing is None
    assert list(differing_pairs(decoded.aligned)) == differing == list(differing_pairs(as_tuple))


def test_lsh_partners_are_those_of_every_bucket_looked_back(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Each document's earlier partners, gathered one document at a time from its own buckets, are
    those of the reference: every bucket's earlier members within the lookback, closest first."""
    import numpy as np

    from kickoff.relate import candidates

    rng = np.random.default_rng(7)
    # few distinct values per band, so buckets are big and the lookback and the cap both bite
    signatures = rng.integers(0, 3, size=(400, candidates.PERMUTATIONS), dtype=np.uint32)
    buckets = [sorted(int(m) for m in members) for members in candidates.local_buckets(signatures)]
    by_key: dict[bytes, list[int]] = {}
    for index in range(len(signatures)):
        for key in candidates.band_keys(signatures[index]):
            by_key.setdefault(key, []).append(index)
    assert sorted(buckets) == sorted(members for members in by_key.values() if len(members) > 1)
    earlier: dict[int, set[int]] = {}
    for members in buckets:
        for position in range(1, len(members)):
            start = max(0, position - candidates.MAX_BUCKET_LOOKBACK)
            earlier.setdefault(members[position], set()).update(members[start:position])
    expected = set()
    for index, others_set in earlier.items():
        others = np.array(sorted(others_set))
        estimates = (signatures[others] == signatures[index]).sum(axis=1)
        for other in others[np.lexsort((others, -estimates))[: candidates.MAX_TEXT_PARTNERS]]:
            expected.add((int(other), index))
    shingle_sets = [np.array([i], dtype=np.uint64) for i in range(400)]
    monkeypatch.setattr(candidates, "signatures_of", lambda _: signatures)
    found = candidates.shingle_pairs(shingle_sets)
    assert found.tolist() == sorted(list(pair) for pair in expected) and len(found) > 400


@given(st.lists(st.lists(st.lists(st.integers(0, 2**64 - 1), max_size=5), max_size=4), max_size=4))
def test_packs_of_shingles_join_as_one_pack_of_all(parts: list[list[list[int]]]) -> None:
    """Shingles made by workers, a pack per task, joined in order: one pack of every document's."""
    import numpy as np

    from kickoff.relate.candidates import PackedShingles

    packs = [PackedShingles(np.array(s, dtype=np.uint64) for s in sets) for sets in parts]
    joined = PackedShingles.joined(packs)
    every = [s for sets in parts for s in sets]
    assert len(joined) == len(every)
    assert [joined[i].tolist() for i in range(len(joined))] == every


@given(st.lists(st.tuples(*[st.integers(0, 3) | st.integers(0, 2**32 - 1)] * 3), min_size=1, max_size=60))
def test_band_rows_are_grouped_as_numpy_unique_groups_them(rows: list[tuple[int, int, int]]) -> None:
    """The banding's grouping of signature rows (a stable sort on the columns) gives what
    np.unique(axis=0) gives: first occurrences, each row's group, and the groups' sizes."""
    import numpy as np

    from kickoff.relate.candidates import _row_groups

    array = np.array(rows, dtype=np.uint32)
    _, first, inverse, counts = np.unique(array, axis=0, return_index=True, return_inverse=True, return_counts=True)
    found = _row_groups(array)
    assert found[0].tolist() == first.tolist()
    assert found[1].tolist() == inverse.reshape(-1).tolist()
    assert found[2].tolist() == counts.tolist()


@given(
    st.lists(
        st.tuples(st.integers(0, 2**31 - 1), st.integers(0, 2**31 - 1), st.floats(0, 1, allow_nan=False)),
        max_size=40,
    ),
    st.one_of(st.none(), st.lists(st.integers(0, 39), max_size=10)),
)
def test_aligned_indexes_pack_their_pairs_and_which_differ(
    triples: list[tuple[int, int, float]], differing: list[int] | None
) -> None:
    """One bytes object per relation (memory on a data room) holds exactly the pairs it was made
    of, and which of them differ; two packs of the same pairs are equal whatever they know of that."""
    from kickoff.model import AlignedIndexes

    packed = AlignedIndexes.of(triples, differing)
    assert list(packed) == triples and len(packed) == len(triples)
    assert [packed.pair(position) for position in range(len(triples))] == triples
    assert (None if packed.differing is None else list(packed.differing)) == differing
    plain = AlignedIndexes.of(triples)
    assert plain == packed and hash(plain) == hash(packed) and plain.differing is None
    assert AlignedIndexes.of(triples[:-1]) != packed or not triples


def test_a_near_duplicates_evidence_is_left_out_of_the_json_only_where_its_score_says_it() -> None:
    """Schema 4: a near duplicate's evidence that only states its score is not written (a seventh
    of a data room's JSON), and is read back as it was; any other evidence is written as it is."""
    from kickoff.model import Relation
    from kickoff.relate import near_duplicate_evidence
    from kickoff.serial import decode_relation, encode_relation

    documents = {"a.txt": document_from_text(BASE, "a.txt"), "b.txt": document_from_text(BASE, "b.txt")}
    standard = Relation("near duplicate", "a.txt", "b.txt", 0.819, near_duplicate_evidence(0.819))
    # 0.8249 is written 0.82 where its score, rounded to 0.825, would read 0.82 or 0.83
    rounded = Relation("near duplicate", "a.txt", "b.txt", 0.825, near_duplicate_evidence(0.8249))
    empty = Relation("near duplicate", "a.txt", "b.txt", 0.9, ())
    other = Relation("near duplicate", "a.txt", "b.txt", 0.9, ("a reviewer's note",))
    derived = Relation("derived", "a.txt", "b.txt", 0.5, ())
    encoded = [encode_relation(relation, documents) for relation in (standard, rounded, empty, other, derived)]
    assert "evidence" not in encoded[0] and encoded[0]["score"] == 0.819
    assert encoded[2]["evidence"] == [] and encoded[3]["evidence"] == ["a reviewer's note"]
    assert "evidence" not in encoded[4] and "source" not in encoded[4] and "aligned" not in encoded[4]
    for relation, entry in zip((standard, rounded, empty, other, derived), encoded, strict=True):
        assert decode_relation(entry, documents) == relation


def test_sentence_similarities_kept_across_pairs_change_no_alignment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pair of sentences is compared once and its similarity kept for the next document pair
    that holds it (a data room's copies of copies); the alignment is the one made afresh, and a
    cache emptied at every entry gives it too."""
    from kickoff.relate import align

    left = align.alignment_features([s.text for s in document_from_text(BASE, "a.txt").sentences])
    right = align.alignment_features([s.text for s in document_from_text(REWORDED, "b.txt").sentences])
    align._RATIOS.clear()
    fresh = align.align_indexes(left, right)
    assert align._RATIOS, "the reworded sentences' similarities are kept"
    assert align.align_indexes(left, right) == fresh
    monkeypatch.setattr(align, "RATIOS_KEPT", 1)
    align._RATIOS.clear()
    assert align.align_indexes(left, right) == fresh and len(align._RATIOS) == 1
    assert len(fresh) >= 4


@given(
    st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4), st.sampled_from([1.0, 0.75])), max_size=12),
)
def test_aligned_runs_are_written_compactly_and_read_back_as_they_were(triples: list[tuple[int, int, float]]) -> None:
    """A run of identical sentences at consecutive places on both sides is one JSON entry with its
    length, and every aligned pair is read back as it was."""
    from kickoff.model import AlignedIndexes, AlignedSentences, Relation
    from kickoff.serial import decode_relation, encode_relation

    text = " ".join(f"Sentence number {n} of the shared text says something plain." for n in range(5))
    documents = {"a.txt": document_from_text(text, "a.txt"), "b.txt": document_from_text(text, "b.txt")}
    left, right = documents["a.txt"], documents["b.txt"]
    assert len(left.sentences) == len(right.sentences) == 5
    aligned = AlignedSentences(left.sentences, right.sentences, AlignedIndexes.of(triples))
    relation = Relation("derived", "a.txt", "b.txt", 0.5, ("evidence",), aligned)
    encoded = encode_relation(relation, documents)
    entries = encoded.get("aligned", [])
    assert sum(entry[3] if len(entry) > 3 else 1 for entry in entries) == len(triples)
    for first, second in itertools.pairwise(entries):
        length = first[3] if len(first) > 3 else 1
        assert not (first[2] == second[2] == 1.0 and second[:2] == [first[0] + length, first[1] + length])
    decoded = decode_relation(encoded, documents)
    assert list(decoded.aligned) == list(relation.aligned)
