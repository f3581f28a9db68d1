"""A data room: N documents cut from real prose, with planted copies; kickoff beside datasketch.

    python bench/data_room.py [N ...] [--specs DIR] [--keep DIR] [--workers W] [--warm]

Prints, per size: the bundle, kickoff's wall time and peak memory (the whole process tree,
sampled), the size of each output, the planted-pair recall, and datasketch's MinHashLSH alone on
the same texts in the same run (word 5-shingles, 128 permutations, threshold 0.5) as the anchor.
``--warm`` then changes 1 % of the files and runs again on the same store, to time the
incremental run (the first run is always cold: its store is removed first). Asserts nothing:
figures only.

The corpus is built the way issue 13 describes it: each document is a run of 1–12 consecutive
paragraphs cut from a real specification in ``--specs`` (the PEPs, RFCs and KEPs of
``../shared/data/specs`` by default); 10 % are exact copies of an earlier document and 10 % near
copies (a few words replaced or dropped, one paragraph removed or added). ``truth.tsv`` lists
every planted (original, copy, kind). Runs of paragraphs from one source overlap by chance as
well, as real data rooms do; the recall counts the planted pairs only.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPECS = ROOT.parent / "shared" / "data" / "specs"
NEAR_EDIT_SHARE = 0.04


def paragraphs_by_source(specs: Path) -> list[list[str]]:
    sources = []
    for path in sorted(specs.rglob("*")):
        if path.suffix not in {".md", ".rst", ".txt"} or path.name == "SOURCE.txt":
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        paragraphs = [p.strip() for p in text.split("\n\n") if len(p.strip()) > 40]
        if len(paragraphs) >= 3:
            sources.append(paragraphs)
    return sources


def near_copy(text: str, rng: random.Random) -> str:
    """A few words replaced or dropped, and a paragraph dropped when there are several."""
    paragraphs = text.split("\n\n")
    if len(paragraphs) > 3:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    words = "\n\n".join(paragraphs).split(" ")
    for _ in range(max(1, int(len(words) * NEAR_EDIT_SHARE))):
        position = rng.randrange(len(words))
        if rng.random() < 0.5:
            words[position] = rng.choice(["new", "revised", "other", "updated", "draft"])
        elif "\n" not in words[position]:
            words[position] = ""
    return " ".join(word for word in words if word)


def build(folder: Path, count: int, specs: Path, seed: int = 13) -> int:
    """Write the bundle into ``folder/bundle`` and the planted pairs into ``folder/truth.tsv``."""
    rng = random.Random(seed)
    sources = paragraphs_by_source(specs)
    bundle = folder / "bundle"
    bundle.mkdir(parents=True)
    texts: list[str] = []
    truth: list[str] = []
    size = 0
    for number in range(count):
        roll = rng.random()
        name = f"room/{number % 97:02d}/doc{number:06d}.txt"
        if texts and roll < 0.10:
            original = rng.randrange(len(texts))
            text = texts[original]
            truth.append(f"room/{original % 97:02d}/doc{original:06d}.txt\t{name}\texact")
        elif texts and roll < 0.20:
            original = rng.randrange(len(texts))
            text = near_copy(texts[original], rng)
            truth.append(f"room/{original % 97:02d}/doc{original:06d}.txt\t{name}\tnear")
        else:
            paragraphs = rng.choice(sources)
            length = rng.randint(1, 12)
            start = rng.randrange(max(1, len(paragraphs) - length))
            text = "\n\n".join(paragraphs[start : start + length])
        texts.append(text)
        path = bundle / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
        size += len(text.encode()) + 1
    (folder / "truth.tsv").write_text("\n".join(truth) + "\n", encoding="utf-8")
    return size


class TreeMemory:
    """Peak memory of a process and all its children, sampled every 0.2 s (psutil).

    Proportional set size where the system gives it (Linux): forked workers share their parent's
    pages, and a sum of resident sizes would count those pages once per worker."""

    def __init__(self, pid: int) -> None:
        import psutil

        self.process = psutil.Process(pid)
        self.peak = 0
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        import psutil

        while not self.stopped.wait(0.2):
            try:
                processes = [self.process, *self.process.children(recursive=True)]
                total = 0
                for process in processes:
                    with contextlib.suppress(psutil.Error):
                        total += _proportional(process)
                self.peak = max(self.peak, total)
            except psutil.Error:
                return

    def stop(self) -> int:
        self.stopped.set()
        self.thread.join()
        return self.peak


def _proportional(process: object) -> int:
    try:
        return int(process.memory_full_info().pss)  # type: ignore[attr-defined]
    except AttributeError:
        return int(process.memory_info().rss)  # type: ignore[attr-defined]


def run_kickoff(bundle: Path, out: Path, workers: int, extra: list[str]) -> tuple[float, int, str]:
    # Without the contextual model: at about 2,700 words a second a core it would dominate the
    # run, and the figures before it was added stay comparable (README, "Data rooms").
    command = [sys.executable, "-m", "kickoff", str(bundle), "--output-dir", str(out), "--verbose", "--no-contextual"]
    command += ["--workers", str(workers), "--progress", "never", *extra]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    memory = TreeMemory(process.pid)
    output, _ = process.communicate()
    seconds = time.perf_counter() - start
    peak = memory.stop()
    if process.returncode not in (0, 1):
        raise SystemExit(f"kickoff failed ({process.returncode}):\n{output[-3000:]}")
    return seconds, peak, output


def planted_recall(folder: Path, out: Path) -> tuple[int, int]:
    truth = [line.split("\t") for line in (folder / "truth.tsv").read_text().splitlines() if line]
    related: set[frozenset[str]] = set()
    for relation in _relations(out):
        if relation["kind"] in {"exact duplicate", "near duplicate", "derived"}:
            related.add(frozenset((relation["left"], relation["right"])))
    # An exact copy of an exact copy is reported against the first of the identical texts; a
    # planted pair counts as found when its two files are joined by copy relations.
    groups = _groups(related)
    found = sum(1 for left, right, _ in truth if left == right or groups.get(left, left) == groups.get(right, right))
    return found, len(truth)


def _relations(out: Path) -> list[dict[str, str]]:
    stream = out / "kickoff.jsonl"
    if stream.exists():
        rows = [json.loads(line) for line in stream.read_text(encoding="utf-8").splitlines()]
        return [row["relation"] for row in rows if "relation" in row]
    return list(json.loads((out / "kickoff.json").read_text(encoding="utf-8"))["relations"])


def _groups(pairs: set[frozenset[str]]) -> dict[str, str]:
    """Each file joined by the pairs, mapped to the first file of its group."""
    from kickoff.relate import connected_groups

    paths = sorted({path for pair in pairs for path in pair})
    ordered_pairs = [(min(pair), max(pair)) for pair in pairs]
    return {path: group[0] for group in connected_groups(paths, ordered_pairs) for path in group}


def datasketch_anchor(folder: Path) -> tuple[float, int, int]:
    """MinHashLSH alone, as issue 13's anchor: seconds, and planted pairs among its candidates."""
    from datasketch import MinHash, MinHashLSH

    bundle = folder / "bundle"
    start = time.perf_counter()
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    candidates: set[frozenset[str]] = set()
    for path in sorted(bundle.rglob("*.txt")):
        tokens = path.read_text(encoding="utf-8").lower().split()
        shingles = {" ".join(tokens[i : i + 5]) for i in range(max(1, len(tokens) - 4))}
        signature = MinHash(num_perm=128)
        signature.update_batch([s.encode() for s in shingles])
        key = str(path.relative_to(bundle))
        for other in lsh.query(signature):
            candidates.add(frozenset((key, other)))
        lsh.insert(key, signature)
    seconds = time.perf_counter() - start
    truth = [line.split("\t") for line in (folder / "truth.tsv").read_text().splitlines() if line]
    groups = _groups(candidates)
    found = sum(1 for left, right, _ in truth if groups.get(left, left) == groups.get(right, right))
    return seconds, found, len(truth)


