"""Digest of mixed reports (chorus/digest.py): stories briefed and ranked by independent outlets."""

from __future__ import annotations

from chorus.digest import Digest, digest, to_markdown
from chorus.models import Document
from chorus.options import SummaryOptions

QUAKE = [
    (
        "Quake kills two on Kos",
        "A magnitude 6.1 earthquake struck the Greek island of Kos on Friday, killing two tourists. "
        "Greek officials said dozens of people were injured when the earthquake hit the island overnight.",
    ),
    (
        "Kos earthquake: two tourists dead",
        "Two tourists were killed on the Greek island of Kos when a 6.1 earthquake struck on Friday. "
        "Dozens of people were injured, Greek officials said, after the earthquake hit the island.",
    ),
    (
        "Deadly quake on Kos",
        "The 6.1 earthquake that struck Kos on Friday killed two tourists and injured dozens of people. "
        "Greek officials said the earthquake hit the island overnight and damaged the old harbour.",
    ),
]
LAUNCH = [
    (
        "Apple unveils Retina MacBook Pro",
        "Apple unveiled a new MacBook Pro with a Retina display at its developer conference "
        "in San Francisco on Monday. The laptop starts at 2,199 dollars, Apple said at the conference.",
    ),
    (
        "New MacBook Pro gets Retina screen",
        "At its San Francisco developer conference on Monday, Apple unveiled a MacBook Pro "
        "with a Retina display. Apple said the new laptop starts at 2,199 dollars.",
    ),
]


def _corpus() -> list[Document]:
    docs = [Document(text=t, title=h, id=f"launch{i}", source=f"tech{i}") for i, (h, t) in enumerate(LAUNCH)]
    docs += [Document(text=t, title=h, id=f"quake{i}", source=f"paper{i}") for i, (h, t) in enumerate(QUAKE)]
    return docs


def test_digest_ranks_stories_by_outlets_and_cites_sources():
    result = digest(_corpus(), options=SummaryOptions(words=40, cross_source=False))
    assert isinstance(result, Digest)
    assert [len(s.documents) for s in result.stories] == [3, 2]
    top = result.stories[0]
    assert {d.id for d in top.documents} == {"quake0", "quake1", "quake2"}
    assert top.outlets == 3 and result.stories[1].outlets == 2
    assert [s.story.id for s in result.stories] == ["story-1", "story-2"]
    for item in result.stories:
        assert item.summary.sentences and item.summary.words <= 40
        ids = {d.id for d in item.documents}
        assert all(s.source in ids for s in item.summary.sentences)


def test_digest_json_and_markdown_shapes():
    result = digest(_corpus(), words=30)
    payload = result.to_dict()
    story = payload["stories"][0]
    assert set(story) == {"id", "title", "documents", "outlets", "brief"}
    assert story["brief"]["summary"] and "sentences" in story["brief"]
    text = to_markdown(result)
    assert text.startswith("# Digest") and "## 1. " in text and "## 2. " in text and "3 reports, 3 independent outlets" in text


def test_single_document_story_gets_its_lead():
    docs = [
        *_corpus(),
        Document(
            text="The city council approved a new budget for public parks on Tuesday evening after a long debate. "
            "The vote was seven to two.",
            id="parks",
            title="Council approves parks budget",
        ),
    ]
    result = digest(docs, options=SummaryOptions(words=30, cross_source=False))
    single = [s for s in result.stories if [d.id for d in s.documents] == ["parks"]]
    assert single and single[0].summary.sentences[0].source == "parks"
    assert result.stories[-1].story.id == f"story-{len(result.stories)}"


def test_empty_digest():
    assert digest([]).stories == []
