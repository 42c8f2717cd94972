"""Screenshots of the main pages into docs/screenshots/, from a fresh throwaway database.

Run with `make screenshots` (or `.venv/bin/python docs/screenshots.py`). It builds a SQLite
database in a temporary directory (migrate, load_catalogue, create_demo_user and a staff account),
serves it with `manage.py runserver` on a free port, and drives Debian's Chromium with Playwright.
Nothing is read from or written to the network beyond 127.0.0.1; the server is stopped in all cases.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
PYTHON = sys.executable
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# A full-page shot is clipped to the top CLIP_HEIGHT_PX when its file is over MAX_BYTES or the page is
# taller than MAX_HEIGHT_PX (the API docs list every schema; nobody reads a 6,000 px image in a README).
MAX_BYTES = 600 * 1024
MAX_HEIGHT_PX = 4000
CLIP_HEIGHT_PX = 2000
STAFF_USERNAME = "screenshots-admin"
STAFF_PASSWORD = "screenshots-admin-password"
RECIPE_FILTERS = "?diet=vegan&min_fiber_g=8&ordering=-gut_score"

# Runs inside `manage.py shell`: a staff account for the admin page, then the ids the pages need.
SETUP_SNIPPET = f"""
import json
from django.contrib.auth import get_user_model
from mealplan.models import Plan
from recipes.models import Recipe
User = get_user_model()
staff, _ = User.objects.get_or_create(username={STAFF_USERNAME!r}, defaults={{"email": "admin@localhost"}})
staff.is_staff = staff.is_superuser = True
staff.set_password({STAFF_PASSWORD!r})
staff.save()
recipe = Recipe.objects.filter(is_public=True).order_by("-gut_score", "id").first()
plan = Plan.objects.filter(owner__username="demo").order_by("-id").first()
print(json.dumps({{"recipe_id": recipe and recipe.pk, "plan_id": plan and plan.pk}}))
"""


def server_env(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    # A clean local setup: debug on (demo account, static files), no test-mode switches, no shared cache.
    for name in ("MEALPLAN_TESTING", "REDIS_URL", "DJANGO_SETTINGS_MODULE"):
        env.pop(name, None)
    env.update({"DATABASE_URL": database_url, "DJANGO_DEBUG": "1", "PYTHONUNBUFFERED": "1"})
    return env


def manage(env: dict[str, str], *args: str) -> str:
    """Run one manage.py command against the throwaway database; its stdout, or exit with its output."""
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args[:1])} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_health(base_url: str, server: subprocess.Popen, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with code {server.returncode} before answering /healthz")
        try:
            with urllib.request.urlopen(f"{base_url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{base_url}/healthz did not answer 200 within {timeout_s:.0f} s")


def stop(server: subprocess.Popen) -> None:
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


class Shooter:
    """Takes the screenshots and remembers what each page complained about (console, CSP, HTTP errors)."""

    def __init__(self, browser, base_url: str):
        self.browser = browser
        self.base_url = base_url
        self.problems: dict[str, list[str]] = {}  # warnings: the shot was still taken
        self.failed: list[str] = []  # pages that did not answer 200: the shot shows an error page
        self.written: list[Path] = []

    def context(self, *, viewport: dict[str, int], login: tuple[str, str] | None = None):
        phone = viewport["width"] < 600
        context = self.browser.new_context(
            base_url=self.base_url,
            viewport=viewport,
            device_scale_factor=2 if phone else 1,
            is_mobile=phone,
            has_touch=phone,
        )
        context.set_default_timeout(20_000)
        if login is not None:
            page = context.new_page()
            page.goto("/accounts/login/")
            page.fill("#id_username", login[0])
            page.fill("#id_password", login[1])
            page.click("form.stack-form button[type=submit]")
            page.wait_for_load_state("networkidle")
            if "/accounts/login/" in page.url:
                raise RuntimeError(f"could not log in as {login[0]}")
            page.close()
        return context

    def shoot(self, context, address: str, name: str) -> None:
        page = context.new_page()
        problems: list[str] = []
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        page.on(
            "console",
            lambda message: (
                problems.append(f"console {message.type}: {message.text}")
                if message.type == "error" or "Content-Security-Policy" in message.text
                else None
            ),
        )
        page.on("requestfailed", lambda request: problems.append(f"request failed: {request.url}"))
        page.on(
            "response",
            lambda reply: problems.append(f"HTTP {reply.status}: {reply.url}") if reply.status >= 400 else None,
        )
        response = page.goto(address)
        page.wait_for_load_state("networkidle")
        if response is None or response.status != 200:
            self.failed.append(f"{address}: HTTP {response.status if response else 'no response'}")
        path = OUT / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        height = page.evaluate("document.documentElement.scrollHeight")
        if path.stat().st_size > MAX_BYTES or height > MAX_HEIGHT_PX:
            clip = {"x": 0, "y": 0, "width": page.viewport_size["width"], "height": min(CLIP_HEIGHT_PX, height)}
            page.screenshot(path=str(path), full_page=True, clip=clip)
        page.close()
        self.written.append(path)
        if problems:
            self.problems[address] = problems
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB  {address}")


def take_screenshots(base_url: str, recipe_id: int, plan_id: int) -> Shooter:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("Chromium not found: install Debian's `chromium` package (apt-get install chromium).")
    OUT.mkdir(parents=True, exist_ok=True)
    demo = ("demo", "gut-friendly-demo")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        shooter = Shooter(browser, base_url)
        try:
            visitor = shooter.context(viewport=DESKTOP)
            shooter.shoot(visitor, "/", "home")
            shooter.shoot(visitor, f"/recipes/{RECIPE_FILTERS}", "recipes-filtered")
            shooter.shoot(visitor, f"/recipes/{recipe_id}/", "recipe")
            shooter.shoot(visitor, "/api/docs/", "api-docs")

            member = shooter.context(viewport=DESKTOP, login=demo)
            shooter.shoot(member, f"/plans/{plan_id}/", "plan")
            shooter.shoot(member, f"/plans/{plan_id}/shopping-list/", "shopping-list")
            shooter.shoot(member, "/plans/new/", "plan-new")

            staff = shooter.context(viewport=DESKTOP, login=(STAFF_USERNAME, STAFF_PASSWORD))
            shooter.shoot(staff, f"/admin/recipes/recipe/{recipe_id}/change/", "admin-recipe")

            phone = shooter.context(viewport=PHONE, login=demo)
            shooter.shoot(phone, f"/recipes/{recipe_id}/", "phone-recipe")
            shooter.shoot(phone, f"/plans/{plan_id}/", "phone-plan")
        finally:
            browser.close()
    return shooter


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="mealplan-screenshots-") as tmp:
        env = server_env(f"sqlite:///{Path(tmp) / 'screenshots.sqlite3'}")
        print("Building a fresh database (migrate, load_catalogue, create_demo_user)...")
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "load_catalogue", "-v", "0")
        print(manage(env, "create_demo_user").strip())
        ids = json.loads(manage(env, "shell", "--no-imports", "-c", SETUP_SNIPPET).strip().splitlines()[-1])
        if not ids["recipe_id"] or not ids["plan_id"]:
            sys.exit(f"the catalogue or the demo plan is missing: {ids}")

        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        log_path = Path(tmp) / "server.log"
        with log_path.open("w") as log:
            server = subprocess.Popen(
                [PYTHON, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, so stop() reaches everything it starts
            )
            try:
                wait_for_health(base_url, server)
                shooter = take_screenshots(base_url, ids["recipe_id"], ids["plan_id"])
            except BaseException:
                print(log_path.read_text()[-4000:], file=sys.stderr)
                raise
            finally:
                stop(server)

    print(f"{len(shooter.written)} screenshots in {OUT.relative_to(ROOT)}/")
    for address, problems in shooter.problems.items():
        print(f"warning: {address}:", *problems, sep="\n  ")
    for failure in shooter.failed:
        print(f"error: {failure}", file=sys.stderr)
    return 1 if shooter.failed else 0


if __name__ == "__main__":
    sys.exit(main())
