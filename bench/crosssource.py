"""Cross-source bench: entity grouping, quote speakers and "where sources differ" against a hand-made gold set.

Every gold file in ``bench/gold/`` (format in ``bench/gold/README.md``) names one cluster of the shared
data: the Venezuela example folder or a Multi-News cluster. The bench runs Chorus on the cluster's
documents (``chorus.pipeline.summarize(documents, words=100)``) and scores three things:

- Entity grouping, pairwise over the gold mentions. Each gold mention (doc, text) is mapped to the system
  entity whose ``forms[doc]`` holds that text (case-, accent- and possessive-insensitive); failing an exact
  form, to the entity with the longest form that contains the mention's words or is contained in them and
  ends on the same word; failing that, the mention stays a singleton. Over all pairs of gold mentions: precision = pairs the
  system groups that gold groups / pairs the system groups, recall = the same / pairs gold groups.
- Speaker accuracy over gold quotes with a named speaker: the system quote from the same document whose
  words overlap the gold quote best (at least half of the shorter one's content words, and at least 3
  words, or all of a shorter quote) must name a speaker that resolves to the gold speaker entity (by a
  mention with that exact string, else by a shared surname). A missing quote counts as wrong; coverage is
  the share of gold quotes found at all.
- Disagreements: a system disagreement matches a gold one when two of its claims each match best a
  mention of a different claim of that gold disagreement (word overlap >= 0.5 of the shorter text, or
  containment; the numbers of the gold mention must appear in the system claim). Precision = system
  disagreements matching some gold one / system disagreements; recall = gold disagreements matched /
  gold disagreements.

Every measure is reported per cluster and micro-averaged over all clusters (counts summed first).

Two gold sets are scored, and reported apart: the development set (``bench/gold/*.json``, used while writing
the rules, so its numbers are optimistic) and the held-out set (``bench/gold/heldout/*.json``, which nobody
tunes on). The development tables come first, unchanged; then the same tables for the held-out set; then a
summary with one column per set beside the targets.

    python bench/crosssource.py                         # run Chorus and score every gold file
    python bench/crosssource.py --json cross.json       # also write the numbers (and the errors)
    python bench/crosssource.py --check                 # only check the gold offsets against the data
    python bench/crosssource.py --system-json out.json  # score a saved system output instead of running Chorus
    python bench/crosssource.py --oracle                # score the gold against itself (a scorer self-check)
    python bench/crosssource.py --no-heldout            # the development set only

The data folder defaults to ``../shared/data`` next to the repository (``--data`` or the ``CHORUS_DATA``
environment variable override it); without it the bench says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.data import resolve_data  # noqa: E402

DEFAULT_GOLD = ROOT / "bench" / "gold"
DEFAULT_HELDOUT = DEFAULT_GOLD / "heldout"
"""The held-out gold set: scored and reported apart from the development set, never tuned on."""
VENEZUELA = "venezuela_2019-04-30"
MULTINEWS = "multinews_sample.jsonl"
UNNAMED = "UNNAMED"
KINDS = ("person", "place", "organisation")
TARGETS = {
    "entity_f1": 0.9,
    "speaker_accuracy": 0.9,
    "disagreement_precision": 0.8,
    "disagreement_recall": 0.6,
}
MAX_GOLD_TEXT = 100
"""Longest text a gold mention may carry: names and short claim phrases only, never article text."""

STOPWORDS = frozenset(
    "a an and are as at be been but by for from had has have he her his i in is it its me my of on or our "
    "she so that the their them they this to was we were what when which who will with you your".split()
)
NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_QUOTE_MARKS = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-"})


# --------------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Case-, accent- and quote-mark-insensitive form of a name; a trailing possessive is dropped."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTE_MARKS))
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    text = " ".join(text.split()).strip(" .,;:!?\"'()[]")
    return re.sub(r"'s?$", "", text).strip()


def words(text: str) -> list[str]:
    """The folded word tokens of a text (``U.S.`` gives ``u``, ``s``); number words become digits."""
    return [NUMBER_WORDS.get(token, token) for token in re.findall(r"\w+", fold(text))]


def content_words(text: str) -> list[str]:
    """The words of a text less a short list of function words (all words when that leaves fewer than 3)."""
    tokens = words(text)
    content = [token for token in tokens if token not in STOPWORDS]
    return content if len(content) >= 3 else tokens


def overlap(a: Sequence[str], b: Sequence[str]) -> tuple[float, int]:
    """Shared tokens (as multisets) over the shorter sequence, and the shared count."""
    if not a or not b:
        return 0.0, 0
    shared = sum((Counter(a) & Counter(b)).values())
    return shared / min(len(a), len(b)), shared


def _contains(seq: Sequence[str], sub: Sequence[str]) -> bool:
    """True when ``sub`` is a contiguous, non-empty run of ``seq``."""
    n = len(sub)
    return n > 0 and any(list(seq[i : i + n]) == list(sub) for i in range(len(seq) - n + 1))


def ratio(num: int, den: int) -> float | None:
    """num / den, or None when the denominator is 0 (undefined)."""
    return num / den if den else None


def f1(precision: float | None, recall: float | None) -> float | None:
    """Harmonic mean; an undefined side counts as 0, both undefined give None."""
    if precision is None and recall is None:
        return None
    p, r = precision or 0.0, recall or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _get(item: Any, name: str, default: Any = None) -> Any:
    """Attribute or mapping key ``name`` of a system object (dataclass or dict)."""
    if isinstance(item, dict):
        return item.get(name, default)
    return getattr(item, name, default)


# --------------------------------------------------------------------------------------------
# System output, normalised
# --------------------------------------------------------------------------------------------


@dataclass
class SysEntity:
    """A system entity: its name and the surface forms it takes in each document."""

    name: str
    forms: dict[str, list[str]]
    kind: str = ""
    mentions: int = 0


@dataclass
class SysQuote:
    """A system quote: speaker (None when unattributed), text without quote marks, source documents."""

    speaker: str | None
    text: str
    sources: list[str]


@dataclass
class SysClaim:
    """One side of a system disagreement."""

    text: str
    sources: list[str]


@dataclass
class SysDisagreement:
    """Claims the system found to differ about one thing."""

    about: str
    claims: list[SysClaim]


@dataclass
class SystemOutput:
    """What the bench reads from a Chorus summary, in plain form."""

    entities: list[SysEntity] = field(default_factory=list)
    quotes: list[SysQuote] = field(default_factory=list)
    disagreements: list[SysDisagreement] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The ``--system-json`` shape of one cluster."""
        return {
            "entities": [{"name": e.name, "kind": e.kind, "mentions": e.mentions, "forms": e.forms} for e in self.entities],
            "quotes": [{"speaker": q.speaker, "text": q.text, "sources": q.sources} for q in self.quotes],
            "disagreements": [
                {"about": d.about, "claims": [{"text": c.text, "sources": c.sources} for c in d.claims]}
                for d in self.disagreements
            ],
        }


