"""Precision of "where sources differ" on reports no gold file uses (an audit, beside ``bench/crosssource.py``).

The cross-source gold's disagreements were read while the rules were written, so its precision is optimistic. This
bench runs Chorus's disagreement finder on two pools of reports that no gold file annotates and scores what it
reports against hand labels in ``bench/gold/audits/disagreements-unannotated.json``:

- ``duc``: for each DUC 2006 and DUC 2007 cluster, its reports that no gold file (``bench/gold/*.json`` and
  ``bench/gold/heldout/*.json``; only their ``documents`` are read) uses, in cluster order, at most 25;
- ``ecbplus``: every ECB+ event's reports (``ecbplus_events.jsonl``, no titles, no dates).

Chorus runs as in a summary: ``prepare`` (default options), ``extract_entities``, then ``find_disagreements``. Each
label item is one reported disagreement, read in its reports by a referee and judged ``true`` (two claims from
different outlets give different values or opposite stances for the same thing, by the conventions of
``bench/gold/README.md``) or ``false``; it stores ids, the first words of each claim (a cue, never article text) and a
few words of why. A reported disagreement matches an item of the same pool and cluster when two of its claims match
two of the item's claims (a claim matches when it shares a source report and its text starts with the cue). The
table gives, per pool: reported, labelled true, labelled false, unlabelled (new since the labels were made),
precision over the labelled ones, true / (true + false), and the strict precision, counting false the true verdicts
whose note starts "borderline" (a precedent the gold README is split on: rising tolls, "more than X" vs "about X").

    python bench/disagreement_audit.py                  # both pools
    python bench/disagreement_audit.py --errors         # and each false or unlabelled disagreement
    python bench/disagreement_audit.py --pool ecbplus   # one pool
    python bench/disagreement_audit.py --dump out.json  # also write what Chorus reports (to label new ones)

Chorus is imported as installed (or from ``PYTHONPATH``, which comes first), so another checkout's code is scored with
``PYTHONPATH=/path/to/checkout python bench/disagreement_audit.py``. Without the data the bench says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))  # after PYTHONPATH, so that another checkout's chorus can be scored

from bench.data import duc_clusters, ecbplus_events, resolve_data  # noqa: E402

GOLD = ROOT / "bench" / "gold"
LABELS = GOLD / "audits" / "disagreements-unannotated.json"
POOLS = ("duc", "ecbplus")
MAX_REPORTS = 25
CUE_CHARS = 60
MAX_CUE = 100
"""Longest cue a label may carry: the first words of a claim, never article text."""

Pool = list[tuple[str, list[dict[str, Any]]]]
"""A pool: (cluster or event id, its documents as ``{"id", "text", "title", "date"}``) in order."""


def gold_documents(gold: Path = GOLD) -> set[str]:
    """Every document id a gold file uses (development and held-out; nothing but their ``documents`` is read)."""
    used: set[str] = set()
    for path in sorted(gold.glob("*.json")) + sorted((gold / "heldout").glob("*.json")):
        used.update(str(d) for d in json.loads(path.read_text(encoding="utf-8"))["documents"])
    return used


def duc_pool(data: Path, used: set[str]) -> Pool:
    pool: Pool = []
    for cluster in duc_clusters(data):
        free = [d for d in cluster["documents"] if str(d["id"]) not in used][:MAX_REPORTS]
        if len(free) >= 2:
            pool.append((str(cluster["id"]), free))
    return pool


def ecbplus_pool(data: Path) -> Pool:
    return [(event, rows) for event, rows in ecbplus_events(data).items() if len(rows) >= 2]


def load_pools(data: Path, names: Sequence[str] = POOLS) -> dict[str, Pool]:
    """The pools found in ``data`` (an absent data file gives an empty pool)."""
    pools: dict[str, Pool] = {}
    if "duc" in names:
        pools["duc"] = duc_pool(data, gold_documents())
    if "ecbplus" in names:
        pools["ecbplus"] = ecbplus_pool(data)
    return pools


def reported(pools: dict[str, Pool]) -> list[dict[str, Any]]:
    """Run Chorus on each cluster of each pool: one ``{"pool", "cluster", "about", "claims": [{"sources", "text"}]}``
    per disagreement it reports."""
    from chorus.disagreements import find_disagreements
    from chorus.entities import extract_entities
    from chorus.models import Document
    from chorus.options import SummaryOptions
    from chorus.pipeline import prepare

    out: list[dict[str, Any]] = []
    for pool, clusters in pools.items():
        for cluster, rows in clusters:
            docs = [
                Document(text=r["text"], id=str(r["id"]), title=r.get("title", "") or "", date=r.get("date") or "") for r in rows
            ]
            prepared = prepare(docs, SummaryOptions())
            index = extract_entities(prepared.sentences, prepared.documents)
            for found in find_disagreements(prepared.sentences, prepared.documents, prepared.groups, index.entities):
                claims = [{"sources": [str(s) for s in c.sources], "text": c.text} for c in found.claims]
                out.append({"pool": pool, "cluster": cluster, "about": found.about, "claims": claims})
    return out


def squash(text: str) -> str:
    return " ".join(text.split())


def cue(text: str) -> str:
    """A claim's cue: its first ``CUE_CHARS`` characters, whitespace squashed."""
    return squash(text)[:CUE_CHARS].rstrip()


