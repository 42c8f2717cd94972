"""Reads for planning: optimiser candidates, plan days with totals against targets."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from mealplan.models import Plan, PlanEntry
from mealplan.planning.types import Candidate
from recipes.engine.intake import add_nutrition, score_day, score_week
from recipes.engine.nutrition import serving_from_dict
from recipes.engine.types import PER_SERVING_NUTRIENTS, ServingNutrition
from recipes.models import Recipe, RecipeIngredient
from recipes.vocab import MEAL_TYPES

CANDIDATE_FIELDS = (
    "id",
    "title",
    "meal_types",
    "energy_kcal",
    "fiber_g",
    "prebiotic_g",
    "live_culture_servings",
    "plant_species",
    "gut_score",
    "total_minutes",
    "diets",
    "allergens",
    "fodmap_level",
)


def plannable_recipes(user):
    """Recipes a user may plan with: the public catalogue and their own, with a meal type and energy."""
    return Recipe.objects.visible_to(user).exclude(meal_types="").filter(energy_kcal__gt=0)


def candidate_from(values: dict, food_ids: frozenset[int] = frozenset()) -> Candidate:
    """An optimiser candidate from a recipe's CANDIDATE_FIELDS values."""
    sets = ("meal_types", "plant_species", "diets", "allergens")
    return Candidate(
        **{name: frozenset(values[name]) if name in sets else values[name] for name in CANDIDATE_FIELDS},
        food_ids=food_ids,
    )


def plan_candidates(user, exclude_food_ids: Iterable[int] = ()) -> list[Candidate]:
    """Every plannable recipe as an optimiser candidate, from plain values (no model instances: at 10,000
    recipes building instances cost a third of a plan's time). A candidate's `food_ids` holds only its foods
    among `exclude_food_ids`, the only ones the planner looks at; loading every line's food cost a quarter."""
    rows = list(plannable_recipes(user).order_by("id").values(*CANDIDATE_FIELDS))
    foods: dict[int, set[int]] = defaultdict(set)
    excluded = sorted(set(exclude_food_ids))
    if excluded:
        lines = RecipeIngredient.objects.filter(recipe__in=plannable_recipes(user), food_id__in=excluded)
        for recipe_id, food_id in lines.values_list("recipe_id", "food_id"):
            foods[recipe_id].add(food_id)
    return [candidate_from(row, frozenset(foods.get(row["id"], ()))) for row in rows]


def recipe_serving(recipe: Recipe) -> ServingNutrition:
    """A recipe's per-serving nutrition as the score's input: its stored columns, plus the details
    (grains, processed meat, heated ferments, ...) kept in its stored analysis."""
    values = dict((recipe.analysis or {}).get("per_serving") or {})
    values.update({name: getattr(recipe, name) for name in PER_SERVING_NUTRIENTS})
    return serving_from_dict(values, recipe.plant_species)


def scaled(n: ServingNutrition, factor: float) -> dict:
    return {
        "energy_kcal": n.energy_kcal * factor,
        "protein_g": n.protein_g * factor,
        "fiber_g": n.fiber_g * factor,
        "prebiotic_g": n.prebiotic_g * factor,
        "live_culture_servings": n.live_culture_servings * factor,
    }


@dataclass
class PlanDay:
    date: date
    entries: list[PlanEntry]
    totals: dict
    plant_species: set[str]
    targets: dict
    score: dict | None = None
    met: dict = field(default_factory=dict)


def slot_order(slot: str) -> int:
    return MEAL_TYPES.index(slot) if slot in MEAL_TYPES else len(MEAL_TYPES)


def plan_entries(plan: Plan) -> list[PlanEntry]:
    return list(plan.entries.select_related("recipe").order_by("date", "id"))


