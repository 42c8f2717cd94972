"""Ingredient lines to ParsedLine: amount, unit, weight or volume, food, preparation.

Regular expressions and a few word tables, no model: fast enough to parse every line of every
recipe on each save (tens of thousands of lines a second). `parse_line` never raises.

Choices a reader may want to know:
- A range keeps both ends (quantity, quantity_max); grams and ml are the total for the middle of
  the range, the same amount `ParsedLine.amount` gives.
- Masses become grams: unit "g" and quantity in grams ("8 oz" -> 226.8 g). dl and cl become "ml";
  cm becomes "inch". Volumes are US customary (a pint is 473 ml).
- A weight written on the line beats a volume ("1 cup (120 g) flour" -> grams 120, ml kept), and
  the first weight written wins ("400g/14oz" -> 400 g; "8 oz (225 g)" -> 226.8 g).
- A weight next to a container is per container ("2 (400 g) tins", "2 x 400g tins", "2 - 15 oz
  cans", "2 cans (15 oz)"); a weight in brackets elsewhere is the line's total ("4 chicken breasts
  (about 1.5 lb)").
- "Juice of 1 lemon" -> food "lemon juice", quantity 1, unit "lemon" (recipes/engine/citrus.py): USDA's "lemon yields"
  portion then weighs it. Same for zest, rind and peel, and for limes and oranges.
- "Whites of 3 eggs", "yolks from 2 large eggs", "4 eggs, whites only" -> food "egg white"/"egg yolk",
  quantity the eggs (recipes/engine/eggs.py).
- "a"/"an" = 1, "a couple" = 2, "a few" = 3; "pinch of salt" without a number is one pinch.
- "to taste", "for garnish", "optional", "if desired", "as needed", "to serve"/"for serving" set
  `optional`; "plus more for drizzling" and "for frying" go to the note and do not.
- Headings: "For the dressing:", "DRESSING", "--- Sauce ---". References to another recipe
  ("1 recipe pizza dough", "1 batch pesto", "(see above)", "(recipe link)") have kind "reference"
  and keep their amount and food. Skewers, cupcake liners, food colouring, and corn husks and banana
  leaves (wrappers) have kind "equipment": reported, not counted.
- Yields ("Serves 4", "1 cake") are read by recipes/engine/yields.py; `parse_yields` is re-exported here.
"""

from __future__ import annotations

import functools
import re

from . import citrus, combined, eggs, units
from .amounts import amount_and_unit
from .draft import HAS_WORD, OPTIONAL, Draft, mentions
from .foodname import food_name
from .types import ParsedLine
from .units import LENGTH, MASS, VOLUME
from .yields import parse_yields

__all__ = ["parse_line", "parse_yields"]  # parse_yields lives in yields.py; callers import it from here

# Cheap substring checks that let most lines skip the slower searches below.
_REFERENCE_HINTS = ("see", "recipe", "link", "above")

_DECORATED = re.compile(r"^(?:[-=*#_~]{2,}|#+(?=\s))\s*(?P<title>.*?)\s*[-=*#_~:]*$")

_BULLET = re.compile(r"^(?:[-*•·▪◦‣]+\s*|\d{1,2}[.)]\s+(?=[\d.A-Z]))")

_FOR_HEADING = re.compile(r"^for (?:the )?[^\d,()]{2,60}$", re.IGNORECASE)

_STARTS_WITH_NUMBER = re.compile(r"^[\d.]")

_OPTIONAL_PREFIX = re.compile(r"^\(?(?:optional|opt\.)\)?\s*[:\-]\s*", re.IGNORECASE)

_REFERENCE = re.compile(
    r"\bsee (?:above|below|(?:the )?recipe(?! notes?)|link|steps?)|\brecipe (?:above|below|link|here|follows)"
    r"|\blink(?:ed)? (?:above|below)|\(recipe\b|\b(?:my|our) recipe\b|\bfrom above\b",
    re.IGNORECASE,
)

_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z ]{1,25}):\s*(?=\S)")

_LABELS = frozenset(
    {"garnish", "to garnish", "for garnish", "topping", "toppings", "to serve", "for serving", "optional"}
)

# "8 cups cubed [Challah Bread | https://example.com/challah/]": a linked name is its text; bare links go
_LINK = re.compile(r"\[\s*([^\[\]|]+?)\s*\|\s*https?://[^\]\s]*\s*\]")
_URL = re.compile(r"\(?\s*https?://[^\s)\]]+\s*\)?")
# Lines that are not food: "10 bamboo skewers", "pink gel food coloring", "12 cupcake liners"
_NOT_FOOD = re.compile(
    r"\b(?:skewers?|toothpicks?|(?:kitchen|butcher'?s) twine|parchment(?: paper)?|baking paper"
    r"|(?:aluminium|aluminum|tin) foil|(?:dried )?corn husks?|banana leaf|banana leaves"
    r"|(?:cupcake|muffin|paper) (?:liners?|cases)|(?:food|gel|liquid) colou?r(?:ing)?s?|colou?ring gel)\b",
    re.IGNORECASE,
)
_SIZE_NOT_AMOUNT_INCHES = 6  # "1 inch ginger" is an amount; "9 inch pound cake" is the cake's size


