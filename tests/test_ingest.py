"""Ingest: formats, encodings, and every kind of bad input becoming a named problem."""

from __future__ import annotations

import codecs
import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import MEMO, make_docx, make_pdf, make_zip
from kickoff import Config, Limits
from kickoff.ingest import read_bundle, read_bytes, sniff_format
from kickoff.ingest.blocks import layout_text, remove_debris, strip_debris
from kickoff.ingest.decode import NotText, decode
from kickoff.model import ReadProblem, SourceDocument

SAMPLE = "Le système doit répondre en moins de deux secondes. Straße, café, naïve."


def read(data: bytes, name: str, limits: Limits | None = None) -> list[SourceDocument | ReadProblem]:
    return read_bytes(data, name, limits or Limits())


def only_document(outcome: list[SourceDocument | ReadProblem]) -> SourceDocument:
    assert len(outcome) == 1 and isinstance(outcome[0], SourceDocument), outcome
    return outcome[0]


def only_problem(outcome: list[SourceDocument | ReadProblem]) -> ReadProblem:
    assert len(outcome) == 1 and isinstance(outcome[0], ReadProblem), outcome
    return outcome[0]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("utf-8"), "utf-8"),
    ],
)
def test_unicode_encodings_are_detected(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.text.lstrip("\ufeff") == SAMPLE
    assert decoded.encoding == encoding


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_legacy_single_byte_text_decodes_without_loss(codec: str) -> None:
    text = "The café’s naïve menu costs 5 € — “quoted” here, in a longer sentence about the café and its menu."
    if codec == "latin-1":
        text = text.replace("’", "'").replace("€", "EUR").replace("—", "-").replace("“", '"').replace("”", '"')
    decoded = decode(text.encode(codec))
    assert "café" in decoded.text and "naïve" in decoded.text


def test_mixed_encodings_keep_utf8_lines_and_warn() -> None:
    data = "first line é in UTF-8\n".encode() + "second line é in Latin-1\n".encode("latin-1")
    decoded = decode(data)
    assert decoded.text.count("é") == 2
    assert decoded.warning and "mixed encodings" in decoded.warning


def test_binary_with_text_extension_is_refused() -> None:
    with pytest.raises(NotText):
        decode(bytes(range(256)) * 10)
    problem = only_problem(read(b"\x00\x01\x02binary\x00" * 50, "notes.txt"))
    assert "binary" in problem.reason


def test_empty_file_is_a_named_problem() -> None:
    assert only_problem(read(b"", "empty.txt")).reason == "empty file"
    assert only_problem(read(b"  \n\n ", "blank.md")).reason == "empty file"


def test_markdown_headings_become_sections_and_lists_items() -> None:
    layout = layout_text(
        "# Spec\n\n## Performance\n\nIt shall be quick.\n\n- item one here\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    kinds = [(b.kind, b.section) for b in layout.blocks]
    assert kinds == [
        ("heading", "Spec"),
        ("heading", "Performance"),
        ("paragraph", "Performance"),
        ("list item", "Performance"),
        ("table row", "Performance"),
        ("table row", "Performance"),
    ]


def test_scraping_debris_is_removed_and_kept_aside() -> None:
    cleaned, removed = remove_debris("date 2020-01-09 Loading...")
    assert cleaned == "date 2020-01-09" and removed == ["Loading..."]
    cleaned, removed = remove_debris("It ended in 2015. . Then more.")
    assert cleaned == "It ended in 2015. Then more." and removed == ["stray '.'"]


_DEBRIS_PIECES = st.sampled_from(
    [
        "Loading...",
        "Loading…",
        "ADVERTISEMENT",
        "Advertİsement",
        "Skip to main content",
        "share this article",
        "Click here to subscribe",
        "Sign up for our newsletter",
        "Read more:",
        "We use cookies.",
        "Accept all cookies",
        "Please enable JavaScript.",
        "Scroll down for video",
        "The service",
        "shall read more data",
        "2015.",
        " .",
        "\t.",
        "\xa0.",
        ". .",
        "«Quote»",
        "Ünïcode",
        "ſhare this story",
        "K",
        " ",
        "  ",
        "|",
        "?",
        "reading",
    ]
)


@given(st.lists(_DEBRIS_PIECES, max_size=12).map(" ".join))
def test_the_debris_shortcut_never_changes_what_is_removed(line: str) -> None:
    """remove_debris skips lines that cannot hold debris; on every line it must agree with the
    full search, including text outside ASCII, whose case folding differs from str.lower."""
    assert remove_debris(line) == strip_debris(line)


@given(st.binary(max_size=512))
def test_control_bytes_are_counted_as_byte_by_byte(sample: bytes) -> None:
    from kickoff.ingest.decode import control_bytes

    assert control_bytes(sample) == sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 27))


