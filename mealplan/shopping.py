"""The shopping list of a plan: every ingredient of its meals, summed per food, in kitchen units.

Quantities scale with each meal's servings and the household size the plan was made for. A food
bought by the piece (onions, lemons, eggs) is shown as a count of its USDA medium/whole portion;
liquids in ml or litres; everything else in grams or kilograms. Lines that matched no food are
listed as written, so nothing a recipe needs goes missing.
"""

from __future__ import annotations

import csv
import io
import math
from collections import defaultdict
from dataclasses import dataclass, field

from mealplan.models import Plan
from recipes.engine.pieces import count_grams
from recipes.engine.portions import grams_per_ml
from recipes.models import RecipeIngredient
from recipes.selectors import food_record
from recipes.vocab import FOOD_GROUPS

PIECE_GROUPS = {"vegetables", "fruits", "dairy and eggs"}
LIQUID_GROUPS = {"beverages", "fats and oils"}
LIQUID_WORDS = ("milk", "stock", "broth", "juice", "oil", "vinegar", "sauce", "kefir", "water", "wine", "syrup")


@dataclass
class ShoppingItem:
    key: str
    name: str
    group: str
    grams: float = 0.0
    amount: str = ""
    recipes: set[str] = field(default_factory=set)
    unmeasured: bool = False  # "salt, to taste": needed, amount unknown
    checked: bool = False

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "name": self.name,
            "group": self.group,
            "grams": round(self.grams, 1),
            "amount": self.amount,
            "recipes": sorted(self.recipes),
            "checked": self.checked,
        }


def _round_nice(value: float) -> str:
    if value >= 100:
        return f"{round(value / 10) * 10:,.0f}"
    if value >= 10:
        return f"{round(value):.0f}"
    return f"{value:.1f}".rstrip("0").rstrip(".")


def kitchen_amount(grams: float, *, group: str, name: str, piece_grams: float | None, ml_per_g: float | None) -> str:
    """'3 (about 330 g)', '750 ml', '1.2 kg', '40 g' for a total weight of one food."""
    if grams <= 0:
        return ""
    if piece_grams and group in PIECE_GROUPS and piece_grams >= 20:
        count = grams / piece_grams
        pieces = max(1, math.ceil(count - 0.25))  # buy whole ones; up to a quarter over rounds down
        return f"{pieces} (about {_round_nice(grams)} g)"
    if ml_per_g and (group in LIQUID_GROUPS or any(w in name for w in LIQUID_WORDS)):
        ml = grams * ml_per_g
        return f"{_round_nice(ml / 1000)} l" if ml >= 1000 else f"{_round_nice(ml)} ml"
    return f"{_round_nice(grams / 1000)} kg" if grams >= 1000 else f"{_round_nice(grams)} g"


def shopping_list(plan: Plan) -> list[tuple[str, list[ShoppingItem]]]:
    """(food group, items) in the order of FOOD_GROUPS, items by name; three queries."""
    household = (plan.profile_snapshot or {}).get("household_servings", 1) or 1
    factors: dict[int, float] = defaultdict(float)
    titles: dict[int, str] = {}
    for entry in plan.entries.select_related("recipe").only("servings", "recipe__servings", "recipe__title"):
        factors[entry.recipe_id] += entry.servings * household / max(entry.recipe.servings, 1)
        titles[entry.recipe_id] = entry.recipe.title
    lines = (
        RecipeIngredient.objects.filter(recipe_id__in=list(factors))
        .exclude(status=RecipeIngredient.Status.IGNORED)
        .select_related("food")
        .prefetch_related("food__portions")
        .order_by("recipe_id", "position")
    )
    items: dict[str, ShoppingItem] = {}
    records = {}
    for line in lines:
        factor = factors[line.recipe_id]
        if line.food is None:
            key = "text:" + line.raw_text.lower()[:70]
            item = items.setdefault(key, ShoppingItem(key, line.raw_text, "other", unmeasured=True))
        else:
            key = f"food:{line.food_id}"
            item = items.setdefault(key, ShoppingItem(key, line.food.name, line.food.food_group or "other"))
            records.setdefault(line.food_id, line.food)
            if line.grams:
                item.grams += line.grams * factor
            else:
                item.unmeasured = True
        item.recipes.add(titles[line.recipe_id])
    checked = set(plan.shopping_checked or [])
    for key, item in items.items():
        item.checked = key in checked
        food = records.get(int(key.split(":")[1])) if key.startswith("food:") else None
        if food is not None and item.grams:
            record = food_record(food, list(food.portions.all()))
            density = grams_per_ml(record)
            item.amount = kitchen_amount(
                item.grams,
                group=item.group,
                name=item.name,
                piece_grams=count_grams(record, ""),
                ml_per_g=(1 / density) if density else None,
            )
        elif item.unmeasured:
            item.amount = "as needed"
    order = {group: i for i, group in enumerate((*FOOD_GROUPS, "other"))}
    groups: dict[str, list[ShoppingItem]] = defaultdict(list)
    for item in items.values():
        groups[item.group if item.group in order else "other"].append(item)
    return [(g, sorted(groups[g], key=lambda i: i.name)) for g in sorted(groups, key=order.__getitem__)]


def shopping_csv(groups: list[tuple[str, list[ShoppingItem]]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["group", "item", "amount", "grams", "recipes", "checked"])
    for group, items in groups:
        for item in items:
            writer.writerow(
                [
                    group,
                    _safe(item.name),
                    item.amount,
                    round(item.grams, 1),
                    _safe("; ".join(sorted(item.recipes))),
                    int(item.checked),
                ]
            )
    return out.getvalue()


def _safe(text: str) -> str:
    """Keep spreadsheet apps from running a cell as a formula (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
