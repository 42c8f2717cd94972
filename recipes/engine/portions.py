"""Weights of household measures: how many grams a line's amount is, for one food.

Order of evidence: a weight written on the line (its edible or drained share: recipes/engine/shares.py);
a volume through the food's own USDA cup/tbsp/tsp portions (or its density, here); a count or a named
piece (clove, slice, medium) through the food's matching USDA portion (recipes/engine/pieces.py, with
lengths and diameters in recipes/engine/inches.py); last, a small table of generic weights, each
marked as an estimate. `line_grams` is the entry point.
"""

from __future__ import annotations

import re

from .inches import BREAD_SLICE_INCHES, MAX_SLICE_INCHES, diameter_grams, written_inches
from .pieces import (
    CINNAMON_STICK_G,
    CITRUS_UNIT_GRAMS,
    FRESH_ROOTS,
    GENERIC_UNIT_GRAMS,
    SIZE_FACTORS,
    VEGETABLE_BUNCH_G,
    count_grams,
    piece_grams,
    portion_head,
    portion_words,
    unit_words,
)
from .shares import drained_share, edible_share
from .types import FoodRecord, ParsedLine

ML_PER_UNIT = {
    "cup": 236.588,
    "tbsp": 14.787,
    "tablespoon": 14.787,
    "tsp": 4.929,
    "teaspoon": 4.929,
    "fl oz": 29.574,
    "ml": 1.0,
    "l": 1000.0,
    "liter": 1000.0,
    "pint": 473.176,
    "quart": 946.353,
}

# A whole spice counted by the piece (a clove, a cardamom pod): the kitchen conversion "1 whole clove =
# 1/8 tsp ground", weighed through the ground spice's USDA density (cloves 02011: 1 tsp = 2.1 g).
WHOLE_SPICE_ML = ML_PER_UNIT["tsp"] / 8


def grams_per_ml(food: FoodRecord) -> float | None:
    """The food's density from its USDA volume portions (cup first), else its stored density."""
    best: float | None = None
    best_rank = 99
    for portion in food.portions:
        unit = portion_words(portion)
        head = portion_head(portion)
        for rank, name in enumerate(("cup", "tbsp", "tablespoon", "tsp", "teaspoon", "fl oz", "ml")):
            if head == name or head.startswith(name + " "):
                # A plain "cup" beats "cup, chopped" and "cup whole kernels" (almonds: a curated "cup" of
                # almond flour, 112 g, beats the USDA cup of whole nuts, 145 g); the first plain one found
                # wins. A whipped measure (USDA cream: "cup, whipped" 120 g beside "cup, fluid" 238 g) is
                # last: recipes pour cream.
                penalty = 0 if head == name and head == unit.strip() else 0.5
                if "whipped" in unit.split("(")[0]:
                    penalty += 10
                if rank + penalty < best_rank and portion.amount > 0:
                    best_rank = rank + penalty
                    best = portion.grams / (portion.amount * ML_PER_UNIT[name])
                break
    if best is not None:
        return best
    return food.density_g_per_ml