def test_front_matter_metadata_lines_are_read() -> None:
    layout = layout_text("Title: Locker spec\nAuthor: Jane Roe\nDate: 2024-03-05\n\nBody text here.")
    assert layout.metadata.title == "Locker spec"
    assert layout.metadata.author == "Jane Roe"
    assert layout.metadata.date == "2024-03-05"


def test_sniffing_prefers_content_to_extension() -> None:
    assert sniff_format(make_pdf(["hello"]), "renamed.txt") == "pdf"
    assert sniff_format(b"<!DOCTYPE html><html><body>x</body></html>", "page.txt") == "html"
    assert sniff_format(b"\x89PNG\r\n\x1a\n....", "image.md").startswith("unsupported:")
    assert sniff_format(b"plain words", "notes.md") == "markdown"


def test_pdf_text_keeps_page_numbers() -> None:
    document = only_document(read(make_pdf(["The system shall start.", "It shall stop in 2 s."]), "spec.pdf"))
    assert [(b.text, b.page) for b in document.blocks] == [("The system shall start.", 1), ("It shall stop in 2 s.", 2)]


def test_a_numbered_line_that_runs_on_in_lower_case_is_a_sentence_and_a_stub_ends_a_paragraph() -> None:
    """ "3.5.1 Hardware Accessibility – all processing and interconnect" followed by "hardware shall
    be readily accessible" is a requirement wrapped, not a heading ("agentMom 1.2 refers …", a
    camel-cased name, does not count as lower case); "TBD" ends its paragraph as a full stop does."""
    from kickoff.ingest.blocks import layout_text

    text = (
        "3.5 Serviceability\n3.5.1 Hardware Accessibility – all processing and interconnect\n"
        "hardware shall be readily accessible.\n3.6 Performance Requirements\nTBD\n"
        "3.7 Logical Database Requirements\nAll data is kept in the database.\n"
        "1.3 Definitions\nagentMom 1.2 refers to the current release.\n"
    )
    blocks = layout_text(text, markdown=False, wrapped=True).blocks
    assert [b.text for b in blocks if b.kind == "heading"] == [
        "Serviceability",
        "Performance Requirements",
        "Logical Database Requirements",
        "Definitions",
    ]
    assert blocks[1].text.startswith("3.5.1 Hardware Accessibility") and blocks[1].section == "Serviceability"


def test_a_pdf_pages_first_text_stays_in_the_section_the_page_before_opened() -> None:
    document = only_document(read(make_pdf(["2.1.2Hardware Interfaces", "A kiosk scans tickets."]), "spec.pdf"))
    assert [(b.kind, b.section, b.page) for b in document.blocks] == [
        ("heading", "Hardware Interfaces", 1),
        ("paragraph", "Hardware Interfaces", 2),
    ]


