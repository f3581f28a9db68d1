"""One file of every format kickoff reads, plus hostile files: written by code, never committed.

Used by the tests (through conftest) and by the install check, which runs it with the Python of a
brand-new venv holding only kickoff's runtime dependencies: everything here needs nothing more.

    python tests/format_bundle.py FOLDER    # writes the bundle, prints nothing
"""

from __future__ import annotations

import io
import sys
import zipfile
from email.message import EmailMessage
from pathlib import Path

SENTENCE = "The parcel locker shall open a compartment within {n} seconds of a valid scan."

# Files that must be read; each becomes at least one document named by its path.
GOOD = (
    "spec.md",
    "notes.txt",
    "design.rst",
    "page.html",
    "hostile.html",
    "brief.pdf",
    "brief.docx",
    "requirements.xlsx",
    "deck.pptx",
    "brief.odt",
    "table.ods",
    "brief.rtf",
    "mail.eml",
    "loader.py",
    "data.csv",
    "archive.zip/inner.txt",
    "rtl.txt",
    "long-line.txt",
)
# Files that must be named as problems, with the reason's key word.
BAD = {
    "junk.txt": "binary",
    "archive.zip/../escape.txt": "zip slip",
    "image.png": "PNG",
}


def make_pdf(pages: list[str]) -> bytes:
    """A minimal valid PDF with one text line per page (Helvetica), xref offsets computed."""
    objects: list[bytes] = []
    page_ids = [3 + 2 * i for i in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    font_id = 3 + 2 * len(pages)
    for index, text in enumerate(pages):
        content_id = page_ids[index] + 1
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content_id} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        stream = f"BT /F1 12 Tf 72 720 Td ({escaped}) Tj ET".encode()
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def make_docx(paragraphs: list[tuple[str, str]], table: list[list[str]] | None = None) -> bytes:
    """A real .docx from python-docx: (style, text) paragraphs and an optional table."""
    import docx

    document = docx.Document()
    for style, text in paragraphs:
        if style.startswith("Heading"):
            document.add_heading(text, level=int(style.split()[-1]))
        else:
            document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_xlsx(sheets: dict[str, list[list[object]]]) -> bytes:
    """A real .xlsx from openpyxl, one sheet per entry."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def make_pptx(slides: list[tuple[str, list[str], str]]) -> bytes:
    """A real .pptx from python-pptx: (title, bullet lines, speaker notes) per slide."""
    import pptx

    deck = pptx.Presentation()
    layout = deck.slide_layouts[1]  # title and content
    for title, bullets, notes in slides:
        slide = deck.slides.add_slide(layout)
        slide.shapes.title.text = title
        body = slide.placeholders[1].text_frame
        body.text = bullets[0]
        for line in bullets[1:]:
            paragraph = body.add_paragraph()
            paragraph.text = line
            paragraph.level = 1
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def make_odt(heading: str, paragraphs: list[str]) -> bytes:
    """A real .odt from odfpy."""
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=heading))
    for text in paragraphs:
        document.text.addElement(P(text=text))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def make_ods(rows: list[list[str]]) -> bytes:
    """A real .ods from odfpy, one table."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Requirements")
    for row in rows:
        table_row = TableRow()
        for value in row:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            table_row.addElement(cell)
        table.addElement(table_row)
    document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


RTF = (
    r"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}}"
    "\n{\\pard\\b Requirements\\b0\\par}\n{\\pard " + SENTENCE.format(n=4) + "\\par}\n"
    r"\trowd\cellx2000\cellx6000 \intbl REQ-1\cell \intbl The kiosk shall print receipts in Caf\'e9 mode.\cell\row"
    "\n}"
)


def make_zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def make_eml() -> bytes:
    message = EmailMessage()
    message["Subject"] = "Locker brief"
    message["From"] = "Jane Roe <jane@example.com>"
    message["Date"] = "Tue, 05 Mar 2024 10:00:00 +0000"
    message.set_content("Please find the brief attached. " + SENTENCE.format(n=6))
    return message.as_bytes()


def write_bundle(folder: Path) -> None:
    """Write every GOOD and BAD file into ``folder`` (which may exist)."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {
        "spec.md": f"# Locker\n\n## Purpose\n\n{SENTENCE.format(n=1)}\n\n- [ ] open point: who owns the data?\n".encode(),
        "notes.txt": ("Meeting notes. " + SENTENCE.format(n=2)).encode(),
        "design.rst": f"Design\n======\n\n{SENTENCE.format(n=3)} See ``locker.open()``.\n".encode(),
        "page.html": (
            "<html><head><title>Locker page</title></head><body><article><h1>Locker page</h1>"
            f"<p>{SENTENCE.format(n=5)} Couriers deposit parcels and recipients collect them with a code.</p>"
            "</article></body></html>"
        ).encode(),
        "hostile.html": (
            b"<html><head><title>Hostile &lt;b&gt;</title><script>document.title='owned'</script></head><body>"
            b"<article><h1>Hostile page</h1><p>The system shall accept <code>&lt;script&gt;alert(1)&lt;/script&gt;</code>"
            b" as text and a link to <a href='javascript:alert(1)'>javascript:alert(1)</a> as text only.</p>"
            b"<img src=x onerror=alert(1)></article></body></html>"
        ),
        "brief.pdf": make_pdf([SENTENCE.format(n=7), "The courier app shall run on Android 13 handsets."]),
        "brief.docx": make_docx(
            [("Heading 1", "Performance"), ("Normal", SENTENCE.format(n=8))],
            table=[["ID", "Requirement"], ["R1", "The system shall export CSV files."]],
        ),
        "requirements.xlsx": make_xlsx(
            {
                "Requirements": [
                    ["ID", "Requirement", "Priority"],
                    ["REQ-1", "The system must handle 4,200 orders a week.", "High"],
                ]
            }
        ),
        "deck.pptx": make_pptx(
            [
                ("Kickoff", ["Scope of the locker project", "Pilot in 3 cities"], "Ask about the budget."),
                ("Targets", ["The app must answer within 2 seconds."], ""),
            ]
        ),
        "brief.odt": make_odt("Scope", [SENTENCE.format(n=9)]),
        "table.ods": make_ods([["ID", "Requirement"], ["REQ-2", "The locker shall report its status every minute."]]),
        "brief.rtf": RTF.encode("ascii"),
        "mail.eml": make_eml(),
        "loader.py": b"def load(path):\n    return open(path).read()\n",
        "data.csv": b"id,name,count\n1,locker,3\n2,courier,5\n",
        "archive.zip": make_zip({"inner.txt": SENTENCE.format(n=10).encode(), "../escape.txt": b"escaped"}),
        "rtl.txt": "النظام يجب أن يفتح الخزانة خلال ثانيتين. ‮txt.exe‬ The locker shall open.".encode(),
        "long-line.txt": (("word " * 200_000) + "\n").encode(),
        "junk.txt": bytes(range(256)) * 40,
        "image.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)


if __name__ == "__main__":
    write_bundle(Path(sys.argv[1]))
