"""The one data model every stage reads and writes.

Plain frozen dataclasses, fields in the order the report shows them, so the Markdown and the
JSON are two views of the same objects. ``as_dict``/``from_dict`` are the only JSON path.
"""

from __future__ import annotations

import dataclasses
import functools
import struct
import sys
import types
import typing
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, TypeVar, get_args, get_origin, get_type_hints

DocumentKind = Literal["specification", "news report", "code", "data", "other"]
EntityKind = Literal["person", "place", "organisation"]
RelationKind = Literal["exact duplicate", "near duplicate", "same event", "derived"]
BlockKind = Literal["heading", "paragraph", "list item", "table row", "comment", "metadata"]
# How a "table row" block joins its cells, in every input format; gaps splits rows on it.
TABLE_CELL_SEPARATOR = " | "
Verdict = Literal["clean", "spun", "machine-paraphrased", "tortured", "debris"]
FindingKind = Literal["spinner substitution", "tortured phrase", "machine-translation artefact", "scraping debris"]
ItemStatus = Literal["answered", "partly answered", "missing"]
QuestionChange = Literal["new", "still open", "answered", "first run"]
BuildableStatus = Literal["no", "not yet", "nearly"]


@dataclass(frozen=True, slots=True)
class Location:
    """Where a piece of text came from, precise enough for a reader to find it again."""

    path: str
    page: int | None = None
    section: str | None = None

    def cite(self) -> str:
        """Human citation such as ``spec.pdf, p. 3`` or ``brief.md, § Performance``."""
        parts = [self.path]
        if self.page is not None:
            parts.append(f"p. {self.page}")
        if self.section:
            parts.append(f"§ {self.section}")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of extracted text (paragraph, heading, row) with its page and section."""

    text: str
    kind: BlockKind = "paragraph"
    page: int | None = None
    section: str | None = None
    # A heading's depth in the outline (1 = top); 0 for other blocks and where the format does not
    # say. The checklist uses it to read a section together with its subsections.
    level: int = 0


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """A file, or part of one, that could not be read: said by name, never skipped silently."""

    path: str
    reason: str
    kept: str = "nothing"
    fatal: bool = True


@dataclass(frozen=True, slots=True)
class SourceMetadata:
    """What the file format itself says about the document (HTML meta, PDF info, e-mail headers)."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    outlet: str | None = None
    # Where these fields were read ("PDF document information", "DOCX core properties", "e-mail
    # headers" …) and which field the date is ("CreationDate", "created", "Date"): a PDF's
    # creation date is the day the file was made, and the report says so instead of passing it
    # off as the document's date.
    origin: str | None = None
    date_field: str | None = None


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """The ingest stage's output: one readable document, as text blocks."""

    path: str
    format: str
    sha256: str
    size_bytes: int
    encoding: str | None
    blocks: tuple[Block, ...]
    metadata: SourceMetadata = SourceMetadata()
    removed_debris: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n\n".join(block.text for block in self.blocks)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and where it stands; the unit of quoting, aligning and requirement finding."""

    text: str
    index: int
    location: Location
    block_kind: BlockKind = "paragraph"


@dataclass(frozen=True, slots=True)
class Entity:
    """A named person, place or organisation, with how often the document names it."""

    name: str
    kind: EntityKind
    mentions: int


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date as written and, where it can be, normalised to ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)."""

    text: str
    iso: str


@dataclass(frozen=True, slots=True)
class Profile:
    """What a document is: the profile stage's output."""

    kind: DocumentKind
    kind_evidence: tuple[str, ...]
    language: str
    title: str | None
    byline: str | None
    outlet: str | None
    dates: tuple[DateMention, ...]
    people: tuple[Entity, ...]
    places: tuple[Entity, ...]
    organisations: tuple[Entity, ...]
    word_count: int
    summary: tuple[str, ...]
    # What the document says on its first page it is published as ("an IETF RFC (“Request for
    # Comments: 9110”)"); beside the project's own documents it is read as reference material.
    published_as: str | None = None

    @property
    def entities(self) -> tuple[Entity, ...]:
        return self.people + self.places + self.organisations


@dataclass(frozen=True, slots=True)
class Finding:
    """One suspicious span of text: what it says, what it most likely said, and why we think so."""

    span: str
    location: Location
    sentence: int
    offset: int
    kind: FindingKind
    original: str | None
    confidence: float
    evidence: str


