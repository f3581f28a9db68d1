"""Requirement smells: wording that makes a requirement untestable or ambiguous.

Each rule names the ISO/IEC/IEEE 29148:2018 characteristic (§5.2.5 "requirements language
criteria", §5.2.5 unbounded/ambiguous terms) or INCOSE Guide to Writing Requirements rule it
breaks. Smell detectors are noisy by nature, so these are things to check, ranked by rule
severity, and their precision is measured in eval/smells.py on sentences labelled by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kickoff.gaps.extract import MODAL, USER_STORY, in_parentheses, inside_subordinate
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
        # "has to be confirmed by the user" is a requirement, not a placeholder
        re.compile(
            r"\b(?:TBD|TBC|TBA|(?<!\bhas )(?<!\bhave )(?<!\bneeds )(?<!\bneed )to be (?:determined|decided|confirmed|defined))"
            r"\b|\?\?\?",
            re.IGNORECASE,
        ),
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
            r"(?<!necessary and )sufficient(?:ly)?",  # "necessary and sufficient" is logic
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
            r"\betc\b\.?|\band so on\b|\bincluding but not limited to\b|\band/or others\b|\bsuch as\b", re.IGNORECASE
        ),
        "ISO 29148 §5.2.5 (avoid open-ended terms); INCOSE R18",
        "list every item, or point to the authoritative list",
    ),
    SmellRule(
        "superlative or unreferenced comparative",
        _words(
            r"best(?! practices?\b)",  # "best practices" names a kind of guidance
            "fastest",
            # "at most 200 ms" is a bound, and "most modules", "most of the infrastructure" a
            # quantity: "most" is a superlative after "the" or before an adjective or adverb
            r"(?<!\bat )(?:(?<=\bthe )most|most(?= (?:\w+(?:ly|ive|ful|able|ible|ent|ant|al|ous|ic|ed|ure|ust)|"
            r"important|common|recent|secure)\b))(?! likely\b| sense\b)",
            # "at the very least" is an idiom and "least privilege" a principle, not criteria
            r"(?<!\bat )(?<!\bat the very )least(?! privilege)",
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
        # Only an absolute of quality, which no test can show ("always available", "never fail",
        # "100 %", "error-free"), and only in the clause of a "shall" or "must" (find_smells). In
        # a rule about data or behaviour an absolute is exact and testable ("devN MUST always be
        # preceded by a dot", "callers must never move the value"), and "all", "every" and "none"
        # are meant ("returns None"): 0 of 31 such findings on real specifications were accepted
        # (eval/real_smells.py).
        re.compile(
            r"\b100 ?%|\b(?:at all times|(?:always|continuously) (?:be )?(?:available|up|online|accessible|reachable|"
            r"responsive|operational)|never (?:fail|crash|lose|go down|be (?:down|unavailable))|"
            r"(?:completely|totally|fully) (?:secure|reliable|safe)|(?:error|bug|fault)[- ]free)\b",
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
            # Only under "shall", the verb of formal requirement statements, where INCOSE's rules
            # apply: in interface and design specifications a passive "MUST be sorted", "should be
            # copied unchanged" constrains data whose only actor is the implementation, and 27 of
            # 37 such findings were rejected (eval/real_smells.py). An exception "shall be raised"
            # has its actor in the sentence's subject: the call.
            r"\bshall be (?!able\b|capable\b|possible\b|available\b|raised\b|thrown\b)"
            r"(?:\w+(?:ed|en)|shown|sent|kept|made|held|built|done|run|set|put|read|paid|told|found|met|left|"
            r"brought|taught|caught|spent|bound|shut|cut|let|split|spread|known|drawn|grown|thrown|torn|worn)\b(?! by\b)",
            re.IGNORECASE,
        ),
        "INCOSE R2 (active voice: name the actor)",
        "name who or what performs the action: '<system> shall <verb> ...'",
    ),
    SmellRule(
        "unclear pronoun",
        # A pronoun that opens the statement as the subject of its modal and stands for something
        # outside it: "They must be cloneable", "This must return the basename …", "It must be
        # readable …". Not in a statement that explains rather than requires ("This means that
        # …", "These may happen earlier", "This will tighten the validation"), not a
        # demonstrative before its noun ("This method …"), not the empty "it" of "It should be
        # possible to …", and not a pronoun whose noun is earlier in the same sentence.
        re.compile(
            r"^(?!That is,)(?:This|That|They|These|Those|It)\s+(?:also\s+)?(?:must|shall|should)\s+"
            r"(?!(?:not\s+|also\s+|still\s+)?be\s+(?:possible|safe|necessary|desirable|clear|obvious|noted|useful|easy|hard|difficult|"
            r"important|surprising|straight-?forward)\b)"
            r"|(?:[,;:]\s+|\b(?:and|but|so|then)\s+)this\s+(?:shall|must|should)\b"
        ),
        "INCOSE R24 (avoid pronouns with unclear referents)",
        "repeat the noun the pronoun stands for",
    ),
    SmellRule(
        "compound requirement",
        re.compile(
            # a full stop inside a number ("Python 3.11") does not end the sentence
            # "must be omitted or, if present, must be false" offers alternatives: one requirement
            r"\b(?:shall|must)\b(?:[^.;]|\.\d){3,}\b(?:and|and/or)\b(?:[^.;]|\.\d)*?\b(?:shall|must)\b|\band/or\b",
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
    r"^(?:Ideally|Preferably|Typically|Usually|Generally|In general|In principle|In most cases|By convention|Perhaps|"
    r"Maybe|Possibly)\b|"
    r"\bas a (?:best|good) practice\b|\b(?:use|at) (?:their|its|your|his|her) (?:own )?discretion\b|"
    r"\bshould (?:probably|ideally|preferably|generally|typically|usually)\b|\bmay opt not\b",
    re.IGNORECASE,
)
# Requirement levels in capitals are RFC 2119's defined terms, not weak wording.
_LEVEL_RULES = frozenset({"weak imperative", "optionality"})
# Word rules that judge what the statement requires, so only inside its binding clause.
_CLAUSE_RULES = frozenset(
    {"vague term", "escape clause", "open-ended list", "superlative or unreferenced comparative", "absolute"}
)
# Where a clause ends: a semicolon or colon, a full stop inside the statement, a dash, or a comma
# before a conjunction that starts another clause ("…, meaning that", "…, but", "…, which").
_CLAUSE_BREAK = re.compile(
    # an opening purpose or circumstance ("To minimize requests, …", "While most clients …, …")
    r"^(?:To|In order to|While|Whilst|Although|Though|Since|Because|As|Due to|Given|Unless|Once|After|Before|"
    r"However)\b[^,;:]*,|\b(?:in order to|so that)\b|"
    r"[;:]|(?<!\betc)(?<!\be\.g)(?<!\bi\.e)(?<!\bvs)\.\s|\s(?:--|—|–)\s|,\s*(?:but|whereas|while|although|though|because|since|meaning|which|so)\b|"
    r"\s(?:because|whereas|although|unless)\b|,\s*(?:and|or)\s+(?=(?:it|this|that|there|they|we)\b)"
)
# "should" before its subject is a condition or a question, not a requirement: "support should
# it be accepted", "Should the cycle be adopted, …".
_NOT_A_WEAK_REQUIREMENT = re.compile(
    r"should\s+(?:it|they|this|that|these|those|he|she|we|you|the|an?|any|one|there)\b", re.IGNORECASE
)
# A vague word that the sentence pins down is not vague: "the appropriate venue mentioned above",
# "the modern POSIX.1-2001 pax format", "simple semantics (such as openapi tags)".
_QUALIFIED = re.compile(
    r"\s+(?:\w+\s+)?(?:(?:mentioned|described|defined|specified|listed|given|named)\s+(?:above|below|in|earlier)\b|"
    r"[A-Z][\w.-]*\d|\((?:such as|e\.g\.|i\.e\.|for example|like)\s)"
)
# A superlative restricted by what follows is an exact choice: "the highest version that the client
# supports", "the best match among the candidates".
_DEFINED_SUPERLATIVE = re.compile(r"(?:\s+[\w-]+){1,2}?\s+(?:that|which|among|of (?:the|all))\b")
_CONDITION = re.compile(r"\b(?:if|whether|where|when)\b[^,;:.]*$", re.IGNORECASE)
# "we should" is the authors' view of their own work ("we should leverage …", "we should be able
# to come to a consensus"), not a requirement on what is built.
_AUTHORS = re.compile(r"\bwe\s+(?:\w+ly\s+|also\s+|still\s+|then\s+)?$", re.IGNORECASE)
# A fraction ("at least 2/3rds support") is its own unit, and so is a count the sentence names
# just before ("dropping the membership count below 5")
_BARE_NUMBER = re.compile(
    r"\b(?:within|under|below|less than|at most|at least|up to|no more than)\s+\d+(?:\.\d+)?\b(?!\s*(?:%|/|[a-zA-Zµ]))"
)
_COUNTED_BY_A_LIST = {"few", "several", "many", "various", "some", "numerous", "multiple", "as", "etc", "number"}
_COUNTED_BEFORE = re.compile(r"\b(?:count|number|total|size|quorum)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def binding_clause(text: str) -> tuple[int, int, str | None]:
    """The span of the clause that carries the statement's own modal, and the modal.

    Why: a requirement's wording problem is in what it requires. "Each PEP must have a champion
    -- someone who … shepherds the discussions in the appropriate forums" requires a champion;
    "appropriate" describes the champion's work and is no vague criterion of the requirement.
    A statement without a modal (a list item, a table row) is one clause."""
    modal = next((m for m in MODAL.finditer(text) if not inside_subordinate(text, m.start())), None)
    if modal is None:
        return 0, len(text), None
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, modal.start())), default=0)
    end = _CLAUSE_BREAK.search(text, modal.end())
    return start, end.start() if end else len(text), modal.group(0).lower()


def _part_of_a_name(text: str, match: re.Match[str]) -> bool:
    """ "the Simple API", "application/vnd.pypi.simple.v1+json": a word in a name or an identifier
    is not the author's adjective, nor is a word in quotes ('what would be considered the "best"
    way'), which the author mentions rather than uses."""
    if match.start() > 0 and match.group(0)[0].isupper():
        return True
    before = text[match.start() - 1] if match.start() else " "
    after = text[match.end()] if match.end() < len(text) else " "
    if before in "\"“'‘`" and after in "\"”'’`":
        return True
    return before in "./+_-" or after in "/+_" or (after == "." and text[match.end() + 1 : match.end() + 2].isalnum())


