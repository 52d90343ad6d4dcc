"""The small dataclasses that flow through the pipeline.

``Document`` -> ``Sentence`` -> ``SummarySentence`` -> ``Summary``. Every stage takes and returns
these; nothing else crosses a module boundary.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Document:
    """One news report.

    Attributes:
        text: the body, paragraphs separated by blank lines.
        id: a stable identifier (file name, feed id...); made up from the position when empty.
        title: the headline, or "".
        date: publication date as an ISO-8601 string (``2019-04-30`` or ``2019-04-30 14:00``), or "".
        source: the outlet or path the report came from, or "".
    """

    text: str
    id: str = ""
    title: str = ""
    date: str = ""
    source: str = ""

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document, with its place in it.

    Attributes:
        text: the sentence as it reads in the source (after cleaning).
        doc_index: index of its document in the input list.
        position: 0-based index of the sentence inside its document.
        paragraph: 0-based index of its paragraph inside the document.
    """

    text: str
    doc_index: int
    position: int
    paragraph: int = 0

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class SummarySentence:
    """A sentence of the brief with its citation.

    Attributes:
        text: the sentence, verbatim from ``source``.
        source: id of the document it was taken from.
        position: 0-based sentence index inside that document.
        corroborated_by: ids of every document carrying its content (the source included),
            near-duplicate copies of one report grouped under one id.
        score: the concept weight this sentence added to the brief (higher is more central).
    """

    text: str
    source: str
    position: int
    corroborated_by: list[str] = field(default_factory=list)
    score: float = 0.0

    @property
    def corroboration_count(self) -> int:
        """How many independent outlets carry this sentence's content."""
        return len(self.corroborated_by)


@dataclass
class Summary:
    """A cited brief: its sentences in reading order and the documents it was made from.

    Attributes:
        sentences: the brief, in reading order.
        documents: the cleaned documents it was made from.
        query: the query that steered it, if any.
        outlet_count: independent outlets among the documents (copies of one wire story count once).
    """

    sentences: list[SummarySentence]
    documents: list[Document]
    query: str | None = None
    outlet_count: int = 0

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    @property
    def words(self) -> int:
        return len(self.text.split())

    def to_dict(self) -> dict:
        """The JSON shape documented in the README (``--format json``)."""
        return {
            "summary": self.text,
            "words": self.words,
            "outlets": self.outlet_count,
            "sentences": [asdict(s) for s in self.sentences],
            "documents": [{"id": d.id, "title": d.title, "date": d.date, "words": d.words} for d in self.documents],
        }

    def __str__(self) -> str:
        return self.text


@dataclass
class Cluster:
    """Reports of one event as read from the input, plus optional reference summaries.

    ``explicit`` is True when the input declared the cluster (a JSON object with ``documents``):
    such a cluster is summarised on its own, never merged with loose reports.
    """

    documents: list[Document]
    id: str = ""
    query: str = ""
    references: list[str] = field(default_factory=list)
    explicit: bool = False
