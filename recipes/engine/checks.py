"""A match and the checks that turn a found food down, for the matcher (recipes/engine/matcher.py).

`Match` is a food with the confidence the matcher gives it; below MIN_CONFIDENCE a line is reported
as unmatched. The checks here need no index: a plant-based alternative of a dairy food, a fresh fruit
found for a dried one, and the lean share a line gives a ground meat. Pure Python, no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .forms import PLANT_BASED, PLANT_BASED_PAIRS
from .types import FoodRecord

MIN_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Match:
    food: FoodRecord | None
    confidence: float
    matched_on: str = ""  # the name or alias that matched

    @property
    def matched(self) -> bool:
        return self.food is not None and self.confidence >= MIN_CONFIDENCE


NO_MATCH = Match(None, 0.0)


# A plant-based alternative of a dairy food found by its dairy noun (forms.PLANT_BASED) is reported.
PLANT_BASED_CONFIDENCE = 0.45  # below MIN_CONFIDENCE: reported as unmatched
MADE_OF_CONFIDENCE = 0.45  # below MIN_CONFIDENCE: reported as unmatched


def unless_plant_based(found: Match, words: list[str]) -> Match:
    food = found.food
    if food is None or not food.contains_dairy or not food.food_group.startswith("dairy"):
        return found
    others = [w for w in words if w not in found.matched_on.split()]
    pairs = set(zip(others, others[1:], strict=False))
    if PLANT_BASED.intersection(others) or pairs.intersection(PLANT_BASED_PAIRS):
        return Match(food, min(found.confidence, PLANT_BASED_CONFIDENCE), found.matched_on)
    return found


# A fruit row below this energy is fresh (cherries 63 kcal/100 g); dates, raisins and prunes (240-300) are
# dried already, so "dried dates" are still dates.
DRIED_FRUIT_KCAL = 200.0


def unless_fresh_for_dried(found: Match, words: list[str]) -> Match:
    """ "dried cherries" matched to fresh cherries: a USDA dried row is tried, else the line is reported."""
    food = found.food
    if (
        food is None
        or "dried" not in words
        or "dried" in found.matched_on.split()
        or food.food_group != "fruits"
        or (food.energy_kcal or 0) >= DRIED_FRUIT_KCAL
    ):
        return found
    return Match(food, min(found.confidence, MADE_OF_CONFIDENCE), found.matched_on)


# "90% lean ground beef" (normalised "90 lean ground beef"): a curated row for one lean share of a ground meat.
LEAN_NAME = re.compile(r"^(\d{2}) lean (.+)$")
LEAN_TOLERANCE = 3  # percentage points: "92% lean" takes the 93 % row, "88/12" the 90 % or 85 % one
_LEAN_WORDS = frozenset({"lean", "percent", "fat", "free"})


def lean_share(words: list[str], prep_words: list[str]) -> tuple[int | None, list[str]]:
    """The lean percentage a line gives a ground meat, and the food words without it.

    "90/10 ground beef", "93% lean ground turkey", "ground beef (lean, 90%)", "99% fat free": a two-digit
    share of 70-99 with its fat share adding to 100, or beside "lean", "percent" or "fat free".
    """
    for source in (words, prep_words):
        for i, word in enumerate(source):
            if not (word.isdigit() and len(word) == 2 and 70 <= int(word) <= 99):
                continue
            after = source[i + 1 : i + 3]
            ratio = bool(after) and after[0].isdigit() and int(word) + int(after[0]) == 100
            if ratio or (after and after[0] in _LEAN_WORDS) or "lean" in words or "lean" in prep_words:
                drop = {i, i + 1} if ratio else {i}
                kept = [
                    w for j, w in enumerate(words) if w not in _LEAN_WORDS and (source is not words or j not in drop)
                ]
                return int(word), kept
    return None, words


# Describing words that make another food of a bare noun: "hot sauce" is not every sauce, "pulled pork" not
# every pork, "crushed chillies" not a fresh chilli. Without them a one-word name claims nothing.
_DEFINING_WORDS = frozenset({"hot", "pulled", "crushed", "cold", "minced", "ground", "bone"})


def names_another_food(name: str, stripped: str) -> bool:
    return " " not in stripped and bool(_DEFINING_WORDS.intersection(name.split()))
