"""Measure the integrity stage: spun text, tortured phrases, clean text, and the seed as one real case.

    python eval/integrity.py

1. Spun text. Clean English sentences are spun by the article spinner below at several rates;
   the detector's spans are scored against the substitutions it made (a predicted span counts
   when it overlaps a substituted one): precision, recall, F1, and how often the suggested
   original equals the word the spinner replaced.
   Clean text: ``eval/data/clean_news.txt`` (news-style reports written for kickoff, MIT) and the
   625 PROMISE NFR requirements (``data/requirements/``, CC BY-SA 3.0).
   Spinner: ``eval/data/spinner_synonyms.tsv``, a table written by hand for kickoff, independent of
   the detector's WordNet synonyms and PPS pairs.
2. Clean text: false findings per 1,000 words on the same sentences, unspun.
3. Tortured phrases: PPS pairs injected into scientific sentences (templates below), and the same
   sentences with the expected phrase as the clean control.
4. Seed 004 against ``tests/fixtures/seed004_annotation.tsv`` (my own reading of it), and the
   verdicts kickoff gives the two seed documents.
5. Cross-document restoration: each story of ``clean_news.txt`` beside a spun copy of itself (the
   original dated a day earlier, as pages are: a source is named only when two signals agree), run
   through relate and integrity together: is the pair related, is the original named as the
   source, is the copy ever mistaken for a machine paraphrase, and how well the aligned sentences
   restore the substitutions (the same span scores as in 1).
"""

from __future__ import annotations

import csv
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kickoff.config import Limits  # noqa: E402
from kickoff.ingest import read_bytes  # noqa: E402
from kickoff.integrity import assess_integrity, find_suspects  # noqa: E402
from kickoff.integrity.collocations import tokens  # noqa: E402
from kickoff.lexicon import replaced_by, synonyms, tortured_phrases  # noqa: E402
from kickoff.model import Document, SourceDocument  # noqa: E402
from kickoff.profile import profile_document  # noqa: E402
from kickoff.relate import relate  # noqa: E402
from kickoff.text import split_sentences  # noqa: E402

RATES = (0.1, 0.2, 0.3)
SEED = 2020

SCIENTIFIC_TEMPLATES = (
    "In this paper we propose a method based on {term} and evaluate it on three public data sets.",
    "The results show that {term} improves accuracy compared with the baseline approach.",
    "Recent studies have applied {term} to problems in medicine, finance and engineering.",
    "We describe the main steps of {term} and discuss its limitations in the final section.",
    "A review of the literature on {term} reveals several open questions.",
    "The proposed model combines {term} with a standard classifier to reduce the error rate.",
    "Experiments were repeated ten times and the average performance of {term} is reported.",
    "Table 2 compares {term} with four methods from previous work.",
    "Future work will extend {term} to larger samples and other languages.",
    "The authors thank the reviewers for their comments on {term} in an earlier version.",
)


@dataclass(frozen=True)
class Truth:
    start: int
    end: int
    original: str


def load_table() -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for line in (ROOT / "eval" / "data" / "spinner_synonyms.tsv").read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        word, substitutes = line.split("\t")
        options = [s for s in substitutes.split("|") if s != word]
        if options:
            table.setdefault(word, options)
    return table


