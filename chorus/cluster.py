"""Group a stream of mixed reports into stories, one per real-world event (the "(cluster)" stage).

Method (chosen by measurement on ECB+, tuned on half its topics and scored on the other half,
``bench/clustering.py``; numbers in ``BENCHMARKS.md``):

1. **Features.** Each report (headline + the first ``max_words`` words of its cleaned body) becomes
   a TF-IDF vector with sublinear term frequency over Porter-stemmed content words, plus
   *entity* features (capitalised words inside a sentence: names of people, places, organisations)
   and *date* features (years, month-day pairs, other numbers), weighted up because two reports of
   the same kind of event share their vocabulary but not their names, places and dates.
   Vectors are L2-normalised and cut to their ``max_features`` heaviest terms.
2. **Neighbours.** Cosine similarities to each report's ``neighbours`` nearest reports, computed
   as sparse products in blocks of rows (no n x n matrix; terms in more than ``max_df`` of the
   reports are dropped, and so are those that occur in more than ``max_postings`` reports, which
   keeps the cost near-linear in the number of reports).
3. **Calibration.** The similarity scale differs between collections (long or short reports,
   their vocabulary), so no fixed cut is used: the cut is ``scale * sqrt(background * partner)``,
   ``background`` the 99th percentile of random pairs' similarity in this collection and
   ``partner`` the lower quartile of each report's best-match similarity (``calibrate``).
4. **Grouping.** Average-linkage agglomeration over the sparse neighbour graph (a missing edge
   counts as 0). By default each neighbour pair is weighed by a learned same-story probability
   (``chorus/weights/stories.json``, a logistic regression fitted by ``bench/train_stories.py`` on ECB+
   and DUC 2007 over the pair's cosine and its cosines over content words, names and dates alone, each
   relative to this collection's background and partner similarity of that kind, raised when two dated reports were
   published closer together than the collection's typical pair: ``DATE_FEATURES``), stopped at the
   model's cut: one cosine cut cannot both split two events of one kind (ECB+) and keep together the
   reports of long-running unrelated stories (DUC); held out, the learned score keeps ECB+ and gains on DUC 2006 and Multi-News
   (``learned=False``: the cosines, stopped at the calibrated threshold). With the learned score, a story
   much smaller than the collection's typical story (a fragment of one that fell apart) then joins the story
   it is closest to by the learned probability averaged over all their report pairs (``merge_fragments``), and a
   report moves to a neighbouring story when it belongs with that story clearly better than with its own
   (``move_reports``). A report left alone then joins its nearest neighbour's story when it is close enough to that story on
   average (a lower bar: ``attach_orphans``). Each story gets a centroid, so new reports can later be assigned
   incrementally (nearest centroid above the threshold, else a new story).

Everything is a pure function over ``chorus.models.Document``.
"""

from __future__ import annotations

import heapq
import json
import math
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

import numpy as np
from scipy import sparse

from chorus.analyse import MONTHS, STOP_STEMS, STOPWORDS, stem
from chorus.clean import clean_document, clean_line, normalise
from chorus.models import Document

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[.!?]")


