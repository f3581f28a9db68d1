"""The JSON view of an Analysis: same content as the Markdown, for tools. Layout: kickoff.serial;
schema: docs/json-schema.md."""

from __future__ import annotations

from collections.abc import Iterator

from kickoff.model import Analysis
from kickoff.serial import SCHEMA_VERSION, encode, encode_chunks

__all__ = ["SCHEMA_VERSION", "json_chunks", "render_json"]


def render_json(analysis: Analysis) -> str:
    return encode(analysis)


def json_chunks(analysis: Analysis) -> Iterator[str]:
    return encode_chunks(analysis)
