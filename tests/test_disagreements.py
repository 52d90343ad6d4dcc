"""``chorus.disagreements``: conflicting numbers and opposite stances across independent outlets.

Recall on the demo and Venezuela traps (the claims and their outlets read from the reports), and precision on
small hand-made reports: agreeing figures, figures about different things, negations and different actors
must give no disagreement. Hand-made reports get one outlet each (``groups``) unless a test says otherwise.
"""

from __future__ import annotations

import pytest
from demo_corpus import C01, C02, C03, C04, C05

from chorus import Document, SummaryOptions
from chorus.disagreements import find_disagreements
from chorus.entities import extract_entities
from chorus.models import Claim, Disagreement
from chorus.pipeline import prepare


def _disagreements(documents: list[Document], groups: list[int] | None = None) -> list[Disagreement]:
    prepared = prepare(documents, SummaryOptions())
    index = extract_entities(prepared.sentences, prepared.documents)
    groups = list(range(len(prepared.documents))) if groups is None else groups
    return find_disagreements(prepared.sentences, prepared.documents, groups, index.entities)


def _pair(first: str, second: str, groups: list[int] | None = None) -> list[Disagreement]:
    return _disagreements([Document(first, id="a"), Document(second, id="b")], groups)


def _claim(disagreement: Disagreement, *words: str) -> Claim:
    """The only claim of ``disagreement`` whose text contains one of ``words`` (case-insensitive)."""
    found = [c for c in disagreement.claims if any(w.lower() in c.text.lower() for w in words)]
    assert len(found) == 1, f"{words} in {disagreement}"
    return found[0]


def _about(disagreements: list[Disagreement], *words: str) -> Disagreement:
    """The only disagreement with a claim containing one of ``words``."""
    found = [d for d in disagreements if any(w.lower() in c.text.lower() for c in d.claims for w in words)]
    assert len(found) == 1, f"{words} in {disagreements}"
    return found[0]


# --- The demo corpus ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(demo_documents: list[Document]) -> list[Disagreement]:
    prepared = prepare(demo_documents, SummaryOptions())
    index = extract_entities(prepared.sentences, prepared.documents)
    return find_disagreements(prepared.sentences, prepared.documents, prepared.groups, index.entities)


def test_demo_death_toll(demo) -> None:
    toll = _about(demo, "12 people")
    twelve = _claim(toll, "12")
    nine = _claim(toll, "nine")
    assert {C01, C05} <= set(twelve.sources)
    assert {C02, C03} <= set(nine.sources)
    assert not set(twelve.sources) & set(nine.sources)
    assert "kill" in toll.about or "people" in toll.about


def test_demo_death_toll_includes_the_translation(demo) -> None:
    nine = _claim(_about(demo, "12 people"), "nine")
    assert set(nine.sources) == {C02, C03, C04}


def test_demo_evacuees(demo) -> None:
    evacuees = _about(demo, "3,000", "3 thousand")
    more = _claim(evacuees, "more than")
    around = [c for c in evacuees.claims if c is not more]
    assert set(more.sources) == {C01, C05}
    assert {d for c in around for d in c.sources} == {C02, C03, C04}
    assert "evacuat" in evacuees.about


def test_demo_minister_blamed_or_praised(demo) -> None:
    stance = _about(demo, "praised")
    blamed = _claim(stance, "blamed")
    praised = _claim(stance, "praised")
    assert set(blamed.sources) == {C01, C02, C03, C05}
    assert praised.sources == [C04]
    assert "Andrei Petrescu" in stance.about
    assert "Ana Petrescu" not in stance.about


def test_demo_has_no_other_disagreement(demo) -> None:
    # Every other figure (4.7 metres, 23 injured, 14 missing, 140 millimetres, ...) is the same wherever it
    # appears, so the three documented disagreements are all there is.
    assert len(demo) == 3


def test_demo_claims_cite_known_outlets(demo, demo_documents) -> None:
    ids = {d.id for d in demo_documents}
    for disagreement in demo:
        assert disagreement.about
        assert len(disagreement.claims) >= 2
        for claim in disagreement.claims:
            assert claim.text and claim.sources and set(claim.sources) <= ids


# --- The Venezuela reports ----------------------------------------------------------------------------------

V000, V002, V003, V004 = "000_bc80e228aeab26da", "002_61d602a8a2c94f69", "003_4b1c7a33d9265088", "004_6b345fce1272ac3f"


@pytest.fixture(scope="module")
def venezuela(venezuela_documents: list[Document]) -> list[Disagreement]:
    return _disagreements(venezuela_documents)


def test_venezuela_countries(venezuela) -> None:
    countries = _about(venezuela, "50 countries")
    more = _claim(countries, "more than")
    around = _claim(countries, "around")
    # 000: "recognized as interim president by more than 50 countries"; 002: "More than 50 countries, including ..."
    assert set(more.sources) == {V000, V002}
    assert around.sources == [V004]  # "Around 50 countries including the United States"
    assert "countr" in countries.about


def test_venezuela_cuba_and_bolivia(venezuela) -> None:
    stance = _about(venezuela, "Cuba and Bolivia also condemned")
    condemned = _claim(stance, "condemned")
    supported = _claim(stance, "support")
    assert condemned.sources == [V000]
    assert supported.sources == [V003]
    assert "Cuba" in stance.about and "Bolivia" in stance.about


def test_venezuela_lopez_freed_or_under_arrest(venezuela) -> None:
    status = _about(venezuela, "under house arrest")
    assert status.about == "what happened to Leopoldo López"
    # 001: "who said he had been freed by members of the military"; 004: "Lopez, who is under house arrest".
    assert "004_6b345fce1272ac3f" in _claim(status, "under house arrest").sources
    assert V002 in _claim(status, "freed").sources


def test_venezuela_has_no_other_disagreement(venezuela) -> None:
    assert len(venezuela) == 3


# --- Precision: numbers -------------------------------------------------------------------------------------

