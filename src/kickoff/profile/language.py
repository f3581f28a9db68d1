"""Which language a document is in (ISO 639-1), by py3langid's shipped model."""

from __future__ import annotations

from functools import lru_cache

# Below this many letters the guess is noise; we say "unknown" instead.
_MINIMUM_LETTERS = 20
_SAMPLE_CHARACTERS = 20_000


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    sample = text[:_SAMPLE_CHARACTERS]
    if sum(character.isalpha() for character in sample) < _MINIMUM_LETTERS:
        return "unknown"
    language, probability = _identifier().classify(sample)
    return str(language) if probability >= 0.5 else "unknown"
