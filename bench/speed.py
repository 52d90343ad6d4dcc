"""Speed bench: the ``chorus summarize`` CLI against sumy's LexRank, and Chorus's cost curve.

1. Throughput. 50 ten-document clusters (the first 10 documents of DUC 2006 clusters, no query,
   100 words, as the hidden generic set) are written to a temporary JSONL file. Timed on it:
   - ``python -m chorus summarize FILE --format jsonl --words 100 -o /dev/null`` as a whole
     subprocess (interpreter start, imports, reading, writing);
   - the LexRank baseline (``bench/baselines.py``) the same way, as a subprocess of this script;
   - ``chorus.summarize`` and LexRank in-process (cleaning and sentence splitting included,
     reading the file excluded), for reference.
   The ratio Chorus CLI / LexRank subprocess is printed.
2. Cost curve. One cluster of N documents for N in 5 ... 2000: the documents of a DUC 2006 cluster
   first, then perturbed copies of them (paragraphs dropped and reordered, words dropped, one
   paragraph of an unrelated report mixed in), as a big story's wire copies and rewrites look.
   Each point runs the CLI in a fresh subprocess; wall seconds and the child's peak resident
   memory (``wait4``'s ``ru_maxrss``, read by a small launcher process) are reported. LexRank's
   points stop at ``--lexrank-max-docs`` (its dense sentence-by-sentence matrix grows
   quadratically).

    python bench/speed.py                      # both parts
    python bench/speed.py --sizes 5,10,25      # a short curve
    python bench/speed.py --no-curve           # throughput only

The data folder defaults to ``../shared/data`` next to the repository (``--data`` or the
``CHORUS_DATA`` environment variable override it); without it the bench says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "shared" / "data"
DEFAULT_SIZES = (5, 10, 25, 50, 100, 250, 500, 1000, 2000)


@dataclass
class Run:
    """One timed subprocess."""

    seconds: float
    peak_mb: float
    returncode: int
    stderr: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def failure(self) -> str:
        lines = [line for line in self.stderr.strip().splitlines() if line.strip()]
        return f"exit {self.returncode}: {lines[-1] if lines else 'no message'}"


# A small launcher between this (large) process and the measured one. Linux starts a child's
# ``ru_maxrss`` at the resident size of the process it was forked from (Python spawns with vfork,
# so that would be this bench's own peak); forking from a fresh ~10 MB interpreter keeps the
# measured peak the child's own. It also times the child, excluding the launcher's start.
_LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(f"{time.perf_counter() - start} {usage.ru_maxrss}")
sys.exit(min(abs(os.waitstatus_to_exitcode(status)), 255))
"""


def timed_subprocess(command: Sequence[str], timeout: float = 3600.0) -> Run:
    """Run a command in a fresh process: its wall seconds and its own peak resident memory."""
    with tempfile.TemporaryDirectory(prefix="chorus-run-") as folder:
        report = Path(folder) / "usage"
        errors_path = Path(folder) / "stderr"
        launcher = [sys.executable, "-c", _LAUNCHER, str(report), *command]
        with errors_path.open("wb") as errors:
            start = time.perf_counter()
            process = subprocess.Popen(
                launcher,
                stdout=subprocess.DEVNULL,
                stderr=errors,
                cwd=ROOT,
                env=_child_env(),
                start_new_session=True,  # its own process group, so a timeout ends the child too
            )
            try:
                returncode = process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                returncode = process.wait()
            wall = time.perf_counter() - start
        message = errors_path.read_text(encoding="utf-8", errors="replace")
        try:
            seconds, maxrss = report.read_text().split()
            return Run(float(seconds), int(maxrss) / 1024.0, returncode, message)
        except (OSError, ValueError):
            return Run(wall, 0.0, returncode or 1, message or "no usage report")


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return env


def chorus_command(path: Path, words: int) -> list[str]:
    """The CLI call being measured."""
    return [
        sys.executable,
        "-m",
        "chorus",
        "summarize",
        str(path),
        "--format",
        "jsonl",
        "--words",
        str(words),
        "-o",
        os.devnull,
    ]


def lexrank_command(path: Path, words: int, variant: str = "LexRank(stock)") -> list[str]:
    """A LexRank pipeline as a whole subprocess (this script in ``--run-lexrank`` mode)."""
    return [
        sys.executable,
        str(Path(__file__).resolve()),
        "--run-lexrank",
        str(path),
        "--words",
        str(words),
        "--lexrank-variant",
        variant,
    ]


def run_lexrank(path: Path, words: int, variant: str = "LexRank(stock)") -> int:
    """``--run-lexrank``: read a JSONL file, summarize every cluster with LexRank, print JSONL."""
    from bench.baselines import make
    from chorus.ingest import load

    lexrank = make(variant)
    for cluster in load([path]):
        summary = lexrank.summarize(cluster, words)
        print(json.dumps({"id": cluster.id, "summary": summary}))
    return 0


# --------------------------------------------------------------------------------------------
# Building the inputs
# --------------------------------------------------------------------------------------------


