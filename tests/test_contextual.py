"""The contextual replaced-token model: the numpy encoder, the detector, and how a run uses it.

The sentences here are written for the tests: they show the mechanics (a swapped word scores
higher than the word it replaced), never accuracy. Accuracy is measured on real spun copies by
eval/content_farm.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from conftest import document_from_text
from kickoff.cli import EXIT_USAGE, main
from kickoff.config import Config
from kickoff.integrity import assess_document
from kickoff.integrity.encoder import EncoderUnavailable, available, load_encoder

needs_model = pytest.mark.skipif(not available(), reason="the contextual model is not installed (make installs it)")


@needs_model
def test_numpy_encoder_gives_the_published_sentence_similarity() -> None:
    """Mean-pooled last layer, as sentence-transformers pools all-MiniLM-L6-v2: its documentation
    gives 0.7553 for these two sentences, so the forward pass matches the reference one."""
    encoder = load_encoder()

    def embedding(text: str) -> np.ndarray:
        vector = encoder.encode(text).layers[-1].mean(axis=0)
        return vector / np.linalg.norm(vector)

    similar = float(embedding("A man is eating food.") @ embedding("A man is eating a piece of bread."))
    unrelated = float(embedding("A man is eating food.") @ embedding("The girl is carrying a baby."))
    assert similar == pytest.approx(0.7553, abs=1e-3)
    assert unrelated < 0.0


@needs_model
def test_a_word_put_in_by_a_spinner_scores_higher_than_the_word_it_replaced() -> None:
    from kickoff.integrity.contextual import load_detector

    original = "The two presidents shook hands before their talks in the capital on Tuesday."
    spun = "The two presidents shook fingers before their talks in the capital on Tuesday."
    scores = load_detector().score([original, spun])
    written = {w.text: w.probability for w in scores[0]}
    swapped = {w.text: w.probability for w in scores[1]}
    assert swapped["fingers"] > written["hands"]


@needs_model
def test_a_batch_gives_each_sentence_the_scores_it_gets_alone() -> None:
    """Padding never leaks into a sentence: scores in a batch equal scores one at a time."""
    from kickoff.integrity.contextual import load_detector

    sentences = [
        "A short sentence about the weather.",
        "A much longer sentence that says rather more about the weather today.",
    ]
    detector = load_detector()
    together = detector.score(sentences)
    for sentence, batched in zip(sentences, together, strict=True):
        alone = detector.score([sentence])[0]
        assert [w.probability for w in alone] == pytest.approx([w.probability for w in batched], abs=1e-3)


def _fake_model(monkeypatch: pytest.MonkeyPatch, flagged: set[str]) -> None:
    """The detector replaced by one that flags the given words, so that the gate is tested alone."""
    from kickoff.integrity import contextual
    from kickoff.integrity.suspects import Suspect

    def find(sentences: list[str], scores: object = None) -> list[list[Suspect]]:
        return [
            [
                Suspect(
                    m.start(), m.end(), m.group(0), "spinner substitution", None, 0.9, "the contextual model gives 0.90"
                )
                for m in re.finditer(r"[a-z]+", sentence)
                if m.group(0) in flagged
            ]
            for sentence in sentences
        ]

    monkeypatch.setattr(contextual, "find_replaced_words", find)
    monkeypatch.setattr(contextual, "score_sentences", lambda sentences: [None] * len(sentences))


SENTENCE = "The two presidents shook fingers before their talks in the capital on Tuesday. "


def test_the_models_words_are_reported_only_where_they_are_dense_enough_to_judge_the_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A few likely replaced words in a long clean text are chance: nothing reported, verdict
    clean. The same words densely make the verdict, and then each is shown with its reason."""
    _fake_model(monkeypatch, {"fingers"})
    sparse = assess_document(
        document_from_text(SENTENCE * 3 + "A plain sentence with nothing odd in it at all. " * 60), True
    )
    assert sparse.integrity is not None
    assert sparse.integrity.verdict == "clean"
    assert not sparse.integrity.findings
    dense = assess_document(document_from_text(SENTENCE * 5), True)
    assert dense.integrity is not None
    assert dense.integrity.verdict == "spun"
    assert [f.span for f in dense.integrity.findings] == ["fingers"] * 5
    assert all(f.kind == "spinner substitution" and "contextual model" in f.evidence for f in dense.integrity.findings)
    without = assess_document(document_from_text(SENTENCE * 5), False)
    assert without.integrity is not None
    assert without.integrity.verdict == "clean"


