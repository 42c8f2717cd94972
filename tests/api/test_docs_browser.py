"""Swagger UI and Redoc in a real Chromium under the site's Content-Security-Policy."""

import shutil

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

# Redoc's sidebar credit links to Redocly with a logo from their CDN; the policy blocks it (as it
# should) and Redoc hides the broken image. Anything else refused by the policy is a failure.
KNOWN_BLOCKED = ("https://cdn.redoc.ly/redoc/logo-mini.svg",)


@pytest.fixture(scope="module")
def docs_server():
    """A live server for the docs pages, which need no database: pytest-django's live_server would
    make the test transactional and flush the food table the session loaded for everyone else."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.test.testcases import LiveServerThread

    thread = LiveServerThread("127.0.0.1", StaticFilesHandler, connections_override={}, port=0)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM:
        pytest.skip("chromium is not installed")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.mark.parametrize(("path", "rendered"), [("/api/docs/", ".opblock"), ("/api/redoc/", "[data-section-id]")])
def test_docs_page_renders_the_api_without_policy_violations(browser, docs_server, path, rendered):
    page = browser.new_page()
    problems, outside = [], []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if message.type == "error" and not any(url in message.text for url in KNOWN_BLOCKED)
            else None
        ),
    )
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith((docs_server, "data:", "blob:")) and request.url not in KNOWN_BLOCKED
            else None
        ),
    )

    page.goto(docs_server + path, wait_until="networkidle")
    page.wait_for_selector(rendered, timeout=20_000)

    assert page.locator(rendered).count() > 5  # the operations are on the page
    assert "/api/v1/recipes/" in page.content()
    assert problems == []
    assert outside == []
    page.close()
