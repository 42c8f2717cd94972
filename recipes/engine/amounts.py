"""The amount part of an ingredient line: numbers, ranges, units, stated weights, containers and sizes.

Called by recipes/engine/parser.py with the line and its draft; returns what is left of the line.
"""

from __future__ import annotations

import re

from . import combined, units
from .draft import QUALIFIER, SIZES, Draft, measure_middle, set_per_item
from .units import COUNT, LENGTH, MASS, VOLUME

# "about 2 cups", "heaping tbsp": a word before the amount, dropped (a heaping or scant one kept as a note).
_LEAD_QUALIFIER = re.compile(
    r"^(?P<word>about|approximately|approx\.?|roughly|around|circa|~|up to|heaping|heaped|scant|generous|rounded)"
    r"\s*(?=[\d.]|an?\s|one\b|half\b)",
    re.IGNORECASE,
)
_NO_AMOUNT = re.compile(r"^(?:a little|a bit(?: of)?|a touch(?: of)?|some)\s+", re.IGNORECASE)
_HALF_ARTICLE = re.compile(r"(?:of\s+)?an?\s+", re.IGNORECASE)
_DOZEN = re.compile(r"dozen\b\s*", re.IGNORECASE)
_TIMES = re.compile(r"x\s*(?=[\d.])", re.IGNORECASE)
_PAREN_AT = re.compile(r"\(([^()]*)\)\s*")
# "(16-count)", "(12 ct)", "(about 20 pieces)": how many pieces a container holds
_COUNT_IN = re.compile(r"(\d+)\s*-?\s*(?:count|ct|pieces?|pcs)\.?", re.IGNORECASE)
_SIZE_AT = re.compile(
    r"(?P<size>extra[\s-]large|x-large|xl|jumbo|large|medium|small|big|med|lg|sm)(?:[\s-]sized?)?\b\.?\s*",
    re.IGNORECASE,
)
_MODIFIER_AT = re.compile(
    r"(?P<mod>slightly heaping|heaping|heaped|level|scant|generous|rounded|good|whole|(?:extra[\s-])?thick|thin"
    r"|(?:lightly |firmly |loosely |tightly |well[\s-])?packed)\b\s*",
    re.IGNORECASE,
)
_COMPOUND = re.compile(r"\s*(?:\+|plus\b|and\b|&)?\s*", re.IGNORECASE)
_PLUS_AMOUNT = re.compile(r"\s*(?:\+|plus\b)\s*(?=[\d.])", re.IGNORECASE)
_ONLY_MEASURE_LEFT = re.compile(
    r"^\s*(?:each|can|tin|jar|package|pack|bag|box|bottle|carton|container)?s?\s*\.?$", re.I
)
_OF = re.compile(r"of\s+", re.IGNORECASE)
_LENGTH_OF_PIECE = re.compile(
    r"-?\s*(?P<unit>inch(?:es)?|in\b|cm)\.?\s*(?=(?:piece|knob|chunk|stick|length)s?\b)", re.IGNORECASE
)
_SLASH = re.compile(r"\s*/\s*")
_DASHED_MEASURE = re.compile(
    r"^(?P<food>[^\d,]*[A-Za-z][^\d,]*?)\s+[-–—]\s+(?P<measure>\d[^,()]*?)\s*(?P<rest>[,(].*)?$"
)
_TRAILING_MEASURE = re.compile(r"^(?P<food>[^\d(]*[A-Za-z][^\d(]*?)\s*[-:,]?\s+(?P<measure>[\d.][^()]*)$")


def amount_and_unit(text: str, draft: Draft) -> str:
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
    if (length := _LENGTH_OF_PIECE.match(rest)) and draft.high is None:
        # "2-inch piece fresh ginger": one piece that long, not two pieces
        draft.notes.append(f"{draft.low:g}-inch" if length.group("unit").startswith("in") else f"{draft.low:g} cm")
        draft.low = 1.0
        rest = rest[length.end("unit") :].lstrip(" .")
    if was_half and (article := _HALF_ARTICLE.match(rest)):
        rest = rest[article.end() :]
    if dozen := _DOZEN.match(rest):
        draft.low *= 12
        draft.high = draft.high * 12 if draft.high is not None else None
        rest = rest[dozen.end() :]
    if times := _TIMES.match(rest):
        spec = units.match_measure(rest[times.end() :])
        if spec:
            set_per_item(draft, spec)
            rest = rest[times.end() + spec.end :].lstrip()
    elif draft.high is not None and amount.separator == "-":
        # "2 - 15 oz cans": a count and the size of each, not a range
        unit = units.match_unit(rest)
        if unit and unit.dimension in (MASS, VOLUME):
            container = units.match_unit(rest[unit.end :].lstrip())
            if container and container.name in units.CONTAINERS:
                set_per_item(draft, units.Measure(draft.high, None, unit.name, unit.dimension, unit.end))
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
            set_per_item(draft, units.Measure(middle, None, draft.unit, unit.dimension, 0))
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


def _unit_without_amount(text: str, draft: Draft) -> str:
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
    dashed = _DASHED_MEASURE.match(text)
    if dashed and units.match_amount(dashed.group("measure")):
        # "Onion - 2 medium, finely chopped", "jeera (cumin seeds) - 1 tsp" (Indian recipe sites): the amount
        # after a dash, read as if written first
        rest = dashed.group("rest") or ""
        separator = " " if rest.startswith("(") else ""
        return amount_and_unit(f"{dashed.group('measure')} {dashed.group('food')}{separator}{rest}", draft)
    trailing = _TRAILING_MEASURE.match(text)
    if trailing:
        measure_text = trailing.group("measure").strip()
        measure = units.match_measure(measure_text)
        if measure and measure.end >= len(measure_text.rstrip(" .")):
            draft.low, draft.high, draft.unit = measure.low, measure.high, measure.unit
            return trailing.group("food")
    return text


