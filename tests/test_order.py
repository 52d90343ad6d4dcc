"""Reading order: by date, then position; undated reports on the dated ones' middle date; no opener that points back."""

from __future__ import annotations

import pytest

from chorus.models import Document, Sentence
from chorus.order import chronological, date_key


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2019-04-30", "201904300000"),
        ("2019-04-30 14:05", "201904301405"),
        ("2019-04-30T09:30:00Z", "201904300930"),
        ("20190430", "201904300000"),
        ("Published 2026-03-14", "202603140000"),
        ("", ""),
        ("April 30", ""),
    ],
)
def test_date_key(date: str, expected: str) -> None:
    assert date_key(date) == expected


def _ids(sentences: list[Sentence]) -> list[tuple[int, int]]:
    return [(s.doc_index, s.position) for s in sentences]


def test_chronological_by_date_then_position() -> None:
    documents = [
        Document("x", id="late", date="2019-05-02"),
        Document("x", id="early", date="2019-04-29"),
        Document("x", id="afternoon", date="2019-04-30 14:00"),
        Document("x", id="morning", date="2019-04-30 08:00"),
    ]
    sentences = [
        Sentence("a", 0, 0),
        Sentence("b", 2, 1),
        Sentence("c", 1, 7),
        Sentence("d", 3, 4),
        Sentence("e", 1, 2),
        Sentence("f", 2, 0),
    ]
    assert _ids(chronological(sentences, documents)) == [(1, 2), (1, 7), (3, 4), (2, 0), (2, 1), (0, 0)]


def test_same_date_orders_by_position_across_documents() -> None:
    documents = [Document("x", id="a", date="2026-03-13"), Document("x", id="b", date="2026-03-13")]
    sentences = [Sentence("a5", 0, 5), Sentence("b0", 1, 0), Sentence("a1", 0, 1), Sentence("b3", 1, 3)]
    assert [s.text for s in chronological(sentences, documents)] == ["b0", "a1", "b3", "a5"]


def test_undated_documents_read_as_published_on_the_dated_ones_middle_date() -> None:
    documents = [
        Document("x", id="undated1"),
        Document("x", id="dated", date="2026-03-14"),
        Document("x", id="undated2", date="not a date"),
        Document("x", id="earlier", date="2026-03-10"),
        Document("x", id="later", date="2026-03-20"),
    ]
    sentences = [Sentence("u2", 2, 0), Sentence("u1-late", 0, 9), Sentence("d", 1, 3), Sentence("u1", 0, 0)]
    sentences += [Sentence("early", 3, 5), Sentence("late", 4, 0)]
    # the leads of the undated reports open the 14th, beside the dated report of that day
    assert [s.text for s in chronological(sentences, documents)] == ["early", "u1", "u2", "d", "u1-late", "late"]
    undated = [Document("x"), Document("y")]
    assert [s.text for s in chronological([Sentence("b3", 1, 3), Sentence("a1", 0, 1)], undated)] == ["a1", "b3"]


def test_a_sentence_that_points_back_does_not_open_the_brief() -> None:
    documents = [Document("x", date="2019-04-30"), Document("y", date="2019-04-30")]
    sentences = [Sentence("Guaidó called for an uprising.", 1, 2), Sentence("He also called for calm.", 0, 1)]
    sentences.append(Sentence("But troops stayed loyal.", 0, 4))
    assert [s.text for s in chronological(sentences, documents)] == [
        "Guaidó called for an uprising.",
        "He also called for calm.",
        "But troops stayed loyal.",
    ]
    only_back = [Sentence("He left.", 0, 0), Sentence("They stayed.", 1, 1)]
    assert [s.text for s in chronological(only_back, documents)] == ["He left.", "They stayed."]


def test_chronological_keeps_every_sentence_and_handles_nothing() -> None:
    documents = [Document("x", date="2020-01-01"), Document("y")]
    sentences = [Sentence(str(i), i % 2, i) for i in range(7)]
    result = chronological(sentences, documents)
    assert sorted(_ids(result)) == sorted(_ids(sentences))
    assert chronological([], documents) == []


def test_a_sentence_that_points_back_follows_its_own_reports_earlier_sentence() -> None:
    documents = [Document("x", date="2019-04-30"), Document("y", date="2019-04-30")]
    lead = Sentence("Guaidó called for an uprising.", 0, 0)
    other = Sentence("Troops fired tear gas at the crowd.", 1, 1)
    continues = Sentence("He also called for calm.", 0, 3)
    quote = Sentence("“We are counting on you,” he said.", 0, 5)
    later = Sentence("The army stayed loyal.", 1, 4)
    ordered = chronological([later, quote, continues, other, lead], documents)
    # by position alone: lead, other, continues, later, quote; "he" is Guaidó, named in report 0's lead
    assert [s.text for s in ordered] == [lead.text, continues.text, quote.text, other.text, later.text]
    # with no earlier sentence of its own report, it keeps its place
    assert [s.text for s in chronological([continues, other], documents)] == [other.text, continues.text]
