"""Read reports from files, folders, JSON/JSONL and stdin into ``Document`` and ``Cluster`` objects.

Everything that touches bytes lives here: encoding detection, binary rejection, HTML extraction
(trafilatura), the shared JSON schema. Bad files are skipped with a warning on the ``chorus``
logger; an input that yields nothing raises ``ChorusInputError`` with a one-line message.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from chorus.errors import ChorusInputError
from chorus.models import Cluster, Document

log = logging.getLogger("chorus")
# Bad lines of one JSONL file warned about one by one; the rest are counted in one line.
_MAX_WARNINGS = 5

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES

_DATE_LABEL = r"^\s*(?:date|published|posted|updated)\s*:?\s*"
_DATE_LINE = re.compile(_DATE_LABEL + r"(\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?)\s*", re.IGNORECASE)
# A whole line giving the date in another form: "Published: April 30, 2019", "Date: Tue, 30 Apr 2019 14:00:00 GMT".
_DATE_LABEL_LINE = re.compile(_DATE_LABEL + r"(\S.{5,40}?)\s*$", re.IGNORECASE)
_ISO_START = re.compile(r"^\d{4}-\d{2}-\d{2}")
_HTML_HINT = re.compile(rb"<\s*(?:!doctype\s+html|html|body|article|div|p)[\s>]", re.IGNORECASE)


_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::\d{2})?)?\s*$")
_ISO_WITH_TIME = re.compile(r"\d[T ]\d")
_WRITTEN_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y")


# The document ids of LDC's newswire corpora (DUC, TAC, TDT, AQUAINT, Gigaword) carry the publication day:
# "NYT19980612.0403", "APW19981016.0240", "AFP_ENG_19940512.0004".
_LDC_ID = re.compile(r"(?<![A-Za-z0-9])(?:[A-Z]{3}_[A-Z]{3}_|[A-Z]{2,4})((?:19|20)\d\d)(\d\d)(\d\d)\.\d{4}(?![0-9])")


def date_from_id(document_id: str) -> str:
    """The ``YYYY-MM-DD`` publication day an LDC newswire id carries (``NYT19980612.0403``, also inside a longer id:
    ``d30001t-APW19981016.0240``), else ""."""
    match = _LDC_ID.search(document_id)
    if not match:
        return ""
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return ""


def iso_date(value: object) -> str:
    """A publication date as ``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM``, from the forms news data carries: ISO 8601
    (``2019-04-30T14:00:00Z``), RFC 2822 (``Tue, 30 Apr 2019 14:00:00 GMT``), ``04/30/2019 14:00:00`` (month
    first, as US newswire writes it, unless the first number cannot be a month), ``April 30, 2019``, and a JSON
    number: seconds (or milliseconds) since 1970, UTC, or a ``19980612`` day. Any other text is returned as given
    (stripped): the report keeps it, dated features ignore it; anything else (a list, an object, a number out of
    range) gives ""."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, int) and 19000101 <= value <= 21001231:  # 19980612 is a day, not seconds of 1970
            day = iso_date(str(value))
            return day if _ISO_START.match(day) else ""
        seconds = value / 1000 if abs(value) >= 1e11 else value
        if not 1e8 < seconds < 4e9:  # 1973 to 2096: smaller numbers are no timestamps of news
            return ""
        return _iso(dt.datetime.fromtimestamp(seconds, tz=dt.UTC), True)
    if not isinstance(value, str):
        return ""
    text = value.strip()
    if not text:
        return ""
    stamp: dt.datetime | None = None
    has_time = True
    try:
        stamp = dt.datetime.fromisoformat(text)
        has_time = bool(_ISO_WITH_TIME.search(text))
    except ValueError:
        pass
    if stamp is None and (match := _NUMERIC_DATE.match(text)):
        first, second, year, hour, minute = match.groups()
        month, day = (int(first), int(second)) if int(first) <= 12 else (int(second), int(first))
        try:
            stamp = dt.datetime(int(year), month, day, int(hour or 0), int(minute or 0))
            has_time = hour is not None
        except ValueError:
            return text
    if stamp is None:
        try:
            stamp = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):  # the stdlib parser's ways of saying "not a date"
            pass
    if stamp is None:
        for form in _WRITTEN_DATE_FORMATS:
            try:
                stamp, has_time = dt.datetime.strptime(text, form), False
                break
            except ValueError:
                continue
    if stamp is None:
        return text
    return _iso(stamp, has_time)


