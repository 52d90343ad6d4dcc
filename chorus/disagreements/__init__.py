"""Where sources differ: the same quantity given different values, the same actor given opposite
stances, one person given different ages or states. Precision comes first (a false disagreement
misleads), so a pair of claims must be about the same thing by several signals before it is shown:

- counts and sums: values, ranges ("between 18 and 22", "40-50") and bounds ("more than 50") of the same
  noun class ("people"/"victims"/"others" count people; "fighters"/"militants" attackers; "crew"/"sailors"/
  "personnel" who is aboard, one in a story; "the death toll climbed to 40" the dead), with the
  same time frame ("each year", "since 1990"), the same kind ("killed" vs "wounded") and, for sums, the
  same role ("total", "fine"). Near values (within 10%) need two shared words of their clause, values
  farther apart a shared "what happened" or three words; values more than 2x apart, values an outlet
  gives both of, and relative counts ("the other three") against totals are never compared. Same
  values disagree only through incompatible qualifiers ("more than 50" vs "around 50"); an approximation
  agrees with an exact value within its tolerance ("nearly two dozen" and 23); an earthquake's magnitudes
  (6 vs 6.2) when they are a revision apart and name the same places, not an aftershock's or a past quake's;
- measures, converted to metres whatever unit each outlet used ("about 100 meters deep" vs "some 450 feet
  down"): depths, areas and storeys of the story; lengths and heights only when their clauses share a word (a
  story may measure several things); distances only from the same named place; within 10% they agree (a
  conversion rounded);
- stances: opposite verbs ("condemned" vs "announced their support for", "blamed" vs "praised")
  of the same named actors, sharing two actors or one actor and two words of what the stance is
  about; a negation ("did not support") flips the verb;
- ages ("Alexis Ohanian, 34" vs "Ohanian, 33") and states of a named person ("was freed" vs "is under
  house arrest", "was killed" vs "was wounded") that outlets give differently; an outlet telling both
  states is recounting a change, not disagreeing; and the weekday something happened to a person named in full
  ("found the body of Ritu Sachdeva on Saturday" vs "... shortly after midnight Sunday"), the day after the verb,
  one day and one person in the clause, each outlet giving one.

Claims are compared only across independent outlets (copies of one wire story are one outlet), and a
claim is shown as the clause its figure or state sits in.

Rules from a precision audit of unannotated clusters (Multi-News and DUC 2007): round figures agree with the
values they round ("more than 500" and 535, "2,000 stores" and 2,192); "17 or 18" is an estimate; counts in
another place ("in the Caribbean", "where 1,000 died") or of a part ("in the latest sweep") are not totals; a
difference ("$5 more") is not a sum; reports more than a news cycle apart (dated) give counts, stances and
states as they stood then, and ages one year older a year later; stance words used as nouns ("his support in
the polls", "the blame game") or under a condition ("unless he apologises") take no stance, a stance covers
only its own object, and stances towards different named targets do not clash.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Protocol, TypeVar

from chorus.analyse import MONTHS, STOPWORDS, WEEKDAYS, stem
from chorus.disagreements.claims import NUMBER_WORDS, SCALES, SYNONYMS, Days, Names, _apart, _claims, _clause, _concepts, _day
from chorus.entities import find_names, fold, spellings_in
from chorus.models import Disagreement, Document, Entity, Sentence

LOWER_BOUND = ("more than", "over", "at least", "upwards of", "in excess of", "no fewer than")
APPROXIMATE = ("around", "about", "nearly", "almost", "some", "roughly", "approximately", "close to", "an estimated")
UPPER_BOUND = ("up to", "fewer than", "less than", "as many as", "under")
_QUALIFIER = "|".join(sorted(LOWER_BOUND + APPROXIMATE + UPPER_BOUND, key=len, reverse=True))
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
# "Forty-six people": a number word of tens and units, hyphenated, before the single words
_NUMBER = rf"\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+(?:\.\d+)?|(?:{_TENS})-(?:{_UNITS})|" + "|".join(
    sorted(NUMBER_WORDS, key=len, reverse=True)
)
# A value or a range: "22", "between 18 and 22", "18 to 22", "40-50", "between 130-170".
_SPAN = (
    rf"between\s+(?P<between_low>{_NUMBER})\s+and\s+(?P<between_high>{_NUMBER})"
    rf"|(?:(?:between|from)\s+)?(?P<low>{_NUMBER})(?:\s*[-–]\s*|\s+to\s+)(?P<high>{_NUMBER})"
    rf"|(?P<or_low>{_NUMBER})\s+or\s+(?P<or_high>{_NUMBER})"
    rf"|(?P<value>{_NUMBER})"
)
# The counted noun after a figure: a plural, or one of the nouns counted without an -s
_COUNT_NOUN = r"[a-z]+s|people|[a-z]*men|children|dead|killed|personnel|crew"
_QUANTITY = re.compile(
    rf"(?<![\w$€£.,:/-])(?:(?P<qualifier>{_QUALIFIER})\s+)?(?P<half>half\s+an?\s+)?(?:{_SPAN})(?:-(?:man|member|strong)(?=\s+crew))?"
    rf"(?:\s+(?P<scale>hundred|thousand|million|billion|dozen))?"
    rf"\s+(?P<between>(?:[a-z]+(?:-[a-z]+)*\s+){{0,2}}?)(?P<unit>{_COUNT_NOUN})\b(?![-'’])",
    re.IGNORECASE,
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?"
_MONEY_SCALE = r"(?:\s?(?:trillion|million|billion|thousand|bn|m|k)\b)?"
# A sum or a range of sums: "£4,500", "$2.1 million", "$3-$4 million", "from $7 billion to $15 billion".
_MONEY = re.compile(
    rf"(?:(?P<qualifier>{_QUALIFIER})\s+)?(?P<currency>[$€£])\s?(?P<value>{_DIGITS})(?P<scale>{_MONEY_SCALE})"
    rf"(?:\s*(?:-|–|to)\s*[$€£]?\s?(?P<high>{_DIGITS})(?P<high_scale>{_MONEY_SCALE}))?",
    re.IGNORECASE,
)
_DIFFERENCE = re.compile(r"\s+(?:more|less|extra|higher|lower|cheaper|above|below)\b", re.IGNORECASE)
_ANY_NUMBER = re.compile(r"\d|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)
_POSITIVE = re.compile(
    r"\b(?:support(?:s|ed)?|(?:their|its|his|her)\s+support\s+(?:for|to)|back(?:s|ed)|prais(?:e|es|ed)"
    r"|welcom(?:e|es|ed)|endors(?:e|es|ed)|applaud(?:s|ed)?|thank(?:s|ed)?|hail(?:s|ed)?)\b",
    re.IGNORECASE,
)
_NEGATIVE = re.compile(
    r"\b(?:condemn(?:s|ed)?|reject(?:s|ed)?|denounc(?:e|es|ed)|oppos(?:e|es|ed)|critici[sz](?:e|es|ed)"
    r"|blam(?:e|es|ed)|slam(?:s|med)?|decr(?:y|ies|ied)|accus(?:e|es|ed))\b",
    re.IGNORECASE,
)
# A stance word used as a noun: after a determiner or possessive ("his support", "the GOP's blame") or after an
# object pronoun ("gives them both support"); only "their support for/to" (matched whole) is a stance.
_STANCE_NOUN = re.compile(
    r"(?:\b(?:the|a|an|his|her|its|their|our|my|your|this|no|any|much|strong|public|full)|['’]s"
    r"|\b(?:them|him|us|me)(?:\s+\w+)?"
    # "to bolster support for sovereignty", "won backing": support sought or won, a noun
    r"|\b(?:bolster\w*|boost\w*|win|wins|winning|won|gain\w*|rall(?:y|ied|ying)|drum\w*\s+up|shore\w*\s+up|garner\w*"
    r"|muster\w*|enjoy\w*|lose|loses|losing|lost|need\w*|want\w*|seek\w*|sought))\s+$",
    re.IGNORECASE,
)
_POSSESSIVE_SUPPORT = re.compile(r"(?:their|its|his|her)\s+support", re.IGNORECASE)
# A stance under a condition ("unless he apologises", "depends on what he does") is not one taken.
_CONDITION = re.compile(r"\b(?:unless|if|depends\s+on|depending\s+on|provided\s+(?:that\s+)?\w+|as\s+long\s+as)\b", re.IGNORECASE)
_HYPOTHETICAL = re.compile(r"\b(?:could|would|might|may)\s+(?:\w+\s+)?$", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|n't|never|no longer|refused to)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def _number(text: str, scale: str | None) -> float | None:
    text = text.lower().replace(",", "")
    if re.fullmatch(rf"(?:{_TENS})-(?:{_UNITS})", text):
        tens, units = text.split("-")  # "forty-six"
        text = str(NUMBER_WORDS[tens] + NUMBER_WORDS[units])
    value = float(NUMBER_WORDS[text]) if text in NUMBER_WORDS else float(text) if re.fullmatch(r"\d+(?:\.\d+)?", text) else None
    if value is not None and scale:
        value *= SCALES[scale.lower()]
    return value


def _qualifier_class(qualifier: str | None) -> str:
    if not qualifier:
        return "exact"
    qualifier = qualifier.lower()
    if qualifier in LOWER_BOUND:
        return "lower"
    if qualifier in UPPER_BOUND:
        return "upper"
    return "approx"


TIME_UNITS = frozenset(
    stem(word) for word in ("days", "hours", "minutes", "weeks", "months", "years", "times", "seconds", "decades", "centuries")
)
# Predicates that name what happened to the counted (death, evacuation, injury): two counts with
# different ones are different quantities, however alike their sentences.
KEY_PREDICATES = frozenset({"death", "evacuate", "injure", "missing", "arrest", "rescu"})
# Nouns that count people in general: "21 people", "21 persons", "21 victims" can be one count.
PEOPLE_NOUNS = frozenset(stem(word) for word in ("people", "persons", "victims", "others", "individuals", "civilians"))
# Nouns for armed attackers: outlets name the same group "fighters", "militants", "gunmen".
ATTACKER_NOUNS = frozenset(
    stem(word) for word in ("fighters", "militants", "gunmen", "attackers", "insurgents", "assailants", "jihadists", "rebels")
)
# What a sum of money is: two sums are one quantity only when their clauses name the same role.
MONEY_ROLES = frozenset(
    stem(word)
    for word in (
        "total totalling raised donations fundraising fine bail reward ransom price cost costs salary damage damages loss "
        "losses budget contract settlement compensation bonus debt tax revenue profit grant payment bill fee fees award "
        "surplus surpluses deficit"
    ).split()
)
# Counts named by what happened to them ("21 killed", "nine dead", "40 lives" when lost: ``_LIVES_LOST``) are
# counts of people.
DEATH_UNITS = frozenset({"dead", "killed", "deaths", "fatalities", "lives"})
# "claimed 40 lives", "cost 12 lives": lives counted as lost (not "saved 12 lives")
_LIVES_LOST = re.compile(r"\b(?:claim\w*|took|taken|tak\w+|cost\w*|lost|los\w+)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
# A time frame makes a count a rate or a running total ("37 children each year", "30 children since
# 1990"): counts with different frames are different quantities.
_FRAME = re.compile(
    r"\b(?:(?:each|every|per|a)\s+(?:year|month|week|day)|annually|since\s+(?:\d{4}|\w+\s+\d{4})|"
    r"(?:this|last|that)\s+(?:year|month|week|summer|winter|spring|fall|decade)|so\s+far|to\s+date|in\s+(?:\w+\s+)?\d{4}"
    r"|between\s+(?:the\s+years\s+(?:of\s+)?)?\d{4}\s+and\s+\d{4}"
    r"|(?:in|during)\s+(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b|over\s+the\s+past\s+\w+\s+\w+)",
    re.IGNORECASE,
)
# Two values this close (relative gap) are likely one quantity reported differently (20 vs 21,
# 62 vs 64, 40-50 vs 50); farther apart values need stronger evidence of being the same thing.
NEAR = 0.1


# A capitalised name after "in" ("in the Caribbean", "in Breezy Point"): where a count happened.
_UNNAMED_PLACE = re.compile(r"\b[Ii]n\s+(?:the\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)")
# Words that make a count a part of a larger one: a new round, an addition, one place or day alone.
_PART = re.compile(r"\b(?:latest|additional|further|another|alone)\b", re.IGNORECASE)
NOT_PLACES = frozenset(MONTHS) | frozenset(WEEKDAYS) | {"addition", "total", "all"}


@dataclass
class _Quantity:
    low: float
    high: float
    qualifier: str  # exact, lower, upper, approx or range
    unit: str
    phrase: str
    context: frozenset[str]  # content words of its clause, its own words left out
    group: int
    doc_id: str
    noun: str = ""  # the counted noun as written ("students")
    modifiers: frozenset[str] = frozenset()  # words between the number and its noun ("injured")
    predicate: frozenset[str] = frozenset()  # content words right next to it ("were killed", "killing")
    key: frozenset[str] = frozenset()  # what happened to the counted ("death"), or what a sum is ("total")
    frame: str = ""  # its time frame ("each year", "since 1990"), or ""
    relative: bool = False  # counted apart from someone else: "the other three", "10 others"
    places: frozenset[str] = frozenset()  # places named in its clause ("in New York City"), "where" and "part" markers

    @property
    def position(self) -> tuple[float, float, str]:
        return (self.low, self.high, self.qualifier)


@dataclass
class _Stance:
    polarity: int
    actors: set[str]
    about: set[str]
    phrase: str
    group: int
    doc_id: str
    verb: str = field(default="")
    target: str = ""  # the named entity the stance is towards, or ""


def _unit_class(unit: str) -> str:
    """The counted thing's class: stemmed, with synonyms and people/attacker nouns merged."""
    word = stem(unit.lower())
    if unit.lower() in DEATH_UNITS or word in PEOPLE_NOUNS:
        return "people"
    if word in ATTACKER_NOUNS:
        return "attacker"
    return SYNONYMS.get(word, word)