KILLED = "{} people were killed when the dam above Brezno burst late on Thursday night."


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Nine", "At least 12"),
        ("More than 3,000", "Around 3,000"),
        ("12", "20"),
    ],
)
def test_conflicting_numbers_are_found(first: str, second: str) -> None:
    [disagreement] = _pair(KILLED.format(first), KILLED.format(second))
    assert [c.sources for c in disagreement.claims] == [["a"], ["b"]]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("At least 12", "12"),
        ("At least 12", "Twelve"),
        ("12", "12"),
        ("Around 3,000", "About 3,000"),
        ("More than 3,000", "More than 3,000"),
    ],
)
def test_agreeing_numbers_give_nothing(first: str, second: str) -> None:
    assert _pair(KILLED.format(first), KILLED.format(second)) == []


def test_copies_of_one_story_are_one_outlet() -> None:
    assert _pair(KILLED.format("Nine"), KILLED.format("At least 12"), groups=[0, 0]) == []


def test_death_toll_against_evacuees_gives_nothing() -> None:
    assert (
        _pair(
            "12 people were killed when the dam above Brezno burst late on Thursday night.",
            "3,000 people were evacuated when the dam above Brezno burst late on Thursday night.",
        )
        == []
    )


def test_killed_against_evacuated_with_close_numbers_gives_nothing() -> None:
    assert (
        _pair(
            "12 people were killed when the dam above Brezno burst late on Thursday night.",
            "20 people were evacuated when the dam above Brezno burst late on Thursday night.",
        )
        == []
    )


def test_different_units_give_nothing() -> None:
    assert (
        _pair(
            "Rescuers used 12 boats after the dam above Brezno burst on Thursday.",
            "Rescuers used 30 helicopters after the dam above Brezno burst on Thursday.",
        )
        == []
    )


def test_counts_of_different_kinds_of_people_give_nothing() -> None:
    assert (
        _pair(
            "23 injured people were taken to the hospital in Karsk after the dam burst on Friday.",
            "14 missing people were still being sought near Karsk after the dam burst on Friday.",
        )
        == []
    )


def test_durations_give_nothing() -> None:
    assert (
        _pair(
            "Heavy rain fell for 4 days before the dam above Brezno burst on Thursday.",
            "Heavy rain fell for 2 days before the dam above Brezno burst on Thursday.",
        )
        == []
    )


def test_durations_in_hours_give_nothing() -> None:
    assert (
        _pair(
            "Heavy rain fell for 48 hours before the dam above Brezno burst on Thursday.",
            "Heavy rain fell for 36 hours before the dam above Brezno burst on Thursday.",
        )
        == []
    )


def test_years_are_not_counts() -> None:
    assert (
        _pair(
            "In 2018, officials said the dam above Brezno was safe and needed no repairs.",
            "In 2019, officials said the dam above Brezno was safe and needed no repairs.",
        )
        == []
    )


def test_years_without_a_comma_are_not_counts() -> None:
    assert (
        _pair(
            "The dam above Brezno was built in 1968 and inspected by engineers every year.",
            "The dam above Brezno was built in 1966 and inspected by engineers every year.",
        )
        == []
    )


# --- Precision: stances -------------------------------------------------------------------------------------


def test_opposite_stances_of_one_actor_are_found() -> None:
    [disagreement] = _pair(
        "Spain condemned the military uprising against Maduro on Tuesday.",
        "Spain supported the military uprising against Maduro on Tuesday.",
    )
    assert "Spain" in disagreement.about
    assert [c.sources for c in disagreement.claims] == [["a"], ["b"]]


def test_negation_flips_the_stance() -> None:
    [disagreement] = _pair(
        "Spain supported the military uprising against Maduro on Tuesday.",
        "Spain did not support the military uprising against Maduro on Tuesday.",
    )
    assert "Spain" in disagreement.about
    assert _claim(disagreement, "did not support").sources == ["b"]


def test_negated_support_agrees_with_condemnation() -> None:
    assert (
        _pair(
            "Spain did not support the military uprising against Maduro on Tuesday.",
            "Spain condemned the military uprising against Maduro on Tuesday.",
        )
        == []
    )


def test_same_stance_twice_gives_nothing() -> None:
    assert (
        _pair(
            "Spain condemned the military uprising against Maduro on Tuesday.",
            "Spain also condemned the military uprising against Maduro.",
        )
        == []
    )


def test_different_actors_with_opposite_stances_give_nothing() -> None:
    assert (
        _pair(
            "Cuba condemned the military uprising against Maduro on Tuesday.",
            "The United States supported the military uprising against Maduro on Tuesday.",
        )
        == []
    )


def test_unrelated_stance_sentences_give_nothing() -> None:
    assert (
        _pair(
            "Cuba condemned the military uprising against the government in Caracas.",
            "Spain welcomed the new trade agreement with Portugal on Wednesday.",
        )
        == []
    )


def test_one_actor_on_unrelated_matters_gives_nothing() -> None:
    assert (
        _pair(
            "Spain praised the rescue teams that worked through the night in Brezno.",
            "Spain criticised the new fishing quotas agreed in Brussels last week.",
        )
        == []
    )


def test_nothing_to_compare() -> None:
    assert _disagreements([]) == []
    assert _disagreements([Document("The river rose overnight.", id="a")]) == []


# --- Ranges, near values and what makes two figures one quantity ------------------------------------------


def test_a_range_against_a_single_value_is_found() -> None:
    [disagreement] = _pair(
        "Lifeguards on jet skis pulled between 18 and 22 hikers from the flooded gorge near Tarnow.",
        "Lifeguards on jet skis pulled 25 hikers from the flooded gorge near Tarnow.",
    )
    assert _claim(disagreement, "between 18 and 22").sources == ["a"]


def test_a_dashed_range_is_one_claim() -> None:
    [disagreement] = _pair(
        "The convoy was ambushed by 40-50 gunmen near the village of Osik.",
        "The convoy was ambushed by 30 gunmen near the village of Osik.",
    )
    assert _claim(disagreement, "40-50").sources == ["a"]


