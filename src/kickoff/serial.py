"""The JSON layout of an Analysis: written record by record, read back section by section.

A data room's JSON must stay complete without holding the whole file as one string, and a tool
must be able to read one section of it without parsing the rest. So the file is one JSON object
with one record per line (docs/json-schema.md): the small sections first (verdict, history,
checklist, questions, problems), then requirements, documents and relations. Any JSON parser
reads it whole; ``read_section`` reads one section line by line.

It is also compact: the text of a document is written once. A block lists its sentences where
they join back to its text with single spaces (most prose), and gives its text otherwise (lists,
code, wrapped lines: split again by ``profile.sentences_of`` when read back). A sentence's
location and block kind are its block's. A summary line and an aligned sentence pair are indexes
into the documents' sentences. ``decode`` rebuilds the exact Analysis (a test checks the round
trip).
"""

from __future__ import annotations

import dataclasses
import json
import sys
import tempfile
import typing
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from kickoff import __version__
from kickoff.model import (
    AlignedIndexes,
    AlignedSentence,
    AlignedSentences,
    Analysis,
    Block,
    BlockKind,
    BundleVerdict,
    ChecklistItem,
    Document,
    History,
    Integrity,
    Location,
    Profile,
    Question,
    ReadProblem,
    Relation,
    Requirement,
    Sentence,
    SourceDocument,
    SourceMetadata,
    as_dict,
    from_dict,
    record_fields,
)
from kickoff.relate import near_duplicate_evidence
from kickoff.text import normalise_space

# 4: a relation leaves out a null source, an empty list of aligned pairs, and a near duplicate's
# evidence where it only states the score. 3: one record per line, small sections first; blocks
# carry their sentences; aligned pairs are sentence indexes. (2: the verdict became an object.)
SCHEMA_VERSION = 4
# The layouts ``read_section`` reads: the sections an earlier run's history is read from are the
# same in 3 and 4.
READABLE_SCHEMAS = (3, 4)

# Sections in the order they are written; the record lists one record per line.
HEAD = ("verdict", "history")
RECORD_SECTIONS = ("checklist", "questions", "problems", "requirements", "documents", "relations")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def encode_chunks(analysis: Analysis) -> Iterator[str]:
    """The JSON text in pieces, a line at a time, so that a writer never holds all of it."""
    header = {
        "generator": f"kickoff {__version__}",
        "schema_version": SCHEMA_VERSION,
        "bundle": analysis.bundle,
        "contextual_model": analysis.contextual_model,
    }
    yield _dumps(header)[:-1] + ",\n"
    for name in HEAD:
        yield f'"{name}":{_dumps(as_dict(getattr(analysis, name)))},\n'
    documents = {document.path: document for document in analysis.documents}
    for position, name in enumerate(RECORD_SECTIONS):
        yield f'"{name}":['
        records: Iterable[Any] = getattr(analysis, name)
        first = True
        for record in records:
            yield ("\n" if first else ",\n") + _record_json(analysis, name, record, documents)
            first = False
        yield ("" if first else "\n") + ("]}\n" if position == len(RECORD_SECTIONS) - 1 else "],\n")


class EncodedDocuments:
    """Each document's JSON (``encode_document``) as the worker process that profiled it wrote
    it, kept in a temporary file until the report copies it.

    Why: encoding every document again for the JSON report was a third of the report stage on a
    100,000-document data room (bench/data_room.py), in the run's one main process; the workers
    make the same JSON for the store anyway. A file, not memory: those documents' JSON is about
    twice the bundle's size. Copied only for the document that was written: one the integrity
    stage changed since is encoded again."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115  # lasts from reading to the report: close()
        self._end = 0
        # by path: (offset, length, the document that was written)
        self._places: dict[str, tuple[int, int, Document]] = {}

    def add(self, document: Document, text: bytes) -> None:
        """``text``: ``encode_document(document)`` as UTF-8 JSON (``store.json_bytes``)."""
        self._file.write(text)
        self._places[document.path] = (self._end, len(text), document)
        self._end += len(text)

    def text_of(self, document: Document) -> str | None:
        place = self._places.get(document.path)
        if place is None or place[2] is not document:
            return None
        offset, length, _ = place
        self._file.seek(offset)
        text = self._file.read(length).decode("utf-8", "surrogatepass")
        self._file.seek(self._end)
        return text

    def close(self) -> None:
        self._file.close()


def _record_json(analysis: Analysis, section: str, record: Any, documents: dict[str, Document]) -> str:
    """One record's line: a document as its worker wrote it where that is at hand."""
    if section == "documents":
        written = analysis.document_json.text_of(record) if analysis.document_json is not None else None
        return written if written is not None else _dumps(encode_document(record))
    if section == "relations":
        return _dumps(encode_relation(record, documents))
    return _dumps(as_dict(record))


