"""Factories for the API tests: foods with per-100 g values, recipes as stored rows or through the service."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from recipes.models import Food
from recipes.selectors import food_index_cache
from tests.factories import food_row, recipe_row


def assert_one_error_shape(body: dict) -> None:
    """{"detail": str, "errors": {field: [str, ...]}}: what mealplan/api/errors.py promises."""
    assert set(body) == {"detail", "errors"}
    assert isinstance(body["detail"], str) and body["detail"]
    for field, messages in body["errors"].items():
        assert isinstance(messages, list) and messages, field
        assert all(isinstance(message, str) for message in messages), (field, messages)


@pytest.fixture(autouse=True)
def fresh_caches():
    """Throttle counters live in the cache and the food index is cached per process: start clean."""
    cache.clear()
    food_index_cache.clear()
    yield
    cache.clear()
    food_index_cache.clear()


@pytest.fixture
def anon_api():
    return APIClient()


@pytest.fixture
def staff_api(staff):
    client = APIClient()
    client.force_authenticate(staff)
    return client


@pytest.fixture
def make_food(db):
    def make(name: str, *, portions=(), **values) -> Food:
        values.setdefault("is_common", True)
        return food_row(name, portions=portions, **values)

    return make


@pytest.fixture
def empty_food_table(db):
    """The session loads the shipped food table; these tests bring their own foods so matches and
    counts depend only on what the test creates (rolled back after each test)."""
    Food.objects.all().delete()
    food_index_cache.clear()


@pytest.fixture
def pantry(empty_food_table, make_food):
    """A few curated foods with round per-100 g values, so expected sums are easy to work out by hand."""
    return {
        "oats": make_food(
            "rolled oats",
            aliases="porridge oats\noatmeal",
            food_group="grains",
            energy_kcal=380,
            protein_g=13,
            fat_g=7,
            carbohydrate_g=60,
            fiber_g=10,
            sugars_g=1,
            sodium_mg=5,
            beta_glucan_g=4,
            plant_species="oat",
            grain="whole",
            allergens=["gluten"],
            contains_gluten=True,
            fodmap_level="low",
            source="test table",
            portions=[(1, "cup", 80)],
        ),
        "kefir": make_food(
            "kefir",
            food_group="dairy and eggs",
            energy_kcal=60,
            protein_g=3,
            fat_g=3,
            carbohydrate_g=5,
            fiber_g=0,
            sugars_g=5,
            sodium_mg=40,
            live_cultures=True,
            fermented=True,
            contains_dairy=True,
            animal_product=True,
            allergens=["milk"],
            fodmap_level="low",
            source="test table",
        ),
        "lentils": make_food(
            "cooked lentils",
            food_group="legumes",
            energy_kcal=116,
            protein_g=9,
            fat_g=0.4,
            carbohydrate_g=20,
            fiber_g=8,
            sugars_g=1.8,
            sodium_mg=2,
            gos_g=1.5,
            resistant_starch_g=1,
            plant_species="lentil",
            fodmap_level="high",
            fodmap_serving_g=46,
            source="test table",
        ),
    }


@pytest.fixture
def make_recipe(db):
    """A recipe row with stored per-serving values, for list, filter and scoping tests (no parsing)."""
    return recipe_row
