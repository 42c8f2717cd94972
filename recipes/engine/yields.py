"""Servings from a recipe's yield text: "Serves 4", "4-6 servings", "Makes 12 muffins", "1 cake".

- A count of servings, slices or pieces anywhere in the text wins ("1 loaf (12 slices)" -> 12,
  "Makes 1 cake; serves 10" -> 10).
- Otherwise the first number; a range gives its middle, rounded down ("4-6" -> 5); "2 dozen" -> 24.
- A whole item ("1 cake", "2 loaves") stays that many servings: publishers give per-slice values for
  some and per-item values for others (issue 3: cutting cakes into 12 and pies into 8 helped as many
  recipes of the development set as it hurt).
"""

from __future__ import annotations

import re

from . import units

_YIELD_AMOUNT = re.compile(
    r"(?<![\d/.])(?P<lo>\d{1,5}(?:\.\d+)?)(?:\s*(?:-|to|or)\s*(?P<hi>\d{1,5}(?:\.\d+)?))?(?![\d/])(?P<dozen>\s+dozen)?",
    re.IGNORECASE,
)
_YIELD_WORDS = re.compile(
    r"\b(?P<word>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen)\b(?P<dozen>\s+dozen)?",
    re.IGNORECASE,
)
_SERVING_WORDS = r"(?:servings?|serves|portions?|slices?|pieces?|people|persons?|wedges?)"
# "12 servings", "10 slices", "serves 6", "serves: 4-6"
_COUNTED_SERVINGS = re.compile(
    rf"(?<![\d/.])(?P<count>\d{{1,4}}(?:\s*(?:-|to)\s*\d{{1,4}})?)\s+(?:\w+\s+)?{_SERVING_WORDS}\b"
    r"|\bserves:?\s+(?P<serves>\d{1,4}(?:\s*(?:-|to)\s*\d{1,4})?)",
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
    if found:
        low = float(found.group("lo"))
        high = float(found.group("hi")) if found.group("hi") else low
        value = (low + max(high, low)) / 2
        if found.group("dozen"):
            value *= 12
    else:
        word = _YIELD_WORDS.search(normalised)
        if not word:
            return None
        value = units.number_value(word.group("word")) or 0.0
        if word.group("dozen"):
            value *= 12
    servings = int(value)
    return servings if servings >= 1 else None
