"""One verdict per document from its findings: clean, spun, tortured, debris.

"machine-paraphrased" is in the model but no detector produces it yet: no shipped resource tells a
round-trip translation from an author's own plain wording (see the README's integrity figures).
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
    if dense("spinner substitution", SPUN_MINIMUM_FINDINGS, SPUN_MINIMUM_DENSITY):
        return "spun"
    if counts["scraping debris"]:
        return "debris"
    return "clean"
