"""Turn a ``Summary`` into text, Markdown, JSON or a JSON line. Pure functions, no I/O."""

from __future__ import annotations

import json

from chorus.models import Summary


def to_text(summary: Summary) -> str:
    """The brief as plain text, one sentence per line, each followed by its sources in brackets."""
    if not summary.sentences:
        return "(no summary: the input has no usable sentences)\n"
    lines = []
    total = summary.outlet_count or len(summary.documents)
    for s in summary.sentences:
        lines.append(f"{s.text} [{s.source}; reported by {s.corroboration_count} of {total} sources]")
    return "\n".join(lines) + "\n"


def to_markdown(summary: Summary, title: str = "Brief") -> str:
    """The brief as Markdown: the sentences as a paragraph with numbered citations, then sources."""
    total = summary.outlet_count or len(summary.documents)
    out = [f"# {title}", ""]
    if summary.query:
        out += [f"*Query:* {summary.query}", ""]
    if not summary.sentences:
        return "\n".join([*out, "*(no summary: the input has no usable sentences)*", ""])
    for s in summary.sentences:
        sources = ", ".join(f"`{d}`" for d in s.corroborated_by)
        out.append(f"- {s.text} <sub>({s.corroboration_count} of {total} sources: {sources})</sub>")
    out += markdown_sections(summary)
    out += ["", "## Sources", ""]
    for d in summary.documents:
        label = d.title or "(untitled)"
        date = f", {d.date}" if d.date else ""
        out.append(f"- `{d.id}`: {label}{date} ({d.words} words)")
    return "\n".join(out) + "\n"


def markdown_sections(summary: Summary, quotes: int = 8, entities: int = 15) -> list[str]:
    """The cross-source sections as Markdown lines (empty when the summary has none)."""
    out: list[str] = []
    if summary.disagreements:
        out += ["", "## Where sources differ", ""]
        for disagreement in summary.disagreements:
            out.append(f"- **{disagreement.about}**")
            for claim in disagreement.claims:
                out.append(f"  - “{claim.text}” ({', '.join(f'`{d}`' for d in claim.sources)})")
    if summary.quotes:
        out += ["", "## Key quotes", ""]
        for quote in summary.quotes[:quotes]:
            speaker = quote.speaker or "unnamed speaker"
            out.append(f"- **{speaker}**: “{quote.text}” ({len(quote.sources)} source{'s' * (len(quote.sources) > 1)})")
    if summary.entities:
        out += ["", "## People, places, organisations", ""]
        for entity in summary.entities[:entities]:
            variants = f" (also: {', '.join(entity.variants)})" if entity.variants else ""
            out.append(f"- {entity.name}, {entity.kind}{variants}: {len(entity.sources)} sources, {entity.mentions} mentions")
    if summary.timeline:
        out += ["", "## Timeline", ""]
        for event in summary.timeline:
            out.append(f"- {event.date}: {event.text} ({', '.join(f'`{d}`' for d in event.sources)})")
    return out


def to_json(summary: Summary) -> str:
    """The documented JSON object (``Summary.to_dict``), pretty-printed."""
    return json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n"


def to_json_line(summary: Summary, cluster_id: str) -> str:
    """One line of ``--format jsonl``: ``{"id", "summary", "sentences"}`` (a stable contract)."""
    data = summary.to_dict()
    return json.dumps({"id": cluster_id, "summary": data["summary"], "sentences": data["sentences"]}, ensure_ascii=False) + "\n"


def to_html(summary: Summary) -> str:
    """One self-contained HTML page (brief, sources, coverage matrix, timeline, sections)."""
    from chorus.html_report import to_html as report

    return report(summary)


RENDERERS = {"text": to_text, "markdown": to_markdown, "json": to_json, "html": to_html}
