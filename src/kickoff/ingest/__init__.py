"""Ingest: every file of the bundle becomes documents or a named ReadProblem, streamed in order."""

from __future__ import annotations

import os
from collections.abc import Iterator

from kickoff.config import Config
from kickoff.ingest.dispatch import read_bytes, sniff_format
from kickoff.ingest.walk import display_name, walk_bundle
from kickoff.model import ReadProblem, SourceDocument

__all__ = ["read_bundle", "read_bytes", "sniff_format"]


def read_bundle(config: Config) -> Iterator[SourceDocument | ReadProblem]:
    """Yield documents and problems file by file; memory stays bounded by the largest file read."""
    limits = config.limits
    for entry in walk_bundle(config.bundle, exclude=config.output_paths, patterns=config.exclude):
        name = display_name(entry.relative)
        if entry.problem:
            yield ReadProblem(name, entry.problem)
            continue
        try:
            # O_NOFOLLOW: a link swapped in after the walk checked it is still not followed.
            descriptor = os.open(entry.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            with os.fdopen(descriptor, "rb") as handle:
                data = handle.read(limits.max_file_bytes + 1)
        except OSError as error:
            reason = error.strerror or type(error).__name__
            if entry.path.is_symlink():
                try:
                    with entry.path.open("rb") as handle:
                        data = handle.read(limits.max_file_bytes + 1)
                except OSError as second:
                    yield ReadProblem(name, f"cannot open: {second.strerror or reason}")
                    continue
            else:
                yield ReadProblem(name, f"cannot open: {reason}")
                continue
        truncated = len(data) > limits.max_file_bytes
        yield from read_bytes(data[: limits.max_file_bytes], name, limits, truncated=truncated)
