"""``chorus.quotes``: direct quotes, their speakers (resolved to canonical names) and merging across outlets.

Expected speakers come from reading the reports: who is named in the attribution, or for "he said"
the person the previous sentence is about. Most tests pin the attribution rules of ``chorus.attribution`` and
the names, pronouns and descriptions ``chorus.speaker_finder`` resolves for them (``_quotes``), whose behaviour they
describe; a few the default path through the learned ranker (``SPEAKERS = "ranker"``), whose own tests are in
``tests/test_speaker_ranker.py``.
"""

from __future__ import annotations

import pytest

import chorus.quotes
from chorus import Document, SummaryOptions
from chorus.entities import extract_entities
from chorus.mentions import fold
from chorus.models import Quote
from chorus.pipeline import prepare
from chorus.quotes import MIN_QUOTE_WORDS, extract_quotes


def _quotes(documents: list[Document], speakers: str | None = "rules") -> list[Quote]:
    """The quotes with the speakers of the rules (``speakers=None``: of the default ``SPEAKERS``)."""
    prepared = prepare(documents, SummaryOptions())
    index = extract_entities(prepared.sentences, prepared.documents)
    default = chorus.quotes.SPEAKERS
    chorus.quotes.SPEAKERS = speakers or default
    try:
        return extract_quotes(prepared.documents, index.entities)
    finally:
        chorus.quotes.SPEAKERS = default


def _one(quotes: list[Quote], words: str) -> Quote:
    """The only quote whose text contains ``words``."""
    found = [q for q in quotes if words in q.text]
    assert len(found) == 1, f"{words!r}: {found}"
    return found[0]


def _report(text: str, doc_id: str = "r1") -> list[Document]:
    return [Document(text, id=doc_id)]


# --- Attribution, hand-made -------------------------------------------------------------------------------

QUOTE = "We will rebuild every house in this town"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # after the quote: ," said X
        (f'The flood reached Brezno on Friday night. "{QUOTE}," said Mayor Anna Kovac.', "Anna Kovac"),
        # a title running on over "of" before the name
        (f'The flood reached Brezno on Friday night. "{QUOTE}," said Secretary of State Anna Kovac.', "Anna Kovac"),
        (f'The flood reached Brezno. "{QUOTE}," said Minister of Foreign Affairs Anna Kovac, who arrived.', "Anna Kovac"),
        # a place and a time of speaking after the verb, however long
        (
            f'The bank burned on Wednesday. "{QUOTE}!" Mayor Anna Kovac thundered in Parliament during a session to '
            "discuss the cuts she announced on Sunday.",
            "Anna Kovac",
        ),
        # a long reported clause between "she says" and the quote
        (
            "Mayor Anna Kovac advises builders to start with better plans. But she says builders will always be tempted "
            f'to use cheap sand because it "{QUOTE}."',
            "Anna Kovac",
        ),
        # an epithet naming a body the person works for: the person just named, when none is called that
        (
            "Paul Horak, a spokesman for the Velmora Flood Agency, spoke on Friday. Anna Kovac disputed reports that "
            f'Horak\'s team had found the boat. "{QUOTE}," the VFA agent said.',
            "Anna Kovac",
        ),
        # the object of a preposition, but the one a "who said" clause makes speak
        (
            "Pavel Horak was surprised. It echoed the complaints of Anna Kovac, spokeswoman for the Brezno Fat "
            f'Acceptance League, who said the survey would prompt dieting. "{QUOTE}," she said.',
            "Anna Kovac",
        ),
        # a notification is words too
        (f'The dairy stopped paying. "{QUOTE}," Anna Kovac, president of the dairy, notified the panel on Aug. 1.', "Anna Kovac"),
        # a monsignor's abbreviated title ends no sentence
        (f'Monsignor Paul Farmer gave her the award. "{QUOTE}," Msgr. Farmer said, noting her work.', "Paul Farmer"),
        # 'said he backed Horak.' ends on whom he backed, not on whom the sentence quotes
        (
            'Pavel Horak spoke first. "It is not easy," he said. Marko Lindqvist, who attended Horak\'s news conference, '
            f'said he backed Horak. "{QUOTE}," he said.',
            "Marko Lindqvist",
        ),
        # so does remembering
        (f'Mayor Anna Kovac bought a jacket for $15. "{QUOTE}," she remembers fondly.', "Anna Kovac"),
        # a shriek reports words too
        (f'Mayor Anna Kovac was led out of the court. "{QUOTE}!" Kovac shrieked, jumping on a bench.', "Anna Kovac"),
        # a company's abbreviation inside the apposition ends no sentence
        (
            f'"{QUOTE}," Kovac, executive director of the Brezno Housing Corp. of America, quipped. Mayor Anna Kovac left.',
            "Anna Kovac",
        ),
        # a question, then its attribution with when it was said
        (f'Mayor Anna Kovac pushed the dam bill. "{QUOTE}?" Kovac said after the measure passed.', "Anna Kovac"),
        # a partial quote whose sentence goes on and ends on ', said X, who ...'
        (
            f'Mayor Anna Kovac met the builders. "{QUOTE}" if the strike was settled by Monday, said Kovac, who tried to '
            "calm the talk.",
            "Anna Kovac",
        ),
        # "Under Secretary": a title's first word, not a preposition making the name its object
        (f'The flood reached Brezno. Under Secretary of State Anna Kovac said Tuesday in Vienna: "{QUOTE}."', "Anna Kovac"),
        # ... but "the Minister of Forestry" after a name is her title, not a name of its own
        (f'Anna Kovac, the Minister of Forestry, opened the park. "{QUOTE}," the minister said.', "Anna Kovac"),
        # after the quote: ," X said (surname resolved to the full name given earlier)
        (f'Mayor Anna Kovac toured Brezno on Friday. "{QUOTE}," Kovac said.', "Anna Kovac"),
        # after, curly quotes
        (f"Mayor Anna Kovac toured Brezno on Friday. “{QUOTE},” Kovac said.", "Anna Kovac"),
        # before the quote: X said: "...
        (f'Minister Marko Lindqvist visited the dam on Friday. Lindqvist said: "{QUOTE}."', "Marko Lindqvist"),
        # an inverted attribution before the quote: ', said X: "...' (not the body the clause is about)
        (
            f'Mayor Anna Kovac toured Brezno on Friday. The Water Board is at it again, said Kovac: "{QUOTE}."',
            "Anna Kovac",
        ),
        # ', told The Herald, "...': the one told is no speaker
        (f'Mayor Anna Kovac toured Brezno on Friday. Kovac, visibly tired, told The Herald, "{QUOTE}."', "Anna Kovac"),
        # an attribution closing a bracket: '(... "...," according to The Brezno Herald).'
        (f'The dam worries the valley (the plan is "{QUOTE}," according to The Brezno Herald).', "Brezno Herald"),
        # an aside: 'as the board delicately put it, "...'
        (
            f'The Brezno Water Board met on Friday. On the flood, as the board delicately put it, "{QUOTE}."',
            "Brezno Water Board",
        ),
        # 'In her ruling, Kovac's final word on the case, the judge wrote that "...': the one called judge
        (
            f"District Judge Anna Kovac heard the case in May. In her ruling, Kovac's final word on the case, the judge "
            f'wrote that "{QUOTE}."',
            "Anna Kovac",
        ),
        # a partial quote whose sentence goes on past names it mentions and ends on ', she said.'
        (
            f'Mayor Anna Kovac toured Brezno on Friday. She also sees risks. "{QUOTE}" with partners such as the Brezno '
            "Water Board and Radio Dunav will be crucial for the plan, she said.",
            "Anna Kovac",
        ),
        # ," he said: the person named in the previous sentence
        (f'Minister Marko Lindqvist visited the dam on Friday. "{QUOTE}," he said.', "Marko Lindqvist"),
        # ," he said with two people named before: the subject of that sentence, not the last one named
        (
            f'Minister Marko Lindqvist met the engineer Pavel Horak at the dam on Friday. "{QUOTE}," he said.',
            "Marko Lindqvist",
        ),
        # ," she said, the previous sentence naming only her
        (f'The engineer Pavel Horak left early. Mayor Anna Kovac stayed until dawn. "{QUOTE}," she said.', "Anna Kovac"),
        # a charge in someone's words: "accuses her husband of"
        (f'Mayor Anna Kovac sued the builder. Kovac accuses the builder of failing to "{QUOTE}."', "Anna Kovac"),
        # a naming in someone's words: "she dubbed it"
        (f'Mayor Anna Kovac toured Brezno on Friday. She dubbed the plan "{QUOTE}."', "Anna Kovac"),
        # he said: not the one his own sentence names as whom he acts on
        (
            f"On Thursday, Minister Marko Lindqvist dismissed the chatter. Asked whether he would invite Pavel Horak to "
            f'the dam, he said: "{QUOTE}."',
            "Marko Lindqvist",
        ),
    ],
)
def test_speaker_is_resolved(text: str, speaker: str) -> None:
    quotes = _quotes(_report(text))
    assert len(quotes) == 1
    assert quotes[0].speaker == speaker
    assert quotes[0].text.rstrip(".?!") == QUOTE
    assert quotes[0].sources == ["r1"]


def test_a_quote_opening_a_sentence_right_after_another_quote_takes_its_own_named_speaker() -> None:
    # 'asking why people fight for a democracy that "cannot feed them." "On the fourth of February...," said Chavez'
    text = (
        "Mayor Anna Kovac spoke after the flood, asking why people would stay in a town that cannot even "
        f'"keep their houses dry." "{QUOTE}," said Pavel Horak, the engineer.'
    )
    assert _one(_quotes(_report(text)), QUOTE).speaker == "Pavel Horak"


def test_quotes_side_by_side_without_a_name_still_chain() -> None:
    # '... "force it into a ghetto to be eliminated." "France and Spain are ...," the statement said.': the statement goes on
    text = (
        'The Brezno Water Board issued a statement on Friday. It said the dam would "hold back every flood of the '
        f'year." "{QUOTE}," the statement said.'
    )
    assert _one(_quotes(_report(text)), QUOTE).speaker == "Brezno Water Board"


def test_a_person_named_right_after_a_body_is_the_subject() -> None:
    # 'An official in the Ministry of ... Joseph Nowarski said ...' ¶ '"...," he said.': not the object of "in"
    text = (
        "Zambia and Norway will build a dam, an official said today.\n"
        "Visiting director in the Ministry of National Waterways Joseph Navarro said the plan was ready.\n"
        f'"{QUOTE}," he said.'
    )
    assert _one(_quotes(_report(text)), QUOTE).speaker == "Joseph Navarro"


def test_a_report_speaks_for_the_body_that_issued_it() -> None:
    # 'Amnesty International, an anti-death penalty group ..., says in a new report that ...' ... '"...," according to
    # a report the group released Tuesday' ... 'The Amnesty International report noted ...' '"...," the report said'
    text = (
        "Velmora Rights Watch, an international human rights group that monitors prisons around the world, says in a "
        "new report that the clemency process of Brezno violates basic safeguards.\n"
        "The organization usually reserves such criticism for other countries.\n"
        f'"{QUOTE}," according to a report the group released Tuesday.\n'
        "Mayor Anna Kovac said the report was unfair.\n"
        "The Velmora Rights Watch report noted that the courts had asked for reform.\n"
        '"The board has become a secretive agency interested only in the illusion of review," the report said.'
    )
    quotes = _quotes(_report(text))
    assert _one(quotes, QUOTE).speaker == "Velmora Rights Watch"
    assert _one(quotes, "secretive agency").speaker == "Velmora Rights Watch"


def test_a_statement_released_on_behalf_of_a_body_is_its_words() -> None:
    text = (
        "Mayor Anna Kovac said the hackers meet in a chat room.\n"
        "In a statement released on behalf of the Brezno Hackers Guild, as it is often called, the group warned the "
        "police.\n"
        f'"{QUOTE}," said the statement, which was e-mailed to reporters.'
    )
    assert _one(_quotes(_report(text)), QUOTE).speaker == "Brezno Hackers Guild"


def test_initials_before_a_surname_end_no_sentence_before_the_speech_verb() -> None:
    # 'Susana de la Puente, managing director ... at J.P. Morgan Securities, noted that there had been "..."'
    text = (
        "The news conference was organized by J.P. Morgan Securities, which is advising the city.\n"
        "As the session began, Anna Kovac, managing director for lending at J.P. Morgan Securities, noted that there "
        f'had been "{QUOTE}."'
    )
    assert _one(_quotes(_report(text)), QUOTE).speaker == "Anna Kovac"


def test_a_paragraph_ending_on_a_statement_released_hands_the_quote_to_its_issuer() -> None:
    text = (
        "After the senator met the family in Brezno, the Kovac family released a statement.\n"
        f'"{QUOTE}. We are filled with grief."'
    )
    speaker = _one(_quotes(_report(text)), QUOTE).speaker
    assert speaker is not None and speaker.startswith("Kovac")  # the family (a report naming it "Kovac" elsewhere)


def test_a_paragraph_ending_on_a_memo_released_hands_the_quote_to_its_issuer() -> None:
    # the statement nouns are one list: a memo or a communiqué is issued as a statement is
    text = f'After the senator met the family in Brezno, the Kovac family released a memo.\n"{QUOTE}. We are filled with grief."'
    speaker = _one(_quotes(_report(text)), QUOTE).speaker
    assert speaker is not None and speaker.startswith("Kovac")