def _iso(stamp: dt.datetime, has_time: bool) -> str:
    day = f"{stamp.year:04d}-{stamp.month:02d}-{stamp.day:02d}"  # strftime leaves years before 1000 unpadded
    return f"{day} {stamp.hour:02d}:{stamp.minute:02d}" if has_time else day


def decode(data: bytes, name: str = "input") -> str:
    """Decode bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else a detected charset.

    Raises:
        ChorusInputError: for binary data (NUL bytes or mostly control characters).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    sample = data[:8192]
    if b"\x00" in sample or _control_ratio(sample) > 0.05:
        raise ChorusInputError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Western European text in cp1252/Latin-1 is the common case and short samples fool charset
    # detectors ("café" read as mac_latin2): accept cp1252 when its non-ASCII output is letters.
    try:
        western = data.decode("cp1252")
        non_ascii = [ch for ch in western if ord(ch) > 127]
        if non_ascii and sum(ch.isalpha() and "À" <= ch <= "ÿ" for ch in non_ascii) >= 0.8 * len(non_ascii):
            return western
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None:
            return str(best)
    except ImportError:  # pragma: no cover - charset_normalizer is a dependency
        pass
    return data.decode("cp1252", errors="replace")


def _control_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls / len(sample)


def document_from_text(text: str, id: str = "", source: str = "", title: str = "", date: str = "") -> Document:
    """A document from plain text: a short first line without a full stop is the headline, and a
    ``date 2019-04-30`` / ``Published: 2019-04-30`` line near the top gives the date."""
    lines = text.strip("\n").split("\n")
    head = 0
    # The date may sit on its own line or prefix the headline (" date 2019-04-30 Headline").
    for index in range(min(3, len(lines))):
        match = _DATE_LINE.match(lines[index])
        written = _DATE_LABEL_LINE.match(lines[index]) if not match else None
        read = iso_date(written.group(1)) if written else ""
        if _ISO_START.match(read):
            date = date or read
            lines[index] = ""
        elif match:
            date = date or match.group(1)
            lines[index] = lines[index][match.end() :]
            if not lines[index].strip() and index == head:
                head += 1
    while head < len(lines) and not lines[head].strip():
        head += 1
    if not title and head < len(lines) and _looks_like_headline(lines[head], lines[head + 1 :]):
        title = lines[head].strip()
        head += 1
    body = "\n".join(lines[head:]).strip()
    return Document(text=body, id=id, title=title, date=date or date_from_id(id), source=source)


def _looks_like_headline(line: str, rest: list[str]) -> bool:
    words = line.split()
    if not 2 <= len(words) <= 30 or not any(r.strip() for r in rest):
        return False
    return not line.rstrip().endswith((".", '?"', '."', ".”", ",", ";", ":"))


def document_from_html(markup: str, id: str = "", source: str = "") -> Document:
    """Main text, title and date of an HTML page, extracted with trafilatura (falls back to lxml's
    text when trafilatura finds no main content)."""
    import trafilatura

    text = ""
    title = ""
    date = ""
    try:
        extracted = trafilatura.bare_extraction(markup, include_comments=False, with_metadata=True)
    except Exception as error:  # trafilatura raises assorted errors on garbage markup
        log.debug("trafilatura failed on %s: %s", id, error)
        extracted = None
    if extracted is not None:
        data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
        text = data.get("text") or ""
        title = data.get("title") or ""
        date = data.get("date") or ""
    if not text.strip():
        text = _html_to_text(markup)
    return Document(text=text, id=id, title=title, date=date, source=source)


def _html_to_text(markup: str) -> str:
    try:
        import lxml.html

        tree = lxml.html.fromstring(markup)
        for bad in tree.xpath("//script|//style|//nav|//footer|//header"):
            bad.drop_tree()
        return tree.text_content()
    except Exception:  # not parseable as HTML: strip tags crudely
        return re.sub(r"<[^>]+>", " ", markup)


def document_from_mapping(item: dict, fallback_id: str) -> Document:
    """A document from ``{"text" or "html", "id", "title", "date", "source" or "url"}`` (a JSON/JSONL line, an HTTP
    request's item): ``date`` read by ``iso_date``, else from the HTML page or an LDC id (``date_from_id``)."""
    text = item.get("text")
    markup = item.get("html")
    if not isinstance(text, str) and isinstance(markup, str):
        doc = document_from_html(markup, id=str(item.get("id") or fallback_id))
        return Document(
            text=doc.text,
            id=doc.id,
            title=str(item.get("title") or doc.title),
            date=iso_date(item.get("date")) or doc.date,
            source=str(item.get("source") or ""),
        )
    if not isinstance(text, str):
        raise ChorusInputError("a document needs a 'text' (or 'html') string")
    document_id = str(item.get("id") or fallback_id)
    return Document(
        text=text,
        id=document_id,
        title=str(item.get("title") or ""),
        date=iso_date(item.get("date")) or date_from_id(document_id),
        source=str(item.get("source") or item.get("url") or ""),
    )


def cluster_from_mapping(item: dict, fallback_id: str) -> Cluster:
    """A cluster from the shared schema ``{"id", "query", "documents": [...], "references": [...]}``."""
    documents = item.get("documents")
    if not isinstance(documents, list):
        raise ChorusInputError(f"{fallback_id}: 'documents' must be a list")
    cluster_id = str(item.get("id") or fallback_id)
    docs: list[Document] = []
    for i, d in enumerate(documents):
        doc_id = f"{cluster_id}-{i}"
        try:
            docs.append(document_from_mapping(d, doc_id) if isinstance(d, dict) else Document(text=str(d), id=doc_id))
        except ChorusInputError as error:
            raise ChorusInputError(f"{cluster_id}, document {i}: {error}") from None
    references = [str(r) for r in item.get("references") or [] if isinstance(r, str)]
    return Cluster(documents=docs, id=cluster_id, query=str(item.get("query") or ""), references=references, explicit=True)


def parse_json(text: str, name: str) -> list[Cluster]:
    """Clusters from JSON or JSON Lines text.

    Accepted shapes: a cluster object; a document object; a list of either; one per line (JSONL).
    Lines holding documents form one cluster; lines holding clusters stay separate clusters. A bad line or
    item (broken JSON, a document with no text) is skipped with a warning naming it, and the rest is kept:
    one truncated line must not lose a feed of thousands.

    Raises:
        ChorusInputError: when no line or item is usable (the message names the first bad one).
    """
    text = text.strip()
    if not text:
        return []
    items: list[tuple[str, object]] = []  # (where it is, for messages; the parsed item)
    problems: list[str] = []
    try:
        parsed = json.loads(text)
        items = [(f"item {index}", item) for index, item in enumerate(parsed if isinstance(parsed, list) else [parsed])]
    except json.JSONDecodeError:
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                items.append((f"line {number}", json.loads(line)))
            except json.JSONDecodeError as error:
                problems.append(f"{name}, line {number}: invalid JSON ({error.msg})")
    clusters: list[Cluster] = []
    loose: list[Document] = []
    for index, (where, item) in enumerate(items):
        fallback_id = f"{Path(name).stem}-{index}"
        try:
            if isinstance(item, dict) and "documents" in item:
                clusters.append(cluster_from_mapping(item, fallback_id))
            elif isinstance(item, dict):
                loose.append(document_from_mapping(item, fallback_id))
            elif isinstance(item, str):
                loose.append(Document(text=item, id=fallback_id))
            else:
                raise ChorusInputError("neither a document nor a cluster")
        except ChorusInputError as error:
            problems.append(f"{name}, {where}: {error}")
    if problems and not clusters and not loose:
        raise ChorusInputError(problems[0] + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""))
    for problem in problems[:_MAX_WARNINGS]:
        log.warning("skipped %s", problem)
    if len(problems) > _MAX_WARNINGS:
        log.warning("skipped %d more bad lines or items of %s", len(problems) - _MAX_WARNINGS, name)
    if loose:
        clusters.append(Cluster(documents=loose, id=Path(name).stem))
    return clusters


