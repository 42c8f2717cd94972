"""A food chosen by hand for a line: the engine weighs the line as that food, the services store and keep the choice."""

import pytest
from django.core.exceptions import ValidationError

from recipes import services
from recipes.engine.matcher import FoodIndex
from recipes.engine.nutrition import analyse_recipe
from recipes.engine.parser import parse_line
from recipes.engine.portions import line_grams
from recipes.models import Food, Recipe, RecipeIngredient

from .factories import OATS, OLIVE_OIL, USDA_KALE, YOGURT

INDEX = FoodIndex([OATS, YOGURT, OLIVE_OIL, USDA_KALE])


# --- the engine (pure) -----------------------------------------------------------------------


def test_a_chosen_food_replaces_the_match_with_full_confidence():
    lines = ["100 g rolled oats", "1 cup plain yogurt"]
    automatic = analyse_recipe(lines, servings=1, index=INDEX)
    chosen = analyse_recipe(lines, servings=1, index=INDEX, chosen_foods={0: USDA_KALE})

    assert automatic.lines[0].food == OATS
    line = chosen.lines[0]
    assert line.food == USDA_KALE and line.chosen
    assert line.confidence == 1.0 and line.status == "matched"
    assert "chosen by hand" in line.note
    assert line.as_dict()["food_chosen"] is True
    assert chosen.lines[1] == automatic.lines[1]  # lines without a choice are matched as before
    kale_fiber = USDA_KALE.fiber_g * line.grams / 100
    assert chosen.per_serving.fiber_g == pytest.approx(automatic.per_serving.fiber_g - OATS.fiber_g + kale_fiber)


def test_a_chosen_food_is_weighed_with_its_own_portions():
    text = "1 cup rolled oats"
    analysis = analyse_recipe([text], servings=1, index=INDEX, chosen_foods={0: YOGURT})
    as_yogurt, _ = line_grams(parse_line(text), YOGURT)
    as_oats, _ = line_grams(parse_line(text), OATS)
    assert as_yogurt != as_oats
    assert analysis.lines[0].grams == pytest.approx(as_yogurt)
    assert analysis.per_serving.live_culture_servings > 0  # yogurt, eaten uncooked


def test_a_line_the_matcher_cannot_read_counts_once_a_food_is_chosen():
    automatic = analyse_recipe(["200 g zorblax"], servings=2, index=INDEX)
    chosen = analyse_recipe(["200 g zorblax"], servings=2, index=INDEX, chosen_foods={0: OATS})
    assert automatic.lines[0].status == "unmatched" and automatic.matched_share == 0
    assert chosen.lines[0].status == "matched" and chosen.matched_share == 1
    assert chosen.per_serving.energy_kcal == pytest.approx(OATS.energy_kcal * 2 / 2)
    assert "gluten" in chosen.allergens


def test_a_chosen_food_without_a_known_weight_is_not_counted_and_says_why():
    analysis = analyse_recipe(["2 zorblax"], servings=1, index=INDEX, chosen_foods={0: OLIVE_OIL})
    line = analysis.lines[0]
    assert line.food == OLIVE_OIL and line.chosen
    assert line.status == "unmatched" and line.grams is None
    assert line.note.startswith("food chosen by hand; ")
    assert analysis.per_serving.energy_kcal == 0


# --- the services ----------------------------------------------------------------------------

LENTIL_LINE = "200 g red lentils"  # matched as dry lentils; the editor knows they are cooked


@pytest.fixture
def cooked_lentils(food_index):
    return Food.objects.get(name="cooked lentil")


def lentil_recipe(user, food: Food, *extra: str) -> Recipe:
    lines = [services.IngredientInput(LENTIL_LINE, food.pk), *extra]
    return services.create_recipe(owner=user, title="Dal", ingredients=lines, servings=2)


def lentil_row(recipe: Recipe) -> RecipeIngredient:
    return recipe.ingredients.get(raw_text=LENTIL_LINE)


@pytest.mark.django_db
def test_create_stores_the_chosen_food_and_its_nutrition(user, cooked_lentils):
    automatic = services.create_recipe(owner=user, title="Dal", ingredients=[LENTIL_LINE], servings=2)
    assert lentil_row(automatic).food_id != cooked_lentils.pk  # the matcher reads the dry lentils
    assert lentil_row(automatic).food_chosen is False

    recipe = lentil_recipe(user, cooked_lentils)
    row = lentil_row(recipe)
    assert row.food_id == cooked_lentils.pk and row.food_chosen
    assert row.match_confidence == 1 and row.status == "matched"
    assert recipe.fiber_g == pytest.approx(cooked_lentils.fiber_g * 200 / 100 / 2, rel=0.01)
    assert recipe.fiber_g != pytest.approx(automatic.fiber_g, rel=0.01)