@dataclass(frozen=True, slots=True)
class Integrity:
    """Whether a document's wording can be trusted: the integrity stage's output."""

    verdict: Verdict
    score: float
    findings_per_1000_words: float
    findings: tuple[Finding, ...]


@dataclass(frozen=True, slots=True)
class Document:
    """A read document with what the later stages learnt about it."""

    source: SourceDocument
    sentences: tuple[Sentence, ...]
    profile: Profile | None = None
    integrity: Integrity | None = None

    @property
    def path(self) -> str:
        return self.source.path


@dataclass(frozen=True, slots=True)
class AlignedSentence:
    """Two sentences, one from each document of a relation, that say the same thing."""

    left: str
    right: str
    similarity: float
    left_location: Location
    right_location: Location


@dataclass(frozen=True, slots=True, eq=False)
class AlignedIndexes:
    """Aligned sentence pairs as (left sentence index, right sentence index, similarity), packed
    in one bytes object: what relate's worker processes return, and what a relation keeps.

    Why packed: a 100,000-document data room aligns about eleven million sentence pairs in
    almost nine hundred thousand relations. A tuple and an AlignedSentence object for each pair
    were more than a gigabyte of the run's memory; three arrays per relation were still about
    250 bytes of object headers and spare room each. Here a pair is sixteen bytes, and a
    relation's pairs one object: the left and right indexes (int32, two per pair), then the
    similarities (float64), then the positions of the pairs that differ (int32)."""

    data: bytes = b""
    count: int = 0
    # Whether ``data`` ends with the pairs that join two different texts (by their place in this
    # list), where the aligner knew: the later stages look only at those, and a data room's pairs
    # are mostly identical sentences. Not known: found by comparing the texts.
    knows_differing: bool = False

    @classmethod
    def of(cls, triples: Iterable[tuple[int, int, float]], differing: Iterable[int] | None = None) -> AlignedIndexes:
        positions: array[int] = array("i")
        similarities: array[float] = array("d")
        for left, right, similarity in triples:
            positions.append(left)
            positions.append(right)
            similarities.append(similarity)
        data = positions.tobytes() + similarities.tobytes()
        if differing is not None:
            data += array("i", differing).tobytes()
        return cls(data, len(similarities), differing is not None)

    def __len__(self) -> int:
        return self.count

    def pair(self, position: int) -> tuple[int, int, float]:
        """The ``position``-th pair (0 <= position < len(self))."""
        left, right = _TWO_INDEXES.unpack_from(self.data, 8 * position)
        return left, right, _SIMILARITY.unpack_from(self.data, 8 * self.count + 8 * position)[0]

    @property
    def differing(self) -> Sequence[int] | None:
        """The places of the pairs that join two different texts; None where not known."""
        if not self.knows_differing:
            return None
        return memoryview(self.data)[16 * self.count :].cast("i")

    def __iter__(self) -> Iterator[tuple[int, int, float]]:
        view = memoryview(self.data)
        positions = view[: 8 * self.count].cast("i")
        return zip(positions[0::2], positions[1::2], view[8 * self.count : 16 * self.count].cast("d"), strict=True)

    def __eq__(self, other: object) -> bool:
        """The same pairs; which of them differ is derived, and not compared."""
        if not isinstance(other, AlignedIndexes):
            return NotImplemented
        return self.count == other.count and self.data[: 16 * self.count] == other.data[: 16 * other.count]

    def __hash__(self) -> int:
        return hash(self.data[: 16 * self.count])


_TWO_INDEXES = struct.Struct("=ii")
_SIMILARITY = struct.Struct("=d")


