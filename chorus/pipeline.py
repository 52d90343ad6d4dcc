"""The core: ``summarize()`` runs ingest'd documents through clean -> segment -> analyse -> select
-> order and returns a cited ``Summary``. The CLI, the HTTP server and the Python API all call it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from chorus import analyse, clean, order, segment, select
from chorus.disagreements import find_disagreements
from chorus.entities import canonical_names, extract_entities
from chorus.models import Document, Sentence, Summary, SummarySentence
from chorus.options import SummaryOptions
from chorus.quotes import extract_quotes
from chorus.timeline import build_timeline

_ENDS_SENTENCE = (".", "!", "?", '"', "”", "’", "'", ")")
# A sentence that trails off ("The Chinese activist who triggered a diplomatic dispute between...") is a teaser or a
# list item cut short, not a statement
_CUT_SHORT = ("...", "…", ". . .")


def as_documents(documents: Sequence[Document | str]) -> list[Document]:
    """Accept strings or Documents; give every document a unique non-empty id."""
    out: list[Document] = []
    seen: set[str] = set()
    for index, item in enumerate(documents):
        doc = item if isinstance(item, Document) else Document(text=str(item))
        doc_id = doc.id or f"doc{index + 1}"
        while doc_id in seen:
            doc_id = f"{doc_id}~{index + 1}"
        seen.add(doc_id)
        out.append(doc if doc_id == doc.id else replace(doc, id=doc_id))
    return out


def sentences_of(documents: list[Document]) -> list[Sentence]:
    """Every sentence of every document, tagged with its document, position and paragraph."""
    result: list[Sentence] = []
    for doc_index, doc in enumerate(documents):
        position = 0
        for paragraph, text in enumerate(doc.text.split("\n")):
            for sentence in segment.split_sentences(text):
                result.append(Sentence(sentence, doc_index, position, paragraph))
                position += 1
    return result


def quotes_balanced(text: str) -> bool:
    """False for half a quotation ("“The operator knew ..." without its closing mark), which
    would misquote its speaker when shown alone."""
    if text.count("“") != text.count("”"):
        return False
    return text.count('"') % 2 == 0


# A sentence wholly in brackets is an aside to the reader ("(It will be repeated at 9:30 p.m. Sept. 12.)"), not news.
_ASIDE = re.compile(r"^\s*[(\[].*[)\]][.!?]?\s*$", re.DOTALL)


def eligible_mask(sentences: list[Sentence], options: SummaryOptions) -> np.ndarray:
    """Sentences that may appear in a brief: of a sensible length, ending like a sentence (not trailing off), not an
    aside in brackets, and the first copy of any repeated text."""
    seen: set[str] = set()
    mask = np.zeros(len(sentences), dtype=bool)
    for i, sentence in enumerate(sentences):
        key = " ".join(sentence.text.lower().split())
        length = sentence.words
        mask[i] = (
            options.shortest_sentence <= length <= options.max_sentence_words
            and sentence.text.endswith(_ENDS_SENTENCE)
            and not sentence.text.endswith(_CUT_SHORT)
            and quotes_balanced(sentence.text)
            and not _ASIDE.match(sentence.text)
            and key not in seen
        )
        seen.add(key)
    return mask


def anchors_of(sentences: list[Sentence]) -> list[range | None]:
    """For each sentence that points back ("He also said...", ``segment.points_back``), the sentences before it in
    its own report (indices, a ``range``: ``sentences`` in report order, as ``sentences_of`` gives them), one of which
    must be in the brief beside it (what "he" means is there; the reading order puts it after them); None for a
    sentence that stands alone."""
    first: dict[int, int] = {}  # each report's first sentence
    anchors: list[range | None] = []
    for index, sentence in enumerate(sentences):
        start = first.setdefault(sentence.doc_index, index)
        anchors.append(range(start, index) if segment.points_back(sentence.text) else None)
    return anchors


@dataclass
class Prepared:
    """A cluster after clean -> segment -> analyse: everything selection needs.

    Attributes:
        documents: the cleaned, non-empty documents.
        sentences: all their sentences (``n``).
        sentence_tokens: stemmed tokens of each sentence.
        groups: near-duplicate group of each document (one group per independent outlet).
        concepts: the concept table (``m`` concepts and their features).
    """

    documents: list[Document]
    sentences: list[Sentence]
    sentence_tokens: list[list[str]]
    groups: list[int]
    concepts: analyse.ConceptTable


def prepare(documents: Sequence[Document | str], options: SummaryOptions) -> Prepared:
    """Clean, split and analyse the documents (shared by ``summarize`` and weight training)."""
    docs = [clean.clean_document(d) for d in as_documents(documents)]
    docs = [d for d in docs if d.text.strip()]
    sentences = sentences_of(docs)
    sentence_tokens = [analyse.tokens(s.text) for s in sentences]
    doc_tokens: list[list[str]] = [[] for _ in docs]
    for s, toks in zip(sentences, sentence_tokens, strict=True):
        doc_tokens[s.doc_index].extend(toks)
    groups = analyse.near_duplicate_groups(doc_tokens, options.duplicate_threshold)
    table = analyse.concept_table(sentences, sentence_tokens, docs, groups, options.query)
    return Prepared(docs, sentences, sentence_tokens, groups, table)


def summarize(
    documents: Sequence[Document | str],
    words: int = 100,
    query: str | None = None,
    options: SummaryOptions | None = None,
) -> Summary:
    """Summarise reports of one event into a cited brief of at most ``words`` words.

    Args:
        documents: the reports, as ``Document`` objects or plain strings.
        words: word budget (ignored when ``options`` is given).
        query: optional topic that steers selection (ignored when ``options`` is given).
        options: every other setting; see ``SummaryOptions``.

    Returns:
        A ``Summary`` whose sentences are verbatim source sentences in reading order, each with
        its source, position and the independent outlets that carry its content. The sentences cover the
        concepts most outlets share (an integer program, ``chorus.select``); one outlet's brief is its lead.
    """
    options = options or SummaryOptions(words=words, query=query or None)
    prepared = prepare(documents, options)
    docs, sentences, sentence_tokens, groups, table = (
        prepared.documents,
        prepared.sentences,
        prepared.sentence_tokens,
        prepared.groups,
        prepared.concepts,
    )
    if not sentences:
        return Summary(sentences=[], documents=docs, query=options.query)
    lengths = np.array([s.words for s in sentences])
    doc_indices = [s.doc_index for s in sentences]
    eligible = eligible_mask(sentences, options)
    anchors = anchors_of(sentences)
    weights = analyse.concept_weights(table, options.weighting, options.query, len(set(groups)), options.weight_model)
    if len(set(groups)) == 1 and not options.query:
        # One outlet (one report, or copies of one wire story): no other report says what matters, and the report's
        # own lead does (Multi-News clusters left with one outlet: lead R2 11.4 against 6.2 by concept weights)
        picked = select.lead_sentences(doc_indices, lengths, eligible, options.words, anchors)
    else:
        picked = _by_coverage(table, weights, lengths, eligible, anchors, options)
    if not picked:  # nothing eligible fits (degenerate input): the first report's opening sentences all the same
        picked = select.lead_sentences(doc_indices, lengths, np.ones(len(sentences), dtype=bool), options.words)
    carried = analyse.corroborating_documents(picked, sentence_tokens, doc_indices, options.support_threshold)
    score_of = {i: float(weights[table.sentence_concepts[i]].sum()) if table.sentence_concepts[i] else 0.0 for i in picked}
    citations = {
        i: analyse.outlet_ids(sentences[i].doc_index, docs_carrying, groups, docs)
        for i, docs_carrying in zip(picked, carried, strict=True)
    }
    index_of = {sentences[i]: i for i in picked}  # a Sentence is unique by (document, position)
    summary_sentences = [
        SummarySentence(
            text=s.text,
            source=docs[s.doc_index].id,
            position=s.position,
            corroborated_by=citations[index_of[s]],
            score=round(score_of[index_of[s]], 4),
        )
        for s in order.chronological(list(index_of), docs)
    ]
    summary = Summary(sentences=summary_sentences, documents=docs, query=options.query, outlet_count=len(set(groups)))
    if options.cross_source or options.canonical_names:
        add_cross_source(summary, prepared, options)
    return summary


def add_cross_source(summary: Summary, prepared: Prepared, options: SummaryOptions) -> None:
    """Fill the entities, quotes, disagreements and timeline of ``summary`` (in place), and
    rewrite its names canonically when asked."""
    index = extract_entities(prepared.sentences, prepared.documents)
    if options.canonical_names:
        summary.sentences = [replace(s, text=canonical_names(s.text, index.entities)) for s in summary.sentences]
    if not options.cross_source:
        return
    summary.entities = [e for e in index.entities if e.mentions >= 2 or len(e.sources) >= 2 or e.variants]
    summary.quotes = extract_quotes(prepared.documents, index.entities)
    summary.disagreements = find_disagreements(prepared.sentences, prepared.documents, prepared.groups, index.entities)
    summary.timeline = build_timeline(
        prepared.sentences, prepared.documents, prepared.sentence_tokens, prepared.groups, options.support_threshold
    )
    summary.sentences = [_without_contradicting(s, summary.disagreements) for s in summary.sentences]


def _without_contradicting(sentence: SummarySentence, disagreements: list) -> SummarySentence:
    """A source that says the opposite of a sentence does not corroborate it, however many words
    the two share ("blamed the operator" vs "praised the operator")."""
    against: set[str] = set()
    words = analyse.content_stems(analyse.tokens(sentence.text))
    for disagreement in disagreements:
        overlap = []
        for claim in disagreement.claims:
            claim_words = analyse.content_stems(analyse.tokens(claim.text))
            shared = len(words & claim_words) / max(1, min(len(words), len(claim_words)))
            overlap.append(2.0 if claim.text.lower() in sentence.text.lower() else shared)
        best = max(range(len(overlap)), key=overlap.__getitem__)
        if overlap[best] >= 0.6 and all(o < overlap[best] for k, o in enumerate(overlap) if k != best):
            # An exact claim ("Around 50 countries") outranks word overlap, which ties on qualifiers.
            against.update(d for k, c in enumerate(disagreement.claims) if k != best for d in c.sources)
    if not against:
        return sentence
    return replace(sentence, corroborated_by=[d for d in sentence.corroborated_by if d not in against or d == sentence.source])


def _by_coverage(
    table: analyse.ConceptTable,
    weights: np.ndarray,
    lengths: np.ndarray,
    eligible: np.ndarray,
    anchors: list[range | None],
    options: SummaryOptions,
) -> list[int]:
    """The brief's sentences by the coverage ILP over the best candidates, the budget then filled."""
    candidates = select.candidate_sentences(table.sentence_concepts, lengths, weights, eligible, options.candidate_limit)
    if len(candidates) == 0:
        # Nothing shared across outlets (unrelated reports): the ILP over the first eligible sentences, all concepts alike.
        candidates = np.array([i for i in range(len(lengths)) if eligible[i]][: options.candidate_limit], dtype=int)
        weights = np.ones_like(weights)
    position_of = {int(i): j for j, i in enumerate(candidates)}
    chosen = select.select_sentences(
        [table.sentence_concepts[i] for i in candidates],
        lengths[candidates],
        weights,
        options.words,
        options.solver_time_limit,
        [None if (a := anchors[i]) is None else [j for k, j in position_of.items() if k in a] for i in candidates],
    )
    return select.fill_budget(
        [int(candidates[j]) for j in chosen], table.sentence_concepts, lengths, eligible, options.words, anchors
    )
