"""Gaps: requirement statements found, classified and checked; the checklist; the questions."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from kickoff.gaps.checklist import ITEMS, build_checklist
from kickoff.gaps.classify import classify_in_section
from kickoff.gaps.conflicts import find_conflicts
from kickoff.gaps.extract import find_statements
from kickoff.gaps.history import build_history
from kickoff.gaps.measures import find_measures
from kickoff.gaps.open_points import find_open_points, open_point_question
from kickoff.gaps.smells import find_smells
from kickoff.gaps.systems import System, group_systems
from kickoff.model import (
    BuildableStatus,
    BundleVerdict,
    ChecklistItem,
    Document,
    History,
    Question,
    Relation,
    Requirement,
)
from kickoff.relate import connected_groups
from kickoff.text import REQUIREMENT_IDENTIFIER

__all__ = ["document_requirements", "find_gaps", "find_requirements", "statement_key"]

REQUIRES = ("sentences", "profile")
PROVIDES = ("requirements", "checklist", "questions", "verdict", "history")


def statement_key(text: str) -> str:
    """The question key of a statement, stable across runs so a re-run can say it was answered."""
    return "statement:" + hashlib.sha256(text.encode()).hexdigest()[:10]


def find_requirements(
    documents: tuple[Document, ...], known: Mapping[str, tuple[Requirement, ...]] | None = None
) -> tuple[Requirement, ...]:
    """Every document's requirement statements, in order; ``known`` gives those already found
    per document path (``document_requirements``, run beside profiling)."""
    requirements: list[Requirement] = []
    for document in documents:
        found = known.get(document.path) if known is not None else None
        requirements.extend(found if found is not None else document_requirements(document))
    return tuple(requirements)


def document_requirements(document: Document) -> tuple[Requirement, ...]:
    """One document's requirement statements, classified, measured and checked for smells.

    A function of the document alone (its sentences, sections and kind): on a big bundle the
    pipeline runs it in the worker processes that profile each document, and keeps the result in
    the store, rather than in this stage's one process (a data room spent half a minute here)."""
    requirements: list[Requirement] = []
    for statement in find_statements(document):
        text = statement.text
        category = classify_in_section(text, statement.sentence.location.section)
        measures = find_measures(text)
        requirements.append(
            Requirement(
                text=text,
                location=statement.sentence.location,
                form=statement.form,
                category=category.code,
                confidence=category.confidence,
                measures=measures,
                smells=find_smells(text, measures),
            )
        )
    return tuple(requirements)


def find_gaps(
    documents: tuple[Document, ...],
    previous_json: Path | None,
    relations: tuple[Relation, ...] = (),
    known_requirements: Mapping[str, tuple[Requirement, ...]] | None = None,
) -> tuple[tuple[Requirement, ...], tuple[ChecklistItem, ...], tuple[Question, ...], BundleVerdict, History]:
    """``known_requirements``: each document's statements where they were found already, by path
    (``document_requirements``); the others are found here."""
    reference = reference_material(documents)
    everything = documents
    documents = tuple(d for d in documents if d.path not in reference)
    requirements = find_requirements(documents, known_requirements)
    specifications = [d for d in documents if d.profile is not None and d.profile.kind == "specification"]
    systems = group_systems(specifications, relations)
    checklist = (
        _checklist_per_system(documents, requirements, systems)
        if 1 < len(systems) <= MAX_SYSTEM_CHECKLISTS
        else build_checklist(documents, requirements)
    )
    history = build_history(documents, checklist, previous_json)
    conflicts = [(c.key, c.text, c.reason) for c in find_conflicts(documents, relations, requirements)]
    first = _no_specification_question(everything, relations) or _several_systems_question(systems)
    # A sentence a partly answered item already quotes in its own question is not asked twice.
    asked_about = {
        q.text for item in checklist if item.question and item.item_kind != "open_issues" for q in item.evidence
    }
    open_points = (
        []
        if first is not None
        else [open_point_question(p) for p in find_open_points(documents) if p.text not in asked_about]
    )
    questions = _questions(checklist, requirements, history, first, conflicts, open_points)
    verdict = _verdict(everything, requirements, checklist, systems, reference)
    return requirements, checklist, questions, verdict, history


