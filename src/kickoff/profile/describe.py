"""Title, byline and outlet: the format's own metadata first, then what the text shows."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from kickoff.ingest.types import document_title
from kickoff.model import Block, SourceDocument

_OUTLET_WORDS = re.compile(
    r"\b(?:Press|News|Times|Post|Reuters|Agency|Journal|Herald|Tribune|Guardian|Telegraph|"
    r"Gazette|Daily|Mail|BBC|CNN|AFP|Bloomberg|Associated Press|Wire|Chronicle|Observer|Audio|Radio|TV|Nation)\b"
)
_BY_LINE = re.compile(r"^\s*By\s+([A-Z][\w.'’-]+(?:\s+(?:and\s+)?[A-Z][\w.'’-]+){0,5})", re.MULTILINE)
_CREDIT = re.compile(
    r"^([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)+(?:\s+and\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)+)*),\s+(.{3,60})$"
)
_DATEISH = re.compile(r"^[\W\d_]*(?:date|\d{4}-\d{2}-\d{2})", re.IGNORECASE)
# A PDF page's running footer read first ("Page i of 10"): furniture, not a title.
_PAGE_MARK = re.compile(r"^page\s+[\divxlc]+(?:\s+of\s+\d+)?$", re.IGNORECASE)


def find_title(source: SourceDocument) -> str | None:
    if source.metadata.title:
        title = source.metadata.title.strip()
        return _title_from_name(source.path) if _SECTION_WORD.fullmatch(title) else title
    for position, block in enumerate(source.blocks[:5]):
        if block.kind == "metadata" or (position == 0 and _MEMO_HEADER.search(block.text)):
            continue
        if block.kind == "heading" and _SECTION_WORD.fullmatch(block.text.strip()):
            return _title_from_name(source.path)  # a Rust RFC opens with "# Summary": not its title
        if block.kind == "heading":
            return block.text
        if _looks_like_title(block):
            return block.text
        break
    return None


# An IETF RFC or Internet-Draft opens with its header: the stream and the document's number on the
# left, the authors and their organisations on the right ("Network Working Group   R. Fielding",
# "Request for Comments: 2616   UC Irvine"); its title is the line below it.
_MEMO_HEADER = re.compile(
    r"\b(?:Request for Comments|Internet-Draft|Network Working Group|Internet Engineering Task Force)\b"
)
# "R. Fielding", "T. Berners-Lee", "A. Melnikov, Ed.": an author as a memo's header gives one
_MEMO_AUTHOR = re.compile(r"(?<![\w.])(?:[A-Z]\.[ -]?){1,3} ?[A-Z][A-Za-z]+(?:[-'][A-Z][A-Za-z]+)?(?:, Ed\.)?")


# A first heading that names a section every document has, not the document.
_SECTION_WORD = re.compile(
    r"(?:\d+\.?\s*)?(?:summary|abstract|introduction|overview|motivation|background|contents|table of contents|preface)",
    re.IGNORECASE,
)


def _title_from_name(path: str) -> str | None:
    """'text/0560-integer-overflow.md' -> 'integer overflow': the file name is the best title left."""
    stem = PurePosixPath(path).stem
    words = re.sub(r"^[\d_. -]+", "", stem).replace("-", " ").replace("_", " ").strip()
    return words or None


def _looks_like_title(block: Block) -> bool:
    text = block.text.strip()
    words = text.split()
    return (
        0 < len(words) <= 16
        and not text.endswith((".", "!", "?", ":", ";", ","))
        and not _DATEISH.match(text)
        and not _PAGE_MARK.match(text)
        and document_title(text) is not None  # a lone letter, "[pic]", a file name: no title either
        and sum(ch.isalpha() for ch in text) > len(text) / 2
    )


def find_byline(source: SourceDocument) -> tuple[str | None, str | None]:
    """(byline, outlet): 'By NAME' at the top, or a closing credit line 'NAMES, OUTLET'."""
    byline = source.metadata.author
    outlet = source.metadata.outlet
    if byline is None and source.blocks and _MEMO_HEADER.search(source.blocks[0].text):
        authors = _MEMO_AUTHOR.findall(source.blocks[0].text)
        if authors:
            return ", ".join(dict.fromkeys(authors)), outlet or "IETF"
    if byline is None:
        match = _BY_LINE.search("\n".join(b.text for b in source.blocks[:4]))
        if match:
            byline = match.group(1)
    for block in reversed(source.blocks[-4:]):
        credit = _CREDIT.match(block.text.strip())
        if credit and _OUTLET_WORDS.search(credit.group(2)):
            byline = byline or credit.group(1)
            outlet = outlet or credit.group(2).removeprefix("The ").strip()
            break
    return byline, outlet or _page_outlet(source)


# Where a page says whose it is. A wire agency is the outlet only in a dateline ("BANGKOK (AFP) –",
# "Jan. 27 (UPI) --", "CHICAGO (News Nation/AP) —"): a page that writes "according to AFP" or
# "told Reuters" quotes the agency, it is not by it.
_DATELINE = re.compile(r"\(([A-Z][\w&./' -]{1,40}?)\)\s*(?:[–—-]{1,2}\s|•\s|:\s|$)", re.MULTILINE)
_AGENCY_LIKE = re.compile(r"^[A-Z]{2,6}$|/")
_MASTHEAD = re.compile(
    r"^\W{0,3}((?:The\s+)?[A-Z][\w&.']+(?:\s+[A-Z][\w&.']+){0,4})\s+[-–—|]\s+"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
# "Headline | Sunday Observer": a page title that ends with the site's name.
_TITLE_SUFFIX = re.compile(r"\s\|\s+((?:The\s+)?[A-Z][\w&.']+(?:\s+[A-Z][\w&.']+){0,4})\s*$")
_COPYRIGHT_LINE = re.compile(
    r"Copyright\s*(?:©\s*)?(?:\d{4}\s*[-–]?\s*)+,?\s*((?:The\s+)?[A-Z][\w&.']+(?:\s+[A-Z][\w&.']+){0,4})\.?\s+All rights reserved",
    re.IGNORECASE,
)
# The page's first blocks hold its dateline or masthead.
_HEADER_BLOCKS = 4


def _page_outlet(source: SourceDocument) -> str | None:
    header = [block.text for block in source.blocks[:_HEADER_BLOCKS]]
    for text in header:
        for pattern in (_MASTHEAD, _TITLE_SUFFIX):
            match = pattern.search(text.strip())
            if match and _OUTLET_WORDS.search(match.group(1)):
                return match.group(1).strip()
        for dateline in _DATELINE.finditer(text[:300]):
            name = dateline.group(1).strip()
            if _AGENCY_LIKE.search(name) or _OUTLET_WORDS.search(name):
                return name  # "(Turkey) (AFP)": the place is no outlet, the agency is
    closing = " ".join(block.text for block in source.blocks[-3:])
    copyright_line = _COPYRIGHT_LINE.search(closing)
    if copyright_line:
        return copyright_line.group(1).removeprefix("The ").strip().rstrip(".")
    return None
