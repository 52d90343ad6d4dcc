"""The speaker audit bench (bench/speaker_audit.py): its name matching, and its audit files' integrity."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import speaker_audit as audit  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
AUDITS = sorted((ROOT / "bench" / "gold" / "audits").glob("speakers-*.json"))


@pytest.mark.parametrize(
    ("system", "label", "same"),
    [
        ("Thomas Penfield Jackson", "Jackson", True),
        ("Thomas Penfield Jackson", "Judge Jackson", True),
        ("Guaidó", "Juan Guaido", True),
        ("U.S. District Court", "Thomas Penfield Jackson", False),
        (None, "Jackson", False),
        ("Carolyn Bessette Kennedy", "John F. Kennedy Jr.", False),
        ("NTSB", "U.S. National Transportation Safety Board", True),
        ("NTSB", "the Federal Aviation Administration", False),
    ],
)
def test_same_speaker(system: str | None, label: str, same: bool) -> None:
    assert audit.same_speaker(system, label) is same


def test_locate_finds_a_quote_printed_with_curly_marks_in_the_stored_text() -> None:
    text = "Hess said, ``That's what happened to 'Cheers.''' Burke disagreed."
    assert audit.locate(text, "That’s what happened to ‘Cheers.’") == text.index("That")
    assert audit.locate(text, "Nothing like this was said") == -1


def test_quote_at_finds_a_quote_printed_in_another_outlets_words() -> None:
    from chorus.models import Quote

    text = "Maral said: ``I still don't know who I'm supposed to vote for.'' Polls open Sunday."
    item = {"start": text.index("I still"), "end": text.index(".''")}
    merged = Quote(speaker="Maral", text="With four days to go, I still don't know who I'm supposed to vote for", sources=["a"])
    other = Quote(speaker="Begmedova", text="This whole spectacle has been arranged for the world", sources=["a"])
    assert audit.quote_at(text, item, [other, merged]) is merged
    assert audit.quote_at(text, item, [other]) is None


def test_score_counts_right_none_and_unnamed_given_a_name() -> None:
    items = [
        {"kind": "named", "speaker": "Anna Kovac"},
        {"kind": "named", "speaker": "Paul Edmar"},
        {"kind": "named", "speaker": "Paul Edmar"},
        {"kind": "unnamed", "speaker": ""},
    ]
    result = audit.score({"items": items}, ["Kovac", None, "Anna Kovac", "Anna Kovac"])
    assert (result["named"], result["right"], result["none"], result["unnamed_given_a_name"]) == (3, 1, 1, 1)


@pytest.mark.skipif(not AUDITS, reason="no audit files")
@pytest.mark.parametrize("path", AUDITS, ids=lambda p: p.stem)
def test_audit_files_hold_only_labels_and_point_at_their_quotes(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {"reports", "status", "items"} <= data.keys()
    kinds = {"named", "unnamed", "not_a_quote", "unclear"}
    for item in data["items"]:
        assert item["kind"] in kinds and len(item["cue"]) <= 60 and item["doc"] in item["documents"]
        assert set(item) == {"cluster", "documents", "doc", "start", "end", "cue", "kind", "speaker", "construction"}
    if not (DATA / "duc2006.jsonl").exists():
        pytest.skip("shared data not found")
    clusters = audit.load_clusters(DATA)
    for item in data["items"]:
        text = next(str(d["text"]) for d in clusters[item["cluster"]]["documents"] if str(d["id"]) == item["doc"])
        assert " ".join(text[item["start"] : item["end"]].split()).startswith(item["cue"][:20].rstrip())
