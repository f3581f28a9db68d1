"""Cross-cutting guarantees: stage contracts, JSON round trip, readers that never raise."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, make_docx, make_pdf, make_zip, texts_of
from kickoff import Config, Limits, analyse
from kickoff.cli import EXIT_SOME_FAILED, main
from kickoff.ingest import read_bytes
from kickoff.model import ReadProblem, SourceDocument
from kickoff.report import render_json
from kickoff.serial import decode

STAGES = ["profile", "relate", "integrity", "gaps", "report"]


def test_every_stage_requirement_is_provided_by_an_earlier_stage() -> None:
    import importlib

    provided = {"source", "documents"}
    for name in STAGES:
        module = importlib.import_module(f"kickoff.{name}")
        missing = set(module.REQUIRES) - provided
        assert not missing, f"stage {name} requires {missing} before anything provides it"
        provided |= set(module.PROVIDES)


def test_json_round_trips_through_the_model(tmp_path: Path) -> None:
    config = Config(ROOT / "seeds", tmp_path / "I.md", tmp_path / "Q.md", None)
    analysis = analyse(config)
    data = json.loads(render_json(analysis))
    rebuilt = decode(data)
    assert rebuilt == analysis
    assert json.loads(render_json(rebuilt)) == data


_BLOCK_TEXT = texts_of([*"ab. \n\t•▪:-REQ1\u00a0\ue000", "Dr. ", "e.g. ", " REQ-1: The ", "A\u0301"], 30)


@settings(max_examples=300)
@given(
    blocks=st.lists(
        st.tuples(
            _BLOCK_TEXT, st.sampled_from(["paragraph", "heading", "list item", "table row", "metadata", "comment"])
        ),
        max_size=8,
    )
)
def test_encoding_counts_each_blocks_sentences_as_splitting_it_again_would(blocks: list[tuple[str, str]]) -> None:
    """serial._sentence_count's shortcuts (the sentence that is the whole block; the run that
    shares the block's Location) give the count that splitting the block again gives, for
    documents as profiling makes them and as they are read back from the JSON."""
    from kickoff.model import Block
    from kickoff.profile import profile_document
    from kickoff.serial import _sentence_count, _split, decode_document, encode_document

    source = SourceDocument(
        "d.txt",
        "text",
        "0" * 64,
        0,
        None,
        tuple(Block(text, kind) for text, kind in blocks),  # type: ignore[arg-type]
    )
    for document in (profile := profile_document(source), decode_document(encode_document(profile))):
        taken = 0
        for block in document.source.blocks:
            expected = len(_split(block, document.path))
            assert _sentence_count(block, document.sentences, taken, document.path) == expected
            taken += expected
        assert taken == len(document.sentences)


EXTENSIONS = [".txt", ".md", ".html", ".pdf", ".docx", ".eml", ".zip", ".csv", ".py", ""]


def test_an_analysis_survives_pickling_as_worker_processes_hand_it_back(tmp_path: Path) -> None:
    """Records pickle by position (model._pickled_by_position): every field comes back, in its
    place, for every record class an analysis holds, a relation's packed pairs included."""
    import pickle

    config = Config(ROOT / "seeds", tmp_path / "I.md", tmp_path / "Q.md", None)
    analysis = analyse(config)
    assert analysis.relations and analysis.documents[0].integrity is not None
    rebuilt = pickle.loads(pickle.dumps(analysis))
    assert rebuilt == analysis
    assert [r.aligned for r in rebuilt.relations] == [r.aligned for r in analysis.relations]


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=4096), extension=st.sampled_from(EXTENSIONS))
def test_random_bytes_never_escape_a_reader(data: bytes, extension: str) -> None:
    outcome = read_bytes(data, f"fuzz{extension}", Limits(read_timeout_seconds=5))
    assert all(isinstance(item, SourceDocument | ReadProblem) for item in outcome)


def _seed_files() -> list[tuple[str, bytes]]:
    return [
        ("spec.pdf", make_pdf(["The system shall start within 2 seconds.", "It shall log every start."])),
        (
            "spec.docx",
            make_docx([("Heading 1", "Purpose"), ("Normal", "The purpose of this system is to count widgets.")]),
        ),
        ("bundle.zip", make_zip({"a.md": b"# A\n\nThe tool shall export CSV files."})),
    ]


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.integers(0, 2), position=st.integers(0, 10**6), value=st.integers(0, 255), cut=st.booleans())
def test_mutated_real_files_never_escape_a_reader(which: int, position: int, value: int, cut: bool) -> None:
    name, data = _seed_files()[which]
    mutated = bytearray(data)
    index = position % len(mutated)
    if cut:
        mutated = mutated[:index]
    else:
        mutated[index] = value
    outcome = read_bytes(bytes(mutated), name, Limits(read_timeout_seconds=5))
    assert all(isinstance(item, SourceDocument | ReadProblem) for item in outcome)


