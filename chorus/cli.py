"""The ``chorus`` command: a thin shell over ``chorus.summarize``.

    chorus summarize PATH... [--words 100] [--query TEXT] [--format text|markdown|json|jsonl] [-o FILE]
    chorus demo
    chorus eval FILE.jsonl [--words N]

Errors in the input print one line (``chorus: error: ...``) and exit with status 2.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from chorus import render
from chorus.errors import ChorusInputError
from chorus.ingest import load
from chorus.models import Cluster
from chorus.options import SummaryOptions
from chorus.output import write_output
from chorus.pipeline import summarize

log = logging.getLogger("chorus")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="chorus", description="Many news reports of one event in, one cited brief out.")
    commands = parser.add_subparsers(dest="command", required=True)

    summarize_cmd = commands.add_parser("summarize", help="summarise reports of one event (or each cluster of a .jsonl)")
    summarize_cmd.add_argument("paths", nargs="+", help="files or folders (.txt .md .html .json .jsonl), or - for stdin")
    _add_brief_options(summarize_cmd)

    demo_cmd = commands.add_parser("demo", help="summarise the invented demo reports that ship with Chorus")
    _add_brief_options(demo_cmd)

    from chorus import cli_serve, cli_stories

    cli_stories.add_commands(commands)
    cli_serve.add_command(commands)

    eval_cmd = commands.add_parser("eval", help="ROUGE of Chorus against the references of a clusters .jsonl")
    eval_cmd.add_argument("path", help="clusters in the shared schema (with references)")
    eval_cmd.add_argument("--words", type=int, default=None, help="budget (default: by dataset, 100 otherwise)")
    eval_cmd.add_argument("--no-query", action="store_true", help="ignore the clusters' queries")
    return parser


def _add_brief_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--words", type=int, default=100, help="word budget of each brief (default 100)")
    command.add_argument("--query", default=None, help="a topic that steers the brief toward it")
    command.add_argument("--format", choices=["text", "markdown", "json", "jsonl", "html"], default="text")
    command.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    command.add_argument("--quiet", action="store_true", help="no progress bar or warnings")
    command.add_argument("--canonical-names", action="store_true", help="write names in the brief in their canonical spelling")
    command.add_argument("--brief-only", action="store_true", help="skip entities, quotes, disagreements and timeline (faster)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(quiet=getattr(args, "quiet", False))
    try:
        if args.command == "eval":
            return run_eval(args)
        if args.command in ("cluster", "digest"):
            return args.handler(args)
        if args.command == "serve":
            from chorus.cli_serve import run_serve

            return run_serve(args)
        if args.command == "demo":
            demo = resources.files("chorus") / "demo"
            args.paths = sorted(str(demo / name) for name in os.listdir(str(demo)) if name.endswith(".txt"))
        return run_summarize(args)
    except ChorusInputError as error:
        print(f"chorus: error: {error}", file=sys.stderr)
        return 2
    except ValueError as error:
        print(f"chorus: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("chorus: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is at the time (tests and callers may swap it)."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def _configure_logging(quiet: bool) -> None:
    """Chorus's own warnings on stderr as one line each; other libraries' logs stay silent."""
    logger = logging.getLogger("chorus")
    if not any(getattr(h, "_chorus", False) for h in logger.handlers):
        handler = _StderrHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("chorus: warning: %(message)s"))
        handler._chorus = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.ERROR if quiet else logging.WARNING)
    logger.propagate = False


def run_summarize(args: argparse.Namespace) -> int:
    if args.words < 1:
        raise ChorusInputError(f"--words must be at least 1, got {args.words}")
    clusters = load(args.paths)
    if args.format == "jsonl" or len(clusters) > 1:
        return _summarize_many(clusters, args)
    cluster = clusters[0]
    summary = summarize(cluster.documents, options=_options(args, cluster))
    text = render.RENDERERS[args.format](summary)
    write_output(args.output, text)
    return 0


def _options(args: argparse.Namespace, cluster: Cluster) -> SummaryOptions:
    # The JSONL contract carries no cross-source sections: skip their cost there.
    return SummaryOptions(
        words=args.words,
        query=args.query or cluster.query or None,
        cross_source=not args.brief_only and args.format != "jsonl",
        canonical_names=args.canonical_names,
    )


def _summarize_many(clusters: list[Cluster], args: argparse.Namespace) -> int:
    """One brief per cluster, in input order; JSONL streams to a temporary file renamed at the end
    so an interrupted run never leaves a half-written output behind."""
    from tqdm import tqdm

    progress = tqdm(clusters, desc="clusters", unit="cluster", file=sys.stderr, disable=args.quiet or len(clusters) < 2)
    chunks: list[str] = []
    for cluster in progress:
        summary = summarize(cluster.documents, options=_options(args, cluster))
        if args.format == "jsonl":
            chunks.append(render.to_json_line(summary, cluster.id))
        elif args.format == "json":
            chunks.append(render.to_json(summary))
        else:
            chunks.append(f"== {cluster.id} ==\n" + render.RENDERERS[args.format](summary) + "\n")
    if args.format == "json":
        text = "[\n" + ",\n".join(c.rstrip("\n") for c in chunks) + "\n]\n"
    else:
        text = "".join(chunks)
    write_output(args.output, text)
    return 0


def run_eval(args: argparse.Namespace) -> int:
    from chorus.evaluate import default_budget, evaluate

    clusters = load([args.path])
    scored = [c for c in clusters if c.references]
    if not scored:
        raise ChorusInputError(f"{args.path}: no cluster has references to score against")
    words = args.words or default_budget(Path(args.path).stem)
    pairs = []
    for cluster in scored:
        query = None if args.no_query else (cluster.query or None)
        summary = summarize(cluster.documents, options=SummaryOptions(words=words, query=query, cross_source=False))
        pairs.append((summary.text, cluster.references))
    scores = evaluate(pairs, words)
    print(f"{len(pairs)} clusters, {words} words")
    for key, value in scores.items():
        print(f"{key:>16}: {value:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
