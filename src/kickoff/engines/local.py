"""Worker processes on this machine, which stop at once when the run is interrupted."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

_HELD = {signal.SIGINT, signal.SIGTERM}
_MANAGER_GRACE_SECONDS = 10.0  # the manager thread only reaps killed processes and closes pipes


def stop(pool: ProcessPoolExecutor, interrupted: bool) -> None:
    """Shut ``pool`` down: after its work when the run goes on, at once when it was interrupted.

    Why: a stage hands its workers all its work up front, and a plain shutdown waits for every
    piece of it, so Ctrl-C or SIGTERM would wait minutes on a data room. ProcessPoolExecutor has
    no public way to stop running work before Python 3.14.

    After the kill, the pool's manager thread is still closing its wake-up pipe; the interpreter's
    exit hook writes to that pipe, and when the two meet, exit prints an OSError traceback ("Bad
    file descriptor", CPython 3.11 to 3.13; seen once in CI on tests/test_signals.py). Waiting a
    bounded while for that thread, which has no work left, takes the race away."""
    manager = getattr(pool, "_executor_manager_thread", None)  # shutdown() forgets it
    if interrupted:
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.kill()  # SIGTERM would meet the handler a forked worker inherited
    pool.shutdown(wait=not interrupted, cancel_futures=True)
    if interrupted and isinstance(manager, threading.Thread) and manager.is_alive():
        manager.join(timeout=_MANAGER_GRACE_SECONDS)


@contextmanager
def stopped_with_the_run(pool: ProcessPoolExecutor) -> Iterator[ProcessPoolExecutor]:
    """``pool`` for a with block, stopped at once if the block ends with an exception."""
    try:
        yield pool
    except BaseException:
        stop(pool, interrupted=True)
        raise
    stop(pool, interrupted=False)


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back for a with block; they are delivered right after it.

    Used where a signal must not land in the middle: while outputs are renamed into place, and
    while worker processes are forked. A signal that arrives during a fork is raised inside one
    of the fork's callbacks (logging registers some), where Python ignores exceptions: the
    KeyboardInterrupt was lost and the run went on (seen on CPython 3.13, tests/test_signals.py)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def release_signals() -> None:
    """A forked worker's start: the parent held SIGINT and SIGTERM while forking it
    (``signals_held``), and a child keeps its parent's signal mask."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)
