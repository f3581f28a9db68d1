"""Render INDEX.md and QUESTIONS.md from an Analysis. No clock, no absolute paths: same input, same bytes.

Every string that comes from a document (titles, quotes, names, file names, even the reasons a
file could not be read) is untrusted plain text. It goes through ``_text`` or ``_code`` so that a
Markdown renderer shows it as the text it was: ``<script>``, ``**``, backticks and pipes included.
Only this module's own markup is Markdown.
"""

from __future__ import annotations

import re
from collections import Counter

from kickoff import __version__
from kickoff.gaps.classify import CATEGORY_NAMES
from kickoff.ingest.walk import GENERATED_MARKER
from kickoff.model import Analysis, Document, Entity, Finding, ReadProblem, Relation
from kickoff.relate import connected_groups

_HEADER = f"{GENERATED_MARKER} {__version__}; edit the bundle, not this file -->"


# ASCII punctuation that can start inline Markdown (emphasis, code, links, HTML, autolinks,
# strikethrough) or end a table cell. CommonMark lets a backslash escape any of them.
# An underscore between letters or digits (snake_case, file_names) never makes emphasis in
# CommonMark, so it stays bare and the raw file stays readable.
_INLINE_SPECIAL = re.compile(r"([\\`*\[\]<>|~]|(?<![^\W_])_|_(?![^\W_]))")
# Markers that make a block when they open a line: headings, lists, quotes, thematic breaks.
_BLOCK_MARKER = re.compile(r"^(>|[#+=-](?=[\s#+=-]|$))")
_ORDERED_MARKER = re.compile(r"^(\d+)([.)])(?=\s|$)")
_ENTITY = re.compile(r"&(?=#?\w+;)")


def _text(text: str | None, empty: str = "—") -> str:
    """Untrusted text as inert inline Markdown, on one line."""
    if not text:
        return empty
    flat = " ".join(text.split())
    escaped = _ENTITY.sub("&amp;", _INLINE_SPECIAL.sub(r"\\\1", flat))
    escaped = _BLOCK_MARKER.sub(r"\\\1", escaped)
    return _ORDERED_MARKER.sub(r"\1\\\2", escaped)


def _code(text: str, in_table: bool = False) -> str:
    """A file name as a code span that no backtick in it can close (and, in a table, no pipe split)."""
    flat = text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {flat} " if flat.startswith("`") or flat.endswith("`") else flat
    return fence + (padded.replace("|", "\\|") if in_table else padded) + fence


def _entities(entities: tuple[Entity, ...]) -> str:
    return ", ".join(f"{_text(e.name)} ({e.mentions})" for e in entities) or "none found"


def _quote(text: str) -> str:
    return "“" + _text(text, empty="") + "”"


# Above this many documents INDEX.md is an overview (issue 13): a section per document stops
# being readable long before 100,000 of them, and the full detail is in the JSON and the report.
OVERVIEW_THRESHOLD = 200
# Statements listed in QUESTIONS.md at most; the rest are in the JSON (issue 13: QUESTIONS.md stays a
# list a team can read in a meeting, whatever the size of the bundle).
MAX_STATEMENT_ROWS = 100
# Lines of each list in the overview (clusters, documents that need a look, problem files).
OVERVIEW_ROWS = 50


def render_index(analysis: Analysis) -> str:
    if len(analysis.documents) > OVERVIEW_THRESHOLD:
        return render_overview(analysis)
    documents = analysis.documents
    failed = [p for p in analysis.problems if p.fatal]
    lines = [
        _HEADER,
        f"# Bundle index: {_text(analysis.bundle)}",
        "",
        f"{len(documents)} document(s) read, {len(failed)} file(s) could not be read, "
        f"{len(analysis.relations)} relation(s) found. {_wording_check(analysis)}",
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
            f"| {number} | {_code(document.path, in_table=True)} | {profile.kind} | {_text(profile.language)} | "
            f"{_text(profile.title)} | {profile.word_count} | {trust} |"
        )
    lines += ["", "## Documents", ""]
    for document in documents:
        lines += _document_section(document, document.path in analysis.verdict.reference)
    lines += ["## Relations", ""]
    if not analysis.relations:
        lines += ["No two documents are duplicates, copies or reports of the same event.", ""]
    for relation in analysis.relations:
        lines += _relation_section(relation)
    lines += _problems_table(analysis.problems, "## Files that could not be read (fully)")
    return "\n".join(lines).rstrip() + "\n"


