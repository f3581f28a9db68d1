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
from functools import cached_property, lru_cache
from importlib import resources

import numpy as np

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


# Words that name a class in any project. PROMISE holds 15 projects, too few for a model to
# learn from the data alone that "encrypted" and "password" are both security; one shared
# feature per class carries what one project teaches to the next (leave-one-project-out,
# eval/requirements.py). Stems, so that "encrypts" and "encryption" count alike.
_QUALITY_CUES: dict[str, re.Pattern[str]] = {
    code: re.compile(pattern)
    for code, pattern in {
        "PE": r"\b(?:fast\w*|quick\w*|respon[sd]\w*|latency|throughput|per (?:second|minute)|seconds?|milliseconds?|ms|"
        r"minutes?|load(?:s|ed)? (?:in|within)|performance|delay\w*|speed)\b",
        "SC": r"\b(?:scal\w+|concurrent\w*|simultaneous\w*|grow\w*|volume|capacity|up to \d[\d,]*|increase in)\b",
        "A": r"\b(?:availab\w+|uptime|downtime|24/7|24 hours a day|\d+(?:\.\d+)?% of the time|outage\w*)\b",
        "FT": r"\b(?:fail\w*|fault\w*|recover\w*|backup\w*|back up|redundan\w+|restor\w+|crash\w*)\b",
        "SE": r"\b(?:secur\w+|encrypt\w*|password\w*|authenticat\w+|authori[sz]\w+|log ?in|logon|access|privacy|"
        r"confidential\w*|permission\w*|unauthori[sz]ed|attack\w*|virus\w*)\b",
        "US": r"\b(?:eas(?:y|ily|e)|intuitive\w*|user.friendly|learn\w*|train(?:ed|ing)|understand\w*|usab\w+|"
        r"accessib\w+|help|satisf\w+|errors? messages?|navigat\w+)\b",
        "LF": r"\b(?:colou?rs?|fonts?|look\w*|appear\w*|style\w*|logo\w*|graphic\w*|layout|screen\w*|attractive|"
        r"professional|branding|image\w*|icons?)\b",
        "O": r"\b(?:operat\w+|environment|install\w*|deploy\w*|interfac\w+|run(?:s|ning)? on|platform\w*|"
        r"browser\w*|server\w*|database\w*|network\w*)\b",
        "MN": r"\b(?:maintain\w*|maintenance|modif\w+|updat\w+|upgrad\w+|chang(?:e|es|ed|ing) to|extend\w*|"
        r"configur\w+|documented|code)\b",
        "PO": r"\b(?:portab\w+|port(?:ed)? to|operating systems?|windows|linux|unix|mac|android|ios|cross.platform)\b",
        "L": r"\b(?:law\w*|legal\w*|regulat\w+|compl(?:y|ies|iance|iant)|licen[cs]\w*|act|statut\w+|polic(?:y|ies)|"
        r"standards?|audit\w*|hipaa|gdpr|sarbanes|copyright\w*)\b",
        # a function: the system (or a user, through it) does something to the domain's objects
        "F": r"\b(?:shall|must|will|should|can)(?: be able to| allow (?:the )?\w+ to| let \w+)? "
        r"(?:add|creat|delet|remov|edit|modif|updat|display|show|print|search|find|generat|record|stor|send|"
        r"notif|calculat|comput|select|assign|enter|view|list|sort|filter|export|import|schedul|book|cancel|"
        r"register|submit|approv|reject|track|retriev|link|attach|upload|download|email|e-mail|mark)\w*\b",
    }.items()
}


# Cue features count this many times: among a statement's hundred-odd n-gram features a
# single count is drowned by the length normalisation (leave-one-project-out functional F1 0.75
# at 1, 0.77 at 4 to 100; 12 chosen there, see eval/requirements.py).
CUE_WEIGHT = 12


def features(text: str) -> Counter[str]:
    """Word unigrams and bigrams (numbers folded to <num>), character 4-grams of words, and
    one feature per quality whose cue words the statement uses."""
    lowered = _SUBJECT.sub(" the system ", text.lower())
    tokens = [_fold(t) for t in _TOKEN.findall(lowered)]
    counts: Counter[str] = Counter()
    for code, cue in _QUALITY_CUES.items():
        hits = len(cue.findall(lowered))
        if hits:
            counts[f"q:{code}"] += hits * CUE_WEIGHT
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


@lru_cache(maxsize=1024)
def _recent_features(text: str) -> tuple[tuple[str, int], ...]:
    """Features of a statement, kept while both models (and the heading prior) score it."""
    return tuple(features(text).items())


