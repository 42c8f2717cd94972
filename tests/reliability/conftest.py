"""Fixtures for the reliability tests: a small plannable catalogue, an owner with a token, a plan."""

from datetime import date

import pytest
from django.core.cache import cache

from recipes.models import Recipe
from recipes.selectors import food_index_cache

START = date(2026, 11, 30)
PLANTS = [f"plant{i:02d}" for i in range(60)]
SLOT_KCAL = {"breakfast": 500, "lunch": 650, "dinner": 800, "snack": 200}


@pytest.fixture(autouse=True)
def fresh_caches():
    """Throttle and lockout counters live in the cache, the food index in the process: start clean."""
    cache.clear()
    food_index_cache.clear()
    yield
    cache.clear()
    food_index_cache.clear()


def stored_recipe(i: int, meal_type: str, *, owner=None, public=True, **values) -> Recipe:
    """A plannable recipe row with per-serving values written directly (no parsing, no food table needed)."""
    fields = {
        "title": f"{meal_type.title()} {i:02d}",
        "servings": 2,
        "meal_types": [meal_type],
        "energy_kcal": SLOT_KCAL[meal_type] + (i % 5) * 20,
        "fiber_g": 8 + (i % 4) * 2,
        "prebiotic_g": 2.0,
        "live_culture_servings": 1.0 if i % 3 == 0 else 0.0,
        "plant_species": PLANTS[(i * 4) % 60 : (i * 4) % 60 + 4],
        "plants": 4,
        "gut_score": 50 + (i * 7) % 45,
        "total_minutes": 10 + (i % 6) * 10,
        "diets": ["vegan", "vegetarian", "pescatarian"] if i % 2 else ["pescatarian"],
        "allergens": ["nuts"] if i % 5 == 0 else [],
        "fodmap_level": "low" if i % 2 else "high",
    }
    fields.update(values)
    return Recipe.objects.create(owner=owner, is_public=public, **fields)


def make_catalogue(count: int = 48) -> list[Recipe]:
    return [stored_recipe(i, ("breakfast", "lunch", "dinner")[i % 3]) for i in range(count)]


@pytest.fixture
def catalogue(db):
    return make_catalogue()


@pytest.fixture
def owner_token(user):
    from rest_framework.authtoken.models import Token

    return Token.objects.create(user=user).key


@pytest.fixture
def owner_plan(user, catalogue):
    from mealplan import services

    return services.generate_plan(owner=user, start=START, days=7)


@pytest.fixture
def private_recipe(user):
    return stored_recipe(900, "dinner", owner=user, public=False, title="Owner's private stew")