def _is_label(text: str, start: int) -> bool:
    """A number right after a capitalised word or a month is a name or a date ("NBC 7", "May 16")."""
    previous = re.search(r"([A-Za-z][\w.]*)\s+$", text[:start])
    if not previous:
        return False
    word = previous.group(1)
    return word.rstrip(".").lower() in MONTHS or (word[0].isupper() and start > len(word) + 1 and word.lower() not in STOPWORDS)


def _span(match: re.Match[str]) -> tuple[float, float, str] | None:
    """The value (low, high) and qualifier class of a quantity match, or None when it is no count."""
    scale = match.group("scale")
    if match.group("value"):
        value = _number(match.group("value"), scale)
        if value is None:
            return None
        return value, value, _qualifier_class(match.group("qualifier"))
    if match.group("or_low"):
        # Why: "17 or 18 miles" is the writer's estimate, not a claimed range: it agrees with values near it.
        low, high = _number(match.group("or_low"), scale), _number(match.group("or_high"), scale)
        if low is None or high is None:
            return None
        return min(low, high), max(low, high), "approx"
    low_text = match.group("between_low") or match.group("low")
    high_text = match.group("between_high") or match.group("high")
    compound = f"{low_text}-{high_text}"
    if compound in match.group(0) and re.fullmatch(rf"(?:{_TENS})-(?:{_UNITS})", compound, re.IGNORECASE):
        value = _number(compound, scale)  # "Forty-six", not the range 40-6
        return (value, value, _qualifier_class(match.group("qualifier"))) if value is not None else None
    low, high = _number(low_text, scale), _number(high_text, scale)
    if low is None or high is None or low >= high:
        return None  # "5-1" is a score, not a range
    return low, high, "range"


