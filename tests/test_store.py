"""The incremental story store (chorus/store.py) and ``--store`` on ``chorus digest`` / ``chorus cluster``."""

from __future__ import annotations

import argparse
import json

import pytest

from chorus import cli_stories
from chorus.cli import main as cli_main
from chorus.errors import ChorusInputError
from chorus.models import Document
from chorus.store import StoryStore
from tests.test_digest import LAUNCH, QUAKE

QUAKE_NEW = (
    "Kos quake: hotels damaged",
    "Greek officials said the 6.1 earthquake that struck the island of Kos on Friday damaged hotels and the old "
    "harbour. Two tourists were killed and dozens of people injured when the earthquake hit the island.",
)
UNRELATED = (
    "Central bank raises rates",
    "The European Central Bank raised its main interest rate by a quarter point on Thursday, citing inflation "
    "in the euro zone. Bank president Christine Lagarde said further increases were possible this year.",
)


def _docs(items, prefix: str) -> list[Document]:
    return [Document(text=text, id=f"{prefix}{i}", title=title) for i, (title, text) in enumerate(items)]


@pytest.fixture()
def store(tmp_path):
    with StoryStore(tmp_path / "news.db") as opened:
        opened.add(_docs(QUAKE, "quake") + _docs(LAUNCH, "launch"))
        yield opened


def _story_of(store: StoryStore) -> dict[str, int]:
    return {article: story for story, _, ids in store.stories() for article in ids}


def test_first_add_clusters_and_second_add_is_a_no_op(store):
    assert len(store) == 5
    story = _story_of(store)
    assert story["quake0"] == story["quake1"] == story["quake2"] != story["launch0"] == story["launch1"]
    again = store.add(_docs(QUAKE, "quake") + _docs(LAUNCH, "launch"))
    assert (again.added, again.duplicates, again.new_stories, again.joined) == (0, 5, 0, 0)
    # the same texts under other ids are exact duplicates too
    renamed = store.add(_docs(QUAKE, "copy"))
    assert renamed.added == 0 and renamed.duplicates == 3
    assert len(store) == 5 and sum(len(ids) for _, _, ids in store.stories()) == 5


def test_near_duplicate_is_skipped(store):
    title, text = QUAKE[0]
    changed = Document(text=text.replace("overnight", "late"), id="wire-copy", title=title)
    result = store.add([changed])
    assert result.added == 0 and result.duplicates == 1
    assert len(store) == 5


def test_new_article_joins_its_story_and_unrelated_one_opens_a_story(store):
    before = _story_of(store)
    result = store.add(_docs([QUAKE_NEW], "late") + _docs([UNRELATED], "ecb"))
    assert (result.added, result.joined, result.new_stories, result.duplicates) == (2, 1, 1, 0)
    after = _story_of(store)
    assert after["late0"] == before["quake0"]
    assert after["ecb0"] not in set(before.values())
    sizes = {story: len(ids) for story, _, ids in store.stories()}
    assert sizes[before["quake0"]] == 4 and len(store.documents(after["ecb0"])) == 1
    assert store.documents(before["quake0"])[-1].id == "late0"


def test_interrupted_add_leaves_the_store_unchanged(store, monkeypatch):
    before = (len(store), store.stories())
    calls = []
    original = StoryStore._write_article

    def failing(self, *args):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt("interrupted")
        return original(self, *args)

    monkeypatch.setattr(StoryStore, "_write_article", failing)
    with pytest.raises(KeyboardInterrupt):
        store.add(_docs([QUAKE_NEW], "late") + _docs([UNRELATED], "ecb"))
    assert (len(store), store.stories()) == before
    monkeypatch.undo()
    result = store.add(_docs([QUAKE_NEW], "late") + _docs([UNRELATED], "ecb"))
    assert result.added == 2 and len(store) == 7


def test_reopened_store_keeps_everything(tmp_path):
    path = tmp_path / "news.db"
    with StoryStore(path) as first:
        first.add(_docs(QUAKE, "quake"))
    with StoryStore(path) as second:
        assert len(second) == 3
        result = second.add(_docs(QUAKE, "quake") + _docs([QUAKE_NEW], "late"))
        assert (result.added, result.duplicates, result.joined) == (1, 3, 1)
        assert len(second.stories()) == 1


