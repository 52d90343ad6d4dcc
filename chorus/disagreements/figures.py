"""Reading figures from a sentence: counts, sums of money, death tolls, earthquake magnitudes and times, and measures,
each a ``Quantity`` holding what ``chorus.disagreements.quantities`` needs to tell whether two figures are one quantity:

- counts: values, ranges ("between 18 and 22", "40-50") and bounds ("more than 50") of a noun, read by class
  ("people"/"victims"/"others" count people; "fighters"/"militants" attackers; "crew"/"sailors"/"personnel" who is
  aboard; "the death toll climbed to 40" the dead), with the time frame ("each year", "since 1990") and the kind
  ("killed" vs "wounded") of their clause, and whether they are relative counts ("the other three");
- sums of money, with the role ("total", "fine") their noun or their clause gives them;
- an earthquake's magnitudes and the clock time it struck ("struck at 3:36 a.m."), not an aftershock's or a past
  quake's;
- measures, converted to metres whatever unit each outlet used ("about 100 meters deep" vs "some 450 feet
  down"; a conversion in parentheses, "90 kilometers (55 miles) south", read past): depths, lengths, heights,
  distances (from a named place), areas and storeys, each with what it measures.

Rules from a precision audit of unannotated clusters (Multi-News and DUC 2007): "17 or 18" is an estimate; counts in
another place ("in the Caribbean", "where 1,000 died") or of a part ("in the latest sweep") are not totals; a
difference ("$5 more") is not a sum; a sentence opening on a year or a place ("In 1991, four out of 45 states ...")
sets it for each of its clauses; a list line opening on a name ("Adapazari 3,046 dead") counts that name's dead; a
"which" clause counts what the clause before it names ("the bombing in Argun, which killed more than 20"); a count of
an event named after a name no other report uses ("The Lauda Air crash killed all 223") is of another event; "420
passengers and crew" counts both nouns, not the passengers alone; "a preliminary magnitude of 7.8, but downgraded that
to 7.4" gives the outlet both estimates; a sentence opening on a participle phrase ("Resting ... off Alassio, the vessel
is 98 feet long") describes its subject, so its words are the figure's context. From the development misses: a
figure alone between commas is an item of a list, about what its sentence is about ("examined by a safety panel, seven
prior parliamentary inquiries, and the water authority"); "prior", "previous", "earlier"
do not change what is counted ("seven prior investigations", "half a dozen investigations").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from chorus.analyse import MONTHS, STOPWORDS, WEEKDAYS, stem
from chorus.disagreements.claims import NUMBER_WORDS, SCALES, SYNONYMS, Names, clause_bounds, concepts
from chorus.mentions import fold
from chorus.models import Sentence

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
# A game's statistics ("14 points", "364 yards", "missed four games"): each player's, each game's, each season's
GAME_STATISTICS = frozenset(
    stem(word)
    for word in (
        "points rebounds assists yards touchdowns goals innings strikeouts carries catches games seasons saves tackles "
        "sacks interceptions birdies passes"
    ).split()
)
# A game's words beside a measure in yards ("two touchdown passes", "a 45-yard field goal"): a play of a game
_GAME_PLAY_WORDS = (GAME_STATISTICS - {stem(word) for word in ("yards", "games", "seasons")}) | {
    stem(word) for word in ("quarterback", "kickoff", "punt")
}
# Predicates that name what happened to the counted (death, evacuation, injury): two counts with
# different ones are different quantities, however alike their sentences.
KEY_PREDICATES = frozenset({"death", "evacuate", "injure", "missing", "arrest", "rescu"})
# Nouns that count people in general: "21 people", "21 persons", "21 victims", "21 bodies" can be one count.
PEOPLE_NOUNS = frozenset(stem(word) for word in ("people", "persons", "victims", "others", "individuals", "civilians", "bodies"))
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


# A capitalised name after "in" ("in the Caribbean", "in Breezy Point"): where a count happened.
_UNNAMED_PLACE = re.compile(r"\b[Ii]n\s+(?:the\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)")
# A sentence's opening adverbial of time or place, up to its comma: "In 1991,", "In Izmit region,", "During the war,"
_OPENING_SETTING = re.compile(r"\s*(?:In|During|Since|By)\s+[^,;:.]{1,40},")
# A sentence's opening participle phrase, up to its comma: "Resting at a depth of 200 meters off Alassio," describes the
# subject its comma hands over to ("the vessel is 98 feet long"), not a clause of its own
_OPENING_PARTICIPLE = re.compile(r"\s*(?!According\b)[A-Z][a-z]+(?:ing|ed)\s+[^,;:.]{1,100},")
# Words that make a count a part of a larger one: a new round, an addition, one place or day alone.
_PART = re.compile(r"\b(?:latest|additional|further|another|alone)\b", re.IGNORECASE)
NOT_PLACES = frozenset(MONTHS) | frozenset(WEEKDAYS) | {"addition", "total", "all"}


@dataclass
class Quantity:
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
    people: frozenset[str] = frozenset()  # people named in its clause who do what it counts ("Carter scored 14 points")

    @property
    def position(self) -> tuple[float, float, str]:
        return (self.low, self.high, self.qualifier)


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
    people: frozenset[str]
    bounds: tuple[int, int]  # where the clause starts and ends in the sentence


def _setting(text: str, start: int, end: int, previous_end: int, names: Names, own_words: str) -> _Setting:
    """The clause of ``text[start:end]``, its content words and the words right next to the figure."""
    clause_start, clause_end = clause_bounds(text, start, end)
    # The words describing the noun ("high school swimmers") are context too: the number alone is left out.
    context = concepts(f"{text[clause_start:start]} {own_words} {text[end:clause_end]}")
    if (participle := _OPENING_PARTICIPLE.match(text)) and participle.end() == clause_start:
        context |= concepts(participle.group(0))
    before = text[max(clause_start, previous_end) : start].split()[-4:]
    after = text[end:clause_end].split()[:4]
    frame = _FRAME.search(text[clause_start:clause_end])
    # Why: a sentence opening on a time or a place ("In 1991, four out of 45 states ...", "In Izmit region, where the
    # epicenter lay, 3,261 people were killed") sets it for every clause of the sentence.
    spans = [(clause_start, clause_end)]
    if (opening := _OPENING_SETTING.match(text)) and opening.end() <= clause_start:
        spans.append((0, opening.end()))
        frame = frame or _FRAME.search(text[: opening.end()])
    if clause_start > 0 and re.match(r"\s*which\b", text[clause_start:clause_end], re.IGNORECASE):
        # Why: "the bombing in Argun, which killed more than 20 servicemen" counts what the clause before names
        spans.append((clause_bounds(text, clause_start - 1, clause_start - 1)[0], clause_start))
    places = {
        named[0].name for at, _, named in names if any(low <= at < high for low, high in spans) and named[0].kind == "place"
    }
    # Why: "69 killed in the Caribbean" counts one place even when the place is named once (no entity):
    # an unnamed capitalised place after "in" keeps it apart from a total or another place's count.
    named_at = {at for at, _, named in names if named[0].kind == "place"}
    for low, high in spans:
        for where in _UNNAMED_PLACE.finditer(text, low, high):
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
        frozenset(concepts(" ".join(before + after))),
        _frame_key(frame.group(0)) if frame else "",
        frozenset(places),
        frozenset(
            named[0].name
            for at, spelling, named in names
            if clause_start <= at < clause_end and named[0].kind == "person" and not _tells(text, at, at + len(spelling))
        ),
        (clause_start, clause_end),
    )


# A person telling a figure, not doing what it counts: "X said", "said X", "according to X", "X told"
_TELLER_AFTER = re.compile(r"[\s,]*(?:\w+\s+){0,1}(?:said|says|told|tells|reported|announced|estimated|confirmed)\b", re.I)
_TELLER_BEFORE = re.compile(r"\b(?:said|says|told|according\s+to)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)


def _tells(text: str, start: int, end: int) -> bool:
    """Whether the person named at ``text[start:end]`` tells the figure of its clause rather than does what it counts."""
    return bool(_TELLER_AFTER.match(text, end) or _TELLER_BEFORE.search(text[max(0, start - 40) : start]))


def read_quantities(sentence: Sentence, group: int, doc_id: str, names: Names = ()) -> list[Quantity]:
    """The counts ("22 students", "between 18 and 22 students"), sums of money ("£4,500"), magnitudes and
    measures ("98 feet long", "the 25-meter wreck") of a sentence."""
    # Cheap tests first: most sentences hold no figure, and the full patterns are slow to fail.
    counts = _counts(sentence, group, doc_id, names) if _ANY_NUMBER.search(sentence.text) else []
    sums = _money(sentence, group, doc_id, names) if re.search(r"[$€£]\s?\d", sentence.text) else []
    magnitudes = _magnitudes(sentence, group, doc_id, names) if re.search(r"agnitude|Richter|-degree", sentence.text) else []
    measures = _measures(sentence, group, doc_id, names) if _ANY_MEASURE.search(sentence.text) else []
    tolls = _tolls(sentence, group, doc_id, names) if "toll" in sentence.text.lower() else []
    times = _quake_times(sentence, group, doc_id, names) if re.search(r"\d[:.]\d\d", sentence.text) else []
    return counts + sums + magnitudes + measures + tolls + times


# A death toll given without a noun after its figure: "The U.S. death toll climbed to 40", "the toll stood at 120"
_TOLL = re.compile(
    rf"\b(?:death\s+)?toll\s+(?:\w+\s+){{0,2}}?(?:rose|climbed|jumped|stood|reached|hit|at|to)\s+(?:(?:to|at)\s+)?"
    rf"(?:(?P<qualifier>{_QUALIFIER})\s+)?(?P<value>{_DIGITS})(?:\s+(?P<scale>hundred|thousand|million))?(?![\d,.]*\s*(?:%|percent))",
    re.IGNORECASE,
)


def _tolls(sentence: Sentence, group: int, doc_id: str, names: Names) -> list[Quantity]:
    """Death tolls written as "the death toll rose to 40" (a count of people killed, like "40 people were killed")."""
    found: list[Quantity] = []
    text = sentence.text
    for match in _TOLL.finditer(text):
        value = _number(match.group("value"), match.group("scale"))
        rest = text[match.end() : match.end() + 20]
        if value is None or re.match(rf"\s+(?:{_COUNT_NOUN})\b", rest, re.IGNORECASE):
            continue  # "the toll rose to 40 people": ``_counts`` reads it with its noun
        setting = _setting(text, match.start("value"), match.end(), 0, names, "")
        found.append(
            Quantity(
                value, value, _qualifier_class(match.group("qualifier")), "people", setting.clause,
                setting.context - {"toll", "death"}, group, doc_id, noun="people",
                predicate=frozenset({"death"}), key=frozenset({"death"}), frame=setting.frame, places=setting.places,
            )
        )  # fmt: skip
    return found


def _heading(text: str, start: int, names: Names) -> frozenset[str]:
    """The name a sentence opens on right before its figure: a line of a list ("Adapazari 3,046 dead, 6,884 injured")
    counts what that name is, whatever kind the entities give it."""
    return frozenset(
        named[0].name
        for at, spelling, named in names
        if at == 0 and len(spelling) < start and not text[len(spelling) : start].strip(" :-–—")
    )


# A second noun counted with the first: "420 passengers and crew", "6.6 million homes and businesses"
_AND_NOUN = re.compile(r"\s+(?:and|&)\s+([a-z]+s|crew|staff|personnel|children|people)\b")
# An event named after a name: "the Lauda Air crash", "the Oklahoma City bombing"
_NAMED_EVENT = re.compile(
    r"\s+(?:crash|bombing|attack|disaster|quake|earthquake|shooting|massacre|fire|accident|explosion|tragedy|hijacking)\b"
)


def _another_event(text: str, clause: str, doc_id: str, names: Names) -> bool:
    """Whether a clause counts another event than the story's: one named after a name no other report uses ("The Lauda
    Air crash killed all 223 people on board", in one report of a story about another crash)."""
    for at, spelling, named in names:
        if spelling in clause and set(named[0].sources) <= {doc_id} and _NAMED_EVENT.match(text, at + len(spelling)):
            return True
    return False


