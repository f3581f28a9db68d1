"""Shared text utilities: sentences, words, normalisation. Every stage tokenises the same way."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "no",
        "nos",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "cf",
        "fig",
        "figs",
        "approx",
        "dept",
        "est",
        "inc",
        "ltd",
        "co",
        "corp",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "gov",
        "sen",
        "rep",
        "rev",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "a.m",
        "p.m",
        "sec",
        "ch",
        "vol",
        "ed",
        "eds",
        "al",
    ]
)
# A requirement's priority tag after its full stop ("… its speed requirements. (M)") closes it,
# where the next clause's number follows ("(M) 4.3.2.5 The braking curves …") or nothing does; before, the tag
# opened the next requirement. An enumeration's "(A) The …" is followed by a word, not a number.
_SENTENCE_END = re.compile(
    r"""([.!?…]+)(["'”’)\]]*(?:\s\([A-Z][A-Za-z]{0,11}\)(?=\s+\d))?)(\s+)(?=["'“‘(\[]?[A-Z0-9À-Ý])"""
    r"""(?!\([A-Z][A-Za-z]{0,11}\)$)"""
)
_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*", re.UNICODE)
# A list item inside a run of text: PDF and Word extraction join a list's lines into one
# paragraph ("Assets are of 3 types • Rooms • Software licences"), and a requirements table's
# rows into one ("... items NFR 2 — The tools shall scale ... NFR 3 — The tools shall ...").
# A bullet glyph never stands inside a sentence, so it starts one; so does a requirement
# identifier followed by a dash or colon and a capital. Symbol and Wingdings bullets come out of
# PDFs as private-use characters (U+E000-U+F8FF), which name no character, so they count too.
# A standard's number ("ISO 9001:", "RFC 2119 -") is a reference, not an identifier of one.
_ITEM_START = re.compile(
    r"\s*[•▪◦●■□➢►✓✔☑\ue000-\uf8ff]+\s*"
    r"|\s+(?!(?:ISO|IEC|IEEE|RFC|PEP|ANSI|NIST|FIPS|ECMA|ETSI|ITU|CVE|UTF|HTTP|TLS|SSL|SHA|AES|RSA|EN|BS|DIN)\b)"
    r"(?=[A-Z]{2,8}(?:[-_.][A-Za-z]*)?[-_. ]?\d+(?:\.\d+)*\s*[—–:-]\s+[A-Z])"
)

# Function words of English; used to tell content from glue in similarity measures.
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "also",
        "has",
        "had",
        "may",
        "might",
        "must",
        "shall",
        "upon",
        "within",
        "without",
        "said",
        "says",
    ]
)


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace and apply NFC so equal text compares equal.

    ``str.split`` and the pattern ``\\s`` know the same whitespace (every code point checked),
    and splitting is about six times faster than substituting: this runs on every block and
    every document (a test holds the two ways equal)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences; abbreviations and initials do not end a sentence."""
    text = normalise_space(text)
    if _ITEM_START.search(text):
        return [sentence for item in _ITEM_START.split(text) for sentence in _split_prose(item.strip())]
    return _split_prose(text)


def _split_prose(text: str) -> list[str]:
    if not text:
        return []
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end(2)
        candidate = text[start:end]
        preceding = candidate[: match.start(1) - start].rsplit(" ", 2)
        last_word = preceding[-1].lower().rstrip(".")
        after_number = len(preceding) > 1 and preceding[-2][-1:].isdigit()
        if (
            match.group(1) == "."
            and not after_number
            and (last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()))
        ):
            continue
        sentences.append(candidate.strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def words(text: str) -> list[str]:
    """Word tokens with their case kept (hyphens, apostrophes and inner dots stay inside)."""
    return _WORD.findall(text)


def word_spans(text: str) -> Iterator[re.Match[str]]:
    return _WORD.finditer(text)


def content_words(text: str) -> list[str]:
    """Lower-cased words that carry meaning: no stopwords, no one-letter tokens."""
    # ASCII text is lowered once, not word by word (the same words: lower-casing ASCII changes no
    # character's class); outside ASCII a word's lower case can depend on the letters around it.
    lowered = _WORD.findall(text.lower()) if text.isascii() else [token.lower() for token in _WORD.findall(text)]
    return [word for word in lowered if word not in STOPWORDS and len(word) > 1]


def shingles(tokens: list[str], size: int) -> set[str]:
    """Word n-grams joined by spaces; a text shorter than ``size`` gives itself as one shingle."""
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


# A requirement's identifier: "FR-12", "REQ.3.1", "PR-2", "[NFR.2.1]". Ingest keeps a line it
# leads as an item of its own; the questions ask about a requirement once per identifier.
REQUIREMENT_IDENTIFIER = r"\[?[A-Z]{1,8}[-_.]?\d+(?:\.\d+)*\]?"

# In a document that is not a specification, a requirement needs a system as its subject:
# "Iran must respond" in a news report is not a requirement of anything we build.
SYSTEM_SUBJECT = re.compile(
    r"\b(?:the|this|each|every|all|our|a|an)\s+(?:\w+\s+){0,3}?(?:system|application|app|software|service|tool|"
    r"platform|product|api|server|client|device|module|component|interface|database|website|site|ui|backend|frontend)s?\b",
    re.IGNORECASE,
)
_SHALL = re.compile(r"\bshall\b", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:must|should|will|is required to|needs? to)\b", re.IGNORECASE)
_STORY = re.compile(r"^\s*As an? .{2,80}?,?\s+I (?:want|need|would like|can)\b", re.IGNORECASE)


def lacks_every_cue(text: str, cues: tuple[str, ...]) -> bool:
    """Whether ``text`` is ASCII and, lower-cased, holds none of ``cues``: then no case-insensitive
    pattern that needs one of them can match, and the search can be skipped. A substring search is
    a fraction of a regular expression's walk, and most sentences hold no cue. (Outside ASCII a
    case-insensitive match can differ from ``lower()``: "ſhall" matches "shall".)"""
    if not text.isascii():
        return False
    lowered = text.lower()
    return not any(cue in lowered for cue in cues)


# Each of the patterns above needs one of these in the lower-cased sentence ("as a" opens a story).
_REQUIREMENT_CUES = ("shall", "as a", "must", "should", "will", "required to", "need")


def is_requirement_sentence(text: str) -> bool:
    """'shall', a user story, or a modal whose subject is a system: requirement wording anywhere."""
    if lacks_every_cue(text, _REQUIREMENT_CUES):
        return False
    if _SHALL.search(text) or _STORY.search(text):
        return True
    modal = _MODAL.search(text)
    return modal is not None and SYSTEM_SUBJECT.search(text[: modal.start()]) is not None
