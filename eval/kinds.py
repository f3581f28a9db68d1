"""Measure the document-kind decision on real documents nobody on this project wrote.

    python eval/kinds.py [--specs DIR] [--content-farm DIR]

Real documents, each with the kind it truly is:
- specification: the 57 PEPs, Rust RFCs and Kubernetes KEPs of ``../shared/data/specs``
  (public domain/CC0, MIT/Apache-2.0, Apache-2.0; see its SOURCE.txt). All are specifications or
  design documents of an interface, a format, a process or a feature.
- news report: the 84 web news texts of ``../shared/data/content-farm`` (originals, spun and
  machine-paraphrased copies, reports of one event, decoys). They are copyrighted and never
  copied into this repository: they are read from the path given, and the evaluation says so
  when it is absent.
- specification, held out: the 16 criteria of the Standard for Public Code
  (``eval/data/standard-for-public-code``, CC0), read only after the rules were written.
- other: the licence texts beside the specifications (Apache-2.0, MIT), which a bundle often holds.
- code: 20 modules of the Python standard library on this machine (PSF licence).
- data: the labelled CSV and JSON files under ``data/`` (PROMISE NFR, PPS).

Prints precision and recall per kind, the confusion table, and every document called wrongly.
``eval/kind_floors.json`` pins the figures; a test fails when a change lowers them.
"""

from __future__ import annotations

import argparse
import json
import sys
import sysconfig
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kickoff.config import Limits  # noqa: E402
from kickoff.ingest import read_bytes  # noqa: E402
from kickoff.ingest.types import document_title  # noqa: E402
from kickoff.model import SourceDocument  # noqa: E402
from kickoff.profile import profile_document  # noqa: E402

KINDS = ("specification", "news report", "code", "data", "other")
STDLIB_MODULES = (
    "argparse.py",
    "ast.py",
    "bisect.py",
    "calendar.py",
    "csv.py",
    "dataclasses.py",
    "difflib.py",
    "fnmatch.py",
    "functools.py",
    "gzip.py",
    "heapq.py",
    "inspect.py",
    "ipaddress.py",
    "shlex.py",
    "shutil.py",
    "statistics.py",
    "string.py",
    "tarfile.py",
    "textwrap.py",
    "uuid.py",
)


@dataclass
class Outcome:
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    wrong: list[tuple[str, str, str, str]] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    titles: list[str | None] = field(default_factory=list)

    def add(self, name: str, truth: str, data: bytes) -> None:
        outcome = read_bytes(data, name, Limits())
        source = next((o for o in outcome if isinstance(o, SourceDocument)), None)
        profile = profile_document(source).profile if source else None  # type: ignore[union-attr]
        predicted = profile.kind if profile else "unreadable"
        self.confusion[(truth, predicted)] += 1
        self.titles.append(profile.title if profile else None)
        if predicted != truth:
            evidence = "; ".join(profile.kind_evidence) if profile else ""
            self.wrong.append((name, truth, predicted, evidence))

    def figures(self) -> dict[str, float]:
        result: dict[str, float] = {}
        for kind in KINDS:
            true_positive = self.confusion[(kind, kind)]
            predicted = sum(n for (_, p), n in self.confusion.items() if p == kind)
            actual = sum(n for (t, _), n in self.confusion.items() if t == kind)
            if actual:
                result[f"{kind}_recall"] = true_positive / actual
            if predicted:
                result[f"{kind}_precision"] = true_positive / predicted
        return result


def measure(specs: Path, content_farm: Path) -> Outcome:
    outcome = Outcome()
    if specs.is_dir():
        for path in sorted(specs.rglob("*")):
            if path.suffix in {".md", ".rst", ".txt"} and path.name != "SOURCE.txt":
                outcome.add(f"specs/{path.relative_to(specs)}", "specification", path.read_bytes())
            elif path.name.startswith("LICENSE"):  # the licences beside them: neither spec nor news
                outcome.add(f"specs/{path.relative_to(specs)}", "other", path.read_bytes())
    else:
        outcome.absent.append(f"{specs} (the real specifications)")
    if content_farm.is_dir():
        for path in sorted(content_farm.rglob("*.txt")):
            if path.name != "SOURCE.txt":
                outcome.add(f"content-farm/{path.relative_to(content_farm)}", "news report", path.read_bytes())
    else:
        outcome.absent.append(f"{content_farm} (the real news texts)")
    held_out = ROOT / "eval" / "data" / "standard-for-public-code"
    for path in sorted(held_out.glob("*.md")):
        outcome.add(f"held-out/{path.name}", "specification", path.read_bytes())
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    for name in STDLIB_MODULES:
        if (stdlib / name).is_file():
            outcome.add(f"stdlib/{name}", "code", (stdlib / name).read_bytes())
    for path in sorted((ROOT / "data").rglob("*")):
        if path.suffix in {".csv", ".json"}:
            outcome.add(f"data/{path.relative_to(ROOT / 'data')}", "data", path.read_bytes())
    return outcome


