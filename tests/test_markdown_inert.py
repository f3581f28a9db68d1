"""Untrusted text quoted in INDEX.md and QUESTIONS.md renders as the text it was.

The outputs are rendered with a real CommonMark renderer (markdown-it-py, tables on); the
rendered page must hold no element the documents brought, and its visible text must hold the
documents' strings exactly as written.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from kickoff import Config, run
from kickoff.report.markdown import _code, _text

HOSTILE = """# Export <b>CSV</b> service

The system shall export <b>CSV</b> files | split by pipes, with `ticks` and **stars**, within 2 seconds.
The operator console must accept <mime-info type="text/x-spec"> records and [a link](javascript:alert(1)) as text.
<script>alert('owned')</script> The service shall log every ~~struck~~ order_id_value &amp; its _owner_.
"""
HOSTILE_NAME = "we`ird|name <i>.txt"  # plain text: its tags are text, not markup
STRINGS = ("<b>CSV</b>", "`ticks`", "**stars**", '<mime-info type="text/x-spec">', "[a link](javascript:alert(1))")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.text: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.hrefs += [value or "" for name, value in attrs if name == "href"]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _render(markdown: str) -> _Page:
    page = _Page()
    page.feed(MarkdownIt("commonmark").enable("table").enable("strikethrough").render(markdown))
    return page


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    root = tmp_path_factory.mktemp("hostile")
    bundle = root / "bundle"
    bundle.mkdir()
    (bundle / HOSTILE_NAME).write_text(HOSTILE)
    out = root / "out"
    run(Config(bundle, out / "INDEX.md", out / "QUESTIONS.md", out / "kickoff.json"))
    return (out / "INDEX.md").read_text("utf-8"), (out / "QUESTIONS.md").read_text("utf-8")


@pytest.mark.parametrize("which", [0, 1])
def test_no_markup_from_a_document_becomes_markup(outputs: tuple[str, str], which: int) -> None:
    page = _render(outputs[which])
    assert not page.tags & {"script", "b", "i", "mime-info", "del", "s"}
    assert not any(href.startswith("javascript:") for href in page.hrefs)


def test_quoted_strings_render_as_written(outputs: tuple[str, str]) -> None:
    index, questions = ("".join(_render(text).text) for text in outputs)
    assert HOSTILE_NAME in index
    for string in STRINGS:
        assert string in index + questions, string
    assert "| split by pipes" in questions  # a pipe inside a table cell did not split the row


@pytest.mark.parametrize(
    "text",
    ["1. not a list", "# not a heading", "- not an item", "> not a quote", "a | b", "x_y_z *w* `c`", "&amp; & <br>"],
)
def test_escaped_text_round_trips(text: str) -> None:
    rendered = "".join(_render(f"| a |\n|---|\n| {_text(text)} |\n").text).strip()
    assert rendered == "a" + text or rendered.endswith(text)
    assert "".join(_render(_text(text)).text).strip() == text


@pytest.mark.parametrize("name", ["plain.md", "a`b.md", "``start.md", "end`", "pipe|name.md"])
def test_code_spans_hold_any_file_name(name: str) -> None:
    assert "".join(_render(_code(name)).text).strip() == name
    assert "".join(_render(f"| f |\n|---|\n| {_code(name, in_table=True)} |\n").text).strip().endswith(name)