def test_truncated_pdf_is_a_named_problem() -> None:
    data = make_pdf(["The system shall start."])
    outcome = read(data[: len(data) // 3], "broken.pdf")
    problem = only_problem(outcome)
    assert problem.path == "broken.pdf" and ("PDF" in problem.reason or "pdf" in problem.reason)


def test_encrypted_pdf_is_a_named_problem() -> None:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(make_pdf(["secret words"]))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert "password" in only_problem(read(buffer.getvalue(), "locked.pdf")).reason


def test_pdf_without_text_layer_is_reported_as_scan() -> None:
    assert "no text layer" in only_problem(read(make_pdf([""]), "scan.pdf")).reason


def test_docx_paragraphs_headings_and_tables() -> None:
    data = make_docx(
        [("Heading 1", "Performance"), ("Normal", "The system shall answer within 2 seconds.")],
        table=[["ID", "Requirement"], ["R1", "The system shall export CSV files."]],
    )
    document = only_document(read(data, "spec.docx"))
    assert ("heading", "Performance") in [(b.kind, b.text) for b in document.blocks]
    paragraph = next(b for b in document.blocks if b.text.startswith("The system shall answer"))
    assert paragraph.section == "Performance"
    assert any(b.kind == "table row" and "export CSV" in b.text for b in document.blocks)


def test_docx_with_xml_entity_bomb_is_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>'
    )
    real = zipfile.ZipFile(__import__("io").BytesIO(make_docx([("Normal", "text")])))
    members = {name: real.read(name) for name in real.namelist()}
    members["word/document.xml"] = bomb
    problem = only_problem(read(make_zip(members), "bomb.docx"))
    assert "entit" in problem.reason


def test_docx_that_is_a_renamed_zip_of_junk_is_refused() -> None:
    problem = only_problem(read(make_zip({"junk.bin": os.urandom(200), "a.txt": b"hello"}), "report.docx"))
    assert "not a Word document" in problem.reason


def test_html_main_text_and_metadata() -> None:
    page = (
        b"<html><head><title>Locker spec</title><meta name='author' content='Jane Roe'></head><body>"
        b"<nav>Home | About | Contact</nav><article><h1>Locker spec</h1>"
        b"<p>The controller shall open a compartment within 500 ms of a valid scan at every locker bank in the city.</p>"
        b"<p>Couriers use handheld scanners to deposit parcels, and recipients collect them with a code.</p>"
        b"</article><footer>Copyright Acme. Privacy policy.</footer></body></html>"
    )
    document = only_document(read(page, "page.html"))
    assert "500 ms" in document.text and "Privacy policy" not in document.text
    assert document.metadata.title == "Locker spec" and document.metadata.author == "Jane Roe"


def test_a_document_laid_out_in_a_table_keeps_its_headings_and_its_data_tables() -> None:
    """A 1990s page puts the whole document in one table cell: its headings open sections, its
    table of contents (links within the page) is dropped, a table of data inside stays rows, and
    the page's declared charset does not decode the text twice."""
    page = (
        "<html><head><meta http-equiv='content-type' content='text/html; charset=ISO-8859-1'></head><body>"
        "<table><tr><td><h1>Ferry Tickets SRS</h1>"
        "<ol><li><a href='#s1'>1. Introduction</a></li><li><a href='#s2'>2. Hardware</a></li></ol>"
        "<h3><a name='s1'></a>1. Introduction</h3><ul><p>The ferry tickets are sold at the harbour gates (see "
        "<a href='#s2'>Section 2</a>) by the clerks.</p></ul>"
        "<h3><a name='s2'></a>2. Hardware</h3><p>The kiosks need:</p>"
        "<table><tr><td>2.1</td><td>A 100 MHz processor<table><tr><td>2.1.1</td><td>Caf\u00e9 model</td></tr></table>"
        "</td></tr><tr><td>2.2</td><td>32 MB of RAM</td></tr></table>"
        "</td></tr></table></body></html>"
    ).encode("latin-1")
    document = only_document(read(page, "srs.html"))
    headings = [b.text for b in document.blocks if b.kind == "heading"]
    assert headings == ["Ferry Tickets SRS", "1. Introduction", "2. Hardware"]
    paragraph = next(b for b in document.blocks if b.text.startswith("The ferry"))
    assert paragraph.section == "1. Introduction" and "(see Section 2)" in paragraph.text
    rows = [b.text for b in document.blocks if b.kind == "table row"]
    assert len(rows) == 3 and "32 MB of RAM" in rows[2] and "Caf\u00e9 model" in rows[1]
    assert all(b.section == "2. Hardware" for b in document.blocks if b.kind == "table row")


def test_a_static_document_saved_as_html_keeps_its_paragraphs_and_bold_headings() -> None:
    """A Word export with no scripts, navigation or forms is a document, not a web page: every
    paragraph stays, and where it marks no heading as one, a short line all in bold in a numbered
    list is a heading; a figure's caption is not."""
    paragraphs = "".join(f"<p>The kiosk rule {n} holds at the harbour gate.</p>" for n in range(40))
    page = (
        "<html><body><ol><li><b><a name='t1'>SCOPE</a></b></li><ol><li><b>IDENTIFICATION</b></li>"
        "<p>This system sells ferry tickets at the gates.</p></ol></ol>"
        f"<p><b>Figure 3 harbour map</b></p>{paragraphs}</body></html>"
    ).encode()
    document = only_document(read(page, "srs.htm"))
    assert [b.text for b in document.blocks if b.kind == "heading"] == ["SCOPE", "IDENTIFICATION"]
    paragraph = next(b for b in document.blocks if b.text.startswith("This system"))
    assert paragraph.section == "IDENTIFICATION"
    assert sum(b.text.startswith("The kiosk rule") for b in document.blocks) == 40
    assert not any("**" in b.text or "#" in b.text for b in document.blocks)


def test_a_page_framed_by_a_site_keeps_the_document_in_its_cell_and_drops_the_site() -> None:
    """PURE's Nenios SRS: a hosting site's frame (menu rows of links, a footer) holds the whole
    document in one cell, its headings only bold; the contents' links to parts kept on other
    pages ("2. Usage scenario") are no headings, and the menu is no text of the document."""
    paragraphs = "".join(f"<p>The kiosk rule {n} holds at the harbour gate.</p>" for n in range(12))
    page = (
        "<html><body><table><tr><td><table><tr><td><a href='/'>Home</a></td><td><a href='/h'>Hosting</a></td></tr>"
        "</table></td></tr><tr><td>"
        "<p><a href='other.html'>2. Usage scenario</a><br><a href='other.html'>Appendix A: Glossary</a><br>"
        "<b>Revision History</b></p>"
        "<p><b>1.1 Goals and objectives</b></p><p>The ferry kiosk sells crossings at the gates.</p>"
        f"{paragraphs}"
        "<p>| <a href='/'>Home</a> | <a href='/h'>Hosting</a> |</p>"
        "</td></tr></table></body></html>"
    ).encode()
    document = only_document(read(page, "srs.html"))
    texts = [b.text for b in document.blocks]
    assert "The ferry kiosk sells crossings at the gates." in texts
    assert sum(text.startswith("The kiosk rule") for text in texts) == 12
    assert not any("Home" in text or "Usage scenario" in text or "Glossary" in text for text in texts), texts
    assert "1.1 Goals and objectives" in [b.text for b in document.blocks if b.kind == "heading"]


def test_eml_body_and_attachments() -> None:
    from email.message import EmailMessage

    message = EmailMessage()
    message["Subject"] = "Locker brief"
    message["From"] = "Jane Roe <jane@example.com>"
    message["Date"] = "Tue, 05 Mar 2024 10:00:00 +0000"
    message.set_content("Please find the brief attached. The system shall open doors.")
    message.add_attachment(
        b"# Notes\n\nThe keypad shall respond in 100 ms.", maintype="text", subtype="markdown", filename="notes.md"
    )
    outcome = read(message.as_bytes(), "brief.eml")
    documents = [d for d in outcome if isinstance(d, SourceDocument)]
    assert [d.path for d in documents] == ["brief.eml", "brief.eml/notes.md"]
    assert documents[0].metadata.title == "Locker brief" and documents[0].metadata.date == "2024-03-05"


def test_zip_members_become_documents_and_slip_paths_are_refused(tmp_path: Path) -> None:
    archive = make_zip({"a.txt": b"First document text.", "../../etc/passwd": b"root:x:0:0", "/abs/evil.txt": b"x"})
    outcome = read(archive, "bundle.zip")
    reasons = {o.path: o.reason for o in outcome if isinstance(o, ReadProblem)}
    assert "zip slip" in reasons["bundle.zip/../../etc/passwd"]
    assert "absolute" in reasons["bundle.zip//abs/evil.txt"]
    assert [d.path for d in outcome if isinstance(d, SourceDocument)] == ["bundle.zip/a.txt"]
    assert not (tmp_path.parent / "etc" / "passwd").exists()


def test_a_zip_holding_a_stored_pdf_near_its_start_is_read_as_a_zip() -> None:
    """An uncompressed PDF member puts "%PDF-" in the archive's first kilobyte: the zip's own
    signature decides, and its other members are read, not the whole file refused as a PDF."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:  # stored, not compressed: the default
        archive.writestr("broken.pdf", b"%PDF-1.4 not really a PDF")
        archive.writestr("letter.txt", "The depot shall open at 6 a.m. on weekdays.")
    outcome = read(buffer.getvalue(), "letters.zip")
    assert [d.path for d in outcome if isinstance(d, SourceDocument)] == ["letters.zip/letter.txt"]
    assert [p.path for p in outcome if isinstance(p, ReadProblem)] == ["letters.zip/broken.pdf"]


def test_zip_bomb_is_refused_by_ratio() -> None:
    bomb = make_zip({"zeros.txt": b"0" * (50 * 1024 * 1024)})
    problem = only_problem(read(bomb, "bomb.zip"))
    assert "zip bomb" in problem.reason


def test_zip_bomb_is_refused_by_total_size() -> None:
    archive = make_zip({f"part{i}.txt": os.urandom(1024) * 2 for i in range(4)}, zipfile.ZIP_STORED)
    problem = only_problem(read(archive, "big.zip", Limits(max_archive_total_bytes=4096)))
    assert "expands to" in problem.reason


def test_nested_archives_stop_at_the_depth_limit() -> None:
    data = b"Innermost text of the bundle."
    for level in range(5):
        data = make_zip({f"level{level}.zip" if level else "inner.txt": data})
    outcome = read(data, "outer.zip")
    assert any(isinstance(o, ReadProblem) and "nested deeper" in o.reason for o in outcome)


def test_huge_file_is_capped_and_reported(bundle: Path, config_for) -> None:  # type: ignore[no-untyped-def]
    # A sparse 500 MB file costs no disk; ingest must read only the capped prefix.
    path = bundle / "huge.txt"
    with path.open("wb") as handle:
        handle.write(b"The system shall cope. " * 1000)
        handle.seek(500 * 1024 * 1024 - 1)
        handle.write(b".")
    config = config_for(bundle)
    config = Config(
        config.bundle, config.index_path, config.questions_path, config.json_path, limits=Limits(max_file_bytes=4096)
    )
    outcome = list(read_bundle(config))
    document = next(o for o in outcome if isinstance(o, SourceDocument))
    assert any("only the first 4096 bytes" in w for w in document.warnings)


def test_links_outside_the_bundle_and_loops_are_not_followed(bundle: Path, tmp_path: Path, config_for) -> None:  # type: ignore[no-untyped-def]
    outside = tmp_path / "secret.txt"
    outside.write_text("Outside text that must never be read into the bundle.")
    (bundle / "inside.txt").write_text("Inside text of the bundle, a real document.")
    (bundle / "escape.txt").symlink_to(outside)
    (bundle / "loop").symlink_to(bundle)
    (bundle / "alias.txt").symlink_to(bundle / "inside.txt")
    outcome = list(read_bundle(config_for(bundle)))
    problems = {o.path: o.reason for o in outcome if isinstance(o, ReadProblem)}
    assert "outside the bundle" in problems["escape.txt"]
    assert "loop" in problems["loop"]
    read_paths = [o.path for o in outcome if isinstance(o, SourceDocument)]
    assert read_paths == ["alias.txt", "inside.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_is_a_named_problem(bundle: Path, config_for) -> None:  # type: ignore[no-untyped-def]
    locked = bundle / "locked.txt"
    locked.write_text("secret")
    locked.chmod(0)
    try:
        outcome = list(read_bundle(config_for(bundle)))
    finally:
        locked.chmod(0o644)
    assert "cannot open" in only_problem(outcome).reason


def test_unreadable_file_is_a_named_problem_even_as_root(bundle: Path, config_for, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (bundle / "locked.txt").write_text("secret")
    real_open = os.open

    def refuse(path, flags, *args):  # type: ignore[no-untyped-def]
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse)
    problem = only_problem(list(read_bundle(config_for(bundle))))
    assert problem.path == "locked.txt" and "Permission denied" in problem.reason


def test_odd_file_names_are_reported_not_crashed_on(bundle: Path, config_for) -> None:  # type: ignore[no-untyped-def]
    name = os.fsencode(bundle) + b"/caf\xe9-latin1-name.txt"
    with open(name, "wb") as handle:
        handle.write(b"A document whose name is not UTF-8 but whose text is fine.")
    outcome = list(read_bundle(config_for(bundle)))
    document = only_document(outcome)
    assert (document.path.startswith("caf") and "\\udce9" in document.path) or "\\xe9" in document.path


def test_reader_time_limit_stops_a_slow_reader(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import time

    import kickoff.ingest.dispatch as dispatch

    def slow(data, context):  # type: ignore[no-untyped-def]
        time.sleep(5)
        return []

    monkeypatch.setattr(dispatch, "_readers", lambda: {"text": slow})
    problem = only_problem(read_bytes(b"some text", "slow.txt", Limits(read_timeout_seconds=0.2)))
    assert "longer than 0.2 s" in problem.reason


def test_a_file_is_read_whole_up_to_the_limit_whatever_size_it_reports(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Ingest reads by the file's reported size (not into a buffer of the limit): a file that
    grew since, or reports no size, is still read up to the limit, and one byte past it says it
    was cut."""
    from kickoff.ingest import _read_limited

    data = b"x" * 100
    path = tmp_path / "file.bin"
    path.write_bytes(data)
    for reported in (0, 10, 99, 100, 500):
        monkeypatch.setattr(os, "fstat", lambda _, size=reported: os.stat_result((0, 0, 0, 0, 0, 0, size, 0, 0, 0)))
        for limit, expected in ((1000, data), (40, data[:41]), (100, data), (99, data)):
            descriptor = os.open(path, os.O_RDONLY)
            try:
                assert _read_limited(descriptor, limit) == expected, (reported, limit)
            finally:
                os.close(descriptor)


def test_a_converters_title_and_a_default_author_are_not_the_documents() -> None:
    """PDF properties of real SRS documents (PURE): the title Word's PDF printer or a converter
    wrote, and an account's default name, are not shown as the document's title and byline."""
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(make_pdf(["The system shall start."]))))
    writer.add_metadata({"/Title": "Microsoft Word - srs_abcpaint.doc", "/Author": "Administrator"})
    buffer = io.BytesIO()
    writer.write(buffer)
    metadata = only_document(read(buffer.getvalue(), "srs.pdf")).metadata
    assert (metadata.title, metadata.author) == (None, None)