def render_overview(analysis: Analysis) -> str:
    """INDEX.md for a big bundle: counts, clusters (one line each, not one per pair), the files
    that could not be read, and the documents that most need a look; the per-document detail is
    in the JSON and the HTML report, which the overview points to."""
    documents = analysis.documents
    failed = [p for p in analysis.problems if p.fatal]
    lines = [
        _HEADER,
        f"# Bundle index: {_text(analysis.bundle)} (overview)",
        "",
        f"{len(documents)} document(s) read, {len(failed)} file(s) could not be read, "
        f"{len(analysis.relations)} relation(s) found. With more than {OVERVIEW_THRESHOLD} documents this index is "
        "an overview: every document's profile, findings and relations are in the JSON output "
        f"(`kickoff.json`) and the HTML report. {_wording_check(analysis)}",
        "",
        "## Counts",
        "",
        "| | |",
        "|---|---|",
    ]
    for label, counter in (
        ("kind", Counter(d.profile.kind for d in documents if d.profile is not None)),
        ("language", Counter(d.profile.language for d in documents if d.profile is not None)),
        ("trust", Counter(d.integrity.verdict if d.integrity else "not checked" for d in documents)),
        ("relation", Counter(r.kind for r in analysis.relations)),
    ):
        listed = ", ".join(f"{_text(name)} {n}" for name, n in sorted(counter.items(), key=lambda i: (-i[1], i[0])))
        lines.append(f"| {label} | {listed or 'none'} |")
    lines.append("")
    for title, kinds in (
        ("Clusters of copies (exact, near duplicates, derived)", {"exact duplicate", "near duplicate", "derived"}),
        ("Clusters of reports of one event", {"same event"}),
    ):
        clusters = _clusters([r for r in analysis.relations if r.kind in kinds])
        lines += [f"## {title}: {len(clusters)}", ""]
        for members in clusters[:OVERVIEW_ROWS]:
            shown = ", ".join(_code(path) for path in members[:5])
            more = f" and {len(members) - 5} more" if len(members) > 5 else ""
            lines.append(f"- {len(members)} documents: {shown}{more}")
        if len(clusters) > OVERVIEW_ROWS:
            lines.append(f"- … {len(clusters) - OVERVIEW_ROWS} more clusters in the JSON")
        lines.append("")
    needing = sorted(
        (d for d in documents if d.integrity is not None and d.integrity.verdict not in ("clean", "debris")),
        key=lambda d: (-(d.integrity.score if d.integrity else 0), d.path),
    )
    lines += [f"## Documents that most need a look: {len(needing)}", ""]
    if needing:
        lines += ["| Document | Trust | Score | Findings per 1,000 words |", "|---|---|---|---|"]
        for document in needing[:OVERVIEW_ROWS]:
            integrity = document.integrity
            assert integrity is not None
            lines.append(
                f"| {_code(document.path, in_table=True)} | {integrity.verdict} | {integrity.score:.2f} | "
                f"{integrity.findings_per_1000_words:.1f} |"
            )
        if len(needing) > OVERVIEW_ROWS:
            lines.append(f"| … {len(needing) - OVERVIEW_ROWS} more in the JSON | | | |")
    else:
        lines.append("None: no document is judged spun, tortured or machine-paraphrased.")
    lines.append("")
    lines += _problems_table(
        analysis.problems, f"## Files that could not be read (fully): {len(analysis.problems)}", OVERVIEW_ROWS
    )
    return "\n".join(lines).rstrip() + "\n"


