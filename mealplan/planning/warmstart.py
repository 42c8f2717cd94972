"""A good first plan for the solver, built day by day with numpy (docs/planner.md, "Warm start").

HiGHS proves a plan within the gap quickly once it holds a good one; finding the first good plan
was most of its time. This builds one greedily: each day, every combination of the most promising
options per slot is scored at once (gut score, new plants, new recipes, minus the model's penalties
for missing the energy band, fibre and live cultures), and the best combination that repeats no
recipe from yesterday or today, and none beyond max_repeats, is taken. The solver only starts
from it: the plan it returns is still its own, optimal within the gap.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from mealplan.planning.model import MealVar
    from mealplan.planning.types import PlanRequest

COMBINATIONS = 200_000  # per day; the options kept per slot shrink with the number of slots
CHOICES_TRIED = 64  # best combinations checked for a recipe chosen twice in one day


def _per_slot(slots: int) -> int:
    return max(2, int(COMBINATIONS ** (1 / max(slots, 1))))


def _shortlist(options: Sequence[MealVar], values: np.ndarray, energy: np.ndarray, keep: int) -> list[int]:
    """The best options by value, plus options spread over the energy range so the band stays reachable."""
    if len(options) <= keep:
        return list(range(len(options)))
    by_value = list(np.argsort(-values, kind="stable")[: keep // 2])
    by_energy = np.argsort(energy, kind="stable")
    spread = [int(by_energy[i]) for i in np.linspace(0, len(options) - 1, keep - len(by_value)).astype(int)]
    return list(dict.fromkeys([*map(int, by_value), *spread]))


def warm_start(
    request: PlanRequest,
    meal_vars: Mapping[tuple[int, str], Sequence[MealVar]],
    penalties: Mapping[str, float],
    bonuses: Mapping[str, float],
) -> dict[tuple[int, str], MealVar]:
    """The meal variable a greedy plan chooses for each (day, slot). With leftovers on, yesterday's
    dinner is an option at lunch (worth the leftover bonus, and no repeat)."""
    slots = list(request.slots)
    leftovers = request.leftovers and "lunch" in slots and "dinner" in slots
    keep = _per_slot(len(slots))
    target_kcal = request.energy_kcal
    band = request.energy_tolerance * target_kcal
    fiber_target, live_target = request.fiber_target_g, request.live_servings_per_day
    plants: set[str] = set()
    uses: Counter[int] = Counter()
    yesterday: set[int] = set()
    chosen: dict[tuple[int, str], MealVar] = {}
    for day in range(request.days):
        last_dinner = chosen[day - 1, "dinner"].recipe.id if leftovers and day > 0 else None
        lists, energy, fiber, live, value = [], [], [], [], []
        for slot in slots:

            def leftover(v: MealVar, slot: str = slot, last_dinner: int | None = last_dinner) -> bool:
                return slot == "lunch" and v.recipe.id == last_dinner

            options = [
                v
                for v in meal_vars[day, slot]
                if v.locked
                or leftover(v)
                or (not v.leftover_only and v.recipe.id not in yesterday and uses[v.recipe.id] < request.max_repeats)
            ] or list(meal_vars[day, slot])
            e = np.array([v.recipe.energy_kcal * v.servings for v in options])
            worth = np.array(
                [
                    v.recipe.gut_score
                    + (
                        bonuses["leftover"]
                        if leftover(v)
                        else bonuses["plant"] * len(v.recipe.plant_species - plants)
                        + bonuses["recipe"] * (uses[v.recipe.id] == 0)
                    )
                    for v in options
                ]
            )
            short = _shortlist(options, worth, e, keep)
            lists.append([options[i] for i in short])
            energy.append(e[short])
            fiber.append(np.array([options[i].recipe.fiber_g * options[i].servings for i in short]))
            live.append(np.array([options[i].recipe.live_culture_servings * options[i].servings for i in short]))
            value.append(worth[short])

        def total(parts: list[np.ndarray]) -> np.ndarray:
            out = parts[0]
            for part in parts[1:]:
                out = np.add.outer(out, part)
            return out

        kcal = total(energy)
        score = total(value)
        outside = np.maximum(np.abs(kcal - target_kcal) - band, 0.0)
        score = score - penalties["energy"] * 100 * outside / max(target_kcal, 1.0)
        if fiber_target > 0:
            score = score - penalties["fiber"] * 100 * np.maximum(fiber_target - total(fiber), 0.0) / fiber_target
        if live_target > 0:
            score = score - penalties["live_cultures"] * 100 * np.maximum(live_target - total(live), 0.0) / live_target

        flat = score.ravel()
        tried = min(CHOICES_TRIED, flat.size)
        best = np.argpartition(-flat, tried - 1)[:tried]
        picks = None
        for index in best[np.argsort(-flat[best], kind="stable")]:
            combination = np.unravel_index(int(index), score.shape)
            picks = [lists[s][int(i)] for s, i in enumerate(combination)]
            if len({v.recipe.id for v in picks}) == len(picks):
                break
        assert picks is not None
        today = set()
        for slot, v in zip(slots, picks, strict=True):
            chosen[day, slot] = v
            if not (slot == "lunch" and v.recipe.id == last_dinner):
                uses[v.recipe.id] += 1  # a planned leftover is not a repeat
            plants |= v.recipe.plant_species
            today.add(v.recipe.id)
        yesterday = today
    return chosen
