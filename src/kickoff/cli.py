"""The command line: parse → one library call → print. Exit codes are decided from per-file problems."""

from __future__ import annotations

import argparse
import contextlib
import logging
import signal
import sys
import tomllib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from kickoff import __version__
from kickoff.config import Config, FailOn, Limits, default_outputs
from kickoff.integrity.encoder import EncoderUnavailable
from kickoff.model import Analysis
from kickoff.store import default_store_path

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_NOTHING_READ = 3
EXIT_WRITE_FAILED = 4
EXIT_GATE = 5
# The shell's convention for a process ended by a signal: 128 + the signal's number.
EXIT_INTERRUPTED = 128 + signal.SIGINT
EXIT_TERMINATED = 128 + signal.SIGTERM

_EPILOG = f"""\
examples:
  kickoff brief/                     INDEX.md, kickoff.json and report.html into brief/,
                                     QUESTIONS.md into the current folder
  kickoff brief.zip -o out/          a zip (or a single file) as the bundle, every report into out/
  kickoff brief/ --json - | jq .verdict
                                     only the JSON, on stdout
  kickoff brief/ --exclude 'drafts/**' --exclude '*.bak'
                                     leave files out (globs on the path inside the bundle)
  kickoff brief/ -q --fail-on blocking
                                     for CI: silent, exit {EXIT_GATE} while a blocking question is open

outputs:
  INDEX.md       what was handed over (default: into a folder BUNDLE, else the current folder)
  QUESTIONS.md   what is missing for a buildable specification (default: the current folder)
  kickoff.json   the same as JSON (default: beside INDEX.md); it also keeps the state that
                 lets a re-run say which questions got answered
  report.html    one self-contained page for the kickoff meeting (default: beside INDEX.md)
  All outputs of a run are written, or none is.

settings file:
  A kickoff.toml in the bundle, or a [tool.kickoff] table in the bundle's pyproject.toml, may
  set exclude = [...], output-dir, fail-on, html, progress and the size limits (long option
  names). Options on the command line win; --exclude patterns add to the file's.

exit codes:
  {EXIT_OK}    every file was read
  {EXIT_SOME_FAILED}    some files could not be read (each is named in INDEX.md and on stderr)
  {EXIT_USAGE}    usage error (a bad option or settings file)
  {EXIT_NOTHING_READ}    nothing could be read: the bundle is missing or empty, or every file failed
  {EXIT_WRITE_FAILED}    an output could not be written (nothing was written)
  {EXIT_GATE}    --fail-on: the bundle has the questions it names
  {EXIT_INTERRUPTED}  interrupted (Ctrl-C); {EXIT_TERMINATED}  terminated (SIGTERM); nothing half-written is left
"""

# Settings a file may hold, by their long option names, with the type each must have.
_FILE_SETTINGS: dict[str, type | tuple[type, ...]] = {
    "exclude": list,
    "output-dir": str,
    "fail-on": str,
    "html": (bool, str),
    "progress": str,
    "max-file-mb": (int, float),
    "max-archive-mb": (int, float),
    "max-compression-ratio": (int, float),
    "max-archive-members": int,
    "read-timeout": (int, float),
}


