"""The weekly-plan optimiser, on synthetic catalogues built here (no database)."""

import random
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mealplan.planning import Candidate, Locked, PlanRequest, filter_candidates, plan_week

SPECIES = [f"plant-{n}" for n in range(60)]
ALLERGENS = ("nuts", "milk", "gluten")


def recipe(recipe_id, meal_types, **values):
    fields = {
        "id": recipe_id,
        "title": f"Recipe {recipe_id}",
        "meal_types": frozenset(meal_types),
        "energy_kcal": 500.0,
        "fiber_g": 8.0,
        "prebiotic_g": 1.0,
        "live_culture_servings": 0.0,
        "plant_species": frozenset({"plant-0"}),
        "gut_score": 50,
        "total_minutes": 20,
        "diets": frozenset(),
        "allergens": frozenset(),
        "food_ids": frozenset(),
        "fodmap_level": "low",
    }
    fields.update(values)
    return Candidate(**fields)


def catalogue(count=90, seed=7):
    """Breakfasts (a third with live cultures) and lunch/dinner mains with realistic spreads."""
    rng = random.Random(seed)
    recipes = []
    for recipe_id in range(1, count + 1):
        breakfast = recipe_id % 3 == 0
        energy = rng.uniform(320, 520) if breakfast else rng.uniform(480, 800)
        recipes.append(
            recipe(
                recipe_id,
                {"breakfast"} if breakfast else rng.choice([{"lunch", "dinner"}, {"lunch"}, {"dinner"}]),
                energy_kcal=round(energy),
                fiber_g=round(rng.uniform(5, 14), 1),
                prebiotic_g=round(rng.uniform(0, 4), 1),
                live_culture_servings=rng.choice([0.0, 1.0]) if breakfast else rng.choice([0.0] * 6 + [1.0]),
                plant_species=frozenset(rng.sample(SPECIES, rng.randint(3, 8))),
                gut_score=rng.randint(20, 95),
                total_minutes=rng.choice([None, 5, 10, 20, 40, 60]),
                diets=frozenset(rng.choice([(), ("vegetarian",), ("vegan", "vegetarian")])),
                allergens=frozenset(a for a in ALLERGENS if rng.random() < 0.2),
                food_ids=frozenset(rng.sample(range(1, 50), 4)),
                fodmap_level=rng.choice(["", "low", "low", "moderate", "high"]),
            )
        )
    return recipes


def by_id(recipes):
    return {c.id: c for c in recipes}


def assert_one_meal_per_slot(result, request):
    keys = [(m.day, m.slot) for m in result.meals]
    assert sorted(keys) == sorted((d, s) for d in range(request.days) for s in request.slots)


def assert_targets(result, request, recipes):
    """Every target and limit, checked on the returned plan itself."""
    recipes = by_id(recipes)
    assert_one_meal_per_slot(result, request)
    low = request.energy_kcal * (1 - request.energy_tolerance)
    high = request.energy_kcal * (1 + request.energy_tolerance)
    for totals in result.day_totals(recipes):
        assert low - 1e-6 <= totals["energy_kcal"] <= high + 1e-6
        assert totals["fiber_g"] >= request.fiber_target_g - 1e-6
        assert totals["live_culture_servings"] >= request.live_servings_per_day - 1e-6
    plants = {p for m in result.meals for p in recipes[m.recipe_id].plant_species}
    assert len(plants) >= request.plants_per_week
    uses = Counter(m.recipe_id for m in result.meals if not m.is_leftover)
    assert max(uses.values()) <= request.max_repeats
    meals_on = {d: [m for m in result.meals if m.day == d] for d in range(request.days)}
    for day in range(request.days):
        today = [m.recipe_id for m in meals_on[day]]
        assert len(today) == len(set(today)), f"a recipe twice on day {day}"
        for meal in meals_on.get(day + 1, []):
            if meal.recipe_id in today:
                assert meal.is_leftover and meal.slot == "lunch"
    for meal in result.meals:
        assert meal.servings in request.portion_options or meal.locked


def test_feasible_week_meets_every_target():
    recipes = catalogue()
    request = PlanRequest(time_limit_s=30)
    result = plan_week(recipes, request)
    assert result.status == "optimal", result.shortfalls
    assert result.shortfalls == ()
    assert_targets(result, request, recipes)
    assert request.fiber_target_g == 28  # 14 g per 1000 kcal of 2000 kcal


