"""The stages on a Dask cluster: the per-document stages as a map, relate's LSH banding as a shuffle.

Dask (``dask.distributed``) is an existing engine, installed as the optional extra
``kickoff[dask]``: ``kickoff BUNDLE --engine dask`` starts a local cluster of worker processes, and
``--scheduler tcp://HOST:8786`` uses a running one (its workers need kickoff installed).

- Profile and the per-document integrity check run as ``client.map`` of the same function a local
  run calls; results come back in the bundle's order.
- Relate's MinHash banding runs as a shuffle, the way text-dedup does it on Spark: each partition
  of signatures emits (band key, document) records, a ``dask.bag`` groupby on the band key brings
  each bucket's documents together on one worker, and only buckets of two or more come back.
  Candidate pairs depend only on the buckets' members, so they are those of a local run.

So the output is the one a local run writes (a test checks it on a LocalCluster of 2 workers).
The pairwise checks, the bundle-level stages and the report still run in the client.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from kickoff.relate.candidates import Banding, BucketMembers, band_keys

Item = TypeVar("Item")
Result = TypeVar("Result")

# Signatures per partition of the banding shuffle.
SIGNATURES_PER_PARTITION = 2000


@contextmanager
def dask_client(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A client of the cluster at ``scheduler``, or of a local cluster of ``workers`` processes."""
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
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def map_on_dask(client: Any, function: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    """``[function(item) for item in items]``, computed by the cluster's workers, in order."""
    futures = client.map(function, list(items), pure=False)
    return list(client.gather(futures))


def banding_on_dask(client: Any) -> Banding:
    """LSH buckets made by a shuffle on the cluster (see the module's docstring)."""

    def banding(signatures: npt.NDArray[np.uint32]) -> Iterable[BucketMembers]:
        import dask.bag as bag

        chunks = [
            (start, signatures[start : start + SIGNATURES_PER_PARTITION])
            for start in range(0, len(signatures), SIGNATURES_PER_PARTITION)
        ]
        if not chunks:
            return []
        records = bag.from_sequence(chunks, npartitions=len(chunks)).map(_band_records).flatten()
        buckets = records.groupby(_record_key, shuffle="tasks").map(_bucket_members).filter(_shared)
        return list(buckets.compute(scheduler=client))

    return banding


def _band_records(chunk: tuple[int, npt.NDArray[np.uint32]]) -> list[tuple[bytes, int]]:
    start, signatures = chunk
    return [(key, start + offset) for offset in range(len(signatures)) for key in band_keys(signatures[offset])]


def _record_key(record: tuple[bytes, int]) -> bytes:
    return record[0]


def _bucket_members(group: tuple[bytes, list[tuple[bytes, int]]]) -> list[int]:
    return sorted(index for _, index in group[1])


def _shared(members: list[int]) -> bool:
    return len(members) > 1