def _volume_portion_for(food: FoodRecord, parsed: ParsedLine) -> float | None:
    """Grams per ml from the portion whose description best fits the preparation ("cup, chopped").

    Cream whipped after measuring ("1 cup heavy cream, whipped") was measured liquid; cream measured
    whipped names it first ("1 cup whipped heavy cream") and takes USDA's "cup, whipped". A tablespoon of
    "ground flaxseed" is USDA's "tbsp, ground" (7 g), not of whole seeds (10.3 g).
    """
    words = [word for word in re.findall(r"[a-z]+", parsed.preparation.lower()) if word != "whipped"]
    # a state kept in the food's name picks its portion too: "ground flaxseed" is USDA's "tbsp, ground" (7 g)
    food_words = set(parsed.food.lower().split())
    words += [word for word in ("whipped", "ground") if word in food_words]
    if food_words & {"meal", "milled"}:
        words.append("ground")  # "flaxseed meal", "milled flaxseed"
    # so is a cut in the curated food's name ("flaked almonds" are the row "sliced almonds", USDA's "cup, sliced")
    # or left in the line's ("1 cup pre-shredded cheddar")
    words += [word for word in food.name.lower().split() if word in _CUTS]
    words += [word for word in re.findall(r"[a-z]+", parsed.food.lower()) if word in _CUTS]
    prep_words = {_stem(word) for word in words}
    if not prep_words:
        return None
    best, best_overlap = None, 0
    for portion in food.portions:
        unit = portion_words(portion)
        head = unit.split(",")[0].strip()
        if head not in ("cup", "tbsp", "tsp"):
            continue
        overlap = len(prep_words & {_stem(word) for word in re.findall(r"[a-z]+", unit)} - {"cup", "tbsp", "tsp"})
        if overlap > best_overlap and portion.amount > 0:
            best_overlap = overlap
            best = portion.grams / (portion.amount * ML_PER_UNIT[head])
    return best


_CUTS = frozenset({"sliced", "slivered", "chopped", "diced", "shredded", "grated", "crushed", "cubed", "minced"})
_SCOOPED = re.compile(r"\b(?:ice cream|gelato|sorbet|frozen yogurt|sherbet|nice cream)\b")
_CUT_STRIPS = re.compile(r"\b(?:sticks?|strips?|batons?)$")


