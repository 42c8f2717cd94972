"""Writes for planning: profiles, generating plans, swapping and locking meals, redoing a day.

Website, API and admin call these; each write runs in a transaction and changes to a plan take a
row lock on it and bump its version, so concurrent swaps and regenerations leave a consistent plan.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from mealplan.energy import daily_energy_kcal
from mealplan.models import Plan, PlanEntry, PlanProfile
from mealplan.planning.filters import filter_candidates, fits_slot
from mealplan.planning.optimiser import plan_week
from mealplan.planning.types import Candidate, Locked, PlanRequest, PlanResult
from mealplan.selectors import plan_candidates
from recipes.vocab import ALLERGENS, DIET_CHOICES, MEAL_TYPES

MAX_PLAN_DAYS = 14
PROFILE_FIELDS = (
    "household_servings",
    "energy_kcal",
    "age",
    "sex",
    "height_cm",
    "weight_kg",
    "activity",
    "slots",
    "diet",
    "exclude_allergens",
    "low_fodmap",
    "max_minutes",
    "max_repeats",
    "leftovers",
    "fiber_g_per_1000_kcal",
    "live_culture_servings_per_day",
    "plants_per_week",
    "energy_tolerance",
)


def get_profile(user) -> PlanProfile:
    profile, _ = PlanProfile.objects.get_or_create(user=user)
    return profile


def _valid_minutes(value) -> bool:
    return isinstance(value, dict) and all(
        k in MEAL_TYPES and isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 1440 for k, v in value.items()
    )


def _validate_profile_values(values: dict) -> dict:
    errors: dict[str, list[str]] = {}
    slots = values.get("slots")
    if slots is not None:
        bad = [s for s in slots if s not in MEAL_TYPES]
        if bad or not slots:
            errors["slots"] = [f"Choose one or more of {', '.join(MEAL_TYPES)}."]
    diet = values.get("diet")
    if diet is not None and diet not in DIET_CHOICES:
        errors["diet"] = [f"Unknown diet '{diet}'. Use {', '.join(DIET_CHOICES)}."]
    allergens = values.get("exclude_allergens")
    if allergens is not None:
        bad = [a for a in allergens if a not in ALLERGENS]
        if bad:
            errors["exclude_allergens"] = [f"Unknown allergen(s): {', '.join(bad)}."]
    max_minutes = values.get("max_minutes")
    if max_minutes is not None and not _valid_minutes(max_minutes):
        errors["max_minutes"] = ['Give minutes per slot, e.g. {"breakfast": 15}, each from 1 to 1440.']
    ranges = {
        "household_servings": (1, 20),
        "energy_kcal": (800, 6000),
        "age": (14, 110),
        "height_cm": (100, 250),
        "weight_kg": (30, 300),
        "max_repeats": (1, 14),
        "fiber_g_per_1000_kcal": (0, 40),
        "live_culture_servings_per_day": (0, 5),
        "plants_per_week": (0, 100),
        "energy_tolerance": (0.01, 0.5),
    }
    for name, (low, high) in ranges.items():
        value = values.get(name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            errors[name] = [f"Must be a number from {low} to {high}."]
    if errors:
        raise ValidationError(errors)
    return values


@transaction.atomic
def update_profile(user, *, exclude_foods=None, **values) -> PlanProfile:
    """Change a user's plan profile; unknown fields are a programming error, bad values a ValidationError."""
    unknown = set(values) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"unknown profile fields: {', '.join(sorted(unknown))}")
    _validate_profile_values(values)
    profile = PlanProfile.objects.select_for_update().get(pk=get_profile(user).pk)
    for name, value in values.items():
        setattr(profile, name, value)
    profile.full_clean()
    profile.save()
    if exclude_foods is not None:
        profile.exclude_foods.set(exclude_foods)
    return profile


