"""Who a phrase or a pronoun at a position of a report names: the resolver behind the attribution rules of
``chorus.attribution``.

``SpeakerFinder`` reads one report once: where it names the cluster's entities (a person named in full also by
the surname alone), what each name is in its clause (``_name_role``: only a subject can be the one speaking, not
a possessor, an object or a modifier of the next name) and which of its text is quoted (a name inside a quotation
is no part of the narrative). Asked at a position, it resolves an attribution's phrase ("said Mayor Kovac", "the
company said", "the athlete said", "it read") or a pronoun ("he said": the person the last sentence naming one is
about) to an entity, and gives ``chorus.speaker_ranker`` the names, roles and counts its features read.

The finder reads the report's quoted spans and sentence ends with ``chorus.quoted_text``, as the rules do; what the
rules share with it (the speech-verb pattern ``VERB``, ``is_outlet``) is here: ``chorus.attribution`` imports from
this module, never the other way.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from functools import cached_property, lru_cache

from chorus.entities import find_names, longest_first
from chorus.mentions import (
    COMPANY_NOUNS,
    ORGANISATION_WORDS,
    PERSON_TITLES,
    PLATFORMS,
    ROLE_NOUNS,
    SAID_VERBS,
    fold,
    person_gender,
)
from chorus.models import Entity
from chorus.quoted_text import NO_SENTENCE_END, TITLE_ABBREVIATIONS, document_spans, in_document, sentence_ends

_SPEECH = {
    "say", "tell", "add", "write", "tweet", "declare", "saying", "writing", "telling", "adding", "tweeting", "noting",
    "calling", "asking",
    "points out", "pointed out", "went on", "goes on", "put it", "puts it",
    # reporting verbs of promises and asides: '," Kovac vowed.'
    "vowed", "pledged", "promised", "remarked", "quipped", "countered", "retorted", "testified", "recounted",
    "lamented", "complained", "boasted", "exclaimed", "vows", "pledges", "promises", "remarks", "described",
    "shouted", "yelled", "screamed", "whispered", "muttered", "marveled", "marvelled", "mused", "sobbed", "gushed",
    "scoffed", "snapped", "fumed", "pleaded", "observed", "reiterated", "emphasized", "emphasised", "interjected",
    "sighed", "laughed", "agreed", "protested", "demanded", "asserted", "commented", "concluded", "assured", "reported", "rued",
    "deadpanned", "thundered", "shrieked", "bellowed", "hollered", "remembers", "remembered", "notified",
    "crowed", "bragged", "griped", "grumbled", "mumbled", "stammered", "roared", "barked", "teased", "raved", "enthused",
    "opined",
    # the present tense of the reporting verbs, for features written "she says", "he explains"
    "tells", "adds", "writes", "tweets", "declares", "states", "warns", "asks", "notes", "explains", "insists", "claims",
    "urges", "demands", "announces", "replies", "responds", "argues", "confirms", "denies", "recalls", "admits", "stresses",
    "acknowledges", "concedes", "cautions", "predicts", "continues", "concludes", "worries", "mutters", "quips",
    "jokes", "laughs", "sighs", "boasts", "muses", "gushes", "complains", "scoffs", "snaps", "whispers", "shouts",
    "yells", "pleads", "marvels", "observes", "laments", "counters", "retorts", "recounts", "exclaims",
    # reporting verbs of written or indirect speech: "suggested in an email", "expressed the hope that", "the statement reads"
    "suggested", "expressed", "reads", "read",
    # naming or charging in someone's words: "He dubbed it ``awesome.''", "the report charged that ..."
    "dubbed", "charged", "charges", "describes", "chuckled", "chuckles", "professed", "professes", "asserts", "accuses",
    "dismissed",
    # condemning or hailing in someone's words: 'LaPierre deplored "a collapse of federal firearms law enforcement"'
    "deplored", "decried", "denounced", "condemned", "hailed", "lauded", "slammed", "blasted", "derided",
}  # fmt: skip
_VERBS = "|".join(sorted(SAID_VERBS | _SPEECH, key=len, reverse=True))
# A speech verb (a pattern fragment, shared with ``chorus.attribution``): "said", "has told", "points out".
VERB = rf"(?:(?:has|had|have)\s+)?(?:{_VERBS})"
# The longest speech verb of ``VERB`` (its auxiliary aside), in characters: how far from a text's end a match of
# ``VERB`` ending there starts at the latest
LONGEST_VERB = max(len(verb) for verb in SAID_VERBS | _SPEECH)
# "she later wrote", "he then told", "she quickly added": one adverb between the pronoun and its verb.
ADVERB = r"(?:(?:also|later|then|again|once|further|still|\w+ly)\s+)?"
# An opening clause before the subject: "During an interview with Vanity Fair, the athlete said".
_OPENING_CLAUSE = re.compile(
    r"^\s*(?:during|in|at|on|after|before|following|regarding|asked|speaking|when|while|as|since|despite|with)\b[^,]{0,80},\s*",
    re.IGNORECASE,
)


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
        senator congressman congresswoman star actor actress musician artist entrepreneur executive host anchor
        presenter commentator columnist broadcaster comedian rapper filmmaker producer novelist poet editor blogger
        physician surgeon psychologist psychiatrist billionaire astronaut agent""".split()
    )
)
# The person nouns as a pattern's alternatives (they are all lower case)
_PERSON_NOUN = "|".join(sorted(_PERSON_NOUNS))
# "the ATF agent", "the NBC anchor": a person's epithet whose noun a body's name modifies (the person, not the body)
_BODY_EPITHET = re.compile(rf"\s*[Tt]he\s+(?:[A-Z][\w.&'’-]*\s+){{1,3}}({_PERSON_NOUN})\s*")
# "Trump's campaign said", "Breyer's dissent said": they speak for (or are written by) that person
_CAMPAIGN = re.compile(
    r"['’]s?\s+(?:(?:presidential\s+|re-?election\s+)?campaign|office|(?:written\s+|dissenting\s+|majority\s+)?"
    r"(?:statement|letter|mailing|flier|flyer|leaflet|website|web\s+site|dissent|opinion|memo|memoir|book|ruling|report|"
    r"e-?mail|tweet|post|blog|column|essay|diary|speech|testimony|affidavit))\b",
    re.IGNORECASE,
)
# "the Florida Republican", "the Kentucky Democrat": a party epithet that reads like a name
_PARTY_EPITHET = re.compile(r"\s*the\s+(?:[A-Z][\w.’'-]*\s+){0,3}(?:Republican|Democrat|Independent)\s*")
# A group named by its own capitalised modifiers: "the South African government", "the Sherman family".
_GROUP_PHRASE = re.compile(
    r"\s*[Tt]he\s+((?:[A-Z][\w.'’-]*\s+){1,3}(?:government|family|authorities|administration|ministry|military|police))\s*$"
)
# A time after the subject, before its verb: "the Canadian government today", "the ministry on Monday".
_WHEN_SPOKEN = re.compile(
    r"\s+(?:today|yesterday|tonight|earlier|later|also|(?:on|last|this)\s+(?:\w+day|week|month|year))\s*$", re.IGNORECASE
)
# An unnamed body described by lowercase modifiers: "the medical legal service", "the state health department".
_COMMON_ORGANISATION = re.compile(
    rf"\s*the\s+((?:[a-z]+\s+){{1,3}}(?:{'|'.join(sorted(ORGANISATION_WORDS))}))\s*(?:in\s+an?\s+(?:\w+\s+)?statement)?\s*$"
)
# A statement whose issuer its own phrase names: "a Turkish Foreign Ministry statement", "a statement from the ministry".
# What a body issues and reports quote as speaking: "the statement said", "the memorandum said"
STATEMENT = r"(?:statement|memorandum|memo|communiqu[eé])"
# "a statement from Waitrose", "the joint communique issued by the ministries": its issuer's words
_STATEMENT_FROM = re.compile(
    rf"\s*(?:an?|the)\s+(?:[\w'’-]+\s+){{0,2}}?{STATEMENT}\s+(?:from|by|issued\s+by)\s+([^,.;:“”\"]{{1,60}}?)\s*",
    re.IGNORECASE,
)