def test_titles_a_converter_wrote_are_dropped_and_the_writers_kept() -> None:
    from kickoff.ingest.types import document_title

    for default in (
        "Microsoft Word - GAMMA-J_Web_Store_SRS_V_0.12.doc",
        "C2C SRS - ver 3.0d_121301.doc",
        "http://www.cs.utexas.edu/users/s2s/latest/fractions4/doc/SRS.ht",
        "C:\\Users\\browen\\My Documents\\srs.pdf.prn.pdf",
        "scemi.1.9.fm",
        "[pic]",
        "i",
    ):
        assert document_title(default) is None, default
    for title in ("Compiler / Linker Software Requirements Specification", "THEMAS The Energy Management System"):
        assert document_title(title) == title


def test_a_numbered_heading_in_a_pdf_text_flow_opens_its_section() -> None:
    """A page's text layer has no blank lines between paragraphs: "1.2 Scope …" after a line that
    ends a sentence is a heading, and the paragraph before it keeps its own section."""
    from kickoff.ingest.blocks import layout_text

    text = (
        "1.1 Purpose of this Document\n"
        "This is the requirements document for the ferry tickets. It is\n"
        "read by the developers.\n"
        "1.2 Scope of the Project\n"
        "The system sells crossings at the harbour gates and\n"
        "2 seconds after payment the gate opens.\n"
        "1.58 Security, Anti-\n"
        "Virus scanning of uploads.\n"
    )
    blocks = layout_text(text, markdown=False, wrapped=True).blocks
    assert [(b.kind, b.section) for b in blocks] == [
        ("heading", "Purpose of this Document"),
        ("paragraph", "Purpose of this Document"),
        ("heading", "Scope of the Project"),
        # a line that goes on from an unfinished sentence is no heading, nor a title cut mid-phrase
        ("paragraph", "Scope of the Project"),
    ]
    assert blocks[1].text.endswith("read by the developers.")
    # without ``wrapped`` (plain text, where paragraphs are parted by blank lines) nothing changes
    assert [b.kind for b in layout_text(text, markdown=False).blocks] == ["heading", "paragraph"]


