"""The ``chorus`` command: formats, output files, clusters, the demo, errors and eval."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from demo_corpus import DEMO_IDS

from chorus.cli import main


@pytest.fixture()
def demo_folder(tmp_path: Path, demo_files: list[Path]) -> Path:
    folder = tmp_path / "dam"
    folder.mkdir()
    for path in demo_files:
        shutil.copy(path, folder / path.name)
    return folder


def _town_reports(town: str, river: str) -> list[dict]:
    return [
        {
            "id": f"{town}-1",
            "text": f"The {river} burst its banks on Monday night and flooded the town of {town}. "
            f"About 300 residents of {town} were evacuated to schools on higher ground.",
        },
        {
            "id": f"{town}-2",
            "text": f"Floodwater from the {river} reached the centre of {town} on Monday night. "
            f"About 300 residents of {town} were evacuated, the mayor of {town} said.",
        },
        {
            "id": f"{town}-3",
            "text": f"The mayor of {town} declared a state of emergency after the {river} flooded the town. "
            f"Schools in {town} will stay closed until Friday.",
        },
    ]


@pytest.fixture()
def clusters_file(tmp_path: Path) -> Path:
    clusters = [
        {
            "id": "zeta",
            "query": "",
            "documents": _town_reports("Arden", "Lesna river"),
            "references": ["The Lesna river flooded Arden and about 300 residents were evacuated."],
        },
        {
            "id": "alpha",
            "query": "",
            "documents": _town_reports("Belmont", "Varna river"),
            "references": ["The Varna river flooded Belmont; a state of emergency was declared."],
        },
        {
            "id": "mid",
            "query": "",
            "documents": _town_reports("Carver", "Oska river"),
            "references": ["Carver was flooded by the Oska river and schools closed."],
        },
    ]
    path = tmp_path / "clusters.jsonl"
    path.write_text("".join(json.dumps(c) + "\n" for c in clusters), encoding="utf-8")
    return path


def _assert_clean_error(code: int, err: str) -> None:
    assert code == 2
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("chorus: error: ")]
    assert len(errors) == 1, err
    assert all(line.startswith("chorus:") for line in err.splitlines() if line.strip())


# --- summarize -------------------------------------------------------------------------------------------


def test_summarize_folder_as_text(demo_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", str(demo_folder), "--words", "100"]) == 0
    out = capsys.readouterr().out
    lines = out.rstrip("\n").split("\n")
    assert 2 <= len(lines) <= 10
    assert all(" of 4 sources]" in line for line in lines)  # 5 reports, 02/03 one wire story
    assert all(any(f"[{doc_id};" in line for doc_id in DEMO_IDS) for line in lines)
    brief = " ".join(line.rsplit(" [", 1)[0] for line in lines)
    assert len(brief.split()) <= 100


def test_summarize_folder_as_markdown(demo_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", str(demo_folder), "--format", "markdown", "--words", "80"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ")
    assert "## Sources" in out
    for doc_id in DEMO_IDS:
        assert f"- `{doc_id}`:" in out


def test_summarize_folder_as_json(demo_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", str(demo_folder), "--format", "json", "--words", "120"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["words"] <= 120 and data["words"] == len(data["summary"].split())
    assert [d["id"] for d in data["documents"]] == DEMO_IDS
    assert data["sentences"] and all(s["source"] in DEMO_IDS for s in data["sentences"])
    assert " ".join(s["text"] for s in data["sentences"]) == data["summary"]


def test_summarize_folder_as_jsonl(demo_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", str(demo_folder), "--format", "jsonl", "--words", "60"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert data["id"] == "dam"
    assert set(data) == {"id", "summary", "sentences"}
    assert len(data["summary"].split()) <= 60


def test_query_option(demo_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", str(demo_folder), "--format", "markdown", "--query", "Who warned about the dam?"]) == 0
    assert "Who warned about the dam?" in capsys.readouterr().out


def test_output_file(demo_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "brief.json"
    target.parent.mkdir()
    assert main(["summarize", str(demo_folder), "--format", "json", "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["words"] <= 100 and data["sentences"]
    assert sorted(p.name for p in target.parent.iterdir()) == ["brief.json"]  # no temporary file left


def test_output_to_a_folder_is_an_error(demo_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["summarize", str(demo_folder), "-o", str(tmp_path)])
    _assert_clean_error(code, capsys.readouterr().err)


def test_stdin(monkeypatch: pytest.MonkeyPatch, demo_files: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    class FakeStdin:
        buffer = io.BytesIO(demo_files[0].read_bytes())

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    assert main(["summarize", "-", "--format", "json", "--words", "50"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in data["documents"]] == ["stdin"]
    assert data["sentences"] and data["words"] <= 50


# --- clusters ------------------------------------------------------------------------------------------------


def test_clusters_jsonl_gives_one_line_per_cluster_in_input_order(
    clusters_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summarize", str(clusters_file), "--format", "jsonl", "--words", "40", "--quiet"]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = [json.loads(line) for line in lines]
    assert [row["id"] for row in rows] == ["zeta", "alpha", "mid"]
    for row, town in zip(rows, ("Arden", "Belmont", "Carver"), strict=True):
        assert row["sentences"]
        assert len(row["summary"].split()) <= 40
        assert all(s["source"].startswith(f"{town}-") for s in row["sentences"])
        assert town in row["summary"]


def test_clusters_as_json_array_and_text(clusters_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", str(clusters_file), "--format", "json", "--words", "40", "--quiet"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list) and len(data) == 3
    assert [d["documents"][0]["id"] for d in data] == ["Arden-1", "Belmont-1", "Carver-1"]
    assert main(["summarize", str(clusters_file), "--words", "40", "--quiet"]) == 0
    out = capsys.readouterr().out
    headers = [line for line in out.splitlines() if line.startswith("== ")]
    assert headers == ["== zeta ==", "== alpha ==", "== mid =="]


def test_clusters_to_output_file(clusters_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "briefs.jsonl"
    assert main(["summarize", str(clusters_file), "--format", "jsonl", "-o", str(target), "--quiet"]) == 0
    assert capsys.readouterr().out == ""
    assert [json.loads(line)["id"] for line in target.read_text(encoding="utf-8").splitlines()] == ["zeta", "alpha", "mid"]


# --- demo ------------------------------------------------------------------------------------------------------


def test_demo(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    lines = capsys.readouterr().out.rstrip("\n").split("\n")
    assert len(lines) >= 2
    assert all(any(f"[{doc_id};" in line for doc_id in DEMO_IDS) for line in lines)
    assert "Velmora" in " ".join(lines) or "dam" in " ".join(lines).lower()


def test_demo_as_json_with_budget(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--format", "json", "--words", "50"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["words"] <= 50
    assert [d["id"] for d in data["documents"]] == DEMO_IDS  # the README is not a report


def test_console_entry_point_runs_the_demo() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "chorus", "demo", "--words", "60"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.rstrip("\n").split("\n")
    assert lines and all("sources]" in line for line in lines)
    assert "Traceback" not in result.stderr


# --- errors ----------------------------------------------------------------------------------------------------


def test_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    code = main(["summarize", str(tmp_path / "empty")])
    _assert_clean_error(code, capsys.readouterr().err)


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["summarize", str(tmp_path / "missing.txt")])
    err = capsys.readouterr().err
    _assert_clean_error(code, err)
    assert "missing.txt" in err


def test_binary_file_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40)
    code = main(["summarize", str(path)])
    _assert_clean_error(code, capsys.readouterr().err)


def test_empty_file_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    code = main(["summarize", str(path)])
    _assert_clean_error(code, capsys.readouterr().err)


def test_invalid_json_file_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "documents": []}\n{oops\n', encoding="utf-8")
    code = main(["summarize", str(path)])
    _assert_clean_error(code, capsys.readouterr().err)


@pytest.mark.parametrize("words", ["0", "-5"])
def test_invalid_budget(demo_folder: Path, capsys: pytest.CaptureFixture[str], words: str) -> None:
    code = main(["summarize", str(demo_folder), "--words", words])
    captured = capsys.readouterr()
    _assert_clean_error(code, captured.err)
    assert captured.out == ""


def test_invalid_format_is_a_usage_error(demo_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["summarize", str(demo_folder), "--format", "pdf"])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main([])
    assert caught.value.code == 2


# --- eval ------------------------------------------------------------------------------------------------------


def test_eval_prints_rouge(clusters_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("rouge_score")
    assert main(["eval", str(clusters_file), "--words", "40"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "3 clusters, 40 words"
    scores = {}
    for line in lines[1:]:
        name, value = line.split(":")
        scores[name.strip()] = float(value)
    for metric in ("rouge1_recall", "rouge1_f1", "rouge2_recall", "rouge2_f1", "rougeL_recall", "rougeL_f1"):
        assert 0.0 <= scores[metric] <= 100.0
    # The briefs and references share words ("river", "flooded", the town names).
    assert scores["rouge1_recall"] > 20.0


def test_eval_without_references(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "noref.jsonl"
    path.write_text(
        json.dumps({"id": "x", "query": "q", "documents": _town_reports("Arden", "Lesna river")}) + "\n", encoding="utf-8"
    )
    code = main(["eval", str(path)])
    err = capsys.readouterr().err
    _assert_clean_error(code, err)
    assert "references" in err
