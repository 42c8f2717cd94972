"""Grams of one piece of a food: its named USDA portion, sized or not, and generic piece weights.

A count or a named piece ("2 cloves", "1 large egg", "1 fennel bulb") is weighed through the food's
matching USDA portion, scaled by size; the tables here (a pinch, a can, a bunch, a lemon's juice)
are the estimates used when the food has no such portion. Pure Python, no Django.
"""

from __future__ import annotations

import re

from . import units
from .types import FoodRecord, Portion

# Used only when the food has no portion for the unit; grams per one unit.
GENERIC_UNIT_GRAMS = {
    "pinch": 0.36,
    "dash": 0.6,
    "smidgen": 0.2,
    "drop": 0.05,
    "handful": 30.0,
    "sprig": 1.0,
    "leaf": 0.5,
    "clove": 4.0,
    "bunch": 80.0,
    "stick": 113.0,  # a US stick of butter
    "can": 400.0,
    "tin": 400.0,
    "jar": 340.0,
    "package": 300.0,
    "packet": 7.0,
    "bag": 300.0,
    "box": 450.0,
    "cube": 5.0,
    "slice": 28.0,
    "piece": 50.0,
    "fillet": 150.0,
    "breast": 175.0,
    "thigh": 110.0,
    "stalk": 40.0,
    "rib": 40.0,
    "head": 500.0,
    "ear": 100.0,
    "strip": 10.0,
    "scoop": 30.0,
    "inch": 10.0,
    "knob": 10.0,
    "thumb": 20.0,  # a thumb of ginger: about 5 cm (2 inches) of root, at the 10 g an inch above
    "envelope": 7.0,
    "sheet": 10.0,
    "splash": 5.0,
    "drizzle": 5.0,
    "squeeze": 5.0,
    "bottle": 330.0,
    "carton": 500.0,
    "container": 170.0,  # a single-serve yogurt pot
    "block": 400.0,  # a block of tofu
    "loaf": 450.0,
    "wedge": 30.0,
    "link": 75.0,  # a sausage link
    "punnet": 250.0,
}

# "Juice of 1 lemon", "zest of 2 limes": grams per fruit (USDA SR28 "yield" portions for juice;
# zest: USDA lemon/orange peel, about 1 tbsp per fruit).
CITRUS_UNIT_GRAMS = {
    "lemon": {"juice": 47.0, "zest": 2.0},
    "lime": {"juice": 44.0, "zest": 1.5},
    "orange": {"juice": 86.0, "zest": 4.0},
}
CINNAMON_STICK_G = 2.6
# A bunch of a vegetable (kale, chard, asparagus, radishes) when its USDA row has none: USDA 11457 spinach
# "1 bunch" = 340 g (broccoli's is 608 g). The generic 80 g bunch is for herbs.
VEGETABLE_BUNCH_G = 340.0
FRESH_ROOTS = ("ginger", "turmeric", "galangal", "lemongrass", "horseradish")  # a piece of these is a chunk of root
# SR28 weighs large fish by the half fillet (salmon 15236: "0.5 fillet" 198 g): its fillet is a whole side.
# A recipe's "1 salmon fillet" is a portion piece, which is USDA's half fillet, not the side.
HALF_FILLET = 0.5


def portion_words(portion: Portion) -> str:
    """The portion's description, lower-cased: 'cup, chopped', 'head (6" dia)'."""
    return portion.unit.lower()


def portion_head(portion: Portion) -> str:
    """The measure a portion names, without its qualifiers: "cup, chopped" -> "cup", "head (6" dia)" -> "head"."""
    return portion_words(portion).split(",")[0].split("(")[0].strip()


def _one_piece(portion: Portion) -> float:
    """Grams of one piece of a portion; USDA's "0.5 fillet" of a large fish is one recipe fillet."""
    if portion_words(portion) == "fillet" and portion.amount == HALF_FILLET:
        return portion.grams
    return portion.grams / portion.amount


def piece_grams(food: FoodRecord, words: tuple[str, ...], size: str = "") -> float | None:
    """Grams of one piece from the first portion whose description starts with one of `words`.

    Of several sized ones ("head, large" 755 g, "head, medium" 539 g, "head, small") the line's size
    is taken, else the medium one: a line that names no size means an ordinary piece.
    """
    for word in words:
        found = [
            portion
            for portion in food.portions
            if portion.amount > 0
            and ((unit := portion_words(portion)) == word or unit.startswith((word + " ", word + ",", word + "(")))
        ]
        if found:
            wanted = size.replace("extra ", "") or "medium"
            portion = next((p for p in found if wanted in portion_words(p)), found[0])
            return _one_piece(portion)
    for word in words:
        for portion in food.portions:
            unit = portion_words(portion)
            # "cup, whole" (USDA almonds, basil leaves) is a volume, not one whole piece; "slice, medium"
            # is a slice, not a medium loaf.
            head = portion_head(portion).split()
            measure = units.UNIT_WORDS.get(head[0], "") if head else ""
            if (measure == "slice" or units.dimension(measure) in (units.VOLUME, units.MASS)) and measure != (
                units.UNIT_WORDS.get(word, word)
            ):
                continue
            if re.search(rf"\b{re.escape(word)}s?\b", unit) and portion.amount > 0:
                return _one_piece(portion)
    return None


_COUNT_PORTIONS = ("medium", "whole", "each", "fruit", "item", "piece", "regular", "large", "small", "serving")
_NOT_COUNT = ("cup", "tbsp", "tsp", "oz", "lb", "fl oz", "ml", "g", "pat", "quart", "pint")
# A container holds many pieces: "2 rashers bacon" is never USDA's "package" of bacon.
_CONTAINER_PORTIONS = ("package", "pkg", "container", "box", "bag", "can", "jar", "bottle", "carton", "tub")


