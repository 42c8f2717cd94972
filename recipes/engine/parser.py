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
- "a"/"an" = 1, "a couple" = 2, "a few" = 3; "pinch of salt" without a number is one pinch.
- "to taste", "for garnish", "optional", "if desired", "as needed", "to serve"/"for serving" set
  `optional`; "plus more for drizzling" and "for frying" go to the note and do not.
- Headings: "For the dressing:", "DRESSING", "--- Sauce ---". References to another recipe
  ("1 recipe pizza dough", "1 batch pesto", "(see above)", "(recipe link)") have kind "reference"
  and keep their amount and food.
- Yields ("Serves 4", "1 cake") are read by recipes/engine/yields.py; `parse_yields` is re-exported here.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from . import citrus, combined, units
from .types import ParsedLine
from .units import COUNT, LENGTH, MASS, VOLUME
from .yields import parse_yields

__all__ = ["parse_line", "parse_yields"]  # parse_yields lives in yields.py; callers import it from here

SIZES = {
    "small": "small",
    "sm": "small",
    "medium": "medium",
    "med": "medium",
    "large": "large",
    "lg": "large",
    "big": "large",
    "extra large": "extra large",
    "extra-large": "extra large",
    "x-large": "extra large",
    "xl": "extra large",
    "jumbo": "jumbo",
}


# Participles that describe how a food is prepared; moved from the food name to `preparation`.
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PREP_WORDS = _words(
    "cooked uncooked chopped diced minced sliced grated shredded melted softened peeled cubed mashed "
    "packed sifted beaten halved quartered rinsed drained thawed defrosted trimmed pitted seeded deseeded "
    "cored torn julienned crumbled steamed boiled cooled whisked zested juiced squeezed scrubbed washed "
    "spiralized blanched sieved strained separated snipped segmented stemmed hulled"
)
PREP_ADVERBS = _words("finely roughly coarsely thinly thickly freshly lightly firmly loosely tightly well very")
# Words that start a bracket or a comma part describing preparation rather than a remark.
_PREP_STARTS = (
    PREP_WORDS
    | PREP_ADVERBS
    | _words(
        "cut at room cold warm hot chilled frozen fresh raw into in divided lukewarm "
        "broken ground crushed toasted roasted patted"
    )
    # the cut: "(bone-in, skin-on)" picks the food row, so it is preparation, not a note
    | _words("skin-on skin bone-in bone boneless skinless")
)
# "3 garlic cloves", "2 celery ribs": a unit written after the food.
_TRAILING_UNITS = frozenset({"clove", "stalk", "sprig", "slice", "fillet", "head"})

# "almond or cashew milk" is almond milk or cashew milk; "ghee or olive oil" is not ghee oil.
_SHARED_HEADS = _words(
    "milk flour vinegar wine rice beans broth stock cheese sugar pepper peppers onion onions tortillas juice "
    "lentils yogurt extract pasta noodles cabbage lettuce potatoes potato mushrooms squash chilies chiles "
    "chili chilli apples apple grapes tomatoes tomato berries seeds paprika mustard"
)
# "yellow or white onion", "light or dark rum", "jumbo or larger shrimp": a lone describing word before
# "or" shares the head noun of the option after it.
_ADJECTIVES = _words(
    "yellow white red green black brown golden purple orange light dark jumbo large larger small medium baby "
    "fresh frozen dried canned tinned cooked raw smoked sweet hot mild spicy unsalted salted reduced low whole "
    "skim plain greek regular instant quick long short wild ground"
)
# Words that can stand before a comma without being the food ("boneless, skinless chicken").
_LEADING_DESCRIPTORS = _words("boneless skinless bone-in skin-on fresh large small medium ripe organic extra lean")
# A bracket giving a ground meat's lean share: "(90/10 fat)", "(lean, 93%)", "(85% lean)".
_LEAN_PIECE = re.compile(
    r"^(?:extra[- ])?lean$"
    r"|^\d{2}\s*(?:%|percent)(?:\s*(?:lean|fat[- ]free))?$"
    r"|^\d{2}\s*/\s*\d{1,2}(?:\s*(?:lean|fat))?$"
)
# Cheap substring checks that let most lines skip the slower searches below.
_REFERENCE_HINTS = ("see", "recipe", "link", "above")
_OPTIONAL_HINTS = ("tast", "option", "desire", "need", "using", "like", "prefer", "garnish", "serv", "top")
_PLUS_HINTS = ("+", "plus")


