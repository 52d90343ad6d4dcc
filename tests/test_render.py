"""Rendering a Summary as text, Markdown, JSON and a JSON line."""

from __future__ import annotations

import json

import pytest

from chorus import summarize
from chorus.models import Document, Summary, SummarySentence
from chorus.render import RENDERERS, to_html, to_json, to_json_line, to_markdown, to_text

SENTENCE_KEYS = {"text", "source", "position", "corroborated_by", "score"}
DOCUMENT_KEYS = {"id", "title", "date", "words"}


@pytest.fixture()
def summary() -> Summary:
    documents = [
        Document("The dam failed on Thursday night. Water flooded the town.", id="a", title="Dam fails", date="2026-03-13"),
        Document("The dam failed late on Thursday, officials said.", id="b", title="", date=""),
        Document("Nine people died. The dam failed on Thursday.", id="c", title="Nine dead", date="2026-03-14"),
    ]
    sentences = [
        SummarySentence("The dam failed on Thursday night.", "a", 0, ["a", "b", "c"], 12.5),
        SummarySentence("Nine people died.", "c", 0, ["c"], 3.0),
    ]
    return Summary(sentences=sentences, documents=documents, query="dam failure", outlet_count=3)


@pytest.fixture()
def empty() -> Summary:
    return Summary(sentences=[], documents=[], query=None, outlet_count=0)


def test_text(summary: Summary) -> None:
    out = to_text(summary)
    assert out.endswith("\n")
    lines = out.rstrip("\n").split("\n")
    assert len(lines) == 2
    assert lines[0].startswith("The dam failed on Thursday night. [")
    assert "a;" in lines[0] and "3 of 3" in lines[0]
    assert lines[1].startswith("Nine people died. [")
    assert "c;" in lines[1] and "1 of 3" in lines[1]


def test_text_of_an_empty_summary(empty: Summary) -> None:
    out = to_text(empty)
    assert out.strip() and "no summary" in out


def test_markdown(summary: Summary) -> None:
    out = to_markdown(summary, title="Dam brief")
    lines = out.split("\n")
    assert lines[0] == "# Dam brief"
    assert "dam failure" in out  # the query is shown
    bullets = [line for line in lines if line.startswith("- The dam failed") or line.startswith("- Nine people died")]
    assert len(bullets) == 2
    assert "`a`, `b`, `c`" in bullets[0] and "3 of 3" in bullets[0]
    assert "## Sources" in lines
    sources = lines[lines.index("## Sources") + 1 :]
    assert any(line.startswith("- `a`") and "Dam fails" in line and "2026-03-13" in line for line in sources)
    assert any(line.startswith("- `b`") and "(untitled)" in line for line in sources)
    assert any(line.startswith("- `c`") and "Nine dead" in line for line in sources)


def test_markdown_of_an_empty_summary(empty: Summary) -> None:
    out = to_markdown(empty)
    assert out.startswith("# Brief")
    assert "no summary" in out
    assert "## Sources" not in out


def test_json(summary: Summary) -> None:
    data = json.loads(to_json(summary))
    assert {"summary", "words", "sentences", "documents"} <= set(data)
    assert data["summary"] == "The dam failed on Thursday night. Nine people died."
    assert data["words"] == 9
    assert data["outlets"] == 3
    assert [set(s) for s in data["sentences"]] == [SENTENCE_KEYS, SENTENCE_KEYS]
    assert data["sentences"][0] == {
        "text": "The dam failed on Thursday night.",
        "source": "a",
        "position": 0,
        "corroborated_by": ["a", "b", "c"],
        "score": 12.5,
    }
    assert [set(d) for d in data["documents"]] == [DOCUMENT_KEYS] * 3
    assert data["documents"][0] == {"id": "a", "title": "Dam fails", "date": "2026-03-13", "words": 10}
    assert data["documents"][1]["words"] == 8


def test_json_keeps_unicode(summary: Summary) -> None:
    summary.sentences[1] = SummarySentence("Guaidó spoke at La Carlota “today”.", "c", 0, ["c"], 1.0)
    out = to_json(summary)
    assert "Guaidó" in out and "“today”" in out
    assert json.loads(out)["sentences"][1]["text"] == "Guaidó spoke at La Carlota “today”."


def test_json_of_an_empty_summary(empty: Summary) -> None:
    data = json.loads(to_json(empty))
    assert data["summary"] == "" and data["words"] == 0
    assert data["sentences"] == [] and data["documents"] == []


def test_json_line(summary: Summary) -> None:
    out = to_json_line(summary, "D0601A")
    assert out.endswith("\n") and out.count("\n") == 1
    data = json.loads(out)
    assert set(data) == {"id", "summary", "sentences"}
    assert data["id"] == "D0601A"
    assert data["summary"] == "The dam failed on Thursday night. Nine people died."
    assert [s["source"] for s in data["sentences"]] == ["a", "c"]
    assert all(set(s) == SENTENCE_KEYS for s in data["sentences"])


def test_renderers_table() -> None:
    assert RENDERERS == {"text": to_text, "markdown": to_markdown, "json": to_json, "html": to_html}


def test_html_format_escapes_source_text() -> None:
    summary = summarize(
        [
            "The council voted on Monday to close the old bridge <script>alert(1)</script> after the flood damage.",
            "On Monday the council voted to close the old bridge after flood damage was found by engineers.",
        ],
        words=60,
    )
    page = to_html(summary)
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "<script>alert(1)</script>" not in page


def test_rendering_a_real_brief(demo_documents) -> None:
    brief = summarize(demo_documents, words=100)
    data = json.loads(to_json(brief))
    assert data["summary"] == brief.text
    assert data["words"] == brief.words <= 100
    assert [s["text"] for s in data["sentences"]] == [s.text for s in brief.sentences]
    assert [d["id"] for d in data["documents"]] == [d.id for d in demo_documents]
    text_lines = to_text(brief).rstrip("\n").split("\n")
    assert len(text_lines) == len(brief.sentences)
    assert all(line.startswith(s.text) for line, s in zip(text_lines, brief.sentences, strict=True))
    assert all(f"of {brief.outlet_count}" in line for line in text_lines)
