"""Recipes over the API: who sees and changes what, creating from raw lines, and bad input."""

import pytest

from recipes.models import Recipe, RecipeIngredient

from .conftest import assert_one_error_shape

pytestmark = pytest.mark.django_db

LIST = "/api/v1/recipes/"


def detail(recipe) -> str:
    return f"/api/v1/recipes/{recipe.pk}/"


def ids(response) -> set[int]:
    return {item["id"] for item in response.json()["results"]}


# --- who sees what ---------------------------------------------------------------------------


def test_owner_sees_own_private_recipe_and_public_ones(owner_api, user, stranger, make_recipe):
    mine = make_recipe(owner=user, is_public=False)
    catalogue = make_recipe()
    shared = make_recipe(owner=stranger, is_public=True)
    hidden = make_recipe(owner=stranger, is_public=False)

    response = owner_api.get(LIST)

    assert response.status_code == 200
    assert ids(response) == {mine.pk, catalogue.pk, shared.pk}
    assert hidden.pk not in ids(response)
    flags = {item["id"]: item["is_own"] for item in response.json()["results"]}
    assert flags == {mine.pk: True, catalogue.pk: False, shared.pk: False}


def test_stranger_cannot_see_edit_or_delete_my_private_recipe(stranger_api, user, make_recipe):
    mine = make_recipe(owner=user, is_public=False, title="My secret soup")

    assert stranger_api.get(detail(mine)).status_code == 404
    assert stranger_api.patch(detail(mine), {"title": "Stolen"}, format="json").status_code == 404
    assert stranger_api.put(detail(mine), {"title": "Stolen", "ingredients": ["1 apple"]}).status_code == 404
    assert stranger_api.delete(detail(mine)).status_code == 404
    assert mine.pk not in ids(stranger_api.get(LIST))
    mine.refresh_from_db()
    assert mine.title == "My secret soup"


def test_stranger_can_read_but_not_change_my_public_recipe(stranger_api, user, make_recipe):
    mine = make_recipe(owner=user, is_public=True, title="Shared salad")

    assert stranger_api.get(detail(mine)).status_code == 200
    response = stranger_api.patch(detail(mine), {"title": "Mine now"}, format="json")
    assert response.status_code == 403
    assert set(response.json()) == {"detail", "errors"}
    assert stranger_api.delete(detail(mine)).status_code == 403
    assert Recipe.objects.get(pk=mine.pk).title == "Shared salad"


def test_anonymous_reads_public_recipes_only(anon_api, user, make_recipe):
    public = make_recipe()
    private = make_recipe(owner=user, is_public=False)

    response = anon_api.get(LIST)
    assert response.status_code == 200
    assert ids(response) == {public.pk}
    assert anon_api.get(detail(public)).status_code == 200
    assert anon_api.get(detail(private)).status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_anonymous_cannot_write(anon_api, make_recipe, method):
    public = make_recipe(title="Catalogue oats")
    url = LIST if method == "post" else detail(public)
    response = getattr(anon_api, method)(url, {"title": "x", "ingredients": ["1 apple"]}, format="json")
    assert response.status_code == 401
    assert response.json()["detail"] == "Authentication credentials were not provided."
    assert Recipe.objects.count() == 1
    assert Recipe.objects.get().title == "Catalogue oats"


def test_staff_sees_and_edits_every_recipe(staff_api, user, make_recipe, pantry):
    private = make_recipe(owner=user, is_public=False, title="Private", lines=["100 g rolled oats"])
    catalogue = make_recipe()

    assert ids(staff_api.get(LIST)) == {private.pk, catalogue.pk}
    response = staff_api.patch(detail(private), {"title": "Checked by staff"}, format="json")
    assert response.status_code == 200
    assert Recipe.objects.get(pk=private.pk).title == "Checked by staff"


def test_user_cannot_delete_a_catalogue_recipe(owner_api, make_recipe):
    catalogue = make_recipe(title="Catalogue")
    assert owner_api.delete(detail(catalogue)).status_code == 403
    assert Recipe.objects.filter(pk=catalogue.pk).exists()


# --- create, update, delete ------------------------------------------------------------------