_ADJECTIVAL_MEASURE = re.compile(r"\d\s*-\s*[a-z]", re.IGNORECASE)


def _range_is_total(draft: Draft, content: str) -> bool:
    """'2 to 3 (1 pound) chicken breasts': after a range of pieces, a plain weight is all of them.

    A weight written as an adjective ('4-6 (6-ounce) fillets') or with 'each' stays the weight of one.
    """
    return draft.high is not None and "each" not in content.lower() and not _ADJECTIVAL_MEASURE.search(content)


def _size_name(word: str) -> str:
    word = " ".join(word.lower().split())
    return SIZES.get(word) or SIZES.get(word.replace(" ", "-"), "")


def _before_unit(rest: str, draft: Draft) -> str:
    """Sizes, modifiers and per-item measures between the number and the unit."""
    for _ in range(6):
        paren = _PAREN_AT.match(rest)
        if paren:
            content = paren.group(1).strip()
            spec = units.match_measure(QUALIFIER.sub("", content), (MASS, VOLUME, LENGTH))
            following = units.match_unit(rest[paren.end() :])
            in_container = following is not None and following.name in units.CONTAINERS
            if spec and spec.dimension == MASS and not in_container and _range_is_total(draft, content):
                draft.total_g = draft.total_g or measure_middle(spec)
            elif spec and spec.dimension != LENGTH:
                if draft.per_item is None:
                    set_per_item(draft, spec)
            elif spec:
                draft.notes.append(content.lower())
            elif content.lower() in SIZES:
                draft.size = draft.size or SIZES[content.lower()]
            elif in_container and (count := _COUNT_IN.fullmatch(QUALIFIER.sub("", content).strip())):
                # "1 (16-count) bag frozen dinner rolls": sixteen rolls, not one bag
                _pieces_in_container(draft, int(count.group(1)))
                rest = rest[paren.end() :]
                return rest[following.end :].lstrip()
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
            following = units.match_unit(rest[modifier.end() :])
            if word in ("good", "thick", "thin", "whole") and following is None:
                return rest  # "1 whole head garlic" is a head; "1 whole chicken" is a whole chicken
            if word == "whole" and following.name == "clove":
                return rest  # "4 whole cloves" are the spice
            (draft.preparation if "packed" in word else draft.notes).append(word)
            rest = rest[modifier.end() :]
            continue
        slash = _SLASH.match(rest)
        if draft.per_item is not None and slash and slash.end() and rest[:1] == "/":
            # "One 1-lb / 455 g piece": the same measure again, in other units
            again = units.match_measure(rest[slash.end() :])
            if again is not None:
                rest = rest[slash.end() + again.end :].lstrip()
                continue
        if rest[:1].isdigit() or rest[:1] == ".":
            spec = units.match_measure(rest, (MASS, VOLUME, LENGTH))
            if spec and spec.dimension == LENGTH:
                draft.notes.append(rest[: spec.end].lower())
                rest = rest[spec.end :].lstrip()
                continue
            if spec and draft.per_item is None:
                set_per_item(draft, spec)
                rest = rest[spec.end :].lstrip()
                continue
        return rest
    return rest


def _compound(rest: str, draft: Draft, dimension: str) -> str:
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


def _after_count_unit(rest: str, draft: Draft) -> str:
    """'1 can (15 oz)', '2 cans (400 g each)': the size of each container."""
    paren = _PAREN_AT.match(rest)
    if not paren:
        return rest
    content = paren.group(1).strip()
    measure_text = QUALIFIER.sub("", content)
    if draft.unit in units.CONTAINERS and (count := _COUNT_IN.fullmatch(measure_text.strip())):
        # "1 package (12 count) hot dog buns": twelve buns
        _pieces_in_container(draft, int(count.group(1)))
        return rest[paren.end() :]
    spec = units.match_measure(measure_text)
    if spec is None or not _ONLY_MEASURE_LEFT.match(measure_text[spec.end :]):
        return rest
    if draft.unit in units.CONTAINERS or "each" in content.lower():
        if draft.per_item is None:
            set_per_item(draft, spec)
    elif spec.dimension == MASS and draft.total_g is None:
        draft.total_g = measure_middle(spec)
    return rest[paren.end() :]


def _pieces_in_container(draft: Draft, count: int) -> None:
    """Containers of `count` pieces each: the line counts the pieces."""
    draft.low = (draft.low or 1.0) * count
    draft.high = draft.high * count if draft.high is not None else None
    draft.unit = ""
    draft.notes.append(f"{count} in each")


def _slash_measures(rest: str, draft: Draft) -> str:
    """'1 1/3 cups / 265 g sugar', '400g/14oz chickpeas': a second measure of the same amount."""
    for _ in range(2):
        slash = _SLASH.match(rest)
        if not slash or "/" not in rest[: slash.end()]:
            return rest
        spec = units.match_measure(rest[slash.end() :])
        if spec is None:
            return rest
        if spec.dimension == MASS and not draft.has_weight:
            draft.total_g = measure_middle(spec)
        rest = rest[slash.end() + spec.end :].lstrip()
    return rest