@dataclass(frozen=True)
class _Setting:
    """What surrounds a figure in its sentence."""

    clause: str
    context: frozenset[str]
    predicate: frozenset[str]
    frame: str
    places: frozenset[str]


def _setting(text: str, start: int, end: int, previous_end: int, names: Names, own_words: str) -> _Setting:
    """The clause of ``text[start:end]``, its content words and the words right next to the figure."""
    clause_start, clause_end = _clause(text, start, end)
    # The words describing the noun ("high school swimmers") are context too: the number alone is left out.
    context = _concepts(f"{text[clause_start:start]} {own_words} {text[end:clause_end]}")
    before = text[max(clause_start, previous_end) : start].split()[-4:]
    after = text[end:clause_end].split()[:4]
    frame = _FRAME.search(text[clause_start:clause_end])
    places = {named[0].name for at, _, named in names if clause_start <= at < clause_end and named[0].kind == "place"}
    # Why: "69 killed in the Caribbean" counts one place even when the place is named once (no entity):
    # an unnamed capitalised place after "in" keeps it apart from a total or another place's count.
    named_at = {at for at, _, named in names if named[0].kind == "place"}
    for where in _UNNAMED_PLACE.finditer(text, clause_start, clause_end):
        if where.group(1).lower() not in NOT_PLACES and not any(where.start(1) <= at < where.end(1) for at in named_at):
            places.add(fold(where.group(1)))
    if re.match(r"\s*where\b", text[clause_start:clause_end], re.IGNORECASE):
        places.add("where")  # why: "In Istanbul, where 1,000 died" counts the place named before, a part of a toll
    if _PART.search(text[clause_start:clause_end]):
        places.add("part")  # why: "129 arrested in the latest sweep" is a part of the 194 arrested in all
    return _Setting(
        # The claim shown is the figure's clause: "64 swimmers and three coaches were out swimming".
        text[clause_start:clause_end].strip(" .!?'‘’"),
        frozenset(context),
        frozenset(_concepts(" ".join(before + after))),
        _frame_key(frame.group(0)) if frame else "",
        frozenset(places),
    )


def _quantities(sentence: Sentence, group: int, doc_id: str, names: Names = ()) -> list[_Quantity]:
    """The counts ("22 students", "between 18 and 22 students"), sums of money ("£4,500"), magnitudes and
    measures ("98 feet long", "the 25-meter wreck") of a sentence."""
    # Cheap tests first: most sentences hold no figure, and the full patterns are slow to fail.
    counts = _counts(sentence, group, doc_id, names) if _ANY_NUMBER.search(sentence.text) else []
    sums = _money(sentence, group, doc_id, names) if re.search(r"[$€£]\s?\d", sentence.text) else []
    magnitudes = _magnitudes(sentence, group, doc_id, names) if re.search(r"agnitude|Richter|-degree", sentence.text) else []
    measures = _measures(sentence, group, doc_id, names) if _ANY_MEASURE.search(sentence.text) else []
    tolls = _tolls(sentence, group, doc_id, names) if "toll" in sentence.text.lower() else []
    return counts + sums + magnitudes + measures + tolls


# A death toll given without a noun after its figure: "The U.S. death toll climbed to 40", "the toll stood at 120"
_TOLL = re.compile(
    rf"\b(?:death\s+)?toll\s+(?:\w+\s+){{0,2}}?(?:rose|climbed|jumped|stood|reached|hit|at|to)\s+(?:(?:to|at)\s+)?"
    rf"(?:(?P<qualifier>{_QUALIFIER})\s+)?(?P<value>{_DIGITS})(?:\s+(?P<scale>hundred|thousand|million))?(?![\d,.]*\s*(?:%|percent))",
    re.IGNORECASE,
)


def _tolls(sentence: Sentence, group: int, doc_id: str, names: Names) -> list[_Quantity]:
    """Death tolls written as "the death toll rose to 40" (a count of people killed, like "40 people were killed")."""
    found: list[_Quantity] = []
    text = sentence.text
    for match in _TOLL.finditer(text):
        value = _number(match.group("value"), match.group("scale"))
        rest = text[match.end() : match.end() + 20]
        if value is None or re.match(rf"\s+(?:{_COUNT_NOUN})\b", rest, re.IGNORECASE):
            continue  # "the toll rose to 40 people": ``_counts`` reads it with its noun
        setting = _setting(text, match.start("value"), match.end(), 0, names, "")
        found.append(
            _Quantity(
                value, value, _qualifier_class(match.group("qualifier")), "people", setting.clause,
                setting.context - {"toll", "death"}, group, doc_id, noun="people",
                predicate=frozenset({"death"}), key=frozenset({"death"}), frame=setting.frame, places=setting.places,
            )
        )  # fmt: skip
    return found


