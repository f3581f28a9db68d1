"""Reader for PDF: the text layer page by page, so every quote can cite its page."""

from __future__ import annotations

import io
import logging

from kickoff.ingest.blocks import layout_text
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
        for number, page in enumerate(pages, start=1):
            text = page.extract_text() or ""
            if not text.strip():
                empty_pages.append(number)
                continue
            blocks.extend(layout_text(text, markdown=False, page=number, wrapped=True).blocks)
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


def _clean(value: object) -> str | None:
    text = str(value).strip() if value else ""
    return text or None


def _pdf_date(value: object) -> str | None:
    """PDF dates look like D:20240305120000Z; keep the calendar date."""
    text = str(value or "")
    if text.startswith("D:") and len(text) >= 10 and text[2:10].isdigit():
        return f"{text[2:6]}-{text[6:8]}-{text[8:10]}"
    return None
