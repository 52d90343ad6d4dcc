"""Tests of the scoring protocol in chorus/evaluate.py (scoring tests skip without rouge-score)."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from chorus import evaluate as ev
from chorus.errors import ChorusInputError

needs_rouge = pytest.mark.skipif(
    importlib.util.find_spec("rouge_score") is None, reason="rouge-score is not installed (the bench extra)"
)

REFERENCE = "The earthquake struck the coastal city at dawn, killing at least forty people and injuring hundreds."
OTHER = "Rescue teams searched collapsed buildings through the night as aftershocks shook the region."


@needs_rouge
def test_identical_candidate_scores_100() -> None:
    scores = ev.rouge_scores(REFERENCE, [REFERENCE], words=100)
    assert set(scores) == set(ev.METRICS)
    for value in scores.values():
        assert value == pytest.approx(100.0)


@needs_rouge
def test_disjoint_candidate_scores_0() -> None:
    scores = ev.rouge_scores("zebra quantum violin", [REFERENCE], words=100)
    assert scores["rouge1_recall"] == 0.0
    assert scores["rouge2_f1"] == 0.0
    assert scores["rougeL_recall"] == 0.0


@needs_rouge
def test_values_are_percentages() -> None:
    half = " ".join(REFERENCE.split()[:8])
    scores = ev.rouge_scores(half, [REFERENCE], words=100)
    assert 0.0 < scores["rouge1_recall"] < 100.0
    assert scores["rouge1_recall"] == pytest.approx(100.0 * 8 / 16)  # 16 reference tokens after tokenising
    assert scores["rouge1_f1"] > scores["rouge1_recall"]  # precision is 100


@needs_rouge
def test_stemmer_is_used() -> None:
    scores = ev.rouge_scores("earthquakes strike cities", ["earthquake struck city"], words=100)
    # "earthquakes"/"earthquake" and "cities"/"city" match only through the Porter stemmer.
    assert scores["rouge1_recall"] == pytest.approx(100.0 * 2 / 3)


@needs_rouge
def test_candidate_is_truncated_to_the_budget() -> None:
    reference = "alpha beta gamma delta"
    # The matching words sit after the first three tokens: truncation must hide them.
    candidate = "one two three alpha beta gamma delta"
    assert ev.rouge_scores(candidate, [reference], words=3)["rouge1_recall"] == 0.0
    assert ev.rouge_scores(candidate, [reference], words=7)["rouge1_recall"] == pytest.approx(100.0)


@needs_rouge
def test_references_are_truncated_to_the_budget() -> None:
    reference = "alpha beta gamma delta epsilon zeta eta theta"
    candidate = "alpha beta gamma delta"
    # Cut to 4 words, the reference is exactly the candidate; uncut, only half of it is recalled.
    assert ev.rouge_scores(candidate, [reference], words=4)["rouge1_recall"] == pytest.approx(100.0)
    assert ev.rouge_scores(candidate, [reference], words=8)["rouge1_recall"] == pytest.approx(50.0)


def test_truncation_counts_whitespace_tokens() -> None:
    assert ev.truncate("  a  b\nc\td e ", 3) == "a b c"
    assert ev.truncate("a b", 10) == "a b"
    assert ev.truncate("a b", 0) == ""


@needs_rouge
def test_matches_rouge_score_on_truncated_texts() -> None:
    from rouge_score import rouge_scorer

    candidate = OTHER + " " + REFERENCE
    scores = ev.rouge_scores(candidate, [REFERENCE], words=12)
    direct = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True).score(
        " ".join(REFERENCE.split()[:12]), " ".join(candidate.split()[:12])
    )
    for kind in ("rouge1", "rouge2", "rougeL"):
        assert scores[f"{kind}_recall"] == pytest.approx(100 * direct[kind].recall)
        assert scores[f"{kind}_f1"] == pytest.approx(100 * direct[kind].fmeasure)


@needs_rouge
def test_scores_average_over_references() -> None:
    both = ev.rouge_scores(REFERENCE, [REFERENCE, OTHER], words=100)
    alone = ev.rouge_scores(REFERENCE, [REFERENCE], words=100)
    other = ev.rouge_scores(REFERENCE, [OTHER], words=100)
    for key in ev.METRICS:
        assert both[key] == pytest.approx((alone[key] + other[key]) / 2)
    assert both["rouge1_recall"] < 100.0


@needs_rouge
def test_a_single_string_reference_is_accepted() -> None:
    assert ev.rouge_scores(REFERENCE, REFERENCE, words=100)["rouge2_recall"] == pytest.approx(100.0)  # type: ignore[arg-type]


@needs_rouge
def test_evaluate_averages_over_clusters() -> None:
    pairs = [(REFERENCE, [REFERENCE]), ("zebra quantum violin", [REFERENCE])]
    result = ev.evaluate(pairs, words=100)
    assert result["clusters"] == 2
    for key in ev.METRICS:
        assert result[key] == pytest.approx(50.0)


@needs_rouge
def test_evaluate_accepts_a_generator() -> None:
    result = ev.evaluate(((REFERENCE, [REFERENCE]) for _ in range(3)), words=50)
    assert result["clusters"] == 3
    assert result["rougeL_recall"] == pytest.approx(100.0)


def test_bad_input_raises_clear_errors() -> None:
    with pytest.raises(ChorusInputError, match="reference"):
        ev.rouge_scores(REFERENCE, [], words=100)
    with pytest.raises(ChorusInputError, match="budget"):
        ev.rouge_scores(REFERENCE, [REFERENCE], words=0)
    with pytest.raises(ChorusInputError, match="nothing to evaluate"):
        ev.evaluate([], words=100)


def test_missing_rouge_score_raises_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    ev._scorer.cache_clear()
    # A None entry in sys.modules makes "import rouge_score" raise ImportError.
    monkeypatch.setitem(sys.modules, "rouge_score", None)
    monkeypatch.setitem(sys.modules, "rouge_score.rouge_scorer", None)
    try:
        with pytest.raises(ChorusInputError) as caught:
            ev.rouge_scores(REFERENCE, [REFERENCE], words=100)
        assert str(caught.value) == "ROUGE scoring needs the bench extra: pip install 'chorus[bench]'"
        assert isinstance(caught.value, ValueError)
    finally:
        ev._scorer.cache_clear()


@pytest.mark.parametrize(
    ("name", "budget"),
    [
        ("duc2006", 250),
        ("duc2007", 250),
        ("DUC2007", 250),
        ("../shared/data/duc2006.jsonl", 250),
        ("multinews", 260),
        ("multinews_sample.jsonl", 260),
        ("multi_news", 260),
        ("hidden_generic", 100),
        ("ecbplus_events", 100),
        ("", 100),
    ],
)
def test_default_budget(name: str, budget: int) -> None:
    assert ev.default_budget(name) == budget
