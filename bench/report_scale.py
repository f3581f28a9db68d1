"""How big report.html gets, and how long Chromium takes to show it, for a bundle of N documents.

    python bench/report_scale.py [N ...]      (default: 1000 10000 100000)

The Analysis is built directly (N small documents, one relation per ten), so the figure is the
report's alone, not the analysis's. Needs Debian's Chromium (`make browser`).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import launch  # noqa: E402
from kickoff.model import (  # noqa: E402
    Analysis,
    Block,
    BundleVerdict,
    Document,
    Integrity,
    Location,
    Profile,
    Relation,
    Sentence,
    SourceDocument,
    Verdict,
)
from kickoff.report.html import render_html  # noqa: E402


def synthetic(count: int) -> Analysis:
    documents = []
    for number in range(count):
        path = f"room/folder-{number % 100:02d}/document-{number:06d}.txt"
        text = f"The tender asks for {number} parcel lockers in region {number % 50}."
        source = SourceDocument(path, "text", f"{number:064x}", len(text), "utf-8", (Block(text),))
        profile = Profile("other", ("no cue",), "en", f"Document {number}", None, None, (), (), (), (), 12, (text,))
        verdict: Verdict = "spun" if number % 97 == 0 else "clean"
        documents.append(
            Document(source, (Sentence(text, 0, Location(path)),), profile, Integrity(verdict, 0.0, 0.0, ()))
        )
    relations = tuple(
        Relation("near duplicate", documents[i].path, documents[i + 1].path, 0.9, ("planted",))
        for i in range(0, count - 1, 10)
    )
    return Analysis("room", tuple(documents), (), relations, verdict=BundleVerdict(False, "no", (), "No."))


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [1000, 10_000, 100_000]
    print("| documents | render s | report MB | Chromium: page shown, s |")
    print("|---|---|---|---|")
    with launch() as browser, tempfile.TemporaryDirectory() as folder:
        for count in sizes:
            analysis = synthetic(count)
            start = time.perf_counter()
            html = render_html(analysis)
            rendered = time.perf_counter() - start
            path = Path(folder) / f"report-{count}.html"
            path.write_text(html, encoding="utf-8")
            page = browser.new_page()
            start = time.perf_counter()
            page.goto(path.as_uri(), wait_until="load")
            page.wait_for_selector("#documents-body tr")
            shown = time.perf_counter() - start
            rows = page.locator("#documents-body tr").count()
            page.close()
            print(
                f"| {count:,} | {rendered:.1f} | {len(html.encode()) / 1e6:.1f} | {shown:.2f} ({rows} rows on the first page) |"
            )


if __name__ == "__main__":
    main()
