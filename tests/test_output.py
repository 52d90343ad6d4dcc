"""chorus.output: stdout or an atomic, normally readable file; one-line errors."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from chorus.errors import ChorusInputError
from chorus.output import write_output


def test_stdout(capsys) -> None:
    write_output("-", "brief\n")
    assert capsys.readouterr().out == "brief\n"


def test_file_is_replaced_whole_and_readable(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    target.write_text("old contents that are longer than the new ones\n")
    write_output(str(target), "new\n")
    assert target.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]  # no temporary file left behind
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_folder_and_unwritable_place_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(ChorusInputError, match="is a folder"):
        write_output(str(tmp_path), "x")
    with pytest.raises(ChorusInputError, match="cannot write"):
        write_output(str(tmp_path / "missing" / "brief.md"), "x")