def _maybe(text: str, hints: tuple[str, ...]) -> bool:
    return any(hint in text for hint in hints)


_HAS_WORD = re.compile(r"[^\W_]")
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
# A counted lemon, lime or orange whose preparation says it is juiced or only zested.
_LEAD_QUALIFIER = re.compile(
    r"^(?P<word>about|approximately|approx\.?|roughly|around|circa|~|up to|heaping|heaped|scant|generous|rounded)"
    r"\s*(?=[\d.]|an?\s|one\b|half\b)",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z ]{1,25}):\s*(?=\S)")
_LABELS = frozenset(
    {"garnish", "to garnish", "for garnish", "topping", "toppings", "to serve", "for serving", "optional"}
)
_NO_AMOUNT = re.compile(r"^(?:a little|a bit(?: of)?|a touch(?: of)?|some)\s+", re.IGNORECASE)
_HALF_ARTICLE = re.compile(r"(?:of\s+)?an?\s+", re.IGNORECASE)
_DOZEN = re.compile(r"dozen\b\s*", re.IGNORECASE)
_TIMES = re.compile(r"x\s*(?=[\d.])", re.IGNORECASE)
_PAREN_AT = re.compile(r"\(([^()]*)\)\s*")
_SIZE_AT = re.compile(
    r"(?P<size>extra[\s-]large|x-large|xl|jumbo|large|medium|small|big|med|lg|sm)(?:[\s-]sized?)?\b\.?\s*",
    re.IGNORECASE,
)
_MODIFIER_AT = re.compile(
    r"(?P<mod>slightly heaping|heaping|heaped|level|scant|generous|rounded|good|(?:extra[\s-])?thick|thin"
    r"|(?:lightly |firmly |loosely |tightly |well[\s-])?packed)\b\s*",
    re.IGNORECASE,
)
_COMPOUND = re.compile(r"\s*(?:\+|plus\b|and\b|&)?\s*", re.IGNORECASE)
_PLUS_AMOUNT = re.compile(r"\s*(?:\+|plus\b)\s*(?=[\d.])", re.IGNORECASE)
_ONLY_MEASURE_LEFT = re.compile(
    r"^\s*(?:each|can|tin|jar|package|pack|bag|box|bottle|carton|container)?s?\s*\.?$", re.I
)
_OF = re.compile(r"of\s+", re.IGNORECASE)
_SLASH = re.compile(r"\s*/\s*")
_QUALIFIER = re.compile(r"^(?:about|approximately|approx\.?|roughly|around|~|at least|at most|up to|total)\s*", re.I)
_BRACKETS = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
_OPTIONAL = re.compile(
    r"\b(?:(?:or |and )?to taste|optional(?:ly)?|if desired|as desired|if needed|as needed|if using|if you like"
    r"|if preferred|(?:for|to) garnish(?:ing)?|(?:for|to) serve|for serving|for topping|to top)\b",
    re.IGNORECASE,
)
_PLUS_MORE = re.compile(r"(?:^|\s)(?:plus|\+)\s+(?:more|extra|additional|some|a little)\b.*$", re.IGNORECASE)
_FOR_USE = re.compile(r"(?:^|\s)for\s+(?:the\s+)?(?:\w+\s+)?\w+ing\b.*$", re.IGNORECASE)
_ALTERNATIVE_START = re.compile(
    r"^(?:and/or|or use|or|sub(?:stitute)?(?: with)?|can sub(?:stitute)?|can use|swap(?: for| in)?)\s+", re.I
)
_OR = re.compile(r"\s+(?:and/or|or)\s+|(?<=[a-z])\s*/\s*(?=[a-z])")
_TRAILING_MEASURE = re.compile(r"^(?P<food>[^\d(]*[A-Za-z][^\d(]*?)\s*[-:,]?\s+(?P<measure>[\d.][^()]*)$")
_EDGE_JUNK = " -.,;:&+*'\"/"
_SIZE_NOT_AMOUNT_INCHES = 6  # "1 inch ginger" is an amount; "9 inch pound cake" is the cake's size
_CONNECTORS = re.compile(r"^(?:and|or|,|&)\s+|\s+(?:and|or|&)$", re.IGNORECASE)
_WORD = re.compile(r"[a-z][a-z'\-]*")


