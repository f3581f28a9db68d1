"""The CLI end to end: outputs, exit codes, determinism, re-runs, and the committed seeds' currency."""

from __future__ import annotations

import gc
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from kickoff import Config, run
from kickoff.cli import (
    EXIT_INTERRUPTED,
    EXIT_NOTHING_READ,
    EXIT_OK,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    EXIT_WRITE_FAILED,
    main,
    parse_args,
)
from kickoff.report import render_index, render_questions
from kickoff.report.html import render_html
from kickoff.report.json_output import render_json

SPEC = "# Kiosk\n\n## Purpose\n\nThe purpose of this system is to sell tickets.\n\n## Requirements\n\n- The kiosk shall print a ticket within 3 seconds.\n"


def run_cli(bundle: Path, out: Path, *extra: str) -> int:
    return main(
        [
            str(bundle),
            "--index",
            str(out / "INDEX.md"),
            "--questions",
            str(out / "QUESTIONS.md"),
            "--json",
            str(out / "kickoff.json"),
            "--html",
            str(out / "report.html"),
            *extra,
        ]
    )


def test_parse_args_builds_the_config(tmp_path: Path) -> None:
    config = parse_args([str(tmp_path), "--max-file-mb", "2"])
    assert config.bundle == tmp_path and config.index_path == tmp_path / "INDEX.md"
    assert config.questions_path == Path("QUESTIONS.md") and config.html_path == tmp_path / "report.html"
    assert config.json_path == tmp_path / "kickoff.json" and not config.json_to_stdout
    assert config.limits.max_file_bytes == 2 * 2**20
    assert config.fail_on == "never" and not config.quiet and config.exclude == ()


def test_json_dash_means_only_json(tmp_path: Path) -> None:
    config = parse_args([str(tmp_path), "--json", "-"])
    assert config.json_to_stdout and config.output_paths == ()


def test_exit_codes(tmp_path: Path, bundle: Path) -> None:
    out = tmp_path / "out"
    assert run_cli(tmp_path / "missing", out) == EXIT_NOTHING_READ
    assert run_cli(bundle, out) == EXIT_NOTHING_READ  # empty folder
    assert not out.exists()  # and nothing was written
    (bundle / "spec.md").write_text(SPEC)
    assert run_cli(bundle, out) == EXIT_OK
    (bundle / "junk.txt").write_bytes(b"\x00\xff" * 100)
    assert run_cli(bundle, out) == EXIT_SOME_FAILED
    assert "junk.txt" in (out / "INDEX.md").read_text() and "binary" in (out / "INDEX.md").read_text()
    assert main(["--no-such-flag"]) == EXIT_USAGE