def test_a_chapter_title_in_capitals_over_a_numbered_heading_are_both_headings() -> None:
    """A Volere SRS (PURE's Grid 3D) opens a page with "PRODUCT CONSTRAINTS", then "1.1 Purpose
    of the Product": the capitals do not end a sentence, and both headings had been read into the
    first paragraph. One word in capitals ("TBD", "RAM") stays text."""
    text = "PRODUCT CONSTRAINTS\n1.1 Purpose of the Product\nRAM\n4.2 Submit a job\nA user submits a job.\n"
    blocks = layout_text(text, markdown=False, wrapped=True).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "PRODUCT CONSTRAINTS"),
        ("heading", "Purpose of the Product"),
        ("paragraph", "RAM 4.2 Submit a job A user submits a job."),
    ]
    assert blocks[0].level == 1 and blocks[1].level == 2


def test_a_memo_printed_to_pages_is_read_without_its_running_lines_and_as_written() -> None:
    """An IETF RFC as plain text: each page's running header and footer are furniture, a sentence
    that runs over a page is one sentence, titles at the margin of an indented body are headings,
    and a list item's wrapped lines are the item's ("o  " is a bullet, "2.  If the ticket …" and
    its lower-case next line are an item, not a heading and a paragraph)."""
    source = read_bytes(MEMO.encode(), "rfc9999.txt", Limits())[0]
    assert isinstance(source, SourceDocument)
    texts = [(block.kind, block.text) for block in source.blocks]
    assert not any("Standards Track" in text or text.startswith("RFC 9999") for _, text in texts[1:])
    assert ("heading", "Abstract") in texts and ("heading", "Introduction") in texts
    assert (
        "paragraph",
        "A gate MUST check each ticket before it opens, and the ticket office MUST answer within two seconds.",
    ) in texts
    assert ("list item", "A ticket names one crossing and one day.") in texts
    assert ("list item", "If the ticket is not valid, the gate MUST stay closed and show why.") in texts
    # a contents line's leader of spaced full stops is no debris, and a word of page furniture
    # that ends a wrapped line inside a sentence is the sentence's
    assert not source.removed_debris
    assert any("the client's advertisement of its tickets for a day." in text for _, text in texts)
    assert not any("Introduction . ." in text for _, text in texts)
    # a text not printed to pages is read as before
    plain = read_bytes(b"Abstract\n\n   This memo specifies a gate.\n", "note.txt", Limits())[0]
    assert isinstance(plain, SourceDocument)
    assert [b.kind for b in plain.blocks] == ["paragraph", "paragraph"]


