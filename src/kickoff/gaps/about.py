"""Sentences about the document rather than the system it specifies.

An SRS speaks of itself: its purpose ("The purpose of this document is …"), its road map
("Section 3 gives …"), and, where its template was not cleaned, the template's instructions to
the writer ("Describe those general characteristics of the users …"). None of them answers a
checklist item or states a requirement of the system; the checklist and requirement finding both
ask this module.
"""

from __future__ import annotations

import re

# A sentence about the document rather than the system: IEEE 830 opens an SRS with "1.1 Purpose"
# of the document ("The purpose of this document is to describe the functionality of …"), and
# every SRS has its road map ("Section 3 gives the functional requirements", "The remaining
# sections of this document provide …"). They answer no item; a reader asked "what is the
# system?" is shown the system, not the document's intent. The subject marks them, and, where
# the document is the subject of a verb that can also state the system ("This specification
# describes an online booking service that …"), what it is said to hold: its requirements, an
# overview, its sections.
_DOCUMENT = r"(?:document|srs|frs|prd|specification|section|subsection|chapter|appendix|template|paper)"
# "This Software Requirements Specification (SRS) establishes …": an abbreviation may follow
# "The Functional Requirements Specifications (FRS) report provides …": or a report or document
# named by its abbreviation
# "This highly detailed Software Requirements Specification document explains …": the document's
# kind spelt out before its noun
_A_DOCUMENT = (
    rf"(?:this|the|each|the following|the next) (?:[\w-]+ ){{0,2}}?"
    rf"(?:(?:software|system|functional|product) )?(?:requirements? )?(?:specifications? )?{_DOCUMENT}s?"
    rf"(?: \([\w&/ -]{{1,20}}\)(?: report| document)?)?"
)
# "The purpose of the National Polar-orbiting … (NPOESS) Data Exploitation (NDE) System
# Requirements Specification is to identify …": a long title in capitals, closed by the
# document's noun and a verb of being; "the system described in this document is" is about the
# system
_A_LONG_TITLED_DOCUMENT = (
    rf"(?:this|the) (?-i:(?:[A-Z(][\w()/&,'’-]* ){{3,16}}?){_DOCUMENT}s?(?: \([\w&/ -]{{1,20}}\))? (?:is|are|was)\b"
)
# what a document's shape is called: "the organization and content of this document"
_ITS_SHAPE = r"(?:format|structure|layout|organi[sz]ation|numbering|contents?)"
_OPENING = (
    r"^[\W_]*(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:also|finally|in short|in summary|nevertheless|nonetheless|primarily|moreover|thus|therefore|hence),?\s+)?"
    # "Upon completion, the document will act as a binding contract …"
    r"(?:(?:upon|on|after|once|when) [\w-]+(?: [\w-]+)?,\s+)?"
)
_ABOUT_THE_DOCUMENT = re.compile(
    _OPENING + "(?:"
    rf"(?:the|this) (?:main |primary |overall )?(?:purpose|aim|objective|intent|goal|introduction|overview|scope)s? of (?:{_A_DOCUMENT}|{_A_LONG_TITLED_DOCUMENT})"
    # "It is also important for this specification to provide …": what the writers want of it
    rf"|it is (?:also )?(?:important|necessary|essential|intended|hoped) (?:for|that) {_A_DOCUMENT}"
    # "The following subsections of Section 1.0 provide an overview of …"
    rf"|(?:the )?(?:remaining|following|next|other) (?:sub)?(?:sections?|chapters?|parts?) of "
    rf"(?:(?:this|the) {_DOCUMENT}|(?:section|chapter) \d+(?:\.\d+)*)"
    # the document's conventions: 'Only those conditions expressed with the imperative "shall" are
    # to be interpreted as binding requirements', RFC 2119's key words "are to be interpreted as …"
    r"|.*?\b(?:is|are) to be (?:interpreted|read|understood) as\b"
    # what requirements are, as a textbook says it: "Functional requirements specify actions that
    # a system must be able to perform, …"; and a sentence about the key words themselves ("… a
    # sentence that includes the word shall, will or must")
    # ("Design constraints represent design decisions that have been mandated …")
    r"|(?:an? )?(?:functional |non-functional |nonfunctional |performance |quality |user |design |physical )?"
    r"(?:requirements?|constraints?) (?:specif(?:y|ies)|describes?|defines?|represents?|states?|captures?|express(?:es)?|"
    r"are statements)\b"
    r"|.*?\bthe (?:key ?)?words? [\"“'‘]?(?:shall|must|will|should|may)\b"
    rf"|the (?:remainder|rest) of {_A_DOCUMENT}"
    # "The organization and content of this document is generally based on the IEEE standards"
    rf"|the {_ITS_SHAPE}(?: and {_ITS_SHAPE})? of {_A_DOCUMENT}"
    # "This document may be updated periodically to reflect changes …": the document's own life
    rf"|{_A_DOCUMENT} (?:may|might|will|can|shall|is to|is expected to)(?: also)?(?: be)? (?:periodically |regularly )?"
    r"(?:updated|revised|amended|reissued|maintained|reviewed|baselined|superseded)\b"
    # "All functionalities for the new system would be documented in this FRS."
    rf"|.*?\b(?:is|are|be|been) (?:fully |all )?(?:documented|recorded|captured) in (?:this|the) {_DOCUMENT}\b"
    # "These requirements capture the expression of general needs in the Concept of Operations",
    # "These requirements will be further refined and expanded as the project progresses"
    # (but "These requirements are based on the assumptions that Moodle will be adopted" states one)
    r"|(?:these|the above) requirements (?:capture|(?:will|may|shall) be (?:further )?(?:refined|expanded|updated|revised|elaborated|detailed)|"
    r"are (?:grouped|organi[sz]ed|listed|numbered|ordered|arranged))\b"
    rf"|(?:much|most|all|some|parts?) of (?:this|the) {_DOCUMENT}\b"
    # a road map's entry, a section's title in capitals: "Overall Description, which provides …"
    r"|(?-i:[A-Z][\w/&-]*(?: (?:[A-Z][\w/&-]*|and|of|&)){0,4}), which "
    r"(?:introduces|describes|provides|details|contains|gives|lists|presents|covers|identifies|defines|explains|"
    r"specifies|outlines|summari[sz]es)\b"
    # a road map's entry by its part's quoted title: "“GTK Overview” provides a short overview of …"
    r"|[“\"][^”\"]{2,60}[”\"] (?:provides|describes|identifies|gives|contains|lists|presents|covers|defines|explains|"
    r"specifies|outlines|summari[sz]es|introduces|details)\b"
    # "Section 2, the general description, describes the product …"
    rf"|sections? \d+(?:\.\d+)*(?: of (?:this|the) {_DOCUMENT})?(?:, [^,]{{1,40}},)? (?:also |will )?(?:is|are|be|gives?|describes?|provides?|contains?|"
    r"discuss(?:es)?|lists?|presents?|covers?|outlines?|identif(?:y|ies)|introduces?|specif(?:y|ies)|defines?|details?)\b"
    rf"|this is the (?:software requirements specification|srs|document)\b"
    # "This is the version 0.1 of the software requirements specification."
    r"|this is (?:the )?(?:version|revision|release|draft) [\w.-]+ of\b"
    # "Each requirement is accompanied by a short discussion …": how the document is laid out
    r"|(?:each|every) requirement (?:is|has been) (?:accompanie[sd]|followed|preceded|numbered|labell?ed|identified|given)\b"
    # "This is a functional description of those features required to …"
    # "This is a working document and, as such, is subject to change."
    r"|this is (?:a|an|the) (?:[\w-]+ ){0,2}(?:(?:description|specification|overview|summary) of|document)\b"
    rf"|(?:the )?(?:intended |primary |main |target )?(?:audience|readers?|readership) (?:of|for) (?:this|the) {_DOCUMENT}"
    # "The intended audience is the analyst, programmer and tester": a system has users, a
    # document has an intended audience
    r"|(?:the )?intended (?:audience|readers?|readership)\b"
    # a template's examples of what to write: "Typical examples of users are: …"
    r"|(?:an? |typical |some )?examples? of (?:an? )?[\w -]{1,30}? (?:is|are)\b"
    rf"|{_A_DOCUMENT} (?:is|are) (?:intended|meant|written|prepared|formatted|based|modell?ed|organi[sz]ed|divided|structured|addressed|reserved)\b"
    # an RFC's "_This section is non-normative._": how binding the section is, not the system
    rf"|{_A_DOCUMENT} (?:is|are) (?:(?:entirely|purely) )?(?:non-?normative|normative|informative|informational)\b"
    # what the document is: "The SRS is an agreement on requirements between these parties", "The
    # Software Requirements Specification (SRS) is a collection and organization of all the requirements"
    rf"|(?:{_A_DOCUMENT}|(?:[\w()’'-]+ ){{1,8}}?(?:srs|frs|prd|document|specification))(?:, [^,]{{1,40}},)? (?:is|are|will be|serves as|represents) "
    r"(?:not )?(?:an?|the|only|just|also) (?:[\w-]+ ){0,3}?"
    r"(?:agreement|collection|result|outcome|package|contract|description|record|basis|reference|guide|baseline|living|artifact|summary|"
    r"compilation|specification|document|statement|set|list|overview)\b"
    rf"|{_A_DOCUMENT} (?:may|might|will|should)(?: also)? be of (?:interest|use)\b"
    # IEEE 830's own words, left in many SRS documents: "Throughout this section, every stated
    # requirement should be externally perceivable …"
    rf"|throughout {_A_DOCUMENT}\b"
    # "This document applies to the Michigan Department of Transportation's … system": to what
    rf"|{_A_DOCUMENT} (?:only |also )?appl(?:y|ies) to\b"
    # "This document will help the testing team to prepare the Test Cases"
    rf"|{_A_DOCUMENT} (?:also |further |then |will |shall )?(?:serves?|aims?|acts?|helps?)\b"
    # "In section 2 we will describe …": the road map, its writers speaking
    r"|in (?:sub)?(?:sections?|chapters?) \d+(?:\.\d+)*,? (?:we|i)\b"
    # "It is assumed that the reader of this document is familiar with …"
    # (a "reader" alone may be a card reader)
    rf"|it is assumed that the reader\b|the reader of {_A_DOCUMENT}"
    # the document's wording: 'In most cases, the phrase “The user” can be replaced with “An
    # authorized user”.'
    r"|.*?\bthe (?:phrase|term|word|expression|wording)s? [“\"‘'][^”\"’']{1,40}[”\"’'] "
    r"(?:(?:can|may|should|will) be (?:replaced|read|understood|interpreted|substituted|taken)|(?:is|are) used (?:for|to mean|as)|"
    r"refers? to|means?|denotes?|stands? for)\b"
    # how the requirements are written down: "All attempts have been made in using mostly business
    # terminology … while describing the requirements in this document."
    r"|.*?\b(?:describ|writ|present|stat|express)ing (?:the |all |these )?requirements (?:in|of|throughout) this document\b"
    # "The information above should give the basic knowledge to the developer unfamiliar with
    # CG386.", "The information presented in the sections above should not be treated as …"
    r"|the (?:information|material|discussion|text|descriptions?|explanations?) (?:(?:given|presented|provided|shown|described|contained) )?"
    rf"(?:above|below|in (?:the )?(?:(?:sub)?sections?|chapters?) (?:above|below)|in (?:the )?(?:previous|preceding|following|next) "
    rf"(?:sub)?(?:sections?|chapters?)|in {_A_DOCUMENT})\b"
    # "This deliverable D8, entitled “…”, has the intention of summarizing the progress …"
    rf"|(?:{_A_DOCUMENT}|(?:this|the) deliverable)(?: [\w.-]*\d[\w.-]*)?(?:, [^,]{{1,80}},)? (?:has|have) the "
    r"(?:intention|aim|purpose|goal|objective) of\b"
    ")",
    re.IGNORECASE,
)
_DOCUMENT_HOLDS = re.compile(
    # ("This specification therefore defines the functional requirements, …")
    _OPENING
    + rf"{_A_DOCUMENT} (?:also |further |then |therefore |thus |hence |will |shall |does not |doesn't |will not )?(?:[a-z]+ly )?"
    r"(?:states?|describes?|specif(?:y|ies)|defines?|provides?|contains?|gives?|includes?|covers?|lists?|presents?|"
    r"discuss(?:es)?|focus(?:es)? on|concentrates? on|outlines?|summari[sz]es?|consists? of|details?|identif(?:y|ies)|"
    r"explains?|documents?|collects?|establish(?:es)?|divides?|splits?|organi[sz]es?|groups?|separates?|ha(?:s|ve))"
    # "… explains and describes all of the agreed upon requirements"
    r"(?:\s+and\s+(?:describes|specifies|defines|explains|lists|presents|details|documents))?"
    # (eight words: "This document provides the UK Fishing Vessel's Electronic Logbook Functional
    # Requirements Specification" names what it holds after a long title)
    r"\s+(?P<object>(?:[\w'’-]+\W+){0,8})",
    re.IGNORECASE,
)
_WHAT_A_DOCUMENT_HOLDS = re.compile(
    r"\b(?:requirements?|functionality|functions|features|behaviou?r|purpose|overview|details?|descriptions?|scope|"
    r"ideas|capabilities|contents?|terms|definitions|information|lists?|summary|insight|introduction|problem statement|"
    # ("This document describes the requirements specification (SRS) for …": a PDF's text layer
    # may split "requ irements", and the document's own noun still says it)
    r"audience|perspective|sections?|chapters?|parts?|references|templates?|conventions?|structure|outline|"
    r"specifications?|srs|basis)\b",
    re.IGNORECASE,
)
# "Those components are described in subsections 3.2.2 through 3.2.7.": a short sentence that
# only points elsewhere in the document.
_POINTER = re.compile(
    r"\b(?:is|are) (?:described|listed|given|specified|defined|discussed|detailed|presented|explained|shown|"
    r"provided|contained|documented|covered) "
    # "Full list of the supported formats is provided in following chapters."
    rf"(?:in|under) (?:(?:sub)?sections? \d|appendix|chapter \d|this {_DOCUMENT}|the following|"
    r"(?:the )?(?:following|later|next) (?:chapters|sections|parts|pages))",
    re.IGNORECASE,
)
_POINTER_WORDS = 15
# A template's instructions to the writer, left in the document: "Describe those general
# characteristics of the users …", "Give a list of issues that have not been solved …", "If
# the product is self-contained, it should be stated here." A writing verb leads, or an imperative
# points at the document ("here", "this section"). An imperative that states a function ("Provide
# a capability to post planned changes") is left alone.
_WRITER_VERB = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:also|then|briefly|typically|preferably|shortly),?\s+)?(?:"
    r"describe|explain|summari[sz]e|mention|insert|fill in|keep in mind|make sure|refer to|"
    r"(?:give|provide|add|include) (?:a |an )?(?:short |brief |complete |detailed )?"
    r"(?:description|list|summary|overview|explanation|reference|introduction|definition)s?)\b",
    re.IGNORECASE,
)
_IMPERATIVE = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:also|then|briefly|typically|preferably),?\s+)?"
    r"(?:define|give|provide|include|specify|state|list|identify|use|add|do not|don't|enter|replace|delete)\b",
    re.IGNORECASE,
)
_AT_THE_DOCUMENT = re.compile(
    rf"\b(?:here|this {_DOCUMENT}|the (?:frs|srs|template))\b",
    re.IGNORECASE,
)


