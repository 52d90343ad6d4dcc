"""Tests for chorus.mentions: names read from sentences, their folded forms, kinds and genders."""

from __future__ import annotations

import pytest

from chorus.mentions import _people_of_a_country, find_mentions, fold, person_gender
from chorus.models import Entity, Sentence


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Guaidó", "guaido"),
        ("Šarovec", "sarovec"),
        ("Lešna", "lesna"),
        ("Dragomír", "dragomir"),
        ("Nicolás", "nicolas"),
        ("Vel'mora", "velmora"),
        ("Velmora’s", "velmoras"),
        ("J. R. Halden", "j r halden"),
        ("KOVAČ", "kovac"),
    ],
)
def test_fold_drops_accents_apostrophes_and_dots(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_nor_opening_a_sentence_is_no_name() -> None:
    sentences = [Sentence("Nor would the campaign say whether the governor agrees with the platform.", 0, 0)]
    assert [m.surface for m in find_mentions(sentences)] == []


@pytest.mark.parametrize("name", ["Environmental Prediction", "Human Services", "Public Ownership"])
def test_a_two_word_name_ending_like_a_common_noun_is_no_person(name: str) -> None:
    sentences = [Sentence(f"Using data from the National Centers for Research and {name}, the team found more.", 0, 0)]
    mention = next(m for m in find_mentions(sentences) if m.surface == name)
    assert not mention.evidence["person"]


@pytest.mark.parametrize(
    ("name", "kind", "gender"),
    [
        ("Judy Biggert", "person", "female"),
        ("Newt Gingrich", "person", "male"),
        ("J. Michael Cooper", "person", "male"),  # an initial is not the first name
        ("Kovac", "person", None),  # a surname alone says nothing
        ("Nicolás Maduro", "person", "male"),
        ("Barnes & Noble", "organisation", None),
        ("Jean Robb", "person", None),  # a man's name worldwide, mostly a woman's in the USA: either
        ("Ira Mayer", "person", None),
        ("Giuseppe Conte", "person", "male"),  # a name the USA's list lacks keeps the worldwide answer
    ],
)
def test_person_gender_reads_the_first_name(name: str, kind: str, gender: str | None) -> None:
    assert person_gender(Entity(name=name, kind=kind)) == gender


@pytest.mark.parametrize("name", ["Bronx Zoo", "Coronet Theater", "Kimbrough Stadium", "Roosevelt Hotel"])
def test_a_name_ending_on_a_place_head_word_is_a_place(name: str) -> None:
    mention = next(m for m in find_mentions([Sentence(f"Officials said {name} reopened on Sunday.", 0, 0)]) if m.surface == name)
    assert mention.evidence["place"] > mention.evidence["person"]


@pytest.mark.parametrize("name", ["Cobb County Superior Court", "Great Ormond Street Hospital", "Chess.com"])
def test_a_body_named_after_its_place_or_a_site_is_an_organisation(name: str) -> None:
    mention = next(m for m in find_mentions([Sentence(f"The case was heard at {name} on Monday.", 0, 0)]) if m.surface == name)
    assert mention.evidence["organisation"] > mention.evidence["place"]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The challenger, American Hasim Rahman, lost on points.", "Hasim Rahman"),  # a nationality before a first name
        ("The challenger, Brian Walsh, lost on points.", "Brian Walsh"),  # a first name ending like a nationality
        ("A swimmer was rescued by San Diego Lifeguards on Sunday.", "San Diego Lifeguards"),  # a place's first word
    ],
)
def test_a_nationality_before_a_first_name_is_no_part_of_the_name(text: str, surface: str) -> None:
    assert surface in [m.surface for m in find_mentions([Sentence(text, 0, 0)])]


def test_a_bodys_name_written_right_before_a_persons_is_two_names() -> None:
    sentence = Sentence("Director of the European Movement Stephen Woodard said the debate was poor.", 0, 0)
    assert [m.surface for m in find_mentions([sentence])] == ["European Movement", "Stephen Woodard"]
    # a first name inside a body's own name does not split it
    sentence = Sentence("He works for the Ford Foundation in New York.", 0, 0)
    assert "Ford Foundation" in [m.surface for m in find_mentions([sentence])]
    # a body named "X of Y" runs on into a person's first name and surname
    sentence = Sentence("An official in the Ministry of National Waterways Joseph Navarro said the canal was open.", 0, 0)
    assert [m.surface for m in find_mentions([sentence])] == ["Ministry of National Waterways", "Joseph Navarro"]
    # ... but not into a place's first word
    sentence = Sentence("She studied at the University of California Santa Cruz last year.", 0, 0)
    assert "Santa Cruz" not in [m.surface for m in find_mentions([sentence])]


