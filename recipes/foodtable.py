"""Loading the food table we ship: USDA SR28, the cited gut data and the curated ingredients.

Bulk inserts and updates inside one transaction; running it again changes only what changed.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from recipes.engine.types import COMPOSITION_NUTRIENTS, PREBIOTIC_NUTRIENTS
from recipes.models import Food, FoodPortion
from recipes.vocab import ALLERGENS, FOOD_GROUPS

logger = logging.getLogger(__name__)

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
NUTRIENT_COLUMNS = COMPOSITION_NUTRIENTS  # from USDA
GUT_COLUMNS = PREBIOTIC_NUTRIENTS  # from fixtures/gut
FLAG_COLUMNS = {
    "herb_or_spice": "is_herb_or_spice",
    "live_cultures": "live_cultures",
    "fermented": "fermented",
    "meat": "contains_meat",
    "fish": "contains_fish",
    "dairy": "contains_dairy",
    "egg": "contains_egg",
    "animal_product": "animal_product",
    "ultra_processed": "ultra_processed",
    "emulsifier": "emulsifier",
    "processed_meat": "processed_meat",
    "alcohol": "alcohol",
    "free_sugar": "free_sugar",
}
USDA_GROUP_TO_OURS = {
    "Vegetables and Vegetable Products": "vegetables",
    "Fruits and Fruit Juices": "fruits",
    "Legumes and Legume Products": "legumes",
    "Cereal Grains and Pasta": "grains",
    "Baked Products": "grains",
    "Breakfast Cereals": "grains",
    "Nut and Seed Products": "nuts and seeds",
    "Spices and Herbs": "herbs and spices",
    "Dairy and Egg Products": "dairy and eggs",
    "Beef Products": "meat",
    "Pork Products": "meat",
    "Poultry Products": "meat",
    "Lamb, Veal, and Game Products": "meat",
    "Sausages and Luncheon Meats": "meat",
    "Finfish and Shellfish Products": "fish and seafood",
    "Fats and Oils": "fats and oils",
    "Sweets": "sweeteners",
    "Beverages": "beverages",
    "Soups, Sauces, and Gravies": "condiments and sauces",
}


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    portions: int = 0
    changed_ids: list[int] = field(default_factory=list)  # foods whose values changed: recompute their recipes

    def __str__(self) -> str:
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, {self.portions} portions"


def _num(value: str | None) -> float | None:
    value = (value or "").strip()
    return float(value) if value else None


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "y"}


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _sync(
    foods: Iterable[Food], key: str, fields: list[str], report: LoadReport, *, is_common: bool
) -> dict[str, Food]:
    """Insert new foods and update changed ones, matched on `key` within the USDA or the curated layer."""
    wanted = {getattr(food, key): food for food in foods}
    layer = Food.objects.filter(is_common=is_common)
    existing = {getattr(food, key): food for food in layer.filter(**{f"{key}__in": list(wanted)})}
    to_create, to_update = [], []
    for value, food in wanted.items():
        current = existing.get(value)
        if current is None:
            to_create.append(food)
            continue
        if any(getattr(current, f) != getattr(food, f) for f in fields):
            for f in fields:
                setattr(current, f, getattr(food, f))
            to_update.append(current)
        else:
            report.unchanged += 1
    Food.objects.bulk_create(to_create, batch_size=1000)
    if to_update:
        Food.objects.bulk_update(to_update, fields, batch_size=500)
    report.created += len(to_create)
    report.updated += len(to_update)
    report.changed_ids.extend(food.pk for food in to_update)
    return {getattr(food, key): food for food in layer.filter(**{f"{key}__in": list(wanted)})}


def load_usda(directory: Path | None = None) -> LoadReport:
    """Load SR28 foods.csv and portions.csv (fixtures/usda) into Food and FoodPortion."""
    directory = directory or FIXTURES / "usda"
    report = LoadReport()
    rows = _read_csv(directory / "foods.csv")
    foods = []
    for row in rows:
        ndb = row["fdc_or_ndb_id"].strip()
        food = Food(
            name=row["description"].strip()[:200],
            ndb_id=ndb,
            food_group=USDA_GROUP_TO_OURS.get(row["food_group"], "other"),
            source=f"USDA SR28 {ndb}",
        )
        for column in NUTRIENT_COLUMNS:
            setattr(food, column, _num(row.get(column)))
        foods.append(food)
    fields = ["name", "food_group", "source", *NUTRIENT_COLUMNS]
    with transaction.atomic():
        by_ndb = _sync(foods, "ndb_id", fields, report, is_common=False)
        report.portions = _replace_portions(by_ndb, _read_csv(directory / "portions.csv"))
    return report


def _replace_portions(by_ndb: dict[str, Food], rows: list[dict[str, str]]) -> int:
    portions = []
    for row in rows:
        food = by_ndb.get(row["fdc_or_ndb_id"].strip())
        grams, amount = _num(row["gram_weight"]), _num(row["amount"]) or 1.0
        if food is None or not grams or grams <= 0 or amount <= 0:
            continue
        portions.append(FoodPortion(food=food, seq=int(row["seq"]), amount=amount, unit=row["unit"][:120], grams=grams))
    FoodPortion.objects.filter(food__in=[f.pk for f in by_ndb.values() if not f.is_common]).delete()
    FoodPortion.objects.bulk_create(portions, batch_size=2000)
    return len(portions)


def _gut_tables(directory: Path) -> tuple[dict[str, dict], dict[str, dict]]:
    prebiotics = {row["food"].strip(): row for row in _read_csv(directory / "prebiotics.csv")}
    fodmap = {row["food"].strip(): row for row in _read_csv(directory / "fodmap.csv")}
    return prebiotics, fodmap


def curated_rows(directory: Path | None = None) -> list[tuple[str, int, dict[str, str]]]:
    """Every row of fixtures/foods/*.csv with its file name and line number."""
    directory = directory or FIXTURES / "foods"
    rows = []
    for path in sorted(directory.glob("*.csv")):
        for line_no, row in enumerate(_read_csv(path), start=2):
            rows.append((path.name, line_no, row))
    return rows


def build_curated(rows, usda: dict[str, Food], prebiotics: dict, fodmap: dict) -> tuple[list[Food], list[str]]:
    """Curated Food objects (unsaved) and a list of errors, each naming its file, line and column."""
    errors, foods, seen = [], [], {}
    for file_name, line_no, row in rows:
        where = f"{file_name} line {line_no}"
        name = (row.get("name") or "").strip().lower()
        if not name:
            errors.append(f"{where}: name is empty")
            continue
        if name in seen:
            errors.append(f"{where}: name '{name}' already used at {seen[name]}")
            continue
        seen[name] = where
        base = usda.get((row.get("ndb_id") or "").strip())
        if base is None:
            errors.append(f"{where}: ndb_id '{row.get('ndb_id')}' is not in the USDA table")
            continue
        group = (row.get("food_group") or "").strip()
        if group not in FOOD_GROUPS:
            errors.append(f"{where}: food_group '{group}' is not one of {', '.join(FOOD_GROUPS)}")
            continue
        allergens = [a.strip() for a in (row.get("allergens") or "").split("|") if a.strip()]
        bad = [a for a in allergens if a not in ALLERGENS]
        if bad:
            errors.append(f"{where}: unknown allergen(s) {', '.join(bad)}")
            continue
        food = Food(
            name=name,
            aliases="\n".join(a.strip().lower() for a in (row.get("aliases") or "").split("|") if a.strip()),
            food_group=group,
            is_common=True,
            ndb_id=base.ndb_id,
            usda_food=base,
            plant_species=(row.get("plant_species") or "").strip().lower(),
            grain=(row.get("grain") or "").strip().lower(),
            allergens=sorted(set(allergens)),
            low_fodmap_swap=(row.get("low_fodmap_swap") or "").strip(),
            density_g_per_ml=_num(row.get("density_g_per_ml")),
            source=f"USDA SR28 {base.ndb_id} ({base.name})",
        )
        for column in NUTRIENT_COLUMNS:
            setattr(food, column, getattr(base, column))
        for column, attribute in FLAG_COLUMNS.items():
            setattr(food, attribute, _flag(row.get(column)))
        gut_sources = []
        ref = (row.get("prebiotic_ref") or "").strip()
        if ref:
            gut = prebiotics.get(ref)
            if gut is None:
                errors.append(f"{where}: prebiotic_ref '{ref}' is not in fixtures/gut/prebiotics.csv")
                continue
            for column in GUT_COLUMNS:
                setattr(food, column, _num(gut.get(f"{column.removesuffix('_g')}_g_per_100g")))
            gut_sources.append(f"Prebiotics ({ref}): {gut.get('source', '').strip()}")
        ref = (row.get("fodmap_ref") or "").strip()
        if ref:
            level = fodmap.get(ref)
            if level is None:
                errors.append(f"{where}: fodmap_ref '{ref}' is not in fixtures/gut/fodmap.csv")
                continue
            food.fodmap_level = level["level"].strip()
            food.fodmap_serving_g = _num(level.get("serving_g"))
            gut_sources.append(f"FODMAP ({ref}, {level['serving_g']} g): {level.get('source', '').strip()}")
        elif (row.get("fodmap_level") or "").strip():
            food.fodmap_level = row["fodmap_level"].strip().lower()
            gut_sources.append(f"FODMAP: {(row.get('fodmap_source') or '').strip()}")
        if food.fodmap_level not in ("", "low", "moderate", "high"):
            errors.append(f"{where}: fodmap_level '{food.fodmap_level}' is not low, moderate or high")
            continue
        food.gut_source = "\n".join(gut_sources)
        food.extra_portions = _extra_portions(row.get("extra_portions") or "", where, errors)
        foods.append(food)
    return foods, errors


def _measure(unit: str) -> str:
    """The kind of a household measure: "cup, chopped" and "cup" are both "cup"."""
    return unit.lower().split(",")[0].split("(")[0].strip()


def _extra_portions(text: str, where: str, errors: list[str]) -> list[tuple[str, float]]:
    portions = []
    for item in text.split("|"):
        if not item.strip():
            continue
        unit, _, grams = item.partition("=")
        try:
            value = float(grams)
        except ValueError:
            errors.append(f"{where}: extra_portions item '{item}' is not unit=grams")
            continue
        portions.append((unit.strip().lower(), value))
    return portions


CURATED_FIELDS = [
    "aliases",
    "food_group",
    "is_common",
    "ndb_id",
    "usda_food",
    "plant_species",
    "grain",
    "allergens",
    "low_fodmap_swap",
    "density_g_per_ml",
    "source",
    "gut_source",
    "fodmap_level",
    "fodmap_serving_g",
    *NUTRIENT_COLUMNS,
    *GUT_COLUMNS,
    *FLAG_COLUMNS.values(),
]


def load_curated(directory: Path | None = None, gut_directory: Path | None = None) -> LoadReport:
    """Load fixtures/foods/*.csv over the USDA table; all or nothing, with every row error listed."""
    report = LoadReport()
    rows = curated_rows(directory)
    usda = {f.ndb_id: f for f in Food.objects.filter(is_common=False).exclude(ndb_id="")}
    prebiotics, fodmap = _gut_tables(gut_directory or FIXTURES / "gut")
    foods, errors = build_curated(rows, usda, prebiotics, fodmap)
    if errors:
        raise ValidationError([f"{len(errors)} error(s) in the curated food table:", *errors[:50]])
    with transaction.atomic():
        extra = {food.name: food.extra_portions for food in foods}
        saved = _sync(foods, "name", CURATED_FIELDS, report, is_common=True)
        # Curated foods carry their USDA food's portions plus their own extra ones.
        FoodPortion.objects.filter(food__in=list(saved.values())).delete()
        base_portions: dict[int, list[FoodPortion]] = {}
        for portion in FoodPortion.objects.filter(food__in=[f.usda_food_id for f in saved.values()]):
            base_portions.setdefault(portion.food_id, []).append(portion)
        new = []
        for name, food in saved.items():
            # A curated measure replaces USDA's of the same kind ("tsp=2.8" for kosher salt beats table salt's).
            own = {_measure(unit) for unit, _ in extra.get(name, [])}
            for p in base_portions.get(food.usda_food_id, []):
                if _measure(p.unit) not in own:
                    new.append(FoodPortion(food=food, seq=p.seq, amount=p.amount, unit=p.unit, grams=p.grams))
            for seq, (unit, grams) in enumerate(extra.get(name, []), start=100):
                new.append(FoodPortion(food=food, seq=seq, amount=1, unit=unit, grams=grams))
        FoodPortion.objects.bulk_create(new, batch_size=2000)
        report.portions = len(new)
    return report
