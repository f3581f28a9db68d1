"""Reader for PDF: the text layer page by page, so every quote can cite its page."""

from __future__ import annotations

import io
import logging
import re
from collections import Counter

from kickoff.ingest.blocks import CONTENTS_ENTRY, layout_text, pages_go_forward
from kickoff.ingest.types import (
    ReadContext,
    ReadOutcome,
    UnreadableFile,
    document,
    document_author,
    document_title,
)
from kickoff.model import Block, SourceMetadata

# pypdf warns on every slightly malformed object; a per-file summary is what users need.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def read_pdf(data: bytes, context: ReadContext) -> ReadOutcome:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            # Many PDFs are "encrypted" with an empty user password only to restrict printing.
            try:
                if not reader.decrypt(""):
                    raise UnreadableFile("encrypted PDF: a password is needed to read it")
            except NotImplementedError as error:
                raise UnreadableFile(f"encrypted PDF with unsupported encryption: {error}") from error
        pages = reader.pages
        page_count = len(pages)
        blocks: list[Block] = []
        empty_pages: list[int] = []
        texts = [without_control_characters(page.extract_text() or "") for page in pages]
        furniture = running_lines(texts)
        for number, text in enumerate(texts, start=1):
            if not text.strip():
                empty_pages.append(number)
                continue
            text = without_contents(without_running_lines(text, furniture))
            section = blocks[-1].section if blocks else None
            blocks.extend(layout_text(text, markdown=False, page=number, wrapped=True, section=section).blocks)
        info = reader.metadata
    except UnreadableFile:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError) as error:
        raise UnreadableFile(f"damaged PDF ({type(error).__name__}: {error})") from error
    if not blocks:
        raise UnreadableFile(f"PDF has no text layer on any of its {page_count} page(s): a scan, OCR needed")
    warnings: tuple[str, ...] = ()
    if empty_pages:
        listed = ", ".join(str(n) for n in empty_pages[:10])
        warnings = (f"no text layer on page(s) {listed} of {page_count} (scanned?)",)
    metadata = SourceMetadata(
        title=document_title(_clean(info.title)) if info else None,
        author=document_author(_clean(info.author)) if info else None,
        date=_pdf_date(info.get("/CreationDate")) if info else None,
        origin="PDF document information",
        date_field="CreationDate (when the PDF file was made, not necessarily when the text was written)",
    )
    return [document(context, tuple(blocks), metadata=metadata, warnings=warnings)]


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


# A table of contents whose dot leaders the text layer lost: "1.1 Purpose 5", "Introduction 5".
# Unnumbered entries are told by the page: where such lines are most of it they are the contents,
# and read as headings they opened empty sections named "Scope 5" ahead of the real ones.
_CONTENTS_SHARE = 0.6
_CONTENTS_MIN_LINES = 5


def without_contents(text: str) -> str:
    """``text`` without its contents entries, where they are most of the page."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    entries = [entry for entry in map(CONTENTS_ENTRY.fullmatch, lines) if entry]
    if len(entries) < _CONTENTS_MIN_LINES or len(entries) < _CONTENTS_SHARE * len(lines):
        return text
    if not pages_go_forward([int(entry.group(1)) for entry in entries]):
        return text
    return "\n".join(line for line in text.splitlines() if not CONTENTS_ENTRY.fullmatch(line.strip()))


# A symbol font's glyphs come out of some text layers as control characters: "\x02 [1] Specific
# Agreement" is a bullet, "\x01 (32) 2 229" a telephone sign. Standing alone it is a bullet; inside a
# word it is nothing. None of them may reach a report.
_STANDALONE_CONTROL = re.compile(r"(?:(?<=\s)|^)[\x00-\x08\x0b\x0c\x0e-\x1f\x7f](?=\s)", re.MULTILINE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_control_characters(text: str) -> str:
    return _CONTROL.sub("", _STANDALONE_CONTROL.sub("•", text))


def _clean(value: object) -> str | None:
    text = str(value).strip() if value else ""
    return text or None


def _pdf_date(value: object) -> str | None:
    """PDF dates look like D:20240305120000Z; keep the calendar date."""
    text = str(value or "")
    if text.startswith("D:") and len(text) >= 10 and text[2:10].isdigit():
        return f"{text[2:6]}-{text[6:8]}-{text[8:10]}"
    return None
