"""report.html: one self-contained page for the kickoff meeting, rendered from the Analysis.

Why a template engine: the page has a dozen sections and loops inside loops; Jinja2 keeps the
markup in one readable file (``templates/report.html.j2``) and, with autoescaping on, every
document string is escaped where it is written. Nothing here builds markup from strings.

The page needs no network: styles and the one script are inline, and the Content-Security-Policy
allows exactly those two (by their SHA-256) and nothing else: no fetch, no image, no font, no
frame. Document text reaches the page only as escaped text, or as JSON inside a non-executable
``<script type="application/json">`` that the script reads and writes with ``textContent``.

The documents table is data for the script (sorted, filtered and paged in the browser), with its
first page also written as plain rows so the page reads without the script. Cards, side-by-side
views and the graph are capped, so a 100,000-document bundle still opens in seconds; the caps are
said on the page.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import json
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import islice

from kickoff import __version__
from kickoff.gaps import statement_key
from kickoff.gaps.classify import CATEGORY_NAMES
from kickoff.model import AlignedSentence, Analysis, Document, Finding, Location, Question, Relation
from kickoff.report.markdown import byline_with_origin, where

# How many rows the table shows per page, and how many it writes as plain HTML.
PAGE_SIZE = 50
# Above these, the page says how many more there are instead of drawing them; far above any
# real brief, low enough that a data room's report stays a few megabytes.
MAX_CARDS = 200
MAX_SIDE_BY_SIDE = 40
MAX_GRAPH_NODES = 80
# Full text of each document is included (folded) only for bundles up to this many documents.
MAX_DOCUMENTS_WITH_TEXT = 200

_WORD = re.compile(r"\w+|[^\w\s]+|\s+")


@dataclass(frozen=True)
class Segment:
    """A run of text, marked when it differs from the other side (or is a finding)."""

    text: str
    marked: bool = False
    note: str | None = None


@dataclass(frozen=True)
class SideRow:
    left: tuple[Segment, ...]
    right: tuple[Segment, ...]
    note: str
    left_link: str | None = None
    right_link: str | None = None


@dataclass(frozen=True)
class SideBySide:
    """Copy and source (or text and its likely original wording), sentence by sentence."""

    anchor: str
    title: str
    left_label: str
    right_label: str
    explanation: str
    rows: tuple[SideRow, ...]


@dataclass(frozen=True)
class Quote:
    text: str
    cite: str
    link: str


@dataclass(frozen=True)
class GraphNode:
    label: str
    link: str
    x: float
    y: float
    trust: str


@dataclass(frozen=True)
class GraphEdge:
    x1: float
    y1: float
    x2: float
    y2: float
    kind: str
    title: str


@dataclass
class _Anchors:
    """Where each document, sentence and requirement sits on the page."""

    documents: dict[str, str] = field(default_factory=dict)
    sentences: dict[str, dict[str, int]] = field(default_factory=dict)

    def document(self, path: str) -> str:
        return self.documents.get(path, "#documents")

    def quote(self, location: Location, text: str) -> str:
        """The sentence a quote came from, or its document when the quote spans sentences."""
        base = self.documents.get(location.path)
        if base is None:
            return "#documents"
        sentences = self.sentences.get(location.path, {})
        index = sentences.get(text)
        if index is None:
            head = text[:60]
            index = next((i for sentence, i in sentences.items() if head in sentence or sentence in text), None)
        return f"{base}-s{index}" if index is not None else base


def render_html(analysis: Analysis) -> str:
    """The whole page as one string: same Analysis, same bytes."""
    return "".join(html_chunks(analysis))


def html_chunks(analysis: Analysis) -> Iterator[str]:
    """The page in the pieces the template makes, for a writer to write as they come: a data
    room's page is tens of megabytes, and held whole (beside the rows it was made from) it was
    the report stage's peak of memory (bench/data_room.py)."""
    style, script = _asset("report.css"), _asset("report.js")
    anchors = _anchors(analysis.documents)
    with_text = len(analysis.documents) <= MAX_DOCUMENTS_WITH_TEXT
    table = _DocumentTable.of(analysis.documents)
    shown_relations = analysis.relations[:MAX_SIDE_BY_SIDE]
    context = {
        "version": __version__,
        "analysis": analysis,
        "verdict": analysis.verdict,
        "csp": "; ".join(
            [
                "default-src 'none'",
                f"script-src '{_digest(script)}'",
                f"style-src '{_digest(style)}'",
                "img-src data:",
                "base-uri 'none'",
                "form-action 'none'",
            ]
        ),
        "style": style,
        "script": script,
        "table_json": table.json,
        "first_rows": table.first_rows,
        "page_size": PAGE_SIZE,
        "kinds": table.kinds,
        "trusts": table.trusts,
        "questions": [_question(analysis, question, anchors) for question in analysis.questions],
        "checklist": [
            (item, [_quote(q.text, q.location, anchors) for q in item.evidence]) for item in analysis.checklist
        ],
        "requirements": [
            (requirement, anchors.quote(requirement.location, requirement.text))
            for requirement in analysis.requirements
        ],
        "category_names": CATEGORY_NAMES,
        "cards": list(enumerate(analysis.documents[:MAX_CARDS], start=1)),
        "reference": set(analysis.verdict.reference),
        "more_cards": max(0, len(analysis.documents) - MAX_CARDS),
        "with_text": with_text,
        "side_by_side": list(islice(_side_by_sides(analysis, anchors), MAX_SIDE_BY_SIDE)),
        "relations": shown_relations,
        "more_relations": max(0, len(analysis.relations) - MAX_SIDE_BY_SIDE),
        # the links of the relations shown only: a data room has hundreds of thousands, and
        # hashing each (every field, its aligned sentences too) cost seconds for nothing
        "relation_links": {r: (anchors.document(r.left), anchors.document(r.right)) for r in shown_relations},
        "graph": _graph(analysis, anchors),
        "problems": analysis.problems,
        "where": where,
        "target_label": _target_label,
        "byline": byline_with_origin,
    }
    yield from _template().generate(context)


