"""Build the integrity stage's shipped data: word synonyms and the tortured-phrase table.

Run from the repository root (needs Debian's wordnet-base in /usr/share/wordnet):

    python tools/build_thesaurus.py

Writes two files into ``src/kickoff/data/``:

* ``synonyms.txt`` — for each of the 60,000 most frequent English words, its synonyms in the
  first WordNet sense of the word (Debian's wordnet-base, WordNet 3.0, Princeton licence), in the
  same inflection ("fingers" -> "hands", "advised" -> "told"). Later senses are rare readings
  ("navy" the colour) and only add noise: every sense adds about a third more candidates per word
  for a few points of coverage of the evaluation spinner's swaps (eval/integrity.py prints the
  shipped coverage). The evaluation's spinner table was written by hand, so its figures do not
  measure WordNet against itself.
* ``tortured_phrases.txt`` — the Problematic Paper Screener's tortured phrase -> expected phrase
  pairs (CC BY 4.0, Cabanac, Labbé & Magazinov), simplified: boolean query syntax removed, entries
  whose "tortured" side is ordinary English (a frequent bigram) or has an uncertain original dropped.
  Word-for-word pairs from that list ("counterfeit"->"artificial") go into the third column of
  ``synonyms.txt`` as evidence of the substitutions that spinners really make. A fourth column
  gives the word's parts of speech in WordNet: an adverb that is only an adverb ("overly",
  "truly") modifies almost any word, so a missing pair of it says little (see
  ``kickoff.integrity.spinner``).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kickoff.lexicon import bigram_counts, word_ranks  # noqa: E402

PPS_JSON = ROOT / "data" / "tortured-phrases" / "pps_tortured_phrases_torturedcheck.json"
OUT = ROOT / "src" / "kickoff" / "data"

WORDNET = Path("/usr/share/wordnet")  # Debian's wordnet-base (WordNet 3.0, Princeton licence)
SENSES_PER_LEMMA = 1  # later senses are rare readings ("navy" the colour); they only add noise
VOCABULARY_SIZE = 60_000  # spun words and originals outside this are too rare to judge by counts
WORD = re.compile(r"^[a-z]+$")
POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}
PART_LETTERS = {part: letter for letter, part in POS_FILES.items() if letter != "s"}  # "s": satellite adjectives


def same_stem(first: str, second: str) -> bool:
    """Inflections ('hand'/'hands') are not substitutions a spinner makes; skip them."""
    shared = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        shared += 1
    return shared >= max(3, min(len(first), len(second)) - 2)


def read_synsets(part: str, pointer_types: tuple[str, ...] = ("&",)) -> dict[str, tuple[list[str], list[str]]]:
    """offset -> (single-word lemmas, offsets of the related synsets).

    Related means 'similar to' (``&``) unless ``pointer_types`` names more WordNet pointers
    (``@`` hypernym, ``~`` hyponym): the training spinner reaches further than the thesaurus."""
    synsets: dict[str, tuple[list[str], list[str]]] = {}
    for line in (WORDNET / f"data.{part}").read_text("latin-1").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split(" | ", 1)[0].split()
        offset, count = fields[0], int(fields[3], 16)
        lemmas = [re.sub(r"\(.*\)$", "", fields[4 + 2 * i]).lower() for i in range(count)]
        rest = fields[4 + 2 * count :]
        pointers = int(rest[0])
        similar = [rest[1 + 4 * i + 1] for i in range(pointers) if rest[1 + 4 * i] in pointer_types]
        synsets[offset] = ([lemma for lemma in lemmas if WORD.match(lemma)], similar)
    return synsets


def inflections(lemma: str, pos: str, irregular: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(form, tag) pairs so that 'fingers' finds 'hands' and 'advised' finds 'told'."""
    forms = [(lemma, "base")]
    if pos == "n":
        plural = (
            lemma[:-1] + "ies"
            if re.search(r"[^aeiou]y$", lemma)
            else lemma + ("es" if re.search(r"(s|x|z|ch|sh)$", lemma) else "s")
        )
        forms.append((plural, "plural"))
    elif pos == "v":
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        third = (
            lemma[:-1] + "ies"
            if re.search(r"[^aeiou]y$", lemma)
            else lemma + ("es" if re.search(r"(s|x|z|ch|sh|o)$", lemma) else "s")
        )
        past = (
            lemma + "d"
            if lemma.endswith("e")
            else (lemma[:-1] + "ied" if re.search(r"[^aeiou]y$", lemma) else lemma + "ed")
        )
        forms += [(third, "third"), (stem + "ing", "ing")]
        for form in irregular.get(lemma, [past]):
            forms.append((form, "past"))
    return forms