def plan_days(plan: Plan, entries: list[PlanEntry] | None = None) -> tuple[list[PlanDay], dict]:
    """Each day's meals and totals against the plan's targets, and the week's summary (plants, score)."""
    entries = plan_entries(plan) if entries is None else entries
    targets = plan.targets or {}
    by_date: dict[date, list[PlanEntry]] = defaultdict(list)
    for entry in entries:
        by_date[entry.date].append(entry)
    days, week_servings, week_species = [], [], set()
    for offset in range(plan.days):
        day = plan.start.fromordinal(plan.start.toordinal() + offset)
        day_entries = sorted(by_date.get(day, []), key=lambda e: slot_order(e.slot))
        totals = {
            "energy_kcal": 0.0,
            "protein_g": 0.0,
            "fiber_g": 0.0,
            "prebiotic_g": 0.0,
            "live_culture_servings": 0.0,
        }
        species: set[str] = set()
        items = []
        for entry in day_entries:
            serving = recipe_serving(entry.recipe)
            for key, value in scaled(serving, entry.servings).items():
                totals[key] += value
            species |= set(entry.recipe.plant_species)
            items.append((serving, entry.servings))
        day_total = add_nutrition(items) if items else ServingNutrition()
        week_servings.append(day_total)
        week_species |= species
        totals["plants"] = len(species)
        met = {
            "energy_kcal": _within(totals["energy_kcal"], targets.get("energy_kcal"), targets.get("energy_tolerance")),
            "fiber_g": totals["fiber_g"] + 1e-6 >= targets.get("fiber_g", 0),
            "live_culture_servings": totals["live_culture_servings"] + 1e-6 >= targets.get("live_culture_servings", 0),
        }
        score = None
        if items:
            # A target set to 0 means "no target" for planning; the day's score is then judged against the
            # evidence-based defaults (14 g fiber per 1,000 kcal, one live serving), never against zero.
            energy = targets.get("energy_kcal") or 2000
            score = score_day(
                day_total,
                energy_target_kcal=energy,
                fiber_target_g=targets.get("fiber_g") or energy / 1000 * 14,
                live_target=targets.get("live_culture_servings") or 1,
            ).as_dict()
        days.append(PlanDay(day, day_entries, totals, species, targets, score, met))
    week = {
        "plants": len(week_species),
        "plants_target": targets.get("plants_per_week", 30),
        "plant_species": sorted(week_species),
        "fiber_g_per_day": sum(d.totals["fiber_g"] for d in days) / max(len(days), 1),
        "score": score_week(week_servings, plants_target=targets.get("plants_per_week") or 30).as_dict()
        if entries
        else None,
    }
    return days, week


def _within(value: float, target: float | None, tolerance: float | None) -> bool:
    if not target:
        return True
    return abs(value - target) <= target * (tolerance or 0.1) + 1e-6


def _recipe_summary(recipe: Recipe) -> dict:
    return {
        "id": recipe.id,
        "title": recipe.title,
        "diets": list(recipe.diets),
        "allergens": list(recipe.allergens),
        "meal_types": list(recipe.meal_types),
        "energy_kcal": round(recipe.energy_kcal, 1),
        "protein_g": round(recipe.protein_g, 1),
        "fiber_g": round(recipe.fiber_g, 1),
        "prebiotic_g": round(recipe.prebiotic_g, 2),
        "live_culture_servings": round(recipe.live_culture_servings, 2),
        "plants": recipe.plants,
        "gut_score": recipe.gut_score,
        "fodmap_level": recipe.fodmap_level,
        "total_minutes": recipe.total_minutes,
    }


def plan_document(plan: Plan) -> dict:
    """The one JSON shape of a plan, shared by the API and `generate_plan --json`; nutrients per person."""
    entries = plan_entries(plan)
    days, week = plan_days(plan, entries)
    targets = plan.targets or {}
    return {
        "id": plan.id,
        "start": plan.start.isoformat(),
        "days": plan.days,
        "slots": [s for s in MEAL_TYPES if s in plan.slots],
        "status": plan.status,
        "messages": list(plan.messages or []),
        "targets": {
            "energy_kcal": targets.get("energy_kcal"),
            "energy_tolerance": targets.get("energy_tolerance"),
            "fiber_g": targets.get("fiber_g"),
            "live_culture_servings": targets.get("live_culture_servings"),
            "plants_per_week": targets.get("plants_per_week"),
        },
        "entries": [
            {
                "id": e.id,
                "date": e.date.isoformat(),
                "slot": e.slot,
                "servings": e.servings,
                "locked": e.locked,
                "is_leftover": e.is_leftover,
                "recipe": _recipe_summary(e.recipe),
            }
            for day in days
            for e in day.entries
        ],
        "summary": {
            "days": [
                {
                    "date": day.date.isoformat(),
                    **{k: round(v, 2) for k, v in day.totals.items()},
                    "met": day.met,
                    "score": day.score["score"] if day.score else None,
                }
                for day in days
            ],
            "plants_per_week": week["plants"],
            "plant_species": week["plant_species"],
            "score": week["score"]["score"] if week["score"] else None,
            "score_breakdown": week["score"]["components"] if week["score"] else [],
        },
        "solver": {
            "status": plan.solver_status,
            "objective": plan.objective,
            "mip_gap": plan.mip_gap,
            "seconds": plan.solve_seconds,
        },
        "version": plan.version,
        "created_at": plan.created_at.isoformat() if plan.created_at else None,
    }
