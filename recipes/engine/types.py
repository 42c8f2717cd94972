"""Plain data shared by the pure engine modules (parser, matcher, nutrition, score).

Nothing here imports Django: the engine is tested and benchmarked without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The value names used everywhere (food table, engine, stored recipe columns, API, analyze output).
# Per 100 g of a food: the USDA composition values, then the prebiotic fibres from the gut tables.
COMPOSITION_NUTRIENTS = (
    "energy_kcal",
    "protein_g",
    "fat_g",
    "saturated_fat_g",
    "carbohydrate_g",
    "fiber_g",
    "sugars_g",
    "sodium_mg",
)
PREBIOTIC_NUTRIENTS = ("fructans_g", "gos_g", "resistant_starch_g", "beta_glucan_g")
NUTRIENTS_PER_100G = (*COMPOSITION_NUTRIENTS, *PREBIOTIC_NUTRIENTS)
# Per serving of a recipe: stored as columns on Recipe and shown by the API, in this order.
PER_SERVING_NUTRIENTS = (
    "energy_kcal",
    "protein_g",
    "fat_g",
    "saturated_fat_g",
    "carbohydrate_g",
    "fiber_g",
    "sugars_g",
    "free_sugars_g",
    "sodium_mg",
    *PREBIOTIC_NUTRIENTS,
    "prebiotic_g",
    "live_culture_servings",
    "plants",
)


@dataclass(frozen=True)
class ParsedLine:
    """One ingredient line, parsed. See recipes/engine/parser.py."""

    raw: str
    kind: str = "ingredient"  # "ingredient" | "heading" | "reference" | "equipment" | "blank"
    quantity: float | None = None  # low end of a range; None when no amount is written
    quantity_max: float | None = None  # high end of a range ("1-2" -> 1, 2); None otherwise
    unit: str = ""  # canonical unit name ("cup", "tbsp", "g", "can", "clove", ...); "" for a count
    grams: float | None = None  # total weight when the line states one or the unit is a mass
    ml: float | None = None  # total volume when the unit is a volume
    size: str = ""  # "small" | "medium" | "large" | ""
    food: str = ""  # the food as written, cleaned ("red onion")
    preparation: str = ""  # "finely chopped", "drained", "cooked"
    optional: bool = False  # "to taste", "for garnish", "optional", "if desired"
    alternatives: tuple[str, ...] = ()  # other foods offered ("almond or cashew milk" -> ("cashew milk",))
    note: str = ""  # why a line is not an ingredient, or other remarks
    # "1 lb pasta, cooked", "1 cup quinoa (cooked according to package)": cooked after measuring, so the
    # amount is of the raw or dry food ("2 cups cooked rice" is measured cooked: False)
    cooked_after: bool = False
    # "2 lb potatoes, peeled", "1 lb green beans, trimmed": peeled or trimmed after weighing, so the weight
    # is as bought and includes what is cut away ("3 lb peeled potatoes" is weighed peeled: False)
    trimmed_after: bool = False
    # "2 eggs plus 1 egg yolk": a second amount of a food after a count, weighed on its own and added to
    # the line as the line's food ("1 egg yolk"); "" when the line names one amount
    also: str = ""

    @property
    def amount(self) -> float | None:
        """The amount to cook with: the middle of a range, else the quantity."""
        if self.quantity is None:
            return None
        if self.quantity_max is not None:
            return (self.quantity + self.quantity_max) / 2
        return self.quantity


@dataclass(frozen=True)
class Portion:
    """A household measure: `amount` `unit` weighs `grams` (USDA's words, e.g. "cup, chopped")."""

    amount: float
    unit: str
    grams: float


@dataclass(frozen=True)
class FoodRecord:
    """A food's values per 100 g, as the engine needs them. None means unknown, not zero."""

    id: int
    name: str
    aliases: tuple[str, ...] = ()
    food_group: str = ""
    is_common: bool = False
    energy_kcal: float | None = None
    protein_g: float | None = None
    fat_g: float | None = None
    saturated_fat_g: float | None = None
    carbohydrate_g: float | None = None
    fiber_g: float | None = None
    sugars_g: float | None = None
    sodium_mg: float | None = None
    fructans_g: float | None = None
    gos_g: float | None = None
    resistant_starch_g: float | None = None
    beta_glucan_g: float | None = None
    density_g_per_ml: float | None = None
    live_cultures: bool = False
    fermented: bool = False
    plant_species: str = ""
    is_herb_or_spice: bool = False
    fodmap_level: str = ""
    fodmap_serving_g: float | None = None
    low_fodmap_swap: str = ""
    allergens: tuple[str, ...] = ()
    contains_meat: bool = False
    contains_fish: bool = False
    contains_dairy: bool = False
    contains_egg: bool = False
    animal_product: bool = False
    ultra_processed: bool = False
    emulsifier: bool = False
    processed_meat: bool = False
    alcohol: bool = False
    free_sugar: bool = False
    grain: str = ""  # "whole" | "refined" | ""
    portions: tuple[Portion, ...] = ()


@dataclass(frozen=True)
class ServingNutrition:
    """Per-serving nutrition of a recipe (or of any amount of food): the score's input."""

    energy_kcal: float = 0.0
    protein_g: float = 0.0
    fat_g: float = 0.0
    saturated_fat_g: float = 0.0
    carbohydrate_g: float = 0.0
    fiber_g: float = 0.0
    sugars_g: float = 0.0
    free_sugars_g: float = 0.0
    sodium_mg: float = 0.0
    fructans_g: float = 0.0
    gos_g: float = 0.0
    resistant_starch_g: float = 0.0
    beta_glucan_g: float = 0.0
    live_culture_servings: float = 0.0  # servings of live-culture foods eaten uncooked
    cooked_ferment_servings: float = 0.0  # fermented foods that were heated (cultures gone)
    plants: float = 0.0  # distinct plants; herbs and spices count half
    plant_species: frozenset[str] = field(default_factory=frozenset)
    whole_grain_g: float = 0.0
    refined_grain_g: float = 0.0
    legumes_g: float = 0.0
    processed_meat_g: float = 0.0
    alcohol_uncooked: bool = False
    emulsifier_foods: tuple[str, ...] = ()  # names of ingredients with a flagged emulsifier
    ultra_processed_share: float = 0.0  # weight share of ultra-processed ingredients, 0..1

    @property
    def prebiotic_g(self) -> float:
        """Fermentable fibres we track: fructans, GOS, resistant starch and beta-glucan."""
        return self.fructans_g + self.gos_g + self.resistant_starch_g + self.beta_glucan_g
