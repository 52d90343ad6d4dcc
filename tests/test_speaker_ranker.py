"""``chorus.speaker_ranker``: the candidates of a quote the rules attribute by a pronoun, a description or by carrying
the last speaker on, their features, and the shipped model's choice. The reports and helpers are
``tests/test_quotes.py``'s (the rules the ranker stands on are tested there)."""

from __future__ import annotations

import numpy as np
import pytest

from chorus import SummaryOptions
from chorus.entities import extract_entities
from chorus.pipeline import prepare
from tests.test_quotes import _IT_SAID, _RANKER_REPORT, QUOTE, _one, _quotes, _report


def _attributed(text: str = _RANKER_REPORT) -> list:
    from chorus.attribution import attributed_quotes

    documents = _report(text)
    prepared = prepare(documents, SummaryOptions())
    index = extract_entities(prepared.sentences, prepared.documents)
    return list(attributed_quotes(prepared.documents, index.entities))


def _ranker_candidates(text: str = _RANKER_REPORT) -> dict:
    from chorus.speaker_ranker import speaker_candidates

    found = _attributed(text)
    assert len(found) == 1
    return {c.entity.name: c.features for c in speaker_candidates(found[0])}


def test_ranker_features_are_deterministic_and_mark_the_attribution() -> None:
    from chorus.speaker_ranker import SPEAKER_FEATURES

    first, second = _ranker_candidates(), _ranker_candidates()
    assert list(first) == list(second)
    assert all((first[name] == second[name]).all() for name in first)
    speaker = next(name for name in first if "Lindqvist" in name)
    distant = next(name for name in first if "Kovac" in name)
    row = dict(zip(SPEAKER_FEATURES, first[speaker], strict=True))
    other = dict(zip(SPEAKER_FEATURES, first[distant], strict=True))
    assert row["rules"] == 1 and row["speech_subject"] == 1 and row["same_sentence"] == 1 and row["after"] == 1
    assert other["rules"] == 0 and other["speech_subject"] == 0 and other["same_sentence"] == 0 and other["before"] == 1
    assert row["log_chars"] < other["log_chars"]


def test_shipped_speaker_weights_load_with_the_features_the_code_computes() -> None:
    import json
    from importlib import resources

    from bench.train_speakers import FEATURES
    from chorus.speaker_ranker import SPEAKER_FEATURES, load_speaker_model

    data = json.loads(resources.files("chorus").joinpath("weights/speakers.json").read_text(encoding="utf-8"))
    assert tuple(data["features"]) == SPEAKER_FEATURES == tuple(FEATURES)  # names and order
    assert data["trained_by"].startswith("python bench/train_speakers.py") and "--drop rules" in data["trained_by"]
    model = load_speaker_model()
    assert load_speaker_model() is model  # read once
    n = len(SPEAKER_FEATURES)
    assert model.coef.shape == model.mean.shape == model.scale.shape == (n,)
    assert np.isfinite(model.coef).all() and (model.scale > 0).all()
    assert model.coef[SPEAKER_FEATURES.index("rules")] == 0  # rules-free: the rules' choice carries no weight
    row = next(iter(_ranker_candidates().values()))
    assert model.scores(row[None, :]).shape == (1,)


@pytest.mark.parametrize(
    ("text", "speaker", "distant"),
    [
        (_RANKER_REPORT, "Lindqvist", "Kovac"),
        (
            "Ambassador Rosa Delacroix arrived in Geneva on Monday. The talks resumed at noon.\n"
            f'Foreign minister Tomas Berglund said: "{QUOTE}."',
            "Berglund",
            "Delacroix",
        ),
    ],
)
def test_shipped_ranker_picks_x_said_over_a_distant_name(text: str, speaker: str, distant: str) -> None:
    from chorus.speaker_ranker import ranked_speaker, speaker_candidates

    (quote,) = _attributed(text)
    names = [c.entity.name for c in speaker_candidates(quote)]
    assert any(distant in name for name in names)  # the distant name is a candidate the ranker passes over
    chosen = ranked_speaker(quote)
    assert chosen is not None and speaker in chosen.name


def test_ranker_keeps_an_unnamed_speaker_unnamed() -> None:
    text = f'Mayor Anna Kovac left Brezno at dawn. The water rose fast. "{QUOTE}," said one resident of Brezno.'
    assert _one(_quotes(_report(text)), QUOTE).speaker is None  # the rules
    assert _one(_quotes(_report(text), speakers="ranker"), QUOTE).speaker is None


def test_ranker_trained_without_the_rules_ranks_x_said_above_a_distant_name() -> None:
    pytest.importorskip("scipy")
    from bench.data import resolve_data
    from bench.train_speakers import FEATURES, dev_examples, fit, scores

    data = resolve_data()
    if not (data / "multinews_sample.jsonl").exists():
        pytest.skip("shared data not available")
    model = fit(dev_examples(data), drop=("rules",))  # loads as plain JSON numbers, scores with numpy only
    assert len(model["coef"]) == len(FEATURES) and model["coef"][FEATURES.index("rules")] == 0
    found = _ranker_candidates()
    names = list(found)
    ranked = scores(model, np.array([found[name] for name in names]))
    assert "Lindqvist" in names[int(np.argmax(ranked))]