def test_filters_are_respected_in_the_plan():
    recipes = catalogue(240, seed=3)
    request = PlanRequest(
        diet="vegetarian",
        exclude_allergens=frozenset({"nuts"}),
        exclude_food_ids=frozenset({1, 2}),
        low_fodmap=True,
        max_minutes={"breakfast": 20},
        plants_per_week=20,
        time_limit_s=30,
    )
    result = plan_week(recipes, request)
    assert result.meals
    lookup = by_id(recipes)
    for meal in result.meals:
        chosen = lookup[meal.recipe_id]
        assert "vegetarian" in chosen.diets
        assert "nuts" not in chosen.allergens
        assert not chosen.food_ids & {1, 2}
        assert chosen.fodmap_level not in ("moderate", "high")
        assert meal.slot in chosen.meal_types
        if meal.slot == "breakfast":
            assert chosen.total_minutes is not None and chosen.total_minutes <= 20


def test_filter_candidates():
    recipes = [
        recipe(1, {"breakfast"}, diets=frozenset({"vegan", "vegetarian"})),
        recipe(2, {"dinner"}, allergens=frozenset({"nuts"})),
        recipe(3, {"dinner"}, fodmap_level="high"),
        recipe(4, {"breakfast"}, total_minutes=None),
        recipe(5, {"snack"}),
        recipe(6, {"lunch"}, food_ids=frozenset({9})),
    ]
    assert [c.id for c in filter_candidates(recipes, PlanRequest())] == [1, 2, 3, 4, 6]
    assert [c.id for c in filter_candidates(recipes, PlanRequest(diet="vegan"))] == [1]
    assert [c.id for c in filter_candidates(recipes, PlanRequest(exclude_allergens=frozenset({"nuts"})))] == [
        1,
        3,
        4,
        6,
    ]
    assert [c.id for c in filter_candidates(recipes, PlanRequest(low_fodmap=True))] == [1, 2, 4, 6]
    assert [c.id for c in filter_candidates(recipes, PlanRequest(max_minutes={"breakfast": 30}))] == [1, 2, 3, 6]
    assert [c.id for c in filter_candidates(recipes, PlanRequest(exclude_food_ids=frozenset({9})))] == [1, 2, 3, 4]


def test_locked_meals_are_kept():
    recipes = catalogue()
    dinner = next(c for c in recipes if "dinner" in c.meal_types)
    locks = (Locked(day=2, slot="dinner", recipe_id=dinner.id, servings=1.5),)
    request = PlanRequest(locked=locks, time_limit_s=30)
    result = plan_week(recipes, request)
    kept = [m for m in result.meals if (m.day, m.slot) == (2, "dinner")]
    assert len(kept) == 1
    assert (kept[0].recipe_id, kept[0].servings, kept[0].locked) == (dinner.id, 1.5, True)
    assert sum(m.locked for m in result.meals) == 1
    assert_one_meal_per_slot(result, request)


def test_impossible_plant_and_fibre_targets_give_a_relaxed_plan_with_messages():
    recipes = catalogue()
    available = len({p for c in recipes for p in c.plant_species})
    request = PlanRequest(plants_per_week=available + 10, fiber_g_per_day=80, time_limit_s=20)
    result = plan_week(recipes, request)
    assert result.status == "relaxed"
    assert_one_meal_per_slot(result, request)
    plants = [s for s in result.shortfalls if s.target == "plants"]
    assert len(plants) == 1
    assert plants[0].message.startswith(f"only {available} distinct plants available under no filters")
    fibre = [s for s in result.shortfalls if s.target == "fiber"]
    totals = result.day_totals(by_id(recipes))
    assert {s.day for s in fibre} == {t["day"] for t in totals if t["fiber_g"] < 80}
    assert fibre, "80 g of fibre a day is out of reach for this catalogue"
    first = fibre[0]
    assert first.message.startswith(f"day {first.day + 1} fiber {totals[first.day]['fiber_g']:.1f} g of 80 g")
    # Targets later in the relaxation order hold; the energy band (weighted, not strictly ordered: see
    # docs/planner.md) gives at most a little, whatever incumbent the time limit leaves us with.
    assert not [s for s in result.shortfalls if s.target in ("repeats", "consecutive")]
    for shortfall in result.shortfalls:
        if shortfall.target == "energy":
            assert 1800 * 0.95 <= shortfall.got <= 2200 * 1.05


