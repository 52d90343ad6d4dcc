"""When two figures (read by ``chorus.disagreements.figures``) are the same quantity, and when they conflict:

- counts and sums: values, ranges ("between 18 and 22", "40-50") and bounds ("more than 50") of the same noun class
  ("people"/"victims"/"others" count people; "fighters"/"militants" attackers; "crew"/"sailors"/
  "personnel" who is aboard, one in a story; "the death toll climbed to 40" the dead), with the
  same time frame ("each year", "since 1990"), the same kind ("killed" vs "wounded") and, for sums, the
  same role ("total", "fine"). Near values (within 10%) need two shared words of their clause, values
  farther apart a shared "what happened" or three words; values more than 2x apart, values an outlet
  gives both of, and relative counts ("the other three") against totals are never compared. Same
  values disagree only through incompatible qualifiers ("more than 50" vs "around 50"); an approximation
  agrees with an exact value within its tolerance ("nearly two dozen" and 23); an earthquake's magnitudes
  (6 vs 6.2) when they are a revision apart and name the same places, not an aftershock's or a past quake's; the
  clock time it struck, in one time zone ("3:36 a.m." vs "around 3:30 a.m. local time"), an approximate time agreeing
  within ``CLOCK_ROUNDING`` minutes;
- measures, converted to metres whatever unit each outlet used ("about 100 meters deep" vs "some 450 feet
  down"): depths, areas and storeys of the story; lengths and heights only when their clauses share a word (a
  story may measure several things); distances only from the same named place and of the same thing (a word of
  their clauses before the figure shared, the quake's words one: "epicenter", "temblor"; the words after it say
  where it points); a distance is the same both ways ("L'Aquila, 90 kilometers south of the quake" is the quake's
  from L'Aquila); within 10% they agree (a conversion rounded).

Rules from a precision audit of unannotated clusters (Multi-News and DUC 2007): round figures agree with the
values they round ("more than 500" and 535, "2,000 stores" and 2,192); reports more than a news cycle apart
(dated) give counts as they stood then; near values of two different places are two places' counts. From a second
audit (ECB+ events and DUC reports no gold file uses, ``bench/disagreement_audit.py``): an upper bound agrees with its
own value approximated ("as many as 10,000" and "about 10,000") or ending a range ("as many as 35 to 40"); counts of
two different named people ("Carter scored 14 points", "13 points from VanDeest") are two quantities (people telling
a figure, "X said", are not what it counts); a game's statistics ("16 points", "a 45-yard field goal") are never
compared (``chorus.disagreements.figures`` does not read them).
"""

from __future__ import annotations

from collections import defaultdict

from chorus.disagreements.claims import Days, concepts, grouped_claims, news_cycles_apart
from chorus.disagreements.figures import Quantity
from chorus.models import Disagreement

# Two values this close (relative gap) are likely one quantity reported differently (20 vs 21,
# 62 vs 64, 40-50 vs 50); farther apart values need stronger evidence of being the same thing.
NEAR = 0.1
# Agencies revise a magnitude by a few tenths (6.0 vs 6.2); a whole unit apart is another quake.
MAGNITUDE_REVISION = 0.5
# Minutes an approximate clock time ("around 3:30 a.m.") may be from the time it rounds
CLOCK_ROUNDING = 5.0
# Words of where a distance points, no part of what it measures
_DIRECTIONS = frozenset(
    concepts("north south east west northeast northwest southeast southwest northern southern eastern western away off")
)
# Words for one quake's place: "the epicenter was 70 kilometers southeast", "the quake struck 55 miles east"
_QUAKE_WORDS = frozenset(concepts("quake quakes earthquake epicenter epicentre temblor tremor"))


def _located(distance: Quantity) -> set[str]:
    """The words of a distance's clause that may say what it locates (not where it points)."""
    return {"quake" if word in _QUAKE_WORDS else word for word in distance.context - _DIRECTIONS}


# What ``Quantity.places`` holds beside places: "where" (a clause about a place named before) and "part" (a part of a count)
_PLACE_MARKERS = frozenset({"where", "part"})


def _gap(a: Quantity, b: Quantity) -> float:
    """How far apart two values are, relative to the larger (0 when their ranges overlap)."""
    return max(0.0, max(a.low, b.low) - min(a.high, b.high)) / max(1.0, a.high, b.high)


def _one_quake_place(a: Quantity, b: Quantity) -> bool:
    """Two figures of a quake (its magnitude, the time it struck) name the same places, or one names none ("6.8 by
    Turkish scientists"): one quake."""
    return a.places == b.places or not a.places or not b.places


