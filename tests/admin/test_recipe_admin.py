"""Recipe admin: saves go through the services (parsed grams, nutrition, score), panels, filters and actions."""

import csv
import io
import json

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from recipes import services
from recipes.models import Food, Recipe, RecipeIngredient

from .conftest import stored_recipes
from .forms import form_values, ingredient_rows

pytestmark = pytest.mark.django_db

RECIPE_FIELDS = ("title", "is_public", "servings", "yields_text", "meal_types", "tags", "description")
RECIPE_FIELDS += ("prep_minutes", "cook_minutes", "instructions", "slug", "source_url", "image_url")


def add_data(title="Oats and yogurt", lines=("200 g rolled oats", "150 g plain yogurt"), servings=2, **extra):
    data = {
        "title": title,
        "owner": "",
        "is_public": "on",
        "servings": str(servings),
        "meal_types": ["breakfast"],
        **ingredient_rows(None, list(lines)),
    }
    data.update(extra)
    return data


def change_data(recipe, lines, **changes):
    data = form_values(recipe, RECIPE_FIELDS)
    data.update(ingredient_rows(recipe, lines, delete=changes.pop("delete", ())))
    data.update(changes)
    return data


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def service_recipe(title="Lentil soup", lines=("200 g red lentils", "1 onion", "3 zorblax fruits"), **kwargs):
    kwargs.setdefault("owner", None)
    return services.create_recipe(title=title, ingredients=list(lines), servings=2, **kwargs)


def test_adding_a_recipe_with_inline_lines_stores_parsed_grams_and_nutrition(staff_client):
    response = staff_client.post(reverse("admin:recipes_recipe_add"), add_data())
    assert response.status_code == 302, response.content.decode()[:2000]
    recipe = Recipe.objects.get(title="Oats and yogurt")
    assert recipe.owner is None and recipe.is_public
    lines = list(recipe.ingredients.order_by("position"))
    assert [line.raw_text for line in lines] == ["200 g rolled oats", "150 g plain yogurt"]
    assert [line.grams for line in lines] == [200, 150]
    assert all(line.food_id and line.status == "matched" for line in lines)
    # Per serving: each food's per-100 g energy times its grams, over 2 servings.
    expected = sum(line.food.energy_kcal * line.grams / 100 for line in lines) / 2
    assert recipe.energy_kcal == pytest.approx(expected, rel=0.01)
    assert recipe.fiber_g > 0
    assert recipe.live_culture_servings > 0  # the yogurt
    assert recipe.gut_score_version == services.SCORE_VERSION
    assert recipe.meal_types == ["breakfast"]
    assert any("Parsed 2 ingredient lines" in m for m in messages_of(response))


def test_editing_lines_rewrites_them_once_and_recomputes(staff_client):
    recipe = service_recipe()
    before_energy = recipe.energy_kcal
    url = reverse("admin:recipes_recipe_change", args=[recipe.pk])
    data = change_data(recipe, ["400 g red lentils", "1 onion", "3 zorblax fruits", "2 tbsp olive oil"], delete=(2,))
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    recipe.refresh_from_db()
    rows = list(RecipeIngredient.objects.filter(recipe=recipe).order_by("position"))
    assert [row.raw_text for row in rows] == ["400 g red lentils", "1 onion", "2 tbsp olive oil"]
    assert [row.position for row in rows] == [0, 1, 2]
    assert rows[0].grams == 400
    assert recipe.unmatched_count == 0
    assert recipe.energy_kcal > before_energy


def test_changing_only_fields_keeps_lines_and_servings_rescale(staff_client):
    recipe = service_recipe(lines=("200 g red lentils",))
    url = reverse("admin:recipes_recipe_change", args=[recipe.pk])
    response = staff_client.post(url, change_data(recipe, ["200 g red lentils"], servings="4", title="Bigger soup"))
    assert response.status_code == 302
    updated = Recipe.objects.get(pk=recipe.pk)
    assert updated.title == "Bigger soup"
    assert updated.ingredients.count() == 1
    assert updated.energy_kcal == pytest.approx(recipe.energy_kcal / 2, rel=0.01)


def test_a_recipe_without_lines_is_refused_and_nothing_is_written(staff_client):
    response = staff_client.post(reverse("admin:recipes_recipe_add"), add_data(title="Empty", lines=()))
    assert response.status_code == 200
    assert "Add at least one ingredient line." in response.content.decode()
    assert not Recipe.objects.filter(title="Empty").exists()


