"""``chorus cluster`` and ``chorus digest``: stories from a stream of mixed reports.

    chorus cluster PATH... [--format jsonl|json|text] [-o FILE]
    chorus digest PATH... [--words 80] [--format markdown|json] [-o FILE]
    ... [--store news.db [--changed-only]]   (both: incremental, see ``chorus.store``)

Inputs are everything ``chorus summarize`` reads (flattened: every report of every cluster), plus
RSS/Atom feed files (``.xml``, ``.rss``, ``.atom``, or any file that looks like a feed).
``chorus.cli`` adds these commands with ``add_commands``; errors are ``ChorusInputError``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from chorus.errors import ChorusInputError
from chorus.models import Document
from chorus.output import write_output

log = logging.getLogger("chorus")


def add_commands(subparsers) -> None:
    """Add ``cluster`` and ``digest`` to the ``chorus`` subcommands (``set_defaults(handler=...)``)."""
    cluster_cmd = subparsers.add_parser("cluster", help="group mixed reports into stories (one per event)")
    cluster_cmd.add_argument("paths", nargs="+", help="files or folders (.txt .md .html .json .jsonl, RSS/Atom feeds), or -")
    cluster_cmd.add_argument("--format", choices=["jsonl", "json", "text"], default="jsonl")
    cluster_cmd.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    cluster_cmd.add_argument("--threshold", type=float, default=None, help="fixed similarity cut (default: calibrated)")
    cluster_cmd.add_argument("--quiet", action="store_true", help="no warnings")
    _store_arguments(cluster_cmd)
    cluster_cmd.set_defaults(handler=run_cluster)

    digest_cmd = subparsers.add_parser("digest", help="group mixed reports into stories and brief each story")
    digest_cmd.add_argument("paths", nargs="+", help="files or folders (.txt .md .html .json .jsonl, RSS/Atom feeds), or -")
    digest_cmd.add_argument("--words", type=int, default=80, help="word budget of each brief (default 80)")
    digest_cmd.add_argument("--format", choices=["markdown", "html", "json"], default="markdown")
    digest_cmd.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    digest_cmd.add_argument("--threshold", type=float, default=None, help="fixed similarity cut (default: calibrated)")
    digest_cmd.add_argument("--brief-only", action="store_true", help="skip entities, quotes, disagreements and timeline")
    digest_cmd.add_argument("--quiet", action="store_true", help="no progress bar or warnings")
    digest_cmd.add_argument("--engine", choices=["local", "dask"], default="local", help="where the per-story briefs run")
    digest_cmd.add_argument("--scheduler", default=None, help="Dask scheduler address (default: start a local cluster)")
    _store_arguments(digest_cmd)
    digest_cmd.set_defaults(handler=run_digest)


def _store_arguments(command) -> None:
    command.add_argument("--store", default=None, metavar="PATH", help="keep articles and stories in this SQLite file")
    command.add_argument("--changed-only", action="store_true", help="with --store: only the stories this run touched")


def _stories(args: argparse.Namespace, options):
    """The reports and their stories: clustered from the inputs, or, with ``--store``, the inputs
    added to the store and the store's stories read back (all, or those touched with ``--changed-only``)."""
    from chorus.cluster import Story, cluster_documents, count_outlets

    documents = load_documents(args.paths)
    path = getattr(args, "store", None)
    if not path:
        if getattr(args, "changed_only", False):
            raise ChorusInputError("--changed-only needs --store")
        return documents, cluster_documents(documents, options)
    import sqlite3

    from chorus.store import StoryStore

    try:
        with StoryStore(path) as store:
            result = store.add(documents, options)
            touched = set(result.touched)
            documents, stories = [], []
            for story_id, title, _ in store.stories():
                if getattr(args, "changed_only", False) and story_id not in touched:
                    continue
                members = store.documents(story_id)
                indices = list(range(len(documents), len(documents) + len(members)))
                documents.extend(members)
                stories.append(
                    Story(
                        id=f"story-{len(stories) + 1}",
                        documents=indices,
                        ids=[d.id for d in members],
                        title=title,
                        outlets=count_outlets(members),
                    )
                )
    except sqlite3.Error as error:
        raise ChorusInputError(f"{path}: store error ({error})") from None
    duplicates = f"{result.duplicates} duplicate{'s' * (result.duplicates != 1)}"
    if not getattr(args, "quiet", False):
        print(f"chorus: added {result.added}, skipped {duplicates}, {result.new_stories} new stories", file=sys.stderr)
    return documents, stories


