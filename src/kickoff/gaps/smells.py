"""Requirement smells: wording that makes a requirement untestable or ambiguous.

Each rule names the ISO/IEC/IEEE 29148:2018 characteristic (§5.2.5 "requirements language
criteria", §5.2.5 unbounded/ambiguous terms) or INCOSE Guide to Writing Requirements rule it
breaks. Smell detectors are noisy by nature, so these are things to check, ranked by rule
severity, and their precision is measured in eval/smells.py on sentences labelled by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kickoff.gaps.extract import inside_subordinate
from kickoff.model import Measure, Smell


@dataclass(frozen=True)
class SmellRule:
    name: str
    pattern: re.Pattern[str]
    rule: str
    hint: str


def _words(*terms: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(terms) + r")\b", re.IGNORECASE)


RULES: tuple[SmellRule, ...] = (
    SmellRule(
        "TBD",
        re.compile(r"\b(?:TBD|TBC|TBA|to be (?:determined|decided|confirmed|defined))\b|\?\?\?", re.IGNORECASE),
        "ISO 29148 §5.2.5: avoid TBD/TBC; INCOSE R35 (no open-ended placeholders)",
        "decide the value, or record it as an open issue with an owner and date",
    ),
    SmellRule(
        "vague term",
        _words(
            r"user[- ]friendly",
            "easy",
            "easily",
            "simple",
            "fast",
            "quick(?:ly)?",
            "efficient(?:ly)?",
            "adequate(?:ly)?",
            "appropriate(?:ly)?",
            "reasonable",
            "flexible",
            "robust",
            "intuitive",
            "modern",
            "state[- ]of[- ]the[- ]art",
            "seamless(?:ly)?",
            "timely",
            "sufficient(?:ly)?",
            "high[- ]quality",
            # "normal forms", "filled as normal" are no vague criterion; "under normal load" is
            r"normal(?=\s+(?:load|operation|conditions|use|usage|traffic|circumstances|hours)\b)",
            "good",
            "nice",
            "smooth(?:ly)?",
            "large",
            "small",
            "several",
            "many",
            "few",
        ),
        "ISO 29148 §5.2.5 (avoid vague and subjective terms); INCOSE R7",
        "replace the adjective by a measurable criterion (a number with a unit and a condition)",
    ),
    SmellRule(
        "escape clause",
        _words(
            "if possible",
            "where possible",
            "as appropriate",
            "as required",
            "as needed",
            "if necessary",
            "where applicable",
            "to the extent possible",
            "if practical",
            "as far as possible",
        ),
        "ISO 29148 §5.2.5 (escape clauses); INCOSE R8",
        "state the condition under which the requirement applies, or drop the clause",
    ),
    SmellRule(
        "open-ended list",
        re.compile(
            r"\betc\.?|\band so on\b|\bincluding but not limited to\b|\band/or others\b|\bsuch as\b", re.IGNORECASE
        ),
        "ISO 29148 §5.2.5 (avoid open-ended terms); INCOSE R18",
        "list every item, or point to the authoritative list",
    ),
    SmellRule(
        "superlative or unreferenced comparative",
        _words(
            "best",
            "fastest",
            r"(?<!\bat )most(?! likely\b)",  # "at most 200 ms" is a bound, not a superlative
            r"(?<!\bat )least",
            "highest",
            "lowest",
            "optimal",
            r"better(?! than \d)",
            r"faster(?! than \d)",
            "maximi[sz]e",
            "minimi[sz]e",
            "improved?",
        ),
        "ISO 29148 §5.2.5 (superlatives, comparatives); INCOSE R26",
        "compare against a stated baseline value, or give the target value",
    ),
    SmellRule(
        "absolute",
        # Only absolutes of time and degree, and only in a binding statement (shall/must): "all",
        # "every" and "none" are usually meant in real specifications ("All command-line scripts
        # … must be present", "returns None"), and 0 of 25 such findings were accepted on them
        # (eval/real_smells.py).
        re.compile(
            r"\b(?:always|never|100 ?%|completely|totally|at all times)\b(?=.*\b(?:shall|must)\b)"
            r"|\b(?:shall|must)\b.*\b(?:always|never|100 ?%|completely|totally|at all times)\b",
            re.IGNORECASE,
        ),
        "INCOSE R26/R32 (absolutes are rarely testable)",
        "check that the absolute is meant and testable; otherwise state the tolerated exception",
    ),
    SmellRule(
        "optionality",
        # "may" and "can" state a permission or a capability (ISO 29148 §5.2.4), which real
        # specifications use on purpose; only a binding verb softened into an option is a smell:
        # "shall/must … if possible", "may optionally", "could possibly".
        re.compile(
            r"\b(?:may|can|could|might)\s+(?:optionally|possibly|perhaps)\b|\boptionally\b|"
            r"\b(?:The|the) (?:system|application|service|software|product|platform|device|tool) (?:may|can|could|might)\b|"
            r"\b(?:may|can)\s+(?:be able to|choose to)\b",
        ),
        "ISO 29148 §5.2.4 (use 'shall' for binding requirements); INCOSE R11",
        "say 'shall' if it is required; otherwise mark it as optional explicitly",
    ),
    SmellRule(
        "weak imperative",
        # "will" states a fact or an intent and "would" a condition (ISO 29148 §5.2.4); a design
        # document's "the Pods will be deleted" describes, it does not weaken a requirement.
        _words("should", "is expected to", "is recommended"),
        "ISO 29148 §5.2.4 ('shall' states a binding requirement); INCOSE R2",
        "use 'shall' for a binding requirement, or record it as a goal",
    ),
    SmellRule(
        "be able to",
        # only as a requirement's verb ("needs to be able to", "should be possible to"); "will not be
        # able to guarantee" describes a limit, it states no capability
        re.compile(
            r"\b(?:shall|must|should|may|needs? to|has to|have to|required to|desirable to|wants? to)\s+(?:\w+\s+)?"
            r"(?:be able to|be capable of|have the ability to|be possible to)\b",
            re.IGNORECASE,
        ),
        "INCOSE R3 (state the capability directly)",
        "write '<actor> shall <verb>' instead of 'shall be able to <verb>'",
    ),
    SmellRule(
        "passive voice",
        re.compile(
            # an exception "should be raised" has its actor in the sentence's subject: the call
            r"\b(?:shall|must|should) be (?!able\b|capable\b|possible\b|available\b|raised\b|thrown\b)"
            r"(?:\w+(?:ed|en)|shown|sent|kept|made|held|built|done|run|set|put|read|paid|told|found|met|left|"
            r"brought|taught|caught|spent|bound|shut|cut|let|split|spread|known|drawn|grown|thrown|torn|worn)\b(?! by\b)",
            re.IGNORECASE,
        ),
        "INCOSE R2 (active voice: name the actor)",
        "name who or what performs the action: '<system> shall <verb> ...'",
    ),
    SmellRule(
        "unclear pronoun",
        # A pronoun that opens the statement and stands for something outside it: "This means …",
        # "They also must not …", "It must be readable …". Not a demonstrative before its noun
        # ("This method …"), not the empty "it" of "It should be possible to …", and not a
        # pronoun whose noun is earlier in the same sentence.
        re.compile(
            r"^(?!That is,)(?:This|That)\s+(?:is|was|means|will|would|can|may|must|should|shall|also|allows|makes|has)\b"
            r"|^(?:They|These|Those)\s+(?:are|were|will|would|can|may|must|should|shall|also|have)\b"
            r"|^It\s+(?:must|shall|should|will|can|may)\s+(?!be\s+(?:possible|safe|necessary|desirable|clear|obvious|"
            r"noted|useful|easy|hard|difficult|important)\b)"
            r"|(?:[,;:]\s+|\b(?:and|but|so|then)\s+)this\s+(?:shall|must|should|will)\b"
        ),
        "INCOSE R24 (avoid pronouns with unclear referents)",
        "repeat the noun the pronoun stands for",
    ),
    SmellRule(
        "compound requirement",
        re.compile(
            # a full stop inside a number ("Python 3.11") does not end the sentence
            r"\b(?:shall|must)\b(?:[^.;]|\.\d){3,}\b(?:and|or|and/or)\b(?:[^.;]|\.\d)*?\b(?:shall|must)\b|\band/or\b",
            re.IGNORECASE,
        ),
        "ISO 29148 §5.2.5 (singular); INCOSE R18",
        "split into one requirement per 'shall'",
    ),
)
# A performance, scale or availability statement with no number is a finding of its own
# (issue 4): "highly available" and "must scale" name a quality without a test for it. Only when
# the statement requires the quality: what the modal verb asks for ("shall be highly available",
# "must scale") or the quality as its subject ("Response times shall be short"). The same words
# elsewhere are ordinary English: "make the error information available", "avoid loading a large
# file into memory" state no availability target and no memory budget.
# "available for import", "available to the caller", "available as wheels" say where a thing can
# be had, not how often: availability is required only when nothing, a time or a period follows.
_REQUIRED_QUALITY = re.compile(
    r"\b(?:shall|must|should|will)\s+(?:not\s+)?(?:\w+\s+){0,2}?(?:be\s+)?"
    r"(?:(?:highly|fully|always|continuously)\s+(available)\b|"
    r"(available)(?=\s*(?:[.;,)]|$|24|at all times|around the clock|during|between|outside|\d))|"
    r"(scalable|scale|reliable|responsive|performant)\b)",
    re.IGNORECASE,
)
_QUALITY_SUBJECT = re.compile(
    r"^(?:[\w-]+\s+){0,4}?(response times?|latency|throughput|availability|uptime|capacity|performance|"
    r"reliability|scalability|memory use|storage)\s+(?:shall|must|should|will)\b",
    re.IGNORECASE,
)
# Availability as uptime belongs to something that runs for its users.
_SERVICE_SUBJECT = re.compile(
    r"\b(?:system|service|application|app|platform|site|website|portal|server|api|database|product|solution)s?\b",
    re.IGNORECASE,
)
# A hedge says the "should" is meant as a recommendation: the weakness is the author's intent.
_HEDGED = re.compile(
    r"^(?:Ideally|Preferably|Typically|Usually|Generally|In general|In most cases|By convention)\b|"
    r"\bshould (?:probably|ideally|preferably|generally|typically|usually)\b|\bmay opt not\b",
    re.IGNORECASE,
)
# Requirement levels in capitals are RFC 2119's defined terms, not weak wording.
_LEVEL_RULES = frozenset({"weak imperative", "optionality"})
_BARE_NUMBER = re.compile(
    r"\b(?:within|under|below|less than|at most|at least|up to|no more than)\s+\d+(?:\.\d+)?\b(?!\s*(?:%|[a-zA-Zµ]))"
)


def find_smells(text: str, measures: tuple[Measure, ...]) -> tuple[Smell, ...]:
    smells: list[Smell] = []
    for rule in RULES:
        matches = rule.pattern.finditer(text)
        if rule.name in _LEVEL_RULES:
            # capitals are RFC 2119's levels; a modal in an if/whether clause or in parentheses
            # is not the statement's own
            matches = (m for m in matches if not m.group(0).isupper() and not inside_subordinate(text, m.start()))
            if rule.name == "weak imperative" and _HEDGED.search(text):
                continue  # "Ideally, …", "should probably": a recommendation the author meant as one
        match = next(iter(matches), None)
        if match:
            smells.append(Smell(rule.name, match.group(0), rule.rule, rule.hint))
    bare = _BARE_NUMBER.search(text)
    if bare:
        smells.append(
            Smell(
                "missing unit",
                bare.group(0),
                "ISO 29148 §5.2.5 (measurable); INCOSE R34",
                "state the unit of the number",
            )
        )
    quantity = _REQUIRED_QUALITY.search(text)
    if quantity and quantity.group(2) and not _SERVICE_SUBJECT.search(text[: quantity.start()]):
        quantity = None  # "the python3 command should also be available": it exists, no uptime is meant
    quantity = quantity or _QUALITY_SUBJECT.search(text)
    if quantity and not [m for m in measures if m.unit != "hardware"]:
        word = next(group for group in quantity.groups() if group)
        smells.append(
            Smell(
                "unmeasurable",
                word,
                "ISO 29148 §5.2.5 (verifiable); INCOSE R34",
                f"give “{word.lower()}” a number, a unit and the condition it holds under",
            )
        )
    return tuple(smells)