def _counts(sentence: Sentence, group: int, doc_id: str, names: Names) -> list[Quantity]:
    found: list[Quantity] = []
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
        if joined := _AND_NOUN.match(text, match.end()):
            # "some 420 passengers and crew": a count of both, not of the passengers alone ("246 passengers")
            unit_word = f"{unit_word} and {_unit_class(joined.group(1))}"
        if unit_word in TIME_UNITS:
            continue  # durations differ for many innocent reasons
        if unit_word in GAME_STATISTICS:
            continue  # a box score: each player's and each game's own count, several in every report
        if unit_word == "degre" and re.search(r"\b(?:longitude|latitude)\b", text, re.IGNORECASE):
            continue  # "longitude 9 degrees west": a position, written as precisely as each outlet cared to
        if unit.lower() in MEASURE_UNITS:
            continue  # a length or an area, not a count: ``_measures`` reads it with what it measures
        setting = _setting(text, match.start(), match.end(), previous_end, names, between or "")
        if _another_event(text, setting.clause, doc_id, names):
            continue
        places = setting.places | _heading(text, match.start(), names)
        predicate = set(setting.predicate) | ({"death"} if unit.lower() in DEATH_UNITS else set())
        # "the other three Americans", "10 others": counted apart from someone, not a total.
        relative = bool(re.search(r"\bother\s+$", text[: match.start()], re.IGNORECASE)) or bool(
            re.search(r"\bothers?\b", f"{between} {unit}", re.IGNORECASE)
        )
        found.append(
            Quantity(
                low,
                high,
                qualifier,
                unit_word,
                setting.clause,
                _list_item_context(text, match, setting) - {unit_word},
                group,
                doc_id,
                noun=unit.lower(),
                modifiers=frozenset(concepts(between or "")) - _BEFORE_NOW,
                predicate=frozenset(predicate),
                key=frozenset(predicate) & KEY_PREDICATES,
                frame=setting.frame,
                relative=relative,
                places=places,
                people=setting.people,
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


def _list_item_context(text: str, match: re.Match[str], setting: _Setting) -> frozenset[str]:
    """A figure's context words. A clause that is nothing but its figure, between commas, is an item of a list
    ("examined by a safety panel, seven prior parliamentary inquiries, and the water authority"): it is about what its
    sentence is about, so the sentence's words are its context."""
    clause_start, clause_end = setting.bounds
    if text[clause_start - 1 : clause_start] != "," or text[clause_end : clause_end + 1] not in (",", ""):
        return setting.context
    clause = setting.clause
    if joiner := _LIST_JOINER.match(clause):
        clause = clause[joiner.end() :]  # "..., and seven bridges"
    return frozenset(concepts(text)) if clause.lower() == match.group(0).lower() else setting.context


_LIST_JOINER = re.compile(r"(?:and|or|as\s+well\s+as)\s+", re.IGNORECASE)


# Words placing what is counted before the story's moment ("seven prior investigations", "two previous
# convictions"): they do not change what is counted, as "half a dozen congressional investigations" counts them too
_BEFORE_NOW = frozenset(concepts("prior previous earlier"))


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
_ANOTHER_ESTIMATE = re.compile(
    r"(?:\s+by\s+[^,;.]{1,60})?,\s+(?:and\s+)?(\d(?:\.\d)?)(?=\s+by\s)"
    # "a preliminary magnitude of 7.8, but downgraded that to 7.4": the outlet's revision, an estimate of its own
    r"|,?\s+(?:but|and|then|later)?\s*(?:was\s+|were\s+)?(?:downgraded|upgraded|revised|lowered|raised)\s+(?:\w+\s+)?to\s+(\d(?:\.\d)?)(?![\d.]\d)"
)
# Magnitudes of other shocks: aftershocks, past quakes dated by their year ("the 1908 Messina earthquake") or
# called so ("six other quakes greater than magnitude 7").
_OTHER_SHOCK = re.compile(
    r"\b(?:aftershocks?|foreshocks?|(?:1[89]|20)\d\d|(?:other|previous|earlier|past)\s+(?:\w+\s+)?(?:earth)?quakes)\b",
    re.IGNORECASE,
)


def _magnitudes(sentence: Sentence, group: int, doc_id: str, names: Names) -> list[Quantity]:
    """Earthquake magnitudes of a sentence (not of aftershocks or of a past quake named with its year)."""
    found: list[Quantity] = []
    text = sentence.text
    for match in _MAGNITUDE.finditer(text):
        estimates = [(match.group("after") or match.group("before") or match.group("degrees"), match.start(), match.end())]
        while more := _ANOTHER_ESTIMATE.match(text, estimates[-1][2]):
            group = 1 if more.group(1) else 2
            estimates.append((more.group(group), more.start(group), more.end(group)))
        for value_text, start, end in estimates:
            setting = _setting(text, start, end, 0, names, "")
            # a magnitude that names no place of its own is compared with any (below): it must not stand in a
            # sentence about another shock ("200 aftershocks followed, some as strong as magnitude 5.8")
            if _OTHER_SHOCK.search(setting.clause if setting.places else text) or setting.frame:
                continue
            value = float(value_text)
            found.append(
                Quantity(
                    value, value, "exact", "magnitude", setting.clause, setting.context, group, doc_id,
                    noun="magnitude", places=setting.places,
                )
            )  # fmt: skip
    return found


# The time an earthquake struck: "the quake struck at 3:36 a.m.", "Sunday's quake, which hit around 3:30 a.m. local
# time", "the temblor jolted the region shortly after 2:30 p.m. (0630 GMT)"
_QUAKE_TIME = re.compile(
    r"\b(?:earthquake|quake|temblor|tremor)s?\b[^.;:]{0,30}?\b(?:struck|hit|rocked|jolted|shook)\s+(?:[\w'’-]+\s+){0,4}?"
    rf"(?:at\s+)?(?:(?P<qualifier>{_QUALIFIER}|just\s+after|shortly\s+after|just\s+before|shortly\s+before)\s+)?"
    r"(?P<hour>\d{1,2})[:.](?P<minute>[0-5]\d)\s*(?P<half>[ap])\.?m\b\.?(?:\s+(?P<zone>local\s+time|GMT|UTC|[ECMP][DS]T))?",
    re.IGNORECASE,
)


def _quake_times(sentence: Sentence, group: int, doc_id: str, names: Names) -> list[Quantity]:
    """The clock time the story's earthquake struck, in minutes after midnight, keyed by the time zone written ("local
    time" as none: a report's times are local unless it says so); not an aftershock's or a past quake's."""
    found: list[Quantity] = []
    text = sentence.text
    for match in _QUAKE_TIME.finditer(text):
        setting = _setting(text, match.start("hour"), match.end(), 0, names, "")
        told = f"{match.group(0)} {setting.clause}"
        if _OTHER_SHOCK.search(told) or re.search(r"\banother\b", told, re.IGNORECASE):
            continue  # "an aftershock struck at 5:10 a.m.", "another quake hit at ...": not the story's quake
        hour = int(match.group("hour")) % 12 + (12 if match.group("half").lower() == "p" else 0)
        minutes = float(hour * 60 + int(match.group("minute")))
        zone = (match.group("zone") or "").upper()
        zone = "" if zone.startswith("LOCAL") else zone
        qualifier = "approx" if match.group("qualifier") else "exact"
        found.append(
            Quantity(
                minutes, minutes, qualifier, f"clock {zone}".strip(),
                setting.clause, setting.context, group, doc_id, noun="time the earthquake struck", places=setting.places,
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
    rf"(?P<joint>\s+|-)(?P<square>square[\s-])?(?P<unit>{_MEASURE_UNIT})\b"
    # the same measure converted, in parentheses: "about 90 kilometers (55 miles) south of", read past it
    rf"(?:\s*\((?:about\s+|some\s+|roughly\s+|nearly\s+)?(?:{_DIGITS})(?:\s+square)?[\s-](?:{_MEASURE_UNIT}|kms)\))?",
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
    concepts(" ".join(MEASURE_UNITS) + " long deep tall high down below beneath length depth height wide square")
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


def _distance_ends(
    text: str, match: re.Match[str], places: frozenset[str], names: Names
) -> tuple[frozenset[str], frozenset[str]]:
    """The two ends of a distance: the named place it is measured from, and the words of what it locates (its clause
    before the figure: "The epicenter was 70 kilometers southeast of Istanbul" locates the epicenter from Istanbul; the
    words after the figure say where it points). A distance is the same both ways: a clause set after a place's name
    ("L'Aquila, about 90 kilometers south of the latest quake") locates what it points to from that place."""
    clause_start, clause_end = clause_bounds(text, match.start(), match.end())
    located = frozenset(concepts(text[clause_start : match.start()]))
    reference = _DISTANCE_FROM.match(text, match.end())
    if reference:
        places = frozenset({fold(reference.group(1))})  # "70 kilometers southeast of Istanbul": from Istanbul
    if located or not text[:clause_start].endswith(","):
        return places, located
    apposed = [named[0] for at, spelling, named in names if at + len(spelling) == clause_start - 1 and named[0].kind == "place"]
    if not apposed:
        return places, located
    if reference:
        return places, frozenset(concepts(apposed[0].name))  # "Izmit, 55 miles east of Istanbul": Izmit from Istanbul
    return frozenset({apposed[0].name}), frozenset(concepts(text[match.end() : clause_end]))


def _measures(sentence: Sentence, group: int, doc_id: str, names: Names) -> list[Quantity]:
    """Lengths, depths, heights, distances and areas, in metres and square metres whatever unit each outlet used,
    each keyed by what it measures; and storeys."""
    found: list[Quantity] = []
    text = sentence.text
    for match in _MEASURE.finditer(text):
        role = _measure_role(text, match)
        value = _number(match.group("value"), match.group("scale"))
        if not role or value is None or _is_label(text, match.start()):
            continue
        if match.group("unit").lower().startswith("yard") and _GAME_PLAY_WORDS & {
            stem(w) for w in re.findall(r"[a-z]+", text.lower())
        }:
            continue  # "a 45-yard field goal" beside "two touchdown passes": a play of a game, not a measure of the story
        unit = match.group("unit").lower()
        factor = _SQUARE.get(unit) if match.group("square") else MEASURE_UNITS[unit]
        if factor is None:
            continue  # "square yards": no factor
        value *= factor
        setting = _setting(text, match.start(), match.end(), 0, names, "")
        places, context = setting.places, setting.context - _MEASURE_WORDS
        if role == "distance":
            places, context = _distance_ends(text, match, places, names)
        found.append(
            Quantity(
                value, value, _qualifier_class(match.group("qualifier")), f"measure {role}", setting.clause,
                context, group, doc_id, noun=role, predicate=setting.predicate,
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


def _money(sentence: Sentence, group: int, doc_id: str, names: Names) -> list[Quantity]:
    """Sums of money, each keyed by the role its clause gives it (a total, a fine, a reward)."""
    found: list[Quantity] = []
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
            Quantity(
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