def reference_material(documents: tuple[Document, ...]) -> frozenset[str]:
    """Published standards and manuals sent beside the project's own documents. When everything
    sent is published (a bundle of RFCs to implement), nothing is set aside: they are the brief."""
    published = {d.path for d in documents if d.profile is not None and d.profile.published_as}
    own = [
        d
        for d in documents
        if d.path not in published and d.profile is not None and d.profile.kind in ("specification", "other")
    ]
    return frozenset(published) if own else frozenset()


SYSTEMS_KEY = "systems"
# Beyond this many systems (a data room of unrelated specifications) one checklist each would be
# hundreds of rows nobody reads: the checklist stays one, and the first question names the systems.
MAX_SYSTEM_CHECKLISTS = 8


def _checklist_per_system(
    documents: tuple[Document, ...], requirements: tuple[Requirement, ...], systems: list[System]
) -> tuple[ChecklistItem, ...]:
    """One checklist per system: each answered only from that system's specifications (and the
    bundle's notes, which may speak of any of them). A merged checklist took the purpose from one
    system and the functions from another."""
    items: list[ChecklistItem] = []
    for number, system in enumerate(systems, start=1):
        members = set(system.paths)
        scoped = tuple(
            d for d in documents if d.path in members or (d.profile is not None and d.profile.kind != "specification")
        )
        own = tuple(r for r in requirements if r.location.path in members)
        for item in build_checklist(scoped, own):
            question = f"[{system.name}] {item.question}" if item.question else None
            items.append(
                dataclasses.replace(item, key=f"{item.key}--system-{number}", system=system.name, question=question)
            )
    return tuple(items)


def _several_systems_question(systems: list[System]) -> tuple[str, str, str] | None:
    """When the specifications describe different systems, which one is to be built comes first."""
    if len(systems) <= 1:
        return None
    # the largest first when not all can be named (a stable sort keeps the bundle's order among equals)
    shown = systems if len(systems) <= MAX_SYSTEM_CHECKLISTS else sorted(systems, key=lambda s: -len(s.paths))
    shown = shown[:MAX_SYSTEM_CHECKLISTS]
    listed = "; ".join(
        f"{system.name} ({', '.join(system.paths[:3])}{' …' if len(system.paths) > 3 else ''})" for system in shown
    )
    more = f"; and {len(systems) - len(shown)} more" if len(systems) > len(shown) else ""
    text = (
        f"The specifications describe {len(systems)} different systems: {listed}{more}. "
        "Which is to be built, or are they parts of one system, and how do they connect?"
    )
    reason = (
        "each system has its own checklist below; a checklist merged across them would answer nothing"
        if len(systems) <= MAX_SYSTEM_CHECKLISTS
        else "the checklist below is merged across them, so read its answers with care"
    )
    return SYSTEMS_KEY, text, reason


# Smells that make a requirement untestable as written, most severe first: each becomes a
# question of its own, and the questions are ranked by this order. A TBD is a decision nobody
# has made; an unmeasurable quality has no test at all; a vague word has a test nobody agreed on.
_ASKS = {
    "TBD": "what is to be decided here, by whom, and by when?",
    "unmeasurable": "what number, in what unit and under what condition, states its “{trigger}”?",
    "vague term": "what does “{trigger}” mean here, as something a test can check?",
    "escape clause": "when exactly does “{trigger}” apply, and who decides?",
    "open-ended list": "what is the complete list behind “{trigger}”?",
}
_QUESTION_SMELLS = tuple(_ASKS)


INTENDED_DOCUMENTS_KEY = "intended_documents"
# Issue 11: "questions are few, specific and ranked: at most 15".
MAX_QUESTIONS = 15
# How a question names what was sent: (one, several) of each kind.
_KIND_NOUNS = {
    "news report": ("a news report", "news reports"),
    "code": ("a code file", "code files"),
    "data": ("a data file", "data files"),
    "other": ("a document of no kind kickoff recognises", "documents of no kind kickoff recognises"),
}


