"""Over the API an ingredient line may name its food: {"text": ..., "food": id}. Unknown foods are a 400."""

import pytest

from recipes.models import Food, Recipe, RecipeIngredient

from .conftest import assert_one_error_shape

pytestmark = pytest.mark.django_db

LIST = "/api/v1/recipes/"


def create(api, ingredients, **extra):
    return api.post(LIST, {"title": "Bowl", "servings": 2, "ingredients": ingredients, **extra}, format="json")


def test_a_line_can_name_its_food(owner_api, pantry):
    oats, lentils = pantry["oats"], pantry["lentils"]

    response = create(owner_api, [{"text": "100 g rolled oats", "food": lentils.pk}, "200 g rolled oats"])

    assert response.status_code == 201, response.json()
    body = response.json()
    chosen, matched = body["ingredients"]
    assert chosen["food"] == {"id": lentils.pk, "name": lentils.name}
    assert chosen["food_chosen"] is True and chosen["confidence"] == 1
    assert matched["food"]["id"] == oats.pk and matched["food_chosen"] is False
    expected_fiber = (lentils.fiber_g * 100 / 100 + oats.fiber_g * 200 / 100) / 2
    assert body["per_serving"]["fiber_g"] == pytest.approx(expected_fiber, abs=0.01)
    rows = RecipeIngredient.objects.filter(recipe_id=body["id"]).order_by("position")
    assert [(row.food_id, row.food_chosen) for row in rows] == [(lentils.pk, True), (oats.pk, False)]


def test_an_unknown_food_is_a_400_naming_the_line_and_writes_nothing(owner_api, pantry):
    missing = max(food.pk for food in pantry.values()) + 1000

    response = create(owner_api, ["100 g rolled oats", {"text": "200 g kefir", "food": missing}])

    assert response.status_code == 400
    body = response.json()
    assert_one_error_shape(body)
    (message,) = body["errors"]["ingredients"]
    assert "200 g kefir" in message and str(missing) in message
    assert not Recipe.objects.exists() and not RecipeIngredient.objects.exists()


def test_an_unknown_food_in_an_update_changes_nothing(owner_api, pantry):
    created = create(owner_api, ["100 g rolled oats"]).json()
    missing = max(food.pk for food in pantry.values()) + 1000

    response = owner_api.patch(
        f"{LIST}{created['id']}/",
        {"title": "Changed", "ingredients": [{"text": "200 g kefir", "food": missing}]},
        format="json",
    )

    assert response.status_code == 400
    recipe = Recipe.objects.get(pk=created["id"])
    assert recipe.title == "Bowl"
    assert [row.raw_text for row in recipe.ingredients.all()] == ["100 g rolled oats"]


def test_sending_back_the_lines_as_text_keeps_the_choice_and_null_drops_it(owner_api, pantry):
    lentils, oats = pantry["lentils"], pantry["oats"]
    created = create(owner_api, [{"text": "100 g rolled oats", "food": lentils.pk}]).json()
    url = f"{LIST}{created['id']}/"

    kept = owner_api.patch(url, {"ingredients": ["100 g rolled oats", "200 g kefir"]}, format="json").json()
    assert kept["ingredients"][0]["food"]["id"] == lentils.pk and kept["ingredients"][0]["food_chosen"]

    dropped = owner_api.patch(url, {"ingredients": [{"text": "100 g rolled oats", "food": None}]}, format="json")
    line = dropped.json()["ingredients"][0]
    assert line["food"]["id"] == oats.pk and line["food_chosen"] is False


@pytest.mark.parametrize(
    "line",
    [
        {"text": 5},
        {"food": 1},
        {"text": "100 g rolled oats", "food": "oats"},
        {"text": "100 g rolled oats", "food": True},
        {"text": "100 g rolled oats", "food": 1.5},
        {"text": "100 g rolled oats", "colour": "red"},
        ["100 g rolled oats"],
        None,
    ],
)
def test_a_malformed_line_is_a_400_on_ingredients(owner_api, pantry, line):
    response = create(owner_api, ["200 g kefir", line])
    assert response.status_code == 400
    body = response.json()
    assert_one_error_shape(body)
    assert set(body["errors"]) == {"ingredients"}
    assert body["errors"]["ingredients"][0].startswith("item 2: ")
    assert not Recipe.objects.exists()


def test_the_schema_documents_both_line_shapes_and_food_chosen(anon_api):
    schema = anon_api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    components = schema["components"]["schemas"]
    items = components["RecipeWriteRequest"]["properties"]["ingredients"]["items"]
    string, obj = items["oneOf"]
    assert string["type"] == "string"
    assert obj["type"] == "object" and obj["required"] == ["text"]
    assert obj["properties"]["food"] == {**obj["properties"]["food"], "type": "integer", "nullable": True}
    line = components["IngredientLine"]
    assert line["properties"]["food_chosen"]["type"] == "boolean"
    assert "food_chosen" in line["required"]


def test_detail_reads_food_chosen_without_extra_queries(owner_api, pantry, django_assert_num_queries):
    lentils = pantry["lentils"]
    lines = [{"text": f"{grams} g rolled oats", "food": lentils.pk} for grams in range(10, 60, 10)]
    created = create(owner_api, lines).json()
    assert all(line["food_chosen"] for line in created["ingredients"])
    with django_assert_num_queries(2):  # the recipe, then its lines with their foods
        body = owner_api.get(f"{LIST}{created['id']}/").json()
    assert [line["food"]["id"] for line in body["ingredients"]] == [lentils.pk] * 5
    assert Food.objects.filter(pk=lentils.pk).exists()
