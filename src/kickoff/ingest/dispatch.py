"""Choose a reader by content first and extension second, and turn every failure into a ReadProblem."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import signal
import threading
import zipfile
from collections.abc import Iterator
from pathlib import PurePosixPath

from kickoff.config import Limits
from kickoff.ingest.types import ReadContext, Reader, ReadOutcome, UnreadableFile, sha256
from kickoff.model import ReadProblem, SourceDocument

_CODE_EXTENSIONS = frozenset(
    [
        ".py",
        ".js",
        ".ts",
        ".tsx",
        ".jsx",
        ".java",
        ".c",
        ".h",
        ".cc",
        ".cpp",
        ".hpp",
        ".cs",
        ".go",
        ".rs",
        ".rb",
        ".php",
        ".swift",
        ".kt",
        ".scala",
        ".sh",
        ".bash",
        ".sql",
        ".r",
        ".m",
        ".lua",
        ".pl",
        ".hs",
        ".ml",
        ".ex",
        ".exs",
        ".erl",
        ".clj",
        ".dart",
        ".vue",
        ".css",
        ".scss",
        ".toml",
        ".ini",
        ".cfg",
        ".yaml",
        ".yml",
        ".xml",
        ".gradle",
        ".cmake",
        ".mk",
    ]
)
_DATA_EXTENSIONS = frozenset([".csv", ".tsv", ".json", ".jsonl", ".ndjson", ".tab", ".dat"])
_MARKDOWN_EXTENSIONS = frozenset([".md", ".markdown", ".mdown"])
_HTML_EXTENSIONS = frozenset([".html", ".htm", ".xhtml"])

# Magic numbers of formats kickoff does not read: named so the report says what the file is.
_FOREIGN_MAGIC = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"),
    (b"7z\xbc\xaf", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
    (b"\x7fELF", "executable (ELF)"),
    (b"MZ", "Windows executable"),
    (b"OggS", "audio (Ogg)"),
    (b"ID3", "audio (MP3)"),
    (b"RIFF", "audio or video (RIFF)"),
    (b"SQLite format 3", "SQLite database"),
)


# Formats that are useless cut short: a truncated one is refused rather than misread.
_WHOLE_FILE_FORMATS = frozenset({"pdf", "docx", "xlsx", "pptx", "odf", "doc", "zip"})


def sniff_format(data: bytes, name: str) -> str:
    """The format of a file from its first bytes, falling back to its extension."""
    head = data[:2048]
    suffix = PurePosixPath(name).suffix.lower()
    # A zip's own signature first: a PDF stored uncompressed near the start of an archive puts
    # "%PDF-" in its first kilobyte, and the whole archive was read as one damaged PDF.
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _container_format(data, suffix)
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(_OLE_MAGIC):
        # Legacy Office (OLE2): Word 97-2003 is read by antiword; Excel, Outlook and PowerPoint
        # files of that age are named, with what to do.
        if suffix in {".doc", ".dot"} or b"W\x00o\x00r\x00d\x00D\x00o\x00c" in data[: 1 << 20]:
            return "doc"
        return "unsupported:legacy Office file (.xls/.ppt/.msg): save it as .xlsx, .pptx or PDF"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    for magic, description in _FOREIGN_MAGIC:
        if head.startswith(magic):
            return f"unsupported:{description}"
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or suffix in _HTML_EXTENSIONS:
        return "html"
    if suffix == ".eml" or (suffix in {"", ".msg", ".mbox"} and _looks_like_mail(head)):
        return "eml"
    if suffix in _MARKDOWN_EXTENSIONS:
        return "markdown"
    if suffix == ".rst":
        return "restructuredtext"
    if suffix in _CODE_EXTENSIONS:
        return "code"
    if suffix in _DATA_EXTENSIONS:
        return "data"
    if suffix == ".pdf":
        return "pdf"
    return "text"


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Zip containers that are documents, by the member that only that kind has.
_PACKAGE_MEMBERS = (("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"), ("ppt/presentation.xml", "pptx"))
_ODF_MIMETYPES = frozenset(
    {
        b"application/vnd.oasis.opendocument.text",
        b"application/vnd.oasis.opendocument.spreadsheet",
        b"application/vnd.oasis.opendocument.presentation",
        b"application/vnd.oasis.opendocument.text-template",
        b"application/vnd.oasis.opendocument.spreadsheet-template",
    }
)
_CONTAINER_EXTENSIONS = {
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".pptx": "pptx",
    ".odt": "odf",
    ".ods": "odf",
}


def _container_format(data: bytes, suffix: str) -> str:
    """A zip the user sent is an archive; a zip that is a document package is that document.

    Never unpack a package member by member: an XLSX read as an archive becomes dozens of
    "documents" of internal XML."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100].strip() if "mimetype" in names else b""
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, KeyError, RuntimeError):
        # A broken package still goes to its own reader, which says what is wrong with it.
        return _CONTAINER_EXTENSIONS.get(suffix, "zip")
    for member, file_format in _PACKAGE_MEMBERS:
        if member in names:
            return file_format
    if mimetype in _ODF_MIMETYPES:
        return "odf"
    if mimetype:
        kind = mimetype.decode("ascii", "replace")
        return f"unsupported:document package of type {kind} (not an archive of documents)"
    if "[Content_Types].xml" in names:
        return "unsupported:Office Open XML package of another kind (Visio, XPS …): save it as PDF"
    if "META-INF/MANIFEST.MF" in names and suffix in {".jar", ".war", ".ear", ".apk"}:
        return "unsupported:Java or Android archive"
    return _CONTAINER_EXTENSIONS.get(suffix, "zip")