def test_a_quote_after_an_inverted_attribution_that_ended_its_sentence_goes_on_with_its_speaker() -> None:
    # '"Is this a graffiti artist?" said Edward F. Borden Jr. "Whoever authored ..."'
    text = (
        "His lawyer spoke with reporters.\n"
        '"Is this more akin to a graffiti artist or a terrorist?" said Paul E. Navarro Jr. '
        f'"{QUOTE}."'
    )
    assert _one(_quotes(_report(text)), QUOTE).speaker == "Paul E. Navarro Jr"


def test_he_after_a_sentence_ending_on_said_the_epithet_is_whom_the_epithet_means() -> None:
    text = (
        "President Marko Lindqvist received the visitors in the capital.\n"
        "The visit to Brezno by Pavel Horak, chairman of the council, is an important step, he said.\n"
        "Brezno is willing to promote good ties with its neighbours, said the president.\n"
        f'"{QUOTE}," he said.'
    )
    assert _one(_quotes(_report(text)), QUOTE).speaker == "Marko Lindqvist"


def test_for_a_titled_name_the_sentence_is_about_them() -> None:
    # "For Ms. Roseman, a former flight attendant, the enterprise is ... "...," she said": a title between "For" and
    # the name
    text = (
        'Anna Kovac charges a flat fee. "It will get easier with time as people know what to expect," said Vera Holm, '
        f'the mother from Berkeley. For Ms. Kovac, a former pilot, the work is a business deal. "{QUOTE}," she said.'
    )
    assert _one(_quotes(_report(text)), QUOTE).speaker == "Anna Kovac"
    from chorus.speaker_finder import _name_role

    sentence = "For Ms. Kovac, a former pilot, the work is a business deal."
    assert _name_role(sentence, sentence.index("Kovac"), sentence.index(","), None) == "subject"


def test_lines_of_a_quote_running_over_lines_take_the_speaker_its_last_line_names() -> None:
    # ECB+ and other text written one sentence a line: '"Absolutely no way.' / 'I had dinner with ...' / '..., " LaRue
    # said.'
    text = (
        "Mayor Anna Kovac denied that the call took place.\n"
        "Pavel Horak, the engineer, checked the dam on Friday.\n"
        '"We will rebuild every house in this town.\n'
        "I had dinner with the builders four or five times a week.\n"
        'It was a very personal relationship with all of them, " Kovac said.'
    )
    quotes = _quotes(_report(text))
    for words in (QUOTE, "I had dinner with the builders", "It was a very personal relationship"):
        assert _one(quotes, words).speaker == "Anna Kovac", words
    # the line closing the quote names its speaker over the one a narrative sentence before it reports
    quotes = _quotes(_report(text.replace("checked the dam on Friday.", "said the dam was safe.")))
    for words in (QUOTE, "I had dinner with the builders", "It was a very personal relationship"):
        assert _one(quotes, words).speaker == "Anna Kovac", words


def test_a_quote_carried_on_from_the_last_speaker_takes_the_speaker_the_next_line_closing_it_names() -> None:
    # '“He was pretty shook up.' / 'He tried to provide first aid,” said Sgt. Marty Earley': the line before quoted
    # someone else
    text = (
        "Pavel Horak happened to be right there.\n"
        "“Our hearts and prayers are with the family of the woman,” said Horak, who ran to help.\n"
        f"“{QUOTE}.\n"
        "He tried to provide first aid and tried to comfort her,” said Sgt. Anna Kovac of the police."
    )
    quotes = _quotes(_report(text))
    assert _one(quotes, QUOTE).speaker == "Anna Kovac"
    assert _one(quotes, "He tried to provide first aid").speaker == "Anna Kovac"
    # a next line naming no one leaves the quote with the speaker it went on from
    unnamed = text.replace("said Sgt. Anna Kovac of the police", "the report added")
    assert _one(_quotes(_report(unnamed)), QUOTE).speaker == "Pavel Horak"


def test_a_quote_left_open_takes_the_speaker_of_a_short_line_closing_it() -> None:
    # '“It's hard to say at this point.' / 'Everything is just speculation,” he said.' (fire chief Steele)
    text = (
        "Chief Pavel Horak said the blaze was being treated as arson.\n"
        "Authorities did not know whether the church was a target.\n"
        f"“{QUOTE}.\n"
        "Everything is just speculation,” he said.\n"
        "Mayor Anna Kovac visited the church.\n"
        "“We are all shocked by what happened here.\n"
        "We will help,” said Kovac."
    )
    quotes = _quotes(_report(text))
    assert _one(quotes, QUOTE).speaker == "Pavel Horak"
    assert _one(quotes, "We are all shocked").speaker == "Anna Kovac"


@pytest.mark.parametrize(
    "role", ["Controller BBC One", "dean of the Faculty of Creative and Cultural Industries", "director, Brezno Works"]
)
def test_a_person_opening_the_attribution_before_a_comma_speaks_whatever_names_her_role_holds(role: str) -> None:
    text = f'The show was recast. Anna Kovac, {role}, said: "{QUOTE}."'
    assert _one(_quotes(_report(text)), QUOTE).speaker == "Anna Kovac"


def test_a_participle_adding_the_quote_is_the_sentences_subject_across_a_partial_quote() -> None:
    # 'Jenna Coleman revealed that she is "so excited" to welcome Peter Capaldi as the Doctor, adding: "..."'
    text = (
        'Pavel Horak will play the lead. Anna Kovac revealed that she is "so excited" to welcome Pavel Horak to the '
        f'cast, adding: "{QUOTE}."'
    )
    assert _one(_quotes(_report(text)), QUOTE).speaker == "Anna Kovac"
    # with no partial quote the clause already holds the subject
    assert _one(_quotes(_report(text.replace('"so excited"', "so excited"))), QUOTE).speaker == "Anna Kovac"


def test_a_clause_opening_on_while_after_a_partial_quote_attributes_nothing_to_it() -> None:
    # 'Raymond Kelly told the Times there was "nothing to indicate ..." while X, the former commander ..., said "..."'
    text = (
        f'Commissioner Anna Kovac told the Times there was "{QUOTE}" while Pavel Horak, the head of the Brezno '
        'Police Department, said "it was a good decision" under the circumstances.'
    )
    assert _one(_quotes(_report(text)), QUOTE).speaker == "Anna Kovac"


def test_a_line_of_a_quote_running_over_lines_is_no_narrative_for_the_line_after_it() -> None:
    # '"While you would love to have ...' / 'Deshawn Wynn, when called upon, can do the job.' / '... in. "' (Brees)
    text = (
        "Anna Kovac said the team would cope.\n"
        '"In the end, you just work to the strengths of the guys you have, " Kovac said.\n'
        f'"{QUOTE}.\n'
        "Pavel Horak, when called upon, can do the job.\n"
        'You realize that the passing game may have to pick up some slack at times. "\n'
        "The team plays on Sunday."
    )
    quotes = _quotes(_report(text))
    for words in (QUOTE, "Pavel Horak, when called upon", "You realize that the passing game"):
        assert _one(quotes, words).speaker == "Anna Kovac", words


def test_a_statement_issued_on_something_hands_over_to_the_quote() -> None:
    # 'General Manager A.J. Smith issued the following statement on Jackson's arrest:' ¶ '“We're aware of ...'
    text = (
        "Pavel Horak was arrested on Friday.\n\n"
        "Manager Anna Kovac issued the following statement on Horak's arrest:\n\n"
        f"“{QUOTE}.”"
    )
    assert _one(_quotes(_report(text)), QUOTE).speaker == "Anna Kovac"


def test_a_quote_given_its_speaker_by_the_line_before_takes_the_one_its_closing_line_names() -> None:
    # 'Eyewitness News spoke to one man who says he called 911.' ¶ '"I see a person lying down.' ¶ '...," said
    # Mahadeo Rambrich, a witness'
    text = (
        "Anna Kovac said she called the police after she heard a crash.\n"
        f"“{QUOTE}.\n"
        "I did not know what to do,” said Pavel Horak, a witness."
    )
    assert _one(_quotes(_report(text)), QUOTE).speaker == "Pavel Horak"
    # when the closing line names nobody, the line before still gives the speaker
    unnamed = text.replace("” said Pavel Horak, a witness.", "”")
    assert _one(_quotes(_report(unnamed)), QUOTE).speaker == "Anna Kovac"


@pytest.mark.parametrize("issuer", ["Defence Ministry", "Brezno Ministry of Defence"])
def test_a_paragraph_ending_on_a_statement_saying_it_hands_the_next_quote_to_the_issuer(issuer: str) -> None:
    # '..., a Defence Ministry statement said.' ¶ '“On sighting the helicopter and Mysore, ...' (an issuer of several
    # words is no indefinite description: "a Brezno Ministry of Defence statement")
    text = (
        "The navy ship and its helicopter were on patrol off the coast when they received a distress call from a "
        f"merchant vessel saying two boats were closing in and firing, a {issuer} statement said.\n\n"
        f"“{QUOTE}.”"
    )
    assert _one(_quotes(_report(text)), QUOTE).speaker == issuer


@pytest.mark.parametrize("verb", ["crowed", "bragged", "grumbled", "opined"])
def test_more_reporting_verbs_attribute_the_quote(verb: str) -> None:
    # '"I thought it was just impossible," crowed Nvidia CEO Jen-Hsun Huang'
    text = f'The deal was signed. "{QUOTE}," {verb} Brezno Works chief Anna Kovac.'
    assert _one(_quotes(_report(text)), QUOTE).speaker == "Anna Kovac"


def test_quote_opening_on_an_epithet_is_not_about_whom_it_means() -> None:
    # '"The sheriff can't know ...," Parr said. "...," he added.': Parr's sentence, not the sheriff's
    text = (
        'Sheriff Marko Lindqvist left early. "The sheriff cannot know every detail of the case," Pavel Horak said. '
        f'"{QUOTE}," he added.'
    )
    assert _one(_quotes(_report(text)), QUOTE).speaker == "Pavel Horak"


def test_an_attribution_may_end_on_where_the_words_were_written() -> None:
    text = f'Mayor Anna Kovac set new goals. "{QUOTE}! Let us start on Monday!!" Kovac writes on her campaign page.'
    assert _one(_quotes(_report(text)), "rebuild").speaker == "Anna Kovac"
    # but a sentence of its own after the quote gives it no speaker
    other = f'Mayor Anna Kovac set new goals. "{QUOTE}!" Pavel Horak said in May that the dam would hold.'
    assert all(quote.speaker != "Pavel Horak" for quote in _quotes(_report(other)))


def test_a_transcript_label_speaks_the_quote_its_speaker_recalls() -> None:
    text = (
        "Marko Lindqvist: We did not leave at first.\n\n"
        f'Pavel Horak: The dam held.\n\nMarko Lindqvist: I thought, "{QUOTE}." And so I stayed.'
    )
    assert _one(_quotes(_report(text)), "rebuild").speaker == "Marko Lindqvist"


def test_a_sentence_running_past_a_body_ends_on_its_attribution() -> None:
    text = (
        f'The EU met in Brezno. The EU said little. Critics portray the town "as {QUOTE}" outside the EU, says Prof Anna Kovac.'
    )
    assert _one(_quotes(_report(text)), "rebuild").speaker == "Anna Kovac"


def test_a_memorandum_speaks_for_whoever_issued_it() -> None:
    text = (
        "Kinder Haven, an adoption agency in Ottawa, said in a memorandum that the orphanages were clean. "
        f'Mayor Anna Kovac disagreed. "{QUOTE}," the memorandum said.'
    )
    assert _one(_quotes(_report(text)), "rebuild").speaker == "Kinder Haven"


def test_a_memorandum_quoted_paragraphs_after_its_issuer_speaks_for_it() -> None:
    # the apposition's closing comma left out, and the quote a few paragraphs after the memorandum's issuer
    middle = "The orphanages in the report were visited in the spring. " * 14
    text = (
        "Kinder Haven, an adoption agency in Ottawa said in a memorandum that the orphanages were clean.\n"
        f'{middle}\nMayor Anna Kovac disagreed.\nThe memorandum said "{QUOTE}."'
    )
    assert len(middle) > 700
    assert _one(_quotes(_report(text)), "rebuild").speaker == "Kinder Haven"


def test_the_network_said_is_the_news_outlet_named_last() -> None:
    # the outlet named only as a modifier ("Valley News host"), and a person named since
    text = (
        "Mayor Anna Kovac had attacked Valley News host Marko Lindqvist, prompting the network to respond on Tuesday.\n"
        f'"{QUOTE}," the cable network said in a public statement. Kovac called it childish.'
    )
    assert _one(_quotes(_report(text), speakers=None), "rebuild").speaker == "Valley News"


def test_a_newspaper_relays_whoever_speaks_earlier_in_the_sentence() -> None:
    # (the outlet "the newspaper" names is not who said it)
    text = (
        "The Valley News covered the dam. Mayor Anna Kovac, the town's leader, said that after the flood the "
        f'ministry and its engineers were trying to "{QUOTE}," the newspaper said.'
    )
    assert _one(_quotes(_report(text)), "rebuild").speaker == "Anna Kovac"


def test_he_said_reads_past_a_title_to_the_sentences_subject() -> None:
    # "Sen." ends no sentence: the subject of the last sentence naming a person is Mark Vell, not Trump
    text = (
        "Mark Vell, a pollster who has long worked with Nevada Sen. Harry Reid, attributes Trump's lead to the economy. "
        f'"{QUOTE}," he said.'
    )
    assert _one(_quotes(_report(text), speakers=None), "rebuild").speaker == "Mark Vell"