@lru_cache(maxsize=32)
def _document_of(noun: str) -> re.Pattern[str]:
    """A document whose issuer its own phrase names: "a Turkish Foreign Ministry statement", "a statement from the
    ministry", "a statement released on behalf of the VX Underground" (``noun``: the pattern of the document's noun)."""
    return re.compile(
        rf"\b(?:an?|the)\s+([A-Z][^,.;:“”\"]{{1,60}}?)\s+{noun}\b"
        rf"|\b{noun}\s+(?:from|by|(?:issued|released)\s+(?:by|on\s+behalf\s+of))\s+([^,.;:“”\"]{{1,60}})"
    )


_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,6}")
# Which name a pronoun points back to, best first (a bare object may be a publication or a place).
# A sentence opening on a pronoun as its subject ("He also praises Hansen", "But she told the BBC")
_PRONOUN_SUBJECT = re.compile(r"[\s“\"]*(?:(?:But|And|So|Yet|Then|Now|Still|Later),?\s+)?(?:He|She)\s+(?!said\b|says\b)[a-z]")
# A verb of a spoken reaction right after its subject: "Yokich also bristled at", "Smith chastised GM"
_REACTS = re.compile(
    r"\s+(?:also\s+)?(?:bristled|chastised|criticized|criticised|blasted|lashed\s+out|scoffed|defended|dismissed|rejected|"
    r"disputed|objected|mocked|ridiculed|derided|questioned|railed|took\s+issue|pushed\s+back|hit\s+back|fired\s+back)\b"
)
_ROLE_RANK = {"subject": 0, "possessor": 1, "titled object": 2}
# "the letter from Sir Paul", "a note from her lawyer, Jan Pugh": what "It read:" may be, and who wrote it
_LETTER_FROM = re.compile(r"\b(?:letter|message|note|e-?mail|memo|card)\s+(?:\w+\s+){0,2}?from\s+([^,.;:“”\"\n]{1,60})")
# One who relays another's words: "Spiegel quoted Duisenberg as" (saying), "the magazine quotes Kennedy as" (not
# "reported her as": whom the pronoun means is the rules' to say; nor the passive "Grant was quoted by Reuters as":
# its subject speaks)
_QUOTED_AS = re.compile(
    r".*?\b(?:quoted|quotes|cited|cites|reported|reports)\s+(?!(?:him|her|them|by)\s)([^,;:“”\"]{1,80}?)\s+as\s*",
    re.IGNORECASE | re.DOTALL,
)
# The passive of quoting: "Howard was quoted today by the ABC as", "she has been cited as"
_WAS_QUOTED = re.compile(
    r"\s*([^,;:“”\"]{1,80}?)\s+(?:was|were|is|are|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:quoted|cited)\b", re.IGNORECASE
)
# An indefinite description ("a GOP strategist", "one official"), not a statement ("a statement from X")
_INDEFINITE = re.compile(r"\s*(?:an?|one|another)\s+(?!(?:\w+\s+){0,4}(?:statement|release)\b)", re.IGNORECASE)
# Roles that stand for sources a report does not name ("a senior official"), unlike epithets for whom it is
# about ("the athlete"): "the official said" is someone the report calls that, or nobody.
_ANONYMOUS_ROLES = frozenset("official officials source sources witness witnesses resident residents aide aides".split())
_DOCUMENT_NOUNS = frozenset(
    "study report survey paper analysis poll research article review suit lawsuit complaint petition".split()
)
_RELATIVE_CLAUSE = re.compile(r"\b(?:who|whose|whom|which|that)\b", re.IGNORECASE)
# Words before a name that make it someone's, not one who speaks: "her Little Monsters"
_POSSESSIVE_DETERMINERS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
# Common nouns a name stands in apposition to when it names no person ("the daily El Nacional")
_THING_NOUNS = frozenset(
    "daily newspaper paper weekly magazine tabloid network channel station agency broadcaster website company firm "
    "airline ship vessel hotel band film movie book novel album song show series play opera".split()
)
# Verbs whose name after them is their object, not one who can be speaking: "told Sky TG24", "a landowner named X"
_OBJECT_VERBS = frozenset({"told", "tells", "tell", "telling", "named"})
# Verbs whose next name is who they act on ("invite Obama", "defeated Clinton"): not who can be speaking. (Not
# every verb in -ed: "chuckled Simeon Lipman" names the speaker, "quoted McKinney as saying" too.)
_TRANSITIVE_VERBS = (
    frozenset(
        """invite meet met call thank blame praise support beat replace elect hire fire sue visit join follow interview
    attack face challenge urge warn question defeat endorse nominate appoint arrest kill marry married congratulate
    criticize criticise accuse sack oust impeach invited thanked blamed praised supported replaced elected hired
    fired sued visited joined followed interviewed attacked faced challenged defeated endorsed nominated appointed
    arrested killed congratulated criticized criticised accused sacked ousted impeached called dubbed""".split()
    )
    - SAID_VERBS
)
# and their present tense ("He also praises Hansen", "calls Trump"): the same object after them
_TRANSITIVE_VERBS |= frozenset(
    """invites meets calls thanks blames praises supports beats replaces elects hires fires sues visits joins follows
    interviews attacks faces challenges urges warns questions defeats endorses nominates appoints arrests kills marries
    congratulates criticizes criticises accuses sacks ousts impeaches dubs""".split()
)  # '"...," warned Smith': the speaker


# The patterns of ``_name_role``, compiled once: it runs for every name of every document, and three of them are built
# from the title abbreviations (a long f-string that calling ``re`` with would rebuild and look up on every call)
_POSSESSIVE_AFTER = re.compile(r"['’](?:s\b|\s)")
_CREDIT_SLASH = re.compile(r"\s*/\s*[A-Z]")
_CREDIT_HANDLE = re.compile(r"\s*\(@\w")
_CAPITALISED_BETWEEN = re.compile(rf"\s+(?:(?:{TITLE_ABBREVIATIONS})\.?\s+|[A-Z][\w'’-]*\s+)*")
_FOR_BEFORE = re.compile(rf"(?:^|[.!?]\s+|\n)For\s+(?:(?:{TITLE_ABBREVIATIONS})\.?\s+)?$")
_TITLE_ABBREVIATION = re.compile(rf"(?:{TITLE_ABBREVIATIONS})\.")
_ENDS_ON_PUNCTUATION = re.compile(r"[.,;:!?”\"]$")