# The template's instruction after its condition: "For each function (or feature) category, …,
# define the …", "Otherwise, if the FRS defines a product that is a component of a larger system,
# then describe …" (IEEE 830's own wording, left in real SRS documents)
_CONDITIONED_INSTRUCTION = re.compile(
    r"^\W*(?:otherwise,?\s+)?(?:if|for each|for every)\b[^.;]{0,160}?,\s*(?:then\s+)?"
    r"(?:describe|define|specify|explain|state|summari[sz]e)\s+"
    r"(?:the|a|an|each|all|any|its|their|how|what|which|whether)\b",
    re.IGNORECASE,
)
_SAID_HERE = re.compile(
    r"\b(?:should|can|must) be (?:stated|described|listed|included|mentioned) here\b", re.IGNORECASE
)


def is_template_instruction(text: str) -> bool:
    """Whether a sentence tells the document's writer what to write, as templates do."""
    if _WRITER_VERB.match(text) is not None:
        return True
    if _IMPERATIVE.match(text) is not None and _AT_THE_DOCUMENT.search(text) is not None:
        return True
    if _CONDITIONED_INSTRUCTION.match(text) is not None:
        return True
    return _SAID_HERE.search(text) is not None


# "It further contains a list of the stakeholders": a pronoun that goes on about the document.
# "Once the documents are approved by NJIT, it will also serve as a contract …": after a clause.
_CONTINUES = re.compile(
    r"^\W*(?:\w+,\s+|(?:upon|on|after|once|when|if)\b[^,.;]{1,60},\s+)?(?:it|they)\b", re.IGNORECASE
)


def about_the_document(text: str, previous_was: bool = False) -> bool:
    """Whether a sentence speaks of the document itself (its purpose, its sections), not the
    system; ``previous_was`` says the sentence before it in its section did, for "It also …"."""
    if _ABOUT_THE_DOCUMENT.match(text) is not None or is_template_instruction(text):
        return True
    if len(text.split()) <= _POINTER_WORDS and _POINTER.search(text) is not None:
        return True
    holds = _DOCUMENT_HOLDS.match(text)
    if holds is not None:
        return _WHAT_A_DOCUMENT_HOLDS.search(holds.group("object")) is not None
    # "… describes their individual" / "interaction with the system.": a PDF's line break split
    # the sentence, and its lower-case rest goes on about the document too
    return previous_was and (_CONTINUES.match(text) is not None or text[:1].islower())
