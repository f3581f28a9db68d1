"""Screenshot a kickoff report in Debian's headless Chromium, for the README (`make screenshot`).

    python tools/screenshot.py REPORT.html OUT.png [--width 1280] [--height 900] [--element SELECTOR=OUT2.png]...

OUT.png is the top of the page at that size; each --element is one element of it, whole.

Beside OUT.png it writes OUT.png.source: the SHA-256 of the report it shows, so a test can tell
that the picture in the README is of the report the code writes now.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import launch  # noqa: E402  (tests/browser.py: the one way this project starts Chromium)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("report", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1100)
    parser.add_argument("--element", action="append", default=[], metavar="SELECTOR=OUT")
    args = parser.parse_args()
    with launch() as browser:
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        page.goto(args.report.resolve().as_uri())
        page.screenshot(path=str(args.out), full_page=False)
        # An element taller than the window is shot in scrolled pieces, and the sticky table of
        # contents would be stitched into the middle of it: for those shots it stays at the top.
        # (Set through the DOM: the report's Content-Security-Policy rightly refuses inline styles.)
        page.locator("nav.toc").evaluate("nav => { nav.style.position = 'static'; }")
        for element in args.element:
            selector, out = element.split("=", 1)
            page.locator(selector).screenshot(path=out)
    digest = hashlib.sha256(args.report.read_bytes()).hexdigest()
    Path(f"{args.out}.source").write_text(f"{digest}  {args.report.as_posix()}\n", encoding="utf-8")
    print(f"wrote {args.out} of {args.report} ({digest[:12]})")


if __name__ == "__main__":
    main()