def _name_role(text: str, start: int, end: int, next_start: int | None, previous_end: int | None = None) -> str:
    """What the name at ``text[start:end]`` is in its clause.

    ``"possessor"`` ("Laszlo's colleague"); ``"modifier"`` of the name right after it ("San Diego Lifeguard
    Lt. John Sandmeyer"); ``"object"`` of a preposition ("a resident of Brezno"), ``"titled object"`` when a
    title marks it as a person ("loyal to President Maduro"); ``"determined"`` after an article ("the Trump
    administration": people's names take none); ``"credit"`` of a photograph ("Michael Tullberg/Getty Images"); else
    ``"subject"`` (a name that can be the one speaking). ``previous_end``: where the name before it ends.
    """
    if _POSSESSIVE_AFTER.match(text[end : end + 2]):
        return "possessor"
    if _CREDIT_SLASH.match(text[end : end + 4]):
        return "credit"  # "Michael Tullberg/Getty Images": a photographer's credit under a picture, not one who speaks
    if _CREDIT_HANDLE.match(text[end : end + 4]):
        return "credit"  # "— Donald J. Trump (@realDonaldTrump)": an embedded post's signature, no part of the narrative
    if next_start is not None and (_CAPITALISED_BETWEEN.fullmatch(text[end:next_start]) or _role_between(text[end:next_start])):
        return "modifier"
    if _FOR_BEFORE.search(text[max(0, start - 40) : start]) and text[end : end + 1] == ",":
        return "subject"  # "For Ellen Roseman, a facilitator, the main job is coaching": the one the sentence is about
    if previous_end is not None and previous_end < start and not text[previous_end:start].strip():
        # "in the Ministry of National Infrastructure Joseph Nowarski said": the body right before the name is its
        # modifier, whatever governs the body
        return "subject"
    if _WHO_SAID.match(text, end):
        # "the complaints of Sally Smith, spokeswoman for ..., who said the results": whoever governs the name, the
        # one speaking
        return "subject"
    # The word before the name, skipping the capitalised titles and modifiers in front of it ("with Mayor Kovac").
    titled = False
    tokens = text[max(0, start - 80) : start].split()[::-1]
    for position, token in enumerate(tokens):
        word = token.lower()
        if word in _ARTICLES:
            return "subject" if titled else "determined"  # "the Rev. Fabio Gammarota": a person, titled
        if word in _POSSESSIVE_DETERMINERS and not titled:
            return "determined"  # "sending her Little Monsters into a frenzy": hers, not one who speaks
        if word in _OBJECT_VERBS:
            return "object"  # '"...," he told Sky TG24': the one told, not one who can be speaking
        if not titled and word in _THING_NOUNS:
            return "determined"  # "the Caracas daily El Nacional", "the film Titanic": a thing named, not a person
        if not titled and word in _TRANSITIVE_VERBS:
            return "object"  # "Asked whether he might not invite Obama, he said": Obama is not "he"
        if 0 < position < len(tokens) - 1 and word in _TITLE_OF and tokens[position + 1].lower().rstrip(".,") in PERSON_TITLES:
            # "Secretary of State Christine Stewart": the title runs on over "of" to a name after its own words (not
            # "the Minister of Forestry", a title's object)
            titled = True
            continue
        if token == "Under" and position > 0 and tokens[position - 1].lower().startswith("secretary"):
            titled = True  # "Under Secretary of State Thomas Pickering": a title's first word, not a preposition
            continue
        if word in _PREPOSITIONS:
            if word == "to" and text[:start].rstrip().lower().endswith("according to"):
                return "subject"
            return "titled object" if titled else "object"
        titled = titled or word.rstrip(".") in PERSON_TITLES
        if not (_TITLE_ABBREVIATION.fullmatch(token) or (token[:1].isupper() and not _ENDS_ON_PUNCTUATION.search(token))):
            break
    return "subject"


# A relative clause making the name before it the one speaking: ", spokeswoman for the association, who said"
_WHO_SAID = re.compile(rf",(?:[^,.;“”\"]{{1,100}},)?\s+who\s+{ADVERB}{VERB}\b")
# Words a title runs on over before a name ("Secretary of State", "Minister for Europe")
_TITLE_OF = frozenset({"of", "for"})
_TITLE_WORDS_AND_MODIFIERS = (
    PERSON_TITLES
    | ROLE_NOUNS
    | frozenset(
        """executive deputy assistant associate senior chief managing campaign press general former acting vice
        head""".split()
    )
)
# Lower-case words that may stand inside a title before a name ("chairman of the Federal Reserve Alan Greenspan")
_TITLE_LINKS = frozenset({"of", "the", "for", "and", "de"}) | _TITLE_WORDS_AND_MODIFIERS


def _only_title_words(words: list[str]) -> bool:
    """The words between a role noun and a name are more of the title ("host of Fox News"), not a clause ("radio host
    Rush Limbaugh warned President Trump"): no lower-case word but a title's link words, no sentence end but an
    abbreviation's."""
    return not any(
        (word.islower() and word not in _TITLE_LINKS) or (word[-1] in ".!?" and not NO_SENTENCE_END.fullmatch(word))
        for word in words
    )


def _role_between(between: str) -> bool:
    """One to three lowercase words ending on a title or role noun between two names: the first names the
    second's employer ("Greenpeace UK executive director John Sauven", "ICC deputy prosecutor James Stewart")."""
    words = between.split()
    return (
        0 < len(words) <= 3
        and bool(re.fullmatch(r"\s+(?:[a-z][a-z-]*\s+)+", between))
        and words[-1] in PERSON_TITLES | ROLE_NOUNS
        and all(word in _TITLE_WORDS_AND_MODIFIERS for word in words)
    )


