"""What a line's words say about the form of the food it names, for the matcher (recipes/engine/matcher.py).

Word tables and pure helpers: a food packed in water or oil, a plant-based alternative of a dairy food, a
product made of another food, a lighter (fat-free, sugar-free) or a cooked form, and the food record that
takes a USDA row's values for such a form while keeping the curated food's flags. Pure Python, no Django.
"""

from __future__ import annotations

from dataclasses import replace

from .types import COMPOSITION_NUTRIENTS, PREBIOTIC_NUTRIENTS, FoodRecord

# What canned and jarred foods are packed in: "tuna in spring water", "artichoke hearts in olive oil".
_PACKING = frozenset(
    {
        "water",
        "spring",
        "brine",
        "oil",
        "olive",
        "sunflower",
        "vegetable",
        "extra",
        "virgin",
        "juice",
        "syrup",
        "light",
        "heavy",
        "natural",
        "own",
        "it",
        "its",
        "their",
        "fruit",
    }
)


def packed_in(words: list[str]) -> int:
    """The position of "in" when the words after it only name a packing medium, else 0."""
    if "in" not in words:
        return 0
    at = words.index("in")
    rest = words[at + 1 :]
    return at if at > 0 and rest and set(rest) <= _PACKING else 0


# "coconut yogurt", "vegan cheese shreds", "dairy-free sour cream": a plant-based alternative of a dairy
# food. When only the dairy noun is found, the line is reported rather than counted as dairy: its
# values and its diet flags (a vegan recipe is not a dairy one) would both be wrong.
PLANT_BASED = frozenset(
    {"vegan", "nondairy", "coconut", "almond", "cashew", "oat", "soy", "soya", "hemp", "pea", "macadamia", "hazelnut"}
)
PLANT_BASED_PAIRS = (("dairy", "free"), ("non", "dairy"), ("plant", "based"))


def as_row(food: FoodRecord, row: FoodRecord, *, gut_scale: float = 1.0) -> FoodRecord:
    """`food` with a USDA row's values per 100 g, under the row's id and name.

    The food keeps its allergens, diet flags, FODMAP level and gut fields (a USDA row has none of them:
    light butter is still milk), the gut fields scaled by `gut_scale`. USDA's rows often lack household
    measures, so the food's own follow the row's ("1 cup shredded fat-free cheddar" weighs as shredded
    cheddar, not as water).
    """
    values = {name: getattr(food, name) for name in PREBIOTIC_NUTRIENTS}
    gut = {name: value * gut_scale if value is not None else None for name, value in values.items()}
    return replace(
        food,
        id=row.id,
        name=row.name,
        is_common=False,
        **{name: getattr(row, name) for name in COMPOSITION_NUTRIENTS},
        **gut,
        portions=(*row.portions, *food.portions),
        density_g_per_ml=row.density_g_per_ml or food.density_g_per_ml,
    )


# Measured cooked: "1 cup cooked millet", "2 cups steamed spinach", "1 pouch precooked lentils".
SAID_COOKED = frozenset(
    {"cooked", "precooked", "boiled", "steamed", "microwave", "microwaveable", "microwavable", "leftover", "mashed"}
)
NOT_COOKED_YET = frozenset({"dried", "dry", "uncooked", "raw"})
COOKED_NAME = frozenset({"cooked", "boiled", "canned", "steamed", "stewed", "baked", "roasted"})
# USDA cooked rows that are dishes, not the food cooked in water ("Rice, white, glutinous, cooked" is fine;
# "Spinach souffle" and "Potatoes, mashed, home-prepared, whole milk and butter added" are not).
PREPARED_DISH = frozenset({"souffle", "mashed", "au", "gratin", "scalloped", "fried", "hash", "creamed", "pudding"})
COOKED_GROUPS = frozenset({"grains", "legumes", "vegetables"})
DRY_KCAL = 250.0  # a grain or legume row at this energy or more is dry: cooked grains are 100-200 kcal/100 g


