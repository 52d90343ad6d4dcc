"""Held-out numbers for Chorus's learned concept weights: fit on one DUC year, score the other.

The shipped models (``chorus/weights``) are fitted on DUC 2006 + 2007, so scoring them on those
clusters would measure training data. This bench refits on one year (``bench/train_weights.py``)
and scores on the other year and on Multi-News (never used for fitting), beside the untrained
``frequency`` weighting, in three settings:

- generic-100: no query, the first 10 documents, 100 words (the shape of the hidden generic set);
- generic-250: no query, all documents, 250 words;
- query-250: with the topic statement, 250 words (the DUC task);
and on Multi-News (generic human summaries, never fitted on): generic-100 (the first 10 documents,
100 words, references cut to 100 words by the protocol: the closest proxy of the hidden set, whose
DUC references are query-focused) and generic-260 (all documents, the protocol's 260 words).

    python bench/heldout.py [--jobs 2] [--settings generic-100]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.train_weights import DATA, examples, fit  # noqa: E402
from chorus.evaluate import rouge_scores  # noqa: E402
from chorus.ingest import cluster_from_mapping  # noqa: E402
from chorus.options import SummaryOptions  # noqa: E402
from chorus.pipeline import summarize  # noqa: E402

SETTINGS = {
    "generic-100": {"docs": 10, "words": 100, "query": False},
    "generic-250": {"docs": None, "words": 250, "query": False},
    "query-250": {"docs": None, "words": 250, "query": True},
}


def score_cluster(job: tuple[str, dict, str, str | None]) -> tuple[float, float, float]:
    line, setting, weighting, model = job
    cluster = cluster_from_mapping(json.loads(line), "eval")
    documents = cluster.documents[: setting["docs"]] if setting["docs"] else cluster.documents
    query = cluster.query if setting["query"] and cluster.query else None
    options = SummaryOptions(words=setting["words"], query=query, weighting=weighting, weight_model=model)
    scores = rouge_scores(summarize(documents, options=options).text, cluster.references, setting["words"])
    return scores["rouge1_recall"], scores["rouge2_recall"], scores["rougeL_recall"]


def mean_scores(lines: list[str], setting: dict, weighting: str, model: str | None, jobs: int) -> tuple[float, ...]:
    with Pool(jobs) as pool:
        rows = pool.map(score_cluster, [(line, setting, weighting, model) for line in lines])
    return tuple(sum(column) / len(rows) for column in zip(*rows, strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--settings", help="comma-separated settings to run (default: all), e.g. generic-100")
    args = parser.parse_args()
    wanted = set(args.settings.split(",")) if args.settings else None
    if not DATA.exists():
        print(f"data not found: {DATA}")
        return
    lines = {name: (DATA / f"{name}.jsonl").read_text().splitlines() for name in ("duc2006", "duc2007", "multinews_sample")}
    print("| fitted on | scored on | setting | weighting | R1-R | R2-R | RL-R |")
    print("|---|---|---|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as work:
        for train, test in (("duc2006", "duc2007"), ("duc2007", "duc2006")):
            models = {}
            for name, with_query in (("generic", False), ("query", True)):
                models[name] = fit(*examples([train], with_query, args.jobs))
            model_path = str(Path(work) / f"{train}.json")
            Path(model_path).write_text(json.dumps(models))
            targets = [(test, name, setting) for name, setting in SETTINGS.items()]
            targets.append(("multinews_sample", "generic-100", SETTINGS["generic-100"]))
            targets.append(("multinews_sample", "generic-260", {"docs": None, "words": 260, "query": False}))
            for dataset, name, setting in targets:
                if wanted and name not in wanted:
                    continue
                for weighting in ("frequency", "learned"):
                    model = model_path if weighting == "learned" else None
                    r1, r2, rl = mean_scores(lines[dataset], setting, weighting, model, args.jobs)
                    fitted = train if weighting == "learned" else "-"
                    print(f"| {fitted} | {dataset} | {name} | {weighting} | {r1:.2f} | {r2:.2f} | {rl:.2f} |", flush=True)


if __name__ == "__main__":
    main()
