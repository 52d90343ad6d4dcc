"""The cross-source sections through ``summarize`` and the CLI: JSON shapes, ``--canonical-names``,
``--brief-only``, corroboration that respects disagreements, and the Markdown "Where sources differ" section.

Which sentences take which side of a disagreement is read from the reports (chorus/demo/README.md lists the
demo's; the Venezuela reports say "more than 50 countries" in 000 and 002, "Around 50 countries" in 004, and
Cuba and Bolivia "condemned" in 000 but "announced their support" in 003).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from demo_corpus import C01, C02, C03, C04, C05

from chorus import Document, SummaryOptions, summarize
from chorus.cli import main
from chorus.mentions import fold
from chorus.render import markdown_sections, to_markdown

V000, V002, V003, V004 = "000_bc80e228aeab26da", "002_61d602a8a2c94f69", "003_4b1c7a33d9265088", "004_6b345fce1272ac3f"

# (pattern of a sentence taking one side, the outlets that take the other side only)
DEMO_SIDES = [
    (r"\bblamed\b", {C04}),
    (r"\bpraised\b", {C01, C02, C03, C05}),
    (r"\b(?:[Aa]t least 12|12 people)\b", {C02, C03, C04}),
    (r"\b[Nn]ine (?:people|persons)\b", {C01, C05}),
    (r"\b[Mm]ore than 3,000\b", {C02, C03, C04}),
    (r"\b(?:[Aa]round 3,000|about 3 thousand)\b", {C01, C05}),
]
VENEZUELA_SIDES = [
    (r"\b[Mm]ore than 50 countries\b", {V004}),
    (r"\bAround 50 countries\b", {V000, V002}),
    (r"Cuba and Bolivia also condemned", {V003}),
    (r"Cuba and Bolivia announced their support", {V000}),
]


def _run(tmp_path: Path, *argv: str) -> str:
    out = tmp_path / f"out{len(list(tmp_path.iterdir()))}"
    assert main([*argv, "--quiet", "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def _contradicted(sentences: list[dict], sides: list[tuple[str, set[str]]]) -> tuple[int, list[str]]:
    """(how many brief sentences (JSON form) take a side, the ones citing an outlet of the other side)."""
    taking, wrong = 0, []
    for sentence in sentences:
        for pattern, against in sides:
            if re.search(pattern, sentence["text"]):
                taking += 1
                cited = (set(sentence["corroborated_by"]) - {sentence["source"]}) & against
                if cited:
                    wrong.append(f"{sentence['text']!r} cites {sorted(cited)}")
    return taking, wrong


# --- JSON shapes --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_json(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return json.loads(_run(tmp_path_factory.mktemp("json"), "demo", "--words", "150", "--format", "json"))


def test_json_has_the_cross_source_sections(demo_json) -> None:
    assert {"entities", "quotes", "disagreements", "timeline"} <= set(demo_json)
    ids = {d["id"] for d in demo_json["documents"]}
    assert ids == {C01, C02, C03, C04, C05}

    assert demo_json["entities"]
    for entity in demo_json["entities"]:
        assert set(entity) == {"name", "kind", "variants", "sources", "mentions", "forms"}
        assert isinstance(entity["name"], str) and entity["name"]
        assert entity["kind"] in {"person", "place", "organisation", "other"}
        assert all(isinstance(v, str) for v in entity["variants"])
        assert entity["name"] not in entity["variants"]
        assert entity["sources"] and set(entity["sources"]) <= ids
        assert isinstance(entity["mentions"], int) and entity["mentions"] >= 1
        assert set(entity["forms"]) == set(entity["sources"])
        assert all(isinstance(f, list) and f for f in entity["forms"].values())
        assert entity["mentions"] >= 2 or len(entity["sources"]) >= 2 or entity["variants"]

    assert demo_json["quotes"]
    for quote in demo_json["quotes"]:
        assert set(quote) == {"speaker", "text", "sources"}
        assert quote["speaker"] is None or isinstance(quote["speaker"], str)
        assert len(quote["text"].split()) >= 5
        assert quote["sources"] and set(quote["sources"]) <= ids

    assert demo_json["disagreements"]
    for disagreement in demo_json["disagreements"]:
        assert set(disagreement) == {"about", "claims"}
        assert isinstance(disagreement["about"], str) and disagreement["about"]
        assert len(disagreement["claims"]) >= 2
        for claim in disagreement["claims"]:
            assert set(claim) == {"text", "sources"}
            assert claim["text"] and claim["sources"] and set(claim["sources"]) <= ids

    assert demo_json["timeline"]
    for event in demo_json["timeline"]:
        assert set(event) == {"date", "text", "sources"}
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", event["date"])
        assert event["sources"] and set(event["sources"]) <= ids
    dates = [e["date"] for e in demo_json["timeline"]]
    assert dates == sorted(dates)


def test_json_sections_hold_the_demo_traps(demo_json) -> None:
    people = {e["name"]: e for e in demo_json["entities"] if e["kind"] == "person"}
    assert "Andrei Petrescu" in people and "Ana Petrescu" in people
    mayor = [e for e in people.values() if fold(e["name"]) == "ilinca dragomir"]
    assert len(mayor) == 1 and len(mayor[0]["sources"]) == 5
    speakers = {q["speaker"] for q in demo_json["quotes"]}
    assert {"Andrei Petrescu", "Ana Petrescu", "Tomasz Weber"} <= speakers
    texts = " | ".join(c["text"] for d in demo_json["disagreements"] for c in d["claims"])
    assert "3,000" in texts and "12" in texts and "blamed" in texts and "praised" in texts


def test_brief_only_leaves_the_sections_empty(tmp_path: Path) -> None:
    data = json.loads(_run(tmp_path, "demo", "--words", "150", "--format", "json", "--brief-only"))
    assert data["entities"] == data["quotes"] == data["disagreements"] == data["timeline"] == []
    assert data["sentences"]


def test_jsonl_keeps_its_contract(tmp_path: Path) -> None:
    line = json.loads(_run(tmp_path, "demo", "--words", "100", "--format", "jsonl"))
    assert set(line) == {"id", "summary", "sentences"}


def test_cross_source_off(demo_documents) -> None:
    summary = summarize(demo_documents, options=SummaryOptions(words=100, cross_source=False))
    assert summary.sentences
    assert summary.entities == summary.quotes == summary.disagreements == summary.timeline == []
    assert markdown_sections(summary) == []
    assert "Where sources differ" not in to_markdown(summary)


# --- --canonical-names --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def venezuela_briefs(venezuela_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict]:
    folder = tmp_path_factory.mktemp("canonical")
    args = ("summarize", str(venezuela_dir), "--words", "250", "--format", "json")
    plain = json.loads(_run(folder, *args))
    canonical = json.loads(_run(folder, *args, "--canonical-names"))
    return plain, canonical


def test_canonical_names_rewrite_guaido(venezuela_briefs) -> None:
    plain, canonical = venezuela_briefs
    variant = re.compile(r"\b(?:Guaido|Guido)\b")
    assert variant.search(plain["summary"]), "the plain 250-word brief quotes 000/003/004, which write Guaido / Guido"
    assert not variant.search(canonical["summary"])
    assert canonical["summary"].count("Guaidó") == len(re.findall(r"\b(?:Guaido|Guido|Guaidó)\b", plain["summary"]))


def test_canonical_names_change_only_names(venezuela_briefs) -> None:
    plain, canonical = venezuela_briefs
    assert [(s["source"], s["position"]) for s in plain["sentences"]] == [
        (s["source"], s["position"]) for s in canonical["sentences"]
    ]
    assert [s["corroborated_by"] for s in plain["sentences"]] == [s["corroborated_by"] for s in canonical["sentences"]]
    renames = {"guido": "guaido", "capello": "cabello", "maudro": "maduro"}  # the misspellings in 002 / 003
    for before, after in zip(plain["sentences"], canonical["sentences"], strict=True):
        expected = re.sub(r"\b(?:guido|capello|maudro)\b", lambda m: renames[m.group()], fold(before["text"]))
        assert fold(after["text"]) == expected


def test_canonical_names_flag_on_the_demo(tmp_path: Path) -> None:
    plain = json.loads(_run(tmp_path, "demo", "--words", "400", "--format", "json", "--brief-only"))
    canonical = json.loads(_run(tmp_path, "demo", "--words", "400", "--format", "json", "--brief-only", "--canonical-names"))
    assert len(plain["sentences"]) == len(canonical["sentences"])
    assert not re.search(r"Dragmoir|Tomas Veber|Vel'mora", canonical["summary"])
    # The two Petrescus keep their own first names.
    for before, after in zip(plain["sentences"], canonical["sentences"], strict=True):
        assert before["text"].count("Ana Petrescu") == after["text"].count("Ana Petrescu")
        assert before["text"].count("Andrei Petrescu") == after["text"].count("Andrei Petrescu")


def test_canonical_names_option_without_sections(demo_documents) -> None:
    summary = summarize(demo_documents, options=SummaryOptions(words=400, cross_source=False, canonical_names=True))
    assert summary.entities == summary.disagreements == []
    assert "Dragmoir" not in summary.text


# --- Corroboration and disagreements ------------------------------------------------------------------------


@pytest.mark.parametrize("budget", [50, 100, 250, 400])
def test_demo_opposite_side_does_not_corroborate(demo_documents, budget: int) -> None:
    summary = summarize(demo_documents, words=budget)
    taking, wrong = _contradicted(summary.to_dict()["sentences"], DEMO_SIDES)
    assert taking >= 1, "the brief states the toll, the evacuees or the minister's stance"
    assert wrong == []


def test_demo_blamed_sentence_is_not_corroborated_by_the_praising_report(demo_documents) -> None:
    summary = summarize(demo_documents, words=100)
    blamed = [s for s in summary.sentences if "blamed" in s.text and "Petrescu" in s.text]
    assert blamed, "the minister blaming the operator is in the 100-word brief"
    for sentence in blamed:
        assert C04 not in sentence.corroborated_by
        assert len(sentence.corroborated_by) >= 2  # 01, 02/03 and 05 all say he blamed it


def test_venezuela_stance_side_does_not_corroborate(venezuela_briefs) -> None:
    plain, _ = venezuela_briefs  # 250 words: "Both Cuba and Bolivia announced their support ..." is in
    taking, wrong = _contradicted(plain["sentences"], VENEZUELA_SIDES[2:])
    assert taking >= 1
    assert wrong == []


def test_venezuela_countries_side_does_not_corroborate(venezuela_briefs) -> None:
    plain, _ = venezuela_briefs  # 250 words: "Around 50 countries ..." (004) is in
    taking, wrong = _contradicted(plain["sentences"], VENEZUELA_SIDES[:2])
    assert taking >= 1
    assert wrong == []


SPAIN = [
    Document(
        "Spain condemned the military uprising against the government in Caracas on Tuesday. "
        "Troops fired tear gas at protesters near the air base.",
        id="a",
    ),
    Document(
        "Spain supported the military uprising against the government in Caracas on Tuesday. "
        "Protesters gathered outside the air base in the morning.",
        id="b",
    ),
    Document(
        "The army said the situation in the barracks was normal on Tuesday. "
        "Soldiers guarded the gates of the air base in Caracas.",
        id="c",
    ),
]


def test_opposite_stance_does_not_corroborate() -> None:
    summary = summarize(SPAIN, words=60)
    spain = [s for s in summary.sentences if s.text.startswith("Spain")]
    assert spain
    for sentence in spain:
        assert sentence.corroborated_by == [sentence.source]
    # Without the cross-source sections the two Spain sentences share enough words to corroborate each other.
    plain = summarize(SPAIN, options=SummaryOptions(words=60, cross_source=False))
    assert any(len(s.corroborated_by) == 2 for s in plain.sentences if s.text.startswith("Spain"))


def test_conflicting_toll_does_not_corroborate() -> None:
    documents = [
        Document(
            "At least 12 people were killed when the dam above Brezno burst late on Thursday. "
            "Rescuers in boats searched the flooded streets.",
            id="a",
        ),
        Document(
            "Nine people were killed when the dam above Brezno burst late on Thursday. "
            "The regional hospital treated 23 injured people.",
            id="b",
        ),
        Document("The mayor of Brezno declared a state of emergency on Friday. Schools will stay closed.", id="c"),
    ]
    summary = summarize(documents, words=60)
    toll = [s for s in summary.sentences if "people were killed" in s.text]
    assert toll
    for sentence in toll:
        assert sentence.corroborated_by == [sentence.source]


def test_qualifier_conflict_does_not_corroborate() -> None:
    documents = [
        Document(
            "More than 50 countries have recognised Juan Perez as the interim president of Examplia. "
            "Protesters gathered outside the air base on Tuesday morning.",
            id="a",
        ),
        Document(
            "Around 50 countries have recognised Juan Perez as the interim president of Examplia. "
            "Troops fired tear gas at protesters near the air base.",
            id="b",
        ),
        Document(
            "The army said the situation in the barracks of Examplia was normal. "
            "Juan Perez urged soldiers to join the protesters at the air base.",
            id="c",
        ),
    ]
    summary = summarize(documents, words=60)
    countries = [s for s in summary.sentences if "50 countries" in s.text]
    assert countries
    for sentence in countries:
        assert sentence.corroborated_by == [sentence.source]


# --- Markdown -----------------------------------------------------------------------------------------------


def test_markdown_shows_where_sources_differ(tmp_path: Path) -> None:
    text = _run(tmp_path, "demo", "--words", "100", "--format", "markdown")
    assert "## Where sources differ" in text
    section = text.split("## Where sources differ", 1)[1].split("\n## ", 1)[0]
    assert "praised" in section and "blamed" in section
    assert "3,000" in section and "12" in section
    assert f"`{C04}`" in section
    claims = [line for line in section.splitlines() if line.startswith("  - ")]
    assert len(claims) >= 6  # three disagreements, two sides each
    assert all(re.search(r"\(`[^`]+`(?:, `[^`]+`)*\)$", line) for line in claims)
    # The other sections follow, and the sources list still ends the document.
    assert "## Key quotes" in text and "## Timeline" in text
    assert text.index("## Where sources differ") < text.index("## Sources")


def test_markdown_brief_only_has_no_sections(tmp_path: Path) -> None:
    text = _run(tmp_path, "demo", "--words", "100", "--format", "markdown", "--brief-only")
    assert "## Where sources differ" not in text
    assert "## Key quotes" not in text
    assert "## Sources" in text
