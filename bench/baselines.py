"""Extractive baselines for the quality bench, one small class each behind one interface.

Every baseline reads a ``chorus.models.Cluster`` and returns a summary of about ``words`` words:
it takes sentences in its own order of preference until the budget is reached (the last one may
run past it; the scorer truncates every system to the budget alike). Sentences come from chorus's
own cleaner and splitter, so all systems see the same sentences.

- ``Lead``: the opening sentences of the most recent document, then of the next most recent...
- ``LexRank`` / ``TextRank``: sumy's summarizers, ranked once, taken by score.
- ``CentroidMMR``: TF-IDF centroid relevance with maximal marginal relevance (``CentroidMMR+q``
  adds the cluster's query to the relevance).
- ``GreedyOracle``: greedy ROUGE-2 recall against the references, an upper bound for extraction.

sumy's ``Tokenizer("english")`` needs NLTK's punkt data, which cannot be downloaded here, so the
sumy document is built from chorus's sentences with ``nltk.tokenize.NLTKWordTokenizer`` for words
(no data needed). sumy's LexRank and TextRank build their similarity matrices in pure Python
(minutes on a 25-document cluster); the subclasses below compute the very same matrices with NumPy.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any, ClassVar, Protocol, TypeVar

import numpy as np

from chorus.clean import clean_text
from chorus.models import Cluster, Document
from chorus.segment import split_sentences

T = TypeVar("T")


class Baseline(Protocol):
    """A summarizer measured against Chorus."""

    name: str

    def summarize(self, cluster: Cluster, words: int) -> str:
        """A summary of the cluster of about ``words`` words."""
        ...


# --------------------------------------------------------------------------------------------
# Shared preprocessing
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """A sentence of the cluster: its text, document index and position in the document."""

    text: str
    doc: int
    position: int

    @property
    def words(self) -> int:
        return len(self.text.split())


def document_sentences(document: Document | str) -> list[str]:
    """The sentences of a document's body, after chorus's cleaning (the title is left out)."""
    text = document if isinstance(document, str) else document.text
    return split_sentences(clean_text(text))


def cluster_units(cluster: Cluster) -> list[Unit]:
    """Every sentence of the cluster in document order, exact repeats removed (wire copies)."""
    seen: set[str] = set()
    units: list[Unit] = []
    for doc_index, document in enumerate(cluster.documents):
        for position, sentence in enumerate(document_sentences(document)):
            key = " ".join(sentence.lower().split())
            if key in seen:
                continue
            seen.add(key)
            units.append(Unit(sentence, doc_index, position))
    return units


def take_until_budget(texts: Iterable[str], words: int) -> list[str]:
    """Take texts in the given order until their word count reaches ``words``."""
    chosen: list[str] = []
    total = 0
    for text in texts:
        if total >= words:
            break
        chosen.append(text)
        total += len(text.split())
    return chosen


def in_reading_order(units: Sequence[Unit], chosen: Iterable[int]) -> str:
    """Chosen units (by index) joined in cluster order: by document, then position."""
    picked = sorted(chosen, key=lambda i: (units[i].doc, units[i].position))
    return " ".join(units[i].text for i in picked)


def pick_by_score(units: Sequence[Unit], scores: Sequence[float], words: int, min_words: int = 0) -> list[int]:
    """Indices of the best-scored units, in score order, until the budget is reached.

    Ties keep cluster order. Units shorter than ``min_words`` are skipped when enough longer ones
    exist.
    """
    order = sorted(range(len(units)), key=lambda i: (-scores[i], i))
    if min_words and sum(units[i].words for i in order if units[i].words >= min_words) >= words:
        order = [i for i in order if units[i].words >= min_words]
    chosen: list[int] = []
    total = 0
    for index in order:
        if total >= words:
            break
        chosen.append(index)
        total += units[index].words
    return chosen


# --------------------------------------------------------------------------------------------
# Lead
# --------------------------------------------------------------------------------------------


class Lead:
    """The DUC "Lead" baseline: the first sentences of the most recent document.

    Documents are ordered newest first by their ``date`` (ISO strings sort chronologically;
    undated documents keep their input order after the dated ones). Sentences are taken from the
    start of the newest document until the budget is reached; when it is exhausted first, the
    next most recent document's opening sentences follow.
    """

    name = "Lead"

    def summarize(self, cluster: Cluster, words: int) -> str:
        dated = [(d.date, -i, d) for i, d in enumerate(cluster.documents) if d.date]
        dated.sort(key=lambda item: (item[0], item[1]), reverse=True)
        undated = [d for d in cluster.documents if not d.date]
        ordered = [d for _, _, d in dated] + undated
        sentences = (s for document in ordered for s in document_sentences(document))
        return " ".join(take_until_budget(sentences, words))


# --------------------------------------------------------------------------------------------
# sumy: LexRank and TextRank
# --------------------------------------------------------------------------------------------

_WORD_PATTERN = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$")


class NltkWords:
    """A sumy word tokenizer that needs no NLTK data: ``NLTKWordTokenizer`` (Treebank rules),
    keeping word tokens only, as sumy's own ``Tokenizer`` does."""

    def __init__(self) -> None:
        from nltk.tokenize import NLTKWordTokenizer

        self._tokenizer = NLTKWordTokenizer()

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(w for w in self._tokenizer.tokenize(sentence) if _WORD_PATTERN.match(w))