def _clusters(relations: list[Relation]) -> list[list[str]]:
    """Connected groups of documents, biggest first, each sorted by path."""
    paths = sorted({path for relation in relations for path in (relation.left, relation.right)})
    groups = connected_groups(paths, [(relation.left, relation.right) for relation in relations])
    return sorted(groups, key=lambda members: (-len(members), members[0]))


def _problems_table(problems: tuple[ReadProblem, ...], title: str, limit: int | None = None) -> list[str]:
    """The files that could not be read (fully), each with its reason and what was kept."""
    if not problems:
        return []
    lines = [title, "", "| File | Reason | Kept |", "|---|---|---|"]
    for problem in problems[:limit]:
        lines.append(f"| {_code(problem.path, in_table=True)} | {_text(problem.reason)} | {_text(problem.kept)} |")
    if limit is not None and len(problems) > limit:
        lines.append(f"| … {len(problems) - limit} more in the JSON | | |")
    return [*lines, ""]


def _document_section(document: Document, reference: bool = False) -> list[str]:
    profile = document.profile
    assert profile is not None
    source = document.source
    dates = ", ".join(f"{d.iso} ({_quote(d.text)})" if d.text != d.iso else d.iso for d in profile.dates)
    lines = [
        f"### {_code(document.path)}",
        "",
        f"- **Kind:** {profile.kind} — {_text('; '.join(profile.kind_evidence))}",
    ]
    if profile.published_as:
        role = (
            "read as reference material: its requirements are not counted as the project's"
            if reference
            else "read as the brief: nothing else sent is the project's own"
        )
        lines.append(f"- **Published as:** {_text(profile.published_as)}; {role}")
    lines += [
        f"- **Format:** {source.format}, {source.size_bytes} bytes"
        + (f", encoding {_text(source.encoding)}" if source.encoding else ""),
        f"- **Language:** {_text(profile.language)}",
        f"- **Title:** {_text(profile.title, 'none found')}",
        f"- **Byline:** {_text(byline_with_origin(document), 'none found')}; "
        f"**outlet:** {_text(profile.outlet, 'none found')}",
        f"- **Dates:** {dates or 'none found'}",
        f"- **People:** {_entities(profile.people)}",
        f"- **Places:** {_entities(profile.places)}",
        f"- **Organisations:** {_entities(profile.organisations)}",
        f"- **Words:** {profile.word_count}",
    ]
    for warning in source.warnings:
        lines.append(f"- **Warning:** {_text(warning)}")
    lines += ["", "**Summary:**", ""]
    lines += [f"> {_text(sentence)}" for sentence in profile.summary] or ["> (no sentences)"]
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
                f"| {_text(finding.span)} | {_text(finding.original)} | {finding.kind} | {finding.confidence:.2f} | "
                f"{_text(where(finding))} | {_text(finding.evidence)} |"
            )
        lines.append("")
    return lines


def byline_with_origin(document: Document) -> str | None:
    """The byline, saying where it was read when it came from the file's metadata."""
    assert document.profile is not None
    byline, metadata = document.profile.byline, document.source.metadata
    if byline and metadata.origin and byline == metadata.author:
        return f"{byline} (from the {metadata.origin})"
    return byline


def where(finding: Finding) -> str:
    """A finding's place as a person looks it up: the citation and the sentence number."""
    place = finding.location.cite()
    return f"{place}, sentence {finding.sentence + 1}" if finding.sentence >= 0 else place