def test_a_pdfs_running_header_is_page_furniture_and_a_contents_line_is_no_text() -> None:
    """A line heading most pages, its page number changed, is dropped; the same words inside a
    page's text stay; a table of contents' dotted entry never becomes a paragraph."""
    from kickoff.ingest.blocks import layout_text
    from kickoff.ingest.pages import running_lines, without_running_lines

    words = ["harbour", "gate", "ticket", "ferry", "crossing", "tide", "pier", "deck", "cabin", "purser"]
    pages = [
        f"Ferry Tickets Project, SRS 1.3 Page {number}\n"
        + "\n".join(
            f"The {words[(number + line) % 10]} holds {words[(number * line) % 10]} rule {line}." for line in range(8)
        )
        for number in range(1, 6)
    ]
    furniture = running_lines(pages)
    assert furniture == {"ferry tickets project, srs #.# page #"}
    kept = without_running_lines(pages[2], furniture)
    assert not kept.startswith("Ferry Tickets") and kept.splitlines() == pages[2].splitlines()[1:]
    assert running_lines(pages[:2]) == frozenset()  # two pages are too few to tell
    # the header's words in the middle of a page are the page's own text
    middle = pages[2].splitlines()
    middle.insert(5, middle[0])
    assert without_running_lines("\n".join(middle), furniture).splitlines()[4] == middle[0]
    contents = "Table of Contents\n3.2 Users Description ........................ 5\nThe users are clerks."
    assert [b.text for b in layout_text(contents, markdown=False).blocks] == [
        "Table of Contents",
        "The users are clerks.",
    ]
    # a chapter's page number ("2-3", PURE's THEMAS), and what a page or clause keeps only to hold
    # its place, are no text either
    placeholders = (
        "2.5.1 Operating System Assumptions ........................ 2-3\nPAGE LEFT INTENTIONALLY BLANK\n\n"
        "4.3.2.4 Intentionally deleted\n\nThis section has been intentionally deleted.\n\n"
        "The log was intentionally deleted by the clerk."
    )
    assert [b.text for b in layout_text(placeholders, markdown=False).blocks] == [
        "The log was intentionally deleted by the clerk."
    ]