def test_create_parses_lines_and_stores_nutrition(owner_api, user, pantry):
    oats, kefir = pantry["oats"], pantry["kefir"]
    payload = {
        "title": "Overnight oats",
        "servings": 2,
        "meal_types": ["breakfast"],
        "tags": ["Quick", "no-cook"],
        "ingredients": ["100 g rolled oats", "200 g kefir"],
        "instructions": "Stir together and chill overnight.",
    }

    response = owner_api.post(LIST, payload, format="json")

    assert response.status_code == 201, response.json()
    body = response.json()
    recipe = Recipe.objects.get(pk=body["id"])
    assert recipe.owner == user
    assert recipe.is_public is False
    rows = list(RecipeIngredient.objects.filter(recipe=recipe).order_by("position"))
    assert [row.raw_text for row in rows] == payload["ingredients"]
    assert [row.food_id for row in rows] == [oats.pk, kefir.pk]
    assert [row.grams for row in rows] == [100, 200]

    # Per serving: (100 g oats + 200 g kefir) / 2 servings, from the per-100 g values.
    expected_fiber = (oats.fiber_g * 1 + kefir.fiber_g * 2) / 2
    expected_kcal = (oats.energy_kcal * 1 + kefir.energy_kcal * 2) / 2
    assert body["per_serving"]["fiber_g"] == pytest.approx(expected_fiber, abs=0.01)
    assert body["per_serving"]["energy_kcal"] == pytest.approx(expected_kcal, abs=0.01)
    assert recipe.fiber_g == pytest.approx(expected_fiber, abs=0.01)
    assert body["per_serving"]["beta_glucan_g"] == pytest.approx(oats.beta_glucan_g / 2, abs=0.01)
    assert body["allergens"] == ["gluten", "milk"]
    assert "vegan" not in body["diets"] and "vegetarian" in body["diets"]
    assert body["meal_types"] == ["breakfast"]
    assert body["tags"] == ["no-cook", "quick"]
    assert body["matched_share"] == 1
    assert body["unmatched_count"] == 0
    assert 0 <= body["gut_score"] <= 100
    assert body["gut_score"] == recipe.gut_score
    assert sum(c["points"] for c in body["breakdown"]) == body["gut_score"]
    assert body["gut_score_version"]
    lines = body["ingredients"]
    assert [line["position"] for line in lines] == [0, 1]
    assert lines[0]["food"] == {"id": oats.pk, "name": "rolled oats"}
    assert lines[0]["status"] == "matched"
    assert set(lines[0]) == {
        "position",
        "text",
        "quantity",
        "unit",
        "grams",
        "food",
        "food_chosen",
        "confidence",
        "status",
        "preparation",
        "optional",
        "note",
    }
    assert lines[0]["food_chosen"] is False


