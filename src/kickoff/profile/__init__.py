"""Profile: what each document is, who and what it names, and what it says in brief."""

from __future__ import annotations

from kickoff.model import DateMention, Document, Location, Profile, Sentence, SourceDocument
from kickoff.profile.dates import find_dates, normalise_date
from kickoff.profile.describe import find_byline, find_title
from kickoff.profile.entities import find_entities, without_identifiers
from kickoff.profile.kind import decide_kind
from kickoff.profile.language import detect_language
from kickoff.profile.publication import find_publication
from kickoff.profile.summary import summarise
from kickoff.text import split_sentences

__all__ = ["profile_document", "sentences_of"]

REQUIRES = ("source",)
PROVIDES = ("sentences", "profile")


def sentences_of(source: SourceDocument) -> tuple[Sentence, ...]:
    """Sentences with their page and section; headings and table rows stay whole."""
    result: list[Sentence] = []
    for block in source.blocks:
        if block.kind == "metadata":
            continue
        location = Location(source.path, block.page, block.section)
        pieces = [block.text] if block.kind in {"heading", "table row"} else split_sentences(block.text)
        if pieces == [block.text]:
            # one string for a one-sentence block and its sentence, not two equal ones: more than
            # half the blocks of real prose are one sentence, and a data room holds every one
            pieces = [block.text]
        for piece in pieces:
            result.append(Sentence(piece, len(result), location, block.kind))
    return tuple(result)


def profile_document(source: SourceDocument) -> Document:
    sentences = sentences_of(source)
    prose = [s.text for s in sentences if s.block_kind != "heading"]
    text = source.text
    people, places, organisations = find_entities(prose)
    mentions = sum(e.mentions for e in people + places + organisations)
    kind = decide_kind(source, prose, mentions)
    if kind.kind == "specification":
        people, places = without_identifiers(people), without_identifiers(places)
    dates = find_dates(text)
    metadata_date = normalise_date(source.metadata.date)
    if metadata_date and all(d.iso != metadata_date for d in dates):
        label = source.metadata.date or metadata_date
        if source.metadata.origin:
            label = f"{source.metadata.origin}: {source.metadata.date_field or 'date'}"
        dates = (DateMention(label, metadata_date), *dates)
    byline, outlet = find_byline(source)
    title = find_title(source)
    profile = Profile(
        kind=kind.kind,
        kind_evidence=kind.evidence,
        language=detect_language(text),
        title=title,
        byline=byline,
        outlet=outlet,
        dates=dates,
        people=people,
        places=places,
        organisations=organisations,
        word_count=len(text.split()),
        summary=summarise(prose),
        published_as=find_publication(source, title),
    )
    return Document(source=source, sentences=sentences, profile=profile)
