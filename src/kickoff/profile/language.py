"""Which language a document is in (ISO 639-1), by py3langid's shipped model."""

from __future__ import annotations

from functools import lru_cache
from itertools import islice

# Below this many letters the guess is noise; we say "unknown" instead.
_MINIMUM_LETTERS = 20
_SAMPLE_CHARACTERS = 20_000


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    sample = text[:_SAMPLE_CHARACTERS]
    # enough letters or not: counting stops at the minimum, not at the end of a long document
    if len(list(islice(filter(str.isalpha, sample), _MINIMUM_LETTERS))) < _MINIMUM_LETTERS:
        return "unknown"
    language, probability = _identifier().classify(sample)
    return str(language) if probability >= 0.5 else "unknown"
