"""Weights of household measures through the shipped food table (USDA SR28 + curated rows)."""

import pytest

from recipes.engine.parser import parse_line
from recipes.engine.portions import line_grams


def weigh(food_index, text: str) -> float:
    parsed = parse_line(text)
    match = food_index.match(parsed.food, parsed.preparation)
    grams, _ = line_grams(parsed, match.food)
    return grams


def test_nutritional_yeast_flakes_weigh_a_quarter_of_dry_yeast_granules(food_index):
    # Bob's Red Mill label: 1/4 cup of flakes is 15 g; the proxy row's own USDA tbsp (active dry yeast) is 12 g.
    assert weigh(food_index, "1/4 cup nutritional yeast") == pytest.approx(15, rel=0.01)
    assert weigh(food_index, "2 tablespoons nutritional yeast flakes") == pytest.approx(7.5, rel=0.01)
    assert weigh(food_index, "1 tablespoon active dry yeast") == pytest.approx(12, rel=0.01)
