"""What every kind of disagreement uses: the claims of one position grouped with the outlets holding them, the
clause a claim sits in, the content words saying what a clause is about, and the day a report was published.

Claims are compared only across independent outlets (copies of one wire story are one outlet), and a
claim is shown as the clause its figure or state sits in. Reports more than a news cycle apart (dated) give
counts, stances and states as they stood then (``NEWS_CYCLE_DAYS``, ``news_cycles_apart``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chorus.analyse import STOPWORDS, stem
from chorus.mentions import fold
from chorus.models import Claim, Entity

# The names found in a sentence: (start, spelling, entities written that way).
Names = Sequence[tuple[int, str, list[Entity]]]
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "dozen": 12}
SCALES |= {"trillion": 1_000_000_000_000, "k": 1_000, "m": 1_000_000, "bn": 1_000_000_000}  # "£3k", "$2m", "$1bn"
# Words that name the same predicate in different outlets' (or translators') words.
SYNONYMS = {
    "kill": "death", "die": "death", "dead": "death", "death": "death", "toll": "death", "life": "death",
    "person": "people", "peopl": "people", "resid": "people", "inhabit": "people", "citizen": "people", "di": "death",
    "evacu": "evacuate", "flee": "evacuate", "fled": "evacuate",
    "injur": "injure", "wound": "injure", "hurt": "injure",
    "ambush": "attack", "assault": "attack", "raid": "attack", "detain": "arrest",
    "murder": "death", "slain": "death", "fatal": "death",
    # who is aboard a ship or a plane: "a 107-man crew", "107 personnel", "116 sailors"
    "sailor": "crew", "seamen": "crew", "crewmen": "crew", "crewman": "crew", "personnel": "crew", "crew": "crew",
}  # fmt: skip


def concepts(text: str) -> set[str]:
    # Number words are left out: the values are what is compared, the words around them say what of.
    words = {
        stem(w)
        for w in re.findall(r"[a-z]+", fold(text))
        if w not in STOPWORDS and w not in NUMBER_WORDS and w not in SCALES and len(w) > 2
    }
    return {SYNONYMS.get(w, w) for w in words}


# Where a clause ends: a figure's context is its own clause ("averaged about 70 degrees, but inside
# the truck it reached 120 degrees" gives each figure a different context).
_CLAUSE_BREAK = re.compile(r",(?!\d)|[;:()\"“”—]|\s[-–]\s|\bbut\b|\bwhile\b|\bwhereas\b", re.IGNORECASE)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause of ``text`` holding ``text[start:end]``."""
    before = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)]
    after = _CLAUSE_BREAK.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


Days = dict[str, int]  # a dated document's publication day (proleptic ordinal), by document id


# Reports of one event within this many days are one news cycle: a toll that rose overnight ("nine dead",
# then "12 dead") is shown as sources differing; reports farther apart tell the story at different moments.
NEWS_CYCLE_DAYS = 2


def news_cycles_apart(days: Days, a: str, b: str) -> bool:
    """Two documents published more than a news cycle apart (both dated)."""
    return a in days and b in days and abs(days[a] - days[b]) > NEWS_CYCLE_DAYS


def grouped_claims(items: list[tuple[str, str, object]]) -> list[Claim]:
    """One claim per distinct position, with the documents holding it (first wording kept)."""
    by_position: dict[object, Claim] = {}
    for text, doc_id, position in items:
        claim = by_position.setdefault(position, Claim(text=text, sources=[]))
        if doc_id not in claim.sources:
            claim.sources.append(doc_id)
    return list(by_position.values())
