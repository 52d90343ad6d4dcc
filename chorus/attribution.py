"""Who said a quote: the rules that read a report's attributions (the analyse stage, for ``chorus.quotes``).

A quote is text between quotation marks (``chorus.quoted_text.quoted_spans``, ``document_spans``);
``attributed_quotes`` walks a report's paragraphs and gives each quote the speaker its attribution names, as
``chorus.quotes`` describes (after the quote, before it, at the end of its sentence, an embedded post's signature;
names, pronouns and descriptions resolved against the narrative by ``chorus.speaker_finder.SpeakerFinder``).
``chorus.speaker_ranker`` may then choose among the candidates, and ``chorus.quotes`` merges the quotes outlets
share.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import NamedTuple

from chorus.entities import spellings_by_document
from chorus.models import Document, Entity
from chorus.quoted_text import MIN_QUOTE_WORDS, NO_SENTENCE_END, sentence_ends
from chorus.speaker_finder import ADVERB, LONGEST_VERB, STATEMENT, VERB, SpeakerFinder, is_outlet

# How the rules found a quote's speaker: a name in the attribution ("X said", "said Mayor X"), a pronoun
# resolved to the person the narrative is about ("he said"), a description ("the company said", "the
# statement reads"), carried over from the previous quote ('"...," he said. "More..."'), or nobody.
ATTRIBUTIONS = ("name", "pronoun", "description", "carried", "none")
# The rest of a quote's sentence, ending on its attribution: '" and binds to it tightly, said Madras.'
_ENDS_ON_SAID_NAME = re.compile(rf"[^.!?\n]{{0,200}}?,\s+{VERB}\s+([A-Z][^,.!?“”\"\n]{{1,60}})(?:[.!?]|,\s+who\b)")
# A clause ending on "he" or "she", alone or after a comma ("Plus, he", "But if Clinton escapes, she"): the pronoun says it
_PRONOUN_ENDS = re.compile(r"(?:^|,\s*)(he|she)\s*$", re.IGNORECASE)
# The same ending on the name before its verb: '" and other business uses of the Internet, Buss said.'
_ENDS_ON_NAME_SAID = re.compile(rf"[^.!?\n“”\"]{{0,200}}?,\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}})\s+{VERB}[.!?]")
# A lawmaker's party and state in brackets: "Rep. Bob Barr (R-Ga.), a Judiciary member,", "(D-N.Y.)"
_PARTY_TAG = re.compile(r"\((?:[RDI]|Rep|Dem|Ind)\s*-\s*[A-Za-z. ]{1,14}\)")


# Initials or a state's abbreviation that a comma goes on from: "from Washington, D.C., who", "Sacramento, Calif., who";
# a company's abbreviation the sentence goes on from: "director of the Neighborhood Assistance Corp. of America, quipped";
_ABBREVIATION_GOING_ON = re.compile(
    r"\b(?:(?:[A-Z]\.){2,}|(?:Ala|Ariz|Ark|Calif|Colo|Conn|Fla|Ill|Kan|Mass|Mich|Minn|Neb|Nev|Okla|Ore|Tenn|Tex|Wash|Wis)\.)"
    r"(?=,)|\b(?:Corp|Inc|Co|Ltd)\.(?=,|\s+[a-z])"
    # a first name's initials before a surname: "at J.P. Morgan Securities" (not "in the U.S. The president")
    r"|\b(?!(?:U\.S|U\.N|U\.K|E\.U|D\.C)\.)(?:[A-Z]\.){2,3}(?=\s[A-Z][a-z])"
)


def _no_false_ends(text: str) -> str:
    """``text`` without the full stops that end no sentence: a title's ("Mrs. Kovar"), "No." before a number, those
    inside a party-and-state tag ("(R-Ga.)") and initials or a state's abbreviation going on ("Washington, D.C., who");
    for matching only (lengths change)."""
    text = _ABBREVIATION_GOING_ON.sub(lambda short: short.group().replace(".", ""), text)
    return _PARTY_TAG.sub(lambda tag: tag.group().replace(".", ""), NO_SENTENCE_END.sub(r"\1", text))


_AFTER_PRONOUN = re.compile(rf"^\s*[,.]?\s*(?:(he|she)\s+{ADVERB}{VERB}|{VERB}\s+(he|she))\b", re.IGNORECASE)
# the phrase after "said" runs to the next punctuation, but through initialisms ("said D.C. Council member X")
_AFTER_VERB_NAME = re.compile(
    rf"^\s*[,.]?\s*{VERB}\s+((?:[^,.;:“”\"]|(?<=[A-Z])\.(?=[A-Z])|(?<=\.[A-Z])\.|(?<=\s[A-Z])\.(?=\s[A-Z])){{1,80}})",
    re.IGNORECASE,
)
_AFTER_NAME_VERB = re.compile(rf"^\s*[,.]?\s*([^;:“”\"]{{1,220}}?)\s+{VERB}\b", re.IGNORECASE)
# A speech verb handing over to the quote at the end of the text before it: 'said:', 'told reporters that'
_VERB_TO_QUOTE = rf"{VERB}\b[^.!?“”\"]{{0,60}}?[:,—–-]?\s*(?:that\s*)?$"
# A passive's auxiliary right before the verb: "was denounced as", "has been described as"
_PASSIVE_END = re.compile(r"\b(?:was|were|is|are|be|been|being)(?:\s+\w+ly)?$", re.IGNORECASE)
_BEFORE_NAME_VERB = re.compile(rf"([^.!?“”\"]{{1,240}}?)\s+{_VERB_TO_QUOTE}", re.IGNORECASE)
# Its verb alone: a cheap test before the pattern above, which backtracks over the whole clause
_VERB_NEAR_END = re.compile(rf"\b{_VERB_TO_QUOTE}", re.IGNORECASE)
# A paragraph that hands over to a quote in the next one: 'X issued a statement saying —' / 'X said:'.
_LEAD_IN = re.compile(rf"(?:[:—–-]|\b{VERB})\s*$", re.IGNORECASE)
_NAME_COLON = re.compile(r"\s*([A-Z][\w.'’]*(?:[\s-][A-Z][\w.'’]*){0,3})(?::|\s?[-–—])\s*")
# The signature closing an embedded social-media post: "— Gabe Rosenberg (@Gaber205) October 30, 2018"
_TWEET_SIGNATURE = re.compile(r"[—–-]\s*([A-Z][^()\n“”\"]{1,60}?)\s*\(@\w{1,30}\)\s*(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})?\s*$")
_AFTER_ACCORDING_TO = re.compile(r"^\s*[,.]?\s*according\s+to\s+([^,.;:()“”\"]{1,100})", re.IGNORECASE)
_ISSUED_BY = re.compile(
    r"^\s*(?:an?|the)\s+(?:\w+\s+){0,2}?(?:statement|release|post|tweet|letter|email|e-mail)\s+(?:from|by|issued\s+by)\s+",
    re.IGNORECASE,
)
# "a report the group released Tuesday", "the study that the agency published": who put the document out
_RELEASED_BY = re.compile(
    r"\s*(?:an?|the)\s+(?:new\s+)?(?:report|study|statement|survey|document)\s+(?:that\s+)?((?:the|its|their)\s+\w+)"
    r"\s+(?:released|issued|published|put\s+out)\b",
    re.IGNORECASE,
)
# (a middle initial's full stop goes on: ", Dr. John S. March of Duke")
_APPOSITIVE_NAME = re.compile(r"^,\s+([A-Z](?:[^,.;:“”\"]|(?<=\s[A-Z])\.(?=\s[A-Z])){1,60})(?:[,.]|$)")
# Words opening a clause that goes on with the sentence after a quote ('" if you had told her', '" while X said')
_GOES_ON = re.compile(r"\s*(?:if|when|while|whereas|because|although|though|unless|whether|as|and|but|or|you|i)\b", re.I)
# A clause ending on a speech verb's participle after a comma: "..., adding:", "..., saying"
_PARTICIPLE_TAIL = re.compile(r",\s+(?:adding|saying|noting|writing|explaining|declaring)\b[^,.;]{0,20}[:,]?\s*$")
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+([^,.;:“”\"]{1,80}?),?\s*$", re.IGNORECASE)
# "he says athletes will always be tempted to use supplements because it "...": up to 120 characters of what the
# pronoun says before the quote
_BEFORE_PRONOUN = re.compile(rf"\b(he|she)\s+{ADVERB}{VERB}\b[^.!?“”\"]{{0,120}}?[:,—–-]?\s*$", re.IGNORECASE)
# A lead-in naming whose words follow: "Below is Hillary Clinton's opening statement to the House committee:"
_STATEMENT_OWNER = re.compile(
    r"\b([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})['’]s\s+(?:[a-z]+\s+){0,2}"
    r"(?:statement|remarks|speech|address|testimony|letter|message|post|tweet)\b[^.!?“”\"]*:\s*$"
)
# A written message and its writer: "a private message that Olsen reportedly sent him", "the note which Smith wrote"
_SENT_BY = re.compile(
    r"\b(?:letter|message|note|e-?mail|memo|card|post|text)\s+(?:that|which)\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})"
    r"\s+(?:[a-z]+ly\s+)?(?:had\s+)?(?:sent|wrote|posted|penned|texted|emailed)\b"
)
_QUOTING = re.compile(r"\bquoting\s+([^,.;:“”\"]{1,60}?)\s*[:,]?\s*$", re.IGNORECASE)
_WHICH_READ = re.compile(r"\b(?:which|that)\s+(?:read|reads|said|says|stated)\s*:?\s*$", re.IGNORECASE)
# An outlet relaying someone: '"...," BBC News reported her as saying' (after the outlet's verb)
_QUOTED_AS_SAYING = re.compile(r"\s*(him|her)\s+as\s+saying\b", re.IGNORECASE)


class _Attribution(NamedTuple):
    attributed: bool
    speaker: Entity | None
    how: str  # how the rules found ``speaker`` (``ATTRIBUTIONS``)
    pronoun: str | None = None  # "he", "she" or "it" when a pronoun gave the speaker
    # where a pronoun before the quote stands ('He said Dees was trying "..."'): whom it means is named before it
    pronoun_at: int | None = None


def _hands_over(lead_in: str) -> bool:
    """Whether a paragraph (stripped of its trailing spaces) ends handing over to a quote: on a colon, a dash or a speech
    verb (``_LEAD_IN``)."""
    # A match ends at the text's end, so it starts at most ``LONGEST_VERB`` characters before it (a bare verb matches
    # wherever one with its auxiliary does). Searching from there rather than across the whole paragraph gives the same
    # answer: ``search`` with a start position still reads the characters before it for ``\b``.
    return _LEAD_IN.search(lead_in, max(0, len(lead_in) - LONGEST_VERB)) is not None


def _attribute(paragraph: str, offset: int, start: int, end: int, finder: SpeakerFinder, lead_in: str = "") -> _Attribution:
    """How the quote at ``paragraph[start:end]`` is attributed (``offset`` is the paragraph's place in the
    document, ``lead_in`` the paragraph before it)."""
    # "said Mrs. Kovar.", "Mayor X said Mr. Obama had offered, '...'", "X, the No. 1 player, said:": a title's or
    # a number's full stop ends no sentence around the quote.
    after = _no_false_ends(paragraph[end + 1 : end + 260] if end < len(paragraph) else "")
    # 300 characters before the quote, or of the paragraph handing over to it ('X issued a statement saying —' ¶
    # '“...”'): a long apposition may stand between the name and its "said"
    before = paragraph[max(0, start - 1 - 300) : max(0, start - 1)]
    if not before.strip() and _hands_over(lead_in.rstrip()):
        before = lead_in.rstrip()[-300:]
    before = _no_false_ends(before)
    position = offset + start
    if (tweet := _TWEET_SIGNATURE.search(paragraph, end)) and (writer := finder.named_in(tweet.group(1), position)):
        # an embedded post signed '— Donald J. Trump (@realDonaldTrump) February 18, 2018': all of it is the writer's,
        # unless the post itself names who said the quoted words ('Kovac said "..." — A Reporter (@reporter)')
        relayed = _named_before(before[max(before.rfind(mark) for mark in ".!?") + 1 :], position, finder)
        if relayed is None or relayed.speaker is None or relayed.how != "name":
            return _Attribution(True, writer, "name")
    if (by := re.match(r"\s*by\s+([^,.;:“”\"]{1,80})", after)) and re.search(rf"\b{VERB}\b", before, re.IGNORECASE):
        # 'was called "the greatest poet of the century" by Gabriel García Márquez': the agent speaks
        agent, how = finder.resolve_phrase(by.group(1), position)
        if agent is not None:
            return _Attribution(True, agent, how)
    if match := _AFTER_PRONOUN.match(after):
        return _by_pronoun(match.group(1) or match.group(2), position, finder)
    quote_ends_sentence = paragraph[start:end].rstrip().endswith((".", "!", "?"))
    if (according := _AFTER_ACCORDING_TO.match(after)) and not (quote_ends_sentence and after.lstrip()[:1] == "A"):
        # '"...," according to a statement from the Velmora Water Board.' (not '"... be." According to her memoir,
        # the two met': a new sentence)
        phrase = _ISSUED_BY.sub("", according.group(1))
        speaker = finder.named_speaker(phrase, position)
        if speaker is None and re.fullmatch(r"\s*the\s+(?:\w+\s+)?(?:statement|report|release)\s*", phrase, re.IGNORECASE):
            # '"...," according to the statement': whoever the report names as its issuer ("X said in a statement")
            speaker = finder.resolve_phrase(phrase, position)[0]
        if speaker is None and (released := _RELEASED_BY.match(phrase)):
            # '"...," according to a report the group released Tuesday': whom "the group" stands for
            speaker = finder.resolve_phrase(released.group(1), position)[0]
        return _Attribution(True, speaker, "name")
    # Both before-quote patterns match only text free of . ! ? and quote marks, so they are searched after the
    # last of those (the same matches; the lazy name group no longer backtracks over earlier sentences).
    clause = before[max(before.rfind(mark) for mark in '.!?“”"') + 1 :]
    if match := _AFTER_VERB_NAME.match(after):
        speaker, how = finder.resolve_phrase(match.group(1), position)
        if how != "name" and (named := _named_in_apposition(after[match.end() :], position, finder)):
            # 'said Kovac's lawyer, Paul Edmar', 'said the airport's director, Carlos Alvarez': the role is named in
            # apposition after it
            speaker, how = named, "name"
        if is_outlet(speaker, match.group(1)) and (relayed := _named_before(clause, position, finder)):
            return relayed
        return _Attribution(True, speaker, how if speaker is not None else "none")
    if (
        (match := _AFTER_NAME_VERB.match(after))
        and len(match.group(1).split()) <= 32
        and not ends_a_sentence(match.group(1))  # the attribution stays in the quote's sentence
        and not (quote_ends_sentence and _opens_a_new_sentence(match.group(1), after[match.end() :]))
        # '...". The poems were written by Neruda, said the publisher': a full stop after the mark opens a new sentence
        and not re.match(r"\s*\.\s+[A-Z]", after)
        # '" if you had told her' goes on with the sentence: a clause, not a speaker
        and not _GOES_ON.match(match.group(1))
        # '" of the questions Clinton was asked about': a passive goes on with the sentence, it attributes nothing
        and not _PASSIVE_END.search(match.group(1))
        # 'Doe said, "I got a gun," pulled a .44 Magnum out, the report stated': a name said it right before the mark
        and not ((lead_in_named := _named_just_before(clause, position, finder)) and lead_in_named.how == "name")
    ):
        if said_by := re.search(r",\s+(he|she)$", match.group(1).rstrip(), re.IGNORECASE):
            # '"Partnerships with other sites" of Internet traffic, such as Barnes and Noble's ..., will be crucial,
            # he said.': the sentence goes on past names it mentions and ends on a pronoun saying it
            return _by_pronoun(said_by.group(1), position, finder)
        speaker, how = finder.resolve_phrase(match.group(1), position)
        if (
            (speaker is None or speaker.kind != "person")
            and match.group(1).rstrip().endswith(",")
            and (inverted := _AFTER_VERB_NAME.match(after[match.end(1) :]))
            and (named := finder.resolve_phrase(inverted.group(1), position))[0] is not None
            # over a body the clause names, only a person ("outside the EU, says Prof Szczerbiak")
            and (speaker is None or named[0].kind == "person")
        ):
            # 'portray Poland "as a kind of regional leader" outside the EU, says Prof Szczerbiak.': the
            # sentence goes on after the quote (past a body it names) and ends on its attribution
            speaker, how = named
        if is_outlet(speaker) and (quoted := _QUOTED_AS_SAYING.match(after, match.end())):
            # '"...," BBC News reported her as saying': the outlet relays whom the pronoun means
            return _by_pronoun(quoted.group(1).lower().replace("him", "he").replace("her", "she"), position, finder)
        if is_outlet(speaker, match.group(1)) and (
            relayed := _named_before(clause, position, finder) or _relayed(before, position, finder)
        ):
            # 'Chen said the reports "sought to ...," the official Yangcheng Evening News reported': the outlet
            # relays the words of the one named before the quote
            return relayed
        return _Attribution(True, speaker, how, _it(match.group(1)))
    if (
        not quote_ends_sentence
        and (ends_on := _ENDS_ON_SAID_NAME.match(after) or _ENDS_ON_NAME_SAID.match(after))
        and (named := finder.resolve_phrase(ends_on.group(1), position))[1] == "name"
    ):
        # '"The idea came from a study I had done" and binds to it tightly, said Madras.': the sentence goes on
        # after the quote and ends on who said it
        return _Attribution(True, named[0], "name")
    if (label := _NAME_COLON.fullmatch(before)) and (speaker := finder.named_in(label.group(1), position)):
        if speaker.kind == "person":
            return _Attribution(True, speaker, "name")  # 'Kovac: "We will rebuild..."' (an interview's or a caption's label)
    if (
        re.search(r"\b(?:I|we)\s+(?:\w+\s+)?[a-z]+,\s*$", before)
        and (label := _NAME_COLON.match(paragraph))
        and (speaker := finder.named_in(label.group(1), offset))
        and speaker.kind == "person"
    ):
        return _Attribution(True, speaker, "name")  # a transcript's 'Frank Jernigan: I thought, "We don't know..."'
    if according := _ACCORDING_TO.search(clause):
        # 'According to Mayor Bill de Blasio, "..."'; 'According to the library, "..."' (the one it names)
        speaker = finder.named_speaker(according.group(1), position)
        how = "name"
        if speaker is None and re.match(r"\s*the\s", according.group(1), re.IGNORECASE):
            speaker, how = finder.resolve_phrase(according.group(1), position)
        if speaker is not None:
            return _Attribution(True, speaker, how)
    if (
        _WHICH_READ.search(clause)
        and (writer := _SENT_BY.search(clause))
        and (speaker := finder.named_in(writer.group(1), position))
    ):
        # 'a screenshot of a private message that Olsen reportedly sent him, which read: "..."': its writer's words
        return _Attribution(True, speaker, "name")
    if quoting := _QUOTING.search(clause):
        # 'Again, quoting Chris Crane: "..."' (an unnamed one, "quoting a source", names nobody)
        return _Attribution(True, finder.named_speaker(quoting.group(1), position), "name")
    if (
        _PARTICIPLE_TAIL.search(clause)
        and (sentence := before[max(before.rfind(mark) for mark in ".!?") + 1 :]) != clause
        and (named := _named_before(re.sub(r"[“”\"]", "", sentence), position, finder))
        and named.how == "name"
    ):
        # 'Jenna Coleman revealed that she is "so excited" to welcome Peter Capaldi ..., adding: "..."': the sentence's
        # subject, before a partial quote inside it, is the one adding
        return named
    if named := _named_before(clause, position, finder):
        return named
    if (owner := _STATEMENT_OWNER.search(before)) and (speaker := finder.named_in(owner.group(1), position)):
        return _Attribution(True, speaker, "name")  # 'Below is Hillary Clinton's opening statement to the committee:'
    return _speaker_of_sentence(before, position, finder)


def _by_pronoun(pronoun: str, position: int, finder: SpeakerFinder, pronoun_at: int | None = None) -> _Attribution:
    """A quote attributed to "he" or "she" (``pronoun``, any case): the person it stands for, named before
    ``position``; ``pronoun_at``: where the pronoun stands when it comes before the quote."""
    pronoun = pronoun.lower()
    return _Attribution(True, finder.last_person_before(position, pronoun=pronoun), "pronoun", pronoun, pronoun_at)


def _it(phrase: str) -> str | None:
    """ "it" when an attribution's phrase is that pronoun alone ('"...," it said.'): it stands for a body, never a
    person, and the quotes carried on after it are that body's too (``chorus.speaker_ranker.ranked_speaker``)."""
    return "it" if phrase.strip().lower() == "it" else None


