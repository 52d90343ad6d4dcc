"""Read RSS and Atom feed files into ``Document`` objects (with feedparser).

Each entry becomes one report: its title, its publication date (ISO ``YYYY-MM-DD HH:MM``), its id
(the entry's guid, else its link), the outlet (the feed's title, else its link's host) as
``source``, and its text: the longest of the entry's content and summary, HTML stripped.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from chorus.errors import ChorusInputError
from chorus.models import Document

FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
_FEED_HINT = re.compile(rb"<\s*(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_BLOCKS = re.compile(r"<\s*/?\s*(?:p|br|div|li|h[1-6]|blockquote|tr)\b[^>]*>", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]+>")
_INVISIBLE = re.compile(r"<\s*(script|style)\b.*?<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL)


def looks_like_feed(data: bytes) -> bool:
    """True when the bytes start like an RSS or Atom document."""
    return bool(_FEED_HINT.search(data[:4096]))


def html_to_text(markup: str) -> str:
    """Text of an HTML fragment: block tags become paragraph breaks, other tags are dropped."""
    text = _INVISIBLE.sub(" ", markup)
    text = html.unescape(_TAGS.sub(" ", _BLOCKS.sub("\n\n", text)))
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def _iso(parsed) -> str:
    if not parsed:
        return ""
    return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d} {parsed.tm_hour:02d}:{parsed.tm_min:02d}"


def parse_feed(data: bytes | str, name: str = "feed") -> list[Document]:
    """Documents of the entries of an RSS or Atom feed (entries without any text are skipped).

    Raises:
        ChorusInputError: when the data is not a feed or holds no entry with text.
    """
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = f" ({parsed.bozo_exception})" if getattr(parsed, "bozo", False) and parsed.get("bozo_exception") else ""
        raise ChorusInputError(f"{name}: not an RSS/Atom feed or no entries{reason}")
    feed = parsed.feed
    outlet = feed.get("title") or ""
    if not outlet and feed.get("link"):
        outlet = re.sub(r"^[a-z]+://(?:www\.)?([^/]+).*$", r"\1", feed.get("link"), flags=re.IGNORECASE)
    outlet = outlet or Path(name).stem
    documents = []
    for index, entry in enumerate(parsed.entries):
        bodies = [c.get("value", "") for c in entry.get("content", []) or []]
        bodies.append(entry.get("summary", "") or "")
        texts = [html_to_text(b) for b in bodies if b]
        text = max(texts, key=len, default="")
        title = html_to_text(entry.get("title", "") or "").replace("\n", " ")
        if not text.strip() and not title.strip():
            continue
        entry_id = entry.get("id") or entry.get("link") or f"{Path(name).stem}-{index + 1}"
        date = _iso(entry.get("published_parsed") or entry.get("updated_parsed"))
        source = outlet if not entry.get("source", {}).get("title") else entry["source"]["title"]
        documents.append(Document(text=text or title, id=str(entry_id), title=title, date=date, source=source))
    if not documents:
        raise ChorusInputError(f"{name}: the feed has no entry with text")
    return documents


def read_feed(path: str | Path) -> list[Document]:
    """Documents of a feed file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ChorusInputError(f"{path}: {error.strerror or error}") from None
    return parse_feed(data, str(path))