@dataclass(slots=True)
class _Draft:
    kind: str = "ingredient"
    low: float | None = None
    high: float | None = None
    unit: str = ""
    per_item: float | None = None  # grams or ml of one container/piece
    per_item_dimension: str = ""
    total_g: float | None = None  # a total weight written in brackets or after a slash
    size: str = ""
    optional: bool = False
    each: bool = False  # "½ tsp each salt and pepper": the amount is for every food listed
    alternatives: list[str] = field(default_factory=list)
    preparation: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def has_weight(self) -> bool:
        return (
            units.dimension(self.unit) == MASS
            or self.total_g is not None
            or (self.per_item is not None and self.per_item_dimension == MASS)
        )


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
    text = units.normalise(raw)
    if not _HAS_WORD.search(text):
        return ParsedLine(raw=raw, kind="blank")
    heading = _heading(text)
    if heading is not None:
        return ParsedLine(raw=raw, kind="heading", note=heading)
    text = _BULLET.sub("", text, count=1).strip()
    draft = _Draft()
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
    if _maybe(text.lower(), _REFERENCE_HINTS) and _REFERENCE.search(text):
        draft.kind = "reference"
    juice_of = citrus.CITRUS_PART.match(text)
    if juice_of:
        text = text[juice_of.end() :]
    rest = _amount_and_unit(text, draft)
    food = _food(rest, draft)
    if juice_of:
        food = citrus.citrus_food(juice_of.group("part").lower(), food, draft)
    elif not draft.unit and draft.low is not None and not draft.has_weight and citrus.CITRUS_FRUIT.match(food):
        food = citrus.prepared_citrus(food, draft)
    if draft.unit in ("recipe", "batch"):
        draft.kind = "reference"
    if draft.kind == "reference":
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
    if _FOR_HEADING.match(text) and len(text.split()) <= 6 and not _OPTIONAL.search(text):
        return text.lower()
    all_capitals = text.upper() == text and text.lower() != text
    if all_capitals and len(text.split()) <= 5 and not any(c.isdigit() for c in text):
        return text.strip(" :").lower()
    return None