def _named_in_apposition(rest: str, position: int, finder: SpeakerFinder) -> Entity | None:
    """The entity a name in apposition at the start of ``rest`` (', Paul Edmar,') names, or None."""
    apposition = _APPOSITIVE_NAME.match(rest)
    return finder.named_in(apposition.group(1), position) if apposition else None


def _relayed(before: str, position: int, finder: SpeakerFinder) -> _Attribution | None:
    """Whom a news outlet relays: the one speaking earlier in the quote's sentence ('Chen, the police chief, said
    that by blaming the police, reports were trying to "create suspicions," the newspaper said'), if not an outlet."""
    said = _speaker_of_sentence(before, position, finder)
    return said if said.speaker is not None and not is_outlet(said.speaker) else None


def _speaker_of_sentence(before: str, position: int, finder: SpeakerFinder) -> _Attribution:
    """Who speaks in the sentence the quote ends (``before``: the text before its opening mark): the one saying
    through its nearest speech verb ("X said it was concerned, and the ICC urged Y to \"...\"")."""
    # The sentence's start: the last full stop, "?" or "!" before a space, not after an initial ("the U.S. said")
    ends = sentence_ends(before)
    head = before[ends[-1] + 1 :] if ends else before
    verbs = list(re.finditer(rf"\b{VERB}\b", head, re.IGNORECASE))
    if verbs:
        # The verb nearest the quote, and its own clause
        verb = verbs[-1]
        if _PASSIVE_END.search(head[: verb.start()].rstrip()):
            return _Attribution(False, None, "none")  # 'Kovac was denounced as "..."': words about her, not hers
        clauses = re.split(
            r",\s+(?:and|but|though|although|while|whereas)\s+|;\s+|[“”\"]|(?<![A-Z])[.!?:]\s", head[: verb.start()]
        )
        if said_by := _PRONOUN_ENDS.search(clauses[-1]):
            # 'Plus, he adds, all the hype will be too much "when the fans say so"': the pronoun, not a word before it
            return _by_pronoun(said_by.group(1), position, finder)
        speaker, how = finder.resolve_phrase(clauses[-1], position)
        if speaker is None and len(verbs) > 1:
            speaker, how = finder.resolve_phrase(head[: verbs[0].start()], position)
        if speaker is None and (inverted := re.match(r"\s*([^,.;:“”\"]{1,80})", head[verb.end() :])):
            # 'They are, said the poet Pere Gimferrer, who edits them, as full of "..."': the name after the verb
            speaker, how = finder.named_in(inverted.group(1), position), "name"
            # '"...," said a spokeswoman, Susan Asmus, "and ...": the name after the description, when the verb opens
            # its clause (not 'A spokeswoman says the actress and her husband, Michael Douglas, "are ..."')
            if (
                speaker is None
                and not clauses[-1].strip(" ,")
                and (named := _named_in_apposition(head[verb.end() + inverted.end() :], position, finder))
            ):
                speaker = named if named.kind == "person" else None
        if (
            speaker is None
            and not clauses[-1].strip(" ,")
            and re.search(r"[”\"],?\s*$", head[: verb.start()])
            and not head.rstrip().endswith((",", ":"))
        ):
            # '"Is this a graffiti artist?" said Edward F. Borden Jr. "Whoever ..."': the verb attributes the quote
            # before it, and its sentence has ended (not '"...," said X, "..."'); when no name is read after it,
            # whoever goes on speaking is the last quote's speaker
            return _Attribution(False, None, "none")
        return _Attribution(True, speaker, how if speaker is not None else "none")
    return _Attribution(False, None, "none")


