"""Reading input: text, Markdown, HTML, JSON/JSONL, stdin, folders, encodings and bad files."""

from __future__ import annotations

import io
import json
import logging
import sys
from pathlib import Path

import pytest

from chorus.errors import ChorusInputError
from chorus.ingest import decode, document_from_text, load, parse_bytes, parse_json

STORY = "A storm hit the coast on Friday. Trees fell on the main road and power was cut to 4,000 homes."


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _only_documents(paths: list[Path | str]):
    clusters = load(paths)
    assert len(clusters) == 1
    return clusters[0].documents


# --- Plain text and Markdown ----------------------------------------------------------------------


def test_txt_with_headline_and_published_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "storm.txt", f"Storm hits the coast\nPublished: 2026-03-14\n\n{STORY}\n")
    [doc] = _only_documents([path])
    assert doc.title == "Storm hits the coast"
    assert doc.date == "2026-03-14"
    assert doc.text == STORY
    assert doc.id == "storm"
    assert doc.source == str(path)


def test_txt_with_leading_date_header_before_the_headline(tmp_path: Path) -> None:
    path = _write(tmp_path / "clash.txt", f" date 2019-04-30 Clashes in Caracas as leader calls for uprising\n\n{STORY}\n")
    [doc] = _only_documents([path])
    assert doc.date == "2019-04-30"
    assert doc.title == "Clashes in Caracas as leader calls for uprising"
    assert doc.text == STORY


def test_txt_without_headline(tmp_path: Path) -> None:
    path = _write(tmp_path / "plain.txt", STORY + "\n\nA second paragraph follows here.")
    [doc] = _only_documents([path])
    assert doc.title == ""
    assert doc.date == ""
    assert doc.text == STORY + "\n\nA second paragraph follows here."


def test_single_line_file_is_body_not_headline() -> None:
    doc = document_from_text("Rescue teams reached the village")
    assert doc.title == ""
    assert doc.text == "Rescue teams reached the village"


def test_markdown_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "notes.md", f"Quake shakes Examplia\nUpdated: 2024-01-02 14:30\n\n{STORY}\n")
    [doc] = _only_documents([path])
    assert doc.title == "Quake shakes Examplia"
    assert doc.date == "2024-01-02 14:30"
    assert doc.text == STORY


def test_demo_files_give_titles_and_dates(demo_documents) -> None:
    assert [(d.id, d.date) for d in demo_documents] == [
        ("01_northern-courier", "2026-03-14"),
        ("02_valley-herald", "2026-03-13"),
        ("03_daily-meridian", "2026-03-13"),
        ("04_velmorski-glas", "2026-03-13"),
        ("05_ostravian-observer", "2026-03-14"),
    ]
    assert demo_documents[0].title == "Death toll rises to 12 as Velmora counts the cost of Šarovec Dam collapse"
    assert demo_documents[4].title == "After the flood, Velmora asks why warnings about the Šarovec Dam went unheeded"
    assert all(not d.text.startswith(("Published", "date")) for d in demo_documents)


def test_venezuela_folder_is_one_cluster_of_five(venezuela_dir: Path) -> None:
    [cluster] = load([venezuela_dir])
    assert cluster.id == "venezuela_2019-04-30"
    assert len(cluster.documents) == 5
    dated = [d for d in cluster.documents if d.date]
    assert [(d.id, d.date) for d in dated] == [("001_39792b1896ac9294", "2019-04-30")]
    assert dated[0].title == "Clashes in Venezuela as Guaidó calls for uprising; Maduro decries ‘coup attempt’"


# --- HTML ---------------------------------------------------------------------------------------------

PAGE = """<!doctype html>
<html><head><title>Quake shakes the city</title>
<script>var tracking = "SECRET_TRACKER_TOKEN"; function f() { return 1; }</script>
<style>.x { color: red }</style></head>
<body><nav>Home | World | Sport</nav>
<article><h1>Quake shakes the city</h1>
<p>A strong earthquake shook the city of Examplia early on Monday, damaging dozens of buildings and
cutting power to thousands of homes, officials said.</p>
<p>Rescue teams searched the rubble through the morning while residents gathered in parks and open
squares, fearing aftershocks.</p>
<p>The national seismology institute said the quake had a magnitude of 6.1 and its epicentre lay
twelve kilometres north of the city.</p>
</article><footer>Copyright Example News</footer></body></html>
"""