def change_one_percent(folder: Path, rng: random.Random) -> int:
    files = sorted((folder / "bundle").rglob("*.txt"))
    chosen = rng.sample(files, max(1, len(files) // 100))
    for path in chosen:
        path.write_text(path.read_text(encoding="utf-8") + "\nThis paragraph was added in a later revision.\n")
    return len(chosen)


def outputs(out: Path) -> str:
    sizes = []
    for path in sorted(out.iterdir()):
        if path.is_file():
            sizes.append(f"{path.name} {path.stat().st_size / 2**20:.1f} MiB")
    return ", ".join(sizes)


def stage_lines(log: str) -> str:
    """The per-stage table that ``kickoff --verbose`` prints."""
    lines = log.splitlines()
    start = next((n for n, line in enumerate(lines) if line.startswith("stage ")), len(lines))
    table = [line for line in lines[start + 1 :] if line and not line.startswith("kickoff:")]
    return "\n".join("    " + line for line in table)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000])
    parser.add_argument("--specs", type=Path, default=DEFAULT_SPECS)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the corpora here instead of a temporary folder")
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--warm", action="store_true", help="also time a re-run after 1%% of the files change")
    parser.add_argument("--no-anchor", action="store_true", help="skip datasketch")
    args = parser.parse_args()
    if not args.specs.is_dir():
        raise SystemExit(f"{args.specs}: not found; give the real specifications with --specs")
    with tempfile.TemporaryDirectory() as scratch:
        base = args.keep or Path(scratch)
        for count in args.sizes:
            folder = base / f"room-{count}"
            if not (folder / "truth.tsv").exists():
                build(folder, count, args.specs)
            # Every file is read once before either tool is timed, so both find the files in
            # the page cache: kickoff runs first, and a kept room of an earlier session was
            # otherwise read from disk by kickoff alone (66 s of a 100,000-document run).
            size = sum(len(p.read_bytes()) for p in (folder / "bundle").rglob("*.txt"))
            out = folder / "out"
            store = folder / "store.sqlite"
            for stale in folder.glob("store.sqlite*"):
                stale.unlink()  # the first run is cold
            store_option = ["--store", str(store)]
            seconds, peak, log = run_kickoff(folder / "bundle", out, args.workers, store_option)
            found, planted = planted_recall(folder, out)
            print(f"## {count} documents, {size / 2**20:.1f} MiB")
            print(f"kickoff      {seconds:7.1f} s   peak memory {peak / 2**30:.2f} GiB (process tree)")
            print(f"  outputs    {outputs(out)}")
            print(f"  recall     {found}/{planted} planted pairs = {found / max(1, planted):.3f}")
            print(stage_lines(log))
            if not args.no_anchor:
                anchor_seconds, anchor_found, _ = datasketch_anchor(folder)
                print(
                    f"datasketch   {anchor_seconds:7.1f} s   MinHashLSH alone (5-shingles, 128 perm, t=0.5); "
                    f"recall {anchor_found}/{planted} = {anchor_found / max(1, planted):.3f}; "
                    f"kickoff/datasketch = {seconds / anchor_seconds:.2f}x"
                )
            if args.warm:
                changed = change_one_percent(folder, random.Random(count))
                warm_seconds, warm_peak, _ = run_kickoff(folder / "bundle", out, args.workers, store_option)
                print(
                    f"warm re-run  {warm_seconds:7.1f} s   after {changed} files changed; peak {warm_peak / 2**30:.2f} GiB"
                )
            sys.stdout.flush()


if __name__ == "__main__":
    main()