def _amount_and_unit(text: str, draft: _Draft) -> str:
    """Read the amount, unit and any per-item or total measure at the start; return the rest."""
    rest = text
    while qualifier := _LEAD_QUALIFIER.match(rest):
        word = qualifier.group("word").lower()
        if word in ("heaping", "heaped", "scant", "generous", "rounded"):
            draft.notes.append(word)
        rest = rest[qualifier.end() :]
    no_amount = _NO_AMOUNT.match(rest)
    if no_amount:
        return rest[no_amount.end() :]
    amount = units.match_amount(rest)
    if amount is None:
        return _unit_without_amount(rest, draft)
    draft.low, draft.high = amount.low, amount.high
    was_half = rest[: amount.end].strip().lower() in ("half", "a half", "one half")
    rest = rest[amount.end :].lstrip(" ,")
    if (plus := _PLUS_AMOUNT.match(rest)) and (more := units.match_amount(rest[plus.end() :])):
        # "2/3 + 1/4 cup"
        draft.low += more.low
        draft.high = None
        rest = rest[plus.end() + more.end :].lstrip()
    if was_half and (article := _HALF_ARTICLE.match(rest)):
        rest = rest[article.end() :]
    if dozen := _DOZEN.match(rest):
        draft.low *= 12
        draft.high = draft.high * 12 if draft.high is not None else None
        rest = rest[dozen.end() :]
    if times := _TIMES.match(rest):
        spec = units.match_measure(rest[times.end() :])
        if spec:
            _set_per_item(draft, spec)
            rest = rest[times.end() + spec.end :].lstrip()
    elif draft.high is not None and amount.separator == "-":
        # "2 - 15 oz cans": a count and the size of each, not a range
        unit = units.match_unit(rest)
        if unit and unit.dimension in (MASS, VOLUME):
            container = units.match_unit(rest[unit.end :].lstrip())
            if container and container.name in units.CONTAINERS:
                _set_per_item(draft, units.Measure(draft.high, None, unit.name, unit.dimension, unit.end))
                draft.high = None
                rest = rest[unit.end :].lstrip()
    rest = _before_unit(rest, draft)
    unit = units.match_unit(rest)
    if unit is None:
        return rest
    draft.unit = unit.name
    rest = rest[unit.end :].lstrip()
    if unit.dimension in (MASS, VOLUME):
        rest = _compound(rest, draft, unit.dimension)
        container = units.match_unit(rest)
        if container and container.name in units.CONTAINERS and draft.per_item is None:
            # "15 oz can black beans", "500 g pack": the measure is the size of one container
            low, high = draft.low, draft.high
            middle = (low + high) / 2 if high is not None else low
            _set_per_item(draft, units.Measure(middle, None, draft.unit, unit.dimension, 0))
            draft.low, draft.high, draft.unit = 1.0, None, container.name
            rest = rest[container.end :].lstrip()
    if units.dimension(draft.unit) == COUNT:
        rest = _after_count_unit(rest, draft)
        if (plus := _PLUS_AMOUNT.match(rest)) and (extra := units.match_measure(rest[plus.end() :])):
            # "1 stick + 6 tablespoons butter": kept as a remark, the units cannot be added here
            draft.notes.append(rest[: plus.end() + extra.end].strip())
            rest = rest[plus.end() + extra.end :].lstrip()
    if each := combined.EACH_AFTER_UNIT.match(rest):
        draft.each = True
        rest = rest[each.end() :]
    if of := _OF.match(rest):
        rest = rest[of.end() :]
    return _slash_measures(rest, draft)


def _unit_without_amount(text: str, draft: _Draft) -> str:
    """'pinch of salt' (one pinch) or 'Flour 200g' (the amount written last)."""
    size = _SIZE_AT.match(text)
    after_size = text[size.end() :] if size else text
    unit = units.match_unit(after_size)
    if unit and unit.name in units.IMPLIED_ONE:
        draft.low, draft.unit = 1.0, unit.name
        if size:
            draft.size = _size_name(size.group("size"))
        rest = after_size[unit.end :].lstrip()
        if of := _OF.match(rest):
            rest = rest[of.end() :]
        return rest
    trailing = _TRAILING_MEASURE.match(text)
    if trailing:
        measure_text = trailing.group("measure").strip()
        measure = units.match_measure(measure_text)
        if measure and measure.end >= len(measure_text.rstrip(" .")):
            draft.low, draft.high, draft.unit = measure.low, measure.high, measure.unit
            return trailing.group("food")
    return text


def _size_name(word: str) -> str:
    word = " ".join(word.lower().split())
    return SIZES.get(word) or SIZES.get(word.replace(" ", "-"), "")


def _set_per_item(draft: _Draft, measure: units.Measure) -> None:
    middle = (measure.low + measure.high) / 2 if measure.high is not None else measure.low
    draft.per_item = middle * units.factor(measure.unit)
    draft.per_item_dimension = measure.dimension


