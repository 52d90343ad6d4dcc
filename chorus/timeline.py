"""Dated happenings in order: sentences that say when something happened, with their sources.

Dates come from the sentence itself: an explicit date ("30 April 2019", "April 30", "2019-04-30"),
or a weekday / "yesterday" / "today" resolved against the report's own date (the most recent
such day on or before it). Sentences saying the same thing on the same day are merged.
"""

from __future__ import annotations

import datetime as dt
import re

from chorus.analyse import MONTHS, WEEKDAYS, content_stems, tokens
from chorus.models import Document, Sentence, TimelineEvent
from chorus.order import date_key

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\.?(?:,?\s+(\d{{4}}))?\b", re.IGNORECASE)
_MONTH_DAY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.IGNORECASE)
_RELATIVE = re.compile(rf"\b(?:on\s+|late\s+on\s+|early\s+on\s+|last\s+)?({'|'.join(WEEKDAYS)}|yesterday|today)\b", re.IGNORECASE)


def _report_date(document: Document) -> dt.date | None:
    key = date_key(document.date)
    if not key:
        return None
    try:
        return dt.date(int(key[:4]), int(key[4:6]), int(key[6:8]))
    except ValueError:
        return None


def sentence_date(text: str, reported: dt.date | None) -> dt.date | None:
    """The date a sentence speaks of, or None."""
    if match := _ISO.search(text):
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        if match := pattern.search(text):
            if not match[month_group][0].isupper():
                continue  # "12 may still be missing": the modal verb, not the month
            year = int(match[3]) if match[3] else (reported.year if reported else None)
            if year is None:
                continue
            try:
                return dt.date(year, MONTHS[match[month_group].lower().rstrip(".")], int(match[day_group]))
            except ValueError:
                continue
    if reported and (match := _RELATIVE.search(text)):
        word = match[1].lower()
        if word == "today":
            return reported
        if word == "yesterday":
            return reported - dt.timedelta(days=1)
        back = (reported.weekday() - WEEKDAYS.index(word)) % 7
        return reported - dt.timedelta(days=back)
    return None


def build_timeline(sentences: list[Sentence], documents: list[Document], limit: int = 12) -> list[TimelineEvent]:
    """Up to ``limit`` dated happenings, the most widely reported kept, in date order."""
    reported = [_report_date(d) for d in documents]
    events: list[tuple[dt.date, str, set[str], list[str]]] = []
    for sentence in sentences:
        if not 6 <= sentence.words <= 45 or not sentence.text.endswith((".", "”", '"')):
            continue
        when = sentence_date(sentence.text, reported[sentence.doc_index])
        if when is None:
            continue
        words = content_stems(tokens(sentence.text))
        doc_id = documents[sentence.doc_index].id
        for date, _, signature, sources in events:
            if date == when and words and len(words & signature) / min(len(words), len(signature)) >= 0.5:
                if doc_id not in sources:
                    sources.append(doc_id)
                break
        else:
            events.append((when, sentence.text, words, [doc_id]))
    kept = sorted(events, key=lambda e: -len(e[3]))[:limit]
    kept.sort(key=lambda e: e[0])
    return [TimelineEvent(date=e[0].isoformat(), text=e[1], sources=e[3]) for e in kept]
