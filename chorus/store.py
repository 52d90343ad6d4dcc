"""An incremental story store: articles and stories kept in an embedded SQLite file.

``StoryStore(path).add(documents)`` adds new reports to a store built by earlier runs:

1. **Exact duplicates** (an id already stored, or the same normalised text: lower-cased words,
   whitespace ignored, SHA-1) are skipped.
2. **Representation.** No global vocabulary: each report's ``chorus.cluster.features`` (stemmed
   content words, capitalised names, dates, numbers, weighted as in ``ClusterOptions``, sublinear
   tf) are hashed into ``2**18`` dimensions and weighted by an idf kept in the store (document
   frequencies of the hashed terms, ``meta``), cut to ``max_features`` terms and L2-normalised.
   Stored sparse as ``(indices int32, values float32)`` bytes (``articles.signature``).
3. **Near duplicates**: a MinHash (128 hashes) of each report's word 3-gram shingles is stored
   (``articles.minhash``); an estimated Jaccard similarity >= ``near_duplicate`` (0.7: one word
   changed in a 30-word report still scores about 0.8, rewordings of one event score far lower) to
   an article of the story the report is closest to, or to an earlier report of the same batch,
   makes it a copy: skipped.
4. **Assignment.** A story's centroid is the sum of its members' vectors (top 300 terms). A report
   joins the story whose centroid is most similar if the cosine is at least ``join_threshold``
   (default ``JOIN_THRESHOLD``, chosen on ECB+, see ``bench/clustering.py --incremental``); the
   reports that join no story are clustered among themselves (``cluster_documents``) and open new
   stories.

Each ``add`` is one SQLite transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``; rolled back on any
error), so an interrupted run leaves the store as it was; ``articles.id`` is the primary key and
``content_hash`` is unique, so no report is ever counted twice. The file is in WAL mode.
"""

from __future__ import annotations

import hashlib
import math
import re
import sqlite3
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from chorus.analyse import tokens
from chorus.cluster import ClusterOptions, _bags, cluster_documents, representative_title
from chorus.errors import ChorusInputError
from chorus.models import Document

DIMENSIONS = 2**18
CENTROID_TERMS = 300
# Cosine to a story centroid needed to join it. ECB+ (``bench/clustering.py --incremental``: a
# random half seeded with ``cluster_documents``, the rest added in batches of 50), B-cubed F1 of the
# stored stories against ``event``: 0.900 at 0.15, 0.899 at 0.20, 0.897 at 0.25, 0.893 at 0.30,
# 0.866 at 0.40, 0.790 at 0.50 (batch clustering of all 982 reports at once: 0.920; 21 reports were
# skipped as near-duplicate copies, and every ECB+ pair the MinHash test flags is of one event).
# 0.25: on the plateau, but less eager to merge unrelated stories of a broad stream than lower cuts.
JOIN_THRESHOLD = 0.25
NEAR_DUPLICATE = 0.7
SHINGLE = 3
_HASHES = 128
_RNG = np.random.default_rng(20240611)
_MULTIPLIERS = (_RNG.integers(1, 2**32, _HASHES, dtype=np.uint64) | np.uint64(1)).reshape(-1, 1)
_OFFSETS = _RNG.integers(0, 2**32, _HASHES, dtype=np.uint64).reshape(-1, 1)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles(
    id TEXT PRIMARY KEY, content_hash TEXT UNIQUE, story INTEGER, title TEXT, date TEXT, source TEXT, text TEXT,
    signature BLOB, minhash BLOB);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story);
CREATE TABLE IF NOT EXISTS stories(id INTEGER PRIMARY KEY, title TEXT, size INTEGER, centroid BLOB);
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value BLOB);
"""
_NORMAL_WORD = re.compile(r"[^\W_]+")


@dataclass
class AddResult:
    """What one ``StoryStore.add`` did: reports added, duplicates skipped (exact and near), stories
    opened, reports that joined an existing story, and the ids of every story touched."""

    added: int = 0
    duplicates: int = 0
    new_stories: int = 0
    joined: int = 0
    touched: list[int] = field(default_factory=list)


def content_hash(document: Document) -> str:
    """SHA-1 of the report's lower-cased words (headline and body), punctuation and spacing ignored."""
    words = _NORMAL_WORD.findall((document.title + "\n" + document.text).lower())
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()