def test_she_said_after_a_sentence_ending_on_its_attribution_is_whom_it_quotes() -> None:
    text = (
        "Police are investigating the deaths of Barry and Honey Vell as a targeted homicide, said Detective Susan Gomez.\n"
        f'"{QUOTE}," she said.'
    )
    assert _one(_quotes(_report(text), speakers=None), "rebuild").speaker == "Susan Gomez"


def test_she_said_after_a_sentence_opening_on_her_epithet_is_hers() -> None:
    # "The mayor expressed her sympathy to Pugh's family": about the mayor, not Pugh, whom it names after its epithet
    text = (
        '"The new school will open in May," Mayor Anna Kovac said. Jan Pugh, a teacher, died in the flood last year.\n\n'
        "The mayor expressed her sympathy to Pugh's family at the ceremony.\n\n"
        f'"{QUOTE}," she said.'
    )
    assert _one(_quotes(_report(text)), QUOTE).speaker == "Anna Kovac"
    assert _one(_quotes(_report(text), speakers=None), QUOTE).speaker == "Anna Kovac"


@pytest.mark.parametrize(
    ("named", "between", "pronoun"),
    [
        ("Mario Rossi", "A spokesman for the police said the force would not comment.", "he"),
        ("Maria Rossi", "Another woman, sitting in front of her home with a blanket, said she had lost everything.", "she"),
    ],
)
def test_he_or_she_after_someone_unnamed_comes_in_is_unnamed(named: str, between: str, pronoun: str) -> None:
    first = f'"The whole ceiling fell on the bed," said resident {named}.'
    text = f'{first}\n{between}\n"{QUOTE}," {pronoun} said.'
    assert [q.speaker for q in _quotes(_report(text), speakers=None) if "rebuild" in q.text] in ([], [None])
    # with nobody unnamed in between, the pronoun still carries on from the last quote
    carried = f'{first}\nThe town was silent.\n"{QUOTE}," {pronoun} said.'
    assert _one(_quotes(_report(carried), speakers=None), "rebuild").speaker == named


def test_a_name_saying_it_right_before_the_quote_wins_over_a_clause_after_it() -> None:
    # the sentence goes on after the quote with another verb and ends on whoever reported the whole scene
    text = (
        "A struggle between the dancers and Tomas Brandt ensued at the theatre. "
        f'Brandt said, "{QUOTE}," pulled a Remington rifle out of a bag and fired, the police report stated.'
    )
    assert _one(_quotes(_report(text)), "rebuild").speaker == "Tomas Brandt"


@pytest.mark.parametrize(
    "text",
    [
        f'The water reached the first floor within minutes. "{QUOTE}," said one resident.',
        f'The water reached the first floor within minutes. "{QUOTE}," a witness told reporters.',
        # an anonymous source, whoever the report named before
        f'Mayor Anna Kovac toured Brezno on Friday. One source said repairs could start soon. "{QUOTE}," the source said.',
        # an organisation noun with no organisation named before: not the person named last
        f'Mayor Anna Kovac spoke on Friday. "{QUOTE}," the movement said in a statement.',
    ],
)
def test_unnamed_speaker_is_none(text: str) -> None:
    quotes = _quotes(_report(text))
    assert [(q.speaker, q.text) for q in quotes] == [(None, QUOTE)]


def test_unnamed_speaker_from_a_named_place_is_none() -> None:
    # "of Brezno" is the object of a preposition, not who speaks
    text = f'Mayor Anna Kovac left Brezno at dawn. The water rose fast. "{QUOTE}," said one resident of Brezno.'
    quotes = _quotes(_report(text))
    assert [(q.speaker, q.text) for q in quotes] == [(None, QUOTE)]


def test_after_quote_with_abbreviated_title() -> None:
    text = f'Mrs. Elena Kovar lives on Mill Street in Brezno. "{QUOTE}," said Mrs. Kovar.'
    quotes = _quotes(_report(text))
    assert [(q.speaker, q.text) for q in quotes] == [("Elena Kovar", QUOTE)]


def test_after_quote_with_abbreviated_title_before_the_name() -> None:
    text = f'Dr. Jan Halden is a hydrologist in Brezno. "{QUOTE}," Dr. Halden said.'
    quotes = _quotes(_report(text))
    assert [(q.speaker, q.text) for q in quotes] == [("Jan Halden", QUOTE)]


def test_short_quotes_are_ignored() -> None:
    assert MIN_QUOTE_WORDS == 5
    text = (
        'Mayor Anna Kovac spoke in Brezno on Friday. "Nobody listened," Kovac said. '
        '"We had four minutes," Kovac said. "We had only five minutes," Kovac said.'
    )
    quotes = _quotes(_report(text))
    assert [(q.speaker, q.text) for q in quotes] == [("Anna Kovac", "We had only five minutes")]


def test_scare_quotes_without_attribution_are_not_quotes() -> None:
    text = 'The old bridge was listed as "a danger to everyone who crosses it" in a council report last year.'
    assert _quotes(_report(text)) == []


def test_a_partial_quote_is_the_words_of_the_person_its_sentence_opens_on() -> None:
    text = (
        "Edward Conard spent a decade at Bain Capital. "
        'Conard rejects the notion that America has "some monopoly on hard work or entrepreneurship." '
        "His book sold well."
    )
    assert [(q.speaker, q.text) for q in _quotes(_report(text))] == [
        ("Edward Conard", "some monopoly on hard work or entrepreneurship.")
    ]