def _stem(word: str) -> str:
    """'cubed', 'cubes' and 'cube' alike: a bread "cubed" takes USDA's "cup, cubes", not "cup, crumbs"."""
    for suffix in ("ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _whole_spice(amount: float, food: FoodRecord) -> tuple[float, str] | None:
    """A whole spice by the piece: each is 1/8 tsp of the ground spice, through its density."""
    density = grams_per_ml(food)
    if not density:
        return None
    return amount * density * WHOLE_SPICE_ML, "whole spice: each taken as 1/8 tsp ground"


def line_grams(parsed: ParsedLine, food: FoodRecord) -> tuple[float | None, str]:
    """Total grams for the line and a note when the weight is an estimate or unknown."""
    if parsed.grams is not None:
        share = edible_share(parsed, food)
        if share is not None:
            return parsed.grams * share, f"edible part of {parsed.grams:.0f} g as bought"
        share = drained_share(parsed, food)
        if share is not None:
            return parsed.grams * share, f"drained solids of {parsed.grams:.0f} g canned"
        return parsed.grams, ""
    amount = parsed.amount
    if parsed.ml is not None:
        density = _volume_portion_for(food, parsed) or grams_per_ml(food)
        if density is None:
            return parsed.ml, "no density known: taken as water"
        return parsed.ml * density, ""
    if amount is None:
        return None, "no amount"
    unit = parsed.unit
    if not unit:
        if _CUT_STRIPS.search(parsed.food) and food.food_group in ("vegetables", "fruits"):
            # "20 carrot sticks": cut strips (USDA "strip medium" 4 g), not whole carrots. A few sticks of a
            # stalked vegetable, or sticks then chopped, are its stalks ("2 celery sticks, chopped", UK: 40 g
            # each); "20 celery sticks" for a dip are strips.
            stalks = amount <= MAX_STALK_STICKS or _CUT_UP.search(parsed.preparation)
            strip = (stalks and piece_grams(food, ("stalk",), parsed.size)) or piece_grams(
                food, ("strip", "stick"), parsed.size
            )
            if strip is not None:
                return amount * strip, ""
            return amount * GENERIC_UNIT_GRAMS["strip"], "estimated weight for a strip"
        each = (
            diameter_grams(food, parsed)
            or _named_part(food, parsed)
            or _whole_head(food, parsed)
            or count_grams(food, parsed.size)
        )
        if each is not None:
            return amount * each, ""
        # "1 bay leaf", "2 celery stalks": the food is named by its piece.
        piece = food.name.lower().split()[-1].rstrip("s")
        spice = food.food_group == "herbs and spices"
        if spice and piece == "stick":  # "1 cinnamon stick", not a stick of butter
            return amount * CINNAMON_STICK_G, "estimated weight for a cinnamon stick"
        if piece in GENERIC_UNIT_GRAMS and not (spice and piece == "clove"):
            return amount * GENERIC_UNIT_GRAMS[piece], f"estimated weight for a {piece}"
        if spice and (whole := _whole_spice(amount, food)):  # "4 whole cloves", "3 cardamom pods"
            return whole
        return None, f"no weight known for one {food.name}"
    # "1 fennel bulb": USDA names the piece by any word for the unit ("bulb" 234 g, not a generic head)
    size = parsed.size or (_slice_thickness(parsed.note) if unit == "slice" else "")
    piece = piece_grams(food, unit_words(unit), size)
    if piece is None and unit in ("packet", "box", "tube"):
        # "2 packets instant ramen": USDA's package, 81 g; "1 box instant pudding": its 3.5-oz package
        piece = piece_grams(food, unit_words("package"))
    if piece is None and unit == "package":
        piece = piece_grams(food, unit_words("packet"))  # "1 package active dry yeast": its 7 g packet
    if piece is None and unit == "fillet":
        piece = count_grams(food, parsed.size)  # "4 chicken breast fillets": a fillet is one whole piece
    if piece is None and unit == "strip":
        piece = piece_grams(food, ("slice",))  # "3 strips bacon": USDA weighs bacon by the slice
    if piece is not None:
        inches = (written_inches(parsed.note) or 0.0) if unit == "slice" and food.food_group == "grains" else 0.0
        if 0 < inches <= MAX_SLICE_INCHES:
            # "9 slices (1-inch) bread": USDA's bread slice is a 1/2-inch sandwich slice
            return amount * piece * inches / BREAD_SLICE_INCHES, f"{inches:g}-inch slices"
        return amount * piece, ""
    if unit in CITRUS_UNIT_GRAMS:
        part = "zest" if any(w in food.name.lower() for w in ("zest", "peel", "rind")) else "juice"
        return amount * CITRUS_UNIT_GRAMS[unit][part], f"estimated {part} of a {unit}"
    if unit == "piece" and (inches := written_inches(parsed.note)) is not None and "cinnamon" not in food.name.lower():
        # "1 (1-inch) piece ginger": a piece by its length
        return amount * inches * GENERIC_UNIT_GRAMS["inch"], f"estimated weight for a {inches:g}-inch piece"
    if food.food_group == "herbs and spices" and (
        unit == "stick" or unit == "piece" and "cinnamon" in food.name.lower()
    ):
        return amount * CINNAMON_STICK_G, "estimated weight for a cinnamon stick"
    if (
        unit == "piece"
        and food.food_group == "herbs and spices"
        and not any(root in food.name.lower() for root in FRESH_ROOTS)
        and (whole := _whole_spice(amount, food))
    ):
        return whole  # "2 pieces star anise"
    if unit == "piece" and food.food_group in ("vegetables", "fruits"):
        # "6-8 pcs okra", "3 pcs carrots": a piece of a small vegetable or fruit is one whole one; a piece of
        # a pumpkin or a cabbage is not
        whole = count_grams(food, parsed.size)
        if whole is not None and whole <= MAX_WHOLE_PIECE_G:
            return amount * whole, ""
    if unit == "stick" and food.food_group in ("vegetables", "fruits"):
        # "2 sticks celery" (UK): a stalk, not a 113 g stick of butter; "carrot sticks": a strip
        stalk = piece_grams(food, ("stalk", "strip"))
        if stalk is not None:
            return amount * stalk, ""
        return amount * GENERIC_UNIT_GRAMS["stalk"], "estimated weight for a stick of a vegetable"
    # "1 small bunch dill", "a large handful of spinach": a loose measure scaled by its size
    loose = SIZE_FACTORS.get(parsed.size, 1.0) if unit in _LOOSE_MEASURES else 1.0
    if unit == "bunch" and food.food_group.lower().startswith("vegetable"):
        return amount * VEGETABLE_BUNCH_G * loose, "estimated weight for a bunch of vegetables"
    if unit == "scoop" and _SCOOPED.search(food.name.lower()) and (density := grams_per_ml(food)):
        # "2 scoops vanilla ice cream": a serving scoop is 1/2 cup (USDA's ice cream serving), not a 30 g
        # scoop of protein powder
        return amount * ML_PER_UNIT["cup"] / 2 * density, "a scoop taken as 1/2 cup"
    if unit == "packet" and food.food_group in _PACKAGED_GROUPS:
        # "1 packet egg noodles", "1 packet puff pastry": a packet of a staple is a package, not the 7 g
        # sachet of yeast, gelatin or sweetener the generic packet is
        return amount * GENERIC_UNIT_GRAMS["package"], "estimated weight for a packet (a package)"
    if unit in GENERIC_UNIT_GRAMS:
        article = "an" if unit[0] in "aeiou" else "a"
        return amount * GENERIC_UNIT_GRAMS[unit] * loose, f"estimated weight for {article} {unit}"
    return None, f"no weight known for '{unit}' of {food.name}"


_LOOSE_MEASURES = frozenset({"bunch", "handful"})
_PACKAGED_GROUPS = frozenset(
    {"grains", "vegetables", "fruits", "legumes", "meat", "fish and seafood", "dairy and eggs", "nuts and seeds"}
)


MAX_STALK_STICKS = 4
MAX_WHOLE_PIECE_G = 250.0  # a counted "piece" is the whole food up to a large potato or onion
_CUT_UP = re.compile(r"\b(?:chopped|diced|sliced|minced|cut)\b", re.IGNORECASE)
_THICK = re.compile(r"\b(?:extra[\s-])?thick\b", re.IGNORECASE)
_THIN = re.compile(r"\bthin\b", re.IGNORECASE)


def _slice_thickness(note: str) -> str:
    """ "4 thick slices bread": USDA's large slice; "3 thin slices": its small one; else no size."""
    if _THICK.search(note):
        return "large"
    if _THIN.search(note):
        return "small"
    return ""


# "4 dill pickle spears", "8 broccoli florets", "4 romaine leaves", "3 gelatine sheets": the part the line
# names, by the food's portion for it (a lettuce leaf, not a head)
_NAMED_PARTS = {
    "spear": ("spear",),
    "floret": ("floret", "floweret"),
    "wedge": ("wedge",),
    "leaf": ("leaf",),
    "sheet": ("sheet",),
}


def _named_part(food: FoodRecord, parsed: ParsedLine) -> float | None:
    words = parsed.food.lower().split()
    noun = words[-1].removesuffix("s") if words else ""
    noun = "leaf" if noun == "leave" else noun
    part = _NAMED_PARTS.get(noun)
    if not part:
        return None
    grams = piece_grams(food, part, parsed.size)
    if grams is None and noun == "wedge" and food.food_group == "fruits" and (whole := count_grams(food, parsed.size)):
        grams = whole / WEDGES_PER_FRUIT  # "4 lime wedges": an eighth of a lime, as USDA's lemon wedge
    return grams


WEDGES_PER_FRUIT = 8  # USDA SR28 09150: "wedge or slice (1/8 of one 2-1/8" dia lemon)" 7 g


def _whole_head(food: FoodRecord, parsed: ParsedLine) -> float | None:
    """ "1 cos lettuce", "1 butter lettuce": a counted leafy vegetable is a head, not a leaf or a serving.

    Only for a food USDA weighs both by the head and by the leaf (romaine, butterhead, pak choi); "2 romaine
    hearts" are not whole heads.
    """
    if "heart" in parsed.food.lower() or not any(portion_words(p).startswith("leaf") for p in food.portions):
        return None
    return piece_grams(food, ("head",), parsed.size)
