"""Reader for plain text, Markdown, reStructuredText, and source code or data kept as text."""

from __future__ import annotations

import re

from kickoff.ingest.blocks import indent_of, layout_text
from kickoff.ingest.decode import decode
from kickoff.ingest.markup import markdown_layout, restructuredtext_layout
from kickoff.ingest.pages import running_lines, without_running_lines
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
        layout = layout_text(with_outdented_headings(without_page_furniture(decoded.text)), markdown=markdown)
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


# A text printed to pages, as IETF RFCs and many text exports are: a form feed ends each page, and
# each has a running footer ("Fette & Melnikov   Standards Track   [Page 4]") and header ("RFC
# 6455   The WebSocket Protocol   December 2011"). Read as text they were paragraphs of their
# own, and they cut every sentence that ran over a page in two.
_PAGED_FROM = 3  # form feeds
_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")


def without_page_furniture(text: str) -> str:
    """``text`` without the running headers and footers of its pages, and a paragraph that runs
    over a page joined again; a text not printed to pages comes back as it was."""
    if text.count("\f") < _PAGED_FROM:
        return text
    pages = text.split("\f")
    furniture = running_lines(pages)
    if not furniture:
        return text
    joined = ""
    for page in pages:
        body = _BLANK_LINES.sub("", without_running_lines(page, furniture)).rstrip()
        if not body:
            continue
        if joined:
            # a page whose last line ends no sentence goes on in the next page's first line, where
            # that line is indented as far (a title at the margin starts a section)
            last = joined.rsplit("\n", 1)[-1]
            first = body.split("\n", 1)[0]
            goes_on = not last.endswith((".", ":", "!", "?")) and indent_of(first) >= indent_of(last) > 0
            joined += "\n" if goes_on else "\n\n"
        joined += body
    return joined + "\n"


# A text whose body is indented, as an IETF RFC's is (three spaces), heads its sections with lines
# at the margin: "Abstract", "Status of This Memo", "Appendix A.  Acknowledgements". Numbered ones
# ("1.  Introduction") were read as headings already; the others were read as paragraphs.
_INDENTED_SHARE = 0.6
_MARGIN_TITLE = re.compile(r"[A-Z][^\s.,;:!?]*(?: [^\s]+){0,9}")


def with_outdented_headings(text: str) -> str:
    """``text`` with each title at the margin of an indented body marked as a Markdown heading;
    a text whose body is not indented comes back as it was."""
    lines = text.split("\n")
    filled = [line for line in lines if line.strip()]
    if not filled or sum(line[:1] in " \t" for line in filled) < _INDENTED_SHARE * len(filled):
        return text
    marked = list(lines)
    for number, line in enumerate(lines):
        if not line[:1].isupper() or "   " in line.rstrip() or line.rstrip().endswith((".", ",", ";", ":")):
            continue
        following = next((later for later in lines[number + 1 :] if later.strip()), "")
        before = lines[number - 1] if number else ""
        if _MARGIN_TITLE.fullmatch(line.rstrip()) and following[:1] in " \t" and not before.strip():
            marked[number] = "# " + line.rstrip()
    return "\n".join(marked)
