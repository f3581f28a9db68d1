"""The incremental store: a warm run reads only what changed and writes what a cold run writes."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from unittest.mock import ANY

import pytest

from conftest import ROOT, count_pair_comparisons
from kickoff import Config
from kickoff.ingest import FileData
from kickoff.pipeline import run
from kickoff.store import Store, json_bytes

OUTPUTS = ("INDEX.md", "QUESTIONS.md", "kickoff.json", "report.html")


def _bundle(tmp_path: Path) -> Path:
    bundle = tmp_path / "bundle"
    shutil.copytree(ROOT / "examples" / "clinic-booking", bundle, ignore=shutil.ignore_patterns(*OUTPUTS))
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(seed, bundle / seed.name)
    return bundle


def _run(bundle: Path, out: Path, store: Path | None) -> dict[str, bytes]:
    config = Config(
        bundle,
        out / "INDEX.md",
        out / "QUESTIONS.md",
        out / "kickoff.json",
        html_path=out / "report.html",
        store_path=store,
    )
    run(config)
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []
    original = FileData.parse

    def counting(self: FileData, limits):  # type: ignore[no-untyped-def]
        parsed.append(self.name)
        return original(self, limits)

    monkeypatch.setattr(FileData, "parse", counting)
    return parsed


def test_a_warm_run_reads_only_the_changed_file_and_writes_what_a_cold_run_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = _bundle(tmp_path)
    store = tmp_path / "store.sqlite"
    parsed = _count_parses(monkeypatch)
    _run(bundle, tmp_path / "first", store)
    files = sorted(parsed)
    assert len(files) >= 4
    changed = next(path for path in sorted(bundle.iterdir()) if path.suffix == ".md")
    changed.write_text(changed.read_text() + "\nThe service shall keep audit logs for 7 years.\n")
    parsed.clear()
    warm = _run(bundle, tmp_path / "warm", store)
    assert parsed == [changed.name], "only the changed file is read again"
    parsed.clear()
    cold = _run(bundle, tmp_path / "cold", None)
    assert warm == cold
    assert b"audit logs for 7 years" in warm["kickoff.json"]


def test_pairs_of_unchanged_documents_are_not_compared_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = _bundle(tmp_path)
    store = tmp_path / "store.sqlite"
    _run(bundle, tmp_path / "first", store)
    compared = count_pair_comparisons(monkeypatch)
    _run(bundle, tmp_path / "again", store)
    assert compared == []


def test_a_damaged_or_unusable_store_never_fails_the_run(tmp_path: Path) -> None:
    bundle = _bundle(tmp_path)
    cold = _run(bundle, tmp_path / "cold", None)
    store = tmp_path / "store.sqlite"
    _run(bundle, tmp_path / "first", store)
    with sqlite3.connect(store) as connection:
        connection.execute("UPDATE entries SET value = X'00FF'")
    assert _run(bundle, tmp_path / "damaged", store) == cold
    folder_in_the_way = tmp_path / "folder.sqlite"
    folder_in_the_way.mkdir()
    assert _run(bundle, tmp_path / "unusable", folder_in_the_way) == cold


def test_short_values_are_kept_as_json_and_long_ones_compressed_and_both_read_back(tmp_path: Path) -> None:
    """A pair's result is too short for zlib to pay (kickoff.store._COMPRESS_FROM); a document's
    is long. Both must read back as they were, and a damaged value of either kind as nothing."""
    from kickoff.config import Limits

    path = tmp_path / "store.sqlite"
    store = Store(path, Limits())
    short = ["derived", 0.5, ["12 sentences align"], "AAAAAQ==", 1, True]
    long = {"sentences": ["The exporter shall write UTF-8 files, one per day."] * 100}
    store.put(store.key("pair", "a"), short)
    store.put(store.key("file", "b"), long)
    store.put(store.key("pair", "x"), "x starts no zlib stream")
    store.close()  # a run's results reach the store when it closes
    store = Store(path, Limits())
    stored = dict(store.connection.execute("SELECT key, value FROM entries").fetchall())
    assert stored[store.key("pair", "a")][:1] == b"["  # plain JSON
    assert len(stored[store.key("file", "b")]) < 1000  # compressed
    assert store.get(store.key("pair", "a")) == short
    assert store.get(store.key("file", "b")) == long
    assert store.get(store.key("pair", "x")) == "x starts no zlib stream"
    store.connection.execute("UPDATE entries SET value = CAST('x{broken' AS BLOB)")
    assert store.get(store.key("pair", "a")) is None
    store.close()


def test_results_of_other_code_are_dropped(tmp_path: Path) -> None:
    from kickoff.config import Limits

    path = tmp_path / "store.sqlite"
    store = Store(path, Limits())
    store.put(store.key("file", "a.txt"), {"documents": []})
    store.close()
    store.connection = sqlite3.connect(path)
    store.connection.execute("UPDATE about SET value = '0:old:code' WHERE name = 'prefix'")
    store.connection.commit()
    store.connection.close()
    reopened = Store(path, Limits())
    assert reopened.connection.execute("SELECT count(*) FROM entries").fetchone() == (0,)
    reopened.close()


def test_results_read_with_and_without_the_contextual_model_are_never_mixed(tmp_path: Path) -> None:
    """A document judged without the model is not reused by a run that reads with it: the
    model's findings change the verdict, so the store keys name the variant."""
    from kickoff.config import Limits

    path = tmp_path / "store.sqlite"
    plain = Store(path, Limits(), "plain")
    key = plain.key("file", "a.txt", "0" * 64, "False")
    plain.put(key, {"documents": [], "problems": []})
    plain.commit()
    plain.close()
    contextual = Store(path, Limits(), "contextual")
    assert contextual.key("file", "a.txt", "0" * 64, "False") != key
    assert contextual.get(contextual.key("file", "a.txt", "0" * 64, "False")) is None
    contextual.close()


