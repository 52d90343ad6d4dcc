"""The small dataclasses that flow through the pipeline.

``Document`` -> ``Sentence`` -> ``SummarySentence`` -> ``Summary``. Every stage takes and returns
these; nothing else crosses a module boundary.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field

# The forms a ``Document.date`` is read in, anywhere in the string: ISO (``2019-04-30``, ``2019-04-30T14:05``, the
# form ``chorus.ingest`` writes), compact (``20190430``) and US numeric, month first (``04/30/2019 14:05``).
_ISO_OR_COMPACT = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?:[T _]?(\d{1,2}):?(\d{2}))?")
_US_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T,]+(\d{1,2}):(\d{2}))?")


def published_at(date: str) -> dt.datetime | None:
    """The moment a ``Document.date`` gives (midnight when it has no time), or None: no date or not a real one."""
    match = _ISO_OR_COMPACT.search(date or "")
    if match:
        year, month, day, hour, minute = match.groups()
    elif match := _US_NUMERIC.search(date or ""):
        month, day, year, hour, minute = match.groups()
    else:
        return None
    try:
        return dt.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0))
    except ValueError:
        return None


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

    @property
    def published(self) -> dt.datetime | None:
        """When the report was published, read from ``date`` (``published_at``), or None."""
        return published_at(self.date)


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
class Entity:
    """A person, place or organisation, under one canonical name across spellings.

    Attributes:
        name: the canonical spelling (the most used full form, accented when any source accents it).
        kind: ``"person"``, ``"place"``, ``"organisation"`` or ``"other"``.
        variants: every other spelling seen (accents dropped, transliterations, typos, surname only).
        sources: ids of the documents mentioning it.
        mentions: how many times it is mentioned in all.
        forms: document id -> the spellings that document uses.
    """

    name: str
    kind: str
    variants: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    mentions: int = 0
    forms: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Quote:
    """A direct quotation, merged across the outlets that carry it.

    Attributes:
        speaker: canonical name of the speaker, or None when the source does not name one.
        text: the quoted words, without quotation marks, as the first source gives them.
        sources: ids of the documents carrying it (small wording differences merged).
    """

    speaker: str | None
    text: str
    sources: list[str] = field(default_factory=list)


@dataclass
class Claim:
    """One side of a disagreement: what some sources say."""

    text: str
    sources: list[str] = field(default_factory=list)


@dataclass
class Disagreement:
    """Sources that report the same thing differently (a number, a stance).

    Attributes:
        about: what the claims are about ("people killed", "Cuba, Bolivia on the coup attempt").
        claims: two or more conflicting claims, each with its sources.
    """

    about: str
    claims: list[Claim] = field(default_factory=list)


@dataclass
class TimelineEvent:
    """A dated happening: ``date`` is ISO ``YYYY-MM-DD`` (resolved from weekdays when needed)."""

    date: str
    text: str
    sources: list[str] = field(default_factory=list)


@dataclass
class Summary:
    """A cited brief: its sentences in reading order and the documents it was made from.

    Attributes:
        sentences: the brief, in reading order.
        documents: the cleaned documents it was made from.
        query: the query that steered it, if any.
        outlet_count: independent outlets among the documents (copies of one wire story count once).
        entities, quotes, disagreements, timeline: the cross-source sections (empty when
            ``SummaryOptions.cross_source`` is off).
    """

    sentences: list[SummarySentence]
    documents: list[Document]
    query: str | None = None
    outlet_count: int = 0
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)

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
            "entities": [asdict(e) for e in self.entities],
            "quotes": [asdict(q) for q in self.quotes],
            "disagreements": [asdict(d) for d in self.disagreements],
            "timeline": [asdict(t) for t in self.timeline],
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
