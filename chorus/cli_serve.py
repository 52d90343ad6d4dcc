"""``chorus serve``: the HTTP service and web page (``chorus.server``) under uvicorn.

Wire it into the CLI with ``cli_serve.add_command(subparsers)`` and dispatch ``args.command ==
"serve"`` to ``cli_serve.run_serve(args)``.
"""

from __future__ import annotations

import argparse

from chorus.errors import ChorusInputError
from chorus.options import ServerLimits


def add_command(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``serve`` command to the CLI's subparsers."""
    defaults = ServerLimits()  # from options: the server itself (FastAPI) is imported only to run it
    command = subparsers.add_parser("serve", help="run the HTTP API and web page (needs the serve extra)")
    command.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    command.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    command.add_argument("--workers", type=int, default=None, help="summary worker processes (default: one per core)")
    command.add_argument("--max-body-bytes", type=int, default=defaults.max_body_bytes, help="largest request body")
    command.add_argument("--max-documents", type=int, default=defaults.max_documents, help="most documents per request")
    command.add_argument(
        "--max-words-per-document", type=int, default=defaults.max_words_per_document, help="longest document, in words"
    )
    command.add_argument(
        "--time-budget", type=float, default=defaults.time_budget_seconds, help="seconds a request may take (then 503)"
    )
    command.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    return command


def run_serve(args: argparse.Namespace) -> int:
    """Start the server; returns when it is stopped (Ctrl-C)."""
    try:
        import uvicorn

        from chorus.server import create_app
    except ImportError as error:
        raise ChorusInputError(
            f"chorus serve needs the serve extra: pip install 'chorus[serve]' ({error.name} missing)"
        ) from None
    if not 0 <= args.port <= 65535:
        raise ChorusInputError(f"--port must be between 0 and 65535, got {args.port}")
    limits = ServerLimits(
        max_body_bytes=args.max_body_bytes,
        max_documents=args.max_documents,
        max_words_per_document=args.max_words_per_document,
        time_budget_seconds=args.time_budget,
        workers=args.workers,
    )
    uvicorn.run(create_app(limits), host=args.host, port=args.port, log_level=args.log_level)
    return 0
