"""Hand-built foods for the pure engine tests (values per 100 g from USDA SR28, rounded)."""

from recipes.engine.types import FoodRecord, Portion


def food(id: int, name: str, **values) -> FoodRecord:
    values.setdefault("is_common", True)
    return FoodRecord(id=id, name=name, **values)


ONION = food(
    1,
    "onion",
    aliases=("yellow onion", "brown onion"),
    food_group="vegetables",
    energy_kcal=40,
    carbohydrate_g=9.34,
    fiber_g=1.7,
    fructans_g=0.5,
    plant_species="onion",
    fodmap_level="high",
    fodmap_serving_g=12,
    low_fodmap_swap="green tops of spring onion",
    portions=(Portion(1, "cup, chopped", 160), Portion(1, 'medium (2-1/2" dia)', 110), Portion(1, "slice", 14)),
)
OATS = food(
    2,
    "rolled oats",
    aliases=("oats", "old-fashioned oats"),
    food_group="grains",
    energy_kcal=379,
    protein_g=13.2,
    fat_g=6.5,
    carbohydrate_g=67.7,
    fiber_g=10.1,
    beta_glucan_g=4.0,
    plant_species="oat",
    grain="whole",
    allergens=("gluten",),
    portions=(Portion(1, "cup", 81),),
)
YOGURT = food(
    3,
    "plain yogurt",
    aliases=("natural yogurt", "live yogurt"),
    food_group="dairy and eggs",
    energy_kcal=61,
    protein_g=3.5,
    fat_g=3.3,
    carbohydrate_g=4.7,
    sugars_g=4.7,
    live_cultures=True,
    fermented=True,
    contains_dairy=True,
    animal_product=True,
    allergens=("milk",),
    portions=(Portion(1, "cup (8 fl oz)", 245),),
)
OLIVE_OIL = food(
    4,
    "olive oil",
    aliases=("extra virgin olive oil",),
    food_group="fats and oils",
    energy_kcal=884,
    fat_g=100,
    portions=(Portion(1, "tbsp", 13.5), Portion(1, "cup", 216)),
)
GARLIC = food(
    5,
    "garlic",
    food_group="vegetables",
    energy_kcal=149,
    carbohydrate_g=33,
    fiber_g=2.1,
    plant_species="garlic",
    fodmap_level="high",
    fodmap_serving_g=3,
    portions=(Portion(1, "clove", 3), Portion(1, "tsp", 2.8)),
)
CHICKEN_STOCK = food(
    6,
    "chicken stock",
    aliases=("chicken broth",),
    food_group="condiments and sauces",
    energy_kcal=36,
    contains_meat=True,
    animal_product=True,
    portions=(Portion(1, "cup", 240),),
)
LEMON_JUICE = food(7, "lemon juice", food_group="fruits", energy_kcal=22, plant_species="lemon", free_sugar=False)
LEMON = food(
    8, "lemon", food_group="fruits", energy_kcal=29, plant_species="lemon", portions=(Portion(1, "fruit", 58),)
)
USDA_ONION = food(101, "Onions, raw", is_common=False, food_group="vegetables", energy_kcal=40)
USDA_SOUP = food(102, "CAMPBELL'S Red and White, Cream of Onion Soup, condensed", is_common=False, energy_kcal=81)
USDA_KALE = food(103, "Kale, raw", is_common=False, food_group="vegetables", energy_kcal=49, fiber_g=4.1)

ALL = (ONION, OATS, YOGURT, OLIVE_OIL, GARLIC, CHICKEN_STOCK, LEMON_JUICE, LEMON, USDA_ONION, USDA_SOUP, USDA_KALE)