class UsageError(Exception):
    """A bad option value or settings file: exit code 2, with the message."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kickoff",
        description="Read a bundle of brief documents (a folder, a zip or one file); write INDEX.md "
        "(what was handed over), QUESTIONS.md (what stands between it and a buildable "
        "specification), kickoff.json and report.html.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("bundle", type=Path, help="folder of documents (read recursively), a zip, or one file")
    parser.add_argument("-o", "--output-dir", type=Path, help="write every output into this folder")
    parser.add_argument("--index", type=Path, help="where to write INDEX.md")
    parser.add_argument("--questions", type=Path, help="where to write QUESTIONS.md")
    parser.add_argument("--json", help="where to write the JSON; '-' writes only the JSON, to stdout")
    parser.add_argument("--html", help="where to write the HTML report; '-' writes none")
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="leave out files whose path in the bundle (or name) matches; repeatable",
    )
    parser.add_argument(
        "--fail-on",
        choices=("blocking", "any", "never"),
        help=f"exit {EXIT_GATE} when a blocking question (or any question) is open (default: never)",
    )
    defaults = Limits()
    parser.add_argument(
        "--max-file-mb",
        type=float,
        help=f"read at most this many MiB of one file; the cut is reported (default: {defaults.max_file_bytes / 2**20:g})",
    )
    parser.add_argument(
        "--max-archive-mb",
        type=float,
        help=f"refuse archives expanding beyond this many MiB (default: {defaults.max_archive_total_bytes / 2**20:g})",
    )
    parser.add_argument(
        "--max-compression-ratio",
        type=float,
        help=f"refuse archive members compressed more than this (default: {defaults.max_compression_ratio:g})",
    )
    parser.add_argument(
        "--max-archive-members",
        type=int,
        help=f"refuse archives with more members (default: {defaults.max_archive_members})",
    )
    parser.add_argument(
        "--read-timeout",
        type=float,
        help=f"stop reading one file after this many seconds, 0 for never (default: {defaults.read_timeout_seconds:g})",
    )
    parser.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        help="progress bars on stderr: auto (the default) shows them on a terminal only",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=0,
        metavar="N",
        help="processes that profile and check documents of a big bundle (400 or more) in parallel; "
        "0 (the default): one per CPU; 1: none",
    )
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="where the per-document stages run: this machine (the default) or a Dask cluster "
        "(pip install 'kickoff[dask]'; a local cluster of --workers processes unless --scheduler is given)",
    )
    parser.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler, e.g. tcp://10.0.0.5:8786")
    store = parser.add_mutually_exclusive_group()
    store.add_argument(
        "--store",
        type=Path,
        metavar="FILE",
        help="the incremental store (SQLite): a re-run reads, profiles and compares only new or changed "
        "files (default: one per bundle in $KICKOFF_CACHE_DIR, else ~/.cache/kickoff)",
    )
    store.add_argument("--no-store", action="store_true", help="run cold: no incremental store is read or written")
    model = parser.add_mutually_exclusive_group()
    model.add_argument(
        "--contextual",
        dest="contextual",
        action="store_const",
        const=True,
        help="require the contextual model that finds spun words read alone (pip install 'kickoff[model]'; "
        "by default it is used where it is installed)",
    )
    model.add_argument(
        "--no-contextual",
        dest="contextual",
        action="store_const",
        const=False,
        help="leave the contextual model out (faster on a data room; spun copies read alone are then mostly missed)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    parser.add_argument("-v", "--verbose", action="store_true", help="print per-stage timings")
    parser.add_argument("--version", action="version", version=f"kickoff {__version__}")
    return parser


def load_settings(bundle: Path) -> dict[str, Any]:
    """Settings from the bundle's kickoff.toml, else its pyproject.toml's [tool.kickoff] table.

    A relative ``output-dir`` is taken relative to the bundle, where the file is.
    """
    if not bundle.is_dir():
        return {}
    table: dict[str, Any] = {}
    source = bundle / "kickoff.toml"
    try:
        if source.is_file():
            table = tomllib.loads(source.read_text("utf-8"))
        elif (bundle / "pyproject.toml").is_file():
            source = bundle / "pyproject.toml"
            table = tomllib.loads(source.read_text("utf-8")).get("tool", {}).get("kickoff", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UsageError(f"{source}: cannot read settings ({error})") from error
    for key, value in table.items():
        expected = _FILE_SETTINGS.get(key)
        if expected is None:
            raise UsageError(f"{source}: unknown setting {key!r} (known: {', '.join(sorted(_FILE_SETTINGS))})")
        wrong_list = isinstance(value, list) and not all(isinstance(v, str) for v in value)
        if not isinstance(value, expected) or wrong_list:
            raise UsageError(f"{source}: setting {key!r} has the wrong type ({type(value).__name__})")
    if "output-dir" in table:
        table["output-dir"] = bundle / table["output-dir"]
    return table


def parse_args(argv: Sequence[str] | None = None) -> Config:
    """Build the one Config from the command line and the bundle's settings file."""
    args = _parser().parse_args(argv)
    bundle: Path = args.bundle
    settings = load_settings(bundle)

    def option(name: str, default: Any) -> Any:
        value = getattr(args, name.replace("-", "_"))
        return value if value is not None else settings.get(name, default)

    defaults = Limits()
    limits = Limits(
        max_file_bytes=int(option("max-file-mb", defaults.max_file_bytes / 2**20) * 2**20),
        max_archive_total_bytes=int(option("max-archive-mb", defaults.max_archive_total_bytes / 2**20) * 2**20),
        max_compression_ratio=float(option("max-compression-ratio", defaults.max_compression_ratio)),
        max_archive_members=int(option("max-archive-members", defaults.max_archive_members)),
        max_archive_depth=defaults.max_archive_depth,
        read_timeout_seconds=float(option("read-timeout", defaults.read_timeout_seconds)),
    )
    fail_on: FailOn = option("fail-on", "never")
    progress_choice = option("progress", "auto")
    if fail_on not in ("blocking", "any", "never") or progress_choice not in ("auto", "always", "never"):
        raise UsageError(f"fail-on must be blocking, any or never and progress auto, always or never: {settings}")
    output_dir: Path | None = option("output-dir", None)
    default_index, default_questions, default_json, default_html = default_outputs(bundle, output_dir, Path("."))
    json_to_stdout = args.json == "-"
    html_setting = args.html if args.html is not None else settings.get("html", True)
    if json_to_stdout:
        # Only the JSON, unless another output is named explicitly.
        index_path, questions_path, json_path = args.index, args.questions, None
        html_path = Path(args.html) if args.html not in (None, "-") else None
    else:
        index_path = args.index or default_index
        questions_path = args.questions or default_questions
        json_path = Path(args.json) if args.json else default_json
        if html_setting in ("-", False):
            html_path = None
        elif isinstance(html_setting, str):
            html_path = Path(html_setting)
        else:
            html_path = default_html
    return Config(
        bundle=bundle,
        index_path=index_path,
        questions_path=questions_path,
        json_path=json_path,
        json_to_stdout=json_to_stdout,
        html_path=html_path,
        limits=limits,
        exclude=(*settings.get("exclude", ()), *args.exclude),
        progress=progress_choice == "always" or (progress_choice == "auto" and sys.stderr.isatty()),
        verbose=args.verbose,
        quiet=args.quiet,
        fail_on=fail_on,
        workers=max(0, args.workers),
        engine=_engine(args.engine if not args.scheduler else "dask"),
        scheduler=args.scheduler,
        store_path=None if args.no_store else (args.store or default_store_path(bundle)),
        contextual_model=_contextual(args.contextual),
    )