def _looks_like_mail(head: bytes) -> bool:
    text = head[:1024].decode("latin-1").lower()
    return text.startswith(("from:", "received:", "return-path:", "mime-version:", "date:", "subject:"))


def _readers() -> dict[str, Reader]:
    from kickoff.ingest.archive import read_zip
    from kickoff.ingest.docx import read_docx
    from kickoff.ingest.html import read_html
    from kickoff.ingest.legacy import read_doc, read_rtf
    from kickoff.ingest.mail import read_eml
    from kickoff.ingest.office import read_odf, read_pptx, read_xlsx
    from kickoff.ingest.pdf import read_pdf
    from kickoff.ingest.plain import read_text

    return {
        "pdf": read_pdf,
        "docx": read_docx,
        "xlsx": read_xlsx,
        "pptx": read_pptx,
        "odf": read_odf,
        "doc": read_doc,
        "rtf": read_rtf,
        "zip": read_zip,
        "html": read_html,
        "eml": read_eml,
        "markdown": read_text,
        "restructuredtext": read_text,
        "code": read_text,
        "data": read_text,
        "text": read_text,
    }


def read_bytes(data: bytes, path: str, limits: Limits, depth: int = 0, truncated: bool = False) -> ReadOutcome:
    """Read one file's bytes into documents; never raises, every failure becomes a ReadProblem."""
    if not data.strip():
        return [ReadProblem(path, "empty file")]
    file_format = sniff_format(data, path)
    if file_format.startswith("unsupported:"):
        return [ReadProblem(path, f"unsupported format: {file_format.split(':', 1)[1]}")]
    if truncated and file_format in _WHOLE_FILE_FORMATS:
        return [ReadProblem(path, f"{file_format} larger than {limits.max_file_bytes} bytes: refused")]
    outcome = _read_as(file_format, data, path, limits, depth, truncated)
    declared = _TEXT_BY_EXTENSION.get(PurePosixPath(path).suffix.lower())
    if declared is not None and declared != file_format and all(isinstance(o, ReadProblem) for o in outcome):
        # A ".txt" whose first bytes look like HTML or a PDF, and that is not one, is still the text
        # its name says: read it so, and say why, instead of losing it.
        fallback = _read_as(declared, data, path, limits, depth, truncated)
        if not all(isinstance(o, ReadProblem) for o in fallback):
            reason = "; ".join(o.reason for o in outcome if isinstance(o, ReadProblem))
            warning = f"its first bytes looked like {file_format}, but that failed ({reason}); read as {declared}"
            return [
                dataclasses.replace(o, warnings=(*o.warnings, warning)) if isinstance(o, SourceDocument) else o
                for o in fallback
            ]
    return outcome


# Extensions that say a file is plain text of some kind, whatever its first bytes look like.
_TEXT_BY_EXTENSION = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".rst": "restructuredtext",
}


def _read_as(file_format: str, data: bytes, path: str, limits: Limits, depth: int, truncated: bool) -> ReadOutcome:
    context = ReadContext(path, file_format, sha256(data), len(data), limits, depth, truncated)
    reader = _readers()[file_format]
    try:
        with _time_limit(limits.read_timeout_seconds):
            return reader(data, context)
    except UnreadableFile as error:
        return [ReadProblem(path, str(error))]
    except ReadTimeout:
        return [ReadProblem(path, f"reading took longer than {limits.read_timeout_seconds:g} s: stopped")]
    except RecursionError:
        return [ReadProblem(path, "structure nested too deeply to read")]
    except MemoryError:
        return [ReadProblem(path, "ran out of memory reading it")]
    except Exception as error:  # A reader bug or library failure must not end the run.
        return [ReadProblem(path, f"{file_format} reader failed ({type(error).__name__}: {error})")]


class ReadTimeout(Exception):
    """Raised inside a reader that overran its time bound."""


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Bound a read's wall time with SIGALRM where the platform allows (main thread, Unix)."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise ReadTimeout

    previous_handler = signal.signal(signal.SIGALRM, expire)
    previous_timer = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_timer[0] > 0:
            signal.setitimer(signal.ITIMER_REAL, *previous_timer)
