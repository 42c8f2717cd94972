"""What a plan misses, said in words: shortfalls measured on the returned plan, not on slack values.

Targets give way in this order when they cannot all be met (the penalties in model.py):
plants, live cultures, fibre, the energy band, then consecutive days and repeats.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from mealplan.planning.filters import describe_filters
from mealplan.planning.types import Candidate, PlannedMeal, PlanRequest, Shortfall

EPSILON = 1e-6


def catalogue_plants(pools: Mapping[str, Sequence[Candidate]]) -> set[str]:
    """Every plant species any allowed recipe brings."""
    return {species for pool in pools.values() for c in pool for species in c.plant_species}


def daily_bounds(request: PlanRequest, full_pools, amount) -> tuple[float, float]:
    """The least and most of `amount` one day can hold, each slot choosing freely (locks ignored)."""
    low = high = 0.0
    small, big = min(request.portion_options), max(request.portion_options)
    for slot in request.slots:
        values = [amount(c) for c in full_pools.get(slot, ())] or [0.0]
        low += min(values) * small
        high += max(values) * big
    return low, high


def shortfalls(
    meals: Sequence[PlannedMeal],
    request: PlanRequest,
    by_id: Mapping[int, Candidate],
    full_pools: Mapping[str, Sequence[Candidate]],
) -> list[Shortfall]:
    """Every target the plan misses, in the relaxation order."""
    filters = describe_filters(request)
    found: list[Shortfall] = []
    per_day: dict[int, list[PlannedMeal]] = {day: [] for day in range(request.days)}
    for meal in meals:
        per_day[meal.day].append(meal)

    available = catalogue_plants(full_pools)
    planted = {species for meal in meals for species in by_id[meal.recipe_id].plant_species}
    if len(planted) + EPSILON < request.plants_per_week:
        if len(available) < request.plants_per_week:
            message = (
                f"only {len(available)} distinct plants available under {filters}; "
                f"the plan has {len(planted)} of {request.plants_per_week}"
            )
        else:
            message = f"the week has {len(planted)} distinct plants of {request.plants_per_week} wanted"
        found.append(Shortfall("plants", None, request.plants_per_week, len(planted), message))

    def day_sum(day: int, amount) -> float:
        return sum(amount(by_id[m.recipe_id]) * m.servings for m in per_day[day])

    live_exists = any(c.live_culture_servings > 0 for pool in full_pools.values() for c in pool)
    for day in range(request.days):
        got = day_sum(day, lambda c: c.live_culture_servings)
        wanted = request.live_servings_per_day
        if got + EPSILON < wanted:
            message = f"day {day + 1} live-culture servings {got:.1f} of {wanted:g}"
            if not live_exists:
                message += f" (no recipe with live cultures is available under {filters})"
            found.append(Shortfall("live_cultures", day, wanted, got, message))

    for day in range(request.days):
        got, wanted = day_sum(day, lambda c: c.fiber_g), request.fiber_target_g
        if got + EPSILON < wanted:
            message = f"day {day + 1} fiber {got:.1f} g of {wanted:.0f} g"
            most = daily_bounds(request, full_pools, lambda c: c.fiber_g)[1]
            if most + EPSILON < wanted:
                message += f" (at most {most:.1f} g a day is possible under {filters})"
            found.append(Shortfall("fiber", day, wanted, got, message))

    low = request.energy_kcal * (1 - request.energy_tolerance)
    high = request.energy_kcal * (1 + request.energy_tolerance)
    for day in range(request.days):
        got = day_sum(day, lambda c: c.energy_kcal)
        if got < low - EPSILON or got > high + EPSILON:
            message = f"day {day + 1} energy {got:.0f} kcal, outside {low:.0f}-{high:.0f} kcal"
            found.append(Shortfall("energy", day, request.energy_kcal, got, message))

    for day in range(request.days):
        today = Counter(m.recipe_id for m in per_day[day])
        tomorrow = {m.recipe_id: m for m in per_day.get(day + 1, [])}
        for recipe_id, count in sorted(today.items()):
            title = by_id[recipe_id].title
            if count > 1:
                message = f"'{title}' is planned {count} times on day {day + 1}"
                found.append(Shortfall("consecutive", day, 1, count, message))
            next_meal = tomorrow.get(recipe_id)
            if next_meal is not None and not next_meal.is_leftover:
                message = f"'{title}' is planned on consecutive days {day + 1} and {day + 2}"
                found.append(Shortfall("consecutive", day, 1, 2, message))

    uses = Counter(m.recipe_id for m in meals if not m.is_leftover)
    for recipe_id, count in sorted(uses.items()):
        if count > request.max_repeats:
            title = by_id[recipe_id].title
            message = f"'{title}' is planned {count} times (max {request.max_repeats})"
            found.append(Shortfall("repeats", None, request.max_repeats, count, message))
    return found


def catalogue_explains(found: Sequence[Shortfall], request: PlanRequest, full_pools) -> bool:
    """True when the whole filtered catalogue cannot meet what is missed, so a bigger pool cannot help."""
    for shortfall in found:
        if shortfall.target == "plants" and len(catalogue_plants(full_pools)) < request.plants_per_week:
            continue
        if shortfall.target == "live_cultures" and not any(
            c.live_culture_servings > 0 for pool in full_pools.values() for c in pool
        ):
            continue
        if shortfall.target == "fiber" and daily_bounds(request, full_pools, lambda c: c.fiber_g)[1] < shortfall.wanted:
            continue
        if (
            shortfall.target == "fiber_max"
            and daily_bounds(request, full_pools, lambda c: c.fiber_g)[0] > shortfall.wanted
        ):
            continue
        if shortfall.target == "energy":
            least, most = daily_bounds(request, full_pools, lambda c: c.energy_kcal)
            if most < request.energy_kcal * (1 - request.energy_tolerance) or least > request.energy_kcal * (
                1 + request.energy_tolerance
            ):
                continue
        return False
    return True
