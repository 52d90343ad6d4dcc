"""Opposite stances of the same actors: opposite verbs ("condemned" vs "announced their support for", "blamed" vs
"praised") of the same named actors, sharing two actors or one actor and two words of what the stance is
about; a negation ("did not support") flips the verb.

Rules from a precision audit of unannotated clusters (Multi-News and DUC 2007): reports more than a news cycle
apart (dated) give stances as they stood then; stance words used as nouns ("his support in the polls", "the blame
game") or under a condition ("unless he apologises", a sentence opening on "If") or in the passive ("but was rejected")
take no stance, a stance covers only its own object, and stances towards different named targets do not clash.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from chorus.disagreements.claims import Days, Names, concepts, grouped_claims, news_cycles_apart
from chorus.models import Disagreement, Sentence

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
# Either kind of stance word, as one pattern: a sentence with neither (nearly all) is then searched once, not twice
_STANCE_WORD = re.compile(rf"{_POSITIVE.pattern}|{_NEGATIVE.pattern}", re.IGNORECASE)
# A stance word used as a noun: after a determiner or possessive ("his support", "the GOP's blame") or after an
# object pronoun ("gives them both support"); only "their support for/to" (matched whole) is a stance.
_STANCE_NOUN = re.compile(
    r"(?:\b(?:the|a|an|his|her|its|their|our|my|your|this|no|any|much|strong|public|full)|['’]s"
    r"|\b(?:them|him|us|me)(?:\s+\w+)?"
    # "to bolster support for sovereignty", "won backing": support sought or won, a noun
    r"|\b(?:bolster\w*|boost\w*|win|wins|winning|won|gain\w*|rall(?:y|ied|ying)|drum\w*\s+up|shore\w*\s+up|garner\w*"
    r"|muster\w*|enjoy\w*|lose|loses|losing|lost|need\w*|want\w*|seek\w*|sought"
    # "to divert blame for her murder", "took the blame": blame moved about, a noun
    r"|divert\w*|shift\w*|deflect\w*|lay|lays|laid|laying|accept\w*|take|takes|took|taking|shar\w*|assign\w*))\s+$",
    re.IGNORECASE,
)
_POSSESSIVE_SUPPORT = re.compile(r"(?:their|its|his|her)\s+support", re.IGNORECASE)
# A stance under a condition ("unless he apologises", "depends on what he does") is not one taken.
_CONDITION = re.compile(r"\b(?:unless|if|depends\s+on|depending\s+on|provided\s+(?:that\s+)?\w+|as\s+long\s+as)\b", re.IGNORECASE)
_HYPOTHETICAL = re.compile(r"\b(?:could|would|might|may)\s+(?:\w+\s+)?$", re.IGNORECASE)
# A stance verb in the passive ("but was rejected") says what was done to its subject, not what the subject did.
_PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being|got|gets|get)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# A sentence opening on a condition ("If Ottawa refuses, Bouchard can say ...") takes no stance, whatever its verbs.
_CONDITIONAL_SENTENCE = re.compile(r"\W*(?:if|unless|should)\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|n't|never|no longer|refused to)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


@dataclass
class Stance:
    polarity: int
    actors: set[str]
    about: set[str]
    phrase: str
    group: int
    doc_id: str
    verb: str = field(default="")
    target: str = ""  # the named entity the stance is towards, or ""


def _actors_in(names: Names) -> dict[str, int]:
    """Canonical names of the entities named in a sentence (``names``, found in it), with their first position."""
    found: dict[str, int] = {}
    for start, _, named in names:
        found.setdefault(named[0].name, start)
    return found


def read_stances(sentence: Sentence, group: int, doc_id: str, names: Names) -> list[Stance]:
    if not _STANCE_WORD.search(sentence.text) or _CONDITIONAL_SENTENCE.match(sentence.text):
        return []
    actors = _actors_in(names)
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
        if _PASSIVE.search(text[: match.start()]):
            continue  # why: "he tried to negotiate but was rejected": rejected by someone else
        sign = -polarity if _NEGATION.search(text[: match.start()]) else polarity
        # The actors taking the stance: named shortly before the verb, in the same clause.
        window = text[max(0, match.start() - 100) : match.start()]
        clause_start = match.start() - len(window) + max(window.rfind(";"), window.rfind(". "), -1) + 1
        subjects = {name for name, position in actors.items() if clause_start <= position < match.start()}
        if not subjects:
            continue
        about = concepts(text[match.end() : end])
        for name in subjects:
            about -= concepts(name)
        # What the stance is towards: the first other name in its object ("denounced Cambodia", "praised Britain").
        targets = sorted((position, name) for name, position in actors.items() if match.end() <= position < end)
        target = next((name for _, name in targets if name not in subjects), "")
        found.append(Stance(sign, subjects, about, text, group, doc_id, match.group(), target))
    return found


def stance_disagreements(stances: list[Stance], days: Days | None = None) -> list[Disagreement]:
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
            and not news_cycles_apart(days or {}, a.doc_id, stances[j].doc_id)  # why: a stance told days later may have changed
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
        claims = grouped_claims([(stances[m].phrase, stances[m].doc_id, stances[m].polarity) for m in members])
        if len(claims) >= 2:
            actors = sorted(set.intersection(*(stances[m].actors for m in [i, *opposite])))
            disagreements.append(Disagreement(about=f"stance of {', '.join(actors)}", claims=claims))
    return disagreements