def system_output(summary: Any) -> SystemOutput:
    """Read entities, quotes and disagreements from a summary object or its dict form.

    An entity without ``forms`` falls back to its name and variants in each of its ``sources``.
    An attribute the summary lacks is read as empty and named in ``missing``.
    """
    out = SystemOutput()
    for name in ("entities", "quotes", "disagreements"):
        if _get(summary, name) is None:
            out.missing.append(name)
    for entity in _get(summary, "entities") or []:
        name = str(_get(entity, "name", "") or "")
        forms = {str(doc): [str(f) for f in values] for doc, values in (_get(entity, "forms") or {}).items()}
        if not forms:
            surface = [name, *(_get(entity, "variants") or [])]
            forms = {str(doc): list(surface) for doc in _get(entity, "sources") or []}
        out.entities.append(SysEntity(name, forms, str(_get(entity, "kind", "") or ""), int(_get(entity, "mentions", 0) or 0)))
    for quote in _get(summary, "quotes") or []:
        speaker = _get(quote, "speaker")
        out.quotes.append(SysQuote(None if speaker is None else str(speaker), str(_get(quote, "text", "")), _sources(quote)))
    for item in _get(summary, "disagreements") or []:
        claims = [SysClaim(str(_get(c, "text", "")), _sources(c)) for c in _get(item, "claims") or []]
        out.disagreements.append(SysDisagreement(str(_get(item, "about", "")), claims))
    return out


def _sources(item: Any) -> list[str]:
    return [str(s) for s in _get(item, "sources") or []]


def oracle_output(gold: dict[str, Any], texts: dict[str, str]) -> SystemOutput:
    """A perfect system built from the gold itself: every measure should score 1 (a scorer self-check)."""
    out = SystemOutput()
    for entity in gold["entities"]:
        forms: dict[str, list[str]] = {}
        for mention in entity["mentions"]:
            forms.setdefault(mention["doc"], [])
            if mention["text"] not in forms[mention["doc"]]:
                forms[mention["doc"]].append(mention["text"])
        out.entities.append(SysEntity(entity["label"], forms, entity["kind"], len(entity["mentions"])))
    for quote in gold["quotes"]:
        speaker = None if quote["speaker"] == UNNAMED else quote["speaker"]
        out.quotes.append(SysQuote(speaker, texts[quote["doc"]][quote["start"] : quote["end"]], [quote["doc"]]))
    for item in gold["disagreements"]:
        claims = [
            SysClaim(claim["mentions"][0]["text"], sorted({m["doc"] for m in claim["mentions"]})) for claim in item["claims"]
        ]
        out.disagreements.append(SysDisagreement(item["about"], claims))
    return out


# --------------------------------------------------------------------------------------------
# Entity grouping
# --------------------------------------------------------------------------------------------


@dataclass
class EntityScore:
    """Pair counts of one cluster (or of all): pairs grouped by both, by gold, by the system."""

    mentions: int = 0
    mapped: int = 0
    both: int = 0
    gold: int = 0
    system: int = 0
    kinds: int = 0  # gold entities with a mapped mention (their kind compared with the system entity most map to)
    kinds_agree: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: EntityScore) -> None:
        self.mentions += other.mentions
        self.mapped += other.mapped
        self.both += other.both
        self.gold += other.gold
        self.system += other.system
        self.kinds += other.kinds
        self.kinds_agree += other.kinds_agree

    @property
    def kind_accuracy(self) -> float | None:
        return ratio(self.kinds_agree, self.kinds)

    @property
    def precision(self) -> float | None:
        return ratio(self.both, self.system)

    @property
    def recall(self) -> float | None:
        return ratio(self.both, self.gold)

    @property
    def f1(self) -> float | None:
        return f1(self.precision, self.recall)