def _no_specification_question(
    documents: tuple[Document, ...], relations: tuple[Relation, ...]
) -> tuple[str, str, str] | None:
    """When nothing sent is a specification, the first thing to ask is for the documents that
    were meant, naming what came instead: that is what the team must ask before anything else."""
    kinds = [d.profile.kind for d in documents if d.profile is not None]
    if not documents or "specification" in kinds:
        return None
    counts = Counter(kinds)
    if len(documents) == 1:
        sent = _KIND_NOUNS.get(kinds[0], (f"a {kinds[0]}", ""))[0] if kinds else "unreadable"
    else:
        sent = ", ".join(
            f"{n} {_KIND_NOUNS.get(kind, (kind, kind + 's'))[1 if n > 1 else 0].removeprefix('a ').removeprefix('an ')}"
            for kind, n in sorted(counts.items())
        )
    related = {(r.left, r.right) for r in relations}
    if len(documents) > 1 and _connected(documents, related):
        kinds_of_relation = sorted({r.kind for r in relations})
        sent += " of the same event" if kinds_of_relation == ["same event"] else " that are copies of one another"
    degraded = Counter(
        d.integrity.verdict
        for d in documents
        if d.integrity is not None and d.integrity.verdict not in ("clean", "debris")
    )
    if degraded:
        words = {
            "spun": "spun by an article spinner",
            "machine-paraphrased": "machine-paraphrased",
            "tortured": "full of tortured phrases",
        }
        parts = [
            f"{'one' if n == 1 else n} of them {words.get(verdict, verdict)}" for verdict, n in sorted(degraded.items())
        ]
        sent += ", " + " and ".join(parts)
    opening = (
        f"None of the {len(documents)} documents sent describes a system to build: they are {sent}."
        if len(documents) > 1
        else f"The one document sent describes no system to build: it is {sent}."
    )
    text = (
        f"{opening} "
        "Which documents were meant (a requirements specification, a statement of work, a design proposal), "
        "and can they be sent?"
    )
    reason = "every other question depends on them; until a specification arrives, the checklist stays missing"
    return INTENDED_DOCUMENTS_KEY, text, reason


def _connected(documents: tuple[Document, ...], pairs: set[tuple[str, str]]) -> bool:
    """Whether the relations join every document into one group."""
    return len(connected_groups([d.path for d in documents], sorted(pairs))) == 1


_LEADING_IDENTIFIER = re.compile(rf"^\W*({REQUIREMENT_IDENTIFIER})(?!\w)")


def _questions(
    checklist: tuple[ChecklistItem, ...],
    requirements: tuple[Requirement, ...],
    history: History,
    first: tuple[str, str, str] | None = None,
    conflicts: list[tuple[str, str, str]] | None = None,
    open_points: list[tuple[str, str, str]] | None = None,
) -> tuple[Question, ...]:
    """Blocking items first (what, on what, how fast), then figures that disagree, then statements
    that are undecided (TBD) or untestable (a quality with no number), then the open points the
    bundle itself names, then the other open items, then the remaining statements by their worst
    smell and by how many smells they carry; at most MAX_QUESTIONS.

    With ``first`` (nothing sent is a specification), that question leads and only the blocking
    items follow: asking the other fifteen items of news reports is noise, and they stay in the
    checklist as missing."""
    order = {spec.key: position for position, spec in enumerate(ITEMS)}
    open_items = sorted(
        (item for item in checklist if item.question and (first is None or item.blocking)),
        key=lambda item: (not item.blocking, order[item.item_kind]),
    )
    blocking = [(item.key, item.question or "", item.reason) for item in open_items if item.blocking]
    others = [
        (item.key, item.question or "", item.reason)
        for item in open_items
        # each open point is asked on its own below; the item's one generic question would repeat them
        if not item.blocking and not (open_points and item.item_kind == "open_issues")
    ]
    ranked: list[tuple[int, int, int, tuple[str, str, str]]] = []
    seen: set[tuple[str, str, str]] = set()
    for position, requirement in enumerate(requirements):
        asked = [s for s in requirement.smells if s.name in _QUESTION_SMELLS]
        if not asked:
            continue
        smell = min(asked, key=lambda s: _QUESTION_SMELLS.index(s.name))
        # An SRS often lists its requirements twice (in its sections and in an appendix table):
        # "PR-2: … must operate fast enough" is asked about once, by its identifier.
        identifier = _LEADING_IDENTIFIER.match(requirement.text)
        asked_about = (
            identifier.group(1).strip("[]") if identifier else requirement.text,
            smell.name,
            smell.trigger.lower(),
        )
        if asked_about in seen:
            continue
        seen.add(asked_about)
        key = statement_key(requirement.text)
        text = f"{requirement.location.cite()} says “{requirement.text}”: " + _ASKS[smell.name].format(
            trigger=smell.trigger
        )
        others_count = len(requirement.smells) - 1
        reason = f"{smell.name}: {smell.hint}" + (
            f" (and {others_count} more to check in its row below)" if others_count else ""
        )
        ranked.append((_QUESTION_SMELLS.index(smell.name), -len(requirement.smells), position, (key, text, reason)))
    # Undecided (TBD) and untestable (no number) statements block a test plan as surely as a missing
    # item does, so they come right after the blocking items; then the other items, then the rest.
    ordered = sorted(ranked)
    severe = [draft for rank, _, _, draft in ordered if rank <= 1]
    milder = [draft for rank, _, _, draft in ordered if rank > 1]
    # Figures that disagree come right after the blocking items: nothing can be estimated on them.
    # Open points the bundle itself names follow the untestable statements: the team must ask them.
    drafts = (
        ([first] if first is not None else [])
        + blocking
        + (conflicts or [])
        + severe
        + (open_points or [])
        + others
        + milder
    )
    # A reviewer sends a short list, at most this many; statements left out are still in the
    # requirements table with every smell they carry.
    drafts = drafts[:MAX_QUESTIONS]
    questions = []
    for number, (key, text, reason) in enumerate(drafts, start=1):
        change = "first run"
        if history.baseline is not None:
            change = "still open" if key in history.baseline.open_keys else "new"
        questions.append(Question(number, key, text, reason, change))  # type: ignore[arg-type]
    return tuple(questions)


