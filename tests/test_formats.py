"""Office and legacy formats read as what they are: rows, slides and paragraphs, never zip members."""

from __future__ import annotations

import json
import os
import stat
import zipfile
from pathlib import Path

import pytest

from format_bundle import BAD, GOOD, RTF, make_docx, make_ods, make_odt, make_pptx, make_xlsx, make_zip, write_bundle
from kickoff import Config, Limits, run
from kickoff.ingest import read_bytes, sniff_format
from kickoff.model import ReadProblem, SourceDocument


def _read(data: bytes, name: str) -> list[SourceDocument | ReadProblem]:
    return read_bytes(data, name, Limits())


def _document(data: bytes, name: str) -> SourceDocument:
    outcome = _read(data, name)
    assert len(outcome) == 1 and isinstance(outcome[0], SourceDocument), outcome
    return outcome[0]


def test_xlsx_rows_are_one_document_not_a_zip() -> None:
    data = make_xlsx(
        {
            "Requirements": [["ID", "Requirement"], ["REQ-1", "The system must handle 4,200 orders a week."]],
            "Notes": [[None, None], ["Owner", "Jane Roe"], [3.0, 4.5]],
        }
    )
    assert sniff_format(data, "brief.xlsx") == sniff_format(data, "renamed.bin") == "xlsx"
    document = _document(data, "brief.xlsx")
    rows = [(b.kind, b.text, b.section) for b in document.blocks]
    assert ("table row", "REQ-1 The system must handle 4,200 orders a week.", "Requirements") in rows
    assert ("table row", "3 | 4.5", "Notes") in rows
    assert not any("</" in b.text for b in document.blocks)
    assert document.metadata.author is None  # openpyxl's own name is not a byline


def test_pptx_slides_titles_bullets_and_notes() -> None:
    data = make_pptx([("Scope", ["The app must answer within 2 seconds.", "Pilot in 3 cities"], "Ask about budget.")])
    document = _document(data, "deck.pptx")
    blocks = [(b.kind, b.text, b.page, b.section) for b in document.blocks]
    assert blocks == [
        ("heading", "Scope", 1, "Scope"),
        ("paragraph", "The app must answer within 2 seconds.", 1, "Scope"),
        ("list item", "Pilot in 3 cities", 1, "Scope"),
        ("comment", "Speaker notes: Ask about budget.", 1, "Scope"),
    ]
    assert document.metadata.date is None  # the python-pptx template's 2013 date is not the deck's


def test_opendocument_text_and_spreadsheet() -> None:
    text = _document(make_odt("Scope", ["The locker shall open within 2 seconds."]), "brief.odt")
    assert [(b.kind, b.text, b.section) for b in text.blocks] == [
        ("heading", "Scope", "Scope"),
        ("paragraph", "The locker shall open within 2 seconds.", "Scope"),
    ]
    sheet = _document(make_ods([["ID", "Requirement"], ["REQ-2", "The locker shall report hourly."]]), "t.ods")
    assert [b.text for b in sheet.blocks] == ["ID | Requirement", "REQ-2 The locker shall report hourly."]


def test_rtf_paragraphs_and_table_rows() -> None:
    document = _document(RTF.encode("ascii"), "brief.rtf")
    assert document.format == "rtf"
    assert ("table row", "REQ-1 The kiosk shall print receipts in Café mode.") in [
        (b.kind, b.text) for b in document.blocks
    ]


def test_an_rtf_heading_ended_with_a_cell_mark_is_a_heading_and_symbol_bullets_are_items() -> None:
    """A Word export writes "1.1  Scope" as a one-cell row ("1.1  Scope|" once converted): it is a
    heading, not a table row; its "·" and "o" bullets are list items."""
    rtf = (
        r"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}}"
        "\n\\trowd\\cellx6000 \\intbl 1.1  Scope\\cell\\row\n"
        "{\\pard The following are out of scope:\\par}\n"
        "{\\pard \\'b7\\tab e-tendering;\\par}\n{\\pard o\\tab auctions;\\par}\n}"
    )
    document = _document(rtf.encode("ascii"), "spec.rtf")
    assert [(b.kind, b.text) for b in document.blocks] == [
        ("heading", "Scope"),
        ("paragraph", "The following are out of scope:"),
        ("list item", "e-tendering;"),
        ("list item", "auctions;"),
    ]


