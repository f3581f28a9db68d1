"""Which specifications describe the same system, so that each system gets its own checklist.

Six unrelated SRS documents in one bundle once got one merged checklist: the purpose from one
system, the functions from another, and no word that these were different systems. A reader
groups documents by the system they name and by what they talk about; so does this:

- two specifications related by the relate stage (versions, copies) are one system;
- two whose titles share the system's name (two distinctive words once the document words are
  gone, or one word and some overlap of content: "Parkwise — Test Plan" and "Parkwise Data
  Specification") are one system;
- two whose content words overlap strongly (cosine of word counts) are one system.

A specification whose title names no system ("Hardware", "Platform") joins the named group
closest in content when it is short or close enough: it is a part sent alongside. Anything else
stands apart. The comparison is between specifications only, and a bundle with
more than ``MAX_COMPARED`` of them is taken as one system rather than compared pair by pair.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from kickoff.model import Document, Relation
from kickoff.relate import connected_groups
from kickoff.text import content_words

# Words every specification title uses, whatever its system: they name the document, not the system.
_DOCUMENT_WORDS = frozenset(
    [
        "software",
        "system",
        "systems",
        "requirements",
        "requirement",
        "specification",
        "specifications",
        "spec",
        "srs",
        "document",
        "documents",
        "design",
        "architecture",
        "architectural",
        "data",
        "component",
        "components",
        "test",
        "tests",
        "testing",
        "plan",
        "deployment",
        "interface",
        "interfaces",
        "functional",
        "non",
        "nonfunctional",
        "version",
        "draft",
        "final",
        "revision",
        "rev",
        "project",
        "proposal",
        "enhancement",
        "application",
        "app",
        "web",
        "online",
        "based",
        "management",
        "tool",
        "service",
        "services",
        "platform",
        "product",
        "document",
        "description",
        "detailed",
        "high",
        "level",
        "low",
        "overview",
        "technical",
        "user",
        "users",
        "guide",
        "manual",
        "template",
        "report",
        "final",
        "release",
        "pep",
        "rfc",
        "kep",
        "standard",
        "standards",
        "summary",
        "abstract",
        "introduction",
        "overview",
        "motivation",
    ]
)
# Content overlap (cosine of word counts, document words left out) at which two specifications are
# read as one system's documents; with one distinctive title word shared, less will do. Measured on
# the 57 real PEPs, KEPs and RFCs: unrelated proposals of one ecosystem reach 0.64 (two KEPs that
# share the KEP template's questionnaire), so the bar alone sits above that.
SAME_SYSTEM_SIMILARITY = 0.65
SHARED_NAME_SIMILARITY = 0.3
MAX_COMPARED = 200
# Below this many words an untitled specification is a supplement to the closest named system.
SUPPLEMENT_WORDS = 300


@dataclass(frozen=True)
class System:
    """One system a bundle's specifications describe: a short name and its documents' paths."""

    name: str
    paths: tuple[str, ...]


def group_systems(specifications: list[Document], relations: tuple[Relation, ...]) -> list[System]:
    """Specifications grouped by the system they describe, in the order of their first document."""
    if len(specifications) <= 1 or len(specifications) > MAX_COMPARED:
        return [System(_name(specifications), tuple(d.path for d in specifications))] if specifications else []
    pairs = [(relation.left, relation.right) for relation in relations]
    names = {d.path: _title_words(d) for d in specifications}
    vectors = {d.path: _vector(d) for d in specifications}
    for position, left in enumerate(specifications):
        for right in specifications[position + 1 :]:
            shared = len(names[left.path] & names[right.path])
            similarity = _cosine(vectors[left.path], vectors[right.path])
            if (
                shared >= 2
                or (shared == 1 and similarity >= SHARED_NAME_SIMILARITY)
                or similarity >= SAME_SYSTEM_SIMILARITY
            ):
                pairs.append((left.path, right.path))
    by_path = {d.path: d for d in specifications}
    groups = [
        [by_path[path] for path in members] for members in connected_groups([d.path for d in specifications], pairs)
    ]
    # A document whose title names no system ("Platform", "Hardware", an untitled SRS) joins the
    # named group closest in content when it is short (a supplement) or close enough; otherwise it
    # is a system of its own, named by its file.
    named = [members for members in groups if any(names[d.path] for d in members)]
    if not named:
        return [System(_name(specifications), tuple(d.path for d in specifications))]
    kept = list(named)
    for members in groups:
        if any(names[d.path] for d in members):
            continue
        closest = max(
            named, key=lambda group: max(_cosine(vectors[m.path], vectors[d.path]) for m in members for d in group)
        )
        similarity = max(_cosine(vectors[m.path], vectors[d.path]) for m in members for d in closest)
        if similarity >= SHARED_NAME_SIMILARITY or sum(_words(d) for d in members) < SUPPLEMENT_WORDS:
            closest.extend(members)
        else:
            kept.append(members)  # an untitled specification of its own: named by its file
    return [System(_name(members), tuple(d.path for d in members)) for members in kept]


def _title_words(document: Document) -> set[str]:
    title = document.profile.title if document.profile is not None and document.profile.title else ""
    title = re.sub(r"^Microsoft (?:Word|PowerPoint) - ", "", title)  # a PDF printed from Word keeps this
    return {
        w for w in content_words(title) if w not in _DOCUMENT_WORDS and len(w) >= 3 and not any(c.isdigit() for c in w)
    }


def _name(documents: list[Document]) -> str:
    """The group's shortest title with the document words trimmed off its end; a file name when untitled."""
    # a title that is only a section word ("Summary", the first heading of a Rust RFC) names nothing
    titles = [d.profile.title for d in documents if d.profile is not None and d.profile.title and _title_words(d)]
    if not titles:
        return documents[0].path if documents else ""
    title = re.sub(r"^Microsoft (?:Word|PowerPoint) - ", "", min(titles, key=len))
    title = re.sub(
        r"^(?:Software |System )?Requirements? Specifications?(?: for| -|:)?\s+", "", title, flags=re.IGNORECASE
    )
    trimmed = re.sub(
        r"[\s:–—-]*(?:\b(?:software |system )?requirements? specifications?|\bSRS|\bdesign document|\bspecification)\b.*$",
        "",
        title,
        flags=re.IGNORECASE,
    ).strip(" :–—-")
    return trimmed or title


def _words(document: Document) -> int:
    return sum(len(sentence.text.split()) for sentence in document.sentences)


def _vector(document: Document) -> Counter[str]:
    return Counter(w for w in content_words(" ".join(s.text for s in document.sentences)) if w not in _DOCUMENT_WORDS)


def _cosine(left: Counter[str], right: Counter[str]) -> float:
    shared = set(left) & set(right)
    dot = sum(left[w] * right[w] for w in shared)
    norm = math.sqrt(sum(v * v for v in left.values())) * math.sqrt(sum(v * v for v in right.values()))
    return dot / norm if norm else 0.0
