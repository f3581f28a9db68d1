"""Measure the specification checklist on real specifications against a hand-made answer key.

    python eval/checklist_real.py [--specs DIR] [--pure DIR] [--verbose]

The key (``eval/data/checklist_real_key.json``) was written by reading 16 real documents of
``../shared/data/specs`` (6 PEPs, 5 Kubernetes KEPs, 5 Rust RFCs; public domain/CC0, Apache-2.0,
MIT/Apache-2.0, see that folder's SOURCE.txt). Per document it lists the checklist items the
document answers and which sections or sentences answer each; its ``about`` gives the rules.

Each document is analysed alone, as a one-file bundle. An item kickoff marks answered or partly
answered is a *claim*; a claim is right when the key lists the item and **every** quote kickoff
shows for it is evidence the key accepts (one wrong quote makes the answer wrong: a reader sees
it). Precision is right claims over claims, recall right claims over the items the key lists.
Ten documents were looked at while the rules were changed ('dev'); six were only scored
('held-out'); both are printed, and the held-out figure is the one to believe.

A second key (``eval/data/checklist_pure_key.json``) covers 54 real SRS documents of PURE, in the
IEEE 830 style the first 16 lack (PDF, Word, numbered sections, "shall" statements). They are read
from ``--pure`` (default ``../pure/req``) and never copied here, so that key holds only hashes of
the section titles and sentence fragments it accepts, and each file's SHA-256. Its ``about`` says
in which order the documents were labelled, first scored and then looked at: none is out of
sample now, and the first-scored figures are in the README.

``eval/checklist_real_floors.json`` pins the figures; a test fails when a change lowers them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kickoff.config import Limits  # noqa: E402
from kickoff.gaps import build_checklist, find_requirements  # noqa: E402
from kickoff.ingest import read_bytes  # noqa: E402
from kickoff.model import ChecklistItem, Quote, SourceDocument  # noqa: E402
from kickoff.profile import profile_document  # noqa: E402

KEY = ROOT / "eval" / "data" / "checklist_real_key.json"
PURE_KEY = ROOT / "eval" / "data" / "checklist_pure_key.json"
DEFAULT_PURE = ROOT.parent / "pure" / "req"
FLOORS = ROOT / "eval" / "checklist_real_floors.json"
DEFAULT_SPECS = ROOT.parent / "shared" / "data" / "specs"


@dataclass
class Tally:
    claims: int = 0
    right: int = 0
    keyed: int = 0
    quotes: int = 0
    quotes_right: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def precision(self) -> float:
        return self.right / self.claims if self.claims else 1.0

    def recall(self) -> float:
        return self.right / self.keyed if self.keyed else 1.0

    def f1(self) -> float:
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p + r else 0.0


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def accepted(quote: Quote, evidence: dict[str, list[str]]) -> bool:
    """The key accepts a quote from one of the item's sections, or holding one of its fragments."""
    section = quote.location.section or ""
    if any(re.fullmatch(pattern, section.strip(), re.IGNORECASE) for pattern in evidence.get("sections", [])):
        return True
    text = _normal(quote.text)
    return any(_normal(fragment) in text for fragment in evidence.get("sentences", []))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def accepted_hashed(quote: Quote, evidence: dict[str, list[str]]) -> bool:
    """``accepted`` for a key that holds hashes: the quote's section title, or any substring of
    its text of a fragment's length, hashes to what the key lists."""
    if _digest(_normal(quote.location.section or "")) in set(evidence.get("sections", [])):
        return True
    text = _normal(quote.text)
    for fragment in evidence.get("sentences", []):
        length, digest = fragment.split(":", 1)
        size = int(length)
        if any(_digest(text[start : start + size]) == digest for start in range(len(text) - size + 1)):
            return True
    return False


def checklist_of(path: Path) -> tuple[ChecklistItem, ...]:
    """The checklist kickoff builds for this one document, as the pipeline builds it."""
    source = read_bytes(path.read_bytes(), path.name, Limits())[0]
    assert isinstance(source, SourceDocument), source
    documents = (profile_document(source),)
    return build_checklist(documents, find_requirements(documents))


def score(
    name: str,
    items: tuple[ChecklistItem, ...],
    key: dict[str, dict[str, list[str]]],
    tally: Tally,
    accepts: Callable[[Quote, dict[str, list[str]]], bool] = accepted,
) -> None:
    for item in items:
        evidence = key.get(item.key)
        claimed = item.status != "missing"
        if evidence is not None:
            tally.keyed += 1
        if not claimed:
            if evidence is not None:
                tally.missed.append(f"{name}: {item.key} is missing; the key lists it")
            continue
        tally.claims += 1
        good = [accepts(q, evidence) for q in item.evidence] if evidence is not None else [False] * len(item.evidence)
        tally.quotes += len(good)
        tally.quotes_right += sum(good)
        if evidence is not None and all(good):
            tally.right += 1
            continue
        bad = next((q for q, ok in zip(item.evidence, good, strict=True) if not ok), None)
        shown = f"§ {bad.location.section}: “{bad.text[:100]}”" if bad else "(no quote)"
        if evidence is None:
            tally.wrong.append(f"{name}: {item.key} claimed ({item.status}); the key says unanswered; {shown}")
        else:
            tally.wrong.append(f"{name}: {item.key} quotes evidence the key does not accept: {shown}")
            tally.missed.append(f"{name}: {item.key} answered wrongly")


