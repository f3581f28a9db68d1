"""The one configuration object, built once from the command line (or by a library caller)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MEBIBYTE = 1024 * 1024


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
    """Where to read and where to write; nothing deeper ever sees argparse."""

    bundle: Path
    index_path: Path
    questions_path: Path
    json_path: Path | None
    json_to_stdout: bool = False
    limits: Limits = Limits()
    progress: bool = False
    verbose: bool = False

    @classmethod
    def for_bundle(cls, bundle: Path | str, output_dir: Path | str | None = None) -> Config:
        """Default layout: INDEX.md and kickoff.json in the bundle, QUESTIONS.md in ``output_dir``."""
        bundle = Path(bundle)
        out = Path(output_dir) if output_dir is not None else Path.cwd()
        return cls(
            bundle=bundle,
            index_path=bundle / "INDEX.md",
            questions_path=out / "QUESTIONS.md",
            json_path=bundle / "kickoff.json",
        )

    @property
    def output_paths(self) -> tuple[Path, ...]:
        paths = [self.index_path, self.questions_path]
        if self.json_path is not None:
            paths.append(self.json_path)
        return tuple(paths)