def test_html_page_gives_title_and_main_text(tmp_path: Path) -> None:
    path = _write(tmp_path / "quake.html", PAGE)
    [doc] = _only_documents([path])
    assert doc.title == "Quake shakes the city"
    assert "A strong earthquake shook the city of Examplia early on Monday" in doc.text
    assert "fearing aftershocks." in doc.text
    assert "magnitude of 6.1" in doc.text
    assert "SECRET_TRACKER_TOKEN" not in doc.text
    assert "color: red" not in doc.text
    assert "<p>" not in doc.text
    assert doc.id == "quake"


def test_html_is_sniffed_in_a_txt_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "saved.txt", PAGE)
    [doc] = _only_documents([path])
    assert "<p>" not in doc.text and "SECRET_TRACKER_TOKEN" not in doc.text
    assert "fearing aftershocks." in doc.text


# --- JSON and JSONL ---------------------------------------------------------------------------------------


def test_json_cluster_keeps_id_query_and_references(tmp_path: Path) -> None:
    data = {
        "id": "C1",
        "query": "What happened to the bridge?",
        "documents": [
            {"id": "d1", "title": "Bridge falls", "date": "2020-01-01", "text": "The bridge fell."},
            {"id": "d2", "text": "Divers searched the river."},
        ],
        "references": ["The bridge fell and divers searched the river."],
    }
    path = _write(tmp_path / "one.json", json.dumps(data))
    [cluster] = load([path])
    assert cluster.id == "C1"
    assert cluster.query == "What happened to the bridge?"
    assert cluster.references == ["The bridge fell and divers searched the river."]
    assert [(d.id, d.title, d.date, d.text) for d in cluster.documents] == [
        ("d1", "Bridge falls", "2020-01-01", "The bridge fell."),
        ("d2", "", "", "Divers searched the river."),
    ]


def test_json_list_of_documents_is_one_cluster(tmp_path: Path) -> None:
    path = _write(tmp_path / "docs.json", json.dumps([{"id": "x", "text": "One."}, {"text": "Two.", "title": "T"}, "Three."]))
    [cluster] = load([path])
    assert cluster.id == "docs"
    assert [d.text for d in cluster.documents] == ["One.", "Two.", "Three."]
    ids = [d.id for d in cluster.documents]
    assert ids[0] == "x"
    assert len(set(ids)) == 3 and all(ids)
    assert cluster.documents[1].title == "T"


def test_jsonl_of_clusters_keeps_every_cluster_in_order(tmp_path: Path) -> None:
    lines = [
        {"id": cid, "query": f"q-{cid}", "documents": [{"id": "a", "text": f"Text of {cid}."}], "references": [f"ref {cid}"]}
        for cid in ("zeta", "alpha", "mid")
    ]
    path = _write(tmp_path / "clusters.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n")
    clusters = load([path])
    assert [c.id for c in clusters] == ["zeta", "alpha", "mid"]
    assert [c.query for c in clusters] == ["q-zeta", "q-alpha", "q-mid"]
    assert [c.references for c in clusters] == [["ref zeta"], ["ref alpha"], ["ref mid"]]
    assert [c.documents[0].text for c in clusters] == ["Text of zeta.", "Text of alpha.", "Text of mid."]


def test_jsonl_of_documents_is_one_cluster(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "feed.jsonl", "\n".join(json.dumps({"id": f"d{i}", "text": f"Report {i}."}) for i in range(4)) + "\n\n"
    )
    [cluster] = load([path])
    assert cluster.id == "feed"
    assert [(d.id, d.text) for d in cluster.documents] == [(f"d{i}", f"Report {i}.") for i in range(4)]


def test_json_document_with_html_field(tmp_path: Path) -> None:
    path = _write(tmp_path / "page.json", json.dumps([{"id": "p", "html": PAGE}]))
    [doc] = _only_documents([path])
    assert "magnitude of 6.1" in doc.text and "SECRET_TRACKER_TOKEN" not in doc.text
    assert doc.title == "Quake shakes the city"


def test_invalid_json_line_is_skipped_and_named_the_rest_kept(caplog: pytest.LogCaptureFixture) -> None:
    data = b'{"id": "a", "text": "fine"}\n{"id": "b", "text": "fine too"}\n{"id": broken\n'
    with caplog.at_level(logging.WARNING, logger="chorus"):
        [cluster] = parse_bytes(data, "bad.jsonl")
    assert [(d.id, d.text) for d in cluster.documents] == [("a", "fine"), ("b", "fine too")]
    assert any("bad.jsonl, line 3: invalid JSON" in record.getMessage() for record in caplog.records)


