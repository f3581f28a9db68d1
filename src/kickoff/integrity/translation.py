"""Machine-translation artefacts: what a translation pipeline leaves in the English it writes.

A round-trip translation reads as plain English, so its wording alone proves little (the
cross-document check in ``restore`` catches a paraphrased copy when the original is in the bundle).
What a single sentence can show is the pipeline's residue, each a habit of translation software
that edited English does not have:

* the escapes of the Moses toolkit that statistical systems and their training data use
  (``&apos;`` for an apostrophe, ``@-@`` for a hyphen inside a word);
* contractions split by a Penn-Treebank tokeniser and never joined again ("do n't", "the mayor 's");
* full-width CJK punctuation ("，" "。") carried into English from a Chinese or Japanese source;
* a word in another script left untranslated inside an English sentence;
* a phrase of two or more content words said twice in a row, the loop a neural decoder falls into ("the peace talks the peace talks").

eval/integrity.py counts these on clean text as false findings, next to the spinner's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from kickoff.integrity.collocations import tokens
from kickoff.text import STOPWORDS

PIPELINE_CONFIDENCE = 0.9
TOKENISER_CONFIDENCE = 0.8
LOOP_CONFIDENCE = 0.7
UNTRANSLATED_CONFIDENCE = 0.6

_MOSES_ESCAPES = {"&apos;": "'", "@-@": "-", "@,@": ",", "@.@": "."}
_ESCAPED_MARK = {"&apos;": "an apostrophe", "@-@": "a hyphen", "@,@": "a comma", "@.@": "a decimal point"}
_MOSES = re.compile("|".join(re.escape(escape) for escape in _MOSES_ESCAPES))
# A clitic standing alone after a space: "do n't", "the mayor 's", "they 're"; never "rock 'n' roll".
_SPLIT_CLITIC = re.compile(r"(?<=[A-Za-z]) (n['’]t|['’](?:s|re|ve|ll|d|m))(?![A-Za-z'’])")
_FULL_WIDTH = {"，": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")", "、": ","}
_FULL_WIDTH_MARK = re.compile("[" + "".join(_FULL_WIDTH) + "]")
# Letters of a script other than Latin, in a run of at least two: an untranslated word.
_OTHER_SCRIPT_WORD = re.compile(r"[^\W\d_A-Za-z\u00C0-\u024F]{2,}")
# Most of a sentence's letters must be Latin before another script inside it is remarkable.
_LATIN_SHARE = 0.8
_LONGEST_LOOP = 6
# A repeated phrase needs this many content words to be a loop rather than two clauses meeting.
_LOOP_CONTENT_WORDS = 2


@dataclass(frozen=True)
class Artefact:
    """A translation pipeline's trace in one sentence, with what the text would have said without it."""

    start: int
    end: int
    span: str
    original: str | None
    confidence: float
    evidence: str


def find_artefacts(sentence: str) -> Iterator[Artefact]:
    yield from _pipeline_escapes(sentence)
    yield from _split_clitics(sentence)
    # Full-width marks and letters of other scripts are never ASCII: most sentences skip both.
    if not sentence.isascii() and _latin_share(sentence) >= _LATIN_SHARE:
        yield from _full_width_punctuation(sentence)
        yield from _untranslated_words(sentence)
    yield from _loops(sentence)


def _pipeline_escapes(sentence: str) -> Iterator[Artefact]:
    for match in _MOSES.finditer(sentence):
        escape = match.group()
        yield Artefact(
            match.start(),
            match.end(),
            escape,
            _MOSES_ESCAPES[escape],
            PIPELINE_CONFIDENCE,
            f"'{escape}' is how the Moses toolkit of statistical translation escapes "
            f"{_ESCAPED_MARK[escape]}: the text went through a translation pipeline",
        )


def _split_clitics(sentence: str) -> Iterator[Artefact]:
    for match in _SPLIT_CLITIC.finditer(sentence):
        word_start = sentence.rfind(" ", 0, match.start()) + 1
        span = sentence[word_start : match.end()]
        joined = span.replace(" ", "")
        yield Artefact(
            word_start,
            match.end(),
            span,
            joined,
            TOKENISER_CONFIDENCE,
            f"'{span}' splits a contraction the way translation tokenisers do; edited English writes '{joined}'",
        )


def _full_width_punctuation(sentence: str) -> Iterator[Artefact]:
    for match in _FULL_WIDTH_MARK.finditer(sentence):
        mark = match.group()
        yield Artefact(
            match.start(),
            match.end(),
            mark,
            _FULL_WIDTH[mark],
            TOKENISER_CONFIDENCE,
            f"full-width '{mark}' is Chinese or Japanese punctuation inside English text: carried over from a translated source",
        )


def _untranslated_words(sentence: str) -> Iterator[Artefact]:
    for match in _OTHER_SCRIPT_WORD.finditer(sentence):
        before = sentence[: match.start()].rstrip()
        if before.endswith(("(", "“", '"', "«")):
            continue  # a gloss of a name in its own script: "Moscow (Москва)"
        script = _script_of(match.group())
        yield Artefact(
            match.start(),
            match.end(),
            match.group(),
            None,
            UNTRANSLATED_CONFIDENCE,
            f"'{match.group()}' is written in {script} script inside an English sentence: a word left untranslated",
        )


def _loops(sentence: str) -> Iterator[Artefact]:
    items = tokens(sentence)
    lowered = [item.lower for item in items]
    position = 0
    while position < len(items):
        found = False
        for length in range(_LONGEST_LOOP, 1, -1):
            end = position + 2 * length
            if end > len(items) or lowered[position] != lowered[position + length]:
                continue  # (the first word's test is cheap, and rules out nearly every position)
            phrase = lowered[position : position + length]
            if phrase != lowered[position + length : end]:
                continue
            if not all(items[i].is_word for i in range(position, end)):
                continue
            if sum(1 for word in phrase if len(word) > 1 and word not in STOPWORDS) < _LOOP_CONTENT_WORDS:
                # "accesses to the system the system is": a clause boundary, not a loop; and a
                # letter is a mark or a symbol ("X X X X" down a table's column in a PDF)
                continue
            first, second = items[position], items[position + length]
            if second.text[0].isupper():
                # A decoder's loop goes on inside the sentence it was writing; a repeat that opens
                # with a capital starts something new where a PDF's text runs together: a heading
                # and the sentence under it ("Data structures Data structures typically include"),
                # a running header, the labels of a diagram (real SRS documents of PURE).
                continue
            start, stop = second.start, items[end - 1].end
            once = sentence[first.start : items[position + length - 1].end]
            yield Artefact(
                start,
                stop,
                sentence[start:stop],
                None,
                LOOP_CONFIDENCE,
                f"'{once}' is said twice in a row: the loop a neural translation falls into; the second one is extra",
            )
            position = end
            found = True
            break
        if not found:
            position += 1


def _latin_share(sentence: str) -> float:
    letters = [character for character in sentence if character.isalpha()]
    if not letters:
        return 0.0
    latin = sum(1 for character in letters if character.isascii() or "\u00c0" <= character <= "\u024f")
    return latin / len(letters)


def _script_of(word: str) -> str:
    """The Unicode script a word is written in, from its first letter's name ('CYRILLIC SMALL LETTER ...')."""
    name = unicodedata.name(word[0], "")
    first = name.split(" ")[0].title() if name else "another"
    return {"Cjk": "Chinese", "Hiragana": "Japanese", "Katakana": "Japanese", "Hangul": "Korean"}.get(first, first)


__all__ = ["Artefact", "find_artefacts"]
