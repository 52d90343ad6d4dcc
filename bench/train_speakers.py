"""A learned ranker over candidate quote speakers, trained and measured on the development gold only.

For each quote the rules of ``chorus.attribution`` attribute, the candidates are every entity named in the
quote's paragraph and the two sentences before it, plus the rules' own choice. Each candidate gets a few
numpy-computable features (``FEATURES``, computed by ``chorus.speaker_ranker.speaker_candidates``); a conditional
logit (a softmax over one quote's candidates of a linear score, fitted with SciPy) scores them and the
best-scoring candidate speaks. The gold quotes with a named speaker (``bench/gold/*.json``, never
``heldout/``) are matched to the rules' quotes of the same report by their words (as
``bench/crosssource.py`` does); a candidate is right when its name resolves to the gold speaker
(``resolve_speaker``).

The shipped model, ``chorus/weights/speakers.json``, is the rules-free one (``--drop rules``: the rules'
choice is zeroed, so its weight is 0) fitted on every development cluster of the seventh session (137 files; a
refit on the 155 of the eighth was measured and not kept, BENCHMARKS.md); its ``trained_by`` field holds the
command. ``chorus.speaker_ranker.ranked_speaker`` keeps the rules' speaker when a name in the attribution gave
it ("X said") and asks the ranker otherwise (pronouns, descriptions, quotes carried over); the table's
last column is that combination.

Measured by leave-one-cluster-out cross-validation: the model scoring a cluster never saw it. The rules'
accuracy is reported on exactly the same quotes (the rules were written from most of these clusters, so
their column is optimistic).

    python bench/train_speakers.py                 # LOCO table: rules, ranker, shipped combination
    python bench/train_speakers.py --write PATH    # also fit on every development cluster and write the model
    python bench/train_speakers.py --drop rules --write chorus/weights/speakers.json   # the shipped model
"""

from __future__ import annotations

import argparse
import itertools
import json
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
    best_overlap,
    documents_for,
    load_gold,
    load_texts,
    resolve_speaker,
)
from bench.data import resolve_data  # noqa: E402
from chorus.attribution import attributed_quotes  # noqa: E402
from chorus.entities import extract_entities  # noqa: E402
from chorus.models import Document  # noqa: E402
from chorus.options import SummaryOptions  # noqa: E402
from chorus.pipeline import prepare  # noqa: E402
from chorus.speaker_ranker import (  # noqa: E402
    SPEAKER_FEATURES,
    SpeakerModel,
    eligible_candidates,
    speaker_candidates,
)

FEATURES = SPEAKER_FEATURES
candidates = speaker_candidates


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
    how: str  # how the rules found their speaker (``chorus.attribution.ATTRIBUTIONS``)
    rules_named: bool  # the rules named a speaker (Chorus leaves a quote they find unnamed unnamed)
    eligible: np.ndarray  # which candidates Chorus's ranker chooses among (``eligible_candidates``)


def cluster_examples(gold: dict[str, Any], docs: dict[str, dict[str, str]], data: Path) -> tuple[list[Example], int]:
    """The matched examples of one cluster, and how many of its named gold quotes the rules do not find."""
    documents: list[Document] = documents_for(gold["cluster"], docs, data)
    prepared = prepare(documents, SummaryOptions())
    entities = extract_entities(prepared.sentences, prepared.documents).entities
    found = list(attributed_quotes(prepared.documents, entities))
    examples: list[Example] = []
    missed = 0
    for item in gold["quotes"]:
        if item["speaker"] == UNNAMED:
            continue
        raw = docs[item["doc"]]["text"][item["start"] : item["end"]]
        in_report = [quote for quote in found if prepared.documents[quote.doc_index].id == item["doc"]]
        index = best_overlap(raw, [quote.text for quote in in_report])
        if index is None:
            missed += 1
            continue
        chosen = in_report[index]
        cands = candidates(chosen)
        labels = np.array([resolve_speaker(c.entity.name, gold, item["doc"]) == item["speaker"] for c in cands], dtype=float)
        rules_right = chosen.speaker is not None and resolve_speaker(chosen.speaker.name, gold, item["doc"]) == item["speaker"]
        features = np.array([c.features for c in cands]) if cands else np.zeros((0, len(FEATURES)))
        kept = eligible_candidates(chosen, cands)
        eligible = np.array([any(c is k for k in kept) for c in cands], dtype=bool)
        examples.append(Example(gold["cluster"], features, labels, rules_right, chosen.how, chosen.speaker is not None, eligible))
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
    """A conditional logit over each quote's candidates: a softmax of linear scores, fitted to put the
    probability on the right candidates (features standardised, L2 penalty ``1 / regularisation``; the
    ``drop`` features zeroed, so their weight is 0). Quotes whose gold speaker is no candidate teach
    nothing and are left out. Returns the JSON-ready model. (A softmax over the candidates measured better
    than a pointwise logistic regression over them: LOCO 0.903 vs 0.893 on the development gold of the time.)"""
    from scipy.optimize import minimize

    usable = [e for e in examples if len(e.labels) and e.labels.any()]
    x = np.vstack([e.features for e in usable])
    x[:, [FEATURES.index(name) for name in drop]] = 0.0
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    bounds = np.cumsum([0] + [len(e.labels) for e in usable])
    right = np.concatenate([e.labels > 0 for e in usable])
    penalty = 1.0 / regularisation

    def loss(weights: np.ndarray) -> tuple[float, np.ndarray]:
        scores = z @ weights
        total, gradient = 0.5 * penalty * weights @ weights, penalty * weights
        for start, end in itertools.pairwise(bounds):
            group = np.exp(scores[start:end] - scores[start:end].max())
            group /= group.sum()
            on_right = group * right[start:end]
            total -= np.log(on_right.sum())
            gradient = gradient - (on_right / on_right.sum() - group) @ z[start:end]
        return total, gradient

    weights = minimize(loss, np.zeros(z.shape[1]), jac=True, method="L-BFGS-B").x
    return {
        "features": list(FEATURES),
        "coef": weights.round(6).tolist(),
        "intercept": 0.0,  # a softmax over one quote's candidates has no use for one
        "mean": mean.round(6).tolist(),
        "scale": scale.round(6).tolist(),
        "examples": len(usable),
        "candidates": len(right),
    }


