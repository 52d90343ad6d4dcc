"""The cross-source bench's scorer (bench/crosssource.py) on hand-made outputs, and its gold set's integrity."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import crosssource as cs  # noqa: E402

GOLD_DIR = ROOT / "bench" / "gold"
HELDOUT_DIR = GOLD_DIR / "heldout"

TEXTS = {
    "a": 'Juan Guaidó met Maduro. "We will win this fight for freedom today," Guaidó said. 21 people were killed.',
    "b": 'Guido spoke. Maudro replied: "Nobody will take this country from the people." At least 20 people were killed.',
}


def _mention(doc: str, text: str, occurrence: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXTS[doc].index(text, start + 1)
    return {"doc": doc, "start": start, "end": start + len(text), "text": text}


def _quote(doc: str, cue: str, end_before: str, speaker: str) -> dict[str, Any]:
    start = TEXTS[doc].index(cue)
    return {"doc": doc, "start": start, "end": TEXTS[doc].index(end_before, start), "cue": cue, "speaker": speaker}


@pytest.fixture()
def gold() -> dict[str, Any]:
    return {
        "cluster": "toy",
        "source": "multinews_sample.jsonl",
        "documents": ["a", "b"],
        "entities": [
            {
                "label": "Juan Guaidó",
                "kind": "person",
                "mentions": [_mention("a", "Juan Guaidó"), _mention("a", "Guaidó", 1), _mention("b", "Guido")],
            },
            {"label": "Nicolás Maduro", "kind": "person", "mentions": [_mention("a", "Maduro"), _mention("b", "Maudro")]},
        ],
        "quotes": [
            _quote("a", "We will win", '"', "Juan Guaidó"),
            _quote("b", "Nobody will take", '"', "Nicolás Maduro"),
        ],
        "disagreements": [
            {
                "about": "number killed",
                "claims": [
                    {"label": "21", "mentions": [_mention("a", "21 people were killed")]},
                    {"label": "20", "mentions": [_mention("b", "At least 20 people were killed")]},
                ],
            }
        ],
    }


def _system(**parts: Any) -> cs.SystemOutput:
    return cs.system_output(parts)


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def test_fold_ignores_case_accents_quote_marks_and_possessives() -> None:
    assert cs.fold("Guaidó’s") == cs.fold("GUAIDO") == "guaido"
    assert cs.fold("Cabello's") == "cabello"
    assert cs.fold("U.S.") == "u.s"
    assert cs.words("eight other people were wounded")[0] == "8"


def test_gold_fixture_offsets_are_right(gold: dict[str, Any]) -> None:
    docs = {doc: {"text": text} for doc, text in TEXTS.items()}
    assert cs.check_gold(gold, docs) == []


def test_one_text_in_one_document_names_one_gold_entity(gold: dict[str, Any]) -> None:
    # the bench maps gold mentions by (document, text): a text given to two entities there cannot be scored
    clash = copy.deepcopy(gold)
    first, second = clash["entities"][0], clash["entities"][1]
    mention = first["mentions"][0]  # the same text elsewhere in the same document, given to the other entity
    second["mentions"].append(dict(mention, start=mention["start"] + 1000, end=mention["end"] + 1000))
    problems = cs.check_gold(clash, None)
    assert len(problems) == 1 and "names both" in problems[0]


# --------------------------------------------------------------------------------------------
# Entities
# --------------------------------------------------------------------------------------------


def test_perfect_grouping_scores_one(gold: dict[str, Any]) -> None:
    system = _system(
        entities=[
            {"name": "Juan Guaidó", "forms": {"a": ["Juan Guaidó", "Guaidó"], "b": ["Guido"]}},
            {"name": "Nicolás Maduro", "forms": {"a": ["Maduro"], "b": ["Maudro"]}},
        ]
    )
    score = cs.score_entities(gold, system)
    assert (score.gold, score.system, score.both) == (4, 4, 4)
    assert score.f1 == 1.0


def test_split_and_merge_are_counted_pairwise(gold: dict[str, Any]) -> None:
    # "Guido" is a separate entity (a split) and Maduro/Maudro are merged into Guaidó (a merge).
    system = _system(
        entities=[
            {"name": "Juan Guaidó", "forms": {"a": ["Juan Guaidó", "Guaidó", "Maduro"], "b": ["Maudro"]}},
            {"name": "Guido", "forms": {"b": ["Guido"]}},
        ]
    )
    score = cs.score_entities(gold, system)
    # gold pairs: 3 (Guaidó) + 1 (Maduro) = 4; system groups {Juan Guaidó, Guaidó, Maduro, Maudro} = 6 pairs.
    assert (score.gold, score.system) == (4, 6)
    # pairs right in both: Juan Guaidó-Guaidó and Maduro-Maudro.
    assert score.both == 2
    assert score.precision == pytest.approx(2 / 6)
    assert score.recall == pytest.approx(2 / 4)
    assert any(error.startswith("split") for error in score.errors)
    assert any(error.startswith("merge") for error in score.errors)


def test_kind_is_compared_with_the_system_entity_most_gold_mentions_map_to(gold: dict[str, Any]) -> None:
    # Guaidó's three mentions map to a person, Maduro's two to an entity the system calls a place
    system = _system(
        entities=[
            {"name": "Juan Guaidó", "kind": "person", "forms": {"a": ["Juan Guaidó", "Guaidó"], "b": ["Guido"]}},
            {"name": "Nicolás Maduro", "kind": "place", "forms": {"a": ["Maduro"], "b": ["Maudro"]}},
        ]
    )
    score = cs.score_entities(gold, system)
    assert (score.kinds_agree, score.kinds) == (1, 2)
    assert score.kind_accuracy == 0.5
    assert cs.score_entities(gold, _system(entities=[])).kind_accuracy is None  # nothing mapped, nothing compared


def test_unmatched_mentions_are_singletons(gold: dict[str, Any]) -> None:
    score = cs.score_entities(gold, _system(entities=[]))
    assert (score.gold, score.system, score.both, score.mapped) == (4, 0, 0, 0)
    assert score.precision is None and score.recall == 0.0 and score.f1 == 0.0


def test_map_mention_prefers_exact_then_longest_head_match() -> None:
    entities = [
        cs.SysEntity("Senate", {"d": ["Senate"]}),
        cs.SysEntity("Nicolás Maduro", {"d": ["Maudro"]}, mentions=3),
        cs.SysEntity("Juan Guaidó", {"d": ["Juan Guaidó"]}),
        cs.SysEntity("Serena Williams", {"d": ["Williams", "Serena Williams"]}, mentions=5),
        cs.SysEntity("Venus Williams", {"d": ["Venus Williams"]}, mentions=1),
    ]
    assert cs.map_mention("d", "Nicolás Maudro", entities) == 1  # the form lies inside the mention, same last word
    assert cs.map_mention("d", "Guaidó", entities) == 2  # the mention lies inside the form
    assert cs.map_mention("d", "Senate armed services committee", entities) is None  # different head word
    assert cs.map_mention("d", "WILLIAMS", entities) == 3  # an exact form beats a longer containing one
    assert cs.map_mention("d", "Venus Williams", entities) == 4
    assert cs.map_mention("other-doc", "Maudro", entities) is None  # forms are per document


def test_entities_without_forms_fall_back_to_name_and_variants_in_sources() -> None:
    summary = SimpleNamespace(
        entities=[SimpleNamespace(name="Diosdado Cabello", kind="person", variants=["Capello"], sources=["x"], mentions=2)],
        quotes=[],
        disagreements=[],
    )
    system = cs.system_output(summary)
    assert system.entities[0].forms == {"x": ["Diosdado Cabello", "Capello"]}
    assert system.missing == []
    assert cs.system_output(SimpleNamespace()).missing == ["entities", "quotes", "disagreements"]


# --------------------------------------------------------------------------------------------
# Quotes
# --------------------------------------------------------------------------------------------


def test_speakers_resolve_by_mention_then_surname(gold: dict[str, Any]) -> None:
    assert cs.resolve_speaker("Guido", gold, "b") == "Juan Guaidó"
    assert cs.resolve_speaker("President Nicolas Maduro", gold, "a") == "Nicolás Maduro"
    assert cs.resolve_speaker("Mike Pompeo", gold, "a") is None
    assert cs.resolve_speaker(None, gold, "a") is None


def test_speaker_accuracy_counts_missing_and_wrong(gold: dict[str, Any]) -> None:
    system = _system(
        quotes=[
            {"speaker": "Guaidó", "text": "We will win this fight for freedom today", "sources": ["a"]},
            {"speaker": "Guaidó", "text": "Nobody will take this country from the people", "sources": ["b"]},
        ]
    )
    score = cs.score_speakers(gold, system, TEXTS)
    assert (score.quotes, score.found, score.correct) == (2, 2, 1)
    assert score.accuracy == 0.5 and score.coverage == 1.0
    # The same text credited to the wrong document is not found; an unrelated quote does not match either.
    system = _system(
        quotes=[
            {"speaker": "Guaidó", "text": "We will win this fight for freedom today", "sources": ["b"]},
            {"speaker": "Maduro", "text": "The weather in the capital was fine", "sources": ["b"]},
        ]
    )
    score = cs.score_speakers(gold, system, TEXTS)
    assert (score.found, score.correct, score.accuracy) == (0, 0, 0.0)


def test_unnamed_quotes_are_not_scored(gold: dict[str, Any]) -> None:
    gold["quotes"][1]["speaker"] = cs.UNNAMED
    score = cs.score_speakers(gold, _system(quotes=[]), TEXTS)
    assert (score.quotes, score.unnamed, score.accuracy) == (1, 1, 0.0)


def test_unnamed_quotes_count_whether_the_system_left_them_unnamed(gold: dict[str, Any]) -> None:
    gold["quotes"][1]["speaker"] = cs.UNNAMED
    unnamed_text = "Nobody will take this country from the people"
    named = cs.score_speakers(gold, _system(quotes=[{"speaker": "Maduro", "text": unnamed_text, "sources": ["b"]}]), TEXTS)
    assert (named.unnamed, named.unnamed_found, named.unnamed_kept, named.unnamed_kept_rate) == (1, 1, 0, 0.0)
    assert any(e.startswith("named [b]") for e in named.errors)
    kept = cs.score_speakers(gold, _system(quotes=[{"speaker": None, "text": unnamed_text, "sources": ["b"]}]), TEXTS)
    assert (kept.unnamed_found, kept.unnamed_kept, kept.unnamed_kept_rate) == (1, 1, 1.0)
    assert cs.score_speakers(gold, _system(quotes=[]), TEXTS).unnamed_kept_rate is None


# --------------------------------------------------------------------------------------------
# Disagreements
# --------------------------------------------------------------------------------------------


def test_claims_need_the_gold_numbers() -> None:
    assert cs.claim_similarity("21 people killed", "21 people were killed") >= 0.5
    assert cs.claim_similarity("20 people killed", "21 people were killed") == 0.0
    assert cs.claim_similarity("8 wounded", "eight other people were wounded") >= 0.5


def test_disagreement_precision_and_recall(gold: dict[str, Any]) -> None:
    right = {"about": "death toll", "claims": [{"text": "21 people killed"}, {"text": "at least 20 people were killed"}]}
    one_sided = {"about": "death toll", "claims": [{"text": "21 people killed"}, {"text": "21 were killed"}]}
    unrelated = {"about": "weather", "claims": [{"text": "it rained"}, {"text": "it was sunny"}]}
    score = cs.score_disagreements(gold, _system(disagreements=[right, one_sided, unrelated]))
    assert (score.gold, score.system, score.system_matched, score.gold_matched) == (1, 3, 1, 1)
    assert score.precision == pytest.approx(1 / 3) and score.recall == 1.0
    empty = cs.score_disagreements(gold, _system(disagreements=[]))
    assert empty.precision is None and empty.recall == 0.0


# --------------------------------------------------------------------------------------------
# Whole runs
# --------------------------------------------------------------------------------------------


def test_oracle_scores_one(gold: dict[str, Any]) -> None:
    result = cs.score_cluster(gold, cs.oracle_output(gold, TEXTS), TEXTS)
    assert result.entities.f1 == 1.0
    assert result.speakers.accuracy == 1.0
    assert result.disagreements.precision == 1.0 and result.disagreements.recall == 1.0
    table = cs.tables([result])
    assert "| **all** |" in table and "| entity grouping F1 | 1.000 | >= 0.9 | yes |" in table


def test_gold_files_are_well_formed() -> None:
    golds = cs.load_gold(GOLD_DIR)
    clusters = [g["cluster"] for g in golds]
    assert clusters[0] == cs.VENEZUELA
    assert sum(c.startswith("multinews-") for c in clusters) >= 10
    for gold in golds:
        assert cs.check_gold(gold, None) == [], gold["cluster"]
        for item in gold["disagreements"]:
            docs = {m["doc"] for claim in item["claims"] for m in claim["mentions"]}
            assert len(docs) >= 2, (gold["cluster"], item["about"])  # sources differ, not one document
    venezuela = golds[0]
    guaido = next(e for e in venezuela["entities"] if e["label"] == "Juan Guaidó")
    assert {"Guaido", "Guaidó", "Guido", "Guevidou"} <= {m["text"] for m in guaido["mentions"]}


def test_gold_offsets_match_the_data(shared_data: Path) -> None:
    golds = cs.load_gold(GOLD_DIR)
    texts = cs.load_texts(shared_data, golds)
    problems = [p for gold in golds for p in cs.check_gold(gold, texts[gold["cluster"]])]
    assert problems == []


def test_main_without_data_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cs.main(["--data", str(tmp_path / "absent")]) == 0
    assert capsys.readouterr().out.strip() == f"data not found: {tmp_path / 'absent'}"


def test_main_oracle_and_saved_output(shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "oracle.json"
    assert cs.main(["--data", str(shared_data), "--oracle", "--json", str(out), "--dump-system", str(tmp_path / "sys.json")]) == 0
    numbers = json.loads(out.read_text(encoding="utf-8"))["all"]
    assert numbers["entities"]["f1"] == 1.0
    assert numbers["speakers"]["accuracy"] == 1.0
    assert numbers["disagreements"]["precision"] == numbers["disagreements"]["recall"] == 1.0
    # The dumped oracle output, read back as a saved system output, scores the same.
    again = tmp_path / "again.json"
    assert cs.main(["--data", str(shared_data), "--system-json", str(tmp_path / "sys.json"), "--json", str(again)]) == 0
    reread = json.loads(again.read_text(encoding="utf-8"))["all"]
    assert all(reread[key] == numbers[key] for key in ("entities", "speakers", "disagreements"))
    output = capsys.readouterr().out
    assert "### Summary" in output
    # The held-out set is scored too, apart, and the oracle is perfect there as well.
    held = json.loads(out.read_text(encoding="utf-8"))["heldout"]
    assert set(held["clusters"]) == {g["cluster"] for g in cs.load_gold(HELDOUT_DIR)}  # names only: no per-cluster numbers
    assert held["all"]["entities"]["f1"] == held["all"]["speakers"]["accuracy"] == 1.0
    assert held["all"]["disagreements"]["precision"] == held["all"]["disagreements"]["recall"] == 1.0
    assert json.loads(again.read_text(encoding="utf-8"))["heldout"]["all"]["entities"] == held["all"]["entities"]
    assert "### Held-out: Summary" in output and "| measure | dev | held-out | target |" in output
    assert "| entity grouping F1 | 1.000 | 1.000 | >= 0.9 |" in output


def test_development_tables_come_first_and_unchanged(shared_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cs.main(["--data", str(shared_data), "--oracle", "--no-heldout"]) == 0
    dev_only = capsys.readouterr().out
    assert "Held-out" not in dev_only
    assert cs.main(["--data", str(shared_data), "--oracle"]) == 0
    both = capsys.readouterr().out
    assert both.startswith(dev_only.rstrip("\n"))  # other helpers' development numbers stay comparable
    assert both.index("## Held-out set") > both.index("### Summary (micro over all clusters)")


# --------------------------------------------------------------------------------------------
# Held-out gold set
# --------------------------------------------------------------------------------------------


def test_heldout_gold_files_are_well_formed() -> None:
    heldout = cs.load_gold(HELDOUT_DIR)
    assert len(heldout) >= 6
    # Multi-News clusters, and other reports of DUC clusters whose first reports are in the development set
    assert {g["source"] for g in heldout} == {cs.MULTINEWS, "duc2006.jsonl", "duc2007.jsonl"}
    assert all(g["source"] == cs.MULTINEWS or g["data_cluster"] != g["cluster"] for g in heldout)
    assert cs.check_sets(cs.load_gold(GOLD_DIR), heldout) == []  # no cluster and no report in both sets
    for gold in heldout:
        assert cs.check_gold(gold, None) == [], gold["cluster"]
        assert gold["entities"] or gold["quotes"], gold["cluster"]  # an ad quoting its unnamed seller has no names
        for item in gold["disagreements"]:
            docs = {m["doc"] for claim in item["claims"] for m in claim["mentions"]}
            assert len(docs) >= 2, (gold["cluster"], item["about"])
    assert sum(len(g["disagreements"]) for g in heldout) >= 1
    assert any(not g["disagreements"] for g in heldout)  # a cluster with none measures precision


def test_a_report_annotated_in_both_sets_is_a_problem() -> None:
    dev = [{"cluster": "D0601A", "documents": ["a", "b", "c"]}]
    assert cs.check_sets(dev, [{"cluster": "D0601A-4-6", "data_cluster": "D0601A", "documents": ["d", "e"]}]) == []
    problems = cs.check_sets(dev, [{"cluster": "D0601A-3-5", "data_cluster": "D0601A", "documents": ["c", "d"]}])
    assert problems == ["D0601A: report c in both the development and the held-out set"]
    assert cs.check_sets(dev, dev) == [
        "D0601A: in both the development and the held-out set",
        *(f"D0601A: report {doc} in both the development and the held-out set" for doc in "abc"),
    ]


def test_heldout_gold_offsets_match_the_data(shared_data: Path) -> None:
    heldout = cs.load_gold(HELDOUT_DIR)
    texts = cs.load_texts(shared_data, heldout)
    assert set(texts) == {g["cluster"] for g in heldout}
    problems = [p for gold in heldout for p in cs.check_gold(gold, texts[gold["cluster"]])]
    assert problems == []


def test_check_covers_both_sets(shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cs.main(["--data", str(shared_data), "--check"]) == 0
    output = capsys.readouterr().out
    assert "held-out set:" in output and "0 problems" in output
    # A broken offset in a held-out file is reported, and so is a cluster in both sets.
    broken = tmp_path / "heldout"
    broken.mkdir()
    gold = json.loads(next(HELDOUT_DIR.glob("*.json")).read_text(encoding="utf-8"))
    gold["entities"][0]["mentions"][0]["start"] += 1
    (broken / "bad.json").write_text(json.dumps(gold), encoding="utf-8")
    dev = json.loads((GOLD_DIR / "multinews-425.json").read_text(encoding="utf-8"))
    (broken / "dup.json").write_text(json.dumps(dev), encoding="utf-8")
    assert cs.main(["--data", str(shared_data), "--check", "--heldout", str(broken)]) == 1
    output = capsys.readouterr().out
    assert "not at" in output and "multinews-425: in both the development and the held-out set" in output


def test_comparison_table_has_dev_heldout_and_target_columns(gold: dict[str, Any]) -> None:
    perfect = cs.score_cluster(gold, cs.oracle_output(gold, TEXTS), TEXTS)
    empty = cs.score_cluster(gold, _system(), TEXTS)
    table = cs.comparison([perfect], [empty])
    assert "| measure | dev | held-out | target |" in table
    assert "| entity grouping F1 | 1.000 | 0.000 | >= 0.9 |" in table
    assert "| disagreement precision | 1.000 | – | >= 0.8 |" in table


def test_held_out_set_shows_only_its_totals(shared_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Nobody changing Chorus reads the held-out set's per-cluster rows or errors: the bench never prints them.
    assert cs.main(["--data", str(shared_data), "--errors"]) == 0  # Chorus itself: it makes errors in both sets
    output = capsys.readouterr().out
    assert "errors in " in output[: output.index("## Held-out set")]  # the development set's are printed
    held_out = output[output.index("## Held-out set") :]
    names = [g["cluster"] for g in cs.load_gold(HELDOUT_DIR)]
    assert held_out.count("| **all** |") == 3  # entities, speakers, disagreements
    assert not any(f"| {name} |" in held_out for name in names)
    assert not any(f"errors in {name}" in output for name in names)


def test_gold_may_come_from_any_cluster_file_and_lists_its_documents(tmp_path: Path) -> None:
    # a DUC-style cluster of three reports of which the gold annotates the first two
    cluster = {
        "id": "D9901A",
        "documents": [
            {"id": "NYT1", "date": "1999-08-17", "title": "Quake", "text": "A quake hit."},
            {"id": "APW2", "text": "The quake killed 12."},
            {"id": "XIE3", "text": "Not annotated."},
        ],
    }
    (tmp_path / "duc9999.jsonl").write_text(json.dumps(cluster) + "\n", encoding="utf-8")
    gold = {"cluster": "D9901A", "source": "duc9999.jsonl", "documents": ["NYT1", "APW2"]}
    texts = cs.load_texts(tmp_path, [gold])
    assert list(texts["D9901A"]) == ["NYT1", "APW2"]
    assert texts["D9901A"]["NYT1"] == {"text": "A quake hit.", "title": "Quake", "date": "1999-08-17"}
    assert cs.data_paths(tmp_path, [gold]) == [tmp_path / "duc9999.jsonl"]


def test_two_gold_files_may_annotate_two_sets_of_reports_of_one_cluster(tmp_path: Path) -> None:
    cluster = {"id": "D9901A", "documents": [{"id": f"DOC{k}", "text": f"Report {k}."} for k in range(6)]}
    (tmp_path / "duc9999.jsonl").write_text(json.dumps(cluster) + "\n", encoding="utf-8")
    first = {"cluster": "D9901A", "source": "duc9999.jsonl", "documents": ["DOC0", "DOC1", "DOC2"]}
    second = {"cluster": "D9901A-4-6", "data_cluster": "D9901A", "source": "duc9999.jsonl", "documents": ["DOC3", "DOC4", "DOC5"]}
    texts = cs.load_texts(tmp_path, [first, second])
    assert list(texts["D9901A"]) == ["DOC0", "DOC1", "DOC2"]
    assert list(texts["D9901A-4-6"]) == ["DOC3", "DOC4", "DOC5"]
