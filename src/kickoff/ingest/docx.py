"""Reader for Word .docx: paragraphs, headings (as sections), tables and comments."""

from __future__ import annotations

import io
import re
import zipfile

from kickoff.ingest.archive import check_member_sizes
from kickoff.ingest.blocks import table_row_text
from kickoff.ingest.types import ReadContext, ReadOutcome, UnreadableFile, document
from kickoff.model import Block, BlockKind, SourceMetadata

_ENTITY_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def read_docx(data: bytes, context: ReadContext) -> ReadOutcome:
    _refuse_hostile_package(data, context)
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        word = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, NotImplementedError) as error:
        raise UnreadableFile(f"not a readable Word document ({type(error).__name__}: {error})") from error
    except Exception as error:  # lxml raises many XML error types; all mean a broken part.
        raise UnreadableFile(f"damaged Word document ({type(error).__name__}: {error})") from error
    blocks: list[Block] = []
    section: str | None = None
    body = word.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, word)
            text = paragraph.text.strip()
            if not text:
                continue
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            kind: BlockKind = "paragraph"
            if style.startswith("Heading") or style == "Title":
                section = text
                kind = "heading"
            elif style.startswith("List"):
                kind = "list item"
            blocks.append(Block(text, kind, None, section))
        elif tag == "tbl":
            table = Table(child, word)
            for row in table.rows:
                cells = _unique_cells(cell.text.strip() for cell in row.cells)
                if cells:
                    blocks.append(Block(table_row_text(cells), "table row", None, section))
    for comment in getattr(word, "comments", ()) or ():
        text = comment.text.strip() if hasattr(comment, "text") else ""
        if text:
            author = getattr(comment, "author", "") or "unknown"
            blocks.append(Block(f"Comment by {author}: {text}", "comment", None, "Comments"))
    if not blocks:
        raise UnreadableFile("Word document has no text")
    core = word.core_properties
    metadata = SourceMetadata(
        title=core.title or None,
        author=core.author or None,
        date=core.created.date().isoformat() if core.created else None,
    )
    return [document(context, tuple(blocks), metadata=metadata)]


def _unique_cells(cells: object) -> list[str]:
    # Merged cells repeat their text in python-docx; a row should say each thing once.
    seen: list[str] = []
    for cell in cells:  # type: ignore[attr-defined]
        if cell and cell not in seen:
            seen.append(cell)
    return seen


def _refuse_hostile_package(data: bytes, context: ReadContext) -> None:
    """Check the zip container before any XML parser sees it: bombs and junk stop here."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, NotImplementedError) as error:
        raise UnreadableFile(f"not a Word document: broken zip container ({error})") from error
    with archive:
        names = set(archive.namelist())
        if "word/document.xml" not in names:
            raise UnreadableFile("not a Word document: the zip has no word/document.xml")
        check_member_sizes(archive.infolist(), context.limits)
        for info in archive.infolist():
            if info.filename.endswith(".xml") or info.filename.endswith(".rels"):
                with archive.open(info) as member:
                    head = member.read(65536)
                if _ENTITY_DECLARATION.search(head):
                    raise UnreadableFile(
                        f"Word document declares XML entities in {info.filename}: refused (entity-expansion bomb)"
                    )