def test_servings_beyond_the_limit_are_refused(staff_client):
    response = staff_client.post(reverse("admin:recipes_recipe_add"), add_data(title="Huge", servings=500))
    assert response.status_code == 200
    assert not Recipe.objects.filter(title="Huge").exists()


def test_a_catalogue_recipe_cannot_be_made_private_in_the_form(staff_client):
    recipe = service_recipe(lines=("200 g red lentils",))
    data = change_data(recipe, ["200 g red lentils"])
    data.pop("is_public")
    response = staff_client.post(reverse("admin:recipes_recipe_change", args=[recipe.pk]), data)
    assert response.status_code == 200
    assert "always public" in response.content.decode()
    recipe.refresh_from_db()
    assert recipe.is_public


def test_change_page_highlights_unmatched_lines_and_shows_the_panels(staff_client):
    recipe = service_recipe()
    page = staff_client.get(reverse("admin:recipes_recipe_change", args=[recipe.pk])).content.decode()
    assert page.count("mp-status--unmatched") == 1
    assert page.count("mp-status--matched") == 2
    assert "recipes/admin.css" in page
    assert "nutrition per serving" in page.lower()
    assert f"{recipe.energy_kcal:.0f} kcal" in page
    for part in recipe.score_breakdown:
        assert part["label"] in page
    assert f"mp-score--{'very' if recipe.gut_score >= 70 else 'good' if recipe.gut_score >= 40 else 'limited'}" in page


def test_owner_is_read_only_on_change(staff_client, user):
    recipe = service_recipe(lines=("200 g red lentils",), owner=user)
    url = reverse("admin:recipes_recipe_change", args=[recipe.pk])
    staff_client.post(url, change_data(recipe, ["200 g red lentils"], owner=""))
    recipe.refresh_from_db()
    assert recipe.owner == user


def test_search_finds_ingredient_text_and_titles(staff_client):
    service_recipe(title="Soup one", lines=("200 g red lentils",))
    service_recipe(title="Porridge", lines=("80 g rolled oats",))
    url = reverse("admin:recipes_recipe_changelist")
    page = staff_client.get(url, {"q": "lentils"}).content.decode()
    assert "Soup one" in page and "Porridge" not in page
    page = staff_client.get(url, {"q": "porridge"}).content.decode()
    assert "Porridge" in page and "Soup one" not in page


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"score_band": "limited"}, {"Admintest 000", "Admintest 003", "Admintest 006"}),
        ({"score_band": "good"}, {"Admintest 004", "Admintest 005"}),
        ({"score_band": "very"}, {"Admintest 001", "Admintest 002", "Admintest 007"}),
    ],
)
def test_score_band_filter(staff_client, params, expected):
    recipes = stored_recipes(8)
    # Scores set by hand: 0-39 limited, 40-69 good, 70-100 very gut-friendly.
    for recipe, score in zip(recipes, [0, 70, 100, 39, 40, 69, 10, 99], strict=True):
        Recipe.objects.filter(pk=recipe.pk).update(gut_score=score)
    response = staff_client.get(reverse("admin:recipes_recipe_changelist"), params)
    shown = {r.title for r in response.context["cl"].result_list}
    assert shown == expected


def test_owner_diet_meal_live_and_fodmap_filters(staff_client, user):
    stored_recipes(1, prefix="Catalogue", diets=["vegan", "vegetarian", "pescatarian"], fodmap_level="high")
    stored_recipes(
        1, prefix="Users", owner=user, meal_types=["breakfast"], live_culture_servings=1.5, fodmap_level="low"
    )
    url = reverse("admin:recipes_recipe_changelist")

    def titles(**params):
        return {r.title for r in staff_client.get(url, params).context["cl"].result_list}

    assert titles(owner_kind="catalogue") == {"Catalogue 000"}
    assert titles(owner_kind="users") == {"Users 000"}
    assert titles(diet="vegan") == {"Catalogue 000"}
    assert titles(meal_type="breakfast") == {"Users 000"}
    assert titles(live_cultures="yes") == {"Users 000"}
    assert titles(low_fodmap="yes") == {"Users 000"}
    assert titles(low_fodmap="no") == {"Catalogue 000"}