def _before_unit(rest: str, draft: _Draft) -> str:
    """Sizes, modifiers and per-item measures between the number and the unit."""
    for _ in range(6):
        paren = _PAREN_AT.match(rest)
        if paren:
            content = paren.group(1).strip()
            spec = units.match_measure(_QUALIFIER.sub("", content), (MASS, VOLUME, LENGTH))
            if spec and spec.dimension != LENGTH:
                if draft.per_item is None:
                    _set_per_item(draft, spec)
            elif spec:
                draft.notes.append(content.lower())
            elif content.lower() in SIZES:
                draft.size = draft.size or SIZES[content.lower()]
            else:
                return rest
            rest = rest[paren.end() :]
            continue
        size = _SIZE_AT.match(rest)
        if size:
            draft.size = draft.size or _size_name(size.group("size"))
            rest = rest[size.end() :]
            continue
        modifier = _MODIFIER_AT.match(rest)
        if modifier:
            word = modifier.group("mod").lower()
            if word in ("good", "thick", "thin") and units.match_unit(rest[modifier.end() :]) is None:
                return rest
            (draft.preparation if "packed" in word else draft.notes).append(word)
            rest = rest[modifier.end() :]
            continue
        if rest[:1].isdigit() or rest[:1] == ".":
            spec = units.match_measure(rest, (MASS, VOLUME, LENGTH))
            if spec and spec.dimension == LENGTH:
                draft.notes.append(rest[: spec.end].lower())
                rest = rest[spec.end :].lstrip()
                continue
            if spec and draft.per_item is None:
                _set_per_item(draft, spec)
                rest = rest[spec.end :].lstrip()
                continue
        return rest
    return rest


def _compound(rest: str, draft: _Draft, dimension: str) -> str:
    """'1 lb 2 oz', '1 cup plus 2 tablespoons', '1 Tbsp + 1 tsp': add the parts in the first unit."""
    main_factor = units.factor(draft.unit)
    for _ in range(3):
        gap = _COMPOUND.match(rest)
        start = gap.end() if gap else 0
        if start >= len(rest) or not (rest[start].isdigit() or rest[start] == "."):
            return rest
        part = units.match_measure(rest[start:], (dimension,))
        if part is None:
            return rest
        extra = part.base / main_factor
        draft.low = (draft.low or 0.0) + extra
        if draft.high is not None:
            draft.high += extra
        rest = rest[start + part.end :].lstrip()
    return rest


def _after_count_unit(rest: str, draft: _Draft) -> str:
    """'1 can (15 oz)', '2 cans (400 g each)': the size of each container."""
    paren = _PAREN_AT.match(rest)
    if not paren:
        return rest
    content = paren.group(1).strip()
    measure_text = _QUALIFIER.sub("", content)
    spec = units.match_measure(measure_text)
    if spec is None or not _ONLY_MEASURE_LEFT.match(measure_text[spec.end :]):
        return rest
    if draft.unit in units.CONTAINERS or "each" in content.lower():
        if draft.per_item is None:
            _set_per_item(draft, spec)
    elif spec.dimension == MASS and draft.total_g is None:
        draft.total_g = _measure_middle(spec)
    return rest[paren.end() :]


def _slash_measures(rest: str, draft: _Draft) -> str:
    """'1 1/3 cups / 265 g sugar', '400g/14oz chickpeas': a second measure of the same amount."""
    for _ in range(2):
        slash = _SLASH.match(rest)
        if not slash or "/" not in rest[: slash.end()]:
            return rest
        spec = units.match_measure(rest[slash.end() :])
        if spec is None:
            return rest
        if spec.dimension == MASS and not draft.has_weight:
            draft.total_g = _measure_middle(spec)
        rest = rest[slash.end() + spec.end :].lstrip()
    return rest


def _measure_middle(spec: units.Measure) -> float:
    middle = (spec.low + spec.high) / 2 if spec.high is not None else spec.low
    return middle * units.factor(spec.unit)


