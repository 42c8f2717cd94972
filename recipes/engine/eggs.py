"""Egg whites and yolks counted by the egg: "whites of 3 eggs", "yolks from 2 large eggs", "4 eggs, whites only".

The food becomes the part used ("egg white", "egg yolk") and the amount stays the number of eggs, so
USDA's white (33 g) or yolk (17 g) of one large egg weighs it, not a whole egg (50 g) or nothing.
"""

from __future__ import annotations

import re

from .draft import Draft

EGG_PART = re.compile(r"^(?:the\s+)?(?P<part>whites?|yolks?)\s+(?:of|from)\s+(?:the\s+)?", re.IGNORECASE)
_ONLY = re.compile(r"^(?:the\s+)?(?P<part>whites?|yolks?)\s+only$|^only\s+(?:the\s+)?(?P<after>whites?|yolks?)$")
_EGGS = re.compile(r"^(?P<kind>(?:[a-z-]+\s+)*?)eggs?$")


def part_of(part: str, food: str) -> str:
    """'eggs' with part 'whites' -> 'egg white'; a food other than eggs is left as it is."""
    eggs = _EGGS.match(food)
    if not eggs:
        return food
    noun = "white" if part.lower().startswith("white") else "yolk"
    return f"{eggs.group('kind')}egg {noun}"


def prepared_part(food: str, draft: Draft) -> str:
    """'4 eggs, whites only' -> 'egg white' (the preparation note is used up)."""
    if draft.low is None or not _EGGS.match(food):
        return food
    for position, preparation in enumerate(draft.preparation):
        only = _ONLY.match(preparation.strip().lower())
        if only:
            del draft.preparation[position]
            return part_of(only.group("part") or only.group("after"), food)
    return food
