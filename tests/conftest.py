"""Shared fixtures: bundles written by the tests, and generators for real-format files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st

from format_bundle import make_docx, make_pdf, make_zip
from kickoff import Config
from kickoff.config import Limits
from kickoff.ingest import read_bytes
from kickoff.model import Document
from kickoff.profile import profile_document

ROOT = Path(__file__).resolve().parent.parent
# No property test fails on a timing: hypothesis's default deadline (200 ms an example) fails a
# test whose first example loads a lexicon, or any example on a loaded CI machine.
settings.register_profile("kickoff", deadline=None)
settings.load_profile("kickoff")

__all__ = ["ROOT", "count_pair_comparisons", "document_from_text", "make_docx", "make_pdf", "make_zip"]


def texts_of(fragments: list[str], max_size: int) -> st.SearchStrategy[str]:
    """Texts joined from up to ``max_size`` of ``fragments``: what the property tests feed a
    shortcut and the search it skips, with the fragments chosen to hit each pattern's edges."""
    return st.lists(st.sampled_from(fragments), max_size=max_size).map("".join)


def document_from_text(text: str, path: str = "doc.txt") -> Document:
    """Ingest and profile a text written in a test, as the pipeline would."""
    outcome = read_bytes(text.encode("utf-8"), path, Limits())
    assert len(outcome) == 1
    source = outcome[0]
    assert not hasattr(source, "reason"), source
    return profile_document(source)  # type: ignore[arg-type]


@pytest.fixture(autouse=True, scope="session")
def _store_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The command line keeps an incremental store in the user's cache folder: not the tests'."""
    previous = os.environ.get("KICKOFF_CACHE_DIR")
    os.environ["KICKOFF_CACHE_DIR"] = str(tmp_path_factory.mktemp("store"))
    yield
    if previous is None:
        os.environ.pop("KICKOFF_CACHE_DIR", None)
    else:
        os.environ["KICKOFF_CACHE_DIR"] = previous


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "bundle"
    folder.mkdir()
    return folder


@pytest.fixture
def config_for(tmp_path: Path):  # type: ignore[no-untyped-def]
    def build(folder: Path) -> Config:
        return Config(
            bundle=folder,
            index_path=tmp_path / "out" / "INDEX.md",
            questions_path=tmp_path / "out" / "QUESTIONS.md",
            json_path=tmp_path / "out" / "kickoff.json",
        )

    return build


def count_pair_comparisons(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that grows by one each time relate compares the texts of a candidate pair."""
    import kickoff.relate as relate_module

    compared: list[int] = []
    original = relate_module._textual

    def counting(*args):  # type: ignore[no-untyped-def]
        compared.append(1)
        return original(*args)

    monkeypatch.setattr(relate_module, "_textual", counting)
    return compared


def _memo_page(number: int, body: str) -> str:
    """One page of a memo printed as IETF RFCs are: header, body, footer, then a form feed."""
    return (
        f"RFC 9999                 Ferry Ticket Protocol                 May 2026\n\n{body}\n"
        f"Tagger                       Standards Track                   [Page {number}]\n\f\n"
    )


MEMO = (
    "Network Working Group                                          B. Tagger\n"
    "Request for Comments: 9999                                  Harbour Board\n"
    "Category: Standards Track                                      May 2026\n\n\n"
    "                       Ferry Ticket Protocol\n\n"
    "Abstract\n\n"
    "   This memo specifies how a gate checks a ferry ticket.  A gate MAY keep the client's advertisement\n"
    "   of its tickets for a day.\n\n"
    "Table of Contents\n\n"
    "   1.  Introduction . . . . . . . . . . . . . . . . . . . . . . . .  2\n\f\n"
    + _memo_page(2, "1.  Introduction\n\n   A gate MUST check each ticket before it opens, and the\n")
    + _memo_page(
        3, "   ticket office MUST answer within two seconds.\n\n   o  A ticket names one crossing\n      and one day.\n"
    )
    + _memo_page(4, "   2.  If the ticket is not valid, the gate MUST stay\n       closed and show why.\n")
)
