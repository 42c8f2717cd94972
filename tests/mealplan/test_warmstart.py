"""The greedy first plan handed to the solver (mealplan/planning/warmstart.py)."""

from collections import Counter
from dataclasses import replace

from mealplan.planning import PlanRequest
from mealplan.planning.model import PENALTY_PER_PERCENT, MealVar
from mealplan.planning.warmstart import warm_start
from tests.mealplan.test_optimiser import catalogue, recipe

BONUSES = {"plant": 3.0, "recipe": 2.0, "leftover": 5.0}


def meal_vars_for(recipes, request):
    """One MealVar per recipe and portion for every (day, slot), numbered like model columns."""
    columns = iter(range(100_000))
    return {
        (day, slot): [
            MealVar(next(columns), r, portion, False, False)
            for r in recipes
            if slot in r.meal_types
            for portion in request.portion_options
        ]
        for day in range(request.days)
        for slot in request.slots
    }


def chosen(meal_vars, plan):
    assert all(v in meal_vars[key] for key, v in plan.items())
    return list(plan.items())


def test_one_option_per_meal_and_no_recipe_twice_a_day_or_on_consecutive_days():
    request = PlanRequest(energy_kcal=1800)
    meal_vars = meal_vars_for(catalogue(), request)
    picks = chosen(meal_vars, warm_start(request, meal_vars, PENALTY_PER_PERCENT, BONUSES))
    assert Counter(key for key, _ in picks) == Counter(meal_vars.keys())
    by_day = {}
    for (day, _slot), v in picks:
        by_day.setdefault(day, []).append(v.recipe.id)
    for day, ids in by_day.items():
        assert len(ids) == len(set(ids))
        if day > 0:
            assert not set(ids) & set(by_day[day - 1])
    assert max(Counter(v.recipe.id for _, v in picks).values()) <= request.max_repeats


def test_each_day_meets_energy_fibre_and_live_cultures_when_options_allow():
    request = PlanRequest(energy_kcal=1800)
    meal_vars = meal_vars_for(catalogue(), request)
    picks = chosen(meal_vars, warm_start(request, meal_vars, PENALTY_PER_PERCENT, BONUSES))
    for day in range(request.days):
        meals = [v for (d, _), v in picks if d == day]
        kcal = sum(v.recipe.energy_kcal * v.servings for v in meals)
        assert abs(kcal - 1800) <= 180
        assert sum(v.recipe.fiber_g * v.servings for v in meals) >= request.fiber_target_g
        assert sum(v.recipe.live_culture_servings * v.servings for v in meals) >= 1


def test_prefers_recipes_bringing_new_plants():
    request = PlanRequest(days=2, slots=("lunch",), energy_kcal=500, fiber_g_per_day=1, live_servings_per_day=0)
    same = [recipe(i, {"lunch"}, gut_score=60, plant_species=frozenset({"plant-0"})) for i in (1, 2, 3)]
    varied = recipe(4, {"lunch"}, gut_score=55, plant_species=frozenset({"plant-1", "plant-2", "plant-3"}))
    meal_vars = meal_vars_for([*same, varied], request)
    picks = chosen(meal_vars, warm_start(request, meal_vars, PENALTY_PER_PERCENT, BONUSES))
    assert 4 in {v.recipe.id for _, v in picks}


def test_with_leftovers_yesterdays_dinner_can_be_todays_lunch_without_counting_as_a_repeat():
    request = PlanRequest(
        days=4, slots=("lunch", "dinner"), energy_kcal=1000, leftovers=True, max_repeats=1, fiber_g_per_day=1
    )
    request = replace(request, live_servings_per_day=0)
    recipes = [recipe(i, {"lunch", "dinner"}, gut_score=60, energy_kcal=500) for i in range(1, 9)]
    meal_vars = meal_vars_for(recipes, request)
    plan = warm_start(request, meal_vars, PENALTY_PER_PERCENT, BONUSES)
    leftovers = [d for d in range(1, 4) if plan[d, "lunch"].recipe.id == plan[d - 1, "dinner"].recipe.id]
    assert leftovers  # worth the bonus, and allowed although max_repeats is 1
    cooked = Counter(v.recipe.id for (d, slot), v in plan.items() if not (slot == "lunch" and d in leftovers))
    assert max(cooked.values()) <= 1
