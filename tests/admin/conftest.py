"""Fixtures for the admin tests: a logged-in staff client and rows created without parsing."""

import pytest
from django.core.cache import cache

from recipes.models import Food, Recipe, RecipeIngredient
from recipes.selectors import food_index_cache
from tests.factories import food_row


@pytest.fixture(autouse=True)
def fresh_caches():
    """The food index and axes counters live in process caches; a test that edits foods must not leak them."""
    cache.clear()
    food_index_cache.clear()
    yield
    cache.clear()
    food_index_cache.clear()


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def stored_recipes(count: int, *, prefix: str = "Admintest", owner=None, **values) -> list[Recipe]:
    """Recipe rows with per-serving values written directly, one ingredient line each."""

    def row(i: int) -> Recipe:
        fields = {"servings": 2, "meal_types": ["dinner"], "energy_kcal": 400 + i, "fiber_g": 6}
        fields["gut_score"] = (i * 13) % 101
        fields.update(values)
        return Recipe(title=f"{prefix} {i:03d}", owner=owner, is_public=True, **fields)

    recipes = Recipe.objects.bulk_create(row(i) for i in range(count))
    RecipeIngredient.objects.bulk_create(
        RecipeIngredient(recipe=recipe, position=0, raw_text=f"{i} g lentils", status="matched")
        for i, recipe in enumerate(recipes, start=1)
    )
    return recipes


def small_food(name: str, **values) -> Food:
    defaults = {"food_group": "grains", "energy_kcal": 300, "fiber_g": 10, "carbohydrate_g": 60, "protein_g": 10}
    return food_row(name, **{**defaults, **values})
