"""Plain data for the weekly-plan optimiser: what goes in (candidates, request) and what comes out.

Days are 0-based offsets from the plan's start (day 0 is the first day); messages a person reads
say "day 1" for day 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Candidate:
    """One recipe the planner may use; every number is per serving."""

    id: int
    title: str
    meal_types: frozenset[str]
    energy_kcal: float
    fiber_g: float
    prebiotic_g: float
    live_culture_servings: float
    plant_species: frozenset[str]
    gut_score: int
    total_minutes: int | None
    diets: frozenset[str]
    allergens: frozenset[str]
    food_ids: frozenset[int]  # its foods that matter to the request (plan_candidates loads the excluded ones)
    fodmap_level: str  # "" (unknown) | "low" | "moderate" | "high"


@dataclass(frozen=True)
class Locked:
    """A meal the user fixed: the planner keeps it and plans the rest around it."""

    day: int
    slot: str
    recipe_id: int
    servings: float = 1.0


# More fibre is better up to the 25-30 g stretch goal (Reynolds 2019), but a plan at twice that is hard to
# eat and to get used to ("increase fibre gradually", GUT_SCIENCE.md); the planner prefers days under twice the
# target. A preference, not a target: going over it is never reported as a shortfall.
FIBER_MAX_FACTOR = 2.0


@dataclass(frozen=True)
class PlanRequest:
    """Targets, filters and solver settings for one plan."""

    days: int = 7
    slots: tuple[str, ...] = ("breakfast", "lunch", "dinner")
    energy_kcal: float = 2000
    energy_tolerance: float = 0.10
    fiber_g_per_day: float | None = None  # None: 14 g per 1000 kcal of energy_kcal (IOM AI)
    # An optional comfortable daily ceiling (e.g. FIBER_MAX_FACTOR x the target); None or 0 for none.
    fiber_max_g_per_day: float | None = None
    live_servings_per_day: float = 1
    plants_per_week: int = 30
    diet: str = "omnivore"
    exclude_allergens: frozenset[str] = frozenset()
    exclude_food_ids: frozenset[int] = frozenset()
    low_fodmap: bool = False
    max_minutes: Mapping[str, int] = field(default_factory=dict)  # per slot
    max_repeats: int = 2
    leftovers: bool = False  # cook dinner once, eat it again at the next day's lunch
    locked: tuple[Locked, ...] = ()
    # (day, slot, recipe id) that must not be planned there: "swap this meal for another one".
    forbidden: frozenset[tuple[int, str, int]] = frozenset()
    portion_options: tuple[float, ...] = (1.0, 1.5, 2.0)
    time_limit_s: float = 10
    mip_gap: float = 0.01
    seed: int = 0

    @property
    def fiber_max_g(self) -> float | None:
        """Most fibre a day the plan should hold, when asked for (a preference: see docs/planner.md)."""
        return self.fiber_max_g_per_day or None

    @property
    def fiber_target_g(self) -> float:
        """Daily fibre target in grams."""
        if self.fiber_g_per_day is not None:
            return self.fiber_g_per_day
        return 14 * self.energy_kcal / 1000


@dataclass(frozen=True)
class PlannedMeal:
    day: int
    slot: str
    recipe_id: int
    servings: float
    locked: bool = False
    is_leftover: bool = False


@dataclass(frozen=True)
class Shortfall:
    """A target the plan misses, with a sentence a person can act on."""

    target: str  # "energy" | "fiber" | "live_cultures" | "plants" | "repeats" | "consecutive"
    day: int | None
    wanted: float
    got: float
    message: str


@dataclass(frozen=True)
class PlanResult:
    meals: tuple[PlannedMeal, ...]
    status: str  # "optimal" (every target met) | "relaxed" (some missed, see shortfalls) | "infeasible"
    solver_status: str
    objective: float | None
    mip_gap: float | None
    solve_seconds: float
    candidates_considered: int
    shortfalls: tuple[Shortfall, ...] = ()
    messages: tuple[str, ...] = ()

    def day_totals(self, candidates_by_id: Mapping[int, Candidate]) -> list[dict]:
        """Energy, fibre, prebiotics, live-culture servings and distinct plants for each planned day."""
        days = sorted({meal.day for meal in self.meals})
        totals = []
        for day in days:
            energy = fiber = prebiotic = live = 0.0
            plants: set[str] = set()
            for meal in self.meals:
                if meal.day != day:
                    continue
                recipe = candidates_by_id[meal.recipe_id]
                energy += recipe.energy_kcal * meal.servings
                fiber += recipe.fiber_g * meal.servings
                prebiotic += recipe.prebiotic_g * meal.servings
                live += recipe.live_culture_servings * meal.servings
                plants |= recipe.plant_species
            totals.append(
                {
                    "day": day,
                    "energy_kcal": energy,
                    "fiber_g": fiber,
                    "prebiotic_g": prebiotic,
                    "live_culture_servings": live,
                    "plants": len(plants),
                }
            )
        return totals
