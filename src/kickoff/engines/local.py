"""Worker processes on this machine, which stop at once when the run is interrupted."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager


def stop(pool: ProcessPoolExecutor, interrupted: bool) -> None:
    """Shut ``pool`` down: after its work when the run goes on, at once when it was interrupted.

    Why: a stage hands its workers all its work up front, and a plain shutdown waits for every
    piece of it, so Ctrl-C or SIGTERM would wait minutes on a data room. ProcessPoolExecutor has
    no public way to stop running work before Python 3.14."""
    if interrupted:
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.kill()  # SIGTERM would meet the handler a forked worker inherited
    pool.shutdown(wait=not interrupted, cancel_futures=True)


@contextmanager
def stopped_with_the_run(pool: ProcessPoolExecutor) -> Iterator[ProcessPoolExecutor]:
    """``pool`` for a with block, stopped at once if the block ends with an exception."""
    try:
        yield pool
    except BaseException:
        stop(pool, interrupted=True)
        raise
    stop(pool, interrupted=False)
