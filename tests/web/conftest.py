"""Fixtures for the website tests: stored recipes (values set directly) and logged-in clients."""

import pytest
from django.core.cache import cache
from django.test import Client

from recipes.models import Recipe
from recipes.selectors import food_index_cache


@pytest.fixture(autouse=True)
def fresh_caches():
    """Axes counters and the food index live in process caches: start every test clean."""
    cache.clear()
    food_index_cache.clear()
    yield
    cache.clear()
    food_index_cache.clear()


def stored_recipe(title: str, *, owner=None, public=True, **values) -> Recipe:
    """A recipe row with its per-serving values written directly (no parsing)."""
    defaults = {
        "servings": 2,
        "meal_types": ["dinner"],
        "energy_kcal": 500,
        "fiber_g": 8,
        "prebiotic_g": 1,
        "live_culture_servings": 0,
        "plants": 4,
        "gut_score": 50,
        "total_minutes": 30,
        "diets": ["vegan", "vegetarian", "pescatarian"],
        "allergens": [],
        "fodmap_level": "low",
    }
    defaults.update(values)
    return Recipe.objects.create(title=title, owner=owner, is_public=public, **defaults)


@pytest.fixture
def owner_client(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def stranger_client(stranger):
    other = Client()
    other.force_login(stranger)
    return other
