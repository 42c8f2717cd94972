"""Words of food names: lowercase, accent-free singular tokens, and the describing words the matcher drops."""

from __future__ import annotations

import re
import unicodedata

# Words that describe a food without changing what it is, dropped before matching.
DESCRIPTORS = frozenset(
    [
        "fresh",
        "freshly",
        "organic",
        "ripe",
        "large",
        "small",
        "medium",
        "big",
        "extra",
        "jumbo",
        "whole",
        "good",
        "quality",
        "best",
        "chopped",
        "diced",
        "sliced",
        "minced",
        "grated",
        "shredded",
        "crushed",
        "peeled",
        "seeded",
        "cored",
        "trimmed",
        "halved",
        "quartered",
        "cubed",
        "julienned",
        "torn",
        "rinsed",
        "drained",
        "packed",
        "loosely",
        "firmly",
        "lightly",
        "heaping",
        "level",
        "scant",
        "generous",
        "finely",
        "roughly",
        "coarsely",
        "thinly",
        "thickly",
        "very",
        "about",
        "approximately",
        "plus",
        "more",
        "needed",
        "taste",
        "optional",
        "room",
        "temperature",
        "cold",
        "warm",
        "hot",
        "chilled",
        "softened",
        "melted",
        "beaten",
        "divided",
        "separated",
        "sifted",
        "boneless",
        "skinless",
        "bone",
        "skin",
        "skinned",
        "pitted",
        "stemmed",
        "hulled",
        "store",
        "bought",
        "storebought",
        "homemade",
        "prepared",
        "plain",
        "pure",
        "natural",
        "raw",
        "of",
        "the",
        "a",
        "an",
        "and",
        "or",
        "for",
        "to",
        "into",
        "in",
        "with",
        "your",
        "favorite",
        "favourite",
        "such",
        "as",
    ]
)

# Words that do change the food: kept even though they look like descriptors.
KEEP_WORDS = frozenset({"dried", "dry", "cooked", "canned", "frozen", "smoked", "ground", "powder", "powdered"})

_IRREGULAR_PLURALS = {
    # plurals of words ending in "i", which the "-is" rule below keeps as they are
    "chapatis": "chapati",
    "rotis": "roti",
    "kiwis": "kiwi",
    "salamis": "salami",
    "wasabis": "wasabi",
    "leaves": "leaf",
    "loaves": "loaf",
    "halves": "half",
    "knives": "knife",
    "potatoes": "potato",
    "tomatoes": "tomato",
    "mangoes": "mango",
    "avocadoes": "avocado",
    "radishes": "radish",
    "peaches": "peach",
    "anchovies": "anchovy",
    "chives": "chive",
    "olives": "olive",
    "cloves": "clove",
    "dates": "date",
    "grapes": "grape",
    "limes": "lime",
    "apples": "apple",
    "oranges": "orange",
    "courgettes": "courgette",
    "aubergines": "aubergine",
    "prunes": "prune",
    "chillies": "chilli",
    "chilis": "chili",
    "chillis": "chilli",
    "chilies": "chili",
    "shallots": "shallot",
    "noodles": "noodle",
    "sprouts": "sprout",
    "molasses": "molasses",
    "hummus": "hummus",
    "asparagus": "asparagus",
    "couscous": "couscous",
    "swiss": "swiss",
    "brussels": "brussels",
    "lentils": "lentil",
    "oats": "oat",
    "greens": "green",
    "citrus": "citrus",
    "octopus": "octopus",
    "hibiscus": "hibiscus",
    "cactus": "cactus",
    "bass": "bass",
    "grass": "grass",
    "watercress": "watercress",
    "cress": "cress",
    "chips": "chip",
    "flakes": "flake",
    "seeds": "seed",
    "nibs": "nib",
    "peas": "pea",
    "beans": "bean",
    "chickpeas": "chickpea",
    "berries": "berry",
    "cherries": "cherry",
    "juices": "juice",
    "sauces": "sauce",
    "spices": "spice",
    "pieces": "piece",
    "slices": "slice",
    "dishes": "dish",
    "fries": "fry",
    "cookies": "cookie",
    "series": "series",
    "species": "species",
}
_NO_SINGULAR = frozenset({"hummus", "asparagus", "couscous", "molasses", "swiss", "brussels", "citrus", "lemongrass"})


def singular(word: str) -> str:
    """English singular of one lowercase word, good enough for food names."""
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if word in _NO_SINGULAR or len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "zes", "sses")):
        return word[:-2]
    if word.endswith("oes"):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


_NON_WORD = re.compile(r"[^a-z0-9]+")


# Letters NFKD does not split into a base letter and an accent: "kiełbasa", "smørrebrød", "Weißwurst"
_LETTERS = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "đ": "d", "ı": "i"}
)


def tokens(text: str) -> list[str]:
    """Lowercase, accent-free, singular words."""
    text = unicodedata.normalize("NFKD", text.translate(_LETTERS)).encode("ascii", "ignore").decode().lower()
    text = text.replace("&", " and ").replace("'s ", " ").replace("-", " ")
    return [singular(word) for word in _NON_WORD.split(text) if word]


def normalise(text: str) -> str:
    return " ".join(tokens(text))


def content_tokens(text: str) -> list[str]:
    return [t for t in tokens(text) if t not in DESCRIPTORS or t in KEEP_WORDS]