def test_truncated_last_line_of_a_feed_loses_nothing_else(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"d{i}", "text": f"Report number {i} about the flood in the valley."}) for i in range(50)]
    path = _write(tmp_path / "feed.jsonl", "\n".join(lines) + '\n{"id": "d50", "text": "cut off mid')
    [cluster] = load([path])
    assert [d.id for d in cluster.documents] == [f"d{i}" for i in range(50)]


def test_many_bad_lines_warn_a_few_then_count(caplog: pytest.LogCaptureFixture) -> None:
    good = json.dumps({"id": "ok", "text": "The one good report."})
    data = "\n".join([good] + ["{broken"] * 12).encode()
    with caplog.at_level(logging.WARNING, logger="chorus"):
        [cluster] = parse_bytes(data, "noisy.jsonl")
    assert [d.id for d in cluster.documents] == ["ok"]
    messages = [record.getMessage() for record in caplog.records]
    assert sum("invalid JSON" in m for m in messages) == 5
    assert any("7 more bad lines or items of noisy.jsonl" in m for m in messages)


def test_json_file_with_no_usable_line_is_skipped_and_reported(tmp_path: Path) -> None:
    path = _write(tmp_path / "bad.jsonl", '{"id": broken\n{"also broken\n')
    with pytest.raises(ChorusInputError, match=r"bad\.jsonl, line 1: invalid JSON .*\(and 1 more\)"):
        parse_bytes(path.read_bytes(), str(path))
    with pytest.raises(ChorusInputError, match="no readable text"):
        load([path])


def test_json_item_that_is_neither_document_nor_cluster(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="chorus"):
        [cluster] = parse_json('[{"text": "ok"}, 42]', "odd.json")
    assert [d.text for d in cluster.documents] == ["ok"]
    assert any("odd.json, item 1: neither a document nor a cluster" in r.getMessage() for r in caplog.records)
    with pytest.raises(ChorusInputError, match="text"):
        parse_json('[{"title": "no text"}]', "odd.json")


def test_cluster_from_the_shared_schema(duc2006_path: Path) -> None:
    with duc2006_path.open(encoding="utf-8") as handle:
        first_line = handle.readline()
    [cluster] = parse_bytes(first_line.encode("utf-8"), "duc2006.jsonl")
    raw = json.loads(first_line)
    assert cluster.id == raw["id"]
    assert cluster.query == raw["query"] and cluster.query
    assert cluster.references == raw["references"] and len(cluster.references) == 4
    assert [d.id for d in cluster.documents] == [d["id"] for d in raw["documents"]]


# --- stdin ---------------------------------------------------------------------------------------------------


class _FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _FakeStdin(f"Storm hits the coast\n\n{STORY}\n".encode()))
    [doc] = _only_documents(["-"])
    assert doc.id == "stdin"
    assert doc.title == "Storm hits the coast"
    assert doc.text == STORY


def test_stdin_json_cluster(monkeypatch: pytest.MonkeyPatch) -> None:
    data = {"id": "S", "query": "storm", "documents": [{"id": "a", "text": STORY}]}
    monkeypatch.setattr(sys, "stdin", _FakeStdin(json.dumps(data).encode()))
    [cluster] = load(["-"])
    assert cluster.id == "S" and cluster.query == "storm"
    assert [d.text for d in cluster.documents] == [STORY]


def test_stdin_and_files_join_one_cluster(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "stdin", _FakeStdin(b"From stdin. It counts."))
    path = _write(tmp_path / "file.txt", "From a file. It counts too.")
    docs = _only_documents([path, "-"])
    assert [(d.id, d.text) for d in docs] == [("file", "From a file. It counts too."), ("stdin", "From stdin. It counts.")]


# --- Folders ---------------------------------------------------------------------------------------------------


