"""Where sources differ: the same quantity given different values, the same actor given opposite
stances. Precision comes first (a false disagreement misleads), so a pair of claims must be about
the same thing by several signals before it is shown:

- numbers: the same unit ("countries", "people") and at least two other shared content words in
  the sentences (deaths: "killed", "died", "dead", "lost the life" count as one word), and either
  different values or incompatible qualifiers ("more than 50" vs "around 50"; "at least 12" and
  "12" agree);
- stances: opposite verbs ("condemned" vs "announced their support for", "blamed" vs "praised")
  of the same named actors, sharing two actors or one actor and two words of what the stance is
  about; a negation ("did not support") flips the verb.

Claims are compared only across independent outlets (copies of one wire story are one outlet).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from chorus.analyse import STOPWORDS, stem
from chorus.entities import find_names, fold, spellings_in
from chorus.models import Claim, Disagreement, Document, Entity, Sentence

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
LOWER_BOUND = ("more than", "over", "at least", "upwards of", "in excess of", "no fewer than")
APPROXIMATE = ("around", "about", "nearly", "almost", "some", "roughly", "approximately", "close to", "an estimated")
UPPER_BOUND = ("up to", "fewer than", "less than", "as many as", "under")
_QUALIFIER = "|".join(sorted(LOWER_BOUND + APPROXIMATE + UPPER_BOUND, key=len, reverse=True))
_NUMBER = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_QUANTITY = re.compile(
    rf"(?<![\w$€£])(?:({_QUALIFIER})\s+)?({_NUMBER})(?:\s+(hundred|thousand|million|billion))?"
    rf"\s+((?:[a-z-]+\s+){{0,2}}?)([a-z]+s|people|persons|men|women|children|dead|killed)\b",
    re.IGNORECASE,
)
# Words that name the same predicate in different outlets' (or translators') words.
SYNONYMS = {
    "kill": "death", "die": "death", "dead": "death", "death": "death", "toll": "death", "life": "death",
    "person": "people", "peopl": "people", "resid": "people", "inhabit": "people", "citizen": "people", "di": "death",
    "evacu": "evacuate", "flee": "evacuate", "fled": "evacuate",
    "injur": "injure", "wound": "injure", "hurt": "injure",
}  # fmt: skip
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
_NEGATION = re.compile(r"\b(?:not|n't|never|no longer|refused to)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def _number(text: str, scale: str | None) -> float | None:
    text = text.lower().replace(",", "")
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


def _concepts(text: str) -> set[str]:
    words = {stem(w) for w in re.findall(r"[a-z]+", fold(text)) if w not in STOPWORDS and len(w) > 2}
    return {SYNONYMS.get(w, w) for w in words}


TIME_UNITS = frozenset(
    stem(word) for word in ("days", "hours", "minutes", "weeks", "months", "years", "times", "seconds", "decades", "centuries")
)
# Predicates that name what happened to the counted (death, evacuation, injury): two counts with
# different ones are different quantities, however alike their sentences.
KEY_PREDICATES = frozenset({"death", "evacuate", "injure", "missing", "arrest", "rescu"})


@dataclass
class _Quantity:
    value: float
    qualifier: str
    unit: str
    phrase: str
    context: set[str]
    group: int
    doc_id: str
    modifiers: frozenset[str] = frozenset()  # words between the number and its noun ("injured")
    predicate: frozenset[str] = frozenset()  # content words just after it ("were killed")


@dataclass
class _Stance:
    polarity: int
    actors: set[str]
    about: set[str]
    phrase: str
    group: int
    doc_id: str
    verb: str = field(default="")


def _quantities(sentence: Sentence, group: int, doc_id: str) -> list[_Quantity]:
    found = []
    for match in _QUANTITY.finditer(sentence.text):
        qualifier, number, scale, between, unit = match.groups()
        if between and re.search(r"\b(?:of|per|a|an)\b", between, re.IGNORECASE):
            continue  # "one of the suspects", "30 miles per hour": not a count of the noun
        value = _number(number, scale)
        if value is None or (number.isdigit() and 1900 <= value <= 2100 and not scale):
            continue  # a year, not a count
        unit_word = SYNONYMS.get(stem(unit.lower()), stem(unit.lower()))
        if unit_word in TIME_UNITS:
            continue  # durations differ for many innocent reasons
        context = _concepts(sentence.text[: match.start()] + " " + sentence.text[match.end() :]) - {unit_word}
        following = " ".join(sentence.text[match.end() :].split()[:4])
        found.append(
            _Quantity(
                value,
                _qualifier_class(qualifier),
                unit_word,
                match.group(0),
                context,
                group,
                doc_id,
                modifiers=frozenset(_concepts(between or "")),
                predicate=frozenset(_concepts(following)),
            )
        )
    return found


def _same_topic(a: _Quantity, b: _Quantity) -> bool:
    """The same quantity: same noun and modifiers, and the same predicate or much shared context."""
    if a.unit != b.unit or a.modifiers != b.modifiers:
        return False
    a_key, b_key = a.predicate & KEY_PREDICATES, b.predicate & KEY_PREDICATES
    if a_key and b_key and not a_key & b_key:
        return False  # "12 people were killed" vs "20 people were evacuated"
    return bool(a.predicate & b.predicate) or len(a.context & b.context) >= 3


def _conflict(a: _Quantity, b: _Quantity) -> bool:
    if not _same_topic(a, b):
        return False
    if max(a.value, b.value) > 3 * max(1.0, min(a.value, b.value)) and not a.predicate & b.predicate:
        return False  # far apart numbers must share their predicate ("killed"), not just context
    if a.value != b.value:
        return True
    return {a.qualifier, b.qualifier} in ({"lower", "approx"}, {"lower", "upper"}, {"approx", "upper"})


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
    found = []
    for polarity, pattern in ((1, _POSITIVE), (-1, _NEGATIVE)):
        for match in pattern.finditer(sentence.text):
            sign = -polarity if _NEGATION.search(sentence.text[: match.start()]) else polarity
            # The actors taking the stance: named shortly before the verb, in the same clause.
            window = sentence.text[max(0, match.start() - 100) : match.start()]
            clause_start = match.start() - len(window) + max(window.rfind(";"), window.rfind(". "), -1) + 1
            subjects = {name for name, position in actors.items() if clause_start <= position < match.start()}
            if not subjects:
                continue
            about = _concepts(sentence.text[match.end() :])
            for name in subjects:
                about -= _concepts(name)
            found.append(_Stance(sign, subjects, about, sentence.text, group, doc_id, match.group()))
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
    for sentence in sentences:
        doc_id = documents[sentence.doc_index].id
        group = groups[sentence.doc_index]
        quantities.extend(_quantities(sentence, group, doc_id))
        stances.extend(_stances(sentence, group, doc_id, entities))
    return _quantity_disagreements(quantities) + _stance_disagreements(stances)


def _quantity_disagreements(quantities: list[_Quantity]) -> list[Disagreement]:
    # Only quantities of the same noun and modifiers can disagree: compare inside those buckets.
    buckets: dict[tuple[str, frozenset[str]], list[int]] = defaultdict(list)
    for index, quantity in enumerate(quantities):
        buckets[(quantity.unit, quantity.modifiers)].append(index)
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
                if j not in used and quantities[j].group != a.group and _conflict(a, quantities[j])
            ]
            if len(members) < 2:
                continue
            # Bring in every claim that agrees with a member (the other outlets on each side).
            for j in bucket:
                b = quantities[j]
                if j in members or j in used:
                    continue
                if any(
                    b.value == quantities[m].value and (b.qualifier == quantities[m].qualifier or _same_topic(quantities[m], b))
                    for m in members
                ):
                    members.append(j)
            used.update(members)
            claims = _claims(
                [(quantities[m].phrase, quantities[m].doc_id, (quantities[m].value, quantities[m].qualifier)) for m in members]
            )
            if len(claims) >= 2:
                disagreements.append(Disagreement(about=_quantity_label(a), claims=claims))
    return disagreements


def _one_source_gives_several(a: _Quantity, bucket: list[int], quantities: list[_Quantity]) -> bool:
    values: dict[str, set[float]] = defaultdict(set)
    for j in bucket:
        if _same_topic(a, quantities[j]) or quantities[j] is a:
            values[quantities[j].doc_id].add(quantities[j].value)
    return any(len(found) > 1 for found in values.values())


def _stance_disagreements(stances: list[_Stance]) -> list[Disagreement]:
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
            and stances[j].polarity == -a.polarity
            and (len(a.actors & stances[j].actors) >= 2 or len(a.about & stances[j].about) >= 2)
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


def _claims(items: list[tuple[str, str, object]]) -> list[Claim]:
    """One claim per distinct position, with the documents holding it (first wording kept)."""
    by_position: dict[object, Claim] = {}
    for text, doc_id, position in items:
        claim = by_position.setdefault(position, Claim(text=text, sources=[]))
        if doc_id not in claim.sources:
            claim.sources.append(doc_id)
    return list(by_position.values())


def _quantity_label(quantity: _Quantity) -> str:
    noun = quantity.phrase.split()[-1].lower()
    if "death" in quantity.predicate:
        return f"{noun} killed"
    if "evacuate" in quantity.predicate:
        return f"{noun} evacuated"
    return f"number of {noun}"