def test_the_same_range_twice_gives_nothing() -> None:
    assert (
        _pair(
            "Lifeguards pulled between 18 and 22 hikers from the flooded gorge near Tarnow.",
            "Lifeguards pulled 18 to 22 hikers from the flooded gorge near Tarnow.",
        )
        == []
    )


def test_near_counts_of_attackers_under_different_nouns_are_found() -> None:
    # Outlets name one armed group "fighters" or "militants"; 45 vs 60 is too far apart to be found
    # without shared words, 50 vs 52 is not.
    [disagreement] = _pair(
        "Officials want to know how 50 rebel fighters were able to ambush the patrol.",
        "The patrol was attacked by 52 militants with rockets.",
    )
    assert {c.sources[0] for c in disagreement.claims} == {"a", "b"}


def test_an_approximation_covering_the_exact_value_agrees() -> None:
    assert (
        _pair(
            "The trio has robbed nearly two dozen shops across the valley since March.",
            "The trio has robbed 23 shops across the valley since March.",
        )
        == []
    )


def test_counts_for_different_time_frames_give_nothing() -> None:
    assert (
        _pair(
            "An estimated 37 children have died in hot cars each year in the country, the group said.",
            "There have been 30 children who have died in hot cars in the country since 1990, the group said.",
        )
        == []
    )


def test_figures_in_different_clauses_of_one_sentence_keep_their_own_context() -> None:
    # The 70 degrees is the outdoor average, the 120 degrees the inside of the van: not one quantity.
    assert (
        _pair(
            "Temperatures in Brezno averaged about 70 degrees on Monday, but inside a closed van it can get much hotter.",
            "Temperatures in Brezno were mild on Monday, meaning the air inside the closed van could have reached 120 degrees.",
        )
        == []
    )


def test_values_far_apart_are_different_quantities() -> None:
    assert (
        _pair(
            "The storm killed 46 people across the region, officials said on Tuesday.",
            "The storm killed 120 people across the region, officials said on Tuesday.",
        )
        == []
    )


def test_an_outlet_giving_both_values_is_no_disagreement() -> None:
    # Both reports list the two charges: the two figures are two quantities, not two versions of one.
    assert (
        _pair(
            "The vicar faces five counts of fraud and two counts of theft, the court heard.",
            "The court heard the vicar faces two counts of theft and five counts of fraud.",
        )
        == []
    )


def test_a_count_of_others_is_not_a_total() -> None:
    # "the other three" leaves someone out: it does not contradict "four".
    assert (
        _pair(
            "The ambassador and the other three Americans were killed when the consulate was attacked.",
            "Four Americans were killed when the consulate was attacked.",
        )
        == []
    )


def test_names_and_dates_before_numbers_are_not_counts() -> None:
    assert (
        _pair(
            "Harris told NBC 7 reporters the rescue took an hour at Tarnow beach.",
            "Harris told NBC 4 reporters the rescue took an hour at Tarnow beach.",
        )
        == []
    )


def test_the_claim_shows_the_clause_of_the_figure() -> None:
    [disagreement] = _pair(KILLED.format("Nine"), KILLED.format("At least 12"))
    assert "dam above Brezno burst" in _claim(disagreement, "Nine").text


# --- Sums of money ------------------------------------------------------------------------------------------


def test_different_totals_of_money_are_found() -> None:
    [disagreement] = _pair(
        "Her appeal has smashed its goal, with the total at the time of writing breaking £2,000.",
        "She has already smashed her goal, receiving donations totalling about £3500 from strangers.",
    )
    assert disagreement.about == "amount of money"
    assert _claim(disagreement, "2,000").sources == ["a"]


def test_sums_for_different_things_give_nothing() -> None:
    assert (
        _pair(
            "The club paid a fine of $20,000 after the match in Tarnow.",
            "The club's new stand in Tarnow cost $26,000 to build.",
        )
        == []
    )


def test_a_sum_asked_for_is_not_the_sum_awarded() -> None:
    awarded = "The jury in Tarnow ordered the club to pay $6 million in damages to the fans."
    assert _pair(awarded, "The fans had asked the jury in Tarnow to award the club's $9 million in damages.") == []
    # the same sum given differently still disagrees
    assert _pair(awarded, "The jury in Tarnow ordered the club to pay $9 million in damages to the fans.") != []


def test_a_sum_is_what_the_last_of_its_nouns_says() -> None:
    # "$4.4 trillion federal budget surplus" is a surplus, not the budget "the total reserve" is part of
    surplus = "The plan devotes the projected $4.4 trillion federal budget surplus over 15 years to pensions."
    assert _pair(surplus, "Pensions would reach the $4.9 trillion Clinton's budget calls the total reserve by 2014.") == []
    assert _pair(surplus, "The plan devotes the projected $4.9 trillion federal budget surplus over 15 years to pensions.")


def test_positions_on_the_globe_give_nothing() -> None:
    assert (
        _pair("The balloon landed along longitude 9 degrees west on Saturday.", "It landed at 9.27 degrees west longitude.") == []
    )


def test_a_list_of_sums_in_one_clause_gives_nothing() -> None:
    # The plan names two thresholds; the other report names a third figure of the same plan.
    assert (
        _pair(
            "The plan exempts single earners under $25,000 and couples under $50,000 from the tax",
            "The plan exempts couples under $30,000 from the tax",
        )
        == []
    )


# --- Ages ---------------------------------------------------------------------------------------------------


def test_different_ages_of_one_person_are_found() -> None:
    [disagreement] = _pair(
        "The singer married the architect Tomas Halvorsen, 41, on Friday in Tarnow.",
        "Guests said Tomas Halvorsen, 40, thanked the town of Tarnow.",
    )
    assert disagreement.about == "age of Tomas Halvorsen"
    assert _claim(disagreement, "41").sources == ["a"]
    assert _claim(disagreement, "40").sources == ["b"]