def _contextual(choice: bool | None) -> bool | None:
    """--contextual fails at once, with what to install, where the model is not installed."""
    if choice:
        from kickoff.integrity.encoder import available, missing_message

        if not available():
            raise UsageError(f"--contextual: {missing_message()}")
    return choice


def _engine(name: str) -> str:
    """The engine asked for, if it is installed: the Dask one is an optional extra."""
    if name == "dask":
        try:
            import dask.distributed  # noqa: F401
        except ImportError:
            raise UsageError("--engine dask needs the optional extra: pip install 'kickoff[dask]'") from None
    return name


def exit_code(analysis: Analysis, fail_on: FailOn = "never") -> int:
    """Nothing read beats a failed gate, which beats some files failing."""
    if not analysis.documents:
        return EXIT_NOTHING_READ
    if fail_on == "any" and analysis.questions:
        return EXIT_GATE
    if fail_on == "blocking" and not analysis.verdict.buildable:
        return EXIT_GATE
    return EXIT_SOME_FAILED if any(p.fatal for p in analysis.problems) else EXIT_OK


class Terminated(BaseException):
    """Raised by the SIGTERM handler, so that a run unwinds (and cleans up) as for Ctrl-C."""


@contextlib.contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """SIGTERM unwinds the run like Ctrl-C does; the previous handler comes back afterwards."""

    def terminate(_signum: int, _frame: object) -> None:
        raise Terminated

    try:
        previous = signal.signal(signal.SIGTERM, terminate)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _status(config: Config, message: str) -> None:
    if not config.quiet:
        print(f"kickoff: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    from kickoff.pipeline import BundleError, run
    from kickoff.report import OutputError

    try:
        config = parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0) if stop.code in (0, None) else EXIT_USAGE
    except UsageError as error:
        print(f"kickoff: {error}", file=sys.stderr)
        return EXIT_USAGE
    logging.basicConfig(
        level=logging.ERROR if config.quiet else logging.WARNING, format="kickoff: %(message)s", stream=sys.stderr
    )
    try:
        with _terminate_cleanly():
            _status(config, f"reading {config.bundle}")
            analysis = run(config)
    except KeyboardInterrupt:
        print("kickoff: interrupted; no output was written or changed", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated:
        print("kickoff: terminated; no output was written or changed", file=sys.stderr)
        return EXIT_TERMINATED
    except BundleError as error:
        print(f"kickoff: {error}", file=sys.stderr)
        return EXIT_NOTHING_READ
    except EncoderUnavailable as error:
        print(f"kickoff: {error}; nothing was written", file=sys.stderr)
        return EXIT_USAGE
    except OutputError as error:
        print(f"kickoff: {error}; nothing was written", file=sys.stderr)
        return EXIT_WRITE_FAILED
    except BrokenPipeError:  # `kickoff --json - | head`: the reader left; not an error of ours
        with contextlib.suppress(OSError):
            sys.stderr.close()
        return EXIT_OK
    if config.verbose:
        print("stage       seconds", file=sys.stderr)
        for name, seconds in analysis.timings:
            print(f"{name:<12}{seconds:7.3f}", file=sys.stderr)
    failed = sum(1 for p in analysis.problems if p.fatal)
    written = ", ".join(str(p) for p in config.output_paths) or "nothing but stdout"
    _status(
        config,
        f"{len(analysis.documents)} document(s) read, {failed} file(s) could not be read; wrote {written}",
    )
    code = exit_code(analysis, config.fail_on)
    if code == EXIT_GATE:
        _status(config, f"--fail-on {config.fail_on}: {len(analysis.questions)} question(s) open")
    return code
