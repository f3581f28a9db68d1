"""What kind of document this is, decided by counted cues that the report shows as evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kickoff.model import DocumentKind, SourceDocument
from kickoff.text import is_requirement_sentence

_SPEC_HEADINGS = re.compile(
    r"\b(?:requirements?|scope|purpose|use cases?|user stories|acceptance criteria|constraints|"
    r"non-functional|functional|interfaces?|glossary|assumptions|architecture|specification|hardware|"
    r"platform|performance|scalability|reliability|availability|security|usability|deployment|"
    r"stakeholders?|users|milestones?|timeline|dependencies|open issues)\b",
    re.IGNORECASE,
)
_SYSTEM_SUBJECT = re.compile(
    r"\b(?:the|this) (?:system|application|app|software|service|tool|platform|product|api|device)\b", re.IGNORECASE
)
_REPORTING = re.compile(
    r"\b(?:said|says|told|reported|according to|announced|stated|declared|added|noted|mentioned|"
    r"advised|in accordance with|spokes(?:man|woman|person))\b",
    re.IGNORECASE,
)
_NEWS_TIME = re.compile(
    r"\b(?:on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|last week|last month|"
    r"final week|yesterday|earlier this (?:week|month|year)|(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday))\b"
)
_QUOTE = re.compile(r"[“‘\"][^”’\"]{12,}[”’\"]")
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
    lines = [block.text for block in source.blocks]
    code_lines = sum(1 for line in text.splitlines() if _CODE_LINE.search(line))
    all_lines = max(1, len(text.splitlines()))
    if code_lines / all_lines > 0.3 and code_lines >= 5:
        return KindDecision("code", (f"{code_lines} of {all_lines} lines look like source code",))
    numeric = sum(ch.isdigit() or ch in ",;\t|" for ch in text) / max(1, len(text))
    if numeric > 0.4:
        return KindDecision("data", (f"{numeric:.0%} of characters are digits or delimiters",))

    sentence_count = max(1, len(sentences))
    requirement_sentences = sum(1 for s in sentences if is_requirement_sentence(s))
    system_subjects = sum(1 for s in sentences if _SYSTEM_SUBJECT.search(s))
    headings = [b.text for b in source.blocks if b.kind == "heading"]
    spec_headings = [h for h in headings if _SPEC_HEADINGS.search(h)]
    reporting = len(_REPORTING.findall(text))
    news_times = len(_NEWS_TIME.findall(text))
    quotes = len(_QUOTE.findall(text))
    density = entity_mentions / sentence_count

    specification = (
        3 * requirement_sentences / sentence_count * 10 + 2 * len(spec_headings) + system_subjects / sentence_count * 10
    )
    news = reporting * 1.5 + news_times + quotes + min(density, 3.0) * 2
    if source.metadata.outlet:
        news += 2
    # Two requirement sentences, or one under a specification heading, make a specification
    # unless news cues weigh more; a short brief ("## Hardware / runs on a Pi 4") counts too.
    spec_like = requirement_sentences >= 2 or (spec_headings and (requirement_sentences >= 1 or news < 3))
    if spec_like and specification >= news:
        evidence = [
            f"{requirement_sentences} of {sentence_count} sentences state requirements (shall/must/should)",
            f"{len(spec_headings)} specification headings"
            + (f" ({', '.join(spec_headings[:4])})" if spec_headings else ""),
            f"{system_subjects} sentences about 'the system/application/...'",
        ]
        return KindDecision("specification", tuple(evidence))
    if news >= 6 and len(lines) >= 3:
        evidence = [
            f"{reporting} reporting expressions (said, told, according to, ...)",
            f"{entity_mentions} mentions of named people, places and organisations in {sentence_count} sentences",
            f"{quotes} quotations, {news_times} news time expressions (weekdays, last week)",
            f"{requirement_sentences} requirement sentences",
        ]
        return KindDecision("news report", tuple(evidence))
    return KindDecision(
        "other",
        (
            f"no kind's cues dominate: {requirement_sentences} requirement sentences, "
            f"{reporting} reporting expressions, {len(spec_headings)} specification headings",
        ),
    )
