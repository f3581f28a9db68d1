"""What every reader receives and returns, so that adding a format is adding one function."""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from kickoff.config import Limits
from kickoff.model import Block, ReadProblem, SourceDocument, SourceMetadata


class UnreadableFile(Exception):
    """A reader's way to say 'this file cannot be read, and here is why' in plain words."""


@dataclass(frozen=True)
class ReadContext:
    path: str
    format: str
    data_sha256: str
    size_bytes: int
    limits: Limits
    depth: int = 0
    truncated: bool = False


ReadOutcome = list[SourceDocument | ReadProblem]
Reader = Callable[[bytes, ReadContext], ReadOutcome]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def document(
    context: ReadContext,
    blocks: tuple[Block, ...],
    *,
    encoding: str | None = None,
    metadata: SourceMetadata | None = None,
    debris: tuple[str, ...] = (),
    warnings: tuple[str, ...] = (),
) -> SourceDocument:
    """Build a SourceDocument, adding the truncation warning when the read was capped."""
    if context.truncated:
        warnings = (
            *warnings,
            f"file larger than {context.limits.max_file_bytes} bytes: only the first "
            f"{context.limits.max_file_bytes} bytes were read",
        )
    return SourceDocument(
        path=context.path,
        format=context.format,
        sha256=context.data_sha256,
        size_bytes=context.size_bytes,
        encoding=encoding,
        blocks=blocks,
        metadata=metadata or SourceMetadata(),
        removed_debris=debris,
        warnings=warnings,
    )


# Authors that document generators and templates write by default. Shown as a byline they would
# state a fact nobody stated; a template's creation date (python-docx's is 2013) goes with them.
_GENERATOR_AUTHORS = frozenset(
    name.casefold()
    for name in (
        "python-docx",
        "python-pptx",
        "Steve Canny",  # python-pptx's template: last modified by its author, created 2013-01-27
        "openpyxl",
        "odfpy",
        "Apache POI",
        "Microsoft Office User",
        "Microsoft Office",
        "Unknown",
        "Author",
        "Administrator",
        "User",
        "Default",
    )
)

# Titles that a converter wrote, not the writer, seen in real SRS documents' PDF properties
# (PURE): Word's PDF printer writes "Microsoft Word - srs_abcpaint.doc"; others write the file's
# name or path ("be_srs_2.0.doc", "scemi.1.9.fm", "C:\Users\…\srs.pdf.prn.pdf", a URL), and
# Word's HTML export an image's placeholder ("[pic]").
_CONVERTER_TITLE = re.compile(r"^(?:Microsoft (?:Office )?(?:Word|PowerPoint|Excel) - |Untitled\b)", re.IGNORECASE)
_FILE_NAME = re.compile(
    r"\.(?:docx?|dotx?|pdf|rtf|odt|fm|mif|html?|ht|prn|ps|txt|tex|pptx?|xlsx?|wpd|qxd)$", re.IGNORECASE
)


def document_title(title: str | None) -> str | None:
    """A metadata title as the writer gave it, or None where a converter's default stands in for
    one: shown as the document's title, a file name would state what nobody wrote, and the title
    the text itself shows is then found instead."""
    text = " ".join((title or "").split())
    if (
        sum(character.isalpha() for character in text) < 2
        or _CONVERTER_TITLE.match(text)
        or _FILE_NAME.search(text)
        or "\\" in text
        or "://" in text
        or (text.startswith("[") and text.endswith("]"))
    ):
        return None
    return text


def document_author(author: str | None) -> str | None:
    """An author property, or None where it is a generator's or an account's default."""
    text = (author or "").strip()
    return text if text and text.casefold() not in _GENERATOR_AUTHORS else None


def package_metadata(
    title: str | None,
    author: str | None,
    created: datetime.datetime | datetime.date | None,
    modified_by: str | None = None,
    origin: str | None = None,
) -> SourceMetadata:
    """Metadata from an office package's properties, without a generator's defaults.

    A generator's name as the author (or, with no author, as the last editor) marks the
    properties as the template's: neither the name nor the date is the document's."""
    given = (author or "").strip()
    author = document_author(given)
    editor = (modified_by or "").strip().casefold()
    if author is None and (given or editor in _GENERATOR_AUTHORS):
        created = None
    date = created.isoformat()[:10] if created is not None else None
    return SourceMetadata(
        title=document_title(title),
        author=author,
        date=date,
        origin=origin,
        date_field="created (when the file was first saved)" if date else None,
    )
