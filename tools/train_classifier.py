"""Train kickoff's requirement classifier on PROMISE NFR and export its weights as JSON.

Run: python tools/train_classifier.py   (needs the dev extras: scikit-learn)
Reads data/requirements/promise_nfr.csv (CC BY-SA 3.0, see data/requirements/SOURCE.txt) and
writes src/kickoff/data/requirement_model.json. ``eval/requirements.py`` measures the same
training recipe leave-one-project-out, so the figures in the README describe this model.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kickoff.gaps.classify import LinearModel, features  # noqa: E402

DATA = ROOT / "data" / "requirements" / "promise_nfr.csv"
OUTPUT = ROOT / "src" / "kickoff" / "data" / "requirement_model.json"
# Regularisation strength, chosen by leave-one-project-out F1 in eval/requirements.py.
C_FUNCTIONAL = 10.0
C_QUALITY = 10.0
# Features seen in fewer requirements than this are noise and bloat the shipped file.
MINIMUM_DOCUMENT_FREQUENCY = 2


def load(path: Path = DATA) -> list[tuple[str, str, str]]:
    """(project, text, class) rows."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            (row["ProjectID"], row["RequirementText"].strip(), row["class"])
            for row in csv.DictReader(handle, delimiter=";")
        ]


def fit(texts: list[str], labels: list[str], c: float) -> LinearModel:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = TfidfVectorizer(
        analyzer=lambda text: [f for f, n in features(text).items() for _ in range(n)],
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


def train(rows: list[tuple[str, str, str]]) -> tuple[LinearModel, LinearModel]:
    texts = [text for _, text, _ in rows]
    binary = ["F" if label == "F" else "NFR" for _, _, label in rows]
    functional = fit(texts, binary, C_FUNCTIONAL)
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
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({OUTPUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