def parse_line(text: str) -> ParsedLine:
    """Parse one ingredient line. Never raises: an unreadable line comes back as its own food."""
    if type(text) is str:
        return _parse_cached(text)
    return _parse_safely(text)


def _parse_safely(text: str) -> ParsedLine:
    try:
        return _parse(text)
    except Exception:  # a bad line must never stop a recipe import
        food = text.strip().lower()[:300] if isinstance(text, str) else ""
        return ParsedLine(raw=text, food=food, note="could not be parsed")


# Recipes repeat lines ("1 tsp salt"); ParsedLine is frozen, so sharing results is safe.
_parse_cached = functools.lru_cache(maxsize=8192)(_parse_safely)


def _parse(raw: str) -> ParsedLine:
    text = units.normalise(_URL.sub(" ", _LINK.sub(r"\1", raw)))
    if not HAS_WORD.search(text):
        return ParsedLine(raw=raw, kind="blank")
    heading = _heading(text)
    if heading is not None:
        return ParsedLine(raw=raw, kind="heading", note=heading)
    text = _BULLET.sub("", text, count=1).strip()
    draft = Draft()
    optional_prefix = _OPTIONAL_PREFIX.match(text)
    if optional_prefix:
        draft.optional = True
        text = text[optional_prefix.end() :]
    label = _LABEL.match(text)
    if label:
        name = label.group("label").strip().lower()
        rest = text[label.end() :]
        if name in _LABELS or name.startswith("for "):
            draft.optional = draft.optional or name in _LABELS
            draft.notes.append(name)
            text = rest
    if mentions(text.lower(), _REFERENCE_HINTS) and _REFERENCE.search(text):
        draft.kind = "reference"
    juice_of = citrus.CITRUS_PART.match(text)
    egg_of = None if juice_of else eggs.EGG_PART.match(text)
    if juice_of or egg_of:
        text = text[(juice_of or egg_of).end() :]
    rest = amount_and_unit(text, draft)
    food = food_name(rest, draft)
    if juice_of:
        food = citrus.citrus_food(juice_of.group("part").lower(), food, draft)
    elif egg_of:
        food = eggs.part_of(egg_of.group("part"), food)
    elif not draft.unit and draft.low is not None and not draft.has_weight and citrus.CITRUS_FRUIT.match(food):
        food = citrus.prepared_citrus(food, draft)
    else:
        food = eggs.prepared_part(food, draft)
    if draft.unit in ("recipe", "batch"):
        draft.kind = "reference"
    if _NOT_FOOD.search(food):
        draft.kind = "equipment"
        draft.notes.insert(0, "not a food: not counted")
    elif draft.kind == "reference":
        draft.notes.insert(0, "refers to another recipe: not counted")
    return _finish(raw, draft, food)


def _heading(text: str) -> str | None:
    """The section name when the line is a heading, else None."""
    decorated = _DECORATED.match(text)
    if decorated and decorated.group("title") and not _STARTS_WITH_NUMBER.match(decorated.group("title")):
        return decorated.group("title").strip(" :*").lower()
    text = _BULLET.sub("", text, count=1).strip()
    if _STARTS_WITH_NUMBER.match(text) or len(text) > 80:
        return None
    if text.endswith(":"):
        return text.rstrip(" :").lower()
    if _FOR_HEADING.match(text) and len(text.split()) <= 6 and not OPTIONAL.search(text):
        return text.lower()
    all_capitals = text.upper() == text and text.lower() != text
    if all_capitals and len(text.split()) <= 5 and not any(c.isdigit() for c in text):
        return text.strip(" :").lower()
    return None


# "2 cups quinoa (cooked, measured after cooking)": the amount is of the cooked food after all
_MEASURED_COOKED = re.compile(r"measured (?:after|once)|after cooking|cooked (?:weight|measure)", re.IGNORECASE)


# "2 eggs plus 1 egg yolk", "1 egg + 1 egg white", "2 eggs, plus 1 yolk": a second amount after a count
_ALSO = re.compile(r"(?:^|\s)(?:\+|plus|and|&)\s*(?=[\d½¼¾⅓⅔⅛])", re.IGNORECASE)


