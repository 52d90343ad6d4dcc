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

from chorus.disagreements.claims import _day
from chorus.disagreements.figures import _quantities, _Quantity
from chorus.disagreements.people import (
    _Age,
    _age_disagreements,
    _ages,
    _shared_surnames,
    _Status,
    _status_disagreements,
    _statuses,
    _When,
    _when_disagreements,
    _whens,
)
from chorus.disagreements.quantities import _quantity_disagreements
from chorus.disagreements.stances import _Stance, _stance_disagreements, _stances
from chorus.entities import find_names, spellings_in
from chorus.models import Disagreement, Document, Entity, Sentence


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