def test_a_surname_two_people_of_a_report_share_gives_no_age() -> None:
    # "Halvorsen, 56" may be either Halvorsen the second report names
    assert (
        _pair(
            "The singer Maria Halvorsen, 48, filed for divorce in Tarnow.",
            "Tomas Halvorsen and Maria Halvorsen met in Tarnow. Halvorsen, 56, said the divorce was final.",
        )
        == []
    )


def test_a_surname_two_people_of_the_story_share_gives_no_age() -> None:
    # the third report names only one Halvorsen, but the story has two: "Halvorsen, 56" may be either
    documents = [
        Document("The singer Maria Halvorsen, 48, filed for divorce in Tarnow.", id="a"),
        Document("Her husband Tomas Halvorsen left Tarnow on Monday.", id="b"),
        Document("Maria Halvorsen spoke in Tarnow. Halvorsen, 56, said the divorce was final.", id="c"),
    ]
    assert _disagreements(documents) == []
    # with one Halvorsen in the story, the surname is hers
    assert len(_disagreements([documents[0], documents[2]])) == 1


def test_the_day_something_happened_to_someone() -> None:
    [disagreement] = _pair(
        "Relatives called the police after finding the body of Ritu Veld on Saturday in her home.",
        "Relatives found the body of Ritu Veld in her home shortly after midnight Sunday.",
    )
    assert disagreement.about == "when Ritu Veld was found"
    assert _claim(disagreement, "Saturday").sources == ["a"]
    # the day of the announcement, not of the arrest; and an outlet giving both days recounts two moments
    assert _pair("Police announced Wednesday that Tomas Brandt was arrested.", "Police arrested Tomas Brandt on Saturday.") == []
    assert (
        _pair(
            "Police arrested Tomas Brandt on Saturday. Tomas Brandt was arrested again on Monday.",
            "Police arrested Tomas Brandt on Monday.",
        )
        == []
    )


def test_the_same_age_twice_gives_nothing() -> None:
    assert (
        _pair(
            "The singer married the architect Tomas Halvorsen, 41, on Friday in Tarnow.",
            "The 41-year-old Tomas Halvorsen thanked the town of Tarnow.",
        )
        == []
    )


def test_a_number_after_a_name_that_is_not_an_age_gives_nothing() -> None:
    assert (
        _pair(
            "Tomas Halvorsen, 41 years a builder, thanked the town of Tarnow.",
            "Tomas Halvorsen, 12 times a winner, thanked the town of Tarnow.",
        )
        == []
    )


# --- A person's state ---------------------------------------------------------------------------------------


def test_freed_against_still_held_is_found() -> None:
    [disagreement] = _pair(
        "The activist Marta Novak said she was freed by soldiers on Tuesday.",
        "The protest was joined by Marta Novak, who is under house arrest.",
    )
    assert disagreement.about == "what happened to Marta Novak"
    assert [c.sources for c in disagreement.claims] in (
        [["a"], ["b"]],
        [["b"], ["a"]],
    )


def test_past_arrest_and_release_agree() -> None:
    # An outlet telling the whole story (held, then freed) agrees with one telling the release only.
    assert (
        _pair(
            "Marta Novak, who had been under house arrest for two years, said she was freed by soldiers.",
            "The activist Marta Novak said she was freed by soldiers on Tuesday.",
        )
        == []
    )


def test_released_from_hospital_is_not_freed() -> None:
    assert (
        _pair(
            "Marta Novak was released from hospital on Tuesday, her lawyer said.",
            "Marta Novak, who is in custody, spoke to her lawyer on Tuesday.",
        )
        == []
    )


def test_killed_against_injured_is_found() -> None:
    [disagreement] = _pair(
        "The guard Pavel Dusek was killed when the gunmen opened fire.",
        "The guard Pavel Dusek was wounded when the gunmen opened fire.",
    )
    assert disagreement.about == "what happened to Pavel Dusek"


def test_different_people_with_opposite_states_give_nothing() -> None:
    assert (
        _pair(
            "The guard Pavel Dusek was killed when the gunmen opened fire.",
            "The driver Marek Holub was wounded when the gunmen opened fire.",
        )
        == []
    )


# --- Precision: rules from the audit of unannotated clusters (invented sentences) ----------------------------


def _dated(first: tuple[str, str], second: tuple[str, str]) -> list[Disagreement]:
    """Two one-document outlets, each given as (text, publication date)."""
    return _disagreements([Document(first[0], id="a", date=first[1]), Document(second[0], id="b", date=second[1])])


def test_round_bound_agrees_with_the_value_it_rounds() -> None:
    # "more than 500" is 536 rounded down; "2,000 shops" is 2,180 rounded.
    assert (
        _pair("More than 500 volunteers joined the river cleanup on Sunday.", "The river cleanup drew 536 volunteers on Sunday.")
        == []
    )
    assert _pair("The chain now runs 2,000 shops across the country.", "The chain now runs 2,180 shops across the country.") == []


def test_round_bound_above_the_value_still_disagrees() -> None:
    [disagreement] = _pair(
        "More than 9,000 tickets were sold for the harbour festival.",
        "Organisers sold 8,412 tickets for the harbour festival.",
    )
    assert len(disagreement.claims) == 2


def test_two_round_lower_bounds_agree() -> None:
    assert (
        _pair(
            "Airlines grounded more than 7,000 flights across the region.",
            "Airlines grounded more than 6,000 flights across the region.",
        )
        == []
    )


def test_or_estimate_agrees_with_a_value_inside_it() -> None:
    assert (
        _pair("The ferry sank 12 or 13 miles off the northern cape.", "The ferry sank about 12 miles off the northern cape.")
        == []
    )
    assert _pair("The ferry sank 12 or 13 miles off the northern cape.", "The ferry sank 12 miles off the northern cape.") == []


def test_counts_from_reports_days_apart_are_updates() -> None:
    first = "Police have arrested 40 protesters since the march on the ministry began."
    second = "Police have arrested 55 protesters since the march on the ministry began."
    assert _dated((first, "2021-05-02"), (second, "2021-05-12")) == []
    # Within one news cycle the two counts are shown (as the demo's toll that rose overnight).
    assert len(_dated((first, "2021-05-02"), (second, "2021-05-03 08:00"))) == 1