@pytest.mark.parametrize(
    ("word", "people"),
    [
        ("venezuelans", True),
        ("koreans", True),  # a word of "South Korea"
        ("italians", True),
        ("israelis", True),
        ("evans", False),  # a surname: "ev" is too short to name a country
        ("francis", False),  # not "france" + "is"
        ("martins", False),  # not Martinique's people
        ("collins", False),
    ],
)
def test_people_of_a_country(word: str, people: bool) -> None:
    assert _people_of_a_country(word) is people


def test_a_name_runs_on_over_two_particles() -> None:
    sentence = Sentence("As the talks began, Susana de la Puente, a banker, spoke with Ursula von der Leyen.", 0, 0)
    surfaces = [m.surface for m in find_mentions([sentence])]
    assert "Susana de la Puente" in surfaces and "Ursula von der Leyen" in surfaces


def test_a_word_written_alone_elsewhere_then_a_first_name_and_surname_are_two_names() -> None:
    sentences = [
        Sentence("The water reached the lower town of Velmora, officials said.", 0, 0),
        Sentence("The mayoress of Velmora Ilinka Dragomir ordered the evacuation.", 1, 0),
        Sentence("Members of the Macedonia Baptist Church met. They came from Macedonia.", 2, 0),
    ]
    surfaces = [m.surface for m in find_mentions(sentences)]
    assert "Ilinka Dragomir" in surfaces and "Velmora Ilinka Dragomir" not in surfaces
    assert "Macedonia Baptist Church" in surfaces  # the word after the first name is a church's: one name


def test_a_district_attorneys_abbreviated_title_is_no_part_of_the_name() -> None:
    sentence = Sentence("This is the worst case, said Los Angeles County Dist. Atty. Paul Navarro on Monday.", 0, 0)
    surfaces = [m.surface for m in find_mentions([sentence])]
    assert "Paul Navarro" in surfaces and not [surface for surface in surfaces if "Dist" in surface]


@pytest.mark.parametrize("title", ["Insp.", "Pres.", "Amb.", "Cmdr.", "Hon."])
def test_every_title_abbreviation_the_segmenter_knows_is_no_part_of_the_name(title: str) -> None:
    # one list of title abbreviations (``chorus.segment``): "Insp. Clouseau" is Clouseau, as "Det. Clouseau" is
    surfaces = [m.surface for m in find_mentions([Sentence(f"The case is closed, said {title} Anna Kovac on Monday.", 0, 0)])]
    assert "Anna Kovac" in surfaces and not [surface for surface in surfaces if title.rstrip(".") in surface]


@pytest.mark.parametrize(
    "text", ["General Manager Anna Kovac issued a statement.", "It is hard, said Const. Anna Kovac of the police."]
)
def test_a_manager_and_a_constable_are_titles_no_part_of_the_name(text: str) -> None:
    # "General Manager A.J. Smith", "Const. Tim Fanning"
    surfaces = [m.surface for m in find_mentions([Sentence(text, 0, 0)])]
    assert "Anna Kovac" in surfaces and not [surface for surface in surfaces if "Manager" in surface or "Const" in surface]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("That poses a riddle, said June Stevens, a professor of nutrition.", "June Stevens"),
        ("April Ryan asked the first question.", "April Ryan"),
        # the month itself: after "in", or before a day
        ("In June Congress passed the bill.", "Congress"),
    ],
)
def test_a_month_that_is_a_given_name_before_a_surname_is_part_of_the_name(text: str, surface: str) -> None:
    assert surface in [m.surface for m in find_mentions([Sentence(text, 0, 0)])]


def test_a_role_at_a_named_body_in_apposition_marks_a_person() -> None:
    sentence = Sentence("The data puzzle scientists, said Vera Holm, a University of North Carolina professor.", 0, 0)
    (holm,) = [m for m in find_mentions([sentence]) if m.surface == "Vera Holm"]
    assert holm.evidence["person"] > holm.evidence["organisation"]