def claim_matches(claim: dict[str, Any], label: dict[str, Any]) -> bool:
    """A reported claim is a labelled one: a source report in common and its text starting with the cue."""
    return bool(set(claim["sources"]) & set(label["sources"])) and squash(claim["text"]).startswith(squash(label["cue"]))


def claims_matched(found: dict[str, Any], item: dict[str, Any]) -> int:
    """How many of a reported disagreement's claims match distinct claims of a label item (a maximum matching: one
    reported claim per labelled claim)."""
    options = [[j for j, label in enumerate(item["claims"]) if claim_matches(claim, label)] for claim in found["claims"]]
    owner: dict[int, int] = {}

    def place(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or place(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return sum(place(i, set()) for i in range(len(options)))


def match(found: dict[str, Any], items: Iterable[dict[str, Any]]) -> dict[str, Any] | None:
    """The label item a reported disagreement matches: same pool and cluster, two claims matched (the item with the
    most matched claims wins, the first on a tie); None when no item matches."""
    best: dict[str, Any] | None = None
    best_count = 1
    for item in items:
        if item["pool"] != found["pool"] or str(item["cluster"]) != str(found["cluster"]):
            continue
        count = claims_matched(found, item)
        if count > best_count:
            best, best_count = item, count
    return best


def score(found: Sequence[dict[str, Any]], items: Sequence[dict[str, Any]], pools: Iterable[str]) -> dict[str, Any]:
    """Per pool (and "all"): reported, true, false, unlabelled, precision over labelled; and the errors."""
    rows: dict[str, dict[str, Any]] = {}
    errors: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
    for pool in [*pools, "all"]:
        rows[pool] = {"reported": 0, "true": 0, "false": 0, "unlabelled": 0, "borderline": 0}
    for d in found:
        item = match(d, items)
        verdict = "unlabelled" if item is None else str(item["verdict"])
        # a true verdict resting on a precedent the gold README is split on ("borderline ..." notes)
        borderline = verdict == "true" and str(item.get("note", "")).startswith("borderline") if item else False
        for pool in (d["pool"], "all"):
            rows.setdefault(pool, {"reported": 0, "true": 0, "false": 0, "unlabelled": 0, "borderline": 0})
            rows[pool]["reported"] += 1
            rows[pool][verdict] += 1
            rows[pool]["borderline"] += borderline
        if verdict != "true":
            errors.append((d, item))
    for row in rows.values():
        labelled = row["true"] + row["false"]
        row["precision"] = row["true"] / labelled if labelled else None
        row["strict"] = (row["true"] - row["borderline"]) / labelled if labelled else None
    return {"rows": rows, "errors": errors}


def load_labels(path: Path = LABELS) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return list(json.loads(path.read_text(encoding="utf-8"))["items"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--pool", choices=POOLS, action="append", help="only this pool (repeatable)")
    parser.add_argument("--labels", default=str(LABELS), help="the labels file")
    parser.add_argument("--errors", action="store_true", help="print each false or unlabelled disagreement")
    parser.add_argument("--dump", help="write the reported disagreements to this JSON file")
    args = parser.parse_args(argv)
    names = args.pool or list(POOLS)
    pools = {name: pool for name, pool in load_pools(resolve_data(args.data), names).items() if pool}
    if not pools:
        print("data not found: skipping the disagreement audit")
        return 0
    found = reported(pools)
    if args.dump:
        Path(args.dump).write_text(json.dumps(found, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    result = score(found, load_labels(Path(args.labels)), pools)
    if args.errors:
        for d, item in result["errors"]:
            why = "unlabelled" if item is None else f"false: {item.get('note', '')}"
            print(f"  {d['pool']} {d['cluster']} | {d['about']} | {why}")
            for claim in d["claims"]:
                print(f"      {','.join(claim['sources'][:3])} :: {squash(claim['text'])[:100]}")
    print("| pool | clusters | reported | labelled true | labelled false | unlabelled | precision (labelled) | strict |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for pool, row in result["rows"].items():
        clusters = len(pools[pool]) if pool in pools else sum(len(p) for p in pools.values())
        precision, strict = ("n/a" if row[key] is None else f"{row[key]:.3f}" for key in ("precision", "strict"))
        name = "**all**" if pool == "all" else pool
        print(
            f"| {name} | {clusters} | {row['reported']} | {row['true']} | {row['false']} | {row['unlabelled']} | {precision} |"
            f" {strict} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
