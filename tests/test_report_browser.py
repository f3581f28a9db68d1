"""report.html in a real browser: Debian's headless Chromium, driven by Playwright, offline.

Each test opens a report from a file:// URL with the network cut and every request recorded.
Screenshots (desktop and phone width) are saved under test-artifacts/ (git-ignored) for a person
to look at after a run.
"""

from __future__ import annotations

import itertools
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import launch
from conftest import ROOT
from kickoff import Config, run

ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch() as started:
        yield started


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seeds' and an example bundle's reports, written by the current code."""
    out = tmp_path_factory.mktemp("reports")
    paths = {}
    for name, bundle in (("seeds", ROOT / "seeds"), ("clinic", ROOT / "examples" / "clinic-booking")):
        folder = out / name
        run(
            Config(bundle, folder / "INDEX.md", folder / "QUESTIONS.md", folder / "k.json", html_path=folder / "r.html")
        )
        paths[name] = folder / "r.html"
    return paths


class Visit:
    """A page opened offline, with every request it tried and every console message it logged."""

    def __init__(self, browser: Any, path: Path, width: int = 1280, height: int = 900) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.context.set_offline(True)
        self.requests: list[str] = []
        self.console: list[str] = []
        self.dialogs: list[str] = []
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: self.console.append(message.text))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser: Any) -> Iterator[Any]:
    opened: list[Visit] = []

    def open_page(path: Path, width: int = 1280, height: int = 900) -> Visit:
        opened.append(Visit(browser, path, width, height))
        return opened[-1]

    yield open_page
    for page in opened:
        page.close()


def _rows(page: Any) -> list[str]:
    return page.locator("#documents-body tr").evaluate_all("rows => rows.map(r => r.cells[1].textContent)")


def test_seeds_report_shows_verdict_questions_documents_and_the_side_by_side(
    reports: dict[str, Path], visit: Any
) -> None:
    seen = visit(reports["seeds"])
    page = seen.page
    assert (
        page.locator(".verdict").is_visible()
        and "not a buildable specification" in page.locator(".verdict").inner_text()
    )
    questions = page.locator("ol.questions > li")
    assert questions.count() >= 3 and questions.first.is_visible()
    assert "Which documents were meant" in questions.first.inner_text()
    assert "What system is to be built" in questions.nth(1).inner_text()
    assert _rows(page) == ["000_99ac9ecd21fa66ef.txt", "004_1d3f06dec4306074.txt"]
    side = page.locator("#side-by-side")
    side.scroll_into_view_if_needed()
    marked_left = side.locator(".left mark").all_inner_texts()
    marked_right = side.locator(".right mark").all_inner_texts()
    assert "Center" in marked_left and "Middle" in marked_right  # the substitution and its original, side by side
    assert side.locator(".left mark", has_text="Center").first.is_visible()
    assert page.locator("svg.graph line.same-event").count() == 1
    assert seen.requests == [seen.url], seen.requests  # nothing but the file itself
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "seeds-desktop.png"), full_page=True)


def test_phone_width_screenshot_and_no_horizontal_scroll(reports: dict[str, Path], visit: Any) -> None:
    page = visit(reports["seeds"], width=390, height=844).page
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"the page scrolls sideways by {overflow}px at phone width"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "seeds-phone.png"), full_page=True)


def test_sorting_and_filtering(reports: dict[str, Path], visit: Any) -> None:
    page = visit(reports["clinic"]).page
    names = _rows(page)
    assert len(names) >= 2
    words = page.locator("button[data-sort=words]")
    words.click()
    ascending = page.locator("#documents-body tr").evaluate_all("rows => rows.map(r => +r.cells[5].textContent)")
    assert ascending == sorted(ascending)
    words.click()
    descending = page.locator("#documents-body tr").evaluate_all("rows => rows.map(r => +r.cells[5].textContent)")
    assert descending == sorted(ascending, reverse=True)
    assert page.locator("th:has(button[data-sort=words])").get_attribute("aria-sort") == "descending"
    page.locator("#filter-text").fill("meeting")
    assert _rows(page) == ["meeting-notes.txt"]
    assert page.locator("#documents-count").inner_text().startswith("1 of ")
    page.locator("#filter-text").fill("")
    kinds = page.locator("#filter-kind option").all_inner_texts()[1:]
    page.locator("#filter-kind").select_option(kinds[0])
    shown = page.locator("#documents-body tr").evaluate_all("rows => rows.map(r => r.cells[3].textContent)")
    assert shown and set(shown) == {kinds[0]}


@pytest.mark.parametrize("name", ["seeds", "clinic"])
def test_every_internal_link_resolves(reports: dict[str, Path], visit: Any, name: str) -> None:
    page = visit(reports[name]).page
    missing = page.evaluate(
        """() => Array.from(document.querySelectorAll('a[href]'))
            .map(a => a.getAttribute('href'))
            .filter(h => !h.startsWith('#') || !document.getElementById(decodeURIComponent(h.slice(1))))"""
    )
    assert missing == [], missing  # every link is internal, and every target exists
    sentence_link = page.locator("a.cite[href*='-s']").first  # a quote's link to its sentence, folded away
    target = sentence_link.get_attribute("href")
    assert target and not page.locator(target).is_visible()
    sentence_link.click()
    assert page.evaluate("location.hash") == target and page.locator(target).is_visible()


@pytest.mark.parametrize("name", ["seeds", "clinic"])
def test_accessibility_headings_keyboard_and_contrast(reports: dict[str, Path], visit: Any, name: str) -> None:
    page = visit(reports[name]).page
    levels = page.evaluate("Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6')).map(h => +h.tagName[1])")
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"heading level jumps from h{before} to h{after}"
    # Every visible control is reached with the Tab key, in a walk through the whole page.
    controls = page.evaluate(
        """() => Array.from(document.querySelectorAll('a[href], button, input, select, summary'))
            .filter(e => e.getClientRects().length > 0 && !e.disabled)
            .map((e, i) => { e.dataset.tabCheck = i; return i; }).length"""
    )
    reached = set()
    for _ in range(controls + 5):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.dataset.tabCheck ?? null"))
    reached.discard(None)
    assert len(reached) == controls, f"{controls - len(reached)} control(s) never get the keyboard focus"
    for element in ("#filter-text", "#filter-kind", "button[data-sort=words]"):
        assert page.locator(element).evaluate("e => e.tabIndex") >= 0
    # Trust and status badges: text contrast of at least 4.5:1 (WCAG AA for normal text).
    ratios = page.evaluate(
        """() => {
            const channel = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
            const luminance = s => { const [r, g, b] = s.match(/\\d+/g).map(Number); return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b); };
            return Array.from(document.querySelectorAll('.badge')).map(b => {
                const style = getComputedStyle(b);
                const [x, y] = [luminance(style.color), luminance(style.backgroundColor)];
                return [b.className, (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05)];
            });
        }"""
    )
    assert ratios and all(ratio >= 4.5 for _, ratio in ratios), ratios


def test_a_hostile_bundle_renders_as_text(tmp_path: Path, visit: Any) -> None:
    bundle = tmp_path / "hostile"
    bundle.mkdir()
    (bundle / "<img src=x onerror=alert(1)>.md").write_text(
        "# <script>alert('title')</script>\n\n"
        "The system shall accept <script>window.owned = 1; alert(2)</script> as input within 2 seconds.\n\n"
        'See [details](javascript:alert(3)) and <a href="javascript:alert(4)">this</a> and '
        '<img src="https://example.org/x.png"> and <iframe src="https://example.org"></iframe>.\n'
    )
    (bundle / "rtl.txt").write_text("النظام يجب أن يستجيب خلال ثانيتين. ‮gnp.exe‬ The kiosk shall print tickets.\n")
    (bundle / "long.txt").write_text("The kiosk shall print " + "x" * 200_000 + " tickets.\n")
    out = tmp_path / "out"
    run(Config(bundle, out / "INDEX.md", out / "QUESTIONS.md", out / "k.json", html_path=out / "r.html"))
    html = (out / "r.html").read_text("utf-8")
    assert "<script>window.owned" not in html and "<img src=x" not in html
    seen = visit(out / "r.html")
    page = seen.page
    assert seen.dialogs == [] and page.evaluate("window.owned") is None
    assert page.locator("script").count() == 2  # the report's own script and its JSON data
    assert page.locator("iframe, img, object, embed").count() == 0
    assert not [
        h
        for h in page.evaluate("Array.from(document.querySelectorAll('a')).map(a => a.href)")
        if h.startswith("javascript:")
    ]
    assert "window.owned = 1" in page.locator("body").inner_text()  # shown as text
    assert seen.requests == [seen.url], seen.requests
    assert not [m for m in seen.console if re.search(r"Content Security Policy|Refused", m)], seen.console


def test_report_needs_no_network_and_declares_it(reports: dict[str, Path]) -> None:
    html = reports["seeds"].read_text("utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert policy and "default-src &#39;none&#39;" in policy.group(1)
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", html)


def test_chromium_is_the_system_one() -> None:
    from browser import chromium_path

    path = chromium_path()
    assert path is not None and shutil.which(Path(path).name) is not None


def test_a_big_bundle_report_pages_and_caps(tmp_path: Path, visit: Any) -> None:
    """Above the caps the page lists every document in its table data but draws bounded parts."""
    import json as json_module

    from kickoff.report.html import MAX_CARDS, PAGE_SIZE, render_html

    sys.path.insert(0, str(ROOT / "bench"))
    from report_scale import synthetic

    count = MAX_CARDS + 130
    html = render_html(synthetic(count))
    data = json_module.loads(re.search(r'id="documents-data">(.*?)</script>', html, re.DOTALL).group(1))  # type: ignore[union-attr]
    assert len(data) == count
    assert html.count('<article class="card"') == MAX_CARDS and "…and 130 more document(s)" in html
    path = tmp_path / "big.html"
    path.write_text(html, encoding="utf-8")
    page = visit(path).page
    assert page.locator("#documents-body tr").count() == PAGE_SIZE
    page.locator("#page-next").click()
    assert page.locator("#documents-body tr").first.get_attribute("data-n") == str(PAGE_SIZE + 1)
    page.locator("#filter-trust").select_option("spun")
    assert page.locator("#documents-body tr").count() == len([row for row in data if row["trust"] == "spun"])
