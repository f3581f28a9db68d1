"""Integrity stage speed on 100 KB of English text, one core. Prints figures; asserts nothing.

Run: python bench/integrity_speed.py [KILOBYTES] [--no-contextual]   (default 100)
The text is eval/data/clean_news.txt repeated, half of it spun by the evaluation's spinner, so the
detector meets both clean and substituted words. Data loading (word lists, bigrams, synonyms, the
contextual model's weights) is timed separately: it happens once per run, not per document.
The contextual model is used where it is installed, unless --no-contextual; BLAS is held to one
thread, so the figure is one core's.
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

# One core: set before numpy (imported by kickoff below) starts its BLAS threads.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

import integrity as evaluation  # noqa: E402
from kickoff.config import Limits  # noqa: E402
from kickoff.ingest.dispatch import read_bytes  # noqa: E402
from kickoff.integrity import assess_document, encoder, find_suspects  # noqa: E402
from kickoff.profile import profile_document  # noqa: E402


def main() -> None:
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    kilobytes = int(arguments[0]) if arguments else 100
    contextual = encoder.available() and "--no-contextual" not in sys.argv
    started = time.perf_counter()
    find_suspects("Warm the caches: the Center East.")
    if contextual:
        from kickoff.integrity.contextual import load_detector

        load_detector()
    loading = time.perf_counter() - started
    table = evaluation.load_table()
    rng = random.Random(1)
    clean = (ROOT / "eval" / "data" / "clean_news.txt").read_text("utf-8")
    paragraphs: list[str] = []
    size = 0
    while size < kilobytes * 1024:
        for paragraph in clean.split("\n\n"):
            if rng.random() < 0.5:
                paragraph = " ".join(evaluation.spin(s, table, 0.2, rng)[0] for s in paragraph.split("\n"))
            paragraphs.append(paragraph)
            size += len(paragraph.encode("utf-8")) + 2
    text = "\n\n".join(paragraphs)
    source = read_bytes(text.encode("utf-8"), "bench.txt", Limits())[0]
    document = profile_document(source)  # type: ignore[arg-type]
    started = time.perf_counter()
    assessed = assess_document(document, contextual)
    elapsed = time.perf_counter() - started
    assert assessed.integrity is not None
    words = len(text.split())
    print(f"contextual model: {'used' if contextual else 'not used'}; data loading (once per run): {loading:.2f} s")
    print(
        f"integrity on {len(text.encode('utf-8')) / 1024:.0f} KB ({words:,} words, {len(document.sentences):,} sentences): "
        f"{elapsed:.2f} s, {words / elapsed:,.0f} words/s; verdict {assessed.integrity.verdict}, "
        f"{len(assessed.integrity.findings)} findings"
    )


if __name__ == "__main__":
    main()
