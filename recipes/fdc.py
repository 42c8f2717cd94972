"""Import a USDA FoodData Central CSV download (food.csv, food_nutrient.csv, food_portion.csv, ...).

Streams the files (food_nutrient.csv of a full download has tens of millions of rows), validates
them, and writes foods and portions in one transaction: a bad file writes nothing.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from recipes.models import Food, FoodPortion

# FDC nutrient ids -> our per-100 g columns (first id found wins; energy falls back to Atwater).
NUTRIENT_IDS = {
    "energy_kcal": (1008, 2047, 2048),
    "protein_g": (1003,),
    "fat_g": (1004,),
    "saturated_fat_g": (1258,),
    "carbohydrate_g": (1005,),
    "fiber_g": (1079,),
    "sugars_g": (2000, 1063),
    "sodium_mg": (1093,),
}
REQUIRED_FILES = {
    "food.csv": ("fdc_id", "description"),
    "food_nutrient.csv": ("fdc_id", "nutrient_id", "amount"),
}


@dataclass
class FdcReport:
    created: int = 0
    updated: int = 0
    portions: int = 0
    skipped: int = 0

    def __str__(self) -> str:
        return f"{self.created} created, {self.updated} updated, {self.portions} portions, {self.skipped} skipped"


def _open(directory: Path, name: str, required: tuple[str, ...] = ()):
    path = directory / name
    if not path.exists():
        raise ValidationError(f"{name} not found in {directory}")
    handle = path.open(newline="", encoding="utf-8-sig")
    reader = csv.DictReader(handle)
    missing = [column for column in required if column not in (reader.fieldnames or [])]
    if missing:
        handle.close()
        raise ValidationError(f"{name}: missing column(s) {', '.join(missing)}")
    return handle, reader


def _float(value: str, where: str) -> float:
    try:
        return float(value)
    except (TypeError, ValueError) as exc:
        raise ValidationError(f"{where}: '{value}' is not a number") from exc


def import_fdc(directory: Path, *, data_types: set[str] | None = None) -> FdcReport:
    """Load foods (optionally only some data types, e.g. {"sr_legacy_food"}) with nutrients and portions."""
    directory = Path(directory)
    report = FdcReport()
    categories = {}
    if (directory / "food_category.csv").exists():
        handle, reader = _open(directory, "food_category.csv", ("id", "description"))
        with handle:
            categories = {row["id"]: row["description"] for row in reader}
    foods: dict[int, dict] = {}
    handle, reader = _open(directory, "food.csv", REQUIRED_FILES["food.csv"])
    with handle:
        for line_no, row in enumerate(reader, start=2):
            if data_types and row.get("data_type") not in data_types:
                continue
            try:
                fdc_id = int(row["fdc_id"])
            except ValueError as exc:
                raise ValidationError(f"food.csv line {line_no}: fdc_id '{row['fdc_id']}' is not a number") from exc
            description = (row.get("description") or "").strip()
            if not description:
                raise ValidationError(f"food.csv line {line_no}: description is empty")
            foods[fdc_id] = {"description": description[:200], "group": categories.get(row.get("food_category_id"), "")}
    values: dict[int, dict[int, float]] = defaultdict(dict)
    wanted_ids = {i for ids in NUTRIENT_IDS.values() for i in ids}
    handle, reader = _open(directory, "food_nutrient.csv", REQUIRED_FILES["food_nutrient.csv"])
    with handle:
        for line_no, row in enumerate(reader, start=2):
            try:
                fdc_id, nutrient_id = int(row["fdc_id"]), int(float(row["nutrient_id"]))
            except ValueError as exc:
                raise ValidationError(f"food_nutrient.csv line {line_no}: ids must be numbers") from exc
            if fdc_id in foods and nutrient_id in wanted_ids and row["amount"] != "":
                values[fdc_id][nutrient_id] = _float(row["amount"], f"food_nutrient.csv line {line_no}")
    units = {}
    if (directory / "measure_unit.csv").exists():
        handle, reader = _open(directory, "measure_unit.csv", ("id", "name"))
        with handle:
            units = {row["id"]: row["name"] for row in reader}
    portions: dict[int, list[tuple[int, float, str, float]]] = defaultdict(list)
    if (directory / "food_portion.csv").exists():
        handle, reader = _open(directory, "food_portion.csv", ("fdc_id", "gram_weight"))
        with handle:
            for line_no, row in enumerate(reader, start=2):
                fdc_id = int(row["fdc_id"])
                if fdc_id not in foods or not row.get("gram_weight"):
                    continue
                grams = _float(row["gram_weight"], f"food_portion.csv line {line_no}")
                amount = _float(row.get("amount") or "1", f"food_portion.csv line {line_no}") or 1.0
                unit = units.get(row.get("measure_unit_id", ""), "")
                if unit in ("", "undetermined"):
                    unit = ""
                text = " ".join(p for p in (unit, row.get("modifier", ""), row.get("portion_description", "")) if p)
                if grams > 0 and text.strip():
                    seq = int(row.get("seq_num") or len(portions[fdc_id]) + 1)
                    portions[fdc_id].append((seq, amount, text.strip()[:120], grams))
    with transaction.atomic():
        existing = {f.fdc_id: f for f in Food.objects.filter(fdc_id__in=list(foods))}
        to_create, to_update = [], []
        for fdc_id, info in foods.items():
            food = existing.get(fdc_id) or Food(fdc_id=fdc_id)
            food.name = _unique_name(info["description"], fdc_id, existing_food=food)
            food.food_group = info["group"][:60]
            food.source = f"USDA FoodData Central {fdc_id}"
            for column, ids in NUTRIENT_IDS.items():
                setattr(food, column, next((values[fdc_id][i] for i in ids if i in values[fdc_id]), None))
            (to_update if food.pk else to_create).append(food)
        Food.objects.bulk_create(to_create, batch_size=1000)
        fields = ["name", "food_group", "source", *NUTRIENT_IDS]
        Food.objects.bulk_update(to_update, fields, batch_size=500)
        report.created, report.updated = len(to_create), len(to_update)
        saved = {f.fdc_id: f for f in Food.objects.filter(fdc_id__in=list(foods))}
        FoodPortion.objects.filter(food__in=list(saved.values())).delete()
        rows = [
            FoodPortion(food=saved[fdc_id], seq=seq, amount=amount, unit=unit, grams=grams)
            for fdc_id, items in portions.items()
            for seq, amount, unit, grams in items
        ]
        FoodPortion.objects.bulk_create(rows, batch_size=2000)
        report.portions = len(rows)
    return report


def _unique_name(description: str, fdc_id: int, *, existing_food: Food) -> str:
    """Food names are unique; an FDC description already used by another food gets its id appended."""
    clash = Food.objects.filter(name=description).exclude(pk=existing_food.pk).exists()
    return f"{description[:185]} (FDC {fdc_id})" if clash else description