def test_age_one_higher_a_year_later_is_a_birthday() -> None:
    earlier = ("Mayor Ana Kovach, 55, opened the new bridge on Monday.", "2001-01-10")
    assert _dated(earlier, ("Mayor Ana Kovach, 56, opened the new school on Monday.", "2001-11-20")) == []
    # Younger in the later report, or two years older after ten months: time does not explain it.
    assert len(_dated(earlier, ("Mayor Ana Kovach, 54, opened the new school on Monday.", "2001-11-20"))) == 1
    assert len(_dated(earlier, ("Mayor Ana Kovach, 57, opened the new school on Monday.", "2001-11-20"))) == 1


def test_count_in_an_unnamed_place_is_not_the_total() -> None:
    assert (
        _pair("The storm killed 40 people on its way north.", "The storm also killed 65 people in the Antilles on its way north.")
        == []
    )


def test_count_in_a_where_clause_is_a_part() -> None:
    assert (
        _pair(
            "The earthquake killed an estimated 2,000 people across the province.",
            "In the port city, where some 1,100 people died in the earthquake, families slept in parks.",
        )
        == []
    )


def test_count_of_the_latest_round_is_a_part() -> None:
    assert (
        _pair(
            "Police said 60 demonstrators were detained in the latest raids on the campus.",
            "Police said 95 demonstrators were detained on the campus.",
        )
        == []
    )


def test_a_difference_between_sums_is_not_a_sum() -> None:
    assert (
        _pair(
            "The agency paid $40 for each permit it issued to the builders.",
            "The agency paid $35 more for each permit it issued to the builders than the city did.",
        )
        == []
    )


def test_stance_words_used_as_nouns_give_nothing() -> None:
    assert (
        _pair(
            "Senator Alvarez kept his support among rural voters after the vote on the dam project.",
            "Senator Alvarez took the blame for the vote on the dam project.",
        )
        == []
    )


def test_hypothetical_stances_and_support_won_give_nothing() -> None:
    assert (
        _pair(
            "If the talks fail, Senator Alvarez could blame the governor for the dam project.",
            "Senator Alvarez praised the governor for the dam project.",
        )
        == []
    )
    assert (
        _pair(
            "Senator Alvarez criticized the dam project funding on Monday.",
            "Senator Alvarez toured the site on Monday to bolster support for the dam project funding.",
        )
        == []
    )


def test_conditional_stances_give_nothing() -> None:
    assert (
        _pair(
            "Senator Alvarez said he will no longer support the dam project unless its budget is cut.",
            "Senator Alvarez said his support for the dam project depends on its budget.",
        )
        == []
    )


def test_a_stance_covers_only_its_own_object() -> None:
    # "condemned the layoffs" is not a stance on the strike that the same sentence supports.
    assert (
        _pair(
            "The Dockers Union condemned the layoffs and voiced its support for the strike at the northern plant.",
            "The Dockers Union added its support for the strike at the northern plant.",
        )
        == []
    )


def test_stances_towards_different_named_targets_give_nothing() -> None:
    assert (
        _pair(
            "Amnesty International praised Norway for the human rights law passed by its parliament.",
            "Amnesty International denounced Chile over the human rights law passed by its parliament.",
        )
        == []
    )


def test_bound_just_below_the_value_agrees() -> None:
    # "more than 20 boats" is true of 22 boats: no outlet is contradicted.
    assert (
        _pair("More than 20 boats joined the search for the trawler.", "In all 22 boats joined the search for the trawler.") == []
    )


def test_trillions_are_read_as_sums() -> None:
    # "$4 trillion" is the rounding of "$4.4 trillion", not four dollars against 4.40.
    assert (
        _pair(
            "The plan spends a projected $4 trillion surplus over 15 years.",
            "The plan spends a projected $4.4 trillion surplus over 15 years.",
        )
        == []
    )


def test_a_sums_own_noun_decides_its_role() -> None:
    assert (
        _pair(
            "The minister said the budget surplus would pay off part of the $5 trillion debt.",
            "The minister said the budget surplus would reach $4.4 trillion.",
        )
        == []
    )


def test_hyphenated_number_words_are_counts() -> None:
    [toll] = _pair(
        "Forty-six people were killed in the storm across the country.",
        "Fifty-one people were killed in the storm across the country.",
    )
    assert {c.text.split()[0] for c in toll.claims} == {"Forty-six", "Fifty-one"}


def test_deaths_in_one_place_counted_apart_from_another_are_that_place_s_count() -> None:
    # "other" sets the Caribbean's deaths apart from the U.S. ones: it is still the Caribbean's count
    [caribbean] = _pair(
        "Forty people died in the U.S. Before it made its way north, Sandy was blamed for 68 other deaths in the Caribbean.",
        "It also killed 69 people in the Caribbean before making its way up the coast.",
    )
    assert [c.sources for c in caribbean.claims] == [["a"], ["b"]]


def test_lives_saved_are_not_a_toll() -> None:
    assert _pair("Rescuers saved 12 lives in the flood on Friday.", "The flood killed 14 people on Friday.") == []


def test_magnitudes_of_one_quake_are_found() -> None:
    [magnitude] = _pair(
        "The magnitude 6 quake struck at night and was felt across central Italy.",
        "The magnitude-6.2 quake killed at least 241 people.",
    )
    assert magnitude.about == "magnitude of the earthquake" and len(magnitude.claims) == 2


@pytest.mark.parametrize(
    "second",
    [
        "In 2009, the 6.3-magnitude earthquake that struck L'Aquila killed 300 people.",  # a past quake
        "More than 200 aftershocks followed, some as strong as magnitude 5.8.",  # an aftershock
        "The magnitude-7.1 quake that struck at night killed 50 people.",  # too far apart for one quake
        "The magnitude 6 quake was felt in Rome.",  # the same value
        "There have been six other quakes greater than magnitude 6.1 since then.",  # other quakes
    ],
)
def test_magnitudes_of_other_shocks_give_nothing(second: str) -> None:
    assert _pair("The magnitude 6 quake struck at night and was felt in Rome.", second) == []