def clean_sentences() -> list[str]:
    text = (ROOT / "eval" / "data" / "clean_news.txt").read_text("utf-8")
    sentences = split_sentences(text)
    with open(ROOT / "data" / "requirements" / "promise_nfr.csv", encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            sentences.extend(split_sentences(row["RequirementText"]))
    return sentences


def spin(sentence: str, table: dict[str, list[str]], rate: float, rng: random.Random) -> tuple[str, list[Truth]]:
    """Replace each word found in the table with probability ``rate``, keeping its capital."""
    pieces: list[str] = []
    truths: list[Truth] = []
    cursor = 0
    length = 0
    for token in tokens(sentence):
        options = table.get(token.lower)
        pieces.append(sentence[cursor : token.start])
        length += token.start - cursor
        cursor = token.end
        if not token.is_word or not options or rng.random() >= rate:
            pieces.append(token.text)
            length += len(token.text)
            continue
        substitute = rng.choice(options)
        if token.text[0].isupper():
            substitute = substitute[0].upper() + substitute[1:]
        truths.append(Truth(length, length + len(substitute), token.text))
        pieces.append(substitute)
        length += len(substitute)
    pieces.append(sentence[cursor:])
    return "".join(pieces), truths


@dataclass
class Score:
    predicted: int = 0
    correct_predictions: int = 0
    truths: int = 0
    found_truths: int = 0
    right_originals: int = 0

    def add(self, predictions: list[tuple[int, int, str | None]], truths: list[Truth]) -> None:
        self.predicted += len(predictions)
        self.truths += len(truths)
        for start, end, original in predictions:
            hits = [t for t in truths if start < t.end and t.start < end]
            if hits:
                self.correct_predictions += 1
                if original is not None and any(original.lower() == t.original.lower() for t in hits):
                    self.right_originals += 1
        self.found_truths += sum(1 for t in truths if any(s < t.end and t.start < e for s, e, _ in predictions))

    @property
    def precision(self) -> float:
        return self.correct_predictions / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found_truths / self.truths if self.truths else 0.0

    @property
    def originals(self) -> float:
        """Share of the true findings whose suggested original is the replaced word."""
        return self.right_originals / self.correct_predictions if self.correct_predictions else 0.0

    def line(self, label: str) -> str:
        precision, recall = self.precision, self.recall
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return f"{label:<28} {self.truths:>6} {self.predicted:>6} {precision:>9.2f} {recall:>7.2f} {f1:>5.2f} {self.originals:>10.2f}"


def predictions_of(sentence: str, kinds: tuple[str, ...]) -> list[tuple[int, int, str | None]]:
    return [(s.start, s.end, s.original) for s in find_suspects(sentence) if s.kind in kinds]


HEADER = f"{'':<28} {'spans':>6} {'found':>6} {'precision':>9} {'recall':>7} {'F1':>5} {'originals':>10}"
FLOORS = ROOT / "eval" / "integrity_floors.json"


def spun_scores() -> tuple[dict[float, Score], int, int]:
    """Scores per spinning rate, and false findings and words on the clean originals."""
    table = load_table()
    sentences = clean_sentences()
    scores: dict[float, Score] = {}
    for rate in RATES:
        rng = random.Random(SEED)
        score = scores[rate] = Score()
        for sentence in sentences:
            spun, truths = spin(sentence, table, rate, rng)
            score.add(predictions_of(spun, ("spinner substitution", "tortured phrase")), truths)
    kinds = ("spinner substitution", "tortured phrase", "machine-translation artefact")
    false = sum(len(predictions_of(s, kinds)) for s in sentences)
    return scores, false, sum(len(s.split()) for s in sentences)


def tortured_scores() -> tuple[Score, int, int, int]:
    """Injected PPS pairs: score, pairs used, false findings and words on the clean controls."""
    pairs = sorted(tortured_phrases().items())
    sample = pairs[:: max(1, len(pairs) // 400)]
    score = Score()
    false = words = 0
    for number, (tortured, original) in enumerate(sample):
        template = SCIENTIFIC_TEMPLATES[number % len(SCIENTIFIC_TEMPLATES)]
        clean = template.format(term=original)
        words += len(clean.split())
        false += len(predictions_of(clean, ("tortured phrase", "spinner substitution")))
        sentence = template.format(term=tortured)
        start = sentence.index(tortured)
        score.add(predictions_of(sentence, ("tortured phrase",)), [Truth(start, start + len(tortured), original)])
    return score, len(sample), false, words


def seed_scores() -> tuple[Score, dict[str, str]]:
    from kickoff import Config, analyse

    annotation = ROOT / "tests" / "fixtures" / "seed004_annotation.tsv"
    pairs = [
        line.split("\t") for line in annotation.read_text("utf-8").splitlines() if line and not line.startswith("#")
    ]
    analysis = analyse(Config.for_bundle(ROOT / "seeds"))
    verdicts: dict[str, str] = {d.path: d.integrity.verdict for d in analysis.documents if d.integrity is not None}
    spun = next(d for d in analysis.documents if d.path.startswith("004"))
    assert spun.integrity is not None
    score = Score()
    for sentence in spun.sentences:
        truths = [
            Truth(match.start(), match.end(), original)
            for span, original in pairs
            for match in re.finditer(rf"(?<![\w-]){re.escape(span)}(?![\w-])", sentence.text, re.IGNORECASE)
        ]
        predictions = [
            (f.offset, f.offset + len(f.span), f.original)
            for f in spun.integrity.findings
            if f.sentence == sentence.index and f.kind != "scraping debris"
        ]
        score.add(predictions, truths)
    return score, verdicts


@dataclass
class CopyScore:
    pairs: int = 0
    related: int = 0
    right_source: int = 0
    wrong_source: int = 0
    called_paraphrase: int = 0
    restored: Score = field(default_factory=Score)


ORIGINAL_DATE = "2024-03-01"
COPY_DATE = "2024-03-02"


def copy_scores() -> dict[float, CopyScore]:
    """Every clean story beside its own spun copy, through relate and integrity as a bundle of two."""

    def document(text: str, path: str) -> Document:
        source = read_bytes(text.encode("utf-8"), path, Limits())[0]
        assert isinstance(source, SourceDocument), source
        return profile_document(source)

    stories = [
        story for story in (ROOT / "eval" / "data" / "clean_news.txt").read_text("utf-8").split("\n\n") if story.strip()
    ]
    table = load_table()
    results: dict[float, CopyScore] = {}
    for rate in RATES:
        rng = random.Random(SEED)
        result = results[rate] = CopyScore()
        for story in stories:
            spun_sentences = [spin(sentence, table, rate, rng) for sentence in split_sentences(story)]
            if not any(truths for _, truths in spun_sentences):
                continue  # the spinner changed nothing: an exact duplicate, nothing to restore
            # Dated, as web pages are: kickoff names a source only when two independent signals
            # agree, and the date is the one a spun pair shares with a real one.
            documents = (
                document(f"Date: {ORIGINAL_DATE}\n\n{story}", "original.txt"),
                document(f"Date: {COPY_DATE}\n\n" + " ".join(s for s, _ in spun_sentences), "copy.txt"),
            )
            assessed, relations = assess_integrity(documents, relate(documents))
            result.pairs += 1
            if not relations:
                continue
            result.related += 1
            result.right_source += relations[0].source == "original.txt"
            result.wrong_source += relations[0].source == "copy.txt"
            original, copy = assessed
            assert copy.integrity is not None and original.integrity is not None
            # restorations wrongly made on the original are false findings
            result.restored.add(
                [
                    (f.offset, f.offset + len(f.span), f.original)
                    for f in original.integrity.findings
                    if "aligned sentence" in f.evidence
                ],
                [],
            )
            result.called_paraphrase += copy.integrity.verdict == "machine-paraphrased"
            truths_by_text = {spun: truths for spun, truths in spun_sentences}
            for sentence in copy.sentences:
                predictions = [
                    (f.offset, f.offset + len(f.span), f.original)
                    for f in copy.integrity.findings
                    if f.sentence == sentence.index and "aligned sentence" in f.evidence
                ]
                result.restored.add(predictions, truths_by_text.get(sentence.text, []))
    return results


def measure() -> dict[str, float]:
    """The figures the floors file pins (see tests/test_integrity.py)."""
    spun, false, words = spun_scores()
    tortured, _, tortured_false, tortured_words = tortured_scores()
    seed, _ = seed_scores()
    copies = copy_scores()
    return {
        "copy_restored_precision_20": copies[0.2].restored.precision,
        "copy_restored_recall_20": copies[0.2].restored.recall,
        "copies_called_paraphrase": sum(result.called_paraphrase for result in copies.values()),
        "spun_precision_20": spun[0.2].precision,
        "spun_recall_20": spun[0.2].recall,
        "clean_false_per_1000_words": 1000 * false / words,
        "tortured_recall": tortured.recall,
        "tortured_originals": tortured.originals,
        "tortured_clean_false_per_1000_words": 1000 * tortured_false / tortured_words,
        "seed_precision": seed.precision,
        "seed_recall": seed.recall,
    }


def load_floors() -> dict[str, float]:
    loaded: dict[str, float] = json.loads(FLOORS.read_text("utf-8"))
    return loaded


def candidate_coverage() -> tuple[int, int]:
    """How many of the spinner's one-word swaps the detector could restore at all: the original must
    be among the written word's candidates (its WordNet synonyms or PPS originals)."""
    swaps = [
        (original, written) for original, options in load_table().items() for written in options if " " not in written
    ]
    covered = sum(1 for original, written in swaps if original in synonyms(written) or original in replaced_by(written))
    return covered, len(swaps)


def main() -> None:
    spun, false, words = spun_scores()
    print(
        f"1. Spun text: {len(clean_sentences())} clean sentences, {words:,} words, spun by eval/data/spinner_synonyms.tsv"
    )
    print(HEADER.replace(" " * 28, f"{'substitution rate':<28}", 1))
    for rate, score in spun.items():
        print(score.line(f"{rate:.0%} of table words"))
    covered, swaps = candidate_coverage()
    print(
        f"recall ceiling: the original is among the detector's candidates for {covered} of the spinner's "
        f"{swaps} one-word swaps ({covered / swaps:.0%})"
    )
    print(f"\n2. Clean text: {false} false findings in {words:,} words = {1000 * false / words:.2f} per 1,000 words\n")
    tortured, used, tortured_false, tortured_words = tortured_scores()
    print(
        f"3. Tortured phrases: {used} PPS pairs injected into {len(SCIENTIFIC_TEMPLATES)} scientific sentence templates"
    )
    print(HEADER)
    print(tortured.line("injected tortured phrases"))
    print(
        f"clean controls: {tortured_false} false findings in {tortured_words:,} words = "
        f"{1000 * tortured_false / tortured_words:.2f} per 1,000 words\n"
    )
    seed, verdicts = seed_scores()
    print("4. Seeds (kickoff run on seeds/):")
    for path, verdict in verdicts.items():
        print(f"   {path}: verdict {verdict}")
    print(HEADER)
    print(seed.line("seed 004 vs annotation"))
    copies = copy_scores()
    print(
        "\n5. Cross-document restoration: each clean story beside its spun copy (stories the spinner left unchanged are skipped)"
    )
    print(
        f"{'substitution rate':<28} {'pairs':>6} {'related':>8} {'source right':>13} {'source wrong':>13} {'paraphrase':>11}"
    )
    for rate, result in copies.items():
        print(
            f"{f'{rate:.0%} of table words':<28} {result.pairs:>6} {result.related:>8} {result.right_source:>13} "
            f"{result.wrong_source:>13} {result.called_paraphrase:>11}"
        )
    print(HEADER.replace(" " * 28, f"{'restored from the original':<28}", 1))
    for rate, result in copies.items():
        print(result.restored.line(f"{rate:.0%} of table words"))


if __name__ == "__main__":
    main()
