"""Recipes that list variations: the base is counted, the variations are reported."""

import pytest

from recipes.engine.parser import parse_line
from recipes.engine.variations import VARIATION_NOTE, variation_start


def start(lines: list[str]) -> int | None:
    return variation_start([parse_line(text) for text in lines])


def test_a_line_that_points_to_the_variations_closes_the_base():
    lines = [
        "2/3 cup creamy peanut butter",
        "1 cup old fashioned oats",
        "1/2 cup mix-ins (see variations below)",
        "1/2 cup chocolate chips",
        "1/4 cup dried cranberries",
    ]
    assert start(lines) == 3


def test_a_heading_that_names_variations_starts_them():
    lines = ["1 cup oats", "2 cups milk", "Variations:", "1/2 cup blueberries", "Flavor ideas:", "1 tbsp cocoa"]
    assert start(lines) == 2
    assert start(["1 cup oats", "Variation 1: chocolate", "1 tbsp cocoa"]) == 1


def test_changes_to_the_base_recipe_start_after_the_first_group():
    lines = [
        "1 cup steel cut oats",
        "3 cups water",
        "1 teaspoon cinnamon",
        "After cooking:",
        "2 tablespoons maple syrup",
        "1 large apple, chopped",
        "1 cup blueberries (add after cooking base recipe)",
        "1 teaspoon chai spice (omit cinnamon from base recipe)",
    ]
    assert start(lines) == 3
    # without a heading, the first change to the base is the first variation line
    assert start([lines[0], lines[1], lines[6], lines[7]]) == 2


def test_ordinary_recipes_have_no_variations():
    # group headings, "see recipe" references and notes are not variations
    assert start(["For the sauce:", "1 cup tomatoes", "For the pasta:", "200 g spaghetti"]) is None
    assert start(["1 recipe pizza dough (see above)", "1 cup mozzarella", "Toppings:", "basil leaves"]) is None
    assert start(["1 cup rice", "2 cups water (see note)", "1 variation of spice mix is fine"]) is None
    assert start(["Variations:", "1 cup rice"]) is None  # a heading before any ingredient names no variation


def test_variation_lines_are_reported_and_not_summed(food_index):
    from recipes.engine.nutrition import analyse_recipe

    base = ["1 cup rolled oats", "2 tbsp honey", "1/2 cup mix-ins (see variations below)"]
    variations = ["1/2 cup chocolate chips", "1/4 cup peanuts", "1/4 cup raisins"]
    alone = analyse_recipe(base, servings=4, index=food_index)
    listed = analyse_recipe(base + variations, servings=4, index=food_index)
    assert listed.per_serving.energy_kcal == pytest.approx(alone.per_serving.energy_kcal)
    assert alone.per_serving.energy_kcal > 100
    assert [line.status for line in listed.lines[3:]] == ["ignored"] * 3
    assert all(line.note == VARIATION_NOTE for line in listed.lines[3:])
    assert listed.lines[2].status == "unmatched"  # the mix-ins placeholder is still reported