def profile_snapshot(profile: PlanProfile) -> dict:
    """What a plan was made for: the profile's settings and the targets they give."""
    energy, energy_source = daily_energy_kcal(
        energy_kcal=profile.energy_kcal,
        age=profile.age,
        sex=profile.sex,
        height_cm=profile.height_cm,
        weight_kg=profile.weight_kg,
        activity=profile.activity,
    )
    return {
        "household_servings": profile.household_servings,
        "energy_kcal": energy,
        "energy_source": energy_source,
        "slots": [s for s in MEAL_TYPES if s in profile.slots],
        "diet": profile.diet,
        "exclude_allergens": sorted(profile.exclude_allergens),
        "exclude_food_ids": sorted(profile.exclude_foods.values_list("id", flat=True)),
        "low_fodmap": profile.low_fodmap,
        "max_minutes": dict(profile.max_minutes or {}),
        "max_repeats": profile.max_repeats,
        "leftovers": profile.leftovers,
        "fiber_g_per_1000_kcal": profile.fiber_g_per_1000_kcal,
        "live_culture_servings_per_day": profile.live_culture_servings_per_day,
        "plants_per_week": profile.plants_per_week,
        "energy_tolerance": profile.energy_tolerance,
    }


def plan_request(snapshot: dict, *, days: int, locked: tuple[Locked, ...] = ()) -> PlanRequest:
    return PlanRequest(
        days=days,
        slots=tuple(snapshot["slots"]),
        energy_kcal=snapshot["energy_kcal"],
        energy_tolerance=snapshot["energy_tolerance"],
        fiber_g_per_day=snapshot["energy_kcal"] / 1000 * snapshot["fiber_g_per_1000_kcal"],
        live_servings_per_day=snapshot["live_culture_servings_per_day"],
        plants_per_week=round(snapshot["plants_per_week"] * min(days, 7) / 7),
        diet=snapshot["diet"],
        exclude_allergens=frozenset(snapshot["exclude_allergens"]),
        exclude_food_ids=frozenset(snapshot["exclude_food_ids"]),
        low_fodmap=snapshot["low_fodmap"],
        max_minutes=snapshot["max_minutes"],
        max_repeats=snapshot["max_repeats"],
        leftovers=snapshot["leftovers"],
        locked=locked,
    )


def targets_for(request: PlanRequest) -> dict:
    return {
        "energy_kcal": request.energy_kcal,
        "energy_tolerance": request.energy_tolerance,
        "fiber_g": round(request.fiber_g_per_day or request.energy_kcal / 1000 * 14, 1),
        "live_culture_servings": request.live_servings_per_day,
        "plants_per_week": request.plants_per_week,
    }


def _solve(candidates: list[Candidate], request: PlanRequest) -> PlanResult:
    result = plan_week(candidates, request)
    if result.status == "infeasible" or not result.meals:
        raise ValidationError({"plan": list(result.messages) or ["No plan can be made with these settings."]})
    return result


def _messages(result: PlanResult) -> list[str]:
    messages = list(result.messages)
    messages += [s.message for s in result.shortfalls if s.message not in messages]
    return messages


def _store_result(plan: Plan, result: PlanResult) -> None:
    plan.status = Plan.Status.OPTIMAL if result.status == "optimal" else Plan.Status.RELAXED
    plan.messages = _messages(result)
    plan.solver_status = result.solver_status[:40]
    plan.objective = result.objective
    plan.mip_gap = result.mip_gap
    plan.solve_seconds = round(result.solve_seconds, 3)


def _entries(plan: Plan, meals, *, only_days: set[int] | None = None) -> list[PlanEntry]:
    return [
        PlanEntry(
            plan=plan,
            date=plan.start + timedelta(days=meal.day),
            slot=meal.slot,
            recipe_id=meal.recipe_id,
            servings=meal.servings,
            locked=meal.locked,
            is_leftover=meal.is_leftover,
        )
        for meal in meals
        if only_days is None or meal.day in only_days
    ]


