"""Measure how kickoff reads IETF RFCs as plain text, the form most protocol specifications take.

    python eval/rfc.py [--rfc DIR]

An RFC as the RFC Editor publishes it is text printed to pages: each page ends with a form feed,
a running footer ("Fette & Melnikov   Standards Track   [Page 4]") and a running header ("RFC
6455   The WebSocket Protocol   December 2011"); the title stands centred under a two-column
header of the document's number on the left and its authors on the right; the body is indented
and the section titles stand at the margin. The key (``eval/data/rfc_key.json``) gives each
file's English title and its authors' surnames, written from each RFC's first page; its
``about`` says where the copies came from. The texts are read from ``--rfc`` (default
``../rfc``) and never copied here; the script says so when they are absent.

Per file: the kind (all are specifications), whether the title and every author are found,
how many blocks still hold a running footer ("[Page N]"), how many paragraphs open in lower
case (a sentence cut by a page break, or a list item's wrapped line read as a paragraph), and the
integrity verdict (none is spun, tortured or machine-paraphrased) with its findings per 1,000
words, with the contextual model where it is installed. Asserts nothing: figures only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kickoff.config import Limits  # noqa: E402
from kickoff.ingest import read_bytes  # noqa: E402
from kickoff.integrity import assess_document, encoder  # noqa: E402
from kickoff.model import SourceDocument  # noqa: E402
from kickoff.profile import profile_document  # noqa: E402

KEY = ROOT / "eval" / "data" / "rfc_key.json"
FLOORS = ROOT / "eval" / "rfc_floors.json"
DEFAULT_RFC = ROOT.parent / "rfc"
DEGRADED = {"spun", "tortured", "machine-paraphrased"}


def _normal(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def measure(folder: Path, contextual: bool | None = None) -> list[dict[str, object]]:
    """One row of figures per RFC of the key found (same bytes) in ``folder``; ``contextual``:
    read with the contextual model (None: where it is installed)."""
    if contextual is None:
        contextual = encoder.available()
    key = json.loads(KEY.read_text("utf-8"))
    rows: list[dict[str, object]] = []
    for name, entry in sorted(key["documents"].items()):
        path = folder / name
        if not path.is_file():
            continue
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            continue
        source = read_bytes(data, name, Limits())[0]
        assert isinstance(source, SourceDocument), source
        document = assess_document(profile_document(source), contextual)
        profile = document.profile
        assert profile is not None and document.integrity is not None
        byline = profile.byline or ""
        rows.append(
            {
                "name": name,
                "kind": profile.kind,
                "title": _normal(profile.title) == _normal(entry["title"]),
                "shown title": profile.title,
                "authors": all(author in byline for author in entry["authors"]),
                "footers": sum("[Page " in block.text for block in source.blocks),
                "lower-case paragraphs": sum(
                    block.kind == "paragraph" and block.text[:1].islower() for block in source.blocks
                ),
                "verdict": document.integrity.verdict,
                "findings per 1,000 words": document.integrity.findings_per_1000_words,
            }
        )
    return rows


def figures(rows: list[dict[str, object]]) -> dict[str, float]:
    """The figures the floors pin: counts of documents, and of blocks left wrong ("at most")."""
    return {
        "called specification": sum(r["kind"] == "specification" for r in rows),
        "title found": sum(bool(r["title"]) for r in rows),
        "every author in the byline": sum(bool(r["authors"]) for r in rows),
        "blocks holding a running footer, at most": sum(int(str(r["footers"])) for r in rows),
        "judged spun, tortured or machine-paraphrased, at most": sum(r["verdict"] in DEGRADED for r in rows),
    }


def below_floors(measured: dict[str, float]) -> list[str]:
    """The figures that fall short of ``eval/rfc_floors.json`` (or exceed a ceiling, "at most")."""
    floors: dict[str, float] = json.loads(FLOORS.read_text("utf-8"))
    return [
        f"{name} {measured[name]} (floor {floor})"
        for name, floor in floors.items()
        if (measured[name] > floor if name.endswith("at most") else measured[name] < floor)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rfc", type=Path, default=DEFAULT_RFC, help="the RFC texts (default: %(default)s)")
    args = parser.parse_args()
    if not args.rfc.is_dir():
        print(f"RFCs as plain text: NOT MEASURED, {args.rfc} is absent (--rfc DIR)")
        return
    rows = measure(args.rfc)
    if not rows:
        print(f"RFCs as plain text: NOT MEASURED, none of the key's files is in {args.rfc}")
        return
    count = len(rows)
    model = "with" if encoder.available() else "without"
    print(
        f"IETF RFCs as plain text ({args.rfc}; key eval/data/rfc_key.json): {count} documents, {model} the contextual model"
    )
    print(f"  called specification: {sum(r['kind'] == 'specification' for r in rows)}/{count}")
    print(f"  title found: {sum(bool(r['title']) for r in rows)}/{count}")
    print(f"  every author in the byline: {sum(bool(r['authors']) for r in rows)}/{count}")
    print(f"  blocks holding a running footer: {sum(int(str(r['footers'])) for r in rows)}")
    print(f"  paragraphs opening in lower case: {sum(int(str(r['lower-case paragraphs'])) for r in rows)}")
    degraded = [r for r in rows if r["verdict"] in DEGRADED]
    print(f"  judged spun, tortured or machine-paraphrased: {len(degraded)}/{count}")
    failed = below_floors(figures(rows))
    print("  floors: " + ("all held" if not failed else "BELOW: " + "; ".join(failed)))
    for row in rows:
        print(
            f"    {row['name']}: {row['kind']}, title {'right' if row['title'] else 'wrong'} ({row['shown title']!r}), "
            f"authors {'all' if row['authors'] else 'not all'}, footers {row['footers']}, "
            f"lower-case paragraphs {row['lower-case paragraphs']}, {row['verdict']} "
            f"({row['findings per 1,000 words']} findings per 1,000 words)"
        )


if __name__ == "__main__":
    main()