def _same_topic(a: Quantity, b: Quantity) -> bool:
    """The same quantity: same noun, time frame and kind, and much shared context or near values."""
    if a.unit != b.unit or a.frame != b.frame:
        return False
    if a.unit == "measure distance":
        # a distance from the same place, of the same thing: "the epicenter ... 70 kilometers southeast of Istanbul" is
        # not "the refinery, 110 kilometers southeast of Istanbul"
        place_words = {word for place in a.places | b.places for word in concepts(place)}
        return bool((a.places & b.places) - _PLACE_MARKERS) and bool(_located(a) & _located(b) - place_words)
    if a.unit in ("measure length", "measure height") or "sized" in a.modifiers | b.modifiers:
        # a story may measure several things ("the 55-foot-long trade vessel" beside the wreck found): a length, a
        # height or a size written before its noun ("a 5,000-square-foot house") needs a word of its clause shared
        return bool(a.context & b.context)
    if a.unit.startswith("measure "):
        return True  # the depth (of the sea where it lies), the area, the storeys: one in a story
    if a.unit == "crew":
        return a.key == b.key  # who is aboard: one crew in a story ("a 107-man crew", "the 116 sailors on board")
    if a.unit.startswith("clock"):
        return _one_quake_place(a, b)
    if a.unit == "magnitude":
        # one quake (the same places), magnitudes a revision apart
        return _one_quake_place(a, b) and abs(a.low - b.low) <= MAGNITUDE_REVISION
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
    if a.people and b.people and not a.people & b.people:
        return False  # "Carter scored 14 points" vs "13 points from VanDeest": two people's counts
    a_places, b_places = a.places - _PLACE_MARKERS, b.places - _PLACE_MARKERS
    if a_places and b_places and not a_places & b_places:
        return False  # near values of two places: "In Izmit, 3,261 people were killed" and "Adapazari 3,046 dead"
    if a.modifiers != b.modifiers and not (near and not (a.modifiers and b.modifiers)):
        return False  # "23 injured people" vs "14 missing people"; "64 high school swimmers" vs "62 swimmers" may be one
    shared = len(a.context & b.context)
    if near:
        return bool(a.predicate & b.predicate) or shared >= 2
    # Values farther apart must share what happened to the counted ("killed") or much of their clause.
    return bool(a_key & b_key) or shared >= 3


def _approximately(a: Quantity, b: Quantity) -> bool:
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


def _rounded(a: Quantity, b: Quantity) -> bool:
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


def _bounded(a: Quantity, b: Quantity) -> bool:
    """A bound and an exact value just past it agree: "more than 20 ships" and 22 ships (within NEAR)."""
    for bound, value in ((a, b), (b, a)):
        if value.qualifier != "exact" or value.low != value.high:
            continue
        if bound.qualifier == "lower" and bound.low < value.low <= bound.low * (1 + NEAR):
            return True
        if bound.qualifier == "upper" and bound.low * (1 - NEAR) <= value.low < bound.low:
            return True
    return False


def _bound_of_range(a: Quantity, b: Quantity) -> bool:
    """A range ending on a bound agrees with it: "as many as 35 to 40" and "as many as 40", "at least 20 to 25" and
    "at least 20"."""
    for span, bound in ((a, b), (b, a)):
        if span.qualifier == "range" and (
            (bound.qualifier == "upper" and span.high == bound.low) or (bound.qualifier == "lower" and span.low == bound.low)
        ):
            return True
    return False


def _conflict(a: Quantity, b: Quantity) -> bool:
    if not _same_topic(a, b):
        return False
    if a.unit.startswith("clock"):
        # Why: "around 3:30" is a time rounded to five minutes (it agrees with 3:33, not with 3:36); exact times agree
        # only when equal. No 2x rule: clock times are not parts of a whole.
        tolerance = CLOCK_ROUNDING if "approx" in (a.qualifier, b.qualifier) else 0.0
        return abs(a.low - b.low) > tolerance
    if a.high > 2 * max(1.0, b.low) or b.high > 2 * max(1.0, a.low):
        return False  # values this far apart are different quantities (a part and a whole, another event)
    if a.unit.startswith("measure ") and _gap(a, b) <= NEAR:
        return False  # "100 meters" and "330 feet": one figure converted and rounded
    if (a.low, a.high) != (b.low, b.high):
        # Why: approximations and round figures stand for a span of values; one inside it agrees.
        return not (_approximately(a, b) or _rounded(a, b) or _bounded(a, b) or _bound_of_range(a, b))
    return {a.qualifier, b.qualifier} in ({"lower", "approx"}, {"lower", "upper"})


def quantity_disagreements(quantities: list[Quantity], days: Days | None = None) -> list[Disagreement]:
    # Only quantities of the same noun can disagree: compare inside those buckets.
    buckets: dict[str, list[int]] = defaultdict(list)
    for index, quantity in enumerate(quantities):
        buckets[quantity.unit].append(index)
    stated: dict[tuple[int, str], list[Quantity]] = defaultdict(list)
    for quantity in quantities:
        stated[(quantity.group, quantity.unit)].append(quantity)

    def states(group: int, value: Quantity) -> bool:
        return any((q.low, q.high) == (value.low, value.high) and _same_topic(q, value) for q in stated[(group, value.unit)])

    def outlets_differ(a: Quantity, b: Quantity) -> bool:
        # An outlet that gives both values treats them as two quantities ("five counts of ... and two counts of ...").
        same_value = (a.low, a.high) == (b.low, b.high)
        if news_cycles_apart(days or {}, a.doc_id, b.doc_id):
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
            claims = grouped_claims([(quantities[m].phrase, quantities[m].doc_id, quantities[m].position) for m in members])
            if len(claims) >= 2:
                disagreements.append(Disagreement(about=_quantity_label(a), claims=claims))
    return disagreements


def _quantity_label(quantity: Quantity) -> str:
    noun = quantity.noun
    if noun == "money":
        return "amount of money"
    if noun == "magnitude":
        return "magnitude of the earthquake"
    if quantity.unit.startswith("clock"):
        return noun
    if quantity.unit.startswith("measure "):
        return "number of storeys" if noun == "storeys" else noun
    if "death" in quantity.predicate:
        return f"{noun} killed"
    if "evacuate" in quantity.predicate:
        return f"{noun} evacuated"
    return f"number of {noun}"
