"""Put the chosen sentences in reading order: by event time (document date, then position)."""

from __future__ import annotations

import re

from chorus.models import Document, Sentence

_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})(?:[T _]?(\d{1,2}):?(\d{2}))?")


def date_key(date: str) -> str:
    """A sortable ``YYYYMMDDHHMM`` key from an ISO-like date, or "" when there is none."""
    match = _DATE.search(date or "")
    if not match:
        return ""
    year, month, day, hour, minute = match.groups()
    return f"{year}{month}{day}{hour or '00':0>2}{minute or '00'}"


def chronological(sentences: list[Sentence], documents: list[Document]) -> list[Sentence]:
    """Sentences sorted by their document's date, then by their position in it.

    Undated documents sort after dated ones, keeping input order among themselves; at equal dates
    earlier positions come first, so the leads that set the scene open the brief.
    """

    def key(sentence: Sentence) -> tuple[int, str, int, int]:
        date = date_key(documents[sentence.doc_index].date)
        return (0 if date else 1, date, sentence.position, sentence.doc_index)

    return sorted(sentences, key=key)
