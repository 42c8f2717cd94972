"""The words used everywhere (models, API, plans, fixtures) for diets, allergens and slots."""

# The 14 EU allergen groups (Regulation 1169/2011, Annex II), by the names the API uses.
ALLERGENS = (
    "gluten",
    "crustaceans",
    "eggs",
    "fish",
    "peanuts",
    "soy",
    "milk",
    "nuts",
    "celery",
    "mustard",
    "sesame",
    "sulphites",
    "lupin",
    "molluscs",
)

# Diets a recipe can fit, strictest first. "omnivore" fits every recipe and is not stored.
DIETS = ("vegan", "vegetarian", "pescatarian")
DIET_CHOICES = ("omnivore", *DIETS)

MEAL_TYPES = ("breakfast", "lunch", "dinner", "snack")

FODMAP_LEVELS = ("low", "moderate", "high")
FODMAP_RANK = {"": 0, "low": 1, "moderate": 2, "high": 3}

FOOD_GROUPS = (
    "vegetables",
    "fruits",
    "legumes",
    "grains",
    "nuts and seeds",
    "herbs and spices",
    "dairy and eggs",
    "meat",
    "fish and seafood",
    "fats and oils",
    "sweeteners",
    "condiments and sauces",
    "beverages",
    "fermented foods",
    "other",
)


def diets_for(*, meat: bool, fish: bool, dairy: bool, egg: bool, animal_product: bool) -> list[str]:
    """Which diets a set of ingredients fits, from the combined animal-food flags."""
    diets = []
    if not (meat or fish or dairy or egg or animal_product):
        diets.append("vegan")
    if not (meat or fish):
        diets.append("vegetarian")
    if not meat:
        diets.append("pescatarian")
    return diets
