"""Choose the sentences of the brief: maximum weighted concept coverage within the word budget.

The exact integer program of Gillick & Favre (2009), solved with HiGHS (``scipy.optimize.milp``):

    maximise    sum_i w_i c_i                  (c_i = 1 when concept i is covered)
    subject to  sum_j l_j s_j <= budget        (s_j = 1 when sentence j is chosen, l_j its words)
                c_i <= sum_{j contains i} s_j  (a concept counts only if a chosen sentence has it)

Because each concept counts once, two sentences saying the same thing earn no more than one:
redundancy is excluded by construction, not by a penalty. A sentence that points back ("He was sentenced to 26
years.") may be given anchors, of which one must be chosen with it (``s_j <= sum of its anchors' s``): a brief
never shows "he" without the sentence that says who he is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp


def candidate_sentences(
    sentence_concepts: list[list[int]],
    lengths: np.ndarray,
    weights: np.ndarray,
    eligible: np.ndarray,
    limit: int,
) -> np.ndarray:
    """Indices of at most ``limit`` eligible sentences, best concept weight per word first.

    Args:
        sentence_concepts: concept indices of each of the ``n`` sentences.
        lengths: ``(n,)`` sentence lengths in words.
        weights: ``(m,)`` concept weights.
        eligible: ``(n,)`` booleans, sentences allowed in the brief.
        limit: the most sentences handed to the solver.
    """
    value = np.array([weights[ids].sum() if ids else 0.0 for ids in sentence_concepts])
    density = value / np.maximum(lengths, 1)
    order = np.argsort(-density, kind="stable")
    chosen = [i for i in order if eligible[i] and value[i] > 0]
    return np.array(chosen[:limit], dtype=int)


def select_sentences(
    sentence_concepts: list[list[int]],
    lengths: np.ndarray,
    weights: np.ndarray,
    budget: int,
    time_limit: float = 10.0,
    anchors: Sequence[Sequence[int] | None] | None = None,
) -> list[int]:
    """Solve the coverage ILP over the given sentences.

    Args:
        sentence_concepts: concept indices of each candidate sentence (``n`` lists).
        lengths: ``(n,)`` words per candidate.
        weights: ``(m,)`` concept weights, indexed by the concept ids above.
        budget: the most words the brief may have.
        time_limit: seconds before HiGHS returns its best solution so far.
        anchors: for each candidate, None, or the candidates one of which must be chosen with it (a sentence that
            points back needs what it points to); an empty list: never chosen.

    Returns:
        Positions (into the candidate lists) of the chosen sentences, in ascending order.
    """
    n = len(sentence_concepts)
    fits = [j for j in range(n) if lengths[j] <= budget and (anchors is None or anchors[j] is None or anchors[j])]
    if not fits:
        return []
    # Concepts held by the same set of sentences act as one: merge them (summing weights), and
    # fold those held by a single sentence into that sentence's own value. Same optimum, a far
    # smaller program (most concepts occur in one or two candidates).
    holders: dict[int, list[int]] = {}
    for j in fits:
        for c in sentence_concepts[j]:
            if weights[c] > 0:
                holders.setdefault(c, []).append(j)
    if not holders:
        return []
    sentence_value = np.zeros(n)
    shared: dict[tuple[int, ...], float] = {}
    for c, js in holders.items():
        if len(js) == 1:
            sentence_value[js[0]] += weights[c]
        else:
            key = tuple(js)
            shared[key] = shared.get(key, 0.0) + float(weights[c])
    groups = list(shared)
    m = len(groups)
    # Variables: [s_0..s_{n-1}, g_0..g_{m-1}]; g_k <= sum of its sentences.
    rows, cols, vals = [], [], []
    for k, js in enumerate(groups):
        rows.extend([k] * (len(js) + 1))
        cols.extend([*js, n + k])
        vals.extend([-1.0] * len(js) + [1.0])
    constraints = [
        LinearConstraint(
            sparse.csr_matrix((np.asarray(lengths, dtype=float)[fits], ([0] * len(fits), fits)), shape=(1, n + m)),
            0.0,
            float(budget),
        )
    ]
    if m:
        constraints.append(LinearConstraint(sparse.csr_matrix((vals, (rows, cols)), shape=(m, n + m)), -np.inf, 0.0))
    anchored = [j for j in fits if anchors is not None and anchors[j]]
    if anchored:
        # s_j <= sum of its anchors' s: a sentence that points back comes with one it can follow
        rows, cols, vals = [], [], []
        for row, j in enumerate(anchored):
            needed = anchors[j] or []
            rows.extend([row] * (len(needed) + 1))
            cols.extend([j, *needed])
            vals.extend([1.0] + [-1.0] * len(needed))
        constraints.append(LinearConstraint(sparse.csr_matrix((vals, (rows, cols)), shape=(len(anchored), n + m)), -np.inf, 0.0))
    objective = np.zeros(n + m)
    objective[n:] = -np.array([shared[key] for key in groups])
    # A tiny cost per word: among briefs of equal coverage, the shortest, so that no sentence
    # is added for words alone (redundancy excluded even when budget is left over).
    objective[:n] = -sentence_value + 1e-6 * np.asarray(lengths, dtype=float)
    upper = np.zeros(n + m)
    upper[fits] = 1.0
    upper[n:] = 1.0
    # Only the sentences are integer: with them whole, each concept group's best value is min(1, sentences chosen),
    # whole too. A continuous g halves the solver's time (the branching is over sentences alone), same optimum.
    integrality = np.zeros(n + m)
    integrality[:n] = 1
    result = milp(
        objective,
        constraints=constraints,
        integrality=integrality,
        bounds=Bounds(np.zeros(n + m), upper),
        # A 0.1% optimality gap: an exact optimum costs up to 100x more solver time and no quality.
        options={"time_limit": time_limit, "disp": False, "mip_rel_gap": 1e-3},
    )
    if result.x is None:
        return greedy_selection(sentence_concepts, lengths, weights, budget, anchors)
    return [j for j in range(n) if result.x[j] > 0.5]


def fill_budget(
    chosen: list[int],
    sentence_concepts: list[list[int]],
    lengths: np.ndarray,
    eligible: np.ndarray,
    budget: int,
    anchors: Sequence[Sequence[int] | None] | None = None,
) -> list[int]:
    """Spend the words the ILP left over on sentences that add the most concepts not yet covered
    (any concept, however rare), never on a sentence that adds nothing new.

    Args:
        chosen: sentence indices already in the brief.
        sentence_concepts: concept indices of each of the ``n`` sentences.
        lengths: ``(n,)`` words per sentence.
        eligible: ``(n,)`` sentences allowed in the brief.
        budget: the brief's word budget.
        anchors: for each sentence, None, or the sentences one of which must be in the brief before it is added.

    Returns:
        ``chosen`` plus the added sentences, ascending.
    """
    covered = {c for j in chosen for c in sentence_concepts[j]}
    remaining = budget - int(sum(lengths[j] for j in chosen))
    picked = set(chosen)
    while remaining > 0:
        best, best_gain = -1, 0.0
        for j in np.nonzero(eligible & (lengths <= remaining))[0]:
            if j in picked or not _anchored(j, picked, anchors):
                continue
            new = sum(1 for c in sentence_concepts[j] if c not in covered)
            # Mostly new content: a sentence half made of what the brief already says is a repeat.
            if new * 2 < len(sentence_concepts[j]):
                continue
            gain = new / lengths[j]
            if gain > best_gain:
                best, best_gain = int(j), gain
        if best < 0:
            break
        picked.add(best)
        covered.update(sentence_concepts[best])
        remaining -= int(lengths[best])
    return sorted(picked)


def greedy_selection(
    sentence_concepts: list[list[int]],
    lengths: np.ndarray,
    weights: np.ndarray,
    budget: int,
    anchors: Sequence[Sequence[int] | None] | None = None,
) -> list[int]:
    """Fallback when the solver gives nothing: add the sentence with the best new weight per word (one that needs an
    anchor only once one of its anchors is in)."""
    covered: set[int] = set()
    chosen: list[int] = []
    remaining = budget
    candidates = set(range(len(sentence_concepts)))
    while candidates:
        best, best_gain = -1, 0.0
        for j in candidates:
            if lengths[j] > remaining or not _anchored(j, chosen, anchors):
                continue
            gain = sum(weights[c] for c in sentence_concepts[j] if c not in covered) / max(1, lengths[j])
            if gain > best_gain:
                best, best_gain = j, gain
        if best < 0:
            break
        chosen.append(best)
        covered.update(sentence_concepts[best])
        remaining -= int(lengths[best])
        candidates.discard(best)
    return sorted(chosen)


def lead_sentences(
    doc_indices: list[int],
    lengths: np.ndarray,
    eligible: np.ndarray,
    budget: int,
    anchors: Sequence[Sequence[int] | None] | None = None,
) -> list[int]:
    """The first report's lead: its eligible sentences in order, each taken when it still fits the budget (one that
    needs an anchor only after one of its anchors).

    Args:
        doc_indices: the report of each of the ``n`` sentences (in report order).
        lengths: ``(n,)`` words per sentence.
        eligible: ``(n,)`` sentences allowed in the brief.
        budget: the brief's word budget.
        anchors: as for ``fill_budget``.
    """
    picked: list[int] = []
    used = 0
    for j, doc_index in enumerate(doc_indices):
        if doc_index != doc_indices[0]:
            break
        if eligible[j] and used + lengths[j] <= budget and _anchored(j, picked, anchors):
            picked.append(j)
            used += int(lengths[j])
    return picked


def _anchored(sentence: int, picked: Iterable[int], anchors: Sequence[Sequence[int] | None] | None) -> bool:
    """Whether ``sentence`` may join ``picked``: it needs no anchor, or one of its anchors is picked (an anchor list may
    be a ``range``: membership is tested, never listed)."""
    needs = anchors[sentence] if anchors is not None else None
    return needs is None or any(k in needs for k in picked)
