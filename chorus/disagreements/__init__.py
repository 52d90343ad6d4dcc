"""Where sources differ: the same quantity given different values, the same actor given opposite
stances, one person given different ages or states. Precision comes first (a false disagreement
misleads), so a pair of claims must be about the same thing by several signals before it is shown.
``find_disagreements`` reads each kind of claim from every sentence, then compares each kind across outlets;
each part is a module whose docstring gives its rules:

- ``figures``: counts, sums of money, death tolls, earthquake magnitudes and measures (converted to metres) read
  from a sentence;
- ``quantities``: when two figures are the same quantity (noun class, time frame, kind, role, shared words,
  places) and when they conflict (qualifiers, approximations, round figures, bounds);
- ``stances``: opposite verbs of the same named actors;
- ``people``: the ages and states of a named person, and the weekday something happened to them;
- ``claims``: what they all use: claims grouped by position, a claim's clause and its content words, the day a
  report was published and the news cycle.

Claims are compared only across independent outlets (copies of one wire story are one outlet), and a
claim is shown as the clause its figure or state sits in. Reports more than a news cycle apart (dated) give counts,
stances and states as they stood then, and ages one year older a year later: the publication days are read once
here and passed to every comparison. Rules from a precision audit of unannotated clusters (Multi-News and DUC 2007)
are given in the module each applies to.
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
