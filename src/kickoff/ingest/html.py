"""Reader for saved web pages: main text only, with the page's own title, author and date.

trafilatura does the boilerplate removal (navigation, footers, cookie banners) that a
hand-written tag filter gets wrong; a plain visible-text pass is the fallback for pages too
small for its heuristics.
"""

from __future__ import annotations

import copy
import logging
import re
from typing import Any

from kickoff.ingest.blocks import layout_text
from kickoff.ingest.decode import decode
from kickoff.ingest.types import ReadContext, ReadOutcome, UnreadableFile, document, document_title
from kickoff.model import SourceMetadata

# trafilatura logs every page it finds too short; kickoff reports what matters itself.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def read_html(data: bytes, context: ReadContext) -> ReadOutcome:
    import trafilatura

    decoded = decode(data)
    markup = decoded.text
    main = laid_out_document(markup) or trafilatura.extract(
        markup,
        output_format="markdown",
        include_formatting=True,
        include_tables=True,
        include_comments=False,
        favor_recall=True,
        deduplicate=False,
    )
    if not main or not main.strip():
        main = _visible_text(markup)
    if not main.strip():
        raise UnreadableFile("web page has no visible text")
    found = trafilatura.extract_metadata(markup)
    metadata = SourceMetadata()
    if found is not None:
        metadata = SourceMetadata(
            title=document_title(found.title),
            author=found.author or None,
            date=found.date or None,
            outlet=found.sitename or None,
            origin="the page's metadata",
            date_field="publication date",
        )
    layout = layout_text(main, markdown=True)
    return [
        document(
            context,
            layout.blocks,
            encoding=decoded.encoding,
            metadata=metadata,
            debris=layout.debris,
            warnings=(decoded.warning,) if decoded.warning else (),
        )
    ]


