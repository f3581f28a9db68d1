"""Cut decoded text into blocks (headings, paragraphs, list items, table rows) with sections.

Scraping debris ("Loading...", "Share this article") is removed here and kept aside, so the
integrity stage can report it and nothing downstream mistakes it for content.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from kickoff.model import TABLE_CELL_SEPARATOR, Block, BlockKind, SourceMetadata
from kickoff.text import REQUIREMENT_IDENTIFIER

_DEBRIS_PATTERNS = [
    r"Loading\s*\.\.\.|Loading…",
    r"Advertisement",
    r"Skip to (?:main )?content",
    r"Share (?:this|on) (?:article|story|Facebook|Twitter|X)\b",
    r"Click here to [^.]{0,60}",
    r"(?:Sign up|Subscribe) (?:for|to) (?:our|the) newsletter[^.]{0,40}",
    r"Read more:?",
    r"We use cookies[^.]{0,120}\.?",
    r"Accept (?:all )?cookies",
    r"Please enable JavaScript[^.]{0,80}\.?",
    r"Scroll down for video",
]
# A full stop left alone after a sentence's own ("2015. .") is what a scraper leaves behind.
_STRAY_STOP = re.compile(r"(?<=[.!?])\s+\.(?=\s|$)")
_DEBRIS = re.compile(r"(?:^|(?<=\s))(?:" + "|".join(_DEBRIS_PATTERNS) + r")", re.IGNORECASE)
# "3.2 Users Description ........ 5": a table of contents' entry, its dot leader and page number.
# It repeats a heading that comes later; read as text, it was quoted as evidence.
# Dots, ellipses, or a Word template's underscores ("Purpose ______ 7")
_LEADER = r"(?:(?:\.\s?){5,}|(?:…\s?){3,}|_{5,})"
_CONTENTS_LEADER = re.compile(
    _LEADER + r"\s*(?:[A-Z]{1,2}-\d+|\d{1,2}-\d{1,3}|\d+|[ivxlc]+)?\s*$", re.IGNORECASE
)  # an appendix's page is "A-1", a chapter's page "2-3"
# A clause or page kept only to hold its number: "4.3.2.4 Intentionally deleted", "This section has
# been intentionally deleted.", "PAGE LEFT INTENTIONALLY BLANK". It says nothing of the system,
# and a checklist quoted it as the answer of the section it stood in.
_WITHDRAWN = re.compile(
    r"(?:\(\w{1,3}\)\s*)?(?:\d+(?:\.\d+)*[a-z]?\.?\s+)?"
    r"(?:(?:this|the) (?:section|clause|paragraph|chapter|requirement|page) (?:has been |is |was )?)?"
    r"(?:intentionally|deliberately) (?:deleted|removed|omitted|left blank)"
    r"|\[?(?:this )?page (?:is )?(?:left )?intentionally (?:left )?blank\]?",
    re.IGNORECASE,
)


def _withdrawn(line: str) -> bool:
    # the substring test first: this runs on every line of every document
    return ("ntentional" in line or "NTENTIONAL" in line or "eliberate" in line) and bool(
        _WITHDRAWN.fullmatch(line.rstrip(". "))
    )


_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
# "Appendix A: Glossary": lettered, not numbered, and as much a heading.
_APPENDIX_HEADING = re.compile(r"^(Appendix\s+[A-Z0-9]{1,3})\s*[:.\-–]\s+([A-Z][^.!?:]{1,60})$")
_NUMBERED_HEADING = re.compile(r"^(\d+(?:\.\d+)*\.?)\s+([A-Z][^.!?:]{1,80})$")
# "2.1.2Hardware Interfaces", "3SPECIFIC REQUIREMENTS": some PDF writers drop the space between a
# heading's number and its title. Only in a page's text layer, only before a word of three
# letters or more ("1.5SRS Document Overview"), and never a unit, so "3D Graphics" and
# "2.4GHz Processor" stay text.
_GLUED_NUMBERED_HEADING = re.compile(
    r"^(\d{1,2}(?:\.\d{1,2})*\.?)(?=[A-Z][A-Za-z]{2})(?![KMGT]?(?:Hz|B|bps|Bps)\b)([A-Z][^.!?:]{1,80})$"
)
# Bullets as converters write them: Word's symbol-font bullets come out of RTF as "·" and, one
# level down, as "o" before a tab.
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•·▪◦‣]|o(?=\t| {2})|\(?[0-9]{1,3}[.)]|\(?[a-z][.)])\s+(.+)$")
# "FR-12 The service shall ...", "[REQ.3.1] ...": a line led by a requirement identifier is an
# item of its own, even with no blank line between it and the next.
_REQUIREMENT_ID = re.compile(r"^\s*\[?([A-Z]{2,8}[-_.]?\d+(?:\.\d+)*)\]?[:.)]?\s+(?=[A-Z\"'“])(.+)$")
# A cell that is only an identifier: "REQ-12", "FR-3", "[NFR.2.1]".
_IDENTIFIER_CELL = re.compile(REQUIREMENT_IDENTIFIER)
_TABLE_ROW = re.compile(r"^\s*\|(.+)\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
_SETEXT_RULE = re.compile(r"^(=+|-+)\s*$")
_METADATA_LINE = re.compile(
    r"^\s*(title|author|by|date|published|source|outlet)\s*(?::|\s(?=\d{4}-\d{2}-\d{2}))\s*(.+?)\s*$",
    re.IGNORECASE,
)
# Metadata lines are only looked for in the first few lines, where front matter lives.
_METADATA_SCAN_LINES = 6


@dataclass(frozen=True)
class TextLayout:
    blocks: tuple[Block, ...]
    metadata: SourceMetadata
    debris: tuple[str, ...]


# A word that each debris pattern contains, lower-cased: a line with none of them has no debris,
# and testing for them is about a third of the cost of the pattern search (remove_debris).
_DEBRIS_WORDS = (
    "loading",
    "advertisement",
    "skip to",
    "share ",
    "click here",
    "sign up",
    "subscribe",
    "read more",
    "cookies",
    "javascript",
    "scroll down",
)
_SPACE_THEN_STOP = re.compile(r"\s\.")


def remove_debris(line: str) -> tuple[str, list[str]]:
    """Strip known scraping debris from a line; return the cleaned line and what was removed.

    Page furniture stands apart from the text: alone on its line, at the line's start or end, or
    between two sentences. Inside a sentence the same words are content ("should not attempt to
    read more data than …", "router advertisement messages") and are never removed.

    Most lines have none: an ASCII line without any of the patterns' words, and without a space
    before a full stop, is returned as it is (on a 100,000-document data room the pattern search
    over every line took 14 s). Outside ASCII, case folding can differ from ``str.lower``, so
    those lines are always searched."""
    if line.isascii() and not _may_hold_debris(line.lower()) and not _SPACE_THEN_STOP.search(line):
        return line, []
    return strip_debris(line)


def _may_hold_debris(lowered: str) -> bool:
    # a loop, not any() over a generator: half the time, and this runs on every line
    for word in _DEBRIS_WORDS:  # noqa: SIM110
        if word in lowered:
            return True
    return False


def strip_debris(line: str) -> tuple[str, list[str]]:
    """``remove_debris`` without its shortcut: every line searched for every pattern."""
    furniture = [m for m in _DEBRIS.finditer(line) if m.group(0).strip() and _stands_apart(line, m.start(), m.end())]
    removed = [m.group(0).strip() for m in furniture]
    removed += ["stray '.'" for _ in _STRAY_STOP.finditer(line)]
    if not removed:
        return line, []
    for match in reversed(furniture):
        line = line[: match.start()] + " " + line[match.end() :]
    cleaned = _STRAY_STOP.sub("", line)
    return re.sub(r"[ \t]{2,}", " ", cleaned).strip(), removed


def _stands_apart(line: str, start: int, end: int) -> bool:
    """Alone, or at the end of the line as a label in capitals ("date 2020-01-09 Loading...") or
    after a sentence, or between sentences (a capital or a quote follows). In lower case after a
    word at a line's end it is the sentence's, wrapped: "… MAY do so if the client's
    advertisement" goes on "indicates …" on the next line of an RFC."""
    before, after = line[:start].rstrip(), line[end:].lstrip()
    opens_sentence = not before or before[-1] in ".!?:|»”\"'"
    if not after:
        return opens_sentence or line[start:end].lstrip()[:1].isupper()
    return opens_sentence and (after[0].isupper() or after[0] in "|«“\"'")


def layout_text(
    text: str,
    markdown: bool = True,
    page: int | None = None,
    metadata: bool = True,
    wrapped: bool = False,
    section: str | None = None,
    padded_tables: bool = False,
) -> TextLayout:
    """Blocks from plain text (with Markdown-style headings when ``markdown``); headings open
    sections that later blocks cite. ``metadata`` reads "Title: …" lines at the top as metadata;
    the markup readers turn it off for text inside a paragraph.

    ``wrapped`` is for a page's text layer (PDF), where lines are wrapped and paragraphs are not
    parted by blank lines: there a numbered heading ("1.2 Scope of the Development Project")
    also follows a line that ends a sentence. Without it, IEEE 830 headings inside such a flow
    were read as the first words of the next paragraph, and their sections were lost.

    ``section`` is the section open when the text starts: a page's first paragraph goes on the
    previous page's last section, not none.

    ``padded_tables`` is for antiword's text of a Word file, whose table cells are padded to their
    column's width: there a table line whose first cell is empty may go on the row above
    (``_wraps_onto``). An ASCII table elsewhere is as wide as its longest entry, so its padding
    says nothing of a wrap, and its lines stay rows."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    contents = contents_entries(lines)
    listed = _contents_titles(lines, contents)
    blocks: list[Block] = []
    debris: list[str] = []
    found: dict[str, str] = {}
    paragraph: list[str] = []
    # a list item whose text wraps onto lines indented under it (an IETF RFC's "   2.  If the
    # client already has …", then "       host (IP address) …"): its lines, and its bullet's column
    item_lines: list[str] = []
    item_indent = 0

    # a table row of a converter's fixed-width text, held until the next line tells whether it
    # goes on (``_wraps_onto``)
    row_cells: list[str] = []
    last_line_cells: list[str] = []  # that row's last line, cells as written (with their padding)

    def flush_row() -> None:
        if row_cells:
            blocks.append(Block(table_row_text(row_cells), "table row", page, section))
            row_cells.clear()

    def flush() -> None:
        flush_row()
        if item_lines:
            blocks.append(Block(" ".join(item_lines), "list item", page, section))
            item_lines.clear()
        if paragraph:
            joined = " ".join(part.strip() for part in paragraph).strip()
            if joined:
                blocks.append(Block(joined, "paragraph", page, section))
            paragraph.clear()

    def add(text: str, kind: BlockKind, level: int = 0) -> None:
        flush()
        blocks.append(Block(text.strip(), kind, page, section, level))

    for number, raw in enumerate(lines):
        if _CONTENTS_LEADER.search(raw.strip()):
            # (before the debris search: an RFC's leader ". . . . . 14" is no stray full stops)
            flush()
            continue
        line, removed = remove_debris(raw)
        debris.extend(removed)
        stripped = line.strip()
        if item_lines and stripped and indent_of(line) > item_indent and not _LIST_ITEM.match(line):
            item_lines.append(stripped)
            continue
        if (
            not stripped
            or _CONTENTS_LEADER.search(stripped)
            or number in contents
            or _many_leaders(stripped)
            or _withdrawn(stripped)
        ):
            flush()
            continue
        if metadata and number < _METADATA_SCAN_LINES and not paragraph and all(b.kind == "metadata" for b in blocks):
            meta = _METADATA_LINE.match(stripped)
            if meta and meta.group(1).lower() not in found:
                found[meta.group(1).lower()] = meta.group(2)
                add(stripped, "metadata")
                continue
        heading = _MARKDOWN_HEADING.match(stripped) if markdown else None
        setext = markdown and len(paragraph) == 1 and len(paragraph[0]) < 100 and _SETEXT_RULE.match(stripped)
        if heading is None and setext:
            section = paragraph.pop().strip()
            add(section, "heading")
            continue
        # a chapter's title in capitals on a line of its own, its first numbered section under it
        # ("PRODUCT CONSTRAINTS", then "1.1 Purpose of the Product" in a Volere SRS): both headings
        under_title = wrapped and len(paragraph) == 1 and _CAPITALS_TITLE.fullmatch(paragraph[0]) is not None
        if heading is None and (not paragraph or (wrapped and _ends_a_paragraph(paragraph[-1])) or under_title):
            heading = _NUMBERED_HEADING.match(stripped) or _APPENDIX_HEADING.match(stripped)
            if heading is None and wrapped:
                heading = _GLUED_NUMBERED_HEADING.match(stripped)
            if heading is not None and not _looks_like_heading(heading.group(2)):
                heading = None
            if heading is not None and _goes_on(lines, number, adjacent=not wrapped):
                # "3.5.1 Hardware Accessibility – all system processing and interconnect" and
                # "hardware shall be readily accessible …" below it: a numbered sentence wrapped
                # (in plain text, an RFC's "5.  If the response includes a … header" and
                # "       field and this header field …" on the next line)
                heading = None
        if heading is None and not paragraph and stripped.lower() in listed:
            # antiword drops Word's automatic heading numbers: "Introduction and Scope" alone is
            # a heading when the document's contents lists it ("3.\tIntroduction and Scope\t6")
            flush()
            section = stripped
            add(section, "heading", listed[stripped.lower()])
            continue
        if heading is not None and under_title:
            section = paragraph.pop().strip()
            add(section, "heading", 1)
        if heading is not None:
            flush()  # the paragraph before the heading stays in its own section
            section = heading.group(2).strip()
            marks = "1" if heading.group(1).startswith("Appendix") else heading.group(1)
            # "##" is depth 2; "3.2" and "3.2." are depth 2
            add(section, "heading", len(marks) if marks.startswith("#") else len(marks.rstrip(".").split(".")))
            continue
        if _TABLE_RULE.match(stripped) and "|" in stripped:
            continue
        row = _TABLE_ROW.match(stripped)
        if row:
            written = row.group(1).split("|")
            cells = [cell.strip() for cell in written]
            if padded_tables and row_cells and _wraps_onto(last_line_cells, written):
                row_cells[:] = [f"{held} {more}".strip() for held, more in zip(row_cells, cells, strict=True)]
            else:
                flush()
                row_cells.extend(cells)
            last_line_cells[:] = written
            continue
        item = _LIST_ITEM.match(line)
        if item:
            flush()
            item_lines.append(item.group(1).strip())
            item_indent = indent_of(line)
            continue
        if _REQUIREMENT_ID.match(line):
            add(stripped, "list item")
            continue
        paragraph.append(stripped)
    flush()
    return TextLayout(tuple(blocks), _metadata(found), tuple(debris))


# A table of contents whose dot leaders were lost: "1.1\tPurpose\t4" from a Word file, "2.1 Scope 6"
# from a PDF. Read as numbered headings they opened empty sections named "Purpose 4".
CONTENTS_ENTRY = re.compile(r"(?:\d+(?:\.\d+)*\.?\s*|Appendix [A-Z0-9]{1,3}\s+)?[A-Z][^.!?]{0,80}?[\t ]+(\d{1,4})")
_CONTENTS_RUN = 4


def pages_go_forward(pages: list[int]) -> bool:
    """Whether a contents' page numbers go forward, but for one slip of the text layer
    ("Supportability 1 7"); a table's figures need not."""
    return sum(later < earlier for earlier, later in itertools.pairwise(pages)) <= 1


def contents_entries(lines: list[str]) -> set[int]:
    """The positions of lines that make a table of contents: runs of four entries or more, blank
    lines aside, each ending in a page number and numbered or tab-separated, their page numbers
    going forward (but for one slip). A few figures in a row of a list do not make one."""
    found: set[int] = set()
    run: list[tuple[int, int]] = []

    def close() -> None:
        if len(run) >= _CONTENTS_RUN and pages_go_forward([page for _, page in run]):
            found.update(position for position, _ in run)
        run.clear()

    for position, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if _CONTENTS_LEADER.search(stripped):
            # an entry with its dot leader is the contents' too: "1 Introduction 7" between two
            # of them ("1.1 Purpose . . . . 8") is an entry, not a heading
            page = _PAGE_AT_END.search(stripped)
            if page:
                run.append((position, int(page.group(1))))
            continue
        # most lines do not end in a page number: the pattern is not tried on them
        entry = CONTENTS_ENTRY.fullmatch(stripped) if stripped[-1].isdigit() else None
        if entry and ("\t" in stripped or stripped[:1].isdigit()):
            run.append((position, int(entry.group(1))))
        else:
            close()
    close()
    return found


_LEADERS = re.compile(_LEADER)
_PAGE_AT_END = re.compile(r"(\d{1,4})\s*$")


def _many_leaders(line: str) -> bool:
    """A line of several contents entries run together ("APPENDIX A ….. A-1 APPENDIX B ….. B-1"),
    as a PDF's text layer joins them: two dot leaders or more."""
    return ("....." in line or "……" in line or "_____" in line) and len(_LEADERS.findall(line)) >= 2


_ENTRY_PARTS = re.compile(r"(?P<number>\d+(?:\.\d+)*)?\.?\s*(?P<title>.+?)[\t ]+\d{1,4}")


def _contents_titles(lines: list[str], positions: set[int]) -> dict[str, int]:
    """The titles a table of contents lists, lower-cased, with the depth of each one's number."""
    titles: dict[str, int] = {}
    for position in positions:
        parts = _ENTRY_PARTS.fullmatch(lines[position].strip())
        if parts and len(parts.group("title").split()) <= 10:
            number = parts.group("number")
            titles.setdefault(parts.group("title").strip().lower(), len(number.split(".")) if number else 1)
    return titles


def indent_of(line: str) -> int:
    """How far a line is indented (a tab counts as one column: only deeper or not matters)."""
    return len(line) - len(line.lstrip())


def _ends_a_paragraph(line: str) -> bool:
    """A line that ends a sentence, or a stub that is a whole paragraph ("TBD", "N/A", "None")."""
    return line.endswith((".", "!", "?")) or _STUB.fullmatch(line.strip()) is not None


# "PRODUCT CONSTRAINTS", "NON-FUNCTIONAL REQUIREMENTS": two to six words, all in capitals ("TBD" or
# "RAM" alone is a line of text)
_CAPITALS_TITLE = re.compile(r"[A-Z][A-Z-]+(?: [A-Z][A-Z-]+){1,5}")
_STUB = re.compile(r"TBD|TBC|TBA|N/?A|None|Not applicable", re.IGNORECASE)


def _goes_on(lines: list[str], number: int, adjacent: bool = False) -> bool:
    """Whether the next non-blank line continues the line at ``number``: it opens with a word in
    lower case ("hardware shall be …"), not a name that is camel-cased ("agentMom 1.2 refers …").
    ``adjacent``: only the very next line may (text whose paragraphs blank lines part)."""
    if adjacent:
        following = lines[number + 1].strip() if number + 1 < len(lines) else ""
    else:
        following = next((line.strip() for line in lines[number + 1 :] if line.strip()), "")
    first = following.split(maxsplit=1)[0] if following else ""
    return re.fullmatch(r"[a-z]+[,;:]?", first) is not None


def _wraps_onto(above: list[str], line: list[str]) -> bool:
    """Whether a table line goes on the row above (both as written, cells with their padding): in
    a Word table as antiword writes it, a cell too long for its column wraps onto lines whose
    first cell is empty ("|F-201 |The system shall be able to access in-situ environmental |OCS
    |…", then "| |observations from data collectors. | |…"). Read as rows of their own, a
    requirement was cut in two and its second half quoted alone ("requests for environmental
    data 95% of the time.").

    A cell's next paragraph, or the next item of a list in one cell ("Station Category", then
    "Type of Station"), also goes on such a line: it is told apart by the room left in the column.
    A wrap moved a word that did not fit in the padding above; a new paragraph starts although
    it would have. Only a Word file's columns are that wide (``layout_text``'s ``padded_tables``)."""
    if len(line) != len(above) or line[0].strip() or not any(cell.strip() for cell in line):
        return False
    for held, more in zip(above, line, strict=True):
        if held.strip() and more.strip():
            room = len(held) - len(held.rstrip())
            if room <= len(more.split()[0]):
                return True
    return False


def table_row_text(cells: Iterable[str]) -> str:
    """One table row as text, cells joined by TABLE_CELL_SEPARATOR; an identifier cell leads the
    next cell's words ("QR-1 Search results ..."), as it would in a list, whatever the format."""
    kept = [cell for cell in cells if cell]
    if len(kept) >= 2 and _IDENTIFIER_CELL.fullmatch(kept[0]):
        kept = [f"{kept[0]} {kept[1]}", *kept[2:]]
    return TABLE_CELL_SEPARATOR.join(kept)


def _looks_like_heading(text: str) -> bool:
    # "3.2 Performance" is a heading; "1. Users must log in" is a numbered requirement.
    # "1.58 Security, Anti-" is a table row cut at its line's end: a title does not end mid-phrase.
    return len(text.split()) <= 8 and not _MODAL.search(text) and not text.rstrip().endswith(("-", ",", "(", "&", "/"))


_MODAL = re.compile(r"\b(?:shall|must|should|will|may|can)\b", re.IGNORECASE)


def _metadata(found: dict[str, str]) -> SourceMetadata:
    return SourceMetadata(
        title=found.get("title"),
        author=found.get("author") or found.get("by"),
        date=found.get("date") or found.get("published"),
        outlet=found.get("outlet") or found.get("source"),
    )