def test_not_a_store_is_a_one_line_error(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("this is not a database\n" * 100, encoding="utf-8")
    with pytest.raises(ChorusInputError) as error:
        StoryStore(bogus)
    assert "\n" not in str(error.value)


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="chorus")
    cli_stories.add_commands(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


def test_cli_digest_store_twice(tmp_path, capsys):
    first = tmp_path / "day1"
    first.mkdir()
    for i, (headline, text) in enumerate(QUAKE + LAUNCH):
        (first / f"r{i}.txt").write_text(f"{headline}\n\n{text}\n", encoding="utf-8")
    second = tmp_path / "day2"
    second.mkdir()
    (second / "late.txt").write_text(f"{QUAKE_NEW[0]}\n\n{QUAKE_NEW[1]}\n", encoding="utf-8")
    (second / "r0.txt").write_text((first / "r0.txt").read_text(encoding="utf-8"), encoding="utf-8")
    db = str(tmp_path / "news.db")

    args = _parse(["digest", str(first), "--store", db, "--format", "json", "--brief-only"])
    assert args.handler(args) == 0
    captured = capsys.readouterr()
    assert "added 5, skipped 0 duplicates, 2 new stories" in captured.err
    assert [len(s["documents"]) for s in json.loads(captured.out)["stories"]] == [3, 2]

    args = _parse(["digest", str(second), "--store", db, "--format", "json", "--brief-only", "--changed-only"])
    assert args.handler(args) == 0
    captured = capsys.readouterr()
    assert "added 1, skipped 1 duplicate, 0 new stories" in captured.err
    stories = json.loads(captured.out)["stories"]
    assert len(stories) == 1 and len(stories[0]["documents"]) == 4

    args = _parse(["cluster", str(second), "--store", db, "--format", "json"])
    assert args.handler(args) == 0
    captured = capsys.readouterr()
    assert "added 0, skipped 2 duplicates, 0 new stories" in captured.err
    assert sorted(s["size"] for s in json.loads(captured.out)["stories"]) == [2, 4]


def test_cli_store_errors(tmp_path, capsys):
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"\x00garbage" * 500)
    report = tmp_path / "r.txt"
    report.write_text(f"{QUAKE[0][0]}\n\n{QUAKE[0][1]}\n", encoding="utf-8")
    assert cli_main(["cluster", str(report), "--store", str(bogus)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("chorus: error:") and err.count("\n") == 1
    assert cli_main(["cluster", str(report), "--changed-only"]) == 2


def test_locked_store_is_a_one_line_error(tmp_path):
    import sqlite3

    path = tmp_path / "news.db"
    StoryStore(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with StoryStore(path, timeout=0.1) as store, pytest.raises(ChorusInputError) as error:
            store.add(_docs(QUAKE, "quake"))
        assert "locked" in str(error.value) and "\n" not in str(error.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    with StoryStore(path) as store:
        assert store.add(_docs(QUAKE, "quake")).added == 3


def test_cli_main_cluster_store(tmp_path, capsys):
    from chorus import cli

    report = tmp_path / "r.txt"
    report.write_text(f"{QUAKE[0][0]}\n\n{QUAKE[0][1]}\n", encoding="utf-8")
    db = str(tmp_path / "news.db")
    assert cli.main(["cluster", str(report), "--store", db]) == 0
    assert cli.main(["cluster", str(report), "--store", db, "--changed-only"]) == 0
    captured = capsys.readouterr()
    assert "added 1, skipped 0 duplicates, 1 new stories" in captured.err
    assert "added 0, skipped 1 duplicate, 0 new stories" in captured.err
    assert len(captured.out.splitlines()) == 1  # the second run touched no story


def test_reports_without_ids_get_stable_ids(tmp_path):
    anonymous = [Document(text=text, title=title) for title, text in QUAKE]
    with StoryStore(tmp_path / "news.db") as store:
        assert store.add(anonymous).added == 3
        assert store.add(anonymous).duplicates == 3
        assert store.add([Document(text=UNRELATED[1], title=UNRELATED[0])]).added == 1
        assert len(store) == 4 and all(i.startswith("doc-") for _, _, ids in store.stories() for i in ids)
