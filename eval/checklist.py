"""Measure the gaps stage on the example bundles against hand-made answer keys.

Run: python eval/checklist.py   (prints, per bundle, the checklist items that differ from the
key, requirement extraction precision and recall, classification agreement and smell precision
and recall; then the totals)

The keys (eval/data/checklist_labels.json) were written from reading the documents, before
kickoff was run on them. Two small bundles are a sanity check, not a benchmark: the figures say
where the stage disagrees with a careful reader, not how it does on specifications at large.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kickoff import Config, analyse  # noqa: E402
from kickoff.model import Analysis, Requirement  # noqa: E402

LABELS = Path(__file__).resolve().parent / "data" / "checklist_labels.json"


@dataclass
class Tally:
    """Counts summed over bundles; ratios are taken at the end."""

    items: int = 0
    items_agreeing: int = 0
    labelled: int = 0
    found: int = 0
    matched: int = 0
    binary_agreeing: int = 0
    class_agreeing: int = 0
    smells_labelled: int = 0
    smells_found: int = 0
    smells_agreeing: int = 0
    verdicts: int = 0
    verdicts_agreeing: int = 0
    differences: list[str] = field(default_factory=list)


def _normal(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def score_bundle(name: str, key: dict[str, object], analysis: Analysis, tally: Tally) -> None:
    statuses = {item.key: item.status for item in analysis.checklist}
    expected_statuses: dict[str, str] = key["statuses"]  # type: ignore[assignment]
    for item, expected in expected_statuses.items():
        tally.items += 1
        if statuses.get(item) == expected:
            tally.items_agreeing += 1
        else:
            tally.differences.append(f"{name}: {item} is '{statuses.get(item)}', key says '{expected}'")
    tally.verdicts += 1
    claims_specification = any(d.profile is not None and d.profile.kind == "specification" for d in analysis.documents)
    if claims_specification == key["is_specification"]:
        tally.verdicts_agreeing += 1
    else:
        tally.differences.append(
            f"{name}: specification found = {claims_specification}, key says {key['is_specification']}"
        )

    found: dict[str, Requirement] = {_normal(r.text): r for r in analysis.requirements}
    tally.found += len(found)
    labelled: list[tuple[str, str, list[str]]] = key["requirements"]  # type: ignore[assignment]
    for text, expected_class, expected_smells in labelled:
        tally.labelled += 1
        tally.smells_labelled += len(expected_smells)
        requirement = found.get(_normal(text))
        if requirement is None:
            tally.differences.append(f"{name}: not found: {text}")
            continue
        tally.matched += 1
        tally.binary_agreeing += (requirement.category == "F") == (expected_class == "F")
        if requirement.category == expected_class:
            tally.class_agreeing += 1
        else:
            tally.differences.append(f"{name}: class {requirement.category}, key {expected_class}: {text}")
        smells = {smell.name for smell in requirement.smells}
        tally.smells_found += len(smells)
        tally.smells_agreeing += len(smells & set(expected_smells))
        for missed in sorted(set(expected_smells) - smells):
            tally.differences.append(f"{name}: smell missed, {missed}: {text}")
        for extra in sorted(smells - set(expected_smells)):
            tally.differences.append(f"{name}: smell not in key, {extra}: {text}")


def measure(labels: Path = LABELS) -> dict[str, float]:
    keys: dict[str, dict[str, object]] = json.loads(labels.read_text("utf-8"))["bundles"]
    tally = Tally()
    with tempfile.TemporaryDirectory() as scratch:
        for name, key in sorted(keys.items()):
            out = Path(scratch) / name.replace("/", "_")
            config = Config(ROOT / name, out / "INDEX.md", out / "QUESTIONS.md", out / "kickoff.json")
            score_bundle(name, key, analyse(config), tally)
    smell_precision = _ratio(tally.smells_agreeing, tally.smells_found)
    smell_recall = _ratio(tally.smells_agreeing, tally.smells_labelled)
    return {
        "bundles": float(len(keys)),
        "checklist_agreement": _ratio(tally.items_agreeing, tally.items),
        "checklist_items": float(tally.items),
        "specification_verdict_agreement": _ratio(tally.verdicts_agreeing, tally.verdicts),
        "extraction_recall": _ratio(tally.matched, tally.labelled),
        "extraction_precision": _ratio(tally.matched, tally.found),
        "requirements_labelled": float(tally.labelled),
        "binary_class_agreement": _ratio(tally.binary_agreeing, tally.matched),
        "class_agreement": _ratio(tally.class_agreeing, tally.matched),
        "smell_precision": smell_precision,
        "smell_recall": smell_recall,
        "differences": tally.differences,  # type: ignore[dict-item]
    }


def main() -> dict[str, float]:
    figures = measure()
    print(f"## checklist on the example bundles ({int(figures['bundles'])} bundles, answer keys in {LABELS.name})")
    print(
        f"checklist items agreeing with the key   {figures['checklist_agreement']:.2f} "
        f"of {int(figures['checklist_items'])}"
    )
    print(f"'is a specification' verdict agreeing   {figures['specification_verdict_agreement']:.2f}")
    print(
        f"requirements found: recall {figures['extraction_recall']:.2f}, "
        f"precision {figures['extraction_precision']:.2f} ({int(figures['requirements_labelled'])} labelled)"
    )
    print(
        f"classes agreeing: functional/quality {figures['binary_class_agreement']:.2f}, "
        f"all twelve {figures['class_agreement']:.2f}"
    )
    print(f"smells: precision {figures['smell_precision']:.2f}, recall {figures['smell_recall']:.2f}")
    print("differences from the keys:")
    for line in figures["differences"]:  # type: ignore[attr-defined]
        print(f"  - {line}")
    return figures


if __name__ == "__main__":
    main()
