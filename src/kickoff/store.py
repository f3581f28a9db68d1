"""The on-disk store behind incremental runs: SQLite from the standard library.

A re-run on a grown or changed data room should read, profile and compare only what changed. The
store keeps, keyed by content:

- per file (its path, the SHA-256 of its bytes and the read limits): the documents it gave after
  the per-document stages (profile and the per-document integrity check), and its read problems;
- per pair of documents (both paths and contents): the textual comparison (copy relation and
  aligned sentences).

Keys also carry a fingerprint of kickoff's own code and data, so a changed kickoff never reuses an
old result, and a cold run and a warm run write the same output (a test checks that).

Values are the JSON of ``kickoff.serial``, compressed: never pickle, because whoever can write the
store could otherwise run code in kickoff. The store lives in the user's cache folder, keyed by
the bundle's absolute path, never inside the bundle that was handed over.

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

SCHEMA = 1


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
    cannot be opened or written is skipped with a warning, and the run goes on cold."""

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
        self.connection.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        # Results of another kickoff (or other read limits) will never be asked for again.
        self.connection.execute("DELETE FROM results WHERE substr(key, 1, ?) != ?", (len(self.prefix), self.prefix))
        self.connection.commit()
        self._pending: list[tuple[str, bytes]] = []
        # Keys this run asked for or wrote; when the run completes, the rest (files since removed
        # or changed, pairs no longer compared) is dropped, so the store does not grow without end.
        # A temporary table, not a set: a data room asks for over a million keys.
        self.connection.execute("CREATE TEMP TABLE used (key TEXT PRIMARY KEY)")
        self.complete = False

    def key(self, kind: str, *parts: str) -> str:
        digest = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()
        return f"{self.prefix}:{kind}:{digest}"

    def get(self, key: str) -> Any | None:
        return self.get_many([key]).get(key)

    def get_many(self, keys: Iterable[str]) -> dict[str, Any]:
        """Values of the keys found, by key (queried in batches within SQLite's variable limit)."""
        keys = list(keys)
        found: dict[str, Any] = {}
        for start in range(0, len(keys), 500):
            batch = keys[start : start + 500]
            self.connection.executemany("INSERT OR IGNORE INTO temp.used VALUES (?)", ((key,) for key in batch))
            marks = ",".join("?" * len(batch))
            for key, value in self.connection.execute(f"SELECT key, value FROM results WHERE key IN ({marks})", batch):
                loaded = _load(value)
                if loaded is not None:
                    found[key] = loaded
        return found

    def put(self, key: str, value: Any) -> None:
        data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        self._pending.append((key, zlib.compress(data, 1)))
        if len(self._pending) >= 2000:
            self.commit()

    def commit(self) -> None:
        if self._pending:
            self.connection.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", self._pending)
            self.connection.executemany(
                "INSERT OR IGNORE INTO temp.used VALUES (?)", ((key,) for key, _ in self._pending)
            )
            self.connection.commit()
            self._pending.clear()

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.commit()
            if self.complete:
                self._sweep()
        self.connection.close()

    def _sweep(self) -> None:
        self.connection.execute("DELETE FROM results WHERE key NOT IN (SELECT key FROM temp.used)")
        self.connection.commit()


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


def _load(value: bytes) -> Any | None:
    """A stored value, or None for one that is damaged (then it is computed again)."""
    try:
        return json.loads(zlib.decompress(value))
    except (zlib.error, ValueError, TypeError):
        return None


def _limits_key(limits: Limits) -> str:
    return hashlib.sha256(repr(limits).encode()).hexdigest()[:8]