@dataclass(frozen=True)
class LinearModel:
    """A TF-IDF vectoriser and one-vs-rest linear scores, exported from scikit-learn."""

    vocabulary: dict[str, int]
    idf: list[float]
    classes: list[str]
    coefficients: list[list[float]]
    intercepts: list[float]
    # Only the functional/non-functional model has one: the P(functional) from which a
    # statement is called functional, chosen leave-one-project-out by tools/train_classifier.py.
    functional_threshold: float = 0.5

    def vectorise(self, text: str) -> dict[int, float]:
        vector: dict[int, float] = {}
        for feature, count in _recent_features(text):
            index = self.vocabulary.get(feature)
            if index is not None:
                vector[index] = (1.0 + math.log(count)) * self.idf[index]
        norm = math.sqrt(sum(v * v for v in vector.values()))
        return {i: v / norm for i, v in vector.items()} if norm else vector

    @cached_property
    def _matrix(self) -> np.ndarray:
        return np.asarray(self.coefficients, dtype=np.float64)

    def scores(self, text: str) -> dict[str, float]:
        vector = self.vectorise(text)
        if not vector:
            return dict(zip(self.classes, self.intercepts, strict=True))
        columns = np.fromiter(vector.keys(), dtype=np.intp, count=len(vector))
        values = np.fromiter(vector.values(), dtype=np.float64, count=len(vector))
        totals = self._matrix[:, columns] @ values
        return {
            label: intercept + float(total)
            for label, intercept, total in zip(self.classes, self.intercepts, totals, strict=True)
        }

    def as_dict(self) -> dict[str, object]:
        return {
            "vocabulary": self.vocabulary,
            "idf": self.idf,
            "classes": self.classes,
            "coefficients": self.coefficients,
            "intercepts": self.intercepts,
            "functional_threshold": self.functional_threshold,
        }


@dataclass(frozen=True)
class Classification:
    code: str
    name: str
    confidence: float


@lru_cache(maxsize=1)
def _models() -> tuple[LinearModel, LinearModel]:
    raw = json.loads(resources.files("kickoff.data").joinpath("requirement_model.json").read_text("utf-8"))
    return LinearModel(**raw["functional"]), LinearModel(**raw["quality"])


# What a section heading says about the statements under it. Authors group requirements by
# kind, and that grouping is a stronger signal than one sentence's words for a model trained on
# 15 projects; the model overrides it only when it is sure (see classify_in_section).
_HEADING_CLASSES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (code, re.compile(pattern, re.IGNORECASE))
    for code, pattern in (
        ("NFR", r"\bnon.?functional|\bquality (?:requirements|attributes)|\bquality of service"),
        ("F", r"\bfunctional (?:requirements|specification)|\bfeatures?\b|\buser stories|\buse cases?|\bfunctions?\b"),
        ("PE", r"\bperformance|\bresponse times?|\blatency"),
        ("SC", r"\bscal(?:e|ability|ing)|\bcapacity"),
        ("A", r"\bavailability|\breliability"),
        ("FT", r"\bfault|\brecovery|\bresilien"),
        ("SE", r"\bsecurity|\bprivacy|\baccess control|\bauthenticat"),
        ("US", r"\busability|\baccessibility|\buser experience|\bergonom"),
        ("LF", r"\blook and feel|\bappearance|\bbranding|\bvisual design"),
        ("O", r"\boperational|\boperating environment|\bdeployment|\binterfaces?\b"),
        ("MN", r"\bmaintainability|\bsupportability"),
        ("PO", r"\bportability"),
        ("L", r"\blegal|\bcompliance|\bregulat|\blicen[cs]"),
    )
)
# The model's confidence above which it overrides what the heading says.
OVERRIDE_HEADING = 0.8


def heading_class(section: str | None) -> str | None:
    """The class a section heading names, if any ("NFR" for a generic quality heading)."""
    if not section:
        return None
    for code, pattern in _HEADING_CLASSES:
        if pattern.search(section):
            return code
    return None


def classify_in_section(text: str, section: str | None) -> Classification:
    """``classify``, with the section heading as a prior the model must be sure to overrule."""
    found = classify(text)
    expected = heading_class(section)
    if expected is None or found.confidence >= OVERRIDE_HEADING:
        return found
    if expected == "NFR":
        if found.code != "F":
            return found
        best = max(_models()[1].scores(text).items(), key=lambda item: (item[1], item[0]))[0]
        return Classification(best, CATEGORY_NAMES[best], round(1.0 - found.confidence, 3))
    if expected == found.code:
        return found
    return Classification(expected, CATEGORY_NAMES[expected], round(max(found.confidence, 1.0 - found.confidence), 3))


def classify(text: str, models: tuple[LinearModel, LinearModel] | None = None) -> Classification:
    """Functional or which quality; confidence is the logistic of the winning margin."""
    functional, quality = models or _models()
    binary = functional.scores(text)
    margin = binary["NFR"] - binary["F"] if len(binary) == 2 else binary.get("NFR", 0.0)
    probability_quality = 1.0 / (1.0 + math.exp(-margin))
    if 1.0 - probability_quality >= functional.functional_threshold:
        return Classification("F", CATEGORY_NAMES["F"], round(1.0 - probability_quality, 3))
    ranked = sorted(quality.scores(text).items(), key=lambda item: (-item[1], item[0]))
    best = ranked[0][0]
    share = 1.0 / (1.0 + math.exp(-(ranked[0][1] - (ranked[1][1] if len(ranked) > 1 else 0.0))))
    return Classification(best, CATEGORY_NAMES[best], round(probability_quality * share, 3))
