"""Report: write INDEX.md, QUESTIONS.md, the JSON and the HTML report, all or none."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from kickoff.config import Config
from kickoff.model import Analysis
from kickoff.report.files import OutputError, check_output_locations, write_all
from kickoff.report.json_output import json_chunks, render_json
from kickoff.report.markdown import render_index, render_questions

__all__ = [
    "OutputError",
    "check_output_locations",
    "render_index",
    "render_json",
    "render_questions",
    "write_report",
]

REQUIRES = ("documents", "relations", "checklist", "questions", "verdict", "history")
PROVIDES = ()


def write_report(analysis: Analysis, config: Config) -> None:
    """Render every output first, then write them as one set (see ``files.write_all``)."""
    outputs: list[tuple[Path, str | Iterable[str]]] = []
    if config.index_path is not None:
        outputs.append((config.index_path, render_index(analysis)))
    if config.questions_path is not None:
        outputs.append((config.questions_path, render_questions(analysis)))
    if config.json_path is not None:
        outputs.append((config.json_path, json_chunks(analysis)))
    if config.html_path is not None:
        from kickoff.report.html import render_html

        outputs.append((config.html_path, render_html(analysis)))
    write_all(outputs)
    if config.json_to_stdout:
        sys.stdout.writelines(json_chunks(analysis))
