"""Selection: the coverage ILP is exact, respects the budget, and never pays twice for a concept."""

from __future__ import annotations

import itertools
import random
from types import SimpleNamespace

import numpy as np
import pytest

from chorus import select
from chorus.select import candidate_sentences, fill_budget, greedy_selection, lead_sentences, select_sentences


def covered_value(chosen: list[int], sentence_concepts: list[list[int]], weights: np.ndarray) -> float:
    covered = {c for j in chosen for c in sentence_concepts[j]}
    return float(sum(weights[c] for c in covered))


def brute_force_optimum(sentence_concepts: list[list[int]], lengths: np.ndarray, weights: np.ndarray, budget: int) -> float:
    best = 0.0
    n = len(sentence_concepts)
    for size in range(n + 1):
        for subset in itertools.combinations(range(n), size):
            if sum(lengths[j] for j in subset) <= budget:
                best = max(best, covered_value(list(subset), sentence_concepts, weights))
    return best


def density_greedy(sentence_concepts: list[list[int]], lengths: np.ndarray, weights: np.ndarray, budget: int) -> float:
    """The textbook greedy, written here independently: best new weight per word first."""
    chosen: list[int] = []
    left = budget
    while True:
        covered = {c for j in chosen for c in sentence_concepts[j]}
        gains = [
            (sum(weights[c] for c in set(sentence_concepts[j]) - covered) / lengths[j], j)
            for j in range(len(sentence_concepts))
            if j not in chosen and lengths[j] <= left
        ]
        gains = [g for g in gains if g[0] > 0]
        if not gains:
            return covered_value(chosen, sentence_concepts, weights)
        _, best = max(gains)
        chosen.append(best)
        left -= lengths[best]


# A knapsack trap: sentence 0 has the best value per word (7/6) but once it is in, nothing else
# fits in 10 words; sentences 1 and 2 together are worth 10.
TRAP_CONCEPTS = [[0], [1], [2]]
TRAP_LENGTHS = np.array([6, 5, 5])
TRAP_WEIGHTS = np.array([7.0, 5.0, 5.0])


def test_ilp_beats_greedy_on_a_knapsack_trap() -> None:
    assert brute_force_optimum(TRAP_CONCEPTS, TRAP_LENGTHS, TRAP_WEIGHTS, 10) == 10.0
    assert density_greedy(TRAP_CONCEPTS, TRAP_LENGTHS, TRAP_WEIGHTS, 10) == 7.0  # greedy is wrong here
    assert select_sentences(TRAP_CONCEPTS, TRAP_LENGTHS, TRAP_WEIGHTS, 10) == [1, 2]


def test_ilp_with_shared_concepts() -> None:
    # Concepts: 0 (w=4), 1 (w=4), 2 (w=3), 3 (w=3). Budget 10 words.
    # s0 = {0, 1} 10 words (8); s1 = {0, 2} 5 words (7); s2 = {1, 3} 5 words (7); s3 = {2, 3} 4 words (6).
    # Best: s1 + s2 covers all four concepts (14) in exactly 10 words.
    concepts = [[0, 1], [0, 2], [1, 3], [2, 3]]
    lengths = np.array([10, 5, 5, 4])
    weights = np.array([4.0, 4.0, 3.0, 3.0])
    assert brute_force_optimum(concepts, lengths, weights, 10) == 14.0
    chosen = select_sentences(concepts, lengths, weights, 10)
    assert chosen == [1, 2]


def test_a_sentence_comes_only_with_one_of_its_anchors() -> None:
    # s2 ("He also...") is the best value per word but needs s0 or s1 beside it; s3 needs nothing; s4 can never come.
    concepts = [[0], [1], [2, 3], [4], [5]]
    lengths = np.array([6, 5, 5, 5, 1])
    weights = np.array([2.0, 1.0, 5.0, 5.0, 3.0, 9.0])
    anchors = [None, None, [0, 1], None, []]
    assert select_sentences(concepts, lengths, weights, 10) == [2, 4]  # unconstrained
    assert select_sentences(concepts, lengths, weights, 10, anchors=anchors) == [1, 2]  # s2 with its cheaper anchor
    assert select_sentences(concepts, lengths, weights, 9, anchors=anchors) == [3]  # no room for s2 and an anchor