def _food(rest: str, draft: _Draft) -> str:
    """The food name, with brackets and comma parts sorted into preparation, notes and flags."""
    rest = rest.replace("*", " ")
    asides: list[str] = []

    def keep(found: re.Match[str]) -> str:
        asides.append(found.group(1) if found.group(1) is not None else found.group(2))
        return " "

    for _ in range(3):
        before = rest
        rest = _BRACKETS.sub(keep, rest)
        if rest == before:
            break
    if "(" in rest:
        rest, _, unclosed = rest.partition("(")
        asides.append(unclosed)
    rest = rest.replace(")", " ").replace("]", " ")
    head, _, tail = rest.partition(",")
    # "boneless, skinless chicken breasts": a head of describing words only runs on into the next part.
    while tail and all(word.lower() in _LEADING_DESCRIPTORS for word in head.split()):
        following, _, tail = tail.partition(",")
        head = f"{head} {following}"
    if ";" in head:
        head, _, more = head.partition(";")
        tail = more + "," + tail
    pieces = tail.split(",") if tail else []
    while (
        draft.each
        and pieces
        and (first := _WORD.match(pieces[0].strip().lower()))
        and first.group(0) not in _PREP_STARTS
    ):
        head = f"{head}, {pieces.pop(0)}"  # "1 tsp each of cumin, coriander and paprika": the list is the food
    for piece in pieces:
        _aside(piece, draft, in_brackets=False)
    if not _HAS_WORD.search(head) and asides:
        # "1 packet (2 1/4 tsp instant yeast)": the food is inside the brackets
        for index, aside in enumerate(asides):
            measure = units.match_measure(aside.strip(), (MASS, VOLUME, LENGTH, COUNT))
            inner = aside.strip()[measure.end :] if measure else aside
            if _HAS_WORD.search(inner):
                head = inner
                del asides[index]
                break
    for aside in asides:
        for piece in aside.replace(";", ",").split(","):
            _aside(piece, draft, in_brackets=True)
    return _clean_head(head, draft)


def _aside(piece: str, draft: _Draft, *, in_brackets: bool) -> None:
    """Sort one comma part or bracket into optional, alternatives, weight, size, preparation or note."""
    piece = piece.strip(_EDGE_JUNK.replace(".", "")).rstrip(".")  # keep the "." of ".5 g"
    if not piece:
        return
    lowered = piece.lower()
    if _maybe(lowered, _PLUS_HINTS) and (plus := _PLUS_MORE.search(lowered)):
        draft.notes.append(plus.group(0).strip())
        lowered = lowered[: plus.start()].strip(_EDGE_JUNK)
    if _maybe(lowered, _OPTIONAL_HINTS) and _OPTIONAL.search(lowered):
        draft.optional = True
        for found in _OPTIONAL.findall(lowered):
            if "optional" not in found:
                draft.notes.append(found.strip())
        lowered = _CONNECTORS.sub("", _OPTIONAL.sub(" ", lowered).strip(_EDGE_JUNK)).strip(_EDGE_JUNK)
    if not lowered:
        return
    if lowered == "divided":
        draft.notes.append("divided")
        return
    alternative = _ALTERNATIVE_START.match(lowered)
    if alternative:
        name = _clean_name(lowered[alternative.end() :])
        if name:
            draft.alternatives.append(name)
        return
    if _LEAN_PIECE.match(lowered):  # "(90/10 fat)", "(lean, 90%)": picks the ground meat's row
        draft.preparation.append(lowered)
        return
    unqualified = _QUALIFIER.sub("", lowered)
    if unqualified[:1].isdigit() or unqualified[:1] == ".":
        spec = units.match_measure(unqualified)
        if spec is not None:
            if draft.low is None and draft.total_g is None:
                # "sugar for coating (1/3-1/2 cup)": the only amount on the line; "salt and pepper, ¼ tsp each"
                draft.low, draft.high, draft.unit = spec.low, spec.high, spec.unit
                draft.each = combined.says_each(unqualified[spec.end :])
            elif spec.dimension == MASS and not draft.has_weight:
                per_container = draft.unit in units.CONTAINERS and "total" not in lowered
                if draft.low is not None and ("each" in lowered or per_container):
                    _set_per_item(draft, spec)
                else:
                    draft.total_g = _measure_middle(spec)
            return
    if lowered in SIZES:
        draft.size = draft.size or SIZES[lowered]
        return
    first = _WORD.match(lowered)
    if lowered.startswith("for "):
        draft.notes.append(lowered)
    elif not in_brackets or (first and first.group(0) in _PREP_STARTS):
        draft.preparation.append(lowered)
    else:
        draft.notes.append(lowered)