def test_create_reports_unmatched_lines(owner_api, pantry):
    response = owner_api.post(
        LIST, {"title": "Mystery", "ingredients": ["100 g rolled oats", "50 g unobtainium"]}, format="json"
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["unmatched_count"] == 1
    assert body["ingredients"][1]["status"] == "unmatched"
    assert body["ingredients"][1]["food"] is None
    assert body["matched_share"] < 1


def test_servings_read_from_yields_when_absent(owner_api, pantry):
    response = owner_api.post(
        LIST, {"title": "Oats", "yields_text": "Serves 4", "ingredients": ["400 g rolled oats"]}, format="json"
    )
    assert response.status_code == 201, response.json()
    assert response.json()["servings"] == 4
    assert response.json()["per_serving"]["fiber_g"] == pytest.approx(pantry["oats"].fiber_g, abs=0.01)


def test_update_replaces_lines_and_recomputes(owner_api, pantry):
    created = owner_api.post(LIST, {"title": "Bowl", "ingredients": ["100 g rolled oats"]}, format="json").json()
    url = f"{LIST}{created['id']}/"

    response = owner_api.patch(url, {"ingredients": ["200 g cooked lentils"], "servings": 2}, format="json")

    assert response.status_code == 200, response.json()
    body = response.json()
    assert [line["text"] for line in body["ingredients"]] == ["200 g cooked lentils"]
    assert body["per_serving"]["fiber_g"] == pytest.approx(pantry["lentils"].fiber_g, abs=0.01)
    assert RecipeIngredient.objects.filter(recipe_id=created["id"]).count() == 1


def test_patch_without_ingredients_keeps_lines(owner_api, pantry):
    created = owner_api.post(LIST, {"title": "Bowl", "ingredients": ["100 g rolled oats"]}, format="json").json()
    response = owner_api.patch(f"{LIST}{created['id']}/", {"title": "Better bowl"}, format="json")
    assert response.status_code == 200
    assert response.json()["title"] == "Better bowl"
    assert [line["text"] for line in response.json()["ingredients"]] == ["100 g rolled oats"]


def test_put_requires_title_and_ingredients(owner_api, pantry):
    created = owner_api.post(LIST, {"title": "Bowl", "ingredients": ["100 g rolled oats"]}, format="json").json()
    response = owner_api.put(f"{LIST}{created['id']}/", {"title": "Only a title"}, format="json")
    assert response.status_code == 400
    assert "ingredients" in response.json()["errors"]


def test_owner_deletes_own_recipe(owner_api, user, make_recipe):
    mine = make_recipe(owner=user, is_public=False, lines=["1 apple"])
    assert owner_api.delete(detail(mine)).status_code == 204
    assert not Recipe.objects.filter(pk=mine.pk).exists()
    assert not RecipeIngredient.objects.filter(recipe_id=mine.pk).exists()


def test_deleting_a_recipe_used_in_a_plan_is_a_conflict(owner_api, user, make_recipe):
    import datetime

    from mealplan.models import Plan

    mine = make_recipe(owner=user, is_public=False)
    plan = Plan.objects.create(owner=user, start=datetime.date(2026, 1, 5), days=1, slots=["dinner"])
    plan.entries.create(date=plan.start, slot="dinner", recipe=mine)

    response = owner_api.delete(detail(mine))

    assert response.status_code == 409
    assert "plan" in response.json()["detail"]
    assert Recipe.objects.filter(pk=mine.pk).exists()


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"title": "Empty", "ingredients": []}, "ingredients"),
        ({"title": "Blank", "ingredients": ["   ", ""]}, "ingredients"),
        ({"title": "No lines"}, "ingredients"),
        ({"title": "Zero", "ingredients": ["1 apple"], "servings": 0}, "servings"),
        ({"title": "Negative", "ingredients": ["1 apple"], "servings": -2}, "servings"),
        ({"title": "Huge", "ingredients": ["1 apple"], "servings": 1000}, "servings"),
        ({"title": "Brunch", "ingredients": ["1 apple"], "meal_types": ["brunch"]}, "meal_types"),
        ({"title": "", "ingredients": ["1 apple"]}, "title"),
        ({"title": "Slow", "ingredients": ["1 apple"], "prep_minutes": -5}, "prep_minutes"),
        ({"title": "Not a list", "ingredients": "1 apple"}, "ingredients"),
        ({"title": "Bad url", "ingredients": ["1 apple"], "source_url": "not a url"}, "source_url"),
        ({"title": "Too many", "ingredients": ["1 apple"] * 151}, "ingredients"),
        ({"title": "Long line", "ingredients": ["1 apple", "x" * 501]}, "ingredients"),
        ({"title": "Tags", "ingredients": ["1 apple"], "tags": ["x" * 41]}, "tags"),
    ],
)
def test_bad_recipe_input_is_400_naming_the_field(owner_api, payload, field):
    response = owner_api.post(LIST, payload, format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == "Invalid input."
    assert field in body["errors"], body
    assert_one_error_shape(body)
    assert Recipe.objects.count() == 0


def test_malformed_json_is_400_not_500(owner_api):
    response = owner_api.generic("POST", LIST, "{not json", content_type="application/json")
    assert response.status_code == 400
    assert set(response.json()) == {"detail", "errors"}


def test_unknown_recipe_is_404_in_the_error_shape(owner_api):
    response = owner_api.get(f"{LIST}987654/")
    assert response.status_code == 404
    assert response.json()["errors"] == {}
    assert response.json()["detail"]


@pytest.mark.parametrize("path", ["/api/v1/recipes/0.5/", "/api/v1/nothing-here/", "/api/v2/recipes/"])
def test_unknown_api_path_is_a_json_404(path):
    from rest_framework.test import APIClient

    response = APIClient(enforce_csrf_checks=True).delete(path)  # as a browser would meet it
    assert response.status_code == 404
    assert_one_error_shape(response.json())


def test_missing_trailing_slash_says_so(anon_api):
    response = anon_api.get("/api/v1/recipes")
    assert response.status_code == 404
    assert response.json()["detail"] == "API paths end with a slash: /api/v1/recipes/"


@pytest.mark.django_db
def test_list_rows_are_what_the_declared_fields_give(rf, user, stranger, make_recipe):
    from rest_framework import serializers as drf

    from recipes.api.serializers import RecipeListSerializer
    from recipes.models import Recipe

    make_recipe(title="Plain", gut_score=40, total_minutes=None)
    make_recipe(
        title="Own",
        owner=user,
        is_public=False,
        meal_types=["lunch", "dinner"],
        tags=["quick"],
        diets=["vegan", "vegetarian"],
        allergens=["nuts"],
        fodmap_level="high",
        total_minutes=25,
        gut_score=81,
        fiber_g=7.456,
        energy_kcal=512.345,
        image_url="https://example.org/a.jpg",
    )
    for who in (user, stranger):
        request = rf.get("/api/v1/recipes/")
        request.user = who
        serializer = RecipeListSerializer(context={"request": request})
        for recipe in Recipe.objects.all():
            assert serializer.to_representation(recipe) == drf.ModelSerializer.to_representation(serializer, recipe)