class AlignedSentences(Sequence[AlignedSentence]):
    """A relation's aligned sentences, kept as indexes into its two documents' sentences
    (AlignedIndexes): the AlignedSentence objects are made as they are read. It compares equal to
    a tuple of the same AlignedSentence objects, so a relation made either way is the same."""

    __slots__ = ("indexes", "left_sentences", "right_sentences")

    def __init__(
        self,
        left_sentences: tuple[Sentence, ...],
        right_sentences: tuple[Sentence, ...],
        indexes: AlignedIndexes,
    ) -> None:
        self.left_sentences = left_sentences
        self.right_sentences = right_sentences
        self.indexes = indexes

    def __len__(self) -> int:
        return len(self.indexes)

    @typing.overload
    def __getitem__(self, position: int) -> AlignedSentence: ...

    @typing.overload
    def __getitem__(self, position: slice) -> tuple[AlignedSentence, ...]: ...

    def __getitem__(self, position: int | slice) -> AlignedSentence | tuple[AlignedSentence, ...]:
        if isinstance(position, slice):
            return tuple(self[i] for i in range(*position.indices(len(self))))
        if position < 0:
            position += len(self)
        if not 0 <= position < len(self):
            raise IndexError("aligned sentence out of range")
        left_index, right_index, similarity = self.indexes.pair(position)
        left = self.left_sentences[left_index]
        right = self.right_sentences[right_index]
        return AlignedSentence(left.text, right.text, similarity, left.location, right.location)

    def __iter__(self) -> Iterator[AlignedSentence]:
        return (self[position] for position in range(len(self)))

    def differing(self) -> Iterator[AlignedSentence]:
        """The pairs whose two sentences differ, made without making the identical ones (most
        pairs of a data room's overlapping excerpts)."""
        if self.indexes.differing is not None:
            for position in self.indexes.differing:
                yield self[position]
            return
        left_sentences, right_sentences = self.left_sentences, self.right_sentences
        for position, (left, right, _) in enumerate(self.indexes):
            if left_sentences[left].text != right_sentences[right].text:
                yield self[position]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"AlignedSentences({tuple(self)!r})"


def differing_pairs(aligned: Sequence[AlignedSentence]) -> Iterator[AlignedSentence]:
    """The aligned pairs whose two sentences differ: where a rewording or a new figure can be."""
    if isinstance(aligned, AlignedSentences):
        return aligned.differing()
    return (pair for pair in aligned if pair.left != pair.right)


@dataclass(frozen=True, slots=True)
class Relation:
    """How two documents relate, with the figures and the evidence behind the claim."""

    kind: RelationKind
    left: str
    right: str
    score: float
    evidence: tuple[str, ...]
    aligned: Sequence[AlignedSentence] = ()
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Measure:
    """A number with its unit, and the quantity it bounds (``latency <= 200 ms``)."""

    text: str
    value: float
    unit: str
    quantity: str


@dataclass(frozen=True, slots=True)
class Smell:
    """A quality problem of a requirement sentence, to be checked by a person."""

    name: str
    trigger: str
    rule: str
    hint: str


