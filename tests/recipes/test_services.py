import pytest
from django.core.exceptions import ValidationError

from recipes import services
from recipes.engine.scoring import SCORE_VERSION
from recipes.models import Food, Recipe, RecipeIngredient

LINES = ["2 cups plain yogurt", "2 tbsp olive oil", "1 cup milk", "a pinch of unobtainium dust"]


@pytest.fixture
def recipe(user, food_index):
    return services.create_recipe(owner=user, title="  Yogurt drink ", ingredients=LINES, yields_text="Serves 2")


@pytest.mark.django_db
def test_create_parses_matches_and_stores_per_serving_nutrition(recipe):
    assert recipe.title == "Yogurt drink"
    assert recipe.servings == 2
    rows = list(recipe.ingredients.order_by("position"))
    assert [r.raw_text for r in rows] == LINES
    yogurt = rows[0]
    assert yogurt.food.name == "plain yogurt"
    assert yogurt.status == "matched"
    assert yogurt.grams == pytest.approx(2 * 245, rel=0.05)
    assert rows[3].status == "unmatched"
    assert recipe.unmatched_count == 1
    assert recipe.matched_share == pytest.approx(0.75)
    expected = sum(r.grams / 100 * r.food.energy_kcal for r in rows if r.food) / 2
    assert recipe.energy_kcal == pytest.approx(expected, rel=0.01)
    assert recipe.live_culture_servings > 1  # 245 g of live yogurt per serving, eaten uncooked
    assert "vegetarian" in recipe.diets and "vegan" not in recipe.diets
    assert "milk" in recipe.allergens
    assert recipe.gut_score_version == SCORE_VERSION
    assert sum(c["points"] for c in recipe.score_breakdown) == recipe.gut_score
    assert recipe.analysis["per_serving"]["energy_kcal"] == pytest.approx(recipe.energy_kcal, abs=0.01)


@pytest.mark.django_db
def test_update_recomputes_everything_in_one_transaction(recipe):
    before = recipe.energy_kcal
    updated = services.update_recipe(recipe, ingredients=["1 cup plain yogurt"], servings=1)
    assert updated.ingredients.count() == 1
    assert updated.energy_kcal != before
    assert updated.unmatched_count == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"ingredients": []}, "ingredients"),
        ({"ingredients": ["x" * 501]}, "ingredients"),
        ({"ingredients": ["1 cup milk", "2 eggs\x00"]}, "ingredients"),  # PostgreSQL cannot store a NUL
        ({"servings": 0}, "servings"),
        ({"servings": 1000}, "servings"),
        ({"meal_types": ["elevenses"]}, "meal_types"),
        ({"prep_minutes": -5}, "prep_minutes"),
        ({"title": "   "}, "title"),
    ],
)
def test_bad_input_is_a_validation_error_naming_the_field_and_writes_nothing(user, food_index, kwargs, field):
    values = {"title": "Soup", "ingredients": ["1 cup milk"], **kwargs}
    with pytest.raises(ValidationError) as excinfo:
        services.create_recipe(owner=user, **values)
    assert field in excinfo.value.message_dict
    assert not Recipe.objects.exists()
    assert not RecipeIngredient.objects.exists()


@pytest.mark.django_db
def test_failed_update_keeps_the_old_recipe(recipe):
    with pytest.raises(ValidationError):
        services.update_recipe(recipe, ingredients=[], title="New")
    recipe.refresh_from_db()
    assert recipe.title == "Yogurt drink"
    assert recipe.ingredients.count() == len(LINES)


@pytest.mark.django_db
def test_cooking_a_live_ferment_removes_its_live_cultures(user, food_index):
    cold = services.create_recipe(
        owner=user, title="Cold", ingredients=["1 cup plain yogurt"], servings=1, instructions="Serve chilled."
    )
    baked = services.create_recipe(
        owner=user,
        title="Baked",
        ingredients=["1 cup plain yogurt"],
        servings=1,
        instructions="Bake the yogurt in the oven for 30 minutes.",
    )
    assert cold.live_culture_servings > 0
    assert baked.live_culture_servings == 0
    assert cold.gut_score >= baked.gut_score


@pytest.mark.django_db
def test_changing_a_food_recomputes_the_recipes_that_use_it(recipe):
    yogurt = Food.objects.get(name="plain yogurt")
    yogurt.energy_kcal = (yogurt.energy_kcal or 0) + 100
    yogurt.save()
    assert services.recompute_recipes_using_foods([yogurt.pk]) == 1
    updated = Recipe.objects.get(pk=recipe.pk)
    assert updated.energy_kcal == pytest.approx(recipe.energy_kcal + 100 * 2 * 2.45 / 2, rel=0.02)


@pytest.mark.django_db
def test_analyse_saves_nothing(food_index):
    doc = services.analysis_document(services.analyse(["1 cup milk"], servings=1))
    assert doc["per_serving"]["energy_kcal"] > 0
    assert doc["gut_score"] == sum(c["points"] for c in doc["breakdown"])
    assert not Recipe.objects.exists()


def test_yields_beyond_the_limit_plan_as_the_maximum():
    assert services.resolve_servings(None, "Makes 120 cookies") == services.MAX_SERVINGS
    assert services.resolve_servings(None, "Serves 4") == 4
    assert services.resolve_servings(None, "") == 1


def test_a_null_character_is_reported_with_its_line():
    with pytest.raises(ValidationError) as excinfo:
        services.clean_lines(["1 cup milk", "2 eggs", "salt\x00"])
    assert excinfo.value.message_dict["ingredients"] == ["Ingredient line(s) 3 contain a null character."]
