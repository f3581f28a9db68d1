"""The CLI behaves like the tools people already trust: each option of issue 15 has its test."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kickoff.cli import EXIT_GATE, EXIT_OK, EXIT_USAGE, main, parse_args

SPEC = "# Kiosk\n\n## Purpose\n\nThe purpose of this system is to sell tickets.\n\n## Requirements\n\n- The kiosk shall print a ticket within 3 seconds.\n"


@pytest.fixture
def spec_bundle(tmp_path: Path) -> Path:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "spec.md").write_text(SPEC)
    return bundle


def _index(out: Path) -> str:
    return (out / "INDEX.md").read_text("utf-8")


def test_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == EXIT_OK
    text = capsys.readouterr().out
    assert "examples:" in text and "--output-dir" in text and "--fail-on" in text and "exit codes" in text


def test_output_dir_takes_every_output(spec_bundle: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main([str(spec_bundle), "-q", "--output-dir", str(out)]) == EXIT_OK
    assert sorted(p.name for p in out.iterdir()) == ["INDEX.md", "QUESTIONS.md", "kickoff.json", "report.html"]
    assert sorted(p.name for p in spec_bundle.iterdir()) == ["spec.md"]


def test_a_single_file_and_a_zip_are_bundles(
    spec_bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([str(spec_bundle / "spec.md"), "-q"]) == EXIT_OK
    assert "1 document(s) read" in (tmp_path / "INDEX.md").read_text()
    archive = tmp_path / "brief.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("spec.md", SPEC)
        handle.writestr("notes/more.txt", "The kiosk shall accept cards and coins at every station.")
    out = tmp_path / "zipped"
    assert main([str(archive), "-q", "-o", str(out)]) == EXIT_OK
    index = _index(out)
    assert "2 document(s) read" in index and "brief.zip/notes/more.txt" in index


def test_exclude_globs_and_settings_file(spec_bundle: Path, tmp_path: Path) -> None:
    (spec_bundle / "drafts").mkdir()
    (spec_bundle / "drafts" / "old.md").write_text("# Old\n\nThe kiosk shall print in colour.\n")
    (spec_bundle / "notes.bak").write_text("The kiosk shall whistle.\n")
    out = tmp_path / "out"
    assert main([str(spec_bundle), "-q", "-o", str(out), "--exclude", "drafts/**", "--exclude", "*.bak"]) == EXIT_OK
    assert "1 document(s) read" in _index(out)
    # The same from a kickoff.toml in the bundle; the settings file itself is read as a document.
    (spec_bundle / "kickoff.toml").write_text(
        'exclude = ["drafts", "*.bak", "kickoff.toml"]\noutput-dir = "../fromfile"\n'
    )
    assert main([str(spec_bundle), "-q"]) == EXIT_OK
    assert "1 document(s) read" in _index(tmp_path / "fromfile")
    config = parse_args([str(spec_bundle), "--exclude", "x*"])
    assert config.exclude == ("drafts", "*.bak", "kickoff.toml", "x*")  # the command line adds to the file


def test_pyproject_tool_table_and_bad_settings(spec_bundle: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (spec_bundle / "pyproject.toml").write_text('[tool.kickoff]\nfail-on = "any"\nhtml = false\n')
    config = parse_args([str(spec_bundle)])
    assert config.fail_on == "any" and config.html_path is None
    assert parse_args([str(spec_bundle), "--fail-on", "never"]).fail_on == "never"  # the command line wins
    (spec_bundle / "kickoff.toml").write_text("colour = 3\n")
    assert main([str(spec_bundle)]) == EXIT_USAGE
    assert "unknown setting 'colour'" in capsys.readouterr().err


def test_quiet_and_status_lines_on_stderr(
    spec_bundle: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main([str(spec_bundle), "-o", str(tmp_path / "a")])
    loud = capsys.readouterr()
    assert loud.out == "" and "1 document(s) read" in loud.err
    main([str(spec_bundle), "-o", str(tmp_path / "b"), "-q"])
    assert capsys.readouterr() == ("", "")


def test_json_dash_writes_only_json(
    spec_bundle: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([str(spec_bundle), "--json", "-", "-q"]) == EXIT_OK
    payload = json.loads(capsys.readouterr().out)
    assert payload["verdict"]["buildable"] is False and "hardware" in payload["verdict"]["blocking"]
    assert payload["verdict"]["text"].startswith("Not yet")
    assert sorted(p.name for p in spec_bundle.iterdir()) == ["spec.md"] and not (tmp_path / "QUESTIONS.md").exists()


def test_fail_on_gates_ci(spec_bundle: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "out")
    assert main([str(spec_bundle), "-q", "-o", out, "--fail-on", "never"]) == EXIT_OK
    assert main([str(spec_bundle), "-q", "-o", out, "--fail-on", "blocking"]) == EXIT_GATE
    assert main([str(spec_bundle), "-q", "-o", out, "--fail-on", "any"]) == EXIT_GATE


def test_outputs_get_the_umask_mode_and_keep_an_existing_one(spec_bundle: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    previous = os.umask(0o022)
    try:
        main([str(spec_bundle), "-q", "-o", str(out)])
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()}
        assert set(modes.values()) == {0o644}, modes
        (out / "INDEX.md").chmod(0o640)
        os.umask(0o077)
        main([str(spec_bundle), "-q", "-o", str(out)])
        assert stat.S_IMODE((out / "INDEX.md").stat().st_mode) == 0o640  # an existing file keeps its mode
    finally:
        os.umask(previous)


def test_python_dash_m_and_the_console_script_agree(spec_bundle: Path, tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "kickoff"
    outputs = []
    for command in ([str(script)], [sys.executable, "-m", "kickoff"]):
        result = subprocess.run(
            [*command, str(spec_bundle), "--json", "-", "-q"], capture_output=True, text=True, check=False
        )
        assert result.returncode == EXIT_OK, result.stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] and json.loads(outputs[0])["documents"]


def test_the_dask_engine_without_dask_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The light install has no Dask: asking for it names the extra to install, exit 2."""
    import builtins

    real_import = builtins.__import__

    def no_dask(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("dask"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_dask)
    (tmp_path / "a.txt").write_text("A note.")
    from kickoff.cli import main

    assert main([str(tmp_path), "--engine", "dask", "-o", str(tmp_path / "out")]) == 2


def test_progress_shows_a_bar_per_stage_when_asked_and_nothing_when_piped(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Issue 13: a bar per stage, with counts; quiet when stderr is not a terminal (the default)."""
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    for n in range(3):
        (bundle / f"note{n}.txt").write_text(f"Note {n}\n\nThe depot in Millbrook opened with {n} staff.")
    main([str(bundle), "--output-dir", str(tmp_path / "a"), "--progress", "always"])
    shown = capsys.readouterr().err
    for stage in ("reading", "profiling", "relating", "finding gaps"):
        assert stage in shown
    assert "/3 [" in shown, "the per-document bar counts against its total"
    main([str(bundle), "--output-dir", str(tmp_path / "b")])
    assert "profiling" not in capsys.readouterr().err