@pytest.mark.django_db
def test_recomputes_keep_the_choice(user, cooked_lentils):
    recipe = lentil_recipe(user, cooked_lentils, "1 onion")
    fiber = recipe.fiber_g

    services.recompute_recipe(recipe)
    services.recompute_recipes(Recipe.objects.filter(pk=recipe.pk))
    recipe.refresh_from_db()
    assert lentil_row(recipe).food_id == cooked_lentils.pk and lentil_row(recipe).food_chosen
    assert recipe.fiber_g == pytest.approx(fiber)

    Food.objects.filter(pk=cooked_lentils.pk).update(fiber_g=cooked_lentils.fiber_g * 2)
    assert services.recompute_recipes_using_foods([cooked_lentils.pk]) == 1
    recipe.refresh_from_db()
    assert lentil_row(recipe).food_chosen
    assert recipe.fiber_g > fiber


@pytest.mark.django_db
def test_plain_strings_keep_the_choice_for_the_same_text_only(user, cooked_lentils):
    recipe = lentil_recipe(user, cooked_lentils, "1 onion")

    services.update_recipe(recipe, ingredients=["1 onion", LENTIL_LINE, "1 carrot"])
    row = lentil_row(recipe)
    assert row.food_id == cooked_lentils.pk and row.food_chosen and row.position == 1

    services.update_recipe(recipe, ingredients=["1 onion", "300 g red lentils"])
    changed = recipe.ingredients.get(position=1)
    assert not changed.food_chosen and changed.food_id != cooked_lentils.pk


@pytest.mark.django_db
def test_a_line_given_without_a_food_returns_to_the_matcher(user, cooked_lentils):
    recipe = lentil_recipe(user, cooked_lentils)
    services.update_recipe(recipe, ingredients=[services.IngredientInput(LENTIL_LINE)])
    row = lentil_row(recipe)
    assert not row.food_chosen and row.food_id != cooked_lentils.pk


@pytest.mark.django_db
def test_repeated_lines_keep_their_own_choices(user, cooked_lentils):
    other = Food.objects.get(name="rolled oats")
    line = "1 cup zorblax"
    lines = [services.IngredientInput(line, other.pk), line, services.IngredientInput(line, cooked_lentils.pk)]
    recipe = services.create_recipe(owner=user, title="Three", ingredients=lines, servings=1)

    services.update_recipe(recipe, ingredients=[line] * 3)
    rows = list(recipe.ingredients.order_by("position"))
    assert [(row.food_id, row.food_chosen) for row in rows] == [
        (other.pk, True),
        (None, False),
        (cooked_lentils.pk, True),
    ]


@pytest.mark.django_db
def test_an_unknown_food_is_refused_naming_the_line_and_nothing_is_written(user, cooked_lentils):
    missing = Food.objects.order_by("-pk").values_list("pk", flat=True).first() + 1000
    with pytest.raises(ValidationError) as excinfo:
        services.create_recipe(
            owner=user, title="Bad", ingredients=["1 onion", services.IngredientInput(LENTIL_LINE, missing)]
        )
    (message,) = excinfo.value.message_dict["ingredients"]
    assert "Line 2" in message and LENTIL_LINE in message and str(missing) in message
    assert not Recipe.objects.filter(title="Bad").exists()

    recipe = lentil_recipe(user, cooked_lentils)
    with pytest.raises(ValidationError):
        services.update_recipe(recipe, title="Changed", ingredients=[services.IngredientInput("1 onion", missing)])
    recipe.refresh_from_db()
    assert recipe.title == "Dal" and lentil_row(recipe).food_chosen


@pytest.mark.django_db
def test_deleting_the_chosen_food_hands_the_line_back_to_the_matcher(user, cooked_lentils):
    recipe = lentil_recipe(user, cooked_lentils)
    cooked_lentils.delete()
    services.food_index_cache.clear()
    services.recompute_recipe(recipe)
    row = lentil_row(recipe)
    assert not row.food_chosen and row.food_id is not None and row.status == "matched"
