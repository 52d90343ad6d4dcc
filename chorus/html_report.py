"""A ``Summary`` as HTML: the view the web page shows and ``--format html`` writes.

``render_view(summary)`` is the HTML fragment (brief with citations and corroboration counts,
coverage matrix and timeline strip as plain SVG, disagreements, quotes, entities, and the source
articles with the brief's sentences marked); ``to_html(summary)`` wraps it in one self-contained page
(CSS and the small click-to-highlight script inline, nothing fetched). Every piece of source text
goes through ``html.escape``: a ``<script>`` in an article stays text. Pure functions, no I/O beyond
reading the package's own ``web/app.css`` and ``web/view.js``.
"""

from __future__ import annotations

import datetime as dt
import re
from html import escape
from importlib import resources
from typing import TYPE_CHECKING

from chorus.models import Document, Summary, SummarySentence

if TYPE_CHECKING:
    from chorus.digest import Digest
from chorus.segment import split_sentences

SOURCE_FILL = "#1f5f8b"
CARRIES_FILL = "#8cc0e3"
EMPTY_FILL = "#f1f3f5"


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# --- locating the brief's sentences inside their articles ---


def _locate(document: Document, sentence: SummarySentence) -> tuple[int, int, int] | None:
    """(paragraph index, start, end) of the sentence in the document's text, or None."""
    paragraphs = document.text.split("\n")
    position = 0
    for p_index, paragraph in enumerate(paragraphs):
        pieces = split_sentences(paragraph)
        if position <= sentence.position < position + len(pieces):
            span = _find(paragraph, sentence.text)
            if span:
                return p_index, *span
            break
        position += len(pieces)
    for p_index, paragraph in enumerate(paragraphs):  # positions shifted: search everywhere
        span = _find(paragraph, sentence.text)
        if span:
            return p_index, *span
    return None


def _find(paragraph: str, text: str) -> tuple[int, int] | None:
    start = paragraph.find(text)
    if start >= 0:
        return start, start + len(text)
    words = text.split()
    if not words or len(words) > 200:
        return None
    match = re.search(r"\s+".join(re.escape(w) for w in words), paragraph)
    return (match.start(), match.end()) if match else None


def _article(document: Document, marks: list[tuple[int, int, int, int]]) -> str:
    """The document's paragraphs, escaped, with ``marks`` (paragraph, start, end, sentence number)."""
    out = []
    for p_index, paragraph in enumerate(document.text.split("\n")):
        if not paragraph.strip():
            continue
        spans = sorted((s, e, n) for p, s, e, n in marks if p == p_index)
        pieces, cursor = [], 0
        for start, end, number in spans:
            if start < cursor:
                continue
            pieces.append(_e(paragraph[cursor:start]))
            pieces.append(f'<mark class="cited" id="m{number}" data-sentence="{number}">{_e(paragraph[start:end])}</mark>')
            cursor = end
        pieces.append(_e(paragraph[cursor:]))
        out.append(f"<p>{''.join(pieces)}</p>")
    return "\n".join(out)


# --- pictures ---


def coverage_svg(summary: Summary) -> str:
    """Rows: the brief's sentences; columns: the documents; a cell is filled where that document
    carries the sentence's content (dark: the sentence's own source)."""
    docs = summary.documents
    rows = summary.sentences
    if not rows or not docs:
        return '<p class="empty">No coverage to show.</p>'
    cell_w, cell_h, left, top = 34, 24, 44, 120
    width = left + cell_w * len(docs) + 10
    height = top + cell_h * len(rows) + 10
    parts = [
        f'<svg class="coverage" xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="Coverage matrix: which documents carry each sentence of the brief">'
    ]
    for d_index, doc in enumerate(docs):
        x = left + d_index * cell_w + cell_w / 2
        parts.append(
            f'<text class="col-label" x="{x:.0f}" y="{top - 8}" transform="rotate(-50 {x:.0f} {top - 8})" '
            f'font-size="11" fill="#333"><title>{_e(doc.title or doc.id)}</title>{_e(_short(doc.id, 18))}</text>'
        )
    for r_index, sentence in enumerate(rows):
        y = top + r_index * cell_h
        parts.append(
            f'<text class="row-label" x="{left - 8}" y="{y + cell_h / 2 + 4:.0f}" text-anchor="end" font-size="12" '
            f'fill="#333">{r_index + 1}</text>'
        )
        carrying = set(sentence.corroborated_by)
        for d_index, doc in enumerate(docs):
            if doc.id == sentence.source:
                fill, state = SOURCE_FILL, "source"
            elif doc.id in carrying:
                fill, state = CARRIES_FILL, "carries"
            else:
                fill, state = EMPTY_FILL, "absent"
            x = left + d_index * cell_w
            label = {"source": "source of", "carries": "carries", "absent": "does not carry"}[state]
            parts.append(
                f'<rect class="cell cell-{state}" x="{x + 1}" y="{y + 1}" width="{cell_w - 2}" height="{cell_h - 2}" '
                f'rx="3" fill="{fill}"><title>{_e(doc.id)} {label} sentence {r_index + 1}</title></rect>'
            )
    parts.append("</svg>")
    legend = (
        '<p class="legend"><span class="swatch" style="background:' + SOURCE_FILL + '"></span> source '
        '<span class="swatch" style="background:' + CARRIES_FILL + '"></span> carries the content '
        '<span class="swatch" style="background:' + EMPTY_FILL + '"></span> not carried</p>'
    )
    return "".join(parts) + legend


