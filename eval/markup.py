"""Measure markup left in the sentences of real specifications.

    python eval/markup.py [--specs DIR]

Reads the 57 PEPs, Rust RFCs and KEPs of ``../shared/data/specs`` as kickoff reads them and
counts the sentences that still carry an HTML comment, an anchor link of a table of contents,
an RST literal, role or directive, or a checklist box. ``tests/test_markup.py`` holds the count
at its floor (2: two sentences that are about markup).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kickoff.config import Limits  # noqa: E402
from kickoff.ingest import read_bytes  # noqa: E402
from kickoff.model import SourceDocument  # noqa: E402
from kickoff.profile import profile_document  # noqa: E402

MARKUP = re.compile(r"<!--|-->|\]\(#|``|^\s*\.\. [\w-]+::|\[[ xX]\] \(|:(?:pep|rfc|func|class|ref|meth|mod|doc):`")


def measure(specs: Path) -> tuple[int, list[tuple[str, str]]]:
    """(sentences read, [(file, sentence) that still carry markup])."""
    sentences = 0
    leaks: list[tuple[str, str]] = []
    for path in sorted(specs.rglob("*")):
        if path.suffix not in {".md", ".rst"}:
            continue
        source = read_bytes(path.read_bytes(), path.name, Limits())[0]
        assert isinstance(source, SourceDocument), source
        document = profile_document(source)
        sentences += len(document.sentences)
        leaks += [(path.name, s.text) for s in document.sentences if MARKUP.search(s.text)]
    return sentences, leaks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--specs", type=Path, default=ROOT.parent / "shared" / "data" / "specs")
    args = parser.parse_args()
    if not args.specs.is_dir():
        print(f"NOT MEASURED: {args.specs} is absent; give the real specifications' folder with --specs")
        return
    sentences, leaks = measure(args.specs)
    print(f"Markup in sentences of real specifications: {len(leaks)} of {sentences} sentences")
    for name, text in leaks:
        print(f"- {name}: {text[:140]}")


if __name__ == "__main__":
    main()
