"""Figures that disagree: two versions of one document, or two statements of one quantity.

A team handed "requirements v1" and "requirements v2" must know which figure is current before
it estimates anything, and a specification that says 99.999 % availability on one page and
99.99 % on another must be asked which it means. Both become questions with both quotes.

- Versions: a near-duplicate or derived relation's aligned sentences whose numbers differ. The
  newer version is named by its publication date, else by a version mark in its file name
  ("v2", "rev 3", "version 4"); when neither tells, the question says so.
- One quantity, two values: requirement statements of the same document giving availability
  as two different percentages. Other quantities are left alone: two latency figures are usually
  two different operations, not a contradiction.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from kickoff.gaps.measures import find_measures
from kickoff.model import Document, Location, Relation, Requirement, differing_pairs
from kickoff.relate import publication_date
from kickoff.text import REQUIREMENT_IDENTIFIER

_VERSIONED = ("near duplicate", "derived")
_VERSION_MARK = re.compile(r"(?:\bv|[_ -]v|rev(?:ision)?[ _-]?|version[ _-]?)(\d+(?:\.\d+)*)", re.IGNORECASE)


@dataclass(frozen=True)
class Conflict:
    """Two quotes that give one thing different figures, and what is known of which is current."""

    key: str
    text: str
    reason: str


def find_conflicts(
    documents: tuple[Document, ...], relations: Iterable[Relation], requirements: tuple[Requirement, ...]
) -> list[Conflict]:
    by_path = {document.path: document for document in documents}
    conflicts: list[Conflict] = []
    for relation in relations:
        if relation.kind not in _VERSIONED or relation.left not in by_path or relation.right not in by_path:
            continue
        newer: tuple[str | None, str] | None = None  # decided once a figure has changed
        for pair in differing_pairs(relation.aligned):  # one sentence has one set of figures
            if _changed(pair.left, pair.right):
                if newer is None:
                    newer = _newer(by_path[relation.left], by_path[relation.right])
                conflicts.append(
                    _version_conflict(pair.left, pair.left_location, pair.right, pair.right_location, newer)
                )
    conflicts += _availability_conflicts(requirements)
    return conflicts


# A number that names a part of a document or a requirement is no figure: "Figure 1 shows …"
# and "Figure 2 shows …" in two versions renumber a figure, and "Q-013" is an identifier.
_REFERENCE = re.compile(
    r"\b(?:figures?|fig\.|tables?|sections?|§|appendix|annex|chapter|clause|article|step|phase|page|pp?\.|item|"
    r"no\.|version|release|rev\.?|level)\s*[A-Z]?\d+(?:[.-]\d+)*[a-z]?\b"
    rf"|(?-i:{REQUIREMENT_IDENTIFIER})",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=65536)
def _figures(sentence: str) -> tuple[frozenset[str], frozenset[str]]:
    """The numbers of the figures a sentence gives (its measures), and every number in it;
    references and identifiers aside (cached: copies in a data room repeat their sentences)."""
    text = _REFERENCE.sub(" ", sentence)
    measured = frozenset(n for m in find_measures(text) if m.unit != "hardware" for n in _numbers(m.text))
    return measured, _numbers(text)


_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])")


def _numbers(text: str) -> frozenset[str]:
    return frozenset(number.replace(",", "") for number in _NUMBER.findall(text))


def _changed(left: str, right: str) -> bool:
    """Whether each sentence gives a figure whose number the other does not hold at all: a figure
    replaced, not one added, cut off with a table cell, or worded another way ("470 million
    current observations" beside a cell's "470 million current")."""
    left_figures, left_numbers = _figures(left)
    right_figures, right_numbers = _figures(right)
    return bool(left_figures - right_numbers) and bool(right_figures - left_numbers)


def _version_mark(path: str) -> tuple[int, ...] | None:
    match = _VERSION_MARK.search(path.rsplit("/", 1)[-1])
    return tuple(int(part) for part in match.group(1).split(".")) if match else None


def _newer(left: Document, right: Document) -> tuple[str | None, str]:
    """(path of the newer version or None, how that was decided)."""
    left_date, right_date = publication_date(left), publication_date(right)
    if left_date and right_date and left_date != right_date:
        newer = left if left_date > right_date else right
        return newer.path, f"{newer.path} is the later by its date ({max(left_date, right_date)})"
    left_mark, right_mark = _version_mark(left.path), _version_mark(right.path)
    if left_mark and right_mark and left_mark != right_mark:
        newer = left if left_mark > right_mark else right
        return newer.path, f"{newer.path} is the later by its version mark"
    return None, "neither their dates nor their names say which is the later version"


def _version_conflict(
    left: str, left_at: Location, right: str, right_at: Location, newer: tuple[str | None, str]
) -> Conflict:
    digest = hashlib.sha256(f"{left}\0{right}".encode()).hexdigest()[:10]
    text = (
        f"Two versions disagree: {left_at.cite()} says “{left}” but {right_at.cite()} says “{right}”. "
        "Which figure is current?"
    )
    reason = f"the documents are versions of one text; {newer[1]}, but a figure that changed should be confirmed"
    return Conflict(f"conflict:{digest}", text, reason)


# An availability target is a high percentage; ".01 % downtime" or "a tolerance of -5 %" in the
# same statement says the same target another way.
_AVAILABILITY_FLOOR = 50.0


def _availability_conflicts(requirements: tuple[Requirement, ...]) -> list[Conflict]:
    by_document: dict[str, dict[float, Requirement]] = {}
    for requirement in requirements:
        targets = {
            m.value
            for m in requirement.measures
            if m.quantity == "availability" and m.unit == "%" and m.value >= _AVAILABILITY_FLOOR
        }
        if len(targets) == 1:  # a statement that gives two is read as a range, not a conflict
            by_document.setdefault(requirement.location.path, {}).setdefault(targets.pop(), requirement)
    conflicts = []
    for path, values in sorted(by_document.items()):
        if len(values) < 2 or len({r.text for r in values.values()}) < 2:
            continue
        quoted = [values[value] for value in sorted(values)]
        parts = " but ".join(f"{r.location.cite()} says “{r.text}”" for r in quoted[:3])
        digest = hashlib.sha256("\0".join(r.text for r in quoted).encode()).hexdigest()[:10]
        conflicts.append(
            Conflict(
                f"conflict:{digest}",
                f"{path} gives availability {len(values)} different values: {parts}. Which one is required?",
                "one quantity with two targets cannot be tested; the higher one may cost far more to build",
            )
        )
    return conflicts
