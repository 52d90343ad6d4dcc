"""Where the benchmarks find the shared evaluation data (never copied into the repository)."""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def resolve_data(arg: str | Path | None = None) -> Path:
    """``--data``, else ``$CHORUS_DATA``, else ``../shared/data`` beside the repository."""
    if arg:
        return Path(arg)
    if os.environ.get("CHORUS_DATA"):
        return Path(os.environ["CHORUS_DATA"])
    return DEFAULT_DATA


def duc_clusters(data: Path) -> Iterator[dict[str, Any]]:
    """The DUC 2006 then DUC 2007 clusters (``{"id", "documents", ...}``), in file order; none from an absent file."""
    for name in ("duc2006.jsonl", "duc2007.jsonl"):
        path = data / name
        if path.exists():
            with path.open(encoding="utf-8") as lines:
                yield from (json.loads(line) for line in lines)


def _event_order(event: str) -> tuple[int, str]:
    """ECB+ events "1", "1plus", "2"...: by number, then suffix."""
    match = re.match(r"\d+", event)
    return (int(match.group()) if match else 0, event)


def ecbplus_events(data: Path) -> dict[str, list[dict[str, Any]]]:
    """ECB+'s reports (``{"id", "topic", "event", "text"}``) by event, events in number order; empty when the file is
    absent."""
    path = data / "ecbplus_events.jsonl"
    if not path.exists():
        return {}
    events: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            events[str(row["event"])].append(row)
    return {event: events[event] for event in sorted(events, key=_event_order)}
