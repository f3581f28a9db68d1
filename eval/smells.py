"""Precision and recall of the requirement smell rules on sentences labelled by hand.

    python eval/smells.py

Data: eval/data/smell_labels.tsv (36 requirement sentences written and labelled for kickoff).
A predicted smell is right when the sentence's labels include it. Published smell detectors
reach about 0.6 precision; kickoff presents smells as things to check, ranked, not as verdicts.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kickoff.gaps.measures import find_measures  # noqa: E402
from kickoff.gaps.smells import RULES, find_smells  # noqa: E402


def labelled() -> list[tuple[str, set[str]]]:
    rows = []
    for line in (ROOT / "eval" / "data" / "smell_labels.tsv").read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        sentence, _, labels = line.partition("\t")
        rows.append((sentence, {label for label in labels.split(",") if label}))
    return rows


def main() -> None:
    predicted: Counter[str] = Counter()
    right: Counter[str] = Counter()
    expected: Counter[str] = Counter()
    rows = labelled()
    for sentence, labels in rows:
        found = {smell.name for smell in find_smells(sentence, find_measures(sentence))}
        expected.update(labels)
        predicted.update(found)
        right.update(found & labels)
    print(f"Smells on {len(rows)} hand-labelled requirement sentences (eval/data/smell_labels.tsv)")
    print(f"{'rule':<42} {'labelled':>8} {'found':>6} {'precision':>9} {'recall':>7}")
    for rule in RULES:
        name = rule.name
        precision = right[name] / predicted[name] if predicted[name] else float("nan")
        recall = right[name] / expected[name] if expected[name] else float("nan")
        print(f"{name:<42} {expected[name]:>8} {predicted[name]:>6} {precision:>9.2f} {recall:>7.2f}")
    total_right, total_predicted, total_expected = sum(right.values()), sum(predicted.values()), sum(expected.values())
    print(
        f"{'all rules':<42} {total_expected:>8} {total_predicted:>6} "
        f"{total_right / total_predicted:>9.2f} {total_right / total_expected:>7.2f}"
    )


if __name__ == "__main__":
    main()