def map_mention(doc: str, text: str, entities: Sequence[SysEntity]) -> int | None:
    """Index of the system entity a gold mention belongs to, or None (a singleton).

    First an exact folded form in ``forms[doc]``; else the longest form whose words contain the mention's
    words or lie inside them and end on the same word (``Maudro`` for ``Nicolás Maudro``, ``Juan Guaidó``
    for ``Guaidó``, but not ``Senate`` for ``Senate Armed Services Committee``). Ties go to the entity with
    more mentions, then the earlier one.
    """
    target = fold(text)
    target_words = words(text)
    best: tuple[int, int, int, int] | None = None  # (exact, form length, entity mentions, -index)
    for index, entity in enumerate(entities):
        for form in entity.forms.get(doc, []):
            folded = fold(form)
            if not folded:
                continue
            exact = folded == target
            if not exact:
                form_words = words(form)
                if not form_words or not target_words or form_words[-1] != target_words[-1]:
                    continue
                if not (_contains(target_words, form_words) or _contains(form_words, target_words)):
                    continue
            key = (int(exact), len(folded), entity.mentions, -index)
            if best is None or key > best:
                best = key
    return None if best is None else -best[3]


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def score_entities(gold: dict[str, Any], system: SystemOutput) -> EntityScore:
    """Pairwise precision/recall counts of the system's grouping of the gold mentions."""
    score = EntityScore()
    cells: Counter[tuple[int, int]] = Counter()
    gold_sizes: Counter[int] = Counter()
    system_sizes: Counter[int] = Counter()
    assignment: dict[int, Counter[int | None]] = {}
    for gold_index, entity in enumerate(gold["entities"]):
        assignment[gold_index] = Counter()
        for mention in entity["mentions"]:
            score.mentions += 1
            gold_sizes[gold_index] += 1
            system_index = map_mention(mention["doc"], mention["text"], system.entities)
            assignment[gold_index][system_index] += 1
            if system_index is not None:
                score.mapped += 1
                system_sizes[system_index] += 1
                cells[gold_index, system_index] += 1
    score.both = sum(_pairs(n) for n in cells.values())
    score.gold = sum(_pairs(n) for n in gold_sizes.values())
    score.system = sum(_pairs(n) for n in system_sizes.values())
    for gold_index, counts in assignment.items():
        parts = [i for i in counts if i is not None]
        if parts:
            # the kind of the system entity most of its mentions map to (the first such, in gold mention order)
            score.kinds += 1
            majority = max(parts, key=lambda i: counts[i])
            wanted, found = gold["entities"][gold_index], system.entities[majority]
            score.kinds_agree += found.kind == wanted["kind"]
            if found.kind != wanted["kind"]:
                score.errors.append(f"kind: gold {wanted['label']!r} is {wanted['kind']}, system {found.name!r} {found.kind}")
        # Errors for the report: gold entities split over several system entities (merges below).
        unmapped = counts.get(None, 0)
        if len(parts) > 1 or (unmapped and gold_sizes[gold_index] > 1):
            names = ", ".join(f"{system.entities[i].name!r} x{counts[i]}" for i in parts)
            extra = f", unmatched x{unmapped}" if unmapped else ""
            score.errors.append(f"split: gold {gold['entities'][gold_index]['label']!r} -> {names or '-'}{extra}")
    merged: dict[int, list[str]] = {}
    for gold_index, system_index in cells:
        merged.setdefault(system_index, []).append(gold["entities"][gold_index]["label"])
    for system_index, labels in merged.items():
        if len(labels) > 1:
            score.errors.append(f"merge: system {system.entities[system_index].name!r} <- gold {sorted(labels)}")
    return score


# --------------------------------------------------------------------------------------------
# Quote speakers
# --------------------------------------------------------------------------------------------


@dataclass
class SpeakerScore:
    """Gold quotes with a named speaker, how many the system found, and how many it attributed right."""

    quotes: int = 0
    found: int = 0
    correct: int = 0
    unnamed: int = 0
    unnamed_found: int = 0  # gold quotes whose speaker is not named that the system found
    unnamed_kept: int = 0  # ... and left without a speaker (a name there would be a wrong one)
    errors: list[str] = field(default_factory=list)

    def add(self, other: SpeakerScore) -> None:
        self.quotes += other.quotes
        self.found += other.found
        self.correct += other.correct
        self.unnamed += other.unnamed
        self.unnamed_found += other.unnamed_found
        self.unnamed_kept += other.unnamed_kept

    @property
    def unnamed_kept_rate(self) -> float | None:
        return ratio(self.unnamed_kept, self.unnamed_found)

    @property
    def accuracy(self) -> float | None:
        return ratio(self.correct, self.quotes)

    @property
    def coverage(self) -> float | None:
        return ratio(self.found, self.quotes)


