from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from icalendar import Calendar

from mealplan import services
from mealplan.ics import plan_calendar
from mealplan.models import Plan
from mealplan.selectors import plan_candidates, plan_days
from mealplan.shopping import shopping_csv, shopping_list
from recipes.models import Food, RecipeIngredient
from tests.mealplan.conftest import make_recipe

START = date(2026, 11, 30)


@pytest.fixture
def plan(user, catalogue):
    return services.generate_plan(owner=user, start=START, days=7)


def test_generated_plan_fills_every_slot_and_meets_targets(plan):
    entries = list(plan.entries.select_related("recipe"))
    assert len(entries) == 21
    assert {(e.date, e.slot) for e in entries} == {
        (START + timedelta(d), s) for d in range(7) for s in ("breakfast", "lunch", "dinner")
    }
    assert plan.status == Plan.Status.OPTIMAL, plan.messages
    days, week = plan_days(plan)
    for day in days:
        assert day.met == {"energy_kcal": True, "fiber_g": True, "live_culture_servings": True}
        assert day.score is not None and 0 <= day.score["score"] <= 100
    assert week["plants"] >= 30
    assert plan.targets["fiber_g"] == pytest.approx(28.0)
    assert plan.profile_snapshot["energy_source"] == "default"


def test_plan_uses_only_recipes_the_owner_may_see_and_fit_the_diet(user, stranger, catalogue):
    private = make_recipe(99, "dinner", owner=stranger, public=False, gut_score=100, fiber_g=30)
    services.update_profile(user, diet="vegan")
    plan = services.generate_plan(owner=user, start=START, days=7)
    used = {e.recipe for e in plan.entries.select_related("recipe")}
    assert private not in used
    assert all("vegan" in r.diets for r in used)
    assert private.id not in {c.id for c in plan_candidates(user)}


def test_impossible_request_names_the_empty_slot(user, catalogue):
    services.update_profile(user, slots=["breakfast", "snack"])
    with pytest.raises(ValidationError) as excinfo:
        services.generate_plan(owner=user, start=START)
    assert "snack" in " ".join(excinfo.value.messages)
    assert not Plan.objects.exists()


def test_targets_that_cannot_be_met_give_a_relaxed_plan_with_reasons(user, catalogue):
    services.update_profile(user, plants_per_week=80)
    plan = services.generate_plan(owner=user, start=START)
    assert plan.status == Plan.Status.RELAXED
    assert plan.entries.count() == 21
    assert any("plant" in message for message in plan.messages)


def test_swap_replaces_one_meal_and_bumps_the_version(plan):
    entry = plan.entries.order_by("date", "slot").first()
    others = {(e.id, e.recipe_id) for e in plan.entries.exclude(pk=entry.pk)}
    swapped = services.swap_entry(plan=plan, entry_id=entry.id, expected_version=plan.version)
    assert swapped.recipe_id != entry.recipe_id
    assert swapped.slot in swapped.recipe.meal_types
    assert {(e.id, e.recipe_id) for e in plan.entries.exclude(pk=entry.pk)} == others
    plan.refresh_from_db()
    assert plan.version == 2


def test_swap_to_a_chosen_recipe_must_fit_the_slot(plan, catalogue):
    entry = plan.entries.filter(slot="breakfast").first()
    dinner = next(r for r in catalogue if "dinner" in r.meal_types)
    with pytest.raises(ValidationError):
        services.swap_entry(plan=plan, entry_id=entry.id, recipe_id=dinner.id)
    breakfast = next(r for r in catalogue if "breakfast" in r.meal_types and r.id != entry.recipe_id)
    assert services.swap_entry(plan=plan, entry_id=entry.id, recipe_id=breakfast.id).recipe_id == breakfast.id


def test_locked_meals_are_not_swapped_and_stale_versions_are_refused(plan):
    entry = plan.entries.first()
    services.set_entry_locked(plan=plan, entry_id=entry.id, locked=True)
    with pytest.raises(ValidationError, match="locked"):
        services.swap_entry(plan=plan, entry_id=entry.id)
    with pytest.raises(ValidationError, match="changed since"):
        services.swap_entry(plan=plan, entry_id=plan.entries.exclude(pk=entry.pk).first().id, expected_version=1)


def test_redo_day_changes_only_that_day_and_keeps_locked_meals(plan):
    day = START + timedelta(days=2)
    keep = plan.entries.get(date=day, slot="lunch")
    services.set_entry_locked(plan=plan, entry_id=keep.id, locked=True)
    other_days = {(e.date, e.slot, e.recipe_id) for e in plan.entries.exclude(date=day)}
    before = {e.slot: e.recipe_id for e in plan.entries.filter(date=day, locked=False)}
    plan = services.redo_day(plan=plan, day=day)
    assert {(e.date, e.slot, e.recipe_id) for e in plan.entries.exclude(date=day)} == other_days
    assert plan.entries.get(date=day, slot="lunch").recipe_id == keep.recipe_id
    after = {e.slot: e.recipe_id for e in plan.entries.filter(date=day, locked=False)}
    assert set(after) == set(before)
    assert after != before
    with pytest.raises(ValidationError):
        services.redo_day(plan=plan, day=START - timedelta(days=1))


