"""A learned ranker over candidate quote speakers, trained and measured on the development gold only.

For each quote the rules of ``chorus.quotes`` attribute, the candidates are every entity named in the
quote's paragraph and the two sentences before it, plus the rules' own choice. Each candidate gets a few
numpy-computable features (``FEATURES``); a logistic regression scores them and the best-scoring candidate
speaks. The gold quotes with a named speaker (``bench/gold/*.json``, never ``heldout/``) are matched to the
rules' quotes of the same report by their words (as ``bench/crosssource.py`` does); a candidate is right
when its name resolves to the gold speaker (``resolve_speaker``).

Measured by leave-one-cluster-out cross-validation: the model scoring a cluster never saw it. The rules'
accuracy is reported on exactly the same quotes.

    python bench/train_speakers.py                 # LOCO table, rules vs ranker
    python bench/train_speakers.py --write PATH    # also fit on every development cluster and write the model
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.crosssource import (  # noqa: E402
    DEFAULT_GOLD,
    UNNAMED,
    content_words,
    documents_for,
    load_gold,
    load_texts,
    overlap,
    resolve_speaker,
)
from bench.data import resolve_data  # noqa: E402
from chorus.entities import PERSON_TITLES, ROLE_NOUNS, extract_entities  # noqa: E402
from chorus.models import Document, Entity  # noqa: E402
from chorus.options import SummaryOptions  # noqa: E402
from chorus.pipeline import prepare  # noqa: E402
from chorus.quotes import _ADVERB, _TITLE_ABBREVIATIONS, _VERB, _Attributed, _attributed_quotes, _ends_a_sentence  # noqa: E402

FEATURES = (
    "rules",  # the rules' own choice
    "person",
    "organisation",  # organisation or other
    "place",
    "log_chars",  # log(1 + characters between the nearest mention and the quote)
    "log_tokens",  # log(1 + tokens between them)
    "speech_subject",  # "X said" / "said X" right next to the quote, in its sentence
    "speech_verb",  # "X said" / "said X" anywhere in the window
    "same_sentence",
    "before",  # a mention before the quote
    "after",  # a mention after the quote
    "in_paragraph",  # a mention in the quote's own paragraph (else in the two sentences before it)
    "titled",  # a title or role noun right before the name ("Mayor", "spokesman")
    "possessor",
    "object",  # after a preposition
    "determined",  # after an article
    "modifier",  # a modifier of the next name
    "log_count",  # log(1 + mentions of the entity in the report)
    "only_quoted",  # every mention in the window is inside a quotation
    "previous_speaker",  # spoke the report's previous quote
    "last_person",  # the last person named (outside quotations) before the quote
    "no_mention",  # not named in the window (the rules resolved a pronoun or a description)
)
_TITLE_WORDS = frozenset(w.lower() for w in PERSON_TITLES | ROLE_NOUNS) | frozenset(
    w.lower() for w in _TITLE_ABBREVIATIONS.split("|")
)
_SAID_AFTER = re.compile(rf"^\s*(?:,[^,.;“”\"]{{1,60}},\s*)?{_ADVERB}{_VERB}\b", re.IGNORECASE)
_SAID_BEFORE = re.compile(rf"\b{_VERB}\s*,?\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][”\"]?\s")


@dataclass
class Candidate:
    entity: Entity
    features: np.ndarray


def _said_before(text: str, start: int) -> bool:
    """'said Mayor X', 'said the spokesman, X': a speech verb before the name, past titles and capitalised words."""
    head = text[max(0, start - 80) : start]
    words = head.split()
    while words and (words[-1].lower().rstrip(".,") in _TITLE_WORDS | {"the", "a"} or words[-1][:1].isupper()):
        if _SAID_BEFORE.search(" ".join(words)):
            return True
        words.pop()
    return bool(_SAID_BEFORE.search(" ".join(words))) and len(words) > len(head.split()) - 5


def _window_start(text: str, offset: int) -> int:
    """Where the second sentence before the paragraph at ``offset`` starts."""
    head = text[max(0, offset - 800) : offset]
    ends = [m.end() for m in _SENTENCE_END.finditer(head) if not re.search(r"(?:^|[\s.])[A-Z]$", head[: m.start()])]
    # the last end closes the sentence just before the paragraph: two sentences back start after the third-last end
    back = ends[-3] if len(ends) >= 3 else 0
    return max(0, offset - 800) + back if len(ends) >= 3 or offset <= 800 else max(0, offset - 800)


def candidates(quote: _Attributed) -> list[Candidate]:
    """The candidate speakers of one attributed quote with their ``FEATURES`` (deterministic: text order)."""
    finder = quote.finder
    text = finder.text
    q_start, q_end = quote.offset + quote.start, quote.offset + quote.end
    window = (_window_start(text, quote.offset), quote.offset + len(quote.paragraph))
    counts: dict[str, int] = {}
    for start, _, entities, _ in finder.occurrences:
        name = finder._choose(entities, start).name
        counts[name] = counts.get(name, 0) + 1
    last_person: Entity | None = None
    rows: dict[str, dict[str, float]] = {}
    entities_by_name: dict[str, Entity] = {}
    for start, form, entities, role in finder.occurrences:
        entity = finder._choose(entities, start)
        end = start + len(form)
        if start < q_start and entity.kind == "person" and not finder._quoted(start) and role in {"subject", "possessor"}:
            last_person = entity
        if not window[0] <= start < window[1] or q_start <= start < q_end:
            continue
        before = end <= q_start
        gap = text[end : max(end, q_start - 1)] if before else text[q_end + 1 : start]
        same_sentence = not _ends_a_sentence(gap + " ") and not (not before and quote.text.rstrip().endswith((".", "!", "?")))
        said = bool(_SAID_AFTER.match(text[end : end + 80])) or _said_before(text, start)
        tokens = len(gap.split())
        row = rows.setdefault(entity.name, {"log_chars": 9.0, "log_tokens": 9.0, "only_quoted": 1.0})
        entities_by_name[entity.name] = entity
        row["log_chars"] = min(row["log_chars"], float(np.log1p(len(gap))))
        row["log_tokens"] = min(row["log_tokens"], float(np.log1p(tokens)))
        row["speech_verb"] = max(row.get("speech_verb", 0.0), float(said))
        adjacent = said and same_sentence and len(gap) <= 120 and not re.search(r"[“”\"]", gap)
        row["speech_subject"] = max(row.get("speech_subject", 0.0), float(adjacent))
        row["same_sentence"] = max(row.get("same_sentence", 0.0), float(same_sentence))
        row["before"] = max(row.get("before", 0.0), float(before))
        row["after"] = max(row.get("after", 0.0), float(not before))
        row["in_paragraph"] = max(row.get("in_paragraph", 0.0), float(start >= quote.offset))
        previous_word = text[max(0, start - 30) : start].split()[-1:] or [""]
        row["titled"] = max(row.get("titled", 0.0), float(previous_word[0].lower().rstrip(".,") in _TITLE_WORDS))
        for name in ("possessor", "object", "determined", "modifier"):
            hit = role == name or (name == "object" and role == "titled object")
            row[name] = max(row.get(name, 0.0), float(hit))
        row["only_quoted"] = min(row["only_quoted"], float(finder._quoted(start)))
    if quote.speaker is not None and quote.speaker.name not in rows:
        rows[quote.speaker.name] = {"no_mention": 1.0, "log_chars": 9.0, "log_tokens": 9.0}
        entities_by_name[quote.speaker.name] = quote.speaker
    out: list[Candidate] = []
    for name, row in rows.items():
        entity = entities_by_name[name]
        row["rules"] = float(quote.speaker is not None and quote.speaker.name == name)
        row["person"] = float(entity.kind == "person")
        row["organisation"] = float(entity.kind in {"organisation", "other"})
        row["place"] = float(entity.kind == "place")
        row["log_count"] = float(np.log1p(counts.get(name, 0)))
        row["previous_speaker"] = float(quote.previous is not None and quote.previous.name == name)
        row["last_person"] = float(last_person is not None and last_person.name == name)
        out.append(Candidate(entity, np.array([row.get(f, 0.0) for f in FEATURES])))
    return out


# --------------------------------------------------------------------------------------------
# Examples from the development gold
# --------------------------------------------------------------------------------------------


@dataclass
class Example:
    """One gold quote matched to a rules' quote: its candidates, which are right, and whether the rules are."""

    cluster: str
    features: np.ndarray  # candidates x features
    labels: np.ndarray  # 1 where the candidate resolves to the gold speaker
    rules_right: bool