@lru_cache(maxsize=1)
def _sumy_parts() -> tuple[NltkWords, Callable[[str], str], frozenset[str]]:
    """The word tokenizer, the (cached) Snowball English stemmer and sumy's English stop words."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    stemmer = Stemmer("english")
    return NltkWords(), lru_cache(maxsize=200_000)(stemmer), frozenset(get_stop_words("english"))


def sumy_document(units: Sequence[Unit]) -> Any:
    """A sumy ``ObjectDocumentModel`` of the units: one paragraph per document."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = _sumy_parts()[0]
    paragraphs: list[list[Any]] = []
    last_doc = None
    for unit in units:
        if unit.doc != last_doc:
            paragraphs.append([])
            last_doc = unit.doc
        paragraphs[-1].append(Sentence(unit.text, tokenizer))
    return ObjectDocumentModel([Paragraph(p) for p in paragraphs])


def _term_matrix(sentences_words: Sequence[Sequence[str]]) -> tuple[Any, list[str]]:
    """A sparse sentence-by-term count matrix (CSR) and its vocabulary."""
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    data: list[float] = []
    for row, terms in enumerate(sentences_words):
        for term, count in Counter(terms).items():
            rows.append(row)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            data.append(float(count))
    matrix = csr_matrix((data, (rows, cols)), shape=(len(sentences_words), max(len(vocabulary), 1)))
    return matrix, list(vocabulary)


def _fast_lexrank_class() -> type:
    from sumy.summarizers.lex_rank import LexRankSummarizer

    class FastLexRankSummarizer(LexRankSummarizer):
        """sumy's LexRank with its IDF and similarity matrix computed by NumPy (same numbers)."""

        def rate_sentences(self, document: Any) -> dict[Any, float]:
            sentences_words = [self._to_words_set(s) for s in document.sentences]
            if not sentences_words:
                return {}
            counts, _ = _term_matrix(sentences_words)
            n = counts.shape[0]
            # tf = count / max count in the sentence; idf = log(N / (1 + sentences holding the term))
            row_max = counts.max(axis=1).toarray().ravel()
            row_max[row_max == 0] = 1
            tf = counts.multiply(1.0 / row_max[:, None]).tocsr()
            df = np.bincount(counts.indices, minlength=counts.shape[1])
            idf = np.log(n / (1.0 + df))
            weighted = tf.multiply(idf[None, :]).tocsr()
            norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
            similarity = (weighted @ weighted.T).toarray()
            with np.errstate(divide="ignore", invalid="ignore"):
                similarity = similarity / np.outer(norms, norms)
            similarity[~np.isfinite(similarity)] = 0.0
            similarity[np.outer(norms, norms) == 0] = 0.0
            matrix = (similarity > self.threshold).astype(float)
            degrees = matrix.sum(axis=1)
            degrees[degrees == 0] = 1
            matrix /= degrees[:, None]
            scores = self.power_method(matrix, self.epsilon)
            return dict(zip(document.sentences, scores, strict=True))

    return FastLexRankSummarizer


