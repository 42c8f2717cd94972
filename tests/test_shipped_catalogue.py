"""The catalogue we ship: it loads whole, every line matches, and a week can be planned for every diet."""

from collections import Counter
from datetime import date

import pytest

from mealplan import services
from mealplan.models import Plan
from recipes.catalogue import load_catalogue
from recipes.models import Recipe, RecipeIngredient

DIETS = ("omnivore", "pescatarian", "vegetarian", "vegan")


@pytest.mark.slow
@pytest.mark.django_db
def test_shipped_catalogue_loads_matches_and_plans_a_week_for_every_diet(user, food_index):
    report = load_catalogue()
    recipes = Recipe.objects.all()
    assert report.created == recipes.count() >= 200
    assert report.unmatched_lines == []
    assert not RecipeIngredient.objects.filter(status=RecipeIngredient.Status.UNMATCHED).exists()

    meal_types = Counter(m for r in recipes for m in r.meal_types)
    assert all(meal_types[m] >= 40 for m in ("breakfast", "lunch", "dinner", "snack")), meal_types
    diets = Counter(d for r in recipes for d in r.diets)
    assert diets["vegan"] >= 60 and diets["vegetarian"] >= 100 and diets["pescatarian"] >= 120, diets
    assert recipes.filter(live_culture_servings__gt=0).count() >= 40
    scores = [r.gut_score for r in recipes]
    assert min(scores) < 20 and max(scores) >= 75  # ordinary dishes too, so scores span the range

    for diet in DIETS:
        for low_fodmap in (False, True):
            services.update_profile(user, diet=diet, low_fodmap=low_fodmap)
            plan = services.generate_plan(owner=user, start=date(2026, 11, 30))
            assert plan.status == Plan.Status.OPTIMAL, (diet, low_fodmap, plan.messages)
            used = [e.recipe for e in plan.entries.select_related("recipe")]
            assert len(used) == 21
            if diet != "omnivore":
                assert all(diet in r.diets for r in used)
            if low_fodmap:
                assert all(r.fodmap_level not in ("moderate", "high") for r in used)
