"""Ages, states and days of named people: ages ("Alexis Ohanian, 34" vs "Ohanian, 33") and states of a named
person ("was freed" vs "is under house arrest", "was killed" vs "was wounded") that outlets give differently; an outlet
telling both states is recounting a change, not disagreeing; and the weekday something happened to a person named
in full ("found the body of Ritu Sachdeva on Saturday" vs "... shortly after midnight Sunday"), the day after the
verb, one day and one person in the clause, each outlet giving one; and, the same way, the weekday something happened
to a thing ("a paper being published Friday in the journal, Hydrologia" vs "will be published Saturday as a note in
the journal Hydrologia"): sentences naming one thing, clauses sharing words, and not another such
thing ("another strong earthquake struck on Sunday").

Rules from a precision audit of unannotated clusters (Multi-News and DUC 2007): reports more than a news cycle
apart (dated) give states as they stood then, and ages one year older a year later. From a second audit (the reports
of each ECB+ event, eleventh session): "fatally wounded" is killed; "is survived by" and "was hospitalized" say
nothing against a death; a state after a speech verb ("X said 50 were injured") or after a noun of its own ("an
11-year-old girl was wounded") is not the named person's; a surname two people of the story share gives no age, even
in a report that names only one of them.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from chorus.analyse import WEEKDAYS
from chorus.disagreements.claims import Days, Names, clause_bounds, concepts, grouped_claims, news_cycles_apart
from chorus.mentions import fold
from chorus.models import Disagreement, Entity, Sentence

# A person's age as news writes it: "Alexis Ohanian, 34," / "Ohanian, aged 34." / "the 34-year-old Ohanian".
_AGE_AFTER_NAME = re.compile(r"^,\s*(?:aged\s+)?(\d{1,3})(?=\s*[,.;)]|\s+(?:and|who|was|is|has|had|said|were)\b|\s*$)")
_AGE_BEFORE_NAME = re.compile(r"\b(\d{1,3})-year-old\s+$")


@dataclass(frozen=True)
class Age:
    person: str
    age: int
    phrase: str
    group: int
    doc_id: str


def read_ages(
    sentence: Sentence, group: int, doc_id: str, names: Names, shared_surnames: frozenset[str] = frozenset()
) -> list[Age]:
    """The ages a sentence gives to named people; not to a surname alone that ``shared_surnames`` (of the report's
    people) holds: "Marianne Gingrich, 48" ... "Gingrich, 56" may be her husband."""
    found = []
    text = sentence.text
    for start, spelling, named in names:
        if named[0].kind != "person" or fold(spelling) in shared_surnames:
            continue
        end = start + len(spelling)
        after = _AGE_AFTER_NAME.match(text[end:])
        before = _AGE_BEFORE_NAME.search(text[:start])
        if after:
            found.append(Age(named[0].name, int(after.group(1)), f"{spelling}, {after.group(1)}", group, doc_id))
        elif before:
            found.append(Age(named[0].name, int(before.group(1)), text[before.start() : end], group, doc_id))
    return [age for age in found if 0 < age.age < 120]


def shared_surnames_of(by_form: dict[str, list[Entity]]) -> frozenset[str]:
    """The surnames two or more people of a report share ("Newt Gingrich", "Marianne Gingrich"), folded."""
    people = {entity.name for entities in by_form.values() for entity in entities if entity.kind == "person"}
    surnames = [fold(name.split()[-1]) for name in people if len(name.split()) >= 2]
    return frozenset(surname for surname in surnames if surnames.count(surname) >= 2)


class _Told(Protocol):
    """A claim as ages, states and days are: told by one outlet (``group``: copies of one wire story are one)."""

    @property
    def group(self) -> int: ...

    @property
    def doc_id(self) -> str: ...


_T = TypeVar("_T", bound=_Told)


def _one_each(claims: list[_T], value: Callable[[_T], object]) -> list[_T]:
    """The claims whose outlet gives only one ``value`` among them: an outlet telling two is recounting a change."""
    told: defaultdict[int, set[object]] = defaultdict(set)
    for claim in claims:
        told[claim.group].add(value(claim))
    return [claim for claim in claims if len(told[claim.group]) == 1]


def _rivalled(claims: list[_T], differ: Callable[[_T, _T], bool]) -> list[_T]:
    """The claims another outlet contradicts (``differ(claim, other)``)."""
    return [a for a in claims if any(b.group != a.group and differ(a, b) for b in claims)]


def _ages_agree(a: Age, b: Age, days: Days) -> bool:
    """Two ages of one person that the time between their reports explains (55 in 1998, 56 a year later)."""
    if a.age == b.age:
        return True
    if a.doc_id not in days or b.doc_id not in days:
        return False
    earlier, later = sorted((a, b), key=lambda age: days[age.doc_id])
    years = (days[later.doc_id] - days[earlier.doc_id]) / 365.25
    return 0 <= later.age - earlier.age <= math.ceil(years)


def age_disagreements(ages: list[Age], days: Days | None = None) -> list[Disagreement]:
    """One person given different ages by different outlets (an outlet giving two ages is left out)."""
    by_person: dict[str, list[Age]] = defaultdict(list)
    for age in ages:
        by_person[age.person].append(age)
    disagreements = []
    for person, stated in by_person.items():
        consistent = _one_each(stated, lambda age: age.age)
        # Why: a later report may give an age one higher after a birthday: only ages time cannot explain clash.
        consistent = _rivalled(consistent, lambda a, b: not _ages_agree(a, b, days or {}))
        if len({age.age for age in consistent}) < 2:
            continue
        claims = grouped_claims([(age.phrase, age.doc_id, age.age) for age in consistent])
        disagreements.append(Disagreement(about=f"age of {person}", claims=claims))
    return disagreements


# A person's state as one outlet reports it. Only present or completed states count: "had been under
# house arrest" is history that agrees with "was freed"; "is under house arrest" does not.
_STATUS = {
    "free": re.compile(
        r"\b(?:was|were|has been|have been|had been|is|are)\s+(?:\w+\s+)?(?:freed|released|set free)\b"
        r"(?!\s+(?:from\s+(?:the\s+)?hospital|on bail))|\bwalked free\b",
        re.IGNORECASE,
    ),
    "held": re.compile(
        r"\b(?:is|are|remains|remain)\s+(?:still\s+)?"
        r"(?:under\s+(?:house\s+)?arrest|in\s+(?:custody|jail|prison|detention)|detained|jailed|imprisoned)\b",
        re.IGNORECASE,
    ),
    "dead": re.compile(
        r"\b(?:was|were|has been|had been)\s+(?:\w+\s+)?(?:killed|shot dead|found dead|(?:fatally|mortally)\s+wounded)\b"
        r"|\b(?:died|is dead)\b",
        re.IGNORECASE,
    ),
    # not "was hospitalized" (people die in hospital) nor "is survived by" (an obituary's family)
    "alive": re.compile(
        r"\b(?:was|were|has been|had been)\s+(?!fatally|mortally)(?:\w+\s+)?(?:injured|wounded)\b|\bsurvived\b(?!\s+by)"
        r"|\bis\s+in\s+(?:critical|serious|stable)\s+condition\b",
        re.IGNORECASE,
    ),
}
# Any state at all, as one pattern (the states' patterns are alternatives already): most sentences naming a person
# give none, and are then searched once, not once per state
_ANY_STATUS = re.compile("|".join(pattern.pattern for pattern in _STATUS.values()), re.IGNORECASE)
# States that cannot both hold of one person: an outlet saying one and another the other disagree.
OPPOSITE_STATUS = {"free": "held", "held": "free", "dead": "alive", "alive": "dead"}
# How far before a state its person may be named ("López, who said he had been freed").
STATUS_REACH = 80


@dataclass(frozen=True)
class Status:
    person: str
    state: str
    phrase: str
    group: int
    doc_id: str


# Between a person and a state: a speech verb not followed by "he"/"she" makes the person the one telling it ("Gov. Heidar
# Alishvandi said 50 were injured"); a lowercase noun or a number right before the state is its own subject ("an
# 11-year-old girl were wounded").
_TELLS = re.compile(r"\b(?:said|says|told|tells|reported|announced|according)\b(?!\s+(?:that\s+)?(?:he|she)\b)", re.IGNORECASE)
_OWN_SUBJECT = re.compile(r"(?:\b(?!(?:who|he|she|also|later|then|still)\b|\w*ly\s)[a-z][a-z-]*|\d)\s+$")


def _states_of(between: str) -> bool:
    """Whether a state after ``between`` is said of the person named just before it."""
    return not _TELLS.search(between) and not _OWN_SUBJECT.search(between)


def read_statuses(sentence: Sentence, group: int, doc_id: str, names: Names) -> list[Status]:
    """The states a sentence gives to named people: each state goes to the person named last before it."""
    text = sentence.text
    if not any(named[0].kind == "person" for _, _, named in names) or not _ANY_STATUS.search(text):
        return []
    people = [(start, start + len(spelling), named[0].name) for start, spelling, named in names if named[0].kind == "person"]
    found = []
    for state, pattern in _STATUS.items():
        for match in pattern.finditer(text):
            before = [(end, name) for start, end, name in people if end <= match.start() and match.start() - end <= STATUS_REACH]
            if not before:
                continue
            name_end, name = max(before)
            if not _states_of(text[name_end : match.start()]):
                continue
            clause_start, clause_end = clause_bounds(text, match.start(), match.end())
            found.append(Status(name, state, text[clause_start:clause_end].strip(" .!?'‘’"), group, doc_id))
    return found


def status_disagreements(statuses: list[Status], days: Days | None = None) -> list[Disagreement]:
    """One person freed in one outlet and held in another, or killed in one and injured in another."""
    states: dict[tuple[str, int], set[str]] = defaultdict(set)
    for status in statuses:
        states[(status.person, status.group)].add(status.state)
    disagreements = []
    for person, pair in sorted({(s.person, frozenset({s.state, OPPOSITE_STATUS[s.state]})) for s in statuses}, key=str):
        # Only outlets that give one side of the pair: one telling both is recounting a change.
        sides = [s for s in statuses if s.person == person and s.state in pair and not pair <= states[(person, s.group)]]
        # Why: a person held one week may be freed the next: only states told in one news cycle (or undated) clash.
        sides = _rivalled(sides, lambda s, t: t.state != s.state and not news_cycles_apart(days or {}, s.doc_id, t.doc_id))
        if {s.state for s in sides} != pair:
            continue
        claims = grouped_claims([(s.phrase, s.doc_id, s.state) for s in sides])
        disagreements.append(Disagreement(about=f"what happened to {person}", claims=claims))
    return disagreements


# What happened to someone, on a day: "finding the body of Ritu Sachdeva on Saturday", "X was arrested Monday"
_EVENTS = {
    "found": r"found|finding|discovered",
    "died": r"died|was\s+killed|was\s+shot\s+dead|was\s+murdered",
    "arrested": r"(?:was|were)\s+arrested|arrested",
    "disappeared": r"disappeared|vanished|went\s+missing",
    "sank": r"sank|went\s+down|plunged",
}
_EVENT_LABELS = {"found": "was found", "died": "died", "arrested": "was arrested", "disappeared": "disappeared", "sank": "sank"}
_EVENT = re.compile(r"\b(?:" + "|".join(f"(?P<{event}>{verbs})" for event, verbs in _EVENTS.items()) + r")\b", re.IGNORECASE)
# The day it happened, in the event's clause: "on Saturday", "shortly after midnight Sunday", "late Friday"
_EVENT_DAY = re.compile(r"\b(" + "|".join(day.capitalize() for day in WEEKDAYS) + r")\b")


@dataclass(frozen=True)
class When:
    person: str
    event: str
    day: str
    phrase: str
    group: int
    doc_id: str


def _days_after(text: str, match: re.Match[str]) -> tuple[int, int, set[str]]:
    """The bounds of a verb's clause and the weekdays written after the verb in it ("announced Wednesday that two
    Israelis arrested ..." dates the announcement, not the arrest)."""
    clause_start, clause_end = clause_bounds(text, match.start(), match.end())
    return clause_start, clause_end, {day.group(1) for day in _EVENT_DAY.finditer(text, match.end(), clause_end)}


