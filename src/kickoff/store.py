"""The on-disk store behind incremental runs: SQLite from the standard library.

A re-run on a grown or changed data room should read, profile and compare only what changed. The
store keeps, keyed by content:

- per file (its path, the SHA-256 of its bytes and the read limits): the documents it gave after
  the per-document stages (profile and the per-document integrity check), and its read problems;
- per pair of documents (both paths and contents): the textual comparison (copy relation and
  aligned sentences).

Keys also carry a fingerprint of kickoff's own code and data, so a changed kickoff never reuses an
old result, and a cold run and a warm run write the same output (a test checks that).

Values are the JSON of ``kickoff.serial``, compressed when long (``put_json``): never pickle,
because whoever can write the store could otherwise run code in kickoff. The store lives in the
user's cache folder, keyed by the bundle's absolute path, never inside the bundle that was handed
over.

Why SQLite: one file, in the standard library, transactional (an interrupted run leaves the last
committed state), and keyed lookups are all that is needed. DuckDB's strength, columnar scans,
is not used here, and it would be a heavy dependency of the light install.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import sys
import zlib
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from kickoff.config import Limits

SCHEMA = 2


@cache
def code_fingerprint() -> str:
    """A hash of kickoff's source and data files: results of other code are never reused."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".txt", ".json", ".md", ".html", ".css", ".js", ".npz"}:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def default_store_path(bundle: Path) -> Path:
    """``$KICKOFF_CACHE_DIR`` or ``$XDG_CACHE_HOME/kickoff`` (``~/.cache/kickoff``), one file per
    bundle path."""
    base = os.environ.get("KICKOFF_CACHE_DIR")
    folder = Path(base) if base else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kickoff"
    name = hashlib.sha256(str(bundle.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return folder / f"{name}.sqlite"


class Store:
    """Content-keyed results of earlier runs. Reads and writes never fail a run: a store that
    cannot be opened or written is skipped with a warning, and the run goes on cold.

    A data room writes over half a million results, so the table is laid out for that: keys are
    21 bytes (the kind and 16 bytes of a SHA-256 of everything the result depends on) in a table
    without row ids, a third of the size of the hexadecimal text keys they replace; and which
    entries a run used is a run number on the row, not a second copy of every key. 200,000
    results of a pair's size were written in 2.5 s instead of 8.9 s, and read back in 2.2 s
    instead of 3.2 s, in a 22 MiB file instead of 63 MiB (bench/hot_paths.py store, this Store
    against schema 1's, on a busy 2-core machine).

    A run's results are appended to a temporary table as they come and merged into the store, in
    key order, when it closes. Keys are hashes, so results written as they came landed all over
    the table, and each commit wrote every page it touched to the log: 100,000 documents' and
    450,000 pairs' results took 20.1 s to write that way, 15.0 s staged (and the file is 6 %
    smaller, its pages filled in order). A run never reads back what it wrote itself, and one
    that is killed outright leaves the store as the previous run left it."""

    def __init__(self, path: Path, limits: Limits, variant: str = "") -> None:
        """``variant`` names what else the results depend on (whether the contextual model read them)."""
        self.path = path
        # (the byte order too: a pair result keeps its aligned pairs as packed machine integers)
        self.prefix = f"{SCHEMA}:{code_fingerprint()}:{sys.byteorder}:{_limits_key(limits)}:{variant}"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.connection = sqlite3.connect(path)
        self.connection.execute("PRAGMA journal_mode=WAL")
        # A commit is not synced to disk: with a write-ahead log, a power cut can lose the last
        # commits but never corrupts the file, and a store is a cache that a run fills again. A
        # data room's million pair results were over 500 synced commits (bench/data_room.py).
        self.connection.execute("PRAGMA synchronous=NORMAL")
        self.connection.execute(f"PRAGMA cache_size=-{_CACHE_KIB}")
        # the text-keyed table of schema 1, if this store has one: nothing in it is read again
        self.connection.execute("DROP TABLE IF EXISTS results")
        self.connection.execute("CREATE TABLE IF NOT EXISTS about (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
        self.connection.execute(
            "CREATE TABLE IF NOT EXISTS entries (key BLOB PRIMARY KEY, run INTEGER NOT NULL, value BLOB NOT NULL)"
            " WITHOUT ROWID"
        )
        about = dict(self.connection.execute("SELECT name, value FROM about").fetchall())
        if about.get("prefix") != self.prefix:
            # Results of another kickoff (or other read limits) will never be asked for again.
            self.connection.execute("DELETE FROM entries")
        # Entries this run wrote carry its number; those it read are listed in a temporary table.
        # When the run completes, the rest (files since removed or changed, pairs no longer
        # compared) is dropped, so the store does not grow without end.
        self.run = int(about.get("run", "0")) + 1
        self.connection.executemany(
            "INSERT OR REPLACE INTO about VALUES (?, ?)", (("prefix", self.prefix), ("run", str(self.run)))
        )
        self.connection.commit()
        self._pending: list[tuple[bytes, int, bytes]] = []
        self._pending_bytes = 0
        self.connection.execute("CREATE TEMP TABLE used (key BLOB PRIMARY KEY) WITHOUT ROWID")
        # what this run wrote, merged into ``entries`` at close (the class's docstring says why)
        self.connection.execute(
            "CREATE TEMP TABLE staged (key BLOB NOT NULL, run INTEGER NOT NULL, value BLOB NOT NULL)"
        )
        self.complete = False

    def key(self, kind: str, *parts: str) -> bytes:
        """The key of a result of ``kind`` that depends on ``parts`` (and on this kickoff)."""
        digest = hashlib.sha256("\0".join((self.prefix, *parts)).encode("utf-8", "surrogateescape")).digest()
        return kind.encode("ascii") + b":" + digest[:_DIGEST_BYTES]

    def get(self, key: bytes) -> Any | None:
        return self.get_many([key]).get(key)

    def get_many(self, keys: Iterable[bytes]) -> dict[bytes, Any]:
        """Values of the keys found, by key (queried in batches within SQLite's variable limit)."""
        keys = list(keys)
        found: dict[bytes, Any] = {}
        for start in range(0, len(keys), 500):
            batch = keys[start : start + 500]
            marks = ",".join("?" * len(batch))
            hits = self.connection.execute(f"SELECT key, value FROM entries WHERE key IN ({marks})", batch).fetchall()
            self.connection.executemany("INSERT OR IGNORE INTO temp.used VALUES (?)", ((key,) for key, _ in hits))
            for key, value in hits:
                loaded = _load(value)
                if loaded is not None:
                    found[key] = loaded
        return found

    def put(self, key: bytes, value: Any) -> None:
        self.put_json(key, json_bytes(value))

    def put_json(self, key: bytes, text: bytes) -> None:
        """``put`` for a value already written as JSON (UTF-8): worker processes write the JSON
        of what they made, and the main process only joins and stores it."""
        data = zlib.compress(text, 1) if len(text) >= _COMPRESS_FROM else text
        self._pending.append((key, self.run, data))
        self._pending_bytes += len(data) + len(key)
        if len(self._pending) >= _BATCH_ENTRIES or self._pending_bytes >= _BATCH_BYTES:
            self.commit()

    def commit(self) -> None:
        if self._pending:
            self.connection.executemany("INSERT INTO temp.staged VALUES (?, ?, ?)", self._pending)
            self.connection.commit()
            self._pending.clear()
            self._pending_bytes = 0

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.commit()
            self.connection.execute(
                "INSERT OR REPLACE INTO entries SELECT key, run, value FROM temp.staged ORDER BY key"
            )
            self.connection.commit()
            if self.complete:
                self._sweep()
        self.connection.close()

    def _sweep(self) -> None:
        self.connection.execute(
            "DELETE FROM entries WHERE run != ? AND key NOT IN (SELECT key FROM temp.used)", (self.run,)
        )
        self.connection.commit()


# Results are held in memory until this many, or this many bytes of them, are pending, then
# appended to the temporary table in one transaction; the bytes bound what a batch of per-file
# results (documents with their sentences) holds.
_BATCH_ENTRIES = 20_000
_BATCH_BYTES = 8 * 2**20
_CACHE_KIB = 16 * 1024
_DIGEST_BYTES = 16


@contextlib.contextmanager
def open_store(path: Path | None, limits: Limits, variant: str = "") -> Iterator[Store | None]:
    """The store at ``path``, or None when there is none or it cannot be used (the run goes on
    without it, and says so)."""
    if path is None:
        yield None
        return
    import logging

    try:
        store = Store(path, limits, variant)
    except (OSError, sqlite3.Error) as error:
        logging.getLogger(__name__).warning("%s: the incremental store cannot be used (%s); running cold", path, error)
        yield None
        return
    try:
        yield store
    finally:
        store.close()


# A value's JSON is compressed from this length on. A pair's result is about 300 bytes; zlib
# halves it, but setting zlib up costs 10-20 µs a value: on a 10,000-document data room 50,000
# pair results took 1 s of compression. Kept as JSON, a 100,000-document room's store is 462 MiB
# instead of 388 MiB, written about 4 s sooner (README, data rooms).
_COMPRESS_FROM = 1024
# zlib's stream starts with this byte (deflate, 32 KiB window); JSON text never does.
_ZLIB_FIRST_BYTE = b"x"


def json_bytes(value: Any) -> bytes:
    """A value's JSON as the store keeps it, before compression: compact, UTF-8."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def _load(value: bytes) -> Any | None:
    """A stored value, or None for one that is damaged (then it is computed again)."""
    try:
        return json.loads(zlib.decompress(value) if value[:1] == _ZLIB_FIRST_BYTE else value)
    except (zlib.error, ValueError, TypeError):
        return None


def _limits_key(limits: Limits) -> str:
    return hashlib.sha256(repr(limits).encode()).hexdigest()[:8]
