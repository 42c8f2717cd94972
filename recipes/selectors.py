"""Reads that feed the pure engine: food records and the matching index."""

from __future__ import annotations

import threading
from collections import defaultdict

from django.db.models import Count, Max

from recipes.engine.matcher import FoodIndex
from recipes.engine.types import FoodRecord, Portion
from recipes.models import Food, FoodPortion

_RECORD_FIELDS = [f for f in FoodRecord.__dataclass_fields__ if f not in {"aliases", "portions", "allergens"}]


def food_record(food: Food, portions: list[FoodPortion] | None = None) -> FoodRecord:
    values = {name: getattr(food, name) for name in _RECORD_FIELDS}
    values["aliases"] = tuple(food.alias_list)
    values["allergens"] = tuple(food.allergens)
    values["portions"] = tuple(Portion(p.amount, p.unit, p.grams) for p in (portions or []))
    return FoodRecord(**values)


def food_records(queryset=None) -> list[FoodRecord]:
    """Every food (or those in `queryset`) as FoodRecord, portions included, in two queries."""
    foods = list((queryset if queryset is not None else Food.objects.all()).order_by("id"))
    portions: dict[int, list[FoodPortion]] = defaultdict(list)
    for portion in FoodPortion.objects.filter(food__in=[f.id for f in foods]).order_by("food_id", "seq", "id"):
        portions[portion.food_id].append(portion)
    return [food_record(food, portions[food.id]) for food in foods]


def _table_version() -> tuple:
    foods = Food.objects.aggregate(n=Count("id"), changed=Max("updated_at"), top=Max("id"))
    portions = FoodPortion.objects.aggregate(n=Count("id"), top=Max("id"))
    return (foods["n"], foods["changed"], foods["top"], portions["n"], portions["top"])


class _IndexCache:
    """One FoodIndex per process, rebuilt when the food table changes (checked by one cheap query).

    The cache holds derived data only: every process sees the database's current food table.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._version: tuple | None = None
        self._index: FoodIndex | None = None

    def get(self) -> FoodIndex:
        version = _table_version()
        with self._lock:
            if self._index is None or version != self._version:
                self._index = FoodIndex(food_records())
                self._version = version
            return self._index

    def clear(self) -> None:
        with self._lock:
            self._index = None
            self._version = None


food_index_cache = _IndexCache()


def get_food_index() -> FoodIndex:
    return food_index_cache.get()
