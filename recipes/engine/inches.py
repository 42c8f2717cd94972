"""Lengths written on a line, in inches: a tortilla's diameter, a bread slice's thickness, a piece's length.

A diameter ("4 (10-inch) flour tortillas") picks the food's USDA portion of the nearest stated
diameter; a thickness scales USDA's sandwich slice; a length weighs a piece of root by the inch
(recipes/engine/portions.py). Pure Python, no Django.
"""

from __future__ import annotations

import re

from . import units
from .types import FoodRecord, ParsedLine, Portion

_PORTION_DIAMETER = re.compile(r'(\d+)(?:-(\d+)/(\d+))?"[^)]*dia')
# "10-inch", '6"', "1.5 in", "3/4-inch", "1 1/2-inch", "1½-inch": read from the start of a number, never from
# inside one ("1/2-inch" is not 2 inches).
_LINE_INCHES = re.compile(rf"(?<![\d/.,])({units.NUMERAL})\s*-?\s*(?:inch(?:es)?|in\b|\")")
_DIAMETER_TOLERANCE_INCHES = 2.0
BURRITO_TORTILLA_INCHES = 10.0  # sold as "burrito size": 10-inch (and larger) flour tortillas
EXTRA_LARGE_TORTILLA_INCHES = 12.0  # "extra large" flour tortillas are sold at 12 inches; "large" ones at 10
BREAD_SLICE_INCHES = 0.5  # a sandwich-loaf slice, as USDA weighs its bread slices (white bread 18069: 29 g)
MAX_SLICE_INCHES = 2.0


def written_inches(text: str) -> float | None:
    """The first length in inches written in `text` ("10-inch", '6"', "3/4-inch", "1 1/2-inch", "½-inch"), or None."""
    found = _LINE_INCHES.search(units.normalise(text))
    return units.number_value(found.group(1)) if found else None


def _inches(portion: Portion) -> float | None:
    """The diameter a USDA portion states: 'tortilla (approx 10" dia)' -> 10, 'medium bagel (3-1/2" to 4" dia)' -> 4."""
    found = list(_PORTION_DIAMETER.finditer(portion.unit))
    if not found:
        return None
    whole, numerator, denominator = found[-1].groups()
    return int(whole) + (int(numerator) / int(denominator) if numerator and int(denominator) else 0.0)


def diameter_grams(food: FoodRecord, parsed: ParsedLine) -> float | None:
    """'4 (10-inch) flour tortillas': the food's USDA portion of the nearest stated diameter, if within 2 inches."""
    inches = written_inches(parsed.note)
    if inches is None:
        inches = written_inches(parsed.food)
    if inches is None:
        tortilla = "tortilla" in food.name.lower()
        if tortilla and ("burrito" in f"{parsed.raw}".lower() or parsed.size == "large"):
            inches = BURRITO_TORTILLA_INCHES  # "2 burrito-size flour tortillas", "4 large flour tortillas"
        elif tortilla and parsed.size == "extra large":
            inches = EXTRA_LARGE_TORTILLA_INCHES
        else:
            return None
    best, best_gap = None, _DIAMETER_TOLERANCE_INCHES
    for portion in food.portions:
        diameter = _inches(portion)
        if diameter is not None and portion.amount > 0 and abs(diameter - inches) <= best_gap:
            best, best_gap = portion.grams / portion.amount, abs(diameter - inches)
    return best
