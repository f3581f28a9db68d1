"""Reader for PDF: the text layer page by page, so every quote can cite its page."""

from __future__ import annotations

import io
import logging
import re

from kickoff.ingest.blocks import CONTENTS_ENTRY, layout_text, pages_go_forward
from kickoff.ingest.pages import running_lines, without_running_lines
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
