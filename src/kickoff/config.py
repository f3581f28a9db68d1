"""The one configuration object, built once from the command line (or by a library caller)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

MEBIBYTE = 1024 * 1024

FailOn = Literal["blocking", "any", "never"]


@dataclass(frozen=True)
class Limits:
    """Size, ratio and time bounds that keep a hostile file from taking a run down.

    Defaults are sized for a 24 GiB, 2-core machine reading office documents: far above any real
    brief, far below what would exhaust memory. All are settable on the command line.
    """

    # Text beyond this many bytes of one file is not read; the cut is reported.
    max_file_bytes: int = 64 * MEBIBYTE
    # An archive expanding to more than this in total is refused (zip bombs).
    max_archive_total_bytes: int = 512 * MEBIBYTE
    # Uncompressed/compressed above this ratio marks a member as a bomb; real text tops out near 20.
    max_compression_ratio: float = 200.0
    max_archive_members: int = 10_000
    # Archives inside archives inside ... are read this deep, no deeper.
    max_archive_depth: int = 3
    # A reader that has not finished one file in this many seconds is stopped (0 disables).
    read_timeout_seconds: float = 60.0


@dataclass(frozen=True)
class Config:
    """Where to read and where to write; nothing deeper ever sees argparse.

    ``bundle`` is a folder, a single file or a zip. An output path of ``None`` means that output
    is not written (``--json -`` writes the JSON to stdout and nothing else).
    """

    bundle: Path
    index_path: Path | None
    questions_path: Path | None
    json_path: Path | None
    json_to_stdout: bool = False
    html_path: Path | None = None
    limits: Limits = Limits()
    # Glob patterns matched against each file's path relative to the bundle (and its name alone).
    exclude: tuple[str, ...] = ()
    progress: bool = False
    verbose: bool = False
    quiet: bool = False
    fail_on: FailOn = "never"
    # Processes that profile and check documents in parallel on a big bundle; 0: one per CPU.
    workers: int = 0
    # Where the per-document stages run: this machine ("local") or a Dask cluster ("dask"; a local
    # cluster unless ``scheduler`` gives a running one's address).
    engine: str = "local"
    scheduler: str | None = None
    # The incremental store (kickoff.store): results of earlier runs, keyed by content. None: no
    # store (the library default); the command line uses one per bundle in the user's cache folder.
    store_path: Path | None = None
    # The contextual replaced-token model (kickoff.integrity.contextual, an optional install) in
    # the integrity stage: None uses it where it is installed, True requires it, False leaves it out.
    contextual_model: bool | None = None

    @classmethod
    def for_bundle(cls, bundle: Path | str, output_dir: Path | str | None = None) -> Config:
        """Default layout (``default_outputs``), with the current folder as an absolute path."""
        bundle = Path(bundle)
        index, questions, json, html = default_outputs(bundle, output_dir, Path.cwd())
        return cls(bundle=bundle, index_path=index, questions_path=questions, json_path=json, html_path=html)

    @property
    def worker_count(self) -> int:
        """How many worker processes ``workers`` asks for: 0 means one per CPU."""
        return self.workers or os.cpu_count() or 1

    @property
    def uses_contextual_model(self) -> bool:
        """Whether this run reads with the contextual model (``contextual_model``, resolved)."""
        if self.contextual_model is False:
            return False
        from kickoff.integrity.encoder import EncoderUnavailable, available, missing_message

        if self.contextual_model and not available():
            raise EncoderUnavailable(missing_message())
        return available()

    @property
    def output_paths(self) -> tuple[Path, ...]:
        """Every file this run writes, in the order they are written."""
        paths = (self.index_path, self.questions_path, self.json_path, self.html_path)
        return tuple(path for path in paths if path is not None)


def default_outputs(bundle: Path, output_dir: Path | str | None, here: Path) -> tuple[Path, Path, Path, Path]:
    """(INDEX.md, QUESTIONS.md, kickoff.json, report.html) where they go by default.

    INDEX.md, kickoff.json and report.html go into a folder bundle, QUESTIONS.md into ``here``
    (the current folder); ``output_dir`` takes them all. A file or zip bundle has no folder of its
    own to write into, so all its outputs go to ``here``."""
    out = Path(output_dir) if output_dir is not None else here
    beside = bundle if bundle.is_dir() and output_dir is None else out
    return beside / "INDEX.md", out / "QUESTIONS.md", beside / "kickoff.json", beside / "report.html"