def _fast_textrank_class() -> type:
    from sumy.summarizers.text_rank import TextRankSummarizer

    class FastTextRankSummarizer(TextRankSummarizer):
        """sumy's TextRank with its edge weights computed by NumPy (same numbers)."""

        def _create_matrix(self, document: Any) -> Any:
            sentences_words = [self._to_words_set(s) for s in document.sentences]
            n = len(sentences_words)
            counts, _ = _term_matrix(sentences_words)
            # edge(i, j) = common words (with repeats) / (log len_i + log len_j), as sumy's rate edge
            overlap = (counts @ counts.T).toarray()
            lengths = np.array([len(w) for w in sentences_words], dtype=float)
            with np.errstate(divide="ignore"):
                logs = np.log(lengths)
            norm = logs[:, None] + logs[None, :]
            weights = np.zeros((n, n))
            nonzero = overlap > 0
            tiny = nonzero & np.isclose(norm, 0.0)
            regular = nonzero & ~tiny
            weights[regular] = overlap[regular] / norm[regular]
            weights[tiny] = overlap[tiny]
            weights /= weights.sum(axis=1)[:, None] + self._ZERO_DIVISION_PREVENTION
            return np.full((n, n), (1.0 - self.damping) / n) + self.damping * weights

    return FastTextRankSummarizer


class SumyRanker:
    """A sumy graph summarizer: rank every sentence once, then take by score to the budget."""

    name = "sumy"
    summarizer_factory: ClassVar[Callable[[], type]]

    def __init__(self) -> None:
        _, stemmer, stop_words = _sumy_parts()
        self._summarizer = type(self).summarizer_factory()(stemmer)
        self._summarizer.stop_words = stop_words

    def scores(self, units: Sequence[Unit]) -> list[float]:
        """sumy's rating of each unit (0 for none)."""
        if not units:
            return []
        document = sumy_document(units)
        ratings = self._summarizer.rate_sentences(document)
        return [float(ratings.get(s, 0.0)) for s in document.sentences]

    def summarize(self, cluster: Cluster, words: int) -> str:
        units = cluster_units(cluster)
        chosen = pick_by_score(units, self.scores(units), words)
        return in_reading_order(units, chosen)


class LexRank(SumyRanker):
    """sumy's LexRank (threshold 0.1, its power method), Snowball stemmer, sumy's stop words."""

    name = "LexRank"
    summarizer_factory = staticmethod(_fast_lexrank_class)


class StockLexRank:
    """sumy's LexRankSummarizer exactly as shipped (pure-Python similarity matrix), the reference
    the speed target is stated against; ``LexRank`` above gives the same ranking faster."""

    name = "LexRank(stock)"

    def __init__(self) -> None:
        from sumy.summarizers.lex_rank import LexRankSummarizer

        _, stemmer, stop_words = _sumy_parts()
        self._summarizer = LexRankSummarizer(stemmer)
        self._summarizer.stop_words = stop_words

    def summarize(self, cluster: Cluster, words: int) -> str:
        units = cluster_units(cluster)
        if not units:
            return ""
        document = sumy_document(units)
        # sumy returns a sentence count in document order; ask for enough to fill the budget.
        average = max(1.0, sum(u.words for u in units) / len(units))
        count = min(len(units), int(words / average) + 3)
        chosen = [str(s) for s in self._summarizer(document, count)]
        return " ".join(take_until_budget(chosen, words))