def best_overlap(gold_text: str, texts: Sequence[str]) -> int | None:
    """The index of the text that overlaps the gold quote best, if any overlaps enough (half the gold
    quote's content words, and at least three unless a quote is shorter)."""
    gold_words = content_words(gold_text)
    best: tuple[float, int] | None = None
    chosen: int | None = None
    for index, text in enumerate(texts):
        quote_words = content_words(text)
        share, shared = overlap(gold_words, quote_words)
        if share < 0.5 or shared < min(3, len(gold_words), len(quote_words)):
            continue
        if best is None or (share, shared) > best:
            best, chosen = (share, shared), index
    return chosen


def best_quote(gold_text: str, doc: str, quotes: Sequence[SysQuote]) -> SysQuote | None:
    """The system quote from ``doc`` that overlaps the gold quote best, if it overlaps enough."""
    carried = [quote for quote in quotes if doc in quote.sources]
    index = best_overlap(gold_text, [quote.text for quote in carried])
    return None if index is None else carried[index]


def resolve_speaker(speaker: str | None, gold: dict[str, Any], doc: str) -> str | None:
    """The gold entity label a system speaker string stands for, or None.

    An entity with a mention (or label) of exactly that folded string wins; else one whose label or a
    mention ends with the speaker's last word (its surname). Entities mentioned in ``doc`` come first.
    """
    if not speaker or not fold(speaker):
        return None
    target = fold(speaker)
    surname = words(speaker)[-1:] or [""]

    def ranked(matches: list[dict[str, Any]]) -> str | None:
        if not matches:
            return None
        in_doc = [e for e in matches if any(m["doc"] == doc for m in e["mentions"])]
        return (in_doc or matches)[0]["label"]

    entities = gold["entities"]
    exact = [e for e in entities if fold(e["label"]) == target or any(fold(m["text"]) == target for m in e["mentions"])]
    if exact:
        return ranked(exact)
    by_surname = [
        e for e in entities if any(words(name)[-1:] == surname for name in [e["label"], *(m["text"] for m in e["mentions"])])
    ]
    return ranked(by_surname)


def score_speakers(gold: dict[str, Any], system: SystemOutput, texts: dict[str, str]) -> SpeakerScore:
    """Speaker accuracy and coverage over the gold quotes with a named speaker."""
    score = SpeakerScore()
    for quote in gold["quotes"]:
        gold_text = texts[quote["doc"]][quote["start"] : quote["end"]]
        found = best_quote(gold_text, quote["doc"], system.quotes)
        if quote["speaker"] == UNNAMED:
            score.unnamed += 1
            if found is not None:
                score.unnamed_found += 1
                score.unnamed_kept += found.speaker is None
                if found.speaker is not None:
                    score.errors.append(f"named [{quote['doc']}] {quote['cue']!r}: gold unnamed, system {found.speaker!r}")
            continue
        score.quotes += 1
        if found is None:
            score.errors.append(f"missed [{quote['doc']}] {quote['speaker']}: {quote['cue']!r}")
            continue
        score.found += 1
        resolved = resolve_speaker(found.speaker, gold, quote["doc"])
        if resolved == quote["speaker"]:
            score.correct += 1
        else:
            score.errors.append(
                f"wrong [{quote['doc']}] {quote['cue']!r}: gold {quote['speaker']!r}, system {found.speaker!r} -> {resolved!r}"
            )
    return score


# --------------------------------------------------------------------------------------------
# Disagreements
# --------------------------------------------------------------------------------------------


@dataclass
class DisagreementScore:
    """Gold and system disagreements, and how many of each the other side matches."""

    gold: int = 0
    system: int = 0
    system_matched: int = 0
    gold_matched: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: DisagreementScore) -> None:
        self.gold += other.gold
        self.system += other.system
        self.system_matched += other.system_matched
        self.gold_matched += other.gold_matched

    @property
    def precision(self) -> float | None:
        return ratio(self.system_matched, self.system)

    @property
    def recall(self) -> float | None:
        return ratio(self.gold_matched, self.gold)


def claim_similarity(claim_text: str, mention_text: str) -> float:
    """How well a system claim matches a gold claim mention: 1 for containment, else word overlap.

    Numbers in the gold mention must all appear in the claim, or the similarity is 0 ("20 killed" is
    not "21 killed").
    """
    claim_words, mention_words = words(claim_text), words(mention_text)
    numbers = {token for token in mention_words if token.isdigit()}
    if numbers - set(claim_words):
        return 0.0
    if _contains(claim_words, mention_words) or _contains(mention_words, claim_words):
        return 1.0
    return overlap(claim_words, mention_words)[0]


def claim_hits(claim: SysClaim, gold_item: dict[str, Any]) -> set[int]:
    """Indices of the gold claims a system claim matches best (similarity >= 0.5)."""
    scores = [max((claim_similarity(claim.text, m["text"]) for m in c["mentions"]), default=0.0) for c in gold_item["claims"]]
    top = max(scores, default=0.0)
    if top < 0.5:
        return set()
    return {index for index, value in enumerate(scores) if value >= top - 1e-9}


def disagreement_matches(item: SysDisagreement, gold_item: dict[str, Any]) -> bool:
    """True when two of the system's claims match two different claims of the gold disagreement."""
    hits = [claim_hits(claim, gold_item) for claim in item.claims]
    for first, second in combinations(hits, 2):
        if any(a != b for a in first for b in second):
            return True
    return False


