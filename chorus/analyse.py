"""Find what the reports say in common: concepts, their weights, copies, and who carries what.

Concepts are stemmed word bigrams with at least one content word (the unit of the best
concept-coverage summarisers, Gillick & Favre 2009). A concept's weight comes from the number of
independent outlets that carry it, where it appears, whether it is in a headline or the query:
either that outlet count alone (``frequency``) or a logistic model over those features trained on
DUC 2006/2007 reference summaries (``learned``, see ``bench/train_weights.py``).

Shapes: ``n`` sentences, ``m`` concepts, ``k`` concept features.
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
import Stemmer
from scipy import sparse

from chorus.models import Document, Sentence

# The days of the week, Monday first (``datetime.weekday()`` order).
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# The months as news writes them, in full and abbreviated, each to its number ("sept" -> 9).
MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}  # fmt: skip
STOPWORDS = frozenset(
    """a about above across after afterwards again against all almost alone along already also
    although always am among amongst an and another any anyhow anyone anything anyway anywhere are
    around as at be became because become becomes been before beforehand being below beside besides
    between beyond both but by can cannot could did do does doing done down during each eg either else
    elsewhere enough etc even ever every everyone everything everywhere except few for former formerly
    from further had has have having he hence her here hereafter hereby herein hers herself him himself
    his how however i ie if in indeed into is it its itself just last latter least less ll many may me
    meanwhile might mine more moreover most mostly much must my myself namely neither never
    nevertheless next no nobody none noone nor not nothing now nowhere of off often on once one only
    onto or other others otherwise our ours ourselves out over own per perhaps please rather re s same
    say said says she should since so some somehow someone something sometime sometimes somewhere still
    such t than that the their theirs them themselves then thence there thereafter thereby therefore
    therein thereupon these they this those though through throughout thru thus to together too toward
    towards under until up upon us ve very via was we well were what whatever when whence whenever
    where whereafter whereas whereby wherein whereupon wherever whether which while whither who whoever
    whole whom whose why will with within without would yet you your yours yourself yourselves mr mrs
    ms new told also year years today yesterday tuesday monday wednesday thursday friday saturday sunday
    """.split()
)

FEATURES = (
    "outlet_share",  # share of independent outlets carrying the concept
    "log_outlets",  # log(1 + outlets)
    "log_frequency",  # log(1 + occurrences)
    "early_share",  # share of outlets where it appears in the first 3 sentences
    "first_position",  # 1 - relative position of its earliest occurrence (1 = lead)
    "title_share",  # share of headlines containing it
    "has_stopword",  # one of the two words is a stop word
    "query_words",  # how many of its two words occur in the query (0-2)
    "capitalised",  # share of occurrences written with capitals (names)
    "numeric",  # contains a number
    "outlet_share_sq",  # outlet_share squared (lets the model bend the curve)
    "outlet_share_x_early",
)

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_stemmer = Stemmer.Stemmer("porter")
_SHINGLE = 5
# Weight multiplier per query word in a concept: 1 doubles a concept sharing one word with the query.
QUERY_BOOST = 1.0


def strip_accents(text: str) -> str:
    """``text`` without diacritics ("Guaidó" -> "Guaido", "Šarovec" -> "Sarovec")."""
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Porter stem of a lower-cased word with accents folded ("guaidó" -> "guaido"): the stemmer
    ROUGE uses, so concepts match its units, and spelling variants meet."""
    return _stemmer.stemWord(strip_accents(word))


# The stop words of concepts: those that are their own Porter stem. Leaving out the rest ("was",
# "has", "this", "they", whose stems differ) makes bigrams like "it was" concepts, which measured
# better than the full list (ROUGE-2 recall +0.3 on held-out DUC 2007 and Multi-News, BENCHMARKS.md).
STOP_STEMS = frozenset(word for word in STOPWORDS if stem(word) == word)


def tokens(text: str) -> list[str]:
    """Lower-cased, Porter-stemmed word tokens of ``text`` (possessive 's dropped)."""
    out = []
    for word in _WORD.findall(text.lower()):
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        out.append(stem(word.replace("’", "'")))
    return out


def content_stems(token_list: list[str]) -> set[str]:
    return {t for t in token_list if t not in STOP_STEMS and not t.isdigit() and len(t) > 1}


def bigrams(token_list: list[str]) -> set[tuple[str, str]]:
    """Bigram concepts of a token list: adjacent pairs with at least one content word."""
    return {(a, b) for a, b in itertools.pairwise(token_list) if not (a in STOP_STEMS and b in STOP_STEMS)}