def load_floors() -> dict[str, float]:
    return json.loads((ROOT / "eval" / "kind_floors.json").read_text("utf-8"))  # type: ignore[no-any-return]


def pure(folder: Path) -> None:
    """Every document of the PURE dataset (Ferrari, Spagnolo and Gnesi, "PURE: A Dataset of Public
    Requirements Documents", RE 2017): real requirements documents as their authors published them,
    PDF, Word (.doc), HTML and RTF. Not copied here; measured where a copy is given."""
    if not folder.is_dir():
        print(f"\nNOT MEASURED: PURE documents ({folder}) are absent; give their folder with --pure")
        return
    outcome = Outcome()
    formats: Counter[str] = Counter()
    for path in sorted(folder.iterdir()):
        if path.is_file():
            formats[path.suffix.lower().lstrip(".")] += 1
            outcome.add(path.name, "specification", path.read_bytes())
    called = Counter(predicted for _, predicted in outcome.confusion.elements())
    total = sum(called.values())
    print()
    print(
        f"PURE ({folder}): {total} real requirements documents ("
        + ", ".join(f"{n} {kind}" for kind, n in sorted(formats.items()))
        + "): "
        + ", ".join(f"{n} called {kind}" for kind, n in sorted(called.items()))
        + f"; specification recall {called['specification'] / max(1, total):.2f}"
    )
    for name, _, predicted, evidence in outcome.wrong:
        print(f"- {name}: called {predicted} ({evidence[:160]})")
    # A converter's default shown as the title ("Microsoft Word - srs.doc", a file name or path):
    # 26 of the 78 before the eighth session (2026-12-07) dropped them from file properties.
    converter = sum(1 for title in outcome.titles if title is not None and document_title(title) is None)
    untitled = sum(1 for title in outcome.titles if title is None)
    print(f"titles shown: {converter} a converter's default (a file name, a path), {untitled} none")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--specs", type=Path, default=ROOT.parent / "shared" / "data" / "specs")
    parser.add_argument("--content-farm", type=Path, default=ROOT.parent / "shared" / "data" / "content-farm")
    parser.add_argument(
        "--pure",
        type=Path,
        default=ROOT.parent / "pure" / "req",
        help="the PURE requirements documents in their original formats (default: %(default)s; see the README)",
    )
    args = parser.parse_args()
    outcome = measure(args.specs, args.content_farm)
    for missing in outcome.absent:
        print(f"NOT MEASURED: {missing} is absent; give its path on the command line")
    totals = Counter(truth for truth, _ in outcome.confusion.elements())
    print("Document kind on real documents: " + ", ".join(f"{n} {kind}" for kind, n in sorted(totals.items())))
    print()
    print("| kind | documents | precision | recall |")
    print("|---|---|---|---|")
    figures = outcome.figures()
    for kind in KINDS:
        if f"{kind}_recall" in figures or f"{kind}_precision" in figures:
            precision = figures.get(f"{kind}_precision")
            recall = figures.get(f"{kind}_recall")
            print(
                f"| {kind} | {totals.get(kind, 0)} | {'—' if precision is None else f'{precision:.2f}'} | "
                f"{'—' if recall is None else f'{recall:.2f}'} |"
            )
    print()
    predicted_kinds = sorted({p for _, p in outcome.confusion})
    print("| true \\ called | " + " | ".join(predicted_kinds) + " |")
    print("|---" * (len(predicted_kinds) + 1) + "|")
    for truth in sorted(totals):
        print(f"| {truth} | " + " | ".join(str(outcome.confusion[(truth, p)]) for p in predicted_kinds) + " |")
    if outcome.wrong:
        print()
        print("Called wrongly:")
        for name, truth, predicted, evidence in outcome.wrong:
            print(f"- {name}: {truth} called {predicted} ({evidence[:160]})")
    pure(args.pure)
    floors = load_floors()
    failed = [
        f"{name} {figures.get(name, 0):.3f} < {floor}" for name, floor in floors.items() if figures.get(name, 0) < floor
    ]
    print()
    print("floors: " + ("all held" if not failed else "BELOW: " + "; ".join(failed)))


if __name__ == "__main__":
    main()