@transaction.atomic
def generate_plan(*, owner, start: date, days: int = 7, **overrides) -> Plan:
    """Plan `days` days from `start` for the owner's profile, with any profile field overridden for this plan
    only (the saved profile is unchanged); ValidationError if no plan can be made."""
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= MAX_PLAN_DAYS:
        raise ValidationError({"days": [f"Plan from 1 to {MAX_PLAN_DAYS} days."]})
    unknown = set(overrides) - set(PROFILE_FIELDS) - {"exclude_foods"}
    if unknown:
        raise TypeError(f"unknown profile fields: {', '.join(sorted(unknown))}")
    exclude_foods = overrides.pop("exclude_foods", None)
    _validate_profile_values(overrides)
    profile = get_profile(owner)
    snapshot = profile_snapshot(profile)
    if overrides or exclude_foods is not None:
        for name, value in overrides.items():
            setattr(profile, name, value)  # not saved: this plan's settings only
        snapshot = profile_snapshot(profile)
        if exclude_foods is not None:
            snapshot["exclude_food_ids"] = sorted(getattr(f, "pk", f) for f in exclude_foods)
    request = plan_request(snapshot, days=days)
    result = _solve(plan_candidates(owner, request.exclude_food_ids), request)
    plan = Plan(owner=owner, start=start, days=days, slots=snapshot["slots"], profile_snapshot=snapshot)
    plan.targets = targets_for(request)
    _store_result(plan, result)
    plan.full_clean()
    plan.save()
    PlanEntry.objects.bulk_create(_entries(plan, result.meals))
    return plan


def _lock_plan(plan: Plan, expected_version: int | None) -> Plan:
    locked = Plan.objects.select_for_update().get(pk=plan.pk)
    if expected_version is not None and expected_version != locked.version:
        raise ValidationError(
            {"version": [f"The plan changed since you loaded it (version {locked.version}, not {expected_version})."]}
        )
    return locked


def _bump(plan: Plan) -> Plan:
    Plan.objects.filter(pk=plan.pk).update(version=F("version") + 1)
    plan.refresh_from_db()
    return plan


def _request_for(plan: Plan, locked: tuple[Locked, ...] = ()) -> PlanRequest:
    return plan_request(plan.profile_snapshot, days=plan.days, locked=locked)


@transaction.atomic
def set_entry_locked(*, plan: Plan, entry_id: int, locked: bool, expected_version: int | None = None) -> PlanEntry:
    plan = _lock_plan(plan, expected_version)
    entry = _entry(plan, entry_id)
    entry.locked = locked
    entry.save(update_fields=["locked"])
    _bump(plan)
    return entry


def _entry(plan: Plan, entry_id) -> PlanEntry:
    try:
        return plan.entries.select_related("recipe").get(pk=entry_id)
    except (PlanEntry.DoesNotExist, ValueError, TypeError) as exc:
        raise ValidationError({"entry": ["This plan has no such meal."]}) from exc


def _locks(plan: Plan, entries, *, keep) -> tuple[Locked, ...]:
    return tuple(
        Locked(day=(e.date - plan.start).days, slot=e.slot, recipe_id=e.recipe_id, servings=e.servings)
        for e in entries
        if keep(e)
    )