class TextRank(SumyRanker):
    """sumy's TextRank (damping 0.85), Snowball stemmer, sumy's stop words."""

    name = "TextRank"
    summarizer_factory = staticmethod(_fast_textrank_class)


# --------------------------------------------------------------------------------------------
# Centroid + MMR
# --------------------------------------------------------------------------------------------


class CentroidMMR:
    """TF-IDF centroid relevance with maximal marginal relevance (scikit-learn).

    Sentences are TF-IDF vectors (sublinear tf, English stop words, IDF over the cluster's
    sentences); the centroid is their mean. Each step picks the sentence maximising
    ``lam * cos(s, centroid) - (1 - lam) * max cos(s, chosen)``. Sentences under ``min_words``
    words are skipped. With ``use_query`` the relevance target is the centroid plus the cluster's
    query (each L2-normalised, weighted by ``query_weight``).
    """

    def __init__(self, lam: float = 0.7, min_words: int = 8, use_query: bool = False, query_weight: float = 0.5):
        self.lam = lam
        self.min_words = min_words
        self.use_query = use_query
        self.query_weight = query_weight
        self.name = "CentroidMMR+q" if use_query else "CentroidMMR"

    def summarize(self, cluster: Cluster, words: int) -> str:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.preprocessing import normalize

        units = cluster_units(cluster)
        if not units:
            return ""
        candidates = [i for i, u in enumerate(units) if u.words >= self.min_words] or list(range(len(units)))
        vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
        try:
            matrix = vectorizer.fit_transform([u.text for u in units])
        except ValueError:  # only stop words
            return " ".join(take_until_budget((units[i].text for i in candidates), words))
        centroid = normalize(np.asarray(matrix.mean(axis=0)))
        if self.use_query and cluster.query.strip():
            query = normalize(vectorizer.transform([cluster.query]).toarray())
            centroid = normalize((1.0 - self.query_weight) * centroid + self.query_weight * query)
        vectors = matrix[candidates]
        relevance = np.asarray(vectors @ centroid.T).ravel()
        similarity = (vectors @ vectors.T).toarray()
        chosen: list[int] = []
        redundancy = np.zeros(len(candidates))
        available = np.ones(len(candidates), dtype=bool)
        total = 0
        while total < words and available.any():
            score = self.lam * relevance - (1.0 - self.lam) * redundancy
            score[~available] = -np.inf
            best = int(np.argmax(score))
            chosen.append(best)
            available[best] = False
            redundancy = np.maximum(redundancy, similarity[best])
            total += units[candidates[best]].words
        return in_reading_order(units, [candidates[i] for i in chosen])


# --------------------------------------------------------------------------------------------
# Greedy ROUGE-2 oracle
# --------------------------------------------------------------------------------------------


