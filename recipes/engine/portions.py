"""Weights of household measures: how many grams a line's amount is, for one food.

Order of evidence: a weight written on the line; a volume through the food's own USDA cup/tbsp/tsp
portions (or its density); a count or a named piece (clove, slice, medium) through the food's
matching USDA portion; last, a small table of generic weights, each marked as an estimate.
"""

from __future__ import annotations

import re

from . import units
from .types import FoodRecord, ParsedLine, Portion

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

SIZE_WORDS = ("small", "medium", "large", "extra large", "jumbo")

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
# A whole spice counted by the piece (a clove, a cardamom pod): the kitchen conversion "1 whole clove =
# 1/8 tsp ground", weighed through the ground spice's USDA density (cloves 02011: 1 tsp = 2.1 g).
WHOLE_SPICE_ML = ML_PER_UNIT["tsp"] / 8
FRESH_ROOTS = ("ginger", "turmeric", "galangal", "lemongrass", "horseradish")  # a piece of these is a chunk of root
# SR28 weighs large fish by the half fillet (salmon 15236: "0.5 fillet" 198 g): its fillet is a whole side.
# A recipe's "1 salmon fillet" is a portion piece, which is USDA's half fillet, not the side.
HALF_FILLET = 0.5

# A bird weighed as bought ("1 whole chicken (3 1/2 lb)") includes its bones. A food whose curated row has
# an "lb as bought" portion (the edible grams SR28 gives per pound ready-to-cook) is scaled to its edible
# part when the line gives its weight, unless the line says the weight is meat only.
AS_BOUGHT_UNIT = "lb as bought"
POUND_G = 453.592
# A US "303" can (303 x 406), the usual can of beans and vegetables: 15.5 oz net.
STANDARD_CAN_G = 439.4
_MEAT_ONLY = re.compile(r"\b(?:boneless|skinless|meat|fillets?|breasts?|cooked|shredded|diced|cubed)\b")

_UNIT_WORD = re.compile(r"[a-z]+(?: oz)?")


def _portion_words(portion: Portion) -> str:
    return portion.unit.lower()


def _portion_head(portion: Portion) -> str:
    """The measure a portion names, without its qualifiers: "cup, chopped" -> "cup", "head (6" dia)" -> "head"."""
    return _portion_words(portion).split(",")[0].split("(")[0].strip()


def grams_per_ml(food: FoodRecord) -> float | None:
    """The food's density from its USDA volume portions (cup first), else its stored density."""
    best: float | None = None
    best_rank = 99
    for portion in food.portions:
        unit = _portion_words(portion)
        head = _portion_head(portion)
        for rank, name in enumerate(("cup", "tbsp", "tablespoon", "tsp", "teaspoon", "fl oz", "ml")):
            if head == name or head.startswith(name + " "):
                # A plain "cup" beats "cup, chopped"; the first plain one found wins. A whipped measure
                # (USDA cream: "cup, whipped" 120 g beside "cup, fluid" 238 g) is last: recipes pour cream.
                penalty = 0 if head == unit.strip() else 0.5
                if "whipped" in unit.split("(")[0]:
                    penalty += 10
                if rank + penalty < best_rank and portion.amount > 0:
                    best_rank = rank + penalty
                    best = portion.grams / (portion.amount * ML_PER_UNIT[name])
                break
    if best is not None:
        return best
    return food.density_g_per_ml


def _volume_portion_for(food: FoodRecord, preparation: str) -> float | None:
    """Grams per ml from the portion whose description best fits the preparation ("cup, chopped")."""
    prep_words = set(re.findall(r"[a-z]+", preparation.lower()))
    if not prep_words:
        return None
    best, best_overlap = None, 0
    for portion in food.portions:
        unit = _portion_words(portion)
        head = unit.split(",")[0].strip()
        if head not in ("cup", "tbsp", "tsp"):
            continue
        overlap = len(prep_words & set(re.findall(r"[a-z]+", unit)) - {"cup", "tbsp", "tsp"})
        if overlap > best_overlap and portion.amount > 0:
            best_overlap = overlap
            best = portion.grams / (portion.amount * ML_PER_UNIT[head])
    return best


def _one_piece(portion: Portion) -> float:
    """Grams of one piece of a portion; USDA's "0.5 fillet" of a large fish is one recipe fillet."""
    if _portion_words(portion) == "fillet" and portion.amount == HALF_FILLET:
        return portion.grams
    return portion.grams / portion.amount


