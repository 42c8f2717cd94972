"""Lines that name more than one food: an amount "each" of a list, and a food mixed with another.

The engine weighs one food per line, so:
- "½ tsp each salt and pepper", "2 tbsp each butter and olive oil", "salt and pepper, ¼ tsp each":
  the amount is for every food listed, so the line weighs that many times the amount, all as the
  first food. The total weight is right; its make-up is the first food's (good when the foods are
  alike, as in such lists: spices, fats, herbs).
- "1 tbsp cornstarch mixed with 2 tbsp water": the food is the one before "mixed with"; the rest
  is a remark (its amount belongs to the other food, which the recipe usually lists again).
"""

from __future__ import annotations

import re

EACH_AFTER_UNIT = re.compile(r"each\b\s*[,:;-]?\s*(?:of\s+)?(?:the\s+)?", re.IGNORECASE)
_EACH_WORD = re.compile(r"\beach\b", re.IGNORECASE)
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")
_MIXTURE = re.compile(
    r"\s+(?:mixed|dissolved|combined|whisked|blended|stirred|diluted|slurried)\s+(?:together\s+)?(?:with|in|into)\b.*$"
)


def says_each(text: str) -> bool:
    return bool(_EACH_WORD.search(text))


def list_items(food: str) -> list[str]:
    """The foods of "salt and pepper", "cumin, coriander and paprika"; one item when it is not a list."""
    items = [item.strip() for item in _LIST_SPLIT.split(food) if item and item.strip()]
    return items or [food]


def split_mixture(food: str) -> tuple[str, str]:
    """('cornstarch', 'mixed with 2 tablespoons water') for 'cornstarch mixed with 2 tablespoons water'."""
    found = _MIXTURE.search(food)
    if not found or found.start() == 0:
        return food, ""
    return food[: found.start()].strip(), found.group(0).strip()