def _visible_text(markup: str) -> str:
    """Text of the page minus scripts, styles and hidden parts: the fallback extractor."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(markup.encode("utf-8"))
    except (ValueError, lxml.etree.ParserError):
        return ""
    for element in tree.xpath("//script|//style|//noscript|//template|//nav|//footer"):
        element.drop_tree()
    lines = (line.strip() for line in tree.text_content().splitlines())
    return "\n\n".join(line for line in lines if line)


_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_WEB_FURNITURE = "//script|//nav|//header|//footer|//aside|//form|//iframe|//article"
_DOCUMENT_BLOCKS = 40
_LAYOUT_CELL_BLOCKS = 10
_NAVIGATION_GAPS = re.compile(r"[|·•/\-–—\[\]]*")
_CONTENTS_LINK = re.compile(r"(?:\d+(?:\.\d+)*\.?|appendix [a-z0-9]{1,3}\s*[:.\-–])\s+\S.{0,80}", re.IGNORECASE)
_CAPTION = re.compile(r"(?:figure|fig\.|table)\s*\d", re.IGNORECASE)
_BLOCK_TAGS = ("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "center", "pre", "hr", "address")


def laid_out_document(markup: str) -> str | None:
    """The text of a page that is a document, as Markdown; None for a page of the web.

    trafilatura removes a web page's boilerplate, and on documents saved as HTML it lost what
    matters. Pages of the late 1990s laid out whole documents in tables: a real SRS puts every
    heading and paragraph inside one table cell, read as one table row of 6,000 words, and
    trafilatura, given the cells as blocks, dropped every heading. A Word export (PURE's DII COE
    SRS) lost the paragraphs under its headings. A page is a document when a table with a heading
    in one of its own cells lays it out, or when it has none of a web page's furniture (scripts,
    navigation, header, footer, forms) and holds a document's worth of paragraphs. Its headings,
    paragraphs and tables of data are then kept as they stand."""
    import lxml.html

    lowered = markup.lower()
    try:
        # the text is decoded already: a page's own charset declaration must not decode it again
        tree = lxml.html.document_fromstring(markup.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (ValueError, lxml.etree.ParserError):
        return None
    heading_test = " or ".join(f"self::{tag}" for tag in _HEADING_TAGS)
    # a cell that holds a heading, or a document's worth of paragraphs (PURE's Nenios SRS: the
    # whole document in one cell of the page's frame, its headings only bold), lays the page out
    layout = (
        [
            table
            for table in tree.iter("table")
            if any(
                cell.xpath(f".//*[{heading_test}]") or len(cell.xpath(".//p|.//li")) >= _LAYOUT_CELL_BLOCKS
                for cell in table.xpath("./tr/td|./tr/th|./*/tr/td|./*/tr/th")
            )
        ]
        if "<table" in lowered
        else []
    )
    static = not tree.xpath(_WEB_FURNITURE) and len(tree.xpath("//p|//li")) >= _DOCUMENT_BLOCKS
    if not layout and not static:
        return None
    for element in tree.xpath("//script|//style|//noscript|//template|//nav|//footer|//comment()"):
        element.drop_tree()
    for entry in list(tree.iter("li", "p", "td")):
        # a table of contents: entries that are only links repeat the page's headings, or name
        # parts of the document kept on other pages ("2. Usage scenario"); links set apart by
        # bars are the site's menu ("Home | Hosting | Support")
        links = entry.xpath(".//a[@href]")
        if not links or entry.getparent() is None:
            continue
        rest = "".join(entry.text_content().split())
        for link in links:
            rest = rest.replace("".join(link.text_content().split()), "", 1)
        if not rest or (len(links) >= 2 and _NAVIGATION_GAPS.fullmatch(rest)):
            entry.drop_tree()
    for link in list(tree.xpath("//a[@href]")):
        # "2. Usage scenario", "Appendix A: Glossary": a contents entry among other lines of a
        # paragraph, linking to a part of the document kept elsewhere, would read as a heading
        if _CONTENTS_LINK.fullmatch(" ".join(link.text_content().split())):
            link.drop_tree()
    for table in layout:
        for part in [table, *table.xpath("./thead|./tbody|./tfoot|./tr|./*/tr|./tr/td|./tr/th|./*/tr/td|./*/tr/th")]:
            part.tag = "div"
    bold_headings = not tree.xpath(f"//*[{heading_test}]")
    for block in list(tree.iter("p", "li")) if bold_headings else []:
        # "<li><b>SCOPE</b></li>": where a page marks no heading as one, a Word export's numbered
        # heading is a short line all in bold, outside any table
        if next(block.iterancestors("table"), None) is not None:
            continue
        bold = "".join("".join(b.text_content().split()) for b in block.xpath("./b|./strong|./*/b|./*/strong"))
        title = " ".join(block.text_content().split())
        if (
            bold
            and bold == "".join(title.split())
            and len(title.split()) <= 10
            and not title.endswith((".", ":", ","))
            and not _CAPTION.match(title)
        ):
            depth = min(6, 1 + len([a for a in block.iterancestors("ol", "ul")]))
            heading = lxml.html.Element(f"h{depth}")
            heading.text = title
            heading.tail = block.tail
            nested = [child for child in block if child.tag in ("ol", "ul")]
            block.getparent().replace(block, heading)
            for child in reversed(nested):
                heading.addnext(child)
    for heading in list(tree.iter(*_HEADING_TAGS)):
        title = " ".join(heading.text_content().split())
        replacement = lxml.html.Element("div")
        replacement.text = f"\n\n{'#' * int(heading.tag[1])} {title}\n\n" if title else "\n\n"
        replacement.tail = heading.tail
        heading.getparent().replace(heading, replacement)
    for table in [table for table in tree.iter("table") if next(table.iterancestors("table"), None) is None]:
        rows = _table_rows(table)
        replacement = lxml.html.Element("div")
        replacement.text = "\n\n" + "\n".join(rows) + "\n\n"
        replacement.tail = table.tail
        table.getparent().replace(table, replacement)
    for element in tree.iter(*_BLOCK_TAGS, "br"):
        element.tail = ("\n\n" if element.tag != "br" else "\n") + (element.tail or "")
        if element.tag != "br":
            element.text = "\n\n" + (element.text or "")
    chunks = re.split(r"\n\s*\n", tree.text_content())
    kept = []
    for chunk in chunks:
        lines = [line.strip() for line in chunk.strip().splitlines() if line.strip()]
        if not lines:
            continue
        if lines[0].startswith("#") or all(line.startswith("|") for line in lines):
            kept.append("\n".join(lines))
        else:
            kept.append(" ".join(" ".join(lines).split()))
    return "\n\n".join(kept)


def _table_rows(table: Any) -> list[str]:
    """A table of data as Markdown rows, a row per line; a table inside a cell follows its row."""
    rows: list[str] = []
    for row in table.xpath("./tr|./*/tr"):
        cells: list[str] = []
        nested: list[Any] = []
        for cell in row.xpath("./td|./th"):
            inner = [t for t in cell.iter("table") if next(t.iterancestors("table"), None) is table]
            own = copy.deepcopy(cell)
            for dropped in own.xpath(".//table"):
                dropped.drop_tree()
            cells.append(" ".join(own.text_content().split()))
            nested.extend(inner)
        links = " ".join(" ".join(a.text_content().split()) for a in row.xpath(".//a[@href]"))
        if any(cells) and "".join(links.split()) == "".join("".join(cells).split()):
            continue  # a row of links is the site's navigation ("Home | Hosting | Support")
        if any(cells):
            rows.append("| " + " | ".join(cells) + " |")
        for inner_table in nested:
            rows.extend(_table_rows(inner_table))
    return rows