def _piece_grams(food: FoodRecord, words: tuple[str, ...], size: str = "") -> float | None:
    """Grams of one piece from the first portion whose description starts with one of `words`.

    Of several sized ones ("head, large" 755 g, "head, medium" 539 g, "head, small") the line's size
    is taken, else the medium one: a line that names no size means an ordinary piece.
    """
    for word in words:
        found = [
            portion
            for portion in food.portions
            if portion.amount > 0
            and ((unit := _portion_words(portion)) == word or unit.startswith((word + " ", word + ",", word + "(")))
        ]
        if found:
            wanted = size.replace("extra ", "") or "medium"
            portion = next((p for p in found if wanted in _portion_words(p)), found[0])
            return _one_piece(portion)
    for word in words:
        for portion in food.portions:
            unit = _portion_words(portion)
            # "cup, whole" (USDA almonds, basil leaves) is a volume, not one whole piece; "slice, medium"
            # is a slice, not a medium loaf.
            head = _portion_head(portion).split()
            measure = units.UNIT_WORDS.get(head[0], "") if head else ""
            if (measure == "slice" or units.dimension(measure) in (units.VOLUME, units.MASS)) and measure != (
                units.UNIT_WORDS.get(word, word)
            ):
                continue
            if re.search(rf"\b{re.escape(word)}s?\b", unit) and portion.amount > 0:
                return _one_piece(portion)
    return None


_COUNT_PORTIONS = ("medium", "whole", "each", "fruit", "item", "piece", "large", "small", "serving")
_NOT_COUNT = ("cup", "tbsp", "tsp", "oz", "lb", "fl oz", "ml", "g", "pat", "quart", "pint")


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
        head = _portion_head(portion)
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
    heads = [(_portion_head(p), p) for p in food.portions]
    if any(head == "each" for head, _ in heads):
        return None
    for head, portion in heads:
        if head in nouns and portion.amount > 0:
            return portion.grams / portion.amount
    return None


_PORTION_DIAMETER = re.compile(r'(\d+)(?:-(\d+)/(\d+))?"[^)]*dia')
_LINE_INCHES = re.compile(r"(\d+(?:\.\d+)?)\s*-?\s*(?:inch(?:es)?|in\b|\")")
_DIAMETER_TOLERANCE_INCHES = 2.0
BURRITO_TORTILLA_INCHES = 10.0  # sold as "burrito size": 10-inch (and larger) flour tortillas
BREAD_SLICE_INCHES = 0.5  # a sandwich-loaf slice, as USDA weighs its bread slices (white bread 18069: 29 g)
MAX_SLICE_INCHES = 2.0
# A slice's stated thickness, fractions read ("3/4-inch"): _LINE_INCHES takes the whole number only.
_THICKNESS = re.compile(r"(\d+(?:\.\d+)?(?:\s*/\s*\d+)?)\s*-?\s*(?:inch(?:es)?|in\b|\")")


def _inches(portion: Portion) -> float | None:
    """The diameter a USDA portion states: 'tortilla (approx 10" dia)' -> 10, 'medium bagel (3-1/2" to 4" dia)' -> 4."""
    found = list(_PORTION_DIAMETER.finditer(portion.unit))
    if not found:
        return None
    whole, numerator, denominator = found[-1].groups()
    return int(whole) + (int(numerator) / int(denominator) if numerator and int(denominator) else 0.0)


def diameter_grams(food: FoodRecord, parsed: ParsedLine) -> float | None:
    """'4 (10-inch) flour tortillas': the food's USDA portion of the nearest stated diameter, if within 2 inches."""
    written = _LINE_INCHES.search(parsed.note) or _LINE_INCHES.search(parsed.food)
    if written:
        inches = float(written.group(1))
    elif "burrito" in f"{parsed.raw}".lower() and "tortilla" in food.name.lower():
        inches = BURRITO_TORTILLA_INCHES  # "2 burrito-size flour tortillas"
    else:
        return None
    best, best_gap = None, _DIAMETER_TOLERANCE_INCHES
    for portion in food.portions:
        diameter = _inches(portion)
        if diameter is not None and portion.amount > 0 and abs(diameter - inches) <= best_gap:
            best, best_gap = portion.grams / portion.amount, abs(diameter - inches)
    return best


def count_grams(food: FoodRecord, size: str) -> float | None:
    """Grams of one whole item ("1 onion", "2 large eggs")."""
    if size:
        found = _piece_grams(food, (size, size.replace("extra ", "")))
        if found:
            return found
        # "large" asked but only "medium" (or the plain piece) known: scale by typical size ratios.
        medium = _piece_grams(food, ("medium",)) or _own_piece_grams(food) or _unsized_piece_grams(food)
        if medium:
            return medium * {"small": 0.7, "large": 1.3, "extra large": 1.5, "jumbo": 1.6}.get(size, 1.0)
    found = _kind_piece_grams(food) or _own_piece_grams(food) or _piece_grams(food, _COUNT_PORTIONS)
    if found:
        return found
    return _unsized_piece_grams(food)


_SIZED = re.compile(r"\b(?:small|medium|large|extra|jumbo)\b")


_PARTS = ("leaf", "slice", "floweret", "sprig", "wedge", "strip")


