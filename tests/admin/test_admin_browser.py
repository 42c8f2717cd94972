"""The admin in a real Chromium under the site's Content-Security-Policy: no refused script or style."""

import pytest

from tests.browser.conftest import browser, food_table, new_page  # noqa: F401  (shared Playwright fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_user(
        username="admin-browser", password="admin browser pass 1", is_staff=True, is_superuser=True
    )


def test_admin_pages_work_under_the_csp(new_page, superuser, food_table):  # noqa: F811  (fixtures)
    watched = new_page(user=superuser)
    page = watched.page
    page.on("response", lambda r: r.status >= 400 and watched.problems.append(f"{r.status} {r.url}"))
    page.goto("/admin/")
    assert page.locator("#mealplan-links a[href='/api/docs/']").count() == 1

    page.goto("/admin/recipes/recipe/add/")
    page.fill("#id_title", "Browser oats")
    page.fill("#id_servings", "2")
    page.check("input[name='meal_types'][value='breakfast']")
    page.fill("#id_ingredients-0-raw_text", "200 g rolled oats")
    page.fill("#id_ingredients-1-raw_text", "3 zorblax fruits")
    page.click("input[name='_continue']")
    page.wait_for_selector(".mp-panel")
    assert page.locator(".mp-status--unmatched").count() == 1
    # The stylesheet applies (a file, since inline styles are refused): unmatched rows are tinted.
    colour = page.locator(".mp-status--unmatched").evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")

    for path in ("/admin/recipes/recipe/", "/admin/recipes/food/?q=oats", "/admin/recipes/recipe/import/"):
        page.goto(path)
        assert page.locator("#content").count() == 1, path
    page.goto("/admin/recipes/food/?q=rolled+oats")
    page.locator("#result_list tbody th a").first.click()
    page.wait_for_selector("#id_name")
    # Chromium asks for /favicon.ico on pages without an icon link (the admin's base template has none); that
    # request fires no response event, so the generic console line is dropped and every real resource the
    # pages load is checked through the response listener above.
    problems = [p for p in watched.problems if "Failed to load resource" not in p or "404" not in p]
    assert problems == []


def test_choosing_a_lines_food_through_the_autocomplete(new_page, superuser, food_table):  # noqa: F811  (fixtures)
    from recipes import services

    recipe = services.create_recipe(
        owner=None, title="Browser dal", ingredients=["200 g zorblax", "1 onion"], servings=2
    )
    watched = new_page(user=superuser)
    page = watched.page
    page.goto(f"/admin/recipes/recipe/{recipe.pk}/change/")
    assert page.locator("#ingredients-0 .mp-status--unmatched").count() == 1
    page.locator("#id_ingredients-0-food + .select2 .select2-selection").click()
    page.locator(".select2-search__field").fill("cooked lentil")
    page.get_by_role("option", name="cooked lentil", exact=True).click()
    page.click("input[name='_continue']")
    page.wait_for_selector(".mp-panel")

    status = page.locator("#ingredients-0 .mp-status")
    assert "chosen by hand" in status.inner_text()
    assert "mp-status--matched" in status.get_attribute("class")
    row = recipe.ingredients.select_related("food").get(position=0)
    assert row.food.name == "cooked lentil" and row.food_chosen
    assert watched.problems == []