def encode(analysis: Analysis) -> str:
    return "".join(encode_chunks(analysis))


def encode_document(document: Document) -> dict[str, Any]:
    source = as_dict(document.source)
    blocks = []
    sentences = document.sentences
    taken = 0
    for block in document.source.blocks:
        entry: dict[str, Any] = {} if block.kind == "paragraph" else {"kind": block.kind}
        if block.page is not None:
            entry["page"] = block.page
        if block.section is not None:
            entry["section"] = block.section
        if block.level:
            entry["level"] = block.level
        count = _sentence_count(block, sentences, taken, document.path)
        own = [sentence.text for sentence in sentences[taken : taken + count]]
        taken += count
        # The text once: as the block's sentences where they join back to it (most prose), as
        # the block's text otherwise (lists, code, wrapped lines), split again when read back.
        if block.kind != "metadata" and " ".join(own) == block.text:
            entry["sentences"] = own
        else:
            entry["text"] = block.text
        blocks.append(entry)
    source["blocks"] = blocks
    profile = as_dict(document.profile)
    if document.profile is not None:
        index = {sentence.text: sentence.index for sentence in reversed(document.sentences)}
        if all(line in index for line in document.profile.summary):
            profile["summary"] = [index[line] for line in document.profile.summary]
    integrity = as_dict(document.integrity)
    return {
        "source": _without_empty(source),
        "profile": _without_empty(profile),
        "integrity": _without_empty(integrity),
    }


def _without_empty(record: Any) -> Any:
    """A record without its null and empty fields, one level down too (``metadata``): in a data
    room most documents have no byline, no dates, no findings, and those fields were a tenth of
    the JSON. ``_filled`` puts them back."""
    if not isinstance(record, dict):
        return record
    return {key: _without_empty(value) for key, value in record.items() if value is not None and value != []}


def _filled(cls: type, record: Any) -> Any:
    """The record with the fields ``_without_empty`` left out: empty tuples and nulls again."""
    if record is None:
        return None
    hints, _ = record_fields(cls)
    complete = dict(record)
    for field in dataclasses.fields(cls):
        if field.name in complete:
            value = complete[field.name]
            if dataclasses.is_dataclass(hints[field.name]) and isinstance(value, dict):
                complete[field.name] = _filled(hints[field.name], value)
            continue
        complete[field.name] = [] if typing.get_origin(hints[field.name]) is tuple else None
    return complete


def _sentence_count(block: Block, sentences: Sequence[Sentence], taken: int, path: str) -> int:
    """How many sentences ``profile.sentences_of`` made from this block (they follow from
    ``taken``), known where possible without splitting the block again: re-splitting was over
    half the time of encoding a data room's documents (bench/data_room.py).

    A sentence that is the block's whole text is its only one (a sentence is a part of its
    block's text, so a second could not follow). Otherwise the sentences of one block share one
    Location object (``sentences_of`` and ``decode_document`` make one per block): the run that
    shares the first one's is this block's, provided its words are the block's words, which the
    split never drops, adds or reorders. Both hold only for a sentence of the block's own kind.
    Where that check fails (a bullet glyph, or sentences made some other way), the block is split
    again."""
    if block.kind == "metadata":
        return 0
    following = sentences[taken] if taken < len(sentences) else None
    # A sentence of another kind is another block's: this one made none (a paragraph of a lone
    # bullet glyph, say, before a heading that is the same glyph).
    if following is None or following.block_kind != block.kind or block.text.isspace() or not block.text:
        return len(_split(block, path))
    if following.text == block.text:
        return 1
    end = taken + 1
    while end < len(sentences) and sentences[end].location is following.location:
        end += 1
    run = "".join("".join(sentence.text.split()) for sentence in sentences[taken:end])
    if run and run == "".join(normalise_space(block.text).split()):
        return end - taken
    return len(_split(block, path))


def _split(block: Block, path: str) -> tuple[Sentence, ...]:
    from kickoff.profile import sentences_of

    return sentences_of(SourceDocument(path, "", "", 0, None, (block,)))


