"""A small catalogue of stored recipes (nutrition set directly) for planning tests."""

import pytest

from recipes.models import Recipe
from tests.factories import recipe_row

PLANTS = [f"plant{i:02d}" for i in range(60)]


def make_recipe(i: int, meal_type: str, *, owner=None, public=True, **values) -> Recipe:
    defaults = {
        "title": f"{meal_type.title()} {i:02d}",
        "servings": 2,
        "meal_types": [meal_type],
        "energy_kcal": {"breakfast": 500, "lunch": 650, "dinner": 800, "snack": 200}[meal_type] + (i % 5) * 20,
        "fiber_g": 8 + (i % 4) * 2,
        "prebiotic_g": 2.0,
        "live_culture_servings": 1.0 if i % 3 == 0 else 0.0,
        "plant_species": PLANTS[(i * 4) % 60 : (i * 4) % 60 + 4],
        "gut_score": 50 + (i * 7) % 45,
        "total_minutes": 10 + (i % 6) * 10,
        "diets": ["vegan", "vegetarian", "pescatarian"] if i % 2 else ["pescatarian"],
        "allergens": ["nuts"] if i % 5 == 0 else [],
        "fodmap_level": "low" if i % 2 else "high",
    }
    defaults.update(values)
    return recipe_row(owner=owner, is_public=public, **defaults)


@pytest.fixture
def catalogue(db):
    recipes = []
    for i in range(48):
        meal_type = ("breakfast", "lunch", "dinner")[i % 3]
        recipes.append(make_recipe(i, meal_type))
    return recipes
