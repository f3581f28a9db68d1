"""Reader for plain text, Markdown, reStructuredText, and source code or data kept as text."""

from __future__ import annotations

from kickoff.ingest.blocks import layout_text
from kickoff.ingest.decode import decode
from kickoff.ingest.markup import markdown_layout, restructuredtext_layout
from kickoff.ingest.types import ReadContext, ReadOutcome, document


def read_text(data: bytes, context: ReadContext) -> ReadOutcome:
    decoded = decode(data)
    markdown = context.format in {"markdown", "text", "restructuredtext"}
    if context.format in {"code", "data"}:
        layout = layout_text(decoded.text, markdown=False)
        # Code and data keep their lines: joining them into prose paragraphs would garble them.
        return [
            document(
                context,
                layout.blocks,
                encoding=decoded.encoding,
                warnings=(decoded.warning,) if decoded.warning else (),
            )
        ]
    if context.format == "markdown":
        layout = markdown_layout(decoded.text)
    elif context.format == "restructuredtext":
        layout = restructuredtext_layout(decoded.text)
    else:
        layout = layout_text(decoded.text, markdown=markdown)
    return [
        document(
            context,
            layout.blocks,
            encoding=decoded.encoding,
            metadata=layout.metadata,
            debris=layout.debris,
            warnings=(decoded.warning,) if decoded.warning else (),
        )
    ]
