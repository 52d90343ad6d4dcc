"""The learned ranker over a quote's candidate speakers (trained by ``bench/train_speakers.py``).

For the quotes the rules (``chorus.attribution``) attribute by a pronoun, a description or by carrying the last
speaker on, every entity named in the quote's paragraph and the two sentences before it is a candidate; a linear
scorer over ``SPEAKER_FEATURES`` (``chorus/weights/speakers.json``, numpy only, read once) picks one.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from chorus.attribution import Attributed, ends_a_sentence
from chorus.mentions import PLATFORMS, fold
from chorus.models import Entity
from chorus.quoted_text import sentence_ends
from chorus.speaker_finder import TITLE_WORDS

SPEAKER_FEATURES = (
    "rules",  # the rules' own choice (weight 0 in the shipped model: trained with --drop rules)
    "person",
    "organisation",  # organisation or other
    "place",
    "log_chars",  # log(1 + characters between the nearest mention and the quote)
    "log_tokens",  # log(1 + tokens between them)
    "speech_subject",  # "X said" / "said X" right next to the quote, in its sentence
    "speech_verb",  # "X said" / "said X" anywhere in the window
    "same_sentence",
    "before",  # a mention before the quote
    "after",  # a mention after the quote
    "in_paragraph",  # a mention in the quote's own paragraph (else in the two sentences before it)
    "titled",  # a title or role noun right before the name ("Mayor", "spokesman")
    "possessor",
    "object",  # after a preposition
    "determined",  # after an article
    "modifier",  # a modifier of the next name
    "log_count",  # log(1 + mentions of the entity in the report)
    "only_quoted",  # every mention in the window is inside a quotation
    "previous_speaker",  # spoke the report's previous quote
    "last_person",  # the last person named (outside quotations) before the quote
    "no_mention",  # not named in the window (the rules resolved a pronoun or a description)
    "rules_description",  # the rules' choice when found from "the company said", "the statement reads"...
    "rival_speaks",  # another candidate has "X said" right next to the quote, this one does not
    "antecedent",  # whom "he"/"she" would mean by the narrative: the first subject of the last sentence naming a person
)
_SENTENCE_END = re.compile(r"[.!?][”\"]?\s")


@dataclass
class Candidate:
    """One candidate speaker of one quote and its ``SPEAKER_FEATURES`` row."""

    entity: Entity
    features: np.ndarray


def _window_start(text: str, offset: int) -> int:
    """Where the second sentence before the paragraph at ``offset`` starts."""
    head = text[max(0, offset - 800) : offset]
    ends = [m.end() for m in _SENTENCE_END.finditer(head) if not re.search(r"(?:^|[\s.])[A-Z]$", head[: m.start()])]
    # the last end closes the sentence just before the paragraph: two sentences back start after the third-last end
    back = ends[-3] if len(ends) >= 3 else 0
    return max(0, offset - 800) + back if len(ends) >= 3 or offset <= 800 else max(0, offset - 800)


def speaker_candidates(quote: Attributed) -> list[Candidate]:
    """The candidate speakers of one attributed quote with their ``SPEAKER_FEATURES`` (deterministic: text
    order): every entity named in the quote's paragraph and the two sentences before it, plus the rules' choice."""
    finder = quote.finder
    text = finder.text
    q_start, q_end = quote.offset + quote.start, quote.offset + quote.end
    if quote.offset not in finder.window_starts:
        finder.window_starts[quote.offset] = _window_start(text, quote.offset)
    window = (finder.window_starts[quote.offset], quote.offset + len(quote.paragraph))
    counts = finder.mention_counts()
    # the last person named (as a subject or possessor, outside quotations) before the quote
    starts, people = finder.narrative_people()
    before_quote = bisect_left(starts, q_start)
    last_person = people[before_quote - 1] if before_quote else None
    # whom "he"/"she" stands for, named before the pronoun ('He said Dees was trying "...": not Dees)
    named_before = q_start if quote.pronoun_at is None else quote.pronoun_at
    antecedent = finder.last_person_before(named_before, carry=False, pronoun=quote.pronoun)
    rows: dict[str, dict[str, float]] = {}
    entities_by_name: dict[str, Entity] = {}
    shortest: defaultdict[str, tuple[float, float]] = defaultdict(lambda: (math.inf, math.inf))
    # occurrences are in text order: those in the window
    for k in range(bisect_left(finder.name_starts, window[0]), bisect_left(finder.name_starts, window[1])):
        start, form, _, role = finder.occurrences[k]
        if q_start <= start < q_end:
            continue
        if quote.pronoun_at is not None and quote.pronoun_at <= start < q_start:
            continue  # 'He said Dees was trying "...": named after the pronoun that speaks, so not whom it means
        entity = finder.entity_at(k)
        if fold(entity.name) in PLATFORMS:
            continue  # "wrote on Twitter": where it was said, not who said it
        end = start + len(form)
        before = end <= q_start
        gap = text[end : max(end, q_start - 1)] if before else text[q_end + 1 : start]
        same_sentence = not ends_a_sentence(gap + " ") and not (not before and quote.text.rstrip().endswith((".", "!", "?")))
        said = finder.said_at(k)
        tokens = len(gap.split())
        row = rows.setdefault(entity.name, {"log_chars": 9.0, "log_tokens": 9.0, "only_quoted": 1.0})
        entities_by_name[entity.name] = entity
        # the nearest mention's log1p (monotonic: the log of the shortest gap, taken once below)
        shortest[entity.name] = (min(len(gap), shortest[entity.name][0]), min(tokens, shortest[entity.name][1]))
        row["speech_verb"] = max(row.get("speech_verb", 0.0), float(said))
        adjacent = said and same_sentence and len(gap) <= 120 and not re.search(r"[“”\"]", gap)
        row["speech_subject"] = max(row.get("speech_subject", 0.0), float(adjacent))
        row["same_sentence"] = max(row.get("same_sentence", 0.0), float(same_sentence))
        row["before"] = max(row.get("before", 0.0), float(before))
        row["after"] = max(row.get("after", 0.0), float(not before))
        row["in_paragraph"] = max(row.get("in_paragraph", 0.0), float(start >= quote.offset))
        previous_word = text[max(0, start - 30) : start].split()[-1:] or [""]
        row["titled"] = max(row.get("titled", 0.0), float(previous_word[0].lower().rstrip(".,") in TITLE_WORDS))
        for name in ("possessor", "object", "determined", "modifier"):
            hit = role == name or (name == "object" and role == "titled object")
            row[name] = max(row.get(name, 0.0), float(hit))
        row["only_quoted"] = min(row["only_quoted"], float(finder.quoted_at(k)))
    for name, (chars, tokens) in shortest.items():
        rows[name]["log_chars"] = min(9.0, float(np.log1p(chars)))
        rows[name]["log_tokens"] = min(9.0, float(np.log1p(tokens)))
    if quote.speaker is not None and quote.speaker.name not in rows:
        rows[quote.speaker.name] = {"no_mention": 1.0, "log_chars": 9.0, "log_tokens": 9.0}
        entities_by_name[quote.speaker.name] = quote.speaker
    out: list[Candidate] = []
    speaking = sum(row.get("speech_subject", 0.0) for row in rows.values())
    for name, row in rows.items():
        row["rival_speaks"] = float(speaking > 0 and not row.get("speech_subject", 0.0))
        row["antecedent"] = float(antecedent is not None and antecedent.name == name)
        entity = entities_by_name[name]
        row["rules"] = float(quote.speaker is not None and quote.speaker.name == name)
        row["person"] = float(entity.kind == "person")
        row["organisation"] = float(entity.kind in {"organisation", "other"})
        row["place"] = float(entity.kind == "place")
        row["log_count"] = float(np.log1p(counts.get(name, 0)))
        row["previous_speaker"] = float(quote.previous is not None and quote.previous.name == name)
        row["last_person"] = float(last_person is not None and last_person.name == name)
        row["rules_description"] = row["rules"] * float(quote.how == "description")
        out.append(Candidate(entity, np.array([row.get(f, 0.0) for f in SPEAKER_FEATURES])))
    return out


@dataclass(frozen=True)
class SpeakerModel:
    """A linear scorer over standardised ``SPEAKER_FEATURES`` (the JSON ``bench/train_speakers.py`` writes)."""

    coef: np.ndarray
    intercept: float
    mean: np.ndarray
    scale: np.ndarray

    def scores(self, features: np.ndarray) -> np.ndarray:
        return ((features - self.mean) / self.scale) @ self.coef + self.intercept


@lru_cache(maxsize=1)
def load_speaker_model() -> SpeakerModel:
    """The ranker shipped as ``chorus/weights/speakers.json`` (read once); its features must be ``SPEAKER_FEATURES``."""
    data = json.loads(resources.files("chorus").joinpath("weights/speakers.json").read_text(encoding="utf-8"))
    if tuple(data["features"]) != SPEAKER_FEATURES:
        raise ValueError("chorus/weights/speakers.json was trained on other features: retrain with bench/train_speakers.py")
    arrays = [np.asarray(data[key], dtype=float) for key in ("coef", "mean", "scale")]
    if any(a.shape != (len(SPEAKER_FEATURES),) for a in arrays):
        raise ValueError("chorus/weights/speakers.json: coef, mean and scale need one number per feature")
    return SpeakerModel(arrays[0], float(data["intercept"]), arrays[1], arrays[2])


def eligible_candidates(quote: Attributed, found: list[Candidate]) -> list[Candidate]:
    """Of a quote's ``speaker_candidates``, the ones the ranker chooses among: only people after "he said" or
    "she added" (not the agency credited under a chart in between), and only those the pronoun may stand for
    ("she said": not the man named just before), when any are left."""
    if quote.how == "pronoun" and any(c.entity.kind == "person" for c in found):
        found = [c for c in found if c.entity.kind == "person"]
    if any(quote.finder.may_be(c.entity, quote.pronoun) for c in found):
        found = [c for c in found if quote.finder.may_be(c.entity, quote.pronoun)]
    return found


# How close (characters) before a quote the person a "he said" goes to must be named for the rules to keep it
PRONOUN_REACH = 300


def _named_just_before(quote: Attributed, speaker: Entity) -> bool:
    """``speaker`` is the last person the narrative names (as a subject or possessor) before the quote, within
    ``PRONOUN_REACH`` characters or in the sentence right before the quote's (however long: "During a news
    conference, Enderson was pressed on why ... had not named Rudolph a suspect ...")."""
    position = quote.offset + quote.start
    named = quote.finder.last_named_person(position)
    if named is None or named[1].name != speaker.name:
        return False
    return position - named[0] <= PRONOUN_REACH or len(sentence_ends(quote.finder.text[named[0] : position])) <= 1