@cache
def _template():  # type: ignore[no-untyped-def]  # jinja2.Template; imported lazily to keep `import kickoff` fast
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("kickoff.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return environment.get_template("report.html.j2")


@cache
def _asset(name: str) -> str:
    return resources.files("kickoff.report").joinpath("templates", name).read_text("utf-8")


def _digest(text: str) -> str:
    """A CSP source expression allowing exactly this inline script or style."""
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _script_json(value: object) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' can close it or open a comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _anchors(documents: tuple[Document, ...]) -> _Anchors:
    anchors = _Anchors()
    for number, document in enumerate(documents[:MAX_CARDS], start=1):
        anchors.documents[document.path] = f"#doc-{number}"
        if len(documents) <= MAX_DOCUMENTS_WITH_TEXT:
            anchors.sentences[document.path] = {s.text: s.index for s in document.sentences}
    return anchors


@dataclass(frozen=True)
class _DocumentTable:
    """The documents table: every row as JSON for the page's script, the first page of rows for
    the page without script, and the kinds and verdicts to filter by. The rows are made and
    encoded one at a time, not held as a list of a data room's hundred thousand dictionaries."""

    json: str
    first_rows: list[dict[str, object]]
    kinds: list[str]
    trusts: list[str]

    @classmethod
    def of(cls, documents: Sequence[Document]) -> _DocumentTable:
        encoded: list[str] = []
        first_rows: list[dict[str, object]] = []
        kinds: set[str] = set()
        trusts: set[str] = set()
        for number, document in enumerate(documents, start=1):
            row = _table_row(number, document)
            if number <= PAGE_SIZE:
                first_rows.append(row)
            kinds.add(str(row["kind"]))
            trusts.add(str(row["trust"]))
            encoded.append(_script_json(row))
        return cls("[" + ",".join(encoded) + "]", first_rows, sorted(kinds), sorted(trusts))


def _table_row(number: int, document: Document) -> dict[str, object]:
    profile, integrity = document.profile, document.integrity
    findings = len(integrity.findings) if integrity else 0
    return {
        "n": number,
        "path": document.path,
        "title": (profile.title if profile else None) or "",
        "kind": profile.kind if profile else "other",
        "language": profile.language if profile else "unknown",
        "words": profile.word_count if profile else 0,
        "trust": integrity.verdict if integrity else "not checked",
        "problems": findings + len(document.source.warnings),
        "card": number <= MAX_CARDS,
    }


def _quote(text: str, location: Location, anchors: _Anchors) -> Quote:
    return Quote(text, location.cite(), anchors.quote(location, text))


def _question(analysis: Analysis, question: Question, anchors: _Anchors) -> tuple[Question, list[Quote], str]:
    """A question with the quotes that prompted it and where it points on the page."""
    key = question.key
    if key.startswith("statement:"):
        for number, requirement in enumerate(analysis.requirements, start=1):
            if statement_key(requirement.text) == key:
                return question, [_quote(requirement.text, requirement.location, anchors)], f"#req-{number}"
        return question, [], "#requirements"
    item = next((i for i in analysis.checklist if i.key == key), None)
    if item is None:  # a question about the bundle as a whole: what was sent
        return question, [], "#documents"
    return question, [_quote(q.text, q.location, anchors) for q in item.evidence], f"#item-{key}"


def _target_label(target: str) -> str:
    if target.startswith("#req"):
        return "the statement"
    return "the documents sent" if target == "#documents" else "the checklist item"


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _diff(left: str, right: str) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """Both sentences as segments, the words where they differ marked on each side."""
    a, b = _words(left), _words(right)
    left_out: list[Segment] = []
    right_out: list[Segment] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        left_text, right_text = "".join(a[i1:i2]), "".join(b[j1:j2])
        changed = tag != "equal"
        if left_text:
            left_out.append(Segment(left_text, changed and bool(left_text.strip()), right_text or None))
        if right_text:
            right_out.append(Segment(right_text, changed and bool(right_text.strip()), left_text or None))
    return tuple(left_out), tuple(right_out)


def _side_by_sides(analysis: Analysis, anchors: _Anchors) -> Iterator[SideBySide]:
    """The views in page order, made as they are taken: a data room has thousands of relations,
    and the page shows the first MAX_SIDE_BY_SIDE (diffing the rest was most of the report's time)."""
    for number, relation in enumerate(analysis.relations, start=1):
        if relation.aligned:
            yield _relation_view(number, relation, anchors)
    for number, document in enumerate(analysis.documents, start=1):
        view = _findings_view(number, document, anchors)
        if view is not None:
            yield view


def _relation_view(number: int, relation: Relation, anchors: _Anchors) -> SideBySide:
    """Aligned sentences of two documents; the copy on the left when the source is known."""
    copy_on_right = relation.source is not None and relation.source == relation.left
    rows = []
    for pair in relation.aligned:
        left, right, left_at, right_at = _oriented(pair, copy_on_right)
        left_segments, right_segments = _diff(left, right)
        rows.append(
            SideRow(
                left_segments,
                right_segments,
                f"similarity {pair.similarity:.2f}",
                anchors.quote(left_at, left),
                anchors.quote(right_at, right),
            )
        )
    left_path, right_path = (relation.right, relation.left) if copy_on_right else (relation.left, relation.right)
    if relation.source:
        labels = (f"{left_path} (copy)", f"{right_path} (source)")
        explanation = "Words marked on the left were put in place of the words marked on the right."
    else:
        labels = (left_path, right_path)
        explanation = "Which side is the original is not known; the marked words differ."
    return SideBySide(
        f"pair-{number}", f"{relation.kind}: {relation.left} ↔ {relation.right}", *labels, explanation, tuple(rows)
    )


def _oriented(pair: AlignedSentence, swap: bool) -> tuple[str, str, Location, Location]:
    if swap:
        return pair.right, pair.left, pair.right_location, pair.left_location
    return pair.left, pair.right, pair.left_location, pair.right_location


def _findings_view(number: int, document: Document, anchors: _Anchors) -> SideBySide | None:
    """A spun or tortured document's sentences beside the same sentences in their likely original
    wording: each finding marked on the left, its original (where one is known) on the right."""
    integrity = document.integrity
    if integrity is None:
        return None
    by_sentence: dict[int, list[Finding]] = {}
    for finding in integrity.findings:
        if finding.sentence >= 0 and finding.kind in ("spinner substitution", "tortured phrase"):
            by_sentence.setdefault(finding.sentence, []).append(finding)
    if not by_sentence:
        return None
    sentences = {s.index: s.text for s in document.sentences}
    rows = []
    for index in sorted(by_sentence):
        text = sentences.get(index)
        if text is None:
            continue
        left, right = _restored(text, by_sentence[index])
        notes = "; ".join(f"{f.kind}, {f.confidence:.2f}" for f in by_sentence[index])
        rows.append(SideRow(left, right, notes, anchors.quote(Location(document.path), text), None))
    if not rows:
        return None
    return SideBySide(
        f"restored-{number}",
        f"{document.path}: {integrity.verdict}",
        document.path,
        "likely original wording",
        "Marked on the left: words a spinner or a tortured phrase put in; on the right, the words they most "
        "likely replaced (a “?” where the evidence shows a swap but not what was there).",
        tuple(rows),
    )


def _restored(text: str, findings: Iterable[Finding]) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    left: list[Segment] = []
    right: list[Segment] = []
    position = 0
    for finding in sorted(findings, key=lambda f: f.offset):
        start = finding.offset
        end = start + len(finding.span)
        if start < position or text[start:end] != finding.span:
            continue  # overlapping or stale finding: leave the text as it is
        plain = text[position:start]
        if plain:
            left.append(Segment(plain))
            right.append(Segment(plain))
        left.append(Segment(finding.span, True, finding.original))
        right.append(Segment(finding.original or "?", True, finding.span))
        position = end
    if text[position:]:
        left.append(Segment(text[position:]))
        right.append(Segment(text[position:]))
    return tuple(left), tuple(right)


def _graph(analysis: Analysis, anchors: _Anchors) -> tuple[list[GraphNode], list[GraphEdge], int, int]:
    """Documents that take part in relations, on a circle, joined by their relations."""
    degree: dict[str, int] = {}
    for relation in analysis.relations:
        for path in (relation.left, relation.right):
            degree[path] = degree.get(path, 0) + 1
    chosen = sorted(degree, key=lambda p: (-degree[p], p))[:MAX_GRAPH_NODES]
    chosen.sort()
    trust = {d.path: (d.integrity.verdict if d.integrity else "not checked") for d in analysis.documents}
    # The circle grows with the number of documents, so two documents are not a page apart.
    radius = min(200.0, 40.0 + 25.0 * len(chosen))
    centre = radius + 60.0
    positions: dict[str, tuple[float, float]] = {}
    nodes = []
    for i, path in enumerate(chosen):
        angle = 2 * math.pi * i / max(1, len(chosen)) - math.pi / 2
        x, y = round(centre + radius * math.cos(angle), 1), round(centre + radius * math.sin(angle), 1)
        positions[path] = (x, y)
        label = path if len(path) <= 28 else path[:12] + "…" + path[-12:]
        nodes.append(GraphNode(label, anchors.document(path), x, y, trust.get(path, "not checked")))
    edges = []
    for relation in analysis.relations:
        if relation.left in positions and relation.right in positions:
            (x1, y1), (x2, y2) = positions[relation.left], positions[relation.right]
            title = f"{relation.kind} ({relation.score:.2f}): {relation.left} ↔ {relation.right}"
            edges.append(GraphEdge(x1, y1, x2, y2, relation.kind.replace(" ", "-"), title))
    return nodes, edges, max(0, len(degree) - len(chosen)), round(2 * centre)
