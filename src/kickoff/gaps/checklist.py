"""The specification checklist: each item answered by quoted evidence, or turned into a question."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kickoff.gaps.measures import mentions_hardware
from kickoff.model import ChecklistItem, Document, Quote, Requirement


@dataclass(frozen=True)
class ItemSpec:
    """How one checklist item is recognised, and what to ask when it is missing."""

    key: str
    title: str
    blocking: bool
    question: str
    why: str
    categories: tuple[str, ...] = ()
    heading: str | None = None
    cue: str | None = None
    needs_number: bool = False
    number_quantities: tuple[str, ...] = ()
    # A pattern one quote must match for the item to be answered rather than partly answered
    # (a schedule with no date in it is not a schedule yet).
    needs_pattern: str | None = None


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"

ITEMS: tuple[ItemSpec, ...] = (
    ItemSpec(
        "purpose",
        "Purpose: what the system is",
        True,
        "What system is to be built, and what problem does it solve?",
        "every design decision depends on it",
        heading=r"purpose|overview|introduction|goal|objective|vision|summary|background",
        cue=r"\b(?:the purpose of (?:this|the) (?:system|document|project)|this (?:document|specification) (?:describes|specifies|defines)|(?:the|this) (?:system|application|tool|service|platform|product) (?:is an?|will be an?|provides|lets|helps|allows))\b",
    ),
    ItemSpec(
        "hardware",
        "Hardware and operating environment",
        True,
        "On what hardware and operating environment must it run (processor, memory, operating system, cloud or device)?",
        "it bounds the design, the budget and every performance figure",
        categories=("O", "PO"),
        heading=r"hardware|platform|environment|deployment|operating|infrastructure",
        cue=r"\b(?:runs? on|deployed (?:on|to)|target (?:hardware|platform|device)|operating system|linux|windows|android|ios|raspberry|cortex|x86|arm64|gpu|cpu|ram)\b",
    ),
    ItemSpec(
        "performance",
        "Performance targets with numbers",
        True,
        "How fast must it be: which response times or throughputs, at what load, measured how (for example p95 latency in ms)?",
        "without numbers no design can be judged fast enough",
        categories=("PE",),
        heading=r"performance|latency|speed|response time",
        cue=r"\b(?:latency|response times?|throughput|within \d+(?:\.\d+)?\s?(?:ms|milliseconds?|s|seconds?|minutes?)|per second)\b",
        needs_number=True,
        number_quantities=("latency", "throughput"),
    ),
    ItemSpec(
        "users",
        "Users and stakeholders",
        False,
        "Who will use it, and who else has a stake in it (roles, numbers, skills)?",
        "features and usability are judged against the people who use them",
        heading=r"users?|stakeholders?|actors?|personas?|audience|roles",
        cue=r"\bAs an? \w+|\b(?:users? (?:are|is|include)|used by|operators?|administrators?|customers?)\b",
    ),
    ItemSpec(
        "functions",
        "Functions",
        False,
        "What must it do: which functions or user stories, in priority order?",
        "functions are what gets built and tested",
        categories=("F",),
        heading=r"functional requirements|functions|features|user stories|use cases|capabilities",
    ),
    ItemSpec(
        "scope",
        "Scope and non-goals",
        False,
        "What is in scope and, as important, what is explicitly out of scope?",
        "unstated scope grows without limit",
        heading=r"scope|non-goals|out of scope|boundar",
        cue=r"\b(?:in scope|out of scope|not in scope|non-goals?|will not|does not include)\b",
    ),
    ItemSpec(
        "data",
        "Inputs, outputs and data",
        False,
        "What data goes in and comes out: formats, sources, volumes, retention?",
        "data shapes the storage, the interfaces and the tests",
        heading=r"data|inputs?|outputs?|formats?|storage|schema",
        cue=r"\b(?:inputs?|outputs?|csv|json|xml|file format|database|records?|stores?|exports?|imports?)\b",
    ),
    ItemSpec(
        "interfaces",
        "Interfaces",
        False,
        "Which other systems, devices or people does it talk to, over which interfaces or protocols?",
        "interfaces are where integration fails",
        heading=r"interfaces?|api|integration|protocols?",
        cue=r"\b(?:api|rest|http|https|grpc|mqtt|usb|bluetooth|interface|integrat\w+|protocol|webhook|sftp)\b",
    ),
    ItemSpec(
        "scale",
        "Scale",
        False,
        "How big will it get: users, data volume, requests, sites, growth over time?",
        "scale decides the architecture",
        categories=("SC",),
        heading=r"scal|capacity|volume|growth",
        cue=r"\b(?:concurrent|simultaneous|scal\w+|\d[\d,]* (?:users|devices|records|documents|requests|sites))\b",
        needs_number=True,
        number_quantities=("users", "throughput", "storage", "count", "other"),
    ),
    ItemSpec(
        "reliability",
        "Reliability and availability",
        False,
        "How reliable must it be: availability, tolerated data loss, recovery time?",
        "reliability targets change the architecture",
        categories=("A", "FT"),
        heading=r"reliab|availab|fault|recovery|resilien",
        cue=r"\b(?:availab\w+|uptime|downtime|recover\w*|backup|failover|fault)\b",
        needs_number=True,
        number_quantities=("availability", "recovery", "latency", "other"),
    ),
    ItemSpec(
        "security",
        "Security and privacy",
        False,
        "Who may see or change what, which data is sensitive, which regulations apply?",
        "security retrofitted is security missing",
        categories=("SE",),
        heading=r"secur|privacy|access control|authenticat|authori[sz]",
        cue=r"\b(?:authenticat\w+|authori[sz]\w+|encrypt\w+|password|privacy|gdpr|personal data|access control|secure)\b",
    ),
    ItemSpec(
        "usability",
        "Usability",
        False,
        "How must it be usable: by whom, with what training, on which screens, with which accessibility needs?",
        "usability is only testable against a stated target",
        categories=("US", "LF"),
        heading=r"usab|user interface|UI\b|accessib|look and feel",
        cue=r"\b(?:usab\w+|accessib\w+|wcag|user interface|learn\w* to use|training)\b",
    ),
    ItemSpec(
        "constraints",
        "Constraints",
        False,
        "Which constraints are fixed: languages, licences, standards, laws, budget?",
        "constraints rule out designs before they are drawn",
        categories=("L", "MN"),
        heading=r"constraints?|standards?|compliance|legal|licen[cs]",
        cue=r"\b(?:must comply|complian\w+|licen[cs]e|standard|regulation|written in|budget)\b",
    ),
    ItemSpec(
        "dependencies",
        "Dependencies and assumptions",
        False,
        "What does it depend on, and what is assumed to be true?",
        "a broken assumption is a late surprise",
        heading=r"dependenc|assumption",
        cue=r"\b(?:depends? on|relies on|requires? (?:an? )?(?:existing|external)|(?:from|through|with|on) the existing|assum\w+|third.party)\b",
    ),
    ItemSpec(
        "acceptance",
        "Acceptance criteria",
        False,
        "How will the result be accepted: which tests, measured how, passed when?",
        "without acceptance criteria the project never ends, or ends in a dispute",
        heading=r"acceptance|verification|validation|testing|test plan",
        cue=r"\b(?:acceptance (?:criteria|test)|accepted (?:when|if)|shall be (?:verified|tested|demonstrated)|test cases?)\b",
    ),
    ItemSpec(
        "timeline",
        "Timeline and milestones",
        False,
        "When is it needed: milestones, deadlines, release dates?",
        "the schedule limits what can be built",
        heading=r"timeline|schedule|milestones?|deadlines?|roadmap|delivery|phases?",
        cue=r"\b(?:deadline|milestone|deliver(?:ed|y)? by|due (?:by|on)|by (?:Q[1-4]|(?:January|February|March|April|May|June|July|August|September|October|November|December))|release date|go.live)\b",
        needs_pattern=rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|Q[1-4] \d{{4}}|(?:{_MONTHS}) \d{{4}}|\d{{1,2}} (?:{_MONTHS})\b|week \d+|sprint \d+)",
    ),
    ItemSpec(
        "glossary",
        "Glossary",
        False,
        "Which terms need defining, and what do they mean?",
        "the same word meaning two things is the cheapest bug to prevent",
        heading=r"glossary|definitions|terminology|abbreviations|acronyms",
    ),
    ItemSpec(
        "open_issues",
        "Open issues",
        False,
        "Which decisions are still open, and who will make them by when?",
        "open decisions left unlisted are made by accident",
        heading=r"open issues|open questions|to be decided|tbd|todo",
        cue=r"\b(?:TBD|TBC|to be (?:decided|determined|confirmed)|open (?:issue|question))\b",
    ),
)

# Evidence quoted per item; more would drown the answer.
MAX_QUOTES = 3


def build_checklist(
    documents: tuple[Document, ...], requirements: tuple[Requirement, ...]
) -> tuple[ChecklistItem, ...]:
    return tuple(_item(spec, documents, requirements) for spec in ITEMS)


def _item(spec: ItemSpec, documents: tuple[Document, ...], requirements: tuple[Requirement, ...]) -> ChecklistItem:
    quotes: list[Quote] = []
    by_category = [r for r in requirements if _addresses(spec, r)]
    quotes.extend(Quote(r.text, r.location) for r in by_category)
    quotes.extend(_section_quotes(spec, documents))
    quotes.extend(_cue_quotes(spec, documents))
    quotes = _unique(quotes)
    open_markers = spec.key == "open_issues"
    if not quotes:
        return ChecklistItem(
            spec.key, spec.title, "missing", spec.blocking, (), spec.question, _missing_reason(spec, documents)
        )
    if spec.needs_number:
        quoted_texts = {q.text for q in quotes}
        # by identity: comparing dataclasses field by field made this quadratic in big bundles
        chosen = {id(r) for r in by_category}
        numbered = [
            r
            for r in requirements
            if (id(r) in chosen or r.text in quoted_texts)
            and any(m.quantity in spec.number_quantities or m.unit in {"%", "ms", "s"} for m in r.measures)
        ]
        if not numbered:
            return _partly(spec, quotes, "the bundle addresses it, but with no number that a test could check")
        quotes = _unique([Quote(r.text, r.location) for r in numbered] + quotes)
    if spec.needs_pattern is not None and not any(re.search(spec.needs_pattern, q.text) for q in quotes):
        return _partly(spec, quotes, "the bundle speaks of it, but names nothing a plan could be checked against")
    reason = "answered by the quoted statements"
    if open_markers:
        return ChecklistItem(
            spec.key,
            spec.title,
            "partly answered",
            spec.blocking,
            tuple(quotes[:MAX_QUOTES]),
            "The bundle marks decisions as open (quoted): who decides them, and by when?",
            "open items are listed, but not yet decided",
        )
    return ChecklistItem(spec.key, spec.title, "answered", spec.blocking, tuple(quotes[:MAX_QUOTES]), None, reason)


def _partly(spec: ItemSpec, quotes: list[Quote], reason: str) -> ChecklistItem:
    """Partly answered: the question quotes what the bundle does say and asks for the rest."""
    question = f"{_cite(quotes[0])} says “{_short(quotes[0].text)}”: what exactly — {spec.question[0].lower()}{spec.question[1:]}"
    return ChecklistItem(
        spec.key, spec.title, "partly answered", spec.blocking, tuple(quotes[:MAX_QUOTES]), question, reason
    )


# A classified requirement answers an item alone only when the classifier is this sure; below it,
# the sentence's words or its section must agree (the classifier's leave-one-project-out F1 is
# modest, see README, so it never answers an item on a guess).
CONFIDENT = 0.8


def _addresses(spec: ItemSpec, requirement: Requirement) -> bool:
    if spec.key == "hardware":
        return mentions_hardware(requirement.text)
    if requirement.category not in spec.categories:
        return False
    if spec.key == "functions":
        return True
    section = requirement.location.section or ""
    agrees = (spec.cue is not None and re.search(spec.cue, requirement.text, re.IGNORECASE) is not None) or (
        spec.heading is not None and re.search(rf"\b(?:{spec.heading})", section, re.IGNORECASE) is not None
    )
    return agrees or requirement.confidence >= CONFIDENT


def _specifications(documents: tuple[Document, ...]) -> list[Document]:
    return [d for d in documents if d.profile is not None and d.profile.kind == "specification"]


def _section_quotes(spec: ItemSpec, documents: tuple[Document, ...]) -> list[Quote]:
    """The first sentences under a heading that names the item, in specification documents."""
    if spec.heading is None:
        return []
    pattern = re.compile(rf"\b(?:{spec.heading})", re.IGNORECASE)
    quotes: list[Quote] = []
    for document in _specifications(documents):
        taken: dict[str, int] = {}
        for sentence in document.sentences:
            section = sentence.location.section
            if sentence.block_kind in ("heading", "comment") or not section or not pattern.search(section):
                continue
            if _NON_ANSWER.match(sentence.text):
                continue
            if taken.get(section, 0) >= 2 or len(sentence.text.split()) < 4:
                continue
            taken[section] = taken.get(section, 0) + 1
            quotes.append(Quote(sentence.text, sentence.location))
    return quotes


# "No new infrastructure needed.", "None.", "N/A": a section filled in with nothing answers
# nothing, however well its heading matches the item.
_NON_ANSWER = re.compile(r"^\W*(?:No|None|N/?A|Not applicable|Nothing|n/a)\b", re.IGNORECASE)

# Beside specifications, documents of these kinds speak for the project: meeting notes and
# e-mails ("other") often hold the dependencies and dates a specification leaves out. News,
# code and data do not.
_NOTE_KINDS = {"other"}


def _cue_quotes(spec: ItemSpec, documents: tuple[Document, ...]) -> list[Quote]:
    """Sentences whose words address the item, from specifications first, then project notes
    when the bundle has a specification at all (a lone news report answers nothing)."""
    if spec.cue is None:
        return []
    pattern = re.compile(spec.cue, re.IGNORECASE if spec.key != "open_issues" else 0)
    speaking = _specifications(documents)
    if speaking:
        speaking += [d for d in documents if d.profile is not None and d.profile.kind in _NOTE_KINDS]
    return [
        Quote(sentence.text, sentence.location)
        for document in speaking
        for sentence in document.sentences
        if sentence.block_kind not in ("heading", "comment")
        and not _NON_ANSWER.match(sentence.text)
        and len(sentence.text.split()) >= 4
        and pattern.search(sentence.text)
    ]


def _unique(quotes: list[Quote]) -> list[Quote]:
    seen: set[str] = set()
    result = []
    for quote in quotes:
        if quote.text not in seen:
            seen.add(quote.text)
            result.append(quote)
    return result


def _missing_reason(spec: ItemSpec, documents: tuple[Document, ...]) -> str:
    kinds: dict[str, int] = {}
    for document in documents:
        if document.profile is not None:
            kinds[document.profile.kind] = kinds.get(document.profile.kind, 0) + 1
    if not documents:
        return f"the bundle holds no readable document; {spec.why}"
    if not _specifications(documents):
        listed = ", ".join(f"{n} {kind}{'s' if n > 1 else ''}" for kind, n in sorted(kinds.items()))
        return f"no document is a specification ({listed}), so nothing states it; {spec.why}"
    return f"no statement or section in the specification documents addresses it; {spec.why}"


def _cite(quote: Quote) -> str:
    return quote.location.cite()


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"