def _counts(sentence: Sentence, group: int, doc_id: str, names: Names) -> list[_Quantity]:
    found: list[_Quantity] = []
    text = sentence.text
    previous_end = 0
    for match in _QUANTITY.finditer(text):
        between, unit = match.group("between"), match.group("unit")
        if between and re.search(r"\b(?:of|per|a|an|and|or|but)\b", between, re.IGNORECASE):
            continue  # "one of the suspects", "30 miles per hour", "107 personnel and weighs": not a count of the noun
        if (
            (unit.lower() in STOPWORDS and unit.lower() != "others")
            or (len(unit) > 1 and unit.isupper())
            or _is_label(text, match.start())
        ):
            continue  # "one was", "50 ISIS", "NBC 7": not a count of a noun
        span = _span(match)
        if span is None:
            continue
        low, high, qualifier = span
        if match.group("half"):
            low, high = low / 2, high / 2  # "half a dozen": six
        number = match.group("value") or ""
        if number.isdigit() and 1900 <= low <= 2100 and not match.group("scale"):
            continue  # a year, not a count
        if unit.lower() == "lives" and not _LIVES_LOST.search(text[: match.start()]):
            continue  # "saved 12 lives", "two lives" of a person: not a toll
        unit_word = _unit_class(unit)
        if unit_word in TIME_UNITS:
            continue  # durations differ for many innocent reasons
        if unit_word == "degre" and re.search(r"\b(?:longitude|latitude)\b", text, re.IGNORECASE):
            continue  # "longitude 9 degrees west": a position, written as precisely as each outlet cared to
        if unit.lower() in MEASURE_UNITS:
            continue  # a length or an area, not a count: ``_measures`` reads it with what it measures
        setting = _setting(text, match.start(), match.end(), previous_end, names, between or "")
        predicate = set(setting.predicate) | ({"death"} if unit.lower() in DEATH_UNITS else set())
        # "the other three Americans", "10 others": counted apart from someone, not a total.
        relative = bool(re.search(r"\bother\s+$", text[: match.start()], re.IGNORECASE)) or bool(
            re.search(r"\bothers?\b", f"{between} {unit}", re.IGNORECASE)
        )
        found.append(
            _Quantity(
                low,
                high,
                qualifier,
                unit_word,
                setting.clause,
                setting.context - {unit_word},
                group,
                doc_id,
                noun=unit.lower(),
                modifiers=frozenset(_concepts(between or "")),
                predicate=frozenset(predicate),
                key=frozenset(predicate) & KEY_PREDICATES,
                frame=setting.frame,
                relative=relative,
                places=setting.places,
            )
        )
        previous_end = match.end()
        whole = found[-1]
        while part := _PART_IN_PLACE.match(text, previous_end):
            # "Forty-six people had been killed in the U.S., 23 of them in New York, including 18 in New York City":
            # each part is the count of its own place, compared only with counts of that place
            value = _number(part.group("value"), None)
            if value is None or value >= whole.low or part.group("place").lower().rstrip(".") in NOT_PLACES:
                break
            phrase = text[part.start("value") : part.end()].rstrip(".")
            # the place as the entities name it ("New York City" may be the entity "New York"), as ``_setting`` does
            named = {e[0].name for at, _, e in names if part.start("place") <= at < part.end("place") and e[0].kind == "place"}
            places = frozenset(named or {fold(part.group("place"))})
            found.append(replace(whole, low=value, high=value, qualifier="exact", phrase=phrase, relative=True, places=places))
            previous_end = part.end()
    return found


# A part of a count in one place, right after it: ", including 18 in New York City", ", 23 of them in New York"
_PART_IN_PLACE = re.compile(
    r"[^;:]{0,60}?(?:[,—–]\s*(?:including\s+|among\s+them\s+)?|\s+including\s+)"
    rf"(?P<value>{_DIGITS}|(?:{_TENS})-(?:{_UNITS}))(?:\s+of\s+them)?\s+in\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)"
)


# An earthquake's magnitude: "magnitude 6", "magnitude-6.2 quake", "6.2-magnitude temblor", "a magnitude of 6.3",
# "6.1 on the Richter scale".
_MAGNITUDE = re.compile(
    r"\bmagnitude(?:[- ]|\s+of\s+)(?P<after>\d(?:\.\d)?)(?![\d.]\d)"
    r"|(?<![\d.])(?P<before>\d(?:\.\d)?)(?:[- ]magnitude\b|\s+on\s+the\s+Richter)"
    # news agencies' "the 6.7-degree earthquake": a magnitude in degrees
    r"|(?<![\d.])(?P<degrees>\d\.\d)-degree\s+(?:earthquake|quake|tremor|temblor)",
    re.IGNORECASE,
)
# Estimates by several agencies in one list: "magnitude 7.5 by the MIT scientists, 6.8 by Turkish scientists,
# and 7.8 by the US Geological Survey".
_ANOTHER_ESTIMATE = re.compile(r"(?:\s+by\s+[^,;.]{1,60})?,\s+(?:and\s+)?(\d(?:\.\d)?)(?=\s+by\s)")
# Magnitudes of other shocks: aftershocks, past quakes dated by their year ("the 1908 Messina earthquake") or
# called so ("six other quakes greater than magnitude 7").
_OTHER_SHOCK = re.compile(
    r"\b(?:aftershocks?|foreshocks?|(?:1[89]|20)\d\d|(?:other|previous|earlier|past)\s+(?:\w+\s+)?(?:earth)?quakes)\b",
    re.IGNORECASE,
)
# Agencies revise a magnitude by a few tenths (6.0 vs 6.2); a whole unit apart is another quake.
MAGNITUDE_REVISION = 0.5


def _magnitudes(sentence: Sentence, group: int, doc_id: str, names: Names) -> list[_Quantity]:
    """Earthquake magnitudes of a sentence (not of aftershocks or of a past quake named with its year)."""
    found: list[_Quantity] = []
    text = sentence.text
    for match in _MAGNITUDE.finditer(text):
        estimates = [(match.group("after") or match.group("before") or match.group("degrees"), match.start(), match.end())]
        while more := _ANOTHER_ESTIMATE.match(text, estimates[-1][2]):
            estimates.append((more.group(1), more.start(1), more.end(1)))
        for value_text, start, end in estimates:
            setting = _setting(text, start, end, 0, names, "")
            # a magnitude that names no place of its own is compared with any (below): it must not stand in a
            # sentence about another shock ("200 aftershocks followed, some as strong as magnitude 5.8")
            if _OTHER_SHOCK.search(setting.clause if setting.places else text) or setting.frame:
                continue
            value = float(value_text)
            found.append(
                _Quantity(
                    value, value, "exact", "magnitude", setting.clause, setting.context, group, doc_id,
                    noun="magnitude", places=setting.places,
                )
            )  # fmt: skip
    return found


