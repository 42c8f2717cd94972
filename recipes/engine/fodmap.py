"""A recipe's FODMAP level at one serving, from each ingredient's rated level and the grams eaten.

Pure Python. The levels and the servings they were rated at come from the food table (fixtures/gut/
fodmap.csv and its sources); docs/nutrition.md explains the rules.
"""

from __future__ import annotations

from .types import FoodRecord

# FODMAPs are carbohydrates: a food with almost none cannot carry a FODMAP load.
FODMAP_FREE_CARB_G = 0.5
# An unrated ingredient this small (spices, a splash of sauce) does not decide a recipe's level.
FODMAP_UNKNOWN_TRACE_G = 5.0


def food_fodmap_level(food: FoodRecord, grams_per_serving: float) -> str:
    """Level of one ingredient at the amount in a serving; "" when unknown."""
    if food.fodmap_level:
        rated = food.fodmap_serving_g
        if rated and food.fodmap_level in ("high", "moderate"):
            share = grams_per_serving / rated
            if food.fodmap_level == "high":
                return "high" if share >= 0.5 else "moderate" if share >= 0.2 else "low"
            return "moderate" if share >= 0.75 else "low"
        if food.fodmap_level == "low" and rated and grams_per_serving > 2 * rated:
            return "moderate"  # a low rating holds at its serving, not at any amount
        return food.fodmap_level
    if food.carbohydrate_g is not None and food.carbohydrate_g <= FODMAP_FREE_CARB_G:
        return "low"
    return ""


def fodmap_summary(items: list[tuple[FoodRecord, float]]) -> tuple[str, list[dict]]:
    """The recipe's FODMAP level at one serving and the ingredients that raise it."""
    rank = {"": 0, "low": 1, "moderate": 2, "high": 3}
    worst = "low" if items else ""
    unknown = False
    triggers = []
    for food, grams in items:
        level = food_fodmap_level(food, grams)
        if level in ("moderate", "high"):
            triggers.append({"food": food.name, "level": level, "grams": round(grams, 1), "swap": food.low_fodmap_swap})
            if rank[level] > rank[worst]:
                worst = level
        elif level == "" and grams > FODMAP_UNKNOWN_TRACE_G:
            unknown = True
    if worst == "low" and unknown:
        worst = ""
    triggers.sort(key=lambda t: (-rank[t["level"]], -t["grams"]))
    return worst, triggers
