"""Put the chosen sentences in reading order: by event time (document date, then position), with an opener that does not
point back to a sentence the reader has not seen."""

from __future__ import annotations

from chorus.models import Document, Sentence, published_at
from chorus.segment import points_back


def date_key(date: str) -> str:
    """A sortable ``YYYYMMDDHHMM`` key from a ``Document.date`` (``published_at``), or "" when there is none."""
    moment = published_at(date)
    return f"{moment.year:04d}{moment:%m%d%H%M}" if moment else ""


def chronological(sentences: list[Sentence], documents: list[Document]) -> list[Sentence]:
    """Sentences sorted by their document's date, then by their position in it.

    At equal dates earlier positions come first, so the leads that set the scene open the brief. An undated
    document is read as published on the dated documents' middle date (reports of one event mostly come out
    together: its lead still opens the brief beside the dated leads); with no dated document, positions alone
    decide. A sentence that points back ("He also said...", ``points_back``) follows the brief's last sentence that
    comes before it in its own report, when there is one (what "he" means is there, not in another report's
    sentence that the dates put between them), and does not open the brief: the first sentence that does not
    point back is put before it.
    """
    keys = [date_key(d.date) for d in documents]
    dated = sorted(k for k in keys if k)
    middle = dated[(len(dated) - 1) // 2] if dated else ""

    def key(sentence: Sentence) -> tuple[str, int, int]:
        return (keys[sentence.doc_index] or middle, sentence.position, sentence.doc_index)

    ordered = _with_their_context(sorted(sentences, key=key))
    if ordered and points_back(ordered[0].text):
        opener = next((i for i, s in enumerate(ordered) if not points_back(s.text)), 0)
        ordered.insert(0, ordered.pop(opener))
    return ordered


def _with_their_context(ordered: list[Sentence]) -> list[Sentence]:
    """``ordered`` with each sentence that points back moved up to follow the last earlier sentence of its own report
    (and the sentences of that report already placed after it that point back too)."""
    placed: list[Sentence] = []
    for sentence in ordered:
        anchor = None
        if points_back(sentence.text):
            earlier = [i for i, p in enumerate(placed) if p.doc_index == sentence.doc_index and p.position < sentence.position]
            anchor = earlier[-1] if earlier else None
        if anchor is None:
            placed.append(sentence)
            continue
        at = anchor + 1
        while at < len(placed) and placed[at].doc_index == sentence.doc_index and points_back(placed[at].text):
            at += 1
        placed.insert(at, sentence)
    return placed
