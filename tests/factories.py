"""Rows written straight to the database (no parsing, no matching) for tests that need stored values."""

from itertools import count

from recipes.models import Food, FoodPortion, Recipe

_numbers = count(1)


def recipe_row(*, owner=None, is_public=None, title=None, lines=(), **fields) -> Recipe:
    """A Recipe with the given stored columns; public unless it has an owner; raw ingredient lines if given."""
    if is_public is None:
        is_public = owner is None
    recipe = Recipe.objects.create(
        owner=owner, is_public=is_public, title=title or f"Recipe {next(_numbers)}", **fields
    )
    for position, text in enumerate(lines):
        recipe.ingredients.create(position=position, raw_text=text)
    return recipe


def food_row(name: str, *, portions=(), **values) -> Food:
    """A Food with the given per-100 g values and (amount, unit, grams) portions."""
    food = Food.objects.create(name=name, **values)
    for seq, (amount, unit, grams) in enumerate(portions, start=1):
        FoodPortion.objects.create(food=food, seq=seq, amount=amount, unit=unit, grams=grams)
    return food
