"""Gaps: requirement statements found, classified and checked; the checklist; the questions."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kickoff.gaps.checklist import ITEMS, build_checklist
from kickoff.gaps.classify import classify_in_section
from kickoff.gaps.extract import find_statements
from kickoff.gaps.history import build_history
from kickoff.gaps.measures import find_measures
from kickoff.gaps.smells import find_smells
from kickoff.model import BuildableStatus, BundleVerdict, ChecklistItem, Document, History, Question, Requirement

__all__ = ["find_gaps", "find_requirements"]

REQUIRES = ("sentences", "profile")
PROVIDES = ("requirements", "checklist", "questions", "verdict", "history")


def find_requirements(documents: tuple[Document, ...]) -> tuple[Requirement, ...]:
    requirements: list[Requirement] = []
    for document in documents:
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
    documents: tuple[Document, ...], previous_json: Path | None
) -> tuple[tuple[Requirement, ...], tuple[ChecklistItem, ...], tuple[Question, ...], BundleVerdict, History]:
    requirements = find_requirements(documents)
    checklist = build_checklist(documents, requirements)
    history = build_history(documents, checklist, previous_json)
    questions = _questions(checklist, requirements, history)
    return requirements, checklist, questions, _verdict(documents, requirements, checklist), history


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


def _questions(
    checklist: tuple[ChecklistItem, ...], requirements: tuple[Requirement, ...], history: History
) -> tuple[Question, ...]:
    """Blocking items first (what, on what, how fast), then the rest, then untestable statements
    ranked by their worst smell and then by how many smells they carry."""
    order = {spec.key: position for position, spec in enumerate(ITEMS)}
    open_items = sorted(
        (item for item in checklist if item.question),
        key=lambda item: (not item.blocking, order[item.key]),
    )
    drafts = [(item.key, item.question or "", item.reason) for item in open_items]
    ranked: list[tuple[int, int, int, tuple[str, str, str]]] = []
    for position, requirement in enumerate(requirements):
        asked = [s for s in requirement.smells if s.name in _QUESTION_SMELLS]
        if not asked:
            continue
        smell = min(asked, key=lambda s: _QUESTION_SMELLS.index(s.name))
        key = "statement:" + hashlib.sha256(requirement.text.encode()).hexdigest()[:10]
        text = f"{requirement.location.cite()} says “{requirement.text}”: " + _ASKS[smell.name].format(
            trigger=smell.trigger
        )
        others = len(requirement.smells) - 1
        reason = f"{smell.name}: {smell.hint}" + (f" (and {others} more to check in its row below)" if others else "")
        ranked.append((_QUESTION_SMELLS.index(smell.name), -len(requirement.smells), position, (key, text, reason)))
    drafts.extend(draft for *_, draft in sorted(ranked))
    questions = []
    for number, (key, text, reason) in enumerate(drafts, start=1):
        change = "first run"
        if history.baseline is not None:
            change = "still open" if key in history.baseline.open_keys else "new"
        questions.append(Question(number, key, text, reason, change))  # type: ignore[arg-type]
    return tuple(questions)


def _verdict(
    documents: tuple[Document, ...], requirements: tuple[Requirement, ...], checklist: tuple[ChecklistItem, ...]
) -> BundleVerdict:
    answered = sum(1 for item in checklist if item.status == "answered")
    partly = sum(1 for item in checklist if item.status == "partly answered")
    missing = len(checklist) - answered - partly
    kinds: dict[str, int] = {}
    for document in documents:
        if document.profile is not None:
            kinds[document.profile.kind] = kinds.get(document.profile.kind, 0) + 1
    listed = (
        ", ".join(f"{n} {kind}{'s' if n > 1 else ''}" for kind, n in sorted(kinds.items())) or "no readable documents"
    )
    blocking_items = [item for item in checklist if item.blocking and item.status != "answered"]
    blocking_open = [item.title.split(":")[0].lower() for item in blocking_items]
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
    if blocking_open:
        tail += f" Design cannot start before the blocking questions are answered: {', '.join(blocking_open)}."
    return BundleVerdict(
        buildable=specs > 0 and not blocking_items,
        status=status,
        blocking=tuple(item.key for item in blocking_items),
        text=head + tail,
    )
