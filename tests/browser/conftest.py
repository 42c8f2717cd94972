"""Playwright on Debian's Chromium against pytest-django's live_server.

Browser tests are transactional (the live server runs in another thread), so pytest-django runs
them after the others and flushes the database after each one: `food_table` reloads the shipped
foods when a test needs ingredient matching.
"""

import os
import shutil
import threading
import time
from dataclasses import dataclass, field

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


def wait_for_live_server_requests(timeout: float = 15.0) -> list[threading.Thread]:
    """Join the live server's request threads; return those still running after `timeout`.

    Django's ThreadedWSGIServer answers each connection in a daemon thread that shares the test's
    in-memory SQLite connection. A request still running when the test ends (a preview fired by a
    600 ms htmx delay, a keep-alive connection not yet closed) would use that connection while
    pytest-django flushes the database, and the flush fails ("couldn't be flushed"), so the next
    test starts with the last one's rows.
    """
    deadline = time.monotonic() + timeout
    for thread in _request_threads():
        thread.join(max(0.0, deadline - time.monotonic()))
    return _request_threads()


def _request_threads() -> list[threading.Thread]:
    """The live server's running request threads (socketserver.ThreadingMixIn.process_request_thread)."""
    return [
        thread
        for thread in threading.enumerate()
        if thread is not threading.current_thread()
        and getattr(getattr(thread, "_target", None), "__name__", "") == "process_request_thread"
    ]


@pytest.fixture(autouse=True)
def _quiet_live_server(request):
    """After each browser test's own teardown (its pages closed), wait for the requests they left
    running, before the database is flushed: set up after transactional_db and live_server, it is
    torn down before them."""
    if "live_server" in request.fixturenames:
        request.getfixturevalue("transactional_db")
        request.getfixturevalue("live_server")
    yield
    still_running = wait_for_live_server_requests()
    assert not still_running, f"{len(still_running)} live-server request(s) still running after the test"


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module: Playwright's sync API allows one running instance per thread,
    and other modules (tests/api/test_docs_browser.py) start their own."""
    if not CHROMIUM:
        pytest.skip("Chromium not found: install Debian's `chromium` package to run the browser tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    # Playwright's sync API keeps an event loop on this thread; the ORM calls the tests make in
    # between browser steps are ordinary blocking calls, so Django's async guard does not apply.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@dataclass
class Watched:
    """A page with every console error, uncaught exception and refused request it produced."""

    page: object
    problems: list[str] = field(default_factory=list)


def watch(page) -> Watched:
    watched = Watched(page)
    page.on("pageerror", lambda error: watched.problems.append(f"page error: {error}"))

    def on_console(message):
        # Chromium reports a CSP refusal as a console error; some builds log it as a warning.
        if message.type == "error" or "Content-Security-Policy" in message.text:
            watched.problems.append(f"console {message.type}: {message.text}")

    page.on("console", on_console)

    def on_request_failed(request) -> None:
        # A request the page itself cancels (select2 dropping the last search as the user types, a
        # navigation leaving a fetch behind) is not a failure; anything else is.
        if request.failure != "net::ERR_ABORTED":
            watched.problems.append(f"request failed: {request.url} ({request.failure})")

    page.on("requestfailed", on_request_failed)
    return watched


@pytest.fixture
def new_page(browser, live_server):
    """new_page(user=None, viewport=None) -> Watched; closes its contexts after the test."""
    contexts = []

    def make(user=None, viewport=None) -> Watched:
        context = browser.new_context(base_url=live_server.url, viewport=viewport or {"width": 1280, "height": 900})
        contexts.append(context)
        if user is not None:
            from django.conf import settings
            from django.test import Client

            client = Client()
            client.force_login(user)
            cookie = client.cookies[settings.SESSION_COOKIE_NAME]
            context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
        page = context.new_page()
        page.set_default_timeout(15_000)
        return watch(page)

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def food_table(transactional_db):
    """The shipped food table, reloaded if an earlier transactional test flushed it."""
    from django.core.management import call_command

    from recipes.models import Food
    from recipes.selectors import food_index_cache, get_food_index

    if not Food.objects.exists():
        call_command("load_foods", verbosity=0)
    food_index_cache.clear()
    # Built here rather than inside the test's first request, where on a busy machine it outlasted
    # Playwright's 5 s wait (the live server shares this process and so this cache).
    get_food_index()
    yield
    food_index_cache.clear()
