"""``chorus cluster`` and ``chorus digest``: stories from a stream of mixed reports.

    chorus cluster PATH... [--format jsonl|json|text] [-o FILE]
    chorus digest PATH... [--words 80] [--format markdown|json] [-o FILE]

Inputs are everything ``chorus summarize`` reads (flattened: every report of every cluster), plus
RSS/Atom feed files (``.xml``, ``.rss``, ``.atom``, or any file that looks like a feed).
``chorus.cli`` adds these commands with ``add_commands``; errors are ``ChorusInputError``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
from pathlib import Path

from chorus.errors import ChorusInputError
from chorus.models import Document

log = logging.getLogger("chorus")


def add_commands(subparsers) -> None:
    """Add ``cluster`` and ``digest`` to the ``chorus`` subcommands (``set_defaults(handler=...)``)."""
    cluster_cmd = subparsers.add_parser("cluster", help="group mixed reports into stories (one per event)")
    cluster_cmd.add_argument("paths", nargs="+", help="files or folders (.txt .md .html .json .jsonl, RSS/Atom feeds), or -")
    cluster_cmd.add_argument("--format", choices=["jsonl", "json", "text"], default="jsonl")
    cluster_cmd.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    cluster_cmd.add_argument("--threshold", type=float, default=None, help="fixed similarity cut (default: calibrated)")
    cluster_cmd.add_argument("--quiet", action="store_true", help="no warnings")
    cluster_cmd.set_defaults(handler=run_cluster)

    digest_cmd = subparsers.add_parser("digest", help="group mixed reports into stories and brief each story")
    digest_cmd.add_argument("paths", nargs="+", help="files or folders (.txt .md .html .json .jsonl, RSS/Atom feeds), or -")
    digest_cmd.add_argument("--words", type=int, default=80, help="word budget of each brief (default 80)")
    digest_cmd.add_argument("--format", choices=["markdown", "json"], default="markdown")
    digest_cmd.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    digest_cmd.add_argument("--threshold", type=float, default=None, help="fixed similarity cut (default: calibrated)")
    digest_cmd.add_argument("--brief-only", action="store_true", help="skip entities, quotes, disagreements and timeline")
    digest_cmd.add_argument("--quiet", action="store_true", help="no progress bar or warnings")
    digest_cmd.set_defaults(handler=run_digest)


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
    from chorus.cluster import cluster_documents

    options = _cluster_options(args)
    documents = load_documents(args.paths)
    stories = cluster_documents(documents, options)
    fmt = getattr(args, "format", "jsonl")
    if fmt == "jsonl":
        story_of = {index: story for story in stories for index in story.documents}
        lines = [
            json.dumps({"id": doc.id, "story": story_of[i].id, "title": doc.title or story_of[i].title}, ensure_ascii=False)
            for i, doc in enumerate(documents)
        ]
        text = "\n".join(lines) + "\n"
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


def run_digest(args: argparse.Namespace) -> int:
    """``chorus digest``: cluster, brief every story, rank by independent outlets."""
    from tqdm import tqdm

    from chorus.digest import digest, to_markdown
    from chorus.options import SummaryOptions

    words = getattr(args, "words", 80)
    if words < 1:
        raise ChorusInputError(f"--words must be at least 1, got {words}")
    options = SummaryOptions(words=words, cross_source=not getattr(args, "brief_only", False))
    documents = load_documents(args.paths)
    quiet = getattr(args, "quiet", False)

    def progress(stories):
        return tqdm(stories, desc="stories", unit="story", file=sys.stderr, disable=quiet or len(stories) <= 20)

    result = digest(documents, options=options, cluster_options=_cluster_options(args), progress=progress)
    if getattr(args, "format", "markdown") == "json":
        text = json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    else:
        text = to_markdown(result)
    write_output(getattr(args, "output", "-"), text)
    return 0


def write_output(output: str, text: str) -> None:
    """Write to stdout (``-``) or atomically to a file (a temporary file renamed at the end)."""
    if output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    path = Path(output)
    if path.is_dir():
        raise ChorusInputError(f"{output}: is a folder, give a file name")
    try:
        handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent or ".", delete=False, prefix=f".{path.name}.")
    except OSError as error:
        raise ChorusInputError(f"{output}: cannot write ({error.strerror})") from None
    with handle:
        handle.write(text)
    os.replace(handle.name, path)


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry point until ``chorus.cli`` wires the commands in: ``python -m chorus.cli_stories``."""
    parser = argparse.ArgumentParser(prog="chorus")
    add_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    logging.basicConfig(format="chorus: warning: %(message)s", level=logging.ERROR if args.quiet else logging.WARNING)
    try:
        return args.handler(args)
    except (ChorusInputError, ValueError) as error:
        print(f"chorus: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