def minhash(document: Document) -> np.ndarray:
    """128 MinHash values (uint32) of the report's word ``SHINGLE``-gram shingles."""
    words = tokens(document.title + "\n" + document.text)
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    hashes = np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.uint64, count=len(grams))
    mixed = (hashes.reshape(1, -1) * _MULTIPLIERS + _OFFSETS) & np.uint64(0xFFFFFFFF)
    return mixed.min(axis=1).astype(np.uint32)


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def _pack(indices: np.ndarray, values: np.ndarray) -> bytes:
    indices = np.asarray(indices, dtype=np.int32)
    return len(indices).to_bytes(4, "little") + indices.tobytes() + np.asarray(values, dtype=np.float32).tobytes()


def _unpack(blob: bytes) -> tuple[np.ndarray, np.ndarray]:
    n = int.from_bytes(blob[:4], "little")
    indices = np.frombuffer(blob, dtype=np.int32, count=n, offset=4)
    values = np.frombuffer(blob, dtype=np.float32, count=n, offset=4 + 4 * n)
    return indices, values


def _dense(indices: np.ndarray, values: np.ndarray) -> dict[int, float]:
    return dict(zip(indices.tolist(), values.tolist(), strict=True))


def _hashed(bag: Counter, options: ClusterOptions) -> dict[int, float]:
    weights = {"w": 1.0, "e": options.entity_weight, "y": options.date_weight, "d": options.date_weight}
    weights["m"] = options.date_weight
    weights["n"] = options.number_weight
    out: dict[int, float] = {}
    for term, count in bag.items():
        weight = weights.get(term[0], 1.0)
        if weight > 0:
            slot = zlib.crc32(term.encode("utf-8")) & (DIMENSIONS - 1)
            out[slot] = out.get(slot, 0.0) + weight * (1.0 + math.log(count))
    return out


