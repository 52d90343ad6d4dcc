"""``chorus.summarize``: budgets, verbatim citations, corroboration, order and awkward inputs."""

from __future__ import annotations

import random
import re

import pytest
from demo_corpus import DEMO_COPIES

from chorus import Document, Summary, SummaryOptions, summarize
from chorus.order import date_key
from chorus.segment import points_back

BUDGETS = (50, 100, 250)


def _reading_order_key(summary: Summary):
    """The reading order's key, written out again: the date (an undated report's: the middle dated one), position."""
    documents = {d.id: d for d in summary.documents}
    dated = sorted(k for d in summary.documents if (k := date_key(d.date)))
    middle = dated[(len(dated) - 1) // 2] if dated else ""

    def key(sentence):
        return (date_key(documents[sentence.source].date) or middle, sentence.position)

    return key


def _assert_reading_order(summary: Summary) -> None:
    """Sentences that do not point back are in date and position order (those that do may follow their own
    report's earlier sentence instead), and one of them opens the brief when there is one."""
    key = _reading_order_key(summary)
    keys = [key(s) for s in summary.sentences if not points_back(s.text)]
    assert keys == sorted(keys)
    if keys:
        assert not points_back(summary.sentences[0].text)
    # and a sentence that points back comes with an earlier sentence of its own report, which it follows
    for at, sentence in enumerate(summary.sentences):
        if points_back(sentence.text):
            before = summary.sentences[:at]
            assert any(s.source == sentence.source and s.position < sentence.position for s in before), sentence.text


# --- Real and demo clusters ---------------------------------------------------------------------------

CORPORA = ("demo", "venezuela")


@pytest.fixture(scope="module")
def briefs(request: pytest.FixtureRequest):
    """``briefs(corpus, budget, query=None)``: the brief of "demo" or "venezuela", made once per module."""
    cache: dict[tuple, Summary] = {}

    def get(corpus: str, budget: int, query: str | None = None) -> Summary:
        key = (corpus, budget, query)
        if key not in cache:
            cache[key] = summarize(request.getfixturevalue(f"{corpus}_documents"), words=budget, query=query)
        return cache[key]

    return get


@pytest.mark.parametrize("budget", BUDGETS)
def test_venezuela_brief(venezuela_documents, briefs, brief_checker, budget: int) -> None:
    summary = briefs("venezuela", budget)
    assert summary.sentences, "five long reports must give a brief"
    assert summary.words > budget * 0.6, "the brief should use most of its budget"
    brief_checker(summary, venezuela_documents, budget)
    assert summary.outlet_count == 5
    assert [d.id for d in summary.documents] == [d.id for d in venezuela_documents]


@pytest.mark.parametrize("budget", BUDGETS)
def test_demo_brief(demo_documents, briefs, brief_checker, budget: int) -> None:
    summary = briefs("demo", budget)
    assert summary.sentences
    assert summary.words > budget * 0.6
    brief_checker(summary, demo_documents, budget, copies=[DEMO_COPIES])
    assert summary.outlet_count == 4  # 02 and 03 are one wire story


@pytest.mark.parametrize("corpus", CORPORA)
@pytest.mark.parametrize("budget", BUDGETS)
def test_brief_sentences_are_real_sentences(briefs, corpus: str, budget: int) -> None:
    options = SummaryOptions(words=budget)
    for sentence in briefs(corpus, budget).sentences:
        assert options.shortest_sentence <= len(sentence.text.split()) <= options.max_sentence_words
        assert sentence.text.count("“") == sentence.text.count("”"), sentence.text
        assert sentence.text.count('"') % 2 == 0, sentence.text
        assert not re.search(r"Advertisement|newsletter|homepage|Photo:|Getty Images", sentence.text)


def test_demo_corroboration_counts_copies_once(briefs) -> None:
    cited = [s.corroborated_by for s in briefs("demo", 250).sentences]
    assert all(not set(DEMO_COPIES) <= set(ids) for ids in cited)
    assert all(len(ids) <= 4 for ids in cited)
    # Several facts (the state of emergency, the 4.7 m peak, the mayor's quote) are in more than
    # one independent report: some sentence is corroborated by at least two outlets.
    assert max(len(ids) for ids in cited) >= 2


@pytest.mark.parametrize("corpus", CORPORA)
@pytest.mark.parametrize("budget", BUDGETS)
def test_brief_is_in_reading_order(briefs, corpus: str, budget: int) -> None:
    _assert_reading_order(briefs(corpus, budget))


def test_options_and_keywords_agree(demo_documents) -> None:
    by_keyword = summarize(demo_documents, words=80)
    by_options = summarize(demo_documents, options=SummaryOptions(words=80))
    assert by_keyword.text == by_options.text
    assert by_keyword.words <= 80


def test_summarize_is_deterministic(venezuela_documents, briefs) -> None:
    assert summarize(venezuela_documents, words=100).text == briefs("venezuela", 100).text


def test_invalid_budget() -> None:
    with pytest.raises(ValueError):
        SummaryOptions(words=0)
    with pytest.raises(ValueError):
        summarize(["A report."], words=-5)


def test_budget_of_one_word() -> None:
    summary = summarize(["The bridge collapsed on Monday. Divers searched the river."], words=1)
    assert summary.words <= 1


# --- Queries --------------------------------------------------------------------------------------------


def test_query_is_recorded(demo_documents) -> None:
    summary = summarize(demo_documents, words=100, query="Who warned about the embankment?")
    assert summary.query == "Who warned about the embankment?"
    assert summary.words <= 100
    assert summarize(demo_documents, words=100, query="").query is None


@pytest.mark.parametrize("budget", [100, 250])
def test_query_steers_the_brief(venezuela_documents, briefs, brief_checker, budget: int) -> None:
    def about_cuba_or_bolivia(summary: Summary) -> int:
        return sum(bool(re.search(r"Cuba|Bolivia", s.text)) for s in summary.sentences)

    plain = briefs("venezuela", budget)
    steered = briefs("venezuela", budget, "Cuba Bolivia reaction")
    brief_checker(steered, venezuela_documents, budget)
    assert about_cuba_or_bolivia(steered) >= 1
    assert steered.text != plain.text
    if budget == 100:  # the plain 100-word brief has no room for the Latin American reactions
        assert about_cuba_or_bolivia(steered) > about_cuba_or_bolivia(plain)


# --- Input shapes ----------------------------------------------------------------------------------------

QUAKE = [
    "A powerful earthquake struck the coastal city of Examplia on Monday morning, officials said. "
    "At least twenty buildings collapsed in the old town and rescue teams worked through the night.",
    "Rescue teams worked through the night in Examplia after a powerful earthquake struck on Monday. "
    "The national seismology institute said the quake had a magnitude of 6.1 and was shallow.",
    "Schools in Examplia will stay closed for the rest of the week while engineers inspect them. "
    "At least twenty buildings collapsed in the old town when the powerful earthquake struck.",
]


def test_strings_as_input(brief_checker) -> None:
    summary = summarize(QUAKE, words=60)
    assert summary.sentences
    assert [d.id for d in summary.documents] == ["doc1", "doc2", "doc3"]
    brief_checker(summary, [Document(text, id=f"doc{i + 1}") for i, text in enumerate(QUAKE)], 60)


def test_mixed_strings_and_documents(brief_checker) -> None:
    documents = [Document(QUAKE[0], id="wire", date="2024-01-01"), QUAKE[1], Document(QUAKE[2], id="wire")]
    summary = summarize(documents, words=60)
    ids = [d.id for d in summary.documents]
    assert ids[0] == "wire" and len(set(ids)) == 3 and all(ids)
    assert ids[1] == "doc2"
    assert summary.sentences
    brief_checker(summary, [Document(text, id=doc_id) for doc_id, text in zip(ids, QUAKE, strict=True)], 60)


def test_dates_not_input_order_drive_the_reading_order() -> None:
    documents = [
        Document(QUAKE[0], id="third", date="2024-01-03"),
        Document(QUAKE[1], id="undated"),
        Document(QUAKE[2], id="first", date="2024-01-01 10:00"),
    ]
    summary = summarize(documents, words=200)
    assert len({s.source for s in summary.sentences}) >= 2
    _assert_reading_order(summary)
    # the undated report reads as of the middle dated one (of two, the earlier): before every sentence of "third"
    sources = [s.source for s in summary.sentences]
    assert sources == sorted(sources, key=lambda source: source == "third")


@pytest.mark.parametrize("budget", [1, 5, 12, 33, 400])
def test_any_budget_is_respected(demo_documents, briefs, brief_checker, budget: int) -> None:
    brief_checker(briefs("demo", budget), demo_documents, budget, copies=[DEMO_COPIES])


def test_one_document(brief_checker) -> None:
    [text] = QUAKE[:1]
    summary = summarize([text], words=100)
    assert [s.text for s in summary.sentences] == [
        "A powerful earthquake struck the coastal city of Examplia on Monday morning, officials said.",
        "At least twenty buildings collapsed in the old town and rescue teams worked through the night.",
    ]
    assert all(s.corroborated_by == ["doc1"] for s in summary.sentences)
    brief_checker(summary, [Document(text, id="doc1")], 100)


def test_one_long_document_within_budget(venezuela_documents, brief_checker) -> None:
    document = venezuela_documents[2]
    summary = summarize([document], words=60)
    assert summary.sentences
    brief_checker(summary, [document], 60)
    positions = [s.position for s in summary.sentences]
    assert positions == sorted(positions)


@pytest.mark.parametrize("documents", [[], [""], ["", "   ", "\n\n"], ["Advertisement\n\nShare this article"]])
def test_nothing_to_summarise_gives_an_empty_summary(documents) -> None:
    summary = summarize(documents, words=100)
    assert isinstance(summary, Summary)
    assert summary.sentences == []
    assert summary.text == "" and summary.words == 0
    assert summary.documents == []


def test_thousands_of_short_documents() -> None:
    rng = random.Random(7)
    towns = ["Arden", "Belmont", "Carver", "Dunmore", "Elston", "Fairlie", "Glenrock", "Harlow"]
    facts = [
        "The river burst its banks on Monday night and flooded {t}.",
        "About {n} residents of {t} were evacuated to schools on higher ground.",
        "The mayor of {t} declared a state of emergency on Tuesday morning.",
        "Rescue teams in boats reached {n} people trapped on rooftops in {t}.",
        "Forecasters expect more heavy rain across the region on Wednesday.",
        "Officials said {n} homes in {t} were damaged by the floodwater.",
    ]
    texts = []
    for _ in range(2000):
        town = rng.choice(towns)
        texts.append(" ".join(fact.format(t=town, n=rng.randint(10, 900)) for fact in rng.sample(facts, 2)))
    summary = summarize(texts, words=100)
    assert len(summary.documents) == 2000
    assert 50 <= summary.words <= 100
    by_id = {f"doc{i + 1}": text for i, text in enumerate(texts)}
    for sentence in summary.sentences:
        assert sentence.text in by_id[sentence.source]
    assert len({s.text for s in summary.sentences}) == len(summary.sentences)


def test_spanish_reports(brief_checker) -> None:
    reports = [
        "Un fuerte terremoto sacudió el lunes la ciudad costera de Ejemplia, según informaron las autoridades locales. "
        "Al menos veinte edificios se derrumbaron en el casco antiguo y los equipos de rescate trabajaron durante toda la noche.",
        "El terremoto de magnitud 6,1 sacudió la ciudad costera de Ejemplia el lunes por la mañana. "
        "Los equipos de rescate trabajaron durante toda la noche para sacar a los supervivientes de los edificios derrumbados.",
        "Las autoridades de Ejemplia confirmaron que al menos veinte edificios se derrumbaron tras el terremoto del lunes. "
        "Las escuelas permanecerán cerradas durante el resto de la semana.",
    ]
    summary = summarize(reports, words=60)
    assert summary.sentences
    brief_checker(summary, [Document(text, id=f"doc{i + 1}") for i, text in enumerate(reports)], 60)
    assert any("terremoto" in s.text for s in summary.sentences)
    # The shared facts (quake in Ejemplia, twenty buildings, rescue teams) are corroborated across reports.
    assert max(s.corroboration_count for s in summary.sentences) >= 2


def test_duplicated_documents_give_no_duplicate_sentences(demo_documents, brief_checker) -> None:
    doubled = demo_documents + demo_documents
    summary = summarize(doubled, words=250)
    texts = [s.text for s in summary.sentences]
    assert len(texts) == len(set(texts))
    assert summary.outlet_count == 4
    ids = [d.id for d in summary.documents]
    assert len(set(ids)) == 10
    assert ids[:5] == [d.id for d in demo_documents]
    raw = [Document(d.text, id=doc_id, title=d.title, date=d.date) for doc_id, d in zip(ids, doubled, strict=True)]
    copies = [(a, b) for a, b in zip(ids[:5], ids[5:], strict=True)]
    brief_checker(summary, raw, 250, copies=[(*copies[1], *copies[2]), copies[0], copies[3], copies[4]])
    # A report and its verbatim copy are one outlet: never cited together.
    for sentence in summary.sentences:
        roots = [doc_id.split("~")[0] for doc_id in sentence.corroborated_by]
        assert len(roots) == len(set(roots))
        assert not set(DEMO_COPIES) <= set(roots)


def test_identical_strings(brief_checker) -> None:
    summary = summarize([QUAKE[0]] * 4, words=100)
    texts = [s.text for s in summary.sentences]
    assert texts and len(texts) == len(set(texts))
    assert summary.outlet_count == 1
    assert all(s.corroborated_by == [s.source] for s in summary.sentences)
    copies = [f"doc{i}" for i in range(1, 5)]
    brief_checker(summary, [Document(QUAKE[0], id=doc_id) for doc_id in copies], 100, copies=[copies])


HTML_REPORT = (
    "<div class='article'><p>A powerful earthquake struck the coastal city of Examplia on Monday morning, officials said.</p>"
    "<script>var ad = 'TRACKER';</script>"
    "<p>At least twenty buildings collapsed in the old town &amp; rescue teams worked through the night.</p></div>"
)


def test_html_laden_text_does_not_crash() -> None:
    summary = summarize([HTML_REPORT, QUAKE[1], "<p>&nbsp;</p><br/><b>Breaking</b>"], words=60)
    assert isinstance(summary, Summary)
    assert summary.sentences
    assert summary.words <= 60


def test_html_markup_never_reaches_the_brief() -> None:
    summary = summarize([HTML_REPORT, HTML_REPORT.replace("Monday morning", "Monday")], words=60)
    assert summary.sentences
    assert not any("<" in s.text or "TRACKER" in s.text for s in summary.sentences)


def test_the_same_fact_is_not_repeated() -> None:
    reports = [
        "Officials said the old bridge collapsed on Monday after heavy rain. Divers searched the brown water near "
        "the pillars until dusk. Traffic was diverted through the northern suburbs.",
        "The old bridge collapsed on Monday after heavy rain, officials said. A truck driver escaped with minor "
        "injuries, according to witnesses at the scene.",
        "Residents recalled that the old bridge collapsed on Monday after heavy rain had soaked the valley. Local "
        "shops stayed closed for the rest of the week.",
        "Engineers warned two years ago that the structure was weak. The old bridge collapsed on Monday after heavy "
        "rain, and the council ordered an inquiry.",
    ]
    summary = summarize(reports, words=250)
    repeats = [s.text for s in summary.sentences if "old bridge collapsed on Monday after heavy rain" in s.text]
    assert len(repeats) == 1, repeats


def test_one_outlets_brief_is_its_lead(demo_documents) -> None:
    from chorus import clean
    from chorus.pipeline import eligible_mask, sentences_of

    report = demo_documents[0]
    brief = summarize([report], words=60)
    sentences = sentences_of([clean.clean_document(report)])
    eligible = eligible_mask(sentences, SummaryOptions(words=60))
    lead, used = [], 0  # the lead written out again: eligible sentences in order, each while it fits
    for sentence, ok in zip(sentences, eligible, strict=True):
        if ok and used + sentence.words <= 60 and (not points_back(sentence.text) or lead):
            lead.append(sentence.position)
            used += sentence.words
    assert [s.position for s in brief.sentences] == lead and len(lead) >= 2
    # a copy of the same wire story is the same outlet: still its lead
    assert summarize([report, Document(report.text, id="copy")], words=60).text == brief.text


def test_anchors_are_the_earlier_sentences_of_the_same_report() -> None:
    from chorus.models import Sentence
    from chorus.pipeline import anchors_of

    texts = [(0, "The dam broke."), (0, "The town flooded."), (0, "He said so."), (1, "They fled."), (1, "Rain fell.")]
    sentences = [Sentence(text, doc, i) for i, (doc, text) in enumerate(texts)]
    assert [list(a) if a is not None else None for a in anchors_of(sentences)] == [None, None, [0, 1], [], None]


def _eligible(texts: list[str]) -> list[bool]:
    """Which of these sentences (of one report, in order) may enter a brief, at the default options."""
    from chorus.models import Sentence
    from chorus.pipeline import eligible_mask

    return eligible_mask([Sentence(text, 0, i) for i, text in enumerate(texts)], SummaryOptions()).tolist()


def test_a_sentence_that_trails_off_never_enters_a_brief() -> None:
    texts = [
        "The Chinese activist who triggered a diplomatic dispute between the two countries...",
        "3. Is excessively devoted to work and productivity to the exclusion of leisure activities …",
        "“We waited and waited...” the mayor said of the night the river rose.",
    ]
    assert _eligible(texts) == [False, False, True]


def test_an_aside_in_brackets_never_enters_a_brief() -> None:
    texts = [
        "(It will be repeated at 9:30 p.m. on the first Sunday of the month.)",
        "[Editor's note: an earlier version of this story gave the wrong name of the river.]",
        "The special (taped in New York last week) will be repeated at 9:30 p.m. on Sunday.",
    ]
    assert _eligible(texts) == [False, False, True]
    # the same aside carried by every report, with its facts nowhere else, still stays out
    reports = [
        f"The comedy show ended on Thursday after nine seasons on the network. (The long finale of the comedy show airs again"
        f" at 9:30 p.m. on Sunday night.) Its star said in {city} that he would return to stand-up comedy next year."
        for city in ("Boston", "Denver", "Austin")
    ]
    brief = summarize(reports, words=60).sentences
    assert brief and all("finale" not in s.text for s in brief)
