"""Readers for spreadsheets, slide decks and OpenDocument files, each through its kept library.

An XLSX or PPTX is a zip of XML parts, but a user who sends one sends a table or a deck, not an
archive: its rows and slides become one document, never 45 documents of internal XML. The
container is checked for bombs and entity declarations first (``check_package``).

- XLSX: openpyxl, read-only and with cached values (formulas are not evaluated). A sheet is a
  section; each non-empty row is a table row.
- PPTX: python-pptx. A slide is a section (its title, or "Slide N") and a page; text frames give
  paragraphs, tables give rows, speaker notes become comments.
- ODT, ODS, ODP: odfpy. Headings, paragraphs, list items and table rows in document order.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import Any

from kickoff.ingest.archive import check_package
from kickoff.ingest.blocks import table_row_text
from kickoff.ingest.types import ReadContext, ReadOutcome, UnreadableFile, document, package_metadata
from kickoff.model import Block, BlockKind

# A spreadsheet row beyond this many is not read; the cut is reported. Far above any brief's
# requirement table, far below what would fill memory with a data dump.
MAX_SPREADSHEET_ROWS = 100_000


def read_xlsx(data: bytes, context: ReadContext) -> ReadOutcome:
    check_package(data, context, "xl/workbook.xml", "spreadsheet (XLSX)")
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises KeyError, ValueError, lxml errors … for broken parts
        raise UnreadableFile(f"damaged spreadsheet ({type(error).__name__}: {error})") from error
    blocks: list[Block] = []
    warnings: list[str] = []
    rows_read = 0
    try:
        for sheet in workbook.worksheets:
            blocks.append(Block(f"Sheet: {sheet.title}", "heading", None, sheet.title))
            for row in sheet.iter_rows(values_only=True):
                if rows_read >= MAX_SPREADSHEET_ROWS:
                    warnings.append(f"spreadsheet has more than {MAX_SPREADSHEET_ROWS} rows: the rest was not read")
                    break
                cells = [_cell_text(value) for value in row]
                if any(cells):
                    rows_read += 1
                    blocks.append(Block(table_row_text(cells), "table row", None, sheet.title))
            if warnings:
                break
        properties = workbook.properties
        metadata = package_metadata(properties.title, properties.creator, properties.created, None, "XLSX properties")
    finally:
        workbook.close()
    if rows_read == 0:
        raise UnreadableFile("spreadsheet has no cells with text")
    return [document(context, tuple(blocks), metadata=metadata, warnings=tuple(warnings))]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def read_pptx(data: bytes, context: ReadContext) -> ReadOutcome:
    check_package(data, context, "ppt/presentation.xml", "slide deck (PPTX)")
    import pptx

    try:
        deck = pptx.Presentation(io.BytesIO(data))
    except Exception as error:  # python-pptx raises KeyError, ValueError, lxml errors … for broken parts
        raise UnreadableFile(f"damaged slide deck ({type(error).__name__}: {error})") from error
    blocks: list[Block] = []
    for number, slide in enumerate(deck.slides, start=1):
        title_shape = slide.shapes.title
        title = " ".join(title_shape.text_frame.text.split()) if title_shape is not None else ""
        title_id = title_shape.shape_id if title_shape is not None else None
        section = title or f"Slide {number}"
        blocks.append(Block(section, "heading", number, section))
        for shape in _shapes(slide.shapes):
            if getattr(shape, "shape_id", None) == title_id:  # shapes are fresh proxies: compare ids
                continue
            if getattr(shape, "has_table", False):
                for row in shape.table.rows:
                    cells = [" ".join(cell.text.split()) for cell in row.cells]
                    if any(cells):
                        blocks.append(Block(table_row_text(cells), "table row", number, section))
            elif getattr(shape, "has_text_frame", False):
                for paragraph in shape.text_frame.paragraphs:
                    text = " ".join("".join(run.text for run in paragraph.runs).split())
                    if text:
                        kind: BlockKind = "list item" if paragraph.level > 0 else "paragraph"
                        blocks.append(Block(text, kind, number, section))
        if slide.has_notes_slide:
            notes = " ".join(slide.notes_slide.notes_text_frame.text.split())
            if notes:
                blocks.append(Block(f"Speaker notes: {notes}", "comment", number, section))
    if not any(block.kind != "heading" or not block.text.startswith("Slide ") for block in blocks):
        raise UnreadableFile("slide deck has no text")
    core = deck.core_properties
    metadata = package_metadata(core.title, core.author, core.created, core.last_modified_by, "PPTX core properties")
    return [document(context, tuple(blocks), metadata=metadata)]


def _shapes(shapes: Iterable[Any]) -> Iterator[Any]:  # python-pptx is untyped
    """Every shape, with the shapes inside groups, in the deck's order."""
    for shape in shapes:
        if hasattr(shape, "shapes"):  # a group shape
            yield from _shapes(shape.shapes)
        else:
            yield shape


def read_odf(data: bytes, context: ReadContext) -> ReadOutcome:
    check_package(data, context, "content.xml", "OpenDocument file")
    from odf import opendocument, teletype
    from odf.namespaces import TABLENS, TEXTNS

    try:
        odf_document = opendocument.load(io.BytesIO(data))
    except Exception as error:  # odfpy raises xml.sax and KeyError errors for broken parts
        raise UnreadableFile(f"damaged OpenDocument file ({type(error).__name__}: {error})") from error
    blocks: list[Block] = []
    section: str | None = None
    for element in _odf_blocks(odf_document.body, TEXTNS, TABLENS):
        qname = element.qname
        if qname == (TABLENS, "table-row"):
            cells = [" ".join(teletype.extractText(cell).split()) for cell in element.childNodes]
            if any(cells):
                blocks.append(Block(table_row_text(cells), "table row", None, section))
            continue
        text = " ".join(teletype.extractText(element).split())
        if not text:
            continue
        if qname == (TEXTNS, "h"):
            section = text
            blocks.append(Block(text, "heading", None, section))
        else:
            in_list = element.parentNode is not None and element.parentNode.qname == (TEXTNS, "list-item")
            blocks.append(Block(text, "list item" if in_list else "paragraph", None, section))
    if not blocks:
        raise UnreadableFile("OpenDocument file has no text")
    meta = {child.qname[1]: teletype.extractText(child) for child in odf_document.meta.childNodes}
    metadata = package_metadata(
        meta.get("title"), meta.get("initial-creator") or meta.get("creator"), None, None, "OpenDocument meta"
    )
    return [document(context, tuple(blocks), metadata=metadata)]


def _odf_blocks(node: Any, textns: str, tablens: str) -> Iterator[Any]:  # odfpy is untyped
    """Headings, paragraphs and table rows in document order; a paragraph inside a table cell is
    part of its row, not a block of its own."""
    for child in getattr(node, "childNodes", ()):
        qname = getattr(child, "qname", None)
        if qname in ((textns, "h"), (textns, "p")) or qname == (tablens, "table-row"):
            yield child
        else:
            yield from _odf_blocks(child, textns, tablens)
