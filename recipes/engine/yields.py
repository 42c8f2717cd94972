"""Servings from a recipe's yield text: "Serves 4", "4-6 servings", "Makes 12 muffins", "1 cake".

- A count of servings, slices or pieces anywhere in the text wins ("1 loaf (12 slices)" -> 12,
  "Makes 1 cake; serves 10" -> 10).
- Otherwise the first number (a size such as "9-inch" or "9x13" is not one; "one 9-inch cake" is
  one cake); a range gives its middle, rounded down ("4-6" -> 5); "2 dozen" -> 24.
- A whole baked item is cut into USDA SR28's standard pieces: a cake into 12 ("piece (1/12 of 9" dia)"
  of cakes prepared from recipe), a pie, quiche or pizza into 8 ("piece (1/8 of 9" dia)", "slice
  1/8 of 12" pizza"), a loaf into 12 slices ("Yield: 2 loaves" -> 24). A serving is what one person
  eats: a planner cannot use a whole cake as one. Publishers differ (some give per-loaf values), so
  the development set gains little either way; the product needs the slice.
"""

from __future__ import annotations

import re

from . import units

_YIELD_AMOUNT = re.compile(
    r"(?<![\d/.xX])(?P<lo>\d{1,5}(?:\.\d+)?)(?:\s*(?:-|to|or)\s*(?P<hi>\d{1,5}(?:\.\d+)?))?(?![\d/])"
    r"(?!\s*-?\s*(?:inch|in\b|\"|x\s*\d))"  # a size ("9-inch", "9x13"), not a count
    r"(?P<dozen>\s+dozen)?",
    re.IGNORECASE,
)
_YIELD_WORDS = re.compile(
    r"\b(?P<word>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen)\b(?P<dozen>\s+dozen)?",
    re.IGNORECASE,
)
_SERVING_WORDS = r"(?:servings?|serves|portions?|slices?|pieces?|people|persons?|wedges?|squares?|bars?)"
# "12 servings", "10 slices", "serves 6", "serves: 4-6"
_COUNTED_SERVINGS = re.compile(
    rf"(?<![\d/.])(?P<count>\d{{1,4}}(?:\s*(?:-|to)\s*\d{{1,4}})?)\s+(?:\w+\s+)?{_SERVING_WORDS}\b"
    r"|\bserves:?\s+(?P<serves>\d{1,4}(?:\s*(?:-|to)\s*\d{1,4})?)",
    re.IGNORECASE,
)


# Standard pieces of a whole baked item (USDA SR28 portions; see the module docstring).
PIECES_PER_ITEM = {"cake": 12, "cheesecake": 12, "pie": 8, "quiche": 8, "pizza": 8, "loaf": 12}
_ITEM_NAMES = {
    "cakes": "cake",
    "cheesecakes": "cheesecake",
    "pies": "pie",
    "quiches": "quiche",
    "pizzas": "pizza",
    "loaves": "loaf",
} | {name: name for name in PIECES_PER_ITEM}
# The item right after the number: "2 loaves", "1 (9-inch) pie", "1 large cake"; not "12 cupcakes".
# Tarts are left out: "8 tarts" are usually eight small ones.
_WHOLE_ITEM = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?(?:(?:large|small|medium|round|square|layer|bundt|sheet|\d+[- ]inch|\d+\s*\"|9x13|8x8)\s*)*"
    r"(?P<item>cakes?|cheesecakes?|pies?|quiches?|pizzas?|loaf|loaves)\b",
    re.IGNORECASE,
)


def _middle(text: str) -> float:
    numbers = [float(n) for n in re.findall(r"\d+", text)]
    return (numbers[0] + max(numbers[-1], numbers[0])) / 2


def parse_yields(text: str) -> int | None:
    """Servings from a yield text ("Serves 4", "4-6" -> 5, "1 loaf (12 slices)" -> 12); None if none."""
    try:
        normalised = units.normalise(str(text or ""))
    except Exception:
        return None
    counted = _COUNTED_SERVINGS.search(normalised)
    if counted:
        value = _middle(counted.group("count") or counted.group("serves"))
        return int(value) if value >= 1 else None
    found = _YIELD_AMOUNT.search(normalised)
    word = _YIELD_WORDS.search(normalised)
    if found and word and word.start() < found.start():
        found = None  # "one 9-inch cake": the count is the word
    if found:
        low = float(found.group("lo"))
        high = float(found.group("hi")) if found.group("hi") else low
        value = (low + max(high, low)) / 2
        if found.group("dozen"):
            value *= 12
        after = normalised[found.end() :]
    else:
        if not word:
            return None
        value = units.number_value(word.group("word")) or 0.0
        if word.group("dozen"):
            value *= 12
        after = normalised[word.end() :]
    pieces = _WHOLE_ITEM.search(after)
    if pieces:
        value *= PIECES_PER_ITEM[_ITEM_NAMES[pieces.group("item").lower()]]
    servings = int(value)
    return servings if servings >= 1 else None