def wordnet_synonyms(
    vocabulary: set[str], pointer_types: tuple[str, ...] = ("&",), parts: dict[str, set[str]] | None = None
) -> dict[str, set[str]]:
    """word form -> its synonyms; fills ``parts`` (when given) with each form's WordNet parts of speech."""
    irregular: dict[str, list[str]] = defaultdict(list)
    for line in (WORDNET / "verb.exc").read_text("latin-1").splitlines():
        form, lemma = line.split()[:2]
        if not form.endswith("ing") and not form.endswith("s"):
            irregular[lemma].append(form)
    synonyms: dict[str, set[str]] = defaultdict(set)
    for part in ("noun", "verb", "adj", "adv"):
        synsets = read_synsets(part, pointer_types)
        for line in (WORDNET / f"index.{part}").read_text("latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            lemma, pos = fields[0], fields[1]
            if not WORD.match(lemma):
                continue
            offsets = fields[-int(fields[2]) :][:SENSES_PER_LEMMA]
            related: set[str] = set()
            for offset in offsets:
                lemmas, similar = synsets[offset]
                related.update(lemmas)
                for other in similar:
                    related.update(synsets[other][0])
            related.discard(lemma)
            for form, tag in inflections(lemma, pos, irregular):
                if form not in vocabulary:
                    continue
                if parts is not None:
                    parts[form].add(PART_LETTERS[part])
                for other in related:
                    for other_form, other_tag in inflections(other, pos, irregular):
                        if other_tag == tag and other_form in vocabulary and not same_stem(form, other_form):
                            synonyms[form].add(other_form)
    return synonyms


def simplify_pps(raw: str) -> str | None:
    """The PPS list keeps search syntax; keep plain phrases only."""
    text = raw.strip().strip('"').strip()
    if any(mark in text for mark in ('"', " AND ", " NOT ", " OR ", "~", "*", "(", ")")):
        return None
    text = re.sub(r"[\s-]+", " ", text).lower()  # kickoff's tokens split at hyphens too
    return text if re.fullmatch(r"[a-z][a-z ]*[a-z]", text) else None


def tortured_pairs() -> list[tuple[str, str]]:
    data = json.loads(PPS_JSON.read_text("utf-8"))
    bigrams = bigram_counts()
    pairs: dict[str, str] = {}
    for entry in data["phrases"]:
        tortured = simplify_pps(entry["tortured"])
        original = (entry["correct"] or "").strip()
        if tortured is None or not original or "?" in original or len(tortured.split()) < 2:
            continue
        original = re.sub(r"\s*\([^)]*\)", "", original).split("/")[0].strip().lower()
        if not original or _inflection_only(tortured, original):
            continue
        # Split boolean queries left some correct phrases on the tortured side ("neural network").
        if tortured == original or tortured in bigrams:
            continue
        pairs.setdefault(tortured, original)
    return sorted(pairs.items())


def _inflection_only(tortured: str, original: str) -> bool:
    """'smart device' for 'smart devices' is a query variant in the list, not a tortured phrase."""
    first, second = tortured.split(), original.split()
    return len(first) == len(second) and all(a == b or same_stem(a, b) for a, b in zip(first, second, strict=True))


def substitution_pairs(pairs: list[tuple[str, str]]) -> dict[str, Counter[str]]:
    """spun word -> originals it replaced, from equal-length tortured/original pairs."""
    found: dict[str, Counter[str]] = defaultdict(Counter)
    for tortured, original in pairs:
        spun_words, original_words = tortured.split(), original.split()
        if len(spun_words) != len(original_words):
            continue
        for spun, source in zip(spun_words, original_words, strict=True):
            if spun != source and WORD.match(spun) and WORD.match(source) and not same_stem(spun, source):
                found[spun][source] += 1
    return found


def main() -> None:
    ranks = word_ranks()
    vocabulary = {w for w, r in ranks.items() if r <= VOCABULARY_SIZE and WORD.match(w)}
    parts: dict[str, set[str]] = defaultdict(set)
    synonyms = wordnet_synonyms(vocabulary, parts=parts)
    pairs = tortured_pairs()
    substitutions = substitution_pairs(pairs)
    lines = [
        "# word<TAB>WordNet synonyms (same inflection)<TAB>originals this word replaced in PPS tortured phrases"
        "<TAB>the word's parts of speech in WordNet (n noun, v verb, a adjective, r adverb)"
    ]
    for word in sorted(set(synonyms) | set(substitutions)):
        seen = [source for source, _ in sorted(substitutions.get(word, Counter()).items(), key=lambda i: (-i[1], i[0]))]
        near = sorted(synonyms.get(word, set()), key=lambda other: (ranks.get(other, 10**9), other))
        tags = "".join(letter for letter in "nvar" if letter in parts.get(word, ()))
        lines.append(f"{word}\t{' '.join(near[:15])}\t{' '.join(seen[:8])}\t{tags}")
    (OUT / "synonyms.txt").write_text("\n".join(lines) + "\n", "utf-8")
    table = ["# tortured phrase<TAB>expected phrase (PPS, CC BY 4.0, Cabanac, Labbé & Magazinov)"]
    table += [f"{tortured}\t{original}" for tortured, original in pairs]
    (OUT / "tortured_phrases.txt").write_text("\n".join(table) + "\n", "utf-8")
    print(f"synonyms: {len(synonyms)} words; PPS substitutions: {len(substitutions)} words; tortured: {len(pairs)}")


if __name__ == "__main__":
    main()
