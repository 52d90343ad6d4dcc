"""Property-based fuzzing (hypothesis) of ingest, cleaning, splitting and summarize.

Arbitrary unicode, control characters, huge tokens, binary, empty input and deeply nested HTML:
the only exception allowed is ``ChorusInputError`` (the documented input error). The number of
examples per target is ``CHORUS_FUZZ_EXAMPLES`` (default 300); the counts actually run are printed
at the end of the session (``pytest -s``) and written to ``tests/artifacts/fuzz_counts.json``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import chorus  # noqa: E402
from chorus import clean, segment  # noqa: E402
from chorus.errors import ChorusInputError  # noqa: E402
from chorus.ingest import decode, document_from_html, parse_bytes  # noqa: E402
from chorus.models import Cluster, Document  # noqa: E402

EXAMPLES = int(os.environ.get("CHORUS_FUZZ_EXAMPLES", "300"))
settings.register_profile(
    "chorus-fuzz",
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
    database=None,
)
fuzz = settings.get_profile("chorus-fuzz")

COUNTS: dict[str, int] = {}


def count(name: str) -> None:
    COUNTS[name] = COUNTS.get(name, 0) + 1


@pytest.fixture(scope="module", autouse=True)
def report_counts():
    yield
    total = sum(COUNTS.values())
    print(f"\nfuzz cases run: {total} ({', '.join(f'{k} {v}' for k, v in sorted(COUNTS.items()))})")
    artifacts = Path(__file__).resolve().parent / "artifacts"
    artifacts.mkdir(exist_ok=True)
    (artifacts / "fuzz_counts.json").write_text(json.dumps({"total": total, **COUNTS}, indent=1) + "\n")


# --- strategies ---

CONTROL = st.characters(min_codepoint=0, max_codepoint=31)
WORDS = st.sampled_from(
    ["The", "dam", "failed", "on", "Monday", "U.S.", "Gen.", "3.5", "“quoted”", '"', "said", "Guaidó", "—AFP", "Photo:",
     "\u200b", "\ufeff", "\u202e", "é", "ﬁ", "🙂", "...", "?!", "\r\n", "\n\n", "•", "-", "<b>", "</p>", "&amp;", "&#0;"]
)  # fmt: skip
NEWSISH = st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=60).map(" ".join)
HUGE_TOKEN = st.integers(min_value=1_000, max_value=60_000).map(lambda n: "x" * n)
TEXT = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=CONTROL, max_size=100),
    NEWSISH,
    HUGE_TOKEN,
    st.just(""),
    st.lists(NEWSISH, max_size=6).map("\n\n".join),
)


@st.composite
def nested_html(draw) -> str:
    depth = draw(st.integers(min_value=0, max_value=3000))
    tag = draw(st.sampled_from(["div", "p", "span", "b", "article", "table", "li", "script", "x-y"]))
    inner = draw(NEWSISH)
    closed = draw(st.booleans())
    return "<html><body>" + f"<{tag}>" * depth + inner + (f"</{tag}>" * depth if closed else "") + "</body></html>"


HTML = st.one_of(
    nested_html(), TEXT.map(lambda t: f"<html><body><p>{t}</p></body></html>"), st.text(alphabet="<>/=\"' ap", max_size=300)
)
BYTES = st.one_of(
    st.binary(max_size=2000),
    TEXT.map(lambda t: t.encode("utf-8", errors="surrogatepass")),
    TEXT.map(lambda t: t.encode("utf-16")),
    HTML.map(lambda t: t.encode("utf-8", errors="surrogatepass")),
    st.recursive(
        st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=30)),
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(
                st.sampled_from(["text", "html", "id", "documents", "title", "date", "query", "references"]), children, max_size=4
            ),
        ),
        max_leaves=20,
    ).map(lambda v: json.dumps(v).encode()),
)
NAMES = st.sampled_from(["a.txt", "b.md", "c.html", "d.htm", "e.json", "f.jsonl", "g", "-", "weird name.TXT"])


# --- properties ---


@fuzz
@given(data=BYTES, name=NAMES)
def test_parse_bytes_raises_only_input_errors(data: bytes, name: str):
    count("ingest.parse_bytes")
    try:
        clusters = parse_bytes(data, name)
    except ChorusInputError:
        return
    assert isinstance(clusters, list)
    for cluster in clusters:
        assert isinstance(cluster, Cluster)
        assert all(isinstance(d, Document) and isinstance(d.text, str) for d in cluster.documents)


DATE_PIECES = st.sampled_from(
    [
        "Tue,",
        "30",
        "Apr",
        "April",
        "2019",
        "99999",
        "14:00:00",
        "GMT",
        "+0200",
        "/",
        "-",
        "T",
        "Z",
        "13",
        "0",
        ",",
        " ",
        "99:99",
        "9" * 30,
        "Feb",
        "29",
        "1900",
        "0000",
        "2019-02-30",
        "12/31/99999",
        "\x00",
        "é",
    ]
)
DATES = st.one_of(
    st.lists(DATE_PIECES, max_size=8).map("".join),
    st.lists(DATE_PIECES, min_size=3, max_size=6).map(" ".join),
    # an RFC 2822 shape with any numbers in it: the stdlib parser overflows on huge ones
    st.builds("{} Apr {} {}:00:00 GMT".format, st.integers(), st.integers(), st.integers()),
    st.text(max_size=40),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.none(),
    st.lists(st.integers(), max_size=2),
)


@fuzz
@given(value=DATES)
def test_iso_date_never_raises(value):
    from chorus.ingest import iso_date

    count("ingest.iso_date")
    read = iso_date(value)
    assert isinstance(read, str)
    assert read == "" or (read[:4].isdigit() and read[4:5] == "-") or (isinstance(value, str) and read == value.strip())


@fuzz
@given(data=BYTES)
def test_decode_raises_only_input_errors(data: bytes):
    count("ingest.decode")
    try:
        assert isinstance(decode(data, "fuzz"), str)
    except ChorusInputError:
        pass


@fuzz
@given(markup=HTML)
def test_document_from_html_never_raises(markup: str):
    count("ingest.document_from_html")
    assert isinstance(document_from_html(markup, id="fuzz").text, str)


@fuzz
@given(text=st.one_of(TEXT, HTML))
def test_clean_text_never_raises(text: str):
    count("clean.clean_text")
    cleaned = clean.clean_text(text)
    assert isinstance(cleaned, str)


@fuzz
@given(text=TEXT)
def test_split_sentences_never_raises(text: str):
    count("segment.split_sentences")
    sentences = segment.split_sentences(text)
    assert all(isinstance(s, str) and s == s.strip() and s for s in sentences)


@fuzz
@given(
    documents=st.lists(st.one_of(TEXT, HTML), max_size=6),
    words=st.integers(min_value=1, max_value=300),
    query=st.one_of(st.none(), st.text(max_size=30)),
)
def test_summarize_raises_only_input_errors(documents: list[str], words: int, query: str | None):
    count("pipeline.summarize")
    try:
        summary = chorus.summarize(documents, words=words, query=query)
    except ChorusInputError:
        return
    assert summary.words <= words
    data = summary.to_dict()
    json.dumps(data)
    ids = {d["id"] for d in data["documents"]}
    for sentence in data["sentences"]:
        assert sentence["source"] in ids


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(min_value=-(10**20), max_value=10**20), st.floats(allow_nan=False), TEXT),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.sampled_from(["documents", "text", "html", "id", "title", "date", "words", "query"]), children, max_size=4
        ),
    ),
    max_leaves=15,
)


@pytest.fixture(scope="module")
def api():
    pytest.importorskip("fastapi")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from chorus.server import ServerLimits, create_app

    with TestClient(create_app(ServerLimits(executor="thread", workers=2, max_body_bytes=200_000))) as client:
        yield client


@settings(fuzz, max_examples=max(20, EXAMPLES // 3))
@given(body=st.one_of(JSON_VALUES.map(lambda v: json.dumps(v).encode()), st.binary(max_size=500), BYTES))
def test_summarize_endpoint_never_500(api, body: bytes):
    count("server.POST /v1/summarize")
    response = api.post("/v1/summarize", content=body, headers={"content-type": "application/json"})
    assert response.status_code in (200, 413, 422), response.text
    if response.status_code != 200:
        assert set(response.json()) == {"error", "limit", "value"}