def test_folder_is_read_recursively_ignoring_hidden_and_unknown_files(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", "First report says the bridge fell.")
    _write(tmp_path / "sub" / "b.txt", "Second report says the bridge fell too.")
    _write(tmp_path / "sub" / "deep" / "c.md", "Third report on the bridge.")
    _write(tmp_path / ".hidden.txt", "HIDDEN text must not be read.")
    _write(tmp_path / "notes.docx", "UNKNOWN suffix must not be read.")
    _write(tmp_path / "table.csv", "CSV,must,not,be,read")
    _write(tmp_path / "README.md", "NOTES about this folder are not a report.")
    _write(tmp_path / "sub" / "LICENSE.txt", "LICENCE text is not a report.")
    docs = _only_documents([tmp_path])
    assert [d.id for d in docs] == ["a", "b", "c"]
    joined = " ".join(d.text for d in docs)
    assert all(word not in joined for word in ("HIDDEN", "UNKNOWN", "CSV", "NOTES", "LICENCE"))
    # given by name, such a file is read
    assert [d.id for d in _only_documents([tmp_path / "README.md"])] == ["README"]


def test_folder_and_file_together(tmp_path: Path) -> None:
    _write(tmp_path / "dir" / "one.txt", "One report. It is short.")
    extra = _write(tmp_path / "two.txt", "Two reports. Also short.")
    docs = _only_documents([tmp_path / "dir", extra])
    assert [d.id for d in docs] == ["one", "two"]


def test_duplicate_ids_are_made_unique(tmp_path: Path) -> None:
    first = _write(tmp_path / "a.txt", "First file called a.")
    second = _write(tmp_path / "other" / "a.txt", "Second file called a.")
    docs = _only_documents([first, second, first])
    ids = [d.id for d in docs]
    assert ids[0] == "a"
    assert len(set(ids)) == 3
    assert [d.text for d in docs] == ["First file called a.", "Second file called a.", "First file called a."]


def test_duplicate_ids_inside_json_are_made_unique(tmp_path: Path) -> None:
    path = _write(tmp_path / "dup.json", json.dumps([{"id": "same", "text": f"Text {i}."} for i in range(3)]))
    docs = _only_documents([path])
    ids = [d.id for d in docs]
    assert ids[0] == "same" and len(set(ids)) == 3 and all(ids)


# --- Encodings ---------------------------------------------------------------------------------------------------


def test_cp1252_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "cafe.txt"
    path.write_bytes("The café on Main Street reopened on Monday \x93after the flood\x94.".encode("latin-1"))
    [doc] = _only_documents([path])
    assert doc.text == "The café on Main Street reopened on Monday “after the flood”."


def test_latin1_french_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    text = "Le café était fermé. Les clients sont partis à midi, déçus."
    path.write_bytes(text.encode("latin-1"))
    [doc] = _only_documents([path])
    assert doc.text == text


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("Crème brûlée in Zürich.\nNaïve café owners complained.".encode("utf-16"))
    [doc] = _only_documents([path])
    assert doc.text == "Crème brûlée in Zürich.\nNaïve café owners complained."


def test_utf8_with_bom() -> None:
    assert decode("\ufeffGuaidó spoke.".encode()) == "Guaidó spoke."


def test_binary_data_is_rejected() -> None:
    with pytest.raises(ChorusInputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "image.txt")


# --- Bad input -------------------------------------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(ChorusInputError, match="no readable text"):
        load([path])


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "blank.txt", "  \n\n\t\n")
    with pytest.raises(ChorusInputError):
        load([path])


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(b"\x00\x01\x02binary\x00" * 50)
    with pytest.raises(ChorusInputError, match="no readable text"):
        load([path])


