"""Measure the requirement classifier: k-fold and leave-one-project-out on PROMISE NFR.

Run: python eval/requirements.py   (prints per-class precision, recall and F1)
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

from kickoff.gaps.classify import CATEGORY_NAMES, classify  # noqa: E402
from train_classifier import load, train  # noqa: E402

FOLDS = 10
SEED = 7


def evaluate(splits: list[tuple[list[int], list[int]]], rows: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """(gold, predicted) class codes over all test folds."""
    pairs: list[tuple[str, str]] = []
    for train_index, test_index in splits:
        models = train([rows[i] for i in train_index])
        for i in test_index:
            pairs.append((rows[i][2], classify(rows[i][1], models).code))
    return pairs


def scores(pairs: list[tuple[str, str]], label: str) -> tuple[float, float, float, int]:
    true_positive = sum(1 for g, p in pairs if g == label and p == label)
    predicted = sum(1 for _, p in pairs if p == label)
    actual = sum(1 for g, _ in pairs if g == label)
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, actual


def report(title: str, pairs: list[tuple[str, str]]) -> dict[str, float]:
    print(f"\n## {title} ({len(pairs)} requirements)")
    binary = [("F" if g == "F" else "NFR", "F" if p == "F" else "NFR") for g, p in pairs]
    print(f"{'class':<18}{'P':>6}{'R':>6}{'F1':>6}{'n':>6}")
    figures: dict[str, float] = {}
    for label in ("F", "NFR"):
        p, r, f, n = scores(binary, label)
        figures[f"binary_{label}_f1"] = f
        print(f"{('functional' if label == 'F' else 'non-functional'):<18}{p:6.2f}{r:6.2f}{f:6.2f}{n:6d}")
    print("-- all twelve classes --")
    weighted = 0.0
    for code, name in CATEGORY_NAMES.items():
        p, r, f, n = scores(pairs, code)
        weighted += f * n
        figures[f"class_{code}_f1"] = f
        print(f"{name:<18}{p:6.2f}{r:6.2f}{f:6.2f}{n:6d}")
    accuracy = sum(1 for g, p in pairs if g == p) / len(pairs)
    figures["accuracy"] = accuracy
    figures["weighted_f1"] = weighted / len(pairs)
    print(f"accuracy {accuracy:.3f}; support-weighted F1 {weighted / len(pairs):.3f}")
    return figures


def main() -> dict[str, dict[str, float]]:
    rows = load()
    projects = sorted({project for project, _, _ in rows}, key=int)
    leave_one_out = [
        ([i for i, r in enumerate(rows) if r[0] != project], [i for i, r in enumerate(rows) if r[0] == project])
        for project in projects
    ]
    order = list(range(len(rows)))
    random.Random(SEED).shuffle(order)
    folds = [order[k::FOLDS] for k in range(FOLDS)]
    k_fold = [([i for i in order if i not in set(fold)], fold) for fold in folds]
    print(
        f"PROMISE NFR: {len(rows)} requirements, {len(projects)} projects; classes {dict(Counter(r[2] for r in rows))}"
    )
    return {
        "leave_one_project_out": report("leave-one-project-out", evaluate(leave_one_out, rows)),
        "k_fold": report(f"{FOLDS}-fold cross-validation", evaluate(k_fold, rows)),
    }


if __name__ == "__main__":
    main()
