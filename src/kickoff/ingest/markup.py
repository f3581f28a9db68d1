"""Markdown and reStructuredText read by their parsers, so that no markup reaches a sentence.

Real specifications are written in these formats with everything they allow: KEPs carry HTML
comments holding template instructions, tables of contents, checklists and tables; PEPs carry
RFC 822 headers, roles (``:pep:`8```), literals, hyperlink references, directives and grid
tables; Rust RFCs carry link reference definitions. Regular expressions over lines leaked about a
third of those sentences with markup in them. A parser knows what each construct is:

- Markdown: markdown-it-py (CommonMark, with GFM tables). Headings open sections; paragraphs and
  list items become blocks with their inline markup reduced to its text (code spans keep their
  words, links keep their text, HTML tags and comments go); table rows become rows; code blocks,
  HTML comments and table-of-contents lists (items that are only a link to an anchor) are left
  out; front matter becomes metadata.
- reStructuredText: docutils. Roles and directives it does not know (Sphinx's, the PEP tooling's)
  are registered on the fly so their text survives instead of becoming error nodes; literal blocks,
  comments, targets, substitution definitions and the ``contents`` topic are left out.

Inside each paragraph the plain-text rules of ``blocks.layout_text`` still apply, so a line led
by a requirement ID stays a statement of its own and scraping debris is still set aside.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

from docutils.parsers.rst import Directive

from kickoff.ingest.blocks import TextLayout, layout_text, table_row_text
from kickoff.model import Block, BlockKind, SourceMetadata

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
_FRONT_FIELD = re.compile(r"^(title|author|authors|date|owner|owners)\s*:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)
_TASK_BOX = re.compile(r"^\[[ xX]\]\s+")
# An RFC 822 header at the top of a PEP ("PEP: 8", "Title: …", continuation lines indented).
_MAIL_HEADER_LINE = re.compile(r"^[A-Z][A-Za-z-]+:(?:\s|$)")


class _Collector:
    """Blocks in document order, with the section each one falls under."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.debris: list[str] = []
        self.section: str | None = None

    def heading(self, text: str, level: int = 0) -> None:
        text = " ".join(text.split())
        if text:
            self.section = text
            self.blocks.append(Block(text, "heading", None, text, level))

    def prose(self, text: str, kind: BlockKind = "paragraph") -> None:
        """A paragraph's text, lines kept, through the plain-text rules (IDs, debris)."""
        if not text.strip():
            return
        layout = layout_text(text, markdown=False, metadata=False)
        self.debris.extend(layout.debris)
        for block in layout.blocks:
            block_kind = kind if block.kind == "paragraph" else block.kind
            if block.kind == "heading":  # "3.2 Performance" alone in a paragraph
                self.section = block.text
            self.blocks.append(
                Block(block.text, block_kind, None, self.section if block.kind != "heading" else block.text)
            )

    def row(self, cells: list[str]) -> None:
        cells = [" ".join(cell.split()) for cell in cells]
        if any(cells):
            self.blocks.append(Block(table_row_text(cells), "table row", None, self.section))

    def layout(self, metadata: SourceMetadata) -> TextLayout:
        return TextLayout(tuple(self.blocks), metadata, tuple(self.debris))


# --- Markdown -------------------------------------------------------------------------------


def markdown_layout(text: str) -> TextLayout:
    from markdown_it import MarkdownIt

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    metadata, text = _front_matter(text)
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    tokens = parser.parse(text)
    collector = _Collector()
    _markdown_blocks(tokens, collector)
    if metadata.title is None:
        first = next((b.text for b in collector.blocks if b.kind == "heading"), None)
        metadata = dataclasses.replace(metadata, title=first)
    return collector.layout(metadata)