def _clean_head(head: str, draft: _Draft) -> str:
    text = head.strip().lower()
    if _maybe(text, _PLUS_HINTS) and (plus := _PLUS_MORE.search(text)):
        draft.notes.append(plus.group(0).strip())
        text = text[: plus.start()]
    text = _trailing_extra(text, draft)
    if _maybe(text, _OPTIONAL_HINTS) and _OPTIONAL.search(text):
        draft.optional = True
        for found in _OPTIONAL.findall(text):
            if "optional" not in found:
                draft.notes.append(found.strip())
        text = _OPTIONAL.sub(" ", text)
    if "for " in text and (for_use := _FOR_USE.search(text)):
        draft.notes.append(for_use.group(0).strip())
        text = text[: for_use.start()]
    text, mixture = combined.split_mixture(text)
    if mixture:
        draft.notes.append(mixture)
    words = _clean_name(text).split()
    if words and words[0] in ("of", "each"):  # "¼ tsp each salt and pepper"
        words = words[1:]
    if words and words[0] in SIZES and units.dimension(draft.unit) == COUNT and len(words) > 1:
        draft.size = draft.size or SIZES[words[0]]
        words = words[1:]
    words = _move_preparation(words, draft)
    if len(words) > 1 and not draft.unit and draft.low is not None and words[-2] not in ("whole", "ground", "fresh"):
        unit = units.UNIT_WORDS.get(words[-1], "")
        if unit in _TRAILING_UNITS:
            draft.unit = unit
            words = words[:-1]
    if not words:
        return ""
    return _alternatives(" ".join(words), draft)


_TRAILING_PLUS = re.compile(r"\s*(?:\+|\bplus\b)\s*(?=[\d.])")


def _trailing_extra(text: str, draft: _Draft) -> str:
    """'1/2 cup chocolate chunks + 2 tbsp': the extra at the end is added when the units allow it."""
    if draft.low is None or not _maybe(text, _PLUS_HINTS):
        return text
    plus = _TRAILING_PLUS.search(text)
    if not plus:
        return text
    tail = text[plus.end() :].strip()
    dimension = units.dimension(draft.unit)
    extra = units.match_measure(tail, (dimension,)) if dimension in (MASS, VOLUME) else None
    if extra is None or extra.end < len(tail.rstrip(" .")):
        return text
    added = extra.base / units.factor(draft.unit)
    draft.low += added
    if draft.high is not None:
        draft.high += added
    return text[: plus.start()]


def _move_preparation(words: list[str], draft: _Draft) -> list[str]:
    """'2 cups cooked brown rice', 'finely chopped parsley', '85g butter melted': prep out of the name."""
    taken = 0
    while taken < len(words) - 1:
        word = words[taken]
        if word in PREP_WORDS:
            taken += 1
        elif word in PREP_ADVERBS and (words[taken + 1] in PREP_WORDS or words[taken + 1] == "ground"):
            taken += 2
        elif word in ("and", "&", "or") and taken and words[taken + 1] in PREP_WORDS:
            taken += 1
        else:
            break
    taken = min(taken, len(words) - 1)
    if taken:
        draft.preparation.insert(0, " ".join(words[:taken]))
        words = words[taken:]
    if len(words) > 1 and words[-1] in PREP_WORDS:
        draft.preparation.append(words[-1])
        words = words[:-1]
    return words


def _alternatives(text: str, draft: _Draft) -> str:
    """'olive oil or butter' -> olive oil (+ butter); 'almond or cashew milk' -> almond milk (+ cashew milk)."""
    parts = [_clean_name(part) for part in _OR.split(text)]
    parts = [part for part in parts if part]
    if not parts:
        return ""
    last = parts[-1].split()
    if (
        len(parts) > 1
        and len(last) > 1
        and (last[-1] in _SHARED_HEADS or all(p.split()[-1] in _ADJECTIVES for p in parts[:-1] if len(p.split()) == 1))
    ):
        shared = " ".join(last[1:])
        parts = [part if len(part.split()) > 1 else f"{part} {shared}" for part in parts[:-1]] + [parts[-1]]
    draft.alternatives[:0] = parts[1:]
    return parts[0]


def _clean_name(text: str) -> str:
    text = " ".join(text.split()).strip(_EDGE_JUNK)
    return _CONNECTORS.sub("", text).strip(_EDGE_JUNK)


def _finish(raw: str, draft: _Draft, food: str) -> ParsedLine:
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
    )