def find_smells(text: str, measures: tuple[Measure, ...]) -> tuple[Smell, ...]:
    smells: list[Smell] = []
    clause_start, clause_end, modal = binding_clause(text)
    for rule in RULES:
        matches: Iterator[re.Match[str]] = rule.pattern.finditer(text)
        if rule.name in _LEVEL_RULES:
            # capitals are RFC 2119's levels; a modal in an if/whether clause or in parentheses
            # is not the statement's own
            matches = (m for m in matches if not m.group(0).isupper() and not inside_subordinate(text, m.start()))
            if rule.name == "weak imperative":
                if _HEDGED.search(text):
                    continue  # "Ideally, …", "should probably": a recommendation the author meant as one
                matches = (m for m in matches if not _NOT_A_WEAK_REQUIREMENT.search(text, m.start()))
                matches = (m for m in matches if not _AUTHORS.search(text, 0, m.start()))
                # "In cases where the script is expected to be executed …" sets a condition
                matches = (
                    m for m in matches if m.group(0).lower() == "should" or not _CONDITION.search(text, 0, m.start())
                )
        if rule.name == "be able to":
            if _HEDGED.search(text):
                continue  # "In principle, it should be possible to …": an aim, not a capability required
            matches = (m for m in matches if not _AUTHORS.search(text, 0, m.start()))
        if rule.name == "unclear pronoun" and (modal is None or _HEDGED.search(text)):
            continue  # "Ideally, this should be a metric": a wish, not a requirement to reword
        if rule.name in ("vague term", "open-ended list") and text.rstrip().endswith(":"):
            # a lead-in ("… has a few responsibilities it must fulfil:", "… such as:"): the list
            # after it says how many and which; "interoperate seamlessly …, but:" stays vague
            matches = (m for m in matches if m.group(0).lower().split()[-1] not in _COUNTED_BY_A_LIST)
        if rule.name == "vague term":
            matches = (m for m in matches if not _QUALIFIED.match(text, m.end()))
        if rule.name in ("vague term", "superlative or unreferenced comparative"):
            matches = (m for m in matches if not _part_of_a_name(text, m))
        if rule.name == "superlative or unreferenced comparative":
            matches = (m for m in matches if not _DEFINED_SUPERLATIVE.match(text, m.end()))
        if rule.name in _CLAUSE_RULES:
            if modal is None and not USER_STORY.search(text):
                continue  # a sentence that requires nothing: its words describe, they do not specify
            if rule.name == "absolute" and modal not in ("shall", "must"):
                continue
            matches = (
                m
                for m in matches
                if clause_start <= m.start() and m.end() <= clause_end and not in_parentheses(text, m.start())
            )
        match = next(iter(matches), None)
        if match:
            smells.append(Smell(rule.name, match.group(0), rule.rule, rule.hint))
    bare = _BARE_NUMBER.search(text)
    if bare and not _COUNTED_BEFORE.search(text, 0, bare.start()):
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