def read_whens(sentence: Sentence, group: int, doc_id: str, names: Names) -> list[When]:
    """The weekday a sentence gives to something that happened to a named person (found, died, arrested...)."""
    text = sentence.text
    if not _EVENT_DAY.search(text):
        return []  # no weekday anywhere (most sentences): nothing to read, and the verb patterns are slower
    found = []
    for match in _EVENT.finditer(text):
        clause_start, clause_end, days = _days_after(text, match)
        # one person named in full: an individual, not "Israelis"
        people = {
            e[0].name for at, _, e in names if clause_start <= at < clause_end and e[0].kind == "person" and " " in e[0].name
        }
        if len(days) != 1 or len(people) != 1:
            continue  # no day, or several: which goes with what is not clear
        phrase = text[clause_start:clause_end].strip(" .!?'‘’")
        found.append(When(people.pop(), match.lastgroup or "", days.pop(), phrase, group, doc_id))
    return found


def when_disagreements(whens: list[When], days: Days | None = None) -> list[Disagreement]:
    """The same thing happening to one person on different days, in outlets of one news cycle, each giving one day."""
    disagreements = []
    for person, event in sorted({(w.person, w.event) for w in whens}):
        sides = _one_each([w for w in whens if (w.person, w.event) == (person, event)], lambda w: w.day)
        sides = _rivalled(sides, lambda w, v: v.day != w.day and not news_cycles_apart(days or {}, w.doc_id, v.doc_id))
        if len({w.day for w in sides}) >= 2:
            claims = grouped_claims([(w.phrase, w.doc_id, w.day) for w in sides])
            disagreements.append(Disagreement(about=f"when {person} {_EVENT_LABELS[event]}", claims=claims))
    return disagreements


