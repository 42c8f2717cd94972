"""The recipe pages and accounts in a real Chromium, under the site's Content-Security-Policy."""

import re

import pytest

from recipes import services
from recipes.models import Recipe
from tests.web.conftest import stored_recipe

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser

SOUP_LINES = "200 g red lentils\n1 onion, chopped\n2 garlic cloves\n150 g plain yogurt"
PAGES_FOR_PHONES = ("/", "/about/score/", "/recipes/", "/accounts/login/", "/accounts/signup/")


def mark_page(page) -> None:
    """Put a value in the window: it survives htmx swaps and disappears on a full reload."""
    page.evaluate("window.__noReload = 'still here'")


def not_reloaded(page) -> bool:
    return page.evaluate("window.__noReload") == "still here"


def card_titles(page) -> list[str]:
    return page.locator("#results .card-title a").all_inner_texts()


def test_filtering_the_list_updates_results_without_a_reload(new_page):
    stored_recipe("Kefir oats", meal_types=["breakfast"], live_culture_servings=1.5, gut_score=80, fodmap_level="low")
    stored_recipe("Lentil dal", fiber_g=14, gut_score=70, fodmap_level="high")
    stored_recipe("Tuna pasta", fiber_g=3, gut_score=30, diets=["pescatarian"], fodmap_level="high")
    watched = new_page()
    page = watched.page
    page.goto("/recipes/")
    assert card_titles(page) == ["Kefir oats", "Lentil dal", "Tuna pasta"]
    mark_page(page)

    titles = page.locator("#results .card-title a")

    page.get_by_label("Live cultures").check()
    expect(titles).to_have_text(["Kefir oats"])
    expect(page).to_have_url(re.compile(r"live_cultures=true"))

    page.get_by_label("Live cultures").uncheck()
    expect(titles).to_have_count(3)
    page.get_by_label("Fibre at least (g per serving)").fill("10")
    page.get_by_label("Fibre at least (g per serving)").dispatch_event("change")
    expect(titles).to_have_text(["Lentil dal"])

    page.get_by_label("Fibre at least (g per serving)").fill("")
    page.get_by_label("Fibre at least (g per serving)").dispatch_event("change")
    page.get_by_label("Search").fill("tuna")  # typing searches after a short pause, no change event needed
    expect(titles).to_have_text(["Tuna pasta"])
    assert not_reloaded(page)
    assert watched.problems == []


def test_open_a_recipe_read_its_breakdown_and_scale_servings(new_page, food_table, user):
    soup = services.create_recipe(owner=user, title="Lentil soup", ingredients=SOUP_LINES, servings=2, is_public=True)
    lentils = soup.ingredients.get(position=0)
    watched = new_page()
    page = watched.page
    page.goto("/recipes/")
    page.get_by_role("link", name="Lentil soup").click()
    page.wait_for_url(re.compile(rf"/recipes/{soup.pk}/$"))
    rows = page.locator("table.breakdown tbody tr")
    assert rows.count() == len(soup.score_breakdown)
    assert page.locator(".score-big").first.inner_text().startswith(str(soup.gut_score))
    assert page.locator(".ingredient").first.locator(".grams").inner_text() == f"{lentils.grams:.0f} g"
    mark_page(page)

    page.get_by_label("Servings").fill("6")
    expect(page.locator("strong[data-servings='6']")).to_have_count(1)
    assert page.locator(".ingredient").first.locator(".grams").inner_text() == f"{lentils.grams * 3:.0f} g"
    assert "scaled from 2" in page.locator("#ingredients").inner_text()
    assert not_reloaded(page)
    assert watched.problems == []


def test_create_a_recipe_with_the_live_preview(new_page, food_table, user):
    watched = new_page(user=user)
    page = watched.page
    page.goto("/recipes/new/")
    page.get_by_label("Title").fill("Overnight oats")
    page.get_by_label("Servings").fill("1")
    page.get_by_label("Ingredients").fill("80 g rolled oats\n150 g kefir\n80 g raspberries")
    score = page.wait_for_selector("[data-preview-score]")
    expected = services.analysis_document(
        services.analyse(["80 g rolled oats", "150 g kefir", "80 g raspberries"], servings=1)
    )
    assert score.get_attribute("data-preview-score") == str(expected["gut_score"])
    assert Recipe.objects.count() == 0  # the preview saved nothing

    page.get_by_role("button", name="Save recipe").click()
    page.wait_for_selector("h1:has-text('Overnight oats')")
    recipe = Recipe.objects.get(owner=user)
    assert page.url.endswith(recipe.get_absolute_url())
    assert recipe.gut_score == expected["gut_score"]
    assert recipe.ingredients.count() == 3
    assert watched.problems == []


def test_sign_up_and_land_logged_in(new_page):
    watched = new_page()
    page = watched.page
    page.goto("/accounts/signup/")
    page.get_by_label("Username").fill("newcook")
    page.get_by_label(re.compile(r"^Password:?$")).fill("a fine long pass 42")
    page.get_by_label("Password confirmation").fill("a fine long pass 42")
    page.get_by_role("button", name="Sign up").click()
    page.wait_for_selector("button:has-text('Log out')")
    assert page.get_by_role("link", name="My recipes").count() == 1
    assert watched.problems == []


def test_keyboard_users_can_skip_to_the_content(new_page):
    watched = new_page()
    page = watched.page
    page.goto("/recipes/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")
    assert watched.problems == []


@pytest.mark.parametrize("path", PAGES_FOR_PHONES)
def test_phone_viewport_has_no_horizontal_scroll(new_page, path):
    stored_recipe("A recipe with a rather long title that has to wrap on a small phone screen", fiber_g=12.5)
    watched = new_page(viewport={"width": 390, "height": 844})
    page = watched.page
    page.goto(path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert watched.problems == []


def test_phone_viewport_recipe_page_and_editor(new_page, food_table, user):
    soup = services.create_recipe(owner=user, title="Lentil soup", ingredients=SOUP_LINES, servings=2)
    watched = new_page(user=user, viewport={"width": 390, "height": 844})
    page = watched.page
    for path in (soup.get_absolute_url(), "/recipes/new/", "/recipes/mine/", "/recipes/import/"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
    assert watched.problems == []