def _also(food: str, draft: Draft) -> tuple[str, str]:
    """(food, second amount and food) of "eggs plus 1 egg yolk" after a count. After a measure only a bare
    measure is kept apart ("1/4 cup sugar, plus 1 tablespoon": more of the same food), as "1 cup plus 2 tbsp"
    is summed by amounts.py."""
    if draft.low is None:
        return food, ""
    if not draft.unit:
        found = _ALSO.search(food)
        if found and found.start() > 0 and _NAMES_SOMETHING.search(food[found.end() :]):
            return food[: found.start()].strip(" ,"), food[found.end() :].strip()
    kept_apart = _BARE_MEASURE.fullmatch if draft.unit else _NAMES_SOMETHING.search
    for position, part in enumerate(draft.preparation):
        found = _ALSO.match(part := part.strip())
        if found and kept_apart(rest := part[found.end() :].strip()):
            draft.preparation[position] = ""
            return food, rest
    return food, ""


_BARE_MEASURE = re.compile(
    r"[\d½¼¾⅓⅔⅛/. ]+\s*(?:tablespoons?|tbsps?|tbs|teaspoons?|tsps?|cups?|g|grams?|oz|ounces?|ml)\.?", re.IGNORECASE
)
_NAMES_SOMETHING = re.compile(r"[a-z]", re.IGNORECASE)  # "plus 1 yolk", not a bare "plus 1" (for garnish)


_SAME_VOLUME = (0.7, 1.4)


def _finish(raw: str, draft: Draft, food: str) -> ParsedLine:
    food, also = _also(food, draft)
    low, high, unit = draft.low, draft.high, draft.unit
    if draft.each and low is not None and len(items := combined.list_items(food)) > 1:
        low, high, food = low * len(items), high * len(items) if high is not None else None, items[0]
        draft.notes.append(f"each of {len(items)}: weighed as {len(items)} x {items[0]}")
    if unit == "inch" and low is not None and low >= _SIZE_NOT_AMOUNT_INCHES and not draft.has_weight:
        # "9 inch pound cake", "10 inch tortilla": a size, not 9 inches of cake
        draft.notes.append(f"{low:g} inch")
        low, high, unit = 1.0, None, ""
    dimension = units.dimension(unit)
    if dimension == MASS or (dimension == VOLUME and unit in ("dl", "cl")) or unit in ("cm", "mm"):
        to_base = units.factor(unit)
        low = low * to_base if low is not None else None
        high = high * to_base if high is not None else None
        unit = {MASS: "g", VOLUME: "ml", LENGTH: "inch"}[dimension]
    if high is not None and low is not None and high <= low:
        low, high = (high, low) if high < low else (low, None)
    if low is None:
        high = None
    amount = low if high is None or low is None else (low + high) / 2
    grams = ml = None
    if dimension == MASS:
        grams = amount
    elif dimension == VOLUME and amount is not None:
        ml = amount * units.factor(unit)
    elif draft.per_item is not None:
        count = amount if amount is not None else 1.0
        if draft.per_item_dimension == MASS:
            grams = count * draft.per_item
        else:
            ml = count * draft.per_item
    if draft.total_g is not None and dimension != MASS:
        grams = draft.total_g
    elif (
        draft.total_ml is not None
        and ml
        and unit not in units.METRIC_VOLUMES
        and _SAME_VOLUME[0] <= draft.total_ml / ml <= _SAME_VOLUME[1]
    ):
        # the same amount in the writer's metric measure, not another food's ("1 tbsp cornstarch mixed with
        # 2 tablespoons (30ml) water"): within an Australian tablespoon's 20 ml for a US 14.8 ml one
        ml = draft.total_ml
    return ParsedLine(
        raw=raw,
        kind=draft.kind,
        quantity=low,
        quantity_max=high,
        unit=unit,
        grams=grams,
        ml=ml,
        size=draft.size,
        food=food,
        preparation=", ".join(" ".join(p.split()) for p in draft.preparation if p.strip()),
        optional=draft.optional,
        alternatives=tuple(dict.fromkeys(a for a in draft.alternatives if a and a != food)),
        note="; ".join(dict.fromkeys(" ".join(n.split()) for n in draft.notes if n.strip())),
        cooked_after="cooked" not in draft.leading_preparation.split()
        and any("cooked" in p.split() for p in draft.preparation)
        and not _MEASURED_COOKED.search(raw),
        trimmed_after=_trimmed_after(raw, draft),
        also=also,
    )


_TRIMMED = re.compile(r"\b(?:peeled|trimmed|cored|seeded|deseeded|pitted|stemmed|hulled|stoned|shelled)\b")
_ALREADY = re.compile(r"\b(?:previously|already|pre-?)\s*(?:peeled|trimmed|cored|seeded|pitted|shelled)", re.IGNORECASE)


def _trimmed_after(raw: str, draft: Draft) -> bool:
    """Whether the food is peeled, trimmed or pitted after it was weighed (a comma part or brackets)."""
    trailing = [p for p in draft.preparation if p != draft.leading_preparation]
    return any(_TRIMMED.search(p) for p in trailing) and not _ALREADY.search(raw)