def test_a_chapters_running_header_and_a_book_style_header_are_page_furniture() -> None:
    """ "PRODUCT FUNCTIONS 17" heads only its chapter's pages, a new page number each time; "1.4.
    OVERVIEW 9" heads one page. Neither is text; "3 SPECIFIC REQUIREMENTS" atop a page is a heading."""
    from kickoff.ingest.pages import running_lines, without_running_lines

    words = ["harbour", "gate", "ticket", "ferry", "crossing", "tide", "pier", "deck", "cabin", "purser", "quay"]

    def body(page: int) -> str:
        return "\n".join(
            f"The {words[page % 11]} {words[line]} holds the {words[(page + line) % 11]}." for line in range(8)
        )

    chapters = [("INTRODUCTION", 3), ("INTRODUCTION", 5), *(("PRODUCT FUNCTIONS", n) for n in (15, 17, 19))]
    pages = [f"{title} {number}\n{body(number)}" for title, number in chapters]
    furniture = running_lines(pages)
    assert "product functions #" in furniture and "introduction #" not in furniture
    assert without_running_lines(pages[3], furniture).splitlines() == body(17).splitlines()
    text = body(1)
    assert without_running_lines(f"1.4. OVERVIEW 9\n{text}", frozenset()).splitlines() == text.splitlines()
    kept = without_running_lines(f"3 SPECIFIC REQUIREMENTS\n{text}", frozenset())
    assert kept.splitlines()[0] == "3 SPECIFIC REQUIREMENTS"


def test_a_contents_page_without_its_leaders_is_no_text() -> None:
    """ "1.1 Purpose 5" lines making up most of a page, their page numbers going forward (but for
    one slip), are a table of contents; a page of figures that go back and forth is kept; a
    leader of "…" marks an entry too."""
    from kickoff.ingest.blocks import layout_text
    from kickoff.ingest.pdf import without_contents

    contents = (
        "Table of Contents\nIntroduction 5\n1.1 Purpose 5\n1.2 Scope 5\n2 Overview 8\nSupportability 1 7\n3 Security 17"
    )
    assert without_contents(contents).splitlines() == ["Table of Contents"]
    figures = "Gate loads\nGate A 120\nGate B 80\nGate C 95\nGate D 40\nGate E 300"
    assert without_contents(figures) == figures
    leader = "System Design……………………………………18\nThe kiosk prints tickets."
    assert [b.text for b in layout_text(leader, markdown=False).blocks] == ["The kiosk prints tickets."]
    joined = (
        "3.5 Search……………12 3.6 Add Group……………13\nAPPENDIX A – Requirements..........A-1\n"
        "The kiosk, the gate... and the pier..... hold.\n"
    )
    assert [b.text for b in layout_text(joined, markdown=False).blocks] == [
        "The kiosk, the gate... and the pier..... hold."
    ]
    # a Word template's leaders are underscores (PURE's Grid-BGC SRS): "Purpose ______ 7"
    underscored = (
        "Introduction ______________________________________________________7\n"
        "Purpose ______________________________________________________7\n"
        "2.5.1 The system shall use the toolkit. _______ 9 2.6 User Documentation ______ 9\n"
        "The kiosk prints tickets.\n"
    )
    assert [b.text for b in layout_text(underscored, markdown=False).blocks] == ["The kiosk prints tickets."]


