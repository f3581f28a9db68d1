"""The one way this project starts a browser: Debian's Chromium, headless, driven by Playwright.

Playwright's own browser download is never used (it needs the network); its driver launches the
system's /usr/bin/chromium, which `make browser` installs with apt-get. The flags are those that
keep a headless Chromium off the network at start-up: no background networking, component
updates, sync or first-run pings.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from typing import Any

CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
)


def chromium_path() -> str | None:
    """The system Chromium: $KICKOFF_CHROMIUM, else chromium or chromium-browser on PATH."""
    return os.environ.get("KICKOFF_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@contextlib.contextmanager
def launch() -> Iterator[Any]:
    """A headless Chromium browser (playwright's Browser); Playwright gives it a throw-away profile."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise RuntimeError("Chromium is not installed: run `make browser` (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=list(CHROMIUM_FLAGS))
        try:
            yield browser
        finally:
            browser.close()
