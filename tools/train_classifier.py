"""Train kickoff's requirement classifier on PROMISE NFR and export its weights as JSON.

Run: python tools/train_classifier.py   (needs the dev extras: scikit-learn)
Reads data/requirements/promise_nfr.csv (CC BY-SA 3.0, see data/requirements/SOURCE.txt) and
writes src/kickoff/data/requirement_model.json. ``eval/requirements.py`` measures the same
training recipe leave-one-project-out, so the figures in the README describe this model.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kickoff.gaps.classify import LinearModel, features  # noqa: E402

DATA = ROOT / "data" / "requirements" / "promise_nfr.csv"
OUTPUT = ROOT / "src" / "kickoff" / "data" / "requirement_model.json"
# Regularisation strength, chosen by leave-one-project-out F1 in eval/requirements.py: a
# stronger prior (smaller C) transfers better to an unseen project than the k-fold optimum.
C_FUNCTIONAL = 1.0
C_QUALITY = 10.0
# Candidate cut-offs on P(functional); the one used is picked on the training projects alone.
THRESHOLDS = [round(0.2 + 0.025 * step, 3) for step in range(25)]
# Features seen in fewer requirements than this are noise and bloat the shipped file.
MINIMUM_DOCUMENT_FREQUENCY = 2


def load(path: Path = DATA) -> list[tuple[str, str, str]]:
    """(project, text, class) rows."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            (row["ProjectID"], row["RequirementText"].strip(), row["class"])
            for row in csv.DictReader(handle, delimiter=";")
        ]


@functools.cache
def _feature_list(text: str) -> tuple[str, ...]:
    """Features with repeats, as the vectoriser wants them; cached because the nested
    leave-one-project-out selection featurises each requirement hundreds of times."""
    return tuple(feature for feature, count in features(text).items() for _ in range(count))


def fit(texts: list[str], labels: list[str], c: float) -> LinearModel:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = TfidfVectorizer(
        analyzer=_feature_list,
        sublinear_tf=True,
        min_df=MINIMUM_DOCUMENT_FREQUENCY,
    )
    matrix = vectoriser.fit_transform(texts)
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    model.fit(matrix, labels)
    classes = [str(c) for c in model.classes_]
    coefficients = model.coef_.tolist()
    intercepts = model.intercept_.tolist()
    if len(classes) == 2:
        # scikit-learn keeps one row for two classes; write both so inference is uniform.
        coefficients = [[-v for v in coefficients[0]], coefficients[0]]
        intercepts = [-intercepts[0], intercepts[0]]
    vocabulary = {str(k): int(v) for k, v in sorted(vectoriser.vocabulary_.items())}
    return LinearModel(
        vocabulary=vocabulary,
        idf=[round(float(v), 6) for v in vectoriser.idf_],
        classes=classes,
        coefficients=[[round(float(v), 6) for v in row] for row in coefficients],
        intercepts=[round(float(v), 6) for v in intercepts],
    )


def _binary(rows: list[tuple[str, str, str]]) -> list[str]:
    return ["F" if label == "F" else "NFR" for _, _, label in rows]


def functional_probability(model: LinearModel, text: str) -> float:
    scores = model.scores(text)
    return 1.0 / (1.0 + math.exp(scores["NFR"] - scores["F"]))


def choose_threshold(rows: list[tuple[str, str, str]]) -> float:
    """The P(functional) cut-off with the best macro F1, leave-one-project-out on ``rows``.

    A model's probabilities shift on a project it has not seen, so the cut-off that suits an
    unseen project is measured the same way, on the training projects only: the evaluation
    calls this inside each of its folds, and never sees the held-out project's labels.
    """
    projects = sorted({project for project, _, _ in rows})
    gold: list[bool] = []
    probabilities: list[float] = []
    for project in projects:
        training = [row for row in rows if row[0] != project]
        model = fit([text for _, text, _ in training], _binary(training), C_FUNCTIONAL)
        for row in rows:
            if row[0] == project:
                gold.append(row[2] == "F")
                probabilities.append(functional_probability(model, row[1]))

    def macro_f1(threshold: float) -> float:
        total = 0.0
        for positive in (True, False):
            predicted = [(p >= threshold) == positive for p in probabilities]
            actual = [g == positive for g in gold]
            hits = sum(1 for a, b in zip(predicted, actual, strict=True) if a and b)
            precision = hits / max(1, sum(predicted))
            recall = hits / max(1, sum(actual))
            total += 2 * precision * recall / (precision + recall) if hits else 0.0
        return total / 2

    return max(THRESHOLDS, key=lambda threshold: (macro_f1(threshold), -abs(threshold - 0.5)))


def train(rows: list[tuple[str, str, str]]) -> tuple[LinearModel, LinearModel]:
    texts = [text for _, text, _ in rows]
    functional = fit(texts, _binary(rows), C_FUNCTIONAL)
    functional = dataclasses.replace(functional, functional_threshold=choose_threshold(rows))
    quality_rows = [(text, label) for _, text, label in rows if label != "F"]
    quality = fit([t for t, _ in quality_rows], [label for _, label in quality_rows], C_QUALITY)
    return functional, quality


def main() -> None:
    functional, quality = train(load())
    payload = {
        "source": "PROMISE NFR (tera-PROMISE, CC BY-SA 3.0); trained by tools/train_classifier.py",
        "functional": functional.as_dict(),
        "quality": quality.as_dict(),
    }
    OUTPUT.write_text(json.dumps(payload, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    print(
        f"wrote {OUTPUT.relative_to(ROOT)} ({OUTPUT.stat().st_size // 1024} KiB); "
        f"functional when P(functional) >= {functional.functional_threshold}"
    )


if __name__ == "__main__":
    main()