def parse_bytes(data: bytes, name: str, suffix: str | None = None) -> list[Cluster]:
    """Clusters from the bytes of one file (or stdin), by suffix, sniffing HTML and JSON."""
    suffix = (suffix if suffix is not None else Path(name).suffix).lower()
    text = decode(data, name)
    if not text.strip():
        return []
    stripped = text.lstrip()
    if suffix in JSON_SUFFIXES or (suffix not in HTML_SUFFIXES and stripped[:1] in "{[" and _is_json(stripped)):
        return parse_json(text, name)
    # a number after the dot is part of the name, not a file type: "NYT19980612.0403", "report.2"
    doc_id = "stdin" if name == "-" else Path(name).name if suffix[1:].isdigit() else Path(name).stem
    if suffix in HTML_SUFFIXES or _HTML_HINT.search(data[:4096]):
        document = document_from_html(text, id=doc_id, source=name)
    else:
        document = document_from_text(text, id=doc_id, source=name)
    return [Cluster(documents=[document], id=doc_id)]


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
        return True
    except json.JSONDecodeError:
        first = text.split("\n", 1)[0]
        try:
            json.loads(first)
            return True
        except json.JSONDecodeError:
            return False


# A folder's notes about itself are not reports (a file named so is still read when given by name).
_FOLDER_NOTES = frozenset({"readme", "license", "licence", "changelog", "contributing", "notice", "authors"})


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | str]:
    """Expand folders (recursively, sorted, readable suffixes only, hidden files and a folder's own notes such as
    ``README.md`` left out); ``-`` passes through as stdin."""
    for path in paths:
        if str(path) == "-":
            yield "-"
            continue
        path = Path(path)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in READABLE_SUFFIXES
                and not p.name.startswith(".")
                and p.stem.lower() not in _FOLDER_NOTES
            )
            if not files:
                raise ChorusInputError(f"{path}: no readable files (.txt, .md, .html, .json, .jsonl) in this folder")
            yield from files
        elif path.is_file():
            yield path
        else:
            raise ChorusInputError(f"{path}: no such file or folder")


