"""Numbers with units, and the quantity each bounds: what makes a quality requirement testable."""

from __future__ import annotations

import re

from kickoff.model import Measure

# Not a digit inside a word: "S2S" is no 2 seconds, "MP3" no 3 of anything.
_NUMBER = r"(?<![^\W\d_])(?P<value>\d{1,3}(?:[,\u202f ]\d{3})+|\d+(?:\.\d+)?)"
# "no longer than five minutes": numbers written out, before a unit of time only (a spelled
# number before a noun is mostly not a quantity: "one user", "two options").
_SPELLED_NUMBERS = {
    word: float(value)
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
        ]
    )
} | {
    "twenty": 20.0,
    "thirty": 30.0,
    "forty": 40.0,
    "forty-five": 45.0,
    "fifty": 50.0,
    "sixty": 60.0,
    "ninety": 90.0,
    "hundred": 100.0,
    "one hundred": 100.0,
}
# "up to eight thermostats": a written-out count is a count where a bound introduces it.
_SPELLED_BOUND = re.compile(
    r"\b(?:up to|at least|at most|no more than|a maximum of|a minimum of) (?P<value>"
    + "|".join(sorted(_SPELLED_NUMBERS, key=len, reverse=True))
    + r")\s(?P<noun>(?:[a-z]+\s)?[a-z]{3,}s)\b",
    re.IGNORECASE,
)
# "six hundred concurrent users", "three hundred simultaneous requests": a written-out number
# with a multiplier is a quantity whatever noun follows (an SRS spells its scale figures out).
_MULTIPLIERS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_SPELLED_LARGE = re.compile(
    r"(?<![\w-])(?P<value>"
    + "|".join(sorted(_SPELLED_NUMBERS, key=len, reverse=True))
    + r")\s(?P<multiplier>hundred|thousand|million|billion)\s"
    r"(?!(?:milliseconds?|seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b)(?P<noun>(?:[a-z]+\s)?[a-z]{3,}s)\b",
    re.IGNORECASE,
)
_SPELLED_TIME = re.compile(
    r"(?<![\w-])(?P<value>" + "|".join(sorted(_SPELLED_NUMBERS, key=len, reverse=True)) + r")\s"
    r"(?P<unit>milliseconds?|seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)
_UNITS: list[tuple[str, str]] = [
    (r"ms|milliseconds?|msec", "ms"),
    (r"µs|us|microseconds?", "µs"),
    (r"(?:cpu[- ]|processor[- ])?(?:seconds?|secs?)|s", "s"),  # "2 CPU seconds": a budget of processor time
    (r"min|mins|minutes?", "min"),
    (r"h|hrs?|hours?", "h"),
    (r"days?", "day"),
    (r"weeks?", "week"),
    (r"months?", "month"),
    (r"years?", "year"),
    (r"%|percent|per cent", "%"),
    # a data rate ("1.6 Gbytes/sec", "25 MB/s") before the bytes it counts
    # "MBps" is megabytes, "Mbps" megabits: the capital B is the byte
    (r"(?:(?-i:[KMGTP]i?B)|[kKmMgGtT]bytes?|(?:kilo|mega|giga|tera)bytes?)(?:/s|/sec|ps| per second)", "bytes/s"),
    (r"[KMGTP]i?B|[kKmMgGtT]bytes?|(?:kilo|mega|giga|tera)bytes?", "bytes"),
    (r"[KMG]bps|[kKmMgG]bits?(?:/s|/sec| per second)", "bit/s"),
    (r"[kKmMgG]?Hz", "Hz"),
    (r"(?:concurrent |simultaneous |active )?users?", "users"),
    (
        r"(?:requests?|transactions?|queries|messages|events|records|documents|files|items|orders)(?:\s*(?:/|per)\s*(?:s|sec|second|minute|min|hour|day))?",
        "count",
    ),
    (r"rps|req/s|tps|qps", "per second"),
    (r"W|watts?|mW|V|volts?|mA", "power"),
    (r"°C|degrees", "temperature"),
    (r"fps|frames per second", "fps"),
    (r"dpi|px|pixels?", "pixels"),
]
_MEASURE = re.compile(
    _NUMBER + r"\s?(?P<unit>" + "|".join(f"(?:{u})" for u, _ in _UNITS) + r")(?![\w])",
    re.IGNORECASE,
)
# "5,000 locker banks": a number counting things is a scale figure even without a known unit.
_COUNT = re.compile(_NUMBER + r"\s+(?P<noun>(?:[a-z]+\s){0,2}[a-z]{3,}s)\b")
_QUANTITIES: list[tuple[str, str]] = [
    (r"latenc|response time|respond|within|round.?trip|delay|load time|loads? in", "latency"),
    (r"throughput|per second|rps|tps|requests?/", "throughput"),
    (r"availability|uptime|downtime", "availability"),
    (r"\bRAM\b|memory", "memory"),
    (r"disk|storage|stor(?:e|ed)", "storage"),
    (r"concurrent|simultaneous|users", "users"),
    (r"accura|precision|recall|error rate", "accuracy"),
    (r"batter|power|watt", "power"),
    (r"bandwidth|network|link", "bandwidth"),
    (r"recover|restore|RTO|RPO|backup", "recovery"),
]
_HARDWARE = re.compile(
    r"\b(?:ARM\s?Cortex-[AMR]\d+|Cortex-[AMR]\d+|Raspberry Pi(?:\s?\d)?|x86(?:-64)?|amd64|arm64|aarch64|"
    r"RISC-V|ESP32|STM32|Arduino|Jetson|NVIDIA [A-Z]\d+|GPU|FPGA|microcontroller|(?:\d+-core|quad-core|dual-core) (?:CPU|processor))\b",
    re.IGNORECASE,
)


def find_measures(sentence: str) -> tuple[Measure, ...]:
    found: list[Measure] = []
    lowered = sentence.lower()
    for match in _MEASURE.finditer(sentence):
        raw_unit = match.group("unit")
        unit = next((name for pattern, name in _UNITS if re.fullmatch(pattern, raw_unit, re.IGNORECASE)), raw_unit)
        value = float(re.sub(r"[,\u202f ]", "", match.group("value"))) * _scale(raw_unit, unit)
        if unit == "count" and re.search(r"(?:/|per)\s*(?:s|sec|second)$", raw_unit, re.IGNORECASE):
            unit = "per second"
        found.append(Measure(match.group(0), value, unit, _quantity(lowered, unit)))
    for match in _SPELLED_TIME.finditer(sentence):
        raw_unit = match.group("unit")
        unit = next(name for pattern, name in _UNITS if re.fullmatch(pattern, raw_unit, re.IGNORECASE))
        value = _SPELLED_NUMBERS[match.group("value").lower()]
        found.append(Measure(match.group(0), value, unit, _quantity(lowered, unit)))
    for match in _SPELLED_BOUND.finditer(sentence):
        value = _SPELLED_NUMBERS[match.group("value").lower()]
        found.append(Measure(match.group(0), value, match.group("noun"), "count"))
    for match in _SPELLED_LARGE.finditer(sentence):
        value = _SPELLED_NUMBERS[match.group("value").lower()] * _MULTIPLIERS[match.group("multiplier").lower()]
        noun = match.group("noun")
        unit, quantity = ("users", "users") if noun.lower().endswith("users") else (noun, "count")
        found.append(Measure(match.group(0), value, unit, quantity))
    taken = [m.text for m in found]
    for match in _COUNT.finditer(sentence):
        if not any(match.group(0).startswith(t) or t.startswith(match.group("value")) for t in taken):
            value = float(re.sub(r"[,\u202f ]", "", match.group("value")))
            found.append(Measure(match.group(0), value, match.group("noun"), "count"))
    for match in _HARDWARE.finditer(sentence):
        found.append(Measure(match.group(0), 0.0, "hardware", "hardware"))
    return tuple(found)


_PREFIXES = {"k": 1e3, "m": 1e6, "g": 1e9, "t": 1e12, "p": 1e15}


def _scale(raw_unit: str, unit: str) -> float:
    """Bytes and bits per second are stored in the base unit, so 16 GB and 16,000 MB compare equal
    (the ``text`` keeps what was written)."""
    if unit not in {"bytes", "bytes/s", "bit/s"}:
        return 1.0
    lowered = raw_unit.lower()
    for word, prefix in (("kilo", "k"), ("mega", "m"), ("giga", "g"), ("tera", "t")):
        lowered = lowered.replace(word, prefix)
    factor = _PREFIXES.get(lowered[:1], 1.0)
    if len(lowered) > 1 and lowered[1] == "i":
        factor = 1024.0 ** ("kmgtp".index(lowered[0]) + 1)
    return factor


def _quantity(lowered: str, unit: str) -> str:
    if unit in {"bytes/s", "bit/s"}:
        return "throughput"
    # "99.9 % availability", "available 99.5 % of the time", "uptime of 99 %"; not "given at least
    # 1 % of the CPU is available for this processing", a share of something else
    if unit == "%" and re.search(r"availability|uptime|available\s+\d|\d\s?%\s+(?:available|of the time)", lowered):
        return "availability"
    if unit == "users":
        return "users"
    if unit == "bytes" and re.search(r"\bram\b|memory", lowered):
        return "memory"
    for pattern, name in _QUANTITIES:
        if re.search(pattern, lowered, re.IGNORECASE):
            return name
    return {"ms": "latency", "s": "latency", "bytes": "storage", "per second": "throughput"}.get(unit, "other")


def mentions_hardware(sentence: str) -> bool:
    return _HARDWARE.search(sentence) is not None
