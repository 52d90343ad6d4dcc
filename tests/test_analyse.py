"""Concepts, copies and corroboration: tokens, bigrams, near-duplicates, features, weights."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from chorus import analyse
from chorus.analyse import (
    FEATURES,
    STOP_STEMS,
    bigrams,
    concept_table,
    concept_weights,
    content_stems,
    corroborating_documents,
    minimum_outlets,
    near_duplicate_groups,
    stem,
    tokens,
)
from chorus.clean import clean_document
from chorus.models import Document, Sentence
from chorus.segment import split_sentences

# --- Tokens ------------------------------------------------------------------------------------------


def test_accents_are_folded() -> None:
    assert tokens("Guaidó") == tokens("Guaido") == ["guaido"]
    assert tokens("Šarovec Dam on the Lešna") == tokens("Sarovec dam on the Lesna")
    assert stem("dragomír") == stem("dragomir")


def test_porter_stems_lowercase_and_possessives() -> None:
    assert tokens("Residents were EVACUATED, running from Guaidó's flooded houses") == [
        "resid",
        "were",
        "evacu",
        "run",
        "from",
        "guaido",
        "flood",
        "hous",
    ]
    assert tokens("Velmora’s mayor") == ["velmora", "mayor"]


def test_tokens_of_empty_text() -> None:
    assert tokens("") == []
    assert tokens(" — ... !") == []


def test_content_stems_drop_stopwords_numbers_and_single_letters() -> None:
    assert content_stems(tokens("The residents of Velmora were evacuated in 2019 from a town")) == {
        "resid",
        "velmora",
        "evacu",
        "town",
    }


def test_bigrams_skip_stopword_only_pairs() -> None:
    assert bigrams(tokens("of the dam in the river")) == {("the", "dam"), ("dam", "in"), ("the", "river")}
    assert bigrams(tokens("it is in the")) == set()
    assert bigrams(tokens("dam")) == set()


def test_concept_stop_words_are_the_self_stemming_ones() -> None:
    # Deliberate (measured, see STOP_STEMS): only stop words equal to their own stem stop a
    # concept, so "it was" is a concept while "in the" is not.
    assert "the" in STOP_STEMS and "in" in STOP_STEMS
    assert "wa" not in STOP_STEMS and stem("was") == "wa"
    assert bigrams(tokens("it was in the")) == {("it", "wa"), ("wa", "in")}
    assert all(stem(word) == word for word in STOP_STEMS)


# --- Near-duplicates ---------------------------------------------------------------------------------


def _doc_tokens(documents: list[Document]) -> list[list[str]]:
    out = []
    for doc in documents:
        out.append([t for sentence in split_sentences(clean_document(doc).text) for t in tokens(sentence)])
    return out


def test_demo_wire_copies_are_one_group_and_other_reports_apart(demo_documents: list[Document]) -> None:
    groups = near_duplicate_groups(_doc_tokens(demo_documents), threshold=0.5)
    # 02 and 03 carry the same OPA story; 01, 04 (a translation) and 05 are independent reports.
    assert groups == [0, 1, 1, 3, 4]


def test_venezuela_reports_are_all_independent(venezuela_documents: list[Document]) -> None:
    assert near_duplicate_groups(_doc_tokens(venezuela_documents), threshold=0.5) == [0, 1, 2, 3, 4]


def test_near_duplicates_on_small_texts() -> None:
    story = (
        "The old stone bridge over the Arden river collapsed early on Monday after a week of heavy rain. "
        "Police closed the road and divers searched the brown water near the pillars until dusk. "
        "The council said it had inspected the bridge in the spring and found no serious faults."
    )
    edited = story.replace("until dusk", "until late in the evening")
    other = (
        "Engineers warned two years ago that the structure was weak, according to documents seen by this newspaper. "
        "A truck driver escaped with minor injuries after his vehicle slid into the water."
    )
    groups = near_duplicate_groups([tokens(story), tokens(other), tokens(edited)], threshold=0.5)
    assert groups == [0, 1, 0]
    assert len(set(groups)) == 2


def test_near_duplicate_groups_of_tiny_and_empty_documents() -> None:
    assert near_duplicate_groups([], threshold=0.5) == []
    # Fewer than three shingles never count as a copy.
    assert near_duplicate_groups([["a", "b"], ["a", "b"], []], threshold=0.5) == [0, 1, 2]


# --- Concept table -------------------------------------------------------------------------------------


@pytest.fixture()
def small_cluster():
    """Four independent reports; "heavy rain" appears in three of them (docs 0, 1, 2)."""
    documents = [
        Document("x", id="d0", title="Heavy rain hits valley"),
        Document("x", id="d1", title="Damage reported"),
        Document("x", id="d2"),
        Document("x", id="d3"),
    ]
    sentences = [
        Sentence("Heavy rain flooded the valley.", 0, 0),
        Sentence("Officials said heavy rain caused damage.", 1, 0),
        Sentence("Roads closed.", 1, 1),
        Sentence("The storm brought heavy rain overnight.", 2, 0),
        Sentence("About 300 homes flooded.", 2, 1),
        Sentence("Rescuers searched the ruins.", 3, 0),
        Sentence("Viktor Sobran arrived.", 3, 1),
    ]
    return documents, sentences, [tokens(s.text) for s in sentences]


def _feature(table, name: tuple[str, str], feature: str) -> float:
    return float(table.features[table.names.index(name), FEATURES.index(feature)])


def test_concept_table_shape(small_cluster) -> None:
    documents, sentences, toks = small_cluster
    table = concept_table(sentences, toks, documents, [0, 1, 2, 3])
    assert table.features.shape == (len(table.names), len(FEATURES))
    assert table.outlets.shape == (len(table.names),)
    assert len(table.sentence_concepts) == len(sentences)
    assert len(set(table.names)) == len(table.names)
    # "Heavy rain flooded the valley." has four bigrams (Porter: "valley" -> "vallei").
    assert sorted(table.names[i] for i in table.sentence_concepts[0]) == sorted(
        [("heavi", "rain"), ("rain", "flood"), ("flood", "the"), ("the", "vallei")]
    )


def test_concept_features_of_a_concept_in_three_of_four_outlets(small_cluster) -> None:
    documents, sentences, toks = small_cluster
    table = concept_table(sentences, toks, documents, [0, 1, 2, 3], query="rain damage")
    heavy_rain = ("heavi", "rain")
    assert table.outlets[table.names.index(heavy_rain)] == 3
    assert _feature(table, heavy_rain, "outlet_share") == pytest.approx(0.75)
    assert _feature(table, heavy_rain, "log_outlets") == pytest.approx(math.log(4))
    assert _feature(table, heavy_rain, "log_frequency") == pytest.approx(math.log(4))
    assert _feature(table, heavy_rain, "early_share") == pytest.approx(0.75)
    assert _feature(table, heavy_rain, "first_position") == pytest.approx(1.0)
    assert _feature(table, heavy_rain, "title_share") == pytest.approx(0.5)  # one of the two headlines
    assert _feature(table, heavy_rain, "has_stopword") == 0
    assert _feature(table, heavy_rain, "query_words") == 1  # "rain" is in the query
    assert _feature(table, heavy_rain, "capitalised") == 0  # "Heavy rain": only one word capitalised
    assert _feature(table, heavy_rain, "numeric") == 0
    assert _feature(table, heavy_rain, "outlet_share_sq") == pytest.approx(0.5625)
    assert _feature(table, heavy_rain, "outlet_share_x_early") == pytest.approx(0.5625)


def test_concept_features_of_names_numbers_and_late_positions(small_cluster) -> None:
    documents, sentences, toks = small_cluster
    table = concept_table(sentences, toks, documents, [0, 1, 2, 3])
    assert _feature(table, ("viktor", "sobran"), "capitalised") == 1.0
    assert _feature(table, ("about", "300"), "numeric") == 1.0
    assert _feature(table, ("about", "300"), "has_stopword") == 1.0
    # "Roads closed." is sentence 1 of a two-sentence document: relative position 0.5.
    assert _feature(table, ("road", "close"), "first_position") == pytest.approx(0.5)
    assert _feature(table, ("road", "close"), "outlet_share") == pytest.approx(0.25)
    assert _feature(table, ("heavi", "rain"), "query_words") == 0  # no query


def test_copies_count_as_one_outlet(small_cluster) -> None:
    documents, sentences, toks = small_cluster
    # Docs 0 and 1 declared copies of one story: "heavy rain" now has 2 outlets out of 3.
    table = concept_table(sentences, toks, documents, [0, 0, 2, 3])
    assert table.outlets[table.names.index(("heavi", "rain"))] == 2
    assert _feature(table, ("heavi", "rain"), "outlet_share") == pytest.approx(2 / 3)


def test_concept_table_of_nothing() -> None:
    table = concept_table([], [], [], [])
    assert table.names == [] and table.sentence_concepts == []
    assert table.features.shape == (0, len(FEATURES))


# --- Weights ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("outlets", "expected"), [(1, 1), (2, 1), (3, 2), (4, 2), (10, 2), (25, 3), (200, 3)])
def test_minimum_outlets(outlets: int, expected: int) -> None:
    assert minimum_outlets(outlets) == expected


def test_frequency_weights_count_outlets_and_ignore_rare_concepts(small_cluster) -> None:
    documents, sentences, toks = small_cluster
    table = concept_table(sentences, toks, documents, [0, 1, 2, 3])
    weights = concept_weights(table, "frequency", None, n_outlets=4)
    assert weights[table.names.index(("heavi", "rain"))] == 3
    # Every other concept appears in one outlet of four: below the minimum of 2.
    assert sorted(weights.tolist()) == [0.0] * (len(table.names) - 1) + [3.0]


def test_query_raises_the_weight_of_its_concepts(small_cluster) -> None:
    documents, sentences, toks = small_cluster
    plain = concept_table(sentences, toks, documents, [0, 1, 2, 3])
    steered = concept_table(sentences, toks, documents, [0, 1, 2, 3], query="rain damage")
    index = plain.names.index(("heavi", "rain"))
    assert concept_weights(steered, "frequency", "rain damage", 4)[index] > concept_weights(plain, "frequency", None, 4)[index]


def test_learned_weights_from_a_model_file(small_cluster, tmp_path: Path) -> None:
    documents, sentences, toks = small_cluster
    table = concept_table(sentences, toks, documents, [0, 1, 2, 3])
    k = len(FEATURES)
    coef = [0.0] * k
    coef[FEATURES.index("outlet_share")] = 2.0
    model = {"coef": coef, "intercept": -1.0, "mean": [0.0] * k, "scale": [1.0] * k, "min_outlets": 2}
    path = tmp_path / "weights.json"
    path.write_text(json.dumps({"generic": model, "query": model}), encoding="utf-8")
    weights = concept_weights(table, "learned", None, 4, model_path=str(path))
    index = table.names.index(("heavi", "rain"))
    # The model's probability, sigmoid(2 * 0.75 - 1), scaled by at most the outlet count (3);
    # zero for the rest (one outlet of four is below the minimum).
    assert 1 / (1 + math.exp(-0.5)) - 1e-9 <= weights[index] <= 3 + 1e-9
    assert np.count_nonzero(weights) == 1
    # A model that likes widely carried concepts more gives them more weight.
    coef[FEATURES.index("outlet_share")] = 4.0
    stronger = tmp_path / "stronger.json"
    stronger.write_text(json.dumps({**model, "coef": coef}), encoding="utf-8")
    assert concept_weights(table, "learned", None, 4, model_path=str(stronger))[index] > weights[index]


def test_missing_model_file_falls_back_to_frequency(small_cluster, tmp_path: Path) -> None:
    documents, sentences, toks = small_cluster
    table = concept_table(sentences, toks, documents, [0, 1, 2, 3])
    weights = concept_weights(table, "learned", None, 4, model_path=str(tmp_path / "absent.json"))
    assert weights.tolist() == concept_weights(table, "frequency", None, 4).tolist()


def test_weights_of_no_concepts() -> None:
    table = concept_table([], [], [], [])
    assert concept_weights(table, "frequency", None, 0).shape == (0,)


def test_weight_model_predict_is_a_sigmoid() -> None:
    model = analyse.WeightModel(coef=(1.0, -1.0), intercept=0.0, mean=(0.0, 1.0), scale=(1.0, 2.0))
    out = model.predict(np.array([[0.0, 1.0], [2.0, 1.0]]))
    assert out == pytest.approx([0.5, 1 / (1 + math.exp(-2.0))])
    assert model.predict(np.zeros((0, 2))).shape == (0,)


# --- Corroboration -----------------------------------------------------------------------------------------

CLAIM = "The eastern embankment of the dam failed after heavy rain."
PARAPHRASE = "After heavy rain, the dam's eastern embankment gave way."
UNRELATED = "The minister praised the rescue teams for their work."
WEAK = "Heavy traffic blocked the dam road."


def test_corroboration_finds_a_paraphrase_and_rejects_unrelated_sentences() -> None:
    sentence_tokens = [tokens(s) for s in (CLAIM, PARAPHRASE, UNRELATED, WEAK)]
    # Six content stems in the claim (eastern embank dam fail heavi rain): at least 3 must be shared.
    # The paraphrase shares five; the unrelated sentence none; the weak one only "heavi" and "dam".
    carried = corroborating_documents([0], sentence_tokens, doc_index=[0, 1, 2, 3], threshold=0.5)
    assert carried == [{0, 1}]


def test_corroboration_from_several_rows_and_same_document() -> None:
    sentence_tokens = [tokens(s) for s in (CLAIM, UNRELATED, PARAPHRASE, WEAK)]
    carried = corroborating_documents([0, 1], sentence_tokens, doc_index=[0, 0, 1, 2], threshold=0.5)
    assert carried[0] == {0, 1}
    assert carried[1] == {0}  # only its own document


def test_corroboration_threshold() -> None:
    sentence_tokens = [tokens(s) for s in (CLAIM, PARAPHRASE)]
    # Requiring every content word rejects the paraphrase (it lacks "fail").
    assert corroborating_documents([0], sentence_tokens, [0, 1], threshold=1.0) == [{0}]


def test_corroboration_of_no_rows() -> None:
    assert corroborating_documents([], [tokens(CLAIM)], [0], 0.5) == []
