"""The eaten share of a weight written on a line: as bought (bones, peel, trimmings) or canned (liquid).

"1 whole chicken (3 1/2 lb)" is weighed with its bones, "2 lb potatoes, peeled" with their peel and
"1 (15 oz) can chickpeas" with the can's liquid; these give the share of that weight the food's values
are for (recipes/engine/portions.py scales by it). Pure Python, no Django.
"""

from __future__ import annotations

import re

from .pieces import portion_words
from .types import FoodRecord, ParsedLine

# A bird weighed as bought ("1 whole chicken (3 1/2 lb)") includes its bones. A food whose curated row has
# an "lb as bought" portion (the edible grams SR28 gives per pound ready-to-cook) is scaled to its edible
# part when the line gives its weight, unless the line says the weight is meat only.
AS_BOUGHT_UNIT = "lb as bought"
# A cut sold both ways (pork shoulder, pork chops, leg of lamb, ham) carries the edible grams per pound
# bought bone-in as an "lb bone-in" portion, used only when the line says the cut is on the bone; shrimp
# likewise carry an "lb shell-on" portion, used when the line says they are weighed in their shells.
BONE_IN_UNIT = "lb bone-in"
SHELL_ON_UNIT = "lb shell-on"
POUND_G = 453.592
# A US "303" can (303 x 406), the usual can of beans and vegetables: 15.5 oz net.
STANDARD_CAN_G = 439.4
_MEAT_ONLY = re.compile(r"\b(?:boneless|skinless|meat|fillets?|breasts?|cooked|shredded|diced|cubed)\b")
_BONE_IN = re.compile(r"\bbone[\s-]*in\b|\bon the bone\b|\bwith (?:the )?bones?\b")
_SHELL_ON = re.compile(r"\bshell[\s-]*on\b|\bin (?:the |their )?shells?\b|\bunpeeled\b|\bwith (?:the )?shells?\b")
_PEELED = re.compile(r"\b(?:peeled|shelled)\b")


def _written(unit: str, raw: str) -> bool:
    """Whether the line says the weight is on the bone or in the shell, for an `lb bone-in`/`lb shell-on` portion."""
    if unit == BONE_IN_UNIT:
        return bool(_BONE_IN.search(raw)) and "boneless" not in raw
    if unit == SHELL_ON_UNIT:
        return bool(_SHELL_ON.search(raw)) and not _PEELED.search(raw)
    return False


def edible_share(parsed: ParsedLine, food: FoodRecord) -> float | None:
    """The edible share of a weight written as bought, or None when the weight is all eaten.

    Meat and fish weighed with bone ("1 whole chicken (3 1/2 lb)", "2 lb chicken wings") unless the line
    says meat only; a cut sold both ways ("1 (4 lb) bone-in pork shoulder", "1 lb shell-on shrimp") only when
    the line says it is weighed on the bone or in its shell; a
    vegetable or fruit only when the line trims it after weighing ("2 lb potatoes, peeled"), through
    USDA's refuse for that food.
    """
    animal = food.food_group in ("meat", "fish and seafood") or food.contains_meat or food.contains_fish
    for portion in food.portions:
        if portion.amount <= 0:
            continue
        if portion.unit == AS_BOUGHT_UNIT:
            if animal and _MEAT_ONLY.search(f"{parsed.food} {parsed.preparation}"):
                return None
            if not animal and not parsed.trimmed_after:
                return None
            return portion.grams / (portion.amount * POUND_G)
        if _written(portion.unit, parsed.raw.lower()):
            return portion.grams / (portion.amount * POUND_G)
    return None


def drained_share(parsed: ParsedLine, food: FoodRecord) -> float | None:
    """The drained share of a can's net weight, for a food whose values are its drained solids.

    "1 (15 oz) can chickpeas" weighs the can's contents, liquid and all; USDA 16358 (chickpeas, canned,
    drained solids) gives "1 can drained" = 253 g, 58 % of a standard 15.5-oz can. Only legumes and
    vegetables: USDA's fish cans come in many sizes.
    """
    if parsed.unit != "can" or not food.food_group.lower().startswith(("legume", "vegetable")):
        return None
    for portion in food.portions:
        unit = portion_words(portion)
        if unit.startswith("can") and "drain" in unit and "(" not in unit and portion.amount > 0:
            return min(1.0, portion.grams / portion.amount / STANDARD_CAN_G)
    return None
