"""The dataclasses' derived fields: when a document was published."""

from __future__ import annotations

import datetime as dt

import pytest

from chorus.models import Document, published_at


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2019-04-30", dt.datetime(2019, 4, 30)),
        ("2019-04-30 14:05", dt.datetime(2019, 4, 30, 14, 5)),
        ("2019-04-30T09:30:00Z", dt.datetime(2019, 4, 30, 9, 30)),
        ("20190430", dt.datetime(2019, 4, 30)),
        ("Published 2026-03-14", dt.datetime(2026, 3, 14)),
        # US newswire writes the month first
        ("06/10/1998 11:09:00", dt.datetime(1998, 6, 10, 11, 9)),
        ("09/10/1998", dt.datetime(1998, 9, 10)),
        # not a real day, or no date at all
        ("2019-13-45", None),
        ("02/30/2019", None),
        ("", None),
        ("April 30", None),
        ("12019043012", None),
    ],
)
def test_published_at(date: str, expected: dt.datetime | None) -> None:
    assert published_at(date) == expected


def test_document_published_reads_its_date() -> None:
    assert Document("x", date="2019-04-30 14:00").published == dt.datetime(2019, 4, 30, 14, 0)
    assert Document("x").published is None