def encode_relation(relation: Relation, documents: dict[str, Document]) -> dict[str, Any]:
    # field by field, in the dataclass's order: as_dict would make a dict of every aligned pair
    encoded = {
        field.name: None if field.name == "aligned" else as_dict(getattr(relation, field.name))
        for field in _RELATION_FIELDS
    }
    left, right = documents.get(relation.left), documents.get(relation.right)
    aligned = relation.aligned
    if left is None or right is None:
        encoded["aligned"] = as_dict(aligned)
        return _compact_relation(relation, encoded)
    triples: Iterable[tuple[int, int, float]]
    if (
        isinstance(aligned, AlignedSentences)
        and aligned.left_sentences is left.sentences
        and aligned.right_sentences is right.sentences
    ):
        # relate's own pairs: their indexes are at hand, no sentence is looked up
        triples = aligned.indexes
    else:
        triples = _indexes_of(aligned, left, right)
    pairs: list[Any] = []
    last: list[Any] | None = None  # the entry a pair may extend, and how many pairs it holds
    length = 0
    for position, (i, j, similarity) in enumerate(triples):
        if i < 0 or j < 0:
            pairs.append(as_dict(aligned[position]))
            last = None
        elif last is not None and similarity == 1.0 == last[2] and last[0] + length == i and last[1] + length == j:
            # a run of identical sentences in both documents (a near duplicate's bulk)
            length += 1
            last[3:] = [length]
        else:
            last = [i, j, similarity]
            length = 1
            pairs.append(last)
    encoded["aligned"] = pairs
    return _compact_relation(relation, encoded)


def _compact_relation(relation: Relation, encoded: dict[str, Any]) -> dict[str, Any]:
    """The record without its null and empty fields (as a document's), and without a near
    duplicate's evidence where it only states the relation's score: in a data room that one line
    was a seventh of the JSON (about 725,000 near duplicates among 100,000 documents,
    bench/data_room.py). ``decode_relation`` puts both back."""
    compact = _without_empty(encoded)
    if relation.kind == "near duplicate":
        if relation.evidence == near_duplicate_evidence(relation.score):
            del compact["evidence"]
        elif not relation.evidence:
            compact["evidence"] = []  # kept, not to be read as the evidence left out
    return compact


_RELATION_FIELDS = dataclasses.fields(Relation)


def _indexes_of(
    aligned: Sequence[AlignedSentence], left: Document, right: Document
) -> Iterator[tuple[int, int, float]]:
    """Each pair's sentence indexes, found by text and location; -1 where a sentence is not found."""
    left_index, right_index = _sentence_index(left), _sentence_index(right)
    for pair in aligned:
        yield (
            left_index.get((pair.left, pair.left_location), -1),
            right_index.get((pair.right, pair.right_location), -1),
            pair.similarity,
        )


def _run(entry: list[Any]) -> int:
    """How many pairs an aligned entry stands for: [i, j, s] one, [i, j, 1.0, n] n."""
    return int(entry[3]) if len(entry) > 3 else 1


def _sentence_index(document: Document) -> dict[tuple[str, Location], int]:
    index: dict[tuple[str, Location], int] = {}
    for sentence in document.sentences:
        index.setdefault((sentence.text, sentence.location), sentence.index)
    return index


def decode(data: dict[str, Any]) -> Analysis:
    """The Analysis a JSON of this schema was written from."""
    documents = tuple(decode_document(entry) for entry in data["documents"])
    by_path = {document.path: document for document in documents}
    return Analysis(
        bundle=data["bundle"],
        documents=documents,
        problems=tuple(from_dict(ReadProblem, p) for p in data["problems"]),
        relations=tuple(decode_relation(r, by_path) for r in data["relations"]),
        requirements=tuple(from_dict(Requirement, r) for r in data["requirements"]),
        checklist=tuple(from_dict(ChecklistItem, c) for c in data["checklist"]),
        questions=tuple(from_dict(Question, q) for q in data["questions"]),
        verdict=from_dict(BundleVerdict, data["verdict"]),
        history=from_dict(History, data["history"]),
        contextual_model=bool(data.get("contextual_model", False)),
    )


