"""Profile: kind with evidence, language, dates, names, title, byline, summary."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from conftest import MEMO, document_from_text, texts_of
from kickoff.profile.dates import find_dates
from kickoff.profile.entities import find_entities

NEWS = """Leaders meet in Vienna

Chancellor Anna Berger met President Marco Rossi in Vienna on Tuesday, officials said.

"We agreed on a common plan for the river," Berger told reporters after the talks, according to the Austrian Press Agency.

Rossi said the plan would be signed in Rome in March 2021. Berger added that Vienna would host the next round.

Maria Huber and Tom Klein, The Daily Courier
"""

SPEC = """# Ticket kiosk requirements

## Purpose

The purpose of this system is to sell train tickets at unstaffed stations.

## Functional requirements

- The kiosk shall print a ticket within 3 seconds of payment.
- The kiosk shall accept contactless cards.
- The system must log every sale.
"""


def test_news_report_is_recognised_with_evidence() -> None:
    profile = document_from_text(NEWS).profile
    assert profile is not None
    assert profile.kind == "news report"
    assert any("reporting expressions" in line for line in profile.kind_evidence)
    assert profile.language == "en"
    assert profile.title == "Leaders meet in Vienna"
    assert profile.byline == "Maria Huber and Tom Klein"
    assert profile.outlet == "Daily Courier"


def test_specification_is_recognised_with_evidence() -> None:
    profile = document_from_text(SPEC, "kiosk.md").profile
    assert profile is not None
    assert profile.kind == "specification"
    assert any("state requirements" in line for line in profile.kind_evidence)
    assert profile.title == "Ticket kiosk requirements"


def test_code_and_data_files_are_kinds_of_their_own() -> None:
    code = document_from_text("def main():\n    return 1\n", "tool.py").profile
    data = document_from_text("a,b\n1,2\n3,4\n", "table.csv").profile
    assert code is not None and code.kind == "code"
    assert data is not None and data.kind == "data"


def test_dates_are_normalised_to_iso_at_their_precision() -> None:
    found = {d.iso: d.text for d in find_dates("On 7 January 2020, in May 2018 and since 2015; also 2020-01-09.")}
    assert found == {"2020-01-07": "7 January 2020", "2018-05": "May 2018", "2015": "2015", "2020-01-09": "2020-01-09"}


def test_people_places_and_organisations_are_told_apart() -> None:
    profile = document_from_text(NEWS).profile
    assert profile is not None
    people, places, organisations = profile.people, profile.places, profile.organisations
    names = {e.name for e in people}
    assert {"Anna Berger", "Marco Rossi"} <= names
    assert {"Vienna", "Rome"} <= {e.name for e in places}
    assert "Austrian Press Agency" in {e.name for e in organisations}
    # "Berger" alone is counted as Anna Berger, not as a second person.
    assert "Berger" not in names


def test_sentence_initial_common_words_are_not_names() -> None:
    people, places, organisations = find_entities(["Whereas there, he sat down.", "Hundreds of people came."])
    assert people == places == organisations == ()


def test_summary_is_two_or_three_sentences_from_the_text() -> None:
    profile = document_from_text(NEWS).profile
    assert profile is not None
    assert 2 <= len(profile.summary) <= 3
    assert all(sentence in NEWS.replace("\n", " ") for sentence in profile.summary)


def test_language_other_than_english() -> None:
    profile = document_from_text(
        "Le système doit imprimer un billet en moins de trois secondes. Les usagers paient par carte bancaire sans contact."
    ).profile
    assert profile is not None and profile.language == "fr"


def test_a_seat_of_government_speaking_is_an_organisation() -> None:
    text = "The Pentagon said on Monday that Anna Berger had met officials. Whitehall declined to comment, Marco Rossi said."
    profile = document_from_text(text).profile
    assert profile is not None
    assert {"Pentagon", "Whitehall"} <= {e.name for e in profile.organisations}
    assert "Pentagon" not in {e.name for e in profile.people}


def test_kind_floors_hold_on_real_documents() -> None:
    """eval/kinds.py on the real documents: the figures pinned in eval/kind_floors.json hold.

    Needs ../shared/data (the real specifications and news texts), which CI has beside the clone."""
    import sys

    from conftest import ROOT

    shared = ROOT.parent / "shared" / "data"
    if not (shared / "specs").is_dir() or not (shared / "content-farm").is_dir():
        pytest.skip(f"{shared} is absent: the real documents are not here")
    sys.path.insert(0, str(ROOT / "eval"))
    import kinds

    figures = kinds.measure(shared / "specs", shared / "content-farm").figures()
    for name, floor in kinds.load_floors().items():
        assert figures.get(name, 0.0) >= floor, (name, figures.get(name), floor)


def test_meeting_notes_are_not_news() -> None:
    notes = document_from_text(
        "Workshop with the depot team, 4 May\n\nAttendees: two dispatchers, the IT lead.\n\n"
        "The dispatchers said the scanners drop out at night. They told us the night shift reported it twice.",
        "notes.txt",
    )
    assert notes.profile is not None and notes.profile.kind == "other"
    assert notes.profile.kind_evidence[0].startswith("meeting notes")


def test_a_design_proposal_is_a_specification_by_its_structure() -> None:
    proposal = document_from_text(
        "# Ticket export\n\n## Summary\n\nAdd a CSV export of tickets.\n\n## Motivation\n\nOperators asked for it.\n\n"
        "## Design Details\n\nThe export streams rows.\n\n## Drawbacks\n\nA second format to keep.\n\n"
        "## Unresolved questions\n\nWho owns the schema?\n",
        "proposal.md",
    )
    assert proposal.profile is not None and proposal.profile.kind == "specification"
    assert "headings" in proposal.profile.kind_evidence[0]


def test_a_title_after_a_nationality_still_marks_a_person() -> None:
    """'<Nationality> President <First Last> welcomed <Nationality> President <First Last>', the
    lead of many wire reports, names two people (written for this test)."""
    from conftest import document_from_text

    document = document_from_text(
        "Ruritanian President Anna Berger welcomed Freedonian Prime Minister Tomas Kovac in the capital on Monday."
    )
    assert document.profile is not None
    assert {e.name for e in document.profile.people} == {"Anna Berger", "Tomas Kovac"}


def test_a_section_word_is_no_title() -> None:
    """A Rust RFC opens with '# Summary': the document's title is its file name's words, not that."""
    from conftest import document_from_text

    document = document_from_text("- Start Date: 2031-01-01\n\n# Summary\n\nAdd widgets.\n", "0042-widget-export.md")
    assert document.profile is not None and document.profile.title == "widget export"


def test_a_name_ends_before_a_date() -> None:
    """ "in Harbourton June 18" names a place, not "Harbourton June" (written for this test)."""
    people, places, organisations = find_entities(["The crowd gathered in Harbourton June 18, waiting for the mayor."])
    every = {e.name for group in (people, places, organisations) for e in group}
    assert not any(" June" in name for name in every), every
    assert "Harbourton" in {e.name for e in places}


def test_an_abbreviated_title_marks_a_person_and_a_place_before_it_is_an_adjective() -> None:
    """'Massachusetts Sen. Elizabeth Warren' names one person; the state is an adjective there,
    as 'U.S.' is in 'U.S. prosecutor', and is no organisation she works for."""
    people, _places, organisations = find_entities(["Massachusetts Sen. Elizabeth Warren spoke first."])
    assert [e.name for e in people] == ["Elizabeth Warren"]
    assert not organisations


# Our own sentences, one language each: the function-word shortcut must leave them to the model.
_NOT_ENGLISH = {
    "de": "Das System muss die Fahrkarte in weniger als drei Sekunden drucken. Was die Kunden wollen, wird "
    "von der Stadt bezahlt, und die Karten werden bei jeder Fahrt an der Tür geprüft, wenn der Bus hält.",
    "nl": "Het systeem moet het kaartje binnen drie seconden afdrukken. Dit is wat de reizigers willen, en "
    "de kaart wordt bij elke rit gecontroleerd door de chauffeur van de bus op het perron.",
    "it": "Il sistema deve stampare il biglietto in meno di tre secondi. I passeggeri pagano con la carta "
    "senza contatto e il controllo avviene alla porta di ogni autobus della città.",
    "da": "Systemet skal udskrive billetten på under tre sekunder. Passagererne betaler med kort, og det "
    "kontrolleres ved døren på hver bus i byen, når bussen holder ved stoppestedet.",
}


@pytest.mark.parametrize("language", sorted(_NOT_ENGLISH))
def test_other_languages_are_left_to_the_model(language: str) -> None:
    from kickoff.profile.language import _plainly_english, detect_language

    text = _NOT_ENGLISH[language]
    assert not _plainly_english(text)
    assert detect_language(text) == language


def test_english_function_words_answer_as_the_model_does_on_real_documents() -> None:
    """Wherever the shortcut answers "en" on the real specifications, py3langid says "en" too, and
    the shortcut answers for most of them (that is what it is for)."""
    from conftest import ROOT
    from kickoff.config import Limits
    from kickoff.ingest import read_bytes
    from kickoff.model import SourceDocument
    from kickoff.profile.language import _SAMPLE_CHARACTERS, _identifier, _plainly_english

    specs = ROOT.parent / "shared" / "data" / "specs"
    if not specs.is_dir():
        pytest.skip(f"{specs} is absent: the real documents are not here")
    samples = [
        part.text[:_SAMPLE_CHARACTERS]
        for path in sorted(p for p in specs.rglob("*") if p.is_file() and p.name != "SOURCE.txt")
        for part in read_bytes(path.read_bytes(), path.name, Limits())
        if isinstance(part, SourceDocument)
    ]
    answered = [sample for sample in samples if _plainly_english(sample)]
    assert all(_identifier().classify(sample)[0] == "en" for sample in answered)
    assert len(answered) >= len(samples) // 2, (len(answered), len(samples))


@given(
    texts_of(
        [
            "said",
            "SAID",
            "Said",
            "according to",
            "Spokesman",
            "noted",
            "unnoted",
            "İsaid",
            "ſaid",
            "K",
            " ",
            ".",
            "-",
        ],
        20,
    )
)
def test_reporting_words_are_counted_as_the_case_insensitive_search_counts_them(text: str) -> None:
    """kind._reporting_count lowers ASCII text for a faster search; it must count what the
    case-insensitive pattern counts, on any text."""
    from kickoff.profile import kind

    assert kind._reporting_count(text) == len(kind._REPORTING.findall(text))


def test_list_items_run_into_one_paragraph_are_sentences_of_their_own() -> None:
    """PDF extraction joins a list's lines and a requirements table's rows into one paragraph."""
    from kickoff.text import split_sentences

    joined = (
        "Assets are classified in 3 types \uf0b7 Rooms and space \uf0b7 Software licences "
        "• All other assets NFR 2 — The tools shall scale to large collections "
        "NFR 3 — The tools shall report progress"
    )
    assert split_sentences(joined) == [
        "Assets are classified in 3 types",
        "Rooms and space",
        "Software licences",
        "All other assets",
        "NFR 2 — The tools shall scale to large collections",
        "NFR 3 — The tools shall report progress",
    ]
    # a standard's number is a reference inside the sentence, not the start of an item
    assert split_sentences("The process follows ISO 9001: The quality manual says so.") == [
        "The process follows ISO 9001: The quality manual says so."
    ]


def test_a_priority_tag_after_a_full_stop_closes_its_requirement() -> None:
    """ "(M)" after a requirement's full stop is its priority (real SRS documents of the ERTMS/ETCS
    family), where the next clause's number follows; an enumeration's "(A) The …" still opens."""
    from kickoff.text import split_sentences

    assert split_sentences(
        "4.3.2.3 It shall be possible to define locations. (M) 4.3.2.5 The braking curves shall hold. (O)"
    ) == ["4.3.2.3 It shall be possible to define locations. (M)", "4.3.2.5 The braking curves shall hold. (O)"]
    assert split_sentences("The options follow. (A) The first one.") == ["The options follow.", "(A) The first one."]


@given(st.lists(st.sampled_from(["word", "Shall", "•", "\uf0b7", "NFR", "2", "—", "ISO", ".", "Two"]), max_size=30))
def test_splitting_sentences_keeps_every_word(tokens: list[str]) -> None:
    """Sentences are cut, never trimmed: every word stays, in order (bullet glyphs are no words)."""
    from kickoff.text import split_sentences, words

    text = " ".join(tokens)
    kept = [w for sentence in split_sentences(text) for w in words(sentence)]
    assert kept == words(text)


@given(
    texts_of(
        [
            "The system",
            " shall",
            " SHALL",
            "As a user, I want",
            " must",
            " Will",
            " is required to",
            " needs to",
            " service",
            " ſhall",
            " the api",
            " x",
            ".",
            " À",
        ],
        8,
    )
)
def test_requirement_wording_is_judged_the_same_with_or_without_its_cue_shortcut(sentence: str) -> None:
    """``is_requirement_sentence`` skips its case-insensitive searches where no cue word is in the
    lower-cased ASCII sentence: the shortcut must never change the answer."""
    from kickoff.text import _MODAL, _SHALL, _STORY, SYSTEM_SUBJECT, is_requirement_sentence

    modal = _MODAL.search(sentence)
    searched = bool(_SHALL.search(sentence) or _STORY.search(sentence)) or (
        modal is not None and SYSTEM_SUBJECT.search(sentence[: modal.start()]) is not None
    )
    assert is_requirement_sentence(sentence) == searched


_KIND_FRAGMENTS = [
    *"aA :-\n",
    "Apache License",
    "MIT License",
    "BSD 3-Clause",
    "Creative Commons",
    "Permission is hereby granted, free of charge",
    "Redistribution and use in source and binary forms",
    'THE SOFTWARE IS PROVIDED "AS IS"',
    "GNU General Public License",
    "MUST",
    "MUST NOT",
    "SHALL",
    "SHOULD",
    "REQUIRED",
    "RECOMMENDED",
    "OPTIONAL",
    "Must",
    "on Monday",
    "Sunday",
    "last week",
    "last month",
    "final week",
    "yesterday",
    "earlier this year",
    "today",
    "the System",
    "This APPLICATION",
    "the app",
    "the API",
    "the device",
    "the",
    "this",
]


@given(texts_of(_KIND_FRAGMENTS, 10))
@example("BSD 3-Clause")
@example('THE SOFTWARE IS PROVIDED "AS IS"')
@example("yesterday")
@example("the APP")
def test_the_kinds_cue_shortcuts_never_hide_a_match(text: str) -> None:
    """Each pattern of ``profile.kind`` is searched only where one of its cue substrings occurs:
    a text the pattern matches must hold a cue."""
    from kickoff.profile import kind

    shortcuts = [
        (kind._LICENCE, kind._LICENCE_CUES, text),
        (kind._RFC2119, kind._RFC2119_CUES, text),
        (kind._NEWS_TIME, kind._NEWS_TIME_CUES, text),
        (kind._SYSTEM_SUBJECT, kind._SYSTEM_SUBJECT_CUES, text.lower()),
    ]
    for pattern, cues, searched in shortcuts:
        if pattern.search(text):
            assert any(cue in searched for cue in cues), (pattern.pattern[:40], text)
    assert kind._has_system_subject(text) == (kind._SYSTEM_SUBJECT.search(text) is not None)


@given(texts_of([*"aZ_'’-. 9\nİΣ", "The", "of", "X-Ray", "U.S."], 25))
def test_content_words_are_the_words_lowered_one_by_one(text: str) -> None:
    """``content_words`` lowers ASCII text whole: the words must be those lowered one by one."""
    from kickoff.text import STOPWORDS, content_words, words

    lowered = [token.lower() for token in words(text)]
    assert content_words(text) == [word for word in lowered if word not in STOPWORDS and len(word) > 1]


def test_a_placeholder_or_a_lone_letter_first_is_no_title() -> None:
    """First lines of real SRS documents (PURE): Word's image placeholder in a .doc read as text,
    a page's roman numeral in a PDF, a running footer."""
    for first in ("[pic]", "i", "Page i of 10"):
        document = document_from_text(f"{first}\n\nThe system shall record every order placed by a customer.")
        assert document.profile.title is None, first