def test_bundle_of_every_format_and_every_hostile_file(tmp_path: Path) -> None:
    """Good files fully indexed with page/section citations; each bad file named; exit code 1."""
    from email.message import EmailMessage

    bundle = tmp_path / "bundle"
    bundle.mkdir()
    for name, data in _seed_files():
        (bundle / name).write_bytes(data)
    (bundle / "notes.md").write_text("# Performance\n\nThe search shall answer within 200 ms.\n")
    (bundle / "page.html").write_text(
        "<html><head><title>Brief</title></head><body><article><h1>Brief</h1><p>The dashboard shall show every widget count on one page for operators.</p>"
        "<p>Operators use the dashboard during every shift to check the widget counts.</p></article></body></html>"
    )
    message = EmailMessage()
    message["Subject"] = "Brief"
    message["From"] = "a@example.com"
    message.set_content("The service shall send a daily summary.")
    (bundle / "mail.eml").write_bytes(message.as_bytes())
    (bundle / "legacy.txt").write_bytes("Caf\xe9 menu: the kiosk shall print receipts.".encode("cp1252"))
    (bundle / "utf16.txt").write_bytes("The kiosk shall accept cards.".encode("utf-16"))
    hostile = {
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 4,
        "truncated.pdf": make_pdf(["x"])[:60],
        "junk.docx": make_zip({"junk.bin": b"\x00" * 10}),
        "bomb.zip": make_zip({"zeros.txt": b"0" * (20 * 1024 * 1024)}),
        "slip.zip": make_zip({"../../evil.txt": b"owned"}),
    }
    for name, data in hostile.items():
        (bundle / name).write_bytes(data)
    (bundle / "outside-link.txt").symlink_to(tmp_path)
    out = tmp_path / "out"
    code = main(
        [str(bundle), "--index", str(out / "INDEX.md"), "--questions", str(out / "Q.md"), "--json", str(out / "k.json")]
    )
    assert code == EXIT_SOME_FAILED
    payload = json.loads((out / "k.json").read_text())
    read = {d["source"]["path"] for d in payload["documents"]}
    assert {
        "spec.pdf",
        "spec.docx",
        "bundle.zip/a.md",
        "notes.md",
        "page.html",
        "mail.eml",
        "legacy.txt",
        "utf16.txt",
    } <= read
    failed = {p["path"] for p in payload["problems"] if p["fatal"]}
    assert {
        "empty.txt",
        "binary.txt",
        "truncated.pdf",
        "junk.docx",
        "bomb.zip",
        "slip.zip/../../evil.txt",
        "outside-link.txt",
    } <= failed
    citations = {r["location"]["path"]: r["location"] for r in payload["requirements"]}
    assert citations["spec.pdf"]["page"] in (1, 2)
    assert citations["notes.md"]["section"] == "Performance"
    index = (out / "INDEX.md").read_text()
    for name in ("empty.txt", "truncated.pdf", "junk.docx", "bomb.zip"):
        assert f"`{name}`" in index
    assert not (tmp_path / "evil.txt").exists()
    assert zipfile.is_zipfile(bundle / "slip.zip")  # the input is untouched
    shutil.rmtree(out)


def test_each_json_section_reads_alone_as_the_whole_file_has_it(tmp_path: Path) -> None:
    """A data room's JSON is read a section at a time (the re-run state is read that way): the
    line layout must give the same records as parsing the whole file."""
    from kickoff.serial import HEAD, RECORD_SECTIONS, read_section

    path = tmp_path / "kickoff.json"
    analyse_and_write = Config(ROOT / "seeds", tmp_path / "I.md", tmp_path / "Q.md", path)
    from kickoff.pipeline import run

    run(analyse_and_write)
    whole = json.loads(path.read_text("utf-8"))
    for name in RECORD_SECTIONS:
        assert list(read_section(path, name)) == whole[name]
    for name in HEAD:
        assert list(read_section(path, name)) == [whole[name]]
    assert whole["relations"] and whole["relations"][0]["aligned"], "the seeds' relation aligns sentences"
    assert all(isinstance(index, int) for index in whole["relations"][0]["aligned"][0][:2])