def cluster_examples(gold: dict[str, Any], docs: dict[str, dict[str, str]], data: Path) -> tuple[list[Example], int]:
    """The matched examples of one cluster, and how many of its named gold quotes the rules do not find."""
    documents: list[Document] = documents_for(gold["cluster"], docs, data)
    prepared = prepare(documents, SummaryOptions())
    entities = extract_entities(prepared.sentences, prepared.documents).entities
    found = list(_attributed_quotes(prepared.documents, entities))
    examples: list[Example] = []
    missed = 0
    for item in gold["quotes"]:
        if item["speaker"] == UNNAMED:
            continue
        raw = docs[item["doc"]]["text"][item["start"] : item["end"]]
        gold_words = content_words(raw)
        best, chosen = None, None
        for quote in found:
            if prepared.documents[quote.doc_index].id != item["doc"]:
                continue
            quote_words = content_words(quote.text)
            share, shared = overlap(gold_words, quote_words)
            if share < 0.5 or shared < min(3, len(gold_words), len(quote_words)):
                continue
            if best is None or (share, shared) > best:
                best, chosen = (share, shared), quote
        if chosen is None:
            missed += 1
            continue
        cands = candidates(chosen)
        labels = np.array([resolve_speaker(c.entity.name, gold, item["doc"]) == item["speaker"] for c in cands], dtype=float)
        rules_right = chosen.speaker is not None and resolve_speaker(chosen.speaker.name, gold, item["doc"]) == item["speaker"]
        features = np.array([c.features for c in cands]) if cands else np.zeros((0, len(FEATURES)))
        examples.append(Example(gold["cluster"], features, labels, rules_right))
    return examples, missed