def test_section_numbers_nest_headings_their_markup_puts_side_by_side() -> None:
    """A page that tags "5.1 Nature of the Users" and "5.1.1 Clients" alike still puts the second
    under the first; "5.2 Errors" goes back to the first's level."""
    from kickoff.profile.outline import section_paths

    document = document_from_text(
        "# 5. Non-Functional Requirements\n\n## 5.1 Nature of the Users\n\n## 5.1.1 Clients\n\n"
        "Anyone who plays uses the client.\n\n## 5.2 Errors\n\nA dialogue reports each error.\n",
        "srs.md",
    )
    paths = dict(zip((s.text for s in document.sentences), section_paths(document), strict=True))
    assert paths["Anyone who plays uses the client."] == (
        "5. Non-Functional Requirements",
        "5.1 Nature of the Users",
        "5.1.1 Clients",
    )
    assert paths["A dialogue reports each error."] == ("5. Non-Functional Requirements", "5.2 Errors")


def test_a_licence_is_other_and_a_specification_under_a_copyright_notice_is_a_specification() -> None:
    notice = "The Work may be freely redistributed subject to the terms of the GNU General Public License.\n\n"
    licence = document_from_text(
        "GNU GENERAL PUBLIC LICENSE\n\n" + notice + "You may copy and distribute verbatim copies of the Program.\n",
        "COPYING.txt",
    )
    assert licence.profile is not None and licence.profile.kind == "other"
    spec = document_from_text(
        "# Ticket Office Functional Requirements Specification\n\n"
        + notice
        + "## 1 Introduction\n\nThe office sells crossings.\n\n## 2 Scope\n\nTickets only.\n\n"
        "## 3 Functional Requirements\n\nThe office shall print a ticket.\n\n## 4 Performance Requirements\n\n"
        "The office shall print within 2 seconds.\n\n## 5 Security Requirements\n\nClerks shall log in.\n",
        "srs.md",
    )
    assert spec.profile is not None and spec.profile.kind == "specification"