def read_clusters(path: Path) -> list[dict[str, Any]]:
    """The raw cluster objects of a shared-schema JSONL file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_jsonl(path: Path, clusters: list[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for cluster in clusters:
            handle.write(json.dumps(cluster, ensure_ascii=False) + "\n")
    return path


def ten_document_clusters(source: list[dict[str, Any]], count: int, docs: int) -> list[dict[str, Any]]:
    """The first ``docs`` documents of the first ``count`` clusters, as generic (query-less) clusters."""
    return [
        {
            "id": c["id"],
            "query": "",
            "documents": c["documents"][:docs],
            "references": c.get("references", []),
        }
        for c in source[:count]
    ]


def perturb(document: dict[str, Any], noise: dict[str, Any], rng: random.Random, copy: int) -> dict[str, Any]:
    """A rewrite of a report: ~30% of paragraphs dropped, two swapped, ~5% of the words of the
    rest dropped (so sentences are near-duplicates, not exact copies that deduplication would
    collapse), and a paragraph of an unrelated report mixed in."""
    paragraphs = [p for p in document["text"].split("\n\n") if p.strip()] or [document["text"]]
    kept = [p for p in paragraphs if rng.random() > 0.3] or paragraphs[:1]
    kept = [" ".join(w for i, w in enumerate(p.split()) if i == 0 or rng.random() > 0.05) for p in kept]
    if len(kept) > 2:
        i = rng.randrange(len(kept) - 1)
        kept[i], kept[i + 1] = kept[i + 1], kept[i]
    foreign = [p for p in noise["text"].split("\n\n") if p.strip()]
    if foreign:
        kept.insert(rng.randrange(len(kept) + 1), rng.choice(foreign))
    return {
        "id": f"{document['id']}~{copy}",
        "date": document.get("date", ""),
        "title": document.get("title", ""),
        "text": "\n\n".join(kept),
    }


def sized_cluster(source: list[dict[str, Any]], size: int, seed: int = 13) -> dict[str, Any]:
    """One cluster of ``size`` documents: a DUC cluster's own documents, then perturbed copies."""
    rng = random.Random(seed + size)
    base = source[0]["documents"]
    pool = [d for c in source[1:] for d in c["documents"]]
    documents = [dict(d) for d in base[:size]]
    copy = 0
    while len(documents) < size:
        copy += 1
        documents.append(perturb(base[len(documents) % len(base)], rng.choice(pool), rng, copy))
    return {"id": f"curve-{size}", "query": "", "documents": documents, "references": []}


# --------------------------------------------------------------------------------------------
# The two parts
# --------------------------------------------------------------------------------------------


def throughput(source: list[dict[str, Any]], work: Path, count: int, docs: int, words: int) -> None:
    """Part 1: the CLI and LexRank on the same ``count`` clusters of ``docs`` documents."""
    from bench.baselines import LexRank
    from chorus.ingest import load

    raw = ten_document_clusters(source, count, docs)
    path = write_jsonl(work / f"clusters_{docs}docs.jsonl", raw)
    clusters = load([path])
    print(f"## Throughput: {len(clusters)} clusters of {docs} documents, {words} words\n")

    rows: list[tuple[str, str, str, str]] = []
    cli = timed_subprocess(chorus_command(path, words))
    # The target is stated against sumy's LexRank as shipped; the NumPy-accelerated variant of
    # bench/baselines.py (same ranking) is timed too, for transparency.
    lex_process = timed_subprocess(lexrank_command(path, words, "LexRank(stock)"))
    fast_process = timed_subprocess(lexrank_command(path, words, "LexRank"))

    lexrank = LexRank()
    lexrank.summarize(clusters[0], words)  # warm the imports and caches
    start = time.perf_counter()
    for cluster in clusters:
        lexrank.summarize(cluster, words)
    lex_inprocess = time.perf_counter() - start

    chorus_inprocess: float | None = None
    chorus_cross: float | None = None
    chorus_error = ""
    try:
        from chorus import SummaryOptions, summarize

        brief_only = SummaryOptions(words=words, cross_source=False)
        summarize(clusters[0].documents, options=brief_only)
        # warm the cross-source sections' one-time loads too (the first-name list, the gazetteer: ~0.8 s once per
        # process), as the brief's and LexRank's are warmed: the rows compare work per cluster
        summarize(clusters[0].documents, options=SummaryOptions(words=words))
        start = time.perf_counter()
        for cluster in clusters:
            summarize(cluster.documents, options=brief_only)
        chorus_inprocess = time.perf_counter() - start
        # The same with the cross-source sections (entities, quotes, disagreements, timeline).
        start = time.perf_counter()
        for cluster in clusters:
            summarize(cluster.documents, options=SummaryOptions(words=words))
        chorus_cross = time.perf_counter() - start
    except Exception as error:  # the library is being edited concurrently
        chorus_error = f"{type(error).__name__}: {error}"

    n = len(clusters)

    def row(name: str, run: Run | None, seconds: float | None, error: str = "") -> None:
        if run is not None and not run.ok:
            rows.append((name, "failed", run.failure(), ""))
        elif seconds is None:
            rows.append((name, "failed", error, ""))
        else:
            peak = f"{run.peak_mb:.0f}" if run is not None else ""
            rows.append((name, f"{seconds:.2f}", f"{1000 * seconds / n:.0f}", peak))

    row("chorus CLI (subprocess)", cli, cli.seconds)
    row("sumy LexRank as shipped (subprocess)", lex_process, lex_process.seconds)
    row("sumy LexRank, NumPy matrix (subprocess)", fast_process, fast_process.seconds)
    row("chorus.summarize, brief only (in-process)", None, chorus_inprocess, chorus_error)
    row("chorus.summarize with cross-source sections (in-process)", None, chorus_cross, chorus_error)
    row("sumy LexRank, NumPy matrix (in-process)", None, lex_inprocess)
    print("| run | seconds | ms / cluster | peak MB |")
    print("|---|---:|---:|---:|")
    for name, *cells in rows:
        print(f"| {name} | " + " | ".join(cells) + " |")
    print()
    if cli.ok and lex_process.ok:
        print(f"chorus CLI / sumy LexRank as shipped (target <= 0.30x): {cli.seconds / lex_process.seconds:.2f}x")
    if cli.ok and fast_process.ok:
        print(f"chorus CLI / sumy LexRank with NumPy matrix: {cli.seconds / fast_process.seconds:.2f}x")
    if chorus_inprocess is not None:
        print(f"chorus.summarize / LexRank, both in-process: {chorus_inprocess / lex_inprocess:.2f}x")
    if chorus_inprocess and chorus_cross:
        print(f"cross-source sections / brief only (target <= 2x): {chorus_cross / chorus_inprocess:.2f}x")
    print()


