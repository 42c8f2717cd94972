"""Amounts and units as people write them in ingredient lines.

The words ("tablespoons", "Tbsp", "T.", "c.") map to canonical names; the conversion factors to
grams and millilitres come from pint's unit registry, built once, on first use, because building
it takes a few hundred milliseconds. Volumes are US customary (a pint is 473 ml, as in
recipes/engine/portions.py). Pure Python, no Django.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

MASS = "mass"
VOLUME = "volume"
LENGTH = "length"
COUNT = "count"

# canonical name -> pint's name for it
_PINT_MASS = {"g": "gram", "kg": "kilogram", "mg": "milligram", "oz": "ounce", "lb": "pound"}
_PINT_VOLUME = {
    "cup": "cup",
    "tbsp": "tablespoon",
    "tsp": "teaspoon",
    "ml": "milliliter",
    "l": "liter",
    "dl": "deciliter",
    "cl": "centiliter",
    "fl oz": "fluid_ounce",
    "pint": "pint",
    "quart": "quart",
    "gallon": "gallon",
}
_PINT_LENGTH = {"inch": "inch", "cm": "centimeter", "mm": "millimeter"}

_ALIASES: dict[str, tuple[str, ...]] = {
    # mass
    "g": ("g", "gr", "grs", "gm", "gms", "grm", "grms", "gram", "grams", "gramme", "grammes"),
    "kg": ("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes"),
    "mg": ("mg", "milligram", "milligrams"),
    "oz": ("oz", "ozs", "ounce", "ounces"),
    "lb": ("lb", "lbs", "pound", "pounds", "ib", "ibs"),  # "1-Ib": a capital I typed for l
    # volume
    "cup": ("cup", "cups", "c", "cp"),
    "tbsp": (
        *("tbsp", "tbsps", "tbs", "tbl", "tbls", "tblsp", "tblspn", "tbspn", "tb", "tablespoon", "tablespoons"),
        *("tablespon", "tablespons", "tablesoon", "tablesoons", "tablspoon", "tablspoons"),  # common typos
    ),
    "tsp": ("tsp", "tsps", "tspn", "teaspoon", "teaspoons", "teaspon", "teaspons", "teasoon", "teasoons"),
    "ml": ("ml", "mls", "millilitre", "millilitres", "milliliter", "milliliters"),
    "l": ("l", "ltr", "ltrs", "litre", "litres", "liter", "liters"),
    "dl": ("dl", "decilitre", "decilitres", "deciliter", "deciliters"),
    "cl": ("cl", "centilitre", "centilitres", "centiliter", "centiliters"),
    "pint": ("pint", "pints", "pt", "pts"),
    "quart": ("quart", "quarts", "qt", "qts"),
    "gallon": ("gallon", "gallons", "gal", "gals"),
    # length (ginger, cinnamon bark, tortillas)
    "inch": ("inch", "inches"),
    "cm": ("cm", "centimetre", "centimetres", "centimeter", "centimeters"),
    "mm": ("mm",),
    # counted units, singular canonical names (recipes/engine/pieces.py knows their weights)
    "clove": ("clove", "cloves"),
    "can": ("can", "cans", "tin", "tins"),
    "slice": ("slice", "slices", "rasher", "rashers"),
    "stick": ("stick", "sticks"),
    "pinch": ("pinch", "pinches", "pinchs"),
    "handful": ("handful", "handfuls"),
    "bunch": ("bunch", "bunches"),
    "sprig": ("sprig", "sprigs"),
    "package": ("package", "packages", "pkg", "pkgs", "pack", "packs", "pouch", "pouches"),
    "packet": ("packet", "packets", "sachet", "sachets", "envelope", "envelopes"),
    "jar": ("jar", "jars"),
    "head": ("head", "heads", "bulb", "bulbs"),
    "stalk": ("stalk", "stalks", "rib", "ribs"),
    "fillet": ("fillet", "fillets", "filet", "filets"),
    "piece": ("piece", "pieces", "pc", "pcs"),
    "dash": ("dash", "dashes"),
    "leaf": ("leaf", "leaves"),
    "drop": ("drop", "drops"),
    "smidgen": ("smidgen", "smidgens"),
    "cube": ("cube", "cubes"),
    "bag": ("bag", "bags"),
    "box": ("box", "boxes"),
    "bottle": ("bottle", "bottles"),
    "carton": ("carton", "cartons"),
    "container": ("container", "containers", "tub", "tubs"),
    "sheet": ("sheet", "sheets"),
    "strip": ("strip", "strips"),
    "scoop": ("scoop", "scoops"),
    "knob": ("knob", "knobs"),
    "thumb": ("thumb", "thumbs"),
    "ear": ("ear", "ears"),
    "wedge": ("wedge", "wedges"),
    "block": ("block", "blocks"),
    "loaf": ("loaf", "loaves"),
    "link": ("link", "links"),
    "splash": ("splash", "splashes"),
    "drizzle": ("drizzle",),
    "squeeze": ("squeeze", "squeezes"),
    "punnet": ("punnet", "punnets"),
    "sleeve": ("sleeve", "sleeves"),  # of crackers
    "tube": ("tube", "tubes"),  # of refrigerated dough or tomato paste
    "ball": ("ball", "balls"),  # of fresh mozzarella, burrata or dough
    # another recipe
    "recipe": ("recipe", "recipes"),
    "batch": ("batch", "batches"),
}

ALIASES = _ALIASES
UNIT_WORDS: dict[str, str] = {alias: canonical for canonical, aliases in _ALIASES.items() for alias in aliases}

# Containers: a weight written next to one is the weight of each ("2 (400 g) tins").
# Metric volumes: written in brackets after a spoon or cup ("2 Tbsp (40ml)"), they are the writer's own measure.
METRIC_VOLUMES = frozenset({"ml", "l", "dl", "cl"})
CONTAINERS = frozenset(
    {"can", "jar", "package", "packet", "bag", "box", "bottle", "carton", "container", "block", "sleeve", "tube"}
)
# Units that mean one of themselves when no number is written ("pinch of salt").
IMPLIED_ONE = frozenset(
    {"pinch", "dash", "handful", "splash", "drizzle", "squeeze", "smidgen", "knob", "thumb", "bunch"}
)


def dimension(unit: str) -> str:
    if unit in _PINT_MASS:
        return MASS
    if unit in _PINT_VOLUME:
        return VOLUME
    if unit in _PINT_LENGTH:
        return LENGTH
    return COUNT


@functools.cache
def _factors() -> dict[str, float]:
    """Grams per mass unit, millilitres per volume unit, inches per length unit, from pint."""
    import pint

    registry = pint.UnitRegistry()
    factors: dict[str, float] = {}
    for table, target in ((_PINT_MASS, "gram"), (_PINT_VOLUME, "milliliter"), (_PINT_LENGTH, "inch")):
        for canonical, pint_name in table.items():
            factors[canonical] = float(registry.Quantity(1, pint_name).to(target).magnitude)
    return factors


def factor(unit: str) -> float:
    """Grams (mass), millilitres (volume) or inches (length) in one `unit`; 1.0 for counted units."""
    return _factors().get(unit, 1.0)


# --- numbers ---------------------------------------------------------------------------------

_WORD_NUMBERS = {
    "a": 1.0,
    "an": 1.0,
    "one": 1.0,
    "two": 2.0,
    "three": 3.0,
    "four": 4.0,
    "five": 5.0,
    "six": 6.0,
    "seven": 7.0,
    "eight": 8.0,
    "nine": 9.0,
    "ten": 10.0,
    "eleven": 11.0,
    "twelve": 12.0,
    "fifteen": 15.0,
    "twenty": 20.0,
    "half": 0.5,
    "a half": 0.5,
    "one half": 0.5,
    "a quarter": 0.25,
    "one quarter": 0.25,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "a couple": 2.0,
    "a couple of": 2.0,
    "couple": 2.0,
    "couple of": 2.0,
    "a few": 3.0,
    "a dozen": 12.0,
    "dozen": 12.0,
    "half a dozen": 6.0,
}

# Unicode fractions become " n/d" so "1½" reads as "1 1/2".
_VULGAR = {
    "½": "1/2",
    "⅓": "1/3",
    "⅔": "2/3",
    "¼": "1/4",
    "¾": "3/4",
    "⅕": "1/5",
    "⅖": "2/5",
    "⅗": "3/5",
    "⅘": "4/5",
    "⅙": "1/6",
    "⅚": "5/6",
    "⅛": "1/8",
    "⅜": "3/8",
    "⅝": "5/8",
    "⅞": "7/8",
    "⅐": "1/7",
    "⅑": "1/9",
    "⅒": "1/10",
}
_TRANSLATE = str.maketrans(
    {
        **{char: f" {value}" for char, value in _VULGAR.items()},
        "⁄": "/",
        "∕": "/",
        "–": "-",
        "—": "-",
        "‒": "-",
        "−": "-",
        "‐": "-",
        "‑": "-",
        "×": " x ",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\ufeff": "",
        "\u200b": "",
        "\u200c": "",
        "\u200d": "",
        "\u2060": "",
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
        "\t": " ",
    }
)


def normalise(text: str) -> str:
    """Unicode fractions, dashes and odd spaces made plain; whitespace collapsed."""
    if not text.isascii():
        text = text.translate(_TRANSLATE)
    if "humb" in text:
        text = _THUMB_PIECE.sub("thumb", text)  # "a thumb-sized piece of ginger": one thumb
    return " ".join(text.split())


_THUMB_PIECE = re.compile(r"\bthumb[\s-]*siz(?:ed|e)\s*(?:piece|knob|chunk)?", re.IGNORECASE)


_INT = r"\d{1,9}"
_DECIMAL = r"(?:\d{1,9}(?:[.,]\d+)?|[.,]\d+)"
_WORD_ALTERNATION = "|".join(sorted((re.escape(w) for w in _WORD_NUMBERS), key=len, reverse=True))
# One number in digits, as `number_value` reads it: "1 1/2", "1-1/2", "1 and 1/2", "3/4", "1.5"
# ("1½" once normalised).
NUMERAL = rf"(?:{_INT}(?:\s+and\s+|\s*-\s*|\s+){_INT}/{_INT}|{_INT}/{_INT}|{_DECIMAL})"
_ONE = rf"(?:{NUMERAL}|(?:{_WORD_ALTERNATION})(?=\s|$))(?:\s+and\s+a\s+half\b)?"
_SMALL_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_HIGH = rf"(?:{_INT}(?:\s+|\s*-\s*){_INT}/{_INT}|{_INT}/{_INT}|{_DECIMAL}|(?:{_SMALL_WORDS})\b)"
AMOUNT = re.compile(
    rf"(?P<lo>{_ONE})(?![\d/])(?:(?P<sep>\s*-\s*|\s+to\s+|\s+or\s+)(?P<hi>{_HIGH})(?![\d/]))?",
    re.IGNORECASE,
)
_MIXED = re.compile(rf"({_INT})(?:\s+and\s+|\s*-\s*|\s+)({_INT})/({_INT})")
_FRACTION = re.compile(rf"({_INT})/({_INT})")


def number_value(token: str) -> float | None:
    """The value of one written number ("1 1/2", "1,5", "½" after normalise, "a couple"); None if invalid."""
    token = token.strip().lower()
    extra = 0.0
    if token.endswith("and a half"):
        token = token[: -len("and a half")].strip()
        extra = 0.5
    if token in _WORD_NUMBERS:
        return _WORD_NUMBERS[token] + extra
    mixed = _MIXED.fullmatch(token)
    if mixed:
        whole, num, den = (int(g) for g in mixed.groups())
        return whole + num / den + extra if den else None
    fraction = _FRACTION.fullmatch(token)
    if fraction:
        num, den = int(fraction.group(1)), int(fraction.group(2))
        return num / den + extra if den else None
    if "," in token:
        head, _, tail = token.partition(",")
        # "1,000" groups thousands; "1,5" is a decimal comma.
        token = head + tail if len(tail) == 3 and head else head + "." + tail
    try:
        return float(token) + extra
    except ValueError:
        return None


@dataclass(frozen=True)
class Amount:
    low: float
    high: float | None
    separator: str  # "-", "to", "or" or "" when not a range
    end: int


def match_amount(text: str) -> Amount | None:
    """A number or a range at the start of `text`."""
    found = AMOUNT.match(text)
    if not found:
        return None
    low = number_value(found.group("lo"))
    if low is None:
        return None
    high = number_value(found.group("hi")) if found.group("hi") else None
    if high is None:
        return Amount(low, None, "", found.end("lo"))
    return Amount(low, high, found.group("sep").strip().lower(), found.end())


# --- unit words -----------------------------------------------------------------------------

_FLUID_OUNCE = re.compile(r"(?:fl\.?\s*oz|fluid\s+(?:ounces?|oz)|fl\.?\s+ounces?)\.?(?![A-Za-z0-9'\-])", re.IGNORECASE)
_UNIT_WORD = re.compile(r"([A-Za-z]+)(\.)?(?![A-Za-z0-9'\-])")


@dataclass(frozen=True)
class Unit:
    name: str  # canonical
    dimension: str
    end: int


def match_unit(text: str) -> Unit | None:
    """The unit word at the start of `text` ("Tbsp.", "cups", "fl oz", "T" = tbsp, "t" = tsp)."""
    fluid = _FLUID_OUNCE.match(text)
    if fluid:
        return Unit("fl oz", VOLUME, fluid.end())
    found = _UNIT_WORD.match(text)
    if not found:
        return None
    word = found.group(1)
    if word == "T":
        name = "tbsp"
    elif word == "t":
        name = "tsp"
    else:
        name = UNIT_WORDS.get(word.lower(), "")
    if not name or _NAMES_A_CUT.get(name, _NO_CUT).match(text, found.end()):
        return None
    return Unit(name, dimension(name), found.end())


# A unit word that begins a cut's name is the food: "2 strip steaks", "2 rib eye steaks", "4 cube steaks".
_NAMES_A_CUT = {
    "strip": re.compile(r"\s+(?:steaks?|loins?)\b", re.IGNORECASE),
    "stalk": re.compile(r"\s+(?:eyes?|steaks?|roasts?|chops?|racks?)\b", re.IGNORECASE),  # "rib"
    "cube": re.compile(r"\s+steaks?\b", re.IGNORECASE),
}
_NO_CUT = re.compile(r"(?!)")


@dataclass(frozen=True)
class Measure:
    low: float
    high: float | None
    unit: str
    dimension: str
    end: int

    @property
    def base(self) -> float:
        """The low amount in grams, millilitres or inches."""
        return self.low * factor(self.unit)


_MEASURE_GAP = re.compile(r"\s*-?\s*")


def match_measure(text: str, dimensions: tuple[str, ...] = (MASS, VOLUME)) -> Measure | None:
    """An amount followed by a unit of one of `dimensions` ("15-ounce", "400g", "1 1/2 cups")."""
    amount = match_amount(text)
    if amount is None:
        return None
    gap = _MEASURE_GAP.match(text, amount.end)
    start = gap.end() if gap else amount.end
    unit = match_unit(text[start:])
    if unit is None or unit.dimension not in dimensions:
        return None
    return Measure(amount.low, amount.high, unit.name, unit.dimension, start + unit.end)