@dataclass(frozen=True, slots=True)
class Requirement:
    """A requirement statement found in a document, classified and checked."""

    text: str
    location: Location
    form: str
    category: str
    confidence: float
    measures: tuple[Measure, ...] = ()
    smells: tuple[Smell, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted sentence with its citation: the evidence that answers a checklist item."""

    text: str
    location: Location


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One thing a buildable specification must say, and whether this bundle says it."""

    key: str
    title: str
    status: ItemStatus
    blocking: bool
    evidence: tuple[Quote, ...]
    question: str | None
    reason: str
    # When the bundle's specifications describe several systems, each has its own checklist: the
    # system's name, and a key made unique with a suffix ("purpose--system-2"; see ``item_kind``).
    system: str | None = None

    @property
    def item_kind(self) -> str:
        """The checklist item this is (``purpose``), whichever system's checklist it belongs to."""
        return self.key.split("--", 1)[0]


@dataclass(frozen=True, slots=True)
class Question:
    """A question to send back to whoever handed over the bundle."""

    number: int
    key: str
    text: str
    reason: str
    change: QuestionChange = "first run"


@dataclass(frozen=True, slots=True)
class BundleVerdict:
    """Whether the bundle is a buildable specification, as fields a script can test and as prose.

    ``buildable`` holds when at least one document is a specification and no blocking checklist
    item is open; ``blocking`` lists the keys of the blocking items still open.
    """

    buildable: bool
    status: BuildableStatus
    blocking: tuple[str, ...]
    text: str
    # Paths of published standards and manuals read as reference material beside the project's own
    # documents: their requirements are not the project's, and they answer no checklist item.
    reference: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class QuestionState:
    """What a previous run asked, kept in the JSON so that a re-run can say what got answered."""

    fingerprint: str
    open_keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class History:
    """The baseline a run compares its questions against, and what changed since it."""

    fingerprint: str
    baseline: QuestionState | None
    answered_since: tuple[ChecklistItem, ...] = ()


class DocumentJson(Protocol):
    """Where a document's JSON was written already (``serial.EncodedDocuments``)."""

    def text_of(self, document: Document) -> str | None:
        """The JSON of ``document`` as ``serial.encode_document`` writes it, or None."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything kickoff learnt about one bundle; the report stage renders it."""

    bundle: str
    documents: tuple[Document, ...] = ()
    problems: tuple[ReadProblem, ...] = ()
    relations: tuple[Relation, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    checklist: tuple[ChecklistItem, ...] = ()
    questions: tuple[Question, ...] = ()
    verdict: BundleVerdict = BundleVerdict(False, "no", (), "")
    history: History | None = None
    # Whether the integrity stage read with the contextual model (an optional install): a run
    # without it misses most spun copies read alone, and the report says so.
    contextual_model: bool = False
    timings: tuple[tuple[str, float], ...] = field(default=(), compare=False)
    # The documents' JSON as the worker processes that profiled them wrote it, which the JSON
    # report copies for each document that is still the one written (not part of the analysis).
    document_json: DocumentJson | None = field(default=None, compare=False, repr=False)


def as_dict(value: Any) -> Any:
    """Turn a model object (or tuple of them) into JSON-ready dicts and lists."""
    if isinstance(value, str | int | float | None):
        return value
    if isinstance(value, tuple | list | AlignedSentences):
        return [as_dict(item) for item in value]
    names = _field_names(type(value))
    if names is not None:
        return {name: as_dict(getattr(value, name)) for name in names}
    return value


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """A dataclass's field names, looked up once per class (the JSON of a data room converts
    millions of objects)."""
    if cls not in _FIELD_NAMES:
        _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None
    return _FIELD_NAMES[cls]


ModelT = TypeVar("ModelT")


def from_dict(cls: type[ModelT], data: Any) -> ModelT:
    """Rebuild a model object from ``as_dict`` output; the inverse used for re-run state."""
    return typing.cast(ModelT, _convert(cls, data))


def _convert(annotation: Any, data: Any) -> Any:
    origin = get_origin(annotation)
    if data is None:
        return None
    if origin in (types.UnionType, typing.Union):
        options = [arg for arg in get_args(annotation) if arg is not type(None)]
        return _convert(options[0], data)
    if origin is tuple:
        args = get_args(annotation)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], item) for item in data)
        return tuple(_convert(arg, item) for arg, item in zip(args, data, strict=True))
    if origin is Literal and isinstance(data, str):
        # One string per value of a closed set ("clean", "person", "news report"): a store's
        # 100,000 documents read back would otherwise hold a copy of one in every record.
        return sys.intern(data)
    if dataclasses.is_dataclass(annotation):
        hints, names = record_fields(typing.cast(type, annotation))
        return annotation(**{k: _convert(hints[k], v) for k, v in data.items() if k in names})  # type: ignore[operator]  # a dataclass type is callable; mypy sees an instance protocol
    return data


@functools.cache
def record_fields(cls: type) -> tuple[dict[str, Any], frozenset[str]]:
    """A record class's field types and names, resolved once, not once per record read (a data
    room reads 100,000 documents back from its store)."""
    return get_type_hints(cls), frozenset(f.name for f in dataclasses.fields(cls))


def _pickled_by_position(cls: type) -> None:
    """Pickle a slotted record as a tuple of its field values, read back by position.

    Why: worker processes hand their documents back pickled, and the state functions dataclasses
    gives a frozen slotted class call ``dataclasses.fields()`` for every object; on a
    100,000-document data room that was over half a minute of the main process
    (bench/data_room.py). The names are resolved once here instead."""
    names = tuple(f.name for f in dataclasses.fields(cls))
    setter = object.__setattr__

    def __getstate__(self: Any) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in names])

    def __setstate__(self: Any, state: Sequence[Any]) -> None:
        for name, value in zip(names, state, strict=True):
            setter(self, name, value)

    setattr(cls, "__getstate__", __getstate__)  # noqa: B010  # a method put on a made class
    setattr(cls, "__setstate__", __setstate__)  # noqa: B010


for _record in list(globals().values()):
    if isinstance(_record, type) and dataclasses.is_dataclass(_record) and "__slots__" in _record.__dict__:
        _pickled_by_position(_record)
del _record