def _verdict(
    documents: tuple[Document, ...],
    requirements: tuple[Requirement, ...],
    checklist: tuple[ChecklistItem, ...],
    systems: list[System] | None = None,
    reference: frozenset[str] = frozenset(),
) -> BundleVerdict:
    answered = sum(1 for item in checklist if item.status == "answered")
    partly = sum(1 for item in checklist if item.status == "partly answered")
    missing = len(checklist) - answered - partly
    kinds: dict[str, int] = {}
    for document in documents:
        if document.profile is not None and document.path not in reference:
            kinds[document.profile.kind] = kinds.get(document.profile.kind, 0) + 1
    listed = (
        ", ".join(f"{n} {kind}{'s' if n > 1 else ''}" for kind, n in sorted(kinds.items())) or "no readable documents"
    )
    blocking_items = [item for item in checklist if item.blocking and item.status != "answered"]
    blocking_open = list(dict.fromkeys(item.title.split(":")[0].lower() for item in blocking_items))
    specs = kinds.get("specification", 0)
    status: BuildableStatus
    if specs == 0:
        status = "no"
        head = f"No: this bundle is not a buildable specification. None of its {len(documents)} document(s) is a specification ({listed})"
    elif not blocking_open and missing <= 3:
        status = "nearly"
        head = f"Nearly: the bundle holds {specs} specification(s) with {len(requirements)} requirement statement(s)"
    else:
        status = "not yet"
        head = f"Not yet: the bundle holds {specs} specification(s) with {len(requirements)} requirement statement(s), but gaps remain"
    tail = f"; {answered} of {len(checklist)} checklist items are answered, {partly} partly, {missing} missing."
    if systems and len(systems) > 1:
        tail = (
            f"; they describe {len(systems)} different systems ("
            + ", ".join(system.name for system in systems[:MAX_SYSTEM_CHECKLISTS])
            + (", …" if len(systems) > MAX_SYSTEM_CHECKLISTS else "")
            + ("), each with its own checklist" if len(systems) <= MAX_SYSTEM_CHECKLISTS else "), one merged checklist")
            + f": {answered} of {len(checklist)} items answered, {partly} partly, {missing} missing."
        )
    if blocking_open:
        tail += f" Design cannot start before the blocking questions are answered: {', '.join(blocking_open)}."
    if reference:
        tail += (
            f" {len(reference)} published document(s) are read as reference material ({', '.join(sorted(reference))}): "
            "their requirements are not counted as the project's."
        )
    return BundleVerdict(
        buildable=specs > 0 and not blocking_items,
        status=status,
        blocking=tuple(item.key for item in blocking_items),
        text=head + tail,
        reference=tuple(sorted(reference)),
    )
