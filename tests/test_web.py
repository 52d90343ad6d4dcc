"""The web page end to end in headless Chromium (Debian's ``chromium`` driven by Playwright).

Skips cleanly when Chromium, Playwright or the serve extra is missing. A screenshot of the page
after summarising the Venezuela example is kept in ``tests/artifacts/``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api")

import chorus  # noqa: E402
from chorus.ingest import load  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHORUS_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def base_url():
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "chorus.server:create_app", "--factory", "--host", "127.0.0.1", "--port", str(port),
         "--log-level", "warning"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"server exited: {process.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("server did not start within 30 s")
    yield url
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    if executable is None:
        pytest.skip("chromium not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Exception as error:  # a browser that cannot start here: skip, do not fail
            pytest.skip(f"chromium does not start: {error}")
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []  # script errors and dialogs (an alert would mean injected markup ran)
    page.console = []  # console errors, failed loads included
    page.outside = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda message: page.console.append(message.text) if message.type == "error" else None)
    page.on(
        "request",
        lambda request: None if request.url.startswith((base_url, "data:", "blob:")) else page.outside.append(request.url),
    )
    page.on("dialog", lambda dialog: (page.errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    yield page
    context.close()


def test_venezuela_brief_in_the_browser(page, base_url, venezuela_dir):
    expected = chorus.summarize(load([venezuela_dir])[0].documents, words=100)
    files = sorted(str(p) for p in venezuela_dir.glob("*.txt"))

    page.goto(base_url + "/")
    assert page.title().startswith("Chorus")
    page.set_input_files("#files", files)
    assert page.locator("#file-list li").count() == len(files)
    page.click("#submit")
    page.wait_for_selector(".brief-sentence", timeout=60_000)

    # The brief: the same sentences as the library gives, each with its corroboration count.
    links = page.locator(".brief-sentence a.sentence-link")
    assert links.all_inner_texts() == [s.text for s in expected.sentences]
    counts = page.locator(".brief-sentence .corroboration").all_inner_texts()
    assert counts == [f"{s.corroboration_count} of {expected.outlet_count} outlets" for s in expected.sentences]
    assert any(s.corroboration_count >= 3 for s in expected.sentences)
    assert page.locator("#status").inner_text().startswith("Brief of")

    # Disagreements, quotes, entities, pictures.
    disagreements = page.locator(".disagreements")
    assert disagreements.is_visible()
    assert "50 countries" in disagreements.inner_text()
    assert page.locator(".quotes .quote").count() > 3
    names = page.locator(".entity-list .entity-name").all_inner_texts()
    assert "Juan Guaidó" in names
    assert page.locator("svg.coverage rect.cell").count() == len(expected.sentences) * len(expected.documents)
    assert page.locator("svg.coverage rect.cell-source").count() == len(expected.sentences)
    assert page.locator("svg.timeline-strip").is_visible()

    # Clicking a sentence opens its source article and highlights it there.
    number = 2
    sentence = expected.sentences[number - 1]
    mark = page.locator(f"mark#m{number}")
    assert not mark.is_visible()  # articles start folded
    links.nth(number - 1).click()
    page.wait_for_selector(f"mark#m{number}.is-current", state="visible")
    assert mark.inner_text() == sentence.text
    article = page.locator(f"details.source:has(mark#m{number})")
    assert article.get_attribute("data-doc-id") == sentence.source
    assert article.evaluate("element => element.open")
    assert page.locator("mark.is-current").count() == 1
    assert page.locator(f"#s{number}.is-current").count() == 1
    box = mark.bounding_box()
    assert box is not None and 0 <= box["y"] <= 900  # scrolled into view

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web_venezuela.png"), full_page=True)
    assert page.errors == []
    assert page.console == []
    assert page.outside == []  # nothing fetched from anywhere but the app


def test_pasted_reports_are_shown_as_text(page, base_url):
    reports = [
        "Heavy rain caused the Elm River dam to fail on Monday, flooding the town of Marlow. <script>alert('x')</script> "
        "Officials said 12 people were killed and hundreds were evacuated from their homes.",
        "The Elm River dam failed on Monday after heavy rain and flooded the town of Marlow. "
        "At least 12 people were killed, officials said, and hundreds were evacuated from their homes.",
    ]
    page.goto(base_url + "/")
    page.fill("#paste", "\n---\n".join(reports))
    page.fill("#words", "40")
    page.click("#submit")
    page.wait_for_selector(".brief-sentence", timeout=60_000)
    assert page.locator(".brief-sentence").count() >= 1
    assert page.locator("script:not([src])").count() == 0
    assert page.errors == []


def test_errors_are_shown(page, base_url):
    page.goto(base_url + "/")
    page.click("#submit")
    assert "Paste a report" in page.locator("#error").inner_text()
    page.set_input_files("#files", files=[{"name": "photo.png", "mimeType": "image/png", "buffer": b"\x89PNG\r\n\x1a\n"}])
    page.click("#submit")
    page.wait_for_function("document.getElementById('error').textContent.includes('unsupported file type')")
    assert page.locator(".brief-sentence").count() == 0
    assert page.errors == []


def test_self_contained_html_report(browser, venezuela_dir, tmp_path):
    from chorus.html_report import to_html

    summary = chorus.summarize(load([venezuela_dir])[0].documents, words=100)
    path = tmp_path / "brief.html"
    path.write_text(to_html(summary, title="Venezuela, 30 April 2019"), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri())
    assert page.locator(".brief-sentence").count() == len(summary.sentences)
    page.locator(".brief-sentence a.sentence-link").first.click()
    page.wait_for_selector("mark#m1.is-current", state="visible")
    assert requests == [path.as_uri()]  # one file: no stylesheet, script, font or image fetched
    assert errors == []
    context.close()


def test_digest_view_in_the_browser(page, base_url, venezuela_dir):
    demo = sorted(Path(chorus.__file__).resolve().parent.joinpath("demo").glob("*.txt"))
    files = sorted(str(p) for p in venezuela_dir.glob("*.txt")) + [str(p) for p in demo]
    page.goto(base_url + "/")
    page.set_input_files("#files", files)
    page.fill("#words", "60")
    page.click("#submit-digest")
    page.wait_for_selector("section.story", timeout=60_000)
    stories = page.locator("section.story")
    assert stories.count() == 2
    headings = " ".join(stories.locator("h2").all_inner_texts())
    assert "Venezuela" in headings and ("Velmora" in headings or "dam" in headings.lower())
    assert page.locator("#status").inner_text().startswith("2 stories")
    # Each story's sentences highlight inside that story's own sources (ids are unique per story).
    second = stories.nth(1)
    link = second.locator("a.sentence-link").first
    target = link.get_attribute("data-target")
    assert target.startswith("k2-")
    link.click()
    page.wait_for_selector(f"#{target}.is-current", state="visible")
    assert page.locator(".is-current").count() >= 1
    assert page.errors == []