# A sentence opening on its subject, after an optional conjunction and opening phrase: "Conard rejects ...",
# "Instead, he meditates ...", "Phillip E. Johnson, a law professor at Berkeley, who ..., advocates ..."
_SUBJECT_OPENS = re.compile(
    r"\s*(?:(?:But|And|So|Yet|Instead|Still|Now|Then|Later|Meanwhile),?\s+)?"
    r"(?:(?:In|On|At|For|During|After|Before|With|Unlike|Like|Although|While|Since|Despite)\b[^,“”\"]{0,80},\s+)?"
    r"(?P<subject>[Hh]e|[Ss]he|(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]*)(?:,\s+[^“”\"]{1,160}?,)?\s+(?P<verb>[a-z][\w’'-]*)"
)
# Nouns for someone's own words: "Bronston's answer was", "Abrams' version defines creation as"
_WORDS_NOUNS = frozenset(
    "answer reply response statement letter words testimony version message proposal explanation remarks".split()
)
# A passive right after the subject: "Kovac was denounced as", "Smith has been called" (words about them)
_PASSIVE_AFTER = re.compile(r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b")


def _subject_of_sentence(paragraph: str, offset: int, start: int, finder: SpeakerFinder) -> _Attribution | None:
    """The person (or body) a partial quote's sentence opens on, when no attribution names anyone: 'Conard
    rejects the notion that America has "some monopoly on hard work."', 'She was a 26-year-old with "the judgment of
    an early adolescent," as she describes it.' None when the quote opens its sentence, the sentence opens on no
    name, the subject is a news outlet or place, the verb is a passive, or another person or body is named between
    the subject's verb and the quote (whose words they may be: 'Romney mocked Trump's promise to "...").'"""
    before = paragraph[: max(0, start - 1)]
    ends = sentence_ends(_no_false_ends(before))
    head_start = ends[-1] + 1 if ends else 0
    head = before[head_start:]
    if len(head.split()) < 2 or re.search(r"[“”\"]|``|''", head):
        return None
    match = _SUBJECT_OPENS.match(head)
    if match is None or _PASSIVE_AFTER.match(head, match.start("verb")):
        return None
    subject_at = offset + head_start + match.start("subject")
    phrase = match.group("subject")
    if (owner := re.fullmatch(r"(.+?)['’]s?", phrase)) and match.group("verb") in _WORDS_NOUNS:
        phrase = owner.group(1)  # "Bronston's answer was: "...": the words of the one whose answer it is
    if phrase.lower() in {"he", "she"}:
        speaker = finder.last_person_before(subject_at, pronoun=phrase.lower())
        how, pronoun = "pronoun", phrase.lower()
    else:
        speaker = finder.named_in(phrase, subject_at)
        how, pronoun = "name", None
    if speaker is None or is_outlet(speaker) or speaker.kind not in {"person", "organisation"}:
        return None
    quote_at, verb_at = offset + start, offset + head_start + match.start("verb")
    if any(entity.name != speaker.name for entity in finder.people_and_bodies_between(verb_at, quote_at)):
        return None
    return _Attribution(True, speaker, how, pronoun)


@dataclass
class Attributed:
    """One attributed quote of one report, where it stands, and the rules' speaker."""

    doc_index: int
    finder: SpeakerFinder
    offset: int  # the paragraph's place in the document
    paragraph: str
    start: int
    end: int
    text: str
    speaker: Entity | None
    previous: Entity | None  # the speaker of the report's previous attributed quote (None when it had none)
    how: str = "name"  # how the rules found ``speaker`` (``ATTRIBUTIONS``)
    pronoun: str | None = None  # "he", "she" or "it" when a pronoun gave the speaker (or the quote carried on)
    pronoun_at: int | None = None  # where that pronoun stands, when before the quote in its sentence


def attributed_quotes(documents: list[Document], entities: list[Entity]) -> Iterator[Attributed]:
    """Every attributed direct quote of at least ``MIN_QUOTE_WORDS`` words of each report, in report order."""
    spellings = spellings_by_document(entities)  # one pass over the entities for all the reports
    for doc_index, document in enumerate(documents):
        if "“" in document.text or '"' in document.text:
            yield from _ReportQuotes(doc_index, document, spellings[document.id]).read()


class _LastQuote(NamedTuple):
    """The report's last attributed quote: its paragraph's number, its speaker and the pronoun that gave it."""

    number: int
    speaker: Entity | None
    pronoun: str | None


class _ReportQuotes:
    """One report's quotes read in order, each attributed by its own words (``_attribute``) or by what stands around
    it: the report's last attributed quote, the paragraph before it, and a quote left open at the end of its line
    waiting for the line that closes it (text written one sentence a line: '“There are very few billboards around the
    city.' / 'I still don't know who to vote for,” said Maral')."""

    def __init__(self, doc_index: int, document: Document, spellings: dict[str, list[Entity]]) -> None:
        self.doc_index = doc_index
        self.finder = SpeakerFinder(document.text, spellings)
        self.lines = document.text.split("\n")
        self.previous: _LastQuote | None = None
        self.lead_in, self.lead_in_offset, self.lead_in_number = "", 0, -1  # the last non-empty paragraph: where, which
        # a quote left open at the end of its line with no attribution (or a provisional one), waiting for the next
        # line to name its speaker, and the lines it runs over before the line that closes it
        self.waiting: Attributed | None = None
        self.waiting_run: list[Attributed] = []

    def read(self) -> Iterator[Attributed]:
        """The report's attributed quotes of ``MIN_QUOTE_WORDS`` words or more, in order."""
        offset = 0
        for number, (paragraph, spans) in enumerate(zip(self.lines, self.finder.spans, strict=True)):
            goes_on = (spans and spans[0][0] == 0) or number in self.finder.continued
            if self.waiting is not None and paragraph.strip() and not goes_on:
                self.waiting, self.waiting_run = None, []  # the next line does not go on with the quote
            yield from self._paragraph(number, paragraph, spans, offset)
            if paragraph.strip():
                self.lead_in, self.lead_in_offset, self.lead_in_number = paragraph, offset, number
            offset += len(paragraph) + 1

    def _paragraph(self, number: int, paragraph: str, spans: list[tuple[int, int]], offset: int) -> Iterator[Attributed]:
        finder = self.finder
        last_end: int | None = None  # where the last attributed quote of this paragraph ends
        # an embedded post is no part of the narrative: no "he said" after it is its writer's
        embedded_post = bool(spans) and _TWEET_SIGNATURE.search(paragraph) is not None
        for start, end in spans:
            previous = self.previous
            text = paragraph[start:end].strip(' ,“”"')  # a stray mark of a nested or glued quote is no part of it
            long_enough = len(text.split()) >= MIN_QUOTE_WORDS
            # the quote, unattributed, beside the speaker of the report's last attributed quote before it
            before = previous.speaker if previous is not None else None
            unattributed = Attributed(self.doc_index, finder, offset, paragraph, start, end, text, None, before, "none")
            if number in finder.continued and self.waiting is not None and number + 1 in finder.continued:
                self.waiting_run.append(unattributed)  # a line of the waiting quote: whoever its last line names
                continue
            if number in finder.continued and previous is not None and self.waiting is None:
                said = _Attribution(True, previous.speaker, "carried", previous.pronoun)  # a statement goes on
            else:
                said = _attribute(paragraph, offset, start, end, finder, self.lead_in)
            said = self._from_neighbours(said, number, paragraph, offset, start, end, last_end)
            if not said.attributed and long_enough:
                subject = _subject_of_sentence(paragraph, offset, start, finder)
                if subject is not None and subject.speaker is not None:
                    # 'Conard rejects the notion that America has "some monopoly on hard work."': words inside
                    # the sentence of the one it is about. No attribution names them, so nothing carries on
                    # from them to the next quote (``previous`` stays the last attributed quote's).
                    yield replace(unattributed, speaker=subject.speaker, how=subject.how, pronoun=subject.pronoun)
                    continue
            if self.waiting is not None:
                names = said.attributed and said.speaker is not None and start == 0
                names = names and (said.how != "carried" or bool(self.waiting_run))
                yield from self._release_waiting(said if names else None)
                if not names and number in finder.continued and previous is not None and previous.speaker is not None:
                    said = said._replace(attributed=True, speaker=previous.speaker, how="carried")  # its closing line too
            head = paragraph[: max(0, start - 1)]  # the paragraph before the quote's opening mark
            left_open = end == len(paragraph) and (start, end) == spans[-1]
            if not said.attributed and left_open and long_enough:
                self.waiting = unattributed
            # a quote opening its line and left open, given a speaker by the sentence before it (or carried on from the
            # last quote): provisionally, for the line closing it may name another ('X said the dam was safe.' ¶ '"We
            # will ...' ¶ ... ¶ '..., " Kovac said.'; '“He was pretty shook up.' ¶ '...,” said Sgt. Marty Earley')
            provisional = (
                said.attributed
                and left_open
                and long_enough
                and not head.strip()
                and (
                    (number + 1 in finder.continued and paragraph[start - 1 : start] == '"')
                    or _closes_next_line(finder.spans, self.lines, number)
                )
            )
            if provisional:
                self.waiting = replace(
                    unattributed, speaker=said.speaker, how=said.how, pronoun=said.pronoun, pronoun_at=said.pronoun_at
                )
            if said.attributed:
                # A short quote is not kept, but its speaker carries on: “Not yet,” X said. “The rest...”
                if said.how == "carried" and previous is not None:
                    said = said._replace(pronoun=previous.pronoun)  # '“...,” she said. “More...”': still a she
                self.previous = _LastQuote(number, said.speaker, said.pronoun)
                last_end = end
                is_person = said.speaker is not None and said.speaker.kind == "person"
                finder.last_quote = (offset + start, said.speaker) if is_person and not embedded_post else None
                if long_enough and not provisional:
                    yield replace(
                        unattributed, speaker=said.speaker, how=said.how, pronoun=said.pronoun, pronoun_at=said.pronoun_at
                    )

    def _from_neighbours(
        self, said: _Attribution, number: int, paragraph: str, offset: int, start: int, end: int, last_end: int | None
    ) -> _Attribution:
        """``said`` (the quote's own attribution) completed by what stands around the quote: the quote before it in the
        paragraph, the paragraph before it, the narrative sentence right before it."""
        finder, previous = self.finder, self.previous
        if (
            last_end is not None
            and previous is not None
            and previous.speaker is not None
            and _chained(paragraph[last_end:start])
            # '...enough to eat." "On the fourth of February...," said Chavez': two sentences side by side,
            # the second naming its own speaker
            and not (said.how == "name" and _side_by_side(paragraph, last_end, start))
        ):
            # 'X called it "a literary event", and "the biggest find in years"': one sentence, one speaker
            said = said._replace(attributed=True, speaker=previous.speaker, how="carried")
        if not said.attributed and last_end is not None and previous is not None and _resumed(paragraph[last_end:start]):
            # '"I saw it," he said. If bodies were moved, "they didn't notify me."': the speaker goes on
            said = said._replace(attributed=True, speaker=previous.speaker, how="carried")
        head = paragraph[: max(0, start - 1)]  # the paragraph before the quote's opening mark
        lead_in, lead_in_offset = self.lead_in, self.lead_in_offset
        if self.lead_in_number in finder.continued:
            lead_in = ""  # a line of a quote running over lines ('Deshawn Wynn, when called upon, ...'): no narrative
        if (
            not said.attributed
            and not head.strip()
            and (said_at_end := _SAID_AT_END.search(lead_in.rstrip()) or _STATEMENT_SAID_AT_END.search(lead_in.rstrip()))
        ):
            # 'These searches weren't simple, Gomes said.' ¶ '"Legal complexities ..."': the speaker just named ('...
            # were firing, a Defence Ministry statement said.' ¶ '“On sighting the helicopter ...': its issuer)
            speaker, how = finder.resolve_phrase(said_at_end.group(1), offset - 1)
            said = said._replace(attributed=speaker is not None, speaker=speaker, how=how)
        if not said.attributed and not head.strip() and not re.search(r"[“”\"]", lead_in):
            # 'Emmanuelle Amar, director of Remera, told the Guardian research must go on.' ¶ '“These
            # malformations are very rare...”': a quote opening its paragraph, after a narrative paragraph
            # that ends reporting someone's words ("X said ...", "He said ..."), goes on with them
            speaker = _reported_just_before(
                lead_in, lead_in_offset, finder, views=True, pronouns=True
            ) or finder.sole_person_reported(lead_in_offset, lead_in_offset + len(lead_in))
            if speaker is None and (issued := _ISSUED_A_STATEMENT.search(lead_in.rstrip())):
                # '..., the Kennedy family released a statement.' ¶ '"We are filled with grief ..."': its words
                speaker = finder.resolve_phrase(issued.group(1), lead_in_offset + issued.start(1))[0]
            if speaker is None and lead_in.rstrip().endswith(":"):
                # 'The UN's Mr Gunness disagreed with the minister:' ¶ '"There is a crisis already."': a
                # sentence handing over to the quote speaks through the one it opens on
                subject = _subject_of_sentence(lead_in.rstrip(), lead_in_offset, len(lead_in.rstrip()) + 1, finder)
                speaker = subject.speaker if subject is not None and subject.how == "name" else None
            said = said._replace(attributed=speaker is not None, speaker=speaker, how="name")
        if not said.attributed and head.strip() and not re.search(r"[“”\"]", head):
            # 'Silverman said paid leave would help. “There is a big problem...”': the quote goes on
            # from the sentence before it, which reports that person's words (a quote earlier in the
            # paragraph has its own attribution, which the rules below carry on)
            speaker = _reported_just_before(head, offset, finder)
            said = said._replace(attributed=speaker is not None, speaker=speaker, how="name")
        # 'And democracy?' between two quotes: the interviewer's question, answered by the same speaker
        asked = self.lead_in_number == number - 1 and bool(_QUESTION_BETWEEN.fullmatch(lead_in.strip()))
        if (
            not said.attributed
            and previous is not None
            and (number - previous.number <= 1 or (number - previous.number == 2 and asked))
            and _stands_alone(paragraph, start, end)
        ):
            # “First part,” he said. “Second part.” — the second part is the same speaker's.
            said = said._replace(attributed=True, speaker=previous.speaker, how="carried")
        return said

    def _release_waiting(self, closing: _Attribution | None) -> Iterator[Attributed]:
        """The waiting quote's lines, now that the line after them is read: with the speaker the closing line names
        (``closing``), else with the one the first line was given, the lines it ran over going on with the last quote."""
        previous = self.previous
        for piece in [self.waiting, *self.waiting_run]:
            if piece is None or len(piece.text.split()) < MIN_QUOTE_WORDS:
                continue
            if closing is not None:
                # the line it went on to names its speaker ("..., said X", "..., he said"): as that line's
                yield replace(piece, speaker=closing.speaker, how=closing.how, pronoun=closing.pronoun)
            elif piece is self.waiting and piece.speaker is not None:
                yield piece  # the speaker its first line was given, the last line naming none
            elif piece is not self.waiting and previous is not None:
                yield replace(piece, speaker=previous.speaker, how="carried", pronoun=previous.pronoun)  # a statement goes on
        self.waiting, self.waiting_run = None, []


def _closes_next_line(spans: list[list[tuple[int, int]]], paragraphs: list[str], number: int) -> bool:
    """Whether line ``number + 1`` goes on with a quote left open on line ``number``: its first quote opens with the
    line (no mark of its own) and is closed on it."""
    if number + 1 >= len(spans) or not spans[number + 1]:
        return False
    line = paragraphs[number + 1]
    first_start, first_end = spans[number + 1][0]
    return not line[:first_start].strip() and first_end < len(line)


# The sentence right before a quote reports someone's words: "..., says X." or "X said (that) ..." (the quote
# must open the next sentence: the text before it ends on a full stop)
# "..., said Geraldine Dawson, professor of psychology at the University of Washington." (an apposition after the name)
_SAYS_X_JUST_BEFORE = re.compile(
    rf"(?:^|[.!?]\s+)[^.!?“”\"]*,\s+{VERB}\s+([^,.!?“”\"]{{1,60}})(?:,\s+[a-z][^.!?“”\"]{{1,160}})?[.!?]$"
)
_X_SAID_JUST_BEFORE = re.compile(rf"(?:^|[.!?]\s+)([A-Z][^.!?“”\"]{{0,80}}?)\s+{VERB}\b[^.!?“”\"]*[.!?]$")


# A paragraph ending on someone issuing a statement: "..., the Kennedy family released a statement."
_ISSUED_A_STATEMENT = re.compile(
    r"(?:^|[.!?]\s+|,\s+)([^.!?,“”\"]{1,80}?)\s+(?:released|issued|put\s+out)\s+(?:a|an|the|this)\s+(?:[\w-]+\s+){0,2}?"
    # "..., General Manager A.J. Smith issued the following statement on Jackson's arrest:"
    rf"{STATEMENT}(?:\s+(?:on|about|regarding|after)\s+[^.!?:“”\"]{{1,60}})?\s*[.:]$"
)
# A short question of its own, with no quote marks: an interviewer's ("And democracy?")
_QUESTION_BETWEEN = re.compile(r"[^“”\"\n]{1,80}\?")
# A paragraph reporting a view before the quote that voices it: "Harriet thinks more should be done." ¶ '"I think..."'
_X_THINKS_JUST_BEFORE = re.compile(
    r"(?:^|[.!?]\s+)([A-Z][^.!?“”\"]{0,80}?)\s+(?:thinks|believes|feels|fears|worries|hopes|argues|insists)\b[^.!?“”\"]*[.!?]$"
)


def _reported_just_before(
    text: str, offset: int, finder: SpeakerFinder, views: bool = False, pronouns: bool = False
) -> Entity | None:
    """The person (or body) ``text``'s last sentence reports the words of, when a name in it says who ("Silverman
    said paid leave would help.", "... would help, says Silverman."); ``offset``: where ``text`` starts; ``views``:
    a view reported in the present tense counts too ("Harriet thinks more should be done."); ``pronouns``: so does
    "He said ..." (a paragraph before the quote's own), for whom the "he" stands."""
    for pattern in (_SAYS_X_JUST_BEFORE, _X_SAID_JUST_BEFORE, *([_X_THINKS_JUST_BEFORE] if views else [])):
        if said := pattern.search(text.rstrip()):
            # 'He said solar boats had better prospects.' / 'But if Clinton escapes, she said, she felt ...': a pronoun
            # says it, not a name in the clause before it
            if pronoun_says := _PRONOUN_ENDS.search(said.group(1).strip()):
                if not pronouns:
                    return None
                pronoun = pronoun_says.group(1).lower()
                # ¶ '"Boats for recreation ..."': whom the "he" means
                return finder.last_person_before(offset + said.start(1) + pronoun_says.start(1), pronoun=pronoun)
            speaker, how = finder.resolve_phrase(said.group(1), offset + said.start())
            if speaker is not None and how == "name":
                return speaker
    return None


# The last sentence of a paragraph, when it ends on its attribution: "These searches weren't simple, Gomes said."
_SAID_AT_END = re.compile(rf"(?:^|[.!?]\s+)([^.!?“”\"]{{1,120}}?)\s+{VERB}\.$", re.IGNORECASE)
# A long sentence ending on a statement saying it: "India's INS Mysore ... were firing, a Defence Ministry statement said."
_STATEMENT_SAID_AT_END = re.compile(rf",\s+((?:an?|the)\s+[^.!?,“”\"]{{0,60}}?\b{STATEMENT}\b)\s+{VERB}\.$", re.IGNORECASE)


def _opens_a_new_sentence(phrase: str, rest: str) -> bool:
    """After a quote that ended its sentence, ``phrase`` (up to the next speech verb) and ``rest`` (after it)
    are a sentence of its own, not the quote's attribution: '...costs." Later, Mayor X said'; '...this one." It
    is not yet clear what the disparity might mean, he said'; '...themselves." Clyde Jennings, a graphic artist,
    said the ruling sends a message' (an attribution ends soon after its verb: '" Kovac said.', '" Kovac said
    on Monday.')."""
    return bool(
        re.match(r"\s*\w+,", phrase)
        or len(phrase.split()) > 6
        or re.match(r"\s*(?:it|this|that|there)\b", phrase, re.I)
        or (
            re.match(r"\s+(?:that\s+)?(?:[\w’'-]+\s+){3}", rest)
            and not _WHERE_SPOKEN_TAIL.match(rest)
            and not _WHERE_SPOKEN_PHRASE.match(rest)
        )
    )


# Where or when the words were said, ending the attribution's sentence: '" Brown writes on his Kickstarter page.',
# '" Kovac said in an interview on Monday.', '" Lazio said after the measure passed.' (not '" Kovac said in May that
# the dam...')
_WHERE_SPOKEN_TAIL = re.compile(
    r"\s+(?:on|in|at|during|via|to|after|before|while)\s+(?:(?!that\b)[\w’'-]+\s+){0,5}(?!that\b)[\w’'-]+[.!?](?:\s|$)"
)


def _side_by_side(paragraph: str, first_end: int, second_start: int) -> bool:
    """The quote ending at ``first_end`` ends its sentence and the one starting at ``second_start`` opens the next,
    with nothing but marks between them."""
    return (
        not paragraph[first_end:second_start].strip(' "”“')
        and paragraph[:first_end].rstrip().endswith((".", "!", "?"))
        and paragraph[second_start : second_start + 1].isupper()
    )


# A longer place or time of speaking, with no reported clause in its first words: '!" Prime Minister George
# Papandreou thundered in Parliament during a session to discuss the spending cuts' (not '" Kovac said in May that')
_WHERE_SPOKEN_PHRASE = re.compile(
    r"\s+(?:in|at|during)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?!that\b)[\w’'-]+){0,5}\s+(?:during|on|in|at|after|before|while|as)\b"
)


def _chained(between: str) -> bool:
    """The text between two quotes of one sentence joins them without a verb or a sentence end
    ('", and "' / '", some of them "'), so the second is the first one's speaker's."""
    between = between.strip(' "”“')
    return (
        len(between) <= 60
        and not re.search(r"[.!?;:]", between)
        and not re.search(rf"\b{VERB}\b", between, re.IGNORECASE)
        and not re.search(r"\b(?:by|to|of|from|with|as)\s*$", between)  # a quoted phrase inside the narrative
    )


# A speech verb right before the opening mark: 'Doe said, "' / 'the mayor told reporters: "'
_VERB_RIGHT_BEFORE = re.compile(rf"\b{VERB}\b[^.!?“”\"]{{0,40}}[,:]\s*$", re.IGNORECASE)


def _named_just_before(clause: str, position: int, finder: SpeakerFinder) -> _Attribution | None:
    """``_named_before`` when the clause's speech verb hands over to the quote right away ("Doe said, ")."""
    return _named_before(clause, position, finder) if _VERB_RIGHT_BEFORE.search(clause) else None


# An inverted attribution handing over to the quote: ', said Moynihan: "' (not ', told The New York Times, "':
# whom it was told)
_SAID_NAME_BEFORE = re.compile(rf",\s+(?!(?:told|tells|tell|asked|asks|ask)\b){VERB}\s+([A-Z][^,.;:!?“”\"]{{1,60}}?)\s*[:,]\s*$")


# 'as the board delicately put it, "', 'as Kovac wrote: "': an aside naming whose words follow
_AS_PUT_IT = re.compile(
    rf"\bas\s+([^,.;:“”\"]{{1,60}}?)\s+{ADVERB}(?:put\s+it|puts\s+it|said|says|wrote|writes|noted|notes)\s*[,:]?\s*$",
    re.IGNORECASE,
)


def _named_before(clause: str, position: int, finder: SpeakerFinder) -> _Attribution | None:
    """The speaker a clause before the quote names with a speech verb ("Chen said the reports", "she added:"),
    or None."""
    if match := _BEFORE_PRONOUN.search(clause):
        # whom the pronoun stands for is named before it, not between it and the quote ('she said Venezuelan
        # President Hugo Chavez "..."'); the clause ends one character before the quote
        at = position - 1 - (len(clause) - match.start())
        return _by_pronoun(match.group(1), at, finder, pronoun_at=at)
    if (as_put := _AS_PUT_IT.search(clause)) and (said := finder.resolve_phrase(as_put.group(1), position))[0] is not None:
        return _Attribution(True, *said)  # 'Of the crash, as the board delicately put it, "..."'
    if (inverted := _SAID_NAME_BEFORE.search(clause)) and (named := finder.named_in(inverted.group(1), position)):
        return _Attribution(True, named, "name")  # 'The GOP is at it again, said Moynihan: "..."'
    # the speech verb must stand near the clause's end: a cheap test before the pattern that backtracks over it
    if _VERB_NEAR_END.search(clause[-100:]) and (match := _BEFORE_NAME_VERB.search(clause)):
        if _PASSIVE_END.search(match.group(1)):
            return None  # 'Kovac was denounced as "..."': someone else's words about her
        speaker, how = finder.resolve_phrase(match.group(1), position)
        if speaker is not None:
            return _Attribution(True, speaker, how, _it(match.group(1)))
    return None


def _resumed(between: str) -> bool:
    """The text between two quotes of one paragraph ends the first one's attribution and opens the second
    one's sentence with a short lead-in of the speaker's own ('," he said. If bodies were moved, "', '," he said.
    Whaling "', '," he said. Russia's goal is "'), so the second quote is the same speaker's."""
    match = re.fullmatch(r"[\"”]?\s*,?[^.!?“”\"]{1,60}[.!?]\s+([^.!?:;“”\"]{1,60},|[\w'’]+(?:\s+[\w'’]+){0,2})\s*[“\"]?", between)
    if not match or not re.search(rf"\b{VERB}\b", between[: match.start(1)], re.IGNORECASE):
        return False
    lead = match.group(1)
    return (
        len(lead.split()) <= 8
        and not re.search(rf"\b{VERB}\b", lead, re.IGNORECASE)
        and not re.search(r"\s[A-Z]", lead)  # no one else named in it
    )


def ends_a_sentence(text: str) -> bool:
    """``text`` holds a sentence end (``sentence_ends``)."""
    return bool(sentence_ends(text))


def _stands_alone(paragraph: str, start: int, end: int) -> bool:
    """The quote is a sentence of its own (not a phrase quoted inside someone else's sentence)."""
    before = paragraph[: max(0, start - 1)].rstrip()
    return not before or before.endswith((".", "!", "?", "”", '"', ":"))