# What happens to a thing on a day: "a report being published Friday", "the submarine went down on Saturday", "the
# quake struck early Sunday", "the bridge collapsed Monday"
_HAPPENINGS = {
    "published": r"published|publishes|publish",
    "sank": r"sank|went\s+down|plunged",
    "struck": r"struck|hit|rocked|jolted",
    "collapsed": r"collapsed|crashed|exploded|erupted",
}
_HAPPENING_LABELS = {"published": "was published", "sank": "sank", "struck": "struck", "collapsed": "collapsed"}
_HAPPENING = re.compile(
    # not "the hit-and-run": a noun
    r"\b(?:" + "|".join(f"(?P<{event}>{verbs})" for event, verbs in _HAPPENINGS.items()) + r")\b(?!-)",
    re.IGNORECASE,
)
# Words telling of another thing than the story's: "another strong earthquake", "a second blast", "an aftershock"
_ANOTHER = re.compile(r"\b(?:another|other|second|aftershocks?|previous|earlier|past)\b", re.IGNORECASE)
# Two clauses about one happening share this many content words besides its verb and day ("a paper being published
# Friday in the hydrology journal", "a paper on the study will be published Saturday ... in the journal")
THING_EVIDENCE = 2
# The weekdays as content words: a happening's day is not what it is about
_DAY_WORDS = frozenset(concepts(" ".join(WEEKDAYS)))


