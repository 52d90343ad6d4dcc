"""Dated happenings in order: sentences that say when something happened, with their sources.

Dates come from the sentence itself: an explicit date ("30 April 2019", "April 30", "2019-04-30"),
or a weekday / "yesterday" / "today" resolved against the report's own date: the most recent such day
on or before it, the next one on or after it when the sentence looks ahead ("will meet on Friday",
"plans to visit Napster on Wednesday", "next Monday"), and a week back for "last Tuesday" in a
Tuesday report. A date without a year is the latest such day up to a month past the report ("Dec. 28" in a
report of 5 January is the December before, "Jan. 30" in a September report that January), or the next
one when the sentence looks ahead. A day inside quotation marks dates nothing (a speaker's "today"), and a day in an
aside between dashes gives way to the sentence's own. Sentences saying the same thing on the same day are merged; a
happening's sources are counted as the brief's are (one document per independent outlet carrying its content).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from chorus.analyse import MONTHS, WEEKDAYS, content_stems, corroborating_documents, outlet_ids
from chorus.models import Document, Sentence, TimelineEvent

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\.?(?:,?\s+(\d{{4}}))?\b", re.IGNORECASE)
_MONTH_DAY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.IGNORECASE)
_RELATIVE = re.compile(
    rf"\b(?:on\s+|late\s+on\s+|early\s+on\s+|(?P<last>last)\s+|(?P<next>next|this\s+coming)\s+)?"
    rf"({'|'.join(WEEKDAYS)}|yesterday|today)\b",
    re.IGNORECASE,
)
# A clause looking ahead to the day it names: "will meet", "plans to visit", "is expected to take".
_FUTURE = r"\b(?:will|(?:plans?|planning|intends?|hopes?)\s+to|(?:is|are)\s+(?:expected|scheduled|due|set|slated)\s+to)\b"
_AHEAD = re.compile(rf"{_FUTURE}[^.;:!?,]*$", re.IGNORECASE)
# Before a date, also: "the planned Oct. 1 parade", "starting April 1", "would hear arguments on May 8" (a date's year
# is chosen within ten months, so a misread marker costs less than a weekday's week).
_DATE_AHEAD = re.compile(
    rf"(?:{_FUTURE}|\b(?:planned|starting|beginning|upcoming|scheduled|due|next|until|would|set\s+for)\b)[^.;:!?,]*$",
    re.IGNORECASE,
)
# ... or a sentence opening on the day: "Wednesday the dispute is expected to take a turn", "On Dec. 10, Discovery will
# air" (not "On Monday, officials said the council will vote")
_OPENS_AHEAD = re.compile(rf"[^.;:!?]{{0,60}}?{_FUTURE}", re.IGNORECASE)
_OPENING = re.compile(r"[\s“\"]*(?:on\s+)?", re.IGNORECASE)
_SPEECH = re.compile(r"\b(?:said|says|told|announced|reported)\b", re.IGNORECASE)


def _looks_ahead(text: str, start: int, end: int, before: re.Pattern[str]) -> bool:
    """Whether the sentence speaks of the day at ``text[start:end]`` as still to come."""
    if before.search(text, 0, start):
        return True
    if not _OPENING.fullmatch(text, 0, start):
        return False
    opening = _OPENS_AHEAD.match(text, end)
    return bool(opening) and not _SPEECH.search(opening[0])


def _report_date(document: Document) -> dt.date | None:
    moment = document.published
    return moment.date() if moment else None


# An aside between dashes: "Guaidó — who had been calling for a demonstration May 1 — said ...". (A date in brackets
# mostly restates the day: "at graduation Friday night (May 21)".)
_ASIDE = re.compile(r"\s[—–]\s[^—–]{1,200}?\s[—–]\s")


# Words in quotation marks: a speaker's "today" or "on Friday" dates the speech, which the attribution dates, if anything.
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"|``.*?''")


def sentence_date(text: str, reported: dt.date | None) -> dt.date | None:
    """The date a sentence speaks of outside its quotes, or None: its main clause's, when an aside names another day."""
    text = _QUOTED.sub(lambda quote: " " * len(quote[0]), text)
    main = _ASIDE.sub(lambda aside: " " * len(aside[0]), text)
    if main != text and (date := _date_in(main, reported)):
        return date
    return _date_in(text, reported)


# Cheap tests before the date patterns, which are slow to fail and fail on most sentences: each is a part its patterns
# require, so a sentence failing it cannot match them. Every explicit date has a digit (``_ISO``, ``_DAY_MONTH``,
# ``_MONTH_DAY``), and every day ``_RELATIVE`` names ends in "day" (the weekdays, "yesterday", "today").
_DIGIT = re.compile(r"\d")
_DAY_WORD = re.compile(r"day\b", re.IGNORECASE)


def _date_in(text: str, reported: dt.date | None) -> dt.date | None:
    numbered = _DIGIT.search(text) is not None
    if numbered and (match := _ISO.search(text)):
        return _date(int(match[1]), int(match[2]), int(match[3]))
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)) if numbered else ():
        if match := pattern.search(text):
            if not match[month_group][0].isupper():
                continue  # "12 may still be missing": the modal verb, not the month
            month, day = MONTHS[match[month_group].lower().rstrip(".")], int(match[day_group])
            if match[3]:
                years = [int(match[3])]
            elif reported:
                years = [reported.year - 1, reported.year, reported.year + 1]
            else:
                continue
            dates = [date for year in years if (date := _date(year, month, day))]
            if len(dates) == 1 or (dates and not reported):
                return dates[0]
            if dates and reported:
                return _year_around(dates, reported, _looks_ahead(text, match.start(), match.end(), _DATE_AHEAD))
    if reported and _DAY_WORD.search(text) and (match := _RELATIVE.search(text)):
        word = match[3].lower()
        if word == "today":
            return reported if _tells_of_a_day(text) else None
        if word == "yesterday":
            return reported - dt.timedelta(days=1)
        weekday = WEEKDAYS.index(word)
        if match["next"] or _looks_ahead(text, match.start(), match.end(), _AHEAD):
            return reported + dt.timedelta(days=(weekday - reported.weekday()) % 7 or (7 if match["next"] else 0))
        back = (reported.weekday() - weekday) % 7 or (7 if match["last"] else 0)
        return reported - dt.timedelta(days=back)
    return None