def scores(model: dict[str, Any], features: np.ndarray) -> np.ndarray:
    """The model's score of each candidate row, computed as Chorus computes it (``SpeakerModel``)."""
    coef, mean, scale = (np.asarray(model[key], dtype=float) for key in ("coef", "mean", "scale"))
    return SpeakerModel(coef, float(model["intercept"]), mean, scale).scores(features)


def ranker_right(model: dict[str, Any], example: Example) -> bool:
    """The ranker's best-scoring candidate, among the ones Chorus lets it choose, is right."""
    if not example.eligible.any():
        return False
    ranked = np.where(example.eligible, scores(model, example.features), -np.inf)
    return bool(example.labels[int(np.argmax(ranked))])


def shipped_right(model: dict[str, Any], example: Example) -> bool:
    """What ``chorus.speaker_ranker.ranked_speaker`` does: nobody when the rules name nobody, the rules' speaker when a
    name in the attribution gave it, else the ranker's."""
    if not example.rules_named or example.how == "name" or not example.eligible.any():
        return example.rules_right  # nobody, the named one, or the rules' own speaker when there is no candidate
    return ranker_right(model, example)


def loco(examples: list[Example], regularisation: float, drop: tuple[str, ...] = ()) -> dict[str, tuple[int, int, int, int]]:
    """cluster -> (quotes, rules right, ranker right, shipped right) with the ranker fitted on every other cluster."""
    out: dict[str, tuple[int, int, int, int]] = {}
    for cluster in dict.fromkeys(e.cluster for e in examples):
        train = [e for e in examples if e.cluster != cluster]
        test = [e for e in examples if e.cluster == cluster]
        model = fit(train, regularisation, drop)
        out[cluster] = (
            len(test),
            sum(e.rules_right for e in test),
            sum(ranker_right(model, e) for e in test),
            sum(shipped_right(model, e) for e in test),
        )
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
    print("| cluster | quotes | rules | ranker (LOCO) | shipped: rules if named, else ranker (LOCO) |\n|---|---:|---:|---:|---:|")
    total = np.zeros(4, dtype=int)
    for cluster, counts in loco(examples, args.C, drop).items():
        n, rules, ranker, shipped = counts
        print(f"| {cluster} | {n} | {rules / n:.3f} | {ranker / n:.3f} | {shipped / n:.3f} |")
        total += counts
    n, rules, ranker, shipped = total
    print(f"| **all** | {n} | {rules / n:.3f} | {ranker / n:.3f} | {shipped / n:.3f} |")
    model = fit(examples, args.C, drop)
    print("\nweights fitted on every development cluster (standardised features):")
    for name, weight in sorted(zip(FEATURES, model["coef"], strict=True), key=lambda item: -abs(item[1])):
        print(f"  {name:18s} {weight:+.3f}")
    if args.write:
        given = sys.argv[1:] if argv is None else list(argv)
        model = {"trained_by": " ".join(["python", "bench/train_speakers.py", *given]), "drop": list(drop), "C": args.C} | model
        Path(args.write).write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
