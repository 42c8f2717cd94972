"""The recipe editor's one-ingredient-per-box mode in a real Chromium, under the site's CSP."""

import re

import pytest

from recipes import services
from recipes.models import Recipe

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser

OATS = ["80 g rolled oats", "150 g kefir", "80 g raspberries"]


def focused_id(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


def expected_score(lines, servings=1) -> str:
    return str(services.analysis_document(services.analyse(lines, servings=servings))["gut_score"])


def test_add_three_ingredients_one_by_one_preview_and_save(new_page, food_table, user):
    watched = new_page(user=user)
    page = watched.page
    page.goto("/recipes/new/")
    page.get_by_label("Title").fill("Overnight oats")
    page.get_by_label("Servings").fill("1")
    page.evaluate("window.__noReload = 'still here'")

    page.get_by_role("button", name="Enter ingredients one by one instead").click()
    expect(page.get_by_label("Ingredient 1", exact=True)).to_be_focused()
    page.keyboard.type(OATS[0])

    page.get_by_role("button", name="Add ingredient").click()
    expect(page.get_by_label("Ingredient 2", exact=True)).to_be_focused()
    page.keyboard.type(OATS[1])

    page.keyboard.press("Enter")  # in a box, Enter adds the next box (recipes-editor.js) rather than saving
    expect(page.get_by_label("Ingredient 3", exact=True)).to_be_focused()
    page.keyboard.type(OATS[2])

    expect(page.locator("#preview [data-preview-score]")).to_have_attribute("data-preview-score", expected_score(OATS))
    expect(page.locator("#preview .ingredient .line-text")).to_have_text(OATS)
    assert page.evaluate("window.__noReload") == "still here"
    assert Recipe.objects.count() == 0

    page.get_by_role("button", name="Save recipe").click()
    page.wait_for_selector("h1:has-text('Overnight oats')")
    recipe = Recipe.objects.get(owner=user)
    assert page.url.endswith(recipe.get_absolute_url())
    assert list(recipe.ingredients.order_by("position").values_list("raw_text", flat=True)) == OATS
    expect(page.locator(".ingredient .line-text")).to_have_text(OATS)
    assert str(recipe.gut_score) == expected_score(OATS)
    assert watched.problems == []


def test_remove_a_line_and_switch_modes_without_losing_lines(new_page, food_table, user):
    watched = new_page(user=user)
    page = watched.page
    page.goto("/recipes/new/")
    page.get_by_label("Servings").fill("1")
    page.get_by_label("Ingredients").fill("80 g rolled oats\n2 tbsp honey\n\n150 g kefir")
    page.get_by_role("button", name="Enter ingredients one by one instead").click()
    boxes = page.locator("input[name='line']")
    expect(boxes).to_have_count(3)
    assert [boxes.nth(i).input_value() for i in range(3)] == ["80 g rolled oats", "2 tbsp honey", "150 g kefir"]

    page.get_by_role("button", name="Remove ingredient 2").click()
    expect(boxes).to_have_count(2)
    expect(page.get_by_label("Ingredient 2", exact=True)).to_be_focused()
    assert [boxes.nth(i).input_value() for i in range(2)] == ["80 g rolled oats", "150 g kefir"]
    # The removal alone refreshes the preview: honey is gone from it.
    expect(page.locator("#preview .ingredient .line-text")).to_have_text(["80 g rolled oats", "150 g kefir"])

    page.get_by_role("button", name="Paste all ingredients in one box instead").click()
    expect(page.get_by_label("Ingredients")).to_have_value("80 g rolled oats\n150 g kefir")
    expect(page.get_by_label("Ingredients")).to_be_focused()
    assert watched.problems == []


def test_without_javascript_the_buttons_reload_the_form_with_everything_kept(browser, live_server, food_table, user):
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto("/recipes/new/")
        page.get_by_label("Title").fill("Kefir oats")
        page.get_by_label("Servings").fill("1")
        page.get_by_label("Ingredients").fill(OATS[0])
        page.get_by_role("button", name="Enter ingredients one by one instead").click()
        page.get_by_role("button", name="Add ingredient").click()
        expect(page.get_by_label("Ingredient 2", exact=True)).to_be_focused()  # autofocus after the reload
        expect(page.get_by_label("Title")).to_have_value("Kefir oats")
        expect(page.get_by_label("Ingredient 1", exact=True)).to_have_value(OATS[0])
        page.keyboard.type(OATS[1])
        page.keyboard.press("Enter")  # without the script, Enter saves the recipe
        page.wait_for_url(re.compile(r"/recipes/\d+/$"))
        recipe = Recipe.objects.get(owner=user)
        assert list(recipe.ingredients.order_by("position").values_list("raw_text", flat=True)) == OATS[:2]
    finally:
        context.close()


def test_one_by_one_editor_fits_a_phone(new_page, user):
    watched = new_page(user=user, viewport={"width": 390, "height": 844})
    page = watched.page
    page.goto("/recipes/new/")
    page.get_by_role("button", name="Enter ingredients one by one instead").click()
    page.get_by_role("button", name="Add ingredient").click()
    expect(page.locator("input[name='line']")).to_have_count(2)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = page.get_by_label("Ingredient 2", exact=True).bounding_box()
    remove = page.get_by_role("button", name="Remove ingredient 2").bounding_box()
    assert box["width"] > 200 and abs(box["y"] - remove["y"]) < box["height"]  # on one line, the box wide
    assert watched.problems == []