def score_disagreements(gold: dict[str, Any], system: SystemOutput) -> DisagreementScore:
    """Disagreement precision and recall counts for one cluster."""
    score = DisagreementScore(gold=len(gold["disagreements"]), system=len(system.disagreements))
    recalled: set[int] = set()
    for item in system.disagreements:
        matched = [i for i, gold_item in enumerate(gold["disagreements"]) if disagreement_matches(item, gold_item)]
        if matched:
            score.system_matched += 1
            recalled.update(matched)
        else:
            claims = " | ".join(c.text for c in item.claims)
            score.errors.append(f"unmatched system disagreement {item.about!r}: {claims}")
    score.gold_matched = len(recalled)
    for index, gold_item in enumerate(gold["disagreements"]):
        if index not in recalled:
            score.errors.append(f"missed gold disagreement {gold_item['about']!r}")
    return score


# --------------------------------------------------------------------------------------------
# Gold and data
# --------------------------------------------------------------------------------------------


def load_gold(folder: Path, names: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Every ``*.json`` gold file of a folder (or only the named clusters), Venezuela first."""
    wanted = set(names) if names else None
    golds = []
    for path in sorted(folder.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if wanted is None or gold["cluster"] in wanted:
            golds.append(gold)
    return sorted(golds, key=lambda g: (g["cluster"] != VENEZUELA, _cluster_number(g["cluster"]), g["cluster"]))


def _cluster_number(name: str) -> int:
    match = re.search(r"(\d+)$", name)
    return int(match.group(1)) if match else 0


def load_texts(data: Path, golds: Sequence[dict[str, Any]]) -> dict[str, dict[str, dict[str, str]]]:
    """Raw documents of every gold cluster: cluster -> doc id -> {"text", "title", "date"}.

    A gold file's ``source`` is the Venezuela folder or any cluster file of the shared data in the summarisation
    schema (``multinews_sample.jsonl``, ``duc2007.jsonl``...); only the documents its ``documents`` lists are
    read (a DUC gold file may annotate a few reports of a cluster of 25; ``data_cluster``, when given, is the
    data's cluster id and ``cluster`` the gold file's own name)."""
    out: dict[str, dict[str, dict[str, str]]] = {}
    if any(g["source"].startswith(VENEZUELA) for g in golds):
        folder = data / VENEZUELA
        out[VENEZUELA] = {
            path.stem: {"text": path.read_text(encoding="utf-8"), "title": "", "date": ""}
            for path in sorted(folder.glob("*.txt"))
        }
    # the data's cluster id -> the gold files annotating some of its reports (two gold files may annotate two
    # sets of reports of one DUC cluster: their ``cluster`` names differ, their ``data_cluster`` is the same)
    by_file: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for gold in golds:
        if not gold["source"].startswith(VENEZUELA):
            by_file.setdefault(gold["source"], {}).setdefault(gold.get("data_cluster", gold["cluster"]), []).append(gold)
    for source, wanted in by_file.items():
        with (data / source).open(encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                cluster = json.loads(line)
                for gold in wanted.get(cluster["id"], []):
                    listed = set(gold.get("documents", []))
                    out[gold["cluster"]] = {
                        str(d["id"]): {"text": d["text"], "title": d.get("title", "") or "", "date": d.get("date", "") or ""}
                        for d in cluster["documents"]
                        if str(d["id"]) in listed
                    }
    return out


def data_paths(data: Path, golds: Sequence[dict[str, Any]]) -> list[Path]:
    """The data files and folders the gold clusters need."""
    return sorted({data / (VENEZUELA if gold["source"].startswith(VENEZUELA) else gold["source"]) for gold in golds})


def check_gold(gold: dict[str, Any], docs: dict[str, dict[str, str]] | None) -> list[str]:
    """Problems of one gold file: shape, labels, speakers, overlaps, and (with the data) offsets."""
    problems: list[str] = []
    name = gold.get("cluster", "?")
    for key in ("cluster", "source", "documents", "entities", "quotes", "disagreements"):
        if key not in gold:
            problems.append(f"{name}: missing key {key!r}")
    if problems:
        return problems
    labels = [e["label"] for e in gold["entities"]]
    if len(set(labels)) != len(labels):
        problems.append(f"{name}: duplicate entity labels")
    documents = set(gold["documents"])

    def text_at(mention: dict[str, Any], what: str) -> None:
        if mention["doc"] not in documents:
            problems.append(f"{name}: {what} in unknown document {mention['doc']!r}")
            return
        if len(mention["text"]) > MAX_GOLD_TEXT:
            problems.append(f"{name}: {what} text longer than {MAX_GOLD_TEXT} characters")
        if docs is not None:
            raw = docs.get(mention["doc"], {}).get("text")
            if raw is None:
                problems.append(f"{name}: document {mention['doc']!r} not in the data")
            elif raw[mention["start"] : mention["end"]] != mention["text"]:
                problems.append(
                    f"{name}: {what} {mention['text']!r} not at {mention['doc']}[{mention['start']}:{mention['end']}]"
                )

    spans: dict[str, list[tuple[int, int, str]]] = {}
    # the bench maps a gold mention by its (document, text): one text in one document names one entity
    owner: dict[tuple[str, str], str] = {}
    for entity in gold["entities"]:
        for mention in entity["mentions"]:
            other = owner.setdefault((mention["doc"], mention["text"]), entity["label"])
            if other != entity["label"]:
                problems.append(f"{name}: {mention['text']!r} names both {other!r} and {entity['label']!r} in {mention['doc']}")
    for entity in gold["entities"]:
        if entity.get("kind") not in KINDS:
            problems.append(f"{name}: entity {entity['label']!r} has kind {entity.get('kind')!r}")
        if not entity["mentions"]:
            problems.append(f"{name}: entity {entity['label']!r} has no mentions")
        for mention in entity["mentions"]:
            text_at(mention, f"mention of {entity['label']!r}")
            for start, end, other in spans.get(mention["doc"], []):
                if mention["start"] < end and start < mention["end"]:
                    problems.append(f"{name}: mentions of {other!r} and {entity['label']!r} overlap in {mention['doc']}")
            spans.setdefault(mention["doc"], []).append((mention["start"], mention["end"], entity["label"]))
    for quote in gold["quotes"]:
        if quote["speaker"] != UNNAMED and quote["speaker"] not in labels:
            problems.append(f"{name}: quote speaker {quote['speaker']!r} is not an entity label")
        if quote["doc"] not in documents:
            problems.append(f"{name}: quote in unknown document {quote['doc']!r}")
        elif docs is not None:
            raw = docs.get(quote["doc"], {}).get("text", "")
            span = raw[quote["start"] : quote["end"]]
            if not span or words(span)[:3] != words(quote["cue"])[:3]:
                problems.append(
                    f"{name}: quote cue {quote['cue']!r} does not open {quote['doc']}[{quote['start']}:{quote['end']}]"
                )
    for item in gold["disagreements"]:
        if len(item["claims"]) < 2:
            problems.append(f"{name}: disagreement {item['about']!r} has fewer than 2 claims")
        for claim in item["claims"]:
            for mention in claim["mentions"]:
                text_at(mention, f"claim {claim['label']!r}")
    return problems


def documents_for(cluster: str, docs: dict[str, dict[str, str]], data: Path) -> list[Any]:
    """The cluster's documents as Chorus takes them (``chorus.ingest.load`` for the Venezuela folder)."""
    from chorus.models import Document

    if cluster == VENEZUELA:
        from chorus.ingest import load

        return list(load([data / VENEZUELA])[0].documents)
    return [Document(text=d["text"], id=doc_id, title=d["title"], date=d["date"]) for doc_id, d in docs.items()]


def run_chorus(documents: Sequence[Any], words_budget: int) -> SystemOutput:
    """Chorus's entities, quotes and disagreements for one cluster."""
    from chorus.pipeline import summarize

    return system_output(summarize(list(documents), words=words_budget))


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


@dataclass
class ClusterResult:
    """All three scores of one cluster."""

    cluster: str
    entities: EntityScore
    speakers: SpeakerScore
    disagreements: DisagreementScore
    seconds: float = 0.0


def score_cluster(gold: dict[str, Any], system: SystemOutput, texts: dict[str, str]) -> ClusterResult:
    """Score one cluster's system output against its gold."""
    return ClusterResult(
        gold["cluster"],
        score_entities(gold, system),
        score_speakers(gold, system, texts),
        score_disagreements(gold, system),
    )


def totals(results: Sequence[ClusterResult]) -> ClusterResult:
    """Micro-averaged totals: counts summed over clusters."""
    total = ClusterResult("all", EntityScore(), SpeakerScore(), DisagreementScore())
    for result in results:
        total.entities.add(result.entities)
        total.speakers.add(result.speakers)
        total.disagreements.add(result.disagreements)
        total.seconds += result.seconds
    return total


def fmt(value: float | None) -> str:
    """A score with 3 decimals, or an en dash when undefined."""
    return "–" if value is None else f"{value:.3f}"


def tables(results: Sequence[ClusterResult], label: str = "", per_cluster: bool = True) -> str:
    """The three markdown tables and the summary; ``label`` ("Held-out") prefixes every heading. Without
    ``per_cluster`` only the totals row of each table (how the held-out set is shown: nobody reads its
    per-cluster numbers while changing Chorus)."""
    prefix = f"{label}: " if label else ""
    rows = [*results, totals(results)] if per_cluster else [totals(results)]
    lines = [
        f"### {prefix}Entity grouping (pairwise over gold mentions; target F1 >= {TARGETS['entity_f1']})",
        "",
        "| cluster | mentions | mapped | gold pairs | system pairs | both | P | R | F1 | kind agrees (no target) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        e = r.entities
        name = f"**{r.cluster}**" if r.cluster == "all" else r.cluster
        counts = f"{e.mentions} | {e.mapped} | {e.gold} | {e.system} | {e.both}"
        kinds = f"{e.kinds_agree} / {e.kinds}"
        lines.append(f"| {name} | {counts} | {fmt(e.precision)} | {fmt(e.recall)} | {fmt(e.f1)} | {kinds} |")
    lines += [
        "",
        f"### {prefix}Quote speakers (gold quotes with a named speaker; target accuracy >= {TARGETS['speaker_accuracy']})",
        "",
        "| cluster | quotes | unnamed (skipped) | found | correct | coverage | accuracy | unnamed found / left unnamed |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        s = r.speakers
        name = f"**{r.cluster}**" if r.cluster == "all" else r.cluster
        kept = f"{s.unnamed_found} / {s.unnamed_kept}"
        lines.append(
            f"| {name} | {s.quotes} | {s.unnamed} | {s.found} | {s.correct} | {fmt(s.coverage)} | {fmt(s.accuracy)} | {kept} |"
        )
    lines += [
        "",
        f"### {prefix}Where sources differ (targets: precision >= {TARGETS['disagreement_precision']}, "
        f"recall >= {TARGETS['disagreement_recall']})",
        "",
        "| cluster | gold | system | system matched | gold matched | P | R |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        d = r.disagreements
        name = f"**{r.cluster}**" if r.cluster == "all" else r.cluster
        lines.append(
            f"| {name} | {d.gold} | {d.system} | {d.system_matched} | {d.gold_matched} | {fmt(d.precision)} | {fmt(d.recall)} |"
        )
    lines += ["", f"### {prefix}Summary (micro over all clusters)", ""]
    lines += ["| measure | value | target | met |", "|---|---:|---:|:---:|"]
    for label, value, target in summary_rows(rows[-1]):
        met = "–" if value is None else ("yes" if value >= target else "no")
        lines.append(f"| {label} | {fmt(value)} | >= {target} | {met} |")
    return "\n".join(lines)


def comparison(dev: Sequence[ClusterResult], heldout: Sequence[ClusterResult]) -> str:
    """The final table: each summary measure on the development set, on the held-out set, and its target."""
    lines = [
        f"### Summary: development ({len(dev)} clusters) vs held-out ({len(heldout)} clusters, never tuned on)",
        "",
        "| measure | dev | held-out | target |",
        "|---|---:|---:|---:|",
    ]
    rows = zip(summary_rows(totals(dev)), summary_rows(totals(heldout)), strict=True)
    for (label, dev_value, target), (_, held_value, _) in rows:
        lines.append(f"| {label} | {fmt(dev_value)} | {fmt(held_value)} | >= {target} |")
    kept = (totals(dev).speakers.unnamed_kept_rate, totals(heldout).speakers.unnamed_kept_rate)
    lines.append(f"| unnamed quotes left unnamed (no target) | {fmt(kept[0])} | {fmt(kept[1])} | – |")
    kinds = (totals(dev).entities.kind_accuracy, totals(heldout).entities.kind_accuracy)
    lines.append(f"| entity kind agrees with the gold (no target) | {fmt(kinds[0])} | {fmt(kinds[1])} | – |")
    return "\n".join(lines)


def summary_rows(total: ClusterResult) -> list[tuple[str, float | None, float]]:
    """(measure, value, target) for the summary table."""
    return [
        ("entity grouping F1", total.entities.f1, TARGETS["entity_f1"]),
        ("speaker accuracy", total.speakers.accuracy, TARGETS["speaker_accuracy"]),
        ("disagreement precision", total.disagreements.precision, TARGETS["disagreement_precision"]),
        ("disagreement recall", total.disagreements.recall, TARGETS["disagreement_recall"]),
    ]


def result_dict(result: ClusterResult, errors: bool = True) -> dict[str, Any]:
    """One cluster's (or the total's) numbers for ``--json``."""
    e, s, d = result.entities, result.speakers, result.disagreements
    out: dict[str, Any] = {
        "entities": {
            "mentions": e.mentions,
            "mapped": e.mapped,
            "gold_pairs": e.gold,
            "system_pairs": e.system,
            "both_pairs": e.both,
            "precision": e.precision,
            "recall": e.recall,
            "f1": e.f1,
            "kinds": e.kinds,
            "kind_accuracy": e.kind_accuracy,
        },
        "speakers": {
            "quotes": s.quotes,
            "unnamed": s.unnamed,
            "found": s.found,
            "correct": s.correct,
            "coverage": s.coverage,
            "accuracy": s.accuracy,
            "unnamed_found": s.unnamed_found,
            "unnamed_kept": s.unnamed_kept,
        },
        "disagreements": {
            "gold": d.gold,
            "system": d.system,
            "system_matched": d.system_matched,
            "gold_matched": d.gold_matched,
            "precision": d.precision,
            "recall": d.recall,
        },
        "seconds": round(result.seconds, 3),
    }
    if errors:
        out["errors"] = {"entities": e.errors, "speakers": s.errors, "disagreements": d.errors}
    return out


def check_sets(dev: Sequence[dict[str, Any]], heldout: Sequence[dict[str, Any]]) -> list[str]:
    """Problems between the two gold sets: no cluster, and no report, may be in both (held-out means unseen; two
    files may annotate other reports of one cluster: ``data_cluster``)."""
    both = sorted({g["cluster"] for g in dev} & {g["cluster"] for g in heldout})
    problems = [f"{name}: in both the development and the held-out set" for name in both]

    def reports(golds: Sequence[dict[str, Any]]) -> set[tuple[str, str]]:
        return {(g.get("data_cluster", g["cluster"]), doc) for g in golds for doc in g["documents"]}

    shared = sorted(reports(dev) & reports(heldout))
    return problems + [f"{cluster}: report {doc} in both the development and the held-out set" for cluster, doc in shared]


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: score Chorus (or a saved output, or the oracle) against the development and held-out gold sets."""
    import time

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", default=str(DEFAULT_GOLD), help="folder of development gold JSON files (default: bench/gold)")
    parser.add_argument(
        "--heldout", default=str(DEFAULT_HELDOUT), help="folder of held-out gold JSON files (default: bench/gold/heldout)"
    )
    parser.add_argument("--no-heldout", action="store_true", help="score the development set only")
    parser.add_argument("--data", help="folder of the shared data (default: $CHORUS_DATA or ../shared/data)")
    parser.add_argument("--json", metavar="PATH", help="also write the numbers and errors as JSON")
    parser.add_argument("--clusters", help="comma-separated cluster names to score (default: every gold file)")
    parser.add_argument("--words", type=int, default=100, help="word budget passed to summarize (default: 100)")
    parser.add_argument("--check", action="store_true", help="only check the gold files against the data, then exit")
    parser.add_argument("--system-json", metavar="PATH", help="score this saved system output instead of running Chorus")
    parser.add_argument("--dump-system", metavar="PATH", help="write the system output that was scored (the --system-json shape)")
    parser.add_argument("--oracle", action="store_true", help="score the gold against itself (every measure should be 1)")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="print each development cluster's errors (splits, merges, wrong speakers...; never the held-out set's)",
    )
    args = parser.parse_args(argv)

    gold_dir = Path(args.gold)
    names = [n.strip() for n in args.clusters.split(",")] if args.clusters else None
    golds = load_gold(gold_dir, names)
    heldout_dir = Path(args.heldout)
    heldout = [] if args.no_heldout or not heldout_dir.is_dir() else load_gold(heldout_dir, names)
    if not golds and not heldout:
        print(f"no gold files in {gold_dir}")
        return 1
    everything = [*golds, *heldout]
    data = resolve_data(args.data)
    missing = [p for p in data_paths(data, everything) if not p.exists()]
    if not data.is_dir() or missing:
        print(f"data not found: {missing[0] if data.is_dir() else data}")
        return 0
    texts = load_texts(data, everything)

    problems = check_sets(golds, heldout) + [p for gold in everything for p in check_gold(gold, texts.get(gold["cluster"]))]
    for problem in problems:
        print(f"gold problem: {problem}")
    if args.check:
        for title, group in (("development", golds), ("held-out", heldout)):
            if not group:
                continue
            print(f"{title} set:")
            for g in group:
                print(
                    f"{g['cluster']}: {len(g['entities'])} entities, {sum(len(e['mentions']) for e in g['entities'])} mentions, "
                    f"{len(g['quotes'])} quotes, {len(g['disagreements'])} disagreements"
                )
        print(f"{len(golds)} development + {len(heldout)} held-out gold files, {len(problems)} problems")
        return 1 if problems else 0

    saved: dict[str, Any] = {}
    if args.system_json:
        saved = json.loads(Path(args.system_json).read_text(encoding="utf-8"))
        saved = saved.get("clusters", saved)
    dumped: dict[str, Any] = {}

    def score_all(group: Sequence[dict[str, Any]], show_errors: bool) -> list[ClusterResult] | None:
        results: list[ClusterResult] = []
        for gold in group:
            cluster = gold["cluster"]
            docs = texts[cluster]
            raw = {doc_id: d["text"] for doc_id, d in docs.items()}
            start = time.perf_counter()
            if args.oracle:
                system = oracle_output(gold, raw)
            elif args.system_json:
                system = system_output(saved.get(cluster, {}))
            else:
                try:
                    system = run_chorus(documents_for(cluster, docs, data), args.words)
                except ImportError as error:
                    print(f"chorus not importable: {error}")
                    return None
            seconds = time.perf_counter() - start
            if system.missing and not args.system_json:
                print(f"note: {cluster}: the summary has no {', '.join(system.missing)} (scored as empty)")
            result = score_cluster(gold, system, raw)
            result.seconds = seconds
            results.append(result)
            dumped[cluster] = system.to_dict()
            if show_errors:
                errors = result.entities.errors + result.speakers.errors + result.disagreements.errors
                if errors:
                    print(f"errors in {cluster}:")
                    print("\n".join(f"  {line}" for line in errors))
        return results

    results = score_all(golds, args.errors)
    if results is None:
        return 1
    if results:
        print(tables(results))
    heldout_results = score_all(heldout, False)  # never the held-out set's errors
    if heldout_results is None:
        return 1
    if heldout_results:
        names_line = ", ".join(r.cluster for r in heldout_results)
        print(f"\n## Held-out set ({len(heldout_results)} clusters, never tuned on: {names_line})\n")
        print(tables(heldout_results, "Held-out", per_cluster=False))
        print()
        print(comparison(results, heldout_results))
    if args.dump_system:
        Path(args.dump_system).write_text(json.dumps({"clusters": dumped}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if args.json:
        payload: dict[str, Any] = {
            "system": "oracle" if args.oracle else (args.system_json or "chorus"),
            "words": args.words,
            "targets": TARGETS,
            "clusters": {r.cluster: result_dict(r) for r in results},
            "all": result_dict(totals(results), errors=False),
        }
        if heldout_results:
            # the totals only, as printed: the held-out set's per-cluster numbers and errors stay unread
            payload["heldout"] = {
                "clusters": [r.cluster for r in heldout_results],
                "all": result_dict(totals(heldout_results), errors=False),
            }
        Path(args.json).write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