def near_duplicate_groups(documents: list[list[str]], threshold: float) -> list[int]:
    """Group copies of the same report.

    Args:
        documents: token lists, one per document.
        threshold: minimum share of the shorter document's word 5-grams found in the other.

    Returns:
        A group index per document (the index of the group's first document), so that
        ``len(set(groups))`` is the number of independent reports.
    """
    shingles = [{hash(tuple(toks[i : i + _SHINGLE])) for i in range(max(1, len(toks) - _SHINGLE + 1))} for toks in documents]
    postings: dict[int, list[int]] = defaultdict(list)
    for index, doc_shingles in enumerate(shingles):
        for shingle in doc_shingles:
            postings[shingle].append(index)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for holders in postings.values():
        if 1 < len(holders) <= 50:  # a 5-gram in 50+ documents is a stock phrase, not a copy
            for i, first in enumerate(holders):
                for second in holders[i + 1 :]:
                    shared[(first, second)] += 1
    parent = list(range(len(documents)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (first, second), count in shared.items():
        smaller = min(len(shingles[first]), len(shingles[second]))
        if smaller >= 3 and count / smaller >= threshold:
            a, b = root(first), root(second)
            parent[max(a, b)] = min(a, b)
    return [root(i) for i in range(len(documents))]


@dataclass
class ConceptTable:
    """Concepts of a cluster.

    Attributes:
        names: the ``m`` concepts (stem pairs).
        features: ``(m, k)`` feature matrix, columns named by ``FEATURES``.
        sentence_concepts: for each of the ``n`` sentences, the indices of its concepts.
        outlets: ``(m,)`` number of independent outlets carrying each concept.
    """

    names: list[tuple[str, str]]
    features: np.ndarray
    sentence_concepts: list[list[int]]
    outlets: np.ndarray


def concept_table(
    sentences: list[Sentence],
    sentence_tokens: list[list[str]],
    documents: list[Document],
    doc_groups: list[int],
    query: str | None = None,
) -> ConceptTable:
    """Collect every bigram concept with its features (see ``FEATURES``)."""
    index: dict[tuple[str, str], int] = {}
    occurrences: list[int] = []
    capital: list[int] = []
    groups_of: list[set[int]] = []
    early_groups: list[set[int]] = []
    first_position: list[float] = []
    sentence_concepts: list[list[int]] = []
    doc_lengths: dict[int, int] = defaultdict(int)
    for sentence in sentences:
        doc_lengths[sentence.doc_index] = max(doc_lengths[sentence.doc_index], sentence.position + 1)
    for sentence, toks in zip(sentences, sentence_tokens, strict=True):
        raw_words = _WORD.findall(sentence.text)
        capitalised = [w[:1].isupper() for w in raw_words] if len(raw_words) == len(toks) else [False] * len(toks)
        group = doc_groups[sentence.doc_index]
        relative = sentence.position / max(1, doc_lengths[sentence.doc_index])
        ids: list[int] = []
        for i, pair in enumerate(itertools.pairwise(toks)):
            if pair[0] in STOP_STEMS and pair[1] in STOP_STEMS:
                continue
            cid = index.get(pair)
            if cid is None:
                cid = index[pair] = len(occurrences)
                occurrences.append(0)
                capital.append(0)
                groups_of.append(set())
                early_groups.append(set())
                first_position.append(1.0)
            occurrences[cid] += 1
            capital[cid] += capitalised[i] and capitalised[i + 1]
            groups_of[cid].add(group)
            if sentence.position < 3:
                early_groups[cid].add(group)
            first_position[cid] = min(first_position[cid], relative)
            ids.append(cid)
        sentence_concepts.append(sorted(set(ids)))
    names = list(index)
    n_outlets = max(1, len(set(doc_groups)))
    title_bigrams: list[set[tuple[str, str]]] = [bigrams(tokens(d.title)) for d in documents if d.title]
    query_stems = content_stems(tokens(query)) if query else set()
    m = len(names)
    features = np.zeros((m, len(FEATURES)))
    outlets = np.array([len(g) for g in groups_of], dtype=float)
    if m:
        share = outlets / n_outlets
        early = np.array([len(g) for g in early_groups], dtype=float) / n_outlets
        features[:, 0] = share
        features[:, 1] = np.log1p(outlets)
        features[:, 2] = np.log1p(np.array(occurrences, dtype=float))
        features[:, 3] = early
        features[:, 4] = 1.0 - np.array(first_position)
        if title_bigrams:
            in_titles: dict[tuple[str, str], int] = defaultdict(int)
            for title in title_bigrams:
                for pair in title:
                    in_titles[pair] += 1
            features[:, 5] = [in_titles.get(name, 0) / len(title_bigrams) for name in names]
        features[:, 6] = [float(a in STOP_STEMS or b in STOP_STEMS) for a, b in names]
        if query_stems:
            features[:, 7] = [(a in query_stems) + (b in query_stems) for a, b in names]
        features[:, 8] = np.array(capital, dtype=float) / np.maximum(1, np.array(occurrences, dtype=float))
        features[:, 9] = [float(a.isdigit() or b.isdigit()) for a, b in names]
        features[:, 10] = share**2
        features[:, 11] = share * early
    return ConceptTable(names=names, features=features, sentence_concepts=sentence_concepts, outlets=outlets)


@dataclass(frozen=True)
class WeightModel:
    """A logistic model over concept features: ``weight = sigmoid(features @ coef + intercept)``."""

    coef: tuple[float, ...]
    intercept: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    min_outlets: int = 2

    def predict(self, features: np.ndarray) -> np.ndarray:
        if not len(features):
            return np.zeros(0)
        z = (features - np.array(self.mean)) / np.array(self.scale)
        return 1.0 / (1.0 + np.exp(-(z @ np.array(self.coef) + self.intercept)))


@lru_cache(maxsize=8)
def load_weight_model(name: str, path: str | None = None) -> WeightModel | None:
    """The model at ``path``, else the one shipped as ``chorus/weights/<name>.json``; None if absent.

    A ``path`` holding both models (``{"generic": {...}, "query": {...}}``) gives the named one.
    """
    try:
        if path:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
            data = data.get(name, data)
        else:
            data = json.loads(resources.files("chorus").joinpath(f"weights/{name}.json").read_text())
    except (FileNotFoundError, OSError):
        return None
    return WeightModel(
        coef=tuple(data["coef"]),
        intercept=float(data["intercept"]),
        mean=tuple(data["mean"]),
        scale=tuple(data["scale"]),
        min_outlets=int(data.get("min_outlets", 2)),
    )


def concept_weights(
    table: ConceptTable, weighting: str, query: str | None, n_outlets: int, model_path: str | None = None
) -> np.ndarray:
    """``(m,)`` weights; 0 for concepts too rare to count (fewer than the minimum outlets)."""
    if not table.names:
        return np.zeros(0)
    min_outlets = minimum_outlets(n_outlets)
    if weighting == "auto":
        # Measured on held-out clusters: the learned weights win on generic briefs, the plain
        # outlet count with a query boost wins on query-focused ones (BENCHMARKS.md).
        weighting = "frequency" if query else "learned"
    model = load_weight_model("query" if query else "generic", model_path) if weighting == "learned" else None
    # Learned: the outlet count scaled by the model's probability that a human summary carries
    # the concept (measured better than either alone on held-out DUC and Multi-News clusters).
    weights = table.outlets.copy() if model is None else table.outlets * model.predict(table.features)
    if query:
        weights *= 1.0 + query_boost(query) * table.features[:, FEATURES.index("query_words")]
    rare = table.outlets < min_outlets
    if query:
        # A concept the user asked about counts even when few outlets carry it.
        rare &= table.features[:, FEATURES.index("query_words")] == 0
    weights[rare] = 0.0
    return weights


def query_boost(query: str) -> float:
    """Weight gain per query word in a concept: ``QUERY_BOOST`` for topic statements of ten or
    more content words (DUC's), stronger for short queries, whose every word is a strong signal."""
    size = len(content_stems(tokens(query)))
    return QUERY_BOOST * max(1.0, 10.0 / max(1, size))


def minimum_outlets(n_outlets: int) -> int:
    """Concepts carried by fewer outlets are ignored: 2 for small clusters, more for large ones
    (3 of 25, as in the ICSI system), so that one outlet's idiosyncrasies never drive the brief."""
    if n_outlets <= 2:
        return 1
    return max(2, min(3, round(n_outlets * 0.12)))


def corroborating_documents(
    rows: list[int], sentence_tokens: list[list[str]], doc_index: list[int], threshold: float
) -> list[set[int]]:
    """For each sentence in ``rows``, the documents that carry its content.

    A document carries a sentence when one of its sentences shares at least ``threshold`` of the
    sentence's content words (and at least three of them, or all when it has fewer). The sentence's
    own document always does. Cost: one sparse product of ``len(rows)`` by ``n`` sentences.
    """
    vocabulary: dict[str, int] = {}
    indptr, indices = [0], []
    for toks in sentence_tokens:
        indices.extend(vocabulary.setdefault(s, len(vocabulary)) for s in content_stems(toks))
        indptr.append(len(indices))
    n = len(sentence_tokens)
    incidence = sparse.csr_matrix((np.ones(len(indices), dtype=np.float32), indices, indptr), shape=(n, max(1, len(vocabulary))))
    sizes = np.diff(incidence.indptr)
    overlap = (incidence[rows] @ incidence.T).tocoo()
    row_sizes = sizes[np.asarray(rows, dtype=int)][overlap.row] if len(rows) else np.zeros(0)
    needed = np.minimum(row_sizes, np.maximum(3, np.ceil(threshold * row_sizes)))
    carried: list[set[int]] = [{doc_index[r]} for r in rows]
    doc_of = np.asarray(doc_index)
    for k in np.nonzero((overlap.data >= needed) & (needed > 0))[0]:
        carried[overlap.row[k]].add(int(doc_of[overlap.col[k]]))
    return carried


def outlet_ids(source: int, carrying: set[int], groups: list[int], docs: list[Document]) -> list[str]:
    """One document id per independent outlet carrying the content, the source's own first."""
    seen_groups = {groups[source]}
    ids = [docs[source].id]
    for d in sorted(carrying):
        if groups[d] not in seen_groups:
            seen_groups.add(groups[d])
            ids.append(docs[d].id)
    return ids