def _as_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def timeline_svg(summary: Summary) -> str:
    """A strip of the event's dated happenings: one dot per day (sized by how many), numbered
    like the list below it."""
    events = [(d, e) for e in summary.timeline if (d := _as_date(e.date))]
    if not events:
        return '<p class="empty">No dated events found in the reports.</p>'
    days = sorted({d for d, _ in events})
    width, height, pad = 640, 90, 50
    span = (days[-1] - days[0]).days

    def x_of(day: dt.date) -> float:
        if span == 0:
            return width / 2
        return pad + (width - 2 * pad) * (day - days[0]).days / span

    parts = [
        f'<svg class="timeline-strip" xmlns="http://www.w3.org/2000/svg" role="img" width="100%" '
        f'viewBox="0 0 {width} {height}" aria-label="Timeline of the event">',
        f'<line x1="{pad / 2}" y1="40" x2="{width - pad / 2}" y2="40" stroke="#999" stroke-width="2"/>',
    ]
    numbered = 0
    for day in days:
        on_day = [e for d, e in events if d == day]
        first, numbered = numbered + 1, numbered + len(on_day)
        numbers = f"{first}" if first == numbered else f"{first}–{numbered}"
        radius = min(6 + 2 * len(on_day), 18)
        x = x_of(day)
        tip = "; ".join(_short(e.text, 90) for e in on_day)
        parts.append(
            f'<g class="day"><circle cx="{x:.0f}" cy="40" r="{radius}" fill="{SOURCE_FILL}" opacity="0.85">'
            f"<title>{_e(day.isoformat())}: {_e(tip)}</title></circle>"
            f'<text x="{x:.0f}" y="{40 - radius - 6}" text-anchor="middle" font-size="11" fill="#333">{_e(numbers)}</text>'
            f'<text x="{x:.0f}" y="78" text-anchor="middle" font-size="12" fill="#333">{_e(day.isoformat())}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


# --- the view ---


def render_view(summary: Summary) -> str:
    """The HTML fragment of a brief (no ``<html>``/``<head>``): what the web page inserts."""
    docs = summary.documents
    total = summary.outlet_count or len(docs)
    doc_index = {d.id: i for i, d in enumerate(docs)}
    marks: dict[int, list[tuple[int, int, int, int]]] = {}
    located: set[int] = set()
    for number, sentence in enumerate(summary.sentences, 1):
        index = doc_index.get(sentence.source)
        if index is None:
            continue
        where = _locate(docs[index], sentence)
        if where:
            marks.setdefault(index, []).append((*where, number))
            located.add(number)

    out = ['<div class="chorus-view">']
    out.append(
        f'<p class="overview">{_plural(len(summary.sentences), "sentence")}, {_plural(summary.words, "word")} from '
        f"{_plural(len(docs), 'document')} ({_plural(total, 'independent outlet')})"
        + (f"; query: <q>{_e(summary.query)}</q>" if summary.query else "")
        + "</p>"
    )

    out.append('<section class="brief"><h2>Brief</h2>')
    if not summary.sentences:
        out.append('<p class="empty">No summary: the input has no usable sentences.</p>')
    else:
        out.append('<ol class="brief-sentences">')
        for number, s in enumerate(summary.sentences, 1):
            count = s.corroboration_count
            others = [d for d in s.corroborated_by if d != s.source]
            href = f"#m{number}" if number in located else f"#doc-{doc_index.get(s.source, 0)}"
            also = f'; also <span class="also">{", ".join(f"<cite>{_e(d)}</cite>" for d in others)}</span>' if others else ""
            out.append(
                f'<li class="brief-sentence" id="s{number}" data-sentence="{number}">'
                f'<a class="sentence-link" href="{href}" data-target="{href[1:]}" '
                f'data-doc="doc-{doc_index.get(s.source, 0)}">{_e(s.text)}</a> '
                f'<span class="corroboration" data-count="{count}" title="independent outlets carrying this content">'
                f"{count} of {total} outlets</span> "
                f'<span class="sources">source: <cite>{_e(s.source)}</cite>{also}</span></li>'
            )
        out.append("</ol>")
    out.append("</section>")

    out.append('<section class="pictures"><div class="picture"><h2>Coverage</h2>')
    out.append(coverage_svg(summary))
    out.append('</div><div class="picture"><h2>Timeline</h2>')
    out.append(timeline_svg(summary))
    if summary.timeline:
        out.append('<ol class="timeline-events">')
        for event in summary.timeline:
            sources = ", ".join(f"<cite>{_e(d)}</cite>" for d in event.sources)
            out.append(f'<li><time>{_e(event.date)}</time> {_e(event.text)} <span class="sources">{sources}</span></li>')
        out.append("</ol>")
    out.append("</div></section>")

    if summary.disagreements:
        out.append('<section class="disagreements"><h2>Where sources differ</h2><ul>')
        for disagreement in summary.disagreements:
            out.append(f'<li class="disagreement"><strong class="about">{_e(disagreement.about)}</strong><ul>')
            for claim in disagreement.claims:
                sources = ", ".join(f"<cite>{_e(d)}</cite>" for d in claim.sources)
                out.append(f'<li class="claim"><q>{_e(claim.text)}</q> <span class="sources">{sources}</span></li>')
            out.append("</ul></li>")
        out.append("</ul></section>")

    if summary.quotes:
        out.append('<section class="quotes"><h2>Quotes</h2><ul>')
        for quote in summary.quotes[:15]:
            speaker = _e(quote.speaker) if quote.speaker else '<span class="unknown">unnamed speaker</span>'
            out.append(
                f'<li class="quote"><span class="speaker">{speaker}</span>: <q>{_e(quote.text)}</q> '
                f'<span class="count">{_plural(len(quote.sources), "source")}</span></li>'
            )
        out.append("</ul></section>")

    if summary.entities:
        out.append('<section class="entities"><h2>People, places, organisations</h2><ul class="entity-list">')
        for entity in summary.entities[:40]:
            variants = (
                f' <span class="variants">also {", ".join(_e(v) for v in entity.variants)}</span>' if entity.variants else ""
            )
            out.append(
                f'<li class="entity entity-{_e(entity.kind)}"><span class="entity-name">{_e(entity.name)}</span> '
                f'<span class="kind">{_e(entity.kind)}</span>{variants} '
                f'<span class="count">{_plural(len(entity.sources), "source")}, {_plural(entity.mentions, "mention")}</span></li>'
            )
        out.append("</ul></section>")

    out.append('<section class="source-articles"><h2>Sources</h2>')
    for index, doc in enumerate(docs):
        cited = [n for n, s in enumerate(summary.sentences, 1) if s.source == doc.id]
        carried = sum(doc.id in s.corroborated_by for s in summary.sentences)
        meta = ", ".join(x for x in (doc.date, _plural(doc.words, "word")) if x)
        out.append(
            f'<details class="source" id="doc-{index}" data-doc-id="{_e(doc.id)}"><summary>'
            f'<cite>{_e(doc.id)}</cite> <span class="title">{_e(doc.title or "(untitled)")}</span> '
            f'<span class="meta">{_e(meta)}; source of {_plural(len(cited), "brief sentence")}, '
            f"carries {carried} of {len(summary.sentences)}</span></summary>"
            f'<div class="article">{_article(doc, marks.get(index, []))}</div></details>'
        )
    out.append("</section></div>")
    return "\n".join(out)


def _asset(name: str) -> str:
    return (resources.files("chorus") / "web" / name).read_text(encoding="utf-8")


def prefix_ids(view: str, prefix: str) -> str:
    """Make one story's element ids unique in a page holding several stories."""
    view = re.sub(r'\b(id|data-target)="((?:m|s)\d+|doc-\d+)"', rf'\1="{prefix}\2"', view)
    return re.sub(r'href="#((?:m|s)\d+|doc-\d+)"', rf'href="#{prefix}\1"', view)


def render_digest_view(result: Digest) -> str:
    """The digest as an HTML fragment: a section per story with its full view (ids unique)."""
    sections = [
        f'<section class="story" id="{_e(story.story.id)}"><h2>{rank}. {_e(story.story.title or "Untitled story")}'
        f'</h2><p class="story-meta">{story.story.size} reports, {story.outlets} independent outlets</p>'
        f"{prefix_ids(render_view(story.summary), f'k{rank}-')}</section>"
        for rank, story in enumerate(result.stories, 1)
    ]
    return f'<div class="digest"><p class="digest-meta">{len(result.stories)} stories</p>{"".join(sections)}</div>'


def digest_to_html(result: Digest, title: str = "Chorus digest") -> str:
    """The digest as one self-contained HTML page (the web page's digest view)."""
    return _page(title, render_digest_view(result))


def to_html(summary: Summary, title: str = "Chorus brief") -> str:
    """One self-contained HTML page of the brief: inline CSS, inline SVG, inline script; no CDN."""
    return _page(title, render_view(summary))


def _page(title: str, body: str) -> str:
    script = _asset("view.js").replace("</", "<\\/")
    return (
        "<!doctype html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_asset('app.css')}</style></head>\n"
        f'<body><main class="report"><h1>{_e(title)}</h1>\n{body}\n</main>'
        f"<script>{script}</script></body></html>\n"
    )