# Units of length and area, in metres and square metres; storeys are counted as they are.
MEASURE_UNITS = {
    "foot": 0.3048, "feet": 0.3048, "ft": 0.3048, "metre": 1.0, "metres": 1.0, "meter": 1.0, "meters": 1.0,
    "kilometre": 1000.0, "kilometres": 1000.0, "kilometer": 1000.0, "kilometers": 1000.0, "km": 1000.0,
    "mile": 1609.34, "miles": 1609.34, "yard": 0.9144, "yards": 0.9144,
    "acre": 4046.86, "acres": 4046.86, "hectare": 10_000.0, "hectares": 10_000.0,
    "storey": 1.0, "storeys": 1.0, "story": 1.0,
}  # fmt: skip
_SQUARE = {"foot": 0.0929, "feet": 0.0929, "metre": 1.0, "metres": 1.0, "meter": 1.0, "meters": 1.0}
_SQUARE |= {"mile": 2.59e6, "miles": 2.59e6, "kilometre": 1e6, "kilometres": 1e6, "kilometer": 1e6, "kilometers": 1e6}
_MEASURE_UNIT = "|".join(sorted(MEASURE_UNITS, key=len, reverse=True))
_ANY_MEASURE = re.compile(rf"\d[\d,.]*(?:\s+(?:million|thousand))?(?:\s+square)?[\s-](?:{_MEASURE_UNIT})\b", re.IGNORECASE)
# "some 450 feet down", "98 feet long", "the 25-meter wreck", "3.7 million square feet", "a 72-storey block"
_MEASURE = re.compile(
    rf"(?<![\w$€£.,:/-])(?:(?P<qualifier>{_QUALIFIER})\s+)?(?P<value>{_DIGITS})(?:\s+(?P<scale>million|thousand))?"
    rf"(?P<joint>\s+|-)(?P<square>square[\s-])?(?P<unit>{_MEASURE_UNIT})\b",
    re.IGNORECASE,
)
# What a length measures, from the words around it: a measure with none of these is not compared.
_DEPTH_AFTER = re.compile(r"[\s-]*(?:deep|down|below|beneath|under\s*water|underwater)\b", re.IGNORECASE)
_LENGTH_AFTER = re.compile(r"[\s-]*(?:long|in\s+length)\b", re.IGNORECASE)
_HEIGHT_AFTER = re.compile(r"[\s-]*(?:tall|in\s+height|high(?!\s+(?:school|court|street)))\b", re.IGNORECASE)
_DISTANCE_AFTER = re.compile(
    r"\s*(?:away\s+from|from|off|outside|(?:north|south|east|west)(?:-?(?:north|south|east|west))?(?:ern)?\s+of)\b",
    re.IGNORECASE,
)
_DISTANCE_FROM = re.compile(r"[^.;:,]{0,40}?\b(?:of|from)\s+(?:the\s+)?([A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*)")
# The words of a measure itself ("98 feet long"): not context shared by two clauses about one thing
_MEASURE_WORDS = frozenset(
    _concepts(" ".join(MEASURE_UNITS) + " long deep tall high down below beneath length depth height wide square")
)
_ROLE_BEFORE = re.compile(r"\b(depth|length|height)\s+of\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def _measure_role(text: str, match: re.Match[str]) -> str:
    """What a measure measures ("depth", "length", "height", "distance", "area", "storeys"), or "" when its
    words do not say."""
    unit = match.group("unit").lower()
    if match.group("square") or unit.startswith(("acre", "hectare")):
        return "area"
    if unit.startswith(("storey", "story")):
        return "storeys" if unit != "story" or match.group("joint") == "-" else ""  # "a 72-story tower", not "3 story"
    after, before = text[match.end() :], text[: match.start()]
    if role := _ROLE_BEFORE.search(before):
        return role.group(1).lower()
    for role, pattern in (("depth", _DEPTH_AFTER), ("length", _LENGTH_AFTER), ("height", _HEIGHT_AFTER)):
        if pattern.match(after):
            return role
    if _DISTANCE_AFTER.match(after):
        return "distance"
    if match.group("joint") == "-" and re.match(r"\s+[a-z]", after):
        return "length"  # "the 25-meter wreck", "a 10-mile stretch": a size before its noun
    return ""


def _measures(sentence: Sentence, group: int, doc_id: str, names: Names) -> list[_Quantity]:
    """Lengths, depths, heights, distances and areas, in metres and square metres whatever unit each outlet used,
    each keyed by what it measures; and storeys."""
    found: list[_Quantity] = []
    text = sentence.text
    for match in _MEASURE.finditer(text):
        role = _measure_role(text, match)
        value = _number(match.group("value"), match.group("scale"))
        if not role or value is None or _is_label(text, match.start()):
            continue
        unit = match.group("unit").lower()
        factor = _SQUARE.get(unit) if match.group("square") else MEASURE_UNITS[unit]
        if factor is None:
            continue  # "square yards": no factor
        value *= factor
        setting = _setting(text, match.start(), match.end(), 0, names, "")
        places = setting.places
        if role == "distance" and (reference := _DISTANCE_FROM.match(text, match.end())):
            places = frozenset({fold(reference.group(1))})  # "70 kilometers southeast of Istanbul": from Istanbul
        found.append(
            _Quantity(
                value, value, _qualifier_class(match.group("qualifier")), f"measure {role}", setting.clause,
                setting.context - _MEASURE_WORDS, group, doc_id, noun=role, predicate=setting.predicate,
                key=frozenset({role}), frame=setting.frame, places=places,
                # "a 5,000-square-foot house": a size before its noun (and not a count of storeys)
                modifiers=frozenset({"sized"}) if match.group("joint") == "-" and role != "storeys" else frozenset(),
            )
        )  # fmt: skip
    return found


# A sum asked for: "had asked the jury to award more than $11 million", "is seeking $5 million"
_SOUGHT = re.compile(r"\b(?:ask(?:s|ed|ing)?|s(?:eek|eeks|eeking|ought)|request(?:s|ed|ing)?|demand(?:s|ed|ing)?)\b[^.;]*$", re.I)


def _money_role(text: str, end: int) -> frozenset[str]:
    """The role a sum's own noun gives it ("$5 trillion debt" is a debt whatever else its clause names)."""
    words = []
    for word in re.findall(r"[a-z]+", text[end : end + 40].split(",")[0])[:3]:
        if word in STOPWORDS:
            break
        words.append(stem(word))
    # Why: a clause may name several roles ("the budget surplus ... the $5 trillion debt"); the sum's noun decides,
    # the last of its words when several are roles ("$4.4 trillion federal budget surplus" is a surplus)
    roles = [word for word in words if word in MONEY_ROLES]
    return frozenset(roles[-1:])


def _money(sentence: Sentence, group: int, doc_id: str, names: Names) -> list[_Quantity]:
    """Sums of money, each keyed by the role its clause gives it (a total, a fine, a reward)."""
    found: list[_Quantity] = []
    text = sentence.text
    previous_end = 0
    matches = list(_MONEY.finditer(text))
    for match in matches:
        high_scale = (match.group("high_scale") or "").strip() or None
        low = _number(match.group("value"), match.group("scale").strip() or high_scale)
        high = _number(match.group("high"), high_scale) if match.group("high") else low
        setting = _setting(text, match.start(), match.end(), previous_end, names, "")
        previous_end = match.end()
        if low is None or high is None or low > high:
            continue
        if sum(1 for other in matches if other.group(0) in setting.clause) > 1:
            continue  # several sums in one clause are a list of different things ("$25,000 and $50,000")
        found.append(
            _Quantity(
                low,
                high,
                _qualifier_class(match.group("qualifier")) if low == high else "range",
                f"money {match.group('currency')}",
                setting.clause,
                setting.context,
                group,
                doc_id,
                noun="money",
                # Why: "$5 to $15 more than Compaq" is a difference between two sums, not a sum.
                relative=bool(_DIFFERENCE.match(text, match.end())),
                predicate=setting.predicate,
                # Why: "had asked the jury for nearly $12 million" is a sum sought, not the one awarded.
                key=(_money_role(text, match.end()) or setting.context & MONEY_ROLES)
                | ({"sought"} if _SOUGHT.search(text[max(0, match.start() - 60) : match.start()]) else set()),
                frame=setting.frame,
                places=setting.places,
            )
        )
    return found


def _frame_key(frame: str) -> str:
    """A time frame in one spelling ("each year", "every year", "per year" are one frame)."""
    return re.sub(r"^(?:each|every|per|a)\s+", "per ", frame.lower())


def _gap(a: _Quantity, b: _Quantity) -> float:
    """How far apart two values are, relative to the larger (0 when their ranges overlap)."""
    return max(0.0, max(a.low, b.low) - min(a.high, b.high)) / max(1.0, a.high, b.high)


def _same_topic(a: _Quantity, b: _Quantity) -> bool:
    """The same quantity: same noun, time frame and kind, and much shared context or near values."""
    if a.unit != b.unit or a.frame != b.frame:
        return False
    if a.unit == "measure distance":
        return bool((a.places & b.places) - {"where", "part"})  # a distance from the same place
    if a.unit in ("measure length", "measure height") or "sized" in a.modifiers | b.modifiers:
        # a story may measure several things ("the 55-foot-long trade vessel" beside the wreck found): a length, a
        # height or a size written before its noun ("a 5,000-square-foot house") needs a word of its clause shared
        return bool(a.context & b.context)
    if a.unit.startswith("measure "):
        return True  # the depth (of the sea where it lies), the area, the storeys: one in a story
    if a.unit == "crew":
        return a.key == b.key  # who is aboard: one crew in a story ("a 107-man crew", "the 116 sailors on board")
    if a.unit == "magnitude":
        # one quake: the same places named (or none on one side: "6.8 by Turkish scientists"), magnitudes a
        # revision apart
        places_agree = a.places == b.places or not a.places or not b.places
        return places_agree and abs(a.low - b.low) <= MAGNITUDE_REVISION
    if a.relative != b.relative and not (a.places & b.places) - {"where", "part"}:
        return False  # "10 others" vs a total; but "68 other deaths in the Caribbean" is the Caribbean's count
    a_key, b_key = a.key, b.key
    if ("sought" in a_key) != ("sought" in b_key):
        return False  # a sum asked for and a sum given
    if a_key and b_key and not a_key & b_key:
        return False  # "12 people were killed" vs "20 people were evacuated"
    near = _gap(a, b) <= NEAR
    if not near and a.places != b.places:
        return False  # "46 dead" vs "10 killed in New York City": a total and a part, or two places
    if a.modifiers != b.modifiers and not (near and not (a.modifiers and b.modifiers)):
        return False  # "23 injured people" vs "14 missing people"; "64 high school swimmers" vs "62 swimmers" may be one
    shared = len(a.context & b.context)
    if near:
        return bool(a.predicate & b.predicate) or shared >= 2
    # Values farther apart must share what happened to the counted ("killed") or much of their clause.
    return bool(a_key & b_key) or shared >= 3


def _approximately(a: _Quantity, b: _Quantity) -> bool:
    """An approximate value and an exact or approximate one within its tolerance agree ("nearly two dozen"
    and 23, "about 17" and "17 or 18")."""
    if "approx" not in (a.qualifier, b.qualifier) or not {a.qualifier, b.qualifier} <= {"approx", "exact"}:
        return False
    return _gap(a, b) <= NEAR


def _rounding(value: float) -> float:
    """The unit a round figure of hundreds or more is rounded to (2,000 -> 1,000; 16,000 -> 1,000), or 0."""
    if value < 100 or value != int(value):
        return 0.0
    unit = 10 ** (len(str(int(value))) - len(str(int(value)).rstrip("0")))
    return float(unit) if unit >= 100 else 0.0


def _rounded(a: _Quantity, b: _Quantity) -> bool:
    """A round figure agrees with a value it is a rounding of: "more than 500" and 535, "2,000 stores" and
    2,192, "more than 16,000" and "more than 15,000" (the rounder one read as the interval it stands for)."""
    if "range" in (a.qualifier, b.qualifier) or a.low == b.low:
        return False  # ranges and same values keep the gold conventions ("50" vs "40-50", "more than 50" vs "around 50")
    if abs(a.low - b.low) > 2 * NEAR * max(a.low, b.low):
        return False
    # The rounder figure stands for an interval; the other must fall in it (either way when equally round).
    if _rounding(a.low) == _rounding(b.low):
        pairs = [(a, b), (b, a)]
    else:
        pairs = [(a, b) if _rounding(a.low) > _rounding(b.low) else (b, a)]
    for rounder, other in pairs:
        unit = _rounding(rounder.low)
        if not unit:
            continue
        low, high = {
            "lower": (rounder.low, rounder.low + unit),  # "more than 300,000": rounded down
            "upper": (rounder.low - unit, rounder.low),  # "up to 2,000": rounded up
        }.get(rounder.qualifier, (rounder.low - unit / 2, rounder.low + unit / 2))
        if low <= other.low < high or (rounder.qualifier in ("lower", "upper") and other.low == high):
            return True
    return False


def _bounded(a: _Quantity, b: _Quantity) -> bool:
    """A bound and an exact value just past it agree: "more than 20 ships" and 22 ships (within NEAR)."""
    for bound, value in ((a, b), (b, a)):
        if value.qualifier != "exact" or value.low != value.high:
            continue
        if bound.qualifier == "lower" and bound.low < value.low <= bound.low * (1 + NEAR):
            return True
        if bound.qualifier == "upper" and bound.low * (1 - NEAR) <= value.low < bound.low:
            return True
    return False


def _conflict(a: _Quantity, b: _Quantity) -> bool:
    if not _same_topic(a, b):
        return False
    if a.high > 2 * max(1.0, b.low) or b.high > 2 * max(1.0, a.low):
        return False  # values this far apart are different quantities (a part and a whole, another event)
    if a.unit.startswith("measure ") and _gap(a, b) <= NEAR:
        return False  # "100 meters" and "330 feet": one figure converted and rounded
    if (a.low, a.high) != (b.low, b.high):
        # Why: approximations and round figures stand for a span of values; one inside it agrees.
        return not (_approximately(a, b) or _rounded(a, b) or _bounded(a, b))
    return {a.qualifier, b.qualifier} in ({"lower", "approx"}, {"lower", "upper"}, {"approx", "upper"})


# A person's age as news writes it: "Alexis Ohanian, 34," / "Ohanian, aged 34." / "the 34-year-old Ohanian".
_AGE_AFTER_NAME = re.compile(r"^,\s*(?:aged\s+)?(\d{1,3})(?=\s*[,.;)]|\s+(?:and|who|was|is|has|had|said|were)\b|\s*$)")
_AGE_BEFORE_NAME = re.compile(r"\b(\d{1,3})-year-old\s+$")


@dataclass(frozen=True)
class _Age:
    person: str
    age: int
    phrase: str
    group: int
    doc_id: str


def _ages(sentence: Sentence, group: int, doc_id: str, names: Names, shared_surnames: frozenset[str] = frozenset()) -> list[_Age]:
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
            found.append(_Age(named[0].name, int(after.group(1)), f"{spelling}, {after.group(1)}", group, doc_id))
        elif before:
            found.append(_Age(named[0].name, int(before.group(1)), text[before.start() : end], group, doc_id))
    return [age for age in found if 0 < age.age < 120]


def _shared_surnames(by_form: dict[str, list[Entity]]) -> frozenset[str]:
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


def _ages_agree(a: _Age, b: _Age, days: Days) -> bool:
    """Two ages of one person that the time between their reports explains (55 in 1998, 56 a year later)."""
    if a.age == b.age:
        return True
    if a.doc_id not in days or b.doc_id not in days:
        return False
    earlier, later = sorted((a, b), key=lambda age: days[age.doc_id])
    years = (days[later.doc_id] - days[earlier.doc_id]) / 365.25
    return 0 <= later.age - earlier.age <= math.ceil(years)


def _age_disagreements(ages: list[_Age], days: Days | None = None) -> list[Disagreement]:
    """One person given different ages by different outlets (an outlet giving two ages is left out)."""
    by_person: dict[str, list[_Age]] = defaultdict(list)
    for age in ages:
        by_person[age.person].append(age)
    disagreements = []
    for person, stated in by_person.items():
        consistent = _one_each(stated, lambda age: age.age)
        # Why: a later report may give an age one higher after a birthday: only ages time cannot explain clash.
        consistent = _rivalled(consistent, lambda a, b: not _ages_agree(a, b, days or {}))
        if len({age.age for age in consistent}) < 2:
            continue
        claims = _claims([(age.phrase, age.doc_id, age.age) for age in consistent])
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
        r"\b(?:was|were|has been|had been)\s+(?:\w+\s+)?(?:killed|shot dead|found dead)\b|\b(?:died|is dead)\b",
        re.IGNORECASE,
    ),
    "alive": re.compile(
        r"\b(?:was|were|has been|had been)\s+(?:\w+\s+)?(?:injured|wounded|hospitali[sz]ed)\b|\bsurvived\b"
        r"|\bis\s+in\s+(?:critical|serious|stable)\s+condition\b",
        re.IGNORECASE,
    ),
}
# States that cannot both hold of one person: an outlet saying one and another the other disagree.
OPPOSITE_STATUS = {"free": "held", "held": "free", "dead": "alive", "alive": "dead"}
# How far before a state its person may be named ("López, who said he had been freed").
STATUS_REACH = 80