def ranked_speaker(quote: Attributed) -> Entity | None:
    """The rules' speaker when a name in the attribution gave it ("X said", "said Mayor X"), "it" stands for a
    body they found ('"...," it said', and the quotes carried on after it) or "he"/"she" stands for the person the
    narrative named last, just before the quote; else the candidate the shipped ranker scores highest (the first in
    text order on a tie); None when the rules leave the quote unnamed; the rules' speaker when there is no candidate."""
    if quote.speaker is None:
        # the rules found the quote's speaker unnamed ("said one resident of Brezno"): the ranker, trained on
        # named speakers only, would always pick someone, and a wrong name misleads more than none
        return None
    if quote.how == "name" or (quote.pronoun == "it" and quote.speaker.kind in {"organisation", "other"}):
        # the grammar named the speaker: right more often than the ranker there (bench/train_speakers.py);
        # pronouns, descriptions and quotes carried over from the last one are the ranker's, but not '"...," it
        # said' when the rules found a body for "it": the ranker, which cannot tell "it" from "he", picks the
        # people named nearby (audit 25: 3 quotes right instead of 0; development unchanged)
        return quote.speaker
    if quote.how == "pronoun" and _named_just_before(quote, quote.speaker):
        return quote.speaker
    found = eligible_candidates(quote, speaker_candidates(quote))
    if not found:
        return quote.speaker
    scores = load_speaker_model().scores(np.array([c.features for c in found]))
    return found[int(np.argmax(scores))].entity
