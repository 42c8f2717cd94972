"""The planning pages in a real Chromium, under the site's Content-Security-Policy: log in, make a plan,
swap and lock meals and redo a day without a reload, tick off shopping, download the calendar, a phone."""

import re
import time
from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse

from mealplan import services
from mealplan.models import Plan
from recipes.models import Food, RecipeIngredient
from tests.mealplan.conftest import make_recipe

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"  # the `user` fixture's


@pytest.fixture
def catalogue(transactional_db):
    """48 public recipes (16 per slot), each needing oats and kefir, so the shopping list has items."""
    oats = Food.objects.create(name="test oats", food_group="grains")
    kefir = Food.objects.create(name="test kefir", food_group="dairy and eggs")
    recipes = []
    for i in range(48):
        recipe = make_recipe(i, ("breakfast", "lunch", "dinner")[i % 3])
        RecipeIngredient.objects.create(recipe=recipe, position=0, raw_text="80 g oats", food=oats, grams=80)
        RecipeIngredient.objects.create(recipe=recipe, position=1, raw_text="1 cup kefir", food=kefir, grams=240)
        recipes.append(recipe)
    return recipes


def mark_page(page) -> None:
    """A value in the window survives htmx swaps and disappears on a full reload."""
    page.evaluate("window.__noReload = 'still here'")


def not_reloaded(page) -> bool:
    return page.evaluate("window.__noReload") == "still here"


def settled(page) -> None:
    """Wait until htmx has finished swapping and bound the new content (its settle step).

    A click in the few milliseconds before that submits the form natively: it still works (the page
    reloads), but these tests check the no-reload path.

    Polled from Python with page.evaluate: page.wait_for_function re-evaluates a string predicate with
    eval() in the page, which our CSP (no 'unsafe-eval') refuses whenever the first check is false."""
    busy = "() => !!document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')"
    deadline = time.monotonic() + 15
    while page.evaluate(busy):
        assert time.monotonic() < deadline, "htmx did not settle within 15 s"
        page.wait_for_timeout(25)


def log_in(page, user) -> None:
    page.goto("/accounts/login/?next=/plans/new/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/plans/new/$"))


def meal(page, slot: str, day: str):
    return page.locator(f"#day-{day} article.meal[data-slot='{slot}']")


def test_make_a_plan_then_swap_lock_and_redo_without_a_reload(new_page, user, catalogue):
    watched = new_page()
    page = watched.page
    log_in(page, user)
    page.get_by_label("First day").fill("2026-11-30")
    page.get_by_label("People to cook for").fill("2")
    page.get_by_role("button", name="Make my plan").click()
    page.wait_for_url(re.compile(r"/plans/\d+/$"))
    plan = Plan.objects.get(owner=user)
    assert page.locator(".day-col").count() == 7
    assert page.locator("article.meal").count() == 21
    mark_page(page)

    lunch = meal(page, "lunch", "2026-12-02")
    before = lunch.locator(".meal-title").inner_text()
    lunch.get_by_role("button", name=re.compile("^Swap")).click()
    expect(lunch.locator(".meal-title")).not_to_have_text(before)
    entry = plan.entries.select_related("recipe").get(date="2026-12-02", slot="lunch")
    expect(lunch.locator(".meal-title")).to_have_text(entry.recipe.title)
    settled(page)
    # htmx kept focus on the button that was pressed (same id in the new grid).
    assert page.evaluate("document.activeElement.id") == f"swap-{entry.pk}"

    dinner = meal(page, "dinner", "2026-12-03")
    dinner.get_by_role("button", name=re.compile("^Lock")).click()
    expect(dinner.get_by_role("button", name=re.compile("^Lock"))).to_have_attribute("aria-pressed", "true")
    expect(dinner.get_by_role("button", name=re.compile("^Swap"))).to_be_disabled()
    locked = plan.entries.get(date="2026-12-03", slot="dinner")
    assert locked.locked
    settled(page)

    page.locator("#day-2026-12-03").get_by_role("button", name=re.compile("^Redo this day")).click()
    expect(page.locator("#plan-body [role=status]")).to_have_text(re.compile("planned again"))
    assert plan.entries.get(date="2026-12-03", slot="dinner").recipe_id == locked.recipe_id
    assert not_reloaded(page)
    assert watched.problems == []


def test_tick_the_shopping_list_and_download_the_calendar(new_page, user, catalogue):
    plan = services.generate_plan(owner=user, start=date(2026, 11, 30), days=3)
    watched = new_page(user=user)
    page = watched.page
    page.goto(plan.get_absolute_url())
    with page.expect_download() as download:
        page.get_by_role("link", name="Calendar (.ics)").click()
    body = Path(download.value.path()).read_text(encoding="utf-8")
    assert body.count("BEGIN:VEVENT") == plan.entries.count() == 9

    page.get_by_role("link", name="Shopping list").click()
    page.wait_for_url(re.compile(r"/shopping-list/$"))
    mark_page(page)
    oats = page.get_by_role("button", name=re.compile("test oats"))
    expect(oats).to_have_attribute("aria-pressed", "false")
    oats.click()
    expect(page.get_by_role("button", name=re.compile("test oats"))).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".shopping-count")).to_have_text("1 of 2 ticked off")
    settled(page)
    plan.refresh_from_db()
    assert plan.shopping_checked == [f"food:{Food.objects.get(name='test oats').pk}"]
    assert not_reloaded(page)
    page.reload()
    expect(page.get_by_role("button", name=re.compile("test oats"))).to_have_attribute("aria-pressed", "true")
    assert watched.problems == []


@pytest.mark.parametrize("path", ["detail", "shopping", "new", "list"])
def test_plan_pages_fit_a_phone(new_page, user, catalogue, path):
    plan = services.generate_plan(owner=user, start=date(2026, 11, 30), days=7)
    url = {
        "detail": plan.get_absolute_url(),
        "shopping": reverse("plan-shopping", args=[plan.pk]),
        "new": reverse("plan-new"),
        "list": reverse("plan-list"),
    }[path]
    watched = new_page(user=user, viewport={"width": 375, "height": 740})
    page = watched.page
    page.goto(url)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert watched.problems == []