# A lighter form of a food, as a line writes it and as USDA names it (FoodIndex._lighter_form).
_FAT_FREE = (frozenset({"fat", "free"}), frozenset({"nonfat"}))
_LOW_FAT = (frozenset({"lowfat"}), frozenset({"low", "fat"}), frozenset({"reduced", "fat"}), frozenset({"light"}))
_SUGAR_FREE = (
    frozenset({"sugar", "free"}),
    frozenset({"reduced", "calorie"}),
    frozenset({"low", "calorie"}),
    frozenset({"reduced", "sugar"}),
    frozenset({"diet"}),
    frozenset({"dietetic"}),
)
_LINE_FORMS = (
    (("fat", "free"), _FAT_FREE),
    (("non", "fat"), _FAT_FREE),
    (("nonfat",), _FAT_FREE),
    (("low", "fat"), _LOW_FAT),
    (("lowfat",), _LOW_FAT),
    (("reduced", "fat"), _LOW_FAT),
    (("sugar", "free"), _SUGAR_FREE),
    (("sugarless",), _SUGAR_FREE),
    (("no", "sugar"), _SUGAR_FREE),
    (("reduced", "sugar"), _SUGAR_FREE),
    (("low", "sugar"), _SUGAR_FREE),
    (("reduced", "calorie"), _SUGAR_FREE),
    (("low", "calorie"), _SUGAR_FREE),
    (("diet",), _SUGAR_FREE),
)
LIGHT_FORMS = (("light",), ("lite",))
LIGHTER_WORDS = frozenset({"fat", "nonfat", "lowfat", "skim", "light", "lite", "sugar", "calorie", "diet", "sugarless"})
# "light" is a lighter form only of dairy foods and fats ("light butter", "light cream cheese"): light brown
# sugar, light corn syrup, light soy sauce, light rum and light olive oil are other foods or the same energy.
LIGHT_GROUPS = frozenset({"dairy and eggs", "fats and oils"})
LIGHTER_ENERGY = 0.9  # the lighter row must have at most 90 % of the food's energy


def lighter_forms(words: list[str]) -> tuple[tuple[str, ...], tuple[frozenset[str], ...]]:
    """The words of the line naming a lighter form, and how USDA names that form; ((), ()) if none."""
    pairs = set(zip(words, words[1:], strict=False))
    for phrase, forms in (*_LINE_FORMS, *((light, _LOW_FAT) for light in LIGHT_FORMS)):
        if (len(phrase) == 1 and phrase[0] in words) or (len(phrase) == 2 and phrase in pairs):
            return phrase, forms
    return (), ()


# "coconut flour", "chocolate milk", "apple butter", "lemon curd", "peanut butter chips": nouns of a product
# made of the food named before them; see FoodIndex._unless_made_of.
MADE_OF_HEADS = frozenset(
    {
        "flour",
        "milk",
        "butter",
        "curd",
        "chip",
        "chips",
        "sorbet",
        "jam",
        "liqueur",
        "schnapps",
        "schnapp",
        "yogurt",
        "yoghurt",
        # "cream cheese frosting", "Scotch Finger biscuits", "peppermint candies", "sugar cookie dough"
        "biscuit",
        "biscuits",
        "cookie",
        "cookies",
        "frosting",
        "icing",
        "candy",
        "candies",
        "dough",
        "bark",
        # "mango chutney", "green chutney": a cooked, sweetened condiment, not the fruit or the greens
        "chutney",
        "chutneys",
        # "chole masala", "Madeira cake": a spice blend or a cake named after a dish or a wine
        "masala",
        "cake",
        "cakes",
        # "bread kvass", "beet kvass": a fermented drink made of the food
        "kvass",
    }
)
# The group of the product a head names: a food found in it is such a product already.
PRODUCT_GROUP = {
    **dict.fromkeys(("biscuit", "biscuits", "cookie", "cookies", "dough"), "grains"),
    **dict.fromkeys(("frosting", "icing", "candy", "candies", "bark"), "sweeteners"),
    **dict.fromkeys(("cake", "cakes"), "grains"),
    "masala": "herbs and spices",
}
# Of these, a flour, milk or butter differs from the generic one by what it is made of ("coconut flour" is
# not wheat flour); a jam or a sorbet is a jam or a sorbet whatever its fruit.
MADE_FROM_BASE = frozenset({"flour", "milk", "butter"})
