"""The scoring protocol of the evaluation data, as a library.

ROUGE-1, ROUGE-2 and ROUGE-L recall and F1 with the Porter stemmer (the ``rouge-score`` package,
``use_stemmer=True``). The candidate and every reference are cut to the same word budget (the first
``words`` whitespace tokens), scores are averaged over a cluster's references, then over clusters.
Values are percentages (0-100).

``rouge-score`` is an optional dependency (the ``bench`` extra); it is imported only when scoring.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from chorus.errors import ChorusInputError

ROUGE_TYPES: tuple[str, ...] = ("rouge1", "rouge2", "rougeL")
"""The ROUGE variants reported, in the ``rouge-score`` package's names."""

METRICS: tuple[str, ...] = tuple(f"{kind}_{stat}" for kind in ROUGE_TYPES for stat in ("recall", "f1"))
"""The keys of every score dictionary: ``rouge1_recall``, ``rouge1_f1``, ..., ``rougeL_f1``."""

_BUDGETS: tuple[tuple[str, int], ...] = (("duc2006", 250), ("duc2007", 250), ("multinews", 260))
DEFAULT_WORDS = 100
"""The budget for generic 10-document news clusters (and any dataset not listed)."""

_MISSING = "ROUGE scoring needs the bench extra: pip install 'chorus[bench]'"


def default_budget(dataset_name: str) -> int:
    """The protocol's word budget for a dataset.

    Args:
        dataset_name: a dataset name (``duc2006``) or a file name or path (``data/duc2007.jsonl``,
            ``multinews_sample.jsonl``); matched case-insensitively by prefix.

    Returns:
        250 for DUC 2006 and DUC 2007, 260 for Multi-News, otherwise 100.
    """
    name = Path(dataset_name.strip()).name.lower() if dataset_name.strip() else ""
    for prefix, budget in _BUDGETS:
        if name.startswith(prefix) or name.replace("-", "").replace("_", "").startswith(prefix):
            return budget
    return DEFAULT_WORDS


def truncate(text: str, words: int) -> str:
    """The first ``words`` whitespace tokens of ``text``, joined by single spaces."""
    if words < 0:
        raise ChorusInputError(f"the word budget must be positive, got {words}")
    return " ".join(text.split()[:words])


@lru_cache(maxsize=1)
def _scorer() -> Any:
    """One shared ``RougeScorer`` (building it loads the stemmer)."""
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        raise ChorusInputError(_MISSING) from None
    return rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


def rouge_scores(candidate: str, references: list[str], words: int) -> dict[str, float]:
    """Score one summary against a cluster's references with the protocol.

    Args:
        candidate: the system summary.
        references: the human summaries (at least one).
        words: the word budget; the candidate and every reference are cut to their first ``words``
            whitespace tokens before scoring.

    Returns:
        ``{"rouge1_recall", "rouge1_f1", "rouge2_recall", "rouge2_f1", "rougeL_recall", "rougeL_f1"}``
        in percent, each averaged over the references.

    Raises:
        ChorusInputError: without references, with a budget below 1, or when ``rouge-score`` is not
            installed.
    """
    if isinstance(references, str):
        references = [references]
    if not references:
        raise ChorusInputError("ROUGE needs at least one reference summary")
    if words < 1:
        raise ChorusInputError(f"the word budget must be positive, got {words}")
    scorer = _scorer()
    prediction = truncate(candidate, words)
    totals = dict.fromkeys(METRICS, 0.0)
    for reference in references:
        scores = scorer.score(truncate(reference, words), prediction)
        for kind in ROUGE_TYPES:
            totals[f"{kind}_recall"] += scores[kind].recall
            totals[f"{kind}_f1"] += scores[kind].fmeasure
    return {key: 100.0 * value / len(references) for key, value in totals.items()}


def evaluate(pairs: Iterable[tuple[str, list[str]]], words: int) -> dict[str, float]:
    """Score many clusters with the protocol and average over clusters.

    Args:
        pairs: ``(candidate summary, references)`` for each cluster.
        words: the word budget applied to every candidate and reference.

    Returns:
        The averages of :func:`rouge_scores`'s keys over clusters (percent), plus ``"clusters"``,
        the number of clusters scored.

    Raises:
        ChorusInputError: when ``pairs`` is empty, a cluster has no reference, or ``rouge-score``
            is missing.
    """
    totals = dict.fromkeys(METRICS, 0.0)
    count = 0
    for candidate, references in pairs:
        for key, value in rouge_scores(candidate, references, words).items():
            totals[key] += value
        count += 1
    if count == 0:
        raise ChorusInputError("nothing to evaluate: no clusters given")
    result: dict[str, float] = {key: value / count for key, value in totals.items()}
    result["clusters"] = count
    return result
