"""``chorus.timeline``: the date a sentence speaks of, and dated happenings in date order.

Weekdays resolve to the most recent such day on or before the report's date: 2019-04-30 is a Tuesday,
2026-03-13 a Friday and 2026-03-14 a Saturday (the demo's Thursday 12 March 2026 breach).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from chorus import Document, SummaryOptions
from chorus.models import TimelineEvent
from chorus.pipeline import prepare
from chorus.timeline import _DAY_WORD, _RELATIVE, build_timeline, sentence_date

TUESDAY = dt.date(2019, 4, 30)


def _timeline(documents: list[Document], limit: int = 12) -> list[TimelineEvent]:
    prepared = prepare(documents, SummaryOptions())
    return build_timeline(prepared.sentences, prepared.documents, prepared.sentence_tokens, prepared.groups, limit=limit)


# --- sentence_date ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks resumed in Oslo on 30 April 2019.", dt.date(2019, 4, 30)),
        ("Talks resumed in Oslo on April 30, 2019.", dt.date(2019, 4, 30)),
        ("Talks resumed in Oslo on April 30th, 2019.", dt.date(2019, 4, 30)),
        ("Talks resumed in Oslo on 2019-04-30.", dt.date(2019, 4, 30)),
        ("Talks resumed in Oslo on Sept. 3, 2018.", dt.date(2018, 9, 3)),
        ("The dam was completed on 1 July 1968.", dt.date(1968, 7, 1)),
    ],
)
def test_explicit_dates(text: str, expected: dt.date) -> None:
    assert sentence_date(text, None) == expected
    assert sentence_date(text, TUESDAY) == expected  # the report's date does not override an explicit one


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks resumed in Oslo on April 29.", dt.date(2019, 4, 29)),
        ("Talks resumed in Oslo on 29 April.", dt.date(2019, 4, 29)),
    ],
)
def test_dates_without_a_year_take_the_report_year(text: str, expected: dt.date) -> None:
    assert sentence_date(text, TUESDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army said on Monday that the bases were calm.", dt.date(2019, 4, 29)),
        ("On Monday, the army said the bases were calm.", dt.date(2019, 4, 29)),
        ("Guaidó called for an uprising on Tuesday.", dt.date(2019, 4, 30)),  # the report's own day
        ("Protesters gathered on Sunday night.", dt.date(2019, 4, 28)),
        ("The plan was drawn up last Friday.", dt.date(2019, 4, 26)),
        ("The dam gave way late on Thursday.", dt.date(2019, 4, 25)),
        ("Officials met on Wednesday to plan the rally.", dt.date(2019, 4, 24)),  # the Wednesday before
        ("The army said yesterday that the bases were calm.", dt.date(2019, 4, 29)),
        ("Today is the day Maduro resigns, one protester said.", dt.date(2019, 4, 30)),
    ],
)
def test_relative_days_resolve_against_the_report_date(text: str, expected: dt.date) -> None:
    assert sentence_date(text, TUESDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council will vote on the plan on Friday.", dt.date(2019, 5, 3)),
        ("Guaidó plans to address the crowd on Wednesday.", dt.date(2019, 5, 1)),
        ("The dispute is expected to take a new turn Thursday.", dt.date(2019, 5, 2)),
        ("The talks resume next Monday.", dt.date(2019, 5, 6)),
        ("The talks resume next Tuesday.", dt.date(2019, 5, 7)),  # not the report's own day
        ("He will speak today.", dt.date(2019, 4, 30)),
        ("The council will vote Tuesday.", dt.date(2019, 4, 30)),  # the report's own day still
        # Looking ahead only within its clause: the vote was announced on the Monday before.
        ("Officials announced on Monday that the council will vote.", dt.date(2019, 4, 29)),
        ("Wednesday the dispute is expected to take a new turn.", dt.date(2019, 5, 1)),
        ("On Thursday the council will vote on the plan.", dt.date(2019, 5, 2)),
        ("On Monday officials said the council will vote.", dt.date(2019, 4, 29)),
    ],
)
def test_days_ahead_resolve_forward(text: str, expected: dt.date) -> None:
    assert sentence_date(text, TUESDAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Navajo government estimates there are about 250,000 Navajos today.",
        "Tribal members today remain guarded about the hunt.",
        "Today, few experts on drug laws dispute the link.",
        "Today home schooling can involve strong links to local schools.",
        "He shares words from sacred whaling songs that have been passed down and are still sung today.",
    ],
)
def test_today_in_a_sentence_told_in_the_present_means_nowadays(text: str) -> None:
    assert sentence_date(text, TUESDAY) is None


@pytest.mark.parametrize(
    "text",
    [
        "Egypt today gave Israel three weeks to implement the agreements.",
        "The spokesman today formally denied the reports.",
        "Today, the board will hear public comment on the standards.",
        "The regulation, which took effect today, bans smoking in public places.",
    ],
)
def test_today_in_a_sentence_told_in_the_past_or_ahead_is_the_reports_day(text: str) -> None:
    assert sentence_date(text, TUESDAY) == TUESDAY


def test_last_weekday_in_a_report_of_that_weekday_is_a_week_back() -> None:
    assert sentence_date("The plan was drawn up last Tuesday.", TUESDAY) == dt.date(2019, 4, 23)
    assert sentence_date("The plan was drawn up on Tuesday.", TUESDAY) == TUESDAY


@pytest.mark.parametrize(
    ("text", "reported", "expected"),
    [
        ("The fire started on Dec. 28 in the old town.", dt.date(2000, 1, 5), dt.date(1999, 12, 28)),
        ("The summit opens on Jan. 3 in Davos.", dt.date(1999, 12, 28), dt.date(2000, 1, 3)),
        ("The fugitive disappeared Jan. 30 into the mountains.", dt.date(1998, 9, 14), dt.date(1998, 1, 30)),
        ("Polls close on Nov. 7 across the state.", dt.date(2000, 6, 20), dt.date(1999, 11, 7)),
        ("Polls will close on Nov. 7 across the state.", dt.date(2000, 6, 20), dt.date(2000, 11, 7)),
        ("The president will deliver his budget on Jan. 27.", dt.date(1999, 12, 28), dt.date(2000, 1, 27)),
        ("On Dec. 10, the channel will air the film.", dt.date(2000, 7, 11), dt.date(2000, 12, 10)),
        ("On Dec. 10, the channel aired the film.", dt.date(2000, 7, 11), dt.date(1999, 12, 10)),
        # A misread look ahead ("would") still keeps a date of the weeks before the report in its year.
        ("The agency would lead the inquiry into the Oct. 31 crash.", dt.date(1999, 11, 15), dt.date(1999, 10, 31)),
    ],
)
def test_dates_without_a_year_take_the_year_around_the_report(text: str, reported: dt.date, expected: dt.date) -> None:
    assert sentence_date(text, reported) == expected


def test_a_day_named_in_an_aside_is_not_the_sentences_day() -> None:
    aside = "In a video posted Tuesday, Guaidó — who had called for a march on May 1 — said the plan was moved up."
    assert sentence_date(aside, TUESDAY) == TUESDAY
    # A date in brackets restates the day more often than it names another.
    bracketed = "At graduation on Friday night (April 26), the principal wore a vest."
    assert sentence_date(bracketed, TUESDAY) == dt.date(2019, 4, 26)
    # With no other day, the aside's is the sentence's.
    assert sentence_date("Guaidó — who had called for a march on May 1 — spoke.", TUESDAY) == dt.date(2019, 5, 1)


@pytest.mark.parametrize(
    "text",
    [
        "“Today, brave soldiers have followed our call,” said Guaidó.",
        '"We will march on Friday," one protester said.',
        "``On May 1 we march,'' the organiser said.",
    ],
)
def test_a_day_inside_a_quote_dates_nothing(text: str) -> None:
    assert sentence_date(text, TUESDAY) is None


def test_a_day_outside_a_quote_still_counts() -> None:
    text = "Guaidó addressed a crowd on Tuesday, saying “today we know that all Venezuelans are with us.”"
    assert sentence_date(text, TUESDAY) == TUESDAY
    assert sentence_date("“We are ready,” Guaidó said on Monday.", TUESDAY) == dt.date(2019, 4, 29)


def test_weekday_across_a_month_end() -> None:
    # Reported Friday 1 March 2024 (a leap year): "on Thursday" is 29 February.
    assert sentence_date("The bridge closed on Thursday.", dt.date(2024, 3, 1)) == dt.date(2024, 2, 29)
    assert sentence_date("The bridge closed yesterday.", dt.date(2024, 3, 1)) == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    "text",
    [
        "The army said the bases in the country were calm.",
        "Forecasters expect more heavy rain across the region.",
        "The river stood 4.7 metres above its normal level at 23:40.",
        "More than 3,000 residents were evacuated from 12 streets.",
        "Records dated 31 February were lost in the flood.",
    ],
)
def test_no_date(text: str) -> None:
    assert sentence_date(text, TUESDAY) is None


def test_relative_days_need_a_report_date() -> None:
    assert sentence_date("The army said on Monday that the bases were calm.", None) is None
    assert sentence_date("The army said yesterday that the bases were calm.", None) is None
    assert sentence_date("Talks resumed in Oslo on April 29.", None) is None  # no year to give it


def test_the_modal_may_is_not_a_month() -> None:
    assert sentence_date("Officials fear that 12 may still be missing after the flood.", TUESDAY) is None


# --- build_timeline, hand-made ------------------------------------------------------------------------------

EARLY = Document(
    "Opposition leader Juan Perez called for an uprising on Tuesday morning in the capital. "
    "The army said on Monday that all the bases in the country were calm. "
    "Protesters plan a large rally across the capital city on 1 May 2019. "
    "Officials gave no further details about the situation in the capital city.",
    id="early",
    date="2019-04-30",
)
LATER = Document(
    "Juan Perez called for an uprising in the capital yesterday morning, witnesses said. "
    "Nobody in the government has commented on the rally since then.",
    id="later",
    date="2019-05-01",
)


def test_timeline_orders_by_date_and_merges_sources() -> None:
    events = _timeline([LATER, EARLY])
    assert [e.date for e in events] == ["2019-04-29", "2019-04-30", "2019-05-01"]
    monday, tuesday, rally = events
    assert "bases in the country were calm" in monday.text and monday.sources == ["early"]
    assert "called for an uprising" in tuesday.text
    assert sorted(tuesday.sources) == ["early", "later"]  # "on Tuesday" (30 April) and "yesterday" (1 May report)
    assert "1 May 2019" in rally.text and rally.sources == ["early"]
    assert not any("no further details" in e.text or "has commented" in e.text for e in events)


def test_timeline_limit_keeps_the_most_reported() -> None:
    events = _timeline([EARLY, LATER], limit=1)
    assert len(events) == 1
    assert events[0].date == "2019-04-30"
    assert sorted(events[0].sources) == ["early", "later"]


def test_an_outlet_carrying_a_happening_undated_is_one_of_its_sources() -> None:
    undated = Document(
        "Opposition leader Juan Perez called for an uprising in the capital, his party said. "
        "Markets in the region were closed for the holiday.",
        id="undated",
    )
    copy = Document(EARLY.text, id="early-copy", date=EARLY.date)  # the same wire story again: one outlet
    events = _timeline([EARLY, undated, copy])
    tuesday = next(e for e in events if e.date == "2019-04-30")
    assert tuesday.sources == ["early", "undated"]
    monday = next(e for e in events if e.date == "2019-04-29")
    assert monday.sources == ["early"]  # no other outlet tells of the bases


def test_undated_report_keeps_only_explicit_dates() -> None:
    undated = Document(
        "The army said on Monday that all the bases in the country were calm. "
        "Protesters plan a large rally across the capital city on 1 May 2019.",
        id="undated",
    )
    events = _timeline([undated])
    assert [(e.date, e.sources) for e in events] == [("2019-05-01", ["undated"])]


def test_no_dates_no_timeline() -> None:
    assert _timeline([Document("The army said all the bases in the country were calm and quiet.", id="a")]) == []
    assert _timeline([]) == []


# --- The demo and Venezuela reports -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_timeline(demo_documents: list[Document]) -> list[TimelineEvent]:
    return _timeline(demo_documents)


def test_demo_timeline(demo_timeline, demo_documents) -> None:
    assert demo_timeline
    dates = [e.date for e in demo_timeline]
    assert dates == sorted(dates)
    # Rain "since Monday" (9 March) is the earliest day any report speaks of; the latest reports are of the 14th.
    assert all("2026-03-09" <= d <= "2026-03-14" for d in dates)
    ids = {d.id for d in demo_documents}
    assert all(e.sources and set(e.sources) <= ids for e in demo_timeline)
    # 01 (Saturday 14 March): "The embankment failed at about 23:40 on Thursday ..." -> 12 March.
    breach = [e for e in demo_timeline if "23:40 on Thursday" in e.text]
    assert [e.date for e in breach] == ["2026-03-12"]
    # "The government declared a (30-day) state of emergency in the Velmora district on Friday." is in 01
    # (Saturday report) and 02/03 (Friday reports): one event on 13 March.
    emergency = [e for e in demo_timeline if "declared a" in e.text and "state of emergency" in e.text]
    assert len(emergency) == 1
    assert emergency[0].date == "2026-03-13"
    assert {"01_northern-courier", "02_valley-herald"} <= set(emergency[0].sources)


def test_venezuela_timeline(venezuela_documents) -> None:
    events = _timeline(venezuela_documents)
    dates = [e.date for e in events]
    assert dates == sorted(dates)
    # Only 001 is dated (2019-04-30, a Tuesday): "... Juan Guaidó on Tuesday called for mass anti-government protests".
    called = [e for e in events if "on Tuesday called for mass anti-government protests" in e.text]
    assert [(e.date, e.sources) for e in called] == [("2019-04-30", ["001_39792b1896ac9294"])]


def test_every_word_the_relative_day_pattern_names_passes_its_cheap_pretest() -> None:
    # ``_date_in`` tries ``_RELATIVE`` only where ``_DAY_WORD`` ("...day") is found: each word it names must end so
    words = re.search(r"\(\{?([^()]*\|today)\)", _RELATIVE.pattern)
    assert words is not None
    for word in words.group(1).split("|"):
        assert _RELATIVE.search(f"It happened {word}.") and _DAY_WORD.search(word), word
