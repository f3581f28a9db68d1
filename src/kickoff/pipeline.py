"""The run, stage by stage: ingest → profile → relate → integrity → gaps → report."""

from __future__ import annotations

import gc
import logging
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from typing import Any

from kickoff.config import Config
from kickoff.engines.local import release_signals, signals_held, stop
from kickoff.gaps import document_requirements, find_gaps
from kickoff.ingest import read_files
from kickoff.integrity import assess_document, assess_integrity
from kickoff.model import Analysis, Document, ReadProblem, Requirement, SourceDocument, as_dict, from_dict
from kickoff.profile import profile_document
from kickoff.relate import relate
from kickoff.report import check_output_locations, write_report
from kickoff.serial import EncodedDocuments, decode_document, encode_document
from kickoff.store import Store, json_bytes, open_store

logger = logging.getLogger(__name__)


class BundleError(Exception):
    """The bundle as a whole cannot be analysed; the message says why in plain words."""


class BundleNotFound(BundleError):
    """The bundle path does not exist."""


class EmptyBundle(BundleError):
    """The bundle holds no file to read: nothing is analysed and nothing is written."""


class StageTimer:
    """Accumulates wall time per stage, for ``--verbose``'s timing table."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


def analyse(config: Config) -> Analysis:
    """Run every stage but report: the library entry point for callers who render themselves."""
    if not config.bundle.exists():
        raise BundleNotFound(f"{config.bundle}: no such file or folder")
    timer = StageTimer()
    if config.uses_contextual_model:
        from kickoff.integrity.contextual import load_detector

        # Loaded here, before any worker forks: a damaged model fails the run at once, and
        # forked workers share the weights' pages instead of each reading its own copy.
        load_detector()
    variant = "contextual" if config.uses_contextual_model else "plain"
    with open_store(config.store_path, config.limits, variant) as store, _dask(config) as client:
        analysis = _analyse(config, timer, store, client)
        if store is not None:
            store.complete = True
        return analysis


@contextmanager
def _dask(config: Config) -> Iterator[Any]:
    """A Dask client for the run when the Dask engine is asked for; None otherwise."""
    if config.engine != "dask":
        yield None
        return
    from kickoff.engines.dask import dask_client

    with dask_client(config.scheduler, config.worker_count) as client:
        yield client


def _analyse(config: Config, timer: StageTimer, store: Store | None, client: Any) -> Analysis:
    documents, problems, known_requirements, document_json = _read_and_profile(config, timer, store, client)
    if not documents and not problems:
        raise EmptyBundle(
            f"{config.bundle}: no files to read (hidden folders such as .git, files left out by "
            "--exclude and kickoff's own reports are skipped); nothing was written"
        )
    ordered = tuple(sorted(documents, key=lambda d: d.path))
    with timer.stage("relate"), _progress(config, "relating", "pair") as progress:
        workers = config.worker_count if len(ordered) >= PARALLEL_FROM else 1
        if client is not None:
            from kickoff.engines.dask import banding_on_dask

            relations = relate(ordered, store, workers, banding_on_dask(client), progress)
        else:
            relations = relate(ordered, store, workers, progress=progress)
    with timer.stage("integrity"), _progress(config, "restoring across related documents", "step", 1) as progress:
        ordered, relations = assess_integrity(ordered, relations, config.uses_contextual_model)
        progress()
    with timer.stage("gaps"), _progress(config, "finding gaps", "step", 1) as progress:
        requirements, checklist, questions, verdict, history = find_gaps(
            ordered, None if config.json_to_stdout else config.json_path, relations, known_requirements
        )
        progress()
    return Analysis(
        bundle=config.bundle.resolve().name or str(config.bundle),
        documents=ordered,
        problems=tuple(sorted(problems, key=lambda p: (p.path, p.reason))),
        relations=relations,
        requirements=requirements,
        checklist=checklist,
        questions=questions,
        verdict=verdict,
        history=history,
        contextual_model=config.uses_contextual_model,
        timings=tuple(timer.seconds.items()),
        document_json=document_json,
    )


def run(config: Config) -> Analysis:
    """Analyse the bundle and write INDEX.md, QUESTIONS.md, the JSON and the HTML report.

    Output locations are checked first, so that a run never spends its time on a bundle whose
    reports cannot be written; then all outputs are written, or none is."""
    check_output_locations(config.output_paths)
    analysis = analyse(config)
    start = time.perf_counter()
    try:
        write_report(analysis, config)
    finally:
        if isinstance(analysis.document_json, EncodedDocuments):
            analysis.document_json.close()
    return replace(analysis, timings=(*analysis.timings, ("report", time.perf_counter() - start)), document_json=None)


def _read_and_profile(
    config: Config, timer: StageTimer, store: Store | None, client: Any
) -> tuple[list[Document], list[ReadProblem], dict[str, tuple[Requirement, ...]], EncodedDocuments | None]:
    """Ingest, then profile, the per-document integrity check and each document's requirement
    statements: every document of the bundle, every read problem, and the statements by path. A
    file whose bytes the store has seen gives its stored documents; the others are parsed and
    profiled (in workers alongside reading on a big bundle), then stored."""
    documents: list[Document] = []
    problems: list[ReadProblem] = []
    requirements: dict[str, tuple[Requirement, ...]] = {}
    files = read_files(config)
    wants_json = store is not None or config.json_path is not None or config.json_to_stdout
    with _PerDocument(config, client, encode=wants_json, for_store=store is not None) as per_document:
        writer = _StoreWriter(store, per_document)
        with _progress(config) as progress:
            while True:
                with timer.stage("ingest, with profiling in worker processes alongside"):
                    item = next(files, None)
                    if item is None:
                        break
                    progress()
                    if isinstance(item, ReadProblem):
                        problems.append(item)
                        logger.warning("%s: %s", item.path, item.reason)
                        continue
                    key = store.key("file", item.name, item.sha256, str(item.truncated)) if store else b""
                    cached = store.get(key) if store else None
                    if cached is not None:
                        stored_requirements = cached.get("requirements") or [None] * len(cached["documents"])
                        for entry, statements in zip(cached["documents"], stored_requirements, strict=True):
                            document = decode_document(entry)
                            problems.extend(_warnings(document.source))
                            documents.append(document)
                            if statements is not None:
                                requirements[document.path] = tuple(from_dict(Requirement, r) for r in statements)
                        problems.extend(from_dict(ReadProblem, p) for p in cached["problems"])
                        continue
                    positions: list[int] = []
                    file_problems: list[ReadProblem] = []
                    for part in item.parse(config.limits):
                        if isinstance(part, ReadProblem):
                            logger.warning("%s: %s", part.path, part.reason)
                            file_problems.append(part)
                            continue
                        problems.extend(_warnings(part))
                        positions.append(per_document.count)
                        per_document.add(part)
                    problems.extend(file_problems)
                    writer.file_read(key, positions, file_problems)
        with timer.stage("profile and integrity, per document"):
            profiled = per_document.finish()
    with timer.stage("store"):
        writer.write_ready()
        if store is not None:
            store.commit()
    for document, statements in profiled:
        documents.append(document)
        requirements[document.path] = statements
    return documents, problems, requirements, per_document.document_json


class _StoreWriter:
    """Each file read afresh, stored as soon as all its documents are profiled: its documents,
    problems and requirement statements, as the store's JSON.

    Written during reading, not after it: a document's JSON, made in the worker that profiled
    it, is held only until its file is stored (a data room's would be hundreds of megabytes),
    and the run's one process no longer encodes every document after reading (17 s of a
    100,000-document room, bench/data_room.py)."""

    def __init__(self, store: Store | None, per_document: _PerDocument) -> None:
        self.store = store
        self.per_document = per_document
        # (store key, positions of the file's documents among those profiled, its problems)
        self.waiting: deque[tuple[bytes, list[int], list[ReadProblem]]] = deque()

    def file_read(self, key: bytes, positions: list[int], file_problems: list[ReadProblem]) -> None:
        if self.store is not None:
            self.waiting.append((key, positions, file_problems))
            self.write_ready()

    def write_ready(self) -> None:
        """Store every waiting file whose documents are all profiled, in the order read."""
        assert self.store is not None or not self.waiting
        done = len(self.per_document.done)
        while self.waiting and all(position < done for position in self.waiting[0][1]):
            key, positions, file_problems = self.waiting.popleft()
            parts = [self.per_document.take_encoded(position) for position in positions]
            # the JSON of {"documents": [...], "problems": [...], "requirements": [...]}, joined
            text = b"".join(
                (
                    b'{"documents":[',
                    b",".join(document for document, _ in parts),
                    b'],"problems":',
                    json_bytes([as_dict(p) for p in file_problems]),
                    b',"requirements":[',
                    b",".join(statements for _, statements in parts),
                    b"]}",
                )
            )
            assert self.store is not None
            self.store.put_json(key, text)


class _PerDocument:
    """Profile and the per-document integrity check, for the documents ingest hands over.

    Both are pure functions of one document and most of the time. On a big bundle they run in
    worker processes (the GIL rules out threads) while ingest goes on reading, in batches, with
    at most a few batches in flight: the documents read wait in the workers' queue, not all in
    memory at once. Results are kept in the order the documents came, so the output is the one a
    single process gives. On the Dask engine they run as one map on the cluster at the end."""

    BATCH = 64

    def __init__(self, config: Config, client: Any, encode: bool = False, for_store: bool = False) -> None:
        self.config = config
        self.client = client
        # whether each document's JSON is made beside it (for the store or the JSON report)
        self.encode = encode
        # by position: the stored JSON of a profiled document, until its file is stored (only
        # where there is a store: nothing else would let it go)
        self.for_store = for_store
        self.encoded: dict[int, Encoded] = {}
        # every document's JSON that a worker made, for the JSON report to copy
        self.document_json = EncodedDocuments() if encode else None
        self.contextual = config.uses_contextual_model
        self.workers = config.worker_count
        self.count = 0
        self.pending: list[SourceDocument] = []
        self.in_flight: deque[Future[list[tuple[Profiled, Encoded | None]]]] = deque()
        self.done: list[Profiled] = []
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> _PerDocument:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        """Worker processes end with the stage, whether it finished, failed or was interrupted.
        Interrupted, they are stopped at once: a batch in flight can take a minute with the
        contextual model, and Ctrl-C must not wait for it."""
        if self.pool is not None:
            stop(self.pool, interrupted=kind is not None)
            self.pool = None
            gc.unfreeze()

    def add(self, source: SourceDocument) -> None:
        self.count += 1
        self.pending.append(source)
        parallel = self.client is None and self.workers > 1 and self.count >= PARALLEL_FROM
        if parallel and len(self.pending) >= self.BATCH:
            self._submit()

    def _submit(self) -> None:
        if self.pool is None:
            # The workers are forked at the first submit, sharing the pages of everything read so
            # far (a warm run has decoded thousands of stored documents by then). Frozen, those
            # objects are left out of the collector's passes in the workers and here until the
            # pool ends: a pass writes to every object it visits, and the kernel then copies the
            # page, so each worker came to hold about 0.45 GiB of the parent's heap
            # (bench/data_room.py, 100,000 documents, 1 % changed). Thawing at the end thaws
            # whatever else was frozen too (CPython 3.12 freezes a few hundred objects of its
            # own at start): they go back to the collector's oldest generation, no harm.
            gc.freeze()
        # The first submit forks the workers: with the signals held, a Ctrl-C that arrives
        # meanwhile is delivered after the fork rather than lost inside it (signals_held).
        with signals_held():
            if self.pool is None:
                self.pool = ProcessPoolExecutor(self.workers, initializer=release_signals)
            self.in_flight.append(self.pool.submit(_profile_batch, self.pending, self.contextual, self.encode))
        self.pending = []
        while len(self.in_flight) > self.workers * 4:
            self._take(self.in_flight.popleft().result())

    def _take(self, batch: list[tuple[Profiled, Encoded | None]]) -> None:
        for profiled, encoded in batch:
            if encoded is not None:
                if self.for_store:
                    self.encoded[len(self.done)] = encoded
                if self.document_json is not None:
                    self.document_json.add(profiled[0], encoded[0])
            self.done.append(profiled)

    def take_encoded(self, position: int) -> Encoded:
        """The stored JSON of the ``position``-th document, let go here; made now where no
        worker made it (one process, or the Dask engine)."""
        encoded = self.encoded.pop(position, None)
        return encoded if encoded is not None else _encoded(self.done[position])

    def finish(self) -> list[Profiled]:
        """Every document, profiled and checked, with its requirement statements, in the order
        they were added."""
        if self.client is not None:
            from kickoff.engines.dask import map_on_dask

            self.done = map_on_dask(self.client, partial(_profile_and_assess, contextual=self.contextual), self.pending)
            self.pending = []
            return self.done
        with _progress(self.config, "profiling", "document", self.count) as progress:
            progress(len(self.done))
            if self.pool is not None:
                if self.pending:
                    self.in_flight.append(self.pool.submit(_profile_batch, self.pending, self.contextual, self.encode))
                while self.in_flight:
                    batch = self.in_flight.popleft().result()
                    self._take(batch)
                    progress(len(batch))
            else:
                for source in self.pending:
                    self.done.append(_profile_and_assess(source, self.contextual))
                    progress()
        self.pending = []
        return self.done


def _warnings(source: SourceDocument) -> list[ReadProblem]:
    """A file read in part: its warnings, reported beside the problems."""
    return [ReadProblem(source.path, warning, kept="the rest of the file", fatal=False) for warning in source.warnings]


# Below this many documents a process pool costs more to start than it saves.
PARALLEL_FROM = 400


# A document with its requirement statements (gaps.document_requirements): what the per-document
# stages make of one source.
Profiled = tuple[Document, tuple[Requirement, ...]]


def _profile_and_assess(source: SourceDocument, contextual: bool = False) -> Profiled:
    document = assess_document(profile_document(source), contextual)
    return document, document_requirements(document)


# A profiled document as the store keeps it: the JSON of the document (serial.encode_document)
# and of its requirement statements, UTF-8.
Encoded = tuple[bytes, bytes]


def _encoded(profiled: Profiled) -> Encoded:
    document, statements = profiled
    return json_bytes(encode_document(document)), json_bytes([as_dict(r) for r in statements])


def _profile_batch(
    sources: list[SourceDocument], contextual: bool, encode: bool = False
) -> list[tuple[Profiled, Encoded | None]]:
    """A worker's batch: each document profiled, and its stored JSON made beside it when asked,
    where it runs alongside reading rather than after it in the one main process."""
    results: list[tuple[Profiled, Encoded | None]] = []
    for source in sources:
        profiled = _profile_and_assess(source, contextual)
        results.append((profiled, _encoded(profiled) if encode else None))
    return results


@contextmanager
def _progress(
    config: Config, stage: str = "reading", unit: str = "file", total: int | None = None
) -> Iterator[Callable[..., object]]:
    """A progress bar for one stage on a terminal when asked for (counts, rate, and time left when
    the total is known); a no-op otherwise. The callable takes how many steps were done (1)."""
    if not config.progress:
        yield lambda count=1: None
        return
    from tqdm import tqdm

    with tqdm(desc=stage, unit=unit, total=total, leave=False) as bar:
        yield lambda count=1: bar.update(count)