def test_empty_folder_says_what_happened_and_writes_nothing(tmp_path: Path, bundle: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (bundle / ".git").mkdir()
    (bundle / ".git" / "config").write_text("[core]\n")
    assert run_cli(bundle, tmp_path / "out") == EXIT_NOTHING_READ
    error = capsys.readouterr().err
    assert "no files to read" in error and "nothing was written" in error
    assert not (tmp_path / "out").exists()


def test_a_folder_of_unreadable_files_still_gets_an_index(tmp_path: Path, bundle: Path) -> None:
    (bundle / "junk.txt").write_bytes(b"\x00\xff" * 100)
    assert run_cli(bundle, tmp_path / "out") == EXIT_NOTHING_READ
    assert "junk.txt" in (tmp_path / "out" / "INDEX.md").read_text()


def test_default_paths_and_outputs_are_never_read_back(tmp_path: Path, bundle: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (bundle / "spec.md").write_text(SPEC)
    monkeypatch.chdir(tmp_path)
    assert main([str(bundle)]) == EXIT_OK
    assert (
        (bundle / "INDEX.md").exists() and (bundle / "kickoff.json").exists() and (tmp_path / "QUESTIONS.md").exists()
    )
    first = (bundle / "INDEX.md").read_text()
    shutil.copy(tmp_path / "QUESTIONS.md", bundle / "QUESTIONS.md")  # an old output lying in the bundle
    assert main([str(bundle)]) == EXIT_OK
    assert (bundle / "INDEX.md").read_text() == first
    assert "1 document(s) read" in first


def test_json_to_stdout(bundle: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (bundle / "spec.md").write_text(SPEC)
    main([str(bundle), "--index", str(tmp_path / "I.md"), "--questions", str(tmp_path / "Q.md"), "--json", "-"])
    payload = json.loads(capsys.readouterr().out)
    assert payload["schema_version"] == 4 and payload["documents"][0]["source"]["path"] == "spec.md"


def test_second_run_is_byte_identical(tmp_path: Path) -> None:
    bundle = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", bundle, ignore=shutil.ignore_patterns("INDEX.md", "kickoff.json"))
    out = tmp_path / "out"
    run_cli(bundle, out)
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    run_cli(bundle, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first


def test_inputs_are_never_modified(tmp_path: Path, bundle: Path) -> None:
    (bundle / "spec.md").write_text(SPEC)
    (bundle / "bad.txt").write_bytes(b"\x00" * 64)
    before = {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in bundle.iterdir()}
    run_cli(bundle, tmp_path / "out")
    assert {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in before} == before


def test_interrupted_write_keeps_the_old_output(tmp_path: Path, bundle: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (bundle / "spec.md").write_text(SPEC)
    out = tmp_path / "out"
    run_cli(bundle, out)
    old = {p.name: p.read_bytes() for p in out.iterdir()}
    (bundle / "more.md").write_text("# More\n\nThe kiosk shall accept cards.\n")

    def crash(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    assert run_cli(bundle, out) == EXIT_INTERRUPTED
    assert {p.name: p.read_bytes() for p in out.iterdir()} == old


def test_a_failed_rename_puts_the_previous_set_back(tmp_path: Path, bundle: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """All or nothing: the first output is renamed into place, the second fails, the first is undone."""
    (bundle / "spec.md").write_text(SPEC)
    out = tmp_path / "out"
    run_cli(bundle, out)
    old = {p.name: p.read_bytes() for p in out.iterdir()}
    (bundle / "more.md").write_text("# More\n\nThe kiosk shall accept cards.\n")
    real_replace = os.replace
    calls: list[object] = []

    def fail_second(source: str, target: str) -> None:
        calls.append(target)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", fail_second)
    assert run_cli(bundle, out) == EXIT_WRITE_FAILED
    error = capsys.readouterr().err
    assert "QUESTIONS.md: cannot write (No space left on device)" in error and ".tmp" not in error
    assert {p.name: p.read_bytes() for p in out.iterdir()} == old


def test_an_unwritable_output_fails_before_the_analysis(tmp_path: Path, bundle: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (bundle / "spec.md").write_text(SPEC)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    import kickoff.pipeline

    monkeypatch.setattr(kickoff.pipeline, "analyse", lambda config: pytest.fail("analysed before checking outputs"))
    assert main([str(bundle), "--output-dir", str(blocker / "out")]) == EXIT_WRITE_FAILED
    error = capsys.readouterr().err
    assert str(blocker) in error and "--output-dir" in error and ".tmp" not in error
    assert not (bundle / "INDEX.md").exists()


def test_rerun_on_a_grown_bundle_closes_answered_questions(tmp_path: Path, bundle: Path) -> None:
    (bundle / "spec.md").write_text(SPEC)
    out = tmp_path / "out"
    run_cli(bundle, out)
    first = (out / "QUESTIONS.md").read_text()
    assert "First run on this bundle" in first and "What hardware" not in first
    (bundle / "hardware.md").write_text(
        "# Platform\n\n## Hardware\n\nThe kiosk software runs on a Raspberry Pi 4 with 2 GB of RAM.\n"
    )
    run_cli(bundle, out)
    second = (out / "QUESTIONS.md").read_text()
    assert "**Answered:** Hardware and operating environment" in second
    assert "_(still open)_" in second
    run_cli(bundle, out)
    assert (out / "QUESTIONS.md").read_text() == second  # same bundle again: same comparison


def test_committed_seed_outputs_are_current(tmp_path: Path) -> None:
    """seeds/INDEX.md, QUESTIONS.md, the report and the JSON must equal what the code generates now
    (regenerate with `make run`)."""
    config = Config(ROOT / "seeds", tmp_path / "INDEX.md", tmp_path / "QUESTIONS.md", tmp_path / "kickoff.json")
    analysis = run(config)
    assert (ROOT / "seeds" / "INDEX.md").read_text("utf-8") == render_index(analysis)
    assert (ROOT / "QUESTIONS.md").read_text("utf-8") == render_questions(analysis)
    assert (ROOT / "seeds" / "report.html").read_text("utf-8") == render_html(analysis)
    assert (ROOT / "seeds" / "kickoff.json").read_text("utf-8") == render_json(analysis)


def test_readme_screenshot_shows_the_current_report() -> None:
    """docs/report-seeds.png was taken of the seeds' report as the code writes it now
    (regenerate with `make screenshot`)."""
    recorded = (ROOT / "docs" / "report-seeds.png.source").read_text("utf-8").split()[0]
    assert recorded == hashlib.sha256((ROOT / "seeds" / "report.html").read_bytes()).hexdigest()
    assert "docs/report-seeds.png" in (ROOT / "README.md").read_text("utf-8")


def test_seed_facts_are_found() -> None:
    """The facts the project was started on: found by the code, checked as golden snippets."""
    index = (ROOT / "seeds" / "INDEX.md").read_text("utf-8")
    questions = (ROOT / "QUESTIONS.md").read_text("utf-8")
    assert index.count("| news report |") == 2
    assert "### same event: `000_99ac9ecd21fa66ef.txt` ↔ `004_1d3f06dec4306074.txt`" in index
    for name in ("Putin", "Assad", "Damascus", "2020-01-09"):
        assert name in index.split("## Relations")[1]
    assert "duplicate" not in index.split("## Relations")[1].split("\n")[0]
    assert "specification" not in index.split("## Summary")[1].split("## Documents")[0]
    assert questions.count("No: this bundle is not a buildable specification") == 1
    for asked in ("What system is to be built", "On what hardware", "How fast must it be"):
        assert asked in questions


def test_example_spec_is_answered_where_it_speaks(tmp_path: Path) -> None:
    example = ROOT / "examples" / "widget-tracker"
    config = Config(example, tmp_path / "INDEX.md", tmp_path / "QUESTIONS.md", tmp_path / "k.json")
    analysis = run(config)
    status = {item.key: item.status for item in analysis.checklist}
    assert status["purpose"] == status["hardware"] == status["performance"] == status["interfaces"] == "answered"
    assert status["acceptance"] == status["timeline"] == "missing"
    assert (example / "QUESTIONS.md").read_text("utf-8") == render_questions(analysis)


def test_clinic_example_outputs_are_current(tmp_path: Path) -> None:
    example = ROOT / "examples" / "clinic-booking"
    config = Config(example, tmp_path / "INDEX.md", tmp_path / "QUESTIONS.md", tmp_path / "k.json")
    analysis = run(config)
    assert (example / "QUESTIONS.md").read_text("utf-8") == render_questions(analysis)
    assert (example / "INDEX.md").read_text("utf-8") == render_index(analysis)
    assert (example / "report.html").read_text("utf-8") == render_html(analysis)
    assert (example / "kickoff.json").read_text("utf-8") == render_json(analysis)


def test_example_bundles_agree_with_their_answer_keys() -> None:
    """Every labelled requirement of the examples is found; the checklist and the 'is this a
    specification' verdict agree with the hand-made keys (eval/data/checklist_labels.json)."""
    sys.path.insert(0, str(ROOT / "eval"))
    import checklist as evaluation

    figures = evaluation.measure()
    assert figures["extraction_recall"] == 1.0, figures["differences"]
    assert figures["extraction_precision"] >= 0.9, figures["differences"]
    assert figures["specification_verdict_agreement"] == 1.0
    assert figures["checklist_agreement"] >= 0.9, figures["differences"]
    assert figures["smell_precision"] >= 0.8 and figures["smell_recall"] >= 0.8, figures["differences"]


def test_installed_console_script_runs(tmp_path: Path, bundle: Path) -> None:
    (bundle / "spec.md").write_text(SPEC)
    script = Path(sys.executable).parent / "kickoff"
    result = subprocess.run(
        [str(script), str(bundle), "--questions", str(tmp_path / "Q.md")], capture_output=True, text=True, check=False
    )
    assert result.returncode == EXIT_OK, result.stderr
    assert result.stdout == "" and "1 document(s) read" in result.stderr
    help_text = subprocess.run([str(script), "--help"], capture_output=True, text=True, check=True).stdout
    assert "exit codes" in help_text and "--max-archive-mb" in help_text


def test_a_big_bundle_gets_an_overview_index() -> None:
    """Issue 13: above a threshold INDEX.md is an overview, one line per cluster, not a section per
    document; the detail stays in the JSON."""
    from conftest import document_from_text
    from kickoff.model import Analysis, Relation
    from kickoff.report.markdown import OVERVIEW_THRESHOLD, render_index

    documents = tuple(
        document_from_text(f"Note {n}\n\nThe depot in town {n} opened on a Monday with {n} staff.", f"note-{n:04}.txt")
        for n in range(OVERVIEW_THRESHOLD + 5)
    )
    relations = (
        Relation("near duplicate", "note-0001.txt", "note-0002.txt", 0.9, ()),
        Relation("near duplicate", "note-0002.txt", "note-0003.txt", 0.9, ()),
        Relation("exact duplicate", "note-0010.txt", "note-0011.txt", 1.0, ()),
    )
    index = render_index(Analysis("big", documents, relations=relations))
    assert "(overview)" in index and "kickoff.json" in index
    assert "## Clusters of copies (exact, near duplicates, derived): 2" in index
    assert "- 3 documents: `note-0001.txt`, `note-0002.txt`, `note-0003.txt`" in index
    assert "### `note-0004.txt`" not in index  # no section per document
    assert len(index.splitlines()) < 100


def test_worker_processes_give_the_same_analysis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 13: profiling and per-document checks in worker processes (fed in batches while
    reading goes on), shingles and signatures made in started workers, a task at a time, and
    candidate pairs compared in started workers that map the sentences and shingles from a
    temporary folder, give byte-identical output; the folders are gone after."""
    import tempfile

    import kickoff.relate as relate_module
    from kickoff import pipeline
    from kickoff.report.json_output import render_json

    bundle = tmp_path / "bundle"
    bundle.mkdir()
    for n in range(30):
        (bundle / f"doc{n:03}.txt").write_text(
            f"Depot {n} opened\n\nThe depot in Millbrook opened on Monday with {n} staff, the council said. "
            "The mayor, Anna Berger, said the depot will serve the whole valley."
        )
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 10)
    monkeypatch.setattr(pipeline._PerDocument, "BATCH", 4)
    monkeypatch.setattr(relate_module, "PARALLEL_PAIRS_FROM", 5)
    monkeypatch.setattr(relate_module, "SHINGLING_IN_WORKERS_FROM", 10)
    monkeypatch.setattr(relate_module, "SHINGLING_TASK", 7)
    joined = []
    original_join = relate_module.PackedShingles.joined
    monkeypatch.setattr(
        relate_module.PackedShingles,
        "joined",
        lambda parts: joined.append(parts := list(parts)) or original_join(parts),
    )
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    made = []
    original_write = relate_module.PackedShingles.write
    monkeypatch.setattr(
        relate_module.PackedShingles, "write", lambda self, folder: made.append(folder) or original_write(self, folder)
    )
    outputs = []
    for workers in (1, 2):
        config = Config(bundle, None, None, None, workers=workers)
        outputs.append(render_json(pipeline.analyse(config)))
    assert outputs[0] == outputs[1]
    assert '"kind":"near duplicate"' in outputs[1], "pairs were compared"
    assert len(made) == 1 and made[0].parent == temporary, "the workers read from a temporary folder"
    assert [len(parts) for parts in joined] == [5], "30 documents were shingled in 5 tasks, by workers"
    assert not list(temporary.iterdir()), "which is removed"
    assert gc.get_freeze_count() == 0, "what was frozen while the workers ran is thawed"


def test_few_pairs_among_many_documents_are_compared_without_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13: a warm run compares few pairs among many documents; workers that map every
    document's data would cost more than they save (they were the warm data room's memory peak),
    so the pairs are compared in the main process, with the same result."""
    import kickoff.relate as relate_module
    from kickoff import pipeline
    from kickoff.report.json_output import render_json

    bundle = tmp_path / "bundle"
    bundle.mkdir()
    for n in range(40):  # documents that share no words
        (bundle / f"doc{n:03}.txt").write_text(" ".join(f"word{n}x{i}" for i in range(40)) + ".")
    (bundle / "copy.txt").write_text((bundle / "doc000.txt").read_text() + " Checked twice.")
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 10)
    monkeypatch.setattr(relate_module, "PARALLEL_PAIRS_FROM", 1)
    made = []
    original_write = relate_module.PackedShingles.write
    monkeypatch.setattr(
        relate_module.PackedShingles, "write", lambda self, folder: made.append(folder) or original_write(self, folder)
    )
    outputs = [render_json(pipeline.analyse(Config(bundle, None, None, None, workers=w))) for w in (1, 2)]
    assert outputs[0] == outputs[1]
    assert '"kind":"near duplicate"' in outputs[1], "the copy was compared with its original"
    assert made == [], "no workers were started for so few pairs"


def test_the_dask_engine_gives_the_same_analysis(tmp_path: Path) -> None:
    """Issue 13: the per-document stages and relate's LSH banding (a shuffle) on a Dask
    LocalCluster of 2 worker processes give the output a local run gives."""
    pytest.importorskip("dask.distributed")
    from kickoff import pipeline
    from kickoff.report.json_output import render_json

    bundle = tmp_path / "bundle"
    bundle.mkdir()
    for n in range(12):
        (bundle / f"doc{n:03}.txt").write_text(
            f"Depot {n} opened\n\nThe depot in Millbrook opened on Monday with {n} staff, the council said. "
            "Lorries will load there from six in the morning until ten at night on weekdays. "
            "The site replaces the old yard beside the river, which closes at the end of the month."
        )
    local = render_json(pipeline.analyse(Config(bundle, None, None, None, workers=1)))
    on_dask = render_json(pipeline.analyse(Config(bundle, None, None, None, workers=2, engine="dask")))
    assert local == on_dask
    assert '"kind":"near duplicate"' in on_dask, "the banding found the near copies"


def test_the_banding_shuffle_makes_the_local_buckets() -> None:
    """The buckets of the Dask shuffle are those of the local dict, on signatures where many
    documents collide and many do not."""
    pytest.importorskip("dask.distributed")
    import numpy as np

    from kickoff.engines.dask import banding_on_dask, dask_client
    from kickoff.relate.candidates import PERMUTATIONS, local_buckets

    rng = np.random.default_rng(7)
    signatures = rng.integers(0, 6, size=(5000, PERMUTATIONS), dtype=np.uint32)
    expected = sorted(sorted(members) for members in local_buckets(signatures))
    with dask_client(None, 2) as client:
        shuffled = sorted(sorted(members) for members in banding_on_dask(client)(signatures))
    assert shuffled == expected and len(expected) > 100