def measure(specs: Path) -> dict[str, Tally]:
    """A tally per split ('dev', 'held-out') and for 'all'."""
    key = json.loads(KEY.read_text("utf-8"))
    tallies = {"dev": Tally(), "held-out": Tally(), "all": Tally()}
    for name, entry in sorted(key["documents"].items()):
        items = checklist_of(specs / name)
        for split in (entry["split"], "all"):
            score(name, items, entry["items"], tallies[split])
    return tallies


def measure_pure(pure: Path) -> tuple[dict[str, Tally], list[str]]:
    """A tally per split of the PURE key (the rounds of labelling, in the order the key's documents
    first name them) and for 'all', and the documents that could not be scored (absent, or not the
    file that was labelled)."""
    key = json.loads(PURE_KEY.read_text("utf-8"))
    tallies = {entry["split"]: Tally() for entry in key["documents"].values()}
    tallies["all"] = Tally()
    unscored = []
    for name, entry in sorted(key["documents"].items()):
        path = pure / name
        if not path.is_file() or _digest_bytes(path.read_bytes()) != entry["sha256"]:
            unscored.append(name)
            continue
        items = checklist_of(path)
        for split in (entry["split"], "all"):
            score(name, items, entry["items"], tallies[split], accepted_hashed)
    return tallies, unscored


def _digest_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_floors() -> dict[str, float]:
    return json.loads(FLOORS.read_text("utf-8"))  # type: ignore[no-any-return]


def figures(tallies: dict[str, Tally]) -> dict[str, float]:
    result = {}
    for split, tally in tallies.items():
        result[f"{split} precision"] = tally.precision()
        result[f"{split} recall"] = tally.recall()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--specs", type=Path, default=DEFAULT_SPECS, help="the real specifications (default: %(default)s)"
    )
    parser.add_argument("--pure", type=Path, default=DEFAULT_PURE, help="PURE's SRS documents (default: %(default)s)")
    parser.add_argument("--verbose", action="store_true", help="print every wrong claim and every miss")
    args = parser.parse_args()
    if not args.specs.is_dir():
        print(f"checklist on real specifications: {args.specs} is absent; nothing measured")
        return
    tallies = measure(args.specs)
    print("Checklist on 16 real specifications (answer key eval/data/checklist_real_key.json):")
    for split, tally in tallies.items():
        print(
            f"  {split:9} claims {tally.claims:3}  right {tally.right:3}  keyed {tally.keyed:3}  "
            f"precision {tally.precision():.3f}  recall {tally.recall():.3f}  F1 {tally.f1():.3f}  "
            f"(quotes accepted {tally.quotes_right}/{tally.quotes})"
        )
    everything = tallies["all"]
    if args.verbose:
        for line in everything.wrong + everything.missed:
            print("   ", line)
    else:
        print(f"  ({len(everything.wrong)} wrong claims, {len(everything.missed)} misses; --verbose lists them)")
    measured = figures(tallies)
    if args.pure.is_dir():
        pure_tallies, unscored = measure_pure(args.pure)
        print(
            f"Checklist on {len(json.loads(PURE_KEY.read_text('utf-8'))['documents'])} real SRS documents of PURE ({args.pure}; key eval/data/checklist_pure_key.json):"
        )
        for split, tally in pure_tallies.items():
            print(
                f"  {split:9} claims {tally.claims:3}  right {tally.right:3}  keyed {tally.keyed:3}  "
                f"precision {tally.precision():.3f}  recall {tally.recall():.3f}  F1 {tally.f1():.3f}"
            )
        if unscored:
            print(f"  not scored (absent or a different file): {', '.join(unscored)}")
        if args.verbose:
            for line in pure_tallies["all"].wrong + pure_tallies["all"].missed:
                print("   ", line)
        measured |= {f"PURE {name}": value for name, value in figures(pure_tallies).items()}
    else:
        print(f"Checklist on PURE's SRS documents: NOT MEASURED, {args.pure} is absent (--pure DIR)")
    failed = [
        f"{name} {measured[name]:.3f} < {floor}"
        for name, floor in load_floors().items()
        if name in measured and measured[name] < floor
    ]
    print("  floors: " + ("all held" if not failed else "BELOW: " + "; ".join(failed)))


if __name__ == "__main__":
    main()