def _unsized_piece_grams(food: FoodRecord) -> float | None:
    """The first portion that is neither a measure nor a size: USDA's one piece ("sweetpotato, 5\" long").

    A part of the food (a leaf, a slice) is taken only when nothing else is listed.
    """
    found: list[Portion] = []
    for portion in food.portions:
        unit = _portion_words(portion)
        head = _portion_head(portion)
        if not head or any(head == n or head.startswith(n + " ") for n in _NOT_COUNT) or portion.amount <= 0:
            continue
        if not _SIZED.search(unit):
            found.append(portion)
    whole = [p for p in found if not _portion_words(p).startswith(_PARTS)]
    return _one_piece((whole or found)[0]) if found else None


def edible_share(parsed: ParsedLine, food: FoodRecord) -> float | None:
    """The edible share of a weight written as bought, or None when the weight is all eaten.

    Meat and fish weighed with bone ("1 whole chicken (3 1/2 lb)") unless the line says meat only; a
    vegetable or fruit only when the line trims it after weighing ("2 lb potatoes, peeled"), through
    USDA's refuse for that food.
    """
    for portion in food.portions:
        if portion.unit == AS_BOUGHT_UNIT and portion.amount > 0:
            animal = food.food_group in ("meat", "fish and seafood") or food.contains_meat or food.contains_fish
            if animal and _MEAT_ONLY.search(f"{parsed.food} {parsed.preparation}"):
                return None
            if not animal and not parsed.trimmed_after:
                return None
            return portion.grams / (portion.amount * POUND_G)
    return None


def unit_words(unit: str) -> tuple[str, ...]:
    """The unit and its other singular names, as USDA may word the portion: head -> head, bulb."""
    others = [alias for alias in units.ALIASES.get(unit, ()) if alias != unit and not alias.endswith("s")]
    return (unit, *others)


def drained_share(parsed: ParsedLine, food: FoodRecord) -> float | None:
    """The drained share of a can's net weight, for a food whose values are its drained solids.

    "1 (15 oz) can chickpeas" weighs the can's contents, liquid and all; USDA 16358 (chickpeas, canned,
    drained solids) gives "1 can drained" = 253 g, 58 % of a standard 15.5-oz can. Only legumes and
    vegetables: USDA's fish cans come in many sizes.
    """
    if parsed.unit != "can" or not food.food_group.lower().startswith(("legume", "vegetable")):
        return None
    for portion in food.portions:
        unit = _portion_words(portion)
        if unit.startswith("can") and "drain" in unit and "(" not in unit and portion.amount > 0:
            return min(1.0, portion.grams / portion.amount / STANDARD_CAN_G)
    return None


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
        density = _volume_portion_for(food, parsed.preparation) or grams_per_ml(food)
        if density is None:
            return parsed.ml, "no density known: taken as water"
        return parsed.ml * density, ""
    if amount is None:
        return None, "no amount"
    unit = parsed.unit
    if not unit:
        each = diameter_grams(food, parsed) or count_grams(food, parsed.size)
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
    piece = _piece_grams(food, unit_words(unit), parsed.size)
    if piece is None and unit == "fillet":
        piece = count_grams(food, parsed.size)  # "4 chicken breast fillets": a fillet is one whole piece
    if piece is not None:
        thick = _THICKNESS.search(parsed.note) if unit == "slice" and food.food_group == "grains" else None
        inches = (units.number_value(thick.group(1)) or 0.0) if thick else 0.0
        if 0 < inches <= MAX_SLICE_INCHES:
            # "9 slices (1-inch) bread": USDA's bread slice is a 1/2-inch sandwich slice
            return amount * piece * inches / BREAD_SLICE_INCHES, f"{inches:g}-inch slices"
        return amount * piece, ""
    if unit in CITRUS_UNIT_GRAMS:
        part = "zest" if any(w in food.name.lower() for w in ("zest", "peel", "rind")) else "juice"
        return amount * CITRUS_UNIT_GRAMS[unit][part], f"estimated {part} of a {unit}"
    if unit == "piece" and (length := _LINE_INCHES.search(parsed.note)) and "cinnamon" not in food.name.lower():
        # "1 (1-inch) piece ginger": a piece by its length
        inches = float(length.group(1))
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
    if unit == "stick" and food.food_group in ("vegetables", "fruits"):
        # "2 sticks celery" (UK): a stalk, not a 113 g stick of butter; "carrot sticks": a strip
        stalk = _piece_grams(food, ("stalk", "strip"))
        if stalk is not None:
            return amount * stalk, ""
        return amount * GENERIC_UNIT_GRAMS["stalk"], "estimated weight for a stick of a vegetable"
    if unit == "bunch" and food.food_group.lower().startswith("vegetable"):
        return amount * VEGETABLE_BUNCH_G, "estimated weight for a bunch of vegetables"
    if unit in GENERIC_UNIT_GRAMS:
        return amount * GENERIC_UNIT_GRAMS[unit], f"estimated weight for a {unit}"
    return None, f"no weight known for '{unit}' of {food.name}"
