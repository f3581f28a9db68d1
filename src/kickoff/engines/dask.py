"""The per-document stages (profile, the per-document integrity check) on a Dask cluster.

Dask (``dask.distributed``) is an existing engine, installed as the optional extra
``kickoff[dask]``: ``kickoff BUNDLE --engine dask`` starts a local cluster of worker processes, and
``--scheduler tcp://HOST:8786`` uses a running one (its workers need kickoff installed). The work
sent is the same function the local run calls, and results come back in the bundle's order, so the
output is the one a local run writes. Relating documents and the rest still run in the client.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def map_on_dask(
    function: Callable[[Item], Result], items: Sequence[Item], scheduler: str | None, workers: int
) -> list[Result]:
    """``[function(item) for item in items]``, computed by the cluster's workers, in order."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as error:  # the light install: say what to install
        raise RuntimeError("the Dask engine needs the optional extra: pip install 'kickoff[dask]'") from error
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        futures = client.map(function, list(items), pure=False)
        return list(client.gather(futures))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
