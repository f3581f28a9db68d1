"""Find requirement statements wherever they are: modal sentences, user stories, EARS, list items."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kickoff.gaps.about import about_the_document
from kickoff.model import TABLE_CELL_SEPARATOR, Document, Sentence
from kickoff.profile.outline import section_paths
from kickoff.text import SYSTEM_SUBJECT as _SYSTEM_SUBJECT
from kickoff.text import lacks_every_cue

MODAL = re.compile(
    r"\b(shall|must|should|will|is required to|are required to|needs? to|has to|have to)\b", re.IGNORECASE
)
USER_STORY = re.compile(r"^\s*As an? .{2,80}?,?\s+I (?:want|need|would like|can)\b", re.IGNORECASE)
_EARS = re.compile(r"^\s*(?:When|While|Where|If)\b.{3,200}?,\s*the .{2,60}? shall\b", re.IGNORECASE)
_REQUIREMENT_HEADING = re.compile(
    r"requirement|feature|function|capabilit|user stor|use case|must have|acceptance|constraint|"
    r"performance|quality|security|interface|non-functional",
    re.IGNORECASE,
)


# Sentences that report a discussion or ask, rather than require: "It has been suggested that …
# should", "There was some debate as to whether … should", "Should the cycle be adopted, …".
_DISCUSSION_OPENER = re.compile(
    r"^(?:It has been (?:suggested|proposed|argued)|There(?:'s| is| was| has been| were) (?:some |much |basic |"
    r"general |a )?(?:debate|discussion|disagreement|agreement|consensus)|It(?:'s| is) (?:not )?(?:presently |yet )?"
    r"(?:clear|unclear)|For example\b|E\.g\.|Because\b|\(|(?:Should|Must|Shall|Will)\b)"
)
# An example ("code like the following should pass the lint:") and a hedged "should" ("can and
# likely should be written as one post") illustrate or recommend; conformance depends on neither.
# (A "Note that" does not say which: "Note that there should be only one reader" requires.)
_EXAMPLE_OR_HEDGE = re.compile(
    # the hedge may open the clause: "In this case, perhaps loading of a bytecode file should occur …"
    r"\blike the following\b[^.;:]*$|\b(?:likely|probably|perhaps|arguably|maybe)\b[^.;:,]{0,80}$",
    re.IGNORECASE,
)
# A modal inside an indirect question or a condition ("decide whether that trait should have …",
# "If URL references should …", "indicating what its dependencies should be") is not what the
# sentence requires.
# The clause runs to the modal without a comma: "If present, X should …" requires X.
_SUBORDINATE_MODAL = re.compile(r"\b(?:if|whether|how|what)\b[^,;:.]{0,80}?\b(?:should|must|shall)\b", re.IGNORECASE)
# "places where those should be added", "a rule that describes when the dependency should be
# used": a relative clause inside the sentence (one that opens the sentence, "When …, the system
# shall", is a condition, as in EARS).
_RELATIVE_WHERE = re.compile(r"\s(?:where|when|in which)\b[^,;:.]{0,80}?\b(?:should|must|shall|will)\b")
# A condition that is still open, with no comma closing it, holds every modal up to the comma.
_OPEN_CONDITION = re.compile(r"\b(?:if|whether)\b[^,;:.]{0,80}$", re.IGNORECASE)
# Reported speech: "Some developers suggested that … should be dropped", "the question of which
# should be preferred": the modal is someone's opinion, not the design's requirement.
# So are a reason ("because the user should have control"), an opinion in the first person ("I
# believe they should"), what a value or directive means ("a Boolean indicating that the packages
# should be available") and the point of an example ("The key point of this example is that foo
# should …").
_REPORTED_MODAL = re.compile(
    r"\b(?:(?:suggested|proposed|argued|asked|believes?|believed|thinks?|thought|decided|agreed|concluded) "
    r"(?:that|whether)|wondered|question of|debated?|(?:does|do|did)(?:n't| not) mean|because|since|"
    r"(?:I|we) (?:believe|think|feel|suppose|expect|hope)|indicat(?:es?|ed|ing) (?:that|whether)|"
    r"(?:intention|idea|point|hope|expectation)\b[\w ]{0,40}? is that)\b[^.;:]{0,80}?\b(?:should|must|shall)\b",
    re.IGNORECASE,
)
# The reader's or a writer's own voice ("you must always specify", "I think it should"): an
# instruction to the reader, not a requirement on what is built. A design proposal's "we must
# provide …" is the builders' commitment, so "we" stays.
_PERSON_SUBJECT = re.compile(r"\b(?:you|I)\s+(?:\w+ly\s+|also\s+|still\s+|then\s+|all\s+)?$", re.IGNORECASE)
# "should" as a forecast ("This should not be a problem", "the hooks should make this easy").
_EXPECTATION = re.compile(
    r"should(?:n't| not)? (?:(?:be|present|pose|cause) (?:a |any |no |much of a )?(?:problem|issue|concern|surprise|"
    r"difficult(?:y|ies))s?\b|"
    r"be (?:easy|easier|trivial|simple|straight-?forward|fine|rare|surprising)\b|make (?:it|this|that)\b|help\b|work\b|"
    # what a change will be like: "These changes should be positive", "Adding new platforms should be
    # a relatively simple … operation", "should otherwise have no effect on any existing code",
    # "The recommendation should most likely be …"
    r"be (?:positive|beneficial|harmless|uncommon|unlikely)\b|be (?:an? )?(?:relatively|fairly|reasonably)\b|"
    r"(?:otherwise )?have (?:no|little|minimal|negligible) (?:effect|impact)\b|most likely\b|"
    r"suffice\b|matter\b|mean\b|be noted\b|be negligible\b|already\b|(?:keep|bear) in mind\b|"
    # what a change is expected to bring: "should give us the confidence", "should diminish over time"
    r"give us\b|allow for\b|(?:diminish|decrease|improve|disappear|go away)\b|"
    r"make\b[^.;,]{0,60}?\b(?:easier|harder|simpler|clearer)\b|"
    # a hope or an aspiration: "should eventually graduate", "should largely feel like", "should
    # almost never set"; and "should have been disposed of": what is expected to be so by then
    # ("Members should have demonstrated …" requires, so only "have been")
    r"(?:eventually|largely|hopefully|likely|almost|over time)\b|have been\b|"
    r"(?:still )?be (?:feasible|invisible)\b|add (?:much|little|significant) (?:additional )?complexity\b|"
    r"be (?:aware|mindful)\b|be considered (?:informative|non-normative|normative)\b|"
    # and as guidance to the reader: "should not be interpreted as a way to …", "should be taken as a sign"
    r"be (?:interpreted|read|understood|seen|taken|regarded|viewed|thought of) (?:as|to (?:mean|refer))\b)",
    re.IGNORECASE,
)
# Advice to the people who use what is built ("Projects should prefer …", "Users should roll
# back …", "Procedural macro authors should not use …", "Those who require it should use …"): a
# lower-case "should" addressed to them is a recommendation that conformance does not depend on.
# What the system lets them do or gives them stays a requirement ("Users should be able to …",
# "the user should receive a confirmation"), and so does "must".
_AUDIENCE = re.compile(
    r"\b(?:users?|user code|(?:[\w-]+ )?authors|projects|consumers(?: of [\w ]{1,30})?|"
    r"(?:those|anyone|people) who [^,;:.]{1,60})"
    # with what singles them out: "library authors shooting for maximal portability should …"
    r"(?: (?:who|that|wishing|wanting|looking|shooting|aiming|targeting)\b[^,;:.]{1,50})?"
    r"\s+(?:\w+ly\s+|also\s+|still\s+)?$",
    re.IGNORECASE,
)
_GRANTED = re.compile(
    r"should(?:n't| not)? (?:be (?:able|allowed|permitted|given|notified|informed|shown|presented|prompted|"
    r"redirected|provided|offered|asked|warned|alerted)|receive|get|see|have access)\b"
)

# Sections that argue, compare or look back rather than specify: a "must" in a PEP's Rationale or
# a Rust RFC's Alternatives is part of an argument, not a requirement of the design.
_DISCURSIVE_SECTION = re.compile(
    r"\b(?:rationale|motivation|background|alternatives?|rejected (?:ideas|proposals|approaches|options)|prior art|"
    r"drawbacks|discussion|"
    r"appendix|faq|frequently asked|history|acknowledge?ments|references|copyright|future (?:work|possibilities)|"
    r"comparison|how to teach|open issues|unresolved questions|open questions|"
    # an SRS's list of the documents it cites ("approved Nov. 1999", "to be released …") is no plan
    r"(?:related|referenced|applicable|reference) documents|bibliography)\b",
    re.IGNORECASE,
)


# A template's instruction to the author ("This section must be completed when targeting beta").
_TEMPLATE_INSTRUCTION = re.compile(r"\bthis section\b", re.IGNORECASE)


@dataclass(frozen=True)
class Statement:
    sentence: Sentence
    form: str

    @property
    def text(self) -> str:
        """The statement's own words: for a table row, the cell that states the requirement (with
        the identifier ingest put in front of it), not the priority or owner columns beside it."""
        text = self.sentence.text
        if self.sentence.block_kind != "table row" or TABLE_CELL_SEPARATOR not in text:
            return text
        cells = text.split(TABLE_CELL_SEPARATOR)
        stating = [cell for cell in cells if MODAL.search(cell) or USER_STORY.search(cell)]
        return stating[0] if stating else max(cells, key=len)


def is_discursive(path: tuple[str, ...]) -> bool:
    """Whether a section, or one it stands in, argues or looks back ("Rejected Ideas > Why not …")."""
    return any(_DISCURSIVE_SECTION.search(title) for title in path)


def find_statements(document: Document) -> list[Statement]:
    """Requirement statements of one document, in document order."""
    is_specification = document.profile is not None and document.profile.kind == "specification"
    statements: list[Statement] = []
    for sentence, path in zip(document.sentences, section_paths(document), strict=True):
        if sentence.block_kind in {"heading", "metadata", "comment"} or sentence.text.rstrip().endswith("?"):
            continue  # a question asks, a comment or a checklist box annotates; neither requires
        if is_discursive(path):
            continue
        form = statement_form(sentence, is_specification)
        if form is not None and not about_the_document(sentence.text):
            # "This document shall be reviewed …", "… it should be stated here": the document
            # and its template speak, not a requirement of the system
            statements.append(Statement(sentence, form))
    return statements


# Each of USER_STORY, _EARS and MODAL needs one of these in the lower-cased sentence.
_STATEMENT_CUES = ("shall", "as a", "must", "should", "will", "required to", "need", "has to", "have to")


def statement_form(sentence: Sentence, is_specification: bool) -> str | None:
    text = sentence.text
    if len(text.split()) < 4:
        return None
    if lacks_every_cue(text, _STATEMENT_CUES):
        # no story, no EARS and no modal (most sentences): only a list item can state one
        if _DISCUSSION_OPENER.match(text) or _TEMPLATE_INSTRUCTION.search(text):
            return None
        return _listed_statement(sentence, is_specification)
    if USER_STORY.search(text):
        return "user story"
    if _EARS.search(text):
        return "EARS"
    modal = MODAL.search(text)
    if _DISCUSSION_OPENER.match(text) or _TEMPLATE_INSTRUCTION.search(text):
        return None
    # "will" states a fact or an intent (ISO 29148 §5.2.4): in a specification it is a requirement
    # only with the system as its subject ("The application will display …", the SRS habit).
    if modal and modal.group(1).lower() == "will" and not _SYSTEM_SUBJECT.search(text[: modal.start()]):
        modal = next((m for m in MODAL.finditer(text) if m.group(1).lower() != "will"), None)
    if modal and modal.group(1).lower() in ("should", "must", "shall", "has to", "have to", "needs to", "need to"):
        binding = [m for m in MODAL.finditer(text) if not inside_subordinate(text, m.start())]
        modal = binding[0] if binding else None
    if modal and (is_specification or _SYSTEM_SUBJECT.search(text[: modal.start()])):
        return modal.group(1).lower()
    return _listed_statement(sentence, is_specification)


def _listed_statement(sentence: Sentence, is_specification: bool) -> str | None:
    """A list item or table row under a requirements heading of a specification states one
    without a modal ("3.2 Functional requirements" > "- Export to CSV")."""
    if (
        is_specification
        and sentence.block_kind in {"list item", "table row"}
        and sentence.location.section
        and _REQUIREMENT_HEADING.search(sentence.location.section)
    ):
        if sentence.block_kind == "table row" and not re.search(r"[a-z]{3,}\s+[a-z]{3,}", sentence.text):
            return None  # a header row or a row of figures, not a statement
        return sentence.block_kind
    return None


def inside_subordinate(text: str, position: int) -> bool:
    """Whether the modal at ``position`` does not carry the sentence: it closes an if/whether/how
    clause or a reported opinion, stands in parentheses ("(should be rare)") or quotation marks,
    follows a conditional ("would have to") or the reader's "you", or forecasts
    ("should not be a problem")."""
    before = text[:position]
    if in_parentheses(text, position):
        return True
    if before.count('"') % 2 or before.count("“") > before.count("”"):
        return True  # inside a quotation: "There should be one obvious way to do it"
    if re.search(r"\b(?:would|could|might)\s+$", before) or _PERSON_SUBJECT.search(before):
        return True
    if _EXPECTATION.match(text, position):
        return True
    if text.startswith("should", position) and (
        (_AUDIENCE.search(before) and not _GRANTED.match(text, position)) or _EXAMPLE_OR_HEDGE.search(before)
    ):
        return True  # advice to those who use what is built, an example, a hedge
    if _OPEN_CONDITION.search(before):
        return True  # "If an error condition should occur and a thread panic should result, …"
    if re.search(r"\b(?:which|who|that)\s+(?:also\s+|still\s+|then\s+|now\s+)?$", before, re.IGNORECASE):
        return True  # a relative clause: "an API which should no longer be used" describes the API
    end = _modal_end(text, position)
    if end >= 0 and not re.search(r"\w", text[end:]):
        return True  # "The new syntax should" and nothing after: a fragment
    return any(
        m.end() == end
        for pattern in (_SUBORDINATE_MODAL, _RELATIVE_WHERE, _REPORTED_MODAL)
        for m in pattern.finditer(text)
    )


def in_parentheses(text: str, position: int) -> bool:
    """Whether ``position`` is inside an aside in parentheses ("(should be rare)", "(such as …)")."""
    before = text[:position]
    return before.count("(") > before.count(")")


def _modal_end(text: str, position: int) -> int:
    match = MODAL.match(text, position)
    return match.end() if match else -1