@dataclass(frozen=True)
class _Status:
    person: str
    state: str
    phrase: str
    group: int
    doc_id: str


def _statuses(sentence: Sentence, group: int, doc_id: str, names: Names) -> list[_Status]:
    """The states a sentence gives to named people: each state goes to the person named last before it."""
    text = sentence.text
    if not any(named[0].kind == "person" for _, _, named in names):
        return []
    people = [(start, start + len(spelling), named[0].name) for start, spelling, named in names if named[0].kind == "person"]
    found = []
    for state, pattern in _STATUS.items():
        for match in pattern.finditer(text):
            before = [(end, name) for start, end, name in people if end <= match.start() and match.start() - end <= STATUS_REACH]
            if not before:
                continue
            name = max(before)[1]
            clause_start, clause_end = _clause(text, match.start(), match.end())
            found.append(_Status(name, state, text[clause_start:clause_end].strip(" .!?'‘’"), group, doc_id))
    return found


def _status_disagreements(statuses: list[_Status], days: Days | None = None) -> list[Disagreement]:
    """One person freed in one outlet and held in another, or killed in one and injured in another."""
    states: dict[tuple[str, int], set[str]] = defaultdict(set)
    for status in statuses:
        states[(status.person, status.group)].add(status.state)
    disagreements = []
    for person, pair in sorted({(s.person, frozenset({s.state, OPPOSITE_STATUS[s.state]})) for s in statuses}, key=str):
        # Only outlets that give one side of the pair: one telling both is recounting a change.
        sides = [s for s in statuses if s.person == person and s.state in pair and not pair <= states[(person, s.group)]]
        # Why: a person held one week may be freed the next: only states told in one news cycle (or undated) clash.
        sides = _rivalled(sides, lambda s, t: t.state != s.state and not _apart(days or {}, s.doc_id, t.doc_id))
        if {s.state for s in sides} != pair:
            continue
        claims = _claims([(s.phrase, s.doc_id, s.state) for s in sides])
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
class _When:
    person: str
    event: str
    day: str
    phrase: str
    group: int
    doc_id: str