def test_every_code_point_python_calls_whitespace_is_whitespace_to_the_pattern_too() -> None:
    """``normalise_space`` splits on ``str.isspace``, where it once substituted the pattern ``\\s``:
    the two must know the same whitespace, in this Python and every one CI runs."""
    import re
    import sys

    pattern = re.compile(r"\s")
    assert [c for c in range(sys.maxunicode + 1) if bool(pattern.match(chr(c))) != chr(c).isspace()] == []


@given(
    st.text(alphabet=st.sampled_from(["a", "é", "e", "\u0301", " ", "\t", "\n", "\u00a0", "\u2028", "\x1c", "\u3000"]))
)
@example("  Two  spaces\u00a0and a\u2003line\nbreak ")
def test_space_is_normalised_as_the_substitution_did(text: str) -> None:
    import re
    import unicodedata

    from kickoff.text import normalise_space

    assert normalise_space(text) == re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def test_a_memos_title_byline_and_a_specifications_identifiers() -> None:
    """An IETF RFC's title is the line under its header, its authors stand in the header's right
    column, and a protocol's header names ("Content-Length", "If-Modified-Since") and document
    numbers are neither people nor places of a specification."""
    extra = (
        "   A gate sends Content-Length and If-Modified-Since with each request, as RFC 2068 says.\n"
        "   Content-Length MUST be exact.  If-Modified-Since MAY be left out.  Content-Length is set\n"
        "   by the gate.  Sofia Marsh of Portsmouth wrote the first draft.\n"
    )
    document = document_from_text(MEMO + extra, "rfc9999.txt")
    assert document.profile is not None
    assert document.profile.kind == "specification"
    assert document.profile.title == "Ferry Ticket Protocol"
    assert (document.profile.byline, document.profile.outlet) == ("B. Tagger", "IETF")
    named = {entity.name for entity in document.profile.people + document.profile.places}
    assert not named & {"Content-Length", "If-Modified-Since", "RFC 2068"}


def test_rfc_floors_hold_where_the_rfcs_are_here() -> None:
    """IETF RFCs as plain text (eval/rfc.py, key eval/data/rfc_key.json), where ../rfc holds them:
    they are not copied here, so CI skips this and `make eval` measures it. Read with word pairs
    only, for speed; the verdict floors hold with the contextual model too (make eval)."""
    import sys

    from conftest import ROOT

    folder = ROOT.parent / "rfc"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent: the RFC texts are not here")
    sys.path.insert(0, str(ROOT / "eval"))
    import rfc

    rows = rfc.measure(folder, contextual=False)
    assert rows and not rfc.below_floors(rfc.figures(rows))