class StoryStore:
    """Articles and their stories in a SQLite file (created when missing)."""

    def __init__(
        self,
        path: str | Path,
        join_threshold: float = JOIN_THRESHOLD,
        near_duplicate: float = NEAR_DUPLICATE,
        timeout: float = 5.0,
    ):
        """Open (or create) the store at ``path``; ``timeout``: seconds to wait for another writer."""
        self.path = str(path)
        self.join_threshold = join_threshold
        self.near_duplicate = near_duplicate
        if Path(self.path).is_dir():
            raise ChorusInputError(f"{self.path}: is a folder, give a store file name")
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=timeout)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as error:
            raise ChorusInputError(f"{self.path}: not a usable Chorus store ({error})") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> StoryStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---------------------------------------------------------------------------------- reading

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def stories(self) -> list[tuple[int, str, list[str]]]:
        """Every story as ``(story id, title, [article ids])``, largest first."""
        members: dict[int, list[str]] = {}
        for article, story in self.db.execute("SELECT id, story FROM articles ORDER BY rowid"):
            members.setdefault(story, []).append(article)
        titles = dict(self.db.execute("SELECT id, title FROM stories"))
        out = [(story, titles.get(story, ""), ids) for story, ids in members.items()]
        out.sort(key=lambda s: (-len(s[2]), s[0]))
        return out

    def documents(self, story: int) -> list[Document]:
        """The reports of one story, in the order they were added."""
        rows = self.db.execute("SELECT text, id, title, date, source FROM articles WHERE story=? ORDER BY rowid", (story,))
        return [Document(*row) for row in rows]

    # ---------------------------------------------------------------------------------- writing

    def _meta(self, key: str):
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def _write_article(
        self, document: Document, digest: str, story: int, vector: tuple[np.ndarray, np.ndarray], shingles: np.ndarray
    ) -> None:
        self.db.execute(
            "INSERT INTO articles(id, content_hash, story, title, date, source, text, signature, minhash)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (
                document.id,
                digest,
                story,
                document.title,
                document.date,
                document.source,
                document.text,
                _pack(*vector),
                shingles.tobytes(),
            ),
        )

    def add(self, documents: list[Document], options: ClusterOptions | None = None) -> AddResult:
        """Add reports: skip duplicates, join existing stories or open new ones; one transaction."""
        options = options or ClusterOptions()
        result = AddResult()
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise ChorusInputError(f"{self.path}: store is busy or locked ({error})") from None
        try:
            self._add(list(documents), options, result)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return result

    def _add(self, documents: list[Document], options: ClusterOptions, result: AddResult) -> None:
        # 1. exact duplicates (stored ids and hashes, and within the batch)
        fresh: list[tuple[Document, str]] = []
        seen_ids: set[str] = set()
        seen_hashes: set[str] = set()
        for doc in documents:
            digest = content_hash(doc)
            if not doc.id:  # named after its content, so the same report gets the same id in every run
                doc = Document(doc.text, f"doc-{digest[:12]}", doc.title, doc.date, doc.source)
            known = self.db.execute("SELECT 1 FROM articles WHERE id=? OR content_hash=? LIMIT 1", (doc.id, digest)).fetchone()
            if known or doc.id in seen_ids or digest in seen_hashes:
                result.duplicates += 1
                continue
            seen_ids.add(doc.id)
            seen_hashes.add(digest)
            fresh.append((doc, digest))
        if not fresh:
            return

        # 2. hashed vectors, idf from the store's document frequencies updated with this batch
        # read once (in worker processes for large batches): hashed here, clustered below for reports joining no story
        bags = _bags([doc for doc, _ in fresh], options)
        raw = [_hashed(bag, options) for bag in bags]
        blob = self._meta("df")
        df = np.frombuffer(blob, dtype=np.int32).copy() if blob else np.zeros(DIMENSIONS, dtype=np.int32)
        total = int(self._meta("n") or 0) + len(fresh)
        for vector in raw:
            df[np.fromiter(vector.keys(), dtype=np.int64, count=len(vector))] += 1
        idf = np.log((total + 1) / (df + 1.0)) + 1.0
        if total >= 20:
            idf[df > max(2, options.max_df * total)] = 0.0
        vectors: list[dict[int, float]] = []
        for vector in raw:
            weighted = {k: v * float(idf[k]) for k, v in vector.items() if idf[k] > 0}
            if len(weighted) > options.max_features:
                weighted = dict(sorted(weighted.items(), key=lambda kv: -kv[1])[: options.max_features])
            norm = math.sqrt(sum(v * v for v in weighted.values())) or 1.0
            vectors.append({k: v / norm for k, v in weighted.items()})

        # 3. best existing story per report (cosine to the centroid)
        best_story, best_score = self._nearest_stories(vectors)

        # 4. near duplicates: of a member of the candidate story, or of an earlier report of the batch
        signatures = [minhash(doc) for doc, _ in fresh]
        kept: list[int] = []
        member_cache: dict[int, list[np.ndarray]] = {}
        buckets: dict[bytes, list[int]] = {}  # LSH: 32 bands of 4 hashes; copies share a band
        for i, signature in enumerate(signatures):
            bands = [signature[k : k + 4].tobytes() + bytes([k]) for k in range(0, _HASHES, 4)]
            candidates = {j for band in bands for j in buckets.get(band, ())}
            copy = any(_jaccard(signature, signatures[j]) >= self.near_duplicate for j in candidates)
            story = best_story[i]
            if not copy and story >= 0:
                if story not in member_cache:
                    rows = self.db.execute("SELECT minhash FROM articles WHERE story=?", (story,))
                    member_cache[story] = [np.frombuffer(row[0], dtype=np.uint32) for row in rows]
                copy = any(_jaccard(signature, member) >= self.near_duplicate for member in member_cache[story])
            if copy:
                result.duplicates += 1
            else:
                kept.append(i)
                for band in bands:
                    buckets.setdefault(band, []).append(i)

        # 5. join or open stories
        joins: dict[int, list[int]] = {}
        loose: list[int] = []
        for i in kept:
            if best_story[i] >= 0 and best_score[i] >= self.join_threshold:
                joins.setdefault(best_story[i], []).append(i)
            else:
                loose.append(i)
        groups: list[tuple[int | None, list[int]]] = list(joins.items())
        if loose:
            stories = cluster_documents([fresh[i][0] for i in loose], options, [bags[i] for i in loose])
            groups += [(None, [loose[k] for k in story.documents]) for story in stories]
        for story, members in groups:
            if story is None:
                story = self.db.execute("INSERT INTO stories(title, size, centroid) VALUES ('', 0, NULL)").lastrowid
                result.new_stories += 1
            else:
                result.joined += len(members)
            for i in members:
                self._write_article(fresh[i][0], fresh[i][1], story, self._split(vectors[i]), signatures[i])
                result.added += 1
            self._update_story(story, [vectors[i] for i in members])
            result.touched.append(story)
        self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('df', ?)", (df.tobytes(),))
        self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('n', ?)", (total - len(vectors) + result.added,))
        kept_set = set(kept)
        df_fix = [raw[i] for i in range(len(raw)) if i not in kept_set]
        if df_fix:  # skipped near duplicates do not count in the document frequencies
            for vector in df_fix:
                df[np.fromiter(vector.keys(), dtype=np.int64, count=len(vector))] -= 1
            self.db.execute("UPDATE meta SET value=? WHERE key='df'", (df.tobytes(),))

    @staticmethod
    def _split(vector: dict[int, float]) -> tuple[np.ndarray, np.ndarray]:
        keys = np.fromiter(vector.keys(), dtype=np.int32, count=len(vector))
        values = np.fromiter(vector.values(), dtype=np.float32, count=len(vector))
        order = np.argsort(keys)
        return keys[order], values[order]

    def _nearest_stories(self, vectors: list[dict[int, float]]) -> tuple[list[int], list[float]]:
        """The story whose centroid is most similar to each vector (-1 when there is none)."""
        from scipy import sparse

        ids: list[int] = []
        indptr = [0]
        indices: list[np.ndarray] = []
        values: list[np.ndarray] = []
        for story, blob in self.db.execute("SELECT id, centroid FROM stories WHERE centroid IS NOT NULL"):
            keys, vals = _unpack(blob)
            ids.append(story)
            indices.append(keys)
            values.append(vals)
            indptr.append(indptr[-1] + len(keys))
        if not ids:
            return [-1] * len(vectors), [0.0] * len(vectors)
        centroids = sparse.csr_matrix(
            (np.concatenate(values), np.concatenate(indices), np.asarray(indptr)), shape=(len(ids), DIMENSIONS)
        )
        rows = [0]
        keys_all: list[int] = []
        vals_all: list[float] = []
        for vector in vectors:
            keys_all.extend(vector.keys())
            vals_all.extend(vector.values())
            rows.append(len(keys_all))
        batch = sparse.csr_matrix(
            (np.asarray(vals_all, dtype=np.float32), np.asarray(keys_all, dtype=np.int64), np.asarray(rows)),
            shape=(len(vectors), DIMENSIONS),
        )
        norms = np.sqrt(np.asarray(centroids.multiply(centroids).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        scores = (batch @ centroids.T).toarray() / norms[None, :]
        best = scores.argmax(axis=1)
        return [ids[b] for b in best], [float(scores[i, b]) for i, b in enumerate(best)]

    def _update_story(self, story: int, vectors: list[dict[int, float]]) -> None:
        """Add member vectors to the story's centroid (their sum, kept to its ``CENTROID_TERMS``
        heaviest terms) and refresh its title and size."""
        row = self.db.execute("SELECT centroid FROM stories WHERE id=?", (story,)).fetchone()
        total: dict[int, float] = _dense(*_unpack(row[0])) if row and row[0] else {}
        for vector in vectors:
            for k, v in vector.items():
                total[k] = total.get(k, 0.0) + v
        if len(total) > CENTROID_TERMS:
            total = dict(sorted(total.items(), key=lambda kv: -kv[1])[:CENTROID_TERMS])
        members = self.db.execute("SELECT text, id, title, date, source FROM articles WHERE story=?", (story,)).fetchall()
        self.db.execute(
            "UPDATE stories SET title=?, size=?, centroid=? WHERE id=?",
            (representative_title([Document(*m) for m in members]), len(members), _pack(*self._split(total)), story),
        )