@pytest.mark.parametrize("seed", range(8))
def test_anchored_selection_is_optimal_on_random_instances(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, m = 8, 10
    concepts = [sorted(rng.choice(m, size=rng.integers(1, 4), replace=False).tolist()) for _ in range(n)]
    lengths = rng.integers(3, 12, size=n)
    weights = rng.uniform(0.5, 5.0, size=m)
    anchors: list[list[int] | None] = []
    for j in range(n):  # each anchored sentence needs one of up to two sentences before it (none before: never chosen)
        anchors.append(None if rng.random() < 0.6 else sorted(rng.choice(j, size=min(j, 2), replace=False).tolist()))

    def allowed(subset: tuple[int, ...]) -> bool:
        return all(anchors[j] is None or set(anchors[j]) & set(subset) for j in subset)

    best = max(
        covered_value(list(subset), concepts, weights)
        for size in range(n + 1)
        for subset in itertools.combinations(range(n), size)
        if sum(lengths[j] for j in subset) <= 25 and allowed(subset)
    )
    chosen = select_sentences(concepts, lengths, weights, 25, anchors=anchors)
    assert allowed(tuple(chosen)) and sum(lengths[j] for j in chosen) <= 25
    assert covered_value(chosen, concepts, weights) == pytest.approx(best, rel=2e-3)


def test_fill_budget_adds_an_anchored_sentence_only_after_its_anchor() -> None:
    concepts = [[0], [1], [2]]
    lengths = np.array([5, 3, 3])
    eligible = np.ones(3, dtype=bool)
    assert fill_budget([0], concepts, lengths, eligible, 8, anchors=[None, [2], None]) == [0, 2]
    assert fill_budget([0, 2], concepts, lengths, eligible, 11, anchors=[None, [2], None]) == [0, 1, 2]
    assert fill_budget([0], concepts, lengths, eligible, 11, anchors=[None, [], None]) == [0, 2]


@pytest.mark.parametrize("seed", range(12))
def test_ilp_is_optimal_and_within_budget_on_random_instances(seed: int) -> None:
    rng = random.Random(seed)
    n, m = rng.randint(3, 9), rng.randint(3, 12)
    concepts = [sorted(rng.sample(range(m), rng.randint(1, min(4, m)))) for _ in range(n)]
    lengths = np.array([rng.randint(3, 25) for _ in range(n)])
    weights = np.array([float(rng.choice([0, 1, 2, 3, 5, 8])) for _ in range(m)])
    budget = rng.randint(5, 60)
    chosen = select_sentences(concepts, lengths, weights, budget)
    assert chosen == sorted(set(chosen))
    assert sum(lengths[j] for j in chosen) <= budget
    assert covered_value(chosen, concepts, weights) == pytest.approx(brute_force_optimum(concepts, lengths, weights, budget))
    fallback = greedy_selection(concepts, lengths, weights, budget)
    assert sum(lengths[j] for j in fallback) <= budget
    assert covered_value(fallback, concepts, weights) <= covered_value(chosen, concepts, weights) + 1e-9


def test_budget_is_respected_exactly() -> None:
    concepts = [[0], [1], [2], [3]]
    lengths = np.array([4, 3, 3, 5])
    weights = np.array([1.0, 1.0, 1.0, 1.0])
    # 10 words fit exactly three sentences (4 + 3 + 3); any four would need 15.
    chosen = select_sentences(concepts, lengths, weights, 10)
    assert chosen == [0, 1, 2]
    assert sum(lengths[j] for j in chosen) == 10


def test_nothing_fits() -> None:
    assert select_sentences([[0], [1]], np.array([30, 40]), np.array([1.0, 1.0]), 20) == []
    assert greedy_selection([[0], [1]], np.array([30, 40]), np.array([1.0, 1.0]), 20) == []


def test_no_weighted_concepts() -> None:
    assert select_sentences([[0], [1]], np.array([3, 4]), np.array([0.0, 0.0]), 20) == []
    assert select_sentences([], np.array([]), np.array([]), 20) == []


def test_redundant_sentence_is_not_chosen_when_budget_is_tight() -> None:
    # s0 and s1 carry the same concepts; with room for two sentences, the ILP takes one of them and s2.
    concepts = [[0, 1], [0, 1], [2]]
    lengths = np.array([10, 10, 10])
    weights = np.array([1.0, 1.0, 1.0])
    chosen = select_sentences(concepts, lengths, weights, 20)
    assert 2 in chosen
    assert not {0, 1} <= set(chosen)


def test_redundant_sentences_are_never_both_chosen() -> None:
    concepts = [[0, 1], [0, 1], [2]]
    lengths = np.array([10, 12, 10])
    weights = np.array([1.0, 1.0, 1.0])
    chosen = select_sentences(concepts, lengths, weights, 100)
    assert 2 in chosen
    assert not {0, 1} <= set(chosen)


def test_greedy_fallback_is_used_when_the_solver_gives_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(select, "milp", lambda *args, **kwargs: SimpleNamespace(x=None, status=1))
    chosen = select_sentences(TRAP_CONCEPTS, TRAP_LENGTHS, TRAP_WEIGHTS, 10)
    assert chosen == greedy_selection(TRAP_CONCEPTS, TRAP_LENGTHS, TRAP_WEIGHTS, 10)
    assert sum(TRAP_LENGTHS[j] for j in chosen) <= 10


def test_greedy_selection_respects_the_budget_and_skips_covered_concepts() -> None:
    concepts = [[0, 1], [0, 1], [2], [3]]
    lengths = np.array([5, 5, 4, 9])
    weights = np.array([2.0, 2.0, 1.0, 1.0])
    # Density: s0 = s1 = 0.8, s2 = 0.25, s3 = 0.11. After s0, s1 adds nothing; s2 fits (9 words); s3 does not.
    chosen = greedy_selection(concepts, lengths, weights, 10)
    assert chosen == [0, 2]
    assert greedy_selection(concepts, lengths, weights, 4) == [2]


def test_candidates_are_eligible_valuable_and_densest_first() -> None:
    concepts = [[0], [0, 1], [2], [], [1, 2]]
    lengths = np.array([10, 10, 2, 5, 4])
    weights = np.array([1.0, 3.0, 2.0])
    eligible = np.array([True, True, True, True, False])
    # Values: 1, 4, 2, 0, 5 -> densities 0.1, 0.4, 1.0, 0, 1.25; s4 is ineligible, s3 worth nothing.
    assert candidate_sentences(concepts, lengths, weights, eligible, limit=10).tolist() == [2, 1, 0]
    assert candidate_sentences(concepts, lengths, weights, eligible, limit=2).tolist() == [2, 1]
    assert candidate_sentences(concepts, lengths, weights, np.zeros(5, dtype=bool), limit=10).tolist() == []


def test_lead_sentences_take_the_first_reports_opening_within_the_budget() -> None:
    doc_indices = [0, 0, 0, 0, 0, 1]
    lengths = np.array([12, 30, 9, 6, 5, 3])
    eligible = np.array([True, True, False, True, True, True])
    # s1 does not fit after s0 and is skipped, s2 is ineligible, s3 fits; s5 is another report's
    assert lead_sentences(doc_indices, lengths, eligible, 20) == [0, 3]
    # a sentence that points back comes only after one of its anchors
    anchors = [None, None, None, [0, 1, 2], None, None]
    assert lead_sentences(doc_indices, lengths, eligible, 11, anchors) == [4]
    assert lead_sentences(doc_indices, lengths, eligible, 0) == []


def test_greedy_fallback_takes_an_anchored_sentence_only_after_its_anchor() -> None:
    concepts = [[0], [1], [2]]
    lengths = np.array([4, 4, 4])
    weights = np.array([1.0, 5.0, 2.0])
    # s1 is the best but needs s0: s2 (no anchor) comes first, then s0, then s1 fits no more
    assert greedy_selection(concepts, lengths, weights, 8, anchors=[None, [0], None]) == [0, 2]
    assert greedy_selection(concepts, lengths, weights, 12, anchors=[None, [0], None]) == [0, 1, 2]