def test_a_magnitude_in_degrees_and_each_agency_s_estimate_in_a_list_are_magnitudes() -> None:
    # a news agency writes "6.7-degree earthquake"; another report lists three agencies' estimates, one of
    # them a revision of it (6.8) and the others too far for one quake from 6.7 (7.5, 7.8)
    [magnitude] = _pair(
        "At least 600 people died in the 6.7-degree earthquake which ripped through western Turkey.",
        "The quake has been identified as magnitude 7.5 by the MIT scientists, 6.8 by Turkish scientists, and 7.8 by "
        "the US Geological Survey.",
    )
    assert sorted(c.text.split("-degree")[0][-3:] if "degree" in c.text else c.text[:3] for c in magnitude.claims) == [
        "6.7",
        "6.8",
    ]


# --- Measures: lengths, depths, areas, storeys in any unit ---------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "about"),
    [
        # the same depth in metres and feet, far enough apart once converted (100 m against 137 m)
        (
            "The wreck lies where the sea is about 100 meters deep.",
            "A Norwegian report said the wreck was 450 feet down.",
            "depth",
        ),
        (
            "The mine occupies at least 3.7 million square feet.",
            "The mine occupies approximately 4.5 million square feet.",
            "area",
        ),
        ("Protesters climbed the 72-storey tower in Brezno.", "The tower in Brezno has 87 storeys.", "number of storeys"),
        # a distance from one place: 70 km against 55 miles (89 km)
        ("The epicenter was about 70 kilometers southeast of Karsk.", "The quake struck 55 miles east of Karsk.", "distance"),
    ],
)
def test_measures_of_one_thing_disagree_across_units(first: str, second: str, about: str) -> None:
    [disagreement] = _pair(first, second)
    assert disagreement.about == about
    assert [c.sources for c in disagreement.claims] == [["a"], ["b"]]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # one figure converted and rounded: 100 m and 330 ft (100.6 m)
        ("The wreck lies where the sea is about 100 meters deep.", "The wreck lies where the sea is some 330 feet deep."),
        # lengths of different things: the wreck found, another ship the report recalls
        ("The vessel is estimated to be 98 feet long.", "Divers searched for the 25-meter wreck off the coast."),
        ("Its 55-foot-long hull was packed with vases.", "The wreck found off Alassio is 98 feet long."),
        # distances from different places
        ("The epicenter was 70 kilometers southeast of Karsk.", "The epicenter was 55 miles east of Brezno."),
        # no measured thing named: a run, a fall
        ("He ran 5 miles on Sunday in Brezno.", "He ran 8 miles on Sunday in Brezno."),
    ],
)
def test_measures_that_agree_or_measure_different_things_give_nothing(first: str, second: str) -> None:
    assert _pair(first, second) == []


def test_a_sentence_opening_on_a_participle_describes_the_measured_subject() -> None:
    # "Lying ... off Karsk, the vessel is 98 feet long": the opening phrase says where the vessel lies, so the length
    # shares "coast" and "Karsk" with the wreck searched for off Karsk (98 feet is 30 m against 25 m)
    second = "Divers searched for the 25-meter wreck off the coast of Karsk."
    [disagreement] = _pair("Lying 200 meters down off the coast of Karsk, the vessel is estimated to be 98 feet long.", second)
    assert disagreement.about == "length"
    assert [c.sources for c in disagreement.claims] == [["a"], ["b"]]
    # who tells the length is no description of the vessel
    assert _pair("According to a survey off the coast of Karsk, the vessel is 98 feet long.", second) == []


def test_a_part_of_a_toll_in_one_place_is_compared_with_that_place_only() -> None:
    total = "Forty-six people were killed in Karsk province, 23 of them in Brezno, including 18 in Old Brezno."
    # the part in Old Brezno against another outlet's count there
    [disagreement] = _pair(total, "The storm killed 10 people in Old Brezno.")
    assert _claim(disagreement, "18 in Old Brezno").sources == ["a"]
    assert _claim(disagreement, "10 people").sources == ["b"]
    # a part is not a total: 46 in all and 44 in all disagree, the parts say nothing against them
    assert _pair(total, "Forty-four people were killed in Karsk province.")[0].claims[0].text.startswith("Forty-six")


def test_a_crew_counted_by_different_nouns_is_one_quantity() -> None:
    first = "The Kursk, launched in 1995, carries 107 personnel and weighs some 14,000 tons. It has a 107-man crew."
    second = "Rescuers worked through the night to reach the submarine and the 116 sailors on board."
    [disagreement] = _pair(first, second)
    assert disagreement.about.startswith("number of")
    assert [c.sources for c in disagreement.claims] == [["a"], ["b"]]
    # "107 personnel and weighs" is no count of "weighs"
    assert _pair(first, "The Kursk weighs about 14,000 tons and carries 107 personnel.") == []


def test_a_death_toll_written_without_a_noun_is_a_count_of_the_dead() -> None:
    first = "Forty-six people had been killed in the U.S. by Tuesday night, officials said."
    second = "The U.S. death toll climbed to 40, many of the victims killed by falling trees."
    [disagreement] = _pair(first, second)
    assert [c.sources for c in disagreement.claims] == [["a"], ["b"]]
    # a toll with its noun is read once, by the count itself
    assert _pair(first, "The U.S. death toll rose to 46 people on Tuesday.") == []


def test_half_a_dozen_is_six() -> None:
    # "half a dozen" is six, not the dozen it ends on: against "six" nothing differs, against "twelve" it does.
    half = "Congress has held half a dozen investigations of the attack on the consulate."
    assert _pair(half, "Congress has held six investigations of the attack on the consulate.") == []
    [disagreement] = _pair(half, "Congress has held nine investigations of the attack on the consulate.")
    assert {c.sources[0] for c in disagreement.claims} == {"a", "b"}