class GreedyOracle:
    """Greedy extractive oracle: repeatedly add the sentence that most raises ROUGE-2 recall.

    ROUGE-2 recall is computed exactly as the scorer does (``rouge-score`` tokenizer, Porter
    stemmer, summary and references cut to the budget, averaged over references), incrementally
    from bigram counts. Ties (and steps where no sentence adds a reference bigram) are decided by
    ROUGE-1 recall gain; it stops at the budget or when nothing adds either. It reads the
    references, so it is an upper bound, not a system.
    """

    name = "GreedyOracle"

    def __init__(self) -> None:
        self._tokens: dict[str, list[str]] = {}

    def _tokenize_word(self, word: str) -> list[str]:
        cached = self._tokens.get(word)
        if cached is None:
            cached = self._tokenizer().tokenize(word)
            self._tokens[word] = cached
        return cached

    @staticmethod
    @lru_cache(maxsize=1)
    def _tokenizer() -> Any:
        from rouge_score.tokenizers import DefaultTokenizer

        return DefaultTokenizer(use_stemmer=True)

    def _tokens_of(self, words: Sequence[str]) -> list[str]:
        return [token for word in words for token in self._tokenize_word(word)]

    def summarize(self, cluster: Cluster, words: int) -> str:
        units = cluster_units(cluster)
        if not units or not cluster.references:
            return ""
        references = [self._tokens_of(r.split()[:words]) for r in cluster.references]
        ref_bigrams = [Counter(pairwise(r)) for r in references]
        ref_unigrams = [Counter(r) for r in references]
        totals2 = [max(sum(c.values()), 1) for c in ref_bigrams]
        totals1 = [max(sum(c.values()), 1) for c in ref_unigrams]
        sentence_words = [u.text.split() for u in units]
        full_tokens = [self._tokens_of(w) for w in sentence_words]

        chosen: list[int] = []
        taken: set[int] = set()
        summary_tokens: list[str] = []
        have2: Counter[tuple[str, str]] = Counter()
        have1: Counter[str] = Counter()
        used = 0
        while used < words:
            room = words - used
            best: tuple[float, float] | None = None
            best_index = -1
            best_tokens: list[str] = []
            for index, tokens in enumerate(full_tokens):
                if index in taken:
                    continue
                if len(sentence_words[index]) > room:
                    tokens = self._tokens_of(sentence_words[index][:room])
                gain2, gain1 = self._gain(summary_tokens, tokens, have2, have1, ref_bigrams, ref_unigrams)
                key = (
                    sum(g / t for g, t in zip(gain2, totals2, strict=True)),
                    sum(g / t for g, t in zip(gain1, totals1, strict=True)),
                )
                if best is None or key > best:
                    best, best_index, best_tokens = key, index, tokens
            if best is None or (best[0] <= 0 and best[1] <= 0):
                break
            sequence = ([summary_tokens[-1]] if summary_tokens else []) + best_tokens
            new_bigrams = list(pairwise(sequence))
            have2.update(new_bigrams)
            have1.update(best_tokens)
            summary_tokens.extend(best_tokens)
            chosen.append(best_index)
            taken.add(best_index)
            used += len(sentence_words[best_index])
        return in_reading_order(units, chosen)

    @staticmethod
    def _gain(
        summary: list[str],
        tokens: list[str],
        have2: Counter[tuple[str, str]],
        have1: Counter[str],
        ref_bigrams: list[Counter[tuple[str, str]]],
        ref_unigrams: list[Counter[str]],
    ) -> tuple[list[int], list[int]]:
        """Clipped bigram and unigram matches added per reference by appending ``tokens``."""
        sequence = ([summary[-1]] if summary else []) + tokens
        gains2 = _clipped_gains(Counter(pairwise(sequence)), have2, ref_bigrams)
        gains1 = _clipped_gains(Counter(tokens), have1, ref_unigrams)
        return gains2, gains1


def _clipped_gains(added: Counter[T], have: Counter[T], references: list[Counter[T]]) -> list[int]:
    """Per reference, how many more n-grams match (clipped by the reference's counts) once ``added``
    joins the ``have`` n-grams of the summary."""
    gains = []
    for reference in references:
        gain = 0
        for gram, count in added.items():
            limit = reference.get(gram, 0)
            if limit:
                before = have.get(gram, 0)
                gain += min(before + count, limit) - min(before, limit)
        gains.append(gain)
    return gains


# --------------------------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------------------------

BASELINES: dict[str, Callable[[], Baseline]] = {
    "Lead": Lead,
    "LexRank": LexRank,
    "LexRank(stock)": StockLexRank,
    "TextRank": TextRank,
    "CentroidMMR": CentroidMMR,
    "CentroidMMR+q": lambda: CentroidMMR(use_query=True),
    "GreedyOracle": GreedyOracle,
}
"""Baseline constructors by name."""


def make(name: str) -> Baseline:
    """A baseline by its name (see ``BASELINES``)."""
    try:
        return BASELINES[name]()
    except KeyError:
        raise ValueError(f"unknown baseline {name!r}; choose from {', '.join(BASELINES)}") from None
