"""Speaker accuracy on random quotes of reports no gold file annotates (an audit, beside ``bench/crosssource.py``).

Each audit file in ``bench/gold/audits/`` holds quotes drawn at random from what Chorus extracts from three-report
windows of DUC 2006/2007 clusters that no gold file uses (or, in ``speakers-complete-*``, every quote of five words or
more that the helper sessions found reading the reports in full, so that quotes Chorus misses count too; the
``-ecbplus`` one reads three reports of ECB+ events), with the speaker that helper sessions read from the report
(blind: they saw the report, never Chorus's answer): a name, or "unnamed", "not_a_quote", "unclear". Only ids, offsets,
a quote's first words and labels are stored. This bench re-runs Chorus on each window, finds the quote at its offset
and prints, per audit, how many named quotes get their speaker (a name matching the label: the same words, one inside
the other, or the same surname), how many get none, how many are not found at all, and how many unnamed quotes get a
name.

    python bench/speaker_audit.py                 # every audit in bench/gold/audits/
    python bench/speaker_audit.py --errors        # and the misses

Unlike the cross-source gold, the audits' speakers are labels, not entities, so the match is by name; an audit
whose misses were read to change Chorus says so in its ``status`` (the table prints it).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.data import duc_clusters, ecbplus_events, resolve_data  # noqa: E402

AUDITS = ROOT / "bench" / "gold" / "audits"
_TITLES = r"(?:the|mr|mrs|ms|dr|sen|gov|rep|president|gen|judge)\.?\s+"


def fold(name: str | None) -> str:
    """A name in lower-case ASCII words, without a leading title or article."""
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    text = re.sub(rf"^(?:{_TITLES})+", "", text.strip())
    return " ".join(re.sub(r"[^a-z ]", " ", text).split())


def _initials(name: str) -> str:
    """ "U.S. National Transportation Safety Board" -> "ntsb": the initials of its capitalised words (not "U.S.")."""
    return "".join(word[0] for word in name.split() if word[:1].isupper() and "." not in word).lower()


def same_speaker(system: str | None, label: str) -> bool:
    """Chorus's speaker and an audit label name the same one: equal, one inside the other, one surname, or one the
    acronym of the other ("NTSB")."""
    a, b = fold(system), fold(label)
    if not a or not b:
        return False
    acronym = (a == _initials(label) or b == _initials(system or "")) and min(len(a), len(b)) >= 2
    return a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} " or a.split()[-1] == b.split()[-1] or acronym


def load_clusters(data: Path) -> dict[str, dict[str, Any]]:
    """The DUC clusters by id, and ECB+'s events as clusters ``ecbplus-<event>`` (their reports have no titles or
    dates)."""
    clusters = {cluster["id"]: cluster for cluster in duc_clusters(data)}
    for event, rows in ecbplus_events(data).items():
        clusters[f"ecbplus-{event}"] = {"id": f"ecbplus-{event}", "documents": rows}
    return clusters


def _content_words(text: str) -> set[str]:
    return {word for word in re.findall(r"\w+", text.lower()) if len(word) > 2}


def locate(text: str, quote: str) -> int:
    """Where ``quote`` (as Chorus prints it: marks and apostrophes made curly, spaces joined) starts in the report's
    stored ``text`` (``...'', straight apostrophes), by its first 40 letters and digits; -1 when it is not there."""
    letters = [i for i, char in enumerate(text) if char.isalnum()]
    key = "".join(char for char in quote if char.isalnum())[:40]
    at = "".join(text[i] for i in letters).find(key) if key else -1
    return letters[at] if at >= 0 else -1


def system_speakers(audit: dict[str, Any], clusters: dict[str, dict[str, Any]]) -> list[str | bool | None]:
    """For each audit item, Chorus's speaker of the quote at its offset (False when no quote is found there)."""
    from chorus import summarize
    from chorus.models import Document

    out: list[str | bool | None] = []
    runs: dict[tuple[str, ...], tuple[Any, dict[str, str]]] = {}
    for item in audit["items"]:
        key = tuple(item["documents"])
        if key not in runs:
            by_id = {str(d["id"]): d for d in clusters[item["cluster"]]["documents"]}
            docs = [
                Document(text=by_id[i]["text"], id=i, title=by_id[i].get("title", ""), date=by_id[i].get("date", "")) for i in key
            ]
            runs[key] = (summarize(docs), {d.id: d.text for d in docs})
        summary, texts = runs[key]
        quote = quote_at(texts[item["doc"]], item, [q for q in summary.quotes if item["doc"] in q.sources])
        out.append(False if quote is None else quote.speaker)
    return out


def quote_at(text: str, item: dict[str, Any], quotes: list[Any]) -> Any | None:
    """Of the quotes Chorus gives a report (``text``), the one at the audit item's offsets: found there by its opening
    words, else (a quote several outlets carry is printed in the first one's words) the one sharing most of the item's
    words, at least half of them; None when none is."""
    for quote in quotes:
        at = locate(text, quote.text)
        if at >= 0 and at < item["end"] and at + len(quote.text) > item["start"]:
            return quote
    wanted = _content_words(text[item["start"] : item["end"]])
    shared, best = max(((len(wanted & _content_words(q.text)), q) for q in quotes), key=lambda pair: pair[0], default=(0, None))
    return best if best is not None and shared >= min(3, len(wanted)) and shared >= len(wanted) / 2 else None


def score(audit: dict[str, Any], speakers: list[str | bool | None]) -> dict[str, Any]:
    named = [(item, s) for item, s in zip(audit["items"], speakers, strict=True) if item["kind"] == "named"]
    right = [item for item, s in named if isinstance(s, str) and same_speaker(s, item["speaker"])]
    unnamed = [s for item, s in zip(audit["items"], speakers, strict=True) if item["kind"] == "unnamed"]
    return {
        "named": len(named),
        "right": len(right),
        "none": sum(s is None for _, s in named),
        "not_found": sum(s is False for _, s in named),
        "unnamed": len(unnamed),
        "unnamed_given_a_name": sum(isinstance(s, str) for s in unnamed),
        "misses": [(item, s) for item, s in named if item not in right],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--errors", action="store_true", help="print each named quote Chorus misses")
    args = parser.parse_args(argv)
    clusters = load_clusters(resolve_data(args.data))
    if not clusters:
        print("data not found: skipping the speaker audit")
        return 0
    rows = []
    for path in sorted(AUDITS.glob("speakers-*.json")):
        audit = json.loads(path.read_text(encoding="utf-8"))
        result = score(audit, system_speakers(audit, clusters))
        rows.append((path.stem, audit, result))
        if args.errors:
            for item, speaker in result["misses"]:
                got = "no quote found" if speaker is False else repr(speaker)
                label = f"label {item['speaker']!r}, Chorus {got}"
                print(f"  {path.stem} {item['doc']} {item['cue']!r}: {label} ({item['construction']})")
    header = "| audit | reports | status | named quotes | speaker right | accuracy | none given | no quote found |"
    print(header + " unnamed given a name |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for name, audit, r in rows:
        accuracy = r["right"] / r["named"] if r["named"] else float("nan")
        print(
            f"| {name} | {audit['reports']} | {audit['status']} | {r['named']} | {r['right']} | {accuracy:.3f} | {r['none']} | "
            f"{r['not_found']} | "
            f"{r['unnamed_given_a_name']} of {r['unnamed']} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
