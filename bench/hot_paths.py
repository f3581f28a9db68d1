"""Micro-benchmarks of the hot paths the data-room work changed; figures only, asserts nothing.

    python bench/hot_paths.py store [--results 200000]
    python bench/hot_paths.py banding [--rows 100000]
    python bench/hot_paths.py reading ROOM_BUNDLE
    python bench/hot_paths.py open-points ROOM_BUNDLE
    python bench/hot_paths.py parsing ROOM_BUNDLE

``store`` times kickoff's Store writing and reading back pair results of a pair's size. To compare
with an earlier schema, run it again with that commit's ``src`` first on ``PYTHONPATH`` (a
``git worktree``): the Store's interface is the same. ``banding`` groups random MinHash band rows
with kickoff's stable sort and with ``np.unique(axis=0)``. ``reading`` reads every file of a
bundle (the data room that ``bench/data_room.py --keep DIR`` builds) from its descriptor, as
ingest does, and through a buffered file object. ``open-points`` matches the open-point phrases
of ``gaps/open_points.py`` on the lower-cased sentences, and the same phrases as one
case-insensitive alternation. ``parsing`` turns the first 5,000 files of a bundle, already in
memory, into blocks (``ingest.read_bytes``), as the main process does while the workers
profile; run it with another commit's ``src`` on ``PYTHONPATH`` to compare. Each is run three
times; all times are printed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def _times(work: Callable[[], object], repeats: int = 3) -> str:
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - start)
    return ", ".join(f"{s:.2f} s" for s in seconds)


def store(results: int) -> None:
    from kickoff.config import Limits
    from kickoff.store import Store

    value = ["derived", 0.5, ["3-word shingle Jaccard similarity 0.90"], "AAAAAQAAAAIAAAAD"]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "store.sqlite"
        writer = Store(path, Limits())
        keys = [
            writer.key("pair", f"a{i}.txt", hashlib.sha256(str(i).encode()).hexdigest(), f"b{i}.txt", "x")
            for i in range(results)
        ]
        start = time.perf_counter()
        for key in keys:
            writer.put(key, value)
        writer.commit()
        writer.complete = True
        writer.close()
        written = time.perf_counter() - start
        reader = Store(path, Limits())
        start = time.perf_counter()
        for offset in range(0, results, 20_000):
            reader.get_many(keys[offset : offset + 20_000])
        reader.complete = True
        reader.close()
        read = time.perf_counter() - start
        size = path.stat().st_size / 2**20
    print(f"store: {results} pair results written in {written:.2f} s, read back in {read:.2f} s; file {size:.1f} MiB")


def banding(rows: int) -> None:
    import numpy as np

    from kickoff.relate.candidates import ROWS, _row_groups

    band = np.random.default_rng(1).integers(0, 2**32, size=(rows, ROWS), dtype=np.uint32)
    print(f"banding, {rows} rows, one band: stable sort {_times(lambda: _row_groups(band))}")
    unique = _times(lambda: np.unique(band, axis=0, return_index=True, return_inverse=True, return_counts=True))
    print(f"banding, {rows} rows, one band: np.unique(axis=0) {unique}")


def reading(bundle: Path) -> None:
    from kickoff.ingest import _read_limited

    files = sorted(path for path in bundle.rglob("*") if path.is_file())
    limit = 64 * 2**20

    def by_descriptor() -> None:
        for path in files:
            descriptor = os.open(path, os.O_RDONLY)
            try:
                _read_limited(descriptor, limit)
            finally:
                os.close(descriptor)

    def buffered() -> None:
        for path in files:
            with path.open("rb") as handle:
                handle.read(min(os.fstat(handle.fileno()).st_size, limit) + 1)

    buffered()  # once, so that both find the files in the page cache
    print(f"reading {len(files)} files: from the descriptor {_times(by_descriptor)}")
    print(f"reading {len(files)} files: through a buffered file object {_times(buffered)}")


def open_points(bundle: Path) -> None:
    from kickoff.gaps.open_points import _open_marker
    from kickoff.text import split_sentences

    sentences = [
        sentence.strip()
        for path in sorted(bundle.rglob("*.txt"))[:3000]
        for sentence in split_sentences(path.read_text(encoding="utf-8", errors="replace"))
    ]
    alternation = re.compile(
        r"\bTBD\b|\bTBC\b|(?i:\bto be (?:decided|determined|confirmed|agreed)\b|"
        r"\bnot (?:yet )?(?:been )?(?:agreed|decided|confirmed|settled)\b|\bopen (?:point|issue|question)s?\b|"
        r"\bstill open\b|\bundecided\b|\bunclear (?:whether|who|how|if)\b|\bneeds? (?:a )?decision\b)"
    )
    lowered = _times(lambda: [_open_marker(s) for s in sentences])
    print(f"open points, {len(sentences)} sentences: on the lower-cased sentence {lowered}")
    insensitive = _times(lambda: [alternation.search(s) for s in sentences])
    print(f"open points, {len(sentences)} sentences: one case-insensitive alternation {insensitive}")


def parsing(bundle: Path) -> None:
    from kickoff.config import Limits
    from kickoff.ingest import read_bytes

    files = [(path.read_bytes(), path.name) for path in sorted(bundle.rglob("*.txt"))[:5000]]
    limits = Limits()
    times = _times(lambda: [read_bytes(data, name, limits) for data, name in files])
    print(f"parsing {len(files)} files into blocks: {times}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["store", "banding", "reading", "open-points", "parsing"])
    parser.add_argument("bundle", nargs="?", type=Path, help="a bundle folder, for reading, open-points and parsing")
    parser.add_argument("--results", type=int, default=200_000)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    if args.what == "store":
        store(args.results)
    elif args.what == "banding":
        banding(args.rows)
    else:
        if args.bundle is None or not args.bundle.is_dir():
            raise SystemExit(f"{args.what}: give a bundle folder (bench/data_room.py --keep DIR builds one)")
        {"reading": reading, "open-points": open_points, "parsing": parsing}[args.what](args.bundle)


if __name__ == "__main__":
    main()