def test_the_command_line_keeps_its_store_outside_the_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kickoff.cli import main

    bundle = _bundle(tmp_path)
    cache = tmp_path / "cache"
    monkeypatch.setenv("KICKOFF_CACHE_DIR", str(cache))
    main([str(bundle), "--output-dir", str(tmp_path / "out"), "--quiet"])
    assert len(list(cache.glob("*.sqlite"))) == 1
    assert not list(bundle.rglob("*.sqlite")), "nothing is written into the bundle but the reports"
    shutil.rmtree(cache)
    main([str(bundle), "--output-dir", str(tmp_path / "out"), "--quiet", "--no-store"])
    assert not cache.exists()


def test_a_previous_json_of_an_older_schema_is_not_read_and_the_run_starts_afresh(tmp_path: Path) -> None:
    """Re-run state is read line by line from schema 3; an older or damaged JSON at the output
    path is no state at all, never an error."""
    import json

    bundle = _bundle(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    old = {"generator": "kickoff 0.1.0", "schema_version": 2, "history": {"fingerprint": "x"}, "questions": []}
    (out / "kickoff.json").write_text(json.dumps(old, indent=2))
    written = _run(bundle, out, None)
    history = json.loads(written["kickoff.json"])["history"]
    assert history["baseline"] is None
    (out / "kickoff.json").write_bytes(b'{"generator":"kickoff 0.1.0","schema_version":3,\n"history":{oops\n')
    assert json.loads(_run(bundle, out, None)["kickoff.json"])["history"]["baseline"] is None


def test_a_previous_json_of_schema_3_is_still_the_baseline_of_a_re_run(tmp_path: Path) -> None:
    """Schema 4 changed only how relations are written: a JSON written by the version before it
    still gives the questions a re-run compares against."""
    import json

    bundle = _bundle(tmp_path)
    out = tmp_path / "out"
    first = _run(bundle, out, None)["kickoff.json"].decode()
    assert '"schema_version":4,' in first.splitlines()[0]
    (out / "kickoff.json").write_text(first.replace('"schema_version":4,', '"schema_version":3,', 1))
    (bundle / "grown.md").write_text("# Added\n\nThe system shall export reports as CSV.\n")
    history = json.loads(_run(bundle, out, None)["kickoff.json"])["history"]
    assert history["baseline"] == {"fingerprint": json.loads(first)["history"]["fingerprint"], "open_keys": ANY}


def test_copies_share_one_stored_result_per_pair_of_texts(tmp_path: Path) -> None:
    """A pair of texts is compared, stored and read back once, however many copies make it: a
    warm run holds one result for all the copies' relations, as a cold run does."""
    from kickoff import analyse

    bundle = tmp_path / "bundle"
    bundle.mkdir()
    first, second = sorted((ROOT / "seeds").glob("*.txt"))
    for number in range(3):
        shutil.copy(first, bundle / f"copy-{number}.txt")
    shutil.copy(second, bundle / "other.txt")
    store = tmp_path / "store.sqlite"
    config = Config(bundle, None, None, None, store_path=store)
    cold = analyse(config)
    warm = analyse(config)
    assert warm.relations == cold.relations
    with sqlite3.connect(store) as connection:
        pairs = connection.execute(
            "SELECT count(*) FROM entries WHERE substr(key, 1, 5) = CAST('pair:' AS BLOB)"
        ).fetchone()[0]
    # two pairs of texts: a copy beside the other text, and a copy beside a copy (copies of the
    # first are its exact duplicates, and are not compared with it)
    assert pairs == 2
    for analysis in (cold, warm):
        to_other = [r for r in analysis.relations if "other.txt" in (r.left, r.right)]
        assert len(to_other) == 3
        assert len({id(r.aligned.indexes) for r in to_other}) == 1  # type: ignore[attr-defined]


def test_a_warm_run_reads_requirement_statements_back_instead_of_finding_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kickoff.gaps

    bundle = _bundle(tmp_path)
    store = tmp_path / "store.sqlite"
    first = _run(bundle, tmp_path / "first", store)
    searched: list[str] = []
    original = kickoff.gaps.find_statements
    monkeypatch.setattr(
        kickoff.gaps, "find_statements", lambda document: searched.append(document.path) or original(document)
    )
    assert _run(bundle, tmp_path / "warm", store) == first
    assert searched == []


def test_files_profiled_in_workers_are_stored_as_read_and_a_warm_run_reads_them_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With worker processes, each file is stored as soon as all its documents are profiled, from
    the JSON the workers made: an archive's several documents and its problem together, whatever
    batches they fell in. A warm run then parses nothing and writes what the cold run wrote."""
    import json
    import zipfile
    import zlib

    from kickoff import pipeline

    bundle = _bundle(tmp_path)
    with zipfile.ZipFile(bundle / "letters.zip", "w") as archive:
        for n in range(3):
            archive.writestr(f"letter{n}.txt", f"Letter {n}\n\nThe depot shall open at {n + 6} a.m. on weekdays.")
        archive.writestr("broken.pdf", b"%PDF-1.4 not really a PDF")
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 2)
    monkeypatch.setattr(pipeline._PerDocument, "BATCH", 2)
    store = tmp_path / "store.sqlite"
    config = Config(bundle, None, None, tmp_path / "cold.json", store_path=store, workers=2)
    cold = run(config)
    with sqlite3.connect(store) as connection:
        values = [value for (value,) in connection.execute("SELECT value FROM entries")]
    files = [json.loads(zlib.decompress(v) if v[:1] == b"x" else v) for v in values]
    files = [value for value in files if isinstance(value, dict) and "documents" in value]
    assert len(files) == len(list(bundle.iterdir()))
    archive_value = next(value for value in files if len(value["documents"]) == 3)
    assert len(archive_value["requirements"]) == 3 and len(archive_value["problems"]) == 1
    parsed = _count_parses(monkeypatch)
    warm = run(Config(bundle, None, None, tmp_path / "warm.json", store_path=store, workers=2))
    assert parsed == []
    assert (tmp_path / "warm.json").read_bytes() == (tmp_path / "cold.json").read_bytes()
    assert warm.documents == cold.documents and warm.requirements == cold.requirements


def test_the_json_report_copies_each_document_as_its_worker_wrote_it_unless_it_changed_since(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Documents profiled in workers are not encoded again for the JSON report: their JSON is
    copied from what the workers wrote, and the report is the one a single process writes. A
    document changed since it was written (the integrity stage restores words) is encoded again."""
    import dataclasses

    from conftest import document_from_text
    from kickoff import pipeline, serial

    bundle = _bundle(tmp_path)
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 2)
    monkeypatch.setattr(pipeline._PerDocument, "BATCH", 2)
    encoded: list[str] = []
    original = serial.encode_document

    def counting(document):  # type: ignore[no-untyped-def]
        encoded.append(document.path)
        return original(document)

    monkeypatch.setattr(serial, "encode_document", counting)
    monkeypatch.setattr(pipeline, "encode_document", counting)
    stages: list[pipeline._PerDocument] = []
    original_finish = pipeline._PerDocument.finish

    def finish(self: pipeline._PerDocument) -> list[pipeline.Profiled]:
        stages.append(self)
        return original_finish(self)

    monkeypatch.setattr(pipeline._PerDocument, "finish", finish)
    run(Config(bundle, None, None, tmp_path / "workers.json", store_path=None, workers=2))
    assert not stages[0].encoded, "without a store, no document's JSON is held for it"
    # the workers' own encoding is not counted here (forked processes): what is, is the main
    # process encoding again a document the integrity stage changed (a seed's restored words)
    again = set(encoded)
    files = {path.name for path in bundle.iterdir()}
    assert again < files
    encoded.clear()
    run(Config(bundle, None, None, tmp_path / "one.json", store_path=None, workers=1))
    assert set(encoded) == files
    assert (tmp_path / "workers.json").read_bytes() == (tmp_path / "one.json").read_bytes()

    spill = serial.EncodedDocuments()
    document = document_from_text("The depot shall open at 6 a.m. on weekdays.", "a.txt")
    spill.add(document, json_bytes(serial.encode_document(document)))
    assert spill.text_of(document) is not None
    assert spill.text_of(dataclasses.replace(document, integrity=None)) is None
    spill.close()
