"""Classify requirement statements: functional, or the quality they constrain.

The model is a pair of linear classifiers (functional vs non-functional; then which quality)
trained on PROMISE NFR by ``tools/train_classifier.py`` and shipped as JSON weights, so that
inference needs nothing but the standard library. Features are made here, in one place, for
both training and inference.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kickoff.lexicon import word_rank

CATEGORY_NAMES = {
    "F": "functional",
    "PE": "performance",
    "SC": "scalability",
    "A": "availability",
    "FT": "fault tolerance",
    "SE": "security",
    "US": "usability",
    "LF": "look and feel",
    "O": "operational",
    "MN": "maintainability",
    "PO": "portability",
    "L": "legal",
}
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:\.\d+)?|%")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# Product names differ per project; replacing the subject phrase keeps the model from
# learning one project's name as a cue.
_SUBJECT = re.compile(
    r"^\s*(?:the|a|an)\s+(?:[a-z]+\s+){0,3}?(?:system|product|application|software|website|site|app|tool)\b",
    re.IGNORECASE,
)


def features(text: str) -> Counter[str]:
    """Word unigrams and bigrams (numbers folded to <num>) plus character 4-grams of words."""
    lowered = _SUBJECT.sub(" the system ", text.lower())
    tokens = [_fold(t) for t in _TOKEN.findall(lowered)]
    counts: Counter[str] = Counter()
    for token in tokens:
        counts[f"w:{token}"] += 1
    for first, second in itertools.pairwise(tokens):
        counts[f"b:{first} {second}"] += 1
    for token in tokens:
        padded = f"<{token}>"
        for start in range(max(1, len(padded) - 3)):
            counts[f"c:{padded[start : start + 4]}"] += 1
    return counts


# Words rarer than this rank are one project's vocabulary ("cohort", "periscope"); folding them
# into one token makes the model learn the shape of a requirement instead of its domain, which
# is what transfers to an unseen project (leave-one-project-out functional F1 0.45 -> 0.54, README).
_FOLD_RANK = 10000


def _fold(token: str) -> str:
    if _NUMBER.fullmatch(token):
        return "<num>"
    rank = word_rank(token)
    return token if rank is not None and rank <= _FOLD_RANK else "<rare>"


@dataclass(frozen=True)
class LinearModel:
    """A TF-IDF vectoriser and one-vs-rest linear scores, exported from scikit-learn."""

    vocabulary: dict[str, int]
    idf: list[float]
    classes: list[str]
    coefficients: list[list[float]]
    intercepts: list[float]

    def vectorise(self, text: str) -> dict[int, float]:
        vector: dict[int, float] = {}
        for feature, count in features(text).items():
            index = self.vocabulary.get(feature)
            if index is not None:
                vector[index] = (1.0 + math.log(count)) * self.idf[index]
        norm = math.sqrt(sum(v * v for v in vector.values()))
        return {i: v / norm for i, v in vector.items()} if norm else vector

    def scores(self, text: str) -> dict[str, float]:
        vector = self.vectorise(text)
        return {
            label: intercept + sum(row[i] * v for i, v in vector.items())
            for label, row, intercept in zip(self.classes, self.coefficients, self.intercepts, strict=True)
        }

    def as_dict(self) -> dict[str, object]:
        return {
            "vocabulary": self.vocabulary,
            "idf": self.idf,
            "classes": self.classes,
            "coefficients": self.coefficients,
            "intercepts": self.intercepts,
        }


@dataclass(frozen=True)
class Classification:
    code: str
    name: str
    confidence: float


# Quality needs this much probability; below it the statement is functional. Above 0.5 because
# functional statements on an unseen project lack known cues and drift towards "quality".
QUALITY_THRESHOLD = 0.6


@lru_cache(maxsize=1)
def _models() -> tuple[LinearModel, LinearModel]:
    raw = json.loads(resources.files("kickoff.data").joinpath("requirement_model.json").read_text("utf-8"))
    return LinearModel(**raw["functional"]), LinearModel(**raw["quality"])


def classify(text: str, models: tuple[LinearModel, LinearModel] | None = None) -> Classification:
    """Functional or which quality; confidence is the logistic of the winning margin."""
    functional, quality = models or _models()
    binary = functional.scores(text)
    margin = binary["NFR"] - binary["F"] if len(binary) == 2 else binary.get("NFR", 0.0)
    probability_quality = 1.0 / (1.0 + math.exp(-margin))
    if probability_quality < QUALITY_THRESHOLD:
        return Classification("F", CATEGORY_NAMES["F"], round(1.0 - probability_quality, 3))
    ranked = sorted(quality.scores(text).items(), key=lambda item: (-item[1], item[0]))
    best = ranked[0][0]
    share = 1.0 / (1.0 + math.exp(-(ranked[0][1] - (ranked[1][1] if len(ranked) > 1 else 0.0))))
    return Classification(best, CATEGORY_NAMES[best], round(probability_quality * share, 3))
