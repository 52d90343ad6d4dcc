"""Direct quotes with their speakers, merged across the outlets that carry them.

A quote is text between quotation marks (curly or straight) of at least ``MIN_QUOTE_WORDS`` words;
an opening mark left open at the end of a paragraph closes there (news style for quotes running
over paragraphs). Its speaker comes from the attribution around it, in the order news writes it:

- after the quote: ``," said Mayor Ilinca Dragomir`` / ``," Guaidó said`` / ``," he said``;
- before it: ``Dragomir said: "...`` / ``Maduro wrote on Twitter, "...``, or at the end of the
  paragraph before (``X issued a statement saying —``);
- otherwise the person named before a speech verb earlier in the same sentence.

Names resolve to the cluster's entities (``chorus.entities``), and only names that can be a subject
speak: not a possessor ("Laszlo's colleague"), the object of a preposition ("a resident of Brezno"),
a name after an article ("the Trump administration") or a modifier of the next name ("San Diego
Lifeguard Lt. John Sandmeyer"). "he"/"she" go to the speaker of the previous quote when nobody is
named since, else to the subject of the last sentence naming a person (outside quotations); an
epithet ("the athlete") to the person the report names most; "the department" to the organisation
named last; a surname shared by two people to the one named last in full. Quotes whose speaker is
not named ("said one protester") keep ``speaker=None``. Two quotes are one when most of their words
agree (outlets trim and translate quotes differently), unless one report carries both.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from chorus.analyse import STOPWORDS
from chorus.entities import ORGANISATION_WORDS, PERSON_TITLES, ROLE_NOUNS, SAID_VERBS, find_names, fold, spellings_in
from chorus.models import Document, Entity, Quote

MIN_QUOTE_WORDS = 5
_SPEECH = {
    "say", "tell", "add", "write", "tweet", "declare", "saying", "writing", "telling", "adding", "tweeting", "noting",
    "points out", "pointed out", "went on", "goes on",
    # the present tense of the reporting verbs, for features written "she says", "he explains"
    "tells", "adds", "writes", "tweets", "declares", "states", "warns", "asks", "notes", "explains", "insists", "claims",
    "urges", "announces", "replies", "responds", "argues", "confirms", "denies", "recalls", "admits", "stresses",
    "acknowledges", "concedes", "cautions", "predicts", "continues",
    # reporting verbs of written or indirect speech: "suggested in an email", "expressed the hope that", "the statement reads"
    "suggested", "expressed", "reads", "read",
}  # fmt: skip
# Abbreviations whose full stop does not end a sentence ("said Det. Geiger", "Sen. McCain said").
_TITLE_ABBREVIATIONS = "Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Det|Insp|Supt|Cpl|Pvt|Maj|Adm|Cmdr|Prof|Rev|Hon|Sr|Jr|St"
_VERBS = "|".join(sorted(SAID_VERBS | _SPEECH, key=len, reverse=True))
_VERB = rf"(?:(?:has|had|have)\s+)?(?:{_VERBS})"
# "she later wrote", "he then told", "she quickly added": one adverb between the pronoun and its verb.
_ADVERB = r"(?:(?:also|later|then|again|once|further|still|\w+ly)\s+)?"
_AFTER_PRONOUN = re.compile(rf"^\s*[,.]?\s*(?:(he|she)\s+{_ADVERB}{_VERB}|{_VERB}\s+(he|she))\b", re.IGNORECASE)
_AFTER_VERB_NAME = re.compile(rf"^\s*[,.]?\s*{_VERB}\s+([^,.;:“”\"]{{1,80}})", re.IGNORECASE)
_AFTER_NAME_VERB = re.compile(rf"^\s*[,.]?\s*([^;:“”\"]{{1,220}}?)\s+{_VERB}\b", re.IGNORECASE)
_BEFORE_NAME_VERB = re.compile(rf"([^.!?“”\"]{{1,240}}?)\s+{_VERB}\b[^.!?“”\"]{{0,60}}?[:,—–-]?\s*(?:that\s*)?$", re.IGNORECASE)
# A paragraph that hands over to a quote in the next one: 'X issued a statement saying —' / 'X said:'.
_LEAD_IN = re.compile(rf"(?:[:—–-]|\b{_VERB})\s*$", re.IGNORECASE)
# An opening clause before the subject: "During an interview with Vanity Fair, the athlete said".
_OPENING_CLAUSE = re.compile(
    r"^\s*(?:during|in|at|on|after|before|following|regarding|asked|speaking|when|while|as|since|despite|with)\b[^,]{0,80},\s*",
    re.IGNORECASE,
)
_BEFORE_PRONOUN = re.compile(rf"\b(he|she)\s+{_ADVERB}{_VERB}\b[^.!?“”\"]{{0,60}}?[:,—–-]?\s*$", re.IGNORECASE)


@dataclass
class _Found:
    text: str
    doc_index: int
    speaker: Entity | None


def quoted_spans(paragraph: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the quoted text (inside the marks) in one paragraph.

    Marks are paired in order whatever their style (outlets mix “curly” and "straight" marks in
    one quote): “ opens, ” closes, and " opens after a space or at the start and closes elsewhere.
    A quote still open at the end of the paragraph ends there.
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for match in re.finditer(r"[\"“”]", paragraph):
        mark, at = match.group(), match.start()
        before = paragraph[at - 1] if at else " "
        following = paragraph[at + 1] if at + 1 < len(paragraph) else " "
        # ' down."I think' opens a quote glued to the previous sentence; ' said." Then' closes one.
        glued_open = before in ".!?,;:" and (following.isalnum() or following == "‘")
        opening = mark == "“" or (mark == '"' and (before.isspace() or before in "([—-" or glued_open))
        if opening and opened is None:
            opened = at + 1
        elif not opening and opened is not None:
            spans.append((opened, at))
            opened = None
    if opened is not None:
        spans.append((opened, len(paragraph)))
    return spans


# A name right after one of these is its object, not the one speaking ("an interview with Vanity Fair").
_PREPOSITIONS = frozenset(
    """of to with for from in at on about against into onto than like unlike via among between toward towards over under
    through across behind near regarding concerning including despite""".split()
)
_ARTICLES = frozenset({"the", "a", "an"})
# Nouns for a person, which "the ..." uses as an epithet for someone already named ("the athlete said").
_PERSON_NOUNS = (
    PERSON_TITLES
    | ROLE_NOUNS
    | frozenset(
        """athlete star champion veteran man woman boy girl mother father son daughter wife husband parent
        senator congressman congresswoman star actor actress musician artist entrepreneur executive""".split()
    )
)
# A group named by its own capitalised modifiers: "the South African government", "the Sherman family".
_GROUP_PHRASE = re.compile(
    r"\s*the\s+((?:[A-Z][\w.'’-]*\s+){1,3}(?:government|family|authorities|administration|ministry|military|police))\s*$"
)
# An unnamed body described by lowercase modifiers: "the medical legal service", "the state health department".
_COMMON_ORGANISATION = re.compile(
    rf"\s*the\s+((?:[a-z]+\s+){{1,3}}(?:{'|'.join(sorted(ORGANISATION_WORDS))}))\s*(?:in\s+an?\s+(?:\w+\s+)?statement)?\s*$"
)
# Nouns for a business, which "the company said" uses for the firm named last.
_COMPANY_NOUNS = frozenset({"company", "firm", "manufacturer", "maker", "corporation", "retailer"})
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,6}")
# Which name a pronoun points back to, best first (a bare object may be a publication or a place).
_ROLE_RANK = {"subject": 0, "possessor": 1, "titled object": 2}


def _name_role(text: str, start: int, end: int, next_start: int | None) -> str:
    """What the name at ``text[start:end]`` is in its clause.

    ``"possessor"`` ("Laszlo's colleague"); ``"modifier"`` of the name right after it ("San Diego Lifeguard
    Lt. John Sandmeyer"); ``"object"`` of a preposition ("a resident of Brezno"), ``"titled object"`` when a
    title marks it as a person ("loyal to President Maduro"); ``"determined"`` after an article ("the Trump
    administration": people's names take none); else ``"subject"`` (a name that can be the one speaking).
    """
    if re.match(r"['’](?:s\b|\s)", text[end : end + 2]):
        return "possessor"
    if next_start is not None and re.fullmatch(
        rf"\s+(?:(?:{_TITLE_ABBREVIATIONS})\.?\s+|[A-Z][\w'’-]*\s+)*", text[end:next_start]
    ):
        return "modifier"
    # The word before the name, skipping the capitalised titles and modifiers in front of it ("with Mayor Kovac").
    titled = False
    for token in reversed(text[max(0, start - 80) : start].split()):
        word = token.lower()
        if word in _ARTICLES:
            return "determined"
        if word in _PREPOSITIONS:
            if word == "to" and text[:start].rstrip().lower().endswith("according to"):
                return "subject"
            return "titled object" if titled else "object"
        titled = titled or word.rstrip(".") in PERSON_TITLES
        if not (
            re.fullmatch(rf"(?:{_TITLE_ABBREVIATIONS})\.", token)
            or (token[:1].isupper() and not re.search(r"[.,;:!?”\"]$", token))
        ):
            break
    return "subject"


def _with_roles(text: str, found: list[tuple[int, str, list[Entity]]]) -> list[tuple[int, str, list[Entity], str]]:
    """``find_names`` results with each name's role in ``text`` (``_name_role``)."""
    return [
        (start, form, entities, _name_role(text, start, start + len(form), found[k + 1][0] if k + 1 < len(found) else None))
        for k, (start, form, entities) in enumerate(found)
    ]


def _with_surnames(by_form: dict[str, list[Entity]]) -> dict[str, list[Entity]]:
    """``by_form`` plus the surname alone of each person a document names in full, where the document
    uses no other name spelled that way: a report names "Allan Greenspan" once, then "Greenspan said"."""
    surnames: dict[str, list[Entity]] = {}
    for form, entities in by_form.items():
        words = form.split()
        surname = words[-1] if words else ""
        if len(words) >= 2 and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", surname) and words[-2][:1].isupper():
            surname = words[-2]  # East Asian order, surname first: "Ban Ki-moon" ... "Ban said"
        if len(words) >= 2 and surname[:1].isupper() and len(surname) > 2 and surname not in by_form:
            for entity in entities:
                if entity.kind == "person" and entity not in surnames.setdefault(surname, []):
                    surnames[surname].append(entity)
    return by_form | surnames


def _quoted_in_document(text: str) -> list[tuple[int, int]]:
    """``quoted_spans`` of every paragraph, as offsets into the whole document."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        spans.extend((offset + start, offset + end) for start, end in quoted_spans(paragraph))
        offset += len(paragraph) + 1
    return spans


class _SpeakerFinder:
    """Resolves names and pronouns to entities inside one document."""

    def __init__(self, text: str, doc_id: str, entities: list[Entity]) -> None:
        self.text = text
        self.by_form = _with_surnames(spellings_in(doc_id, entities))
        self.occurrences = _with_roles(text, find_names(text, self.by_form))
        self.quoted = _quoted_in_document(text)
        self.last_quote: tuple[int, Entity] | None = None  # where the last quote by a known person starts, and who

    def _choose(self, candidates: list[Entity], position: int) -> Entity:
        if len(candidates) == 1:
            return candidates[0]
        # A shared surname: the person last named in full before this point.
        best, best_position = max(candidates, key=lambda e: e.mentions), -1
        for start, form, entities, _ in self.occurrences:
            if start >= position:
                break
            if len(form.split()) >= 2 and len(entities) == 1 and entities[0] in candidates and start > best_position:
                best, best_position = entities[0], start
        return best

    def in_phrase(self, phrase: str, position: int) -> Entity | None:
        """The person (else any entity) named in a short attribution phrase. Without a name, a
        pronoun or a definite description ("she", "the statement", "the athlete") is the person
        named last before the quote, and an organisation noun ("the department", "a statement from
        the agency") the organisation named last."""
        speaker = self._named_in(phrase, position)
        if speaker is not None:
            return speaker
        subject = _OPENING_CLAUSE.sub("", phrase)
        if not re.match(r"\s*(?:(?:the|this|that|his|her|its|their|he|she)\b|an?\s+(?:\w+\s+)?statement\b)", subject, re.I):
            return None
        if own := _GROUP_PHRASE.match(subject):
            # "the South African government said", "the Sherman family said": a group that names itself
            return Entity(name=" ".join(own.group(1).split()), kind="organisation")
        if re.fullmatch(r"\s*(?:the|this|that)\s+statement\s*", subject, re.I) and (issuer := self.statement_issuer(position)):
            return issuer  # "the statement reads": whoever the report says issued a statement
        words = re.findall(r"[a-z]+", subject.lower())
        if any(word in _COMPANY_NOUNS for word in words) and (company := self.last_subject_company_before(position)):
            return company  # "said the company in a statement": the firm last named as a subject, whatever its kind
        if any(word in ORGANISATION_WORDS for word in words):
            organisation = self.last_organisation_before(position)
            if organisation is None and (own := _COMMON_ORGANISATION.match(subject)):
                # "the medical legal service said": an unnamed body described by its modifiers speaks as itself
                return Entity(name=" ".join(own.group(1).split()), kind="organisation")
            return organisation or self.last_person_before(position)
        if len(words) >= 2 and words[0] == "the" and any(word in _PERSON_NOUNS for word in words[1:4]):
            # "the athlete", "the opposition leader": an epithet for the person the report is about
            return self.most_named_person_before(position) or self.last_person_before(position)
        return self.last_person_before(position)

    def statement_issuer(self, position: int, reach: int = 700) -> Entity | None:
        """Who issued the statement the report mentioned last before ``position`` ("In a statement,
        the Sherman family said ..." ... '"...," the statement reads')."""
        window_start = max(0, position - reach)
        text = self.text[window_start:position]
        for match in reversed(list(re.finditer(r"\bstatement\b", text))):
            at = window_start + match.start()
            if self._quoted(at):
                continue
            start = max(self.text.rfind(". ", 0, at), self.text.rfind("\n", 0, at)) + 1
            end_match = re.compile(r"[.!?](?:\s|$)").search(self.text, at)
            sentence = self.text[start : end_match.start() if end_match else position]
            verb = re.search(rf"\b{_VERB}\b", sentence, re.IGNORECASE)
            if verb is None:
                continue
            head = _OPENING_CLAUSE.sub("", sentence[: verb.start()])
            if len(head.split()) > 6:
                return None  # not a plain "X said": leave it to the person the report is about
            if own := _GROUP_PHRASE.match(head):
                return Entity(name=" ".join(own.group(1).split()), kind="organisation")
            if issuer := self._named_in(head, at):
                return issuer
        return None

    def last_subject_company_before(self, position: int, reach: int = 300) -> Entity | None:
        """The organisation named last within ``reach`` before ``position``, else the last non-person
        named there as a clause's subject ("Ethicon is expected to appeal", whatever kind it was given)."""
        organisation = self.last_organisation_before(position, reach)
        if organisation is not None:
            return organisation
        for start, _, entities, role in reversed(self.occurrences):
            if start >= position or self._quoted(start):
                continue
            if start < position - reach:
                break
            entity = self._choose(entities, start)
            if entity.kind != "person" and role == "subject" and re.match(r"\s+[a-z]", self.text[start + len(entity.name) :]):
                return entity
        return None

    def most_named_person_before(self, position: int) -> Entity | None:
        """The person named most often before ``position`` (the latest of equals)."""
        counts: Counter = Counter()
        latest: dict[str, int] = {}
        people: dict[str, Entity] = {}
        for start, _, entities, role in self.occurrences:
            if start >= position:
                break
            entity = self._choose(entities, start)
            if entity.kind == "person" and role in _ROLE_RANK and not self._quoted(start):
                counts[entity.name] += 1
                latest[entity.name], people[entity.name] = start, entity
        if not counts:
            return None
        return people[max(counts, key=lambda name: (counts[name], latest[name]))]

    def last_organisation_before(self, position: int, reach: int = 300) -> Entity | None:
        """The organisation named last within ``reach`` characters before ``position`` (for "the
        department said" after "according to the LAPD")."""
        for start, _, entities, role in reversed(self.occurrences):
            if start >= position or role == "modifier" or self._quoted(start):
                continue
            if start < position - reach:
                break
            entity = self._choose(entities, start)
            if entity.kind in {"organisation", "other"}:
                return entity
        return None

    def _named_in(self, phrase: str, position: int) -> Entity | None:
        # In phrase order: the first named comes first; possessors, modifiers and objects do not speak.
        named = _with_roles(phrase, find_names(phrase, self.by_form))
        found = [
            (self._choose(entities, position), role, form)
            for _, form, entities, role in named
            if role in {"subject", "determined"}
        ]
        people = [e for e, role, form in found if e.kind == "person" and role == "subject" and not _ACRONYM.fullmatch(form)]
        # Organisations speak; so does an acronym after an article whatever kind it was given ("the ICC urged").
        speakers = [e for e, _, form in found if e.kind in {"organisation", "other"} or _ACRONYM.fullmatch(form)]
        if not people and not speakers and named and named[-1][3] in {"subject", "determined"}:
            start, form, entities, _ = named[-1]
            if not phrase[start + len(form) :].strip():
                # A place right before the verb speaks for its government ("though the U.S. said").
                speakers = [self._choose(entities, position)]
        if not people and not speakers:
            # "..., police said": the organisation this document names with that word.
            for noun in re.findall(r"\b(police|officials|prosecutors|authorities|army|military|ministry)\b", phrase.lower()):
                named = [e for es in self.by_form.values() for e in es if e.kind == "organisation" and noun in e.name.lower()]
                if named:
                    return max(named, key=lambda e: e.mentions)
        return (people or speakers or [None])[0]

    def last_person_before(self, position: int) -> Entity | None:
        """For "he said": the person the last sentence before ``position`` that names one is about:
        its first subject (usually the speaker), else its first possessor ("Charamut's campaign issued
        a statement"), else a titled object ("pledged loyalty to President Maduro. He tweeted")."""
        people = [
            (start, entity, role)
            for start, _, entities, role in self.occurrences
            if start < position
            and role in _ROLE_RANK
            and not self._quoted(start)  # a name inside a quotation is not who the narrative is about
            and (entity := self._choose(entities, start)).kind == "person"
        ]
        if self.last_quote is not None and not any(start > self.last_quote[0] for start, _, _ in people):
            # '“...,” the athlete said. ¶ “...,” she said.': nobody named since, so still that speaker
            return self.last_quote[1]
        if not people:
            return None
        last_start = people[-1][0]
        boundary = max(self.text.rfind(". ", 0, last_start), self.text.rfind("\n", 0, last_start))
        same_sentence = [(entity, role) for start, entity, role in people if start > boundary]
        return min(same_sentence, key=lambda item: _ROLE_RANK[item[1]])[0]

    def _quoted(self, position: int) -> bool:
        return any(start <= position < end for start, end in self.quoted)


def _attribute(
    paragraph: str, offset: int, start: int, end: int, finder: _SpeakerFinder, lead_in: str = ""
) -> tuple[bool, Entity | None]:
    """``(attributed, speaker)`` of the quote at ``paragraph[start:end]`` (``offset`` is the
    paragraph's place in the document, ``lead_in`` the paragraph before it)."""
    after = paragraph[end + 1 : end + 260] if end < len(paragraph) else ""
    # "said Mrs. Kovar.": a title's full stop does not end the attribution.
    after = re.sub(rf"\b({_TITLE_ABBREVIATIONS})\.", r"\1", after)
    before = paragraph[max(0, start - 1 - 160) : max(0, start - 1)]
    if not before.strip() and _LEAD_IN.search(lead_in.rstrip()):
        before = lead_in.rstrip()[-160:]  # 'X issued a statement saying —' ¶ '“...”'
    position = offset + start
    if (by := re.match(r"\s*by\s+([^,.;:“”\"]{1,80})", after)) and re.search(rf"\b{_VERB}\b", before, re.IGNORECASE):
        # 'was called "the greatest poet of the century" by Gabriel García Márquez': the agent speaks
        if (agent := finder.in_phrase(by.group(1), position)) is not None:
            return True, agent
    if match := _AFTER_PRONOUN.match(after):
        return True, finder.last_person_before(position)
    if match := _AFTER_VERB_NAME.match(after):
        return True, finder.in_phrase(match.group(1), position)
    quote_ends_sentence = paragraph[start:end].rstrip().endswith((".", "!", "?"))
    if (
        (match := _AFTER_NAME_VERB.match(after))
        and len(match.group(1).split()) <= 32
        and not _ends_a_sentence(match.group(1))  # the attribution stays in the quote's sentence
        # '...costs." Later, Mayor X said' starts a new sentence, not an attribution
        and not (quote_ends_sentence and re.match(r"\s*\w+,", match.group(1)))
        # '...". The poems were written by Neruda, said the publisher': a full stop after the mark opens a new sentence
        and not re.match(r"\s*\.\s+[A-Z]", after)
        # '" if you had told her' goes on with the sentence: a clause, not a speaker
        and not re.match(r"\s*(?:if|when|because|although|though|unless|whether|as|and|but|or|you|i)\b", match.group(1), re.I)
    ):
        return True, finder.in_phrase(match.group(1), position)
    if match := _BEFORE_PRONOUN.search(before):
        return True, finder.last_person_before(position)
    if match := _BEFORE_NAME_VERB.search(before):
        speaker = finder.in_phrase(match.group(1), position)
        if speaker is not None:
            return True, speaker
    # The sentence's start: the last full stop, "?" or "!" before a space, not after an initial ("the U.S. said")
    ends = [m.start() for m in re.finditer(r"[.!?]\s", before) if not re.search(r"(?:^|[\s.])[A-Z]$", before[: m.start()])]
    head = before[ends[-1] + 1 :] if ends else before
    verbs = list(re.finditer(rf"\b{_VERB}\b", head, re.IGNORECASE))
    if verbs:
        # The verb nearest the quote, and its own clause: '"X said it was concerned, and the ICC urged Y to "..."'
        verb = verbs[-1]
        clauses = re.split(
            r",\s+(?:and|but|though|although|while|whereas)\s+|;\s+|[“”\"]|(?<![A-Z])[.!?:]\s", head[: verb.start()]
        )
        speaker = finder.in_phrase(clauses[-1], position)
        if speaker is None and len(verbs) > 1:
            speaker = finder.in_phrase(head[: verbs[0].start()], position)
        if speaker is None and (inverted := re.match(r"\s*([^,.;:“”\"]{1,80})", head[verb.end() :])):
            # 'They are, said the poet Pere Gimferrer, who edits them, as full of "..."': the name after the verb
            speaker = finder._named_in(inverted.group(1), position)
        return True, speaker
    return False, None


@dataclass
class _Attributed:
    """One attributed quote of one report, where it stands, and the rules' speaker."""

    doc_index: int
    finder: _SpeakerFinder
    offset: int  # the paragraph's place in the document
    paragraph: str
    start: int
    end: int
    text: str
    speaker: Entity | None
    previous: Entity | None  # the speaker of the report's previous attributed quote (None when it had none)


def _attributed_quotes(documents: list[Document], entities: list[Entity]) -> Iterator[_Attributed]:
    """Every attributed direct quote of at least ``MIN_QUOTE_WORDS`` words of each report, in report order."""
    for doc_index, document in enumerate(documents):
        if "“" not in document.text and '"' not in document.text:
            continue
        finder = _SpeakerFinder(document.text, document.id, entities)
        offset = 0
        previous: tuple[int, Entity | None] | None = None  # paragraph number and speaker of the last quote
        lead_in = ""  # the last non-empty paragraph before this one
        for number, paragraph in enumerate(document.text.split("\n")):
            last_end: int | None = None  # where the last attributed quote of this paragraph ends
            for start, end in quoted_spans(paragraph):
                text = paragraph[start:end].strip(" ,")
                attributed, speaker = _attribute(paragraph, offset, start, end, finder, lead_in)
                if (
                    last_end is not None
                    and previous is not None
                    and previous[1] is not None
                    and _chained(paragraph[last_end:start])
                ):
                    # 'X called it "a literary event", and "the biggest find in years"': one sentence, one speaker
                    attributed, speaker = True, previous[1]
                if (
                    not attributed
                    and not paragraph[: max(0, start - 1)].strip()
                    and (said := _SAID_AT_END.search(lead_in.rstrip()))
                ):
                    # 'These searches weren't simple, Gomes said.' ¶ '"Legal complexities ..."': the speaker just named
                    speaker = finder.in_phrase(said.group(1), offset - 1)
                    attributed = speaker is not None
                if not attributed and previous is not None and number - previous[0] <= 1 and _stands_alone(paragraph, start, end):
                    # “First part,” he said. “Second part.” — the second part is the same speaker's.
                    attributed, speaker = True, previous[1]
                if attributed:
                    # A short quote is not kept, but its speaker carries on: “Not yet,” X said. “The rest...”
                    before = previous[1] if previous is not None else None
                    previous = (number, speaker)
                    last_end = end
                    finder.last_quote = (offset + start, speaker) if speaker is not None and speaker.kind == "person" else None
                    if len(text.split()) >= MIN_QUOTE_WORDS:
                        yield _Attributed(doc_index, finder, offset, paragraph, start, end, text, speaker, before)
            offset += len(paragraph) + 1
            lead_in = paragraph if paragraph.strip() else lead_in


def extract_quotes(documents: list[Document], entities: list[Entity]) -> list[Quote]:
    """Every attributed direct quote of at least ``MIN_QUOTE_WORDS`` words, merged across
    documents, most widely carried first."""
    found = [_Found(q.text, q.doc_index, q.speaker) for q in _attributed_quotes(documents, entities)]
    return _merge(found, documents)


# The last sentence of a paragraph, when it ends on its attribution: "These searches weren't simple, Gomes said."
_SAID_AT_END = re.compile(rf"(?:^|[.!?]\s+)([^.!?“”\"]{{1,120}}?)\s+{_VERB}\.$", re.IGNORECASE)


def _chained(between: str) -> bool:
    """The text between two quotes of one sentence joins them without a verb or a sentence end
    ('", and "' / '", some of them "'), so the second is the first one's speaker's."""
    between = between.strip(' "”“')
    return (
        len(between) <= 40
        and not re.search(r"[.!?;:]", between)
        and not re.search(rf"\b{_VERB}\b", between, re.IGNORECASE)
        and not re.search(r"\b(?:by|to|of|from|with|as)\s*$", between)  # a quoted phrase inside the narrative
    )


def _ends_a_sentence(text: str) -> bool:
    """``text`` holds a sentence end: a full stop, "!" or "?" before a space, not after an initial ("J.R. Romano")."""
    return any(not re.search(r"(?:^|[\s.])[A-Z]$", text[: end.start()]) for end in re.finditer(r"[.!?]\s", text))


def _stands_alone(paragraph: str, start: int, end: int) -> bool:
    """The quote is a sentence of its own (not a phrase quoted inside someone else's sentence)."""
    before = paragraph[: max(0, start - 1)].rstrip()
    return not before or before.endswith((".", "!", "?", "”", '"', ":"))


def _words(text: str) -> set[str]:
    """Content words of a quote (function words shared by any two quotes do not count)."""
    return {w for w in re.findall(r"\w+", fold(text)) if len(w) > 2 and w not in STOPWORDS}


def _runs_inside(a: str, b: str) -> bool:
    """The content words of the shorter of ``a`` and ``b`` appear in a row in the other."""
    first, second = (_ordered_words(a), _ordered_words(b))
    short, long = (first, second) if len(first) <= len(second) else (second, first)
    return bool(short) and any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _ordered_words(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", fold(text)) if len(w) > 2 and w not in STOPWORDS]


def _merge(found: list[_Found], documents: list[Document]) -> list[Quote]:
    groups: list[list[_Found]] = []
    signatures: list[set[str]] = []
    for item in found:
        words = _words(item.text)
        for g, signature in enumerate(signatures):
            if any(other.doc_index == item.doc_index and _words(other.text) != words for other in groups[g]):
                continue  # one report quotes a line once: its two different quotes are two lines
            shared = len(words & signature)
            smaller = min(len(words), len(signature))
            partial = smaller < 4 or (shared < smaller and max(len(words), len(signature)) > 2 * smaller)
            if partial and not any(_runs_inside(item.text, other.text) for other in groups[g]):
                continue  # a much shorter quote is the same line only if its words run inside the other's ("...were targeted")
            if smaller and shared >= min(3, smaller) and shared / smaller >= 0.7:
                groups[g].append(item)
                signatures[g] = signature | words
                break
        else:
            groups.append([item])
            signatures.append(words)
    quotes: list[Quote] = []
    for group in groups:
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