def test_profile_validation_reports_each_field(user):
    with pytest.raises(ValidationError) as excinfo:
        services.update_profile(user, diet="carnivore", slots=["brunch"], exclude_allergens=["pollen"], energy_kcal=50)
    assert set(excinfo.value.message_dict) == {"diet", "slots", "exclude_allergens", "energy_kcal"}


def test_shopping_list_sums_ingredients_scaled_by_servings_and_household(user, catalogue):
    oats = Food.objects.get(ndb_id="08120", is_common=False)
    services.update_profile(user, household_servings=2)
    plan = services.generate_plan(owner=user, start=START, days=1)
    breakfast = plan.entries.get(slot="breakfast")
    RecipeIngredient.objects.create(
        recipe=breakfast.recipe, raw_text="1 cup oats", grams=80, food=oats, status="matched"
    )
    RecipeIngredient.objects.create(recipe=breakfast.recipe, raw_text="a little moon dust", status="unmatched")
    groups = dict(shopping_list(plan))
    item = next(i for i in groups["grains"] if i.name == oats.name)
    # 80 g per recipe of 2 servings, eaten at `servings` per person by a household of 2
    assert item.grams == pytest.approx(80 * breakfast.servings * 2 / breakfast.recipe.servings)
    assert any(i.name == "a little moon dust" for i in groups["other"])
    services.set_shopping_item(plan=plan, key=item.key, checked=True)
    plan.refresh_from_db()
    ticked = next(i for i in dict(shopping_list(plan))["grains"] if i.key == item.key)
    assert ticked.checked
    assert "moon dust" in shopping_csv(shopping_list(plan))


def test_calendar_has_one_event_per_meal(plan):
    calendar = Calendar.from_ical(plan_calendar(plan, base_url="https://mealplan.example"))
    events = calendar.walk("VEVENT")
    assert len(events) == 21
    first = min(events, key=lambda e: e.decoded("dtstart"))
    assert first.decoded("dtstart").hour == 8
    assert str(first["summary"]).startswith("Breakfast: ")
    assert len({str(e["uid"]) for e in events}) == 21


def test_shopping_list_totals_equal_the_sum_over_the_entries(user, catalogue):
    oats = Food.objects.get(ndb_id="08120", is_common=False)
    onion = Food.objects.get(ndb_id="11282", is_common=False)
    for i, recipe in enumerate(catalogue):
        RecipeIngredient.objects.create(recipe=recipe, raw_text="oats", grams=10 + i, food=oats, status="matched")
        if i % 2:
            RecipeIngredient.objects.create(recipe=recipe, raw_text="onion", grams=3 * i, food=onion, status="matched")
    services.update_profile(user, household_servings=3)
    plan = services.generate_plan(owner=user, start=START, days=7)
    expected = {oats.pk: 0.0, onion.pk: 0.0}
    for entry in plan.entries.select_related("recipe"):
        factor = entry.servings * 3 / entry.recipe.servings
        for line in entry.recipe.ingredients.all():
            expected[line.food_id] += line.grams * factor
    items = {i.key: i for _, group in shopping_list(plan) for i in group}
    assert items[f"food:{oats.pk}"].grams == pytest.approx(expected[oats.pk])
    assert items[f"food:{onion.pk}"].grams == pytest.approx(expected[onion.pk])
    assert items[f"food:{onion.pk}"].amount.endswith("g)") or items[f"food:{onion.pk}"].amount.endswith(" kg")


def test_excluded_foods_keep_their_recipes_out_of_the_plan(user, catalogue):
    oats, milk = Food.objects.create(name="test oats"), Food.objects.create(name="test milk")
    with_oats = [r for r in catalogue if r.meal_types == ["breakfast"]][:10]
    for recipe in with_oats:
        RecipeIngredient.objects.create(recipe=recipe, raw_text="1 cup oats", food=oats, status="matched")
        RecipeIngredient.objects.create(recipe=recipe, raw_text="1 cup milk", food=milk, status="matched")

    candidates = {c.id: c for c in plan_candidates(user, [oats.pk])}
    assert {rid for rid, c in candidates.items() if c.food_ids} == {r.pk for r in with_oats}
    assert all(c.food_ids <= {oats.pk} for c in candidates.values())  # milk is not asked about

    plan = services.generate_plan(owner=user, start=START, days=7, exclude_foods=[oats])
    used = {e.recipe_id for e in plan.entries.all()}
    assert used and not used & {r.pk for r in with_oats}
    assert plan.profile_snapshot["exclude_food_ids"] == [oats.pk]
