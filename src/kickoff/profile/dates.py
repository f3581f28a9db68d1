"""Find dates in text and normalise them to ISO 8601 at the precision the text gives."""

from __future__ import annotations

import re

from kickoff.model import DateMention

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# Month and weekday names as they are written, lower-cased, full and abbreviated.
MONTH_NAMES = frozenset(_MONTHS)
WEEKDAY_NAMES = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mnum>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b"),
    re.compile(rf"\b{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{_YEAR}\b"),
    re.compile(rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b"),
    re.compile(rf"\b(?:in|since|by|until|from|of|during|before|after)\s+{_YEAR}\b(?![-.,]?\d)"),
    re.compile(r"\b(?P<day>[0-3]?\d)/(?P<mnum>[01]?\d)/(?P<year>(?:19|20)\d{2})\b"),
]


# Every pattern above needs a year: a text without one (most paragraphs) is passed over in one
# scan instead of six, each trying month names at every word.
_ANY_YEAR = re.compile(r"(?:19|20)\d{2}")


def find_dates(text: str) -> tuple[DateMention, ...]:
    """Dates in order of first appearance, each ISO value once; more precise patterns win overlaps."""
    if not _ANY_YEAR.search(text):
        return ()
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, DateMention]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < other_end and other_start < end for other_start, other_end in taken):
                continue
            iso = _iso(match)
            if iso is None:
                continue
            taken.append((start, end))
            written = match.group(0)
            if pattern is _PATTERNS[4]:
                written = match.group("year")
            found.append((start, DateMention(written, iso)))
    found.sort(key=lambda pair: pair[0])
    unique: dict[str, DateMention] = {}
    for _, mention in found:
        unique.setdefault(mention.iso, mention)
    return tuple(unique.values())


def _iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    year = int(groups["year"])
    month: int | None = None
    if groups.get("month"):
        month = _MONTHS[groups["month"].lower().rstrip(".")]
    elif groups.get("mnum"):
        month = int(groups["mnum"])
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if groups.get("day"):
        day = int(groups["day"])
        if not 1 <= day <= 31:
            return None
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}"


def normalise_date(value: str | None) -> str | None:
    """An ISO date from a metadata field such as '2024-03-05T10:00' or 'March 5, 2024'."""
    if not value:
        return None
    found = find_dates(value)
    return found[0].iso if found else None