def run_action(client, action, recipes, **extra):
    data = {"action": action, "_selected_action": [str(r.pk) for r in recipes], **extra}
    return client.post(reverse("admin:recipes_recipe_changelist"), data)


def test_recompute_action_restores_stored_values(staff_client):
    recipe = service_recipe(lines=("200 g red lentils",))
    Recipe.objects.filter(pk=recipe.pk).update(energy_kcal=1, fiber_g=0, gut_score=0)
    response = run_action(staff_client, "recompute", [recipe])
    assert response.status_code == 302
    again = Recipe.objects.get(pk=recipe.pk)
    assert again.energy_kcal == pytest.approx(recipe.energy_kcal)
    assert again.gut_score == recipe.gut_score
    assert "Recomputed nutrition and gut score of 1 recipe(s)." in messages_of(response)


def test_duplicate_makes_a_private_copy_for_the_acting_user(staff_client, staff):
    recipe = service_recipe()
    response = run_action(staff_client, "duplicate", [recipe])
    assert response.status_code == 302
    copy = Recipe.objects.get(title="Lentil soup (copy)")
    assert copy.owner == staff and not copy.is_public
    assert list(copy.ingredients.order_by("position").values_list("raw_text", flat=True)) == [
        "200 g red lentils",
        "1 onion",
        "3 zorblax fruits",
    ]
    assert copy.energy_kcal == pytest.approx(recipe.energy_kcal)
    assert Recipe.objects.get(pk=recipe.pk).owner is None  # the original is untouched


def test_make_private_and_public_leave_the_catalogue_public(staff_client, user):
    mine = service_recipe(title="User soup", lines=("200 g red lentils",), owner=user, is_public=True)
    catalogue = service_recipe(title="Catalogue soup", lines=("200 g red lentils",))
    response = run_action(staff_client, "make_private", [mine, catalogue])
    assert not Recipe.objects.get(pk=mine.pk).is_public
    assert Recipe.objects.get(pk=catalogue.pk).is_public
    assert any("Made 1 recipe(s) private." in m and "1 catalogue" in m for m in messages_of(response))
    run_action(staff_client, "make_public", [mine])
    assert Recipe.objects.get(pk=mine.pk).is_public


def test_export_json_gives_schema_org_recipes_with_their_lines(staff_client):
    first = service_recipe(title="A soup", lines=("200 g red lentils", "1 onion"))
    second = service_recipe(title="B porridge", lines=("80 g rolled oats",))
    response = run_action(staff_client, "export_json", [first, second])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    documents = json.loads(response.content)
    assert [d["name"] for d in documents] == ["A soup", "B porridge"]
    assert documents[0]["@type"] == "Recipe"
    assert documents[0]["recipeIngredient"] == ["200 g red lentils", "1 onion"]
    assert documents[0]["nutrition"]["calories"] == f"{round(first.energy_kcal)} kcal"


def test_export_csv_has_one_row_per_recipe_with_lines_and_values(staff_client):
    first = service_recipe(title="A soup", lines=("200 g red lentils", "1 onion"))
    response = run_action(staff_client, "export_csv", [first])
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 1
    assert rows[0]["title"] == "A soup"
    assert rows[0]["ingredients"].splitlines() == ["200 g red lentils", "1 onion"]
    assert rows[0]["gut_score"] == str(first.gut_score)
    assert rows[0]["owner"] == ""


def test_delete_goes_through_the_service(staff_client):
    recipe = service_recipe(lines=("200 g red lentils",))
    url = reverse("admin:recipes_recipe_delete", args=[recipe.pk])
    response = staff_client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not Recipe.objects.filter(pk=recipe.pk).exists()
    assert not RecipeIngredient.objects.filter(recipe_id=recipe.pk).exists()


def test_uses_food_filter_lists_recipes_with_that_food(staff_client):
    soup = service_recipe(title="Soup", lines=("200 g red lentils",))
    service_recipe(title="Porridge", lines=("80 g rolled oats",))
    food = soup.ingredients.get().food
    assert food is not None
    response = staff_client.get(reverse("admin:recipes_recipe_changelist"), {"uses_food": food.pk})
    assert [r.title for r in response.context["cl"].result_list] == ["Soup"]
    assert food.name in response.content.decode()
    assert Food.objects.filter(pk=food.pk).exists()
