"""Readers for the older formats real specifications still circulate in: Word 97-2003 and RTF.

- ``.doc``: Debian's ``antiword`` (or ``catdoc``) converts it to text in a separate process, with
  the run's time limit. Neither is a Python package, so when neither is installed the file is
  named with the command that installs one; nothing is guessed from the binary.
- ``.rtf``: striprtf, a small pure-Python converter that keeps the paragraphs and tables' text.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from kickoff.ingest.blocks import layout_text
from kickoff.ingest.decode import decode
from kickoff.ingest.types import ReadContext, ReadOutcome, UnreadableFile, document

# The converters kickoff knows for .doc, in order of preference, with their text-output arguments.
_DOC_CONVERTERS = (("antiword", ("-w", "0")), ("catdoc", ("-w",)))
_INSTALL_HINT = "install antiword to read it (Debian/Ubuntu: apt-get install antiword), or save it as .docx or PDF"


def read_doc(data: bytes, context: ReadContext) -> ReadOutcome:
    converter = next(((name, args) for name, args in _DOC_CONVERTERS if shutil.which(name)), None)
    if converter is None:
        raise UnreadableFile(f"legacy Word file (.doc): {_INSTALL_HINT}")
    name, args = converter
    timeout = context.limits.read_timeout_seconds or None
    # The converters read a path, not stdin; the copy lives only as long as the conversion.
    with tempfile.NamedTemporaryFile(suffix=".doc") as copy:
        copy.write(data)
        copy.flush()
        try:
            result = subprocess.run(
                [name, *args, copy.name],
                capture_output=True,
                timeout=timeout,
                check=False,
                env={**os.environ, "LC_ALL": "C.UTF-8"},
            )
        except subprocess.TimeoutExpired as error:
            raise UnreadableFile(f"{name} took longer than {timeout:g} s: stopped") from error
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UnreadableFile(f"{name} could not read this Word file ({message[-1] if message else result.returncode})")
    decoded = decode(result.stdout)
    layout = layout_text(decoded.text, markdown=False, padded_tables=True)
    if not layout.blocks:
        raise UnreadableFile("legacy Word file has no text")
    return [document(context, layout.blocks, encoding=None, debris=layout.debris)]


def read_rtf(data: bytes, context: ReadContext) -> ReadOutcome:
    from striprtf.striprtf import rtf_to_text

    # RTF is 7-bit by definition; other characters arrive as \\'hh or \\uN escapes.
    markup = data.decode("latin-1")
    try:
        text = rtf_to_text(markup, errors="replace")
    except Exception as error:  # striprtf raises plain exceptions on malformed groups
        raise UnreadableFile(f"damaged RTF file ({type(error).__name__}: {error})") from error
    # striprtf ends each paragraph with a newline and each table cell with "|": make the
    # paragraphs blocks of their own and the rows table rows. A "row" of one cell is a paragraph
    # that some writers end with a cell mark ("1.1  Scope|"): read as a row, no heading was found.
    lines = [_rtf_line(line) for line in text.splitlines()]
    layout = layout_text("\n\n".join(lines), markdown=False)
    if not layout.blocks:
        raise UnreadableFile("RTF file has no text")
    return [document(context, layout.blocks, encoding=None, debris=layout.debris)]


def _rtf_line(line: str) -> str:
    if not line.rstrip().endswith("|"):
        return line
    cells = [cell for cell in line.rstrip().split("|") if cell.strip()]
    return f"| {line}" if len(cells) >= 2 else line.rstrip().rstrip("|")
