"""Draw a fresh sample of smell findings on the real specifications, for labelling by hand.

    python eval/draw_smells.py OUT.tsv [--count 100] [--seed N] [--specs DIR]

Why: rules changed while looking at a label set are in-sample on it. An honest precision needs
findings drawn after the last change and labelled before the next one. This draws them from the
statements no earlier label file covers, whole statements at a time (every finding of a drawn
statement), in a seeded order, and writes them with an empty ``accepted`` column to fill in.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kickoff.config import Limits  # noqa: E402
from kickoff.gaps import find_requirements  # noqa: E402
from kickoff.ingest import read_bytes  # noqa: E402
from kickoff.model import SourceDocument  # noqa: E402
from kickoff.profile import profile_document  # noqa: E402

LABEL_FILES = sorted((ROOT / "eval" / "data").glob("real_smell_*labels.tsv"))


def statement_hash(statement: str) -> str:
    """How a labels file names a statement whose text may not be copied into the repository."""
    return "sha256:" + hashlib.sha256(statement.encode("utf-8")).hexdigest()


def labelled_statements() -> set[tuple[str, str]]:
    covered: set[tuple[str, str]] = set()
    for path in LABEL_FILES:
        with path.open(encoding="utf-8", newline="") as handle:
            covered.update((row["document"], row["statement"]) for row in csv.DictReader(handle, delimiter="\t"))
    covered |= {(document, statement_hash(statement)) for document, statement in covered}
    return covered


def findings(specs: Path) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(document, statement, [(smell, trigger)]) for every statement with a smell, in file order."""
    found = []
    for path in sorted(p for p in specs.rglob("*") if p.is_file()):
        if path.name in {"SOURCE.txt", "LICENSE", "LICENSE-MIT"} or path.name.startswith("."):
            continue
        source = read_bytes(path.read_bytes(), path.name, Limits())[0]
        if not isinstance(source, SourceDocument):
            continue
        document = path.relative_to(specs).as_posix()
        for requirement in find_requirements((profile_document(source),)):
            if requirement.smells:
                found.append((document, requirement.text, [(s.name, s.trigger) for s in requirement.smells]))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=100, help="findings to draw (whole statements)")
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--specs", type=Path, default=ROOT.parent / "shared" / "data" / "specs")
    parser.add_argument(
        "--hashed",
        type=Path,
        help="also write the labels file to keep, with each statement replaced by its SHA-256 "
        "(for documents whose text may not be copied here: label OUT, then copy the column over)",
    )
    args = parser.parse_args()
    covered = labelled_statements()
    fresh = [
        item
        for item in findings(args.specs)
        if (item[0], item[1]) not in covered and (item[0], statement_hash(item[1])) not in covered
    ]
    random.Random(args.seed).shuffle(fresh)
    drawn, total = [], 0
    for item in fresh:
        if total >= args.count:
            break
        drawn.append(item)
        total += len(item[2])
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["document", "smell", "trigger", "accepted", "statement"])
        for document, statement, smells in sorted(drawn):
            for smell, trigger in smells:
                writer.writerow([document, smell, trigger, "", statement])
    if args.hashed:
        with args.hashed.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
            writer.writerow(["document", "smell", "trigger", "accepted", "statement"])
            for document, statement, smells in sorted(drawn):
                for smell, trigger in smells:
                    writer.writerow([document, smell, trigger, "", statement_hash(statement)])
    print(f"{total} findings on {len(drawn)} statements drawn from {len(fresh)} unlabelled statements -> {args.out}")


if __name__ == "__main__":
    main()