_MONTH = (
    r"(?P<%s>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<%s>[0-3]?\d)(?:st|nd|rd|th)?"
_DATES = re.compile(
    "|".join(
        [
            rf"\b{_MONTH % 'm1'}\s+{_DAY % 'd1'}(?:\s*,\s*|\s+)(?P<y1>(?:19|20)\d\d)\b",  # December 15th, 2008
            rf"\b{_DAY % 'd2'}\s+{_MONTH % 'm2'},?\s+(?P<y2>(?:19|20)\d\d)\b",  # 18 September 2013
            r"\b(?P<y3>(?:19|20)\d\d)\s*[-/.]\s*(?P<n3>[01]?\d)\s*[-/.]\s*(?P<d3>[0-3]?\d)\b",  # 2013-09-18, 2013 / 09 / 18
            rf"\b{_MONTH % 'm4'}\s+(?P<y4>(?:19|20)\d\d)\b",  # May 2013
            rf"\b{_MONTH % 'm5'}\s+{_DAY % 'd5'}\b",  # May 3 (year unknown)
        ]
    ),
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"^\s*((?:19|20)\d\d)(?:-(\d\d)(?:-(\d\d))?)?")


def dates(text: str) -> list[tuple[str, str, str]]:
    """Calendar dates written in ``text`` as ``(year, month, day)`` strings ("" when not given):
    "December 15th, 2008", "18 September 2013", "2013-09-18", "May 2013", "May 3"."""
    found = []
    for match in _DATES.finditer(text):
        groups = match.groupdict()
        year = groups["y1"] or groups["y2"] or groups["y3"] or groups["y4"] or ""
        month_name = groups["m1"] or groups["m2"] or groups["m4"] or groups["m5"]
        month = MONTHS.get(month_name.lower().rstrip(".")[:3], 0) if month_name else int(groups["n3"] or 0)
        day = int(groups["d1"] or groups["d2"] or groups["d3"] or groups["d5"] or 0)
        if not 1 <= month <= 12 or day > 31:
            continue
        found.append((year, str(month), str(day) if day else ""))
    return found


@dataclass(frozen=True)
class ClusterOptions:
    """How reports are grouped into stories.

    Attributes:
        entity_weight: weight of an entity feature (a capitalised word inside a sentence) relative
            to an ordinary content word.
        date_weight: weight of a year or month-day feature relative to a content word.
        number_weight: weight of any other number.
        max_words: only the headline and the first ``max_words`` words of a report are read (the
            lead carries the event; long tails add noise and cost).
        max_features: each vector keeps its heaviest ``max_features`` terms.
        max_df: terms in more than this fraction of the reports are ignored (when there are at
            least 20 reports).
        max_postings: terms in more than this many reports are ignored for neighbour search (keeps
            the cost near-linear on very large streams).
        neighbours: nearest neighbours kept per report (the sparse similarity graph).
        threshold: a fixed cosine cut (average linkage of the cosines, the learned score unused) instead of
            the calibrated one; ``None`` calibrates on the collection.
        scale: the calibrated cut is ``scale * sqrt(background * partner)`` (see ``calibrate``);
            0.56 is the mean of the values tuned on each half of ECB+'s topics (``bench/clustering.py``).
        min_threshold / max_threshold: bounds of the calibrated cut.
        small_threshold: the cut for fewer than 8 reports (too few to calibrate on).
        learned: score each neighbour pair with the learned same-story model
            (``chorus/weights/stories.json``, ``bench/train_stories.py``: a logistic regression over the pair's
            cosine, and its cosines over content words, names and dates alone, each divided by this collection's
            background and partner similarity, plus a year conflict) and cut the average linkage of those
            probabilities at the model's cut; False: the calibrated cosine cut alone. Either way lone reports are
            then attached with the calibrated cosine cut (``orphan_fraction``). Collections of fewer than 8 reports
            always use ``small_threshold``, and fewer than ``LEARNED_MIN_REPORTS`` (16) the calibrated cosine cut.
        orphan_fraction: a report the cut leaves alone joins its nearest neighbour's story when its
            average similarity to that story is at least this fraction of the cut (``attach_orphans``;
            0 turns it off).
        fragment_fraction: with the learned score, a story of at most this fraction of the collection's typical
            story size (reports, weighted by story: ``sum(size**2) / n``) is a fragment, and joins the story
            it is closest to when the learned probability averaged over all their pairs of reports is at least
            ``fragment_cut`` (``merge_fragments``; 0 turns it off).
        fragment_cut: see ``fragment_fraction``.
        fragment_sample: reports sampled per story for those averages (the pass stays near-linear).
        move_margin: with the learned score, a report then moves to a neighbouring story when its learned
            probability averaged over that story's reports beats the average over its own story's others by more
            than this (``move_reports``: one round; a report alone stays for ``attach_orphans``; None turns it off).
        background_pairs: random pairs sampled to measure the background similarity.
        clean: run the pipeline's cleaning (web furniture removal) first.
        block_size: rows per sparse product block (memory vs. speed).
        workers: processes reading features for 5,000 reports or more; 0: up to 2 (the CPUs there are).
        engine: ``"local"`` (this machine's processes) or ``"dask"``: feature reading, the heavy
            part of clustering, runs on Dask workers (see ``chorus.engines``).
        scheduler: the Dask scheduler address with ``engine="dask"``; None starts a local cluster.

    """

    entity_weight: float = 1.5
    date_weight: float = 3.0
    number_weight: float = 1.0
    max_words: int = 800
    max_features: int = 300
    max_df: float = 0.3
    max_postings: int = 3000
    neighbours: int = 20
    threshold: float | None = None
    scale: float = 0.56
    min_threshold: float = 0.05
    max_threshold: float = 0.5
    small_threshold: float = 0.3
    learned: bool = True
    orphan_fraction: float = 0.7
    fragment_fraction: float = 0.4
    fragment_cut: float = 0.15
    fragment_sample: int = 64
    move_margin: float | None = 0.05
    background_pairs: int = 20000
    clean: bool = True
    block_size: int = 2000
    workers: int = 0
    engine: str = "local"
    scheduler: str | None = None


@dataclass
class Story:
    """Reports of one event.

    Attributes:
        id: ``story-1``, ``story-2``... numbered by size (largest first).
        documents: indices of its reports in the input list, in input order.
        ids: the ids of those reports.
        title: a representative headline (of the report closest to the story's centroid; its
            first sentence when no report has a headline).
        outlets: distinct sources (``Document.source``, else the id's prefix) among its reports.
    """

    id: str
    documents: list[int] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    title: str = ""
    outlets: int = 0

    @property
    def size(self) -> int:
        return len(self.documents)


# --------------------------------------------------------------------------------------------
# Features


def features(document: Document, options: ClusterOptions) -> Counter:
    """Term counts of a report: ``w:stem`` content words, ``e:stem`` entities,
    ``y:2013`` years, ``d:5-3`` month-day dates, ``n:42`` other numbers."""
    text = (document.title + "\n" if document.title else "") + document.text
    counts: Counter = Counter()
    head = " ".join(text.split()[: options.max_words])
    written = dates(head)
    for year, month, day in written:
        if year and month:
            counts[f"m:{year}-{month}"] += 1
        if month and day:
            counts[f"d:{month}-{day}"] += 1
    sentence_start = True
    previous_month = 0
    seen = 0
    for word in _WORD.findall(text):
        if word in ".!?":
            sentence_start = True
            continue
        seen += 1
        if seen > options.max_words:
            break
        lower = word.lower()
        if lower.isdigit():
            value = int(lower) if len(lower) < 6 else -1
            if len(lower) == 4 and 1900 <= value <= 2099:
                counts["y:" + lower] += 1
            elif previous_month and 1 <= value <= 31:
                counts[f"d:{previous_month}-{value}"] += 1
            else:
                counts["n:" + lower.lstrip("0")] += 1
            previous_month = 0
            sentence_start = False
            continue
        previous_month = MONTHS.get(lower.rstrip("."), 0) if word[0].isupper() else 0
        if lower.endswith(("'s", "’s")):
            lower = lower[:-2]
        token = stem(lower.replace("’", "'"))
        if token in STOP_STEMS or lower in STOPWORDS or len(token) < 2:
            sentence_start = False
            continue
        counts["w:" + token] += 1
        if word[0].isupper() and not sentence_start and not previous_month:
            counts["e:" + token] += 1
        sentence_start = False
    return counts


def _bag(document: Document, options: ClusterOptions) -> Counter:
    if options.clean:
        limit = options.max_words * 12  # characters: cleaning text that is never read is wasted
        document = clean_document(replace(document, text=document.text[:limit]))
    return features(document, options)


def _bag_chunk(args: tuple[list[Document], ClusterOptions]) -> list[Counter]:
    documents, options = args
    return [_bag(d, options) for d in documents]


def _bags(documents: list[Document], options: ClusterOptions) -> list[Counter]:
    """Feature counts of every report, in worker processes for large collections."""
    if options.engine == "dask":
        from chorus.engines import dask_map

        size = max(100, len(documents) // 16 + 1)
        chunks = [(documents[i : i + size], options) for i in range(0, len(documents), size)]
        return [bag for chunk in dask_map(_bag_chunk, chunks, options.scheduler) for bag in chunk]
    workers = options.workers or min(2, os.cpu_count() or 1)
    if workers < 2 or len(documents) < 5000:
        return [_bag(d, options) for d in documents]
    import concurrent.futures
    import multiprocessing

    size = 2000
    chunks = [(documents[i : i + size], options) for i in range(0, len(documents), size)]
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
        return [bag for chunk in pool.map(_bag_chunk, chunks) for bag in chunk]


def vectorize_terms(
    documents: list[Document], options: ClusterOptions, bags: list[Counter] | None = None
) -> tuple[sparse.csr_matrix, np.ndarray]:
    """L2-normalised TF-IDF rows (sublinear tf), cut to each row's ``max_features`` heaviest terms, and the
    kind of each column's term (``"w"``, ``"e"``, ``"y"``, ``"m"``, ``"d"``, ``"n"``). ``bags``: the reports'
    ``features`` when the caller has them already (the store), else they are read here."""
    if bags is None:
        bags = _bags(documents, options)
    vocabulary: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    values: list[float] = []
    kind_weight = {
        "w": 1.0,
        "e": options.entity_weight,
        "y": options.date_weight,
        "d": options.date_weight,
        "m": options.date_weight,
        "n": options.number_weight,
    }
    for bag in bags:
        for term, count in bag.items():
            weight = kind_weight[term[0]]
            if weight > 0:
                indices.append(vocabulary.setdefault(term, len(vocabulary)))
                values.append(weight * (1.0 + math.log(count)))
        indptr.append(len(indices))
    n = len(documents)
    matrix = sparse.csr_matrix(
        (np.asarray(values, dtype=np.float32), np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
        shape=(n, max(1, len(vocabulary))),
    )
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    idf = np.log((n + 1) / (df + 1)).astype(np.float32) + 1.0
    keep = df >= 2 if n > 2 else np.ones_like(df, dtype=bool)
    if n >= 20:
        keep &= df <= max(2, options.max_df * n)
    idf = np.where(keep, idf, 0.0).astype(np.float32)
    matrix = matrix @ sparse.diags(idf)
    matrix = sparse.csr_matrix(matrix)
    matrix.eliminate_zeros()
    matrix = _top_terms(matrix, options.max_features)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    kinds = np.full(matrix.shape[1], "w", dtype="<U1")
    for term, column in vocabulary.items():
        kinds[column] = term[0]
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix, dtype=np.float32), kinds


def _top_terms(matrix: sparse.csr_matrix, limit: int) -> sparse.csr_matrix:
    lengths = np.diff(matrix.indptr)
    if limit <= 0 or lengths.max(initial=0) <= limit:
        return matrix
    data = matrix.data.copy()
    for row in np.nonzero(lengths > limit)[0]:
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        segment = data[start:end]
        cut = np.partition(segment, len(segment) - limit)[len(segment) - limit]
        segment[segment < cut] = 0.0
    pruned = sparse.csr_matrix((data, matrix.indices, matrix.indptr), shape=matrix.shape)
    pruned.eliminate_zeros()
    return pruned


# --------------------------------------------------------------------------------------------
# Neighbours


def nearest_neighbours(
    matrix: sparse.csr_matrix,
    k: int,
    max_postings: int,
    block_size: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Each row's ``k`` most similar other rows: ``(indices, similarities)``, both ``n x k``
    (index -1 and similarity 0 where a row has fewer neighbours). Sparse products in row blocks."""
    n = matrix.shape[0]
    k = max(1, min(k, n - 1)) if n > 1 else 1
    neighbours = np.full((n, k), -1, dtype=np.int64)
    similarities = np.zeros((n, k), dtype=np.float32)
    if n < 2:
        return neighbours, similarities
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    search = matrix
    if (df > max_postings).any():
        search = sparse.csr_matrix(matrix @ sparse.diags((df <= max_postings).astype(np.float32)))
        search.eliminate_zeros()
    transposed = sparse.csc_matrix(search.T)
    for start in range(0, n, block_size):
        block = search[start : start + block_size] @ transposed
        block = sparse.csr_matrix(block)
        for offset in range(block.shape[0]):
            row = start + offset
            lo, hi = block.indptr[offset], block.indptr[offset + 1]
            cols = block.indices[lo:hi]
            vals = block.data[lo:hi]
            mask = cols != row
            cols, vals = cols[mask], vals[mask]
            if len(cols) > k:
                top = np.argpartition(-vals, k - 1)[:k]
                cols, vals = cols[top], vals[top]
            order = np.argsort(-vals, kind="stable")
            neighbours[row, : len(cols)] = cols[order]
            similarities[row, : len(cols)] = vals[order]
    return neighbours, similarities


# --------------------------------------------------------------------------------------------
# Calibration and grouping


def _random_pairs(n: int, options: ClusterOptions) -> tuple[np.ndarray, np.ndarray]:
    """The random pairs of distinct reports whose similarities measure the background (fixed seed)."""
    rng = np.random.default_rng(0)
    pairs = min(options.background_pairs, n * (n - 1) // 2 * 4)
    left = rng.integers(0, n, pairs)
    right = rng.integers(0, n, pairs)
    distinct = left != right
    return left[distinct], right[distinct]


def calibrate(matrix: sparse.csr_matrix, similarities: np.ndarray, options: ClusterOptions) -> float:
    """The collection's own cut, ``scale * sqrt(background * partner)``, within the bounds.

    ``background`` is the 99th percentile of the similarity of random pairs of reports (how similar
    unrelated reports of this collection get: long reports and a shared beat raise it);
    ``partner`` the lower quartile of each report's best-match similarity (how similar reports of
    one event are here). Both move with report length and vocabulary, which a fixed cut ignores.
    """
    if options.threshold is not None:
        return options.threshold
    n = matrix.shape[0]
    if n < 8:
        return options.small_threshold
    left, right = _random_pairs(n, options)
    random_similarity = np.asarray(matrix[left].multiply(matrix[right]).sum(axis=1)).ravel()
    background = float(np.quantile(random_similarity, 0.99)) if random_similarity.size else 0.0
    partner = float(np.quantile(similarities[:, 0], 0.25))
    cut = options.scale * math.sqrt(max(background, 0.0) * max(partner, 0.0))
    return float(min(options.max_threshold, max(options.min_threshold, cut)))


def average_linkage(n: int, neighbours: np.ndarray, similarities: np.ndarray, threshold: float) -> np.ndarray:
    """Average-linkage agglomeration over a sparse similarity graph (absent pairs count as 0),
    merging while the best average similarity is at least ``threshold``. Returns a label per row."""
    rows = np.repeat(np.arange(n), neighbours.shape[1]) if n else np.zeros(0, dtype=np.int64)
    return linkage_edges(n, rows, neighbours.ravel(), similarities.ravel(), threshold)


def linkage_edges(
    n: int,
    left: np.ndarray,
    right: np.ndarray,
    weights: np.ndarray,
    threshold: float,
    sizes: Sequence[int] | None = None,
    max_smaller: float = math.inf,
) -> np.ndarray:
    """``average_linkage`` over an edge list: pair ``(left[e], right[e])`` weighs ``weights[e]`` (the first
    weight given for a pair counts; pairs with ``right`` < 0, a weight <= 0 or a report paired with itself
    are skipped; absent pairs count as 0). Returns a label per row.

    ``sizes``: the rows are groups of that many reports (default 1 each) and ``weights`` their summed pair
    weights, so the average is ``weight / (size_a * size_b)``; ``max_smaller``: merge only while the smaller
    group has at most that many reports."""
    parent = list(range(n))
    size = list(sizes) if sizes is not None else [1] * n

    def allowed(a: int, b: int) -> bool:
        return min(size[a], size[b]) <= max_smaller

    # links[c]: cluster -> summed similarity to other clusters
    links: list[dict[int, float]] = [{} for _ in range(n)]
    for i, j, s in zip(np.asarray(left).tolist(), np.asarray(right).tolist(), np.asarray(weights).tolist(), strict=True):
        if j < 0 or s <= 0 or j == i:
            continue
        if j not in links[i]:
            links[i][j] = float(s)
            links[j][i] = float(s)
    heap = [
        (-s / (size[i] * size[j]), i, j)
        for i in range(n)
        for j, s in links[i].items()
        if i < j and s / (size[i] * size[j]) >= threshold and allowed(i, j)
    ]
    heapq.heapify(heap)
    alive = [True] * n
    while heap:
        negative, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or not allowed(a, b):
            continue
        current = links[a].get(b, 0.0) / (size[a] * size[b])
        if abs(current + negative) > 1e-9:
            continue  # stale entry
        if current < threshold:
            break
        # merge b into a (keep the bigger link table)
        if len(links[a]) < len(links[b]):
            a, b = b, a
        alive[b] = False
        parent[b] = a
        for c, s in links[b].items():
            if c == a:
                continue
            links[a][c] = links[a].get(c, 0.0) + s
            links[c][a] = links[a][c]
            del links[c][b]
        links[a].pop(b, None)
        links[b] = {}
        size[a] += size[b]
        for c, s in links[a].items():
            average = s / (size[a] * size[c])
            if average >= threshold and allowed(a, c):
                heapq.heappush(heap, (-average, min(a, c), max(a, c)))
    labels = np.empty(n, dtype=np.int64)
    for i in range(n):
        root = i
        while parent[root] != root:
            root = parent[root]
        labels[i] = root
    return labels


def attach_orphans(matrix: sparse.csr_matrix, neighbours: np.ndarray, labels: np.ndarray, threshold: float) -> np.ndarray:
    """Move each report left alone by the cut into the story of its nearest neighbour when its
    average similarity to that story's reports is at least ``threshold``.

    Average linkage judges a lone report against a whole story at once, and a story of ten reports
    written over weeks has a low average even when the report is plainly about it; the nearest
    neighbour says which story, the (lower) threshold that it is close enough. Only reports alone
    in their story move, all at once against the grouping as it was, so nothing chains.

    Args:
        matrix: ``n x terms`` L2-normalised rows.
        neighbours: ``n x k`` nearest other rows (``-1`` for none), nearest first.
        labels: a story label per row.
        threshold: the minimum average cosine similarity to the receiving story.

    Returns:
        The new labels (a copy).
    """
    labels = np.asarray(labels).copy()
    if len(labels) < 3 or threshold <= 0:
        return labels
    _, inverse, counts = np.unique(labels, return_inverse=True, return_counts=True)
    orphans = np.nonzero((counts[inverse] == 1) & (neighbours[:, 0] >= 0))[0]
    if orphans.size == 0:
        return labels
    targets = inverse[neighbours[orphans, 0]]
    keep = counts[targets] >= 2  # two orphans that are each other's nearest stay as they are
    orphans, targets = orphans[keep], targets[keep]
    members = sparse.csr_matrix((np.ones(len(labels), dtype=np.float32), (inverse, np.arange(len(labels)))))
    story_sums = sparse.csr_matrix(members[targets] @ matrix)
    average = np.asarray(matrix[orphans].multiply(story_sums).sum(axis=1)).ravel() / counts[targets]
    moving = average >= threshold
    labels[orphans[moving]] = labels[neighbours[orphans[moving], 0]]
    return labels


# --------------------------------------------------------------------------------------------
# Learned same-story score

STORY_FEATURES = (
    "all_background",
    "all_partner",
    "words_background",
    "words_partner",
    "names_background",
    "names_partner",
    "dates_background",
    "dates_partner",
    "year_conflict",
    "both_names",
    "both_dates",
)
"""The features of a neighbour pair that ``chorus/weights/stories.json`` weighs, in order: the log of the pair's
cosine (over all terms, content words alone, names alone, dates alone) over the collection's background (the 99th
percentile of random pairs) and partner (the lower quartile of each report's best match that is not a near
duplicate, ``NEAR_DUPLICATE``) similarity of that kind; both reports name years and share none; both have names;
both have dates."""

NEAR_DUPLICATE = 0.8
"""Pairs at least this similar (all terms) are copies of one report: the partner similarity is measured without
them (a stream of syndicated copies otherwise raises it, and the learned score then splits stories apart)."""

_KINDS = ("wemydn", "w", "e", "ymd", "y")  # the term kinds of: all, words, names, dates, years


def _kind_indicator(kinds: np.ndarray) -> sparse.csr_matrix:
    """``terms x 5``: which columns count towards each of ``_KINDS``."""
    columns = [np.isin(kinds, list(group)).astype(np.float32) for group in _KINDS]
    return sparse.csr_matrix(np.column_stack(columns) if len(kinds) else np.zeros((0, len(_KINDS)), dtype=np.float32))


def _pair_dots(matrix: sparse.csr_matrix, indicator: sparse.csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """``pairs x 5`` dot products of the rows ``left`` and ``right`` over each kind's columns, in chunks."""
    out = np.zeros((len(left), indicator.shape[1]), dtype=np.float64)
    chunk = 50000
    for start in range(0, len(left), chunk):
        product = sparse.csr_matrix(matrix[left[start : start + chunk]].multiply(matrix[right[start : start + chunk]]))
        out[start : start + chunk] = (product @ indicator).toarray()
    return out


def story_pairs(
    matrix: sparse.csr_matrix, kinds: np.ndarray, neighbours: np.ndarray, similarities: np.ndarray, options: ClusterOptions
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The neighbour graph's pairs (each once, ``left < right``) and their ``STORY_FEATURES`` (``pairs x 11``).

    O(n k) pairs; the background of each kind is measured on ``calibrate``'s random pairs.
    """
    left, right, featurize = pair_featurizer(matrix, kinds, neighbours, similarities, options)
    return left, right, featurize(left, right)


def pair_featurizer(
    matrix: sparse.csr_matrix, kinds: np.ndarray, neighbours: np.ndarray, similarities: np.ndarray, options: ClusterOptions
) -> tuple[np.ndarray, np.ndarray, Callable[[np.ndarray, np.ndarray], np.ndarray]]:
    """The neighbour graph's pairs (each once, ``left < right``) and a function giving the ``STORY_FEATURES`` of any
    pairs of reports (``pairs x 11``), each relative to this collection's background and partner similarity."""
    n, k = neighbours.shape
    rows = np.repeat(np.arange(n), k)
    columns = neighbours.ravel()
    valid = (columns >= 0) & (similarities.ravel() > 0) & (columns != rows)
    low = np.minimum(rows[valid], columns[valid])
    high = np.maximum(rows[valid], columns[valid])
    keys = np.unique(low.astype(np.int64) * n + high)
    left, right = keys // n, keys % n
    if len(left) == 0:
        return left, right, lambda a, b: np.zeros((len(a), len(STORY_FEATURES)))
    indicator = _kind_indicator(kinds)
    norms = np.sqrt(np.asarray((sparse.csr_matrix(matrix.multiply(matrix)) @ indicator).todense(), dtype=np.float64))
    has = norms > 0
    safe = np.where(has, norms, 1.0)

    def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return _pair_dots(matrix, indicator, a, b) / (safe[a] * safe[b])

    pair = cosines(left, right)
    random_left, random_right = _random_pairs(n, options)
    background = np.quantile(cosines(random_left, random_right), 0.99, axis=0) if len(random_left) else np.zeros(len(_KINDS))
    # each report's best match that is not a near duplicate (reports with only near duplicates left out:
    # copies of one report would make every other pair look far)
    best = np.zeros((n, len(_KINDS)))
    kept = pair[:, 0] < NEAR_DUPLICATE
    if not kept.any():
        kept[:] = True
    np.maximum.at(best, left[kept], pair[kept])
    np.maximum.at(best, right[kept], pair[kept])
    counted = np.zeros(n, dtype=bool)
    counted[left[kept]] = True
    counted[right[kept]] = True
    partner = np.quantile(best[counted], 0.25, axis=0)
    eps = 1e-3

    def featurize(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        if len(a) == 0:
            return np.zeros((0, len(STORY_FEATURES)))
        cosine = cosines(a, b)
        features = []
        for kind in range(4):  # all, words, names, dates
            features.append(np.log((cosine[:, kind] + eps) / (background[kind] + eps)))
            features.append(np.log((cosine[:, kind] + eps) / (partner[kind] + eps)))
        features.append((has[a, 4] & has[b, 4] & (cosine[:, 4] <= 0)).astype(np.float64))
        features.append((has[a, 2] & has[b, 2]).astype(np.float64))
        features.append((has[a, 3] & has[b, 3]).astype(np.float64))
        return np.column_stack(features)

    return left, right, featurize


DATE_FEATURES = ("closer_than_typical",)
"""The publication-date feature of a pair of reports that ``chorus/weights/stories.json`` adds to the learned score's
logit (``date_coef``, fitted after the text features, on dated collections): how much closer in time the two were
published than this collection's typical pair, ``min(0, log(1 + days apart) - log(1 + typical days apart))``, the
typical gap being the median over random pairs of dated reports. 0 when either report has no ``date``. Relative to
the collection, so a day's stream (every report the same day) gains nothing; never below 0, so a story reported
over months is not pulled apart, only reports published close together pulled in."""


def publication_days(documents: Sequence[Document]) -> np.ndarray:
    """Each report's publication day (``n``, days since 0001-01-01), NaN when it has none (``Document.published``)."""
    days = np.full(len(documents), np.nan)
    for index, document in enumerate(documents):
        if moment := document.published:
            days[index] = moment.toordinal()
    return days


def date_closeness(days: np.ndarray | None, options: ClusterOptions) -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
    """A function giving the ``DATE_FEATURES`` of report pairs ``(a[i], b[i])`` (``pairs x 1``) for the publication
    ``days`` of ``publication_days`` (None or fewer than two dated reports: all 0)."""
    dated = np.nonzero(~np.isnan(days))[0] if days is not None else np.zeros(0, dtype=np.int64)
    if days is None or len(dated) < 2:
        return lambda a, b: np.zeros((len(a), len(DATE_FEATURES)))
    first, second = _random_pairs(len(dated), options)
    typical = float(np.median(np.abs(days[dated[first]] - days[dated[second]]))) if len(first) else 0.0
    filled = np.nan_to_num(days)
    both = ~np.isnan(days)

    def closeness(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        gap = np.abs(filled[a] - filled[b])
        closer = np.minimum(0.0, np.log1p(gap) - math.log1p(typical))
        return np.where(both[a] & both[b], closer, 0.0)[:, None]

    return closeness


@lru_cache(maxsize=1)
def story_model() -> dict:
    """The same-story model shipped as ``chorus/weights/stories.json`` (read once): ``features`` (must be
    ``STORY_FEATURES``), ``mean``, ``scale``, ``coef``, ``intercept``, the linkage ``cut`` and the
    ``near_duplicate`` bar it was trained with (must be ``NEAR_DUPLICATE``)."""
    data = json.loads(resources.files("chorus").joinpath("weights/stories.json").read_text(encoding="utf-8"))
    if tuple(data["features"]) != STORY_FEATURES:
        raise ValueError("chorus/weights/stories.json was trained on other features: retrain with bench/train_stories.py")
    if data.get("near_duplicate") != NEAR_DUPLICATE:
        raise ValueError("chorus/weights/stories.json was trained with another near-duplicate bar: retrain it")
    if not len(data["coef"]) == len(data["mean"]) == len(data["scale"]) == len(STORY_FEATURES):
        raise ValueError("chorus/weights/stories.json: coef, mean and scale need one number per feature")
    if tuple(data.get("date_features", ())) != DATE_FEATURES or len(data.get("date_coef", ())) != len(DATE_FEATURES):
        raise ValueError("chorus/weights/stories.json has no weights for DATE_FEATURES: retrain with bench/train_stories.py")
    return data


def story_logits(features: np.ndarray, model: dict | None = None, closeness: np.ndarray | None = None) -> np.ndarray:
    """The learned score's logit for each pair of reports: ``story_pairs``'s features, plus the ``DATE_FEATURES``
    (``closeness``, ``pairs x 1``) when the reports are dated."""
    model = model or story_model()
    z = (features - np.asarray(model["mean"])) / np.asarray(model["scale"])
    logit = z @ np.asarray(model["coef"]) + float(model["intercept"])
    if closeness is not None:
        logit = logit + closeness @ np.asarray(model.get("date_coef", np.zeros(len(DATE_FEATURES))))
    return logit


def story_probabilities(features: np.ndarray, model: dict | None = None, closeness: np.ndarray | None = None) -> np.ndarray:
    """The probability that each pair of reports tells one story (``story_logits``)."""
    return 1.0 / (1.0 + np.exp(-np.clip(story_logits(features, model, closeness), -50, 50)))


# The learned score's features are relative to the collection's background (the 99th percentile of random
# pairs), which in a handful of reports is a pair of one story: below 16 reports the score can merge
# everything. `python bench/clustering.py --small`, 8-15 reports: ECB+ mean B3 F1 0.980 with the cosine cut
# and 0.961 with the learned score (worst 0.846 / 0.400), DUC 2006 0.917 / 0.968 (worst 0.732 / 0.657).
LEARNED_MIN_REPORTS = 16


def group(
    matrix: sparse.csr_matrix,
    neighbours: np.ndarray,
    similarities: np.ndarray,
    options: ClusterOptions,
    kinds: np.ndarray | None = None,
    model: dict | None = None,
    days: np.ndarray | None = None,
) -> np.ndarray:
    """Story labels from the vectors and their neighbour graph: average linkage of the learned same-story
    probabilities (``options.learned``, given the column ``kinds`` of ``vectorize_terms``; ``LEARNED_MIN_REPORTS``
    reports or more, no fixed ``threshold``) or of the cosines at the calibrated cut, then lone reports attached to their
    nearest neighbour's story. ``model``: a same-story model other than the shipped one (``story_model``); ``days``:
    the reports' publication days (``publication_days``), which the learned score reads when given."""
    threshold = calibrate(matrix, similarities, options)
    n = matrix.shape[0]
    if options.learned and kinds is not None and n >= LEARNED_MIN_REPORTS and options.threshold is None:
        model = model or story_model()
        left, right, featurize = pair_featurizer(matrix, kinds, neighbours, similarities, options)
        closeness = date_closeness(days, options)

        def probability(a: np.ndarray, b: np.ndarray) -> np.ndarray:
            return story_probabilities(featurize(a, b), model, closeness(a, b))

        labels = linkage_edges(n, left, right, probability(left, right), float(model["cut"]))
        labels = merge_fragments(labels, left, right, probability, options)
        labels = move_reports(labels, left, right, probability, options)
    else:
        labels = average_linkage(n, neighbours, similarities, threshold)
    if n < 8:
        return labels  # too few reports for a lone one to be judged against a story's average
    return attach_orphans(matrix, neighbours, labels, options.orphan_fraction * threshold)


def merge_fragments(
    labels: np.ndarray,
    left: np.ndarray,
    right: np.ndarray,
    probability: Callable[[np.ndarray, np.ndarray], np.ndarray],
    options: ClusterOptions,
) -> np.ndarray:
    """Join small stories ("fragments") to the story they are closest to.

    A story written over weeks falls apart under a cut that keeps two events of one kind apart (ECB+): its
    pieces are each much smaller than the collection's typical story. A story of at most ``fragment_fraction``
    of the typical size is a fragment; each fragment and each story it neighbours (``left``/``right``, the
    report pairs of the neighbour graph) are compared by ``probability`` averaged over all their pairs of
    reports (a sample of ``fragment_sample`` reports of a larger story), then joined by average linkage
    down to ``fragment_cut`` while the smaller side is still a fragment. Measured in BENCHMARKS.md (issue 5).

    Args:
        labels: a story label per report.
        left, right: the neighbour graph's report pairs.
        probability: the learned same-story probability of report pairs ``(a[i], b[i])``.
        options: ``fragment_fraction``, ``fragment_cut``, ``fragment_sample``.

    Returns:
        The new labels (a copy; labels of stories that took fragments are kept).
    """
    labels = np.asarray(labels)
    if options.fragment_fraction <= 0 or len(labels) == 0 or len(left) == 0:
        return labels.copy()
    _, inverse, counts = np.unique(labels, return_inverse=True, return_counts=True)
    limit = options.fragment_fraction * float((counts.astype(np.float64) ** 2).sum() / counts.sum())
    fragment = counts <= limit
    a, b = inverse[left], inverse[right]
    touching = (a != b) & (fragment[a] | fragment[b])
    if not touching.any():
        return labels.copy()
    neighbouring = np.unique(np.stack([np.minimum(a[touching], b[touching]), np.maximum(a[touching], b[touching])], 1), axis=0)
    order = np.argsort(inverse, kind="stable")
    starts = np.concatenate([[0], np.cumsum(counts)])
    rng = np.random.default_rng(0)

    def members(story: int) -> np.ndarray:
        reports = order[starts[story] : starts[story + 1]]
        return reports if len(reports) <= options.fragment_sample else rng.choice(reports, options.fragment_sample, replace=False)

    firsts, seconds, owners = [], [], []
    for edge, (x, y) in enumerate(neighbouring.tolist()):
        first, second = members(x), members(y)
        firsts.append(np.repeat(first, len(second)))
        seconds.append(np.tile(second, len(first)))
        owners.append(np.full(len(first) * len(second), edge))
    owner = np.concatenate(owners)
    mean = np.bincount(owner, weights=probability(np.concatenate(firsts), np.concatenate(seconds))) / np.bincount(owner)
    x, y = neighbouring[:, 0], neighbouring[:, 1]
    merged = linkage_edges(
        len(counts), x, y, mean * counts[x] * counts[y], options.fragment_cut, sizes=counts.tolist(), max_smaller=limit
    )
    # each story's reports take the label of the first report of the story it joined
    return labels[order[starts[:-1]]][merged][inverse]


def move_reports(
    labels: np.ndarray,
    left: np.ndarray,
    right: np.ndarray,
    probability: Callable[[np.ndarray, np.ndarray], np.ndarray],
    options: ClusterOptions,
) -> np.ndarray:
    """Move each report to the neighbouring story it belongs with best (one round of reassignment).

    Average linkage decides a report's story by the stories as they stood when it joined; once the stories are
    whole, a report is compared with each story its graph neighbours are in: the learned probability averaged over
    that story's reports (``fragment_sample`` of them at most) against the same average over the rest of its own
    story. It moves when another story's average is higher by more than ``move_margin`` (a margin, because a mean
    over a few reports is noisy). All moves are decided on the stories before any of them; a report alone in its
    story stays (joining one is ``attach_orphans``' job). Measured in BENCHMARKS.md (issue 5).

    Args:
        labels: a story label per report.
        left, right: the neighbour graph's report pairs.
        probability: the learned same-story probability of report pairs ``(a[i], b[i])``.
        options: ``move_margin`` (None: no moves), ``fragment_sample``.

    Returns:
        The new labels (a copy).
    """
    labels = np.asarray(labels).copy()
    n = len(labels)
    if options.move_margin is None or n == 0 or len(left) == 0:
        return labels
    _, story_of, sizes = np.unique(labels, return_inverse=True, return_counts=True)
    stories = len(sizes)
    # (report, story) candidates: the report's own story and those of its graph neighbours
    keys = np.unique(
        np.concatenate([np.arange(n), left, right]).astype(np.int64) * stories
        + np.concatenate([story_of, story_of[right], story_of[left]])
    )
    reports, targets = keys // stories, keys % stories
    own = targets == story_of[reports]
    has_rival = np.zeros(n, dtype=bool)
    has_rival[reports[~own]] = True
    keep = has_rival[reports] & (sizes[story_of[reports]] >= 2)  # a lone report stays
    reports, targets, own = reports[keep], targets[keep], own[keep]
    if len(reports) == 0:
        return labels
    # each story's members (a sample of a large one), laid end to end
    order = np.argsort(story_of, kind="stable")
    starts = np.concatenate([[0], np.cumsum(sizes)])
    rng = np.random.default_rng(0)
    sampled = []
    for story in range(stories):
        members = order[starts[story] : starts[story + 1]]
        if len(members) > options.fragment_sample:
            members = np.sort(rng.choice(members, options.fragment_sample, replace=False))
        sampled.append(members)
    lengths = np.array([len(m) for m in sampled])
    flat = np.concatenate(sampled)
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    # every (report, member of the candidate story) pair, the report itself left out
    per = lengths[targets]
    row = np.repeat(np.arange(len(reports)), per)
    first = reports[row]
    second = flat[np.repeat(offsets[targets], per) + np.arange(per.sum()) - np.repeat(np.cumsum(per) - per, per)]
    other = first != second
    row, first, second = row[other], first[other], second[other]
    values = np.concatenate(
        [probability(first[k : k + 200_000], second[k : k + 200_000]) for k in range(0, len(first), 200_000)] or [np.zeros(0)]
    )
    counted = np.bincount(row, minlength=len(reports))
    mean = np.bincount(row, weights=values, minlength=len(reports)) / np.maximum(counted, 1)
    own_mean = np.full(n, -np.inf)
    own_mean[reports[own]] = mean[own]
    best_mean = np.full(n, -np.inf)
    np.maximum.at(best_mean, reports[~own], mean[~own])
    best_story = np.full(n, -1)
    winner = ~own & (mean == best_mean[reports])
    best_story[reports[winner]] = targets[winner]
    moving = np.nonzero((best_story >= 0) & (best_mean > own_mean + options.move_margin))[0]
    story_label = labels[order[starts[:-1]]]  # a label per story, as it was before the moves
    labels[moving] = story_label[best_story[moving]]
    return labels


def cluster_labels(
    documents: list[Document], options: ClusterOptions | None = None, bags: list[Counter] | None = None
) -> np.ndarray:
    """A story label per report (labels are arbitrary integers); ``bags`` as in ``vectorize_terms``."""
    options = options or ClusterOptions()
    n = len(documents)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    if n == 1:
        return np.zeros(1, dtype=np.int64)
    matrix, kinds = vectorize_terms(documents, options, bags)
    neighbours, similarities = nearest_neighbours(matrix, options.neighbours, options.max_postings, options.block_size)
    return group(matrix, neighbours, similarities, options, kinds, days=publication_days(documents))


def cluster_documents(
    documents: list[Document], options: ClusterOptions | None = None, bags: list[Counter] | None = None
) -> list[Story]:
    """Group reports into stories, largest first.

    Args:
        documents: the reports, in any order; empty texts become stories of their own.
        options: see ``ClusterOptions``.
        bags: the reports' ``features``, when the caller has read them already (one per report).

    Returns:
        Stories covering every input report exactly once, ``story-1`` the largest.
    """
    documents = list(documents)
    labels = cluster_labels(documents, options, bags)
    members: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        members.setdefault(int(label), []).append(index)
    groups = sorted(members.values(), key=lambda m: (-len(m), m[0]))
    stories = []
    for number, group in enumerate(groups, 1):
        docs = [documents[i] for i in group]
        stories.append(
            Story(
                id=f"story-{number}",
                documents=group,
                ids=[d.id or str(i) for d, i in zip(docs, group, strict=True)],
                title=representative_title(docs),
                outlets=count_outlets(docs),
            )
        )
    return stories


_HEADLINE_CHARACTERS = 1500  # a headline comes from the report's first lines: cleaning the rest is wasted


def _clean_lines(text: str) -> Iterator[str]:
    """The cleaned lines of ``text``, one at a time (a headline needs only the first good one)."""
    for raw in text.split("\n"):
        for line in normalise(raw).split("\n"):
            if cleaned := " ".join(clean_line(line).split()):
                yield cleaned


def headline_of(document: Document) -> str:
    """A report's headline, else its first line or sentence that is not a link, at most 20 words (cleaned: no
    dateline, wire codes or photo credit)."""
    if document.title.strip():
        return " ".join(document.title.split())
    for line in _clean_lines(document.text[:_HEADLINE_CHARACTERS]):
        if not line or re.match(r"^(?:https?|www)\b", line, re.IGNORECASE) or len(line) < 12:
            continue
        first = re.split(r"(?<=[a-z0-9][.!?])\s+(?=[A-Z])", line, maxsplit=1)[0]
        words = first.split()
        return " ".join(words[:20]) + (" ..." if len(words) > 20 else "")
    return ""


def representative_title(documents: list[Document]) -> str:
    """The most typical headline: the one sharing most words with the story's other headlines
    (reports without a headline contribute their first line)."""
    titles = [t for t in (headline_of(d) for d in documents) if t]
    if not titles:
        return ""
    word_sets = [{stem(w.lower()) for w in _WORD.findall(t) if w.lower() not in STOPWORDS and w not in ".!?"} for t in titles]
    totals = Counter(w for words in word_sets for w in words)
    scores = [sum(totals[w] - 1 for w in words) / (1 + len(words)) ** 0.5 for words in word_sets]
    return titles[int(np.argmax(scores))]


def outlet_of(document: Document) -> str:
    """The outlet a report comes from: its source (host of a URL, a file's folder), else its id
    without its trailing numbers (``afp-2`` -> ``afp``; ``APW19981016.0240``, an LDC newswire id -> ``APW``)."""
    source = document.source.strip()
    if source:
        match = re.match(r"^[a-z]+://(?:www\.)?([^/]+)", source, re.IGNORECASE)
        return match.group(1).lower() if match else source
    return re.sub(r"[-_~.\d]*\d$", "", document.id) or document.id


def count_outlets(documents: list[Document]) -> int:
    return len({outlet_of(d) for d in documents})