def _with_roles(text: str, found: list[tuple[int, str, list[Entity]]]) -> list[tuple[int, str, list[Entity], str]]:
    """``find_names`` results with each name's role in ``text`` (``_name_role``)."""
    return [
        (
            start,
            form,
            entities,
            _name_role(
                text,
                start,
                start + len(form),
                found[k + 1][0] if k + 1 < len(found) else None,
                found[k - 1][0] + len(found[k - 1][1]) if k > 0 else None,
            ),
        )
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


# A sentence opening on someone unnamed: "A spokesman for the police said", "Another woman, sitting ...", "One resident"
_UNNAMED_SUBJECT = re.compile(
    rf"[\s“\"]*(?:An?|Another|One)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{'|'.join(sorted(_PERSON_NOUNS | _ANONYMOUS_ROLES))})\b"
)
# A sentence opening on a definite epithet for its subject, before any name: "The prince expressed his sympathy to
# Stephen's parents", "But the senator, 71, said" (its noun, for ``SpeakerFinder.person_called``)
_EPITHET_SUBJECT = re.compile(
    r"[\s“\"]*(?:(?:But|And|So|Yet|Then|Now|Still|Later),?\s+[Tt]he|The)\s+(?:[a-z][\w-]*\s+){0,2}?"
    rf"({_PERSON_NOUN})\b(?!\s+of\b)(?:,[^,]{{1,60}},)?\s+[a-z]"
)
# A sentence ending on a definite epithet saying it: "Mongolia is willing to promote ..., said the president."
_SAID_THE_EPITHET = re.compile(rf",\s+{VERB}\s+the\s+(?:[a-z][\w-]*\s+){{0,2}}?({_PERSON_NOUN})[.!?]")
# A speech verb and the titles before the name that ends a sentence: "..., said Det.-Sgt. Susan Gomes."
_SAID_BEFORE_NAME = re.compile(rf",\s+(?i:{VERB})\s+(?:[A-Z][\w.'’-]*\s+)*$")  # (titles capitalised: not "said he backed")


# How far back (characters) a person named in full decides whom a surname they share with another means
SURNAME_REACH = 1500


class SpeakerFinder:
    """Resolves names and pronouns to entities inside one document."""

    def __init__(self, text: str, spellings: dict[str, list[Entity]]) -> None:
        """``spellings``: each spelling the report uses -> the entities written that way (``spellings_by_document``)."""
        self.text = text
        self.by_form = _with_surnames(spellings)
        self.forms = longest_first(self.by_form)  # sorted once for the document and every phrase of it read later
        self.occurrences = _with_roles(text, find_names(text, self.by_form, self.forms))
        paragraphs = text.split("\n")
        # each paragraph's quoted spans, and the paragraphs going on a statement (``document_spans``): read once
        self.spans, self.continued = document_spans(paragraphs)
        self.quoted = in_document(paragraphs, self.spans)
        self.last_quote: tuple[int, Entity] | None = None  # where the last quote by a known person starts, and who
        # For the ranker (``speaker_candidates``), per occurrence and computed once: the entity, quoted, "X said".
        self._entities: dict[int, Entity] = {}
        self._in_quotes: dict[int, bool] = {}
        self._said: dict[int, bool] = {}
        self._counts: dict[str, int] | None = None
        self._people: tuple[list[int], list[Entity]] | None = None
        self.window_starts: dict[int, int] = {}  # paragraph offset -> where the two sentences before it start (filled by
        # the ranker), and where each name occurrence starts, for bisecting a window
        self.name_starts: list[int] = [start for start, _, _, _ in self.occurrences]

    @cached_property
    def genders(self) -> dict[str, str]:
        """The people this report marks as a man or a woman (``_genders_in_text``), read when a pronoun first asks."""
        return _genders_in_text(self.text, self.occurrences)

    def may_be(self, entity: Entity, pronoun: str | None) -> bool:
        """``entity`` can be the one ``pronoun`` ("he", "she", or None: anyone) stands for: what the report says of
        the person's gender right before a name ("his wife, Pat", "Mrs. Asmus"), else their first name
        (``chorus.mentions.person_gender``), does not say otherwise."""
        if pronoun not in _PRONOUN_GENDERS:
            return True
        gender = self.genders.get(entity.name) or person_gender(entity)
        return gender is None or gender == _PRONOUN_GENDERS[pronoun]

    def entity_at(self, k: int) -> Entity:
        """The entity the ``k``-th name occurrence stands for (``_choose``)."""
        if k not in self._entities:
            start, _, entities, _ = self.occurrences[k]
            self._entities[k] = self._choose(entities, start)
        return self._entities[k]

    def quoted_at(self, k: int) -> bool:
        """The ``k``-th name occurrence is inside a quotation."""
        if k not in self._in_quotes:
            self._in_quotes[k] = self._quoted(self.occurrences[k][0])
        return self._in_quotes[k]

    def said_at(self, k: int) -> bool:
        """A speech verb right after the ``k``-th name occurrence ("X said") or before it ("said Mayor X")."""
        if k not in self._said:
            start, form, _, _ = self.occurrences[k]
            end = start + len(form)
            self._said[k] = bool(_SAID_AFTER.match(self.text[end : end + 80])) or _said_before(self.text, start)
        return self._said[k]

    def sole_person_reported(self, start: int, end: int) -> Entity | None:
        """The only person named in ``text[start:end]``, when it reports their words there ("McCarty said he has
        wanted to hunt whales. An accomplished carver, McCarty creates masks.") or opens on their spoken reaction
        ("Yokich also bristled at ..."): a quote paragraph after it is theirs."""
        named = range(bisect_left(self.name_starts, start), bisect_left(self.name_starts, end))
        people = [k for k in named if self.entity_at(k).kind == "person"]
        names = {self.entity_at(k).name for k in people}
        if len(names) != 1 or " " not in next(iter(names)):
            return None  # nobody, several people, or a single word read as a person ("the group Remera")
        first_start, first_form, _, _ = self.occurrences[people[0]]
        # "Yokich also bristled at suggestions that GM loses money." ¶ '"They claim ..."': the paragraph opens on the
        # person reacting, and the quote is the reaction
        reacts = not self.text[start:first_start].strip() and _REACTS.match(self.text, first_start + len(first_form))
        # a speech verb before a possessor ("the election that confirmed Berdymukhamedov's role") is not theirs
        speaking = any(self.said_at(k) for k in people if self.occurrences[k][3] != "possessor")
        return self.entity_at(people[0]) if speaking or reacts else None

    def narrative_people(self) -> tuple[list[int], list[Entity]]:
        """Where each person named as a subject or possessor outside quotations stands, and who (computed once)."""
        if self._people is None:
            people = [
                (start, entity)
                for k, (start, _, _, role) in enumerate(self.occurrences)
                if role in {"subject", "possessor"} and (entity := self.entity_at(k)).kind == "person" and not self.quoted_at(k)
            ]
            self._people = ([start for start, _ in people], [entity for _, entity in people])
        return self._people

    def last_named_person(self, position: int) -> tuple[int, Entity] | None:
        """Where the narrative last names a person as a subject or possessor before ``position``, and who; or None."""
        starts, people = self.narrative_people()
        at = bisect_left(starts, position) - 1
        return (starts[at], people[at]) if at >= 0 else None

    def _person_just_before(self, position: int, reach: int = 300) -> Entity | None:
        """The person the last sentence naming one is about (``last_person_before``, without carrying the last
        quote's speaker on), when the narrative names someone within ``reach`` characters before ``position``."""
        named = self.last_named_person(position)
        return self.last_person_before(position, carry=False) if named and position - named[0] <= reach else None

    def mention_counts(self) -> dict[str, int]:
        """How many times the document names each entity (by entity name; computed once)."""
        if self._counts is None:
            self._counts = Counter(self.entity_at(k).name for k in range(len(self.occurrences)))
        return self._counts

    def _choose(self, candidates: list[Entity], position: int) -> Entity:
        if len(candidates) == 1:
            return candidates[0]
        # A shared surname: the person last named in full shortly before this point; past that reach, the one the
        # report named in full first (news names its protagonist by surname alone and a namesake in full each time:
        # "Khan wrote" long after "Zulfiqar Khan" is still Abdul Qadeer Khan)
        best, best_position, first = max(candidates, key=lambda e: e.mentions), -1, None
        for start, form, entities, _ in self.occurrences:
            if start >= position:
                break
            if len(form.split()) >= 2 and len(entities) == 1 and entities[0] in candidates:
                best, best_position = entities[0], start
                first = first or entities[0]
        if first is not None and position - best_position > SURNAME_REACH:
            return first
        return best

    def resolve_phrase(self, phrase: str, position: int) -> tuple[Entity | None, str]:
        """The person (else any entity) named in a short attribution phrase, and how it was found
        (``chorus.attribution.ATTRIBUTIONS``). Without a name, a pronoun or a definite description ("she", "the statement",
        "the athlete") is the person named last before the quote, and an organisation noun ("the
        department", "a statement from the agency") the organisation named last."""
        if quoted := _WAS_QUOTED.match(phrase):
            # '"...," Howard was quoted today by the ABC evening news as saying': the one quoted speaks, not the outlet
            return self.resolve_phrase(quoted.group(1), position)
        if relayed := _QUOTED_AS.fullmatch(phrase):
            # '"...," Spiegel quoted Duisenberg as saying': the one quoted speaks, not the one quoting
            return self.resolve_phrase(relayed.group(1), position)
        # "The Canadian government today called on ...": when it spoke is no part of who
        subject = _WHEN_SPOKEN.sub("", _OPENING_CLAUSE.sub("", phrase))
        if _PARTY_EPITHET.fullmatch(subject):
            # "the Florida Republican said": an epithet, however capitalised, for the person the report is about
            return self.most_named_person_before(position) or self.last_person_before(position), "description"
        if (issued := _STATEMENT_FROM.fullmatch(subject)) and (issuer := self.named_in(issued.group(1), position)):
            return issuer, "name"  # 'A statement from Waitrose said: "..."': whoever issued it, whatever kind
        if (epithet := _BODY_EPITHET.fullmatch(subject)) and (
            called := self.person_called(epithet.group(1), position) or self._person_just_before(position)
        ):
            # '"We don't yet have fingerprints," the ATF agent said': the agent the report named ("ATF agent Jack
            # Killorin"), else the person the narrative names just before ("Killorin disputed early reports ..."),
            # not the ATF
            return called, "description"
        speaker = self.named_speaker(phrase, position)
        if speaker is not None:
            return speaker, "name"
        if _INDEFINITE.match(subject):
            return None, "none"  # "said one resident", "a GOP strategist": someone unnamed
        if re.fullmatch(r"\s*it\s*", subject, re.I):
            # '... presented them with the letter from Sir Paul.' ¶ 'It read: "..."': the letter's writer; else the
            # body last reported speaking ('Amnesty said ... Serbs suffer ... "...," it said'); else the organisation
            # named last
            writer = self.writer_of_last_letter(position) or self.last_speaking_body_before(position)
            return writer or self.last_subject_company_before(position, reach=600, single_word_people=True), "description"
        if not re.match(rf"\s*(?:(?:the|this|that|his|her|its|their|he|she)\b|an?\s+(?:\w+\s+)?{STATEMENT}\b)", subject, re.I):
            last = re.match(r"\s*the\s+(\w+)\s*$", subject.rsplit(",", 1)[-1], re.I)
            if "," in subject and last and (called := self.person_called(last.group(1), position)):
                # "In his conclusions, Jackson's final judgment on the evidence, the judge": the one called so speaks
                return called, "description"
            return None, "none"
        if own := _GROUP_PHRASE.match(subject):
            # "the South African government said", "the Sherman family said": a group that names itself
            return Entity(name=" ".join(own.group(1).split()), kind="organisation"), "description"
        if re.fullmatch(rf"\s*(?:the|this|that)\s+{STATEMENT}\s*", subject, re.I) and (issuer := self.statement_issuer(position)):
            # "the statement reads": whoever the report names as its issuer ("a Foreign Ministry statement")
            return issuer, "name"
        words = re.findall(r"[a-z]+", subject.lower())
        if len(words) <= 3 and words[-1:] and words[-1] in _DOCUMENT_NOUNS | {"statement"}:
            # '"...," the report stated' after 'The World Meteorological Organization said ...': the body last reported
            # speaking issued it; else a document whose authors the report does not name here ('notes the study')
            if body := self.last_speaking_body_before(position, reach=600):
                return body, "description"
            if words[-1] in _DOCUMENT_NOUNS and words[0] == "the" and (issuer := self.statement_issuer(position, noun=words[-1])):
                return issuer, "name"  # "The Amnesty International report noted ..." ... '"...," the report said'
            if words[-1] in _DOCUMENT_NOUNS:
                return None, "none"
        if any(word in COMPANY_NOUNS for word in words) and (company := self.last_subject_company_before(position)):
            return company, "description"  # "said the company in a statement": the firm last named as a subject
        if words[-1:] and words[-1] in _BROADCASTER_NOUNS and (outlet := self.last_outlet_before(position)):
            # '"...," the cable network said in a statement': the news outlet the report named last ("Fox News host")
            return outlet, "name"
        # "the navy chief said": a person, whatever body the words before the head noun name ("the chairman of the
        # group": the head noun comes before "of")
        head = words[: words.index("of")] if "of" in words[1:] else words
        if head[-1] not in _PERSON_NOUNS and (nouns := [word for word in words if word in ORGANISATION_WORDS]):
            # "the hospital said": the organisation this report names with that noun ("Great Ormond Street
            # Hospital"), else the one named last
            if named := self.organisation_named(nouns[-1]):
                return named, "name"  # the noun is a word of its name: as good as the name itself
            if named := self.named_before_noun(nouns[-1], position):
                return named, "name"  # "A United Nations World Heritage committee called ..." ... "the committee said"
            organisation = self.last_organisation_before(position)
            if organisation is None and (own := _COMMON_ORGANISATION.match(subject)):
                # "the medical legal service said": an unnamed body described by its modifiers speaks as itself
                return Entity(name=" ".join(own.group(1).split()), kind="organisation"), "description"
            return organisation, "description"
        if len(words) >= 2 and words[0] == "the" and (nouns := [w for w in words[1:4] if w in _PERSON_NOUNS | _ANONYMOUS_ROLES]):
            # "the athlete", "the opposition leader": an epithet for the person the report calls that
            # ("Daniels' attorney Michael Avenatti" ... "the attorney tweeted"), else the one it is about
            called = self.person_called(nouns[-1], position)
            if called is None and nouns[-1] in _ANONYMOUS_ROLES and not re.search(r"\s[A-Z]", subject):
                # "the retired official asked", "the witness said": no one the report calls that; but "the Eastlake,
                # Ohio, resident said" describes by hometown someone the report has introduced
                return None, "none"
            if called is None and re.search(rf"\b{nouns[-1]}\s+of\s+(?:the|a|an)\s+[a-z]", subject, re.IGNORECASE):
                # "The chairman of the group representing the poorest countries": someone described, not named
                return None, "none"
            return (called or self.most_named_person_before(position) or self.last_person_before(position)), "description"
        return self.last_person_before(position), "pronoun"

    def writer_of_last_letter(self, position: int, reach: int = 400) -> Entity | None:
        """Whom the letter, message or note the report mentioned last before ``position`` is from ("the letter
        from Sir Paul"), when it names them."""
        window_start = max(0, position - reach)
        for match in reversed(list(_LETTER_FROM.finditer(self.text, window_start, position))):
            if not self._quoted(match.start()) and (writer := self.named_in(match.group(1), position)):
                return writer
        return None

    def statement_issuer(self, position: int, reach: int = 1500, noun: str = STATEMENT) -> Entity | None:
        """Who issued the statement the report mentioned last before ``position`` ("In a statement,
        the Sherman family said ..." ... '"...," the statement reads'); ``noun``: a pattern for another kind of
        document ("report": "The Amnesty International report noted ..." ... '"...," the report said')."""
        window_start = max(0, position - reach)
        text = self.text[window_start:position]
        of_issuer = _document_of(noun)
        for match in reversed(list(re.finditer(rf"\b{noun}\b", text))):
            at = window_start + match.start()
            if self._quoted(at):
                continue
            start = max(self.text.rfind(". ", 0, at), self.text.rfind("\n", 0, at)) + 1
            end_match = re.compile(r"[.!?](?:\s|$)").search(self.text, at)
            sentence = self.text[start : end_match.start() if end_match else position]
            if (named := of_issuer.search(sentence)) and (issuer := self.named_in(named.group(1) or named.group(2), at)):
                return issuer  # "According to a Turkish Foreign Ministry statement", "a statement from the ministry"
            if re.search(r"\b(?:the|that|this)\s+$", self.text[max(0, at - 6) : at], re.IGNORECASE):
                continue  # '"...," the statement said': the same statement again; who issued it is told before
            verb = re.search(rf"\b{VERB}\b", sentence, re.IGNORECASE)
            if verb is None:
                continue
            # "Kinder Haven, an adoption agency in Ottawa, said in a memorandum": the apposition is not the issuer
            # (its closing comma is often left out: "The Children's Bridge, an adoption agency in Canada said")
            head = re.sub(r",\s+(?:an?|the)\s+[^,]{1,100}(?:,\s*|\s+)$", " ", _OPENING_CLAUSE.sub("", sentence[: verb.start()]))
            if len(head.split()) > 6:
                return None  # not a plain "X said": leave it to the person the report is about
            if own := _GROUP_PHRASE.match(head):
                return Entity(name=" ".join(own.group(1).split()), kind="organisation")
            if issuer := self.named_in(head, at):
                return issuer
        return None

    def last_subject_company_before(self, position: int, reach: int = 300, single_word_people: bool = False) -> Entity | None:
        """The organisation named last within ``reach`` before ``position``, else the last non-person
        named there as a clause's subject ("Ethicon is expected to appeal", whatever kind it was given);
        with ``single_word_people``, a one-word "person" too (for "it said": "Shell said" makes Shell look
        like a person, and a person is never "it")."""
        organisation = self.last_organisation_before(position, reach)
        if organisation is not None:
            return organisation
        for start, _, role, entity in self._named_back_from(position, reach):
            thing = entity.kind != "person" or (single_word_people and " " not in entity.name)
            if thing and role == "subject" and re.match(r"\s+[a-z]", self.text[start + len(entity.name) :]):
                return entity
        return None

    def last_speaking_body_before(self, position: int, reach: int = 1500) -> Entity | None:
        """The body named last within ``reach`` before ``position`` as the subject of a speech verb: "it said" goes
        on with the body last reported speaking ("Amnesty International said Tuesday ... Serbs are also suffering ...
        '"...," it said'), not the one merely mentioned last. A body is an organisation (not a place: "in China's
        Hunan Province, said"), or a one-word "person" ("Shell said" makes Shell look like one)."""
        for start, form, role, entity in self._named_back_from(position, reach):
            body = entity.kind in {"organisation", "other"} or (entity.kind == "person" and " " not in entity.name)
            if not body or role not in {"subject", "determined"} or is_outlet(entity):
                continue
            end = start + len(form)
            # "Amnesty International said", "..., said the Red Cross." (not "Greenpeace said the Shard was chosen":
            # the name after the verb begins what was said)
            if _SAID_AFTER.match(self.text[end : end + 80]) or (
                _said_before(self.text, start) and re.match(r"\s*[,.;]", self.text[end : end + 2])
            ):
                return entity
        return None

    def person_called(self, noun: str, position: int) -> Entity | None:
        """The person named last before ``position`` with ``noun`` as a title or apposition: "attorney
        Michael Avenatti", "Avenatti, the lawyer for Daniels" (outside quotations)."""
        # "attorney Michael Avenatti", "the outgoing emir, Sheik Hamad" (only capitalised words after the comma)
        before = re.compile(
            rf"\b{re.escape(noun)}s?\b(?:(?:\s+[\w.'’-]+){{0,4}}|,(?:\s+(?-i:[A-Z])[\w'’-]*\.?){{0,3}})\s*$", re.IGNORECASE
        )
        # an apposition, not the subject of the next clause ("With Radio Dunav, the mayor said")
        after = re.compile(rf"^,\s+(?:\w+\s+){{0,4}}{re.escape(noun)}s?\b(?!\s+{VERB}\b)", re.IGNORECASE)
        noun_at = re.compile(rf"\b{re.escape(noun)}s?\b", re.IGNORECASE)
        found = None
        for k, (start, form, _, role) in enumerate(self.occurrences):
            if start >= position:
                break
            entity = self.entity_at(k)
            if entity.kind != "person" or role not in {"subject", "titled object"} or self.quoted_at(k):
                continue
            end = start + len(form)
            window = self.text[max(0, start - 50) : start]
            titles = (title for m in noun_at.finditer(window) if (title := before.match(window, m.start())))
            if any(_only_title_words(title.group().split()[1:]) for title in titles) or after.match(self.text[end : end + 60]):
                found = entity
        return found

    def organisation_named(self, noun: str) -> Entity | None:
        """The most mentioned organisation of the report whose name holds ``noun`` as a word (of any kind but
        person: "Great Ormond Street Hospital" reads as a place)."""
        named = [
            entity
            for entities in self.by_form.values()
            for entity in entities
            if entity.kind != "person" and noun in entity.name.lower().split()
        ]
        return max(named, key=lambda entity: entity.mentions, default=None)

    def named_before_noun(self, noun: str, position: int, reach: int = 1500) -> Entity | None:
        """The entity (not a person) named last within ``reach`` before ``position`` right before ``noun`` in lower
        case ("A United Nations World Heritage committee") or with it in apposition ("Amnesty International, an
        anti-death penalty group"): the body a later "the committee said" means."""
        after = re.compile(rf"(?:,\s+(?:an?|the)\s+(?:[\w’'-]+\s+){{0,4}}|\s+){re.escape(noun)}s?\b")
        return next(
            (
                entity
                for start, form, _, entity in self._named_back_from(position, reach)
                if entity.kind != "person" and after.match(self.text, start + len(form))
            ),
            None,
        )

    def most_named_person_before(self, position: int) -> Entity | None:
        """The person named most often before ``position`` (the latest of equals)."""
        counts: Counter = Counter()
        latest: dict[str, int] = {}
        people: dict[str, Entity] = {}
        for k, (start, _, _, role) in enumerate(self.occurrences):
            if start >= position:
                break
            entity = self.entity_at(k)
            if entity.kind == "person" and role in _ROLE_RANK and not self.quoted_at(k):
                counts[entity.name] += 1
                latest[entity.name], people[entity.name] = start, entity
        if not counts:
            return None
        return people[max(counts, key=lambda name: (counts[name], latest[name]))]

    def _named_back_from(self, position: int, reach: int) -> Iterator[tuple[int, str, str, Entity]]:
        """``(start, form, role, entity)`` of the names outside quotations within ``reach`` characters before
        ``position``, the nearest first."""
        # the occurrences are in text order: the ones in [position - reach, position), read backwards
        for k in reversed(range(bisect_left(self.name_starts, position - reach), bisect_left(self.name_starts, position))):
            start, form, _, role = self.occurrences[k]
            if not self.quoted_at(k):
                yield start, form, role, self.entity_at(k)

    def people_and_bodies_between(self, start: int, end: int) -> list[Entity]:
        """The people and organisations named outside quotations in ``text[start:end]``, the nearest to ``end`` first
        (not a name modifying the next one: "Bain Capital founder X")."""
        named = self._named_back_from(end, end - start)
        return [e for _, _, role, e in named if role != "modifier" and e.kind in {"person", "organisation"}]

    def last_outlet_before(self, position: int, reach: int = 2000) -> Entity | None:
        """The news outlet named last within ``reach`` characters before ``position``, in any role ("Fox News host
        Megyn Kelly"), for "the network said"."""
        return next((entity for *_, entity in self._named_back_from(position, reach) if is_outlet(entity)), None)

    def last_organisation_before(self, position: int, reach: int = 300) -> Entity | None:
        """The organisation named last within ``reach`` characters before ``position`` (for "the
        department said" after "according to the LAPD")."""
        named = self._named_back_from(position, reach)
        return next((e for _, _, role, e in named if role != "modifier" and e.kind in {"organisation", "other"}), None)

    def named_speaker(self, phrase: str, position: int) -> Entity | None:
        """The speaker an attribution phrase names ("according to Mayor Kovac"). An indefinite description ("a GOP
        operative whose polling showed Clinton", "a prominent GOP strategist") is someone unnamed, whom the names
        in it employ or are about, unless it names a person itself ("a tearful Rev. Savino D'Amelio")."""
        # "During the Apollo 11 landing, the astronauts": not Apollo (but "As Richard Howorth, owner of ..., says")
        subject = phrase if re.match(r"\s*as\b", phrase, re.IGNORECASE) else _OPENING_CLAUSE.sub("", phrase)
        if _INDEFINITE.match(subject):
            own = self.named_in(_RELATIVE_CLAUSE.split(subject)[0], position)
            return own if own is not None and own.kind == "person" else None
        return self.named_in(subject if subject.strip() else phrase, position)

    def named_in(self, phrase: str, position: int) -> Entity | None:
        """The entity a phrase names as its speaker ("Mayor Anna Kovac", "the Interior Ministry of Ruritania"), or
        None: the first subject it names, as of ``position`` (a surname is the person it last stood for)."""
        # In phrase order: the first named comes first; possessors, modifiers and objects do not speak.
        named = _with_roles(phrase, find_names(phrase, self.by_form, self.forms))
        found = [
            (self._choose(entities, position), role, form)
            for _, form, entities, role in named
            if role in {"subject", "determined"} and fold(form) not in PLATFORMS
        ]
        people = [e for e, role, form in found if e.kind == "person" and role == "subject" and not _ACRONYM.fullmatch(form)]
        # "Charlotte Moore, Controller BBC One", "Gill Sandford, dean of the Faculty of Creative and Cultural
        # Industries": a person opening the phrase before a comma is its head, whatever names her role holds
        apposed = (
            bool(named)
            and not phrase[: named[0][0]].strip()
            and named[0][3] == "subject"
            and phrase[named[0][0] + len(named[0][1]) :].startswith(",")
            and self._choose(named[0][2], position).kind == "person"
        )
        if (
            len(named) >= 2
            and not apposed
            and named[-1][3] == "subject"
            and not phrase[named[-1][0] + len(named[-1][1]) :].strip(" ,")
            and re.fullmatch(r"\s+(?:[a-z][\w-]*\s+){1,3}|.*,\s+", phrase[named[-2][0] + len(named[-2][1]) : named[-1][0]])
        ):
            last = self._choose(named[-1][2], position)
            if last.kind == "person" and not _ACRONYM.fullmatch(named[-1][1]):
                # "Metallica drummer Lars Ulrich", "Trump campaign manager Corey Lewandowski": the name that ends the
                # phrase after a role is its head; the name before the role says whom the person works for. After a
                # clause, the name right before the verb: "When he learned how Eric Johnson beamed, Keith Johnson"
                people = [last]
        # Organisations speak; so does an acronym after an article whatever kind it was given ("the ICC urged").
        speakers = [e for e, _, form in found if e.kind in {"organisation", "other"} or _ACRONYM.fullmatch(form)]
        if not people and not speakers and named and named[-1][3] in {"subject", "determined"}:
            start, form, entities, _ = named[-1]
            if not phrase[start + len(form) :].strip():
                # A place right before the verb speaks for its government ("though the U.S. said").
                speakers = [self._choose(entities, position)]
        if not people and not speakers:
            for start, form, entities, role in named:
                entity = self._choose(entities, position)
                if role == "possessor" and entity.kind == "person" and _CAMPAIGN.match(phrase[start + len(form) :]):
                    return entity  # "Trump's campaign said", "Kovac's office said": they speak for that person
            # "..., police said": the organisation this document names with that word.
            for noun in re.findall(r"\b(police|officials|prosecutors|authorities|army|military|ministry)\b", phrase.lower()):
                named = [e for es in self.by_form.values() for e in es if e.kind == "organisation" and noun in e.name.lower()]
                if named:
                    return max(named, key=lambda e: e.mentions)
        return (people or speakers or [None])[0]

    def last_person_before(self, position: int, carry: bool = True, pronoun: str | None = None, depth: int = 0) -> Entity | None:
        """For "he said": the person the last sentence before ``position`` that names one is about:
        its first subject (usually the speaker), else its first possessor ("Charamut's campaign issued
        a statement"), else a titled object ("pledged loyalty to President Maduro. He tweeted"). With
        ``carry``, the last quote's speaker when nobody is named since; without, the narrative alone (the
        same whether a report's quotes are read one by one or all at once). With ``pronoun`` ("he", "she"),
        people whose first name says otherwise are passed over. A sentence ending on its attribution ("..., said
        Det.-Sgt. Susan Gomes.") is about whom it quotes; one opening on "He"/"She" after a sentence naming someone
        is about whom that pronoun stands for (``depth``: how many such sentences were passed, at most three)."""
        people = [
            (start, entity, role, start + len(form))
            for k, (start, form, _, role) in enumerate(self.occurrences)
            if start < position
            and role in _ROLE_RANK
            and not self.quoted_at(k)  # a name inside a quotation is not who the narrative is about
            and (entity := self.entity_at(k)).kind == "person"
            and self.may_be(entity, pronoun)
        ]
        if (
            carry
            and self.last_quote is not None
            and self.may_be(self.last_quote[1], pronoun)
            and not any(start > self.last_quote[0] for start, *_ in people)
        ):
            # '“...,” the athlete said. ¶ “...,” she said.': nobody named since, so still that speaker (unless
            # someone unnamed has come in since: 'Another woman ... said' ¶ '“...,” she said')
            if pronoun is not None and self._unnamed_subject_between(self.last_quote[0], position):
                return None
            return self.last_quote[1]
        if pronoun is not None and (called := self._epithet_subject_between(people[-1][0] if people else 0, position)):
            # 'Prince Charles said ... The prince expressed his sympathy to Stephen's parents. "...," he said': the
            # sentence is about whom its epithet stands for, not the people it names after it
            if self.may_be(called, pronoun):
                return called
        if not people:
            return None
        last_start = people[-1][0]
        # the sentence's start, within its paragraph: not after a title ("Nevada Sen. Harry Reid") or an initial
        boundary = self._sentence_start(last_start, floor=self.text.rfind("\n", 0, last_start) + 1) - 1
        same_sentence = [person for person in people if person[0] > boundary]
        start, entity, _, end = same_sentence[-1]
        if (
            pronoun is not None
            and depth < 3
            and _PRONOUN_SUBJECT.match(self.text, boundary + 1, same_sentence[0][0])
            and any(self._sentence_start(boundary) <= person[0] <= boundary for person in people)
        ):
            # '..., Urschel says. He also praises Hansen and Hambleton. "...," he said': the sentence is still about
            # whom its own "he" stands for, named in the sentence before it, not about those it names after it
            return self.last_person_before(boundary + 1, carry, pronoun, depth + 1)
        if pronoun is not None and self._unnamed_subject_between(end, position):
            return None  # 'Another woman, sitting in front of her home, said ...' ¶ '"...," she said': someone unnamed
        if _SAID_BEFORE_NAME.search(self.text, max(0, start - 60), start) and re.match(r"[.!?]", self.text[end : end + 1]):
            return entity  # '..., said Det.-Sgt. Susan Gomes.': whom the sentence ends quoting, not its subject
        return min(same_sentence, key=lambda person: _ROLE_RANK[person[2]])[1]

    def _epithet_subject_between(self, start: int, end: int) -> Entity | None:
        """The person the last sentence opening between the sentence holding ``start`` and ``end`` calls by a
        definite epithet as its subject ("The prince expressed ...": the one the report calls "prince"), or that
        ends on the words of ("..., said the president."), or None."""
        floor = self._sentence_start(start)
        text = self.text[floor:end]
        found = None
        for stop in [-1, *sentence_ends(text + " ")]:
            # the epithet's own place: a sentence opening on a quote ('“The sheriff can't know ...,” Parr said')
            # is not about the sheriff
            if (opening := _EPITHET_SUBJECT.match(text, stop + 1)) and not self._quoted(floor + opening.start(1)):
                found = opening
        said = [match for match in _SAID_THE_EPITHET.finditer(text) if not self._quoted(floor + match.start(1))]
        if said and (found is None or said[-1].start() > found.start()):
            found = said[-1]
        return self.person_called(found.group(1), end) if found else None

    def _sentence_start(self, position: int, floor: int = 0) -> int:
        """Where the sentence holding ``position`` starts: after the last sentence end before it, at most 1000
        characters back and not before ``floor`` (a paragraph's start)."""
        low = max(floor, position - 1000)
        ends = sentence_ends(self.text[low:position])
        return low + ends[-1] + 1 if ends else low

    def _unnamed_subject_between(self, start: int, end: int) -> bool:
        """A sentence wholly between ``start`` and ``end`` opens on someone the report does not name ("A spokesman
        for the police said", "Another woman, sitting ...", "One resident")."""
        text = self.text[start:end]
        return any(
            _UNNAMED_SUBJECT.match(text, stop + 1) and not self._quoted(start + stop + 1) for stop in sentence_ends(text + " ")
        )

    def _quoted(self, position: int) -> bool:
        return any(start <= position < end for start, end in self.quoted)


TITLE_WORDS = frozenset(w.lower() for w in PERSON_TITLES | ROLE_NOUNS) | frozenset(
    w.lower() for w in TITLE_ABBREVIATIONS.split("|")
)
_SAID_AFTER = re.compile(rf"^\s*(?:,[^,.;“”\"]{{1,60}},\s*|,\s*)?{ADVERB}{VERB}\b", re.IGNORECASE)
# "said Mayor X" makes X the speaker, "told The Virginian-Pilot" its listener
_SAID_BEFORE = re.compile(rf"\b(?!(?:told|tells|telling|tell)\b){VERB}\s*,?\s*$", re.IGNORECASE)


def _said_before(text: str, start: int) -> bool:
    """'said Mayor X', 'said the spokesman, X': a speech verb before the name, past titles and capitalised words."""
    head = text[max(0, start - 80) : start]
    words = head.split()
    # the pattern ends on the text's end and a speech verb is at most three words ("has pointed out"): only the last
    # three words are searched (the whole head costs a search from every position)
    while words and (words[-1].lower().rstrip(".,") in TITLE_WORDS | {"the", "a"} or words[-1][:1].isupper()):
        if _SAID_BEFORE.search(" ".join(words[-3:])):
            return True
        words.pop()
    return bool(_SAID_BEFORE.search(" ".join(words[-3:]))) and len(words) > len(head.split()) - 5


# Words of news outlets' names, and news agencies known by one name: they report others' words. The second set
# also ends people's names ("Emily Post") or may be one (agencies' short names: EFE, PTI), so it counts only for a
# name not read as a person's.
_OUTLET_WORDS = frozenset(
    """news agency press radio television tv broadcasting newspaper xinhua reuters afp kyodo yonhap interfax
    itar-tass tass kcna irna suna bernama antara anadolu""".split()
)
_PAPER_WORDS = frozenset(
    "times post journal herald tribune gazette daily ap efe ansa dpa upi pti mena wafa jiji lusa notimex tanjug".split()
)
# What a report calls a news outlet that speaks ("the network said in a statement")
_BROADCASTER_NOUNS = frozenset("network broadcaster channel newspaper".split())


def is_outlet(entity: Entity | None, phrase: str = "") -> bool:
    """``entity`` is a news outlet or agency ("Xinhua News Agency", "the official Yangcheng Evening News"), or the
    attribution ``phrase`` naming it says so ("the national news agency EFE", "the newspaper El Pais")."""
    if entity is None:
        return False
    words = set(fold(entity.name).split())
    described = set(fold(phrase).split()) - words
    return (
        bool(words & _OUTLET_WORDS)
        or (entity.kind != "person" and bool(words & _PAPER_WORDS))
        or (entity.kind != "person" and bool(described & (_OUTLET_WORDS | _BROADCASTER_NOUNS)))
    )


_PRONOUN_GENDERS = {"he": "male", "she": "female"}
# Words right before a name, in its sentence, that say whether the person is a man or a woman: "his wife, Pat",
# "her son Tom", "Mrs. Asmus" (not "..., a Starbucks spokesman. ¶ Stephanie Sheffield")
_FEMALE_NOUNS = "wife|widow|mother|daughter|sister|grandmother|granddaughter|aunt|niece|girlfriend|stepmother|actress|"
_FEMALE_NOUNS += "congresswoman|spokeswoman|businesswoman|chairwoman"
_MALE_NOUNS = "husband|widower|father|son|brother|grandfather|grandson|uncle|nephew|boyfriend|stepfather|congressman|"
_MALE_NOUNS += "spokesman|businessman|chairman"
_GENDERED_BEFORE = re.compile(
    rf"\b(?:(?P<female>(?:{_FEMALE_NOUNS}),?|(?:Mrs|Ms|Miss|Mme)\.?)|(?P<male>(?:{_MALE_NOUNS}),?|Mr\.?))[ \t]+$"
)


def _genders_in_text(text: str, occurrences: list[tuple[int, str, list[Entity], str]]) -> dict[str, str]:
    """The people a report marks as a man or a woman right before their name ("his wife, Pat"), when it marks each
    one way only."""
    marked: dict[str, set[str]] = {}
    for start, _, entities, _ in occurrences:
        if (
            len(entities) == 1
            and entities[0].kind == "person"
            and (cue := _GENDERED_BEFORE.search(text, max(0, start - 40), start))
        ):
            marked.setdefault(entities[0].name, set()).add("female" if cue.group("female") else "male")
    return {name: genders.pop() for name, genders in marked.items() if len(genders) == 1}
