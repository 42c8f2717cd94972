"""The mixed-integer program behind a weekly plan, built as arrays and solved with HiGHS.

The model is elastic: every target has a slack variable with a heavy penalty, so the solver always
returns a plan and the penalties decide which target gives way first (docs/planner.md).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import highspy
import numpy as np

from mealplan.planning.types import Candidate, PlannedMeal, PlanRequest
from mealplan.planning.warmstart import warm_start

# Rewards, in gut-score points (a recipe scores 0-100 per meal).
PLANT_BONUS = 3.0  # per distinct plant species in the week, also beyond the target
RECIPE_BONUS = 2.0  # per distinct recipe in the week
LEFTOVER_BONUS = 5.0  # per dinner eaten again at the next day's lunch (one less cooking session)
ENERGY_DEVIATION_PER_KCAL = 0.0  # inside the band: no cost (a cost made solves ~10x slower, docs/planner.md)

# Elastic penalties, per percent of a target missed. A percent of any target costs more than the
# best recipe's score, so the solver does not trade a target for a tastier plan. Each level weighs
# several times the one before, which sets the order in which targets give way: plants, live
# cultures, fibre, the energy band, consecutive days, repeats. It is a weighting, not a strict
# order: a few kcal beyond the band can still buy several grams of fibre (docs/planner.md).
PENALTY_PER_PERCENT = {
    "fiber_max": 300.0,
    "plants": 1_000.0,
    "live_cultures": 3_000.0,
    "fiber": 10_000.0,
    "energy": 100_000.0,
}
PENALTY_PER_CONSECUTIVE = 1_000_000.0  # the same recipe on two days in a row (not a planned leftover)
PENALTY_PER_REPEAT = 2_000_000.0  # each use beyond max_repeats

LUNCH, DINNER = "lunch", "dinner"


@dataclass(frozen=True)
class MealVar:
    column: int
    recipe: Candidate
    servings: float
    locked: bool
    leftover_only: bool  # a dinner-only recipe that may appear at lunch only as a leftover


@dataclass(frozen=True)
class Solution:
    meals: tuple[PlannedMeal, ...]  # empty when the solver found no plan
    solver_status: str
    objective: float | None
    mip_gap: float | None
    seconds: float
    columns: int
    rows: int


class _Arrays:
    """Columns and rows collected in Python lists, handed to HiGHS in one call each."""

    def __init__(self) -> None:
        self.cost: list[float] = []
        self.lower: list[float] = []
        self.upper: list[float] = []
        self.integer: list[int] = []
        self.row_lower: list[float] = []
        self.row_upper: list[float] = []
        self.row_starts: list[int] = []
        self.row_index: list[int] = []
        self.row_value: list[float] = []

    def column(self, cost: float, lower: float = 0.0, upper: float = highspy.kHighsInf, *, binary=False) -> int:
        self.cost.append(cost)
        self.lower.append(lower)
        self.upper.append(upper)
        if binary:
            self.integer.append(len(self.cost) - 1)
        return len(self.cost) - 1

    def row(self, terms: Sequence[tuple[int, float]], lower: float, upper: float) -> None:
        self.row_starts.append(len(self.row_index))
        for column, value in terms:
            self.row_index.append(column)
            self.row_value.append(value)
        self.row_lower.append(lower)
        self.row_upper.append(upper)

    def load(self, h: highspy.Highs) -> None:
        n = len(self.cost)
        h.addCols(
            n,
            np.array(self.cost),
            np.array(self.lower),
            np.array(self.upper),
            0,
            np.array([], dtype=np.int32),
            np.array([], dtype=np.int32),
            np.array([], dtype=np.float64),
        )
        if self.integer:
            h.changeColsIntegrality(
                len(self.integer),
                np.array(self.integer, dtype=np.int32),
                np.array([highspy.HighsVarType.kInteger] * len(self.integer)),
            )
        h.addRows(
            len(self.row_lower),
            np.array(self.row_lower),
            np.array(self.row_upper),
            len(self.row_index),
            np.array(self.row_starts, dtype=np.int32),
            np.array(self.row_index, dtype=np.int32),
            np.array(self.row_value),
        )
        h.changeObjectiveSense(highspy.ObjSense.kMaximize)


def _allowed(pool: Sequence[Candidate], day: int, slot: str, request: PlanRequest) -> Sequence[Candidate]:
    """The pool without recipes forbidden at this meal; the whole pool if that would leave nothing."""
    if not request.forbidden:
        return pool
    return [c for c in pool if (day, slot, c.id) not in request.forbidden] or pool


def solve(
    request: PlanRequest,
    pools: Mapping[str, Sequence[Candidate]],
    locked: Mapping[tuple[int, str], tuple[Candidate, float]],
    *,
    time_limit_s: float,
) -> Solution:
    """Build the model for `pools` (candidates per slot, sorted by id) and solve it."""
    started = time.perf_counter()
    inf = highspy.kHighsInf
    arrays = _Arrays()
    days, slots = range(request.days), request.slots
    leftovers = request.leftovers and LUNCH in slots and DINNER in slots

    # x[d, s, r, k]: recipe r at day d, slot s, with portion option k. Exactly one per slot.
    meal_vars: dict[tuple[int, str], list[MealVar]] = {}
    lunch_ids = {c.id for c in pools.get(LUNCH, ())}
    leftover_only = [c for c in pools.get(DINNER, ()) if c.id not in lunch_ids] if leftovers else []
    for day in days:
        for slot in slots:
            fixed = locked.get((day, slot))
            if fixed is not None:
                recipe, servings = fixed
                options = [MealVar(arrays.column(recipe.gut_score, 1.0, 1.0), recipe, servings, True, False)]
            else:
                options = [
                    MealVar(arrays.column(recipe.gut_score, binary=True, upper=1.0), recipe, portion, False, False)
                    for recipe in _allowed(pools[slot], day, slot, request)
                    for portion in request.portion_options
                ]
                if slot == LUNCH and day > 0:
                    options += [
                        MealVar(arrays.column(recipe.gut_score, binary=True, upper=1.0), recipe, portion, False, True)
                        for recipe in leftover_only
                        if (day, slot, recipe.id) not in request.forbidden
                        for portion in request.portion_options
                    ]
            meal_vars[day, slot] = options
            arrays.row([(v.column, 1.0) for v in options], 1.0, 1.0)

    # Daily energy: E_d - T = over_d - under_d; outside the tolerance band the elastic slack pays.
    target_kcal, band_kcal = request.energy_kcal, request.energy_tolerance * request.energy_kcal
    kcal_penalty = PENALTY_PER_PERCENT["energy"] * 100 / max(target_kcal, 1.0)
    for day in days:
        above = arrays.column(-ENERGY_DEVIATION_PER_KCAL)
        below = arrays.column(-ENERGY_DEVIATION_PER_KCAL)
        terms = [(v.column, v.recipe.energy_kcal * v.servings) for slot in slots for v in meal_vars[day, slot]]
        arrays.row([*terms, (above, -1.0), (below, 1.0)], target_kcal, target_kcal)
        arrays.row([(above, 1.0), (arrays.column(-kcal_penalty), -1.0)], -inf, band_kcal)
        arrays.row([(below, 1.0), (arrays.column(-kcal_penalty), -1.0)], -inf, band_kcal)

    # Daily fibre and live cultures: at least the target, or pay for the gap.
    daily_targets = (
        ("fiber", request.fiber_target_g, lambda c: c.fiber_g),
        ("live_cultures", request.live_servings_per_day, lambda c: c.live_culture_servings),
    )
    for name, target, amount in daily_targets:
        if target <= 0:
            continue
        penalty = PENALTY_PER_PERCENT[name] * 100 / target
        for day in days:
            terms = [(v.column, amount(v.recipe) * v.servings) for slot in slots for v in meal_vars[day, slot]]
            arrays.row([*terms, (arrays.column(-penalty), 1.0)], target, inf)

    # A comfortable ceiling on daily fibre (a preference, never reported as a shortfall): above it a slack pays.
    fiber_max = request.fiber_max_g
    if fiber_max:
        penalty = PENALTY_PER_PERCENT["fiber_max"] * 100 / fiber_max
        for day in days:
            terms = [(v.column, v.recipe.fiber_g * v.servings) for slot in slots for v in meal_vars[day, slot]]
            arrays.row([*terms, (arrays.column(-penalty), -1.0)], -inf, fiber_max)

    # uses[r] = times recipe r is eaten this week (leftover lunches included).
    uses_terms: dict[int, list[tuple[int, float]]] = defaultdict(list)
    day_terms: dict[tuple[int, int], list[tuple[int, float]]] = defaultdict(list)
    recipes: dict[int, Candidate] = {}
    for (day, _slot), options in meal_vars.items():
        for v in options:
            uses_terms[v.recipe.id].append((v.column, 1.0))
            day_terms[day, v.recipe.id].append((v.column, 1.0))
            recipes[v.recipe.id] = v.recipe
    uses: dict[int, int] = {}
    for recipe_id in sorted(recipes):
        uses[recipe_id] = arrays.column(0.0)
        arrays.row([*uses_terms[recipe_id], (uses[recipe_id], -1.0)], 0.0, 0.0)
        distinct = arrays.column(RECIPE_BONUS, upper=1.0)
        arrays.row([(distinct, 1.0), (uses[recipe_id], -1.0)], -inf, 0.0)

    # Leftovers: z[d, r] = dinner of day d eaten again at lunch on day d + 1.
    leftover_cols: dict[tuple[int, int], int] = {}
    if leftovers:
        for day in range(request.days - 1):
            dinner = defaultdict(list)
            for v in meal_vars[day, DINNER]:
                dinner[v.recipe.id].append((v.column, -1.0))
            lunch = defaultdict(list)
            for v in meal_vars[day + 1, LUNCH]:
                lunch[v.recipe.id].append((v.column, -1.0))
            for recipe_id in sorted(dinner.keys() & lunch.keys()):
                z = arrays.column(LEFTOVER_BONUS, upper=1.0, binary=True)
                leftover_cols[day, recipe_id] = z
                arrays.row([(z, 1.0), *dinner[recipe_id]], -inf, 0.0)
                arrays.row([(z, 1.0), *lunch[recipe_id]], -inf, 0.0)
            for v in meal_vars[day + 1, LUNCH]:
                if v.leftover_only:
                    z = leftover_cols.get((day, v.recipe.id))
                    arrays.row([(v.column, 1.0)] + ([(z, -1.0)] if z is not None else []), -inf, 0.0)

    # Repeats: at most max_repeats uses per recipe, a planned leftover lunch not counted.
    # No recipe twice on one day or on two days in a row, unless it is the planned leftover.
    for recipe_id in sorted(recipes):
        saved = [(z, -1.0) for (day, rid), z in leftover_cols.items() if rid == recipe_id]
        extra = arrays.column(-PENALTY_PER_REPEAT)
        arrays.row([(uses[recipe_id], 1.0), *saved, (extra, -1.0)], -inf, request.max_repeats)
        for day in days:
            terms = day_terms.get((day, recipe_id), [])
            following = day_terms.get((day + 1, recipe_id), []) if day + 1 < request.days else []
            if not terms:
                continue
            if following:
                z = leftover_cols.get((day, recipe_id))
                terms = terms + following + ([(z, -1.0)] if z is not None else [])
            arrays.row([*terms, (arrays.column(-PENALTY_PER_CONSECUTIVE), -1.0)], -inf, 1.0)

    # Plants: y[p] <= uses of recipes containing p; the week wants at least plants_per_week of them.
    species_recipes: dict[str, list[int]] = defaultdict(list)
    for recipe_id in sorted(recipes):
        for species in recipes[recipe_id].plant_species:
            species_recipes[species].append(recipe_id)
    plant_cols = []
    for species in sorted(species_recipes):
        y = arrays.column(PLANT_BONUS, upper=1.0)
        plant_cols.append(y)
        arrays.row([(y, 1.0), *((uses[rid], -1.0) for rid in species_recipes[species])], -inf, 0.0)
    if request.plants_per_week > 0:
        penalty = PENALTY_PER_PERCENT["plants"] * 100 / request.plants_per_week
        arrays.row([*((y, 1.0) for y in plant_cols), (arrays.column(-penalty), 1.0)], request.plants_per_week, inf)

    h = highspy.Highs()
    h.silent()
    for option, value in (
        ("output_flag", False),
        ("threads", 1),
        ("random_seed", request.seed),
        ("mip_rel_gap", request.mip_gap),
        ("time_limit", max(time_limit_s, 0.1)),
    ):
        h.setOptionValue(option, value)
    arrays.load(h)
    _set_start(h, request, meal_vars, leftover_cols)
    h.run()

    status = h.modelStatusToString(h.getModelStatus())
    info = h.getInfo()
    meals: tuple[PlannedMeal, ...] = ()
    objective = gap = None
    if info.primal_solution_status == 2:  # a feasible solution exists
        values = h.getSolution().col_value
        meals = _read_meals(request, meal_vars, leftover_cols, values)
        objective = info.objective_function_value
        gap = info.mip_gap if np.isfinite(info.mip_gap) else None
    return Solution(
        meals=meals,
        solver_status=status,
        objective=objective,
        mip_gap=gap,
        seconds=time.perf_counter() - started,
        columns=len(arrays.cost),
        rows=len(arrays.row_lower),
    )


def _set_start(h: highspy.Highs, request: PlanRequest, meal_vars, leftover_cols) -> None:
    """Hand HiGHS a greedy plan to start from (meal and leftover columns); it completes the rest."""
    bonuses = {"plant": PLANT_BONUS, "recipe": RECIPE_BONUS, "leftover": LEFTOVER_BONUS}
    plan = warm_start(request, meal_vars, PENALTY_PER_PERCENT, bonuses)
    ones = {v.column for v in plan.values()}
    for (day, recipe_id), z in leftover_cols.items():
        dinner, lunch = plan.get((day, DINNER)), plan.get((day + 1, LUNCH))
        if dinner and lunch and dinner.recipe.id == lunch.recipe.id == recipe_id:
            ones.add(z)
    columns = [v.column for options in meal_vars.values() for v in options] + list(leftover_cols.values())
    values = [1.0 if column in ones else 0.0 for column in columns]
    h.setSolution(len(columns), np.array(columns, dtype=np.int32), np.array(values))


def _read_meals(request, meal_vars, leftover_cols, values) -> tuple[PlannedMeal, ...]:
    meals = []
    for day in range(request.days):
        for slot in request.slots:
            chosen = max(meal_vars[day, slot], key=lambda v: values[v.column])
            z = leftover_cols.get((day - 1, chosen.recipe.id)) if slot == LUNCH else None
            leftover = z is not None and values[z] > 0.5
            meals.append(PlannedMeal(day, slot, chosen.recipe.id, chosen.servings, chosen.locked, leftover))
    return tuple(meals)
