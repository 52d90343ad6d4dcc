"""Shared fixtures: paths to the demo corpus and the read-only evaluation data, loaded documents,
and a checker for the invariants every brief must satisfy.

The evaluation data lives outside the repo (``../shared/data``); every fixture that needs it skips
cleanly when it is absent, as on a user's fresh clone.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from demo_corpus import DEMO_IDS

import chorus
from chorus import clean, segment
from chorus.ingest import load
from chorus.models import Document, Summary


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = Path(__file__).resolve().parents[2] / "shared" / "data"
    if not path.is_dir():
        pytest.skip(f"evaluation data not found at {path}")
    return path


@pytest.fixture(scope="session")
def venezuela_dir(shared_data: Path) -> Path:
    path = shared_data / "venezuela_2019-04-30"
    if not path.is_dir() or not any(path.glob("*.txt")):
        pytest.skip(f"Venezuela reports not found at {path}")
    return path


@pytest.fixture(scope="session")
def venezuela_files(venezuela_dir: Path) -> dict[str, Path]:
    """The five reports by file-name prefix: "000" (AFP), "001", "002" (Insider), "003" (translation), "004"."""
    return {p.name[:3]: p for p in sorted(venezuela_dir.glob("*.txt"))}


@pytest.fixture(scope="session")
def venezuela_documents(venezuela_dir: Path) -> list[Document]:
    clusters = load([venezuela_dir])
    assert len(clusters) == 1
    return clusters[0].documents


@pytest.fixture(scope="session")
def multinews_path(shared_data: Path) -> Path:
    path = shared_data / "multinews_sample.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    return path


@pytest.fixture(scope="session")
def duc2006_path(shared_data: Path) -> Path:
    path = shared_data / "duc2006.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    return path


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    path = Path(chorus.__file__).resolve().parent / "demo"
    assert path.is_dir(), "the demo corpus ships inside the package"
    return path


@pytest.fixture(scope="session")
def demo_files(demo_dir: Path) -> list[Path]:
    files = sorted(demo_dir.glob("*.txt"))
    assert [f.stem for f in files] == DEMO_IDS
    return files


@pytest.fixture(scope="session")
def demo_documents(demo_files: list[Path]) -> list[Document]:
    clusters = load(demo_files)
    assert len(clusters) == 1
    return clusters[0].documents


def read_jsonl(path: Path, limit: int | None = None) -> Iterable[dict]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                return
            if line.strip():
                yield json.loads(line)


@pytest.fixture(scope="session")
def jsonl_reader() -> Callable[..., Iterable[dict]]:
    return read_jsonl


def cleaned_sentences(document: Document) -> list[str]:
    """The sentences of a raw document after cleaning, indexed like ``SummarySentence.position``:
    one paragraph per line of the cleaned text, counted across the whole document."""
    text = clean.clean_document(document).text
    return [s for line in text.split("\n") for s in segment.split_sentences(line)]


def check_brief(summary: Summary, raw_documents: list[Document], budget: int, copies: Iterable[Iterable[str]] = ()) -> None:
    """Assert the invariants of a brief made from ``raw_documents`` (which must carry unique ids).

    - within the word budget, no sentence repeated;
    - every sentence occurs verbatim in the cleaned text of its cited source, at its cited position;
    - ``corroborated_by`` starts with the source, names known documents once each, and never names
      two documents of one group of ``copies`` (copies of one wire story count once).
    """
    assert isinstance(summary, Summary)
    assert summary.words <= budget
    assert summary.words == len(summary.text.split())
    texts = [s.text for s in summary.sentences]
    assert len(texts) == len(set(texts)), "a sentence is repeated"
    raw_by_id = {d.id: d for d in raw_documents}
    assert len(raw_by_id) == len(raw_documents), "give the raw documents unique ids"
    cleaned_by_id = {d.id: d for d in summary.documents}
    group_of = {doc_id: index for index, group in enumerate(copies) for doc_id in group}
    for s in summary.sentences:
        assert s.source in raw_by_id, f"unknown source {s.source!r}"
        assert s.text in cleaned_by_id[s.source].text
        sentences = cleaned_sentences(raw_by_id[s.source])
        assert 0 <= s.position < len(sentences)
        assert sentences[s.position] == s.text, f"{s.source}#{s.position} is not {s.text!r}"
        assert s.corroborated_by[0] == s.source
        assert len(s.corroborated_by) == len(set(s.corroborated_by))
        assert set(s.corroborated_by) <= set(raw_by_id)
        groups = [group_of[d] for d in s.corroborated_by if d in group_of]
        assert len(groups) == len(set(groups)), f"copies of one story both cited: {s.corroborated_by}"


@pytest.fixture(scope="session")
def brief_checker() -> Callable[..., None]:
    return check_brief
