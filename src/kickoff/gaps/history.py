"""Re-run state: compare this run's questions with the last different bundle's, idempotently.

The JSON of a run keeps the bundle's fingerprint and the baseline it compared against. Running
again on the same bundle reuses that baseline, so a second identical run writes identical files;
running on a grown bundle makes the previous run the baseline and marks what got answered.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from kickoff.model import ChecklistItem, Document, History, QuestionState, from_dict
from kickoff.serial import read_section


def fingerprint(documents: tuple[Document, ...]) -> str:
    digest = hashlib.sha256()
    for document in sorted(documents, key=lambda d: d.path):
        digest.update(f"{document.path}\0{document.source.sha256}\n".encode("utf-8", "backslashreplace"))
    return digest.hexdigest()[:16]


def load_previous(path: Path | None) -> tuple[str, QuestionState | None, QuestionState] | None:
    """(fingerprint, baseline, state) of the previous run's JSON, or None when there is none."""
    if path is None or not path.is_file():
        return None
    try:
        history = next(read_section(path, "history"))
        keys = tuple(sorted(question["key"] for question in read_section(path, "questions")))
        state = QuestionState(history["fingerprint"], keys)
        baseline = from_dict(QuestionState, history["baseline"]) if history.get("baseline") else None
        return history["fingerprint"], baseline, state
    except (OSError, ValueError, KeyError, TypeError, StopIteration):
        return None  # an unreadable old state (or one of an older schema) is treated as no state; the run starts afresh


def build_history(
    documents: tuple[Document, ...], checklist: tuple[ChecklistItem, ...], previous_json: Path | None
) -> History:
    current = fingerprint(documents)
    previous = load_previous(previous_json)
    if previous is None:
        return History(current, None)
    previous_fingerprint, previous_baseline, previous_state = previous
    baseline = previous_baseline if previous_fingerprint == current else previous_state
    if baseline is None:
        return History(current, None)
    open_now = {item.key for item in checklist if item.status != "answered"}
    answered = tuple(item for item in checklist if item.key in baseline.open_keys and item.key not in open_now)
    # Question keys of untestable statements ("statement:...") close when the statement is fixed
    # or removed; they have no checklist item to quote, so only items are listed as answered.
    return History(current, baseline, answered)
