"""Every tunable in one place, with defaults that suit most users: the brief's (``SummaryOptions``) and what one HTTP
request may ask of the server (``ServerLimits``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class SummaryOptions:
    """How a brief is made.

    Attributes:
        words: word budget of the brief (whitespace tokens); the brief never exceeds it.
        query: optional topic or question that steers selection toward it.
        weighting: how concepts are weighted: ``"frequency"`` (number of independent outlets
            carrying the concept, the classic ICSI weighting), ``"learned"`` (that count times a
            logistic model's probability that a human summary carries the concept, trained on DUC
            2006/2007 by ``bench/train_weights.py``), or ``"auto"``: learned without a query,
            frequency with one, the better of the two on held-out clusters in each case.
        min_sentence_words: shorter sentences are never selected (headlines, captions, fragments).
            ``None``: 8 for briefs under 200 words, 14 for longer ones, where long sentences carry
            more shared content per word (measured on DUC 2006/2007).
        max_sentence_words: longer sentences are never selected (run-ons, lists glued together).
        candidate_limit: at most this many sentences (best concept density first) enter the ILP,
            which keeps the solver under a second on thousands of documents.
        duplicate_threshold: two reports sharing at least this fraction of their word 5-grams (of
            the shorter) are copies of one wire story and count as one outlet.
        support_threshold: another report carries a sentence's content when one of its sentences
            shares at least this fraction of the sentence's content words.
        solver_time_limit: seconds the ILP solver may take before returning its best solution.
        cross_source: also find the entities, quotes, disagreements and timeline of the reports
            (the ``Summary`` sections beyond the brief).
        canonical_names: write every person, place and organisation in the brief under its
            canonical spelling (the brief then differs from its sources only in those names).
        weight_model: path of a concept-weight model JSON (as written by ``bench/train_weights.py``)
            to use instead of the one shipped with Chorus.
    """

    words: int = 100
    query: str | None = None
    weighting: Literal["auto", "learned", "frequency"] = "auto"
    min_sentence_words: int | None = None
    max_sentence_words: int = 60
    candidate_limit: int = 100
    duplicate_threshold: float = 0.5
    support_threshold: float = 0.5
    solver_time_limit: float = 10.0
    weight_model: str | None = None
    cross_source: bool = True
    canonical_names: bool = False

    def __post_init__(self) -> None:
        if self.words < 1:
            raise ValueError(f"words must be at least 1, got {self.words}")

    @property
    def shortest_sentence(self) -> int:
        """The effective ``min_sentence_words``."""
        if self.min_sentence_words is not None:
            return self.min_sentence_words
        return 8 if self.words < 200 else 14


@dataclass(frozen=True)
class ServerLimits:
    """What one request may ask of the server; past a limit the answer is a 4xx naming it.

    Attributes:
        max_body_bytes: largest request body (413 ``max_body_bytes``). Default 10 MB.
        max_documents: most documents in one request (413 ``max_documents``). Default 200.
        max_words_per_document: longest document, in whitespace words, after HTML extraction
            (413 ``max_words_per_document``). Default 50,000.
        max_brief_words: largest ``words`` budget a client may ask for (422 ``max_brief_words``). Default 2,000.
        time_budget_seconds: wall-clock seconds a request may wait for its summary, queueing included
            (503 ``time_budget_seconds``). Default 60.
        executor: ``"process"`` (a process pool: summaries use every core) or ``"thread"``.
        workers: pool size; ``None`` means one per core.
    """

    max_body_bytes: int = 10_000_000
    max_documents: int = 200
    max_words_per_document: int = 50_000
    max_brief_words: int = 2_000
    time_budget_seconds: float = 60.0
    executor: Literal["process", "thread"] = "process"
    workers: int | None = None
