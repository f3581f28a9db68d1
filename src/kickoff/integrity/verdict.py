"""One verdict per document from its findings: clean, spun, machine-paraphrased, tortured, debris.

"machine-paraphrased" comes from translation artefacts: a translation pipeline's residue in the
sentences themselves (``translation``), or a sentence-by-sentence paraphrase of another document of
the bundle (``restore``). Plain fluent English that was translated and left no trace is not seen.
"""

from __future__ import annotations

import math
from collections import Counter

from kickoff.model import Document, Finding, Integrity, Verdict

# A document is "spun" from this many substitutions on, at this density per 1,000 words. The
# detector's false findings on clean text are measured by eval/integrity.py; these floors keep a
# clean document's few chance findings from condemning it.
SPUN_MINIMUM_FINDINGS = 3
SPUN_MINIMUM_DENSITY = 2.0
# Article spinners rewrite web articles for search engines; a specification handed over in a
# brief is rarely their work, and its terms of art ("alpha feature", "flow graph") look like odd
# word choices to a detector trained on general English. Lower prior odds need stronger evidence:
# a document profiled as a specification needs this many times the density of swaps.
SPECIFICATION_FACTOR = 2.0
# Each tortured phrase is strong evidence on its own; two make a pattern.
TORTURED_MINIMUM_FINDINGS = 2
# Translation artefacts are specific, but one can be a typo or a quoted word: two make a pattern.
MACHINE_MINIMUM_FINDINGS = 2
MACHINE_MINIMUM_DENSITY = 1.0


def integrity_of(document: Document, findings: list[Finding]) -> Integrity:
    ordered = tuple(sorted(findings, key=lambda f: (f.sentence, f.offset, f.kind, f.span)))
    words = max(1, sum(len(sentence.text.split()) for sentence in document.sentences))
    textual = [f for f in ordered if f.kind != "scraping debris"]
    density = round(1000 * len(textual) / words, 2)
    kind = document.profile.kind if document.profile is not None else None
    verdict, strength = _judge(ordered, words, kind)
    # rounded down, so that a strength just short of a threshold never shows as 0.50
    return Integrity(verdict, math.floor(min(1.0, strength / 2) * 100) / 100, density, ordered)


def verdict_of(findings: tuple[Finding, ...], words: int, kind: str | None = None) -> Verdict:
    return _judge(findings, words, kind)[0]


def _judge(findings: tuple[Finding, ...], words: int, kind: str | None = None) -> tuple[Verdict, float]:
    """One rule from findings to verdict and score.

    Each kind of rewriting has a threshold (a count, and for swaps and artefacts a density per
    1,000 words); its strength is how far the document's findings of that kind reach it, the
    lesser of the two ratios. The verdict is the strongest kind that reaches its threshold
    (strength 1), and the score is half the strongest strength, capped at 1. So a score of 0.5
    or more is exactly a degraded verdict: a document that scores 1.0 is never "clean", and one
    tortured phrase with two swaps (strength 0.67) scores 0.33 and stays clean. A specification
    needs SPECIFICATION_FACTOR times the density of swaps."""
    counts: Counter[str] = Counter(f.kind for f in findings)

    def strength(kind: str, minimum_count: int, minimum_density: float | None) -> float:
        by_count = counts[kind] / minimum_count
        if minimum_density is None:
            return by_count
        return min(by_count, 1000 * counts[kind] / max(1, words) / minimum_density)

    tortured = strength("tortured phrase", TORTURED_MINIMUM_FINDINGS, None)
    swap_density = SPUN_MINIMUM_DENSITY * (SPECIFICATION_FACTOR if kind == "specification" else 1.0)
    spun = strength("spinner substitution", SPUN_MINIMUM_FINDINGS, swap_density)
    translated = strength("machine-translation artefact", MACHINE_MINIMUM_FINDINGS, MACHINE_MINIMUM_DENSITY)
    strongest = max(tortured, spun, translated)
    if tortured >= 1:
        return "tortured", strongest
    if spun >= 1 and translated >= 1:
        # A paraphrased copy also shows word swaps; the kind with more findings names the process.
        verdict: Verdict = (
            "machine-paraphrased"
            if counts["machine-translation artefact"] >= counts["spinner substitution"]
            else "spun"
        )
        return verdict, strongest
    if spun >= 1:
        return "spun", strongest
    if translated >= 1:
        return "machine-paraphrased", strongest
    return ("debris" if counts["scraping debris"] else "clean"), strongest