def test_no_live_culture_recipes_is_reported_per_day():
    recipes = [c for c in catalogue() if c.live_culture_servings == 0]
    request = PlanRequest(plants_per_week=10, time_limit_s=30)
    result = plan_week(recipes, request)
    assert result.status == "relaxed"
    live = [s for s in result.shortfalls if s.target == "live_cultures"]
    assert [s.day for s in live] == list(range(7))
    assert "no recipe with live cultures is available" in live[0].message


def test_single_breakfast_recipe_repeats_rather_than_failing():
    recipes = [c for c in catalogue() if "breakfast" not in c.meal_types]
    recipes.append(recipe(500, {"breakfast"}, energy_kcal=450, fiber_g=10, live_culture_servings=1))
    request = PlanRequest(plants_per_week=10, time_limit_s=30)
    result = plan_week(recipes, request)
    assert result.status == "relaxed"
    assert [m.recipe_id for m in result.meals if m.slot == "breakfast"] == [500] * 7
    repeats = [s for s in result.shortfalls if s.target == "repeats"]
    assert len(repeats) == 1 and repeats[0].got == 7
    assert "'Recipe 500' is planned 7 times (max 2)" in repeats[0].message
    assert len([s for s in result.shortfalls if s.target == "consecutive"]) == 6


def test_same_input_gives_the_same_plan():
    recipes = catalogue(150, seed=11)
    request = PlanRequest(leftovers=True, time_limit_s=30)
    first = plan_week(recipes, request)
    second = plan_week(list(reversed(recipes)), request)
    assert first.meals == second.meals
    assert first.status == second.status


def test_leftovers_turn_dinner_into_next_days_lunch():
    # Every main is dinner-only except two: the other lunches must be leftovers of dinners.
    recipes = []
    for c in catalogue():
        if "breakfast" in c.meal_types:
            recipes.append(c)
        else:
            lunch_too = len(recipes) < 40 and c.id % 2 == 0 and sum("lunch" in r.meal_types for r in recipes) < 2
            meal_types = {"lunch", "dinner"} if lunch_too else {"dinner"}
            recipes.append(Candidate(**{**c.__dict__, "meal_types": frozenset(meal_types)}))
    assert sum("lunch" in c.meal_types for c in recipes) == 2
    request = PlanRequest(leftovers=True, plants_per_week=20, time_limit_s=30)
    result = plan_week(recipes, request)
    assert result.status == "optimal", result.shortfalls
    assert_targets(result, request, recipes)
    leftovers = [m for m in result.meals if m.is_leftover]
    assert len(leftovers) >= 3  # 7 lunches, 2 cookable recipes used at most twice each
    meals = {(m.day, m.slot): m for m in result.meals}
    for meal in leftovers:
        assert meal.slot == "lunch" and meal.day > 0
        assert meals[meal.day - 1, "dinner"].recipe_id == meal.recipe_id


def test_without_leftovers_no_meal_is_a_leftover():
    recipes = catalogue()
    result = plan_week(recipes, PlanRequest(time_limit_s=30))
    assert not any(m.is_leftover for m in result.meals)


def test_empty_slot_names_the_slot_and_the_filter():
    recipes = [c for c in catalogue() if not ("breakfast" in c.meal_types and "vegan" in c.diets)]
    result = plan_week(recipes, PlanRequest(diet="vegan"))
    assert result.status == "infeasible"
    assert result.meals == ()
    assert len(result.messages) == 1
    message = result.messages[0]
    assert message.startswith("No recipe left for breakfast (vegan)")
    assert "the filter 'vegan' removed the last ones" in message


def test_empty_slot_is_fine_when_every_day_of_it_is_locked():
    recipes = [c for c in catalogue() if "breakfast" not in c.meal_types]
    porridge = recipe(900, {"snack"}, energy_kcal=450, live_culture_servings=1)
    locks = tuple(Locked(day, "breakfast", 900, 1.0) for day in range(2))
    result = plan_week([*recipes, porridge], PlanRequest(days=2, locked=locks, plants_per_week=10))
    assert result.status in ("optimal", "relaxed")
    assert [m.recipe_id for m in result.meals if m.slot == "breakfast"] == [900, 900]


