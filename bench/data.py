"""Where the benchmarks find the shared evaluation data (never copied into the repository)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def resolve_data(arg: str | Path | None = None) -> Path:
    """``--data``, else ``$CHORUS_DATA``, else ``../shared/data`` beside the repository."""
    if arg:
        return Path(arg)
    if os.environ.get("CHORUS_DATA"):
        return Path(os.environ["CHORUS_DATA"])
    return DEFAULT_DATA
