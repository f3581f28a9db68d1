"""Open points: what the bundle itself says is not decided, each turned into a question.

Meeting notes and e-mails record what is still open ("a go-live date has not been agreed",
"Open: who owns the customer data?"), and a specification lists its own unresolved questions.
Each of those is a question the team must send, with the sentence quoted, rather than one
generic "which decisions are open?".

Where they are taken from: project notes and e-mails (documents of kind "other") and
specifications. A question mark counts in notes, and in a specification only under a heading for
open or unresolved questions (elsewhere it is usually rhetorical: "Why not use XML?"). The
markers below count anywhere in those documents.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from kickoff.model import Document, Location

# Marks of an undecided point: TBD/TBC in capitals, the phrases in any case (matched on the
# lower-cased sentence: a case-insensitive alternation took twice as long, on every sentence of
# a data room; bench/hot_paths.py open-points).
_OPEN_ABBREVIATION = re.compile(r"\bTB[DC]\b")
# Left for later, in any case; the checklist's open-issues cue reads the same phrases. "Has to be
# confirmed by the user" obliges someone to confirm and leaves nothing open; "Back-up requirements
# will need to be determined", a writer's "(need more input …)" and ">Need to determine …" do.
LEFT_FOR_LATER = (
    r"(?i:(?<!has )(?<!have )(?<!must )(?<!needs )(?<!need )to be (?:decided|determined|confirmed|agreed)|"
    r"will need to be (?:decided|determined|agreed)|"
    # "… is still under consideration", "Questions to be answered include …", "raises design
    # issues to be tackled"
    r"(?:is|are) (?:still )?under consideration|(?:questions|issues) (?:still )?to be (?:answered|tackled|resolved)|"
    r"(?<=[(>])\s*needs? (?:to (?:determine|decide|define|confirm|clarify|prototype)|more input))"
)
_OPEN_PHRASE = re.compile(
    rf"\b(?:{LEFT_FOR_LATER}|"
    r"not (?:yet )?(?:been )?(?:agreed|decided|confirmed|settled)|"
    r"open (?:point|issue|question)s?|still open|undecided|unclear (?:whether|who|how|if)|needs? (?:a )?decision)\b"
)
_OPEN_LABEL = re.compile(r"^\s*(?:open(?: point| issue| question)?|question|tbd)\s*[:\-–]", re.IGNORECASE)
_OPEN_SECTION = re.compile(
    r"\b(?:open|unresolved|outstanding) (?:issues|questions|points)\b|\bto be decided\b", re.IGNORECASE
)
# A sentence shorter than this is a fragment ("TBD."), not a point someone could answer.
_MINIMUM_WORDS = 4


@dataclass(frozen=True)
class OpenPoint:
    key: str
    text: str
    location: Location


def find_open_points(documents: tuple[Document, ...]) -> list[OpenPoint]:
    points: list[OpenPoint] = []
    seen: set[str] = set()
    # whether a text is marked open, judged once per distinct text (a data room repeats them)
    marked: dict[str, bool] = {}
    for document in documents:
        if document.profile is None or document.profile.kind not in ("specification", "other"):
            continue
        is_notes = document.profile.kind == "other"
        for sentence in document.sentences:
            text = sentence.text.strip()
            if sentence.block_kind in ("heading", "metadata") or len(text.split()) < _MINIMUM_WORDS:
                continue
            section = sentence.location.section or ""
            asked = text.endswith("?") and (is_notes or _OPEN_SECTION.search(section) is not None)
            if text in seen:
                continue
            if not asked:
                if text not in marked:
                    marked[text] = _open_marker(text) or _OPEN_LABEL.match(text) is not None
                if not marked[text]:
                    continue
            seen.add(text)
            digest = hashlib.sha256(f"{sentence.location.path}\0{text}".encode()).hexdigest()[:10]
            points.append(OpenPoint(f"open:{digest}", text, sentence.location))
    return points


def _open_marker(text: str) -> bool:
    return _OPEN_ABBREVIATION.search(text) is not None or _OPEN_PHRASE.search(text.lower()) is not None


def open_point_question(point: OpenPoint) -> tuple[str, str, str]:
    """(key, question, reason) for one open point."""
    return (
        point.key,
        f"{point.location.cite()} leaves open: “{point.text}” Who decides it, and by when?",
        "the bundle itself says this is not decided; until it is, the design has to guess",
    )
