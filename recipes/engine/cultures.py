"""Live cultures: whether a fermented food's live cultures count, and how much one serving of it weighs.

Live cultures count only where the fermented food is eaten uncooked (docs/nutrition.md):
a line that says it is cooked is cooked; a line for serving ("to serve", "for topping") is
uncooked; otherwise the method decides: a ferment named only in steps without heat, or in a step
that takes it off the heat, is uncooked; one stirred into a simmering pot or baked is not. Without
a method, a ferment in a baked recipe (flour with baking powder, soda or yeast) counts as cooked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .matcher import tokens
from .types import FoodRecord, ParsedLine

HEAT_WORDS = frozenset(
    [
        "cooked",
        "cook",
        "fried",
        "fry",
        "baked",
        "bake",
        "roasted",
        "roast",
        "sauteed",
        "saute",
        "simmered",
        "simmer",
        "boiled",
        "boil",
        "heated",
        "heat",
        "warmed",
        "warm",
        "toasted",
        "toast",
        "grilled",
        "grill",
        "braised",
        "braise",
        "melted",
        "melt",
        "stewed",
        "stew",
        "steamed",
        "steam",
    ]
)
UNCOOKED_CUES = (
    "to serve",
    "for serving",
    "to garnish",
    "for garnish",
    "garnish",
    "for topping",
    "to top",
    "topping",
    "on the side",
    "for dipping",
    "raw",
    "unpasteurised",
    "unpasteurized",
    "live",
)
OFF_HEAT_CUES = (
    "off the heat",
    "remove from the heat",
    "removed from the heat",
    "take off the heat",
    "to serve",
    "serve with",
    "serve topped",
    "top with",
    "topped with",
    "once cooled",
    "cooled",
    "cool slightly",
    "after cooking",
    "garnish",
    "on the side",
    "spoon over",
    "dollop",
    "drizzle",
    "to finish",
    "finish with",
    "just before serving",
    "before serving",
    "stir through",
    "dressing",
    "mix together",
    "whisk together",
)
BAKING_FOODS = ("baking powder", "baking soda", "bicarbonate of soda", "yeast", "self-raising", "self-rising")

# One serving of a live-culture food, in grams (docs/nutrition.md): a pot of yogurt or glass of
# kefir, a tablespoon of miso, a few forkfuls of sauerkraut or kimchi, a glass of kombucha.
LIVE_SERVING_G_DAIRY = 100.0
LIVE_SERVING_G_DRINK = 240.0
LIVE_SERVING_G_MISO = 15.0
LIVE_SERVING_G_VEGETABLE = 40.0


def live_serving_grams(food: FoodRecord) -> float:
    """Grams of one serving of a live-culture food: a pot of yogurt, a tablespoon of miso, a glass of kombucha."""
    name = food.name.lower()
    if "miso" in name:
        return LIVE_SERVING_G_MISO
    if food.contains_dairy or "yogurt" in name or "yoghurt" in name or "kefir" in name and "water" not in name:
        return LIVE_SERVING_G_DAIRY
    if food.food_group == "beverages" or "kombucha" in name or "water kefir" in name:
        return LIVE_SERVING_G_DRINK
    return LIVE_SERVING_G_VEGETABLE


def is_baked(lines: Sequence[str]) -> bool:
    """A recipe raised by baking powder, soda or yeast: its ferments count as cooked unless a method says not."""
    all_text = " ".join(text.lower() for text in lines)
    return any(word in all_text for word in BAKING_FOODS)


def _sentences(text: str) -> list[str]:
    return [s.strip().lower() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def _food_keywords(food: FoodRecord, parsed: ParsedLine) -> set[str]:
    words = set(tokens(parsed.food)) | set(tokens(food.name))
    generic = {"raw", "plain", "live", "culture", "with", "and", "white", "red", "fresh", "unpasteurised"}
    return {w for w in words if len(w) > 2 and w not in generic}


def is_uncooked(parsed: ParsedLine, food: FoodRecord, *, instructions: str, baked: bool) -> bool:
    """Whether the line's fermented food is eaten uncooked, so its live cultures count (rules above)."""
    prep_words = set(tokens(parsed.preparation))
    if prep_words & HEAT_WORDS:
        return False
    raw = parsed.raw.lower()
    if any(cue in raw for cue in UNCOOKED_CUES):
        return True
    if instructions.strip():
        keywords = _food_keywords(food, parsed)
        mentions = [s for s in _sentences(instructions) if keywords & set(tokens(s))]
        if not mentions:
            return not baked
        for sentence in mentions:
            words = set(tokens(sentence))
            if any(cue in sentence for cue in OFF_HEAT_CUES):
                continue
            if words & (HEAT_WORDS | {"oven", "pan", "skillet", "pot", "wok"}):
                return False
        return True
    return not baked
