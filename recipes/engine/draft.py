"""What the ingredient-line parser shares between its parts: the draft a line is parsed into, sizes,
and the small helpers both the amount and the food-name parts use (recipes/engine/parser.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import units
from .units import MASS

SIZES = {
    "small": "small",
    "sm": "small",
    "medium": "medium",
    "med": "medium",
    "large": "large",
    "lg": "large",
    "big": "large",
    "extra large": "extra large",
    "extra-large": "extra large",
    "x-large": "extra large",
    "xl": "extra large",
    "jumbo": "jumbo",
}


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def mentions(text: str, hints: tuple[str, ...]) -> bool:
    return any(hint in text for hint in hints)


HAS_WORD = re.compile(r"[^\W_]")
QUALIFIER = re.compile(r"^(?:about|approximately|approx\.?|roughly|around|~|at least|at most|up to|total)\s*", re.I)
OPTIONAL = re.compile(
    r"\b(?:(?:or |and )?to taste|optional(?:ly)?|if desired|as desired|if needed|as needed|if using|if you like"
    r"|if preferred|(?:for|to) garnish(?:ing)?|(?:for|to) serve|for serving|for topping|to top)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Draft:
    kind: str = "ingredient"
    low: float | None = None
    high: float | None = None
    unit: str = ""
    per_item: float | None = None  # grams or ml of one container/piece
    per_item_dimension: str = ""
    total_g: float | None = None  # a total weight written in brackets or after a slash
    total_ml: float | None = None  # a metric volume written in brackets after a spoon or cup: "2 tbsp (40 ml)"
    size: str = ""
    optional: bool = False
    each: bool = False  # "½ tsp each salt and pepper": the amount is for every food listed
    # preparation written before the food: "cooked" in "2 cups cooked rice" (measured cooked), "peeled" in
    # "3 lb peeled potatoes" (weighed peeled)
    leading_preparation: str = ""
    alternatives: list[str] = field(default_factory=list)
    preparation: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def has_weight(self) -> bool:
        return (
            units.dimension(self.unit) == MASS
            or self.total_g is not None
            or (self.per_item is not None and self.per_item_dimension == MASS)
        )


def set_per_item(draft: Draft, measure: units.Measure) -> None:
    middle = (measure.low + measure.high) / 2 if measure.high is not None else measure.low
    draft.per_item = middle * units.factor(measure.unit)
    draft.per_item_dimension = measure.dimension


def measure_middle(spec: units.Measure) -> float:
    middle = (spec.low + spec.high) / 2 if spec.high is not None else spec.low
    return middle * units.factor(spec.unit)
