"""The HTTP service (chorus.server) through FastAPI's TestClient, and the HTML report's escaping."""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("multipart")
from fastapi.testclient import TestClient

import chorus
from chorus import server
from chorus.html_report import render_view, to_html
from chorus.models import Document
from chorus.server import ServerLimits, create_app

REPORTS = [
    "Heavy rain caused the Elm River dam to fail on Monday, flooding the valley town of Marlow. "
    "Officials said 12 people were killed and hundreds were evacuated from their homes overnight. "
    "The regional governor declared a state of emergency and sent army engineers to the site.",
    "The Elm River dam failed on Monday after days of heavy rain and flooded the town of Marlow. "
    "At least 12 people were killed, officials said, and hundreds were evacuated from their homes. "
    "Engineers had warned last year that the dam's spillway was too small for a major storm.",
    "A state of emergency was declared after the Elm River dam failed on Monday and flooded Marlow. "
    "Hundreds of residents were evacuated from their homes and 12 people were killed, officials said. "
    "Army engineers were sent to the site to stop further flooding downstream.",
]


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(ServerLimits(executor="thread", workers=2))) as test_client:
        yield test_client


def small_client(**limits) -> TestClient:
    return TestClient(create_app(ServerLimits(executor="thread", workers=1, **limits)))


def assert_error(response, status: int, limit: str | None = None, value=None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error", "limit", "value"}
    assert isinstance(body["error"], str) and body["error"]
    assert body["limit"] == limit
    if value is not None:
        assert body["value"] == value
        assert str(value) in body["error"] or f"{value:g}" in body["error"]
    return body


def test_health_and_openapi(client):
    assert client.get("/health").json()["status"] == "ok"
    spec = client.get("/openapi.json").json()
    operation = spec["paths"]["/v1/summarize"]["post"]
    assert set(operation["requestBody"]["content"]) == {"application/json", "multipart/form-data"}
    schemas = spec["components"]["schemas"]
    assert "SummarizeRequest" in schemas and "DocumentIn" in schemas
    assert "/health" in spec["paths"]


def test_summarize_json_returns_the_core_json(client):
    response = client.post("/v1/summarize", json={"documents": REPORTS, "words": 40})
    assert response.status_code == 200, response.text
    data = response.json()
    assert {"summary", "words", "outlets", "sentences", "documents", "entities", "quotes", "disagreements", "timeline"} <= set(
        data
    )
    assert 0 < data["words"] <= 40
    assert data["outlets"] == 3
    assert [d["id"] for d in data["documents"]] == ["doc1", "doc2", "doc3"]
    for sentence in data["sentences"]:
        assert sentence["source"] in {"doc1", "doc2", "doc3"}
        assert sentence["corroborated_by"][0] == sentence["source"]
    assert "view" not in data
    # Same brief as the library gives.
    assert data["summary"] == chorus.summarize(REPORTS, words=40).text


def test_summarize_json_with_fields_query_and_html(client):
    page = (
        "<html><head><title>Dam fails</title><script>var tracking = 1;</script></head><body><nav>Home | World</nav>"
        f"<article><h1>Dam fails</h1><p>{REPORTS[1]}</p></article><footer>Subscribe</footer></body></html>"
    )
    body = {
        "documents": [
            {"text": REPORTS[0], "id": "courier", "title": "Flood", "date": "2026-03-10"},
            {"html": page, "id": "herald"},
            {"text": REPORTS[2], "id": "wire", "date": "Wed, 11 Mar 2026 08:30:00 GMT"},
        ],
        "words": 50,
        "query": "evacuation",
    }
    data = client.post("/v1/summarize", json=body).json()
    assert [d["id"] for d in data["documents"]] == ["courier", "herald", "wire"]
    herald = data["documents"][1]
    assert herald["words"] > 20
    assert data["documents"][0]["date"] == "2026-03-10"
    assert data["documents"][2]["date"] == "2026-03-11 08:30"  # read as ISO, as files are
    assert "tracking" not in json.dumps(data)


def test_request_documents_read_as_json_files_are(client):
    """A request's documents are built as a JSON file's are: an undated LDC newswire id gives the day."""
    body = {"documents": [{"text": REPORTS[0], "id": "APW19981016.0240"}, {"text": REPORTS[1], "id": "herald"}], "words": 50}
    data = client.post("/v1/summarize", json=body).json()
    assert [d["date"] for d in data["documents"]] == ["1998-10-16", ""]


def test_summarize_multipart_upload(client, tmp_path: Path):
    files = [
        ("files", ("courier.txt", REPORTS[0].encode(), "text/plain")),
        ("files", ("herald.md", REPORTS[1].encode("utf-16"), "text/markdown")),
        ("files", ("wire.html", f"<html><body><article><p>{REPORTS[2]}</p></article></body></html>".encode(), "text/html")),
        ("files", ("more.json", json.dumps([{"text": REPORTS[0], "id": "extra"}]).encode(), "application/json")),
    ]
    response = client.post("/v1/summarize?view=true", files=files, data={"words": "60", "query": "dam"})
    assert response.status_code == 200, response.text
    data = response.json()
    assert [d["id"] for d in data["documents"]] == ["courier", "herald", "wire", "extra"]
    assert 0 < data["words"] <= 60
    assert data["view"].startswith('<div class="chorus-view">')
    assert 'class="brief-sentence"' in data["view"]


def test_multipart_rejects_unsupported_and_binary_files(client):
    response = client.post("/v1/summarize", files=[("files", ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"))])
    assert "unsupported file type" in assert_error(response, 422)["error"]
    response = client.post("/v1/summarize", files=[("files", ("a.txt", b"\x00\x01\x02binary" * 50, "text/plain"))])
    assert "binary" in assert_error(response, 422)["error"]
    response = client.post(
        "/v1/summarize", files=[("files", ("a.txt", REPORTS[0].encode(), "text/plain"))], data={"words": "many"}
    )
    assert "words" in assert_error(response, 422)["error"]
    response = client.post("/v1/summarize", files=[("files", ("empty.txt", b"   \n", "text/plain"))])
    assert_error(response, 422)


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not valid JSON"),
        (b"", "not valid JSON"),
        (b"[1, 2]", "invalid request"),
        (b'"just a string"', "invalid request"),
        (b"{}", "documents"),
        (b'{"documents": "text"}', "documents"),
        (b'{"documents": []}', "no documents"),
        (b'{"documents": [{"title": "no text"}]}', "'text' or an 'html'"),
        (b'{"documents": [{"text": 5}]}', "documents.0"),
        (b'{"documents": [{"text": null, "html": null}]}', "documents.0"),
        (b'{"documents": ["a"], "words": "ten"}', "words"),
        (b'{"documents": ["a"], "words": 0}', "words"),
        (b'{"documents": ["a"], "words": 1.5}', "words"),
        (b'{"documents": ["   "]}', "no readable text"),
        (b'{"documents": [{"html": "<html></html>"}]}', "no readable text"),
        (b'{"documents": ["a"], "query": ["x"]}', "query"),
        (b'{"documents": [' + b"[" * 5000 + b"]" * 5000 + b"]}", "JSON"),
    ],
)
def test_malformed_json_is_422_never_500(client, body: bytes, fragment: str):
    response = client.post("/v1/summarize", content=body, headers={"content-type": "application/json"})
    assert fragment in assert_error(response, 422)["error"]


def test_limit_body_bytes():
    with small_client(max_body_bytes=1000) as client:
        response = client.post("/v1/summarize", json={"documents": ["word " * 500]})
        assert_error(response, 413, "max_body_bytes", 1000)
        # Chunked upload without a Content-Length is cut off as well.
        response = client.post(
            "/v1/summarize",
            content=iter([b'{"documents": ["', b"x" * 800, b"y" * 800, b'"]}']),
            headers={"content-type": "application/json"},
        )
        assert_error(response, 413, "max_body_bytes", 1000)
        files = [("files", ("a.txt", b"word " * 400, "text/plain"))]
        assert_error(client.post("/v1/summarize", files=files), 413, "max_body_bytes", 1000)
        assert client.post("/v1/summarize", json={"documents": [REPORTS[0]]}).status_code == 200


def test_limit_documents():
    with small_client(max_documents=3) as client:
        assert_error(client.post("/v1/summarize", json={"documents": [*REPORTS, REPORTS[0]]}), 413, "max_documents", 3)
        files = [("files", (f"r{i}.txt", REPORTS[i % 3].encode(), "text/plain")) for i in range(4)]
        assert_error(client.post("/v1/summarize", files=files), 413, "max_documents", 3)
        # A JSON file expanding to too many documents is caught after parsing.
        many = json.dumps([{"text": r} for r in REPORTS * 2]).encode()
        assert_error(
            client.post("/v1/summarize", files=[("files", ("many.json", many, "application/json"))]), 413, "max_documents", 3
        )
        assert client.post("/v1/summarize", json={"documents": REPORTS}).status_code == 200


def test_limit_words_per_document():
    with small_client(max_words_per_document=50) as client:
        long_text = " ".join(REPORTS)
        assert_error(client.post("/v1/summarize", json={"documents": [long_text]}), 413, "max_words_per_document", 50)
        page = f"<html><body><article><p>{long_text}</p></article></body></html>"
        assert_error(client.post("/v1/summarize", json={"documents": [{"html": page}]}), 413, "max_words_per_document", 50)
        files = [("files", ("long.txt", long_text.encode(), "text/plain"))]
        assert_error(client.post("/v1/summarize", files=files), 413, "max_words_per_document", 50)


def test_limit_brief_words():
    with small_client(max_brief_words=500) as client:
        assert_error(client.post("/v1/summarize", json={"documents": REPORTS, "words": 501}), 422, "max_brief_words", 500)


def test_limit_time_budget(monkeypatch):
    original = server.run_job

    def slow_job(*args, **kwargs):
        time.sleep(1.0)
        return original(*args, **kwargs)

    monkeypatch.setattr(server, "run_job", slow_job)
    with small_client(time_budget_seconds=0.2) as client:
        started = time.perf_counter()
        body = assert_error(client.post("/v1/summarize", json={"documents": REPORTS}), 503, "time_budget_seconds", 0.2)
        assert "time budget" in body["error"]
        assert time.perf_counter() - started < 0.9
        assert client.get("/health").status_code == 200


def test_process_pool_executor():
    with TestClient(create_app(ServerLimits(executor="process", workers=1))) as client:
        data = client.post("/v1/summarize", json={"documents": REPORTS, "words": 40}).json()
        assert data["summary"] == chorus.summarize(REPORTS, words=40).text
        body = assert_error(client.post("/v1/summarize", json={"documents": ["  "]}), 422)
        assert "no readable text" in body["error"]


def test_web_page_and_assets_are_served_without_cdn(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "http://" not in page.text and "https://" not in page.text
    for name, kind in (("app.js", "javascript"), ("view.js", "javascript"), ("app.css", "css")):
        response = client.get(f"/assets/{name}")
        assert response.status_code == 200 and kind in response.headers["content-type"]
        assert "http://" not in response.text and "https://" not in response.text
    assert_error(client.get("/assets/..%2Fserver.py"), 404)
    assert_error(client.get("/assets/index.html"), 404)
    assert_error(client.get("/no/such/page"), 404)
    assert_error(client.delete("/v1/summarize"), 405)


def test_server_reads_no_paths_and_fetches_no_urls(client, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the server tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    secret = Path(chorus.__file__)
    body = {
        "documents": [
            {"text": str(secret), "id": "path"},
            {
                "html": '<html><body><iframe src="http://example.com/x"></iframe><img src="file:///etc/passwd"><p>'
                + REPORTS[0]
                + "</p></body></html>",
                "id": "page",
            },
            {"text": "https://example.com/article " + REPORTS[1], "id": "url"},
        ]
    }
    response = client.post("/v1/summarize", json=body)
    assert response.status_code == 200, response.text
    assert "Chorus: many news reports" not in response.text  # the file's docstring was not read
    files = [("files", (str(secret), b"/etc/passwd", "text/plain"))]
    data = client.post("/v1/summarize", files=files).json()
    assert "root:" not in json.dumps(data)


HOSTILE = '<script>alert("x")</script> Officials said <b>12</b> people & "others" were killed on Monday in Marlow.'


def test_html_report_escapes_source_text():
    documents = [
        Document(text=HOSTILE + " " + REPORTS[0], id='<img src=x onerror="alert(1)">', title="<script>t()</script>"),
        Document(text=REPORTS[1] + " " + HOSTILE, id="b"),
        Document(text=REPORTS[2], id="c"),
    ]
    summary = chorus.summarize(documents, words=80)
    for page in (to_html(summary), render_view(summary)):
        assert "<script>alert" not in page
        assert "<script>t()" not in page
        assert "<img src=x" not in page
        assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page
        assert "<b>12</b>" not in page
    page = to_html(summary)
    assert page.count("<script>") == 1  # only the report's own inline script
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_html_report_view_contents(venezuela_documents):
    summary = chorus.summarize(venezuela_documents, words=100)
    page = to_html(summary, title="Venezuela")
    assert page.startswith("<!doctype html>")
    assert page.count('class="brief-sentence"') == len(summary.sentences)
    for number, sentence in enumerate(summary.sentences, 1):
        assert f'id="m{number}"' in page, f"sentence {number} not marked in its source"
        assert f"{sentence.corroboration_count} of {summary.outlet_count} outlets" in page
    assert '<svg class="coverage"' in page and '<svg class="timeline-strip"' in page
    assert page.count('class="cell ') == len(summary.sentences) * len(summary.documents)
    assert "50 countries" in page
    assert "Guaidó" in page


def test_html_report_of_an_empty_summary():
    summary = chorus.summarize(["Too short."], words=10)
    page = to_html(summary)
    assert "No coverage to show" in page or 'class="brief-sentence"' in page


def test_cli_serve_command(monkeypatch):
    import argparse

    import uvicorn

    from chorus import cli_serve

    parser = argparse.ArgumentParser(prog="chorus")
    cli_serve.add_command(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["serve", "--port", "8123", "--max-documents", "7", "--time-budget", "5"])
    assert (args.host, args.port) == ("127.0.0.1", 8123)
    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: started.update(app=app, **kwargs))
    assert cli_serve.run_serve(args) == 0
    assert (started["host"], started["port"]) == ("127.0.0.1", 8123)
    limits = started["app"].state.limits
    assert (limits.max_documents, limits.time_budget_seconds) == (7, 5.0)
    with pytest.raises(chorus.ChorusInputError):
        cli_serve.run_serve(parser.parse_args(["serve", "--port", "70000"]))


def test_digest_groups_two_events_and_briefs_each(client):
    flood = [{"text": text, "id": f"flood{i}"} for i, text in enumerate(REPORTS)]
    election = [
        {
            "id": f"vote{i}",
            "text": f"Voters in Lanmark elected Petra Osei as mayor on Sunday with {52 + i} percent of the vote, "
            "the electoral commission said. Osei promised to rebuild the harbour and cut bus fares. "
            "Turnout in the Lanmark mayoral election was the highest in twenty years, officials said.",
        }
        for i in range(3)
    ]
    response = client.post("/v1/digest", json={"documents": flood + election, "words": 40})
    assert response.status_code == 200, response.text
    stories = response.json()["stories"]
    groups = sorted(sorted(story["documents"]) for story in stories)
    assert groups == [["flood0", "flood1", "flood2"], ["vote0", "vote1", "vote2"]]
    for story in stories:
        assert 0 < story["brief"]["words"] <= 40
        assert {s["source"] for s in story["brief"]["sentences"]} <= set(story["documents"])


def test_digest_limits_and_errors(client):
    assert_error(client.post("/v1/digest", json={"documents": []}), 422)
    assert_error(client.post("/v1/digest", content=b"{not json", headers={"content-type": "application/json"}), 422)
    small = small_client(max_documents=2)
    assert_error(small.post("/v1/digest", json={"documents": [{"text": "a b c"}] * 3}), 413, "max_documents", 2)


def _processes_serving(port: int) -> list[int]:
    """The PIDs whose command line serves ``port`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if "chorus.server:create_app" in command and f"--port {port} " in command + " ":
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
@pytest.mark.parametrize("stop", ["SIGTERM", "SIGINT"])
def test_stopping_the_server_stops_its_worker_processes(stop: str) -> None:
    import signal
    import subprocess
    import sys

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-m", "uvicorn", "chorus.server:create_app", "--factory", "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while len(_processes_serving(port)) < 2 and time.monotonic() < deadline:  # the server and its workers
            time.sleep(0.2)
        assert len(_processes_serving(port)) >= 2, "the server started no worker process"
        process.send_signal(getattr(signal, stop))
        process.wait(timeout=30)
        deadline = time.monotonic() + 10
        while _processes_serving(port) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _processes_serving(port) == []  # no worker left behind as an orphan
    finally:
        process.kill()
        for pid in _processes_serving(port):
            os.kill(pid, signal.SIGKILL)