@dataclass(frozen=True)
class Happening:
    event: str
    day: str
    phrase: str
    context: frozenset[str]
    named: frozenset[str]  # the names of its sentence: what it happened to may be named there ("..., Hydrologia")
    group: int
    doc_id: str


def read_happenings(sentence: Sentence, group: int, doc_id: str, names: Names) -> list[Happening]:
    """The weekday a sentence gives to something happening to no named person (a study published, a ship sunk), with
    the words of its clause that say what happened."""
    text = sentence.text
    if not _EVENT_DAY.search(text):
        return []  # no weekday anywhere (most sentences)
    found = []
    named = frozenset(e[0].name for _, _, e in names)
    for match in _HAPPENING.finditer(text):
        # the day after the verb, as for a person ("said Tuesday that the submarine went down on Saturday")
        clause_start, clause_end, days = _days_after(text, match)
        if len(days) != 1 or any(clause_start <= at < clause_end and e[0].kind == "person" for at, _, e in names):
            continue  # no day or several; or a person's, which ``read_whens`` reads
        if _ANOTHER.search(text[clause_start:clause_end]):
            continue  # "another strong earthquake struck on Sunday": not the story's happening
        context = concepts(text[clause_start:clause_end]) - concepts(match.group(0)) - _DAY_WORDS
        phrase = text[clause_start:clause_end].strip(" .!?'‘’")
        found.append(Happening(match.lastgroup or "", days.pop(), phrase, frozenset(context), named, group, doc_id))
    return found


def happening_disagreements(happenings: list[Happening], days: Days | None = None) -> list[Disagreement]:
    """One happening given different weekdays by outlets of one news cycle, each giving one day for it. A story may
    tell of several things published or sunk ("Thursday's Journal of Hydrology", "Wednesday's Review of
    Engineering"): the two sentences must name one thing and their clauses share
    ``THING_EVIDENCE`` words."""
    disagreements = []
    for event in sorted({h.event for h in happenings}):
        sides = _one_each([h for h in happenings if h.event == event], lambda h: h.day)
        sides = _rivalled(
            sides,
            lambda h, g: (
                g.day != h.day
                and len(h.context & g.context) >= THING_EVIDENCE
                and bool(h.named & g.named)
                and not news_cycles_apart(days or {}, h.doc_id, g.doc_id)
            ),
        )
        if len({h.day for h in sides}) >= 2:
            claims = grouped_claims([(h.phrase, h.doc_id, h.day) for h in sides])
            disagreements.append(Disagreement(about=f"day it {_HAPPENING_LABELS[event]}", claims=claims))
    return disagreements
