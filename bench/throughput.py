"""Speed and memory of a whole run on a generated bundle. Prints figures; asserts nothing.

Run: python bench/throughput.py [DOCUMENTS]   (default 2000)
The bundle mixes news-like and specification-like texts, with 5% exact and 5% reworded copies,
so every stage, including relate's candidate index, has work to do.
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kickoff import Config, analyse  # noqa: E402
from kickoff.report.markdown import render_index  # noqa: E402

WORDS = [w for w in __import__("kickoff.lexicon", fromlist=["word_ranks"]).word_ranks() if w.isalpha() and len(w) > 3][
    200:6000
]
NAMES = ["Anna Berger", "Marco Rossi", "Lena Vogt", "Omar Haddad", "Ivy Chen", "Tom Klein", "Sara Lind"]
CITIES = ["Vienna", "Rome", "Paris", "Madrid", "Oslo", "Cairo", "Lima", "Tokyo"]


def news(rng: random.Random, number: int) -> str:
    name, city = rng.choice(NAMES), rng.choice(CITIES)
    lines = [f"{rng.choice(WORDS).title()} plan {number} in {city}", ""]
    for _ in range(rng.randint(6, 14)):
        a, b, c = rng.sample(WORDS, 3)
        d, e, f = rng.sample(WORDS, 3)
        lines.append(
            f"{name} said that the {a} {d} near the {b} {e} in {city} would get {f} {c} by {rng.randint(2020, 2030)}, officials told reporters."
        )
        lines.append("")
    return "\n".join(lines)


def specification(rng: random.Random, number: int) -> str:
    lines = [f"# {rng.choice(WORDS).title()} system {number}", "", "## Requirements", ""]
    for _ in range(rng.randint(5, 12)):
        a, b = rng.sample(WORDS, 2)
        c, d = rng.sample(WORDS, 2)
        lines.append(
            f"- The system shall {c} each {a} {b} {d} within {rng.randint(1, 900)} ms for {rng.randint(10, 5000)} users."
        )
    return "\n".join(lines)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    rng = random.Random(42)
    with tempfile.TemporaryDirectory() as folder:
        bundle = Path(folder) / "bundle"
        bundle.mkdir()
        texts: list[str] = []
        for number in range(count):
            roll = rng.random()
            if texts and roll < 0.05:
                text = rng.choice(texts)
            elif texts and roll < 0.10:
                text = rng.choice(texts).replace(" the ", " this ").replace("said", "mentioned")
            else:
                text = news(rng, number) if rng.random() < 0.6 else specification(rng, number)
            texts.append(text)
            (bundle / f"doc{number:06d}.txt").write_text(text)
        size = sum(len(t.encode()) for t in texts)
        workers = int(sys.argv[2]) if len(sys.argv) > 2 else 0
        config = Config(bundle, Path(folder) / "INDEX.md", Path(folder) / "QUESTIONS.md", None, workers=workers)
        start = time.perf_counter()
        analysis = analyse(config)
        seconds = time.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents        {count} (workers: {workers or 'one per CPU'})")
    print(f"bundle size      {size / 2**20:.1f} MiB")
    print(f"wall time        {seconds:.1f} s  ({count / seconds:.0f} documents/s, {size / 2**20 / seconds:.2f} MiB/s)")
    print(f"relations found  {len(analysis.relations)}")
    print(f"peak memory      {peak_mib:.0f} MiB (max RSS of this process)")
    print("per stage (s)    " + ", ".join(f"{name} {value:.1f}" for name, value in analysis.timings))
    index = render_index(analysis)
    print(f"INDEX.md         {len(index.encode()) / 2**10:.0f} KiB, {len(index.splitlines())} lines")


if __name__ == "__main__":
    main()