def test_a_partial_quote_in_a_sentence_opening_on_a_pronoun_is_whom_it_stands_for() -> None:
    text = (
        "Lauren Slater took the drug at 26. "
        'She was a young woman with "the judgment of an early adolescent," as she describes it.'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Lauren Slater"]


@pytest.mark.parametrize(
    "sentence",
    [
        # someone else named between the subject's verb and the quote: whose words they are is not said
        'Mitt Romney mocked Donald Trump\'s promise to "build a great big wall on the border."',
        # a passive: words about the subject, not the subject's
        'Mitt Romney was described by his rivals as "a man with no core beliefs at all."',
        # the sentence opens on no name
        'The plan would "cut taxes for every family in the state."',
    ],
)
def test_a_partial_quote_is_not_given_to_a_subject_that_may_not_have_said_it(sentence: str) -> None:
    text = "Mitt Romney spoke in Detroit on Thursday. Donald Trump was in Florida. " + sentence
    assert _quotes(_report(text)) == []


def test_a_partial_quote_read_from_its_sentence_carries_its_speaker_to_no_later_quote() -> None:
    text = (
        'Anna Kovac spoke in Brezno on Friday. Kovac rejects the idea that the town "can simply rebuild the old bridge."\n'
        '"The whole road must move north of the river."'
    )
    # an attributed quote's speaker would go on to a quote standing alone in the next paragraph; this one's does not
    assert [(q.speaker, q.text) for q in _quotes(_report(text))] == [("Anna Kovac", "can simply rebuild the old bridge.")]


def test_a_pronoun_saying_it_after_a_clause_naming_someone_else_is_whom_it_stands_for() -> None:
    text = (
        "Dr. Barbara Battalino said she was sorry she had lied. But if Bill Clinton escapes punishment, she said, she "
        "felt she deserved a pardon.\n"
        '"I think he is getting special treatment because he is the president."'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Barbara Battalino"]


def test_the_one_quoted_by_an_outlet_speaks_not_the_outlet() -> None:
    text = (
        "Prime Minister John Howard defended the mine. "
        '"There is no reason why it should not go ahead," Howard was quoted today by the Australian Broadcasting '
        "Corporation evening news program as saying."
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["John Howard"]


def test_an_epithet_whose_noun_a_body_modifies_is_the_person_called_so() -> None:
    text = (
        "ATF agent Jack Killorin led the search in the mountains. Killorin disputed early reports. "
        '"We do not yet have fingerprints, but we may," the ATF agent said.'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Jack Killorin"]


def test_a_short_sentence_opening_on_a_pronoun_gives_its_partial_quote_a_speaker() -> None:
    text = 'Ilya Klebanov spoke on Friday. He attributed "inconsistencies in reporting the disaster" to chaos.'
    assert [q.speaker for q in _quotes(_report(text))] == ["Ilya Klebanov"]


def test_deadpanned_reports_speech() -> None:
    text = '"So, that little puddle is what they call the Pacific," Brian Jones of England deadpanned in a message.'
    assert [q.speaker for q in _quotes(_report(text))] == ["Brian Jones"]


def test_according_to_the_statement_is_whoever_issued_it() -> None:
    text = (
        "The plane dropped debris along its path, the French Bureau of Accident Investigation said in a statement. "
        '"The flight data recorder shows that engine No. 2 lost power," according to the statement.'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["French Bureau of Accident Investigation"]


def test_a_shared_surname_long_after_the_namesake_was_named_is_the_protagonists() -> None:
    filler = "The centrifuge programme grew through the decade with parts bought abroad. " * 25
    text = (
        "Abdul Qadeer Khan has released documents about the payments. Khan says the letter is genuine.\n"
        "Another official named in the letter, retired Gen. Zulfiqar Khan, called it a fabrication. "
        '"That letter was never written by anyone I know," Khan said.\n' + filler + "\n"
        '"I personally gave the remaining money to the general," Khan wrote.'
    )
    speakers = {q.text[:12]: q.speaker for q in _quotes(_report(text))}
    # right after the namesake is named in full, the surname is his; far past it, the protagonist's again
    assert speakers == {"That letter ": "Zulfiqar Khan", "I personally": "Abdul Qadeer Khan"}


def test_a_name_in_apposition_after_said_may_hold_a_middle_initial() -> None:
    text = (
        'Research confirms the drugs work. "There are lots of kids who are undiagnosed," said the study\'s lead '
        "author, Dr. John S. March of Duke University Medical Center."
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["John S. March"]


def test_a_passive_after_a_quote_attributes_nothing() -> None:
    text = (
        "The president's lawyer, David Kendall, has said that \"no prosecutor in the United States would bring a "
        'perjury case" of the kinds of questions Bill Clinton was asked about his private life.'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["David Kendall"]


def test_a_quote_running_onto_the_next_line_takes_the_speaker_that_line_names() -> None:
    # text written one sentence a line: the attribution comes after the quote's last line
    text = (
        "Little campaigning has been seen in the capital.\n"
        '"There are very few billboards around the city.\n'
        'With four days to go, I still do not know who to vote for," said Maral Orazova, a resident.'
    )
    assert [(q.speaker, q.text[:9]) for q in _quotes(_report(text))] == [
        ("Maral Orazova", "There are"),
        ("Maral Orazova", "With four"),
    ]
    # a line that does not go on with it (a new quote opening) leaves the first unattributed, as before
    text = text.replace("\nWith four days", '\n"With four days')
    assert [q.text[:9] for q in _quotes(_report(text))] == ["With four"]


def test_a_statement_from_a_body_before_the_quote_is_that_bodys() -> None:
    text = (
        "Fire crews fought the blaze through the night. "
        'A statement from Waitrose said: "Damage to the building is extensive, but it is too early to say why."'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Waitrose"]


def test_a_name_before_a_champion_is_a_modifier_not_the_one_speaking() -> None:
    text = (
        "U.S. Masters champion Trevor Immelman has become an honorary member of the tour. "
        '"I actually have goosebumps just thinking about this," said the 29-year-old.'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Trevor Immelman"]


def test_a_line_handing_over_to_a_quote_with_a_colon_speaks_through_its_subject() -> None:
    text = (
        "UN spokesman Christopher Gunness spoke in Gaza. Tzipi Livni said there was no crisis.\n"
        "The UN's Mr Gunness disagreed with the minister:\n"
        '"There is a humanitarian crisis already, so she has not managed to avoid one."\n'
        '"It is impossible to do our jobs in these conditions."'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Christopher Gunness", "Christopher Gunness"]


def test_thundered_reports_speech() -> None:
    text = '"A demonstration is one thing and murder is quite another!" Prime Minister George Papandreou thundered.'
    assert [q.speaker for q in _quotes(_report(text))] == ["George Papandreou"]


def test_a_speech_verb_before_a_possessor_in_the_line_before_gives_the_quote_no_speaker() -> None:
    text = (
        "There has been little campaigning, unlike the 2007 election that confirmed Gurbanguly Berdymukhamedov's role.\n"
        '"There are very few billboards around the city, and nobody explains anything."'
    )
    assert _quotes(_report(text)) == []


def test_a_sentence_going_on_after_a_quote_may_end_on_the_name_before_its_verb() -> None:
    text = (
        "Barrett Buss runs the company's computers. "
        '"At that point, I got concerned that most of the bandwidth went to music" and not to e-mail, Buss said.'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Barrett Buss"]


def test_he_after_a_sentence_opening_on_and_the_epithet_is_the_person_called_so() -> None:
    text = (
        "District Judge Barton Voigt heard the motion. Prosecutor Cal Rerucha countered that such testimony was an "
        "excuse.\nAnd the judge said today that he saw no relevance in it.\n"
        '"Even if relevant, the evidence will mislead and confuse the jury," he stated in a written order.'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Barton Voigt"]


def test_a_sentence_opening_for_a_name_is_about_them() -> None:
    text = (
        "Lil Snee, a facilitator in Los Gatos, estimates that 40 are operating in the state.\n"
        "For Ellen Roseman, a facilitator in San Anselmo, the main job is coaching parents. "
        '"I make them read everything about adoption," she said.'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Ellen Roseman"]


def test_a_quote_of_few_content_words_is_not_merged_into_another_line_sharing_one() -> None:
    documents = [
        Document('"People grasp at straws when they are able to," said Dr. Bernard Rubin.', id="a"),
        Document(
            'Muhammad Ali came to be saved. "I have been to 15 different doctors," Ali says softly. '
            '"None of them have been able to do anything."',
            id="b",
        ),
    ]
    texts = {q.text: q.sources for q in _quotes(documents)}
    assert texts["None of them have been able to do anything."] == ["b"]


def test_a_pronoun_after_an_opening_word_and_a_comma_says_the_partial_quote() -> None:
    from chorus.attribution import attributed_quotes
    from chorus.models import Entity

    text = (
        "Jim Moret of Inside Edition watched the crowds.\n"
        "Plus, he adds, all the hype and all the marketing and all the press and all the Web sites will only be too much "
        '"when the fans say it is too much."'
    )
    # the story's reports made "Plus" a name (of no known kind): the word before the comma is still not the speaker
    entities = [
        Entity(name="Jim Moret", kind="person", forms={"r1": ["Jim Moret"]}),
        Entity(name="Plus", kind="other", forms={"r1": ["Plus"]}),
    ]
    assert [q.speaker.name for q in attributed_quotes(_report(text), entities) if q.speaker] == ["Jim Moret"]


def test_a_partial_quote_after_a_possessive_lead_in_goes_on_with_the_speaker() -> None:
    text = (
        "Russian Prime Minister Vladimir Putin spoke today.\n"
        '"We have no intention of conquering the republic," he said, according to Interfax. '
        'Russia\'s goal is "to destroy the terrorist stronghold and make its revival possible."'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Vladimir Putin", "Vladimir Putin"]


def test_demands_reports_speech_and_its_chained_quotes_go_on_with_it() -> None:
    text = (
        'Aslan Maskhadov demands that "airstrikes and artillery attacks be stopped at once," and that "the troops '
        'subsequently be completely withdrawn from Chechnya."'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Aslan Maskhadov", "Aslan Maskhadov"]


def test_the_ranker_keeps_he_said_for_the_person_named_just_before() -> None:
    text = (
        "Stanley Changnon studied the costs of the weather. Changnon said the winter saved money. "
        '"It turned out far from a zero-sum game," Changnon said in an interview. Changnon added that farms gained.\n'
        "Michael Glantz, an expert at the National Center for Atmospheric Research, was skeptical.\n"
        "\"It's a noble attempt but I wouldn't take the numbers to the bank,\" he said."
    )
    # the default path (the ranker): the person most named overall does not take a "he" from the one named just before
    assert [q.speaker for q in _quotes(_report(text), speakers=None)] == ["Stanley Changnon", "Michael Glantz"]


def test_a_partial_quote_in_a_sentence_opening_on_someones_answer_is_theirs() -> None:
    text = (
        "Samuel Bronston was asked whether he had a Swiss account. "
        'Bronston\'s answer was: "The company had an account there for about six months, in Zurich."'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Samuel Bronston"]


def test_same_quote_in_two_outlets_is_merged() -> None:
    documents = [
        Document(
            'Mayor Anna Kovac spoke in Brezno on Friday. "We did not have minutes, we had seconds," said Mayor Anna Kovac.',
            id="courier",
        ),
        Document(
            "The flood hit Brezno late on Thursday. “We did not have minutes, we had only seconds,” Mayor Kovač said.",
            id="observer",
        ),
    ]
    quotes = _quotes(documents)
    assert len(quotes) == 1
    assert quotes[0].speaker == "Anna Kovac"
    assert quotes[0].sources == ["courier", "observer"]
    assert quotes[0].text == "We did not have minutes, we had seconds"


def test_different_quotes_stay_apart() -> None:
    documents = [
        Document('Mayor Anna Kovac spoke in Brezno. "The water came faster than anyone expected," Kovac said.', id="a"),
        Document('Mayor Anna Kovac spoke in Brezno. "Every family will get help to rebuild its home," Kovac said.', id="b"),
    ]
    quotes = _quotes(documents)
    assert sorted((q.text, tuple(q.sources)) for q in quotes) == [
        ("Every family will get help to rebuild its home", ("b",)),
        ("The water came faster than anyone expected", ("a",)),
    ]


def test_quotes_sharing_only_function_words_stay_apart() -> None:
    documents = [
        Document('Mayor Anna Kovac spoke in Brezno. "This is not what we were told to expect," Kovac said.', id="a"),
        Document('Mayor Anna Kovac spoke in Brezno. "This is not the end and we were never told that," Kovac said.', id="b"),
    ]
    assert len(_quotes(documents)) == 2


def test_no_quotes_no_result() -> None:
    assert _quotes(_report("The river rose overnight and the town was evacuated.")) == []
    assert _quotes([]) == []


# --- The demo corpus ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_quotes(demo_documents: list[Document]) -> list[Quote]:
    return _quotes(demo_documents)


def test_demo_mayor_line_is_one_quote_from_three_outlets(demo_quotes) -> None:
    quote = _one(demo_quotes, "we had seconds")
    assert fold(quote.speaker) == "ilinca dragomir"
    # 01 straight quotes, 04 translated ("We had not minutes"), 05 curly quotes with "only".
    assert {"01_northern-courier", "04_velmorski-glas", "05_ostravian-observer"} <= set(quote.sources)
    assert not any("we had only seconds" in q.text or "We had not minutes" in q.text for q in demo_quotes if q is not quote)


def test_demo_minister_line_in_two_outlets(demo_quotes) -> None:
    quote = _one(demo_quotes, "The operator knew about the problems with this embankment")
    assert quote.speaker == "Andrei Petrescu"  # "Petrescu said:" after "Interior Minister Andrei Petrescu"
    assert set(quote.sources) == {"01_northern-courier", "05_ostravian-observer"}
    wire = _one(demo_quotes, "The operator had the information and it did not act")
    assert wire.speaker == "Andrei Petrescu"  # "," Petrescu told reporters
    assert set(wire.sources) == {"02_valley-herald", "03_daily-meridian"}


def test_demo_rescuer_quotes_go_to_ana_petrescu(demo_quotes) -> None:
    # 02/03: "," she said after "Volunteer rescuer Ana Petrescu said ..."; 04: "," has told Petrescu after
    # "conducted by Ana Petrescu".
    boats = _one(demo_quotes, "we had to tie the boats together")
    assert boats.speaker == "Ana Petrescu"
    assert {"02_valley-herald", "03_daily-meridian", "04_velmorski-glas"} <= set(boats.sources)
    roof = _one(demo_quotes, "We pulled a family of four off a roof")
    assert roof.speaker == "Ana Petrescu"
    assert roof.sources == ["01_northern-courier"]
    river = _one(demo_quotes, "I have never seen the Lešna move like that")
    assert river.speaker == "Ana Petrescu"


def test_demo_engineer_quotes(demo_quotes) -> None:
    assert _one(demo_quotes, "I warned them two years ago").speaker == "Tomasz Weber"
    assert _one(demo_quotes, "I wrote it down in black and white").speaker == "Tomasz Weber"
    assert _one(demo_quotes, "Already in 2024 I have written").speaker == "Tomasz Weber"  # "has told Veber"


def test_demo_short_quotes_are_ignored(demo_quotes) -> None:
    assert all(len(q.text.split()) >= MIN_QUOTE_WORDS for q in demo_quotes)
    assert not any(q.text.strip(" .,") == "Nobody listened" for q in demo_quotes)  # 01 and 05, two words


def test_demo_resident_quote(demo_quotes) -> None:
    assert _one(demo_quotes, "I have taken only the documents and the cat").speaker == "Elena Kovar"


def test_demo_hydrologist_quote_in_05(demo_quotes) -> None:
    quote = _one(demo_quotes, "About 140 millimetres fell in 48 hours")
    assert quote.speaker == "J. R. Halden"
    assert quote.sources == ["05_ostravian-observer"]


def test_demo_quotes_have_known_sources_and_no_marks(demo_quotes, demo_documents) -> None:
    ids = {d.id for d in demo_documents}
    for quote in demo_quotes:
        assert quote.sources and set(quote.sources) <= ids
        assert len(quote.sources) == len(set(quote.sources))
        assert not quote.text.startswith(('"', "“")) and not quote.text.endswith(('"', "”"))
    counts = [len(q.sources) for q in demo_quotes]
    assert counts == sorted(counts, reverse=True), "most widely carried first"


# --- The Venezuela reports ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def venezuela_quotes(venezuela_documents: list[Document]) -> list[Quote]:
    return _quotes(venezuela_documents)


def test_venezuela_unnamed_protester(venezuela_quotes) -> None:
    quote = _one(venezuela_quotes, "Today is the day Maduro resigns")
    assert quote.speaker is None  # "said one protester amid the confusion"
    assert quote.sources == ["000_bc80e228aeab26da"]


def test_venezuela_speakers_across_spellings(venezuela_quotes) -> None:
    assert _one(venezuela_quotes, "brave soldiers, brave patriots").speaker == "Juan Guaidó"
    # 003 attributes its translation to "Guido" and spells Cabello "Capello".
    courageous = [q for q in venezuela_quotes if "courageous soldiers" in q.text or "brave soldiers" in q.text]
    assert courageous and all(q.speaker == "Juan Guaidó" for q in courageous)
    assert "003_4b1c7a33d9265088" in {d for q in courageous for d in q.sources}
    assert _one(venezuela_quotes, "Come to Miraflores").speaker == "Diosdado Cabello"
    assert _one(venezuela_quotes, "We strongly reject this coup attempt").speaker == "Miguel Diaz Canel"
    assert _one(venezuela_quotes, "We support a peaceful diplomatic process").speaker == "Isabel Sela"


def test_venezuela_pronoun_speakers(venezuela_quotes) -> None:
    # 001: "Vice President Mike Pence addressed Guaidó ..." then "“America will stand with you ...,” he wrote."
    assert _one(venezuela_quotes, "America will stand with you").speaker == "Mike Pence"
    # 001: "“Today, we are counting on the people of Venezuela,” he said." after "... said Guaidó, the head of ..."
    assert _one(venezuela_quotes, "we are counting on the people of Venezuela").speaker == "Juan Guaidó"
    # 004: "... loyal to President Maduro." then "He defiantly tweeted: "Nerves of steel. ...""
    assert _one(venezuela_quotes, "Nerves of steel").speaker == "Nicolás Maduro"


def test_venezuela_rodriguez_call_merged_across_outlets(venezuela_quotes) -> None:
    # 000 "called on the army “to remain on maximum alert to — with our glorious ... preserve peace.”" and
    # 001 "“We call on the people to remain on high alert to, together with the glorious ...,” Jorge Rodriguez wrote".
    quote = _one(venezuela_quotes, "glorious")
    assert quote.speaker == "Jorge Rodríguez"
    assert {"000_bc80e228aeab26da", "001_39792b1896ac9294"} <= set(quote.sources)


def test_venezuela_different_quotes_are_not_merged(venezuela_quotes) -> None:
    assert _one(venezuela_quotes, "we are counting on the people of Venezuela").sources == ["001_39792b1896ac9294"]


def test_venezuela_unnamed_expert(venezuela_quotes) -> None:
    assert _one(venezuela_quotes, "The middle ranks are earning").speaker is None


def test_quote_glued_to_the_previous_sentence_is_found() -> None:
    text = (
        "Engineer Karl Ostrow inspected the bridge on Monday.The cracks were wide."
        '"I think this bridge should have been closed years ago, before anyone got hurt," Ostrow said.'
    )
    quote = _one(_quotes(_report(text)), "should have been closed years ago")
    assert quote.speaker == "Karl Ostrow"


def test_long_appositive_between_quote_and_verb() -> None:
    text = (
        "“These tests replicated what might happen during a long shopping trip,” Nancy Selover, a climatologist and "
        "research professor at the School of Geographical Sciences and Urban Planning at Arizona State, said."
    )
    assert _one(_quotes(_report(text)), "These tests replicated").speaker == "Nancy Selover"


def test_points_out_and_statement_said() -> None:
    text = (
        "Professor Sarah Laszlo studies brain signals at the university lab.\n"
        '"If a fingerprint is stolen, nobody can grow a new finger to replace it," points out Laszlo.\n'
        "Mayor Ed Charamut apologised in a statement on Wednesday.\n"
        "“It is clear now that the imagery could be read as hateful, and we deeply apologize,” the statement said."
    )
    quotes = _quotes(_report(text))
    assert _one(quotes, "nobody can grow a new finger").speaker == "Sarah Laszlo"
    assert _one(quotes, "we deeply apologize").speaker == "Ed Charamut"


def test_attribution_never_reaches_into_the_next_sentence() -> None:
    text = "“We will rebuild the harbour before winter comes, whatever it costs.” Later, Mayor Ed Charamut said he agreed."
    quotes = _quotes(_report(text))
    assert all(q.speaker != "Ed Charamut" for q in quotes)


# --- Which named person a pronoun or a phrase points to -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a possessor is not the subject: "Laine's colleague Tomas Berg ... he said"
        (f'Professor Ida Laine\'s colleague Tomas Berg inspected the dam on Friday. "{QUOTE}," he said.', "Tomas Berg"),
        # a name after an article is a modifier, not a person speaking ("the Garver administration")
        (
            f"Senator Ruth Aldous spoke on Monday about President Tom Garver. The senator said the Garver administration "
            f'had kept quiet. "{QUOTE}," she said.',
            "Ruth Aldous",
        ),
        # the object of a preposition is not the subject ("regarding Kovac, Lindqvist said")
        (f'Mayor Anna Kovac met Minister Marko Lindqvist. Regarding Kovac, Lindqvist said: "{QUOTE}."', "Marko Lindqvist"),
        # a place in front of a titled name only modifies it (even when the place is taken for a person)
        (f'Port Elmore had a storm on Friday. "{QUOTE}," said Port Elmore Lifeguard Lt. Pavel Horak.', "Pavel Horak"),
        # an untitled object (a magazine taken for a person) is not who the pronoun points to
        (f'Coach Ida Laine won the final on Sunday. She was on the cover of Vista Quarterly. "{QUOTE}," she said.', "Ida Laine"),
        # with no person as subject, a titled object is who the pronoun points to
        (
            f'Ana Petrescu met the soldiers. The soldiers pledged loyalty to President Ilia Moravec. He wrote: "{QUOTE}."',
            "Ilia Moravec",
        ),
        # with no subject at all, the possessor: "Kovac's campaign issued a statement"
        (f'Anna Kovac\'s campaign issued a statement on Friday. "{QUOTE}," the statement said.', "Anna Kovac"),
        # a name inside a quotation is not who the narrative is about
        (f'Mayor Anna Kovac spoke first. "Ask Pavel Horak," she said. "{QUOTE}," she added.', "Anna Kovac"),
        # initials do not end the attribution: ," J.R. Halden, the engineer, told ...
        (f'The dam held until Friday. "{QUOTE}," J.R. Halden, the town engineer, told the council.', "J.R. Halden"),
        # a present-tense reporting verb
        (f'Engineer Karl Ostrow works at the dam. "{QUOTE}," he explains.', "Karl Ostrow"),
    ],
)
def test_speaker_of_pronoun_or_phrase(text: str, speaker: str) -> None:
    assert [(q.speaker, q.text.rstrip(".")) for q in _quotes(_report(text))] == [(speaker, QUOTE)]


def test_short_quote_passes_its_speaker_to_the_next() -> None:
    text = f'The water rose overnight. "Not yet," said Mayor Anna Kovac. "{QUOTE}."'
    assert [(q.speaker, q.text.rstrip(".")) for q in _quotes(_report(text))] == [("Anna Kovac", QUOTE)]


def test_two_similar_quotes_of_one_report_stay_apart() -> None:
    text = (
        'Mayor Anna Kovac spoke on Friday. "The water came faster than anyone expected on Friday," Kovac said.\n'
        'Later she spoke again. "The water came faster than the forecasts expected," Kovac said.'
    )
    assert len(_quotes(_report(text))) == 2


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the paragraph before hands over to the quote: 'X issued a statement saying —' ¶ '“...”'
        (f"Police Chief Arthur Cotten issued a statement saying —\n\n“{QUOTE}.”", "Arthur Cotten"),
        # an adverb between the pronoun and its verb
        (f'Mayor Anna Kovac toured the dam on Friday.\nShe later wrote: "{QUOTE}."', "Anna Kovac"),
        # a pronoun subject earlier in the sentence: 'She ..., saying that "..."'
        (f'Mayor Anna Kovac spoke on Friday. She kept the plan secret, saying on the radio that "{QUOTE}."', "Anna Kovac"),
        # an opening clause, then an epithet for the person the report is mostly about
        (
            "Mayor Anna Kovac toured the dam on Friday. Kovac thanked the rescuers. Minister Marko Lindqvist arrived later. "
            f'During an interview with Radio Dunav, the mayor said: "{QUOTE}."',
            "Anna Kovac",
        ),
        # an organisation noun points back to the organisation named last
        (
            f'The fire started in the kitchen, according to the Brezno Fire Department. "{QUOTE}," said a statement from '
            "the department.",
            "Brezno Fire Department",
        ),
        # a surname alone, where the report gives the full name only once
        (
            f"Allan Greenspan, the campaign treasurer, admitted the photo was altered.\n\n“{QUOTE},” Greenspan admitted.",
            "Allan Greenspan",
        ),
    ],
)
def test_speaker_from_context(text: str, speaker: str) -> None:
    assert [(q.speaker, q.text.rstrip(".")) for q in _quotes(_report(text))] == [(speaker, QUOTE)]


def test_clause_after_a_quote_is_not_an_attribution() -> None:
    # '" if you had told her' continues the sentence; the speaker is the subject before the quote
    text = 'Coach Ida Laine admitted that she "would never have believed it, not in a million years" if you had told her in May.'
    assert [q.speaker for q in _quotes(_report(text))] == ["Ida Laine"]


def test_pronoun_after_a_quote_keeps_that_quotes_speaker() -> None:
    # nobody is named between the two quotes, so "she" is still the mayor, not the minister named before
    text = (
        "Mayor Anna Kovac toured the dam on Friday. Kovac thanked the rescuers. Minister Marko Lindqvist arrived later. "
        f'"The water is going down at last," the mayor said. "{QUOTE}," she added.'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Anna Kovac", "Anna Kovac"]


# --- News attribution patterns from the added development clusters (invented sentences) ------------------


def _speakers(text: str) -> dict[str, str | None]:
    """First four words of each quote -> its speaker."""
    return {" ".join(q.text.split()[:4]): q.speaker for q in _quotes(_report(text))}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # written or indirect reporting verbs: suggested in an email, expressed the hope that
        (
            'Sales director Tomas Varga wrote to staff in March. Varga suggested in an email "holding back '
            'every publication that could compromise the launch".',
            "Tomas Varga",
        ),
        (
            'The biographer Lena Marsh visited the archive. Marsh expressed the hope that the tests "bring some '
            'definitive answers one way or the other".',
            "Lena Marsh",
        ),
        # East Asian order: "Park Min-jun" then "Park said"
        (
            'Foreign Minister Park Min-jun arrived in Geneva. "The decision of the court must be respected," Park said.',
            "Park Min-jun",
        ),
        # passive agent: called "..." by X
        (
            'Mira Solano was called "the greatest singer of the century in any language" by Tomas Varga, who knew her well.',
            "Tomas Varga",
        ),
        # the name after the verb, in an inverted clause before the quote
        (
            'The letters, said the historian Paul Ostrander, who edited them, are "as vivid as anything the poet ever wrote".',
            "Paul Ostrander",
        ),
    ],
)
def test_attribution_patterns(text: str, speaker: str) -> None:
    quotes = _quotes(_report(text))
    assert [q.speaker for q in quotes] == [speaker]


def test_place_right_before_the_verb_speaks_for_its_government() -> None:
    text = (
        "President Ivo Marten was re-elected in April, though the U.S. said it did not consider the vote to be "
        'a "credible expression of the will of the people of the country."'
    )
    assert _speakers(text) == {"credible expression of the": "U.S."}


def test_verb_nearest_the_quote_and_its_own_clause() -> None:
    # "said" belongs to the U.S.; the quote is the IAEA's ("urged"), an acronym after an article
    text = (
        'The U.S. said it was "deeply concerned" about the plant, and the IAEA urged Ruritania to '
        '"spare no effort in opening every site to the inspectors."'
    )
    assert _speakers(text)["spare no effort in"] == "IAEA"


def test_group_named_by_its_modifiers_speaks_as_itself() -> None:
    text = (
        "Mayor Anna Kovac left for Brezno on Monday. At one point, the Ruritanian government said "
        '"to the best of our knowledge" the mayor was still in the country.'
    )
    assert _speakers(text) == {"to the best of": "Ruritanian government"}


def test_unnamed_body_with_lowercase_modifiers_speaks_as_itself() -> None:
    text = (
        "Judge Mario Albani ordered new tests on Friday. "
        '"We continue to work to determine the exact cause of death," the medical legal service said in a statement.'
    )
    assert _speakers(text) == {"We continue to work": "medical legal service"}


def test_the_statement_reads_goes_to_who_issued_it() -> None:
    text = (
        "Detective Susan Ward spoke to reporters on Friday.\n"
        "In a statement released after the news conference, the Halvorsen family said they had expected the ruling.\n"
        '"This conclusion was expressed by the family from the very start," the statement reads.\n'
        '"The family continues to support the police in their efforts to find those responsible."'
    )
    assert _speakers(text) == {"This conclusion was expressed": "Halvorsen family", "The family continues to": "Halvorsen family"}


def test_said_the_company_goes_to_the_firm_named_last() -> None:
    text = (
        "Lawyer Kila Brandt represents Nora Fell, who sued Vextrom last year. Vextrom is expected to appeal the case.\n"
        '"Vextrom is confident in the positive impact our products have had on patients," said the company in a statement.'
    )
    assert _speakers(text)["Vextrom is confident in"] == "Vextrom"


def test_quotes_chained_in_one_sentence_share_the_speaker() -> None:
    text = (
        'The publisher Lumen Books called the find "a literary event of universal importance", and "the biggest '
        'discovery in decades of careful archival work". The poems were written late in life, said the editor.'
    )
    speakers = _speakers(text)
    assert speakers["a literary event of"] == speakers["the biggest discovery in"] == "Lumen Books"
    # a longer stretch of narrative between them, with no verb of its own, still joins them
    text = (
        'Mayor Anna Kovac wrote online that the council "has now been told by the opposition to vote no" and that the '
        'governor of the province and his closest allies "want everything to be done for them by the city".'
    )
    speakers = _speakers(text)
    assert speakers["has now been told"] == speakers["want everything to be"] == "Anna Kovac"


def test_full_stop_after_the_closing_mark_starts_a_new_sentence() -> None:
    # "... were written by the poet Ana Reis, said the publisher" is not the attribution of the quote before it
    text = (
        'Lumen Books called the find "the biggest discovery in decades of archival work". The poems were '
        "written by the poet Ana Reis, said the publisher."
    )
    assert _speakers(text) == {"the biggest discovery in": "Lumen Books"}


def test_paragraph_ending_on_its_attribution_hands_over_to_the_next_quote() -> None:
    text = (
        "Detective Susan Ward gave a short briefing on Friday.\n"
        "These searches were not simple, Ward said.\n"
        '"Legal complexities and some warrants have been challenging, given the nature of the businesses."'
    )
    assert _speakers(text) == {"Legal complexities and some": "Susan Ward"}


def test_short_quote_is_not_merged_into_a_different_longer_one() -> None:
    documents = [
        Document(
            "Detective Susan Ward spoke on Friday. “We believe now that we have evidence that both were in fact "
            "targeted,” Ward said.",
            id="star",
        ),
        Document('Detective Susan Ward spoke on Friday. "I believe that they were targeted," she said.', id="cbc"),
    ]
    quotes = _quotes(documents)
    assert len(quotes) == 2
    assert all(q.speaker == "Susan Ward" for q in quotes)


# --- Learned speaker ranker (chorus/weights/speakers.json, trained by bench/train_speakers.py) -----------------

_RANKER_REPORT = (
    "Mayor Anna Kovac met the engineers in Brezno on Friday. The river rose again overnight.\n"
    f'"{QUOTE}," Minister Marko Lindqvist said on Saturday.'
)


def test_default_speakers_path_is_the_chosen_one(monkeypatch) -> None:
    # Chosen on the development gold by leave-one-cluster-out (bench/train_speakers.py): the rules where a name
    # gives the speaker, the ranker elsewhere, never worse than either alone on the clusters fresh to both.
    assert chorus.quotes.SPEAKERS == "ranker"
    calls: list[str] = []
    ranked = chorus.quotes.ranked_speaker

    def spy(quote):
        calls.append(quote.text)
        return ranked(quote)

    monkeypatch.setattr(chorus.quotes, "ranked_speaker", spy)
    assert _one(_quotes(_report(_RANKER_REPORT), speakers=None), QUOTE).speaker == "Marko Lindqvist"
    assert len(calls) == 1  # the default path asks the ranker
    assert _one(_quotes(_report(_RANKER_REPORT), speakers="rules"), QUOTE).speaker == "Marko Lindqvist"
    assert len(calls) == 1  # the rules path never does
    with pytest.raises(ValueError):
        _quotes(_report(_RANKER_REPORT), speakers="neither")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "It said:" after a statement goes to the firm, even when "Norvik said" made the firm look like a person
        (
            f'Norvik said its rigs were safe. In a statement Norvik said drilling "was not new".\n\nIt said: "{QUOTE}."',
            "Norvik",
        ),
        # "the hospital said" goes to the organisation the report names with that noun, not the one named last
        (
            "Doctors at Saint Mirela Children's Hospital treated the boy. The Red Cross Society sent supplies.\n\n"
            f'"{QUOTE}," the hospital said in the statement.',
            "Saint Mirela Children's Hospital",
        ),
        # a party epithet that reads like a name is the person the report is about
        (
            f'Senator Dana Whitfield spoke on Sunday. Whitfield backed the bill. "{QUOTE}," the Ohio Republican said.',
            "Dana Whitfield",
        ),
        # "the attorney" is the person the report calls an attorney, not the one it names most
        (
            "Lena Sorvik sued the mayor. Sorvik said she was misled. Sorvik spoke to reporters. Her attorney Paul Edmar "
            f'filed the papers.\n\n"{QUOTE}," the attorney wrote on Twitter.',
            "Paul Edmar",
        ),
        # initials do not end the attribution: "said D.C. Council member X"
        (f'"{QUOTE}," said D.C. Council member Rhea Tolland (D-Ward 3), on Monday.', "Rhea Tolland"),
        # a campaign's statement is its candidate's
        (
            f'Maria Ostrander skipped the debate. Ostrander\'s campaign released a statement saying that "{QUOTE}."',
            "Maria Ostrander",
        ),
    ],
)
def test_speaker_from_a_description_or_title(text: str, speaker: str) -> None:
    assert _one(_quotes(_report(text)), QUOTE).speaker == speaker


_IT_SAID = (
    "The Velmora Rights Council said on Tuesday that abuses in the valley were growing. Farmers from Dravik "
    f'Province and the Ostrava Militia were also accused of attacks on villages. "{QUOTE}," it said. '
    '"Those who fled must be allowed to return to their homes."'
)


def test_it_said_is_the_body_last_reported_speaking() -> None:
    # not the body named last ("Farmers", the militia): the council that said something before them
    quotes = _quotes(_report(_IT_SAID))
    assert _one(quotes, QUOTE).speaker == "Velmora Rights Council"
    assert _one(quotes, "Those who fled").speaker == "Velmora Rights Council"  # carried on


@pytest.mark.parametrize(
    "text",
    [
        f'Finance chief Oskar Brandt spoke in Bonn on Monday. "{QUOTE}," Der Kurier quoted Brandt as saying.',
        f'Oskar Brandt met Lena Sorvik in Bonn. Lena Sorvik quotes Brandt as saying: "{QUOTE}."',
        f'Oskar Brandt met Lena Sorvik in Bonn. "{QUOTE}," Lena Sorvik cited Brandt as saying.',
    ],
)
def test_the_one_quoted_as_saying_speaks_not_the_one_quoting(text: str) -> None:
    assert _one(_quotes(_report(text)), QUOTE).speaker == "Oskar Brandt"


def test_the_subject_of_was_quoted_by_as_saying_speaks() -> None:
    text = f'Oskar Brandt met Lena Sorvik in Bonn. "{QUOTE}," Brandt was quoted by Der Kurier as saying.'
    assert _one(_quotes(_report(text)), QUOTE).speaker == "Oskar Brandt"


def test_an_opening_clause_name_is_not_the_epithet_s_person() -> None:
    # "With Radio Dunav, the mayor said": Radio Dunav is no apposition of "the mayor"
    text = f'Mayor Anna Kovac toured the dam. During an interview with Radio Dunav, the mayor said: "{QUOTE}."'
    assert _one(_quotes(_report(text)), QUOTE).speaker == "Anna Kovac"


@pytest.mark.parametrize(
    "text",
    [
        f"Council member Rhea Tolland said paid leave would help families. “{QUOTE}.”",
        f"Paid leave makes coming back easier, says economist Rhea Tolland. “{QUOTE}.”",
    ],
)
def test_quote_going_on_from_the_sentence_that_reports_its_speaker(text: str) -> None:
    assert _one(_quotes(_report(text)), QUOTE).speaker == "Rhea Tolland"


@pytest.mark.parametrize(
    ("lead", "speaker"),
    [
        ("He said solar boats had better prospects than solar cars.", "Oskar Brandt"),
        ("Lena Sorvik chairs the board. She said the cars were slower.", "Lena Sorvik"),
    ],
)
def test_quote_paragraph_after_a_paragraph_reporting_he_said_is_his(lead: str, speaker: str) -> None:
    # 'He said ...' ¶ '"..."': the quote goes on with whom the pronoun stands for
    text = f'"Our boats are quiet and cheap to run," said engineer Oskar Brandt.\n\n{lead}\n\n"{QUOTE}."'
    assert _one(_quotes(_report(text)), QUOTE).speaker == speaker


def test_quote_after_a_sentence_without_a_named_speaker_stays_unattributed() -> None:
    text = f"The council said paid leave would help families. “{QUOTE}.”"
    assert all(q.speaker != "Rhea Tolland" for q in _quotes(_report(text)))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (f'As the climbers reached the top, Oceanwatch Nordic executive director Mara Lind said: "{QUOTE}."', "Mara Lind"),
        (f'"{QUOTE}," Velmora Court deputy prosecutor Ivo Brandt said on Friday.', "Ivo Brandt"),
    ],
)
def test_employer_named_before_a_title_does_not_speak(text: str, speaker: str) -> None:
    # "Greenpeace UK executive director John Sauven said": the first name is the second's employer
    assert _one(_quotes(_report(text)), QUOTE).speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (f'The dam broke at dawn. According to Mayor Anna Kovac, "{QUOTE}."', "Anna Kovac"),
        (f'"{QUOTE}," FEMA Administrator Brock Long said.', "Brock Long"),
        (
            f'The Velmora Weather Service issued a warning. Mayor Anna Kovac spoke later. "{QUOTE}," the weather '
            "service said in a statement.",
            "Velmora Weather Service",
        ),
    ],
)
def test_according_to_titles_and_an_organisation_named_by_its_noun(text: str, speaker: str) -> None:
    # the default path: "the weather service" names the organisation as well as its name would, so the ranker
    # does not overrule it
    assert _one(_quotes(_report(text), speakers=None), QUOTE).speaker == speaker


_KOVAC = "Mayor Anna Kovac toured the dam on Friday. Minister Marko Lindqvist stayed in the capital. "


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (_KOVAC + f'Kovac put it this way: "{QUOTE}."', "Anna Kovac"),
        (_KOVAC + f'As Kovac put it, "{QUOTE}."', "Anna Kovac"),
        (_KOVAC + f'"{QUOTE}," according to a statement from the Velmora Water Board.', "Velmora Water Board"),
        (_KOVAC + f'"{QUOTE}," said Kovac\'s lawyer, Paul Edmar.', "Paul Edmar"),
        (_KOVAC + f'"{QUOTE}," Kovac vowed.', "Anna Kovac"),
        (_KOVAC + f'"{QUOTE}," Lindqvist promised on Saturday.', "Marko Lindqvist"),
        (_KOVAC + f'"{QUOTE}," Kovac remarked.', "Anna Kovac"),
        (_KOVAC + f'Kovac described it as "{QUOTE}."', "Anna Kovac"),
        (_KOVAC + f'Lindqvist\'s office said in a statement: "{QUOTE}."', "Marko Lindqvist"),
        (_KOVAC + f'"{QUOTE}!" Kovac shouted.', "Anna Kovac"),
        (_KOVAC + f"\n\nKovac: “{QUOTE}.”", "Anna Kovac"),
    ],
)
def test_more_ways_news_attributes_a_quote(text: str, speaker: str) -> None:
    assert _one(_quotes(_report(text), speakers=None), QUOTE).speaker == speaker


def test_according_to_opening_a_new_sentence_attributes_nothing() -> None:
    # '...be." According to Lindqvist, the two met': a new sentence, not the quote's attribution
    text = _KOVAC + f'"{QUOTE}." According to Lindqvist, the two met in August.'
    assert [q.speaker for q in _quotes(_report(text)) if QUOTE in q.text] in ([], [None])
    text = _KOVAC + f'"{QUOTE}," according to Lindqvist.'
    assert _one(_quotes(_report(text)), QUOTE).speaker == "Marko Lindqvist"


def test_a_role_without_a_name_stays_unnamed() -> None:
    assert _one(_quotes(_report(_KOVAC + f'"{QUOTE}," Kovac\'s spokesman said.'), speakers=None), QUOTE).speaker is None


@pytest.mark.parametrize(
    "text",
    [
        f'Mayor Anna Kovac blamed Minister Marko Lindqvist for the delay. "{QUOTE}," she said.',
        f'Minister Marko Lindqvist arrived on Friday. Mayor Anna Kovac greeted him at the dam. "{QUOTE}," she said.',
    ],
)
def test_shipped_path_gives_a_pronoun_quote_to_the_subject_the_narrative_is_about(text: str) -> None:
    assert _one(_quotes(_report(text), speakers=None), QUOTE).speaker == "Anna Kovac"


def test_a_label_that_names_no_person_gives_no_speaker() -> None:
    quotes = _quotes(_report(f"Mayor Anna Kovac toured the dam. Breaking News: “{QUOTE}.”"), speakers=None)
    assert all(q.speaker is None for q in quotes)


def test_a_description_reads_through_an_apposition_after_a_comma() -> None:
    # "the emir" is the man introduced as "the outgoing emir, Sheik Hamad", not the last person named; a
    # capitalised word after "emir, however indirect." is not an apposition
    text = (
        "The outgoing emir, Sheik Hamad bin Khalifa, handed power to his son. "
        "The law forbids criticism of the emir, however indirect. Mr. Nauimi, a lawyer, was hopeful. "
        f'"{QUOTE}," the emir said.'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Hamad bin Khalifa"]


def test_a_long_apposition_between_the_name_and_said() -> None:
    # the name stands more than 160 characters before the quote's opening mark
    text = (
        "Małgorzata Bonikowska said the country is divided over the visit. "
        "Mateusz Klinowski, mayor of a small town in the south who has come under heavy pressure from the government "
        "for attempting to resettle refugees there last year, said Poland's ruling party is made up of people "
        f'"{QUOTE}."'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Mateusz Klinowski"]


def test_a_sentence_that_ends_on_its_attribution_after_the_quote() -> None:
    text = (
        "Professor Aleks Szczerbiak teaches in Sussex. The summit is part of an effort to portray the country "
        f'"{QUOTE}" outside the structure with which it has clashed, says Prof Szczerbiak.'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Aleks Szczerbiak"]


def test_more_reporting_verbs() -> None:
    text = f'The roof fell in the night. "{QUOTE}," marveled resident Maria Gianni.'
    assert [q.speaker for q in _quotes(_report(text))] == ["Maria Gianni"]


@pytest.mark.parametrize("speakers", ["rules", "ranker"])
def test_the_one_told_is_not_the_next_speaker_and_a_titled_name_after_the_is(speakers: str) -> None:
    # "he told Sky News": the channel is the listener; "the Rev. Fabio Gammarota" is a person that "he" can mean
    text = (
        "The mayor of Accumoli, Stefano Petrucci, said a family of four had died there. \n"
        f'"{QUOTE}," he told Sky News. \n'
        "In Amatrice, the Rev. Fabio Gammarota, priest of a nearby parish, said he had blessed seven bodies. "
        '"One of them was a friend of mine from school," he said.'
    )
    assert [(q.speaker, q.text[:6]) for q in _quotes(_report(text), speakers)] == [
        ("Stefano Petrucci", QUOTE[:6]),
        ("Fabio Gammarota", "One of"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the names in an indefinite description are whom the unnamed speaker works for or talks about
        f'Clinton leads in the state. "{QUOTE}," said a GOP operative whose private polling showed Clinton ahead.',
        f'Trump trails in Nevada. "{QUOTE}," according to a prominent GOP strategist who spoke on background.',
        # a document speaks for authors the report does not name there
        f'Alexander Hristov led the work. "{QUOTE}," notes the study.',
        f'Amy Herbst sued the hospital. After she left, she "{QUOTE}," the suit states.',
        # a name in an opening clause is not who speaks
        f'During the Apollo 11 landing, the astronauts noted that "{QUOTE}."',
        # someone described by the body they chair, whom the report never names
        f'Xie Zhenhua spoke first. The chairman of the group representing the poorest countries added: "{QUOTE}."',
    ],
)
def test_unnamed_descriptions_and_documents_name_nobody(text: str) -> None:
    assert [q.speaker for q in _quotes(_report(text))] == [None]


def test_as_x_says_is_an_attribution_not_an_opening_clause() -> None:
    text = f'As Richard Howorth, owner of Square Books and president of the Booksellers Association, says, "{QUOTE}."'
    assert [q.speaker for q in _quotes(_report(text))] == ["Richard Howorth"]


def test_an_indefinite_description_with_a_name_names_the_speaker() -> None:
    text = f'The town was hit hard. "{QUOTE}," said a tearful Rev. Savino D\'Amelio, a parish priest.'
    assert [q.speaker for q in _quotes(_report(text))] == ["Savino D'Amelio"]


def test_a_person_introduced_by_an_apposition_is_the_next_he() -> None:
    # "Mark" is also a common word of the report; "Theodus Times II" is a person despite "Times"
    text = (
        "This is her high-water mark right now. Mark Mellman, a Democratic pollster, expects a Clinton win here. \n"
        f'"{QUOTE}," he said. \n'
        "Theodus Times II, owner of the funeral home, has a cousin buried there. \n"
        '"There are still a lot of people who remember that cemetery," he said.'
    )
    assert [q.speaker for q in _quotes(_report(text), "ranker")] == ["Mark Mellman", "Theodus Times II"]


def test_an_anonymous_role_is_nobody_unless_the_report_calls_someone_that() -> None:
    text = (
        "Hu Jintao leads the party. Hu Jintao spoke on Monday. \n"
        f'"{QUOTE}," the retired official asked. \n'
        "The party official Zhang Wei met reporters. \n"
        '"There will be no change before the congress," the official said.'
    )
    assert [q.speaker for q in _quotes(_report(text))] == [None, "Zhang Wei"]


def test_a_person_named_as_an_object_is_not_the_next_he() -> None:
    text = (
        "Senator Jack Kennedy wrote to her for years. His last letter came after she told him of her plans to marry "
        f'a landowner named Anders Ekman. "{QUOTE}," he urged.'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Jack Kennedy"]


def test_a_pronoun_is_a_person_not_the_agency_credited_in_between() -> None:
    text = (
        "A new U.S. Energy Information Administration report came out. The EIA estimates wind grew. "
        "The EIA wrote that solar grew too. \n"
        "Jeremy Firestone, director of a research center, said the share will keep rising. \n"
        "This graph shows the share each year. Credit: EIA \n"
        f'"{QUOTE}," he said.'
    )
    assert [q.speaker for q in _quotes(_report(text), "ranker")] == ["Jeremy Firestone"]


def test_a_platform_is_where_words_are_posted_not_who_speaks() -> None:
    text = (
        "Mitt Romney gained Twitter followers after the election. He has not tweeted since Tuesday, and a final "
        f'message on Twitter reads "{QUOTE}." \n'
        "Twitter users mocked it."
    )
    assert [q.speaker for q in _quotes(_report(text), "ranker")] == ["Mitt Romney"]


def test_it_read_is_the_letter_s_writer() -> None:
    text = f'The One Show reunited the pair and presented them with the letter from Sir Paul McCartney. \nIt read: "{QUOTE}."'
    assert [q.speaker for q in _quotes(_report(text))] == ["Paul McCartney"]


def test_a_name_after_a_possessive_is_not_the_next_she() -> None:
    text = (
        "Lady Gaga played a new song at Coachella on Saturday. Midway through her set, the singer played the new "
        f'track, sending her Little Monsters into a frenzy. "{QUOTE}," she told the crowd.'
    )
    assert [q.speaker for q in _quotes(_report(text), "ranker")] == ["Gaga"]  # "Lady" is read as a title


def test_a_quote_opening_its_paragraph_goes_on_with_the_words_reported_just_before() -> None:
    text = (
        "The agency found no common cause. \n"
        "Emmanuelle Amar, director of the registry, told the Guardian it would be remiss not to go on. \n"
        f'"{QUOTE}." \n'
        "Other experts disagreed."
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Emmanuelle Amar"]


def test_a_quote_after_said_name_and_apposition_goes_on_with_that_name() -> None:
    text = (
        "That points to a strong genetic factor, said Anna Kovac, professor of biology and director of the twin study "
        f'at the University of Brezno. "{QUOTE}." \n'
        "Other experts disagreed."
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Anna Kovac"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (f'Michael Avenatti shot right back, calling Trump a "{QUOTE}."', "Michael Avenatti"),
        (f'Donald Trump was angry. He took his grievances to Twitter, asking fans, "{QUOTE}?"', "Donald Trump"),
        (
            f'The Library of Congress keeps the photo. According to the library, "{QUOTE}."',
            "Library of Congress",
        ),
    ],
)
def test_more_attributions_before_the_quote(text: str, speaker: str) -> None:
    assert [q.speaker for q in _quotes(_report(text))] == [speaker]


def test_a_view_reported_before_a_quote_paragraph_is_the_speaker_s() -> None:
    text = (
        "The study was published on Thursday. \n"
        "Harriet Micallef, who started cooking at 12, thinks more should be done to get children eating more. \n"
        f'"{QUOTE}. \n'
        '"I think if you teach children early they will naturally start having more."'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Harriet Micallef", "Harriet Micallef"]


def test_an_interviewer_s_question_between_two_quotes_keeps_the_speaker() -> None:
    text = (
        "Mike Holtzman runs a firm in Doha. \n"
        f'"{QUOTE}," he said. \n'
        "And democracy? \n"
        '"Well, the country is already a very open society."'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Mike Holtzman", "Mike Holtzman"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a middle initial after "said" does not end the name
        (f'The fault was watched. "{QUOTE}," said M. Nafi Toksoz, a professor of geophysics.', "M. Nafi Toksoz"),
        # the name ending the phrase after a role is its head: the band is whom the drummer plays for
        (f'Metallica sued on Friday. "{QUOTE}," Metallica drummer Lars Ulrich said in a statement.', "Lars Ulrich"),
        # a scientist reporting a study's finding
        (f'Half are overweight. "{QUOTE}," reported Dr. James Hill, director of the research unit.', "James Hill"),
        (f'Lauren Slater wrote a memoir. "{QUOTE}," the author concludes.', "Lauren Slater"),
        # present tense, as reviews write it
        (f'Kate Ellis and Maura Ellis shop. ("{QUOTE}," Maura Ellis mutters.)', "Maura Ellis"),
        # a role after the verb, then the name in apposition
        (f'Bill Clinton spoke. "{QUOTE}," said the airport\'s director, Carlos Alvarez.', "Carlos Alvarez"),
        # after a clause naming someone else, the name right before the verb speaks
        (
            "Eric Johnson rode in the canoe. When he learned how little Eric Johnson beamed in the canoe, Keith Johnson "
            f'said: "{QUOTE}."',
            "Keith Johnson",
        ),
        # a party tag after the name is the member's state, not a second person
        (f'Mike Lee sat down. Sen. Mike Lee, R-Utah, tweeted, "{QUOTE}."', "Mike Lee"),
    ],
)
def test_names_in_the_attribution_after_the_quote(text: str, speaker: str) -> None:
    assert [q.speaker for q in _quotes(_report(text))] == [speaker]


def test_a_sentence_after_a_quote_that_ended_is_not_its_attribution() -> None:
    text = (
        "Bill Smith, a geophysicist, said the numbers differ. \n"
        'Smith said scientists use several numbers. But, he said, "In most cases, the numbers agree better than on '
        'this one." It is not yet clear what this unusual disparity might mean, he said.'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Bill Smith"]


def test_a_new_sentence_reporting_someone_else_after_a_quote_is_not_its_attribution() -> None:
    # wire copy without paragraph breaks: Jennings's own words follow Pare's quote
    text = (
        '"It isn\'t up to the courts," said Martin Pare, 26. "When people want to be free, they make that choice '
        'themselves." Clyde Jennings, a 29-year-old graphic artist, said the ruling sends a message to the government.'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Martin Pare", "Martin Pare"]


def test_a_space_typed_before_a_closing_mark_still_closes_the_quote() -> None:
    text = f'Mushtaq Gill leads the group. "{QUOTE}, " said Gill. "They broke their legs so they could not run."'
    assert [(q.speaker, q.text[:8]) for q in _quotes(_report(text))] == [
        ("Mushtaq Gill", QUOTE[:8]),
        ("Mushtaq Gill", "They bro"),
    ]


def test_a_title_s_full_stop_before_the_quote_does_not_end_the_attribution() -> None:
    text = f'Mayor Michael R. Bloomberg said Mr. Obama had also offered to visit the city, "{QUOTE}."'
    assert [q.speaker for q in _quotes(_report(text))] == ["Michael R. Bloomberg"]


@pytest.mark.parametrize("verb", ["commented by email that", "concluded that", "assured reporters that"])
def test_more_reporting_verbs_before_the_quote(verb: str) -> None:
    text = f'Ermias Kebreab, a professor of animal science, {verb} "{QUOTE}."'
    assert [q.speaker for q in _quotes(_report(text))] == ["Ermias Kebreab"]


@pytest.mark.parametrize("lead_in", ["If bodies were moved,", "Whaling"])
def test_a_quote_after_a_short_lead_in_goes_on_with_the_last_speaker(lead_in: str) -> None:
    text = (
        f'Benjamin Miller grew up nearby. \n"I saw it with my own eyes, I am a living eyewitness," he said. {lead_in} "{QUOTE}."'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Benjamin Miller", "Benjamin Miller"]


def test_a_lead_in_naming_someone_else_does_not_carry_the_speaker() -> None:
    text = (
        "Benjamin Miller grew up nearby. \n"
        f'"I saw it with my own eyes, I am a living eyewitness," he said. Unlike Sarah Cole, "{QUOTE}."'
    )
    assert "Benjamin Miller" not in [q.speaker for q in _quotes(_report(text))][1:]


def test_she_is_not_the_man_named_last() -> None:
    text = (
        "Judy Biggert, a Republican from the Chicago suburbs, met the caucus. "
        f'Newt Gingrich energized her supporters before the election. "{QUOTE}," she said.'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Judy Biggert"]
    assert [q.speaker for q in _quotes(_report(text), speakers=None)] == ["Judy Biggert"]


def test_a_quote_carried_on_after_she_said_stays_with_a_woman() -> None:
    text = (
        "Judy Biggert, a Republican from the Chicago suburbs, met the caucus. \n"
        "Newt Gingrich spoke to the freshmen on Friday. \n"
        f'"It was kind of bittersweet," she said as she hurried into a meeting. "{QUOTE}."'
    )
    assert [q.speaker for q in _quotes(_report(text), speakers=None)] == ["Judy Biggert", "Judy Biggert"]


def test_a_quote_paragraph_after_a_paragraph_about_one_person_reporting_their_words_is_theirs() -> None:
    text = (
        "Micah McCarty said he has wanted to hunt whales for a long time. An accomplished carver whose art is sold "
        "in Fremont, McCarty frequently creates masks. \n"
        f'"{QUOTE}."'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Micah McCarty"]


def test_a_quote_paragraph_after_a_paragraph_naming_two_people_is_not_carried() -> None:
    text = f'Micah McCarty said he has wanted to hunt whales for a long time. Don Swan paddles behind him. \n"{QUOTE}."'
    assert [q.speaker for q in _quotes(_report(text))] == []


def test_a_resident_described_by_hometown_is_the_person_introduced() -> None:
    text = (
        f'Kathryn Howe already has. Rheumatoid arthritis left her joints swollen. "{QUOTE}," the Eastlake, Ohio, resident said.'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Kathryn Howe"]


@pytest.mark.parametrize(
    "outlet", ["the official Yangcheng Evening News reported", "the state-run Xinhua News Agency said", "Xinhua said"]
)
def test_an_outlet_after_the_quote_relays_the_one_named_before_it(outlet: str) -> None:
    text = f'Chen Shaoji is the police chief. Chen said the reports "{QUOTE}," {outlet} in its Thursday edition.'
    assert [q.speaker for q in _quotes(_report(text))] == ["Chen Shaoji"]


def test_an_outlet_with_no_one_named_before_the_quote_stays_its_speaker() -> None:
    text = f'The storm hit on Friday. "{QUOTE}," the Gotham Daily News reported.'
    assert [q.speaker for q in _quotes(_report(text))] == ["Gotham Daily News"]


def test_the_statement_is_the_one_a_report_names_the_issuer_of() -> None:
    text = (
        "According to a Turkish Foreign Ministry statement, the European Union took up the dispute with Greece. \n"
        "The statement added that Greece was unable to get support. \n"
        f'"{QUOTE}," the statement said. \n'
        "Meanwhile, Ankara urged the EU to release its assistance. \n"
        f'"We expect the European Union to take the decision soon," said the statement.'
    )
    assert [q.speaker for q in _quotes(_report(text), speakers=None)] == ["Foreign Ministry", "Foreign Ministry"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a person's title after the body they lead: the person, not the body
        (
            "Adm. Vladimir Kuroyedov leads the navy. Ten Russian ships were in the area. Various Russian officials "
            f'spoke. "{QUOTE}," the navy chief said.',
            "Vladimir Kuroyedov",
        ),
        (f'The bill passed. "{QUOTE}," rued the National Party, which ruled under apartheid.', "National Party"),
    ],
)
def test_more_descriptions_and_verbs_after_the_quote(text: str, speaker: str) -> None:
    assert [q.speaker for q in _quotes(_report(text), speakers=None)] == [speaker]


def test_a_government_named_with_a_capital_the_and_a_time_speaks_as_itself() -> None:
    text = f'The Canadian government today called on the United States to "{QUOTE}."'
    assert [q.speaker for q in _quotes(_report(text))] == ["Canadian government"]


def test_a_caption_label_with_a_dash_names_the_speaker() -> None:
    text = f'Published on Feb 23, 2016 \nMitt Romney- "{QUOTE}." \nWith clips from his speech.'
    assert [q.speaker for q in _quotes(_report(text))] == ["Mitt Romney"]


def test_a_colon_lead_in_paragraph_with_a_long_apposition_and_no_1_names_its_speaker() -> None:
    text = (
        "Jim Courier, who trained his way to the No. 1 ranking and four Grand Slam singles championships without "
        "steroid shortcuts, said: \n"
        f'"{QUOTE}."'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Jim Courier"]


def test_a_quote_keeps_no_stray_quote_mark_of_its_own() -> None:
    # a glued or nested opening mark left inside the span ('"“Evidently, ...') is no part of the quoted words
    text = f'Mayor Anna Kovac spoke on Friday. "“{QUOTE}," Kovac said.'
    assert _one(_quotes(_report(text)), "rebuild").text == QUOTE


def test_an_outlet_reporting_her_as_saying_relays_whom_the_pronoun_means() -> None:
    text = (
        "The White House press secretary, Sarah Sanders, said the president had been briefed. "
        f'"{QUOTE}," BBC News reported her as saying.'
    )
    assert _one(_quotes(_report(text), speakers=None), "rebuild").speaker == "Sarah Sanders"


def test_a_statement_printed_in_one_pair_of_marks_is_one_quote_per_paragraph() -> None:
    from chorus.quoted_text import document_spans

    paragraphs = [
        "Below is Anna Kovac's opening statement to the council:",
        "“Thank you, members of the council. We will rebuild every house in this town.",
        "I knew the families who lost their homes, and I will not forget them.",
        "We will start on Monday with the lower city. Thank you.”",
        "The council then adjourned.",
    ]
    spans, continued = document_spans(paragraphs)
    assert continued == {2, 3}
    assert [paragraphs[2][a:b] for a, b in spans[2]] == [paragraphs[2]]
    assert [paragraphs[3][a:b] for a, b in spans[3]] == ["We will start on Monday with the lower city. Thank you."]
    quotes = _quotes(_report("\n".join(paragraphs)), speakers=None)
    assert {q.speaker for q in quotes} == {"Anna Kovac"} and len(quotes) == 3
    # a mark left open by a scrape, with narrative after it and no closing mark, quotes nothing further
    broken = ["“We will rebuild every house in this town, she said", "The council then adjourned for the day."]
    assert document_spans(broken)[1] == set()


def test_a_message_someone_sent_which_read_is_its_writers() -> None:
    text = (
        "Marko Lindqvist shared a screenshot of a private message that Kovac reportedly sent him on Facebook, which "
        f'read: "{QUOTE}." Mayor Anna Kovac did not comment.'
    )
    assert _one(_quotes(_report(text), speakers=None), "rebuild").speaker == "Anna Kovac"


@pytest.mark.parametrize(
    ("lead_in", "speaker"), [("Again, quoting Anna Kovac:", "Anna Kovac"), ("The paper ran it, quoting a source:", None)]
)
def test_quoting_someone_names_them(lead_in: str, speaker: str | None) -> None:
    text = f'Mayor Anna Kovac toured the dam on Friday. Police closed the road. {lead_in} "{QUOTE}."'
    found = [q.speaker for q in _quotes(_report(text), speakers=None) if "rebuild" in q.text]
    assert found == [speaker] if speaker else found in ([], [None])


def test_a_photographers_credit_is_no_antecedent_of_he_said() -> None:
    text = (
        'Mayor Marko Lindqvist went on Facebook. "We failed the lower town," he wrote.\n'
        "Anton Berger/Getty Images\n"
        f'"{QUOTE}," he wrote.'
    )
    assert _one(_quotes(_report(text), speakers=None), "rebuild").speaker == "Marko Lindqvist"


def test_a_sentence_opening_on_he_stays_about_whom_he_stands_for() -> None:
    # "He also praises Hansen": Hansen is who he praises, not the "he" of the next attribution
    text = (
        '"We train every night," Marko Lindqvist says. He also praises Anton Berger and Ivan Holm, two of the '
        f'coaches. "They changed the whole club for the better," he said. "{QUOTE}."'
    )
    found = _quotes(_report(text), speakers=None)
    assert _one(found, "changed the whole club").speaker == "Marko Lindqvist"
    assert _one(found, "rebuild").speaker == "Marko Lindqvist"


def test_a_sentence_opening_on_he_with_no_one_named_before_in_its_paragraph_is_about_whom_it_names() -> None:
    # no antecedent for "He" in this paragraph: the sentence's own names are all there is to go on
    text = f'Crowds lined the road.\nHe and Marko Lindqvist arrived late. "{QUOTE}," he said.'
    assert _one(_quotes(_report(text), speakers=None), "rebuild").speaker == "Marko Lindqvist"


def test_an_embedded_post_is_its_signers_and_its_signature_is_no_antecedent() -> None:
    text = (
        "Radio host Anna Kovac warned Mayor Ivan Holm on Monday.\n"
        f'I never said it would be easy, I said "{QUOTE}." — Ivan Holm (@ivanholm) February 18, 2018\n'
        '"I would be very careful if I were the mayor here," the host said.'
    )
    found = _quotes(_report(text), speakers=None)
    assert _one(found, "rebuild").speaker == "Ivan Holm"
    assert _one(found, "very careful").speaker == "Anna Kovac"


@pytest.mark.parametrize("noun", ["host", "anchor", "columnist", "comedian"])
def test_media_roles_are_epithets_for_the_person_called_that(noun: str) -> None:
    text = f'Fans cheered {noun} Anna Kovac in Oslo. Ivan Holm, the mayor, spoke first.\n"{QUOTE}," the {noun} said.'
    assert _one(_quotes(_report(text), speakers=None), "rebuild").speaker == "Anna Kovac"


def test_a_title_before_a_name_holds_no_clause() -> None:
    # "host Anna Kovac warned Mayor Ivan Holm": the mayor is not the one called host
    text = f'Radio host Anna Kovac warned Mayor Ivan Holm on Monday.\n"{QUOTE}," the host said.'
    assert _one(_quotes(_report(text), speakers=None), "rebuild").speaker == "Anna Kovac"


def test_a_sentence_opening_on_he_reaches_back_to_the_sentence_before_across_a_paragraph() -> None:
    text = (
        '"He was very careful with the budget," economist Anna Kovac said.\n'
        "She also noted that Maria Holm has been the mayor's closest adviser.\n"
        f'"{QUOTE}," she said.'
    )
    assert _one(_quotes(_report(text)), "rebuild").speaker == "Anna Kovac"


@pytest.mark.parametrize("tag", ["(R-Ga.)", "(D-N.Y.)"])
def test_a_party_and_state_tag_ends_no_sentence(tag: str) -> None:
    text = f'Rep. Anna Kovac {tag}, a Judiciary member, described the plan as "{QUOTE}."'
    assert _one(_quotes(_report(text)), "rebuild").speaker == "Anna Kovac"


@pytest.mark.parametrize("document", ["dissent", "statement", "letter", "memoir"])
def test_a_persons_own_document_speaks_for_them(document: str) -> None:
    text = f'Justice Anna Kovac\'s {document} said that while the Flood Relief Act "{QUOTE}."'
    assert _one(_quotes(_report(text)), "rebuild").speaker == "Anna Kovac"


def test_the_committee_is_the_body_named_right_before_that_noun() -> None:
    text = (
        "A United Nations Heritage committee called on Wednesday for the mine run by the Acme Mining Company to be "
        "scrapped. "
        f'"{QUOTE}," the committee said in its report. Environment Minister Robert Hill rejected it.'
    )
    assert _one(_quotes(_report(text)), "rebuild").speaker == "United Nations Heritage"


def test_a_quote_paragraph_after_someone_reacting_is_their_reaction() -> None:
    text = (
        '"Nothing is new about it," Anna Kovac said.\n'
        "The union argues that the plan will cost jobs.\n"
        "Anna Kovac also bristled at suggestions that the plant loses money.\n"
        f'"{QUOTE}. It certainly is not our fault."'
    )
    assert _one(_quotes(_report(text)), "rebuild").speaker == "Anna Kovac"


def test_a_quote_paragraph_after_someone_merely_named_stays_unattributed() -> None:
    text = f'Anna Kovac was arrested at the plant on Monday.\n"{QUOTE}. It certainly is not our fault."'
    assert [q.speaker for q in _quotes(_report(text)) if "rebuild" in q.text] in ([], [None])


@pytest.mark.parametrize(
    "rest",
    [
        "and binds to it tightly, said Anna Kovac.",
        'because it used a "very refined sample" of patients, said Anna Kovac.',
    ],
)
def test_a_sentence_going_on_after_the_quote_ends_on_its_attribution(rest: str) -> None:
    text = f'Ivan Holm led the study. "{QUOTE}" {rest} He agreed.'
    assert _one(_quotes(_report(text)), "rebuild").speaker == "Anna Kovac"


def test_condemning_in_someones_words_is_theirs_but_a_passive_is_not() -> None:
    said = _quotes(_report(f'Anna Kovac deplored "{QUOTE}." Ivan Holm left.'))
    assert _one(said, "rebuild").speaker == "Anna Kovac"
    passive = _quotes(_report(f'Anna Kovac was denounced as "{QUOTE}." Ivan Holm left.'))
    assert [q.speaker for q in passive if "rebuild" in q.text] in ([], [None])


def test_an_embedded_post_relaying_someones_words_gives_them_to_that_person() -> None:
    text = (
        f'Mayor Anna Kovac spoke on Monday.\nBREAKING: Mayor Anna Kovac said "{QUOTE}." — Ivan Holm (@ivanholm) February 18, 2018'
    )
    assert _one(_quotes(_report(text)), "rebuild").speaker == "Anna Kovac"


@pytest.mark.parametrize("description", ["a spokeswoman", "the council's spokeswoman"])
def test_a_split_quote_after_a_description_and_its_name_is_the_names(description: str) -> None:
    # '"...," said a spokeswoman, Susan Asmus, "and ..."': both parts are hers, named after the description.
    text = (
        "The builders' group disagreed with the new rules on Thursday. "
        f'"{QUOTE}," said {description}, Anna Kovac, "and every road from the river to the hills."'
    )
    assert {q.speaker for q in _quotes(_report(text))} == {"Anna Kovac"}


def test_a_name_after_the_object_of_a_speech_verb_is_not_its_speaker() -> None:
    # 'A spokeswoman for X says the actress and her husband, Michael Douglas, "are ..."': he is talked about.
    text = (
        "A spokeswoman for Catherine Zeta-Jones says the actress and her husband, Michael Douglas, "
        '"are taking some time apart to evaluate and work on their marriage."'
    )
    assert _one(_quotes(_report(text)), "time apart").speaker != "Michael Douglas"


@pytest.mark.parametrize("outlet", ["the national news agency EFE", "the agency Notimex"])
def test_an_outlet_described_as_one_relays_the_words_of_the_one_named_before(outlet: str) -> None:
    # 'X told marchers that "...," the national news agency EFE reported': X's words, which the agency relays.
    text = (
        "Party leader Jon Idigoras told the marchers in the city that the crackdown "
        f'"only lengthens the conflict and causes unnecessary victims," {outlet} reported.'
    )
    assert _one(_quotes(_report(text)), "lengthens").speaker == "Jon Idigoras"


def test_a_name_the_report_marks_as_a_woman_is_not_he() -> None:
    # "His wife, Pat," is a woman whatever her first name says: "he wrote" after her is the judge.
    text = (
        "Judge Thomas Jackson sails on the bay and reads both fiction and history.\n\n"
        "His wife, Pat, is director of development at a prep school in the capital.\n\n"
        f'"{QUOTE}," he wrote in a commentary for a judicial conference.'
    )
    assert _one(_quotes(_report(text), speakers=None), "rebuild").speaker == "Thomas Jackson"


def test_a_gender_cue_stays_in_its_sentence() -> None:
    # "a Starbucks spokesman." ends its sentence: it says nothing of the woman named next.
    text = (
        "The chain will open more shops, said Alan Gulick, a Starbucks spokesman.\n\n"
        "Stephanie Sheffield, who works at a coffee shop in the city, said she learned of the sale from her sister.\n\n"
        f'"{QUOTE}," she said.'
    )
    assert _one(_quotes(_report(text), speakers=None), "rebuild").speaker == "Stephanie Sheffield"


@pytest.mark.parametrize("speakers", ["rules", None])
def test_she_said_is_not_the_newspaper_or_the_man_named_around_her_verb(speakers: str | None) -> None:
    # 'In an interview with the daily El Tiempo, she said President Marko Horak "..."': the paper is a thing named,
    # the president comes after her verb and is a man; she is the minister named before
    text = (
        "The Colombian minister, Anna Kovac, this week criticized a law requiring truck drivers to hand over their "
        "cargo at the border.\n\nIn an interview with the Caracas daily El Tiempo, she said President Marko Horak "
        '"talks about integration, but the measures applied by some of his officials are just the opposite."'
    )
    quote = _one(_quotes(_report(text), speakers=speakers), "talks about integration")
    assert quote.speaker == "Anna Kovac"


def test_a_persons_mailing_speaks_for_them_and_carries_on() -> None:
    # '"Just think about it," Bertollini's mailing said. "A Jew team of lawyers ..."': the mailing is his words
    text = (
        "Vincent Bertollini, a former computer executive, sent a mailing to thousands of households last week.\n\n"
        '"Just think about it," Bertollini\'s mailing said. "Their team of lawyers is trying to destroy a church."'
    )
    assert _one(_quotes(_report(text), speakers=None), "team of lawyers").speaker == "Vincent Bertollini"


@pytest.mark.parametrize("speakers", ["rules", None])
def test_he_said_is_not_the_one_named_after_the_pronoun(speakers: str | None) -> None:
    # 'He said Dees and his team were trying "...": Steele speaks (named before), Dees is talked about
    text = (
        "In court documents, Edgar Steele, a lawyer representing the group, said the guards made no effort to warn "
        'anyone. "They were way out of bounds, and they knew it," Steele argued.\n\n'
        'He said Morris Dees and his legal team were trying "to paint this ragtag band of borderline derelicts as a '
        'highly organized, well-trained and disciplined military organization."'
    )
    assert _one(_quotes(_report(text), speakers=speakers), "ragtag band").speaker == "Edgar Steele"


@pytest.mark.parametrize("place", ["Washington, D.C.,", "Sacramento, Calif.,"])
def test_an_abbreviation_going_on_after_a_comma_ends_no_sentence(place: str) -> None:
    # 'Paul Brenner, a delegate from Washington, D.C., who serves on the board of the Civic Rights Alliance, ..., said
    # he was meeting the governor to "..."': the subject is named before the abbreviation, not the body after it
    text = (
        f"Paul Brenner, an alternative delegate to the convention from {place} who serves on the board of the Civic "
        "Rights Alliance, the largest gay rights advocacy organization in the nation, said he was meeting with the "
        'governor in an effort to "improve the understanding of gay people and gay issues within the party."'
    )
    assert _one(_quotes(_report(text)), "improve the understanding").speaker == "Paul Brenner"


def test_a_report_or_statement_speaks_for_the_body_last_reported_speaking() -> None:
    text = (
        "The Velmora Water Board said on Monday that the river would rise by a metre before the weekend. "
        f'"{QUOTE}," the report stated.'
    )
    assert [q.speaker for q in _quotes(_report(text))] == ["Velmora Water Board"]
    # a study no one is reported issuing speaks for no one
    text = f'The river rose by a metre before the weekend, flooding Brezno. "{QUOTE}," the study noted.'
    assert [q.speaker for q in _quotes(_report(text))] == [None]
