"""One verdict per document from its findings: clean, spun, machine-paraphrased, tortured, debris.

"machine-paraphrased" comes from translation artefacts: a translation pipeline's residue in the
sentences themselves (``translation``), or a sentence-by-sentence paraphrase of another document of
the bundle (``restore``). Plain fluent English that was translated and left no trace is not seen.
"""

from __future__ import annotations

from collections import Counter

from kickoff.model import Document, Finding, Integrity, Verdict

# A document is "spun" from this many substitutions on, at this density per 1,000 words. The
# detector's false findings on clean text are measured by eval/integrity.py; these floors keep a
# clean document's few chance findings from condemning it.
SPUN_MINIMUM_FINDINGS = 3
SPUN_MINIMUM_DENSITY = 2.0
# Each tortured phrase is strong evidence on its own; two make a pattern.
TORTURED_MINIMUM_FINDINGS = 2
# Translation artefacts are specific, but one can be a typo or a quoted word: two make a pattern.
MACHINE_MINIMUM_FINDINGS = 2
MACHINE_MINIMUM_DENSITY = 1.0
# Summed confidence per 1,000 words at which the score saturates (about one word in a hundred).
_SATURATION = 10.0


def integrity_of(document: Document, findings: list[Finding]) -> Integrity:
    ordered = tuple(sorted(findings, key=lambda f: (f.sentence, f.offset, f.kind, f.span)))
    words = max(1, sum(len(sentence.text.split()) for sentence in document.sentences))
    textual = [f for f in ordered if f.kind != "scraping debris"]
    density = round(1000 * len(textual) / words, 2)
    score = round(min(1.0, sum(f.confidence for f in textual) * 1000 / words / _SATURATION), 2)
    return Integrity(verdict_of(ordered, words), score, density, ordered)


def verdict_of(findings: tuple[Finding, ...], words: int) -> Verdict:
    counts: Counter[str] = Counter(f.kind for f in findings)

    def dense(kind: str, minimum_count: int, minimum_density: float) -> bool:
        return counts[kind] >= minimum_count and 1000 * counts[kind] / max(1, words) >= minimum_density

    if counts["tortured phrase"] >= TORTURED_MINIMUM_FINDINGS:
        return "tortured"
    spun = dense("spinner substitution", SPUN_MINIMUM_FINDINGS, SPUN_MINIMUM_DENSITY)
    translated = dense("machine-translation artefact", MACHINE_MINIMUM_FINDINGS, MACHINE_MINIMUM_DENSITY)
    if spun and translated:
        # A paraphrased copy also shows word swaps; the kind with more findings names the process.
        return (
            "machine-paraphrased"
            if counts["machine-translation artefact"] >= counts["spinner substitution"]
            else "spun"
        )
    if spun:
        return "spun"
    if translated:
        return "machine-paraphrased"
    if counts["scraping debris"]:
        return "debris"
    return "clean"
