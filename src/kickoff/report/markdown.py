"""Render INDEX.md and QUESTIONS.md from an Analysis. No clock, no absolute paths: same input, same bytes."""

from __future__ import annotations

from kickoff import __version__
from kickoff.gaps.classify import CATEGORY_NAMES
from kickoff.ingest.walk import GENERATED_MARKER
from kickoff.model import Analysis, Document, Entity, Finding, Relation

_HEADER = f"{GENERATED_MARKER} {__version__}; edit the bundle, not this file -->"


def _cell(text: str | None) -> str:
    return (text or "—").replace("|", "\\|").replace("\n", " ")


def _entities(entities: tuple[Entity, ...]) -> str:
    return ", ".join(f"{e.name} ({e.mentions})" for e in entities) or "none found"


def _quote(text: str) -> str:
    return "“" + text.replace("\n", " ") + "”"


def render_index(analysis: Analysis) -> str:
    documents = analysis.documents
    failed = [p for p in analysis.problems if p.fatal]
    lines = [
        _HEADER,
        f"# Bundle index: {analysis.bundle}",
        "",
        f"{len(documents)} document(s) read, {len(failed)} file(s) could not be read, "
        f"{len(analysis.relations)} relation(s) found.",
        "",
        "## Summary",
        "",
        "| # | Document | Kind | Language | Title | Words | Trust |",
        "|---|---|---|---|---|---|---|",
    ]
    for number, document in enumerate(documents, start=1):
        profile = document.profile
        assert profile is not None
        trust = document.integrity.verdict if document.integrity else "not checked"
        lines.append(
            f"| {number} | `{_cell(document.path)}` | {profile.kind} | {profile.language} | "
            f"{_cell(profile.title)} | {profile.word_count} | {trust} |"
        )
    lines += ["", "## Documents", ""]
    for document in documents:
        lines += _document_section(document)
    lines += ["## Relations", ""]
    if not analysis.relations:
        lines += ["No two documents are duplicates, copies or reports of the same event.", ""]
    for relation in analysis.relations:
        lines += _relation_section(relation)
    if analysis.problems:
        lines += ["## Files that could not be read (fully)", "", "| File | Reason | Kept |", "|---|---|---|"]
        for problem in analysis.problems:
            lines.append(f"| `{_cell(problem.path)}` | {_cell(problem.reason)} | {_cell(problem.kept)} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _document_section(document: Document) -> list[str]:
    profile = document.profile
    assert profile is not None
    source = document.source
    lines = [
        f"### `{document.path}`",
        "",
        f"- **Kind:** {profile.kind} — {'; '.join(profile.kind_evidence)}",
        f"- **Format:** {source.format}, {source.size_bytes} bytes"
        + (f", encoding {source.encoding}" if source.encoding else ""),
        f"- **Language:** {profile.language}",
        f"- **Title:** {profile.title or 'none found'}",
        f"- **Byline:** {profile.byline or 'none found'}; **outlet:** {profile.outlet or 'none found'}",
        "- **Dates:** "
        + (", ".join(f"{d.iso} (“{d.text}”)" if d.text != d.iso else d.iso for d in profile.dates) or "none found"),
        f"- **People:** {_entities(profile.people)}",
        f"- **Places:** {_entities(profile.places)}",
        f"- **Organisations:** {_entities(profile.organisations)}",
        f"- **Words:** {profile.word_count}",
    ]
    for warning in source.warnings:
        lines.append(f"- **Warning:** {warning}")
    lines += ["", "**Summary:**", ""]
    lines += [f"> {sentence}" for sentence in profile.summary] or ["> (no sentences)"]
    lines.append("")
    if document.integrity is not None:
        lines += _integrity_section(document)
    return lines


def _integrity_section(document: Document) -> list[str]:
    integrity = document.integrity
    assert integrity is not None
    lines = [
        f"**Trust:** {integrity.verdict} (score {integrity.score:.2f}; "
        f"{integrity.findings_per_1000_words:.1f} findings per 1,000 words)",
        "",
    ]
    if integrity.findings:
        lines += ["| Text says | Likely original | Kind | Confidence | Where | Evidence |", "|---|---|---|---|---|---|"]
        for finding in integrity.findings:
            lines.append(
                f"| {_cell(finding.span)} | {_cell(finding.original)} | {finding.kind} | {finding.confidence:.2f} | "
                f"{_cell(_where(finding))} | {_cell(finding.evidence)} |"
            )
        lines.append("")
    return lines


def _where(finding: Finding) -> str:
    place = finding.location.cite()
    return f"{place}, sentence {finding.sentence + 1}" if finding.sentence >= 0 else place


def _relation_section(relation: Relation) -> list[str]:
    lines = [f"### {relation.kind}: `{relation.left}` ↔ `{relation.right}` (score {relation.score:.2f})", ""]
    if relation.source:
        lines += [f"Likely source: `{relation.source}`.", ""]
    lines += [f"- {item}" for item in relation.evidence]
    lines.append("")
    if relation.aligned:
        lines += ["| " + relation.left + " | " + relation.right + " | similarity |", "|---|---|---|"]
        for pair in relation.aligned:
            lines.append(f"| {_cell(pair.left)} | {_cell(pair.right)} | {pair.similarity:.2f} |")
        lines.append("")
    return lines


def render_questions(analysis: Analysis) -> str:
    lines = [_HEADER, f"# Questions for the bundle: {analysis.bundle}", "", "## Verdict", "", analysis.verdict, ""]
    history = analysis.history
    lines += ["## Since the last run", ""]
    if history is None or history.baseline is None:
        lines += ["First run on this bundle: every question below is new.", ""]
    else:
        still = sum(1 for q in analysis.questions if q.change == "still open")
        new = sum(1 for q in analysis.questions if q.change == "new")
        lines += [
            f"Compared with the run on bundle state `{history.baseline.fingerprint}`: "
            f"{len(history.answered_since)} answered, {still} still open, {new} new.",
            "",
        ]
        for item in history.answered_since:
            quote = item.evidence[0] if item.evidence else None
            where = f" — {_quote(quote.text)} ({quote.location.cite()})" if quote else ""
            lines.append(f"- **Answered:** {item.title}{where}")
        if history.answered_since:
            lines.append("")
    lines += ["## Questions", ""]
    if not analysis.questions:
        lines += ["None: every checklist item is answered.", ""]
    for question in analysis.questions:
        mark = "" if question.change == "first run" else f" _({question.change})_"
        lines.append(f"{question.number}. **{question.text}**{mark}  ")
        lines.append(f"   Why: {question.reason}.")
    lines += ["", "## Checklist", "", "| Item | Status | Evidence |", "|---|---|---|"]
    for item in analysis.checklist:
        evidence = "<br>".join(f"{_quote(_cell(q.text))} ({_cell(q.location.cite())})" for q in item.evidence) or "—"
        lines.append(f"| {item.title}{' (blocking)' if item.blocking else ''} | {item.status} | {evidence} |")
    lines.append("")
    smelly = [r for r in analysis.requirements if r.smells]
    lines += [
        f"## Requirement statements ({len(analysis.requirements)} found, {len(smelly)} with problems to check)",
        "",
    ]
    if analysis.requirements:
        lines += [
            "Each statement is either accepted as written or listed with what to check, most severe first "
            "in the questions above.",
            "",
        ]
    if analysis.requirements:
        lines += ["| Statement | Where | Class | Measures | Accepted, or to check |", "|---|---|---|---|---|"]
        for requirement in analysis.requirements:
            measures = ", ".join(m.text for m in requirement.measures) or "—"
            smells = (
                "<br>".join(f"**{s.name}** (“{_cell(s.trigger)}”): {s.hint} [{s.rule}]" for s in requirement.smells)
                or "accepted"
            )
            lines.append(
                f"| {_cell(requirement.text)} | {_cell(requirement.location.cite())} | "
                f"{CATEGORY_NAMES.get(requirement.category, requirement.category)} ({requirement.confidence:.2f}) | "
                f"{_cell(measures)} | {smells} |"
            )
        lines.append("")
    else:
        lines += ["No requirement statements (shall/must sentences, user stories, requirement lists) were found.", ""]
    return "\n".join(lines).rstrip() + "\n"