def load(paths: Iterable[str | Path]) -> list[Cluster]:
    """Read every path into clusters.

    Plain-text and HTML files join one cluster (the reports of one event); each cluster-shaped JSON
    object or JSONL line stays its own cluster. Unreadable files are skipped with a warning.

    Raises:
        ChorusInputError: when nothing readable is left.
    """
    paths = list(paths)
    if not paths:
        raise ChorusInputError("no input given: pass files, folders or - for stdin")
    clusters: list[Cluster] = []
    singles: list[Document] = []
    skipped = 0
    for path in iter_files(paths):
        name = str(path)
        try:
            data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
            parsed = parse_bytes(data, name)
        except ChorusInputError as error:
            log.warning("skipped %s", error)
            skipped += 1
            continue
        except OSError as error:
            log.warning("skipped %s: %s", name, error.strerror or error)
            skipped += 1
            continue
        if not parsed:
            log.warning("skipped %s: empty", name)
            skipped += 1
            continue
        for cluster in parsed:
            if cluster.explicit:
                clusters.append(cluster)
            else:
                singles.extend(cluster.documents)
    if singles:
        clusters.insert(0, Cluster(documents=singles, id=_common_id(paths)))
    clusters = [c for c in clusters if any(d.text.strip() for d in c.documents)]
    if not clusters:
        what = "the input" if skipped == 0 else f"the input ({skipped} file(s) skipped)"
        raise ChorusInputError(f"no readable text in {what}")
    return _unique_ids(clusters)


def _common_id(paths: list[str | Path]) -> str:
    if len(paths) == 1 and str(paths[0]) != "-":
        return Path(paths[0]).stem or "input"
    return "input"


def _unique_ids(clusters: list[Cluster]) -> list[Cluster]:
    """Give every document a non-empty id unique within its cluster (needed for citations)."""
    for cluster in clusters:
        seen: set[str] = set()
        fixed = []
        for index, doc in enumerate(cluster.documents):
            doc_id = doc.id or f"doc{index + 1}"
            while doc_id in seen:
                doc_id = f"{doc_id}~{index + 1}"
            seen.add(doc_id)
            fixed.append(doc if doc_id == doc.id else Document(doc.text, doc_id, doc.title, doc.date, doc.source))
        cluster.documents = fixed
    return clusters