def test_requiring_the_model_where_it_is_not_installed_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KICKOFF_ENCODER_DIR", str(tmp_path / "no-model-here"))
    assert not available()
    with pytest.raises(EncoderUnavailable, match="pip install"):
        _ = Config(
            bundle=tmp_path, index_path=None, questions_path=None, json_path=None, contextual_model=True
        ).uses_contextual_model
    assert not Config(bundle=tmp_path, index_path=None, questions_path=None, json_path=None).uses_contextual_model
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "a.txt").write_text("The system shall log every request.\n", encoding="utf-8")
    assert main([str(bundle), "--contextual", "--no-store", "--output-dir", str(tmp_path / "out")]) == EXIT_USAGE
    assert "--contextual: the contextual model is not installed" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_leaving_the_model_out_is_always_possible(tmp_path: Path) -> None:
    config = Config(bundle=tmp_path, index_path=None, questions_path=None, json_path=None, contextual_model=False)
    assert config.uses_contextual_model is False


def test_a_specification_needs_twice_the_density_to_be_judged_spun(monkeypatch: pytest.MonkeyPatch) -> None:
    """Spinners rewrite web articles: a specification, with lower prior odds of being spun, needs
    stronger evidence. The same flagged words that condemn a news-like text leave it clean."""
    import dataclasses

    from kickoff.integrity import contextual

    _fake_model(monkeypatch, {"fingers"})
    text = SENTENCE * 3 + "A plain sentence with nothing odd in it at all, for the record. " * 8
    document = document_from_text(text)
    assert document.profile is not None
    as_news = dataclasses.replace(document, profile=dataclasses.replace(document.profile, kind="news"))
    as_specification = dataclasses.replace(
        document, profile=dataclasses.replace(document.profile, kind="specification")
    )
    words = len(text.split())
    assert contextual.DOCUMENT_DENSITY <= 1000 * 3 / words < contextual.SPECIFICATION_DENSITY
    news = assess_document(as_news, True).integrity
    specification = assess_document(as_specification, True).integrity
    assert news is not None and specification is not None
    assert news.verdict == "spun"
    assert specification.verdict == "clean"


def test_the_index_and_the_json_say_whether_the_model_read_the_wording(tmp_path: Path) -> None:
    """Two runs of one bundle, with and without the model, may judge a copy differently: the
    outputs say which detectors judged it."""
    import json

    from kickoff.pipeline import run

    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "a.txt").write_text("The system shall log every request within two seconds.\n", encoding="utf-8")
    config = Config(
        bundle=bundle,
        index_path=tmp_path / "INDEX.md",
        questions_path=None,
        json_path=tmp_path / "kickoff.json",
        contextual_model=False,
    )
    analysis = run(config)
    assert analysis.contextual_model is False
    assert "checked by word-pair counts only" in (tmp_path / "INDEX.md").read_text("utf-8")
    assert json.loads((tmp_path / "kickoff.json").read_text("utf-8"))["contextual_model"] is False


