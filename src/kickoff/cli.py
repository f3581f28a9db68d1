"""The command line: parse → one library call → print. Exit codes are decided from per-file problems."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from kickoff import __version__
from kickoff.config import Config, Limits
from kickoff.model import Analysis

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_NOTHING_READ = 3

_EPILOG = f"""\
outputs:
  INDEX.md       what was handed over, written into BUNDLE (or --index)
  QUESTIONS.md   what is missing for a buildable specification, written to the
                 current folder (or --questions)
  kickoff.json   the same as JSON, written into BUNDLE (or --json); it also keeps
                 the state that lets a re-run say which questions got answered

exit codes:
  {EXIT_OK}  every file was read
  {EXIT_SOME_FAILED}  some files could not be read (each is named in INDEX.md and on stderr)
  {EXIT_USAGE}  usage error
  {EXIT_NOTHING_READ}  nothing could be read: the folder is missing, empty, or every file failed
"""


def parse_args(argv: Sequence[str] | None = None) -> Config:
    """Build the one Config from the command line."""
    parser = argparse.ArgumentParser(
        prog="kickoff",
        description="Read a folder of brief documents; write INDEX.md (what was handed over) "
        "and QUESTIONS.md (what stands between it and a buildable specification).",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("bundle", type=Path, help="folder of documents, read recursively")
    parser.add_argument("--index", type=Path, help="where to write INDEX.md (default: BUNDLE/INDEX.md)")
    parser.add_argument("--questions", type=Path, help="where to write QUESTIONS.md (default: ./QUESTIONS.md)")
    parser.add_argument("--json", help="where to write the JSON (default: BUNDLE/kickoff.json; '-' for stdout)")
    defaults = Limits()
    parser.add_argument(
        "--max-file-mb",
        type=float,
        default=defaults.max_file_bytes / 2**20,
        help="read at most this many MiB of one file; the cut is reported (default: %(default)g)",
    )
    parser.add_argument(
        "--max-archive-mb",
        type=float,
        default=defaults.max_archive_total_bytes / 2**20,
        help="refuse archives expanding beyond this many MiB (default: %(default)g)",
    )
    parser.add_argument(
        "--max-compression-ratio",
        type=float,
        default=defaults.max_compression_ratio,
        help="refuse archive members compressed more than this (default: %(default)g)",
    )
    parser.add_argument(
        "--max-archive-members",
        type=int,
        default=defaults.max_archive_members,
        help="refuse archives with more members (default: %(default)d)",
    )
    parser.add_argument(
        "--read-timeout",
        type=float,
        default=defaults.read_timeout_seconds,
        help="stop reading one file after this many seconds, 0 for never (default: %(default)g)",
    )
    parser.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="progress bar on stderr: auto shows it on a terminal only",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="print per-stage timings")
    parser.add_argument("--version", action="version", version=f"kickoff {__version__}")
    args = parser.parse_args(argv)
    bundle: Path = args.bundle
    json_to_stdout = args.json == "-"
    limits = Limits(
        max_file_bytes=int(args.max_file_mb * 2**20),
        max_archive_total_bytes=int(args.max_archive_mb * 2**20),
        max_compression_ratio=args.max_compression_ratio,
        max_archive_members=args.max_archive_members,
        max_archive_depth=defaults.max_archive_depth,
        read_timeout_seconds=args.read_timeout,
    )
    progress = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    return Config(
        bundle=bundle,
        index_path=args.index or bundle / "INDEX.md",
        questions_path=args.questions or Path("QUESTIONS.md"),
        json_path=None if json_to_stdout else Path(args.json) if args.json else bundle / "kickoff.json",
        json_to_stdout=json_to_stdout,
        limits=limits,
        progress=progress,
        verbose=args.verbose,
    )


def exit_code(analysis: Analysis) -> int:
    failed = [p for p in analysis.problems if p.fatal]
    if not analysis.documents:
        return EXIT_NOTHING_READ
    return EXIT_SOME_FAILED if failed else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    from kickoff.pipeline import BundleNotFound, run

    try:
        config = parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0) if stop.code in (0, None) else EXIT_USAGE
    logging.basicConfig(level=logging.WARNING, format="kickoff: %(message)s", stream=sys.stderr)
    try:
        analysis = run(config)
    except BundleNotFound as error:
        print(f"kickoff: {error}", file=sys.stderr)
        return EXIT_NOTHING_READ
    except OSError as error:
        print(f"kickoff: cannot write output: {error}", file=sys.stderr)
        return EXIT_NOTHING_READ
    written = [config.index_path, config.questions_path] + ([config.json_path] if config.json_path else [])
    if config.verbose:
        print("stage       seconds", file=sys.stderr)
        for name, seconds in analysis.timings:
            print(f"{name:<12}{seconds:7.3f}", file=sys.stderr)
    if not config.json_to_stdout:
        print(f"kickoff: {len(analysis.documents)} document(s) read; wrote " + ", ".join(str(p) for p in written))
    return exit_code(analysis)
