"""plan_week: filter, prune, solve, and retry with a bigger pool before settling for a relaxed plan."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence

from mealplan.planning.filters import describe_filters, explain_empty_slot, filter_candidates, slot_candidates
from mealplan.planning.model import Solution, solve
from mealplan.planning.pruning import PoolSize, promise, prune
from mealplan.planning.relax import catalogue_explains, shortfalls
from mealplan.planning.types import Candidate, PlannedMeal, PlanRequest, PlanResult

# Pool sizes tried in turn. The last keeps up to 400 recipes per slot, which is every recipe of
# a catalogue that size; beyond it, the full model would not solve within the time limit.
STAGES: tuple[PoolSize, ...] = (PoolSize(), PoolSize().scaled(4), PoolSize().scaled(16))


def _infeasible(started: float, considered: int, messages: list[str]) -> PlanResult:
    return PlanResult(
        meals=(),
        status="infeasible",
        solver_status="not solved",
        objective=None,
        mip_gap=None,
        solve_seconds=time.perf_counter() - started,
        candidates_considered=considered,
        messages=tuple(messages),
    )


def plan_week(candidates: Sequence[Candidate], request: PlanRequest) -> PlanResult:
    """The best weekly plan for `request` from `candidates`. Never raises for an impossible request:
    it returns a relaxed plan with shortfalls, or status "infeasible" when a slot has no recipe at all."""
    started = time.perf_counter()
    messages: list[str] = []
    if request.days < 1 or not request.slots or not request.portion_options:
        return _infeasible(started, 0, ["A plan needs at least one day, one slot and one portion size."])

    by_id = {c.id: c for c in sorted(candidates, key=lambda c: c.id)}
    locked = {}
    for meal in request.locked:
        recipe = by_id.get(meal.recipe_id)
        if recipe is None:
            where = f"day {meal.day + 1} {meal.slot}"
            messages.append(f"Locked recipe {meal.recipe_id} is not available; {where} is planned freely.")
        elif not (0 <= meal.day < request.days and meal.slot in request.slots):
            messages.append(f"Locked '{recipe.title}' is outside the plan (day {meal.day + 1} {meal.slot}); ignored.")
        else:
            locked[meal.day, meal.slot] = (recipe, meal.servings)

    filtered = filter_candidates(by_id.values(), request)
    full_pools = {slot: slot_candidates(filtered, slot, request) for slot in request.slots}
    empty = [
        slot
        for slot in request.slots
        if not full_pools[slot] and any((day, slot) not in locked for day in range(request.days))
    ]
    if empty:
        messages += [explain_empty_slot(list(by_id.values()), slot, request) for slot in empty]
        return _infeasible(started, len(filtered), messages)

    best: tuple[Solution, list, int] | None = None
    previous_sizes = None
    for stage, size in enumerate(STAGES):
        remaining = request.time_limit_s - (time.perf_counter() - started)
        if best is not None and remaining < 0.5:
            break
        pools = prune(full_pools, size, request.plants_per_week)
        sizes = {slot: len(pool) for slot, pool in pools.items()}
        if sizes == previous_sizes:
            break  # the bigger pool is the same pool
        previous_sizes = sizes
        solution = solve(request, pools, locked, time_limit_s=remaining)
        considered = len({c.id for pool in pools.values() for c in pool})
        if not solution.meals:
            messages.append(f"Stage {stage + 1}: the solver found no plan in time ({solution.solver_status}).")
            continue
        missed = shortfalls(solution.meals, request, by_id, full_pools)
        if best is None or (solution.objective or 0) > (best[0].objective or 0):
            best = (solution, missed, considered)
        if not missed or catalogue_explains(missed, request, full_pools):
            break
        if stage + 1 < len(STAGES):
            messages.append(f"Pool of {considered} candidates missed {len(missed)} target(s); retrying with more.")

    if best is None:
        meals = greedy_plan(request, full_pools, locked)
        missed = shortfalls(meals, request, by_id, full_pools)
        messages.append("The solver found no plan in time; this plan was built greedily.")
        return PlanResult(
            meals=meals,
            status="relaxed" if missed else "optimal",
            solver_status="greedy fallback",
            objective=None,
            mip_gap=None,
            solve_seconds=time.perf_counter() - started,
            candidates_considered=len(filtered),
            shortfalls=tuple(missed),
            messages=tuple(messages),
        )

    solution, missed, considered = best
    if solution.solver_status != "Optimal":
        gap = f"{solution.mip_gap:.1%}" if solution.mip_gap is not None else "unknown"
        messages.append(f"Solver stopped early ({solution.solver_status}); gap to the best possible plan: {gap}.")
    if missed:
        messages.append(f"Not every target could be met under {describe_filters(request)}.")
    return PlanResult(
        meals=solution.meals,
        status="relaxed" if missed else "optimal",
        solver_status=solution.solver_status,
        objective=solution.objective,
        mip_gap=solution.mip_gap,
        solve_seconds=time.perf_counter() - started,
        candidates_considered=considered,
        shortfalls=tuple(missed),
        messages=tuple(messages),
    )


def greedy_plan(request: PlanRequest, pools, locked) -> tuple[PlannedMeal, ...]:
    """A plain plan for when the solver returns nothing: most promising recipe not used yesterday or today."""
    per_slot_kcal = request.energy_kcal / len(request.slots)
    ranked = {slot: sorted(pool, key=lambda c: (-promise(c), c.id)) for slot, pool in pools.items()}
    uses: Counter[int] = Counter()
    meals: list[PlannedMeal] = []
    yesterday: set[int] = set()
    for day in range(request.days):
        today: set[int] = set()
        for slot in request.slots:
            if (day, slot) in locked:
                recipe, servings = locked[day, slot]
                is_locked = True
            else:
                options = [c for c in ranked[slot] if (day, slot, c.id) not in request.forbidden] or ranked[slot]
                fresh = [c for c in options if c.id not in today | yesterday and uses[c.id] < request.max_repeats]
                recipe = (fresh or options)[0]
                servings = min(request.portion_options, key=lambda p: abs(recipe.energy_kcal * p - per_slot_kcal))
                is_locked = False
            uses[recipe.id] += 1
            today.add(recipe.id)
            meals.append(PlannedMeal(day, slot, recipe.id, servings, is_locked, False))
        yesterday = today
    return tuple(meals)
