"""Quality bench: Chorus against extractive baselines with the data README's scoring protocol.

Runs every system over the shared summarisation sets (DUC 2006 and 2007 at 250 words, the
Multi-News sample at 260), scores each summary with ROUGE-1/2/L recall and F1 (Porter stemmer,
candidate and references cut to the budget, averaged over references, then clusters) and prints
one markdown table per dataset. Chorus gets the cluster's query (the DUC sets are query-focused);
the baselines ignore it, except the ``CentroidMMR+q`` variant.

    python bench/quality.py                                   # everything
    python bench/quality.py --limit 3 --systems Lead,LexRank  # a quick check
    python bench/quality.py --json quality.json               # also write the numbers

The data folder defaults to ``../shared/data`` next to the repository (``--data`` or the
``CHORUS_DATA`` environment variable override it); without it the bench says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.baselines import BASELINES, Baseline, make  # noqa: E402
from bench.data import resolve_data  # noqa: E402
from chorus.evaluate import METRICS, default_budget, rouge_scores  # noqa: E402
from chorus.models import Cluster  # noqa: E402

DATASETS = {"duc2006": "duc2006.jsonl", "duc2007": "duc2007.jsonl", "multinews": "multinews_sample.jsonl"}
CHORUS = "Chorus"
SYSTEMS = [CHORUS, *BASELINES]
COLUMNS = [
    ("R1-R", "rouge1_recall"),
    ("R2-R", "rouge2_recall"),
    ("RL-R", "rougeL_recall"),
    ("R1-F", "rouge1_f1"),
    ("R2-F", "rouge2_f1"),
]


class ChorusSystem:
    """Chorus itself behind the baseline interface; it is given the cluster's query."""

    name = CHORUS

    def __init__(self) -> None:
        from chorus import summarize

        self._summarize = summarize

    def summarize(self, cluster: Cluster, words: int) -> str:
        return self._summarize(cluster.documents, words=words, query=cluster.query or None).text


def build(name: str) -> Baseline:
    """A system by name: ``Chorus`` or one of the baselines."""
    return ChorusSystem() if name == CHORUS else make(name)


def chorus_available() -> str | None:
    """None when ``chorus.summarize`` imports, else the reason it does not."""
    try:
        from chorus import summarize  # noqa: F401
    except Exception as error:  # ImportError, or an error inside a module being edited
        return f"{type(error).__name__}: {error}"
    return None


@dataclass
class Tally:
    """Running sums for one system on one dataset."""

    sums: dict[str, float] = field(default_factory=lambda: dict.fromkeys(METRICS, 0.0))
    seconds: float = 0.0
    words: int = 0
    clusters: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, result: dict[str, Any]) -> None:
        for key in METRICS:
            self.sums[key] += result["scores"][key]
        self.seconds += result["seconds"]
        self.words += result["words"]
        self.clusters += 1
        if result["error"]:
            self.errors.append(result["error"])

    def summary(self) -> dict[str, Any]:
        n = max(self.clusters, 1)
        out: dict[str, Any] = {key: round(value / n, 4) for key, value in self.sums.items()}
        out.update(
            seconds=round(self.seconds, 3),
            mean_words=round(self.words / n, 1),
            clusters=self.clusters,
            errors=len(self.errors),
        )
        return out


_SYSTEMS: dict[str, Baseline] = {}


def run_cluster(task: tuple[Cluster, list[str], int]) -> dict[str, dict[str, Any]]:
    """Summarize one cluster with every system and score each summary (a worker's job)."""
    cluster, systems, words = task
    results: dict[str, dict[str, Any]] = {}
    for name in systems:
        error = ""
        start = time.perf_counter()
        try:
            system = _SYSTEMS.get(name)
            if system is None:
                system = _SYSTEMS[name] = build(name)
                start = time.perf_counter()  # construction (imports) is not summarisation time
            summary = system.summarize(cluster, words)
        except Exception as exc:  # report and score as empty rather than lose the run
            summary, error = "", f"{cluster.id}: {type(exc).__name__}: {exc}"
        seconds = time.perf_counter() - start
        results[name] = {
            "scores": rouge_scores(summary, cluster.references, words),
            "seconds": seconds,
            "words": len(summary.split()),
            "error": error,
        }
    return results


def load_clusters(path: Path, limit: int | None) -> list[Cluster]:
    """The clusters of a shared-schema JSONL file that have references (first ``limit``)."""
    from chorus.ingest import load

    clusters = [c for c in load([path]) if c.references]
    return clusters[:limit] if limit else clusters