@transaction.atomic
def swap_entry(*, plan: Plan, entry_id: int, recipe_id: int | None = None, expected_version: int | None = None):
    """Replace one meal. With `recipe_id`, that recipe (it must fit the plan's filters and the slot); without,
    the optimiser re-solves the plan with every other meal fixed and the current recipe excluded from this one,
    so the day still meets its targets where the catalogue allows. Other meals never change."""
    plan = _lock_plan(plan, expected_version)
    entry = _entry(plan, entry_id)
    if entry.locked:
        raise ValidationError({"entry": ["This meal is locked; unlock it before swapping."]})
    request = _request_for(plan)
    candidates = plan_candidates(plan.owner, request.exclude_food_ids)
    if recipe_id is not None:
        choice = next((c for c in filter_candidates(candidates, request) if c.id == recipe_id), None)
        if choice is None or not fits_slot(choice, entry.slot, request):
            raise ValidationError(
                {"recipe": [f"That recipe doesn't fit this plan's {entry.slot} (meal type, diet, allergens or time)."]}
            )
        entry.recipe_id = choice.id
    else:
        entries = list(plan.entries.all())
        day = (entry.date - plan.start).days
        request = replace(
            request,
            locked=_locks(plan, entries, keep=lambda e: e.pk != entry.pk),
            forbidden=frozenset({(day, entry.slot, entry.recipe_id)}),
        )
        result = _solve(candidates, request)
        meal = next(m for m in result.meals if (m.day, m.slot) == (day, entry.slot))
        if meal.recipe_id == entry.recipe_id:
            raise ValidationError({"entry": ["No other recipe fits this meal under the plan's settings."]})
        entry.recipe_id, entry.servings = meal.recipe_id, meal.servings
        _store_result(plan, result)
        plan.save(update_fields=["status", "messages", "solver_status", "objective", "mip_gap", "solve_seconds"])
    entry.is_leftover = False
    entry.save(update_fields=["recipe", "servings", "is_leftover"])
    _bump(plan)
    return plan.entries.select_related("recipe").get(pk=entry.pk)


@transaction.atomic
def redo_day(*, plan: Plan, day: date, expected_version: int | None = None) -> Plan:
    """Plan one day again with the optimiser: other days and locked meals stay, the day's other meals change."""
    plan = _lock_plan(plan, expected_version)
    offset = (day - plan.start).days
    if not 0 <= offset < plan.days:
        raise ValidationError(
            {"day": [f"{day} is not in this plan ({plan.start} to {plan.start + timedelta(plan.days - 1)})."]}
        )
    entries = list(plan.entries.all())
    locked = _locks(plan, entries, keep=lambda e: e.date != day or e.locked)
    # The day's current meals are excluded where they are, so redoing a day gives new meals.
    forbidden = frozenset((offset, e.slot, e.recipe_id) for e in entries if e.date == day and not e.locked)
    request = replace(_request_for(plan, locked), forbidden=forbidden)
    result = _solve(plan_candidates(plan.owner, request.exclude_food_ids), request)
    plan.entries.filter(date=day, locked=False).delete()
    new = [m for m in result.meals if m.day == offset and not m.locked]
    PlanEntry.objects.bulk_create(_entries(plan, new))
    _store_result(plan, result)
    plan.save(update_fields=["status", "messages", "solver_status", "objective", "mip_gap", "solve_seconds"])
    return _bump(plan)


@transaction.atomic
def regenerate_plan(*, plan: Plan, expected_version: int | None = None) -> Plan:
    """Plan the whole period again with the plan's own settings, keeping locked meals."""
    plan = _lock_plan(plan, expected_version)
    locked = _locks(plan, plan.entries.filter(locked=True), keep=lambda e: True)
    request = _request_for(plan, locked)
    result = _solve(plan_candidates(plan.owner, request.exclude_food_ids), request)
    plan.entries.filter(locked=False).delete()
    PlanEntry.objects.bulk_create(_entries(plan, [m for m in result.meals if not m.locked]))
    _store_result(plan, result)
    plan.save(update_fields=["status", "messages", "solver_status", "objective", "mip_gap", "solve_seconds"])
    return _bump(plan)


@transaction.atomic
def delete_plan(*, plan: Plan) -> None:
    """Delete a plan and its meals (its recipes stay)."""
    _lock_plan(plan, None).delete()


@transaction.atomic
def set_shopping_item(*, plan: Plan, key: str, checked: bool) -> list[str]:
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    ticked = set(plan.shopping_checked or [])
    if checked:
        ticked.add(str(key)[:80])
    else:
        ticked.discard(str(key))
    plan.shopping_checked = sorted(ticked)
    plan.save(update_fields=["shopping_checked", "updated_at"])
    return plan.shopping_checked
