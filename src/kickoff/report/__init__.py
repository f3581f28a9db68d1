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
    """Write every output as one set (see ``files.write_all``): the small ones rendered first,
    the JSON and the HTML page written as they are made, so that neither is held whole."""
    outputs: list[tuple[Path, str | Iterable[str]]] = []
    if config.index_path is not None:
        outputs.append((config.index_path, render_index(analysis)))
    if config.questions_path is not None:
        outputs.append((config.questions_path, render_questions(analysis)))
    if config.json_path is not None:
        outputs.append((config.json_path, json_chunks(analysis)))
    if config.html_path is not None:
        from kickoff.report.html import html_chunks

        outputs.append((config.html_path, html_chunks(analysis)))
    write_all(outputs)
    if config.json_to_stdout:
        sys.stdout.writelines(json_chunks(analysis))
