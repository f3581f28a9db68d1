"""Atomic output, as a set: every report of a run is written, or none is.

Each file is first written to a temporary file beside its target; only when all of them are
written are they renamed over their targets, with SIGINT and SIGTERM held back for those few
renames. A rename that still fails puts the previous files back. The final files get the mode a
plain ``open()`` would give them (the umask's), or keep the mode of the file they replace:
``mkstemp`` alone would leave them readable by their owner only.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kickoff.engines.local import signals_held


class OutputError(Exception):
    """An output cannot be written. The message names the user's path, never a temporary one."""


def check_output_locations(paths: Sequence[Path]) -> None:
    """Fail before any analysis when an output could not be written: a folder in its place, a
    parent that is a file, or a folder the user may not write to."""
    for path in paths:
        if path.is_dir():
            raise OutputError(f"{path}: is a folder; give a file name, or use --output-dir")
        folder = path.parent
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent
        if not folder.is_dir():
            raise OutputError(f"{path}: {folder} is not a folder; choose another place with --output-dir")
        if not os.access(folder, os.W_OK | os.X_OK):
            raise OutputError(
                f"{path}: cannot write into {folder} (permission denied); choose another place with --output-dir"
            )


@dataclass
class _Staged:
    target: Path
    temporary: Path
    backup: Path | None = None
    committed: bool = False


def write_all(outputs: Sequence[tuple[Path, str | Iterable[str]]]) -> None:
    """Write every (path, text) or none; raise OutputError naming the user's path on failure.

    A text may come as an iterable of pieces (the JSON of a data room), written as they come."""
    staged: list[_Staged] = []
    try:
        for path, text in outputs:
            staged.append(_stage(path, text))
        with signals_held():
            _commit(staged)
    finally:
        for item in staged:
            if not item.committed:
                item.temporary.unlink(missing_ok=True)
            if item.backup is not None:
                item.backup.unlink(missing_ok=True)


def _stage(path: Path, text: str | Iterable[str]) -> _Staged:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise OutputError(f"{path}: cannot write ({error.strerror or error})") from error
    temporary = Path(name)
    try:
        os.fchmod(descriptor, _final_mode(path))
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            if isinstance(text, str):
                handle.write(text)
            else:
                for piece in text:
                    handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputError(f"{path}: cannot write ({error.strerror or error})") from error
        raise
    return _Staged(path, temporary)


def _final_mode(path: Path) -> int:
    """The mode of the file being replaced, or what ``open()`` gives a new file under the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _commit(staged: list[_Staged]) -> None:
    """Rename every temporary file over its target; on a failure, put the previous set back."""
    current = staged[0].target if staged else Path("output")
    try:
        for item in staged:
            current = item.target
            if item.target.exists():
                backup = item.target.with_name(f".{item.target.name}.{os.getpid()}.previous")
                with contextlib.suppress(OSError):  # no hard links here: that file cannot be restored
                    os.link(item.target, backup)
                    item.backup = backup
            os.replace(item.temporary, item.target)
            item.committed = True
    except BaseException as error:
        for item in staged:
            if not item.committed:
                continue
            if item.backup is not None:
                os.replace(item.backup, item.target)
                item.backup = None
            else:
                item.target.unlink(missing_ok=True)
            item.committed = False
        if isinstance(error, OSError):
            raise OutputError(f"{current}: cannot write ({error.strerror or error})") from error
        raise