def _relation_section(relation: Relation) -> list[str]:
    lines = [
        f"### {relation.kind}: {_code(relation.left)} ↔ {_code(relation.right)} (score {relation.score:.2f})",
        "",
    ]
    if relation.source:
        lines += [f"Likely source: {_code(relation.source)}.", ""]
    lines += [f"- {_text(item)}" for item in relation.evidence]
    lines.append("")
    if relation.aligned:
        lines += [
            f"| {_text(relation.left)} | {_text(relation.right)} | similarity |",
            "|---|---|---|",
        ]
        for pair in relation.aligned:
            lines.append(f"| {_text(pair.left)} | {_text(pair.right)} | {pair.similarity:.2f} |")
        lines.append("")
    return lines


def render_questions(analysis: Analysis) -> str:
    lines = [
        _HEADER,
        f"# Questions for the bundle: {_text(analysis.bundle)}",
        "",
        "## Verdict",
        "",
        _text(analysis.verdict.text),
        "",
    ]
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
            place = f" — {_quote(quote.text)} ({_text(quote.location.cite())})" if quote else ""
            lines.append(f"- **Answered:** {_text(item.title)}{place}")
        if history.answered_since:
            lines.append("")
    lines += ["## Questions", ""]
    if not analysis.questions:
        lines += ["None: every checklist item is answered.", ""]
    for question in analysis.questions:
        mark = "" if question.change == "first run" else f" _({question.change})_"
        lines.append(f"{question.number}. **{_text(question.text)}**{mark}  ")
        lines.append(f"   Why: {_text(question.reason)}.")
    lines += ["", "## Checklist", ""]
    system: str | None = None
    for position, item in enumerate(analysis.checklist):
        if position == 0 or item.system != system:
            system = item.system
            if system is not None:  # several systems: one checklist each
                lines += ([""] if position else []) + [f"### {_text(system)}", ""]
            lines += ["| Item | Status | Evidence |", "|---|---|---|"]
        evidence = "<br>".join(f"{_quote(q.text)} ({_text(q.location.cite())})" for q in item.evidence) or "—"
        lines.append(f"| {_text(item.title)}{' (blocking)' if item.blocking else ''} | {item.status} | {evidence} |")
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
            "| Statement | Where | Class | Measures | Accepted, or to check |",
            "|---|---|---|---|---|",
        ]
        shown = analysis.requirements
        if len(shown) > MAX_STATEMENT_ROWS:
            # a meeting reads a page, not thousands of rows: the statements with the most problems
            # first, in document order among equals; all of them are in the JSON
            ranked = sorted(range(len(shown)), key=lambda i: (-len(shown[i].smells), i))[:MAX_STATEMENT_ROWS]
            shown = tuple(shown[i] for i in sorted(ranked))
        for requirement in shown:
            measures = ", ".join(m.text for m in requirement.measures)
            smells = (
                "<br>".join(
                    f"**{s.name}** ({_quote(s.trigger)}): {_text(s.hint)} \\[{_text(s.rule)}\\]"
                    for s in requirement.smells
                )
                or "accepted"
            )
            lines.append(
                f"| {_text(requirement.text)} | {_text(requirement.location.cite())} | "
                f"{CATEGORY_NAMES.get(requirement.category, requirement.category)} ({requirement.confidence:.2f}) | "
                f"{_text(measures)} | {smells} |"
            )
        if len(analysis.requirements) > len(shown):
            lines.append(
                f"| … {len(analysis.requirements) - len(shown)} more statements, those with the fewest problems, "
                "are in the JSON output (`kickoff.json`) | | | | |"
            )
        lines.append("")
    else:
        lines += ["No requirement statements (shall/must sentences, user stories, requirement lists) were found.", ""]
    return "\n".join(lines).rstrip() + "\n"


def _wording_check(analysis: Analysis) -> str:
    """Which detectors judged the wording: without the optional model, a spun copy read alone is
    mostly judged clean, and a reader comparing two runs must be able to tell."""
    if analysis.contextual_model:
        return "Wording was checked with the contextual model as well as word-pair counts."
    return (
        "Wording was checked by word-pair counts only: the contextual model is not installed or was "
        "left out, so spun copies read alone are mostly missed."
    )
