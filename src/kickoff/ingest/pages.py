"""Page furniture: the running headers and footers of a document printed to pages.

A PDF's text layer and a text printed to pages (an IETF RFC, whose pages end with a form feed)
both repeat a header and a footer on every page; read as text they were quoted as evidence, glued
to headings, and cut every sentence that ran over a page. The PDF and plain-text readers share
this.
"""

from __future__ import annotations

import re
from collections import Counter

# A running header or footer stands in the first or last lines of a page and comes back on many
# pages, its page number or date changed ("Digital Home Project, SRS 1.3 Page 7"). Real SRS PDFs
# put one on every page, and read into the text it was quoted as evidence and glued to headings.
_EDGE_LINES = 4  # a header block of version, date, title and page number
_RUNNING_SHARE = 0.4
_RUNNING_MIN_PAGES = 3


def _line_key(line: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", line)).strip().lower()


def _edge_positions(lines: list[str]) -> list[int]:
    """Where the first and last few non-blank lines of a page stand."""
    filled = [position for position, line in enumerate(lines) if line.strip()]
    return filled[:_EDGE_LINES] + filled[-_EDGE_LINES:] if len(filled) > 2 * _EDGE_LINES else filled


def _edges(text: str) -> list[str]:
    lines = text.splitlines()
    return [lines[position] for position in _edge_positions(lines)]


def running_lines(page_texts: list[str]) -> frozenset[str]:
    """The keys of lines that head or foot many pages: page furniture, not the document's text."""
    pages = [text for text in page_texts if text.strip()]
    if len(pages) < _RUNNING_MIN_PAGES:
        return frozenset()
    seen: Counter[str] = Counter()
    numbers: dict[str, set[str]] = {}
    for text in pages:
        for line in {line.strip(): None for line in _edges(text)}:
            key = _line_key(line)
            if key:
                seen[key] += 1
                numbers.setdefault(key, set()).add(" ".join(re.findall(r"\d+", line)))
    needed = max(_RUNNING_MIN_PAGES, _RUNNING_SHARE * len(pages))
    # A chapter's running header ("PRODUCT FUNCTIONS 17") heads only that chapter's pages, but its
    # page number differs on each: a line at the edge of three pages or more, a new number each
    # time, is furniture too.
    return frozenset(
        key
        for key, count in seen.items()
        if count >= needed or (count >= _RUNNING_MIN_PAGES and "#" in key and len(numbers[key]) == count)
    )


# A book-style running header heads one page of a section: its number and title in capitals,
# then the page number ("1.4. OVERVIEW 9"), or the page number first ("14 CHAPTER 2. OVERVIEW");
# "3 SPECIFIC REQUIREMENTS" at a page's top is a heading.
# Seen once, it cannot be told by repetition; its form tells it.
_BOOK_HEADER = re.compile(
    r"(?:\d+(?:\.\d+)*\.?\s+)?[A-Z][A-Z &/,'-]{2,}\s+\d{1,4}|\d{1,4}\s+CHAPTER\s+\d+\.?\s+[A-Z][A-Z &/,'-]{2,}"
)


# A line that is only a page number ("Page 3 of 11", "- 4 -", "7/12") is furniture wherever it stands.
_PAGE_NUMBER = re.compile(
    r"(?:page\s+)?\d{1,4}\s*(?:of|/)\s*\d{1,4}|page\s+\d{1,4}|[-–]\s*\d{1,4}\s*[-–]", re.IGNORECASE
)


def without_running_lines(text: str, furniture: frozenset[str]) -> str:
    """``text`` without the running lines at its top and bottom; a like line mid-page stays."""
    lines = text.splitlines()
    filled = [position for position, line in enumerate(lines) if line.strip()]
    dropped = {filled[0]} if filled and _BOOK_HEADER.fullmatch(lines[filled[0]].strip()) else set()
    dropped |= {position for position in filled if _PAGE_NUMBER.fullmatch(lines[position].strip())}
    if not furniture and not dropped:
        return text
    dropped |= {position for position in _edge_positions(lines) if _line_key(lines[position]) in furniture}
    return "\n".join(line for position, line in enumerate(lines) if position not in dropped)
