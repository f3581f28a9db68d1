"""The JSON view of an Analysis: same content as the Markdown, for tools. Schema: docs/json-schema.md."""

from __future__ import annotations

import json

from kickoff import __version__
from kickoff.model import Analysis, as_dict

# 2: the verdict is an object (buildable, status, blocking, text) instead of a string.
SCHEMA_VERSION = 2


def render_json(analysis: Analysis) -> str:
    payload = {"generator": f"kickoff {__version__}", "schema_version": SCHEMA_VERSION}
    payload.update(as_dict(analysis))
    payload.pop("timings", None)
    return json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
