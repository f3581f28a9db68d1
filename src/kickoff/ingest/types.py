"""What every reader receives and returns, so that adding a format is adding one function."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from kickoff.config import Limits
from kickoff.model import Block, ReadProblem, SourceDocument, SourceMetadata


class UnreadableFile(Exception):
    """A reader's way to say 'this file cannot be read, and here is why' in plain words."""


@dataclass(frozen=True)
class ReadContext:
    path: str
    format: str
    data_sha256: str
    size_bytes: int
    limits: Limits
    depth: int = 0
    truncated: bool = False


ReadOutcome = list[SourceDocument | ReadProblem]
Reader = Callable[[bytes, ReadContext], ReadOutcome]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def document(
    context: ReadContext,
    blocks: tuple[Block, ...],
    *,
    encoding: str | None = None,
    metadata: SourceMetadata | None = None,
    debris: tuple[str, ...] = (),
    warnings: tuple[str, ...] = (),
) -> SourceDocument:
    """Build a SourceDocument, adding the truncation warning when the read was capped."""
    if context.truncated:
        warnings = (
            *warnings,
            f"file larger than {context.limits.max_file_bytes} bytes: only the first "
            f"{context.limits.max_file_bytes} bytes were read",
        )
    return SourceDocument(
        path=context.path,
        format=context.format,
        sha256=context.data_sha256,
        size_bytes=context.size_bytes,
        encoding=encoding,
        blocks=blocks,
        metadata=metadata or SourceMetadata(),
        removed_debris=debris,
        warnings=warnings,
    )
