"""Whether a document says it is a published third-party standard or a vendor's manual.

A project bundle often carries reference material beside its own documents: the IETF RFC the
system must speak, an ISO standard it must meet, a device's programming manual. Its MUST
sentences are obligations of that standard, not requirements the client wrote, and counting
them as the project's requirements buries the project's own. Such documents say what they are
on their first page, in ways that are set by their publishers ("Request for Comments: 9110",
"W3C Recommendation", "ISO/IEC 27001:2022", "IEEE Std 802.3"), so the test reads the header only: an SRS
that cites IEEE Std 830 in its references is not an IEEE standard.
"""

from __future__ import annotations

import re

from kickoff.model import SourceDocument

# Publishers' marks stand in a document's header: before its second heading, in its first few
# hundred characters; a reference list that cites "Request for Comments: 2119" comes later.
HEADER_CHARACTERS = 600

_MARKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("an IETF RFC", re.compile(r"\bRequest for Comments:\s*\d+")),
    ("an IETF RFC", re.compile(r"\bInternet Engineering Task Force \(IETF\)")),
    (
        "a W3C specification",
        re.compile(
            r"\bW3C (?:Recommendation|Candidate Recommendation(?: Draft| Snapshot)?|Proposed Recommendation|"
            r"Working Draft|Working Group Note|Group Note|Editor's Draft)\b"
        ),
    ),
    (
        "an ISO/IEC standard",
        re.compile(r"\bINTERNATIONAL STANDARD\b|\bISO(?:/IEC)?(?:/IEEE)? \d{3,5}(?:-\d+)*:\d{4}\b"),
    ),
    ("an IEEE standard", re.compile(r"\bIEEE Std\.? \d+(?:\.\d+)*(?:-\d{4})?\b|\bIEEE Standard for\b")),
    ("an ETSI standard", re.compile(r"\bETSI (?:TS|EN|ES|TR|GS) \d{3} \d{3}")),
    ("an OASIS standard", re.compile(r"\bOASIS Standard\b")),
    ("an Ecma standard", re.compile(r"^\s*(?:Standard )?ECMA-\d+\b")),
)
# A vendor's manual: the title says manual or guide, and the first page claims the vendor's copyright.
_MANUAL_TITLE = re.compile(
    r"\b(?:user(?:'s)?|owner's|operator's|operating|installation|administrator's|administration|reference|"
    r"programming|programmer's|service|integration|developer) (?:manual|guide|handbook)\b",
    re.IGNORECASE,
)
# The manual's copyright notice may stand further down its first page.
FIRST_PAGE_CHARACTERS = 3000
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}|[A-Z])|all rights reserved", re.IGNORECASE)


def _header(source: SourceDocument) -> str:
    """The text before the document's second heading (its title page: an RFC's header lines, a W3C
    title's status line), at most HEADER_CHARACTERS: a "References" section is never part of it."""
    texts: list[str] = []
    headings = 0
    for block in source.blocks:
        if block.kind == "heading":
            headings += 1
            if headings == 2:
                break
        texts.append(block.text)
        if sum(len(t) for t in texts) >= HEADER_CHARACTERS:
            break
    return "\n".join(texts)[:HEADER_CHARACTERS]


def find_publication(source: SourceDocument, title: str | None) -> str | None:
    """What the document says it is published as, with the words that say so; None for the rest."""
    header = f"{title or ''}\n{_header(source)}"
    for label, mark in _MARKS:
        found = mark.search(header)
        if found:
            return f"{label} (“{' '.join(found.group(0).split())}”)"
    if title and _MANUAL_TITLE.search(title) and _COPYRIGHT.search(_first_page(source)):
        return f"a vendor's manual (“{title}”)"
    return None


def _first_page(source: SourceDocument) -> str:
    """The first FIRST_PAGE_CHARACTERS of the text, joined only as far as needed."""
    texts: list[str] = []
    length = 0
    for block in source.blocks:
        texts.append(block.text)
        length += len(block.text) + 1
        if length >= FIRST_PAGE_CHARACTERS:
            break
    return "\n".join(texts)[:FIRST_PAGE_CHARACTERS]