def dev_examples(data: Path, quiet: bool = True) -> list[Example]:
    """The examples of every development gold cluster (never the held-out ones: ``heldout/`` is not globbed)."""
    golds = load_gold(DEFAULT_GOLD)
    texts = load_texts(data, golds)
    examples: list[Example] = []
    for gold in golds:
        found, missed = cluster_examples(gold, texts[gold["cluster"]], data)
        examples.extend(found)
        if missed and not quiet:
            print(f"note: {gold['cluster']}: {missed} named gold quotes not found by the rules (left out)")
    return examples


def fit(examples: list[Example], regularisation: float = 1.0, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    """Pointwise logistic regression over every candidate (features standardised; the ``drop`` ones
    zeroed, so their weight is 0); the JSON-ready model."""
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([e.features for e in examples if len(e.labels)])
    y = np.concatenate([e.labels for e in examples if len(e.labels)])
    x[:, [FEATURES.index(name) for name in drop]] = 0.0
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=regularisation, max_iter=5000)
    model.fit((x - mean) / scale, y)
    return {
        "features": list(FEATURES),
        "coef": model.coef_[0].round(6).tolist(),
        "intercept": round(float(model.intercept_[0]), 6),
        "mean": mean.round(6).tolist(),
        "scale": scale.round(6).tolist(),
        "examples": len(examples),
        "candidates": len(y),
    }


def scores(model: dict[str, Any], features: np.ndarray) -> np.ndarray:
    """The model's score of each candidate row (numpy only)."""
    z = (features - np.asarray(model["mean"])) / np.asarray(model["scale"])
    return z @ np.asarray(model["coef"]) + model["intercept"]


def ranker_right(model: dict[str, Any], example: Example) -> bool:
    if not len(example.labels):
        return False
    return bool(example.labels[int(np.argmax(scores(model, example.features)))])


def loco(examples: list[Example], regularisation: float, drop: tuple[str, ...] = ()) -> dict[str, tuple[int, int, int]]:
    """cluster -> (quotes, rules right, ranker right) with the ranker fitted on every other cluster."""
    out: dict[str, tuple[int, int, int]] = {}
    for cluster in dict.fromkeys(e.cluster for e in examples):
        train = [e for e in examples if e.cluster != cluster]
        test = [e for e in examples if e.cluster == cluster]
        model = fit(train, regularisation, drop)
        out[cluster] = (len(test), sum(e.rules_right for e in test), sum(ranker_right(model, e) for e in test))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="folder of the shared data (default: $CHORUS_DATA or ../shared/data)")
    parser.add_argument("--C", type=float, default=1.0, help="inverse regularisation strength (default: 1.0)")
    parser.add_argument("--drop", default="", help="comma-separated features to leave out (rules: a ranker without them)")
    parser.add_argument("--write", metavar="PATH", help="fit on every development cluster and write the model JSON")
    args = parser.parse_args(argv)
    drop = tuple(name for name in args.drop.split(",") if name)
    unknown = [name for name in drop if name not in FEATURES]
    if unknown:
        parser.error(f"unknown features: {', '.join(unknown)}")
    examples = dev_examples(resolve_data(args.data), quiet=False)
    ceiling = sum(bool(e.labels.any()) for e in examples)
    print(f"{len(examples)} quotes, {sum(len(e.labels) for e in examples)} candidates, gold speaker among them: {ceiling}\n")
    print("| cluster | quotes | rules | ranker (LOCO) |\n|---|---:|---:|---:|")
    total = [0, 0, 0]
    for cluster, (n, rules, ranker) in loco(examples, args.C, drop).items():
        print(f"| {cluster} | {n} | {rules / n:.3f} | {ranker / n:.3f} |")
        total = [total[0] + n, total[1] + rules, total[2] + ranker]
    print(f"| **all** | {total[0]} | {total[1] / total[0]:.3f} | {total[2] / total[0]:.3f} |")
    model = fit(examples, args.C, drop)
    print("\nweights fitted on every development cluster (standardised features):")
    for name, weight in sorted(zip(FEATURES, model["coef"], strict=True), key=lambda item: -abs(item[1])):
        print(f"  {name:18s} {weight:+.3f}")
    if args.write:
        Path(args.write).write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