def load_documents(paths: list[str]) -> list[Document]:
    """Every report of ``paths`` as one flat list, ids made unique (feeds read with ``chorus.feeds``)."""
    from chorus.feeds import FEED_SUFFIXES, looks_like_feed, parse_feed
    from chorus.ingest import iter_files, load

    if not paths:
        raise ChorusInputError("no input given: pass files, folders or - for stdin")
    documents: list[Document] = []
    others: list[str] = []
    for path in paths:
        if str(path) != "-" and Path(path).is_dir():
            feeds = sorted(p for p in Path(path).rglob("*") if p.is_file() and p.suffix.lower() in FEED_SUFFIXES)
            for feed in feeds:
                documents.extend(_read_feed(feed, parse_feed))
            if any(p.is_file() and not p.name.startswith(".") for p in Path(path).rglob("*") if p not in set(feeds)):
                try:
                    next(iter_files([path]))
                    others.append(str(path))
                except ChorusInputError:
                    if not feeds:
                        raise
            elif not feeds:
                raise ChorusInputError(f"{path}: no readable files in this folder")
            continue
        if str(path) != "-" and Path(path).is_file():
            suffix = Path(path).suffix.lower()
            head = Path(path).read_bytes()[:4096] if suffix in FEED_SUFFIXES or suffix not in {".json", ".jsonl"} else b""
            if suffix in FEED_SUFFIXES or looks_like_feed(head):
                documents.extend(_read_feed(Path(path), parse_feed))
                continue
        others.append(str(path))
    if others:
        try:
            for cluster in load(others):
                documents.extend(cluster.documents)
        except ChorusInputError:
            if not documents:
                raise
    documents = [d for d in documents if d.text.strip() or d.title.strip()]
    if not documents:
        raise ChorusInputError("no readable text in the input")
    return _unique_ids(documents)


def _read_feed(path: Path, parse_feed) -> list[Document]:
    try:
        return parse_feed(path.read_bytes(), str(path))
    except ChorusInputError as error:
        log.warning("skipped %s", error)
        return []
    except OSError as error:
        log.warning("skipped %s: %s", path, error.strerror or error)
        return []


def _unique_ids(documents: list[Document]) -> list[Document]:
    seen: set[str] = set()
    out = []
    for index, doc in enumerate(documents):
        doc_id = doc.id or f"doc{index + 1}"
        while doc_id in seen:
            doc_id = f"{doc_id}~{index + 1}"
        seen.add(doc_id)
        out.append(doc if doc_id == doc.id else Document(doc.text, doc_id, doc.title, doc.date, doc.source))
    return out


def _cluster_options(args: argparse.Namespace):
    from chorus.cluster import ClusterOptions

    threshold = getattr(args, "threshold", None)
    if threshold is not None and not 0 < threshold <= 1:
        raise ChorusInputError(f"--threshold must be in (0, 1], got {threshold}")
    return ClusterOptions(threshold=threshold)


def run_cluster(args: argparse.Namespace) -> int:
    """``chorus cluster``: one line per report (jsonl), the stories (json) or a readable list (text)."""
    options = _cluster_options(args)
    documents, stories = _stories(args, options)
    fmt = getattr(args, "format", "jsonl")
    if fmt == "jsonl":
        story_of = {index: story for story in stories for index in story.documents}
        lines = [
            json.dumps({"id": doc.id, "story": story_of[i].id, "title": doc.title or story_of[i].title}, ensure_ascii=False)
            for i, doc in enumerate(documents)
        ]
        text = "".join(line + "\n" for line in lines)
    elif fmt == "json":
        payload = {
            "stories": [{"id": s.id, "title": s.title, "size": s.size, "outlets": s.outlets, "documents": s.ids} for s in stories]
        }
        text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    else:
        out = [f"{len(stories)} stories from {len(documents)} reports", ""]
        for story in stories:
            out.append(
                f"{story.id}  {story.size} report{'s' * (story.size != 1)}, {story.outlets} outlet{'s' * (story.outlets != 1)}"
            )
            out.append(f"    {story.title or '(untitled)'}")
            for index in story.documents[:10]:
                doc = documents[index]
                out.append(f"      - {doc.id}" + (f": {doc.title}" if doc.title else ""))
            if story.size > 10:
                out.append(f"      ... and {story.size - 10} more")
        text = "\n".join(out) + "\n"
    write_output(getattr(args, "output", "-"), text)
    return 0


def _engine(args: argparse.Namespace) -> dict:
    engine = getattr(args, "engine", "local")
    scheduler = getattr(args, "scheduler", None)
    if scheduler and engine != "dask":
        raise ChorusInputError("--scheduler needs --engine dask")
    return {"engine": engine, "scheduler": scheduler}


def run_digest(args: argparse.Namespace) -> int:
    """``chorus digest``: cluster, brief every story, rank by independent outlets."""
    from tqdm import tqdm

    from chorus.digest import brief_stories, digest, to_markdown
    from chorus.options import SummaryOptions

    words = getattr(args, "words", 80)
    if words < 1:
        raise ChorusInputError(f"--words must be at least 1, got {words}")
    options = SummaryOptions(words=words, cross_source=not getattr(args, "brief_only", False))
    quiet = getattr(args, "quiet", False)

    def progress(stories):
        return tqdm(stories, desc="stories", unit="story", file=sys.stderr, disable=quiet or len(stories) <= 20)

    if getattr(args, "store", None):
        documents, stories = _stories(args, _cluster_options(args))
        result = brief_stories(documents, stories, options=options, progress=progress, **_engine(args))
    else:
        if getattr(args, "changed_only", False):
            raise ChorusInputError("--changed-only needs --store")
        documents = load_documents(args.paths)
        result = digest(documents, options=options, cluster_options=_cluster_options(args), progress=progress, **_engine(args))
    output_format = getattr(args, "format", "markdown")
    if output_format == "json":
        text = json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    elif output_format == "html":
        from chorus.html_report import digest_to_html

        text = digest_to_html(result)
    else:
        text = to_markdown(result)
    write_output(getattr(args, "output", "-"), text)
    return 0
