"""Train Chorus's concept-weight models on the shared DUC 2006/2007 clusters.

For every bigram concept of a cluster (the features of ``chorus.analyse.FEATURES``), the target is
the share of the cluster's human summaries that contain it. A logistic regression fitted to that
target gives the weight a concept deserves in the brief. Two models: ``query`` (DUC topic
statements given) and ``generic`` (trained with the queries withheld, for briefs without one).

    python bench/train_weights.py                       # fit on DUC 2006 + 2007, write chorus/weights/
    python bench/train_weights.py --train duc2006 --out /tmp/w06.json   # a held-out model

Only shared data is read; the written JSON holds coefficients and feature scaling, nothing else.
"""

from __future__ import annotations

import argparse
import json
import sys
from multiprocessing import Pool
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.data import resolve_data  # noqa: E402
from chorus import analyse  # noqa: E402
from chorus.ingest import cluster_from_mapping  # noqa: E402
from chorus.options import SummaryOptions  # noqa: E402
from chorus.pipeline import prepare  # noqa: E402

DATA = resolve_data()


def cluster_examples(args: tuple[str, bool]) -> tuple[np.ndarray, np.ndarray]:
    """Features and targets of the usable concepts of one cluster (JSON line)."""
    line, with_query = args
    cluster = cluster_from_mapping(json.loads(line), "train")
    query = cluster.query if with_query and cluster.query else None
    prepared = prepare(cluster.documents, SummaryOptions(query=query))
    table = prepared.concepts
    reference_bigrams = [analyse.bigrams(analyse.tokens(r)) for r in cluster.references]
    n_outlets = len(set(prepared.groups))
    keep = table.outlets >= analyse.minimum_outlets(n_outlets)
    target = np.array([sum(name in ref for ref in reference_bigrams) / len(reference_bigrams) for name in table.names])
    return table.features[keep], target[keep]


def examples(datasets: list[str], with_query: bool, jobs: int) -> tuple[np.ndarray, np.ndarray]:
    lines = [line for name in datasets for line in (DATA / f"{name}.jsonl").read_text().splitlines() if line.strip()]
    with Pool(jobs) as pool:
        parts = pool.map(cluster_examples, [(line, with_query) for line in lines])
    return np.vstack([p[0] for p in parts]), np.concatenate([p[1] for p in parts])


def fit(features: np.ndarray, target: np.ndarray, regularisation: float = 1.0) -> dict:
    """Logistic regression on soft targets (each concept twice: as positive with weight t, as
    negative with weight 1 - t), features standardised; returns the JSON-ready model."""
    from sklearn.linear_model import LogisticRegression

    mean = features.mean(axis=0)
    scale = features.std(axis=0)
    scale[scale == 0] = 1.0
    z = (features - mean) / scale
    x = np.vstack([z, z])
    y = np.concatenate([np.ones(len(z)), np.zeros(len(z))])
    w = np.concatenate([target, 1.0 - target])
    model = LogisticRegression(C=regularisation, max_iter=2000)
    model.fit(x, y, sample_weight=w)
    return {
        "features": list(analyse.FEATURES),
        "coef": model.coef_[0].round(6).tolist(),
        "intercept": round(float(model.intercept_[0]), 6),
        "mean": mean.round(6).tolist(),
        "scale": scale.round(6).tolist(),
        "examples": len(z),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", default="duc2006,duc2007", help="comma-separated datasets in the data folder")
    parser.add_argument("--out", help="write both models to this one JSON file instead of chorus/weights/")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    datasets = args.train.split(",")
    models = {}
    for name, with_query in (("generic", False), ("query", True)):
        features, target = examples(datasets, with_query, args.jobs)
        models[name] = fit(features, target)
        models[name]["trained_on"] = datasets
        print(f"{name}: {len(target)} concepts, mean target {target.mean():.3f}", file=sys.stderr)
    if args.out:
        Path(args.out).write_text(json.dumps(models, indent=1))
    else:
        for name, model in models.items():
            (ROOT / "chorus" / "weights" / f"{name}.json").write_text(json.dumps(model, indent=1) + "\n")


if __name__ == "__main__":
    main()
