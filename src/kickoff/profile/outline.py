"""A document's outline: for each sentence, the headings it stands under, outermost first.

A sentence's Location names only its nearest heading; a KEP's "Unit tests" is part of its "Test
Plan", and a PEP's "Why not use a multi-line string?" part of its "Rejected Ideas". Later stages
that judge a sentence by its section need the whole path, which the heading levels recorded at
ingest give. Where a format records no level (0), a heading stands alone, as before.
"""

from __future__ import annotations

import re

from kickoff.model import Document

_SECTION_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)\.?\s")


def section_paths(document: Document) -> tuple[tuple[str, ...], ...]:
    """Per sentence (same order as ``document.sentences``), the titles of its enclosing headings.

    Where titles carry their section numbers, a number says whose subsection a heading is: a web
    page that marks "5.1 Nature of the Users" and "5.1.1 MultiMahjongClient" with the same tag
    still puts the second under the first."""
    levels = iter([block.level for block in document.source.blocks if block.kind == "heading"])
    stack: list[tuple[int, str]] = []
    paths: list[tuple[str, ...]] = []
    for sentence in document.sentences:
        if sentence.block_kind == "heading":
            level = next(levels, 0)
            number = _SECTION_NUMBER.match(sentence.text)
            if number and level > 0:
                parent = next((lvl for lvl, title in reversed(stack) if _is_parent(title, number.group(1))), None)
                if parent is not None and parent >= level:
                    level = parent + 1
            if level <= 0:
                stack = [(0, sentence.text)]
            else:
                while stack and (stack[-1][0] >= level or stack[-1][0] == 0):
                    stack.pop()
                stack.append((level, sentence.text))
        elif not stack and sentence.location.section:
            stack = [(0, sentence.location.section)]
        paths.append(tuple(title for _, title in stack))
    return tuple(paths)


def _is_parent(title: str, number: str) -> bool:
    """Whether ``title`` is numbered as the section that holds section ``number``."""
    found = _SECTION_NUMBER.match(title)
    return found is not None and number.startswith(found.group(1) + ".")
