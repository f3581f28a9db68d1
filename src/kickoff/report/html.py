"""The HTML report (placeholder, filled in below)."""

from __future__ import annotations

import html

from kickoff.model import Analysis


def render_html(analysis: Analysis) -> str:
    return f"<!doctype html><title>{html.escape(analysis.bundle)}</title>\n"