def _whens(sentence: Sentence, group: int, doc_id: str, names: Names) -> list[_When]:
    """The weekday a sentence gives to something that happened to a named person (found, died, arrested...)."""
    text = sentence.text
    found = []
    for match in _EVENT.finditer(text):
        clause_start, clause_end = _clause(text, match.start(), match.end())
        # the day after the verb ("announced Wednesday that two Israelis arrested ..." dates the announcement)
        days = {day.group(1) for day in _EVENT_DAY.finditer(text, match.end(), clause_end)}
        # one person named in full: an individual, not "Israelis"
        people = {
            e[0].name for at, _, e in names if clause_start <= at < clause_end and e[0].kind == "person" and " " in e[0].name
        }
        if len(days) != 1 or len(people) != 1:
            continue  # no day, or several: which goes with what is not clear
        phrase = text[clause_start:clause_end].strip(" .!?'‘’")
        found.append(_When(people.pop(), match.lastgroup or "", days.pop(), phrase, group, doc_id))
    return found


def _when_disagreements(whens: list[_When], days: Days | None = None) -> list[Disagreement]:
    """The same thing happening to one person on different days, in outlets of one news cycle, each giving one day."""
    disagreements = []
    for person, event in sorted({(w.person, w.event) for w in whens}):
        sides = _one_each([w for w in whens if (w.person, w.event) == (person, event)], lambda w: w.day)
        sides = _rivalled(sides, lambda w, v: v.day != w.day and not _apart(days or {}, w.doc_id, v.doc_id))
        if len({w.day for w in sides}) >= 2:
            claims = _claims([(w.phrase, w.doc_id, w.day) for w in sides])
            disagreements.append(Disagreement(about=f"when {person} {_EVENT_LABELS[event]}", claims=claims))
    return disagreements


def _actors_in(text: str, entities: list[Entity], doc_id: str) -> dict[str, int]:
    """Canonical names of the entities named in ``text``, with their first position."""
    found: dict[str, int] = {}
    for start, _, named in find_names(text, spellings_in(doc_id, entities)):
        found.setdefault(named[0].name, start)
    return found