def test_other_packages_are_named_not_unpacked() -> None:
    visio = make_zip({"[Content_Types].xml": b"<Types/>", "visio/document.xml": b"<x/>"})
    assert "Office Open XML package" in _read(visio, "plan.vsdx")[0].reason  # type: ignore[union-attr]
    epub = make_zip({"mimetype": b"application/epub+zip", "OEBPS/a.xhtml": b"<html/>"}, zipfile.ZIP_STORED)
    assert "application/epub+zip" in _read(epub, "book.epub")[0].reason  # type: ignore[union-attr]
    assert "legacy Office file" in _read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "sheet.xls")[0].reason  # type: ignore[union-attr]


def test_an_xlsx_with_an_entity_bomb_is_refused() -> None:
    real = zipfile.ZipFile(__import__("io").BytesIO(make_xlsx({"S": [["a"]]})))
    members = {name: real.read(name) for name in real.namelist()}
    members["xl/workbook.xml"] = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><workbook>&a;</workbook>'
    outcome = _read(make_zip(members), "bomb.xlsx")
    assert len(outcome) == 1 and isinstance(outcome[0], ReadProblem) and "entit" in outcome[0].reason


def test_legacy_word_without_a_converter_names_the_tool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    outcome = _read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old.doc")
    assert isinstance(outcome[0], ReadProblem) and "apt-get install antiword" in outcome[0].reason


def test_legacy_word_goes_through_the_converter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The plumbing to antiword: a stand-in script on PATH prints what antiword would."""
    script = tmp_path / "antiword"
    script.write_text("#!/bin/sh\nprintf 'Scope\\n\\nThe locker shall open within 2 seconds.\\n'\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    document = _document(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old.doc")
    assert document.format == "doc" and "within 2 seconds" in document.text


def test_docx_template_author_is_not_a_byline() -> None:
    document = _document(make_docx([("Normal", "The locker shall open within 2 seconds.")]), "brief.docx")
    assert document.metadata.author is None and document.metadata.date is None


def test_every_format_of_the_format_bundle_is_read(tmp_path: Path) -> None:
    """The bundle the install check uses: every good file read, every bad one named with its reason."""
    bundle = tmp_path / "bundle"
    write_bundle(bundle)
    out = tmp_path / "out"
    analysis = run(
        Config(bundle, out / "INDEX.md", out / "QUESTIONS.md", out / "kickoff.json", html_path=out / "r.html")
    )
    read = {document.path for document in analysis.documents}
    assert set(GOOD) <= read, set(GOOD) - read
    reasons = {problem.path: problem.reason for problem in analysis.problems}
    for path, word in BAD.items():
        assert word in reasons.get(path, ""), (path, reasons)
    assert json.loads((out / "kickoff.json").read_text())["documents"]


def test_metadata_says_where_it_came_from(tmp_path: Path) -> None:
    """A byline and a date read from a file's properties are labelled as such, not passed off as
    facts the text states: a PDF's CreationDate is the day the file was made."""
    import datetime
    import io

    import docx

    word = docx.Document()
    word.add_paragraph("The locker shall open within 2 seconds of a valid scan at every bank.")
    word.core_properties.author = "Jane Roe"
    word.core_properties.created = datetime.datetime(2024, 11, 5, 9, 0)
    buffer = io.BytesIO()
    word.save(buffer)
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "brief.docx").write_bytes(buffer.getvalue())
    out = tmp_path / "out"
    run(Config(bundle, out / "INDEX.md", out / "QUESTIONS.md", out / "k.json"))
    index = (out / "INDEX.md").read_text("utf-8")
    assert "**Byline:** Jane Roe (from the DOCX core properties)" in index
    assert "2024-11-05 (“DOCX core properties: created (when the file was first saved)”)" in index


def test_a_text_file_that_only_looks_like_html_is_read_as_text() -> None:
    """Issue 13: generated .txt files whose first bytes looked like HTML failed to read. A '.txt'
    that is not the HTML it seems is read as text, with a warning, not lost."""
    text = b"<html is the element that opens a page; the parser must accept it in any case.\n\nSecond paragraph of the note."
    outcome = _read(text, "note.txt")
    documents = [o for o in outcome if isinstance(o, SourceDocument)]
    assert len(documents) == 1 and "Second paragraph" in documents[0].text
    assert any("looked like html" in w for w in documents[0].warnings)
