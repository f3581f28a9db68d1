"""Title, byline and outlet: the format's own metadata first, then what the text shows."""

from __future__ import annotations

import re

from kickoff.model import Block, SourceDocument

_OUTLET_WORDS = re.compile(
    r"\b(?:Press|News|Times|Post|Reuters|Agency|Journal|Herald|Tribune|Guardian|Telegraph|"
    r"Gazette|Daily|Mail|BBC|CNN|AFP|Bloomberg|Associated Press|Wire|Chronicle|Observer)\b"
)
_BY_LINE = re.compile(r"^\s*By\s+([A-Z][\w.'’-]+(?:\s+(?:and\s+)?[A-Z][\w.'’-]+){0,5})", re.MULTILINE)
_CREDIT = re.compile(
    r"^([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)+(?:\s+and\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)+)*),\s+(.{3,60})$"
)
_DATEISH = re.compile(r"^[\W\d_]*(?:date|\d{4}-\d{2}-\d{2})", re.IGNORECASE)


def find_title(source: SourceDocument) -> str | None:
    if source.metadata.title:
        return source.metadata.title.strip()
    for block in source.blocks[:5]:
        if block.kind == "metadata":
            continue
        if block.kind == "heading":
            return block.text
        if _looks_like_title(block):
            return block.text
        break
    return None


def _looks_like_title(block: Block) -> bool:
    text = block.text.strip()
    words = text.split()
    return (
        0 < len(words) <= 16
        and not text.endswith((".", "!", "?", ":", ";", ","))
        and not _DATEISH.match(text)
        and sum(ch.isalpha() for ch in text) > len(text) / 2
    )


def find_byline(source: SourceDocument) -> tuple[str | None, str | None]:
    """(byline, outlet): 'By NAME' at the top, or a closing credit line 'NAMES, OUTLET'."""
    byline = source.metadata.author
    outlet = source.metadata.outlet
    text = source.text
    if byline is None:
        match = _BY_LINE.search("\n".join(b.text for b in source.blocks[:4]))
        if match:
            byline = match.group(1)
    for block in reversed(source.blocks[-4:]):
        credit = _CREDIT.match(block.text.strip())
        if credit and _OUTLET_WORDS.search(credit.group(2)):
            byline = byline or credit.group(1)
            outlet = outlet or credit.group(2).removeprefix("The ").strip()
            break
    if outlet is None:
        match = re.search(r"\b(?:The )?(Associated Press|Reuters|Agence France-Presse|AFP|BBC News)\b", text)
        if match:
            outlet = match.group(1)
    return byline, outlet