def cost_curve(source: list[dict[str, Any]], work: Path, sizes: Sequence[int], words: int, lexrank_max: int) -> None:
    """Part 2: seconds and peak memory against the number of documents, fresh process per point."""
    print(f"## Cost curve: one cluster of N documents, {words} words, fresh process per point\n")
    print("| documents | words in | chorus s | chorus peak MB | LexRank s | LexRank peak MB |")
    print("|---:|---:|---:|---:|---:|---:|")
    chorus_broken = False
    for size in sizes:
        cluster = sized_cluster(source, size)
        path = write_jsonl(work / f"curve_{size}.jsonl", [cluster])
        total_words = sum(len(d["text"].split()) for d in cluster["documents"])
        cells = [str(size), str(total_words)]
        if chorus_broken:
            cells += ["-", "-"]
        else:
            run = timed_subprocess(chorus_command(path, words))
            if run.ok:
                cells += [f"{run.seconds:.2f}", f"{run.peak_mb:.0f}"]
            else:
                cells += ["failed", ""]
                print(f"<!-- chorus CLI failed at {size} documents: {run.failure()} -->")
                chorus_broken = True
        if size <= lexrank_max:
            run = timed_subprocess(lexrank_command(path, words, "LexRank"))
            cells += [f"{run.seconds:.2f}", f"{run.peak_mb:.0f}"] if run.ok else ["failed", ""]
        else:
            cells += ["-", "-"]
        print("| " + " | ".join(cells) + " |", flush=True)
    print()


def _sizes(value: str) -> list[int]:
    return [int(item) for item in value.split(",") if item.strip()]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", help="folder of the shared data (default: $CHORUS_DATA or ../shared/data)")
    parser.add_argument("--clusters", type=int, default=50, help="clusters in the throughput run (default: 50)")
    parser.add_argument("--docs", type=int, default=10, help="documents per throughput cluster (default: 10)")
    parser.add_argument("--words", type=int, default=100, help="word budget (default: 100)")
    parser.add_argument("--sizes", type=_sizes, default=list(DEFAULT_SIZES), help="cost-curve sizes, comma-separated")
    parser.add_argument("--lexrank-max-docs", type=int, default=250, help="largest cluster LexRank is timed on (default: 250)")
    parser.add_argument("--no-throughput", action="store_true", help="skip part 1")
    parser.add_argument("--no-curve", action="store_true", help="skip part 2")
    parser.add_argument("--run-lexrank", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--lexrank-variant", default="LexRank(stock)", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.run_lexrank:
        return run_lexrank(args.run_lexrank, args.words, args.lexrank_variant)
    if args.data:
        data = Path(args.data)
    elif os.environ.get("CHORUS_DATA"):
        data = Path(os.environ["CHORUS_DATA"])
    else:
        data = DEFAULT_DATA
    source_path = data / "duc2006.jsonl"
    if not source_path.is_file():
        print(f"data not found: {source_path if data.is_dir() else data}")
        return 0
    source = read_clusters(source_path)
    with tempfile.TemporaryDirectory(prefix="chorus-speed-") as folder:
        work = Path(folder)
        if not args.no_throughput:
            throughput(source, work, args.clusters, args.docs, args.words)
        if not args.no_curve:
            cost_curve(source, work, args.sizes, args.words, args.lexrank_max_docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