def test_a_damaged_model_is_named_with_its_reason_and_nothing_is_written(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A model folder whose files are there but unreadable fails the run at once, with the
    folder and the reason, and writes nothing: never a traceback from a worker mid-run."""
    from kickoff.integrity import contextual, encoder

    pytest.importorskip("tokenizers")
    pytest.importorskip("safetensors")
    broken = tmp_path / "broken-model"
    broken.mkdir()
    (broken / "model.safetensors").write_bytes(b"not weights")
    (broken / "tokenizer.json").write_text("{}", encoding="utf-8")
    monkeypatch.setenv("KICKOFF_ENCODER_DIR", str(broken))
    encoder.load_encoder.cache_clear()
    contextual.load_detector.cache_clear()
    try:
        bundle = tmp_path / "bundle"
        bundle.mkdir()
        (bundle / "a.txt").write_text("The system shall log every request.\n", encoding="utf-8")
        out = tmp_path / "out"
        assert main([str(bundle), "--no-store", "--output-dir", str(out)]) == EXIT_USAGE
        error = capsys.readouterr().err
        assert f"the contextual model in {broken} cannot be read" in error
        assert "--no-contextual" in error
        assert "Traceback" not in error
        assert not out.exists() or not any(out.iterdir())
    finally:
        encoder.load_encoder.cache_clear()
        contextual.load_detector.cache_clear()


def test_a_word_pair_finding_stands_only_where_the_model_also_finds_the_word_out_of_place(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The word pairs see two neighbours, the model the sentence: with the model, a word it finds
    in place is no swap. A sentence too short for the model keeps the word pairs' judgement."""
    from kickoff.integrity import contextual

    sentence = "MIR is organized into a control-flow graph rather than a syntax tree."
    start = sentence.index("graph")

    def scores(probability: float) -> None:
        word = contextual.ScoredWord(start, start + len("graph"), "graph", probability)
        monkeypatch.setattr(contextual, "score_sentences", lambda sentences: [[word] for _ in sentences])
        monkeypatch.setattr(contextual, "find_replaced_words", lambda sentences, scores=None: [[] for _ in sentences])

    scores(contextual.CONFIRMATION / 2)
    in_place = assess_document(document_from_text(sentence), True)
    assert in_place.integrity is not None
    assert in_place.integrity.findings == ()
    scores(contextual.CONFIRMATION)
    out_of_place = assess_document(document_from_text(sentence), True)
    assert out_of_place.integrity is not None
    assert [f.span for f in out_of_place.integrity.findings] == ["graph"]
    monkeypatch.setattr(contextual, "score_sentences", lambda sentences: [None for _ in sentences])
    unjudged = assess_document(document_from_text(sentence), True)
    assert unjudged.integrity is not None
    assert [f.span for f in unjudged.integrity.findings] == ["graph"]
    # The model never learnt to judge a capitalised word inside a sentence: its low score is no
    # opinion, and the word pairs' "Center" for "Middle" stands.
    name_like = "The leaders met within the Center East on Tuesday evening."
    at = name_like.index("Center")
    word = contextual.ScoredWord(at, at + len("Center"), "Center", 0.01)
    monkeypatch.setattr(contextual, "score_sentences", lambda sentences: [[word] for _ in sentences])
    capitalised = assess_document(document_from_text(name_like), True)
    assert capitalised.integrity is not None
    assert [(f.span, f.original) for f in capitalised.integrity.findings] == [("Center", "Middle")]


def test_a_replaced_word_the_document_keeps_using_is_found_once_not_never() -> None:
    """Real spinners swap from a fixed table, the same way at every place; a term of art repeats
    too. So a flagged word used more than twice is found once (its first place): evidence, but
    never a pile of it."""
    from kickoff.integrity.contextual import ScoredWord, find_replaced_words

    sentences = [SENTENCE.strip()] * 4 + ["Both leaders shook fingers again at the dinner that evening."]

    def scored(sentence: str) -> list[ScoredWord]:
        start = sentence.index("fingers")
        return [ScoredWord(start, start + len("fingers"), "fingers", 0.9)]

    found = find_replaced_words(sentences, [scored(s) for s in sentences])
    assert [len(each) for each in found] == [1, 0, 0, 0, 0]
    assert found[0][0].span == "fingers" and found[0][0].original is not None
    # used twice at most, the word is found at each place, as before
    found = find_replaced_words(sentences[:2], [scored(s) for s in sentences[:2]])
    assert [len(each) for each in found] == [1, 1]


def test_a_word_the_model_is_sure_of_counts_even_with_no_thesaurus_original() -> None:
    """Real spinners swap words WordNet does not list as synonyms: where the model is sure, the
    word counts, and the finding says its original is unknown; where it is less sure, a likely
    original must back it."""
    from kickoff.integrity.contextual import SURE_WITHOUT_ORIGINAL, ScoredWord, find_replaced_words
    from kickoff.integrity.suspects import Suspect

    sentence = "The committee will flurbish the proposal before the vote on Friday."
    start = sentence.index("flurbish")

    def found_at(probability: float) -> list[list[Suspect]]:
        words = [ScoredWord(start, start + len("flurbish"), "flurbish", probability)]
        return find_replaced_words([sentence], [words])

    sure = found_at(SURE_WITHOUT_ORIGINAL + 0.05)[0]
    assert len(sure) == 1
    assert sure[0].original is None and "no thesaurus neighbour" in sure[0].evidence
    assert found_at(SURE_WITHOUT_ORIGINAL - 0.2) == [[]]