def test_a_sentence_opening_on_a_year_sets_the_time_frame_of_every_clause() -> None:
    # "In 1991, ..." dates the count after its comma: the 1991 count and today's are two quantities
    then = "In 1991, 40 participating towns had a curfew in force, the survey found."
    now = "Today 44 towns have a curfew in force, the survey found."
    assert _pair(then, now) == []
    # without the opening year the two counts are one quantity given differently
    assert len(_pair("Back then, 40 participating towns had a curfew in force, the survey found.", now)) == 1


def test_a_list_line_opening_on_a_name_counts_that_place() -> None:
    # a table of the worst-hit towns: each line is its town's count, not another outlet's count for Brezno
    table = "The quake hit at dawn.\n\nKolvar 3,046 dead, 6,900 injured\n\nOrsk 2,400 dead, 5,500 injured"
    report = "In Brezno, the worst-hit town, 3,261 people were killed and 11,700 injured. Kolvar and Orsk were also hit."
    assert _pair(table, report) == []
    # a line of Brezno's own is compared with Brezno's count
    [disagreement] = _pair(table + "\n\nBrezno 3,120 dead, 9,400 injured", report)
    assert {claim.text for claim in disagreement.claims} == {"Brezno 3,120 dead", "3,261 people were killed and 11,700 injured"}


def test_passive_and_conditional_sentences_take_no_stance() -> None:
    praised = "Senator Alvarez praised the governor for the dam project on Monday."
    # rejected by someone else: the passive says what was done to Alvarez
    assert _pair(praised, "Senator Alvarez asked the governor for the dam project on Monday but was rejected.") == []
    # a whole sentence under a condition, its verb far from the "If"
    conditional = (
        "If the long negotiations over the budget break down, Senator Alvarez will denounce the governor for the dam project."
    )
    assert _pair(praised, conditional) == []
    # the same stance taken outright still clashes
    assert len(_pair(praised, "Senator Alvarez denounced the governor for the dam project on Monday.")) == 1


def test_a_which_clause_counts_what_the_clause_before_it_names() -> None:
    total = "Rebels set off five bombs on Sunday night, killing at least 36 soldiers and wounding 74."
    # one of the five bombings, named by its town in the clause before "which"
    assert _pair(total, "Police detained 30 people over the bombing in Argun, which killed more than 20 soldiers.") == []
    # with no place before it, the count is the whole event's and clashes
    assert len(_pair(total, "Police detained 30 people over the bombings, which killed more than 20 soldiers.")) == 1


def test_a_count_of_another_named_event_is_not_the_story_s() -> None:
    story = "The Orla Airways jet crashed into the sea on Sunday. All 217 people on board were killed."
    # a past crash named once, in one report, as a comparison
    past = "The Orla Airways jet crashed on Sunday. The Velmar Air crash killed all 223 people on board."
    assert _pair(story, past) == []
    # the story's own crash, named by both reports, is compared
    both = "The Velmar Air jet crashed on Sunday. All 217 people on board were killed."
    assert len(_pair(both, "The Velmar Air crash killed all 223 people on board.")) == 1


@pytest.mark.parametrize(
    "other",
    [
        "The guard Pavel Dusek was fatally wounded when the gunmen opened fire.",  # fatally wounded is killed
        "The guard Pavel Dusek is survived by his wife and two sons.",  # an obituary's family
        "The guard Pavel Dusek had been hospitalized for a week before the gunmen came back.",  # people die in hospital
        "The guard Pavel Dusek said 12 were wounded when the gunmen opened fire.",  # he tells others' state
        "The guard Pavel Dusek shielded the pupils, and an 11-year-old girl was wounded.",  # the girl's state
    ],
)
def test_states_said_of_someone_else_or_not_opposite_give_nothing(other: str) -> None:
    assert _pair("The guard Pavel Dusek was killed when the gunmen opened fire.", other) == []


def test_a_person_telling_his_own_state_keeps_it() -> None:
    [disagreement] = _pair(
        "Marta Novak, who said she had been freed by the soldiers, spoke on Tuesday.",
        "Marta Novak, who is under house arrest, spoke on Tuesday.",
    )
    assert disagreement.about == "what happened to Marta Novak"


def test_counts_of_two_named_people_are_two_quantities() -> None:
    berg = "Tomas Berg planted 14 trees in the park on Sunday."
    assert _pair(berg, "Lukas Marek planted 13 trees in the park on Sunday.") == []
    assert len(_pair(berg, "Tomas Berg planted 13 trees in the park on Sunday.")) == 1
    # people telling a figure are not what it counts: their two figures still clash
    told = "Mayor Lukas Marek said 13 people were hurt in the final on Sunday."
    assert len(_pair("Police chief Tomas Berg said 18 people were hurt in the final on Sunday.", told)) == 1


def test_a_game_s_statistics_are_not_compared() -> None:
    # each player's points, each game's yards: a box score lists many, none is the story's one quantity
    assert _pair("The Hawks won 70-64 as their guard had 16 points.", "The Hawks won 70-64 as their guard had 15 points.") == []
    assert (
        _pair(
            "He threw two touchdown passes and set up a 45-yard field goal.",
            "He threw two touchdown passes and returned an interception 35 yards long.",
        )
        == []
    )
    # yards outside a game are a length like any other
    assert len(_pair("The new pier is 450 yards long.", "The new pier is 300 yards long.")) == 1


def test_blame_moved_about_is_a_noun_not_a_stance() -> None:
    praised = "Senator Alvarez praised the governor for the dam project on Monday."
    assert _pair(praised, "Senator Alvarez tried to divert blame for the dam project to the governor on Monday.") == []
    assert _pair(praised, "Senator Alvarez took the blame for the dam project on Monday, the governor said.") == []
    assert len(_pair(praised, "Senator Alvarez blamed the governor for the dam project on Monday.")) == 1