def _stances(sentence: Sentence, group: int, doc_id: str, entities: list[Entity]) -> list[_Stance]:
    if not (_POSITIVE.search(sentence.text) or _NEGATIVE.search(sentence.text)):
        return []
    actors = _actors_in(sentence.text, entities, doc_id)
    if not actors:
        return []
    text = sentence.text
    matches = sorted(
        ((match, polarity) for polarity, pattern in ((1, _POSITIVE), (-1, _NEGATIVE)) for match in pattern.finditer(text)),
        key=lambda item: item[0].start(),
    )
    found = []
    for k, (match, polarity) in enumerate(matches):
        if _STANCE_NOUN.search(text[: match.start()]) and not _POSSESSIVE_SUPPORT.match(match.group()):
            continue  # why: "his support in the polls", "the GOP's blame game": a noun names no stance taken
        # Why: a stance's object runs to the next stance word ("condemned the arrests and voiced their support
        # for the parliament" is two stances about two things).
        end = matches[k + 1][0].start() if k + 1 < len(matches) else len(text)
        if _CONDITION.search(text[match.end() :]) or _CONDITION.search(text[max(0, match.start() - 40) : match.start()]):
            continue  # why: "will back him unless he apologises", "support depends on...": a condition, not a stance
        if _HYPOTHETICAL.search(text[: match.start()]):
            continue  # why: "Bouchard could blame Ottawa": a stance he might take, not one taken
        sign = -polarity if _NEGATION.search(text[: match.start()]) else polarity
        # The actors taking the stance: named shortly before the verb, in the same clause.
        window = text[max(0, match.start() - 100) : match.start()]
        clause_start = match.start() - len(window) + max(window.rfind(";"), window.rfind(". "), -1) + 1
        subjects = {name for name, position in actors.items() if clause_start <= position < match.start()}
        if not subjects:
            continue
        about = _concepts(text[match.end() : end])
        for name in subjects:
            about -= _concepts(name)
        # What the stance is towards: the first other name in its object ("denounced Cambodia", "praised Britain").
        targets = sorted((position, name) for name, position in actors.items() if match.end() <= position < end)
        target = next((name for _, name in targets if name not in subjects), "")
        found.append(_Stance(sign, subjects, about, text, group, doc_id, match.group(), target))
    return found


def find_disagreements(
    sentences: list[Sentence],
    documents: list[Document],
    groups: list[int],
    entities: list[Entity],
) -> list[Disagreement]:
    """Conflicting claims across independent outlets, each with its sources."""
    quantities: list[_Quantity] = []
    stances: list[_Stance] = []
    ages: list[_Age] = []
    statuses: list[_Status] = []
    whens: list[_When] = []
    spellings: dict[str, dict[str, list[Entity]]] = {}
    shared: dict[str, frozenset[str]] = {}
    days = {doc.id: day for doc in documents if (day := _day(doc.date)) is not None}
    for sentence in sentences:
        doc_id = documents[sentence.doc_index].id
        group = groups[sentence.doc_index]
        if doc_id not in spellings:
            spellings[doc_id] = spellings_in(doc_id, entities)
            shared[doc_id] = _shared_surnames(spellings[doc_id])
        names = find_names(sentence.text, spellings[doc_id])  # found once, used by every kind of claim
        quantities.extend(_quantities(sentence, group, doc_id, names))
        ages.extend(_ages(sentence, group, doc_id, names, shared[doc_id]))
        statuses.extend(_statuses(sentence, group, doc_id, names))
        whens.extend(_whens(sentence, group, doc_id, names))
        stances.extend(_stances(sentence, group, doc_id, entities))
    return (
        _quantity_disagreements(quantities, days)
        + _stance_disagreements(stances, days)
        + _age_disagreements(ages, days)
        + _status_disagreements(statuses, days)
        + _when_disagreements(whens, days)
    )


def _quantity_disagreements(quantities: list[_Quantity], days: Days | None = None) -> list[Disagreement]:
    # Only quantities of the same noun can disagree: compare inside those buckets.
    buckets: dict[str, list[int]] = defaultdict(list)
    for index, quantity in enumerate(quantities):
        buckets[quantity.unit].append(index)
    stated: dict[tuple[int, str], list[_Quantity]] = defaultdict(list)
    for quantity in quantities:
        stated[(quantity.group, quantity.unit)].append(quantity)

    def states(group: int, value: _Quantity) -> bool:
        return any((q.low, q.high) == (value.low, value.high) and _same_topic(q, value) for q in stated[(group, value.unit)])

    def outlets_differ(a: _Quantity, b: _Quantity) -> bool:
        # An outlet that gives both values treats them as two quantities ("five counts of ... and two counts of ...").
        same_value = (a.low, a.high) == (b.low, b.high)
        if _apart(days or {}, a.doc_id, b.doc_id):
            return False  # why: reports days apart give a count as it stood then (a toll rises, a total grows)
        return a.group != b.group and (same_value or not (states(a.group, b) or states(b.group, a)))

    disagreements: list[Disagreement] = []
    used: set[int] = set()
    for bucket in buckets.values():
        for position, i in enumerate(bucket):
            a = quantities[i]
            if i in used:
                continue
            members = [i] + [
                j
                for j in bucket[position + 1 :]
                if j not in used and outlets_differ(a, quantities[j]) and _conflict(a, quantities[j])
            ]
            if len(members) < 2:
                continue
            # Bring in every claim that agrees with a member (the other outlets on each side).
            for j in bucket:
                b = quantities[j]
                if j in members or j in used:
                    continue
                if any(
                    b.position == quantities[m].position or (b.low == quantities[m].low and _same_topic(quantities[m], b))
                    for m in members
                ):
                    members.append(j)
            used.update(members)
            claims = _claims([(quantities[m].phrase, quantities[m].doc_id, quantities[m].position) for m in members])
            if len(claims) >= 2:
                disagreements.append(Disagreement(about=_quantity_label(a), claims=claims))
    return disagreements


def _stance_disagreements(stances: list[_Stance], days: Days | None = None) -> list[Disagreement]:
    by_actor: dict[str, set[int]] = defaultdict(set)
    for index, stance in enumerate(stances):
        for actor in stance.actors:
            by_actor[actor].add(index)
    disagreements: list[Disagreement] = []
    used: set[int] = set()
    for i, a in enumerate(stances):
        if i in used:
            continue
        related = sorted(set().union(*(by_actor[actor] for actor in a.actors)) - {i})
        opposite = [
            j
            for j in related
            if j not in used
            and stances[j].group != a.group
            and not _apart(days or {}, a.doc_id, stances[j].doc_id)  # why: a stance told days later may have changed
            and stances[j].polarity == -a.polarity
            and (len(a.actors & stances[j].actors) >= 2 or len(a.about & stances[j].about) >= 2)
            # Why: stances towards different named targets ("denounced Cambodia", "praised Britain") do not clash.
            and not (a.target and stances[j].target and a.target != stances[j].target)
        ]
        if not opposite:
            continue
        same = [
            j for j in related if j not in used and stances[j].polarity == a.polarity and len(a.about & stances[j].about) >= 2
        ]
        members = sorted({i, *opposite, *same})
        used.update(members)
        claims = _claims([(stances[m].phrase, stances[m].doc_id, stances[m].polarity) for m in members])
        if len(claims) >= 2:
            actors = sorted(set.intersection(*(stances[m].actors for m in [i, *opposite])))
            disagreements.append(Disagreement(about=f"stance of {', '.join(actors)}", claims=claims))
    return disagreements


def _quantity_label(quantity: _Quantity) -> str:
    noun = quantity.noun
    if noun == "money":
        return "amount of money"
    if noun == "magnitude":
        return "magnitude of the earthquake"
    if quantity.unit.startswith("measure "):
        return "number of storeys" if noun == "storeys" else noun
    if "death" in quantity.predicate:
        return f"{noun} killed"
    if "evacuate" in quantity.predicate:
        return f"{noun} evacuated"
    return f"number of {noun}"