# --- Attributions found from descriptions, titles and campaigns (rules of 2026-11-24) ------------------------


def test_ranker_features_read_titles_appositions_and_listeners() -> None:
    from chorus.speaker_ranker import SPEAKER_FEATURES

    # "wrote Lt. X": the title's full stop does not end the sentence between the quote and the name
    found = _ranker_candidates(f'Chief Omar Pell praised the crew.\n"{QUOTE}," wrote Lt. Kima Sandor, a spokeswoman.')
    row = dict(zip(SPEAKER_FEATURES, found[next(name for name in found if "Sandor" in name)], strict=True))
    assert row["same_sentence"] == 1 and row["speech_subject"] == 1
    # "his grandmother, Jan Pugh, told The Dale Courier": Pugh speaks, the paper only listens
    found = _ranker_candidates(f'"{QUOTE}," his grandmother, Jan Pugh, told The Dale Courier.')
    pugh = dict(zip(SPEAKER_FEATURES, found["Jan Pugh"], strict=True))
    assert pugh["speech_subject"] == 1
    paper = [name for name in found if "Courier" in name]
    assert all(dict(zip(SPEAKER_FEATURES, found[name], strict=True))["speech_subject"] == 0 for name in paper)


def test_ranker_decides_only_where_no_name_gave_the_speaker() -> None:
    from chorus.attribution import ATTRIBUTIONS
    from chorus.speaker_ranker import load_speaker_model, ranked_speaker, speaker_candidates

    named, pronoun = _attributed(
        f'"{QUOTE}," Minister Marko Lindqvist said.\n\nMayor Anna Kovac arrived later. "{QUOTE} again," she said.'
    )
    assert {named.how, pronoun.how} <= set(ATTRIBUTIONS)
    assert (named.how, pronoun.how) == ("name", "pronoun")
    assert ranked_speaker(named) is named.speaker  # a name in the attribution: the rules' speaker stands
    # a pronoun: the candidate the shipped ranker scores highest, whoever the rules resolved it to
    candidates = speaker_candidates(pronoun)
    best = candidates[int(np.argmax(load_speaker_model().scores(np.array([c.features for c in candidates]))))]
    assert ranked_speaker(pronoun) is best.entity


def test_antecedent_feature_marks_the_subject_of_the_last_sentence_naming_a_person() -> None:
    from chorus.speaker_ranker import SPEAKER_FEATURES

    found = _ranker_candidates(f'Mayor Anna Kovac blamed Minister Marko Lindqvist for the delay. "{QUOTE}," she said.')
    antecedent = SPEAKER_FEATURES.index("antecedent")
    marked = {name for name, row in found.items() if row[antecedent]}
    assert marked == {next(name for name in found if "Kovac" in name)}


def test_ranker_keeps_the_body_it_said_stands_for() -> None:
    from chorus.speaker_ranker import ranked_speaker

    said, carried = _attributed(_IT_SAID)
    assert (said.how, said.pronoun, carried.how, carried.pronoun) == ("description", "it", "carried", "it")
    # the rules' body stands for "it" and the quote carried on after it, not a person or group named nearby
    assert ranked_speaker(said) is said.speaker and ranked_speaker(carried) is carried.speaker
    assert said.speaker.name == "Velmora Rights Council"
    assert {q.speaker for q in _quotes(_report(_IT_SAID), speakers=None)} == {"Velmora Rights Council"}


def test_ranker_keeps_he_for_the_subject_of_a_long_sentence_right_before() -> None:
    # 'During a news conference, Enderson was pressed on why ... had not named Rudolph a suspect ...' ¶ '"...," he
    # said.': the subject of that sentence, named over 300 characters before the quote
    from chorus.speaker_ranker import PRONOUN_REACH, ranked_speaker

    text = (
        "Federal officials say they have new evidence linking the suspect Mark Delacroix to the blasts.\n"
        "The FBI's Paul Berglund, inspector in charge of the task force, stopped short of calling Delacroix a suspect.\n"
        "During a news conference on the river bank, Berglund was pressed on why federal officers had not named "
        "Delacroix a suspect or charged him with the July blast in the park, the January double blast at a clinic in "
        "the north of the city, the February bomb at a nightclub near the old harbour of Brezno or the letter bombs "
        "sent to two judges and a newspaper in the capital over the spring and the summer of that year.\n"
        f'"{QUOTE}," he said.'
    )
    (quote,) = [q for q in _attributed(text) if q.text.startswith(QUOTE[:20])]
    assert quote.how == "pronoun" and quote.speaker.name == "Paul Berglund"
    assert quote.offset + quote.start - text.index("Berglund was pressed") > PRONOUN_REACH
    assert ranked_speaker(quote).name == "Paul Berglund"
