"""Ctrl-C and SIGTERM sent to a real kickoff process mid-run: one line, the documented exit code,
no traceback, and no output or temporary file left behind."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kickoff.cli import EXIT_INTERRUPTED, EXIT_TERMINATED

PARAGRAPH = (
    "The depot system shall record every parcel scanned at the gate within {n} seconds. "
    "Operators in region {n} reported that the handheld scanners lose their connection at night. "
)


def _slow_bundle(folder: Path, files: int = 600) -> Path:
    folder.mkdir()
    for number in range(files):
        (folder / f"note-{number:04d}.txt").write_text(PARAGRAPH.format(n=number) * 40)
    return folder


@pytest.mark.parametrize(("sent", "expected"), [(signal.SIGINT, EXIT_INTERRUPTED), (signal.SIGTERM, EXIT_TERMINATED)])
def test_a_signal_ends_the_run_cleanly(tmp_path: Path, sent: signal.Signals, expected: int) -> None:
    bundle = _slow_bundle(tmp_path / "bundle")
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "kickoff", str(bundle), "--output-dir", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    first = process.stderr.readline()  # "kickoff: reading …": the run has started
    assert first.startswith("kickoff: reading"), first
    time.sleep(1.0)
    process.send_signal(sent)
    _, error = process.communicate(timeout=120)
    assert process.returncode == expected, error
    assert "Traceback" not in error
    assert error.strip().splitlines() == [
        "kickoff: interrupted; no output was written or changed"
        if sent == signal.SIGINT
        else "kickoff: terminated; no output was written or changed"
    ]
    assert not out.exists() or list(out.iterdir()) == []
    assert sorted(p.name for p in bundle.iterdir() if not p.name.startswith("note-")) == []