# "Today" in a sentence told in the past ("Egypt today gave Israel three weeks") or ahead ("the board will hear it
# today") is the report's day; in one told in the present it means "nowadays" ("Navajos today number 250,000", "Today
# he lives with steel rods in his spine") and dates nothing.
_PAST_OR_AHEAD = frozenset(
    "said told says will was were had did gave took made met began came went won lost fell rose struck sent spoke saw"
    " found brought stood sought shot fought ran led left held became wrote broke chose drew drove flew got grew knew"
    " paid sold taught threw withdrew built spent bought caught thought kept felt heard meant dealt sank shook swore"
    " hit quit cut set put".split()
)
# "-ed" words after these are states, not past happenings: "remain guarded", "is expected", "have been passed down"
_STATE_BEFORE = frozenset("is are am be been being remain remains seem seems stay stays get gets".split())
# Words ending in "-ed" that are no past tense: "sacred songs are still sung today", "a hundred", "succeed"
_NOT_PAST = frozenset(
    "hundred sacred naked wicked rugged beloved kindred wretched crooked ragged indeed based speed breed greed creed bleed"
    " proceed succeed exceed".split()
)
_WORDS = re.compile(r"[a-z']+")


def _tells_of_a_day(text: str) -> bool:
    """Whether a sentence is told in the past or looking ahead (a past-tense or speech verb, "will"), so its "today"
    is a day and not "nowadays"."""
    words = _WORDS.findall(text.lower())
    for index, word in enumerate(words):
        if word in _PAST_OR_AHEAD:
            return True
        if (
            word.endswith("ed")
            and len(word) > 4
            and word not in _NOT_PAST
            and (index == 0 or words[index - 1] not in _STATE_BEFORE)
        ):
            return True
    return False


# How far past its report a date without a year may fall and still be this year's: "the summit on May 25" in a report
# of 3 May. News looks back far more often than ahead, so farther ones are last year's unless the clause looks ahead
# ("will vote on Nov. 7" in June), and even then a date within ten months: a misread marker costs at most that.
AHEAD_DAYS = 31
LOOKING_AHEAD_DAYS = 300


def _year_around(dates: list[dt.date], reported: dt.date, ahead: bool) -> dt.date:
    """The latest of one day and month in the years around a report's that is no more than ``AHEAD_DAYS`` past it
    ("disappeared Jan. 30" in a September report is that January; "Dec. 28" in a report of 5 January is the December
    just gone), or ``LOOKING_AHEAD_DAYS`` when the sentence looks ahead ("will deliver it on Jan. 27")."""
    reach = LOOKING_AHEAD_DAYS if ahead else AHEAD_DAYS
    return max((date for date in dates if (date - reported).days <= reach), default=dates[0])


def _date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when there is no such day ("31 February")."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@dataclass
class _Happening:
    date: dt.date
    row: int  # index of the sentence shown, in ``sentences``
    words: set[str]
    carrying: set[int] = field(default_factory=set)  # documents dating it to ``date``


def build_timeline(
    sentences: list[Sentence],
    documents: list[Document],
    sentence_tokens: list[list[str]],
    groups: list[int],
    support_threshold: float = 0.5,
    limit: int = 12,
) -> list[TimelineEvent]:
    """Up to ``limit`` dated happenings, the most widely reported kept, in date order (``sentence_tokens``: each
    sentence's ``analyse.tokens``, in ``sentences``' order).

    A happening's sources are counted as the brief's are: one document per independent outlet (``groups``) carrying
    its content (``analyse.corroborating_documents`` at ``support_threshold``), dated or not, and every document
    dating a sentence like it to the same day."""
    reported = [_report_date(d) for d in documents]
    happenings: list[_Happening] = []
    for row, sentence in enumerate(sentences):
        if not 6 <= sentence.words <= 45 or not sentence.text.endswith((".", "”", '"')):
            continue
        when = sentence_date(sentence.text, reported[sentence.doc_index])
        if when is None:
            continue
        words = content_stems(sentence_tokens[row])  # the sentence's tokens, read once by the pipeline
        for happening in happenings:
            signature = happening.words
            if happening.date == when and words and len(words & signature) / min(len(words), len(signature)) >= 0.5:
                happening.carrying.add(sentence.doc_index)
                break
        else:
            happenings.append(_Happening(when, row, words, {sentence.doc_index}))
    carried = corroborating_documents(
        [h.row for h in happenings], sentence_tokens, [s.doc_index for s in sentences], support_threshold
    )
    events = [
        (h.date, sentences[h.row].text, outlet_ids(sentences[h.row].doc_index, h.carrying | docs, groups, documents))
        for h, docs in zip(happenings, carried, strict=True)
    ]
    kept = sorted(events, key=lambda e: -len(e[2]))[:limit]
    kept.sort(key=lambda e: e[0])
    return [TimelineEvent(date=date.isoformat(), text=text, sources=sources) for date, text, sources in kept]
