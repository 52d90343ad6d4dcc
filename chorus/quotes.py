"""Direct quotes with their speakers, merged across the outlets that carry them.

Five modules: ``chorus.quoted_text`` (where a report's quotes are and where its sentences end),
``chorus.attribution`` (the rules that read the quotes' attributions, described below), ``chorus.speaker_finder``
(whom a name, pronoun or description in an attribution stands for), ``chorus.speaker_ranker`` (the learned choice
among a quote's candidates) and this one (``extract_quotes``: whether the rules or the ranker gives the speaker, and
the merge across outlets).

A quote is text between quotation marks (curly or straight) of at least ``MIN_QUOTE_WORDS`` words;
an opening mark left open at the end of a paragraph closes there (news style for quotes running
over paragraphs). Its speaker comes from the attribution around it, in the order news writes it:

- after the quote: ``," said Mayor Ilinca Dragomir`` / ``," Guaidó said`` / ``," he said``;
- before it: ``Dragomir said: "...`` / ``Maduro wrote on Twitter, "...``, or at the end of the
  paragraph before (``X issued a statement saying —``);
- at the end of a sentence going on after the quote: ``" and binds to it tightly, said Madras.``;
- otherwise the person named before a speech verb earlier in the same sentence (not after a passive: "was
  denounced as" gives no speaker); an embedded post signed ``— Name (@handle) date`` is its signer's;
- a partial quote with none of these, inside a sentence opening on a person or body ("Conard rejects the notion
  that America has "some monopoly on hard work."") or on "he"/"she", is theirs when nobody else is named between
  the subject's verb and the quote and the verb is no passive; nothing carries on from it to a later quote;
- in text written one sentence a line, a quote left open at the end of its line takes the speaker the line closing it
  names (over one the line before or the last quote gave it), the lines between a quote left open and a line reopening
  it are the quote's, and a line ending on a colon ("The UN's Mr Gunness disagreed with the minister:") hands the next
  line's quote to the name it opens on.

Names resolve to the cluster's entities (``chorus.entities``), and only names that can be a subject
speak: not a possessor ("Laszlo's colleague"), the object of a preposition ("a resident of Brezno"),
a name after an article ("the Trump administration") or a modifier of the next name ("San Diego
Lifeguard Lt. John Sandmeyer"). "he"/"she" go to the speaker of the previous quote when nobody is
named since, else to the subject of the last sentence naming a person (outside quotations; a sentence opening on
"He"/"She" is about whom that pronoun stands for, and one opening on an epithet ("The mayor expressed ...") about the
person the report calls that, not the people it names), passing over
people whose first name says otherwise ("she said" is not the man named last: ``chorus.mentions.person_gender``);
a news outlet after the quote ("the official Yangcheng Evening News reported") relays the one named before it, and
anyone "quoted X as saying" relays X; an
epithet ("the attorney", "the Ohio Republican") to the person the report calls that, else the one it names
most; "the hospital" to the organisation named with that noun, else the one named last (nobody, not a person, when
the report names none), and "it said" to the body last reported speaking, else the organisation named last (the
ranker keeps a body "it" stands for; "the committee said": first the body named
right before "committee"); "X's campaign said", "X's dissent said" to X; a quote opening the sentence after "X said ..." to
X; a quote opening its paragraph after a paragraph that ends reporting someone's words or view, or opens on their
spoken reaction ("Yokich also bristled at ..."), to them; a
surname shared by two people to the one named last in full. The one told ("he told Sky TG24"), a name after a
possessive ("her fans"), a platform ("on Twitter") and a document ("notes the study") never speak (a report or a
statement speaks for the body last reported speaking: "The WMO said ... '...,' the report stated"); the name that
ends "Metallica drummer Lars Ulrich" does, and so does one after a title running over "of" ("Secretary of State
Christine Stewart"). Quotes whose speaker is not named ("said one protester", "a GOP
strategist who spoke on background", "the official said" with no one the report calls that) keep
``speaker=None``. Two quotes are one when most of their words
agree (outlets trim and translate quotes differently), unless one report carries both.

``SPEAKERS`` chooses who speaks. ``"ranker"`` (the default): the rules decide whether a quote's speaker is
named at all, and who when a name in the attribution gives it ("X said", "said Mayor X"); for the rest
(pronouns, descriptions such as "the company said", quotes carried over from the last one), of the quote's
candidates (every entity named in its paragraph and the two sentences before it, plus the rules' choice) the
one a linear scorer over ``SPEAKER_FEATURES`` ranks first (``chorus/weights/speakers.json``, a conditional
logit fitted on the development gold by ``bench/train_speakers.py`` without the rules' choice as a feature;
numpy only, read once). ``"rules"``: the rules' own choice. Measured in ``BENCHMARKS.md`` (issue 4).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from chorus.analyse import STOPWORDS
from chorus.attribution import attributed_quotes
from chorus.mentions import fold
from chorus.models import Document, Entity, Quote
from chorus.quoted_text import MIN_QUOTE_WORDS, quoted_spans
from chorus.speaker_ranker import ranked_speaker

__all__ = ["MIN_QUOTE_WORDS", "SPEAKERS", "extract_quotes", "quoted_spans"]


# Who speaks: "ranker" (default: the rules say whether a quote is named, and who when a name gives it; the
# ranker, ``chorus/weights/speakers.json``, decides the rest) or "rules" (the rules of ``chorus.attribution``, their
# own choice). The choice and its numbers: the module docstring and BENCHMARKS.md (issue 4).
SPEAKERS = "ranker"


@dataclass
class _Found:
    text: str
    doc_index: int
    speaker: Entity | None


def extract_quotes(documents: list[Document], entities: list[Entity]) -> list[Quote]:
    """Every attributed direct quote of at least ``MIN_QUOTE_WORDS`` words, merged across
    documents, most widely carried first. Speakers come from ``SPEAKERS`` (the rules, or the ranker)."""
    if SPEAKERS == "ranker":
        found = [_Found(q.text, q.doc_index, ranked_speaker(q)) for q in attributed_quotes(documents, entities)]
    elif SPEAKERS == "rules":
        found = [_Found(q.text, q.doc_index, q.speaker) for q in attributed_quotes(documents, entities)]
    else:
        raise ValueError(f"SPEAKERS must be 'rules' or 'ranker', not {SPEAKERS!r}")
    return _merge(found, documents)


def _words(text: str) -> set[str]:
    """Content words of a quote (function words shared by any two quotes do not count)."""
    return {w for w in re.findall(r"\w+", fold(text)) if len(w) > 2 and w not in STOPWORDS}


def _runs_inside(a: str, b: str, every_word: bool = False) -> bool:
    """The content words (``every_word``: all the words) of the shorter of ``a`` and ``b`` appear in a row in the other."""
    first, second = (_all_words(a), _all_words(b)) if every_word else (_ordered_words(a), _ordered_words(b))
    short, long = (first, second) if len(first) <= len(second) else (second, first)
    return bool(short) and any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


@lru_cache(maxsize=4096)
def _all_words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", fold(text)))


@lru_cache(maxsize=4096)
def _ordered_words(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.findall(r"\w+", fold(text)) if len(w) > 2 and w not in STOPWORDS)


def _merge(found: list[_Found], documents: list[Document]) -> list[Quote]:
    groups: list[list[int]] = []  # indices into ``found``
    signatures: list[set[str]] = []
    # Each word -> the groups whose signature holds it: a quote is compared only with groups sharing a word with it
    # (one sharing none cannot pass the test below), in group order as before; comparing it with every group made
    # thousands of reports quadratic.
    holders: dict[str, set[int]] = defaultdict(set)
    words_of = [_words(item.text) for item in found]
    for index, item in enumerate(found):
        words = words_of[index]
        for g in sorted({g for word in words for g in holders.get(word, ())}):
            signature = signatures[g]
            shared = len(words & signature)
            smaller = min(len(words), len(signature))
            if not (smaller and shared >= min(3, smaller) and shared / smaller >= 0.7):
                continue
            members = groups[g]
            if any(found[m].doc_index == item.doc_index and words_of[m] != words for m in members):
                continue  # one report quotes a line once: its two different quotes are two lines
            partial = smaller < 4 or (shared < smaller and max(len(words), len(signature)) > 2 * smaller)
            if partial and not any(_runs_inside(item.text, found[m].text) for m in members):
                continue  # a much shorter quote is the same line only if its words run inside the other's ("...were targeted")
            if smaller < 2 and not any(_runs_inside(item.text, found[m].text, every_word=True) for m in members):
                continue  # 'None of them have been able to do anything' (one content word) is not any line saying "able"
            members.append(index)
            signatures[g] = signature | words
            for word in words:
                holders[word].add(g)
            break
        else:
            for word in words:
                holders[word].add(len(groups))
            groups.append([index])
            signatures.append(words)
    quotes: list[Quote] = []
    for indices in groups:
        group = [found[i] for i in indices]
        speakers = Counter(item.speaker.name for item in group if item.speaker is not None)
        speaker = speakers.most_common(1)[0][0] if speakers else None
        sources: list[str] = []
        for item in group:
            doc_id = documents[item.doc_index].id
            if doc_id not in sources:
                sources.append(doc_id)
        quotes.append(Quote(speaker=speaker, text=group[0].text, sources=sources))
    quotes.sort(key=lambda q: -len(q.sources))
    return quotes
