"""The disagreement audit bench (bench/disagreement_audit.py): its matching, and its labels file's integrity."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import disagreement_audit as audit  # noqa: E402

DATA = ROOT.parent / "shared" / "data"


def _found(cluster: str, *claims: tuple[list[str], str], pool: str = "ecbplus") -> dict[str, Any]:
    return {"pool": pool, "cluster": cluster, "about": "people killed", "claims": [{"sources": s, "text": t} for s, t in claims]}


def _item(cluster: str, verdict: str, *claims: tuple[list[str], str], pool: str = "ecbplus") -> dict[str, Any]:
    return {
        "pool": pool,
        "cluster": cluster,
        "about": "people killed",
        "claims": [{"sources": s, "cue": c} for s, c in claims],
        "verdict": verdict,
        "note": "",
    }


TOLL = _item("7", "true", (["7_1", "7_2"], "At least 12 people were killed in the"), (["7_3"], "killing seven people"))


def test_two_claims_sharing_a_source_and_starting_with_the_cue_match() -> None:
    # the same claims, one more source on a side, whitespace changed, and a third (unlabelled) claim
    found = _found(
        "7",
        (["7_2", "7_9"], "At least  12 people were killed in the blast on Monday"),
        (["7_3"], "killing seven people and wounding 20"),
        (["7_4"], "20 dead"),
    )
    assert audit.claims_matched(found, TOLL) == 2
    assert audit.match(found, [TOLL]) is TOLL


def test_one_claim_a_wrong_source_another_cluster_or_pool_is_no_match() -> None:
    one = _found("7", (["7_1"], "At least 12 people were killed in the blast"), (["7_5"], "killing seven people"))
    assert audit.claims_matched(one, TOLL) == 1 and audit.match(one, [TOLL]) is None
    both = ((["7_1"], "At least 12 people were killed in the blast"), (["7_3"], "killing seven people"))
    assert audit.match(_found("8", *both), [TOLL]) is None
    assert audit.match(_found("7", *both, pool="duc"), [TOLL]) is None
    assert audit.match(_found("7", *both), [TOLL]) is TOLL
    # a cue is a prefix: a claim that only contains it elsewhere does not match
    inside = _found("7", (["7_1"], "Police said at least 12 people were killed in the"), (["7_3"], "killing seven people"))
    assert audit.match(inside, [TOLL]) is None


def test_two_reported_claims_matching_one_labelled_claim_count_once() -> None:
    found = _found(
        "7", (["7_1"], "At least 12 people were killed in the town"), (["7_2"], "At least 12 people were killed in the city")
    )
    assert audit.claims_matched(found, TOLL) == 1 and audit.match(found, [TOLL]) is None


def test_the_item_with_most_claims_matched_wins() -> None:
    wider = _item("7", "false", (["7_1"], "At least 12 people"), (["7_3"], "killing seven"), (["7_4"], "20 dead"))
    found = _found(
        "7", (["7_1"], "At least 12 people were killed in the"), (["7_3"], "killing seven people"), (["7_4"], "20 dead")
    )
    assert audit.match(found, [TOLL, wider]) is wider
    assert audit.match(found, [TOLL, _item("7", "false", *[(c["sources"], c["cue"]) for c in TOLL["claims"]])]) is TOLL


def test_score_counts_true_false_unlabelled_and_precision_over_labelled() -> None:
    other = _item("9", "false", (["9_1"], "Ten were hurt"), (["9_2"], "Twelve were hurt"))
    found = [
        _found("7", (["7_1"], "At least 12 people were killed in the"), (["7_3"], "killing seven people")),
        _found("9", (["9_1"], "Ten were hurt"), (["9_2"], "Twelve were hurt")),
        _found("9", (["9_1"], "Ten were hurt"), (["9_3"], "Nine were hurt")),
        _found("D0601A", (["A"], "x"), (["B"], "y"), pool="duc"),
    ]
    result = audit.score(found, [TOLL, other], ["duc", "ecbplus"])
    rows = result["rows"]
    assert rows["ecbplus"] == {
        "reported": 3, "true": 1, "false": 1, "unlabelled": 1, "borderline": 0, "precision": 0.5, "strict": 0.5
    }  # fmt: skip
    assert rows["duc"] == {
        "reported": 1, "true": 0, "false": 0, "unlabelled": 1, "borderline": 0, "precision": None, "strict": None
    }  # fmt: skip
    assert rows["all"]["reported"] == 4 and rows["all"]["precision"] == 0.5
    assert [item for _, item in result["errors"]] == [other, None, None]
    # a true verdict on a precedent the README is split on counts false in the strict reading
    borderline = {**TOLL, "note": "borderline: a toll that rose"}
    rows = audit.score(found, [borderline, other], ["duc", "ecbplus"])["rows"]
    assert rows["ecbplus"]["precision"] == 0.5 and rows["ecbplus"]["strict"] == 0.0


def test_the_labels_file_holds_only_ids_cues_and_verdicts() -> None:
    items = audit.load_labels()
    assert items
    keys = {"pool", "cluster", "about", "claims", "verdict", "note"}
    for item in items:
        assert set(item) == keys and item["pool"] in audit.POOLS and item["verdict"] in {"true", "false"}
        assert len(item["claims"]) >= 2 and item["note"]
        for claim in item["claims"]:
            assert set(claim) == {"sources", "cue"} and claim["sources"] and 0 < len(claim["cue"]) <= audit.MAX_CUE


def test_each_labelled_claim_is_in_its_pool_and_its_cue_in_a_source() -> None:
    if not (DATA / "duc2006.jsonl").exists() or not (DATA / "ecbplus_events.jsonl").exists():
        pytest.skip("shared data not found")
    pools = audit.load_pools(DATA)
    texts = {
        (pool, cluster): {str(d["id"]): audit.squash(d["text"]) for d in docs} for pool, c in pools.items() for cluster, docs in c
    }
    for item in audit.load_labels():
        docs = texts[(item["pool"], item["cluster"])]
        for claim in item["claims"]:
            assert set(claim["sources"]) <= docs.keys(), (item["cluster"], claim)
            assert any(claim["cue"] in docs[s] for s in claim["sources"]), (item["cluster"], claim)


def test_the_pools_leave_out_every_gold_document() -> None:
    used = audit.gold_documents()
    assert used
    if not (DATA / "duc2006.jsonl").exists():
        pytest.skip("shared data not found")
    pool = audit.duc_pool(DATA, used)
    assert pool and all(len(docs) <= audit.MAX_REPORTS for _, docs in pool)
    assert not {str(d["id"]) for _, docs in pool for d in docs} & used


def test_no_data_skips_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert audit.main(["--data", str(tmp_path)]) == 0
    assert "not found" in capsys.readouterr().out


def test_labels_file_is_valid_json_with_a_status() -> None:
    data = json.loads(audit.LABELS.read_text(encoding="utf-8"))
    assert {"status", "pools", "items"} <= data.keys() and set(data["pools"]) == set(audit.POOLS)