def run_dataset(clusters: list[Cluster], systems: list[str], words: int, jobs: int) -> dict[str, Tally]:
    """Every system over every cluster, in ``jobs`` processes; tallies by system."""
    tallies = {name: Tally() for name in systems}
    tasks = [(cluster, systems, words) for cluster in clusters]
    if jobs <= 1 or len(tasks) <= 1:
        results = map(run_cluster, tasks)
        for done, result in enumerate(results, 1):
            _collect(tallies, result, done, len(tasks))
        return tallies
    with get_context("fork" if sys.platform != "win32" else "spawn").Pool(jobs) as pool:
        for done, result in enumerate(pool.imap(run_cluster, tasks), 1):
            _collect(tallies, result, done, len(tasks))
    return tallies


def _collect(tallies: dict[str, Tally], result: dict[str, dict[str, Any]], done: int, total: int) -> None:
    for name, item in result.items():
        tallies[name].add(item)
    print(f"\r  {done}/{total} clusters", end="", file=sys.stderr, flush=True)
    if done == total:
        print(file=sys.stderr)


def markdown_table(title: str, rows: dict[str, dict[str, Any]]) -> str:
    """One dataset's results as a markdown table (systems as rows)."""
    head = "| system | " + " | ".join(label for label, _ in COLUMNS) + " | seconds |"
    rule = "|---|" + "---:|" * (len(COLUMNS) + 1)
    lines = [f"### {title}", "", head, rule]
    for name, row in rows.items():
        cells = [f"{row[key]:.2f}" for _, key in COLUMNS]
        note = f" ({row['errors']} errors)" if row["errors"] else ""
        lines.append(f"| {name}{note} | " + " | ".join(cells) + f" | {row['seconds']:.1f} |")
    return "\n".join(lines)


def dataset_file(data: Path, name: str) -> Path:
    """The file of a dataset name (``duc2006``, ``multinews``) or of a file name in the data folder."""
    if name in DATASETS:
        return data / DATASETS[name]
    path = Path(name)
    if path.suffix:
        return path if path.is_absolute() or path.exists() else data / path
    return data / f"{name}.jsonl"


def _names(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", help="folder of the shared data (default: $CHORUS_DATA or ../shared/data)")
    parser.add_argument(
        "--datasets",
        type=_names,
        default=list(DATASETS),
        help=f"comma-separated names or .jsonl files (default: {','.join(DATASETS)})",
    )
    parser.add_argument(
        "--systems",
        type=_names,
        default=None,
        help=f"comma-separated, from {', '.join(SYSTEMS)} (default: all)",
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N clusters of each dataset")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes over clusters (default: 2)")
    parser.add_argument("--words", type=int, default=None, help="override the protocol's budget for every dataset")
    parser.add_argument("--json", type=Path, default=None, metavar="PATH", help="also write the numbers as JSON")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    data = resolve_data(args.data)
    if not data.is_dir():
        print(f"data not found: {data}")
        return 0
    systems = args.systems or list(SYSTEMS)
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        print(f"unknown system(s): {', '.join(unknown)}; choose from {', '.join(SYSTEMS)}", file=sys.stderr)
        return 2
    if CHORUS in systems:
        reason = chorus_available()
        if reason:
            print(f"skipping Chorus: chorus.summarize is not importable ({reason})", file=sys.stderr)
            systems = [s for s in systems if s != CHORUS]
    if not systems:
        print("no system to run", file=sys.stderr)
        return 2

    report: dict[str, Any] = {
        "protocol": "ROUGE-1/2/L recall and F1 (rouge-score, use_stemmer=True), candidate and references "
        "cut to the budget, mean over references then clusters; percent",
        "systems": systems,
        "datasets": {},
    }
    for name in args.datasets:
        path = dataset_file(data, name)
        if not path.is_file():
            print(f"data not found: {path}")
            continue
        words = args.words or default_budget(path.stem)
        clusters = load_clusters(path, args.limit)
        print(f"{path.name}: {len(clusters)} clusters, {words} words", file=sys.stderr)
        tallies = run_dataset(clusters, systems, words, args.jobs)
        rows = {system: tally.summary() for system, tally in tallies.items()}
        for system, tally in tallies.items():
            for error in tally.errors[:3]:
                print(f"  {system} failed on {error}", file=sys.stderr)
        title = f"{path.stem} ({len(clusters)} clusters, {words} words)"
        print(markdown_table(title, rows), end="\n\n", flush=True)
        report["datasets"][path.stem] = {
            "file": path.name,
            "words": words,
            "clusters": len(clusters),
            "systems": rows,
        }
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
