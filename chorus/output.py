"""Writing results: to stdout, or atomically to a file (never a half-written output)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from chorus.errors import ChorusInputError


def write_output(output: str, text: str) -> None:
    """Write ``text`` to stdout (``output == "-"``) or to the file ``output``: a temporary file in
    the same folder renamed over it at the end, so an interrupted run leaves no partial file."""
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
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(handle.name, 0o666 & ~umask)  # a temporary file is private; the output is not
    os.replace(handle.name, path)
