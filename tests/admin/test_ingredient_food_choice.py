"""Choosing a line's food by hand in the recipe admin's inline (autocomplete), and handing it back to the matcher."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from recipes import services
from recipes.models import Food, Recipe, RecipeIngredient

from .forms import form_values, ingredient_rows

pytestmark = pytest.mark.django_db

RECIPE_FIELDS = ("title", "is_public", "servings", "yields_text", "meal_types", "tags", "description")
RECIPE_FIELDS += ("prep_minutes", "cook_minutes", "instructions", "slug", "source_url", "image_url")
LENTILS = "200 g red lentils"  # matched as dry lentils; the editor knows they are cooked
AUTOCOMPLETE = "/admin/autocomplete/"
LENTIL_SEARCH = {"app_label": "recipes", "model_name": "recipeingredient", "field_name": "food", "term": "lentil"}


@pytest.fixture
def cooked_lentils() -> Food:
    return Food.objects.get(name="cooked lentil")


@pytest.fixture
def soup() -> Recipe:
    return services.create_recipe(owner=None, title="Dal", ingredients=[LENTILS, "1 onion"], servings=2)


def save(client, recipe: Recipe, lines: list[str], foods: dict | None = None, **changes) -> Recipe:
    """Post the change form as a browser would, with the foods shown in the boxes changed by `foods`."""
    data = form_values(Recipe.objects.get(pk=recipe.pk), RECIPE_FIELDS)
    data.update(ingredient_rows(recipe, lines, foods=foods), **changes)
    response = client.post(reverse("admin:recipes_recipe_change", args=[recipe.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return Recipe.objects.get(pk=recipe.pk)


def line(recipe: Recipe, position: int) -> RecipeIngredient:
    return recipe.ingredients.select_related("food").get(position=position)


def test_the_inline_offers_food_autocomplete(staff_client, soup):
    page = staff_client.get(reverse("admin:recipes_recipe_change", args=[soup.pk])).content.decode()
    assert 'name="ingredients-0-food"' in page
    assert "admin-autocomplete" in page
    assert f'data-ajax--url="{AUTOCOMPLETE}"' in page
    assert 'data-model-name="recipeingredient"' in page and 'data-field-name="food"' in page
    food = line(soup, 0).food
    assert f'<option value="{food.pk}" selected>{food.name}</option>' in page


def test_the_change_page_does_not_look_up_each_lines_food_again(staff_client):
    def queries_for(lines: int) -> int:
        texts = [f"{grams} g red lentils" for grams in range(1, lines + 1)]
        recipe = services.create_recipe(owner=None, title=f"{lines} lines", ingredients=texts, servings=2)
        with CaptureQueriesContext(connection) as queries:
            assert staff_client.get(reverse("admin:recipes_recipe_change", args=[recipe.pk])).status_code == 200
        return len(queries)

    queries_for(1)  # the first page of a session loads what every later page shares
    assert queries_for(3) == queries_for(30)


def test_choosing_a_food_stores_it_and_the_nutrition_follows(staff_client, soup, cooked_lentils):
    matched = line(soup, 0)
    assert matched.food_id != cooked_lentils.pk and not matched.food_chosen

    recipe = save(staff_client, soup, [LENTILS, "1 onion"], foods={0: cooked_lentils.pk})

    chosen = line(recipe, 0)
    assert chosen.food_id == cooked_lentils.pk and chosen.food_chosen and chosen.match_confidence == 1
    assert not line(recipe, 1).food_chosen  # the onion's food was sent back unchanged: still the matcher's
    onion = line(recipe, 1)
    onion_fiber = onion.food.fiber_g * onion.grams / 100
    assert recipe.fiber_g == pytest.approx((cooked_lentils.fiber_g * 200 / 100 + onion_fiber) / 2, rel=0.01)
    assert recipe.fiber_g != pytest.approx(soup.fiber_g, rel=0.01)
    page = staff_client.get(reverse("admin:recipes_recipe_change", args=[recipe.pk])).content.decode()
    assert "chosen by hand" in page


def test_a_chosen_food_survives_later_saves_and_recomputes(staff_client, soup, cooked_lentils):
    save(staff_client, soup, [LENTILS, "1 onion"], foods={0: cooked_lentils.pk})
    recipe = save(staff_client, soup, [LENTILS, "2 onions"], servings="4")  # the box still shows the choice
    assert line(recipe, 0).food_id == cooked_lentils.pk and line(recipe, 0).food_chosen

    response = staff_client.post(
        reverse("admin:recipes_recipe_changelist"),
        {"action": "recompute", "_selected_action": [recipe.pk]},
    )
    assert response.status_code == 302
    assert line(recipe, 0).food_id == cooked_lentils.pk and line(recipe, 0).food_chosen


def test_emptying_the_food_returns_the_line_to_the_matcher(staff_client, soup, cooked_lentils):
    automatic_food = line(soup, 0).food_id
    save(staff_client, soup, [LENTILS, "1 onion"], foods={0: cooked_lentils.pk})
    recipe = save(staff_client, soup, [LENTILS, "1 onion"], foods={0: ""})
    row = line(recipe, 0)
    assert not row.food_chosen and row.food_id == automatic_food
    assert recipe.fiber_g == pytest.approx(soup.fiber_g)


def test_the_matchers_food_left_in_the_box_is_not_a_choice(staff_client, soup, food_index):
    # The editor rewrites the text; the box still shows the lentils the matcher picked before.
    recipe = save(staff_client, soup, ["200 g rolled oats", "1 onion"])
    row = line(recipe, 0)
    assert not row.food_chosen
    assert row.food_id == food_index.match("rolled oats").food.id


def test_a_new_line_can_get_its_food_on_add(staff_client, cooked_lentils):
    data = {"title": "Bowl", "owner": "", "is_public": "on", "servings": "1", "meal_types": ["lunch"]}
    data.update(ingredient_rows(None, ["150 g zorblax", "1 onion"], foods={0: cooked_lentils.pk}))
    response = staff_client.post(reverse("admin:recipes_recipe_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    recipe = Recipe.objects.get(title="Bowl")
    row = line(recipe, 0)
    assert row.food_id == cooked_lentils.pk and row.food_chosen and row.status == "matched"
    assert recipe.unmatched_count == 0


def test_an_unknown_food_is_a_form_error_and_nothing_changes(staff_client, soup):
    data = form_values(soup, RECIPE_FIELDS)
    missing = Food.objects.order_by("-pk").values_list("pk", flat=True).first() + 1000
    data.update(ingredient_rows(soup, [LENTILS, "1 onion"], foods={0: missing}))
    response = staff_client.post(reverse("admin:recipes_recipe_change", args=[soup.pk]), data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not line(soup, 0).food_chosen


def test_duplicate_keeps_the_chosen_foods(staff_client, staff, soup, cooked_lentils):
    save(staff_client, soup, [LENTILS, "1 onion"], foods={0: cooked_lentils.pk})
    response = staff_client.post(
        reverse("admin:recipes_recipe_changelist"), {"action": "duplicate", "_selected_action": [soup.pk]}
    )
    assert response.status_code == 302
    copy = Recipe.objects.get(owner=staff)
    assert line(copy, 0).food_id == cooked_lentils.pk and line(copy, 0).food_chosen
    assert not line(copy, 1).food_chosen


def test_autocomplete_finds_foods_for_staff(staff_client):
    response = staff_client.get(AUTOCOMPLETE, LENTIL_SEARCH)
    assert response.status_code == 200
    names = [item["text"] for item in response.json()["results"]]
    assert names and all("lentil" in name.lower() for name in names)
    assert "cooked lentil" in names


def test_autocomplete_is_refused_to_everyone_else(client, user):
    anonymous = client.get(AUTOCOMPLETE, LENTIL_SEARCH)
    client.force_login(user)
    not_staff = client.get(AUTOCOMPLETE, LENTIL_SEARCH)
    for response in (anonymous, not_staff):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