def test_a_word_files_contents_is_no_heading_and_a_symbol_fonts_bullet_is_a_bullet() -> None:
    """antiword writes a contents entry as "1.1\tPurpose\t4": four or more in a row, their page
    numbers going forward, are the contents, not headings; two numbered lines ending in a figure
    are text. A control character standing alone in a PDF's text is a bullet, inside a word nothing."""
    from kickoff.ingest.blocks import layout_text
    from kickoff.ingest.pdf import without_control_characters

    text = "1\tIntroduction\t4\n1.1\tPurpose\t4\n1.2\tScope\t5\n2\tOverview\t7\n\n1 Introduction\nThe kiosk sells.\n"
    assert [(b.kind, b.text) for b in layout_text(text, markdown=False).blocks] == [
        ("heading", "Introduction"),
        ("paragraph", "The kiosk sells."),
    ]
    figures = "2.1 Gates 12\n2.2 Piers 4\n"
    assert [b.kind for b in layout_text(figures, markdown=False).blocks] == ["heading", "heading"]
    # antiword drops Word's automatic heading numbers: a body line the contents lists is a heading
    unnumbered = (
        "1\tScope\t4\n2\tOverview\t5\n2.1\tGates\t6\n3\tGlossary\t9\n\nScope\n\nThe kiosk sells.\n\nGates\n\nTwo.\n"
    )
    assert [(b.kind, b.text, b.level) for b in layout_text(unnumbered, markdown=False).blocks] == [
        ("heading", "Scope", 1),
        ("paragraph", "The kiosk sells.", 0),
        ("heading", "Gates", 2),
        ("paragraph", "Two.", 0),
    ]
    assert without_control_characters("\x02 [1] Agreement\nTick\x7fets") == "• [1] Agreement\nTickets"


def test_a_word_tables_wrapped_cells_join_their_row_and_a_cells_next_line_does_not() -> None:
    """antiword pads each cell to its column: a line whose first cell is empty goes on the row
    above where a cell wrapped (its first word had no room in the padding above), and is a row of
    its own where the cell simply holds several lines (a list). Other tables never wrap: an ASCII
    table is as wide as its longest entry, and an empty first cell there starts a row."""
    from kickoff.ingest.blocks import layout_text

    text = (
        "|P-031 |The kiosk shall be able to handle three hundred  |MHI |H |\n"
        "|      |simultaneous requests for tickets.                |    |  |\n"
        "|Fixed |Station Category                                  |    |  |\n"
        "|      |Type of Station                                   |    |  |\n"
    )
    assert [b.text for b in layout_text(text, markdown=False, padded_tables=True).blocks] == [
        "P-031 The kiosk shall be able to handle three hundred simultaneous requests for tickets. | MHI | H",
        "Fixed | Station Category",
        "Type of Station",
    ]
    assert len(layout_text(text, markdown=True).blocks) == 4
    assert len(layout_text(text, markdown=False).blocks) == 4


def test_a_line_that_is_only_a_page_number_is_furniture_wherever_it_stands() -> None:
    from kickoff.ingest.pages import without_running_lines

    page = "Version: 2.1\nDate: 6/13/2008\nBlack Start Plan\nPage 3 of 11\nThe unit starts.\n- 4 -\nIt runs 10 minutes."
    assert without_running_lines(page, frozenset()).splitlines() == [
        "Version: 2.1",
        "Date: 6/13/2008",
        "Black Start Plan",
        "The unit starts.",
        "It runs 10 minutes.",
    ]


def test_an_appendix_line_in_a_pdf_is_a_heading() -> None:
    from kickoff.ingest.blocks import layout_text

    text = "The games end when no move is left.\nAppendix A: Glossary\nAI Acronym of artificial intelligence.\n"
    blocks = layout_text(text, markdown=False, wrapped=True).blocks
    assert [(b.kind, b.section) for b in blocks] == [
        ("paragraph", None),
        ("heading", "Glossary"),
        ("paragraph", "Glossary"),
    ]


def test_a_pdf_heading_whose_number_runs_into_its_title_is_a_heading() -> None:
    """Some PDF writers drop the space after a heading's number ("2.1.2Hardware Interfaces");
    a page's first paragraph stays in the section the previous page left open; a number glued
    to a unit or a single letter ("2.4GHz", "3D") is text."""
    from kickoff.ingest.blocks import layout_text

    page_one = "1.5SRS Document Overview\nThe ferry is described here.\n2.1.2Hardware Interfaces\nA kiosk scans"
    blocks = layout_text(page_one, markdown=False, wrapped=True).blocks
    assert [(b.kind, b.section) for b in blocks] == [
        ("heading", "SRS Document Overview"),
        ("paragraph", "SRS Document Overview"),
        ("heading", "Hardware Interfaces"),
        ("paragraph", "Hardware Interfaces"),
    ]
    page_two = layout_text("tickets at each gate.\n", markdown=False, wrapped=True, section=blocks[-1].section)
    assert [b.section for b in page_two.blocks] == ["Hardware Interfaces"]
    for line in ("2.4GHz Processor Board", "3D Graphics Engine", "100MB Storage Quota"):
        text = f"The kiosk runs all day.\n{line}\n"
        assert [b.kind for b in layout_text(text, markdown=False, wrapped=True).blocks] == ["paragraph"], line
    # plain text keeps a space-less number as text
    assert [b.kind for b in layout_text("2.1.2Hardware Interfaces\n", markdown=False).blocks] == ["paragraph"]
