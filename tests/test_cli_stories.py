"""``chorus cluster`` / ``chorus digest`` (chorus/cli_stories.py), through their argparse parser."""

from __future__ import annotations

import argparse
import json

import pytest

from chorus import cli_stories
from chorus.cli import main as cli_main
from chorus.errors import ChorusInputError
from tests.test_digest import LAUNCH, QUAKE

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Island Gazette</title>
<item><title>Kos quake toll rises</title><guid>gz-1</guid><description>Greek officials said the 6.1 earthquake that struck
the island of Kos on Friday killed two tourists and injured dozens of people overnight.</description></item>
</channel></rss>"""


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="chorus")
    cli_stories.add_commands(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for i, (headline, text) in enumerate(QUAKE):
        (folder / f"quake{i}.txt").write_text(f"{headline}\n\n{text}\n", encoding="utf-8")
    for i, (headline, text) in enumerate(LAUNCH):
        (folder / f"launch{i}.txt").write_text(f"{headline}\n\n{text}\n", encoding="utf-8")
    feed = tmp_path / "gazette.xml"
    feed.write_text(RSS, encoding="utf-8")
    return folder, feed


def test_cluster_jsonl_one_line_per_document(corpus, capsys):
    folder, feed = corpus
    args = _parse(["cluster", str(folder), str(feed)])
    assert args.handler(args) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 6 and all(set(line) == {"id", "story", "title"} for line in lines)
    story = {line["id"]: line["story"] for line in lines}
    assert story["quake0"] == story["quake1"] == story["quake2"] == story["gz-1"]
    assert story["launch0"] == story["launch1"] != story["quake0"]


def test_cluster_text_and_json_to_file(corpus, tmp_path, capsys):
    folder, _ = corpus
    args = _parse(["cluster", str(folder), "--format", "text"])
    cli_stories.run_cluster(args)
    out = capsys.readouterr().out
    assert out.startswith("2 stories from 5 reports") and "3 reports" in out
    target = tmp_path / "stories.json"
    cli_stories.run_cluster(_parse(["cluster", str(folder), "--format", "json", "-o", str(target)]))
    payload = json.loads(target.read_text(encoding="utf-8"))
    assert [s["size"] for s in payload["stories"]] == [3, 2]


def test_digest_markdown_and_json(corpus, capsys):
    folder, feed = corpus
    cli_stories.run_digest(_parse(["digest", str(folder), str(feed), "--words", "40"]))
    out = capsys.readouterr().out
    assert out.startswith("# Digest") and out.index("## 1. ") < out.index("## 2. ")
    cli_stories.run_digest(_parse(["digest", str(folder), "--format", "json", "--brief-only", "--quiet"]))
    payload = json.loads(capsys.readouterr().out)
    assert [s["outlets"] for s in payload["stories"]] == [3, 2]
    assert all(s["brief"]["words"] <= 80 for s in payload["stories"])


def test_ecb_style_jsonl_is_read_as_documents(tmp_path, capsys):
    path = tmp_path / "events.jsonl"
    rows = [{"id": f"q{i}", "topic": "1", "event": "1", "text": t} for i, (_, t) in enumerate(QUAKE)]
    rows += [{"id": f"m{i}", "topic": "2", "event": "2", "text": t} for i, (_, t) in enumerate(LAUNCH)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    cli_stories.run_cluster(_parse(["cluster", str(path)]))
    story = {json.loads(line)["id"]: json.loads(line)["story"] for line in capsys.readouterr().out.splitlines()}
    assert story["q0"] == story["q2"] != story["m0"] == story["m1"]


def test_bad_input_errors(tmp_path):
    with pytest.raises(ChorusInputError):
        cli_stories.run_cluster(_parse(["cluster", str(tmp_path / "missing.txt")]))
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ChorusInputError):
        cli_stories.run_cluster(_parse(["cluster", str(empty)]))
    with pytest.raises(ChorusInputError):
        cli_stories.run_digest(_parse(["digest", str(empty), "--words", "0"]))
    bad_feed = tmp_path / "broken.rss"
    bad_feed.write_text("not a feed at all", encoding="utf-8")
    with pytest.raises(ChorusInputError):
        cli_stories.run_cluster(_parse(["cluster", str(bad_feed)]))
    assert cli_main(["cluster", str(tmp_path / "missing.txt")]) == 2


def test_digest_html_is_one_page_with_unique_ids_per_story(tmp_path) -> None:
    import re

    from chorus.cli import main

    folder = tmp_path / "stream"
    folder.mkdir()
    flood = [
        "The Lesna river burst its banks on Thursday night and flooded the lower town of Velmora, officials said. "
        "More than 3,000 residents were evacuated to schools on higher ground.",
        "Floodwater from the Lesna river swept through the lower town of Velmora late on Thursday, officials said. "
        "About 3,000 residents left their homes for schools on higher ground.",
    ]
    vote = [
        "Voters in Lanmark elected Petra Osei as mayor on Sunday with 54 percent of the vote, the electoral commission said. "
        "Osei promised to rebuild the harbour and cut bus fares.",
        "Petra Osei won the Lanmark mayoral election on Sunday, taking 54 percent of the vote, the electoral commission said. "
        "She has promised to rebuild the harbour <script>alert(1)</script>.",
    ]
    for n, text in enumerate(flood + vote):
        (folder / f"r{n}.txt").write_text(text)
    out = tmp_path / "digest.html"
    assert main(["digest", str(folder), "--words", "30", "--format", "html", "-o", str(out), "--quiet"]) == 0
    page = out.read_text()
    assert page.lower().startswith("<!doctype html")
    assert page.count('<section class="story"') == 2
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert "<script>alert(1)</script>" not in page
