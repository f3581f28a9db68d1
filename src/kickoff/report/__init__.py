"""Report: write INDEX.md, QUESTIONS.md and the JSON, each atomically."""

from __future__ import annotations

import sys

from kickoff.config import Config
from kickoff.model import Analysis
from kickoff.report.files import write_atomically
from kickoff.report.json_output import render_json
from kickoff.report.markdown import render_index, render_questions

__all__ = ["render_index", "render_json", "render_questions", "write_report"]

REQUIRES = ("documents", "relations", "checklist", "questions", "verdict", "history")
PROVIDES = ()


def write_report(analysis: Analysis, config: Config) -> None:
    write_atomically(config.index_path, render_index(analysis))
    write_atomically(config.questions_path, render_questions(analysis))
    if config.json_to_stdout:
        sys.stdout.write(render_json(analysis))
    elif config.json_path is not None:
        write_atomically(config.json_path, render_json(analysis))