_NOT_A_KIND = frozenset({"whole", "medium", "large", "small", "fresh", "raw", "cooked"})


def _kind_piece_grams(food: FoodRecord) -> float | None:
    """The portion named by the food's kind: "cherry" (17 g) of cherry tomato, not a medium tomato (123 g).

    Curated foods share a USDA row with their kinds; SR28 lists some kinds as portions of that row.
    """
    name = food.name.lower()
    kinds = set(name.split()[:-1]) - _NOT_A_KIND
    if not kinds:
        return None
    names = {name, *(alias.lower() for alias in food.aliases)}  # "roma tomato" is USDA's "plum tomato"
    for portion in food.portions:
        head = portion_head(portion)
        if (head in names or head in kinds) and portion.amount > 0:
            return portion.grams / portion.amount
    return None


def _own_piece_grams(food: FoodRecord) -> float | None:
    """Grams of the portion named by the food's own noun: "1 tortilla" of flour tortilla, "1 cherry".

    USDA lists the plain piece beside sized ones ("tortilla" 48 g, "tortilla medium (approx 6" dia)"
    30 g); a line that counts the food without a size means the plain piece. An "each" portion of
    the curated table still wins.
    """
    noun = food.name.lower().split()[-1] if food.name.strip() else ""
    if not noun:
        return None
    nouns = {noun, noun.removesuffix("s"), noun.removesuffix("es")}
    heads = [(portion_head(p), p) for p in food.portions]
    if any(head == "each" for head, _ in heads):
        return None
    # "50 raisins" names the piece too; of several ("wrapper, eggroll", "wrapper, wonton") the one of the food's kind
    found = [p for head, p in heads if (head in nouns or head.removesuffix("s") in nouns) and p.amount > 0]
    if not found:
        return None
    kinds = set(food.name.lower().split()[:-1])
    portion = next((p for p in found if kinds & set(re.findall(r"[a-z]+", portion_words(p)))), found[0])
    return portion.grams / portion.amount


# A size with no USDA portion of its own scales the ordinary piece (or a loose measure: "a small handful").
SIZE_FACTORS = {"small": 0.7, "large": 1.3, "extra large": 1.5, "jumbo": 1.6}


def count_grams(food: FoodRecord, size: str) -> float | None:
    """Grams of one whole item ("1 onion", "2 large eggs")."""
    # The food's own piece: the one its kind names ("rack" of rack of lamb, "cherry" of cherry tomato), then
    # the curated table's ("each": a pearl onion is not USDA's medium onion). A size scales it: USDA's sized
    # portions are of the row's base food ("8 small new potatoes" are not USDA's 170 g small potatoes).
    own = _kind_piece_grams(food) or piece_grams(food, ("each",))
    if size and own:
        return own * SIZE_FACTORS.get(size, 1.0)
    if size:
        found = piece_grams(food, (size, size.replace("extra ", "")))
        if found:
            return found
        # "large" asked but only "medium" (or the plain piece) known: scale by typical size ratios.
        if size == "large" and (regular := piece_grams(food, ("regular",))):
            return regular  # "20 large marshmallows" are USDA's regular ones, beside its miniatures
        medium = piece_grams(food, ("medium",)) or _own_piece_grams(food) or _unsized_piece_grams(food)
        if medium:
            return medium * SIZE_FACTORS.get(size, 1.0)
    found = own or _own_piece_grams(food) or piece_grams(food, _COUNT_PORTIONS)
    if found:
        return found
    return _unsized_piece_grams(food) or _counted_in_measure(food)


# USDA counts small pieces inside a measure: walnuts "oz (14 halves)", pecans "oz (19 halves)".
# Recipes count shelled kernels and halves, so those come before USDA's whole nuts in the shell.
_PIECES_IN = (
    re.compile(r"\((\d+)\s+(?:whole\s+)?(?:kernels|halves)\)"),
    re.compile(r"\((\d+)\s+(?:nuts|pieces)\)"),
)


def _counted_in_measure(food: FoodRecord) -> float | None:
    """One piece of a measure USDA counts: "10 walnut halves" are 10 of the 14 halves in an ounce."""
    for pattern in _PIECES_IN:
        for portion in food.portions:
            found = pattern.search(portion_words(portion))
            if found and portion.amount > 0:
                return portion.grams / portion.amount / int(found.group(1))
    return None


_SIZED = re.compile(r"\b(?:small|medium|large|extra|jumbo)\b")


_PARTS = ("leaf", "slice", "floweret", "sprig", "wedge", "strip")


def _unsized_piece_grams(food: FoodRecord) -> float | None:
    """The first portion that is neither a measure nor a size: USDA's one piece ("sweetpotato, 5\" long").

    A part of the food (a leaf, a slice) is taken only when nothing else is listed.
    """
    found: list[Portion] = []
    for portion in food.portions:
        unit = portion_words(portion)
        head = portion_head(portion)
        if (
            not head
            or any(head == n or head.startswith(n + " ") for n in (*_NOT_COUNT, *_CONTAINER_PORTIONS))
            or portion.amount <= 0
        ):
            continue
        if not _SIZED.search(unit):
            found.append(portion)
    whole = [p for p in found if not portion_words(p).startswith(_PARTS)]
    return _one_piece((whole or found)[0]) if found else None


def unit_words(unit: str) -> tuple[str, ...]:
    """The unit and its other singular names, as USDA may word the portion: head -> head, bulb."""
    others = [alias for alias in units.ALIASES.get(unit, ()) if alias != unit and not alias.endswith("s")]
    return (unit, *others)