def decode_document(entry: dict[str, Any]) -> Document:
    source_data = _filled(SourceDocument, entry["source"])
    path = source_data["path"]
    blocks: list[Block] = []
    sentences: list[Sentence] = []
    # One string per section heading and per block kind, as profiling made them, not one per
    # block: read back from a store, a data room's documents held a copy in every block.
    sections: dict[str, str] = {}
    for item in source_data["blocks"]:
        text = item["text"] if "text" in item else " ".join(item["sentences"])
        section = item.get("section")
        if section is not None:
            section = sections.setdefault(section, section)
        kind = typing.cast(BlockKind, sys.intern(item["kind"])) if "kind" in item else "paragraph"
        block = Block(text, kind, item.get("page"), section, item.get("level", 0))
        blocks.append(block)
        location = Location(path, block.page, block.section)
        own = item["sentences"] if "sentences" in item else [sentence.text for sentence in _split(block, path)]
        first = len(sentences)
        sentences.extend(Sentence(text, first + n, location, block.kind) for n, text in enumerate(own))
    source = SourceDocument(
        path=path,
        format=source_data["format"],
        sha256=source_data["sha256"],
        size_bytes=source_data["size_bytes"],
        encoding=source_data["encoding"],
        blocks=tuple(blocks),
        metadata=from_dict(SourceMetadata, _filled(SourceMetadata, source_data["metadata"] or {})),
        removed_debris=tuple(source_data["removed_debris"]),
        warnings=tuple(source_data["warnings"]),
    )
    profile = _filled(Profile, entry.get("profile"))
    if profile is not None:
        summary = [sentences[line].text if isinstance(line, int) else line for line in profile["summary"]]
        profile = {**profile, "summary": summary}
    integrity = _filled(Integrity, entry["integrity"])
    return Document(source, tuple(sentences), from_dict(Profile, profile), from_dict(Integrity, integrity))


def decode_relation(entry: dict[str, Any], documents: dict[str, Document]) -> Relation:
    left, right = documents[entry["left"]], documents[entry["right"]]
    aligned: Sequence[AlignedSentence]
    pairs = entry.get("aligned", [])
    if all(isinstance(pair, list) for pair in pairs):
        triples = ((pair[0] + step, pair[1] + step, pair[2]) for pair in pairs for step in range(_run(pair)))
        aligned = AlignedSentences(left.sentences, right.sentences, AlignedIndexes.of(triples))
    else:  # a pair whose sentences were not found among the documents' is written out whole
        aligned = tuple(_aligned_entries(pairs, left, right))
    return Relation(
        entry["kind"],
        entry["left"],
        entry["right"],
        entry["score"],
        tuple(entry["evidence"]) if "evidence" in entry else _implied_evidence(entry),
        aligned,
        entry.get("source"),
    )


def _implied_evidence(entry: dict[str, Any]) -> tuple[str, ...]:
    """The evidence a relation record leaves out (_compact_relation)."""
    return near_duplicate_evidence(entry["score"]) if entry["kind"] == "near duplicate" else ()


def _aligned_entries(entries: list[Any], left: Document, right: Document) -> Iterator[AlignedSentence]:
    for pair in entries:
        if isinstance(pair, list):
            left_index, right_index, similarity = pair[:3]
            for step in range(_run(pair)):
                first, second = left.sentences[left_index + step], right.sentences[right_index + step]
                yield AlignedSentence(first.text, second.text, similarity, first.location, second.location)
        else:
            yield from_dict(AlignedSentence, pair)


def read_section(path: Path, name: str) -> Iterator[Any]:
    """The records (or the one value) of one section, read line by line: a data room's JSON is
    never parsed whole to find its questions. Raises ValueError on a file of another layout."""
    with path.open(encoding="utf-8") as handle:
        first = handle.readline()
        if not any(f'"schema_version":{schema},' in first for schema in READABLE_SCHEMAS):
            raise ValueError(f"{path}: not a kickoff JSON of schema {' or '.join(map(str, READABLE_SCHEMAS))}")
        single, opening = f'"{name}":', f'"{name}":['
        for line in handle:
            if name in RECORD_SECTIONS and line.startswith(opening):
                rest = line[len(opening) :].strip()
                if rest.startswith("]"):
                    return
                for record in handle:
                    record = record.rstrip("\n")
                    if record.startswith("]"):
                        return
                    yield json.loads(record.removesuffix(","))
                return
            if name in HEAD and line.startswith(single):
                yield json.loads(line[len(single) :].rstrip().removesuffix(","))
                return
    raise ValueError(f"{path}: no section {name!r}")
