"""Where sources differ: the same quantity given different values, the same actor given opposite
stances, one person given different ages or states. Precision comes first (a false disagreement
misleads), so a pair of claims must be about the same thing by several signals before it is shown.
``find_disagreements`` reads each kind of claim from every sentence, then compares each kind across outlets;
each part is a module whose docstring gives its rules:

- ``figures``: counts, sums of money, death tolls, earthquake magnitudes and times, and measures (converted to
  metres) read from a sentence;
- ``quantities``: when two figures are the same quantity (noun class, time frame, kind, role, shared words,
  places) and when they conflict (qualifiers, approximations, round figures, bounds);
- ``stances``: opposite verbs of the same named actors;
- ``people``: the ages and states of a named person, and the weekday something happened to them or to a thing;
- ``claims``: what they all use: claims grouped by position, a claim's clause and its content words, the day a
  report was published and the news cycle.

Claims are compared only across independent outlets (copies of one wire story are one outlet), and a
claim is shown as the clause its figure or state sits in. Reports more than a news cycle apart (dated) give counts,
stances and states as they stood then, and ages one year older a year later: the publication days are read once
here and passed to every comparison. Rules from a precision audit of unannotated clusters (Multi-News and DUC 2007)
are given in the module each applies to.
"""

from __future__ import annotations

from chorus.disagreements.figures import Quantity, read_quantities
from chorus.disagreements.people import (
    Age,
    Happening,
    Status,
    When,
    age_disagreements,
    happening_disagreements,
    read_ages,
    read_happenings,
    read_statuses,
    read_whens,
    shared_surnames_of,
    status_disagreements,
    when_disagreements,
)
from chorus.disagreements.quantities import quantity_disagreements
from chorus.disagreements.stances import Stance, read_stances, stance_disagreements
from chorus.entities import find_names, longest_first, spellings_by_document
from chorus.models import Disagreement, Document, Entity, Sentence


def find_disagreements(
    sentences: list[Sentence],
    documents: list[Document],
    groups: list[int],
    entities: list[Entity],
) -> list[Disagreement]:
    """Conflicting claims across independent outlets, each with its sources."""
    quantities: list[Quantity] = []
    stances: list[Stance] = []
    ages: list[Age] = []
    statuses: list[Status] = []
    whens: list[When] = []
    happenings: list[Happening] = []
    spellings = spellings_by_document(entities)
    forms: dict[str, list[str]] = {}  # each document's spellings longest first, sorted once for all its sentences
    days = {doc.id: moment.toordinal() for doc in documents if (moment := doc.published)}
    # Why: a surname two people of the story share ("Katie Jenkin", her brother "John Jenkin") is either's, whichever
    # report writes it alone (a surname two people of one report share is one of these)
    shared = shared_surnames_of({entity.name: [entity] for entity in entities})
    for sentence in sentences:
        doc_id = documents[sentence.doc_index].id
        group = groups[sentence.doc_index]
        if doc_id not in forms:
            forms[doc_id] = longest_first(spellings[doc_id])
        names = find_names(sentence.text, spellings[doc_id], forms[doc_id])  # found once, used by every kind of claim
        quantities.extend(read_quantities(sentence, group, doc_id, names))
        ages.extend(read_ages(sentence, group, doc_id, names, shared))
        statuses.extend(read_statuses(sentence, group, doc_id, names))
        whens.extend(read_whens(sentence, group, doc_id, names))
        happenings.extend(read_happenings(sentence, group, doc_id, names))
        stances.extend(read_stances(sentence, group, doc_id, names))
    return (
        quantity_disagreements(quantities, days)
        + stance_disagreements(stances, days)
        + age_disagreements(ages, days)
        + status_disagreements(statuses, days)
        + when_disagreements(whens, days)
        + happening_disagreements(happenings, days)
    )