def test_bad_files_are_skipped_when_good_ones_remain(tmp_path: Path) -> None:
    (tmp_path / "data.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (tmp_path / "empty.txt").write_bytes(b"")
    _write(tmp_path / "good.txt", "A good report. It has text.")
    docs = _only_documents([tmp_path])
    assert [d.id for d in docs] == ["good"]


def test_all_files_bad(tmp_path: Path) -> None:
    (tmp_path / "data.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (tmp_path / "empty.txt").write_bytes(b"")
    _write(tmp_path / "bad.jsonl", "{not json\n")
    with pytest.raises(ChorusInputError, match=r"no readable text in the input \(3 file\(s\) skipped\)"):
        load([tmp_path])


def test_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(ChorusInputError, match="no readable files"):
        load([tmp_path / "empty"])


def test_folder_with_only_unknown_files(tmp_path: Path) -> None:
    _write(tmp_path / "x.docx", "text")
    with pytest.raises(ChorusInputError, match="no readable files"):
        load([tmp_path])


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(ChorusInputError, match="no such file or folder"):
        load([tmp_path / "nope.txt"])


def test_no_paths() -> None:
    with pytest.raises(ChorusInputError, match="no input"):
        load([])


def test_errors_are_one_line(tmp_path: Path) -> None:
    with pytest.raises(ChorusInputError) as caught:
        load([tmp_path / "nope.txt"])
    assert "\n" not in str(caught.value)


def test_stdin_json_cluster_keeps_its_id_without_query(monkeypatch: pytest.MonkeyPatch) -> None:
    data = {"id": "S", "documents": [{"id": "a", "text": STORY}]}
    monkeypatch.setattr(sys, "stdin", _FakeStdin(json.dumps(data).encode()))
    [cluster] = load(["-"])
    assert cluster.id == "S"


# --- Publication dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("2019-04-30", "2019-04-30"),
        ("2019-04-30T14:05:00Z", "2019-04-30 14:05"),
        ("2019-04-30 14:05", "2019-04-30 14:05"),
        ("Tue, 30 Apr 2019 14:05:00 GMT", "2019-04-30 14:05"),
        ("04/30/2019 14:05:00", "2019-04-30 14:05"),  # US newswire: month first
        ("30/04/2019", "2019-04-30"),  # 30 cannot be a month
        ("April 30, 2019", "2019-04-30"),
        ("30 Apr 2019", "2019-04-30"),
        ("last Tuesday", "last Tuesday"),  # kept as given, read by nothing that needs a day
        ("13/13/2019", "13/13/2019"),
        ("Apr 2019 999999999999999999999999999999 14:00:00", "Apr 2019 999999999999999999999999999999 14:00:00"),  # overflow
        ("  ", ""),
        (1556634600, "2019-04-30 14:30"),  # seconds since 1970, UTC
        (1556634600000, "2019-04-30 14:30"),  # milliseconds
        (19980612, "1998-06-12"),
        (12345, ""),
        (["2019-04-30"], ""),
        (None, ""),
    ],
)
def test_publication_dates_in_the_forms_news_data_carries_become_iso(written: object, read: str) -> None:
    from chorus.ingest import iso_date

    assert iso_date(written) == read


def test_jsonl_dates_are_read_as_iso(tmp_path: Path) -> None:
    rows = [{"id": "a", "text": STORY, "date": "06/10/1998 11:09:00"}, {"id": "b", "text": STORY + " More.", "date": 19980612}]
    path = _write(tmp_path / "wire.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")
    assert [d.date for d in _only_documents([path])] == ["1998-06-10 11:09", "1998-06-12"]  # ISO basic form too


def test_a_labelled_date_line_in_another_form_gives_the_date(tmp_path: Path) -> None:
    path = _write(tmp_path / "storm.txt", f"Storm hits the coast\nPublished: March 14, 2026\n\n{STORY}\n")
    [doc] = _only_documents([path])
    assert (doc.title, doc.date, doc.text) == ("Storm hits the coast", "2026-03-14", STORY)
    # a label followed by something that is no date is text, not a date
    path = _write(tmp_path / "notes.txt", f"Updated: see the end of this page\n\n{STORY}\n")
    [doc] = _only_documents([path])
    assert doc.date == "" and "see the end" in doc.title + doc.text


def test_an_ldc_newswire_id_dates_a_report_that_has_no_date(tmp_path: Path) -> None:
    from chorus.ingest import date_from_id

    assert date_from_id("NYT19980612.0403") == "1998-06-12"
    assert date_from_id("AFP_ENG_19940512.0004") == "1994-05-12"
    assert date_from_id("d30001t-APW19981016.0240") == date_from_id("APW19981016.0240.txt") == "1998-10-16"
    assert date_from_id("xAPW19981016.0240") == date_from_id("APW19981016.02401") == ""
    assert date_from_id("APW19981345.0001") == ""  # no 45th day
    assert date_from_id("story-20190430") == date_from_id("courier") == ""
    rows = [{"id": "APW19981016.0240", "text": STORY}, {"id": "XIE19980304.0061", "text": STORY + ".", "date": "Mar 5, 1998"}]
    path = _write(tmp_path / "wire.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")
    assert [d.date for d in _only_documents([path])] == ["1998-10-16", "1998-03-05"]  # a given date wins
    [doc] = _only_documents([_write(tmp_path / "NYT19980612.0403", f"{STORY}\n")])
    assert doc.date == "1998-06-12"