def test_unknown_locked_recipe_is_reported_and_the_slot_planned():
    recipes = catalogue()
    request = PlanRequest(days=3, plants_per_week=10, locked=(Locked(0, "lunch", 99999, 1.0),))
    result = plan_week(recipes, request)
    assert_one_meal_per_slot(result, request)
    assert any("Locked recipe 99999 is not available" in m for m in result.messages)


def test_day_totals_add_up_the_meals():
    recipes = catalogue()
    result = plan_week(recipes, PlanRequest(days=2, plants_per_week=10))
    lookup = by_id(recipes)
    totals = result.day_totals(lookup)
    assert [t["day"] for t in totals] == [0, 1]
    day_one = [m for m in result.meals if m.day == 1]
    assert totals[1]["fiber_g"] == pytest.approx(sum(lookup[m.recipe_id].fiber_g * m.servings for m in day_one))
    assert totals[1]["plants"] == len(set().union(*(lookup[m.recipe_id].plant_species for m in day_one)))


@settings(max_examples=15, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    count=st.integers(4, 40),
    days=st.integers(1, 4),
    diet=st.sampled_from(["omnivore", "vegetarian", "vegan"]),
    low_fodmap=st.booleans(),
    leftovers=st.booleans(),
    lock=st.booleans(),
)
def test_hard_constraints_hold_on_random_instances(seed, count, days, diet, low_fodmap, leftovers, lock):
    recipes = catalogue(count, seed=seed)
    allowed = {c.id for c in filter_candidates(recipes, PlanRequest(diet=diet, low_fodmap=low_fodmap))}
    locks = ()
    if lock:
        locks = (Locked(days - 1, "dinner", recipes[0].id, 2.0),)
    request = PlanRequest(
        days=days, diet=diet, low_fodmap=low_fodmap, leftovers=leftovers, locked=locks, time_limit_s=5
    )
    result = plan_week(recipes, request)
    lookup = by_id(recipes)
    if result.status == "infeasible":
        assert result.meals == ()
        assert result.messages and result.messages[0].startswith("No recipe left for")
        return
    assert_one_meal_per_slot(result, request)
    for meal in result.meals:
        if meal.locked:
            assert (meal.day, meal.slot, meal.recipe_id, meal.servings) == (days - 1, "dinner", recipes[0].id, 2.0)
            continue
        assert meal.recipe_id in allowed
        assert meal.slot in lookup[meal.recipe_id].meal_types or (meal.is_leftover and meal.slot == "lunch")
    assert sum(m.locked for m in result.meals) == (1 if lock else 0)
    assert (result.status == "optimal") == (result.shortfalls == ())


def test_a_forbidden_recipe_is_not_planned_at_that_meal_and_the_rest_can_stay():
    recipes = catalogue()
    first = plan_week(recipes, PlanRequest(time_limit_s=30))
    target = next(m for m in first.meals if (m.day, m.slot) == (3, "lunch"))
    others = tuple(Locked(m.day, m.slot, m.recipe_id, m.servings) for m in first.meals if m is not target)
    request = PlanRequest(locked=others, forbidden=frozenset({(3, "lunch", target.recipe_id)}), time_limit_s=30)
    second = plan_week(recipes, request)
    swapped = next(m for m in second.meals if (m.day, m.slot) == (3, "lunch"))
    assert swapped.recipe_id != target.recipe_id
    assert {(m.day, m.slot, m.recipe_id) for m in second.meals if m is not swapped} == {
        (m.day, m.slot, m.recipe_id) for m in first.meals if m is not target
    }


def test_days_stay_under_a_requested_fiber_ceiling_when_the_catalogue_allows():
    recipes = catalogue()
    request = PlanRequest(time_limit_s=30, fiber_max_g_per_day=2.0 * 28)
    result = plan_week(recipes, request)
    totals = result.day_totals(by_id(recipes))
    assert all(t["fiber_g"] <= 56 + 1e-6 for t in totals)
    assert PlanRequest().fiber_max_g is None
