"""What kind of document this is, decided by counted cues that the report shows as evidence."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from kickoff.model import DocumentKind, SourceDocument
from kickoff.text import is_requirement_sentence, lacks_every_cue

# Section headings of specifications and design documents in their real styles: IEEE-830 SRS
# documents, IETF RFCs, PEPs, Rust RFCs, Kubernetes KEPs, API references. A news article scraped
# from the web has no such headings; three different ones make a structured technical document.
_SPEC_HEADINGS = re.compile(
    r"\b(?:requirements?|scope|purpose|use cases?|user stories|acceptance criteria|constraints|"
    r"non-functional|functional|interfaces?|glossary|assumptions|architecture|specification|hardware|"
    r"platform|performance|scalability|reliability|availability|security|usability|deployment|"
    r"stakeholders?|users|milestones?|timeline|dependencies|open issues|"
    r"abstract|motivation|rationale|background|overview|summary|proposal|design|drawbacks|alternatives|"
    r"rejected ideas|prior art|unresolved questions|open questions|future (?:work|possibilities)|"
    r"backwards? compatibility|compatibility|considerations|terminology|definitions|conventions|"
    r"conformance|goals|non-goals|examples?|implementation|how to teach this|test plan|testing|"
    r"graduation criteria|version skew|production readiness|risks and mitigations|api|data model|schema|"
    r"syntax|semantics|grammar|protocol|error handling|deprecation|migration|references|"
    r"acknowledge?ments|appendix|explanation|semantics|changelog|revision history)\b",
    re.IGNORECASE,
)
# Header fields that open a PEP, a Rust RFC, an IETF RFC or a controlled document. Title, Author
# and Date are left out: a news page's front matter has them too.
_HEADER_FIELD = re.compile(
    r"(?:^|\s)(PEP|Status|Type|Created|Python-Version|Post-History|Resolution|Feature Name|Start Date|"
    r"RFC PR|Rust Issue|Category|Obsoletes|Updates|ISSN|Intended [Ss]tatus|Document (?:ID|Number|Version)|"
    r"Revision|Version|Request for Comments|Network Working Group|Internet-Draft)\s*:",
)
_HEADER_SPAN = 1500
# A title that names the document a specification, a proposal or a standard.
_SPEC_TITLE = re.compile(
    r"\b(?:specifications?|requirements?|proposal|RFC|PEP|KEP(?:-\d+)?|design|enhancement|standard|SRS|"
    r"protocol|API|file format|conventions?|guidelines)\b",
    re.IGNORECASE,
)
# Headings that blog posts and reports have too: they count only beside a specification's own.
_GENERIC_HEADINGS = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s*)?(?:overview|summary|background|introduction|examples?|references|appendix\b.*|"
    r"acknowledge?ments|changelog|revision history|design|explanation)\W*$",
    re.IGNORECASE,
)
# A licence's text: legal terms for using the work, not a description of a system to build.
_LICENCE = re.compile(
    r"\b(?:Apache License|MIT License|GNU (?:Lesser |Affero )?General Public License|Mozilla Public License|"
    r"BSD \d-Clause|Creative Commons|Permission is hereby granted, free of charge|"
    r"Redistribution and use in source and binary forms|THE SOFTWARE IS PROVIDED \"AS IS\")",
)
# Meeting notes and minutes report what people said, as news does, but are a project's own record.
_NOTES_TITLE = re.compile(
    r"\b(?:meeting|minutes|notes|workshop|kick-?off|stand-?up|retrospective|agenda|call with)\b", re.IGNORECASE
)
_NOTES_FIELD = re.compile(
    r"(?:^|\n)\s*(?:Present|Attendees|Participants|Apologies|Action items?|Actions|Agenda|Decisions?)\s*:",
    re.IGNORECASE,
)
# RFC 2119 keywords in capitals: the register of standards, never of news.
_RFC2119 = re.compile(r"\b(?:MUST(?: NOT)?|SHALL(?: NOT)?|SHOULD(?: NOT)?|REQUIRED|RECOMMENDED|OPTIONAL)\b")
_SYSTEM_SUBJECT = re.compile(
    r"\b(?:the|this) (?:system|application|app|software|service|tool|platform|product|api|device)\b", re.IGNORECASE
)
_REPORTING = re.compile(
    r"\b(?:said|says|told|reported|according to|announced|stated|declared|added|noted|mentioned|"
    r"advised|in accordance with|spokes(?:man|woman|person))\b",
    re.IGNORECASE,
)
# The same words, matched case-sensitively in lower-cased ASCII text: a third of the time of the
# case-insensitive search, which was 4 % of the per-document work on a data room. (Outside ASCII,
# str.lower can change a text's length and its word boundaries, so those texts use _REPORTING.)
_REPORTING_LOWER = re.compile(_REPORTING.pattern)


def _reporting_count(text: str) -> int:
    if text.isascii():
        return len(_REPORTING_LOWER.findall(text.lower()))
    return len(_REPORTING.findall(text))


# Substrings without which a pattern cannot match: a substring search is a fraction of a regular
# expression's walk through the text, and most documents have none of them (profiling a data room,
# the kind's cues were a sixth of the per-document work). Tests check each shortcut's answer.
_LICENSED_SPECIFICATION_HEADINGS = 5
_LICENCE_CUES = (
    "License",
    "-Clause",
    "Creative Commons",
    "Permission is hereby",
    "Redistribution and use",
    'PROVIDED "AS IS"',
)
_RFC2119_CUES = ("MUST", "SHALL", "SHOULD", "REQUIRED", "RECOMMENDED", "OPTIONAL")
# (every weekday name ends in "day")
_NEWS_TIME_CUES = ("day", "last week", "last month", "final week", "earlier this")
_SYSTEM_SUBJECT_CUES = ("system", "app", "software", "service", "tool", "platform", "product", "api", "device")


def _has_system_subject(sentence: str) -> bool:
    return not lacks_every_cue(sentence, _SYSTEM_SUBJECT_CUES) and _SYSTEM_SUBJECT.search(sentence) is not None


_NEWS_TIME = re.compile(
    r"\b(?:on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|last week|last month|"
    r"final week|yesterday|earlier this (?:week|month|year)|(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday))\b"
)
_QUOTE = re.compile(r"[“‘\"][^”’\"]{12,}[”’\"]")
# Latin letters, spaces and line breaks, which are neither digits nor delimiters: deleted, the
# rest bounds the share of digits and delimiters.
_WITHOUT_WORDLIKE = str.maketrans("", "", string.ascii_letters + " \n")
_CODE_LINE = re.compile(
    r"^\s*(?:def |class |import |from \S+ import|function |return\b|#include|public |private |"
    r"var |let |const |if\s*\(|for\s*\(|\}|\{)|;\s*$"
)


@dataclass(frozen=True)
class KindDecision:
    kind: DocumentKind
    evidence: tuple[str, ...]


def decide_kind(source: SourceDocument, sentences: list[str], entity_mentions: int) -> KindDecision:
    """Score each kind from cues; the highest wins and its cues become the evidence."""
    if source.format == "code":
        return KindDecision("code", (f"source-code file ({source.path.rsplit('.', 1)[-1]})",))
    if source.format == "data":
        return KindDecision("data", (f"data file ({source.path.rsplit('.', 1)[-1]})",))
    text = source.text
    code_lines = sum(1 for line in text.splitlines() if _CODE_LINE.search(line))
    all_lines = max(1, len(text.splitlines()))
    if code_lines / all_lines > 0.3 and code_lines >= 5:
        return KindDecision("code", (f"{code_lines} of {all_lines} lines look like source code",))
    numeric = _numeric_share(text)
    if numeric > 0.4:
        return KindDecision("data", (f"{numeric:.0%} of characters are digits or delimiters",))

    head = text[:_HEADER_SPAN]
    headings = [b.text for b in source.blocks if b.kind == "heading"]
    spec_headings = list(dict.fromkeys(h for h in headings if _SPEC_HEADINGS.search(h)))
    licence = _LICENCE.search(head) if any(cue in head for cue in _LICENCE_CUES) else None
    # A licence's text is terms of use; a specification that opens with its copyright notice
    # ("The Work may be freely redistributed subject to the terms of the GNU General Public
    # License", PURE's NPAC FRS) is still a specification, and its sections say so.
    if licence and len(spec_headings) < _LICENSED_SPECIFICATION_HEADINGS:
        return KindDecision("other", (f"licence text: {licence.group(0)!r} near the top", "terms of use, not a system"))
    sentence_count = max(1, len(sentences))
    requirement_sentences = sum(1 for s in sentences if is_requirement_sentence(s))
    system_subjects = sum(1 for s in sentences if _has_system_subject(s))
    specific_headings = [h for h in spec_headings if not _GENERIC_HEADINGS.match(h)]
    header_fields = sorted({m.group(1) for m in _HEADER_FIELD.finditer(text[:_HEADER_SPAN])})
    title = source.metadata.title or (headings[0] if headings else "")
    title_cue = bool(title and _SPEC_TITLE.search(title))
    keywords = len(_RFC2119.findall(text)) if any(cue in text for cue in _RFC2119_CUES) else 0
    reporting = _reporting_count(text)
    news_times = len(_NEWS_TIME.findall(text)) if any(cue in text for cue in _NEWS_TIME_CUES) else 0
    quotes = len(_QUOTE.findall(text))

    # Structure first: a document's own header and section headings say what it is better than
    # any count of words in it. Counts are rates per sentence, so a long document's many quoted
    # strings and names do not add up to a news story.
    structure = 2 * min(len(spec_headings), 6) + 3 * min(len(header_fields), 3) + (2 if title_cue else 0)
    wording = 30 * requirement_sentences / sentence_count + 10 * system_subjects / sentence_count
    specification = structure + wording + min(keywords, 10) * 0.5
    reporting_rate = reporting / sentence_count
    news = 25 * reporting_rate + min(news_times, 5) + min(quotes / sentence_count * 10, 3)
    if source.metadata.outlet:
        news += 2
    # Two requirement sentences, or one under a specification heading, make a specification
    # unless news cues weigh more; a short brief ("## Hardware / runs on a Pi 4") counts too.
    spec_like = (
        (len(spec_headings) >= 3 and len(specific_headings) >= 1)
        or len(header_fields) >= 2
        or keywords >= 3
        or requirement_sentences >= 2
        or (spec_headings and (requirement_sentences >= 1 or news < 3))
    )
    if spec_like and specification >= news:
        evidence = [
            f"{len(spec_headings)} specification or design headings"
            + (f" ({', '.join(spec_headings[:5])})" if spec_headings else ""),
        ]
        if header_fields:
            evidence.append(f"document header fields: {', '.join(header_fields[:5])}")
        if title_cue:
            evidence.append(f"title names a specification or proposal ({title[:80]})")
        if keywords:
            evidence.append(f"{keywords} RFC 2119 keywords in capitals (MUST, SHOULD, ...)")
        evidence.append(f"{requirement_sentences} of {sentence_count} sentences state requirements (shall/must/should)")
        return KindDecision("specification", tuple(evidence))
    first_block = source.blocks[0].text if source.blocks else ""
    notes_cue = _NOTES_FIELD.search(text[:_HEADER_SPAN]) or _NOTES_TITLE.search(title or first_block[:120])
    if notes_cue:
        return KindDecision(
            "other",
            (
                f"meeting notes: {notes_cue.group(0).strip()!r} opens the document",
                f"{reporting} reporting expressions, {requirement_sentences} requirement sentences",
            ),
        )
    # News: reporting verbs at a news rate (real reports run at 0.07 to 1 per sentence; the
    # specifications measured run below 0.05), or news time expressions, with few headings.
    newsy = reporting_rate >= 0.05 or news_times >= 2 or source.metadata.outlet
    if newsy and len(spec_headings) < 3 and news >= 2:
        evidence = [
            f"{reporting} reporting expressions in {sentence_count} sentences (said, told, according to, ...)",
            f"{quotes} quotations, {news_times} news time expressions (weekdays, last week)",
            f"{len(headings)} section headings; {requirement_sentences} requirement sentences",
        ]
        if source.metadata.outlet:
            evidence.append(f"published by {source.metadata.outlet}")
        return KindDecision("news report", tuple(evidence))
    return KindDecision(
        "other",
        (
            f"no kind's cues dominate: {requirement_sentences} requirement sentences, "
            f"{reporting} reporting expressions, {len(spec_headings)} specification headings",
        ),
    )


def _numeric_share(text: str) -> float:
    """The share of characters that are digits or delimiters, or 0.0 where Latin letters, spaces
    and line breaks alone make it impossible that it exceeds 0.4 (nearly every text: the count
    character by character was among the costliest lines of profiling a data room)."""
    if not text:
        return 0.0
    if len(text.translate(_WITHOUT_WORDLIKE)) <= 0.4 * len(text):
        return 0.0
    return sum(ch.isdigit() or ch in ",;\t|" for ch in text) / len(text)
