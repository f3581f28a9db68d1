"""Reader for saved web pages: main text only, with the page's own title, author and date.

trafilatura does the boilerplate removal (navigation, footers, cookie banners) that a
hand-written tag filter gets wrong; a plain visible-text pass is the fallback for pages too
small for its heuristics.
"""

from __future__ import annotations

import logging

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
    main = trafilatura.extract(
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