def _front_matter(text: str) -> tuple[SourceMetadata, str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return SourceMetadata(), text
    fields = {key.lower(): value.strip("'\" ") for key, value in _FRONT_FIELD.findall(match.group(1))}
    metadata = SourceMetadata(
        title=fields.get("title"),
        author=fields.get("author") or fields.get("authors") or fields.get("owner") or fields.get("owners"),
        date=fields.get("date"),
        origin="front matter",
        date_field="date",
    )
    return metadata, text[match.end() :]


def _markdown_blocks(tokens: list[Any], collector: _Collector) -> None:
    list_depth = 0
    row: list[str] | None = None
    skip_until: int | None = None
    for index, token in enumerate(tokens):
        if skip_until is not None:
            if index < skip_until:
                continue
            skip_until = None
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif kind == "heading_open":
            collector.heading(_inline_text(tokens[index + 1]), int(token.tag[1:]))
            skip_until = index + 3
        elif kind == "list_item_open" and _is_toc_item(tokens, index):
            skip_until = _closing(tokens, index)
        elif kind == "tr_open":
            row = []
        elif kind in ("th_open", "td_open") and row is not None:
            row.append(_inline_text(tokens[index + 1]))
        elif kind == "tr_close" and row is not None:
            collector.row(row)
            row = None
        elif kind == "inline" and row is None:
            text = _inline_text(token, lines=True)
            if _TASK_BOX.match(text):
                # a checklist's box is the status of a process step ("[ ] (R) Test plan is in
                # place"), not a statement about the system: kept as a comment
                collector.prose(_TASK_BOX.sub("", text), "comment")
            else:
                collector.prose(text, "list item" if list_depth else "paragraph")
        elif kind == "html_block":
            _html_block(token.content, collector)
        # fence, code_block, hr: not prose; left out


def _closing(tokens: list[Any], index: int) -> int:
    """The index just after the token that closes the one at ``index``."""
    depth = 0
    for position in range(index, len(tokens)):
        depth += tokens[position].nesting
        if depth == 0:
            return position + 1
    return len(tokens)


def _is_toc_item(tokens: list[Any], index: int) -> bool:
    """A list item that is only a link to an anchor on the page: a table-of-contents line."""
    end = _closing(tokens, index)
    inlines = [t for t in tokens[index:end] if t.type == "inline"]
    if len(inlines) != 1:
        return all(_is_anchor_link(t) for t in inlines) and bool(inlines)
    return _is_anchor_link(inlines[0])


def _is_anchor_link(inline: Any) -> bool:
    children = [c for c in inline.children or [] if not (c.type == "text" and not c.content.strip())]
    return (
        len(children) >= 3
        and children[0].type == "link_open"
        and str(children[0].attrs.get("href", "")).startswith("#")
        and children[-1].type == "link_close"
    )


def _inline_text(token: Any, lines: bool = False) -> str:
    """The words of inline markup: code spans keep their words, links their text, tags go."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n" if lines else " ")
        elif child.type == "html_inline" and re.match(r"<br\s*/?>", child.content, re.IGNORECASE):
            parts.append(" ")
        # images, link markers, emphasis markers, HTML tags and comments: no words of their own
    return "".join(parts)


def _html_block(markup: str, collector: _Collector) -> None:
    """HTML inside Markdown: comments go; tables become rows; other elements their text."""
    stripped = markup.strip()
    if stripped.startswith("<!--"):
        return
    import lxml.html

    try:
        fragment = lxml.html.fragment_fromstring(stripped, create_parent="div")
    except Exception:  # lxml raises several parser errors for broken HTML; then it has no text to give
        return
    for comment in fragment.xpath("//comment()|//script|//style"):
        comment.drop_tree()
    rows = fragment.xpath("//tr")
    for row in rows:
        collector.row([cell.text_content() for cell in row.xpath("./th|./td")])
    for table in fragment.xpath("//table"):
        table.drop_tree()
    text = fragment.text_content()
    if text.strip():
        collector.prose("\n".join(line.strip() for line in text.splitlines()))


# --- reStructuredText -----------------------------------------------------------------------


def restructuredtext_layout(text: str) -> TextLayout:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    header, body = _mail_header(text)
    collector = _Collector()
    for name, value in header:
        collector.blocks.append(Block(f"{name}: {value}", "metadata", None, None))
    document = _parse_rst(body)
    _rst_blocks(document, collector)
    fields = {name.lower(): value for name, value in header}
    title = fields.get("title") or next((b.text for b in collector.blocks if b.kind == "heading"), None)
    metadata = SourceMetadata(
        title=title,
        author=fields.get("author"),
        date=fields.get("created") or fields.get("date"),
        origin="document header" if header else None,
        date_field="Created" if fields.get("created") else "Date",
    )
    return collector.layout(metadata)


def _mail_header(text: str) -> tuple[list[tuple[str, str]], str]:
    """A PEP's RFC 822 header ("PEP: 8", "Title: …") before the first blank line."""
    lines = text.split("\n")
    if not lines or not _MAIL_HEADER_LINE.match(lines[0]):
        return [], text
    fields: list[tuple[str, str]] = []
    for number, line in enumerate(lines):
        if not line.strip():
            return fields, "\n".join(lines[number + 1 :])
        if line[0] in " \t" and fields:
            name, value = fields[-1]
            fields[-1] = (name, f"{value} {line.strip()}")
        elif _MAIL_HEADER_LINE.match(line):
            name, _, value = line.partition(":")
            fields.append((name, value.strip()))
        else:
            return [], text  # not a header after all
    return fields, ""


_ROLE = re.compile(r":([A-Za-z][\w:.+-]*):`")
_DIRECTIVE = re.compile(r"^\s*\.\.\s+([A-Za-z][\w:.+-]*)::", re.MULTILINE)
# Directives whose body is code or a file to include: never prose.
_CODE_DIRECTIVES = frozenset(
    {
        "code",
        "code-block",
        "sourcecode",
        "literalinclude",
        "highlight",
        "productionlist",
        "doctest",
        "testcode",
        "testoutput",
        "math",
        "graphviz",
        "raw",
        "include",
        "autoclass",
        "autofunction",
        "automodule",
        "toctree",
    }
)


def _parse_rst(text: str) -> Any:
    from docutils import frontend, nodes, utils
    from docutils.parsers.rst import Parser, directives, roles

    for role in set(_ROLE.findall(text)):
        if not _known_role(role):
            roles.register_generic_role(role, nodes.literal)
    for name in set(_DIRECTIVE.findall(text)):
        if name in _CODE_DIRECTIVES or not _known_directive(name):
            directives.register_directive(name, _Skipped if name in _CODE_DIRECTIVES else _Container)
    settings = frontend.get_default_settings(Parser)
    settings.report_level = 5
    settings.halt_level = 5
    settings.warning_stream = _Null()
    settings.file_insertion_enabled = False
    settings.raw_enabled = False
    settings.character_level_inline_markup = False
    document = utils.new_document("<document>", settings)
    Parser().parse(text, document)
    return document


def _known_directive(name: str) -> bool:
    from docutils.parsers.rst import directives
    from docutils.parsers.rst.languages import en

    try:
        return directives.directive(name, en, None)[0] is not None  # type: ignore[arg-type]
    except Exception:  # an odd name can fail the language lookup: then it is unknown
        return False


def _known_role(name: str) -> bool:
    from docutils.parsers.rst import roles

    try:
        from docutils.parsers.rst.languages import en

        return roles.role(name, en, 0, _NullReporter())[0] is not None  # type: ignore[arg-type]
    except Exception:  # docutils looks the role up in a language module and may fail on odd names
        return False


class _NullReporter:
    """Enough of a reporter for a role lookup that may want to log."""

    def info(self, *_args: object, **_kwargs: object) -> None:
        return None

    warning = error = severe = debug = info


class _Null:
    def write(self, _text: str) -> None:
        """docutils' warnings are not the reader's business; problems show as missing text."""


class _Skipped(Directive):
    """A directive whose body is code or an inclusion: nothing of it is prose."""

    has_content = True
    optional_arguments = 10
    final_argument_whitespace = True
    option_spec = None

    def run(self) -> list[Any]:
        return []


class _Container(Directive):
    """A directive kickoff does not know (Sphinx's ``versionadded``, ``seealso`` …): its body is
    parsed as ordinary text, so its sentences are kept."""

    has_content = True
    optional_arguments = 10
    final_argument_whitespace = True
    option_spec = None

    def run(self) -> list[Any]:
        from docutils import nodes

        container = nodes.container()
        if self.arguments:  # an argument runs on to the body's first lines when no blank line parts them
            paragraph = nodes.paragraph()
            inline, _messages = self.state.inline_text(" ".join(self.arguments), self.lineno)
            paragraph += inline
            container += paragraph
        self.state.nested_parse(self.content, self.content_offset, container)
        return [container]


def _rst_blocks(node: Any, collector: _Collector, depth: int = 1) -> None:
    from docutils import nodes

    for child in node.children:
        if isinstance(
            child,
            (
                nodes.comment,
                nodes.literal_block,
                nodes.doctest_block,
                nodes.raw,
                nodes.target,
                nodes.substitution_definition,
                nodes.system_message,
                nodes.image,
                nodes.figure,
                nodes.math_block,
            ),
        ):
            continue
        if isinstance(child, nodes.topic) and "contents" in child.get("classes", []):
            continue  # the table of contents
        if isinstance(child, nodes.section):
            title = child.next_node(nodes.title)
            if title is not None:
                collector.heading(_rst_text(title), depth)
            _rst_blocks(child, collector, depth + 1)
        elif isinstance(child, nodes.title):
            continue  # a section's title, taken above; the document title becomes a heading below
        elif isinstance(child, nodes.paragraph):
            collector.prose(_rst_text(child, lines=True), _rst_kind(child))
        elif isinstance(child, nodes.table):
            for row in _rows(child):
                collector.row([_rst_text(entry) for entry in row.children])
        elif isinstance(child, nodes.definition_list_item):
            term = " ".join(_rst_text(t) for t in child.children if isinstance(t, nodes.term))
            definition = " ".join(_rst_text(d) for d in child.children if isinstance(d, nodes.definition))
            collector.prose(f"{term}: {definition}" if term else definition, "list item")
        elif isinstance(child, nodes.field):
            name = _rst_text(child.children[0]) if child.children else ""
            body = _rst_text(child.children[1]) if len(child.children) > 1 else ""
            collector.prose(f"{name}: {body}", "list item")
        else:
            _rst_blocks(child, collector, depth)
    if isinstance(node, nodes.document):
        title = node.next_node(nodes.title)
        if title is not None and title.parent is node:
            collector.blocks.insert(0, Block(_rst_text(title), "heading", None, _rst_text(title)))


def _rst_kind(paragraph: Any) -> BlockKind:
    from docutils import nodes

    parent = paragraph.parent
    return "list item" if isinstance(parent, nodes.list_item) else "paragraph"


def _rows(table: Any) -> Iterator[Any]:
    from docutils import nodes

    yield from table.findall(nodes.row)


def _rst_text(node: Any, lines: bool = False) -> str:
    """A node's words: literals and references keep their text, markup characters are gone."""
    from docutils import nodes

    parts: list[str] = []
    for text in node.findall(nodes.Text):
        if isinstance(text.parent, (nodes.footnote_reference, nodes.citation_reference, nodes.system_message)):
            continue  # "[1]_" markers and parser messages are not words of the sentence
        if isinstance(text.parent, nodes.problematic):  # a role docutils could not resolve
            parts.append(_RAW_ROLE.sub(r"\1", text.astext()))
            continue
        parts.append(text.astext())
    joined = _SPACE_BEFORE_STOP.sub(r"\1", "".join(parts))
    return joined if lines else " ".join(joined.split())


# ":pep:`the template <12#sections>`" → "the template"; ":func:`export`" → "export".
_RAW_ROLE = re.compile(r":[\w:.+-]+:`([^`<]*?)\s*(?:<[^>`]*>)?`_?")
# A footnote marker removed before a full stop leaves "the docs ." behind.
_SPACE_BEFORE_STOP = re.compile(r"[ \t]+([.,;:!?])(?=\s|$)")
