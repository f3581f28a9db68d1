"""People, places and organisations named in a text, found without a downloaded model.

Capitalised word sequences are candidates; cues decide the kind: a title or a speech verb makes
a person, a gazetteer hit or a locative preposition a place, an organisation word or an acronym
an organisation. Sentence-initial common words ("Whereas", "Photos") are not names.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from kickoff.lexicon import is_common_word, places
from kickoff.model import Entity
from kickoff.profile.dates import MONTH_NAMES, WEEKDAY_NAMES

_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ0-9]+(?:[-'’.][A-Za-zÀ-ÖØ-öø-ÿ0-9]+)*\.?")
_CONNECTORS = frozenset({"of", "al", "bin", "de", "la", "le", "van", "von", "der", "du", "da"})
_TITLES = frozenset(
    [
        "president",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "general",
        "gen",
        "patriarch",
        "pope",
        "king",
        "queen",
        "prince",
        "princess",
        "sheikh",
        "ayatollah",
        "senator",
        "governor",
        "chancellor",
        "minister",
        "premier",
        "sir",
        "lord",
        "lady",
        "judge",
        "mayor",
        "commander",
        "colonel",
        "captain",
        "sergeant",
        "lieutenant",
        "pm",
        "ceo",
        # the abbreviations American news writes before a name: "Massachusetts Sen. Elizabeth Warren"
        *("sen", "rep", "gov", "lt", "sgt", "col", "capt", "maj", "adm", "rev"),
    ]
)
_PERSON_BEFORE = frozenset(
    [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "writer",
        "reporter",
        "correspondent",
        "dictator",
        "leader",
        "president",
        "minister",
        "chief",
        "director",
        "founder",
        # roles news puts before a name ("Microsoft co-founder Bill Gates", "singer Kanye West")
        "co-founder",
        "ceo",
        "executive",
        "billionaire",
        "billionaires",
        "singer",
        "actor",
        "actress",
        "star",
        "student",
        "shopkeeper",
        "photographer",
        "lawyer",
        "attorney",
        "prosecutor",
        "officer",
        "senator",
        "governor",
        "mayor",
        "chairman",
        "chairwoman",
        "secretary",
        "ambassador",
        "analyst",
        "professor",
        "presenter",
        "commander",
        "businessman",
        "businesswoman",
        "entrepreneur",
    ]
)
# Words that may follow a place's short form when it is the place, not an adjective ("the US and").
_AFTER_PLACE = frozenset(["and", "or", "in", "on", "at", "to", "for", "is", "was", "has", "had", "said", "says", "but"])
# Words after a name that make it a company or a platform ("Twitter accounts", "Tesla CEO").
_ORGANISATION_AFTER = frozenset(
    [
        "ceo",
        "co-founder",
        "founder",
        "account",
        "accounts",
        "shares",
        "app",
        "employees",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "executives",
        "headquarters",
        "platform",
        "users",
        "stock",
    ]
)
# Words before a name that make it an organisation ("state news agency Anadolu", "crypto
# exchanges Coinbase", "broadcaster TRT").
_ORGANISATION_BEFORE = frozenset(
    [
        "agency",
        "broadcaster",
        "newspaper",
        "daily",
        "firm",
        "company",
        "exchange",
        "exchanges",
        "giant",
        "network",
        "channel",
        "outlet",
        "website",
        "startup",
        "retailer",
        "bank",
        "carrier",
        "airline",
        "operator",
        "maker",
        "manufacturer",
        "insurer",
        "publisher",
        "broadcasters",
        "newspapers",
        "companies",
    ]
)
# Military and police ranks, abbreviated or hyphenated ("Lt Gen", "Sgt.", "Lieutenant-Colonel").
_RANKS = frozenset(
    [
        "lt",
        "sgt",
        "col",
        "maj",
        "capt",
        "cpl",
        "gen",
        "adm",
        "brig",
        "pte",
        "lieutenant",
        "sergeant",
        "major",
        "colonel",
        "corporal",
        "admiral",
        "brigadier",
        "marshal",
        "attorney",
        "ceo",
        "billionaire",
        "billionaires",
        "singer",
        "duke",
        "duchess",
        "earl",
        "baroness",
        "baron",
    ]
)
_PERSON_VERBS = frozenset(
    [
        "said",
        "says",
        "told",
        "noted",
        "added",
        "visited",
        "met",
        "announced",
        "declared",
        "thanked",
        "expressed",
        "congratulated",
        "praised",
        "landed",
        "sat",
        "listened",
        "signed",
        "reported",
        "warned",
        "threatened",
        "wrote",
        "spoke",
        "asked",
        "urged",
        "insisted",
        "claimed",
        "explained",
        "argued",
        "stated",
        "replied",
        "admitted",
        "denied",
        "believes",
        "believed",
        "wants",
        "wanted",
        "tweeted",
        "contributed",
        "has",
        "had",
        "was",
        "is",
    ]
)
_ORGANISATION_WORDS = frozenset(
    [
        "agency",
        "press",
        "ministry",
        # seats of government that news names in place of the government ("the Pentagon said")
        "kremlin",
        "pentagon",
        "whitehall",
        "elysee",
        "élysée",
        "council",
        "university",
        "inc",
        "corp",
        "corporation",
        "ltd",
        "llc",
        "gmbh",
        "company",
        "party",
        "army",
        "military",
        "forces",
        "force",
        "navy",
        "bank",
        "association",
        "office",
        "department",
        "committee",
        "union",
        "organisation",
        "organization",
        "foundation",
        "institute",
        "news",
        "times",
        "post",
        "group",
        "court",
        "parliament",
        "congress",
        "senate",
        "commission",
        "reuters",
        "journal",
        "herald",
        "tribune",
        "guardian",
        "telegraph",
        "bbc",
        "cnn",
        "government",
        "administration",
        "authority",
        "board",
        "federation",
        "league",
        "club",
        "society",
        "school",
        "college",
        "hospital",
        "service",
        "services",
        "agency's",
    ]
)
_FACILITY_WORDS = frozenset(
    [
        "mosque",
        "cathedral",
        "church",
        "temple",
        "airport",
        "airbase",
        "base",
        "square",
        "street",
        "road",
        "avenue",
        "bridge",
        "river",
        "mountain",
        "mount",
        "lake",
        "sea",
        "ocean",
        "gulf",
        "bay",
        "island",
        "islands",
        "province",
        "region",
        "district",
        "city",
        "county",
        "state",
        "valley",
        "desert",
        "palace",
    ]
)
_LOCATIVE = frozenset({"in", "from", "near", "to", "at", "across", "outside", "inside", "into"})
_NOT_NAMES = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "christmas",
        "easter",
        "ramadan",
        "eid",
        "christians",
        "christian",
        "muslims",
        "muslim",
        "orthodox",
        "catholic",
        "protestant",
        "jewish",
        "jews",
        "islamic",
        "arab",
        "arabs",
        "english",
        "french",
        "german",
        "spanish",
        "internet",
        "i",
    ]
)
_ALIASES = {
    "U.S": "United States",
    "U.S.": "United States",
    "US": "United States",
    "USA": "United States",
    "UK": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "U.K": "United Kingdom",
    "U.K.": "United Kingdom",
    "UAE": "United Arab Emirates",
}
# A single capitalised word this common is an ordinary word at a sentence start, not a name.
_COMMON_RANK = 5000
# Cap per kind: a long document names hundreds; the report shows the ones that matter.
MAX_PER_KIND = 15


@dataclass
class _Candidate:
    tokens: list[str]
    before: str
    after: str
    sentence_start: bool
    possessive: bool


def find_entities(sentences: list[str]) -> tuple[tuple[Entity, ...], ...]:
    """Return (people, places, organisations), each sorted by mentions, then name."""
    candidates: list[_Candidate] = []
    lowercase_words: set[str] = set()
    for sentence in sentences:
        # one pass of the token pattern per sentence serves both (it was two)
        matches = list(_TOKEN.finditer(sentence))
        candidates.extend(_candidates(sentence, matches))
        lowercase_words.update(token.lower() for match in matches if (token := match.group(0))[:1].islower())
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    mentions: Counter[str] = Counter()
    for candidate in candidates:
        name, kind = _classify(candidate, lowercase_words)
        if name is None:
            continue
        mentions[name] += 1
        votes[name][kind] += 1
    kinds = {name: _decide(counter) for name, counter in votes.items()}
    _merge_aliases(kinds, mentions)
    grouped: dict[str, list[Entity]] = {"person": [], "place": [], "organisation": []}
    for name, kind in kinds.items():
        if kind in grouped:
            grouped[kind].append(Entity(name, kind, mentions[name]))  # type: ignore[arg-type]
    ordered = [
        tuple(sorted(grouped[key], key=lambda e: (-e.mentions, e.name))[:MAX_PER_KIND])
        for key in ("person", "place", "organisation")
    ]
    return ordered[0], ordered[1], ordered[2]


def _candidates(sentence: str, matches: list[re.Match[str]]) -> list[_Candidate]:
    """Runs of capitalised tokens (``matches``: the sentence's tokens) that may be names."""
    found: list[_Candidate] = []
    index = 0
    while index < len(matches):
        token = matches[index].group(0)
        if not _capitalised(token):
            index += 1
            continue
        start = index
        end = index + 1
        while end < len(matches):
            gap = sentence[matches[end - 1].end() : matches[end].start()]
            if gap.strip() or matches[end - 1].group(0).endswith(("'s", "’s")):
                break
            word = matches[end].group(0)
            if word.rstrip(".").lower() in _DATE_WORDS:
                break  # "in Orlando June 18", "Trump Tuesday": a date follows the name
            if _capitalised(word):
                end += 1
            elif (
                word.isdigit()
                and len(word) <= 4
                and end - start == 1
                and matches[start].group(0).lower() not in _NOT_NAME_BEFORE_NUMBER
            ):
                end += 1  # "Terminal 21", "Apollo 11": a number that is part of the name
            elif word in _CONNECTORS and end + 1 < len(matches) and _capitalised(matches[end + 1].group(0)):
                end += 2
            else:
                break
        tokens = [matches[i].group(0) for i in range(start, end)]
        last = tokens[-1]
        possessive = last.endswith(("'s", "’s"))
        if possessive:
            tokens[-1] = last[:-2]
        tokens = [t.rstrip(".") if t not in _ALIASES else t for t in tokens]
        before_index = start - 1
        if before_index > 0 and matches[before_index].group(0).lower() == "the":
            before_index -= 1  # "in the Middle East": the preposition is what tells
        before = matches[before_index].group(0).lower() if before_index >= 0 else ""
        after = matches[end].group(0).lower() if end < len(matches) else ""
        # "Tesla CEO Elon Musk": the words before an inner title name whom the person works for
        inner = next((i for i in range(1, len(tokens) - 1) if _is_title_word(tokens[i])), None)
        if inner is not None and inner <= 3:
            employer = tokens[:inner]
            # ... unless they are a place: "Massachusetts Sen. Elizabeth Warren" uses it as an adjective
            if not any(_is_title_word(t) for t in employer) and " ".join(employer) not in places():
                found.append(_Candidate(employer, before, tokens[inner].lower(), start == 0, False))
        found.append(_Candidate(tokens, before, after, start == 0, possessive))
        index = end
    return found


# Words a number follows without being part of a name ("June 3", "Page 4", "Article 5").
_NOT_NAME_BEFORE_NUMBER = (
    MONTH_NAMES
    | WEEKDAY_NAMES
    | frozenset(
        [
            *("page", "article", "section", "chapter", "figure", "table", "version", "step", "phase", "room", "level"),
            *("windows", "python", "android", "ios", "covid"),
        ]
    )
)
# Full month names ("May" is also a surname) and weekdays: a date after a name is not part of it.
_DATE_WORDS = frozenset(
    [
        *("january", "february", "march", "april", "june", "july", "august"),
        *("september", "october", "november", "december"),
    ]
) | frozenset(WEEKDAY_NAMES)
_NAME_PARTICLE = re.compile(r"^(?:al|el|ul|bin|ibn|abu|de|di|van|von|mc|o)[-'’][A-Z]")


def _capitalised(token: str) -> bool:
    """A name-like token: capitalised, or an Arabic/Dutch particle name; not 'Iran-backed'."""
    # (in this order because it runs on every word of every sentence: most words are neither)
    if token[:1].isupper():
        return "-" not in token or not any(part[:1].islower() for part in token.split("-")[1:])
    return ("-" in token or "'" in token or "’" in token) and _NAME_PARTICLE.match(token) is not None


def _classify(candidate: _Candidate, lowercase_words: set[str]) -> tuple[str | None, str]:
    tokens = list(candidate.tokens)
    titled = False
    while len(tokens) > 1 and _starts_with_title(tokens):
        tokens.pop(0)
        titled = True
    while tokens and tokens[0].lower() in {"the", "a", "an"}:
        tokens.pop(0)
    # "Duke of York", "Prince of Wales": a title held of a place names no one by itself
    if len(tokens) >= 3 and _is_title_word(tokens[0]) and tokens[1].lower() == "of":
        return None, ""
    # "U.S. Attorney Geoffrey Berman", "Tesla CEO Elon Musk", "Police Lieutenant-Colonel Mongkol
    # Kuptasiri": the name is what follows the last title in the run
    titles_at = [i for i, t in enumerate(tokens[:-1]) if _is_title_word(t)]
    if titles_at and len(tokens) - titles_at[-1] - 1 >= 2:
        tokens = tokens[titles_at[-1] + 1 :]
        titled = True
    has_organisation_word = any(t.lower() in _ORGANISATION_WORDS for t in tokens)
    if (
        len(tokens) > 1
        and candidate.sentence_start
        and not titled  # after a title the first word is a given name, not the sentence's opener
        and not has_organisation_word
        and (tokens[0].lower() in lowercase_words or is_common_word(tokens[0], 3000))
    ):
        tokens.pop(0)
    while len(tokens) > 1 and _is_demonym(tokens[0]) and not has_organisation_word:
        tokens.pop(0)
        # "Ruritanian President Anna Berger": the nationality stood before the title
        while len(tokens) > 1 and _starts_with_title(tokens):
            tokens.pop(0)
            titled = True
    while tokens and tokens[0].lower() in _CONNECTORS:
        tokens.pop(0)
    while tokens and tokens[-1].lower() in _CONNECTORS:
        tokens.pop()
    if len(tokens) == 1 and tokens[0].lower() in _TITLES:
        return None, ""
    if not tokens:
        return None, ""
    name = " ".join(tokens)
    lowered = [t.lower() for t in tokens]
    if name in _ALIASES:
        if not candidate.possessive and candidate.after[:1].isalpha() and candidate.after not in _AFTER_PLACE:
            return None, ""  # "U.S. prosecutor", "US politicians": an adjective, not a mention of the place
        return _ALIASES[name], "place"
    if len(tokens) == 1 and (lowered[0] in _NOT_NAMES or _is_demonym(tokens[0])):
        return None, ""
    if any(word in _ORGANISATION_WORDS for word in lowered):
        return name, "organisation"
    if (
        len(tokens) <= 3
        and not titled
        and ((len(tokens) == 1 and candidate.after in _ORGANISATION_AFTER) or candidate.before in _ORGANISATION_BEFORE)
    ):
        return name, "organisation"
    if len(tokens) == 1 and candidate.after in {"daily", "newspaper"} and not titled:
        return name, "organisation"  # "Hurriyet daily said"
    if any(word in _FACILITY_WORDS for word in lowered[1:]) or (len(tokens) > 1 and lowered[0] in _FACILITY_WORDS):
        return name, "place"
    # "Turkey" is also a bird: a common word counts as the country inside a sentence, not at its start
    country_like = name in places() and (not is_common_word(name, 3000) or not candidate.sentence_start)
    if len(tokens) == 1:
        word = tokens[0]
        common = is_common_word(word, _COMMON_RANK) and not country_like
        if common and not titled and (candidate.sentence_start or word.lower() in lowercase_words):
            return None, ""
        if common and not titled and candidate.before not in _LOCATIVE and candidate.after not in _PERSON_VERBS:
            return None, ""
        # "Opponents argued ...": a known English word opening a sentence, with no cue, is a word.
        if (
            candidate.sentence_start
            and not titled
            and not candidate.possessive
            and not country_like
            and candidate.after not in _PERSON_VERBS
            and is_common_word(word, 12000)
        ):
            return None, ""
    if tokens[0].isupper() and 2 <= len(tokens[0]) <= 6 and len(tokens) == 1 and not titled:
        return name, "organisation"
    if titled or candidate.before in _PERSON_BEFORE:
        return name, "person"
    if country_like or (name in places() and candidate.before in _LOCATIVE):
        return name, "place"
    if candidate.after in _PERSON_VERBS or candidate.possessive:
        return name, "person?"
    if candidate.before in _LOCATIVE:
        return name, "place?"
    if 2 <= len(tokens) <= 4 and not any(is_common_word(t, 2000) for t in tokens):
        return name, "person"
    return name, "unknown"


# Words that make a title of the title after them: "Prime Minister", "Vice President".
_TITLE_QUALIFIERS = frozenset(
    [
        "prime",
        "vice",
        "deputy",
        "foreign",
        "defence",
        "defense",
        "interior",
        "finance",
        "health",
        "chief",
        "acting",
        "former",
        "interim",
        "supreme",
        "crown",
        "attorney",
        "secretary",
    ]
)


def _is_title_word(token: str) -> bool:
    parts = token.lower().rstrip(".").split("-")
    return any(part in _TITLES or part in _RANKS for part in parts)


def _starts_with_title(tokens: list[str]) -> bool:
    first = tokens[0].lower()
    if first in _TITLES:
        return True
    return first in _TITLE_QUALIFIERS and len(tokens) > 2 and tokens[1].lower() in _TITLES


def _is_demonym(word: str) -> bool:
    return word.endswith(("ian", "ians", "ese", "ish", "ean", "eans", "ans", "ic", "i")) and word not in places()


def _decide(votes: Counter[str]) -> str:
    """Firm cues beat weak ones ('person?'), which beat no cue at all."""
    for kind in ("person", "place", "organisation"):
        if votes[kind]:
            best = max(("person", "place", "organisation"), key=lambda k: (votes[k], k == kind))
            return best
    for weak, kind in (("person?", "person"), ("place?", "place")):
        if votes[weak] and votes[weak] >= votes["place?" if weak == "person?" else "person?"]:
            return kind
    return "unknown"


def _merge_aliases(kinds: dict[str, str], mentions: Counter[str]) -> None:
    """'Jensen' is 'Clara Jensen' when the text names her in full: count them as one."""
    full_names = [n for n, k in kinds.items() if k == "person" and " " in n]
    for name in list(kinds):
        if " " in name or kinds[name] not in {"person", "unknown"}:
            continue
        owners = [full for full in full_names if full.split()[-1] == name or full.split()[-1].split("-")[-1] == name]
        if len(owners) == 1:
            mentions[owners[0]] += mentions.pop(name)
            del kinds[name]


# A specification names its headers, types and identifiers in capitals: "Content-Length",
# "If-Modified-Since", "WebSocket Connection", "RFC 2068", "ETag" were an HTTP and a WebSocket
# RFC's "people" and "places". Such a token names no person and no place: joined by hyphens, with
# a capital inside a word, or with a digit in it; nor does a lone letter.
_IDENTIFIER_TOKEN = re.compile(r"[-‐]|[a-z][A-Z]|^[A-Z]{2,}[a-z]|\d")


def without_identifiers(entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """The people or places of a specification, less the names that are identifiers."""
    return tuple(
        entity
        for entity in entities
        if len(entity.name) > 1 and not any(_IDENTIFIER_TOKEN.search(token) for token in entity.name.split())
    )
