"""Reader for Word .docx: paragraphs, headings (as sections), tables and comments."""

from __future__ import annotations

import io
import zipfile

from kickoff.ingest.archive import check_package
from kickoff.ingest.blocks import table_row_text
from kickoff.ingest.types import ReadContext, ReadOutcome, UnreadableFile, document, package_metadata
from kickoff.model import Block, BlockKind


def read_docx(data: bytes, context: ReadContext) -> ReadOutcome:
    check_package(data, context, "word/document.xml", "Word document")
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
            level = 0
            if style.startswith("Heading") or style == "Title":
                section = text
                kind = "heading"
                number = style.removeprefix("Heading").strip()
                level = int(number) if number.isdigit() else 1
            elif style.startswith("List"):
                kind = "list item"
            blocks.append(Block(text, kind, None, section, level))
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
    metadata = package_metadata(core.title, core.author, core.created, core.last_modified_by, "DOCX core properties")
    return [document(context, tuple(blocks), metadata=metadata)]


def _unique_cells(cells: object) -> list[str]:
    # Merged cells repeat their text in python-docx; a row should say each thing once.
    seen: list[str] = []
    for cell in cells:  # type: ignore[attr-defined]
        if cell and cell not in seen:
            seen.append(cell)
    return seen