def test_an_upper_bound_agrees_with_its_own_value_approximated_or_ending_a_range() -> None:
    infected = "The worm has infected {} websites across Europe, the security firm said on Monday."
    assert _pair(infected.format("about 10,000"), infected.format("as many as 10,000")) == []
    assert _pair(infected.format("as many as 35 to 40"), infected.format("as many as 40")) == []
    # a lower bound against an approximation of its value still clashes ("more than 50" vs "around 50")
    assert len(_pair(infected.format("more than 10,000"), infected.format("about 10,000"))) == 1


def test_distances_from_one_place_must_measure_the_same_thing() -> None:
    quake = "The quake struck 40 kilometers south of Brezno on Sunday."
    assert len(_pair(quake, "The quake struck 70 kilometers south of Brezno on Sunday.")) == 1
    # the refinery's distance is not the quake's, though both are measured from Brezno
    assert _pair(quake, "Fire crews fought the blaze at the Kolvar refinery, 70 kilometers south of Brezno.") == []


def test_a_distance_converted_in_parentheses_is_read_past_its_conversion() -> None:
    # "70 kilometers (43 miles) southeast of Karsk": where it points comes after the conversion
    [disagreement] = _pair(
        "The epicenter was about 70 kilometers (43 miles) southeast of Karsk.",
        "The quake struck 55 miles (89 kilometers) east of Karsk.",
    )
    assert disagreement.about == "distance"
    assert [c.sources for c in disagreement.claims] == [["a"], ["b"]]


def test_a_distance_set_after_a_place_locates_what_it_points_to_from_that_place() -> None:
    # "Perugia, about 90 kilometers south of the latest quake" is the quake's distance from Perugia
    [disagreement] = _pair(
        "The 1990 quake destroyed much of the old town in Perugia, about 90 kilometers (55 miles) south of the latest quake.",
        "The same fault caused the 1990 earthquake in Perugia, just 34 miles (55 kilometers) away from today's quake.",
    )
    assert disagreement.about == "distance"
    assert [c.sources for c in disagreement.claims] == [["a"], ["b"]]
    # the words of the place measured from ("the main city of") say nothing of what is located: two quakes' distances
    assert (
        _pair(
            "A quake struck off the coast on Friday, 75 kilometers west of the region's main city of Perugia.",
            "The first earthquake struck on Sunday about 135 kilometers from the main city of Perugia.",
        )
        == []
    )


def test_a_count_of_two_nouns_is_not_a_count_of_the_first() -> None:
    both = "The cruise ship evacuated some 420 passengers and crew after the warning on Monday."
    assert _pair(both, "The cruise ship evacuated its 246 passengers after the warning on Monday.") == []
    assert len(_pair(both, "The cruise ship evacuated 300 passengers and crew after the warning on Monday.")) == 1


def test_an_outlet_revising_its_own_magnitude_gives_both() -> None:
    final = "Seismologists put the strength of the quake that struck Karsk at magnitude 7.4 on Tuesday."
    revised = "The survey said the quake that struck Karsk had a preliminary magnitude of 7.8, but downgraded that to 7.4."
    assert _pair(revised, final) == []
    # without the revision the preliminary figure clashes
    assert len(_pair("The survey said the quake that struck Karsk had a preliminary magnitude of 7.8.", final)) == 1


def test_bodies_are_a_count_of_people() -> None:
    [disagreement] = _pair(
        "Historians say 300 to 400 bodies were buried in the old cemetery behind the school.",
        "As many as 300 people were buried in the old cemetery behind the school.",
    )
    assert {c.sources[0] for c in disagreement.claims} == {"a", "b"}


def test_a_count_in_a_list_is_about_its_sentence() -> None:
    # "seven prior investigations" alone between commas: the sentence says what they investigated; "prior" does
    # not change what is counted
    listed = (
        "The Velmora dam failure has been examined by an independent safety panel, seven prior parliamentary inquiries, "
        "and the national water authority."
    )
    half = "Even after an independent safety panel and half a dozen parliamentary inquiries, the Velmora families wait."
    [disagreement] = _pair(listed, half)
    assert _claim(disagreement, "seven").sources == ["a"]
    # a figure in parentheses is no list item: its sentence may be about someone else
    assert (
        _pair(
            "The champion Viktor Sobran (52-3, 46 KOs) beat Tomas Veber in Karsk.",
            "Tomas Veber (45-7-2, 36 KOs) lost to Viktor Sobran in Karsk.",
        )
        == []
    )


def test_the_day_a_named_thing_happened() -> None:
    [disagreement] = _pair(
        "The Karsk flood study appears in a paper being published Friday in the hydrology journal, Hydrologia.",
        "A paper on the flood study will be published Saturday as a short note in the journal Hydrologia.",
    )
    assert disagreement.about == "day it was published"
    assert _claim(disagreement, "Friday").sources == ["a"]
    # two journals: two studies published on their own days
    assert (
        _pair(
            "The study was published in Thursday's Ostravian Journal of Hydrology.",
            "The study will be published in Wednesday's Karsk Review of Engineering.",
        )
        == []
    )
    # another quake than the story's
    assert (
        _pair(
            "The earthquake that struck Karsk early Tuesday destroyed the old bridge in the Karsk valley.",
            "Another strong earthquake struck Karsk on Sunday and damaged the old bridge in the Karsk valley.",
        )
        == []
    )


def test_the_time_the_quake_struck() -> None:
    exact = "The magnitude 5.8 quake struck at 3:36 a.m. and was felt across northern Ostravia."
    [disagreement] = _pair(exact, "The centre of Sunday's quake, which hit around 3:30 a.m. local time, lay near Karsk.")
    assert disagreement.about == "time the earthquake struck"
    # "around 3:35" rounds 3:36; an aftershock's time and a time in another zone are other times
    assert _pair(exact, "The quake hit around 3:35 a.m. and was felt in Velmora.") == []
    assert _pair(exact, "An aftershock struck at 5:10 a.m. and was felt in Velmora.") == []
    assert _pair(exact, "The quake struck at 1:36 a.m. GMT and was felt in Velmora.") == []
